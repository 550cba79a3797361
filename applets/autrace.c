/* autrace - run a program with audit rules that follow only it (its pid
 * and its children's ppid), then delete them. Reference behaviour: audit
 * 3.0.9 autrace(8) (removed upstream in 4.0; kept here). Beyond it: a
 * signal to autrace while it traces (INT, TERM, HUP, QUIT) goes on to the
 * program, and the rules are deleted all the same; only the rules autrace
 * added are deleted (3.0.9 deletes every rule); with -r, syscalls the
 * machine does not have are left out (3.0.9 fails on them).
 * Docs: docs/autrace.8.md */
#include "applet.h"
#include "autrace.h"
#include <auditbox/netlink.h>
#include <auditbox/rule.h>
#include <auditbox/tables.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

const char autrace_usage[] = "usage: autrace [-r] program\n";	/* ref 3.0.9 */

/* -r: the resource and threat subset (ref 3.0.9 insert_rule()). */
static const char *const threat_calls[] = {
	"open", "openat", "creat", "truncate", "rename", "renameat", "unlink",
	"unlinkat", "mknod", "mknodat", "mkdir", "mkdirat", "rmdir", "chdir",
	"chown", "lchown", "fchownat", "chmod", "fchmodat", "link", "linkat",
	"symlink", "symlinkat", "readlink", "readlinkat", "execve",
	"name_to_handle_at", "openat2",
};
/* network calls: syscalls of their own, or socketcall's a0 on i386 and
 * s390 (SYS_CONNECT, SYS_BIND, SYS_ACCEPT, SYS_SENDTO, SYS_RECVFROM,
 * SYS_ACCEPT4) */
static const char *const net_calls[] = {
	"connect", "bind", "accept", "sendto", "recvfrom", "accept4",
};
static const int net_a0[] = { 3, 2, 5, 11, 12, 18 };

#define MAX_RULES 16
#define MAX_ARGS (2 * 40 + 8)

struct autrace {
	struct netlink nl;
	struct rule_builder b;
	int threat, machine, socketcall;
	int live;			/* -l, --live (ours) */
	/* the rules added, to delete them again */
	union {
		struct audit_rule_data r;
		char b[sizeof(struct audit_rule_data) + RULE_BUF_MAX];
	} added[MAX_RULES];
	size_t len[MAX_RULES];
	int nadded;
};

static int no_control(void *ctx, struct rule_builder *b, int opt,
		      const char *arg)
{
	(void)ctx;
	(void)b;
	(void)opt;
	(void)arg;
	return RULE_ABORT;	/* autrace's rules have none */
}

static void no_msg(void *ctx, int direct, const char *msg)
{
	(void)ctx;
	(void)direct;
	(void)msg;	/* the caller says "Error inserting audit rule" */
}

/* Compiles "-a always,exit <syscalls> -F field [-F extra]" and adds it;
 * keeps a copy to delete it later. 0 or -1. */
static int add_rule(struct autrace *t, char **sys, int nsys,
		    const char *field, const char *extra)
{
	char *argv[MAX_ARGS], fbuf[32], ebuf[32];
	int argc = 0;
	size_t len;

	if (t->nadded == MAX_RULES)
		return -1;
	argv[argc++] = "autrace";
	argv[argc++] = "-a";
	argv[argc++] = "always,exit";
	for (int i = 0; i < nsys; i++) {
		argv[argc++] = "-S";
		argv[argc++] = sys[i];
	}
	snprintf(fbuf, sizeof fbuf, "%s", field);
	argv[argc++] = "-F";
	argv[argc++] = fbuf;
	if (extra) {
		snprintf(ebuf, sizeof ebuf, "%s", extra);
		argv[argc++] = "-F";
		argv[argc++] = ebuf;
	}
	argv[argc] = NULL;
	rule_reset(&t->b);
	if (rule_parse(&t->b, argc, argv, NULL) != RULE_SEND)
		return -1;
	len = rule_finish(&t->b);
	if (len > sizeof t->added[0] || netlink_rule_add(&t->nl, t->b.rule,
							  len) < 0)
		return -1;
	memcpy(t->added[t->nadded].b, t->b.rule, len);
	t->len[t->nadded++] = len;
	return 0;
}

/* The rules for one field (pid=N or ppid=N), as 3.0.9's insert_rule().
 * 0, or -1 after "Error inserting audit rule for FIELD". */
static int insert_rule(struct autrace *t, const char *field)
{
	char *sys[40];
	int n = 0, r;

	if (!t->threat) {
		sys[n++] = "all";
	} else {
		for (size_t i = 0; i < sizeof threat_calls /
		     sizeof threat_calls[0]; i++)
			if (tables_syscall_number(t->machine,
						  threat_calls[i]) >= 0)
				sys[n++] = (char *)threat_calls[i];
		for (size_t i = 0; !t->socketcall && i < sizeof net_calls /
		     sizeof net_calls[0]; i++)
			if (tables_syscall_number(t->machine,
						  net_calls[i]) >= 0)
				sys[n++] = (char *)net_calls[i];
		if (tables_syscall_number(t->machine, "sendfile") >= 0)
			sys[n++] = "sendfile";
	}
	r = add_rule(t, sys, n, field, NULL);
	for (size_t i = 0; r == 0 && t->socketcall && i < sizeof net_a0 /
	     sizeof net_a0[0]; i++) {
		char a0[16];

		snprintf(a0, sizeof a0, "a0=%d", net_a0[i]);
		sys[0] = "socketcall";
		r = add_rule(t, sys, 1, field, a0);
	}
	if (r < 0)
		ref_msg("Error inserting audit rule for %s", field);
	return r;
}

/* The rules autrace added, deleted (3.0.9: every rule). */
static void delete_rules(struct autrace *t)
{
	while (t->nadded > 0) {
		t->nadded--;
		netlink_rule_del(&t->nl, &t->added[t->nadded].r,
				 t->len[t->nadded]);
	}
}

static int count_one(void *ctx, const struct audit_rule_data *r, size_t len)
{
	(void)r;
	(void)len;
	++*(int *)ctx;
	return 0;
}

/* Rules the kernel holds now; -1 (errno set) when it will not say. */
static int count_rules(struct autrace *t)
{
	int n = 0, r = netlink_rule_list(&t->nl, count_one, &n);

	if (r < 0) {
		errno = -r;
		return -1;
	}
	return n;
}

/* libaudit's audit_can_control() as Debian builds it (libcap-ng):
 * CAP_AUDIT_CONTROL (30) in the effective set. */
static int can_control(void)
{
	char buf[4096];
	int fd = open("/proc/self/status", O_RDONLY | O_CLOEXEC);
	ssize_t n = fd < 0 ? -1 : read(fd, buf, sizeof buf - 1);
	const char *p;

	if (fd >= 0)
		close(fd);
	if (n <= 0)
		return geteuid() == 0;
	buf[n] = 0;
	if (!(p = strstr(buf, "\nCapEff:")))
		return geteuid() == 0;
	return (strtoull(p + 8, NULL, 16) >> 30) & 1;
}

static void child(int fd, char **argv)
{
	char c;

	printf("Waiting to execute: %s\n", argv[0]);
	fflush(stdout);
	while (read(fd, &c, 1) == -1 && errno == EINTR)
		;
	close(fd);
	execvp(argv[0], argv);
	ref_msg("Failed to exec %s", argv[0]);
	_exit(1);
}

/* Waits up to ms for one of the blocked signals in set: its number, or
 * 0 when none came. */
static int next_signal(const sigset_t *set, long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };
	int sig;

	do
		sig = sigtimedwait(set, NULL, &ts);
	while (sig < 0 && errno == EINTR);
	return sig < 0 ? 0 : sig;
}

/* Waits for the program; a signal to autrace meanwhile goes on to it
 * (the signals, SIGCHLD too, are blocked and taken here: none can slip
 * between a check and the wait, and the end is seen at once). */
static void wait_child(pid_t pid, const sigset_t *set)
{
	for (;;) {
		pid_t r = waitpid(pid, NULL, WNOHANG);
		int sig;

		if (r == pid || (r < 0 && errno != EINTR))
			return;
		if ((sig = next_signal(set, 1000)) && sig != SIGCHLD)
			kill(pid, sig);
	}
}

static int trace(struct autrace *t, char **argv)
{
	static const int sigs[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT };
	sigset_t set;
	char field[32];
	int fd[2], sig;
	pid_t pid;

	if (pipe(fd) != 0) {
		ref_msg("Error creating pipe.");
		return 1;
	}
	fflush(stdout);
	pid = fork();
	if (pid < 0) {
		ref_msg("Error forking.");
		return 1;
	}
	if (pid == 0) {
		close(fd[1]);
		netlink_close(&t->nl);
		child(fd[0], argv);
	}
	close(fd[0]);
	fcntl(fd[1], F_SETFD, FD_CLOEXEC);
	/* from here on the rules exist: a signal must not skip their end
	 * (the child keeps the default dispositions it forked with); a
	 * child gone before the go must not kill us with SIGPIPE */
	sigemptyset(&set);
	for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		sigaddset(&set, sigs[i]);
	sigaddset(&set, SIGCHLD);
	sigprocmask(SIG_BLOCK, &set, NULL);
	signal(SIGPIPE, SIG_IGN);
	snprintf(field, sizeof field, "pid=%d", (int)pid);
	if (insert_rule(t, field) == 0) {
		snprintf(field, sizeof field, "ppid=%d", (int)pid);
		if (insert_rule(t, field) == 0)
			goto go;
	}
	kill(pid, SIGTERM);
	waitpid(pid, NULL, 0);
	delete_rules(t);
	return 1;
go:
	/* ref 3.0.9: a second for the rules to be in place; a signal
	 * meanwhile ends the child before it runs the program */
	if ((sig = next_signal(&set, 1000)) && sig != SIGCHLD)
		kill(pid, sig);
	else if (sig || write(fd[1], "1", 1) < 0)
		kill(pid, SIGTERM);
	if (t->live)
		autrace_live_wait(pid, &set);
	else
		wait_child(pid, &set);
	close(fd[1]);
	puts("Cleaning up...");
	delete_rules(t);
	if (t->live)
		autrace_live_finish();
	printf("Trace complete. You can locate the records with 'ausearch -i "
	       "-p %d'\n", (int)pid);
	return 0;
}

int autrace_main(int argc, char **argv)
{
	static struct autrace t;
	int cmd = 1, r;
	const char *mname;

	if (argc < 2 || !strcmp(argv[1], "-h")) {
		fputs(autrace_usage, stderr);
		return 1;
	}
	/* -r, and ours: -l or --live, in any order */
	for (; cmd < argc; cmd++) {
		if (!strcmp(argv[cmd], "-r") && !t.threat)
			t.threat = 1;
		else if ((!strcmp(argv[cmd], "-l") ||
			  !strcmp(argv[cmd], "--live")) && !t.live)
			t.live = 1;
		else
			break;
	}
	if (cmd >= argc) {	/* 3.0.9 checks access(NULL) and says EFAULT */
		fputs(autrace_usage, stderr);
		return 1;
	}
	if (!can_control()) {
		ref_msg("You must be root or have capabilities to run this "
			"program.");	/* ref 3.0.9 */
		return 1;
	}
	if (access(argv[cmd], X_OK)) {
		if (errno == ENOENT)
			ref_msg("Error - can't find: %s", argv[cmd]);
		else
			ref_msg("Error checking %s (%s)", argv[cmd],
				tables_strerror(errno));
		return 1;
	}
	t.machine = tables_machine_detect();
	mname = tables_machine_name(t.machine);
	t.socketcall = mname && (!strcmp(mname, "i386") ||
				 !strcmp(mname, "s390") ||
				 !strcmp(mname, "s390x"));
	if ((r = netlink_open(&t.nl)) < 0) {
		ref_msg("Error - can't get rule count.");
		return 1;
	}
	rule_builder_init(&t.b, t.machine, 0, no_control, no_msg, &t);
	switch (count_rules(&t)) {
	case -1:
		if (errno == ECONNREFUSED)
			ref_msg("The audit system is disabled");
		else
			ref_msg("Error - can't get rule count.");
		netlink_close(&t.nl);
		return 1;
	case 0:
		break;
	default:
		ref_msg("autrace cannot be run with rules loaded.\n"
			"Please delete all rules using 'auditctl -D' if you "
			"really wanted to\nrun this command.");
		netlink_close(&t.nl);
		return 1;
	}
	if (t.live && autrace_live_open(&t.nl)) {
		netlink_close(&t.nl);
		return 1;
	}
	r = trace(&t, argv + cmd);
	netlink_close(&t.nl);
	return r;
}
