#!/bin/sh
# tests/kernel/auditd.sh - our auditd against the kernel, and the same
# workload under the reference auditd: start in a temp dir, scoped watch
# rule, workload, signals, stop; log contents, modes, rotation (size,
# SIGUSR1, num_logs, keep_logs), HUP with a changed
# config, a full small file system (suspend and resume). KERNEL-TESTS.md:
# under the kernel lock for the whole run, backlog_wait_time 0, -b 8192,
# -f 1, rules scoped to a temp dir, everything restored by the trap.
. "$(dirname "$0")/../lib/common.sh"
T_KERNEL=1
R=$REF_AUDITCTL
REF_AUDITD=${REF_AUDITD:-/sbin/auditd}

if ! why=$(kernel_usable); then
	skip auditd "$why"
	t_done
fi
kernel_lock
kernel_save
DPID=
MNT=
t_cleanup_hook() {
	[ -n "$DPID" ] && kill -TERM "$DPID" 2>/dev/null && sleep 0.5
	[ -n "$DPID" ] && kill -KILL "$DPID" 2>/dev/null
	"$R" -D >/dev/null 2>&1
	kernel_restore
	"$R" -e 0 >/dev/null 2>&1
	[ -n "$MNT" ] && umount "$MNT" 2>/dev/null
	st=$("$R" -s 2>/dev/null | awk '$1=="enabled"||$1=="pid"{printf "%s=%s ", $1, $2}')
	case $st in
	"enabled=0 pid=0 ") ;;
	*) echo "FAIL kernel state after the test: $st" ;;
	esac
}

"$R" -e 0 >/dev/null
"$R" --backlog_wait_time 0 >/dev/null
"$R" -b 8192 >/dev/null
"$R" -f 1 >/dev/null
export AUDITBOX_PIDFILE=$T_TMP/auditd.pid AUDITBOX_STATEFILE=$T_TMP/auditd.state
W=$T_TMP/w	# the watched directory (same path for both daemons)

# conf DIR LOGDIR [key = value lines...]: auditd.conf in DIR
conf() {
	d=$1 l=$2
	shift 2
	mkdir -p "$d" "$l" "$d/plugins"
	{
		echo "log_file = $l/audit.log"
		echo "log_format = RAW"
		echo "flush = INCREMENTAL_ASYNC"
		echo "freq = 20"
		echo "num_logs = 3"
		echo "space_left = 2"
		echo "admin_space_left = 1"
		echo "disk_full_action = SUSPEND"
		echo "disk_error_action = SUSPEND"
		echo "plugin_dir = $d/plugins"
		for kv in "$@"; do echo "$kv"; done
	} > "$d/auditd.conf"
	chmod 0640 "$d/auditd.conf"
}

# start BIN DIR: start a daemon (-n), wait until it is the audit pid.
start() {
	"$1" -n -c "$2" 2>"$2/stderr" &
	DPID=$!
	auditd_wait "$R"
}

stop() { auditd_stop; }

# workload N: N creations and writes in $W, by a child shell
workload() {
	sh -c 'i=0; while [ $i -lt '"$1"' ]; do echo x > "$0/f$i"; i=$((i + 1)); done' "$W"
}

# wait_for FILE PATTERN: until PATTERN is in FILE (5 s)
wait_for() {
	i=0
	while [ $i -lt 50 ]; do
		grep -q "$2" "$1" 2>/dev/null && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}

# One run: start, rule, workload, USR1, workload, TERM. $1 = BIN, $2 = DIR
run_basic() {
	rm -rf "$W"
	mkdir -p "$W"
	start "$1" "$2" || return 1
	"$R" -w "$W" -p wa -k KEY_ab >/dev/null
	"$R" -e 1 >/dev/null
	workload 3
	wait_for "$2/log/audit.log" 'name="f2"' || true
	kill -USR1 "$DPID"
	wait_for "$2/log/audit.log" DAEMON_ROTATE || true
	workload 2
	wait_for "$2/log/audit.log" 'nametype=CREATE' || true
	"$R" -e 0 >/dev/null
	"$R" -D >/dev/null
	stop
}

# mask: volatile values out, for the comparison with the reference.
# glibc's resolver (Python's getaddrinfo for ::1) tries nscd's socket a
# varying number of times, with stack garbage after the path: those
# connects are the machine's, not the workload's, so they are not compared.
NSCD_SADDR=01002F7661722F72756E2F6E736364	# AF_UNIX "/var/run/nscd"
mask() {
	cat "$@" | sed -E \
	    -e 's/msg=audit\([0-9]+\.[0-9]+:[0-9]+\)/msg=audit(T:S)/' \
	    -e 's/ (pid|ppid|inode|exit|a[0-3]|ses|auid|items|ver|kernel|dev|tty|list|seq)=[^ ]*/ \1=X/g' \
	    -e 's/ (proctitle|comm|exe|cwd)=[^ ]*/ \1=X/g' \
	    -e 's/ (subj)=[^ ]*//' \
	    -e 's/ name="[^"]*\/(f[0-9]+)"/ name="\1"/' |
	grep -v -e 'type=CONFIG_CHANGE' -e 'audit_enabled' -e 'type=SYSCALL.*comm=X.*syscall=(44|46)' \
	    -e "saddr=$NSCD_SADDR" |
	sort -u
}

# ---- ours ----
O=$T_TMP/ours
conf "$O" "$O/log"
if run_basic "$AB_BIN/auditd" "$O"; then
	pass auditd_start_register
else
	fail auditd_start_register "$(cat "$O/stderr")"
fi
L0=$O/log/audit.log
L1=$O/log/audit.log.1
if head -1 "$L1" | grep -q '^type=DAEMON_START msg=audit([0-9.]*:[0-9]*): op=start ver=3.0.9 format=raw kernel=[^ ]* auid=[0-9]* pid=[0-9]* uid=0 ses=[0-9]* res=success$'; then
	pass auditd_daemon_start_record
else
	fail auditd_daemon_start_record "$(head -1 "$L1")"
fi
grep -q '^type=DAEMON_ROTATE .*op=rotate-logs auid=[0-9]* uid=0 ses=[^ ]* pid=[0-9]* res=success$' "$L0" &&
	pass auditd_rotate_record || fail auditd_rotate_record "$(grep DAEMON "$L0")"
tail -1 "$L0" | grep -q '^type=DAEMON_END .*op=terminate auid=[0-9]* uid=0 ses=[^ ]* pid=[0-9]* res=success$' &&
	pass auditd_end_record || fail auditd_end_record "$(tail -1 "$L0")"
n=$(grep -c 'key="KEY_ab"' "$L1" "$L0" | awk -F: '{s+=$2} END {print s}')
[ "$n" -ge 5 ] && pass auditd_events_logged || fail auditd_events_logged "$n keyed SYSCALL records"
grep -q 'type=EOE' "$L0" "$L1" && fail auditd_no_eoe || pass auditd_no_eoe
if grep -v -E '^type=[A-Z_0-9]+(\[[0-9]+\])? msg=audit\([0-9]+\.[0-9]{3}:[0-9]+\): ' "$L0" "$L1" >/dev/null; then
	fail auditd_line_format "$(grep -v -E '^type=[A-Z_]+ msg=audit' "$L0" "$L1" | head -2)"
else
	pass auditd_line_format
fi
m0=$(stat -c %a "$L0") m1=$(stat -c %a "$L1")
[ "$m0$m1" = 600400 ] && pass auditd_log_modes || fail auditd_log_modes "$m0 $m1"
[ -f "$T_TMP/auditd.pid" ] && fail auditd_pidfile_removed || pass auditd_pidfile_removed
# Our ausearch finds the events by key in the log our daemon wrote, and
# says the same as the reference's (raw and interpreted).
"$AB_BIN/ausearch" -if "$L1" -k KEY_ab --raw >"$T_TMP/os.out" 2>&1 &&
grep -q 'key="KEY_ab"' "$T_TMP/os.out" && pass auditd_ausearch_finds_key ||
	fail auditd_ausearch_finds_key "$(head -2 "$T_TMP/os.out")"
if ref_have /sbin/ausearch; then
	/sbin/ausearch -if "$L1" -k KEY_ab --raw >"$T_TMP/as.out" 2>&1 &&
	grep -q 'key="KEY_ab"' "$T_TMP/as.out" && pass auditd_ref_ausearch_finds_key ||
		fail auditd_ref_ausearch_finds_key "$(head -2 "$T_TMP/as.out")"
	cmp -s "$T_TMP/os.out" "$T_TMP/as.out" && pass auditd_ausearch_same_raw ||
		fail auditd_ausearch_same_raw "ours and the reference differ"
	"$AB_BIN/ausearch" -if "$L1" -k KEY_ab -i >"$T_TMP/os.i" 2>&1
	/sbin/ausearch -if "$L1" -k KEY_ab -i >"$T_TMP/as.i" 2>&1
	cmp -s "$T_TMP/os.i" "$T_TMP/as.i" && pass auditd_ausearch_same_interpreted ||
		fail auditd_ausearch_same_interpreted "$(diff "$T_TMP/as.i" "$T_TMP/os.i" | head -4 | tr '\n' ' ')"
fi

# ---- the reference on the same workload ----
if ref_have "$REF_AUDITD"; then
	F=$T_TMP/ref
	conf "$F" "$F/log"
	if run_basic "$REF_AUDITD" "$F"; then
		mask "$O/log/audit.log.1" "$O/log/audit.log" >"$T_TMP/ours.m"
		mask "$F/log/audit.log.1" "$F/log/audit.log" >"$T_TMP/ref.m"
		cp "$T_TMP/ref.m" "$T_TMP/ours.m" /tmp/ 2>/dev/null
		if [ "$(wc -l <"$T_TMP/ref.m")" -lt 8 ]; then
			fail auditd_format_same_as_reference "too few records to compare"
		elif diff "$T_TMP/ref.m" "$T_TMP/ours.m" >"$T_TMP/fmt.diff"; then
			pass auditd_format_same_as_reference
		else
			fail auditd_format_same_as_reference "$(head -20 "$T_TMP/fmt.diff")"
		fi
		m0=$(stat -c %a "$F/log/audit.log") m1=$(stat -c %a "$F/log/audit.log.1")
		[ "$m0$m1" = 600400 ] && pass auditd_ref_log_modes_agree || fail auditd_ref_log_modes_agree "$m0 $m1"
	else
		fail auditd_ref_start "$(cat "$F/stderr")"
	fi
else
	skip auditd_format_same_as_reference "no reference auditd"
fi

# ---- ENRICHED: ours and the reference on the same workload ----
# A watch, connect() to inet, inet6 and unix addresses and a setgid by a
# child (rule scoped to its pid), and a user message (auditctl -m).
run_enriched() {
	rm -rf "$W"
	mkdir -p "$W"
	start "$1" "$2" || return 1
	python3 - "$W" <<'PY' &
import os, socket, sys, time
time.sleep(0.8)
for fam, addr in ((socket.AF_INET, ('127.0.0.1', 9)), (socket.AF_INET6, ('::1', 9)),
                  (socket.AF_UNIX, sys.argv[1] + '/nosock')):
    s = socket.socket(fam, socket.SOCK_STREAM)
    try:
        s.connect(addr)
    except OSError:
        pass
    s.close()
open(sys.argv[1] + '/f1', 'w').close()
os.setgid(4)
PY
	c=$!
	"$R" -w "$W" -p wa -k KEY_en >/dev/null
	"$R" -a always,exit -F arch=b64 -S connect,setgid -F pid=$c -k KEY_net >/dev/null
	"$R" -e 1 >/dev/null
	"$R" -m "hello from the test" >/dev/null
	wait $c
	wait_for "$2/log/audit.log" 'syscall=106' || true
	"$R" -e 0 >/dev/null
	"$R" -D >/dev/null
	stop
}
E=$T_TMP/enr
conf "$E" "$E/log" "log_format = ENRICHED"
if run_enriched "$AB_BIN/auditd" "$E"; then
	L=$E/log/audit.log
	head -1 "$L" | grep -q 'format=enriched .*res=success.AUID="[a-z]*" UID="root"$' &&
		grep -q 'SYSCALL=connect AUID=' "$L" &&
		grep -q 'SADDR={ saddr_fam=inet laddr=127.0.0.1 lport=9 }$' "$L" &&
		grep -q '^type=USER msg=.*hello from the test' "$L" &&
		pass auditd_enriched_log || fail auditd_enriched_log "$(head -3 "$L")"
	if ref_have "$REF_AUDITD"; then
		F=$T_TMP/enr.ref
		conf "$F" "$F/log" "log_format = ENRICHED"
		if run_enriched "$REF_AUDITD" "$F"; then
			mask "$L" >"$T_TMP/ours.em"
			mask "$F/log/audit.log" >"$T_TMP/ref.em"
			n=$(grep -c "$(printf '\035')" "$T_TMP/ref.em")
			if [ "$n" -lt 10 ]; then
				fail auditd_enriched_same_as_reference "too few enriched records ($n)"
			elif diff "$T_TMP/ref.em" "$T_TMP/ours.em" >"$T_TMP/fmt.diff"; then
				pass auditd_enriched_same_as_reference
			else
				fail auditd_enriched_same_as_reference "$(head -10 "$T_TMP/fmt.diff" | tr '\035' '|')"
			fi
		else
			fail auditd_enriched_ref_start "$(cat "$F/stderr")"
		fi
	fi
else
	fail auditd_enriched_start "$(cat "$E/stderr")"
fi

# ---- rotation by size, num_logs, keep_logs ----
for act in ROTATE KEEP_LOGS; do
	S=$T_TMP/size_$act
	conf "$S" "$S/log" "max_log_file = 1" "max_log_file_action = $act"
	rm -rf "$W"; mkdir -p "$W"
	start "$AB_BIN/auditd" "$S" || fail "auditd_size_$act" "no start"
	"$R" -w "$W" -p wa -k KEY_sz >/dev/null
	"$R" -e 1 >/dev/null
	workload 3000	# about 3 MiB of records
	sleep 0.5
	"$R" -e 0 >/dev/null
	"$R" -D >/dev/null
	stop
	n=$(ls "$S/log" | wc -l)
	case $act in
	ROTATE) [ "$n" = 3 ] && [ ! -e "$S/log/audit.log.3" ] && pass auditd_size_rotate_num_logs ||
			fail auditd_size_rotate_num_logs "$(ls "$S/log")" ;;
	KEEP_LOGS) [ "$n" -ge 4 ] && [ -e "$S/log/audit.log.3" ] && pass auditd_size_keep_logs ||
			fail auditd_size_keep_logs "$(ls "$S/log")" ;;
	esac
	big=$(find "$S/log" -name 'audit.log.*' -size +1100k | wc -l)
	[ "$big" = 0 ] && pass "auditd_size_${act}_bounded" || fail "auditd_size_${act}_bounded" "$(ls -l "$S/log")"
done

# kill -9 and restart: tests/fault/kill9.sh (20 kills under load)

# ---- HUP with a changed config ----
H=$T_TMP/hup
conf "$H" "$H/log"
start "$AB_BIN/auditd" "$H"
conf "$H" "$H/log2"
kill -HUP "$DPID"
wait_for "$H/log2/audit.log" DAEMON_CONFIG
stop
grep -q '^type=DAEMON_CONFIG .*op=reconfigure state=changed auid=[0-9]* pid=[0-9]* subj=[^ ]* res=success$' "$H/log2/audit.log" &&
	grep -q DAEMON_END "$H/log2/audit.log" && ! grep -q DAEMON_END "$H/log/audit.log" &&
	pass auditd_hup_new_log_file || fail auditd_hup_new_log_file "$(cat "$H/log2/audit.log" "$H/stderr")"

# ---- a full small file system: admin space suspend, disk full, resume ----
MNT=$T_TMP/small
mkdir -p "$MNT"
if mount -t tmpfs -o size=3m auditbox-test "$MNT" 2>/dev/null; then
	conf "$T_TMP/full" "$MNT" "admin_space_left_action = SUSPEND" \
		"space_left_action = SYSLOG"
	rm -rf "$W"; mkdir -p "$W"
	start "$AB_BIN/auditd" "$T_TMP/full"
	"$R" -w "$W" -p wa -k KEY_f >/dev/null
	"$R" -e 1 >/dev/null
	workload 4000
	sleep 0.3
	kill -CONT "$DPID"
	wait_for "$T_TMP/auditd.state" 'logging suspended'
	grep -q 'logging suspended = yes' "$T_TMP/auditd.state" &&
		grep -q 'admin space action performed = yes' "$T_TMP/auditd.state" &&
		pass auditd_admin_space_suspend || fail auditd_admin_space_suspend "$(cat "$T_TMP/auditd.state")"
	sz1=$(stat -c %s "$MNT/audit.log")
	workload 50
	sleep 0.3
	sz2=$(stat -c %s "$MNT/audit.log")
	[ "$sz1" = "$sz2" ] && pass auditd_suspended_writes_nothing || fail auditd_suspended_writes_nothing "$sz1 -> $sz2"
	kill -USR2 "$DPID"
	wait_for "$MNT/audit.log" DAEMON_RESUME && pass auditd_resume_after_usr2 ||
		fail auditd_resume_after_usr2 "$(ls -l "$MNT")"
	"$R" -e 0 >/dev/null
	"$R" -D >/dev/null
	stop
	umount "$MNT" && MNT=
else
	skip auditd_admin_space_suspend "cannot mount a tmpfs"
fi
t_done
