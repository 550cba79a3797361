/* auditctl - get and set the kernel's audit status; load, list and delete
 * rules; load rules files and rules.d directories (-R); check rules files
 * offline (--check). Reference behaviour: audit 3.0.9 auditctl(8),
 * including its exit codes (-1 from the reference's main is exit status
 * 255). The kernel-facing options are in auditctl_ctl.c.
 * Docs: docs/auditctl.8.md */
#include "applet.h"
#include "auditctl.h"

#include <auditbox/rulefile.h>
#include <auditbox/rulelint.h>
#include <auditbox/tables.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
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

#define CAP_AUDIT_CONTROL 30

enum { EXIT_NOTROOT = 4 };

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

typedef int (*line_fn)(struct auditctl *, const struct rulefile_line *,
		       char **, int);

/* Every command line of rf through fn; 0, or -1 when fn stops it. */
static int each_line(struct auditctl *c, const struct rulefile *rf,
		     line_fn fn)
{
	char buf[RULE_LINE_MAX], *argv[RULE_LINE_MAX / 2 + 4];
	size_t i;

	for (i = 0; i < rf->n; i++) {
		int argc;

		snprintf(buf, sizeof buf, "%s", rf->v[i].text);
		argc = rule_split_line(buf, argv, sizeof argv / sizeof *argv);
		if (argc > 0) {
			c->b.lineno = rf->v[i].line;
			if (fn(c, &rf->v[i], argv, argc) < 0)
				return -1;
		}
	}
	return 0;
}

/* Validation pass: parse only, report FILE:LINE: for syntax errors
 * (unless check_quiet); the first bad line's messages are kept for
 * replay_first_bad(). */
static int validate_line(struct auditctl *c, const struct rulefile_line *l,
			 char **argv, int argc)
{
	struct diag d = { .file = l->file, .line = l->line };
	int r;

	rule_reset(&c->b);
	c->dry_msg[0] = 0;
	c->dry_len = 0;
	r = rule_parse(&c->b, argc, argv, &d);
	if (r == RULE_REPLY && c->b.syscall_added)
		auditctl_request(c, r);	/* its message, into dry_log */
	if (r != RULE_ERROR && !(r == RULE_REPLY && c->b.syscall_added)) {
		if (r == RULE_SEND && (c->b.add != RULE_FILTER_UNSET ||
				       c->b.del != RULE_FILTER_UNSET))
			c->dry_sent = 1;
		return 0;
	}
	if (!c->bad_lines++) {
		c->first_bad_sent = c->dry_sent;
		c->first_bad_line = l->line;
		c->first_bad_file = l->file;
		memcpy(c->first_bad_log, c->dry_log, c->dry_len);
		c->first_bad_len = c->dry_len;
	}
	if (!c->check_quiet)
		warn_msg("%s:%u: %s", l->file, l->line, d.msg[0] ? d.msg :
			 c->dry_msg[0] ? c->dry_msg : "invalid rule");
	return 0;
}

/* The reference's messages for the first bad line, where 3.0.9 prints
 * them: the line's own (its fprintf()s on stderr; its audit_msg()s to
 * syslog unless a rule was sent before) and "There was an error in line
 * N of FILE". Nothing was loaded, but the same text is seen. */
static void replay_first_bad(struct auditctl *c)
{
	char m[PATH_MAX + 64];
	size_t i = 0;

	c->syslog_mode = !c->first_bad_sent;
	while (i < c->first_bad_len) {
		const char *msg = c->first_bad_log + i + 1;

		auditctl_say(c, c->first_bad_log[i] == 'd', msg);
		i += strlen(msg) + 2;
	}
	snprintf(m, sizeof m, "There was an error in line %u of %s",
		 c->first_bad_line, c->first_bad_file);
	auditctl_say(c, 0, m);
	c->syslog_mode = 1;
}

static int load_line(struct auditctl *c, const struct rulefile_line *l,
		     char **argv, int argc)
{
	char m[PATH_MAX + 64];
	int r;

	rule_reset(&c->b);
	r = rule_parse(&c->b, argc, argv, NULL);
	if (r == RULE_DEPRECATED || auditctl_request(c, r) == 0)
		return 0;
	snprintf(m, sizeof m, "There was an error in line %u of %s",
		 l->line, l->file);
	auditctl_say(c, 0, m);
	if (!c->b.ignore)
		return -1;
	if (c->b.continue_error)
		c->b.continue_error = -1;
	return 0;
}

/* A file the reference refuses: its message (syslog during -R) and, ours,
 * the same on stderr (docs/compat.md). */
static void file_error(void *ctx, const struct diag *d)
{
	auditctl_say(ctx, 0, d->msg);
	warn_msg("%s", d->msg);
}

/* -R PATH into rf: a rules file with the reference's checks, or (ours) a
 * rules.d directory merged as augenrules does, each file checked. */
static int read_rules(struct auditctl *c, const char *path,
		      struct rulefile *rf)
{
	struct diag d = { 0 };
	struct stat st;
	int fd, n, bad;

	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
		n = rulefile_merge_dir(rf, path, RULEFILE_CHECK |
				       RULEFILE_FGETS, file_error, c, &bad,
				       &d);
		if (n > 0 && !bad)
			return 0;
		if (bad)
			warn_msg("%s: %d unusable rules file%s, no rule loaded",
				 path, bad, bad > 1 ? "s" : "");
		else if (n < 0)
			warn_msg("%s: %s", path, d.msg);
		else {	/* no *.rules: refused as 3.0.9 refuses any directory */
			snprintf(d.msg, sizeof d.msg,
				 "Error - %s is not a regular file", path);
			file_error(c, &d);
		}
		return -1;
	}
	fd = rulefile_open(path, &d);
	if (fd < 0) {
		file_error(c, &d);
		return -1;
	}
	n = rulefile_read(rf, fd, path);
	close(fd);
	if (n < 0) {
		warn_msg("%s: %s", path, tables_strerror(-n));
		return -1;
	}
	return 0;
}

/* -R PATH: validate every line, then load them (docs/compat.md). */
static int load_rules(struct auditctl *c, const char *path)
{
	struct rulefile rf;
	int r = 1;

	c->syslog_mode = 1;
	if (!auditctl_is_ready(c))
		return 0;	/* ref 3.0.9: said (to syslog), exit 0 */
	rulefile_init(&rf);
	if (read_rules(c, path, &rf) < 0)
		goto out;
	/* a quiet pass finds the first bad line; the reference's messages
	 * for it come first, then ours for every bad line */
	c->dry = c->check_quiet = 1;
	each_line(c, &rf, validate_line);
	if (c->bad_lines && !c->b.ignore) {
		c->dry = 0;
		replay_first_bad(c);
		c->dry = 1;
	}
	c->check_quiet = c->bad_lines = c->dry_sent = 0;
	each_line(c, &rf, validate_line);
	c->dry = 0;
	if (c->bad_lines && !c->b.ignore) {
		warn_msg("%s: %d bad line%s, no rule loaded", path,
			 c->bad_lines, c->bad_lines > 1 ? "s" : "");
		goto out;
	}
	c->b.ignore = c->b.continue_error = 0;
	if (each_line(c, &rf, load_line) == 0 && c->b.continue_error >= 0)
		r = 0;
out:
	rulefile_fini(&rf);
	return r;
}

static void lint_report(void *ctx, const char *file, unsigned line,
			const char *msg)
{
	(void)ctx;
	printf("%s:%u: %s\n", file, line, msg);
}

static void lint_file_error(void *ctx, const struct diag *d)
{
	++*(int *)ctx;
	printf("%s: %s\n", d->file, d->msg);
}

/* --check PATH: a rules file, or a rules.d merged as augenrules, read
 * without the owner checks (image builds run as anyone). */
static int lint_read(const char *path, struct rulefile *rf)
{
	struct diag d = { 0 };
	struct stat st;
	int fd, n, bad = 0;

	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
		n = rulefile_merge_dir(rf, path, RULEFILE_FGETS,
				       lint_file_error, &bad, &bad, &d);
		if (n < 0)
			printf("%s: %s\n", path, d.msg);
		return n < 0 ? -1 : bad;
	}
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0 || fstat(fd, &st) < 0) {
		printf("%s: %s\n", path, tables_strerror(errno));
		return -1;
	}
	if (!S_ISREG(st.st_mode))
		printf("%s: not a regular file\n", path);
	else if (st.st_mode & S_IWOTH)
		printf("%s: world writable: auditctl -R refuses it\n", path);
	n = rulefile_read(rf, fd, path);
	close(fd);
	if (n < 0)
		printf("%s: %s\n", path, tables_strerror(-n));
	return n < 0 ? -1 : !S_ISREG(st.st_mode) || (st.st_mode & S_IWOTH);
}

/* auditctl --check FILE|DIR [--arch ARCH]: ours, no kernel, no root.
 * Problems on stdout as FILE:LINE: message; exit 1 if any. */
static int check_main(int argc, char **argv)
{
	const char *path = NULL, *arch = NULL;
	struct rulefile rf;
	int i, mach, n, bad;

	for (i = 1; i + 1 < argc; i += 2) {
		if (!strcmp(argv[i], "--check") && !path)
			path = argv[i + 1];
		else if (!strcmp(argv[i], "--arch") && !arch)
			arch = argv[i + 1];
		else
			break;
	}
	if (i != argc || !path) {
		warn_msg("usage: auditctl --check FILE|DIR [--arch ARCH]");
		return 1;
	}
	mach = arch ? rulelint_machine(arch) : tables_machine_detect();
	if (mach < 0) {
		warn_msg("unknown machine: %s", arch ? arch : "(uname -m)");
		return 1;
	}
	rulefile_init(&rf);
	bad = lint_read(path, &rf);
	n = bad < 0 ? 0 : rulelint_check(&rf, mach, lint_report, NULL);
	rulefile_fini(&rf);
	if (n < 0)
		die(1, "out of memory");
	return bad || n ? 1 : 0;
}

int auditctl_main(int argc, char **argv)
{
	struct auditctl *c;
	int r;

	/* glibc's syslog is tagged with the program's name by default;
	 * musl's is not: audit_msg()'s lines name auditctl, as 3.0.9's */
	auditctl_openlog(base_name(argv[0]));
	if (argc == 1) {
		fputs(auditctl_usage, stdout);
		return 1;
	}
	if (!strcmp(argv[1], "--check") || !strcmp(argv[1], "--arch"))
		return check_main(argc, argv);
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
				tables_strerror(-r));
		ref_msg("Cannot open netlink audit socket");
		free(c);
		return 1;
	}
	rule_builder_init(&c->b, tables_machine_detect(), auditctl_features(c),
			  auditctl_control, auditctl_say, c);
	if (argc == 3 && !strcmp(argv[1], "-R")) {
		r = load_rules(c, argv[2]);
		goto out;
	}
	r = rule_parse(&c->b, argc, argv, NULL);
	/* ref 3.0.9: setopt()'s last word when the kernel refused us */
	if (r == RULE_ERROR && c->refused)
		ref_msg("The audit system is disabled");
	if (r == RULE_DEPRECATED) {
		r = 0;
		goto out;
	}
	if ((c->b.add != RULE_FILTER_UNSET || c->b.del != RULE_FILTER_UNSET) &&
	    !auditctl_is_ready(c)) {
		r = 0;	/* ref 3.0.9: refused, said, and exit 0 */
		goto out;
	}
	r = auditctl_request(c, r) < 0 ? 255 : 0;
out:
	netlink_close(&c->nl);
	free(c);
	return r;
}
