/* fuzz_remote_queue - libFuzzer target for core/remote_queue.c's journal
 * (audisp-remote's forward mode: the records not yet acked, kept on disk
 * across restarts): the input is the journal file as found at start
 * (written to one file in /dev/shm, memory, reused for every input). It
 * is loaded with a depth of 1 to 64 records (the input's size picks;
 * every record is loaded, past the depth too), every record read back
 * (each must lie inside the queue), two popped, one pushed, synced and
 * closed; then loaded again, and the records must be the ones left.
 * Aborts otherwise. */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <auditbox/remote.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

static char path[64];

static void gone(void)
{
	unlink(path);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	snprintf(path, sizeof path, "/dev/shm/auditbox-fuzz-rq.%ld",
		 (long)getpid());
	atexit(gone);
	return 0;
}

/* The records of q after its first skip ones, as one count and sum. */
static void walk(const struct remote_queue *q, unsigned *count,
		 uint64_t *sum)
{
	size_t rel = 0, n, next;
	const char *p;

	*count = 0;
	*sum = 0;
	while (remote_queue_get(q, rel, &p, &n, &next)) {
		if (p < q->buf || p + n > q->buf + q->tail || next <= rel)
			abort();
		for (size_t i = 0; i < n; i++)
			*sum = *sum * 31 + (unsigned char)p[i];
		*sum += n;
		++*count;
		rel = next;
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct remote_queue q;
	unsigned depth = 1 + (unsigned)(size % 64), c1, c2;
	uint64_t s1, s2;
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);

	if (fd < 0 || write(fd, data, size) != (ssize_t)size)
		abort();
	close(fd);
	if (remote_queue_open(&q, depth, path) < 0) {
		remote_queue_close(&q);
		return 0;
	}
	walk(&q, &c1, &s1);
	if (c1 != q.count)
		abort();
	remote_queue_pop(&q);
	remote_queue_pop(&q);
	(void)remote_queue_push(&q, "type=EOE x", 10);
	walk(&q, &c1, &s1);
	(void)remote_queue_sync(&q);
	remote_queue_close(&q);
	if (remote_queue_open(&q, 64, path) < 0)
		abort();
	walk(&q, &c2, &s2);
	if (c2 != c1 || s2 != s1)
		abort();
	remote_queue_close(&q);
	return 0;
}
