#!/bin/sh
# Load the host forbids: an unscoped `-S all` rule (only the daemon
# itself excluded, so that its own writes do not feed it) while a shell
# loop runs: the daemon keeps up, nothing is lost, every exec of the
# load is in the log, and it stops cleanly.
. "$(dirname "$0")/../lib/common.sh"
. "$TOP/tests/vm/lib/vm.sh"
vm_usable load

vm_boot unscoped "" <<'GUEST'
auditd
check auditd_starts "$?" 0
P=$(cat /var/run/auditd.pid)
auditctl -b 8192 >/dev/null
auditctl -a never,exit -F arch=b64 -F pid="$P"
auditctl -a always,exit -F arch=b64 -S all -k all
check rules "$(auditctl -l | tr '\n' '|')" "-a never,exit -F arch=b64 -S all -F pid=$P|-a always,exit -F arch=b64 -S all -F key=all|"
i=0
while [ $i -lt 50 ]; do
	auditctl -v >/dev/null
	ls / >/dev/null
	i=$((i + 1))
done
check nothing_lost "$(status lost)" 0
# The search itself would be logged and feed the log it reads: the rule
# goes first.
auditctl -D >/dev/null
# (busybox may run its applets without an exec: ours are counted)
execs() { ausearch -k all -c auditctl -sc execve 2>/dev/null | grep -c '^type=SYSCALL'; }
found() { [ "$(execs)" -ge 50 ]; }
if wait_for 30 found; then pass execs_logged; else fail execs_logged "$(execs) execs of auditctl found"; fi
check auditd_not_logged "$(ausearch -p "$P" -k all 2>/dev/null | grep -c '^type=SYSCALL')" 0
kill -TERM "$P"
gone() { ! kill -0 "$P" 2>/dev/null; }
if wait_for 60 gone; then pass stopped; else fail stopped "still running"; fi
check unregistered "$(status pid)" 0
check daemon_end "$(grep -c '^type=DAEMON_END' /var/log/audit/audit.log)" 1
GUEST

t_done
