/* netlink - NETLINK_AUDIT client: one receive buffer, sequence numbers,
 * acks, multipart replies, timeouts. Mirrors what libaudit's netlink.c
 * does for the reference tools, without globals or printing. */
#include <auditbox/netlink.h>

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

void netlink_init_fd(struct netlink *nl, int fd)
{
	nl->fd = fd;
	nl->seq = 0;
	nl->timeout_ms = NETLINK_TIMEOUT_MS;
	nl->dropped = 0;
	nl->rx_len = nl->rx_off = 0;
}

static int open_bound(struct netlink *nl, uint32_t groups)
{
	struct sockaddr_nl addr = { .nl_family = AF_NETLINK,
				    .nl_groups = groups };
	int fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_AUDIT);

	if (fd < 0)
		return -errno;
	if (bind(fd, (struct sockaddr *)&addr, sizeof addr) < 0) {
		int e = errno;
		close(fd);
		return -e;
	}
	netlink_init_fd(nl, fd);
	return 0;
}

int netlink_open(struct netlink *nl)
{
	return open_bound(nl, 0);
}

int netlink_open_readlog(struct netlink *nl)
{
	int rc = open_bound(nl, 1u << (AUDIT_NLGRP_READLOG - 1));
	int sz = 8 << 20;

	/* a burst is kept while the reader writes: as big as allowed */
	if (rc == 0 && setsockopt(nl->fd, SOL_SOCKET, SO_RCVBUFFORCE, &sz,
				  sizeof sz) < 0)
		(void)setsockopt(nl->fd, SOL_SOCKET, SO_RCVBUF, &sz, sizeof sz);
	return rc;
}

void netlink_close(struct netlink *nl)
{
	if (nl->fd >= 0)
		close(nl->fd);
	nl->fd = -1;
}

int netlink_send(struct netlink *nl, uint16_t type, const void *data,
		 size_t len, uint32_t *seq)
{
	union {
		struct nlmsghdr h;
		char b[NLMSG_SPACE(MAX_AUDIT_MESSAGE_LENGTH)];
	} req;
	ssize_t n;

	if (nl->fd < 0)
		return -EBADF;
	if (NLMSG_SPACE(len) > MAX_AUDIT_MESSAGE_LENGTH)
		return -EINVAL;
	if (++nl->seq == 0 || nl->seq > 0x7fffffffU)
		nl->seq = 1;
	memset(&req, 0, NLMSG_SPACE(len));
	req.h.nlmsg_len = NLMSG_SPACE(len);
	req.h.nlmsg_type = type;
	req.h.nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK;
	req.h.nlmsg_seq = nl->seq;
	if (len)
		memcpy(NLMSG_DATA(&req.h), data, len);
	/* No address: an audit socket's default peer is the kernel (port
	 * id 0), and a connected test socketpair takes the same call. */
	do
		n = send(nl->fd, &req, req.h.nlmsg_len, 0);
	while (n < 0 && errno == EINTR);
	if (n < 0)
		return -errno;
	if ((size_t)n != req.h.nlmsg_len)
		return -EIO;
	if (seq)
		*seq = nl->seq;
	return 0;
}

static long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

/* Next message already in the buffer, or NULL. */
static const struct nlmsghdr *next_buffered(struct netlink *nl)
{
	while (nl->rx_off + sizeof(struct nlmsghdr) <= nl->rx_len) {
		const struct nlmsghdr *h =
			(const void *)(nl->rx.b + nl->rx_off);
		size_t left = nl->rx_len - nl->rx_off;

		if (h->nlmsg_len < sizeof *h || h->nlmsg_len > left) {
			/* Truncated or lying header: drop the rest. The
			 * kernel's audit records may omit padding, so a
			 * length equal to what is left is fine. */
			nl->rx_off = nl->rx_len;
			return NULL;
		}
		nl->rx_off += NLMSG_ALIGN(h->nlmsg_len);
		if (nl->rx_off > nl->rx_len)
			nl->rx_off = nl->rx_len;
		return h;
	}
	nl->rx_off = nl->rx_len = 0;
	return NULL;
}

int netlink_recv(struct netlink *nl, int timeout_ms,
		 const struct nlmsghdr **out)
{
	long deadline = timeout_ms < 0 ? 0 : now_ms() + timeout_ms;

	for (;;) {
		const struct nlmsghdr *h = next_buffered(nl);
		struct sockaddr_nl from;
		socklen_t fromlen = sizeof from;
		struct pollfd p = { .fd = nl->fd, .events = POLLIN };
		ssize_t n;
		int wait = -1, r;

		if (h) {
			*out = h;
			return 1;
		}
		if (timeout_ms >= 0) {
			long left = deadline - now_ms();
			wait = left > 0 ? (int)left : 0;
		}
		r = poll(&p, 1, wait);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			return -errno;
		}
		if (r == 0)
			return 0;
		memset(&from, 0, sizeof from);
		n = recvfrom(nl->fd, nl->rx.b, sizeof nl->rx.b, MSG_DONTWAIT,
			     (struct sockaddr *)&from, &fromlen);
		if (n < 0) {
			if (errno == EINTR || errno == EAGAIN)
				continue;
			if (errno == ENOBUFS) {
				nl->dropped++;
				return -ENOBUFS;
			}
			return -errno;
		}
		/* Only the kernel (port id 0) may talk to us. */
		if (fromlen >= sizeof from && from.nl_family == AF_NETLINK &&
		    from.nl_pid != 0)
			continue;
		nl->rx_len = (size_t)n;
		nl->rx_off = 0;
	}
}

/* A receive without waiting failed (not EINTR): 0 when nothing was
 * queued, else -errno (ENOBUFS counted: the kernel dropped messages). */
static int nowait_failed(struct netlink *nl)
{
	if (errno == EAGAIN || errno == EWOULDBLOCK)
		return 0;
	if (errno == ENOBUFS)
		nl->dropped++;
	return -errno;
}

int netlink_recv_nowait(struct netlink *nl, const struct nlmsghdr **out)
{
	for (;;) {
		const struct nlmsghdr *h = next_buffered(nl);
		struct sockaddr_nl from;
		socklen_t fromlen = sizeof from;
		ssize_t n;

		if (h) {
			*out = h;
			return 1;
		}
		n = recvfrom(nl->fd, nl->rx.b, sizeof nl->rx.b, MSG_DONTWAIT,
			     (struct sockaddr *)&from, &fromlen);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return nowait_failed(nl);
		if (fromlen >= sizeof from && from.nl_family == AF_NETLINK &&
		    from.nl_pid != 0)
			continue;
		nl->rx_len = (size_t)n;
		nl->rx_off = 0;
		/* The kernel sends one audit record per datagram and sets
		 * its nlmsg_len to the text length, without the header (as
		 * libaudit reads it): take the datagram whole. */
		if ((size_t)n >= NLMSG_HDRLEN &&
		    nl->rx.h.nlmsg_type >= AUDIT_FIRST_USER_MSG) {
			nl->rx_off = nl->rx_len;
			*out = &nl->rx.h;
			return 1;
		}
	}
}

int netlink_recv_batch(struct netlink *nl, struct netlink_batch *b,
		       const struct nlmsghdr **out, size_t *len)
{
	for (;;) {
		int n;

		while (b->next < b->n) {
			unsigned i = b->next++;
			size_t got = b->m[i].msg_len;
			const struct sockaddr_nl *f = &b->from[i];

			/* only the kernel (port id 0) may talk to us */
			if (b->m[i].msg_hdr.msg_namelen >= sizeof *f &&
			    f->nl_family == AF_NETLINK && f->nl_pid != 0)
				continue;
			if (got < NLMSG_HDRLEN)
				continue;
			/* one record per datagram, its nlmsg_len the text
			 * length (as netlink_recv_nowait takes it) */
			*out = &b->rx[i].h;
			got -= NLMSG_HDRLEN;
			*len = b->rx[i].h.nlmsg_len < got ?
			       b->rx[i].h.nlmsg_len : got;
			return 1;
		}
		for (unsigned i = 0; i < NETLINK_BATCH; i++) {
			b->iov[i] = (struct iovec){ b->rx[i].b,
						    sizeof b->rx[i].b };
			b->m[i].msg_hdr = (struct msghdr){
				.msg_name = &b->from[i],
				.msg_namelen = sizeof b->from[i],
				.msg_iov = &b->iov[i], .msg_iovlen = 1 };
			b->m[i].msg_len = 0;
		}
		b->n = b->next = 0;
		n = recvmmsg(nl->fd, b->m, NETLINK_BATCH, MSG_DONTWAIT, NULL);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return nowait_failed(nl);
		if (n == 0)
			return 0;
		b->n = (unsigned)n;
	}
}

size_t netlink_record_len(const struct netlink *nl, const struct nlmsghdr *h)
{
	size_t room = nl->rx_len - (size_t)((const char *)h - nl->rx.b);

	room = room > NLMSG_HDRLEN ? room - NLMSG_HDRLEN : 0;
	return h->nlmsg_len < room ? h->nlmsg_len : room;
}

int netlink_request(struct netlink *nl, uint16_t type, const void *data,
		    size_t len, netlink_reply_fn fn, void *ctx)
{
	uint32_t seq;
	int acked = 0, ackval = 0, done = fn == NULL;
	int r = netlink_send(nl, type, data, len, &seq);

	if (r < 0)
		return r;
	while (!(acked && done)) {
		const struct nlmsghdr *h;

		r = netlink_recv(nl, nl->timeout_ms, &h);
		if (r == -ENOBUFS)
			continue;	/* a reply may be lost: the timeout ends it */
		if (r < 0)
			return r;
		if (r == 0)
			return -ETIMEDOUT;
		if (h->nlmsg_seq != seq)
			continue;	/* stale answer to an earlier request */
		if (h->nlmsg_type == NLMSG_ERROR) {
			const struct nlmsgerr *e = NLMSG_DATA(h);

			if (h->nlmsg_len < NLMSG_LENGTH(sizeof(int)))
				return -EPROTO;
			if (e->error < 0)
				return e->error;
			acked = 1;
			ackval = e->error;
		} else if (h->nlmsg_type == NLMSG_DONE) {
			done = 1;
		} else if (h->nlmsg_type == NLMSG_NOOP) {
			continue;
		} else if (fn && !done) {
			r = fn(ctx, h);
			if (r < 0)
				return r;
			if (r > 0)
				done = 1;
		}
	}
	return ackval;
}

struct copy_reply {
	uint16_t type;
	void *dst;
	size_t cap, len;
};

static int copy_reply(void *ctx, const struct nlmsghdr *h)
{
	struct copy_reply *c = ctx;
	size_t n;

	if (h->nlmsg_type != c->type)
		return 0;
	if (h->nlmsg_len < (uint32_t)NLMSG_HDRLEN)
		return -EPROTO;
	n = h->nlmsg_len - NLMSG_HDRLEN;
	c->len = n;
	memset(c->dst, 0, c->cap);
	memcpy(c->dst, NLMSG_DATA(h), n < c->cap ? n : c->cap);
	return 1;
}

int netlink_status_get(struct netlink *nl, struct audit_status *st,
		       size_t *len)
{
	struct copy_reply c = { AUDIT_GET, st, sizeof *st, 0 };
	int r = netlink_request(nl, AUDIT_GET, NULL, 0, copy_reply, &c);

	if (r < 0)
		return r;
	if (len)
		*len = c.len;
	return 0;
}

int netlink_status_set(struct netlink *nl, const struct audit_status *st)
{
	return netlink_request(nl, AUDIT_SET, st, sizeof *st, NULL, NULL);
}

int netlink_features_get(struct netlink *nl, struct audit_features *f)
{
	struct audit_features q = { 0 };
	struct copy_reply c = { AUDIT_GET_FEATURE, f, sizeof *f, 0 };
	int r = netlink_request(nl, AUDIT_GET_FEATURE, &q, sizeof q,
				copy_reply, &c);

	return r < 0 ? r : 0;
}

int netlink_features_set(struct netlink *nl, const struct audit_features *f)
{
	int r = netlink_request(nl, AUDIT_SET_FEATURE, f, sizeof *f,
				NULL, NULL);

	return r < 0 ? r : 0;
}
