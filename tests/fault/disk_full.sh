#!/bin/sh
# tests/fault/disk_full.sh - a full small file system (a 3 MiB tmpfs)
# under our auditd, one run per space action: space_left_action ignore,
# syslog, rotate, email (no sendmail: "not supported"), suspend;
# admin_space_left_action suspend and resume (USR2); disk_full_action
# ignore, suspend, rotate; max_log_file_action keep_logs until the disk
# is full. exec, single and halt are never run for real (KERNEL-TESTS.md;
# their logic is unit tested). Messages are read from a datagram socket
# (AUDITBOX_SYSLOG_SOCKET), the state from SIGCONT reports.
# KERNEL-TESTS.md: kernel lock, backlog_wait_time 0, -b 8192, -f 1, one
# watch on a temp dir, everything restored by t_cleanup_hook.
. "$(dirname "$0")/../lib/common.sh"
T_KERNEL=1
R=$REF_AUDITCTL

if ! why=$(kernel_usable); then
	skip auditd_space "$why"
	t_done
fi
MNT=$T_TMP/small
mkdir -p "$MNT"
if ! mount -t tmpfs -o size=3m auditbox-space "$MNT" 2>/dev/null; then
	skip auditd_space "cannot mount a tmpfs"
	t_done
fi
umount "$MNT"
auditd_kernel_begin auditd_space
auditd_cleanup_more() { umount "$MNT" 2>/dev/null; }
export AUDITBOX_PIDFILE=$T_TMP/auditd.pid AUDITBOX_STATEFILE=$T_TMP/auditd.state
export AUDITBOX_SYSLOG_SOCKET=$T_TMP/syslog.sock
W=$T_TMP/w

# run NAME WORKLOAD [key = value...]: a fresh tmpfs, a syslog listener,
# our auditd -n logging there, WORKLOAD file creations under a watch,
# a state report; leaves $C/syslog, $C/state, $C/ls.
run() {
	name=$1 n=$2
	shift 2
	C=$T_TMP/$name
	mkdir -p "$C/plugins"
	mount -t tmpfs -o size=3m auditbox-space "$MNT" || return 1
	{
		echo "log_file = $MNT/audit.log"
		echo "flush = INCREMENTAL_ASYNC"
		echo "freq = 50"
		echo "plugin_dir = $C/plugins"
		echo "space_left = 2"
		echo "admin_space_left = 1"
		echo "space_left_action = IGNORE"
		echo "admin_space_left_action = IGNORE"
		echo "disk_full_action = IGNORE"
		echo "disk_error_action = SYSLOG"
		echo "max_log_file = 100"
		echo "num_logs = 2"
		for kv in "$@"; do echo "$kv"; done
	} >"$C/auditd.conf"
	chmod 0640 "$C/auditd.conf"
	syslog_up "$C/syslog"
	"$AB_BIN/auditd" -n -c "$C" 2>"$C/stderr" &
	DPID=$!
	auditd_wait "$R"
	rm -rf "$W"; mkdir -p "$W"
	"$R" -w "$W" -p wa -k KEY_sp >/dev/null
	"$R" -e 1 >/dev/null
	sh -c 'i=0; while [ $i -lt '"$n"' ]; do : > "$0/f$i"; i=$((i + 1)); done' "$W"
	sleep 0.5
	"$R" -e 0 >/dev/null
	kill -CONT "$DPID"
	sleep 0.3
	cp "$AUDITBOX_STATEFILE" "$C/state" 2>/dev/null
	ls "$MNT" >"$C/ls"
	df -k "$MNT" | awk 'NR==2 {print $4}' >"$C/avail"
}

# finish: stop the daemon and the listener, unmount.
finish() {
	"$R" -D >/dev/null
	auditd_stop
	sleep 0.2
	syslog_down
	umount "$MNT"
}

alive() { kill -0 "$DPID" 2>/dev/null; }
said() { grep -c -F -x "$1" "$C/syslog"; }
# why: the last messages and the state, for a failure
why() { echo "$(tail -6 "$C/syslog" | tr '\n' '|') $(grep -e suspended -e performed "$C/state" | tr '\n' '|') $*"; }
state() { grep -q -F -x "$1" "$C/state"; }

FULL='Audit daemon has no space left on logging partition'
LOW='Audit daemon is low on disk space for logging'
ROT='Audit daemon rotating log files'

# ignore everywhere: the disk fills, the daemon goes on (and says so once)
run ignore 6000
alive && [ "$(said "$FULL")" = 1 ] && [ "$(said "$LOW")" = 0 ] &&
	state 'logging suspended = no' && [ "$(cat "$C/avail")" -lt 100 ] &&
	pass auditd_space_ignore || fail auditd_space_ignore "$(why "$(cat "$C/ls" | tr '\n' ' ')")"
finish

# space_left_action syslog: said once; disk full then suspends
run syslog 6000 "space_left_action = SYSLOG" "disk_full_action = SUSPEND"
[ "$(said "$LOW")" = 1 ] && state 'file system space action performed = yes' &&
	[ "$(said 'Audit daemon is suspending logging due to no space left on logging partition.')" = 1 ] &&
	state 'logging suspended = yes' &&
	pass auditd_space_left_syslog_disk_full_suspend ||
	fail auditd_space_left_syslog_disk_full_suspend "$(why "$(cat "$C/ls" | tr '\n' ' ')")"
finish

# space_left_action rotate
run rotate 1500 "space_left_action = ROTATE"
[ "$(said "$ROT")" -ge 1 ] && grep -q -x audit.log.1 "$C/ls" &&
	pass auditd_space_left_rotate || fail auditd_space_left_rotate "$(why "$(cat "$C/ls" | tr '\n' ' ')")"
finish

# space_left_action email without a mail program: a clear message
run email 1500 "space_left_action = EMAIL"
if [ -x /usr/lib/sendmail ]; then
	skip auditd_space_left_email_not_supported "/usr/lib/sendmail exists here"
else
	[ "$(said 'email action is not supported here: /usr/lib/sendmail is not executable')" = 1 ] &&
		[ "$(said "$LOW")" = 1 ] && alive &&
		pass auditd_space_left_email_not_supported ||
		fail auditd_space_left_email_not_supported "$(why "$(cat "$C/ls" | tr '\n' ' ')")"
fi
finish

# space_left_action suspend, then USR2 resumes
run suspend 1500 "space_left_action = SUSPEND"
sz1=$(stat -c %s "$MNT/audit.log")
kill -USR2 "$DPID"
sleep 0.3
sz2=$(stat -c %s "$MNT/audit.log")
# resumed, then (space still low) suspended again at the next check
[ "$(said 'Audit daemon is suspending logging due to low disk space.')" = 2 ] &&
	state 'logging suspended = yes' && [ "$sz2" -gt "$sz1" ] &&
	[ "$(said 'Audit daemon is attempting to resume logging.')" = 1 ] &&
	grep -q DAEMON_RESUME "$MNT/audit.log" &&
	pass auditd_space_left_suspend_resume ||
	fail auditd_space_left_suspend_resume "$(why "$(cat "$C/ls" | tr '\n' ' ')")"
finish

# admin_space_left_action suspend (space_left warned first)
run admin 6000 "space_left_action = SYSLOG" "admin_space_left_action = SUSPEND"
[ "$(said "$LOW")" = 1 ] &&
	[ "$(said 'Audit daemon is suspending logging due to low disk space.')" = 1 ] &&
	state 'admin space action performed = yes' && state 'logging suspended = yes' &&
	[ "$(said "$FULL")" = 0 ] &&
	pass auditd_admin_space_left_suspend || fail auditd_admin_space_left_suspend "$(why "$(cat "$C/ls" | tr '\n' ' ')")"
finish

# disk_full_action rotate (num_logs 2)
run fullrot 6000 "disk_full_action = ROTATE"
[ "$(said "$FULL")" -ge 1 ] && [ "$(said "$ROT")" -ge 1 ] && grep -q -x audit.log.1 "$C/ls" && alive &&
	pass auditd_disk_full_rotate || fail auditd_disk_full_rotate "$(why "$(cat "$C/ls" | tr '\n' ' ')")"
finish

# keep_logs at 1 MiB until the disk is full, then suspend
run keep 6000 "max_log_file = 1" "max_log_file_action = KEEP_LOGS" "disk_full_action = SUSPEND"
[ "$(said 'Audit daemon rotating log files with keep option')" -ge 2 ] &&
	grep -q -x audit.log.2 "$C/ls" && state 'logging suspended = yes' &&
	pass auditd_keep_logs_until_full || fail auditd_keep_logs_until_full "$(why "$(cat "$C/ls" | tr '\n' ' ')")"
finish

# percentages: space_left 50% of 3 MiB
run pct 1500 "space_left = 50%" "admin_space_left = 10%" "space_left_action = SYSLOG"
[ "$(said "$LOW")" = 1 ] && pass auditd_space_left_percent || fail auditd_space_left_percent "$(why "$(cat "$C/ls" | tr '\n' ' ')")"
finish
t_done
