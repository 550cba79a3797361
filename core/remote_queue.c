/* remote_queue - audisp-remote's queue of records waiting for their ack:
 * memory, plus the journal file of mode = forward. Journal layout: a
 * 16-byte header ("ABRQ", version 1, the 8-byte offset of the first live
 * record, little-endian), then records as 4-byte little-endian length and
 * bytes. Not the reference's queue_file format (docs/compat.md). */
#include <auditbox/remote.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define JHDR 16
#define REC_MAX (REMOTE_MAX_MSG + 1)

static void put32(unsigned char *b, uint32_t v)
{
	for (int i = 0; i < 4; i++)
		b[i] = (unsigned char)(v >> 8 * i);
}

static uint32_t get32(const unsigned char *b)
{
	return (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 |
	       (uint32_t)b[3] << 24;
}

static int write_header(struct remote_queue *q)
{
	unsigned char h[JHDR] = { 'A', 'B', 'R', 'Q', 1, 0, 0, 0 };

	put32(h + 8, (uint32_t)q->jhead);
	put32(h + 12, (uint32_t)(q->jhead >> 32));
	return pwrite(q->fd, h, JHDR, 0) == JHDR ? 0 : -errno;
}

/* Room for n more bytes in memory: compacts, then grows. */
static int reserve(struct remote_queue *q, size_t n)
{
	size_t need, cap;
	char *nb;

	if (q->tail + n <= q->cap)
		return 0;
	if (q->head) {
		memmove(q->buf, q->buf + q->head, q->tail - q->head);
		q->tail -= q->head;
		q->head = 0;
		if (q->tail + n <= q->cap)
			return 0;
	}
	need = q->tail + n;
	cap = q->cap ? q->cap : 64 * 1024;
	while (cap < need)
		cap *= 2;
	nb = realloc(q->buf, cap);
	if (!nb)
		return -ENOMEM;
	q->buf = nb;
	q->cap = cap;
	return 0;
}

static int mem_push(struct remote_queue *q, const char *p, size_t n)
{
	int r = reserve(q, 4 + n);

	if (r < 0)
		return r;
	put32((unsigned char *)q->buf + q->tail, (uint32_t)n);
	memcpy(q->buf + q->tail + 4, p, n);
	q->tail += 4 + n;
	q->count++;
	return 0;
}

/* Reads the journal's live records into memory. */
static int load(struct remote_queue *q)
{
	struct stat st;
	unsigned char h[JHDR];
	char *data;
	uint64_t off;
	ssize_t r;

	if (fstat(q->fd, &st) < 0)
		return -errno;
	if (st.st_size == 0) {
		q->jhead = q->jtail = JHDR;
		return write_header(q);
	}
	if (st.st_size < JHDR || pread(q->fd, h, JHDR, 0) != JHDR ||
	    memcmp(h, "ABRQ\1\0\0\0", 8))
		return -EINVAL;
	q->jhead = get32(h + 8) | (uint64_t)get32(h + 12) << 32;
	if (q->jhead < JHDR)
		return -EINVAL;
	if (q->jhead >= (uint64_t)st.st_size) {	/* all acked */
		q->jhead = q->jtail = JHDR;
		if (ftruncate(q->fd, JHDR) < 0)
			return -errno;
		return write_header(q);
	}
	data = malloc((size_t)(st.st_size - (off_t)q->jhead) + 1);
	if (!data)
		return -ENOMEM;
	r = pread(q->fd, data, (size_t)(st.st_size - (off_t)q->jhead),
		  (off_t)q->jhead);
	if (r < 0) {
		free(data);
		return -errno;
	}
	off = 0;
	while (off + 4 <= (uint64_t)r) {
		uint32_t n = get32((unsigned char *)data + off);

		if (n > REC_MAX || off + 4 + n > (uint64_t)r)
			break;	/* torn by a crash: cut off */
		/* all of them, past depth too (queue_depth made smaller
		 * since they were written): a record kept in the journal but
		 * not in memory would be lost when the queue empties */
		if (mem_push(q, data + off + 4, n) < 0)
			break;
		off += 4 + n;
	}
	free(data);
	q->jtail = q->jhead + off;
	if (q->jtail < (uint64_t)st.st_size &&
	    ftruncate(q->fd, (off_t)q->jtail) < 0)
		return -errno;
	return 0;
}

int remote_queue_open(struct remote_queue *q, unsigned depth,
		      const char *journal)
{
	int r;

	memset(q, 0, sizeof *q);
	q->depth = depth;
	q->fd = -1;
	if (!journal)
		return 0;
	snprintf(q->path, sizeof q->path, "%s", journal);
	q->fd = open(journal, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
	if (q->fd < 0)
		return -errno;
	r = load(q);
	if (r < 0) {
		close(q->fd);
		q->fd = -1;
	}
	return r;
}

int remote_queue_push(struct remote_queue *q, const char *p, size_t n)
{
	if (q->count >= q->depth)
		return 1;
	if (n > REC_MAX)
		n = REC_MAX;
	if (q->fd >= 0) {
		unsigned char len[4];
		ssize_t w;

		put32(len, (uint32_t)n);
		w = pwrite(q->fd, len, 4, (off_t)q->jtail);
		if (w == 4 && n)
			w = pwrite(q->fd, p, n, (off_t)q->jtail + 4) ==
			    (ssize_t)n ? 4 : -1;
		if (w != 4) {
			int e = w < 0 ? errno : EIO;

			/* leave no torn record behind */
			if (ftruncate(q->fd, (off_t)q->jtail) < 0)
				e = errno;
			return -e;
		}
		q->jtail += 4 + n;
		q->dirty = 2;
	}
	return mem_push(q, p, n);
}

int remote_queue_get(const struct remote_queue *q, size_t rel,
		     const char **p, size_t *n, size_t *next)
{
	size_t at = q->head + rel;

	if (at + 4 > q->tail)
		return 0;
	*n = get32((const unsigned char *)q->buf + at);
	*p = q->buf + at + 4;
	*next = rel + 4 + *n;
	return 1;
}

/* Writes the live records to a new journal and renames it over the old
 * one: the dead front goes. */
static int rewrite(struct remote_queue *q)
{
	char tmp[sizeof q->path + 8];
	int fd, r = 0;
	size_t live = q->tail - q->head;

	snprintf(tmp, sizeof tmp, "%s.new", q->path);
	fd = open(tmp, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW,
		  0600);
	if (fd < 0)
		return -errno;
	if (pwrite(fd, q->buf + q->head, live, JHDR) != (ssize_t)live ||
	    fdatasync(fd) < 0 || rename(tmp, q->path) < 0) {
		r = -errno;
		close(fd);
		unlink(tmp);
		return r;
	}
	close(q->fd);
	q->fd = fd;
	q->jhead = JHDR;
	q->jtail = JHDR + live;
	return 0;
}

size_t remote_queue_pop(struct remote_queue *q)
{
	size_t n;

	if (!q->count)
		return 0;
	n = 4 + get32((const unsigned char *)q->buf + q->head);
	q->head += n;
	q->count--;
	if (!q->count)
		q->head = q->tail = 0;
	if (q->fd >= 0) {
		q->jhead += n;
		if (!q->dirty)
			q->dirty = 1;
	}
	return n;
}

int remote_queue_sync(struct remote_queue *q)
{
	int appended = q->dirty > 1;

	if (q->fd < 0 || !q->dirty)
		return 0;
	q->dirty = 0;
	if (!q->count) {
		q->jhead = q->jtail = JHDR;
		if (ftruncate(q->fd, JHDR) < 0)
			return -errno;
	} else if (q->jhead - JHDR > REMOTE_QUEUE_REWRITE) {
		int r = rewrite(q);

		if (r < 0)
			return r;
	}
	/* new records reach the disk before a head that may pass them */
	if (appended && fdatasync(q->fd) < 0)
		return -errno;
	return write_header(q);
}

void remote_queue_close(struct remote_queue *q)
{
	if (q->fd >= 0) {
		remote_queue_sync(q);
		close(q->fd);
	}
	free(q->buf);
	q->buf = NULL;
	q->fd = -1;
}
