/* fuzz_report - libFuzzer target for core/report.c (aureport's reports)
 * over core/search.c's extraction: the input is split into lines, fed to
 * a small event table, and every released event is reported; the report
 * type, detail, -i, --failed/--success, --escape and JSON come from the
 * input's size, so every report path runs. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <auditbox/event.h>
#include <auditbox/record.h>
#include <auditbox/report.h>
#include <auditbox/search.h>

static struct search_items it;
static struct report rep;

static void drain(struct event_table *t, const struct search_criteria *c)
{
	const struct event *e;
	const struct event_rec *bad;

	while ((e = event_next(t)))
		if (search_extract(c, t, e, &it, &bad) == 0)
			report_event(&rep, t, e, &it);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const nodes[] = { "alpha" };
	struct event_table t;
	struct search_criteria c;
	struct report_opts o = { 0 };
	struct record r;
	char *buf = malloc(size ? size : 1);
	size_t i = 0, j, k = size;
	static FILE *out;	/* opened once: no file per input */

	if (!out)
		out = fopen("/dev/null", "w");
	if (!buf || !out || event_init(&t, 8, 32, 2)) {
		free(buf);
		return 0;
	}
	memcpy(buf, data, size);
	o.type = RPT_TIME + (int)(k % (RPT_INTEG - RPT_TIME + 1));
	k /= RPT_INTEG - RPT_TIME + 1;
	o.detail = k % 2 ? D_SUM : D_DETAILED;
	if (o.type == RPT_SUMMARY)
		o.detail = D_SUM;
	k /= 2;
	o.interpret = k % 2;
	o.json = k / 2 % 2;
	o.failed = (int)(k / 4 % 3);
	o.escape = (int)(k / 12 % 4);
	o.conf = (int)(k / 48 % 3);
	o.no_config = k / 144 % 2;
	if (k / 288 % 2) {
		o.nodes = nodes;
		o.nnodes = 1;
	}
	search_criteria_init(&c);
	report_criteria(&o, &c);
	report_init(&rep, &o, out);
	if (report_title(&rep) == 0) {
		while (i < size) {
			for (j = i; j < size && buf[j] != '\n'; j++)
				;
			if (record_parse(&r, buf + i, j - i) == RECORD_OK) {
				while (event_feed(&t, &r) == EVENT_RETRY)
					drain(&t, &c);
				drain(&t, &c);
			}
			i = j + 1;
		}
		event_flush(&t);
		drain(&t, &c);
		if (o.type == RPT_TIME)
			report_log_range(&rep, "f", size % 3 == 0,
					 (struct report_when){ 1, 2 },
					 (struct report_when){ 3, 4 });
		report_finish(&rep, (struct report_when){ size, 1 },
			      (struct report_when){ size * 7, 999 },
			      (time_t)(size % 5), (time_t)(size % 7));
	}
	report_fini(&rep);
	event_fini(&t);
	free(buf);
	return 0;
}
