#!/bin/sh
# aureport benchmark (issue 9): the generated dense log of
# tests/bench/ausearch.sh (gen-dense.py, deterministic), the reference
# /sbin/aureport and ours on the same reports. The reference runs on a
# prefix of the log (whole runs take minutes); ours runs on the prefix
# (for the ratio and a byte-for-byte output check) and on the whole log.
# Prints times, ratios and peak RSS; asserts nothing about timing.
# The reference's summaries of many distinct values re-sort with a
# quadratic sort: each reference run is cut at REF_LIMIT seconds (default
# 300), shown as ">LIMIT" (its ratio then a lower bound).
# Usage: tests/bench/aureport.sh [SIZE_MB [PREFIX_MB]]  (default 1024 64)
set -u
export TZ=UTC LC_ALL=C
HERE=$(cd "$(dirname "$0")" && pwd)
TOP=$(cd "$HERE/../.." && pwd)
OURS=${AUDITBOX:-$TOP/build/auditbox}
REF=${REF_AUREPORT:-/sbin/aureport}
LIMIT=${REF_LIMIT:-300}
SIZE=${1:-1024}
PREFIX=${2:-64}
DIR=${BENCH_DIR:-/tmp/auditbox-bench}
mkdir -p "$DIR"
LOG=$DIR/dense-$SIZE.log
PLOG=$DIR/dense-$SIZE-prefix-$PREFIX.log
[ -f "$LOG" ] || python3 "$HERE/gen-dense.py" "$SIZE" "$LOG" 1
if [ ! -f "$PLOG" ]; then
	head -c $((PREFIX << 20)) "$LOG" | sed '$d' >"$PLOG"
fi
mkdir -p "$DIR/bin"
"$OURS" --install "$DIR/bin" >/dev/null 2>&1
AB=$DIR/bin/aureport

# measure FILE CMD...: "seconds peak_rss_kb", "LIMIT 0 cut" when the
# command ran past LIMIT seconds
measure() {
	out=$1
	shift
	t0=$(date +%s%N)
	timeout "$LIMIT" /usr/bin/time -f "%M" -o "$DIR/time" "$@" >"$out" \
		2>/dev/null
	rc=$?
	t1=$(date +%s%N)
	if [ $rc = 124 ]; then
		echo "$LIMIT 0 cut"
	else
		echo "$(( (t1 - t0) / 1000 ))e-6 $(tail -n 1 "$DIR/time")"
	fi
}

echo "log: $LOG $(du -m "$LOG" | cut -f1) MB; the reference runs on the first $(du -m "$PLOG" | cut -f1) MB"
printf '%-22s %10s %10s %9s %10s %8s %10s %10s %s\n' report \
	"ref(s)" "ours(s)" ratio "ref RSS" "ours RSS" "full(s)" "full RSS" \
	identical
for q in "" "-f --summary" "-x" "-e --summary -i" "-k" "-p --summary" \
	 "-u -i" "-s --failed" "-t"; do
	# shellcheck disable=SC2086
	r=$(measure "$DIR/r.out" "$REF" -if "$PLOG" $q)
	# shellcheck disable=SC2086
	o=$(measure "$DIR/o.out" "$AB" -if "$PLOG" $q)
	# shellcheck disable=SC2086
	f=$(measure /dev/null "$AB" -if "$LOG" $q)
	same=no
	# -t names the file: the same file for both
	cmp -s "$DIR/r.out" "$DIR/o.out" && same=yes
	case $r in *cut) same="n/a (reference cut)" ;; esac
	echo "${q:-(summary)}|$r|$o|$f|$same" | awk -F'|' '{
		split($2, r, " "); split($3, o, " "); split($4, f, " ");
		ot = o[1] + 0 > 0 ? o[1] + 0 : 1e-6;
		cut = r[3] == "cut" ? ">" : "";
		printf "%-22s %9s%s %10.3f %7s%.0fx %8d KB %6d KB %10.3f %7d KB %s\n",
		$1, cut, sprintf("%.3f", r[1]), o[1], cut, r[1] / ot, r[2], o[2],
		f[1], f[2], $5 }'
done
echo "machine: $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg)"
