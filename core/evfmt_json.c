/* evfmt_json - --format json (beyond the reference; docs/ausearch.8.md):
 * {"node":..,"time":"SEC.MSEC","serial":N,"records":[{"type":..,
 *  "fields":{name:value as logged,..},"interp":{name:interpreted,..}},..]}
 * Bytes outside printable ASCII are written as \u00XX, so every line is
 * valid JSON whatever the log holds. */
#include <auditbox/evfmt.h>

#include <string.h>

#include <auditbox/record.h>

void evfmt_json_str(FILE *out, const char *s, size_t n)
{
	size_t i;

	fputc('"', out);
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '"' || c == '\\')
			fprintf(out, "\\%c", c);
		else if (c < 0x20 || c >= 0x7f)
			fprintf(out, "\\u%04x", c);
		else
			fputc(c, out);
	}
	fputc('"', out);
}

static void jspan(FILE *out, struct span s)
{
	evfmt_json_str(out, s.p, s.n);
}

/* a field's value as logged, its quotes removed (decoding of hex
 * strings is in "interp") */
static void jvalue(FILE *out, struct span v)
{
	if (v.n >= 2 && (v.p[0] == '"' || v.p[0] == '\'') &&
	    v.p[v.n - 1] == v.p[0])
		v = span_sub(v, 1, v.n - 1);
	jspan(out, v);
}

static void jrecord(struct evfmt *f, const struct interp_event *ie,
		    const struct event_rec *r, FILE *out)
{
	struct record rec;
	size_t pos = 0, k;
	struct span n, v;
	bool first = true;

	if (record_parse(&rec, r->line.p, r->line.n)) {
		fputs("{\"line\":", out);
		jspan(out, r->line);
		fputc('}', out);
		return;
	}
	fputs("{\"type\":", out);
	jspan(out, rec.type_name);
	fputs(",\"fields\":{", out);
	while (record_next_field(rec.body, &pos, &n, &v)) {
		if (!first)
			fputc(',', out);
		first = false;
		jspan(out, n);
		fputc(':', out);
		jvalue(out, v);
	}
	fputs("},\"interp\":{", out);
	pos = 0;
	first = true;
	while (record_next_field(rec.body, &pos, &n, &v)) {
		if (!first)
			fputc(',', out);
		first = false;
		jspan(out, n);
		fputc(':', out);
		k = interpret_field(&f->ip, ie, rec.type, n, v, rec.enrich,
				    f->line, sizeof f->line);
		evfmt_json_str(out, f->line, k < sizeof f->line ? k : sizeof f->line - 1);
	}
	fputs("}}", out);
}

int evfmt_json(struct evfmt *f, const struct event_table *t,
	       const struct event *e, FILE *out)
{
	const struct event_rec *r;
	struct interp_event ie;
	size_t n = 0, i;

	for (r = event_rec_first(t, e); r && n < EVFMT_MAX_RECS;
	     r = event_rec_next(t, r))
		f->recs[n++] = r;
	interpret_event_init(&ie, f->recs, n);
	fputs("{\"node\":", out);
	if (e->node.p)
		jspan(out, e->node);
	else
		fputs("null", out);
	fprintf(out, ",\"time\":\"%llu.%03u\",\"serial\":%lu,\"records\":[",
		(unsigned long long)e->sec, e->milli, e->serial);
	for (i = 0; i < n; i++) {
		if (i)
			fputc(',', out);
		jrecord(f, &ie, f->recs[i], out);
	}
	fputs("]}\n", out);
	return 0;
}
