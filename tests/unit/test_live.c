/* test_live - core/live.c over a socketpair standing for the kernel's
 * multicast group: records become RAW lines, lines stay while events
 * hold them, live_run feeds the events and ends when asked. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <sys/timerfd.h>

#include <auditbox/live.h>
#include <auditbox/scan.h>

#include "fake_kernel.h"

/* One record as the kernel sends it: nlmsg_len counts the text only. */
static void send_rec(int fd, int type, const char *text)
{
	char b[512];
	struct nlmsghdr *h = (struct nlmsghdr *)b;
	size_t n = strlen(text);

	memset(b, 0, sizeof b);
	h->nlmsg_type = (uint16_t)type;
	h->nlmsg_len = (uint32_t)n;
	memcpy(b + NLMSG_HDRLEN, text, n);
	assert_int_equal(send(fd, b, NLMSG_HDRLEN + n, 0),
			 (ssize_t)(NLMSG_HDRLEN + n));
}

static bool never(void *ctx, const char *lo, const char *hi)
{
	(void)ctx, (void)lo, (void)hi;
	return false;
}

static void live_line_formats(void **state)
{
	struct live l;
	struct span s;
	int sv[2];

	(void)state;
	assert_int_equal(socketpair(AF_UNIX, SOCK_DGRAM, 0, sv), 0);
	live_init_fd(&l, sv[0], never, NULL);
	assert_int_equal(live_line(&l, &s), 0);
	send_rec(sv[1], 1300, "audit(100.001:7): arch=c000003e syscall=59\n");
	send_rec(sv[1], 1320, "audit(100.001:7): ");
	send_rec(sv[1], NLMSG_DONE, "");	/* not a record: skipped */
	send_rec(sv[1], 1006, "audit(100.002:8): pid=1 old-auid=4294967295");
	assert_int_equal(live_line(&l, &s), 1);
	assert_int_equal(s.n, strlen("type=SYSCALL msg=audit(100.001:7): "
				     "arch=c000003e syscall=59"));
	assert_memory_equal(s.p, "type=SYSCALL msg=audit(100.001:7): "
			    "arch=c000003e syscall=59", s.n);
	assert_int_equal(live_line(&l, &s), 1);
	assert_memory_equal(s.p, "type=EOE msg=audit(100.001:7):", s.n);
	assert_int_equal(live_line(&l, &s), 1);
	assert_int_equal(s.n, strlen("type=LOGIN msg=audit(100.002:8): pid=1 "
				     "old-auid=4294967295"));
	assert_int_equal(live_line(&l, &s), 0);
	assert_int_equal(l.records, 3);
	live_close(&l);
	close(sv[1]);
}

struct got {
	int events;
	unsigned long serial[4];
	int checks;
};

static int on_event(void *ctx, const struct event_table *t,
		    const struct event *e)
{
	struct got *g = ctx;

	(void)t;
	if (g->events < 4)
		g->serial[g->events] = e->serial;
	g->events++;
	return 0;
}

static bool refers(void *ctx, const char *lo, const char *hi)
{
	return event_refers(ctx, lo, hi);
}

static int check(void *ctx)
{
	struct got *g = ctx;

	/* the second look: everything sent was read */
	return ++g->checks == 2 ? 5 : 0;
}

static void nothing(void *ctx)
{
	(void)ctx;
}

static void no_news(void *ctx, const char *msg)
{
	(void)ctx, (void)msg;
	fail();
}

/* An event with its EOE is out at once; one without stays open and is
 * left to the caller when the loop ends. */
static void live_run_feeds_events(void **state)
{
	static struct scan s;
	struct got g = { 0 };
	struct live l;
	struct live_loop lp = {
		.s = &s, .timeout_s = 100, .wake_fd = -1, .check = check,
		.caught_up = nothing, .say = no_news, .ctx = &g,
	};
	int sv[2], wake[2];

	(void)state;
	assert_int_equal(scan_init(&s, 2, on_event, &g), 0);
	s.t.eoe_ends = s.t.eoe_drop = true;
	assert_int_equal(socketpair(AF_UNIX, SOCK_DGRAM, 0, sv), 0);
	live_init_fd(&l, sv[0], refers, &s.t);
	send_rec(sv[1], 1300, "audit(100.001:7): syscall=59");
	send_rec(sv[1], 1302, "audit(100.001:7): item=0 name=\"/x\"");
	send_rec(sv[1], 1320, "audit(100.001:7): ");
	send_rec(sv[1], 1300, "audit(100.002:8): syscall=2");
	/* check: once after the burst (1), once after the wake by the
	 * byte waiting in the pipe (2: the end) */
	assert_int_equal(pipe(wake), 0);
	assert_int_equal(write(wake[1], "w", 1), 1);
	lp.wake_fd = wake[0];
	assert_int_equal(live_run(&l, &lp), 5);
	assert_int_equal(g.checks, 2);
	close(wake[0]);
	close(wake[1]);
	assert_int_equal(g.events, 1);
	assert_int_equal(g.serial[0], 7);
	scan_complete(&s);
	assert_int_equal(g.events, 2);
	assert_int_equal(g.serial[1], 8);
	live_close(&l);
	close(sv[1]);
	scan_fini(&s);
}

static void live_trim_frees_unheld(void **state)
{
	struct live l;
	struct span s;
	int sv[2], i;
	char text[64];

	(void)state;
	assert_int_equal(socketpair(AF_UNIX, SOCK_DGRAM, 0, sv), 0);
	live_init_fd(&l, sv[0], never, NULL);
	/* enough lines to need a second buffer */
	for (i = 0; i < 400; i++) {
		snprintf(text, sizeof text, "audit(100.000:%d): x=%d", i, i);
		send_rec(sv[1], 1300, text);
		assert_int_equal(live_line(&l, &s), 1);
		if (i % 100 == 0)
			l.used = LIVE_CHUNK - 1;	/* as if full */
	}
	live_trim(&l);
	assert_int_equal(l.nchunks, 1);
	live_close(&l);
	close(sv[1]);
}

struct news {
	char said[128];
	int n;
};

static int said_check(void *ctx)
{
	return ((struct news *)ctx)->n > 0 ? 9 : 0;
}

static void note(void *ctx, const char *msg)
{
	struct news *nw = ctx;

	snprintf(nw->said, sizeof nw->said, "%s", msg);
	nw->n++;
}

static int ignore_event(void *ctx, const struct event_table *t,
			const struct event *e)
{
	(void)ctx, (void)t, (void)e;
	return 0;
}

/* The lost counter: read at the start (5) and a second after records
 * came (8): the growth is said. The fake kernel's answers wait in the
 * control socket, matched by sequence number. */
static void live_run_says_lost(void **state)
{
	static struct scan s;
	struct fake_kernel *fk = *state;
	struct audit_status st = { .lost = 5 };
	struct itimerspec its = { .it_value = { 1, 300000000 } };
	struct news nw = { .n = 0 };
	struct live l;
	struct live_loop lp = {
		.s = &s, .timeout_s = 100, .ctl = &fk->nl, .check = said_check,
		.caught_up = nothing, .say = note, .ctx = &nw,
	};
	int sv[2];

	assert_int_equal(scan_init(&s, 2, ignore_event, NULL), 0);
	fk_reply(fk, AUDIT_GET, 0, 1, &st, sizeof st);
	fk_ack(fk, 1, 0);
	st.lost = 8;
	fk_reply(fk, AUDIT_GET, 0, 2, &st, sizeof st);
	fk_ack(fk, 2, 0);
	assert_int_equal(socketpair(AF_UNIX, SOCK_DGRAM, 0, sv), 0);
	live_init_fd(&l, sv[0], refers, &s.t);
	send_rec(sv[1], 1300, "audit(100.001:7): syscall=59");
	/* the look is due a second after the record; then this wakes */
	lp.wake_fd = timerfd_create(CLOCK_MONOTONIC, 0);
	assert_true(lp.wake_fd >= 0);
	assert_int_equal(timerfd_settime(lp.wake_fd, 0, &its, NULL), 0);
	assert_int_equal(live_run(&l, &lp), 9);
	assert_int_equal(nw.n, 1);
	assert_string_equal(nw.said, "the kernel lost 3 records (lost 8)");
	close(lp.wake_fd);
	live_close(&l);
	close(sv[1]);
	scan_fini(&s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(live_line_formats),
		cmocka_unit_test(live_run_feeds_events),
		cmocka_unit_test(live_trim_frees_unheld),
		cmocka_unit_test_setup_teardown(live_run_says_lost, fk_setup,
						fk_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
