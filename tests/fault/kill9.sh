#!/bin/sh
# tests/fault/kill9.sh - auditd killed with SIGKILL under load, 20 times,
# restarted each time on the same log: every line of the log is a whole
# record (our ausearch and the reference's `ausearch --debug` find no
# malformed line), one DAEMON_START per start, each start registers.
# The kill points are record counts, not times: kill N comes once the log
# holds at least the lines it held at that start plus 150 + (N * 137) %
# 900 (flush = INCREMENTAL_ASYNC, the shipped default: batches of up to
# 64 KiB, so a kill may land in the middle of one).
# Records lost: those in the daemon's socket and buffer at the kill (the
# load is stopped just before it); counted from the load's own file
# names against the log, reported.
# KERNEL-TESTS.md: the kernel lock, backlog_wait_time 0, -b 8192, -f 1,
# one watch on a temp dir, audit off between daemons, restored on exit.
. "$(dirname "$0")/../lib/common.sh"
. "$TOP/tests/lib/fault.sh"
REF_AUSEARCH=${REF_AUSEARCH:-/sbin/ausearch}

fault_kernel kill9
auditd_kernel_begin kill9
LPID=
auditd_cleanup_more() { [ -n "$LPID" ] && kill "$LPID" 2>/dev/null; }

C=$T_TMP/k
mkdir -p "$C/log"
fconf "$C" "$C/log/audit.log" "flush = INCREMENTAL_ASYNC" "freq = 50"
LOG=$C/log/audit.log
rm -rf "$W"
mkdir -p "$W"
lines() { [ -f "$LOG" ] && wc -l <"$LOG" || echo 0; }
atleast() { [ "$(lines)" -ge "$1" ]; }

# load N: files L<n>.<i> made in $W, at most 20000 (bounded), until killed
load() {
	_i=0
	while [ $_i -lt 20000 ]; do
		: >"$W/L$1.$_i"
		_i=$((_i + 1))
	done
}

starts=0 failed=
n=1
while [ $n -le 20 ]; do
	syslog_up "$C/syslog"
	"$AB_BIN/auditd" -n -c "$C" 2>"$C/stderr" 9>&- &
	DPID=$!
	if ! auditd_wait "$R"; then
		failed="start $n did not register: $(cat "$C/stderr")"
		break
	fi
	starts=$((starts + 1))
	[ $n = 1 ] && "$R" -w "$W" -p wa -k KEY_kill >/dev/null
	"$R" -e 1 >/dev/null
	goal=$(($(lines) + 150 + (n * 137) % 900))
	load $n 9>&- &
	LPID=$!
	upto atleast $goal || { failed="kill $n: the log never reached $goal lines"; break; }
	# the load held still first: what is lost is what the kill
	# loses, not what the kernel drops while no daemon runs
	kill -STOP "$LPID"
	kill -KILL "$DPID"
	wait "$DPID" 2>/dev/null
	DPID=
	kill "$LPID" 2>/dev/null
	kill -CONT "$LPID" 2>/dev/null
	wait "$LPID" 2>/dev/null
	LPID=
	"$R" -e 0 >/dev/null
	syslog_down
	n=$((n + 1))
done
# a last start, stopped cleanly: the log's end as a TERM leaves it
if [ -z "$failed" ]; then
	"$AB_BIN/auditd" -n -c "$C" 2>"$C/stderr" 9>&- &
	DPID=$!
	auditd_wait "$R" && starts=$((starts + 1))
	"$R" -e 1 >/dev/null
	mark last
	upto has_mark last "$LOG" || failed="the last start logged nothing"
	"$R" -e 0 >/dev/null
	auditd_stop
fi
"$R" -D >/dev/null

[ -z "$failed" ] && pass kill9_twenty_kills_and_restarts || fail kill9_twenty_kills_and_restarts "$failed"
ds=$(grep -c '^type=DAEMON_START ' "$LOG")
[ "$ds" = "$starts" ] && [ "$starts" = 21 ] &&
	pass kill9_one_daemon_start_per_start ||
	fail kill9_one_daemon_start_per_start "$ds DAEMON_START for $starts starts"
bad=$(grep -c -v -E '^type=[A-Z_0-9]+ msg=audit\([0-9]+\.[0-9]{3}:[0-9]+\): ' "$LOG")
[ "$bad" = 0 ] && pass kill9_no_torn_line ||
	fail kill9_no_torn_line "$bad lines: $(grep -v -E '^type=[A-Z_0-9]+ msg=audit\(' "$LOG" | head -2 | cut -c1-120)"
"$AB_BIN/ausearch" -if "$LOG" --format raw >"$T_TMP/as.out" 2>"$T_TMP/as.err"
[ ! -s "$T_TMP/as.err" ] && [ "$(wc -l <"$T_TMP/as.out")" -gt 0 ] &&
	pass kill9_every_line_parses_ours || fail kill9_every_line_parses_ours "$(head -3 "$T_TMP/as.err")"
if ref_have "$REF_AUSEARCH"; then
	"$REF_AUSEARCH" --debug -if "$LOG" --format raw >"$T_TMP/ras.out" 2>"$T_TMP/ras.err"
	[ ! -s "$T_TMP/ras.err" ] && [ "$(wc -l <"$T_TMP/ras.out")" -gt 0 ] &&
		pass kill9_every_line_parses_reference ||
		fail kill9_every_line_parses_reference "$(head -3 "$T_TMP/ras.err")"
else
	skip kill9_every_line_parses_reference "no reference ausearch"
fi
made=$(ls "$W" | grep -c '^L')
logged=$(grep '^type=PATH ' "$LOG" | grep -o 'name="[^"]*/L[0-9]*\.[0-9]*"' | sort -u | wc -l)
echo "kill9: $starts starts, $(lines) lines, load files made $made, logged $logged, lost $((made - logged))"
t_done
