/* ausearch_live - ausearch --live (ours, beyond audit 3.0.9): the
 * kernel's records from its read-only multicast group, beside any daemon
 * or none, through the same events, criteria and formats; changes of the
 * kernel's lost counter said on stderr. Docs: docs/ausearch.8.md */
#include "applet.h"
#include "applet_live.h"
#include "ausearch.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include <auditbox/live.h>
#include <auditbox/netlink.h>
#include <auditbox/scan.h>
#include <auditbox/tables.h>

static int check(void *ctx)
{
	(void)ctx;
	return ausearch_ending();
}

int ausearch_live(struct scan *s, long timeout_s)
{
	struct live *l = malloc(sizeof *l);
	struct netlink ctl;
	struct live_loop lp = {
		.s = s, .timeout_s = timeout_s, .wake_fd = -1,
		.check = check,
	};
	sigset_t mask;
	int rc;

	if (!l)
		die(1, "out of memory");
	if (applet_live_open(l, &s->t)) {
		free(l);
		return 1;
	}
	if (netlink_open(&ctl) == 0)
		lp.ctl = &ctl;
	s->t.eoe_ends = s->t.eoe_drop = true;
	ausearch_signals(&mask);
	lp.mask = &mask;
	rc = applet_live_run(l, &lp);
	if (!s->stop)
		scan_complete(s);
	fflush(stdout);
	if (lp.ctl)
		netlink_close(&ctl);
	live_close(l);
	free(l);
	return rc < 0;
}
