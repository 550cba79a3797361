/* applet_live - the applets' side of a live reader: messages and output
 * (ausearch --live, autrace --live; ours). */
#include "applet.h"
#include "applet_live.h"

#include <errno.h>
#include <stdio.h>

#include <auditbox/event.h>
#include <auditbox/tables.h>

static bool refers(void *ctx, const char *lo, const char *hi)
{
	return event_refers(ctx, lo, hi);
}

int applet_live_open(struct live *l, struct event_table *t)
{
	int rc = live_open(l, refers, t);

	if (rc)
		warn_msg("cannot read the kernel's audit records: %s%s",
			 tables_strerror(-rc), rc == -EPERM ?
			 " (CAP_AUDIT_READ is needed)" : "");
	return rc ? -1 : 0;
}

static void caught_up(void *ctx)
{
	(void)ctx;
	fflush(stdout);
}

static void say(void *ctx, const char *msg)
{
	(void)ctx;
	warn_msg("%s", msg);
}

int applet_live_run(struct live *l, struct live_loop *lp)
{
	int rc;

	lp->caught_up = caught_up;
	lp->say = say;
	rc = live_run(l, lp);
	if (rc < 0)
		warn_msg("reading the kernel's audit records: %s",
			 tables_strerror(-rc));
	return rc;
}
