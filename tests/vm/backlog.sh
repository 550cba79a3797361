#!/bin/sh
# backlog_wait_time (never on the host: a full backlog makes every
# audited process of the machine wait). What makes writers wait on a
# current kernel is a backlog that kauditd does not drain. A daemon that
# does not read is the third boot: kauditd fills its socket, then its
# retry queue (backlog_limit long) and loses what overflows it (counted),
# makes writers wait (losing their records when the wait runs out), and
# sends what comes while the socket is still full to the console only
# (dropped there, uncounted, unless booted with audit=1): the daemon logs
# again once it has drained its socket. On the guest's one CPU a
# SCHED_FIFO writer keeps kauditd off the CPU, so the backlog fills at
# once, deterministically:
# - backlog_wait_time 60000: the writer waits in the kernel instead of
#   losing records; the kernel counts the wait; every chmod is logged once;
# - backlog_wait_time 0: the same load loses records, counted in `lost`,
#   and the daemon goes on.
# The daemon runs at a higher SCHED_FIFO priority than the writer, so its
# socket never fills: only the kernel's backlog is under test.
. "$(dirname "$0")/../lib/common.sh"
. "$TOP/tests/vm/lib/vm.sh"
vm_usable backlog_wait

# rtload (tests/vm/lib/rtload.c), static, in each boot's /bin, and the
# boots' shared steps in /lib/bl.sh
rtload_into() {
	mkdir -p "$T_TMP/vm-$1/root/bin" "$T_TMP/vm-$1/root/lib"
	if ! ${MUSL_CC:-musl-gcc} -static -O2 -o "$T_TMP/vm-$1/root/bin/rtload" \
		"$TOP/tests/vm/lib/rtload.c" 2>"$T_TMP/rtload.err"; then
		fail "$1:rtload" "cannot build: $(head -c 300 "$T_TMP/rtload.err")"
		t_done
	fi
	cat >"$T_TMP/vm-$1/root/lib/bl.sh" <<'LIB'
# bl_start WAIT [fifo]: auditd (at SCHED_FIFO 60 with fifo), backlog 64,
# backlog_wait_time WAIT, a watch on /tmp/target (key bw), lost reset;
# P the daemon, W0 the kernel's wait count
bl_start() {
	auditd
	check auditd_starts "$?" 0
	P=$(cat /var/run/auditd.pid)
	if [ "$2" = fifo ]; then
		rtload set "$P" 60
		check daemon_fifo "$?" 0
	fi
	auditctl -b 64 >/dev/null
	auditctl --backlog_wait_time "$1" >/dev/null
	check wait_time "$(status backlog_wait_time)" "$1"
	touch /tmp/target
	auditctl -w /tmp/target -p a -k bw
	auditctl --reset-lost >/dev/null 2>&1
	W0=$(status backlog_wait_time_actual)
}
chmods() { ausearch -k bw -sc chmod 2>/dev/null | grep -c '^type=SYSCALL'; }
# bl_logs_again NAME: user messages, one a second, until one is in the
# log (120 tries)
bl_logs_again() {
	_i=0
	while [ $_i -lt 120 ]; do
		auditctl -m "$1 $_i"
		sleep 1
		if ausearch -m USER 2>/dev/null | grep -q "text=$1 "; then
			pass daemon_goes_on
			return 0
		fi
		_i=$((_i + 1))
	done
	fail daemon_goes_on "none of 120 messages reached the log"
}
bl_stop() {
	kill -TERM "$P"
	gone() { ! kill -0 "$P" 2>/dev/null; }
	if wait_for 60 gone; then pass stopped; else fail stopped "still running"; fi
}
LIB
}

rtload_into backlog_wait
vm_boot backlog_wait "" <<'GUEST'
. /lib/bl.sh
bl_start 60000 fifo
N=$(rtload chmod 50 4000 /tmp/target)
check writer_done "$N" 4000
check nothing_lost "$(status lost)" 0
W1=$(status backlog_wait_time_actual)
if [ "$W1" -gt "$W0" ]; then pass wait_counted; else fail wait_counted "backlog_wait_time_actual $W0 -> $W1"; fi
auditctl -W /tmp/target -p a -k bw
all() { [ "$(chmods)" -ge "$N" ]; }
if wait_for 120 all; then pass all_logged; else fail all_logged "$(chmods) of $N chmods found"; fi
check every_chmod_once "$(chmods)" "$N"
bl_stop
GUEST

rtload_into backlog_nowait
vm_boot backlog_nowait "" <<'GUEST'
. /lib/bl.sh
bl_start 0 fifo
N=$(rtload chmod 50 4000 /tmp/target)
check writer_done "$N" 4000
L=$(status lost)
if [ "$L" -gt 0 ]; then pass lost_counted; else fail lost_counted "lost $L"; fi
check no_wait "$(status backlog_wait_time_actual)" "$W0"
if dmesg | grep -q 'backlog limit exceeded'; then pass kernel_says; else fail kernel_says "no 'backlog limit exceeded' in dmesg"; fi
auditctl -W /tmp/target -p a -k bw
if [ "$(chmods)" -lt "$N" ]; then pass some_missing; else fail some_missing "all $N chmods logged with $L lost"; fi
bl_logs_again after-loss
bl_stop
GUEST

rtload_into backlog_stopped
vm_boot backlog_stopped "" <<'GUEST'
# A stopped daemon (SIGSTOP) and a writer at normal priority; a short
# wait (500 jiffies) keeps the boot short.
. /lib/bl.sh
bl_start 500
kill -STOP "$P"
rtload chmod 0 100000000 /tmp/target >/dev/null &
L=$!
lost() { [ "$(status lost)" -gt 0 ]; }
if wait_for 300 lost; then pass lost_counted; else fail lost_counted "nothing lost after 300 s"; fi
kill "$L"
wait "$L"
# which of the kernel's limits overflows first is the kernel's timing
if dmesg | grep -qE 'retry queue overflow|backlog limit exceeded'; then pass kernel_says; else fail kernel_says "no loss message in dmesg"; fi
check still_registered "$(status pid)" "$P"
t_say "INFO backlog_wait_time_actual $W0 -> $(status backlog_wait_time_actual), lost $(status lost)"
auditctl -W /tmp/target -p a -k bw
kill -CONT "$P"
bl_logs_again after-stop
bl_stop
GUEST

t_done
