/* netlink - the NETLINK_AUDIT socket: requests with acks and replies,
 * status and features, and the event stream. All state in struct netlink. */
#ifndef AUDITBOX_NETLINK_H
#define AUDITBOX_NETLINK_H

#include <stddef.h>
#include <stdint.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <auditbox/uapi/audit.h>
#include <auditbox/uapi/netlink.h>

/* Receive buffer: the largest audit message the kernel sends, plus header. */
#define NETLINK_BUF_SIZE (MAX_AUDIT_MESSAGE_LENGTH + 64)

/* Default reply timeout, as the reference: 40 polls of 100 ms. */
#define NETLINK_TIMEOUT_MS 4000

struct netlink {
	int fd;
	uint32_t seq;		/* last sequence number sent */
	int timeout_ms;		/* per-reply timeout for requests */
	uint32_t dropped;	/* ENOBUFS seen (kernel dropped replies) */
	union {
		struct nlmsghdr h;
		char b[NETLINK_BUF_SIZE];
	} rx;
	size_t rx_len, rx_off;	/* datagram in rx, next message offset */
};

/* Callback for each reply message of a request: return 0 to keep
 * collecting, > 0 when the reply is complete, < 0 (-errno) to abort. */
typedef int (*netlink_reply_fn)(void *ctx, const struct nlmsghdr *h);

/* Opens and binds a NETLINK_AUDIT socket (CLOEXEC). 0 or -errno. */
int netlink_open(struct netlink *nl);
/* Opens a socket that joins the kernel's read-only multicast group
 * (AUDIT_NLGRP_READLOG: every record, beside any daemon; needs
 * CAP_AUDIT_READ, else -EPERM) with a big receive buffer. 0 or -errno. */
int netlink_open_readlog(struct netlink *nl);
/* Uses an already open fd (tests: one end of a socketpair). */
void netlink_init_fd(struct netlink *nl, int fd);
void netlink_close(struct netlink *nl);

/* Sends one request with NLM_F_REQUEST|NLM_F_ACK; *seq gets its number.
 * 0 or -errno. */
int netlink_send(struct netlink *nl, uint16_t type, const void *data,
		 size_t len, uint32_t *seq);

/* Next message, waiting at most timeout_ms (-1: forever). Returns 1 with
 * *out pointing into nl->rx, 0 on timeout, -errno on error (-ENOBUFS
 * when the kernel dropped messages for this socket). Malformed or
 * spoofed datagrams are skipped. */
int netlink_recv(struct netlink *nl, int timeout_ms,
		 const struct nlmsghdr **out);

/* Next message without waiting: 1 with *out into nl->rx, 0 when none is
 * queued, -errno (-ENOBUFS: the kernel dropped messages). One recv per
 * datagram, no poll: the daemon's hot path. */
int netlink_recv_nowait(struct netlink *nl, const struct nlmsghdr **out);

/* Up to NETLINK_BATCH records read with one recvmmsg (the daemon's hot
 * path under load: one system call for many records). Caller-owned,
 * about NETLINK_BATCH * 9 KiB; only the pages records touch are used. */
#define NETLINK_BATCH 16
struct netlink_batch {
	struct mmsghdr m[NETLINK_BATCH];
	struct iovec iov[NETLINK_BATCH];
	struct sockaddr_nl from[NETLINK_BATCH];
	unsigned n, next;	/* datagrams read, the next to hand out */
	union {
		struct nlmsghdr h;
		char b[NETLINK_BUF_SIZE];
	} rx[NETLINK_BATCH];
};
/* Next audit record without waiting, from b or a new recvmmsg: 1 with
 * *out (into b) and *len (its text length, bounded by the datagram), 0
 * when none is queued, -errno (-ENOBUFS: the kernel dropped messages).
 * Datagrams not from the kernel, and runts, are skipped. */
int netlink_recv_batch(struct netlink *nl, struct netlink_batch *b,
		       const struct nlmsghdr **out, size_t *len);

/* Text length of an audit record from netlink_recv_nowait: the
 * kernel's nlmsg_len counts the text only; bounded by the datagram. */
size_t netlink_record_len(const struct netlink *nl, const struct nlmsghdr *h);

/* Sends a request and collects its answer: the ACK (or error) and, when
 * fn is given, the reply messages with the same sequence number, passed
 * to fn until it returns > 0 (or NLMSG_DONE arrives). Returns the ack's
 * value (>= 0: some AUDIT_SET requests answer a count there), -errno
 * from the kernel or the socket, or -ETIMEDOUT. */
int netlink_request(struct netlink *nl, uint16_t type, const void *data,
		    size_t len, netlink_reply_fn fn, void *ctx);

/* AUDIT_GET: fills *st; *len gets the payload length the kernel sent
 * (older kernels send a shorter struct). 0 or -errno. */
int netlink_status_get(struct netlink *nl, struct audit_status *st,
		       size_t *len);
/* AUDIT_SET with st->mask selecting the fields. Returns the kernel's
 * answer (>= 0; the old count for LOST / BACKLOG_WAIT_TIME_ACTUAL) or
 * -errno. */
int netlink_status_set(struct netlink *nl, const struct audit_status *st);
/* AUDIT_GET_FEATURE. 0 or -errno. */
int netlink_features_get(struct netlink *nl, struct audit_features *f);
/* AUDIT_SET_FEATURE. 0 or -errno. */
int netlink_features_set(struct netlink *nl, const struct audit_features *f);

/* Each rule of AUDIT_LIST_RULES (len: bytes of r, buf included); return
 * < 0 to stop. */
typedef int (*netlink_rule_fn)(void *ctx, const struct audit_rule_data *r,
			       size_t len);
/* AUDIT_ADD_RULE / AUDIT_DEL_RULE of a compiled rule. >= 0 or -errno. */
int netlink_rule_add(struct netlink *nl, const struct audit_rule_data *r,
		     size_t len);
int netlink_rule_del(struct netlink *nl, const struct audit_rule_data *r,
		     size_t len);
/* AUDIT_LIST_RULES: fn for each rule until NLMSG_DONE. 0 or -errno
 * (-EPROTO for a malformed rule, -ECANCELED when fn stopped). */
int netlink_rule_list(struct netlink *nl, netlink_rule_fn fn, void *ctx);
/* Whether rules may change: 0 yes, 1 no (immutable, enabled 2), or
 * -errno from the status request (-ECONNREFUSED: audit disabled in this
 * namespace). */
int netlink_rule_ready(struct netlink *nl);
/* AUDIT_TRIM. >= 0 or -errno. */
int netlink_trim(struct netlink *nl);
/* AUDIT_MAKE_EQUIV of a mount point and a subtree. >= 0 or -errno. */
int netlink_make_equiv(struct netlink *nl, const char *mount_point,
		       const char *subtree);
/* A user message (AUDIT_USER...) with its text, NUL included. >= 0 or
 * -errno. */
int netlink_user_msg(struct netlink *nl, uint16_t type, const char *text);

#endif
