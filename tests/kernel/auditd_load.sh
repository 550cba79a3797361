#!/bin/sh
# tests/kernel/auditd_load.sh - our auditd under load (issue 8): nothing
# it feeds or waits on may stall the netlink reader. One process opens a
# watched file a fixed number of times as fast as it can (about 4
# records an open), with the reference's default flush
# (INCREMENTAL_ASYNC, freq 50); in the same test:
#  - no plugin: the base line (records written, the kernel's lost delta);
#  - a plugin that never reads its stdin, one that crashes after a few
#    records (restarted up to max_restarts), and the builtin syslog
#    plugin with no syslog daemon to take its datagrams: each loses no
#    more than the base line + 10 points (the old code lost 88 % with
#    the first, 11 to 26 % with the last);
#  - a syslog daemon that never reads (a private /dev/log): auditd's own
#    messages never hold it up (syslog(3) would block on them);
#  - a plugin that stops reading and starts again gets records again;
#  - INCREMENTAL_ASYNC on a file system whose device fills beneath it (an
#    ext4 image on a loop device over a 16 MiB tmpfs): writes succeed,
#    the background fdatasync fails, and that error reaches the disk
#    actions (suspend), while the daemon goes on answering.
# Bounds are on fractions of the same workload measured here, never on
# time. KERNEL-TESTS.md: kernel lock, backlog_wait_time 0, -b 8192,
# -f 1, one watch on a temp dir, everything restored by t_cleanup_hook.
. "$(dirname "$0")/../lib/common.sh"
OPENS=${AUDITBOX_LOAD_OPENS:-60000}
auditd_kernel_begin auditd_load
LOOP= LOSS= SAID= MNT=$T_TMP/dev DEV=$T_TMP/full
auditd_cleanup_more() {
	[ -f "$T_TMP/deaf/listener" ] && kill "$(cat "$T_TMP/deaf/listener")" 2>/dev/null
	mountpoint -q "$MNT" && umount "$MNT"
	[ -n "$LOOP" ] && losetup -d "$LOOP"
	mountpoint -q "$DEV" && umount "$DEV"
}
export AUDITBOX_PIDFILE=$T_TMP/auditd.pid AUDITBOX_STATEFILE=$T_TMP/auditd.state
export AUDITBOX_SYSLOG_SOCKET=$T_TMP/syslog.sock
W=$T_TMP/w
mkdir -p "$W" && echo x >"$W/f"
P=$T_TMP/plug		# plugin programs: root-owned, 0750
mkdir -p "$P"
printf '#!/bin/sh\nexec sleep 100000\n' >"$P/hang"
printf '#!/bin/sh\nhead -n 50 >/dev/null\nexit 3\n' >"$P/crash"
# late: reads nothing until FILE.go exists, then everything into FILE
printf '#!/bin/sh\nwhile [ ! -e "$1.go" ]; do sleep 0.1; done\nexec cat >"$1"\n' >"$P/late"
chmod 0750 "$P"/*

# conf DIR LOG [key = value...]
conf() {
	d=$1 l=$2
	shift 2
	rm -rf "$d"
	mkdir -p "$d/plugins"
	{
		echo "log_file = $l"
		echo "log_format = RAW"
		echo "flush = INCREMENTAL_ASYNC"
		echo "freq = 50"
		echo "num_logs = 5"
		echo "max_log_file = 1000"
		echo "max_log_file_action = ROTATE"
		echo "plugin_dir = $d/plugins"
		echo "q_depth = 2000"
		echo "overflow_action = SYSLOG"
		echo "max_restarts = 3"
		echo "space_left = 2"
		echo "admin_space_left = 1"
		for kv in "$@"; do echo "$kv"; done
	} >"$d/auditd.conf"
	chmod 0640 "$d/auditd.conf"
}

# plugin DIR NAME PATH ARG
plugin() {
	printf 'active = yes\ndirection = out\npath = %s\ntype = always\nargs = %s\nformat = string\n' \
		"$3" "$4" >"$1/plugins/$2.conf"
	chmod 0640 "$1/plugins/$2.conf"
}

lost() { "$R" -s | awk '$1=="lost"{print $2}'; }

# stop_bounded: TERM to $DPID; KILL if it has not ended in 5 s (a daemon
# stuck in a blocking call does not read its signals)
stop_bounded() {
	kill -TERM "$DPID" 2>/dev/null
	_i=0
	while kill -0 "$DPID" 2>/dev/null && [ $_i -lt 50 ]; do
		sleep 0.1; _i=$((_i + 1))
	done
	kill -KILL "$DPID" 2>/dev/null
	wait "$DPID" 2>/dev/null
	DPID=
}

# load N KEY: N opens of the watched file by one process, rule keyed KEY
load() {
	"$R" -w "$W" -p r -k "$2" >/dev/null
	"$R" -e 1 >/dev/null
	python3 -c '
import os, sys
p, n = sys.argv[1], int(sys.argv[2])
for _ in range(n):
    os.close(os.open(p, os.O_RDONLY))' "$W/f" "$1"
	"$R" -e 0 >/dev/null
	"$R" -D >/dev/null
}

# settle FILES...: until the files stop growing (0.5 s; 60 s at most)
settle() {
	s0=-1 i=0
	while [ $i -lt 120 ]; do
		sleep 0.5
		s1=$(cat "$@" 2>/dev/null | wc -c)
		[ "$s1" = "$s0" ] && return 0
		s0=$s1 i=$((i + 1))
	done
	return 1
}

# measure NAME: one run in $T_TMP/NAME (conf and plugins already there);
# sets LOSS (per mille of the workload's records) and SAID. The daemon's
# messages go to a listener, except for sysl: there, no syslog daemon.
measure() {
	D=$T_TMP/$1
	if [ "$1" = sysl ]; then
		AUDITBOX_SYSLOG_SOCKET=$T_TMP/nobody.sock
		: >"$D/syslog"
	else
		AUDITBOX_SYSLOG_SOCKET=$T_TMP/syslog.sock
		syslog_up "$D/syslog"
	fi
	"$AB_BIN/auditd" -n -c "$D" 2>"$D/stderr" &
	DPID=$!
	if ! auditd_wait "$R"; then
		fail "auditd_load_$1" "no start: $(head -2 "$D/stderr") $(tail -2 "$D/syslog" | tr '\n' '|')"
		syslog_down
		LOSS=
		return 1
	fi
	l0=$(lost)
	load "$OPENS" KL
	l1=$(lost)
	settle "$D"/log/audit.log*
	auditd_stop
	syslog_down
	n=$(cat "$D"/log/audit.log* | grep -c -v 'type=DAEMON_')
	LOSS=$(( (l1 - l0) * 1000 / (l1 - l0 + n + 1) ))
	SAID="$n written, $((l1 - l0)) lost"
}

# ---- base line, hanging plugin, crashing plugin ----
conf "$T_TMP/none" "$T_TMP/none/log/audit.log"
mkdir -p "$T_TMP/none/log"
measure none
base=$LOSS base_said=$SAID
for kind in hang crash sysl; do
	conf "$T_TMP/$kind" "$T_TMP/$kind/log/audit.log"
	mkdir -p "$T_TMP/$kind/log"
	if [ "$kind" = sysl ]; then
		printf 'active = yes\ndirection = out\npath = builtin_syslog\ntype = builtin\nargs = LOG_INFO\nformat = string\n' \
			>"$T_TMP/$kind/plugins/p.conf"
		chmod 0640 "$T_TMP/$kind/plugins/p.conf"
	else
		plugin "$T_TMP/$kind" p "$P/$kind" x
	fi
	measure "$kind" || continue
	if [ -n "$base" ] && [ "$LOSS" -le $((base + 100)) ]; then
		pass "auditd_load_${kind}_plugin_costs_nothing ($SAID; without: $base_said)"
	else
		fail "auditd_load_${kind}_plugin_costs_nothing" \
			"lost ${LOSS}/1000 ($SAID) against ${base}/1000 without ($base_said)"
	fi
done
AUDITBOX_SYSLOG_SOCKET=$T_TMP/syslog.sock
c=$(grep -c 'crash has exceeded max_restarts' "$T_TMP/crash/syslog")
[ "$c" = 1 ] && pass auditd_load_crash_max_restarts ||
	fail auditd_load_crash_max_restarts "$(grep plugin "$T_TMP/crash/syslog" | tr '\n' '|')"

# ---- a syslog daemon that never reads: auditd's own messages ----
# In a mount namespace of its own, /dev is a tmpfs whose /dev/log is a
# socket nobody reads (the host's /dev is not touched): the daemon's
# messages (dozens at start, the overflow reports of a plugin that never
# reads) fill its queue; none may hold up logging.
D=$T_TMP/deaf
conf "$D" "$D/log/audit.log"
mkdir -p "$D/log"
plugin "$D" p "$P/hang" x
cat >"$D/run.sh" <<EOF
mount -t tmpfs deaf /dev || exit 3
mknod -m 666 /dev/null c 1 3
python3 -c 'import socket, time; s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM); s.bind("/dev/log"); time.sleep(300)' &
echo \$! >"$D/listener"
i=0; while [ ! -S /dev/log ] && [ \$i -lt 50 ]; do sleep 0.1; i=\$((i + 1)); done
unset AUDITBOX_SYSLOG_SOCKET
exec "$AB_BIN/auditd" -n -c "$D" 2>"$D/stderr"
EOF
unshare -m --propagation private sh "$D/run.sh" 9>&- &
UPID=$!
DPID=$UPID
if auditd_wait "$R"; then
	l0=$(lost)
	load "$OPENS" KD
	l1=$(lost)
	settle "$D/log/audit.log"
	kill -CONT "$DPID"
	i=0
	while ! grep -q 'plugin queue overflow detected = yes' "$AUDITBOX_STATEFILE" 2>/dev/null &&
		[ $i -lt 50 ]; do
		sleep 0.1; i=$((i + 1))
	done
	stop_bounded
	n=$(grep -c -v 'type=DAEMON_' "$D/log/audit.log")
	LOSS=$(( (l1 - l0) * 1000 / (l1 - l0 + n + 1) ))
	if [ -n "$base" ] && [ "$LOSS" -le $((base + 100)) ] &&
		grep -q -x 'plugin queue overflow detected = yes' "$AUDITBOX_STATEFILE"; then
		pass "auditd_load_deaf_syslog_costs_nothing ($n written, $((l1 - l0)) lost)"
	else
		fail auditd_load_deaf_syslog_costs_nothing \
			"lost ${LOSS}/1000 ($n written) against ${base}/1000; $(grep overflow "$AUDITBOX_STATEFILE" 2>&1)"
	fi
	rm -f "$AUDITBOX_STATEFILE"
else
	fail auditd_load_deaf_syslog_costs_nothing "no start: $(head -2 "$D/stderr" 2>&1)"
	stop_bounded
fi
kill "$(cat "$D/listener")" 2>/dev/null

# ---- a plugin that stops reading, then reads again ----
D=$T_TMP/late
conf "$D" "$D/log/audit.log"
mkdir -p "$D/log"
plugin "$D" late "$P/late" "$D/got"
syslog_up "$D/syslog"
"$AB_BIN/auditd" -n -c "$D" 2>"$D/stderr" &
DPID=$!
if auditd_wait "$R"; then
	load 20000 KA		# far more than q_depth: the queue overflows
	settle "$D/log/audit.log"
	: >"$D/got.go"
	i=0
	while [ "$(cat "$D/got" 2>/dev/null | wc -l)" -lt 2000 ] && [ $i -lt 100 ]; do
		sleep 0.1; i=$((i + 1))
	done
	load 200 KB
	i=0
	while ! grep -q 'key="KB"' "$D/got" 2>/dev/null && [ $i -lt 100 ]; do
		sleep 0.1; i=$((i + 1))
	done
	a=$(grep -c 'key="KA"' "$D/got") b=$(grep -c 'key="KB"' "$D/got")
	o=$(grep -c 'queue to plugins is full' "$D/syslog")
	auditd_stop
	k=$(grep -c 'key="KB"' "$D/log/audit.log")
	if [ "$a" -gt 0 ] && [ "$b" = 200 ] && [ "$k" = 200 ] && [ "$o" -ge 1 ]; then
		pass auditd_load_plugin_reads_again
	else
		fail auditd_load_plugin_reads_again "before $a, after $b of 200 (log $k), overflow notes $o"
	fi
else
	fail auditd_load_plugin_reads_again "no start: $(head -2 "$D/stderr")"
fi
syslog_down

# ---- INCREMENTAL_ASYNC on a device that fills beneath the file system ----
mkdir -p "$DEV" "$MNT"
if mount -t tmpfs -o size=16m auditbox-full "$DEV" &&
	truncate -s 256M "$DEV/img" && LOOP=$(losetup -f --show "$DEV/img") &&
	mkfs.ext4 -q -O ^has_journal "$LOOP" && mount "$LOOP" "$MNT"; then
	D=$T_TMP/async
	conf "$D" "$MNT/audit.log" "disk_full_action = SUSPEND" \
		"disk_error_action = SUSPEND"
	syslog_up "$D/syslog"
	"$AB_BIN/auditd" -n -c "$D" 2>"$D/stderr" &
	DPID=$!
	if auditd_wait "$R"; then
		load "$OPENS" KF
		i=0
		while ! grep -q 'suspending logging' "$D/syslog" && [ $i -lt 100 ]; do
			sleep 0.1; i=$((i + 1))
		done
		kill -CONT "$DPID"
		i=0
		while ! grep -q 'logging suspended' "$AUDITBOX_STATEFILE" 2>/dev/null && [ $i -lt 50 ]; do
			sleep 0.1; i=$((i + 1))
		done
		# ENOSPC from the device: disk_full_action; another error
		# (EIO on other kernels): disk_error_action
		if grep -q -e 'suspending logging due to previously mentioned write error' \
			-e 'suspending logging due to no space left on logging partition' "$D/syslog" &&
			grep -q -x 'logging suspended = yes' "$AUDITBOX_STATEFILE" &&
			kill -0 "$DPID"; then
			pass auditd_load_async_sync_error_reaches_disk_action
		else
			fail auditd_load_async_sync_error_reaches_disk_action \
				"$(tail -4 "$D/syslog" | tr '\n' '|') $(grep suspended "$AUDITBOX_STATEFILE")"
		fi
		auditd_stop
	else
		fail auditd_load_async_sync_error_reaches_disk_action "no start: $(head -2 "$D/stderr")"
	fi
	syslog_down
	rm -f "$AUDITBOX_STATEFILE"
else
	fail auditd_load_async_sync_error_reaches_disk_action "cannot make the loop device over a small tmpfs"
fi
t_done
