#!/bin/sh
# tests/bench/auditd.sh [SECONDS] [WORKERS...] - the reference auditd and
# ours (RAW) under load: WORKERS processes open a file in a watched
# scratch directory in a loop for SECONDS each (default 10; 1 2 4
# workers). One scoped rule (-w DIR -p r), backlog 8192,
# backlog_wait_time 0, -f 1, under the kernel lock; everything restored.
# Prints records written, kernel lost delta, opens done, CPU ms per 100k
# records and peak RSS. Not a timed test.
. "$(dirname "$0")/../lib/common.sh"
T_KERNEL=1
R=$REF_AUDITCTL
SECS=${1:-10}
shift 2>/dev/null
WORKERS=${*:-1 2 4}
why=$(kernel_usable) || { skip bench "$why"; t_done; }
kernel_lock
kernel_save
DPID=
trap '[ -n "$DPID" ] && kill -KILL $DPID 2>/dev/null; "$R" -D >/dev/null 2>&1; kernel_restore; "$R" -e 0 >/dev/null; t_done' EXIT
"$R" -e 0 >/dev/null; "$R" --backlog_wait_time 0 >/dev/null
"$R" -b 8192 >/dev/null; "$R" -f 1 >/dev/null
export AUDITBOX_PIDFILE=$T_TMP/pid AUDITBOX_STATEFILE=$T_TMP/state
W=$T_TMP/w
mkdir -p "$W" && echo x >"$W/f"

lost() { "$R" -s | awk '$1=="lost"{print $2}'; }

one() {	# one NAME BIN WORKERS
	d=$T_TMP/$1.$3
	mkdir -p "$d/log" "$d/plugins"
	printf 'log_file = %s/log/audit.log\nlog_format = RAW\nflush = INCREMENTAL_ASYNC\nfreq = 50\nspace_left = 75\nadmin_space_left = 50\nplugin_dir = %s/plugins\nnum_logs = 5\nmax_log_file = 1000\nmax_log_file_action = ROTATE\n' "$d" "$d" >"$d/auditd.conf"
	chmod 640 "$d/auditd.conf"
	"$2" -n -c "$d" 2>/dev/null &
	DPID=$!
	i=0
	while [ "$("$R" -s | awk '$1=="pid"{print $2}')" != "$DPID" ] && [ $i -lt 50 ]; do
		sleep 0.1; i=$((i + 1))
	done
	"$R" -w "$W" -p r -k bench >/dev/null
	l0=$(lost)
	"$R" -e 1 >/dev/null
	python3 - "$W/f" "$SECS" "$3" >"$d/ops" <<'PY'
import os, sys, time
path, secs, n = sys.argv[1], float(sys.argv[2]), int(sys.argv[3])
kids = []
for k in range(n):
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(r)
        end = time.time() + secs; c = 0
        while time.time() < end:
            for _ in range(200):
                os.close(os.open(path, os.O_RDONLY)); c += 1
        os.write(w, str(c).encode()); os._exit(0)
    os.close(w); kids.append(r)
tot = 0
for r in kids:
    tot += int(os.read(r, 64) or b"0")
for _ in kids:
    os.wait()
print(tot)
PY
	"$R" -e 0 >/dev/null
	l1=$(lost)
	sleep 1
	"$R" -D >/dev/null
	cpu=$(awk '{print $14 + $15}' /proc/$DPID/stat)
	rss=$(awk '/VmHWM/{print $2}' /proc/$DPID/status)
	kill -TERM "$DPID"; wait "$DPID" 2>/dev/null; DPID=
	recs=$(cat "$d"/log/audit.log* | wc -l)
	hz=$(getconf CLK_TCK)
	printf '%-10s %2s %10s %10s %10s %10s %8s\n' "$1" "$3" "$recs" \
		"$((l1 - l0))" "$(cat "$d/ops")" \
		"$(awk -v c="$cpu" -v h="$hz" -v r="$recs" 'BEGIN{printf "%.1f", r ? c*1000/h*100000/r : 0}')" "$rss"
	rm -rf "$d"
}

printf '%-10s %2s %10s %10s %10s %10s %8s\n' daemon wk records lost opens ms/100k rss_kB
for n in $WORKERS; do
	[ -x /sbin/auditd ] && one reference /sbin/auditd "$n"
	one auditbox "$AB_BIN/auditd" "$n"
done
