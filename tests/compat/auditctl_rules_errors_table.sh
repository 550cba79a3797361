#!/bin/sh
# auditctl_rules_errors_table.sh - rule errors and edge cases, on the command
# line and in rules files: the reference auditctl and ours must print the same
# stdout and stderr and exit with the same code.
#
# Every case runs with audit disabled (-e 0), under kernel_lock, with all
# rules deleted before and after each tool's run (a case that is not an error
# may load a rule). Each case's reference output is also compared with the
# stored tests/data/rules/errors.expected; without the reference installed,
# ours is compared with that file only.
# Usage: sh tests/compat/auditctl_rules_errors_table.sh [CASE-NAME ...]
# AUDITBOX_RULES_REGEN=1 (tests/data/rules/regen) rewrites errors.expected.

. "$(dirname "$0")/../lib/common.sh"
. "$(dirname "$0")/../lib/rules.sh"

DATA=$TOP/tests/data/rules
EXPECTED=$DATA/errors.expected
REGEN=${AUDITBOX_RULES_REGEN:-0}
REF=$REF_AUDITCTL
OURS=$AB_BIN/auditctl
T_KERNEL=1
RUN="timeout 30"
ONLY=" $* "

rules_pick_ctl

rules_kernel_begin "rules errors" "$CTL"

rules_tree
F=$W/_rulesfiles
mkdir -p "$F"

# Stored expected: "== NAME" blocks; extract one case's block.
stored() {
	awk -v n="== $1" '$0 == n { on = 1; next } /^== / { on = 0 } on' "$EXPECTED"
}

N=0 OK=0 SETUP= SEEN=' '
: >"$T_TMP/all"
# run TOOL OUT ARGS...: OUT gets stdout, "-- stderr", stderr, "-- exit N".
run() {
	tool=$1 out=$2
	shift 2
	$RUN "$CTL" -D >/dev/null 2>&1
	if [ -n "$SETUP" ]; then
		set -f
		# shellcheck disable=SC2086
		$RUN "$CTL" $(printf '%s' "$SETUP" | sed "s|@TMP@|$W|g") >/dev/null 2>&1
		set +f
	fi
	$RUN "$tool" "$@" >"$out.o" 2>"$out.e"
	rc=$?
	{ cat "$out.o"; echo "-- stderr"; cat "$out.e"; echo "-- exit $rc"; } |
		unmap >"$out"
	$RUN "$CTL" -D >/dev/null 2>&1
}
# check NAME ARGS...: one case; @TMP@ in ARGS is the test tree.
check() {
	name=$1
	shift
	case $ONLY in "  ") ;; *" $name "*) ;; *) SETUP=; return ;; esac
	case $SEEN in *" $name "*) fail "rules-error $name" "duplicate case name" ;; esac
	SEEN="$SEEN $name "
	n=$#
	for a; do
		set -- "$@" "$(printf '%s' "$a" | sed "s|@TMP@|$W|g")"
	done
	shift "$n"
	N=$((N + 1))
	o=$T_TMP/c
	if [ "$HAVE_REF" = 1 ]; then
		run "$REF" "$o.ref" "$@"
		{ echo "== $name"; cat "$o.ref"; } >>"$T_TMP/all"
	else
		stored "$name" >"$o.ref"
	fi
	if [ "$REGEN" = 1 ]; then
		SETUP=
		return
	fi
	run "$OURS" "$o.ours" "$@"
	SETUP=
	case " $* " in
	*" -R "*)
		# auditbox adds its own diagnostics for rules files on purpose
		# (docs/compat.md): "auditctl: FILE:LINE: message" and friends,
		# always naming the file; the reference has no such prefix.
		grep -v '^auditctl: .*@TMP@/' "$o.ours" >"$o.ours.f" || true
		mv "$o.ours.f" "$o.ours"
		;;
	esac
	if cmp -s "$o.ref" "$o.ours"; then
		OK=$((OK + 1))
		pass "rules-error $name"
	else
		diff "$o.ref" "$o.ours" | head -n 12 | sed 's/^/  /'
		fail "rules-error $name" "$(printf '%s' "$*" | unmap)"
	fi
}
# checkfile NAME MODE CONTENT [ARGS...]: write CONTENT (printf %b) to a
# rules file with MODE, then check NAME with -R FILE (or with ARGS, where
# @FILE@ stands for the file).
checkfile() {
	name=$1 mode=$2
	printf '%b' "$3" | sed "s|@TMP@|$W|g" >"$F/$1.rules"
	chmod "$mode" "$F/$1.rules"
	shift 3
	if [ $# -eq 0 ]; then
		check "$name" -R "$F/$name.rules"
	else
		n=$#
		for a; do
			set -- "$@" "$(printf '%s' "$a" | sed "s|@FILE@|$F/$name.rules|g")"
		done
		shift "$n"
		check "$name" "$@"
	fi
}

# dirext NAME DIR FILE: -R DIR, a directory holding *.rules files. The
# reference refuses any directory (its answer is recorded as for check);
# ours loads the merged *.rules (docs/compat.md), so its load must list,
# by the reference, what the reference lists after -R FILE, FILE being
# the same lines in ls -v order; ours prints nothing and exits 0.
dirext() {
	name=$1 dir=$2 file=$3
	case $ONLY in "  ") ;; *" $name "*) ;; *) return ;; esac
	case $SEEN in *" $name "*) fail "rules-error $name" "duplicate case name" ;; esac
	SEEN="$SEEN $name "
	N=$((N + 1))
	o=$T_TMP/c
	if [ "$HAVE_REF" = 1 ]; then
		run "$REF" "$o.ref" -R "$dir"
		{ echo "== $name"; cat "$o.ref"; } >>"$T_TMP/all"
	fi
	[ "$REGEN" = 1 ] && return
	$RUN "$CTL" -D >/dev/null 2>&1
	$RUN "$CTL" -R "$file" >/dev/null 2>&1
	$RUN "$CTL" -l >"$o.want" 2>&1
	$RUN "$CTL" -D >/dev/null 2>&1
	$RUN "$OURS" -R "$dir" >"$o.out" 2>"$o.err"
	rc=$?
	$RUN "$CTL" -l >"$o.got" 2>&1
	$RUN "$CTL" -D >/dev/null 2>&1
	if [ $rc = 0 ] && [ ! -s "$o.out" ] && [ ! -s "$o.err" ] &&
		grep -q '^-a ' "$o.want" && cmp -s "$o.want" "$o.got"; then
		OK=$((OK + 1))
		pass "rules-error $name"
	else
		diff "$o.want" "$o.got" | head -n 12 | sed 's/^/  /'
		fail "rules-error $name" "ours: exit $rc, $(cat "$o.err")"
	fi
}

R='-a always,exit -F arch=b64 -S openat'
# -R DIR: one without any *.rules file (the reference's refusal, ours
# too), one with *.rules files (ours merges them: dirext).
mkdir -p "$F/dir-norules" "$F/dir-rules"
: >"$F/dir-norules/audit.conf"
: >"$F/dir-norules/.hidden.rules"
printf '%s\n' "$R -k ten" >"$F/dir-rules/10-ten.rules"
printf '%s\n' "$R -k two" >"$F/dir-rules/2-two.rules"
: >"$F/dir-rules/notes.txt"
printf '%s\n' "$R -k two" "$R -k ten" >"$F/dir-rules.merged"
chmod 600 "$F"/dir-*/* "$F/dir-rules.merged"
K257=$(printf 'k%.0s' $(seq 257))
K250=$(printf 'k%.0s' $(seq 250))
F65=$(i=0; while [ $i -lt 65 ]; do printf ' -F uid=%d' $i; i=$((i + 1)); done)

# shellcheck disable=SC2086
{
## fields
check field-unknown $R -F foo=1
check field-unknown-prefix $R -F uidx=1
check field-empty-name $R -F =1
check field-missing-op $R -F uid
check field-missing-op-value $R -F uid1000
check field-missing-value $R -F uid=
check field-missing-value-ge $R -F 'auid>='
check field-missing-arg -a always,exit -F
check field-op-double $R -F 'uid==0'
check field-op-bang $R -F 'uid!0'
check field-op-ltgt $R -F 'uid<>0'
check field-pid-word $R -F pid=abc
check field-pid-bitmask $R -F 'pid&1'
check field-pid-bittest $R -F 'pid&=1'
check field-pid-negative $R -F pid=-1
check field-pid-huge $R -F pid=99999999999999999999
check field-uid-unset-kernel $R -F uid=unset
check field-uid-minus1 $R -F uid=-1
check field-uid-bitmask $R -F 'uid&1'
check field-pers-word $R -F pers=linux
check field-inode-lt $R -F 'inode<5'
check field-ppid-user -a always,user -F ppid=1
check field-ppid-task -a always,task -F ppid=1
check field-devmajor-task -a always,task -F devmajor=8
check field-success-task -a always,task -F success=1
check field-success-2 $R -F success=2
check field-sessionid-task -a always,task -F sessionid=1
check field-saddr-fam-big $R -F saddr_fam=99
check field-saddr-fam-word $R -F saddr_fam=inet
check field-filetype-bad $R -F filetype=pipe
check field-filetype-number $R -F filetype=4096
check field-perm-bad $R -F perm=q
check field-perm-ne $R -F 'perm!=r'
check field-perm-lt $R -F 'perm<r'
check field-exe-relative $R -F exe=usr/bin/sudo
check field-exe-twice $R -F exe=@TMP@/usr/bin/su -F exe=@TMP@/usr/bin/sudo
check field-exe-lt $R -F 'exe<@TMP@/usr/bin/su'
check field-path-relative $R -F path=etc/passwd
check field-path-ne $R -F 'path!=@TMP@/etc/passwd'
check field-dir-relative $R -F dir=etc
check field-dir-missing $R -F dir=@TMP@/nope
check field-path-missing-parent $R -F path=@TMP@/nope/file
check field-a0-word $R -F a0=abc
check field-a0-huge $R -F a0=0x1ffffffffffffffff
check field-a4 $R -F a4=1
check field-key-before-syscall -a always,exit -F arch=b64 -F key=k -S openat
check field-key-no-syscall -a always,exit -F key=k
check field-key-task -a always,task -F uid=0 -k k
check field-key-exclude -a always,exclude -F msgtype=CWD -k k
check field-key-lt $R -F 'key<k'
check field-subj-user-lt-user -a always,user -F 'subj_user<u'
check field-obj-user-task -a always,task -F obj_user=u
check field-too-many $R $F65
check field-loginuid-set $R -F loginuid_set=1
## users and groups
check user-unknown $R -F uid=nosuchuser
check user-unknown-auid $R -F auid=nosuchuser
check user-unknown-obj $R -F obj_uid=nosuchuser
check user-unknown-euid $R -F euid=Root
check group-unknown $R -F gid=nosuchgroup
check group-unset $R -F gid=unset
check group-minus1 $R -F gid=-1
check group-unknown-obj $R -F obj_gid=nosuchgroup
check group-unknown-fsgid $R -F fsgid=wheel
## exit and errno
check exit-unknown-errno $R -F exit=-ENOPE
check exit-unknown-errno-pos $R -F exit=EBOGUS
check exit-word $R -F exit=failure
check exit-task -a always,task -F exit=0
check exit-bitmask $R -F 'exit&1'
## arch
check arch-unknown $R -F arch=sparc
check arch-b16 -a always,exit -F arch=b16 -S openat
check arch-gt -a always,exit -F 'arch>b64' -S openat
check arch-after-syscall -a always,exit -S openat -F arch=b64
check arch-twice -a always,exit -F arch=b64 -F arch=b32 -S open
check arch-aarch64-open -a always,exit -F arch=aarch64 -S open
check arch-number-bad -a always,exit -F arch=0x1234 -S open
check arch-empty -a always,exit -F arch= -S open
## syscalls
check syscall-unknown -a always,exit -F arch=b64 -S nosuchcall
check syscall-unknown-in-list -a always,exit -F arch=b64 -S open,nosuchcall,close
check syscall-fchmodat2 -a always,exit -F arch=b64 -S fchmodat2
check syscall-b32-kexec -a always,exit -F arch=b32 -S kexec_load
check syscall-b64-socketcall -a always,exit -F arch=b64 -S socketcall
check syscall-negative -a always,exit -F arch=b64 -S -1
check syscall-huge -a always,exit -F arch=b64 -S 2048
check syscall-empty-list -a always,exit -F arch=b64 -S ,
check syscall-missing-arg -a always,exit -F arch=b64 -S
check syscall-task -a always,task -S openat
check syscall-user -a always,user -S openat
check syscall-exclude -a always,exclude -S openat
check syscall-filesystem -a always,filesystem -S openat -F fstype=tracefs
check syscall-no-arch-warning -a always,exit -S open -F uid=0
check syscall-no-arch-same -a always,exit -S openat -F uid=0
check syscall-all-mixed -a always,exit -F arch=b64 -S all,open
check syscall-with-watch -w @TMP@/etc/passwd -S open
## lists and actions
check list-unknown -a foo,always
check action-unknown -a always,foo
check action-only -a always
check list-only -a exit
check list-action-extra -a always,exit,extra
check list-empty -a ,
check list-entry -a entry,always -F arch=b64 -S open
check action-possible -a possible,exit -F arch=b64 -S open
check list-io-uring -a always,io_uring -S all
check list-missing-arg -a
check list-prepend-unknown -A foo,always
check list-delete-unknown -d always,foo
check list-two-rules -a always,exit -F arch=b64 -S open -a always,exit -F arch=b64 -S close
check list-add-and-delete -a always,exit -F arch=b64 -S open -d always,exit -F arch=b64 -S open
check list-case -a ALWAYS,EXIT -F arch=b64 -S open
## msgtype
check msgtype-exit $R -F msgtype=SYSCALL
check msgtype-task -a always,task -F msgtype=SYSCALL
check msgtype-unknown -a always,exclude -F msgtype=NOPE
check msgtype-lowercase -a always,exclude -F msgtype=syscall
check msgtype-empty -a always,exclude -F msgtype=
check exclude-sessionid -a always,exclude -F sessionid=1
check exclude-euid -a always,exclude -F euid=0
check exclude-arch -a always,exclude -F arch=b64
## filesystem list
check fstype-unknown -a never,filesystem -F fstype=cgroup2
check fstype-exit $R -F fstype=tracefs
check fstype-lt -a never,filesystem -F 'fstype<5'
check fstype-uid -a never,filesystem -F fstype=tracefs -F uid=0
check fstype-none -a never,filesystem
## -C comparisons
check compare-mixed $R -C uid=gid
check compare-lt $R -C 'uid<euid'
check compare-unknown $R -C foo=uid
check compare-no-op $R -C uid
check compare-same $R -C uid=uid
check compare-task -a always,task -C uid=euid
check compare-pid $R -C pid=ppid
check compare-missing-arg $R -C
## keys
check key-257 $R -k "$K257"
check key-total-over -a always,exit -F arch=b64 -S open -k "$K250" -k abcdefg
check key-empty $R -k ''
check key-missing-arg $R -k
check key-field-257 $R -F "key=$K257"
check key-before-anything -k k -a always,exit -F arch=b64 -S open
## watches and perms
check watch-relative -w etc/passwd
check watch-dotdot -w @TMP@/etc/../etc/passwd -p wa
check watch-wildcard -w @TMP@/etc/pass* -p wa
check watch-question -w @TMP@/etc/passw? -p wa
check watch-missing -w @TMP@/nope/file -p wa
check watch-missing-file -w @TMP@/etc/nofile -p wa
check watch-root -w /
check watch-empty -w ''
check watch-missing-arg -w
check watch-perm-bad -w @TMP@/etc/passwd -p rwxz
check watch-perm-long -w @TMP@/etc/passwd -p rwxar
check watch-perm-empty -w @TMP@/etc/passwd -p ''
check watch-perm-dup -w @TMP@/etc/passwd -p rr
check watch-perm-missing-arg -w @TMP@/etc/passwd -p
check watch-perm-alone -p wa
check watch-perm-on-rule $R -p wa
check watch-with-field -w @TMP@/etc/passwd -F uid=0
check watch-with-list -w @TMP@/etc/passwd -a always,exit
check watch-long-name -w "@TMP@/etc/$(printf 'n%.0s' $(seq 300))"
check watch-two -w @TMP@/etc/passwd -w @TMP@/etc/shadow
check watch-key-257 -w @TMP@/etc/passwd -k "$K257"
check unwatch-missing -W @TMP@/etc/passwd
check unwatch-relative -W etc/passwd
SETUP="-w @TMP@/etc/passwd -p wa -k id"
check unwatch-other-perm -W @TMP@/etc/passwd -p r
SETUP="-w @TMP@/etc/passwd -p wa -k id"
check unwatch-ok -W @TMP@/etc/passwd -p wa -k id
SETUP="-w @TMP@/etc/passwd -p wa -k id"
check watch-exists -w @TMP@/etc/passwd -p wa -k id
## rules that exist or do not
SETUP="$R -F uid=0"
check rule-exists $R -F uid=0
check delete-missing -d always,exit -F arch=b64 -S openat -F uid=12345
SETUP="$R -F uid=0"
check delete-ok -d always,exit -F arch=b64 -S openat -F uid=0
SETUP="$R -F uid=0"
check delete-order -d exit,always -F arch=b64 -S openat -F uid=0
## listing and deleting by key
SETUP="$R -F uid=0 -k keep"
check list-key -l -k keep
SETUP="$R -F uid=0 -k keep"
check list-key-substring -l -k ee
SETUP="$R -F uid=0 -k keep"
check list-key-none -l -k other
SETUP="$R -F uid=0 -k drop"
check delete-key -D -k drop
SETUP="$R -F uid=0 -k keep"
check delete-key-other -D -k other
check list-no-rules -l
check list-no-rules-interp -l -i
## options
check option-unknown -X
check option-a-twice-task -a always,task -a always,task
check option-m-with-rule -m hello -a always,exit -S open
## rules files
checkfile file-ok 600 "$R -k file\n"
checkfile file-bad-line 600 "$R -k one\n-a always,exit -F arch=b64 -S nosuchcall\n$R -k three\n"
checkfile file-bad-first 600 "-a foo,always\n"
checkfile file-tab 600 "$R\t-k tab\n"
checkfile file-world-writable 666 "$R -k ww\n"
checkfile file-group-writable 660 "$R -k gw\n"
checkfile file-nested 600 "-R /dev/null\n"
checkfile file-only-comments 600 "# nothing\n\n   \n"
checkfile file-empty 600 ""
checkfile file-ignore 600 "$R -k one\n-S nosuchcall\n$R -k three\n" -i -R @FILE@
checkfile file-continue 600 "$R -k one\n-a always,exit -F arch=b64 -S nosuchcall\n$R -k three\n" -c -R @FILE@
checkfile file-c-inside 600 "-c\n$R -k one\n-a foo,bar\n$R -k three\n"
checkfile file-dup 600 "$R -k dup\n$R -k dup\n"
checkfile file-long-line 600 "$R -k $(printf 'x%.0s' $(seq 6200))\n"
checkfile file-with-option 600 "$R -k opt\n" -R @FILE@ -l
check file-missing -R @TMP@/nope.rules
check file-directory -R "$F/dir-norules"
dirext file-directory-rules "$F/dir-rules" "$F/dir-rules.merged"
check file-missing-arg -R
}

if [ "$REGEN" = 1 ]; then
	cp "$T_TMP/all" "$EXPECTED"
	echo "regen errors: $N cases"
	exit 0
fi
if [ "$HAVE_REF" = 1 ] && [ "$ONLY" = "  " ]; then
	if cmp -s "$EXPECTED" "$T_TMP/all"; then
		pass "rules-error reference as stored"
	else
		diff "$EXPECTED" "$T_TMP/all" | head -n 20 | sed 's/^/  /'
		fail "rules-error reference as stored" "reference output differs from $EXPECTED"
	fi
fi
echo "rules errors: $OK/$N identical"
exit 0
