/* fuzz_netlink - what the kernel (or anyone able to write to our socket)
 * sends: the input is split into datagrams at 0xff 0xfe 0xfd markers,
 * queued on a socketpair, then read by the request and receive paths and
 * by the daemon's batch reader (every byte of each record is read), and
 * as the multicast group's records by live_line (ausearch --live), each
 * line read whole. */
#include <auditbox/live.h>
#include <auditbox/netlink.h>

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

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct netlink *nl;
	struct audit_status st;
	int sv[2], n = 0;
	const struct nlmsghdr *h;
	static struct netlink storage;
	static struct netlink_batch batch;
	static struct live lv;
	struct span line;
	size_t len;

	if (socketpair(AF_UNIX, SOCK_DGRAM, 0, sv) < 0)
		return 0;
	nl = &storage;
	netlink_init_fd(nl, sv[0]);
	nl->timeout_ms = 0;
	/* Replies are matched on sequence 1, the first request's. */
	queue(sv[1], data, size);
	(void)netlink_status_get(nl, &st, NULL);
	queue(sv[1], data, size);
	(void)netlink_request(nl, AUDIT_LIST_RULES, NULL, 0, count, &n);
	queue(sv[1], data, size);
	while (netlink_recv(nl, 0, &h) == 1)
		memcpy(&st, h, sizeof *h < sizeof st ? sizeof *h : sizeof st);
	/* auditd's path: records many per recvmmsg, each read whole */
	queue(sv[1], data, size);
	while (netlink_recv_batch(nl, &batch, &h, &len) == 1) {
		const unsigned char *t = NLMSG_DATA(h);

		for (size_t i = 0; i < len; i++)
			sum += t[i];
	}
	/* ausearch --live: each record a RAW line */
	queue(sv[1], data, size);
	live_init_fd(&lv, sv[0], NULL, NULL);
	while (live_line(&lv, &line) == 1)
		for (size_t i = 0; i < line.n; i++)
			sum += (unsigned char)line.p[i];
	live_close(&lv);	/* closes sv[0] */
	close(sv[1]);
	return 0;
}
