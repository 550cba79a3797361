/* ausearch_args - ausearch's command line: whole-word options, their
 * values and the reference's messages (audit 3.0.9 ausearch-options.c
 * behaviour). Docs: docs/ausearch.8.md */
#include "applet.h"
#include "ausearch.h"
#include "when.h"

#include <ctype.h>
#include <errno.h>
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <auditbox/evfmt.h>
#include <auditbox/opt.h>
#include <auditbox/tables.h>

enum {
	O_EVENT = 1, O_ARCH, O_COMM, O_CHECKPOINT, O_DEBUG, O_EXIT, O_ESCAPE,
	O_EOE, O_XKEYS, O_XLABELS, O_XOBJ2, O_XTIME, O_FILE, O_FORMAT, O_GA,
	O_GE, O_GI, O_HELP, O_HOST, O_INTERP, O_INPUT, O_INLOGS, O_JUSTONE,
	O_KEY, O_LINEBUF, O_MSG, O_NODE, O_OBJECT, O_PID, O_PPID, O_RAW,
	O_SYSCALL, O_CONTEXT, O_SESSION, O_SUBJECT, O_SUCCESS, O_END, O_START,
	O_TERM, O_UA, O_UE, O_UI, O_UL, O_UUID, O_VERSION, O_VM, O_WORD, O_EXE,
	O_FOLLOW, O_LIVE,
};

static const struct opt ausearch_optv[] = {
	{ "-a", O_EVENT }, { "--event", O_EVENT }, { "--arch", O_ARCH },
	{ "-c", O_COMM }, { "--comm", O_COMM },
	{ "--checkpoint", O_CHECKPOINT }, { "--debug", O_DEBUG },
	{ "-e", O_EXIT }, { "--exit", O_EXIT }, { "--escape", O_ESCAPE },
	{ "--eoe-timeout", O_EOE }, { "--extra-keys", O_XKEYS },
	{ "--extra-labels", O_XLABELS }, { "--extra-obj2", O_XOBJ2 },
	{ "--extra-time", O_XTIME }, { "-f", O_FILE }, { "--file", O_FILE },
	{ "--follow", O_FOLLOW }, { "--live", O_LIVE },	/* ours */
	{ "--format", O_FORMAT }, { "-ga", O_GA }, { "--gid-all", O_GA },
	{ "-ge", O_GE }, { "--gid-effective", O_GE }, { "-gi", O_GI },
	{ "--gid", O_GI }, { "-h", O_HELP }, { "--help", O_HELP },
	{ "-hn", O_HOST }, { "--host", O_HOST }, { "-i", O_INTERP },
	{ "--interpret", O_INTERP }, { "-if", O_INPUT }, { "--input", O_INPUT },
	{ "--input-logs", O_INLOGS }, { "--just-one", O_JUSTONE },
	{ "-k", O_KEY }, { "--key", O_KEY }, { "-l", O_LINEBUF },
	{ "--line-buffered", O_LINEBUF }, { "-m", O_MSG },
	{ "--message", O_MSG }, { "-n", O_NODE }, { "--node", O_NODE },
	{ "-o", O_OBJECT }, { "--object", O_OBJECT }, { "-p", O_PID },
	{ "--pid", O_PID }, { "-pp", O_PPID }, { "--ppid", O_PPID },
	{ "-r", O_RAW }, { "--raw", O_RAW }, { "-sc", O_SYSCALL },
	{ "--syscall", O_SYSCALL }, { "-se", O_CONTEXT },
	{ "--context", O_CONTEXT }, { "--session", O_SESSION },
	{ "-su", O_SUBJECT }, { "--subject", O_SUBJECT }, { "-sv", O_SUCCESS },
	{ "--success", O_SUCCESS }, { "-te", O_END }, { "--end", O_END },
	{ "-ts", O_START }, { "--start", O_START }, { "-tm", O_TERM },
	{ "--terminal", O_TERM }, { "-ua", O_UA }, { "--uid-all", O_UA },
	{ "-ue", O_UE }, { "--uid-effective", O_UE }, { "-ui", O_UI },
	{ "--uid", O_UI }, { "-uu", O_UUID }, { "--uuid", O_UUID },
	{ "-ul", O_UL }, { "--loginuid", O_UL }, { "-v", O_VERSION },
	{ "--version", O_VERSION }, { "-vm", O_VM }, { "--vm-name", O_VM },
	{ "-w", O_WORD }, { "--word", O_WORD }, { "-x", O_EXE },
	{ "--executable", O_EXE }, { NULL, 0 },
};

static int need_arg(const char *arg, const char *opt)
{
	if (!arg) {
		ref_msg("Argument is required for %s", opt);	/* ref 3.0.9 */
		return -1;
	}
	return 0;
}

static int no_arg(const char *arg, const char *opt)
{
	if (arg) {
		ref_msg("Argument is NOT required for %s", opt);
		return -1;
	}
	return 0;
}

static bool leading_digit(const char *s)
{
	return isdigit((unsigned char)s[0]);
}

static void msg_types_list(void)
{
	char buf[8192];
	size_t n;
	int i;

	n = (size_t)snprintf(buf, sizeof buf, "Valid message types are: ALL ");
	for (i = 1005; i <= 2999; i++) {
		const char *name;

		if (i == 1007)
			i = 1100;
		name = tables_msgtype_name(i);
		if (name && n + strlen(name) + 2 < sizeof buf)
			n += (size_t)snprintf(buf + n, sizeof buf - n, "%s ", name);
	}
	fwrite(buf, 1, n, stderr);
	fputc('\n', stderr);
}

static int add_msg_type(struct ausearch_opts *o, const char *name)
{
	int t;

	if (leading_digit(name))
		t = (int)strtoul(name, NULL, 10);
	else if ((t = tables_msgtype_number(name)) < 0)
		return -1;
	if (o->c.ntypes < SEARCH_MAX_TYPES)
		o->c.types[o->c.ntypes++] = t;
	return 0;
}

static int parse_msg(struct ausearch_opts *o, const char *arg)
{
	char buf[1024];
	char *p, *save = NULL;

	if (!strchr(arg, ','))
		return add_msg_type(o, arg);
	snprintf(buf, sizeof buf, "%s", arg);
	for (p = strtok_r(buf, ",", &save); p; p = strtok_r(NULL, ",", &save))
		if (add_msg_type(o, p))
			return -1;
	return 0;
}

/* uid or user name; which: 0 uid, 1 euid, 2 all */
static int parse_user(struct ausearch_opts *o, const char *arg, int which)
{
	struct passwd *pw;
	uint32_t id;

	if (leading_digit(arg)) {
		id = (uint32_t)strtoul(arg, NULL, 10);
	} else {
		pw = getpwnam(arg);
		if (!pw) {
			ref_msg(which == 0 ?
				"Effective user ID is non-numeric and unknown (%s)"
				: "User ID is non-numeric and unknown (%s)", arg);
			return -1;
		}
		id = pw->pw_uid;
		if (which != 1)
			o->c.tuid = arg;
		if (which != 0)
			o->c.teuid = arg;
		if (which == 2)
			o->c.tauid = arg;
	}
	if (which == 0) {
		o->c.uid = id;
	} else if (which == 1) {
		o->c.euid = id;
	} else {
		o->c.uid = o->c.euid = o->c.loginuid = id;
		o->c.ua = true;
	}
	return 0;
}

static int parse_loginuid(struct ausearch_opts *o, const char *arg)
{
	struct passwd *pw;

	if (leading_digit(arg) || (arg[0] == '-' && isdigit((unsigned char)arg[1]))) {
		o->c.loginuid = (uint32_t)strtol(arg, NULL, 0);
		return 0;
	}
	pw = getpwnam(arg);
	if (!pw) {
		ref_msg("Login user ID is non-numeric and unknown (%s)", arg);
		return -1;
	}
	o->c.loginuid = pw->pw_uid;
	o->c.tauid = arg;
	return 0;
}

/* gid or group name; which: 0 gid, 1 egid, 2 all */
static int parse_group(struct ausearch_opts *o, const char *arg, int which)
{
	struct group *gr;
	uint32_t id;

	if (leading_digit(arg)) {
		id = (uint32_t)strtoul(arg, NULL, 10);
	} else {
		gr = getgrnam(arg);
		if (!gr) {
			ref_msg(which == 1 ?
				"Effective group ID is non-numeric and unknown (%s)"
				: "Group ID is non-numeric and unknown (%s)", arg);
			return -1;
		}
		id = gr->gr_gid;
	}
	if (which == 0) {
		o->c.gid = id;
	} else if (which == 1) {
		o->c.egid = id;
	} else {
		o->c.gid = o->c.egid = id;
		o->c.ga = true;
	}
	return 0;
}

static int parse_exit(struct ausearch_opts *o, const char *arg)
{
	int e;

	if (leading_digit(arg) || (strlen(arg) >= 2 && arg[0] == '-' &&
				   isdigit((unsigned char)arg[1]))) {
		errno = 0;
		o->c.exit = strtoll(arg, NULL, 0);
		if (errno) {	/* past 64 bits */
			ref_msg("Error converting %s", arg);
			return -1;
		}
	} else {
		e = tables_errno_number(arg[0] == '-' ? arg + 1 : arg);
		if (e <= 0) {
			ref_msg("Unknown errno, was %s", arg);
			return -1;
		}
		o->c.exit = arg[0] == '-' ? -e : e;
	}
	o->c.exit_set = true;
	return 0;
}

static int parse_syscall(struct ausearch_opts *o, const char *arg)
{
	if (leading_digit(arg)) {
		o->c.syscall = (int)strtoul(arg, NULL, 10);
		return 0;
	}
	if (o->c.machine == -1)
		o->c.machine = tables_machine_detect();
	o->c.syscall = tables_syscall_number(o->c.machine, arg);
	if (o->c.syscall == -1) {
		ref_msg("Syscall %s not found", arg);
		return -1;
	}
	return 0;
}

static int parse_arch(struct ausearch_opts *o, const char *arg)
{
	int m;

	if (o->c.machine != -1) {
		ref_msg(o->c.syscall != -1 ?
			"Arch needs to be defined before the syscall" :
			"Arch is already defined");
		return -1;
	}
	if (strcasecmp(arg, "b64") == 0 || strcasecmp(arg, "b32") == 0) {
		m = tables_machine_detect();
		if (arg[1] == '3') {
			if (m == TABLES_MACH_X86_64)
				m = TABLES_MACH_X86;
			else if (m == TABLES_MACH_PPC64)
				m = TABLES_MACH_PPC;
			else if (m == TABLES_MACH_S390X)
				m = TABLES_MACH_S390;
			else if (m == TABLES_MACH_AARCH64)
				m = TABLES_MACH_ARM;
		}
	} else {
		m = tables_machine_number(arg);
	}
	if (m < 0) {
		ref_msg("Unknown arch %s", arg);
		return -1;
	}
	o->c.machine = m;
	return 0;
}

/* -ts/-te (applets/when.c); "-ts checkpoint" uses the checkpoint's time */
static int parse_when(struct ausearch_opts *o, int argc, char **argv, int c,
		      bool end)
{
	int n = when_arg(argc, argv, c, end ? WHEN_END : WHEN_CHECKPOINT,
			 end ? &o->c.end : &o->c.start);

	if (n == WHEN_IS_CHECKPOINT) {
		o->checkpt_timeonly = true;
		return 1;
	}
	return n;
}

static int parse_format(struct ausearch_opts *o, const char *a)
{
	if (strcmp(a, "raw") == 0)
		o->format = EVFMT_RAW;
	else if (strcmp(a, "default") == 0)
		o->format = EVFMT_DEFAULT;
	else if (strncmp(a, "interp", 6) == 0)
		o->format = EVFMT_INTERP;
	else if (strcmp(a, "csv") == 0)
		o->format = EVFMT_CSV;
	else if (strcmp(a, "text") == 0)
		o->format = EVFMT_TEXT;
	else if (strcmp(a, "json") == 0)
		o->format = EVFMT_JSON;		/* ours, beyond 3.0.9 */
	else {
		ref_msg("Unknown option (%s)", a);
		return -1;
	}
	return 0;
}

static int parse_escape(struct ausearch_opts *o, const char *a)
{
	static const char *const names[] = { "raw", "tty", "shell",
					     "shell_quote" };
	int i;

	for (i = 0; i < 4; i++)
		if (strcmp(a, names[i]) == 0) {
			o->escape = i;
			return 0;
		}
	ref_msg("Unknown option (%s)", a);
	return -1;
}

static int numeric_or(const char *a, const char *what, long *v)
{
	if (!leading_digit(a)) {
		ref_msg("%s must be a numeric value, was %s", what, a);
		return -1;
	}
	*v = strtol(a, NULL, 10);
	return 0;
}

/* Options that take a plain string argument: where it goes. */
static const char **string_slot(struct ausearch_opts *o, int id)
{
	switch (id) {
	case O_COMM: return &o->c.comm;
	case O_FILE: return &o->c.file;
	case O_KEY: return &o->c.key;
	case O_HOST: return &o->c.host;
	case O_INPUT: return &o->input;
	case O_OBJECT: return &o->c.object;
	case O_SUBJECT: return &o->c.subject;
	case O_TERM: return &o->c.terminal;
	case O_UUID: return &o->c.uuid;
	case O_VM: return &o->c.vmname;
	case O_EXE: return &o->c.exe;
	case O_CHECKPOINT: return &o->checkpoint;
	default: return NULL;
	}
}

static int set_format(struct ausearch_opts *o, int fmt, const char *word,
		      const char *a)
{
	int rc = 0;

	if (o->format == EVFMT_DEFAULT) {
		o->format = fmt;
	} else {
		ref_msg(fmt == EVFMT_RAW ? "Conflicting output format --raw"
			: "Conflicting output format %s", word);
		rc = -1;
	}
	if (a) {
		ref_msg(fmt == EVFMT_RAW ? "Argument is NOT required for --raw"
			: "Argument is NOT required for %s", word);
		rc = -1;
	}
	return rc;
}

/* One option at argv[c]. Returns the words consumed after it, or -1. */
static int parse_one(struct ausearch_opts *o, int argc, char **argv, int c)
{
	const char *w = argv[c], *a = opt_arg(argc, argv, c);
	int id = opt_lookup(ausearch_optv, w);
	const char **slot = string_slot(o, id);
	long v;

	if (slot) {
		if (need_arg(a, w))
			return -1;
		*slot = a;
		return 1;
	}
	switch (id) {
	case O_EVENT:
		if (need_arg(a, w))
			return -1;
		if (!leading_digit(a)) {
			ref_msg("Audit event id must be a numeric value, was %s", a);
			return -1;
		}
		o->c.event_id = (long long)strtoul(a, NULL, 10);
		return 1;
	case O_PID:
	case O_PPID:
		if (need_arg(a, w))
			return -1;
		if (numeric_or(a, id == O_PID ? "Process id" :
			       "Parent process id", &v))
			return -1;
		/* ref 3.0.9: a pid_t */
		*(id == O_PID ? &o->c.pid : &o->c.ppid) = (int)v;
		return 1;
	case O_XKEYS: case O_XLABELS: case O_XOBJ2: case O_XTIME:
		*(id == O_XKEYS ? &o->extra_keys : id == O_XLABELS ?
		  &o->extra_labels : id == O_XOBJ2 ? &o->extra_obj2 :
		  &o->extra_time) = true;
		return no_arg(a, w);
	case O_GA: case O_GE: case O_GI:
		if (need_arg(a, w))
			return -1;
		return parse_group(o, a, id == O_GI ? 0 : id == O_GE ? 1 : 2)
			? -1 : 1;
	case O_UA: case O_UE: case O_UI:
		if (need_arg(a, w))
			return -1;
		return parse_user(o, a, id == O_UI ? 0 : id == O_UE ? 1 : 2)
			? -1 : 1;
	case O_HELP:
		fputs(ausearch_usage, stdout);
		exit(0);
	case O_VERSION:
		printf("ausearch version 3.0.9\n");
		exit(0);
	case O_INTERP:
		return set_format(o, EVFMT_INTERP, w, a);
	case O_RAW:
		return set_format(o, EVFMT_RAW, w, a);
	case O_MSG: {
		int rc = 0;

		if (!a) {
			need_arg(a, w);
			rc = -1;
		} else if (strcasecmp(a, "ALL") != 0) {
			rc = parse_msg(o, a);
		}
		if (rc < 0) {
			msg_types_list();
			return -1;
		}
		return 1;
	}
	case O_FORMAT:
		if (o->format != EVFMT_DEFAULT) {
			ref_msg("Multiple output formats, use only 1");
			return -1;
		}
		if (need_arg(a, w) || parse_format(o, a))
			return -1;
		return 1;
	case O_NODE:
		if (need_arg(a, w))
			return -1;
		if (o->c.nnodes < SEARCH_MAX_NODES)
			o->c.nodes[o->c.nnodes++] = a;
		return 1;
	case O_SYSCALL:
		if (need_arg(a, w))
			return -1;
		return parse_syscall(o, a) ? -1 : 1;
	case O_CONTEXT:
		if (need_arg(a, w))
			return -1;
		o->c.subject = o->c.object = a;
		o->c.se = true;
		return 1;
	case O_SUCCESS:
		if (need_arg(a, w))
			return -1;
		if (!strstr(a, "yes") && !strstr(a, "no")) {
			ref_msg("Success must be 'yes' or 'no'.");
			return -1;
		}
		o->c.success = strcmp(a, "yes") == 0 ? S_SUCCESS : S_FAILED;
		return 1;
	case O_SESSION:
	case O_EXIT:
	case O_UL:
		if (!a && c + 1 < argc)
			a = argv[c + 1];
		if (need_arg(a, w))
			return -1;
		if (id == O_EXIT)
			return parse_exit(o, a) ? -1 : 1;
		if (id == O_UL)
			return parse_loginuid(o, a) ? -1 : 1;
		if (leading_digit(a) || (a[0] == '-' && isdigit((unsigned char)a[1]))) {
			o->c.session = (uint32_t)strtoul(a, NULL, 0);
			return 1;
		}
		ref_msg("Session id must be a numeric value, was %s", a);
		return -1;
	case O_START:
	case O_END:
		return parse_when(o, argc, argv, c, id == O_END);
	case O_WORD:
		o->c.exact = true;
		return 0;
	case O_INLOGS:
		o->force_logs = true;
		return 0;
	case O_JUSTONE:
		o->just_one = true;
		return 0;
	case O_FOLLOW:
	case O_LIVE:
		*(id == O_FOLLOW ? &o->follow : &o->live) = true;
		return no_arg(a, w);
	case O_LINEBUF:
		o->line_buffered = true;
		return 0;
	case O_DEBUG:
		o->debug = true;
		return 0;
	case O_ARCH:
		if (need_arg(a, w))
			return -1;
		return parse_arch(o, a) ? -1 : 1;
	case O_ESCAPE:
		if (need_arg(a, w))
			return -1;
		return parse_escape(o, a) ? -1 : 1;
	case O_EOE:
		if (need_arg(a, w))
			return -1;
		if (numeric_or(a, "End of Event Timeout", &v))
			return -1;
		if (v <= 0) {
			ref_msg("Illegal value for End of Event Timeout, was %s", a);
			return -1;
		}
		o->eoe_timeout = v;
		return 1;
	default:
		ref_msg("%s is an unsupported option", w);
		return -1;
	}
}

/* --follow and --live (ours) with the options they cannot go with. */
static int check_stream(const struct ausearch_opts *o)
{
	if (o->follow && o->live)
		warn_msg("--follow and --live cannot be used together");
	else if ((o->follow || o->live) && o->checkpoint)
		warn_msg("--%s cannot be used with --checkpoint",
			 o->follow ? "follow" : "live");
	else if (o->live && (o->input || o->force_logs))
		warn_msg("--live reads no log: %s cannot be used with it",
			 o->input ? "--input" : "--input-logs");
	else
		return 0;
	return -1;
}

int ausearch_parse_args(int argc, char **argv, struct ausearch_opts *o)
{
	int c = 1, n;

	memset(o, 0, sizeof *o);
	search_criteria_init(&o->c);
	o->format = EVFMT_DEFAULT;
	o->escape = EVFMT_ESC_TTY;
	o->eoe_timeout = -1;
	if (argc < 2) {
		fputs(ausearch_usage, stdout);
		return -1;
	}
	while (c < argc) {
		n = parse_one(o, argc, argv, c);
		if (n < 0)
			return -1;
		c += n + 1;
	}
	if ((o->extra_time || o->extra_labels || o->extra_keys ||
	     o->extra_obj2) && o->format != EVFMT_CSV) {
		ref_msg("--extra options requires format to be csv");
		return -1;
	}
	o->c.want_arch = o->format != EVFMT_DEFAULT && o->format != EVFMT_RAW;
	return check_stream(o);
}
