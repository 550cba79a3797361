/* search - ausearch 3.0.9's per-record field extraction and matching
 * (ausearch(8) criteria). The reference scans each record with strstr
 * from a moving position and fails the event when a needed field is
 * missing; the same scans are done here on spans, without writing into
 * the input, so results agree on odd records too. */
#include <auditbox/search.h>
#include "search_int.h"

#include <ctype.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <strings.h>

#include <auditbox/record.h>

void search_criteria_init(struct search_criteria *c)
{
	memset(c, 0, sizeof *c);
	c->event_id = -1;
	c->pid = c->ppid = -1;
	c->uid = c->euid = c->gid = c->egid = (uint32_t)-1;
	c->loginuid = (uint32_t)-2;
	c->syscall = -1;
	c->machine = -1;
	c->session = (uint32_t)-2;
	c->success = S_UNSET;
}

/* --- strstr/strchr/strtoul on the record's message ------------------ */

/* strtoll(base 0) from i */
long long search_sll0(const struct cur *c, size_t i)
{
	unsigned long long v = 0;
	int neg = 0, base = 10;

	while (i < c->m.n && isspace((unsigned char)c->m.p[i]))
		i++;
	if (i < c->m.n && (c->m.p[i] == '-' || c->m.p[i] == '+'))
		neg = c->m.p[i++] == '-';
	if (at(c, i) == '0' && (at(c, i + 1) == 'x' || at(c, i + 1) == 'X') &&
	    isxdigit((unsigned char)at(c, i + 2))) {
		base = 16;
		i += 2;
	} else if (at(c, i) == '0') {
		base = 8;
	}
	for (; i < c->m.n; i++) {
		int ch = (unsigned char)c->m.p[i], d;

		if (isdigit(ch))
			d = ch - '0';
		else if (isxdigit(ch))
			d = tolower(ch) - 'a' + 10;
		else
			break;
		if (d >= base)
			break;
		v = v * (unsigned)base + (unsigned)d;
	}
	return neg ? -(long long)v : (long long)v;
}

/* ref 3.0.9 checks errno after its strtoul(base 10) (signed: strtoll,
 * base 0): true where the digits overflow (ERANGE) */
bool search_erange(const struct cur *c, size_t i, bool is_signed)
{
	unsigned long long v = 0, lim = ULLONG_MAX;
	unsigned base = 10;
	int neg = 0;

	while (i < c->m.n && isspace((unsigned char)c->m.p[i]))
		i++;
	if (i < c->m.n && (c->m.p[i] == '-' || c->m.p[i] == '+'))
		neg = c->m.p[i++] == '-';
	if (is_signed) {
		lim = (unsigned long long)LLONG_MAX + (neg ? 1u : 0u);
		if (at(c, i) == '0' && (at(c, i + 1) | 0x20) == 'x' &&
		    isxdigit((unsigned char)at(c, i + 2)))
			base = 16, i += 2;
		else if (at(c, i) == '0')
			base = 8;
	}
	for (; i < c->m.n; i++) {
		int ch = (unsigned char)c->m.p[i];
		unsigned d = isdigit(ch) ? (unsigned)(ch - '0') :
			isxdigit(ch) ? (unsigned)(tolower(ch) - 'a' + 10) : 99;

		if (d >= base)
			break;
		if (v > (lim - d) / base)
			return true;
		v = v * base + d;
	}
	return false;
}

/* ref 3.0.9 checks errno after its strtoul/strtoull(base 16) of arch=,
 * a0=, a1=: true where the digits overflow 64 bits (ERANGE) */
bool search_erange16(const struct cur *c, size_t i)
{
	unsigned long long v = 0;

	while (i < c->m.n && isspace((unsigned char)c->m.p[i]))
		i++;
	if (i < c->m.n && (c->m.p[i] == '-' || c->m.p[i] == '+'))
		i++;
	/* "0x" counts only before a hex digit */
	if (at(c, i) == '0' && (at(c, i + 1) | 0x20) == 'x' &&
	    isxdigit((unsigned char)at(c, i + 2)))
		i += 2;
	for (; i < c->m.n && isxdigit((unsigned char)c->m.p[i]); i++) {
		int ch = tolower((unsigned char)c->m.p[i]);
		unsigned d = isdigit(ch) ? (unsigned)(ch - '0') :
			(unsigned)(ch - 'a' + 10);

		if (v > (ULLONG_MAX - d) / 16)
			return true;
		v = v * 16 + d;
	}
	return false;
}

/* strtoul(base 16) */
unsigned long search_sulx(const struct cur *c, size_t i)
{
	unsigned long v = 0;
	int neg = 0;

	while (i < c->m.n && isspace((unsigned char)c->m.p[i]))
		i++;
	if (i < c->m.n && (c->m.p[i] == '-' || c->m.p[i] == '+'))
		neg = c->m.p[i++] == '-';
	if (at(c, i) == '0' && (at(c, i + 1) == 'x' || at(c, i + 1) == 'X') &&
	    isxdigit((unsigned char)at(c, i + 2)))
		i += 2;
	for (; i < c->m.n && isxdigit((unsigned char)c->m.p[i]); i++) {
		int ch = tolower((unsigned char)c->m.p[i]);

		v = v * 16 + (unsigned long)(isdigit(ch) ? ch - '0' : ch - 'a' + 10);
	}
	return neg ? -v : v;
}

/* --- arena ----------------------------------------------------------- */

/* The reference's search_unescape(): "(...)" kept as is, else the leading hex
 * digits decoded (as a C string). Returns false where it returns NULL. */
bool search_unescape(struct search_items *it, const struct cur *c, size_t i,
		     struct span *out)
{
	size_t j = i, n, k, len;
	char *p;

	if (at(c, i) == '(') {
		j = sc(c, i, ')');
		if (j == NPOS)
			return false;
		*out = span_sub(c->m, i, j + 1);
		return true;
	}
	while (j < c->m.n && isxdigit((unsigned char)c->m.p[j]))
		j++;
	n = j - i;
	if (n < 2)
		return false;
	p = arena_take(it, n / 2 + 1);
	if (!p)
		return false;
	for (k = 0, len = 0; k + 1 < n + 1; k += 2) {
		int hi = hexv(c->m.p[i + k]);
		int lo = k + 1 < n ? hexv(c->m.p[i + k + 1]) : 0;
		char ch = (char)(hi << 4 | lo);

		if (ch == 0)
			break;
		p[len++] = ch;
		if (k + 1 >= n)
			break;
	}
	*out = (struct span){ p, len };
	return true;
}

/* "quoted" value at i (i at the quote): the span up to the next quote */
bool search_quoted(const struct cur *c, size_t i, struct span *out, size_t *end)
{
	size_t q = sc(c, i + 1, '"');

	if (q == NPOS)
		return false;
	*out = span_sub(c->m, i + 1, q);
	if (end)
		*end = q;
	return true;
}

/* --- uid names ------------------------------------------------------- */

static bool interp_value(const struct search_items *it, const char *field,
			 struct span *out)
{
	char up[16];
	size_t i, pos = 0;
	struct span n, v;

	for (i = 0; field[i] && i < sizeof up - 1; i++)
		up[i] = (char)toupper((unsigned char)field[i]);
	up[i] = 0;
	while (record_next_field(it->interp, &pos, &n, &v))
		if (span_eqs(n, up)) {
			if (v.n >= 2 && v.p[0] == '"')
				v = span_sub(v, 1, v.n - 1);
			*out = v;
			return true;
		}
	return false;
}

bool search_lookup_uid(struct search_items *it, const char *field,
		       uint32_t uid, struct span *out)
{
	unsigned i;
	struct passwd *pw;

	if (interp_value(it, field, out))
		return true;
	if (uid == 0) {
		*out = SPAN_LIT("root");
		return true;
	}
	if (uid == (uint32_t)-1) {
		*out = SPAN_LIT("unset");
		return true;
	}
	for (i = 0; i < it->nucache; i++)
		if (it->ucache[i].id == uid) {
			*out = span_str(it->ucache[i].name);
			return out->n > 0;
		}
	pw = getpwuid(uid);
	i = it->nucache < 32 ? it->nucache++ : uid % 32;
	it->ucache[i].id = uid;
	snprintf(it->ucache[i].name, sizeof it->ucache[i].name, "%s",
		 pw ? pw->pw_name : "");
	*out = span_str(it->ucache[i].name);
	return out->n > 0;
}

