# tests/bench/dense.sh - sourced by the log readers' benchmarks: the
# generated dense log (gen-dense.py, about 14,000 events per second of log
# time, deterministic) of SIZE MB and its first PREFIX MB, the binary's
# links in $DIR/bin, and measure().
# Needs HERE, SIZE, PREFIX; sets TOP, OURS, DIR, LOG, PLOG.
set -u
export TZ=UTC LC_ALL=C
TOP=$(cd "$HERE/../.." && pwd)
OURS=${AUDITBOX:-$TOP/build/auditbox}
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

# measure FILE CMD...: prints "seconds peak_rss_kb" (wall time in ns
# resolution from date, peak RSS from /usr/bin/time); with LIMIT set,
# "LIMIT 0 cut" when the command ran past LIMIT seconds
measure() {
	out=$1
	shift
	t0=$(date +%s%N)
	timeout "${LIMIT:-0}" /usr/bin/time -f "%M" -o "$DIR/time" "$@" \
		>"$out" 2>/dev/null
	rc=$?
	t1=$(date +%s%N)
	if [ $rc = 124 ]; then
		echo "$LIMIT 0 cut"
	else
		echo "$(( (t1 - t0) / 1000 ))e-6 $(tail -n 1 "$DIR/time")"
	fi
}
