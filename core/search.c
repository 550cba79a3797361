/* search - ausearch 3.0.9's per-record field extraction and matching
 * (ausearch(8) criteria). The reference scans each record with strstr
 * from a moving position and fails the event when a needed field is
 * missing; the same scans are done here on spans, without writing into
 * the input, so results agree on odd records too. */
#include <auditbox/search.h>

#include <ctype.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <strings.h>

#include <auditbox/record.h>

#define NPOS ((size_t)-1)
#define NAME_OFFSET 28

/* record types used by the extraction rules */
enum {
	T_USER = 1005, T_LOGIN = 1006, T_FIRST_USER = 1100, T_USER_END = 1106,
	T_USER_AVC = 1107, T_USER_CHAUTHTOK = 1108, T_LAST_USER = 1199,
	T_DAEMON_START = 1200, T_DAEMON_RESUME = 1206, T_DAEMON_ACCEPT = 1207,
	T_DAEMON_CLOSE = 1208, T_SYSCALL = 1300, T_PATH = 1302, T_IPC = 1303,
	T_CONFIG_CHANGE = 1305, T_SOCKADDR = 1306, T_CWD = 1307,
	T_OBJ_PID = 1318, T_SECCOMP = 1326, T_FEATURE_CHANGE = 1328,
	T_MAC_POLICY_LOAD = 1403, T_MAC_UNLBL_STCDEL = 1416,
	T_ANOM_PROMISCUOUS = 1700, T_ANOM_ABEND = 1701, T_ANOM_LINK = 1702,
	T_FIRST_USER2 = 2100, T_LAST_USER2 = 2999,
	T_ADD_GROUP = 1116, T_DEL_GROUP = 1117, T_GRP_MGMT = 1132,
};

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

struct cur {
	struct span m;	/* the message (line up to GS) */
};

static size_t ss(const struct cur *c, size_t from, const char *needle)
{
	if (from == NPOS)
		from = 0;
	return span_find(c->m, from, needle);
}

static size_t sc(const struct cur *c, size_t from, char ch)
{
	return span_chr(c->m, from, ch);
}

static char at(const struct cur *c, size_t i)
{
	return i < c->m.n ? c->m.p[i] : 0;
}

/* strtoul(base 10) from i, wrapping like the C library for '-'. */
static unsigned long sul(const struct cur *c, size_t i)
{
	unsigned long v = 0;
	int neg = 0;

	while (i < c->m.n && isspace((unsigned char)c->m.p[i]))
		i++;
	if (i < c->m.n && (c->m.p[i] == '-' || c->m.p[i] == '+'))
		neg = c->m.p[i++] == '-';
	for (; i < c->m.n && isdigit((unsigned char)c->m.p[i]); i++)
		v = v * 10 + (unsigned long)(c->m.p[i] - '0');
	return neg ? -v : v;
}

/* strtoll(base 0) from i */
static long long sll0(const struct cur *c, size_t i)
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

/* strtoul(base 16) */
static unsigned long sulx(const struct cur *c, size_t i)
{
	unsigned long v = 0;

	if (at(c, i) == '0' && (at(c, i + 1) == 'x' || at(c, i + 1) == 'X'))
		i += 2;
	for (; i < c->m.n && isxdigit((unsigned char)c->m.p[i]); i++) {
		int ch = tolower((unsigned char)c->m.p[i]);

		v = v * 16 + (unsigned long)(isdigit(ch) ? ch - '0' : ch - 'a' + 10);
	}
	return v;
}

/* --- arena ----------------------------------------------------------- */

static char *arena_take(struct search_items *it, size_t n)
{
	char *p;

	if (n > sizeof it->arena - it->used)
		return NULL;
	p = it->arena + it->used;
	it->used += n;
	return p;
}

static int hexv(char ch)
{
	if (ch >= '0' && ch <= '9')
		return ch - '0';
	ch = (char)tolower((unsigned char)ch);
	return ch >= 'a' && ch <= 'f' ? ch - 'a' + 10 : -1;
}

/* The reference's unescape(): "(...)" kept as is, else the leading hex
 * digits decoded (as a C string). Returns false where it returns NULL. */
static bool unescape(struct search_items *it, const struct cur *c, size_t i,
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
static bool quoted(const struct cur *c, size_t i, struct span *out, size_t *end)
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

static bool lookup_uid(struct search_items *it, const char *field,
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

#include "search_parse.c"
