/* test_event - core/event.c: grouping and release order, checked against
 * what /sbin/ausearch 3.0.9 does with the same records. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include <auditbox/event.h>

/* Feeds lines; writes "serial:nrec " per released event into out. */
static void run(const char *const *lines, int n, unsigned timeout, char *out,
		size_t cap, uint32_t max_ev)
{
	struct event_table t;
	struct record r;
	const struct event *e;
	size_t len = 0;
	int i;

	out[0] = 0;
	assert_int_equal(event_init(&t, max_ev, max_ev * 8, timeout), 0);
	for (i = 0; i <= n; i++) {
		if (i < n) {
			assert_int_equal(record_parse(&r, lines[i],
						      strlen(lines[i])), 0);
			while (event_feed(&t, &r) == EVENT_RETRY)
				while ((e = event_next(&t)))
					len += (size_t)snprintf(out + len,
						cap - len, "%lu:%u ",
						e->serial, e->nrec);
		} else {
			event_flush(&t);
		}
		while ((e = event_next(&t)))
			len += (size_t)snprintf(out + len, cap - len, "%lu:%u ",
						e->serial, e->nrec);
	}
	event_fini(&t);
}

#define SC(t, s) "type=SYSCALL msg=audit(" t ":" s "): arch=c000003e syscall=2"
#define CW(t, s) "type=CWD msg=audit(" t ":" s "): cwd=\"/\""
#define PT(t, s) "type=PROCTITLE msg=audit(" t ":" s "): proctitle=6C73"
#define UL(t, s) "type=USER_LOGIN msg=audit(" t ":" s "): pid=1 msg='x'"

static void event_feed_timeout_splits(void **state)
{
	/* t1: the CWD for event 1 arrives after 102 closed it */
	const char *const l[] = { SC("100.000", "1"), SC("102.000", "2"),
		CW("100.000", "1"), SC("103.000", "3"), CW("100.000", "1") };
	char out[256];

	(void)state;
	run(l, 5, 2, out, sizeof out, 64);
	assert_string_equal(out, "1:1 1:1 1:1 2:1 3:1 ");
}

static void event_feed_single_type_first(void **state)
{
	/* t2: USER_LOGIN is complete at once and the lowest pending */
	const char *const l[] = { SC("100.000", "5"), SC("100.000", "4"),
		UL("100.000", "3"), SC("100.000", "2"), PT("100.000", "4"),
		SC("100.000", "1") };
	char out[256];

	(void)state;
	run(l, 6, 2, out, sizeof out, 64);
	assert_string_equal(out, "3:1 1:1 2:1 4:2 5:1 ");
}

static void event_feed_release_in_time_order(void **state)
{
	/* t4: 9 and 8 close at 105 and leave lowest first */
	const char *const l[] = { SC("100.000", "9"), SC("100.000", "8"),
		SC("105.000", "7"), SC("100.000", "6") };
	char out[256];

	(void)state;
	run(l, 4, 2, out, sizeof out, 64);
	assert_string_equal(out, "8:1 9:1 6:1 7:1 ");
}

static void event_feed_interleaved(void **state)
{
	const char *const l[] = { SC("100.000", "1"), SC("100.000", "2"),
		CW("100.000", "2"), CW("100.000", "1"), PT("100.000", "1"),
		PT("100.000", "2") };
	char out[256];

	(void)state;
	run(l, 6, 2, out, sizeof out, 64);
	assert_string_equal(out, "1:3 2:3 ");
}

static void event_feed_standalone_eoe_dropped(void **state)
{
	const char *const l[] = { "type=EOE msg=audit(100.000:1): ",
		SC("100.000", "2") };
	char out[256];

	(void)state;
	run(l, 2, 2, out, sizeof out, 64);
	assert_string_equal(out, "2:1 ");
}

/* eoe_ends (--follow, --live): an EOE completes its event at once, and
 * events still leave lowest first */
static void event_feed_eoe_ends(void **state)
{
	const char *const l[] = { SC("100.000", "1"), SC("100.000", "2"),
		"type=EOE msg=audit(100.000:2): ", "type=EOE msg=audit(100.000:1): ",
		SC("100.000", "3"), CW("100.000", "3") };
	const uint32_t ready[] = { 0, 0, 0, 2, 0, 0 };
	struct event_table t;
	struct record r;
	const struct event *e;
	int i;

	(void)state;
	assert_int_equal(event_init(&t, 16, 64, 2), 0);
	t.eoe_ends = true;
	for (i = 0; i < 6; i++) {
		assert_int_equal(record_parse(&r, l[i], strlen(l[i])), 0);
		assert_int_equal(event_feed(&t, &r), ready[i]);
		if (i == 3) {
			e = event_next(&t);
			assert_int_equal(e->serial, 1);
			assert_int_equal(e->nrec, 2);
			e = event_next(&t);
			assert_int_equal(e->serial, 2);
			assert_null(event_next(&t));
		}
	}
	assert_int_equal(event_flush(&t), 1);	/* 3 had no EOE */
	event_fini(&t);
	/* eoe_drop: the EOE completes, and is not one of the records */
	assert_int_equal(event_init(&t, 16, 64, 2), 0);
	t.eoe_ends = t.eoe_drop = true;
	for (i = 0; i < 4; i++) {
		assert_int_equal(record_parse(&r, l[i], strlen(l[i])), 0);
		assert_int_equal(event_feed(&t, &r), ready[i]);
	}
	assert_int_equal(event_next(&t)->nrec, 1);
	assert_int_equal(event_next(&t)->nrec, 1);
	event_fini(&t);
	/* a PROCTITLE added completes too (auditd's logs have no EOE); an
	 * EOE after it would open an event alone: dropped */
	{
		const char *const m[] = { SC("100.000", "4"), CW("100.000", "4"),
			PT("100.000", "4"), "type=EOE msg=audit(100.000:4): " };

		assert_int_equal(event_init(&t, 16, 64, 2), 0);
		t.eoe_ends = true;
		for (i = 0; i < 4; i++) {
			assert_int_equal(record_parse(&r, m[i], strlen(m[i])), 0);
			assert_int_equal(event_feed(&t, &r), i == 2 ? 1 : i == 3 ? 1 : 0);
		}
		e = event_next(&t);
		assert_int_equal(e->nrec, 3);
		assert_null(event_next(&t));
		assert_int_equal(event_flush(&t), 0);
		event_fini(&t);
	}
}

static void event_feed_table_full_forces_oldest(void **state)
{
	const char *const l[] = { SC("100.000", "1"), SC("100.000", "2"),
		SC("100.000", "3"), CW("100.000", "1") };
	char out[256];

	(void)state;
	/* two open events at most: 1 is completed early when 3 arrives */
	run(l, 4, 2, out, sizeof out, 2);
	assert_string_equal(out, "1:1 2:1 1:1 3:1 ");
}

/* event_rebase: the records inside the range move to the copy, one
 * outside it stays. */
static void event_rebase_moves_inside_only(void **state)
{
	static const char log[] =
		"type=SYSCALL msg=audit(100.000:1): arch=c000003e syscall=2\n"
		"type=CWD msg=audit(100.000:1): cwd=\"/\"\n"
		"type=PATH msg=audit(100.000:1): item=0 name=\"/x\"\n";
	const char *l1 = log, *l2 = strchr(l1, '\n') + 1,
		   *l3 = strchr(l2, '\n') + 1;
	char copy[sizeof log];
	struct event_table t;
	struct record r;
	const struct event *e;
	const struct event_rec *x;
	const char *at[3] = { l1, l2, l3 };
	int i;

	(void)state;
	memcpy(copy, log, sizeof log);
	assert_int_equal(event_init(&t, 8, 64, 2), 0);
	for (i = 0; i < 3; i++) {
		const char *nl = strchr(at[i], '\n');

		assert_int_equal(record_parse(&r, at[i], (size_t)(nl - at[i])), 0);
		event_feed(&t, &r);
	}
	event_flush(&t);
	e = event_next(&t);
	assert_non_null(e);
	/* the first two lines are copied; the third is not */
	event_rebase(&t, e, l1, (size_t)(l3 - l1), copy);
	x = event_rec_first(&t, e);
	assert_ptr_equal(x->line.p, copy);
	x = event_rec_next(&t, x);
	assert_ptr_equal(x->line.p, copy + (l2 - l1));
	assert_memory_equal(x->line.p, "type=CWD", 8);
	x = event_rec_next(&t, x);
	assert_ptr_equal(x->line.p, l3);
	assert_null(event_next(&t));
	event_fini(&t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(event_feed_timeout_splits),
		cmocka_unit_test(event_feed_single_type_first),
		cmocka_unit_test(event_feed_release_in_time_order),
		cmocka_unit_test(event_feed_interleaved),
		cmocka_unit_test(event_feed_standalone_eoe_dropped),
		cmocka_unit_test(event_feed_eoe_ends),
		cmocka_unit_test(event_feed_table_full_forces_oldest),
		cmocka_unit_test(event_rebase_moves_inside_only),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
