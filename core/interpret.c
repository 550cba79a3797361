/* interpret - ausearch -i field interpretation (REFERENCE.md 8.5; audit
 * 3.0.9 auparse/interpret.c behaviour, checked against /sbin/ausearch). */
#include <auditbox/interpret.h>
#include "interpret_int.h"

#include <grp.h>
#include <limits.h>
#include <stdarg.h>
#include <pwd.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <auditbox/record.h>
#include <auditbox/tables.h>

static int field_type(int rtype, struct span n);

void interpret_sb_fmt(struct sb *b, const char *fmt, ...)
{
	char tmp[256];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	if (n > 0)
		sb_put(b, tmp, (size_t)n < sizeof tmp ? (size_t)n : sizeof tmp - 1);
}

/* escaped output of raw bytes, as evfmt_escaped */
void interpret_sb_esc(struct sb *b, const char *s, size_t n, int mode)
{
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (mode == 0) {
			sb_put(b, s + i, 1);
		} else if (c < 32) {
			interpret_sb_fmt(b, "\\%03o", c);
		} else if ((mode >= 2 && strchr("\"'`$\\!()| ", c)) ||
			   (mode == 3 && strchr(";#&*?[]<>{}", c))) {
			sb_put(b, "\\", 1);
			sb_put(b, s + i, 1);
		} else {
			sb_put(b, s + i, 1);
		}
	}
}

void interpret_init(struct interp *ip)
{
	memset(ip, 0, sizeof *ip);
}

uint64_t interpret_hex_u64(struct span v)
{
	uint64_t x = 0;
	size_t i;

	for (i = 0; i < v.n; i++) {
		char c = v.p[i];
		int d = c >= '0' && c <= '9' ? c - '0' :
			c >= 'a' && c <= 'f' ? c - 'a' + 10 :
			c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;

		if (d < 0)
			break;
		x = x << 4 | (unsigned)d;
	}
	return x;
}

long long interpret_dec_ll(struct span v, bool *ok)
{
	long long x = 0;
	size_t i = 0;
	int neg = 0;

	*ok = false;
	if (i < v.n && v.p[i] == '-')
		neg = 1, i++;
	for (; i < v.n; i++) {
		if (v.p[i] < '0' || v.p[i] > '9')
			return 0;
		/* saturate as strtoll does */
		if (x > (LLONG_MAX - (v.p[i] - '0')) / 10)
			return neg ? LLONG_MIN : LLONG_MAX;
		x = x * 10 + (v.p[i] - '0');
		*ok = true;
	}
	return neg ? -x : x;
}

void interpret_event_init(struct interp_event *ie,
			  const struct event_rec *const *recs, size_t n)
{
	size_t i;
	struct record r;
	struct span v;
	bool ok;

	ie->arch = 0;
	ie->syscall = -1;
	ie->have_syscall = false;
	ie->a0 = ie->a1 = 0;
	for (i = 0; i < n; i++) {
		if (recs[i]->type != 1300 && recs[i]->type != 1326)
			continue;
		if (record_parse(&r, recs[i]->line.p, recs[i]->line.n))
			continue;
		if (record_field(&r, SPAN_LIT("arch"), &v))
			ie->arch = (uint32_t)interpret_hex_u64(v);
		if (record_field(&r, SPAN_LIT("syscall"), &v)) {
			ie->syscall = (int)interpret_dec_ll(v, &ok);
			ie->have_syscall = ok;
		}
		if (record_field(&r, SPAN_LIT("a0"), &v))
			ie->a0 = interpret_hex_u64(v);
		if (record_field(&r, SPAN_LIT("a1"), &v))
			ie->a1 = interpret_hex_u64(v);
		break;
	}
}

static const char *const uid_fields[] = {
	"auid", "uid", "euid", "suid", "fsuid", "ouid", "oauid", "old-auid",
	"iuid", "id", "inode_uid", "sauid", "obj_uid", "old_auid", NULL,
};
static const char *const gid_fields[] = {
	"gid", "egid", "sgid", "fsgid", "ogid", "igid", "inode_gid",
	"new_gid", "obj_gid", NULL,
};
static const char *const esc_fields[] = {
	"comm", "exe", "cwd", "name", "path", "file", "watch", "dir", "cmd",
	"acct", "vm", "cgroup", "device", "sw", "root_dir", "new_group",
	"ocomm", "grp", "old-chardev", "new-chardev", "old-disk", "new-disk",
	"old-fs", "new-fs", "old-net", "new-net", "old-rng", "new-rng",
	"invalid_context", NULL,
};
static const char *const cap_fields[] = {
	"cap_pi", "cap_pe", "cap_pp", "cap_pa", "cap_fi", "cap_fp", "fp",
	"fi", "old_pp", "old_pi", "old_pe", "old_pa", "new_pp",
	"new_pi", "new_pe", "new_pa", "pp", "pi", "pe", "pa", NULL,
};

static bool in_list(const char *const *l, struct span n)
{
	/* the first byte first: most names differ there (hot in ENRICHED) */
	for (; *l; l++)
		if (n.n && (*l)[0] == n.p[0] && span_eqs(n, *l))
			return true;
	return false;
}

bool interpret_uid_field(struct span n)
{
	return in_list(uid_fields, n);
}

bool interpret_gid_field(struct span n)
{
	return in_list(gid_fields, n);
}

static const struct { const char *name; int type; } more_fields[] = {
	{ "data", F_TTY }, { "prom", F_PROMISC }, { "old_prom", F_PROMISC },
	{ "family", F_NFPROTO }, { "proto", F_PROTOCOL }, { "hook", F_HOOK },
	{ "action", F_NETACTION }, { "macproto", F_MACPROTO },
	{ "resp", F_FANOTIFY },
};

/* auparse_interp_adjust_type's exceptions, then the field's own type */
int interpret_field_type(int rtype, struct span n)
{
	int t = field_type(rtype, n);
	size_t i;

	if (rtype == 1312 && span_eqs(n, "mode"))
		return F_MODE_SHORT;
	if (span_eqs(n, "oflag"))
		return F_OFLAG;
	if (rtype == 1400 && span_eqs(n, "saddr"))
		return F_NONE;
	if (rtype == 1324 && span_eqs(n, "saddr"))
		return F_ADDR;
	if (rtype == 2404 && span_eqs(n, "fp"))
		return F_NONE;
	if ((rtype == 1116 || rtype == 1117 || rtype == 1132) &&
	    span_eqs(n, "id"))
		return F_GID;
	/* ref 3.0.9: TRUSTED_APP's values are text but for these */
	if (rtype == 1121 && t != F_ESC)
		return F_NONE;
	if (t != F_NONE)
		return t;
	for (i = 0; i < sizeof more_fields / sizeof more_fields[0]; i++)
		if (span_eqs(n, more_fields[i].name))
			return more_fields[i].type;
	return F_NONE;
}

static int field_type(int rtype, struct span n)
{
	if (rtype == 1309 && n.n >= 2 && n.p[0] == 'a' &&
	    n.p[1] >= '0' && n.p[1] <= '9')	/* a1_len is a number */
		return memmem(n.p, n.n, "_len", 4) ? F_NONE : F_EXECARG;
	if (in_list(uid_fields, n))
		return F_UID;
	if (in_list(gid_fields, n))
		return F_GID;
	if (in_list(esc_fields, n))
		return F_ESC;
	if (in_list(cap_fields, n))
		return F_CAPS;
	if (span_eqs(n, "arch"))
		return F_ARCH;
	if (span_eqs(n, "syscall"))
		return F_SYSCALL;
	if (span_eqs(n, "exit"))
		return F_EXIT;
	if (span_eqs(n, "success") || span_eqs(n, "res") ||
	    span_eqs(n, "result"))
		return F_SUCCESS;
	if (span_eqs(n, "proctitle"))
		return F_PROCTITLE;
	if (span_eqs(n, "mode"))
		return F_MODE;
	if (span_eqs(n, "ses"))
		return F_SES;
	if (span_eqs(n, "saddr"))
		return F_SADDR;
	if (span_eqs(n, "key"))
		return F_KEY;
	if (span_eqs(n, "list") && rtype == 1305)
		return F_LIST;
	if (span_eqs(n, "addr"))
		return F_ADDR;
	if (span_eqs(n, "sig"))
		return F_SIG;
	if (span_eqs(n, "code") && rtype == 1326)
		return F_SECCOMP;
	if (span_eqs(n, "flags") && rtype == 1323)
		return F_MMAP;
	if (span_eqs(n, "perm") && rtype == 1305)
		return F_PERM;
	if (n.n == 2 && n.p[0] == 'a' && n.p[1] >= '0' && n.p[1] <= '3')
		return rtype == 1300 ? F_ARG : F_ARGHEX;
	return F_NONE;
}

