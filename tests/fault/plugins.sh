#!/bin/sh
# tests/fault/plugins.sh - plugins that fail under a running auditd: one
# that exits at once, one that closes its stdin and lives on, one that
# floods its stderr (a pipe nobody reads, so it blocks there): logging
# never stops, a dead plugin is restarted max_restarts times then left
# stopped, a plugin that stopped reading is ended (not left behind, as
# 3.0.9 leaves it: docs/compat.md). A plugin that crashes after reading
# and one that never reads (queue overflow) are in
# tests/kernel/auditd_plugins.sh.
# Records lost: none from the log (the plugins' loss is by design).
# KERNEL-TESTS.md: the kernel lock, backlog_wait_time 0, -b 8192, -f 1,
# one watch on a temp dir, every plugin pid ended on exit.
. "$(dirname "$0")/../lib/common.sh"
. "$TOP/tests/lib/fault.sh"

fault_kernel plugins_faults
P=$T_TMP/plug
mkdir -p "$P"
# each plugin notes its pid in P/pids (ended on exit, whatever happened)
cat >"$P/atonce" <<EOF
#!/bin/sh
echo \$\$ >>$P/pids
exit 0
EOF
cat >"$P/nostdin" <<EOF
#!/bin/sh
echo \$\$ >>$P/pids
exec 0<&-
exec sleep 1000
EOF
cat >"$P/flood" <<EOF
#!/bin/sh
echo \$\$ >>$P/pids
cat >/dev/null &
echo \$! >>$P/pids
exec yes flood-flood-flood >&2
EOF
chmod 0750 "$P"/*
auditd_kernel_begin plugins_faults
auditd_cleanup_more() {
	[ -f "$P/pids" ] && kill $(cat "$P/pids") 2>/dev/null
	exec 3>&- 2>/dev/null
}

# run NAME PLUGIN [key = value...]: our daemon with PLUGIN, events until
# the messages say it is left stopped (or 40 rounds), then "after".
run() {
	C=$T_TMP/$1
	_p=$2
	shift 2
	mkdir -p "$C/log"
	fconf "$C" "$C/log/audit.log" "flush = INCREMENTAL_ASYNC" "freq = 20" "$@"
	printf 'active = yes\ndirection = out\npath = %s\ntype = always\nformat = string\n' \
		"$P/$_p" >"$C/plugins/p.conf"
	chmod 0640 "$C/plugins/p.conf"
	fstart ours "$C" || { echo "no start: $(cat "$C/stderr")" >"$C/why"; return 1; }
}
# rounds N NAME: N rounds of one event each, NAME1..NAMEN, each waited for
# in the log (a dead plugin is found at the next record written to it)
rounds() {
	_i=1
	while [ $_i -le "$1" ]; do
		mark "$2$_i"
		upto has_mark "$2$_i" "$C/log/audit.log" || { echo "$2$_i not logged" >>"$C/why"; return 1; }
		_i=$((_i + 1))
	done
}
count() { grep -c -F -- "$1" "$C/syslog"; }
alive_pids() { for _q in $(cat "$P/pids"); do kill -0 "$_q" 2>/dev/null && echo "$_q"; done; }

# exits at once: terminated, restarted max_restarts (3) times, then left
# stopped; logging goes on
run atonce atonce "max_restarts = 3"
rounds 12 a
a=$(count "plugin $P/atonce terminated unexpectedly")
b=$(count "plugin $P/atonce was restarted")
c=$(count "plugin $P/atonce has exceeded max_restarts")
s=$(wc -l <"$P/pids")
fstop
[ ! -s "$C/why" ] && [ "$a $b $c $s" = "4 3 1 4" ] && pass plugins_exits_at_once_max_restarts ||
	fail plugins_exits_at_once_max_restarts "terminated $a, restarted $b, exceeded $c, started $s: $(cat "$C/why" 2>/dev/null)"
rm -f "$P/pids"

# closes its stdin and lives on: taken as dead (EPIPE), ended, restarted
# (max_restarts 2), none left running
run nostdin nostdin "max_restarts = 2"
rounds 10 n
a=$(count "plugin $P/nostdin terminated unexpectedly")
c=$(count "plugin $P/nostdin has exceeded max_restarts")
upto sh -c '[ -z "$(for q in $(cat "$0"); do kill -0 $q 2>/dev/null && echo $q; done)" ]' "$P/pids"
left=$(alive_pids | wc -l)
fstop
[ ! -s "$C/why" ] && [ "$a $c $left" = "3 1 0" ] && pass plugins_closed_stdin_ended ||
	fail plugins_closed_stdin_ended "terminated $a, exceeded $c, still running $left: $(cat "$C/why" 2>/dev/null)"
kill $(cat "$P/pids") 2>/dev/null
rm -f "$P/pids"

# floods its stderr into a pipe nobody reads (blocks there, stops
# reading): the log goes on; auditd -n's own stderr is that pipe too
rm -f "$T_TMP/fifo"
mkfifo "$T_TMP/fifo"
exec 3<>"$T_TMP/fifo"	# held open, never read
C=$T_TMP/flood
mkdir -p "$C/log"
fconf "$C" "$C/log/audit.log" "flush = INCREMENTAL_ASYNC" "freq = 20"
printf 'active = yes\ndirection = out\npath = %s\ntype = always\nformat = string\n' \
	"$P/flood" >"$C/plugins/p.conf"
chmod 0640 "$C/plugins/p.conf"
syslog_up "$C/syslog"
"$AB_BIN/auditd" -n -c "$C" 2>"$T_TMP/fifo" 9>&- &
DPID=$!
if auditd_wait "$R"; then
	rm -rf "$W"; mkdir -p "$W"
	"$R" -w "$W" -p wa -k KEY_fault >/dev/null
	"$R" -e 1 >/dev/null
	files f 300	# more than the pipe's 64 KiB of stderr could hide
	rounds 3 g
else
	echo "no start" >"$C/why"
fi
fstop
exec 3>&-
[ ! -s "$C/why" ] && [ "$(inlog f300 "$C/log/audit.log")" = 1 ] && pass plugins_stderr_flood_logging_goes_on ||
	fail plugins_stderr_flood_logging_goes_on "$(cat "$C/why" 2>/dev/null)"
t_done
