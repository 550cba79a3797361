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

/* escaped output of raw bytes, as evfmt_escaped: runs of bytes that need
 * nothing are copied whole */
void interpret_sb_esc(struct sb *b, const char *s, size_t n, int mode)
{
	size_t i, run = 0;
	char q[4];

	if (mode == 0 || (mode == 1 && !span_ctl(s, n))) {
		sb_put(b, s, n);
		return;
	}
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c < 32) {		/* "\\%03o" */
			sb_put(b, s + run, i - run);
			q[0] = '\\';
			q[1] = (char)('0' + (c >> 6));
			q[2] = (char)('0' + (c >> 3 & 7));
			q[3] = (char)('0' + (c & 7));
			sb_put(b, q, 4);
			run = i + 1;
		} else if ((mode >= 2 && strchr("\"'`$\\!()| ", c)) ||
			   (mode == 3 && strchr(";#&*?[]<>{}", c))) {
			sb_put(b, s + run, i - run);
			sb_put(b, "\\", 1);
			run = i;	/* the byte itself follows */
		}
	}
	sb_put(b, s + run, n - run);
}

void interpret_init(struct interp *ip)
{
	memset(ip, 0, sizeof *ip);
}

static int digit_of(char c, int base)
{
	int d = c >= '0' && c <= '9' ? c - '0' :
		(c | 0x20) >= 'a' && (c | 0x20) <= 'z' ? (c | 0x20) - 'a' + 10 :
		-1;

	return d < base ? d : -1;
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

/* ref 3.0.9: (int)strtoul(v, 10); an overflow is ULONG_MAX, so -1 */
int interpret_syscall_nr(struct span v)
{
	unsigned long mag;
	bool neg;

	if (!interpret_strto(v, 10, &mag, &neg))
		return -1;
	return (int)(uint32_t)(neg ? 0UL - mag : mag);
}

/* ref 3.0.9: (unsigned)strtoul(v, 16) ("0x" taken, a sign negates); an
 * arch it does not know is the machine it runs on */
uint32_t interpret_arch(struct span v)
{
	unsigned long mag;
	bool neg;
	uint32_t a = (uint32_t)ULONG_MAX;
	int m;

	if (interpret_strto(v, 16, &mag, &neg))
		a = (uint32_t)(neg ? 0UL - mag : mag);
	if (tables_elf_machine(a) < 0 && (m = tables_machine_detect()) >= 0)
		a = tables_machine_elf(m);
	return a;
}

bool interpret_strto(struct span v, int base, unsigned long *mag, bool *neg)
{
	size_t i = 0;
	unsigned long x = 0;

	*neg = false;
	while (i < v.n && (v.p[i] == ' ' || (v.p[i] >= '\t' && v.p[i] <= '\r')))
		i++;
	if (i < v.n && (v.p[i] == '-' || v.p[i] == '+'))
		*neg = v.p[i++] == '-';
	/* "0x" counts only before a hex digit ("0xg" reads as 0) */
	if (base == 16 && i + 2 < v.n && v.p[i] == '0' &&
	    (v.p[i + 1] | 0x20) == 'x' && digit_of(v.p[i + 2], 16) >= 0)
		i += 2;
	for (; i < v.n; i++) {
		int d = digit_of(v.p[i], base);

		if (d < 0)
			break;
		if (x > (ULONG_MAX - (unsigned)d) / (unsigned)base)
			return false;
		x = x * (unsigned)base + (unsigned)d;
	}
	*mag = x;
	return true;
}

void interpret_event_init(struct interp_event *ie,
			  const struct event_rec *const *recs, size_t n)
{
	size_t i;
	struct record r;
	struct span v;

	ie->arch = 0;
	ie->syscall = -1;
	ie->have_syscall = false;
	ie->a0 = ie->a1 = 0;
	for (i = 0; i < n; i++) {
		if (recs[i]->type != 1300 && recs[i]->type != 1326)
			continue;
		if (record_parse(&r, recs[i]->line.p, recs[i]->line.n))
			continue;
		/* no arch= is as an unknown one: the host machine */
		if (!record_field(&r, SPAN_LIT("arch"), &v))
			v = SPAN_LIT("");
		ie->arch = interpret_arch(v);
		if (record_field(&r, SPAN_LIT("syscall"), &v)) {
			ie->syscall = interpret_syscall_nr(v);
			ie->have_syscall = true;
		}
		if (record_field(&r, SPAN_LIT("a0"), &v))
			ie->a0 = interpret_hex_u64(v);
		if (record_field(&r, SPAN_LIT("a1"), &v))
			ie->a1 = interpret_hex_u64(v);
		break;
	}
}

/* Field names with a kind, sorted by strcmp (binary search): the
 * reference's uid, gid, escaped and capability field lists and its
 * single names; rtype 0 for any record type, else the only one. */
#define FT(s, t, r) { s, sizeof(s) - 1, t, r }
static const struct ftype_row {
	const char *name;
	unsigned char len, type;
	short rtype;
} ftab[] = {
	FT("acct", F_ESC, 0),
	FT("addr", F_ADDR, 0),
	FT("arch", F_ARCH, 0),
	FT("auid", F_UID, 0),
	FT("cap_fi", F_CAPS, 0),
	FT("cap_fp", F_CAPS, 0),
	FT("cap_pa", F_CAPS, 0),
	FT("cap_pe", F_CAPS, 0),
	FT("cap_pi", F_CAPS, 0),
	FT("cap_pp", F_CAPS, 0),
	FT("capability", F_CAPABILITY, 0),
	FT("cgroup", F_ESC, 0),
	FT("cmd", F_ESC, 0),
	FT("code", F_SECCOMP, 0),
	FT("comm", F_ESC, 0),
	FT("cwd", F_ESC, 0),
	FT("device", F_ESC, 0),
	FT("dir", F_ESC, 0),
	FT("egid", F_GID, 0),
	FT("euid", F_UID, 0),
	FT("exe", F_ESC, 0),
	FT("exit", F_EXIT, 0),
	FT("fi", F_CAPS, 0),
	FT("file", F_ESC, 0),
	FT("flags", F_MMAP, 0),
	FT("fp", F_CAPS, 0),
	FT("fsgid", F_GID, 0),
	FT("fsuid", F_UID, 0),
	FT("gid", F_GID, 0),
	FT("grp", F_ESC, 0),
	FT("icmptype", F_ICMP, 0),
	FT("id", F_UID, 0),
	FT("igid", F_GID, 0),
	FT("img-ctx", F_MAC, 0),
	FT("inode_gid", F_GID, 0),
	FT("inode_uid", F_UID, 0),
	FT("invalid_context", F_ESC, 0),
	FT("ioctlcmd", F_IOCTL, 0),
	FT("iuid", F_UID, 0),
	FT("key", F_KEY, 0),
	FT("list", F_LIST, 0),
	FT("mode", F_MODE, 0),
	FT("name", F_ESC, 0),
	FT("new-chardev", F_ESC, 0),
	FT("new-disk", F_ESC, 0),
	FT("new-fs", F_ESC, 0),
	FT("new-net", F_ESC, 0),
	FT("new-rng", F_ESC, 0),
	FT("new_gid", F_GID, 0),
	FT("new_group", F_ESC, 0),
	FT("new_pa", F_CAPS, 0),
	FT("new_pe", F_CAPS, 0),
	FT("new_pi", F_CAPS, 0),
	FT("new_pp", F_CAPS, 0),
	FT("nl-mcgrp", F_NLMCGRP, 0),
	FT("oauid", F_UID, 0),
	FT("obj", F_MAC, 0),
	FT("obj_gid", F_GID, 0),
	FT("obj_uid", F_UID, 0),
	FT("ocomm", F_ESC, 0),
	FT("ogid", F_GID, 0),
	FT("old-auid", F_UID, 0),
	FT("old-chardev", F_ESC, 0),
	FT("old-disk", F_ESC, 0),
	FT("old-fs", F_ESC, 0),
	FT("old-net", F_ESC, 0),
	FT("old-rng", F_ESC, 0),
	FT("old_auid", F_UID, 0),
	FT("old_pa", F_CAPS, 0),
	FT("old_pe", F_CAPS, 0),
	FT("old_pi", F_CAPS, 0),
	FT("old_pp", F_CAPS, 0),
	FT("ouid", F_UID, 0),
	FT("pa", F_CAPS, 0),
	FT("path", F_ESC, 0),
	FT("pe", F_CAPS, 0),
	FT("per", F_PERSON, 0),
	FT("perm", F_PERM, 0),
	FT("perm_mask", F_PERM, 0),
	FT("pi", F_CAPS, 0),
	FT("pp", F_CAPS, 0),
	FT("proctitle", F_PROCTITLE, 0),
	FT("res", F_SUCCESS, 0),
	FT("resolve", F_RESOLVE, 0),
	FT("result", F_SUCCESS, 0),
	FT("root_dir", F_ESC, 0),
	FT("saddr", F_SADDR, 0),
	FT("sauid", F_UID, 0),
	FT("scontext", F_MAC, 0),
	FT("ses", F_SES, 0),
	FT("sgid", F_GID, 0),
	FT("sig", F_SIG, 0),
	FT("sigev_signo", F_SIG, 0),
	FT("subj", F_MAC, 0),
	FT("success", F_SUCCESS, 0),
	FT("suid", F_UID, 0),
	FT("sw", F_ESC, 0),
	FT("syscall", F_SYSCALL, 0),
	FT("tcontext", F_MAC, 0),
	FT("uid", F_UID, 0),
	FT("vm", F_ESC, 0),
	FT("vm-ctx", F_MAC, 0),
	FT("watch", F_ESC, 0),
};
#undef FT

static const struct ftype_row *ftype_find(struct span n)
{
	size_t lo = 0, hi = sizeof ftab / sizeof ftab[0];

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		const struct ftype_row *r = &ftab[mid];
		size_t k = n.n < r->len ? n.n : r->len;
		int c = memcmp(n.p, r->name, k);

		if (c == 0)
			c = n.n < r->len ? -1 : n.n > r->len;
		if (c == 0)
			return r;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

bool interpret_uid_field(struct span n)
{
	const struct ftype_row *r = ftype_find(n);

	return r && r->type == F_UID;
}

bool interpret_gid_field(struct span n)
{
	const struct ftype_row *r = ftype_find(n);

	return r && r->type == F_GID;
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
	if (rtype == 1302 && span_eqs(n, "flags"))	/* lookup flags */
		return F_FLAGS;
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
	const struct ftype_row *r;

	if (rtype == 1309 && n.n >= 2 && n.p[0] == 'a' &&
	    n.p[1] >= '0' && n.p[1] <= '9')	/* a1_len is a number */
		return memmem(n.p, n.n, "_len", 4) ? F_NONE : F_EXECARG;
	r = ftype_find(n);
	if (r && (r->rtype == 0 || r->rtype == rtype))
		return r->type;
	if (n.n == 2 && n.p[0] == 'a' && n.p[1] >= '0' && n.p[1] <= '3')
		return rtype == 1300 ? F_ARG : F_ARGHEX;
	return F_NONE;
}
