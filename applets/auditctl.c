/* auditctl - get and set the kernel's audit status; load, list and delete
 * rules (rules: see the rules issue). Reference behaviour: audit 3.0.9
 * auditctl(8), including its exit codes (-1 from the reference's main is
 * exit status 255). Docs: docs/auditctl.8.md */
#include "applet.h"

#include <auditbox/netlink.h>
#include <auditbox/rule.h>
#include <auditbox/tables.h>

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <signal.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <syslog.h>
#include <unistd.h>

/* ref 3.0.9: usage(), byte for byte */
const char auditctl_usage[] =
	"usage: auditctl [options]\n"
	"    -a <l,a>                          Append rule to end of <l>ist with <a>ction\n"
	"    -A <l,a>                          Add rule at beginning of <l>ist with <a>ction\n"
	"    -b <backlog>                      Set max number of outstanding audit buffers\n"
	"                                      allowed Default=64\n"
	"    -c                                Continue through errors in rules\n"
	"    -C f=f                            Compare collected fields if available:\n"
	"                                      Field name, operator(=,!=), field name\n"
	"    -d <l,a>                          Delete rule from <l>ist with <a>ction\n"
	"                                      l=task,exit,user,exclude,filesystem\n"
	"                                      a=never,always\n"
	"    -D                                Delete all rules and watches\n"
	"    -e [0..2]                         Set enabled flag\n"
	"    -f [0..2]                         Set failure flag\n"
	"                                      0=silent 1=printk 2=panic\n"
	"    -F f=v                            Build rule: field name, operator(=,!=,<,>,<=,\n"
	"                                      >=,&,&=) value\n"
	"    -h                                Help\n"
	"    -i                                Ignore errors when reading rules from file\n"
	"    -k <key>                          Set filter key on audit rule\n"
	"    -l                                List rules\n"
	"    -m text                           Send a user-space message\n"
	"    -p [r|w|x|a]                      Set permissions filter on watch\n"
	"                                      r=read, w=write, x=execute, a=attribute\n"
	"    -q <mount,subtree>                make subtree part of mount point's dir watches\n"
	"    -r <rate>                         Set limit in messages/sec (0=none)\n"
	"    -R <file>                         read rules from file\n"
	"    -s                                Report status\n"
	"    -S syscall                        Build rule: syscall name or number\n"
	"    --signal <signal>                 Send the specified signal to the daemon\n"
	"    -t                                Trim directory watches\n"
	"    -v                                Version\n"
	"    -w <path>                         Insert watch at <path>\n"
	"    -W <path>                         Remove watch at <path>\n"
	"    --loginuid-immutable              Make loginuids unchangeable once set\n"
	"    --backlog_wait_time               Set the kernel backlog_wait_time\n"
	"    --reset-lost                      Reset the lost record counter\n"
	"    --reset_backlog_wait_time_actual  Reset the actual backlog wait time counter\n";

#define AUDITCTL_VERSION "3.0.9"	/* the reference version we mirror */
#define CAP_AUDIT_CONTROL 30

/* setopt() results, as the reference's: */
enum {
	R_REPLY = 0,		/* success, a status reply is to be printed */
	R_ERROR = -1,		/* error: exit 255 */
	R_DONE = -2,		/* success, nothing more to print */
	R_DEPRECATED = -3,	/* deprecated option eaten: exit 0 */
};

enum { EXIT_NOTSUP = 1, EXIT_NOTROOT = 4 };

struct auditctl {
	struct netlink nl;
	int have_status;		/* the status to print after a setter */
	struct audit_status st;
	size_t st_len;
	int syslog_mode;		/* -R: audit_msg() goes to syslog */
	const char *file;		/* -R file, for FILE:LINE: messages */
	int dry;			/* validation pass: touch no kernel */
	int bad_lines;			/* found by the validation pass */
	struct rule_builder b;		/* last: large */
};

/* The reference's audit_can_control(): CAP_AUDIT_CONTROL in the effective
 * set (libcap-ng), or euid 0 where /proc cannot tell. */
static int can_control(void)
{
	FILE *f = fopen("/proc/self/status", "re");
	char line[256];
	int r = -1;

	if (f) {
		while (fgets(line, sizeof line, f)) {
			uint64_t caps;

			if (strncmp(line, "CapEff:", 7))
				continue;
			if (scan_u64(line + 7 + strspn(line + 7, " \t"), 16,
				     &caps))
				r = (caps >> CAP_AUDIT_CONTROL) & 1;
			break;
		}
		fclose(f);
	}
	return r >= 0 ? r : geteuid() == 0;
}

static const char *enable_name(uint32_t e)
{
	static const char *const n[] = { "disable", "enabled",
					  "enabled+immutable" };
	return e < 3 ? n[e] : "unknown";
}

static const char *failure_name(uint32_t f)
{
	static const char *const n[] = { "silent", "printk", "panic" };
	return f < 3 ? n[f] : "unknown";
}

/* ref 3.0.9: audit_print_reply() for AUDIT_GET */
static void print_status(const struct audit_status *s, int interpret)
{
	if (interpret)
		printf("enabled %s\nfailure %s\n", enable_name(s->enabled),
		       failure_name(s->failure));
	else
		printf("enabled %u\nfailure %u\n", s->enabled, s->failure);
	printf("pid %u\nrate_limit %u\nbacklog_limit %u\nlost %u\nbacklog %u\n",
	       s->pid, s->rate_limit, s->backlog_limit, s->lost, s->backlog);
	printf("backlog_wait_time %u\n", s->backlog_wait_time);
	/* Kernels before 5.10 send no backlog_wait_time_actual: it reads
	 * as 0 here (the reference prints whatever its buffer held). */
	printf("backlog_wait_time_actual %u\n", s->backlog_wait_time_actual);
}

static void print_features(const struct audit_features *f)
{
	uint32_t m = AUDIT_FEATURE_TO_MASK(AUDIT_FEATURE_LOGINUID_IMMUTABLE);

	if (f->mask & m)
		printf("loginuid_immutable %u %s\n", !!(f->features & m),
		       f->lock & m ? "locked" : "unlocked");
}

static int report_status(struct auditctl *c)
{
	struct audit_status st;
	struct audit_features f;
	size_t len;
	int r;

	if (c->dry)
		return R_DONE;
	r = netlink_status_get(&c->nl, &st, &len);

	if (r == -ECONNREFUSED) {
		ref_msg("The audit system is disabled");
		return R_ERROR;
	}
	if (r < 0) {
		ref_msg("Error sending status request (%s)", strerror(-r));
		return R_ERROR;
	}
	print_status(&st, c->b.interpret);
	r = netlink_features_get(&c->nl, &f);
	if (r == -EINVAL)	/* kernel without the features API */
		return R_DONE;
	if (r < 0) {
		ref_msg("Error getting feature (%s)", strerror(-r));
		return R_ERROR;
	}
	print_features(&f);
	return R_DONE;
}

/* The reference's numeric check for -r, -b and --backlog_wait_time:
 * a leading digit, then strtoul(…, 0). We also refuse trailing garbage
 * and values above 2^32-1, which the reference wraps (docs/compat.md). */
static int parse_u32_arg(const char *s, uint32_t *v, int *overflow)
{
	uint64_t u;
	size_t n;

	*overflow = 0;
	if (!s || !isdigit((unsigned char)s[0]))
		return -1;
	n = scan_u64(s, 0, &u);
	if (n == 0) {
		*overflow = 1;	/* only digits, too many of them */
		return -1;
	}
	if (s[n] != 0)
		return -1;
	if (u > UINT32_MAX) {
		*overflow = 1;
		return -1;
	}
	*v = (uint32_t)u;
	return 0;
}

struct setter {
	uint32_t mask;
	const char *what;	/* "Error sending %s request" */
	const char *name;	/* "%s must be a numeric value was" */
	const char *conv;	/* "Error converting %s" */
};

static const struct setter set_rate = { AUDIT_STATUS_RATE_LIMIT,
	"rate limit", "Rate", "rate" };
static const struct setter set_backlog = { AUDIT_STATUS_BACKLOG_LIMIT,
	"backlog limit", "Backlog", "backlog" };
/* ref 3.0.9: libaudit says "backlog limit" for this one too */
static const struct setter set_bwt = { AUDIT_STATUS_BACKLOG_WAIT_TIME,
	"backlog limit", "Backlog_wait_time", "backlog_wait_time" };

/* AUDIT_SET of one value, then (as the reference) a status request whose
 * answer is printed when the command line is done. */
static int set_value(struct auditctl *c, uint32_t mask, uint32_t v,
		     const char *what)
{
	struct audit_status s = { .mask = mask };
	int r;

	if (c->dry)
		return 0;
	switch (mask) {
	case AUDIT_STATUS_ENABLED: s.enabled = v; break;
	case AUDIT_STATUS_FAILURE: s.failure = v; break;
	case AUDIT_STATUS_RATE_LIMIT: s.rate_limit = v; break;
	case AUDIT_STATUS_BACKLOG_LIMIT: s.backlog_limit = v; break;
	case AUDIT_STATUS_BACKLOG_WAIT_TIME: s.backlog_wait_time = v; break;
	}
	r = netlink_status_set(&c->nl, &s);
	if (r < 0) {
		if (r != -ECONNREFUSED)
			ref_msg("Error sending %s request (%s)", what,
				strerror(-r));
		errno = -r;
		return -1;
	}
	if (!c->have_status &&
	    netlink_status_get(&c->nl, &c->st, &c->st_len) == 0)
		c->have_status = 1;
	return 0;
}

static int set_numeric(struct auditctl *c, const struct setter *sp,
		       const char *arg)
{
	uint32_t v;
	int overflow;

	if (parse_u32_arg(arg, &v, &overflow) < 0) {
		if (overflow)
			ref_msg("Error converting %s", sp->conv);
		else
			ref_msg("%s must be a numeric value was %s", sp->name,
				arg ? arg : "(null)");
		return R_ERROR;
	}
	return set_value(c, sp->mask, v, sp->what) < 0 ? R_ERROR : R_REPLY;
}

/* --reset-lost and --reset_backlog_wait_time_actual: the kernel answers
 * with the counter's old value in the ack. */
static int reset_counter(struct auditctl *c, uint32_t mask, const char *name,
			 const char *what)
{
	struct audit_status s = { .mask = mask };
	int r;

	if (c->dry)
		return R_DONE;
	if (mask == AUDIT_STATUS_LOST) {
		struct audit_status st;

		if (netlink_status_get(&c->nl, &st, NULL) < 0 ||
		    !(st.feature_bitmap & AUDIT_FEATURE_BITMAP_LOST_RESET)) {
			ref_msg("Field option not supported by kernel: %s",
				name);
			return R_ERROR;
		}
	}
	r = netlink_status_set(&c->nl, &s);
	if (r < 0) {
		ref_msg("Error sending %s request (%s)", what, strerror(-r));
		errno = -r;
		return R_ERROR;
	}
	ref_msg("%s: %u", name, (unsigned)r);
	return R_DONE;
}

/* The reference's audit_msg(): stderr, or syslog while -R has not yet
 * sent a rule (3.0.9 switches back to stderr after the first add or
 * delete). direct: its fprintf(stderr) messages, always on stderr. */
static void say(void *ctx, int direct, const char *msg)
{
	struct auditctl *c = ctx;

	if (c->dry)
		return;
	if (c->syslog_mode && !direct)
		syslog(LOG_ERR, "%s", msg);
	else
		ref_msg("%s", msg);
}

struct rule_set {
	struct audit_rule_data **r;
	size_t *len;
	size_t n, cap;
};

static int collect_rule(void *ctx, const struct audit_rule_data *r,
			size_t len)
{
	struct rule_set *s = ctx;

	if (s->n == s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 16;
		void *a = realloc(s->r, cap * sizeof *s->r);
		void *b = a ? realloc(s->len, cap * sizeof *s->len) : NULL;

		if (!a || !b) {
			free(a ? a : NULL);
			die(1, "out of memory");
		}
		s->r = a;
		s->len = b;
		s->cap = cap;
	}
	s->r[s->n] = malloc(len);
	if (!s->r[s->n])
		die(1, "out of memory");
	memcpy(s->r[s->n], r, len);
	s->len[s->n++] = len;
	return 0;
}

static void free_set(struct rule_set *s)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		free(s->r[i]);
	free(s->r);
	free(s->len);
}

/* -l: "No rules" when the kernel sent none at all; rules not matching
 * -k are skipped (and then nothing is printed, as the reference). */
static int list_rules(struct auditctl *c)
{
	struct rule_set s = { 0 };
	char *buf;
	size_t i;
	int r = netlink_rule_list(&c->nl, collect_rule, &s);

	if (r < 0) {
		free_set(&s);
		ref_msg("Error sending rule list data request (%s)",
			strerror(-r));
		return -1;
	}
	if (!s.n)
		puts("No rules");
	buf = malloc(RULE_BUF_MAX);
	if (!buf)
		die(1, "out of memory");
	for (i = 0; i < s.n; i++)
		if (rule_key_match(s.r[i], s.len[i], c->b.key)) {
			rule_format(buf, RULE_BUF_MAX, s.r[i], s.len[i],
				    c->b.interpret, c->b.machine);
			fputs(buf, stdout);
		}
	free(buf);
	free_set(&s);
	return 0;
}

/* delete_all_rules(): every rule (carrying the -k key, if any). */
static int delete_all(struct auditctl *c)
{
	struct rule_set s = { 0 };
	size_t i;
	int r = netlink_rule_list(&c->nl, collect_rule, &s), rc = 0;

	if (r < 0) {
		ref_msg("Error receiving rules list (%s)", strerror(-r));
		rc = -1;
	}
	for (i = 0; i < s.n; i++) {
		if (rc == 0 && rule_key_match(s.r[i], s.len[i], c->b.key)) {
			r = netlink_rule_del(&c->nl, s.r[i], s.len[i]);
			if (r < 0) {
				ref_msg("Error deleting rule (%s)",
					strerror(-r));
				rc = -1;
			}
		}
	}
	free_set(&s);
	return rc;
}

/* -s [-i] */
static int opt_status(struct auditctl *c, struct rule_builder *b)
{
	if (b->argc > 3) {
		ref_msg("Too many options for status command");
		return RULE_ERROR;
	}
	if (b->optind == 2 && b->argc == 3) {
		if (strcmp(b->argv[b->optind], "-i")) {
			ref_msg("Only -i option is allowed");
			return RULE_ERROR;
		}
		b->interpret = 1;
		b->argc--;
	}
	return report_status(c);
}

/* -l [-k key | -i] */
static int opt_list_rules(struct auditctl *c, struct rule_builder *b)
{
	if (b->argc > 4) {
		ref_msg("Wrong number of options for list request");
		return RULE_ERROR;
	}
	if (b->argc == 3) {
		if (!b->argv[b->optind] || strcmp(b->argv[b->optind], "-i")) {
			ref_msg("Only -k or -i options are allowed");
			return RULE_ERROR;
		}
		b->interpret = 1;
		b->argc--;
	} else if (b->argc == 4) {
		if (!b->argv[b->optind] || strcmp(b->argv[b->optind], "-k")) {
			ref_msg("Only -k or -i options are allowed");
			return RULE_ERROR;
		}
		strncat(b->key, b->argv[3], b->keylen);
		b->argc -= 2;
	}
	b->list_requested = 1;
	if (c->dry)
		return RULE_DONE;
	return list_rules(c) < 0 ? RULE_ERROR : RULE_DONE;
}

/* -D [-k key] */
static int opt_delete_all(struct auditctl *c, struct rule_builder *b)
{
	if (b->argc > 4 || b->argc == 3) {
		ref_msg("Wrong number of options for Delete all request");
		return RULE_ERROR;
	}
	if (b->argc == 4) {
		if (strcmp(b->argv[b->optind], "-k")) {
			ref_msg("Only the -k option is allowed");
			return RULE_ERROR;
		}
		strncat(b->key, b->argv[3], b->keylen);
		b->argc -= 2;
	}
	if (c->dry)
		return RULE_DONE;
	if (delete_all(c) < 0)
		return RULE_ERROR;
	b->list_requested = 1;
	list_rules(c);
	b->key[0] = 0;
	return RULE_DONE;
}

/* -m text: an AUDIT_USER message, as audit_log_user_message() words it */
static int opt_message(struct auditctl *c, struct rule_builder *b,
		       const char *arg)
{
	char exe[512], msg[8192], tty[64] = "?";
	const char *p;
	ssize_t n;
	int r;

	if (b->argc > 3) {
		ref_msg("The -m option must be only the only option and "
			"takes 1 parameter");
		return RULE_ERROR;
	}
	for (p = arg; *p; p++)
		if ((signed char)*p < 32) {
			ref_msg("Illegal character in audit event");
			return RULE_ABORT;
		}
	if (c->dry)
		return RULE_DONE;
	n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	exe[n > 0 ? n : 0] = 0;
	if (n <= 0)
		strcpy(exe, "?");
	if (isatty(0) && ttyname(0))
		snprintf(tty, sizeof tty, "%s", ttyname(0));
	snprintf(msg, sizeof msg,
		 "text=%s exe=\"%s\" hostname=? addr=? terminal=%s res=success",
		 arg, exe, !strncmp(tty, "/dev/", 5) ? tty + 5 : tty);
	r = netlink_user_msg(&c->nl, AUDIT_USER, msg);
	if (r < 0) {
		ref_msg("Error sending user message request (%s)",
			strerror(-r));
		return RULE_ERROR;
	}
	return RULE_DONE;
}

static int opt_equiv(struct auditctl *c, struct rule_builder *b,
		     const char *arg)
{
	char buf[RULE_LINE_MAX], *sub;
	int r;

	if (b->syscall_added) {
		ref_msg("Syscall auditing requested for make equivalent");
		return RULE_ERROR;
	}
	snprintf(buf, sizeof buf, "%s", arg);
	sub = strchr(buf, ',');
	if (!sub || !sub[1] || strchr(sub + 1, ',')) {
		ref_msg("Error parsing equivalent parts");
		return RULE_ERROR;
	}
	*sub++ = 0;
	if (c->dry)
		return RULE_DONE;
	r = netlink_make_equiv(&c->nl, buf, sub);
	if (r < 0) {
		ref_msg("Error sending make_equivalent command (%s)",
			strerror(-r));
		return RULE_ERROR;
	}
	return RULE_DONE;
}

/* --signal: the names 3.0.9 knows (numbers are refused, as there). */
static int opt_signal(struct auditctl *c, const char *arg)
{
	static const struct { const char *name; int sig; } sigs[] = {
		{ "TERM", SIGTERM }, { "HUP", SIGHUP }, { "USR1", SIGUSR1 },
		{ "USR2", SIGUSR2 }, { "CONT", SIGCONT },
	};
	struct audit_status st;
	size_t i;
	int sig = 0, r;

	for (i = 0; i < sizeof sigs / sizeof *sigs; i++)
		if (!strcasecmp(arg, sigs[i].name))
			sig = sigs[i].sig;
	if (!sig) {
		ref_msg("%s is an unsupported signal", arg);
		return RULE_ERROR;
	}
	if (c->dry)
		return RULE_DONE;
	r = netlink_status_get(&c->nl, &st, NULL);
	if (r < 0) {
		if (r == -ECONNREFUSED)
			ref_msg("The audit system is disabled");
		return RULE_ERROR;
	}
	if (st.pid == 0) {
		ref_msg("Auditd is not running");
		return RULE_DONE;
	}
	if (kill((pid_t)st.pid, sig) < 0) {
		ref_msg("Failed sending signal to auditd (%s)",
			strerror(errno));
		return RULE_ERROR;
	}
	return RULE_DONE;
}

/* AUDIT_SET_FEATURE loginuid_immutable, locked. Never run in tests. */
static int opt_loginuid_immutable(struct auditctl *c)
{
	uint32_t m = AUDIT_FEATURE_TO_MASK(AUDIT_FEATURE_LOGINUID_IMMUTABLE);
	struct audit_features f = { .vers = AUDIT_FEATURE_VERSION,
				    .mask = m, .features = m, .lock = m };
	int r;

	if (c->dry)
		return RULE_DONE;
	r = netlink_features_set(&c->nl, &f);
	if (r < 0) {
		ref_msg("Error setting feature (%s)", strerror(-r));
		return RULE_ERROR;
	}
	return RULE_DONE;
}

/* The kernel-facing options of setopt(), called by rule_parse(). */
static int control(void *ctx, struct rule_builder *b, int opt,
		   const char *arg)
{
	struct auditctl *c = ctx;
	int r;

	switch (opt) {
	case 'h':
		fputs(auditctl_usage, stdout);
		return RULE_ERROR;
	case 's':
		return opt_status(c, b);
	case 'e': case 'f':
		if (arg && (!strcmp(arg, "0") || !strcmp(arg, "1") ||
			    !strcmp(arg, "2"))) {
			if (set_value(c, opt == 'e' ? AUDIT_STATUS_ENABLED :
				      AUDIT_STATUS_FAILURE,
				      (uint32_t)(arg[0] - '0'), opt == 'e' ?
				      "enable" : "failure mode") < 0)
				return opt == 'f' ? RULE_ABORT : RULE_ERROR;
			return RULE_REPLY;
		}
		ref_msg("%s must be 0, 1, or 2 was %s",
			opt == 'e' ? "Enable" : "Failure", arg);
		return RULE_ERROR;
	case 'r': case 'b': case RULE_OPT_BACKLOG_WAIT_TIME:
		r = set_numeric(c, opt == 'r' ? &set_rate : opt == 'b' ?
				&set_backlog : &set_bwt, arg);
		return r < 0 ? RULE_ABORT : RULE_REPLY;
	case 'l':
		return opt_list_rules(c, b);
	case 'D':
		return opt_delete_all(c, b);
	case 'm':
		return opt_message(c, b, arg);
	case 'q':
		return opt_equiv(c, b, arg);
	case 't':
		if (c->dry)
			return RULE_DONE;
		r = netlink_trim(&c->nl);
		if (r < 0) {
			ref_msg("Error sending trim subtrees command (%s)",
				strerror(-r));
			return RULE_ERROR;
		}
		return RULE_DONE;
	case 'v':
		printf("auditctl version %s\n", AUDITCTL_VERSION);
		return RULE_DONE;
	case RULE_OPT_LOGINUID_IMMUTABLE:
		return opt_loginuid_immutable(c);
	case RULE_OPT_RESET_LOST:
		return reset_counter(c, AUDIT_STATUS_LOST, "lost",
				     "lost reset");
	case RULE_OPT_RESET_BWT_ACTUAL:
		return reset_counter(c, AUDIT_STATUS_BACKLOG_WAIT_TIME_ACTUAL,
				     "backlog_wait_time_actual",
				     "backlog wait time actual reset");
	case RULE_OPT_SIGNAL:
		return opt_signal(c, arg);
	}
	return RULE_ERROR;
}

/* The reference's is_ready(): no rule changes in immutable mode. */
static int is_ready(struct auditctl *c)
{
	int r = netlink_rule_ready(&c->nl);

	if (r == 1) {
		say(c, 0, "The audit system is in immutable mode, no rule "
		    "changes allowed");
		return 0;
	}
	if (r == -ECONNREFUSED) {
		say(c, 0, "The audit system is disabled");
		return 0;
	}
	return 1;
}

/* handle_request(): 0 ok, -1 error. */
static int handle_request(struct auditctl *c, int status)
{
	struct rule_builder *b = &c->b;
	size_t len;
	int r, del;

	if (status == RULE_REPLY) {
		if (b->syscall_added) {
			say(c, 0, "Error - no list specified");
			return -1;
		}
		if (c->have_status && !c->dry)
			print_status(&c->st, b->interpret);
		c->have_status = 0;
		return 0;
	}
	if (status == RULE_DONE)
		return 0;
	if (status != RULE_SEND)
		return -1;
	if (b->add == RULE_FILTER_UNSET && b->del == RULE_FILTER_UNSET) {
		fputs(auditctl_usage, stdout);
		exit(1);
	}
	del = b->add == RULE_FILTER_UNSET;
	len = rule_finish(b);
	if (c->dry)
		return 0;
	c->syslog_mode = 0;	/* ref 3.0.9: stderr from here on */
	r = del ? netlink_rule_del(&c->nl, b->rule, len) :
		  netlink_rule_add(&c->nl, b->rule, len);
	if (r == -EINVAL && b->rule->fields[0] == AUDIT_DIR) {
		b->rule->fields[0] = AUDIT_WATCH;
		r = del ? netlink_rule_del(&c->nl, b->rule, len) :
			  netlink_rule_add(&c->nl, b->rule, len);
	} else if (r < 0) {
		ref_msg("Error sending %s rule data request (%s)",
			del ? "delete" : "add",
			r == -EEXIST ? "Rule exists" : strerror(-r));
	}
	return r < 0 ? -1 : 0;
}

static uint32_t kernel_features(struct auditctl *c)
{
	struct audit_status st;

	if (netlink_status_get(&c->nl, &st, NULL) < 0)
		return 0;
	return st.feature_bitmap;
}

/* Every line of a rules file through fn; 0, or -1 when fn stops it. The
 * reference reads with fgets(6144): a longer line goes on as the next. */
static int each_line(struct auditctl *c, FILE *f,
		     int (*fn)(struct auditctl *, char **, int))
{
	char buf[RULE_LINE_MAX], *argv[RULE_LINE_MAX / 2 + 4];
	unsigned lineno = 1;

	rewind(f);
	while (fgets(buf, sizeof buf, f)) {
		int argc = rule_split_line(buf, argv, sizeof argv / sizeof *argv);

		if (argc > 0) {
			c->b.lineno = lineno;
			if (fn(c, argv, argc) < 0)
				return -1;
		}
		lineno++;
	}
	return 0;
}

/* Validation pass: parse only, report FILE:LINE: for syntax errors. */
static int validate_line(struct auditctl *c, char **argv, int argc)
{
	struct diag d = { .file = c->file, .line = c->b.lineno };
	int r;

	rule_reset(&c->b);
	r = rule_parse(&c->b, argc, argv, &d);
	if (r == RULE_ERROR || (r == RULE_REPLY && c->b.syscall_added)) {
		warn_msg("%s:%u: %s", c->file, d.line,
			 d.msg[0] ? d.msg : "invalid rule");
		c->bad_lines++;
	}
	return 0;
}

static int load_line(struct auditctl *c, char **argv, int argc)
{
	char m[PATH_MAX + 64];
	int r;

	rule_reset(&c->b);
	r = rule_parse(&c->b, argc, argv, NULL);
	if (r == RULE_DEPRECATED || handle_request(c, r) == 0)
		return 0;
	snprintf(m, sizeof m, "There was an error in line %u of %s",
		 c->b.lineno, c->file);
	say(c, 0, m);
	if (!c->b.ignore)
		return -1;
	if (c->b.continue_error)
		c->b.continue_error = -1;
	return 0;
}

/* The reference's fileopt() checks; NULL (message said) on failure. */
static FILE *open_rules(struct auditctl *c, const char *file)
{
	struct stat st;
	char m[PATH_MAX + 64];
	FILE *f;
	int fd = open(file, O_RDONLY | O_CLOEXEC);

	if (fd < 0) {
		if (errno != ENOENT)
			snprintf(m, sizeof m, "Error opening %s (%s)", file,
				 strerror(errno));
		else
			snprintf(m, sizeof m,
				 "audit rules file %s doesn't exist", file);
		goto fail;
	}
	if (fstat(fd, &st) < 0) {
		snprintf(m, sizeof m, "Error fstat'ing %s (%s)", file,
			 strerror(errno));
		goto fail_fd;
	}
	if (!S_ISREG(st.st_mode)) {
		snprintf(m, sizeof m, "Error - %s is not a regular file", file);
		goto fail_fd;
	}
	if (st.st_uid != 0) {
		snprintf(m, sizeof m, "Error - %s isn't owned by root", file);
		goto fail_fd;
	}
	if (st.st_mode & S_IWOTH) {
		snprintf(m, sizeof m, "Error - %s is world writable", file);
		goto fail_fd;
	}
	f = fdopen(fd, "r");
	if (f)
		return f;
	snprintf(m, sizeof m, "Error - fdopen failed (%s)", strerror(errno));
fail_fd:
	close(fd);
fail:
	say(c, 0, m);
	warn_msg("%s", m);	/* ours: on stderr too (docs/compat.md) */
	return NULL;
}

/* -R FILE: validate the whole file, then load it (docs/compat.md). */
static int load_file(struct auditctl *c, const char *file)
{
	FILE *f;
	int r;

	c->syslog_mode = 1;
	c->file = file;
	if (!is_ready(c))
		return 1;
	f = open_rules(c, file);
	if (!f)
		return 1;
	c->dry = 1;
	each_line(c, f, validate_line);
	c->dry = 0;
	if (c->bad_lines && !c->b.ignore) {
		warn_msg("%s: %d bad line%s, no rule loaded", file,
			 c->bad_lines, c->bad_lines > 1 ? "s" : "");
		fclose(f);
		return 1;
	}
	c->b.ignore = c->b.continue_error = 0;
	r = each_line(c, f, load_line);
	fclose(f);
	if (r < 0 || c->b.continue_error < 0)
		return 1;
	return 0;
}

int auditctl_main(int argc, char **argv)
{
	struct auditctl *c;
	int r;

	if (argc == 1) {
		fputs(auditctl_usage, stdout);
		return 1;
	}
	if (!(argc == 2 && (!strcmp(argv[1], "--help") ||
			    !strcmp(argv[1], "-h") ||
			    (!strcmp(argv[1], "-l") && geteuid() == 0))) &&
	    !can_control()) {
		ref_msg("You must be root to run this program.");
		return EXIT_NOTROOT;
	}
	c = calloc(1, sizeof *c);
	if (!c)
		die(1, "out of memory");
	r = netlink_open(&c->nl);
	if (r < 0) {
		if (r == -EINVAL || r == -EPROTONOSUPPORT ||
		    r == -EAFNOSUPPORT)
			ref_msg("Error - audit support not in kernel");
		else
			ref_msg("Error opening audit netlink socket (%s)",
				strerror(-r));
		ref_msg("Cannot open netlink audit socket");
		free(c);
		return 1;
	}
	rule_builder_init(&c->b, tables_machine_detect(), kernel_features(c),
			  control, say, c);
	if (argc == 3 && !strcmp(argv[1], "-R")) {
		r = load_file(c, argv[2]);
		goto out;
	}
	r = rule_parse(&c->b, argc, argv, NULL);
	if (r == RULE_DEPRECATED) {
		r = 0;
		goto out;
	}
	if ((c->b.add != RULE_FILTER_UNSET || c->b.del != RULE_FILTER_UNSET) &&
	    !is_ready(c)) {
		r = 1;
		goto out;
	}
	r = handle_request(c, r) < 0 ? 255 : 0;
out:
	netlink_close(&c->nl);
	free(c);
	return r;
}
