/* auditd_int.h - private to the auditd applet: its state and the
 * functions shared by applets/auditd.c (command line, start-up) and
 * applets/auditd_run.c (event loop, signals, DAEMON_* records, actions,
 * plugins). */
#ifndef AUDITBOX_AUDITD_INT_H
#define AUDITBOX_AUDITD_INT_H

#include <auditbox/bgsync.h>
#include <auditbox/conf.h>
#include <auditbox/dispatch.h>
#include <auditbox/interpret.h>
#include <auditbox/logwrite.h>
#include <auditbox/netlink.h>
#include <auditbox/remote.h>

#include <limits.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>

/* The reference version whose format and behaviour we reproduce; it is
 * what DAEMON_START says in ver= and the state report. */
#define AUDITD_REF_VERSION "3.0.9"

#define AUDIT_DAEMON_START 1200
#define AUDIT_DAEMON_END 1201
#define AUDIT_DAEMON_ABORT 1202
#define AUDIT_DAEMON_CONFIG 1203
#define AUDIT_DAEMON_ROTATE 1205
#define AUDIT_DAEMON_RESUME 1206
#define AUDIT_DAEMON_ACCEPT 1207
#define AUDIT_DAEMON_CLOSE 1208

enum { START_DISABLE, START_ENABLE, START_NOCHANGE };

/* A plugin: an executable fed on stdin, or a builtin (af_unix socket,
 * syslog). */
enum { PK_EXEC, PK_AF_UNIX, PK_SYSLOG, PK_NONE };

struct plugin {
	struct plugin_conf pc;
	char name[256];		/* plugins.d file name */
	int kind;
	int on;			/* running (or listening) */
	int fd;			/* where records go; -1 none */
	int lfd;		/* af_unix: listening socket */
	int reader;		/* dispatch reader; -1 none */
	int checked;		/* reconfigure: still in plugins.d */
	pid_t pid;
	unsigned restarts;
	int prio;		/* syslog: facility | priority */
	int connected;		/* syslog: a daemon took the last datagram */
	long retry_at;		/* syslog: ms (monotonic) of the next try */
	char sock[108];		/* af_unix: socket path */
};

#define PLUGINS_MAX DISPATCH_MAX_READERS

struct auditd_plugins {
	struct plugin p[PLUGINS_MAX];
	int n;
	struct dispatch_q q;
	int ready;		/* queue memory allocated */
	unsigned depth;		/* q_depth the queue was made with */
	int pidx[PLUGINS_MAX * 2];	/* pollfd slot -> plugin */
	char out[64 * 1024];	/* bytes on their way to one plugin */
	char line[DISPATCH_DATA_MAX + 1];
};

/* auditd's listener (tcp_listen_port): applets/auditd_listen.c. */
#define LISTEN_MAX_CLIENTS 1024
#define LISTEN_PEND 64		/* records a client has in flight here */
#define LISTEN_OUT 4096		/* replies waiting for the client */

struct listen_client {
	int fd;
	char ip[64];		/* addr= text */
	unsigned port;
	unsigned char addr[16];	/* for tcp_max_per_addr */
	int family;
	long last_ms;		/* monotonic: last bytes read */
	int eof, dead;
	int more;		/* frames held, waiting for room */
	unsigned npend;
	uint32_t pseq[LISTEN_PEND];
	signed char pkind[LISTEN_PEND];
	uint64_t phash[LISTEN_PEND];	/* of a record remembered */
	uint64_t pline[LISTEN_PEND];	/* its line in the log writer */
	size_t olen, ooff;
	unsigned char out[LISTEN_OUT];
	struct remote_parser rp;
};

struct auditd_listen {
	int lfd[2], nlfd;
	int spare;		/* /dev/null, given up when out of fds */
	struct listen_client *c[LISTEN_MAX_CLIENTS];
	unsigned n;
	int again;		/* frames held that wait for room */
	long idle_check_ms;
	unsigned long records, skipped, resends;
	struct remote_seen seen;	/* resends written once */
};

struct auditd_opts {
	int foreground, allow_links, no_fork, test, startup;
	const char *config_dir;
};

struct auditd {
	struct auditd_opts opts;
	struct auditd_conf cf;
	struct diag diag;
	char conf_path[PATH_MAX];
	char node[256];		/* node= value; "" for none */
	char pidfile[PATH_MAX];
	const char *making;	/* what the directory being made is for */
	struct netlink nl;	/* the event stream (our audit pid port) */
	struct netlink_batch nb;	/* its records, many per recvmmsg */
	struct netlink req;	/* requests (signal info), never events */
	struct logwrite lw;
	struct logwrite_fs fs;	/* posix, with syncs in bg */
	struct bgsync bg;	/* INCREMENTAL_ASYNC's syncs */
	int sigfd, ready_fd, registered, stop, exit_code;
	uint32_t seq;		/* DAEMON_* record serials */
	unsigned long records;
	long pending_since;	/* ms: when the oldest unwritten byte came */
	struct interp ip;	/* ENRICHED: uid/gid name caches */
	char etail[4096];	/* ENRICHED: the current record's tail */
	char line[LOGWRITE_LINE_MAX + 4096];
	char wbuf[256 * 1024];
	struct auditd_plugins pl;
	struct auditd_listen ln;
};

void auditd_say(struct auditd *d, int prio, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* syslog(3), or with AUDITBOX_SYSLOG_SOCKET set (tests), a datagram
 * "<PRI>auditd[PID]: msg" to that socket. */
void auditd_syslog(int prio, const char *msg);
int auditd_load_config(struct auditd *d, struct auditd_conf *cf);
/* The node= name per name_format. 0 or -1 (message said). */
int auditd_node_name(struct auditd *d);
/* Writes one DAEMON_* record "audit(t:seq): <text> auid=.. pid=.. uid=..
 * ses=.. <res>" with our own identity. */
void auditd_daemon_record(struct auditd *d, int type, const char *text,
			  const char *res);
/* logwrite's callback for exec, email, single, halt. */
void auditd_request(void *arg, enum logwrite_req req, const char *exe);
/* Runs argv[0] (no environment, signals unblocked, stdin_fd as stdin
 * if >= 0). The child's pid, or -1. */
pid_t auditd_spawn(char *const argv[], int stdin_fd);

/* Writes "audit(t:seq): body" as a record of type (log and plugins). */
void auditd_write_record(struct auditd *d, int type, const char *body);

/* ---- the listener (applets/auditd_listen.c) ---- */
/* Opens the listening sockets of tcp_listen_port (none when 0). 0 or -1
 * (message said). */
int auditd_listen_start(struct auditd *d);
/* ENDING to every client, DAEMON_CLOSE for each, sockets closed. */
void auditd_listen_stop(struct auditd *d);
/* Adds the fds to watch to p[max]; returns how many. */
int auditd_listen_pollfds(struct auditd *d, struct pollfd *p, int max);
/* The poll timeout the listener needs (ms), or -1. */
int auditd_listen_timeout(struct auditd *d);
/* Accepts, reads, logs, flushes the log, then acks. */
void auditd_listen_io(struct auditd *d, struct pollfd *p, int n);
/* "listening for network connections = ..." of the state report. */
void auditd_listen_state(struct auditd *d, FILE *f);

/* ---- plugins (applets/auditd_plugins.c) ---- */
/* Reads plugins.d and starts the active plugins. 0 (also with none). */
int auditd_plugins_start(struct auditd *d);
/* HUP: re-reads plugins.d; new ones start, removed ones stop, the others
 * get SIGHUP (or a restart when their executable changed). */
void auditd_plugins_reconfigure(struct auditd *d);
/* Sends what can be sent, then EOF and SIGTERM to every plugin. */
void auditd_plugins_stop(struct auditd *d);
/* Queues one record (kernel text[len], its ENRICHED tail[tlen]) for the
 * plugins. Never blocks. */
void auditd_plugins_feed(struct auditd *d, int type, const char *text,
			 size_t len, const char *tail, size_t tlen);
/* Queues one network record (a whole line, VER2) for the plugins. */
void auditd_plugins_feed_line(struct auditd *d, const char *line,
			      size_t len);
/* Writes what each plugin can take now, without blocking. */
void auditd_plugins_flush(struct auditd *d);
/* Adds the plugin fds to watch to p[max]; returns how many. */
int auditd_plugins_pollfds(struct auditd *d, struct pollfd *p, int max);
/* Handles the revents of the slots auditd_plugins_pollfds filled. */
void auditd_plugins_io(struct auditd *d, struct pollfd *p, int n);
/* A child exited: if it was a plugin, restart it (max_restarts). */
void auditd_plugins_reaped(struct auditd *d, pid_t pid);
/* USR2: queueing resumes after an overflow suspend. */
void auditd_plugins_resume(struct auditd *d);
/* The plugin lines of the state report (SIGCONT). */
void auditd_plugins_state(struct auditd *d, FILE *f);
/* Milliseconds of the monotonic clock. */
long auditd_now_ms(void);
/* The poll loop until SIGTERM; returns the exit code. */
int auditd_loop(struct auditd *d);

#endif
