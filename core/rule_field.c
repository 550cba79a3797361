/* rule_field - the -F, -C and -S compilers: libaudit 3.0.9's
 * audit_rule_fieldpair_data(), audit_rule_interfield_comp_data() and
 * audit_rule_syscallbyname_data(), with their return codes and message
 * table (lib/errormsg.h), over a caller-owned struct rule_builder. */
#include <auditbox/rule.h>
#include <auditbox/tables.h>

#include "internal.h"

#include <ctype.h>
#include <grp.h>
#include <limits.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#ifndef PATH_MAX
#define PATH_MAX 4096
#endif
#define AF_MAX_REF 46	/* AF_MAX the reference 3.0.9 was built with */

uint32_t rule_num_u(const char *s)
{
	return (uint32_t)strtoull(s, NULL, 0);
}

uint32_t rule_num_s(const char *s)
{
	return (uint32_t)strtoll(s, NULL, 0);
}

/* ref 3.0.9 lib/errormsg.h: position 0 = message only, 1 = "opt msg",
 * 2 = "msg opt". */
static const struct { signed char pos; const char *msg; } errmsgs[] = {
	[1] = { 2, "-F missing operation for" },
	[2] = { 2, "-F unknown field:" },
	[3] = { 1, "must be before -S" },
	[4] = { 1, "machine type not found" },
	[5] = { 1, "elf mapping not found" },
	[6] = { 1, "requested bit level not supported by machine" },
	[7] = { 1, "can only be used with exit filter list" },
	[8] = { 2, "-F unknown message type -" },
	[9] = { 0, "msgtype field can only be used with exclude or user "
		   "filter list" },
	[10] = { 0, "Failed upgrading rule" },
	[11] = { 0, "String value too long" },
	[12] = { 0, "Only msgtype, *uid, *gid, pid, and subj* fields can be "
		    "used with exclude filter" },
	[13] = { 1, "only takes = or != operators" },
	[14] = { 0, "Permission can only contain  'rwxa'" },
	[15] = { 2, "-F unknown errno -" },
	[16] = { 2, "-F unknown file type - " },
	[17] = { 1, "can only be used with exit and entry filter list" },
	[18] = { 1, "" },
	[19] = { 0, "Key field needs a watch, syscall or exe path given "
		    "prior to it" },
	[20] = { 2, "-F missing value after operation for" },
	[21] = { 2, "-F value should be number for" },
	[22] = { 2, "-F missing field name before operator for" },
	[23] = { 2, "" },
	[24] = { 2, "-C missing field name before operator for" },
	[25] = { 2, "-C missing value after operation for " },
	[26] = { 2, "-C unknown field:" },
	[27] = { 2, "-C unknown right hand value for comparison with:" },
	[28] = { 2, "Too many fields in rule:" },
	[29] = { 1, "only takes = operator" },
	[30] = { 2, "Field option not supported by kernel:" },
	[31] = { 1, "must be used with exclude, user, or exit filter" },
	[32] = { 0, "filter is missing from rule" },
	[33] = { 2, "-C incompatible comparison" },
	[34] = { 1, "field is not valid for the filter" },
	[35] = { 1, "filter is not supported by the kernel" },
	[36] = { 2, "file system type is unknown for field:" },
	[37] = { 2, "value is too large for field:" },
};

void rule_errmsg(char *out, size_t cap, int code, const char *opt)
{
	int k = -code;

	if (!cap)
		return;
	out[0] = 0;
	if (k <= 0 || k >= (int)(sizeof errmsgs / sizeof *errmsgs) ||
	    !errmsgs[k].msg)
		return;
	if (errmsgs[k].pos == 0)
		snprintf(out, cap, "%s", errmsgs[k].msg);
	else if (errmsgs[k].pos == 1)
		snprintf(out, cap, "%s %s", opt, errmsgs[k].msg);
	else
		snprintf(out, cap, "%s %s", errmsgs[k].msg, opt);
}

/* Splits "field<op>value" at the first operator, longest first, as the
 * reference (strstr for each in turn). */
static char *split_op(char *pair, uint32_t *op, int cmp_only)
{
	static const struct { const char *s; uint32_t op; } ops[] = {
		{ "!=", AUDIT_NOT_EQUAL },
		{ ">=", AUDIT_GREATER_THAN_OR_EQUAL },
		{ "<=", AUDIT_LESS_THAN_OR_EQUAL },
		{ "&=", AUDIT_BIT_TEST },
		{ "=", AUDIT_EQUAL },
		{ ">", AUDIT_GREATER_THAN },
		{ "<", AUDIT_LESS_THAN },
		{ "&", AUDIT_BIT_MASK },
	};
	size_t i;

	for (i = 0; i < sizeof ops / sizeof *ops; i++) {
		char *v;

		if (cmp_only && ops[i].op != AUDIT_NOT_EQUAL &&
		    ops[i].op != AUDIT_EQUAL)
			continue;
		v = strstr(pair, ops[i].s);
		if (v) {
			size_t n = strlen(ops[i].s);

			memset(v, 0, n);
			*op = ops[i].op;
			return v + n;
		}
	}
	return NULL;
}

static int add_string(struct audit_rule_data *r, unsigned i, const char *v,
		      size_t vlen)
{
	if (r->buflen + vlen > RULE_BUF_MAX)
		return -11;
	r->values[i] = (uint32_t)vlen;
	memcpy(r->buf + r->buflen, v, vlen);
	r->buflen += (uint32_t)vlen;
	return 0;
}

/* -F uid=... family: number, negative number, "unset" or a user name. */
static int value_uid(struct rule_builder *b, const char *v, uint32_t *out)
{
	struct passwd *pw;

	if (isdigit((unsigned char)v[0])) {
		*out = rule_num_u(v);
	} else if (v[0] == '-' && isdigit((unsigned char)v[1])) {
		*out = rule_num_s(v);
	} else if (!strcmp(v, "unset")) {
		*out = 4294967295U;
	} else if ((pw = getpwnam(v))) {
		*out = pw->pw_uid;
	} else {
		rule_say(b, 0, "Unknown user: %s", v);	/* ref 3.0.9 */
		return -38;
	}
	return 0;
}

static int value_gid(struct rule_builder *b, const char *v, uint32_t *out)
{
	struct group *gr;

	if (isdigit((unsigned char)v[0])) {
		*out = rule_num_s(v);
	} else if ((gr = getgrnam(v))) {
		*out = gr->gr_gid;
	} else {
		rule_say(b, 0, "Unknown group: %s", v);	/* ref 3.0.9 */
		return -38;
	}
	return 0;
}

/* audit_determine_machine(): b32/b64 relative to the native machine, a
 * machine name, or a hex ELF value. Returns the machine or a code. */
static int determine_machine(struct rule_builder *b, const char *arch)
{
	int mach, bits = 0;	/* 1: b64, 2: b32 */

	if (!strcasecmp(arch, "b64")) {
		bits = 1;
		mach = b->machine;
	} else if (!strcasecmp(arch, "b32")) {
		bits = 2;
		mach = b->machine;
	} else {
		mach = tables_machine_number(arch);
		if (mach < 0)
			mach = tables_elf_machine((uint32_t)strtoul(arch,
								    NULL, 16));
	}
	if (mach < 0)
		return -4;
	if (bits == 2) {
		if (mach == TABLES_MACH_X86_64)
			mach = TABLES_MACH_X86;
		else if (mach == TABLES_MACH_PPC64)
			mach = TABLES_MACH_PPC;
		else if (mach == TABLES_MACH_S390X)
			mach = TABLES_MACH_S390;
		else if (mach == TABLES_MACH_AARCH64)
			mach = TABLES_MACH_ARM;
	}
	switch (mach) {
	case TABLES_MACH_X86: case TABLES_MACH_PPC: case TABLES_MACH_S390:
	case TABLES_MACH_ARM:
		return bits == 1 ? -6 : mach;
	case TABLES_MACH_AARCH64:
		return bits == 2 ? -6 : mach;
	case TABLES_MACH_X86_64: case TABLES_MACH_PPC64:
	case TABLES_MACH_PPC64LE: case TABLES_MACH_S390X:
		return mach;
	}
	return -6;
}

static int field_arch(struct rule_builder *b, uint32_t op, const char *v,
		      uint32_t *out)
{
	if (b->syscall_added)
		return -3;
	if (op != AUDIT_NOT_EQUAL && op != AUDIT_EQUAL)
		return -13;
	if (isdigit((unsigned char)v[0])) {
		b->elf = rule_num_u(v);
		if (tables_elf_machine(b->elf) < 0)
			return -5;
	} else {
		int mach = determine_machine(b, v);
		uint32_t elf = mach < 0 ? 0 : tables_machine_elf(mach);

		if (elf == 0)
			return -5;
		b->elf = elf;
	}
	*out = b->elf;
	b->arch_added = 1;
	return 0;
}

static int field_perm(int flags, uint32_t op, const char *v, uint32_t *out)
{
	uint32_t val = 0;
	size_t i, len = strlen(v);

	if (flags != AUDIT_FILTER_EXIT)
		return -7;
	if (op != AUDIT_EQUAL)
		return -29;
	if (len > 4)
		return -11;
	for (i = 0; i < len; i++) {
		switch (tolower((unsigned char)v[i])) {
		case 'r': val |= AUDIT_PERM_READ; break;
		case 'w': val |= AUDIT_PERM_WRITE; break;
		case 'x': val |= AUDIT_PERM_EXEC; break;
		case 'a': val |= AUDIT_PERM_ATTR; break;
		default: return -14;
		}
	}
	*out = val;
	return 0;
}

static int field_exit(const char *v, uint32_t *out)
{
	int e;

	if (isdigit((unsigned char)v[0]) ||
	    (v[0] == '-' && isdigit((unsigned char)v[1]))) {
		*out = rule_num_s(v);
		return 0;
	}
	e = tables_errno_number(v[0] == '-' ? v + 1 : v);
	if (e <= 0)
		return -15;
	*out = v[0] == '-' ? (uint32_t)-e : (uint32_t)e;
	return 0;
}

/* Fields the exclude list takes when the kernel has EXCLUDE_EXTEND. */
static int exclude_ok(int field)
{
	switch (field) {
	case AUDIT_PID: case AUDIT_UID: case AUDIT_GID: case AUDIT_LOGINUID:
	case AUDIT_MSGTYPE: case AUDIT_SUBJ_USER: case AUDIT_SUBJ_ROLE:
	case AUDIT_SUBJ_TYPE: case AUDIT_SUBJ_SEN: case AUDIT_SUBJ_CLR:
	case AUDIT_EXE:
		return 1;
	}
	return 0;
}

/* String fields: bytes in buf, length in values[]. */
static int field_string(struct rule_builder *b, int field, uint32_t op,
			int flags, const char *v)
{
	size_t vlen = strlen(v);

	switch (field) {
	case AUDIT_OBJ_USER: case AUDIT_OBJ_ROLE: case AUDIT_OBJ_TYPE:
	case AUDIT_OBJ_LEV_LOW: case AUDIT_OBJ_LEV_HIGH: case AUDIT_WATCH:
	case AUDIT_DIR:
		if (flags != AUDIT_FILTER_EXIT)
			return -7;
		if (field == AUDIT_WATCH || field == AUDIT_DIR)
			b->perm_added = 1;
		break;
	case AUDIT_EXE:
		if (!(b->features & AUDIT_FEATURE_BITMAP_EXECUTABLE_PATH))
			return -30;
		if (op != AUDIT_EQUAL && op != AUDIT_NOT_EQUAL)
			return -13;
		b->exe_added = 1;
		break;
	case AUDIT_FILTERKEY:
		if (!(b->syscall_added || b->perm_added || b->exe_added ||
		      b->fs_added))
			return -19;
		if (vlen > AUDIT_MAX_KEY_LEN)
			return -11;
		break;
	}
	if (vlen > PATH_MAX)
		return -11;
	return add_string(b->rule, b->rule->field_count, v, vlen);
}

static int is_string_field(int field)
{
	return (field >= AUDIT_SUBJ_USER && field <= AUDIT_OBJ_LEV_HIGH &&
		field != AUDIT_PPID) || field == AUDIT_WATCH ||
	       field == AUDIT_DIR || field == AUDIT_FILTERKEY ||
	       field == AUDIT_EXE;
}

/* The numeric and named value of a non-string field. */
static int field_value(struct rule_builder *b, int field, uint32_t op,
		       int flags, const char *v, uint32_t *out)
{
	int ok;

	switch (field) {
	case AUDIT_UID: case AUDIT_EUID: case AUDIT_SUID: case AUDIT_FSUID:
	case AUDIT_LOGINUID: case AUDIT_OBJ_UID:
		return value_uid(b, v, out);
	case AUDIT_GID: case AUDIT_EGID: case AUDIT_SGID: case AUDIT_FSGID:
	case AUDIT_OBJ_GID:
		return value_gid(b, v, out);
	case AUDIT_EXIT:
		if (flags != AUDIT_FILTER_EXIT)
			return -7;
		return field_exit(v, out);
	case AUDIT_MSGTYPE:
		if (flags != AUDIT_FILTER_EXCLUDE && flags != AUDIT_FILTER_USER)
			return -9;
		if (isdigit((unsigned char)v[0])) {
			*out = rule_num_s(v);
		} else {
			int t = tables_msgtype_number(v);

			if (t <= 0)
				return -8;
			*out = (uint32_t)t;
		}
		return 0;
	case AUDIT_ARCH:
		return field_arch(b, op, v, out);
	case AUDIT_PERM:
		return field_perm(flags, op, v, out);
	case AUDIT_FILETYPE:
		if (flags != AUDIT_FILTER_EXIT)
			return -7;
		ok = tables_filetype_number(v);
		if (ok < 0)
			return -16;
		*out = (uint32_t)ok;
		return 0;
	case AUDIT_ARG0: case AUDIT_ARG0 + 1: case AUDIT_ARG0 + 2:
	case AUDIT_ARG0 + 3:
		if (isdigit((unsigned char)v[0]))
			*out = rule_num_u(v);
		else if (v[0] == '-' && isdigit((unsigned char)v[1]))
			*out = rule_num_s(v);
		else
			return -21;
		return 0;
	case AUDIT_SESSIONID:
		if (!(b->features & AUDIT_FEATURE_BITMAP_SESSIONID_FILTER))
			return -30;
		if (flags != AUDIT_FILTER_EXCLUDE && flags != AUDIT_FILTER_USER &&
		    flags != AUDIT_FILTER_EXIT)
			return -31;
		if (isdigit((unsigned char)v[0]))
			*out = rule_num_u(v);
		else if (v[0] == '-' && isdigit((unsigned char)v[1]))
			*out = rule_num_s(v);
		else if (!strcmp(v, "unset"))
			*out = 4294967295U;
		else
			*out = 0;
		return 0;
	case AUDIT_FSTYPE:
		if (flags != AUDIT_FILTER_FS)
			return -34;
		if (op != AUDIT_EQUAL && op != AUDIT_NOT_EQUAL)
			return -13;
		if (isdigit((unsigned char)v[0])) {
			*out = rule_num_u(v);
		} else {
			*out = tables_fstype_number(v, &ok);
			if (!ok)
				return -36;
		}
		b->fs_added = 1;	/* a key may follow (ref 3.0.9) */
		return 0;
	case AUDIT_SADDR_FAM:
		*out = rule_num_u(v);
		return *out >= AF_MAX_REF ? -37 : 0;
	case AUDIT_DEVMAJOR: case AUDIT_DEVMAJOR + 1: case AUDIT_INODE:
	case AUDIT_SUCCESS:
		if (flags != AUDIT_FILTER_EXIT)
			return -7;
		break;
	}
	if (field == AUDIT_INODE && op != AUDIT_NOT_EQUAL && op != AUDIT_EQUAL)
		return -13;
	if (field == AUDIT_PPID && flags != AUDIT_FILTER_EXIT)
		return -7;
	if (!isdigit((unsigned char)v[0]))
		return -21;
	*out = field == AUDIT_INODE ? rule_num_u(v) : rule_num_s(v);
	return 0;
}

int rule_fieldpair(struct rule_builder *b, char *pair, int flags)
{
	struct audit_rule_data *r = b->rule;
	uint32_t op = 0, val = 0;
	char *v;
	int field, rc;

	if (r->field_count >= AUDIT_MAX_FIELDS - 1)
		return -28;
	v = split_op(pair, &op, 0);
	if (!v)
		return -1;
	if (!*pair)
		return -22;
	if (!*v)
		return -20;
	field = tables_field_number(pair);
	if (field < 0)
		return -2;
	if (flags == AUDIT_FILTER_EXCLUDE) {
		if (!(b->features & AUDIT_FEATURE_BITMAP_EXCLUDE_EXTEND)) {
			if (field != AUDIT_MSGTYPE)
				return -30;
		} else if (!exclude_ok(field)) {
			return -12;
		}
	}
	if (is_string_field(field))
		rc = field_string(b, field, op, flags, v);
	else
		rc = field_value(b, field, op, flags, v, &val);
	if (rc)
		return rc;
	r->fields[r->field_count] = (uint32_t)field;
	r->fieldflags[r->field_count] = op;
	if (!is_string_field(field))
		r->values[r->field_count] = val;
	r->field_count++;
	return 0;
}

/* -C pairs: any two distinct fields of one group, in either order.
 * Rows are (left, right, AUDIT_COMPARE_*) as -l prints them. */
static const struct { short a, b; uint32_t v; } cmps[] = {
	{ AUDIT_UID, AUDIT_OBJ_UID, AUDIT_COMPARE_UID_TO_OBJ_UID },
	{ AUDIT_GID, AUDIT_OBJ_GID, AUDIT_COMPARE_GID_TO_OBJ_GID },
	{ AUDIT_EUID, AUDIT_OBJ_UID, AUDIT_COMPARE_EUID_TO_OBJ_UID },
	{ AUDIT_EGID, AUDIT_OBJ_GID, AUDIT_COMPARE_EGID_TO_OBJ_GID },
	{ AUDIT_LOGINUID, AUDIT_OBJ_UID, AUDIT_COMPARE_AUID_TO_OBJ_UID },
	{ AUDIT_SUID, AUDIT_OBJ_UID, AUDIT_COMPARE_SUID_TO_OBJ_UID },
	{ AUDIT_SGID, AUDIT_OBJ_GID, AUDIT_COMPARE_SGID_TO_OBJ_GID },
	{ AUDIT_FSUID, AUDIT_OBJ_UID, AUDIT_COMPARE_FSUID_TO_OBJ_UID },
	{ AUDIT_FSGID, AUDIT_OBJ_GID, AUDIT_COMPARE_FSGID_TO_OBJ_GID },
	{ AUDIT_UID, AUDIT_LOGINUID, AUDIT_COMPARE_UID_TO_AUID },
	{ AUDIT_UID, AUDIT_EUID, AUDIT_COMPARE_UID_TO_EUID },
	{ AUDIT_UID, AUDIT_FSUID, AUDIT_COMPARE_UID_TO_FSUID },
	{ AUDIT_UID, AUDIT_SUID, AUDIT_COMPARE_UID_TO_SUID },
	{ AUDIT_LOGINUID, AUDIT_FSUID, AUDIT_COMPARE_AUID_TO_FSUID },
	{ AUDIT_LOGINUID, AUDIT_SUID, AUDIT_COMPARE_AUID_TO_SUID },
	{ AUDIT_LOGINUID, AUDIT_EUID, AUDIT_COMPARE_AUID_TO_EUID },
	{ AUDIT_EUID, AUDIT_SUID, AUDIT_COMPARE_EUID_TO_SUID },
	{ AUDIT_EUID, AUDIT_FSUID, AUDIT_COMPARE_EUID_TO_FSUID },
	{ AUDIT_SUID, AUDIT_FSUID, AUDIT_COMPARE_SUID_TO_FSUID },
	{ AUDIT_GID, AUDIT_EGID, AUDIT_COMPARE_GID_TO_EGID },
	{ AUDIT_GID, AUDIT_FSGID, AUDIT_COMPARE_GID_TO_FSGID },
	{ AUDIT_GID, AUDIT_SGID, AUDIT_COMPARE_GID_TO_SGID },
	{ AUDIT_EGID, AUDIT_FSGID, AUDIT_COMPARE_EGID_TO_FSGID },
	{ AUDIT_EGID, AUDIT_SGID, AUDIT_COMPARE_EGID_TO_SGID },
	{ AUDIT_SGID, AUDIT_FSGID, AUDIT_COMPARE_SGID_TO_FSGID },
};

int rule_compare(struct rule_builder *b, char *pair, int flags)
{
	struct audit_rule_data *r = b->rule;
	uint32_t op = 0;
	int f1, f2;
	size_t i;
	char *v;

	if (r->field_count >= AUDIT_MAX_FIELDS - 1)
		return -28;
	v = split_op(pair, &op, 1);
	if (!v)
		return -13;
	if (!*pair)
		return -24;
	if (!*v)
		return -25;
	if ((f1 = tables_field_number(pair)) < 0)
		return -26;
	if ((f2 = tables_field_number(v)) < 0)
		return -27;
	if (flags != AUDIT_FILTER_EXIT)
		return -7;
	for (i = 0; i < sizeof cmps / sizeof *cmps; i++)
		if ((cmps[i].a == f1 && cmps[i].b == f2) ||
		    (cmps[i].a == f2 && cmps[i].b == f1))
			break;
	if (i == sizeof cmps / sizeof *cmps)
		return -33;
	r->fields[r->field_count] = AUDIT_FIELD_COMPARE;
	r->fieldflags[r->field_count] = op;
	r->values[r->field_count++] = cmps[i].v;
	return 0;
}

/* The -C text of an AUDIT_COMPARE_* value: "uid" and "obj_uid". */
int rule_compare_names(uint32_t v, const char **a, const char **b)
{
	size_t i;

	for (i = 0; i < sizeof cmps / sizeof *cmps; i++)
		if (cmps[i].v == v) {
			*a = tables_field_name(cmps[i].a);
			*b = tables_field_name(cmps[i].b);
			return 0;
		}
	return -1;
}
