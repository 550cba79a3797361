#!/bin/sh
# The kernel's audit boot parameters, one boot each (never on the host):
#   audit=0: no audit netlink at all; ours says what the reference says.
#   audit=1: enabled from boot, and the records of before the daemon are
#     held back: auditd started first thing in /init logs them (the
#     kernel's own "initialized" record, a user message sent before it).
#   audit_backlog_limit=N: the limit seen by both auditctls.
. "$(dirname "$0")/../lib/common.sh"
. "$TOP/tests/vm/lib/vm.sh"
vm_usable bootparams
if [ ! -x /sbin/auditctl ]; then
	skip bootparams "the reference auditctl is not installed"
	t_done
fi
for n in audit0 audit1 backlog; do
	vm_ref "$T_TMP/vm-$n/root"
done

vm_boot audit1 "audit=1" <<'GUEST'
# Before anything else: a user record, then the daemon.
auditctl -m "before the daemon" 2>/tmp/merr
auditd
check auditd_starts "$?" 0
P=$(cat /var/run/auditd.pid)
check registered "$(status pid)" "$P"
check enabled "$(status enabled)" 1
L=/var/log/audit/audit.log
held() { grep -q "^type=USER msg=audit([0-9.:]*): .*msg='text=before the daemon " $L; }
if wait_for 30 held; then pass held_user_record; else fail held_user_record "$(cat /tmp/merr; head -5 $L)"; fi
check held_kernel_record "$(grep -c '^type=KERNEL msg=audit([0-9.]*:1): state=initialized audit_enabled=1 res=1' $L)" 1
# The held records come after the daemon's start, in their order.
check held_order "$(grep -o -e DAEMON_START -e 'state=initialized' -e 'before the daemon' $L | tr '\n' ,)" "DAEMON_START,state=initialized,before the daemon,"
check nothing_lost "$(status lost)" 0
kill -TERM "$P"
gone() { ! kill -0 "$P" 2>/dev/null; }
wait_for 30 gone
check stopped "$(status pid)" 0
GUEST

vm_boot audit0 "audit=0" <<'GUEST'
same status -s
same list -l
same enable -e 1
same watch -w /tmp -p wa
run auditd -n
check auditd_refused "$RC" 1
GUEST

vm_boot backlog "audit_backlog_limit=5555" <<'GUEST'
check backlog_limit "$(status backlog_limit)" 5555
check ref_backlog_limit "$(/ref/auditctl -s | awk '$1 == "backlog_limit" { print $2 }')" 5555
check enabled_default "$(status enabled)" 0
GUEST
t_done
