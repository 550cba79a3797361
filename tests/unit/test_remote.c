/* test_remote - core/remote.c: header bytes as the reference writes them,
 * frames fed whole, byte by byte and several per read, skipped lines on
 * the server side, lengths never trusted, bounded buffering. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include <auditbox/remote.h>

static struct remote_parser P;

/* The bytes 3.0.9's AUDIT_RMW_PACK_HEADER writes for a DISKFULL reply of
 * 9 bytes with sequence 0x01020304. */
static void remote_pack_reference_bytes(void **state)
{
	static const unsigned char want[16] = {
		0xfe, 0x00, 0x00, 0xff, 0, 0, 0x01, 0x00, 0x00, 0x60,
		0x09, 0x00, 0x04, 0x03, 0x02, 0x01 };
	unsigned char b[16];
	struct remote_hdr h;

	(void)state;
	remote_pack(b, REMOTE_DISKFULL, 9, 0x01020304);
	assert_memory_equal(b, want, 16);
	assert_int_equal(remote_unpack(b, &h), 0);
	assert_int_equal(h.type, REMOTE_DISKFULL);
	assert_int_equal(h.len, 9);
	assert_int_equal(h.seq, 0x01020304);
	b[3] = 0;
	assert_int_equal(remote_unpack(b, &h), -1);
}

static void remote_frame_limits(void **state)
{
	static unsigned char out[REMOTE_MAX_FRAME + 1];
	static char big[REMOTE_MAX_MSG + 1];

	(void)state;
	assert_int_equal(remote_frame(out, sizeof out, REMOTE_MESSAGE, 1, big,
				      REMOTE_MAX_MSG), REMOTE_MAX_FRAME);
	assert_int_equal(remote_frame(out, sizeof out, REMOTE_MESSAGE, 1, big,
				      REMOTE_MAX_MSG + 1), 0);
	assert_int_equal(remote_frame(out, 20, REMOTE_MESSAGE, 1, "hello", 5),
			 0);
	assert_int_equal(remote_frame(out, 21, REMOTE_MESSAGE, 1, "hello", 5),
			 21);
	assert_string_equal(remote_type_name(REMOTE_DISKLOW), "disk low");
	assert_string_equal(remote_type_name(0x60000077), "fatal error");
}

/* Three frames in one buffer: fed whole, and one byte at a time. */
static size_t three(unsigned char *b)
{
	size_t n = 0;

	n += remote_frame(b + n, 200, REMOTE_MESSAGE, 7, "type=A msg=x\n", 13);
	n += remote_frame(b + n, 200, REMOTE_HEARTBEAT, 8, NULL, 0);
	n += remote_frame(b + n, 200, REMOTE_MESSAGE, 9, "type=B", 6);
	return n;
}

static void check_three(int bytewise)
{
	unsigned char b[600];
	size_t n = three(b), fed = 0;
	struct remote_hdr h;
	const char *pl;
	size_t plen;
	uint32_t seqs[3];
	int got = 0;
	enum remote_ev ev;

	remote_parser_init(&P, 1);
	while (got < 3) {
		if (fed < n)
			fed += remote_feed(&P, b + fed, bytewise ? 1 : n - fed);
		while ((ev = remote_next(&P, &h, &pl, &plen)) == REMOTE_FRAME) {
			if (got == 0) {
				assert_int_equal(plen, 12);	/* \n dropped */
				assert_memory_equal(pl, "type=A msg=x", 12);
			}
			if (got == 1)
				assert_int_equal(h.type, REMOTE_HEARTBEAT);
			if (got == 2)
				assert_memory_equal(pl, "type=B", 6);
			seqs[got++] = h.seq;
		}
		assert_int_equal(ev, REMOTE_NEED);
		assert_true(fed <= n);
		if (fed == n && got < 3)
			fail();
	}
	assert_int_equal(seqs[0], 7);
	assert_int_equal(seqs[2], 9);
	assert_false(remote_partial(&P));
}

static void remote_next_pipelined(void **state)
{
	(void)state;
	check_three(0);
}

static void remote_next_trickled(void **state)
{
	(void)state;
	check_three(1);
}

/* Server side: a plain text line (format=ascii) is skipped, the frame
 * after it still read; a line longer than the buffer streams through. */
static void remote_next_skips_lines(void **state)
{
	static char longline[3 * REMOTE_MAX_FRAME];
	unsigned char b[64];
	struct remote_hdr h;
	const char *pl;
	size_t plen, n, off = 0;

	(void)state;
	remote_parser_init(&P, 1);
	remote_feed(&P, "type=X msg=plain\n", 17);
	n = remote_frame(b, sizeof b, REMOTE_MESSAGE, 3, "type=Y", 6);
	remote_feed(&P, b, n);
	assert_int_equal(remote_next(&P, &h, &pl, &plen), REMOTE_LINE);
	assert_int_equal(remote_next(&P, &h, &pl, &plen), REMOTE_FRAME);
	assert_int_equal(h.seq, 3);

	memset(longline, 'a', sizeof longline);
	longline[sizeof longline - 1] = '\n';
	while (off < sizeof longline) {
		size_t k = remote_feed(&P, longline + off, sizeof longline - off);

		assert_true(k > 0);
		off += k;
		if (off < sizeof longline)
			assert_int_equal(remote_next(&P, &h, &pl, &plen),
					 REMOTE_NEED);
	}
	assert_int_equal(remote_next(&P, &h, &pl, &plen), REMOTE_LINE);
	assert_int_equal(P.skipped, 2);
	remote_feed(&P, b, n);
	assert_int_equal(remote_next(&P, &h, &pl, &plen), REMOTE_FRAME);
}

/* A length over 8970 is never waited for; client side, bytes that are
 * not a frame end the stream. Both stay bad. */
static void remote_next_bad_length(void **state)
{
	unsigned char b[16];
	struct remote_hdr h;
	const char *pl;
	size_t plen;

	(void)state;
	remote_parser_init(&P, 1);
	remote_pack(b, REMOTE_MESSAGE, REMOTE_MAX_MSG + 1, 1);
	remote_feed(&P, b, 16);
	assert_int_equal(remote_next(&P, &h, &pl, &plen), REMOTE_BAD);
	assert_int_equal(remote_next(&P, &h, &pl, &plen), REMOTE_BAD);

	remote_parser_init(&P, 0);
	remote_feed(&P, "\xfe\x00\x01", 3);
	assert_int_equal(remote_next(&P, &h, &pl, &plen), REMOTE_BAD);
	remote_parser_init(&P, 0);
	remote_feed(&P, "\xfe\x00", 2);	/* may still be the magic */
	assert_int_equal(remote_next(&P, &h, &pl, &plen), REMOTE_NEED);
	assert_true(remote_partial(&P));
}

/* A full buffer takes nothing more until the frame in it is read. */
static void remote_space_bounded(void **state)
{
	static unsigned char b[2 * REMOTE_MAX_FRAME];
	static char big[REMOTE_MAX_MSG];
	struct remote_hdr h;
	const char *pl;
	size_t plen, n, room;

	(void)state;
	memset(big, 'z', sizeof big);
	n = remote_frame(b, sizeof b, REMOTE_MESSAGE, 1, big, sizeof big);
	n += remote_frame(b + n, sizeof b - n, REMOTE_MESSAGE, 2, big,
			  sizeof big);
	remote_parser_init(&P, 0);
	assert_int_equal(remote_feed(&P, b, n), REMOTE_MAX_FRAME);
	remote_space(&P, &room);
	assert_int_equal(room, 0);
	assert_int_equal(remote_next(&P, &h, &pl, &plen), REMOTE_FRAME);
	assert_int_equal(plen, REMOTE_MAX_MSG);
	assert_int_equal(remote_feed(&P, b + REMOTE_MAX_FRAME, n -
				     REMOTE_MAX_FRAME), REMOTE_MAX_FRAME);
	assert_int_equal(remote_next(&P, &h, &pl, &plen), REMOTE_FRAME);
	assert_int_equal(h.seq, 2);
	assert_int_equal(remote_next(&P, &h, &pl, &plen), REMOTE_NEED);
}

/* A resend is recognised within the window; a forgotten record, and one
 * pushed out of the window, are not. */
static void remote_seen_window(void **state)
{
	static struct remote_seen s;
	char rec[64];
	uint64_t h0;

	(void)state;
	remote_seen_init(&s);
	h0 = remote_seen_hash("type=A msg=audit(1.2:3): x", 26);
	assert_int_equal(remote_seen_check(&s, h0), 0);
	assert_int_equal(remote_seen_check(&s, h0), 1);
	remote_seen_forget(&s, h0);
	assert_int_equal(remote_seen_check(&s, h0), 0);
	for (int i = 0; i < REMOTE_SEEN; i++) {
		int n = snprintf(rec, sizeof rec, "type=A msg=audit(1.2:%d): y", i);

		assert_int_equal(remote_seen_check(&s, remote_seen_hash(rec,
							(size_t)n)), 0);
	}
	assert_int_equal(remote_seen_check(&s, h0), 0);	/* gone */
	assert_true(remote_seen_hash("", 0) != 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(remote_pack_reference_bytes),
		cmocka_unit_test(remote_frame_limits),
		cmocka_unit_test(remote_next_pipelined),
		cmocka_unit_test(remote_next_trickled),
		cmocka_unit_test(remote_next_skips_lines),
		cmocka_unit_test(remote_next_bad_length),
		cmocka_unit_test(remote_space_bounded),
		cmocka_unit_test(remote_seen_window),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
