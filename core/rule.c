/* rule - the rule compiler's command level: the reference 3.0.9
 * auditctl setopt() (option checks, lists and actions, -S, -k, -w, -p and
 * their messages) over a caller-owned struct rule_builder. Field values
 * are compiled by rule_field.c. Docs: docs/auditctl.8.md */
#include <auditbox/rule.h>
#include <auditbox/optwalk.h>
#include <auditbox/tables.h>

#include "internal.h"

#include <ctype.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#ifndef PATH_MAX
#define PATH_MAX 4096
#endif
#ifndef NAME_MAX
#define NAME_MAX 255
#endif

static const char shortopts[] = "hicslDvtC:e:f:r:b:a:A:d:S:F:m:R:w:W:k:p:q:";
static const struct optwalk_long longopts[] = {
	{ "loginuid-immutable", 0, RULE_OPT_LOGINUID_IMMUTABLE },
	{ "backlog_wait_time", 1, RULE_OPT_BACKLOG_WAIT_TIME },
	{ "reset-lost", 0, RULE_OPT_RESET_LOST },
	{ "reset_backlog_wait_time_actual", 0, RULE_OPT_RESET_BWT_ACTUAL },
	{ "signal", 1, RULE_OPT_SIGNAL },
	{ NULL, 0, 0 },
};

void rule_say(struct rule_builder *b, int direct, const char *fmt, ...)
{
	char buf[640];
	struct diag *d = b->diag;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	if (d) {
		size_t n = strlen(buf);

		if (n >= sizeof d->msg)
			n = sizeof d->msg - 1;
		memcpy(d->msg, buf, n);
		d->msg[n] = 0;
	}
	if (b->msg)
		b->msg(b->ctx, direct, buf);
}

void rule_builder_init(struct rule_builder *b, int machine,
		       uint32_t features, rule_control_fn control,
		       rule_msg_fn msg, void *ctx)
{
	/* not the 256 KiB of storage: rule_reset clears the rule, and its
	 * buffer is read only up to buflen */
	memset(b, 0, offsetof(struct rule_builder, storage));
	b->machine = machine;
	b->features = features;
	b->control = control;
	b->msg = msg;
	b->ctx = ctx;
	rule_reset(b);
}

void rule_reset(struct rule_builder *b)
{
	b->add = b->del = RULE_FILTER_UNSET;
	b->action = -1;
	b->exclude = b->multiple = b->list_requested = 0;
	b->syscall_added = b->perm_added = b->arch_added = 0;
	b->exe_added = b->fs_added = 0;
	b->elf = 0;
	b->key[0] = 0;
	b->keylen = AUDIT_MAX_KEY_LEN;
	b->rule = &b->storage.r;
	memset(&b->storage.r, 0, sizeof b->storage.r);
}

static int lookup_filter(struct rule_builder *b, const char *s, int *filter)
{
	static const struct { const char *name; int flag; } lists[] = {
		{ "user", AUDIT_FILTER_USER }, { "task", AUDIT_FILTER_TASK },
		{ "exit", AUDIT_FILTER_EXIT },
		{ "exclude", AUDIT_FILTER_EXCLUDE },
		{ "filesystem", AUDIT_FILTER_FS },
	};
	size_t i;

	for (i = 0; i < sizeof lists / sizeof *lists; i++)
		if (!strcasecmp(s, lists[i].name)) {
			*filter = lists[i].flag;
			if (*filter == AUDIT_FILTER_EXCLUDE)
				b->exclude = 1;
			return 0;
		}
	*filter = -1;
	return 2;
}

static int lookup_action(const char *s, int *act)
{
	if (!strcmp(s, "always"))
		*act = AUDIT_ALWAYS;
	else if (!strcmp(s, "never"))
		*act = AUDIT_NEVER;
	else if (!strcmp(s, "possible"))
		return 1;
	else
		return 2;
	return 0;
}

/* audit_rule_setup(): "list,action" in either order. 0 ok,
 * 1 "possible", 2 bad keyword, 3 a second -a/-A/-d. */
static int rule_setup(struct rule_builder *b, const char *opt, int *filter)
{
	char buf[64];
	char *p;
	int rc;

	if (++b->multiple != 1)
		return 3;
	if (strlen(opt) >= sizeof buf)
		return 2;
	strcpy(buf, opt);
	p = strchr(buf, ',');
	if (!p || strchr(p + 1, ','))
		return 2;
	*p = 0;
	if (lookup_action(buf, &b->action) == 2) {
		rc = lookup_filter(b, buf, filter);
		if (rc)
			return rc;
	}
	if (*filter == RULE_FILTER_UNSET) {
		lookup_filter(b, p + 1, filter);
	} else {
		rc = lookup_action(p + 1, &b->action);
		if (rc)
			return rc;
	}
	if (*filter == RULE_FILTER_UNSET || *filter == -1 || b->action == -1)
		return 2;
	return 0;
}

static int opt_list(struct rule_builder *b, int c, const char *arg)
{
	static const char *const what[] = { "Append", "Add", "Delete" };
	int k = c == 'a' ? 0 : c == 'A' ? 1 : 2;
	int *filter = c == 'd' ? &b->del : &b->add;
	int rc;

	if (c != 'd' && strstr(arg, "task") && b->syscall_added) {
		rule_say(b, 0, c == 'a' ?
			 "Syscall auditing requested for task list" :
			 "Error: syscall auditing requested for task list");
		return RULE_ERROR;
	}
	rc = rule_setup(b, arg, filter);
	if (*filter == -1)
		*filter = RULE_FILTER_UNSET;
	if (rc == 3) {
		/* ref 3.0.9: -a's message carries a stray newline */
		rule_say(b, 0, c == 'a' ?
			 "Multiple rule insert/delete operations are not "
			 "allowed\n" : "Multiple rule insert/delete "
			 "operations are not allowed");
		return RULE_ERROR;
	}
	if (rc == 2) {
		rule_say(b, 0, "%s rule - bad keyword %s", what[k], arg);
		return RULE_ERROR;
	}
	if (rc == 1) {
		rule_say(b, 0, "%s rule - possible is deprecated",
			 k == 2 ? "Delete" : "Append");
		return RULE_DEPRECATED;
	}
	if (c == 'A')
		b->add |= AUDIT_FILTER_PREPEND;
	return RULE_SEND;
}

int rule_syscall_add(struct rule_builder *b, struct audit_rule_data *r,
		     const char *name)
{
	int mach, nr, i;

	if (!strcmp(name, "all")) {
		for (i = 0; i < AUDIT_BITMASK_SIZE; i++)
			r->mask[i] = ~0U;
		return 0;
	}
	mach = b->elf ? tables_elf_machine(b->elf) : b->machine;
	if (mach < 0)
		return -2;
	nr = tables_syscall_number(mach, name);
	if (nr < 0 && isdigit((unsigned char)name[0]))
		nr = (int)rule_num_s(name);
	if (nr < 0 || AUDIT_WORD(nr) > AUDIT_BITMASK_SIZE - 1)
		return -1;
	r->mask[AUDIT_WORD(nr)] |= AUDIT_BIT(nr);
	return 0;
}

/* _audit_parse_syscall(): a name, a number or a comma list. 0, -1
 * unknown, -2 unknown elf, -3 reported. */
static int parse_syscalls(struct rule_builder *b, struct audit_rule_data *r,
			  const char *arg, int report)
{
	char tmp[RULE_LINE_MAX];
	char *tok, *save;
	int rc = 0;

	if (!strchr(arg, ','))
		return rule_syscall_add(b, r, arg);
	snprintf(tmp, sizeof tmp, "%s", arg);
	for (tok = strtok_r(tmp, ",", &save); tok;
	     tok = strtok_r(NULL, ",", &save)) {
		rc = rule_syscall_add(b, r, tok);
		if (rc) {
			if (rc == -1 && report) {
				rule_say(b, 0, "Syscall name unknown: %s", tok);
				rc = -3;
			}
			break;
		}
	}
	return rc;
}

/* check_rule_mismatch(): the same names in the 32-bit table of a bi-arch
 * machine; a different mask is worth a warning. */
static void check_mismatch(struct rule_builder *b, const char *arg)
{
	struct audit_rule_data tmp;	/* only its mask is used */
	uint32_t old = b->elf;
	char buf[RULE_LINE_MAX];
	char *tok, *save;

	if (b->elf == AUDIT_ARCH_X86_64)
		b->elf = AUDIT_ARCH_I386;
	else if (b->elf == AUDIT_ARCH_PPC64)
		b->elf = AUDIT_ARCH_PPC;
	else if (b->elf == AUDIT_ARCH_S390X)
		b->elf = AUDIT_ARCH_S390;
	memset(tmp.mask, 0, sizeof tmp.mask);
	snprintf(buf, sizeof buf, "%s", arg);
	for (tok = strtok_r(buf, ",", &save); tok;
	     tok = strtok_r(NULL, ",", &save))
		rule_syscall_add(b, &tmp, tok);
	b->elf = old;
	if (memcmp(tmp.mask, b->rule->mask, sizeof tmp.mask)) {
		if (b->lineno)
			rule_say(b, 0, "WARNING - 32/64 bit syscall mismatch "
				 "in line %u, you should specify an arch",
				 b->lineno);
		else
			rule_say(b, 0, "WARNING - 32/64 bit syscall mismatch, "
				 "you should specify an arch");
	}
}

/* The list a -S/-F/-C applies to, as the reference computes it. */
static int cur_flags(const struct rule_builder *b)
{
	if (b->add != RULE_FILTER_UNSET)
		return b->add & RULE_FILTER_MASK;
	if (b->del != RULE_FILTER_UNSET)
		return b->del & RULE_FILTER_MASK;
	return RULE_FILTER_UNSET;
}

static int list_is(const struct rule_builder *b, int list)
{
	int m = RULE_FILTER_MASK | RULE_FILTER_UNSET;

	return (b->add & m) == list || (b->del & m) == list;
}

static int opt_syscall(struct rule_builder *b, const char *arg)
{
	int unknown_arch = !b->elf, rc;

	if (list_is(b, AUDIT_FILTER_TASK)) {
		rule_say(b, 0, "Error: syscall auditing being added to task "
			 "list");
		return RULE_ABORT;
	}
	if (list_is(b, AUDIT_FILTER_USER)) {
		rule_say(b, 0, "Error: syscall auditing being added to user "
			 "list");
		return RULE_ABORT;
	}
	if (list_is(b, AUDIT_FILTER_FS)) {
		rule_say(b, 0, "Error: syscall auditing being added to "
			 "filesystem list");
		return RULE_ABORT;
	}
	if (b->exclude) {
		rule_say(b, 0, "Error: syscall auditing cannot be put on "
			 "exclude list");
		return RULE_ABORT;
	}
	if (unknown_arch) {
		uint32_t elf;

		if (b->machine < 0) {
			rule_say(b, 0, "Error detecting machine type");
			return RULE_ABORT;
		}
		elf = tables_machine_elf(b->machine);
		if (!elf) {
			rule_say(b, 0, "Error looking up elf type %d",
				 b->machine);
			return RULE_ABORT;
		}
		b->elf = elf;
	}
	rc = parse_syscalls(b, b->rule, arg, 1);
	if (rc == 0) {
		b->syscall_added = 1;
		if (unknown_arch && b->add != RULE_FILTER_UNSET)
			check_mismatch(b, arg);
		return RULE_NONE;
	}
	if (rc == -1)
		rule_say(b, 0, "Syscall name unknown: %s", arg);
	else if (rc == -2)
		rule_say(b, 0, "Elf type unknown: 0x%x", b->elf);
	return RULE_ERROR;
}

static void say_code(struct rule_builder *b, int rc, const char *opt)
{
	char m[640];

	rule_errmsg(m, sizeof m, rc, opt);
	if (m[0])
		rule_say(b, 1, "%s", m);
}

static int opt_keys(struct rule_builder *b, const char *arg)
{
	size_t have = strlen(b->key);

	if (strlen(arg) + have + !!b->key[0] > AUDIT_MAX_KEY_LEN) {
		rule_say(b, 0, "key option exceeds size limit");
		return RULE_ERROR;
	}
	if (strchr(arg, AUDIT_KEY_SEPARATOR))
		rule_say(b, 0, "key %s has illegal character", arg);
	if (b->key[0]) {
		b->key[have++] = AUDIT_KEY_SEPARATOR;
		b->key[have] = 0;
		b->keylen--;
	}
	strncat(b->key, arg, b->keylen);
	b->keylen = AUDIT_MAX_KEY_LEN - (unsigned)strlen(b->key);
	return RULE_NONE;
}

static int opt_field(struct rule_builder *b, char *arg)
{
	int flags = cur_flags(b), rc;
	struct audit_rule_data *r = b->rule;

	if (flags == RULE_FILTER_UNSET &&
	    (b->optind >= b->argc || !strstr(arg, "arch=") ||
	     strcmp(b->argv[b->optind], "-t"))) {
		rule_say(b, 0, "List must be given before field");
		return RULE_ERROR;
	}
	if (!strncmp(arg, "key=", 4))
		return opt_keys(b, arg + 4);
	rc = rule_fieldpair(b, arg, flags);
	if (rc) {
		say_code(b, rc, arg);
		return RULE_ERROR;
	}
	if (r->fields[r->field_count - 1] == AUDIT_PERM)
		b->perm_added = 1;
	if (r->fields[r->field_count - 1] == AUDIT_EXE)
		b->exe_added = 1;
	return RULE_NONE;
}

static int opt_compare(struct rule_builder *b, char *arg)
{
	int rc = rule_compare(b, arg, cur_flags(b));

	if (rc) {
		say_code(b, rc, arg);
		return RULE_ERROR;
	}
	return RULE_NONE;
}

/* check_path() of the reference: errors, then warnings. */
static int check_path(struct rule_builder *b, const char *path)
{
	size_t plen = strlen(path);
	const char *base;
	size_t blen;

	if (plen >= PATH_MAX) {
		rule_say(b, 0, "The path passed for the watch is too big");
		return -1;
	}
	if (path[0] != '/') {
		rule_say(b, 0, "The path must start with '/'");
		return -1;
	}
	/* basename(3) of a copy: the last component, trailing '/' ignored */
	blen = plen;
	while (blen > 1 && path[blen - 1] == '/')
		blen--;
	base = path + blen;
	while (base > path && base[-1] != '/')
		base--;
	if ((size_t)(path + blen - base) > NAME_MAX) {
		rule_say(b, 0, "The base name of the path is too big");
		return -1;
	}
	if (strstr(path, ".."))
		rule_say(b, 0, "Warning - relative path notation is not "
			 "supported");
	if (strchr(path, '*') || strchr(path, '?'))
		rule_say(b, 0, "Warning - wildcard notation is not supported");
	return 0;
}

int rule_watch(struct rule_builder *b, int type, const char *path)
{
	struct audit_rule_data *r = b->rule;
	size_t len = strlen(path);

	if (r->field_count) {
		rule_say(b, 0, "Rule is not empty\n");
		return -1;
	}
	if (len > RULE_BUF_MAX)
		return -1;
	memset(r, 0, sizeof *r);
	r->flags = AUDIT_FILTER_EXIT;
	r->action = AUDIT_ALWAYS;
	memset(r->mask, 0xff, sizeof r->mask);
	r->field_count = 2;
	r->fields[0] = (uint32_t)type;
	r->values[0] = (uint32_t)len;
	r->fieldflags[0] = AUDIT_EQUAL;
	r->buflen = (uint32_t)len;
	memcpy(r->buf, path, len);
	r->fields[1] = AUDIT_PERM;
	r->fieldflags[1] = AUDIT_EQUAL;
	r->values[1] = AUDIT_PERM_READ | AUDIT_PERM_WRITE | AUDIT_PERM_EXEC |
		       AUDIT_PERM_ATTR;
	b->perm_added = 1;
	return 0;
}

/* audit_setup_watch_name(): -w and -W. */
static int opt_watch(struct rule_builder *b, int c, const char *arg)
{
	char path[PATH_MAX + 1];
	size_t len;
	struct stat st;
	int type = AUDIT_WATCH;

	if (c == 'w' && (b->add != RULE_FILTER_UNSET ||
			 b->del != RULE_FILTER_UNSET)) {
		rule_say(b, 0, "watch option can't be given with a syscall");
		return RULE_ERROR;
	}
	if (c == 'w')
		b->add = AUDIT_FILTER_EXIT;
	else
		b->del = AUDIT_FILTER_EXIT;
	b->action = AUDIT_ALWAYS;
	b->syscall_added = 1;
	if (check_path(b, arg))
		return RULE_ERROR;
	len = strlen(arg);
	memcpy(path, arg, len + 1);
	if (len > 2 && path[len - 1] == '/')
		while (len > 1 && path[len - 1] == '/')
			path[--len] = 0;
	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
		type = AUDIT_DIR;
	if (rule_watch(b, type, path))
		return RULE_ERROR;
	return RULE_SEND;
}

/* audit_setup_perms() + audit_update_watch_perms(). */
static int opt_perm(struct rule_builder *b, const char *arg)
{
	struct audit_rule_data *r = b->rule;
	uint32_t val = 0, i, done = 0;
	size_t len = strlen(arg);

	if (b->add == RULE_FILTER_UNSET && b->del == RULE_FILTER_UNSET) {
		rule_say(b, 0, "permission option needs a watch given prior "
			 "to it");
		return RULE_ERROR;
	}
	if (len > 4) {
		rule_say(b, 0, "permission %s is too long", arg);
		return RULE_ERROR;
	}
	for (i = 0; i < len; i++) {
		switch (tolower((unsigned char)arg[i])) {
		case 'r': val |= AUDIT_PERM_READ; break;
		case 'w': val |= AUDIT_PERM_WRITE; break;
		case 'x': val |= AUDIT_PERM_EXEC; break;
		case 'a': val |= AUDIT_PERM_ATTR; break;
		default:
			rule_say(b, 0, "Permission %c isn't supported",
				 arg[i]);
			return RULE_ERROR;
		}
	}
	if (r->field_count < 1)
		return RULE_ERROR;
	for (i = 0; i < r->field_count; i++)
		if (r->fields[i] == AUDIT_PERM) {
			r->values[i] = val;
			done = 1;
		}
	if (!done) {
		if (r->field_count >= AUDIT_MAX_FIELDS - 1)
			return RULE_ERROR;
		r->fields[r->field_count] = AUDIT_PERM;
		r->fieldflags[r->field_count] = AUDIT_EQUAL;
		r->values[r->field_count++] = val;
	}
	b->perm_added = 1;
	return RULE_SEND;
}

static int control(struct rule_builder *b, int c, const char *arg)
{
	if (!b->control) {
		rule_say(b, 0, "Option %c is not supported here", c);
		return RULE_ERROR;
	}
	return b->control(b->ctx, b, c, arg);
}

static int bad_option(struct rule_builder *b, const struct optwalk *w,
		      int argc, char **argv)
{
	const char *bad = w->optind >= 2 ?
		argv[w->optind - 1 < argc ? w->optind - 1 : argc - 1] : " ";

	if (b->lineno)
		rule_say(b, 0, "Option %s on line %u is invalid", bad,
			 b->lineno);
	else
		rule_say(b, 0, "Option %s is invalid", bad);
	return RULE_ERROR;
}

/* One option of setopt(); returns the new retval or RULE_NONE. */
static int one_option(struct rule_builder *b, struct optwalk *w, int c,
		      int argc, char **argv)
{
	char *arg = (char *)w->optarg;

	switch (c) {
	case 'i':
		b->ignore = 1;
		return RULE_DONE;
	case 'c':
		b->ignore = 1;
		b->continue_error = 1;
		return RULE_DONE;
	case 'a': case 'A': case 'd':
		return opt_list(b, c, arg);
	case 'S':
		return opt_syscall(b, arg);
	case 'F':
		return opt_field(b, arg);
	case 'C':
		return opt_compare(b, arg);
	case 'R':
		rule_say(b, 0, "Error - nested rule files not supported");
		return RULE_ERROR;
	case 'w': case 'W':
		return opt_watch(b, c, arg);
	case 'k':
		if (!(b->syscall_added || b->perm_added || b->exe_added ||
		      b->fs_added) ||
		    (b->add == RULE_FILTER_UNSET &&
		     b->del == RULE_FILTER_UNSET)) {
			rule_say(b, 0, "key option needs a watch or syscall "
				 "given prior to it");
			return RULE_ERROR;
		}
		return opt_keys(b, arg);
	case 'p':
		return opt_perm(b, arg);
	case '?':
		return bad_option(b, w, argc, argv);
	}
	return control(b, c, arg);
}

/* After the options: the reference's trailing checks and the key. */
static int finish_options(struct rule_builder *b, int retval, int optind)
{
	if (optind == 1)
		retval = RULE_ERROR;
	else if (optind < b->argc && retval != RULE_ERROR) {
		rule_say(b, 0, "parameter passed without an option given");
		retval = RULE_ERROR;
	}
	if (b->key[0] && !b->list_requested) {
		char cmd[AUDIT_MAX_KEY_LEN + 8];
		int flags = 0, rc;

		if (b->add != RULE_FILTER_UNSET)
			flags = b->add & RULE_FILTER_MASK;
		else if (b->del != RULE_FILTER_UNSET)
			flags = b->del & RULE_FILTER_MASK;
		snprintf(cmd, sizeof cmd, "key=%s", b->key);
		rc = rule_fieldpair(b, cmd, flags);
		if (rc) {
			say_code(b, rc, cmd);
			retval = RULE_ERROR;
		}
	}
	return retval;
}

int rule_parse(struct rule_builder *b, int argc, char **argv,
	       struct diag *d)
{
	struct optwalk w;
	int c, retval = RULE_REPLY;

	b->diag = d;
	if (d)
		d->msg[0] = 0;
	b->argc = argc;
	b->argv = argv;
	b->key[0] = 0;
	b->keylen = AUDIT_MAX_KEY_LEN;
	optwalk_init(&w);
	while (retval >= 0 &&
	       (c = optwalk_next(&w, argc, argv, shortopts, longopts)) != -1) {
		int r;

		b->optind = w.optind;
		r = one_option(b, &w, c, argc, argv);
		if (r == RULE_ABORT) {
			b->diag = NULL;
			return RULE_ERROR;
		}
		if (r != RULE_NONE)
			retval = r;
		if (retval == RULE_DEPRECATED)
			break;
	}
	if (retval != RULE_DEPRECATED)
		retval = finish_options(b, retval, w.optind);
	b->diag = NULL;
	return retval;
}

size_t rule_finish(struct rule_builder *b)
{
	int list = b->add != RULE_FILTER_UNSET ? b->add : b->del;

	if ((list & RULE_FILTER_MASK) != AUDIT_FILTER_TASK &&
	    b->syscall_added != 1)
		rule_syscall_add(b, b->rule, "all");
	b->rule->flags = (uint32_t)list;
	b->rule->action = (uint32_t)b->action;
	return sizeof *b->rule + b->rule->buflen;
}

/* fileopt()'s preprocess()/postprocess(): "\ " is a space inside a
 * token, "\\" a backslash; other backslashes stay. */
int rule_split_line(char *line, char **argv, int max)
{
	char *p = line, *o;
	int n = 0;

	line[strcspn(line, "\n")] = 0;
	while (*p == ' ')
		p++;
	if (!*p || *p == '#' || max < 2)
		return 0;
	argv[n++] = "auditctl";
	while (*p && n < max - 1) {
		argv[n++] = o = p;
		while (*p && *p != ' ') {
			if (p[0] == '\\' && (p[1] == ' ' || p[1] == '\\')) {
				*o++ = p[1];
				p += 2;
			} else {
				*o++ = *p++;
			}
		}
		if (*p)
			p++;
		*o = 0;
		while (*p == ' ')
			p++;
	}
	argv[n] = NULL;
	return n;
}
