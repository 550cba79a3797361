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

	if (mode == EVFMT_ESC_TTY) {	/* the common case: find a control byte */
		for (i = 0; i < s.n && (unsigned char)s.p[i] >= 32; i++)
			;
		if (i == s.n)
			mode = EVFMT_ESC_RAW;
	}
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

static struct span msg_of(const struct event_rec *r)
{
	const char *gs = memchr(r->line.p, RECORD_GS, r->line.n);

	return (struct span){ r->line.p, gs ? (size_t)(gs - r->line.p)
					    : r->line.n };
}

static void out_raw(struct evfmt *f, const struct event_table *t,
		    const struct event *e, FILE *out)
{
	size_t n = collect(f, t, e), i;
	bool enriched = false;

	for (i = 0; i < n; i++)
		if (memchr(f->recs[i]->line.p, RECORD_GS, f->recs[i]->line.n))
			enriched = true;
	for (i = 0; i < n; i++) {
		const struct event_rec *r = f->recs[i];

		fwrite(r->line.p, 1, r->line.n, out);
		/* an ENRICHED event gets the separator on every record */
		if (enriched && !memchr(r->line.p, RECORD_GS, r->line.n))
			fputc(RECORD_GS, out);
		fputc('\n', out);
	}
}

static void out_default(struct evfmt *f, const struct event_table *t,
			const struct event *e, FILE *out)
{
	size_t n = collect(f, t, e);
	time_t sec = (time_t)e->sec;
	char buf[64];
	struct tm tm;

	localtime_r(&sec, &tm);
	strftime(buf, sizeof buf, "%a %b %e %H:%M:%S %Y", &tm);
	fprintf(out, "----\ntime->%s\n", buf);
	while (n--) {
		int ty = f->recs[n]->type;

		/* the reference prints daemon records unescaped */
		evfmt_escaped(out, msg_of(f->recs[n]),
			      ty >= 1200 && ty < 1300 ? EVFMT_ESC_RAW : f->escape);
		fputc('\n', out);
	}
}

static void out_interp(struct evfmt *f, const struct event_table *t,
		       const struct event *e, FILE *out)
{
	size_t n = collect(f, t, e), len;
	struct interp_event ie;

	interpret_event_init(&ie, f->recs, n);
	fputs("----\n", out);
	while (n--) {
		len = interpret_record(&f->ip, &ie, f->recs[n], f->line,
				       sizeof f->line, f->escape);
		fwrite(f->line, 1, len < sizeof f->line ? len : sizeof f->line - 1,
		       out);
		fputc('\n', out);
	}
}

int evfmt_event(struct evfmt *f, const struct event_table *t,
		const struct event *e, FILE *out)
{
	switch (f->format) {
	case EVFMT_RAW:
		out_raw(f, t, e, out);
		return 0;
	case EVFMT_DEFAULT:
		out_default(f, t, e, out);
		return 0;
	case EVFMT_INTERP:
		out_interp(f, t, e, out);
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
