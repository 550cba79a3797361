#!/usr/bin/env python3
"""gen-interp.py - write interp.log, the hand-made corpus for ausearch -i's
per-syscall argument interpretation (a0..a3 of SYSCALL records: every
printer of audit 3.0.9 with known, unknown and odd values, on several
arches), other typed fields (MMAP flags, modes without a file type, gid
unset, signals), and events of different nodes that share time and
serial (released in the reference's slot order). Deterministic; reads
the syscall numbers from data/ref-3.0.9/."""
import os

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, '..', '..', '..', 'data', 'ref-3.0.9')
ARCH = {'x86_64': ('c000003e', 'x86_64'), 'i386': ('40000003', 'i386'),
        'aarch64': ('c00000b7', 'aarch64'), 'ppc64': ('80000015', 'ppc64'),
        's390x': ('80000016', 's390x')}


def table(name):
    t = {}
    for line in open(os.path.join(DATA, 'syscalls-%s.tsv' % name)):
        f = line.rstrip('\n').split('\t')
        if f[0].isdigit():
            t[f[1]] = int(f[0])
    return t


TABS = {a: table(f) for a, (_, f) in ARCH.items()}
T = 1764000000
out = []
serial = [100]


def sysc(arch, sc, args, sec=None, node=None, key='(null)'):
    a = ['0', '0', '0', '0']
    for k, v in args.items():
        a[k] = v
    serial[0] += 1
    line = ('type=SYSCALL msg=audit(%d.%03d:%d): arch=%s syscall=%d '
            'success=yes exit=0 a0=%s a1=%s a2=%s a3=%s items=0 ppid=1 '
            'pid=%d auid=1000 uid=0 gid=0 euid=0 suid=0 fsuid=0 egid=0 '
            'sgid=0 fsgid=0 tty=(none) ses=1 comm="probe" exe="/usr/bin/probe"'
            ' key=%s' % (sec if sec is not None else T, serial[0] % 1000,
                         serial[0], ARCH[arch][0], TABS[arch][sc], a[0],
                         a[1], a[2], a[3], 1000 + serial[0], key))
    out.append(('node=%s ' % node if node else '') + line)


def many(arch, sc, k, values, ctx=None):
    for v in values:
        args = dict(ctx or {})
        args[k] = v
        sysc(arch, sc, args)


SIG = ['0', '9', 'f', '1e', '1f', '20', 'ffffffff']
# 1. one printer per row, known and unknown values (x86_64)
many('x86_64', 'kill', 1, SIG)
many('x86_64', 'rt_sigaction', 0, ['2', '11'])
many('x86_64', 'tgkill', 2, ['f', '40'])
many('x86_64', 'tkill', 1, ['6'])
many('x86_64', 'clone', 2, ['1200011', '0', '11', 'ffffffff', '7e020000'])
many('x86_64', 'unshare', 0, ['20000', '40000000', '100'])
many('x86_64', 'setns', 1, ['20000', '0'])
many('x86_64', 'ptrace', 0, ['0', '10', '4206', '40', 'ffffffff'])
many('x86_64', 'prctl', 0, ['0', '16', '26', '38', '39'])
many('x86_64', 'prctl', 1, ['15', '30'], {0: '17'})
many('x86_64', 'prctl', 1, ['15'], {0: '18'})
many('x86_64', 'prctl', 1, ['9'], {0: '1'})
many('x86_64', 'prctl', 1, ['9'], {0: '4'})
many('x86_64', 'personality', 0, ['0', '8', '40008', '800000', '1',
                                    'ffffffff'])
many('x86_64', 'fcntl', 1, ['0', '2', '406', '40e', '40', 'ffffff9c'])
many('x86_64', 'fcntl', 2, ['3e8', '0'], {1: '8'})
many('x86_64', 'fcntl', 2, ['1', '2'], {1: '2'})
many('x86_64', 'fcntl', 2, ['800'], {1: '4'})
many('x86_64', 'epoll_ctl', 1, ['1', '3', '0'])
many('x86_64', 'clock_settime', 0, ['0', '6', '7'])
many('x86_64', 'setrlimit', 0, ['7', 'f', '10', '11'])
many('x86_64', 'getrlimit', 0, ['3'])
many('x86_64', 'sched_setscheduler', 1, ['0', '6', '40000001', '4', '9'])
many('x86_64', 'lseek', 2, ['0', '4', '5', '103'])
many('x86_64', 'socket', 0, ['1', '2', 'a', '10', '2c', '1b', '0'])
many('x86_64', 'socket', 1, ['1', '80802', 'a', '7'])
many('x86_64', 'socket', 2, ['0', '6', '11', '3a', '106', 'ff'])
many('x86_64', 'bpf', 0, ['0', '5', '17', '18'])
many('x86_64', 'setsockopt', 1, ['0', '1', '6', '29', '107', 'ff', '7'])
for lvl, vals in (('0', ['1', '30', '40', '0']), ('1', ['2', '3b', '44', '0']),
                  ('6', ['1', '25', '26']), ('11', ['1', '64', '2']),
                  ('29', ['1a', '50', 'c']), ('107', ['1', '17', '4']),
                  ('ff', ['1'])):
    many('x86_64', 'setsockopt', 2, vals, {1: lvl})
    many('x86_64', 'getsockopt', 2, vals[:1], {1: lvl})
many('x86_64', 'ioctl', 1, ['5401', '5413', '541b', '89a2', '80045430',
                             'c01c64a3', '1', '7ffd0003e8'])
many('x86_64', 'open', 1, ['0', '1', '2', '3', '241', '80000', '8000',
                           '101000', 'ffffffff'])
many('x86_64', 'open', 2, ['1a4'], {1: '241'})
many('x86_64', 'open', 2, ['1a4'], {1: '0'})
many('x86_64', 'openat', 2, ['0', '80241', '200000'])
many('x86_64', 'openat', 0, ['ffffff9c', '3', 'ffffffffffffff9c'])
many('x86_64', 'openat', 3, ['1a4'], {2: '41'})
many('x86_64', 'mq_open', 1, ['42'])
many('x86_64', 'mq_open', 2, ['1b6'], {1: '42'})
many('x86_64', 'open_by_handle_at', 2, ['2'])
for sc in ('faccessat', 'faccessat2', 'fchmodat', 'fchownat', 'futimesat',
           'linkat', 'mkdirat', 'mknodat', 'name_to_handle_at',
           'newfstatat', 'openat2', 'readlinkat', 'renameat', 'renameat2',
           'unlinkat', 'utimensat', 'symlinkat', 'execveat', 'statx'):
    many('x86_64', sc, 0, ['ffffff9c'])
for sc in ('linkat', 'readlinkat', 'renameat', 'renameat2'):
    many('x86_64', sc, 2, ['ffffff9c'])
many('x86_64', 'symlinkat', 1, ['ffffff9c'])
many('x86_64', 'access', 1, ['0', '1', '6', '7', '8'])
many('x86_64', 'faccessat', 2, ['4'])
many('x86_64', 'faccessat2', 2, ['2'])
for sc, k in (('chmod', 1), ('fchmod', 1), ('creat', 1), ('mkdir', 1),
              ('fchmodat', 2), ('mkdirat', 2), ('mknodat', 2)):
    many('x86_64', sc, k, ['1a4', '9ed', '3ff', 'fff', '0'])
many('x86_64', 'mknod', 1, ['21a4', '61b0', '11a4', 'c1ff', '1ed', 'f1ff'])
many('x86_64', 'mmap', 2, ['0', '3', '5', '8', 'f'])
many('x86_64', 'mprotect', 2, ['1', '7', '8', 'f'])
many('x86_64', 'mmap', 3, ['0', '2', '22', '812', '4', '4000000', '100032'])
many('x86_64', 'mount', 3, ['0', '1000', '5021', '200000', '4400'])
many('x86_64', 'umount2', 1, ['0', '2', 'a', '80000000'])
many('x86_64', 'shmget', 2, ['3b6', '7b6', '1880', '0', '1000'])
for sc, k in (('recvfrom', 3), ('recvmmsg', 3), ('sendto', 3),
              ('sendmmsg', 3), ('sendmsg', 2), ('recvmsg', 2)):
    many('x86_64', sc, k, ['0', '40', '4040', '40000000'])
for sc, ks in (('setuid', [0]), ('setgid', [0]), ('setreuid', [0, 1]),
               ('setregid', [0, 1]), ('setresuid', [0, 1, 2]),
               ('setresgid', [0, 1, 2]), ('setfsuid', [0]),
               ('setfsgid', [0]), ('chown', [1, 2]), ('fchown', [1]),
               ('lchown', [1])):
    for k in ks:
        many('x86_64', sc, k, ['0', 'ffffffff', 'fffffffe', '2'])
many('x86_64', 'exit', 0, ['0', '1', '2'])
many('x86_64', 'exit_group', 0, ['0', '1', 'ff'])
many('x86_64', 'write', 0, ['1'])
# 2. other arches: socketcall, clone, chown32, fcntl64, mmap, PPC options
many('i386', 'socketcall', 0, ['1', '3', 'c', '14', '15', '0'])
many('i386', 'clone', 2, ['1200011'])
many('i386', 'chown32', 1, ['0'])
many('i386', 'lchown', 1, ['0'])
many('i386', 'fcntl64', 1, ['2', 'c'])
many('i386', 'mmap', 3, ['22'])
many('i386', 'mmap2', 3, ['22'])
many('i386', 'ipc', 0, ['1'])
many('i386', 'setuid32', 0, ['0'])
many('aarch64', 'openat', 2, ['241'])
many('aarch64', 'openat', 0, ['ffffff9c'])
many('aarch64', 'clone', 2, ['1200011'])
many('aarch64', 'setsockopt', 2, ['10', '14'], {1: '1'})
many('ppc64', 'setsockopt', 2, ['10', '11', '12', '13', '14', '15', '16'],
     {1: '1'})
many('ppc64', 'kill', 1, ['9'])
many('s390x', 'mmap', 3, ['22'])
many('s390x', 'kill', 1, ['f'])
# 3. typed fields of other records
S = T + 10
out.append('type=PATH msg=audit(%d.000:900): item=0 name="/x" inode=5 '
           'dev=fd:01 mode=0755 ouid=0 ogid=4294967295 rdev=00:00 '
           'nametype=NORMAL' % S)
out.append('type=PATH msg=audit(%d.001:901): item=0 name="/y" inode=6 '
           'dev=fd:01 mode=0170644 ouid=4294967295 ogid=-1 rdev=00:00 '
           'nametype=NORMAL' % S)
for i, sig in enumerate(('30', '40', '11', '0')):
    out.append('type=ANOM_ABEND msg=audit(%d.%03d:%d): auid=1000 uid=1000 '
               'gid=4294967295 ses=5 pid=800 comm="crashy" '
               'exe="/usr/bin/crashy" sig=%s res=1' % (S + 1, i, 910 + i, sig))
for i, fl in enumerate(('0x2', '0x4', '0x22', '0x0')):
    out.append('type=MMAP msg=audit(%d.%03d:%d): fd=3 flags=%s'
               % (S + 2, i, 920 + i, fl))
# 4. same time and serial on several nodes: the reference's slot order
S = T + 30


def nsys(node, sec, ser):
    out.append('node=%s type=SYSCALL msg=audit(%d.000:%d): arch=c000003e '
               'syscall=2 success=yes exit=3 a0=1 a1=0 a2=0 a3=0 items=0 '
               'ppid=1 pid=%d auid=0 uid=0 gid=0 euid=0 suid=0 fsuid=0 '
               'egid=0 sgid=0 fsgid=0 tty=(none) ses=1 comm="n" exe="/n" '
               'key="node-%s"' % (node, sec, ser, ser, node))


for first in (5, 8, 9):
    base = S + first * 0
    nsys('p', base + first, 1)
    nsys('b', base + 10, 5)
    nsys('q', base + 11, 1)
    nsys('a', base + 10, 5)
    nsys('z', base + 30, 2)
    S += 100
nsys('x', S + 9, 1)
nsys('a', S + 10, 5)
nsys('y', S + 11, 1)
nsys('b', S + 10, 5)
nsys('c', S + 10, 5)
nsys('z', S + 40, 3)

path = os.path.join(HERE, 'interp.log')
with open(path, 'w', newline='\n') as f:
    f.write('\n'.join(out) + '\n')
