#!/bin/sh
# auditctl_check - the offline linter, "auditctl --check FILE [--arch
# ARCH]" (auditbox only): tests/data/rules-check/problems.rules has one
# problem of each kind and gets exactly problems.out (exit 1; reviewed by
# hand: the reference has no linter), clean.rules none (exit 0), as an
# unprivileged user too; a rules.d is checked merged. The compiler's
# messages are the reference's: each error line of problems.rules given to
# the reference auditctl prints the same message (under kernel_lock, audit
# disabled; nothing is loaded: every one of them is refused).
. "$(dirname "$0")/../lib/common.sh"
D=$TOP/tests/data/rules-check
cd "$D" || exit 1

check() {	# check NAME RC EXPECTED_FILE ARGS...
	n=$1 rc=$2 exp=$3
	shift 3
	"$AB_BIN/auditctl" "$@" >"$T_TMP/out" 2>"$T_TMP/err"
	got=$?
	if [ $got != "$rc" ]; then
		fail "$n" "exit $got, expected $rc"
	elif ! cmp -s "$T_TMP/out" "$exp"; then
		fail "$n" "$(diff "$exp" "$T_TMP/out" | head -5)"
	elif [ -s "$T_TMP/err" ]; then
		fail "$n" "stderr: $(cat "$T_TMP/err")"
	else
		pass "$n"
	fi
}

check check_problems 1 problems.out --check problems.rules --arch x86_64
check check_problems_aarch64 1 problems-aarch64.out --check problems.rules \
	--arch aarch64
check check_clean 0 clean.out --check clean.rules --arch x86_64
check check_clean_arch_first 0 clean.out --arch x86_64 --check clean.rules

# As nobody: no root, no kernel needed.
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null; then
	cp clean.rules "$T_TMP/c.rules"
	chmod 644 "$T_TMP/c.rules"
	chmod 755 "$T_TMP"
	if setpriv --reuid=65534 --regid=65534 --clear-groups \
		"$(nobody_bin)/auditctl" --check "$T_TMP/c.rules" --arch x86_64 \
		>"$T_TMP/o" 2>&1; then
		pass check_unprivileged
	else
		fail check_unprivileged "$(cat "$T_TMP/o")"
	fi
else
	skip check_unprivileged "not root or no setpriv"
fi

# A rules.d: merged as augenrules merges it, -e moved last.
mkdir -p "$T_TMP/r.d"
printf '%s\n' '-e 2' >"$T_TMP/r.d/99-lock.rules"
printf '%s\n' '-w /etc/passwd -p wa -k identity' >"$T_TMP/r.d/10-a.rules"
"$AB_BIN/auditctl" --check "$T_TMP/r.d" >"$T_TMP/o" 2>&1
[ $? = 0 ] && [ ! -s "$T_TMP/o" ] && pass check_rules_d ||
	fail check_rules_d "$(cat "$T_TMP/o")"
printf '%s\n' '-w /etc/passwd -p wa -k identity' >"$T_TMP/r.d/20-b.rules"
"$AB_BIN/auditctl" --check "$T_TMP/r.d" >"$T_TMP/o" 2>&1
if [ $? = 1 ] && [ "$(cat "$T_TMP/o")" = "$T_TMP/r.d/20-b.rules:1: same rule as $T_TMP/r.d/10-a.rules:1: the kernel refuses it (Rule exists)" ]; then
	pass check_rules_d_origin
else
	fail check_rules_d_origin "$(cat "$T_TMP/o")"
fi

# Usage errors.
"$AB_BIN/auditctl" --check >/dev/null 2>"$T_TMP/e"
[ $? = 1 ] && grep -q 'usage: auditctl --check' "$T_TMP/e" &&
	pass check_usage || fail check_usage "$(cat "$T_TMP/e")"
"$AB_BIN/auditctl" --check clean.rules --arch vax >/dev/null 2>"$T_TMP/e"
[ $? = 1 ] && grep -q 'unknown machine: vax' "$T_TMP/e" &&
	pass check_bad_arch || fail check_bad_arch "$(cat "$T_TMP/e")"

# The compiler's messages against the reference's.
T_KERNEL=1
if ! ref_have "$REF_AUDITCTL"; then
	skip check_ref_messages "no reference auditctl"
	t_done
fi
if ! why=$(kernel_usable); then
	skip check_ref_messages "$why"
	t_done
fi
kernel_lock
kernel_save
t_cleanup_hook() { "$REF_AUDITCTL" -D >/dev/null 2>&1; kernel_restore; }
"$REF_AUDITCTL" -e 0 >/dev/null
for ln in 5 10 11; do
	line=$(sed -n "${ln}p" problems.rules)
	# shellcheck disable=SC2086
	set -f; set -- $line; set +f
	"$REF_AUDITCTL" "$@" >/dev/null 2>"$T_TMP/e"
	msg=$(grep "^problems.rules:$ln: " problems.out | sed 's/^[^ ]* //')
	if [ "$(cat "$T_TMP/e")" = "$msg" ]; then
		pass "check_ref_message_$ln"
	else
		fail "check_ref_message_$ln" "reference: $(cat "$T_TMP/e"); ours: $msg"
	fi
done
if [ "$("$REF_AUDITCTL" -l)" != "No rules" ]; then
	fail check_ref_nothing_loaded "$("$REF_AUDITCTL" -l)"
fi
t_done
