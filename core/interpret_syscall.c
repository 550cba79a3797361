/* interpret_syscall - a0..a3 of SYSCALL records by syscall name, as audit
 * 3.0.9's auparse print_a0..print_a3 write them (REFERENCE.md 8.5). Which
 * argument of which syscall gets which printer, each printer's words for
 * unknown values, and the name tables below were read off /sbin/ausearch
 * -i value by value (tests/data/logs/gen-interp.py keeps them checked):
 * e.g. clone's flags are printed for a2, chown32 but not lchown gets a
 * user name, signal 30 is "IGPWR". */
#include "interpret_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <auditbox/tables.h>

#define N(t) (sizeof (t) / sizeof (t)[0])
#define TAB(x) &interpret_names[x], interpret_names[x].count

/* file types of a mode; shmget's flags */
#define FTYPES(X) \
	X(0100000, "file") X(0040000, "dir") \
	X(0020000, "character") X(0060000, "block") \
	X(0010000, "fifo") X(0120000, "link") \
	X(0140000, "socket")
#define IPC_BITS(X) X(01000, "IPC_CREAT") X(02000, "IPC_EXCL")
#define SHM_BITS(X) X(04000, "SHM_HUGETLB") X(010000, "SHM_NORESERVE")
static const struct iname_tab ftypes = INAME_TAB(FTYPES),
	ipc = INAME_TAB(IPC_BITS), shm = INAME_TAB(SHM_BITS);

/* Names of the bits of f among the first n of t in table order, '|'
 * between; true if any. */
static bool bits_put(struct sb *b, const struct iname_tab *t, size_t n,
		     uint32_t f, bool any)
{
	const char *s = t->n;
	size_t i;

	for (i = 0; i < n; i++, s += strlen(s) + 1)
		if (t->v[i] & f) {
			if (any)
				sb_str(b, "|");
			sb_str(b, s);
			any = true;
		}
	return any;
}

enum kind {
	K_HEX, K_DIRFD, K_SIG, K_CLONE, K_CLOCK, K_PERSON, K_PTRACE, K_PRCTL,
	K_RLIMIT, K_UID, K_GID, K_FAMILY, K_SOCKCALL, K_EXIT, K_MODE_SHORT,
	K_MODE, K_FCNTL, K_LEVEL, K_SOCKTYPE, K_SCHED, K_OPEN, K_ACCESS,
	K_EPOLL, K_PRCTL_ARG, K_UMOUNT, K_IOCTL, K_FCNTL_ARG, K_SOCKOPT,
	K_CREAT_MODE, K_PROTO, K_RECV, K_SHM, K_PROT_MMAP, K_PROT, K_SEEK,
	K_MMAP, K_MOUNT, K_BPF,
};

/* Which argument of which syscall gets which printer; sorted by name. */
static const struct arow {
	const char *sc;
	uint8_t arg, kind;
} arows[] = {
	{ "access", 1, K_ACCESS }, { "bpf", 0, K_BPF },
	{ "chmod", 1, K_MODE_SHORT }, { "chown", 1, K_UID },
	{ "chown32", 1, K_UID }, { "clock_settime", 0, K_CLOCK },
	{ "clone", 2, K_CLONE }, { "creat", 1, K_MODE_SHORT },
	{ "epoll_ctl", 1, K_EPOLL }, { "exit", 0, K_EXIT },
	{ "exit_group", 0, K_EXIT }, { "faccessat", 0, K_DIRFD },
	{ "faccessat", 2, K_ACCESS }, { "faccessat2", 0, K_DIRFD },
	{ "faccessat2", 2, K_ACCESS }, { "fchmod", 1, K_MODE_SHORT },
	{ "fchmodat", 0, K_DIRFD }, { "fchmodat", 2, K_MODE_SHORT },
	{ "fchownat", 0, K_DIRFD }, { "fcntl", 1, K_FCNTL },
	{ "fcntl", 2, K_FCNTL_ARG }, { "fcntl64", 1, K_FCNTL },
	{ "fcntl64", 2, K_FCNTL_ARG }, { "futimesat", 0, K_DIRFD },
	{ "getrlimit", 0, K_RLIMIT }, { "getsockopt", 1, K_LEVEL },
	{ "getsockopt", 2, K_SOCKOPT }, { "ioctl", 1, K_IOCTL },
	{ "kill", 1, K_SIG }, { "linkat", 0, K_DIRFD },
	{ "linkat", 2, K_DIRFD }, { "lseek", 2, K_SEEK },
	{ "mkdir", 1, K_MODE_SHORT }, { "mkdirat", 0, K_DIRFD },
	{ "mkdirat", 2, K_MODE_SHORT }, { "mknod", 1, K_MODE },
	{ "mknodat", 0, K_DIRFD }, { "mknodat", 2, K_MODE_SHORT },
	{ "mmap", 2, K_PROT_MMAP }, { "mmap", 3, K_MMAP },
	{ "mount", 3, K_MOUNT }, { "mprotect", 2, K_PROT },
	{ "mq_open", 1, K_OPEN }, { "mq_open", 2, K_CREAT_MODE },
	{ "name_to_handle_at", 0, K_DIRFD }, { "newfstatat", 0, K_DIRFD },
	{ "open", 1, K_OPEN }, { "open", 2, K_CREAT_MODE },
	{ "open_by_handle_at", 2, K_OPEN }, { "openat", 0, K_DIRFD },
	{ "openat", 2, K_OPEN }, { "openat2", 0, K_DIRFD },
	{ "personality", 0, K_PERSON }, { "prctl", 0, K_PRCTL },
	{ "prctl", 1, K_PRCTL_ARG }, { "ptrace", 0, K_PTRACE },
	{ "readlinkat", 0, K_DIRFD }, { "readlinkat", 2, K_DIRFD },
	{ "recv", 3, K_RECV }, { "recvfrom", 3, K_RECV },
	{ "recvmmsg", 3, K_RECV }, { "recvmsg", 2, K_RECV },
	{ "renameat", 0, K_DIRFD }, { "renameat", 2, K_DIRFD },
	{ "renameat2", 0, K_DIRFD }, { "renameat2", 2, K_DIRFD },
	{ "rt_sigaction", 0, K_SIG }, { "sched_setscheduler", 1, K_SCHED },
	{ "send", 3, K_RECV }, { "sendmmsg", 3, K_RECV },
	{ "sendmsg", 2, K_RECV }, { "sendto", 3, K_RECV },
	{ "setfsgid", 0, K_GID }, { "setfsuid", 0, K_UID },
	{ "setgid", 0, K_GID }, { "setns", 1, K_CLONE },
	{ "setregid", 0, K_GID }, { "setregid", 1, K_GID },
	{ "setresgid", 0, K_GID }, { "setresgid", 1, K_GID },
	{ "setresgid", 2, K_GID }, { "setresuid", 0, K_UID },
	{ "setresuid", 1, K_UID }, { "setresuid", 2, K_UID },
	{ "setreuid", 0, K_UID }, { "setreuid", 1, K_UID },
	{ "setrlimit", 0, K_RLIMIT }, { "setsockopt", 1, K_LEVEL },
	{ "setsockopt", 2, K_SOCKOPT }, { "setuid", 0, K_UID },
	{ "shmget", 2, K_SHM }, { "socket", 0, K_FAMILY },
	{ "socket", 1, K_SOCKTYPE }, { "socket", 2, K_PROTO },
	{ "socketcall", 0, K_SOCKCALL }, { "tgkill", 2, K_SIG },
	{ "tkill", 1, K_SIG }, { "umount2", 1, K_UMOUNT },
	{ "unlinkat", 0, K_DIRFD }, { "unshare", 0, K_CLONE },
	{ "utimensat", 0, K_DIRFD },
};

static int arow_kind(const char *sc, int which)
{
	size_t lo = 0, hi = N(arows);

	while (lo < hi) {	/* first row of sc */
		size_t mid = (lo + hi) / 2;

		if (strcmp(arows[mid].sc, sc) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < N(arows) && strcmp(arows[lo].sc, sc) == 0; lo++)
		if (arows[lo].arg == which)
			return arows[lo].kind;
	return K_HEX;
}

/* ---- the printers ------------------------------------------------- */

struct arg {
	struct span v;		/* the hex text as logged */
	uint64_t x;		/* its value (strtoul) */
	uint64_t a0, a1;	/* context */
	int machine;
};

static void put_hex(struct sb *b, const struct arg *a)
{
	sb_str(b, "0x");
	sb_span(b, a->v);
}

/* "NAME", or fmt around the logged text ("unknown-x(0x%s)"). */
static void name_or(struct sb *b, const char *name, const char *pre,
		    const struct arg *a, const char *post)
{
	if (name) {
		sb_str(b, name);
		return;
	}
	sb_str(b, pre);
	sb_span(b, a->v);
	sb_str(b, post);
}

static void p_sig(struct sb *b, const struct arg *a)
{
	int i = (int)a->x;

	name_or(b, i >= 0 && i < 32 ? iname_find(TAB(NM_SIG_TAB),
						 (uint32_t)i) : NULL,
		"unknown-signal(0x", a, ")");
}

static void p_clone(struct sb *b, const struct arg *a)
{
	uint32_t f = (uint32_t)a->x, sig = f & 0xff;
	bool any = bits_put(b, TAB(NM_CLONE_BITS), f, false);

	if (sig && sig < 32) {
		const char *s = iname_find(TAB(NM_SIG_TAB), sig);

		if (s) {
			if (any)
				sb_str(b, "|");
			sb_str(b, s);
			any = true;
		}
	}
	if (!any)
		interpret_sb_fmt(b, "0x%x", f);
}

static void p_person(struct sb *b, const struct arg *a)
{
	int p = (int)a->x;
	const char *s = iname_find(TAB(NM_PERSON_TAB),
				   (uint32_t)(p & ~0x0040000) & 0xff);

	if (p != -1 && s) {
		sb_str(b, s);
		if (p & 0x0040000)	/* ADDR_NO_RANDOMIZE */
			sb_str(b, "|~ADDR_NO_RANDOMIZE");
		return;
	}
	name_or(b, NULL, "unknown-personality(0x", a, ")");
}

/* mode_t as "0644" or "suid,sgid,0755" (print_mode_short). */
static void p_mode_short(struct sb *b, uint32_t m)
{
	bool any = false;

	if (m & 04000)
		sb_str(b, "suid"), any = true;
	if (m & 02000)
		sb_str(b, any ? ",sgid" : "sgid"), any = true;
	if (m & 01000)
		sb_str(b, any ? ",sticky" : "sticky"), any = true;
	interpret_sb_fmt(b, any ? ",0%03o" : "0%03o", m & 0777);
}

void interpret_mode(struct sb *b, uint32_t m)
{
	const char *t = iname_find(&ftypes, ftypes.count, m & 0170000);

	if (t)
		sb_str(b, t);
	else
		interpret_sb_fmt(b, "%03o", (m & 0170000) / 010000);
	if (m & 04000)
		sb_str(b, ",suid");
	if (m & 02000)
		sb_str(b, ",sgid");
	if (m & 01000)
		sb_str(b, ",sticky");
	interpret_sb_fmt(b, ",%03o", m & 0777);
}

static void p_id(struct interp *ip, struct sb *b, const struct arg *a,
		 bool group)
{
	char dec[24];
	int id = (int)a->x;

	snprintf(dec, sizeof dec, "%d", id);
	interpret_do_id(ip, b, span_str(dec), group);
}

static void p_open(struct sb *b, uint32_t f)
{
	bool any = false;

	if ((f & 3) == 0) {
		sb_str(b, "O_RDONLY");
		any = true;
	}
	bits_put(b, TAB(NM_OPEN_BITS), f, any);
}

static void p_level(struct interp *ip, struct sb *b, const struct arg *a)
{
	int l = (int)a->x;
	const char *s;

	if (l == 1) {
		sb_str(b, "SOL_SOCKET");
		return;
	}
	s = interpret_protocol(ip, l);
	if (!s)
		s = iname_find(TAB(NM_LEVEL_TAB), (uint32_t)l);
	name_or(b, s, "unknown-sockopt-level(0x", a, ")");
}

static void p_sockopt(struct sb *b, const struct arg *a)
{
	int o = (int)a->x;

	switch ((int)a->a1) {
	case 0:
		name_or(b, iname_find(TAB(NM_IPOPT_TAB), (uint32_t)o),
			"unknown-ipopt-name(0x", a, ")");
		return;
	case 1:		/* PPC numbers 16..21 differently */
		if ((a->machine == TABLES_MACH_PPC64 ||
		     a->machine == TABLES_MACH_PPC) && o >= 16 && o <= 21)
			o += 100;
		name_or(b, iname_find(TAB(NM_SOCKOPT_TAB), (uint32_t)o),
			"unknown-sockopt-name(0x", a, ")");
		return;
	case 6:
		name_or(b, iname_find(TAB(NM_TCPOPT_TAB), (uint32_t)o),
			"unknown-tcpopt-name(0x", a, ")");
		return;
	case 17:
		name_or(b, o == 1 ? "UDP_CORK" : o == 100 ? "UDP_ENCAP" : NULL,
			"unknown-udpopt-name(0x", a, ")");
		return;
	case 41:
		name_or(b, iname_find(TAB(NM_IP6OPT_TAB), (uint32_t)o),
			"unknown-ip6opt-name(0x", a, ")");
		return;
	case 263:
		name_or(b, iname_find(TAB(NM_PKTOPT_TAB), (uint32_t)o),
			"unknown-pktopt-name(0x", a, ")");
		return;
	default:
		put_hex(b, a);
	}
}

static void p_shm(struct sb *b, uint32_t f)
{
	bool any = bits_put(b, &ipc, ipc.count, f & 03000, false);

	if (bits_put(b, &shm, shm.count, f & 014000, any))
		sb_str(b, "|");
	p_mode_short(b, f & 0777);
}

void interpret_open_flags(struct sb *b, uint32_t f)
{
	p_open(b, f);
}

void interpret_mode_short(struct sb *b, uint32_t m)
{
	p_mode_short(b, m);
}

/* Printers of whole names and flag sets (one line each). */
static void p_simple(struct sb *b, int kind, const struct arg *a)
{
	uint32_t u = (uint32_t)a->x;
	int i = (int)a->x;

	switch (kind) {
	case K_DIRFD:
		if (i == -100)
			sb_str(b, "AT_FDCWD");
		else
			put_hex(b, a);
		return;
	case K_CLOCK:
		name_or(b, i >= 0 && i < 7 ? iname_find(TAB(NM_CLOCK_TAB),
							(uint32_t)i) : NULL,
			"unknown-clk_id(0x", a, ")");
		return;
	case K_PTRACE:
		name_or(b, iname_find(TAB(NM_PTRACE_TAB), u),
			"unknown-ptrace(0x", a, ")");
		return;
	case K_PRCTL:
		name_or(b, iname_find(TAB(NM_PRCTL_TAB), u),
			"unknown-prctl-option(0x", a, ")");
		return;
	case K_RLIMIT:
		name_or(b, i >= 0 && i < 17 ? iname_find(TAB(NM_RLIMIT_TAB),
			(uint32_t)i) : NULL,
			"unknown-rlimit(0x", a, ")");
		return;
	case K_FAMILY:
		name_or(b, iname_find(TAB(NM_FAMILY_TAB), u),
			"unknown-family(0x", a, ")");
		return;
	case K_SOCKCALL:
		name_or(b, iname_find(TAB(NM_SOCKETCALL_TAB), u),
			"unknown-socketcall(", a, ")");
		return;
	case K_SOCKTYPE:
		name_or(b, iname_find(TAB(NM_SOCKTYPE_TAB), u & 0xff),
			"unknown-type(", a, ")");
		return;
	case K_SEEK:
		name_or(b, iname_find(TAB(NM_SEEK_TAB), u & 0xff),
			"unknown-whence(", a, ")");
		return;
	case K_BPF:
		name_or(b, iname_find(TAB(NM_BPF_TAB), u),
			"unknown-bpf-cmd(", a, ")");
		return;
	case K_IOCTL:		/* unknown: "0x%x" of the 32-bit value */
		if (iname_find(TAB(NM_IOCTL_TAB), u))
			sb_str(b, iname_find(TAB(NM_IOCTL_TAB), u));
		else
			interpret_sb_fmt(b, "0x%x", u);
		return;
	case K_FCNTL:
		if (iname_find(TAB(NM_FCNTL_TAB), u))
			sb_str(b, iname_find(TAB(NM_FCNTL_TAB), u));
		else
			interpret_sb_fmt(b, "unknown-fcntl-command(%d)", i);
		return;
	case K_EPOLL:
		if (iname_find(TAB(NM_EPOLL_TAB), u))
			sb_str(b, iname_find(TAB(NM_EPOLL_TAB), u));
		else
			interpret_sb_fmt(b, "unknown-epoll_ctl-operation(%d)", i);
		return;
	case K_SCHED:
		if (iname_find(TAB(NM_SCHED_TAB), u & 0x0f)) {
			sb_str(b, iname_find(TAB(NM_SCHED_TAB), u & 0x0f));
			if (u & 0x40000000)
				sb_str(b, "|SCHED_RESET_ON_FORK");
		} else {
			name_or(b, NULL, "unknown-scheduler-policy(0x", a, ")");
		}
		return;
	}
}

static void p_flags(struct sb *b, int kind, const struct arg *a)
{
	uint32_t u = (uint32_t)a->x;
	bool any = false;

	switch (kind) {
	case K_ACCESS:
		if ((u & 0xf) == 0) {
			sb_str(b, "F_OK");
			return;
		}
		any = bits_put(b, TAB(NM_ACCESS_BITS), u, false);
		break;
	case K_PROT_MMAP:
	case K_PROT:
		if ((u & 7) == 0) {
			sb_str(b, "PROT_NONE");
			return;
		}
		any = bits_put(b, &interpret_names[NM_PROT_BITS], kind == K_PROT ? 3 : 4,
			       u, false);
		break;
	case K_MMAP:
		any = interpret_mmap_flags(b, u);
		break;
	case K_MOUNT:
		any = bits_put(b, TAB(NM_MOUNT_BITS), u, false);
		break;
	case K_RECV:
		any = bits_put(b, TAB(NM_RECV_BITS), u, false);
		break;
	case K_UMOUNT:
		any = bits_put(b, TAB(NM_UMOUNT_BITS), u, false);
		break;
	}
	if (!any)
		put_hex(b, a);
}

const char *interpret_subcall(const char *sys, uint64_t a0)
{
	int t = strcmp(sys, "socketcall") == 0 ? NM_SOCKETCALL_TAB :
		strcmp(sys, "ipc") == 0 ? NM_IPC_TAB : -1;

	if (t < 0 || (uint64_t)(int)a0 != a0)
		return NULL;
	return iname_find(TAB(t), (uint32_t)a0);
}

const char *interpret_signal_name(int sig)
{
	return sig >= 0 && sig < 32 ?
		iname_find(TAB(NM_SIG_TAB), (uint32_t)sig) : NULL;
}

bool interpret_mmap_flags(struct sb *b, uint32_t f)
{
	bool any = false;

	if ((f & 0xf) == 0) {
		sb_str(b, "MAP_FILE");
		any = true;
	}
	return bits_put(b, TAB(NM_MMAP_BITS), f, any);
}

static void p_arg(struct interp *ip, struct sb *b, int kind,
		  const struct arg *a)
{
	uint32_t u = (uint32_t)a->x;

	switch (kind) {
	case K_SIG: p_sig(b, a); return;
	case K_CLONE: p_clone(b, a); return;
	case K_PERSON: p_person(b, a); return;
	case K_UID: p_id(ip, b, a, false); return;
	case K_GID: p_id(ip, b, a, true); return;
	case K_MODE_SHORT: p_mode_short(b, u); return;
	case K_MODE: interpret_mode(b, u); return;
	case K_OPEN: p_open(b, u); return;
	case K_SHM: p_shm(b, u); return;
	case K_LEVEL: p_level(ip, b, a); return;
	case K_SOCKOPT: p_sockopt(b, a); return;
	case K_EXIT:
		sb_str(b, span_eqs(a->v, "0") ? "EXIT_SUCCESS" :
		       span_eqs(a->v, "1") ? "EXIT_FAILURE" : "UNKNOWN");
		return;
	case K_PROTO:
		name_or(b, interpret_protocol(ip, (int)u), "unknown-proto(", a,
			")");
		return;
	case K_CREAT_MODE:	/* the mode only counts with O_CREAT */
		if (a->a1 & 0100)
			p_mode_short(b, u);
		else
			put_hex(b, a);
		return;
	case K_PRCTL_ARG:
		if (a->a0 == 23 || a->a0 == 24)	/* PR_CAPBSET_READ/DROP */
			name_or(b, interpret_cap_name(u), "unknown-capability(0x",
				a, ")");
		else if (a->a0 == 1)		/* PR_SET_PDEATHSIG */
			p_sig(b, a);
		else
			put_hex(b, a);
		return;
	case K_FCNTL_ARG:
		if (a->a1 == 8)			/* F_SETOWN */
			p_id(ip, b, a, false);
		else if (a->a1 == 2 && u == 1)	/* F_SETFD */
			sb_str(b, "FD_CLOEXEC");
		else
			put_hex(b, a);
		return;
	case K_ACCESS: case K_PROT_MMAP: case K_PROT: case K_MMAP:
	case K_MOUNT: case K_RECV: case K_UMOUNT:
		p_flags(b, kind, a);
		return;
	case K_HEX:
		put_hex(b, a);
		return;
	default:
		p_simple(b, kind, a);
	}
}

/* strtoul(v, NULL, 16) as the reference reads the value: a sign, an
 * optional 0x, hex digits (the kernel writes bare hex). */
static uint64_t arg_value(struct span v)
{
	size_t i = 0;
	bool neg = false;
	uint64_t x;

	if (i < v.n && (v.p[i] == '-' || v.p[i] == '+'))
		neg = v.p[i++] == '-';
	if (i + 1 < v.n && v.p[i] == '0' && (v.p[i + 1] | 0x20) == 'x')
		i += 2;
	x = interpret_hex_u64(span_sub(v, i, v.n));
	return neg ? -x : x;
}

void interpret_do_syscall_arg(struct interp *ip, const struct interp_event *ie,
			      struct sb *b, int which, struct span v)
{
	struct arg a = { v, arg_value(v), ie->a0, ie->a1, -1 };
	const char *sc = NULL;

	a.machine = tables_elf_machine(ie->arch);
	if (ie->have_syscall && a.machine >= 0)
		sc = tables_syscall_name(a.machine, ie->syscall);
	p_arg(ip, b, sc ? arow_kind(sc, which) : K_HEX, &a);
}

size_t interpret_syscall_arg(struct interp *ip, uint32_t arch, int syscall,
			     int which, struct span value, uint64_t a0,
			     uint64_t a1, char *out, size_t cap)
{
	struct interp_event ie = { arch, syscall, true, a0, a1 };
	struct sb b = { out, 0, cap };

	interpret_do_syscall_arg(ip, &ie, &b, which, value);
	if (cap)
		out[b.n < cap ? b.n : cap - 1] = '\0';
	return b.n;
}
