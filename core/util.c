/* util - number scanning and one-write messages. */
#include <auditbox/util.h>
#include <auditbox/tables.h>

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int digit_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return 99;
}

size_t scan_u64(const char *s, int base, uint64_t *v)
{
	const char *p = s;
	uint64_t acc = 0;

	if (base == 0) {
		if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X') &&
		    digit_value(p[2]) < 16) {
			base = 16;
			p += 2;
		} else if (p[0] == '0') {
			base = 8;
		} else {
			base = 10;
		}
	} else if (base == 16 && p[0] == '0' && (p[1] == 'x' || p[1] == 'X') &&
		   digit_value(p[2]) < 16) {
		p += 2;
	}
	if (digit_value(*p) >= base)
		return 0;
	for (; digit_value(*p) < base; p++) {
		unsigned d = (unsigned)digit_value(*p);

		if (acc > (UINT64_MAX - d) / (unsigned)base)
			return 0;
		acc = acc * (unsigned)base + d;
	}
	*v = acc;
	return (size_t)(p - s);
}

long long parse_num(const char *s, long long min, long long max,
		    const char **errstr)
{
	int neg = s[0] == '-';
	uint64_t u;
	size_t n = scan_u64(s + neg, 10, &u);
	long long v;

	*errstr = NULL;
	if (n == 0 || s[neg + n] != 0) {
		*errstr = "invalid";
		return 0;
	}
	if (neg) {
		if (u > (uint64_t)LLONG_MAX + 1) {
			*errstr = "too small";
			return 0;
		}
		v = u == (uint64_t)LLONG_MAX + 1 ? LLONG_MIN : -(long long)u;
	} else {
		if (u > (uint64_t)LLONG_MAX) {
			*errstr = "too large";
			return 0;
		}
		v = (long long)u;
	}
	if (v < min || v > max) {
		*errstr = v < min ? "too small" : "too large";
		return 0;
	}
	return v;
}

void msg_vwrite(int fd, const char *prefix, int err, const char *fmt,
		va_list ap)
{
	char buf[1024];
	size_t n = 0;
	int r;

	if (prefix) {
		r = snprintf(buf, sizeof buf, "%s: ", prefix);
		n = r > 0 ? (size_t)r : 0;
	}
	r = vsnprintf(buf + n, sizeof buf - n, fmt, ap);
	if (r > 0)
		n += (size_t)r;
	if (n > sizeof buf - 2)
		n = sizeof buf - 2;
	if (err > 0) {
		r = snprintf(buf + n, sizeof buf - n, ": %s", tables_strerror(err));
		if (r > 0)
			n += (size_t)r;
		if (n > sizeof buf - 2)
			n = sizeof buf - 2;
	}
	buf[n++] = '\n';
	while (write(fd, buf, n) < 0 && errno == EINTR)
		;
}

const char *base_name(const char *path)
{
	const char *s = strrchr(path, '/');

	return s ? s + 1 : path;
}

int make_dirs(const char *dir, mode_t mode,
	      void (*made)(void *, const char *, mode_t), void *arg)
{
	char path[PATH_MAX];
	size_t n = strlen(dir);

	if (n >= sizeof path) {
		errno = ENAMETOOLONG;
		return -1;
	}
	memcpy(path, dir, n + 1);
	for (char *p = path + 1;; p++) {
		char c = *p;
		mode_t m = c ? 0755 : mode;

		if (c != '/' && c != 0)
			continue;
		*p = 0;
		if (mkdir(path, m) == 0) {
			/* exactly m: the umask must not narrow it */
			if (chmod(path, m) < 0)
				return -1;
			if (made)
				made(arg, path, m);
		} else if (errno != EEXIST) {
			return -1;
		}
		*p = c;
		if (!c)
			return 0;
	}
}
