#!/bin/sh
# tests/fault/disk_error.sh - write errors (EIO) under auditd, through
# each disk_error_action a test may run: SYSLOG, SUSPEND (then USR2),
# IGNORE; ours and the reference's 3.0.9 daemon on the same fault, their
# messages compared. (EXEC, SINGLE and HALT are never run for real:
# KERNEL-TESTS.md; their logic is unit tested.)
#
# The fault: the log is on an ext2 file system on a loop device, and the
# loop device is shrunk under it to its first 4 KiB (truncate + losetup
# -c): every later block write fails with EIO, as a dying disk does. This
# kernel has no device-mapper (no error or flakey target), so the loop
# device is the one block device whose failure we can command. Growing
# it back ends the fault. flush = DATA: each record is written through,
# so each write meets the error at once (no page cache in between).
#
# Records lost: the workload's events made while the device fails, not
# found in the log afterwards.
# KERNEL-TESTS.md: the kernel lock, backlog_wait_time 0, -b 8192, -f 1,
# one watch on a temp dir, everything restored on exit.
. "$(dirname "$0")/../lib/common.sh"
. "$TOP/tests/lib/fault.sh"

fault_begin disk_error

# run WHO ACTION: a daemon logging on the failing disk with
# disk_error_action ACTION; "before" is logged, the device fails, 8
# events (e1..e8) meet the failure, 3 more (s1..s3) come after it, the
# device works again (USR2 for SUSPEND), "after" is logged. Leaves
# $C/syslog, $C/log (the log as left), $C/alive; the reason of a failure
# in $C/why.
run() {
	C=$T_TMP/$1.$2
	mkdir -p "$C"
	disk_up || { echo "no disk" >"$C/why"; return 1; }
	fconf "$C" "$MNT/audit.log" "disk_error_action = $2"
	fstart "$1" "$C" || { echo "did not register: $(cat "$C/stderr") $(tail -3 "$C/syslog" | tr "\n" "|")" >"$C/why"; return 1; }
	mark before
	upto has_mark before "$MNT/audit.log" || { echo "before not logged" >"$C/why"; return 1; }
	eio_on
	w0=$(syscw)
	files e 8
	# until the daemon met the error: each of the 40 records (5 an
	# event) a write of its own (flush = DATA), or the suspend said
	case $2 in
	SUSPEND) said_upto "$C/syslog" "$SUSP_MSG" 1 && upto backlog0 ;;
	*) upto wrote $((w0 + 40)) ;;
	esac
	files s 3
	case $2 in
	SUSPEND) upto backlog0 ;;
	*) upto wrote $((w0 + 55)) ;;
	esac
	eio_off
	if [ "$2" = SUSPEND ]; then
		kill -USR2 "$DPID"
		upto grep -q '^type=DAEMON_RESUME ' "$MNT/audit.log"
	fi
	mark after
	upto has_mark after "$MNT/audit.log"
	alive && echo yes >"$C/alive"
	fstop
	logged "$MNT/audit.log" >"$C/log"
	disk_down
}
# syscw: the daemon's write(2) calls so far; wrote N: at least N
syscw() { awk '$1=="syscw:"{print $2}' "/proc/$DPID/io"; }
wrote() { [ "$(syscw)" -ge "$1" ]; }
# backlog0: the kernel holds no record back (all went to the daemon)
backlog0() { [ "$("$R" -s | awk '$1=="backlog"{print $2}')" = 0 ]; }

EIO_MSG='write: Audit daemon detected an error writing an event to disk (Input/output error)'
SUSP_MSG='Audit daemon is suspending logging due to previously mentioned write error'
RESUME_MSGS='Audit daemon is attempting to resume logging.
Audit daemon resumed logging.'

# lost DIR: the events e1..e8 and s1..s3 not in DIR/log
lost() {
	_n=0
	for f in e1 e2 e3 e4 e5 e6 e7 e8 s1 s2 s3; do
		has_mark "$f" "$1/log" || _n=$((_n + 1))
	done
	echo $_n
}
# msgs DIR: its disk messages, in order, one per line
msgs() { grep -e 'disk' -e 'logging' -e 'write error' "$1/syslog"; }
# parses DIR: every line of its log is a whole record (ours ausearch)
parses() {
	"$AB_BIN/ausearch" -if "$1/log" --format raw >/dev/null 2>"$1/as.err" ||
		[ ! -s "$1/as.err" ]
	! grep -v -q -E '^type=[A-Z_]+ msg=audit\([0-9]+\.[0-9]+:[0-9]+\): ' "$1/log"
}

REF=1
ref_have "$REF_AUDITD" || { skip disk_error_reference "no reference auditd"; REF=; }
for act in SYSLOG SUSPEND IGNORE; do
	for who in ours ${REF:+ref}; do
		if ! run $who $act; then
			fail "disk_error_${act}_$who" "$(cat "$C/why")"
			fstop 2>/dev/null
			disk_down
			continue
		fi
		C=$T_TMP/$who.$act
		echo "$who $act: lost $(lost "$C") of 11, $(wc -l <"$C/log") lines, said: $(msgs "$C" | sort | uniq -c | tr '\n' '|')"
		ok=1
		[ -s "$C/alive" ] || { ok=0; echo "died" >>"$C/why"; }
		has_mark after "$C/log" || { ok=0; echo "after lost" >>"$C/why"; }
		parses "$C" || { ok=0; echo "unparsable: $(grep -v -E '^type=[A-Z_]+ msg=audit\([0-9]+\.[0-9]+:[0-9]+\): ' "$C/log" | head -2 | od -c | head -5)" >>"$C/why"; }
		case $act in
		SYSLOG)	# 5 warnings at most, logging goes on
			[ "$(said "$C/syslog" "$EIO_MSG")" = 5 ] || ok=0 ;;
		SUSPEND) # once; closed, reopened by USR2; what came meanwhile lost
			[ "$(said "$C/syslog" "$SUSP_MSG")" = 1 ] || ok=0
			[ "$(grep -c -F -x "$RESUME_MSGS" "$C/syslog")" = 2 ] || ok=0
			grep -q '^type=DAEMON_RESUME ' "$C/log" || ok=0
			has_mark s1 "$C/log" && ok=0 ;;
		IGNORE) [ -z "$(msgs "$C")" ] || ok=0 ;;
		esac
		[ $ok = 1 ] && pass "disk_error_${act}_$who" ||
			fail "disk_error_${act}_$who" "$(cat "$C/why" 2>/dev/null | tr '\n' '|') $(msgs "$C" | tr '\n' '|') $(tail -3 "$C/stderr")"
	done
	if [ -n "$REF" ] && [ -f "$T_TMP/ref.$act/syslog" ] && [ -f "$T_TMP/ours.$act/syslog" ]; then
		msgs "$T_TMP/ref.$act" >"$T_TMP/m.ref"
		msgs "$T_TMP/ours.$act" >"$T_TMP/m.ours"
		diff "$T_TMP/m.ref" "$T_TMP/m.ours" >"$T_TMP/m.diff" &&
			pass "disk_error_${act}_same_messages_as_reference" ||
			fail "disk_error_${act}_same_messages_as_reference" "$(tr '\n' '|' <"$T_TMP/m.diff")"
	fi
done
t_done
