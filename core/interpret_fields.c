/* interpret_fields - the value interpreters and the record writer. */
#include "interpret_int.h"

#include <ctype.h>
#include <grp.h>
#include <limits.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <auditbox/record.h>
#include <auditbox/tables.h>

static const char *cached_name(struct interp *ip, uint32_t id, bool group)
{
	unsigned set = (unsigned)(((id ^ (group ? 0x9e3779b9u : 0)) *
				   2654435761u) >> 16) %
		(INTERP_CACHE / INTERP_WAYS) * INTERP_WAYS;
	unsigned i;
	const char *name = NULL;

	for (i = set; i < set + INTERP_WAYS; i++)
		if (ip->cache[i].used && ip->cache[i].id == id &&
		    ip->cache[i].group == group)
			return ip->cache[i].name[0] ? ip->cache[i].name : NULL;
	if (group) {
		struct group *gr = getgrgid(id);

		name = gr ? gr->gr_name : NULL;
	} else {
		struct passwd *pw = getpwuid(id);

		name = pw ? pw->pw_name : NULL;
	}
	i = set + ip->next++ % INTERP_WAYS;
	ip->cache[i].used = true;
	ip->cache[i].id = id;
	ip->cache[i].group = group;
	snprintf(ip->cache[i].name, sizeof ip->cache[i].name, "%s",
		 name ? name : "");
	return name ? ip->cache[i].name : NULL;
}

/* ENRICHED value for field n (upper-cased). As 3.0.9's auparse reads the
 * tail: words split at blanks, a word without '=' is no value; SADDR={
 * ... } runs to '}'; a uid or gid name (id) loses its quotes: it ends at
 * the word's next '"', and one not closed (a cut log) reads as a blank. */
bool interpret_enriched(struct span enrich, struct span n, bool id,
			struct span *out)
{
	char up[32];
	size_t i, pos = 0, w, eq, q;
	struct span fv;

	if (n.n >= sizeof up || enrich.n == 0)
		return false;
	for (i = 0; i < n.n; i++)
		up[i] = (char)(n.p[i] >= 'a' && n.p[i] <= 'z' ? n.p[i] - 32 : n.p[i]);
	up[n.n] = 0;
	for (; pos < enrich.n; pos = w + 1) {
		w = span_chr(enrich, pos, ' ');
		if (w == (size_t)-1)
			w = enrich.n;
		eq = span_chr(span_sub(enrich, 0, w), pos, '=');
		if (eq == (size_t)-1 ||
		    !span_eq(span_sub(enrich, pos, eq), (struct span){ up, n.n }))
			continue;
		fv = span_sub(enrich, eq + 1, w);
		if (fv.n && fv.p[0] == '{') {	/* SADDR={ ... } */
			size_t e = span_chr(enrich, eq + 1, '}');

			fv = span_sub(enrich, eq + 1,
				      e == (size_t)-1 ? enrich.n : e + 1);
		} else if (id && fv.n && fv.p[0] == '"') {
			q = span_chr(fv, 1, '"');
			fv = q == (size_t)-1 ? SPAN_LIT(" ") : span_sub(fv, 1, q);
		}
		*out = fv;
		return true;
	}
	return false;
}

/* ref 3.0.9: strtoul(v, 10) kept as an int ("abc" is 0, "12abc" 12,
 * 2^32 wraps to 0); only an overflow is a conversion error */
void interpret_do_id(struct interp *ip, struct sb *b, struct span v, bool group)
{
	unsigned long mag;
	bool neg;
	int x;
	const char *name;

	if (!interpret_strto(v, 10, &mag, &neg)) {
		interpret_sb_fmt(b, "conversion error(" SPAN_FMT ")", SPAN_ARG(v));
		return;
	}
	x = (int)(uint32_t)(neg ? 0UL - mag : mag);
	if (x == -1) {
		sb_str(b, "unset");
		return;
	}
	if (x == 0) {
		sb_str(b, "root");
		return;
	}
	name = cached_name(ip, (uint32_t)x, group);
	if (name)
		sb_str(b, name);
	else
		interpret_sb_fmt(b, "unknown(%d)", x);
}

void interpret_do_arch(struct sb *b, struct span v)
{
	unsigned long mag;
	bool neg;
	int m;
	const char *name;

	/* ref 3.0.9: (unsigned)strtoul(v, 16); an overflow is an error */
	if (!interpret_strto(v, 16, &mag, &neg)) {
		interpret_sb_fmt(b, "conversion error(" SPAN_FMT ") ",
				 SPAN_ARG(v));
		return;
	}
	m = tables_elf_machine((uint32_t)(neg ? 0UL - mag : mag));
	name = m >= 0 ? tables_machine_name(m) : NULL;

	if (name)
		sb_str(b, name);
	else
		interpret_sb_fmt(b, "unknown-elf-type(" SPAN_FMT ")", SPAN_ARG(v));
}

void interpret_do_syscall(const struct interp_event *ie, struct sb *b,
		       struct span v)
{
	/* ref 3.0.9: (int)strtoul(v, 10) */
	int nr = interpret_syscall_nr(v);
	int m = tables_elf_machine(ie->arch);
	const char *name = m >= 0 ? tables_syscall_name(m, nr) : NULL;

	if (name) {
		const char *sub = interpret_subcall(name, ie->a0);

		sb_str(b, name);
		if (sub)	/* socketcall(connect), ipc(shmat) */
			interpret_sb_fmt(b, "(%s)", sub);
	} else {
		interpret_sb_fmt(b, "unknown-syscall(%d)", nr);
	}
}

void interpret_do_exit(struct sb *b, struct span v)
{
	unsigned long mag;
	bool neg;
	int e;
	const char *name;

	/* ref 3.0.9: strtoll(v, 10), an overflow a conversion error; a
	 * negative value names (int)-x: "(null)" and glibc's texts */
	if (!interpret_strto(v, 10, &mag, &neg) ||
	    mag > (unsigned long)LLONG_MAX + (neg ? 1UL : 0UL)) {
		interpret_sb_fmt(b, "conversion error(" SPAN_FMT ")", SPAN_ARG(v));
		return;
	}
	if (!neg || mag == 0) {
		sb_span(b, v);
		return;
	}
	e = (int)(uint32_t)mag;
	name = tables_errno_name(e);
	interpret_sb_fmt(b, "%s(", name ? name : "(null)");
	if (e == 0)
		sb_str(b, "Success");
	else if (e > 0 && e < 134)
		sb_str(b, tables_strerror(e));
	else
		interpret_sb_fmt(b, "Unknown error %d", e);
	sb_str(b, ")");
}

void interpret_do_success(struct sb *b, struct span v)
{
	if (span_eqs(v, "1"))
		sb_str(b, "yes");
	else if (span_eqs(v, "0"))
		sb_str(b, "no");
	else
		sb_span(b, v);
}

/* quoted -> the text up to the next quote (" " when none); hex ->
 * decoded; else as is */
/* ref 3.0.9's au_unescape(): the value's leading hex digits, two or
 * more, decoded in pairs; an odd last digit pairs with the NUL after it
 * (a 0 nibble). Only a cut or damaged log has an odd count or text after
 * the digits. Returns the length, or (size_t)-1 when v has no such run. */
static size_t hex_unescape(struct span v, char *out, size_t cap)
{
	size_t i, n;
	int hi, lo;

	for (n = 0; n < v.n && record_hex_digit(v.p[n]) >= 0; n++)
		;
	if (n < 2 || (n + 1) / 2 > cap)
		return (size_t)-1;
	for (i = 0; i < n; i += 2) {
		hi = record_hex_digit(v.p[i]);
		lo = i + 1 < n ? record_hex_digit(v.p[i + 1]) : 0;
		out[i / 2] = (char)(hi << 4 | lo);
	}
	return (n + 1) / 2;
}

void interpret_do_esc(struct sb *b, struct span v, int esc, bool nul_space)
{
	char buf[8192];
	size_t n, i;

	if (v.n >= 1 && v.p[0] == '"') {	/* ref: up to the next quote */
		size_t q = span_chr(v, 1, '"');

		if (q == (size_t)-1)	/* unterminated: one blank */
			sb_str(b, " ");
		else
			interpret_sb_esc(b, v.p + 1, q - 1, esc);
		return;
	}
	if (v.n >= 1 && v.p[0] == '(') {	/* "(null)": up to the ')' */
		size_t c = span_chr(v, 0, ')');

		interpret_sb_esc(b, v.p, c == (size_t)-1 ? v.n : c + 1, esc);
		return;
	}
	n = hex_unescape(v, buf, sizeof buf);
	if (n == (size_t)-1) {
		interpret_sb_esc(b, v.p, v.n, esc);
		return;
	}
	if (nul_space) {
		/* ref 3.0.9: every NUL of the first strlen(v) / 2 bytes, the
		 * last ones too (not the byte of an odd last digit) */
		for (i = 0; i < n && i < v.n / 2; i++)
			if (buf[i] == 0)
				buf[i] = ' ';
	}
	for (i = 0; i < n && buf[i]; i++)
		;
	interpret_sb_esc(b, buf, i, esc);
}

void interpret_do_key(struct sb *b, struct span v, int esc)
{
	char buf[1024];
	size_t n, i, s = 0;

	if (v.n >= 1 && v.p[0] == '"') {
		interpret_do_esc(b, v, esc, false);
		return;
	}
	n = hex_unescape(v, buf, sizeof buf);
	if (n == (size_t)-1) {
		interpret_do_esc(b, v, esc, false);
		return;
	}
	for (i = 0; i <= n; i++) {
		if (i < n && buf[i] != '\x01')
			continue;
		if (s)
			sb_str(b, " key=");
		interpret_sb_esc(b, buf + s, i - s, esc);
		s = i + 1;
	}
}

void interpret_do_mode(struct sb *b, struct span v)
{
	unsigned long m = 0;
	size_t i;

	/* strtoul(base 8): the leading octal digits */
	for (i = 0; i < v.n && v.p[i] >= '0' && v.p[i] <= '7'; i++)
		m = m * 8 + (unsigned long)(v.p[i] - '0');
	interpret_mode(b, (uint32_t)m);
}

static const char *const cap_names[] = {
	"chown", "dac_override", "dac_read_search", "fowner", "fsetid",
	"kill", "setgid", "setuid", "setpcap", "linux_immutable",
	"net_bind_service", "net_broadcast", "net_admin", "net_raw",
	"ipc_lock", "ipc_owner", "sys_module", "sys_rawio", "sys_chroot",
	"sys_ptrace", "sys_pacct", "sys_admin", "sys_boot", "sys_nice",
	"sys_resource", "sys_time", "sys_tty_config", "mknod", "lease",
	"audit_write", "audit_control", "setfcap", "mac_override",
	"mac_admin", "syslog", "wake_alarm", "block_suspend", "audit_read",
	"perfmon", "bpf", "checkpoint_restore",
};

const char *interpret_cap_name(uint32_t cap)
{
	return cap < sizeof cap_names / sizeof cap_names[0] ?
		cap_names[cap] : NULL;
}

/* sscanf(line, "%63s %d", name, &num) == 2, without scanf (its float
 * code would come with it): name is the first 63 bytes at most of the
 * first word, the number is read right after them. */
static bool proto_line(const char *p, char name[64], int *num)
{
	size_t n = 0;
	char *end;
	long v;

	while (isspace((unsigned char)*p))
		p++;
	while (*p && !isspace((unsigned char)*p) && n < 63)
		name[n++] = *p++;
	name[n] = '\0';
	if (!n)
		return false;
	while (isspace((unsigned char)*p))
		p++;
	v = strtol(p, &end, 10);
	if (end == p)
		return false;
	*num = (int)v;
	return true;
}

/* glibc's getprotobynumber reads /etc/protocols ("name number aliases",
 * '#' comments), first match wins; musl's has a built-in table, so the
 * file is read here, once. */
static void protocols_load(struct interp *ip)
{
	FILE *f = fopen("/etc/protocols", "re");
	char line[512], name[64];
	int num;

	ip->proto_loaded = true;
	if (!f)
		return;
	while (fgets(line, sizeof line, f) &&
	       ip->nproto < sizeof ip->proto / sizeof ip->proto[0]) {
		char *hash = strchr(line, '#');

		if (hash)
			*hash = '\0';
		if (!proto_line(line, name, &num))
			continue;
		ip->proto[ip->nproto].num = num;
		snprintf(ip->proto[ip->nproto].name,
			 sizeof ip->proto[0].name, "%.31s", name);
		ip->nproto++;
	}
	fclose(f);
}

const char *interpret_protocol(struct interp *ip, int num)
{
	unsigned i;

	if (!ip->proto_loaded)
		protocols_load(ip);
	for (i = 0; i < ip->nproto; i++)
		if (ip->proto[i].num == num)
			return ip->proto[i].name;
	return NULL;
}

void interpret_do_caps(struct sb *b, struct span v)
{
	uint64_t x = interpret_hex_u64(v);
	unsigned i;
	bool first = true;

	if (x == 0) {
		sb_str(b, "none");
		return;
	}
	for (i = 0; i < 64; i++) {
		if (!(x >> i & 1))
			continue;
		if (!first)
			sb_str(b, ",");
		first = false;
		if (i < sizeof cap_names / sizeof cap_names[0])
			sb_str(b, cap_names[i]);
		else
			interpret_sb_fmt(b, "unknown-capability(%u)", i);
	}
}

