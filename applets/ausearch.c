/* ausearch - search audit logs by pid, key, type, time, user, file...
 * Reference behaviour: audit 3.0.9 ausearch(8). Docs: docs/ausearch.8.md */
#include "applet.h"
#include "logmsg.h"
#include "ausearch.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <auditbox/checkpt.h>
#include <auditbox/conf.h>
#include <auditbox/event.h>
#include <auditbox/evfmt.h>
#include <auditbox/logread.h>
#include <auditbox/record.h>
#include <auditbox/scan.h>
#include <auditbox/search.h>
#include <auditbox/tables.h>

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

struct run {
	const struct ausearch_opts *o;
	struct scan s;
	struct search_items it;
	struct evfmt f;
	unsigned long matched;
	/* --checkpoint */
	struct checkpt cp;
	bool have_cp, can_output, have_last;
	struct checkpt_event last;
	unsigned failure;		/* CHECKPT_F_* */
	uint64_t dev, ino;		/* the file last read */
	long timeout;			/* end of event, seconds */
};

static const char *scan_find(void *ctx, const char *p, const char *end)
{
	return search_find(ctx, p, end);
}

enum { STOP_ONE = 1, STOP_CORRUPT = 10 };

/* A released event: match, checkpoint decision, output (the reference's
 * process_log_fd loop body). Non-zero stops the scan. */
static int on_event(void *ctx, const struct event_table *t,
		    const struct event *e)
{
	struct run *r = ctx;
	const struct ausearch_opts *o = r->o;
	const struct event_rec *bad = NULL;
	int rc, d = CHECKPT_OUTPUT;

	if (search_match(&o->c, t, e, &r->it, &rc, &bad)) {
		if (o->checkpoint)
			d = checkpt_decide(&r->cp, r->have_cp,
					   o->checkpt_timeonly, &r->can_output, e);
		if (d == CHECKPT_OUTPUT) {
			r->matched++;
			evfmt_event(&r->f, t, e, stdout);
		} else if (d == CHECKPT_CORRUPT) {
			fprintf(stderr, "Corrupted checkpoint file. Inode match, "
				"but newer complete event (%lu.%03u:%lu) found "
				"before loaded checkpoint %lu.%03u:%lu\n",
				(unsigned long)e->sec, e->milli, e->serial,
				(unsigned long)r->cp.ev.sec, r->cp.ev.milli,
				r->cp.ev.serial);	/* ref 3.0.9 */
			r->failure |= CHECKPT_F_CORRUPTED;
			return STOP_CORRUPT;
		}
		if (o->just_one)
			return STOP_ONE;
		if (o->line_buffered)
			fflush(stdout);
	} else if (rc && o->debug && bad) {
		logmsg_malformed(rc, &r->it, bad);
	}
	if (o->checkpoint) {
		checkpt_event_set(&r->last, e);
		r->have_last = true;
	}
	return 0;
}

/* The reference's set_ChkPtFileDetails(). */
static void file_details(struct run *r, const char *path)
{
	struct stat st;

	if (stat(path, &st) != 0) {
		fprintf(stderr, "Cannot stat audit file for checkpoint details "
			"- %s: %s\n", path, tables_strerror(errno));
		r->failure |= CHECKPT_F_STATFAILED;
		return;
	}
	r->dev = (uint64_t)st.st_dev;
	r->ino = (uint64_t)st.st_ino;
}

/* Index of the checkpointed file in the set (newest first, as the
 * reference looks), or -1. */
static int set_find_checkpt(struct run *r, char (*set)[4096], int n)
{
	struct stat st;
	int i;

	for (i = n - 1; i >= 0; i--) {
		if (stat(set[i], &st) != 0) {
			ref_msg("Error stat'ing %s (%s)", set[i],
				tables_strerror(errno));
			return -2;
		}
		if ((uint64_t)st.st_dev == r->cp.dev &&
		    (uint64_t)st.st_ino == r->cp.ino)
			return i;
	}
	return -1;
}

/* A rotated set, oldest first, as one stream (from the checkpointed
 * file on when resuming). Returns 0 or the reference's exit code. */
static int run_set(struct run *r, const char *base)
{
	char (*set)[4096] = malloc(sizeof *set * LOGREAD_MAX_SET);
	int n, from = 0, failed = 0, rc;

	if (!set)
		die(1, "out of memory");
	n = logread_set(base, 0, &set[0][0], sizeof set[0], LOGREAD_MAX_SET);
	if (r->o->checkpoint && r->have_cp && !r->o->checkpt_timeonly) {
		from = set_find_checkpt(r, set, n);
		if (from < 0) {
			free(set);
			return from == -2 ? 1 : 10;	/* ref 3.0.9 */
		}
	}
	rc = scan_files(&r->s, &set[from][0], sizeof set[0], n - from, &failed);
	if (rc == -ENOMEM)
		die(1, "out of memory");
	if (rc) {
		ref_msg("Error opening %s (%s)", set[from + failed],
			tables_strerror(-rc));	/* ref 3.0.9 */
		rc = 1;
	} else if (r->s.stop == STOP_CORRUPT) {
		rc = 10;
	} else if (r->o->checkpoint) {
		file_details(r, set[from + r->s.file]);
	}
	free(set);
	return rc;
}

/* auditd.conf as the reference reads it for ausearch; *bad when the
 * file could not be used (built-in values then). */
static void load_conf(struct auditd_conf *cf, bool *bad)
{
	struct conf_ctx c = { .file = "/etc/audit/auditd.conf",
			      .check_owner = 1 };

	*bad = conf_auditd_load(&c, c.file, cf) < 0;
}

static int run_inputs(struct run *r, const struct auditd_conf *cf,
		      bool conf_bad)
{
	const struct ausearch_opts *o = r->o;
	struct stat st;
	char base[4096];
	int failed, rc;

	if (o->live)
		return ausearch_live(&r->s, r->timeout);
	if (o->follow) {	/* a FIFO on stdin is not read */
		if (!o->input) {
			if (conf_bad)
				ref_msg("NOTE - using built-in logs: %s",
					cf->log_file);
			return ausearch_follow(&r->s, cf->log_file, true,
					       r->timeout);
		}
		if (stat(o->input, &st) == 0 && S_ISDIR(st.st_mode)) {
			size_t l = strlen(o->input);

			snprintf(base, sizeof base, "%s%saudit.log", o->input,
				 l && o->input[l - 1] == '/' ? "" : "/");
			ref_msg("NOTE - using logs in %s", base);
			return ausearch_follow(&r->s, base, true, r->timeout);
		}
		return ausearch_follow(&r->s, o->input, false, r->timeout);
	}
	if (o->input) {
		if (stat(o->input, &st) < 0) {
			ref_msg("stat: %s", tables_strerror(errno));	/* ref 3.0.9 */
			return 1;
		}
		if (S_ISDIR(st.st_mode)) {
			size_t l = strlen(o->input);

			snprintf(base, sizeof base, "%s%saudit.log", o->input,
				 l && o->input[l - 1] == '/' ? "" : "/");
			ref_msg("NOTE - using logs in %s", base);	/* ref 3.0.9 */
			return run_set(r, base);
		}
		rc = scan_files(&r->s, o->input, strlen(o->input) + 1, 1,
				&failed);
		if (rc == -ENOMEM)
			die(1, "out of memory");
		if (rc)
			ref_msg("Error opening %s (%s)", o->input,
				tables_strerror(-rc));	/* ref 3.0.9 */
		if (o->checkpoint)
			file_details(r, o->input);
		return rc ? 1 : r->s.stop == STOP_CORRUPT ? 10 : 0;
	}
	if (!o->force_logs && fstat(0, &st) == 0 && S_ISFIFO(st.st_mode)) {
		scan_fd(&r->s, 0);
		return -1;	/* no checkpoint for a pipe */
	}
	if (conf_bad)
		ref_msg("NOTE - using built-in logs: %s", cf->log_file);
	return run_set(r, cf->log_file);
}

/* Loads --checkpoint's file. Returns 0, or 10 (the reference's exit). */
static int checkpt_load(struct run *r, const char *path)
{
	static const char *const what[] = {
		[CHECKPT_EDEV] = "Malformed dev checkpoint line - [%s]",
		[CHECKPT_EINODE] = "Malformed inode checkpoint line - [%s]",
		[CHECKPT_ENODE] = "Malformed output/event checkpoint line "
			"near node - [%s]",
		[CHECKPT_EAFTER] = "Malformed output/event checkpoint line "
			"after node - [%s]",
		[CHECKPT_EUNKNOWN] = "Unknown checkpoint line - [%s]",
	};
	char buf[65536];
	size_t n;
	FILE *f = fopen(path, "re");

	if (!f) {
		if (errno == ENOENT)
			return 0;
		ref_msg("Cannot open checkpoint file - %s: %s", path,
			tables_strerror(errno));	/* ref 3.0.9 */
		return 10;
	}
	n = fread(buf, 1, sizeof buf, f);
	fclose(f);
	if (checkpt_parse(&r->cp, buf, n) == 0) {
		r->have_cp = true;
		return 0;
	}
	if (r->cp.err) {	/* ref 3.0.9; lines are longer than ref_msg's */
		fprintf(stderr, what[r->cp.err], r->cp.line);
		fputc('\n', stderr);
	}
	if (r->cp.missing)
		ref_msg("Missing dev/inode lines from checkpoint file %s", path);
	return 10;
}

/* Writes the checkpoint (the reference's save_ChkPt()). */
static void checkpt_save(struct run *r, const char *path)
{
	char text[CHECKPT_NODE_MAX + 128];
	struct checkpt_event none = { 0 };
	FILE *f = fopen(path, "we");

	if (!f) {
		ref_msg("Cannot open checkpoint file - %s: %s", path,
			tables_strerror(errno));	/* ref 3.0.9 */
		r->failure |= CHECKPT_F_STATUSIO;
		return;
	}
	checkpt_format(text, sizeof text, r->dev, r->ino,
		       r->have_last ? &r->last : &none);
	fputs(text, f);
	fclose(f);
}

int ausearch_main(int argc, char **argv)
{
	static struct run r;
	static struct auditd_conf cf;
	static char obuf[1 << 16];
	struct ausearch_opts o;
	bool conf_bad;
	int rc;

	if (ausearch_parse_args(argc, argv, &o))
		return 1;
	setvbuf(stdout, obuf, _IOFBF, sizeof obuf);
	umask(umask(077) | 027);	/* ref 3.0.9: checkpoint file mode */
	load_conf(&cf, &conf_bad);
	if (o.debug)
		o.c.unparsed = logmsg_unparsed;
	o.c.notice = logmsg_notice;
	r.o = &o;
	if (o.checkpoint && (rc = checkpt_load(&r, o.checkpoint)))
		return rc;
	r.timeout = o.eoe_timeout > 0 ? o.eoe_timeout :
		(long)cf.end_of_event_timeout;
	if (scan_init(&r.s, (unsigned)r.timeout, on_event, &r))
		die(1, "out of memory");
	r.s.start = o.c.start;
	r.s.end = o.c.end;
	r.s.keep_open = o.checkpoint != NULL;
	if (!o.debug && !o.follow && !o.live && search_findable(&o.c)) {
		/* whole events skipped before any field is read */
		r.s.find = scan_find;
		r.s.find_ctx = &o.c;
		o.c.prefilter = true;
	}
	evfmt_init(&r.f, o.format, o.escape);
	r.f.extra = (o.extra_keys ? EVFMT_X_KEYS : 0) |
		(o.extra_labels ? EVFMT_X_LABELS : 0) |
		(o.extra_obj2 ? EVFMT_X_OBJ2 : 0) |
		(o.extra_time ? EVFMT_X_TIME : 0);
	rc = run_inputs(&r, &cf, conf_bad);
	scan_fini(&r.s);
	if (rc < 0) {		/* a pipe */
		rc = 0;
		if (o.checkpoint)
			fputs("Warning - checkpointing stdin is not supported",
			      stderr);	/* ref 3.0.9, no newline */
	} else if (o.checkpoint) {
		if (!r.failure && rc == 0)
			checkpt_save(&r, o.checkpoint);
		if (r.failure)
			rc = r.failure & CHECKPT_F_CORRUPTED ? 12 : 11;
	}
	if (rc)
		return rc;
	if (r.matched == 0) {
		if (o.format != EVFMT_RAW) {
			fflush(stdout);
			ref_msg("<no matches>");
		}
		return 1;
	}
	return 0;
}
