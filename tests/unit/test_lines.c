/* test_lines - core/lines.c: the lines and prefilter marks of a buffer cut
 * in blocks, by the thread or inline, equal those of a plain split with
 * the prefilter asked line by line; early stops; released pages. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE	/* memfd_create */
#endif
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <auditbox/lines.h>

/* The prefilter under test: where "XY" starts, wholly inside [p, end). */
static const char *find_xy(void *ctx, const char *p, const char *end)
{
	(void)ctx;
	for (; end - p >= 2; p++)
		if (p[0] == 'X' && p[1] == 'Y')
			return p;
	return NULL;
}

/* What a sequential reader sees: each line, and whether find over the
 * rest of the buffer from the line's start gives a place inside it. */
struct ref_line {
	size_t off, n;
	bool hit;
};

static size_t ref_split(const char *b, size_t size, bool with_find,
			struct ref_line *out, size_t max)
{
	size_t pos = 0, k = 0;

	while (pos < size && k < max) {
		const char *nl = memchr(b + pos, '\n', size - pos);
		size_t e = nl ? (size_t)(nl - b) : size;
		const char *h = with_find ? find_xy(NULL, b + pos, b + size) : b;

		out[k].off = pos;
		out[k].n = e - pos;
		out[k].hit = !with_find || (h && (size_t)(h - b) < e);
		k++;
		pos = e + 1;
	}
	return k;
}

/* A file holding b[0, size) (a memfd): the copies are read from it. */
static int file_of(const char *b, size_t size)
{
	int fd = memfd_create("test_lines", 0);

	assert_true(fd >= 0);
	assert_int_equal(write(fd, b, size), (ssize_t)size);
	return fd;
}

/* Cuts b with the given block limits, copy size (0: no copies, the
 * buffer itself is read) and thread mode, and compares. */
static void check_same(const char *b, size_t size, bool with_find,
		       size_t blk_bytes, uint32_t blk_max, size_t copy,
		       bool thread)
{
	static struct ref_line ref[70000];
	struct lines *l = calloc(1, sizeof *l);
	size_t n = ref_split(b, size, with_find, ref, 70000), k = 0;
	struct span line, text;
	int fd = copy ? file_of(b, size) : -1;
	size_t copied = 0;
	bool hit;

	assert_non_null(l);
	l->blk_bytes = blk_bytes;
	l->blk_max = blk_max;
	l->copy_bytes = copy;
	lines_start(l, b, size, fd, with_find ? find_xy : NULL, NULL, thread);
	if (thread)
		assert_true(l->threaded);
	while (lines_next(l, &line, &text, &hit)) {
		assert_true(k < n);
		assert_ptr_equal(line.p, b + ref[k].off);
		assert_int_equal(line.n, ref[k].n);
		assert_int_equal(text.n, line.n);
		assert_memory_equal(text.p, line.p, line.n);
		copied += text.p != line.p;
		assert_int_equal(hit, ref[k].hit);
		/* the NUL flag: set for a line with one, never for a
		 * buffer without */
		if (memchr(line.p, 0, line.n))
			assert_true(lines_nul(l));
		if (!memchr(b, 0, size))
			assert_false(lines_nul(l));
		assert_int_equal(lines_pos(l),
				 ref[k].off + ref[k].n + (ref[k].off + ref[k].n < size));
		k++;
	}
	assert_int_equal(k, n);
	/* a copy big enough for a block: every line is read from it */
	if (copy >= blk_bytes + size)
		assert_int_equal(copied, n);
	if (!copy)
		assert_int_equal(copied, 0);
	assert_int_equal(lines_next(l, &line, &text, &hit), 0);
	lines_stop(l);
	if (fd >= 0)
		close(fd);
	free(l);
}

/* Copies of 1 byte (no line fits: the buffer is read), a few bytes
 * (most lines fit, some not) and the default. */
static void check_all_modes(const char *b, size_t size)
{
	static const size_t bytes[] = { 1, 7, 64, LINES_BLOCK_BYTES };
	static const uint32_t max[] = { 1, 3, LINES_BLOCK_MAX };
	static const size_t copy[] = { 0, 1, 9, LINES_BLOCK_BYTES * 2 };
	size_t i, j, c;

	for (i = 0; i < sizeof bytes / sizeof *bytes; i++)
		for (j = 0; j < sizeof max / sizeof *max; j++)
			for (c = 0; c < sizeof copy / sizeof *copy; c++) {
				check_same(b, size, true, bytes[i], max[j],
					   copy[c], false);
				check_same(b, size, true, bytes[i], max[j],
					   copy[c], true);
				check_same(b, size, false, bytes[i], max[j],
					   copy[c], true);
			}
}

static void lines_next_small_cases(void **state)
{
	static const char *const cases[] = {
		"", "\n", "\n\n\n", "a", "a\n", "a\nb", "XY", "XY\n",
		"aXY\nb\nXY", "X\nY\nXY\n", "abc\n\nXYXY\n\nX",
		"type=SYSCALL msg=audit(1.000:1): key=\"XY\"\nnext\n",
		"0123456789abcdefXY0123456789abcdef\n0123456789abcdefX\nY",
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof *cases; i++)
		check_all_modes(cases[i], strlen(cases[i]));
}

/* Random lines of 'X', 'Y', 'a' and '\n' (some very long, many empty):
 * blocks cut at every kind of place, thread and not. */
/* Damaged logs: NUL bytes at a line's start, middle and end, in the
 * first and the last 16 bytes, and a last line without '\n'. */
static void lines_next_nul(void **state)
{
	static const char b[] =
		"\0type=A msg=audit(1.000:1): x\n"
		"type=B msg=audit(1.000:2): \0y\0\n"
		"plain line without a nul byte in it at all, long enough\n"
		"\n\0\n"
		"type=C msg=audit(1.000:3): z\0";

	(void)state;
	check_all_modes(b, sizeof b - 1);
	check_all_modes(b + 1, sizeof b - 2);
}

static void lines_next_random(void **state)
{
	size_t size = 300000, i;
	char *b = malloc(size);
	unsigned seed = 12345;

	(void)state;
	assert_non_null(b);
	for (i = 0; i < size; i++) {
		seed = seed * 1103515245 + 12345;
		switch ((seed >> 16) % 23) {
		case 0: case 1: b[i] = '\n'; break;
		case 2: b[i] = 'X'; break;
		case 3: b[i] = 'Y'; break;
		default: b[i] = 'a';
		}
	}
	memset(b + 1000, 'a', 200000);	/* a line longer than a block */
	check_same(b, size, true, LINES_BLOCK_BYTES, LINES_BLOCK_MAX, 0, true);
	check_same(b, size, true, LINES_BLOCK_BYTES, LINES_BLOCK_MAX,
		   LINES_BLOCK_BYTES + LINES_COPY_SLACK, true);
	check_same(b, size, true, 4096, 100, 5000, true);
	check_same(b, size, true, 333, 7, 400, false);
	check_same(b, size, false, 4096, LINES_BLOCK_MAX, 0, true);
	free(b);
}

/* each(): a line's length and first byte, kept as aux */
struct aux_rec {
	size_t n;
	int first;
};

static void each_rec(void *ctx, struct span text, void *aux)
{
	struct aux_rec *a = aux;

	(void)ctx;
	a->n = text.n;
	a->first = text.n ? (unsigned char)text.p[0] : -1;
}

/* A reader slower than the cutter gets each()'s results with the lines,
 * for the right lines, from copies and from the buffer itself. */
static void lines_aux_ahead(void **state)
{
	size_t size = 1u << 20, i, seen, n;
	char *b = malloc(size);
	struct lines *l = calloc(1, sizeof *l);
	struct span line, text;
	const struct aux_rec *a;
	bool hit;
	int fd, round;

	(void)state;
	assert_non_null(b);
	assert_non_null(l);
	for (i = 0; i < size; i++)
		b[i] = i % 37 == 36 ? '\n' : (char)('a' + i % 26);
	fd = file_of(b, size);
	for (round = 0; round < 2; round++) {
		memset(l, 0, sizeof *l);
		l->blk_bytes = 4096;
		l->each = each_rec;
		lines_start(l, b, size, round ? fd : -1, find_xy, NULL, true);
		usleep(20000);	/* the cutter fills the ring */
		seen = n = 0;
		while (lines_next(l, &line, &text, &hit)) {
			a = lines_aux(l);
			n++;
			if (!a)
				continue;
			seen++;
			assert_int_equal(a->n, line.n);
			assert_int_equal(a->first, (unsigned char)line.p[0]);
		}
		assert_int_equal(n, size / 37 + 1);
		assert_true(seen > 0);
		lines_stop(l);
	}
	close(fd);
	free(l);
	free(b);
}

/* Stopping before the end: the thread, waiting on a full ring, quits. */
static void lines_stop_early(void **state)
{
	size_t size = 1u << 20, i;
	char *b = malloc(size);
	struct lines *l = calloc(1, sizeof *l);
	struct span line, text;
	bool hit;
	int fd, round;

	(void)state;
	assert_non_null(b);
	assert_non_null(l);
	for (i = 0; i < size; i++)
		b[i] = i % 10 == 9 ? '\n' : 'a';
	fd = file_of(b, size);
	/* the buffer itself, then copies read from the file (the cutter
	 * may be reading into one when it is stopped) */
	for (round = 0; round < 2; round++) {
		memset(l, 0, sizeof *l);
		l->blk_bytes = 64;
		lines_start(l, b, size, round ? fd : -1, find_xy, NULL, true);
		for (i = 0; i < 5; i++)
			assert_int_equal(lines_next(l, &line, &text, &hit), 1);
		assert_int_equal(line.n, 9);
		assert_memory_equal(text.p, line.p, 9);
		assert_false(hit);
		lines_stop(l);
		assert_false(l->threaded);
		assert_null(l->copies);
		lines_stop(l);	/* twice: nothing left to stop */
	}
	close(fd);
	free(l);
	free(b);
}

/* A mapped file with pages given back behind the reader: every line is
 * still there, read again from the page cache. */
static void lines_next_release(void **state)
{
	char path[] = "/tmp/ab-lines.XXXXXX";
	size_t size = 6000000, i;	/* 60,000 lines of 100 bytes */
	int fd = mkstemp(path);
	char *w = malloc(size), *m;
	struct lines *l = calloc(1, sizeof *l);
	struct span line, text, first = { 0 };
	bool hit;
	size_t n = 0;

	(void)state;
	assert_true(fd >= 0);
	assert_non_null(w);
	assert_non_null(l);
	for (i = 0; i < size; i++)
		w[i] = i % 100 == 99 ? '\n' : (i % 100 == 50 ? 'X' : 'Y');
	assert_int_equal(write(fd, w, size), (ssize_t)size);
	m = mmap(NULL, size, PROT_READ, MAP_PRIVATE, fd, 0);
	assert_true(m != MAP_FAILED);
	l->release_lag = 256u << 10;
	lines_start(l, m, size, -1, find_xy, NULL, true);
	while (lines_next(l, &line, &text, &hit)) {
		if (!n)
			first = line;
		assert_int_equal(line.n, 99);
		assert_true(hit);
		n++;
	}
	assert_int_equal(n, size / 100);
	lines_stop(l);
	assert_true(l->released > 0);
	assert_memory_equal(first.p, w, 99);	/* faulted in again */
	munmap(m, size);
	close(fd);
	unlink(path);
	free(l);
	free(w);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(lines_next_small_cases),
		cmocka_unit_test(lines_next_nul),
		cmocka_unit_test(lines_next_random),
		cmocka_unit_test(lines_aux_ahead),
		cmocka_unit_test(lines_stop_early),
		cmocka_unit_test(lines_next_release),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
