/* auditd_plugins - the dispatcher built into auditd: plugins.d files,
 * external plugins fed on stdin (string or binary), restarted up to
 * max_restarts, HUP and TERM forwarded; the builtin af_unix socket and
 * (beyond the reference) a builtin syslog plugin. Records go through the
 * q_depth queue of core/dispatch; every write is non-blocking, so a slow
 * or dead plugin never holds up the log. Reference behaviour: audit
 * 3.0.9 audisp/audispd.c, audispd-builtins.c, queue.c. Docs:
 * docs/auditd.8.md (PLUGINS). */
#include "applet.h"
#include <auditbox/tables.h>
#include "auditd_int.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <syslog.h>
#include <time.h>
#include <unistd.h>

/* The reference's builtins call syslog() directly, even with -f. */
static void builtin_say(int prio, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static void builtin_say(int prio, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	auditd_syslog(prio, msg);
}

static void plugin_note(void *arg, enum conf_level lvl,
			const struct conf_ctx *c, const char *msg)
{
	(void)c;
	if (lvl != CONF_DEBUG)
		auditd_say(arg, lvl == CONF_ERR ? LOG_ERR : LOG_WARNING, "%s",
			   msg);
}

/* The queue, made when the first plugin becomes active (cold path). */
static int queue_ready(struct auditd *d)
{
	struct auditd_plugins *pl = &d->pl;
	unsigned depth = d->cf.q_depth ? d->cf.q_depth : 1;
	size_t cap = (size_t)depth * 512;
	struct dispatch_entry *ent;
	char *buf;

	if (pl->ready)
		return 0;
	if (cap < 256 * 1024)
		cap = 256 * 1024;
	if (cap > 16 << 20)
		cap = 16 << 20;
	ent = calloc(depth, sizeof *ent);
	buf = malloc(cap);
	if (!ent || !buf) {
		free(ent);
		free(buf);
		auditd_say(d, LOG_ERR, "Cannot allocate the plugin queue");
		return -1;
	}
	dispatch_init(&pl->q, ent, depth, buf, cap);
	pl->depth = depth;
	pl->ready = 1;
	return 0;
}

/* A plugin whose socket is full gets no write until poll says it is
 * writable: a hanging plugin costs no system call per record. */
static void block(struct auditd *d, struct plugin *p)
{
	dispatch_reader_block(&d->pl.q, p->reader, 1);
}

static void unblock(struct auditd *d, struct plugin *p)
{
	if (p->reader >= 0)
		dispatch_reader_block(&d->pl.q, p->reader, 0);
}

/* ---- starting and stopping one plugin ---- */

static int exec_start(struct auditd *d, struct plugin *p)
{
	char *argv[CONF_PLUGIN_ARGS + 2];
	int sv[2], k = 0;

	argv[k++] = p->pc.path;
	for (int i = 0; i < p->pc.nargs; i++)
		argv[k++] = p->pc.args[i];
	argv[k] = NULL;
	if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) < 0)
		goto fail;
	p->pid = auditd_spawn(argv, sv[0]);
	close(sv[0]);
	if (p->pid < 0) {
		close(sv[1]);
		goto fail;
	}
	p->fd = sv[1];
	fcntl(p->fd, F_SETFL, fcntl(p->fd, F_GETFL) | O_NONBLOCK);
	return 0;
fail:
	auditd_say(d, LOG_ERR, "Error running %s (%s) continuing without it",
		   p->pc.path, tables_strerror(errno));
	p->pid = 0;
	return -1;
}

/* af_unix args, in any order: an octal mode, a socket path. */
static int af_unix_start(struct plugin *p)
{
	struct sockaddr_un a = { .sun_family = AF_UNIX };
	int mode = -1;

	p->sock[0] = 0;
	for (int i = 0; i < p->pc.nargs; i++) {
		const char *v = p->pc.args[i];
		char dir[CONF_STR_MAX], *slash;

		if (v[strspn(v, "0123456789")] == 0) {
			mode = (int)strtol(v, NULL, 8);
			continue;
		}
		if (!strchr(v, '/') || strlen(v) >= sizeof a.sun_path) {
			builtin_say(LOG_ERR, "Malformed path %s", v);
			return -1;
		}
		snprintf(dir, sizeof dir, "%s", v);
		slash = strrchr(dir, '/');
		*(slash == dir ? slash + 1 : slash) = 0;
		if (access(dir, X_OK) < 0) {
			builtin_say(LOG_ERR, "Couldn't open %s (%s)", dir,
				   tables_strerror(errno));
			return -1;
		}
		snprintf(p->sock, sizeof p->sock, "%s", v);
	}
	if (!p->sock[0])
		return -1;
	unlink(p->sock);
	snprintf(a.sun_path, sizeof a.sun_path, "%s", p->sock);
	p->lfd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK,
			0);
	if (p->lfd < 0) {
		builtin_say(LOG_ERR, "Couldn't open af_unix socket (%s)",
			   tables_strerror(errno));
		return -1;
	}
	if (bind(p->lfd, (struct sockaddr *)&a, sizeof a) < 0) {
		builtin_say(LOG_ERR, "Couldn't bind af_unix socket (%s)",
			   tables_strerror(errno));
		goto fail;
	}
	if (mode != -1 && chmod(p->sock, (mode_t)mode) < 0) {
		builtin_say(LOG_ERR, "Couldn't chmod %s to %04o (%s)",
			   p->sock, mode, tables_strerror(errno));
		goto fail;
	}
	listen(p->lfd, 5);
	builtin_say(LOG_INFO, "af_unix plugin initialized");
	return 0;
fail:
	close(p->lfd);
	p->lfd = -1;
	unlink(p->sock);
	return -1;
}

static int syslog_prio(struct plugin *p)
{
	static const struct { const char *n; int v; } t[] = {
		{ "LOG_DEBUG", LOG_DEBUG }, { "LOG_INFO", LOG_INFO },
		{ "LOG_NOTICE", LOG_NOTICE }, { "LOG_WARNING", LOG_WARNING },
		{ "LOG_ERR", LOG_ERR }, { "LOG_CRIT", LOG_CRIT },
		{ "LOG_ALERT", LOG_ALERT }, { "LOG_EMERG", LOG_EMERG },
		{ "LOG_LOCAL0", LOG_LOCAL0 }, { "LOG_LOCAL1", LOG_LOCAL1 },
		{ "LOG_LOCAL2", LOG_LOCAL2 }, { "LOG_LOCAL3", LOG_LOCAL3 },
		{ "LOG_LOCAL4", LOG_LOCAL4 }, { "LOG_LOCAL5", LOG_LOCAL5 },
		{ "LOG_LOCAL6", LOG_LOCAL6 }, { "LOG_LOCAL7", LOG_LOCAL7 },
		{ "LOG_AUTH", LOG_AUTH }, { "LOG_AUTHPRIV", LOG_AUTHPRIV },
		{ "LOG_DAEMON", LOG_DAEMON }, { "LOG_SYSLOG", LOG_SYSLOG },
		{ "LOG_USER", LOG_USER } };
	int prio = LOG_INFO, fac = LOG_USER;

	for (int i = 0; i < p->pc.nargs; i++) {
		size_t k;

		for (k = 0; k < sizeof t / sizeof t[0]; k++)
			if (!strcasecmp(p->pc.args[i], t[k].n))
				break;
		if (k == sizeof t / sizeof t[0]) {
			builtin_say(LOG_ERR, "Unknown log priority/facility "
				   "%s", p->pc.args[i]);
			return -1;
		}
		if (t[k].v & ~7)
			fac = t[k].v;
		else
			prio = t[k].v;
	}
	p->prio = fac | prio;
	return 0;
}

/* (Re)connects the syslog plugin's socket to the syslog daemon. */
static void syslog_connect(struct plugin *p)
{
	const char *path = getenv("AUDITBOX_SYSLOG_SOCKET");
	struct sockaddr_un a = { .sun_family = AF_UNIX };

	snprintf(a.sun_path, sizeof a.sun_path, "%s", path ? path :
		 "/dev/log");
	p->connected = connect(p->fd, (struct sockaddr *)&a, sizeof a) == 0;
	p->retry_at = auditd_now_ms() + 1000;
}

static int syslog_start(struct plugin *p)
{
	if (syslog_prio(p) < 0)
		return -1;
	p->fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
	if (p->fd < 0)
		return -1;
	syslog_connect(p);
	builtin_say(LOG_INFO, "syslog plugin initialized");
	return 0;
}

/* Starts p and gives it a reader. 0, or -1 (p stays off). */
static int plugin_start(struct auditd *d, struct plugin *p)
{
	int r = -1;

	p->fd = p->lfd = -1;
	p->pid = 0;
	switch (p->kind) {
	case PK_EXEC: r = exec_start(d, p); break;
	case PK_AF_UNIX: r = af_unix_start(p); break;
	case PK_SYSLOG: r = syslog_start(p); break;
	default:	/* counted as active, as 3.0.9 does */
		builtin_say(LOG_ERR, "Unknown builtin %s", p->pc.path);
		p->on = 1;
		return 0;
	}
	if (r < 0)
		return -1;
	/* syslog takes text whatever the format says */
	if (p->reader < 0 && p->kind != PK_AF_UNIX)
		p->reader = dispatch_reader_add(&d->pl.q,
			p->pc.format == PF_BINARY && p->kind == PK_EXEC ?
			DISPATCH_BINARY : DISPATCH_STRING);
	unblock(d, p);		/* a new process, an empty socket */
	p->on = 1;
	return 0;
}

static void close_fd(int *fd)
{
	if (*fd >= 0)
		close(*fd);
	*fd = -1;
}

/* Stops p for good: EOF, SIGTERM, its reader gone. */
static void plugin_stop(struct auditd *d, struct plugin *p)
{
	close_fd(&p->fd);
	close_fd(&p->lfd);
	if (p->kind == PK_AF_UNIX && p->sock[0])
		unlink(p->sock);
	if (p->pid > 0)
		kill(p->pid, SIGTERM);
	p->pid = 0;
	if (p->reader >= 0)
		dispatch_reader_remove(&d->pl.q, p->reader);
	p->reader = -1;
	p->on = 0;
}

/* An external plugin died or stopped reading: restart it unless it has
 * used up max_restarts (ref 3.0.9 messages). */
static void plugin_died(struct auditd *d, struct plugin *p)
{
	if (d->stop)
		return;
	auditd_say(d, LOG_ERR, "plugin %s terminated unexpectedly",
		   p->pc.path);
	close_fd(&p->fd);
	if (p->pid > 0)
		kill(p->pid, SIGTERM);
	p->pid = 0;
	p->restarts++;
	if (p->restarts > d->cf.max_restarts) {
		auditd_say(d, LOG_ERR, "plugin %s has exceeded max_restarts",
			   p->pc.path);
		plugin_stop(d, p);
		return;
	}
	if (plugin_start(d, p) < 0) {
		plugin_stop(d, p);
		return;
	}
	dispatch_reader_rewind(&d->pl.q, p->reader);
	auditd_say(d, LOG_NOTICE, "plugin %s was restarted", p->pc.path);
}

/* ---- plugins.d ---- */

static int plugin_kind(const struct plugin_conf *pc)
{
	if (pc->type == PT_ALWAYS)
		return PK_EXEC;
	if (!strcasecmp(pc->path, "builtin_af_unix"))
		return PK_AF_UNIX;
	if (!strcasecmp(pc->path, "builtin_syslog"))
		return PK_SYSLOG;
	return PK_NONE;
}

/* Calls fn for each readable, active plugins.d file. */
static void scan(struct auditd *d, void (*fn)(struct auditd *,
	const char *, struct plugin_conf *))
{
	DIR *dir = opendir(d->cf.plugin_dir);
	struct dirent *e;
	static struct plugin_conf pc;

	while (dir && (e = readdir(dir))) {
		char path[PATH_MAX + 300];
		struct diag dg;
		struct conf_ctx c = { .note = plugin_note, .note_arg = d,
				      .diag = &dg, .check_owner = 1 };

		if (!conf_plugin_name_ok(e->d_name))
			continue;
		/* ref 3.0.9 adds a "/" to plugin_dir: "dir//name" */
		snprintf(path, sizeof path, "%s%s/%s", d->cf.plugin_dir,
			 d->cf.plugin_dir[strlen(d->cf.plugin_dir) - 1] ==
			 '/' ? "" : "/", e->d_name);
		c.file = path;
		if (conf_plugin_load(&c, path, &pc) < 0) {
			auditd_say(d, LOG_ERR, "Skipping %s plugin due to "
				   "errors", e->d_name);
			continue;
		}
		if (pc.active)
			fn(d, e->d_name, &pc);
	}
	if (dir)
		closedir(dir);
}

static struct plugin *plugin_find(struct auditd *d, const char *name)
{
	for (int i = 0; i < d->pl.n; i++)
		if (!strcmp(d->pl.p[i].name, name))
			return &d->pl.p[i];
	return NULL;
}

static struct plugin *plugin_new(struct auditd *d, const char *name,
				 const struct plugin_conf *pc)
{
	struct plugin *p = plugin_find(d, name);

	if (!p) {
		if (d->pl.n == PLUGINS_MAX) {
			auditd_say(d, LOG_ERR, "Skipping %s plugin: more than "
				   "%d plugins", name, PLUGINS_MAX);
			return NULL;
		}
		p = &d->pl.p[d->pl.n++];
		memset(p, 0, sizeof *p);
		snprintf(p->name, sizeof p->name, "%s", name);
		p->fd = p->lfd = p->reader = -1;
	}
	p->pc = *pc;
	p->kind = plugin_kind(pc);
	p->restarts = 0;
	p->checked = 1;
	return p;
}

static void add_one(struct auditd *d, const char *name,
		    struct plugin_conf *pc)
{
	struct plugin *p = plugin_new(d, name, pc);

	if (p && queue_ready(d) == 0)
		plugin_start(d, p);
}

static int count_on(struct auditd *d)
{
	int n = 0;

	for (int i = 0; i < d->pl.n; i++)
		n += d->pl.p[i].on;
	return n;
}

int auditd_plugins_start(struct auditd *d)
{
	d->pl.n = 0;
	scan(d, add_one);
	if (!d->pl.n) {
		auditd_say(d, LOG_NOTICE, "No plugins found, not dispatching "
			   "events");
		return 0;
	}
	auditd_say(d, LOG_INFO, "audit dispatcher initialized with q_depth=%u "
		   "and %d active plugins", d->pl.depth, count_on(d));
	return 0;
}

/* HUP, one active file: new, turned on, unchanged or a new binary. */
static void reconf_one(struct auditd *d, const char *name,
		       struct plugin_conf *pc)
{
	struct plugin *p = plugin_find(d, name);

	if (!p || !p->on) {
		add_one(d, name, pc);
		return;
	}
	p->checked = 1;
	if (p->kind != PK_EXEC)
		return;
	if (p->pc.inode == pc->inode && !strcmp(p->pc.path, pc->path)) {
		if (p->pid > 0)
			kill(p->pid, SIGHUP);
		return;
	}
	auditd_say(d, LOG_INFO, "Restarting %s since binary changed",
		   p->pc.path);
	close_fd(&p->fd);
	if (p->pid > 0)
		kill(p->pid, SIGTERM);
	p->pc = *pc;
	if (plugin_start(d, p) < 0)
		plugin_stop(d, p);
	else
		dispatch_reader_rewind(&d->pl.q, p->reader);
}

void auditd_plugins_reconfigure(struct auditd *d)
{
	for (int i = 0; i < d->pl.n; i++)
		d->pl.p[i].checked = 0;
	scan(d, reconf_one);
	for (int i = 0; i < d->pl.n; i++) {
		struct plugin *p = &d->pl.p[i];

		if (p->checked || !p->on)
			continue;
		auditd_say(d, LOG_INFO, "Terminating %s because its now "
			   "inactive", p->pc.path);
		plugin_stop(d, p);
	}
	if (d->pl.ready)
		dispatch_resume(&d->pl.q, 1);
}

/* At exit, plugins that are reading get what is queued for them, for
 * at most a second; one that does not read is not waited for. */
static void drain_at_exit(struct auditd *d)
{
	struct pollfd p[PLUGINS_MAX * 2];

	for (int round = 0; round < 100; round++) {
		int n, k, w = 0;

		auditd_plugins_flush(d);
		n = auditd_plugins_pollfds(d, p, PLUGINS_MAX * 2);
		for (k = 0; k < n; k++)		/* writers only */
			if (p[k].events & POLLOUT)
				p[w++] = (struct pollfd){ p[k].fd, POLLOUT, 0 };
		if (!w || poll(p, (nfds_t)w, 10) <= 0)
			return;
		for (k = 0; k < d->pl.n; k++)	/* one more try each */
			unblock(d, &d->pl.p[k]);
	}
}

/* EOF first, so that a plugin can read what is in its socket and end on
 * its own; SIGTERM after half a second to those still running. */
void auditd_plugins_stop(struct auditd *d)
{
	struct timespec ts = { 0, 10 * 1000 * 1000 };
	int left;

	if (!d->pl.ready)
		return;
	drain_at_exit(d);
	for (int i = 0; i < d->pl.n; i++)
		close_fd(&d->pl.p[i].fd);
	for (int round = 0; round < 50; round++) {
		pid_t pid;

		while ((pid = waitpid(-1, NULL, WNOHANG)) > 0)
			auditd_plugins_reaped(d, pid);
		left = 0;
		for (int i = 0; i < d->pl.n; i++)
			left += d->pl.p[i].pid > 0;
		if (!left)
			break;
		nanosleep(&ts, NULL);
	}
	for (int i = 0; i < d->pl.n; i++)
		if (d->pl.p[i].on)
			plugin_stop(d, &d->pl.p[i]);
}

/* As the reference, a dead plugin is noticed (and restarted) when the
 * next record cannot be written to it (EPIPE). */
void auditd_plugins_reaped(struct auditd *d, pid_t pid)
{
	for (int i = 0; i < d->pl.n; i++)
		if (d->pl.p[i].pid == pid)
			d->pl.p[i].pid = 0;
}

void auditd_plugins_resume(struct auditd *d)
{
	if (d->pl.ready)
		dispatch_resume(&d->pl.q, 0);
}

void auditd_plugins_state(struct auditd *d, FILE *f)
{
	const struct dispatch_q *q = &d->pl.q;
	int ready = d->pl.ready;

	fprintf(f, "Number of active plugins = %d\n"
		"current plugin queue depth = %u\n"
		"max plugin queue depth used = %u\n"
		"plugin queue size = %u\n"
		"plugin queue overflow detected = %s\n"
		"plugin queueing suspended = %s\n", count_on(d),
		ready ? dispatch_depth(q) : 0, ready ? q->max_used : 0,
		d->cf.q_depth, ready && q->overflowed ? "yes" : "no",
		ready && q->suspended ? "yes" : "no");
}

/* ---- records ---- */

static void overflow(struct auditd *d)
{
	switch (dispatch_overflow(&d->pl.q, d->cf.overflow_action)) {
	case DISPATCH_ACT_NONE:
		break;
	case DISPATCH_ACT_WARN:
		auditd_say(d, LOG_ERR, "queue to plugins is full - dropping "
			   "event");
		break;
	case DISPATCH_ACT_WARN_LAST:
		auditd_say(d, LOG_ERR, "queue to plugins is full - dropping "
			   "event");
		auditd_say(d, LOG_ERR, "auditd queue full reporting limit "
			   "reached - ending dropped event notifications");
		break;
	case DISPATCH_ACT_SUSPEND:
		auditd_say(d, LOG_ALERT, "Auditd is suspending event passing "
			   "to plugins due to overflowing its queue.");
		break;
	case DISPATCH_ACT_SINGLE:
		auditd_say(d, LOG_ALERT, "Auditd is now changing the system to "
			   "single user mode due to overflowing its queue");
		auditd_request(d, LW_REQ_SINGLE, NULL);
		break;
	case DISPATCH_ACT_HALT:
		auditd_say(d, LOG_ALERT, "Auditd is now halting the system due "
			   "to overflowing its queue");
		auditd_request(d, LW_REQ_HALT, NULL);
		break;
	}
}

/* Queues one payload; a full queue gets what the plugins can take now,
 * then the overflow action. */
static void push(struct auditd *d, int type, int ver, const char *payload,
		 size_t len)
{
	struct auditd_plugins *pl = &d->pl;
	enum dispatch_push_rc rc;

	rc = dispatch_push(&pl->q, (uint32_t)type, ver, payload, len);
	if (rc == DISPATCH_FULL && dispatch_writable(&pl->q)) {
		/* a burst: give the plugins what they can take, then retry */
		auditd_plugins_flush(d);
		rc = dispatch_push(&pl->q, (uint32_t)type, ver, payload, len);
	}
	if (rc == DISPATCH_FULL)
		overflow(d);
}

void auditd_plugins_feed(struct auditd *d, int type, const char *text,
			 size_t len, const char *tail, size_t tlen)
{
	struct auditd_plugins *pl = &d->pl;
	const char *payload = text;
	int ver = DISPATCH_VER0, k;

	if (!pl->ready)
		return;
	/* Full, and no plugin can take anything until poll says so: the
	 * record is dropped at once, without formatting or a write. */
	if (dispatch_full(&pl->q, len) && !dispatch_writable(&pl->q)) {
		/* refused without a copy: counted, or suspended */
		if (dispatch_push(&pl->q, (uint32_t)type, ver, text, len) ==
		    DISPATCH_FULL)
			overflow(d);
		return;
	}
	/* VER2: the whole line, for node names and ENRICHED (ref 3.0.9) */
	if (d->node[0] || d->cf.log_format == LF_ENRICHED) {
		char tmp[32];
		const char *name = tables_msgtype_name(type);

		if (!name) {
			snprintf(tmp, sizeof tmp, "UNKNOWN[%d]", type);
			name = tmp;
		}
		k = snprintf(pl->line, sizeof pl->line, "%s%s%stype=%s msg=",
			     d->node[0] ? "node=" : "", d->node,
			     d->node[0] ? " " : "", name);
		if (k < 0 || (size_t)k >= sizeof pl->line)
			return;
		if (len > sizeof pl->line - (size_t)k)
			len = sizeof pl->line - (size_t)k;
		memcpy(pl->line + k, text, len);
		len += (size_t)k;
		/* the text ends at a NUL, then the ENRICHED tail */
		{
			const char *nul = memchr(pl->line + k, 0,
						 len - (size_t)k);

			if (nul)
				len = (size_t)(nul - pl->line);
		}
		/* ENRICHED lines are the log's: one trailing space dropped
		 * (3.0.9; node names alone keep it) */
		if (d->cf.log_format == LF_ENRICHED && len > (size_t)k &&
		    pl->line[len - 1] == ' ')
			len--;
		if (tlen > sizeof pl->line - len)
			tlen = sizeof pl->line - len;
		memcpy(pl->line + len, tail, tlen);
		len += tlen;
		payload = pl->line;
		ver = DISPATCH_VER2;
	}
	push(d, type, ver, payload, len);
}

void auditd_plugins_feed_line(struct auditd *d, const char *line, size_t len)
{
	if (d->pl.ready)	/* VER2, type 0: a network record (ref 3.0.9) */
		push(d, 0, DISPATCH_VER2, line, len);
}

/* syslog: one datagram per record, "<PRI>Mmm dd hh:mm:ss tag: text".
 * Without a syslog daemon (nothing at /dev/log, or it went away) the
 * records are dropped as syslog(3) drops them, without formatting or a
 * system call each: the socket is connected again at most once a
 * second. A daemon that is slow (its queue full) blocks the plugin
 * until poll says it is writable. */
static void syslog_send(struct auditd *d, struct plugin *p)
{
	struct auditd_plugins *pl = &d->pl;
	char head[64];
	time_t t;
	struct tm tm;
	size_t n, h;

	if (!p->connected && auditd_now_ms() >= p->retry_at)
		syslog_connect(p);
	if (!p->connected) {
		dispatch_reader_skip(&pl->q, p->reader);
		return;
	}
	t = time(NULL);
	localtime_r(&t, &tm);
	h = (size_t)snprintf(head, sizeof head, "<%d>", p->prio);
	h += strftime(head + h, sizeof head - h, "%b %e %H:%M:%S ", &tm);
	h += (size_t)snprintf(head + h, sizeof head - h, "audisp-syslog: ");
	while ((n = dispatch_fill_one(&pl->q, p->reader, pl->out,
				      sizeof pl->out - sizeof head))) {
		memmove(pl->out + h, pl->out, n - 1);	/* no newline */
		memcpy(pl->out, head, h);
		if (send(p->fd, pl->out, h + n - 1, MSG_NOSIGNAL) < 0) {
			if (errno == EAGAIN || errno == ENOBUFS) {
				block(d, p);	/* POLLOUT later */
				return;
			}
			if (errno == ECONNREFUSED || errno == ENOTCONN ||
			    errno == ENOENT || errno == EDESTADDRREQ) {
				/* the daemon went away */
				p->connected = 0;
				p->retry_at = auditd_now_ms() + 1000;
				dispatch_reader_skip(&pl->q, p->reader);
				return;
			}
		}
		/* sent, or refused for itself (too big): next */
		dispatch_advance(&pl->q, p->reader, n);
	}
}

/* Writes what p can take now. */
static void plugin_write(struct auditd *d, struct plugin *p)
{
	struct auditd_plugins *pl = &d->pl;
	size_t n;
	ssize_t w;

	if (!p->on || p->fd < 0 || p->reader < 0 ||
	    d->pl.q.rd[p->reader].blocked)
		return;
	if (p->kind == PK_SYSLOG) {
		syslog_send(d, p);
		return;
	}
	while ((n = dispatch_fill(&pl->q, p->reader, pl->out,
				  sizeof pl->out))) {
		w = send(p->fd, pl->out, n, MSG_NOSIGNAL | MSG_DONTWAIT);
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0 && errno == EAGAIN) {
			block(d, p);	/* until POLLOUT */
			return;
		}
		if (w < 0) {
			if (p->kind == PK_AF_UNIX) {	/* client gone */
				close_fd(&p->fd);
				dispatch_reader_remove(&pl->q, p->reader);
				p->reader = -1;
			} else {
				plugin_died(d, p);
			}
			return;
		}
		dispatch_advance(&pl->q, p->reader, (size_t)w);
		if ((size_t)w < n) {
			block(d, p);	/* full: until POLLOUT */
			return;
		}
	}
}

void auditd_plugins_flush(struct auditd *d)
{
	if (!d->pl.ready)
		return;
	for (int i = 0; i < d->pl.n; i++)
		plugin_write(d, &d->pl.p[i]);
}

int auditd_plugins_pollfds(struct auditd *d, struct pollfd *pfd, int max)
{
	struct auditd_plugins *pl = &d->pl;
	int k = 0;

	if (!pl->ready)
		return 0;
	for (int i = 0; i < pl->n && k < max; i++) {
		struct plugin *p = &pl->p[i];

		if (!p->on)
			continue;
		if (p->kind == PK_AF_UNIX && p->fd < 0 && p->lfd >= 0) {
			pfd[k] = (struct pollfd){ p->lfd, POLLIN, 0 };
			pl->pidx[k++] = i;
		} else if (p->fd >= 0 && (p->kind == PK_AF_UNIX ||
			   dispatch_pending(&pl->q, p->reader))) {
			short ev = dispatch_pending(&pl->q, p->reader) ?
				   POLLOUT : 0;

			if (p->kind == PK_AF_UNIX)
				ev |= POLLIN;	/* the client hanging up */
			pfd[k] = (struct pollfd){ p->fd, ev, 0 };
			pl->pidx[k++] = i;
		}
	}
	return k;
}

/* af_unix: one client at a time; it gets records from now on. */
static void af_unix_io(struct auditd *d, struct plugin *p, short rev)
{
	char junk[256];

	if (p->fd < 0) {
		p->fd = accept4(p->lfd, NULL, NULL, SOCK_CLOEXEC |
				SOCK_NONBLOCK);
		if (p->fd >= 0)
			p->reader = dispatch_reader_add(&d->pl.q,
				p->pc.format == PF_BINARY ? DISPATCH_BINARY :
				DISPATCH_STRING);
		return;
	}
	if (rev & (POLLIN | POLLHUP | POLLERR)) {
		ssize_t n = recv(p->fd, junk, sizeof junk, MSG_DONTWAIT);

		if (n == 0 || (n < 0 && errno != EAGAIN) || (rev & POLLERR)) {
			close_fd(&p->fd);
			if (p->reader >= 0)
				dispatch_reader_remove(&d->pl.q, p->reader);
			p->reader = -1;
			return;
		}
	}
	if (rev & POLLOUT) {
		unblock(d, p);
		plugin_write(d, p);
	}
}

void auditd_plugins_io(struct auditd *d, struct pollfd *pfd, int n)
{
	for (int k = 0; k < n; k++) {
		struct plugin *p = &d->pl.p[d->pl.pidx[k]];

		if (!pfd[k].revents)
			continue;
		if (p->kind == PK_AF_UNIX) {
			af_unix_io(d, p, pfd[k].revents);
		} else {	/* writable; a hang-up shows as EPIPE there */
			unblock(d, p);
			plugin_write(d, p);
		}
	}
}
