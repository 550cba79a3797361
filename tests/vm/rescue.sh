#!/bin/sh
# The rescue-shell boot: a bare busybox root (no /etc, /var or /run) on a
# stock kernel, and the quick start's story in it: auditd on built-in
# defaults (it makes its pid file's and log's directories and says so),
# rules from /etc/audit/rules.d by augenrules --load, an event made and
# found with ausearch -i and reported by aureport, auditctl -s, a clean
# stop.
. "$(dirname "$0")/../lib/common.sh"
. "$TOP/tests/vm/lib/vm.sh"
vm_usable rescue

mkdir -p "$T_TMP/vm-rescue/root/etc/audit/rules.d"
cat >"$T_TMP/vm-rescue/root/etc/audit/rules.d/10-base.rules" <<'R'
-D
-b 8192
-f 1
--backlog_wait_time 0
R
cat >"$T_TMP/vm-rescue/root/etc/audit/rules.d/30-pwd.rules" <<'R'
-w /etc/passwd -p wa -k KEY_pwd
R
echo 'root:x:0:0:root:/root:/bin/sh' >"$T_TMP/vm-rescue/root/etc/passwd"
echo 'root:x:0:' >"$T_TMP/vm-rescue/root/etc/group"

vm_boot rescue "" <<'GUEST'
check bare_root "$(ls -d /var /run /etc/audit/auditd.conf 2>/dev/null)" ""
# auditd's notes go to syslog: a syslogd to read them.
syslogd -n -O /tmp/messages &
SL=$!
wait_for 10 test -S /dev/log
check links_relative "$(readlink /sbin/auditctl)" auditbox
check status_before "$(status enabled) $(status pid)" "0 0"

run auditd
check auditd_starts "$RC $(cat /tmp/err)" "0 "
wait_for 10 test -s /var/run/auditd.pid
P=$(cat /var/run/auditd.pid 2>/dev/null)
check pidfile "$(status pid)" "$P"
check enabled "$(status enabled)" 1
check pid_dir_mode "$(stat -c %a /var/run)" 755
check log_dir_mode "$(stat -c %a /var/log/audit)" 700
check log_mode "$(stat -c %a /var/log/audit/audit.log)" 600
wait_for 10 grep -q 'Init complete' /tmp/messages
check said_log_dir "$(grep -c 'Created directory /var/log/audit (mode 0700) for the audit log' /tmp/messages)" 1
check said_pid_dir "$(grep -c 'Created directory /var/run (mode 0755) for the pid file' /tmp/messages)" 1

run augenrules --load
check augenrules_load "$RC" 0
check rules_listed "$(auditctl -l)" "-w /etc/passwd -p wa -k KEY_pwd"
check rules_file "$(grep -c KEY_pwd /etc/audit/audit.rules)" 1
check backlog "$(status backlog_limit)" 8192

chmod 644 /etc/passwd
found() { ausearch -i -k KEY_pwd >/tmp/found 2>/dev/null && grep -q 'syscall=.*chmod' /tmp/found; }
if wait_for 30 found; then pass event_found; else fail event_found "$(cat /tmp/found)"; fi
check event_syscall "$(grep -c 'syscall=.*chmod' /tmp/found)" 1
check event_name "$(grep -c 'name=/etc/passwd' /tmp/found)" 1
check event_key "$(grep -c 'key=KEY_pwd' /tmp/found)" 2

# aureport over the same log: the events ausearch found, by key and file
NEV=$(grep -c '^----' /tmp/found)
run aureport -k --summary
check aureport_key_summary "$RC $(awk '$2 == "KEY_pwd" { print $1 }' /tmp/out)" "0 $NEV"
run aureport -f -i
check aureport_file "$RC $(grep -c '^[0-9]*\. .* /etc/passwd .* yes ' /tmp/out)" "0 1"
run aureport
check aureport_summary "$RC $(grep -c '^Number of keys: 1$' /tmp/out)" "0 1"
run aureport -t
check aureport_log_range "$RC $(grep -c '^/var/log/audit/audit.log: [0-9/]* [0-9:.]* - ' /tmp/out)" "0 1"

# A second daemon cannot take the audit pid: it aborts, the first stays.
run env AUDITBOX_PIDFILE= auditd -f
check second_refused "$RC $(status pid)" "1 $P"
check second_says "$(grep -c 'Unable to set audit pid, exiting' /tmp/err)" 1
check second_abort_record "$(grep -c '^type=DAEMON_ABORT msg=audit([0-9.:]*): op=set-pid ' /tmp/out)" 1

kill -TERM "$P"
gone() { ! kill -0 "$P" 2>/dev/null; }
if wait_for 30 gone; then pass stopped; else fail stopped "still running"; fi
check pidfile_removed "$(ls /var/run/auditd.pid 2>/dev/null)" ""
check status_after "$(status pid)" 0
check daemon_end "$(grep -c 'type=DAEMON_END' /var/log/audit/audit.log)" 1
check daemon_start "$(grep -c 'type=DAEMON_START' /var/log/audit/audit.log)" 1
kill "$SL"
GUEST
t_done
