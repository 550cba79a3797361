#!/bin/sh
# Links that work inside an image, and auditd on a read-only bare root.
# The base image's links were made on the host as an image builder makes
# them (tests/vm/lib/vm.sh): relative ones by `auditbox --install` of the
# binary in its own directory, /usr/sbin's with a TARGET. In the guest:
# --install elsewhere (absolute), into a tree then used by chroot
# (relative and TARGET); then / read-only: auditd runs without a pid
# file and says so, and without -f refuses a log it cannot make.
. "$(dirname "$0")/../lib/common.sh"
. "$TOP/tests/vm/lib/vm.sh"
vm_usable image

vm_boot image "" <<'GUEST'
V="auditctl version 3.0.9"
check sbin_link "$(readlink /sbin/auditctl)" auditbox
check usr_sbin_link "$(readlink /usr/sbin/ausearch)" /sbin/auditbox
expect sbin_runs 0 "$V" "" -- /sbin/auditctl -v
expect usr_sbin_runs 0 "$V" "" -- /usr/sbin/auditctl -v
expect install_elsewhere 0 "" "" -- auditbox --install /tmp/abs
check install_elsewhere_link "$(readlink /tmp/abs/auditctl)" /sbin/auditbox
mkdir -p /tmp/img/sbin
cp /sbin/auditbox /tmp/img/sbin/
expect install_own_dir 0 "" "" -- /tmp/img/sbin/auditbox --install /tmp/img/sbin
check install_own_dir_link "$(readlink /tmp/img/sbin/auditd)" auditbox
expect install_target 0 "" "" -- auditbox --install /tmp/img/usr/bin /sbin/auditbox
check install_target_link "$(readlink /tmp/img/usr/bin/ausearch)" /sbin/auditbox
mv /tmp/img /tmp/img2
expect chroot_relative 0 "$V" "" -- chroot /tmp/img2 /sbin/auditctl -v
expect chroot_target 0 "$V" "" -- chroot /tmp/img2 /usr/bin/auditctl -v

# A read-only root: no pid file can be made.
mount -o remount,ro /
if touch /x 2>/dev/null; then fail root_readonly "/ is writable"; else pass root_readonly; fi
auditd -f -s nochange >/tmp/flog 2>/tmp/ferr &
P=$!
registered() { [ "$(status pid)" = "$P" ]; }
if wait_for 30 registered; then pass ro_registered; else fail ro_registered "$(cat /tmp/ferr)"; fi
check ro_no_pidfile "$(grep -c 'Unable to make /var/run/auditd.pid (Read-only file system), running without a pid file' /tmp/ferr)" 1
kill -TERM "$P"
wait "$P"
check ro_stopped "$? $(status pid)" "0 0"
check ro_log_stdout "$(grep -c 'type=DAEMON_START' /tmp/flog)" 1
run auditd -n -s nochange
check ro_no_log_dir "$RC" 1
check ro_unregistered "$(status pid)" 0
GUEST
t_done
