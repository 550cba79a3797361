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

enum ftype {
	F_NONE, F_UID, F_GID, F_ARCH, F_SYSCALL, F_EXIT, F_SUCCESS, F_ESC,
	F_PROCTITLE, F_MODE, F_SES, F_ARG, F_SADDR, F_CAPS, F_LIST, F_KEY,
	F_PERM, F_EXECARG, F_MMAP, F_SIG, F_SECCOMP, F_ADDR,
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
long long interpret_dec_ll(struct span v, bool *ok);
int interpret_field_type(int rtype, struct span n);
/* ENRICHED value for field n (upper-cased), quotes removed */
bool interpret_enriched(struct span enrich, struct span n, struct span *out);
void interpret_do_id(struct interp *ip, struct sb *b, struct span v, bool group);
void interpret_do_arch(struct sb *b, struct span v);
void interpret_do_syscall(const struct interp_event *ie, struct sb *b,
		       struct span v);
void interpret_do_exit(struct sb *b, struct span v);
void interpret_do_success(struct sb *b, struct span v);
/* quoted -> inner text; hex -> decoded; else as is */
void interpret_do_esc(struct sb *b, struct span v, int esc, bool nul_space);
void interpret_do_key(struct sb *b, struct span v, int esc);
void interpret_do_mode(struct sb *b, struct span v);
void interpret_do_caps(struct sb *b, struct span v);

#endif
