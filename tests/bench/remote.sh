#!/bin/sh
# tests/bench/remote.sh [RECORDS] - remote logging over 127.0.0.1, in one
# run: every pairing of client (ours, the reference audisp-remote) and
# collector (our auditd, the reference's; local_events = no, flush =
# INCREMENTAL_ASYNC freq 50, the log under /tmp) sends RECORDS records
# (default 50000), each pairing alone. Columns: records/s (first record
# sent to the last one in the collector's log), CPU µs per record of the
# client and of the collector (utime + stime), the client's peak RSS and
# the collector's, records lost, duplicated. Then each collector's RSS
# with 100 connected idle clients. The reference client runs in a mount
# namespace with its config bound over /etc/audit/audisp-remote.conf.
# The reference collector runs under the kernel lock (it does not
# register with the kernel: local_events = no). Not a timed test: the
# numbers are for reading (issue 10's goals: ours -> ours at least 3x
# the reference pair's records/s at a third of its CPU per record on
# each end; client RSS < 1 MB, collector RSS < 4 MB with 100 clients).
. "$(dirname "$0")/../lib/common.sh"
. "$TOP/tests/lib/remote.sh"
remote_begin bench_remote
NREC=${1:-50000}
ref_have "$REF_AUDITD" && ref_have "$REF_REMOTE" || {
	skip bench_remote "no reference auditd/audisp-remote"
	t_done
}
kernel_lock
stream "$NREC"
TCK=$(getconf CLK_TCK)
sort "$T_TMP/want.txt" >"$T_TMP/want.sorted"

# cpu PID: utime+stime ticks of a live process
cpu() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
hwm() { awk '/VmHWM/ { print $2 }' "/proc/$1/status"; }

# runclient WHO PORT: sends in.txt; prints "secs cpu_ticks maxrss_kb"
# (python's rusage of its child; the reference's stdin stays open until
# the collector has every record)
runclient() {
	clconf "$T_TMP/b.conf" "$2" "queue_depth = 10240"
	if [ "$1" = ours ]; then
		set -- env AUDITBOX_REMOTE_CONF="$T_TMP/b.conf" "$AB_BIN/audisp-remote"
		feed="cat '$T_TMP/in.txt'"
	else
		set -- unshare -m sh -c "mount --bind '$T_TMP/b.conf' /etc/audit/audisp-remote.conf && exec '$REF_REMOTE'"
		feed="cat '$T_TMP/in.txt'; while [ \$(grep -c '^node=cl ' '$D/log/audit.log') -lt $NW ]; do sleep 0.05; done"
	fi
	python3 - "$feed" "$@" <<'PY'
import os, subprocess, sys, time
feed, cmd = sys.argv[1], sys.argv[2:]
t = time.time()
f = subprocess.Popen(['sh', '-c', feed], stdout=subprocess.PIPE)
c = subprocess.Popen(cmd, stdin=f.stdout, stderr=subprocess.DEVNULL)
f.stdout.close()
# the peak RSS from VmHWM once the client runs (rusage's maxrss keeps
# the size of env, unshare, sh and python from before the exec); the
# CPU of the client alone (wait4)
hwm = 0
while True:
    try:
        for l in open('/proc/%d/status' % c.pid):
            if l.startswith('VmHWM') and os.path.basename(os.readlink('/proc/%d/exe' % c.pid)) in ('auditbox', 'audisp-remote'):
                hwm = max(hwm, int(l.split()[1]))
    except OSError:
        pass
    pid, st, ru = os.wait4(c.pid, os.WNOHANG)
    if pid:
        break
    time.sleep(0.01)
f.wait()
dt = time.time() - t
print('%.3f %.0f %d' % (dt, (ru.ru_utime + ru.ru_stime) * 1000000, hwm))
PY
}
printf '%-6s -> %-6s %10s %12s %12s %9s %9s %6s %5s\n' client collector \
	'records/s' 'cli us/rec' 'col us/rec' 'cli RSS' 'col RSS' lost dups
for pair in ref:ref ours:ours ours:ref ref:ours; do
	cl=${pair%%:*} co=${pair##*:}
	P=$(free_port)
	D=$T_TMP/b.$cl.$co
	srvconf "$D" "$P" "tcp_max_per_addr = 128"
	if [ "$co" = ours ]; then ours "$D"; else ref "$D"; fi || {
		fail "bench_${cl}_$co" "collector did not start"
		stopsrv
		continue
	}
	c0=$(cpu "$SPID")
	set -- $(runclient "$cl" "$P")
	wait_for "$D/log/audit.log" '^node=cl ' "$NW"
	c1=$(cpu "$SPID")
	crss=$(hwm "$SPID")
	stopsrv
	netpart "$D/log/audit.log" >"$T_TMP/got"
	lost=$(sort -u "$T_TMP/got" | comm -13 - "$T_TMP/want.sorted" | wc -l)
	dups=$(($(wc -l <"$T_TMP/got") - $(sort -u "$T_TMP/got" | wc -l)))
	awk -v cl="$cl" -v co="$co" -v n="$NW" -v t="$1" -v ccpu="$2" \
	    -v crss="$3" -v scpu=$((c1 - c0)) -v tck="$TCK" -v srss="$crss" \
	    -v lost="$lost" -v dups="$dups" 'BEGIN {
		printf "%-6s -> %-6s %10.0f %12.2f %12.2f %6d kB %6d kB %6d %5d\n",
			cl, co, n / t, ccpu / n, scpu * 1000000 / tck / n,
			crss, srss, lost, dups }'
done

# collectors with 100 idle clients connected
for co in ours ref; do
	P=$(free_port)
	D=$T_TMP/c100.$co
	srvconf "$D" "$P" "tcp_max_per_addr = 128"
	if [ "$co" = ours ]; then ours "$D"; else ref "$D"; fi || continue
	python3 - "$P" <<'PY' &
import socket, sys, time
s = [socket.create_connection(('127.0.0.1', int(sys.argv[1]))) for _ in range(100)]
time.sleep(3)
PY
	CPID=$!
	wait_for "$D/log/audit.log" DAEMON_ACCEPT 100
	echo "collector $co, 100 clients connected: VmRSS $(awk '/VmRSS/ {print $2}' "/proc/$SPID/status") kB"
	wait $CPID
	CPID=
	stopsrv
done
st=$("$REF_AUDITCTL" -s | awk '$1=="pid"{print $2}')
[ "$st" = 0 ] || fail bench_remote_kernel_untouched "audit pid $st"
t_done
