/* lines - a mapped log cut into lines in blocks, by a thread ahead of the
 * reader (see lines.h). */
#include <auditbox/lines.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>

#include "cpu.h"
#define LINES_AVX2 1

/* cut_ends' loop 32 bytes a step, for CPUs with AVX2: true when the block
 * ended (*ret: its length), else *ip and *np say how far it got. */
__attribute__((target("avx2")))
static bool ends_avx2(struct lines_blk *k, const char *d, size_t size,
		      size_t lim, uint32_t max, size_t *ip, uint32_t *np,
		      size_t *ret)
{
	const __m256i nl = _mm256_set1_epi8('\n'), z = _mm256_setzero_si256();
	size_t i = *ip;
	uint32_t n = *np;
	unsigned nul = 0;

	for (; i + 32 <= size; i += 32) {
		__m256i v = _mm256_loadu_si256((const __m256i *)(const void *)(d + i));
		unsigned m = (unsigned)_mm256_movemask_epi8(_mm256_cmpeq_epi8(v, nl));

		nul |= (unsigned)_mm256_movemask_epi8(_mm256_cmpeq_epi8(v, z));
		for (; m; m &= m - 1) {
			size_t e = i + (size_t)__builtin_ctz(m);

			k->end[n++] = k->from + e;
			if (n == max || e + 1 >= lim) {
				k->nul |= nul != 0;
				*np = n;
				*ret = e + 1;
				return true;
			}
		}
	}
	k->nul |= nul != 0;
	*ip = i;
	*np = n;
	return false;
}
#endif

/* Records in k the ends of the lines of d[0, size) (the file from k->from
 * on), up to the first line that ends at or past lim, or max lines. With
 * eof (d runs to the end of the file) a last line without '\n' ends at
 * size; without, a line d does not end is left to the next block. Returns
 * the block's length: 0 when d holds no whole line. One pass of 32- or
 * 16-byte compares, which also note whether the block may hold a NUL
 * byte (k->nul: bytes just past the block may count). */
static size_t cut_ends(struct lines_blk *k, const char *d, size_t size,
		       size_t lim, uint32_t max, bool eof)
{
	size_t i = 0, last, i0;
	uint32_t n = 0;
#ifdef __SSE2__
	const __m128i nl = _mm_set1_epi8('\n'), z = _mm_setzero_si128();
	unsigned nul = 0;
#endif
#ifdef LINES_AVX2
	size_t ret;
#endif

	k->nul = false;
#ifdef LINES_AVX2
	if (cpu_avx2() &&
	    ends_avx2(k, d, size, lim, max, &i, &n, &ret)) {
		k->n = n;
		return ret;
	}
#endif
#ifdef __SSE2__
	for (; i + 16 <= size; i += 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(d + i));
		unsigned m = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, nl));

		nul |= (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, z));
		for (; m; m &= m - 1) {
			size_t e = i + (size_t)__builtin_ctz(m);

			k->end[n++] = k->from + e;
			if (n == max || e + 1 >= lim) {
				k->nul |= nul != 0;
				k->n = n;
				return e + 1;
			}
		}
	}
	k->nul |= nul != 0;
#endif
	/* the rest (all of it without SSE2) */
	i0 = i;
	while (i < size) {
		const char *q = memchr(d + i, '\n', size - i);

		if (!q)
			break;
		i = (size_t)(q - d);
		k->end[n++] = k->from + i++;
		if (n == max || i >= lim) {
			k->nul |= memchr(d + i0, 0, i - i0) != NULL;
			k->n = n;
			return i;
		}
	}
	last = n ? (size_t)(k->end[n - 1] - k->from) + 1 : 0;
	if (eof && last < size) {
		k->end[n++] = k->from + size;	/* no '\n' at the end */
		last = size;
	}
	if (last > i0)
		k->nul |= memchr(d + i0, 0, last - i0) != NULL;
	k->n = n;
	return last;
}

/* Reads n bytes at off into buf; false on an error or a short file. */
static bool read_at(int fd, char *buf, size_t n, size_t off)
{
	while (n) {
		ssize_t r = pread(fd, buf, n, (off_t)off);

		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return false;
		buf += r;
		off += (size_t)r;
		n -= (size_t)r;
	}
	return true;
}

/* Cuts the block starting at l->next into k: its bytes (read into the
 * slot's copy, or else the mapping itself), its line ends, then the lines
 * the prefilter marks. */
static void cut(struct lines *l, struct lines_blk *k)
{
	size_t left = l->size - l->next, len = 0, want;
	uint32_t n, j;

	k->from = l->next;
	if (l->fd >= 0 && k->buf) {
		want = left < l->copy_bytes ? left : l->copy_bytes;
		if (read_at(l->fd, k->buf, want, k->from)) {
			k->data = k->buf;
			len = cut_ends(k, k->data, want, l->blk_bytes,
				       l->blk_max, want == left);
		}
	}
	if (!len) {	/* no copy, or a line longer than the copy */
		k->data = l->base + k->from;
		len = cut_ends(k, k->data, left, l->blk_bytes, l->blk_max,
			       true);
	}
	l->next += len;
	n = k->n;
	if (!l->find) {
		for (j = 0; j < n; j++)
			k->end[j] |= LINES_HIT;
		return;
	}
	/* each line's own window, as logread_line + find would see it;
	 * a candidate found further on skips the lines before it */
	for (j = 0; j < n;) {
		size_t st = j ? (k->end[j - 1] & ~LINES_HIT) + 1 : k->from;
		const char *h = l->find(l->find_ctx, k->data + (st - k->from),
					k->data + len);
		size_t off;

		if (!h)
			break;
		off = k->from + (size_t)(h - k->data);
		while (j < n && off >= (k->end[j] & ~LINES_HIT))
			j++;
		if (j == n)
			break;
		/* at the '\n' before line j: in no line, look again */
		if (j == 0 || off > (k->end[j - 1] & ~LINES_HIT))
			k->end[j++] |= LINES_HIT;
	}
}

/* Gives back the mapped pages more than release_lag behind the block the
 * reader is on (from), a MiB at a time: madvise(MADV_DONTNEED) on the
 * cutter's side keeps the unmapping off the reader's time. */
static void give_back(struct lines *l, size_t from)
{
	size_t page = (size_t)sysconf(_SC_PAGESIZE), to;

	if (!l->release_lag || from < l->release_lag)
		return;
	to = (from - l->release_lag) / page * page;
	if (to < l->released + (1u << 20))
		return;
	madvise((void *)(l->base + l->released), to - l->released,
		MADV_DONTNEED);
	l->released = to;
}

/* Each side sleeps until the ring is half free (cutter) or a quarter
 * full (reader), and is woken only then: a few switches per MiB. */
#define CUT_RESUME (LINES_RING / 2)
#define READ_RESUME (LINES_RING / 4)

/* The cutter calls each() on the lines of the blocks it cuts while this
 * many are waiting for the reader: it is the faster side then. */
#define AUX_AHEAD (LINES_RING / 2)

static void each_line(struct lines *l, struct lines_blk *k)
{
	size_t st = k->from, e;
	uint32_t j;

	for (j = 0; j < k->n; j++) {
		e = k->end[j] & ~LINES_HIT;
		l->each(l->each_ctx,
			(struct span){ k->data + (st - k->from), e - st },
			k->aux[j]);
		st = e + 1;
	}
}

static void *cutter(void *arg)
{
	struct lines *l = arg;
	struct lines_blk *k;
	unsigned ahead;
	size_t from;

	pthread_mutex_lock(&l->mu);
	while (!l->quit && l->next < l->size) {
		if (l->head - l->tail == LINES_RING) {
			l->cut_waits = true;
			while (!l->quit && l->head - l->tail > CUT_RESUME)
				pthread_cond_wait(&l->cut_cv, &l->mu);
			l->cut_waits = false;
			continue;
		}
		/* the block at head is the cutter's until head moves */
		ahead = l->head - l->tail;
		pthread_mutex_unlock(&l->mu);
		k = &l->ring[l->head % LINES_RING];
		cut(l, k);
		/* ahead of the reader: take some of its work too */
		k->has_aux = l->each && ahead >= AUX_AHEAD;
		if (k->has_aux)
			each_line(l, k);
		pthread_mutex_lock(&l->mu);
		l->head++;
		if (l->read_waits && l->head - l->tail >= READ_RESUME)
			pthread_cond_signal(&l->read_cv);
		from = l->ring[l->tail % LINES_RING].from;
		pthread_mutex_unlock(&l->mu);
		give_back(l, from);
		pthread_mutex_lock(&l->mu);
	}
	l->done = true;
	pthread_cond_signal(&l->read_cv);
	pthread_mutex_unlock(&l->mu);
	return NULL;
}

void lines_start(struct lines *l, const char *base, size_t size, int fd,
		 lines_find_fn find, void *ctx, bool thread)
{
	unsigned i;

	l->base = base;
	l->size = size;
	l->find = find;
	l->find_ctx = ctx;
	if (!l->blk_bytes)
		l->blk_bytes = LINES_BLOCK_BYTES;
	if (!l->blk_max || l->blk_max > LINES_BLOCK_MAX)
		l->blk_max = LINES_BLOCK_MAX;
	if (!l->copy_bytes)
		l->copy_bytes = l->blk_bytes + LINES_COPY_SLACK;
	l->fd = fd;
	l->copies = fd >= 0 ? malloc(LINES_RING * l->copy_bytes) : NULL;
	if (!l->copies)
		l->fd = -1;
	for (i = 0; i < LINES_RING; i++)
		l->ring[i].buf = l->copies ? l->copies + i * l->copy_bytes : NULL;
	l->next = l->pos = l->released = 0;
	l->head = l->tail = 0;
	l->i = 0;
	l->done = l->quit = l->threaded = l->held = false;
	l->cut_waits = l->read_waits = false;
	if (!thread)
		return;
	if (pthread_mutex_init(&l->mu, NULL))
		return;
	if (pthread_cond_init(&l->cut_cv, NULL)) {
		pthread_mutex_destroy(&l->mu);
		return;
	}
	if (pthread_cond_init(&l->read_cv, NULL)) {
		pthread_cond_destroy(&l->cut_cv);
		pthread_mutex_destroy(&l->mu);
		return;
	}
	l->threaded = pthread_create(&l->th, NULL, cutter, l) == 0;
	if (!l->threaded) {
		pthread_cond_destroy(&l->read_cv);
		pthread_cond_destroy(&l->cut_cv);
		pthread_mutex_destroy(&l->mu);
	}
}

/* Makes the block at tail one with lines left; false at the end. */
static bool next_block(struct lines *l)
{
	if (!l->threaded) {
		if (l->held)
			l->tail++;
		l->held = false;
		if (l->next >= l->size)
			return false;
		give_back(l, l->next);
		cut(l, &l->ring[l->tail % LINES_RING]);
		l->ring[l->tail % LINES_RING].has_aux = false;
		l->held = true;
		l->i = 0;
		return true;
	}
	pthread_mutex_lock(&l->mu);
	if (l->held) {
		l->tail++;
		l->held = false;
		if (l->cut_waits && l->head - l->tail <= CUT_RESUME)
			pthread_cond_signal(&l->cut_cv);
	}
	if (l->head == l->tail && !l->done) {
		l->read_waits = true;
		while (l->head - l->tail < READ_RESUME && !l->done)
			pthread_cond_wait(&l->read_cv, &l->mu);
		l->read_waits = false;
	}
	l->held = l->head != l->tail;
	pthread_mutex_unlock(&l->mu);
	l->i = 0;
	return l->held;
}

int lines_more(struct lines *l, struct span *line, struct span *text,
	       bool *hit)
{
	const struct lines_blk *k = &l->ring[l->tail % LINES_RING];

	while (!l->held || l->i == k->n) {
		if (!next_block(l))
			return 0;
		k = &l->ring[l->tail % LINES_RING];
		l->pos = k->from;
	}
	return lines_next(l, line, text, hit);
}

void lines_stop(struct lines *l)
{
	if (l->threaded) {
		pthread_mutex_lock(&l->mu);
		l->quit = true;
		pthread_cond_signal(&l->cut_cv);
		pthread_mutex_unlock(&l->mu);
		pthread_join(l->th, NULL);
		pthread_cond_destroy(&l->cut_cv);
		pthread_cond_destroy(&l->read_cv);
		pthread_mutex_destroy(&l->mu);
		l->threaded = false;
	}
	/* the cutter may have been reading into them until it was joined */
	free(l->copies);
	l->copies = NULL;
}
