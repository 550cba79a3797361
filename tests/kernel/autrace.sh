#!/bin/sh
# tests/kernel/autrace.sh - autrace against the kernel, beside the
# reference's (/sbin/autrace) in the same cases: usage, not root, a
# program that is missing or not executable, rules already loaded, the
# rules it loads while the program runs (the program is auditctl -l, so
# it prints them), -r's subset; a TERM to autrace while it traces (the
# rules go all the same); the records of a traced program found with
# ausearch under our auditd. 3.0.9's child writes "Waiting to execute"
# into a stdio buffer that its exec discards when stdout is not a
# terminal: ours prints it (docs/compat.md), so that line is left out of
# the comparison. KERNEL-TESTS.md: kernel lock, every rule scoped to
# autrace's child (pid=/ppid=), audit disabled except for the records
# case, everything restored.
. "$(dirname "$0")/../lib/common.sh"
REF_AUTRACE=${REF_AUTRACE:-/sbin/autrace}
auditd_kernel_begin autrace
AT=$AB_BIN/autrace
if [ "$("$R" -l)" != "No rules" ]; then
	fail autrace "the kernel already holds rules; refusing to touch them"
	t_done
fi

# run NAME BIN ARGS...: stdout, stderr and exit code into $T_TMP/NAME.*,
# pids masked, the "Waiting to execute" line out
run() {
	n=$1 b=$2
	shift 2
	"$b" "$@" >"$T_TMP/$n.out" 2>"$T_TMP/$n.err"
	echo $? >"$T_TMP/$n.rc"
	sed -i -e '/^Waiting to execute: /d' -e 's/\(pid=\|-p \)[0-9]*/\1N/g' \
		"$T_TMP/$n.out"
}

# same NAME ARGS...: ours and the reference alike, and no rule left
same() {
	name=$1
	shift
	run "o.$name" "$AT" "$@"
	left=$("$R" -l)
	if ! ref_have "$REF_AUTRACE"; then
		skip "autrace_$name" "no reference autrace"
		return
	fi
	run "r.$name" "$REF_AUTRACE" "$@"
	"$R" -D >/dev/null	# the reference's leftovers, if any
	for x in out err rc; do
		if ! cmp -s "$T_TMP/r.$name.$x" "$T_TMP/o.$name.$x"; then
			fail "autrace_$name" "$x: $(diff "$T_TMP/r.$name.$x" "$T_TMP/o.$name.$x" | head -6 | tr '\n' '|')"
			return
		fi
	done
	[ "$left" = "${LEFT:-No rules}" ] && pass "autrace_$name" ||
		fail "autrace_$name" "rules left: $left"
}

"$R" -e 0 >/dev/null
same usage
same help -h
same missing /nonexistent/prog
echo x >"$T_TMP/noexec" && chmod 0644 "$T_TMP/noexec"
same not_executable "$T_TMP/noexec"
same rules_shown "$R" -l
same threat_rules_shown -r "$R" -l
same exit_status /bin/false
mkdir -p "$T_TMP/xdir"
same exec_fails "$T_TMP/xdir"
mkdir -p "$T_TMP/w"
"$R" -w "$T_TMP/w" -p w -k other >/dev/null
LEFT="-w $T_TMP/w -p w -k other"
same refused_with_rules /bin/true
LEFT=
"$R" -D >/dev/null
if command -v setpriv >/dev/null; then
	cp "$AUDITBOX" "$T_TMP/nb" && chmod 0755 "$T_TMP" "$T_TMP/nb"
	ln -sf nb "$T_TMP/autrace"
	setpriv --reuid=65534 --regid=65534 --clear-groups "$T_TMP/autrace" /bin/true \
		>"$T_TMP/nr.out" 2>"$T_TMP/nr.err"
	o="$? $(cat "$T_TMP/nr.err")"
	setpriv --reuid=65534 --regid=65534 --clear-groups "$REF_AUTRACE" /bin/true \
		>/dev/null 2>"$T_TMP/nr.rerr"
	r="$? $(cat "$T_TMP/nr.rerr")"
	[ "$o" = "$r" ] &&
		[ "$o" = "1 You must be root or have capabilities to run this program." ] &&
		pass autrace_not_root || fail autrace_not_root "ours [$o] ref [$r]"
fi

# ---- a TERM to autrace while it traces: forwarded, rules deleted ----
# term NAME WHEN: autrace traces sleep 30; TERM as soon as its rules are
# in (early: while it waits before the exec, unless this machine is slow)
# or once the program runs (running); either way the rules go and the
# closing lines are printed.
term() {
	"$AT" /bin/sleep 30 >"$T_TMP/sig.out" 2>&1 &
	A=$!
	i=0
	while [ "$("$R" -l | grep -c 'pid=')" -lt 2 ] && [ $i -lt 100 ]; do
		sleep 0.1; i=$((i + 1))
	done
	n=$("$R" -l | grep -c 'pid=')
	c=$("$R" -l | sed -n 's/.* -F pid=\([0-9]*\)$/\1/p')
	if [ "$2" = running ]; then
		i=0
		while [ "$(cat "/proc/$c/comm" 2>/dev/null)" != sleep ] && [ $i -lt 100 ]; do
			sleep 0.1; i=$((i + 1))
		done
	fi
	kill -TERM "$A"
	i=0
	while kill -0 "$A" 2>/dev/null && [ $i -lt 100 ]; do
		sleep 0.1; i=$((i + 1))
	done
	if kill -0 "$A" 2>/dev/null; then
		kill -KILL "$A"
		fail "autrace_$1" "autrace still running 10 s after TERM"
	elif [ "$n" = 2 ] && [ "$("$R" -l)" = "No rules" ] &&
		! kill -0 "$c" 2>/dev/null &&
		grep -q '^Cleaning up\.\.\.$' "$T_TMP/sig.out" &&
		grep -q "^Trace complete\. You can locate the records with 'ausearch -i -p $c'$" "$T_TMP/sig.out"; then
		pass "autrace_$1"
	else
		fail "autrace_$1" "$n rules while tracing; now: $("$R" -l | head -2 | tr '\n' '|') $(tr '\n' '|' <"$T_TMP/sig.out")"
	fi
	wait "$A" 2>/dev/null
	"$R" -D >/dev/null
}
term term_early early
term term_running running

# ---- the records of a traced program, under our auditd ----
C=$T_TMP/d
mkdir -p "$C/log" "$C/plugins"
printf 'log_file = %s/log/audit.log\nflush = INCREMENTAL_ASYNC\nfreq = 50\nplugin_dir = %s/plugins\nspace_left = 2\nadmin_space_left = 1\n' \
	"$C" "$C" >"$C/auditd.conf"
chmod 0640 "$C/auditd.conf"
export AUDITBOX_PIDFILE=$T_TMP/auditd.pid AUDITBOX_STATEFILE=$T_TMP/auditd.state
"$AB_BIN/auditd" -n -c "$C" 2>"$C/stderr" &
DPID=$!
if auditd_wait "$R"; then
	"$AT" /bin/ls "$T_TMP/w" >"$T_TMP/rec.out" 2>&1
	p=$(sed -n "s/^Trace complete.*-p \([0-9]*\)'$/\1/p" "$T_TMP/rec.out")
	i=0
	while ! grep -q "type=SYSCALL.*syscall=59 .* pid=$p " "$C/log/audit.log" 2>/dev/null &&
		[ $i -lt 50 ]; do
		sleep 0.1; i=$((i + 1))
	done
	"$R" -e 0 >/dev/null
	auditd_stop
	"$AB_BIN/ausearch" -if "$C/log/audit.log" -i -p "$p" >"$T_TMP/rec.as" 2>&1
	if [ -n "$p" ] && grep -q 'syscall=execve .*exe=/usr/bin/ls' "$T_TMP/rec.as" &&
		grep -q 'syscall=openat' "$T_TMP/rec.as" && [ "$("$R" -l)" = "No rules" ]; then
		pass autrace_records_found
	else
		fail autrace_records_found "pid $p: $(head -3 "$T_TMP/rec.as" | tr '\n' '|') $(tr '\n' '|' <"$T_TMP/rec.out")"
	fi
else
	fail autrace_records_found "no start: $(head -2 "$C/stderr")"
fi
t_done
