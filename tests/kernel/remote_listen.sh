#!/bin/sh
# tests/kernel/remote_listen.sh - auditd's tcp_listen_port on 127.0.0.1:
# the reference audisp-remote (Debian's audispd-plugins) feeding our
# listener and the reference's, the logs compared line for line; acks
# only after the write; pipelining; heartbeats; unframed lines; hostile
# peers (oversized length, a trickled header, a client that never reads
# its replies); DAEMON_ACCEPT/DAEMON_CLOSE and the op=dup/op=port
# refusals in the reference's text; ENDING at stop; a dead connection
# replaced by its host's new one; krb5/tls refused.
# Both daemons run with local_events = no (a collector only): they never
# register with the kernel. The reference daemon still runs under the
# kernel lock, and the kernel's audit pid is checked to stay 0.
. "$(dirname "$0")/../lib/common.sh"
. "$TOP/tests/lib/remote.sh"
remote_begin remote_listen

# refclient PORT INPUT LOG N: the reference audisp-remote (its config
# bound over /etc/audit/audisp-remote.conf in a mount namespace of its
# own) sends INPUT; its stdin stays open until LOG has N records from
# node cl (it stops at end of input).
refclient() {
	clconf "$T_TMP/rc.conf" "$1" "format = managed" "mode = immediate" \
		"network_failure_action = stop"
	{ cat "$2"; wait_for "$3" '^node=cl ' "$4"; } | unshare -m sh -c \
		"mount --bind '$T_TMP/rc.conf' /etc/audit/audisp-remote.conf && exec '$REF_REMOTE'" \
		9>&- 2>"$T_TMP/rc.err"
}

# bookkeeping LOG: the DAEMON_ACCEPT/CLOSE bodies, ports and times out
bookkeeping() {
	grep -E 'type=DAEMON_(ACCEPT|CLOSE)' "$1" |
		sed -E 's/msg=audit\([0-9.:]+\)/msg=audit(T)/; s/port=[0-9]+/port=P/'
}

stream 3000

# ---- the reference client into our listener ----
P=$(free_port)
D=$T_TMP/ours
srvconf "$D" "$P"
if ! ref_have "$REF_REMOTE"; then
	skip remote_refclient_to_ours "no $REF_REMOTE (apt-get install audispd-plugins)"
elif ours "$D"; then
	refclient "$P" "$T_TMP/in.txt" "$D/log/audit.log" "$NW"
	netpart "$D/log/audit.log" >"$T_TMP/got.ours"
	if cmp -s "$T_TMP/want.txt" "$T_TMP/got.ours"; then
		pass remote_refclient_to_ours
	else
		fail remote_refclient_to_ours "$(wc -l <"$T_TMP/got.ours") of $NW lines; $(diff "$T_TMP/want.txt" "$T_TMP/got.ours" | head -3)"
	fi
	stopsrv
	bookkeeping "$D/log/audit.log" >"$T_TMP/bk.ours"
else
	fail remote_refclient_to_ours "our collector did not start: $(cat "$D/err")"
	stopsrv
fi

# ---- our listener alone, with scripted peers ----
P=$(free_port)
D=$T_TMP/peers
srvconf "$D" "$P" "flush = INCREMENTAL" "freq = 1" "tcp_max_per_addr = 16"
if ours "$D"; then
	head -200 "$T_TMP/want.txt" >"$T_TMP/200.txt"
	r=$($PEER acks "$P" "$T_TMP/200.txt" "$D/log/audit.log")
	[ "$r" = "acked 200" ] && pass remote_ack_after_write || fail remote_ack_after_write "$r"
	r=$($PEER pipeline "$P" "$T_TMP/want.txt")
	[ "$r" = "replies $NW inorder" ] && pass remote_pipelined || fail remote_pipelined "$r"
	r=$($PEER heartbeat "$P" 4242)
	[ "$r" = "reply ACK 4242 " ] && pass remote_heartbeat || fail remote_heartbeat "$r"
	r=$($PEER garbage "$P")
	if [ "$r" = "reply ACK 9 " ] && wait_for "$D/log/audit.log" 'after garbage' &&
	   ! grep -q 'not framed' "$D/log/audit.log"; then
		pass remote_unframed_line_skipped
	else
		fail remote_unframed_line_skipped "$r"
	fi
	# a resend (the same record again) is acked and written once
	r=$($PEER reply "$P" "node=r type=USER msg=audit(1.000:8): resent")
	r="$r $($PEER reply "$P" "node=r type=USER msg=audit(1.000:8): resent")"
	[ "$r" = "reply ACK 77  reply ACK 77 " ] && wait_for "$D/log/audit.log" ': resent$' &&
		[ "$(grep -c ': resent$' "$D/log/audit.log")" = 1 ] &&
		pass remote_resend_written_once || fail remote_resend_written_once "$r"
	r=$($PEER trickle "$P" "node=t type=USER msg=audit(1.000:5): trickled")
	[ "$r" = "reply ACK 5 " ] && pass remote_trickled_header || fail remote_trickled_header "$r"
	r=$($PEER oversize "$P")
	[ "$r" = closed ] && pass remote_oversize_closed || fail remote_oversize_closed "$r"
	# a client that never reads its replies: bounded, others unaffected
	$PEER noread "$P" 3000 >"$T_TMP/noread" &
	CPID=$!
	sleep 1
	r=$($PEER reply "$P" "node=o type=USER msg=audit(1.000:6): other client")
	[ "$r" = "reply ACK 77 " ] && pass remote_stalled_client_others_served ||
		fail remote_stalled_client_others_served "$r"
	wait $CPID
	CPID=
	rss=$(awk '/VmRSS/ {print $2}' "/proc/$SPID/status")
	[ "$rss" -lt 8192 ] && pass "remote_stalled_client_memory (${rss} kB)" ||
		fail remote_stalled_client_memory "VmRSS $rss kB"
	# ENDING to a connected client at stop
	$PEER hold "$P" >"$T_TMP/hold" &
	CPID=$!
	wait_for "$T_TMP/hold" connected
	sleep 0.3
	stopsrv
	wait $CPID
	CPID=
	r=$(tail -n 1 "$T_TMP/hold")
	[ "$r" = "reply ENDING 0 " ] && pass remote_ending_at_stop || fail remote_ending_at_stop "$r"
	grep -q 'type=DAEMON_END' "$D/log/audit.log" &&
		[ "$(sed -n '$p' "$D/log/audit.log" | grep -c DAEMON_CLOSE)" = 1 ] &&
		pass remote_close_records_at_stop || fail remote_close_records_at_stop "$(tail -n 2 "$D/log/audit.log")"
else
	fail remote_peers "our collector did not start: $(cat "$D/err")"
	stopsrv
fi

# ---- refusals: op=port; op=dup, and a dead connection replaced ----
P=$(free_port)
D=$T_TMP/refuse
srvconf "$D" "$P" "tcp_client_ports = 1-1023"
if ours "$D"; then
	r=$($PEER heartbeat "$P" 1)
	[ "$r" = closed ] && grep -q 'type=DAEMON_ACCEPT msg=audit([0-9.:]*): op=port addr=::ffff:127.0.0.1 port=[0-9]* res=no$' "$D/log/audit.log" &&
		pass remote_refused_port || fail remote_refused_port "$r; $(grep DAEMON_ACCEPT "$D/log/audit.log")"
fi
stopsrv
srvconf "$D" "$P" "tcp_max_per_addr = 1"
if ours "$D"; then
	$PEER hold "$P" >"$T_TMP/hold1" &
	CPID=$!
	wait_for "$T_TMP/hold1" connected
	r=$($PEER heartbeat "$P" 2)
	[ "$r" = closed ] && grep -q 'op=dup addr=::ffff:127.0.0.1 port=[0-9]* res=no$' "$D/log/audit.log" &&
		pass remote_refused_dup || fail remote_refused_dup "$r"
	# the first connection says nothing for 5 s: dead, replaced
	sleep 5.5
	r=$($PEER heartbeat "$P" 3)
	wait $CPID
	CPID=
	[ "$r" = "reply ACK 3 " ] && [ "$(cat "$T_TMP/hold1")" = "connected
closed" ] && pass remote_dead_connection_replaced ||
		fail remote_dead_connection_replaced "$r / $(cat "$T_TMP/hold1")"
fi
stopsrv

# ---- 1100 clients: 1024 served, the rest refused with op=alloc;
# memory bounded; each served client acked ----
P=$(free_port)
D=$T_TMP/many
srvconf "$D" "$P"
if ours "$D"; then
	r=$($PEER many "$P" 1100 | tr '\n' ' ')
	rss=$(awk '/VmHWM/ {print $2}' "/proc/$SPID/status")
	alloc=$(grep -c 'op=alloc addr=::ffff:127\.1\.[0-9.]* port=[0-9]* res=no$' "$D/log/audit.log")
	r2=$($PEER heartbeat "$P" 6)
	stopsrv
	if [ "$r" = "open 1024 closed 76 acked 1024 " ] && [ "$alloc" = 76 ] &&
	   [ "$rss" -lt 20480 ] && [ "$r2" = "reply ACK 6 " ]; then
		pass "remote_1100_clients (1024 served, 76 op=alloc, peak RSS ${rss} kB)"
	else
		fail remote_1100_clients "$r; $alloc op=alloc; VmHWM $rss kB; then $r2"
	fi
fi

# ---- out of descriptors (a hard limit of 300): the connections beyond
# are accepted and closed (op=alloc), the daemon does not spin ----
D=$T_TMP/emfile
for try in 1 2 3; do	# a port taken meanwhile: another one
	P=$(free_port)
	srvconf "$D" "$P"
	(ulimit -n 300; AUDITBOX_PIDFILE=$D/pid exec "$AB_BIN/auditd" -n -c "$D" 9>&- 2>"$D/err") &
	SPID=$!
	i=0
	while [ $i -lt 50 ] && kill -0 $SPID 2>/dev/null &&
	      ! grep -q DAEMON_START "$D/log/audit.log" 2>/dev/null; do
		sleep 0.1
		i=$((i + 1))
	done
	sleep 0.2
	kill -0 $SPID 2>/dev/null && grep -q DAEMON_START "$D/log/audit.log" && break
	cp "$D/log/audit.log" "$T_TMP/emfile.try$try" 2>/dev/null
	stopsrv
done
if [ -n "$SPID" ]; then
	r=$($PEER many "$P" 350 | tr '\n' ' ')
	ticks=$(awk '{print $14 + $15}' "/proc/$SPID/stat")
	stopsrv
	open=${r#open }
	open=${open%% *}
	alloc=$(grep -c 'op=alloc' "$D/log/audit.log")
	if [ $((open + alloc)) = 350 ] && [ "$alloc" -gt 0 ] &&
	   [ "$r" = "open $open closed $alloc acked $open " ] && [ "$ticks" -lt 200 ]; then
		pass "remote_out_of_descriptors ($open served, $alloc op=alloc, $ticks ticks of CPU)"
	else
		fail remote_out_of_descriptors "$r; $alloc op=alloc; $ticks ticks"
	fi
else
	fail remote_out_of_descriptors "collector did not start: $(cat "$D/err" "$T_TMP"/emfile.try* 2>/dev/null | tail -3)"
fi

# ---- distribute_network = yes: the plugins get the network records
# (no: they do not) ----
for dn in yes no; do
	P=$(free_port)
	D=$T_TMP/dist.$dn
	srvconf "$D" "$P" "distribute_network = $dn" "plugin_dir = $D/plugins"
	mkdir -p "$D/plugins"
	printf '#!/bin/sh\nexec cat > "$1"\n' >"$D/rec"
	chmod 0750 "$D/rec"
	printf 'active = yes\ndirection = out\npath = %s\ntype = always\nargs = %s\nformat = string\n' \
		"$D/rec" "$D/plugin.out" >"$D/plugins/rec.conf"
	chmod 0640 "$D/plugins/rec.conf"
	if ours "$D"; then
		r=$($PEER reply "$P" "node=d type=USER msg=audit(1.000:11): distributed")
		wait_for "$D/log/audit.log" ': distributed$'
		stopsrv
		sleep 0.3
		n=$(grep -c ': distributed$' "$D/plugin.out" 2>/dev/null)
		want=0
		[ $dn = yes ] && want=1
		[ "$r" = "reply ACK 77 " ] && [ "${n:-0}" = $want ] &&
			pass "remote_distribute_network_$dn" ||
			fail "remote_distribute_network_$dn" "$r; $n in the plugin's input"
	fi
done

# ---- write_logs = no: acked; krb5 and tls refused ----
P=$(free_port)
D=$T_TMP/nolog
srvconf "$D" "$P" "write_logs = no"
mkdir -p "$D/log"
if AUDITBOX_PIDFILE=$D/pid "$AB_BIN/auditd" -n -c "$D" 9>&- 2>"$D/err" & SPID=$!; then
	sleep 0.5
	r=$($PEER reply "$P" "node=x type=USER msg=audit(1.000:1): x")
	[ "$r" = "reply ACK 77 " ] && pass remote_write_logs_no_acked || fail remote_write_logs_no_acked "$r"
fi
stopsrv
for t in "transport = KRB5" "transport = TLS" "enable_krb5 = yes"; do
	srvconf "$D" "$P" "$t"
	"$AB_BIN/auditd" -f -c "$D" >/dev/null 2>"$D/err" 9>&-
	rc=$?
	k=${t%% *}
	if [ $rc = 6 ] && grep -q "$t is not supported" "$D/err"; then
		pass "remote_refuses_$k${t##* }"
	else
		fail "remote_refuses_$k${t##* }" "rc $rc: $(cat "$D/err")"
	fi
done

# ---- the reference collector, the same input and bookkeeping ----
if ! ref_have "$REF_AUDITD" || ! ref_have "$REF_REMOTE"; then
	skip remote_refclient_to_ref "no reference auditd/audisp-remote"
	t_done
fi
kernel_lock
P=$(free_port)
D=$T_TMP/ref
srvconf "$D" "$P"
if ref "$D"; then
	refclient "$P" "$T_TMP/in.txt" "$D/log/audit.log" "$NW"
	netpart "$D/log/audit.log" >"$T_TMP/got.ref"
	cmp -s "$T_TMP/want.txt" "$T_TMP/got.ref" && pass remote_refclient_to_ref ||
		fail remote_refclient_to_ref "$(wc -l <"$T_TMP/got.ref") of $NW lines"
	stopsrv
	bookkeeping "$D/log/audit.log" >"$T_TMP/bk.ref"
	if [ -s "$T_TMP/bk.ref" ] && cmp -s "$T_TMP/bk.ref" "$T_TMP/bk.ours"; then
		pass remote_bookkeeping_as_reference
	else
		fail remote_bookkeeping_as_reference "$(diff "$T_TMP/bk.ref" "$T_TMP/bk.ours" | head -4)"
	fi
else
	fail remote_refclient_to_ref "reference collector did not start"
	stopsrv
fi
st=$("$REF_AUDITCTL" -s | awk '$1=="pid"{print $2}')
[ "$st" = 0 ] || fail remote_kernel_untouched "audit pid $st"
t_done
