#!/bin/sh
# scripts/init: the systemd unit passes `systemd-analyze verify` (its
# /sbin paths pointed at this build's links), the shell scripts parse,
# each runs auditd the way its supervisor needs (in the foreground where
# a supervisor restarts it) and loads the rules with augenrules.
# Supervision itself: tests/kernel/init_s6.sh.
. "$(dirname "$0")/../lib/common.sh"
I=$TOP/scripts/init
if command -v systemd-analyze >/dev/null; then
	mkdir -p "$T_TMP/unit"
	sed "s|/sbin/|$AB_BIN/|g" "$I/systemd/auditd.service" >"$T_TMP/unit/auditd.service"
	if systemd-analyze verify "$T_TMP/unit/auditd.service" >"$T_TMP/v" 2>&1; then
		pass init_systemd_verify
	else
		fail init_systemd_verify "$(head -3 "$T_TMP/v")"
	fi
else
	fail init_systemd_verify "no systemd-analyze"
fi
grep -qx 'ExecStart=/sbin/auditd' "$I/systemd/auditd.service" &&
grep -qx 'ExecStartPost=-/sbin/augenrules --load' "$I/systemd/auditd.service" &&
	pass init_systemd_lines || fail init_systemd_lines "ExecStart/ExecStartPost"
for s in openrc/auditd runit/auditd/run s6/auditd/run; do
	if sh -n "$I/$s" 2>"$T_TMP/e" && [ -x "$I/$s" ]; then
		pass "init_parses ($s)"
	else
		fail "init_parses ($s)" "$(cat "$T_TMP/e") (or not executable)"
	fi
done
for s in runit/auditd/run s6/auditd/run; do
	grep -qx 'exec /sbin/auditd -n' "$I/$s" && grep -q 'augenrules --load' "$I/$s" &&
		pass "init_foreground ($s)" || fail "init_foreground ($s)" "no exec auditd -n"
done
grep -q '^command_args="-n"' "$I/openrc/auditd" &&
grep -q '^supervisor=supervise-daemon' "$I/openrc/auditd" &&
	pass init_openrc_supervised || fail init_openrc_supervised "command_args/supervisor"
grep -qx '::respawn:/sbin/auditd -n' "$I/busybox/inittab" &&
	pass init_busybox_respawn || fail init_busybox_respawn "no respawn line"
t_done
