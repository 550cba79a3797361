#!/bin/sh
# tests/fault/conf_files.sh - plugins.d files and plugin programs an
# attacker could have changed, at auditd's start: the .conf file
# world-writable, owned by another user, a symlink; the program owned by
# another user, group- or world-writable. Ours and the reference's 3.0.9
# daemon on the same files: the same messages (in the order each says
# them at its start, compared as sets), the plugin not run, logging on.
# Where 3.0.9 runs a program its group or any user may rewrite (it
# checks only that the owner's and group's read and execute bits are
# there) or follows a symlinked .conf, ours refuses (docs/compat.md).
# KERNEL-TESTS.md: the kernel lock, backlog_wait_time 0, -b 8192, -f 1,
# one watch on a temp dir, everything restored on exit.
. "$(dirname "$0")/../lib/common.sh"
. "$TOP/tests/lib/fault.sh"

fault_kernel conf_files
auditd_kernel_begin conf_files
P=$T_TMP/plug
mkdir -p "$P"
chmod 0755 "$T_TMP"

# setup KIND DIR: DIR's plugins.d holds p.conf for program DIR/prog
# (which notes that it ran in DIR/ran), spoiled as KIND says
setup() {
	_d=$2
	mkdir -p "$_d/log" "$_d/plugins"
	fconf "$_d" "$_d/log/audit.log"
	printf '#!/bin/sh\necho ran >>%s/ran\nexec cat >/dev/null\n' "$_d" >"$_d/prog"
	chmod 0750 "$_d/prog"
	printf 'active = yes\ndirection = out\npath = %s\ntype = always\nformat = string\n' \
		"$_d/prog" >"$_d/plugins/p.conf"
	chmod 0640 "$_d/plugins/p.conf"
	case $1 in
	conf_world) chmod 0646 "$_d/plugins/p.conf" ;;
	conf_owner) chown 65534 "$_d/plugins/p.conf" ;;
	conf_symlink) mv "$_d/plugins/p.conf" "$_d/real.conf"
		ln -s "$_d/real.conf" "$_d/plugins/p.conf" ;;
	prog_owner) chown 65534 "$_d/prog" ;;
	prog_world) chmod 0757 "$_d/prog" ;;
	prog_group) chmod 0770 "$_d/prog" ;;
	esac
}

# run WHO KIND: the daemon on a spoiled plugins.d; "ran" or "not run",
# the messages (sorted, DIR for the directory) in $C/msgs
run() {
	C=$T_TMP/$2.$1
	setup "$2" "$C"
	fstart "$1" "$C" || { echo "no start: $(cat "$C/stderr")" >"$C/why"; return 1; }
	mark after
	upto has_mark after "$C/log/audit.log" || echo "after not logged" >>"$C/why"
	fstop
	[ -s "$C/ran" ] && echo ran >"$C/result" || echo "not run" >"$C/result"
	grep -v -e '^Init complete' -e '^The audit daemon is exiting' \
		-e '^Unable to adjust out of memory score' -e 'dispatcher' \
		"$C/syslog" | sed "s|$C/|DIR/|g" | sort >"$C/msgs"
}

REF=1
ref_have "$REF_AUDITD" || { skip conf_files_reference "no reference auditd"; REF=; }
for k in conf_world conf_owner conf_symlink prog_owner prog_world prog_group; do
	run ours $k
	C=$T_TMP/$k.ours
	res=$(cat "$C/result" 2>/dev/null)
	[ ! -s "$C/why" ] && [ "$res" = "not run" ] &&
		pass "conf_files_${k}_refused ($(tr '\n' '|' <"$C/msgs"))" ||
		fail "conf_files_${k}_refused" "$res $(cat "$C/why" "$C/msgs" 2>/dev/null | tr '\n' '|')"
	[ -n "$REF" ] || continue
	run ref $k
	R_=$T_TMP/$k.ref
	if diff "$R_/msgs" "$C/msgs" >"$T_TMP/d" && [ "$(cat "$R_/result")" = "$res" ]; then
		pass "conf_files_${k}_same_as_reference"
	else
		echo "conf_files $k: reference $(cat "$R_/result"): $(tr '\n' '|' <"$R_/msgs")"
		case $k in
		prog_world|prog_group|conf_symlink) [ "$(cat "$R_/result")" = ran ] &&
			pass "conf_files_${k}_reference_runs_it_as_documented" ||
			fail "conf_files_${k}_reference_runs_it_as_documented" "$(cat "$R_/result")" ;;
		*) fail "conf_files_${k}_same_as_reference" "$(tr '\n' '|' <"$T_TMP/d")" ;;
		esac
	fi
done
t_done
