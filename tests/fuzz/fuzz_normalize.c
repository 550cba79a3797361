/* fuzz_normalize - libFuzzer target for core/normalize*.c and
 * core/evfmt_norm.c: the input is split into lines, grouped into events,
 * and every event is written as --format csv (every --extra-* column) or
 * --format text. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <auditbox/event.h>
#include <auditbox/evfmt.h>

static struct evfmt f;

static void drain(struct event_table *t, FILE *out)
{
	const struct event *e;

	while ((e = event_next(t)))
		evfmt_event(&f, t, e, out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct event_table t;
	struct record r;
	char *buf = malloc(size ? size : 1);
	size_t i = 0, j;
	static FILE *out;	/* opened once: no file per input */

	if (!out)
		out = fopen("/dev/null", "w");
	if (!buf || !out || event_init(&t, 8, 64, 2)) {
		free(buf);
		return 0;
	}
	memcpy(buf, data, size);
	evfmt_init(&f, size % 2 ? EVFMT_CSV : EVFMT_TEXT,
		   size % 3 ? EVFMT_ESC_TTY : EVFMT_ESC_SHELL_QUOTE);
	f.extra = EVFMT_X_KEYS | EVFMT_X_LABELS | EVFMT_X_OBJ2 | EVFMT_X_TIME;
	while (i < size) {
		for (j = i; j < size && buf[j] != '\n'; j++)
			;
		if (record_parse(&r, buf + i, j - i) == RECORD_OK) {
			while (event_feed(&t, &r) == EVENT_RETRY)
				drain(&t, out);
			drain(&t, out);
		}
		i = j + 1;
	}
	event_flush(&t);
	drain(&t, out);
	event_fini(&t);
	free(buf);
	return 0;
}
