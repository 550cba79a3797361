/* rulefile - rules files and rules.d directories: the reference 3.0.9
 * auditctl fileopt() checks and fgets() line reading, and its augenrules
 * script's merge (ls -1v | grep '\.rules$', cat, then an awk filter that
 * drops comments and empty lines and moves the last -D, -b, -f first and
 * the last -e last). Docs: docs/augenrules.8.md, docs/audit.rules.5.md */
#include <auditbox/rulefile.h>
#include <auditbox/tables.h>
#include <auditbox/rule.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

void rulefile_init(struct rulefile *rf)
{
	memset(rf, 0, sizeof *rf);
}

void rulefile_fini(struct rulefile *rf)
{
	size_t i;

	for (i = 0; i < rf->n; i++)
		free(rf->v[i].text);
	for (i = 0; i < rf->nown; i++)
		free(rf->own[i]);
	free(rf->v);
	free(rf->own);
	memset(rf, 0, sizeof *rf);
}

/* An owned copy of an origin name (the last one is reused). */
static const char *own_name(struct rulefile *rf, const char *name)
{
	size_t i;
	char *s;

	if (!name)
		return NULL;
	for (i = rf->nown; i-- > 0;)
		if (!strcmp(rf->own[i], name))
			return rf->own[i];
	if (rf->nown == rf->owncap) {
		size_t cap = rf->owncap ? rf->owncap * 2 : 8;
		char **p = realloc(rf->own, cap * sizeof *p);

		if (!p)
			return NULL;
		rf->own = p;
		rf->owncap = cap;
	}
	s = strdup(name);
	if (s)
		rf->own[rf->nown++] = s;
	return s;
}

/* Appends one line of len bytes (no newline) from file:line. */
static int add_line(struct rulefile *rf, const char *text, size_t len,
		    const char *file, unsigned line)
{
	char *t;

	if (rf->n == rf->cap) {
		size_t cap = rf->cap ? rf->cap * 2 : 64;
		struct rulefile_line *v = realloc(rf->v, cap * sizeof *v);

		if (!v)
			return -ENOMEM;
		rf->v = v;
		rf->cap = cap;
	}
	t = malloc(len + 1);
	if (!t)
		return -ENOMEM;
	memcpy(t, text, len);
	t[len] = 0;
	rf->v[rf->n].file = file;
	rf->v[rf->n].line = line;
	rf->v[rf->n++].text = t;
	return 0;
}

/* Lines of text from file, numbered from first; see rulefile_add_text. */
static int add_lines(struct rulefile *rf, const char *text, size_t len,
		     const char *file, unsigned first, size_t chunk)
{
	size_t off = 0;

	while (off < len) {
		const char *nl = memchr(text + off, '\n', len - off);
		size_t n = nl ? (size_t)(nl - (text + off)) + 1 : len - off;
		size_t body;

		if (chunk && n > chunk)
			n = chunk;
		body = n;
		if (text[off + n - 1] == '\n')
			body--;
		if (add_line(rf, text + off, body, file, first++) < 0)
			return -ENOMEM;
		off += n;
	}
	return 0;
}

int rulefile_add_text(struct rulefile *rf, const char *text, size_t len,
		      const char *name, size_t chunk)
{
	const char *file = own_name(rf, name);

	if (name && !file)
		return -ENOMEM;
	return add_lines(rf, text, len, file, 1, chunk);
}

/* All of fd into a malloc'd buffer. 0 or -errno. */
static int read_all(int fd, char **out, size_t *len)
{
	size_t cap = 8192, n = 0;
	char *buf = malloc(cap);

	if (!buf)
		return -ENOMEM;
	for (;;) {
		ssize_t r;

		if (n == cap) {
			char *p = realloc(buf, cap * 2);

			if (!p) {
				free(buf);
				return -ENOMEM;
			}
			buf = p;
			cap *= 2;
		}
		r = read(fd, buf + n, cap - n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			r = -errno;
			free(buf);
			return (int)r;
		}
		if (r == 0)
			break;
		n += (size_t)r;
	}
	*out = buf;
	*len = n;
	return 0;
}

int rulefile_read(struct rulefile *rf, int fd, const char *name)
{
	char *buf;
	size_t len;
	int r = read_all(fd, &buf, &len);

	if (r < 0)
		return r;
	r = rulefile_add_text(rf, buf, len, name, RULE_LINE_MAX - 1);
	free(buf);
	return r;
}

static void diag_set(struct diag *d, const char *path, const char *fmt,
		     const char *arg)
{
	d->file = path;
	d->line = d->col = 0;
	snprintf(d->msg, sizeof d->msg, fmt, path, arg);
}

int rulefile_open(const char *path, struct diag *d)
{
	struct stat st;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	/* ref 3.0.9: fileopt()'s messages, in its order */
	if (fd < 0) {
		if (errno == ENOENT)
			diag_set(d, path, "audit rules file %s doesn't exist%s",
				 "");
		else
			diag_set(d, path, "Error opening %s (%s)",
				 tables_strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) < 0)
		diag_set(d, path, "Error fstat'ing %s (%s)", tables_strerror(errno));
	else if (!S_ISREG(st.st_mode))
		diag_set(d, path, "Error - %s is not a regular file%s", "");
	else if (st.st_uid != 0)
		diag_set(d, path, "Error - %s isn't owned by root%s", "");
	else if (st.st_mode & S_IWOTH)
		diag_set(d, path, "Error - %s is world writable%s", "");
	else
		return fd;
	close(fd);
	return -1;
}

/* ls -v: gnulib's filevercmp() (Debian version order on the name, its
 * file suffix compared last), with strcmp() breaking ties as ls does. */
static int c_digit(int c) { return c >= '0' && c <= '9'; }
static int c_alpha(int c) { return (c | 32) >= 'a' && (c | 32) <= 'z'; }

/* The length of s without its suffix (\.[A-Za-z~][A-Za-z0-9~]*)*$,
 * never all of s. */
static size_t ver_prefix(const char *s, size_t n)
{
	size_t i = 0, pre = 0;

	while (i < n) {
		pre = ++i;
		while (i + 1 < n && s[i] == '.' &&
		       (c_alpha(s[i + 1]) || s[i + 1] == '~')) {
			i += 2;
			while (i < n && (c_alpha(s[i]) || c_digit(s[i]) ||
					 s[i] == '~'))
				i++;
		}
	}
	return pre;
}

/* Weight of s[pos]: end sorts before everything but '~', letters
 * before other characters. */
static int ver_weight(const char *s, size_t pos, size_t len)
{
	unsigned char c;

	if (pos >= len)
		return -1;
	c = (unsigned char)s[pos];
	if (c_digit(c))
		return 0;
	if (c_alpha(c))
		return c;
	if (c == '~')
		return -2;
	return c + 256;
}

/* Alternating runs of non-digits (by weight) and numbers (by value). */
static int ver_runs(const char *a, size_t an, const char *b, size_t bn)
{
	size_t i = 0, j = 0;

	while (i < an || j < bn) {
		int first = 0;

		while ((i < an && !c_digit(a[i])) || (j < bn && !c_digit(b[j]))) {
			int x = ver_weight(a, i, an), y = ver_weight(b, j, bn);

			if (x != y)
				return x - y;
			i++;
			j++;
		}
		while (i < an && a[i] == '0')
			i++;
		while (j < bn && b[j] == '0')
			j++;
		while (i < an && j < bn && c_digit(a[i]) && c_digit(b[j])) {
			if (!first)
				first = a[i] - b[j];
			i++;
			j++;
		}
		if (i < an && c_digit(a[i]))
			return 1;
		if (j < bn && c_digit(b[j]))
			return -1;
		if (first)
			return first;
	}
	return 0;
}

static int filevercmp(const char *a, const char *b)
{
	size_t an = strlen(a), bn = strlen(b), ap, bp;
	int r;

	if (!an || !bn)
		return !!an - !!bn;
	if (a[0] == '.' || b[0] == '.') {
		/* ".", then "..", then other hidden names, then the rest */
		int ra = a[0] != '.' ? 3 : an == 1 ? 0 :
			 (an == 2 && a[1] == '.') ? 1 : 2;
		int rb = b[0] != '.' ? 3 : bn == 1 ? 0 :
			 (bn == 2 && b[1] == '.') ? 1 : 2;

		if (ra != rb || ra < 2)
			return ra - rb;
	}
	ap = ver_prefix(a, an);
	bp = ver_prefix(b, bn);
	r = ver_runs(a, ap, b, bp);
	if (r || (ap == an && bp == bn))
		return r;
	return ver_runs(a, an, b, bn);
}

int rulefile_vercmp(const char *a, const char *b)
{
	int r = filevercmp(a, b);

	return r ? r : strcmp(a, b);
}

static int cmp_names(const void *x, const void *y)
{
	return rulefile_vercmp(*(char *const *)x, *(char *const *)y);
}

static void free_names(char **v)
{
	size_t i;

	for (i = 0; v && v[i]; i++)
		free(v[i]);
	free(v);
}

int rulefile_dir_names(const char *dir, char ***names)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **v = NULL;
	size_t n = 0, cap = 0;

	if (!d)
		return -errno;
	while ((e = readdir(d))) {
		size_t len = strlen(e->d_name);

		if (e->d_name[0] == '.' || len < 6 ||
		    strcmp(e->d_name + len - 6, ".rules"))
			continue;
		if (n + 1 >= cap) {
			char **p = realloc(v, (cap = cap ? cap * 2 : 16) *
					   sizeof *v);

			if (!p)
				goto oom;
			v = p;
		}
		if (!(v[n] = strdup(e->d_name)))
			goto oom;
		v[++n] = NULL;
	}
	closedir(d);
	if (!v && !(v = calloc(1, sizeof *v)))
		return -ENOMEM;
	qsort(v, n, sizeof *v, cmp_names);
	*names = v;
	return (int)n;
oom:
	closedir(d);
	if (v)
		v[n] = NULL;
	free_names(v);
	return -ENOMEM;
}

/* gawk's \s: the C locale's white space. */
static int is_ws(char c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

/* The line after leading white space starts with s. */
static int starts(const char *t, const char *s)
{
	while (is_ws(*t))
		t++;
	return !strncmp(t, s, strlen(s));
}

static int only_minus_D(const char *t)
{
	while (is_ws(*t))
		t++;
	if (strncmp(t, "-D", 2))
		return 0;
	for (t += 2; is_ws(*t); t++)
		;
	return !*t;
}

static int copy_line(struct rulefile *out, const struct rulefile_line *l)
{
	const char *f = own_name(out, l->file);

	if (l->file && !f)
		return -ENOMEM;
	return add_line(out, l->text, strlen(l->text), f, l->line);
}

/* A kept -D/-b/-f/-e line, or an empty line in its place. */
static int put_kept(struct rulefile *out, const struct rulefile_line *l)
{
	return l ? copy_line(out, l) : add_line(out, "", 0, NULL, 0);
}

int rulefile_reorder(struct rulefile *out, const struct rulefile *in,
		     const char *dir)
{
	static const char hdr[] = "## This file is automatically generated "
				  "from ";
	const struct rulefile_line *e = NULL, *D = NULL, *f = NULL, *b = NULL;
	const struct rulefile_line *l;
	char head[sizeof hdr + 4096];
	size_t i;
	int r;

	for (i = 0; i < in->n; i++) {
		l = &in->v[i];
		if (!l->text[0] || starts(l->text, "#"))
			continue;
		if (starts(l->text, "-e"))
			e = l;
		else if (only_minus_D(l->text))
			D = l;
		else if (starts(l->text, "-f"))
			f = l;
		else if (starts(l->text, "-b"))
			b = l;
	}
	snprintf(head, sizeof head, "%s%s", hdr, dir);
	r = add_line(out, head, strlen(head), NULL, 0);
	if (!r)
		r = put_kept(out, D);
	if (!r)
		r = put_kept(out, b);
	if (!r)
		r = put_kept(out, f);
	for (i = 0; !r && i < in->n; i++) {
		l = &in->v[i];
		if (!l->text[0] || starts(l->text, "#") ||
		    starts(l->text, "-e") || only_minus_D(l->text) ||
		    starts(l->text, "-f") || starts(l->text, "-b"))
			continue;
		r = copy_line(out, l);
	}
	return r ? r : put_kept(out, e);
}

/* The files of a merge, concatenated as cat(1) writes them. */
struct cat {
	char *buf;
	size_t len, cap;
	struct part { size_t start, nl_before; const char *name; } *p;
	size_t np;
};

static int cat_add(struct cat *c, const char *data, size_t n,
		   const char *name)
{
	size_t i, nl = c->np ? c->p[c->np - 1].nl_before : 0;
	struct part *p;

	if (c->np)	/* newlines of the previous part */
		for (i = c->p[c->np - 1].start; i < c->len; i++)
			nl += c->buf[i] == '\n';
	p = realloc(c->p, (c->np + 1) * sizeof *p);
	if (!p)
		return -ENOMEM;
	c->p = p;
	if (c->len + n > c->cap) {
		size_t cap = (c->len + n) * 2 + 1;
		char *b = realloc(c->buf, cap);

		if (!b)
			return -ENOMEM;
		c->buf = b;
		c->cap = cap;
	}
	memcpy(c->buf + c->len, data, n);
	p[c->np].start = c->len;
	p[c->np].nl_before = nl;
	p[c->np++].name = name;
	c->len += n;
	return 0;
}

/* awk's records: the whole text split at newlines, each line from the
 * file and line where it starts. */
static int cat_lines(struct rulefile *out, const struct cat *c)
{
	size_t off = 0, cur = 0, idx = 0;

	while (off < c->len) {
		const char *nl = memchr(c->buf + off, '\n', c->len - off);
		size_t n = nl ? (size_t)(nl - (c->buf + off)) : c->len - off;

		while (cur + 1 < c->np && c->p[cur + 1].start <= off)
			cur++;
		if (add_line(out, c->buf + off, n, c->p[cur].name,
			     (unsigned)(idx - c->p[cur].nl_before + 1)) < 0)
			return -ENOMEM;
		idx++;
		off += n + 1;
	}
	return 0;
}

/* One file of the merge into c; 0, 1 skipped (warned), or -ENOMEM. */
static int merge_one(struct rulefile *names, struct cat *c, const char *dir,
		     const char *name, int flags, rulefile_warn_fn warn,
		     void *ctx)
{
	struct diag d = { 0 };
	size_t plen = strlen(dir) + strlen(name) + 2;
	char *path = malloc(plen), *data = NULL;
	const char *own;
	size_t n;
	int fd, r;

	if (!path)
		return -ENOMEM;
	snprintf(path, plen, "%s/%s", dir, name);
	own = own_name(names, path);
	free(path);
	if (!own)
		return -ENOMEM;
	if (flags & RULEFILE_CHECK) {
		fd = rulefile_open(own, &d);
	} else {
		fd = open(own, O_RDONLY | O_CLOEXEC);
		if (fd < 0)
			diag_set(&d, own, "%.0s%s", tables_strerror(errno));
	}
	if (fd < 0) {
		if (warn)
			warn(ctx, &d);
		return 1;
	}
	r = read_all(fd, &data, &n);
	close(fd);
	if (r == -ENOMEM)
		return r;
	if (r < 0) {
		diag_set(&d, own, "%.0s%s", tables_strerror(-r));
		if (warn)
			warn(ctx, &d);
		return 1;
	}
	r = cat_add(c, data, n, own);
	free(data);
	return r;
}

/* Moves the reordered lines of tmp into rf, cut as fgets would. */
static int move_lines(struct rulefile *rf, const struct rulefile *tmp,
		      int fgets_cut)
{
	size_t i;

	for (i = 0; i < tmp->n; i++) {
		const struct rulefile_line *l = &tmp->v[i];
		const char *f = own_name(rf, l->file);
		size_t len = strlen(l->text);
		char *t;
		int r;

		if (l->file && !f)
			return -ENOMEM;
		if (!fgets_cut || len < RULE_LINE_MAX - 1) {
			if (add_line(rf, l->text, len, f, l->line) < 0)
				return -ENOMEM;
			continue;
		}
		if (!(t = malloc(len + 1)))
			return -ENOMEM;
		memcpy(t, l->text, len);
		t[len] = '\n';
		r = add_lines(rf, t, len + 1, f, l->line, RULE_LINE_MAX - 1);
		free(t);
		if (r < 0)
			return r;
	}
	return 0;
}

int rulefile_merge_dir(struct rulefile *rf, const char *dir, int flags,
		       rulefile_warn_fn warn, void *ctx, int *bad,
		       struct diag *d)
{
	struct rulefile names, lines, tmp;
	struct cat c = { 0 };
	char **v;
	int n = rulefile_dir_names(dir, &v), i, r = 0, used = 0;

	*bad = 0;
	if (n < 0) {
		diag_set(d, dir, "%.0s%s", tables_strerror(-n));
		return n;
	}
	rulefile_init(&names);
	rulefile_init(&lines);
	rulefile_init(&tmp);
	for (i = 0; i < n && r >= 0; i++) {
		r = merge_one(&names, &c, dir, v[i], flags, warn, ctx);
		if (r == 1)
			++*bad;
		else if (r == 0)
			used++;
	}
	if (r >= 0)
		r = cat_lines(&lines, &c);
	if (r >= 0)
		r = rulefile_reorder(&tmp, &lines, dir);
	if (r >= 0)
		r = move_lines(rf, &tmp, flags & RULEFILE_FGETS);
	free_names(v);
	free(c.buf);
	free(c.p);
	rulefile_fini(&tmp);
	rulefile_fini(&lines);
	rulefile_fini(&names);
	if (r < 0) {
		diag_set(d, dir, "%.0s%s", tables_strerror(-r));
		return r;
	}
	return used;
}

char *rulefile_text(const struct rulefile *rf, size_t *len)
{
	size_t i, n = 0;
	char *buf, *p;

	for (i = 0; i < rf->n; i++)
		n += strlen(rf->v[i].text) + 1;
	buf = malloc(n + 1);
	if (!buf)
		return NULL;
	for (p = buf, i = 0; i < rf->n; i++) {
		size_t k = strlen(rf->v[i].text);

		memcpy(p, rf->v[i].text, k);
		p += k;
		*p++ = '\n';
	}
	*p = 0;
	*len = n;
	return buf;
}
