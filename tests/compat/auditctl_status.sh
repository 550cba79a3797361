#!/bin/sh
# auditctl status commands (-s -e -f -r -b --backlog_wait_time --reset-*,
# -v -h, usage, option errors, non-root): ours against the stored expected
# output and, live, against the reference auditctl. Volatile status values
# (lost, backlog, backlog_wait_time_actual) are masked after their format
# is checked. Cases: tests/data/auditctl/status/cases.
. "$(dirname "$0")/../lib/common.sh"
T_KERNEL=1
DATA=$TOP/tests/data/auditctl/status
REGEN=0
[ "${1:-}" = --regen ] && REGEN=1

if ! why=$(kernel_usable); then
	skip auditctl_status "$why"
	t_done
fi
kernel_lock
kernel_save
t_cleanup_hook() { kernel_restore; }

chmod 755 "$T_TMP" "$AB_BIN"
baseline() {
	"$REF_AUDITCTL" -e 0 >/dev/null 2>&1
	"$REF_AUDITCTL" -f 1 >/dev/null 2>&1
	"$REF_AUDITCTL" -r 0 >/dev/null 2>&1
	"$REF_AUDITCTL" -b 8192 >/dev/null 2>&1
	"$REF_AUDITCTL" --backlog_wait_time 0 >/dev/null 2>&1
}

# Checks the volatile fields are decimal, then masks them.
mask() {
	awk '
	$1 ~ /^(lost|backlog|backlog_wait_time_actual)$/ && NF == 2 {
		if ($2 !~ /^[0-9]+$/) { print "BADFORMAT " $0; next }
		print $1 " N"; next
	}
	/^(lost|backlog_wait_time_actual): / {
		if ($2 !~ /^[0-9]+$/) { print "BADFORMAT " $0; next }
		print $1 " N"; next
	}
	{ print }' "$1"
}

# run_case BIN FLAGS ARGS OUTPREFIX
run_case() {
	bin=$1 flags=$2 args=$3 out=$4
	case $flags in *nobody*)
		# ours from a copy nobody can reach
		case $bin in "$AB_BIN"/*) bin=$(nobody_bin)/${bin##*/} ;; esac
		setpriv --reuid=65534 --regid=65534 --clear-groups \
			sh -c "exec $bin $args" >"$out.out" 2>"$out.err"
		;;
	*userns*)
		unshare -U -r sh -c "exec $bin $args" >"$out.out" 2>"$out.err" ;;
	*pidns*)
		unshare -p -f sh -c "exec $bin $args" >"$out.out" 2>"$out.err" ;;
	*)
		sh -c "exec $bin $args" >"$out.out" 2>"$out.err" ;;
	esac
	echo $? >"$out.rc"
	case $flags in *enable*) "$REF_AUDITCTL" -e 0 >/dev/null 2>&1 ;; esac
	mask "$out.out" >"$out.out.m"
	mask "$out.err" >"$out.err.m"
}

same() { cmp -s "$1.out.m" "$2.out.m" && cmp -s "$1.err.m" "$2.err.m" &&
	cmp -s "$1.rc" "$2.rc"; }

norules() { [ "$("$REF_AUDITCTL" -l 2>/dev/null)" = "No rules" ]; }

n=0 live=0 live_ok=0
while IFS='	' read -r name flags args; do
	case $name in ''|'#'*) continue ;; esac
	case $flags in *enable*)
		if ! norules; then
			fail "$name" "rules are loaded: refusing to enable audit"
			continue
		fi ;;
	esac
	n=$((n + 1))
	exp=$DATA/expected/$name
	if [ $REGEN = 1 ]; then
		case $flags in *ref*)
			mkdir -p "$DATA/expected"
			baseline
			run_case "$REF_AUDITCTL" "$flags" "$args" "$T_TMP/r"
			cp "$T_TMP/r.out.m" "$exp.out"
			cp "$T_TMP/r.err.m" "$exp.err"
			cp "$T_TMP/r.rc" "$exp.rc" ;;
		esac
		continue
	fi
	baseline
	run_case "$AB_BIN/auditctl" "$flags" "$args" "$T_TMP/o"
	if [ ! -f "$exp.rc" ]; then
		fail "$name" "no expected output (run $DATA/regen)"
		continue
	fi
	if ! cmp -s "$T_TMP/o.out.m" "$exp.out" ||
	   ! cmp -s "$T_TMP/o.err.m" "$exp.err" ||
	   ! cmp -s "$T_TMP/o.rc" "$exp.rc"; then
		fail "$name" "differs from expected: $(diff "$exp.out" "$T_TMP/o.out.m" | head -3 | tr '\n' ' ')$(diff "$exp.err" "$T_TMP/o.err.m" | head -3 | tr '\n' ' ') rc $(cat "$exp.rc")/$(cat "$T_TMP/o.rc")"
		continue
	fi
	case $flags in *ref*)
		if ref_have "$REF_AUDITCTL"; then
			live=$((live + 1))
			baseline
			run_case "$REF_AUDITCTL" "$flags" "$args" "$T_TMP/r"
			if ! same "$T_TMP/o" "$T_TMP/r"; then
				fail "$name" "differs from the live reference"
				continue
			fi
			live_ok=$((live_ok + 1))
		fi ;;
	esac
	pass "$name"
done <"$DATA/cases"
[ $REGEN = 1 ] && { echo "regenerated $n cases"; exit 0; }
echo "auditctl status compat: $((n - T_FAILS))/$n as expected, $live_ok/$live identical to the live reference"
t_done
