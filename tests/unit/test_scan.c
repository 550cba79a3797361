/* test_scan - core/scan.c: files as one stream, the end of input with and
 * without keep_open, time bounds, stopping from the callback. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <auditbox/scan.h>

static char dir[64], paths[2][128];

/* Two files; the event of serial 2 has a record in each. */
static const char f1[] =
	"type=SYSCALL msg=audit(100.000:1): x=1\n"
	"type=PROCTITLE msg=audit(100.000:1): p=1\n"
	"type=SYSCALL msg=audit(101.000:2): x=2\n";
static const char f2[] =
	"type=CWD msg=audit(101.000:2): cwd=\"/\"\n"
	"type=USER_LOGIN msg=audit(103.000:3): pid=1\n"
	"type=SYSCALL msg=audit(104.000:4): x=4\n";

struct seen {
	unsigned long serial[8];
	unsigned nrec[8];
	int n, stop_at;
};

static int count(void *ctx, const struct event_table *t,
		 const struct event *e)
{
	struct seen *s = ctx;

	(void)t;
	if (s->n < 8) {
		s->serial[s->n] = e->serial;
		s->nrec[s->n] = e->nrec;
	}
	s->n++;
	return s->n == s->stop_at ? 7 : 0;
}

static int setup(void **state)
{
	FILE *f;

	(void)state;
	snprintf(dir, sizeof dir, "/tmp/ab-scan.XXXXXX");
	if (!mkdtemp(dir))
		return -1;
	snprintf(paths[0], sizeof paths[0], "%s/audit.log.1", dir);
	snprintf(paths[1], sizeof paths[1], "%s/audit.log", dir);
	f = fopen(paths[0], "w");
	fputs(f1, f);
	fclose(f);
	f = fopen(paths[1], "w");
	fputs(f2, f);
	fclose(f);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	unlink(paths[0]);
	unlink(paths[1]);
	return rmdir(dir);
}

static void scan_files_one_stream(void **state)
{
	struct scan s;
	struct seen seen = { .stop_at = -1 };
	int failed = -1;

	(void)state;
	assert_int_equal(scan_init(&s, 2, count, &seen), 0);
	assert_int_equal(scan_files(&s, paths[0], sizeof paths[0], 2, &failed),
			 0);
	assert_int_equal(seen.n, 4);
	assert_int_equal(seen.serial[1], 2);
	assert_int_equal(seen.nrec[1], 2);	/* across the two files */
	assert_int_equal(s.file, 1);
	scan_fini(&s);
}

static void scan_files_keep_open(void **state)
{
	struct scan s;
	struct seen seen = { .stop_at = -1 };
	int failed = -1;

	(void)state;
	assert_int_equal(scan_init(&s, 2, count, &seen), 0);
	s.keep_open = true;
	assert_int_equal(scan_files(&s, paths[0], sizeof paths[0], 2, &failed),
			 0);
	/* serial 4 is still open at the end: not released */
	assert_int_equal(seen.n, 3);
	assert_int_equal(seen.serial[2], 3);
	scan_fini(&s);
}

static void scan_files_bounds_and_stop(void **state)
{
	struct scan s;
	struct seen seen = { .stop_at = -1 };
	int failed = -1;

	(void)state;
	assert_int_equal(scan_init(&s, 2, count, &seen), 0);
	s.start = 101;
	s.end = 103;
	assert_int_equal(scan_files(&s, paths[0], sizeof paths[0], 2, &failed),
			 0);
	assert_int_equal(seen.n, 2);
	assert_int_equal(seen.serial[0], 2);
	scan_fini(&s);

	memset(&seen, 0, sizeof seen);
	seen.stop_at = 1;
	assert_int_equal(scan_init(&s, 2, count, &seen), 0);
	assert_int_equal(scan_files(&s, paths[0], sizeof paths[0], 2, &failed),
			 0);
	assert_int_equal(s.stop, 7);
	assert_int_equal(seen.n, 1);
	scan_fini(&s);
}

static void scan_files_missing(void **state)
{
	struct scan s;
	struct seen seen = { .stop_at = -1 };
	char two[2][128];
	int failed = -1;

	(void)state;
	memcpy(two[0], paths[0], sizeof two[0]);
	snprintf(two[1], sizeof two[1], "%s/nope", dir);
	assert_int_equal(scan_init(&s, 2, count, &seen), 0);
	assert_true(scan_files(&s, two[0], sizeof two[0], 2, &failed) < 0);
	assert_int_equal(failed, 1);
	scan_fini(&s);
}

/* file_end: after each file's events (the completing record's file),
 * the last after the end of input; first_sec: the first record, or the
 * first one out of the bounds when a start is given */
struct ends {
	struct seen seen;
	int at_end[4];		/* events seen when file i ended */
	int n;
};

static int count_ends(void *ctx, const struct event_table *t,
		      const struct event *e)
{
	return count(&((struct ends *)ctx)->seen, t, e);
}

static void on_end(void *ctx, int file)
{
	struct ends *x = ctx;

	if (file < 4)
		x->at_end[file] = x->seen.n;
	x->n++;
}

static void scan_files_file_end(void **state)
{
	struct scan s;
	struct ends x = { .seen = { .stop_at = -1 } };
	int failed = -1;

	(void)state;
	assert_int_equal(scan_init(&s, 2, count_ends, &x), 0);
	s.file_end = on_end;
	assert_int_equal(scan_files(&s, paths[0], sizeof paths[0], 2, &failed),
			 0);
	assert_int_equal(x.n, 2);
	/* nothing is complete when the first file ends (101 is within
	 * the 2 s timeout of 100); the rest at the end of input */
	assert_int_equal(x.at_end[0], 0);
	assert_int_equal(x.at_end[1], 4);
	assert_int_equal(s.first_sec, 100);
	scan_fini(&s);

	memset(&x, 0, sizeof x);
	x.seen.stop_at = -1;
	assert_int_equal(scan_init(&s, 2, count_ends, &x), 0);
	s.file_end = on_end;
	s.start = 103;
	assert_int_equal(scan_files(&s, paths[0], sizeof paths[0], 2, &failed),
			 0);
	assert_int_equal(s.first_sec, 100);	/* the first out of bounds */
	assert_int_equal(x.seen.n, 2);
	scan_fini(&s);
}

static void scan_fd_pipe(void **state)
{
	struct scan s;
	struct seen seen = { .stop_at = -1 };
	int p[2];

	(void)state;
	assert_int_equal(pipe(p), 0);
	assert_int_equal(write(p[1], f1, sizeof f1 - 1), (ssize_t)sizeof f1 - 1);
	close(p[1]);
	assert_int_equal(scan_init(&s, 2, count, &seen), 0);
	assert_int_equal(scan_fd(&s, p[0]), 0);
	assert_int_equal(seen.n, 2);
	scan_fini(&s);
	close(p[0]);
}

/* lines fed one by one (--follow, --live): events out as they complete,
 * the rest at scan_complete */
static void scan_feed_stream(void **state)
{
	static const char *const l[] = {
		"type=SYSCALL msg=audit(100.000:1): x=1",
		"type=USER_LOGIN msg=audit(100.000:2): pid=1",
		"type=SYSCALL msg=audit(103.000:3): x=3",
	};
	struct scan s;
	struct seen seen = { .stop_at = -1 };
	int i;

	(void)state;
	assert_int_equal(scan_init(&s, 2, count, &seen), 0);
	for (i = 0; i < 3; i++)
		scan_feed(&s, (struct span){ l[i], strlen(l[i]) });
	assert_int_equal(seen.n, 2);	/* 1 timed out by 3, then 2 */
	assert_int_equal(seen.serial[0], 1);
	assert_int_equal(seen.serial[1], 2);
	scan_complete(&s);
	assert_int_equal(seen.n, 3);
	assert_int_equal(seen.serial[2], 3);
	scan_fini(&s);
}

/* Damaged lines as ausearch 3.0.9 reads them (fgets into 8970 bytes,
 * then a C string): a line of 8969 + n bytes is two pieces, the second a
 * record of its own here; a record ends at its first NUL; a NUL first
 * makes the line empty. The same from a file, a pipe and scan_feed. */
struct lens {
	size_t len[8];
	int n;
};

static int lens_of(void *ctx, const struct event_table *t,
		   const struct event *e)
{
	struct lens *x = ctx;
	const struct event_rec *r = event_rec_first(t, e);

	if (x->n < 8 && r)
		x->len[x->n] = r->line.n;
	x->n++;
	return 0;
}

static void scan_damaged_check(const char *b, size_t n, int how)
{
	char path[160];
	struct scan s;
	struct lens x = { .n = 0 };
	int failed = -1, p[2], fd;
	const char *q = b, *nl;

	assert_int_equal(scan_init(&s, 2, lens_of, &x), 0);
	if (how == 2) {		/* lines fed one by one (--follow) */
		for (; q < b + n; q = nl + 1) {
			nl = memchr(q, '\n', (size_t)(b + n - q));
			if (!nl)
				nl = b + n;
			scan_feed(&s, (struct span){ q, (size_t)(nl - q) });
		}
		scan_complete(&s);
	} else if (how == 1) {
		assert_int_equal(pipe(p), 0);
		if (fork() == 0) {
			close(p[0]);
			_exit(write(p[1], b, n) != (ssize_t)n);
		}
		close(p[1]);
		assert_int_equal(scan_fd(&s, p[0]), 0);
		close(p[0]);
		wait(NULL);
	} else {
		snprintf(path, sizeof path, "%s/damaged.log", dir);
		fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
		assert_true(fd >= 0);
		assert_int_equal(write(fd, b, n), (ssize_t)n);
		close(fd);
		assert_int_equal(scan_files(&s, path, sizeof path, 1, &failed),
				 0);
		unlink(path);
	}
	scan_fini(&s);
	assert_int_equal(x.n, 4);
	assert_int_equal(x.len[0], SCAN_LINE_MAX);	/* first piece */
	assert_int_equal(x.len[1], 40);			/* the second */
	assert_int_equal(x.len[2], 30);			/* up to the NUL */
	assert_int_equal(x.len[3], 33);			/* the last line */
}

static void scan_damaged_lines(void **state)
{
	static const char head[] = "type=USER msg=audit(1.000:1): x='";
	size_t n;
	char *b = malloc(SCAN_LINE_MAX + 512);

	(void)state;
	assert_non_null(b);
	memcpy(b, head, sizeof head - 1);
	for (n = sizeof head - 1; n < SCAN_LINE_MAX; n++)
		b[n] = 'a';
#define ADD(lit) (memcpy(b + n, lit, sizeof lit - 1), n += sizeof lit - 1)
	ADD("type=USER msg=audit(1.000:2): res=okabcd\n");
	ADD("\0type=USER msg=audit(1.000:9): skipped\n");
	ADD("type=USER msg=audit(1.000:3): \0 x=1\n");
	ADD("type=USER msg=audit(1.000:4): x=1");
#undef ADD
	scan_damaged_check(b, n, 0);
	scan_damaged_check(b, n, 1);
	scan_damaged_check(b, n, 2);
	free(b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(scan_files_one_stream),
		cmocka_unit_test(scan_files_keep_open),
		cmocka_unit_test(scan_files_bounds_and_stop),
		cmocka_unit_test(scan_files_missing),
		cmocka_unit_test(scan_files_file_end),
		cmocka_unit_test(scan_fd_pipe),
		cmocka_unit_test(scan_feed_stream),
		cmocka_unit_test(scan_damaged_lines),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
