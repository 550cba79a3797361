/* test_netlink_rule - core/netlink_rule.c over a socketpair: crafted
 * kernel replies (ACK, error, multipart AUDIT_LIST_RULES, immutable
 * status), no kernel needed. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <auditbox/netlink.h>

#include "fake_kernel.h"

#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static int count_rules(void *ctx, const struct audit_rule_data *r, size_t len)
{
	(void)len;
	*(int *)ctx += (int)r->field_count;
	return 0;
}

static void netlink_rule_list_multipart(void **state)
{
	struct fake_kernel *p = *state;
	struct audit_rule_data r = { .field_count = 2 };
	int n = 0;

	/* answers queued before the request: seq 1 is the first sent */
	fk_ack(p, 1, 0);
	fk_reply(p, AUDIT_LIST_RULES, NLM_F_MULTI, 1, &r, sizeof r);
	r.field_count = 3;
	fk_reply(p, AUDIT_LIST_RULES, NLM_F_MULTI, 1, &r, sizeof r);
	fk_reply(p, NLMSG_DONE, NLM_F_MULTI, 1, &n, sizeof n);
	assert_int_equal(netlink_rule_list(&p->nl, count_rules, &n), 0);
	assert_int_equal(n, 5);
}

static void netlink_rule_list_malformed(void **state)
{
	struct fake_kernel *p = *state;
	struct audit_rule_data r = { .field_count = 1, .buflen = 100 };
	int n = 0;

	fk_ack(p, 1, 0);
	fk_reply(p, AUDIT_LIST_RULES, NLM_F_MULTI, 1, &r, sizeof r);
	assert_int_equal(netlink_rule_list(&p->nl, count_rules, &n), -EPROTO);
	assert_int_equal(n, 0);
}

static void netlink_rule_add_exists(void **state)
{
	struct fake_kernel *p = *state;
	struct audit_rule_data r = { .flags = AUDIT_FILTER_EXIT };

	fk_ack(p, 1, -EEXIST);
	assert_int_equal(netlink_rule_add(&p->nl, &r, sizeof r), -EEXIST);
	fk_ack(p, 2, 0);
	assert_int_equal(netlink_rule_del(&p->nl, &r, sizeof r), 0);
}

static void netlink_rule_ready_immutable(void **state)
{
	struct fake_kernel *p = *state;
	struct audit_status st = { .enabled = 2 };

	fk_ack(p, 1, 0);
	fk_reply(p, AUDIT_GET, 0, 1, &st, sizeof st);
	assert_int_equal(netlink_rule_ready(&p->nl), 1);
	st.enabled = 0;
	fk_ack(p, 2, 0);
	fk_reply(p, AUDIT_GET, 0, 2, &st, sizeof st);
	assert_int_equal(netlink_rule_ready(&p->nl), 0);
	fk_ack(p, 3, -ECONNREFUSED);
	assert_int_equal(netlink_rule_ready(&p->nl), -ECONNREFUSED);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
#define T(f) cmocka_unit_test_setup_teardown(f, fk_setup, fk_teardown)
		T(netlink_rule_list_multipart),
		T(netlink_rule_list_malformed),
		T(netlink_rule_add_exists),
		T(netlink_rule_ready_immutable),
#undef T
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
