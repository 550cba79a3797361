/* test_tables - core/tables.c: every row of the reference's extracted
 * tables (data/ref-3.0.9, from libaudit 3.0.9) looks up both ways. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <auditbox/tables.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Calls fn for each data row (tab-separated columns) of DATA/name. */
static int each_row(const char *name, void (*fn)(char **col, int n, void *),
		    void *ctx)
{
	const char *dir = getenv("AB_DATA");
	char path[512], line[512];
	FILE *f;
	int rows = 0;

	assert_non_null(dir);
	snprintf(path, sizeof path, "%s/%s", dir, name);
	f = fopen(path, "r");
	assert_non_null(f);
	assert_non_null(fgets(line, sizeof line, f));	/* header */
	while (fgets(line, sizeof line, f)) {
		char *col[8];
		int n = 0;
		char *p = strtok(line, "\t\n");

		while (p && n < 8) {
			col[n++] = p;
			p = strtok(NULL, "\t\n");
		}
		fn(col, n, ctx);
		rows++;
	}
	fclose(f);
	return rows;
}

static void check_syscall(char **col, int n, void *ctx)
{
	int mach = *(int *)ctx, nr = atoi(col[0]);

	assert_int_equal(tables_syscall_number(mach, col[1]), nr);
	if (n < 3)	/* not an alias: the name printed for nr */
		assert_string_equal(tables_syscall_name(mach, nr), col[1]);
}

static void tables_syscall_all_machines(void **state)
{
	static const struct { const char *file; int mach; } t[] = {
		{ "ref-3.0.9/syscalls-x86_64.tsv", TABLES_MACH_X86_64 },
		{ "ref-3.0.9/syscalls-i386.tsv", TABLES_MACH_X86 },
		{ "ref-3.0.9/syscalls-aarch64.tsv", TABLES_MACH_AARCH64 },
		{ "ref-3.0.9/syscalls-armeb.tsv", TABLES_MACH_ARM },
		{ "ref-3.0.9/syscalls-ppc.tsv", TABLES_MACH_PPC },
		{ "ref-3.0.9/syscalls-ppc64.tsv", TABLES_MACH_PPC64 },
		{ "ref-3.0.9/syscalls-ppc64le.tsv", TABLES_MACH_PPC64LE },
		{ "ref-3.0.9/syscalls-s390.tsv", TABLES_MACH_S390 },
		{ "ref-3.0.9/syscalls-s390x.tsv", TABLES_MACH_S390X },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof t / sizeof *t; i++) {
		int mach = t[i].mach;

		assert_true(each_row(t[i].file, check_syscall, &mach) > 300);
	}
}

static void tables_syscall_case_and_unknown(void **state)
{
	(void)state;
	assert_int_equal(tables_syscall_number(TABLES_MACH_X86_64, "OPEN"), 2);
	assert_int_equal(tables_syscall_number(TABLES_MACH_X86_64, "pread64"),
			 -1);
	assert_int_equal(tables_syscall_number(TABLES_MACH_X86, "madvise1"),
			 219);
	assert_string_equal(tables_syscall_name(TABLES_MACH_X86, 219),
			    "madvise");
	assert_null(tables_syscall_name(TABLES_MACH_X86_64, 100000));
	assert_null(tables_syscall_name(7, 1));
	assert_int_equal(tables_syscall_number(7, "read"), -1);
	assert_int_equal(tables_syscall_max(TABLES_MACH_X86_64), 450);
	/* riscv64: kernel table with the reference's spellings */
	assert_int_equal(tables_syscall_number(TABLES_MACH_RISCV64,
					       "openat"), 56);
}

static void check_machine(char **col, int n, void *ctx)
{
	(void)n;
	(void)ctx;
	assert_int_equal(tables_machine_number(col[0]), atoi(col[1]));
	assert_string_equal(tables_machine_name(atoi(col[1])), col[2]);
	assert_int_equal(tables_machine_elf(atoi(col[1])),
			 (uint32_t)strtoul(col[3], NULL, 16));
	assert_int_equal(tables_elf_machine(strtoul(col[3], NULL, 16)),
			 atoi(col[1]));
}

static void tables_machine_all(void **state)
{
	(void)state;
	assert_int_equal(each_row("ref-3.0.9/machines.tsv", check_machine,
				  NULL), 18);
	assert_int_equal(tables_machine_number("riscv64"), -1);
	assert_int_equal(tables_machine_number("X86_64"), TABLES_MACH_X86_64);
	assert_int_equal(tables_elf_machine(0x12345), -1);
}

static void check_msgtype(char **col, int n, void *ctx)
{
	(void)n;
	(void)ctx;
	assert_int_equal(tables_msgtype_number(col[1]), atoi(col[0]));
	assert_string_equal(tables_msgtype_name(atoi(col[0])), col[1]);
}

static void tables_msgtype_all(void **state)
{
	(void)state;
	assert_int_equal(each_row("ref-3.0.9/msgtypes.tsv", check_msgtype,
				  NULL), 195);
	assert_int_equal(tables_msgtype_number("cwd"), 1307);
	assert_int_equal(tables_msgtype_number("12abc"), 12);
	assert_int_equal(tables_msgtype_number("UNKNOWN[7]"), 7);
	assert_int_equal(tables_msgtype_number("UNKNOWN[7"), -1);
	assert_int_equal(tables_msgtype_number("nosuch"), -1);
	assert_int_equal(tables_msgtype_number(" 12"), -1);
	assert_null(tables_msgtype_name(1000));	/* unnamed: UNKNOWN[n] */
}

static void check_errno(char **col, int n, void *ctx)
{
	(void)n;
	(void)ctx;
	assert_int_equal(tables_errno_number(col[1]), atoi(col[0]));
}

static void tables_errno_all(void **state)
{
	(void)state;
	assert_int_equal(each_row("ref-3.0.9/errno.tsv", check_errno, NULL),
			 133);
	assert_string_equal(tables_errno_name(11), "EAGAIN");
	assert_string_equal(tables_errno_name(35), "EDEADLK");
	assert_int_equal(tables_errno_number("eacces"), 13);
	assert_null(tables_errno_name(41));
	assert_null(tables_errno_name(0));
}

static void check_field(char **col, int n, void *ctx)
{
	(void)n;
	(void)ctx;
	assert_int_equal(tables_field_number(col[0]), atoi(col[1]));
	if (strcmp(col[0], "loginuid"))
		assert_string_equal(tables_field_name(atoi(col[1])), col[0]);
}

static void tables_field_all(void **state)
{
	int ok;

	(void)state;
	assert_int_equal(each_row("ref-3.0.9/fields.tsv", check_field, NULL),
			 46);
	assert_int_equal(tables_field_number("UID"), 1);
	assert_int_equal(tables_field_number("watch"), -1);
	assert_int_equal(tables_filetype_number("character"), 8192);
	assert_int_equal(tables_filetype_number("symlink"), -1);
	assert_int_equal(tables_fstype_number("TRACEFS", &ok), 0x74726163);
	assert_true(ok);
	tables_fstype_number("cgroup", &ok);
	assert_false(ok);
	assert_string_equal(tables_fstype_name(0x64626720), "debugfs");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(tables_syscall_all_machines),
		cmocka_unit_test(tables_syscall_case_and_unknown),
		cmocka_unit_test(tables_machine_all),
		cmocka_unit_test(tables_msgtype_all),
		cmocka_unit_test(tables_errno_all),
		cmocka_unit_test(tables_field_all),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
