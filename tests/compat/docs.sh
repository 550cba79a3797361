#!/bin/sh
# The docs stay true to the code: every option an applet's usage text
# lists appears under its page's options (as `-x` or `--long`), and every
# applet has its page. (STYLE 2.9.)
. "$(dirname "$0")/../lib/common.sh"

for a in $("$AUDITBOX" --list); do
	page=$TOP/docs/$a.8.md
	if [ ! -f "$page" ]; then
		case $a in
		audisp-remote)
			# not written yet: the page comes with the applet
			"$AUDITBOX" "$a" 2>&1 | grep -q 'not implemented yet' &&
				continue ;;
		esac
		fail "docs_page_$a" "no docs/$a.8.md"
		continue
	fi
	missing=""
	# options at the start of a usage line, or in a [-x] / [--x|--y] group
	opts=$("$AUDITBOX" --help "$a" |
		grep -oE '^[[:space:]]+-{1,2}[A-Za-z][A-Za-z0-9_-]*|[[|]-{1,2}[A-Za-z][A-Za-z0-9_-]*' |
		tr -d '[|' | tr -d ' \t' | sort -u)
	if [ -z "$opts" ] && [ "$a" = audisp-remote ] &&
	   grep -q '^`audisp-remote` (no options)$' "$page"; then
		pass "docs_options_$a (none, as 3.0.9)"
		continue
	fi
	if [ -z "$opts" ]; then
		fail "docs_options_$a" "no option found in the usage text"
		continue
	fi
	for o in $opts; do
		# ref 3.0.9: ausearch's usage spells --escape "-escape"
		[ "$a/$o" = ausearch/-escape ] && o=--escape
		grep -qF -- "\`$o" "$page" || missing="$missing $o"
	done
	if [ -n "$missing" ]; then
		fail "docs_options_$a" "not in docs/$a.8.md:$missing"
	else
		pass "docs_options_$a ($(echo $opts | wc -w) options)"
	fi
done
t_done
