#!/bin/sh
# gen-enriched.sh - write tests/data/damaged/enriched.log with the
# REFERENCE auditd (Debian's /sbin/auditd 3.0.9, log_format = ENRICHED)
# under the kernel lock (tests/lib/common.sh auditd_kernel_begin: state
# saved and restored on every exit, the daemon stopped by its pid), for
# the damaged-log test: SECCOMP records (seccomp.c: a filter logging
# getppid, failing setuid, killing on uname), the ANOM_ABEND of that kill,
# syscall records of a workload scoped by pid, a user message, the
# daemon's own records. AVC records need SELinux, which this machine has
# not: none. Needs root and cc. Usage: tests/data/damaged/gen-enriched.sh
HERE=$(cd "$(dirname "$0")" && pwd)
# common.sh finds the tree from a script in tests/X/; this one is deeper
AUDITBOX=${AUDITBOX:-$HERE/../../../build/auditbox}
. "$HERE/../../lib/common.sh"
. "$HERE/../../lib/refconf.sh"
auditd_kernel_begin gen-enriched
d=$T_TMP/enr
mkdir -p "$d/plugins" "$d/w"
cc -O2 -o "$d/seccomp" "$HERE/seccomp.c" || exit 1
refconf "$d" ENRICHED
/sbin/auditd -n -c "$d" 9>&- &
DPID=$!
i=0
while [ "$("$R" -s | awk '$1=="pid"{print $2}')" != "$DPID" ]; do
	i=$((i + 1)); [ $i -gt 50 ] && { echo "auditd did not start" >&2; exit 1; }
	sleep 0.1
done
mkfifo "$d/go"
sh -c "read x < $d/go
	cd $d/w
	$d/seccomp
	echo x > f; cat f > /dev/null; chmod 600 f; rm f
	exit 0" 9>&- &
CH=$!
"$R" -a always,exit -F arch=b64 -S openat,execve,fchmodat,unlinkat -F pid=$CH -k gen_pid >/dev/null
"$R" -a always,exit -F arch=b64 -S openat,execve,fchmodat,unlinkat -F ppid=$CH -k gen_ppid >/dev/null
"$R" -m "auditbox damaged corpus" >/dev/null
echo go >"$d/go"
wait $CH
"$R" -D >/dev/null
sleep 0.5
kill -TERM "$DPID"; wait "$DPID" 2>/dev/null
DPID=
cp "$d/audit.log" "$HERE/enriched.log"
grep -o 'type=[A-Z_]*' "$HERE/enriched.log" | sort | uniq -c
echo "wrote $HERE/enriched.log"
