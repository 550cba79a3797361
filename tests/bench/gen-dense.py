#!/usr/bin/env python3
"""gen-dense.py SIZE_MB OUT [SEED] - write a dense, realistic audit log of
at least SIZE_MB megabytes: about 14,000 events per second of log time,
SYSCALL/CWD/PATH/PROCTITLE file events, EXECVE events, USER_* records,
CONFIG_CHANGE, many keys and pids, records of neighbouring events
interleaved as a busy kernel writes them. Deterministic from SEED."""
import random
import sys

size = int(sys.argv[1]) << 20
out = sys.argv[2]
rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 1)

KEYS = ['k%02d' % i for i in range(50)] + ['(null)'] * 20
COMMS = ['cat', 'ls', 'bash', 'python3', 'sshd', 'cron', 'nginx', 'java',
         'postgres', 'systemd', 'rsync', 'tar', 'gzip', 'curl', 'sed']
FILES = ['/etc/passwd', '/etc/shadow', '/var/log/syslog', '/tmp/x',
         '/usr/lib/x86_64-linux-gnu/libc.so.6', '/etc/ld.so.cache',
         '/home/bob/.bashrc', '/proc/self/status', '/srv/data/file',
         '/var/lib/postgresql/base/1/1259']
USERS = [0, 0, 0, 1000, 1001, 33, 65534]


def hx(s):
    return s.encode().hex().upper()


def syscall(ts, ser, pid, comm, key, sc, ok, ex, items, uid):
    k = '"%s"' % key if key != '(null)' else key
    return ('type=SYSCALL msg=audit(%s:%d): arch=c000003e syscall=%d '
            'success=%s exit=%d a0=ffffff9c a1=7ffd%06x a2=%x a3=0 items=%d '
            'ppid=%d pid=%d auid=%d uid=%d gid=%d euid=%d suid=%d fsuid=%d '
            'egid=%d sgid=%d fsgid=%d tty=(none) ses=%d comm="%s" '
            'exe="/usr/bin/%s" key=%s\n' %
            (ts, ser, sc, 'yes' if ok else 'no', ex, ser & 0xffffff,
             rng.choice((0, 0x241, 0x80000)), items, pid // 2 + 1, pid,
             1000 if uid else 4294967295, uid, uid, uid, uid, uid, uid,
             uid, uid, 3 + pid % 40, comm, comm, k))


def event(ts, ser):
    r = rng.random()
    pid = rng.randrange(300, 60000)
    comm = rng.choice(COMMS)
    uid = rng.choice(USERS)
    if r < 0.08:
        acct = rng.choice(('root', 'bob', 'alice'))
        res = rng.choice(('success', 'success', 'failed'))
        t = rng.choice(('USER_AUTH', 'USER_ACCT', 'CRED_ACQ', 'USER_START',
                        'USER_END', 'USER_LOGIN', 'CRED_DISP'))
        return ['type=%s msg=audit(%s:%d): pid=%d uid=0 auid=%d ses=%d '
                "msg='op=PAM:session_open acct=\"%s\" exe=\"/usr/sbin/sshd\" "
                "hostname=10.1.%d.%d addr=10.1.%d.%d terminal=ssh res=%s'\n" %
                (t, ts, ser, pid, 1000, pid % 90, acct, pid % 250, pid % 200,
                 pid % 250, pid % 200, res)]
    if r < 0.09:
        return ['type=CONFIG_CHANGE msg=audit(%s:%d): auid=1000 ses=2 '
                'op=add_rule key="%s" list=4 res=1\n' % (ts, ser,
                                                         rng.choice(KEYS[:50]))]
    key = rng.choice(KEYS)
    if r < 0.25:
        args = [comm, '-l', rng.choice(FILES)]
        recs = [syscall(ts, ser, pid, comm, key, 59, True, 0, 2, uid),
                'type=EXECVE msg=audit(%s:%d): argc=3 a0="%s" a1="%s" a2="%s"\n'
                % (ts, ser, args[0], args[1], args[2]),
                'type=CWD msg=audit(%s:%d): cwd="/home/bob"\n' % (ts, ser)]
        for i, p in enumerate(('/usr/bin/' + comm, '/lib64/ld-linux-x86-64.so.2')):
            recs.append('type=PATH msg=audit(%s:%d): item=%d name="%s" inode=%d '
                        'dev=fe:00 mode=0100755 ouid=0 ogid=0 rdev=00:00 '
                        'nametype=NORMAL cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0 '
                        'cap_frootid=0\n' % (ts, ser, i, p, 1000 + pid))
        recs.append('type=PROCTITLE msg=audit(%s:%d): proctitle=%s\n' %
                    (ts, ser, hx('\0'.join(args))))
        return recs
    ok = rng.random() < 0.7
    f = rng.choice(FILES)
    return [syscall(ts, ser, pid, comm, key, 257, ok, 3 if ok else -13, 1, uid),
            'type=CWD msg=audit(%s:%d): cwd="/"\n' % (ts, ser),
            'type=PATH msg=audit(%s:%d): item=0 name="%s" inode=%d dev=fe:00 '
            'mode=0100644 ouid=0 ogid=0 rdev=00:00 nametype=NORMAL cap_fp=0 '
            'cap_fi=0 cap_fe=0 cap_fver=0 cap_frootid=0\n' % (ts, ser, f, pid),
            'type=PROCTITLE msg=audit(%s:%d): proctitle=%s\n' %
            (ts, ser, hx(comm + '\0' + f))]


written = 0
sec = 1767225600	# 2026-01-01
ser = 1000
pending = []
with open(out, 'w') as fp:
    while written < size:
        buf = []
        for i in range(14000):	# one second of log time
            ms = i * 1000 // 14000
            recs = event('%d.%03d' % (sec, ms), ser)
            ser += 1
            # interleave: some records of this event wait for the next one
            cut = rng.randrange(1, len(recs) + 1) if rng.random() < 0.1 else len(recs)
            buf.extend(pending)
            buf.extend(recs[:cut])
            pending = recs[cut:]
        s = ''.join(buf)
        fp.write(s)
        written += len(s)
        sec += 1
    fp.write(''.join(pending))
