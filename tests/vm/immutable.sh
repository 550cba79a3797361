#!/bin/sh
# -e 2, the immutable kernel (never on the host): once locked, every
# change is refused, and ours says it as the reference does: the same
# stdout, stderr and exit status as Debian's auditctl 3.0.9 (run in the
# guest from /ref) for each command. The rules and settings stay as they
# were; reading still works; auditd still starts and logs.
. "$(dirname "$0")/../lib/common.sh"
. "$TOP/tests/vm/lib/vm.sh"
vm_usable immutable
if [ ! -x /sbin/auditctl ]; then
	skip immutable "the reference auditctl is not installed"
	t_done
fi
vm_ref "$T_TMP/vm-immutable/root"
mkdir -p "$T_TMP/vm-immutable/root/etc"
printf '%s\n' '-w /tmp/w -p wa -k late' >"$T_TMP/vm-immutable/root/etc/late.rules"

vm_boot immutable "" <<'GUEST'
expect ref_runs 0 "auditctl version 3.0.9" "" -- /ref/auditctl -v
mkdir -p /tmp/w
auditctl -b 320 >/dev/null
auditctl -f 1 >/dev/null
auditctl -w /etc -p wa -k etc
auditctl -a always,exit -F arch=b64 -S unlink -S unlinkat -F dir=/tmp/w -k gone
auditctl -l >/tmp/rules.before
run auditctl -e 2
check lock "$RC $(awk '$1=="enabled"{print $2}' /tmp/out)" "0 2"
check locked "$(status enabled)" 2

same e0 -e 0
same e1 -e 1
same e2 -e 2
same f0 -f 0
same f2 -f 2
same b -b 100
same r -r 10
same bwt --backlog_wait_time 0
same D -D
same add_watch -w /tmp/w -p wa -k new
same del_watch -W /etc -p wa -k etc
same add_syscall -a always,exit -F arch=b64 -S open -F dir=/tmp/w
same del_syscall -d always,exit -F arch=b64 -S unlink -S unlinkat -F dir=/tmp/w -k gone
# -R says it to syslog: both say the same there.
syslogd -n -O /tmp/messages &
SL=$!
wait_for 10 test -S /dev/log
same add_file -R /etc/late.rules
both() { [ "$(grep -c 'auditctl: .*immutable' /tmp/messages)" -ge 2 ]; }
wait_for 10 both
check add_file_syslog "$(grep 'auditctl: ' /tmp/messages | sed 's/.*auditctl: //' | sort | uniq -c)" "      2 The audit system is in immutable mode, no rule changes allowed"
kill $SL
same loginuid_immutable --loginuid-immutable
same list -l
same list_interp -l -i
check rules_kept "$(auditctl -l)" "$(cat /tmp/rules.before)"
check settings_kept "$(status enabled) $(status backlog_limit) $(status failure)" "2 320 1"

# The daemon on a locked kernel: registers, leaves enabled alone, logs.
auditd -n >/dev/null 2>&1 &
P=$!
registered() { [ "$(status pid)" = "$P" ]; }
if wait_for 30 registered; then pass auditd_registers; else fail auditd_registers "not registered"; fi
check auditd_leaves_lock "$(status enabled)" 2
touch /tmp/w/f
rm /tmp/w/f
found() { ausearch -k gone -f /tmp/w/f >/dev/null 2>&1; }
if wait_for 30 found; then pass auditd_logs; else fail auditd_logs "no unlink event"; fi
kill -TERM "$P"
gone() { ! kill -0 "$P" 2>/dev/null; }
wait_for 30 gone
check auditd_stops "$(status pid)" 0
GUEST
t_done
