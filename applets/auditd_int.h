/* auditd_int.h - private to the auditd applet: its state and the
 * functions shared by applets/auditd.c (command line, start-up) and
 * applets/auditd_run.c (event loop, signals, DAEMON_* records, actions,
 * plugins). */
#ifndef AUDITBOX_AUDITD_INT_H
#define AUDITBOX_AUDITD_INT_H

#include <auditbox/conf.h>
#include <auditbox/logwrite.h>
#include <auditbox/netlink.h>

#include <limits.h>
#include <stdint.h>

/* The reference version whose format and behaviour we reproduce; it is
 * what DAEMON_START says in ver= and the state report. */
#define AUDITD_REF_VERSION "3.0.9"

#define AUDIT_DAEMON_START 1200
#define AUDIT_DAEMON_END 1201
#define AUDIT_DAEMON_ABORT 1202
#define AUDIT_DAEMON_CONFIG 1203
#define AUDIT_DAEMON_ROTATE 1205
#define AUDIT_DAEMON_RESUME 1206

enum { START_DISABLE, START_ENABLE, START_NOCHANGE };

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
	struct netlink nl;	/* the event stream (our audit pid port) */
	struct netlink req;	/* requests (signal info), never events */
	struct logwrite lw;
	int sigfd, ready_fd, registered, stop, exit_code;
	uint32_t seq;		/* DAEMON_* record serials */
	unsigned long records, plugins_active;
	char line[LOGWRITE_LINE_MAX];
	char wbuf[256 * 1024];
};

void auditd_say(struct auditd *d, int prio, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
int auditd_load_config(struct auditd *d, struct auditd_conf *cf);
/* The node= name per name_format. 0 or -1 (message said). */
int auditd_node_name(struct auditd *d);
/* Writes one DAEMON_* record "audit(t:seq): <text> auid=.. pid=.. uid=..
 * ses=.. <res>" with our own identity. */
void auditd_daemon_record(struct auditd *d, int type, const char *text,
			  const char *res);
/* logwrite's callback for exec, email, single, halt. */
void auditd_request(void *arg, enum logwrite_req req, const char *exe);
int auditd_plugins_start(struct auditd *d);
void auditd_plugins_stop(struct auditd *d);
/* The poll loop until SIGTERM; returns the exit code. */
int auditd_loop(struct auditd *d);

#endif
