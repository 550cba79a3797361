/* record - one audit log line into spans (audit.log(5); the header is read
 * the way ausearch 3.0.9 reads it: only the first words of the line count,
 * so a damaged body never makes the line unreadable). */
#include <auditbox/record.h>

#include <stdlib.h>

#include <auditbox/tables.h>

#define HEADER_MAX 80		/* header words looked at, as the reference */
#define HEADER_MAX_NODE 340	/* ... when the line starts with node= */

/* Next space-separated word of s[*pos..end): skips runs of spaces. */
static bool next_word(const char *s, size_t end, size_t *pos, struct span *w)
{
	size_t i = *pos, j;

	const char *sp;

	while (i < end && s[i] == ' ')
		i++;
	if (i >= end)
		return false;
	sp = memchr(s + i, ' ', end - i);
	j = sp ? (size_t)(sp - s) : end;
	*w = (struct span){ s + i, j - i };
	*pos = j;
	return true;
}

/* strtoul-like: leading digits of s, 0 when none; false on overflow. */
static bool scan_ulong(struct span s, uint64_t *v)
{
	uint64_t acc = 0;
	size_t i = 0;

	while (i < s.n && s.p[i] >= '0' && s.p[i] <= '9') {
		unsigned d = (unsigned)(s.p[i] - '0');

		if (acc > (UINT64_MAX - d) / 10)
			return false;
		acc = acc * 10 + d;
		i++;
	}
	*v = acc;
	return true;
}

static int parse_stamp(struct record *r, struct span ts)
{
	uint64_t v;
	size_t dot, colon;

	if (!scan_ulong(ts, &r->sec))
		return RECORD_EBADTIME;
	r->milli = 0;
	r->serial = 0;
	dot = span_chr(ts, 0, '.');
	if (dot != (size_t)-1) {
		if (!scan_ulong(span_sub(ts, dot + 1, ts.n), &v) || v > UINT32_MAX)
			return RECORD_EBADTIME;
		r->milli = (unsigned)v;
	} else {
		dot = 0;
	}
	colon = span_chr(ts, dot, ':');
	if (colon != (size_t)-1) {
		if (!scan_ulong(span_sub(ts, colon + 1, ts.n), &v) ||
		    v > (unsigned long)-1)
			return RECORD_EBADTIME;
		r->serial = (unsigned long)v;
	}
	return RECORD_OK;
}

static void find_body(struct record *r, size_t after)
{
	size_t i = span_find(r->msg, after, "):");

	if (i == (size_t)-1)
		i = after;
	else
		i += 2;
	while (i < r->msg.n && r->msg.p[i] == ' ')
		i++;
	r->body = span_sub(r->msg, i, r->msg.n);
}

int record_parse(struct record *r, const char *line, size_t len)
{
	const char *gs = memchr(line, RECORD_GS, len);
	int rc;

	r->msg = (struct span){ line, gs ? (size_t)(gs - line) : len };
	r->enrich = gs ? (struct span){ gs + 1, len - (size_t)(gs - line) - 1 }
		       : (struct span){ line + len, 0 };
	rc = record_parse_header(r, line, len);
	if (rc == RECORD_OK)
		find_body(r, r->body_from);
	return rc;
}

int record_parse_header(struct record *r, const char *line, size_t len)
{
	size_t lim = len, pos = 0, i;
	struct span w;

	r->line = (struct span){ line, len };
	r->node = (struct span){ NULL, 0 };
	if (len && line[0] == 'n') {
		if (lim > HEADER_MAX_NODE)
			lim = HEADER_MAX_NODE;
	} else if (lim > HEADER_MAX) {
		lim = HEADER_MAX;
	}
	if (!next_word(line, lim, &pos, &w))
		return RECORD_ENOTYPE;
	if (w.p[0] == 'n') {
		r->node = span_sub(w, 5, w.n);
		if (!next_word(line, lim, &pos, &w))
			return RECORD_ENOTYPE;
	}
	r->type_name = span_sub(w, 5, w.n);
	/* the reference wants more than 18 bytes in the msg= word */
	if (!next_word(line, lim, &pos, &w) || w.n <= 18)
		return RECORD_ENOTYPE;
	if (w.n > 9 && w.p[9] == '(')
		i = 9;
	else if ((i = span_chr(w, 0, '(')) == (size_t)-1)
		return RECORD_ENOTIME;
	w = span_sub(w, i + 1, w.n);
	i = span_chr(w, 0, ')');
	if (i != (size_t)-1)
		w.n = i;
	if (parse_stamp(r, w) != RECORD_OK)
		return RECORD_EBADTIME;
	r->type = record_type_number(r->type_name);
	r->body_from = (size_t)(w.p - line);
	return RECORD_OK;
}

/* the record types that make most of any log, looked at first */
static const struct { const char *name; size_t n; int type; } common[] = {
	{ "SYSCALL", 7, 1300 }, { "PATH", 4, 1302 }, { "CWD", 3, 1307 },
	{ "PROCTITLE", 9, 1327 }, { "EXECVE", 6, 1309 },
	{ "SOCKADDR", 8, 1306 },
};

int record_type_number(struct span name)
{
	char buf[40];
	size_t i;

	for (i = 0; i < sizeof common / sizeof common[0]; i++)
		if (name.n == common[i].n &&
		    memcmp(name.p, common[i].name, name.n) == 0)
			return common[i].type;

	if (name.n == 0 || name.n >= sizeof buf)
		return -1;
	memcpy(buf, name.p, name.n);
	buf[name.n] = 0;
	return tables_msgtype_number(buf);
}

const char *record_type_name(int type)
{
	return tables_msgtype_name(type);
}

bool record_next_field(struct span s, size_t *pos, struct span *name,
		       struct span *value)
{
	size_t i = *pos, start, eq, j;

	while (i < s.n && s.p[i] == ' ')
		i++;
	if (i >= s.n) {
		*pos = i;
		return false;
	}
	start = i;
	while (i < s.n && s.p[i] != ' ' && s.p[i] != '=')
		i++;
	if (i >= s.n || s.p[i] != '=') {
		*name = span_sub(s, start, i);
		*value = (struct span){ s.p + i, 0 };
		*pos = i;
		return true;
	}
	eq = i;
	*name = span_sub(s, start, eq);
	j = eq + 1;
	if (j < s.n && (s.p[j] == '\'' || s.p[j] == '"')) {
		size_t close = span_chr(s, j + 1, s.p[j]);

		i = close == (size_t)-1 ? s.n : close + 1;
	} else {
		i = span_chr(s, j, ' ');
		if (i == (size_t)-1)
			i = s.n;
	}
	*value = span_sub(s, j, i);
	*pos = i;
	return true;
}

bool record_field(const struct record *r, struct span name, struct span *value)
{
	size_t pos = 0;
	struct span n, v;

	while (record_next_field(r->body, &pos, &n, &v))
		if (span_eq(n, name)) {
			*value = v;
			return true;
		}
	return false;
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

bool record_is_hex(struct span v)
{
	size_t i;

	if (v.n == 0 || v.n % 2)
		return false;
	for (i = 0; i < v.n; i++)
		if (hexval(v.p[i]) < 0)
			return false;
	return true;
}

size_t record_hex_decode(struct span v, char *out, size_t cap)
{
	size_t i;

	if (v.n % 2 || v.n / 2 > cap)
		return (size_t)-1;
	for (i = 0; i < v.n; i += 2) {
		int hi = hexval(v.p[i]), lo = hexval(v.p[i + 1]);

		if (hi < 0 || lo < 0)
			return (size_t)-1;
		out[i / 2] = (char)(hi << 4 | lo);
	}
	return v.n / 2;
}
