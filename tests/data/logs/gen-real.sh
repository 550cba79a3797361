#!/bin/sh
# gen-real.sh - regenerate the real-kernel corpora real-raw.log and
# real-enriched.log with the REFERENCE auditd (Debian's /sbin/auditd 3.0.9)
# from a scoped workload. Follows ../../../../shared/KERNEL-TESTS.md: runs
# under the kernel lock, audit rules scoped to the workload's pid/ppid and to
# a temp directory, auditd's config and log in a temp dir, kernel state
# restored on any exit (rules deleted, -e 0, saved backlog/rate/wait).
# Needs root. Usage: tests/data/logs/gen-real.sh
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
TOP=$(cd "$HERE/../../.." && pwd)
CTL=/sbin/auditctl
. "$TOP/tests/lib/refconf.sh"
TMP=$(mktemp -d /tmp/ab-genlog.XXXXXX)
exec 9>/tmp/auditbox-kernel.lock
flock 9
DPID=
saved=$($CTL -s)
f() { echo "$saved" | awk -v k="$1" '$1==k {print $2}'; }
restore() {
	[ -n "$DPID" ] && kill -TERM "$DPID" 2>/dev/null && wait "$DPID" 2>/dev/null
	$CTL -D >/dev/null 2>&1
	$CTL -e 0 >/dev/null 2>&1
	$CTL -r "$(f rate_limit)" >/dev/null 2>&1
	$CTL -b "$(f backlog_limit)" >/dev/null 2>&1
	$CTL --backlog_wait_time "$(f backlog_wait_time)" >/dev/null 2>&1
	$CTL -f "$(f failure)" >/dev/null 2>&1
	rm -rf "$TMP"
}
trap restore EXIT INT TERM
if pgrep -x auditd >/dev/null; then echo "an auditd runs: refusing" >&2; exit 1; fi
[ "$(f pid)" = 0 ] || { echo "audit pid is set: refusing" >&2; exit 1; }

one_run() {	# $1 = RAW | ENRICHED, $2 = output file
	d=$TMP/$1
	mkdir -p "$d/plugins" "$d/w"
	refconf "$d" "$1"
	$CTL -D >/dev/null
	$CTL -e 0 >/dev/null
	$CTL --backlog_wait_time 0 >/dev/null
	$CTL -b 8192 >/dev/null
	$CTL -f 1 >/dev/null
	/sbin/auditd -n -c "$d" &
	DPID=$!
	i=0
	while [ "$($CTL -s | awk '$1=="pid"{print $2}')" != "$DPID" ]; do
		i=$((i + 1)); [ $i -gt 50 ] && { echo "auditd did not start" >&2; exit 1; }
		sleep 0.1
	done
	# autrace refuses to run with rules loaded: it goes first
	/sbin/autrace /bin/true >/dev/null 2>&1
	$CTL -D >/dev/null
	mkfifo "$d/go"
	sh -c "read x < $d/go
		cd $d/w
		echo hello > f1
		cat f1 > /dev/null
		cat /nonexistent 2>/dev/null
		chmod 600 f1
		chown 65534 f1
		ls -l . > /dev/null
		mkdir sub; mv f1 sub/f2; rm -r sub
		touch 'with space'; rm 'with space'
		bash -c 'exec 3<>/dev/tcp/127.0.0.1/9' 2>/dev/null
		setpriv --reuid=65534 --regid=65534 --clear-groups cat /etc/shadow 2>/dev/null
		/bin/true a b c
		exit 0" &
	CH=$!
	$CTL -a always,exit -F arch=b64 -S openat,execve,connect,fchmodat,fchownat,unlinkat,mkdirat,renameat2,renameat,socket -F pid=$CH -k wl_pid >/dev/null
	$CTL -a always,exit -F arch=b64 -S openat,execve,connect,fchmodat,fchownat,unlinkat,mkdirat,renameat2,renameat,socket -F ppid=$CH -k wl_ppid -k multi >/dev/null
	$CTL -w "$d/w" -p rwxa -k watch_w >/dev/null
	$CTL -m "auditbox corpus user message" >/dev/null
	echo go > "$d/go"
	wait $CH
	$CTL -m "auditbox corpus done" >/dev/null
	$CTL -D >/dev/null
	sleep 0.5
	kill -TERM "$DPID"; wait "$DPID" 2>/dev/null
	DPID=
	$CTL -e 0 >/dev/null
	cp "$d/audit.log" "$2"
}
one_run RAW "$HERE/real-raw.log"
one_run ENRICHED "$HERE/real-enriched.log"
echo "wrote $HERE/real-raw.log $HERE/real-enriched.log"
