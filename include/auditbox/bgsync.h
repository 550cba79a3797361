/* bgsync - a file sync that runs beside the caller: one worker thread
 * calls fdatasync (or fsync) on a duplicate of the fd it is given, so the
 * caller (auditd's netlink reader) never waits for the disk. One sync at
 * a time; the caller coalesces (logwrite: one pending sync covers every
 * record written before it starts). The end of each sync is signalled on
 * a pipe the caller polls, and its result is collected with
 * bgsync_reap. The duplicate keeps the file alive across a rotation or
 * close of the caller's fd. All state lives in struct bgsync. */
#ifndef AUDITBOX_BGSYNC_H
#define AUDITBOX_BGSYNC_H

#include <pthread.h>

struct bgsync {
	pthread_t th;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	int fd;			/* the duplicate to sync next; -1 none */
	int data_only;		/* fdatasync, else fsync */
	int busy;		/* submitted and not yet reaped */
	int done;		/* the worker finished the sync */
	int err;		/* its result: 0 or -errno */
	int stop;
	int running;		/* the thread exists */
	int pipe[2];		/* [0] readable when a sync finished */
	unsigned long syncs;	/* finished syncs, for the state report */
};

/* Starts the worker. 0, or -errno (nothing to stop then). */
int bgsync_start(struct bgsync *b);
/* The fd to poll for POLLIN: a sync finished (bgsync_reap it). */
int bgsync_fd(const struct bgsync *b);
/* Starts a sync of fd (data_only: fdatasync) in the worker. 0 started,
 * -EBUSY while the previous one is not reaped, or -errno of dup. */
int bgsync_submit(struct bgsync *b, int fd, int data_only);
/* 1 and *err (0 or -errno of the sync) when a submitted sync finished,
 * 0 while it runs or none is submitted. Never blocks. */
int bgsync_reap(struct bgsync *b, int *err);
/* 1 while a sync is submitted and not reaped. */
int bgsync_busy(const struct bgsync *b);
/* Waits for a running sync, ends the worker, closes what it holds. */
void bgsync_stop(struct bgsync *b);

#endif
