/* (included by core/interpret.c: one translation unit)
 * interpret_args - syscall arguments, sockaddrs, and the record writer. */

static const struct { unsigned v; const char *n; } open_flags[] = {
	{ 0100, "O_CREAT" }, { 0200, "O_EXCL" }, { 0400, "O_NOCTTY" },
	{ 01000, "O_TRUNC" }, { 02000, "O_APPEND" }, { 04000, "O_NONBLOCK" },
	{ 010000, "O_DSYNC" }, { 020000, "O_ASYNC" }, { 040000, "O_DIRECT" },
	{ 0200000, "O_DIRECTORY" }, { 0400000, "O_NOFOLLOW" },
	{ 01000000, "O_NOATIME" }, { 02000000, "O_CLOEXEC" },
	{ 04000000, "O_SYNC" }, { 010000000, "O_PATH" },
	{ 020000000, "O_TMPFILE" }, { 0100000, "O_LARGEFILE" },
};

static void do_open_flags(struct sb *b, uint64_t f)
{
	size_t i;

	sb_str(b, (f & 3) == 0 ? "O_RDONLY" : (f & 3) == 1 ? "O_WRONLY" :
	       (f & 3) == 2 ? "O_RDWR" : "O_ACCMODE");
	for (i = 0; i < sizeof open_flags / sizeof open_flags[0]; i++)
		if (f & open_flags[i].v) {
			sb_str(b, "|");
			sb_str(b, open_flags[i].n);
		}
}

static void do_arg(const struct interp_event *ie, struct sb *b,
		   struct span n, struct span v)
{
	int which = n.p[1] - '0';
	int m = tables_elf_machine(ie->arch);
	const char *sc = ie->have_syscall && m >= 0 ?
		tables_syscall_name(m, ie->syscall) : NULL;
	uint64_t x = hex_u64(v);

	if (sc) {
		if (which == 0 && strlen(sc) > 2 &&
		    strcmp(sc + strlen(sc) - 2, "at") == 0 &&
		    (x & 0xffffffffu) == 0xffffff9cu) {
			sb_str(b, "AT_FDCWD");
			return;
		}
		if ((strcmp(sc, "open") == 0 && which == 1) ||
		    (strcmp(sc, "openat") == 0 && which == 2)) {
			do_open_flags(b, x);
			return;
		}
	}
	sb_str(b, "0x");
	sb_span(b, v);
}

static void do_saddr(struct sb *b, struct span v)
{
	unsigned char a[128];
	size_t n = record_hex_decode(v, (char *)a, sizeof a);
	unsigned fam;
	char ip[64];

	if (n == (size_t)-1 || n < 2) {
		sb_fmt(b, "malformed-host(" SPAN_FMT ")", SPAN_ARG(v));
		return;
	}
	fam = a[0] | (unsigned)a[1] << 8;
	if (fam == 2 && n >= 8) {
		snprintf(ip, sizeof ip, "%u.%u.%u.%u", a[4], a[5], a[6], a[7]);
		sb_fmt(b, "{ saddr_fam=inet laddr=%s lport=%u }", ip,
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
		sb_fmt(b, "{ saddr_fam=netlink nlnk-fam=%u nlnk-pid=%u }",
		       (unsigned)fam, (unsigned)(a[4] | a[5] << 8 | a[6] << 16 |
						  (unsigned)a[7] << 24));
	} else {
		sb_fmt(b, "{ saddr_fam=unknown-family(%u) }", fam);
	}
}

static const char *const list_names[] = {
	"user", "task", "entry", "watch", "exit", "exclude", "filesystem",
	"io_uring",
};

static void do_list(struct sb *b, struct span v)
{
	bool ok;
	long long x = dec_ll(v, &ok);

	if (ok && x >= 0 && x < 8)
		sb_str(b, list_names[x]);
	else
		sb_span(b, v);
}

static void do_perm(struct sb *b, struct span v)
{
	bool ok;
	long long x = dec_ll(v, &ok);
	static const char *const bits[] = { "exec", "write", "read", "attr" };
	int i;
	bool first = true;

	if (!ok || x == 0) {
		sb_str(b, "none");
		return;
	}
	for (i = 0; i < 4; i++)
		if (x >> i & 1) {
			if (!first)
				sb_str(b, ",");
			first = false;
			sb_str(b, bits[i]);
		}
}

static void interp_value(struct interp *ip, const struct interp_event *ie,
			 int rtype, struct span n, struct span v,
			 struct span enrich, struct sb *b, int esc)
{
	struct span ev;
	int t = field_type(rtype, n);

	switch (t) {
	case F_UID:
	case F_GID:
		if (enriched(enrich, n, &ev))
			sb_esc(b, ev.p, ev.n, esc);
		else
			do_id(ip, b, v, t == F_GID);
		return;
	case F_ARCH: do_arch(b, v); return;
	case F_SYSCALL: do_syscall(ie, b, v); return;
	case F_EXIT: do_exit(b, v); return;
	case F_SUCCESS: do_success(b, v); return;
	case F_ESC:
	case F_EXECARG: do_esc(b, v, esc, false); return;
	case F_PROCTITLE: do_esc(b, v, esc, true); return;
	case F_MODE: do_mode(b, v); return;
	case F_SES:
		if (span_eqs(v, "4294967295") || span_eqs(v, "-1"))
			sb_str(b, "unset");
		else
			sb_span(b, v);
		return;
	case F_ARG: do_arg(ie, b, n, v); return;
	case F_SADDR: do_saddr(b, v); return;
	case F_CAPS: do_caps(b, v); return;
	case F_LIST: do_list(b, v); return;
	case F_PERM: do_perm(b, v); return;
	case F_KEY: do_key(b, v, esc); return;
	default:
		if (v.n >= 2 && v.p[0] == '"' && v.p[v.n - 1] == '"')
			sb_esc(b, v.p + 1, v.n - 2, esc);
		else
			sb_esc(b, v.p, v.n, esc);
	}
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

/* fields of s written "name=value" separated by sep */
static void fields(struct interp *ip, const struct interp_event *ie,
		   int rtype, struct span s, struct span enrich, struct sb *b,
		   int esc, bool user_inner)
{
	size_t pos = 0;
	struct span n, v;
	bool first = true;

	while (record_next_field(s, &pos, &n, &v)) {
		if (user_inner && !first)
			sb_str(b, " ");
		first = false;
		sb_span(b, n);
		if (v.p == n.p + n.n && v.n == 0 && (n.p + n.n >= s.p + s.n ||
						       n.p[n.n] != '=')) {
			if (!user_inner)
				sb_str(b, " ");
			continue;
		}
		sb_str(b, "=");
		if (span_eqs(n, "msg") && v.n >= 2 && v.p[0] == '\'') {
			struct span in = span_sub(v, 1, v.p[v.n - 1] == '\'' ?
						  v.n - 1 : v.n);

			sb_str(b, "'");
			fields(ip, ie, rtype, in, enrich, b, esc, true);
			sb_str(b, "'");
		} else {
			interp_value(ip, ie, rtype, n, v, enrich, b, esc);
		}
		if (!user_inner)
			sb_str(b, " ");
	}
}

size_t interpret_record(struct interp *ip, const struct interp_event *ie,
			const struct event_rec *r, char *out, size_t cap,
			int escape)
{
	struct sb b = { out, 0, cap ? cap - 1 : 0 };
	struct record rec;
	char tbuf[64];
	struct tm tm;
	time_t sec;

	if (record_parse(&rec, r->line.p, r->line.n)) {
		sb_span(&b, r->line);
	} else {
		if (rec.node.p) {
			sb_str(&b, "node=");
			sb_span(&b, rec.node);
			sb_str(&b, " ");
		}
		sb_str(&b, "type=");
		sb_span(&b, rec.type_name);
		sec = (time_t)rec.sec;
		localtime_r(&sec, &tm);
		strftime(tbuf, sizeof tbuf, "%x %T", &tm);
		sb_fmt(&b, " msg=audit(%s.%03u:%lu) : ", tbuf, rec.milli,
		       rec.serial);
		fields(ip, ie, rec.type, rec.body, rec.enrich, &b, escape,
		       false);
	}
	if (cap)
		out[b.n < cap ? b.n : cap - 1] = 0;
	return b.n;
}
