/* (included by core/interpret.c: one translation unit)
 * interpret_args - syscall arguments, sockaddrs, and the record writer. */

#include <arpa/inet.h>

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

static const struct { unsigned v; const char *n; } ioctls[] = {
	{ 0x5401, "TCGETS" }, { 0x5402, "TCSETS" }, { 0x5403, "TCSETSW" },
	{ 0x5404, "TCSETSF" }, { 0x540b, "TCFLSH" }, { 0x540e, "TIOCSCTTY" },
	{ 0x540f, "TIOCGPGRP" }, { 0x5410, "TIOCSPGRP" },
	{ 0x5413, "TIOCGWINSZ" }, { 0x5414, "TIOCSWINSZ" },
	{ 0x541b, "FIONREAD" }, { 0x5421, "FIONBIO" }, { 0x5451, "FIOCLEX" },
	{ 0x5450, "FIONCLEX" },
};

static const char *ioctl_name(uint64_t x)
{
	size_t i;

	for (i = 0; i < sizeof ioctls / sizeof ioctls[0]; i++)
		if (ioctls[i].v == x)
			return ioctls[i].n;
	return NULL;
}

static const struct { unsigned v; const char *n; } map_flags[] = {
	{ 0x10, "MAP_FIXED" }, { 0x20, "MAP_ANONYMOUS" }, { 0x40, "MAP_32BIT" },
	{ 0x100, "MAP_GROWSDOWN" }, { 0x800, "MAP_DENYWRITE" },
	{ 0x1000, "MAP_EXECUTABLE" }, { 0x2000, "MAP_LOCKED" },
	{ 0x4000, "MAP_NORESERVE" }, { 0x8000, "MAP_POPULATE" },
	{ 0x10000, "MAP_NONBLOCK" }, { 0x20000, "MAP_STACK" },
	{ 0x40000, "MAP_HUGETLB" }, { 0x80000, "MAP_SYNC" },
	{ 0x100000, "MAP_FIXED_NOREPLACE" },
};

static void do_mmap_flags(struct sb *b, uint64_t f)
{
	size_t i;

	sb_str(b, (f & 0xf) == 1 ? "MAP_SHARED" : (f & 0xf) == 2 ?
	       "MAP_PRIVATE" : (f & 0xf) == 3 ? "MAP_SHARED_VALIDATE" :
	       "MAP_TYPE");
	for (i = 0; i < sizeof map_flags / sizeof map_flags[0]; i++)
		if (f & map_flags[i].v) {
			sb_str(b, "|");
			sb_str(b, map_flags[i].n);
		}
}

static void do_bits(struct sb *b, uint64_t f, const char *const *names,
		    unsigned n, const char *none)
{
	unsigned i;
	bool first = true;

	if (f == 0) {
		sb_str(b, none);
		return;
	}
	for (i = 0; i < n; i++)
		if (f >> i & 1) {
			if (!first)
				sb_str(b, "|");
			first = false;
			sb_str(b, names[i]);
		}
}

static const char *const prot_names[] = {
	"PROT_READ", "PROT_WRITE", "PROT_EXEC", "PROT_SEM",
};
static const char *const access_names[] = { "X_OK", "W_OK", "R_OK" };

/* which argument of which syscall holds what */
static const struct { const char *sc; int arg; char kind; } arg_kinds[] = {
	{ "access", 1, 'a' }, { "chmod", 1, 'm' }, { "creat", 1, 'm' },
	{ "faccessat", 2, 'a' }, { "fchmod", 1, 'm' }, { "fchmodat", 2, 'm' },
	{ "mkdir", 1, 'm' }, { "mkdirat", 2, 'm' }, { "mmap", 2, 'p' },
	{ "mmap", 3, 'f' }, { "mprotect", 2, 'p' }, { "open", 1, 'o' },
	{ "openat", 2, 'o' }, { "ioctl", 1, 'i' }, { "socket", 0, 'F' },
	{ "socket", 1, 'T' }, { "socket", 2, 'P' },
};

static const char *const families[] = {
	"unspec", "local", "inet", "ax25", "ipx", "appletalk", "netrom",
	"bridge", "atmpvc", "x25", "inet6", "rose", "decnet", "netbeui",
	"security", "key", "netlink", "packet", "ash", "econet", "atmsvc",
	"rds", "sna", "irda", "pppox", "wanpipe", "llc", "ib", "mpls", "can",
	"tipc", "bluetooth", "iucv", "rxrpc", "isdn", "phonet", "ieee802154",
	"caif", "alg", "nfc", "vsock", "kcm", "qipcrtr", "smc", "xdp", "mctp",
};

static const char *const sock_types[] = {
	NULL, "SOCK_STREAM", "SOCK_DGRAM", "SOCK_RAW", "SOCK_RDM",
	"SOCK_SEQPACKET", "SOCK_DCCP", NULL, NULL, NULL, "SOCK_PACKET",
};

static const struct { unsigned v; const char *n; } protos[] = {
	{ 0, "ip" }, { 1, "icmp" }, { 2, "igmp" }, { 6, "tcp" }, { 17, "udp" },
	{ 41, "ipv6" }, { 47, "gre" }, { 50, "esp" }, { 51, "ah" },
	{ 58, "ipv6-icmp" }, { 132, "sctp" }, { 136, "udplite" },
	{ 255, "raw" },
};

static bool do_socket_arg(struct sb *b, char kind, uint64_t x)
{
	size_t i;

	if (kind == 'F' && x > 0 && x < sizeof families / sizeof families[0]) {
		sb_str(b, families[x]);
		return true;
	}
	if (kind == 'T' && (x & 0xf) < sizeof sock_types / sizeof sock_types[0]
	    && sock_types[x & 0xf]) {
		sb_str(b, sock_types[x & 0xf]);
		return true;
	}
	if (kind == 'P')
		for (i = 0; i < sizeof protos / sizeof protos[0]; i++)
			if (protos[i].v == x) {
				sb_str(b, protos[i].n);
				return true;
			}
	return false;
}

/* the *at syscalls' directory fd arguments */
static bool is_dirfd_arg(const char *sc, int which)
{
	size_t n = strlen(sc);

	if (!strcmp(sc, "renameat") || !strcmp(sc, "renameat2") ||
	    !strcmp(sc, "linkat"))
		return which == 0 || which == 2;
	if (!strcmp(sc, "symlinkat"))
		return which == 1;
	if (n > 2 && (!strcmp(sc + n - 2, "at") || !strcmp(sc + n - 3, "at2")))
		return which == 0;
	return false;
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
		size_t i;

		if (is_dirfd_arg(sc, which) &&
		    (x & 0xffffffffu) == 0xffffff9cu) {
			sb_str(b, "AT_FDCWD");
			return;
		}
		if (which == 0 && (strcmp(sc, "exit") == 0 ||
				   strcmp(sc, "exit_group") == 0) && x < 2) {
			sb_str(b, x ? "EXIT_FAILURE" : "EXIT_SUCCESS");
			return;
		}
		for (i = 0; i < sizeof arg_kinds / sizeof arg_kinds[0]; i++) {
			if (arg_kinds[i].arg != which ||
			    strcmp(arg_kinds[i].sc, sc) != 0)
				continue;
			switch (arg_kinds[i].kind) {
			case 'a':
				do_bits(b, x, access_names, 3, "F_OK");
				return;
			case 'm':
				sb_fmt(b, "0%llo", (unsigned long long)x);
				return;
			case 'p':
				do_bits(b, x, prot_names, 4, "PROT_NONE");
				return;
			case 'f':
				do_mmap_flags(b, x);
				return;
			case 'o':
				do_open_flags(b, x);
				return;
			case 'F':
			case 'T':
			case 'P':
				if (do_socket_arg(b, arg_kinds[i].kind, x))
					return;
				break;
			case 'i':
				if (ioctl_name(x)) {
					sb_str(b, ioctl_name(x));
					return;
				}
				break;
			}
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
	} else if (fam == 10 && n >= 24) {
		if (!inet_ntop(AF_INET6, a + 8, ip, sizeof ip))
			snprintf(ip, sizeof ip, "?");
		sb_fmt(b, "{ saddr_fam=inet6 laddr=%s lport=%u }", ip,
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

static const char *const sig_names[] = {
	"SIG0", "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT",
	"SIGBUS", "SIGFPE", "SIGKILL", "SIGUSR1", "SIGSEGV", "SIGUSR2",
	"SIGPIPE", "SIGALRM", "SIGTERM", "SIGSTKFLT", "SIGCHLD", "SIGCONT",
	"SIGSTOP", "SIGTSTP", "SIGTTIN", "SIGTTOU", "SIGURG", "SIGXCPU",
	"SIGXFSZ", "SIGVTALRM", "SIGPROF", "SIGWINCH", "SIGIO", "SIGPWR",
	"SIGSYS",
};

static void do_sig(struct sb *b, struct span v)
{
	bool ok;
	long long x = dec_ll(v, &ok);

	if (ok && x >= 0 && x < 32)
		sb_str(b, sig_names[x]);
	else
		sb_span(b, v);
}

static void do_seccomp(struct sb *b, struct span v)
{
	static const struct { uint32_t v; const char *n; } codes[] = {
		{ 0x00000000, "kill" }, { 0x80000000, "kill-process" },
		{ 0x00030000, "trap" }, { 0x00050000, "errno" },
		{ 0x7ff00000, "trace" }, { 0x7ffc0000, "log" },
		{ 0x7fff0000, "allow" },
	};
	uint64_t x = hex_u64(span_sub(v, v.n > 1 && v.p[1] == 'x' ? 2 : 0, v.n));
	size_t i;

	for (i = 0; i < sizeof codes / sizeof codes[0]; i++)
		if (codes[i].v == (x & 0xffff0000u)) {
			sb_str(b, codes[i].n);
			return;
		}
	sb_fmt(b, "unknown-seccomp-code(" SPAN_FMT ")", SPAN_ARG(v));
}

static void interp_typed(struct interp *ip, const struct interp_event *ie,
			 int t, struct span n, struct span v, struct span enrich,
			 struct sb *b)
{
	struct span ev;

	switch (t) {
	case F_UID:
	case F_GID:
		if (enriched(enrich, n, &ev))
			sb_span(b, ev);
		else
			do_id(ip, b, v, t == F_GID);
		return;
	case F_ARCH: do_arch(b, v); return;
	case F_SYSCALL: do_syscall(ie, b, v); return;
	case F_EXIT: do_exit(b, v); return;
	case F_SUCCESS: do_success(b, v); return;
	case F_ESC:
	case F_EXECARG: do_esc(b, v, 0, false); return;
	case F_PROCTITLE: do_esc(b, v, 0, true); return;
	case F_MODE: do_mode(b, v); return;
	case F_SES:
		if (span_eqs(v, "4294967295") || span_eqs(v, "-1"))
			sb_str(b, "unset");
		else
			sb_span(b, v);
		return;
	case F_ARG: do_arg(ie, b, n, v); return;
	case F_MMAP:
		do_mmap_flags(b, hex_u64(span_sub(v, v.n > 1 && v.p[1] == 'x' ?
						      2 : 0, v.n)));
		return;
	case F_SIG: do_sig(b, v); return;
	case F_SECCOMP: do_seccomp(b, v); return;
	case F_SADDR: do_saddr(b, v); return;
	case F_CAPS: do_caps(b, v); return;
	case F_LIST: do_list(b, v); return;
	case F_PERM: do_perm(b, v); return;
	case F_KEY: do_key(b, v, 0); return;
	default: sb_span(b, v); return;
	}
}

/* A typed value is interpreted, then escaped as --escape says (the key
 * separator " key=" excepted); an untyped one is written as it is. */
static void interp_value(struct interp *ip, const struct interp_event *ie,
			 int rtype, struct span n, struct span v,
			 struct span enrich, struct sb *b, int esc)
{
	char tmp[8192];
	struct sb t = { tmp, 0, sizeof tmp };
	int ty = field_type(rtype, n);
	struct span ev;

	/* names an ENRICHED log carries are printed as stored */
	if ((ty == F_UID || ty == F_GID || ty == F_SADDR || ty == F_ARCH ||
	     ty == F_SYSCALL) && enriched(enrich, n, &ev)) {
		sb_span(b, ev);
		return;
	}
	if (ty == F_NONE) {
		if (v.n >= 2 && v.p[0] == '"' && v.p[v.n - 1] == '"')
			v = span_sub(v, 1, v.n - 1);
		sb_span(b, v);
		return;
	}
	interp_typed(ip, ie, ty, n, v, enrich, &t);
	if (t.n > sizeof tmp)
		t.n = sizeof tmp;
	if (ty == F_KEY) {
		size_t i, s = 0;

		for (i = 0; i + 5 <= t.n; i++)
			if (memcmp(tmp + i, " key=", 5) == 0) {
				sb_esc(b, tmp + s, i - s, esc);
				sb_str(b, " key=");
				s = i + 5;
			}
		sb_esc(b, tmp + s, t.n - s, esc);
		return;
	}
	sb_esc(b, tmp, t.n, esc);
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
			/* the closing quote stays on the last inner value,
			 * as the reference's tokenizer leaves it */
			sb_str(b, "'");
			fields(ip, ie, rtype, span_sub(v, 1, v.n), enrich, b,
			       esc, true);
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
