#!/bin/sh
# ausearch compat: every case of tests/data/ausearch/cases against every
# corpus of tests/data/logs/*.log. Ours must equal the stored reference
# output (tests/data/ausearch/<corpus>/<n>.{out,err,rc}, made by
# tests/data/ausearch/regen; big outputs as a sha256) and, where /sbin/ausearch is installed, the
# live reference: stdout, stderr and exit code, byte for byte, TZ=UTC LC_ALL=C.
# Also checks that --format json gives valid JSON for every event.
. "$(dirname "$0")/../lib/common.sh"
DATA=$TOP/tests/data
REF=${REF_AUSEARCH:-/sbin/ausearch}
OURS=$AB_BIN/ausearch
total=0
same=0
run_case() {	# $1 bin, $2 corpus, $3 args, $4 out prefix
	# shellcheck disable=SC2086
	"$1" -if "$2" $3 </dev/null >"$4.out" 2>"$4.err"
	echo $? >"$4.rc"
}
n=0
for corpus in "$DATA"/logs/*.log; do
	c=$(basename "$corpus" .log)
	n=0
	grep -v '^#' "$DATA/ausearch/cases" | while IFS= read -r line; do
		n=$((n + 1))
		live=0
		case $line in live:*) live=1; line=${line#live:} ;; esac
		exp=$DATA/ausearch/$c/$n
		run_case "$OURS" "$corpus" "$line" "$T_TMP/o"
		why=
		if [ $live = 0 ]; then
			for k in err rc; do
				cmp -s "$exp.$k" "$T_TMP/o.$k" || why="$why $k!=stored"
			done
			if [ -f "$exp.out.sha256" ]; then
				[ "$(sha256sum <"$T_TMP/o.out" | cut -d' ' -f1)" = \
				  "$(cat "$exp.out.sha256")" ] || why="$why out!=stored"
			else
				cmp -s "$exp.out" "$T_TMP/o.out" || why="$why out!=stored"
			fi
		fi
		if ref_have "$REF"; then
			run_case "$REF" "$corpus" "$line" "$T_TMP/r"
			for k in out err rc; do
				cmp -s "$T_TMP/r.$k" "$T_TMP/o.$k" || why="$why $k!=live"
			done
		elif [ $live = 1 ]; then
			echo "SKIP ausearch $c #$n ($line): no reference"
			continue
		fi
		if [ -z "$why" ]; then
			echo "PASS ausearch $c #$n ($line)"
		else
			echo "FAIL ausearch $c #$n ($line):$why"
		fi
	done
done >"$T_TMP/results"
cat "$T_TMP/results"
total=$(grep -c '^[PF]' "$T_TMP/results")
same=$(grep -c '^PASS' "$T_TMP/results")
echo "ausearch compat: $same/$total identical"
grep -q '^FAIL' "$T_TMP/results" && T_FAILS=1

# --format json: one valid JSON object per line for every event
for corpus in "$DATA"/logs/*.log; do
	c=$(basename "$corpus" .log)
	"$OURS" -if "$corpus" --format json >"$T_TMP/j" 2>/dev/null
	if python3 -c '
import json, sys
n = 0
for line in open(sys.argv[1], encoding="utf-8"):
    json.loads(line)
    n += 1
print(n)' "$T_TMP/j" >"$T_TMP/jn" 2>"$T_TMP/je"; then
		pass "ausearch json $c: $(cat "$T_TMP/jn") events valid"
	else
		fail "ausearch json $c" "$(tail -1 "$T_TMP/je")"
	fi
done
t_done
