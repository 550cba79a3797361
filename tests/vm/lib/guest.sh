# /lib/t.sh in the guest: sourced first by every test's /init (busybox
# sh). Mounts what a shell needs, then offers the results protocol of
# tests/lib/common.sh on the second serial port (the host reads it) and
# on the console (for the kept log). t_end ends the boot.
export PATH=/sbin:/bin TZ=UTC LC_ALL=C HOME=/root
# (once: a script that init starts sources this again)
[ -e /dev/ttyS1 ] || /bin/busybox mount -t devtmpfs dev /dev
exec </dev/console >/dev/console 2>&1
[ -e /proc/self ] || mount -t proc proc /proc
[ -d /sys/kernel ] || mount -t sysfs sys /sys
grep -q ' /tmp tmpfs ' /proc/mounts || mount -t tmpfs -o mode=1777 tmp /tmp
T_FAILS=0
T_OUT=/dev/ttyS1

t_say() { echo "$*"; echo "$*" >$T_OUT; }
pass() { t_say "PASS $1"; }
fail() { t_say "FAIL $1${2:+: $2}"; T_FAILS=$((T_FAILS + 1)); }
skip() { t_say "SKIP $1: $2"; }
# check NAME GOT WANT
check() {
	if [ "$2" = "$3" ]; then pass "$1"; else fail "$1" "got '$2', want '$3'"; fi
}
# run CMD...: stdout in /tmp/out, stderr in /tmp/err, status in $RC.
run() {
	"$@" >/tmp/out 2>/tmp/err
	RC=$?
}
# expect NAME RC STDOUT STDERR -- CMD...: all three as given.
expect() {
	_n=$1 _rc=$2 _o=$3 _e=$4
	shift 5
	run "$@"
	if [ "$RC" != "$_rc" ]; then
		fail "$_n" "exit $RC, expected $_rc; stderr: $(head -c 200 /tmp/err)"
	elif [ "$(cat /tmp/out)" != "$_o" ]; then
		fail "$_n" "stdout: $(head -c 200 /tmp/out)"
	elif [ "$(cat /tmp/err)" != "$_e" ]; then
		fail "$_n" "stderr: $(head -c 200 /tmp/err)"
	else
		pass "$_n"
	fi
}
# same NAME ARGS...: ours (auditctl) and the reference (/ref/auditctl)
# give the same stdout, stderr and status.
same() {
	_n=$1
	shift
	/ref/auditctl "$@" >/tmp/rout 2>/tmp/rerr
	_rrc=$?
	auditctl "$@" >/tmp/out 2>/tmp/err
	RC=$?
	if [ "$RC" != "$_rrc" ]; then
		fail "$_n" "exit $RC, reference $_rrc; stderr: $(head -c 200 /tmp/err)"
	elif ! cmp -s /tmp/out /tmp/rout; then
		fail "$_n" "stdout: $(head -c 200 /tmp/out) | reference: $(head -c 200 /tmp/rout)"
	elif ! cmp -s /tmp/err /tmp/rerr; then
		fail "$_n" "stderr: $(head -c 200 /tmp/err) | reference: $(head -c 200 /tmp/rerr)"
	else
		pass "$_n"
	fi
}
# status FIELD: the field's value in `auditctl -s`.
status() { auditctl -s | awk -v k="$1" '$1 == k { print $2 }'; }
# wait_for SECONDS CMD...: until CMD succeeds (polled), 1 at the bound.
wait_for() {
	_w=$(($1 * 10))
	shift
	while [ $_w -gt 0 ]; do
		"$@" && return 0
		sleep 0.1
		_w=$((_w - 1))
	done
	return 1
}
t_end() {
	t_say "VM-END"
	sync
	poweroff -f
}
