/* auditd_run - the running daemon: the poll loop over netlink and a
 * signalfd, DAEMON_* records in the reference's words, signals (HUP
 * reload, TERM stop, USR1 rotate, USR2 resume, CONT state report),
 * the actions logwrite asks for (exec, email, single, halt) and the
 * plugins.d scan. Reference behaviour: audit 3.0.9 auditd(8). */
#include "applet.h"
#include <auditbox/interpret.h>
#include <auditbox/tables.h>
#include "auditd_int.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/signalfd.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <syslog.h>
#include <time.h>
#include <unistd.h>

/* ---- identity and node name ---- */

static void read_small(const char *path, char *out, size_t cap)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	ssize_t n = fd < 0 ? -1 : read(fd, out, cap - 1);

	if (fd >= 0)
		close(fd);
	if (n < 0)
		n = 0;
	out[n] = 0;
	out[strcspn(out, "\n")] = 0;
}

static unsigned long proc_ul(const char *path)
{
	char b[32];

	read_small(path, b, sizeof b);
	return b[0] ? strtoul(b, NULL, 10) : 4294967295UL;
}

int auditd_node_name(struct auditd *d)
{
	char host[256];
	struct addrinfo hints = { .ai_flags = AI_CANONNAME }, *ai;

	d->node[0] = 0;
	if (d->cf.node_name_format == N_NONE)
		return 0;
	if (d->cf.node_name_format == N_USER) {
		if (!d->cf.node_name[0]) {
			auditd_say(d, LOG_ERR, "User defined name missing");
			return -1;
		}
		snprintf(d->node, sizeof d->node, "%s", d->cf.node_name);
		return 0;
	}
	if (gethostname(host, sizeof host) < 0) {
		auditd_say(d, LOG_ERR, "Unable to get machine name");
		return -1;
	}
	host[sizeof host - 1] = 0;
	if (d->cf.node_name_format == N_HOSTNAME) {
		snprintf(d->node, sizeof d->node, "%s", host);
		return 0;
	}
	if (d->cf.node_name_format == N_NUMERIC)
		hints.ai_flags = AI_ADDRCONFIG;
	if (getaddrinfo(host, NULL, &hints, &ai) != 0) {
		auditd_say(d, LOG_ERR, "Cannot resolve hostname %s", host);
		return -1;
	}
	if (d->cf.node_name_format == N_FQD)
		snprintf(d->node, sizeof d->node, "%s",
			 ai->ai_canonname ? ai->ai_canonname : host);
	else if (getnameinfo(ai->ai_addr, ai->ai_addrlen, d->node,
			     sizeof d->node, NULL, 0, NI_NUMERICHOST))
		snprintf(d->node, sizeof d->node, "%s", host);
	freeaddrinfo(ai);
	auditd_say(d, LOG_DEBUG, "Resolved node name: %s", d->node);
	return 0;
}

/* ---- records ---- */

/* One record (kernel text[len]) to the plugins and, unless it is an EOE,
 * to the log: RAW, or ENRICHED with the interpreted tail. */
static void put_record(struct auditd *d, int type, const char *text,
		       size_t len)
{
	size_t n, t = 0;

	if (d->cf.log_format == LF_ENRICHED && type != AUDIT_EOE) {
		t = interpret_enrich(&d->ip, type, text, len, d->etail,
				     sizeof d->etail);
		if (t >= sizeof d->etail)
			t = strlen(d->etail);
	}
	auditd_plugins_feed(d, type, text, len, d->etail, t);
	if (type == AUDIT_EOE)
		return;		/* plugins only: never logged */
	n = logwrite_format_raw(d->line, sizeof d->line - t,
				d->node[0] ? d->node : NULL, type, text, len);
	if (t) {
		memcpy(d->line + n - 1, d->etail, t);
		n += t;
		d->line[n - 1] = '\n';
	}
	logwrite_line(&d->lw, d->line, n);
}

/* Formats "audit(sec.ms:seq): body" and writes it as a record of type. */
static void write_record(struct auditd *d, int type, const char *body)
{
	char text[1024];
	struct timeval tv;
	int k;

	gettimeofday(&tv, NULL);
	k = snprintf(text, sizeof text, "audit(%lu.%03u:%u): %s",
		     (unsigned long)tv.tv_sec, (unsigned)(tv.tv_usec / 1000),
		     ++d->seq, body);
	if (k < 0)
		return;
	if ((size_t)k >= sizeof text)
		k = sizeof text - 1;
	put_record(d, type, text, (size_t)k);
}

void auditd_write_record(struct auditd *d, int type, const char *body)
{
	write_record(d, type, body);
}

void auditd_daemon_record(struct auditd *d, int type, const char *text,
			  const char *res)
{
	char body[900], subj[256];

	read_small("/proc/self/attr/current", subj, sizeof subj);
	snprintf(body, sizeof body, "%s auid=%lu pid=%d uid=%u ses=%lu%s%s %s",
		 text, proc_ul("/proc/self/loginuid"), (int)getpid(),
		 (unsigned)getuid(), proc_ul("/proc/self/sessionid"),
		 subj[0] ? " subj=" : "", subj, res);
	write_record(d, type, body);
}

struct sender {
	int ok;
	uint32_t auid;
	int32_t pid;
	char ctx[256];
};

static int sig_reply(void *ctx, const struct nlmsghdr *h)
{
	struct sender *s = ctx;
	const struct audit_sig_info *si = NLMSG_DATA(h);
	size_t n;

	if (h->nlmsg_type != AUDIT_SIGNAL_INFO)
		return 0;
	if (h->nlmsg_len < NLMSG_LENGTH(sizeof *si))
		return -EPROTO;
	s->auid = si->uid;
	s->pid = si->pid;
	n = h->nlmsg_len - NLMSG_LENGTH(sizeof *si);
	if (n >= sizeof s->ctx)
		n = sizeof s->ctx - 1;
	memcpy(s->ctx, si->ctx, n);
	s->ctx[n] = 0;
	s->ok = 1;
	return 1;
}

/* Who sent the last signal, from the kernel (AUDIT_SIGNAL_INFO). */
static void sender_get(struct auditd *d, struct sender *s)
{
	memset(s, 0, sizeof *s);
	if (netlink_request(&d->req, AUDIT_SIGNAL_INFO, NULL, 0, sig_reply,
			    s) < 0)
		s->ok = 0;
}

/* "op=OP auid= uid= ses= pid= [subj=] res=RES" into body[cap], as
 * libaudit 3.0.9's audit_format_signal_info(): uid is the owner of
 * /proc/PID and ses its sessionid, 4294967295 both when the sender is
 * gone. */
static void sender_format(const struct sender *s, const char *op,
			  const char *res, char *body, size_t cap)
{
	struct stat st;
	char path[64], ses[32];
	unsigned uid = 4294967295U;

	snprintf(path, sizeof path, "/proc/%u", (unsigned)s->pid);
	if (stat(path, &st) == 0)
		uid = (unsigned)st.st_uid;
	snprintf(path, sizeof path, "/proc/%u/sessionid", (unsigned)s->pid);
	read_small(path, ses, sizeof ses);
	if (!ses[0])
		snprintf(ses, sizeof ses, "4294967295");
	snprintf(body, cap, "op=%s auid=%u uid=%u ses=%s pid=%d%s%s res=%s",
		 op, s->auid, uid, ses, (int)s->pid, s->ctx[0] ? " subj=" : "",
		 s->ctx, res);
}

/* A record naming the signal's sender; fallback when the kernel does
 * not say who sent it. */
static void sender_record(struct auditd *d, int type, const char *op,
			  const char *res, const char *fallback)
{
	struct sender s;
	char body[700];

	sender_get(d, &s);
	if (!s.ok) {
		write_record(d, type, fallback);
		return;
	}
	sender_format(&s, op, res, body, sizeof body);
	write_record(d, type, body);
}

/* ---- actions asked for by logwrite ---- */

pid_t auditd_spawn(char *const argv[], int stdin_fd)
{
	pid_t pid = fork();
	sigset_t all;

	if (pid != 0)
		return pid;
	sigfillset(&all);
	sigprocmask(SIG_UNBLOCK, &all, NULL);
	signal(SIGPIPE, SIG_DFL);
	if (stdin_fd >= 0)
		dup2(stdin_fd, 0);
	for (int fd = 3; fd < 1024; fd++)	/* inherited from init */
		close(fd);
	execve(argv[0], argv, NULL);
	_exit(127);
}

/* init's runlevel, or the signal busybox and toybox init take
 * (logwrite_init_action). */
static void change_runlevel(struct auditd *d, int halt)
{
	char exe[PATH_MAX] = "";
	ssize_t n = readlink("/proc/1/exe", exe, sizeof exe - 1);
	struct logwrite_initact a;

	if (n > 0)
		exe[n] = 0;
	logwrite_init_action(exe, halt, &a);
	if (a.sig) {
		if (kill(1, a.sig) < 0)
			auditd_say(d, LOG_ALERT, "Audit daemon failed to "
				   "signal init (%s)", tables_strerror(errno));
		return;
	}
	if (auditd_spawn((char *const *)a.argv, -1) < 0)
		auditd_say(d, LOG_ALERT, "Audit daemon failed to fork "
			   "switching runlevels");
}

static void send_mail(struct auditd *d, int admin)
{
	const char *cmd = d->cf.email_command;
	char *argv[] = { (char *)cmd, "-t", NULL };
	char msg[512];
	int p[2], n;

	if (access(cmd, X_OK)) {
		auditd_say(d, LOG_ALERT, "email action is not supported here: "
			   "%s is not executable", cmd);
		return;
	}
	if (pipe2(p, O_CLOEXEC) < 0)
		return;
	if (auditd_spawn(argv, p[0]) < 0)
		auditd_say(d, LOG_ALERT, "Audit daemon failed to fork while "
			   "sending email alert");
	close(p[0]);
	n = snprintf(msg, sizeof msg, "To: %s\nFrom: root\nSubject: %s\n\n%s\n",
		     d->cf.action_mail_acct, admin ? "Audit Admin Space Alert" :
		     "Audit Disk Space Alert", admin ? "The audit daemon is "
		     "very low on disk space for logging! Immediate action\n"
		     "is required to ensure no loss of service." : "The audit "
		     "daemon is low on disk space for logging! Please take "
		     "action\nto ensure no loss of service.");
	if (write(p[1], msg, (size_t)n) < 0)
		auditd_say(d, LOG_ALERT, "Error - starting mail");
	close(p[1]);
}

void auditd_request(void *arg, enum logwrite_req req, const char *exe)
{
	struct auditd *d = arg;
	char *argv[] = { (char *)exe, NULL };

	switch (req) {
	case LW_REQ_EXEC:
		if (!exe || auditd_spawn(argv, -1) < 0)
			auditd_say(d, LOG_ALERT, "Audit daemon failed to fork "
				   "doing safe_exec");
		break;
	case LW_REQ_EMAIL_LOW:
	case LW_REQ_EMAIL_ADMIN:
		send_mail(d, req == LW_REQ_EMAIL_ADMIN);
		break;
	case LW_REQ_SINGLE:
	case LW_REQ_HALT:
		change_runlevel(d, req == LW_REQ_HALT);
		break;
	}
}

/* ---- signals ---- */

/* SIGHUP, in 3.0.9's order: who sent it first (no answer: no-change,
 * nothing reloaded), then the config. A config that fails to load gets
 * the record 3.0.9 formats but never sends (docs/compat.md); a reload
 * gets reconfigure()'s own words: auid, pid and subj, "?" without one. */
static void reconfigure(struct auditd *d)
{
	static struct auditd_conf ncf;
	struct auditd_conf *o = &d->cf;
	struct sender s;
	char body[700];
	int reopen;

	sender_get(d, &s);
	if (!s.ok) {
		write_record(d, AUDIT_DAEMON_CONFIG, "op=reconfigure "
			     "state=no-change auid=-1 pid=-1 subj=? res=failed");
		return;
	}
	if (auditd_load_config(d, &ncf) < 0) {
		sender_format(&s, "reconfigure state=no-change", "failed",
			      body, sizeof body);
		write_record(d, AUDIT_DAEMON_CONFIG, body);
		return;
	}
	reopen = strcmp(o->log_file, ncf.log_file) || o->flush != ncf.flush ||
		 o->log_group != ncf.log_group ||
		 o->write_logs != ncf.write_logs;
	if (o->priority_boost != ncf.priority_boost) {
		errno = 0;
		if (nice(-(int)ncf.priority_boost) == -1 && errno)
			auditd_say(d, LOG_WARNING, "Cannot change priority in "
				   "reconfigure (%s)", tables_strerror(errno));
	}
	logwrite_flush(&d->lw);
	if (reopen && !d->opts.foreground)
		logwrite_close(&d->lw);
	*o = ncf;
	auditd_node_name(d);
	if (reopen && !d->opts.foreground) {
		logwrite_fix_permissions(&d->lw);
		if (logwrite_open(&d->lw) < 0) {
			auditd_say(d, LOG_ERR, "Could not reopen a log after "
				   "reconfigure");
			d->lw.suspended = 1;
		} else {
			d->lw.suspended = 0;
		}
	}
	snprintf(body, sizeof body, "op=reconfigure state=changed auid=%u "
		 "pid=%d subj=%s res=success", s.auid, (int)s.pid,
		 s.ctx[0] ? s.ctx : "?");
	write_record(d, AUDIT_DAEMON_CONFIG, body);
}

static void state_report(struct auditd *d)
{
	const char *path = getenv("AUDITBOX_STATEFILE");
	struct statfs sf;
	char now[64];
	time_t t = time(NULL);
	FILE *f;
	mode_t u;
	int fd;

	if (!path)
		path = "/var/run/auditd.state";
	u = umask(0137);	/* ref 3.0.9: 0640 whatever the umask */
	fd = open(path, O_CREAT | O_TRUNC | O_WRONLY | O_NOFOLLOW | O_CLOEXEC,
		  0640);
	umask(u);
	if (fd < 0 || !(f = fdopen(fd, "w"))) {
		auditd_say(d, LOG_ERR, "Unable to create %s (%s)", path,
			   tables_strerror(errno));
		if (fd >= 0)
			close(fd);
		return;
	}
	strftime(now, sizeof now, "%x %X", localtime(&t));
	fprintf(f, "audit version = %s\ncurrent time = %s\n"
		"process priority = %d\nwriting to logs = %s\n"
		"current log size = %lu KB\nmax log size = %lu KB\n"
		"logs detected last rotate/shift = %u\n",
		AUDITD_REF_VERSION, now, getpriority(PRIO_PROCESS, 0),
		d->cf.write_logs ? "yes" : "no",
		(unsigned long)(d->lw.log_size / 1024),
		d->cf.max_log_size * 1024, d->lw.rotations);
	if (d->lw.fd >= 0 && fstatfs(d->lw.fd, &sf) == 0)
		fprintf(f, "space left on partition = %s\n"
			"Logging partition free space %lu MB\n",
			d->lw.fs_space_left ? "yes" : "no",
			(unsigned long)((uint64_t)sf.f_bavail * sf.f_bsize >>
					20));
	fprintf(f, "space_left setting %lu MB\nadmin_space_left setting %lu "
		"MB\nlogging suspended = %s\nfile system space action "
		"performed = %s\nadmin space action performed = %s\n"
		"disk error detected = %s\n", d->cf.space_left,
		d->cf.admin_space_left, d->lw.suspended ? "yes" : "no",
		d->lw.space_warned ? "yes" : "no", d->lw.admin_space_warned ?
		"yes" : "no", d->lw.disk_err_warnings ? "yes" : "no");
	auditd_plugins_state(d, f);
	auditd_listen_state(d, f);
	fclose(f);
}

static void on_signal(struct auditd *d, int sig)
{
	switch (sig) {
	case SIGTERM:
	case SIGINT:
		sender_record(d, AUDIT_DAEMON_END, "terminate", "success",
			      "op=terminate auid=-1 uid=-1 ses=-1 pid=-1 subj=? "
			      "res=success");
		auditd_plugins_flush(d);	/* DAEMON_END to plugins */
		d->stop = 1;
		break;
	case SIGHUP:
		reconfigure(d);
		auditd_plugins_reconfigure(d);
		break;
	case SIGUSR1:
		logwrite_rotate_now(&d->lw);
		sender_record(d, AUDIT_DAEMON_ROTATE, "rotate-logs", "success",
			      "op=rotate-logs auid=-1 pid=-1 subj=? res=failed");
		break;
	case SIGUSR2:
		logwrite_resume(&d->lw);
		auditd_plugins_resume(d);
		sender_record(d, AUDIT_DAEMON_RESUME, "resume-logging",
			      "success", "op=resume-logging auid=-1 pid=-1 "
			      "subj=? res=success");
		break;
	case SIGCONT:
		state_report(d);
		break;
	case SIGCHLD: {
		pid_t pid;

		while ((pid = waitpid(-1, NULL, WNOHANG)) > 0)
			auditd_plugins_reaped(d, pid);
		break;
	}
	}
}

/* ---- the loop ---- */

long auditd_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Under load records come one by one, and writing whenever the socket
 * queue is empty would cost a write(2) per record. Pending bytes wait
 * for more, up to LINGER_MS after the first of them or LINGER_BYTES,
 * so that a write carries hundreds of records; a quiet log is written
 * LINGER_MS after its last record (data and sync flushing still write
 * each record at once). Returns the poll timeout: -1 when nothing is
 * pending. timeout: poll found nothing in time. */
#define LINGER_MS 5
#define LINGER_BYTES (64 * 1024)

#define NAP_BELOW 32
#define NAP_NS (1000 * 1000)

static int linger(struct auditd *d, int timeout)
{
	long now;

	if (!d->lw.len) {
		d->pending_since = 0;
		return -1;
	}
	now = auditd_now_ms();
	if (!d->pending_since)
		d->pending_since = now;
	if (timeout || d->lw.len >= LINGER_BYTES ||
	    now - d->pending_since >= LINGER_MS) {
		logwrite_flush(&d->lw);
		d->pending_since = 0;
		return -1;
	}
	return (int)(LINGER_MS - (now - d->pending_since));
}

/* Records are 1005 (USER) and up; below, and the few types above it that
 * only answer requests, are replies (acks of our AUDIT_SET). */
static int is_event(int type)
{
	return type >= AUDIT_USER && type != AUDIT_SIGNAL_INFO &&
	       type != AUDIT_LIST_RULES && type != AUDIT_TTY_GET &&
	       type != AUDIT_GET_FEATURE;
}

/* Reads every queued record and writes them; flushes when the queue is
 * empty. No allocation. */
static unsigned drain(struct auditd *d)
{
	const struct nlmsghdr *h;
	unsigned got = 0;
	size_t len;
	int r;

	while ((r = netlink_recv_batch(&d->nl, &d->nb, &h, &len)) != 0) {
		if (r < 0)	/* ref 3.0.9 */
			auditd_say(d, LOG_ERR, "Error receiving audit netlink "
				   "packet (%s)", tables_strerror(-r));
		if (r == -ENOBUFS)
			continue;	/* the kernel counts them as lost */
		if (r < 0)
			break;
		if (!is_event(h->nlmsg_type))
			continue;	/* replies to our requests */
		put_record(d, h->nlmsg_type, NLMSG_DATA(h), len);
		d->records++;
		got++;
	}
	linger(d, 0);
	auditd_plugins_flush(d);
	return got;
}

int auditd_loop(struct auditd *d)
{
	static struct pollfd p[3 + PLUGINS_MAX * 2 + 2 + LISTEN_MAX_CLIENTS];

	while (!d->stop) {
		int n, m, r, err, wait = linger(d, 0);
		int lwait = auditd_listen_timeout(d);

		if (lwait >= 0 && (wait < 0 || lwait < wait))
			wait = lwait;
		p[0] = (struct pollfd){ d->nl.fd, POLLIN, 0 };
		p[1] = (struct pollfd){ d->sigfd, POLLIN, 0 };
		p[2] = (struct pollfd){ bgsync_fd(&d->bg), POLLIN, 0 };
		n = auditd_plugins_pollfds(d, p + 3, PLUGINS_MAX * 2);
		m = auditd_listen_pollfds(d, p + 3 + n,
					  2 + LISTEN_MAX_CLIENTS);
		r = poll(p, (nfds_t)(3 + n + m), wait);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			return 1;
		}
		if (r == 0) {
			linger(d, 1);
			if (m)
				auditd_listen_io(d, p + 3 + n, m);
			continue;
		}
		/* A trickle of records under load means a wake-up per
		 * record; a short nap lets them gather in the socket's 32 MiB
		 * (the kernel's backlog is not held: kauditd keeps sending). */
		if (p[0].revents && drain(d) < NAP_BELOW)
			nanosleep(&(struct timespec){ 0, NAP_NS }, NULL);
		/* a background sync ended: its error reaches the disk
		 * actions, a sync due meanwhile starts */
		if (p[2].revents && bgsync_reap(&d->bg, &err))
			logwrite_sync_done(&d->lw, err);
		if (n)
			auditd_plugins_io(d, p + 3, n);
		if (m)
			auditd_listen_io(d, p + 3 + n, m);
		if (p[1].revents) {
			struct signalfd_siginfo si;

			/* records queued before the signal go first */
			drain(d);
			logwrite_flush(&d->lw);
			while (read(d->sigfd, &si, sizeof si) == sizeof si)
				on_signal(d, (int)si.ssi_signo);
			logwrite_flush(&d->lw);
			auditd_plugins_flush(d);
		}
	}
	drain(d);
	auditd_say(d, LOG_NOTICE, "The audit daemon is exiting.");
	return 0;
}
