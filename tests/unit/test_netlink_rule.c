/* test_netlink_rule - core/netlink_rule.c over a socketpair: crafted
 * kernel replies (ACK, error, multipart AUDIT_LIST_RULES, immutable
 * status), no kernel needed. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <auditbox/netlink.h>

#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

struct pair {
	struct netlink nl;
	int peer;
};

static int setup(void **state)
{
	static struct pair p;
	int sv[2];

	if (socketpair(AF_UNIX, SOCK_DGRAM, 0, sv) < 0)
		return -1;
	netlink_init_fd(&p.nl, sv[0]);
	p.nl.timeout_ms = 1000;
	p.peer = sv[1];
	*state = &p;
	return 0;
}

static int teardown(void **state)
{
	struct pair *p = *state;

	netlink_close(&p->nl);
	close(p->peer);
	return 0;
}

/* Sends one message of type with payload, as the kernel would answer seq. */
static void reply(int fd, uint16_t type, uint16_t flags, uint32_t seq,
		  const void *data, size_t len)
{
	char buf[4096] __attribute__((aligned(8)));
	struct nlmsghdr *h = (struct nlmsghdr *)buf;

	memset(buf, 0, sizeof buf);
	h->nlmsg_len = NLMSG_LENGTH(len);
	h->nlmsg_type = type;
	h->nlmsg_flags = flags;
	h->nlmsg_seq = seq;
	memcpy(NLMSG_DATA(h), data, len);
	assert_int_equal(send(fd, buf, NLMSG_ALIGN(h->nlmsg_len), 0),
			 (ssize_t)NLMSG_ALIGN(h->nlmsg_len));
}

static void ack(int fd, uint32_t seq, int err)
{
	struct nlmsgerr e = { .error = err };

	reply(fd, NLMSG_ERROR, 0, seq, &e, sizeof e);
}

static int count_rules(void *ctx, const struct audit_rule_data *r, size_t len)
{
	(void)len;
	*(int *)ctx += (int)r->field_count;
	return 0;
}

static void netlink_rule_list_multipart(void **state)
{
	struct pair *p = *state;
	struct audit_rule_data r = { .field_count = 2 };
	int n = 0;

	/* answers queued before the request: seq 1 is the first sent */
	ack(p->peer, 1, 0);
	reply(p->peer, AUDIT_LIST_RULES, NLM_F_MULTI, 1, &r, sizeof r);
	r.field_count = 3;
	reply(p->peer, AUDIT_LIST_RULES, NLM_F_MULTI, 1, &r, sizeof r);
	reply(p->peer, NLMSG_DONE, NLM_F_MULTI, 1, &n, sizeof n);
	assert_int_equal(netlink_rule_list(&p->nl, count_rules, &n), 0);
	assert_int_equal(n, 5);
}

static void netlink_rule_list_malformed(void **state)
{
	struct pair *p = *state;
	struct audit_rule_data r = { .field_count = 1, .buflen = 100 };
	int n = 0;

	ack(p->peer, 1, 0);
	reply(p->peer, AUDIT_LIST_RULES, NLM_F_MULTI, 1, &r, sizeof r);
	assert_int_equal(netlink_rule_list(&p->nl, count_rules, &n), -EPROTO);
	assert_int_equal(n, 0);
}

static void netlink_rule_add_exists(void **state)
{
	struct pair *p = *state;
	struct audit_rule_data r = { .flags = AUDIT_FILTER_EXIT };

	ack(p->peer, 1, -EEXIST);
	assert_int_equal(netlink_rule_add(&p->nl, &r, sizeof r), -EEXIST);
	ack(p->peer, 2, 0);
	assert_int_equal(netlink_rule_del(&p->nl, &r, sizeof r), 0);
}

static void netlink_rule_ready_immutable(void **state)
{
	struct pair *p = *state;
	struct audit_status st = { .enabled = 2 };

	ack(p->peer, 1, 0);
	reply(p->peer, AUDIT_GET, 0, 1, &st, sizeof st);
	assert_int_equal(netlink_rule_ready(&p->nl), 1);
	st.enabled = 0;
	ack(p->peer, 2, 0);
	reply(p->peer, AUDIT_GET, 0, 2, &st, sizeof st);
	assert_int_equal(netlink_rule_ready(&p->nl), 0);
	ack(p->peer, 3, -ECONNREFUSED);
	assert_int_equal(netlink_rule_ready(&p->nl), -ECONNREFUSED);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(netlink_rule_list_multipart,
						setup, teardown),
		cmocka_unit_test_setup_teardown(netlink_rule_list_malformed,
						setup, teardown),
		cmocka_unit_test_setup_teardown(netlink_rule_add_exists,
						setup, teardown),
		cmocka_unit_test_setup_teardown(netlink_rule_ready_immutable,
						setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
