#!/bin/sh
# auditctl_syslog - what auditctl -R sends to syslog before a rule is
# sent (the reference's audit_msg()): the same messages as the reference
# auditctl 3.0.9, tagged "auditctl", one datagram each. The reference's
# go to /dev/log, a socket of ours in a mount namespace of its own (a
# tmpfs on /dev); ours to AUDITBOX_SYSLOG_SOCKET. Ours are what musl's
# syslog(3) sends ("<11>Mmm dd hh:mm:ss auditctl: MSG\n", UTC); glibc's
# end without "\n" and carry the local time, so the two are compared
# after the stamp. Nothing reaches the kernel: each file's error is found
# before a request is sent.
. "$(dirname "$0")/../lib/common.sh"

if [ "$(id -u)" != 0 ] || ! command -v unshare >/dev/null ||
   ! command -v python3 >/dev/null; then
	skip auditctl_syslog "needs root, unshare and python3"
	t_done
fi
if ! ref_have "$REF_AUDITCTL"; then
	skip auditctl_syslog "no reference auditctl"
	t_done
fi

# listen SOCKET FILE: datagrams written to FILE, NUL after each, until
# one says END (then the listener exits: wait $LPID).
listen() {
	rm -f "$1"
	python3 - "$1" "$2" 9>&- <<'PY' &
import socket, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind(sys.argv[1])
with open(sys.argv[2], 'wb', buffering=0) as out:
    while True:
        m = s.recv(65536)
        if m == b'END':
            break
        out.write(m + b'\0')
PY
	LPID=$!
	_i=0
	while [ ! -S "$1" ] && [ $_i -lt 100 ]; do
		sleep 0.1
		_i=$((_i + 1))
	done
}
# done_listening SOCKET: the END datagram, then the listener's exit
done_listening() {
	python3 -c 'import socket, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.sendto(b"END", sys.argv[1])' "$1"
	wait "$LPID"
}
# strip FILE: each datagram without its "<PRI>Mmm dd hh:mm:ss " and a
# final newline, one a line
strip() {
	tr '\0' '\n' <"$1" | sed -e '/^$/d' \
		-e 's/^<11>[A-Z][a-z][a-z] [ 123][0-9] [0-2][0-9]:[0-5][0-9]:[0-6][0-9] //'
}

i=0
for body in '-b abc' '-r x1' '-e 7' '-f 9'; do
	i=$((i + 1))
	f=$T_TMP/r$i.rules
	printf '%s\n' "$body" >"$f"
	chmod 600 "$f"
	listen "$T_TMP/ref.sock" "$T_TMP/ref$i.log"
	unshare -m sh -c 'mount -t tmpfs none /dev &&
		ln -s "$1" /dev/log && exec "$2" -R "$3"' sh \
		"$T_TMP/ref.sock" "$REF_AUDITCTL" "$f" >/dev/null 2>&1
	done_listening "$T_TMP/ref.sock"
	listen "$T_TMP/ours.sock" "$T_TMP/ours$i.log"
	AUDITBOX_SYSLOG_SOCKET=$T_TMP/ours.sock "$AB_BIN/auditctl" -R "$f" \
		>/dev/null 2>&1
	done_listening "$T_TMP/ours.sock"
	strip "$T_TMP/ref$i.log" >"$T_TMP/ref$i.txt"
	strip "$T_TMP/ours$i.log" >"$T_TMP/ours$i.txt"
	bad=$(tr '\0' '\n' <"$T_TMP/ours$i.log" | sed '/^$/d' |
		grep -cv '^<11>[A-Z][a-z][a-z] [ 123][0-9] [0-2][0-9]:[0-5][0-9]:[0-6][0-9] auditctl: ')
	if [ ! -s "$T_TMP/ref$i.txt" ]; then
		fail "syslog_$i" "the reference sent nothing for '$body'"
	elif ! cmp -s "$T_TMP/ref$i.txt" "$T_TMP/ours$i.txt"; then
		fail "syslog_$i" "$(diff "$T_TMP/ref$i.txt" "$T_TMP/ours$i.txt" | head -5)"
	elif [ "$bad" != 0 ]; then
		fail "syslog_$i" "header: $(tr '\0' '\n' <"$T_TMP/ours$i.log")"
	else
		pass "syslog_$i"
	fi
done

t_done
