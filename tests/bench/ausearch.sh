#!/bin/sh
# ausearch benchmark (issue 4): a generated dense log (gen-dense.py, about
# 14,000 events per second of log time, deterministic), the reference
# /sbin/ausearch and ours on the same queries, `cat` as the floor. The
# reference runs on a prefix of the log (its full run would take many
# minutes); ours runs on the prefix (for the ratio and a byte-for-byte
# output check) and on the whole log. Prints times, ratios and peak RSS;
# asserts nothing about timing.
# Usage: tests/bench/ausearch.sh [SIZE_MB [PREFIX_MB]]  (default 1024 64)
HERE=$(cd "$(dirname "$0")" && pwd)
SIZE=${1:-1024}
PREFIX=${2:-64}
. "$HERE/dense.sh"
REF=${REF_AUSEARCH:-/sbin/ausearch}
AB=$DIR/bin/ausearch

# best3 FILE CMD...: measure three times back to back; the best time and
# the highest peak RSS (other work on the machine only ever slows a run)
best3() {
	b1=$(measure "$@")
	b2=$(measure "$@")
	b3=$(measure "$@")
	printf '%s\n%s\n%s\n' "$b1" "$b2" "$b3" | awk '
		NR == 1 || $1 + 0 < t { t = $1 + 0 } $2 + 0 > m { m = $2 + 0 }
		END { printf "%.6f %d\n", t, m }'
}

events=$(grep -c '^type=SYSCALL\|^type=USER\|^type=CONFIG' "$LOG")
first=$(head -1 "$LOG" | sed 's/.*audit(\([0-9]*\).*/\1/')
last=$(tail -1 "$LOG" | sed 's/.*audit(\([0-9]*\).*/\1/')
echo "log: $LOG $(du -m "$LOG" | cut -f1) MB, about $events events over $((last - first + 1)) s of log time"
echo "reference runs on the first $(du -m "$PLOG" | cut -f1) MB ($PLOG)"
c_full=$(best3 /dev/null cat "$LOG")
c_pre=$(best3 /dev/null cat "$PLOG")
printf '%-22s %10s %10s %9s %10s %8s %10s %10s %8s %s\n' query \
	"ref(s)" "ours(s)" ratio "ref RSS" "ours RSS" "full(s)" "full RSS" \
	"vs cat" identical
for q in "-k k07 --raw" "-p 4242" "-m SYSCALL -sv no" "-i -k k07" \
	 "-k nomatch"; do
	# shellcheck disable=SC2086
	r=$(measure "$DIR/r.out" "$REF" -if "$PLOG" $q)
	# shellcheck disable=SC2086
	o=$(measure "$DIR/o.out" "$AB" -if "$PLOG" $q)
	# shellcheck disable=SC2086
	f=$(best3 /dev/null "$AB" -if "$LOG" $q)
	same=no
	cmp -s "$DIR/r.out" "$DIR/o.out" && same=yes
	echo "$q|$r|$o|$f|$c_full|$same" | awk -F'|' '{
		split($2, r, " "); split($3, o, " "); split($4, f, " ");
		split($5, c, " ");
		ot = o[1] + 0 > 0 ? o[1] + 0 : 1e-6; ct = c[1] + 0 > 0 ? c[1] + 0 : 1e-6;
		printf "%-22s %10.3f %10.3f %8.0fx %8d KB %6d KB %10.3f %7d KB %7.1fx %s\n",
		$1, r[1], o[1], r[1] / ot, r[2], o[2], f[1], f[2], f[1] / ct, $6 }'
done
echo "machine: $(nproc) CPUs; ours cuts a mapped log into lines in a second thread"
echo "cat > /dev/null: full log $(echo "$c_full" | cut -d' ' -f1) s, prefix $(echo "$c_pre" | cut -d' ' -f1) s"
echo "columns: ref and ours on the prefix, ratio = ref/ours there, RSS = peak;"
echo "full = ours on the whole log, best of 3; vs cat = full / cat of the whole"
echo "log (best of 3);"
echo "identical = ours and the reference wrote the same bytes on the prefix"
