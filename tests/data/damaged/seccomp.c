/* seccomp.c - the workload of gen-enriched.sh: a filter that lets every
 * syscall through but logs getppid (SECCOMP_RET_LOG), returns EPERM for
 * setuid and kills the process on uname: three SECCOMP records. */
#include <errno.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <stdio.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <unistd.h>

#define RULE(nr, action) \
	BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, (nr), 0, 1), \
	BPF_STMT(BPF_RET | BPF_K, (action))

int main(void)
{
	struct sock_filter f[] = {
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
			 offsetof(struct seccomp_data, nr)),
		RULE(__NR_getppid, SECCOMP_RET_LOG),
		RULE(__NR_setuid, SECCOMP_RET_ERRNO | EPERM),
		RULE(__NR_uname, SECCOMP_RET_KILL_PROCESS),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
	};
	struct sock_fprog prog = { sizeof f / sizeof *f, f };
	struct utsname u;

	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) ||
	    prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog))
		return perror("seccomp"), 1;
	syscall(__NR_getppid);
	syscall(__NR_setuid, 0);
	uname(&u);		/* killed here */
	return 2;
}
