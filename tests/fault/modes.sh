#!/bin/sh
# tests/fault/modes.sh - the modes and groups of what auditd makes: the
# log directory, the log, a rotated log, the pid file, the state file
# (SIGCONT), with and without log_group, started under umask 000 and
# 077: ours and the reference's 3.0.9 daemon the same, and none of them
# group- or world-writable, nor readable by others (the umask never
# widens them; 077 may only narrow the pid file, as for the reference).
# KERNEL-TESTS.md: the kernel lock, backlog_wait_time 0, -b 8192, -f 1,
# no rule, everything restored on exit.
. "$(dirname "$0")/../lib/common.sh"
. "$TOP/tests/lib/fault.sh"

fault_kernel modes
auditd_kernel_begin modes
GRP=$(getent group adm >/dev/null && echo adm || echo root)

# run WHO UMASK GROUP: a daemon on a fresh directory under UMASK, one
# rotation (USR1), a state report (CONT); prints "what mode group" lines
run() {
	C=$T_TMP/$1.$2.$3
	mkdir -p "$C/log"
	fconf "$C" "$C/log/audit.log" "log_group = $3"
	chmod 0755 "$C/log"	# as a careless admin left it
	FUMASK=$2 fstart "$1" "$C" || { echo "start failed: $(cat "$C/stderr")"; return; }
	kill -USR1 "$DPID"
	upto test -e "$C/log/audit.log.1"
	upto grep -q -s '^type=DAEMON_ROTATE' "$C/log/audit.log"
	if [ "$1" = ref ]; then
		pidf=/proc/$DPID/root/run/auditd.pid st=/proc/$DPID/root/run/auditd.state
	else
		pidf=$AUDITBOX_PIDFILE st=$AUDITBOX_STATEFILE
		rm -f "$st"
	fi
	kill -CONT "$DPID"
	upto test -s "$st"
	for f in "log $C/log" "audit.log $C/log/audit.log" \
		 "audit.log.1 $C/log/audit.log.1" "pid $pidf" "state $st"; do
		set -- $f
		echo "$1 $(stat -c '%a %G' "$2" 2>&1)"
	done
	fstop
	rm -f "$AUDITBOX_STATEFILE"
}

# narrow FILE: each "what mode group" line of FILE as said above
narrow() {
	while read -r _what _mode _grp; do
		case $_mode in [0-7][0-7][0-7]) ;; *) return 1 ;; esac
		_gm=${_mode#?}; _gm=${_gm%?}; _om=${_mode#??}
		case $_gm in 2|3|6|7) return 1 ;; esac
		case $_what:$_om in pid:0|pid:4|*:0) ;; *) return 1 ;; esac
	done <"$1"
}

REF=1
ref_have "$REF_AUDITD" || { skip modes_same_as_reference "no reference auditd"; REF=; }
for um in 000 077; do
	for g in root $GRP; do
		n=umask${um}_group_$g
		run ours $um $g >"$T_TMP/ours.$n"
		# nothing writable by group or others, nothing but the pid
		# file readable by others
		if narrow "$T_TMP/ours.$n"; then
			pass "modes_${n}_narrow ($(tr '\n' ',' <"$T_TMP/ours.$n"))"
		else
			fail "modes_${n}_narrow" "$(tr '\n' ',' <"$T_TMP/ours.$n")"
		fi
		[ -n "$REF" ] || continue
		run ref $um $g >"$T_TMP/ref.$n"
		diff "$T_TMP/ref.$n" "$T_TMP/ours.$n" >"$T_TMP/d" &&
			pass "modes_${n}_same_as_reference" ||
			fail "modes_${n}_same_as_reference" "$(tr '\n' '|' <"$T_TMP/d")"
	done
done
t_done
