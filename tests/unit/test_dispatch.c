/* Tests for core/dispatch.c: the plugin queue (ring, readers, overflow
 * policy) and the wire formats. Expected bytes are what the reference
 * auditd 3.0.9 wrote to a string and a binary plugin for the same
 * records (captured: DAEMON_START, SYSCALL, EOE with its trailing space,
 * node= lines as VER2, binary payloads padded to 8970 bytes). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <auditbox/conf.h>
#include <auditbox/dispatch.h>

#include <errno.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define DEPTH 8
#define CAP (16 * 1024)

static struct dispatch_entry ent[DEPTH];
static char ring[CAP];
static char out[4 * (DISPATCH_HDR_SIZE + DISPATCH_DATA_MAX)];

static void setup_q(struct dispatch_q *q)
{
	dispatch_init(q, ent, DEPTH, ring, CAP);
}

static enum dispatch_push_rc push_str(struct dispatch_q *q, uint32_t type,
				      const char *s)
{
	return dispatch_push(q, type, DISPATCH_VER0, s, strlen(s));
}

static void dispatch_serialize_string_ver0(void **state)
{
	static const char eoe[] = "audit(1795752558.377:1257940): ";
	struct dispatch_q q;
	size_t n;
	int r;

	(void)state;
	setup_q(&q);
	r = dispatch_reader_add(&q, DISPATCH_STRING);
	assert_int_equal(push_str(&q, 1320, eoe), DISPATCH_QUEUED);
	n = dispatch_fill(&q, r, out, sizeof out);
	/* the reference keeps EOE's trailing space on the plugin side */
	assert_int_equal(n, strlen("type=EOE msg=") + strlen(eoe) + 1);
	assert_memory_equal(out, "type=EOE msg=audit(1795752558.377:1257940): "
			    "\n", n);
}

static void dispatch_serialize_string_newlines_nul_unknown(void **state)
{
	static const char text[] = "audit(1.002:3): a=1\nb=2\0junk";
	struct dispatch_q q;
	size_t n;
	int r;

	(void)state;
	setup_q(&q);
	r = dispatch_reader_add(&q, DISPATCH_STRING);
	assert_int_equal(dispatch_push(&q, 1999, DISPATCH_VER0, text,
				       sizeof text - 1), DISPATCH_QUEUED);
	n = dispatch_fill(&q, r, out, sizeof out);
	assert_int_equal(n, 47);
	assert_memory_equal(out, "type=UNKNOWN[1999] msg=audit(1.002:3): a=1 "
			    "b=2\n", n);
}

static void dispatch_serialize_string_ver2(void **state)
{
	static const char line[] = "node=nodeX type=EOE msg=audit(1.002:3): ";
	struct dispatch_q q;
	size_t n;
	int r;

	(void)state;
	setup_q(&q);
	r = dispatch_reader_add(&q, DISPATCH_STRING);
	dispatch_push(&q, 1320, DISPATCH_VER2, line, sizeof line - 1);
	n = dispatch_fill(&q, r, out, sizeof out);
	assert_int_equal(n, sizeof line);
	assert_memory_equal(out, line, n - 1);
	assert_int_equal(out[n - 1], '\n');
}

static void dispatch_serialize_binary_padded(void **state)
{
	static const char text[] = "audit(1795752558.377:2160): op=start";
	struct dispatch_q q;
	uint32_t h[4];
	size_t n, k;
	int r;

	(void)state;
	setup_q(&q);
	r = dispatch_reader_add(&q, DISPATCH_BINARY);
	dispatch_push(&q, 1200, DISPATCH_VER0, text, sizeof text - 1);
	dispatch_push(&q, 1201, DISPATCH_VER2, "x", 1);
	n = dispatch_fill(&q, r, out, sizeof out);
	assert_int_equal(n, 2 * (DISPATCH_HDR_SIZE + 8970));
	memcpy(h, out, sizeof h);
	assert_int_equal(h[0], 0);
	assert_int_equal(h[1], 16);
	assert_int_equal(h[2], 1200);
	assert_int_equal(h[3], sizeof text - 1);
	assert_memory_equal(out + 16, text, sizeof text - 1);
	for (k = 16 + sizeof text - 1; k < 16 + 8970; k++)
		assert_int_equal(out[k], 0);
	memcpy(h, out + 16 + 8970, sizeof h);
	assert_int_equal(h[0], 1);
	assert_int_equal(h[2], 1201);
	assert_int_equal(h[3], 1);
}

static void dispatch_push_no_reader(void **state)
{
	struct dispatch_q q;

	(void)state;
	setup_q(&q);
	assert_int_equal(push_str(&q, 1300, "audit(1.0:1): x"),
			 DISPATCH_NO_READER);
	assert_int_equal(dispatch_depth(&q), 0);
}

/* A reader that never reads holds the queue; the next push is refused,
 * the queue stays as it was, another reader is not disturbed. */
static void dispatch_push_full_by_depth(void **state)
{
	struct dispatch_q q;
	int slow, fast;
	char rec[32];
	size_t n;

	(void)state;
	setup_q(&q);
	slow = dispatch_reader_add(&q, DISPATCH_STRING);
	fast = dispatch_reader_add(&q, DISPATCH_STRING);
	for (int i = 0; i < DEPTH; i++) {
		snprintf(rec, sizeof rec, "audit(1.0:%d): x", i);
		assert_int_equal(push_str(&q, 1300, rec), DISPATCH_QUEUED);
		n = dispatch_fill(&q, fast, out, sizeof out);
		dispatch_advance(&q, fast, n);
	}
	assert_int_equal(dispatch_depth(&q), DEPTH);
	assert_int_equal(push_str(&q, 1300, "audit(1.0:99): x"),
			 DISPATCH_FULL);
	assert_int_equal(q.dropped, 1);
	assert_int_equal(q.max_used, DEPTH);
	assert_false(dispatch_pending(&q, fast));
	/* the slow reader still gets all 8, in order */
	n = dispatch_fill(&q, slow, out, sizeof out);
	assert_int_equal(n, 8 * strlen("type=SYSCALL msg=audit(1.0:0): x\n"));
	assert_memory_equal(out, "type=SYSCALL msg=audit(1.0:0): x\n", 33);
	dispatch_advance(&q, slow, n);
	assert_int_equal(dispatch_depth(&q), 0);
	assert_int_equal(push_str(&q, 1300, "audit(1.0:9): x"),
			 DISPATCH_QUEUED);
}

/* dispatch_full says what dispatch_push would refuse, by depth and by
 * bytes, without storing anything. */
static void dispatch_full_matches_push(void **state)
{
	static char big[6000];
	struct dispatch_q q;
	int r;

	(void)state;
	setup_q(&q);
	assert_false(dispatch_full(&q, 10));
	r = dispatch_reader_add(&q, DISPATCH_STRING);
	assert_true(r >= 0);
	assert_false(dispatch_full(&q, sizeof big));
	dispatch_push(&q, 1300, 0, big, sizeof big);
	dispatch_push(&q, 1300, 0, big, sizeof big);
	assert_true(dispatch_full(&q, sizeof big));	/* by bytes */
	assert_false(dispatch_full(&q, 10));
	for (int i = 2; i < DEPTH; i++)
		assert_int_equal(push_str(&q, 1300, "audit(1.0:1): x"),
				 DISPATCH_QUEUED);
	assert_true(dispatch_full(&q, 1));		/* by depth */
	assert_int_equal(q.dropped, 0);
	assert_int_equal(push_str(&q, 1300, "audit(1.0:1): x"), DISPATCH_FULL);
}

/* A plugin that stops reading: its reader is blocked at the first full
 * write (a socket with a small buffer as the plugin's stdin), and once
 * the queue is full nothing is writable, so auditd drops each new record
 * without a write or a copy; when the plugin reads again, poll says
 * POLLOUT, the reader is unblocked and gets the queued records, and new
 * ones are queued again. */
static void dispatch_blocked_reader_full_queue(void **state)
{
	struct dispatch_q q;
	int sv[2], r, other, sndbuf = 4096;
	char rec[64], junk[65536];
	unsigned sent = 0, got = 0;
	struct pollfd p;
	size_t n;
	ssize_t w;

	(void)state;
	setup_q(&q);
	assert_int_equal(socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0,
				    sv), 0);
	setsockopt(sv[0], SOL_SOCKET, SO_SNDBUF, &sndbuf, sizeof sndbuf);
	r = dispatch_reader_add(&q, DISPATCH_STRING);
	other = dispatch_reader_add(&q, DISPATCH_STRING);
	dispatch_reader_remove(&q, other);	/* a gone reader: not counted */
	/* write until the socket refuses */
	for (int i = 0; i < 100000; i++) {
		snprintf(rec, sizeof rec, "audit(1.0:%d): %040d", i, i);
		if (!dispatch_full(&q, strlen(rec)))
			assert_int_equal(push_str(&q, 1300, rec),
					 DISPATCH_QUEUED);
		n = dispatch_fill(&q, r, out, sizeof out);
		w = send(sv[0], out, n, MSG_DONTWAIT);
		if (w < 0) {
			assert_int_equal(errno, EAGAIN);
			dispatch_reader_block(&q, r, 1);
			break;
		}
		dispatch_advance(&q, r, (size_t)w);
		sent += (unsigned)w;
		if ((size_t)w < n) {
			dispatch_reader_block(&q, r, 1);
			break;
		}
	}
	assert_true(q.rd[r].blocked);
	/* the plugin hangs: the queue fills, then nothing is writable */
	for (int i = 0; i < DEPTH; i++)
		if (!dispatch_full(&q, 20))
			push_str(&q, 1300, "audit(2.0:1): queued");
	assert_true(dispatch_full(&q, 20));
	assert_false(dispatch_writable(&q));
	assert_int_equal(push_str(&q, 1300, "audit(2.0:2): dropped"),
			 DISPATCH_FULL);
	/* the plugin reads again */
	while ((w = read(sv[1], junk, sizeof junk)) > 0)
		got += (unsigned)w;
	assert_int_equal(got, sent);
	p = (struct pollfd){ sv[0], POLLOUT, 0 };
	assert_int_equal(poll(&p, 1, 0), 1);
	dispatch_reader_block(&q, r, 0);
	assert_true(dispatch_writable(&q));
	while ((n = dispatch_fill(&q, r, out, sizeof out))) {
		w = send(sv[0], out, n, MSG_DONTWAIT);
		assert_true(w > 0);
		dispatch_advance(&q, r, (size_t)w);
		while (read(sv[1], junk, sizeof junk) > 0)
			;
	}
	assert_int_equal(dispatch_depth(&q), 0);
	assert_false(dispatch_writable(&q));	/* nothing left to send */
	assert_int_equal(push_str(&q, 1300, "audit(3.0:1): again"),
			 DISPATCH_QUEUED);
	assert_true(dispatch_writable(&q));
	close(sv[0]);
	close(sv[1]);
}

/* Big records fill the byte ring before the record count. */
static void dispatch_push_full_by_bytes(void **state)
{
	static char big[6000];
	struct dispatch_q q;
	int r;
	size_t n;

	(void)state;
	memset(big, 'a', sizeof big);
	setup_q(&q);
	r = dispatch_reader_add(&q, DISPATCH_STRING);
	assert_int_equal(dispatch_push(&q, 1300, 0, big, sizeof big),
			 DISPATCH_QUEUED);
	assert_int_equal(dispatch_push(&q, 1300, 0, big, sizeof big),
			 DISPATCH_QUEUED);
	assert_int_equal(dispatch_push(&q, 1300, 0, big, sizeof big),
			 DISPATCH_FULL);
	/* one record read: room again, wrapping to the start */
	n = dispatch_fill(&q, r, out, 6100);
	assert_int_equal(n, strlen("type=SYSCALL msg=") + sizeof big + 1);
	dispatch_advance(&q, r, n);
	assert_int_equal(dispatch_push(&q, 1300, 0, big, sizeof big),
			 DISPATCH_QUEUED);
	assert_int_equal(q.ent[2].off, 0);
	/* wrapped: the third record must not overwrite the second */
	assert_int_equal(dispatch_push(&q, 1300, 0, big, 5000),
			 DISPATCH_FULL);
	n = dispatch_fill(&q, r, out, sizeof out);
	assert_int_equal(n, 2 * (17 + sizeof big + 1));
	for (size_t k = 17; k < 17 + sizeof big; k++)
		assert_int_equal(out[k], 'a');
}

/* Partial writes: a reader resumes inside a record; a rewind restarts
 * the record for a new process. */
static void dispatch_advance_partial(void **state)
{
	struct dispatch_q q;
	int r;
	size_t n;

	(void)state;
	setup_q(&q);
	r = dispatch_reader_add(&q, DISPATCH_STRING);
	push_str(&q, 1300, "audit(1.0:1): abc");
	push_str(&q, 1300, "audit(1.0:2): def");
	dispatch_advance(&q, r, 10);
	n = dispatch_fill(&q, r, out, sizeof out);
	assert_int_equal(n, 2 * 35 - 10);
	assert_memory_equal(out, "LL msg=audit(1.0:1): abc\ntype=", 30);
	dispatch_advance(&q, r, 30);
	assert_int_equal(q.rd[r].off, 5);
	dispatch_reader_rewind(&q, r);
	n = dispatch_fill(&q, r, out, sizeof out);
	assert_int_equal(n, 35);
	assert_memory_equal(out, "type=SYSCALL msg=audit(1.0:2): def\n", 35);
	n = dispatch_fill_one(&q, r, out, sizeof out);
	assert_int_equal(n, 35);
	dispatch_advance(&q, r, n);
	assert_int_equal(dispatch_depth(&q), 0);
}

static void dispatch_reader_add_sees_new_only(void **state)
{
	struct dispatch_q q;
	int a, b;

	(void)state;
	setup_q(&q);
	a = dispatch_reader_add(&q, DISPATCH_STRING);
	push_str(&q, 1300, "audit(1.0:1): x");
	b = dispatch_reader_add(&q, DISPATCH_STRING);
	assert_false(dispatch_pending(&q, b));
	assert_true(dispatch_pending(&q, a));
	/* removing the only reader that held a record releases it */
	dispatch_reader_remove(&q, a);
	assert_int_equal(dispatch_depth(&q), 0);
	push_str(&q, 1300, "audit(1.0:2): x");
	dispatch_reader_skip(&q, b);
	assert_int_equal(dispatch_depth(&q), 0);
	for (int i = 0; i < DISPATCH_MAX_READERS - 1; i++)
		assert_true(dispatch_reader_add(&q, DISPATCH_BINARY) >= 0);
	assert_int_equal(dispatch_reader_add(&q, DISPATCH_BINARY), -1);
}

/* overflow_action: syslog reports 5 times, the 5th with the limit
 * notice, then stays quiet; suspend stops queueing until resumed. */
static void dispatch_overflow_actions(void **state)
{
	struct dispatch_q q;
	int r;

	(void)state;
	setup_q(&q);
	r = dispatch_reader_add(&q, DISPATCH_STRING);
	(void)r;
	for (int i = 0; i < 4; i++)
		assert_int_equal(dispatch_overflow(&q, FA_SYSLOG),
				 DISPATCH_ACT_WARN);
	assert_int_equal(dispatch_overflow(&q, FA_SYSLOG),
			 DISPATCH_ACT_WARN_LAST);
	assert_int_equal(dispatch_overflow(&q, FA_SYSLOG), DISPATCH_ACT_NONE);
	assert_true(q.overflowed);
	dispatch_resume(&q, 0);
	assert_int_equal(dispatch_overflow(&q, FA_SYSLOG), DISPATCH_ACT_NONE);
	dispatch_resume(&q, 1);
	assert_int_equal(dispatch_overflow(&q, FA_SYSLOG), DISPATCH_ACT_WARN);
	assert_int_equal(dispatch_overflow(&q, FA_IGNORE), DISPATCH_ACT_NONE);
	assert_int_equal(dispatch_overflow(&q, FA_SINGLE),
			 DISPATCH_ACT_SINGLE);
	assert_int_equal(dispatch_overflow(&q, FA_HALT), DISPATCH_ACT_HALT);
	assert_false(q.suspended);
	assert_int_equal(dispatch_overflow(&q, FA_SUSPEND),
			 DISPATCH_ACT_SUSPEND);
	assert_true(q.suspended);
	assert_int_equal(push_str(&q, 1300, "audit(1.0:1): x"),
			 DISPATCH_SUSPENDED);
	dispatch_resume(&q, 0);
	assert_int_equal(push_str(&q, 1300, "audit(1.0:1): x"),
			 DISPATCH_QUEUED);
}

/* Many rounds through a small ring with a reader that reads unevenly:
 * every record arrives whole and in order, none is lost while there is
 * room, and the ring never hands out overlapping bytes. */
static void dispatch_push_wraps_many_times(void **state)
{
	static char rd[CAP * 2];
	struct dispatch_q q;
	unsigned next = 0, got = 0, pushed = 0;
	size_t have = 0;
	int r;

	(void)state;
	setup_q(&q);
	r = dispatch_reader_add(&q, DISPATCH_STRING);
	for (unsigned i = 0; i < 5000; i++) {
		char rec[3000];
		int len = snprintf(rec, sizeof rec, "audit(1.0:%u): %0*u", next,
				   (int)(i * 37 % 2500), 0);

		if (dispatch_push(&q, 1300, 0, rec, (size_t)len) ==
		    DISPATCH_QUEUED) {
			next++;
			pushed++;
		}
		if (i % 3 == 0) {
			size_t n = dispatch_fill(&q, r, out, sizeof out);
			size_t take = n > 7 ? n - 7 : n;

			memcpy(rd + have, out, take);
			have += take;
			dispatch_advance(&q, r, take);
		}
		/* check and drop the complete lines */
		char *nl;
		while ((nl = memchr(rd, '\n', have))) {
			unsigned seq;

			assert_int_equal(sscanf(rd, "type=SYSCALL msg=audit"
						"(1.0:%u)", &seq), 1);
			assert_int_equal(seq, got);
			got++;
			have -= (size_t)(nl + 1 - rd);
			memmove(rd, nl + 1, have);
		}
	}
	assert_true(pushed > 1000);
	assert_true(got + DEPTH >= pushed);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(dispatch_serialize_string_ver0),
		cmocka_unit_test(dispatch_serialize_string_newlines_nul_unknown),
		cmocka_unit_test(dispatch_serialize_string_ver2),
		cmocka_unit_test(dispatch_serialize_binary_padded),
		cmocka_unit_test(dispatch_push_no_reader),
		cmocka_unit_test(dispatch_push_full_by_depth),
		cmocka_unit_test(dispatch_push_full_by_bytes),
		cmocka_unit_test(dispatch_full_matches_push),
		cmocka_unit_test(dispatch_blocked_reader_full_queue),
		cmocka_unit_test(dispatch_advance_partial),
		cmocka_unit_test(dispatch_reader_add_sees_new_only),
		cmocka_unit_test(dispatch_overflow_actions),
		cmocka_unit_test(dispatch_push_wraps_many_times),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
