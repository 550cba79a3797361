#!/bin/sh
# meson install into a staging tree (--prefix /usr, DESTDIR): the binary,
# one relative link per applet (the same list as `auditbox --list`), a
# manual page per docs/NAME.N.md that lints clean with `mandoc -Tlint`,
# the example configuration (which auditd -t and auditctl --check
# accept); and nothing written outside the staging tree.
. "$(dirname "$0")/../lib/common.sh"

if ! command -v meson >/dev/null || ! command -v ninja >/dev/null; then
	fail install "meson or ninja missing"
	t_done
fi
B=$T_TMP/build
D=$T_TMP/dest
if ! meson setup "$B" "$TOP" --prefix /usr -Dstatic=true >"$T_TMP/setup.log" 2>&1 ||
   ! ninja -C "$B" >"$T_TMP/ninja.log" 2>&1; then
	fail install_build "$(tail -3 "$T_TMP/setup.log" "$T_TMP/ninja.log")"
	t_done
fi
before=$(ls -la /usr/sbin/auditbox /usr/share/man/man8/aureport.8* 2>&1)
if DESTDIR=$D meson install -C "$B" --no-rebuild >"$T_TMP/install.log" 2>&1; then
	pass install_runs
else
	fail install_runs "$(tail -3 "$T_TMP/install.log")"
	t_done
fi
after=$(ls -la /usr/sbin/auditbox /usr/share/man/man8/aureport.8* 2>&1)
[ "$before" = "$after" ] && pass install_stays_in_destdir ||
	fail install_stays_in_destdir "the system's files changed"

S=$D/usr/sbin
[ -x "$S/auditbox" ] && pass install_binary || fail install_binary "no $S/auditbox"
bad=
for a in $("$S/auditbox" --list); do
	[ "$(readlink "$S/$a")" = auditbox ] || bad="$bad $a"
done
n=$(find "$S" -type l | wc -l)
[ -z "$bad" ] && [ "$n" = "$("$S/auditbox" --list | wc -l)" ] &&
	pass "install_links ($n, relative)" || fail install_links "wrong:$bad, $n links"
# the links work from the staged tree
"$S/aureport" -v >"$T_TMP/v" 2>&1
grep -qx 'aureport version 3.0.9' "$T_TMP/v" && pass install_link_runs ||
	fail install_link_runs "$(cat "$T_TMP/v")"

# manual pages: one per docs/NAME.N.md, lint clean
missing=
for md in "$TOP"/docs/*.[0-9].md; do
	p=$(basename "$md" .md)
	s=${p##*.}
	[ -f "$D/usr/share/man/man$s/$p" ] || missing="$missing $p"
done
[ -z "$missing" ] && pass "install_man_pages ($(ls "$TOP"/docs/*.[0-9].md | wc -l))" ||
	fail install_man_pages "not installed:$missing"
if command -v mandoc >/dev/null; then
	mandoc -Tlint -W warning "$D"/usr/share/man/man*/* >"$T_TMP/lint" 2>&1
	if [ ! -s "$T_TMP/lint" ]; then
		pass "man_lint ($(ls "$D"/usr/share/man/man*/* | wc -l) pages, no warning)"
	else
		fail man_lint "$(head -3 "$T_TMP/lint")"
	fi
	# every page names itself and has a NAME section
	bad=
	for m in "$D"/usr/share/man/man*/*; do
		mandoc -Tascii "$m" 2>/dev/null | sed 's/.\x08//g' | grep -q '^NAME$' || bad="$bad $m"
	done
	[ -z "$bad" ] && pass man_name_sections || fail man_name_sections "$bad"
else
	fail man_lint "mandoc missing (scripts/deps installs it)"
fi

# the init files, scripts still executable
I=$D/usr/share/doc/auditbox/init
[ -f "$I/systemd/auditd.service" ] && [ -x "$I/s6/auditd/run" ] &&
[ -x "$I/runit/auditd/run" ] && [ -x "$I/openrc/auditd" ] &&
	pass install_init_files || fail install_init_files "missing or not executable under $I"

# the examples, valid for our own checkers
E=$D/usr/share/doc/auditbox/examples
if [ -f "$E/auditd.conf" ] && [ -d "$E/rules.d" ] && [ -d "$E/plugins.d" ]; then
	pass install_examples
else
	fail install_examples "missing under $E"
fi
mkdir -p "$T_TMP/conf"
cp "$E/auditd.conf" "$T_TMP/conf/"
"$S/auditd" -t -c "$T_TMP/conf" >"$T_TMP/t" 2>&1 &&
	pass example_auditd_conf || fail example_auditd_conf "$(cat "$T_TMP/t")"
for r in "$E"/rules.d/*.rules; do
	"$S/auditctl" --check "$r" >"$T_TMP/t" 2>&1 &&
		pass "example_rules_$(basename "$r")" ||
		fail "example_rules_$(basename "$r")" "$(head -3 "$T_TMP/t")"
done
# -Dapplets: only the chosen applets are in the binary and installed
B2=$T_TMP/build-two
D2=$T_TMP/dest-two
if meson setup "$B2" "$TOP" --prefix /usr -Dstatic=true \
	-Dapplets=auditctl,aureport >"$T_TMP/setup2.log" 2>&1 &&
   ninja -C "$B2" >"$T_TMP/ninja2.log" 2>&1 &&
   DESTDIR=$D2 meson install -C "$B2" --no-rebuild >/dev/null 2>&1; then
	got=$("$D2/usr/sbin/auditbox" --list | tr '\n' ' ')
	links=$(cd "$D2/usr/sbin" && find . -type l | sort | tr -d './' | tr '\n' ' ')
	[ "$got" = "auditctl aureport " ] && [ "$links" = "auditctl aureport " ] &&
		pass applets_chosen || fail applets_chosen "list [$got] links [$links]"
	"$D2/usr/sbin/auditbox" ausearch >/dev/null 2>"$T_TMP/e"
	rc=$?
	[ $rc = 127 ] && grep -q "unknown applet 'ausearch'" "$T_TMP/e" &&
		pass applets_left_out || fail applets_left_out "rc $rc: $(cat "$T_TMP/e")"
	[ "$(stat -c %s "$D2/usr/sbin/auditbox")" -lt "$(stat -c %s "$S/auditbox")" ] &&
		pass applets_smaller || fail applets_smaller "not smaller than all seven"
else
	fail applets_chosen "$(tail -3 "$T_TMP/setup2.log" "$T_TMP/ninja2.log")"
fi
t_done
