/* rule - audit.rules(7) / auditctl(8) rule syntax <-> struct
 * audit_rule_data, as the reference 3.0.9 (libaudit + auditctl setopt())
 * compiles it: same field order, values, errors and messages. All state
 * lives in a caller-owned struct rule_builder. Options that act on the
 * kernel (-s -e -l -D -m ...) go to the caller's control callback, in
 * command-line order. Listing (-l) is rule_format(). */
#ifndef AUDITBOX_RULE_H
#define AUDITBOX_RULE_H

#include <stddef.h>
#include <stdint.h>
#include <auditbox/diag.h>
#include <auditbox/uapi/audit.h>

/* Largest rule: the kernel's 64 fields, PATH_MAX-long strings. */
#define RULE_BUF_MAX (AUDIT_MAX_FIELDS * 4096)
/* Rules-file line size, as the reference. */
#define RULE_LINE_MAX 6144
/* The list bits of rule flags (libaudit's AUDIT_FILTER_MASK). */
#define RULE_FILTER_MASK 0x07
/* "No list" marker for rule_builder.add/del, as the reference's. */
#define RULE_FILTER_UNSET 0x80

/* setopt() results, as the reference's. */
enum rule_result {
	RULE_NONE = 2,		/* control callback: keep the result so far */
	RULE_SEND = 1,		/* a rule to add or delete */
	RULE_REPLY = 0,		/* a reply (status) is to be printed */
	RULE_ERROR = -1,
	RULE_DONE = -2,		/* success, nothing more to do */
	RULE_DEPRECATED = -3,	/* "possible" eaten: success */
	RULE_ABORT = -4,	/* control callback: error, stop at once (the
				 * reference's "return -1" inside setopt) */
};

/* Long options, as their val. */
enum rule_longopt {
	RULE_OPT_LOGINUID_IMMUTABLE = 1,
	RULE_OPT_BACKLOG_WAIT_TIME,
	RULE_OPT_RESET_LOST,
	RULE_OPT_RESET_BWT_ACTUAL,
	RULE_OPT_SIGNAL,
};

struct rule_builder;

/* Performs a control option (s e f r b l D m t q v h and the long
 * options) for rule_parse(); returns a rule_result. b->argc, b->argv and
 * b->optind are the reference's count/vars/optind for -s/-l/-D checks;
 * the callback may lower b->argc as the reference does. */
typedef int (*rule_control_fn)(void *ctx, struct rule_builder *b, int opt,
			       const char *arg);
/* Receives each message the reference would print (no newline). direct:
 * the reference writes it to stderr itself (fprintf), not through its
 * audit_msg() (which -R sends to syslog until a rule was sent). */
typedef void (*rule_msg_fn)(void *ctx, int direct, const char *msg);

struct rule_builder {
	/* set by the caller (rule_builder_init), kept across rule_reset */
	int machine;		/* native machine (tables_machine_detect) */
	uint32_t features;	/* kernel AUDIT_FEATURE_BITMAP_* */
	rule_control_fn control;
	rule_msg_fn msg;
	void *ctx;
	unsigned lineno;	/* rules-file line, 0 on the command line */
	int ignore, continue_error;	/* -i / -c seen (sticky) */
	int interpret;		/* -i after -s/-l */
	/* per command (rule_reset) */
	int add, del, action;	/* list|flags or RULE_FILTER_UNSET, -1 */
	int exclude, multiple, list_requested;
	int syscall_added, perm_added, arch_added, exe_added, fs_added;
	uint32_t elf;		/* arch given with -F arch, 0 if none */
	char key[AUDIT_MAX_KEY_LEN + 1];
	unsigned keylen;
	int argc, optind;	/* for the control callback */
	char **argv;
	struct diag *diag;	/* of the rule_parse() in progress */
	struct audit_rule_data *rule;	/* points into storage */
	union {
		struct audit_rule_data r;
		char b[sizeof(struct audit_rule_data) + RULE_BUF_MAX];
	} storage;
};

/* Sets up a builder: native machine, kernel features, callbacks. */
void rule_builder_init(struct rule_builder *b, int machine,
		       uint32_t features, rule_control_fn control,
		       rule_msg_fn msg, void *ctx);
/* Clears the per-command state (the reference's reset_vars()). */
void rule_reset(struct rule_builder *b);

/* The reference's setopt(): walks one command (argv[0] is the program
 * name), compiles the rule into b->rule and calls the control callback
 * for the other options. Returns a rule_result; on RULE_ERROR diag holds
 * the (last) message. argv may be permuted, and strings in it modified
 * (-F pairs are split in place, as the reference does). */
int rule_parse(struct rule_builder *b, int argc, char **argv,
	       struct diag *d);

/* Completes a rule to send: "-S all" when no syscall was given (list not
 * task). Returns the rule's size in bytes. */
size_t rule_finish(struct rule_builder *b);

/* libaudit's audit_rule_fieldpair_data() on b->rule ("-F" body; pair is
 * split in place). 0 or a negative code for rule_errmsg(). */
int rule_fieldpair(struct rule_builder *b, char *pair, int flags);
/* The reference's message for a fieldpair/compare code, with opt placed
 * as it places it; "" for codes that print nothing. */
void rule_errmsg(char *out, size_t cap, int code, const char *opt);

/* Splits one rules-file line in place, as the reference's fileopt():
 * tokens separated by spaces only, "\ " and "\\" escapes. argv[0] is set
 * to "auditctl". Returns argc, 0 for a blank or comment line. */
int rule_split_line(char *line, char **argv, int max);

/* Writes the "auditctl -l" text of one kernel rule (with its newline) to
 * out, snprintf style. interpret: -l -i forms. */
size_t rule_format(char *out, size_t cap, const struct audit_rule_data *r,
		   size_t len, int interpret, int native_machine);
/* 1 when the rule carries a key containing key (the -l -k / -D -k
 * filter; "" matches every rule). */
int rule_key_match(const struct audit_rule_data *r, size_t len,
		   const char *key);

#endif
