/* interpret_enrich - the tail auditd appends to a record in the ENRICHED
 * log format (REFERENCE.md 8.4, audit 3.0.9 auditd-event.c): after a
 * \x1d, "NAME=value" for each field of type uid, gid, arch, syscall and
 * sockaddr, in record order, user records' msg='...' fields included. */
#include "interpret_int.h"

#include <auditbox/record.h>

/* Records whose "id" is a group. */
static bool group_record(int rtype)
{
	return rtype == 1116 || rtype == 1117 || rtype == 1132 ||
	       rtype == 1133;
}

/* Only names ending in "id" and three more can be enriched: the cheap
 * test spares the field table for most fields. */
static int enrich_type(int rtype, struct span n)
{
	int t;

	if (n.n < 2)
		return F_NONE;
	if (n.p[n.n - 1] == 'd' && n.p[n.n - 2] == 'i')
		;	/* uid, gid and their kin */
	else if (n.n == 4 && !memcmp(n.p, "arch", 4))
		return F_ARCH;
	else if (n.n == 7 && !memcmp(n.p, "syscall", 7))
		return F_SYSCALL;
	else if (n.n == 5 && !memcmp(n.p, "saddr", 5))
		return F_SADDR;
	else
		return F_NONE;
	/* field_type()'s lists, without the others it would go through */
	t = interpret_uid_field(n) ? F_UID : interpret_gid_field(n) ? F_GID :
	    F_NONE;
	if (t == F_UID && n.n == 2 && group_record(rtype))
		t = F_GID;
	return t;
}

/* audit_encode_nv_string(): quoted, or hex when the value needs it. */
static void enrich_quote(struct sb *b, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] == '"' || (unsigned char)s[i] < 0x21 ||
		    (unsigned char)s[i] > 0x7e)
			break;
	if (i == n) {
		sb_str(b, "\"");
		sb_put(b, s, n);
		sb_str(b, "\"");
		return;
	}
	for (i = 0; i < n; i++)
		interpret_sb_fmt(b, "%02X", (unsigned char)s[i]);
}

static void enrich_fields(struct interp *ip, struct interp_event *ie,
			  int rtype, struct span s, struct sb *b, bool *first)
{
	size_t pos = 0;
	struct span n, v;

	while (record_next_field(s, &pos, &n, &v)) {
		char tmp[256];
		struct sb t = { tmp, 0, sizeof tmp };
		int ty;

		if (span_eqs(n, "msg") && v.n >= 2 && v.p[0] == '\'') {
			v = span_sub(v, 1, v.p[v.n - 1] == '\'' ? v.n - 1 :
				     v.n);
			enrich_fields(ip, ie, rtype, v, b, first);
			continue;
		}
		ty = enrich_type(rtype, n);
		if (ty != F_UID && ty != F_GID && ty != F_ARCH &&
		    ty != F_SYSCALL && ty != F_SADDR)
			continue;
		if (ty == F_ARCH)
			ie->arch = interpret_arch(v);
		switch (ty) {
		case F_UID:
		case F_GID: interpret_do_id(ip, &t, v, ty == F_GID); break;
		case F_ARCH: interpret_do_arch(&t, v); break;
		case F_SYSCALL: interpret_do_syscall(ie, &t, v); break;
		default: interpret_do_saddr(&t, v); break;
		}
		if (t.n > sizeof tmp)
			t.n = sizeof tmp;
		sb_str(b, *first ? "\x1d" : " ");
		*first = false;
		{
			char up[64];
			size_t k = n.n < sizeof up - 1 ? n.n : sizeof up - 1;

			for (size_t i = 0; i < k; i++)
				up[i] = n.p[i] >= 'a' && n.p[i] <= 'z' ?
					(char)(n.p[i] - 32) : n.p[i];
			up[k] = '=';
			sb_put(b, up, k + 1);
		}
		if (ty == F_UID || ty == F_GID)
			enrich_quote(b, tmp, t.n);
		else
			sb_put(b, tmp, t.n);
	}
}

size_t interpret_enrich(struct interp *ip, int rtype, const char *text,
			size_t len, char *out, size_t cap)
{
	struct sb b = { out, 0, cap ? cap - 1 : 0 };
	struct interp_event ie = { .arch = 0, .syscall = -1 };
	struct span s = { text, len };
	size_t body = span_find(s, 0, "): ");
	bool first = true;
	const char *nul;

	/* the uid and gid names may have just changed */
	if (rtype == 1114 || rtype == 1116)
		interpret_init(ip);
	if ((nul = memchr(text, 0, len)))
		s.n = (size_t)(nul - text);
	if (body != (size_t)-1)
		enrich_fields(ip, &ie, rtype, span_sub(s, body + 3, s.n), &b,
			      &first);
	if (rtype == 1102 || rtype == 1115 || rtype == 1117 || rtype == 1132)
		interpret_init(ip);
	if (cap)
		out[b.n < cap ? b.n : cap - 1] = 0;
	return b.n;
}
