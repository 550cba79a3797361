/* search_int.h - core/search*.c private: the reference's scanning
 * helpers over a record's message and the per-type extraction functions
 * the search modules share. Never included by applets. */
#ifndef AUDITBOX_SEARCH_INT_H
#define AUDITBOX_SEARCH_INT_H

#include <ctype.h>
#include <limits.h>

#include <auditbox/search.h>
#include <auditbox/span.h>

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
	T_MAC_POLICY_LOAD = 1403, T_MAC_UNLBL_STCDEL = 1417,
	T_ANOM_PROMISCUOUS = 1700, T_ANOM_ABEND = 1701, T_ANOM_LINK = 1702,
	T_FIRST_USER2 = 2100, T_LAST_USER2 = 2999,
	T_ADD_GROUP = 1116, T_DEL_GROUP = 1117, T_GRP_MGMT = 1132,
	T_TTY = 1319, T_NETFILTER_PKT = 1324, T_NETFILTER_CFG = 1325,
	T_EVENT_LISTENER = 1335, T_AVC = 1400, T_INTEGRITY_DATA = 1800,
	T_INTEGRITY_RULE = 1805, T_VIRT_RESOURCE = 2501,
	T_VIRT_MACHINE_ID = 2502,
};

struct cur {
	struct span m;	/* the message (line up to GS) */
};

struct px {
	const struct search_criteria *c;
	struct search_items *s;
	struct cur m;
	int type;
	struct search_avc *avc;	/* the USER_AVC decision being read */
};

/* --- strstr/strchr/strtoul on the record's message (hot: inline) ----- */

static inline size_t ss(const struct cur *c, size_t from, const char *needle)
{
	if (from == NPOS)
		from = 0;
	return span_find(c->m, from, needle);
}

static inline size_t sc(const struct cur *c, size_t from, char ch)
{
	return span_chr(c->m, from, ch);
}

static inline char at(const struct cur *c, size_t i)
{
	return i < c->m.n ? c->m.p[i] : 0;
}

/* strtoul(base 10) from i, wrapping like the C library for '-' and
 * ULONG_MAX (whatever the sign) when the digits do not fit. */
static inline unsigned long sul(const struct cur *c, size_t i)
{
	unsigned long v = 0;
	int neg = 0;

	while (i < c->m.n && isspace((unsigned char)c->m.p[i]))
		i++;
	if (i < c->m.n && (c->m.p[i] == '-' || c->m.p[i] == '+'))
		neg = c->m.p[i++] == '-';
	for (; i < c->m.n && isdigit((unsigned char)c->m.p[i]); i++) {
		unsigned long d = (unsigned long)(c->m.p[i] - '0');

		if (v > ULONG_MAX / 10 ||
		    (v == ULONG_MAX / 10 && d > ULONG_MAX % 10))
			return ULONG_MAX;
		v = v * 10 + d;
	}
	return neg ? -v : v;
}

static inline char *arena_take(struct search_items *it, size_t n)
{
	char *p;

	if (n > sizeof it->arena - it->used)
		return NULL;
	p = it->arena + it->used;
	it->used += n;
	return p;
}

static inline int hexv(char ch)
{
	if (ch >= '0' && ch <= '9')
		return ch - '0';
	ch = (char)tolower((unsigned char)ch);
	return ch >= 'a' && ch <= 'f' ? ch - 'a' + 10 : -1;
}

/* --- shared between search.c, search_parse.c, search_user.c and
 * search_misc.c ------------------------------------------------------- */

/* strtoll(base 0) from i */
long long search_sll0(const struct cur *c, size_t i);
/* true where ref 3.0.9's strtoul(base 10) (is_signed: strtoll(base 0))
 * of the digits at i sets ERANGE */
bool search_erange(const struct cur *c, size_t i, bool is_signed);
/* true where ref 3.0.9's strtoul(base 16) of the digits at i sets
 * ERANGE */
bool search_erange16(const struct cur *c, size_t i);
/* strtoul(base 16) */
unsigned long search_sulx(const struct cur *c, size_t i);
/* The reference's unescape(): "(...)" kept as is, else the leading hex
 * digits decoded (as a C string). Returns false where it returns NULL. */
bool search_unescape(struct search_items *it, const struct cur *c, size_t i,
		     struct span *out);
/* "quoted" value at i (i at the quote): the span up to the next quote */
bool search_quoted(const struct cur *c, size_t i, struct span *out, size_t *end);
bool search_lookup_uid(struct search_items *it, const char *field,
		       uint32_t uid, struct span *out);
bool search_want_loginuid(const struct px *x);
bool search_want_uid(const struct px *x);
/* a quoted or hex value at i into *out; err when a quote is unclosed */
int search_str_value(struct px *x, size_t i, struct span *out, bool *has,
		     int err);
void search_add_subj(struct search_items *s, struct span v);
void search_add_obj(struct search_items *s, struct span v);
/* "name=" value up to the next space, scanning from *term; the value's
 * end becomes the new *term. Returns 1 found, 0 absent, -1 no space. */
int search_num_field(struct px *x, size_t *term, const char *name,
		     unsigned long *v);
int search_parse_task_info(struct px *x, size_t term);
/* key=: quoted, or hex holding keys joined by \x01 */
int search_key_field(struct px *x, size_t str, int err_quote, int err_hex);
int search_parse_syscall(struct px *x);
int search_parse_dir(struct px *x);
/* a file name value at i (quoted, "(null)", hex) added to the files */
int search_common_path(struct px *x, size_t i);
int search_avc_parse_path(struct px *x);
int search_parse_path(struct px *x);
int search_parse_user(struct px *x);
/* "name=" context after *term up to the next space, into the subjects
 * (subj) or objects; moves *term there. 0, or err when no space follows. */
int search_parse_ctx(struct px *x, size_t *term, const char *name, bool subj,
		     int err);
int search_parse_login(struct px *x);
int search_parse_daemon1(struct px *x);
int search_parse_daemon2(struct px *x);
/* search_mac.c: AVC/USER_AVC, INTEGRITY_*, TTY, NETFILTER_PKT, and the
 * kernel's subject-attribute records (NETFILTER_CFG, EVENT_LISTENER) */
int search_parse_avc(struct px *x);
int search_parse_integrity(struct px *x);
int search_parse_tty(struct px *x);
int search_parse_pkt(struct px *x);
int search_parse_kernel(struct px *x);

#endif
