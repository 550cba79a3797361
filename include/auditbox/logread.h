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

struct logread {
	int fd;
	char *base;		/* mapping or buffer */
	size_t size;		/* bytes available */
	size_t cap;		/* buffer capacity (pipes) */
	size_t pos;		/* next line starts here */
	size_t dropped;		/* pages before this were given back */
	bool mapped, eof;
};

/* Opens and maps a regular file (an empty file gives no lines).
 * Returns 0 or -errno. */
int logread_open(struct logread *lr, const char *path);

/* Reads from fd (a pipe) as lines come. Returns 0. */
int logread_open_fd(struct logread *lr, int fd);

/* Next line without its '\n' (a last line without '\n' counts).
 * Returns 1, 0 at the end, or -errno on a read error. */
int logread_line(struct logread *lr, struct span *line);

/* Tells the kernel it may drop mapped pages below keep (a pointer into
 * the mapping that no caller still uses). */
void logread_release(struct logread *lr, const char *keep);

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
