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
if ! why=$(kernel_usable); then
	skip auditctl_rules_errors "$why"
	t_done
fi
kernel_lock
kernel_save
trap '"$REF_AUDITCTL" -D >/dev/null 2>&1; kernel_restore' EXIT
"$REF_AUDITCTL" -e 0 >/dev/null
"$REF_AUDITCTL" -D >/dev/null

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
