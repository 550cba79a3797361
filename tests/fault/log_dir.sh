#!/bin/sh
# tests/fault/log_dir.sh - the log's directory or file changed under a
# running auditd (disk_error_action SYSLOG): the directory removed,
# renamed, made immutable (read-only even for root: chattr +i on ext2),
# the log file made immutable, the log file replaced by a symlink; each
# then rotated (USR1) and, where logging stopped, resumed (USR2) once the
# directory is back. Ours and the reference's 3.0.9 daemon on the same
# steps, their messages compared; where they differ on purpose
# (docs/compat.md) the difference is pinned.
# Records lost: the marks made between the change and the resume that no
# log the admin can still open holds.
# KERNEL-TESTS.md: the kernel lock, backlog_wait_time 0, -b 8192, -f 1,
# one watch on a temp dir, everything restored on exit.
. "$(dirname "$0")/../lib/common.sh"
. "$TOP/tests/lib/fault.sh"

fault_begin log_dir
auditd_cleanup_more() {
	chattr -i "$MNT/log" "$MNT/log/audit.log" 2>/dev/null
	fault_cleanup
}
L=$MNT/log

# begin WHO NAME: a fresh disk, the daemon logging to $L/audit.log,
# "before" logged. 1 (reason in $C/why) when it did not come up.
begin() {
	C=$T_TMP/$2.$1
	mkdir -p "$C"
	disk_up && mkdir -p "$L" || { echo "no disk" >"$C/why"; return 1; }
	fconf "$C" "$L/audit.log" "disk_error_action = SYSLOG"
	if ! fstart "$1" "$C"; then
		echo "did not register: $(cat "$C/stderr")" >"$C/why"
		return 1
	fi
	mark before
	upto has_mark before "$L/audit.log" ||
		{ echo "before not logged" >"$C/why"; return 1; }
}
# end: the daemon stopped, $C/log the logs as left, the disk gone
end() {
	alive && echo yes >"$C/alive"
	fstop
	chattr -i "$L" "$L/audit.log" 2>/dev/null
	find "$MNT" -type f | sort >"$C/files"
	disk_down
}
# infd NAME: the daemon's open log (even unlinked) holds mark NAME
infd() {
	for _f in /proc/"$DPID"/fd/*; do
		case $(readlink "$_f") in
		*audit.log*) has_mark "$1" "$_f" && return 0 ;;
		esac
	done
	return 1
}
# msgs: the daemon's messages on logs and disks, in order
msgs() {
	grep -e 'log' -e 'disk' -e 'rotat' "$C/syslog" |
		grep -v -e 'parser called with' -e '^Init complete' -e '^The audit daemon is exiting'
}
REOPEN_FAIL='Could not reopen a log after rotating.'
RESUMED='Audit daemon resumed logging.'

# the directory removed: the open log (unlinked) takes the records until
# a rotation, which cannot make a new log; USR2 after mkdir resumes
gone() {
	begin "$1" gone || return 1
	rm -rf "$L"
	mark gone1
	upto infd gone1 || echo "gone1 not in the open log" >>"$C/why"
	relog gone2
}
# relog NAME: USR1 (the rotation cannot make a new log: suspended), mark
# NAME (lost), the directory made again, USR2, "after" logged there
relog() {
	kill -USR1 "$DPID"
	said_upto "$C/syslog" "$REOPEN_FAIL" 1 || echo "no reopen failure" >>"$C/why"
	mark "$1"
	mkdir "$L"
	kill -USR2 "$DPID"
	upto grep -q -s '^type=DAEMON_RESUME ' "$L/audit.log" || echo "no resume" >>"$C/why"
	mark after
	upto has_mark after "$L/audit.log" || echo "after not logged" >>"$C/why"
	end
}
# the directory renamed: the records go on to the renamed log (nothing
# lost) until a rotation, as for a removed one
moved() {
	begin "$1" moved || return 1
	mv "$L" "$L.old"
	mark moved1
	upto has_mark moved1 "$L.old/audit.log" || echo "moved1 not in the renamed log" >>"$C/why"
	relog moved2
}
# the directory immutable: appends go on, the rotation's rename fails
# (EPERM), the same log is opened again: nothing lost
rodir() {
	begin "$1" rodir || return 1
	chattr +i "$L"
	mark ro1
	kill -USR1 "$DPID"
	mark after
	upto has_mark after "$L/audit.log" || echo "after not logged" >>"$C/why"
	has_mark ro1 "$L/audit.log" || echo "ro1 lost" >>"$C/why"
	end
}
# the log file immutable: every write fails (EPERM), 5 warnings;
# mutable again, logging goes on by itself
rofile() {
	begin "$1" rofile || return 1
	chattr +i "$L/audit.log"
	w0=$(awk '$1=="syscw:"{print $2}' "/proc/$DPID/io")
	files r 4	# 20 records, 20 failed writes
	upto sh -c '[ "$(awk '\''$1=="syscw:"{print $2}'\'' "/proc/$0/io")" -ge "$1" ]' "$DPID" $((w0 + 20))
	chattr -i "$L/audit.log"
	mark after
	upto has_mark after "$L/audit.log" || echo "after not logged" >>"$C/why"
	end
}
# the log replaced by a symlink to a file of the victim's: the records go
# on to the moved log; a rotation moves the link aside and makes a new
# log; a restart finds the link among the rotated logs. The victim is
# never written; its mode is left alone by ours (docs/compat.md).
symlink() {
	begin "$1" symlink || return 1
	echo victim >"$T_TMP/victim"
	chmod 0644 "$T_TMP/victim"
	mv "$L/audit.log" "$L/moved.log"
	ln -s "$T_TMP/victim" "$L/audit.log"
	mark sym1
	upto has_mark sym1 "$L/moved.log" || echo "sym1 not in the moved log" >>"$C/why"
	kill -USR1 "$DPID"
	upto grep -q -s '^type=DAEMON_ROTATE ' "$L/audit.log" || echo "no rotation" >>"$C/why"
	mark after
	upto has_mark after "$L/audit.log" || echo "after not logged" >>"$C/why"
	[ -L "$L/audit.log.1" ] || echo "the link was not rotated" >>"$C/why"
	"$R" -e 0 >/dev/null
	"$R" -D >/dev/null
	auditd_stop
	syslog_down
	fstart "$1" "$C" || echo "no restart: $(cat "$C/stderr")" >>"$C/why"
	mark again
	upto has_mark again "$L/audit.log" || echo "again not logged" >>"$C/why"
	stat -c %a "$T_TMP/victim" >"$C/victim.mode"
	cat "$T_TMP/victim" >"$C/victim"
	end
}

REF=1
ref_have "$REF_AUDITD" || { skip log_dir_reference "no reference auditd"; REF=; }
for t in gone moved rodir rofile symlink; do
	for who in ours ${REF:+ref}; do
		$t $who
		C=$T_TMP/$t.$who
		if [ -n "$DPID" ]; then end; else syslog_down; disk_down; fi
		msgs >"$C/msgs"
		echo "$who $t: $(tr '\n' '|' <"$C/msgs")$([ "$t" = symlink ] && echo " victim mode $(cat "$C/victim.mode")")"
		[ -s "$C/alive" ] || echo "the daemon died" >>"$C/why"
		[ "$t" = symlink ] && [ "$(cat "$C/victim")" != victim ] &&
			echo "the victim was written" >>"$C/why"
		[ "$t" = symlink ] && [ $who = ours ] && [ "$(cat "$C/victim.mode")" != 644 ] &&
			echo "the victim's mode changed: $(cat "$C/victim.mode")" >>"$C/why"
		[ "$t" = rofile ] && [ "$(grep -c -F -x 'write: Audit daemon detected an error writing an event to disk (Operation not permitted)' "$C/msgs")" != 5 ] &&
			echo "not 5 write warnings" >>"$C/why"
		[ -s "$C/why" ] && fail "log_dir_${t}_$who" "$(tr '\n' '|' <"$C/why")" ||
			pass "log_dir_${t}_$who"
	done
	[ -n "$REF" ] || continue
	if diff "$T_TMP/$t.ref/msgs" "$T_TMP/$t.ours/msgs" >"$T_TMP/m.diff"; then
		pass "log_dir_${t}_same_messages_as_reference"
	else
		fail "log_dir_${t}_same_messages_as_reference" "$(tr '\n' '|' <"$T_TMP/m.diff")"
	fi
done
t_done
