/* main - the multi-call dispatcher: picks an applet by basename(argv[0]),
 * or runs the multiplexer (auditbox APPLET ARGS, --list, --install,
 * --help, --version). Docs: docs/auditbox.1.md */
#include "applet.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

const char *prog = "auditbox";

static const struct applet applets[] = {
#define APPLET(n, id) { n, id##_main, id##_usage },
#include "applets.h"
#undef APPLET
};
#define NAPPLETS (sizeof applets / sizeof applets[0])

void warn_msg(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	msg_vwrite(2, prog, 0, fmt, ap);
	va_end(ap);
}

void warn_errno(const char *fmt, ...)
{
	int e = errno;
	va_list ap;

	va_start(ap, fmt);
	msg_vwrite(2, prog, e, fmt, ap);
	va_end(ap);
}

void die(int code, const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	va_start(ap, fmt);
	msg_vwrite(2, prog, 0, fmt, ap);
	va_end(ap);
	exit(code);
}

void ref_msg(const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	va_start(ap, fmt);
	msg_vwrite(2, NULL, 0, fmt, ap);
	va_end(ap);
}

int not_implemented(void)
{
	warn_msg("not implemented yet");
	return 1;
}

static const struct applet *applet_find(const char *name)
{
	for (size_t i = 0; i < NAPPLETS; i++)
		if (!strcmp(applets[i].name, name))
			return &applets[i];
	return NULL;
}

/* Flushes stdout: a write error fails the run (EPIPE stays silent). */
static int finish(int rc)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		if (errno != EPIPE)
			warn_errno("write error");
		return rc ? rc : 1;
	}
	return rc;
}

static void list_applets(FILE *f)
{
	for (size_t i = 0; i < NAPPLETS; i++)
		fprintf(f, "%s\n", applets[i].name);
}

static int multiplexer_usage(FILE *f, int rc)
{
	fprintf(f,
		"auditbox %s: the Linux audit userspace in one program\n"
		"\n"
		"usage: auditbox APPLET [ARGS...]   run an applet\n"
		"       APPLET [ARGS...]            when installed as a link named APPLET\n"
		"       auditbox --list             list the applets\n"
		"       auditbox --install [DIR [TARGET]]\n"
		"                                   make a symlink per applet in DIR\n"
		"                                   (default: the directory of auditbox)\n"
		"                                   to TARGET (default: auditbox, by\n"
		"                                   name in its own directory)\n"
		"       auditbox --help [APPLET]    this help, or the applet's usage\n"
		"       auditbox --version          print the version\n"
		"\n"
		"applets:\n", AUDITBOX_VERSION);
	list_applets(f);
	return rc;
}

/* Absolute path of this executable. */
static int self_path(const char *argv0, char *out, size_t cap)
{
	ssize_t n = readlink("/proc/self/exe", out, cap - 1);

	if (n > 0) {
		out[n] = 0;
		return 0;
	}
	if (argv0 && argv0[0] == '/' && strlen(argv0) < cap) {
		strcpy(out, argv0);
		return 0;
	}
	return -1;
}

/* Whether directory a and b are the same directory. */
static int same_dir(const char *a, const char *b)
{
	struct stat sa, sb;

	return stat(a, &sa) == 0 && stat(b, &sb) == 0 &&
	       sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/* --install [DIR [TARGET]]: DIR/APPLET -> TARGET, as given (for a staging
 * tree whose binary will live elsewhere); without TARGET, our base name
 * when we are in DIR (the links still work when DIR moves, as in an
 * image), else our absolute path. */
static int install(const char *argv0, const char *dir, const char *target)
{
	char self[PATH_MAX], link[PATH_MAX], cur[PATH_MAX], dflt[PATH_MAX];
	const char *slash;
	int rc = 0, given = target != NULL;

	if (self_path(argv0, self, sizeof self) < 0) {
		warn_msg("cannot find my own path (no /proc/self/exe and "
			 "argv[0] is not absolute)");
		return 1;
	}
	slash = strrchr(self, '/');
	snprintf(dflt, sizeof dflt, "%.*s", (int)(slash - self), self);
	if (!dflt[0])
		strcpy(dflt, "/");
	if (!dir)
		dir = dflt;
	if (make_dirs(dir, 0755, NULL, NULL) < 0) {
		warn_errno("%s", dir);
		return 1;
	}
	if (!target)
		target = same_dir(dir, dflt) ? slash + 1 : self;
	for (size_t i = 0; i < NAPPLETS; i++) {
		struct stat st;
		ssize_t n;
		int e;

		if (snprintf(link, sizeof link, "%s/%s", dir,
			     applets[i].name) >= (int)sizeof link) {
			errno = ENAMETOOLONG;
			warn_errno("%s/%s", dir, applets[i].name);
			rc = 1;
			continue;
		}
		if (symlink(target, link) == 0)
			continue;
		e = errno;
		if (e == EEXIST && lstat(link, &st) == 0 &&
		    S_ISLNK(st.st_mode) &&
		    (n = readlink(link, cur, sizeof cur - 1)) > 0) {
			cur[n] = 0;
			if (!strcmp(cur, target) ||
			    (!given && !strcmp(cur, self)))
				continue;	/* already ours */
		}
		errno = e;
		warn_errno("%s", link);
		rc = 1;
	}
	return rc;
}

static int multiplexer(int argc, char **argv)
{
	const char *a = argc > 1 ? argv[1] : NULL;

	if (!a)
		return multiplexer_usage(stdout, 1);
	if (!strcmp(a, "--list")) {
		list_applets(stdout);
		return 0;
	}
	if (!strcmp(a, "--install"))
		return install(argv[0], argc > 2 ? argv[2] : NULL,
			       argc > 3 ? argv[3] : NULL);
	if (!strcmp(a, "--version")) {
		printf("auditbox %s\n", AUDITBOX_VERSION);
		return 0;
	}
	if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
		const struct applet *ap;

		if (argc < 3)
			return multiplexer_usage(stdout, 0);
		ap = applet_find(base_name(argv[2]));
		if (!ap) {
			warn_msg("unknown applet '%s'", argv[2]);
			return 127;
		}
		fputs(ap->usage, stdout);
		return 0;
	}
	if (a[0] == '-' && a[1] == '-') {
		warn_msg("unknown option '%s'", a);
		return multiplexer_usage(stderr, 1);
	}
	return -1;	/* an applet name: dispatch again */
}

int main(int argc, char **argv)
{
	const char *name = base_name(argv[0] ? argv[0] : "auditbox");
	const struct applet *a;

	if (name[0] == '-')	/* login-shell style "-name" */
		name++;
	a = applet_find(name);
	if (!a && !strcmp(name, "auditbox")) {
		int rc = multiplexer(argc, argv);

		if (rc >= 0)
			return finish(rc);
		argc--;
		argv++;
		name = base_name(argv[0]);
		a = applet_find(name);
	}
	if (!a) {
		warn_msg("unknown applet '%s'", name);
		return 127;
	}
	prog = a->name;
	return finish(a->main(argc, argv));
}
