/* evfmt_norm - ausearch --format csv and --format text: the normalized
 * event (core/normalize) written the way audit 3.0.9's ausearch-report.c
 * does (csv_event, text_event), checked against /sbin/ausearch. */
#include <auditbox/evfmt.h>

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <auditbox/record.h>

#define VAL_MAX 8192

static size_t gather(struct evfmt *f, const struct event_table *t,
		     const struct event *e)
{
	const struct event_rec *r;
	size_t n = 0;

	for (r = event_rec_first(t, e); r && n < EVFMT_MAX_RECS;
	     r = event_rec_next(t, r))
		f->recs[n++] = r;
	return n;
}

/* the interpreted value of field i into f->line */
static const char *val(struct evfmt *f, int i)
{
	size_t l = normalize_value(&f->norm, i, f->line, VAL_MAX);

	(void)l;
	return f->line;
}

static bool is_file_field(const struct normalize *n, int i)
{
	struct span nm = n->f[i].name;

	return span_eqs(nm, "name") || span_eqs(nm, "path") ||
		span_eqs(nm, "file") || span_eqs(nm, "cwd") ||
		span_eqs(nm, "watch") || span_eqs(nm, "dir");
}

/* lexical "." and ".." removal in place (the reference does not go to
 * the file system: its result for a missing directory shows this) */
static void squeeze(char *p)
{
	char *out = p, *s = p;

	while (*s) {
		char *e = strchr(s + 1, '/');
		size_t l = e ? (size_t)(e - s) : strlen(s);

		if (l == 2 && s[1] == '.') {
			/* "/." */
		} else if (l == 3 && s[1] == '.' && s[2] == '.') {
			while (out > p && *--out != '/')
				;
		} else if (l > 1 || !e) {
			memmove(out, s, l);
			out += l;
		}
		s += l;
	}
	if (out == p)
		*out++ = '/';
	*out = 0;
}

/* auparse_interpret_realpath: a relative name joined to the CWD */
static const char *realpath_val(struct evfmt *f, int i)
{
	struct normalize *n = &f->norm;
	char *buf = f->line + VAL_MAX;
	unsigned r;
	uint32_t j;

	val(f, i);
	if (f->line[0] == '/' || !span_eqs(n->f[i].name, "name"))
		return f->line;
	for (r = 0; r < n->nrec; r++) {
		if (n->rec[r].type != 1307)
			continue;
		for (j = 0; j < n->rec[r].n; j++) {
			int k = (int)(n->rec[r].first + j);

			if (!span_eqs(n->f[k].name, "cwd"))
				continue;
			/* a relative CWD is taken from the root */
			buf[0] = '/';
			normalize_value(n, k, buf + 1, VAL_MAX - 1);
			if (strlen(buf) + strlen(f->line) + 2 >= VAL_MAX)
				return f->line;
			strcat(buf, "/");
			strcat(buf, f->line);
			squeeze(buf);
			return buf;
		}
	}
	return f->line;
}

static const char *obj_val(struct evfmt *f, int i)
{
	if (is_file_field(&f->norm, i))
		return realpath_val(f, i);
	return val(f, i);
}

static bool result_ok(struct evfmt *f, int i)
{
	const char *s = val(f, i);

	return !strcmp(s, "yes") || !strncmp(s, "suc", 3) ||
		(normalize_field_rtype(&f->norm, i) == 1326 &&
		 span_eqs(f->norm.f[i].name, "code") && !strcmp(s, "allow"));
}

static void put_field(struct evfmt *f, int i, FILE *out)
{
	if (i >= 0)
		fputs(val(f, i), out);
}

static void put_action(struct evfmt *f, FILE *out)
{
	if (f->norm.action)
		fputs(f->norm.action, out);
	else if (f->norm.action_f >= 0)
		fputs(val(f, f->norm.action_f), out);
	else
		fputs("did-unknown", out);
}

static const char *how_of(struct evfmt *f)
{
	if (f->norm.how)
		return f->norm.how;
	if (f->norm.how_f >= 0)
		return val(f, f->norm.how_f);
	return NULL;
}

static void put_time(const char *fmt, const struct tm *tm, FILE *out)
{
	char tmp[64];

	strftime(tmp, sizeof tmp, fmt, tm);
	fputs(tmp, out);
}

static void csv_header(struct evfmt *f, FILE *out)
{
	unsigned x = f->extra;

	fprintf(out, "NODE,EVENT,DATE,TIME,%sSERIAL_NUM,EVENT_KIND,"
		"SESSION,SUBJ_PRIME,SUBJ_SEC,SUBJ_KIND,%sACTION,"
		"RESULT,OBJ_PRIME,OBJ_SEC,%s%sOBJ_KIND,HOW%s\n",
		x & EVFMT_X_TIME ? "YEAR,MONTH,DAY,WEEKDAY,HOUR,MILLI,"
				   "GMT_OFFSET," : "",
		x & EVFMT_X_LABELS ? "SUBJ_LABEL," : "",
		x & EVFMT_X_OBJ2 ? "OBJ2," : "",
		x & EVFMT_X_LABELS ? "OBJ_LABEL," : "",
		x & EVFMT_X_KEYS ? ",KEY" : "");	/* ref 3.0.9 */
	f->csv_header_done = true;
}

static void csv_time(const struct event *e, const struct tm *tm, FILE *out)
{
	long off = tm->tm_gmtoff < 0 ? -tm->tm_gmtoff : tm->tm_gmtoff;

	put_time("%Y,%m,%d,%u,", tm, out);
	fprintf(out, "%2d,", tm->tm_hour);	/* %k: musl has none */
	fprintf(out, "%u,%c%02lu:%02lu,", e->milli, tm->tm_gmtoff >= 0 ?
		'+' : '-', (unsigned long)off / 3600,
		(unsigned long)(off % 3600) % 60);	/* ref 3.0.9 */
}

static void csv_rest(struct evfmt *f, FILE *out)
{
	struct normalize *n = &f->norm;
	unsigned x = f->extra;
	const char *s;

	fprintf(out, "%s,", n->evkind ? n->evkind : "unknown");
	put_field(f, n->session, out);
	fputc(',', out);
	if (n->subj_prime >= 0) {
		s = val(f, n->subj_prime);
		fputs(strcmp(s, "unset") ? s : "system", out);
	}
	fputc(',', out);
	put_field(f, n->subj_sec, out);
	fprintf(out, ",%s,", n->subj_kind ? n->subj_kind : "");
	if (x & EVFMT_X_LABELS) {
		put_field(f, n->subj_label, out);
		fputc(',', out);
	}
	put_action(f, out);
	fputc(',', out);
	if (n->results >= 0)
		fputs(result_ok(f, n->results) ? "success" : "failed", out);
	fputc(',', out);
	if (n->obj_prime >= 0)
		fputs(obj_val(f, n->obj_prime), out);
	fputc(',', out);
	put_field(f, n->obj_sec, out);
	fputc(',', out);
	if (x & EVFMT_X_OBJ2) {
		if (n->obj2 >= 0)
			fputs(obj_val(f, n->obj2), out);
		fputc(',', out);
	}
	if (x & EVFMT_X_LABELS) {
		put_field(f, n->obj_label, out);
		fputc(',', out);
	}
	fprintf(out, "%s,", normalize_obj_kind(n));
	if ((s = how_of(f)))
		fputs(s, out);
	if (x & EVFMT_X_KEYS) {
		fputc(',', out);
		put_field(f, n->key, out);
	}
	fputc('\n', out);
}

static const char *type_name(const struct normalize *n)
{
	return n->nrec ? record_type_name(n->rec[0].type) : NULL;
}

int evfmt_csv(struct evfmt *f, const struct event_table *t,
	      const struct event *e, FILE *out)
{
	size_t nrec = gather(f, t, e);
	time_t sec = (time_t)e->sec;
	struct tm tm;
	const char *ty;
	int rc;

	if (!f->csv_header_done)
		csv_header(f, out);
	localtime_r(&sec, &tm);
	f->norm.escape = f->escape;
	rc = normalize_event(&f->norm, &f->ip, f->recs, nrec,
			     (f->extra & EVFMT_X_LABELS) != 0);
	if (f->norm.nrec && f->norm.f[f->norm.rec[0].first].name.p &&
	    span_eqs(f->norm.f[f->norm.rec[0].first].name, "node"))
		fwrite(f->norm.f[0].value.p, 1, f->norm.f[0].value.n, out);
	ty = type_name(&f->norm);
	fprintf(out, ",%s,", ty ? ty : "");
	put_time("%x,%T,", &tm, out);
	if (f->extra & EVFMT_X_TIME)
		csv_time(e, &tm, out);
	fprintf(out, "%lu,", e->serial);
	if (rc) {
		fflush(out);
		fprintf(stderr, "error normalizing %s\n", ty ? ty : "(null)");
		fprintf(out, ",,,,,,,,,%s%s\n",
			f->extra & EVFMT_X_LABELS ? ",," : "",
			f->extra & EVFMT_X_KEYS ? "," : "");	/* ref 3.0.9 */
		return 0;
	}
	csv_rest(f, out);
	return 0;
}

/* auparse_interpret_sock_address, else _sock_family, else the whole
 * interpretation: the text after "laddr=" (else "fam=") up to a space,
 * in the escaped interpretation, so a shell escape's backslash stays */
static const char *sock_text(struct evfmt *f, int i)
{
	static const char *const keys[] = { "laddr=", "fam=" };
	const char *s = val(f, i), *p, *q;
	size_t k, n;

	for (k = 0; k < sizeof keys / sizeof keys[0]; k++) {
		p = strstr(s, keys[k]);
		q = p ? strchr(p += strlen(keys[k]), ' ') : NULL;
		if (!q)
			continue;
		n = (size_t)(q - p);
		memmove(f->line, p, n);
		f->line[n] = 0;
		return f->line;
	}
	return s;
}

/* auparse_get_field_int: strtol of the value as logged, as an int */
static long long field_int(const struct normalize *n, int i)
{
	char b[32];
	struct span v = n->f[i].value;
	size_t l = v.n < sizeof b - 1 ? v.n : sizeof b - 1;

	memcpy(b, v.p, l);
	b[l] = 0;
	return (int)strtoll(b, NULL, 10);
}

static void text_subject(struct evfmt *f, FILE *out)
{
	struct normalize *n = &f->norm;
	long long id = -2, uid;
	const char *s;

	if (n->subj_prime >= 0) {
		s = val(f, n->subj_prime);
		fputs(strcmp(s, "unset") ? s : "system", out);
		id = field_int(n, n->subj_prime);
	}
	if (n->subj_sec >= 0) {
		uid = field_int(n, n->subj_sec);
		if (uid != id && id != -2)
			fprintf(out, ", acting as %s,", val(f, n->subj_sec));
	}
	if (n->results >= 0)
		fprintf(out, " %s ", result_ok(f, n->results) ?
			"successfully" : "unsuccessfully");
	else
		fputc(' ', out);
}

int evfmt_text(struct evfmt *f, const struct event_table *t,
	       const struct event *e, FILE *out)
{
	struct normalize *n = &f->norm;
	size_t nrec = gather(f, t, e);
	time_t sec = (time_t)e->sec;
	const char *act, *how;
	char tmp[64];
	struct tm tm;

	localtime_r(&sec, &tm);
	strftime(tmp, sizeof tmp, "%T %x", &tm);
	n->escape = f->escape;
	normalize_event(n, &f->ip, f->recs, nrec, false);
	if (n->nrec && span_eqs(n->f[n->rec[0].first].name, "node"))
		fprintf(out, "On " SPAN_FMT " at %s ", SPAN_ARG(n->f[0].value),
			tmp);
	else
		fprintf(out, "At %s ", tmp);
	text_subject(f, out);
	put_action(f, out);
	fputc(' ', out);
	act = n->action ? n->action : n->action_f >= 0 ?
		n->f[n->action_f].value.p : NULL;
	if (n->obj_prime >= 0) {
		int ty = normalize_field_rtype(n, n->obj_prime);

		if (is_file_field(n, n->obj_prime))
			fprintf(out, "%s ", realpath_val(f, n->obj_prime));
		else if (span_eqs(n->f[n->obj_prime].name, "saddr") &&
			 (ty == 1306 || ty == 1300))
			fprintf(out, "%s ", sock_text(f, n->obj_prime));
		else
			fprintf(out, "%s ", val(f, n->obj_prime));
	}
	if (n->obj2 >= 0)
		fprintf(out, "to %s ", obj_val(f, n->obj2));
	how = how_of(f);
	if (how && act && *act != 'e')
		fprintf(out, "using %s", how);
	fputc('\n', out);
	return 0;
}
