/* auditd - the audit daemon: registers as the kernel's audit pid, reads
 * the record stream from netlink and writes every record to the log
 * (RAW), with rotation, space guards and the reference's DAEMON_*
 * records. Reference behaviour: audit 3.0.9 auditd(8). Docs:
 * docs/auditd.8.md, docs/auditd.conf.5.md */
#include "applet.h"
#include <auditbox/tables.h>
#include "auditd_int.h"

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/utsname.h>
#include <syslog.h>
#include <time.h>
#include <unistd.h>

const char auditd_usage[] =	/* ref 3.0.9 */
	"Usage: auditd [-f] [-l] [-n] [-s disable|enable|nochange] "
	"[-c <config_file>]\n";

enum { EXIT_INIT = 1, EXIT_ARGS = 2, EXIT_PRIV = 4, EXIT_CONF = 6 };

static int usage(void)
{
	fputs(auditd_usage, stderr);
	return EXIT_ARGS;
}

/* -s takes a prefix of disable, enable or nochange. */
static int startup_mode(const char *s)
{
	static const char *const modes[] = { "disable", "enable", "nochange" };
	size_t n = strlen(s);

	for (int i = 0; i < 3; i++)
		if (n && !strncmp(modes[i], s, n))
			return i;
	return -1;
}

static int parse_args(int argc, char **argv, struct auditd_opts *o)
{
	static const struct option longopts[] = {
		{ "foreground", no_argument, NULL, 'f' },
		{ "allow_links", no_argument, NULL, 'l' },
		{ "disable_fork", no_argument, NULL, 'n' },
		{ "enable_state", required_argument, NULL, 's' },
		{ "config_file", required_argument, NULL, 'c' },
		{ "test-config", no_argument, NULL, 't' },
		{ NULL, 0, NULL, 0 }
	};
	int c;

	memset(o, 0, sizeof *o);
	o->startup = START_ENABLE;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":flns:c:t", longopts, NULL)) >= 0) {
		switch (c) {
		case 'f': o->foreground = 1; break;
		case 'l': o->allow_links = 1; break;
		case 'n': o->no_fork = 1; break;
		case 't': o->test = 1; break;
		case 'c': o->config_dir = optarg; break;
		case 's':
			o->startup = startup_mode(optarg);
			if (o->startup < 0) {
				ref_msg("unknown startup mode '%s'", optarg);
				return usage();
			}
			break;
		case ':':	/* glibc's words, as the reference prints */
			if (optopt)
				ref_msg("%s: option requires an argument -- '%c'",
					argv[0], optopt);
			else
				ref_msg("%s: option '%s' requires an argument",
					argv[0], argv[optind - 1]);
			return usage();
		default:
			if (optopt)
				ref_msg("%s: invalid option -- '%c'", argv[0],
					optopt);
			else
				ref_msg("%s: unrecognized option '%s'", argv[0],
					argv[optind - 1]);
			return usage();
		}
	}
	if (optind < argc)
		return usage();
	return 0;
}

/* One datagram per message to the syslog daemon (/dev/log, or the test
 * hook AUDITBOX_SYSLOG_SOCKET), "<PRI>Mmm dd hh:mm:ss auditd[PID]: msg"
 * as syslog(3) writes it, but never waiting: syslog(3) sends on a
 * blocking socket, so a syslog daemon that stops reading would stop the
 * audit daemon at its next message. A message it cannot take now is
 * dropped, as syslog(3) drops one when there is no daemon. */
void auditd_syslog(int prio, const char *msg)
{
	const char *path = getenv("AUDITBOX_SYSLOG_SOCKET");
	struct sockaddr_un a = { .sun_family = AF_UNIX };
	char buf[1200], stamp[32];
	time_t t = time(NULL);
	struct tm tm;
	int fd, n;

	snprintf(a.sun_path, sizeof a.sun_path, "%s", path ? path :
		 "/dev/log");
	localtime_r(&t, &tm);
	strftime(stamp, sizeof stamp, "%b %e %H:%M:%S", &tm);
	n = snprintf(buf, sizeof buf, "<%d>%s auditd[%d]: %s",
		     LOG_DAEMON | prio, stamp, (int)getpid(), msg);
	if (n < 0)
		return;
	fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return;
	sendto(fd, buf, n < (int)sizeof buf ? (size_t)n : sizeof buf - 1,
	       MSG_DONTWAIT | MSG_NOSIGNAL, (struct sockaddr *)&a, sizeof a);
	close(fd);
}

/* Messages of the core: stderr with -f (as the reference, every level),
 * syslog otherwise, where the reference sends no debug message. */
void auditd_say(struct auditd *d, int prio, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;

	if (prio == LOG_DEBUG && !d->opts.foreground && !d->opts.test)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (d->opts.foreground || d->opts.test)
		ref_msg("%s", msg);
	else
		auditd_syslog(prio, msg);
}

static void conf_note(void *arg, enum conf_level lvl,
		      const struct conf_ctx *c, const char *msg)
{
	static const int prio[] = { LOG_DEBUG, LOG_INFO, LOG_WARNING, LOG_ERR };
	struct auditd *d = arg;

	if (d->opts.test) {	/* auditd -t: FILE:LINE: form */
		if (lvl == CONF_DEBUG)
			return;
		if (c->line)
			ref_msg("%s:%u: %s%s", c->file, c->line,
				lvl == CONF_WARN ? "warning: " : "", msg);
		else
			ref_msg("%s: %s%s", c->file,
				lvl == CONF_WARN ? "warning: " : "", msg);
		return;
	}
	auditd_say(d, prio[lvl], "%s", msg);
}

static void lw_note(void *arg, int prio, const char *msg)
{
	auditd_say(arg, prio, "%s", msg);
}

/* Loads DIR/auditd.conf (or the default) into cf. 0 or -1. */
int auditd_load_config(struct auditd *d, struct auditd_conf *cf)
{
	struct conf_ctx c = {
		.note = conf_note, .note_arg = d, .diag = &d->diag,
		.allow_links = d->opts.allow_links, .check_owner = 1,
	};
	int rc;

	snprintf(d->conf_path, sizeof d->conf_path, "%s/auditd.conf",
		 d->opts.config_dir ? d->opts.config_dir : "/etc/audit");
	c.file = d->conf_path;
	rc = conf_auditd_load(&c, d->conf_path, cf);
	if (rc < 0)
		return -1;
	/* no Kerberos or TLS here: tunnel instead (docs/auditd.conf.5.md) */
	if (cf->tcp_listen_port && (cf->transport != T_TCP ||
				    cf->enable_krb5)) {
		auditd_say(d, LOG_ERR, "%s: %s is not supported (use "
			   "transport = TCP over a tunnel)", d->conf_path,
			   cf->enable_krb5 ? "enable_krb5 = yes" :
			   cf->transport == T_TLS ? "transport = TLS" :
			   "transport = KRB5");
		return -1;
	}
	return 0;
}

/* Forks; the parent waits for the child's "ready" byte and exits with
 * its status, so that init systems see a failure. */
static int daemonize(struct auditd *d)
{
	int p[2], fd;
	pid_t pid;
	char st = 1;

	if (pipe2(p, O_CLOEXEC) < 0)
		return -1;
	pid = fork();
	if (pid < 0)
		return -1;
	if (pid > 0) {
		close(p[1]);
		if (read(p[0], &st, 1) != 1)
			st = 1;
		_exit(st);
	}
	close(p[0]);
	d->ready_fd = p[1];
	if (setsid() < 0 || chdir("/") < 0)
		return -1;
	fd = open("/dev/null", O_RDWR);
	if (fd < 0)
		return -1;
	dup2(fd, 0);
	dup2(fd, 1);
	dup2(fd, 2);
	if (fd > 2)
		close(fd);
	return 0;
}

static void tell_parent(struct auditd *d, char status)
{
	if (d->ready_fd >= 0) {
		if (write(d->ready_fd, &status, 1) < 0)
			d->ready_fd = d->ready_fd;	/* parent gone: fine */
		close(d->ready_fd);
		d->ready_fd = -1;
	}
}

static void said_made(void *arg, const char *dir, mode_t mode)
{
	struct auditd *d = arg;

	auditd_say(d, LOG_NOTICE, "Created directory %s (mode %04o) for the "
		   "%s", dir, (unsigned)mode, d->making);
}

/* mkdir -p of path's directory (the last with mode), each one made
 * said. 0, or -1 with errno and nothing said. */
static int make_parent(struct auditd *d, const char *path, mode_t mode,
		       const char *what)
{
	char dir[PATH_MAX];
	const char *slash = strrchr(path, '/');
	struct stat st;

	if (!slash || slash == path ||
	    (size_t)(slash - path) >= sizeof dir) {
		errno = ENOENT;
		return -1;
	}
	memcpy(dir, path, (size_t)(slash - path));
	dir[slash - path] = 0;
	if (stat(dir, &st) == 0)
		return 0;
	d->making = what;
	return make_dirs(dir, mode, said_made, d);
}

/* The pid file, /var/run/auditd.pid. On a bare root (an initramfs, a
 * rescue shell) its directory is made; where it cannot be (or the root
 * is read-only), auditd runs without a pid file and says so (the
 * reference exits). */
static int write_pidfile(struct auditd *d)
{
	const char *path = getenv("AUDITBOX_PIDFILE");
	char buf[32];
	int fd, n;

	if (!path)
		path = "/var/run/auditd.pid";
	if (!*path)
		return 0;
	unlink(path);
	fd = open(path, O_CREAT | O_EXCL | O_WRONLY | O_TRUNC | O_NOFOLLOW |
		  O_CLOEXEC, 0644);
	if (fd < 0 && errno == ENOENT &&
	    make_parent(d, path, 0755, "pid file") == 0)
		fd = open(path, O_CREAT | O_EXCL | O_WRONLY | O_TRUNC |
			  O_NOFOLLOW | O_CLOEXEC, 0644);
	if (fd < 0 && (errno == ENOENT || errno == EROFS)) {
		auditd_say(d, LOG_WARNING, "Unable to make %s (%s), running "
			   "without a pid file", path, tables_strerror(errno));
		return 0;
	}
	if (fd < 0) {
		auditd_say(d, LOG_ERR, "Unable to set pidfile (%s)",
			   tables_strerror(errno));
		return -1;
	}
	snprintf(d->pidfile, sizeof d->pidfile, "%s", path);
	n = snprintf(buf, sizeof buf, "%d\n", (int)getpid());
	if (write(fd, buf, (size_t)n) != n) {
		auditd_say(d, LOG_ERR, "Unable to write pidfile (%s)",
			   tables_strerror(errno));
		close(fd);
		return -1;
	}
	close(fd);
	return 0;
}

static void boost_priority(struct auditd *d)
{
	int fd;

	errno = 0;
	if (d->cf.priority_boost && nice(-(int)d->cf.priority_boost) == -1 &&
	    errno)
		auditd_say(d, LOG_ERR, "Cannot change priority (%s)",
			   tables_strerror(errno));
	fd = open("/proc/self/oom_score_adj", O_WRONLY | O_CLOEXEC);
	if (fd < 0) {
		auditd_say(d, LOG_ERR, "Cannot open out of memory adjuster");
		return;
	}
	if (write(fd, "-1000", 5) != 5)
		auditd_say(d, LOG_ERR, "Unable to adjust out of memory score");
	close(fd);
}

/* INCREMENTAL_ASYNC's syncs run in a thread of their own, started at
 * the first (after the fork of daemonize), so that the netlink reader
 * never waits for the disk. */
static int bg_sync_start(void *ctx, int fd, int data_only)
{
	struct bgsync *b = ctx;
	int r;

	if (!b->running && (r = bgsync_start(b)) < 0)
		return r;
	return bgsync_submit(b, fd, data_only);
}

/* The log: stdout with -f (as 3.0.9), else log_file. 0 or -1. */
static int open_log(struct auditd *d)
{
	d->fs = logwrite_fs_posix;
	d->fs.ctx = &d->bg;
	d->fs.sync_start = bg_sync_start;
	logwrite_init(&d->lw, &d->cf, &d->fs, d->wbuf, sizeof d->wbuf);
	d->lw.note = lw_note;
	d->lw.request = auditd_request;
	d->lw.cb_arg = d;
	if (d->opts.foreground) {
		logwrite_use_fd(&d->lw, 1);
		return 0;
	}
	/* Built-in defaults on a bare root: /var/log/audit is made, with
	 * the mode logwrite_fix_permissions gives it. (A log_file in a
	 * config must be in a directory that exists, as in the
	 * reference.) */
	if (d->cf.write_logs &&
	    make_parent(d, d->cf.log_file, d->cf.log_group ? 0750 : 0700,
			"audit log") < 0)
		auditd_say(d, LOG_ERR, "Unable to make the directory of %s "
			   "(%s)", d->cf.log_file, tables_strerror(errno));
	logwrite_remove_excess(&d->lw);
	logwrite_fix_permissions(&d->lw);
	return logwrite_open(&d->lw);
}

/* Registers as the audit pid and sets enabled per -s. 0 or -1 (with a
 * DAEMON_ABORT record written, as the reference).
 * The pid is set from the event socket (the kernel sends the records to
 * the port that asked) without waiting there for the ack: the records
 * the kernel held back (audit=1 before a daemon) and the CONFIG_CHANGE
 * of this very request may come before it, and an ack wait would skip
 * them. The kernel handles the request within our send, so the request
 * socket then reads whether it took; the ack is left to the event loop,
 * which passes over replies. */
static int register_daemon(struct auditd *d)
{
	struct audit_status st = { 0 }, cur;
	uint32_t seq;
	int r;

	st.mask = AUDIT_STATUS_PID;
	st.pid = (uint32_t)getpid();
	r = netlink_send(&d->nl, AUDIT_SET, &st, sizeof st, &seq);
	if (r == 0)
		r = netlink_status_get(&d->req, &cur, NULL);
	if (r == 0 && cur.pid != st.pid)
		r = -EEXIST;
	if (r < 0) {
		auditd_daemon_record(d, AUDIT_DAEMON_ABORT, "op=set-pid",
				     "res=failed");
		auditd_say(d, LOG_ERR, "Unable to set audit pid, exiting");
		return -1;
	}
	d->registered = 1;
	if (d->opts.startup == START_NOCHANGE)
		return 0;
	if (cur.enabled == 2)
		return 0;	/* immutable: leave it */
	memset(&st, 0, sizeof st);
	st.mask = AUDIT_STATUS_ENABLED;
	st.enabled = d->opts.startup == START_ENABLE;
	if (netlink_status_set(&d->req, &st) < 0) {
		auditd_daemon_record(d, AUDIT_DAEMON_ABORT, "op=set-enable",
				     "res=failed");
		auditd_say(d, LOG_ERR, "Unable to set initial audit startup "
			   "state to '%s', exiting", d->opts.startup ==
			   START_ENABLE ? "enable" : "disable");
		return -1;
	}
	return 0;
}

static void unregister_daemon(struct auditd *d)
{
	struct audit_status st = { 0 };

	if (!d->registered)
		return;
	st.mask = AUDIT_STATUS_PID;
	st.pid = 0;
	netlink_status_set(&d->req, &st);
	d->registered = 0;
}

static int setup_signals(struct auditd *d)
{
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, SIGHUP);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGUSR1);
	sigaddset(&set, SIGUSR2);
	sigaddset(&set, SIGCONT);
	sigaddset(&set, SIGCHLD);
	if (d->opts.foreground)
		sigaddset(&set, SIGINT);
	if (sigprocmask(SIG_BLOCK, &set, NULL) < 0)
		return -1;
	d->sigfd = signalfd(-1, &set, SFD_CLOEXEC | SFD_NONBLOCK);
	signal(SIGPIPE, SIG_IGN);
	return d->sigfd < 0 ? -1 : 0;
}

static int init(struct auditd *d)
{
	struct utsname u;
	char text[512];
	int r;

	if (auditd_node_name(d) < 0)
		return EXIT_INIT;
	if (!d->opts.foreground && !d->opts.no_fork && daemonize(d) < 0) {
		auditd_say(d, LOG_ERR, "Cannot daemonize (%s)",
			   tables_strerror(errno));
		return EXIT_INIT;
	}
	boost_priority(d);
	if (write_pidfile(d) < 0 || setup_signals(d) < 0)
		return EXIT_INIT;
	if (open_log(d) < 0)
		return EXIT_INIT;
	/* local_events = no: a collector of network records only, which
	 * never becomes the kernel's audit daemon (no event socket) */
	if ((d->cf.local_events && (r = netlink_open(&d->nl)) < 0) ||
	    (r = netlink_open(&d->req)) < 0) {
		auditd_say(d, LOG_ERR, "Cannot open netlink audit socket");
		return EXIT_INIT;
	}
	/* A deep queue (32 MiB of kernel memory, about 25k small records)
	 * absorbs bursts and scheduling hiccups: kauditd keeps sending. */
	r = 32 << 20;
	if (d->nl.fd >= 0 &&
	    setsockopt(d->nl.fd, SOL_SOCKET, SO_RCVBUFFORCE, &r, sizeof r))
		setsockopt(d->nl.fd, SOL_SOCKET, SO_RCVBUF, &r, sizeof r);
	if (auditd_plugins_start(d) < 0)
		return EXIT_INIT;
	if (auditd_listen_start(d) < 0) {
		auditd_daemon_record(d, AUDIT_DAEMON_ABORT, "op=network-init",
				     "res=failed");	/* ref 3.0.9 */
		return EXIT_INIT;
	}
	uname(&u);
	snprintf(text, sizeof text, "op=start ver=%s format=%s kernel=%.56s",
		 AUDITD_REF_VERSION, d->cf.log_format == LF_ENRICHED ?
		 "enriched" : "raw", u.release);
	auditd_daemon_record(d, AUDIT_DAEMON_START, text, "res=success");
	if (d->cf.local_events && register_daemon(d) < 0)
		return EXIT_INIT;
	auditd_say(d, LOG_NOTICE, "Init complete, auditd %s listening for "
		   "events (startup state %s)", AUDITD_REF_VERSION,
		   d->opts.startup == START_DISABLE ? "disable" :
		   d->opts.startup == START_ENABLE ? "enable" : "nochange");
	logwrite_flush(&d->lw);
	return 0;
}

int auditd_main(int argc, char **argv)
{
	static struct auditd d;	/* big buffers: not on the stack */
	int rc = parse_args(argc, argv, &d.opts);

	if (rc)
		return rc;
	d.ready_fd = d.sigfd = -1;
	d.nl.fd = d.req.fd = -1;
	interpret_init(&d.ip);
	if (geteuid() != 0 && !d.opts.test) {
		ref_msg("You must be root or have capabilities to run this "
			"program.");
		return EXIT_PRIV;
	}
	if (auditd_load_config(&d, &d.cf) < 0) {
		if (!d.opts.test)
			auditd_say(&d, LOG_ERR, "The audit daemon is exiting.");
		return EXIT_CONF;
	}
	if (d.opts.test)
		return 0;
	/* ref 3.0.9: never a group- or world-writable file, for us and the
	 * plugins we start (an af_unix socket is bound before its chmod) */
	if (!d.opts.foreground)
		umask(umask(077) | 022);
	/* DAEMON_* serials start at a random point below 10000, as 3.0.9 */
	d.seq = (uint32_t)((getpid() ^ time(NULL)) % 10000);
	rc = init(&d);
	if (rc == 0)
		tell_parent(&d, 0);
	if (rc == 0)
		rc = auditd_loop(&d);
	tell_parent(&d, (char)rc);
	auditd_listen_stop(&d);
	auditd_plugins_stop(&d);
	unregister_daemon(&d);
	logwrite_close(&d.lw);
	bgsync_stop(&d.bg);
	if (d.pidfile[0])
		unlink(d.pidfile);
	netlink_close(&d.nl);
	netlink_close(&d.req);
	return rc;
}
