#!/usr/bin/env python3
"""gen-types.py - write types.log, the hand-made corpus of the event types
the other corpora lack, in the field layout the kernel and the userspace
tools (PAM, shadow-utils, systemd, sshd, libvirt, SELinux, IMA, ...) write
them: AVC/USER_AVC/SELINUX_ERR and MAC_*, NETFILTER_CFG/PKT, ANOM_*,
RESP_*, INTEGRITY_*, TTY/USER_TTY, VIRT_*, CRYPTO_*, account management,
logins and PAM sessions, services and boot, FANOTIFY, BPF, KERN_MODULE,
SECCOMP, FEATURE_CHANGE, and SYSCALL events of the file, process, socket
and module syscalls on x86_64 and i386. Successes and failures, with and
without key=, some with node=. Deterministic; reads the syscall numbers
from data/ref-3.0.9/."""
import os

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, '..', '..', '..', 'data', 'ref-3.0.9')
ARCH = {'x86_64': ('c000003e', 'x86_64'), 'i386': ('40000003', 'i386')}


def table(name):
    t = {}
    for line in open(os.path.join(DATA, 'syscalls-%s.tsv' % name)):
        f = line.rstrip('\n').split('\t')
        if f[0].isdigit():
            t[f[1]] = int(f[0])
    return t


TABS = {a: table(f) for a, (_, f) in ARCH.items()}
T = 1765000000  # 2025-12-06
clock = [T, 0]
serial = [2000]
out = []
SUBJ = 'unconfined_u:unconfined_r:unconfined_t:s0-s0:c0.c1023'
SYSD = 'system_u:system_r:init_t:s0'


def hx(s):
    return s.encode('latin-1').hex().upper()


def stamp():
    """the next event's time and serial: 137 ms apart"""
    clock[1] += 137
    if clock[1] >= 1000:
        clock[0] += clock[1] // 1000
        clock[1] %= 1000
    serial[0] += 1
    return '%d.%03d:%d' % (clock[0], clock[1], serial[0])


def event(*recs, node=None):
    """records (type, body) of one event"""
    st = stamp()
    for kind, body in recs:
        line = 'type=%s msg=audit(%s): %s' % (kind, st, body)
        out.append(('node=%s ' % node + line) if node else line)


def user(kind, msg, pid=1234, uid=0, auid=1000, ses=3, subj=None, node=None,
         extra=''):
    """a user-space record as audit_log_user_message() sends it"""
    s = ' subj=%s' % subj if subj else ''
    event((kind, "pid=%d uid=%d auid=%d ses=%d%s msg='%s'%s" %
           (pid, uid, auid, ses, s, msg, extra)), node=node)


def tail(exe, host='?', addr='?', term='?', res='success'):
    return ('exe="%s" hostname=%s addr=%s terminal=%s res=%s' %
            (exe, host, addr, term, res))


def sysrec(sc, arch='x86_64', succ='yes', ex='0', a=('0', '0', '0', '0'),
           items=0, pid=4000, ppid=3999, auid=1000, uid=0, gid=0, euid=None,
           tty='pts0', ses=3, comm='bash', exe='/usr/bin/bash', key=None,
           subj=SUBJ):
    euid = uid if euid is None else euid
    k = '(null)' if key is None else key
    return ('SYSCALL', 'arch=%s syscall=%d success=%s exit=%s a0=%s a1=%s '
            'a2=%s a3=%s items=%d ppid=%d pid=%d auid=%d uid=%d gid=%d '
            'euid=%d suid=%d fsuid=%d egid=%d sgid=%d fsgid=%d tty=%s ses=%d '
            'comm="%s" exe="%s" subj=%s key=%s' %
            (ARCH[arch][0], TABS[arch][sc], succ, ex, a[0], a[1], a[2], a[3],
             items, ppid, pid, auid, uid, gid, euid, euid, euid, gid, gid,
             gid, tty, ses, comm, exe, subj, k))


def path(item, name, mode='0100644', ino=131075, ouid=0, ogid=0,
         nametype='NORMAL', obj='system_u:object_r:etc_t:s0', dev='fd:01'):
    if name is None:
        return ('PATH', 'item=%d name=(null) inode=%d dev=%s mode=%s '
                'ouid=%d ogid=%d rdev=00:00 obj=%s nametype=%s cap_fp=0 '
                'cap_fi=0 cap_fe=0 cap_fver=0 cap_frootid=0' %
                (item, ino, dev, mode, ouid, ogid, obj, nametype))
    if nametype == 'CREATE' and mode is None:
        return ('PATH', 'item=%d name="%s" nametype=CREATE cap_fp=0 '
                'cap_fi=0 cap_fe=0 cap_fver=0 cap_frootid=0' % (item, name))
    # the kernel writes a name with a space or quote as hex
    nm = hx(name) if (' ' in name or '"' in name) else '"%s"' % name
    return ('PATH', 'item=%d name=%s inode=%d dev=%s mode=%s ouid=%d '
            'ogid=%d rdev=00:00 obj=%s nametype=%s cap_fp=0 cap_fi=0 '
            'cap_fe=0 cap_fver=0 cap_frootid=0' %
            (item, nm, ino, dev, mode, ouid, ogid, obj, nametype))


def cwd(d='/root'):
    return ('CWD', 'cwd="%s"' % d)


def ptitle(*argv):
    return ('PROCTITLE', 'proctitle=' + hx('\0'.join(argv)))


# 1. SELinux: kernel AVCs alone and with their SYSCALL, user AVCs, errors
event(('AVC', 'avc:  denied  { read } for  pid=4101 comm="cat" '
       'name="shadow" dev="dm-0" ino=393296 '
       'scontext=system_u:system_r:httpd_t:s0 '
       'tcontext=system_u:object_r:shadow_t:s0 tclass=file permissive=0'))
event(('AVC', 'avc:  denied  { open } for  pid=4102 comm="httpd" '
       'path="/var/www/html/index.html" dev="dm-0" ino=1180681 '
       'scontext=system_u:system_r:httpd_t:s0 '
       'tcontext=unconfined_u:object_r:user_home_t:s0 tclass=file '
       'permissive=0'),
      sysrec('openat', succ='no', ex='-13', a=('ffffff9c', '7f3a1c0', '80000',
             '0'), items=1, pid=4102, ppid=1, auid=4294967295, uid=48,
             gid=48, tty='(none)', ses=4294967295, comm='httpd',
             exe='/usr/sbin/httpd', subj='system_u:system_r:httpd_t:s0'),
      cwd('/'),
      path(0, '/var/www/html/index.html', ino=1180681,
           obj='unconfined_u:object_r:user_home_t:s0'),
      ptitle('/usr/sbin/httpd', '-DFOREGROUND'))
event(('AVC', 'avc:  denied  { name_connect } for  pid=4103 '
       'comm="nginx" dest=8080 scontext=system_u:system_r:httpd_t:s0 '
       'tcontext=system_u:object_r:http_cache_port_t:s0 tclass=tcp_socket '
       'permissive=1'),
      sysrec('connect', succ='no', ex='-115', a=('6', '55d0c0', '10', '0'),
             pid=4103, ppid=1, auid=4294967295, uid=997, gid=996,
             tty='(none)', ses=4294967295, comm='nginx',
             exe='/usr/sbin/nginx', subj='system_u:system_r:httpd_t:s0',
             key='"net"'),
      ('SOCKADDR', 'saddr=02001F907F0000010000000000000000'),
      ptitle('nginx: worker process'))
event(('AVC', 'avc:  granted  { setenforce } for  pid=4104 comm="setenforce" '
       'scontext=%s tcontext=system_u:object_r:security_t:s0 '
       'tclass=security' % SUBJ),
      sysrec('write', a=('3', '7ffd', '1', '0'), pid=4104,
             comm='setenforce', exe='/usr/sbin/setenforce'),
      ptitle('setenforce', '1'))
event(('AVC', 'avc:  denied  { execute } for  pid=4105 comm="bash" '
       'name="evil" dev="tmpfs" ino=42 scontext=%s '
       'tcontext=unconfined_u:object_r:user_tmp_t:s0 tclass=file '
       'permissive=0' % SUBJ), node='web1')
event(('AVC', 'avc:  denied  { search } for  pid=4106 comm="sshd" '
       'name="/" dev="proc" ino=1 scontext=system_u:system_r:sshd_t:s0 '
       'tcontext=system_u:system_r:kernel_t:s0 tclass=dir permissive=0'),
      ('AVC_PATH', 'path="/proc"'))
user('USER_AVC', 'avc:  denied  { status } for auid=1000 uid=0 gid=0 '
     'cmdline="systemctl status sshd" '
     'scontext=%s tcontext=system_u:system_r:init_t:s0 tclass=system '
     'permissive=0  exe="/usr/lib/systemd/systemd" sauid=0 hostname=? '
     'addr=? terminal=?' % SUBJ, pid=1, auid=4294967295, ses=4294967295,
     subj=SYSD)
user('USER_AVC', 'avc:  received policyload notice (seqno=2)  '
     'exe="/usr/bin/dbus-daemon" sauid=81 hostname=? addr=? terminal=?',
     pid=812, uid=81, auid=4294967295, ses=4294967295,
     subj='system_u:system_r:system_dbusd_t:s0-s0:c0.c1023')
user('USER_AVC', 'avc:  denied  { send_msg } for msgtype=method_call '
     'interface=org.freedesktop.login1.Manager member=Inhibit '
     'dest=org.freedesktop.login1 spid=2100 tpid=700 '
     'scontext=%s tcontext=system_u:system_r:systemd_logind_t:s0 '
     'tclass=dbus permissive=0  exe="/usr/bin/dbus-broker" sauid=81 '
     'hostname=? addr=? terminal=?' % SUBJ, pid=812, uid=81,
     auid=4294967295, ses=4294967295, node='web1',
     subj='system_u:system_r:system_dbusd_t:s0-s0:c0.c1023')
event(('SELINUX_ERR', 'op=security_compute_sid invalid_context='
       '"system_u:system_r:httpd_t:s0:c5" for '
       'scontext=system_u:system_r:init_t:s0 '
       'tcontext=system_u:object_r:httpd_exec_t:s0 tclass=process'),
      sysrec('execve', succ='no', ex='-13', a=('55e0', '55f0', '5600', '0'),
             items=2, pid=4107, ppid=1, auid=4294967295, tty='(none)',
             ses=4294967295, comm='(httpd)', exe='/usr/lib/systemd/systemd',
             subj=SYSD),
      cwd('/'), path(0, '/usr/sbin/httpd', mode='0100755', ino=2000),
      path(1, '/lib64/ld-linux-x86-64.so.2', mode='0100755', ino=2001),
      ptitle('/usr/lib/systemd/systemd', '--switched-root'))
event(('SELINUX_ERR', 'op=security_bounded_transition seresult=denied '
       'oldcontext=system_u:system_r:init_t:s0 '
       'newcontext=system_u:system_r:sshd_t:s0'))
user('USER_SELINUX_ERR', 'op=setfilecon acct="root" '
     'exe="/usr/sbin/restorecon" hostname=? addr=? terminal=pts/0 '
     'res=failed', ses=3)
event(('MAC_POLICY_LOAD', 'auid=1000 ses=3 lsm=selinux res=1'),
      sysrec('write', a=('4', '7f11', '3d1f00', '0'), pid=4108,
             comm='load_policy', exe='/usr/sbin/load_policy'),
      ptitle('/sbin/load_policy'))
event(('MAC_POLICY_LOAD', 'policy loaded auid=4294967295 ses=4294967295'))
event(('MAC_STATUS', 'enforcing=1 old_enforcing=0 auid=1000 ses=3 '
       'enabled=1 old-enabled=1 lsm=selinux res=1'),
      sysrec('write', a=('3', '7ffd', '1', '0'), pid=4109,
             comm='setenforce', exe='/usr/sbin/setenforce'),
      ptitle('setenforce', '1'))
event(('MAC_STATUS', 'enforcing=0 old_enforcing=1 auid=1000 ses=3'))
event(('MAC_CONFIG_CHANGE', 'bool=httpd_can_network_connect val=1 '
       'old_val=0 auid=1000 ses=3'),
      sysrec('write', a=('5', '7ffd', '1', '0'), pid=4110,
             comm='setsebool', exe='/usr/sbin/setsebool'),
      ptitle('setsebool', '-P', 'httpd_can_network_connect', '1'))
event(('MAC_CONFIG_CHANGE', 'bool=ssh_sysadm_login val=0 old_val=1 '
       'auid=4294967295 ses=4294967295'))
event(('MAC_UNLBL_ALLOW', 'auid=1000 ses=3 unlbl_accept=1 old=0 res=1'))
event(('MAC_CIPSOV4_ADD', 'auid=0 ses=1 cipso_doi=16 cipso_type=pass '
       'res=1'))
event(('MAC_MAP_ADD', 'auid=0 ses=1 nlbl_domain=lspp_test_netlabel_t '
       'nlbl_protocol=cipsov4 cipso_doi=16 res=1'))
event(('MAC_MAP_DEL', 'auid=0 ses=1 nlbl_domain=lspp_test_netlabel_t '
       'res=1'))
event(('MAC_IPSEC_EVENT', 'op=SAD-add auid=0 ses=1 '
       'subj=system_u:system_r:ipsec_t:s0 sec_alg=1 sec_doi=1 '
       'sec_obj=system_u:object_r:ipsec_spd_t:s0 src=10.0.0.1 dst=10.0.0.2 '
       'spi=3261(0xcbd) res=1'))
event(('MAC_UNLBL_STCADD', 'auid=0 ses=1 netif=eth0 src=10.1.1.0 '
       'src_prefixlen=24 sec_obj=system_u:object_r:netlabel_peer_t:s0 res=1'))
user('USER_MAC_POLICY_LOAD', 'avc:  received policyload notice (seqno=3)  '
     'exe="/usr/lib/systemd/systemd" sauid=0 hostname=? addr=? terminal=?',
     pid=1, auid=4294967295, ses=4294967295, subj=SYSD)
user('USER_MAC_CONFIG_CHANGE', 'resrc=port op=add lport=8080 proto=6 '
     'tcontext=system_u:object_r:http_port_t:s0 comm="semanage" '
     'exe="/usr/bin/python3.11" hostname=? addr=? terminal=? res=success')
user('USER_MAC_STATUS', 'enforcing=1 old_enforcing=0 '
     'exe="/usr/sbin/setenforce" hostname=? addr=? terminal=pts/0 '
     'res=success')
user('USER_ROLE_CHANGE', 'pam: default-context=%s '
     'selected-context=%s exe="/usr/sbin/sshd" hostname=10.0.0.5 '
     'addr=10.0.0.5 terminal=ssh res=success' % (SUBJ, SUBJ),
     auid=1000, ses=7)
user('ROLE_ASSIGN', 'op=login-sename,role-assign acct="bob" '
     'old-seuser=? old-role=? old-range=? new-seuser=staff_u '
     'new-role=staff_r,sysadm_r new-range=s0-s0:c0.c1023 exe="/usr/sbin/'
     'semanage" hostname=? addr=? terminal=pts/0 res=success')
user('ROLE_REMOVE', 'op=login-sename,role-remove acct="bob" '
     'old-seuser=staff_u old-role=staff_r new-seuser=? new-role=? '
     'exe="/usr/sbin/semanage" hostname=? addr=? terminal=pts/0 '
     'res=success')
user('LABEL_LEVEL_CHANGE', 'printer=HP_LaserJet title="report" '
     'label=s0:c1 exe="/usr/sbin/cupsd" hostname=? addr=? terminal=? '
     'res=success', pid=900, uid=4, auid=4294967295, ses=4294967295)
user('FS_RELABEL', 'op=relabel exe="/usr/sbin/fixfiles" hostname=? '
     'addr=? terminal=? res=success')

# 2. netfilter
event(('NETFILTER_CFG', 'table=filter family=2 entries=0 op=xt_register '
       'pid=1 subj=%s comm="systemd"' % SYSD))
event(('NETFILTER_CFG', 'table=filter family=2 entries=12 op=xt_replace '
       'pid=4120 subj=%s comm="iptables-restor"' % SUBJ),
      sysrec('setsockopt', a=('4', '0', '40', '55d0'), pid=4120,
             comm='iptables-restor', exe='/usr/sbin/xtables-legacy-multi',
             key='"firewall"'),
      ptitle('iptables-restore', '-w', '5'))
event(('NETFILTER_CFG', 'table=nat family=10 entries=5 op=xt_replace '
       'pid=4121 subj=%s comm="ip6tables"' % SUBJ), node='fw1')
event(('NETFILTER_CFG', 'table=firewalld:1 family=1 entries=1 '
       'op=nft_register_table pid=4122 subj=%s comm="firewalld"' % SYSD),
      ('NETFILTER_CFG', 'table=firewalld:1 family=1 entries=24 '
       'op=nft_register_chain pid=4122 subj=%s comm="firewalld"' % SYSD),
      sysrec('sendmsg', a=('b', '7ffc', '0', '0'), pid=4122, ppid=1,
             auid=4294967295, tty='(none)', ses=4294967295,
             comm='firewalld', exe='/usr/bin/python3.11', subj=SYSD),
      ptitle('/usr/bin/python3', '-s', '/usr/sbin/firewalld'))
event(('NETFILTER_PKT', 'mark=0x0 saddr=10.0.0.7 daddr=10.0.0.1 proto=6 '
       'sport=51515 dport=22'))
event(('NETFILTER_PKT', 'mark=0x1f saddr=fe80::1 daddr=ff02::1 proto=58'),
      node='fw1')
event(('NETFILTER_PKT', 'action=0 hook=1 len=60 inif=eth0 outif=? '
       'smac=52:54:00:12:34:56 dmac=52:54:00:65:43:21 macproto=0x0800 '
       'saddr=192.168.1.9 daddr=192.168.1.1 ipid=4242 proto=17 sport=5353 '
       'dport=53'))

# 3. anomalies
event(('ANOM_PROMISCUOUS', 'dev=eth0 prom=256 old_prom=0 auid=1000 uid=0 '
       'gid=0 ses=3'),
      sysrec('setsockopt', a=('3', '107', '1', '7ffd'), pid=4130,
             comm='tcpdump', exe='/usr/sbin/tcpdump'),
      ptitle('tcpdump', '-i', 'eth0'))
event(('ANOM_PROMISCUOUS', 'dev=eth0 prom=0 old_prom=256 auid=1000 uid=0 '
       'gid=0 ses=3'))
event(('ANOM_PROMISCUOUS', 'dev=br0 prom=256 old_prom=0 '
       'auid=4294967295 uid=0 gid=0 ses=4294967295'), node='fw1')
event(('ANOM_ABEND', 'auid=1000 uid=1000 gid=1000 ses=3 subj=%s pid=4131 '
       'comm="python3" exe="/usr/bin/python3.11" sig=6 res=1' % SUBJ))
event(('ANOM_ABEND', 'auid=4294967295 uid=0 gid=0 ses=4294967295 '
       'subj=%s pid=4132 comm="systemd-journal" '
       'exe="/usr/lib/systemd/systemd-journald" sig=11 res=1' % SYSD))
event(('ANOM_LINK', 'op=linkat ppid=4000 pid=4133 auid=1000 uid=1000 '
       'gid=1000 euid=1000 suid=1000 fsuid=1000 egid=1000 sgid=1000 '
       'fsgid=1000 tty=pts0 ses=3 comm="ln" exe="/usr/bin/ln" subj=%s res=0'
       % SUBJ),
      sysrec('linkat', succ='no', ex='-1', a=('ffffff9c', '7ffd', 'ffffff9c',
             '7ffe'), items=1, pid=4133, uid=1000, gid=1000, comm='ln',
             exe='/usr/bin/ln'),
      cwd('/tmp'), path(0, '/etc/shadow', mode='0100000', ino=393296,
                        obj='system_u:object_r:shadow_t:s0'),
      ptitle('ln', '/etc/shadow', 'x'))
event(('ANOM_LINK', 'op=follow_link ppid=4000 pid=4134 auid=1000 '
       'uid=0 gid=0 euid=0 suid=0 fsuid=0 egid=0 sgid=0 fsgid=0 tty=pts0 '
       'ses=3 comm="cat" exe="/usr/bin/cat" subj=%s res=0' % SUBJ),
      cwd('/tmp'),
      path(0, '/tmp/evil', mode='0120777', ino=44, ouid=1001, ogid=1001,
           obj='unconfined_u:object_r:user_tmp_t:s0'))
event(('ANOM_CREAT', 'op=O_CREAT ppid=4000 pid=4135 auid=0 uid=0 gid=0 '
       'euid=0 suid=0 fsuid=0 egid=0 sgid=0 fsgid=0 tty=pts0 ses=3 '
       'comm="touch" exe="/usr/bin/touch" subj=%s res=0' % SUBJ),
      sysrec('openat', succ='no', ex='-13', a=('ffffff9c', '7ffd', '941',
             '1b6'), items=2, pid=4135, comm='touch', exe='/usr/bin/touch'),
      cwd('/tmp'), path(0, '/tmp/', mode='041777', ino=1, nametype='PARENT',
                        obj='system_u:object_r:tmp_t:s0'),
      path(1, '/tmp/shared', mode='0100644', ino=45, ouid=1001, ogid=1001,
           obj='unconfined_u:object_r:user_tmp_t:s0'),
      ptitle('touch', '/tmp/shared'))
for kind, msg in (
        ('ANOM_LOGIN_FAILURES', 'pam_faillock uid=1001 exe="/usr/sbin/sshd" '
         'hostname=10.0.0.9 addr=10.0.0.9 terminal=ssh res=success'),
        ('ANOM_LOGIN_FAILURES', 'op=login acct="bob" exe="/usr/bin/login" '
         'hostname=? addr=? terminal=tty1 res=failed'),
        ('ANOM_LOGIN_TIME', 'op=login acct="bob" exe="/usr/sbin/sshd" '
         'hostname=10.0.0.9 addr=10.0.0.9 terminal=ssh res=failed'),
        ('ANOM_LOGIN_SESSIONS', 'op=pam_limits acct="bob" '
         'exe="/usr/sbin/sshd" hostname=10.0.0.9 addr=10.0.0.9 '
         'terminal=ssh res=failed'),
        ('ANOM_LOGIN_ACCT', 'op=login acct="nobody" exe="/usr/sbin/sshd" '
         'hostname=? addr=10.0.0.9 terminal=ssh res=failed'),
        ('ANOM_LOGIN_LOCATION', 'op=pam_access acct="root" '
         'exe="/usr/sbin/sshd" hostname=203.0.113.7 addr=203.0.113.7 '
         'terminal=ssh res=failed'),
        ('ANOM_MAX_DAC', 'op=max-dac count=50 exe="/usr/sbin/audisp-ids" '
         'res=success'),
        ('ANOM_RBAC_FAIL', 'op=rbac-check acct="bob" '
         'exe="/usr/sbin/audisp-ids" res=failed'),
        ('ANOM_RBAC_INTEGRITY_FAIL', 'op=aide hostname=web1 '
         'exe="/usr/sbin/aide" res=failed'),
        ('ANOM_EXEC', 'op=exec acct="bob" cmd="/tmp/x" '
         'exe="/usr/sbin/audisp-ids" terminal=pts/1 res=failed'),
        ('ANOM_MK_EXEC', 'op=chmod acct="bob" cmd="/tmp/x" '
         'exe="/usr/sbin/audisp-ids" terminal=pts/1 res=failed'),
        ('ANOM_ADD_ACCT', 'op=add-acct acct="eve" exe="/usr/sbin/audisp-ids" '
         'res=success'),
        ('ANOM_ROOT_TRANS', 'op=root-trans acct="bob" auid=1001 '
         'exe="/usr/sbin/audisp-ids" res=success'),
        ('ANOM_LOGIN_SERVICE', 'op=login acct="mysql" '
         'exe="/usr/sbin/audisp-ids" res=failed'),
        ('ANOM_ORIGIN_FAILURES', 'op=origin addr=203.0.113.7 '
         'exe="/usr/sbin/audisp-ids" res=failed'),
        ('ANOM_SESSION', 'op=session ses=12 exe="/usr/sbin/audisp-ids" '
         'res=failed'),
        ('RESP_ANOMALY', 'op=anomaly acct="bob" exe="/usr/sbin/audisp-ids" '
         'res=success'),
        ('RESP_ALERT', 'op=alert exe="/usr/sbin/audisp-ids" res=success'),
        ('RESP_KILL_PROC', 'op=kill-proc pid=4444 exe="/usr/sbin/audisp-ids" '
         'res=success'),
        ('RESP_TERM_ACCESS', 'op=term-access ses=12 '
         'exe="/usr/sbin/audisp-ids" res=success'),
        ('RESP_ACCT_REMOTE', 'op=acct-remote acct="bob" '
         'exe="/usr/sbin/audisp-ids" res=success'),
        ('RESP_ACCT_LOCK_TIMED', 'op=lock-timed acct="bob" '
         'exe="/usr/sbin/audisp-ids" res=success'),
        ('RESP_ACCT_UNLOCK_TIMED', 'op=unlock-timed acct="bob" '
         'exe="/usr/sbin/audisp-ids" res=success'),
        ('RESP_ACCT_LOCK', 'op=lock acct="bob" exe="/usr/sbin/audisp-ids" '
         'res=success'),
        ('RESP_TERM_LOCK', 'op=term-lock ses=12 exe="/usr/sbin/audisp-ids" '
         'res=failed'),
        ('RESP_SEBOOL', 'op=sebool bool=secure_mode val=1 '
         'exe="/usr/sbin/audisp-ids" res=success'),
        ('RESP_EXEC', 'op=exec cmd="/usr/local/bin/respond" '
         'exe="/usr/sbin/audisp-ids" res=success'),
        ('RESP_SINGLE', 'op=single exe="/usr/sbin/audisp-ids" res=success'),
        ('RESP_HALT', 'op=halt exe="/usr/sbin/audisp-ids" res=success'),
        ('RESP_ORIGIN_BLOCK', 'op=block addr=203.0.113.7 '
         'exe="/usr/sbin/audisp-ids" res=success'),
        ('RESP_ORIGIN_BLOCK_TIMED', 'op=block-timed addr=203.0.113.7 '
         'exe="/usr/sbin/audisp-ids" res=success'),
        ('RESP_ORIGIN_UNBLOCK_TIMED', 'op=unblock-timed addr=203.0.113.7 '
         'exe="/usr/sbin/audisp-ids" res=success')):
    user(kind, msg, pid=5000, auid=4294967295, ses=4294967295)

# 4. IMA/EVM integrity
event(('INTEGRITY_DATA', 'pid=4140 uid=0 auid=1000 ses=3 subj=%s '
       'op=appraise_data cause=invalid-hash comm="bash" name="/usr/bin/ls" '
       'dev="dm-0" ino=1234 res=0 errno=0' % SUBJ))
event(('INTEGRITY_METADATA', 'pid=4141 uid=0 auid=1000 ses=3 subj=%s '
       'op=appraise_metadata cause=invalid-HMAC comm="cat" name="/etc/hosts" '
       'dev="dm-0" ino=99 res=0 errno=0' % SUBJ))
event(('INTEGRITY_STATUS', 'pid=1 uid=0 auid=4294967295 ses=4294967295 '
       'op=ima_init_policy cause=default comm="swapper/0" res=1'))
event(('INTEGRITY_HASH', 'pid=4142 uid=0 auid=1000 ses=3 subj=%s '
       'op=collect_data cause=failed comm="bash" name="/dev/sda" dev="devtmpfs" '
       'ino=300 res=0 errno=-13' % SUBJ))
event(('INTEGRITY_PCR', 'pid=4143 uid=0 auid=1000 ses=3 subj=%s '
       'op=invalid_pcr cause=open_writers comm="vi" name="/etc/passwd" '
       'dev="dm-0" ino=131075 res=1 errno=0' % SUBJ), node='web1')
event(('INTEGRITY_RULE', 'file="/usr/bin/sudo" hash="sha256:2bd3a1f0'
       '7c3ec9b7b4c6b9be7a1c4d3b0e4ad2a7a3e6f3e8d1c5b3f5d6a7e8f9a0" '
       'ppid=4000 pid=4144 auid=1000 uid=0 gid=0 euid=0 suid=0 fsuid=0 '
       'egid=0 sgid=0 fsgid=0 tty=pts0 ses=3 comm="sudo" '
       'exe="/usr/bin/sudo" subj=%s' % SUBJ))
event(('INTEGRITY_EVM_XATTR', 'pid=4145 uid=0 auid=1000 ses=3 subj=%s '
       'op=setxattr cause=security.ima comm="setfattr" name="/bin/true" '
       'dev="dm-0" ino=77 res=1 errno=0' % SUBJ))
event(('INTEGRITY_POLICY_RULE', 'action=measure func=BPRM_CHECK res=1'))
user('INTEGRITY_USERSPACE', 'op=check file="/etc/aide.conf" '
     'exe="/usr/sbin/aide" hostname=? addr=? terminal=? res=success')

# 5. keystrokes: kernel TTY, USER_TTY
event(('TTY', 'tty pid=4150 uid=0 auid=1000 ses=3 major=136 minor=0 '
       'comm="bash" data=6C73202D6C61202F726F6F740D'))
event(('TTY', 'tty pid=4151 uid=0 auid=1000 ses=3 major=136 minor=1 '
       'comm="vim" data=' + hx('ihello\x1b:wq\r')))
event(('TTY', 'tty pid=4152 uid=0 auid=4294967295 ses=4294967295 '
       'major=4 minor=1 comm="agetty" data=726F6F740D'), node='web1')
event(('USER_TTY', 'pid=4153 uid=0 auid=1000 ses=3 subj=%s '
       'data=' % SUBJ + hx('cat /etc/shadow\r')))
event(('USER_TTY', 'pid=4154 uid=0 auid=1000 ses=3 subj=%s '
       'data="ls"' % SUBJ))

# 6. virtualization (libvirt)
V = 'virt=kvm'
U = 'uuid=5b8a2f1e-3c4d-4e5f-8a9b-0c1d2e3f4a5b'
L = '/usr/sbin/libvirtd'
for kind, msg in (
        ('VIRT_MACHINE_ID', '%s vm="guest1" %s vm-ctx=+107:+107 '
         'img-ctx=+107:+107 model=dac exe="%s" hostname=? addr=? terminal=? '
         'res=success' % (V, U, L)),
        ('VIRT_MACHINE_ID', '%s vm="guest1" %s '
         'vm-ctx=system_u:system_r:svirt_t:s0:c89,c416 '
         'img-ctx=system_u:object_r:svirt_image_t:s0:c89,c416 model=selinux '
         'exe="%s" hostname=? addr=? terminal=? res=success' % (V, U, L)),
        ('VIRT_RESOURCE', '%s resrc=disk reason=start vm="guest1" %s '
         'old-disk="?" new-disk="/var/lib/libvirt/images/guest1.qcow2" '
         'exe="%s" hostname=? addr=? terminal=? res=success' % (V, U, L)),
        ('VIRT_RESOURCE', '%s resrc=net reason=start vm="guest1" %s '
         'old-net="?" new-net="52:54:00:ab:cd:ef" exe="%s" hostname=? '
         'addr=? terminal=? res=success' % (V, U, L)),
        ('VIRT_RESOURCE', '%s resrc=mem reason=start vm="guest1" %s '
         'old-mem=0 new-mem=2097152 exe="%s" hostname=? addr=? terminal=? '
         'res=success' % (V, U, L)),
        ('VIRT_RESOURCE', '%s resrc=cgroup reason=deny vm="guest1" %s '
         'cgroup="/sys/fs/cgroup/machine.slice/" class=all exe="%s" '
         'hostname=? addr=? terminal=? res=failed' % (V, U, L)),
        ('VIRT_CONTROL', '%s op=start reason=booted vm="guest1" %s '
         'vm-pid=6000 exe="%s" hostname=? addr=? terminal=? res=success'
         % (V, U, L)),
        ('VIRT_CONTROL', '%s op=stop reason=shutdown vm="guest1" %s '
         'vm-pid=-1 exe="%s" hostname=? addr=? terminal=? res=success'
         % (V, U, L)),
        ('VIRT_CONTROL', '%s op=start reason=booted vm="guest2" '
         'uuid=0f0e0d0c-0b0a-4908-8706-050403020100 vm-pid=-1 exe="%s" '
         'hostname=? addr=? terminal=? res=failed' % (V, L)),
        ('VIRT_INTEGRITY_CHECK', '%s vm="guest1" %s op=verify exe="%s" '
         'hostname=? addr=? terminal=? res=success' % (V, U, L)),
        ('VIRT_CREATE', '%s op=create vm="guest3" %s exe="%s" hostname=? '
         'addr=? terminal=? res=success' % (V, U, L)),
        ('VIRT_DESTROY', '%s op=destroy vm="guest3" %s exe="%s" hostname=? '
         'addr=? terminal=? res=success' % (V, U, L)),
        ('VIRT_MIGRATE_IN', '%s op=migrate vm="guest1" %s src=host2 '
         'exe="%s" hostname=? addr=? terminal=? res=success' % (V, U, L)),
        ('VIRT_MIGRATE_OUT', '%s op=migrate vm="guest1" %s dst=host2 '
         'exe="%s" hostname=? addr=? terminal=? res=failed' % (V, U, L))):
    user(kind, msg, pid=1500, auid=4294967295, ses=4294967295,
         subj='system_u:system_r:virtd_t:s0-s0:c0.c1023')

# 7. crypto (sshd, libreswan)
FP = 'SHA256:4e:1b:7f:0a:93:c2:5d:11:86:aa:fe:30:72:bd:09:64:cf:8e'
SSHD = '/usr/sbin/sshd'
for kind, msg, auid, ses in (
        ('CRYPTO_KEY_USER', 'op=destroy kind=server fp=%s direction=? '
         'spid=4161 suid=0  exe="%s" hostname=? addr=? terminal=? '
         'res=success' % (FP, SSHD), 4294967295, 4294967295),
        ('CRYPTO_KEY_USER', 'op=destroy kind=session fp=? direction=both '
         'spid=4162 suid=74 rport=51515 laddr=10.0.0.1 lport=22  exe="%s" '
         'hostname=? addr=10.0.0.5 terminal=? res=success' % SSHD,
         1000, 7),
        ('CRYPTO_KEY_USER', 'op=negotiate kind=auth-key fp=%s exe="%s" '
         'hostname=? addr=10.0.0.5 terminal=? res=failed' % (FP, SSHD),
         4294967295, 4294967295),
        ('CRYPTO_SESSION', 'op=start direction=from-server '
         'cipher=chacha20-poly1305@openssh.com ksize=512 mac=<implicit> '
         'pfs=curve25519-sha256 spid=4163 suid=74 rport=51515 '
         'laddr=10.0.0.1 lport=22  exe="%s" hostname=? addr=10.0.0.5 '
         'terminal=? res=success' % SSHD, 4294967295, 4294967295),
        ('CRYPTO_SESSION', 'op=start direction=from-client '
         'cipher=aes256-gcm@openssh.com ksize=256 mac=<implicit> '
         'pfs=curve25519-sha256 spid=4163 suid=74 rport=51515 '
         'laddr=10.0.0.1 lport=22  exe="%s" hostname=? addr=10.0.0.5 '
         'terminal=? res=failed' % SSHD, 4294967295, 4294967295),
        ('CRYPTO_LOGIN', 'op=login acct="admin" exe="/usr/bin/p11tool" '
         'hostname=? addr=? terminal=pts/0 res=success', 1000, 3),
        ('CRYPTO_LOGOUT', 'op=logout acct="admin" exe="/usr/bin/p11tool" '
         'hostname=? addr=? terminal=pts/0 res=success', 1000, 3),
        ('CRYPTO_TEST_USER', 'op=selftest exe="/usr/bin/fipscheck" '
         'hostname=? addr=? terminal=? res=success', 0, 1),
        ('CRYPTO_PARAM_CHANGE_USER', 'op=change-param '
         'exe="/usr/bin/update-crypto-policies" hostname=? addr=? '
         'terminal=pts/0 res=success', 1000, 3),
        ('CRYPTO_FAILURE_USER', 'op=decrypt exe="/usr/bin/gpg" hostname=? '
         'addr=? terminal=pts/0 res=failed', 1000, 3),
        ('CRYPTO_IKE_SA', 'op=start direction=initiator conn-name="tunnel" '
         'connstate=1 ike-version=2.0 auth=PRESHARED_KEY '
         'cipher=aes_gcm_16 ksize=256 integ=none prf=sha512 '
         'pfs=MODP2048 raddr=198.51.100.2 exe="/usr/libexec/ipsec/pluto" '
         'hostname=? addr=? terminal=? res=success', 4294967295, 4294967295),
        ('CRYPTO_IPSEC_SA', 'op=start conn-name="tunnel" connstate=2, '
         'satype=ipsec-esp samode=tunnel cipher=AES_GCM_16 ksize=256 '
         'integ=NONE in-spi=1234(0x4d2) out-spi=5678(0x162e) in-ipcomp=0 '
         'out-ipcomp=0 raddr=198.51.100.2 exe="/usr/libexec/ipsec/pluto" '
         'hostname=? addr=? terminal=? res=success', 4294967295, 4294967295)):
    user(kind, msg, pid=4160, auid=auid, ses=ses,
         subj='system_u:system_r:sshd_t:s0-s0:c0.c1023')

# 8. account management (shadow-utils, passwd, PAM)
SH = 'hostname=web1 addr=? terminal=pts/0'
for kind, msg, res in (
        ('ADD_GROUP', 'op=add-group id=1001 exe="/usr/sbin/groupadd" %s'
         % SH, 'success'),
        ('GRP_MGMT', 'op=add-shadow-group id=1001 exe="/usr/sbin/groupadd" %s'
         % SH, 'success'),
        ('ADD_USER', 'op=add-user id=1001 exe="/usr/sbin/useradd" %s' % SH,
         'success'),
        ('ADD_USER', 'op=adding user acct="eve" exe="/usr/sbin/useradd" %s'
         % SH, 'failed'),
        ('USER_MGMT', 'op=add-home-dir id=1001 exe="/usr/sbin/useradd" %s'
         % SH, 'success'),
        ('USER_MGMT', 'op=changing-shell acct="bob" '
         'exe="/usr/sbin/usermod" %s' % SH, 'success'),
        ('USER_MGMT', 'op=pam_tally2 reset=0 id=1001 '
         'exe="/usr/sbin/pam_tally2" %s' % SH, 'success'),
        ('ADD_GROUP', 'op=add-user-to-group grp="wheel" acct="bob" '
         'exe="/usr/sbin/usermod" %s' % SH, 'success'),
        ('USER_CHAUTHTOK', 'op=PAM:chauthtok grantors=pam_pwquality,'
         'pam_unix acct="bob" exe="/usr/bin/passwd" %s' % SH, 'success'),
        ('USER_CHAUTHTOK', 'op=change password id=1001 '
         'exe="/usr/bin/passwd" %s' % SH, 'failed'),
        ('USER_CHAUTHTOK', 'op=change password acct="nosuchuser" '
         'exe="/usr/bin/passwd" %s' % SH, 'failed'),
        ('GRP_CHAUTHTOK', 'op=change-group-password id=1001 '
         'exe="/usr/bin/gpasswd" %s' % SH, 'success'),
        ('ACCT_LOCK', 'op=lock-password id=1001 exe="/usr/bin/passwd" %s'
         % SH, 'success'),
        ('ACCT_UNLOCK', 'op=unlock-password acct="bob" '
         'exe="/usr/bin/passwd" %s' % SH, 'success'),
        ('CHGRP_ID', 'op=changing-group acct="bob" exe="/usr/bin/newgrp" %s'
         % SH, 'success'),
        ('GRP_AUTH', 'op=authenticate-group acct="bob" grp="wheel" '
         'exe="/usr/bin/newgrp" %s' % SH, 'failed'),
        ('CHUSER_ID', 'op=change-uid acct="bob" exe="/usr/bin/su" %s' % SH,
         'success'),
        ('DEL_GROUP', 'op=delete-group id=1001 exe="/usr/sbin/groupdel" %s'
         % SH, 'success'),
        ('DEL_GROUP', 'op=delete-shadow-group acct="staff" '
         'exe="/usr/sbin/groupdel" %s' % SH, 'success'),
        ('DEL_USER', 'op=delete-user id=1001 exe="/usr/sbin/userdel" %s'
         % SH, 'success'),
        ('DEL_USER', 'op=deleting user entries acct="root" '
         'exe="/usr/sbin/userdel" %s' % SH, 'failed'),
        ('USER_DEVICE', 'device=/dev/sdb op=attach '
         'exe="/usr/sbin/usbguard-daemon" %s' % SH, 'success'),
        ('SOFTWARE_UPDATE', 'op=install sw="vim-enhanced-9.0" '
         'sw_type=rpm key_enforce=0 gpg_res=1 root_dir="/" comm="dnf" '
         'exe="/usr/bin/python3.11" %s' % SH, 'success'),
        ('USYS_CONFIG', 'op=change-system-time exe="/usr/bin/timedatectl" %s'
         % SH, 'success'),
        ('DAC_CHECK', 'op=check-dac exe="/usr/sbin/audisp-ids" %s' % SH,
         'failed'),
        ('TRUSTED_APP', 'op=trusted-app exe="/usr/bin/tapp" %s' % SH,
         'success'),
        ('TEST', 'op=test-message exe="/usr/bin/tester" %s' % SH,
         'success'),
        ('USER_LABELED_EXPORT', 'op=export printer=lp0 '
         'exe="/usr/sbin/cupsd" %s' % SH, 'success'),
        ('DEV_ALLOC', 'op=allocate device=/dev/sr0 '
         'exe="/usr/sbin/devalloc" %s' % SH, 'success')):
    user(kind, '%s res=%s' % (msg, res), pid=4170, uid=0, auid=1000, ses=3,
         subj=SUBJ)

# 9. logins and PAM sessions (sshd, login, su, sudo, gdm)
P = 'system_u:system_r:sshd_t:s0-s0:c0.c1023'
A = 'hostname=10.0.0.5 addr=10.0.0.5 terminal=ssh'
for kind, msg, uid, auid, ses in (
        ('USER_AUTH', 'op=PAM:authentication grantors=pam_unix acct="bob" '
         'exe="%s" %s res=success' % (SSHD, A), 0, 4294967295, 4294967295),
        ('USER_AUTH', 'op=pubkey acct="bob" exe="%s" %s res=success'
         % (SSHD, A), 0, 4294967295, 4294967295),
        ('USER_AUTH', 'op=PAM:authentication grantors=? acct="?" exe="%s" '
         'hostname=203.0.113.7 addr=203.0.113.7 terminal=ssh res=failed'
         % SSHD, 0, 4294967295, 4294967295),
        ('USER_ACCT', 'op=PAM:accounting grantors=pam_unix,pam_localuser '
         'acct="bob" exe="%s" %s res=success' % (SSHD, A), 0, 4294967295,
         4294967295),
        ('USER_ACCT', 'op=PAM:accounting grantors=? acct="alice" exe="%s" %s '
         'res=failed' % (SSHD, A), 0, 4294967295, 4294967295),
        ('CRED_ACQ', 'op=PAM:setcred grantors=pam_env,pam_unix acct="bob" '
         'exe="%s" %s res=success' % (SSHD, A), 0, 4294967295, 4294967295),
        ('USER_ROLE_CHANGE', 'pam: default-context=%s selected-context=%s '
         'exe="%s" %s res=success' % (SUBJ, SUBJ, SSHD, A), 0, 1001, 8),
        ('USER_START', 'op=PAM:session_open grantors=pam_selinux,'
         'pam_loginuid,pam_keyinit,pam_namespace,pam_keyinit,pam_limits,'
         'pam_systemd,pam_unix,pam_umask,pam_lastlog acct="bob" exe="%s" %s '
         'res=success' % (SSHD, A), 0, 1001, 8),
        ('CRED_REFR', 'op=PAM:setcred grantors=pam_env,pam_unix acct="bob" '
         'exe="%s" %s res=success' % (SSHD, A), 0, 1001, 8),
        ('USER_LOGIN', 'op=login id=1001 exe="%s" %s res=success'
         % (SSHD, A), 0, 1001, 8),
        ('USER_LOGIN', 'op=login acct="alice" exe="%s" hostname=? '
         'addr=203.0.113.7 terminal=ssh res=failed' % SSHD, 0, 4294967295,
         4294967295),
        ('USER_LOGIN', 'op=login acct="(unknown)" exe="/usr/bin/login" '
         'hostname=? addr=? terminal=/dev/tty1 res=failed', 0, 4294967295,
         4294967295),
        ('USER_LOGIN', 'op=login id=0 exe="/usr/bin/login" hostname=? '
         'addr=? terminal=/dev/tty1 res=success', 0, 0, 9),
        ('USER_LOGOUT', 'op=login id=1001 exe="%s" %s res=success'
         % (SSHD, A), 0, 1001, 8),
        ('USER_END', 'op=PAM:session_close grantors=pam_selinux,pam_unix '
         'acct="bob" exe="%s" %s res=success' % (SSHD, A), 0, 1001, 8),
        ('CRED_DISP', 'op=PAM:setcred grantors=pam_env,pam_unix acct="bob" '
         'exe="%s" %s res=success' % (SSHD, A), 0, 1001, 8),
        ('USER_ERR', 'op=PAM:bad_ident grantors=? acct="?" exe="%s" '
         'hostname=203.0.113.7 addr=203.0.113.7 terminal=ssh res=failed'
         % SSHD, 0, 4294967295, 4294967295),
        ('USER_AUTH', 'op=PAM:authentication grantors=pam_rootok '
         'acct="root" exe="/usr/bin/su" hostname=web1 addr=? '
         'terminal=pts/0 res=success', 1000, 1000, 3),
        ('CRED_ACQ', 'op=PAM:setcred grantors=pam_rootok acct="root" '
         'exe="/usr/bin/su" hostname=web1 addr=? terminal=pts/0 '
         'res=success', 1000, 1000, 3),
        ('USER_START', 'op=PAM:session_open grantors=pam_keyinit,pam_limits,'
         'pam_systemd,pam_unix,pam_xauth acct="root" exe="/usr/bin/su" '
         'hostname=web1 addr=? terminal=pts/0 res=success', 1000, 1000, 3),
        ('USER_ACCT', 'op=PAM:accounting grantors=pam_unix,pam_localuser '
         'acct="bob" exe="/usr/bin/sudo" hostname=? addr=? terminal=/dev/pts/0 '
         'res=success', 1001, 1001, 8),
        ('USER_CMD', 'cwd="/home/bob" cmd=73797374656D63746C20726573746172'
         '74207373686420 exe="/usr/bin/sudo" terminal=pts/0 res=success',
         1001, 1001, 8),
        ('USER_CMD', 'cwd="/home/bob" cmd="id" exe="/usr/bin/sudo" '
         'terminal=pts/0 res=failed', 1001, 1001, 8),
        ('CRED_REFR', 'op=PAM:setcred grantors=pam_env,pam_unix acct="root" '
         'exe="/usr/bin/sudo" hostname=? addr=? terminal=/dev/pts/0 '
         'res=success', 0, 1001, 8),
        ('USER_AUTH', 'op=PAM:unix_chkpwd acct="bob" '
         'exe="/usr/sbin/unix_chkpwd" hostname=? addr=? terminal=? '
         'res=failed', 1001, 1001, 8),
        ('USER_START', 'op=PAM:session_open grantors=pam_selinux acct="gdm" '
         'exe="/usr/libexec/gdm-session-worker" hostname=web1 addr=? '
         'terminal=/dev/tty1 res=success', 0, 42, 2),
        ('USER_LOGIN', 'op=login id=42 exe="/usr/libexec/gdm-session-worker" '
         'hostname=web1 addr=? terminal=/dev/tty1 res=success', 0, 42, 2)):
    user(kind, msg, pid=4180, uid=uid, auid=auid, ses=ses, subj=P)
user('USER_LOGIN', 'op=login id=1001 exe="%s" %s res=success' % (SSHD, A),
     pid=4181, auid=1001, ses=8, node='web1')
user('USER_START', 'op=PAM:session_open grantors=pam_unix acct="bob" '
     'exe="%s" %s res=success' % (SSHD, A), pid=4181, auid=1001, ses=8,
     node='web1')
# kernel LOGIN (pam_loginuid writes loginuid)
event(('LOGIN', 'pid=4180 uid=0 subj=%s old-auid=4294967295 auid=1001 '
       'tty=(none) old-ses=4294967295 ses=8 res=1' % P),
      sysrec('write', a=('8', '7ffd', '4', '0'), pid=4180, ppid=4179,
             auid=1001, tty='(none)', ses=8, comm='sshd', exe=SSHD, subj=P),
      ptitle('sshd: bob [priv]'))
event(('LOGIN', 'pid=4182 uid=0 old-auid=4294967295 auid=0 tty=tty1 '
       'old-ses=4294967295 ses=9 res=1'))
event(('LOGIN', 'pid=4183 uid=0 subj=%s old-auid=1000 auid=1001 '
       'tty=(none) old-ses=3 ses=10 res=0' % SYSD))

# 10. services, boot, runlevels (systemd)
for kind, msg in (
        ('SYSTEM_BOOT', ' comm="systemd-update-utmp" '
         'exe="/usr/lib/systemd/systemd-update-utmp" hostname=? addr=? '
         'terminal=? res=success'),
        ('SYSTEM_RUNLEVEL', 'old-level=N new-level=5 '
         'comm="systemd-update-utmp" exe="/usr/lib/systemd/'
         'systemd-update-utmp" hostname=? addr=? terminal=? res=success'),
        ('SERVICE_START', 'unit=sshd comm="systemd" '
         'exe="/usr/lib/systemd/systemd" hostname=? addr=? terminal=? '
         'res=success'),
        ('SERVICE_START', 'unit=httpd comm="systemd" '
         'exe="/usr/lib/systemd/systemd" hostname=? addr=? terminal=? '
         'res=failed'),
        ('SERVICE_STOP', 'unit=systemd-tmpfiles-clean comm="systemd" '
         'exe="/usr/lib/systemd/systemd" hostname=? addr=? terminal=? '
         'res=success'),
        ('SERVICE_STOP', 'unit=user@1001 comm="systemd" '
         'exe="/usr/lib/systemd/systemd" hostname=? addr=? terminal=? '
         'res=success'),
        ('SYSTEM_RUNLEVEL', 'old-level=5 new-level=0 '
         'comm="systemd-update-utmp" exe="/usr/lib/systemd/'
         'systemd-update-utmp" hostname=? addr=? terminal=? res=success'),
        ('SYSTEM_SHUTDOWN', ' comm="systemd-update-utmp" '
         'exe="/usr/lib/systemd/systemd-update-utmp" hostname=? addr=? '
         'terminal=? res=success')):
    user(kind, msg, pid=1, auid=4294967295, ses=4294967295, subj=SYSD)
user('SERVICE_START', 'unit=nginx comm="systemd" exe="/usr/lib/systemd/'
     'systemd" hostname=? addr=? terminal=? res=success', pid=1,
     auid=4294967295, ses=4294967295, node='web1')
event(('KERNEL', 'state=initialized audit_enabled=1 res=1'))
event(('KERNEL', 'state=initialized audit_enabled=0 res=1'), node='web1')
event(('DAEMON_ROTATE', 'op=rotate-logs auid=0 pid=4190 subj=%s res=success'
       % SUBJ))
event(('DAEMON_CONFIG', 'op=reconfigure state=no-change auid=0 pid=4191 '
       'subj=%s res=success' % SUBJ))
event(('DAEMON_RESUME', 'op=resume auid=4294967295 pid=4192 '
       'subj=unknown res=success'))
event(('DAEMON_ABORT', 'op=dispatcher-init auid=0 pid=4193 subj=%s '
       'res=failed' % SYSD))
event(('DAEMON_ACCEPT', 'addr=10.0.0.7 port=60000 res=success'))
event(('DAEMON_CLOSE', 'addr=10.0.0.7 port=60000 res=success'))
event(('DAEMON_ERR', 'op=queue-full auid=4294967295 pid=4194 '
       'subj=unknown res=failed'))

# 11. kernel features, modules, BPF, fanotify, seccomp, time, config
event(('FEATURE_CHANGE', 'pid=1 uid=0 auid=4294967295 tty=(none) '
       'ses=4294967295 subj=%s comm="systemd" exe="/usr/lib/systemd/systemd" '
       'feature=loginuid_immutable old=0 new=1 old_lock=0 new_lock=0 res=1'
       % SYSD))
event(('FEATURE_CHANGE', 'pid=4200 uid=0 auid=1000 tty=pts0 ses=3 '
       'subj=%s comm="auditctl" exe="/usr/sbin/auditctl" '
       'feature=only_unset_loginuid old=0 new=1 old_lock=0 new_lock=1 '
       'res=0' % SUBJ))
event(('SYSCALL', sysrec('init_module', a=('7f2a', '1f3c8', '55d1', '0'),
                         pid=4201, comm='modprobe', exe='/usr/bin/kmod',
                         key='"modules"')[1]),
      ('KERN_MODULE', 'name="nf_tables"'),
      ptitle('modprobe', 'nf_tables'))
event(sysrec('finit_module', a=('3', '55d1', '0', '0'), pid=4202,
             comm='modprobe', exe='/usr/bin/kmod', key='"modules"'),
      ('KERN_MODULE', 'name="overlay"'),
      ptitle('/sbin/modprobe', '-q', '--', 'overlay'))
event(sysrec('finit_module', succ='no', ex='-2', a=('3', '55d1', '0', '0'),
             pid=4203, comm='insmod', exe='/usr/bin/kmod'),
      ptitle('insmod', '/tmp/rootkit.ko'))
event(sysrec('delete_module', a=('55d1', '800', '0', '0'), pid=4204,
             comm='rmmod', exe='/usr/bin/kmod', key='"modules"'),
      ('KERN_MODULE', 'name="dummy"'),
      ptitle('rmmod', 'dummy'))
event(('BPF', 'prog-id=57 op=LOAD'),
      sysrec('bpf', ex='6', a=('5', '7ffd', '90', '0'), pid=4205, ppid=1,
             auid=4294967295, tty='(none)', ses=4294967295, comm='systemd',
             exe='/usr/lib/systemd/systemd', subj=SYSD),
      ptitle('/usr/lib/systemd/systemd', '--system'))
event(('BPF', 'prog-id=57 op=UNLOAD'))
event(('BPF', 'prog-id=58 op=LOAD'), node='web1')
event(sysrec('openat', succ='no', ex='-1', a=('ffffff9c', '7ffd', '0', '0'),
             items=1, pid=4206, comm='cat', exe='/usr/bin/cat'),
      ('FANOTIFY', 'resp=2'), cwd('/home/bob'),
      path(0, '/home/bob/blocked.sh', mode='0100755', ino=7000, ouid=1001,
           ogid=1001, obj='unconfined_u:object_r:user_home_t:s0'),
      ptitle('cat', 'blocked.sh'))
event(sysrec('execve', succ='no', ex='-1', a=('55e0', '55f0', '5600', '0'),
             items=2, pid=4207, comm='bash', exe='/usr/bin/bash'),
      ('FANOTIFY', 'resp=2 fan_type=1 fan_info=3137 subj_trust=2 '
       'obj_trust=0'), cwd('/tmp'),
      path(0, '/tmp/x', mode='0100755', ino=7001),
      path(1, '/lib64/ld-linux-x86-64.so.2', mode='0100755', ino=2001),
      ptitle('bash'))
event(('SECCOMP', 'auid=1000 uid=1000 gid=1000 ses=3 subj=%s pid=4208 '
       'comm="chrome" exe="/opt/google/chrome/chrome" sig=31 arch=c000003e '
       'syscall=101 compat=0 ip=0x7f5d3a1b2c3d code=0x0' % SUBJ))
event(('SECCOMP', 'auid=4294967295 uid=0 gid=0 ses=4294967295 subj=%s '
       'pid=4209 comm="systemd-resolve" exe="/usr/lib/systemd/'
       'systemd-resolved" sig=0 arch=40000003 syscall=102 compat=1 '
       'ip=0xf7f1c549 code=0x50001' % SYSD))
event(('SECCOMP', 'auid=1000 uid=1000 gid=1000 ses=3 pid=4210 '
       'comm="firefox" exe="/usr/lib/firefox/firefox" sig=0 arch=c000003e '
       'syscall=2 compat=0 ip=0x7f code=0x7ffc0000'), node='web1')
event(('CONFIG_CHANGE', 'auid=1000 ses=3 subj=%s op=set audit_backlog_limit'
       '=8192 old=64 res=1' % SUBJ),
      sysrec('sendto', a=('3', '7ffd', '3c', '0'), pid=4211,
             comm='auditctl', exe='/usr/sbin/auditctl'),
      ptitle('auditctl', '-b', '8192'))
event(('CONFIG_CHANGE', 'auid=1000 ses=3 subj=%s op=set audit_enabled=1 '
       'old=1 res=1' % SUBJ))
event(('CONFIG_CHANGE', 'auid=1000 ses=3 subj=%s op=remove_rule '
       'key="modules" list=4 res=1' % SUBJ),
      sysrec('sendto', a=('3', '7ffd', '430', '0'), pid=4212,
             comm='auditctl', exe='/usr/sbin/auditctl'),
      ptitle('auditctl', '-D'))
event(('CONFIG_CHANGE', 'op=set audit_pid=4213 old=0 auid=4294967295 '
       'ses=4294967295 subj=%s res=1' % SYSD),
      sysrec('sendto', a=('3', '7ffd', '3c', '0'), pid=4213, ppid=1,
             auid=4294967295, tty='(none)', ses=4294967295, comm='auditd',
             exe='/usr/sbin/auditd', subj=SYSD),
      ptitle('/sbin/auditd'))
event(('TIME_INJOFFSET', 'sec=0 nsec=500000000'),
      sysrec('clock_settime', a=('0', '7ffd', '0', '0'), pid=4214,
             comm='chronyd', exe='/usr/sbin/chronyd', key='"time"'),
      ptitle('/usr/sbin/chronyd', '-F', '2'))
event(('TIME_ADJNTPVAL', 'op=tick old=10000 new=10001'),
      sysrec('adjtimex', a=('7ffd', '0', '0', '0'), pid=4214,
             comm='chronyd', exe='/usr/sbin/chronyd', key='"time"'),
      ptitle('/usr/sbin/chronyd', '-F', '2'))
event(sysrec('capset', a=('7ffd', '7ffe', '0', '0'), pid=4215,
             comm='capsh', exe='/usr/sbin/capsh'),
      ('CAPSET', 'pid=4215 cap_pi=0 cap_pp=0 cap_pe=0 cap_pa=0'),
      ptitle('capsh', '--drop=all'))
event(sysrec('mq_open', ex='3', a=('7ffd', '42', '1b6', '0'), pid=4216,
             comm='mqd', exe='/usr/bin/mqd'),
      ('MQ_OPEN', 'oflag=0x42 mode=0666 mq_flags=0x0 mq_maxmsg=10 '
       'mq_msgsize=8192 mq_curmsgs=0'),
      ptitle('mqd'))

# 12. SYSCALL events of file, process, socket and module syscalls (x86_64)
H = '/home/bob'


def fs(sc, paths, succ='yes', ex='0', a=('ffffff9c', '7ffd', '0', '0'),
       d=H, comm='bash', exe='/usr/bin/bash', key=None, uid=1001, pid=4300,
       argv=None, arch='x86_64', node=None, extra=()):
    recs = [sysrec(sc, arch=arch, succ=succ, ex=ex, a=a, items=len(paths),
                   pid=pid, auid=1001, uid=uid, gid=uid, ses=8, comm=comm,
                   exe=exe, key=key)]
    recs += list(extra)
    recs.append(cwd(d))
    recs += paths
    recs.append(ptitle(*(argv or [comm])))
    event(*recs, node=node)


D = 'unconfined_u:object_r:user_home_t:s0'
fs('mount', [path(0, '/mnt', mode='040755', ino=2, obj='system_u:object_r:'
                  'mnt_t:s0'),
             path(1, '/dev/sdb1', mode='060660', ino=400, ogid=6,
                  obj='system_u:object_r:removable_device_t:s0')],
   a=('55d0', '55e0', '55f0', 'c0ed0000'), uid=0, comm='mount',
   exe='/usr/bin/mount', key='"mounts"', d='/root',
   argv=['mount', '/dev/sdb1', '/mnt'])
fs('mount', [path(0, '/proc', mode='040555', ino=1)], succ='no', ex='-1',
   a=('55d0', '55e0', '55f0', '0'), uid=1001, comm='mount',
   exe='/usr/bin/mount', argv=['mount', '-t', 'proc', 'proc', '/proc'])
fs('umount2', [path(0, '/mnt', mode='040755', ino=1)], a=('55d0', '0', '0',
   '0'), uid=0, comm='umount', exe='/usr/bin/umount', key='"mounts"',
   d='/root', argv=['umount', '/mnt'])
fs('umount2', [path(0, '/boot', mode='040555', ino=128)], succ='no',
   ex='-16', a=('55d0', '2', '0', '0'), uid=0, comm='umount',
   exe='/usr/bin/umount', d='/root', argv=['umount', '-f', '/boot'])
fs('rename', [path(0, H + '/', mode='040700', ino=500, ouid=1001,
                   ogid=1001, nametype='PARENT', obj=D),
              path(1, H + '/', mode='040700', ino=500, ouid=1001, ogid=1001,
                   nametype='PARENT', obj=D),
              path(2, 'a.txt', ino=501, ouid=1001, ogid=1001,
                   nametype='DELETE', obj=D),
              path(3, 'b.txt', ino=501, ouid=1001, ogid=1001,
                   nametype='CREATE', obj=D)],
   a=('55d0', '55e0', '0', '0'), comm='mv', exe='/usr/bin/mv',
   key='"rename"', argv=['mv', 'a.txt', 'b.txt'])
fs('renameat', [path(0, '/etc/', mode='040755', ino=2, nametype='PARENT'),
                path(1, '/etc/', mode='040755', ino=2, nametype='PARENT'),
                path(2, '/etc/passwd+', ino=600, nametype='DELETE'),
                path(3, '/etc/passwd', ino=131075, nametype='DELETE'),
                path(4, '/etc/passwd', ino=600, nametype='CREATE')],
   a=('ffffff9c', '55d0', 'ffffff9c', '55e0'), uid=0, comm='useradd',
   exe='/usr/sbin/useradd', key='"identity"', d='/root',
   argv=['useradd', 'eve'])
fs('renameat2', [path(0, '/tmp/', mode='041777', ino=1, nametype='PARENT'),
                 path(1, '/root/', mode='040550', ino=3, nametype='PARENT')],
   succ='no', ex='-13', a=('ffffff9c', '55d0', 'ffffff9c', '55e0'),
   comm='mv', exe='/usr/bin/mv', d='/tmp', argv=['mv', 'x', '/root/x'])
fs('link', [path(0, 'data', ino=700, ouid=1001, ogid=1001, obj=D),
            path(1, H + '/', mode='040700', ino=500, ouid=1001, ogid=1001,
                 nametype='PARENT', obj=D),
            path(2, 'data.lnk', ino=700, ouid=1001, ogid=1001,
                 nametype='CREATE', obj=D)],
   a=('55d0', '55e0', '0', '0'), comm='ln', exe='/usr/bin/ln',
   argv=['ln', 'data', 'data.lnk'])
fs('linkat', [path(0, '/etc/shadow', mode='0100000', ino=393296,
                   obj='system_u:object_r:shadow_t:s0')],
   succ='no', ex='-1', a=('ffffff9c', '55d0', 'ffffff9c', '55e0'),
   comm='ln', exe='/usr/bin/ln', key='"shadow"', d='/tmp',
   argv=['ln', '/etc/shadow', 's'])
fs('symlink', [path(0, H + '/', mode='040700', ino=500, ouid=1001,
                    ogid=1001, nametype='PARENT', obj=D),
               path(1, 'latest', mode='0120777', ino=701, ouid=1001,
                    ogid=1001, nametype='CREATE', obj=D)],
   a=('55d0', '55e0', '0', '0'), comm='ln', exe='/usr/bin/ln',
   argv=['ln', '-s', 'v2', 'latest'])
fs('symlinkat', [path(0, '/usr/local/bin/', mode='040755', ino=800,
                      nametype='PARENT', obj='system_u:object_r:bin_t:s0')],
   succ='no', ex='-13', a=('55d0', 'ffffff9c', '55e0', '0'), comm='ln',
   exe='/usr/bin/ln', argv=['ln', '-s', '/tmp/x', '/usr/local/bin/x'])
fs('mknod', [path(0, '/dev/', mode='040755', ino=1, nametype='PARENT',
                  obj='system_u:object_r:device_t:s0'),
             path(1, '/dev/null2', mode='020666', ino=900,
                  nametype='CREATE', obj='system_u:object_r:device_t:s0')],
   a=('55d0', '21b6', '103', '0'), uid=0, comm='mknod',
   exe='/usr/bin/mknod', key='"devices"', d='/root',
   argv=['mknod', '/dev/null2', 'c', '1', '3'])
fs('mknodat', [path(0, '/tmp/', mode='041777', ino=1, nametype='PARENT'),
               path(1, '/tmp/fifo', mode='010644', ino=901,
                    nametype='CREATE')],
   a=('ffffff9c', '55d0', '11a4', '0'), comm='mkfifo',
   exe='/usr/bin/mkfifo', d='/tmp', argv=['mkfifo', 'fifo'])
fs('mknodat', [path(0, '/dev/', mode='040755', ino=1, nametype='PARENT')],
   succ='no', ex='-1', a=('ffffff9c', '55d0', '61b0', '801'),
   comm='mknod', exe='/usr/bin/mknod', argv=['mknod', '/dev/sdz', 'b', '8',
                                              '1'])
fs('chown', [path(0, '/srv/www', mode='040755', ino=1000, ouid=48, ogid=48)],
   a=('55d0', '30', '30', '0'), uid=0, comm='chown', exe='/usr/bin/chown',
   key='"perm"', d='/root', argv=['chown', 'apache:', '/srv/www'])
fs('fchownat', [path(0, 'notes', ino=1001, ouid=1001, ogid=1001, obj=D)],
   a=('ffffff9c', '55d0', '0', '0'), uid=0, comm='chown',
   exe='/usr/bin/chown', argv=['chown', 'root', 'notes'])
fs('fchownat', [path(0, '/etc/passwd', ino=131075)], succ='no', ex='-1',
   a=('ffffff9c', '55d0', '3e9', 'ffffffff'), comm='chown',
   exe='/usr/bin/chown', key='"perm"', argv=['chown', 'bob', '/etc/passwd'])
fs('lchown', [path(0, 'latest', mode='0120777', ino=701, ouid=1001,
                   ogid=1001, obj=D)],
   a=('55d0', '0', 'ffffffff', '0'), uid=0, comm='chown',
   exe='/usr/bin/chown', argv=['chown', '-h', 'root', 'latest'])
fs('chmod', [path(0, 'run.sh', ino=1002, ouid=1001, ogid=1001, obj=D)],
   a=('55d0', '1ed', '0', '0'), comm='chmod', exe='/usr/bin/chmod',
   key='"perm"', argv=['chmod', '755', 'run.sh'])
fs('fchmodat', [path(0, '/etc/shadow', mode='0100000', ino=393296,
                     obj='system_u:object_r:shadow_t:s0')],
   succ='no', ex='-1', a=('ffffff9c', '55d0', '1a4', '0'), comm='chmod',
   exe='/usr/bin/chmod', key='"perm"', argv=['chmod', '644', '/etc/shadow'])
fs('fchmod', [], a=('3', '180', '0', '0'), comm='vim', exe='/usr/bin/vim',
   argv=['vim', 'notes'])
fs('setxattr', [path(0, '/usr/bin/ping', mode='0100755', ino=1100,
                     obj='system_u:object_r:ping_exec_t:s0')],
   a=('55d0', '55e0', '55f0', '18'), uid=0, comm='setcap',
   exe='/usr/sbin/setcap', key='"perm"', d='/root',
   argv=['setcap', 'cap_net_raw+ep', '/usr/bin/ping'])
fs('lsetxattr', [path(0, '/var/www', mode='040755', ino=1101)],
   succ='no', ex='-95', a=('55d0', '55e0', '55f0', '20'), uid=0,
   comm='chcon', exe='/usr/bin/chcon', d='/root',
   argv=['chcon', '-t', 'httpd_sys_content_t', '/var/www'])
fs('removexattr', [path(0, 'f', ino=1102, ouid=1001, ogid=1001, obj=D)],
   a=('55d0', '55e0', '0', '0'), comm='setfattr', exe='/usr/bin/setfattr',
   argv=['setfattr', '-x', 'user.tag', 'f'])
fs('unlink', [path(0, H + '/', mode='040700', ino=500, ouid=1001, ogid=1001,
                   nametype='PARENT', obj=D),
              path(1, 'old.log', ino=1200, ouid=1001, ogid=1001,
                   nametype='DELETE', obj=D)],
   a=('55d0', '0', '0', '0'), comm='rm', exe='/usr/bin/rm', key='"delete"',
   argv=['rm', 'old.log'])
fs('unlinkat', [path(0, '/var/log/', mode='040755', ino=1300,
                     nametype='PARENT', obj='system_u:object_r:var_log_t:s0'),
                path(1, '/var/log/audit/audit.log', mode='0100600',
                     ino=1301, nametype='DELETE',
                     obj='system_u:object_r:auditd_log_t:s0')],
   succ='no', ex='-13', a=('ffffff9c', '55d0', '0', '0'), comm='rm',
   exe='/usr/bin/rm', key='"audit-log"',
   argv=['rm', '-f', '/var/log/audit/audit.log'])
fs('mkdir', [path(0, H + '/', mode='040700', ino=500, ouid=1001, ogid=1001,
                  nametype='PARENT', obj=D),
             path(1, 'newdir', nametype='CREATE', mode=None)],
   a=('55d0', '1ff', '0', '0'), comm='mkdir', exe='/usr/bin/mkdir',
   argv=['mkdir', 'newdir'])
fs('mkdirat', [path(0, '/etc/', mode='040755', ino=2, nametype='PARENT')],
   succ='no', ex='-13', a=('ffffff9c', '55d0', '1ed', '0'), comm='mkdir',
   exe='/usr/bin/mkdir', argv=['mkdir', '/etc/x'])
fs('rmdir', [path(0, H + '/', mode='040700', ino=500, ouid=1001, ogid=1001,
                  nametype='PARENT', obj=D),
             path(1, 'newdir', mode='040775', ino=1400, ouid=1001, ogid=1001,
                  nametype='DELETE', obj=D)],
   a=('55d0', '0', '0', '0'), comm='rmdir', exe='/usr/bin/rmdir',
   argv=['rmdir', 'newdir'])
fs('rmdir', [path(0, '/', mode='040555', ino=2, nametype='PARENT'),
             path(1, '/boot', mode='040555', ino=128, nametype='DELETE')],
   succ='no', ex='-16', a=('55d0', '0', '0', '0'), uid=0, comm='rmdir',
   exe='/usr/bin/rmdir', d='/root', argv=['rmdir', '/boot'])
fs('truncate', [path(0, 'big', ino=1500, ouid=1001, ogid=1001, obj=D)],
   a=('55d0', '0', '0', '0'), comm='truncate', exe='/usr/bin/truncate',
   argv=['truncate', '-s', '0', 'big'])
fs('utimensat', [path(0, 'f', ino=1102, ouid=1001, ogid=1001, obj=D)],
   a=('ffffff9c', '55d0', '0', '0'), comm='touch', exe='/usr/bin/touch',
   argv=['touch', 'f'])
fs('open', [path(0, '/etc/shadow', mode='0100000', ino=393296,
                 obj='system_u:object_r:shadow_t:s0')],
   succ='no', ex='-13', a=('55d0', '0', '0', '0'), comm='cat',
   exe='/usr/bin/cat', key='"shadow"', argv=['cat', '/etc/shadow'])
fs('creat', [path(0, '/tmp/', mode='041777', ino=1, nametype='PARENT'),
             path(1, '/tmp/new', ino=1600, ouid=1001, ogid=1001,
                  nametype='CREATE', obj='unconfined_u:object_r:user_tmp_t:s0')],
   ex='3', a=('55d0', '1a4', '0', '0'), comm='python3',
   exe='/usr/bin/python3.11', argv=['python3', '-c', 'x'])
fs('readlink', [path(0, '/proc/self/exe', mode='0120777', ino=1700,
                     dev='00:15')],
   ex='13', a=('55d0', '7ffd', '1000', '0'), comm='readlink',
   exe='/usr/bin/readlink', argv=['readlink', '/proc/self/exe'])
fs('access', [path(0, '/etc/sudoers', mode='0100440', ino=1800)],
   succ='no', ex='-13', a=('55d0', '4', '0', '0'), comm='test',
   exe='/usr/bin/test', argv=['test', '-r', '/etc/sudoers'])
fs('statfs', [path(0, '/', mode='040555', ino=2)],
   a=('55d0', '7ffd', '0', '0'), comm='df', exe='/usr/bin/df',
   argv=['df', '/'])
fs('newfstatat', [path(0, 'f', ino=1102, ouid=1001, ogid=1001, obj=D)],
   a=('ffffff9c', '55d0', '7ffd', '0'), comm='stat', exe='/usr/bin/stat',
   argv=['stat', 'f'])
fs('memfd_create', [path(0, '/memfd:x (deleted)', mode='0100777', ino=3,
                         dev='00:01', nametype='UNKNOWN')],
   ex='3', a=('7ffd', '1', '0', '0'), comm='python3',
   exe='/usr/bin/python3.11', argv=['python3'])
fs('init_module', [], a=('7f2a', '1f3c8', '55d1', '0'), uid=0,
   comm='insmod', exe='/usr/bin/kmod', key='"modules"',
   argv=['insmod', 'dummy.ko'])
fs('finit_module', [path(0, '/lib/modules/6.1.0/kernel/net/dummy.ko',
                         ino=1900, obj='system_u:object_r:modules_object_t:s0'
                         )],
   a=('3', '55d1', '0', '0'), uid=0, comm='modprobe', exe='/usr/bin/kmod',
   key='"modules"', argv=['modprobe', 'dummy'], node='web1')
fs('delete_module', [], succ='no', ex='-1', a=('55d1', '800', '0', '0'),
   comm='rmmod', exe='/usr/bin/kmod', argv=['rmmod', 'dummy'])
# execve with many args
args = ['gcc', '-O2', '-Wall', '-Wextra', '-I/usr/include/glib-2.0',
        '-DNAME="a b"', '-o', 'prog'] + ['src/file%02d.c' % i
                                         for i in range(40)]
ex_rec = ('EXECVE', 'argc=%d ' % len(args) + ' '.join(
    'a%d=%s' % (i, hx(s) if (' ' in s or '"' in s) else '"%s"' % s)
    for i, s in enumerate(args)))
fs('execve', [path(0, '/usr/bin/gcc', mode='0100755', ino=2000),
              path(1, '/lib64/ld-linux-x86-64.so.2', mode='0100755',
                   ino=2001)],
   a=('55e0', '55f0', '5600', '0'), comm='gcc', exe='/usr/bin/gcc',
   key='"exec"', extra=[ex_rec], argv=args[:12])
big = 'x' * 3000
fs('execve', [path(0, '/usr/bin/echo', mode='0100755', ino=2002),
              path(1, '/lib64/ld-linux-x86-64.so.2', mode='0100755',
                   ino=2001)],
   a=('55e0', '55f0', '5600', '0'), comm='echo', exe='/usr/bin/echo',
   extra=[('EXECVE', 'argc=3 a0="echo" a1_len=3000 a1[0]=%s a1[1]=%s '
           'a2="end"' % (hx(big[:1500]), hx(big[1500:])))],
   argv=['echo', 'x' * 60])
fs('execve', [path(0, '/usr/bin/sudo', mode='0104111', ino=2003)],
   succ='no', ex='-13', a=('55e0', '55f0', '5600', '0'), comm='bash',
   exe='/usr/bin/bash', key='"exec"',
   extra=[('EXECVE', 'argc=2 a0="sudo" a1="-i"')], argv=['sudo', '-i'])
fs('execve', [path(0, '/usr/local/bin/deploy.sh', mode='0100755', ino=2004,
                   ouid=1001, ogid=1001, obj=D),
              path(1, '/usr/bin/bash', mode='0100755', ino=2005),
              path(2, '/lib64/ld-linux-x86-64.so.2', mode='0100755',
                   ino=2001)],
   a=('55e0', '55f0', '5600', '0'), comm='deploy.sh', exe='/usr/bin/bash',
   extra=[('EXECVE', 'argc=3 a0="/bin/bash" a1="/usr/local/bin/deploy.sh" '
           'a2="--prod"')], argv=['/bin/bash', 'deploy.sh'])


def proc(sc, a, succ='yes', ex='0', comm='bash', exe='/usr/bin/bash',
         key=None, uid=1001, extra=(), arch='x86_64', node=None, pid=4400):
    recs = [sysrec(sc, arch=arch, succ=succ, ex=ex, a=a, pid=pid, auid=1001,
                   uid=uid, gid=uid, ses=8, comm=comm, exe=exe, key=key)]
    recs += list(extra)
    recs.append(ptitle(comm))
    event(*recs, node=node)


proc('kill', ('1001', '9', '0', '0'), comm='kill', exe='/usr/bin/kill',
     key='"kill"', extra=[('OBJ_PID', 'opid=1001 oauid=1001 ouid=1001 '
                           'oses=8 obj=%s ocomm="sleep"' % SUBJ)])
proc('kill', ('1', 'f', '0', '0'), succ='no', ex='-1', comm='kill',
     exe='/usr/bin/kill', key='"kill"')
proc('tgkill', ('fa0', 'fa1', '6', '0'), comm='abort', exe='/usr/bin/abort')
proc('ptrace', ('10', '1001', '0', '0'), comm='gdb', exe='/usr/bin/gdb',
     key='"ptrace"', extra=[('OBJ_PID', 'opid=4097 oauid=1001 ouid=1001 '
                             'oses=8 obj=%s ocomm="prog"' % SUBJ)])
proc('ptrace', ('4206', '1', '0', '0'), succ='no', ex='-1', comm='strace',
     exe='/usr/bin/strace', key='"ptrace"')
proc('setuid', ('0', '0', '0', '0'), uid=0, comm='su', exe='/usr/bin/su')
proc('setresuid', ('3e9', '3e9', '3e9', '0'), uid=0, comm='sshd',
     exe='/usr/sbin/sshd')
proc('setgid', ('ffffffff', '0', '0', '0'), succ='no', ex='-1', comm='x',
     exe='/usr/bin/x')
proc('setresgid', ('3e9', 'ffffffff', 'ffffffff', '0'), uid=0, comm='sshd',
     exe='/usr/sbin/sshd')
proc('settimeofday', ('7ffd', '0', '0', '0'), uid=0, comm='date',
     exe='/usr/bin/date', key='"time"')
proc('sethostname', ('55d0', '4', '0', '0'), uid=0, comm='hostname',
     exe='/usr/bin/hostname', key='"system-locale"')
proc('sched_setscheduler', ('fa0', '1', '7ffd', '0'), uid=0, comm='chrt',
     exe='/usr/bin/chrt')
proc('mmap', ('0', '1000', '7', '22'), comm='jit', exe='/usr/bin/jit',
     extra=[('MMAP', 'fd=-1 flags=0x22')])
proc('clone', ('1200011', '0', '0', '7f'), ex='4500', comm='bash')
proc('unshare', ('10000000', '0', '0', '0'), comm='unshare',
     exe='/usr/bin/unshare')
proc('reboot', ('fee1dead', '28121969', '4321fedc', '0'), uid=0,
     comm='systemd-shutdow', exe='/usr/lib/systemd/systemd-shutdown')
proc('swapon', ('55d0', '0', '0', '0'), uid=0, comm='swapon',
     exe='/usr/sbin/swapon')
proc('personality', ('ffffffff', '0', '0', '0'), comm='setarch',
     exe='/usr/bin/setarch')

# sockets
S4 = '02000016C0A801010000000000000000'
S6 = '0A0001BB00000000200107F80000000000000000000000010000000000'


def net(sc, a, sa=None, succ='yes', ex='0', comm='nc', exe='/usr/bin/nc',
        key=None, uid=1001, arch='x86_64', node=None, extra=()):
    recs = [sysrec(sc, arch=arch, succ=succ, ex=ex, a=a, pid=4500, auid=1001,
                   uid=uid, gid=uid, ses=8, comm=comm, exe=exe, key=key)]
    if sa:
        recs.append(('SOCKADDR', 'saddr=' + sa))
    recs += list(extra)
    recs.append(ptitle(comm))
    event(*recs, node=node)


net('socket', ('2', '1', '6', '0'), ex='3', key='"net"')
net('socket', ('10', '3', '9', '0'), succ='no', ex='-93', comm='auditctl',
    exe='/usr/sbin/auditctl')
net('socket', ('11', '3', '300', '0'), ex='3', uid=0, comm='tcpdump',
    exe='/usr/sbin/tcpdump', key='"net"')
net('bind', ('3', '7ffd', '10', '0'), '020000500000000000000000000000000',
    uid=0, comm='nginx', exe='/usr/sbin/nginx', key='"net"')
net('bind', ('3', '7ffd', '1c', '0'), S6, succ='no', ex='-98',
    comm='python3', exe='/usr/bin/python3.11')
net('bind', ('3', '7ffd', '6e', '0'), '01002F72756E2F646F636B65722E736F636B00',
    uid=0, comm='dockerd', exe='/usr/bin/dockerd')
net('bind', ('3', '7ffd', 'c', '0'), '100000000000000000000000', uid=0,
    comm='systemd-udevd', exe='/usr/lib/systemd/systemd-udevd')
net('listen', ('3', '80', '0', '0'), uid=0, comm='nginx',
    exe='/usr/sbin/nginx', key='"net"')
net('accept', ('3', '7ffd', '7ffe', '0'), S4, ex='5', uid=0, comm='sshd',
    exe='/usr/sbin/sshd', key='"net"')
net('accept4', ('3', '7ffd', '7ffe', '80800'), S6, ex='6', uid=0,
    comm='sshd', exe='/usr/sbin/sshd')
net('accept4', ('3', '0', '0', '80800'), succ='no', ex='-11', uid=0,
    comm='sshd', exe='/usr/sbin/sshd')
net('connect', ('3', '7ffd', '10', '0'), S4, key='"net"')
net('connect', ('3', '7ffd', '1c', '0'), S6, succ='no', ex='-101')
net('sendto', ('3', '7ffd', '20', '0'), '0200003508080808' + '0' * 16,
    ex='32', comm='dig', exe='/usr/bin/dig')
net('recvfrom', ('3', '7ffd', '200', '0'), '0200003508080808' + '0' * 16,
    ex='64', comm='dig', exe='/usr/bin/dig')
net('sendmsg', ('3', '7ffd', '0', '0'), '100000000000000000000000', ex='40',
    uid=0, comm='ip', exe='/usr/sbin/ip')
net('connect', ('3', '7ffd', '10', '0'), '0200', succ='no', ex='-22',
    comm='odd', exe='/usr/bin/odd')

# 13. i386 (32-bit) events: socketcall, file syscalls, execve
fs('open', [path(0, '/etc/ld.so.cache', ino=3000)], ex='3',
   a=('f7f0', '80000', '0', '0'), comm='wine', exe='/usr/bin/wine',
   arch='i386', argv=['wine', 'app.exe'])
fs('openat', [path(0, '/etc/shadow', mode='0100000', ino=393296)],
   succ='no', ex='-13', a=('ffffff9c', 'f7f0', '0', '0'), comm='steam',
   exe='/opt/steam/steam', arch='i386', key='"shadow"', argv=['steam'])
fs('chown32', [path(0, '/tmp/x', ino=3001, ouid=1001, ogid=1001)],
   a=('f7f0', '0', '0', '0'), uid=0, comm='chown32', exe='/usr/bin/chown32',
   arch='i386', argv=['chown32'])
fs('unlink', [path(0, '/tmp/', mode='041777', ino=1, nametype='PARENT'),
              path(1, '/tmp/x', ino=3001, nametype='DELETE')],
   a=('f7f0', '0', '0', '0'), comm='rm32', exe='/usr/bin/rm32', arch='i386',
   key='"delete"', argv=['rm32', '/tmp/x'])
fs('execve', [path(0, '/usr/bin/wine', mode='0100755', ino=3002),
              path(1, '/lib/ld-linux.so.2', mode='0100755', ino=3003)],
   a=('f7f0', 'f7f1', 'f7f2', '0'), comm='wine', exe='/usr/bin/wine',
   arch='i386', extra=[('EXECVE', 'argc=2 a0="wine" a1="app.exe"')],
   argv=['wine', 'app.exe'], node='web1')
fs('mount', [path(0, '/mnt', mode='040755', ino=2)], succ='no', ex='-1',
   a=('f7f0', 'f7f1', 'f7f2', '0'), comm='mount32', exe='/usr/bin/mount32',
   arch='i386', argv=['mount32'])
net('socketcall', ('3', 'ffc0', '0', '0'), S4, comm='ping',
    exe='/usr/bin/ping', arch='i386', extra=[('SOCKETCALL', 'nargs=3 '
                                               'a0=3 a1=ffc0 a2=10')])
net('socketcall', ('1', 'ffc0', '0', '0'), ex='3', comm='ping',
    exe='/usr/bin/ping', arch='i386')
net('socketcall', ('2', 'ffc0', '0', '0'), '02000050000000000000000000000000',
    succ='no', ex='-13', comm='httpd32', exe='/usr/bin/httpd32', arch='i386')
proc('kill', ('1001', 'f', '0', '0'), comm='kill32', exe='/usr/bin/kill32',
     arch='i386')
proc('setuid32', ('0', '0', '0', '0'), uid=0, comm='su32',
     exe='/usr/bin/su32', arch='i386')
proc('ipc', ('15', '0', '0', '0'), comm='shm32', exe='/usr/bin/shm32',
     arch='i386', extra=[('IPC', 'ouid=1001 ogid=1001 mode=0600 '
                          'obj=%s' % SUBJ)])
proc('init_module', ('f7f0', '1000', 'f7f1', '0'), uid=0, comm='insmod32',
     exe='/usr/bin/insmod32', arch='i386', key='"modules"')

path_ = os.path.join(HERE, 'types.log')
with open(path_, 'w', encoding='latin-1', newline='\n') as f:
    f.write('\n'.join(out) + '\n')
