# tests/lib/cases.sh - sourced by compat scripts that replay a cases file
# (one argument list per line) against every corpus of tests/data/logs,
# comparing ours with stored reference outputs and the live reference.
#
# Case prefixes: "live:" (clock-dependent: live diff only), "only:A,B:"
# (those corpora only), "not:A,B:" (all corpora but those).
#
# cases_line CORPUS LINE: prints the argument list to run on CORPUS
# (prefixes removed), or nothing when the case does not apply.
# cases_live LINE: true for a "live:" case.
cases_live() { case $1 in live:*) return 0 ;; esac; return 1; }
cases_line() {
	_l=${2#live:}
	case $_l in
	only:*)
		_w=${_l#only:}; _l=${_w#*:}; _w=${_w%%:*}
		case ",$_w," in *",$1,"*) ;; *) return 0 ;; esac
		;;
	not:*)
		_w=${_l#not:}; _l=${_w#*:}; _w=${_w%%:*}
		case ",$_w," in *",$1,"*) return 0 ;; esac
		;;
	esac
	printf '%s\n' "$_l"
}

# cases_exec BIN CORPUS ARGS PREFIX: runs BIN -if NAME ARGS in the
# corpus's directory (outputs that name the file do not name the clone),
# stdin closed, into PREFIX.out, PREFIX.err and PREFIX.rc (absolute).
cases_exec() {
	# shellcheck disable=SC2086
	(cd "$(dirname "$2")" && exec "$1" -if "$(basename "$2")" $3) \
		</dev/null >"$4.out" 2>"$4.err" && _rc=0 || _rc=$?
	echo $_rc >"$4.rc"
}

# cases_regen REF CASES OUTDIR: stores the reference's outputs of every
# case that applies (not "live:") as OUTDIR/<corpus>/<n>.{out,err,rc};
# outputs over 16 KiB as their sha256 digest.
cases_regen() {
	for _corpus in "$TOP"/tests/data/logs/*.log; do
		_c=$(basename "$_corpus" .log)
		rm -rf "${3:?}/$_c"
		mkdir -p "$3/$_c"
		_n=0
		grep -v '^#' "$2" | while IFS= read -r _line; do
			_n=$((_n + 1))
			_args=$(cases_line "$_c" "$_line")
			[ -n "$_args" ] && ! cases_live "$_line" || continue
			cases_exec "$1" "$_corpus" "$_args" "$3/$_c/$_n"
			if [ "$(wc -c <"$3/$_c/$_n.out")" -gt 16384 ]; then
				sha256sum <"$3/$_c/$_n.out" | cut -d' ' -f1 \
					>"$3/$_c/$_n.out.sha256"
				rm "$3/$_c/$_n.out"
			fi
		done
	done
}

# cases_check NAME OURS REF CASES DATADIR: one PASS/FAIL line per case
# and corpus, then "NAME compat: same/total identical".
cases_check() {
	for _corpus in "$TOP"/tests/data/logs/*.log; do
		_c=$(basename "$_corpus" .log)
		_n=0
		grep -v '^#' "$4" | while IFS= read -r _line; do
			_n=$((_n + 1))
			_args=$(cases_line "$_c" "$_line")
			[ -n "$_args" ] || continue
			CASE_LIVE=0
			cases_live "$_line" && CASE_LIVE=1
			_exp=$5/$_c/$_n
			cases_exec "$2" "$_corpus" "$_args" "$T_TMP/o"
			_why=
			if [ "$CASE_LIVE" = 0 ]; then
				for _k in err rc; do
					cmp -s "$_exp.$_k" "$T_TMP/o.$_k" ||
						_why="$_why $_k!=stored"
				done
				if [ -f "$_exp.out.sha256" ]; then
					[ "$(sha256sum <"$T_TMP/o.out" | cut -d' ' -f1)" = \
					  "$(cat "$_exp.out.sha256")" ] ||
						_why="$_why out!=stored"
				else
					cmp -s "$_exp.out" "$T_TMP/o.out" ||
						_why="$_why out!=stored"
				fi
			fi
			if ref_have "$3"; then
				cases_exec "$3" "$_corpus" "$_args" "$T_TMP/r"
				for _k in out err rc; do
					cmp -s "$T_TMP/r.$_k" "$T_TMP/o.$_k" ||
						_why="$_why $_k!=live"
				done
			elif [ "$CASE_LIVE" = 1 ]; then
				echo "SKIP $1 $_c #$_n ($_args): no reference"
				continue
			fi
			if [ -z "$_why" ]; then
				echo "PASS $1 $_c #$_n ($_args)"
			else
				echo "FAIL $1 $_c #$_n ($_args):$_why"
			fi
		done
	done >"$T_TMP/results"
	cat "$T_TMP/results"
	echo "$1 compat: $(grep -c '^PASS' "$T_TMP/results")/$(grep -c '^[PF]' "$T_TMP/results") identical"
	if grep -q '^FAIL' "$T_TMP/results"; then T_FAILS=$((T_FAILS + 1)); fi
}
