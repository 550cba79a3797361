#!/bin/sh
# tests/kernel/remote_attack.sh - the listener under attack while it is
# also the kernel's daemon: 1000 connections held open (below the 1024
# served, so that which peer comes first does not matter; the refusals
# beyond are remote_listen.sh's), a client that never reads its replies,
# garbage, a trickled header, an oversized length, all at once with a
# well-behaved
# audisp-remote streaming 20000 records and a local workload of 2000
# audited chmods. Every local record and every client record must be in
# the log (nothing lost: the kernel's lost counter too), the hostile
# peers handled as when alone, memory bounded.
# KERNEL-TESTS.md: the kernel lock, backlog_wait_time 0, -b 8192, -f 1,
# one watch on the test's temp dir, everything restored on exit.
. "$(dirname "$0")/../lib/common.sh"
. "$TOP/tests/lib/remote.sh"
remote_begin remote_attack
auditd_kernel_begin remote_attack
auditd_cleanup_more() {
	[ -n "$CPID" ] && kill -KILL "$CPID" 2>/dev/null
	for _p in $BG; do kill -KILL "$_p" 2>/dev/null; done
	:
}
export AUDITBOX_PIDFILE=$T_TMP/auditd.pid AUDITBOX_STATEFILE=$T_TMP/auditd.state
AR=$AB_BIN/audisp-remote
BG=
# check NAME GOT WANT
check() {
	if [ "$2" = "$3" ]; then pass "$1"; else fail "$1" "got '$2', want '$3'"; fi
}

stream 20000
P=$(free_port)
D=$T_TMP/srv
mkdir -p "$D/log" "$T_TMP/w"
cat >"$D/auditd.conf" <<CONF
log_file = $D/log/audit.log
log_format = RAW
flush = INCREMENTAL_ASYNC
freq = 50
space_left = 2
admin_space_left = 1
tcp_listen_port = $P
tcp_max_per_addr = 16
tcp_listen_queue = 2048
CONF
chmod 0640 "$D/auditd.conf"
: >"$T_TMP/w/target"

"$AB_BIN/auditd" -n -c "$D" 9>&- 2>"$D/err" &
DPID=$!
if ! auditd_wait "$R"; then
	fail remote_attack "our auditd did not become the audit daemon: $(head -c 300 "$D/err")"
	t_done
fi
SPID=$DPID	# remote.sh's peers talk to it
"$R" -w "$T_TMP/w" -p wa -k attack >/dev/null
"$R" --reset-lost >/dev/null 2>&1

# the attack, all at once
$PEER many "$P" 1000 >"$T_TMP/many" 9>&- &
BG="$BG $!"
$PEER noread "$P" 3000 >"$T_TMP/noread" 9>&- &
BG="$BG $!"
( $PEER garbage "$P"; $PEER trickle "$P" "node=t type=USER msg=audit(1.000:5): trickled"
  $PEER oversize "$P" ) >"$T_TMP/hostile" 9>&- &
BG="$BG $!"
clconf "$T_TMP/c.conf" "$P"
AUDITBOX_REMOTE_CONF=$T_TMP/c.conf "$AR" <"$T_TMP/in.txt" 2>"$T_TMP/c.err" 9>&- &
CPID=$!
# the local workload: 2000 chmods, each one audited SYSCALL record
i=0
while [ $i -lt 2000 ]; do
	chmod 0600 "$T_TMP/w/target"
	i=$((i + 1))
done
wait $CPID
crc=$?
CPID=
for _p in $BG; do wait "$_p"; done
BG=
"$R" -W "$T_TMP/w" -p wa -k attack >/dev/null
L=$D/log/audit.log
local_n() { grep '^type=SYSCALL ' "$L" | grep 'comm="chmod"' | grep -c 'key="attack"'; }
all_local() { [ "$(local_n)" -ge 2000 ]; }
_i=0
while ! all_local && [ $_i -lt 300 ]; do sleep 0.1; _i=$((_i + 1)); done
check remote_attack_local_records "$(local_n)" 2000
check remote_attack_kernel_lost "$("$R" -s | awk '$1=="lost"{print $2}')" 0
wait_for "$L" '^node=cl ' "$NW"
netpart "$L" >"$T_TMP/got"
if [ $crc = 0 ] && cmp -s "$T_TMP/want.txt" "$T_TMP/got"; then
	pass "remote_attack_client_stream ($NW records, in order, once)"
else
	fail remote_attack_client_stream "rc $crc, $(wc -l <"$T_TMP/got") of $NW; $(head -2 "$T_TMP/c.err")"
fi
check remote_attack_many "$(cat "$T_TMP/many" | tr '\n' ' ')" "open 1000 closed 0 acked 1000 "
check remote_attack_hostile "$(cat "$T_TMP/hostile" | tr '\n' ' ')" "reply ACK 9  reply ACK 5  closed "
grep -q '^sent [0-9]' "$T_TMP/noread" && pass remote_attack_noread_bounded ||
	fail remote_attack_noread_bounded "$(cat "$T_TMP/noread")"
rss=$(awk '/VmHWM/ {print $2}' "/proc/$DPID/status")
[ "$rss" -lt 20480 ] && pass "remote_attack_memory (peak RSS ${rss} kB)" ||
	fail remote_attack_memory "VmHWM $rss kB"
t_done
