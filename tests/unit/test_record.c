/* test_record - core/record.c: header parsing the way ausearch 3.0.9
 * reads it, field iteration, hex decoding, and no allocation. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <auditbox/record.h>

static unsigned long mallocs;
void *__real_malloc(size_t n);
void *__wrap_malloc(size_t n);
void *__wrap_malloc(size_t n)
{
	mallocs++;
	return __real_malloc(n);
}

#define PARSE(r, s) record_parse(r, s, sizeof(s) - 1)

static void record_parse_basic(void **state)
{
	static const char line[] = "type=SYSCALL msg=audit(1700000000.123:42): "
		"arch=c000003e syscall=59 success=yes key=\"k\"";
	struct record r;
	struct span v;

	(void)state;
	assert_int_equal(PARSE(&r, line), RECORD_OK);
	assert_null(r.node.p);
	assert_true(span_eqs(r.type_name, "SYSCALL"));
	assert_int_equal(r.type, 1300);
	assert_int_equal(r.sec, 1700000000);
	assert_int_equal(r.milli, 123);
	assert_int_equal(r.serial, 42);
	assert_true(span_eqs(r.body, "arch=c000003e syscall=59 success=yes key=\"k\""));
	assert_true(record_field(&r, SPAN_LIT("syscall"), &v));
	assert_true(span_eqs(v, "59"));
	assert_true(record_field(&r, SPAN_LIT("key"), &v));
	assert_true(span_eqs(v, "\"k\""));
	assert_false(record_field(&r, SPAN_LIT("pid"), &v));
}

static void record_parse_node_prefix(void **state)
{
	static const char line[] = "node=h1 type=PATH msg=audit(1.002:3): item=0";
	struct record r;

	(void)state;
	assert_int_equal(PARSE(&r, line), RECORD_OK);
	assert_true(span_eqs(r.node, "h1"));
	assert_int_equal(r.type, 1302);
	assert_int_equal(r.serial, 3);
}

static void record_parse_enriched_tail(void **state)
{
	static const char line[] = "type=SYSCALL msg=audit(1.000:1): uid=0\x1d" "UID=\"root\"";
	struct record r;

	(void)state;
	assert_int_equal(PARSE(&r, line), RECORD_OK);
	assert_true(span_eqs(r.msg, "type=SYSCALL msg=audit(1.000:1): uid=0"));
	assert_true(span_eqs(r.enrich, "UID=\"root\""));
	assert_true(span_eqs(r.body, "uid=0"));
}

static void record_parse_unknown_type(void **state)
{
	static const char line[] = "type=UNKNOWN[1399] msg=audit(5.000:9): a=b";
	static const char bad[] = "type=NOPE msg=audit(5.000:9): a=b";
	struct record r;

	(void)state;
	assert_int_equal(PARSE(&r, line), RECORD_OK);
	assert_int_equal(r.type, 1399);
	assert_int_equal(PARSE(&r, bad), RECORD_OK);
	assert_int_equal(r.type, -1);
}

static void record_parse_garbage(void **state)
{
	struct record r;

	(void)state;
	assert_int_not_equal(PARSE(&r, ""), RECORD_OK);
	assert_int_not_equal(PARSE(&r, "garbage"), RECORD_OK);
	assert_int_not_equal(PARSE(&r, "type=SYSCALL msg=audit("), RECORD_OK);
	assert_int_not_equal(PARSE(&r, "type=PATH"), RECORD_OK);
	assert_int_not_equal(PARSE(&r, "a b cccccccccccccccccccccc"), RECORD_OK);
}

static void record_next_field_user_msg(void **state)
{
	struct span s = SPAN_LIT("pid=1 msg='op=x res=success' tail");
	struct span n, v;
	size_t pos = 0;

	(void)state;
	assert_true(record_next_field(s, &pos, &n, &v));
	assert_true(span_eqs(n, "pid") && span_eqs(v, "1"));
	assert_true(record_next_field(s, &pos, &n, &v));
	assert_true(span_eqs(n, "msg") && span_eqs(v, "'op=x res=success'"));
	assert_true(record_next_field(s, &pos, &n, &v));
	assert_true(span_eqs(n, "tail") && v.n == 0);
	assert_false(record_next_field(s, &pos, &n, &v));
}

static void record_hex_decode_cases(void **state)
{
	char out[16];

	(void)state;
	assert_true(record_is_hex(SPAN_LIT("6C73")));
	assert_false(record_is_hex(SPAN_LIT("6C7")));
	assert_false(record_is_hex(SPAN_LIT("zz")));
	assert_int_equal(record_hex_decode(SPAN_LIT("6C73002D6C"), out, sizeof out), 5);
	assert_memory_equal(out, "ls\0-l", 5);
	assert_int_equal(record_hex_decode(SPAN_LIT("6C7"), out, sizeof out),
			 (size_t)-1);
	assert_int_equal(record_hex_decode(SPAN_LIT("6C73"), out, 1), (size_t)-1);
}

static void record_parse_no_malloc_10k(void **state)
{
	char line[256];
	struct record r;
	struct span v;
	int i, n, ok = 0;

	(void)state;
	mallocs = 0;
	for (i = 0; i < 10000; i++) {
		n = snprintf(line, sizeof line, "type=SYSCALL msg=audit(%d.%03d:%d): "
			     "arch=c000003e syscall=2 pid=%d key=\"k%d\"\x1d" "ARCH=x86_64",
			     1700000000 + i, i % 1000, i, i, i % 7);
		if (record_parse(&r, line, (size_t)n) == RECORD_OK &&
		    record_field(&r, SPAN_LIT("key"), &v))
			ok++;
	}
	assert_int_equal(ok, 10000);
	assert_int_equal(mallocs, 0);
}

/* Stamps of many shapes, each parsed in a long line (the 8-byte-load
 * path where it applies) and a short one (the digit loop): both give
 * the values written. */
static void record_parse_stamp_shapes(void **state)
{
	static const struct {
		const char *stamp;
		uint64_t sec;
		unsigned milli;
		unsigned long serial;
	} t[] = {
		{ "1700000000.123:42", 1700000000, 123, 42 },
		{ "1700000000.000:0", 1700000000, 0, 0 },
		{ "1700000000.999:7", 1700000000, 999, 7 },
		{ "1700000000.123:1234567", 1700000000, 123, 1234567 },
		{ "1700000000.123:12345678", 1700000000, 123, 12345678 },
		{ "1700000000.123:123456789", 1700000000, 123, 123456789 },
		{ "1700000000.5:42", 1700000000, 5, 42 },
		{ "1700000000.1234:42", 1700000000, 1234, 42 },
		{ "170000000.123:42", 170000000, 123, 42 },
		{ "17000000001.123:42", 17000000001ull, 123, 42 },
		{ "9999999999.090:0909090", 9999999999ull, 90, 909090 },
	};
	char line[256];
	struct record r;
	size_t i;
	int n, pad;

	(void)state;
	for (i = 0; i < sizeof t / sizeof t[0]; i++)
		for (pad = 0; pad < 2; pad++) {
			n = snprintf(line, sizeof line, "type=PATH msg=audit(%s):%s",
				     t[i].stamp, pad ? " item=0 name=\"/etc/x\"" : "");
			assert_int_equal(record_parse(&r, line, (size_t)n), RECORD_OK);
			assert_int_equal(r.sec, t[i].sec);
			assert_int_equal(r.milli, t[i].milli);
			assert_int_equal(r.serial, t[i].serial);
			assert_int_equal(r.type, 1302);
		}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(record_parse_basic),
		cmocka_unit_test(record_parse_node_prefix),
		cmocka_unit_test(record_parse_enriched_tail),
		cmocka_unit_test(record_parse_unknown_type),
		cmocka_unit_test(record_parse_garbage),
		cmocka_unit_test(record_next_field_user_msg),
		cmocka_unit_test(record_hex_decode_cases),
		cmocka_unit_test(record_parse_no_malloc_10k),
		cmocka_unit_test(record_parse_stamp_shapes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
