/* auditctl_ctl - auditctl's kernel-facing half: what the reference 3.0.9
 * setopt() does for -s -e -f -r -b -l -D -m -q -t -v and the long
 * options, its handle_request() and is_ready(), with its messages routed
 * as its audit_msg() routes them. Private to auditctl (auditctl.h).
 * Docs: docs/auditctl.8.md */
#include "applet.h"
#include "auditctl.h"

#include <auditbox/tables.h>

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <syslog.h>
#include <time.h>
#include <unistd.h>

/* setopt() results, as the reference's: */
enum {
	R_REPLY = 0,		/* success, a status reply is to be printed */
	R_ERROR = -1,		/* error: exit 255 */
	R_DONE = -2,		/* success, nothing more to print */
};

/* syslog(LOG_ERR, "%s", msg) after openlog(ident, 0, LOG_USER), sending
 * what musl's syslog(3) sends, "<11>Mmm dd hh:mm:ss ident: msg\n" (UTC,
 * 1024 bytes at most) to /dev/log (or the test hook AUDITBOX_SYSLOG_SOCKET),
 * one socket kept open, reconnected once when the daemon went away; without
 * musl's strftime and time zone code (issue 14's size budget). */
static char log_ident[32];
static int log_fd = -1;

void auditctl_openlog(const char *ident)
{
	size_t n = strnlen(ident, sizeof log_ident - 1);

	memcpy(log_ident, ident, n);
	log_ident[n] = '\0';
}

static int log_connect(void)
{
	const char *path = getenv("AUDITBOX_SYSLOG_SOCKET");
	struct sockaddr_un a = { .sun_family = AF_UNIX };

	snprintf(a.sun_path, sizeof a.sun_path, "%s", path ? path : "/dev/log");
	return connect(log_fd, (struct sockaddr *)&a, sizeof a);
}

static void log_err(const char *msg)
{
	static const char mon[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
	char buf[1024];
	time_t t = time(NULL);
	struct tm tm;
	int l, e = errno;

	if (log_fd < 0) {
		log_fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
		if (log_fd >= 0)
			log_connect();
	}
	gmtime_r(&t, &tm);
	l = snprintf(buf, sizeof buf, "<%d>%.3s %2d %02d:%02d:%02d %s: %s",
		     LOG_USER | LOG_ERR, mon + 3 * tm.tm_mon, tm.tm_mday,
		     tm.tm_hour, tm.tm_min, tm.tm_sec, log_ident, msg);
	if (l < 0)
		return;
	if (l > (int)sizeof buf - 1)
		l = (int)sizeof buf - 1;
	if (buf[l - 1] != '\n')
		buf[l++] = '\n';
	if (send(log_fd, buf, (size_t)l, 0) < 0 &&
	    (errno == ECONNREFUSED || errno == ECONNRESET ||
	     errno == ENOTCONN || errno == EPIPE) && log_connect() == 0)
		send(log_fd, buf, (size_t)l, 0);
	errno = e;
}

/* The reference's audit_msg(): stderr, or syslog while -R has not yet
 * sent a rule (3.0.9 switches back to stderr after the first add or
 * delete). direct: its fprintf(stderr) messages, always on stderr. A dry
 * (validation) pass prints nothing: it keeps the last message for
 * FILE:LINE and the line's messages in dry_log. */
void auditctl_say(void *ctx, int direct, const char *msg)
{
	struct auditctl *c = ctx;

	if (c->dry) {
		size_t n = strlen(msg);

		snprintf(c->dry_msg, sizeof c->dry_msg, "%s", msg);
		if (c->dry_len + n + 2 <= sizeof c->dry_log) {
			c->dry_log[c->dry_len++] = direct ? 'd' : 'a';
			memcpy(c->dry_log + c->dry_len, msg, n + 1);
			c->dry_len += n + 1;
		}
	} else if (c->syslog_mode && !direct)
		log_err(msg);
	else
		ref_msg("%s", msg);
}

/* An audit_msg() of setopt() or libaudit. */
__attribute__((format(printf, 2, 3)))
static void msay(struct auditctl *c, const char *fmt, ...)
{
	char buf[640];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	auditctl_say(c, 0, buf);
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
		/* Audit is off in this namespace. The reference waits 8 s and
		 * exits 0 silently; we say why at once (docs/compat.md). */
		msay(c, "The audit system is disabled");
		return R_DONE;
	}
	if (r < 0) {
		msay(c, "Error sending status request (%s)", tables_strerror(-r));
		return R_ERROR;
	}
	print_status(&st, c->b.interpret);
	r = netlink_features_get(&c->nl, &f);
	if (r == -EINVAL)	/* kernel without the features API */
		return R_DONE;
	if (r < 0) {
		msay(c, "Error getting feature (%s)", tables_strerror(-r));
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

/* A request the kernel refused. ref 3.0.9: libaudit logs ECONNREFUSED at
 * debug level only (setopt() names it at its end); anything else is
 * "Error sending WHAT request (strerror)". */
static void refused(struct auditctl *c, int r, const char *what)
{
	if (r == -ECONNREFUSED)
		c->refused = 1;
	else
		msay(c, "Error sending %s request (%s)", what,
		     tables_strerror(-r));
}

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
		refused(c, r, what);
		return -1;
	}
	if (!c->have_status) {
		r = netlink_status_get(&c->nl, &c->st, &c->st_len);
		if (r < 0) {
			refused(c, r, "status");
			return -1;
		}
		c->have_status = 1;
	}
	return 0;
}

static int set_numeric(struct auditctl *c, const struct setter *sp,
		       const char *arg)
{
	uint32_t v;
	int overflow;

	if (parse_u32_arg(arg, &v, &overflow) < 0) {
		if (overflow)
			msay(c, "Error converting %s", sp->conv);
		else
			msay(c, "%s must be a numeric value was %s", sp->name,
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

		r = netlink_status_get(&c->nl, &st, NULL);
		if (r < 0)
			refused(c, r, "status");
		if (r < 0 ||
		    !(st.feature_bitmap & AUDIT_FEATURE_BITMAP_LOST_RESET)) {
			/* ref 3.0.9: names the long option */
			msay(c, "Field option not supported by kernel: "
				"reset-lost");
			return R_ERROR;
		}
	}
	r = netlink_status_set(&c->nl, &s);
	if (r < 0) {
		refused(c, r, what);
		return R_ERROR;
	}
	msay(c, "%s: %u", name, (unsigned)r);
	return R_DONE;
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
		msay(c, "Error sending rule list data request (%s)",
			tables_strerror(-r));
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
		msay(c, "Error receiving rules list (%s)", tables_strerror(-r));
		rc = -1;
	}
	for (i = 0; i < s.n; i++) {
		if (rc == 0 && rule_key_match(s.r[i], s.len[i], c->b.key)) {
			r = netlink_rule_del(&c->nl, s.r[i], s.len[i]);
			if (r < 0) {
				msay(c, "Error deleting rule (%s)",
					tables_strerror(-r));
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
		msay(c, "Too many options for status command");
		return RULE_ERROR;
	}
	if (b->optind == 2 && b->argc == 3) {
		if (strcmp(b->argv[b->optind], "-i")) {
			msay(c, "Only -i option is allowed");
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
		msay(c, "Wrong number of options for list request");
		return RULE_ERROR;
	}
	if (b->argc == 3) {
		if (!b->argv[b->optind] || strcmp(b->argv[b->optind], "-i")) {
			msay(c, "Only -k or -i options are allowed");
			return RULE_ERROR;
		}
		b->interpret = 1;
		b->argc--;
	} else if (b->argc == 4) {
		if (!b->argv[b->optind] || strcmp(b->argv[b->optind], "-k")) {
			msay(c, "Only -k or -i options are allowed");
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
		msay(c, "Wrong number of options for Delete all request");
		return RULE_ERROR;
	}
	if (b->argc == 4) {
		/* ref 3.0.9 reads argv[optind] even past the end ("auditctl
		 * s x -D" segfaults there): we refuse it instead */
		if (!b->argv[b->optind] || strcmp(b->argv[b->optind], "-k")) {
			msay(c, "Only the -k option is allowed");
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
		msay(c, "The -m option must be only the only option and "
			"takes 1 parameter");
		return RULE_ERROR;
	}
	for (p = arg; *p; p++)
		if ((signed char)*p < 32) {
			msay(c, "Illegal character in audit event");
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
		msay(c, "Error sending user message request (%s)",
			tables_strerror(-r));
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
		msay(c, "Syscall auditing requested for make equivalent");
		return RULE_ERROR;
	}
	snprintf(buf, sizeof buf, "%s", arg);
	sub = strchr(buf, ',');
	if (!sub || !sub[1] || strchr(sub + 1, ',')) {
		msay(c, "Error parsing equivalent parts");
		return RULE_ERROR;
	}
	*sub++ = 0;
	if (c->dry)
		return RULE_DONE;
	r = netlink_make_equiv(&c->nl, buf, sub);
	if (r < 0) {
		msay(c, "Error sending make_equivalent command (%s)",
			tables_strerror(-r));
		return RULE_ERROR;
	}
	return RULE_DONE;
}

/* --signal: 3.0.9's names; ours (docs/compat.md): 3.1's names and the
 * numbers of the same five signals. Anything else: 3.0.9's message. */
static int signal_number(const char *arg)
{
	static const struct { const char *name, *name31; int sig; } sigs[] = {
		{ "TERM", "stop", SIGTERM }, { "HUP", "reload", SIGHUP },
		{ "USR1", "rotate", SIGUSR1 }, { "USR2", "resume", SIGUSR2 },
		{ "CONT", "state", SIGCONT },
	};
	const char *err = NULL;
	long long n = parse_num(arg, 1, 64, &err);
	size_t i;

	for (i = 0; i < sizeof sigs / sizeof *sigs; i++)
		if (!strcasecmp(arg, sigs[i].name) ||
		    !strcasecmp(arg, sigs[i].name31) ||
		    (!err && n == sigs[i].sig))
			return sigs[i].sig;
	return 0;
}

static int opt_signal(struct auditctl *c, const char *arg)
{
	struct audit_status st;
	int sig = signal_number(arg), r;

	if (!sig) {
		msay(c, "%s is an unsupported signal", arg);
		return RULE_ERROR;
	}
	if (c->dry)
		return RULE_DONE;
	r = netlink_status_get(&c->nl, &st, NULL);
	if (r < 0) {
		if (r == -ECONNREFUSED)
			msay(c, "The audit system is disabled");
		return RULE_ERROR;
	}
	if (st.pid == 0) {
		msay(c, "Auditd is not running");
		return RULE_DONE;
	}
	if (kill((pid_t)st.pid, sig) < 0) {
		msay(c, "Failed sending signal to auditd (%s)",
			tables_strerror(errno));
		return RULE_ERROR;
	}
	return RULE_DONE;
}

/* AUDIT_SET_FEATURE loginuid_immutable, locked. Never on the host: the
 * test is a boot of its own (tests/vm/loginuid.sh). */
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
		msay(c, "Error setting feature (%s)", tables_strerror(-r));
		return RULE_ERROR;
	}
	return RULE_DONE;
}

/* ref 3.0.9: -f, -r, -b and --backlog_wait_time return from setopt() at
 * once on failure, before its ECONNREFUSED message. */
static int abort_early(struct auditctl *c)
{
	c->refused = 0;
	return RULE_ABORT;
}

/* The kernel-facing options of setopt(), called by rule_parse(). */
int auditctl_control(void *ctx, struct rule_builder *b, int opt,
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
				return opt == 'f' ? abort_early(c) :
					RULE_ERROR;
			return RULE_REPLY;
		}
		msay(c, "%s must be 0, 1, or 2 was %s",
			opt == 'e' ? "Enable" : "Failure", arg);
		return RULE_ERROR;
	case 'r': case 'b': case RULE_OPT_BACKLOG_WAIT_TIME:
		r = set_numeric(c, opt == 'r' ? &set_rate : opt == 'b' ?
				&set_backlog : &set_bwt, arg);
		return r < 0 ? abort_early(c) : RULE_REPLY;
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
			msay(c, "Error sending trim subtrees command (%s)",
				tables_strerror(-r));
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
int auditctl_is_ready(struct auditctl *c)
{
	int r = netlink_rule_ready(&c->nl);

	if (r == 1) {
		msay(c, "The audit system is in immutable mode, no rule "
		    "changes allowed");
		return 0;
	}
	if (r == -ECONNREFUSED) {
		msay(c, "The audit system is disabled");
		return 0;
	}
	return 1;
}

/* handle_request(): 0 ok, -1 error. */
int auditctl_request(struct auditctl *c, int status)
{
	struct rule_builder *b = &c->b;
	size_t len;
	int r, del;

	if (status == RULE_REPLY) {
		if (b->syscall_added) {
			msay(c, "Error - no list specified");
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
	if (c->dry) {
		c->dry_sent = 1;
		return 0;
	}
	c->syslog_mode = 0;	/* ref 3.0.9: stderr from here on */
	r = del ? netlink_rule_del(&c->nl, b->rule, len) :
		  netlink_rule_add(&c->nl, b->rule, len);
	if (r == -EINVAL && b->rule->fields[0] == AUDIT_DIR) {
		b->rule->fields[0] = AUDIT_WATCH;
		r = del ? netlink_rule_del(&c->nl, b->rule, len) :
			  netlink_rule_add(&c->nl, b->rule, len);
	} else if (r < 0) {
		msay(c, "Error sending %s rule data request (%s)",
			del ? "delete" : "add",
			r == -EEXIST ? "Rule exists" : tables_strerror(-r));
	}
	return r < 0 ? -1 : 0;
}

uint32_t auditctl_features(struct auditctl *c)
{
	struct audit_status st;

	if (netlink_status_get(&c->nl, &st, NULL) < 0)
		return 0;
	return st.feature_bitmap;
}

