/* Tests for core/logwrite.c against a fake file system: RAW format,
 * modes, rotation by size and by signal, keep_logs, excess logs, space,
 * disk full and disk error actions, flush modes. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <auditbox/logwrite.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

/* ---- a fake file system: names, modes, groups and sizes ---- */

struct ffile {
	char name[80];
	int exists;
	mode_t mode;
	gid_t gid;
	size_t size;
	char data[256];	/* the first bytes written */
};

static struct fakefs {
	struct ffile f[64];
	int fd_file[16];	/* fd -> index in f, -1 closed */
	uint64_t avail, bsize, total;
	int write_err;		/* next writes fail with this errno */
	unsigned syncs, data_syncs;
	/* background syncs (sync_start): how many began, the log's size at
	 * the last start, and the error the next start returns */
	unsigned bg_starts;
	size_t bg_size;
	int bg_start_err;
	int sync_err;		/* in-place syncs fail with this errno */
	int open_err;		/* opens fail with this errno */
	size_t short_write;	/* the next write takes this many bytes */
	unsigned renames;	/* rename calls, found or not */
	int limited;		/* writes stop at room bytes (then ENOSPC) */
	size_t room;
	unsigned truncates;
} fk;

static struct ffile *ff_find(const char *name)
{
	for (int i = 0; i < 64; i++)
		if (fk.f[i].exists && !strcmp(fk.f[i].name, name))
			return &fk.f[i];
	return NULL;
}

static struct ffile *ff_new(const char *name)
{
	for (int i = 0; i < 64; i++)
		if (!fk.f[i].exists) {
			memset(&fk.f[i], 0, sizeof fk.f[i]);
			snprintf(fk.f[i].name, sizeof fk.f[i].name, "%s", name);
			fk.f[i].exists = 1;
			return &fk.f[i];
		}
	return NULL;
}

static int f_open(void *c, const char *p, int fl, mode_t m)
{
	struct ffile *f = ff_find(p);

	(void)c;
	if (fk.open_err)
		return -fk.open_err;
	if (f && (fl & O_EXCL))
		return -EEXIST;
	if (!f && !(fl & O_CREAT))
		return -ENOENT;
	if (!f) {
		f = ff_new(p);
		f->mode = m;
	}
	for (int fd = 3; fd < 16; fd++)
		if (fk.fd_file[fd] < 0) {
			fk.fd_file[fd] = (int)(f - fk.f);
			return fd;
		}
	return -EMFILE;
}

static ssize_t f_write(void *c, int fd, const void *b, size_t n)
{
	struct ffile *f = &fk.f[fk.fd_file[fd]];

	(void)c;
	if (fk.write_err)
		return -fk.write_err;
	if (fk.limited) {
		if (!fk.room)
			return -ENOSPC;
		if (n > fk.room)
			n = fk.room;
		fk.room -= n;
	}
	if (fk.short_write) {	/* this write stops short, the next fail */
		n = fk.short_write;
		fk.short_write = 0;
		fk.write_err = EIO;
	}
	if (f->size < sizeof f->data - 1) {
		size_t k = sizeof f->data - 1 - f->size;

		memcpy(f->data + f->size, b, n < k ? n : k);
	}
	f->size += n;
	return (ssize_t)n;
}

static int f_close(void *c, int fd) { (void)c; fk.fd_file[fd] = -1; return 0; }

static int f_sync(void *c, int fd, int data)
{
	(void)c;
	(void)fd;
	if (fk.sync_err)
		return -fk.sync_err;
	if (data)
		fk.data_syncs++;
	else
		fk.syncs++;
	return 0;
}

static int f_rename(void *c, const char *a, const char *b)
{
	struct ffile *f = ff_find(a), *t = ff_find(b);

	(void)c;
	fk.renames++;
	if (!f)
		return -ENOENT;
	if (t)
		t->exists = 0;
	snprintf(f->name, sizeof f->name, "%s", b);
	return 0;
}

static int f_unlink(void *c, const char *p)
{
	struct ffile *f = ff_find(p);

	(void)c;
	if (!f)
		return -ENOENT;
	f->exists = 0;
	return 0;
}

static int f_chmod(void *c, const char *p, mode_t m)
{
	struct ffile *f = ff_find(p);

	(void)c;
	if (!f)
		return -ENOENT;
	f->mode = m;
	return 0;
}

static int f_fchmod(void *c, int fd, mode_t m)
{
	(void)c;
	fk.f[fk.fd_file[fd]].mode = m;
	return 0;
}

static int f_fchown(void *c, int fd, uid_t u, gid_t g)
{
	(void)c;
	(void)u;
	fk.f[fk.fd_file[fd]].gid = g;
	return 0;
}

static int f_size(void *c, int fd, uint64_t *b)
{
	(void)c;
	*b = fk.f[fk.fd_file[fd]].size;
	return 0;
}

static int f_space(void *c, int fd, uint64_t *a, uint64_t *bs, uint64_t *t)
{
	(void)c;
	(void)fd;
	*a = fk.avail;
	*bs = fk.bsize;
	*t = fk.total;
	return 0;
}

static int f_readable(void *c, const char *p) { (void)c; return !!ff_find(p); }

static int f_sync_start(void *c, int fd, int data)
{
	(void)c;
	assert_int_equal(data, 1);	/* fdatasync, as the reference */
	if (fk.bg_start_err)
		return -fk.bg_start_err;
	fk.bg_starts++;
	fk.bg_size = fk.f[fk.fd_file[fd]].size;
	return 0;
}

static int f_truncate(void *c, int fd, uint64_t len)
{
	struct ffile *f = &fk.f[fk.fd_file[fd]];

	(void)c;
	if (fk.write_err)
		return -fk.write_err;
	fk.truncates++;
	if (fk.limited)
		fk.room += f->size - len;
	f->size = len;
	if (len < sizeof f->data)
		f->data[len] = 0;
	return 0;
}

static char chowned[80];	/* "PATH:GID" of the last chown */

static int f_chown(void *c, const char *p, uid_t u, gid_t g)
{
	(void)c;
	(void)u;
	snprintf(chowned, sizeof chowned, "%s:%u", p, (unsigned)g);
	return 0;
}

static const struct logwrite_fs fakefs = {
	f_open, f_write, f_close, f_sync, f_rename, f_unlink, f_chmod,
	f_fchmod, f_fchown, f_size, f_space, f_readable, NULL, NULL, NULL,
	f_truncate, f_chown
};

/* ---- callbacks ---- */

static char notes[8192];
static char reqs[512];

static void note(void *arg, int prio, const char *msg)
{
	size_t n = strlen(notes);

	(void)arg;
	snprintf(notes + n, sizeof notes - n, "%d:%s\n", prio, msg);
}

static void req(void *arg, enum logwrite_req r, const char *a)
{
	size_t n = strlen(reqs);

	(void)arg;
	snprintf(reqs + n, sizeof reqs - n, "%d:%s\n", (int)r, a ? a : "");
}

static struct auditd_conf cf;
static char wbuf[LOGWRITE_LINE_MAX * 2];
static struct logwrite w;

static int setup(void **state)
{
	(void)state;
	memset(&fk, 0, sizeof fk);
	for (int i = 0; i < 16; i++)
		fk.fd_file[i] = -1;
	fk.avail = 1000000;
	fk.bsize = 4096;
	fk.total = 2000000;
	notes[0] = reqs[0] = 0;
	conf_auditd_defaults(&cf);
	snprintf(cf.log_file, sizeof cf.log_file, "/l/audit.log");
	logwrite_init(&w, &cf, &fakefs, wbuf, sizeof wbuf);
	w.note = note;
	w.request = req;
	return 0;
}

/* n bytes of records (lines of 1 KiB) */
static void write_kib(unsigned n)
{
	char line[1024];

	memset(line, 'x', sizeof line - 1);
	line[sizeof line - 1] = '\n';
	for (unsigned i = 0; i < n; i++)
		logwrite_line(&w, line, sizeof line);
	logwrite_flush(&w);
}

static void logwrite_format_raw_cases(void **state)
{
	char out[LOGWRITE_LINE_MAX];
	static const char t1[] = "audit(1.002:3): a=1 b=2";
	static const char t2[] = "audit(1.002:3): cwd=\"/\"\nx=1 ";
	static const char t3[] = "audit(1.002:3): x=1\0junk";
	size_t n;

	(void)state;
	n = logwrite_format_raw(out, sizeof out, NULL, 1300, t1, sizeof t1 - 1);
	assert_int_equal(n, strlen("type=SYSCALL msg=") + sizeof t1);
	assert_memory_equal(out, "type=SYSCALL msg=audit(1.002:3): a=1 b=2\n",
			    n);
	n = logwrite_format_raw(out, sizeof out, "h1", 4321, t1, sizeof t1 - 1);
	out[n] = 0;
	assert_string_equal(out, "node=h1 type=UNKNOWN[4321] msg=audit(1.002:3)"
			    ": a=1 b=2\n");
	n = logwrite_format_raw(out, sizeof out, NULL, 1307, t2, sizeof t2 - 1);
	out[n] = 0;
	assert_string_equal(out, "type=CWD msg=audit(1.002:3): cwd=\"/\" x=1\n");
	n = logwrite_format_raw(out, sizeof out, NULL, 1305, t3, sizeof t3 - 1);
	out[n] = 0;
	assert_string_equal(out, "type=CONFIG_CHANGE msg=audit(1.002:3): x=1\n");
	n = logwrite_format_raw(out, sizeof out, NULL, 1305, NULL, 0);
	out[n] = 0;
	assert_string_equal(out, "type=CONFIG_CHANGE msg=lost\n");
}

static void logwrite_open_modes(void **state)
{
	(void)state;
	assert_int_equal(logwrite_open(&w), 0);
	assert_int_equal(ff_find("/l/audit.log")->mode, 0600);
	logwrite_close(&w);
	cf.log_group = 4;
	assert_int_equal(logwrite_open(&w), 0);
	assert_int_equal(ff_find("/l/audit.log")->mode, 0640);
	assert_int_equal(ff_find("/l/audit.log")->gid, 4);
	assert_int_equal(logwrite_line(&w, "type=X msg=y\n", 13), 0);
	logwrite_close(&w);
	assert_int_equal(ff_find("/l/audit.log")->size, 13);
	assert_string_equal(ff_find("/l/audit.log")->data, "type=X msg=y\n");
	/* reopening keeps the size for the rotation arithmetic */
	assert_int_equal(logwrite_open(&w), 0);
	assert_int_equal(w.log_size, 13);
}

/* write_logs = no: no log file is made and records are not written (the
 * daemon still hands them to the plugins) */
static void logwrite_write_logs_no(void **state)
{
	(void)state;
	cf.write_logs = 0;
	assert_int_equal(logwrite_open(&w), 0);
	assert_null(ff_find("/l/audit.log"));
	assert_int_equal(logwrite_line(&w, "type=X msg=y\n", 13), 1);
	logwrite_flush(&w);
	logwrite_close(&w);
	assert_null(ff_find("/l/audit.log"));
}

static void logwrite_line_rotate_by_size(void **state)
{
	(void)state;
	cf.max_log_size = 1;
	cf.max_log_size_action.action = SZ_ROTATE;
	cf.num_logs = 3;
	cf.log_group = 4;
	assert_int_equal(logwrite_open(&w), 0);
	write_kib(1023);
	assert_null(ff_find("/l/audit.log.1"));
	write_kib(1);	/* 1 MiB reached: rotate */
	assert_non_null(ff_find("/l/audit.log.1"));
	assert_int_equal(ff_find("/l/audit.log.1")->mode, 0440);
	assert_int_equal(ff_find("/l/audit.log.1")->size, 1024 * 1024);
	assert_int_equal(ff_find("/l/audit.log")->size, 0);
	assert_int_equal(ff_find("/l/audit.log")->mode, 0640);
	assert_non_null(strstr(notes, "Audit daemon rotating log files\n"));
	write_kib(1024);
	write_kib(1024);
	write_kib(1024);
	/* num_logs 3: audit.log, .1 and .2; .2 was overwritten */
	assert_non_null(ff_find("/l/audit.log.2"));
	assert_null(ff_find("/l/audit.log.3"));
	assert_int_equal(w.rotations, 4);
}

static void logwrite_rotate_now_keep_logs(void **state)
{
	(void)state;
	cf.max_log_size_action.action = SZ_KEEP_LOGS;
	cf.max_log_size = 100;	/* 0 would shift at every record */
	cf.num_logs = 2;
	assert_int_equal(logwrite_open(&w), 0);
	for (int i = 0; i < 4; i++) {
		write_kib(1);
		logwrite_rotate_now(&w);
	}
	/* keep_logs deletes nothing: .1 (newest) to .4 (oldest) */
	for (int i = 1; i <= 4; i++) {
		char n[40];

		snprintf(n, sizeof n, "/l/audit.log.%d", i);
		assert_non_null(ff_find(n));
		assert_int_equal(ff_find(n)->size, 1024);
	}
	assert_null(ff_find("/l/audit.log.5"));
}

static int f_list_rotated(void *c, const char *file, unsigned n,
			  unsigned char *have)
{
	char name[100];

	(void)c;
	for (unsigned i = 1; i < n; i++) {
		snprintf(name, sizeof name, "%s.%u", file, i);
		have[i] = !!ff_find(name);
	}
	return 0;
}

/* num_logs 999 over log, .1, .2 and .4 (a gap): each file moves as the
 * reference's 998 renames move it; with the directory listed first,
 * only the renames of files that exist are made. */
static void rotate_gap(int listed)
{
	static struct logwrite_fs lfs;
	static const char *const old[] = { "/l/audit.log.1", "/l/audit.log.2",
					   "/l/audit.log.4" };
	static const char *const now[] = { "/l/audit.log.2", "/l/audit.log.3",
					   "/l/audit.log.5" };

	lfs = fakefs;
	if (listed)
		lfs.list_rotated = f_list_rotated;
	w.fs = &lfs;
	cf.num_logs = 999;
	assert_int_equal(logwrite_open(&w), 0);
	write_kib(1);
	for (int i = 0; i < 3; i++)
		snprintf(ff_new(old[i])->data, 16, "%s", old[i]);
	fk.renames = 0;
	logwrite_rotate_now(&w);
	assert_int_equal(fk.renames, listed ? 4 : 998);
	for (int i = 0; i < 3; i++) {
		assert_non_null(ff_find(now[i]));
		assert_string_equal(ff_find(now[i])->data, old[i]);
	}
	assert_int_equal(ff_find("/l/audit.log.1")->size, 1024);
	assert_null(ff_find("/l/audit.log.4"));
	assert_int_equal(ff_find("/l/audit.log")->size, 0);
	assert_string_equal(notes, "");
}

static void logwrite_rotate_listed_same_as_every_rename(void **state)
{
	(void)state;
	rotate_gap(0);
	setup(NULL);
	rotate_gap(1);
}

static void logwrite_rotate_now_disabled(void **state)
{
	(void)state;
	cf.num_logs = 1;
	assert_int_equal(logwrite_open(&w), 0);
	logwrite_rotate_now(&w);
	assert_string_equal(notes, "5:Log rotation disabled (num_logs < 2), "
			    "skipping\n");
	assert_null(ff_find("/l/audit.log.1"));
}

static void logwrite_remove_excess_logs(void **state)
{
	(void)state;
	ff_new("/l/audit.log.2");
	ff_new("/l/audit.log.3");
	ff_new("/l/audit.log.4");
	ff_new("/l/audit.log.6");
	cf.num_logs = 3;
	logwrite_remove_excess(&w);	/* action ignore: nothing */
	assert_non_null(ff_find("/l/audit.log.3"));
	cf.max_log_size_action.action = SZ_ROTATE;
	logwrite_remove_excess(&w);
	assert_non_null(ff_find("/l/audit.log.2"));
	assert_null(ff_find("/l/audit.log.3"));
	assert_null(ff_find("/l/audit.log.4"));
	assert_non_null(ff_find("/l/audit.log.6"));	/* stops at a gap */
	assert_non_null(strstr(notes, "Log /l/audit.log.4 removed as it "
			       "exceeds num_logs parameter"));
}

static void logwrite_flush_space_left(void **state)
{
	(void)state;
	cf.space_left = 100;	/* MiB = 25600 blocks of 4 KiB */
	cf.space_left_action.action = FA_SYSLOG;
	cf.admin_space_left = 50;
	cf.admin_space_left_action.action = FA_SUSPEND;
	assert_int_equal(logwrite_open(&w), 0);
	fk.avail = 25599;
	write_kib(1);
	write_kib(1);
	assert_string_equal(notes, "1:Audit daemon is low on disk space for "
			    "logging\n");	/* once */
	fk.avail = 30000;	/* syslog warnings re-arm */
	write_kib(1);
	fk.avail = 12799;
	write_kib(1);
	assert_non_null(strstr(notes, "suspending logging due to low disk"));
	assert_int_equal(logwrite_line(&w, "a\n", 2), 1);	/* dropped */
	logwrite_resume(&w);
	assert_int_equal(logwrite_line(&w, "a\n", 2), 0);
}

static void logwrite_flush_space_percent(void **state)
{
	(void)state;
	cf.space_left = 10;
	cf.space_left_pct = 1;
	cf.space_left_action.action = FA_EXEC;
	snprintf(cf.space_left_action.exe, sizeof cf.space_left_action.exe,
		 "/bin/x");
	assert_int_equal(logwrite_open(&w), 0);
	fk.avail = 200001;	/* 10 % of 2000000 is 200000 */
	write_kib(1);
	assert_string_equal(reqs, "");
	fk.avail = 199999;
	write_kib(1);
	assert_string_equal(reqs, "0:/bin/x\n");
	assert_int_equal(w.fd, -1);		/* closed for the script */
	assert_int_equal(logwrite_line(&w, "a\n", 2), 1);
	logwrite_resume(&w);
	assert_true(w.fd >= 0);
	assert_non_null(strstr(notes, "Audit daemon resumed logging."));
}

static void logwrite_flush_disk_full(void **state)
{
	(void)state;
	cf.disk_full_action.action = FA_HALT;
	assert_int_equal(logwrite_open(&w), 0);
	fk.avail = 4;
	write_kib(1);
	assert_string_equal(notes, "1:Audit daemon has no space left on "
			    "logging partition\n1:The audit daemon is now "
			    "halting the system due to no space left on "
			    "logging partition\n");
	assert_string_equal(reqs, "4:\n");
}

/* Disk full acts once, not at every batch; room again re-arms it. */
static void logwrite_flush_disk_full_once(void **state)
{
	(void)state;
	cf.disk_full_action.action = FA_SUSPEND;
	assert_int_equal(logwrite_open(&w), 0);
	fk.avail = 4;
	write_kib(1);
	write_kib(1);
	logwrite_flush(&w);
	assert_string_equal(notes, "1:Audit daemon has no space left on "
			    "logging partition\n1:Audit daemon is suspending "
			    "logging due to no space left on logging "
			    "partition.\n");
	notes[0] = 0;
	fk.avail = 1000000;
	logwrite_resume(&w);
	write_kib(1);
	fk.avail = 3;
	write_kib(1);
	assert_string_equal(notes, "5:Audit daemon is attempting to resume "
			    "logging.\n1:Audit daemon has no space left on "
			    "logging partition\n1:Audit daemon is suspending "
			    "logging due to no space left on logging "
			    "partition.\n");
}

/* single and halt: the reference's "/sbin/init 1|0", or SIGUSR1 for the
 * inits that have no runlevels. */
static void logwrite_init_action_inits(void **state)
{
	static const struct { const char *exe; int halt; const char *arg;
			      int sig; } t[] = {
		{ "/sbin/init", 0, "1", 0 },
		{ "/usr/lib/systemd/systemd", 1, "0", 0 },
		{ "/lib/sysvinit/init", 1, "0", 0 },
		{ "", 0, "1", 0 },	/* unreadable /proc/1/exe */
		{ "/bin/busybox", 0, NULL, SIGUSR1 },
		{ "/bin/busybox", 1, NULL, SIGUSR1 },
		{ "/usr/bin/toybox", 1, NULL, SIGUSR1 },
		{ "busybox.static", 0, NULL, SIGUSR1 },
	};
	struct logwrite_initact a;

	(void)state;
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		logwrite_init_action(t[i].exe, t[i].halt, &a);
		assert_int_equal(a.sig, t[i].sig);
		if (t[i].arg) {
			assert_string_equal(a.argv[0], "/sbin/init");
			assert_string_equal(a.argv[1], t[i].arg);
			assert_null(a.argv[2]);
		} else {
			assert_null(a.argv[0]);
		}
	}
}

static void logwrite_line_write_errors(void **state)
{
	(void)state;
	cf.disk_full_action.action = FA_SINGLE;
	assert_int_equal(logwrite_open(&w), 0);
	fk.write_err = ENOSPC;
	write_kib(1);
	write_kib(1);	/* the disk full action runs once */
	assert_string_equal(reqs, "3:\n");
	fk.write_err = EIO;
	notes[0] = 0;
	for (int i = 0; i < 7; i++)
		write_kib(1);
	/* disk_error_action syslog: at most 5 warnings in a row */
	assert_int_equal(strlen(notes), 5 * strlen("1:write: Audit daemon "
		"detected an error writing an event to disk (Input/output "
		"error)\n"));
}

/* A batch that only partly fits: its whole lines count as written (a
 * caller acks exactly those), the torn piece of the next is cut off the
 * file again, the rest is dropped; a failed sync makes every line
 * written so far unsure. */
static void logwrite_partial_batch(void **state)
{
	static const char l1[] = "type=A msg=audit(1.1:1): a=1\n";
	static const char l2[] = "type=A msg=audit(1.1:2): a=2\n";
	static const char l3[] = "type=A msg=audit(1.1:3): a=3\n";
	size_t n = sizeof l1 - 1;

	(void)state;
	cf.disk_full_action.action = FA_IGNORE;
	assert_int_equal(logwrite_open(&w), 0);
	fk.limited = 1;
	fk.room = 2 * n + 5;	/* l1, l2 and 5 bytes of l3 */
	logwrite_line(&w, l1, n);
	logwrite_line(&w, l2, n);
	logwrite_line(&w, l3, n);
	assert_int_equal(w.lines_queued, 3);
	assert_int_equal(logwrite_flush(&w), -1);
	assert_true(logwrite_in_log(&w, 1));
	assert_true(logwrite_in_log(&w, 2));
	assert_false(logwrite_in_log(&w, 3));
	assert_false(logwrite_in_log(&w, 0));
	assert_int_equal(fk.truncates, 1);
	assert_int_equal(ff_find("/l/audit.log")->size, 2 * n);
	assert_int_equal(w.log_size, 2 * n);
	assert_string_equal(ff_find("/l/audit.log")->data,
			    "type=A msg=audit(1.1:1): a=1\n"
			    "type=A msg=audit(1.1:2): a=2\n");
	assert_int_equal(w.fs_space_left, 0);
	/* nothing fits: nothing more is in the log, nothing is cut */
	fk.room = 0;
	logwrite_line(&w, l3, n);
	assert_int_equal(logwrite_flush(&w), -1);
	assert_int_equal(w.lines_queued, 4);
	assert_false(logwrite_in_log(&w, 3));
	assert_false(logwrite_in_log(&w, 4));
	assert_int_equal(fk.truncates, 1);
	/* room again in the same round: line 5 is in, 3 and 4 still not */
	fk.limited = 0;
	logwrite_line(&w, l1, n);
	assert_int_equal(logwrite_flush(&w), 0);
	assert_true(logwrite_in_log(&w, 5));
	assert_false(logwrite_in_log(&w, 3));
	assert_false(logwrite_in_log(&w, 4));
	assert_true(logwrite_in_log(&w, 2));
	assert_false(logwrite_in_log(&w, 6));
	/* more drops than ranges: merged, a written line may count as
	 * dropped (a resend), a dropped one never as written */
	logwrite_drops_reset(&w);
	for (int k = 0; k < 6; k++) {
		fk.limited = 1;
		fk.room = 0;
		logwrite_line(&w, l1, n);
		assert_int_equal(logwrite_flush(&w), -1);
		fk.limited = 0;
		logwrite_line(&w, l2, n);
		assert_int_equal(logwrite_flush(&w), 0);
	}
	for (uint64_t k = 6; k < 18; k += 2)
		assert_false(logwrite_in_log(&w, k));
	assert_true(logwrite_in_log(&w, 7));
	assert_true(logwrite_in_log(&w, 17));
	/* a failed sync: everything written so far is unsure */
	cf.flush = FT_INCREMENTAL;
	cf.freq = 1;
	fk.sync_err = EIO;
	logwrite_line(&w, l2, n);
	assert_int_equal(logwrite_flush(&w), -1);
	assert_false(logwrite_in_log(&w, 18));
	assert_false(logwrite_in_log(&w, 17));
}

/* disk_error_action suspend closes the log (it may be moved by hand);
 * USR2 opens it anew, at its path */
static void logwrite_line_error_suspend_closes(void **state)
{
	(void)state;
	cf.disk_error_action.action = FA_SUSPEND;
	cf.flush = FT_DATA;
	assert_int_equal(logwrite_open(&w), 0);
	fk.write_err = EIO;
	write_kib(1);
	assert_true(w.suspended);
	assert_int_equal(w.fd, -1);
	assert_int_equal(logwrite_line(&w, "a\n", 2), 1);
	fk.write_err = 0;
	ff_find("/l/audit.log")->exists = 0;	/* moved away */
	notes[0] = 0;
	logwrite_resume(&w);
	assert_false(w.suspended);
	assert_true(w.fd >= 0);
	assert_non_null(ff_find("/l/audit.log"));
	assert_non_null(strstr(notes, "Audit daemon resumed logging."));
}

/* a log that cannot be made again after a rotation: the error of the
 * open, not a made-up one, reaches disk_error_action */
static void logwrite_rotate_reopen_error(void **state)
{
	(void)state;
	cf.num_logs = 3;
	assert_int_equal(logwrite_open(&w), 0);
	fk.open_err = ENOENT;
	notes[0] = 0;
	logwrite_rotate_now(&w);
	assert_true(w.suspended);
	assert_non_null(strstr(notes, "reopen: Audit daemon detected an "
			       "error writing an event to disk (No such file "
			       "or directory)"));
}

/* a write that stops in the middle of a line, then fails: the part
 * line is cut before the next write, every line stays whole */
static void logwrite_line_torn_write_cut_back(void **state)
{
	(void)state;
	assert_int_equal(logwrite_open(&w), 0);
	assert_int_equal(logwrite_line(&w, "one\ntwo\n", 8), 0);
	logwrite_flush(&w);
	assert_int_equal(logwrite_line(&w, "three\nfour\n", 11), 0);
	fk.short_write = 8;	/* "three\nfo" */
	assert_int_equal(logwrite_flush(&w), -1);
	assert_int_equal(w.log_size, 14);	/* up to "three\n" */
	fk.write_err = 0;
	assert_int_equal(logwrite_line(&w, "five\n", 5), 0);
	assert_int_equal(logwrite_flush(&w), 0);
	assert_int_equal(fk.truncates, 1);
	assert_string_equal(fk.f[0].data, "one\ntwo\nthree\nfive\n");
	assert_int_equal(w.log_size, fk.f[0].size);
}

/* the log directory gets log_group, as in the reference */
static void logwrite_fix_permissions_dir_group(void **state)
{
	(void)state;
	cf.log_group = 4;
	logwrite_fix_permissions(&w);
	assert_string_equal(chowned, "/l:4");
	cf.log_group = 0;
	logwrite_fix_permissions(&w);
	assert_string_equal(chowned, "/l:0");
}

static void logwrite_flush_incremental(void **state)
{
	(void)state;
	cf.flush = FT_INCREMENTAL;
	cf.freq = 3;
	assert_int_equal(logwrite_open(&w), 0);
	write_kib(2);
	assert_int_equal(fk.syncs, 0);
	write_kib(2);	/* 4th record passes freq 3 */
	assert_int_equal(fk.syncs, 1);
	cf.flush = FT_INCREMENTAL_ASYNC;
	write_kib(3);
	assert_int_equal(fk.data_syncs, 1);
}

/* An open log whose syncs (flush mode, every freq records) may start in
 * the background. */
static void use_bg(enum conf_flush flush, unsigned freq)
{
	static struct logwrite_fs bgfs;

	bgfs = fakefs;
	bgfs.sync_start = f_sync_start;
	w.fs = &bgfs;
	cf.flush = flush;
	cf.freq = freq;
	assert_int_equal(logwrite_open(&w), 0);
}

static void logwrite_sync_async_in_background(void **state)
{
	(void)state;
	use_bg(FT_INCREMENTAL_ASYNC, 2);
	write_kib(1);
	assert_int_equal(fk.bg_starts, 0);
	write_kib(1);	/* the 2nd record: a sync is due */
	assert_int_equal(fk.bg_starts, 1);
	/* it starts after the records before it reached the file */
	assert_int_equal(fk.bg_size, 2 * 1024);
	assert_int_equal(fk.syncs + fk.data_syncs, 0);	/* nothing in place */
	assert_true(w.sync_busy);
}

static void logwrite_sync_async_coalesced(void **state)
{
	(void)state;
	use_bg(FT_INCREMENTAL_ASYNC, 2);
	write_kib(2);
	assert_int_equal(fk.bg_starts, 1);
	/* three more syncs come due while the first runs: none starts */
	write_kib(6);
	assert_int_equal(fk.bg_starts, 1);
	assert_int_equal(w.syncs_coalesced, 2);
	/* its end starts one that covers all six records at once */
	logwrite_sync_done(&w, 0);
	assert_int_equal(fk.bg_starts, 2);
	assert_int_equal(fk.bg_size, 8 * 1024);
	logwrite_sync_done(&w, 0);
	assert_int_equal(fk.bg_starts, 2);	/* nothing due: no sync */
	assert_false(w.sync_busy);
	write_kib(1);
	assert_int_equal(fk.bg_starts, 2);	/* 9 records: not due */
	write_kib(1);
	assert_int_equal(fk.bg_starts, 3);
	assert_string_equal(notes, "");
}

static void logwrite_close_syncs_what_waited(void **state)
{
	(void)state;
	use_bg(FT_INCREMENTAL_ASYNC, 1);
	write_kib(1);
	assert_int_equal(fk.bg_starts, 1);	/* runs */
	write_kib(1);				/* due, waits for it */
	assert_int_equal(fk.bg_starts, 1);
	logwrite_close(&w);
	assert_int_equal(fk.data_syncs, 1);	/* in place, at the end */
	assert_int_equal(fk.fd_file[3], -1);
}

static void logwrite_sync_async_done_with_pending_bytes(void **state)
{
	char line[100];

	(void)state;
	use_bg(FT_INCREMENTAL_ASYNC, 1);
	write_kib(1);
	assert_int_equal(fk.bg_starts, 1);
	memset(line, 'y', sizeof line - 1);
	line[sizeof line - 1] = '\n';
	logwrite_line(&w, line, sizeof line);	/* due, buffered */
	/* the running sync ends before the record is written: the next one
	 * waits for the flush, so that it covers that record */
	logwrite_sync_done(&w, 0);
	assert_int_equal(fk.bg_starts, 1);
	logwrite_flush(&w);
	assert_int_equal(fk.bg_starts, 2);
	assert_int_equal(fk.bg_size, 1024 + sizeof line);
}

static void logwrite_sync_async_error_reaches_disk_action(void **state)
{
	(void)state;
	cf.disk_error_action.action = FA_SUSPEND;
	use_bg(FT_INCREMENTAL_ASYNC, 1);
	write_kib(1);
	assert_int_equal(fk.bg_starts, 1);
	logwrite_sync_done(&w, -EIO);
	assert_non_null(strstr(notes, "suspending logging due to previously "
			       "mentioned write error"));
	assert_true(w.suspended);
	assert_int_equal(logwrite_line(&w, "a\n", 2), 1);
}

static void logwrite_sync_async_error_syslog(void **state)
{
	(void)state;
	use_bg(FT_INCREMENTAL_ASYNC, 1);
	write_kib(1);
	logwrite_sync_done(&w, -EIO);
	assert_string_equal(notes, "1:fsync: Audit daemon detected an error "
			    "writing an event to disk (Input/output error)\n");
	assert_false(w.suspended);
}

static void logwrite_sync_async_enospc_is_disk_full(void **state)
{
	(void)state;
	cf.disk_full_action.action = FA_SUSPEND;
	use_bg(FT_INCREMENTAL_ASYNC, 1);
	write_kib(1);
	logwrite_sync_done(&w, -ENOSPC);
	assert_non_null(strstr(notes, "1:Audit daemon has no space left on "
			       "logging partition\n"));
	assert_non_null(strstr(notes, "suspending logging due to no space "
			       "left on logging partition."));
	assert_true(w.suspended);
}

/* auditd -f: stdout a pipe or a terminal, which cannot be synced */
static void logwrite_sync_stdout_pipe_no_action(void **state)
{
	(void)state;
	cf.flush = FT_INCREMENTAL;
	cf.freq = 1;
	cf.disk_error_action.action = FA_SUSPEND;
	fk.fd_file[5] = 0;
	ff_new("stdout");
	logwrite_use_fd(&w, 5);
	fk.sync_err = EINVAL;
	write_kib(2);
	assert_false(w.suspended);
	assert_string_equal(notes, "");
	assert_int_equal(fk.f[0].size, 2 * 1024);
	/* a real error on it still counts */
	fk.sync_err = EIO;
	write_kib(1);
	assert_true(w.suspended);
}

static void logwrite_sync_start_fails_in_place(void **state)
{
	(void)state;
	fk.bg_start_err = EAGAIN;	/* no thread: the sync is done here */
	use_bg(FT_INCREMENTAL_ASYNC, 1);
	write_kib(1);
	assert_int_equal(fk.bg_starts, 0);
	assert_int_equal(fk.data_syncs, 1);
	assert_false(w.sync_busy);
}

static void logwrite_sync_incremental_stays_in_place(void **state)
{
	(void)state;
	use_bg(FT_INCREMENTAL, 1);
	for (int i = 0; i < 3; i++)
		write_kib(1);
	assert_int_equal(fk.bg_starts, 0);
	assert_int_equal(fk.syncs, 3);	/* fsync, in place, as the reference */
}

static void logwrite_line_suspend_by_size(void **state)
{
	(void)state;
	cf.max_log_size = 1;
	cf.max_log_size_action.action = SZ_SUSPEND;
	assert_int_equal(logwrite_open(&w), 0);
	write_kib(1024);
	assert_non_null(strstr(notes, "suspending logging due to logfile "
			       "size."));
	assert_int_equal(logwrite_line(&w, "a\n", 2), 1);
	assert_int_equal(ff_find("/l/audit.log")->size, 1024 * 1024);
}

static void logwrite_use_fd_no_checks(void **state)
{
	(void)state;
	cf.max_log_size = 1;
	cf.max_log_size_action.action = SZ_ROTATE;
	cf.num_logs = 3;
	fk.fd_file[5] = 0;
	ff_new("stdout");
	logwrite_use_fd(&w, 5);
	write_kib(2048);
	assert_int_equal(fk.f[0].size, 2048 * 1024);
	assert_null(ff_find("/l/audit.log.1"));
	logwrite_close(&w);
	assert_int_equal(fk.fd_file[5], 0);	/* not ours to close */
}

int main(void)
{
#define T(f) cmocka_unit_test_setup(f, setup)
	const struct CMUnitTest tests[] = {
		T(logwrite_format_raw_cases),
		T(logwrite_open_modes),
		T(logwrite_write_logs_no),
		T(logwrite_line_rotate_by_size),
		T(logwrite_rotate_now_keep_logs),
		T(logwrite_rotate_now_disabled),
		T(logwrite_rotate_listed_same_as_every_rename),
		T(logwrite_remove_excess_logs),
		T(logwrite_flush_space_left),
		T(logwrite_flush_space_percent),
		T(logwrite_flush_disk_full),
		T(logwrite_flush_disk_full_once),
		T(logwrite_init_action_inits),
		T(logwrite_line_write_errors),
		T(logwrite_partial_batch),
		T(logwrite_line_error_suspend_closes),
		T(logwrite_rotate_reopen_error),
		T(logwrite_line_torn_write_cut_back),
		T(logwrite_fix_permissions_dir_group),
		T(logwrite_flush_incremental),
		T(logwrite_sync_async_in_background),
		T(logwrite_sync_async_coalesced),
		T(logwrite_sync_async_done_with_pending_bytes),
		T(logwrite_close_syncs_what_waited),
		T(logwrite_sync_async_error_reaches_disk_action),
		T(logwrite_sync_async_error_syslog),
		T(logwrite_sync_async_enospc_is_disk_full),
		T(logwrite_sync_stdout_pipe_no_action),
		T(logwrite_sync_start_fails_in_place),
		T(logwrite_sync_incremental_stays_in_place),
		T(logwrite_line_suspend_by_size),
		T(logwrite_use_fd_no_checks),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
