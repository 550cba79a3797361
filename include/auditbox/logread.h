/* logread - audit logs as lines: a file is mapped (mmap + memchr), a pipe
 * is read into one growing buffer, a log set (log_file, log_file.1 ...
 * log_file.N) is listed oldest first. Lines are spans into the mapping or
 * buffer and stay valid until logread_close. */
#ifndef AUDITBOX_LOGREAD_H
#define AUDITBOX_LOGREAD_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include <auditbox/span.h>

#define LOGREAD_CHUNK (4u << 20)
#define LOGREAD_MAX_CHUNKS 64

struct logread {
	int fd;
	char *base;		/* mapping, or the chunk being filled */
	size_t size;		/* bytes available in base */
	size_t cap;		/* chunk capacity (pipes) */
	size_t pos;		/* next line starts here */
	bool mapped, eof;
	bool follow;		/* a stream that grows (a file followed): at
				 * its end a line without '\n' is kept and
				 * the next call reads on */
	/* pipes: lines never move once read, so older chunks stay until
	 * logread_trim finds no one refers to them */
	char *chunks[LOGREAD_MAX_CHUNKS];
	size_t chunk_cap[LOGREAD_MAX_CHUNKS];
	unsigned nchunks;
};

/* Opens and maps a regular file (an empty file gives no lines); other
 * files (a device, a FIFO) are read as a stream (logread_open_fd).
 * Returns 0 or -errno. */
int logread_open(struct logread *lr, const char *path);

/* Reads from fd (a pipe) as lines come, into chunks of LOGREAD_CHUNK
 * bytes that never move. Returns 0. */
int logread_open_fd(struct logread *lr, int fd);

/* Next line without its '\n' (a last line without '\n' counts, unless
 * follow: then it waits for the rest, and 0 means nothing more yet).
 * Returns 1, 0 at the end, or -errno on a read error. */
int logread_line(struct logread *lr, struct span *line);

/* Gives back the mapped pages of [from, to) (offsets; rounded inwards to
 * pages). Spans there stay valid: a later access faults the page in again
 * from the page cache. Keeps a reader's RSS small on huge logs. */
void logread_release(struct logread *lr, size_t from, size_t to);

/* Frees the oldest pipe chunks (not the current one) for which
 * in_use(ctx, start, end) says no line there is referenced any more. */
void logread_trim(struct logread *lr,
		  bool (*in_use)(void *ctx, const char *lo, const char *hi),
		  void *ctx);

/* True when chunks are waiting for logread_trim. */
bool logread_trimmable(const struct logread *lr);

/* Unmaps / frees. */
void logread_close(struct logread *lr);

/* First record's second of a log file, or 0 when unreadable/empty. */
time_t logread_first_time(const char *path);

#define LOGREAD_MAX_SET 1000

/* The rotated set of base (base.N ... base.1, base), oldest first, into
 * paths[0..max) (each of size len); the set starts at the newest rotated
 * file whose first record is not after start (start 0: all). Returns the
 * number of files, or -ENAMETOOLONG. */
int logread_set(const char *base, time_t start, char *paths, size_t len,
		int max);

#endif
