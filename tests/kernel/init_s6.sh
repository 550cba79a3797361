#!/bin/sh
# s6 supervises auditd (scripts/init/s6/auditd, paths pointed at this
# build and a scratch config): s6-svscan starts it, the rules of its
# rules.d are loaded, it is restarted after a SIGKILL (a new DAEMON_START,
# the kernel's audit pid the new one), and `s6-svc -d` stops it cleanly
# (DAEMON_END, audit pid 0).
. "$(dirname "$0")/../lib/common.sh"
if ! command -v s6-svscan >/dev/null || ! command -v s6-svc >/dev/null; then
	T_KERNEL=1
	skip init_s6 "no s6 (apt-get install s6)"
	t_done
fi
SCAN=$T_TMP/scan SV=
auditd_cleanup_more() {
	[ -n "$SV" ] && s6-svscanctl -t "$SCAN" 2>/dev/null
	[ -n "$SV" ] && { sleep 1; kill "$SV" 2>/dev/null; wait "$SV" 2>/dev/null; }
	:
}
auditd_kernel_begin init_s6

C=$T_TMP/conf L=$T_TMP/log
mkdir -p "$C/plugins" "$L" "$T_TMP/rules.d" "$SCAN/auditd"
cat >"$C/auditd.conf" <<CONF
log_file = $L/audit.log
log_format = RAW
flush = INCREMENTAL_ASYNC
freq = 20
space_left = 2
admin_space_left = 1
plugin_dir = $C/plugins
CONF
touch "$T_TMP/watched"
printf -- '-D\n-w %s -p wa -k KEY_s6\n' "$T_TMP/watched" >"$T_TMP/rules.d/10.rules"
# the shipped run script, its paths pointed here
sed -e "s|^exec /sbin/auditd -n|exec $AB_BIN/auditd -n -c $C|" \
    -e "s|augenrules --load|augenrules --load --rules-dir $T_TMP/rules.d --rules-file $T_TMP/audit.rules|" \
    "$TOP/scripts/init/s6/auditd/run" >"$SCAN/auditd/run"
chmod 755 "$SCAN/auditd/run"
grep -q "exec $AB_BIN/auditd -n -c" "$SCAN/auditd/run" &&
	pass init_s6_run_script || fail init_s6_run_script "the run script's exec line changed"

kpid() { "$R" -s | awk '$1 == "pid" { print $2 }'; }
svpid() { s6-svstat -p "$SCAN/auditd" 2>/dev/null; }
# until CMD prints something other than "0", "-1" or nothing (10 s)
until_up() {
	_i=0
	while [ $_i -lt 100 ]; do
		_v=$("$@")
		case $_v in ''|0|-1) ;; *) echo "$_v"; return 0 ;; esac
		sleep 0.1
		_i=$((_i + 1))
	done
	return 1
}
PATH=$AB_BIN:$PATH s6-svscan "$SCAN" </dev/null >/dev/null 2>&1 9>&- &
SV=$!
P1=$(until_up svpid)
up() { [ "$(kpid)" = "$P1" ]; }
_i=0; while ! up && [ $_i -lt 100 ]; do sleep 0.1; _i=$((_i + 1)); done
up && pass init_s6_starts || fail init_s6_starts "kernel pid $(kpid), s6 pid $P1"
rules() { "$R" -l | grep -c KEY_s6; }
_i=0; while [ "$(rules)" != 1 ] && [ $_i -lt 100 ]; do sleep 0.1; _i=$((_i + 1)); done
[ "$(rules)" = 1 ] && pass init_s6_rules_loaded || fail init_s6_rules_loaded "$("$R" -l)"

kill -KILL "$P1"
new() { _p=$(svpid); [ -n "$_p" ] && [ "$_p" != "$P1" ] && [ "$_p" != 0 ] && [ "$_p" != -1 ] && [ "$(kpid)" = "$_p" ]; }
_i=0; while ! new && [ $_i -lt 100 ]; do sleep 0.1; _i=$((_i + 1)); done
P2=$(svpid)
new && pass "init_s6_restarted ($P1 -> $P2)" || fail init_s6_restarted "s6 pid $P2, kernel pid $(kpid)"
starts() { grep -c '^type=DAEMON_START' "$L/audit.log"; }
_i=0; while [ "$(starts)" -lt 2 ] && [ $_i -lt 100 ]; do sleep 0.1; _i=$((_i + 1)); done
[ "$(starts)" = 2 ] && pass init_s6_two_starts || fail init_s6_two_starts "$(starts) DAEMON_START"

s6-svc -wd -T 10000 -d "$SCAN/auditd"
down() { [ "$(svpid)" = -1 ] || [ "$(svpid)" = 0 ]; }
down && pass init_s6_stopped || fail init_s6_stopped "s6 pid $(svpid)"
[ "$(kpid)" = 0 ] && pass init_s6_unregistered || fail init_s6_unregistered "kernel pid $(kpid)"
[ "$(grep -c '^type=DAEMON_END' "$L/audit.log")" = 1 ] && pass init_s6_daemon_end ||
	fail init_s6_daemon_end "$(grep -c '^type=DAEMON_END' "$L/audit.log") DAEMON_END"
t_done
