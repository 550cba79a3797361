/* fake_kernel.h - for the netlink unit tests: one end of a socketpair
 * plays the kernel and sends crafted answers (ACK, ERROR, replies,
 * multipart), the other is the struct netlink under test. */
#ifndef AUDITBOX_TEST_FAKE_KERNEL_H
#define AUDITBOX_TEST_FAKE_KERNEL_H

#include <auditbox/netlink.h>

#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

struct fake_kernel {
	struct netlink nl;
	int peer;	/* the fake kernel's end */
};

/* cmocka setup: a fresh pair in *state, replies expected within 300 ms. */
static inline int fk_setup(void **state)
{
	static struct fake_kernel fk;
	int sv[2];

	if (socketpair(AF_UNIX, SOCK_DGRAM, 0, sv) < 0)
		return -1;
	netlink_init_fd(&fk.nl, sv[0]);
	fk.nl.timeout_ms = 300;
	fk.peer = sv[1];
	*state = &fk;
	return 0;
}

static inline int fk_teardown(void **state)
{
	struct fake_kernel *fk = *state;

	netlink_close(&fk->nl);
	close(fk->peer);
	return 0;
}

/* Appends one message to a datagram being built in buf at *off. */
static inline void fk_put(char *buf, size_t *off, uint16_t type, uint16_t flags,
		   uint32_t seq, const void *data, size_t len)
{
	struct nlmsghdr h = { (uint32_t)NLMSG_LENGTH(len), type, flags, seq, 0 };

	memcpy(buf + *off, &h, sizeof h);
	memcpy(buf + *off + NLMSG_HDRLEN, data, len);
	*off += NLMSG_SPACE(len);
}

/* Sends one message, as the kernel answering request seq would. */
static inline void fk_reply(struct fake_kernel *fk, uint16_t type, uint16_t flags,
		     uint32_t seq, const void *data, size_t len)
{
	char buf[NETLINK_BUF_SIZE];
	size_t off = 0;

	fk_put(buf, &off, type, flags, seq, data, len);
	assert_int_equal(send(fk->peer, buf, off, 0), (ssize_t)off);
}

/* The ACK (error 0) or the error answer to request seq. */
static inline void fk_ack(struct fake_kernel *fk, uint32_t seq, int error)
{
	struct nlmsgerr e = { .error = error };

	fk_reply(fk, NLMSG_ERROR, 0, seq, &e, sizeof e);
}

#endif
