/* audisp-remote - auditd plugin (or a standalone filter) that sends the
 * records on its stdin to a remote auditd (tcp_listen_port) over the
 * audit remote protocol: queued until acked, resent after a failure,
 * pipelined, and with mode = forward kept in a journal file that
 * survives restarts. Reference behaviour: audit 3.0.9 audisp-remote(8),
 * audisp-remote.conf(5). Docs: docs/audisp-remote.8.md,
 * docs/audisp-remote.conf.5.md */
#include "applet.h"
#include <auditbox/logwrite.h>
#include <auditbox/remote.h>

#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <syslog.h>
#include <time.h>
#include <unistd.h>

const char audisp_remote_usage[] =
	"Usage: audisp-remote (no options: records on stdin go to the "
	"remote_server\nof /etc/audit/audisp-remote.conf)\n";

enum { EXIT_CONF = 6 };

/* Records in flight at once (the reference sends one and waits). */
#define WINDOW 64
#define LINE_MAX_IN (REMOTE_MAX_MSG + 2)

/* The failures an action answers, for warn_once. */
enum { W_NET, W_LOW, W_FULL, W_ERR, W_END, W_GEN, W_WARN, W_QUEUE,
       W_OVER, W_START, W_N };

struct ar {
	struct remote_conf cf;
	const char *conf_path;
	struct remote_queue q;
	int sock, connected, ever_connected;
	struct remote_parser rp;
	unsigned char out[WINDOW * REMOTE_MAX_FRAME / 8];
	size_t olen, ooff;
	uint32_t seq;		/* last sequence used */
	uint32_t first_seq;	/* the oldest record in flight */
	unsigned inflight;	/* records sent, not acked: the queue's first */
	size_t sendrel;		/* rel offset of the next record to send */
	int hb_pending;
	uint32_t hb_seq;
	long last_ms;		/* last bytes sent or received */
	long wait_since;	/* ms: oldest unanswered send */
	unsigned tries;
	long fail_since, retry_at;
	int suspended, stop, eof, quit, rc;
	int remote_ended;
	int warned[W_N];
	int sigfd;
	char line[LINE_MAX_IN];
	size_t llen;
	char ibuf[16 * 1024];	/* read, not yet queued */
	size_t ioff, ilen;
	int skipping;		/* inside an over-long input line */
	unsigned long sent, acked, dropped;
};

static long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* syslog (AUDITBOX_SYSLOG_SOCKET in tests) and stderr. */
static void say(int prio, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static void say(int prio, const char *fmt, ...)
{
	const char *path = getenv("AUDITBOX_SYSLOG_SOCKET");
	struct sockaddr_un a = { .sun_family = AF_UNIX };
	char msg[512], buf[640];
	va_list ap;
	int fd, n;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	warn_msg("%s", msg);
	snprintf(a.sun_path, sizeof a.sun_path, "%s", path ? path : "/dev/log");
	n = snprintf(buf, sizeof buf, "<%d>audisp-remote[%d]: %s",
		     LOG_DAEMON | prio, (int)getpid(), msg);
	fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (fd < 0 || n < 0)
		return;
	sendto(fd, buf, (size_t)n < sizeof buf ? (size_t)n : sizeof buf - 1,
	       MSG_DONTWAIT | MSG_NOSIGNAL, (struct sockaddr *)&a, sizeof a);
	close(fd);
}

static void conf_note(void *arg, enum conf_level lvl,
		      const struct conf_ctx *c, const char *msg)
{
	(void)arg;
	if (lvl == CONF_DEBUG || lvl == CONF_INFO)
		return;
	if (c->line)
		warn_msg("%s:%u: %s", c->file, c->line, msg);
	else
		warn_msg("%s: %s", c->file, msg);
}

/* Loads the config into cf. 0, or -1 (said). */
static int load_conf(struct ar *r, struct remote_conf *cf)
{
	struct diag dg = { 0 };
	struct conf_ctx c = { .file = r->conf_path, .note = conf_note,
			      .diag = &dg, .check_owner = 1 };

	if (remote_conf_load(&c, r->conf_path, cf) < 0)
		return -1;
	if (cf->transport != RT_TCP || cf->enable_krb5) {
		warn_msg("%s: %s is not supported (use transport = tcp over a "
			 "tunnel: WireGuard, IPsec, stunnel or ssh)",
			 r->conf_path, cf->enable_krb5 ? "enable_krb5 = yes" :
			 cf->transport == RT_TLS ? "transport = tls" :
			 "transport = krb5");
		return -1;
	}
	if (!cf->server[0]) {
		warn_msg("%s: remote_server is not set", r->conf_path);
		return -1;
	}
	return 0;
}

/* ---- actions ---- */

static void run_exec(const char *exe, const char *why)
{
	pid_t pid = fork();

	if (pid == 0) {
		sigset_t all;

		sigfillset(&all);
		sigprocmask(SIG_UNBLOCK, &all, NULL);
		execl(exe, exe, why, (char *)NULL);
		_exit(127);
	}
	if (pid < 0)
		say(LOG_ERR, "Cannot fork to run %s", exe);
}

static void change_runlevel(int halt)
{
	char exe[256] = "";
	ssize_t n = readlink("/proc/1/exe", exe, sizeof exe - 1);
	struct logwrite_initact a;

	if (n > 0)
		exe[n] = 0;
	logwrite_init_action(exe, halt, &a);
	if (a.sig) {
		kill(1, a.sig);
		return;
	}
	if (fork() == 0) {
		execv(a.argv[0], (char *const *)a.argv);
		_exit(127);
	}
}

/* Runs the action for a failure (slot w, message msg). 1 when the record
 * concerned leaves the queue (ignore, syslog, exec, warn_once_continue),
 * 0 when it stays (warn_once, suspend, single, halt, stop, reconnect). */
static int act(struct ar *r, const struct remote_act *a, int w,
	       const char *msg)
{
	switch (a->action) {
	case RA_IGNORE:
		return 1;
	case RA_SYSLOG:
		say(LOG_WARNING, "%s", msg);
		return 1;
	case RA_EXEC:
		run_exec(a->exe, msg);
		return 1;
	case RA_WARN_ONCE_CONTINUE:
	case RA_WARN_ONCE:
		if (!r->warned[w]) {
			say(LOG_WARNING, "%s", msg);
			r->warned[w] = 1;
		}
		return a->action == RA_WARN_ONCE_CONTINUE;
	case RA_SUSPEND:
		say(LOG_ALERT, "%s, suspending remote logging (SIGUSR2 "
		    "resumes)", msg);
		r->suspended = 1;
		return 0;
	case RA_SINGLE:
	case RA_HALT:
		say(LOG_ALERT, "%s, %s", msg, a->action == RA_HALT ?
		    "halting the system" : "going to single user mode");
		change_runlevel(a->action == RA_HALT);
		r->suspended = 1;
		return 0;
	case RA_STOP:
		say(LOG_ALERT, "%s, exiting", msg);
		r->quit = 1;
		return 0;
	}
	return 0;		/* reconnect */
}

/* ---- the connection ---- */

static void disconnect(struct ar *r)
{
	if (r->sock >= 0)
		close(r->sock);
	r->sock = -1;
	r->connected = 0;
	r->inflight = 0;
	r->sendrel = 0;
	r->olen = r->ooff = 0;
	r->hb_pending = 0;
	remote_parser_init(&r->rp, 0);
}

/* The head record failed to go (connection lost, refused, unanswered):
 * retry at once, then every network_retry_time, until the tries or the
 * time per record are spent: then network_failure_action. */
static void net_failed(struct ar *r, const char *why)
{
	long now = now_ms();
	char msg[256];

	disconnect(r);
	if (r->cf.format == RF_ASCII) {	/* as 3.0.9: no retries */
		say(LOG_ERR, "%s - exiting", why);
		r->quit = 1;
		return;
	}
	if (!r->tries++)
		r->fail_since = now;
	r->retry_at = r->tries == 1 ? now : now +
		      (long)r->cf.network_retry_time * 1000;
	if (!r->ever_connected && r->tries == 1) {
		snprintf(msg, sizeof msg, "Cannot connect to %s port %u (%s)",
			 r->cf.server, r->cf.port, why);
		act(r, &r->cf.startup_failure, W_START, msg);
		return;
	}
	if (r->tries < r->cf.max_tries_per_record &&
	    now - r->fail_since < (long)r->cf.max_time_per_record * 1000)
		return;
	snprintf(msg, sizeof msg, "network failure sending to %s port %u "
		 "(%s)", r->cf.server, r->cf.port, why);
	if (act(r, &r->cf.network_failure, W_NET, msg) && r->q.count) {
		remote_queue_pop(&r->q);
		r->dropped++;
	}
	r->tries = 0;
}

static int try_connect(struct ar *r)
{
	struct addrinfo hints = { .ai_socktype = SOCK_STREAM,
				  .ai_flags = AI_ADDRCONFIG }, *ai, *p;
	char port[16];
	int one = 1, fd = -1, e;
	struct timeval tmo = { (time_t)r->cf.max_time_per_record, 0 };

	snprintf(port, sizeof port, "%u", r->cf.port);
	if ((e = getaddrinfo(r->cf.server, port, &hints, &ai)) != 0) {
		net_failed(r, gai_strerror(e));
		return -1;
	}
	for (p = ai; p; p = p->ai_next) {
		fd = socket(p->ai_family, p->ai_socktype | SOCK_CLOEXEC,
			    p->ai_protocol);
		if (fd < 0)
			continue;
		setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
		/* a host that does not answer (link down) must not hold the
		 * loop for the kernel's minutes of SYN retries */
		setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tmo, sizeof tmo);
		if (r->cf.local_port) {
			struct sockaddr_storage ss = { 0 };

			ss.ss_family = (sa_family_t)p->ai_family;
			((struct sockaddr_in *)&ss)->sin_port =
				htons((uint16_t)r->cf.local_port);
			if (bind(fd, (struct sockaddr *)&ss, p->ai_addrlen)) {
				close(fd);
				fd = -1;
				continue;
			}
		}
		if (connect(fd, p->ai_addr, p->ai_addrlen) == 0)
			break;
		close(fd);
		fd = -1;
	}
	e = errno;
	freeaddrinfo(ai);
	if (fd < 0) {
		net_failed(r, strerror(e));
		return -1;
	}
	setsockopt(fd, SOL_SOCKET, SO_KEEPALIVE, &one, sizeof one);
	setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
	tmo.tv_sec = 0;
	setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tmo, sizeof tmo);
	fcntl(fd, F_SETFL, O_NONBLOCK);
	r->sock = fd;
	r->connected = r->ever_connected = 1;
	r->remote_ended = 0;
	r->last_ms = now_ms();
	r->warned[W_START] = 0;
	return 0;
}

/* Frames the next queued records into out, up to the window. */
static void fill(struct ar *r)
{
	const char *p;
	size_t n, next;

	while (r->inflight < WINDOW && !r->hb_pending &&
	       remote_queue_get(&r->q, r->sendrel, &p, &n, &next)) {
		size_t k;

		if (r->cf.format == RF_ASCII) {
			if (r->olen + n + 1 > sizeof r->out)
				return;
			memcpy(r->out + r->olen, p, n);
			r->out[r->olen + n] = '\n';
			r->olen += n + 1;
		} else {
			k = remote_frame(r->out + r->olen, sizeof r->out -
					 r->olen, REMOTE_MESSAGE, r->seq + 1, p,
					 n > REMOTE_MAX_MSG ? REMOTE_MAX_MSG : n);
			if (!k)
				return;
			if (!r->inflight) {
				r->first_seq = r->seq + 1;
				r->wait_since = now_ms();
			}
			r->seq++;
			r->olen += k;
		}
		r->inflight++;
		r->sendrel = next;
		r->sent++;
	}
}

static void flush_out(struct ar *r)
{
	while (r->ooff < r->olen) {
		ssize_t w = send(r->sock, r->out + r->ooff, r->olen - r->ooff,
				 MSG_NOSIGNAL | MSG_DONTWAIT);

		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
			break;
		if (w <= 0) {
			net_failed(r, strerror(errno));
			return;
		}
		r->ooff += (size_t)w;
		r->last_ms = now_ms();
	}
	if (r->ooff == r->olen)
		r->olen = r->ooff = 0;
	if (r->cf.format == RF_ASCII && !r->olen) {
		/* ascii: written is done, nothing comes back */
		while (r->inflight) {
			r->sendrel -= remote_queue_pop(&r->q);
			r->inflight--;
			r->acked++;
		}
	}
}

/* The oldest record in flight got its answer: dequeue it. */
static void dequeue_head(struct ar *r)
{
	r->sendrel -= remote_queue_pop(&r->q);
	r->inflight--;
	r->first_seq++;
	r->wait_since = now_ms();
	r->tries = 0;
}

/* One reply from the server. */
static void reply(struct ar *r, const struct remote_hdr *h, const char *text,
		  size_t tlen)
{
	char msg[256];
	int drop;

	if (h->type == REMOTE_ENDING) {
		r->remote_ended = 1;
		snprintf(msg, sizeof msg, "remote server %s is ending",
			 r->cf.server);
		act(r, &r->cf.remote_ending, W_END, msg);
		disconnect(r);
		r->retry_at = now_ms() + (long)r->cf.network_retry_time * 1000;
		return;
	}
	if (r->hb_pending && h->seq == r->hb_seq && !r->inflight) {
		r->hb_pending = 0;
		return;
	}
	if (!r->inflight || h->seq != r->first_seq) {
		net_failed(r, "mismatched response");
		return;
	}
	snprintf(msg, sizeof msg, "remote server %s: %s%s%.*s", r->cf.server,
		 remote_type_name(h->type), tlen ? ": " : "", (int)tlen, text);
	switch (h->type) {
	case REMOTE_ACK:
		r->acked++;
		dequeue_head(r);
		return;
	case REMOTE_DISKLOW:	/* logged: the record goes in any case */
		act(r, &r->cf.disk_low, W_LOW, msg);
		r->acked++;
		dequeue_head(r);
		return;
	case REMOTE_DISKFULL:
		drop = act(r, &r->cf.disk_full, W_FULL, msg);
		break;
	case REMOTE_DISKERROR:
		drop = act(r, &r->cf.disk_error, W_ERR, msg);
		break;
	default:
		if (h->type & REMOTE_FATAL)
			drop = act(r, &r->cf.generic_error, W_GEN, msg);
		else if (h->type & REMOTE_WARN)
			drop = act(r, &r->cf.generic_warning, W_WARN, msg);
		else
			drop = 1;	/* an unknown success */
		if (!(h->type & REMOTE_FATAL)) {
			if (drop)
				dequeue_head(r);
			return;
		}
	}
	/* not logged: FULL, ERROR and fatal replies close the connection;
	 * the record goes or stays as the action says */
	if (drop) {
		dequeue_head(r);
		r->dropped++;
	}
	disconnect(r);
	/* the next record goes at once (as 3.0.9); one kept waits */
	r->retry_at = now_ms() + (drop ? 0 : (long)r->cf.network_retry_time *
				  1000);
}

static void read_replies(struct ar *r)
{
	struct remote_hdr h;
	const char *pl;
	size_t plen, room;
	unsigned char *dst;
	ssize_t n;
	enum remote_ev ev;

	dst = remote_space(&r->rp, &room);
	n = recv(r->sock, dst, room, MSG_DONTWAIT);
	if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK ||
		      errno == EINTR))
		return;
	if (n <= 0) {
		net_failed(r, n ? strerror(errno) : "connection closed by "
			   "the server");
		return;
	}
	remote_wrote(&r->rp, (size_t)n);
	r->last_ms = now_ms();
	while (r->connected &&
	       (ev = remote_next(&r->rp, &h, &pl, &plen)) != REMOTE_NEED) {
		if (ev != REMOTE_FRAME) {
			net_failed(r, "bad reply from the server");
			return;
		}
		reply(r, &h, pl, plen);
	}
	if (remote_queue_sync(&r->q) < 0)
		act(r, &r->cf.queue_error, W_QUEUE, "queue file error");
}

/* ---- input ---- */

static int is_eoe(const char *p, size_t n)
{
	if (n > 5 && !memcmp(p, "node=", 5)) {
		const char *sp = memchr(p, ' ', n);

		if (!sp)
			return 0;
		n -= (size_t)(sp + 1 - p);
		p = sp + 1;
	}
	return n >= 9 && !memcmp(p, "type=EOE ", 9);
}

static void enqueue(struct ar *r, const char *p, size_t n)
{
	int e;
	char msg[200];

	if (!n || is_eoe(p, n))
		return;
	e = remote_queue_push(&r->q, p, n);
	if (e == 1) {
		snprintf(msg, sizeof msg, "queue is full (queue_depth %u), "
			 "record dropped", r->cf.queue_depth);
		act(r, &r->cf.overflow, W_OVER, msg);
		r->dropped++;
	} else if (e < 0) {
		snprintf(msg, sizeof msg, "queue error (%s), record dropped",
			 strerror(-e));
		act(r, &r->cf.queue_error, W_QUEUE, msg);
		r->dropped++;
	}
}

/* While connected, input waits once this many records are queued: the
 * queue drains by itself and memory stays small (queue_depth is for
 * the time the collector cannot be reached). */
#define CONNECTED_QUEUE (4 * WINDOW)

/* 1 when input must wait (the queue drains); while the collector
 * cannot be reached, records queue up to queue_depth, then overflow. */
static int blocked(const struct ar *r)
{
	return r->connected && (r->q.count >= r->q.depth ||
				r->q.count >= CONNECTED_QUEUE);
}

/* Queues the complete lines read so far, while there is room. */
static void take_lines(struct ar *r)
{
	char *p = r->ibuf + r->ioff, *end = r->ibuf + r->ilen, *nl;
	int took = 0;

	for (; p < end && !blocked(r); p = nl + 1) {
		size_t k;

		nl = memchr(p, '\n', (size_t)(end - p));
		k = (size_t)((nl ? nl : end) - p);
		if (!r->skipping) {
			size_t room = sizeof r->line - r->llen;

			if (k > room) {		/* cut at the protocol's limit */
				k = room;
				r->skipping = 1;
			}
			memcpy(r->line + r->llen, p, k);
			r->llen += k;
		}
		if (!nl) {
			p = end;
			break;
		}
		enqueue(r, r->line, r->llen);
		took = 1;
		r->llen = 0;
		r->skipping = 0;
	}
	r->ioff = (size_t)(p - r->ibuf);
	if (r->ioff == r->ilen)
		r->ioff = r->ilen = 0;
	if (took && remote_queue_sync(&r->q) < 0)
		act(r, &r->cf.queue_error, W_QUEUE, "queue file error");
}

static void read_input(struct ar *r)
{
	ssize_t n;

	if (r->ilen)
		return;
	n = read(0, r->ibuf, sizeof r->ibuf);
	if (n < 0 && (errno == EAGAIN || errno == EINTR))
		return;
	if (n <= 0) {
		if (r->llen && !r->skipping)
			enqueue(r, r->line, r->llen);
		r->llen = 0;
		r->eof = 1;
		return;
	}
	r->ilen = (size_t)n;
	take_lines(r);
}

/* ---- signals and the loop ---- */

static void state_report(struct ar *r)
{
	say(LOG_INFO, "suspend=%s remote_ended=%s transport_ok=%s "
	    "queue_size=%u sent=%lu acked=%lu dropped=%lu",
	    r->suspended ? "yes" : "no", r->remote_ended ? "yes" : "no",
	    r->connected ? "yes" : "no", r->q.count, r->sent, r->acked,
	    r->dropped);
}

static void on_signal(struct ar *r, int sig)
{
	struct remote_conf ncf;

	switch (sig) {
	case SIGHUP:
		if (load_conf(r, &ncf) < 0) {
			say(LOG_ERR, "reload of %s failed, keeping the old "
			    "configuration", r->conf_path);
			break;
		}
		if (strcmp(ncf.server, r->cf.server) || ncf.port != r->cf.port ||
		    ncf.format != r->cf.format || ncf.local_port !=
		    r->cf.local_port)
			disconnect(r);
		/* the queue (and its mode) stays as started */
		ncf.mode = r->cf.mode;
		ncf.queue_depth = r->cf.queue_depth;
		memcpy(ncf.queue_file, r->cf.queue_file, sizeof ncf.queue_file);
		r->cf = ncf;
		memset(r->warned, 0, sizeof r->warned);
		break;
	case SIGTERM:
	case SIGINT:
		r->stop = 1;
		break;
	case SIGUSR1:
		state_report(r);
		break;
	case SIGUSR2:
		r->suspended = 0;
		r->remote_ended = 0;
		r->retry_at = 0;
		break;
	case SIGCHLD:
		while (waitpid(-1, NULL, WNOHANG) > 0)
			;
		break;
	}
}

static int setup(struct ar *r)
{
	sigset_t set;
	int e;

	sigemptyset(&set);
	sigaddset(&set, SIGHUP);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGUSR1);
	sigaddset(&set, SIGUSR2);
	sigaddset(&set, SIGCHLD);
	sigprocmask(SIG_BLOCK, &set, NULL);
	r->sigfd = signalfd(-1, &set, SFD_CLOEXEC | SFD_NONBLOCK);
	signal(SIGPIPE, SIG_IGN);
	fcntl(0, F_SETFL, fcntl(0, F_GETFL) | O_NONBLOCK);
	if (r->cf.mode == RM_FORWARD) {
		char dir[REMOTE_STR_MAX];
		char *slash;

		snprintf(dir, sizeof dir, "%s", r->cf.queue_file);
		slash = strrchr(dir, '/');
		if (slash && slash != dir) {
			*slash = 0;
			make_dirs(dir, 0700, NULL, NULL);
		}
	}
	e = remote_queue_open(&r->q, r->cf.queue_depth, r->cf.mode ==
			      RM_FORWARD ? r->cf.queue_file : NULL);
	if (e < 0) {
		warn_msg("%s: %s", r->cf.queue_file, e == -EINVAL ?
			 "not a queue file of ours" : strerror(-e));
		return -1;
	}
	if (r->q.count)
		say(LOG_NOTICE, "%u records queued in %s from before",
		    r->q.count, r->cf.queue_file);
	return r->sigfd < 0 ? -1 : 0;
}

/* The poll timeout: the next retry, the heartbeat, the reply deadline. */
static int timeout(struct ar *r, long now)
{
	long t = -1, d;

	if (!r->connected && r->q.count && !r->suspended)
		t = r->retry_at > now ? r->retry_at - now : 0;
	if (r->connected && (r->inflight || r->hb_pending)) {
		d = r->wait_since + (long)r->cf.max_time_per_record * 1000 -
		    now;
		t = d < 0 ? 0 : d;
	}
	if (r->connected && !r->inflight && !r->hb_pending &&
	    r->cf.heartbeat_timeout && r->cf.format == RF_MANAGED) {
		d = r->last_ms + (long)r->cf.heartbeat_timeout * 1000 - now;
		if (d < 0)
			d = 0;
		if (t < 0 || d < t)
			t = d;
	}
	if ((r->stop || r->eof) && t < 0)
		t = 0;
	return t > 60000 ? 60000 : (int)t;
}

static void heartbeat(struct ar *r, long now)
{
	size_t k;

	if (!r->connected || r->inflight || r->hb_pending ||
	    !r->cf.heartbeat_timeout || r->cf.format != RF_MANAGED ||
	    now - r->last_ms < (long)r->cf.heartbeat_timeout * 1000)
		return;
	k = remote_frame(r->out + r->olen, sizeof r->out - r->olen,
			 REMOTE_HEARTBEAT, ++r->seq, NULL, 0);
	r->olen += k;
	r->hb_seq = r->seq;
	r->hb_pending = 1;
	r->wait_since = now;
}

static int run(struct ar *r)
{
	long stop_by = 0;

	while (!r->quit) {
		struct pollfd p[3];
		int np = 0, in = -1, so = -1, t;
		long now = now_ms();

		if ((r->stop || r->eof) && !r->q.count)
			break;
		/* at TERM, what is queued gets max_time_per_record more;
		 * forward mode keeps it in its file instead */
		if (r->stop && !stop_by)
			stop_by = now + (r->cf.mode == RM_FORWARD ? 0 :
					 (long)r->cf.max_time_per_record * 1000);
		if (stop_by && now >= stop_by)
			break;
		if (r->eof && r->remote_ended && r->cf.remote_ending.action !=
		    RA_RECONNECT)
			break;
		p[np++] = (struct pollfd){ r->sigfd, POLLIN, 0 };
		/* a full queue that drains: input waits (the sender feels
		 * it, nothing is dropped); while the server cannot be
		 * reached, overflow_action says */
		if (r->ilen)
			take_lines(r);
		if (!r->eof && !r->stop && !r->ilen) {
			in = np;
			p[np++] = (struct pollfd){ 0, POLLIN, 0 };
		}
		if (!r->connected && r->q.count && !r->suspended &&
		    now >= r->retry_at)
			try_connect(r);
		if (r->connected && !r->suspended) {
			fill(r);
			heartbeat(r, now);
			if (r->olen)
				flush_out(r);
		}
		if (r->connected) {
			so = np;
			p[np++] = (struct pollfd){ r->sock, POLLIN |
						   (r->olen ? POLLOUT : 0), 0 };
		}
		t = timeout(r, now);
		if ((r->eof || r->stop) && r->suspended)
			break;
		if (poll(p, (nfds_t)np, t) < 0 && errno != EINTR)
			return 1;
		if (p[0].revents) {
			struct signalfd_siginfo si;

			while (read(r->sigfd, &si, sizeof si) == sizeof si)
				on_signal(r, (int)si.ssi_signo);
		}
		if (in >= 0 && p[in].revents)
			read_input(r);
		if (so >= 0 && r->connected && p[so].revents & POLLOUT)
			flush_out(r);
		if (so >= 0 && r->connected &&
		    p[so].revents & (POLLIN | POLLHUP | POLLERR))
			read_replies(r);
		now = now_ms();
		if (r->connected && (r->inflight || r->hb_pending) &&
		    r->cf.format == RF_MANAGED &&
		    now - r->wait_since >= (long)r->cf.max_time_per_record *
		    1000)
			net_failed(r, "no reply from the server");
	}
	if (r->q.count)
		say(LOG_NOTICE, "exiting with %u records %s", r->q.count,
		    r->cf.mode == RM_FORWARD ? "kept in the queue file" :
		    "not sent");
	return r->q.count ? 1 : 0;
}

int audisp_remote_main(int argc, char **argv)
{
	static struct ar r;
	const char *env = getenv("AUDITBOX_REMOTE_CONF");
	int rc;

	/* no options; arguments (plugins.d args) are ignored, as 3.0.9 */
	(void)argc;
	(void)argv;
	r.conf_path = env && *env ? env : "/etc/audit/audisp-remote.conf";
	r.sock = -1;
	if (load_conf(&r, &r.cf) < 0)
		return EXIT_CONF;
	remote_parser_init(&r.rp, 0);
	if (setup(&r) < 0)
		return 1;
	rc = run(&r);
	disconnect(&r);
	remote_queue_close(&r.q);
	return rc;
}
