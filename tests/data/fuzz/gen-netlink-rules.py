#!/usr/bin/env python3
"""gen-netlink-rules.py - writes tests/data/fuzz/netlink/list-rules: an
AUDIT_LIST_RULES answer as the kernel sends it (sequence 1, datagrams
cut by 0xff 0xfe 0xfd for fuzz_netlink): two rules with fields, the
rule of
  -a always,exit -F arch=b64 -S openat -F path=/etc/shadow -F perm=wa
     -F auid>=1000 -k secret
and of -w /tmp -p x (a watch on a directory), then NLMSG_DONE and the
ack."""
import os
import struct

EQ, GE = 0x40000000, 0x60000000


def rule(flags, action, fields, syscalls, strings):
    mask = [0] * 64
    for s in syscalls:
        mask[s // 32] |= 1 << (s % 32)
    f = [0] * 64
    v = [0] * 64
    ff = [0] * 64
    buf = b''
    for i, (field, op, val) in enumerate(fields):
        f[i], ff[i] = field, op
        if isinstance(val, bytes):
            v[i] = len(val)
            buf += val
        else:
            v[i] = val
    return struct.pack('<3I64I64I64I64II', flags, action, len(fields),
                       *mask, *f, *v, *ff, len(buf)) + buf


def msg(mtype, flags, payload):
    return struct.pack('<IHHII', 16 + len(payload), mtype, flags, 1, 0) + payload


r1 = rule(4, 2, [(11, EQ, 0xc000003e), (105, EQ, b'/etc/shadow'),
                 (106, EQ, 2 | 8), (9, GE, 1000), (210, EQ, b'secret')],
          [257], [])
r2 = rule(4, 2, [(107, EQ, b'/tmp'), (106, EQ, 1)], list(range(2048)), [])
out = b'\xff\xfe\xfd'.join([
    msg(1013, 2, r1), msg(1013, 2, r2), msg(3, 2, b'\0' * 4),
    msg(2, 0, b'\0' * 4 + struct.pack('<IHHII', 16, 1013, 5, 1, 0))])
here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, 'netlink', 'list-rules'), 'wb') as o:
    o.write(out)
