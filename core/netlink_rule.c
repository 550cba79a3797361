/* netlink_rule - rule requests on the audit netlink socket: add, delete,
 * list (multipart AUDIT_LIST_RULES), and the directory-watch and user
 * message requests auditctl sends. Reference: audit 3.0.9 lib/libaudit.c,
 * lib/netlink.c. */
#include <auditbox/netlink.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>

int netlink_rule_add(struct netlink *nl, const struct audit_rule_data *r,
		     size_t len)
{
	return netlink_request(nl, AUDIT_ADD_RULE, r, len, NULL, NULL);
}

int netlink_rule_del(struct netlink *nl, const struct audit_rule_data *r,
		     size_t len)
{
	return netlink_request(nl, AUDIT_DEL_RULE, r, len, NULL, NULL);
}

struct list_ctx {
	netlink_rule_fn fn;
	void *ctx;
};

static int list_one(void *ctx, const struct nlmsghdr *h)
{
	struct list_ctx *l = ctx;
	const struct audit_rule_data *r = NLMSG_DATA(h);
	size_t len;

	if (h->nlmsg_type != AUDIT_LIST_RULES)
		return 0;
	if (h->nlmsg_len < NLMSG_LENGTH(sizeof *r))
		return -EPROTO;
	len = h->nlmsg_len - NLMSG_HDRLEN;
	if (len - sizeof *r < r->buflen || r->field_count > AUDIT_MAX_FIELDS)
		return -EPROTO;
	return l->fn(l->ctx, r, len) < 0 ? -ECANCELED : 0;
}

int netlink_rule_list(struct netlink *nl, netlink_rule_fn fn, void *ctx)
{
	struct list_ctx l = { fn, ctx };
	int r = netlink_request(nl, AUDIT_LIST_RULES, NULL, 0, list_one, &l);

	return r < 0 ? r : 0;
}

int netlink_trim(struct netlink *nl)
{
	return netlink_request(nl, AUDIT_TRIM, NULL, 0, NULL, NULL);
}

int netlink_make_equiv(struct netlink *nl, const char *mount_point,
		       const char *subtree)
{
	size_t l1 = strlen(mount_point), l2 = strlen(subtree);
	uint32_t *cmd = calloc(1, 8 + l1 + l2);
	int r;

	if (!cmd)
		return -ENOMEM;
	cmd[0] = (uint32_t)l1;
	cmd[1] = (uint32_t)l2;
	memcpy((char *)(cmd + 2), mount_point, l1);
	memcpy((char *)(cmd + 2) + l1, subtree, l2);
	r = netlink_request(nl, AUDIT_MAKE_EQUIV, cmd, 8 + l1 + l2, NULL,
			    NULL);
	free(cmd);
	return r;
}

int netlink_user_msg(struct netlink *nl, uint16_t type, const char *text)
{
	return netlink_request(nl, type, text, strlen(text) + 1, NULL, NULL);
}

int netlink_rule_ready(struct netlink *nl)
{
	struct audit_status st;
	int r = netlink_status_get(nl, &st, NULL);

	if (r < 0)
		return r;
	return st.enabled == 2;
}
