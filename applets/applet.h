/* applet.h - private to applets/: the applet table, the program name and
 * the message helpers (the core never prints). */
#ifndef AUDITBOX_APPLET_H
#define AUDITBOX_APPLET_H

#include <auditbox/util.h>

#define AUDITBOX_VERSION "0.1"

struct applet {
	const char *name;
	int (*main)(int, char **);
	const char *usage;
};

#define APPLET(n, id) int id##_main(int, char **); extern const char id##_usage[];
#include "applets.h"
#undef APPLET

/* Name of the running applet, for "<prog>: message" (set by main). */
extern const char *prog;

/* "<prog>: message\n" on stderr in one write. */
void warn_msg(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Same, with ": strerror(errno)" appended. */
void warn_errno(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* warn_msg, then exit(code). */
_Noreturn void die(int code, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* "message\n" on stderr, no prefix: the reference tools' own messages. */
void ref_msg(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* The answer of an applet whose code has not landed yet. */
int not_implemented(void);

#endif
