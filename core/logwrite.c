/* logwrite - the audit log: RAW lines, buffered appends, flush modes,
 * rotation, space and disk actions, as audit 3.0.9's auditd does them
 * (auditd-event.c), with every file system call behind struct
 * logwrite_fs. Docs: docs/auditd.8.md, docs/audit.log.5.md */
#include <auditbox/logwrite.h>
#include <auditbox/tables.h>

#include <errno.h>
#include <signal.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <dirent.h>
#include <unistd.h>

#define MEGABYTE (1024UL * 1024UL)

/* ---- the real file system ---- */

static int px_open(void *c, const char *p, int fl, mode_t m)
{
	int fd;

	(void)c;
	do
		fd = open(p, fl | O_CLOEXEC, m);
	while (fd < 0 && (errno == EINTR || errno == ENFILE));
	return fd < 0 ? -errno : fd;
}

static ssize_t px_write(void *c, int fd, const void *b, size_t n)
{
	ssize_t r;

	(void)c;
	do
		r = write(fd, b, n);
	while (r < 0 && errno == EINTR);
	return r < 0 ? -errno : r;
}

static int px_close(void *c, int fd) { (void)c; return close(fd) ? -errno : 0; }

static int px_sync(void *c, int fd, int data)
{
	(void)c;
	return (data ? fdatasync(fd) : fsync(fd)) ? -errno : 0;
}

static int px_rename(void *c, const char *a, const char *b)
{
	(void)c;
	return rename(a, b) ? -errno : 0;
}

static int px_unlink(void *c, const char *p)
{
	(void)c;
	return unlink(p) ? -errno : 0;
}

/* A link to a file is never followed (a log, or a rotated log, replaced
 * by a link would hand its mode to the link's target); a link to a
 * directory is (a log directory elsewhere, as admins make them). */
static int px_chmod(void *c, const char *p, mode_t m)
{
	struct stat st;

	(void)c;
	if (lstat(p, &st))
		return -errno;
	if (S_ISLNK(st.st_mode) && (stat(p, &st) || !S_ISDIR(st.st_mode)))
		return -ELOOP;
	return chmod(p, m) ? -errno : 0;
}

static int px_fchmod(void *c, int fd, mode_t m)
{
	(void)c;
	return fchmod(fd, m) ? -errno : 0;
}

static int px_fchown(void *c, int fd, uid_t u, gid_t g)
{
	(void)c;
	return fchown(fd, u, g) ? -errno : 0;
}

static int px_size(void *c, int fd, uint64_t *b)
{
	struct stat st;

	(void)c;
	if (fstat(fd, &st))
		return -errno;
	*b = (uint64_t)st.st_size;
	return 0;
}

static int px_space(void *c, int fd, uint64_t *avail, uint64_t *bsize,
		    uint64_t *total)
{
	struct statfs s;

	(void)c;
	if (fstatfs(fd, &s))
		return -errno;
	*avail = s.f_bavail;
	*bsize = (uint64_t)s.f_bsize;
	*total = s.f_blocks;
	return 0;
}

static int px_readable(void *c, const char *p)
{
	(void)c;
	return access(p, R_OK) == 0;
}

static int px_list_rotated(void *c, const char *file, unsigned n,
			   unsigned char *have)
{
	const char *slash = strrchr(file, '/'), *base = slash ? slash + 1 :
							     file;
	char dir[CONF_STR_MAX];
	size_t bl = strlen(base);
	struct dirent *e;
	DIR *d;

	(void)c;
	if (!slash)
		snprintf(dir, sizeof dir, ".");
	else
		snprintf(dir, sizeof dir, "%.*s", slash == file ? 1 :
			 (int)(slash - file), file);
	if (!(d = opendir(dir)))
		return -errno;
	while ((e = readdir(d))) {
		const char *p = e->d_name + bl + 1;
		unsigned long v = 0;

		if (strncmp(e->d_name, base, bl) || e->d_name[bl] != '.' ||
		    *p < '1' || *p > '9')
			continue;	/* "log.N" only, as the renames name them */
		for (; *p >= '0' && *p <= '9' && v < n; p++)
			v = v * 10 + (unsigned long)(*p - '0');
		if (!*p && v < n)
			have[v] = 1;
	}
	closedir(d);
	return 0;
}

static int px_truncate(void *c, int fd, uint64_t len)
{
	(void)c;
	return ftruncate(fd, (off_t)len) ? -errno : 0;
}

static int px_chown(void *c, const char *p, uid_t u, gid_t g)
{
	(void)c;
	return chown(p, u, g) ? -errno : 0;
}

const struct logwrite_fs logwrite_fs_posix = {
	px_open, px_write, px_close, px_sync, px_rename, px_unlink, px_chmod,
	px_fchmod, px_fchown, px_size, px_space, px_readable, NULL, NULL,
	px_list_rotated, px_truncate, px_chown
};

/* ---- messages ---- */

static void say(struct logwrite *w, int prio, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void say(struct logwrite *w, int prio, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	if (!w->note)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	w->note(w->cb_arg, prio, msg);
}

static void request(struct logwrite *w, enum logwrite_req r, const char *a)
{
	if (w->request)
		w->request(w->cb_arg, r, a);
}

/* ---- formatting ---- */

/* Appends s[n] at out[at], within lim; the new end. */
static size_t put(char *out, size_t at, size_t lim, const char *s, size_t n)
{
	if (at >= lim)
		return at;
	if (n > lim - at)
		n = lim - at;
	memcpy(out + at, s, n);
	return at + n;
}

size_t logwrite_format_raw(char *out, size_t cap, const char *node,
			   int type, const char *text, size_t len)
{
	const char *name = tables_msgtype_name(type);
	char unknown[32];
	const char *nul;
	size_t k = 0, lim;

	if (!name) {
		snprintf(unknown, sizeof unknown, "UNKNOWN[%d]", type);
		name = unknown;
	}
	if (!text) {
		text = "lost";
		len = 4;
	}
	nul = memchr(text, 0, len);
	if (nul)
		len = (size_t)(nul - text);
	/* ref 3.0.9: the line is cut to MAX_AUDIT_MESSAGE_LENGTH - 32 */
	if (cap > 8970 - 32)
		cap = 8970 - 32;
	if (!cap)
		return 0;
	lim = cap - 1;		/* as snprintf: room for the newline */
	if (node) {
		k = put(out, k, lim, "node=", 5);
		k = put(out, k, lim, node, strlen(node));
		k = put(out, k, lim, " ", 1);
	}
	k = put(out, k, lim, "type=", 5);
	k = put(out, k, lim, name, strlen(name));
	k = put(out, k, lim, " msg=", 5);
	k = put(out, k, lim, text, len);
	for (char *p = out; (p = memchr(p, '\n', k - (size_t)(p - out)));)
		*p = ' ';
	if (k > 0 && out[k - 1] == ' ')
		k--;
	out[k++] = '\n';
	return k;
}

/* ---- opening and permissions ---- */

static mode_t log_mode(const struct logwrite *w)
{
	return w->cf->log_group ? 0640 : 0600;
}

static mode_t old_mode(const struct logwrite *w)
{
	return w->cf->log_group ? 0440 : 0400;
}

static void numbered(char *out, size_t cap, const char *file, unsigned n)
{
	snprintf(out, cap, "%s.%u", file, n);
}

int logwrite_open(struct logwrite *w)
{
	const struct logwrite_fs *fs = w->fs;
	const char *file = w->cf->log_file;
	int fl = O_WRONLY | O_APPEND | O_NOFOLLOW, fd, r;

	if (!w->cf->write_logs)
		return 0;
	if (w->cf->flush == FT_DATA)
		fl |= O_DSYNC;
	else if (w->cf->flush == FT_SYNC)
		fl |= O_SYNC;
	fd = fs->open(fs->ctx, file, fl, 0);
	if (fd == -ENOENT) {
		fd = fs->open(fs->ctx, file, O_CREAT | O_EXCL | O_WRONLY,
			      log_mode(w));
		if (fd < 0) {
			say(w, LW_ERR, "Unable to create %s (%s)", file,
			    tables_strerror(-fd));	/* ref 3.0.9 */
			say(w, LW_CRIT, "Couldn't create log file %s (%s)",
			    file, tables_strerror(-fd));
			return fd;
		}
		fs->close(fs->ctx, fd);
		fd = fs->open(fs->ctx, file, fl, 0);
		w->log_size = 0;
	} else if (fd >= 0 && (r = fs->size(fs->ctx, fd, &w->log_size)) < 0) {
		fs->close(fs->ctx, fd);
		return r;
	}
	if (fd < 0) {
		say(w, LW_CRIT, "Couldn't open log file %s (%s)", file,
		    tables_strerror(-fd));
		return fd;
	}
	if ((r = fs->fchmod(fs->ctx, fd, log_mode(w))) < 0) {
		say(w, LW_ERR, "Couldn't change permissions of log file (%s)",
		    tables_strerror(-r));
		fs->close(fs->ctx, fd);
		return r;
	}
	if ((r = fs->fchown(fs->ctx, fd, 0, w->cf->log_group)) < 0) {
		say(w, LW_ERR, "Couldn't change ownership of log file (%s)",
		    tables_strerror(-r));
		fs->close(fs->ctx, fd);
		return r;
	}
	w->fd = fd;
	w->owns_fd = 1;
	return 0;
}

void logwrite_use_fd(struct logwrite *w, int fd)
{
	w->fd = fd;
	w->owns_fd = 0;
	w->checks = 0;
}

void logwrite_init(struct logwrite *w, const struct auditd_conf *cf,
		   const struct logwrite_fs *fs, char *buf, size_t cap)
{
	memset(w, 0, sizeof *w);
	w->cf = cf;
	w->fs = fs;
	w->fd = -1;
	w->buf = buf;
	w->cap = cap;
	w->checks = 1;
	w->last_log = 1;
	w->fs_space_left = 1;
}

static int untear(struct logwrite *w);

static void close_fd(struct logwrite *w)
{
	if (w->fd >= 0 && w->owns_fd) {
		untear(w);	/* a log left (rotated) ends whole, if it can */
		w->fs->close(w->fs->ctx, w->fd);
	}
	w->fd = -1;
	w->torn = 0;
}

void logwrite_fix_permissions(struct logwrite *w)
{
	const struct logwrite_fs *fs = w->fs;
	const char *file = w->cf->log_file, *slash = strrchr(file, '/');
	char path[CONF_STR_MAX + 16];

	if (slash && slash != file) {
		snprintf(path, sizeof path, "%.*s", (int)(slash - file), file);
		fs->chmod(fs->ctx, path, w->cf->log_group ? 0750 : 0700);
		/* ref 3.0.9: log_group may enter it to read the logs */
		if (fs->chown)
			fs->chown(fs->ctx, path, 0, w->cf->log_group);
	}
	for (unsigned i = 1; i < w->cf->num_logs; i++) {
		numbered(path, sizeof path, file, i);
		if (fs->chmod(fs->ctx, path, old_mode(w)) == -ENOENT)
			break;
	}
	fs->chmod(fs->ctx, file, log_mode(w));
}

void logwrite_remove_excess(struct logwrite *w)
{
	char path[CONF_STR_MAX + 16];

	if (w->cf->max_log_size_action.action != SZ_ROTATE ||
	    w->cf->num_logs < 2)
		return;
	for (unsigned i = w->cf->num_logs;; i++) {
		numbered(path, sizeof path, w->cf->log_file, i);
		if (w->fs->unlink(w->fs->ctx, path) < 0)
			break;
		say(w, LW_NOTICE, "Log %s removed as it exceeds num_logs "
		    "parameter", path);
	}
}

/* ---- actions ---- */

static void do_disk_full(struct logwrite *w);
static void rotate(struct logwrite *w, unsigned num_logs);

/* Closes the log and suspends, so that an exec'd script may move it. */
static void exec_action(struct logwrite *w, const char *exe)
{
	logwrite_flush(w);
	close_fd(w);
	w->suspended = 1;
	request(w, LW_REQ_EXEC, exe);
}

static void do_disk_error(struct logwrite *w, const char *func, int err)
{
	const struct conf_act *a = &w->cf->disk_error_action;

	switch (a->action) {
	case FA_SYSLOG:
		if (w->disk_err_warnings < 5) {
			say(w, LW_ALERT, "%s: Audit daemon detected an error "
			    "writing an event to disk (%s)", func,
			    tables_strerror(err));
			w->disk_err_warnings++;
		}
		break;
	case FA_EXEC:
		exec_action(w, a->exe);
		break;
	case FA_SUSPEND:
		say(w, LW_ALERT, "Audit daemon is suspending logging due to "
		    "previously mentioned write error");
		/* closed, as the reference: the file may be moved or
		 * removed by hand, and USR2 opens the log anew */
		close_fd(w);
		w->suspended = 1;
		break;
	case FA_SINGLE:
		say(w, LW_ALERT, "The audit daemon is now changing the system "
		    "to single user mode due to previously mentioned write "
		    "error");
		request(w, LW_REQ_SINGLE, NULL);
		break;
	case FA_HALT:
		say(w, LW_ALERT, "The audit daemon is now halting the system "
		    "due to previously mentioned write error.");
		request(w, LW_REQ_HALT, NULL);
		break;
	default:
		break;
	}
}

static void do_disk_full(struct logwrite *w)
{
	const struct conf_act *a = &w->cf->disk_full_action;

	say(w, LW_ALERT, "Audit daemon has no space left on logging "
	    "partition");
	switch (a->action) {
	case FA_ROTATE:
		if (w->cf->num_logs > 1) {
			say(w, LW_NOTICE, "Audit daemon rotating log files");
			rotate(w, 0);
		}
		break;
	case FA_EXEC:
		exec_action(w, a->exe);
		break;
	case FA_SUSPEND:
		say(w, LW_ALERT, "Audit daemon is suspending logging due to no "
		    "space left on logging partition.");
		w->suspended = 1;
		break;
	case FA_SINGLE:
		say(w, LW_ALERT, "The audit daemon is now changing the system "
		    "to single user mode due to no space left on logging "
		    "partition");
		request(w, LW_REQ_SINGLE, NULL);
		break;
	case FA_HALT:
		say(w, LW_ALERT, "The audit daemon is now halting the system due"
		    " to no space left on logging partition");
		request(w, LW_REQ_HALT, NULL);
		break;
	default:	/* ignore; syslog: said above */
		break;
	}
}

static void do_space_left(struct logwrite *w, int admin)
{
	const struct conf_act *a = admin ? &w->cf->admin_space_left_action :
					   &w->cf->space_left_action;

	switch (a->action) {
	case FA_SYSLOG:
		say(w, LW_ALERT, "Audit daemon is low on disk space for logging");
		break;
	case FA_ROTATE:
		if (w->cf->num_logs > 1) {
			say(w, LW_NOTICE, "Audit daemon rotating log files");
			rotate(w, 0);
		}
		break;
	case FA_EMAIL:
		request(w, admin ? LW_REQ_EMAIL_ADMIN : LW_REQ_EMAIL_LOW, NULL);
		say(w, LW_ALERT, admin ? "Audit daemon is very low on disk space "
		    "for logging" : "Audit daemon is low on disk space for "
		    "logging");
		break;
	case FA_EXEC:
		exec_action(w, a->exe);
		break;
	case FA_SUSPEND:
		say(w, LW_ALERT, "Audit daemon is suspending logging due to low "
		    "disk space.");
		w->suspended = 1;
		break;
	case FA_SINGLE:
		say(w, LW_ALERT, "The audit daemon is now changing the system "
		    "to single user mode");
		request(w, LW_REQ_SINGLE, NULL);
		break;
	case FA_HALT:
		say(w, LW_ALERT, "The audit daemon is now halting the system");
		request(w, LW_REQ_HALT, NULL);
		break;
	default:
		break;
	}
}

/* Blocks of bsize that make limit MiB, or limit % of total. */
static uint64_t limit_blocks(unsigned long limit, int pct, uint64_t bsize,
			     uint64_t total)
{
	if (pct)
		return total * limit / 100;
	return bsize ? (uint64_t)limit * (MEGABYTE / bsize) : 0;
}

static void check_space(struct logwrite *w)
{
	const struct auditd_conf *cf = w->cf;
	uint64_t avail, bsize, total;

	if (w->fd < 0 || w->fs->space(w->fs->ctx, w->fd, &avail, &bsize,
				      &total) < 0)
		return;
	if (avail < 5) {	/* the reference keeps the last 5 blocks */
		/* once, until there is room again (or USR2) */
		if (w->fs_space_left) {
			w->fs_space_left = 0;
			do_disk_full(w);
		}
		return;
	}
	w->fs_space_left = 1;
	if (avail < limit_blocks(cf->space_left, cf->space_left_pct, bsize,
				 total)) {
		if (!w->space_warned) {
			w->space_warned = 1;
			do_space_left(w, 0);
		}
	} else if (w->space_warned &&
		   cf->space_left_action.action == FA_SYSLOG) {
		w->space_warned = 0;
	}
	if (w->fd < 0)
		return;
	if (avail < limit_blocks(cf->admin_space_left,
				 cf->admin_space_left_pct, bsize, total)) {
		if (!w->admin_space_warned) {
			w->admin_space_warned = 1;
			do_space_left(w, 1);
		}
	} else if (w->admin_space_warned &&
		   cf->admin_space_left_action.action == FA_SYSLOG) {
		w->admin_space_warned = 0;
	}
}

/* ---- rotation ---- */

/* Renames log.(i-1) to log.i down to log -> log.1 and reopens. */
static void rotate(struct logwrite *w, unsigned num_logs)
{
	const struct logwrite_fs *fs = w->fs;
	const char *file = w->cf->log_file;
	char oldn[CONF_STR_MAX + 16], newn[CONF_STR_MAX + 16];
	unsigned char have[LOGWRITE_SCAN_MAX];
	int r, scanned = 0;

	if (w->cf->num_logs < 2) {
		say(w, LW_NOTICE, "Log rotation disabled (num_logs < 2), "
		    "skipping");
		return;
	}
	if (w->len)
		logwrite_flush(w);
	if (w->fd >= 0 && w->owns_fd) {
		if ((r = fs->fchmod(fs->ctx, w->fd, old_mode(w))) < 0)
			say(w, LW_WARNING, "Couldn't change permissions while "
			    "rotating log file (%s)", tables_strerror(-r));
		if ((r = fs->fchown(fs->ctx, w->fd, 0, w->cf->log_group)) < 0)
			say(w, LW_WARNING, "Couldn't change ownership while "
			    "rotating log file (%s)", tables_strerror(-r));
	}
	close_fd(w);
	if (num_logs == 0)
		num_logs = w->cf->num_logs;
	if (num_logs <= LOGWRITE_SCAN_MAX && fs->list_rotated) {
		memset(have, 0, num_logs);
		scanned = fs->list_rotated(fs->ctx, file, num_logs, have) == 0;
	}
	for (unsigned i = num_logs - 1; i > 1; i--) {
		if (scanned && !have[i - 1])
			continue;	/* its rename would say ENOENT */
		numbered(oldn, sizeof oldn, file, i - 1);
		numbered(newn, sizeof newn, file, i);
		r = fs->rename(fs->ctx, oldn, newn);
		if (r < 0 && r != -ENOENT) {
			say(w, LW_ERR, "Error rotating logs from %s to %s (%s)",
			    oldn, newn, tables_strerror(-r));
			if (r == -ENOSPC && w->fs_space_left) {
				w->fs_space_left = 0;
				do_disk_full(w);
			} else {
				do_disk_error(w, "rotate", -r);
			}
		}
	}
	numbered(oldn, sizeof oldn, file, 1);
	r = fs->rename(fs->ctx, file, oldn);
	if (r < 0 && r != -ENOENT) {
		say(w, LW_ERR, "Error rotating logs from %s to %s (%s)", file,
		    oldn, tables_strerror(-r));
		if (r == -ENOSPC && w->fs_space_left) {
			w->fs_space_left = 0;
			do_disk_full(w);
		} else {
			do_disk_error(w, "rotate2", -r);
		}
		fs->chmod(fs->ctx, file, log_mode(w));
	}
	w->rotations++;
	if ((r = logwrite_open(w)) < 0) {
		say(w, LW_CRIT, "Could not reopen a log after rotating.");
		w->suspended = 1;
		do_disk_error(w, "reopen", -r);
	}
}

/* keep_logs: rotate over every existing log.N, deleting none. */
static void shift(struct logwrite *w)
{
	char name[CONF_STR_MAX + 16];
	unsigned n = w->last_log;

	for (;; n++) {
		numbered(name, sizeof name, w->cf->log_file, n);
		if (!w->fs->readable(w->fs->ctx, name))
			break;
	}
	if (n <= w->last_log && w->last_log > 1) {
		say(w, LW_WARNING, "Last known log disappeared (%s)", name);
		for (n = w->last_log = 1;; n++) {
			numbered(name, sizeof name, w->cf->log_file, n);
			if (!w->fs->readable(w->fs->ctx, name))
				break;
		}
		say(w, LW_INFO, "Next log to use will be %s", name);
	}
	w->last_log = n;
	rotate(w, n + 1);
}

void logwrite_rotate_now(struct logwrite *w)
{
	if (w->cf->max_log_size_action.action == SZ_KEEP_LOGS)
		shift(w);
	else
		rotate(w, 0);
}

static void check_size(struct logwrite *w)
{
	const struct conf_act *a = &w->cf->max_log_size_action;

	if (w->log_size / MEGABYTE < w->cf->max_log_size)
		return;
	switch (a->action) {
	case SZ_SYSLOG:
		say(w, LW_ERR, "Audit daemon log file is larger than max size");
		break;
	case SZ_SUSPEND:
		say(w, LW_ERR, "Audit daemon is suspending logging due to "
		    "logfile size.");
		w->suspended = 1;
		break;
	case SZ_ROTATE:
		if (w->cf->num_logs > 1) {
			say(w, LW_NOTICE, "Audit daemon rotating log files");
			rotate(w, 0);
		}
		break;
	case SZ_KEEP_LOGS:
		say(w, LW_NOTICE, "Audit daemon rotating log files with keep "
		    "option");
		shift(w);
		break;
	case SZ_EXEC:
		exec_action(w, a->exe);
		break;
	default:
		break;
	}
}

/* ---- writing ---- */

/* A write or a sync failed with e: no space runs disk_full_action
 * (once, until there is room again), anything else disk_error_action. */
static void io_failed(struct logwrite *w, const char *func, int e)
{
	if (e != ENOSPC) {
		do_disk_error(w, func, e);
	} else if (w->fs_space_left) {
		w->fs_space_left = 0;
		do_disk_full(w);
	}
}

/* Lines in p[0..n). */
static uint64_t count_lines(const char *p, size_t n)
{
	uint64_t k = 0;
	const char *e = p + n;

	while ((p = memchr(p, '\n', (size_t)(e - p)))) {
		k++;
		p++;
	}
	return k;
}

/* Lines lo..hi (inclusive) did not reach the log. */
static void dropped(struct logwrite *w, uint64_t lo, uint64_t hi)
{
	unsigned k = w->ndrop;

	if (lo > hi)
		return;
	if (k && (k == LOGWRITE_DROPS || w->drop_hi[k - 1] + 1 >= lo)) {
		w->drop_hi[k - 1] = hi;	/* joined (or merged: too many) */
		return;
	}
	w->drop_lo[k] = lo;
	w->drop_hi[k] = hi;
	w->ndrop = k + 1;
}

/* The lines in buf are gone after off of its bytes reached the file:
 * the whole lines among those count as written; a torn last line is cut
 * off the file again (at once, else before the next write); the rest
 * are dropped. */
static void buf_lost(struct logwrite *w, size_t off)
{
	uint64_t first = w->lines_queued - w->buf_lines + 1;
	size_t whole = off;

	while (whole && w->buf[whole - 1] != '\n')
		whole--;
	if (whole)
		w->lines_written = first - 1 + count_lines(w->buf, whole);
	dropped(w, first + count_lines(w->buf, whole), w->lines_queued);
	w->buf_lines = 0;
	/* the part line written, and whatever the file system kept of the
	 * failed write, are cut now or before the next write (untear) */
	if (w->owns_fd) {
		w->log_size -= off - whole;
		w->torn = 1;
		untear(w);
	}
}

int logwrite_in_log(const struct logwrite *w, uint64_t line)
{
	if (!line || line <= w->unsure_upto || line > w->lines_written)
		return 0;
	for (unsigned i = 0; i < w->ndrop; i++)
		if (line >= w->drop_lo[i] && line <= w->drop_hi[i])
			return 0;
	return 1;
}

void logwrite_drops_reset(struct logwrite *w)
{
	w->ndrop = 0;
}

/* After a failed write the file may end in part of a line (a write
 * that stopped short, then failed; or a failed write whose bytes the
 * file system kept): it is cut back to the last whole line before
 * anything more is written, so that every line of the log is whole.
 * 0, or -errno when it cannot be cut (then nothing may be appended). */
static int untear(struct logwrite *w)
{
	uint64_t size;
	int r;

	if (!w->torn || !w->owns_fd || !w->fs->truncate)
		return 0;
	if ((r = w->fs->size(w->fs->ctx, w->fd, &size)) < 0)
		return r;
	if (size != w->log_size &&
	    (r = w->fs->truncate(w->fs->ctx, w->fd, w->log_size)) < 0)
		return r;
	w->torn = 0;
	return 0;
}

/* Writes buf[0..len) whole; on error runs the disk actions. */
static int write_out(struct logwrite *w)
{
	size_t off = 0;
	int e;

	if ((e = untear(w)) < 0) {
		w->len = 0;
		io_failed(w, "write", -e);
		return -1;
	}
	while (off < w->len) {
		ssize_t r = w->fs->write(w->fs->ctx, w->fd, w->buf + off,
					 w->len - off);

		if (r <= 0) {
			e = r < 0 ? (int)-r : EIO;
			/* Keep whole lines: drop what did not fit. */
			buf_lost(w, off);
			w->len = 0;
			io_failed(w, "write", e);
			return -1;
		}
		off += (size_t)r;
		if (w->owns_fd)
			w->log_size += (uint64_t)r;
	}
	w->lines_written = w->lines_queued;
	w->buf_lines = 0;
	w->len = 0;
	w->disk_err_warnings = 0;
	return 0;
}

/* A sync failed with e. The caller's fd (stdout with auditd -f) may be a
 * pipe or a terminal, which cannot be synced (EINVAL): nothing was lost
 * there, so no disk action runs (the reference ignores its syncs'
 * results altogether). */
static void sync_failed(struct logwrite *w, int e)
{
	if (e == EINVAL && !w->owns_fd)
		return;
	w->unsure_upto = w->lines_written;
	io_failed(w, "fsync", e);
}

/* A due sync: in the background under INCREMENTAL_ASYNC (one at a time;
 * while one runs the due one waits, coalesced), else in place. */
static int start_sync(struct logwrite *w)
{
	int async = w->cf->flush == FT_INCREMENTAL_ASYNC, r;

	if (async && w->fs->sync_start) {
		if (w->sync_busy)
			return 0;
		if (w->fs->sync_start(w->fs->ctx, w->fd, 1) == 0) {
			w->sync_busy = 1;
			w->need_sync = 0;
			w->syncs++;
			return 0;
		}
	}
	r = w->fs->sync(w->fs->ctx, w->fd, async);
	w->need_sync = 0;
	w->syncs++;
	if (r < 0) {
		sync_failed(w, -r);
		return -1;
	}
	return 0;
}

void logwrite_sync_done(struct logwrite *w, int err)
{
	w->sync_busy = 0;
	if (err < 0)
		sync_failed(w, -err);
	if (w->need_sync && !w->len && w->fd >= 0 && !w->suspended)
		start_sync(w);
}

int logwrite_flush(struct logwrite *w)
{
	int rc = 0;

	if (w->len && w->fd >= 0)
		rc = write_out(w);
	if (w->len)	/* closed: what was pending is dropped */
		buf_lost(w, 0);
	w->len = 0;
	if (rc == 0 && w->need_sync && w->fd >= 0)
		rc = start_sync(w);
	if (rc == 0 && w->checks && w->owns_fd && w->fd >= 0 &&
	    w->cf->max_log_size_action.action == SZ_SYSLOG)
		check_size(w);	/* once per batch, not per record */
	if (rc == 0 && w->checks && w->owns_fd && w->fd >= 0)
		check_space(w);
	return rc;
}

int logwrite_line(struct logwrite *w, const char *line, size_t n)
{
	const struct auditd_conf *cf = w->cf;
	int rc = 0;

	if (w->suspended || !cf->write_logs || w->fd < 0)
		return 1;
	if (w->len + n > w->cap && logwrite_flush(w) < 0)
		return -1;
	if (w->fd < 0)
		return 1;
	memcpy(w->buf + w->len, line, n < w->cap ? n : w->cap);
	w->len += n < w->cap ? n : w->cap;
	w->lines_queued++;
	w->buf_lines++;
	/* data and sync flushing write each record through at once */
	if (cf->flush == FT_DATA || cf->flush == FT_SYNC)
		rc = write_out(w);
	if (cf->flush == FT_INCREMENTAL || cf->flush == FT_INCREMENTAL_ASYNC) {
		w->count++;
		if (cf->freq && w->count % cf->freq == 0) {
			/* one pending sync covers both */
			w->syncs_coalesced += w->need_sync;
			w->need_sync = 1;
		}
	}
	/* Actions that change where the next record goes run at the
	 * record that crosses the size, as the reference's. */
	if (rc == 0 && w->checks && w->owns_fd &&
	    cf->max_log_size_action.action != SZ_IGNORE &&
	    cf->max_log_size_action.action != SZ_SYSLOG &&
	    (w->log_size + w->len) / MEGABYTE >= cf->max_log_size) {
		if (logwrite_flush(w) < 0)
			return -1;
		if (w->fd >= 0)
			check_size(w);
	}
	return rc;
}

void logwrite_resume(struct logwrite *w)
{
	say(w, LW_NOTICE, "Audit daemon is attempting to resume logging.");
	w->suspended = 0;
	w->fs_space_left = 1;
	if (w->fd < 0 && w->cf->write_logs) {
		int r;

		logwrite_fix_permissions(w);
		if ((r = logwrite_open(w)) < 0) {
			say(w, LW_WARNING, "Could not reopen a log after resume "
			    "logging");
			w->suspended = 1;
			do_disk_error(w, "resume", -r);
		} else if (w->checks) {
			check_size(w);
		}
		say(w, LW_NOTICE, "Audit daemon resumed logging.");
	}
	w->disk_err_warnings = 0;
	w->space_warned = w->admin_space_warned = 0;
}

void logwrite_close(struct logwrite *w)
{
	logwrite_flush(w);
	/* a sync that waited for a running one is done here: nothing
	 * written is left unsynced at exit */
	if (w->need_sync && w->fd >= 0 && !w->suspended) {
		w->need_sync = 0;
		w->syncs++;
		w->fs->sync(w->fs->ctx, w->fd,
			    w->cf->flush == FT_INCREMENTAL_ASYNC);
	}
	close_fd(w);
}

void logwrite_init_action(const char *init_exe, int halt,
			  struct logwrite_initact *a)
{
	const char *base = strrchr(init_exe, '/');

	base = base ? base + 1 : init_exe;
	memset(a, 0, sizeof *a);
	if (!strncmp(base, "busybox", 7) || !strncmp(base, "toybox", 6)) {
		a->sig = SIGUSR1;
		return;
	}
	a->argv[0] = "/sbin/init";
	a->argv[1] = halt ? "0" : "1";
}
