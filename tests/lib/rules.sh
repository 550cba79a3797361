# tests/lib/rules.sh - sourced after common.sh by the rules compat tests.

# rules_pick_ctl: HAVE_REF, and CTL, the auditctl that sets the kernel up
# and lists (the reference when installed, else ours). With REGEN=1 the
# reference is required, and stands in for ours if there is no build
# (kernel_restore runs ours).
rules_pick_ctl() {
	if ref_have "$REF"; then HAVE_REF=1; else HAVE_REF=0; fi
	if [ "$REGEN" = 1 ]; then
		[ "$HAVE_REF" = 1 ] ||
			{ echo "regen: no reference at $REF" >&2; exit 1; }
		[ -x "$OURS" ] || ln -sf "$REF" "$OURS"
	fi
	CTL=$REF
	[ "$HAVE_REF" = 1 ] || CTL=$OURS
}

# rules_tree: the tree the rules' paths live in ($DATA/tree, lines "d DIR"
# or "f FILE") under $W = $T_TMP/w; unmap turns $W back into @TMP@.
rules_tree() {
	W=$T_TMP/w
	while read -r kind p; do
		case $kind in
		d) mkdir -p "$W/$p" ;;
		f) mkdir -p "$W/${p%/*}" && : >"$W/$p" ;;
		esac
	done <"$DATA/tree"
	W_RE=$(printf '%s' "$W" | sed 's/[.[\*^$|]/\\&/g')
}
unmap() { sed "s|$W_RE|@TMP@|g"; }
