/* augenrules - merge the rules.d directory into audit.rules and, with
 * --load, load it, as the reference 3.0.9 augenrules script does (same
 * merge, messages on stdout naming $0, exit codes). Ours: --rules-dir and
 * --rules-file point elsewhere than /etc/audit. Docs: docs/augenrules.8.md */
#include "applet.h"

#include <auditbox/rulefile.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

/* ref 3.0.9: "Usage: $0 [--check|--load]" */
const char augenrules_usage[] = "Usage: augenrules [--check|--load]\n";

struct augenrules_opts {
	int check, load;
	const char *dir, *dest;	/* SourceRulesDir, DestinationFile */
	char self[PATH_MAX];	/* the script's $0 */
};

/* $0 of the reference script: the path the shell found it at. A name
 * without '/' is looked up in PATH as execvp() does. */
static void find_self(char *out, size_t cap, const char *argv0)
{
	const char *path = getenv("PATH"), *p, *e;

	snprintf(out, cap, "%s", argv0);
	if (strchr(argv0, '/') || !path)
		return;
	for (p = path; ; p = e + 1) {
		char cand[PATH_MAX];

		e = strchr(p, ':');
		if (!e)
			e = p + strlen(p);
		if (e > p) {
			snprintf(cand, sizeof cand, "%.*s/%s", (int)(e - p), p,
				 argv0);
			if (access(cand, X_OK) == 0) {
				snprintf(out, cap, "%s", cand);
				return;
			}
		}
		if (!*e)
			return;
	}
}

static int parse_args(int argc, char **argv, struct augenrules_opts *o)
{
	int i;

	o->dir = "/etc/audit/rules.d";
	o->dest = "/etc/audit/audit.rules";
	find_self(o->self, sizeof o->self, argv[0]);
	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--check"))
			o->check = 1;
		else if (!strcmp(argv[i], "--load"))
			o->load = 1;
		else if (!strcmp(argv[i], "--rules-dir") && i + 1 < argc)
			o->dir = argv[++i];
		else if (!strcmp(argv[i], "--rules-file") && i + 1 < argc)
			o->dest = argv[++i];
		else {
			printf("Usage: %s [--check|--load]\n", o->self);
			return -1;
		}
	}
	return 0;
}

/* try_load(): auditctl -R DestinationFile, this binary as auditctl
 * (the reference runs /sbin/auditctl). Its exit status, or 0. */
static int try_load(const struct augenrules_opts *o)
{
	pid_t pid;
	int st;

	if (!o->load)
		return 0;
	fflush(stdout);
	pid = fork();
	if (pid < 0) {
		warn_errno("fork");
		return 1;
	}
	if (pid == 0) {
		char *const av[] = { "auditctl", "-R", (char *)o->dest, NULL };

		execv("/proc/self/exe", av);
		warn_errno("exec auditctl");
		_exit(127);
	}
	while (waitpid(pid, &st, 0) < 0)
		if (errno != EINTR)
			return 1;
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

static void warn_file(void *ctx, const struct diag *d)
{
	(void)ctx;
	warn_msg("%s: %s", d->file, d->msg);	/* cat's complaint */
}

/* All of path, malloc'd; NULL (errno set) when it cannot be read. */
static char *slurp(const char *path, size_t *len, mode_t *mode)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	size_t cap = 8192, n = 0;
	struct stat st;
	char *buf = NULL, *p;
	ssize_t r;

	if (fd < 0)
		return NULL;
	if (fstat(fd, &st) < 0)
		goto fail;
	*mode = st.st_mode & 07777;
	for (;;) {
		if (!buf || n == cap) {
			if (!(p = realloc(buf, buf ? cap *= 2 : cap)))
				goto fail;
			buf = p;
		}
		r = read(fd, buf + n, cap - n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			goto fail;
		if (r == 0)
			break;
		n += (size_t)r;
	}
	close(fd);
	*len = n;
	return buf;
fail:
	r = errno;
	free(buf);
	close(fd);
	errno = (int)r;
	return NULL;
}

/* 1 when path holds exactly text[len] (the script's cmp -s). */
static int same_content(const char *path, const char *text, size_t len)
{
	mode_t mode;
	size_t n;
	char *old = slurp(path, &n, &mode);
	int same = old && n == len && !memcmp(old, text, len);

	free(old);
	return same;
}

/* cp(1) of a whole buffer into path (created with mode, umask applied). */
static int write_file(const char *path, const char *buf, size_t len,
		      mode_t mode)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode);
	size_t off = 0;

	if (fd < 0)
		return -1;
	while (off < len) {
		ssize_t w = write(fd, buf + off, len - off);

		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0) {
			close(fd);
			return -1;
		}
		off += (size_t)w;
	}
	return close(fd);
}

/* cp DestinationFile DestinationFile.prev, when it is a regular file. */
static int save_previous(const char *dest)
{
	char prev[PATH_MAX];
	struct stat st;
	mode_t mode;
	size_t n;
	char *old;
	int r;

	if (stat(dest, &st) < 0 || !S_ISREG(st.st_mode))
		return 0;
	snprintf(prev, sizeof prev, "%s.prev", dest);
	old = slurp(dest, &n, &mode);
	if (!old) {
		warn_errno("%s", dest);
		return -1;
	}
	r = write_file(prev, old, n, mode);
	if (r < 0)
		warn_errno("%s", prev);
	free(old);
	return r;
}

/* Merged rules of o->dir, as the script's TmpRules. */
static char *merge(const struct augenrules_opts *o, size_t *len)
{
	struct rulefile rf, none;
	struct diag d;
	char *t;
	int bad, n;

	rulefile_init(&rf);
	n = rulefile_merge_dir(&rf, o->dir, 0, warn_file, NULL, &bad, &d);
	if (n < 0) {	/* ls failed: nothing merged */
		warn_msg("cannot open directory '%s': %s", o->dir, d.msg);
		rulefile_init(&none);
		rulefile_reorder(&rf, &none, o->dir);
	}
	t = rulefile_text(&rf, len);
	rulefile_fini(&rf);
	if (!t)
		die(1, "out of memory");
	return t;
}

int augenrules_main(int argc, char **argv)
{
	struct augenrules_opts o = { 0 };
	struct stat st;
	size_t len;
	char *text;
	int r = 0;

	if (parse_args(argc, argv, &o) < 0)
		return 1;
	if (stat(o.dir, &st) < 0 || !S_ISDIR(st.st_mode)) {
		printf("%s: No rules directory - %s\n", o.self, o.dir);
		try_load(&o);
		return 1;
	}
	umask(0137);
	text = merge(&o, &len);
	if (same_content(o.dest, text, len)) {
		printf("%s: No change\n", o.self);
		free(text);
		return try_load(&o);
	}
	if (o.check) {
		printf("%s: Rules have changed and should be updated\n",
		       o.self);
		free(text);
		return 0;
	}
	if (save_previous(o.dest) < 0)
		r = 1;
	if (write_file(o.dest, text, len, 0600) < 0 ||
	    chmod(o.dest, 0640) < 0) {
		warn_errno("%s", o.dest);
		r = 1;	/* ours: the script goes on and exits 0 */
	}
	free(text);
	if (access("/sbin/restorecon", X_OK) == 0) {
		pid_t pid;

		fflush(stdout);
		pid = fork();
		if (pid == 0) {
			execl("/sbin/restorecon", "restorecon", "-F", o.dest,
			      (char *)NULL);
			_exit(127);
		}
		if (pid > 0)
			waitpid(pid, NULL, 0);
	}
	if (o.load)
		return try_load(&o) || r;
	return r;
}
