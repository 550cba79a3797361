#!/bin/sh
# -f 2 (never on the host): a record lost on purpose panics the kernel.
# Rate limit 1 per second, failure 2, then user messages in a burst: the
# second in the same second is lost, and the guest must panic with the
# audit's reason on its console instead of reaching its end.
. "$(dirname "$0")/../lib/common.sh"
. "$TOP/tests/vm/lib/vm.sh"
vm_usable panic

VM_EXPECT=panic vm_boot panic "" <<'GUEST'
auditctl -b 8192 >/dev/null
auditctl -e 1 >/dev/null
auditctl -r 1 >/dev/null
run auditctl -f 2
check failure_set "$RC $(awk '$1=="failure"{print $2}' /tmp/out)" "0 2"
check failure_status "$(status failure)" 2
sleep 1
i=0
while [ $i -lt 200 ]; do
	auditctl -m "burst $i" 2>/dev/null
	i=$((i + 1))
done
fail no_panic "200 user messages at rate limit 1 and the kernel is still up"
GUEST
if grep -q 'Kernel panic - not syncing: audit: rate limit exceeded' \
	"$T_TMP/vm-panic/console"; then
	pass panic:reason
else
	fail panic:reason "$(grep -m1 'Kernel panic' "$T_TMP/vm-panic/console")"
fi
t_done
