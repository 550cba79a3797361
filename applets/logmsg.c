/* logmsg - the reference's stderr messages about a log search's records
 * (audit 3.0.9 ausearch-parse.c extract_search_items, --debug). */
#include "applet.h"
#include "logmsg.h"

#include <stdio.h>
#include <string.h>

#include <auditbox/record.h>

void logmsg_unparsed(void *ctx, int type)
{
	(void)ctx;
	fprintf(stderr, "Unparsed type:%d\n - skipped", type);	/* ref 3.0.9 */
}

void logmsg_notice(void *ctx, const char *text)
{
	(void)ctx;
	fprintf(stderr, "%s\n", text);
}

void logmsg_malformed(int rc, const struct search_items *it,
		      const struct event_rec *bad)
{
	const char *gs = memchr(bad->line.p, RECORD_GS, bad->line.n);
	size_t n = gs ? (size_t)(gs - bad->line.p) : bad->line.n;

	if (it->cut && it->cut < n)
		n = it->cut;
	fprintf(stderr, "Malformed event skipped, rc=%d. %.*s\n", rc, (int)n,
		bad->line.p);
}
