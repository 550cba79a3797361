#!/bin/sh
# auditctl_rules_errors - every failing rule command of
# tests/data/rules-errors/cases.txt gives the same stdout, stderr and exit
# code as the reference auditctl 3.0.9, and -R error files the same stdout
# and exit code (our stderr adds FILE:LINE:, docs/compat.md). Talks to the
# kernel: under kernel_lock, audit disabled, rules deleted at the end.
. "$(dirname "$0")/../lib/common.sh"
T_KERNEL=1
DATA=$TOP/tests/data/rules-errors

if ! ref_have "$REF_AUDITCTL"; then
	skip auditctl_rules_errors "no reference auditctl"
	t_done
fi
rules_kernel_begin auditctl_rules_errors "$REF_AUDITCTL"

# run NAME TOOL ARGS...: output in $T_TMP/NAME.{out,err,rc}
run() {
	n=$1; shift
	"$@" >"$T_TMP/$n.out" 2>"$T_TMP/$n.err"
	echo $? >"$T_TMP/$n.rc"
}

i=0
while IFS= read -r line; do
	case $line in '#'*|'') continue ;; esac
	i=$((i + 1))
	# shellcheck disable=SC2086
	set -f; set -- $line; set +f
	run ref "$REF_AUDITCTL" "$@"
	"$REF_AUDITCTL" -D >/dev/null 2>&1
	run ours "$AB_BIN/auditctl" "$@"
	"$REF_AUDITCTL" -D >/dev/null 2>&1
	name="error$i($(echo "$line" | cut -c1-50))"
	if [ "$(cat "$T_TMP/ref.rc")" = 0 ]; then
		fail "$name" "the reference accepted it: not an error case"
	elif ! cmp -s "$T_TMP/ref.out" "$T_TMP/ours.out"; then
		fail "$name" "stdout differs"
	elif ! cmp -s "$T_TMP/ref.err" "$T_TMP/ours.err"; then
		fail "$name" "stderr: $(head -c 200 "$T_TMP/ours.err") vs $(head -c 200 "$T_TMP/ref.err")"
	elif ! cmp -s "$T_TMP/ref.rc" "$T_TMP/ours.rc"; then
		fail "$name" "exit $(cat "$T_TMP/ours.rc") vs $(cat "$T_TMP/ref.rc")"
	else
		pass "$name"
	fi
done <"$DATA/cases.txt"

# -R: a bad line. The reference loads the lines before it; we load
# nothing. Same exit code; our stderr names FILE:LINE.
f=$T_TMP/bad.rules
printf '%s\n' '-a always,exit -F arch=b64 -S open -F uid=12345 -k t1' \
	'-a always,exit -F nosuch=1' >"$f"
chmod 600 "$f"
run ref "$REF_AUDITCTL" -R "$f"
"$REF_AUDITCTL" -D >/dev/null 2>&1
run ours "$AB_BIN/auditctl" -R "$f"
listed=$("$REF_AUDITCTL" -l)
if [ "$(cat "$T_TMP/ref.rc")" != "$(cat "$T_TMP/ours.rc")" ]; then
	fail rfile_bad_line "exit $(cat "$T_TMP/ours.rc") vs $(cat "$T_TMP/ref.rc")"
elif [ "$listed" != "No rules" ]; then
	fail rfile_bad_line "a rule was loaded: $listed"
elif ! grep -q "^auditctl: $f:2: -F unknown field: nosuch\$" "$T_TMP/ours.err"; then
	fail rfile_bad_line "no FILE:LINE message: $(cat "$T_TMP/ours.err")"
else
	pass rfile_bad_line
fi
"$REF_AUDITCTL" -D >/dev/null 2>&1

# --signal: 3.1 names and the five signals' numbers (ours, docs/compat.md).
# In a new user namespace the kernel refuses the status request, so no
# daemon can be signalled (another one may come and go on this machine):
# an accepted name gets that far ("The audit system is disabled"), a
# refused one gets 3.0.9's message.
if unshare -U -r true 2>/dev/null; then
	for s in stop reload rotate resume state STOP 15 1 10 12 18 TERM hup \
		 9 0 resum +15; do
		case $s in 9|0|resum|+15) want="$s is an unsupported signal" ;;
		*) want="The audit system is disabled" ;; esac
		run ours unshare -U -r "$AB_BIN/auditctl" --signal "$s"
		if [ "$(cat "$T_TMP/ours.rc")" = 255 ] &&
		   [ "$(cat "$T_TMP/ours.err")" = "$want" ] &&
		   [ ! -s "$T_TMP/ours.out" ]; then
			pass "signal_$s"
		else
			fail "signal_$s" "exit $(cat "$T_TMP/ours.rc"): $(cat "$T_TMP/ours.err")"
		fi
	done
	# The same refusal, reference and ours (docs/compat.md): 3.0.9 waits
	# 4 s for a status reply that never comes and says "(timeout)"; ours
	# says why at once, as 3.0.9 does for a refused request elsewhere.
	run ref unshare -U -r "$REF_AUDITCTL" --signal HUP
	run ours unshare -U -r "$AB_BIN/auditctl" --signal HUP
	if [ "$(cat "$T_TMP/ref.err")" = "Failed sending signal to auditd (timeout)" ] &&
	   [ "$(cat "$T_TMP/ours.err")" = "The audit system is disabled" ] &&
	   [ "$(cat "$T_TMP/ref.rc")" = 255 ] && [ "$(cat "$T_TMP/ours.rc")" = 255 ] &&
	   [ ! -s "$T_TMP/ref.out" ] && [ ! -s "$T_TMP/ours.out" ]; then
		pass signal_userns_refused
	else
		fail signal_userns_refused "ref: exit $(cat "$T_TMP/ref.rc") $(cat "$T_TMP/ref.err"); ours: exit $(cat "$T_TMP/ours.rc") $(cat "$T_TMP/ours.err")"
	fi
else
	skip signal_extension "no user namespaces (unshare -U)"
fi

# -R: kernel-facing option errors go where the reference's audit_msg()
# sends them: syslog before the first rule is sent, stderr after; ours
# adds only its "auditctl: " FILE:LINE lines (-c: the load goes on).
f=$T_TMP/route.rules
printf '%s\n' '-c' '-e 7' "-w $T_TMP/x -k route" '-e 5' '-b abc' "-w $T_TMP/y" >"$f"
chmod 600 "$f"
run ref "$REF_AUDITCTL" -R "$f"
"$REF_AUDITCTL" -l >"$T_TMP/ref.list"
"$REF_AUDITCTL" -D >/dev/null 2>&1
run ours "$AB_BIN/auditctl" -R "$f"
"$REF_AUDITCTL" -l >"$T_TMP/ours.list"
"$REF_AUDITCTL" -D >/dev/null 2>&1
grep -v '^auditctl: ' "$T_TMP/ours.err" >"$T_TMP/ours.err2"
if cmp -s "$T_TMP/ref.err" "$T_TMP/ours.err2" &&
   cmp -s "$T_TMP/ref.out" "$T_TMP/ours.out" &&
   cmp -s "$T_TMP/ref.rc" "$T_TMP/ours.rc" &&
   cmp -s "$T_TMP/ref.list" "$T_TMP/ours.list" &&
   [ "$(grep -c "^auditctl: $f:[245]: " "$T_TMP/ours.err")" = 3 ]; then
	pass rfile_message_routing
else
	fail rfile_message_routing "stderr: $(cat "$T_TMP/ours.err") vs $(cat "$T_TMP/ref.err")"
fi

for bad in missing dir; do
	case $bad in missing) p=$T_TMP/nonexistent ;; dir) p=$T_TMP ;; esac
	run ref "$REF_AUDITCTL" -R "$p"
	run ours "$AB_BIN/auditctl" -R "$p"
	if cmp -s "$T_TMP/ref.rc" "$T_TMP/ours.rc" &&
	   cmp -s "$T_TMP/ref.out" "$T_TMP/ours.out"; then
		pass "rfile_$bad"
	else
		fail "rfile_$bad" "exit $(cat "$T_TMP/ours.rc") vs $(cat "$T_TMP/ref.rc")"
	fi
done
t_done
