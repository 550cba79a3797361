/* live - the kernel's audit records as they are made, from its read-only
 * multicast group (AUDIT_NLGRP_READLOG), beside whatever daemon is
 * registered or none: each record becomes a RAW log line, kept in
 * buffers that stay until no event refers to them. The kernel's lost
 * counter is read to tell what went missing. ausearch --live, autrace
 * --live (ours). */
#ifndef AUDITBOX_LIVE_H
#define AUDITBOX_LIVE_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <auditbox/netlink.h>
#include <auditbox/span.h>

#define LIVE_CHUNK (1u << 20)
#define LIVE_CHUNKS 64

/* Lines in [lo, hi) are still referred to (event_refers). */
typedef bool (*live_in_use_fn)(void *ctx, const char *lo, const char *hi);

struct live {
	struct netlink nl;		/* the multicast group */
	char *chunks[LIVE_CHUNKS];	/* lines, oldest first */
	unsigned nchunks;
	size_t used;			/* in the newest chunk */
	live_in_use_fn in_use;
	void *in_use_ctx;
	unsigned long records, overruns;	/* overruns: ENOBUFS */
};

/* Joins the group (netlink_open_readlog). 0 or -errno (-EPERM without
 * CAP_AUDIT_READ, -EPROTONOSUPPORT without audit in the kernel). */
int live_open(struct live *l, live_in_use_fn in_use, void *ctx);

/* Uses fd (tests, fuzzing: one end of a socketpair). */
void live_init_fd(struct live *l, int fd, live_in_use_fn in_use, void *ctx);

/* The next record queued, as a line (without '\n'), without waiting.
 * Returns 1, 0 when none is queued, -ENOBUFS when the socket overflowed
 * (records were dropped for us; reading goes on), -ENOMEM when the lines
 * held fill every buffer (complete the events and call again), or
 * -errno. */
int live_line(struct live *l, struct span *line);

/* Records that arrived while nothing was freed: frees buffers no
 * line held lies in. */
void live_trim(struct live *l);

/* Waits for a record (1), timeout_ms (0; -1 none) or a signal not in
 * *mask (-EINTR); -errno otherwise. */
int live_wait(struct live *l, int timeout_ms, const sigset_t *mask);

void live_close(struct live *l);

/* The kernel's lost counter through ctl (AUDIT_GET: needs
 * CAP_AUDIT_CONTROL). 0 or -errno. */
int live_lost(struct netlink *ctl, uint32_t *lost);

struct scan;

/* live_run's loop: the records fed to s as they come (events with an
 * EOE are out at once), the open events completed after timeout_s of
 * quiet, the lost counter read (at most once a second, after records
 * came) through ctl when not NULL. Woken by the socket, wake_fd (>= 0)
 * or a signal not in *mask; never by a timer while nothing is open. */
struct live_loop {
	struct scan *s;
	long timeout_s;
	const sigset_t *mask;
	int wake_fd;
	struct netlink *ctl;
	/* after each wake and each 256 records: non-zero ends the loop
	 * (live_run returns it) */
	int (*check)(void *ctx);
	void (*caught_up)(void *ctx);	/* nothing queued: flush */
	/* optional: each record's line, before it goes to the events */
	void (*line)(void *ctx, struct span line);
	/* news for the user (the applet prints it): the kernel's lost
	 * counter grew, or our socket overflowed (ENOBUFS) */
	void (*say)(void *ctx, const char *msg);
	void *ctx;
};

/* Runs the loop until check says so or the search stops (0). Returns
 * that, or -errno. The events still open are left to the caller
 * (scan_complete). */
int live_run(struct live *l, const struct live_loop *lp);

#endif
