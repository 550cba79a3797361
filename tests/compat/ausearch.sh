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

# Input selection, live only (the NOTE names a temp dir): a directory with a
# rotated set whose events interleave across files, and stdin as a pipe.
if ref_have "$REF"; then
	mkdir -p "$T_TMP/set"
	cp "$DATA/logs/real-raw.log" "$T_TMP/set/audit.log.1"
	cp "$DATA/logs/edge.log" "$T_TMP/set/audit.log"
	for q in "-r" "-k secret" "-m USER --raw" "-i -k multi" "-ts 11/27/26 -r"; do
		# shellcheck disable=SC2086
		"$REF" -if "$T_TMP/set" $q >"$T_TMP/r.out" 2>"$T_TMP/r.err"
		echo $? >>"$T_TMP/r.err"
		# shellcheck disable=SC2086
		"$OURS" -if "$T_TMP/set" $q >"$T_TMP/o.out" 2>"$T_TMP/o.err"
		echo $? >>"$T_TMP/o.err"
		if cmp -s "$T_TMP/r.out" "$T_TMP/o.out" &&
		   cmp -s "$T_TMP/r.err" "$T_TMP/o.err"; then
			pass "ausearch dir set ($q)"
		else
			fail "ausearch dir set ($q)" "differs from the reference"
		fi
	done
	for c in edge real-enriched; do
		for q in "-k secret" "-i -m USER" "-sv no -r"; do
			# shellcheck disable=SC2086
			cat "$DATA/logs/$c.log" | "$REF" $q >"$T_TMP/r.out" 2>"$T_TMP/r.err"
			echo $? >>"$T_TMP/r.err"
			# shellcheck disable=SC2086
			cat "$DATA/logs/$c.log" | "$OURS" $q >"$T_TMP/o.out" 2>"$T_TMP/o.err"
			echo $? >>"$T_TMP/o.err"
			if cmp -s "$T_TMP/r.out" "$T_TMP/o.out" &&
			   cmp -s "$T_TMP/r.err" "$T_TMP/o.err"; then
				pass "ausearch pipe $c ($q)"
			else
				fail "ausearch pipe $c ($q)" "differs from the reference"
			fi
		done
	done
	# -if of a device and of a FIFO: read as a stream
	mkfifo "$T_TMP/fifo"
	for who in r o; do
		bin=$REF; [ $who = o ] && bin=$OURS
		"$bin" -if /dev/null -m AVC >"$T_TMP/$who.out" 2>"$T_TMP/$who.err"
		echo $? >>"$T_TMP/$who.err"
		cat "$DATA/logs/edge.log" >"$T_TMP/fifo" &
		"$bin" -if "$T_TMP/fifo" -k multi -i >>"$T_TMP/$who.out" \
			2>>"$T_TMP/$who.err"
		echo $? >>"$T_TMP/$who.err"
		wait
	done
	if cmp -s "$T_TMP/r.out" "$T_TMP/o.out" &&
	   cmp -s "$T_TMP/r.err" "$T_TMP/o.err"; then
		pass "ausearch -if /dev/null and a FIFO"
	else
		fail "ausearch -if /dev/null and a FIFO" "differs from the reference"
	fi
else
	echo "SKIP ausearch dir/pipe input: no reference"
fi

# Our time forms (ISO 8601, @EPOCH) select what the reference's %x form does
E=$DATA/logs/edge.log
"$OURS" -if "$E" -ts 11/13/25 02:13:25 -te 11/13/25 02:13:27 -r >"$T_TMP/x.out" 2>&1
for f in "-ts 2025-11-13T02:13:25 -te 2025-11-13T02:13:27" \
	 "-ts 2025-11-13 02:13:25 -te 2025-11-13 02:13:27" \
	 "-ts @1763000005 -te @1763000007"; do
	# shellcheck disable=SC2086
	"$OURS" -if "$E" $f -r >"$T_TMP/y.out" 2>&1
	if [ -s "$T_TMP/x.out" ] && cmp -s "$T_TMP/x.out" "$T_TMP/y.out"; then
		pass "ausearch time form ($f)"
	else
		fail "ausearch time form ($f)" "differs from the %x form"
	fi
done

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
