/* (included by core/interpret.c: one translation unit)
 * interpret_args - syscall arguments, sockaddrs, and the record writer. */

#include <arpa/inet.h>

/* the reference's open flag table, in its order (no O_LARGEFILE) */
static const struct { unsigned v; const char *n; } open_flags[] = {
	{ 01, "O_WRONLY" }, { 02, "O_RDWR" }, { 0100, "O_CREAT" },
	{ 0200, "O_EXCL" }, { 0400, "O_NOCTTY" }, { 01000, "O_TRUNC" },
	{ 02000, "O_APPEND" }, { 04000, "O_NONBLOCK" }, { 010000, "O_DSYNC" },
	{ 020000, "O_ASYNC" }, { 040000, "O_DIRECT" },
	{ 0200000, "O_DIRECTORY" }, { 0400000, "O_NOFOLLOW" },
	{ 01000000, "O_NOATIME" }, { 02000000, "O_CLOEXEC" },
	{ 04000000, "__O_SYNC" }, { 010000000, "O_PATH" },
	{ 020000000, "__O_TMPFILE" },
};

static void do_open_flags(struct sb *b, uint64_t f)
{
	size_t i;
	bool first = true;

	if ((f & 3) == 0) {
		sb_str(b, "O_RDONLY");
		first = false;
	}
	for (i = 0; i < sizeof open_flags / sizeof open_flags[0]; i++)
		if (f & open_flags[i].v) {
			if (!first)
				sb_str(b, "|");
			first = false;
			sb_str(b, open_flags[i].n);
		}
}

/* a mode argument: special bits by name, permissions in octal */
static void do_mode_short(struct sb *b, uint64_t x)
{
	unsigned v = (unsigned)x;
	bool any = false;

	if (v & 04000) {
		sb_str(b, "suid");
		any = true;
	}
	if (v & 02000) {
		sb_str(b, any ? ",sgid" : "sgid");
		any = true;
	}
	if (v & 01000) {
		sb_str(b, any ? ",sticky" : "sticky");
		any = true;
	}
	sb_fmt(b, "%s0%03o", any ? "," : "", v & 0777);
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
	/* read by more than the value: see do_more_arg() */
	{ "ptrace", 0, 'r' }, { "clock_settime", 0, 'c' },
	{ "personality", 0, 'n' }, { "rt_sigaction", 0, 's' },
	{ "kill", 1, 's' }, { "tkill", 1, 's' }, { "tgkill", 2, 's' },
	{ "socketcall", 0, 'k' }, { "setsockopt", 1, 'l' },
	{ "getsockopt", 1, 'l' }, { "setsockopt", 2, 'L' },
	{ "getsockopt", 2, 'L' }, { "open", 2, 'C' }, { "mq_open", 1, 'o' },
	{ "mq_open", 2, 'C' }, { "mknodat", 2, 'm' }, { "chown", 1, 'u' },
	{ "setuid", 0, 'u' }, { "setreuid", 0, 'u' }, { "setresuid", 0, 'u' },
	{ "setfsuid", 0, 'u' }, { "setreuid", 1, 'u' },
	{ "setresuid", 1, 'u' }, { "setresuid", 2, 'u' },
	{ "setgid", 0, 'g' }, { "setregid", 0, 'g' }, { "setresgid", 0, 'g' },
	{ "setfsgid", 0, 'g' }, { "setregid", 1, 'g' },
	{ "setresgid", 1, 'g' }, { "setresgid", 2, 'g' },
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

struct vn {
	unsigned v;
	const char *n;
};

/* getprotobynumber() as the reference gets it from Debian's netbase
 * /etc/protocols (the first name of each number) */
static const struct vn protos[] = {
	{ 0, "ip" }, { 1, "icmp" }, { 2, "igmp" }, { 3, "ggp" },
	{ 4, "ipencap" }, { 5, "st" }, { 6, "tcp" }, { 8, "egp" },
	{ 9, "igp" }, { 12, "pup" }, { 17, "udp" }, { 20, "hmp" },
	{ 22, "xns-idp" }, { 27, "rdp" }, { 29, "iso-tp4" }, { 33, "dccp" },
	{ 36, "xtp" }, { 37, "ddp" }, { 38, "idpr-cmtp" }, { 41, "ipv6" },
	{ 43, "ipv6-route" }, { 44, "ipv6-frag" }, { 45, "idrp" },
	{ 46, "rsvp" }, { 47, "gre" }, { 50, "esp" }, { 51, "ah" },
	{ 57, "skip" }, { 58, "ipv6-icmp" }, { 59, "ipv6-nonxt" },
	{ 60, "ipv6-opts" }, { 73, "rspf" }, { 81, "vmtp" }, { 88, "eigrp" },
	{ 89, "ospf" }, { 93, "ax.25" }, { 94, "ipip" }, { 97, "etherip" },
	{ 98, "encap" }, { 103, "pim" }, { 108, "ipcomp" }, { 112, "vrrp" },
	{ 115, "l2tp" }, { 124, "isis" }, { 132, "sctp" }, { 133, "fc" },
	{ 135, "mobility-header" }, { 136, "udplite" },
	{ 137, "mpls-in-ip" }, { 138, "manet" }, { 139, "hip" },
	{ 140, "shim6" }, { 141, "wesp" }, { 142, "rohc" },
	{ 143, "ethernet" }, { 262, "mptcp" },
};

static const char *proto_name(uint64_t x)
{
	size_t i;

	for (i = 0; i < sizeof protos / sizeof protos[0]; i++)
		if (protos[i].v == x)
			return protos[i].n;
	return NULL;
}

static bool do_socket_arg(struct sb *b, char kind, uint64_t x)
{
	if (kind == 'F' && x > 0 && x < sizeof families / sizeof families[0]) {
		sb_str(b, families[x]);
		return true;
	}
	if (kind == 'T' && (x & 0xf) < sizeof sock_types / sizeof sock_types[0]
	    && sock_types[x & 0xf]) {
		sb_str(b, sock_types[x & 0xf]);
		return true;
	}
	if (kind == 'P' && proto_name(x)) {
		sb_str(b, proto_name(x));
		return true;
	}
	return false;
}

static const char *const sig_names[] = {
	"SIG0", "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT",
	"SIGBUS", "SIGFPE", "SIGKILL", "SIGUSR1", "SIGSEGV", "SIGUSR2",
	"SIGPIPE", "SIGALRM", "SIGTERM", "SIGSTKFLT", "SIGCHLD", "SIGCONT",
	"SIGSTOP", "SIGTSTP", "SIGTTIN", "SIGTTOU", "SIGURG", "SIGXCPU",
	"SIGXFSZ", "SIGVTALRM", "SIGPROF", "SIGWINCH", "SIGIO", "SIGPWR",
	"SIGSYS",
};

static const struct vn ptrace_reqs[] = {
	{ 0, "PTRACE_TRACEME" }, { 1, "PTRACE_PEEKTEXT" },
	{ 2, "PTRACE_PEEKDATA" }, { 3, "PTRACE_PEEKUSER" },
	{ 4, "PTRACE_POKETEXT" }, { 5, "PTRACE_POKEDATA" },
	{ 6, "PTRACE_POKEUSER" }, { 7, "PTRACE_CONT" }, { 8, "PTRACE_KILL" },
	{ 9, "PTRACE_SINGLESTEP" }, { 12, "PTRACE_GETREGS" },
	{ 13, "PTRACE_SETREGS" }, { 14, "PTRACE_GETFPREGS" },
	{ 15, "PTRACE_SETFPREGS" }, { 16, "PTRACE_ATTACH" },
	{ 17, "PTRACE_DETACH" }, { 18, "PTRACE_GETFPXREGS" },
	{ 19, "PTRACE_SETFPXREGS" }, { 24, "PTRACE_SYSCALL" },
	{ 25, "PTRACE_GET_THREAD_AREA" }, { 26, "PTRACE_SET_THREAD_AREA" },
	{ 30, "PTRACE_ARCH_PRCTL" }, { 31, "PTRACE_SYSEMU" },
	{ 32, "PTRACE_SYSEMU_SINGLESTEP" }, { 33, "PTRACE_SINGLEBLOCK" },
	{ 0x4200, "PTRACE_SETOPTIONS" }, { 0x4201, "PTRACE_GETEVENTMSG" },
	{ 0x4202, "PTRACE_GETSIGINFO" }, { 0x4203, "PTRACE_SETSIGINFO" },
	{ 0x4204, "PTRACE_GETREGSET" }, { 0x4205, "PTRACE_SETREGSET" },
	{ 0x4206, "PTRACE_SEIZE" }, { 0x4207, "PTRACE_INTERRUPT" },
	{ 0x4208, "PTRACE_LISTEN" }, { 0x4209, "PTRACE_PEEKSIGINFO" },
	{ 0x420a, "PTRACE_GETSIGMASK" }, { 0x420b, "PTRACE_SETSIGMASK" },
	{ 0x420c, "PTRACE_SECCOMP_GET_FILTER" },
	{ 0x420d, "PTRACE_SECCOMP_GET_METADATA" },
	{ 0x420e, "PTRACE_GET_SYSCALL_INFO" },
};

/* personality & PER_MASK; the table's other rows carry flag bits that
 * the masked value never has */
static const struct vn personalities[] = {
	{ 0x00, "PER_LINUX" }, { 0x06, "PER_BSD" }, { 0x08, "PER_LINUX32" },
	{ 0x0c, "PER_RISCOS" }, { 0x0f, "PER_OSF4" }, { 0x10, "PER_HPUX" },
};

static const char *const clocks[] = {
	"CLOCK_REALTIME", "CLOCK_MONOTONIC", "CLOCK_PROCESS_CPUTIME_ID",
	"CLOCK_THREAD_CPUTIME_ID", "CLOCK_MONOTONIC_RAW",
	"CLOCK_REALTIME_COARSE", "CLOCK_MONOTONIC_COARSE",
};

static const char *const socketcalls[] = {
	NULL, "socket", "bind", "connect", "listen", "accept", "getsockname",
	"getpeername", "socketpair", "send", "recv", "sendto", "recvfrom",
	"shutdown", "setsockopt", "getsockopt", "sendmsg", "recvmsg",
	"accept4", "recvmmsg", "sendmmsg",
};

/* socket levels that are no protocol name */
static const struct vn sock_levels[] = {
	{ 255, "SOL_RAW" }, { 256, "SOL_IPX" }, { 257, "SOL_AX25" },
	{ 258, "SOL_ATALK" }, { 259, "SOL_NETROM" }, { 260, "SOL_ROSE" },
	{ 261, "SOL_DECNET" }, { 263, "SOL_PACKET" }, { 264, "SOL_ATM" },
	{ 265, "SOL_AAL" }, { 266, "SOL_IRDA" }, { 267, "SOL_NETBEUI" },
	{ 268, "SOL_LLC" }, { 269, "SOL_DCCP" }, { 270, "SOL_NETLINK" },
	{ 271, "SOL_TIPC" }, { 272, "SOL_RXRPC" }, { 273, "SOL_PPPOL2TP" },
	{ 274, "SOL_BLUETOOTH" }, { 275, "SOL_PNPIPE" }, { 276, "SOL_RDS" },
	{ 277, "SOL_IUCV" }, { 278, "SOL_CAIF" }, { 279, "SOL_ALG" },
	{ 280, "SOL_NFC" }, { 281, "SOL_KCM" }, { 282, "SOL_TLS" },
	{ 283, "SOL_XDP" },
};

/* IPPROTO_IP socket options */
static const struct vn ip_opts[] = {
	{ 1, "IP_TOS" }, { 2, "IP_TTL" }, { 3, "IP_HDRINCL" },
	{ 4, "IP_OPTIONS" }, { 5, "IP_ROUTER_ALERT" }, { 6, "IP_RECVOPTS" },
	{ 7, "IP_RETOPTS" }, { 8, "IP_PKTINFO" }, { 9, "IP_PKTOPTIONS" },
	{ 10, "IP_MTU_DISCOVER" }, { 11, "IP_RECVERR" }, { 12, "IP_RECVTTL" },
	{ 13, "IP_RECVTOS" }, { 14, "IP_MTU" }, { 15, "IP_FREEBIND" },
	{ 16, "IP_IPSEC_POLICY" }, { 17, "IP_XFRM_POLICY" },
	{ 18, "IP_PASSSEC" }, { 19, "IP_TRANSPARENT" },
	{ 20, "IP_ORIGDSTADDR" }, { 21, "IP_MINTTL" }, { 22, "IP_NODEFRAG" },
	{ 23, "IP_CHECKSUM" }, { 24, "IP_BIND_ADDRESS_NO_PORT" },
	{ 25, "IP_RECVFRAGSIZE" }, { 32, "IP_MULTICAST_IF" },
	{ 33, "IP_MULTICAST_TTL" }, { 34, "IP_MULTICAST_LOOP" },
	{ 35, "IP_ADD_MEMBERSHIP" }, { 36, "IP_DROP_MEMBERSHIP" },
	{ 37, "IP_UNBLOCK_SOURCE" }, { 38, "IP_BLOCK_SOURCE" },
	{ 39, "IP_ADD_SOURCE_MEMBERSHIP" },
	{ 40, "IP_DROP_SOURCE_MEMBERSHIP" }, { 41, "IP_MSFILTER" },
	{ 42, "MCAST_JOIN_GROUP" }, { 43, "MCAST_BLOCK_SOURCE" },
	{ 44, "MCAST_UNBLOCK_SOURCE" }, { 45, "MCAST_LEAVE_GROUP" },
	{ 46, "MCAST_JOIN_SOURCE_GROUP" }, { 47, "MCAST_LEAVE_SOURCE_GROUP" },
	{ 48, "MCAST_MSFILTER" }, { 49, "IP_MULTICAST_ALL" },
	{ 50, "IP_UNICAST_IF" }, { 64, "IPT_SO_SET_REPLACE" },
	{ 65, "IPT_SO_SET_ADD_COUNTERS" }, { 66, "IPT_SO_GET_REVISION_TARGET" },
};

#define VNAME(t, x) vname((t), sizeof (t) / sizeof (t)[0], (x))
static const char *vname(const struct vn *t, size_t n, uint64_t x);

/* The kinds whose text is a name or "unknown-...(value)". Returns false
 * when the reference prints the plain hex value. */
static bool do_more_arg(struct interp *ip, const struct interp_event *ie,
			struct sb *b, char kind, uint64_t x, struct span v)
{
	const char *s = NULL, *unknown = NULL, *pfx = "0x";
	int i = (int)(uint32_t)x;
	char dec[16];

	switch (kind) {
	case 'u':
	case 'g':
		if (i == -1) {
			sb_str(b, "unset");
			return true;
		}
		snprintf(dec, sizeof dec, "%u", (unsigned)i);
		do_id(ip, b, span_str(dec), kind == 'g');
		return true;
	case 'r':
		s = VNAME(ptrace_reqs, x);
		unknown = "ptrace";
		break;
	case 'c':
		s = i >= 0 && i < 7 ? clocks[i] : NULL;
		unknown = "clk_id";
		break;
	case 'n':
		s = VNAME(personalities, (uint32_t)x & 0xff);
		if (s && (x & 0x40000)) {
			sb_fmt(b, "%s|~ADDR_NO_RANDOMIZE", s);
			return true;
		}
		unknown = "personality";
		break;
	case 's':
		s = i >= 0 && i < 32 ? sig_names[i] : NULL;
		unknown = "signal";
		break;
	case 'k':
		s = i > 0 && i < 21 ? socketcalls[i] : NULL;
		unknown = "socketcall";
		pfx = "";
		break;
	case 'l':
		s = i == 1 ? "SOL_SOCKET" : proto_name((uint32_t)x);
		if (!s)
			s = VNAME(sock_levels, (uint32_t)x);
		unknown = "sockopt-level";
		break;
	case 'L':
		if (ie->a1 != 0)	/* other levels: not yet, hex */
			return false;
		s = VNAME(ip_opts, (uint32_t)x);
		unknown = "ipopt-name";
		break;
	case 'C':
		if (!(ie->a1 & 0100))
			return false;
		do_mode_short(b, x);
		return true;
	default:
		return false;
	}
	if (s)
		sb_str(b, s);
	else
		sb_fmt(b, "unknown-%s(%s" SPAN_FMT ")", unknown, pfx,
		       SPAN_ARG(v));
	return true;
}

static const char *vname(const struct vn *t, size_t n, uint64_t x)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (t[i].v == x)
			return t[i].n;
	return NULL;
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

static void do_arg(struct interp *ip, const struct interp_event *ie,
		   struct sb *b, struct span n, struct span v)
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
				do_mode_short(b, x);
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
				if (!do_socket_arg(b, arg_kinds[i].kind, x))
					sb_fmt(b, arg_kinds[i].kind == 'F' ?
					       "unknown-family(0x" SPAN_FMT ")" :
					       arg_kinds[i].kind == 'T' ?
					       "unknown-type(" SPAN_FMT ")" :
					       "unknown-proto(" SPAN_FMT ")",
					       SPAN_ARG(v));
				return;
			case 'i':
				if (ioctl_name(x)) {
					sb_str(b, ioctl_name(x));
					return;
				}
				break;
			default:
				if (do_more_arg(ip, ie, b, arg_kinds[i].kind,
						x, v))
					return;
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
	case F_ARG: do_arg(ip, ie, b, n, v); return;
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

size_t interpret_syscall_arg(struct interp *ip, int mach, int nr,
			     int which, uint64_t value, uint64_t a0,
			     uint64_t a1, char *out, size_t cap)
{
	struct interp_event ie = { mach >= 0 ? tables_machine_elf(mach) : 0,
				   nr, mach >= 0, a0, a1 };
	char name[3] = { 'a', (char)('0' + (which & 3)), 0 };
	char val[24];
	struct sb b = { out, 0, cap ? cap - 1 : 0 };

	snprintf(val, sizeof val, "%llx", (unsigned long long)value);
	interp_value(ip, &ie, 1300, span_str(name), span_str(val),
		     span_str(""), &b, 1);
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
