/* Unit tests for core/util.c. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <auditbox/util.h>

#include <stdio.h>
#include <string.h>
#include <unistd.h>

static void scan_u64_bases(void **state)
{
	uint64_t v = 0;

	(void)state;
	assert_int_equal(scan_u64("123", 10, &v), 3);
	assert_int_equal(v, 123);
	assert_int_equal(scan_u64("0x40", 0, &v), 4);
	assert_int_equal(v, 64);
	assert_int_equal(scan_u64("0X1f", 16, &v), 4);
	assert_int_equal(v, 31);
	assert_int_equal(scan_u64("017", 0, &v), 3);
	assert_int_equal(v, 15);
	assert_int_equal(scan_u64("0", 0, &v), 1);
	assert_int_equal(v, 0);
	assert_int_equal(scan_u64("64abc", 0, &v), 2);
	assert_int_equal(v, 64);
	/* "0x" without hex digits: the 0 alone, as strtoul */
	assert_int_equal(scan_u64("0xg", 0, &v), 1);
	assert_int_equal(v, 0);
}

static void scan_u64_rejects(void **state)
{
	uint64_t v = 7;

	(void)state;
	assert_int_equal(scan_u64("", 10, &v), 0);
	assert_int_equal(scan_u64("-1", 10, &v), 0);
	assert_int_equal(scan_u64(" 1", 10, &v), 0);
	assert_int_equal(scan_u64("18446744073709551616", 10, &v), 0);
	assert_int_equal(v, 7);
	assert_int_equal(scan_u64("18446744073709551615", 10, &v), 20);
	assert_true(v == UINT64_MAX);
}

static void parse_num_ranges(void **state)
{
	const char *e;

	(void)state;
	assert_int_equal(parse_num("42", 0, 100, &e), 42);
	assert_null(e);
	assert_int_equal(parse_num("-5", -10, 10, &e), -5);
	assert_null(e);
	parse_num("101", 0, 100, &e);
	assert_string_equal(e, "too large");
	parse_num("-1", 0, 100, &e);
	assert_string_equal(e, "too small");
	parse_num("4x", 0, 100, &e);
	assert_string_equal(e, "invalid");
	parse_num("", 0, 100, &e);
	assert_string_equal(e, "invalid");
	assert_true(parse_num("-9223372036854775808", INT64_MIN, 0, &e) ==
		    INT64_MIN);
	assert_null(e);
	parse_num("9223372036854775808", 0, INT64_MAX, &e);
	assert_string_equal(e, "too large");
}

static void msg_one(char *out, size_t cap, const char *prefix, int err,
		    const char *fmt, ...)
{
	int p[2];
	va_list ap;
	ssize_t n;

	assert_int_equal(pipe(p), 0);
	va_start(ap, fmt);
	msg_vwrite(p[1], prefix, err, fmt, ap);
	va_end(ap);
	close(p[1]);
	n = read(p[0], out, cap - 1);
	assert_true(n >= 0);
	out[n] = 0;
	close(p[0]);
}

static void msg_vwrite_forms(void **state)
{
	char buf[2048];
	char longarg[1500];

	(void)state;
	msg_one(buf, sizeof buf, "auditctl", 0, "bad %s", "thing");
	assert_string_equal(buf, "auditctl: bad thing\n");
	msg_one(buf, sizeof buf, NULL, 0, "Option %s is invalid", "-x");
	assert_string_equal(buf, "Option -x is invalid\n");
	msg_one(buf, sizeof buf, "x", 2, "open %s", "/f");
	assert_string_equal(buf, "x: open /f: No such file or directory\n");
	/* Over-long messages are cut, still one line. */
	memset(longarg, 'a', sizeof longarg - 1);
	longarg[sizeof longarg - 1] = 0;
	msg_one(buf, sizeof buf, "p", 0, "%s", longarg);
	assert_int_equal(strlen(buf), 1023);
	assert_int_equal(buf[1022], '\n');
}

static void base_name_forms(void **state)
{
	(void)state;
	assert_string_equal(base_name("/sbin/auditctl"), "auditctl");
	assert_string_equal(base_name("auditctl"), "auditctl");
	assert_string_equal(base_name("dir/"), "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(scan_u64_bases),
		cmocka_unit_test(scan_u64_rejects),
		cmocka_unit_test(parse_num_ranges),
		cmocka_unit_test(msg_vwrite_forms),
		cmocka_unit_test(base_name_forms),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
