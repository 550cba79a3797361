/* follow - a log read as it grows, through rotation and truncation, as
 * tail -F follows a name (ausearch --follow, ours; see follow.h). */
#include <auditbox/follow.h>

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

#define WATCH (IN_MODIFY | IN_CREATE | IN_MOVED_TO | IN_MOVED_FROM | \
	       IN_DELETE | IN_ATTRIB | IN_CLOSE_WRITE | IN_DELETE_SELF | \
	       IN_MOVE_SELF)
#define TRIM_EVERY 4096		/* lines between trims of the current file */

int follow_open(struct follow *f, const char *path, const char *older,
		size_t len, int n, follow_in_use_fn in_use, void *ctx)
{
	char dir[FOLLOW_PATH];
	const char *slash;
	int i;

	memset(f, 0, sizeof *f);
	f->ifd = -1;
	f->cur.fd = -1;
	f->in_use = in_use;
	f->in_use_ctx = ctx;
	if (strlen(path) >= sizeof f->path)
		return -ENAMETOOLONG;
	strcpy(f->path, path);
	slash = strrchr(path, '/');
	if (!slash)
		strcpy(dir, ".");
	else if (slash == path)
		strcpy(dir, "/");
	else
		snprintf(dir, sizeof dir, "%.*s", (int)(slash - path), path);
	if (n > 0) {
		f->queue = malloc((size_t)n * len);
		if (!f->queue)
			return -ENOMEM;
		for (i = 0; i < n; i++)
			memcpy(f->queue + (size_t)i * len,
			       older + (size_t)i * len, len);
		f->qlen = len;
		f->nqueue = n;
	}
	f->ifd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
	if (f->ifd < 0 || inotify_add_watch(f->ifd, dir, WATCH) < 0) {
		int e = errno;

		follow_close(f);
		return -e;
	}
	return 0;
}

static void close_old(struct follow *f, unsigned i)
{
	logread_close(&f->old[i]);
	memmove(&f->old[i], &f->old[i + 1],
		(f->nold - i - 1) * sizeof f->old[0]);
	f->nold--;
}

/* A chunk list lies in use when any of its chunks does. */
static bool held(struct follow *f, const struct logread *lr)
{
	unsigned i;

	for (i = 0; i < lr->nchunks; i++)
		if (f->in_use(f->in_use_ctx, lr->chunks[i],
			      lr->chunks[i] + lr->chunk_cap[i]))
			return true;
	return false;
}

void follow_trim(struct follow *f)
{
	unsigned i = 0;

	if (!f->in_use)
		return;
	while (i < f->nold) {
		if (held(f, &f->old[i]))
			i++;
		else
			close_old(f, i);
	}
	if (f->have_cur && logread_trimmable(&f->cur))
		logread_trim(&f->cur, f->in_use, f->in_use_ctx);
}

/* The current file is read to its end: it goes to the files left. */
static int retire(struct follow *f)
{
	if (f->nold == FOLLOW_OLD) {
		follow_trim(f);
		if (f->nold == FOLLOW_OLD)
			return FOLLOW_FULL;
	}
	f->old[f->nold++] = f->cur;
	memset(&f->cur, 0, sizeof f->cur);
	f->cur.fd = -1;
	f->have_cur = false;
	return 0;
}

/* Opens the next older file, or path. 1: opened, 0: path is not there,
 * -errno (an older file, *failed its index). */
static int open_next(struct follow *f, int *failed)
{
	const char *p = f->path;
	struct stat st;
	bool queued = f->qnext < f->nqueue;
	int fd;

	if (queued)
		p = f->queue + (size_t)f->qnext++ * f->qlen;
	fd = open(p, O_RDONLY | O_CLOEXEC);
	if (fd < 0 || fstat(fd, &st) < 0) {
		int e = errno;

		if (fd >= 0)
			close(fd);
		if (queued) {
			*failed = f->qnext - 1;
			return -e;
		}
		if (!f->missing_said) {
			f->missing_said = true;
			f->notice = FOLLOW_N_MISSING;
		}
		return 0;
	}
	if (f->missing_said && !queued) {
		f->missing_said = false;
		f->notice = FOLLOW_N_APPEARED;
	}
	logread_open_fd(&f->cur, fd);
	f->cur.follow = !queued;
	f->dev = (uint64_t)st.st_dev;
	f->ino = (uint64_t)st.st_ino;
	f->have_cur = true;
	return 1;
}

/* At the end of the followed file: has the name moved to another file,
 * or the file shrunk below what was read? Then the rest of it is read
 * (a last line without '\n' too) and path opened again. */
static bool left_behind(struct follow *f)
{
	struct stat st;
	off_t at = lseek(f->cur.fd, 0, SEEK_CUR);

	if (fstat(f->cur.fd, &st) == 0 && at >= 0 && st.st_size < at) {
		f->truncations++;
		f->notice = FOLLOW_N_TRUNCATED;
		return true;
	}
	if (stat(f->path, &st) == 0 && ((uint64_t)st.st_dev != f->dev ||
					(uint64_t)st.st_ino != f->ino)) {
		f->rotations++;
		f->notice = FOLLOW_N_ROTATED;
		return true;
	}
	return false;
}

int follow_line(struct follow *f, struct span *line, int *failed)
{
	int rc;

	for (;;) {
		if (f->have_cur) {
			rc = logread_line(&f->cur, line);
			if (rc > 0 && ++f->lines % TRIM_EVERY == 0)
				follow_trim(f);
			if (rc)
				return rc;
			if (f->cur.follow && !left_behind(f))
				return 0;
			if (f->cur.follow) {	/* read what is left */
				f->cur.follow = false;
				continue;
			}
			if ((rc = retire(f)))
				return rc;
		}
		rc = open_next(f, failed);
		if (rc <= 0)
			return rc;
	}
}

int follow_wait(struct follow *f, int timeout_ms, const sigset_t *mask)
{
	struct pollfd p = { .fd = f->ifd, .events = POLLIN };
	struct timespec ts, *tp = NULL;
	char buf[4096] __attribute__((aligned(8)));
	int rc;

	if (timeout_ms >= 0) {
		ts.tv_sec = timeout_ms / 1000;
		ts.tv_nsec = (long)(timeout_ms % 1000) * 1000000;
		tp = &ts;
	}
	rc = ppoll(&p, 1, tp, mask);
	if (rc < 0)
		return -errno;
	if (rc == 0)
		return 0;
	/* what changed is looked at by follow_line: the events only wake */
	while (read(f->ifd, buf, sizeof buf) > 0)
		;
	return 1;
}

void follow_close(struct follow *f)
{
	while (f->nold)
		close_old(f, f->nold - 1);
	if (f->have_cur)
		logread_close(&f->cur);
	f->have_cur = false;
	if (f->ifd >= 0)
		close(f->ifd);
	f->ifd = -1;
	free(f->queue);
	f->queue = NULL;
}
