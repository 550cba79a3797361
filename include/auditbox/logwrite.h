/* logwrite - the audit log writer: RAW lines as the reference's auditd
 * writes them, buffered appends, flush modes, rotation (num_logs,
 * keep_logs), log file modes and group, space and disk actions. All file
 * system calls go through struct logwrite_fs, so the logic runs against a
 * fake file system in the unit tests. Never prints: messages (in the
 * reference's words) and actions the applet must carry out (exec, email,
 * single, halt) go to callbacks. Reference: audit 3.0.9 auditd-event.c. */
#ifndef AUDITBOX_LOGWRITE_H
#define AUDITBOX_LOGWRITE_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <auditbox/conf.h>

/* Longest formatted line (node name, type name, kernel text, newline). */
#define LOGWRITE_LINE_MAX (8970 + 256)

/* The file system as logwrite sees it. Each returns >= 0 or -errno. */
struct logwrite_fs {
	int (*open)(void *ctx, const char *path, int flags, mode_t mode);
	ssize_t (*write)(void *ctx, int fd, const void *buf, size_t n);
	int (*close)(void *ctx, int fd);
	int (*sync)(void *ctx, int fd, int data_only);
	int (*rename)(void *ctx, const char *from, const char *to);
	int (*unlink)(void *ctx, const char *path);
	int (*chmod)(void *ctx, const char *path, mode_t mode);
	int (*fchmod)(void *ctx, int fd, mode_t mode);
	int (*fchown)(void *ctx, int fd, uid_t uid, gid_t gid);
	int (*size)(void *ctx, int fd, uint64_t *bytes);
	/* free blocks for unprivileged users, block size, total blocks */
	int (*space)(void *ctx, int fd, uint64_t *avail, uint64_t *bsize,
		     uint64_t *total);
	int (*readable)(void *ctx, const char *path);	/* 1 or 0 */
	void *ctx;
	/* Optional: starts a sync of fd that runs beside the caller
	 * (flush = INCREMENTAL_ASYNC); its end is reported by
	 * logwrite_sync_done. 0 started, or -errno (then logwrite syncs in
	 * place). NULL: every sync is done in place. */
	int (*sync_start)(void *ctx, int fd, int data_only);
	/* Optional: sets have[i] for each FILE.i (0 < i < n) that exists,
	 * in one pass over the directory, so that a rotation renames only
	 * those (with num_logs 999 the reference tries 998 renames each
	 * time). 0, or -errno: then every rename is tried. */
	int (*list_rotated)(void *ctx, const char *file, unsigned n,
			    unsigned char *have);
	/* Optional: cuts fd to len bytes (a write that stopped inside a
	 * line leaves no torn line behind). NULL: the piece stays. */
	int (*truncate)(void *ctx, int fd, uint64_t len);
	/* Optional: the owner of a path (the log directory). NULL: left. */
	int (*chown)(void *ctx, const char *path, uid_t uid, gid_t gid);
};

/* Largest num_logs whose rotation uses list_rotated (keep_logs can go
 * further: it then tries every rename). */
#define LOGWRITE_SCAN_MAX 1024

/* The real file system. */
extern const struct logwrite_fs logwrite_fs_posix;

/* What the applet must do for an action logwrite cannot do itself. */
enum logwrite_req {
	LW_REQ_EXEC,		/* run arg (absolute path), no arguments */
	LW_REQ_EMAIL_LOW,	/* mail: low on disk space */
	LW_REQ_EMAIL_ADMIN,	/* mail: very low on disk space */
	LW_REQ_SINGLE,		/* single user mode */
	LW_REQ_HALT,		/* halt the system */
};

/* Syslog priorities of messages (same numbers as <syslog.h>). */
enum { LW_ALERT = 1, LW_CRIT = 2, LW_ERR = 3, LW_WARNING = 4, LW_NOTICE = 5,
       LW_INFO = 6, LW_DEBUG = 7 };

struct logwrite {
	const struct auditd_conf *cf;	/* caller's; re-read on each call */
	const struct logwrite_fs *fs;
	void (*note)(void *arg, int prio, const char *msg);
	void (*request)(void *arg, enum logwrite_req req, const char *arg2);
	void *cb_arg;
	int checks;		/* size and space checks (off with -f) */
	int fd;			/* -1: closed */
	int owns_fd;		/* 0: stdout given by the caller */
	uint64_t log_size;	/* bytes in the current file */
	char *buf;		/* pending bytes (caller's memory) */
	size_t cap, len;
	unsigned count;		/* records since start, for freq */
	int need_sync;		/* incremental: sync due at next flush */
	int sync_busy;		/* a background sync runs (sync_start) */
	unsigned long syncs;	/* syncs started */
	unsigned long syncs_coalesced;	/* came due while one was due */
	unsigned last_log;	/* keep_logs: next free number guess */
	/* state of the reference's flags */
	int suspended, fs_space_left, space_warned, admin_space_warned;
	int disk_err_warnings;
	int torn;		/* a failed write may have left a part line
				 * past log_size: cut before the next */
	unsigned rotations;	/* logs rotated or shifted */
	/* Lines (records) numbered from 1 since start as they are taken
	 * into buf; the last one known written whole; the ranges dropped
	 * since logwrite_drops_reset (a write that failed, a closed log),
	 * in order, merged when there are too many (then a written line
	 * may count as dropped, never the reverse); a failed sync makes
	 * every line written so far unsure. See logwrite_in_log. */
	uint64_t lines_queued, lines_written, unsure_upto;
#define LOGWRITE_DROPS 4
	uint64_t drop_lo[LOGWRITE_DROPS], drop_hi[LOGWRITE_DROPS];
	unsigned ndrop;
	size_t buf_lines;	/* lines in buf */
};

/* Sets up w (fd closed, nothing pending) with buf[cap] for pending
 * writes (cap >= LOGWRITE_LINE_MAX). */
void logwrite_init(struct logwrite *w, const struct auditd_conf *cf,
		   const struct logwrite_fs *fs, char *buf, size_t cap);

/* Formats one kernel record as the reference's RAW line into out[cap]
 * ("[node=N ]type=T msg=TEXT\n": newlines in text become spaces, one
 * trailing space is dropped, text stops at a NUL). node may be NULL.
 * Returns the length, with the newline. */
size_t logwrite_format_raw(char *out, size_t cap, const char *node,
			   int type, const char *text, size_t len);

/* Opens (creating with 0600, or 0640 with log_group) the log for append,
 * fixing its mode and owner. 0, or -errno after the reference's message. */
int logwrite_open(struct logwrite *w);
/* Uses fd (e.g. stdout for auditd -f) instead of the log file. */
void logwrite_use_fd(struct logwrite *w, int fd);
/* Appends one formatted line (with its newline). May write, rotate and
 * run actions. 0 written or queued, 1 dropped (suspended or write_logs
 * off), -1 write error (actions already run). */
int logwrite_line(struct logwrite *w, const char *line, size_t n);
/* Writes what is pending and runs due syncs and the space check. A due
 * sync under INCREMENTAL_ASYNC starts in the background (fs->sync_start)
 * unless one runs: then it waits for that one's end, and covers every
 * record written until it starts (coalesced). INCREMENTAL syncs in
 * place, as the reference documents. */
int logwrite_flush(struct logwrite *w);
/* A background sync ended with err (0 or -errno): ENOSPC (a device that
 * filled under the file system) runs disk_full_action, another error
 * disk_error_action, as for a write; a sync that came due meanwhile starts now when
 * nothing is left to write (else at the next flush). */
void logwrite_sync_done(struct logwrite *w, int err);
/* SIGUSR1: rotate now (keep_logs shifts instead). */
void logwrite_rotate_now(struct logwrite *w);
/* SIGUSR2: resume logging after a suspend; reopens if needed. */
void logwrite_resume(struct logwrite *w);
/* Removes log.N for N >= num_logs (rotate action only), as at start. */
void logwrite_remove_excess(struct logwrite *w);
/* Sets the modes of the log directory, rotated logs and the log, and the
 * directory's group (log_group), as the reference. */
void logwrite_fix_permissions(struct logwrite *w);
/* Flushes, runs in place a sync that came due while a background one
 * ran, and closes. */
void logwrite_close(struct logwrite *w);

/* 1 when line (a number from lines_queued just after it was taken) is
 * in the log, written whole and not made unsure by a failed sync; 0 when
 * it may not be. A caller that acknowledges records (the network
 * listener) asks for the lines taken since its logwrite_drops_reset. */
int logwrite_in_log(const struct logwrite *w, uint64_t line);
void logwrite_drops_reset(struct logwrite *w);

/* How single user mode (halt 0) or a halt (1) is carried out under the
 * init whose executable is init_exe (readlink of /proc/1/exe):
 * sysvinit and systemd take "/sbin/init 1" or "/sbin/init 0" (as the
 * reference); busybox and toybox init have no runlevels and halt on
 * SIGUSR1, which serves both (docs/compat.md). */
struct logwrite_initact {
	const char *argv[3];	/* run this when sig is 0 */
	int sig;		/* else send this signal to pid 1 */
};
void logwrite_init_action(const char *init_exe, int halt,
			  struct logwrite_initact *a);

#endif
