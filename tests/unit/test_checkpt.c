/* test_checkpt - core/checkpt.c: the checkpoint file as the reference
 * parses and writes it, and the resume decision. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include <auditbox/checkpt.h>

static struct checkpt cp;

static int parse(const char *s)
{
	return checkpt_parse(&cp, s, strlen(s));
}

static void checkpt_parse_written(void **state)
{
	(void)state;
	assert_int_equal(parse("dev=0xFE00\ninode=10994004\n"
			       "output=- 1795752112.857:81 0x514\n"), 0);
	assert_int_equal(cp.dev, 0xfe00);
	assert_int_equal(cp.ino, 10994004);
	assert_false(cp.ev.has_node);
	assert_int_equal(cp.ev.sec, 1795752112);
	assert_int_equal(cp.ev.milli, 857);
	assert_int_equal(cp.ev.serial, 81);
	assert_int_equal(cp.ev.type, 1300);
}

static void checkpt_parse_node(void **state)
{
	(void)state;
	assert_int_equal(parse("dev=1\ninode=010\noutput=h1 5.007:9 0x519"), 0);
	assert_int_equal(cp.ino, 8);		/* strtoull base 0 */
	assert_true(cp.ev.has_node);
	assert_string_equal(cp.ev.node, "h1");
	assert_int_equal(cp.ev.milli, 7);
}

static void checkpt_parse_scanf_quirks(void **state)
{
	(void)state;
	/* blanks before numbers, signs, a second 0x, strtoul wrap */
	assert_int_equal(parse("dev=1\ninode=2\noutput=n 1. 2: 3 0x 5\n"), 0);
	assert_int_equal(cp.ev.type, 5);
	assert_int_equal(parse("dev=1\ninode=2\noutput=n +1.2:3 0x0x5\n"), 0);
	assert_int_equal(cp.ev.type, 5);
	assert_int_equal(parse("dev=1\ninode=2\noutput=n 1.-5:3 0x-1\n"), 0);
	assert_int_equal(cp.ev.milli, 4294967291u);
	assert_int_equal(cp.ev.type, 0xffffffffu);
	assert_int_equal(parse("dev=1\ninode=2\noutput=n 1.2:3 0x100000005\n"), 0);
	assert_int_equal(cp.ev.type, 5);	/* low 32 bits */
	/* "0x" then a bare 0x: the 0 is the number */
	assert_int_equal(parse("dev=1\ninode=2\noutput=n 1.2:3 0x0x\n"), 0);
	assert_int_equal(cp.ev.type, 0);
	assert_int_equal(parse("dev=1\ninode=2\noutput=n 1.2:3 0x\n"), -1);
}

static void checkpt_parse_errors(void **state)
{
	(void)state;
	assert_int_equal(parse("dev=1\ninode=2\noutput=n 1.2345:3 0x5\n"), -1);
	assert_int_equal(cp.err, CHECKPT_EAFTER);
	assert_string_equal(cp.line, "output=n");	/* cut at the node */
	assert_int_equal(parse("dev=1\ninode=2\noutput=n 1.2:3 0X5\n"), -1);
	assert_int_equal(cp.err, CHECKPT_EAFTER);
	assert_int_equal(parse("dev=1\ninode=2\noutput=nodex\n"), -1);
	assert_int_equal(cp.err, CHECKPT_ENODE);
	assert_string_equal(cp.line, "output=nodex");
	assert_int_equal(parse("dev=1\nfoo\ninode=2\n"), -1);
	assert_int_equal(cp.err, CHECKPT_EUNKNOWN);
	assert_true(cp.missing);		/* stopped before inode= */
	assert_int_equal(parse("dev=0x1FFFFFFFFFFFFFFFFFF\ninode=1\n"), -1);
	assert_int_equal(cp.err, CHECKPT_EDEV);
	assert_int_equal(parse("dev=zz\ninode=5\n"), -1);
	assert_int_equal(cp.err, CHECKPT_OK);	/* no digits: 0, no error */
	assert_true(cp.missing);
	assert_int_equal(parse(""), -1);
	assert_true(cp.missing);
}

static void checkpt_parse_long_line(void **state)
{
	char buf[1600];

	(void)state;
	memset(buf, 'a', sizeof buf);
	memcpy(buf, "output=", 7);
	buf[sizeof buf - 1] = '\0';
	assert_int_equal(parse(buf), -1);
	/* fgets gives the first 1022 bytes: no blank, so near node */
	assert_int_equal(cp.err, CHECKPT_ENODE);
	assert_int_equal(strlen(cp.line), CHECKPT_LINE_MAX - 1);
}

static void checkpt_format_roundtrip(void **state)
{
	struct checkpt_event ev = { true, "h1", 1795752112, 7, 81, 1300 };
	char out[2048];

	(void)state;
	checkpt_format(out, sizeof out, 0xfe00, 10994004, &ev);
	assert_string_equal(out, "dev=0xFE00\ninode=10994004\n"
			    "output=h1 1795752112.007:81 0x514\n");
	assert_int_equal(parse(out), 0);
	assert_string_equal(cp.ev.node, "h1");
	ev.has_node = false;
	checkpt_format(out, sizeof out, 1, 2, &ev);
	assert_string_equal(out, "dev=0x1\ninode=2\n"
			    "output=- 1795752112.007:81 0x514\n");
}

static struct event ev_at(uint64_t sec, unsigned milli, unsigned long serial,
			  int type)
{
	struct event e;

	memset(&e, 0, sizeof e);
	e.sec = sec;
	e.milli = milli;
	e.serial = serial;
	e.type = type;
	return e;
}

static void checkpt_decide_resume(void **state)
{
	struct event e;
	bool can = false;

	(void)state;
	assert_int_equal(parse("dev=1\ninode=2\noutput=- 100.500:7 0x514\n"), 0);
	e = ev_at(100, 400, 6, 1300);
	assert_int_equal(checkpt_decide(&cp, true, false, &can, &e),
			 CHECKPT_SKIP);
	e = ev_at(100, 500, 7, 1305);		/* type differs */
	assert_int_equal(checkpt_decide(&cp, true, false, &can, &e),
			 CHECKPT_SKIP);
	e = ev_at(100, 500, 7, 1300);
	assert_int_equal(checkpt_decide(&cp, true, false, &can, &e),
			 CHECKPT_AFTER);
	e = ev_at(100, 400, 6, 1300);		/* latched */
	assert_int_equal(checkpt_decide(&cp, true, false, &can, &e),
			 CHECKPT_OUTPUT);
}

static void checkpt_decide_corrupt(void **state)
{
	struct event e;
	bool can = false;

	(void)state;
	assert_int_equal(parse("dev=1\ninode=2\noutput=- 100.500:7 0x514\n"), 0);
	e = ev_at(102, 0, 9, 1300);		/* 2 s later: may be open */
	assert_int_equal(checkpt_decide(&cp, true, false, &can, &e),
			 CHECKPT_SKIP);
	e = ev_at(103, 0, 9, 1300);
	assert_int_equal(checkpt_decide(&cp, true, false, &can, &e),
			 CHECKPT_CORRUPT);
	assert_false(can);
}

static void checkpt_decide_time_only(void **state)
{
	struct event e;
	bool can = false;

	(void)state;
	assert_int_equal(parse("dev=1\ninode=2\noutput=- 100.500:7 0x514\n"), 0);
	e = ev_at(100, 499, 1, 1300);
	assert_int_equal(checkpt_decide(&cp, true, true, &can, &e),
			 CHECKPT_SKIP);
	e = ev_at(100, 500, 1, 1300);
	assert_int_equal(checkpt_decide(&cp, true, true, &can, &e),
			 CHECKPT_OUTPUT);
	can = false;				/* no file: everything */
	assert_int_equal(checkpt_decide(&cp, false, false, &can, &e),
			 CHECKPT_OUTPUT);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(checkpt_parse_written),
		cmocka_unit_test(checkpt_parse_node),
		cmocka_unit_test(checkpt_parse_scanf_quirks),
		cmocka_unit_test(checkpt_parse_errors),
		cmocka_unit_test(checkpt_parse_long_line),
		cmocka_unit_test(checkpt_format_roundtrip),
		cmocka_unit_test(checkpt_decide_resume),
		cmocka_unit_test(checkpt_decide_corrupt),
		cmocka_unit_test(checkpt_decide_time_only),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
