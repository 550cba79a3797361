#!/usr/bin/env python3
"""gen-damaged.py - write damaged.log, the corpus of damaged input for the
ausearch and aureport compat tests (issue 9): real records of
real-enriched.log (written by the reference auditd) and hand-made ones,
with what a crash, a full disk, a bad copy or a hand edit leaves behind:
lines cut at odd places (followed by more records, glued to the next
record, and the last line cut before its newline), lines longer than the
reference's 8970-byte line buffer, NUL bytes, CR line ends, invalid UTF-8
and binary garbage between records, records of one event far apart and
out of order. Every part is read the same by /sbin/ausearch 3.0.9 and by
auditbox (the cases where they differ are in tests/data/damaged/, see
docs/compat.md). Deterministic; run it to regenerate damaged.log."""
import os

HERE = os.path.dirname(os.path.abspath(__file__))
T = 1795800000  # 2026-11-27, after real-enriched.log
out = []


def real(serial):
    """The records of real-enriched.log's event with this serial."""
    want = (':%d):' % serial).encode()
    with open(os.path.join(HERE, 'real-enriched.log'), 'rb') as f:
        return [l.rstrip(b'\n') for l in f if want in l.split(b' ', 2)[1]]


def rec(t, ser, typ, body, ms=0, node=None):
    line = b'type=%s msg=audit(%d.%03d:%d): %s' % (typ.encode(), t, ms, ser,
                                                   body)
    return b'node=%s %s' % (node.encode(), line) if node else line


def user(t, ser, text, ms=0, node=None, typ='USER_LOGIN', res='success'):
    return rec(t, ser, typ, b"pid=4242 uid=0 auid=1000 ses=3 msg='op=login "
               b"acct=\"alice\" exe=\"/usr/sbin/sshd\" hostname=" + text +
               b" addr=10.0.0.7 terminal=ssh res=" + res.encode() + b"'",
               ms, node)


def sysc(t, ser, sc=2, key=b'"dmg"', ms=0, exe=b'"/usr/bin/cat"', pid=777):
    return rec(t, ser, 'SYSCALL', b'arch=c000003e syscall=%d success=yes '
               b'exit=3 a0=1 a1=0 a2=0 a3=0 items=1 ppid=1 pid=%d auid=1000 '
               b'uid=0 gid=0 euid=0 suid=0 fsuid=0 egid=0 sgid=0 fsgid=0 '
               b'tty=pts0 ses=3 comm="cat" exe=%s key=%s' %
               (sc, pid, exe, key), ms)


# 1. a real ENRICHED event and a real user record, untouched
out += real(653)
out += real(688)

# 2. CR line ends (a log copied through a DOS tool): the CR stays part of
# the record's last value
out.append(user(T, 10, b'cr.example') + b'\r')
out.append(sysc(T, 11) + b'\r')
out.append(rec(T, 11, 'PROCTITLE', b'proctitle=636174002F6574632F706173737764\r'))

# 3. garbage between records: binary bytes, escape sequences, invalid
# UTF-8 in and out of values, an empty line, blanks only
out.append(b'\xde\xad\xbe\xef\x01\x02\x7f\x1b[31mgarbage\x1b[0m \xff\xfe')
out.append(user(T + 1, 20, b'\xc3\x28bad\xe2\x82utf8'))
out.append(b'')
out.append(b'   \t  ')
out.append(b'type=')
out.append(b'msg=audit(1795800001.000:21): x=1')
out.append(b'\xc0\xc1\xf5\xf6\xf7\xf8 type=SYSCALL msg=audit(junk')
out.append(rec(T + 1, 22, 'USER_CMD', b"pid=1 uid=0 auid=1000 ses=3 msg='cwd=\"/"
               b"\xe9t\xe9\" cmd=6C73 exe=\"/usr/bin/sudo\" terminal=pts/0 "
               b"res=success'"))

# 4. NUL bytes: a record ends at its first NUL, a line of NULs, a line
# starting with one (both dropped as the reference drops them)
out.append(user(T + 2, 30, b'nul\x00.example'))
out.append(b'\x00' * 64)
out.append(b'\x00' + sysc(T + 2, 31))
out.append(sysc(T + 2, 32, key=b'"nul\x00key"'))
out.append(rec(T + 2, 32, 'CWD', b'cwd="/tmp"\x00\x00\x00'))

# 5. lines longer than the reference's line buffer: read as pieces of
# 8969 bytes, a piece that is a record counts
head = user(T + 3, 40, b'long.example')[:-1] + b' note='
out.append(head + b'x' * (9000 - len(head)))
piece = b'type=USER_LOGOUT msg=audit(%d.000:41): pid=4242 uid=0 auid=1000 ' \
        b"ses=3 msg='op=logout acct=\"alice\" exe=\"/usr/sbin/sshd\" " \
        b"hostname=? addr=? terminal=ssh res=success'" % (T + 3)
out.append(head + b'y' * (8969 - len(head)) + piece)
out.append(head + b'z' * (20000 - len(head)))
out.append(b'w' * 8969 + b'\n' + b'v' * 100)

# 6. one event's records far apart and out of order; an event older than
# those before it; stragglers more than the timeout after their event
out.append(sysc(T + 4, 50, sc=257))
for i in range(12):
    out.append(user(T + 4, 60 + i, b'h%d' % i, ms=i))
out.append(rec(T + 4, 50, 'CWD', b'cwd="/var/tmp"'))
out.append(rec(T + 4, 50, 'PATH', b'item=0 name="f" inode=12 dev=fe:00 '
               b'mode=0100644 ouid=0 ogid=0 rdev=00:00 nametype=NORMAL '
               b'cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0 cap_frootid=0'))
out.append(sysc(T + 3, 55, ms=500))
out.append(rec(T + 3, 55, 'PROCTITLE', b'proctitle=636174', ms=500))
out.append(rec(T + 4, 50, 'PROCTITLE', b'proctitle=636174'))
out.append(sysc(T + 5, 70))
out.append(user(T + 9, 71, b'later'))
out.append(rec(T + 5, 70, 'CWD', b'cwd="/late"'))
out.append(rec(T + 5, 70, 'PROCTITLE', b'proctitle=6C617465'))

# 7. lines cut (a crash) and more records after them: inside type=,
# inside msg=audit(, inside the time stamp and the serial, right after the
# header, inside a field, inside a quoted value, inside a hex value
full = sysc(T + 6, 80, key=b'"cut"')
for n in (3, 7, 16, 24, 30, 35, 40, 41, 44, 60, 61, 120, 300):
    out.append(full[:n])
out.append(full)
out.append(rec(T + 6, 80, 'PROCTITLE', b'proctitle=636174002F6574')[:-3])
out.append(user(T + 6, 81, b'cut.example')[:-20])
out.append(user(T + 6, 82, b'cut.example', node='n1')[:-45])

# 8. a cut line with the next record glued to it (auditd restarted after
# the crash and appended to the unfinished line)
out.append(sysc(T + 7, 90, key=b'"glue"')[:150] + user(T + 7, 91, b'glued'))
out.append(user(T + 7, 92, b'cut')[:-30] + sysc(T + 7, 93, key=b'"glue"'))
out.append(rec(T + 7, 94, 'CWD', b'cwd="/a') + rec(T + 7, 95, 'DAEMON_START',
           b'op=start ver=3.0.9 format=raw kernel=6.1 auid=4294967295 '
           b'pid=1 uid=0 ses=4294967295 res=success'))

# 9. a last line cut before its newline, its event begun before
out.append(sysc(T + 8, 100, key=b'"last"'))
tail = rec(T + 8, 100, 'PATH', b'item=0 name="/etc/shadow" inode=77 '
           b'dev=fe:00 mode=0100640 ouid=0 ogid=42 rdev=00:00 '
           b'nametype=NORMAL')

with open(os.path.join(HERE, 'damaged.log'), 'wb') as f:
    f.write(b'\n'.join(out) + b'\n' + tail[:60])
