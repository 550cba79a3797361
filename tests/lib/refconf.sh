# tests/lib/refconf.sh - sourced by the scripts that run the reference
# auditd to write a corpus (tests/data/logs/gen-real.sh,
# tests/data/damaged/gen-enriched.sh).
#
# refconf DIR FORMAT: writes DIR/auditd.conf (mode 0640) for a daemon that
# logs to DIR/audit.log in FORMAT (RAW or ENRICHED), plugins from
# DIR/plugins, every space and disk action harmless, no rotation.
refconf() {
	cat >"$1/auditd.conf" <<CONF
local_events = yes
write_logs = yes
log_file = $1/audit.log
log_format = $2
flush = DATA
freq = 0
num_logs = 0
max_log_file = 0
max_log_file_action = IGNORE
space_left = 2
space_left_action = IGNORE
admin_space_left = 1
admin_space_left_action = IGNORE
disk_full_action = IGNORE
disk_error_action = SYSLOG
name_format = NONE
priority_boost = 0
plugin_dir = $1/plugins
end_of_event_timeout = 2
CONF
	chmod 0640 "$1/auditd.conf"
}
