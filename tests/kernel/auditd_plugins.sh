#!/bin/sh
# tests/kernel/auditd_plugins.sh - auditd's plugins against the kernel:
# plugins.d errors and the string and binary records a plugin reads,
# compared with the reference auditd on the same workload; a plugin that
# crashes (restarted up to max_restarts), a plugin that never reads
# (logging goes on, the queue overflows as overflow_action says), HUP
# (new, unchanged and removed plugins), the builtin af_unix socket and
# the builtin syslog plugin. KERNEL-TESTS.md: under the kernel lock,
# backlog_wait_time 0, -b 8192, -f 1, watches on a temp dir only,
# everything restored by t_cleanup_hook.
. "$(dirname "$0")/../lib/common.sh"
REF_AUDITD=${REF_AUDITD:-/sbin/auditd}
auditd_kernel_begin auditd_plugins
export AUDITBOX_PIDFILE=$T_TMP/auditd.pid AUDITBOX_STATEFILE=$T_TMP/auditd.state
W=$T_TMP/w
P=$T_TMP/plug		# plugin programs: root-owned, 0750
mkdir -p "$P"
cat >"$P/rec" <<'EOF'
#!/bin/sh
exec cat > "$1"
EOF
cat >"$P/crash" <<'EOF'
#!/bin/sh
head -n 1 >> "$1"
exit 3
EOF
cat >"$P/never" <<'EOF'
#!/bin/sh
exec sleep 1000
EOF
cat >"$P/hup" <<'EOF'
#!/bin/sh
trap 'echo HUP >> "$1.hup"' HUP
trap 'kill $c 2>/dev/null; exit 0' TERM
exec 3<&0	# a background job's stdin would be /dev/null
cat <&3 > "$1" &
c=$!
while kill -0 $c 2>/dev/null; do wait $c; done
EOF
chmod 0750 "$P"/*

# conf DIR [key = value...]: auditd.conf in DIR, plugins in DIR/plugins
conf() {
	d=$1
	shift
	rm -rf "$d"
	mkdir -p "$d/plugins" "$d/log"
	{
		echo "log_file = $d/log/audit.log"
		echo "log_format = RAW"
		echo "flush = INCREMENTAL_ASYNC"
		echo "freq = 20"
		echo "space_left = 2"
		echo "admin_space_left = 1"
		echo "plugin_dir = $d/plugins"
		for kv in "$@"; do echo "$kv"; done
	} >"$d/auditd.conf"
	chmod 0640 "$d/auditd.conf"
}

# plugin DIR NAME PATH ARGS FORMAT [type]
plugin() {
	printf 'active = yes\ndirection = out\npath = %s\ntype = %s\nargs = %s\nformat = %s\n' \
		"$3" "${6:-always}" "$4" "$5" >"$1/plugins/$2"
	chmod 0640 "$1/plugins/$2"
}

# start BIN DIR: auditd -f (log on stdout, messages on stderr) until it is
# the audit pid.
start() {
	$1 -f -c "$2" >"$2/log.out" 2>"$2/stderr" &
	DPID=$!
	auditd_wait "$R"
}

stop() { auditd_stop; }

# workload N: N file creations in $W under a watch keyed KK, then the
# rule goes and audit is disabled again.
workload() {
	rm -rf "$W"
	mkdir -p "$W"
	"$R" -w "$W" -p wa -k KK >/dev/null
	"$R" -e 1 >/dev/null
	sh -c 'i=0; while [ $i -lt '"$1"' ]; do : > "$0/f$i"; i=$((i + 1)); done' "$W"
	sleep 0.3
	"$R" -e 0 >/dev/null
	"$R" -D >/dev/null
}

keyed() { grep -c 'type=SYSCALL.*key="KK"' "$@" 2>/dev/null || true; }

# mask: volatile values out; the events of the daemon's own registration
# (its sendto) are the kernel's business and differ by how the pid is set.
mask() {
	awk '/syscall=44 .*comm="(auditd|auditbox)"/ {
		match($0, /audit\([0-9.]+:[0-9]+\)/); own[substr($0, RSTART, RLENGTH)] = 1 }
	{ line[NR] = $0 }
	END { for (i = 1; i <= NR; i++) {
		match(line[i], /audit\([0-9.]+:[0-9]+\)/)
		if (!(substr(line[i], RSTART, RLENGTH) in own)) print line[i] } }' "$@" |
	sed -E -e 's/audit\([0-9]+\.[0-9]+:[0-9]+\)/audit(T)/' \
	    -e 's/ (pid|ppid|inode|exit|a[0-3]|ses|auid|kernel|proctitle|comm|exe|dev)=[^ ]*/ \1=X/g'
}

# binhdrs FILE: "ver hlen type size-ok" per binary record
binhdrs() {
	python3 - "$1" <<'PY'
import struct, sys
d = open(sys.argv[1], 'rb').read()
o = 0
while o + 16 <= len(d):
    v, h, t, s = struct.unpack('IIII', d[o:o + 16])
    print(v, h, t, 'ok' if s <= 8970 and b'\0' not in d[o + 16:o + 16 + s] else 'bad')
    o += 16 + 8970
if o != len(d):
    print('trailing', len(d) - o)
PY
}

# ---- string and binary plugins: ours and the reference, same workload ----
for name in ours ref; do
	case $name in ours) bin="$AB_BIN/auditd" ;; ref) bin=$REF_AUDITD ;; esac
	[ $name = ref ] && ! ref_have "$REF_AUDITD" && continue
	for node in none user enriched; do
		D=$T_TMP/fmt.$name.$node
		case $node in
		user) conf "$D" "name_format = USER" "name = nodeX" ;;
		enriched) conf "$D" "log_format = ENRICHED" ;;
		*) conf "$D" ;;
		esac
		plugin "$D" s.conf "$P/rec" "$D/out.str" string
		plugin "$D" b.conf "$P/rec" "$D/out.bin" binary
		start "$bin" "$D" || fail "plugins_${name}_start_$node" "$(cat "$D/stderr")"
		workload 3
		sleep 0.2
		stop
		mask "$D/out.str" >"$D/str.m"
		binhdrs "$D/out.bin" | grep -v -e ' 1300 ' -e ' 1327 ' -e ' 1320 ' >"$D/bin.h"
	done
done
for node in none user enriched; do
	O=$T_TMP/fmt.ours.$node F=$T_TMP/fmt.ref.$node
	n=$(keyed "$O/out.str")
	[ "$n" = 3 ] && pass "plugins_string_gets_records_$node" ||
		fail "plugins_string_gets_records_$node" "$n keyed records"
	case $node in
	none) grep -q '^type=DAEMON_START msg=audit(' "$O/out.str" && grep -q '^type=EOE msg=audit([0-9.:]*): $' "$O/out.str" &&
		tail -1 "$O/out.str" | grep -q '^type=DAEMON_END ' &&
		pass plugins_string_daemon_records_and_eoe || fail plugins_string_daemon_records_and_eoe "$(head -3 "$O/out.str")" ;;
	user) grep -v -q '^node=nodeX type=' "$O/out.str" && fail plugins_string_node_ver2 "$(head -2 "$O/out.str")" ||
		pass plugins_string_node_ver2 ;;
	enriched) grep -q "key=\"KK\"$(printf '\035')ARCH=x86_64 SYSCALL=" "$O/out.str" &&
		pass plugins_string_enriched_tail || fail plugins_string_enriched_tail "$(grep KK "$O/out.str" | head -2)" ;;
	esac
	if [ -d "$F" ]; then
		diff "$F/str.m" "$O/str.m" >"$T_TMP/d" && pass "plugins_string_same_as_reference_$node" ||
			fail "plugins_string_same_as_reference_$node" "$(head -10 "$T_TMP/d")"
		diff "$F/bin.h" "$O/bin.h" >"$T_TMP/d" && pass "plugins_binary_same_as_reference_$node" ||
			fail "plugins_binary_same_as_reference_$node" "$(head -10 "$T_TMP/d")"
	else
		skip "plugins_same_as_reference_$node" "no reference auditd"
	fi
done

# ---- plugins.d errors: the reference's messages ----
if ref_have "$REF_AUDITD"; then
	cp "$P/rec" "$P/m700"; chmod 0700 "$P/m700"
	cp "$P/rec" "$P/m755"; chmod 0755 "$P/m755"
	D=$T_TMP/perr
	n=0
	while IFS= read -r c; do
		n=$((n + 1))
		for who in ours ref; do
			case $who in ours) bin="$AB_BIN/auditd" ;; ref) bin=$REF_AUDITD ;; esac
			conf "$D"
			printf '%b\n' "$c" | sed "s#PDIR#$P#" >"$D/plugins/t.conf"
			chmod 0640 "$D/plugins/t.conf"
			$bin -f -s nochange -c "$D" >/dev/null 2>"$D/err" &
			DPID=$!
			sleep 0.4
			stop
			grep -v -e parser -e 'opened for parsing' -e config_manager \
			    -e 'out of memory' -e 'Init complete' -e exiting \
			    -e 'Dispatcher event loop' -e 'Finished cleaning' \
			    -e 'Error setting audit daemon pid' "$D/err" |
				sed "s#$T_TMP#TMP#g" >"$T_TMP/perr.$who"
		done
		diff "$T_TMP/perr.ref" "$T_TMP/perr.ours" >"$T_TMP/d" &&
			pass "plugins_conf_error_$n" ||
			fail "plugins_conf_error_$n" "[$c] $(tr '\n' '|' <"$T_TMP/d")"
	done <<'EOF'
active = yes\ndirection = out\npath = PDIR/m755\nargs = PDIR/out1\nformat = string
active = yes\ndirection = out\npath = PDIR/m700\nformat = string
active = yes\npath = PDIR/nonexistent
active = yes\nformat = string
active = yes\npath = /a/b
active = yes\ndirection = in\npath = PDIR/rec
active = yes\npath = PDIR/rec\ntype = builtin\nargs = a b c
active = yes\npath = builtin_foo\ntype = builtin
active = maybe\npath = PDIR/rec
active = no\npath = /tmp
active = yes\npath = PDIR
active = yes\npath = PDIR/rec\nformat = bin
active = yes\npath = PDIR/rec\nbogus = 1
active = yes\npath = PDIR/rec\nargs = PDIR/out2\nformat = string\n# a comment\n\ntype = always
EOF
else
	skip plugins_conf_errors "no reference auditd"
fi

# ---- a plugin that crashes: restarted up to max_restarts ----
D=$T_TMP/crash
conf "$D" "max_restarts = 2"
plugin "$D" c.conf "$P/crash" "$D/got" string
start "$AB_BIN/auditd" "$D"
# rounds apart: as the reference, a dead plugin is found (and restarted)
# when the next record cannot be written to it
for i in 1 2 3 4 5; do
	workload 4
	sleep 0.3
done
stop
a=$(grep -c 'plugin .*/crash terminated unexpectedly' "$D/stderr")
b=$(grep -c 'plugin .*/crash was restarted' "$D/stderr")
c=$(grep -c 'plugin .*/crash has exceeded max_restarts' "$D/stderr")
[ "$a $b $c" = "3 2 1" ] && pass plugins_crash_max_restarts ||
	fail plugins_crash_max_restarts "terminated $a, restarted $b, exceeded $c: $(grep plugin "$D/stderr" | tr '\n' '|')"
n=$(wc -l <"$D/got")
[ "$n" = 3 ] && pass plugins_crash_each_instance_fed || fail plugins_crash_each_instance_fed "$n lines"
n=$(keyed "$D/log.out")
[ "$n" = 20 ] && pass plugins_crash_logging_unaffected || fail plugins_crash_logging_unaffected "$n keyed records"

# ---- a plugin that never reads: logging goes on, the queue overflows ----
for act in SYSLOG SUSPEND; do
	D=$T_TMP/never.$act
	conf "$D" "q_depth = 600" "overflow_action = $act"
	plugin "$D" n.conf "$P/never" x string
	plugin "$D" r.conf "$P/rec" "$D/got" string
	start "$AB_BIN/auditd" "$D"
	t0=$(date +%s)
	workload 3000
	kill -CONT "$DPID"
	sleep 0.3
	cp "$AUDITBOX_STATEFILE" "$D/state" 2>/dev/null
	kill -USR2 "$DPID"
	sleep 0.2
	kill -CONT "$DPID"
	sleep 0.3
	cp "$AUDITBOX_STATEFILE" "$D/state2" 2>/dev/null
	stop
	t1=$(date +%s)
	n=$(keyed "$D/log.out")
	[ "$n" = 3000 ] && [ $((t1 - t0)) -lt 20 ] && pass "plugins_never_reads_logging_goes_on_$act" ||
		fail "plugins_never_reads_logging_goes_on_$act" "$n keyed records logged in $((t1 - t0)) s"
	grep -q 'plugin queue overflow detected = yes' "$D/state" &&
		grep -q 'Number of active plugins = 2' "$D/state" &&
		grep -q 'plugin queue size = 600' "$D/state" &&
		pass "plugins_never_reads_state_$act" || fail "plugins_never_reads_state_$act" "$(tr '\n' '|' <"$D/state")"
	case $act in
	SYSLOG)
		a=$(grep -c '^queue to plugins is full - dropping event$' "$D/stderr")
		b=$(grep -c '^auditd queue full reporting limit reached - ending dropped event notifications$' "$D/stderr")
		[ "$a $b" = "5 1" ] && pass plugins_overflow_syslog_reports ||
			fail plugins_overflow_syslog_reports "$a full, $b limit" ;;
	SUSPEND)
		# USR2 resumes; the next record finds the queue still
		# full (that plugin still does not read): suspended again
		a=$(grep -c '^Auditd is suspending event passing to plugins due to overflowing its queue.$' "$D/stderr")
		[ "$a" = 2 ] && grep -q 'plugin queueing suspended = yes' "$D/state" &&
			pass plugins_overflow_suspend_resume ||
			fail plugins_overflow_suspend_resume "$a suspend messages, $(grep suspended "$D/state")" ;;
	esac
	# the reading plugin got whole lines only
	if grep -v -q -E '^type=[A-Z_]+ msg=audit\([0-9.:]+\): ' "$D/got"; then
		fail "plugins_overflow_whole_records_$act" "$(grep -v -E '^type=' "$D/got" | head -2)"
	else
		pass "plugins_overflow_whole_records_$act"
	fi
done

# ---- HUP: a new plugin starts, an unchanged one gets SIGHUP, a removed
# one is terminated ----
D=$T_TMP/hup
conf "$D"
plugin "$D" a.conf "$P/hup" "$D/a" string
start "$AB_BIN/auditd" "$D"
sleep 0.3
plugin "$D" b.conf "$P/rec" "$D/b" string
kill -HUP "$DPID"
sleep 0.5
rm "$D/plugins/a.conf"
kill -HUP "$DPID"
sleep 0.3
workload 2
stop
[ "$(cat "$D/a.hup" 2>/dev/null)" = HUP ] && pass plugins_hup_forwarded ||
	fail plugins_hup_forwarded "$(cat "$D/a.hup" 2>&1)"
grep -q "^Terminating $P/hup because its now inactive$" "$D/stderr" &&
	pass plugins_hup_removed_terminated || fail plugins_hup_removed_terminated "$(tr '\n' '|' <"$D/stderr")"
[ "$(keyed "$D/b")" = 2 ] && grep -q DAEMON_END "$D/b" && [ "$(keyed "$D/a")" = 0 ] &&
	pass plugins_hup_new_started || fail plugins_hup_new_started "b: $(keyed "$D/b") a: $(keyed "$D/a")"

# ---- builtin af_unix: a client reads records from the socket ----
D=$T_TMP/afu
conf "$D"
plugin "$D" af_unix.conf builtin_af_unix "0640 $D/sock" string builtin
start "$AB_BIN/auditd" "$D"
python3 - "$D/sock" "$D/client" <<'PY' &
import socket, sys, time
s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
for _ in range(50):
    try:
        s.connect(sys.argv[1]); break
    except OSError:
        time.sleep(0.1)
s.settimeout(3)
out = open(sys.argv[2], 'wb')
try:
    while True:
        b = s.recv(65536)
        if not b:
            break
        out.write(b)
except socket.timeout:
    pass
PY
SRV=$!
sleep 0.5
mode=$(stat -c %a "$D/sock" 2>/dev/null)
workload 4
stop
wait $SRV
SRV=
[ "$mode" = 640 ] && pass plugins_af_unix_socket_mode || fail plugins_af_unix_socket_mode "$mode"
[ "$(keyed "$D/client")" = 4 ] && tail -1 "$D/client" | grep -q '^type=DAEMON_END ' &&
	pass plugins_af_unix_client_reads || fail plugins_af_unix_client_reads "$(keyed "$D/client") keyed: $(tail -2 "$D/client")"
[ -e "$D/sock" ] && fail plugins_af_unix_socket_removed || pass plugins_af_unix_socket_removed

# ---- builtin syslog (beyond the reference) ----
D=$T_TMP/sysl
conf "$D"
plugin "$D" syslog.conf builtin_syslog "LOG_WARNING LOG_LOCAL3" string builtin
python3 - "$D/log.sock" "$D/syslog" <<'PY' &
import socket, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind(sys.argv[1])
s.settimeout(4)
out = open(sys.argv[2], 'wb')
try:
    while True:
        out.write(s.recv(65536) + b'\n'); out.flush()
except socket.timeout:
    pass
PY
SRV=$!
sleep 0.3
AUDITBOX_SYSLOG_SOCKET=$D/log.sock start "$AB_BIN/auditd" "$D"
workload 3
stop
wait $SRV
SRV=
# LOG_LOCAL3 | LOG_WARNING = 19 * 8 + 4
n=$(grep -c '^<156>[A-Z][a-z][a-z] [ 0-9][0-9] [0-9:]\{8\} audisp-syslog: type=SYSCALL msg=audit(.*key="KK"$' "$D/syslog")
[ "$n" = 3 ] && pass plugins_syslog_builtin || fail plugins_syslog_builtin "$n: $(head -2 "$D/syslog")"
t_done
