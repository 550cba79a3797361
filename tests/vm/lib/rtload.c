/*
 * rtload - a load generator for the guest's backlog tests, built static
 * by the harness and put in the boot's /bin (busybox has no chrt).
 *
 *   rtload set PID PRIO        PID to SCHED_FIFO PRIO
 *   rtload chmod PRIO N FILE   N chmods of FILE at SCHED_FIFO PRIO
 *                              (0: stay SCHED_OTHER), prints N
 *
 * On the guest's single CPU a SCHED_FIFO writer keeps kauditd (a
 * SCHED_OTHER kernel thread) off the CPU until the writer itself sleeps:
 * the kernel's backlog fills at once, and the writer either waits in the
 * kernel (backlog_wait_time > 0) or its records are lost (0). musl has
 * no sched_setscheduler (it is per thread on Linux): the raw call.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

static int fifo(long pid, int prio)
{
	struct sched_param sp = { .sched_priority = prio };

	if (syscall(SYS_sched_setscheduler, (pid_t)pid, SCHED_FIFO, &sp) != 0) {
		fprintf(stderr, "rtload: sched_setscheduler %ld: %s\n", pid,
			strerror(errno));
		return -1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 4 && strcmp(argv[1], "set") == 0)
		return fifo(atol(argv[2]), atoi(argv[3])) ? 1 : 0;
	if (argc == 5 && strcmp(argv[1], "chmod") == 0) {
		int prio = atoi(argv[2]);
		long n = atol(argv[3]);

		if (prio > 0 && fifo(0, prio))
			return 1;
		for (long i = 0; i < n; i++) {
			if (chmod(argv[4], (i & 1) ? 0600 : 0640) != 0) {
				fprintf(stderr, "rtload: chmod %s: %s\n", argv[4],
					strerror(errno));
				return 1;
			}
		}
		printf("%ld\n", n);
		return 0;
	}
	fprintf(stderr, "usage: rtload set PID PRIO | rtload chmod PRIO N FILE\n");
	return 2;
}
