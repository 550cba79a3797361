/* aureport - summary reports of audit logs.
 * Reference behaviour: audit 3.0.9 aureport(8) (aureport.c,
 * aureport-options.c). Docs: docs/aureport.8.md */
#include "applet.h"
#include "logmsg.h"
#include "when.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <auditbox/conf.h>
#include <auditbox/event.h>
#include <auditbox/evfmt.h>
#include <auditbox/logread.h>
#include <auditbox/opt.h>
#include <auditbox/report.h>
#include <auditbox/scan.h>
#include <auditbox/search.h>
#include <auditbox/tables.h>

const char aureport_usage[] =		/* ref 3.0.9 */
	"usage: aureport [options]\n"
	"\t-a,--avc\t\t\tAvc report\n"
	"\t-au,--auth\t\t\tAuthentication report\n"
	"\t--comm\t\t\t\tCommands run report\n"
	"\t-c,--config\t\t\tConfig change report\n"
	"\t-cr,--crypto\t\t\tCrypto report\n"
	"\t--debug\t\t\t\tWrite malformed events that are skipped to stderr\n"
	"\t--eoe-timeout secs\t\tEnd of Event Timeout\n"
	"\t-e,--event\t\t\tEvent report\n"
	"\t--escape option\t\t\tEscape output\n"
	"\t-f,--file\t\t\tFile name report\n"
	"\t--failed\t\t\tonly failed events in report\n"
	"\t-h,--host\t\t\tRemote Host name report\n"
	"\t--help\t\t\t\thelp\n"
	"\t-i,--interpret\t\t\tInterpretive mode\n"
	"\t-if,--input <Input File name>\tuse this file as input\n"
	"\t--input-logs\t\t\tUse the logs even if stdin is a pipe\n"
	"\t--integrity\t\t\tIntegrity event report\n"
	"\t-k,--key\t\t\tKey report\n"
	"\t-l,--login\t\t\tLogin report\n"
	"\t-m,--mods\t\t\tModification to accounts report\n"
	"\t-ma,--mac\t\t\tMandatory Access Control (MAC) report\n"
	"\t-n,--anomaly\t\t\taNomaly report\n"
	"\t-nc,--no-config\t\t\tDon't include config events\n"
	"\t--node <node name>\t\tOnly events from a specific node\n"
	"\t-p,--pid\t\t\tPid report\n"
	"\t-r,--response\t\t\tResponse to anomaly report\n"
	"\t-s,--syscall\t\t\tSyscall report\n"
	"\t--success\t\t\tonly success events in report\n"
	"\t--summary\t\t\tsorted totals for main object in report\n"
	"\t-t,--log\t\t\tLog time range report\n"
	"\t-te,--end [end date] [end time]\tending date & time for reports\n"
	"\t-tm,--terminal\t\t\tTerMinal name report\n"
	"\t-ts,--start [start date] [start time]\tstarting data & time for reports\n"
	"\t--tty\t\t\t\tReport about tty keystrokes\n"
	"\t-u,--user\t\t\tUser name report\n"
	"\t-v,--version\t\t\tVersion\n"
	"\t--virt\t\t\t\tVirtualization report\n"
	"\t-x,--executable\t\t\teXecutable name report\n"
	"\tIf no report is given, the summary report will be displayed\n";

enum {
	O_INFILE = 1, O_END, O_START, O_VERSION, O_LOG, O_CONFIG, O_LOGIN,
	O_USER, O_TERM, O_HOST, O_EXE, O_FILE, O_AVC, O_SYSCALL, O_PID,
	O_EVENT, O_MODS, O_INTERP, O_HELP, O_ANOM, O_RESP, O_SUMMARY,
	O_CRYPTO, O_MAC, O_FAILED, O_SUCCESS, O_ADD, O_DEL, O_AUTH, O_NODE,
	O_INLOGS, O_KEY, O_TTY, O_NOCONF, O_COMM, O_VIRT, O_INTEG, O_ESCAPE,
	O_DEBUG, O_EOE, O_FORMAT,
};

static const struct opt aureport_optv[] = {
	{ "-au", O_AUTH }, { "--auth", O_AUTH }, { "-a", O_AVC },
	{ "--avc", O_AVC }, { "--add", O_ADD }, { "-c", O_CONFIG },
	{ "--config", O_CONFIG }, { "--comm", O_COMM }, { "-cr", O_CRYPTO },
	{ "--crypto", O_CRYPTO }, { "--debug", O_DEBUG },
	{ "--delete", O_DEL }, { "-e", O_EVENT }, { "--event", O_EVENT },
	{ "--escape", O_ESCAPE }, { "--eoe-timeout", O_EOE },
	{ "-f", O_FILE }, { "--file", O_FILE }, { "--failed", O_FAILED },
	{ "--format", O_FORMAT },	/* ours */
	{ "-h", O_HOST }, { "--host", O_HOST }, { "--help", O_HELP },
	{ "-i", O_INTERP }, { "--interpret", O_INTERP }, { "-if", O_INFILE },
	{ "--input", O_INFILE }, { "--input-logs", O_INLOGS },
	{ "--integrity", O_INTEG }, { "-k", O_KEY }, { "--key", O_KEY },
	{ "-l", O_LOGIN }, { "--login", O_LOGIN }, { "-m", O_MODS },
	{ "--mods", O_MODS }, { "-ma", O_MAC }, { "--mac", O_MAC },
	{ "--node", O_NODE }, { "-nc", O_NOCONF }, { "--no-config", O_NOCONF },
	{ "-n", O_ANOM }, { "--anomaly", O_ANOM }, { "-p", O_PID },
	{ "--pid", O_PID }, { "-r", O_RESP }, { "--response", O_RESP },
	{ "-s", O_SYSCALL }, { "--syscall", O_SYSCALL },
	{ "--success", O_SUCCESS }, { "--summary", O_SUMMARY },
	{ "-t", O_LOG }, { "--log", O_LOG }, { "-te", O_END },
	{ "--end", O_END }, { "-tm", O_TERM }, { "--terminal", O_TERM },
	{ "-ts", O_START }, { "--tty", O_TTY }, { "--start", O_START },
	{ "-u", O_USER }, { "--user", O_USER }, { "-v", O_VERSION },
	{ "--version", O_VERSION }, { "--virt", O_VIRT }, { "-x", O_EXE },
	{ "--executable", O_EXE }, { NULL, 0 },
};

#define MAX_NODES 16

struct aureport_opts {
	struct report_opts r;
	const char *input;
	bool force_logs, debug;
	long eoe_timeout;		/* 0: from auditd.conf */
	time_t start, end;
	const char *nodes[MAX_NODES];
};

/* ref 3.0.9 set_report: one report only */
static int set_report(struct aureport_opts *o, int type)
{
	if (o->r.type != RPT_UNSET) {
		fputs("Error - only one report can be specified", stderr);
		return -1;
	}
	o->r.type = type;
	return 0;
}

static void set_detail(struct aureport_opts *o, int d)
{
	if (o->r.detail == D_UNSET || d == D_SUM)
		o->r.detail = d;
}

/* "Unimplemented option": the reference exits at once */
static _Noreturn void unimplemented(void)
{
	fflush(stdout);
	fputs("Unimplemented option\n", stderr);
	exit(1);
}

static int need_arg(const char *a, const char *opt)
{
	if (!a) {
		ref_msg("Argument is required for %s", opt);	/* ref 3.0.9 */
		return -1;
	}
	return 0;
}

/* A report option; with_arg: the reference refuses "-f PATH" and the
 * other "specific" reports as unimplemented. */
static int report_opt(struct aureport_opts *o, int type, bool checks_arg,
		      const char *a)
{
	if (set_report(o, type))
		return -1;
	if (checks_arg && a)
		unimplemented();
	set_detail(o, D_DETAILED);
	return 0;
}

static const int report_of[] = {
	[O_LOG] = RPT_TIME, [O_AVC] = RPT_AVC, [O_AUTH] = RPT_AUTH,
	[O_MAC] = RPT_MAC, [O_INTEG] = RPT_INTEG, [O_VIRT] = RPT_VIRT,
	[O_CONFIG] = RPT_CONFIG, [O_CRYPTO] = RPT_CRYPTO,
	[O_LOGIN] = RPT_LOGIN, [O_MODS] = RPT_ACCT_MOD, [O_EVENT] = RPT_EVENT,
	[O_FILE] = RPT_FILE, [O_HOST] = RPT_HOST, [O_PID] = RPT_PID,
	[O_SYSCALL] = RPT_SYSCALL, [O_TERM] = RPT_TERM, [O_USER] = RPT_USER,
	[O_EXE] = RPT_EXE, [O_COMM] = RPT_COMM, [O_ANOM] = RPT_ANOMALY,
	[O_RESP] = RPT_RESPONSE, [O_KEY] = RPT_KEY, [O_TTY] = RPT_TTY,
};

/* reports whose "specific" form (an argument) is unimplemented */
static bool checks_arg(int id)
{
	switch (id) {
	case O_FILE: case O_HOST: case O_PID: case O_SYSCALL: case O_TERM:
	case O_USER: case O_EXE: case O_COMM: case O_ANOM: case O_RESP:
	case O_KEY:
		return true;
	default:
		return false;
	}
}

static int parse_escape(struct aureport_opts *o, const char *a)
{
	if (strcmp(a, "raw") == 0)
		o->r.escape = EVFMT_ESC_RAW;
	else if (strcmp(a, "tty") == 0)
		o->r.escape = EVFMT_ESC_TTY;
	else if (strcmp(a, "shell") == 0)
		o->r.escape = EVFMT_ESC_SHELL;
	else if (strcmp(a, "shell_quote") == 0)
		o->r.escape = EVFMT_ESC_SHELL_QUOTE;
	else {
		ref_msg("Unknown option (%s)", a);
		return -1;
	}
	return 0;
}

/* The reference's check_params(): 0, or -1 (usage printed: exit 1). */
static int parse_args(int argc, char **argv, struct aureport_opts *o)
{
	int c, n, id, rc = 0;
	const char *a;

	memset(o, 0, sizeof *o);
	o->r.escape = EVFMT_ESC_TTY;
	o->r.nodes = o->nodes;
	for (c = 1; c < argc && rc == 0; c++) {
		a = opt_arg(argc, argv, c);
		id = opt_lookup(aureport_optv, argv[c]);
		switch (id) {
		case O_INFILE:
			if ((rc = need_arg(a, argv[c])))
				break;
			if (strlen(a) >= PATH_MAX - 32) {
				ref_msg("File name is too long %s", a);
				rc = -1;
				break;
			}
			o->input = a;
			c++;
			break;
		case O_LOG: case O_AVC: case O_AUTH: case O_MAC: case O_INTEG:
		case O_VIRT: case O_CONFIG: case O_CRYPTO: case O_LOGIN:
		case O_MODS: case O_EVENT: case O_FILE: case O_HOST: case O_PID:
		case O_SYSCALL: case O_TERM: case O_USER: case O_EXE:
		case O_COMM: case O_ANOM: case O_RESP: case O_KEY: case O_TTY:
			rc = report_opt(o, report_of[id], checks_arg(id), a);
			break;
		case O_INTERP:
			o->r.interpret = true;
			if (a) {
				ref_msg("Argument is NOT required for %s", argv[c]);
				rc = -1;
			}
			break;
		case O_START:
		case O_END:
			n = when_arg(argc, argv, c, id == O_END ?
				     WHEN_END | WHEN_END_MIDNIGHT : 0,
				     id == O_END ? &o->end : &o->start);
			if (n < 0)
				rc = -1;
			else
				c += n;
			break;
		case O_NODE:
			if ((rc = need_arg(a, argv[c])))
				break;
			if (o->r.nnodes == MAX_NODES) {
				ref_msg("Too many --node values (at most %d)",
					MAX_NODES);
				rc = -1;
				break;
			}
			o->nodes[o->r.nnodes++] = a;
			c++;
			break;
		case O_ESCAPE:
			if ((rc = need_arg(a, argv[c])))
				break;
			if ((rc = parse_escape(o, a)))
				break;
			c++;
			break;
		case O_FORMAT:		/* ours: text (the default) or json */
			if ((rc = need_arg(a, argv[c])))
				break;
			if (strcmp(a, "json") == 0) {
				o->r.json = true;
			} else if (strcmp(a, "text") != 0) {
				ref_msg("Unknown format (%s): text or json", a);
				rc = -1;
				break;
			}
			c++;
			break;
		case O_SUMMARY:
			set_detail(o, D_SUM);
			break;
		case O_FAILED:
			o->r.failed = REPORT_FAILED;
			break;
		case O_SUCCESS:
			o->r.failed = REPORT_SUCCESS;
			break;
		case O_ADD:
			o->r.conf = REPORT_C_ADD;
			break;
		case O_DEL:
			o->r.conf = REPORT_C_DEL;
			break;
		case O_DEBUG:
			o->debug = true;
			break;
		case O_INLOGS:
			o->force_logs = true;
			break;
		case O_NOCONF:
			o->r.no_config = true;
			break;
		case O_VERSION:
			printf("aureport version %s\n", "3.0.9");
			exit(0);
		case O_HELP:
			fputs(aureport_usage, stdout);
			exit(0);
		case O_EOE:
			if ((rc = need_arg(a, argv[c])))
				break;
			if (isdigit((unsigned char)a[0])) {
				errno = 0;
				o->eoe_timeout = (long)strtoul(a, NULL, 10);
				if (errno || o->eoe_timeout == 0) {
					ref_msg("Illegal value for End of Event "
						"Timeout, was %s", a);
					rc = -1;
				}
				c++;
			} else {
				ref_msg("End of Event Timeout must be a numeric "
					"value, was %s", a);
				rc = -1;
			}
			break;
		default:
			ref_msg("%s is an unsupported option", argv[c]);
			rc = -1;
			break;
		}
	}
	if (rc) {
		fputs(aureport_usage, stdout);
		return -1;
	}
	if (o->r.type == RPT_UNSET) {
		o->r.type = RPT_SUMMARY;
		o->r.detail = D_SUM;
	}
	return 0;
}

struct run {
	struct aureport_opts *o;
	struct report rep;
	struct scan s;
	struct search_criteria c;
	struct search_items it;
	/* the file being read (-t and the summary's range) */
	const char *const *names;	/* file names by scan index */
	size_t name_len;		/* stride of names (0: one name) */
	bool file_have;
	struct report_when file_first, file_last, very_last;
};

/* the reference's process_log_fd loop body and process_event() */
static int on_event(void *ctx, const struct event_table *t,
		    const struct event *e)
{
	struct run *r = ctx;
	const struct aureport_opts *o = r->o;
	const struct event_rec *bad = NULL;
	int rc;

	if (o->r.type <= RPT_SUMMARY) {
		struct report_when w = { e->sec, e->milli };

		if (!r->file_have)
			r->file_first = w;
		r->file_have = true;
		r->file_last = w;
	}
	if ((o->start && (time_t)e->sec < o->start) ||
	    (o->end && (time_t)e->sec > o->end))
		return 0;
	rc = search_extract(&r->c, t, e, &r->it, &bad);
	if (rc == 0) {
		report_event(&r->rep, t, e, &r->it);
	} else if (o->debug && bad) {
		logmsg_malformed(rc, &r->it, bad);
	}
	return 0;
}

static const char *file_name(const struct run *r, int i)
{
	return r->name_len ? (const char *)r->names + (size_t)i * r->name_len
			   : r->names[0];
}

static void on_file_end(void *ctx, int file)
{
	struct run *r = ctx;

	r->very_last = r->file_have ? r->file_last : (struct report_when){ 0 };
	if (r->o->r.type == RPT_TIME)
		report_log_range(&r->rep, file_name(r, file), r->file_have,
				 r->file_first, r->file_last);
	r->file_have = false;
}

static int run_set(struct run *r, const char *base)
{
	char (*set)[4096] = malloc(sizeof *set * LOGREAD_MAX_SET);
	int n, failed = 0, rc;

	if (!set)
		die(1, "out of memory");
	n = logread_set(base, 0, &set[0][0], sizeof set[0], LOGREAD_MAX_SET);
	r->names = (const char *const *)(void *)set;
	r->name_len = sizeof set[0];
	rc = scan_files(&r->s, &set[0][0], sizeof set[0], n, &failed);
	if (rc == -ENOMEM)
		die(1, "out of memory");
	if (rc) {
		fflush(stdout);
		ref_msg("Error opening %s (%s)", set[failed],
			tables_strerror(-rc));	/* ref 3.0.9 */
		rc = 1;
	}
	free(set);
	return rc;
}

static int run_inputs(struct run *r, const struct auditd_conf *cf)
{
	const struct aureport_opts *o = r->o;
	static const char *one[1];
	struct stat st;
	char base[4096];
	int failed, rc;

	if (o->input) {
		if (stat(o->input, &st) < 0) {
			fflush(stdout);
			ref_msg("stat: %s", tables_strerror(errno));	/* ref 3.0.9 */
			return 1;
		}
		if (S_ISDIR(st.st_mode)) {
			size_t l = strlen(o->input);

			snprintf(base, sizeof base, "%s%saudit.log", o->input,
				 l && o->input[l - 1] == '/' ? "" : "/");
			fflush(stdout);
			ref_msg("NOTE - using logs in %s", base);	/* ref 3.0.9 */
			return run_set(r, base);
		}
		one[0] = o->input;
		r->names = one;
		rc = scan_files(&r->s, o->input, strlen(o->input) + 1, 1,
				&failed);
		if (rc == -ENOMEM)
			die(1, "out of memory");
		if (rc) {
			fflush(stdout);
			ref_msg("Error opening %s (%s)", o->input,
				tables_strerror(-rc));	/* ref 3.0.9 */
		}
		return rc ? 1 : 0;
	}
	if (!o->force_logs && fstat(0, &st) == 0 && S_ISFIFO(st.st_mode)) {
		one[0] = "stdin";
		r->names = one;
		return scan_fd(&r->s, 0) ? 1 : 0;
	}
	return run_set(r, cf->log_file);
}

int aureport_main(int argc, char **argv)
{
	static struct run r;
	static struct auditd_conf cf;
	static char obuf[1 << 16];
	static struct aureport_opts o;
	struct conf_ctx cc = { .file = "/etc/audit/auditd.conf",
			       .check_owner = 1 };
	struct report_when first;
	int rc;

	if (parse_args(argc, argv, &o))
		return 1;
	setvbuf(stdout, obuf, _IOFBF, sizeof obuf);
	umask(umask(077) | 027);	/* ref 3.0.9 */
	if (conf_auditd_load(&cc, cc.file, &cf) < 0)
		ref_msg("NOTE - using built-in logs: %s", cf.log_file);
	r.o = &o;
	search_criteria_init(&r.c);
	report_criteria(&o.r, &r.c);
	if (o.debug)
		r.c.unparsed = logmsg_unparsed;
	r.c.notice = logmsg_notice;
	report_init(&r.rep, &o.r, stdout);
	if (report_title(&r.rep)) {
		report_fini(&r.rep);
		unimplemented();
	}
	if (scan_init(&r.s, o.eoe_timeout > 0 ? (unsigned)o.eoe_timeout :
		      (unsigned)cf.end_of_event_timeout, on_event, &r))
		die(1, "out of memory");
	r.s.start = o.start;
	r.s.end = o.end;
	r.s.file_end = on_file_end;
	rc = run_inputs(&r, &cf);
	first = (struct report_when){ r.s.first_sec, r.s.first_milli };
	scan_fini(&r.s);
	if (rc == 0)
		rc = report_finish(&r.rep, first, r.very_last, o.start, o.end);
	if (r.rep.oom) {
		fflush(stdout);
		ref_msg("aureport: out of memory: the report is incomplete");
		rc = 1;
	}
	report_fini(&r.rep);
	fflush(stdout);
	return rc;
}
