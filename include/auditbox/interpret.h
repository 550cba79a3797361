/* interpret - audit field values into words, as `ausearch -i` prints them
 * (REFERENCE.md 8.5; audit 3.0.9 auparse interpretations): user and group
 * names, arch and syscall names, errno names, open flags, file modes,
 * capabilities, sockaddrs, hex strings. ENRICHED names stored in the log
 * win over local lookups. Output goes to caller memory; name caches are
 * fixed tables in struct interp. */
#ifndef AUDITBOX_INTERPRET_H
#define AUDITBOX_INTERPRET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <auditbox/event.h>
#include <auditbox/span.h>

/* uid/gid names: INTERP_CACHE entries in sets of INTERP_WAYS chosen by
 * a hash of the id (failed lookups are kept too) */
#define INTERP_CACHE 1024
#define INTERP_WAYS 4

struct interp {
	struct {
		uint32_t id;
		bool group, used;
		char name[40];
	} cache[INTERP_CACHE];
	unsigned next;
	/* /etc/protocols, read on first use (getprotobynumber's answers) */
	bool proto_loaded;
	unsigned nproto;
	struct {
		int num;
		char name[32];
	} proto[256];
	/* interpret_record: "%x %T" of the second written last */
	uint64_t tsec;
	size_t tlen;		/* 0: none yet */
	char tbuf[64];
};

/* What a record's interpretation needs from the rest of its event. */
struct interp_event {
	uint32_t arch;		/* from the SYSCALL record, 0 if none */
	int syscall;		/* -1 if none */
	bool have_syscall;
	uint64_t a0, a1;	/* the SYSCALL record's, for context */
};

/* Empties the caches. */
void interpret_init(struct interp *ip);

/* Gathers arch and syscall from the event's records. */
void interpret_event_init(struct interp_event *ie,
			  const struct event_rec *const *recs, size_t n);

/* Writes the interpreted form of record r ("type=... msg=audit(%x %T.ms:
 * serial) : f=v ... \n") into out (cap bytes, NUL-terminated, truncated
 * when short), line end included: as ausearch 3.0.9 -i, a second '\n'
 * after an unparsed rest, none after a stamp without ')'. Returns the
 * length it needed (snprintf convention). */
size_t interpret_record(struct interp *ip, const struct interp_event *ie,
			const struct event_rec *r, char *out, size_t cap,
			int escape);

/* Interprets one field value of record type rtype into out; returns the
 * length needed. The raw value is copied when nothing applies. */
size_t interpret_field(struct interp *ip, const struct interp_event *ie,
		       int rtype, struct span name, struct span value,
		       struct span enrich, char *out, size_t cap);

/* The ENRICHED tail of one record as auditd writes it: "\x1dNAME=value
 * ..." for its uid, gid, arch, syscall and sockaddr fields (user records'
 * msg='...' too), or nothing when it has none. text[len] is the kernel
 * text ("audit(...): body"). The caches are emptied around the records
 * that change users and groups. Returns the length it needed (snprintf
 * convention; out NUL-terminated). */
size_t interpret_enrich(struct interp *ip, int rtype, const char *text,
			size_t len, char *out, size_t cap);

/* interpret_field with an --escape mode (EVFMT_ESC_*: 0 raw, 1 tty,
 * 2 shell, 3 shell_quote) instead of tty. */
size_t interpret_field_esc(struct interp *ip, const struct interp_event *ie,
			   int rtype, struct span name, struct span value,
			   struct span enrich, char *out, size_t cap,
			   int escape);

/* Argument a<which> (0..3) of syscall number syscall on the machine of
 * ELF audit arch value arch, as ausearch -i prints it (and auditctl -l
 * -i): value is the hex text as logged ("ffffff9c"); a0 and a1 are the
 * first two arguments' values (prctl, fcntl, open read them). Writes into
 * out (cap bytes, NUL-terminated); returns the length needed. */
size_t interpret_syscall_arg(struct interp *ip, uint32_t arch, int syscall,
			     int which, struct span value, uint64_t a0,
			     uint64_t a1, char *out, size_t cap);

#endif
