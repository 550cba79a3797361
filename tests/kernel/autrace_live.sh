#!/bin/sh
# tests/kernel/autrace_live.sh - autrace --live (ours): the traced
# program's events printed as they happen (as `ausearch -i -p PID`
# prints them), under our auditd (the same events as its log holds) and
# with no daemon registered; a TERM while tracing still deletes the
# rules. KERNEL-TESTS.md: kernel lock, every rule scoped to autrace's
# child (pid=/ppid=), audit enabled only for the traces, everything
# restored (auditd_kernel_begin).
. "$(dirname "$0")/../lib/common.sh"
auditd_kernel_begin autrace_live
AT=$AB_BIN/autrace
if [ "$("$R" -l)" != "No rules" ]; then
	fail autrace_live "the kernel already holds rules; refusing to touch them"
	t_done
fi
export AUDITBOX_PIDFILE=$T_TMP/auditd.pid AUDITBOX_STATEFILE=$T_TMP/auditd.state
mkdir -p "$T_TMP/empty"

# events FILE: autrace's output without its own lines (ls of an empty
# directory prints nothing)
events() {
	grep -v -e '^Waiting to execute: ' -e '^Cleaning up\.\.\.$' \
		-e '^Trace complete\. ' "$1"
}
# pid FILE: the traced program's pid, from autrace's last line
pid_of() { sed -n "s/^Trace complete.*-p \([0-9]*\)'$/\1/p" "$1"; }

# ---- under our auditd: the events printed are those of the log ----
C=$T_TMP/d
mkdir -p "$C/log" "$C/plugins"
printf 'log_file = %s/log/audit.log\nflush = INCREMENTAL_ASYNC\nfreq = 1\nplugin_dir = %s/plugins\nspace_left = 2\nadmin_space_left = 1\n' \
	"$C" "$C" >"$C/auditd.conf"
chmod 0640 "$C/auditd.conf"
"$AB_BIN/auditd" -n -c "$C" 2>"$C/stderr" &
DPID=$!
if auditd_wait "$R"; then
	"$AT" --live /bin/ls "$T_TMP/empty" >"$T_TMP/l.out" 2>"$T_TMP/l.err"
	rc=$?
	p=$(pid_of "$T_TMP/l.out")
	auditd_stop
	"$R" -e 0 >/dev/null
	"$AB_BIN/ausearch" -if "$C/log/audit.log" -i -p "$p" >"$T_TMP/l.log" 2>&1
	events "$T_TMP/l.out" >"$T_TMP/l.ev"
	if [ $rc != 0 ] || [ -z "$p" ] || [ -s "$T_TMP/l.err" ]; then
		fail autrace_live_ours "exit $rc, pid '$p': $(head -3 "$T_TMP/l.err")"
	elif ! grep -q 'syscall=execve .*exe=/usr/bin/ls' "$T_TMP/l.ev"; then
		fail autrace_live_ours "no execve of ls: $(head -4 "$T_TMP/l.ev")"
	elif ! cmp -s "$T_TMP/l.log" "$T_TMP/l.ev"; then
		fail autrace_live_ours "not the log's events: $(diff "$T_TMP/l.log" "$T_TMP/l.ev" | head -4)"
	elif [ "$("$R" -l)" != "No rules" ]; then
		fail autrace_live_ours "rules left"
	else
		pass "autrace_live_ours ($(grep -c '^----' "$T_TMP/l.ev") events of pid $p, the same as ausearch -i -p over the daemon's log)"
	fi
else
	fail autrace_live_ours "no start: $(head -2 "$C/stderr")"
fi

# ---- no daemon: the events all the same ----
"$R" -e 1 >/dev/null
"$AT" -l -r /bin/ls "$T_TMP/empty" >"$T_TMP/n.out" 2>"$T_TMP/n.err"
rc=$?
"$R" -e 0 >/dev/null
p=$(pid_of "$T_TMP/n.out")
if [ $rc = 0 ] && [ -n "$p" ] && ! [ -s "$T_TMP/n.err" ] &&
	events "$T_TMP/n.out" | grep -q "syscall=execve .* pid=$p .*exe=/usr/bin/ls" &&
	! events "$T_TMP/n.out" | grep 'syscall=' | grep -qv 'syscall=\(execve\|openat\|readlink\|open\|connect\|sendto\|recvfrom\|bind\)'; then
	pass "autrace_live_none (-l -r: $(events "$T_TMP/n.out" | grep -c '^----') events, -r's calls only)"
else
	fail autrace_live_none "exit $rc: $(head -3 "$T_TMP/n.err") $(events "$T_TMP/n.out" | grep -o 'syscall=[a-z0-9]*' | sort | uniq -c | tr '\n' ' ')"
fi

# ---- TERM while tracing: passed on, rules deleted, the end printed ----
"$R" -e 1 >/dev/null
"$AT" --live /bin/sleep 30 >"$T_TMP/t.out" 2>&1 9>&- &
A=$!
i=0
while [ "$("$R" -l | grep -c 'pid=')" -lt 2 ] && [ $i -lt 100 ]; do
	sleep 0.1; i=$((i + 1))
done
c=$("$R" -l | sed -n 's/.* -F pid=\([0-9]*\)$/\1/p')
i=0
while [ "$(cat "/proc/$c/comm" 2>/dev/null)" != sleep ] && [ $i -lt 100 ]; do
	sleep 0.1; i=$((i + 1))
done
kill -TERM "$A"
i=0
while kill -0 "$A" 2>/dev/null && [ $i -lt 100 ]; do
	sleep 0.1; i=$((i + 1))
done
"$R" -e 0 >/dev/null
if kill -0 "$A" 2>/dev/null; then
	kill -KILL "$A"
	fail autrace_live_term "autrace still running 10 s after TERM"
elif [ "$("$R" -l)" = "No rules" ] && ! kill -0 "$c" 2>/dev/null &&
	grep -q "^Trace complete\. You can locate the records with 'ausearch -i -p $c'$" "$T_TMP/t.out" &&
	grep -q "syscall=execve .* pid=$c .*exe=/usr/bin/sleep" "$T_TMP/t.out"; then
	pass "autrace_live_term (sleep's execve printed, rules deleted)"
else
	fail autrace_live_term "now: $("$R" -l | head -2 | tr '\n' '|') $(tr '\n' '|' <"$T_TMP/t.out" | head -c 400)"
fi
wait "$A" 2>/dev/null
t_done
