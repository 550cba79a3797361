/* auditctl.h - private to auditctl.c and auditctl_ctl.c: the applet's
 * state and its kernel-facing half (status, setters, list, delete, -m,
 * -q, -t, --signal, sending rules), called by rule_parse() through the
 * control and message callbacks. */
#ifndef AUDITBOX_AUDITCTL_H
#define AUDITBOX_AUDITCTL_H

#include <auditbox/netlink.h>
#include <auditbox/rule.h>

#define AUDITCTL_VERSION "3.0.9"	/* the reference version we mirror */

struct auditctl {
	struct netlink nl;
	int refused;			/* the kernel said ECONNREFUSED */
	int have_status;		/* the status to print after a setter */
	struct audit_status st;
	size_t st_len;
	int syslog_mode;		/* -R: audit_msg() goes to syslog */
	int dry;			/* validation pass: touch no kernel */
	char dry_msg[256];		/* dry: the last message, unprinted */
	char dry_log[1024];		/* dry: this line's messages, each a
					 * 'd'/'a' (direct / audit_msg) byte,
					 * the text and a NUL */
	size_t dry_len;
	int dry_sent;			/* dry: a rule would have been sent */
	int bad_lines;			/* found by the validation pass */
	int first_bad_sent;		/* dry_sent at the first bad line */
	unsigned first_bad_line;	/* its line and file, and its */
	const char *first_bad_file;	/* messages (dry_log) */
	char first_bad_log[1024];
	size_t first_bad_len;
	int check_quiet;		/* validation pass without FILE:LINE */
	struct rule_builder b;		/* last: large */
};

/* rule_msg_fn: the reference's audit_msg() (stderr, or syslog during -R
 * until a rule was sent); in a dry pass kept in dry_msg. */
void auditctl_say(void *ctx, int direct, const char *msg);
/* openlog(ident, 0, LOG_USER) for auditctl_say()'s syslog messages */
void auditctl_openlog(const char *ident);
/* rule_control_fn: the kernel-facing options of the reference's
 * setopt(). Returns a rule_result. */
int auditctl_control(void *ctx, struct rule_builder *b, int opt,
		     const char *arg);
/* The reference's is_ready(): 1 when rules may change, else 0 (said). */
int auditctl_is_ready(struct auditctl *c);
/* The reference's handle_request() for a rule_parse() result: sends the
 * rule or prints the pending status. 0 ok, -1 error. */
int auditctl_request(struct auditctl *c, int status);
/* The kernel's AUDIT_FEATURE_BITMAP_* (0 when it cannot tell). */
uint32_t auditctl_features(struct auditctl *c);

#endif
