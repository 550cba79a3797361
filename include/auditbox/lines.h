/* lines - a mapped log cut into lines a block at a time, each line marked
 * when the prefilter (scan.h's find) has a candidate starting in it. A
 * second thread cuts the blocks ahead of the reader when it can: the
 * page faults, the first read of the file from memory and the byte scans
 * then run beside the record parsing. The lines and marks are exactly
 * those of a sequential pass (logread_line, find over the line). */
#ifndef AUDITBOX_LINES_H
#define AUDITBOX_LINES_H

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <auditbox/span.h>

/* A block ends at the first line end past LINES_BLOCK_BYTES */
#define LINES_BLOCK_BYTES (128u << 10)
#define LINES_BLOCK_MAX 4096		/* or after this many lines */
#define LINES_RING 8			/* blocks cut ahead of the reader */
#define LINES_COPY_SLACK (16u << 10)	/* a copy holds a block and this */
#define LINES_HIT (1ull << 63)

/* What a caller keeps per line (lines_each_fn), in bytes. */
#define LINES_AUX 40

/* Called by the cutting thread for each line of a block it cuts ahead of
 * the reader: text is the line, aux LINES_AUX bytes kept with it for the
 * reader (lines_aux). Must not touch anything the reader uses. */
typedef void (*lines_each_fn)(void *ctx, struct span text, void *aux);

/* A candidate may begin at the returned position in [p, end) (lying
 * wholly inside it), or NULL: scan_find_fn. */
typedef const char *(*lines_find_fn)(void *ctx, const char *p,
				     const char *end);

struct lines_blk {
	uint32_t n;			/* lines */
	size_t from;			/* offset of the first line */
	const char *data;		/* the block's bytes from `from` on: the
					 * copy in buf, or the mapping */
	char *buf;			/* this slot's copy (NULL: none) */
	bool has_aux;			/* each() was called on its lines */
	bool nul;			/* may hold a NUL byte */
	uint64_t end[LINES_BLOCK_MAX];	/* line end offset | LINES_HIT */
	_Alignas(8) unsigned char aux[LINES_BLOCK_MAX][LINES_AUX];
};

struct lines {
	const char *base;
	size_t size;
	int fd;				/* >= 0: blocks are read from it into
					 * copies; the mapping is left alone */
	size_t copy_bytes;		/* a copy's size (blk_bytes + slack) */
	char *copies;
	lines_find_fn find;		/* NULL: every line is a hit */
	void *find_ctx;
	lines_each_fn each;		/* optional: set before lines_start */
	void *each_ctx;
	size_t blk_bytes;		/* LINES_BLOCK_BYTES, smaller in tests */
	uint32_t blk_max;		/* LINES_BLOCK_MAX, smaller in tests */
	/* a mapping: pages this far behind the reader are given back
	 * (madvise MADV_DONTNEED; they fault in again when read); 0: never */
	size_t release_lag, released;
	/* cutter's side */
	size_t next;			/* offset the next block starts at */
	/* ring: blocks [tail, head) are cut; the reader holds tail */
	struct lines_blk ring[LINES_RING];
	unsigned head, tail;
	bool done, quit, threaded, held;
	bool cut_waits, read_waits;	/* a side sleeps on its cv */
	pthread_t th;
	pthread_mutex_t mu;
	pthread_cond_t cut_cv, read_cv;
	/* reader's side */
	uint32_t i;			/* next line in the block at tail */
	size_t pos;			/* just past the last line given: where the
					 * next line of the block starts */
};

/* Prepares l over base[0, size), a mapping of the file open as fd, with
 * find (may be NULL) and, if thread, starts the cutting thread (threaded
 * = false when it could not be started: then lines_next cuts as it goes).
 * With fd >= 0 the blocks are read() into copies and searched there: the
 * pages of the mapping are touched only by whoever reads the lines given
 * out (no page faults for lines nobody looks at again); fd -1: the
 * mapping is read. */
void lines_start(struct lines *l, const char *base, size_t size, int fd,
		 lines_find_fn find, void *ctx, bool thread);

/* lines_next when the block at hand is used up: takes the next one. */
int lines_more(struct lines *l, struct span *line, struct span *text,
	       bool *hit);

/* The next line without its '\n' (a last line without '\n' counts): in
 * the mapping (line) and the same bytes in the block's copy (text, which
 * stays valid until the next call), and whether find has a candidate
 * starting in it. Returns 1, or 0 at the end. */
static inline int lines_next(struct lines *l, struct span *line,
			     struct span *text, bool *hit)
{
	const struct lines_blk *k = &l->ring[l->tail % LINES_RING];
	uint64_t e;

	if (!l->held || l->i == k->n)
		return lines_more(l, line, text, hit);
	e = k->end[l->i++];
	*hit = (e & LINES_HIT) != 0;
	e &= ~LINES_HIT;
	*line = (struct span){ l->base + l->pos, (size_t)e - l->pos };
	*text = (struct span){ k->data + (l->pos - k->from),
			       (size_t)e - l->pos };
	l->pos = e < l->size ? (size_t)e + 1 : (size_t)e;
	return 1;
}

/* The aux bytes each() filled for the line lines_next gave last, or NULL
 * when each() was not called on it. */
static inline const void *lines_aux(const struct lines *l)
{
	const struct lines_blk *k = &l->ring[l->tail % LINES_RING];

	return k->has_aux ? k->aux[l->i - 1] : NULL;
}

/* False when no line of the block lines_next gave the last line from
 * holds a NUL byte (true: one may). */
static inline bool lines_nul(const struct lines *l)
{
	return l->ring[l->tail % LINES_RING].nul;
}

/* Offset just past the line lines_next gave last (its '\n'). */
static inline size_t lines_pos(const struct lines *l)
{
	return l->pos;
}

/* Stops the cutting thread (at once, also before the end), waits for it
 * and frees the copies. */
void lines_stop(struct lines *l);

#endif
