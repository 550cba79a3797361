/* live - records from the kernel's multicast group as RAW log lines
 * (ausearch --live, autrace --live; ours, see live.h). */
#include <auditbox/live.h>

#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <auditbox/logwrite.h>
#include <auditbox/scan.h>

_Static_assert(LIVE_CHUNK > 2 * LOGWRITE_LINE_MAX, "LIVE_CHUNK");

static void init(struct live *l, live_in_use_fn in_use, void *ctx)
{
	memset(l, 0, sizeof *l);
	l->nl.fd = -1;
	l->in_use = in_use;
	l->in_use_ctx = ctx;
}

int live_open(struct live *l, live_in_use_fn in_use, void *ctx)
{
	init(l, in_use, ctx);
	return netlink_open_readlog(&l->nl);
}

void live_init_fd(struct live *l, int fd, live_in_use_fn in_use, void *ctx)
{
	init(l, in_use, ctx);
	netlink_init_fd(&l->nl, fd);
}

void live_trim(struct live *l)
{
	unsigned i = 0, j;

	while (i + 1 < l->nchunks && (!l->in_use ||
	       !l->in_use(l->in_use_ctx, l->chunks[i],
			  l->chunks[i] + LIVE_CHUNK)))
		free(l->chunks[i++]);
	for (j = 0; i && j + i < l->nchunks; j++)
		l->chunks[j] = l->chunks[j + i];
	l->nchunks -= i;
}

/* Room for one more line. 0 or -ENOMEM. */
static int room(struct live *l)
{
	char *c;

	if (l->nchunks && LIVE_CHUNK - l->used >= LOGWRITE_LINE_MAX)
		return 0;
	live_trim(l);
	if (l->nchunks == LIVE_CHUNKS)
		return -ENOMEM;
	c = malloc(LIVE_CHUNK);
	if (!c)
		return -ENOMEM;
	l->chunks[l->nchunks++] = c;
	l->used = 0;
	return 0;
}

int live_line(struct live *l, struct span *line)
{
	const struct nlmsghdr *h;
	char *out;
	size_t n;
	int rc = room(l);

	if (rc)
		return rc;
	/* netlink's own messages (NLMSG_ERROR, NLMSG_DONE...) are no
	 * records; the kernel does not send them to the group */
	do
		rc = netlink_recv_nowait(&l->nl, &h);
	while (rc == 1 && h->nlmsg_type < AUDIT_GET);
	if (rc == -ENOBUFS)
		l->overruns++;
	if (rc <= 0)
		return rc;
	out = l->chunks[l->nchunks - 1] + l->used;
	n = logwrite_format_raw(out, LOGWRITE_LINE_MAX, NULL, h->nlmsg_type,
				NLMSG_DATA(h), netlink_record_len(&l->nl, h));
	if (n && out[n - 1] == '\n')
		n--;
	l->used += n + 1;
	l->records++;
	*line = (struct span){ out, n };
	return 1;
}

static int wait2(int fd, int fd2, int timeout_ms, const sigset_t *mask)
{
	struct pollfd p[2] = { { .fd = fd, .events = POLLIN },
			       { .fd = fd2, .events = POLLIN } };
	struct timespec ts, *tp = NULL;
	int rc;

	if (timeout_ms >= 0) {
		ts.tv_sec = timeout_ms / 1000;
		ts.tv_nsec = (long)(timeout_ms % 1000) * 1000000;
		tp = &ts;
	}
	rc = ppoll(p, fd2 >= 0 ? 2 : 1, tp, mask);
	return rc < 0 ? -errno : rc > 0;
}

int live_wait(struct live *l, int timeout_ms, const sigset_t *mask)
{
	return wait2(l->nl.fd, -1, timeout_ms, mask);
}

static int64_t now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* The lost counter: read when records came and a second passed since
 * the last look; *wait gets the ms until the next look is due. */
static void look_lost(const struct live_loop *lp, uint32_t *lost,
		      int64_t *at, bool *came, int64_t *wait)
{
	int64_t left = *at + 1000 - now_ms();
	uint32_t v;

	if (!*came)
		return;
	if (left > 0) {
		if (*wait < 0 || left < *wait)
			*wait = left;
		return;
	}
	*came = false;
	*at = now_ms();
	if (live_lost(lp->ctl, &v) == 0 && v != *lost) {
		if (v > *lost) {
			char m[80];

			snprintf(m, sizeof m, "the kernel lost %u record%s "
				 "(lost %u)", v - *lost,
				 v - *lost == 1 ? "" : "s", v);
			lp->say(lp->ctx, m);
		}
		*lost = v;	/* a reset (auditctl --reset-lost) */
	}
}

int live_run(struct live *l, const struct live_loop *lp)
{
	int64_t last = now_ms(), at = last, wait;
	bool have_lost, came = false, full = false;
	unsigned long n = 0;
	uint32_t lost = 0;
	struct span line;
	int rc, v;

	have_lost = lp->ctl && live_lost(lp->ctl, &lost) == 0;
	for (;;) {
		rc = live_line(l, &line);
		if (rc == 1) {
			if (lp->line)
				lp->line(lp->ctx, line);
			scan_feed(lp->s, line);
			last = now_ms();
			came = true;
			full = false;
			if (lp->s->stop)
				return 0;
			if (++n % 256 == 0 && (v = lp->check(lp->ctx)))
				return v;
			continue;
		}
		if (rc == -ENOBUFS) {
			lp->say(lp->ctx, "records were dropped: the receive "
				"buffer overflowed");
			continue;
		}
		if (rc == -ENOMEM && !full) {	/* let go of the lines */
			full = true;
			scan_complete(lp->s);
			continue;
		}
		if (rc < 0)
			return rc;
		lp->caught_up(lp->ctx);
		if (lp->s->stop)
			return 0;
		if ((v = lp->check(lp->ctx)))
			return v;
		wait = -1;
		if (lp->s->t.nheap) {
			wait = last + lp->timeout_s * 1000 - now_ms();
			if (wait <= 0) {
				scan_complete(lp->s);
				continue;
			}
		}
		if (have_lost)
			look_lost(lp, &lost, &at, &came, &wait);
		rc = wait2(l->nl.fd, lp->wake_fd, (int)wait, lp->mask);
		if (rc < 0 && rc != -EINTR)
			return rc;
	}
}

void live_close(struct live *l)
{
	while (l->nchunks)
		free(l->chunks[--l->nchunks]);
	netlink_close(&l->nl);
}

int live_lost(struct netlink *ctl, uint32_t *lost)
{
	struct audit_status st;
	int rc = netlink_status_get(ctl, &st, NULL);

	if (rc == 0)
		*lost = st.lost;
	return rc;
}
