/* follow - a log read as it grows, following its name as tail -F does:
 * when the file is renamed and a new one made under the name (auditd's
 * rotation) the rest of the old one is read, then the new one from its
 * start; when it is truncated it is read again from its start. Older
 * files (a rotated set) can be read first, as one stream. Lines are spans
 * into buffers that stay until follow_trim finds no one refers to them.
 * Woken by inotify on the log's directory: nothing is polled. */
#ifndef AUDITBOX_FOLLOW_H
#define AUDITBOX_FOLLOW_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <auditbox/logread.h>
#include <auditbox/span.h>

#define FOLLOW_OLD 8		/* files left whose lines may still be held */
#define FOLLOW_PATH 4096

/* Lines in [lo, hi) are still referred to (event_refers). */
typedef bool (*follow_in_use_fn)(void *ctx, const char *lo, const char *hi);

enum {
	FOLLOW_LINE = 1,	/* a line */
	FOLLOW_FULL = 2,	/* FOLLOW_OLD files are held: let go of the
				 * lines (complete the events), call again */
};

/* What follow_line met, for the caller to say (tail -F's notices). */
enum {
	FOLLOW_N_NONE, FOLLOW_N_ROTATED, FOLLOW_N_TRUNCATED, FOLLOW_N_MISSING,
	FOLLOW_N_APPEARED,
};

struct follow {
	char path[FOLLOW_PATH];
	char *queue;			/* older files to read first */
	size_t qlen;			/* bytes between their names */
	int nqueue, qnext;
	struct logread cur;		/* the file being read */
	bool have_cur;
	uint64_t dev, ino;		/* of cur */
	struct logread old[FOLLOW_OLD];	/* files left, lines maybe held */
	unsigned nold;
	int ifd;			/* inotify on path's directory */
	follow_in_use_fn in_use;
	void *in_use_ctx;
	unsigned long lines;
	int notice;			/* FOLLOW_N_*, cleared by the caller */
	bool missing_said;
	unsigned long rotations, truncations;
};

/* Prepares f to follow path after reading the older files
 * older[0..n) (each len bytes apart, oldest first; n may be 0), and
 * sets up the inotify watch. in_use says which lines are still held.
 * Returns 0 or -errno (-ENAMETOOLONG, inotify's errors). */
int follow_open(struct follow *f, const char *path, const char *older,
		size_t len, int n, follow_in_use_fn in_use, void *ctx);

/* The next whole line (without '\n'; a line is given only once its '\n'
 * is written, except the last of a file left behind). Returns
 * FOLLOW_LINE, 0 when nothing more is there now (wait), FOLLOW_FULL,
 * or -errno on a read error. An older file that cannot be opened is
 * -errno with *failed set to its index (the next call goes on). */
int follow_line(struct follow *f, struct span *line, int *failed);

/* Waits until the log's directory changes (1), timeout_ms passes (0,
 * -1: no timeout) or a signal not blocked in *mask comes (-EINTR);
 * mask NULL: the current one. Returns -errno on other errors. */
int follow_wait(struct follow *f, int timeout_ms, const sigset_t *mask);

/* Frees the buffers no line still held lies in. */
void follow_trim(struct follow *f);

/* Closes everything. */
void follow_close(struct follow *f);

#endif
