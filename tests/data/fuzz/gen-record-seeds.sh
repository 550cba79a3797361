#!/bin/sh
# gen-record-seeds.sh - regenerates tests/data/fuzz/record/: one line a
# file (no newline), the first line of each record type in
# tests/data/logs/types.log and interp.log (ENRICHED tails included), and
# every line of edge.log and damaged.log.
set -eu
cd "$(dirname "$0")"
out=record
rm -rf "$out"
mkdir "$out"
{
	awk '!seen[$1]++' ../logs/types.log ../logs/interp.log
	cat ../logs/edge.log ../logs/damaged.log
} | awk -v d="$out" 'length($0) { f = sprintf("%s/l%04d", d, ++n);
	printf "%s", $0 > f; close(f) }'
