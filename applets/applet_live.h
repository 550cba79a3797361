/* applet_live.h - private to applets/: the applets' side of a live
 * reader (core/live.c), shared by ausearch --live and autrace --live. */
#ifndef AUDITBOX_APPLET_LIVE_H
#define AUDITBOX_APPLET_LIVE_H

#include <auditbox/event.h>
#include <auditbox/live.h>

/* live_open, saying why it failed. 0 or -1 after a message. */
int applet_live_open(struct live *l, struct event_table *t);

/* live_run with stdout flushed whenever nothing is queued and the news
 * said on stderr; a read error said too. Returns live_run's answer. */
int applet_live_run(struct live *l, struct live_loop *lp);

#endif
