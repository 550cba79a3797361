/* autrace_live - autrace --live (ours, beyond audit 3.0.9): the traced
 * program's events printed as `ausearch -i -p PID` would print them, as
 * they happen, from the kernel's read-only multicast group.
 * Docs: docs/autrace.8.md */
#include "applet.h"
#include "applet_live.h"
#include "autrace.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/signalfd.h>
#include <sys/timerfd.h>
#include <sys/wait.h>
#include <unistd.h>

#include <auditbox/evfmt.h>
#include <auditbox/live.h>
#include <auditbox/scan.h>
#include <auditbox/search.h>
#include <auditbox/tables.h>

#define QUIET_S 2		/* the end of event timeout, and the longest
				 * wait for the deletion's record */

static struct {
	struct live l;
	struct scan s;
	struct search_criteria by_pid, by_ppid;
	struct search_items it;
	struct evfmt f;
	struct netlink *ctl;
	pid_t pid;
	int fd;			/* signalfd, then timerfd */
	bool exited, deleting, deleted, timed_out;
} w;

static int on_event(void *ctx, const struct event_table *t,
		    const struct event *e)
{
	const struct event_rec *bad;
	int rc;

	(void)ctx;
	if (search_match(&w.by_pid, t, e, &w.it, &rc, &bad) ||
	    search_match(&w.by_ppid, t, e, &w.it, &rc, &bad))
		evfmt_event(&w.f, t, e, stdout);
	return 0;
}

int autrace_live_open(struct netlink *ctl)
{
	struct audit_status st;

	if (applet_live_open(&w.l, &w.s.t))
		return -1;
	if (scan_init(&w.s, QUIET_S, on_event, NULL))
		die(1, "out of memory");
	w.s.t.eoe_ends = w.s.t.eoe_drop = true;
	search_criteria_init(&w.by_pid);
	search_criteria_init(&w.by_ppid);
	evfmt_init(&w.f, EVFMT_INTERP, EVFMT_ESC_TTY);
	w.ctl = ctl;
	w.fd = -1;
	if (netlink_status_get(ctl, &st, NULL) == 0 && st.enabled == 0)
		warn_msg("audit is disabled (auditctl -e 1): no records will "
			 "come");
	return 0;
}

/* The kernel's record of our rules' deletion: what the program did was
 * queued before it. */
static void saw_line(void *ctx, struct span line)
{
	(void)ctx;
	if (w.deleting && span_find(line, 0, "type=CONFIG_CHANGE ") == 0 &&
	    span_find(line, 0, " op=remove_rule ") != (size_t)-1)
		w.deleted = true;
}

/* The signals taken: SIGCHLD looks at the program, the others go on to
 * it. Ends the loop once it has exited. */
static int child_check(void *ctx)
{
	struct signalfd_siginfo si;

	(void)ctx;
	while (read(w.fd, &si, sizeof si) == (ssize_t)sizeof si)
		if (si.ssi_signo != SIGCHLD)
			kill(w.pid, (int)si.ssi_signo);
	if (!w.exited) {
		pid_t r = waitpid(w.pid, NULL, WNOHANG);

		w.exited = r == w.pid || (r < 0 && errno != EINTR);
	}
	return w.exited;
}

static int deleted_check(void *ctx)
{
	uint64_t n;

	(void)ctx;
	if (read(w.fd, &n, sizeof n) == (ssize_t)sizeof n)
		w.timed_out = true;
	return w.deleted || w.timed_out;
}

static void run(int (*check)(void *))
{
	struct live_loop lp = {
		.s = &w.s, .timeout_s = QUIET_S, .wake_fd = w.fd,
		.ctl = w.ctl, .check = check, .line = saw_line,
	};

	applet_live_run(&w.l, &lp);
}

void autrace_live_wait(pid_t pid, const sigset_t *set)
{
	w.pid = pid;
	w.by_pid.pid = pid;
	w.by_ppid.ppid = pid;
	w.by_pid.want_arch = w.by_ppid.want_arch = true;
	w.fd = signalfd(-1, set, SFD_NONBLOCK | SFD_CLOEXEC);
	if (w.fd < 0) {
		warn_errno("signalfd");
		waitpid(pid, NULL, 0);
		return;
	}
	run(child_check);
	if (!w.exited)		/* a read error: still wait for it */
		waitpid(pid, NULL, 0);
	close(w.fd);
}

void autrace_live_finish(void)
{
	struct itimerspec its = { .it_value = { QUIET_S, 0 } };

	w.deleting = true;
	w.fd = timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC);
	if (w.fd >= 0 && timerfd_settime(w.fd, 0, &its, NULL) == 0)
		run(deleted_check);
	if (w.fd >= 0)
		close(w.fd);
	scan_complete(&w.s);
	fflush(stdout);
	scan_fini(&w.s);
	live_close(&w.l);
}
