/* auditctl - get and set the kernel's audit status; load, list and delete
 * rules (rules: see the rules issue). Reference behaviour: audit 3.0.9
 * auditctl(8), including its exit codes (-1 from the reference's main is
 * exit status 255). Docs: docs/auditctl.8.md */
#include "applet.h"

#include <auditbox/netlink.h>

#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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

enum { O_LOGINUID_IMMUTABLE = 1, O_BACKLOG_WAIT_TIME, O_RESET_LOST,
       O_RESET_BWT_ACTUAL, O_SIGNAL };

static const struct option long_opts[] = {
	{ "loginuid-immutable", no_argument, NULL, O_LOGINUID_IMMUTABLE },
	{ "backlog_wait_time", required_argument, NULL, O_BACKLOG_WAIT_TIME },
	{ "reset-lost", no_argument, NULL, O_RESET_LOST },
	{ "reset_backlog_wait_time_actual", no_argument, NULL,
	  O_RESET_BWT_ACTUAL },
	{ "signal", required_argument, NULL, O_SIGNAL },
	{ NULL, 0, NULL, 0 }
};

struct auditctl {
	struct netlink nl;
	int interpret;
	int unsupported;		/* an option of a later issue was given */
	int refused;			/* the kernel said ECONNREFUSED */
	int have_status;		/* the status to print after a setter */
	struct audit_status st;
	size_t st_len;
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
	int r = netlink_status_get(&c->nl, &st, &len);

	if (r == -ECONNREFUSED) {
		/* Audit is off in this namespace. The reference waits 8 s and
		 * exits 0 silently; we say why at once (docs/compat.md). */
		ref_msg("The audit system is disabled");
		return R_DONE;
	}
	if (r < 0) {
		ref_msg("Error sending status request (%s)", strerror(-r));
		return R_ERROR;
	}
	print_status(&st, c->interpret);
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

	switch (mask) {
	case AUDIT_STATUS_ENABLED: s.enabled = v; break;
	case AUDIT_STATUS_FAILURE: s.failure = v; break;
	case AUDIT_STATUS_RATE_LIMIT: s.rate_limit = v; break;
	case AUDIT_STATUS_BACKLOG_LIMIT: s.backlog_limit = v; break;
	case AUDIT_STATUS_BACKLOG_WAIT_TIME: s.backlog_wait_time = v; break;
	}
	r = netlink_status_set(&c->nl, &s);
	if (r < 0) {
		/* ref 3.0.9: libaudit logs ECONNREFUSED at debug level only */
		if (r == -ECONNREFUSED)
			c->refused = 1;
		else
			ref_msg("Error sending %s request (%s)", what,
				strerror(-r));
		return -1;
	}
	if (!c->have_status) {
		r = netlink_status_get(&c->nl, &c->st, &c->st_len);
		if (r < 0) {
			if (r == -ECONNREFUSED)
				c->refused = 1;
			else
				ref_msg("Error sending status request (%s)",
					strerror(-r));
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

	if (mask == AUDIT_STATUS_LOST) {
		struct audit_status st;

		r = netlink_status_get(&c->nl, &st, NULL);
		if (r == -ECONNREFUSED)
			c->refused = 1;
		else if (r < 0)
			ref_msg("Error sending status request (%s)",
				strerror(-r));
		if (r < 0 ||
		    !(st.feature_bitmap & AUDIT_FEATURE_BITMAP_LOST_RESET)) {
			/* ref 3.0.9: names the long option */
			ref_msg("Field option not supported by kernel: "
				"reset-lost");
			return R_ERROR;
		}
	}
	r = netlink_status_set(&c->nl, &s);
	if (r < 0) {
		if (r == -ECONNREFUSED)
			c->refused = 1;
		else
			ref_msg("Error sending %s request (%s)", what,
				strerror(-r));
		return R_ERROR;
	}
	ref_msg("%s: %u", name, (unsigned)r);
	return R_DONE;
}

static int unsupported(struct auditctl *c, const char *opt)
{
	warn_msg("option %s is not supported yet", opt);
	c->unsupported = 1;
	return R_ERROR;
}

/* The reference's setopt() for one command line. */
static int setopt(struct auditctl *c, int count, char **vars)
{
	int opt, lidx = 0, retval = R_REPLY;

	opterr = 0;
	optind = 1;
	while (retval >= 0 &&
	       (opt = getopt_long(count, vars,
				  "hicslDvtC:e:f:r:b:a:A:d:S:F:m:R:w:W:k:p:q:",
				  long_opts, &lidx)) != -1) {
		char name[3] = { '-', (char)opt, 0 };

		switch (opt) {
		case 'h':
			fputs(auditctl_usage, stdout);
			retval = R_ERROR;
			break;
		case 's':
			if (count > 3) {
				ref_msg("Too many options for status command");
				retval = R_ERROR;
				break;
			} else if (optind == 2 && count == 3) {
				if (strcmp(vars[optind], "-i") == 0) {
					c->interpret = 1;
					count -= 1;
				} else {
					ref_msg("Only -i option is allowed");
					retval = R_ERROR;
					break;
				}
			}
			retval = report_status(c);
			break;
		case 'e':
		case 'f':
			if (optarg && (!strcmp(optarg, "0") ||
				       !strcmp(optarg, "1") ||
				       !strcmp(optarg, "2"))) {
				if (set_value(c, opt == 'e' ?
					      AUDIT_STATUS_ENABLED :
					      AUDIT_STATUS_FAILURE,
					      (uint32_t)(optarg[0] - '0'),
					      opt == 'e' ? "enable" :
					      "failure mode") < 0) {
					if (opt == 'f')
						return R_ERROR;
					retval = R_ERROR;
				}
			} else {
				ref_msg("%s must be 0, 1, or 2 was %s",
					opt == 'e' ? "Enable" : "Failure",
					optarg);
				retval = R_ERROR;
			}
			break;
		case 'r':
			if ((retval = set_numeric(c, &set_rate, optarg)) < 0)
				return retval;
			break;
		case 'b':
			if ((retval = set_numeric(c, &set_backlog, optarg)) < 0)
				return retval;
			break;
		case O_BACKLOG_WAIT_TIME:
			if ((retval = set_numeric(c, &set_bwt, optarg)) < 0)
				return retval;
			break;
		case O_RESET_LOST:
			retval = reset_counter(c, AUDIT_STATUS_LOST, "lost",
					       "lost reset");
			break;
		case O_RESET_BWT_ACTUAL:
			retval = reset_counter(c,
					AUDIT_STATUS_BACKLOG_WAIT_TIME_ACTUAL,
					"backlog_wait_time_actual",
					"backlog wait time actual reset");
			break;
		case 'v':
			printf("auditctl version %s\n", AUDITCTL_VERSION);
			retval = R_DONE;
			break;
		case O_LOGINUID_IMMUTABLE:
			retval = unsupported(c, "--loginuid-immutable");
			break;
		case O_SIGNAL:
			retval = unsupported(c, "--signal");
			break;
		case 'i': case 'c': case 'l': case 'D': case 't':
		case 'C': case 'a': case 'A': case 'd': case 'S': case 'F':
		case 'm': case 'R': case 'w': case 'W': case 'k': case 'p':
		case 'q':
			retval = unsupported(c, name);
			break;
		default: {
			/* ref 3.0.9: names the argv element getopt stopped
			 * at; glibc and musl leave optind differently after
			 * a missing argument, so clamp it. */
			int i = optind - 1;

			if (i >= count)
				i = count - 1;
			ref_msg("Option %s is invalid",
				optind >= 2 ? vars[i] : " ");
			retval = R_ERROR;
			break;
		}
		}
	}
	if (c->unsupported)
		return R_ERROR;
	/* catch extra args or errors where the user types "- s" */
	if (optind == 1)
		retval = R_ERROR;
	else if (optind < count && retval != R_ERROR) {
		ref_msg("parameter passed without an option given");
		retval = R_ERROR;
	}
	if (retval == R_ERROR && c->refused)
		ref_msg("The audit system is disabled");
	return retval;
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
	if (argc == 3 && !strcmp(argv[1], "-R")) {
		warn_msg("option -R is not supported yet");
		return EXIT_NOTSUP;
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
	r = setopt(c, argc, argv);
	if (c->unsupported)
		r = EXIT_NOTSUP;
	else if (r == R_DEPRECATED || r == R_DONE)
		r = 0;
	else if (r == R_REPLY) {
		if (c->have_status)
			print_status(&c->st, c->interpret);
		r = 0;
	} else {
		r = 255;
	}
	netlink_close(&c->nl);
	free(c);
	return r;
}
