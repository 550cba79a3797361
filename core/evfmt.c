/* evfmt - ausearch output formats (ausearch(8) --format, --escape; the
 * layout of audit 3.0.9's ausearch-report.c, checked against /sbin/ausearch). */
#include <auditbox/evfmt.h>

#include <string.h>
#include <time.h>

#include <auditbox/record.h>

void evfmt_init(struct evfmt *f, int format, int escape)
{
	f->format = format;
	f->escape = escape;
	f->extra = 0;
	f->csv_header_done = false;
	f->on = 0;
	f->hdr_n = 0;
	interpret_init(&f->ip);
}

static bool needs_escape(unsigned char c, int mode)
{
	if (c < 32)
		return true;
	if (mode >= EVFMT_ESC_SHELL && strchr("\"'`$\\!()| ", c))
		return true;
	if (mode == EVFMT_ESC_SHELL_QUOTE && strchr(";#&*?[]<>{}", c))
		return true;
	return false;
}

void evfmt_escaped(FILE *out, struct span s, int mode)
{
	size_t i, run = 0;

	if (mode == EVFMT_ESC_TTY && !span_ctl(s.p, s.n))
		mode = EVFMT_ESC_RAW;	/* the common case */
	if (mode == EVFMT_ESC_RAW) {
		fwrite(s.p, 1, s.n, out);
		return;
	}
	for (i = 0; i < s.n; i++) {
		unsigned char c = (unsigned char)s.p[i];

		if (!needs_escape(c, mode))
			continue;
		fwrite(s.p + run, 1, i - run, out);
		if (c < 32)
			fprintf(out, "\\%03o", c);
		else
			fprintf(out, "\\%c", c);
		run = i + 1;
	}
	fwrite(s.p + run, 1, s.n - run, out);
}

/* --- the event's text gathers in f->ob, written out in one piece ---- */

static void ob_flush(struct evfmt *f, FILE *out)
{
	if (f->on)
		fwrite(f->ob, 1, f->on, out);
	f->on = 0;
}

static void ob_put(struct evfmt *f, FILE *out, const char *p, size_t n)
{
	if (n > sizeof f->ob - f->on) {
		ob_flush(f, out);
		if (n > sizeof f->ob) {
			fwrite(p, 1, n, out);
			return;
		}
	}
	memcpy(f->ob + f->on, p, n);
	f->on += n;
}

static void ob_byte(struct evfmt *f, FILE *out, char c)
{
	if (f->on == sizeof f->ob)
		ob_flush(f, out);
	f->ob[f->on++] = c;
}

/* evfmt_escaped into f->ob */
static void ob_escaped(struct evfmt *f, FILE *out, struct span s, int mode)
{
	size_t i, run = 0;
	char q[4];

	if (mode == EVFMT_ESC_TTY && !span_ctl(s.p, s.n))
		mode = EVFMT_ESC_RAW;
	if (mode == EVFMT_ESC_RAW) {
		ob_put(f, out, s.p, s.n);
		return;
	}
	for (i = 0; i < s.n; i++) {
		unsigned char c = (unsigned char)s.p[i];

		if (!needs_escape(c, mode))
			continue;
		ob_put(f, out, s.p + run, i - run);
		q[0] = '\\';
		if (c < 32) {		/* "\\%03o" */
			q[1] = (char)('0' + (c >> 6));
			q[2] = (char)('0' + (c >> 3 & 7));
			q[3] = (char)('0' + (c & 7));
			ob_put(f, out, q, 4);
		} else {
			q[1] = (char)c;
			ob_put(f, out, q, 2);
		}
		run = i + 1;
	}
	ob_put(f, out, s.p + run, s.n - run);
}

static size_t collect(struct evfmt *f, const struct event_table *t,
		      const struct event *e)
{
	const struct event_rec *r;
	size_t n = 0;

	for (r = event_rec_first(t, e); r && n < EVFMT_MAX_RECS;
	     r = event_rec_next(t, r))
		f->recs[n++] = r;
	return n;
}

static void out_raw(struct evfmt *f, const struct event_table *t,
		    const struct event *e, FILE *out)
{
	size_t n = collect(f, t, e), i;
	bool enriched = false;

	for (i = 0; i < n && !enriched; i++)
		if (span_memchr(f->recs[i]->line.p, RECORD_GS,
				f->recs[i]->line.n))
			enriched = true;
	for (i = 0; i < n; i++) {
		const struct event_rec *r = f->recs[i];

		ob_put(f, out, r->line.p, r->line.n);
		/* an ENRICHED event gets the separator on every record */
		if (enriched && !span_memchr(r->line.p, RECORD_GS, r->line.n))
			ob_byte(f, out, RECORD_GS);
		ob_byte(f, out, '\n');
	}
}

/* "----\ntime->%a %b %e %H:%M:%S %Y\n" of second sec, made once per
 * second of log time (localtime and strftime cost more than the rest
 * of a dense log's event) */
static struct span time_header(struct evfmt *f, uint64_t sec)
{
	time_t t = (time_t)sec;
	struct tm tm;
	size_t n;

	if (f->hdr_n && f->hdr_sec == sec)
		return (struct span){ f->hdr, f->hdr_n };
	localtime_r(&t, &tm);
	memcpy(f->hdr, "----\ntime->", 11);
	n = strftime(f->hdr + 11, sizeof f->hdr - 12, "%a %b %e %H:%M:%S %Y",
		     &tm);
	f->hdr[11 + n] = '\n';
	f->hdr_n = 12 + n;
	f->hdr_sec = sec;
	return (struct span){ f->hdr, f->hdr_n };
}

static void out_default(struct evfmt *f, const struct event_table *t,
			const struct event *e, FILE *out)
{
	size_t n = collect(f, t, e);
	struct span h = time_header(f, e->sec);

	ob_put(f, out, h.p, h.n);
	while (n--) {
		struct span m = f->recs[n]->line;
		int ty = f->recs[n]->type;
		/* the reference prints daemon records unescaped */
		int esc = ty >= 1200 && ty < 1300 ? EVFMT_ESC_RAW : f->escape;
		/* one pass finds both the ENRICHED separator and whether
		 * the message holds a control byte before it */
		const char *c = span_ctl(m.p, m.n);

		if (c && *c == RECORD_GS) {
			m.n = (size_t)(c - m.p);
			if (esc == EVFMT_ESC_TTY)
				esc = EVFMT_ESC_RAW;
		} else if (c) {
			const char *gs = span_memchr(c, RECORD_GS,
						     m.n - (size_t)(c - m.p));

			if (gs)
				m.n = (size_t)(gs - m.p);
		} else if (esc == EVFMT_ESC_TTY) {
			esc = EVFMT_ESC_RAW;
		}
		ob_escaped(f, out, m, esc);
		ob_byte(f, out, '\n');
	}
}

static void out_interp(struct evfmt *f, const struct event_table *t,
		       const struct event *e, FILE *out)
{
	size_t n = collect(f, t, e), len;
	struct interp_event ie;

	interpret_event_init(&ie, f->recs, n);
	ob_put(f, out, "----\n", 5);
	while (n--) {
		/* the record is written straight into f->ob, with room for
		 * the longest record kept (EVFMT_LINE - 1 bytes) */
		if (sizeof f->ob - f->on < EVFMT_LINE + 1)
			ob_flush(f, out);
		len = interpret_record(&f->ip, &ie, f->recs[n], f->ob + f->on,
				       EVFMT_LINE, f->escape);
		if (len < EVFMT_LINE) {
			f->on += len;
		} else {	/* cut short: still a line */
			f->on += EVFMT_LINE - 1;
			f->ob[f->on++] = '\n';
		}
	}
}

int evfmt_event(struct evfmt *f, const struct event_table *t,
		const struct event *e, FILE *out)
{
	switch (f->format) {
	case EVFMT_RAW:
		out_raw(f, t, e, out);
		ob_flush(f, out);
		return 0;
	case EVFMT_DEFAULT:
		out_default(f, t, e, out);
		ob_flush(f, out);
		return 0;
	case EVFMT_INTERP:
		out_interp(f, t, e, out);
		ob_flush(f, out);
		return 0;
	case EVFMT_JSON:
		return evfmt_json(f, t, e, out);
	case EVFMT_CSV:
		return evfmt_csv(f, t, e, out);
	case EVFMT_TEXT:
		return evfmt_text(f, t, e, out);
	default:
		return -1;
	}
}
