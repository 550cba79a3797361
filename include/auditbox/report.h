/* report - aureport's reports over released events (audit 3.0.9
 * aureport-scan.c / aureport-output.c behaviour): which events each report
 * counts, the detailed rows ("N. date time cols...") printed as events
 * come, the ranked summary lists and the main summary printed at the end;
 * and, beyond the reference, the same reports as one JSON document
 * (docs/aureport.8.md). Facts come from search_extract with the criteria
 * report_criteria sets (the reference's "dummy" criteria). Lists grow
 * with the number of distinct values, never per record. */
#ifndef AUDITBOX_REPORT_H
#define AUDITBOX_REPORT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <time.h>

#include <auditbox/event.h>
#include <auditbox/search.h>

/* the reference's report_type_t, in its order (RPT_TIME and RPT_SUMMARY
 * first: "report_type <= RPT_SUMMARY" tracks log times) */
enum report_type {
	RPT_UNSET, RPT_TIME, RPT_SUMMARY, RPT_AVC, RPT_MAC, RPT_CONFIG,
	RPT_EVENT, RPT_FILE, RPT_HOST, RPT_LOGIN, RPT_ACCT_MOD, RPT_PID,
	RPT_SYSCALL, RPT_TERM, RPT_USER, RPT_EXE, RPT_ANOMALY, RPT_RESPONSE,
	RPT_CRYPTO, RPT_AUTH, RPT_KEY, RPT_TTY, RPT_COMM, RPT_VIRT, RPT_INTEG,
};

enum report_detail { D_UNSET, D_SUM, D_DETAILED };
enum report_failed { REPORT_BOTH, REPORT_FAILED, REPORT_SUCCESS };
enum report_conf { REPORT_C_NEITHER, REPORT_C_ADD, REPORT_C_DEL };

struct report_opts {
	int type;			/* enum report_type */
	int detail;			/* enum report_detail */
	bool interpret;			/* -i */
	bool json;			/* --format json (ours) */
	int failed;			/* enum report_failed */
	int conf;			/* enum report_conf (--add/--delete) */
	bool no_config;			/* -nc */
	int escape;			/* EVFMT_ESC_*, tty by default */
	const char *const *nodes;	/* --node values */
	int nnodes;
};

/* A set of distinct strings or numbers with their hit counts, kept in
 * the order the reference's lists keep them. */
struct report_list {
	struct report_item {
		uint32_t off, len;	/* strings: in buf */
		int num;		/* numbers */
		unsigned hits;
		uint32_t chain;		/* hash chain, UINT32_MAX ends */
	} *v;
	uint32_t n, cap;
	uint32_t *hash, hmask;		/* heads, UINT32_MAX: empty */
	char *buf;
	size_t bused, bcap;
	bool numeric;
};

struct report_when {
	uint64_t sec;
	unsigned milli;
};

struct report {
	struct report_opts o;
	FILE *out;
	unsigned line_item;
	bool found;			/* a detailed row was printed */
	bool rows;			/* json: a row was written */
	bool oom;
	/* the main summary's counters */
	unsigned long changes, crypto, acct_changes, good_logins, bad_logins,
		good_auth, bad_auth, events, avcs, mac, failed_syscalls,
		anomalies, responses, virt, integ;
	struct report_list users, terms, files, hosts, exes, comms, avc_objs,
		keys, pids, sys_list, anom_list, mac_list, resp_list,
		crypto_list, virt_list, integ_list;
	/* the event being reported */
	const struct event_table *t;
	const struct event *e;
	const struct search_items *it;
	struct span enrich;		/* its interpretations (see report.c) */
	char date[64];
	uint64_t date_sec;
	bool date_ok;
	/* uid names looked up (getpwuid), failures too */
	struct { uint32_t id; bool ok; char name[64]; } names[64];
	unsigned nnames;
};

/* Sets the search criteria whose extraction the report needs (the
 * reference's dummy event_* values; success and pid always). */
void report_criteria(const struct report_opts *o, struct search_criteria *c);

/* Prepares r for writing to out. */
void report_init(struct report *r, const struct report_opts *o, FILE *out);

/* Frees the lists. */
void report_fini(struct report *r);

/* The title block, before any input is read (with --summary on -t or
 * --tty: returns -1, the reference's "Unimplemented option"). */
int report_title(struct report *r);

/* One released event whose facts were extracted without error: the
 * node, --failed/--success and config filters, then counting or its
 * detailed row(s). */
void report_event(struct report *r, const struct event_table *t,
		  const struct event *e, const struct search_items *it);

/* -t: one log file's first and last event (have: any event). */
void report_log_range(struct report *r, const char *file, bool have,
		      struct report_when first, struct report_when last);

/* The end: summary output (main summary: the log's first and last event
 * and the selected range), "<no events of interest were found>" for an
 * empty detailed report. Returns the exit code (1: empty detailed
 * report, as the reference). */
int report_finish(struct report *r, struct report_when very_first,
		  struct report_when very_last, time_t start, time_t end);

/* Exposed for the unit tests: adds a value (string or number) to a
 * list, then the reference's final order (numbers ascending before, then
 * a stable sort by hits, most first). */
void report_list_add(struct report *r, struct report_list *l, const char *s,
		     size_t n, int num);
void report_list_sort(struct report_list *l);

#endif
