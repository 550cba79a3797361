/* (included by core/interpret.c: one translation unit)
 * interpret_fields - the value interpreters and the record writer. */

static const char *cached_name(struct interp *ip, uint32_t id, bool group)
{
	unsigned i;
	const char *name = NULL;

	for (i = 0; i < INTERP_CACHE; i++)
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
	i = ip->next++ % INTERP_CACHE;
	ip->cache[i].used = true;
	ip->cache[i].id = id;
	ip->cache[i].group = group;
	snprintf(ip->cache[i].name, sizeof ip->cache[i].name, "%s",
		 name ? name : "");
	return name ? ip->cache[i].name : NULL;
}

/* ENRICHED value for field n (upper-cased), quotes removed */
static bool enriched(struct span enrich, struct span n, struct span *out)
{
	char up[32];
	size_t i, pos = 0;
	struct span fn, fv;

	if (n.n >= sizeof up || enrich.n == 0)
		return false;
	for (i = 0; i < n.n; i++)
		up[i] = (char)(n.p[i] >= 'a' && n.p[i] <= 'z' ? n.p[i] - 32 : n.p[i]);
	up[n.n] = 0;
	while (record_next_field(enrich, &pos, &fn, &fv))
		if (span_eqs(fn, up)) {
			if (fv.n && fv.p[0] == '{') {	/* SADDR={ ... } */
				size_t e = span_chr(enrich, (size_t)(fv.p -
						    enrich.p), '}');

				fv = span_sub(enrich, (size_t)(fv.p - enrich.p),
					      e == (size_t)-1 ? enrich.n : e + 1);
			}
			if (fv.n >= 2 && fv.p[0] == '"')
				fv = span_sub(fv, 1, fv.n - 1);
			*out = fv;
			return true;
		}
	return false;
}

static void do_id(struct interp *ip, struct sb *b, struct span v, bool group)
{
	bool ok;
	long long x = dec_ll(v, &ok);
	const char *name;

	if (!ok) {
		sb_fmt(b, "conversion error(" SPAN_FMT ")", SPAN_ARG(v));
		return;
	}
	if (!group && (x == 4294967295LL || x == -1)) {
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
		sb_fmt(b, "unknown(%lld)", x);
}

static void do_arch(struct sb *b, struct span v)
{
	int m = tables_elf_machine((uint32_t)hex_u64(v));
	const char *name = m >= 0 ? tables_machine_name(m) : NULL;

	if (name)
		sb_str(b, name);
	else
		sb_fmt(b, "unknown-elf-type(" SPAN_FMT ")", SPAN_ARG(v));
}

static void do_syscall(const struct interp_event *ie, struct sb *b,
		       struct span v)
{
	bool ok;
	long long nr = dec_ll(v, &ok);
	int m = tables_elf_machine(ie->arch);
	const char *name = ok && m >= 0 ? tables_syscall_name(m, (int)nr) : NULL;

	if (name)
		sb_str(b, name);
	else
		sb_fmt(b, "unknown-syscall(" SPAN_FMT ")", SPAN_ARG(v));
}

static void do_exit(struct sb *b, struct span v)
{
	bool ok;
	long long x = dec_ll(v, &ok);
	const char *name;

	if (ok && x < 0 && -x < 134 && (name = tables_errno_name((int)-x))) {
		sb_fmt(b, "%s(%s)", name, tables_strerror((int)-x));
		return;
	}
	sb_span(b, v);
}

static void do_success(struct sb *b, struct span v)
{
	if (span_eqs(v, "1"))
		sb_str(b, "yes");
	else if (span_eqs(v, "0"))
		sb_str(b, "no");
	else
		sb_span(b, v);
}

/* quoted -> inner text; hex -> decoded; else as is */
static void do_esc(struct sb *b, struct span v, int esc, bool nul_space)
{
	char buf[8192];
	size_t n, i;

	if (v.n >= 2 && v.p[0] == '"' && v.p[v.n - 1] == '"') {
		sb_esc(b, v.p + 1, v.n - 2, esc);
		return;
	}
	if (span_eqs(v, "(null)") || span_eqs(v, "(none)") || !record_is_hex(v)) {
		sb_esc(b, v.p, v.n, esc);
		return;
	}
	n = record_hex_decode(v, buf, sizeof buf);
	if (n == (size_t)-1) {
		sb_esc(b, v.p, v.n, esc);
		return;
	}
	if (nul_space) {
		while (n && buf[n - 1] == 0)
			n--;
		for (i = 0; i < n; i++)
			if (buf[i] == 0)
				buf[i] = ' ';
	}
	for (i = 0; i < n && buf[i]; i++)
		;
	sb_esc(b, buf, i, esc);
}

static void do_key(struct sb *b, struct span v, int esc)
{
	char buf[1024];
	size_t n, i, s = 0;

	if (!record_is_hex(v) || (v.n >= 1 && v.p[0] == '"')) {
		do_esc(b, v, esc, false);
		return;
	}
	n = record_hex_decode(v, buf, sizeof buf);
	if (n == (size_t)-1) {
		sb_span(b, v);
		return;
	}
	for (i = 0; i <= n; i++) {
		if (i < n && buf[i] != '\x01')
			continue;
		if (s)
			sb_str(b, " key=");
		sb_esc(b, buf + s, i - s, esc);
		s = i + 1;
	}
}

static void do_mode(struct sb *b, struct span v)
{
	unsigned long m = 0;
	size_t i;
	const char *t;

	for (i = 0; i < v.n && v.p[i] >= '0' && v.p[i] <= '7'; i++)
		m = m * 8 + (unsigned long)(v.p[i] - '0');
	switch (m & 0170000) {
	case 0100000: t = "file"; break;
	case 0040000: t = "dir"; break;
	case 0020000: t = "character"; break;
	case 0060000: t = "block"; break;
	case 0010000: t = "fifo"; break;
	case 0120000: t = "link"; break;
	case 0140000: t = "socket"; break;
	default: t = NULL; break;
	}
	if (t) {
		sb_str(b, t);
		sb_str(b, ",");
	}
	if (m & 04000)
		sb_str(b, "suid,");
	if (m & 02000)
		sb_str(b, "sgid,");
	if (m & 01000)
		sb_str(b, "sticky,");
	sb_fmt(b, "%03lo", m & 0777);
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

static void do_caps(struct sb *b, struct span v)
{
	uint64_t x = hex_u64(v);
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
			sb_fmt(b, "unknown-capability(%u)", i);
	}
}

#include "interpret_args.c"
