#!/bin/sh
# tests/kernel/remote_client.sh - our audisp-remote on 127.0.0.1: into our
# listener and into the reference's (Debian's auditd, local_events = no,
# under the kernel lock), the collector's log compared line for line with
# the input (EOE records never sent); mode = forward through collector
# restarts and a SIGKILL of the client (nothing lost, duplicates counted);
# network_failure_action = stop; overflow_action; heartbeats keeping an
# idle connection open past tcp_client_max_idle; format = ascii; the
# collector's disk low and full (a tiny tmpfs): DISKLOW/DISKFULL and the
# client's actions; the link cut for REMOTE_CUT_SECS (default 30; a veth
# pair into a network namespace of the test) in forward mode; the
# config errors (exit 6, FILE:LINE:) and krb5/tls refused.
# Neither collector registers with the kernel (checked: audit pid 0).
. "$(dirname "$0")/../lib/common.sh"
. "$TOP/tests/lib/remote.sh"
remote_begin remote_client
AR=$AB_BIN/audisp-remote

stream 100000

# ---- ours into ours: complete, in order, once ----
P=$(free_port)
D=$T_TMP/o2o
srvconf "$D" "$P"
clconf "$T_TMP/c.conf" "$P"
if ours "$D"; then
	AUDITBOX_REMOTE_CONF=$T_TMP/c.conf "$AR" <"$T_TMP/in.txt" 2>"$T_TMP/c.err"
	rc=$?
	netpart "$D/log/audit.log" >"$T_TMP/got"
	if [ $rc = 0 ] && cmp -s "$T_TMP/want.txt" "$T_TMP/got"; then
		pass "remote_ours_to_ours ($NW records)"
	else
		fail remote_ours_to_ours "rc $rc, $(wc -l <"$T_TMP/got") of $NW; $(head -3 "$T_TMP/c.err")"
	fi
fi
stopsrv

# ---- forward mode: the collector stopped and restarted 3 times, then
# the client killed (SIGKILL) and restarted: nothing lost ----
P=$(free_port)
D=$T_TMP/fwd
srvconf "$D" "$P"
Q=$T_TMP/spool/remote.log
clconf "$T_TMP/f.conf" "$P" "mode = forward" "queue_file = $Q" \
	"queue_depth = 200000" "network_failure_action = warn_once" \
	"network_retry_time = 1" "remote_ending_action = reconnect"
head -40000 "$T_TMP/in.txt" >"$T_TMP/part1"
tail -n +40001 "$T_TMP/in.txt" >"$T_TMP/part2"
ours "$D"
mkfifo "$T_TMP/fifo"
AUDITBOX_REMOTE_CONF=$T_TMP/f.conf "$AR" <"$T_TMP/fifo" 2>"$T_TMP/f.err" 9>&- &
CPID=$!
# part1 trickles in (500 lines every 50 ms) while the collector goes
awk '{ print; if (NR % 500 == 0) { fflush(); system("sleep 0.05") } }' \
	"$T_TMP/part1" >"$T_TMP/fifo" &
FEED=$!
for k in 1 2 3; do
	wait_for "$D/log/audit.log" '^node=cl ' 2000
	stopsrv
	mv "$D/log/audit.log" "$T_TMP/fwd.log.$k"
	sleep 0.5
	[ $k = 3 ] && break
	ours "$D"
done
# the collector is down: the rest of part1 waits in the client's queue
# file when the client is killed; a new client sends it with part2
wait $FEED
sleep 0.5
kill -KILL $CPID
wait $CPID 2>/dev/null
CPID=
left=$(stat -c %s "$Q")
ours "$D"
AUDITBOX_REMOTE_CONF=$T_TMP/f.conf "$AR" <"$T_TMP/part2" 2>>"$T_TMP/f.err" 9>&-
rc=$?
stopsrv
cat "$T_TMP"/fwd.log.* "$D/log/audit.log" | netpart /dev/stdin >"$T_TMP/fgot"
sort -u "$T_TMP/fgot" >"$T_TMP/fgot.u"
sort "$T_TMP/want.txt" >"$T_TMP/want.s"
lost=$(comm -23 "$T_TMP/want.s" "$T_TMP/fgot.u" | wc -l)
dups=$(($(wc -l <"$T_TMP/fgot") - $(wc -l <"$T_TMP/fgot.u")))
if [ $rc = 0 ] && [ "$lost" = 0 ]; then
	pass "remote_forward_restarts_and_kill (0 lost, $dups duplicates, $left bytes queued at the kill)"
else
	fail remote_forward_restarts_and_kill "rc $rc, $lost lost, $dups duplicates; $(tail -3 "$T_TMP/f.err")"
fi
[ ! -s "$Q" ] || [ "$(stat -c %s "$Q")" = 16 ] && pass remote_forward_queue_emptied ||
	fail remote_forward_queue_emptied "$(stat -c %s "$Q") bytes left"

# ---- forward mode, the collector killed (SIGKILL: no ENDING, records
# written but not acked) and restarted on its log 3 times: nothing lost,
# nothing written twice (the resends recognised, also across its
# restart) ----
P=$(free_port)
D=$T_TMP/kill
srvconf "$D" "$P"
clconf "$T_TMP/kq.conf" "$P" "mode = forward" "queue_file = $T_TMP/spoolk/q" \
	"queue_depth = 200000" "network_failure_action = warn_once"
ours "$D"
awk '{ print; if (NR % 500 == 0) { fflush(); system("sleep 0.05") } }' \
	"$T_TMP/part1" | AUDITBOX_REMOTE_CONF=$T_TMP/kq.conf "$AR" 2>"$T_TMP/kq.err" 9>&- &
CPID=$!
for k in 1 2 3; do
	wait_for "$D/log/audit.log" '^node=cl ' $((k * 4000))
	kill -KILL "$SPID"
	wait "$SPID" 2>/dev/null
	ours "$D"
done
wait $CPID
rc=$?
CPID=
stopsrv
grep -v type=EOE "$T_TMP/part1" | sort >"$T_TMP/p1.s"
netpart "$D/log/audit.log" >"$T_TMP/kgot"
lost=$(sort -u "$T_TMP/kgot" | comm -13 - "$T_TMP/p1.s" | wc -l)
dups=$(($(wc -l <"$T_TMP/kgot") - $(sort -u "$T_TMP/kgot" | wc -l)))
[ $rc = 0 ] && [ "$lost" = 0 ] && [ "$dups" = 0 ] &&
	pass "remote_forward_collector_killed ($(wc -l <"$T_TMP/kgot") records, 0 lost, 0 duplicates)" ||
	fail remote_forward_collector_killed "rc $rc, $lost lost, $dups duplicates"

# ---- no collector: network_failure_action = stop; overflow ----
P=$(free_port)
clconf "$T_TMP/n.conf" "$P" "network_failure_action = stop" \
	"max_tries_per_record = 2" "network_retry_time = 1"
head -3 "$T_TMP/want.txt" | AUDITBOX_REMOTE_CONF=$T_TMP/n.conf "$AR" 2>"$T_TMP/n.err"
rc=$?
[ $rc = 1 ] && grep -q 'network failure sending to 127.0.0.1.*exiting' "$T_TMP/n.err" &&
	pass remote_network_failure_stop || fail remote_network_failure_stop "rc $rc: $(cat "$T_TMP/n.err")"
clconf "$T_TMP/n.conf" "$P" "network_failure_action = stop" \
	"queue_depth = 5" "overflow_action = syslog" "max_time_per_record = 1"
head -8 "$T_TMP/want.txt" | AUDITBOX_REMOTE_CONF=$T_TMP/n.conf "$AR" 2>"$T_TMP/n.err"
[ "$(grep -c 'queue is full (queue_depth 5), record dropped' "$T_TMP/n.err")" = 3 ] &&
	pass remote_overflow_action || fail remote_overflow_action "$(cat "$T_TMP/n.err")"

# ---- heartbeats keep an idle client past tcp_client_max_idle ----
P=$(free_port)
D=$T_TMP/hb
srvconf "$D" "$P" "tcp_client_max_idle = 2"
clconf "$T_TMP/h.conf" "$P" "heartbeat_timeout = 1"
if ours "$D"; then
	{ head -1 "$T_TMP/want.txt"; sleep 5; head -2 "$T_TMP/want.txt" | tail -1; } |
		AUDITBOX_REMOTE_CONF=$T_TMP/h.conf "$AR" 2>"$T_TMP/h.err"
	rc=$?
	stopsrv
	if [ $rc = 0 ] && [ "$(grep -c DAEMON_ACCEPT "$D/log/audit.log")" = 1 ] &&
	   [ "$(netpart "$D/log/audit.log" | wc -l)" = 2 ]; then
		pass remote_heartbeat_keeps_connection
	else
		fail remote_heartbeat_keeps_connection "rc $rc; $(grep -E 'DAEMON_(ACC|CLO)' "$D/log/audit.log" | wc -l) accept/close"
	fi
	# without heartbeats the collector closes it, and the client
	# reconnects for the second record
	srvconf "$D" "$P" "tcp_client_max_idle = 2"
	ours "$D"
	clconf "$T_TMP/h.conf" "$P"
	{ head -1 "$T_TMP/want.txt"; sleep 5; head -2 "$T_TMP/want.txt" | tail -1; } |
		AUDITBOX_REMOTE_CONF=$T_TMP/h.conf "$AR" 2>"$T_TMP/h.err"
	rc=$?
	stopsrv
	[ $rc = 0 ] && [ "$(grep -c DAEMON_ACCEPT "$D/log/audit.log")" = 2 ] &&
	   [ "$(netpart "$D/log/audit.log" | wc -l)" = 2 ] &&
		pass remote_idle_closed_then_reconnect ||
		fail remote_idle_closed_then_reconnect "rc $rc: $(cat "$T_TMP/h.err")"
fi

# ---- format = ascii: plain lines, which auditd's listener skips ----
P=$(free_port)
D=$T_TMP/ascii
srvconf "$D" "$P"
clconf "$T_TMP/a.conf" "$P" "format = ascii"
if ours "$D"; then
	head -5 "$T_TMP/in.txt" | AUDITBOX_REMOTE_CONF=$T_TMP/a.conf "$AR" 2>"$T_TMP/a.err"
	rc=$?
	sleep 0.3
	stopsrv
	[ $rc = 0 ] && [ "$(netpart "$D/log/audit.log" | wc -l)" = 0 ] &&
		grep -q DAEMON_CLOSE "$D/log/audit.log" &&
		pass remote_ascii_skipped_by_listener || fail remote_ascii_skipped_by_listener "rc $rc"
fi

# ---- the collector's disk low, then full (a 256 KiB tmpfs in its own
# mount namespace): DISKLOW and DISKFULL replies, the client's actions;
# every record either logged or dropped by disk_full_action, once ----
P=$(free_port)
D=$T_TMP/full
srvconf "$D" "$P" "disk_full_action = IGNORE"
clconf "$T_TMP/d.conf" "$P" "disk_low_action = syslog" \
	"disk_full_action = syslog"
head -3000 "$T_TMP/want.txt" >"$T_TMP/w3k"
AUDITBOX_PIDFILE=$D/pid unshare -m sh -c "mount -t tmpfs -o size=256k tmpfs '$D/log' &&
	exec '$AB_BIN/auditd' -n -c '$D'" 9>&- 2>"$D/err" &
SPID=$!
if wait_for "/proc/$SPID/root$D/log/audit.log" DAEMON_START; then
	AUDITBOX_REMOTE_CONF=$T_TMP/d.conf "$AR" <"$T_TMP/w3k" 2>"$T_TMP/d.err"
	rc=$?
	grep -Fxf "$T_TMP/w3k" "/proc/$SPID/root$D/log/audit.log" >"$T_TMP/dgot"
	torn=$(grep -v -e '^type=DAEMON_' "/proc/$SPID/root$D/log/audit.log" |
		grep -cvFxf "$T_TMP/w3k")
	stopsrv
	logged=$(wc -l <"$T_TMP/dgot")
	full=$(grep -c 'remote server 127.0.0.1: disk full: disk full$' "$T_TMP/d.err")
	low=$(grep -c 'remote server 127.0.0.1: disk low$' "$T_TMP/d.err")
	# each record either in the log (acked, or DISKLOW) or answered
	# DISKFULL, never both, never neither; no torn line in the log (a
	# write that ENOSPC cut inside a line is cut back)
	if [ $rc = 0 ] && [ "$low" -gt 0 ] && [ "$full" -gt 0 ] &&
	   [ $((logged + full)) -eq 3000 ] && [ "$torn" = 0 ] &&
	   [ "$(sort -u "$T_TMP/dgot" | wc -l)" = "$logged" ]; then
		pass "remote_disk_low_full_actions ($logged logged, $full answered DISKFULL)"
	else
		fail remote_disk_low_full_actions "rc $rc, $logged logged, $full full, $low low, $torn torn or foreign"
	fi
else
	fail remote_disk_low_full_actions "collector did not start: $(cat "$D/err")"
	stopsrv
fi

# ---- the link cut (a veth pair into a network namespace of the test,
# down for REMOTE_CUT_SECS, default 30) in forward mode: nothing lost ----
CUT=${REMOTE_CUT_SECS:-30}
NS=abremote$$
if ip netns add "$NS" 2>/dev/null; then
	remote_cleanup_more() { ip netns del "$NS" 2>/dev/null; ip link del "v$NS" 2>/dev/null; }
	ip link add "v$NS" type veth peer name "p$NS" &&
	ip link set "p$NS" netns "$NS" &&
	ip addr add 10.213.7.1/30 dev "v$NS" && ip link set "v$NS" up &&
	ip netns exec "$NS" ip addr add 10.213.7.2/30 dev "p$NS" &&
	ip netns exec "$NS" ip link set "p$NS" up &&
	ip netns exec "$NS" ip link set lo up
	P=$(free_port)
	D=$T_TMP/cut
	srvconf "$D" "$P"
	AUDITBOX_PIDFILE=$D/pid ip netns exec "$NS" "$AB_BIN/auditd" -n -c "$D" 9>&- 2>"$D/err" &
	SPID=$!
	wait_for "$D/log/audit.log" DAEMON_START
	{
		echo "remote_server = 10.213.7.2"
		echo "port = $P"
		echo "mode = forward"
		echo "queue_file = $T_TMP/cutq/remote.log"
		echo "network_failure_action = warn_once"
		echo "max_time_per_record = 2"
		echo "queue_depth = 50000"
	} >"$T_TMP/k.conf"
	head -20000 "$T_TMP/in.txt" >"$T_TMP/k20k"
	grep -v type=EOE "$T_TMP/k20k" >"$T_TMP/kwant"
	# 20000 lines at 2000 a second; the link goes down after 2 s
	awk '{ print; if (NR % 200 == 0) { fflush(); system("sleep 0.1") } }' "$T_TMP/k20k" |
		AUDITBOX_REMOTE_CONF=$T_TMP/k.conf "$AR" 2>"$T_TMP/k.err" 9>&- &
	CPID=$!
	sleep 2
	ip link set "v$NS" down
	sleep "$CUT"
	during=$(netpart "$D/log/audit.log" | wc -l)
	ip link set "v$NS" up
	wait $CPID
	rc=$?
	CPID=
	stopsrv
	netpart "$D/log/audit.log" >"$T_TMP/kgot"
	lost=$(sort -u "$T_TMP/kgot" | comm -13 - "$(sort "$T_TMP/kwant" >"$T_TMP/kws"; echo "$T_TMP/kws")" | wc -l)
	dups=$(($(wc -l <"$T_TMP/kgot") - $(sort -u "$T_TMP/kgot" | wc -l)))
	if [ $rc = 0 ] && [ "$lost" = 0 ] && [ "$during" -lt "$(wc -l <"$T_TMP/kwant")" ]; then
		pass "remote_link_cut_${CUT}s (0 lost, $dups duplicates, $during of $(wc -l <"$T_TMP/kwant") before the link came back)"
	else
		fail "remote_link_cut_${CUT}s" "rc $rc, $lost lost, $dups dups, $during during; $(tail -2 "$T_TMP/k.err")"
	fi
	remote_cleanup_more
else
	skip remote_link_cut "cannot make a network namespace"
fi

# ---- network_failure_action = suspend; USR1 state; USR2 resumes; HUP
# reloads (a new port: the next records go to the new collector) ----
P=$(free_port)
P2=$(free_port)
D=$T_TMP/sig
clconf "$T_TMP/s.conf" "$P" "network_failure_action = suspend" \
	"max_tries_per_record = 2" "network_retry_time = 1"
rm -f "$T_TMP/fifo2"
mkfifo "$T_TMP/fifo2"
AUDITBOX_REMOTE_CONF=$T_TMP/s.conf "$AR" <"$T_TMP/fifo2" 2>"$T_TMP/s.err" 9>&- &
CPID=$!
exec 4>"$T_TMP/fifo2"
head -3 "$T_TMP/want.txt" >&4
wait_for "$T_TMP/s.err" 'suspending remote logging'
kill -USR1 $CPID
wait_for "$T_TMP/s.err" 'suspend=yes remote_ended=no transport_ok=no queue_size=3'
srvconf "$D" "$P"
ours "$D" 4>&-
sleep 1.5	# suspended: nothing is sent
n0=$(netpart "$D/log/audit.log" | wc -l)
kill -USR2 $CPID
wait_for "$D/log/audit.log" '^node=cl ' 3
n1=$(netpart "$D/log/audit.log" | wc -l)
[ "$n0" = 0 ] && [ "$n1" = 3 ] && pass remote_suspend_usr1_usr2 ||
	fail remote_suspend_usr1_usr2 "$n0 before USR2, $n1 after; $(cat "$T_TMP/s.err")"
D2=$T_TMP/sig2
srvconf "$D2" "$P2"
SPID1=$SPID
ours "$D2" 4>&-
clconf "$T_TMP/s.conf" "$P2"
kill -HUP $CPID
sleep 0.5
sed -n 4,5p "$T_TMP/want.txt" >&4
exec 4>&-
wait $CPID
rc=$?
CPID=
[ $rc = 0 ] && [ "$(netpart "$D2/log/audit.log" | wc -l)" = 2 ] &&
	[ "$(netpart "$D/log/audit.log" | wc -l)" = 3 ] && pass remote_hup_reload ||
	fail remote_hup_reload "rc $rc; $(netpart "$D2/log/audit.log" | wc -l) at the new collector"
stopsrv
SPID=$SPID1
stopsrv

# ---- config ----
printf 'remote_server = 127.0.0.1\nport = 0\n' >"$T_TMP/e.conf"
AUDITBOX_REMOTE_CONF=$T_TMP/e.conf "$AR" </dev/null 2>"$T_TMP/e.err"
rc=$?
[ $rc = 6 ] && grep -q "^audisp-remote: $T_TMP/e.conf:2: " "$T_TMP/e.err" &&
	pass remote_conf_error_exit6 || fail remote_conf_error_exit6 "rc $rc: $(cat "$T_TMP/e.err")"
for t in "transport = krb5" "transport = tls" "enable_krb5 = yes"; do
	printf 'remote_server = 127.0.0.1\n%s\n' "$t" >"$T_TMP/e.conf"
	AUDITBOX_REMOTE_CONF=$T_TMP/e.conf "$AR" </dev/null 2>"$T_TMP/e.err"
	rc=$?
	k=$(echo "$t" | tr -d ' =')
	[ $rc = 6 ] && grep -q "$t is not supported" "$T_TMP/e.err" &&
		pass "remote_refuses_$k" || fail "remote_refuses_$k" "rc $rc: $(cat "$T_TMP/e.err")"
done
AUDITBOX_REMOTE_CONF=$T_TMP/missing.conf "$AR" </dev/null 2>"$T_TMP/e.err"
rc=$?
[ $rc = 6 ] && grep -q 'remote_server is not set' "$T_TMP/e.err" &&
	pass remote_missing_conf_defaults || fail remote_missing_conf_defaults "rc $rc: $(cat "$T_TMP/e.err")"

# ---- ours into the reference collector ----
if ! ref_have "$REF_AUDITD"; then
	skip remote_ours_to_ref "no $REF_AUDITD"
	t_done
fi
kernel_lock
P=$(free_port)
D=$T_TMP/o2r
srvconf "$D" "$P"
clconf "$T_TMP/r.conf" "$P"
head -20000 "$T_TMP/in.txt" >"$T_TMP/in20k"
grep -v type=EOE "$T_TMP/in20k" >"$T_TMP/want20k"
"$REF_AUDITD" -f -c "$D" 9>&- >"$D/log/audit.log" 2>"$D/err" &
SPID=$!
if wait_for "$D/err" "Init complete"; then
	AUDITBOX_REMOTE_CONF=$T_TMP/r.conf "$AR" <"$T_TMP/in20k" 2>"$T_TMP/r.err"
	rc=$?
	# acked when the reference queued it for its log: wait for the lines
	wait_for "$D/log/audit.log" '^node=cl ' "$(wc -l <"$T_TMP/want20k")"
	stopsrv
	netpart "$D/log/audit.log" >"$T_TMP/rgot"
	[ $rc = 0 ] && cmp -s "$T_TMP/want20k" "$T_TMP/rgot" &&
		pass "remote_ours_to_ref ($(wc -l <"$T_TMP/want20k") records)" ||
		fail remote_ours_to_ref "rc $rc, $(wc -l <"$T_TMP/rgot") lines"
else
	fail remote_ours_to_ref "reference collector did not start"
	stopsrv
fi

# ---- forward mode into the reference collector, killed (SIGKILL) and
# restarted on its log 3 times: nothing lost; the duplicates the
# protocol forces there (written, not acked when it died, so resent; the
# reference does not recognise resends) are counted and reported ----
P=$(free_port)
D=$T_TMP/rkill
srvconf "$D" "$P"
clconf "$T_TMP/rk.conf" "$P" "mode = forward" "queue_file = $T_TMP/spoolr/q" \
	"queue_depth = 200000" "network_failure_action = warn_once" \
	"network_retry_time = 1"
# refon N: the reference collector appending to its log (-f: the log on
# stdout), its Nth start
refon() {
	"$REF_AUDITD" -f -c "$D" 9>&- >>"$D/log/audit.log" 2>>"$D/err" &
	SPID=$!
	wait_for "$D/err" "Init complete" "$1"
}
if refon 1; then
	awk '{ print; if (NR % 500 == 0) { fflush(); system("sleep 0.05") } }' \
		"$T_TMP/part1" | AUDITBOX_REMOTE_CONF=$T_TMP/rk.conf "$AR" 2>"$T_TMP/rk.err" 9>&- &
	CPID=$!
	for k in 1 2 3; do
		wait_for "$D/log/audit.log" '^node=cl ' $((k * 4000))
		kill -KILL "$SPID"
		wait "$SPID" 2>/dev/null
		refon $((k + 1))
	done
	wait $CPID
	rc=$?
	CPID=
	wait_for "$D/log/audit.log" '^node=cl ' "$(wc -l <"$T_TMP/p1.s")"
	stopsrv
	netpart "$D/log/audit.log" >"$T_TMP/rkgot"
	lost=$(sort -u "$T_TMP/rkgot" | comm -13 - "$T_TMP/p1.s" | wc -l)
	dups=$(($(wc -l <"$T_TMP/rkgot") - $(sort -u "$T_TMP/rkgot" | wc -l)))
	[ $rc = 0 ] && [ "$lost" = 0 ] &&
		pass "remote_forward_ref_collector_killed ($(wc -l <"$T_TMP/p1.s") records, 0 lost, $dups duplicates written by the reference)" ||
		fail remote_forward_ref_collector_killed "rc $rc, $lost lost, $dups duplicates; $(tail -2 "$T_TMP/rk.err")"
else
	fail remote_forward_ref_collector_killed "reference collector did not start"
	stopsrv
fi

st=$("$REF_AUDITCTL" -s | awk '$1=="pid"{print $2}')
[ "$st" = 0 ] || fail remote_kernel_untouched "audit pid $st"
t_done
