#!/bin/sh
# busybox init (PID 1) supervises auditd with the shipped inittab lines
# (scripts/init/busybox/inittab): auditd starts on a bare root, the
# rules of /etc/audit/rules.d are loaded, a SIGKILLed auditd is started
# again (a second DAEMON_START, the kernel's audit pid the new one); with
# the respawn line removed and init told (SIGHUP), init stops it for good
# (DAEMON_END, audit pid 0).
. "$(dirname "$0")/../lib/common.sh"
. "$TOP/tests/vm/lib/vm.sh"
vm_usable init_busybox

R=$T_TMP/vm-init_busybox/root
mkdir -p "$R/etc/audit/rules.d"
printf -- '-D\n-w /tmp/w -p wa -k KEY_init\n' >"$R/etc/audit/rules.d/10-init.rules"
grep -v '^#' "$TOP/scripts/init/busybox/inittab" >"$R/etc/inittab"
echo '::once:/bin/sh /check' >>"$R/etc/inittab"
cat >"$R/check" <<'CHECK'
. /lib/t.sh
check init_is_pid1 "$(cat /proc/1/comm)" init
up() { [ "$(status pid)" != 0 ] && [ -n "$(status pid)" ]; }
if wait_for 30 up; then pass auditd_started; else fail auditd_started "audit pid $(status pid)"; fi
P1=$(status pid)
rules() { auditctl -l | grep -q KEY_init; }
if wait_for 30 rules; then pass rules_loaded; else fail rules_loaded "$(auditctl -l)"; fi
kill -KILL "$P1"
again() { _p=$(status pid); [ -n "$_p" ] && [ "$_p" != 0 ] && [ "$_p" != "$P1" ]; }
if wait_for 30 again; then pass respawned; else fail respawned "audit pid $(status pid)"; fi
P2=$(status pid)
starts() { [ "$(grep -c '^type=DAEMON_START' /var/log/audit/audit.log)" = 2 ]; }
if wait_for 30 starts; then pass two_starts; else fail two_starts "$(grep -c DAEMON_START /var/log/audit/audit.log)"; fi
# stop for good: the respawn line out and init told (SIGHUP): busybox
# init sends a TERM to what a removed line started
sed -i '/respawn/d' /etc/inittab
kill -HUP 1
gone() { ! kill -0 "$P2" 2>/dev/null; }
if wait_for 30 gone; then pass stopped; else fail stopped "still running"; fi
check unregistered "$(status pid)" 0
check daemon_end "$(grep -c '^type=DAEMON_END' /var/log/audit/audit.log)" 1
t_end
CHECK
vm_boot init_busybox "" <<'GUEST'
touch /tmp/w
exec /bin/init
GUEST
t_done
