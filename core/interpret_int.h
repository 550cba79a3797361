/* interpret_int.h - core/interpret*.c private: the output buffer, the
 * field kinds and the value interpreters the interpret modules share.
 * Never included by applets. */
#ifndef AUDITBOX_INTERPRET_INT_H
#define AUDITBOX_INTERPRET_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <auditbox/interpret.h>
#include <auditbox/span.h>

/* open(2) flags "O_RDWR|O_CREAT"; a mode as "0644" or "suid,0755" */
struct sb;
void interpret_open_flags(struct sb *b, uint32_t f);
void interpret_mode_short(struct sb *b, uint32_t m);

enum ftype {
	F_NONE, F_UID, F_GID, F_ARCH, F_SYSCALL, F_EXIT, F_SUCCESS, F_ESC,
	F_PROCTITLE, F_MODE, F_SES, F_ARG, F_SADDR, F_CAPS, F_LIST, F_KEY,
	F_PERM, F_EXECARG, F_MMAP, F_SIG, F_SECCOMP, F_ADDR, F_TTY, F_PROMISC,
	F_NFPROTO, F_PROTOCOL, F_HOOK, F_NETACTION, F_MACPROTO, F_FANOTIFY,
	F_OFLAG, F_MODE_SHORT, F_ARGHEX, F_MAC, F_FLAGS, F_CAPABILITY, F_ICMP,
	F_PERSON, F_IOCTL, F_NLMCGRP, F_RESOLVE,
};

struct sb {
	char *p;
	size_t n, cap;
};

/* --- the bounded output buffer (snprintf semantics: n counts all) ---- */

static inline void sb_put(struct sb *b, const char *s, size_t n)
{
	if (b->n < b->cap) {
		size_t k = b->cap - b->n < n ? b->cap - b->n : n;

		memcpy(b->p + b->n, s, k);
	}
	b->n += n;
}

static inline void sb_str(struct sb *b, const char *s)
{
	sb_put(b, s, strlen(s));
}

static inline void sb_span(struct sb *b, struct span s)
{
	sb_put(b, s.p, s.n);
}

/* --- shared between interpret.c, interpret_fields.c and
 * interpret_args.c ---------------------------------------------------- */

void interpret_sb_fmt(struct sb *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* escaped output of raw bytes, as evfmt_escaped */
void interpret_sb_esc(struct sb *b, const char *s, size_t n, int mode);
uint64_t interpret_hex_u64(struct span v);
/* strtoul/strtol's reading of v in base 10 or 16 (blanks, a sign, a 0x
 * before a hex digit, the leading digits): the sign and the magnitude;
 * false (ERANGE) when the magnitude overflows an unsigned long */
/* (int)strtoul(v, 10) as ref 3.0.9 reads a syscall number (overflow -1) */
int interpret_syscall_nr(struct span v);
/* (unsigned)strtoul(v, 16) as ref 3.0.9 reads arch=; one it does not
 * know is the host's */
uint32_t interpret_arch(struct span v);
bool interpret_strto(struct span v, int base, unsigned long *mag, bool *neg);
int interpret_field_type(int rtype, struct span n);
/* field names of the uid (gid) kind */
bool interpret_uid_field(struct span n);
bool interpret_gid_field(struct span n);
/* a SOCKADDR saddr= value: "{ saddr_fam=inet laddr=... }" */
void interpret_do_saddr(struct sb *b, struct span v);
/* ENRICHED value for field n (upper-cased); id: a uid/gid, unquoted */
bool interpret_enriched(struct span enrich, struct span n, bool id,
			struct span *out);
void interpret_do_id(struct interp *ip, struct sb *b, struct span v, bool group);
void interpret_do_arch(struct sb *b, struct span v);
void interpret_do_syscall(const struct interp_event *ie, struct sb *b,
		       struct span v);
void interpret_do_exit(struct sb *b, struct span v);
void interpret_do_success(struct sb *b, struct span v);
/* quoted -> inner text; hex -> decoded; else as is */
/* TTY keystrokes (decoded bytes): "text" runs and <key> names */
void interpret_tty_text(struct sb *b, const char *buf, size_t n);
void interpret_do_esc(struct sb *b, struct span v, int esc, bool nul_space);
void interpret_do_key(struct sb *b, struct span v, int esc);
void interpret_do_mode(struct sb *b, struct span v);
void interpret_do_caps(struct sb *b, struct span v);
/* capability number to name, NULL when unknown */
const char *interpret_cap_name(uint32_t cap);
/* /etc/protocols name of a protocol number (getprotobynumber), or NULL */
const char *interpret_protocol(struct interp *ip, int num);

/* --- interpret_names.c, interpret_syscall.c ----------------------------- */

/* count values, and their names one after the other, NUL-terminated */
struct iname_tab {
	const uint32_t *v;
	const char *n;
	size_t count;
};
/* The iname_tab of an X-macro list of (value, "name"):
 * #define T(X) X(1, "one") X(2, "two")  ...  INAME_TAB(T) */
#define INAME_V(v, s) v,
#define INAME_S(v, s) s "\0"
#define INAME_TAB(x) { (const uint32_t[]){ x(INAME_V) }, x(INAME_S), \
	sizeof (const uint32_t[]){ x(INAME_V) } / sizeof (uint32_t) }

enum {
	NM_SIG_TAB,
	NM_PTRACE_TAB,
	NM_PRCTL_TAB,
	NM_FCNTL_TAB,
	NM_EPOLL_TAB,
	NM_CLOCK_TAB,
	NM_RLIMIT_TAB,
	NM_SCHED_TAB,
	NM_SEEK_TAB,
	NM_FAMILY_TAB,
	NM_SOCKTYPE_TAB,
	NM_BPF_TAB,
	NM_SOCKETCALL_TAB,
	NM_LEVEL_TAB,
	NM_SOCKOPT_TAB,
	NM_IPOPT_TAB,
	NM_IP6OPT_TAB,
	NM_TCPOPT_TAB,
	NM_PKTOPT_TAB,
	NM_PERSON_TAB,
	NM_OPEN_BITS,
	NM_CLONE_BITS,
	NM_MMAP_BITS,
	NM_MOUNT_BITS,
	NM_RECV_BITS,
	NM_UMOUNT_BITS,
	NM_PROT_BITS,
	NM_ACCESS_BITS,
	NM_IOCTL_TAB,
	NM_IPC_TAB,
	NM_COUNT
};

/* The tables by NM_* (interpret_names.c). */
extern const struct iname_tab interpret_names[NM_COUNT];
/* the name of v in table tab (an NM_*), NULL when it has none */
const char *interpret_name(int tab, uint32_t v);
/* the name of entry i; the name of v among the first n, or NULL */
const char *iname_at(const struct iname_tab *t, size_t i);
const char *iname_find(const struct iname_tab *t, size_t n, uint32_t v);


/* print_mode: "file,644", "dir,suid,755", "000,644" */
void interpret_mode(struct sb *b, uint32_t m);
/* signal name (0..31, "SIG0".."SIGSYS" as the reference spells them) */
const char *interpret_signal_name(int sig);
/* mmap flags as the MMAP record's flags= and mmap's a3; false (nothing
 * written) when no name applies */
bool interpret_mmap_flags(struct sb *b, uint32_t f);
/* "connect" for socketcall's a0, "shmat" for ipc's; NULL otherwise */
const char *interpret_subcall(const char *sys, uint64_t a0);
/* a<which> of the event's syscall */
void interpret_do_syscall_arg(struct interp *ip, const struct interp_event *ie,
			      struct sb *b, int which, struct span v);

#endif
