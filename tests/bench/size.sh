#!/bin/sh
# Size per applet set (issue 14): the shipped build (musl, static,
# stripped: -Dstatic=true) of each configuration, in bytes and KB, beside
# its budget. Measures; asserts nothing.
# Usage: tests/bench/size.sh [BUILD_ROOT]  (default /tmp/auditbox-size)
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
TOP=$(cd "$HERE/../.." && pwd)
ROOT=${1:-/tmp/auditbox-size}
mkdir -p "$ROOT"
# name|applets|budget KB (- for none)
configs="all|audisp-remote,auditctl,auditd,augenrules,aureport,ausearch,autrace|400
auditctl+auditd|auditctl,auditd|200
auditctl|auditctl|120
auditd|auditd|-
augenrules|augenrules|-
ausearch|ausearch|-
aureport|aureport|-
autrace|autrace|-
audisp-remote|audisp-remote|-
ausearch+aureport|ausearch,aureport|-"
printf '%-20s %10s %8s %8s %s\n' configuration bytes KB budget within
echo "$configs" | while IFS='|' read -r name set budget; do
	b=$ROOT/$name
	if [ ! -f "$b/build.ninja" ]; then
		CC=musl-gcc meson setup "$b" "$TOP" -Dstatic=true \
			-Dapplets="$set" >/dev/null
	else
		meson configure "$b" -Dapplets="$set" >/dev/null
	fi
	ninja -C "$b" auditbox >/dev/null
	bytes=$(stat -c %s "$b/auditbox")
	kb=$(( (bytes + 1023) / 1024 ))
	ok=-
	[ "$budget" != - ] && { [ "$kb" -le "$budget" ] && ok=yes || ok=no; }
	printf '%-20s %10d %8d %8s %s\n' "$name" "$bytes" "$kb" "$budget" "$ok"
done
