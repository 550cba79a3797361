/* util - number scanning and message output shared by every applet.
 * The core never prints on its own: applets call these. */
#ifndef AUDITBOX_UTIL_H
#define AUDITBOX_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/* Scans an unsigned number in base 10, 16 or 8 (base 0: C prefixes, as
 * strtoul). Returns the characters consumed, 0 if there is no digit or
 * the value does not fit in 64 bits. No sign, no leading space. */
size_t scan_u64(const char *s, int base, uint64_t *v);

/* strtonum: a whole decimal string within [min, max]. On error returns 0
 * and sets *errstr to "invalid", "too small" or "too large". */
long long parse_num(const char *s, long long min, long long max,
		    const char **errstr);

/* Writes "prefix: message\n" (or "message\n" when prefix is NULL) to fd
 * in one write(2); with err > 0 appends ": strerror(err)". */
void msg_vwrite(int fd, const char *prefix, int err, const char *fmt,
		va_list ap);

/* mkdir -p: the missing directories of dir are made, dir itself with
 * mode and those above it 0755 (exactly: the umask does not apply), and
 * each one made is passed to made(arg, path, mode) when made is not
 * NULL. 0, or -1 with errno. */
int make_dirs(const char *dir, mode_t mode,
	      void (*made)(void *, const char *, mode_t), void *arg);

/* basename without modifying the argument. */
const char *base_name(const char *path);

#endif
