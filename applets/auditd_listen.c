/* auditd_listen - auditd's tcp_listen_port: accepts audisp-remote clients,
 * writes each record they send verbatim to the log, and acknowledges it
 * only after it was written (and synced, as the flush mode says); space
 * and disk states travel back as DISKLOW, DISKFULL and DISKERROR replies;
 * ENDING at stop; DAEMON_ACCEPT and DAEMON_CLOSE records in 3.0.9's
 * words. Memory is bounded per client (one frame, LISTEN_PEND records in
 * flight, LISTEN_OUT bytes of replies) and in total (LISTEN_MAX_CLIENTS).
 * Reference behaviour: audit 3.0.9 src/auditd-listen.c, auditd.conf(5).
 * Docs: docs/auditd.conf.5.md */
#include "applet.h"
#include "auditd_int.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <syslog.h>
#include <unistd.h>

/* A client from an address at its tcp_max_per_addr is refused (op=dup),
 * unless one of that address's connections is dead: idle this long with
 * nothing in flight (a rebooted or cut-off host reconnecting; beyond
 * 3.0.9, which refuses until the old socket times out). */
#define REPLACE_IDLE_MS 5000
/* Worst reply: header and "remote logging suspended". */
#define REPLY_MAX (REMOTE_HDR_SIZE + 32)

/* What a record in flight gets, known when it was handed to logwrite. */
enum { P_HEARTBEAT, P_WRITTEN, P_NOLOG, P_SUSPENDED, P_FAILED, P_RESENT };

static int open_socket(struct auditd *d, int family)
{
	struct sockaddr_storage ss = { 0 };
	socklen_t sl;
	int one = 1;
	int fd = socket(family, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);

	if (fd < 0)
		return family == AF_INET6 ? -2 : -1;	/* no IPv6: fine */
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
	if (family == AF_INET6) {
		struct sockaddr_in6 *a = (struct sockaddr_in6 *)&ss;

		int zero = 0;

		/* one dual-stack socket: IPv4 clients are ::ffff:a.b.c.d in
		 * the records, as 3.0.9 shows them */
		setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &zero, sizeof zero);
		a->sin6_family = AF_INET6;
		a->sin6_port = htons((uint16_t)d->cf.tcp_listen_port);
		a->sin6_addr = in6addr_any;
		sl = sizeof *a;
	} else {
		struct sockaddr_in *a = (struct sockaddr_in *)&ss;

		a->sin_family = AF_INET;
		a->sin_port = htons((uint16_t)d->cf.tcp_listen_port);
		a->sin_addr.s_addr = htonl(INADDR_ANY);
		sl = sizeof *a;
	}
	if (bind(fd, (struct sockaddr *)&ss, sl) < 0) {
		int e = errno;

		close(fd);
		if (family == AF_INET6 && e == EADDRNOTAVAIL)
			return -2;
		auditd_say(d, LOG_ERR, "Cannot bind listener socket to port "
			   "%u (%s)", d->cf.tcp_listen_port, strerror(e));
		return -1;
	}
	if (listen(fd, (int)d->cf.tcp_listen_queue) < 0) {
		close(fd);
		auditd_say(d, LOG_ERR, "Unable to listen on %u",
			   d->cf.tcp_listen_port);
		return -1;
	}
	return fd;
}

/* The records of the log's last MiB are remembered too: a collector
 * that crashed between a write and its ack recognises the resend after
 * its restart. */
static void seed_seen(struct auditd *d)
{
	int fd = d->cf.write_logs && !d->opts.foreground ?
		 open(d->cf.log_file, O_RDONLY | O_CLOEXEC) : -1;
	off_t end = fd >= 0 ? lseek(fd, 0, SEEK_END) : -1;
	off_t start = end > (1 << 20) ? end - (1 << 20) : 0;
	char *buf = end > 0 ? malloc((size_t)(end - start)) : NULL;
	ssize_t n = buf ? pread(fd, buf, (size_t)(end - start), start) : -1;
	char *p = buf, *e = buf + (n > 0 ? n : 0), *nl;

	if (start > 0 && n > 0 && (nl = memchr(p, '\n', (size_t)(e - p))))
		p = nl + 1;	/* a line cut by the window */
	for (; n > 0 && (nl = memchr(p, '\n', (size_t)(e - p))); p = nl + 1)
		remote_seen_check(&d->ln.seen, remote_seen_hash(p, (size_t)
							       (nl - p)));
	free(buf);
	if (fd >= 0)
		close(fd);
}

int auditd_listen_start(struct auditd *d)
{
	struct auditd_listen *ln = &d->ln;
	struct rlimit rl;
	int fd;

	ln->nlfd = 0;
	ln->spare = -1;
	if (!d->cf.tcp_listen_port)
		return 0;
	/* room for every client (a soft limit of 1024 is common) */
	if (getrlimit(RLIMIT_NOFILE, &rl) == 0 &&
	    rl.rlim_cur < LISTEN_MAX_CLIENTS + 256) {
		rl.rlim_cur = rl.rlim_max < LISTEN_MAX_CLIENTS + 256 ?
			      rl.rlim_max : LISTEN_MAX_CLIENTS + 256;
		setrlimit(RLIMIT_NOFILE, &rl);
	}
	/* kept to accept-and-close a connection when out of descriptors,
	 * else the listening socket would stay readable forever */
	ln->spare = open("/dev/null", O_RDONLY | O_CLOEXEC);
	fd = open_socket(d, AF_INET6);
	if (fd == -2)	/* no IPv6 here */
		fd = open_socket(d, AF_INET);
	if (fd < 0)
		return -1;
	ln->lfd[ln->nlfd++] = fd;
	ln->idle_check_ms = auditd_now_ms();
	remote_seen_init(&ln->seen);
	seed_seen(d);
	auditd_say(d, LOG_DEBUG, "Listening on TCP port %u, protocol TCP",
		   d->cf.tcp_listen_port);	/* ref 3.0.9 */
	return 0;
}

/* "addr=IP port=P res=RES", prefixed by "op=OP " when op. */
static void accept_record(struct auditd *d, int type, const char *op,
			  const char *ip, unsigned port, const char *res)
{
	char body[192];

	snprintf(body, sizeof body, "%s%s%saddr=%s port=%u res=%s",
		 op ? "op=" : "", op ? op : "", op ? " " : "", ip, port, res);
	auditd_write_record(d, type, body);
}

static void close_client(struct auditd *d, unsigned i)
{
	struct auditd_listen *ln = &d->ln;
	struct listen_client *c = ln->c[i];

	accept_record(d, AUDIT_DAEMON_CLOSE, NULL, c->ip, c->port, "success");
	shutdown(c->fd, SHUT_RDWR);
	close(c->fd);
	free(c);
	ln->c[i] = ln->c[--ln->n];
	ln->c[ln->n] = NULL;
}

/* Sends what is queued for c without waiting. A client that cannot take
 * its replies stops being read (LISTEN_OUT); one whose socket failed is
 * dead. */
static void client_send(struct listen_client *c)
{
	while (c->ooff < c->olen) {
		ssize_t w = send(c->fd, c->out + c->ooff, c->olen - c->ooff,
				 MSG_NOSIGNAL | MSG_DONTWAIT);

		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
			return;
		if (w <= 0) {
			c->dead = 1;
			c->olen = c->ooff = 0;
			return;
		}
		c->ooff += (size_t)w;
	}
	c->olen = c->ooff = 0;
}

static void queue_reply(struct listen_client *c, uint32_t type,
			uint32_t seq, const char *text)
{
	size_t n = strlen(text);

	if (c->ooff && c->olen + REMOTE_HDR_SIZE + n > sizeof c->out) {
		memmove(c->out, c->out + c->ooff, c->olen - c->ooff);
		c->olen -= c->ooff;
		c->ooff = 0;
	}
	c->olen += remote_frame(c->out + c->olen, sizeof c->out - c->olen,
				type, seq, text, n);
}

static void addr_text(const struct sockaddr_storage *ss,
		      struct listen_client *c)
{
	if (ss->ss_family == AF_INET6) {
		const struct sockaddr_in6 *a = (const void *)ss;

		inet_ntop(AF_INET6, &a->sin6_addr, c->ip, sizeof c->ip);
		memcpy(c->addr, &a->sin6_addr, 16);
		c->port = ntohs(a->sin6_port);
	} else {
		const struct sockaddr_in *a = (const void *)ss;

		inet_ntop(AF_INET, &a->sin_addr, c->ip, sizeof c->ip);
		memset(c->addr, 0, sizeof c->addr);
		memcpy(c->addr, &a->sin_addr, 4);
		c->port = ntohs(a->sin_port);
	}
	c->family = ss->ss_family;
}

static int same_addr(const struct listen_client *a,
		     const struct listen_client *b)
{
	return a->family == b->family && !memcmp(a->addr, b->addr, 16);
}

/* The connections from c's address are at tcp_max_per_addr: 1 refused,
 * 0 room (made by closing a dead one, or there was room). */
static int over_limit(struct auditd *d, const struct listen_client *c,
		      long now)
{
	struct auditd_listen *ln = &d->ln;
	unsigned n = 0, victim = ln->n;

	for (unsigned i = 0; i < ln->n; i++) {
		const struct listen_client *o = ln->c[i];

		if (!same_addr(o, c))
			continue;
		n++;
		if (o->dead || (!o->npend && o->olen == o->ooff &&
				!remote_partial(&o->rp) &&
				now - o->last_ms >= REPLACE_IDLE_MS))
			victim = i;
	}
	if (n < d->cf.tcp_max_per_addr)
		return 0;
	if (victim == ln->n)
		return 1;
	auditd_say(d, LOG_NOTICE, "client %s:%u replaced by a new "
		   "connection from the same address", ln->c[victim]->ip,
		   ln->c[victim]->port);
	close_client(d, victim);
	return 0;
}

static void refuse(struct auditd *d, int fd, const struct listen_client *c,
		   const char *op, const char *why)
{
	auditd_say(d, LOG_ERR, why, c->ip, c->port);
	accept_record(d, AUDIT_DAEMON_ACCEPT, op, c->ip, c->port, "no");
	shutdown(fd, SHUT_RDWR);
	close(fd);
}

static void accept_one(struct auditd *d, int lfd)
{
	struct auditd_listen *ln = &d->ln;
	struct sockaddr_storage ss;
	socklen_t sl = sizeof ss;
	struct listen_client *c, probe;
	long now = auditd_now_ms();
	int one = 1;
	int fd = accept4(lfd, (struct sockaddr *)&ss, &sl,
			 SOCK_CLOEXEC | SOCK_NONBLOCK);

	if (fd < 0 && (errno == EMFILE || errno == ENFILE) && ln->spare >= 0) {
		close(ln->spare);
		fd = accept4(lfd, (struct sockaddr *)&ss, &sl, SOCK_CLOEXEC);
		if (fd >= 0) {
			addr_text(&ss, &probe);
			refuse(d, fd, &probe, "alloc", "Out of file descriptors "
			       "for TCP client %s:%u");
		}
		ln->spare = open("/dev/null", O_RDONLY | O_CLOEXEC);
		if (fd >= 0)
			return;
	}
	if (fd < 0) {
		if (errno != EAGAIN && errno != EWOULDBLOCK &&
		    errno != EINTR && errno != ECONNABORTED)
			auditd_say(d, LOG_ERR, "Unable to accept TCP "
				   "connection");
		return;
	}
	addr_text(&ss, &probe);
	if (probe.port < d->cf.tcp_client_min_port ||
	    probe.port > d->cf.tcp_client_max_port) {
		refuse(d, fd, &probe, "port", "TCP connection from %s:%u "
		       "rejected");
		return;
	}
	if (over_limit(d, &probe, now)) {
		refuse(d, fd, &probe, "dup", "Too many connections from "
		       "%s:%u - rejected");
		return;
	}
	c = ln->n < LISTEN_MAX_CLIENTS ? malloc(sizeof *c) : NULL;
	if (!c) {
		refuse(d, fd, &probe, "alloc", "Unable to allocate TCP "
		       "client data for %s:%u");
		return;
	}
	setsockopt(fd, SOL_SOCKET, SO_KEEPALIVE, &one, sizeof one);
	setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
	memcpy(c->ip, probe.ip, sizeof c->ip);
	memcpy(c->addr, probe.addr, sizeof c->addr);
	c->family = probe.family;
	c->port = probe.port;
	c->fd = fd;
	c->last_ms = now;
	c->eof = c->dead = c->more = 0;
	c->npend = 0;
	c->olen = c->ooff = 0;
	remote_parser_init(&c->rp, 1);
	ln->c[ln->n++] = c;
	accept_record(d, AUDIT_DAEMON_ACCEPT, NULL, c->ip, c->port,
		      "success");
}

/* One read into the parser, when the client may take what it asks. */
static void client_read(struct auditd *d, struct listen_client *c)
{
	size_t room;
	unsigned char *dst;
	ssize_t r;

	if (c->eof || c->dead || c->npend || c->olen)
		return;
	dst = remote_space(&c->rp, &room);
	if (!room)
		return;
	r = recv(c->fd, dst, room, MSG_DONTWAIT);
	if (r < 0 && (errno == EAGAIN || errno == EWOULDBLOCK ||
		      errno == EINTR))
		return;
	if (r < 0) {
		auditd_say(d, LOG_WARNING, "client %s:%u socket closed "
			   "unexpectedly", c->ip, c->port);	/* ref 3.0.9 */
		c->dead = 1;
		return;
	}
	if (r == 0) {
		c->eof = 1;
		return;
	}
	remote_wrote(&c->rp, (size_t)r);
	c->last_ms = auditd_now_ms();
}

/* Hands one record to the log (and the plugins): what it got. The text
 * is the client's, written as it came: its node= and ENRICHED part kept;
 * a newline or a NUL inside would break the log's lines, so a newline
 * becomes a space and the text ends at a NUL. */
static int log_record(struct auditd *d, const char *p, size_t n,
		      uint64_t *hash, uint64_t *line)
{
	const char *nul = memchr(p, 0, n);
	int rc;

	if (nul)
		n = (size_t)(nul - p);
	*hash = 0;
	*line = 0;
	if (d->cf.write_logs && !d->lw.suspended) {
		uint64_t h = remote_seen_hash(p, n);

		if (remote_seen_check(&d->ln.seen, h)) {
			d->ln.resends++;
			return P_RESENT;	/* written before: ack only */
		}
		*hash = h;
	}
	memcpy(d->line, p, n);
	for (size_t i = 0; i < n; i++)
		if (d->line[i] == '\n')
			d->line[i] = ' ';
	if (d->cf.distribute_network)
		auditd_plugins_feed_line(d, d->line, n);
	d->line[n++] = '\n';
	if (!d->cf.write_logs)
		return P_NOLOG;
	rc = logwrite_line(&d->lw, d->line, n);
	if (rc == 1)
		return P_SUSPENDED;
	if (rc == 0)
		*line = d->lw.lines_queued;
	d->ln.records++;
	return rc < 0 ? P_FAILED : P_WRITTEN;
}

/* Takes the frames c holds while it has room for their replies. */
static void client_frames(struct auditd *d, struct listen_client *c,
			  int *failed)
{
	struct remote_hdr h;
	const char *pl;
	size_t plen;
	enum remote_ev ev;

	c->more = 0;
	while (c->npend < LISTEN_PEND &&
	       c->olen + (c->npend + 1) * REPLY_MAX <= sizeof c->out) {
		ev = remote_next(&c->rp, &h, &pl, &plen);
		if (ev == REMOTE_NEED)
			return;
		if (ev == REMOTE_LINE) {
			d->ln.skipped++;
			continue;
		}
		if (ev == REMOTE_BAD) {
			auditd_say(d, LOG_WARNING, "client %s:%u sent a frame "
				   "longer than %u bytes - closing connection",
				   c->ip, c->port, REMOTE_MAX_MSG);
			c->dead = 1;
			return;
		}
		c->pseq[c->npend] = h.seq;
		if (h.type == REMOTE_HEARTBEAT)
			c->pkind[c->npend] = P_HEARTBEAT;
		else
			c->pkind[c->npend] = (signed char)log_record(d, pl,
					plen, &c->phash[c->npend],
					&c->pline[c->npend]);
		if (h.type == REMOTE_HEARTBEAT)
			c->phash[c->npend] = c->pline[c->npend] = 0;
		if (c->pkind[c->npend] == P_FAILED)
			*failed = 1;
		c->npend++;
	}
	/* stopped for room: the frames left wait for the next round */
	c->more = 1;
	if (c->npend == LISTEN_PEND)
		d->ln.again = 1;	/* the replies free the room now */
}

/* The replies of c's records once the log was flushed (failed: the
 * write or the flush of this round failed). A record is acknowledged
 * when its line reached the file whole, even in a round whose later
 * lines did not fit (and a sync that failed makes every line before it
 * unsure): only what is not in the log is answered DISKFULL/DISKERROR,
 * so a resend never writes a line twice. */
static void client_replies(struct auditd *d, struct listen_client *c,
			   int failed)
{
	const struct logwrite *w = &d->lw;

	for (unsigned i = 0; i < c->npend; i++) {
		uint32_t type = REMOTE_ACK, seq = c->pseq[i];
		const char *text = "";
		int ok;

		switch (c->pkind[i]) {
		case P_WRITTEN:
			ok = logwrite_in_log(w, c->pline[i]);
			break;
		case P_FAILED:
			ok = 0;
			break;
		case P_RESENT:
			ok = !failed;
			break;
		default:
			ok = 1;
			break;
		}
		/* not written: a resend must be written */
		if (c->phash[i] && !ok)
			remote_seen_forget(&d->ln.seen, c->phash[i]);
		if (c->pkind[i] == P_SUSPENDED) {
			type = REMOTE_DISKERROR;
			text = "remote logging suspended";
		} else if (c->pkind[i] == P_HEARTBEAT ||
			   c->pkind[i] == P_NOLOG) {
			/* acked as they came */
		} else if (!ok && !w->fs_space_left) {
			type = REMOTE_DISKFULL;
			text = "disk full";
		} else if (!ok) {
			type = REMOTE_DISKERROR;
			text = "disk write error";
		} else if (w->space_warned) {
			type = REMOTE_DISKLOW;
		}
		queue_reply(c, type, seq, text);
	}
	c->npend = 0;
	client_send(c);
}

static void check_idle(struct auditd *d, long now)
{
	struct auditd_listen *ln = &d->ln;
	long max = (long)d->cf.tcp_client_max_idle * 1000;

	if (!max || now - ln->idle_check_ms < 1000)
		return;
	ln->idle_check_ms = now;
	for (unsigned i = 0; i < ln->n; i++)
		if (!ln->c[i]->dead && now - ln->c[i]->last_ms >= max) {
			auditd_say(d, LOG_NOTICE, "client %s:%u idle too long "
				   "- closing connection", ln->c[i]->ip,
				   ln->c[i]->port);	/* ref 3.0.9 */
			ln->c[i]->dead = 1;
		}
}

int auditd_listen_pollfds(struct auditd *d, struct pollfd *p, int max)
{
	struct auditd_listen *ln = &d->ln;
	int k = 0;

	for (int i = 0; i < ln->nlfd && k < max; i++)
		p[k++] = (struct pollfd){ ln->lfd[i], POLLIN, 0 };
	for (unsigned i = 0; i < ln->n && k < max; i++) {
		struct listen_client *c = ln->c[i];
		short ev = 0;

		if (!c->npend && !c->olen && !c->eof)
			ev |= POLLIN;
		if (c->olen)
			ev |= POLLOUT;
		p[k++] = (struct pollfd){ c->fd, ev, 0 };
	}
	return k;
}

int auditd_listen_timeout(struct auditd *d)
{
	if (d->ln.again)
		return 0;
	if (d->ln.n && d->cf.tcp_client_max_idle)
		return 1000;
	return -1;
}

void auditd_listen_io(struct auditd *d, struct pollfd *p, int n)
{
	struct auditd_listen *ln = &d->ln;
	int failed = 0, k, staged = 0;
	unsigned nc = ln->n;

	/* clients first: p[] lists those there were when poll started */
	for (k = ln->nlfd; k < n && (unsigned)(k - ln->nlfd) < nc; k++) {
		struct listen_client *c = ln->c[k - ln->nlfd];

		if (p[k].revents & POLLOUT)
			client_send(c);
		if (p[k].revents & (POLLIN | POLLHUP | POLLERR))
			client_read(d, c);
	}
	ln->again = 0;
	logwrite_drops_reset(&d->lw);
	for (unsigned i = 0; i < ln->n; i++) {
		client_frames(d, ln->c[i], &failed);
		staged += ln->c[i]->npend != 0;
	}
	/* The acks wait for the records to be written (and synced as the
	 * flush mode says): at-least-once, never a lost acked record. */
	if (staged && logwrite_flush(&d->lw) < 0)
		failed = 1;
	for (unsigned i = 0; i < ln->n; i++)
		if (ln->c[i]->npend)
			client_replies(d, ln->c[i], failed);
	check_idle(d, auditd_now_ms());
	for (unsigned i = ln->n; i-- > 0;) {
		struct listen_client *c = ln->c[i];

		/* at the end of its stream, a client goes once its frames
		 * are answered (an unfinished one can never complete) */
		if (c->dead || (c->eof && !c->more && !c->npend && !c->olen))
			close_client(d, i);
	}
	for (k = 0; k < ln->nlfd && k < n; k++)
		if (p[k].revents & POLLIN)
			for (int j = 0; j < 64; j++) {
				unsigned before = ln->n;

				accept_one(d, ln->lfd[k]);
				if (ln->n == before && errno == EAGAIN)
					break;
			}
}

void auditd_listen_stop(struct auditd *d)
{
	struct auditd_listen *ln = &d->ln;
	unsigned char h[REMOTE_HDR_SIZE];

	for (int i = 0; i < ln->nlfd; i++)
		close(ln->lfd[i]);
	ln->nlfd = 0;
	if (ln->spare > 0)
		close(ln->spare);
	ln->spare = -1;
	remote_pack(h, REMOTE_ENDING, 0, 0);
	while (ln->n) {
		struct listen_client *c = ln->c[ln->n - 1];

		client_send(c);
		if (!c->dead)
			send(c->fd, h, sizeof h, MSG_NOSIGNAL | MSG_DONTWAIT);
		close_client(d, ln->n - 1);
	}
}

void auditd_listen_state(struct auditd *d, FILE *f)
{
	fprintf(f, "listening for network connections = %s\n",
		d->ln.nlfd ? "yes" : "no");
	if (d->ln.nlfd)
		fprintf(f, "network clients = %u\nnetwork records = %lu\n"
			"network records resent (written once) = %lu\n"
			"network lines skipped = %lu\n", d->ln.n,
			d->ln.records, d->ln.resends, d->ln.skipped);
}
