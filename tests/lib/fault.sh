# tests/lib/fault.sh - sourced by the fault tests (tests/fault/*.sh) after
# common.sh: a daemon (ours or the reference) on a config of the test's,
# its syslog messages caught, a workload of file creations under a watch,
# and waits on what the log holds (bounded, never a timed assertion).
#
# The reference auditd logs through syslog(3), to /dev/log, which this
# machine may not have: it runs in a mount namespace of its own whose
# /dev holds null, zero, urandom and a log that leads to the test's
# listener, and whose /run (its pid and state files) is a tmpfs.

REF_AUDITD=${REF_AUDITD:-/sbin/auditd}
export AUDITBOX_PIDFILE=$T_TMP/auditd.pid AUDITBOX_STATEFILE=$T_TMP/auditd.state
export AUDITBOX_SYSLOG_SOCKET=$T_TMP/syslog.sock
W=$T_TMP/w	# the watched directory of the workload

# fconf DIR LOG [key = value...]: DIR/auditd.conf logging to LOG, no
# plugins, no space actions unless the arguments say so.
fconf() {
	_d=$1 _l=$2
	shift 2
	mkdir -p "$_d/plugins"
	{
		echo "log_file = $_l"
		echo "flush = DATA"
		echo "plugin_dir = $_d/plugins"
		echo "num_logs = 3"
		echo "max_log_file = 100"
		echo "space_left = 2"
		echo "admin_space_left = 1"
		echo "space_left_action = IGNORE"
		echo "admin_space_left_action = IGNORE"
		echo "disk_full_action = IGNORE"
		for _kv in "$@"; do echo "$_kv"; done
	} >"$_d/auditd.conf"
	chmod 0640 "$_d/auditd.conf"
}

# fstart WHO DIR: our daemon (WHO=ours) or the reference's (WHO=ref) on
# DIR/auditd.conf (under umask $FUMASK, default 022), messages to
# DIR/syslog; until it is the audit pid, then a watch on $W and audit
# enabled. 1 when it did not register.
fstart() {
	syslog_up "$2/syslog"
	if [ "$1" = ref ]; then
		ref_dev
		(umask "${FUMASK:-022}"; exec unshare -m --propagation private sh -c '
			mount --bind "$1" /dev && mount -t tmpfs ref-run /run &&
			exec "$2" -n -c "$3"' sh "$T_TMP/refdev" "$REF_AUDITD" "$2") \
			2>"$2/stderr" 9>&- &
	else
		(umask "${FUMASK:-022}"; exec "$AB_BIN/auditd" -n -c "$2") \
			2>"$2/stderr" 9>&- &
	fi
	DPID=$!
	auditd_wait "$R" || return 1
	rm -rf "$W"
	mkdir -p "$W"
	"$R" -w "$W" -p wa -k KEY_fault >/dev/null
	"$R" -e 1 >/dev/null
}

# fstop: rules gone, the daemon stopped (TERM), the listener too. A
# daemon that died without giving the audit pid back (3.0.9 may abort at
# its exit after a failed reload: docs/compat.md) leaves the kernel
# naming it until it next sends; ours started and stopped takes it back.
fstop() {
	"$R" -e 0 >/dev/null
	"$R" -D >/dev/null
	_dp=$DPID
	[ -n "$DPID" ] && auditd_stop
	syslog_down
	if [ -n "$_dp" ] && [ "$("$R" -s | awk '$1=="pid"{print $2}')" = "$_dp" ]; then
		echo "fstop: pid $_dp still the audit pid after its end" >&2
		mkdir -p "$T_TMP/clear/plugins"
		fconf "$T_TMP/clear" "$T_TMP/clear/audit.log"
		"$AB_BIN/auditd" -n -s nochange -c "$T_TMP/clear" 2>/dev/null 9>&- &
		DPID=$!
		auditd_wait "$R"
		auditd_stop
	fi
}

# ref_dev: the reference's /dev (see above), made once.
ref_dev() {
	[ -d "$T_TMP/refdev" ] && return
	mkdir -p "$T_TMP/refdev"
	mknod "$T_TMP/refdev/null" c 1 3
	mknod "$T_TMP/refdev/zero" c 1 5
	mknod "$T_TMP/refdev/urandom" c 1 9
	mknod "$T_TMP/refdev/random" c 1 8
	chmod 0666 "$T_TMP/refdev/"*
	ln -s "$AUDITBOX_SYSLOG_SOCKET" "$T_TMP/refdev/log"
}

# mark NAME: one file creation in $W (one event whose PATH record names
# it); files NAME N: N of them, NAME1..NAMEN.
mark() { : >"$W/$1"; }
files() {
	_i=1
	while [ "$_i" -le "$2" ]; do
		: >"$W/$1$_i"
		_i=$((_i + 1))
	done
}

# logged LOGS... : the lines of the log files given (missing ones skipped)
logged() { cat "$@" 2>/dev/null; }
# inlog NAME LOGS...: how many PATH records name NAME
inlog() { _n=$1; shift; logged "$@" | grep -c "^type=PATH .* name=\"[^\"]*/$_n\""; }
# has_mark NAME LOGS...: the log holds the event of mark NAME
has_mark() { [ "$(inlog "$@")" -ge 1 ]; }
# said FILE MSG: how many lines of FILE (a syslog capture) are MSG
said() { grep -c -F -x -- "$2" "$1"; }
# said_upto FILE MSG N: until MSG was said N times (30 s at most)
said_upto() { upto sh -c '[ "$(grep -c -F -x -- "$2" "$1")" -ge "$3" ]' sh "$@"; }
alive() { kill -0 "$DPID" 2>/dev/null; }

# A 16 MiB ext2 on a loop device, mounted on $MNT (errors=continue: the
# file system stays writable through a failure). disk_up: a fresh one;
# disk_down: gone; eio_on / eio_off: the device fails from its 5th KiB on
# (it is shrunk to 4 KiB under the file system: EIO on every later block)
# / works again; fault_cleanup (from auditd_cleanup_more): all undone.
IMG=$T_TMP/disk.img
MNT=$T_TMP/disk
LOOP=
disk_up() {
	mkdir -p "$MNT"
	rm -f "$IMG"
	truncate -s 16M "$IMG" && mkfs.ext2 -q -F "$IMG" >/dev/null 2>&1 &&
		LOOP=$(losetup -f --show "$IMG") &&
		mount -o errors=continue "$LOOP" "$MNT"
}
disk_down() {
	umount "$MNT" 2>/dev/null
	[ -n "$LOOP" ] && losetup -d "$LOOP" 2>/dev/null
	LOOP=
}
eio_on() { truncate -s 4096 "$IMG" && losetup -c "$LOOP"; }
eio_off() { truncate -s 16M "$IMG" && losetup -c "$LOOP"; }
fault_cleanup() { disk_down; }
# disk_usable NAME: skip NAME (and end) without losetup, mkfs.ext2, a loop
disk_usable() {
	for _c in losetup mkfs.ext2 chattr unshare python3; do
		command -v $_c >/dev/null || { skip "$1" "no $_c"; t_done; }
	done
	if ! disk_up; then
		disk_down
		skip "$1" "cannot make an ext2 on a loop device"
		t_done
	fi
	disk_down
}
# fault_begin NAME: for a test on the loop disk: root, a kernel that
# answers, the disk tools (else skip NAME), then auditd_kernel_begin; on
# exit the disk is undone too.
fault_begin() {
	fault_kernel "$1"
	disk_usable "$1"
	auditd_kernel_begin "$1"
	auditd_cleanup_more() { fault_cleanup; }
}
# fault_kernel NAME: root and a kernel that answers, else skip NAME
# (a failure under AUDITBOX_REQUIRE_KERNEL=1) and end.
fault_kernel() {
	T_KERNEL=1
	R=$REF_AUDITCTL
	if ! _why=$(kernel_usable); then
		skip "$1" "$_why"
		t_done
	fi
}
