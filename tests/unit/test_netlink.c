/* Unit tests for core/netlink.c: no kernel, one end of a socketpair plays
 * the kernel and sends crafted ACK, ERROR, reply and multipart answers. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <auditbox/netlink.h>

#include "fake_kernel.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

/* Reads the request the client sent; returns its header. */
static struct nlmsghdr read_request(struct fake_kernel *p, void *payload, size_t cap)
{
	char buf[NETLINK_BUF_SIZE];
	struct nlmsghdr h;
	ssize_t n = recv(p->peer, buf, sizeof buf, 0);

	assert_true(n >= (ssize_t)sizeof h);
	memcpy(&h, buf, sizeof h);
	assert_int_equal(h.nlmsg_len, (uint32_t)n);
	assert_true(h.nlmsg_flags & NLM_F_REQUEST);
	assert_true(h.nlmsg_flags & NLM_F_ACK);
	if (payload)
		memcpy(payload, buf + NLMSG_HDRLEN,
		       (size_t)n - NLMSG_HDRLEN < cap ?
		       (size_t)n - NLMSG_HDRLEN : cap);
	return h;
}

static void netlink_send_frames_request(void **state)
{
	struct fake_kernel *p = *state;
	struct audit_status s = { .mask = AUDIT_STATUS_ENABLED, .enabled = 1 };
	struct audit_status got;
	struct nlmsghdr h;
	uint32_t seq1, seq2;

	assert_int_equal(netlink_send(&p->nl, AUDIT_SET, &s, sizeof s, &seq1), 0);
	h = read_request(p, &got, sizeof got);
	assert_int_equal(h.nlmsg_type, AUDIT_SET);
	assert_int_equal(h.nlmsg_seq, seq1);
	assert_int_equal(h.nlmsg_len, NLMSG_SPACE(sizeof s));
	assert_int_equal(got.mask, AUDIT_STATUS_ENABLED);
	assert_int_equal(got.enabled, 1);
	assert_int_equal(netlink_send(&p->nl, AUDIT_GET, NULL, 0, &seq2), 0);
	assert_int_equal(seq2, seq1 + 1);
	read_request(p, NULL, 0);
}

static void netlink_send_too_big(void **state)
{
	struct fake_kernel *p = *state;
	static char big[MAX_AUDIT_MESSAGE_LENGTH];

	assert_int_equal(netlink_send(&p->nl, AUDIT_USER, big, sizeof big,
				      NULL), -EINVAL);
}

static void netlink_status_get_reply_after_ack(void **state)
{
	struct fake_kernel *p = *state;
	struct audit_status st = { .enabled = 1, .failure = 1, .pid = 42,
				   .backlog_limit = 8192,
				   .backlog_wait_time = 60000 };
	struct audit_status out;
	size_t len = 0;

	/* The kernel acks first and sends the reply from a thread: queue
	 * the answers before the request, for the next sequence number. */
	fk_ack(p, p->nl.seq + 1, 0);
	fk_reply(p, AUDIT_GET, 0, p->nl.seq + 1, &st, sizeof st);
	assert_int_equal(netlink_status_get(&p->nl, &out, &len), 0);
	assert_int_equal(len, sizeof st);
	assert_int_equal(out.pid, 42);
	assert_int_equal(out.backlog_limit, 8192);
	assert_int_equal(out.backlog_wait_time, 60000);
	read_request(p, NULL, 0);
}

static void netlink_status_get_short_reply(void **state)
{
	struct fake_kernel *p = *state;
	struct audit_status st = { .enabled = 2, .backlog_wait_time_actual = 7 };
	struct audit_status out;
	size_t len = 0;
	size_t old = offsetof(struct audit_status, backlog_wait_time);

	/* An old kernel: no backlog_wait_time fields in the reply. */
	fk_reply(p, AUDIT_GET, 0, p->nl.seq + 1, &st, old);
	fk_ack(p, p->nl.seq + 1, 0);
	assert_int_equal(netlink_status_get(&p->nl, &out, &len), 0);
	assert_int_equal(len, old);
	assert_int_equal(out.enabled, 2);
	assert_int_equal(out.backlog_wait_time_actual, 0);
}

static void netlink_request_ignores_stale_seq(void **state)
{
	struct fake_kernel *p = *state;
	struct audit_status stale = { .pid = 1 }, fresh = { .pid = 2 }, out;
	uint32_t next = p->nl.seq + 1;

	/* An answer left from an earlier request comes first. */
	fk_reply(p, AUDIT_GET, 0, next - 1, &stale, sizeof stale);
	fk_reply(p, AUDIT_GET, 0, next, &fresh, sizeof fresh);
	fk_ack(p, next, 0);
	assert_int_equal(netlink_status_get(&p->nl, &out, NULL), 0);
	assert_int_equal(out.pid, 2);
}

static void netlink_request_error(void **state)
{
	struct fake_kernel *p = *state;
	struct audit_status s = { .mask = AUDIT_STATUS_ENABLED, .enabled = 0 };

	/* Immutable mode: the kernel refuses AUDIT_SET with EPERM. */
	fk_ack(p, p->nl.seq + 1, -EPERM);
	assert_int_equal(netlink_status_set(&p->nl, &s), -EPERM);
}

static void netlink_request_positive_ack(void **state)
{
	struct fake_kernel *p = *state;
	struct audit_status s = { .mask = AUDIT_STATUS_LOST };

	/* The lost reset answers with the old counter in the ack. */
	fk_ack(p, p->nl.seq + 1, 1234);
	assert_int_equal(netlink_status_set(&p->nl, &s), 1234);
}

static void netlink_request_timeout(void **state)
{
	struct fake_kernel *p = *state;
	struct audit_status out;

	assert_int_equal(netlink_status_get(&p->nl, &out, NULL), -ETIMEDOUT);
}

static void netlink_request_ack_without_reply_times_out(void **state)
{
	struct fake_kernel *p = *state;
	struct audit_status out;

	fk_ack(p, p->nl.seq + 1, 0);
	assert_int_equal(netlink_status_get(&p->nl, &out, NULL), -ETIMEDOUT);
}

struct collect {
	int n;
	uint32_t vals[8];
};

static int collect_rules(void *ctx, const struct nlmsghdr *h)
{
	struct collect *c = ctx;
	uint32_t v;

	assert_int_equal(h->nlmsg_type, AUDIT_LIST_RULES);
	memcpy(&v, NLMSG_DATA(h), sizeof v);
	c->vals[c->n++] = v;
	return 0;	/* more may come: NLMSG_DONE ends it */
}

static void netlink_request_multipart(void **state)
{
	struct fake_kernel *p = *state;
	struct collect c = { 0 };
	char buf[NETLINK_BUF_SIZE];
	size_t off = 0;
	uint32_t seq = p->nl.seq + 1, v;

	/* Two rules in one datagram, a third alone, then DONE, then the ack. */
	v = 10;
	fk_put(buf, &off, AUDIT_LIST_RULES, NLM_F_MULTI, seq, &v, sizeof v);
	v = 11;
	fk_put(buf, &off, AUDIT_LIST_RULES, NLM_F_MULTI, seq, &v, sizeof v);
	assert_int_equal(send(p->peer, buf, off, 0), (ssize_t)off);
	v = 12;
	fk_reply(p, AUDIT_LIST_RULES, NLM_F_MULTI, seq, &v, sizeof v);
	fk_reply(p, NLMSG_DONE, NLM_F_MULTI, seq, &v, sizeof v);
	fk_ack(p, seq, 0);
	assert_int_equal(netlink_request(&p->nl, AUDIT_LIST_RULES, NULL, 0,
					 collect_rules, &c), 0);
	assert_int_equal(c.n, 3);
	assert_int_equal(c.vals[0], 10);
	assert_int_equal(c.vals[1], 11);
	assert_int_equal(c.vals[2], 12);
}

static void netlink_recv_truncated_header(void **state)
{
	struct fake_kernel *p = *state;
	const struct nlmsghdr *h;
	struct nlmsghdr bad = { 4096, AUDIT_GET, 0, 1, 0 };	/* lies */
	uint32_t v = 5;

	assert_int_equal(send(p->peer, &bad, sizeof bad, 0),
			 (ssize_t)sizeof bad);
	assert_int_equal(send(p->peer, "abc", 3, 0), 3);	/* runt */
	fk_reply(p, AUDIT_GET, 0, 9, &v, sizeof v);
	assert_int_equal(netlink_recv(&p->nl, 300, &h), 1);
	assert_int_equal(h->nlmsg_seq, 9);
	assert_int_equal(h->nlmsg_type, AUDIT_GET);
}

/* An audit record as kauditd sends it: nlmsg_len is the text length. */
static void send_record(struct fake_kernel *p, uint16_t type, const char *t)
{
	char buf[NETLINK_BUF_SIZE];
	struct nlmsghdr h = { (uint32_t)strlen(t), type, 0, 0, 0 };

	memcpy(buf, &h, sizeof h);
	memcpy(buf + NLMSG_HDRLEN, t, strlen(t));
	assert_int_equal(send(p->peer, buf, NLMSG_HDRLEN + strlen(t),
			      MSG_DONTWAIT),
			 (ssize_t)(NLMSG_HDRLEN + strlen(t)));
}

/* More records than a batch holds, a runt and a header that claims more
 * than its datagram: every record in order, each with its own length,
 * the runt skipped, the liar cut to its datagram; then nothing. */
static void netlink_recv_batch_records(void **state)
{
	static struct netlink_batch b;
	struct fake_kernel *p = *state;
	const struct nlmsghdr *h;
	struct nlmsghdr liar = { 4000, AUDIT_FIRST_USER_MSG, 0, 0, 0 };
	char text[64];
	size_t len;
	int i;

	for (i = 0; i < NETLINK_BATCH * 2 + 3; i++) {
		snprintf(text, sizeof text, "audit(1.000:%d): n=%d", i, i);
		send_record(p, 1300, text);
		if (i == 5)
			assert_int_equal(send(p->peer, "ab", 2, 0), 2);
	}
	assert_int_equal(send(p->peer, &liar, sizeof liar, 0),
			 (ssize_t)sizeof liar);
	for (i = 0; i < NETLINK_BATCH * 2 + 3; i++) {
		snprintf(text, sizeof text, "audit(1.000:%d): n=%d", i, i);
		assert_int_equal(netlink_recv_batch(&p->nl, &b, &h, &len), 1);
		assert_int_equal(h->nlmsg_type, 1300);
		assert_int_equal(len, strlen(text));
		assert_memory_equal(NLMSG_DATA(h), text, len);
	}
	assert_int_equal(netlink_recv_batch(&p->nl, &b, &h, &len), 1);
	assert_int_equal(h->nlmsg_type, AUDIT_FIRST_USER_MSG);
	assert_int_equal(len, 0);
	assert_int_equal(netlink_recv_batch(&p->nl, &b, &h, &len), 0);
	send_record(p, 1305, "audit(2.000:1): again");
	assert_int_equal(netlink_recv_batch(&p->nl, &b, &h, &len), 1);
	assert_int_equal(len, strlen("audit(2.000:1): again"));
}

static void netlink_recv_batch_bad_fd(void **state)
{
	static struct netlink_batch b;
	struct netlink nl;
	const struct nlmsghdr *h;
	size_t len;

	(void)state;
	netlink_init_fd(&nl, -1);
	assert_int_equal(netlink_recv_batch(&nl, &b, &h, &len), -EBADF);
}

static void netlink_recv_timeout(void **state)
{
	struct fake_kernel *p = *state;
	const struct nlmsghdr *h;

	assert_int_equal(netlink_recv(&p->nl, 50, &h), 0);
}

static void netlink_features_get_reply(void **state)
{
	struct fake_kernel *p = *state;
	struct audit_features f = { 1, 3, 2, 0 }, out;
	struct audit_features req;
	struct nlmsghdr h;

	fk_ack(p, p->nl.seq + 1, 0);
	fk_reply(p, AUDIT_GET_FEATURE, 0, p->nl.seq + 1, &f, sizeof f);
	assert_int_equal(netlink_features_get(&p->nl, &out), 0);
	assert_int_equal(out.mask, 3);
	assert_int_equal(out.features, 2);
	h = read_request(p, &req, sizeof req);
	assert_int_equal(h.nlmsg_type, AUDIT_GET_FEATURE);
	assert_int_equal(h.nlmsg_len, NLMSG_SPACE(sizeof req));
}

static void netlink_request_bad_fd(void **state)
{
	struct netlink nl;

	(void)state;
	netlink_init_fd(&nl, -1);
	assert_int_equal(netlink_status_set(&nl, &(struct audit_status){ 0 }),
			 -EBADF);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
#define T(f) cmocka_unit_test_setup_teardown(f, fk_setup, fk_teardown)
		T(netlink_send_frames_request),
		T(netlink_send_too_big),
		T(netlink_status_get_reply_after_ack),
		T(netlink_status_get_short_reply),
		T(netlink_request_ignores_stale_seq),
		T(netlink_request_error),
		T(netlink_request_positive_ack),
		T(netlink_request_timeout),
		T(netlink_request_ack_without_reply_times_out),
		T(netlink_request_multipart),
		T(netlink_recv_truncated_header),
		T(netlink_recv_timeout),
		T(netlink_recv_batch_records),
		cmocka_unit_test(netlink_recv_batch_bad_fd),
		T(netlink_features_get_reply),
		cmocka_unit_test(netlink_request_bad_fd),
#undef T
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
