# tests/data/augenrules/lib.sh - sourced by tests/compat/augenrules.sh and
# ./regen. Each directory of cases/ is one run of augenrules over a fresh
# copy of its rules.d (absent: a missing directory), with its optional
# args (extra arguments) and dest (the destination file before the run,
# @DIR@ standing for the rules.d path).
#
# The oracle is a copy of the reference script (/sbin/augenrules, audit
# 3.0.9) with its DestinationFile and SourceRulesDir pointed at the test's
# files and its awk "\s" written [[:space:]]: Debian's mawk reads "\s" as
# a plain "s", the script means white space (its comment says so, and
# gawk reads it so). auditbox follows the script's meaning
# (docs/compat.md); AUGENRULES_AWK_AS_IS=1 keeps the installed reading.

# The caller sets AUG_DATA (this directory).
AUG_CASES=$AUG_DATA/cases
REF_AUGENRULES=${REF_AUGENRULES:-/sbin/augenrules}

# aug_oracle FILE: writes the edited reference script to FILE.
aug_oracle() {
	sed -e 's|^DestinationFile=.*|DestinationFile="$AUG_DEST"|' \
	    -e 's|^SourceRulesDir=.*|SourceRulesDir="$AUG_DIR"|' \
	    "$REF_AUGENRULES" >"$1.tmp" || return 1
	if [ "${AUGENRULES_AWK_AS_IS:-0}" = 1 ]; then
		mv "$1.tmp" "$1"
	else
		sed 's/\\\\s/[[:space:]]/g' "$1.tmp" >"$1" && rm -f "$1.tmp"
	fi
	chmod 755 "$1"
}

# aug_run WORK CASE KIND PROG: runs PROG, the oracle script (KIND ref) or
# auditbox's augenrules (KIND ours, pointed at the files with
# --rules-dir/--rules-file), with the case's args, in a fresh WORK dir;
# leaves WORK/{out,err,rc,rules,prev,mode}, with paths written @W@ and
# the program's name ($0) written augenrules.
aug_run() {
	_w=$1 _c=$AUG_CASES/$2 _kind=$3 _prog=$4
	rm -rf "$_w"
	mkdir -p "$_w"
	if [ -d "$_c/rules.d" ]; then
		cp -R "$_c/rules.d" "$_w/rules.d"
		find "$_w/rules.d" -name .keep -type f -delete
	fi
	if [ -f "$_c/dest" ]; then
		sed "s|@DIR@|$_w/rules.d|g" "$_c/dest" >"$_w/audit.rules"
	fi
	_args=
	if [ -f "$_c/args" ]; then
		_args=$(cat "$_c/args")
	fi
	# shellcheck disable=SC2086
	if [ "$_kind" = ref ]; then
		AUG_DIR=$_w/rules.d AUG_DEST=$_w/audit.rules sh "$_prog" $_args
	else
		"$_prog" $_args --rules-dir "$_w/rules.d" \
			--rules-file "$_w/audit.rules"
	fi >"$_w/out.raw" 2>"$_w/err.raw"
	echo $? >"$_w/rc"
	for _f in out err; do
		sed -e "s|$_prog|augenrules|g" -e "s|$_w|@W@|g" "$_w/$_f.raw" \
			>"$_w/$_f"
	done
	if [ -f "$_w/audit.rules" ]; then
		sed "s|$_w|@W@|g" "$_w/audit.rules" >"$_w/rules"
		stat -c %a "$_w/audit.rules" >"$_w/mode"
	else
		echo "<absent>" >"$_w/rules"
		echo "-" >"$_w/mode"
	fi
	if [ -f "$_w/audit.rules.prev" ]; then
		cp "$_w/audit.rules.prev" "$_w/prev"
	else
		echo "<absent>" >"$_w/prev"
	fi
}

# The fields of a result compared, in order.
AUG_PARTS="out err rc rules prev mode"
