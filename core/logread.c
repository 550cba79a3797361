/* logread - read audit logs: mapped files, pipes, rotated sets (ausearch(8)
 * "-if", auditd.conf(5) log_file and num_logs naming). */
#include <auditbox/logread.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <auditbox/record.h>

#define PIPE_CHUNK 65536

int logread_open(struct logread *lr, const char *path)
{
	struct stat st = { 0 };
	void *m;

	memset(lr, 0, sizeof *lr);
	lr->fd = open(path, O_RDONLY | O_CLOEXEC);
	if (lr->fd < 0)
		return -errno;
	if (fstat(lr->fd, &st) < 0 || S_ISDIR(st.st_mode)) {
		int e = S_ISDIR(st.st_mode) ? EISDIR : errno;

		close(lr->fd);
		lr->fd = -1;
		return -e;
	}
	if (!S_ISREG(st.st_mode))	/* /dev/null, a FIFO: read as a stream */
		return logread_open_fd(lr, lr->fd);
	lr->eof = true;
	if (st.st_size == 0)
		return 0;
	m = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, lr->fd, 0);
	if (m == MAP_FAILED) {
		int e = errno;

		close(lr->fd);
		lr->fd = -1;
		return -e;
	}
	madvise(m, (size_t)st.st_size, MADV_SEQUENTIAL);
	lr->base = m;
	lr->size = (size_t)st.st_size;
	lr->mapped = true;
	return 0;
}

int logread_open_fd(struct logread *lr, int fd)
{
	memset(lr, 0, sizeof *lr);
	lr->fd = fd;
	return 0;
}

/* A new chunk for a pipe, holding the partial line of the current one. */
static int new_chunk(struct logread *lr)
{
	size_t keep = lr->size - lr->pos;
	size_t cap = LOGREAD_CHUNK;
	char *c;

	if (lr->nchunks == LOGREAD_MAX_CHUNKS)
		return -ENOMEM;
	while (cap < 2 * keep + PIPE_CHUNK)
		cap *= 2;
	c = malloc(cap);
	if (!c)
		return -ENOMEM;
	if (keep)
		memcpy(c, lr->base + lr->pos, keep);
	lr->chunk_cap[lr->nchunks] = cap;
	lr->chunks[lr->nchunks++] = c;
	lr->base = c;
	lr->cap = cap;
	lr->size = keep;
	lr->pos = 0;
	return 0;
}

/* Reads more of a pipe. Returns bytes read, 0 at EOF, -errno. */
static ssize_t fill(struct logread *lr)
{
	ssize_t n;
	int rc;

	if (lr->cap - lr->size < PIPE_CHUNK && (rc = new_chunk(lr)) < 0)
		return rc;
	do
		n = read(lr->fd, lr->base + lr->size, lr->cap - lr->size);
	while (n < 0 && errno == EINTR);
	if (n < 0)
		return -errno;
	if (n == 0)
		lr->eof = true;
	lr->size += (size_t)n;
	return n;
}

void logread_trim(struct logread *lr,
		  bool (*in_use)(void *ctx, const char *lo, const char *hi),
		  void *ctx)
{
	unsigned i = 0, j;

	while (i + 1 < lr->nchunks &&
	       !in_use(ctx, lr->chunks[i], lr->chunks[i] + lr->chunk_cap[i]))
		free(lr->chunks[i++]);
	for (j = 0; i && j + i < lr->nchunks; j++) {
		lr->chunks[j] = lr->chunks[j + i];
		lr->chunk_cap[j] = lr->chunk_cap[j + i];
	}
	lr->nchunks -= i;
}

bool logread_trimmable(const struct logread *lr)
{
	return lr->nchunks > 1;
}

int logread_line(struct logread *lr, struct span *line)
{
	for (;;) {
		/* no buffer yet: an empty file, a pipe not read from */
		char *s = lr->base ? lr->base + lr->pos : NULL;
		size_t left = lr->size - lr->pos;
		const char *nl = span_memchr(s, '\n', left);

		if (nl) {
			*line = (struct span){ s, (size_t)(nl - s) };
			lr->pos += (size_t)(nl - s) + 1;
			return 1;
		}
		if (lr->eof) {
			if (lr->follow) {	/* more may come */
				lr->eof = false;
				return 0;
			}
			if (!left)
				return 0;
			*line = (struct span){ s, left };
			lr->pos = lr->size;
			return 1;
		}
		{
			ssize_t rc = fill(lr);

			if (rc < 0)
				return (int)rc;
		}
	}
}

void logread_release(struct logread *lr, size_t from, size_t to)
{
	size_t page = (size_t)sysconf(_SC_PAGESIZE);

	if (!lr->mapped)
		return;
	if (to > lr->size)
		to = lr->size;
	from = (from + page - 1) / page * page;
	to = to / page * page;
	if (to > from)
		madvise(lr->base + from, to - from, MADV_DONTNEED);
}

void logread_close(struct logread *lr)
{
	unsigned i;

	if (lr->mapped)
		munmap(lr->base, lr->size);
	for (i = 0; i < lr->nchunks; i++)
		free(lr->chunks[i]);
	if (lr->fd > 2)
		close(lr->fd);
	memset(lr, 0, sizeof *lr);
	lr->fd = -1;
}

time_t logread_first_time(const char *path)
{
	char buf[512];
	struct record r;
	ssize_t n;
	char *nl;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return 0;
	n = read(fd, buf, sizeof buf);
	close(fd);
	if (n <= 0)
		return 0;
	nl = memchr(buf, '\n', (size_t)n);
	if (record_parse(&r, buf, nl ? (size_t)(nl - buf) : (size_t)n))
		return 0;
	return (time_t)r.sec;
}

int logread_set(const char *base, time_t start, char *paths, size_t len,
		int max)
{
	int num = 0, i, count = 0;
	char name[PATH_MAX];

	if (strlen(base) + 12 >= sizeof name || strlen(base) + 12 >= len)
		return -ENAMETOOLONG;
	for (;;) {
		snprintf(name, sizeof name, "%s.%d", base, num + 1);
		if (num + 1 >= max || access(name, R_OK) != 0)
			break;
		num++;
	}
	/* skip rotated files wholly before start: those whose newer
	 * neighbour already starts at or before it */
	if (start) {
		while (num > 0) {
			time_t t;

			if (num - 1 > 0)
				snprintf(name, sizeof name, "%s.%d", base, num - 1);
			else
				snprintf(name, sizeof name, "%s", base);
			t = logread_first_time(name);
			if (t == 0 || t > start)
				break;
			num--;
		}
	}
	for (i = num; i >= 0; i--) {
		if (i > 0)
			snprintf(paths + (size_t)count * len, len, "%s.%d", base, i);
		else
			snprintf(paths + (size_t)count * len, len, "%s", base);
		count++;
	}
	return count;
}
