/* test_timespec - core/timespec.c: -ts/-te forms in TZ=UTC. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <time.h>

#include <auditbox/timespec.h>

/* 2023-11-14 22:13:20 UTC, a Tuesday */
#define NOW 1700000000

static int parse(const char *d, const char *t, int end, time_t *out)
{
	struct timespec_in in = { d, t, end, NOW, NOW - 3600 };
	int year = 0;

	return timespec_parse(&in, out, &year);
}

static int setup(void **state)
{
	(void)state;
	setenv("TZ", "UTC", 1);
	tzset();
	return 0;
}

static void timespec_parse_date_time(void **state)
{
	time_t t;

	(void)state;
	assert_int_equal(parse("11/14/23", "22:13:20", 0, &t), TIMESPEC_OK);
	assert_int_equal(t, 1700000000);
	assert_int_equal(parse("11/14/23", "22:13", 0, &t), TIMESPEC_OK);
	assert_int_equal(t, 1700000000 - 20);
	assert_int_equal(parse("11/14/23", "00:00:00", 0, &t), TIMESPEC_OK);
	assert_int_equal(t, 1699920000);
}

static void timespec_parse_errors(void **state)
{
	time_t t;
	struct timespec_in in = { "11/14/03", "00:00:00", 0, NOW, 0 };
	int year = 0;

	(void)state;
	assert_int_equal(parse("2023-13-14", NULL, 0, &t), TIMESPEC_EDATE);
	assert_int_equal(parse("11/14/2023", NULL, 0, &t), TIMESPEC_EDATE_TAIL);
	assert_int_equal(parse("13/14/23", NULL, 0, &t), TIMESPEC_EDATE);
	assert_int_equal(parse("11/14/23", "25:00", 0, &t), TIMESPEC_ETIME);
	assert_int_equal(parse("11/14/23", "x", 0, &t), TIMESPEC_ETIME);
	/* fuzz_timespec: 6 and 7 characters were read as 8 (past the end);
	 * what follows a time is an error, as ref 3.0.9 says */
	assert_int_equal(parse("11/14/23", "22:213", 0, &t), TIMESPEC_ETIME);
	assert_int_equal(parse("11/14/23", "22:13:2", 0, &t), TIMESPEC_OK);
	assert_int_equal(parse("11/14/23", "22:13:20xyz", 0, &t),
			 TIMESPEC_ETIME_TAIL);
	assert_int_equal(parse("11/14/23", "22:13:201", 0, &t),
			 TIMESPEC_ETIME_TAIL);
	assert_int_equal(timespec_parse(&in, &t, &year), TIMESPEC_EYEAR);
	assert_int_equal(year, 2003);
}

static void timespec_parse_keywords(void **state)
{
	time_t t;

	(void)state;
	assert_int_equal(parse("now", NULL, 0, &t), TIMESPEC_OK);
	assert_int_equal(t, NOW);
	assert_int_equal(parse("recent", NULL, 0, &t), TIMESPEC_OK);
	assert_int_equal(t, NOW - 600);
	assert_int_equal(parse("boot", NULL, 0, &t), TIMESPEC_OK);
	assert_int_equal(t, NOW - 3600);
	assert_int_equal(parse("today", "00:00:00", 0, &t), TIMESPEC_OK);
	assert_int_equal(t, 1699920000);
	assert_int_equal(parse("today", NULL, 1, &t), TIMESPEC_OK);
	assert_int_equal(t, NOW);
	assert_int_equal(parse("yesterday", "00:00:00", 0, &t), TIMESPEC_OK);
	assert_int_equal(t, 1699920000 - 86400);
	assert_int_equal(parse("this-week", "00:00:00", 0, &t), TIMESPEC_OK);
	assert_int_equal(t, 1699747200);	/* Sunday 11/12 */
	assert_int_equal(parse("week-ago", "00:00:00", 0, &t), TIMESPEC_OK);
	assert_int_equal(t, 1699920000 - 7 * 86400);
	assert_int_equal(parse("this-month", "00:00:00", 0, &t), TIMESPEC_OK);
	assert_int_equal(t, 1698796800);	/* 11/01/23 */
	assert_int_equal(parse("this-year", "00:00:00", 0, &t), TIMESPEC_OK);
	assert_int_equal(t, 1672531200);	/* 01/01/23 */
	assert_true(timespec_is_keyword("week-ago"));
	assert_false(timespec_is_keyword("this-hour"));
}

static void timespec_parse_iso_epoch(void **state)
{
	time_t t;

	(void)state;
	assert_int_equal(parse("@1700000000", NULL, 0, &t), TIMESPEC_OK);
	assert_int_equal(t, 1700000000);
	assert_int_equal(parse("2023-11-14T22:13:20", NULL, 0, &t), TIMESPEC_OK);
	assert_int_equal(t, 1700000000);
	assert_int_equal(parse("2023-11-14T22:13", NULL, 0, &t), TIMESPEC_OK);
	assert_int_equal(t, 1700000000 - 20);
	assert_int_equal(parse("2023-11-14", "22:13:20", 0, &t), TIMESPEC_OK);
	assert_int_equal(t, 1700000000);
	assert_int_equal(parse("@12x", NULL, 0, &t), TIMESPEC_EDATE);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(timespec_parse_date_time),
		cmocka_unit_test(timespec_parse_errors),
		cmocka_unit_test(timespec_parse_keywords),
		cmocka_unit_test(timespec_parse_iso_epoch),
	};
	return cmocka_run_group_tests(tests, setup, NULL);
}
