/* test_interpret - core/interpret.c: values as `ausearch -i` prints them. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <auditbox/interpret.h>

static struct interp ip;

static const char *field(int rtype, const char *name, const char *value,
			 const char *enrich)
{
	static char out[512];
	struct interp_event ie = { 0xc000003e, 257, true };

	interpret_field(&ip, &ie, rtype, span_str(name), span_str(value),
			span_str(enrich), out, sizeof out);
	return out;
}

static void interpret_field_ids(void **state)
{
	(void)state;
	assert_string_equal(field(1300, "auid", "4294967295", ""), "unset");
	assert_string_equal(field(1300, "uid", "0", ""), "root");
	assert_string_equal(field(1300, "uid", "4000000", ""), "unknown(4000000)");
	assert_string_equal(field(1300, "auid", "1000", "AUID=\"bob\""), "bob");
	assert_string_equal(field(1300, "gid", "0", ""), "root");
	assert_string_equal(field(1300, "ses", "4294967295", ""), "unset");
}

static void interpret_field_syscall_bits(void **state)
{
	(void)state;
	assert_string_equal(field(1300, "arch", "c000003e", ""), "x86_64");
	assert_string_equal(field(1300, "arch", "40000003", ""), "i386");
	assert_string_equal(field(1300, "syscall", "257", ""), "openat");
	assert_string_equal(field(1300, "exit", "-13", ""),
			    "EACCES(Permission denied)");
	assert_string_equal(field(1300, "exit", "3", ""), "3");
	assert_string_equal(field(1300, "a0", "ffffff9c", ""), "AT_FDCWD");
	assert_string_equal(field(1300, "a2", "241", ""),
			    "O_WRONLY|O_CREAT|O_TRUNC");
	assert_string_equal(field(1300, "a3", "1b6", ""), "0x1b6");
	assert_string_equal(field(1305, "res", "1", ""), "yes");
	assert_string_equal(field(1305, "list", "4", ""), "exit");
}

static void interpret_field_strings(void **state)
{
	(void)state;
	assert_string_equal(field(1327, "proctitle", "6C73002D6C", ""), "ls -l");
	assert_string_equal(field(1300, "comm", "\"cat\"", ""), "cat");
	assert_string_equal(field(1300, "exe", "2F612062", ""), "/a b");
	assert_string_equal(field(1300, "key", "6B31016B32", ""), "k1 key=k2");
	assert_string_equal(field(1300, "key", "(null)", ""), "(null)");
	assert_string_equal(field(1302, "mode", "0100640", ""), "file,640");
	assert_string_equal(field(1302, "mode", "041777", ""), "dir,sticky,777");
	assert_string_equal(field(1302, "cap_fp", "0", ""), "none");
	assert_string_equal(field(1321, "pp", "3", ""), "chown,dac_override");
	assert_string_equal(field(1306, "saddr", "02000035" "7F000001"
				  "0000000000000000", ""),
			    "{ saddr_fam=inet laddr=127.0.0.1 lport=53 }");
	assert_string_equal(field(1300, "tty", "pts0", ""), "pts0");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(interpret_field_ids),
		cmocka_unit_test(interpret_field_syscall_bits),
		cmocka_unit_test(interpret_field_strings),
	};
	setenv("TZ", "UTC", 1);
	interpret_init(&ip);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
