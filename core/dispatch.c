/* dispatch - the plugin queue: a ring of records with one cursor per
 * reader, the plugins.d wire formats and the overflow policy of the
 * reference's dispatcher (audit 3.0.9 audisp/queue.c, audispd.c). */
#include <auditbox/dispatch.h>
#include <auditbox/conf.h>
#include <auditbox/tables.h>

#include <stdio.h>
#include <string.h>

void dispatch_init(struct dispatch_q *q, struct dispatch_entry *ent,
		   unsigned depth, char *buf, size_t cap)
{
	memset(q, 0, sizeof *q);
	q->ent = ent;
	q->depth = depth;
	q->buf = buf;
	q->cap = cap;
}

static int any_reader(const struct dispatch_q *q)
{
	for (int i = 0; i < DISPATCH_MAX_READERS; i++)
		if (q->rd[i].active)
			return 1;
	return 0;
}

/* Drops the records every active reader has passed. */
static void release(struct dispatch_q *q)
{
	uint64_t low = q->head;

	for (int i = 0; i < DISPATCH_MAX_READERS; i++)
		if (q->rd[i].active && q->rd[i].seq < low)
			low = q->rd[i].seq;
	q->tail = low;
	if (q->tail == q->head)
		q->bhead = 0;
}

int dispatch_reader_add(struct dispatch_q *q, enum dispatch_fmt fmt)
{
	for (int i = 0; i < DISPATCH_MAX_READERS; i++) {
		struct dispatch_reader *r = &q->rd[i];

		if (r->active)
			continue;
		r->active = 1;
		r->blocked = 0;
		r->fmt = fmt;
		r->seq = q->head;
		r->off = 0;
		return i;
	}
	return -1;
}

void dispatch_reader_remove(struct dispatch_q *q, int i)
{
	q->rd[i].active = 0;
	release(q);
}

void dispatch_reader_skip(struct dispatch_q *q, int i)
{
	q->rd[i].seq = q->head;
	q->rd[i].off = 0;
	release(q);
}

void dispatch_reader_rewind(struct dispatch_q *q, int i)
{
	q->rd[i].off = 0;
}

void dispatch_reader_block(struct dispatch_q *q, int i, int blocked)
{
	q->rd[i].blocked = blocked;
}

int dispatch_writable(const struct dispatch_q *q)
{
	for (int i = 0; i < DISPATCH_MAX_READERS; i++)
		if (!q->rd[i].blocked && dispatch_pending(q, i))
			return 1;
	return 0;
}

int dispatch_pending(const struct dispatch_q *q, int i)
{
	return q->rd[i].active && q->rd[i].seq < q->head;
}

unsigned dispatch_depth(const struct dispatch_q *q)
{
	return (unsigned)(q->head - q->tail);
}

/* Where n payload bytes go in the byte ring, or -1 if they do not fit.
 * The held bytes run from the tail record's offset to bhead, wrapping
 * at most once; a wrap leaves the end of the buffer unused. */
static long ring_place(const struct dispatch_q *q, size_t n)
{
	size_t tb;

	if (q->head == q->tail)
		return n <= q->cap ? 0 : -1;
	tb = q->ent[q->tail % q->depth].off;
	if (q->bhead > tb) {
		if (q->bhead + n <= q->cap)
			return (long)q->bhead;
		return n <= tb ? 0 : -1;
	}
	return q->bhead + n <= tb ? (long)q->bhead : -1;
}

int dispatch_full(const struct dispatch_q *q, size_t len)
{
	if (len > DISPATCH_DATA_MAX)
		len = DISPATCH_DATA_MAX;
	return q->head - q->tail >= q->depth ||
	       ring_place(q, len ? len : 1) < 0;
}

static const char *type_name(uint32_t type, char *tmp, size_t cap)
{
	const char *name = tables_msgtype_name((int)type);

	if (name)
		return name;
	snprintf(tmp, cap, "UNKNOWN[%u]", type);
	return tmp;
}

/* Length of the string form: the text stops at a NUL. */
static uint32_t string_len(uint32_t type, int ver, const char *p, size_t n)
{
	const char *nul = memchr(p, 0, n);
	char tmp[32];
	size_t len = nul ? (size_t)(nul - p) : n;

	if (ver == DISPATCH_VER0)
		len += strlen(type_name(type, tmp, sizeof tmp)) + 10;
	return (uint32_t)(len + 1);
}

enum dispatch_push_rc dispatch_push(struct dispatch_q *q, uint32_t type,
				    int ver, const char *payload, size_t len)
{
	struct dispatch_entry *e;
	long off;
	unsigned used;

	if (q->suspended)
		return DISPATCH_SUSPENDED;
	if (!any_reader(q))
		return DISPATCH_NO_READER;
	if (len > DISPATCH_DATA_MAX)
		len = DISPATCH_DATA_MAX;
	/* an empty record still takes a byte, so that full and empty
	 * rings never look alike */
	if (q->head - q->tail >= q->depth ||
	    (off = ring_place(q, len ? len : 1)) < 0) {
		q->dropped++;
		return DISPATCH_FULL;
	}
	e = &q->ent[q->head % q->depth];
	e->off = (uint32_t)off;
	e->len = (uint32_t)len;
	e->type = type;
	e->ver = (uint8_t)ver;
	e->slen = string_len(type, ver, payload, len);
	memcpy(q->buf + off, payload, len);
	q->bhead = (size_t)off + (len ? len : 1);
	q->head++;
	used = dispatch_depth(q);
	if (used > q->max_used)
		q->max_used = used;
	return DISPATCH_QUEUED;
}

enum dispatch_act dispatch_overflow(struct dispatch_q *q, int action)
{
	q->overflowed = 1;
	switch (action) {
	case FA_IGNORE:
		return DISPATCH_ACT_NONE;
	case FA_SYSLOG:
		if (q->warnings >= DISPATCH_WARN_LIMIT)
			return DISPATCH_ACT_NONE;
		q->warnings++;
		return q->warnings == DISPATCH_WARN_LIMIT ?
		       DISPATCH_ACT_WARN_LAST : DISPATCH_ACT_WARN;
	case FA_SUSPEND:
		q->suspended = 1;
		return DISPATCH_ACT_SUSPEND;
	case FA_SINGLE:
		return DISPATCH_ACT_SINGLE;
	case FA_HALT:
		return DISPATCH_ACT_HALT;
	}
	return DISPATCH_ACT_NONE;
}

void dispatch_resume(struct dispatch_q *q, int rearm)
{
	q->suspended = 0;
	if (rearm)
		q->warnings = 0;
}

static size_t rec_size(const struct dispatch_entry *e, enum dispatch_fmt f)
{
	return f == DISPATCH_BINARY ? DISPATCH_HDR_SIZE + DISPATCH_DATA_MAX :
	       e->slen;
}

/* Copies the text up to a NUL, newlines made spaces. */
static size_t copy_text(char *out, const char *p, size_t n)
{
	size_t k;

	for (k = 0; k < n && p[k]; k++)
		out[k] = p[k] == '\n' ? ' ' : p[k];
	return k;
}

size_t dispatch_serialize(const struct dispatch_entry *e, const char *payload,
			  enum dispatch_fmt fmt, char *out, size_t cap)
{
	size_t n = 0;

	if (cap < rec_size(e, fmt))
		return 0;
	if (fmt == DISPATCH_BINARY) {
		uint32_t h[4] = { e->ver, DISPATCH_HDR_SIZE, e->type, e->len };

		memcpy(out, h, sizeof h);
		memcpy(out + DISPATCH_HDR_SIZE, payload, e->len);
		memset(out + DISPATCH_HDR_SIZE + e->len, 0,
		       DISPATCH_DATA_MAX - e->len);
		return DISPATCH_HDR_SIZE + DISPATCH_DATA_MAX;
	}
	if (e->ver == DISPATCH_VER0) {
		char tmp[32];
		const char *name = type_name(e->type, tmp, sizeof tmp);
		size_t k = strlen(name);

		memcpy(out, "type=", 5);
		memcpy(out + 5, name, k);
		memcpy(out + 5 + k, " msg=", 5);
		n = k + 10;
	}
	n += copy_text(out + n, payload, e->len);
	out[n++] = '\n';
	return n;
}

size_t dispatch_fill(const struct dispatch_q *q, int i, char *out,
		     size_t cap)
{
	const struct dispatch_reader *r = &q->rd[i];
	uint64_t seq = r->seq;
	size_t off = r->off, n = 0;

	if (!r->active)
		return 0;
	for (; seq < q->head; seq++, off = 0) {
		const struct dispatch_entry *e = &q->ent[seq % q->depth];
		size_t sz = rec_size(e, r->fmt);

		if (cap - n < sz)
			break;
		dispatch_serialize(e, q->buf + e->off, r->fmt, out + n,
				   cap - n);
		if (off) {
			memmove(out + n, out + n + off, sz - off);
			sz -= off;
		}
		n += sz;
	}
	return n;
}

size_t dispatch_fill_one(const struct dispatch_q *q, int i, char *out,
			 size_t cap)
{
	const struct dispatch_reader *r = &q->rd[i];
	const struct dispatch_entry *e;

	if (!dispatch_pending(q, i))
		return 0;
	e = &q->ent[r->seq % q->depth];
	return dispatch_serialize(e, q->buf + e->off, r->fmt, out, cap);
}

void dispatch_advance(struct dispatch_q *q, int i, size_t n)
{
	struct dispatch_reader *r = &q->rd[i];

	while (n && r->seq < q->head) {
		size_t rem = rec_size(&q->ent[r->seq % q->depth], r->fmt) -
			     r->off;

		if (n < rem) {
			r->off += n;
			break;
		}
		n -= rem;
		r->seq++;
		r->off = 0;
	}
	release(q);
}
