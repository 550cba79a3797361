/* rulelint - "auditctl --check": rules compiled offline, as the reference
 * 3.0.9 compiles them, plus what only the whole file shows (shadowed,
 * duplicate and post-lock rules). The kernel's semantics assumed: on each
 * list the first matching rule decides, -A prepends, identical rules are
 * refused (EEXIST), "-e 2" locks every later change.
 * Docs: docs/auditctl.8.md (--check) */
#include <auditbox/rulelint.h>
#include <auditbox/rule.h>
#include <auditbox/tables.h>
#include <auditbox/util.h>

#include "internal.h"

#include <errno.h>
#include <stddef.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

/* A rule the file leaves loaded, with where it came from. */
struct kept {
	struct audit_rule_data *r;
	size_t len;
	const char *file;
	unsigned line;
	long pos;		/* order in its list: -A before -a */
};

struct lint {
	struct rule_builder *b;
	rulelint_fn fn;
	void *ctx;
	const char *file;	/* the line being checked */
	unsigned line;
	int problems, said;
	struct kept *k;
	size_t nk, capk;
	long lo, hi;
	const char *e2_file, *after_file;	/* "-e 2", the line after */
	unsigned e2_line, after_line;
};

__attribute__((format(printf, 4, 5)))
static void report(struct lint *l, const char *file, unsigned line,
		   const char *fmt, ...)
{
	char buf[768];
	size_t n;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	n = strlen(buf);
	while (n && buf[n - 1] == '\n')	/* the reference's stray newlines */
		buf[--n] = 0;
	l->fn(l->ctx, file ? file : "-", line, buf);
	l->problems++;
	l->said++;
}

static void lint_msg(void *ctx, int direct, const char *msg)
{
	struct lint *l = ctx;

	(void)direct;
	report(l, l->file, l->line, "%s", msg);
}

int rulelint_machine(const char *name)
{
	if (!strcasecmp(name, "riscv64"))
		return TABLES_MACH_RISCV64;
	return tables_machine_number(name);
}

/* -r, -b, --backlog_wait_time: auditctl's numeric check. */
static int check_number(struct lint *l, const char *what, const char *arg)
{
	uint64_t v;
	size_t n = arg ? scan_u64(arg, 0, &v) : 0;

	if (arg && arg[0] >= '0' && arg[0] <= '9' && n && !arg[n]) {
		if (v <= UINT32_MAX)
			return RULE_REPLY;
		report(l, l->file, l->line, "%s %s is above 4294967295 (the "
		       "reference wraps it, auditbox refuses it)", what, arg);
		return RULE_ERROR;
	}
	if (arg && arg[0] >= '0' && arg[0] <= '9' && !n) {
		report(l, l->file, l->line, "%s %s is above 4294967295",
		       what, arg);
		return RULE_ERROR;
	}
	report(l, l->file, l->line, "%s must be a numeric value was %s", what,
	       arg ? arg : "(null)");
	return RULE_ERROR;
}

/* Drops the kept rules -D removes (all, or those carrying key). */
static void delete_all(struct lint *l, const char *key)
{
	size_t i, j = 0;

	for (i = 0; i < l->nk; i++) {
		if (rule_key_match(l->k[i].r, l->k[i].len, key))
			free(l->k[i].r);
		else
			l->k[j++] = l->k[i];
	}
	l->nk = j;
}

/* -D [-k key], with auditctl's argument checks. */
static int lint_delete_all(struct lint *l, struct rule_builder *b)
{
	if (b->argc > 4 || b->argc == 3) {
		report(l, l->file, l->line,
		       "Wrong number of options for Delete all request");
		return RULE_ERROR;
	}
	if (b->argc == 4) {
		/* ref 3.0.9 reads argv[optind] even past the end ("auditctl
		 * s x -D" segfaults there): we refuse it instead */
		if (!b->argv[b->optind] || strcmp(b->argv[b->optind], "-k")) {
			report(l, l->file, l->line,
			       "Only the -k option is allowed");
			return RULE_ERROR;
		}
		b->argc -= 2;
		delete_all(l, b->argv[3]);
	} else {
		delete_all(l, "");
	}
	return RULE_DONE;
}

/* -s [-i] and -l [-k key | -i]: auditctl's argument checks. */
static int lint_query(struct lint *l, struct rule_builder *b, int opt)
{
	const char *a = b->optind < b->argc ? b->argv[b->optind] : NULL;

	if (opt == 's' && b->argc > 3) {
		report(l, l->file, l->line,
		       "Too many options for status command");
		return RULE_ERROR;
	}
	if (opt == 'l' && b->argc > 4) {
		report(l, l->file, l->line,
		       "Wrong number of options for list request");
		return RULE_ERROR;
	}
	if (b->argc == 3 && (opt == 'l' || b->optind == 2)) {
		if (!a || strcmp(a, "-i")) {
			report(l, l->file, l->line, opt == 's' ?
			       "Only -i option is allowed" :
			       "Only -k or -i options are allowed");
			return RULE_ERROR;
		}
		b->argc--;
	} else if (opt == 'l' && b->argc == 4) {
		if (!a || strcmp(a, "-k")) {
			report(l, l->file, l->line,
			       "Only -k or -i options are allowed");
			return RULE_ERROR;
		}
		b->argc -= 2;
	}
	if (opt == 'l')
		b->list_requested = 1;
	return RULE_DONE;
}

/* The kernel-facing options, checked as auditctl checks them. */
static int lint_control(void *ctx, struct rule_builder *b, int opt,
			const char *arg)
{
	struct lint *l = ctx;

	switch (opt) {
	case 'e': case 'f':
		if (arg && (!strcmp(arg, "0") || !strcmp(arg, "1") ||
			    !strcmp(arg, "2"))) {
			if (opt == 'e' && arg[0] == '2' && !l->e2_file) {
				l->e2_file = l->file;
				l->e2_line = l->line;
			}
			return RULE_REPLY;
		}
		report(l, l->file, l->line, "%s must be 0, 1, or 2 was %s",
		       opt == 'e' ? "Enable" : "Failure", arg);
		return RULE_ABORT;
	case 'r':
		return check_number(l, "Rate", arg);
	case 'b':
		return check_number(l, "Backlog", arg);
	case RULE_OPT_BACKLOG_WAIT_TIME:
		return check_number(l, "Backlog_wait_time", arg);
	case 'D':
		return lint_delete_all(l, b);
	case 's': case 'l':
		return lint_query(l, b, opt);
	case 'h':
		report(l, l->file, l->line, "-h prints the usage and fails");
		return RULE_ABORT;
	}
	return RULE_DONE;	/* -m -q -t -v, --signal...: nothing to check */
}

/* The string of field i in r's buf, its length in *n; NULL if none. */
static const char *field_str(const struct audit_rule_data *r, size_t len,
			     uint32_t i, size_t *n)
{
	size_t off = 0;
	uint32_t j;

	for (j = 0; j < r->field_count && j < AUDIT_MAX_FIELDS; j++) {
		if (!rule_uses_buf((int)(r->fields[j] & ~AUDIT_OPERATORS)))
			continue;
		if (j == i) {
			*n = r->values[j];
			if (off + *n > r->buflen ||
			    sizeof *r + off + *n > len)
				return NULL;
			return r->buf + off;
		}
		off += r->values[j];
	}
	return NULL;
}

/* Watched paths (-w, -F path=, -F dir=) that do not exist. */
static void check_paths(struct lint *l, const struct audit_rule_data *r,
			size_t len)
{
	uint32_t i;

	for (i = 0; i < r->field_count && i < AUDIT_MAX_FIELDS; i++) {
		uint32_t f = r->fields[i] & ~AUDIT_OPERATORS;
		char path[4096], *slash;
		struct stat st;
		const char *s;
		size_t n;

		if (f != AUDIT_WATCH && f != AUDIT_DIR)
			continue;
		s = field_str(r, len, i, &n);
		if (!s || n >= sizeof path)
			continue;
		memcpy(path, s, n);
		path[n] = 0;
		if (stat(path, &st) == 0)
			continue;
		slash = strrchr(path, '/');
		if (f == AUDIT_WATCH && slash && slash > path) {
			*slash = 0;
			if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
				*slash = '/';
				report(l, l->file, l->line, "watched path %s "
				       "does not exist (yet)", path);
				continue;
			}
			*slash = '/';
		}
		report(l, l->file, l->line, "watched %s %s does not exist: the "
		       "kernel refuses the rule", f == AUDIT_DIR ? "directory" :
		       "path (and its directory)", path);
	}
}

/* Same rule for the kernel (audit_compare_rule): all but -A's bit. */
static int same_rule(const struct kept *a, const struct audit_rule_data *r,
		     size_t len)
{
	const struct audit_rule_data *x = a->r;

	return a->len == len && (x->flags & ~AUDIT_FILTER_PREPEND) ==
	       (r->flags & ~AUDIT_FILTER_PREPEND) && x->action == r->action &&
	       !memcmp(&x->field_count, &r->field_count,
		       len - offsetof(struct audit_rule_data, field_count));
}

static int keep(struct lint *l, const struct audit_rule_data *r, size_t len)
{
	struct kept *k;

	if (l->nk == l->capk) {
		size_t cap = l->capk ? l->capk * 2 : 64;

		k = realloc(l->k, cap * sizeof *k);
		if (!k)
			return -ENOMEM;
		l->k = k;
		l->capk = cap;
	}
	k = &l->k[l->nk];
	if (!(k->r = malloc(len)))
		return -ENOMEM;
	memcpy(k->r, r, len);
	k->len = len;
	k->file = l->file;
	k->line = l->line;
	k->pos = r->flags & AUDIT_FILTER_PREPEND ? --l->lo : ++l->hi;
	l->nk++;
	return 0;
}

/* A compiled rule to add (or delete: -d, -W) in the model. */
static int apply_rule(struct lint *l, const struct audit_rule_data *r,
		      size_t len, int del)
{
	size_t i;

	for (i = 0; i < l->nk; i++)
		if (same_rule(&l->k[i], r, len))
			break;
	if (del) {
		if (i == l->nk) {
			report(l, l->file, l->line, "no such rule to delete "
			       "(auditctl: No such file or directory)");
			return 0;
		}
		free(l->k[i].r);
		l->k[i] = l->k[--l->nk];
		return 0;
	}
	check_paths(l, r, len);
	if (i < l->nk) {
		report(l, l->file, l->line, "same rule as %s:%u: the kernel "
		       "refuses it (Rule exists)", l->k[i].file, l->k[i].line);
		return 0;
	}
	return keep(l, r, len);
}

/* One command of the file. */
static int check_command(struct lint *l, int argc, char **argv)
{
	struct rule_builder *b = l->b;
	int r;

	if (l->e2_file && !l->after_file) {
		l->after_file = l->file;
		l->after_line = l->line;
	}
	rule_reset(b);
	l->said = 0;
	r = rule_parse(b, argc, argv, NULL);
	if (r == RULE_REPLY && b->syscall_added) {
		report(l, l->file, l->line, "Error - no list specified");
		return 0;
	}
	if (r == RULE_ERROR && !l->said)
		report(l, l->file, l->line, "invalid rule");
	if (r != RULE_SEND)
		return 0;
	if (b->add == RULE_FILTER_UNSET && b->del == RULE_FILTER_UNSET) {
		report(l, l->file, l->line, "no list given: auditctl prints "
		       "its usage and stops here");
		return 0;
	}
	return apply_rule(l, b->rule, rule_finish(b),
			  b->add == RULE_FILTER_UNSET);
}

/* a's conditions are all among b's: whatever b matches, a matches. */
static int covers(const struct kept *a, const struct kept *b)
{
	const struct audit_rule_data *x = a->r, *y = b->r;
	uint32_t i, j;

	for (i = 0; i < AUDIT_BITMASK_SIZE; i++)
		if (y->mask[i] & ~x->mask[i])
			return 0;
	for (i = 0; i < x->field_count && i < AUDIT_MAX_FIELDS; i++) {
		uint32_t f = x->fields[i] & ~AUDIT_OPERATORS;
		const char *xs, *ys;
		size_t xn, yn;
		int found = 0;

		if (f == AUDIT_FILTERKEY)	/* keys do not filter */
			continue;
		xs = field_str(x, a->len, i, &xn);
		for (j = 0; j < y->field_count && !found; j++) {
			if ((y->fields[j] & ~AUDIT_OPERATORS) != f ||
			    y->fieldflags[j] != x->fieldflags[i])
				continue;
			if (!rule_uses_buf((int)f)) {
				found = y->values[j] == x->values[i];
				continue;
			}
			ys = field_str(y, b->len, j, &yn);
			found = xs && ys && xn == yn && !memcmp(xs, ys, xn);
		}
		if (!found)
			return 0;
	}
	return 1;
}

static int by_list_pos(const void *p, const void *q)
{
	const struct kept *a = p, *b = q;
	uint32_t la = a->r->flags & RULE_FILTER_MASK;
	uint32_t lb = b->r->flags & RULE_FILTER_MASK;

	if (la != lb)
		return la < lb ? -1 : 1;
	return a->pos < b->pos ? -1 : a->pos > b->pos;
}

static int by_origin(const void *p, const void *q)
{
	const struct kept *const *a = p, *const *b = q;
	int r = strcmp((*a)->file ? (*a)->file : "",
		       (*b)->file ? (*b)->file : "");

	if (r)
		return r;
	return (*a)->line < (*b)->line ? -1 : (*a)->line > (*b)->line;
}

/* Rules after a "never" rule of their list that covers them. */
static int check_shadows(struct lint *l)
{
	struct kept **hit;
	const struct kept **by;
	size_t i, j, n = 0;

	if (l->nk)
		qsort(l->k, l->nk, sizeof *l->k, by_list_pos);
	hit = calloc(l->nk + 1, sizeof *hit);
	by = calloc(l->nk + 1, sizeof *by);
	if (!hit || !by) {
		free(hit);
		free(by);
		return -ENOMEM;
	}
	for (j = 0; j < l->nk; j++)
		for (i = 0; i < j; i++) {
			if ((l->k[i].r->flags & RULE_FILTER_MASK) !=
			    (l->k[j].r->flags & RULE_FILTER_MASK) ||
			    l->k[i].r->action != AUDIT_NEVER ||
			    !covers(&l->k[i], &l->k[j]))
				continue;
			by[n] = &l->k[i];
			hit[n++] = &l->k[j];
			break;
		}
	/* in file order; the covering rule travels with its hit */
	for (i = 0; i < n; i++)
		hit[i]->pos = (long)i;
	if (n)
		qsort(hit, n, sizeof *hit, by_origin);
	for (i = 0; i < n; i++) {
		const struct kept *k = by[hit[i]->pos];

		report(l, hit[i]->file, hit[i]->line, "never matches: the "
		       "never rule at %s:%u comes first in its list and "
		       "covers it", k->file ? k->file : "-", k->line);
	}
	free(hit);
	free(by);
	return 0;
}

int rulelint_check(const struct rulefile *rf, int machine, rulelint_fn fn,
		   void *ctx)
{
	char buf[RULE_LINE_MAX], *argv[RULE_LINE_MAX / 2 + 4];
	struct lint l = { .fn = fn, .ctx = ctx };
	size_t i;
	int r = 0;

	l.b = malloc(sizeof *l.b);
	if (!l.b)
		return -ENOMEM;
	rule_builder_init(l.b, machine, ~0U, lint_control, lint_msg, &l);
	for (i = 0; i < rf->n && r >= 0; i++) {
		int argc;

		snprintf(buf, sizeof buf, "%s", rf->v[i].text);
		argc = rule_split_line(buf, argv, sizeof argv / sizeof *argv);
		if (argc <= 0)
			continue;
		l.file = rf->v[i].file;
		l.line = rf->v[i].line;
		r = check_command(&l, argc, argv);
	}
	if (r >= 0)
		r = check_shadows(&l);
	if (r >= 0 && l.after_file)
		report(&l, l.e2_file, l.e2_line, "-e 2 is not the last command: "
		       "it locks the configuration, so %s:%u and every command "
		       "after it fail", l.after_file, l.after_line);
	for (i = 0; i < l.nk; i++)
		free(l.k[i].r);
	free(l.k);
	free(l.b);
	return r < 0 ? r : l.problems;
}
