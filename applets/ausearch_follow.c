/* ausearch_follow - ausearch --follow (ours, beyond audit 3.0.9): the log
 * read to its end, then followed as tail -F follows a name, each event
 * written and flushed once complete. Docs: docs/ausearch.8.md */
#include "applet.h"
#include "ausearch.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <auditbox/follow.h>
#include <auditbox/logread.h>
#include <auditbox/scan.h>
#include <auditbox/tables.h>

static volatile sig_atomic_t ending;

static void on_signal(int sig)
{
	(void)sig;
	ending = 1;
}

void ausearch_signals(sigset_t *old)
{
	struct sigaction sa = { .sa_handler = on_signal };
	sigset_t set;

	/* taken only while waiting (ppoll's mask), so that the events
	 * read are always written out whole */
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGHUP);
	sigprocmask(SIG_BLOCK, &set, old);
	sigdelset(old, SIGINT);
	sigdelset(old, SIGTERM);
	sigdelset(old, SIGHUP);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
}

bool ausearch_ending(void)
{
	sigset_t p;

	if (!ending && sigpending(&p) == 0 &&
	    (sigismember(&p, SIGINT) || sigismember(&p, SIGTERM) ||
	     sigismember(&p, SIGHUP)))
		ending = 1;
	return ending;
}

int64_t ausearch_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static bool refers(void *ctx, const char *lo, const char *hi)
{
	return event_refers(ctx, lo, hi);
}

static void say(struct follow *f)
{
	static const char *const what[] = {
		[FOLLOW_N_ROTATED] = "%s was rotated: following the new file",
		[FOLLOW_N_TRUNCATED] = "%s was truncated: reading it from "
			"its start",
		[FOLLOW_N_MISSING] = "%s is not there: waiting for it",
		[FOLLOW_N_APPEARED] = "%s appeared: following it",
	};

	if (f->notice != FOLLOW_N_NONE)
		warn_msg(what[f->notice], f->path);
	f->notice = FOLLOW_N_NONE;
}

/* Reads path (after the rest of its rotated set when set) and follows
 * it until a signal, a read error or the search stops. */
static int follow_loop(struct scan *s, struct follow *f, long timeout_s,
		       const sigset_t *mask)
{
	int64_t last = ausearch_now_ms();
	unsigned long n = 0;
	struct span line;
	int rc, failed = -1, ret = 0;

	while (!s->stop && !(++n % 4096 == 0 && ausearch_ending())) {
		rc = follow_line(f, &line, &failed);
		say(f);
		if (rc == FOLLOW_LINE) {
			scan_feed(s, line);
			last = ausearch_now_ms();
			continue;
		}
		if (rc == FOLLOW_FULL) {
			scan_complete(s);
			continue;
		}
		if (rc < 0 && failed >= 0) {	/* an older file */
			ref_msg("Error opening %s (%s)",
				f->queue + (size_t)failed * f->qlen,
				tables_strerror(-rc));	/* ref 3.0.9 */
			ret = 1;
			failed = -1;
			continue;
		}
		if (rc < 0) {
			warn_msg("%s: %s", f->path, tables_strerror(-rc));
			return 1;
		}
		/* caught up: out with what is complete, then sleep until
		 * the log changes, or the open events time out */
		fflush(stdout);
		if (ausearch_ending())
			break;
		if (s->t.nheap) {
			int64_t left = last + timeout_s * 1000 -
				ausearch_now_ms();

			if (left <= 0) {
				scan_complete(s);
				continue;
			}
			rc = follow_wait(f, (int)left, mask);
		} else {
			rc = follow_wait(f, -1, mask);
		}
		if (rc < 0 && rc != -EINTR) {
			warn_msg("%s: %s", f->path, tables_strerror(-rc));
			return 1;
		}
	}
	return ret;
}

int ausearch_follow(struct scan *s, const char *path, bool set,
		    long timeout_s)
{
	char (*paths)[4096] = NULL;
	struct follow f;
	sigset_t mask;
	int n = 0, rc;

	if (set) {
		paths = malloc(sizeof *paths * LOGREAD_MAX_SET);
		if (!paths)
			die(1, "out of memory");
		n = logread_set(path, s->start, &paths[0][0], sizeof paths[0],
				LOGREAD_MAX_SET);
		if (n < 0)
			n = 0;
	}
	rc = follow_open(&f, path, n > 1 ? &paths[0][0] : NULL,
			 sizeof paths[0], n > 1 ? n - 1 : 0, refers, &s->t);
	free(paths);
	if (rc) {
		warn_msg("cannot follow %s: %s", path, tables_strerror(-rc));
		return 1;
	}
	s->t.eoe_ends = true;
	ausearch_signals(&mask);
	rc = follow_loop(s, &f, timeout_s, &mask);
	if (!s->stop)
		scan_complete(s);
	fflush(stdout);
	follow_close(&f);
	return rc;
}
