/* bgsync - fdatasync/fsync in a worker thread, so that the caller never
 * waits for the disk (auditd's flush = INCREMENTAL_ASYNC; the reference
 * has a flush thread for it too, audit 3.0.9 auditd-event.c).
 * Docs: docs/auditd.conf.5.md (flush). */
#include <auditbox/bgsync.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

static void *worker(void *arg)
{
	struct bgsync *b = arg;

	pthread_mutex_lock(&b->mu);
	for (;;) {
		int fd, data, r;
		char c = 1;

		while (!b->stop && b->fd < 0)
			pthread_cond_wait(&b->cv, &b->mu);
		if (b->fd < 0)
			break;
		fd = b->fd;
		data = b->data_only;
		b->fd = -1;
		pthread_mutex_unlock(&b->mu);
		r = (data ? fdatasync(fd) : fsync(fd)) ? -errno : 0;
		close(fd);
		pthread_mutex_lock(&b->mu);
		b->err = r;
		b->done = 1;
		b->syncs++;
		/* the pipe holds one byte per sync at most: never full */
		while (write(b->pipe[1], &c, 1) < 0 && errno == EINTR)
			;
	}
	pthread_mutex_unlock(&b->mu);
	return NULL;
}

int bgsync_start(struct bgsync *b)
{
	pthread_attr_t at;
	sigset_t all, old;
	int r;

	memset(b, 0, sizeof *b);
	b->fd = -1;
	if (pipe2(b->pipe, O_CLOEXEC | O_NONBLOCK) < 0)
		return -errno;
	if (pthread_mutex_init(&b->mu, NULL) || pthread_cond_init(&b->cv,
								  NULL)) {
		close(b->pipe[0]);
		close(b->pipe[1]);
		return -ENOMEM;
	}
	pthread_attr_init(&at);
	pthread_attr_setstacksize(&at, 64 * 1024);
	/* signals stay with the caller's thread (auditd's signalfd) */
	sigfillset(&all);
	pthread_sigmask(SIG_BLOCK, &all, &old);
	r = pthread_create(&b->th, &at, worker, b);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	pthread_attr_destroy(&at);
	if (r) {
		pthread_cond_destroy(&b->cv);
		pthread_mutex_destroy(&b->mu);
		close(b->pipe[0]);
		close(b->pipe[1]);
		return -r;
	}
	b->running = 1;
	return 0;
}

int bgsync_fd(const struct bgsync *b)
{
	return b->running ? b->pipe[0] : -1;
}

int bgsync_submit(struct bgsync *b, int fd, int data_only)
{
	int d;

	if (!b->running)
		return -ENOSYS;
	if (b->busy)
		return -EBUSY;
	d = fcntl(fd, F_DUPFD_CLOEXEC, 0);
	if (d < 0)
		return -errno;
	pthread_mutex_lock(&b->mu);
	b->fd = d;
	b->data_only = data_only;
	b->busy = 1;
	b->done = 0;
	pthread_cond_signal(&b->cv);
	pthread_mutex_unlock(&b->mu);
	return 0;
}

int bgsync_reap(struct bgsync *b, int *err)
{
	char junk[16];
	int got = 0;

	if (!b->busy)
		return 0;
	pthread_mutex_lock(&b->mu);
	if (b->done) {
		*err = b->err;
		b->done = 0;
		b->busy = 0;
		got = 1;
	}
	pthread_mutex_unlock(&b->mu);
	if (got)
		while (read(b->pipe[0], junk, sizeof junk) > 0)
			;
	return got;
}

int bgsync_busy(const struct bgsync *b)
{
	return b->busy;
}

void bgsync_stop(struct bgsync *b)
{
	if (!b->running)
		return;
	pthread_mutex_lock(&b->mu);
	b->stop = 1;
	pthread_cond_signal(&b->cv);
	pthread_mutex_unlock(&b->mu);
	pthread_join(b->th, NULL);	/* a sync in progress ends first */
	if (b->fd >= 0)
		close(b->fd);
	b->fd = -1;
	pthread_cond_destroy(&b->cv);
	pthread_mutex_destroy(&b->mu);
	close(b->pipe[0]);
	close(b->pipe[1]);
	b->running = 0;
	b->busy = 0;
}
