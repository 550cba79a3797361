#!/bin/sh
# augenrules - the augenrules applet over each case of
# tests/data/augenrules/cases gives the expected stdout, stderr, exit
# code, merged audit.rules (and its mode) and audit.rules.prev, recorded
# from the reference script (see tests/data/augenrules/lib.sh and regen),
# and the same as the live reference where it is installed. Touches no
# kernel: no case loads rules.
. "$(dirname "$0")/../lib/common.sh"
AUG_DATA=$TOP/tests/data/augenrules
. "$AUG_DATA/lib.sh"

# Our own wording where the script lets cat(1) speak (docs/compat.md).
own_err() { case $1 in *subdir) return 0 ;; esac; return 1; }

same() {	# same NAME DIR_A DIR_B WHAT: compares the parts
	for p in $AUG_PARTS; do
		if [ "$p" = err ] && own_err "$1"; then
			continue
		fi
		if ! cmp -s "$2/$p" "$3/$p"; then
			fail "$1" "$4: $p differs: $(head -c 200 "$2/$p") vs $(head -c 200 "$3/$p")"
			return 1
		fi
	done
	return 0
}

live=0
if [ -f "$REF_AUGENRULES" ]; then
	aug_oracle "$T_TMP/oracle" && live=1
fi
n=0
for c in "$AUG_CASES"/*/; do
	c=$(basename "$c")
	n=$((n + 1))
	aug_run "$T_TMP/ours" "$c" ours "$AB_BIN/augenrules"
	mkdir -p "$T_TMP/exp"
	for p in $AUG_PARTS; do
		cp "$AUG_DATA/expected/$c.$p" "$T_TMP/exp/$p"
	done
	same "augenrules_$c" "$T_TMP/ours" "$T_TMP/exp" expected || continue
	if [ $live = 1 ]; then
		aug_run "$T_TMP/ref" "$c" ref "$T_TMP/oracle"
		same "augenrules_$c" "$T_TMP/ours" "$T_TMP/ref" live || continue
	fi
	if own_err "$c" && ! grep -q "^augenrules: @W@/rules.d/z.rules: Is a directory\$" "$T_TMP/ours/err"; then
		fail "augenrules_$c" "stderr: $(cat "$T_TMP/ours/err")"
		continue
	fi
	pass "augenrules_$c"
done
[ $live = 1 ] || skip augenrules_live "no reference $REF_AUGENRULES"
t_done
