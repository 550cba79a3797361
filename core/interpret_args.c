/* interpret_args - sockaddrs, lists, perms, signals, and the record writer
 * (a0..a3 are in interpret_syscall.c). */
#include "interpret_int.h"

#include <arpa/inet.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <auditbox/record.h>
#include <auditbox/tables.h>

void interpret_do_saddr(struct sb *b, struct span v)
{
	unsigned char a[128];
	/* an odd last digit is ignored (ref 3.0.9) */
	size_t n = record_hex_decode(span_sub(v, 0, v.n & ~(size_t)1),
				     (char *)a, sizeof a);
	unsigned fam;
	char ip[64];

	if (n == (size_t)-1 || n < 2) {
		interpret_sb_fmt(b, "malformed-host(" SPAN_FMT ")", SPAN_ARG(v));
		return;
	}
	fam = a[0] | (unsigned)a[1] << 8;
	if ((fam == 2 && n < 16) || (fam == 10 && n < 28)) {
		interpret_sb_fmt(b, "{ saddr_fam=%s sockaddr len too short }",
				 fam == 2 ? "inet" : "inet6");
		return;
	}
	if (fam == 2) {
		snprintf(ip, sizeof ip, "%u.%u.%u.%u", a[4], a[5], a[6], a[7]);
		interpret_sb_fmt(b, "{ saddr_fam=inet laddr=%s lport=%u }", ip,
		       (unsigned)a[2] << 8 | a[3]);
	} else if (fam == 10) {
		if (!inet_ntop(AF_INET6, a + 8, ip, sizeof ip))
			snprintf(ip, sizeof ip, "?");
		interpret_sb_fmt(b, "{ saddr_fam=inet6 laddr=%s lport=%u }", ip,
		       (unsigned)a[2] << 8 | a[3]);
	} else if (fam == 1) {
		size_t i = 2, e;

		if (n == 2) {
			sb_str(b, "{ saddr_fam=local sun_path=unnamed socket }");
			return;
		}
		if (a[2] == 0)
			i = 3;
		for (e = i; e < n && a[e]; e++)
			;
		sb_str(b, "{ saddr_fam=local path=");
		sb_put(b, (const char *)a + i, e - i);
		sb_str(b, " }");
	} else if (fam == 16 && n >= 12) {
		interpret_sb_fmt(b, "{ saddr_fam=netlink nlnk-fam=%u nlnk-pid=%u }",
		       (unsigned)fam, (unsigned)(a[4] | a[5] << 8 | a[6] << 16 |
						  (unsigned)a[7] << 24));
	} else {
		interpret_sb_fmt(b, "{ saddr_fam=unknown-family(%u) }", fam);
	}
}

/* strtoul(v, base) into *x, or "conversion error(v)" written and false
 * on ERANGE (ref 3.0.9's printers test errno so) */
static bool conv_ul(struct sb *b, struct span v, int base, unsigned long *x)
{
	bool neg;

	if (!interpret_strto(v, base, x, &neg)) {
		interpret_sb_fmt(b, "conversion error(" SPAN_FMT ")",
				 SPAN_ARG(v));
		return false;
	}
	if (neg)
		*x = 0UL - *x;
	return true;
}

/* ref 3.0.9: strtoul, kept as an int; lists 2, 3 and 7 have no name */
static void do_list(struct sb *b, struct span v)
{
	static const char *const names[] = {
		"user", "task", NULL, NULL, "exit", "exclude", "filesystem",
	};
	unsigned long x;
	unsigned i;

	if (!conv_ul(b, v, 10, &x))
		return;
	i = (unsigned)x;
	if (i < sizeof names / sizeof names[0] && names[i])
		sb_str(b, names[i]);
	else
		interpret_sb_fmt(b, "unknown-list(" SPAN_FMT ")", SPAN_ARG(v));
}

/* ref 3.0.9: strtol, kept as an int; 0 is every permission (as the
 * kernel reads it), bits beyond the four print nothing */
static void do_perm(struct sb *b, struct span v)
{
	static const struct { unsigned bit; const char *n; } bits[] = {
		{ 4, "read" }, { 2, "write" }, { 1, "exec" }, { 8, "attr" },
	};
	unsigned long mag;
	unsigned x;
	bool neg, first = true;
	size_t i;

	if (!interpret_strto(v, 10, &mag, &neg) ||
	    mag > (unsigned long)LONG_MAX + neg) {
		interpret_sb_fmt(b, "conversion error(" SPAN_FMT ")",
				 SPAN_ARG(v));
		return;
	}
	x = (unsigned)(neg ? 0UL - mag : mag);
	if (x == 0)
		x = 0xf;
	for (i = 0; i < sizeof bits / sizeof bits[0]; i++)
		if (x & bits[i].bit) {
			if (!first)
				sb_str(b, ",");
			first = false;
			sb_str(b, bits[i].n);
		}
}

/* ref 3.0.9's sig and sigev_signo: strtoul kept as an int, named for
 * 0..31, else "unknown-signal(<text>)" */
static void do_sig(struct sb *b, struct span v)
{
	unsigned long x;
	int s;

	if (!conv_ul(b, v, 10, &x))
		return;
	s = (int)(unsigned)x;
	if (s >= 0 && s < 32)
		sb_str(b, interpret_signal_name(s));
	else
		interpret_sb_fmt(b, "unknown-signal(" SPAN_FMT ")", SPAN_ARG(v));
}

/* capability: strtoul kept as an int; icmptype likewise */
static void do_capability(struct sb *b, struct span v)
{
	unsigned long x;
	const char *s;

	if (!conv_ul(b, v, 10, &x))
		return;
	s = (int)(unsigned)x < 0 ? NULL : interpret_cap_name((unsigned)x);
	if (s)
		sb_str(b, s);
	else
		interpret_sb_fmt(b, "unknown-capability(" SPAN_FMT ")",
				 SPAN_ARG(v));
}

static void do_icmptype(struct sb *b, struct span v)
{
	static const char *const names[] = {
		"echo-reply", NULL, NULL, "destination-unreachable",
		"source-quench", "redirect", NULL, NULL, "echo", NULL, NULL,
		"time-exceeded", "parameter-problem", "timestamp-request",
		"timestamp-reply", "info-request", "info-reply",
		"address-mask-request", "address-mask-reply",
	};
	unsigned long x;
	unsigned t;

	if (!conv_ul(b, v, 10, &x))
		return;
	t = (unsigned)x;
	if (t < sizeof names / sizeof names[0] && names[t])
		sb_str(b, names[t]);
	else
		interpret_sb_fmt(b, "unknown-icmp-type(" SPAN_FMT ")",
				 SPAN_ARG(v));
}

/* per: strtoul(v, 16); the name of its low byte, "|~ADDR_NO_RANDOMIZE"
 * when that bit (0x0040000) is set; else "unknown-personality(0x<text>)" */
static void do_person(struct sb *b, struct span v)
{
	unsigned long x;
	const char *s;

	if (!conv_ul(b, v, 16, &x))
		return;
	s = interpret_name(NM_PERSON_TAB, (uint32_t)(x & 0xff));
	if (!s) {
		interpret_sb_fmt(b, "unknown-personality(0x" SPAN_FMT ")",
				 SPAN_ARG(v));
		return;
	}
	sb_str(b, s);
	if (x & 0x0040000)
		sb_str(b, "|~ADDR_NO_RANDOMIZE");
}

/* ioctlcmd: strtoul(v, 16) kept as an int; named, else "0x%x" */
static void do_ioctl(struct sb *b, struct span v)
{
	unsigned long x;
	const char *s;

	if (!conv_ul(b, v, 16, &x))
		return;
	s = interpret_name(NM_IOCTL_TAB, (uint32_t)x);
	if (s)
		sb_str(b, s);
	else
		interpret_sb_fmt(b, "0x%x", (unsigned)x);
}

/* nl-mcgrp: strtoul(v, 16); 1 (AUDIT_NLGRP_READLOG) or none */
static void do_nlmcgrp(struct sb *b, struct span v)
{
	unsigned long x;

	if (conv_ul(b, v, 16, &x))
		sb_str(b, x == 1 ? "audit-netlink-multicast" : "audit-none");
}

/* resolve: strtoul(v, 16); openat2's RESOLVE_* bits '|' separated, else
 * "0x<text>" */
static void do_resolve(struct sb *b, struct span v)
{
	static const char *const bits[] = {
		"RESOLVE_NO_XDEV", "RESOLVE_NO_MAGICLINKS",
		"RESOLVE_NO_SYMLINKS", "RESOLVE_BENEATH", "RESOLVE_IN_ROOT",
		"RESOLVE_CACHED",
	};
	unsigned long x;
	unsigned i;
	bool any = false;

	if (!conv_ul(b, v, 16, &x))
		return;
	for (i = 0; i < sizeof bits / sizeof bits[0]; i++)
		if (x >> i & 1) {
			if (any)
				sb_str(b, "|");
			sb_str(b, bits[i]);
			any = true;
		}
	if (!any) {
		sb_str(b, "0x");
		sb_span(b, v);
	}
}

/* ref 3.0.9: strtoul(v, 16) masked with SECCOMP_RET_ACTION (0x7fff0000),
 * so 0x80000000 (kill-process) reads as kill */
static void do_seccomp(struct sb *b, struct span v)
{
	static const struct { uint32_t v; const char *n; } codes[] = {
		{ 0x00000000, "kill" }, { 0x00030000, "trap" },
		{ 0x00050000, "errno" }, { 0x7ff00000, "trace" },
		{ 0x7ffc0000, "log" }, { 0x7fff0000, "allow" },
	};
	unsigned long x;
	size_t i;

	if (!conv_ul(b, v, 16, &x))
		return;
	for (i = 0; i < sizeof codes / sizeof codes[0]; i++)
		if (codes[i].v == (x & 0x7fff0000u)) {
			sb_str(b, codes[i].n);
			return;
		}
	interpret_sb_fmt(b, "unknown-seccomp-code(" SPAN_FMT ")", SPAN_ARG(v));
}

/* a PATH record's lookup flags: strtoul(v, 16) kept as an int, then
 * named by the bits of ref 3.0.9's flag table; "0x<text>" when no bit
 * has a name, "conversion error(<text>)" when strtoul overflows */
static void do_flags(struct sb *b, struct span v)
{
	static const struct { unsigned v; const char *n; } bits[] = {
		{ 0x001, "follow" }, { 0x002, "directory" },
		{ 0x004, "continue" }, { 0x010, "parent" }, { 0x020, "noalt" },
		{ 0x040, "atomic" }, { 0x100, "open" }, { 0x200, "create" },
		{ 0x400, "access" },
	};
	unsigned long x;
	unsigned f;
	size_t k;
	bool any = false;

	if (!conv_ul(b, v, 16, &x))
		return;
	f = (unsigned)x;
	if (f == 0) {
		sb_str(b, "none");
		return;
	}
	for (k = 0; k < sizeof bits / sizeof bits[0]; k++)
		if (f & bits[k].v) {
			if (any)
				sb_str(b, ",");
			sb_str(b, bits[k].n);
			any = true;
		}
	if (!any) {
		sb_str(b, "0x");
		sb_span(b, v);
	}
}

/* strtoul: the leading digits of base (0 when none) */
static unsigned long lead_ul(struct span v, int base)
{
	unsigned long x = 0;
	size_t i = 0;

	if (base == 16 && v.n > 2 && v.p[0] == '0' &&
	    (v.p[1] == 'x' || v.p[1] == 'X'))
		i = 2;
	for (; i < v.n; i++) {
		int d = v.p[i] >= '0' && v.p[i] <= '9' ? v.p[i] - '0' :
			base == 16 && v.p[i] >= 'a' && v.p[i] <= 'f' ?
			v.p[i] - 'a' + 10 :
			base == 16 && v.p[i] >= 'A' && v.p[i] <= 'F' ?
			v.p[i] - 'A' + 10 : -1;

		if (d < 0)
			break;
		x = x * (unsigned long)base + (unsigned long)d;
	}
	return x;
}

static const char *const tty_keys[][2] = {	/* first match wins */
	{ "\x01", "^A" }, { "\x02", "^B" }, { "\x03", "^C" },
	{ "\x04", "^D" }, { "\x05", "^E" }, { "\x06", "^F" },
	{ "\x07", "^G" }, { "\x08", "^H" }, { "\t", "tab" }, { "\n", "nl" },
	{ "\x0b", "^K" }, { "\x0c", "^L" }, { "\r", "ret" },
	{ "\x0e", "^N" }, { "\x0f", "^O" }, { "\x10", "^P" },
	{ "\x11", "^Q" }, { "\x12", "^R" }, { "\x13", "^S" },
	{ "\x14", "^T" }, { "\x15", "^U" }, { "\x16", "^V" },
	{ "\x17", "^W" }, { "\x18", "^X" }, { "\x19", "^Y" },
	{ "\x1a", "^Z" }, { "\x7f", "backspace" },
	{ "\x1b[A", "up" }, { "\x1b[B", "down" }, { "\x1b[C", "right" },
	{ "\x1b[D", "left" }, { "\x1bOP", "F1" }, { "\x1bOQ", "F2" },
	{ "\x1bOR", "F3" }, { "\x1bOS", "F4" }, { "\x1b[15~", "F5" },
	{ "\x1b[17~", "F6" }, { "\x1b[18~", "F7" }, { "\x1b[19~", "F8" },
	{ "\x1b[20~", "F9" }, { "\x1b[21~", "F10" }, { "\x1b[23~", "F11" },
	{ "\x1b[24~", "F12" }, { "\x1b", "esc" },
};

/* keystrokes: "text" runs and <key> names, comma separated */
void interpret_tty_text(struct sb *b, const char *buf, size_t n)
{
	size_t i = 0, k, len;
	bool in_text = false, any = false;

	while (i < n) {
		unsigned char c = (unsigned char)buf[i];
		const char *name = NULL;

		if (c < ' ' || (c >= 0x7f && c < 0xa0))
			for (k = 0; k < sizeof tty_keys / sizeof tty_keys[0];
			     k++) {
				len = strlen(tty_keys[k][0]);
				if (len <= n - i &&
				    !memcmp(buf + i, tty_keys[k][0], len)) {
					name = tty_keys[k][1];
					i += len;
					break;
				}
			}
		if (name) {
			if (in_text)
				sb_str(b, "\"");
			in_text = false;
			interpret_sb_fmt(b, "%s<%s>", any ? "," : "", name);
		} else {
			if (!in_text)
				sb_str(b, any ? ",\"" : "\"");
			in_text = true;
			if (c < 0x20 || c > 0x7e)
				interpret_sb_fmt(b, "\\%03o", c);
			else if (c == '\\' || c == '"')
				interpret_sb_fmt(b, "\\%c", c);
			else
				sb_put(b, buf + i, 1);
			i++;
		}
		any = true;
	}
	if (in_text)
		sb_str(b, "\"");
}

static void do_tty(struct sb *b, struct span v)
{
	char buf[4096];
	size_t n;

	if (!record_is_hex(v) ||
	    (n = record_hex_decode(v, buf, sizeof buf)) == (size_t)-1) {
		sb_span(b, v);
		return;
	}
	interpret_tty_text(b, buf, n);
}

/* the netfilter and fanotify numbers */
static void do_net(struct interp *ip, struct sb *b, int t, struct span v)
{
	static const char *const nfproto[] = { "unspecified", "inet", "ipv4",
		"arp", NULL, "netdev", NULL, "bridge", NULL, NULL, "ipv6",
		NULL, "decnet" };
	static const char *const hooks[] = { "PREROUTING", "INPUT", "FORWARD",
		"OUTPUT", "POSTROUTING" };
	static const char *const actions[] = { "ACCEPT", "DROP", "REJECT" };
	unsigned long x;
	const char *s;

	switch (t) {
	case F_PROMISC:
		sb_str(b, lead_ul(v, 10) ? "yes" : "no");
		return;
	case F_NFPROTO:
		x = lead_ul(v, 10);
		if (x < sizeof nfproto / sizeof nfproto[0] && nfproto[x])
			sb_str(b, nfproto[x]);
		else
			interpret_sb_fmt(b, "unknown-netfilter-protocol("
					 SPAN_FMT ")", SPAN_ARG(v));
		return;
	case F_PROTOCOL:
		s = interpret_protocol(ip, (int)lead_ul(v, 10));
		sb_str(b, s ? s : "undefined protocol");
		return;
	case F_HOOK: case F_NETACTION:
		x = lead_ul(v, 16);
		if (t == F_HOOK && x < 5)
			sb_str(b, hooks[x]);
		else if (t == F_NETACTION && x < 3)
			sb_str(b, actions[x]);
		else
			interpret_sb_fmt(b, t == F_HOOK ? "unknown-hook(" SPAN_FMT
					 ")" : "unknown-action(" SPAN_FMT ")",
					 SPAN_ARG(v));
		return;
	case F_MACPROTO:
		x = lead_ul(v, 16);
		sb_str(b, x == 0x800 ? "IP" : x == 0x806 ? "ARP" : "UNKNOWN");
		return;
	default:	/* F_FANOTIFY */
		if (!v.n || v.p[0] < '0' || v.p[0] > '9') {
			sb_span(b, v);
			return;
		}
		x = lead_ul(v, 10);
		sb_str(b, x == 1 ? "allow" : x == 2 ? "deny" : "unknown");
		return;
	}
}

static void interp_typed(struct interp *ip, const struct interp_event *ie,
			 int t, struct span n, struct span v, struct span enrich,
			 struct sb *b)
{
	struct span ev;
	unsigned long x;

	switch (t) {
	case F_UID:
	case F_GID:
		if (interpret_enriched(enrich, n, true, &ev))
			sb_span(b, ev);
		else
			interpret_do_id(ip, b, v, t == F_GID);
		return;
	case F_ARCH: interpret_do_arch(b, v); return;
	case F_SYSCALL: interpret_do_syscall(ie, b, v); return;
	case F_EXIT: interpret_do_exit(b, v); return;
	case F_SUCCESS: interpret_do_success(b, v); return;
	case F_ESC:
	case F_EXECARG: interpret_do_esc(b, v, 0, false); return;
	case F_PROCTITLE: interpret_do_esc(b, v, 0, true); return;
	case F_MODE: interpret_do_mode(b, v); return;
	case F_SES:
		if (span_eqs(v, "4294967295"))	/* ref 3.0.9: not "-1" */
			sb_str(b, "unset");
		else
			sb_span(b, v);
		return;
	case F_ARG: interpret_do_syscall_arg(ip, ie, b, n.p[1] - '0', v); return;
	case F_ARGHEX:	/* ref 3.0.9: no syscall known there */
		sb_str(b, "0x");
		sb_span(b, v);
		return;
	case F_MMAP:	/* ref 3.0.9: "0x%s" of the text, so "0x0x4" */
		if (conv_ul(b, v, 16, &x) &&
		    !interpret_mmap_flags(b, (uint32_t)x)) {
			sb_str(b, "0x");
			sb_span(b, v);
		}
		return;
	case F_SIG: do_sig(b, v); return;
	case F_SECCOMP: do_seccomp(b, v); return;
	case F_CAPABILITY: do_capability(b, v); return;
	case F_ICMP: do_icmptype(b, v); return;
	case F_PERSON: do_person(b, v); return;
	case F_IOCTL: do_ioctl(b, v); return;
	case F_NLMCGRP: do_nlmcgrp(b, v); return;
	case F_RESOLVE: do_resolve(b, v); return;
	case F_SADDR: interpret_do_saddr(b, v); return;
	case F_CAPS: interpret_do_caps(b, v); return;
	case F_LIST: do_list(b, v); return;
	case F_PERM: do_perm(b, v); return;
	case F_FLAGS: do_flags(b, v); return;
	case F_KEY: interpret_do_key(b, v, 0); return;
	case F_TTY: do_tty(b, v); return;
	case F_OFLAG: interpret_open_flags(b, (uint32_t)lead_ul(v, 16)); return;
	case F_MODE_SHORT:
		interpret_mode_short(b, (uint32_t)lead_ul(v, 8));
		return;
	case F_PROMISC: case F_NFPROTO: case F_PROTOCOL: case F_HOOK:
	case F_NETACTION: case F_MACPROTO: case F_FANOTIFY:
		do_net(ip, b, t, v);
		return;
	default: sb_span(b, v); return;
	}
}

/* A typed value is interpreted, then escaped as --escape says (the key
 * separator " key=" excepted); an untyped one is escaped as it is (as
 * auparse does for --format csv and text; ausearch -i's walk prints it
 * unescaped itself). */
static void interp_value(struct interp *ip, const struct interp_event *ie,
			 int rtype, struct span n, struct span v,
			 struct span enrich, struct sb *b, int esc)
{
	char tmp[8192];
	struct sb t = { tmp, 0, sizeof tmp };
	int ty = interpret_field_type(rtype, n);
	struct span ev;

	/* names an ENRICHED log carries are printed as stored; ref 3.0.9
	 * names a SECCOMP record's syscall from its number (auditd writes
	 * SYSCALL=unknown-syscall(-1) there) */
	if ((ty == F_UID || ty == F_GID || ty == F_SADDR || ty == F_ARCH ||
	     (ty == F_SYSCALL && rtype != 1326)) &&
	    interpret_enriched(enrich, n, ty == F_UID || ty == F_GID, &ev)) {
		sb_span(b, ev);
		return;
	}
	if (ty == F_NONE) {	/* as logged, quotes and all, escaped */
		interpret_sb_esc(b, v.p, v.n, esc);
		return;
	}
	interp_typed(ip, ie, ty, n, v, enrich, &t);
	if (t.n > sizeof tmp)
		t.n = sizeof tmp;
	if (ty == F_KEY) {
		size_t i, s = 0;

		for (i = 0; i + 5 <= t.n; i++)
			if (memcmp(tmp + i, " key=", 5) == 0) {
				interpret_sb_esc(b, tmp + s, i - s, esc);
				sb_str(b, " key=");
				s = i + 5;
			}
		interpret_sb_esc(b, tmp + s, t.n - s, esc);
		return;
	}
	interpret_sb_esc(b, tmp, t.n, esc);
}

size_t interpret_field(struct interp *ip, const struct interp_event *ie,
		       int rtype, struct span name, struct span value,
		       struct span enrich, char *out, size_t cap)
{
	struct sb b = { out, 0, cap ? cap - 1 : 0 };

	interp_value(ip, ie, rtype, name, value, enrich, &b, 1);
	if (cap)
		out[b.n < cap ? b.n : cap - 1] = 0;
	return b.n;
}

size_t interpret_field_esc(struct interp *ip, const struct interp_event *ie,
			   int rtype, struct span name, struct span value,
			   struct span enrich, char *out, size_t cap,
			   int escape)
{
	struct sb b = { out, 0, cap ? cap - 1 : 0 };

	interp_value(ip, ie, rtype, name, value, enrich, &b, escape);
	if (cap)
		out[b.n < cap ? b.n : cap - 1] = 0;
	return b.n;
}

static bool mac_label(struct span n)
{
	return span_eqs(n, "subj") || span_eqs(n, "obj") ||
		span_eqs(n, "scontext") || span_eqs(n, "tcontext") ||
		span_eqs(n, "vm-ctx") || span_eqs(n, "img-ctx");
}

static const char *find_c(const char *p, const char *e, char c)
{
	return p < e ? memchr(p, c, (size_t)(e - p)) : NULL;
}

/* one value, as ausearch's interpret(): the interpretation and a space
 * (untyped: the text and the separator it ended at; TTY data: nothing) */
static void walk_value(struct interp *ip, const struct interp_event *ie,
		       int rtype, struct span name, struct span v, bool comma,
		       struct span enrich, struct sb *b, int esc)
{
	int ty;

	while (name.n && (name.p[0] == ' ' || name.p[0] == '('))
		name = span_sub(name, 1, name.n);
	if (span_eqs(name, "acct") && v.n && v.p[v.n - 1] == ':')
		v.n--;
	ty = interpret_field_type(rtype, name);
	if (ty == F_NONE) {	/* ref 3.0.9: printed as logged, unescaped */
		sb_span(b, v);
		sb_str(b, comma ? "," : " ");
		return;
	}
	if (ty == F_SYSCALL && rtype != 1300 && rtype != 1326 &&
	    !interpret_enriched(enrich, name, false, &v)) {
		/* ref 3.0.9 -i: outside SYSCALL and SECCOMP records the
		 * syscall is number 0 of this machine, whatever the value
		 * (a damaged log's glued record) */
		int m = tables_machine_detect();
		const char *sc = m >= 0 ? tables_syscall_name(m, 0) : NULL;

		if (sc)
			sb_str(b, sc);
		else
			sb_str(b, "unknown-syscall(0)");
		sb_str(b, " ");
		return;
	}
	interp_value(ip, ie, rtype, name, v, enrich, b, esc);
	if (ty != F_TTY)
		sb_str(b, " ");
}

/* ausearch 3.0.9's output_interpreted_node over the text after the
 * timestamp's ')': everything up to each '=' as it is, each value
 * interpreted; a value ends at its closing quote, else at a space, or
 * at a comma before the space (not in a MAC label) */
static void walk(struct interp *ip, const struct interp_event *ie, int rtype,
		 const char *s, const char *e, struct span enrich,
		 struct sb *b, int esc)
{
	const char *eq = NULL, *val, *c, *sp, *nm;
	bool found = false, comma = false, miss = false;

	/* miss: the search for a '=' failed (the reference's strchr gave
	 * NULL; it is not made when no text is left) */
	while (s && s < e && !(miss = !(eq = find_c(s, e, '=')))) {
		struct span name, v;

		comma = false;
		found = true;
		for (nm = eq; *nm != ' ' && nm > s; nm--)
			;
		sb_put(b, s, (size_t)(eq - s));
		sb_str(b, "=");
		name = (struct span){ nm, (size_t)(eq - nm) };
		val = eq + 1;
		if (span_eqs(name, "msg")) {
			s = val;
			continue;
		}
		if (name.n && name.p[0] == '\'')
			name = span_sub(name, 1, name.n);
		if (val < e && (*val == '\'' || *val == '"')) {
			s = find_c(val + 1, e, *val);
			v = (struct span){ val, s ? (size_t)(s + 1 - val) :
					   (size_t)(e - val) };
			if (s && ++s < e)
				s++;
		} else {
			c = find_c(val, e, ',');
			sp = find_c(val, e, ' ');
			if (c && sp && c < sp && !mac_label(name)) {
				v = (struct span){ val, (size_t)(c - val) };
				s = c + 1, comma = true;
			} else if (c && !sp && !mac_label(name)) {
				v = (struct span){ val, (size_t)(c - val) };
				s = c + 1, comma = true;
			} else if (sp) {
				v = (struct span){ val, (size_t)(sp - val) };
				s = sp + 1;
			} else {
				v = (struct span){ val, (size_t)(e - val) };
				s = NULL;
			}
		}
		walk_value(ip, ie, rtype, name, v, comma, enrich, b, esc);
	}
	/* ref 3.0.9: the rest is printed with puts(), its own '\n' besides
	 * the record's */
	if ((!found && miss && s) || (found && comma && s)) {
		interpret_sb_esc(b, s, (size_t)(e - s), esc ? 1 : 0);
		sb_str(b, "\n");
	}
}

/* "%x %T.%03u:%lu) " with the date of the second cached
 * (localtime and strftime cost more than the rest of a record) */
static void msg_stamp(struct interp *ip, struct sb *b, const struct record *r)
{
	char num[32], *p = num + sizeof num;	/* ".999:" 20 digits ") " */
	unsigned long s = r->serial;
	time_t sec = (time_t)r->sec;
	struct tm tm;

	if (!ip->tlen || ip->tsec != r->sec) {
		localtime_r(&sec, &tm);
		ip->tlen = strftime(ip->tbuf, sizeof ip->tbuf, "%x %T", &tm);
		ip->tsec = r->sec;
	}
	sb_put(b, ip->tbuf, ip->tlen);
	if (r->milli > 999) {
		interpret_sb_fmt(b, ".%03u:%lu) ", r->milli, s);
		return;
	}
	*--p = ' ', *--p = ')';
	do
		*--p = (char)('0' + s % 10);
	while (s /= 10);
	*--p = ':';
	*--p = (char)('0' + r->milli % 10);
	*--p = (char)('0' + r->milli / 10 % 10);
	*--p = (char)('0' + r->milli / 100);
	*--p = '.';
	sb_put(b, p, (size_t)(num + sizeof num - p));
}

size_t interpret_record(struct interp *ip, const struct interp_event *ie,
			const struct event_rec *r, char *out, size_t cap,
			int escape)
{
	struct sb b = { out, 0, cap ? cap - 1 : 0 };
	struct record rec;
	const char *body, *end;

	if (record_parse(&rec, r->line.p, r->line.n)) {
		sb_span(&b, r->line);
	} else {
		const char *name = record_type_name(rec.type);

		if (rec.node.p) {
			sb_str(&b, "node=");
			sb_span(&b, rec.node);
			sb_str(&b, " ");
		}
		end = rec.msg.p + rec.msg.n;
		if (name) {
			sb_str(&b, "type=");
			sb_str(&b, name);
			sb_str(&b, " msg=audit(");
		} else {	/* ref 3.0.9: the text up to the first '(' */
			const char *s = rec.msg.p, *sp, *par;

			if (rec.node.p && (sp = find_c(s, end, ' ')))
				s = sp + 1;
			par = find_c(s, end, '(');
			sb_put(&b, s, par ? (size_t)(par + 1 - s) :
			       (size_t)(end - s));
		}
		body = rec.msg.p + rec.body_from;
		body = find_c(body, end, ')');
		if (!body)	/* ref 3.0.9: a cut stamp ends the output */
			goto done;
		msg_stamp(ip, &b, &rec);
		walk(ip, ie, rec.type, body + 1, end, rec.enrich, &b, escape);
	}
	sb_str(&b, "\n");
done:
	if (cap)
		out[b.n < cap ? b.n : cap - 1] = 0;
	return b.n;
}
