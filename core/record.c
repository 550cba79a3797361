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
	sp = span_memchr(s + i, ' ', end - i);
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

		/* no division: -Os would make it a real one, per digit */
		if (acc > UINT64_MAX / 10 ||
		    (acc == UINT64_MAX / 10 && d > UINT64_MAX % 10))
			return false;
		acc = acc * 10 + d;
		i++;
	}
	*v = acc;
	return true;
}

/* Eight ASCII digits at p appended to *acc (SWAR: the seconds are ten
 * digits on every line); false, *acc untouched, if one is not a digit. */
/* inlined even at -Os: these run for every line of a log */
#define HOT static inline __attribute__((always_inline))

HOT bool digits8(const char *p, uint64_t *acc)
{
	uint64_t x;

	memcpy(&x, p, 8);
	if ((x & 0xF0F0F0F0F0F0F0F0ull) != 0x3030303030303030ull ||
	    ((x + 0x0606060606060606ull) & 0xF0F0F0F0F0F0F0F0ull) !=
	    0x3030303030303030ull)
		return false;
	x -= 0x3030303030303030ull;
	/* little-endian: the first digit is the low byte */
	x = (x * 10 + (x >> 8)) & 0x00FF00FF00FF00FFull;
	x = (x * 100 + (x >> 16)) & 0x0000FFFF0000FFFFull;
	x = (x * 10000 + (x >> 32)) & 0xFFFFFFFFull;
	*acc = *acc * 100000000u + x;
	return true;
}

/* True when the bytes of x under mask are all ASCII digits. */
HOT bool swar_digits(uint64_t x, uint64_t mask)
{
	uint64_t hi = 0xF0F0F0F0F0F0F0F0ull & mask, z = 0x3030303030303030ull & mask;

	return (x & hi) == z && ((x + 0x0606060606060606ull) & hi) == z;
}

/* The kernel's own stamp, "SSSSSSSSSS.MMM:" and 1 to 7 serial digits,
 * from three 8-byte loads (p has 23 bytes); NULL for any other shape. */
HOT const char *stamp_fast(struct record *r, const char *p)
{
	uint64_t sec = 0, x, y, nd;
	unsigned n;

	if (!digits8(p, &sec))
		return NULL;
	memcpy(&x, p + 8, 8);		/* "SS.MMM:?" */
	if ((x & 0x00FF000000FF0000ull) != 0x003A0000002E0000ull ||
	    !swar_digits(x, 0x0000FFFFFF00FFFFull))
		return NULL;
	x -= 0x0000303030003030ull;	/* the digits only: no borrows */
	memcpy(&y, p + 15, 8);		/* the serial's digits, then more */
	/* lowest byte that is not a digit: carries only run upwards */
	nd = ((y & 0xF0F0F0F0F0F0F0F0ull) ^ 0x3030303030303030ull) |
	     (((y + 0x0606060606060606ull) & 0xF0F0F0F0F0F0F0F0ull) ^
	      0x3030303030303030ull);
	if (nd == 0 || (nd & 0xFF) != 0)
		return NULL;
	n = (unsigned)__builtin_ctzll(nd) / 8;
	/* n digits in the top bytes, zeros (leading digits) below */
	y = (y - 0x3030303030303030ull) << (8 * (8 - n));
	y = (y * 10 + (y >> 8)) & 0x00FF00FF00FF00FFull;
	y = (y * 100 + (y >> 16)) & 0x0000FFFF0000FFFFull;
	y = (y * 10000 + (y >> 32)) & 0xFFFFFFFFull;
	r->sec = sec * 100 + (x & 0xFF) * 10 + (x >> 8 & 0xFF);
	r->milli = (unsigned)((x >> 24 & 0xFF) * 100 + (x >> 32 & 0xFF) * 10 +
			      (x >> 40 & 0xFF));
	r->serial = (unsigned long)y;
	return p + 15 + n;
}

/* The common "SEC.MILLI:SERIAL" in one pass from p; returns where it
 * stopped, or NULL for anything else (parse_stamp's general rules then
 * apply, with the same results). */
static const char *stamp_scan(struct record *r, const char *p,
			      const char *e)
{
	const char *q;
	uint64_t sec = 0;
	unsigned long ms = 0, ser = 0;
	unsigned d;

	if (e - p >= 23 && (q = stamp_fast(r, p)))
		return q;
	for (q = p; e - p >= 8 && digits8(p, &sec); p += 8)
		;
	for (; p < e && (d = (unsigned char)*p - '0') < 10; p++)
		sec = sec * 10 + d;
	if (p == q || p - q > 19 || p == e || *p != '.')
		return NULL;
	for (q = ++p; p < e && (d = (unsigned char)*p - '0') < 10; p++)
		ms = ms * 10 + d;
	if (p == q || p - q > 9 || p == e || *p != ':')
		return NULL;
	for (q = ++p; p < e && (d = (unsigned char)*p - '0') < 10; p++)
		ser = ser * 10 + d;
	if (p == q || p - q > 9)
		return NULL;
	r->sec = sec;
	r->milli = (unsigned)ms;
	r->serial = ser;
	return p;
}

static int parse_stamp(struct record *r, struct span ts)
{
	uint64_t v;
	size_t dot, colon;

	if (stamp_scan(r, ts.p, ts.p + ts.n) == ts.p + ts.n)
		return RECORD_OK;
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
	const char *gs = span_memchr(line, RECORD_GS, len);
	int rc;

	r->msg = (struct span){ line, gs ? (size_t)(gs - line) : len };
	r->enrich = gs ? (struct span){ gs + 1, len - (size_t)(gs - line) - 1 }
		       : (struct span){ line + len, 0 };
	rc = record_parse_header(r, line, len);
	if (rc == RECORD_OK)
		find_body(r, r->body_from);
	return rc;
}

/* True when s begins with the n bytes of w (s has room for them). */
HOT bool starts(const char *s, const char *w, size_t n)
{
	size_t i = 0;
	uint64_t a, b;

	/* 8 bytes a step: inlined loads even at -Os */
	for (; i + 8 <= n; i += 8) {
		memcpy(&a, s + i, 8);
		memcpy(&b, w + i, 8);
		if (a != b)
			return false;
	}
	if (i < n && n >= 8) {	/* the rest: the last 8, overlapping */
		memcpy(&a, s + n - 8, 8);
		memcpy(&b, w + n - 8, 8);
		return a == b;
	}
	if (n >= 4) {		/* 4 to 7: the first 4 and the last 4 */
		uint32_t c, d, f, g;

		memcpy(&c, s, 4);
		memcpy(&d, w, 4);
		memcpy(&f, s + n - 4, 4);
		memcpy(&g, w + n - 4, 4);
		return c == d && f == g;
	}
	for (; i < n; i++)
		if (s[i] != w[i])
			return false;
	return true;
}

/* The common "type=NAME msg=audit(SEC.MILLI:SERIAL): " in one pass
 * (no node=, all of it inside the reference's first HEADER_MAX bytes).
 * Returns false for anything else: the general rules below then apply
 * and give the same result for these lines. */
static bool header_fast(struct record *r, const char *line, size_t len)
{
	size_t lim = len < HEADER_MAX ? len : HEADER_MAX, i = 5, t, b, e;
	const char *q;

	if (lim < 8 || line[0] != 't' || line[1] != 'y' || line[2] != 'p' ||
	    line[3] != 'e' || line[4] != '=')
		return false;
	/* the blank after the type name, 8 bytes a step */
	for (; i + 8 <= lim; i += 8) {
		uint64_t x;

		memcpy(&x, line + i, 8);
		x ^= 0x2020202020202020ull;
		x = (x - 0x0101010101010101ull) & ~x & 0x8080808080808080ull;
		if (x) {
			i += (size_t)__builtin_ctzll(x) / 8;
			break;
		}
	}
	while (i < lim && line[i] != ' ')
		i++;
	t = i;
	if (t == 5 || lim - t < 12 || !starts(line + t, " msg=audit(", 11))
		return false;
	b = t + 11;
	q = stamp_scan(r, line + b, line + lim);
	if (!q || q == line + lim || *q != ')')
		return false;
	e = (size_t)(q - line);
	/* "):" then a blank or the end: the msg word ends there */
	if (e + 2 > lim || line[e + 1] != ':' ||
	    (e + 2 < lim && line[e + 2] != ' ') ||
	    (e + 2 == lim && lim < len) || e + 2 - (t + 1) <= 18)
		return false;
	r->type_name = (struct span){ line + 5, t - 5 };
	r->type = record_type_number(r->type_name);
	r->body_from = b;
	return true;
}

int record_parse_header(struct record *r, const char *line, size_t len)
{
	size_t lim = len, pos = 0, i;
	struct span w;

	r->line = (struct span){ line, len };
	r->node = (struct span){ NULL, 0 };
	r->hit = true;
	if (header_fast(r, line, len))
		return RECORD_OK;
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

int record_type_number(struct span name)
{
	char buf[40];

	/* the record types that make most of any log, one compare each
	 * (their lengths differ); the rest through the table */
	switch (name.n) {
	case 3:
		if (starts(name.p, "CWD", 3))
			return 1307;
		break;
	case 4:
		if (starts(name.p, "PATH", 4))
			return 1302;
		break;
	case 6:
		if (starts(name.p, "EXECVE", 6))
			return 1309;
		break;
	case 7:
		if (starts(name.p, "SYSCALL", 7))
			return 1300;
		break;
	case 8:
		if (starts(name.p, "SOCKADDR", 8))
			return 1306;
		break;
	case 9:
		if (starts(name.p, "PROCTITLE", 9))
			return 1327;
		break;
	}
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

int record_hex_digit(char c)
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
		if (record_hex_digit(v.p[i]) < 0)
			return false;
	return true;
}

size_t record_hex_decode(struct span v, char *out, size_t cap)
{
	size_t i;

	if (v.n % 2 || v.n / 2 > cap)
		return (size_t)-1;
	for (i = 0; i < v.n; i += 2) {
		int hi = record_hex_digit(v.p[i]);
		int lo = record_hex_digit(v.p[i + 1]);

		if (hi < 0 || lo < 0)
			return (size_t)-1;
		out[i / 2] = (char)(hi << 4 | lo);
	}
	return v.n / 2;
}
