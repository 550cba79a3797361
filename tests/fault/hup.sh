#!/bin/sh
# tests/fault/hup.sh - SIGHUP with an auditd.conf that must not load: an
# unknown keyword, a bad value, space_left below admin_space_left, the
# file made world-writable, owned by another user, replaced by a
# symlink. Each time the old config stays in force (the records go on to
# the old log_file, not the one the broken file names) and the daemon
# says what the reference's 3.0.9 daemon says on the same HUP (their
# syslog messages compared line for line).
# Records lost: none.
# KERNEL-TESTS.md: the kernel lock, backlog_wait_time 0, -b 8192, -f 1,
# one watch on a temp dir, everything restored on exit.
. "$(dirname "$0")/../lib/common.sh"
. "$TOP/tests/lib/fault.sh"

fault_kernel hup
auditd_kernel_begin hup

# broken KIND DIR: DIR/auditd.conf changed so that it must not load (and
# naming another log_file); prints the message the daemon must give
broken() {
	_c=$2/auditd.conf
	fconf "$2" "$2/log2/audit.log"
	case $1 in
	keyword) echo "bogus_key = 1" >>"$_c" ;;
	value) echo "flush = SOMETIMES" >>"$_c" ;;
	space) echo "space_left = 1" >>"$_c"; echo "admin_space_left = 5" >>"$_c" ;;
	world) chmod 0646 "$_c" ;;
	owner) chown 65534 "$_c" ;;
	symlink) mv "$_c" "$2/real.conf"; ln -s "$2/real.conf" "$_c" ;;
	esac
}

# run WHO KIND: the daemon on DIR/log1, a HUP with a broken config,
# its answer awaited (DAEMON_CONFIG for ours, for the reference its
# message), "after" must be in log1; $C/msgs its messages
run() {
	C=$T_TMP/$2.$1
	mkdir -p "$C/log1" "$C/log2"
	fconf "$C" "$C/log1/audit.log"
	fstart "$1" "$C" || { echo "no start: $(cat "$C/stderr")" >"$C/why"; return 1; }
	broken "$2" "$C"
	wc -l <"$C/syslog" >"$C/hup.at"	# the start's messages before
	kill -HUP "$DPID"
	# the reload is over once its last word is out: ours logs
	# DAEMON_CONFIG; 3.0.9 logs nothing (docs/compat.md), its messages
	# are awaited instead
	if [ "$1" = ours ]; then
		upto grep -q '^type=DAEMON_CONFIG .*state=no-change' "$C/log1/audit.log" ||
			echo "no DAEMON_CONFIG" >>"$C/why"
	else
		upto sh -c '[ -s "$0/syslog" ] && [ "$(grep -c -v -e "^Init complete" -e "^Started dispatcher" "$0/syslog")" -ge 1 ]' "$C" ||
			echo "said nothing" >>"$C/why"
	fi
	mark after
	upto has_mark after "$C/log1/audit.log" || echo "after not in the old log" >>"$C/why"
	[ -e "$C/log2/audit.log" ] && echo "the broken config's log was made" >>"$C/why"
	alive || echo "died" >>"$C/why"
	fstop
	# the HUP's messages (the start's are said in another order by
	# 3.0.9, which starts its dispatcher first)
	tail -n +$(($(cat "$C/hup.at") + 1)) "$C/syslog" |
		grep -v -e '^The audit daemon is exiting' | sed "s|$C/|DIR/|g" >"$C/msgs"
}

REF=1
ref_have "$REF_AUDITD" || { skip hup_reference "no reference auditd"; REF=; }
for k in keyword value space world owner symlink; do
	for who in ours ${REF:+ref}; do
		run $who $k
		C=$T_TMP/$k.$who
		[ -s "$C/why" ] && fail "hup_${k}_$who" "$(tr '\n' '|' <"$C/why")" ||
			pass "hup_${k}_$who"
	done
	[ -n "$REF" ] || continue
	if diff "$T_TMP/$k.ref/msgs" "$T_TMP/$k.ours/msgs" >"$T_TMP/m.diff"; then
		pass "hup_${k}_same_messages_as_reference ($(tr '\n' '|' <"$T_TMP/$k.ours/msgs"))"
	else
		fail "hup_${k}_same_messages_as_reference" "ref: $(tr '\n' '|' <"$T_TMP/$k.ref/msgs") ours: $(tr '\n' '|' <"$T_TMP/$k.ours/msgs")"
	fi
done
t_done
