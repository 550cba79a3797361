#!/bin/sh
# tests/kernel/remote_stream.sh - the interop matrix at scale: a stream of
# REMOTE_STREAM records (default 1000000, plus an EOE every 4th, which no
# client sends) from each client (ours, the reference audisp-remote) into
# each collector (ours, the reference auditd; local_events = no, so that
# neither registers with the kernel; the reference's under the kernel
# lock, as the other remote tests). Each pairing must deliver the stream
# complete, in order, each record once: the collector's lines of node cl
# are byte-identical to the input without its EOEs. Each line reports
# sent / received / duplicated / lost.
. "$(dirname "$0")/../lib/common.sh"
. "$TOP/tests/lib/remote.sh"
remote_begin remote_stream
AR=$AB_BIN/audisp-remote
N=${REMOTE_STREAM:-1000000}

stream "$N"

# wait_progress FILE N: until FILE has N lines of node cl; 1 when their
# number has not grown for 30 s (a stalled stream, not a slow one)
wait_progress() {
	_last=-1 _still=0
	while :; do
		_c=$(grep -c '^node=cl ' "$1" 2>/dev/null)
		[ "${_c:-0}" -ge "$2" ] && return 0
		if [ "${_c:-0}" -gt "$_last" ]; then
			_last=${_c:-0} _still=0
		else
			_still=$((_still + 1))
			[ $_still -ge 300 ] && return 1
		fi
		sleep 0.1
	done
}

# verdict NAME LOG RC: the collector's node cl lines against want.txt
verdict() {
	netpart "$2" >"$T_TMP/got"
	_got=$(wc -l <"$T_TMP/got")
	if cmp -s "$T_TMP/want.txt" "$T_TMP/got"; then
		_dup=0 _lost=0 _ok=1
	else
		_ok=0
		_dup=$(sort "$T_TMP/got" | uniq -d | wc -l)
		sort -u "$T_TMP/got" >"$T_TMP/got.u"
		sort "$T_TMP/want.txt" | comm -23 - "$T_TMP/got.u" >"$T_TMP/lost"
		_lost=$(wc -l <"$T_TMP/lost")
	fi
	_line="$NW sent, $_got received, $_dup duplicated, $_lost lost"
	if [ "$_ok" = 1 ] && [ "$3" = 0 ]; then
		pass "$1 ($_line)"
	else
		fail "$1" "client rc $3; $_line; $(diff "$T_TMP/want.txt" "$T_TMP/got" | head -2 | tr '\n' ' ')"
	fi
}

# oursclient PORT LOG: our audisp-remote sends in.txt (it ends once every
# record is acked), then the collector's log must have them all
oursclient() {
	clconf "$T_TMP/oc.conf" "$1"
	AUDITBOX_REMOTE_CONF=$T_TMP/oc.conf "$AR" <"$T_TMP/in.txt" 9>&- 2>"$T_TMP/oc.err"
	_rc=$?
	wait_progress "$2" "$NW" || _rc=stalled
	RC=$_rc
}

# refclient PORT LOG: the reference audisp-remote (its config bound over
# /etc/audit/audisp-remote.conf in a mount namespace of its own); its
# stdin stays open until LOG has every record (it stops at end of input)
refclient() {
	clconf "$T_TMP/rc.conf" "$1" "format = managed" "mode = immediate" \
		"network_failure_action = stop"
	{ cat "$T_TMP/in.txt"; wait_progress "$2" "$NW"; echo $? >"$T_TMP/rc.wait"; } |
		unshare -m sh -c "mount --bind '$T_TMP/rc.conf' /etc/audit/audisp-remote.conf && exec '$REF_REMOTE'" \
		9>&- 2>"$T_TMP/rc.err"
	RC=$(cat "$T_TMP/rc.wait")
}

# pair NAME CLIENT(ours|ref) COLLECTOR(ours|ref)
pair() {
	_p=$(free_port)
	_d=$T_TMP/$1
	srvconf "$_d" "$_p"
	if ! "$3" "$_d"; then
		fail "$1" "collector did not start: $(head -c 300 "$_d/err")"
		stopsrv
		return
	fi
	"${2}client" "$_p" "$_d/log/audit.log"
	_rc=$RC
	# a collector never takes the kernel's records
	_kp=$("$REF_AUDITCTL" -s | awk '$1=="pid"{print $2}')
	[ "$_kp" != "$SPID" ] || fail "$1:kernel_untouched" "the collector registered (audit pid $_kp)"
	stopsrv
	verdict "$1" "$_d/log/audit.log" "$_rc"
	rm -rf "$_d"
}

pair remote_stream_ours_to_ours ours ours
if ref_have "$REF_REMOTE"; then
	pair remote_stream_ref_to_ours ref ours
else
	skip remote_stream_ref_to_ours "no $REF_REMOTE (apt-get install audispd-plugins)"
fi
if ! ref_have "$REF_AUDITD"; then
	skip remote_stream_to_ref "no $REF_AUDITD"
	t_done
fi
kernel_lock
pair remote_stream_ours_to_ref ours ref
if ref_have "$REF_REMOTE"; then
	pair remote_stream_ref_to_ref ref ref
else
	skip remote_stream_ref_to_ref "no $REF_REMOTE"
fi
t_done
