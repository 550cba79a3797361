#!/usr/bin/env python3
"""gen-interpret-seeds.py - regenerates tests/data/fuzz/interpret/ (the
inputs of tests/fuzz/fuzz_interpret.c) from tests/data/logs/interp.log
and real-enriched.log: per record type (and per syscall for SYSCALL), one
file: the type number (2 bytes, little-endian), the machine index, the
syscall (2 bytes), 0, then the record's fields and its ENRICHED tail."""
import os
import re
import shutil

here = os.path.dirname(os.path.abspath(__file__))
types = {}
with open(os.path.join(here, '../../../data/msgtypes.tsv')) as f:
    next(f)
    for line in f:
        num, name = line.rstrip('\n').split('\t')[:2]
        types[name] = int(num)
arches = {'c000003e': 0, '40000003': 1, 'c00000b7': 2, '40000028': 3}
out = os.path.join(here, 'interpret')
shutil.rmtree(out, ignore_errors=True)
os.mkdir(out)
seen = set()
n = 0
for log in ('interp.log', 'real-enriched.log'):
    with open(os.path.join(here, '../logs', log), 'rb') as f:
        for line in f:
            line = line.rstrip(b'\n')
            m = re.match(rb'type=(\S+) msg=audit\([^)]*\): ?(.*)', line, re.S)
            if not m:
                continue
            name = m.group(1).decode('latin-1')
            rtype = types.get(name)
            if rtype is None and name.startswith('UNKNOWN['):
                rtype = int(name[8:-1])
            if rtype is None:
                continue
            a = re.search(rb'\barch=([0-9a-f]+)', line)
            s = re.search(rb'\bsyscall=([0-9]+)', line)
            key = (rtype, s.group(1) if s else None, log)
            if key in seen:
                continue
            seen.add(key)
            arch = arches.get(a.group(1).decode(), 7) if a else 7
            sc = int(s.group(1)) if s else 0
            hdr = bytes([rtype & 255, rtype >> 8, arch, sc & 255,
                         (sc >> 8) & 0x7f | (0 if s else 0x80), 0])
            n += 1
            with open(os.path.join(out, 's%04d' % n), 'wb') as o:
                o.write(hdr + m.group(2))
print(n, 'seeds')
