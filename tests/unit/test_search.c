/* test_search - core/search*.c: search_match, with the -k prefilter on
 * and off giving the same answers (expected matches as /sbin/ausearch
 * 3.0.9 gives them for the same records and -k). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include <auditbox/event.h>
#include <auditbox/search.h>

static struct search_items items;

/* Serials of the events of lines that match -k key (exact: -w), with
 * prefilter as given, "serial " each, into out. */
static void run(const char *const *lines, int n, const char *key, bool exact,
		bool prefilter, char *out, size_t cap)
{
	struct event_table t;
	struct search_criteria c;
	const struct event_rec *bad;
	const struct event *e;
	struct record r;
	size_t len = 0;
	int i, rc;

	search_criteria_init(&c);
	c.key = key;
	c.exact = exact;
	c.prefilter = prefilter;
	out[0] = 0;
	assert_int_equal(event_init(&t, 64, 512, 2), 0);
	for (i = 0; i < n; i++) {
		assert_int_equal(record_parse_header(&r, lines[i],
						     strlen(lines[i])), 0);
		assert_int_not_equal(event_feed(&t, &r), EVENT_RETRY);
	}
	event_flush(&t);
	while ((e = event_next(&t)))
		if (search_match(&c, &t, e, &items, &rc, &bad))
			len += (size_t)snprintf(out + len, cap - len, "%lu ",
						e->serial);
	event_fini(&t);
}

#define SC(s, k) "type=SYSCALL msg=audit(100.000:" s "): arch=c000003e " \
	"syscall=2 success=yes exit=3 a0=1 a1=2 a2=3 a3=4 items=1 ppid=1 " \
	"pid=42 auid=1000 uid=0 gid=0 euid=0 suid=0 fsuid=0 egid=0 sgid=0 " \
	"fsgid=0 tty=pts0 ses=1 comm=\"cat\" exe=\"/usr/bin/cat\" key=" k
#define CW(s) "type=CWD msg=audit(100.000:" s "): cwd=\"/tmp\""

static const char *const lines[] = {
	SC("1", "\"secret\""), CW("1"),
	SC("2", "(null)"), CW("2"),
	/* "wl_ppid" \x01 "multi", hex as the kernel writes several keys */
	SC("3", "776C5F70706964016D756C7469"), CW("3"),
	SC("4", "776c5f70706964"),	/* lower case hex: "wl_ppid" */
	SC("5", "\"other\""),
	/* the key text elsewhere in the record only */
	"type=CWD msg=audit(100.000:6): cwd=\"/secret\"",
};

static void check(const char *key, bool exact, const char *want)
{
	char on[128], off[128];

	run(lines, (int)(sizeof lines / sizeof lines[0]), key, exact, true,
	    on, sizeof on);
	run(lines, (int)(sizeof lines / sizeof lines[0]), key, exact, false,
	    off, sizeof off);
	assert_string_equal(off, want);
	assert_string_equal(on, want);
}

static void search_match_key_quoted(void **state)
{
	(void)state;
	check("secret", false, "1 ");
	check("ecre", false, "1 ");
	check("ecre", true, "");
	check("other", true, "5 ");
}

static void search_match_key_hex(void **state)
{
	(void)state;
	check("multi", true, "3 ");
	check("ult", false, "3 ");
	check("wl_ppid", true, "3 4 ");
	check("776C", false, "");
}

static void search_match_key_null(void **state)
{
	(void)state;
	check("(null)", true, "2 ");
	check("null", false, "2 ");
	check("nomatch", false, "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(search_match_key_quoted),
		cmocka_unit_test(search_match_key_hex),
		cmocka_unit_test(search_match_key_null),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
