#!/usr/bin/env python3
"""gen_tables.py DATADIR OUT.h - the name tables of core/tables.c.

Reads data/ref-3.0.9/*.tsv (extracted from the reference libaudit 3.0.9 by
tools/extract-ref-tables.py) and data/syscalls/riscv64.tsv (kernel table:
3.0.9 has none), and emits compact arrays without pointers (so without
relocations): every string lives once in one pool (a string that ends
another shares its bytes) and the tables hold 16-bit offsets into it.

- Syscalls: one list of the names of all machines, sorted (a name's index
  is its id); per machine an array indexed by number holding name ids (9
  bits each, packed), and
  the few (number, id) pairs that a scan of that array would not give (a
  second name for a number, "madvise1").
- Other sets: (number, offset) pairs sorted by number (first spelling
  wins) and sorted by lower-cased name (aliases included), for bsearch.

The generator checks that each lookup gives what the data says."""
import os
import re
import sys

data, out = sys.argv[1], sys.argv[2]
ref = os.path.join(data, "ref-3.0.9")
NONE = 0xFFFF


def rows(path):
    with open(path) as f:
        lines = f.read().splitlines()
    return [line.split("\t") for line in lines[1:] if line.strip()]


def cstr(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


strings = []         # every string the tables refer to, in first-use order
o = []               # the arrays; pool offsets filled in as "@@k@@" marks


def pstr(s):
    strings.append(s)
    return "@@%d@@" % (len(strings) - 1)


def u16(v):
    assert 0 <= v < 0x10000, v
    return v


def pairs_by_nr(pairs):
    """pairs: (number, name, is_alias) -> {number: first spelling}"""
    by_nr = {}
    for nr, name, alias in pairs:
        if not alias and nr not in by_nr:
            by_nr[nr] = name
    return by_nr


def pairs_by_name(pairs):
    """-> {lower-cased name: (first number, first spelling)}"""
    names = {}
    for nr, name, alias in pairs:
        names.setdefault(name.lower(), (nr, name))
    return names


def emit_pair_tables(prefix, pairs):
    """Emits PREFIX_by_nr[] and PREFIX_by_name[] of struct tab_pair."""
    by_nr = pairs_by_nr(pairs)
    o.append("static const struct tab_pair %s_by_nr[] = {" % prefix)
    for nr in sorted(by_nr):
        o.append("\t{ %d, %s }," % (u16(nr), pstr(by_nr[nr])))
    o.append("};")
    names = pairs_by_name(pairs)
    o.append("static const struct tab_pair %s_by_name[] = {" % prefix)
    for key in sorted(names):
        nr, name = names[key]
        o.append("\t{ %d, %s }," % (u16(nr), pstr(name)))
    o.append("};")


o.append("struct tab_pair { uint16_t nr, off; };")

# --- syscalls ---------------------------------------------------------
machines = rows(os.path.join(ref, "machines.tsv"))
sc_sets = {}         # canonical machine -> [(number, name, is_alias)]
for name, mach, canon, elf in machines:
    if canon not in sc_sets:
        p = os.path.join(ref, "syscalls-%s.tsv" % canon)
        sc_sets[canon] = [(int(r[0]), r[1], len(r) > 2 and r[2] == "alias")
                          for r in rows(p)]
# riscv64: kernel table with the reference's spellings, our extension
diffs = rows(os.path.join(data, "syscalls", "audit_userspace_name_diffs.tsv"))
rv = {int(r[0]): r[1] for r in rows(os.path.join(data, "syscalls",
                                                  "riscv64.tsv"))}
for arch, nr, kname, uname, note in diffs:
    if arch == "riscv64":
        rv[int(nr)] = uname
sc_sets["riscv64"] = [(nr, n, False) for nr, n in sorted(rv.items())]

sc_names = sorted({n for s in sc_sets.values() for _, n, _ in s})
for n in sc_names:
    assert n == n.lower(), n          # one spelling per name id
sc_id = {n: i for i, n in enumerate(sc_names)}
SC_BITS = 9
SC_NONE = (1 << SC_BITS) - 1
assert len(sc_names) < SC_NONE
o.append("/* syscall names, sorted: a name's index is its id */")
o.append("static const uint16_t sc_names[] = {")
o.append("\t" + ", ".join(pstr(n) for n in sc_names) + ",")
o.append("};")

sc_nr = []           # all machines' arrays, one after the other
sc_extra = []        # (number, id) pairs looked at before the scan
sc_at = {}           # canonical machine -> (at, n, extra at, extra n)
by_content = {}      # identical sets share one array (ppc, ppc64, ppc64le)
for canon in sorted(sc_sets):
    key = tuple(sc_sets[canon])
    if key in by_content:
        sc_at[canon] = by_content[key]
        continue
    by_nr = pairs_by_nr(sc_sets[canon])
    arr = [SC_NONE] * (max(by_nr) + 1)
    for nr, name in by_nr.items():
        arr[nr] = sc_id[name]
    extra = []
    for key_name, (nr, name) in sorted(pairs_by_name(sc_sets[canon]).items()):
        i = sc_id[name]
        if (arr.index(i) if i in arr else -1) != nr:
            extra.append((nr, i))
    # the checks: both directions as the pairs say
    for nr in range(len(arr)):
        assert (sc_names[arr[nr]] if arr[nr] != SC_NONE else None) == \
            by_nr.get(nr), (canon, nr)
    for key_name, (nr, name) in pairs_by_name(sc_sets[canon]).items():
        i = sc_id[name]
        got = [e for e, x in extra if x == i]
        got = got[0] if got else (arr.index(i) if i in arr else -1)
        assert got == nr, (canon, name)
    sc_at[canon] = (len(sc_nr), len(arr), len(sc_extra), len(extra))
    by_content[key] = sc_at[canon]
    o.append("/* %s: %d numbers */" % (canon, len(arr)))
    sc_nr.extend(arr)
    sc_extra.extend(extra)
assert len(sc_nr) < 0x10000 and len(sc_extra) < 0x100
# 9 bits a name id, packed little-endian (an extra byte for the last
# 16-bit read)
bits = 0
nbits = 0
packed = []
for v in sc_nr:
    bits |= v << nbits
    nbits += SC_BITS
    while nbits >= 8:
        packed.append(bits & 0xFF)
        bits >>= 8
        nbits -= 8
packed.append(bits & 0xFF)
packed.append(0)
o.append("/* per machine, indexed by number: a name id or %d (none), %d bits "
         "each */" % (SC_NONE, SC_BITS))
o.append("#define SC_BITS %d" % SC_BITS)
o.append("#define SC_NONE %d" % SC_NONE)
o.append("static const uint8_t sc_nr[] = {")
for i in range(0, len(packed), 16):
    o.append("\t" + ", ".join(str(v) for v in packed[i:i + 16]) + ",")
o.append("};")
o.append("/* names a scan of sc_nr does not give: { number, name id } */")
o.append("struct tab_alias { uint16_t nr, id; };")
o.append("static const struct tab_alias sc_extra[] = {")
for nr, i in sc_extra:
    o.append("\t{ %d, %d },\t/* %s */" % (u16(nr), i, sc_names[i]))
o.append("};")

# --- machines ---------------------------------------------------------
# machine names -> machine number; machine number -> its syscalls, elf
o.append("static const struct tab_pair machine_by_name[] = {")
for name, mach, canon, elf in sorted(machines, key=lambda r: r[0].lower()):
    o.append("\t{ %s, %s }," % (u16(int(mach)), pstr(name.lower())))
o.append("};")
canon_of = {}
for name, mach, canon, elf in machines:
    canon_of.setdefault(int(mach), (canon, elf))
canon_of[11] = ("riscv64", "0xC00000F3")
o.append("struct tab_mach { uint32_t elf; uint16_t name, at, n; "
         "uint8_t mach, ex_at, ex_n; };")
o.append("static const struct tab_mach mach_by_nr[] = {")
for mach in sorted(canon_of):
    canon, elf = canon_of[mach]
    at, n, ex_at, ex_n = sc_at[canon]
    o.append("\t{ %sU, %s, %d, %d, %d, %d, %d }," %
             (elf, pstr(canon), at, n, mach, ex_at, ex_n))
o.append("};")

# --- record types, errno names, fields, file types, fs types -----------
emit_pair_tables("msgtype", [(int(r[0]), r[1], False)
                             for r in rows(os.path.join(ref, "msgtypes.tsv"))])
errs = rows(os.path.join(ref, "errno.tsv"))
seen = set()
epairs = []
for nr, name in errs:
    epairs.append((int(nr), name, int(nr) in seen))
    seen.add(int(nr))
emit_pair_tables("errno", epairs)
fpairs = []
seen = set()
for name, nr in rows(os.path.join(ref, "fields.tsv")):
    fpairs.append((int(nr), name, int(nr) in seen))
    seen.add(int(nr))
emit_pair_tables("field", fpairs)
ft = pairs_by_name([(int(nr), n, False) for n, nr in
                    rows(os.path.join(ref, "filetypes.tsv"))])
o.append("static const struct tab_pair filetype_by_name[] = {")
for key in sorted(ft):
    o.append("\t{ %d, %s }," % (u16(ft[key][0]), pstr(ft[key][1])))
o.append("};")
# fs magic numbers need 32 bits; two of them, sorted by name
fs = pairs_by_name([(int(nr), n, False) for n, nr in
                    rows(os.path.join(ref, "fstypes.tsv"))])
o.append("struct tab_fs { uint32_t magic; uint16_t off; };")
o.append("static const struct tab_fs fstype_by_name[] = {")
for key in sorted(fs):
    o.append("\t{ %dU, %s }," % (fs[key][0], pstr(fs[key][1])))
o.append("};")

# strerror() texts as glibc words them: the reference's messages carry
# them, and musl words many differently ("Symbolic link loop").
msgs = {int(r[0]): r[2] for r in rows(os.path.join(data, "strerror-glibc.tsv"))}
o.append("/* glibc's strerror() text of each errno: offset, or 0x%X */" % NONE)
o.append("static const uint16_t strerror_glibc[] = {")
for nr in range(max(msgs) + 1):
    o.append("\t%s," % (pstr(msgs[nr]) if nr in msgs else "0x%X" % NONE))
o.append("};")

# --- the pool ---------------------------------------------------------
# Longest first; a string that ends one already placed points into it.
off = {}
tails = {}
pool = []
size = 0
for s in sorted(set(strings), key=lambda s: (-len(s.encode()), s)):
    if s in tails:
        off[s] = tails[s]
        continue
    off[s] = size
    b = s.encode()
    for k in range(len(b)):
        tails.setdefault(b[k:].decode("utf-8", "surrogateescape"), size + k)
    pool.append(s)
    size += len(b) + 1
assert size < NONE, size
text = re.sub(r"@@(\d+)@@", lambda m: str(off[strings[int(m.group(1))]]),
              "\n".join(o))

with open(out, "w") as f:
    f.write("/* Generated by tools/gen_tables.py: do not edit. */\n")
    f.write("static const char tab_pool[] =\n")
    f.write("\n".join("\t%s \"\\0\"" % cstr(n) for n in pool) + ";\n")
    f.write(text + "\n")
