/* logmsg.h - private to applets/: the reference's stderr messages about
 * the records of a log search (ausearch and aureport, --debug). */
#ifndef AUDITBOX_LOGMSG_H
#define AUDITBOX_LOGMSG_H

#include <auditbox/event.h>
#include <auditbox/search.h>

/* search_criteria.unparsed: "Unparsed type:N\n - skipped" */
void logmsg_unparsed(void *ctx, int type);

/* search_criteria.notice: the text and a newline */
void logmsg_notice(void *ctx, const char *text);

/* "Malformed event skipped, rc=N. RECORD": the record as far as ref
 * 3.0.9's parser had read it */
void logmsg_malformed(int rc, const struct search_items *it,
		      const struct event_rec *bad);

#endif
