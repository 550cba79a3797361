/* scan - audit log inputs into complete events, the loop ausearch and
 * aureport share: a file, a pipe, or a rotated set read as one stream
 * (events may span files), records outside [start, end] skipped, events
 * handed to a callback in the reference's release order (event.h). At
 * the end of input the open events are completed, unless keep_open
 * (ausearch --checkpoint: incomplete events wait for the next run).
 * Damaged lines are read as the reference reads them: one longer than
 * SCAN_LINE_MAX bytes as pieces of that size, each up to its first NUL.
 * Mapped pages behind the reader are given back as it goes: RSS stays
 * small whatever the log size. */
#ifndef AUDITBOX_SCAN_H
#define AUDITBOX_SCAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include <auditbox/event.h>
#include <auditbox/logread.h>

/* Called for every released event; a non-zero return stops the scan
 * (that value is kept in scan.stop). */
typedef int (*scan_fn)(void *ctx, const struct event_table *t,
		       const struct event *e);

/* Prefilter: the first position in [p, end) where searched text lying
 * wholly inside [p, end) may begin, or NULL when there is none. */
typedef const char *(*scan_find_fn)(void *ctx, const char *p,
				    const char *end);

struct scan {
	struct event_table t;
	scan_find_fn find;	/* optional: sets record.hit per line */
	void *find_ctx;
	/* find's answer for [hfrom, hend) of the buffer at hbase */
	const char *hbase, *hfrom, *hend, *hit;
	time_t start, end;	/* records before/after are skipped; 0: none */
	bool keep_open;		/* end of input leaves open events open */
	size_t thread_min;	/* mapped files this big are cut by a second
				 * thread (lines.h); 0: SCAN_THREAD_MIN */
	scan_fn fn;
	void *ctx;
	/* optional: told when the events of input file i are all out (a
	 * file's own events and those completed by its records; the last
	 * file's after the open events were completed) */
	void (*file_end)(void *ctx, int file);
	/* the first record's time, as ref 3.0.9's lol keeps it for
	 * aureport: the first record out of [start, end], else the first
	 * record when no start is given (sec 0: none yet) */
	uint64_t first_sec;
	unsigned first_milli;
	int stop;		/* fn's non-zero answer */
	struct logread *lr;	/* the input being read */
	int file;		/* its index in scan_files' list */
	unsigned long drained;
	size_t touched;		/* lowest offset drained events start at */
	char *scratch;		/* SCAN_SCRATCH bytes: a marked event's records */
};

#define SCAN_THREAD_MIN (4u << 20)
/* Longest line the reference reads in one piece (see scan.c) */
#define SCAN_LINE_MAX 8969
#define SCAN_SCRATCH (64u << 10)
#define SCAN_MAX_EVENTS 65536
#define SCAN_MAX_RECORDS (SCAN_MAX_EVENTS * 8)

/* Prepares s with an event table (timeout: end_of_event_timeout).
 * Returns 0 or -ENOMEM. */
int scan_init(struct scan *s, unsigned timeout, scan_fn fn, void *ctx);
/* The same with a table of max_events events (and 8 records each)
 * instead of SCAN_MAX_EVENTS (fuzzing: small inputs, cheap tables). */
int scan_init_n(struct scan *s, unsigned timeout, uint32_t max_events,
		scan_fn fn, void *ctx);

/* Frees what scan_init took. */
void scan_fini(struct scan *s);

/* Reads the files paths[0..n) (each len bytes apart), oldest first, as
 * one stream, then completes open events (unless keep_open). Returns 0,
 * or -errno when file *failed could not be opened (the files before it
 * were read; nothing is completed). */
int scan_files(struct scan *s, const char *paths, size_t len, int n,
	       int *failed);

/* Reads fd (a pipe) to its end, then completes open events (unless
 * keep_open). Returns 0 or -errno on a read error. */
int scan_fd(struct scan *s, int fd);

/* One line of a stream read elsewhere (ausearch --follow, --live): fed
 * to the events, and the events it completes handed to fn. The line must
 * stay valid until its event is released (scan_refers). No prefilter:
 * every record is a candidate. */
void scan_feed(struct scan *s, struct span line);

/* Completes every open event and hands them to fn (the end of a stream,
 * or nothing more came within the event timeout). */
void scan_complete(struct scan *s);

#endif
