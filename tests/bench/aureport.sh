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
HERE=$(cd "$(dirname "$0")" && pwd)
SIZE=${1:-1024}
PREFIX=${2:-64}
. "$HERE/dense.sh"
REF=${REF_AUREPORT:-/sbin/aureport}
CUT=${REF_LIMIT:-300}
AB=$DIR/bin/aureport

echo "log: $LOG $(du -m "$LOG" | cut -f1) MB; the reference runs on the first $(du -m "$PLOG" | cut -f1) MB"
printf '%-22s %10s %10s %9s %10s %8s %10s %10s %s\n' report \
	"ref(s)" "ours(s)" ratio "ref RSS" "ours RSS" "full(s)" "full RSS" \
	identical
for q in "" "-f --summary" "-x" "-e --summary -i" "-k" "-p --summary" \
	 "-u -i" "-s --failed" "-t"; do
	LIMIT=$CUT	# the reference only
	# shellcheck disable=SC2086
	r=$(measure "$DIR/r.out" "$REF" -if "$PLOG" $q)
	LIMIT=0
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
