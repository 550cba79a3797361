#!/usr/bin/env python3
"""gen-edge.py - write edge.log, the hand-made corpus of odd inputs for the
ausearch compat test: interleaved events, node= prefixes, other arches,
hex-encoded values, ENRICHED tails, user records, truncated and garbage
lines. Deterministic; run it to regenerate edge.log next to it."""
import os

T = 1763000000  # 2025-11-13
out = []


def hx(s):
    return s.encode().hex().upper()


def sysc(sec, ms, ser, arch='c000003e', sc=2, succ='yes', ex=3, pid=100,
         ppid=1, auid=1000, uid=0, comm='"cat"', exe='"/usr/bin/cat"',
         key='(null)', tty='pts0', ses=1, a=('1', '2', '3', '4'), node=None,
         enrich=None, items=1):
    line = ('type=SYSCALL msg=audit(%d.%03d:%d): arch=%s syscall=%d '
            'success=%s exit=%d a0=%s a1=%s a2=%s a3=%s items=%d ppid=%d '
            'pid=%d auid=%d uid=%d gid=0 euid=%d suid=0 fsuid=0 egid=0 '
            'sgid=0 fsgid=0 tty=%s ses=%d comm=%s exe=%s key=%s' %
            (sec, ms, ser, arch, sc, succ, ex, a[0], a[1], a[2], a[3], items,
             ppid, pid, auid, uid, uid, tty, ses, comm, exe, key))
    if node:
        line = 'node=%s %s' % (node, line)
    if enrich:
        line += '\x1d' + enrich
    return line


def rec(kind, sec, ms, ser, body, node=None):
    line = 'type=%s msg=audit(%d.%03d:%d): %s' % (kind, sec, ms, ser, body)
    return ('node=%s ' % node + line) if node else line


# 1. plain event, then interleaved events
out.append(sysc(T, 100, 1))
out.append(rec('CWD', T, 100, 1, 'cwd="/root"'))
out.append(rec('PATH', T, 100, 1, 'item=0 name="/etc/passwd" inode=5 dev=fd:01 mode=0100644 ouid=0 ogid=0 rdev=00:00 nametype=NORMAL cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0'))
out.append(sysc(T, 200, 2, sc=257, succ='no', ex=-13, pid=101, key='"secret"', a=('ffffff9c', '7ffe0', '0', '0')))
out.append(rec('PROCTITLE', T, 100, 1, 'proctitle=' + hx('cat\0/etc/passwd')))
out.append(rec('CWD', T, 200, 2, 'cwd="/home/bob"'))
out.append(rec('PATH', T, 200, 2, 'item=0 name="../etc/shadow" inode=6 dev=fd:01 mode=0100640 ouid=0 ogid=42 rdev=00:00 nametype=NORMAL cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0'))
out.append(rec('PROCTITLE', T, 200, 2, 'proctitle=636174'))
# 2. node= prefixes, same serial on two nodes
out.append(sysc(T + 1, 0, 3, node='alpha', pid=200, key='"k-alpha"'))
out.append(sysc(T + 1, 0, 3, node='beta', pid=300, key='"k-beta"'))
out.append(rec('PROCTITLE', T + 1, 0, 3, 'proctitle=6C73', node='beta'))
out.append(rec('PROCTITLE', T + 1, 0, 3, 'proctitle=6C73', node='alpha'))
# 3. other arches
out.append(sysc(T + 2, 0, 4, arch='40000003', sc=5, pid=400, comm='"i386prog"'))
out.append(rec('PROCTITLE', T + 2, 0, 4, 'proctitle=' + hx('i386prog')))
out.append(sysc(T + 2, 10, 5, arch='c00000b7', sc=56, pid=401, comm='"armprog"', a=('ffffff9c', '1', '0', '0')))
out.append(rec('PROCTITLE', T + 2, 10, 5, 'proctitle=' + hx('armprog')))
# 4. hex values: comm, exe, cwd, name, keys joined by \x01
out.append(sysc(T + 3, 0, 6, comm=hx('my prog'), exe=hx('/opt/my dir/prog'), key=hx('one\x01two'), pid=500))
out.append(rec('CWD', T + 3, 0, 6, 'cwd=' + hx('/tmp/a b')))
out.append(rec('PATH', T + 3, 0, 6, 'item=0 name=' + hx('/tmp/a b/c d') + ' inode=7 dev=fd:01 mode=040755 ouid=1000 ogid=1000 rdev=00:00 nametype=NORMAL cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0'))
out.append(rec('EXECVE', T + 3, 0, 6, 'argc=3 a0="prog" a1=' + hx('arg one') + ' a2="-x"'))
out.append(rec('PROCTITLE', T + 3, 0, 6, 'proctitle=' + hx('prog\0arg one\0-x')))
# 5. user-space records
out.append(rec('USER_LOGIN', T + 4, 0, 7, "pid=600 uid=0 auid=1000 ses=5 msg='op=login id=1000 exe=\"/usr/sbin/sshd\" hostname=10.0.0.5 addr=10.0.0.5 terminal=ssh res=success'"))
out.append(rec('USER_AUTH', T + 4, 10, 8, "pid=600 uid=0 auid=4294967295 ses=4294967295 msg='op=PAM:authentication grantors=? acct=\"bob\" exe=\"/usr/sbin/sshd\" hostname=? addr=192.168.1.9 terminal=ssh res=failed'"))
out.append(rec('USER_CMD', T + 4, 20, 9, "pid=601 uid=1000 auid=1000 ses=5 msg='cwd=\"/home/bob\" cmd=" + hx('ls -la /root') + " exe=\"/usr/bin/sudo\" terminal=pts/1 res=success'"))
out.append(rec('USER', T + 4, 30, 10, "pid=602 uid=0 auid=4294967295 ses=4294967295 msg='text=hello world exe=\"/usr/sbin/auditctl\" hostname=? addr=? terminal=? res=success'"))
out.append(rec('LOGIN', T + 4, 40, 11, 'pid=603 uid=0 subj=unconfined old-auid=4294967295 auid=1000 tty=(none) old-ses=4294967295 ses=6 res=1'))
out.append(sysc(T + 4, 40, 11, pid=603, sc=1, comm='"sshd"', exe='"/usr/sbin/sshd"'))
out.append(rec('PROCTITLE', T + 4, 40, 11, 'proctitle=' + hx('sshd: bob')))
# 6. config and daemon records
out.append(rec('CONFIG_CHANGE', T + 5, 0, 12, 'auid=1000 ses=5 op=add_rule key="watch-etc" list=4 res=1'))
out.append(rec('DAEMON_START', T + 5, 10, 4242, 'op=start ver=3.0.9 format=raw kernel=6.1.0 auid=4294967295 pid=1 uid=0 ses=4294967295 res=success'))
out.append(rec('DAEMON_END', T + 5, 20, 4243, 'op=terminate auid=0 uid=0 ses=4294967295 pid=1 res=success'))
# 7. sockaddr inet, inet6, unix
out.append(sysc(T + 6, 0, 13, sc=42, succ='no', ex=-111, pid=700, comm='"curl"', exe='"/usr/bin/curl"'))
out.append(rec('SOCKADDR', T + 6, 0, 13, 'saddr=02000050C0A80101' + '0' * 16))
out.append(sysc(T + 6, 10, 14, sc=42, pid=701, comm='"ssh"', exe='"/usr/bin/ssh"'))
out.append(rec('SOCKADDR', T + 6, 10, 14, 'saddr=0A000016000000000000000000000000000000000000000100000000'))
out.append(sysc(T + 6, 20, 15, sc=42, pid=702, comm='"logger"', exe='"/usr/bin/logger"'))
out.append(rec('SOCKADDR', T + 6, 20, 15, 'saddr=01002F6465762F6C6F6700'))
# 8. anomalies and a seccomp record
out.append(rec('ANOM_ABEND', T + 7, 0, 16, 'auid=1000 uid=1000 gid=1000 ses=5 pid=800 comm="crashy" exe="/usr/bin/crashy" sig=11 res=1'))
out.append(rec('SECCOMP', T + 7, 10, 17, 'auid=1000 uid=1000 gid=1000 ses=5 pid=801 comm="sandboxed" exe="/usr/bin/sandboxed" sig=0 arch=c000003e syscall=59 compat=0 ip=0x7f code=0x50000'))
# 9. an UNKNOWN type and an ENRICHED event
out.append(rec('UNKNOWN[1399]', T + 8, 0, 18, 'foo=bar baz=1'))
out.append(sysc(T + 8, 10, 19, pid=900, auid=1001, uid=1001,
                enrich='ARCH=x86_64 SYSCALL=open AUID="carol" UID="carol" GID="root" EUID="carol" SUID="root" FSUID="root" EGID="root" SGID="root" FSGID="root"'))
out.append(rec('PROCTITLE', T + 8, 10, 19, 'proctitle=6361740061'))
# 10. garbage, truncated, empty lines
out.append('this is not an audit record')
out.append('')
out.append('type=SYSCALL msg=audit(')
out.append('type=PATH')
out.append('node=lonely')
out.append(sysc(T + 9, 0, 20, pid=1000)[:120])
out.append('type=SYSCALL msg=audit(1763000009.500:21): arch=c000003e syscall=2 success=yes exit=3 a0=1 a1=2')
out.append('\x01\x02binary\xff junk'.encode('latin-1').decode('latin-1'))
out.append(rec('PROCTITLE', T + 9, 0, 20, 'proctitle=6C73'))
# 11. a straggler arriving after the timeout: a separate event
out.append(sysc(T + 20, 0, 22, pid=1100))
out.append(rec('CWD', T + 9, 500, 21, 'cwd="/late"'))
out.append(rec('PROCTITLE', T + 20, 0, 22, 'proctitle=6C73'))
# 12. failed syscalls with errno names
for i, e in enumerate((-1, -2, -13, -17, -22, -95)):
    out.append(sysc(T + 21, i, 30 + i, succ='no', ex=e, pid=1200 + i, sc=87,
                    comm='"rm"', exe='"/usr/bin/rm"', key='"delete"'))
    out.append(rec('PROCTITLE', T + 21, i, 30 + i, 'proctitle=' + hx('rm\0x%d' % i)))
# 13. interpretation corners: a MAC label holding a control byte (escaped
# as --escape says) beside untyped values (as logged: a raw byte, quotes
# kept); list, perm, code and flags outside CONFIG_CHANGE, SECCOMP and
# MMAP records (interpreted in every type but TRUSTED_APP; PATH's flags
# are lookup flags), with odd values
out.append(rec('DAEMON_START', T + 22, 0, 4300, 'op=start ver=3.0.9 format=raw kernel=6.1.0 auid=4294967295 pid=1 uid=0 ses=4294967295 subj=a\x02b$c zz="q r$" yy=x\x01y res=success'))
out.append(rec('USER_CMD', T + 22, 10, 40, "pid=1300 uid=1000 auid=1000 ses=5 subj=u:r:t:s0:c1,c2 msg='cwd=\"/home/bob\" cmd=" + hx('ls') + " list=4 perm=6 code=0x50000 flags=1 exe=\"/usr/bin/sudo\" terminal=pts/1 res=success'"))
out.append(sysc(T + 22, 20, 41, pid=1301, sc=2, key='"flagged"'))
out.append(rec('PATH', T + 22, 20, 41, 'item=0 name="/tmp/f" inode=8 dev=fd:01 mode=0100644 ouid=0 ogid=0 rdev=00:00 obj=system_u:object_r:tmp_t:s0:c3,c7 flags=3 nametype=NORMAL cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0'))
out.append(rec('PATH', T + 22, 20, 41, 'item=1 name="/tmp" inode=9 dev=fd:01 mode=041777 ouid=0 ogid=0 rdev=00:00 obj=x\x03y flags=8 nametype=PARENT cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0'))
out.append(rec('PROCTITLE', T + 22, 20, 41, 'proctitle=' + hx('cat')))
out.append(rec('CONFIG_CHANGE', T + 22, 30, 42, 'auid=1000 ses=5 op=remove_rule key=(null) list=2 perm=0 res=1'))
out.append(rec('CONFIG_CHANGE', T + 22, 40, 43, 'auid=1000 ses=5 op=add_rule key="w" list=7 perm=16 res=1'))
out.append(rec('AVC', T + 22, 50, 44, 'avc:  denied  { read } for  pid=1302 comm="cat" name="f" dev="dm-1" ino=8 scontext=u:r:t\x01:s0 tcontext=system_u:object_r:tmp_t:s0:c0,c1 tclass=file permissive=0 code=80000000 flags=-1'))
out.append(rec('TRUSTED_APP', T + 22, 60, 45, 'pid=1303 uid=0 subj=a\x02b list=4 flags=1 res=1'))

# 14. more typed fields (capability, per, icmptype, sigev_signo, ioctlcmd,
# perm_mask, nl-mcgrp, resolve; uring_op stays raw) with odd values;
# quoted values holding a blank (auparse splits them there for csv/text:
# a relative CWD too); EVENT_LISTENER; labeled networking without auid=
# or with res= first
out.append(rec('CAPSET', T + 23, 0, 4400, 'pid=1400 capability=12 capability=41 per=40008 per=0x0d icmptype=3 icmptype=-4294967295 sigev_signo=1abc sig=4294967296 ioctlcmd=0x5401 ioctlcmd=-1 perm_mask=12 nl-mcgrp=0x1 resolve=12 resolve=0x100 uring_op=12'))
out.append(sysc(T + 23, 10, 46, pid=1401, comm='"c at"', exe='"/usr/bin/c at"', key='"a b"'))
out.append(rec('CWD', T + 23, 10, 46, 'cwd="ro ot"'))
out.append(rec('PATH', T + 23, 10, 46, 'item=0 name="pa sswd" inode=5 dev=fd:01 mode=0100644 ouid=0 ogid=0 rdev=00:00 nametype=NORMAL cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0'))
out.append(rec('CRYPTO_KEY_USER', T + 23, 20, 47, "pid=1402 uid=0 auid=1000 ses=1 msg='op=destroy kind=server fp=\"a b$\" direction=? spid=5 suid=0 exe=\"/usr/sbin/ss hd\" hostname=? addr=? terminal=? res=success'"))
out.append(rec('EVENT_LISTENER', T + 23, 30, 48, 'pid=1 uid=0 auid=4294967295 tty=(none) ses=4294967295 subj=unconfined comm="systemd" exe="/usr/lib/systemd/systemd" nl-mcgrp=1 op=connect res=1'))
out.append(rec('EVENT_LISTENER', T + 23, 40, 49, 'res=0 nl-mcgrp=1 pid=1 uid=0 auid=1000 ses=2 op=disconnect exe="/usr/bin/python3" comm="py"'))
out.append(rec('EVENT_LISTENER', T + 23, 50, 50, 'pid=1 uid=0 auid=1000 tty=(none) ses=2 comm="auditd" nl-mcgrp=0 op=other'))
out.append(rec('EVENT_LISTENER', T + 23, 60, 51, 'pid=1 uid=0 auid=1000 ses=2 nl-mcgrp=1 res=1'))
out.append(rec('MAC_UNLBL_ALLOW', T + 23, 70, 52, 'netlabel: ses=1 unlbl_accept=2 old=1 res=1'))
out.append(rec('MAC_UNLBL_STCADD', T + 23, 80, 53, 'netlabel: res=1 netif=eth0 src=10.0.0.1 auid=1000 ses=1'))
out.append(rec('LOGIN', T + 23, 100, 55, 'pid=1403 uid=0 old-auid=4294967295 auid=1000 tty=(none) old-ses=4294967295 ses=6'))
# 15. labeled networking as 3.0.9 reads it: MAC_UNLBL_STCDEL (1417) is a
# simple message, MAC_CALIPSO_ADD (1418) not parsed; nlbl_domain before
# auid= or after res=; subj= after res=; an empty res=; auid= not a number;
# uid= with trailing junk, 2^32 and -2 as 4294967294
out.append(rec('MAC_UNLBL_STCDEL', T + 24, 0, 60, 'netlabel: auid=1000 ses=1 netif=eth0 src=10.0.0.1 sec_obj=x res=0'))
out.append(rec('MAC_UNLBL_STCDEL', T + 24, 10, 61, 'netlabel: res=1 netif=eth0 auid=1000 ses=1 subj=u:r:t:s0'))
out.append(rec('MAC_UNLBL_STCDEL', T + 24, 20, 62, 'netlabel: auid=abc ses=1 res=1'))
out.append(rec('MAC_UNLBL_STCDEL', T + 24, 30, 63, 'netlabel: auid=1000 res= ses=1'))
out.append(rec('MAC_CALIPSO_ADD', T + 24, 40, 64, 'netlabel: auid=1000 ses=1 calipso_doi=5 res=1'))
out.append(rec('MAC_MAP_ADD', T + 24, 50, 65, 'netlabel: nlbl_domain=dom2 auid=1000 ses=1 res=1'))
out.append(rec('MAC_MAP_ADD', T + 24, 60, 66, 'netlabel: auid=1000 ses=1 res=0 nlbl_domain=dom1 nlbl_protocol=unlbl'))
out.append(rec('MAC_MAP_DEL', T + 24, 70, 67, 'netlabel: auid=1000 ses=1 res=1 subj=x nlbl_domain=dom3'))
out.append(rec('USER_CMD', T + 24, 80, 68, "pid=1500 uid=4000000x auid=4294967294 ses=1 msg='cmd=6C73 exe=\"/usr/bin/sudo\" terminal=pts/1 res=success'"))
out.append(sysc(T + 24, 90, 69, pid=1501, auid=4294967296, uid=0))
# 16. malformed numbers as 3.0.9 reads them: syscall= by strtoul as an int
# (2abc is 2, abc 0, +2, 99999999999 wraps, an overflow drops the event),
# exit= by strtoll (-13x, overflow a conversion error, errnos without a
# name, -4294967296 and LLONG_MIN as 0), arch= by strtoul(16) (0x, sign,
# more than 8 digits truncated; unknown arches use the host machine),
# ses=-1 not unset, pid=/ppid= as a pid_t, SECCOMP syscall= readings
def odd(ser, arch='c000003e', sc='2', ex='3', pid='1600', ppid='1', ses='7'):
    return ('type=SYSCALL msg=audit(%d.%03d:%d): arch=%s syscall=%s '
            'success=no exit=%s a0=1 a1=2 a2=3 a3=4 items=0 ppid=%s pid=%s '
            'auid=1000 uid=0 gid=0 euid=0 suid=0 fsuid=0 egid=0 sgid=0 '
            'fsgid=0 tty=pts0 ses=%s comm="odd" exe="/usr/bin/odd" '
            'key="odd"' % (T + 25, ser - 70, ser, arch, sc, ex, ppid, pid,
                           ses))


ser = 70
for kw in (dict(sc='2abc'), dict(sc='abc'), dict(sc='-1'), dict(sc='0x2'),
           dict(sc='99999999999'), dict(sc='+2'), dict(sc=''),
           dict(sc='99999999999999999999'), dict(ex='-13x'), dict(ex='abc'),
           dict(ex='0x10'), dict(ex='99999999999999999999'),
           dict(ex='-99999999999999999999'), dict(ex='-2abc'), dict(ex='-0'),
           dict(ex='-200'), dict(ex='-134'), dict(ex='-4294967296'),
           dict(ex='-9223372036854775808'), dict(ex='-4294967309'),
           dict(arch='c000003'), dict(arch='0xc000003e'),
           dict(arch='1c000003e'), dict(arch='-3fffffc2'), dict(arch='zz'),
           dict(ses='-1'), dict(ses='1abc'), dict(pid='4294968896'),
           dict(ppid='abc')):
    out.append(odd(ser, **kw))
    ser += 1
for sc in ('2abc', 'abc', '+2', '99999999999'):
    out.append(rec('SECCOMP', T + 25, ser - 70, ser, 'auid=1000 uid=0 gid=0 ses=1 subj=x pid=1601 comm="c" exe="/bin/c" sig=0 arch=c000003e syscall=%s compat=0 ip=0x1 code=0x50000' % sc))
    ser += 1

# 17. hex numbers past 64 bits: an arch= drops the event where ausearch
# reads it (-i, csv, text, --arch), an a0= or a1= always; an empty arch=
# is no field to auparse, so csv/text know no syscall (field 2 only, the
# arch as field 1, else this machine)
def odd17(ser, arch='arch=c000003e', sc='2', a0='1', a1='2', key='"odd"',
          node=''):
    return ('%stype=SYSCALL msg=audit(%d.%03d:%d): %s syscall=%s '
            'success=no exit=3 a0=%s a1=%s a2=3 a3=4 items=0 ppid=1 '
            'pid=1700 auid=1000 uid=0 gid=0 euid=0 suid=0 fsuid=0 egid=0 '
            'sgid=0 fsgid=0 tty=pts0 ses=8 comm="odd17" '
            'exe="/usr/bin/odd17" key=%s' % (node, T + 26, ser - 110, ser,
                                             arch, sc, a0, a1, key))


ser = 110
for kw in (dict(arch='arch=ffffffffffffffffff'), dict(arch='arch='),
           dict(arch='arch=', key='(null)'),
           dict(a0='ffffffffffffffffffff'), dict(a1='0x1ffffffffffffffff'),
           dict(a0='ffffffffffffffff'), dict(arch='xarch=40000003', sc='5'),
           dict(arch='arch=-ffffffffffffffff1'),
           dict(arch='arch=', node='node=h ')):
    out.append(odd17(ser, **kw))
    ser += 1

path = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'edge.log')
with open(path, 'w', encoding='latin-1', newline='\n') as f:
    f.write('\n'.join(out) + '\n')
