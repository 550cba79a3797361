#!/bin/sh
# --loginuid-immutable (never on the host): before it, root may change a
# set loginuid; after it, the feature reads "1 locked" in both auditctls'
# -s, a set loginuid can no longer change, and a second request answers
# as the reference's does.
. "$(dirname "$0")/../lib/common.sh"
. "$TOP/tests/vm/lib/vm.sh"
vm_usable loginuid
if [ ! -x /sbin/auditctl ]; then
	skip loginuid "the reference auditctl is not installed"
	t_done
fi
vm_ref "$T_TMP/vm-loginuid/root"

vm_boot loginuid "" <<'GUEST'
feature() { "$1" -s | grep '^loginuid_immutable'; }
change() { sh -c 'echo 1000 >/proc/self/loginuid && echo 1001 >/proc/self/loginuid && cat /proc/self/loginuid' 2>/dev/null; }
check before "$(feature auditctl)" "loginuid_immutable 0 unlocked"
check before_ref "$(feature /ref/auditctl)" "loginuid_immutable 0 unlocked"
check change_before "$(change)" 1001
expect set 0 "" "" -- auditctl --loginuid-immutable
check after "$(feature auditctl)" "loginuid_immutable 1 locked"
check after_ref "$(feature /ref/auditctl)" "loginuid_immutable 1 locked"
check change_after "$(change)" ""
check set_once "$(sh -c 'echo 1000 >/proc/self/loginuid && cat /proc/self/loginuid')" 1000
same again --loginuid-immutable
GUEST
t_done
