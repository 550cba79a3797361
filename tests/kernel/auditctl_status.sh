#!/bin/sh
# auditctl status commands against the real kernel: values set by ours are
# what the reference reads back and the other way round; enabling and
# disabling; the counter resets; a value the kernel refuses; and the state
# is restored at the end (KERNEL-TESTS.md). No rules are loaded here.
. "$(dirname "$0")/../lib/common.sh"
T_KERNEL=1
CTL=$AB_BIN/auditctl
REF=$REF_AUDITCTL

if ! why=$(kernel_usable); then
	skip auditctl_status_kernel "$why"
	t_done
fi
if ! ref_have "$REF"; then
	skip auditctl_status_kernel "reference auditctl not installed"
	t_done
fi
kernel_lock
kernel_save
t_cleanup_hook() { kernel_restore; }

val() {	# val TOOL FIELD: the field's value in TOOL's -s output
	"$1" -s 2>/dev/null | awk -v k="$2" '$1 == k { print $2 }'
}
check() {	# check NAME GOT WANT
	if [ "$2" = "$3" ]; then pass "$1"; else fail "$1" "got '$2', want '$3'"; fi
}

"$REF" -e 0 >/dev/null
"$CTL" -b 1234 >/dev/null
check ours_sets_backlog "$(val "$REF" backlog_limit)" 1234
"$CTL" -r 7 >/dev/null
check ours_sets_rate "$(val "$REF" rate_limit)" 7
"$CTL" -r 0 >/dev/null
check ours_clears_rate "$(val "$REF" rate_limit)" 0
"$CTL" --backlog_wait_time 1500 >/dev/null
check ours_sets_bwt "$(val "$REF" backlog_wait_time)" 1500
"$CTL" -f 0 >/dev/null
check ours_sets_failure_0 "$(val "$REF" failure)" 0
"$CTL" -f 1 >/dev/null
check ours_sets_failure_1 "$(val "$REF" failure)" 1

"$REF" -b 4321 >/dev/null
check ref_sets_ours_reads "$(val "$CTL" backlog_limit)" 4321
"$REF" --backlog_wait_time 0 >/dev/null
check ref_sets_bwt_ours_reads "$(val "$CTL" backlog_wait_time)" 0

# The whole -s block of ours equals the reference's (volatile values aside).
mask() { sed -E 's/^(lost|backlog|backlog_wait_time_actual) [0-9]+$/\1 N/'; }
"$CTL" -s | mask >"$T_TMP/o"
"$REF" -s | mask >"$T_TMP/r"
if cmp -s "$T_TMP/o" "$T_TMP/r"; then pass status_block; else
	fail status_block "$(diff "$T_TMP/r" "$T_TMP/o" | tr '\n' ' ')"; fi

# A value the kernel refuses leaves the state as it was.
"$CTL" --backlog_wait_time 600001 >"$T_TMP/out" 2>"$T_TMP/err"
rc=$?
check refused_rc "$rc" 255
check refused_msg "$(cat "$T_TMP/err")" "Error sending backlog limit request (Invalid argument)"
check refused_unchanged "$(val "$REF" backlog_wait_time)" 0

# Enable briefly: safe settings first, and only with no rules loaded.
"$REF" -b 8192 >/dev/null
"$REF" --backlog_wait_time 0 >/dev/null
"$REF" -f 1 >/dev/null
if [ "$("$REF" -l 2>&1)" = "No rules" ]; then
	"$CTL" -e 1 >"$T_TMP/out"
	check enable_reply "$(awk '$1=="enabled"{print $2}' "$T_TMP/out")" 1
	check enable_kernel "$(val "$REF" enabled)" 1
	"$CTL" -e 0 >/dev/null
	check disable_kernel "$(val "$REF" enabled)" 0
else
	fail enable "rules are loaded: refusing to enable audit"
fi

# Counter resets: stderr "name: N" with the old count; the counter is 0
# afterwards (it can only grow between the two reads).
before=$(val "$REF" lost)
"$CTL" --reset-lost 2>"$T_TMP/err" >"$T_TMP/out"
got=$(sed -n 's/^lost: \([0-9][0-9]*\)$/\1/p' "$T_TMP/err")
if [ -n "$got" ] && [ "$got" -ge "$before" ] && [ ! -s "$T_TMP/out" ]; then
	pass reset_lost_reply; else fail reset_lost_reply "$(cat "$T_TMP/err")"; fi
after=$(val "$REF" lost)
if [ "$after" -le "$got" ]; then pass reset_lost_kernel; else
	fail reset_lost_kernel "lost $after after reset of $got"; fi
"$CTL" --reset_backlog_wait_time_actual 2>"$T_TMP/err"
if grep -qE '^backlog_wait_time_actual: [0-9]+$' "$T_TMP/err"; then
	pass reset_bwt_actual; else fail reset_bwt_actual "$(cat "$T_TMP/err")"; fi
check reset_bwt_actual_kernel "$(val "$REF" backlog_wait_time_actual)" 0

# Restore, and prove it: every setting as found, audit off, no daemon.
kernel_restore
for k in enabled failure pid rate_limit backlog_limit backlog_wait_time; do
	check "restored_$k" "$(val "$REF" "$k")" \
		"$(awk -v k="$k" '$1 == k { print $2 }' "$T_TMP/saved.status")"
done
check restored_disabled "$(val "$REF" enabled)" 0
check restored_no_daemon "$(val "$REF" pid)" 0
t_done
