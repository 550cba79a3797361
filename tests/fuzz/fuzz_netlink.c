/* fuzz_netlink - what the kernel (or anyone able to write to our socket)
 * sends: the input is split into datagrams at 0xff 0xfe 0xfd markers,
 * queued on a socketpair (one for the whole run: no descriptors per
 * input), then read by the request paths (status, features, the rule
 * list with each rule printed as auditctl -l and -l -i prints it and its
 * key matched) and the receive paths, by the daemon's batch reader
 * (every byte of each record is read), and as the multicast group's
 * records by live_line (ausearch --live), each line read whole. */
#include <auditbox/live.h>
#include <auditbox/netlink.h>
#include <auditbox/rule.h>

#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Where the record bytes go, so that reading them is not optimized out. */
static volatile unsigned sum;

static void queue(int fd, const uint8_t *data, size_t size)
{
	size_t start = 0;

	for (size_t i = 0; i + 3 <= size; i++) {
		if (data[i] == 0xff && data[i + 1] == 0xfe &&
		    data[i + 2] == 0xfd) {
			if (i > start)
				(void)send(fd, data + start, i - start,
					   MSG_DONTWAIT);
			start = i + 3;
			i += 2;
		}
	}
	if (size > start)
		(void)send(fd, data + start, size - start, MSG_DONTWAIT);
}

static int count(void *ctx, const struct nlmsghdr *h)
{
	(void)h;
	return ++*(int *)ctx > 3;
}

/* auditctl -l, -l -i and -l -k over each rule the "kernel" lists */
static int print(void *ctx, const struct audit_rule_data *r, size_t len)
{
	static char out[65536];

	(void)ctx;
	rule_format(out, sizeof out, r, len, 0, 0);
	rule_format(out, 200, r, len, 1, 1);
	sum += (unsigned)rule_key_match(r, len, "k");
	return 0;
}

/* Empties both ends (the replies not read, the requests sent): nothing
 * of an input is left for the next one. */
static void drain(const int sv[2])
{
	char b[64];

	for (int i = 0; i < 2; i++)
		while (recv(sv[i], b, sizeof b, MSG_DONTWAIT) >= 0)
			;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct audit_status st;
	struct audit_features ft;
	static int sv[2] = { -1, -1 };
	int n = 0;
	const struct nlmsghdr *h;
	static struct netlink nl;
	static struct netlink_batch batch;
	static struct live lv;
	static bool lv_ready;
	struct span line;
	size_t len;

	if (sv[0] < 0 && socketpair(AF_UNIX, SOCK_DGRAM, 0, sv) < 0)
		return 0;
	/* Replies are matched on sequence 1: each request is a fresh
	 * socket's first. */
	netlink_init_fd(&nl, sv[0]);
	nl.timeout_ms = 0;
	queue(sv[1], data, size);
	(void)netlink_status_get(&nl, &st, &len);
	drain(sv);
	netlink_init_fd(&nl, sv[0]);
	nl.timeout_ms = 0;
	queue(sv[1], data, size);
	(void)netlink_features_get(&nl, &ft);
	drain(sv);
	netlink_init_fd(&nl, sv[0]);
	nl.timeout_ms = 0;
	queue(sv[1], data, size);
	(void)netlink_request(&nl, AUDIT_LIST_RULES, NULL, 0, count, &n);
	drain(sv);
	netlink_init_fd(&nl, sv[0]);
	nl.timeout_ms = 0;
	queue(sv[1], data, size);
	(void)netlink_rule_list(&nl, print, NULL);
	drain(sv);
	netlink_init_fd(&nl, sv[0]);
	nl.timeout_ms = 0;
	queue(sv[1], data, size);
	while (netlink_recv(&nl, 0, &h) == 1)
		memcpy(&st, h, sizeof *h < sizeof st ? sizeof *h : sizeof st);
	drain(sv);
	/* auditd's path: records many per recvmmsg, each read whole */
	queue(sv[1], data, size);
	batch.n = batch.next = 0;
	while (netlink_recv_batch(&nl, &batch, &h, &len) == 1) {
		const unsigned char *t = NLMSG_DATA(h);

		for (size_t i = 0; i < len; i++)
			sum += t[i];
	}
	drain(sv);
	/* ausearch --live: each record a RAW line */
	queue(sv[1], data, size);
	/* one struct live for the run, as ausearch --live has: its 1 MiB
	 * line buffers are reused, not allocated per input */
	if (!lv_ready)
		live_init_fd(&lv, sv[0], NULL, NULL);
	lv_ready = true;
	netlink_init_fd(&lv.nl, sv[0]);
	while (live_line(&lv, &line) == 1)
		for (size_t i = 0; i < line.n; i++)
			sum += (unsigned char)line.p[i];
	drain(sv);
	return 0;
}
