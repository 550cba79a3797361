/* search - ausearch's criteria and the per-event facts they are checked
 * against, extracted record by record the way ausearch 3.0.9 does
 * (ausearch(8) "-p -k -f ..."; its per-type field rules, including the
 * cases where a record without the wanted field makes the whole event
 * fail to match). Shared with aureport. No allocation: decoded strings go
 * to an arena inside struct search_items, reset per event. */
#ifndef AUDITBOX_SEARCH_H
#define AUDITBOX_SEARCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include <auditbox/event.h>
#include <auditbox/span.h>

#define SEARCH_MAX_TYPES 64
#define SEARCH_MAX_NODES 16
#define SEARCH_MAX_STRS 64
#define SEARCH_ARENA 16384
#define SEARCH_MAX_AVC 16

enum { AVC_UNSET = 0, AVC_DENIED = 1, AVC_GRANTED = 2 };

/* One AVC or USER_AVC decision as ref 3.0.9's parser keeps it (aureport
 * -a prints them): result, permission, contexts and class, each absent
 * (has_* false) where the record or the criteria left it unread. */
struct search_avc {
	struct span scon, tcon, cls, perm;
	bool has_scon, has_tcon, has_cls, has_perm;
	int result;			/* AVC_* */
};

enum { S_UNSET = -1, S_FAILED = 0, S_SUCCESS = 1 };

/* What the user asked for; unset values as the reference keeps them. */
struct search_criteria {
	time_t start, end;		/* 0: none */
	long long event_id;		/* -1: none */
	long pid, ppid;			/* -1 */
	uint32_t uid, euid, gid, egid;	/* (uint32_t)-1 */
	uint32_t loginuid;		/* (uint32_t)-2 */
	const char *tuid, *teuid, *tauid; /* names given, or NULL */
	bool ua, ga, se, exact;
	int syscall;			/* -1 */
	int machine;			/* -1, else an ELF AUDIT_ARCH value */
	uint32_t session;		/* (uint32_t)-2 */
	long long exit;
	bool exit_set;
	int success;			/* S_UNSET */
	int types[SEARCH_MAX_TYPES];
	int ntypes;			/* 0: any type */
	const char *nodes[SEARCH_MAX_NODES];
	int nnodes;
	const char *key, *file, *exe, *comm, *host, *terminal;
	const char *subject, *object, *uuid, *vmname;
	bool want_arch;			/* a format needs SYSCALL arch */
	/* events without event.hit do not match, unextracted: set when
	 * the records were read with search_find as scan's prefilter and
	 * the caller ignores why an event did not match (no --debug) */
	bool prefilter;
	/* --debug: told of record types the extraction does not know */
	void (*unparsed)(void *ctx, int type);
	void *unparsed_ctx;
	/* told the reference's stderr messages about odd records
	 * ("sockaddr len too short"), when their extraction runs */
	void (*notice)(void *ctx, const char *text);
	void *notice_ctx;
};

/* Facts of one event; spans point into the records or the arena. */
struct search_items {
	long pid, ppid;
	uint32_t uid, euid, loginuid, gid, egid, session;
	int syscall;
	uint32_t arch;
	long long exit;
	bool exit_set;
	int success;
	struct span comm, exe, host, terminal, cwd;
	bool has_comm, has_exe, has_host, has_terminal, has_cwd;
	struct span tuid, teuid, tauid;
	bool has_tuid, has_teuid, has_tauid;
	struct span files[SEARCH_MAX_STRS], keys[SEARCH_MAX_STRS];
	int nfiles, nkeys;
	struct span subj[SEARCH_MAX_STRS], obj[SEARCH_MAX_STRS];
	int nsubj, nobj;
	struct span vmname, uuid;
	bool has_vmname, has_uuid;
	bool has_avc;			/* an AVC record was parsed */
	struct search_avc avc[SEARCH_MAX_AVC];
	int navc;
	struct span acct;		/* a user record's acct=, decoded */
	bool has_acct;
	size_t cut;	/* malformed: where ref 3.0.9's parser ended the line (0: not) */
	size_t used;
	char arena[SEARCH_ARENA];
	struct span interp;		/* ENRICHED part used for names */
	struct { uint32_t id; char name[32]; } ucache[32]; /* kept */
	unsigned nucache;
};

/* Sets every criterion to "not given". */
void search_criteria_init(struct search_criteria *c);

/* Extracts the facts of e into it. Returns 0, or the reference's
 * non-zero parse code when a record lacks a field a criterion needs
 * (the event then does not match; --debug reports it). */
int search_extract(const struct search_criteria *c, const struct event_table *t,
		   const struct event *e, struct search_items *it,
		   const struct event_rec **bad);

/* True when event e matches every criterion. it receives the facts. */
bool search_match(const struct search_criteria *c, const struct event_table *t,
		  const struct event *e, struct search_items *it,
		  int *rc, const struct event_rec **bad);

/* True when search_find can tell records that cannot match (-k, or -p
 * with a pid above 0) and no skipped record could print a notice (no -hn,
 * no -f). */
bool search_findable(const struct search_criteria *c);

/* Prefilter (a scan_find_fn): the first position in [p, end) where text
 * that may make an event match begins and lies wholly inside [p, end),
 * NULL when there is none. Needs search_findable(c). */
const char *search_find(const struct search_criteria *c, const char *p,
			const char *end);

/* ELF audit arch value to a machine id (the reference's MACH_* order),
 * -1 when unknown. */
int search_elf_to_machine(uint32_t elf);

#endif
