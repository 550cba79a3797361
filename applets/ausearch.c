/* ausearch - search audit logs by pid, key, type, time, user, file...
 * Reference behaviour: audit 3.0.9 ausearch(8). Docs: docs/ausearch.8.md */
#include "applet.h"

#include <ctype.h>
#include <errno.h>
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <auditbox/event.h>
#include <auditbox/evfmt.h>
#include <auditbox/logread.h>
#include <auditbox/opt.h>
#include <auditbox/record.h>
#include <auditbox/search.h>
#include <auditbox/tables.h>
#include <auditbox/timespec.h>

const char ausearch_usage[] =		/* ref 3.0.9 */
	"usage: ausearch [options]\n"
	"\t-a,--event <Audit event id>\tsearch based on audit event id\n"
	"\t--arch <CPU>\t\t\tsearch based on the CPU architecture\n"
	"\t-c,--comm  <Comm name>\t\tsearch based on command line name\n"
	"\t--checkpoint <checkpoint file>\tsearch from last complete event\n"
	"\t--debug\t\t\tWrite malformed events that are skipped to stderr\n"
	"\t-e,--exit  <Exit code or errno>\tsearch based on syscall exit code\n"
	"\t-escape <option>\t\tescape output\n"
	"\t--eoe-timeout secs\t\tEnd of Event timeout\n"
	"\t--extra-keys\t\t\tadd a final column with key information\n"
	"\t--extra-labels\t\t\tadd columns of information about subject and object labels\n"
	"\t--extra-obj2\t\t\tadd columns of information about a second object\n"
	"\t--extra-time\t\t\tadd columns of information about broken down time\n"
	"\t-f,--file  <File name>\t\tsearch based on file name\n"
	"\t--format [raw|default|interpret|csv|text] results format options\n"
	"\t-ga,--gid-all <all Group id>\tsearch based on All group ids\n"
	"\t-ge,--gid-effective <effective Group id>  search based on Effective\n"
	"\t\t\t\t\tgroup id\n"
	"\t-gi,--gid <Group Id>\t\tsearch based on group id\n"
	"\t-h,--help\t\t\thelp\n"
	"\t-hn,--host <Host Name>\t\tsearch based on remote host name\n"
	"\t-i,--interpret\t\t\tInterpret results to be human readable\n"
	"\t-if,--input <Input File name>\tuse this file instead of current logs\n"
	"\t--input-logs\t\t\tUse the logs even if stdin is a pipe\n"
	"\t--just-one\t\t\tEmit just one event\n"
	"\t-k,--key  <key string>\t\tsearch based on key field\n"
	"\t-l, --line-buffered\t\tFlush output on every line\n"
	"\t-m,--message  <Message type>\tsearch based on message type\n"
	"\t-n,--node  <Node name>\t\tsearch based on machine's name\n"
	"\t-o,--object  <SE Linux Object context> search based on context of object\n"
	"\t-p,--pid  <Process id>\t\tsearch based on process id\n"
	"\t-pp,--ppid <Parent Process id>\tsearch based on parent process id\n"
	"\t-r,--raw\t\t\toutput is completely unformatted\n"
	"\t-sc,--syscall <SysCall name>\tsearch based on syscall name or number\n"
	"\t-se,--context <SE Linux context> search based on either subject or\n"
	"\t\t\t\t\t object\n"
	"\t--session <login session id>\tsearch based on login session id\n"
	"\t-su,--subject <SE Linux context> search based on context of the Subject\n"
	"\t-sv,--success <Success Value>\tsearch based on syscall or event\n"
	"\t\t\t\t\tsuccess value\n"
	"\t-te,--end [end date] [end time]\tending date & time for search\n"
	"\t-ts,--start [start date] [start time]\tstarting date & time for search\n"
	"\t-tm,--terminal <TerMinal>\tsearch based on terminal\n"
	"\t-ua,--uid-all <all User id>\tsearch based on All user id's\n"
	"\t-ue,--uid-effective <effective User id>  search based on Effective\n"
	"\t\t\t\t\tuser id\n"
	"\t-ui,--uid <User Id>\t\tsearch based on user id\n"
	"\t-ul,--loginuid <login id>\tsearch based on the User's Login id\n"
	"\t-uu,--uuid <guest UUID>\t\tsearch for events related to the virtual\n"
	"\t\t\t\t\tmachine with the given UUID.\n"
	"\t-v,--version\t\t\tversion\n"
	"\t-vm,--vm-name <guest name>\tsearch for events related to the virtual\n"
	"\t\t\t\t\tmachine with the name.\n"
	"\t-w,--word\t\t\tstring matches are whole word\n"
	"\t-x,--executable <executable name>  search based on executable name\n";

enum {
	O_EVENT = 1, O_ARCH, O_COMM, O_CHECKPOINT, O_DEBUG, O_EXIT, O_ESCAPE,
	O_EOE, O_XKEYS, O_XLABELS, O_XOBJ2, O_XTIME, O_FILE, O_FORMAT, O_GA,
	O_GE, O_GI, O_HELP, O_HOST, O_INTERP, O_INPUT, O_INLOGS, O_JUSTONE,
	O_KEY, O_LINEBUF, O_MSG, O_NODE, O_OBJECT, O_PID, O_PPID, O_RAW,
	O_SYSCALL, O_CONTEXT, O_SESSION, O_SUBJECT, O_SUCCESS, O_END, O_START,
	O_TERM, O_UA, O_UE, O_UI, O_UL, O_UUID, O_VERSION, O_VM, O_WORD, O_EXE,
};

static const struct opt ausearch_optv[] = {
	{ "-a", O_EVENT }, { "--event", O_EVENT }, { "--arch", O_ARCH },
	{ "-c", O_COMM }, { "--comm", O_COMM },
	{ "--checkpoint", O_CHECKPOINT }, { "--debug", O_DEBUG },
	{ "-e", O_EXIT }, { "--exit", O_EXIT }, { "--escape", O_ESCAPE },
	{ "--eoe-timeout", O_EOE }, { "--extra-keys", O_XKEYS },
	{ "--extra-labels", O_XLABELS }, { "--extra-obj2", O_XOBJ2 },
	{ "--extra-time", O_XTIME }, { "-f", O_FILE }, { "--file", O_FILE },
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

struct ausearch_opts {
	struct search_criteria c;
	int format;			/* EVFMT_* */
	bool format_set;
	const char *input;
	bool force_logs, just_one, line_buffered, debug;
	int escape;
	long eoe_timeout;		/* -1: from auditd.conf */
	const char *checkpoint;
	bool checkpt_timeonly;
	bool extra_keys, extra_labels, extra_obj2, extra_time;
	char *alloc[8];			/* strings to free */
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
		o->c.exit = strtoll(arg, NULL, 0);
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

static int set_time(struct ausearch_opts *o, bool end, const char *date,
		    const char *tim)
{
	struct timespec_in in = { date, tim, end, time(NULL), 0 };
	time_t t;
	int year = 0, rc;
	const char *w = end ? "end" : "start";
	FILE *f;
	double up;

	if (date && strcmp(date, "boot") == 0) {
		f = fopen("/proc/uptime", "re");
		if (f && fscanf(f, "%lf", &up) == 1)
			in.boot = in.now - (time_t)up;
		if (f)
			fclose(f);
	}
	rc = timespec_parse(&in, &t, &year);
	switch (rc) {	/* ref 3.0.9 */
	case TIMESPEC_OK:
		if (end)
			o->c.end = t;
		else
			o->c.start = t;
		return 0;
	case TIMESPEC_EDATE:
		ref_msg("Invalid %s date (%s). Month, Day, and Year are required.",
			w, date);
		break;
	case TIMESPEC_EDATE_TAIL:
		ref_msg("Error parsing %s date (%s)", w, date);
		break;
	case TIMESPEC_ETIME:
		ref_msg("Invalid %s time (%s). Hour, Minute, and Second are required.",
			w, tim);
		break;
	case TIMESPEC_ETIME_TAIL:
		ref_msg("Error parsing %s time (%s)", w, tim);
		break;
	case TIMESPEC_EYEAR:
		ref_msg("Error - year is %d", year);
		break;
	default:
		ref_msg("Error converting %s time", w);
		break;
	}
	return -1;
}

/* -ts/-te: "[date] [time]" with the reference's guesses. Returns the
 * number of extra words used, or -1. */
static int parse_when(struct ausearch_opts *o, int argc, char **argv, int c,
		      bool end)
{
	const char *a = opt_arg(argc, argv, c);

	if (!a) {
		ref_msg("%s requires either date and/or time", argv[c]);
		return -1;
	}
	/* ours: ISO 8601 and @EPOCH are dates whatever they contain */
	bool ext = a[0] == '@' || (strlen(a) >= 5 && isdigit((unsigned char)a[0])
				   && isdigit((unsigned char)a[3]) && a[4] == '-');

	if (c + 2 < argc && argv[c + 2][0] != '-') {
		if (strchr(a, ':') && !ext)
			return set_time(o, end, argv[c + 2], a) ? -1 : 2;
		return set_time(o, end, a, argv[c + 2]) ? -1 : 2;
	}
	if (timespec_is_keyword(a))
		return set_time(o, end, a, end ? NULL : "00:00:00") ? -1 : 1;
	if (!end && strcmp(a, "checkpoint") == 0) {
		o->checkpt_timeonly = true;
		return 1;
	}
	if (ext && strchr(a, ':'))	/* a full ISO date-time */
		return set_time(o, end, a, NULL) ? -1 : 1;
	if (!strchr(a, ':'))
		return set_time(o, end, a, end ? NULL : "00:00:00") ? -1 : 1;
	return set_time(o, end, NULL, a) ? -1 : 1;
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
		*(id == O_PID ? &o->c.pid : &o->c.ppid) = v;
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

static int parse_args(int argc, char **argv, struct ausearch_opts *o)
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
	return 0;
}

#define MAX_OPEN_EVENTS 65536
#define MAX_OPEN_RECORDS (MAX_OPEN_EVENTS * 8)

struct run {
	const struct ausearch_opts *o;
	struct logread *lr;		/* the input being read, for paging */
	unsigned long drained;
	struct event_table t;
	struct search_items it;
	struct evfmt f;
	unsigned long matched;
	bool done;
};

/* auditd.conf's log_file and end_of_event_timeout (a minimal reader for
 * these two keys; core/conf takes over when it lands). */
static void read_conf(char *log_file, size_t len, long *eoe)
{
	FILE *fp = fopen("/etc/audit/auditd.conf", "re");
	char line[512], k[128], v[384];

	snprintf(log_file, len, "/var/log/audit/audit.log");
	if (!fp)
		return;
	while (fgets(line, sizeof line, fp))
		if (sscanf(line, " %127s = %383s", k, v) == 2) {
			if (strcmp(k, "log_file") == 0)
				snprintf(log_file, len, "%s", v);
			else if (strcmp(k, "end_of_event_timeout") == 0 && *eoe < 0)
				*eoe = strtol(v, NULL, 10);
		}
	fclose(fp);
}

static size_t msg_len(struct span line)
{
	const char *gs = memchr(line.p, RECORD_GS, line.n);

	return gs ? (size_t)(gs - line.p) : line.n;
}

static void debug_unparsed(void *ctx, int type)
{
	(void)ctx;
	fprintf(stderr, "Unparsed type:%d\n - skipped", type);	/* ref 3.0.9 */
}

static void emit(struct run *r, const struct event *e)
{
	const struct event_rec *bad = NULL;
	int rc;

	if (r->done)
		return;
	if (!search_match(&r->o->c, &r->t, e, &r->it, &rc, &bad)) {
		if (rc && r->o->debug && bad)
			fprintf(stderr, "Malformed event skipped, rc=%d. %.*s\n",
				rc, (int)msg_len(bad->line), bad->line.p);
		return;
	}
	r->matched++;
	evfmt_event(&r->f, &r->t, e, stdout);
	if (r->o->line_buffered)
		fflush(stdout);
	if (r->o->just_one)
		r->done = true;
}

static void drain(struct run *r)
{
	const struct event *e;

	while ((e = event_next(&r->t))) {
		emit(r, e);
		/* a big flush at the end touches many old pages: give them
		 * back as we go (they fault in again if needed) */
		if (++r->drained % 4096 == 0 && r->lr && r->lr->mapped) {
			size_t to = r->lr->pos, from = to > (256u << 20) ?
				to - (256u << 20) : 0;

			logread_release(r->lr, from, to);
		}
	}
}

static void feed_line(struct run *r, struct span line)
{
	struct record rec;
	const struct search_criteria *c = &r->o->c;
	uint32_t n;

	if (record_parse_header(&rec, line.p, line.n) != RECORD_OK)
		return;
	if ((c->start && (time_t)rec.sec < c->start) ||
	    (c->end && (time_t)rec.sec > c->end))
		return;
	while ((n = event_feed(&r->t, &rec)) == EVENT_RETRY)
		drain(r);
	if (n)
		drain(r);
}

static bool table_refers(void *ctx, const char *lo, const char *hi)
{
	return event_refers(ctx, lo, hi);
}

static int read_one(struct run *r, struct logread *lr)
{
	struct span line;
	size_t since = 0;
	unsigned long lines = 0;
	int rc;

	r->lr = lr;
	while (!r->done && (rc = logread_line(lr, &line)) > 0) {
		feed_line(r, line);
		/* Every MiB, give back the pages behind us (open events
		 * fault theirs in again when they are matched): RSS stays
		 * small whatever the log size. */
		if (lr->mapped && lr->pos - since > (1u << 20)) {
			size_t to = lr->pos - (256u << 10);

			logread_release(lr, to > (256u << 20) ? to - (256u << 20)
					: 0, to);
			since = lr->pos;
		}
		if (++lines % 4096 == 0 && logread_trimmable(lr))
			logread_trim(lr, table_refers, &r->t);
	}
	return 0;
}

static int run_file(struct run *r, const char *path)
{
	struct logread lr;
	int rc = logread_open(&lr, path);

	if (rc) {
		ref_msg("stat: %s", strerror(-rc));	/* ref 3.0.9 */
		return -1;
	}
	read_one(r, &lr);
	/* events keep spans into the mapping: finish them before unmapping */
	event_flush(&r->t);
	drain(r);
	r->lr = NULL;
	logread_close(&lr);
	return 0;
}

static int run_pipe(struct run *r)
{
	struct logread lr;

	logread_open_fd(&lr, 0);
	read_one(r, &lr);
	event_flush(&r->t);
	drain(r);
	r->lr = NULL;
	logread_close(&lr);
	return 0;
}

/* A rotated set, oldest first, as one stream: events may span files, so
 * every file stays mapped (its pages given back) until the end. */
static int run_set(struct run *r, const char *base)
{
	char (*set)[4096] = malloc(sizeof *set * LOGREAD_MAX_SET);
	struct logread *lrs = calloc(LOGREAD_MAX_SET, sizeof *lrs);
	int n, i, rc = 0, opened = 0;

	if (!set || !lrs)
		die(1, "out of memory");
	n = logread_set(base, 0, &set[0][0], sizeof set[0], LOGREAD_MAX_SET);
	for (i = 0; i < n && !r->done; i++) {
		int e = logread_open(&lrs[i], set[i]);

		if (e) {
			ref_msg("Error opening %s (%s)", set[i], strerror(-e));
			rc = -1;	/* ref 3.0.9 */
			break;
		}
		opened = i + 1;
		read_one(r, &lrs[i]);
	}
	if (rc == 0) {
		event_flush(&r->t);
		drain(r);
	}
	r->lr = NULL;
	for (i = 0; i < opened; i++)
		logread_close(&lrs[i]);
	free(lrs);
	free(set);
	return rc;
}

static int run_inputs(struct run *r)
{
	const struct ausearch_opts *o = r->o;
	struct stat st;
	char base[4096];
	long eoe = o->eoe_timeout;

	if (o->input) {
		if (stat(o->input, &st) < 0) {
			ref_msg("stat: %s", strerror(errno));	/* ref 3.0.9 */
			return -1;
		}
		if (!S_ISDIR(st.st_mode))
			return run_file(r, o->input);
		snprintf(base, sizeof base, "%s/audit.log", o->input);
		ref_msg("NOTE - using logs in %s", base);	/* ref 3.0.9 */
		return run_set(r, base);
	}
	if (!o->force_logs && fstat(0, &st) == 0 && S_ISFIFO(st.st_mode))
		return run_pipe(r);
	read_conf(base, sizeof base, &eoe);
	return run_set(r, base);
}

int ausearch_main(int argc, char **argv)
{
	static struct run r;
	struct ausearch_opts o;
	long eoe;
	static char obuf[1 << 16];

	if (parse_args(argc, argv, &o))
		return 1;
	if (o.format == EVFMT_CSV || o.format == EVFMT_TEXT) {
		warn_msg("--format %s is not supported yet",
			 o.format == EVFMT_CSV ? "csv" : "text");
		return 1;
	}
	if (o.checkpoint || o.checkpt_timeonly) {
		warn_msg("--checkpoint is not supported yet");
		return 1;
	}
	setvbuf(stdout, obuf, _IOFBF, sizeof obuf);
	eoe = o.eoe_timeout;
	if (eoe < 0) {
		char tmp[4096];

		read_conf(tmp, sizeof tmp, &eoe);
		if (eoe < 0)
			eoe = 2;
	}
	if (o.debug)
		o.c.unparsed = debug_unparsed;
	r.o = &o;
	if (event_init(&r.t, MAX_OPEN_EVENTS, MAX_OPEN_RECORDS, (unsigned)eoe))
		die(1, "out of memory");
	evfmt_init(&r.f, o.format, o.escape);
	if (run_inputs(&r) < 0) {
		event_fini(&r.t);
		return 1;
	}
	event_fini(&r.t);
	if (r.matched == 0) {
		if (o.format != EVFMT_RAW) {
			fflush(stdout);
			ref_msg("<no matches>");
		}
		return 1;
	}
	return 0;
}
