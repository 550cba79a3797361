#!/bin/sh
# auditctl_rules.sh - the rules corpus (tests/data/rules/*.rules), loaded and
# listed by the reference auditctl and by ours, compared byte for byte.
#
# For each corpus file, with audit disabled (-e 0) and under kernel_lock:
#   ref->ref   reference loads (-R), reference lists (-l, -l -i): must equal
#              the stored tests/data/rules/NAME.expected / NAME.i.expected
#   ours->ref  ours loads, reference lists: must equal ref->ref, and the
#              load's stdout, stderr and exit code must equal the reference's
#   ref->ours  reference loads, ours lists (-l, -l -i): must equal ref->ref
# Without the reference installed: ours loads and lists, against the stored
# expected files.
#
# Usage: sh tests/compat/auditctl_rules.sh [-p] [NAME | PATH/FILE.rules ...]
#   NAME is a corpus file (tests/data/rules/NAME.rules); a PATH is compared
#   live only, like the reference's sample rules (below).
#   -p  also per-line mode: every rule line given on the command line
#       (not -R) to each tool, to pinpoint a difference (with stderr/exit).
# Rule files use @TMP@ for paths: the harness builds the tree listed in
# tests/data/rules/tree under a temporary directory and substitutes it;
# listings are mapped back to @TMP@ before comparing.
# With no NAME, the reference's own sample rules are also compared live
# (AUDITBOX_RULES_SAMPLES, default /usr/share/doc/auditd/examples/rules;
# set it empty to skip them): "sample-*" cases, not stored here.
# AUDITBOX_RULES_REGEN=1 (tests/data/rules/regen) rewrites the expected
# files from the reference instead of comparing.

. "$(dirname "$0")/../lib/common.sh"
. "$(dirname "$0")/../lib/rules.sh"

DATA=$TOP/tests/data/rules
REGEN=${AUDITBOX_RULES_REGEN:-0}
PERLINE=0
[ "${1:-}" = -p ] && { PERLINE=1; shift; }
REF=$REF_AUDITCTL
OURS=$AB_BIN/auditctl
T_KERNEL=1
RUN="timeout 30"

rules_pick_ctl

rules_kernel_begin "rules compat" "$CTL"

# The tree the rules' paths live in.
rules_tree
mkdir -p "$W/_in"

# load TOOL FILE OUT: delete all rules, load FILE with TOOL; OUT.load gets
# stdout, then "-- stderr", stderr, "-- exit N" (paths mapped to @TMP@).
load() {
	$RUN "$CTL" -D >/dev/null 2>&1
	$RUN "$1" -R "$2" >"$3.out" 2>"$3.err"
	rc=$?
	status_reset "$2"
	{ cat "$3.out"; echo "-- stderr"; cat "$3.err"; echo "-- exit $rc"; } |
		unmap >"$3.load"
}
# ours_only NAME < OURS.load: drop the diagnostics auditbox adds on purpose
# for rules files (docs/compat.md: "auditctl: FILE:LINE: message" and
# "auditctl: FILE: N bad lines, no rule loaded"; the reference sends its
# own message to syslog only). They always name the file, which no
# reference message on stderr is prefixed with.
ours_only() {
	grep -v "^auditctl: @TMP@/_in/$1\.rules[:]" || true
}
# status_reset FILE: a file that sets -b/-f/-r/--backlog_wait_time changes
# what the next load prints: put the saved values back.
status_reset() {
	grep -Eq '^[[:space:]]*(-b|-f|-r|--backlog_wait_time)[[:space:]]' "$1" ||
		return 0
	f() { awk -v k="$1" '$1==k {print $2}' "$T_TMP/saved.status"; }
	$RUN "$CTL" -r "$(f rate_limit)" >/dev/null 2>&1
	$RUN "$CTL" -b "$(f backlog_limit)" >/dev/null 2>&1
	$RUN "$CTL" --backlog_wait_time "$(f backlog_wait_time)" >/dev/null 2>&1
	$RUN "$CTL" -f "$(f failure)" >/dev/null 2>&1
}
# as_ref TOOL: the reference lists `-F exe!=X` as `-F exe=X`, a rule that
# is not the one loaded; ours lists the operator (docs/compat.md). To
# compare the rest byte for byte, ours' listing gets the reference's bug.
as_ref() {
	if [ "$1" = "$OURS" ]; then sed 's/ -F exe!=/ -F exe=/g'; else cat; fi
}
# list TOOL OUT: OUT.l and OUT.li from -l and -l -i (plus their exit code).
list() {
	{ $RUN "$1" -l 2>&1; echo "-- exit $?"; } | as_ref "$1" | unmap >"$2.l"
	{ $RUN "$1" -l -i 2>&1; echo "-- exit $?"; } | as_ref "$1" |
		unmap >"$2.li"
}
# same NAME A B: PASS when A and B are identical files, else FAIL + diff.
same() {
	if cmp -s "$2" "$3"; then
		return 0
	fi
	echo "  --- $1: $(basename "$2") vs $(basename "$3")"
	diff "$2" "$3" | head -n 20 | sed 's/^/  /'
	return 1
}

# Per-line mode: rule lines as argv (no escapes, no control commands).
perline() {
	name=$1 in=$2 n=0
	while IFS= read -r line; do
		n=$((n + 1))
		case $line in '' | '#'* | *'\'* | ' '*) continue ;; esac
		case $line in -a* | -A* | -w*) ;; *) continue ;; esac
		set -f
		# shellcheck disable=SC2086
		set -- $line
		set +f
		o=$T_TMP/pl
		$RUN "$CTL" -D >/dev/null 2>&1
		{ $RUN "$REF" "$@" 2>&1; echo "-- exit $?"; } | unmap >"$o.rr"
		list "$REF" "$o.rr"
		list "$OURS" "$o.ro"
		$RUN "$CTL" -D >/dev/null 2>&1
		{ $RUN "$OURS" "$@" 2>&1; echo "-- exit $?"; } | unmap >"$o.or"
		list "$REF" "$o.or"
		PL_N=$((PL_N + 1))
		if same "$name:$n" "$o.rr" "$o.or" &&
			same "$name:$n" "$o.rr.l" "$o.or.l" &&
			same "$name:$n" "$o.rr.li" "$o.or.li" &&
			same "$name:$n" "$o.rr.l" "$o.ro.l" &&
			same "$name:$n" "$o.rr.li" "$o.ro.li"; then
			PL_OK=$((PL_OK + 1))
			pass "rules-line $name:$n"
		else
			fail "rules-line $name:$n" "$(printf '%s' "$line" | unmap)"
		fi
	done <"$in"
}

# live NAME IN O: ref->ours and ours->ref for the prepared file IN.
live() {
	list "$OURS" "$3.ro"
	if same "$1 ref->ours" "$3.rr.l" "$3.ro.l" &&
		same "$1 ref->ours" "$3.rr.li" "$3.ro.li"; then
		RO_OK=$((RO_OK + 1))
		pass "rules $1 ref->ours"
	else
		fail "rules $1 ref->ours"
	fi
	load "$OURS" "$2" "$3.or"
	list "$REF" "$3.or"
	ours_only "$1" <"$3.or.load" >"$3.or.loadf"
	if grep -q "^auditctl: @TMP@/_in/$1\.rules: .*no rule loaded$" \
		"$3.or.load" && ! grep -q '^-- exit 0$' "$3.rr.load"; then
		# Validated first: on a bad line ours loads nothing where the
		# reference loads the lines before it (docs/compat.md).
		echo "  note $1: ours refused the whole file; expecting no rules"
		printf 'No rules\n-- exit 0\n' >"$3.rr.l"
		cp "$3.rr.l" "$3.rr.li"
	fi
	if same "$1 ours->ref" "$3.rr.load" "$3.or.loadf" &&
		same "$1 ours->ref" "$3.rr.l" "$3.or.l" &&
		same "$1 ours->ref" "$3.rr.li" "$3.or.li"; then
		OR_OK=$((OR_OK + 1))
		pass "rules $1 ours->ref"
	else
		fail "rules $1 ours->ref"
	fi
	[ "$PERLINE" = 1 ] && perline "$1" "$2"
	return 0
}

# corpus FILE: one file of tests/data/rules.
corpus() {
	name=$(basename "$1" .rules)
	in=$W/_in/$name.rules
	sed "s|@TMP@|$W|g" "$1" >"$in"
	chmod 600 "$in"
	o=$T_TMP/$name
	N=$((N + 1))
	if [ "$HAVE_REF" = 0 ]; then
		load "$OURS" "$in" "$o.oo"
		list "$OURS" "$o.oo"
		if same "$name" "$DATA/$name.expected" "$o.oo.l" &&
			same "$name" "$DATA/$name.i.expected" "$o.oo.li"; then
			OR_OK=$((OR_OK + 1)) RO_OK=$((RO_OK + 1))
			pass "rules $name ours->ours (stored expected)"
		else
			fail "rules $name ours->ours (stored expected)"
		fi
		return 0
	fi
	load "$REF" "$in" "$o.rr"
	list "$REF" "$o.rr"
	if [ "$REGEN" = 1 ]; then
		cp "$o.rr.l" "$DATA/$name.expected"
		cp "$o.rr.li" "$DATA/$name.i.expected"
		grep -q '^-- exit 0$' "$o.rr.load" ||
			echo "regen: $name: the reference failed to load it" >&2
		echo "regen $name: $(grep -vc '^-- exit' "$o.rr.l") rules"
		return 0
	fi
	if grep -q '^-- exit 0$' "$o.rr.load" &&
		same "$name ref->ref" "$DATA/$name.expected" "$o.rr.l" &&
		same "$name ref->ref" "$DATA/$name.i.expected" "$o.rr.li"; then
		RR_OK=$((RR_OK + 1))
		pass "rules $name ref->ref"
	else
		fail "rules $name ref->ref" "reference load or listing differs from stored expected"
	fi
	live "$name" "$in" "$o"
}

# sample FILE: a rules file shipped with the reference (not stored here),
# compared live only. Lines that would change more than the rules (-e, -f,
# --loginuid-immutable, --signal, -m) are dropped; a line the kernel refuses
# (a watched path missing on this machine) stops both tools at the same line.
sample() {
	name=sample-$(basename "$1" .rules)
	in=$W/_in/$name.rules
	grep -Ev '^[[:space:]]*(-e|-f|--loginuid-immutable|--signal|-m)([[:space:]]|$)' \
		"$1" >"$in"
	chmod 600 "$in"
	o=$T_TMP/$name
	SN=$((SN + 1)) N=$((N + 1))
	load "$REF" "$in" "$o.rr"
	list "$REF" "$o.rr"
	live "$name" "$in" "$o"
}

N=0 OR_OK=0 RO_OK=0 RR_OK=0 PL_N=0 PL_OK=0 SN=0
if [ $# -eq 0 ]; then
	for f in "$DATA"/*.rules; do
		corpus "$f"
	done
	# The reference's own sample rules, where installed.
	SAMPLES=${AUDITBOX_RULES_SAMPLES-/usr/share/doc/auditd/examples/rules}
	if [ "$HAVE_REF" = 1 ] && [ "$REGEN" = 0 ] && [ -n "$SAMPLES" ] &&
		[ -d "$SAMPLES" ]; then
		for f in "$SAMPLES"/*.rules; do
			[ -f "$f" ] && sample "$f"
		done
	fi
else
	for f in "$@"; do
		case $f in
		*/*) sample "$f" ;;
		*) corpus "$DATA/${f%.rules}.rules" ;;
		esac
	done
fi

[ "$REGEN" = 1 ] && exit 0
if [ "$HAVE_REF" = 1 ]; then
	echo "rules compat: $OR_OK/$N identical (ours→ref), $RO_OK/$N (ref→ours); ref→ref as stored $RR_OK/$((N - SN)) corpus files, $SN reference sample files"
else
	echo "rules compat: $OR_OK/$N identical to stored expected (ours->ours; no reference)"
fi
[ "$PERLINE" = 1 ] && echo "rules per-line: $PL_OK/$PL_N identical"
exit 0
