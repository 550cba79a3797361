/* conf - the "keyword = value [option]" tokenizer shared by every audit
 * config file, with the reference's quirks: tokens split on spaces only
 * (a tab is part of a token), "=" must be its own token, "#" starts a
 * comment only as the first token, keywords and enum values are case
 * insensitive, lines of 160 bytes or more (and a last line without a
 * newline) are skipped, the first error stops the parse. */
#include <auditbox/conf.h>
#include <auditbox/tables.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

/* Sends a message; with fatal, also records it as the error in diag
 * unless one is already there. */
static void conf_vsay(struct conf_ctx *c, enum conf_level lvl, int fatal,
		      const char *fmt, va_list ap)
{
	char msg[512];

	vsnprintf(msg, sizeof msg, fmt, ap);
	if (fatal && c->diag && !c->diag->msg[0]) {
		c->diag->file = c->file;
		c->diag->line = c->line;
		c->diag->col = 0;
		size_t n = strlen(msg);

		if (n > sizeof c->diag->msg - 1)
			n = sizeof c->diag->msg - 1;
		memcpy(c->diag->msg, msg, n);
		c->diag->msg[n] = 0;
	}
	if (c->note)
		c->note(c->note_arg, lvl, c, msg);
}

void conf_say(struct conf_ctx *c, enum conf_level lvl, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	conf_vsay(c, lvl, 0, fmt, ap);
	va_end(ap);
}

int conf_fail(struct conf_ctx *c, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	conf_vsay(c, CONF_ERR, 1, fmt, ap);
	va_end(ap);
	return -1;
}

/* An error message that is fatal (recorded in diag) only when fatal. */
static void conf_fail_if(struct conf_ctx *c, int fatal, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void conf_fail_if(struct conf_ctx *c, int fatal, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	conf_vsay(c, CONF_ERR, fatal, fmt, ap);
	va_end(ap);
}

/* Next space-delimited token of *s, NUL-terminated in place. */
static char *next_token(char **s)
{
	char *p = *s, *start;

	while (*p == ' ')
		p++;
	if (!*p) {
		*s = p;
		return NULL;
	}
	start = p;
	while (*p && *p != ' ')
		p++;
	if (*p)
		*p++ = 0;
	*s = p;
	return start;
}

int conf_split(char *line, struct conf_kv *kv)
{
	char *s = line, *t;

	kv->name = kv->value = kv->option = NULL;
	t = next_token(&s);
	if (!t || t[0] == '#')
		return 0;
	kv->name = t;
	t = next_token(&s);
	if (!t)
		return 1;
	if (strcmp(t, "="))
		return 2;
	t = next_token(&s);
	if (!t)
		return 1;
	kv->value = t;
	t = next_token(&s);
	if (t) {
		kv->option = t;
		if (next_token(&s))
			return 1;
	}
	return 0;
}

static const struct conf_key *key_find(const struct conf_key *keys,
				       const char *name)
{
	for (; keys->name; keys++)
		if (!strcasecmp(keys->name, name))
			return keys;
	return NULL;
}

/* One complete line (without its newline). 0 or -1. */
static int parse_line(struct conf_ctx *c, char *line,
		      const struct conf_key *keys, void *obj)
{
	struct conf_kv kv;
	const struct conf_key *k;
	int rc = conf_split(line, &kv);

	/* ref 3.0.9: a bad token count is fatal only without a value */
	if (rc == 1)
		conf_fail_if(c, !kv.value, "Wrong number of arguments for "
			     "line %u in %s", c->line, c->file);
	else if (rc == 2)
		conf_fail_if(c, 1, "Missing equal sign for line %u in %s",
			     c->line, c->file);
	if (!kv.name)
		return 0;
	if (!kv.value)
		return conf_fail(c, "Not processing any more lines in %s",
				 c->file);
	k = key_find(keys, kv.name);
	if (!k)
		return conf_fail(c, "Unknown keyword \"%s\" in line %u of %s",
				 kv.name, c->line, c->file);
	if (k->max_opts == 0 && kv.option)
		return conf_fail(c, "Keyword \"%s\" has invalid option \"%s\" "
				 "in line %u of %s", kv.name, kv.option,
				 c->line, c->file);
	return k->set(c, obj, &kv) < 0 ? -1 : 0;
}

int conf_parse(struct conf_ctx *c, const char *buf, size_t len,
	       const struct conf_key *keys, void *obj)
{
	char line[CONF_LINE_MAX];
	size_t off = 0;

	c->line = 1;
	if (c->diag)
		c->diag->msg[0] = 0;
	while (off < len) {
		const char *nl = memchr(buf + off, '\n', len - off);
		size_t n = nl ? (size_t)(nl - (buf + off)) : len - off;
		const char *nul = memchr(buf + off, 0, n);

		/* fgets keeps n + 1 bytes of the line plus a NUL in 160. */
		if (!nl || n + 1 > CONF_LINE_MAX - 1) {
			conf_say(c, CONF_ERR, "Skipping line %u in %s: too long",
				 c->line, c->file);
			if (!nl)
				break;
			off += n + 1;
			c->line++;
			continue;
		}
		/* An embedded NUL ends the line for the reference's
		 * strchr-based code: it never finds the newline and reads
		 * on. Treat the line as ending at the NUL. */
		memcpy(line, buf + off, nul ? (size_t)(nul - (buf + off)) : n);
		line[nul ? (size_t)(nul - (buf + off)) : n] = 0;
		if (parse_line(c, line, keys, obj) < 0)
			return -1;
		off += n + 1;
		c->line++;
	}
	return (int)c->line - 1;
}

int conf_load(struct conf_ctx *c, const char *path,
	      const struct conf_key *keys, void *obj, int *lines)
{
	int fd, rc, flags = O_RDONLY | O_CLOEXEC;
	struct stat st;
	char *buf;
	size_t len = 0, cap;
	ssize_t n;

	if (c->diag)
		c->diag->msg[0] = 0;
	c->line = 0;
	if (!c->allow_links)
		flags |= O_NOFOLLOW;
	fd = open(path, flags);
	if (fd < 0) {
		if (errno != ENOENT)
			return conf_fail(c, "Error opening config file (%s)",
					 tables_strerror(errno));
		conf_say(c, CONF_WARN, "Config file %s doesn't exist, skipping",
			 path);
		return 1;
	}
	conf_say(c, CONF_DEBUG, "Config file %s opened for parsing", path);
	rc = fstat(fd, &st);
	if (rc < 0)
		rc = conf_fail(c, "Error fstat'ing config file (%s)",
			       tables_strerror(errno));
	else if (c->check_owner && st.st_uid != 0)
		rc = conf_fail(c, "Error - %s isn't owned by root", path);
	else if (st.st_mode & S_IWOTH)
		rc = conf_fail(c, "Error - %s is world writable", path);
	else if (!S_ISREG(st.st_mode))
		rc = conf_fail(c, "Error - %s is not a regular file", path);
	if (rc < 0) {
		close(fd);
		return -1;
	}
	cap = st.st_size > 0 ? (size_t)st.st_size + 1 : 4096;
	buf = malloc(cap);
	if (!buf) {
		close(fd);
		return conf_fail(c, "Error - fdopen failed (%s)",
				 tables_strerror(ENOMEM));
	}
	for (;;) {
		if (len == cap) {
			char *nb = realloc(buf, cap * 2);

			if (!nb) {
				free(buf);
				close(fd);
				return conf_fail(c, "Error - fdopen failed "
						 "(%s)", tables_strerror(ENOMEM));
			}
			buf = nb;
			cap *= 2;
		}
		n = read(fd, buf + len, cap - len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		len += (size_t)n;
	}
	close(fd);
	rc = conf_parse(c, buf, len, keys, obj);
	free(buf);
	if (rc < 0)
		return -1;
	if (lines)
		*lines = rc;
	return 0;
}

int conf_enum_get(struct conf_ctx *c, const struct conf_enum *tab,
		  const char *v)
{
	for (; tab->name; tab++)
		if (!strcasecmp(tab->name, v))
			return tab->val;
	return conf_fail(c, "Option %s not found - line %u", v, c->line);
}

int conf_yesno(struct conf_ctx *c, const char *v)
{
	static const struct conf_enum yn[] = {
		{ "yes", 1 }, { "no", 0 }, { NULL, 0 } };

	return conf_enum_get(c, yn, v);
}

int conf_digits(struct conf_ctx *c, const char *v, unsigned long *out)
{
	unsigned long acc = 0;
	int range = 0;

	for (const char *p = v; *p; p++) {
		unsigned d = (unsigned)(*p - '0');

		if (*p < '0' || *p > '9')
			return conf_fail(c, "Value %s should only be numbers - "
					 "line %u", v, c->line);
		if (acc > (ULONG_MAX - d) / 10)
			range = 1;
		else
			acc = acc * 10 + d;
	}
	if (range)
		return conf_fail(c, "Error converting string to a number "
				 "(%s) - line %u", tables_strerror(ERANGE),
				 c->line);
	*out = (unsigned long)acc;
	return 0;
}

int conf_range(struct conf_ctx *c, const char *v, unsigned long min,
	       unsigned long max, unsigned long *out)
{
	unsigned long n;

	if (conf_digits(c, v, &n) < 0)
		return -1;
	if (n < min)
		return conf_fail(c, "Error - converted number (%s) is too "
				 "small - line %u", v, c->line);
	if (n > max)
		return conf_fail(c, "Error - converted number (%s) is too "
				 "large - line %u", v, c->line);
	*out = n;
	return 0;
}

void conf_str(char *dst, const char *v)
{
	size_t n = strlen(v);

	if (n > CONF_STR_MAX - 1)
		n = CONF_STR_MAX - 1;
	memcpy(dst, v, n);
	dst[n] = 0;
}
