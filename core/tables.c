/* tables - name <-> number lookups over the generated sorted arrays.
 * Reference: audit 3.0.9 libaudit lookup_table.c (same sets, same
 * case-insensitive names). The arrays come from tools/gen_tables.py:
 * 16-bit numbers and offsets into one string pool (syscall name ids in
 * 9 bits), no pointers. */
#include <auditbox/tables.h>
#include <auditbox/util.h>

#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>

#include "tables_gen.h"

#define COUNT(a) (sizeof(a) / sizeof *(a))

static int cmp_nr(const void *k, const void *e)
{
	int32_t a = *(const int32_t *)k, b = ((const struct tab_pair *)e)->nr;

	return (a > b) - (a < b);
}

/* strcasecmp in the C locale, without a call per character: record types
 * are looked up for every line of a log. */
static int ascii_casecmp(const char *a, const char *b)
{
	for (;; a++, b++) {
		unsigned x = (unsigned char)*a, y = (unsigned char)*b;

		if (x - 'A' < 26)
			x |= 32;
		if (y - 'A' < 26)
			y |= 32;
		if (x != y || !x)
			return (int)x - (int)y;
	}
}

static int cmp_name(const void *k, const void *e)
{
	return ascii_casecmp(k, tab_pool + ((const struct tab_pair *)e)->off);
}

static const char *by_nr(const struct tab_pair *t, size_t n, int32_t nr)
{
	const struct tab_pair *e = bsearch(&nr, t, n, sizeof *t, cmp_nr);

	return e ? tab_pool + e->off : NULL;
}

static int name_nr(const struct tab_pair *t, size_t n, const char *name)
{
	const struct tab_pair *e;

	if (!name)
		return -1;
	e = bsearch(name, t, n, sizeof *t, cmp_name);
	return e ? e->nr : -1;
}

static const struct tab_mach *mach_get(int mach)
{
	size_t i;

	for (i = 0; i < COUNT(mach_by_nr); i++)
		if (mach_by_nr[i].mach == mach)
			return &mach_by_nr[i];
	return NULL;
}

int tables_machine_number(const char *name)
{
	return name_nr(machine_by_name, COUNT(machine_by_name), name);
}

const char *tables_machine_name(int mach)
{
	const struct tab_mach *m = mach_get(mach);

	return m ? tab_pool + m->name : NULL;
}

uint32_t tables_machine_elf(int mach)
{
	const struct tab_mach *m = mach_get(mach);

	return m ? m->elf : 0;
}

int tables_elf_machine(uint32_t elf)
{
	size_t i;

	/* first match: ppc64 before ppc64le is not an issue (distinct elf) */
	for (i = 0; i < COUNT(mach_by_nr); i++)
		if (mach_by_nr[i].elf == elf &&
		    mach_by_nr[i].mach != TABLES_MACH_RISCV64)
			return mach_by_nr[i].mach;
	return -1;
}

int tables_machine_detect(void)
{
	struct utsname u;

	if (uname(&u) < 0)
		return -1;
	return tables_machine_number(u.machine);
}

/* Name id i of the packed sc_nr (SC_BITS bits each, little-endian). */
static unsigned sc_id(unsigned i)
{
	unsigned b = i * SC_BITS;

	return (((unsigned)sc_nr[b / 8] | (unsigned)sc_nr[b / 8 + 1] << 8) >>
		(b % 8)) & SC_NONE;
}

const char *tables_syscall_name(int mach, int nr)
{
	const struct tab_mach *m = mach_get(mach);
	unsigned id;

	if (!m || nr < 0 || nr >= m->n)
		return NULL;
	id = sc_id(m->at + (unsigned)nr);
	return id < COUNT(sc_names) ? tab_pool + sc_names[id] : NULL;
}

static int cmp_sc_name(const void *k, const void *e)
{
	return ascii_casecmp(k, tab_pool + *(const uint16_t *)e);
}

/* The name's id; then the machine's own pairs for it (a second name of a
 * number), else the lowest number that has it. */
int tables_syscall_number(int mach, const char *name)
{
	const struct tab_mach *m = mach_get(mach);
	const uint16_t *e;
	unsigned id, i;

	if (!m || !name)
		return -1;
	e = bsearch(name, sc_names, COUNT(sc_names), sizeof *e, cmp_sc_name);
	if (!e)
		return -1;
	id = (unsigned)(e - sc_names);
	for (i = m->ex_at; i < m->ex_at + m->ex_n; i++)
		if (sc_extra[i].id == id)
			return sc_extra[i].nr;
	for (i = 0; i < m->n; i++)
		if (sc_id(m->at + i) == id)
			return (int)i;
	return -1;
}

int tables_syscall_max(int mach)
{
	const struct tab_mach *m = mach_get(mach);

	return m && m->n ? m->n - 1 : -1;
}

const char *tables_msgtype_name(int type)
{
	return by_nr(msgtype_by_nr, COUNT(msgtype_by_nr), type);
}

/* ref 3.0.9 audit_name_to_msg_type(): a leading digit means a decimal
 * number (trailing characters ignored), "UNKNOWN[n]" means n. */
int tables_msgtype_number(const char *name)
{
	uint64_t v;

	if (!name)
		return -1;
	if (name[0] >= '0' && name[0] <= '9')
		return scan_u64(name, 10, &v) && v <= INT32_MAX ? (int)v : -1;
	if (!strncmp(name, "UNKNOWN[", 8)) {
		size_t n = scan_u64(name + 8, 10, &v);

		return n && name[8 + n] == ']' && v <= INT32_MAX ? (int)v : -1;
	}
	return name_nr(msgtype_by_name, COUNT(msgtype_by_name), name);
}

const char *tables_errno_name(int err)
{
	return by_nr(errno_by_nr, COUNT(errno_by_nr), err);
}

int tables_errno_number(const char *name)
{
	return name_nr(errno_by_name, COUNT(errno_by_name), name);
}

const char *tables_field_name(int field)
{
	return by_nr(field_by_nr, COUNT(field_by_nr), field);
}

int tables_field_number(const char *name)
{
	return name_nr(field_by_name, COUNT(field_by_name), name);
}

int tables_filetype_number(const char *name)
{
	return name_nr(filetype_by_name, COUNT(filetype_by_name), name);
}

const char *tables_fstype_name(uint32_t magic)
{
	size_t i;

	for (i = 0; i < COUNT(fstype_by_name); i++)
		if (fstype_by_name[i].magic == magic)
			return tab_pool + fstype_by_name[i].off;
	return NULL;
}

uint32_t tables_fstype_number(const char *name, int *ok)
{
	size_t i;

	for (i = 0; name && i < COUNT(fstype_by_name); i++)
		if (!ascii_casecmp(name, tab_pool + fstype_by_name[i].off)) {
			*ok = 1;
			return fstype_by_name[i].magic;
		}
	*ok = 0;
	return 0;
}

const char *tables_strerror(int err)
{
	if (err > 0 && (size_t)err < COUNT(strerror_glibc) &&
	    strerror_glibc[err] != 0xFFFF)
		return tab_pool + strerror_glibc[err];
	return strerror(err);
}
