/* fuzz_search_find - libFuzzer target for core/search_find.c with
 * core/scan.c: the input's first line picks -k KEY (or -p PID when it is
 * all digits), the rest is a log. Scanned with search_find as the
 * prefilter (a third of the time with the lines cut by the second thread)
 * and without, the same events must match; aborts otherwise. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE	/* memfd_create */
#endif
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <auditbox/scan.h>
#include <auditbox/search.h>

static struct search_items it;

struct ctx {
	struct search_criteria c;
	char out[8192];
	size_t len;
};

static int on_event(void *arg, const struct event_table *t,
		    const struct event *e)
{
	struct ctx *x = arg;
	const struct event_rec *bad;
	int rc;

	if (search_match(&x->c, t, e, &it, &rc, &bad) &&
	    x->len + 48 < sizeof x->out)
		x->len += (size_t)snprintf(x->out + x->len,
					   sizeof x->out - x->len, "%lu:%u ",
					   e->serial, e->nrec);
	return 0;
}

static const char *find(void *arg, const char *p, const char *end)
{
	return search_find(&((struct ctx *)arg)->c, p, end);
}

/* Matches of the log in fd (a memfd, read mapped) into x->out. */
static void run(struct ctx *x, int fd, bool prefilter, bool thread)
{
	char path[64];
	struct scan s;
	int failed = 0;

	x->len = 0;
	x->out[0] = 0;
	x->c.prefilter = prefilter;
	/* 1024 events, 8192 records: more than an input of 16 KiB holds
	 * (a record line is 20 bytes at least), so none is evicted; the
	 * default table (25 MiB, cleared) made a run take 30 ms */
	if (scan_init_n(&s, 2, 1024, on_event, x))
		abort();
	s.thread_min = thread ? 1 : SIZE_MAX;
	if (prefilter) {
		s.find = find;
		s.find_ctx = x;
	}
	snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
	scan_files(&s, path, sizeof path, 1, &failed);
	scan_fini(&s);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct ctx a, b;
	char want[64];
	const uint8_t *nl = memchr(data, '\n', size);
	size_t wn = nl ? (size_t)(nl - data) : 0, i;
	bool digits = wn > 0 && wn < 10;
	int fd;

	if (!nl || wn == 0 || wn >= sizeof want || size > 16384)
		return 0;
	memcpy(want, data, wn);
	want[wn] = 0;
	if (strlen(want) != wn)
		return 0;
	for (i = 0; i < wn; i++)
		digits = digits && want[i] >= '0' && want[i] <= '9';
	search_criteria_init(&a.c);
	if (digits)
		a.c.pid = atol(want);
	else
		a.c.key = want;
	a.c.exact = size % 2;
	b.c = a.c;
	if (!search_findable(&a.c))
		return 0;
	fd = memfd_create("fuzz_search_find", 0);
	if (fd < 0)
		return 0;
	if (write(fd, nl + 1, size - wn - 1) != (ssize_t)(size - wn - 1)) {
		close(fd);
		return 0;
	}
	run(&a, fd, false, false);
	run(&b, fd, true, size % 3 == 0);
	close(fd);
	if (strcmp(a.out, b.out) != 0)
		abort();
	return 0;
}
