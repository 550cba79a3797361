#!/bin/sh
# tests/fuzz/afl.sh TARGET SECONDS - AFL++ (Debian's afl++) on one of the
# libFuzzer targets of tests/fuzz/: built in build-afl with
# afl-clang-fast (the core instrumented, ASan and UBSan as in build-fuzz;
# -fsanitize=fuzzer links AFL++'s libFuzzer driver, persistent mode),
# run from the target's seed corpus (tests/data/fuzz/TARGET) for SECONDS,
# one afl-fuzz at nice 19. Output in /tmp/auditbox-afl-TARGET; prints
# afl-fuzz's fuzzer_stats at the end. Not part of tests/run (20 minutes
# a target; docs/reliability.md has the figures).
set -eu
[ $# = 2 ] || { echo "usage: tests/fuzz/afl.sh TARGET SECONDS" >&2; exit 2; }
t=$1
secs=$2
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top"
command -v afl-clang-fast >/dev/null || { echo "afl.sh: afl++ is not installed" >&2; exit 1; }
if [ ! -f build-afl/build.ninja ]; then
	env CC=afl-clang-fast meson setup build-afl -Dtests=true -Dfuzz=true >/dev/null
fi
ninja -C build-afl "tests/fuzz_$t" >/dev/null
out=/tmp/auditbox-afl-$t
rm -rf "$out"
# ASan reserves terabytes of address space: no memory limit (-m none).
# No UI, no CPU frequency check, no core_pattern check (a shared
# machine); -V: stop after secs.
env AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 \
	AFL_NO_AFFINITY=1 \
	nice -n 19 afl-fuzz -m none -V "$secs" -i "tests/data/fuzz/$t" \
	-o "$out" -- "build-afl/tests/fuzz_$t" >"$out.log" 2>&1 || {
	tail -40 "$out.log"
	exit 1
}
cat "$out/default/fuzzer_stats"
