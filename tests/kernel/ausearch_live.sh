#!/bin/sh
# tests/kernel/ausearch_live.sh - ausearch --live (ours): the records of
# the kernel's read-only multicast group, beside our auditd, beside the
# reference auditd, and with no daemon registered; beside each daemon,
# ausearch --follow on its log through the daemon's own rotation (USR1). Events come from a
# key-scoped watch on a file of the test (-w FILE -p wa -k KEY); each
# phase compares the events --live printed (by serial) with those the
# daemon wrote to its log, and with what was made. KERNEL-TESTS.md: under
# the kernel lock, backlog_wait_time 0, -b 8192, -f 1, audit enabled only
# for the phases, everything restored by the trap (auditd_kernel_begin).
. "$(dirname "$0")/../lib/common.sh"
REF_AUDITD=${REF_AUDITD:-/sbin/auditd}
AS=$AB_BIN/ausearch
CTL=$AB_BIN/auditctl

auditd_kernel_begin ausearch_live
export AUDITBOX_PIDFILE=$T_TMP/auditd.pid AUDITBOX_STATEFILE=$T_TMP/auditd.state
KEY=ablive$$
F=$T_TMP/watched
: >"$F"
LPID= FPID=
auditd_cleanup_more() {
	[ -n "$LPID" ] && kill -TERM "$LPID" 2>/dev/null
	[ -n "$FPID" ] && kill -TERM "$FPID" 2>/dev/null
	"$R" -W "$F" -p wa -k "$KEY" >/dev/null 2>&1
}

# conf DIR: a daemon's config in DIR, its log in DIR/log
conf() {
	mkdir -p "$1/log" "$1/plugins"
	cat >"$1/auditd.conf" <<-EOF
	log_file = $1/log/audit.log
	log_format = RAW
	flush = INCREMENTAL_ASYNC
	freq = 1
	num_logs = 2
	space_left = 2
	admin_space_left = 1
	disk_full_action = SUSPEND
	disk_error_action = SUSPEND
	plugin_dir = $1/plugins
	EOF
	chmod 0640 "$1/auditd.conf"
}


# joined PID: PID holds an audit netlink socket in the multicast group
# (/proc/net/netlink: protocol 9, groups 1), so nothing made after is
# missed
joined() {
	for fd in /proc/"$1"/fd/*; do
		ino=$(readlink "$fd" | sed -n 's/^socket:\[\([0-9]*\)\]$/\1/p')
		[ -n "$ino" ] || continue
		awk -v i="$ino" '$2 == 9 && $4 == "00000001" && $10 == i { f = 1 }
			END { exit !f }' /proc/net/netlink && return 0
	done
	return 1
}

# opened PID FILE: PID has FILE open (a follower has begun: a rotation
# from now on is one it follows)
opened() {
	for fd in /proc/"$1"/fd/*; do
		[ "$(readlink "$fd")" = "$2" ] && return 0
	done
	return 1
}

# serials FILE: the serials of the events in a --format raw output
serials() {
	sed -n 's/.*msg=audit([0-9.]*:\([0-9]*\)).*/\1/p' "$1" | sort -un
}

# has N FILE: FILE holds N events of the key's file (an EOE completed
# each: the EOE itself is not printed, as auditd does not log it)
has() { [ "$(grep -c '^type=PATH' "$2")" -ge "$1" ]; }

# phase NAME DAEMON: --live beside DAEMON (ours, ref, none); N writes
N=5
phase() {
	name=$1
	d=$T_TMP/$name
	conf "$d"
	case $2 in
	ours) "$AB_BIN/auditd" -n -c "$d" 2>"$d/stderr" & DPID=$! ;;
	ref) "$REF_AUDITD" -n -c "$d" 2>"$d/stderr" & DPID=$! ;;
	none) DPID= ;;
	esac
	if [ -n "$DPID" ] && ! auditd_wait "$R"; then
		fail "live_$name" "the daemon did not register: $(cat "$d/stderr")"
		DPID=
		return
	fi
	[ -z "$DPID" ] && "$R" -e 1 >/dev/null
	# the writes' events only (their EOE completes each at once): the
	# rule's CONFIG_CHANGE records have no EOE, and the last one could
	# still be on its way when --live is stopped
	"$AS" --live -k "$KEY" -sc openat --format raw >"$d/live.out" \
		2>"$d/live.err" </dev/null 9>&- &
	LPID=$!
	if ! upto joined "$LPID"; then
		fail "live_$name" "not in the multicast group: $(cat "$d/live.err")"
		return
	fi
	# beside a daemon, its log followed too, through its own rotation
	# (USR1) in the middle of the writes
	if [ -n "$DPID" ]; then
		"$AS" --follow -if "$d/log" -k "$KEY" --format raw \
			>"$d/follow.out" 2>"$d/follow.err" </dev/null 9>&- &
		FPID=$!
		upto opened "$FPID" "$d/log/audit.log" ||
			fail "follow_$name" "the log not opened: $(cat "$d/follow.err")"
	fi
	"$R" -w "$F" -p wa -k "$KEY" >/dev/null
	i=0
	while [ $i -lt $N ]; do
		sh -c "echo $i >>'$F'"
		i=$((i + 1))
		if [ $i = 2 ] && [ -n "$DPID" ]; then
			kill -USR1 "$DPID"
			upto test -f "$d/log/audit.log.1" ||
				fail "follow_$name" "no rotation on USR1"
		fi
	done
	"$R" -W "$F" -p wa -k "$KEY" >/dev/null
	upto has $N "$d/live.out" ||
		fail "live_$name" "$(grep -c '^type=PATH' "$d/live.out") of $N events"
	kill -TERM "$LPID"
	wait "$LPID"
	lrc=$?
	LPID=
	if [ -n "$DPID" ]; then
		# the daemon's log has them once it stopped (flushed)
		auditd_stop
		"$AS" -if "$d/log" -k "$KEY" -sc openat --format raw \
			>"$d/log.out" 2>/dev/null
		"$AS" -if "$d/log" -k "$KEY" --format raw >"$d/all.out" 2>/dev/null
		# everything is in the log now: the follower reads it all
		# before it takes the TERM
		kill -TERM "$FPID"
		wait "$FPID"
		frc=$?
		FPID=
		if [ $frc = 0 ] && cmp -s "$d/all.out" "$d/follow.out" &&
			grep -q 'was rotated' "$d/follow.err"; then
			pass "follow_$name ($(grep -c '' "$d/follow.out") records through the $2 daemon's USR1 rotation, the same as ausearch over the set)"
		else
			fail "follow_$name" "exit $frc: $(head -2 "$d/follow.err") $(diff "$d/all.out" "$d/follow.out" | head -4)"
		fi
	else
		"$R" -e 0 >/dev/null
	fi
	serials "$d/live.out" >"$d/live.ser"
	nlive=$(grep -c '' "$d/live.ser")
	if [ $lrc != 0 ]; then
		fail "live_$name" "exit $lrc: $(cat "$d/live.err")"
	elif [ -s "$d/live.err" ]; then
		fail "live_$name" "stderr: $(head -3 "$d/live.err")"
	elif [ "$nlive" != $N ]; then
		fail "live_$name" "$nlive events for $N writes"
	elif [ "$(grep -c '^type=PATH' "$d/live.out")" != $N ]; then
		fail "live_$name" "$(grep -c '^type=PATH' "$d/live.out") writes seen, $N made"
	elif [ "$2" != none ] &&
		! serials "$d/log.out" | cmp -s - "$d/live.ser"; then
		fail "live_$name" "serials differ from the $2 daemon's log: $(serials "$d/log.out" | tr '\n' ' ') vs $(tr '\n' ' ' <"$d/live.ser")"
	elif [ "$2" != none ] && ! cmp -s "$d/log.out" "$d/live.out"; then
		fail "live_$name" "records differ from the $2 daemon's log: $(diff "$d/log.out" "$d/live.out" | head -4)"
	else
		if [ "$2" = none ]; then
			pass "live_$name ($nlive events, the $N writes among them, no daemon registered)"
		else
			pass "live_$name ($nlive events for $N writes, the same records as the $2 daemon's log)"
		fi
	fi
}

phase ours ours
if ref_have "$REF_AUDITD"; then
	phase ref ref
else
	skip live_ref "no reference auditd ($REF_AUDITD)"
fi
phase none none

# the formats: one event, each format (-i, json) from the same records
d=$T_TMP/fmt
mkdir -p "$d"
"$R" -e 1 >/dev/null
"$AS" --live -k "$KEY" --format json >"$d/json" 2>"$d/err" </dev/null 9>&- &
LPID=$!
upto joined "$LPID"
"$R" -w "$F" -p wa -k "$KEY" >/dev/null
sh -c "echo j >>'$F'"
"$R" -W "$F" -p wa -k "$KEY" >/dev/null
upto grep -q '"PATH"' "$d/json"
kill -TERM "$LPID"
wait "$LPID"
LPID=
"$R" -e 0 >/dev/null
[ -n "${AB_LIVE_KEEP:-}" ] && cp "$d/json" "$AB_LIVE_KEEP"	# for the docs
if [ "$(grep -c '' "$d/json")" -ge 1 ] &&
	python3 -c 'import json,sys
for l in open(sys.argv[1]):
    e = json.loads(l)
    assert any(r["type"] == "SYSCALL" for r in e["records"])' "$d/json" 2>"$d/py"; then
	pass "live_json (one JSON object per line: $(head -c 160 "$d/json")...)"
else
	fail "live_json" "$(cat "$d/err" "$d/py") $(head -3 "$d/json")"
fi

# without CAP_AUDIT_READ: a clear refusal
if command -v capsh >/dev/null 2>&1; then
	capsh --drop=cap_audit_read -- -c "'$AS' --live" >/dev/null 2>"$d/cap.err"
	if [ $? = 1 ] && grep -q 'CAP_AUDIT_READ' "$d/cap.err"; then
		pass "live_no_cap_audit_read"
	else
		fail "live_no_cap_audit_read" "$(cat "$d/cap.err")"
	fi
else
	skip live_no_cap_audit_read "no capsh"
fi
t_done
