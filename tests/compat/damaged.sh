#!/bin/sh
# damaged-log compat (issue 9): logs cut at every byte of a few real
# records (tests/data/damaged/gen.py: the last line cut before its
# newline, a cut line followed by a record, a cut line with the next record
# glued to it), the hand-made damaged corpus tests/data/logs/damaged.log
# (as a file and through a pipe) and an ENRICHED log with SECCOMP records
# written by the reference auditd (tests/data/damaged/enriched.log, from
# gen-enriched.sh), run through every command of the table
# below. Ours must equal the stored reference outputs
# (tests/data/damaged/expected, made by tests/data/damaged/regen: one
# digest per group of logs and command) and, where /sbin/ausearch and
# /sbin/aureport are installed, the live reference: stdout, stderr and
# exit code, byte for byte, TZ=UTC LC_ALL=C. Where gen.py marks a
# documented difference (docs/compat.md, "Damaged logs"), ours must equal
# its own stored digest instead, and the live reference is only counted.
# Also: --format json is valid JSON for every log; nothing crashes.
# With --regen (tests/data/damaged/regen), writes the expected file.
. "$(dirname "$0")/../lib/common.sh"
DATA=$TOP/tests/data
EXP=$DATA/damaged/expected
REGEN=0
[ "${1:-}" = --regen ] && REGEN=1
REF_DIR=${REF_DIR:-/sbin}

# The commands: KIND (raw default interp csv text report: what gen.py's
# documented differences name) then the command line. One line each; a
# new report is one more line (then tests/data/damaged/regen).
CMDS='raw ausearch --raw
default ausearch
interp ausearch -i
csv ausearch --format csv
text ausearch --format text
report aureport
report aureport -e -i
report aureport -x --summary
report aureport -au'

LOGS=$T_TMP/logs
python3 "$DATA/damaged/gen.py" "$LOGS" >"$T_TMP/manifest"
cp "$DATA/logs/damaged.log" "$LOGS/corpus"
echo "corpus -" >>"$T_TMP/manifest"
# written by the reference auditd, ENRICHED: its SECCOMP records carry
# SYSCALL=unknown-syscall(-1), which -i does not print (gen-enriched.sh)
cp "$DATA/damaged/enriched.log" "$LOGS/enriched"
echo "enriched -" >>"$T_TMP/manifest"

have_ref=0
ref_have "$REF_DIR/ausearch" && ref_have "$REF_DIR/aureport" && have_ref=1
[ $REGEN = 1 ] && [ $have_ref = 0 ] && { echo "regen: no reference"; exit 1; }

# run WHO BIN ARGS LOG OUTPREFIX: appends stdout, stderr and "rc name" to
# OUTPREFIX.{out,err,rc} (one stream per group: no fork per case)
run() {
	_p=$1; _log=$2; _name=$3; shift 3
	# shellcheck disable=SC2068
	$@ -if "$_log" </dev/null >>"$_p.out" 2>>"$_p.err"
	echo "$? $_name" >>"$_p.rc"
}

group_of() {	# eof-0-123 -> eof-0; corpus -> corpus
	echo "${1%-*}"
}

i=0
echo "$CMDS" >"$T_TMP/cmds"
: >"$T_TMP/new"
total=0 same=0 documented=0 docsame=0
while read -r kind bin args; do
	i=$((i + 1))
	cmd="$bin${args:+ $args}"
	rm -rf "$T_TMP/g" && mkdir -p "$T_TMP/g/o" "$T_TMP/g/r"
	while read -r name diffs; do
		g=$(group_of "$name")
		case ",$diffs," in
		*",$kind,"*)	# a documented difference: its own digest
			rm -f "$T_TMP/d".*
			run "$T_TMP/d" "$LOGS/$name" "$name" "$AB_BIN/$bin" $args
			sum=$(cat "$T_TMP/d.out" "$T_TMP/d.err" "$T_TMP/d.rc" |
			      sha256sum | cut -c1-64)
			documented=$((documented + 1))
			if [ $have_ref = 1 ]; then
				rm -f "$T_TMP/e".*
				run "$T_TMP/e" "$LOGS/$name" "$name" \
					"$REF_DIR/$bin" $args
				if cmp -s "$T_TMP/e.out" "$T_TMP/d.out" &&
				   cmp -s "$T_TMP/e.err" "$T_TMP/d.err" &&
				   cmp -s "$T_TMP/e.rc" "$T_TMP/d.rc"; then
					docsame=$((docsame + 1))
				fi
			fi
			echo "$name $i ours $sum" >>"$T_TMP/new"
			continue ;;
		esac
		run "$T_TMP/g/o/$g" "$LOGS/$name" "$name" "$AB_BIN/$bin" $args
		[ $have_ref = 1 ] &&
			run "$T_TMP/g/r/$g" "$LOGS/$name" "$name" \
				"$REF_DIR/$bin" $args
	done <"$T_TMP/manifest"
	# a pipe: the corpus on stdin (ausearch and aureport read a FIFO)
	for who in o r; do
		[ $who = r ] && [ $have_ref = 0 ] && continue
		b=$AB_BIN/$bin
		[ $who = r ] && b=$REF_DIR/$bin
		# shellcheck disable=SC2086
		cat "$LOGS/corpus" | "$b" $args >"$T_TMP/g/$who/pipe.out" \
			2>"$T_TMP/g/$who/pipe.err"
		echo "$? pipe" >"$T_TMP/g/$who/pipe.rc"
	done
	for f in "$T_TMP"/g/o/*.rc; do
		g=$(basename "$f" .rc)
		n=$(wc -l <"$f")
		total=$((total + n))
		sum=$(cat "$T_TMP/g/o/$g.out" "$T_TMP/g/o/$g.err" "$f" |
		      sha256sum | cut -c1-64)
		if [ $REGEN = 1 ]; then	# the reference's digest
			cat "$T_TMP/g/r/$g.out" "$T_TMP/g/r/$g.err" \
			    "$T_TMP/g/r/$g.rc" | sha256sum | cut -c1-64 |
			    sed "s/^/$g $i ref /" >>"$T_TMP/new"
		fi
		why=
		if [ $REGEN = 0 ]; then
			grep -qx "$g $i ref $sum" "$EXP" || why=" !=stored"
		fi
		if [ $have_ref = 1 ]; then
			for k in out err rc; do
				cmp -s "$T_TMP/g/r/$g.$k" "$T_TMP/g/o/$g.$k" ||
					why="$why $k!=live"
			done
		fi
		if [ -z "$why" ]; then
			same=$((same + n))
			[ $REGEN = 1 ] || pass "damaged $g ($cmd): $n logs"
		else
			fail "damaged $g ($cmd)" "$n logs,$why"
			# name the first log that differs from the reference
			if [ $have_ref = 1 ]; then
				diff "$T_TMP/g/r/$g.rc" "$T_TMP/g/o/$g.rc" | sed -n 2,3p
				diff "$T_TMP/g/r/$g.out" "$T_TMP/g/o/$g.out" | head -4
			fi
		fi
	done
done <"$T_TMP/cmds"

if [ $REGEN = 1 ]; then
	[ "$T_FAILS" -eq 0 ] || echo "regen: ours differs from the reference" \
		"outside the documented differences (above)"
	{
		echo "# tests/data/damaged/expected - made by tests/data/damaged/regen:"
		echo "# GROUP CMD ref DIGEST: the reference's stdout, stderr and"
		echo "# exit codes of the group's logs under command CMD (its line"
		echo "# number in tests/compat/damaged.sh); NAME CMD ours DIGEST: ours"
		echo "# where the reference differs as docs/compat.md documents."
		cat "$T_TMP/new"
	} >"$EXP"
	echo "regen: $(grep -vc '^#' "$EXP") digests"
	exit 0
fi

# the documented differences: ours as pinned
ndoc=0
while read -r name i who sum; do
	[ "$who" = ours ] || continue
	ndoc=$((ndoc + 1))
	grep -qx "$name $i ours $sum" "$EXP" ||
		fail "damaged $name (command $i)" "differs from its pinned output"
done <"$T_TMP/new"
nstored=$(grep -c '^[^#].* ours ' "$EXP")
if [ "$nstored" = "$ndoc" ]; then
	pass "damaged documented differences: $ndoc pinned"
else
	fail "damaged documented differences" "$ndoc now, $nstored stored"
fi

# --format json: valid JSON for every log
: >"$T_TMP/j"
while read -r name diffs; do
	"$AB_BIN/ausearch" -if "$LOGS/$name" --format json >>"$T_TMP/j" 2>/dev/null
	[ $? -le 1 ] || fail "damaged json $name" "exit status"
done <"$T_TMP/manifest"
if json_lines "$T_TMP/j" >"$T_TMP/jn" 2>"$T_TMP/je"; then
	pass "damaged json: $(cat "$T_TMP/jn") events valid"
else
	fail "damaged json" "$(tail -1 "$T_TMP/je")"
fi

if [ $have_ref = 1 ]; then
	echo "damaged compat: $same/$total identical to the reference," \
	     "$documented documented differences ($docsame of them" \
	     "identical all the same)"
else
	echo "SKIP damaged live diff: no reference"
	echo "damaged compat: $same/$total identical to the stored outputs," \
	     "$documented documented differences pinned"
fi
t_done
