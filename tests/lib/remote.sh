# tests/lib/remote.sh - sourced (after common.sh) by tests/kernel/remote_*.sh:
# collectors (ours and the reference auditd, local_events = no, so that
# neither registers with the kernel) on free ports of 127.0.0.1, and
# generated record streams.
REF_AUDITD=${REF_AUDITD:-/sbin/auditd}
REF_REMOTE=${REF_REMOTE:-/sbin/audisp-remote}
PEER="python3 $TOP/tests/lib/remote_peer.py"
SPID= CPID= FEED=
t_cleanup_hook() {
	[ -n "$CPID" ] && kill -KILL "$CPID" 2>/dev/null
	[ -n "$FEED" ] && kill "$FEED" 2>/dev/null
	[ -n "$SPID" ] && kill -TERM "$SPID" 2>/dev/null && wait "$SPID" 2>/dev/null
	remote_cleanup_more
	:
}
remote_cleanup_more() { :; }
# remote_begin NAME: root, or skip NAME
remote_begin() {
	if [ "$(id -u)" != 0 ]; then
		skip "$1" "not root"
		t_done
	fi
}

free_port() {
	python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

# srvconf DIR PORT [key = value...]: a collector's auditd.conf in DIR
srvconf() {
	_d=$1 _p=$2
	shift 2
	rm -rf "$_d"
	mkdir -p "$_d/log"
	{
		echo "local_events = no"
		echo "log_file = $_d/log/audit.log"
		echo "log_format = RAW"
		echo "flush = INCREMENTAL_ASYNC"
		echo "freq = 50"
		echo "space_left = 2"
		echo "admin_space_left = 1"
		echo "tcp_listen_port = $_p"
		for kv in "$@"; do echo "$kv"; done
	} >"$_d/auditd.conf"
	chmod 0640 "$_d/auditd.conf"
}

# wait_for FILE PATTERN [N]: until FILE has N (default 1) lines matching
# PATTERN, 60 s at most
wait_for() {
	_i=0
	while _c=$(grep -c -e "$2" "$1" 2>/dev/null); [ "${_c:-0}" -lt "${3:-1}" ]; do
		[ $_i -ge 600 ] && return 1
		sleep 0.1
		_i=$((_i + 1))
	done
}

# ours DIR: our collector, log in DIR/log/audit.log
ours() {
	AUDITBOX_PIDFILE=$1/pid "$AB_BIN/auditd" -n -c "$1" 9>&- 2>"$1/err" &
	SPID=$!
	wait_for "$1/log/audit.log" DAEMON_START
}
# ref DIR: the reference collector (-f: its log on stdout, in
# DIR/log/audit.log too)
ref() {
	"$REF_AUDITD" -f -c "$1" 9>&- >"$1/log/audit.log" 2>"$1/err" &
	SPID=$!
	wait_for "$1/err" "Init complete"
}
stopsrv() {
	kill -TERM "$SPID" 2>/dev/null
	wait "$SPID" 2>/dev/null
	SPID=
}

# gen N FILE: N records of node cl (every 4th an EOE, never sent)
gen() {
	awk -v n="$1" 'BEGIN { for (i = 1; i <= n; i++) {
		printf "node=cl type=USER_ACCT msg=audit(1700000000.%03d:%d): pid=%d uid=0 auid=1000 ses=3 msg=\x27op=PAM:accounting acct=\"u%d\" exe=\"/usr/bin/su\" res=success\x27\n", i % 1000, i, i, i
		if (i % 4 == 0) printf "node=cl type=EOE msg=audit(1700000000.%03d:%d): \n", i % 1000, i
	} }' >"$2"
}
netpart() { grep '^node=cl ' "$1"; }

# clconf FILE PORT [key = value...]
clconf() {
	_f=$1 _p=$2
	shift 2
	{
		echo "remote_server = 127.0.0.1"
		echo "port = $_p"
		for kv in "$@"; do echo "$kv"; done
	} >"$_f"
	chmod 0640 "$_f"
}

# stream N: in.txt (N records and their EOEs), want.txt (what a collector
# must log: no EOE), NW its line count
stream() {
	gen "$1" "$T_TMP/in.txt"
	grep -v 'type=EOE' "$T_TMP/in.txt" >"$T_TMP/want.txt"
	NW=$(wc -l <"$T_TMP/want.txt")
}
