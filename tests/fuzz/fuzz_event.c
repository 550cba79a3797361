/* fuzz_event - libFuzzer target for core/event.c, core/search.c and
 * core/interpret.c: the input is split into lines, fed to a small event
 * table, and every released event is matched and interpreted. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <auditbox/event.h>
#include <auditbox/evfmt.h>
#include <auditbox/search.h>

static struct search_items it;
static struct evfmt f;

static void drain(struct event_table *t, const struct search_criteria *c,
		  FILE *out)
{
	const struct event *e;
	const struct event_rec *bad;
	int rc;

	while ((e = event_next(t))) {
		search_match(c, t, e, &it, &rc, &bad);
		evfmt_event(&f, t, e, out);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct event_table t;
	struct search_criteria c;
	struct record r;
	char *buf = malloc(size ? size : 1);
	size_t i = 0, j;
	static FILE *out;	/* opened once: no file per input */

	if (!out)
		out = fopen("/dev/null", "w");
	if (!buf || !out || event_init(&t, 8, 32, 2)) {
		free(buf);
		return 0;
	}
	memcpy(buf, data, size);
	/* --follow's and --live's completion rules too */
	t.eoe_ends = size % 3 != 0;
	t.eoe_drop = size % 3 == 2;
	search_criteria_init(&c);
	/* every criterion set, so every extraction path runs */
	c.pid = c.ppid = 1;
	c.uid = c.euid = c.gid = c.egid = 0;
	c.loginuid = 0;
	c.session = 1;
	c.success = S_SUCCESS;
	c.exit_set = true;
	c.key = c.file = c.exe = c.comm = c.host = c.terminal = "x";
	c.subject = c.object = c.uuid = c.vmname = "x";
	c.want_arch = true;
	/* every layout, every --escape mode */
	evfmt_init(&f, size % 4 == 0 ? EVFMT_INTERP : size % 4 == 1 ?
		   EVFMT_JSON : size % 4 == 2 ? EVFMT_DEFAULT : EVFMT_RAW,
		   (int)(size / 4 % 4));
	while (i < size) {
		for (j = i; j < size && buf[j] != '\n'; j++)
			;
		if (record_parse(&r, buf + i, j - i) == RECORD_OK) {
			while (event_feed(&t, &r) == EVENT_RETRY)
				drain(&t, &c, out);
			drain(&t, &c, out);
		}
		i = j + 1;
	}
	event_flush(&t);
	drain(&t, &c, out);
	event_fini(&t);
	free(buf);
	return 0;
}
