#!/usr/bin/env python3
"""Extracts the name tables of the installed reference libaudit (audit 3.0.9)
into data/ref-3.0.9/*.tsv, through its public lookup functions (ctypes).
Run by hand when the reference changes; the build only reads the TSVs.
Usage: tools/extract-ref-tables.py OUTDIR"""
import ctypes as C
import glob
import os
import sys

L = C.CDLL("libaudit.so.1")
for f in ("audit_field_to_name", "audit_machine_to_name",
          "audit_msg_type_to_name", "audit_errno_to_name",
          "audit_syscall_to_name"):
    getattr(L, f).restype = C.c_char_p
L.audit_machine_to_elf.restype = C.c_uint

out = sys.argv[1]
here = os.path.dirname(os.path.abspath(__file__))


def write(name, header, rows):
    with open(os.path.join(out, name), "w") as f:
        f.write(header + "\n")
        for r in rows:
            f.write("\t".join(str(x) for x in r) + "\n")


# fields: every name the library knows, numbers 0..299, plus aliases
fields = {}
for i in range(300):
    n = L.audit_field_to_name(i)
    if n:
        fields[n.decode()] = i
for alias in ("loginuid",):
    fields[alias] = L.audit_name_to_field(alias.encode())
write("fields.tsv", "name\tnumber",
      sorted(fields.items(), key=lambda x: (x[1], x[0])))

# machines: candidate names (uname -m spellings) that the library accepts
cands = ("i386 i486 i586 i686 x86_64 ia64 ppc64 ppc64le ppc s390x s390 "
         "alpha armeb armv5tejl armv5tel armv6l armv7l armv8l aarch64 arm "
         "riscv32 riscv64 mips mips64 loongarch64 sparc sparc64").split()
mrows = []
for n in cands:
    m = L.audit_name_to_machine(n.encode())
    if m >= 0:
        canon = L.audit_machine_to_name(m).decode()
        mrows.append((n, m, canon, "0x%08X" % L.audit_machine_to_elf(m)))
write("machines.tsv", "name\tmachine\tcanonical\telf", mrows)

# syscalls per machine: number -> name, then aliases found by trying every
# name of every syscall table we carry
allnames = set()
for p in glob.glob(os.path.join(here, "..", "data", "syscalls", "*.tsv")):
    for line in open(p).read().splitlines()[1:]:
        allnames.update(x for x in line.split("\t")[1:4] if x and x != "-")
machs = sorted({(r[2], r[1]) for r in mrows}, key=lambda x: x[1])
for canon, m in machs:
    rows = {}
    for i in range(2048):
        n = L.audit_syscall_to_name(i, m)
        if n:
            rows[n.decode()] = (i, "")
    allnames.update(rows)
    for n in sorted(allnames):
        if n in rows:
            continue
        nr = L.audit_name_to_syscall(n.encode(), m)
        if nr >= 0:
            rows[n] = (nr, "alias")
    write("syscalls-%s.tsv" % canon, "number\tname\talias",
          sorted(((v[0], k, v[1]) for k, v in rows.items())))

write("msgtypes.tsv", "number\tname",
      [(i, L.audit_msg_type_to_name(i).decode()) for i in range(10000)
       if L.audit_msg_type_to_name(i)])
erows = [(i, L.audit_errno_to_name(i).decode()) for i in range(1, 600)
         if L.audit_errno_to_name(i)]
for a in ("EWOULDBLOCK", "EDEADLOCK"):
    erows.append((L.audit_name_to_errno(a.encode()), a))
write("errno.tsv", "number\tname", sorted(erows))
write("filetypes.tsv", "name\tnumber",
      [(n, L.audit_name_to_ftype(n.encode())) for n in
       "file dir socket link character block fifo".split()])
write("fstypes.tsv", "name\tnumber",
      [(n, L.audit_name_to_fstype(n.encode())) for n in
       "tracefs debugfs cgroup cgroup2 bpf proc sysfs securityfs".split()
       if L.audit_name_to_fstype(n.encode()) >= 0])
