#!/bin/sh
# The multi-call binary: dispatch on argv[0], auditbox APPLET, --list,
# --install, --help, --version, unknown applets, applets not written yet.
. "$(dirname "$0")/../lib/common.sh"

B=$AUDITBOX
expect() {	# expect NAME RC STDOUT STDERR -- command...
	name=$1 rc=$2 out=$3 err=$4
	shift 5
	"$@" >"$T_TMP/out" 2>"$T_TMP/err"
	got=$?
	if [ "$got" != "$rc" ]; then
		fail "$name" "exit $got, expected $rc"
	elif [ "$(cat "$T_TMP/out")" != "$out" ]; then
		fail "$name" "stdout: $(head -c 200 "$T_TMP/out")"
	elif [ "$(cat "$T_TMP/err")" != "$err" ]; then
		fail "$name" "stderr: $(head -c 200 "$T_TMP/err")"
	else
		pass "$name"
	fi
}

applets="audisp-remote
auditctl
auditd
augenrules
aureport
ausearch
autrace"

if file "$B" | grep -q 'statically linked'; then
	pass static_binary
else
	fail static_binary "$(file "$B")"
fi
expect list 0 "$applets" "" -- "$B" --list
expect version 0 "auditbox 0.1" "" -- "$B" --version
expect unknown_applet 127 "" "auditbox: unknown applet 'nope'" -- "$B" nope
expect applet_by_arg 0 "auditctl version 3.0.9" "" -- "$B" auditctl -v
expect applet_by_path_arg 0 "auditctl version 3.0.9" "" -- "$B" /usr/sbin/auditctl -v
expect help_applet 0 "$(cat "$TOP/tests/data/auditctl/status/expected/help.out")" "" -- "$B" --help auditctl
expect help_unknown 127 "" "auditbox: unknown applet 'x'" -- "$B" --help x
expect bad_option 1 "" "" -- sh -c "'$B' --bogus 2>&1 | head -1 | grep -qx \"auditbox: unknown option '--bogus'\" && exit 1"
"$B" >"$T_TMP/out" 2>&1
if [ $? = 1 ] && grep -q '^usage: auditbox APPLET' "$T_TMP/out" &&
   [ "$(tail -7 "$T_TMP/out")" = "$applets" ]; then
	pass bare_usage
else
	fail bare_usage "$(head -3 "$T_TMP/out")"
fi

# --install: one link per applet to our real path; again is fine.
d=$T_TMP/inst
mkdir "$d"
expect install 0 "" "" -- "$B" --install "$d"
real=$(readlink -f "$B")
ok=1
for a in $applets; do
	[ "$(readlink "$d/$a")" = "$real" ] || ok=0
done
[ $ok = 1 ] && pass install_links || fail install_links "$(ls -l "$d")"
expect install_again 0 "" "" -- "$B" --install "$d"
expect via_link 0 "auditctl version 3.0.9" "" -- "$d/auditctl" -v
ln -s "$d/auditctl" "$T_TMP/-auditctl"
expect login_dash_name 0 "auditctl version 3.0.9" "" -- "$T_TMP/-auditctl" -v

# A regular file is never overwritten; a foreign link neither. The rest
# is still installed and the exit status is 1.
d2=$T_TMP/inst2
mkdir "$d2"
echo keep >"$d2/ausearch"
ln -s /bin/true "$d2/aureport"
"$B" --install "$d2" >"$T_TMP/out" 2>"$T_TMP/err"
rc=$?
if [ $rc = 1 ] && [ "$(cat "$d2/ausearch")" = keep ] &&
   [ "$(readlink "$d2/aureport")" = /bin/true ] &&
   [ "$(readlink "$d2/auditctl")" = "$real" ] &&
   grep -qx "auditbox: $d2/ausearch: File exists" "$T_TMP/err" &&
   grep -qx "auditbox: $d2/aureport: File exists" "$T_TMP/err"; then
	pass install_keeps_files
else
	fail install_keeps_files "rc=$rc $(cat "$T_TMP/err")"
fi
# A missing directory is made (mkdir -p); one that cannot be is an error.
expect install_new_dir 0 "" "" -- "$B" --install "$T_TMP/new/bin"
[ "$(readlink "$T_TMP/new/bin/auditctl")" = "$real" ] && pass install_new_dir_links ||
	fail install_new_dir_links "$(ls -l "$T_TMP/new/bin" 2>&1)"
: >"$T_TMP/file"
expect install_bad_dir 1 "" "auditbox: $T_TMP/file/bin: Not a directory" -- "$B" --install "$T_TMP/file/bin"

# In its own directory, the links are relative (they still work when the
# directory moves, as in an image); a TARGET is written as given.
mkdir "$T_TMP/img"
cp "$B" "$T_TMP/img/auditbox"
expect install_own_dir 0 "" "" -- "$T_TMP/img/auditbox" --install "$T_TMP/img"
[ "$(readlink "$T_TMP/img/auditctl")" = auditbox ] && pass install_relative ||
	fail install_relative "$(ls -l "$T_TMP/img")"
expect install_default_dir 0 "" "" -- "$T_TMP/img/auditbox" --install
mv "$T_TMP/img" "$T_TMP/img2"
expect install_relative_moved 0 "auditctl version 3.0.9" "" -- "$T_TMP/img2/auditctl" -v
expect install_target 0 "" "" -- "$B" --install "$T_TMP/stage/usr/sbin" /sbin/auditbox
[ "$(readlink "$T_TMP/stage/usr/sbin/ausearch")" = /sbin/auditbox ] &&
	pass install_target_links ||
	fail install_target_links "$(ls -l "$T_TMP/stage/usr/sbin" 2>&1)"
expect install_target_again 0 "" "" -- "$B" --install "$T_TMP/stage/usr/sbin" /sbin/auditbox
# Links to our own path are not what another TARGET asked for.
"$B" --install "$d" ../auditbox >/dev/null 2>"$T_TMP/err"
rc=$?
if [ $rc = 1 ] && grep -qx "auditbox: $d/auditctl: File exists" "$T_TMP/err" &&
   [ "$(readlink "$d/auditctl")" = "$real" ]; then
	pass install_target_other
else
	fail install_target_other "rc=$rc $(head -2 "$T_TMP/err")"
fi

# audisp-remote through its link: no options (arguments ignored, as
# 3.0.9); without a remote_server, exit 6 (tests/kernel/remote_client.sh)
echo "port = 60" >"$T_TMP/none.conf"
expect audisp_remote_no_server 6 "" \
	"audisp-remote: $T_TMP/none.conf: remote_server is not set" -- \
	env AUDITBOX_REMOTE_CONF="$T_TMP/none.conf" "$d/audisp-remote" x
# aureport through its link: the reference's message for a bad option
expect aureport_bad_option 1 "$("$d/aureport" --help)" \
	"--bogus is an unsupported option" -- "$d/aureport" --bogus
# autrace's usage, as 3.0.9's (its kernel cases: tests/kernel/autrace.sh)
expect autrace_usage 1 "" "usage: autrace [-r] program" -- "$d/autrace"
expect autrace_usage_r 1 "" "usage: autrace [-r] program" -- "$d/autrace" -r

# A write error on stdout fails the applet; a closed pipe is silent.
if [ -w /dev/full ]; then
	expect stdout_full 1 "" "auditctl: write error: No space left on device" -- sh -c "exec '$d/auditctl' -v >/dev/full"
fi
t_done
