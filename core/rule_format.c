/* rule_format - "auditctl -l" text of a kernel rule, as the reference
 * 3.0.9 src/auditctl-listing.c prints it (watch form, syscall form, field
 * order, hex a0-a3, errno names, -i forms). Docs: docs/auditctl.8.md */
#include <auditbox/rule.h>
#include <auditbox/interpret.h>
#include <auditbox/tables.h>

#include "internal.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

struct out {
	char *p;
	size_t cap, len;
};

static void put(struct out *o, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void put(struct out *o, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(o->len < o->cap ? o->p + o->len : NULL,
		      o->len < o->cap ? o->cap - o->len : 0, fmt, ap);
	va_end(ap);
	if (n > 0)
		o->len += (size_t)n;
}

static const char *op_sym(uint32_t op)
{
	switch (op) {
	case AUDIT_EQUAL: return "=";
	case AUDIT_NOT_EQUAL: return "!=";
	case AUDIT_LESS_THAN: return "<";
	case AUDIT_GREATER_THAN: return ">";
	case AUDIT_LESS_THAN_OR_EQUAL: return "<=";
	case AUDIT_GREATER_THAN_OR_EQUAL: return ">=";
	case AUDIT_BIT_MASK: return "&";
	case AUDIT_BIT_TEST: return "&=";
	}
	return "(null)";	/* glibc's printf of NULL */
}

static const char *list_name(uint32_t flags)
{
	static const char *const n[] = { "user", "task", NULL, NULL, "exit",
					  "exclude", "filesystem" };
	uint32_t f = flags & RULE_FILTER_MASK;

	return f < 7 && n[f] ? n[f] : "(null)";
}

static const char *action_name(uint32_t a)
{
	static const char *const n[] = { "never", "possible", "always" };

	return a < 3 ? n[a] : "(null)";
}

int rule_uses_buf(int field)
{
	return (field >= AUDIT_SUBJ_USER && field <= AUDIT_OBJ_LEV_HIGH &&
		field != AUDIT_PPID) || field == AUDIT_WATCH ||
	       field == AUDIT_DIR || field == AUDIT_FILTERKEY ||
	       field == AUDIT_EXE;
}

static int no_syscalls(uint32_t flags)
{
	uint32_t f = flags & RULE_FILTER_MASK;

	return f == AUDIT_FILTER_USER || f == AUDIT_FILTER_TASK ||
	       f == AUDIT_FILTER_EXCLUDE || f == AUDIT_FILTER_FS;
}

static int all_syscalls(const struct audit_rule_data *r)
{
	int i;

	for (i = 0; i < AUDIT_BITMASK_SIZE - 1; i++)
		if (r->mask[i] != ~0U)
			return 0;
	return 1;
}

/* A watch: only path/dir/perm/key fields, a perm, and all syscalls. */
static int is_watch(const struct audit_rule_data *r)
{
	uint32_t i;
	int perm = 0;

	for (i = 0; i < r->field_count; i++) {
		uint32_t f = r->fields[i] & ~AUDIT_OPERATORS;

		if (f == AUDIT_PERM)
			perm = 1;
		if (f != AUDIT_PERM && f != AUDIT_FILTERKEY &&
		    f != AUDIT_DIR && f != AUDIT_WATCH)
			return 0;
	}
	return perm && (no_syscalls(r->flags) || all_syscalls(r));
}

/* What -l -i needs to interpret a0..a3 as the reference does: with one
 * syscall (or none), that syscall on the arch field's machine (-1 when
 * the rule has none); the a0 and a1 fields seen so far. */
struct args {
	int interpret, mach, nr;
	unsigned count;
	uint64_t a0, a1;
	struct interp ip;
};

/* Returns the machine the syscall names come from (-1 unknown); *fmach
 * gets the arch field's (-1 without one). */
static int put_arch(struct out *o, const struct audit_rule_data *r,
		    int interpret, int mach, int *fmach)
{
	uint32_t i;

	for (i = 0; i < r->field_count; i++) {
		uint32_t v = r->values[i];
		const char *op = op_sym(r->fieldflags[i] & AUDIT_OPERATORS);

		if ((r->fields[i] & ~AUDIT_OPERATORS) != AUDIT_ARCH)
			continue;
		mach = *fmach = tables_elf_machine(v);
		if (mach < 0)
			put(o, " -F arch%s0x%X", op, v);
		else if (!interpret)
			put(o, " -F arch%s%s", op,
			    v & __AUDIT_ARCH_64BIT ? "b64" : "b32");
		else
			put(o, " -F arch%s%s", op, tables_machine_name(mach));
	}
	return mach;
}

/* Returns the number of syscalls listed (all: 63, as the reference
 * counts them); *nr gets the last one. */
static unsigned put_syscalls(struct out *o, const struct audit_rule_data *r,
			     int mach, int *nr)
{
	unsigned count = 0, i;

	if (no_syscalls(r->flags))
		return 0;
	if (all_syscalls(r)) {
		put(o, " -S all");
		return AUDIT_BITMASK_SIZE - 1;
	}
	for (i = 0; i < AUDIT_BITMASK_SIZE * 32; i++) {
		const char *name;

		if (!(r->mask[AUDIT_WORD(i)] & AUDIT_BIT(i)))
			continue;
		name = mach < 0 ? NULL : tables_syscall_name(mach, (int)i);
		if (!count)
			put(o, " -S ");
		if (name)
			put(o, "%s%s", count ? "," : "", name);
		else
			put(o, "%s%u", count ? "," : "", i);
		count++;
		*nr = (int)i;
	}
	return count;
}

static int uid_field(uint32_t f)
{
	return f == AUDIT_UID || f == AUDIT_EUID || f == AUDIT_SUID ||
	       f == AUDIT_FSUID || f == AUDIT_LOGINUID ||
	       f == AUDIT_OBJ_UID || f == AUDIT_SESSIONID;
}

/* a0..a3: hex, or with -l -i and at most one syscall, interpreted as
 * ausearch -i interprets them (then hex is lowercase, "0x%x") */
static void put_arg(struct out *o, struct args *a, const char *name,
		    const char *op, uint32_t f, uint32_t v)
{
	char buf[256];

	if (f == AUDIT_ARG0)
		a->a0 = v;
	else if (f == AUDIT_ARG1)
		a->a1 = v;
	if (a->count > 1 || !a->interpret) {
		put(o, " -F %s%s0x%X", name, op, v);
		return;
	}
	interpret_syscall_arg(&a->ip, a->mach, a->nr, (int)(f - AUDIT_ARG0),
			      v, a->a0, a->a1, buf, sizeof buf);
	put(o, " -F %s%s%s", name, op, buf);
}

/* One field of the syscall or watch form; *boff walks buf. */
static void put_field(struct out *o, const struct audit_rule_data *r,
		      uint32_t i, size_t *boff, int watch, struct args *a)
{
	int interpret = a->interpret;
	uint32_t f = r->fields[i] & ~AUDIT_OPERATORS;
	uint32_t v = r->values[i];
	const char *op = op_sym(r->fieldflags[i] & AUDIT_OPERATORS);
	const char *name = tables_field_name((int)f);
	const char *s = r->buf + *boff;
	int n = (int)v;

	if (rule_uses_buf((int)f)) {
		if (*boff + v > r->buflen)	/* malformed: stop at the end */
			n = (int)(r->buflen - *boff);
		*boff += (size_t)n;
	}
	if (!name) {
		put(o, " f%u%s%d", r->fields[i], op, (int)v);
	} else if (f == AUDIT_MSGTYPE) {
		const char *t = tables_msgtype_name((int)v);

		if (t)
			put(o, " -F %s%s%s", name, op, t);
		else
			put(o, " -F %s%s%d", name, op, (int)v);
	} else if (f == AUDIT_WATCH || f == AUDIT_DIR) {
		if (watch)
			put(o, "-w %.*s", n, s);	/* 3.0.9: no '/' */
		else
			put(o, " -F %s=%.*s", name, n, s);
	} else if (f == AUDIT_FILTERKEY) {
		int a = 0;

		while (a < n) {	/* strtok: empty keys vanish */
			int e = a;

			while (e < n && s[e] != AUDIT_KEY_SEPARATOR && s[e])
				e++;
			if (e > a)
				put(o, watch ? " -k %.*s" : " -F key=%.*s",
				    e - a, s + a);
			a = e + 1;
		}
	} else if (rule_uses_buf((int)f)) {
		put(o, " -F %s%s%.*s", name, op, n, s);
	} else if (f == AUDIT_PERM) {
		put(o, watch ? " -p %s%s%s%s" : " -F perm=%s%s%s%s",
		    v & AUDIT_PERM_READ ? "r" : "", v & AUDIT_PERM_WRITE ? "w" : "",
		    v & AUDIT_PERM_EXEC ? "x" : "", v & AUDIT_PERM_ATTR ? "a" : "");
	} else if (f == AUDIT_INODE) {
		put(o, " -F %s%s%u", name, op, v);
	} else if (f == AUDIT_FIELD_COMPARE) {
		const char *a, *b;

		if (!rule_compare_names(v, &a, &b))
			put(o, " -C %s%s%s", a, op, b);
	} else if (f >= AUDIT_ARG0 && f <= AUDIT_ARG0 + 3) {
		put_arg(o, a, name, op, f, v);
	} else if (f == AUDIT_EXIT) {
		const char *e = (int)v < 0 && (int)v != INT32_MIN ?
			tables_errno_name(-(int)v) : NULL;

		if (e)
			put(o, " -F %s%s-%s", name, op, e);
		else
			put(o, " -F %s%s%d", name, op, (int)v);
	} else if (f == AUDIT_FSTYPE && tables_fstype_name(v)) {
		put(o, " -F %s%s%s", name, op, tables_fstype_name(v));
	} else if (interpret && uid_field(f) && v == 4294967295U) {
		put(o, " -F %s%sunset", name, op);
	} else {
		put(o, " -F %s%s%d", name, op, (int)v);
	}
}

size_t rule_format(char *out, size_t cap, const struct audit_rule_data *r,
		   size_t len, int interpret, int native_machine)
{
	struct out o = { out, cap, 0 };
	size_t boff = 0;
	uint32_t i, count = r->field_count;
	int watch;
	struct args a;

	if (cap)
		out[0] = 0;
	if (len < sizeof *r || len - sizeof *r < r->buflen)
		return 0;
	if (count > AUDIT_MAX_FIELDS)
		count = AUDIT_MAX_FIELDS;
	memset(&a, 0, offsetof(struct args, ip));
	a.interpret = interpret;
	a.mach = -1;
	watch = is_watch(r);
	if (!watch) {
		int mach;

		put(&o, "-a %s,%s", action_name(r->action),
		    list_name(r->flags));
		mach = put_arch(&o, r, interpret, native_machine, &a.mach);
		a.count = put_syscalls(&o, r, mach, &a.nr);
	}
	if (interpret)
		interpret_init(&a.ip);
	for (i = 0; i < count; i++)
		if ((r->fields[i] & ~AUDIT_OPERATORS) != AUDIT_ARCH)
			put_field(&o, r, i, &boff, watch, &a);
	put(&o, "\n");
	return o.len;
}

int rule_key_match(const struct audit_rule_data *r, size_t len,
		   const char *key)
{
	size_t boff = 0;
	uint32_t i;

	if (!key[0])
		return 1;
	if (len < sizeof *r || len - sizeof *r < r->buflen)
		return 0;
	for (i = 0; i < r->field_count && i < AUDIT_MAX_FIELDS; i++) {
		uint32_t f = r->fields[i] & ~AUDIT_OPERATORS;
		size_t n = r->values[i];

		if (!rule_uses_buf((int)f))
			continue;
		if (boff + n > r->buflen)
			return 0;
		if (f == AUDIT_FILTERKEY) {
			char k[AUDIT_MAX_KEY_LEN + 1];
			size_t m = n < AUDIT_MAX_KEY_LEN ? n : AUDIT_MAX_KEY_LEN;

			memcpy(k, r->buf + boff, m);
			k[m] = 0;
			if (strstr(k, key))
				return 1;
		}
		boff += n;
	}
	return 0;
}
