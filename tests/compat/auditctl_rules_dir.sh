#!/bin/sh
# auditctl_rules_dir - "auditctl -R DIR" (ours: a rules.d merged as
# augenrules merges it) loads the same rules, with the same stdout and
# exit code, as the reference script's merged file loaded by the
# reference "auditctl -R FILE"; both listed by the reference. A rules.d
# with a world-writable file loads nothing; one without *.rules files is
# refused as the reference refuses a directory. Talks to the kernel: under
# kernel_lock, audit disabled, rules deleted at the end.
. "$(dirname "$0")/../lib/common.sh"
T_KERNEL=1
AUG_DATA=$TOP/tests/data/augenrules
. "$AUG_DATA/lib.sh"

if ! ref_have "$REF_AUDITCTL" || [ ! -f "$REF_AUGENRULES" ]; then
	skip auditctl_rules_dir "no reference auditctl/augenrules"
	t_done
fi
if ! why=$(kernel_usable); then
	skip auditctl_rules_dir "$why"
	t_done
fi
kernel_lock
kernel_save
t_cleanup_hook() { "$REF_AUDITCTL" -D >/dev/null 2>&1; kernel_restore; }
"$REF_AUDITCTL" -e 0 >/dev/null
"$REF_AUDITCTL" -D >/dev/null
aug_oracle "$T_TMP/oracle"

# A rules.d: watches on test paths, syscall rules scoped to one auid,
# -D and -e 0 to be moved, a file without its last newline, comments.
d=$T_TMP/rules.d
w=$T_TMP/watched
mkdir -p "$d" "$w/dir"
: >"$w/file"
printf '%s\n' ' -k joined' '# base' '-D' "-w $w/file -p wa -k f1" \
	>"$d/10-base.rules"
printf '%s\n' '-e 0' \
	'-a always,exit -F arch=b64 -S openat,open -F auid=4000001 -k t2' \
	"-a always,exit -F dir=$w/dir -F perm=wa -F auid=4000001 -k t2" \
	>"$d/2-syscalls.rules"
printf '%s' "-w $w/dir -p x -k nonl" >"$d/9-nonl.rules"
printf '%s\n' '  # indented' '-a never,exit -F arch=b32 -S all -F auid=4000001' \
	>"$d/30-never.rules"
chmod 600 "$d"/*.rules

AUG_DIR=$d AUG_DEST=$T_TMP/merged.rules sh "$T_TMP/oracle" >/dev/null
"$REF_AUDITCTL" -R "$T_TMP/merged.rules" >"$T_TMP/ref.out" 2>"$T_TMP/ref.err"
echo $? >"$T_TMP/ref.rc"
"$REF_AUDITCTL" -l >"$T_TMP/ref.list"
"$REF_AUDITCTL" -D >/dev/null
"$AB_BIN/auditctl" -R "$d" >"$T_TMP/ours.out" 2>"$T_TMP/ours.err"
echo $? >"$T_TMP/ours.rc"
"$REF_AUDITCTL" -l >"$T_TMP/ours.list"
"$REF_AUDITCTL" -D >/dev/null
if ! cmp -s "$T_TMP/ref.list" "$T_TMP/ours.list"; then
	fail rules_dir_load "listed: $(cat "$T_TMP/ours.list") vs $(cat "$T_TMP/ref.list")"
elif ! cmp -s "$T_TMP/ref.out" "$T_TMP/ours.out"; then
	fail rules_dir_load "stdout: $(head -c 300 "$T_TMP/ours.out")"
elif ! cmp -s "$T_TMP/ref.rc" "$T_TMP/ours.rc" || [ -s "$T_TMP/ours.err" ]; then
	fail rules_dir_load "exit $(cat "$T_TMP/ours.rc"), stderr $(cat "$T_TMP/ours.err")"
elif [ "$(wc -l <"$T_TMP/ours.list")" -ne 5 ]; then
	fail rules_dir_load "expected 5 rules: $(cat "$T_TMP/ours.list")"
else
	pass rules_dir_load
fi

# augenrules --load: write the merged file, then auditctl -R it.
AUG_DIR=$d AUG_DEST=$T_TMP/ref.rules sh "$T_TMP/oracle" --load \
	>"$T_TMP/ref.out" 2>"$T_TMP/ref.err"
echo $? >"$T_TMP/ref.rc"
"$REF_AUDITCTL" -l >"$T_TMP/ref.list"
"$REF_AUDITCTL" -D >/dev/null
"$AB_BIN/augenrules" --load --rules-dir "$d" --rules-file "$T_TMP/ours.rules" \
	>"$T_TMP/ours.out" 2>"$T_TMP/ours.err"
echo $? >"$T_TMP/ours.rc"
"$REF_AUDITCTL" -l >"$T_TMP/ours.list"
"$REF_AUDITCTL" -D >/dev/null
if ! cmp -s "$T_TMP/ref.list" "$T_TMP/ours.list"; then
	fail augenrules_load "listed: $(cat "$T_TMP/ours.list") vs $(cat "$T_TMP/ref.list")"
elif ! cmp -s "$T_TMP/ref.rc" "$T_TMP/ours.rc" ||
     ! cmp -s "$T_TMP/ref.err" "$T_TMP/ours.err"; then
	fail augenrules_load "exit $(cat "$T_TMP/ours.rc"), stderr $(cat "$T_TMP/ours.err")"
elif ! cmp -s "$T_TMP/ref.out" "$T_TMP/ours.out" ||
     ! cmp -s "$T_TMP/ref.rules" "$T_TMP/ours.rules"; then
	fail augenrules_load "stdout or merged file differ"
else
	pass augenrules_load
fi

# A world-writable file: nothing loaded, exit 1.
chmod 602 "$d/30-never.rules"
"$AB_BIN/auditctl" -R "$d" >"$T_TMP/o" 2>"$T_TMP/e"
rc=$?
if [ $rc = 1 ] && [ "$("$REF_AUDITCTL" -l)" = "No rules" ] &&
   grep -q "^auditctl: Error - $d/30-never.rules is world writable\$" "$T_TMP/e"; then
	pass rules_dir_world_writable
else
	fail rules_dir_world_writable "exit $rc: $(cat "$T_TMP/e")"
fi
"$REF_AUDITCTL" -D >/dev/null

# No *.rules file: the reference's answer to a directory.
mkdir "$T_TMP/empty.d"
"$REF_AUDITCTL" -R "$T_TMP/empty.d" >"$T_TMP/ref.out" 2>/dev/null
r1=$?
"$AB_BIN/auditctl" -R "$T_TMP/empty.d" >"$T_TMP/ours.out" 2>"$T_TMP/e"
r2=$?
if [ $r1 = $r2 ] && cmp -s "$T_TMP/ref.out" "$T_TMP/ours.out" &&
   grep -q "is not a regular file" "$T_TMP/e"; then
	pass rules_dir_empty
else
	fail rules_dir_empty "exit $r2 vs $r1: $(cat "$T_TMP/e")"
fi
t_done
