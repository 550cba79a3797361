/* scan - log inputs into complete events (ausearch/aureport main loop,
 * audit 3.0.9 ausearch.c process_logs/process_log_fd behaviour). */
#include <auditbox/scan.h>

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <auditbox/lines.h>
#include <auditbox/record.h>

#define FIND_WINDOW (64u << 10)		/* find() looks this far ahead */
#define READ_LAG (256u << 10)		/* lines.c gives back pages this far behind */
#define SCAN_TOUCH_EVERY 1024		/* events between scan_touched's releases */

int scan_init(struct scan *s, unsigned timeout, scan_fn fn, void *ctx)
{
	return scan_init_n(s, timeout, SCAN_MAX_EVENTS, fn, ctx);
}

int scan_init_n(struct scan *s, unsigned timeout, uint32_t max_events,
		scan_fn fn, void *ctx)
{
	memset(s, 0, sizeof *s);
	s->touched = SIZE_MAX;
	s->fn = fn;
	s->ctx = ctx;
	if (event_init(&s->t, max_events, max_events * 8, timeout))
		return -ENOMEM;
	s->scratch = malloc(SCAN_SCRATCH);	/* none: the mapping is read */
	return 0;
}

void scan_fini(struct scan *s)
{
	free(s->scratch);
	s->scratch = NULL;
	event_fini(&s->t);
}

/* The callback may read the records of the events it is given, faulting
 * their pages in again behind the reader: every 1024 events, the pages
 * from the first record of the oldest of them (to the start of its 2 MiB)
 * are given back. */
static void scan_touched(struct scan *s, const struct event *e)
{
	const struct event_rec *r = event_rec_first(&s->t, e);
	struct logread *lr = s->lr;

	if (!lr || !lr->mapped)
		return;
	if (r && r->line.p >= lr->base && r->line.p < lr->base + lr->size &&
	    (size_t)(r->line.p - lr->base) < s->touched)
		s->touched = (size_t)(r->line.p - lr->base);
	if (++s->drained % SCAN_TOUCH_EVERY == 0) {
		/* a fault maps the pages around the one read, up to the
		 * 2 MiB of a page table */
		size_t lo = s->touched & ~(size_t)((2u << 20) - 1);

		if (lr->pos > READ_LAG && lo < lr->pos - READ_LAG)
			logread_release(lr, lo, lr->pos - READ_LAG);
		s->touched = SIZE_MAX;
	}
}

/* When the lines were read into copies (a prefilter), an event the
 * prefilter marked is read again with one pread of the bytes its records
 * span, and its records point there while the callback runs: the mapping
 * is never faulted in for it. Events whose records lie in another file or
 * spread wider than the scratch buffer are read from the mapping. */
static void scan_localize(struct scan *s, const struct event *e)
{
	struct logread *lr = s->lr;
	const struct event_rec *r;
	const char *lo = NULL, *hi = NULL;
	size_t n, off;
	ssize_t got;

	if (!s->scratch || !lr || !lr->mapped || !s->find || !e->hit)
		return;
	for (r = event_rec_first(&s->t, e); r; r = event_rec_next(&s->t, r)) {
		if (r->line.p < lr->base ||
		    r->line.p + r->line.n > lr->base + lr->size)
			return;
		if (!lo || r->line.p < lo)
			lo = r->line.p;
		if (!hi || r->line.p + r->line.n > hi)
			hi = r->line.p + r->line.n;
	}
	if (!lo || (size_t)(hi - lo) > SCAN_SCRATCH)
		return;
	n = (size_t)(hi - lo);
	off = (size_t)(lo - lr->base);
	do
		got = pread(lr->fd, s->scratch, n, (off_t)off);
	while (got < 0 && errno == EINTR);
	if (got != (ssize_t)n)
		return;
	event_rebase(&s->t, e, lo, n, s->scratch);
}

static void scan_drain(struct scan *s)
{
	const struct event *e;

	while ((e = event_next(&s->t))) {
		if (!s->stop) {
			scan_localize(s, e);
			s->stop = s->fn(s->ctx, &s->t, e);
		}
		scan_touched(s, e);
	}
}

/* True when find() has a candidate inside line. Lines come in input
 * order, so one call covers the window up to its next candidate: a log
 * without any costs one pass of find() in all. The window stays short
 * so that the pages ahead are not all made resident. */
static bool scan_hit(struct scan *s, struct span line)
{
	uintptr_t p = (uintptr_t)line.p, e = p + line.n;

	/* a new file or pipe chunk, past the window or past the hit */
	if (s->lr->base != s->hbase || p < (uintptr_t)s->hfrom ||
	    e > (uintptr_t)s->hend || (s->hit && (uintptr_t)s->hit < p)) {
		size_t left = s->lr->size - (size_t)(line.p - s->lr->base);
		size_t w = line.n > FIND_WINDOW ? line.n : FIND_WINDOW;

		s->hbase = s->lr->base;
		s->hfrom = line.p;
		s->hend = line.p + (w < left ? w : left);
		s->hit = s->find(s->find_ctx, line.p, s->hend);
	}
	return s->hit && (uintptr_t)s->hit < e;
}

/* A line's header as the cutting thread parsed it (lines_each_fn). */
struct scan_hdr {
	uint64_t sec;
	unsigned long serial;
	unsigned milli;
	int type, rc;
	uint32_t node_at, node_n;	/* node= value, from the line's start */
};
_Static_assert(sizeof(struct scan_hdr) <= LINES_AUX, "scan_hdr");

static void scan_each(void *ctx, struct span text, void *aux)
{
	struct scan_hdr *h = aux;
	struct record rec;

	(void)ctx;
	h->rc = record_parse_header(&rec, text.p, text.n);
	if (h->rc != RECORD_OK)
		return;
	h->sec = rec.sec;
	h->serial = rec.serial;
	h->milli = rec.milli;
	h->type = rec.type;
	h->node_at = rec.node.p ? (uint32_t)(rec.node.p - text.p) : 0;
	h->node_n = (uint32_t)rec.node.n;
}

/* hit: -1 to ask find(), else the answer already known. text: the
 * line's bytes where they are read (a copy of line, or line itself); the
 * event keeps line. h: the header already parsed, or NULL. */
static void scan_line(struct scan *s, struct span line, struct span text,
		      int hit, const struct scan_hdr *h)
{
	struct record rec;
	uint32_t n;

	if (h) {
		if (h->rc != RECORD_OK)
			return;
		rec.line = line;
		rec.node = h->node_n ? (struct span){ line.p + h->node_at,
						      h->node_n }
				     : (struct span){ NULL, 0 };
		rec.sec = h->sec;
		rec.serial = h->serial;
		rec.milli = h->milli;
		rec.type = h->type;
		rec.hit = true;
	} else {
		if (record_parse_header(&rec, text.p, text.n) != RECORD_OK)
			return;
		if (text.p != line.p) {
			rec.line = line;
			if (rec.node.p)
				rec.node.p = line.p + (rec.node.p - text.p);
		}
	}
	if ((s->start && (time_t)rec.sec < s->start) ||
	    (s->end && (time_t)rec.sec > s->end)) {
		if (s->first_sec == 0) {
			s->first_sec = rec.sec;
			s->first_milli = rec.milli;
		}
		return;
	}
	if (s->first_sec == 0 && !s->start) {
		s->first_sec = rec.sec;
		s->first_milli = rec.milli;
	}
	if (hit >= 0)
		rec.hit = hit;
	else if (s->find)
		rec.hit = scan_hit(s, line);
	while ((n = event_feed(&s->t, &rec)) == EVENT_RETRY)
		scan_drain(s);
	if (n)
		scan_drain(s);
}

/* ref 3.0.9 reads a log with fgets() into a MAX_AUDIT_MESSAGE_LENGTH
 * (8970) byte buffer and takes what it got as a C string: a line longer
 * than 8969 bytes comes in pieces of 8969 bytes (the pieces after the
 * first are read as lines of their own), and each piece ends at its first
 * NUL byte. Kernel records are never that long and never hold a NUL, so
 * only damaged logs take this path. */
static void scan_pieces(struct scan *s, struct span line, struct span text,
			int hit)
{
	size_t off = 0, n, k;
	const char *z;

	for (; off < line.n; off += n) {
		n = line.n - off < SCAN_LINE_MAX ? line.n - off : SCAN_LINE_MAX;
		z = memchr(text.p + off, 0, n);
		k = z ? (size_t)(z - (text.p + off)) : n;
		scan_line(s, (struct span){ line.p + off, k },
			  (struct span){ text.p + off, k }, hit, NULL);
	}
}

static bool scan_refers(void *ctx, const char *lo, const char *hi)
{
	return event_refers(ctx, lo, hi);
}

/* A mapped file: cut into lines by a thread ahead (lines.h) when it is
 * big enough for the thread to pay. */
static int scan_mapped(struct scan *s, struct logread *lr)
{
	struct lines *l = malloc(sizeof *l);
	struct span line, text;
	bool hit;

	if (!l)
		return -ENOMEM;
	/* the settings; not the 1.5 MiB ring, each block of it is filled
	 * by lines_start and the cutting before it is read */
	memset(l, 0, offsetof(struct lines, ring));
	/* the pages behind us are given back (open events fault theirs in
	 * again when they are matched) */
	l->release_lag = READ_LAG;
	l->each = scan_each;
	/* with a prefilter most lines are never read again: they are read
	 * into copies, and the mapping is touched only for the events that
	 * may match; without, every event is read again from the mapping */
	lines_start(l, lr->base, lr->size, s->find ? lr->fd : -1, s->find,
		    s->find_ctx,
		    lr->size >= (s->thread_min ? s->thread_min : SCAN_THREAD_MIN));
	while (!s->stop && lines_next(l, &line, &text, &hit)) {
		lr->pos = lines_pos(l);
		if (line.n > SCAN_LINE_MAX || lines_nul(l))
			scan_pieces(s, line, text, s->find ? hit : 1);
		else
			scan_line(s, line, text, s->find ? hit : 1,
				  lines_aux(l));
	}
	lines_stop(l);
	free(l);
	return 0;
}

static int scan_read(struct scan *s, struct logread *lr)
{
	struct span line;
	unsigned long lines = 0;
	int rc = 0;

	s->lr = lr;
	if (lr->mapped)
		return scan_mapped(s, lr);
	while (!s->stop && (rc = logread_line(lr, &line)) > 0) {
		if (line.n > SCAN_LINE_MAX || memchr(line.p, 0, line.n))
			scan_pieces(s, line, line, -1);
		else
			scan_line(s, line, line, -1, NULL);
		if (++lines % 4096 == 0 && logread_trimmable(lr))
			logread_trim(lr, scan_refers, &s->t);
	}
	return rc < 0 ? rc : 0;
}

static void scan_end(struct scan *s)
{
	if (!s->keep_open)
		event_flush(&s->t);
	scan_drain(s);
}

int scan_files(struct scan *s, const char *paths, size_t len, int n,
	       int *failed)
{
	struct logread *lrs;
	int i, rc = 0, opened = 0;

	if (n <= 0)
		return 0;
	lrs = calloc((size_t)n, sizeof *lrs);
	if (!lrs)
		return -ENOMEM;
	/* events keep spans into every mapping: all stay mapped (their
	 * pages given back) until the events are finished */
	for (i = 0; i < n && !s->stop; i++) {
		rc = logread_open(&lrs[i], paths + (size_t)i * len);
		if (rc) {
			*failed = i;
			break;
		}
		opened = i + 1;
		s->file = i;
		rc = scan_read(s, &lrs[i]);
		if (rc)
			break;
		if (i + 1 < n && s->file_end)
			s->file_end(s->ctx, i);
	}
	if (rc == 0) {
		scan_end(s);
		if (s->file_end && opened)
			s->file_end(s->ctx, opened - 1);
	}
	s->lr = NULL;
	for (i = 0; i < opened; i++)
		logread_close(&lrs[i]);
	free(lrs);
	return rc;
}

int scan_fd(struct scan *s, int fd)
{
	struct logread lr;
	int rc;

	logread_open_fd(&lr, fd);
	rc = scan_read(s, &lr);
	scan_end(s);
	if (s->file_end)
		s->file_end(s->ctx, 0);
	s->lr = NULL;
	logread_close(&lr);
	return rc;
}

void scan_feed(struct scan *s, struct span line)
{
	if (line.n > SCAN_LINE_MAX || memchr(line.p, 0, line.n))
		scan_pieces(s, line, line, 1);	/* a damaged line */
	else
		scan_line(s, line, line, 1, NULL);
}

void scan_complete(struct scan *s)
{
	event_flush(&s->t);
	scan_drain(s);
}
