# tests/lib/common.sh - sourced by every compat and kernel test script.
#
# Protocol: a test script prints one line per case, "PASS name",
# "FAIL name: why" or "SKIP name: why", and exits 1 if any case failed.
# tests/run runs them all and prints one summary line.
#
# Environment: AUDITBOX (the static binary under test, default build/auditbox),
# AUDITBOX_REQUIRE_KERNEL=1 turns every kernel SKIP into a FAIL.

set -u
export TZ=UTC LC_ALL=C
TOP=$(cd "$(dirname "$0")/../.." && pwd)
AUDITBOX=${AUDITBOX:-$TOP/build/auditbox}
T_FAILS=0
T_TMP=$(mktemp -d /tmp/auditbox-test.XXXXXX)

# Applet links to the binary under test, so argv[0] dispatch is what runs.
mkdir -p "$T_TMP/bin"
"$AUDITBOX" --install "$T_TMP/bin" >/dev/null 2>&1 || true
AB_BIN=$T_TMP/bin

# nobody_bin: a directory of applet links to a copy of the binary that
# nobody (uid 65534) can run: the clone may sit where only root can enter
# (/root), and T_TMP is made 0700.
nobody_bin() {
	if [ ! -d "$T_TMP/nobody" ]; then
		mkdir -p "$T_TMP/nobody"
		cp "$AUDITBOX" "$T_TMP/nobody/auditbox"
		"$T_TMP/nobody/auditbox" --install "$T_TMP/nobody" >/dev/null 2>&1
		chmod 0755 "$T_TMP" "$T_TMP/nobody" "$T_TMP/nobody/auditbox"
	fi
	echo "$T_TMP/nobody"
}

pass() { echo "PASS $1"; }
fail() { echo "FAIL $1${2:+: $2}"; T_FAILS=$((T_FAILS + 1)); }
skip() {
	if [ "${AUDITBOX_REQUIRE_KERNEL:-0}" = 1 ] && [ "${T_KERNEL:-0}" = 1 ]; then
		fail "$1" "skipped but AUDITBOX_REQUIRE_KERNEL=1 ($2)"
	else
		echo "SKIP $1: $2"
	fi
}
t_done() { [ "$T_FAILS" -eq 0 ]; exit $?; }

# Scripts that change state redefine t_cleanup_hook (e.g. kernel_restore);
# it runs on every exit, failures and signals included.
t_cleanup_hook() { :; }
t_exit() { t_cleanup_hook; rm -rf "$T_TMP"; }
trap t_exit EXIT
trap 'exit 130' INT TERM HUP

# json_lines FILE: prints the number of lines of FILE, each one JSON
# value in UTF-8; fails, the error on stderr, at the first that is not.
json_lines() {
	python3 -c 'import json, sys
n = 0
for line in open(sys.argv[1], encoding="utf-8"):
    json.loads(line)
    n += 1
print(n)' "$1"
}

# Where the reference tools are (Debian's auditd package).
REF_AUDITCTL=${REF_AUDITCTL:-/sbin/auditctl}
ref_have() { [ -x "$1" ]; }

# Kernel tests take this lock: one test touching the kernel's audit state
# at a time, across test scripts, developers and helpers on this machine.
KERNEL_LOCK=/tmp/auditbox-kernel.lock
kernel_lock() { exec 9>"$KERNEL_LOCK"; flock 9; }

# auditd_wait CTL: for the daemon just started in the background as $DPID,
# until `CTL -s` shows it as the audit pid (5 s at most); 1 when it exited
# first or never registered.
auditd_wait() {
	_w=0
	while [ $_w -lt 50 ]; do
		[ "$("$1" -s | awk '$1=="pid"{print $2}')" = "$DPID" ] && return 0
		kill -0 "$DPID" 2>/dev/null || return 1
		sleep 0.1
		_w=$((_w + 1))
	done
	return 1
}

# auditd_stop: TERM the daemon $DPID and wait for its end.
auditd_stop() {
	kill -TERM "$DPID" 2>/dev/null
	wait "$DPID" 2>/dev/null
	DPID=
}

# auditd_kernel_begin NAME: for the tests that run a daemon against the
# kernel: root and a kernel that answers (else skip NAME), the lock, the
# state saved, audit disabled, backlog_wait_time 0, -b 8192, -f 1; R is
# the reference auditctl. On every exit: the daemon $DPID stopped, the
# syslog listener $SRV too, auditd_cleanup_more (the script's own), the
# rules deleted, the state restored and checked (enabled 0, pid 0).
auditd_cleanup_more() { :; }
auditd_kernel_begin() {
	T_KERNEL=1
	R=$REF_AUDITCTL
	if ! _why=$(kernel_usable); then
		skip "$1" "$_why"
		t_done
	fi
	kernel_lock
	kernel_save
	DPID= SRV=
	t_cleanup_hook() {
		[ -n "$DPID" ] && kill -TERM "$DPID" 2>/dev/null && sleep 0.5
		[ -n "$DPID" ] && kill -KILL "$DPID" 2>/dev/null
		[ -n "$SRV" ] && kill "$SRV" 2>/dev/null
		auditd_cleanup_more
		"$R" -D >/dev/null 2>&1
		kernel_restore
		"$R" -e 0 >/dev/null 2>&1
		_st=$("$R" -s 2>/dev/null | awk '$1=="enabled"||$1=="pid"{printf "%s=%s ", $1, $2}')
		[ "$_st" = "enabled=0 pid=0 " ] || echo "FAIL kernel state after the test: $_st"
	}
	"$R" -e 0 >/dev/null
	"$R" --backlog_wait_time 0 >/dev/null
	"$R" -b 8192 >/dev/null
	"$R" -f 1 >/dev/null
}

# syslog_up FILE: a datagram listener on AUDITBOX_SYSLOG_SOCKET (as $SRV)
# writing each message (after "TAG[PID]: ") as a line of FILE.
syslog_up() {
	rm -f "$AUDITBOX_SYSLOG_SOCKET"
	python3 - "$AUDITBOX_SYSLOG_SOCKET" "$1" <<'PY' &
import socket, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind(sys.argv[1])
out = open(sys.argv[2], 'wb', buffering=0)
while True:
    out.write(s.recv(65536).split(b': ', 1)[-1] + b'\n')
PY
	SRV=$!
	_i=0
	while [ ! -S "$AUDITBOX_SYSLOG_SOCKET" ] && [ $_i -lt 50 ]; do
		sleep 0.1
		_i=$((_i + 1))
	done
}
# syslog_down: the listener stopped.
syslog_down() {
	[ -n "$SRV" ] && kill "$SRV" 2>/dev/null && wait "$SRV" 2>/dev/null
	SRV=
}

# kernel_usable: root, and the kernel answers an audit status request.
kernel_usable() {
	[ "$(id -u)" = 0 ] || { echo "not root"; return 1; }
	if ! "$AB_BIN/auditctl" -s >/dev/null 2>"$T_TMP/ku.err"; then
		echo "kernel refuses audit status: $(head -1 "$T_TMP/ku.err")"
		return 1
	fi
	return 0
}

# Saves the kernel status fields we may change; kernel_restore puts them
# back (call it from an EXIT trap).
kernel_save() {
	"$REF_AUDITCTL" -s > "$T_TMP/saved.status" 2>/dev/null ||
		"$AB_BIN/auditctl" -s > "$T_TMP/saved.status"
}
kernel_restore() {
	[ -f "$T_TMP/saved.status" ] || return 0
	ctl="$AB_BIN/auditctl"
	f() { awk -v k="$1" '$1==k {print $2}' "$T_TMP/saved.status"; }
	"$ctl" -e 0 >/dev/null 2>&1
	"$ctl" -r "$(f rate_limit)" >/dev/null 2>&1
	"$ctl" -b "$(f backlog_limit)" >/dev/null 2>&1
	"$ctl" --backlog_wait_time "$(f backlog_wait_time)" >/dev/null 2>&1
	"$ctl" -f "$(f failure)" >/dev/null 2>&1
	"$ctl" -e "$(f enabled)" >/dev/null 2>&1
}

# rules_kernel_begin NAME CTL - for tests that load rules into the kernel:
# root and a kernel that answers (else skip), the lock, the state saved,
# never on an immutable kernel nor over rules someone else loaded, audit
# disabled while rules load. On every exit: CTL -D and the state restored.
rules_kernel_begin() {
	rk_name=$1
	RK_CTL=$2
	if [ "$(id -u)" != 0 ]; then
		skip "$rk_name" "not root"
		t_done
	fi
	if ! timeout 30 "$RK_CTL" -s >"$T_TMP/rk.st" 2>&1; then
		skip "$rk_name" "kernel refuses audit status: $(head -1 "$T_TMP/rk.st")"
		t_done
	fi
	kernel_lock
	kernel_save
	if grep -q '^enabled 2' "$T_TMP/saved.status"; then
		fail "$rk_name" "audit is immutable (enabled 2): rules cannot change"
		t_done
	fi
	if [ "$(timeout 30 "$RK_CTL" -l 2>&1)" != "No rules" ]; then
		fail "$rk_name" "the kernel already holds rules; refusing to delete them"
		t_done
	fi
	t_cleanup_hook() {
		timeout 30 "$RK_CTL" -D >/dev/null 2>&1
		kernel_restore
	}
	timeout 30 "$RK_CTL" -e 0 >/dev/null 2>&1
	if ! timeout 30 "$RK_CTL" -s 2>/dev/null | grep -q '^enabled 0$'; then
		fail "$rk_name" "could not disable audit (-e 0)"
		exit 1
	fi
}

# upto CMD...: true once CMD succeeds, tried every 0.1 s for 30 s at most
# (a bounded wait for a handshake, never a timed assertion)
upto() {
	_u=0
	while [ $_u -lt 300 ]; do
		"$@" && return 0
		sleep 0.1
		_u=$((_u + 1))
	done
	return 1
}
