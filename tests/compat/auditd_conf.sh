#!/bin/sh
# tests/compat/auditd_conf.sh - auditd.conf parsing: the same bad config
# to the reference auditd -f and to ours; stdout, stderr and exit code
# must match. Every case ends with an unknown keyword, so that neither
# daemon can ever get past the configuration (never touches the kernel).
# Cases: tests/data/auditd-conf/cases (one config line per case; "\n"
# splits lines). Expected outputs: tests/data/auditd-conf/expected,
# made by tests/data/auditd-conf/regen from the reference.
. "$(dirname "$0")/../lib/common.sh"
DATA=$TOP/tests/data/auditd-conf
REF_AUDITD=${REF_AUDITD:-/sbin/auditd}
[ "$(id -u)" = 0 ] || { skip auditd_conf "not root (auditd checks root first)"; t_done; }

# run BIN CASE: prints the masked output and exit code
run() {
	d=$(mktemp -d "$T_TMP/c.XXXXXX")
	printf '%b\nzzz_unknown = 1\n' "$2" > "$d/auditd.conf"
	chmod 0640 "$d/auditd.conf"
	timeout -s KILL 5 "$1" -f -c "$d" >"$d/out" 2>&1
	echo "rc=$?" >>"$d/out"
	sed "s#$d#DIR#g" "$d/out"
	rm -rf "$d"
}

n=0
while IFS= read -r c; do
	n=$((n + 1))
	run "$AB_BIN/auditd" "$c" >"$T_TMP/ours"
	exp=$(sed -n "/^### $n\$/,/^rc=/p" "$DATA/expected" | sed 1d)
	if [ "$exp" = "$(cat "$T_TMP/ours")" ]; then
		pass "auditd_conf_$n"
	else
		fail "auditd_conf_$n" "[$c] expected: $(echo "$exp" | tr '\n' '|') got: $(tr '\n' '|' <"$T_TMP/ours")"
	fi
	if ref_have "$REF_AUDITD" && [ "${AUDITBOX_LIVE_REF:-1}" = 1 ]; then
		(kernel_lock; run "$REF_AUDITD" "$c") >"$T_TMP/ref"
		cmp -s "$T_TMP/ref" "$T_TMP/ours" && pass "auditd_conf_live_$n" ||
			fail "auditd_conf_live_$n" "[$c] ref: $(tr '\n' '|' <"$T_TMP/ref") ours: $(tr '\n' '|' <"$T_TMP/ours")"
	fi
done <"$DATA/cases"
t_done
