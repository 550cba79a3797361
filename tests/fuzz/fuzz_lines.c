/* fuzz_lines - libFuzzer target for core/lines.c: the input (after two
 * bytes that pick the block limits, the copies read from a file and the
 * thread) is cut into lines with a prefilter looking for "XY"; lines,
 * their copies and marks must equal a plain split with the prefilter
 * asked line by line, and a block holding a NUL byte marked (lines_nul);
 * aborts otherwise. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE	/* memfd_create */
#endif
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <auditbox/lines.h>

static const char *find_xy(void *ctx, const char *p, const char *end)
{
	(void)ctx;
	for (; end - p >= 2; p++)
		if (p[0] == 'X' && p[1] == 'Y')
			return p;
	return NULL;
}

static struct lines l;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *b;
	size_t pos = 0;
	struct span line, text;
	bool hit;
	int fd = -1;

	if (size < 2)
		return 0;
	memset(&l, 0, offsetof(struct lines, ring));	/* as scan.c does */
	l.blk_bytes = 1 + data[0] % 64;
	l.blk_max = 1 + data[1] % 8;
	b = (const char *)data + 2;
	size -= 2;
	if (data[0] & 0x40) {	/* copies of 1 to 64 bytes, from a file */
		fd = memfd_create("fuzz_lines", 0);
		if (fd < 0 || write(fd, b, size) != (ssize_t)size)
			abort();
		l.copy_bytes = 1 + (data[0] >> 2) % 64;
	}
	lines_start(&l, b, size, fd, find_xy, NULL, data[1] & 0x80);
	while (lines_next(&l, &line, &text, &hit)) {
		const char *nl = memchr(b + pos, '\n', size - pos);
		size_t e = nl ? (size_t)(nl - b) : size;
		const char *h = find_xy(NULL, b + pos, b + size);

		if (pos >= size || line.p != b + pos || line.n != e - pos ||
		    text.n != line.n || memcmp(text.p, line.p, line.n) ||
		    hit != (h && (size_t)(h - b) < e))
			abort();
		/* a line with a NUL is in a block marked for it; an input
		 * without one has no block marked */
		if ((memchr(line.p, 0, line.n) && !lines_nul(&l)) ||
		    (lines_nul(&l) && !memchr(b, 0, size)))
			abort();
		pos = e + 1;
	}
	if (pos < size)
		abort();
	lines_stop(&l);
	if (fd >= 0)
		close(fd);
	return 0;
}
