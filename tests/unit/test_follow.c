/* test_follow - core/follow.c: whole lines only, rotation (the rest of
 * the old file, then the new one), truncation, older files first, a log
 * that is not there yet, the wake-up, and files held by open events. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <auditbox/follow.h>

static char dir[64], path[128];

static void put(const char *p, const char *mode, const char *text)
{
	FILE *f = fopen(p, mode);

	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static bool never(void *ctx, const char *lo, const char *hi)
{
	(void)ctx, (void)lo, (void)hi;
	return false;
}

static bool always(void *ctx, const char *lo, const char *hi)
{
	(void)ctx, (void)lo, (void)hi;
	return true;
}

/* The next line is text. */
static void want(struct follow *f, const char *text)
{
	struct span l;
	int failed = -1;

	assert_int_equal(follow_line(f, &l, &failed), FOLLOW_LINE);
	assert_int_equal(l.n, strlen(text));
	assert_memory_equal(l.p, text, l.n);
}

static void none(struct follow *f)
{
	struct span l;
	int failed = -1;

	assert_int_equal(follow_line(f, &l, &failed), 0);
}

static int setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof dir, "/tmp/ab-follow.XXXXXX");
	if (!mkdtemp(dir))
		return -1;
	snprintf(path, sizeof path, "%s/audit.log", dir);
	return 0;
}

static int teardown(void **state)
{
	char cmd[128];

	(void)state;
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	return system(cmd);
}

static void follow_line_whole_lines(void **state)
{
	struct follow f;

	(void)state;
	put(path, "w", "a 1\na 2");
	assert_int_equal(follow_open(&f, path, NULL, 0, 0, never, NULL), 0);
	want(&f, "a 1");
	none(&f);		/* "a 2" has no '\n' yet */
	put(path, "a", "2\n");
	want(&f, "a 22");
	none(&f);
	put(path, "a", "a 3\n");
	want(&f, "a 3");
	none(&f);
	follow_close(&f);
	unlink(path);
}

static void follow_line_rotation(void **state)
{
	char old[160];
	struct follow f;

	(void)state;
	snprintf(old, sizeof old, "%s.1", path);
	put(path, "w", "r 1\n");
	assert_int_equal(follow_open(&f, path, NULL, 0, 0, never, NULL), 0);
	want(&f, "r 1");
	none(&f);
	/* more is written, the file renamed, then a new one made: the rest
	 * of the old one comes first, its last line without '\n' too */
	put(path, "a", "r 2\nr 3");
	assert_int_equal(rename(path, old), 0);
	want(&f, "r 2");
	none(&f);		/* no new file yet: still the old one */
	put(path, "w", "n 1\n");
	want(&f, "r 3");
	assert_int_equal(f.notice, FOLLOW_N_ROTATED);
	want(&f, "n 1");
	none(&f);
	assert_int_equal(f.rotations, 1);
	follow_close(&f);
	unlink(path);
	unlink(old);
}

static void follow_line_truncation(void **state)
{
	struct follow f;

	(void)state;
	put(path, "w", "t 1\nt 2\nt 3\n");
	assert_int_equal(follow_open(&f, path, NULL, 0, 0, never, NULL), 0);
	want(&f, "t 1");
	want(&f, "t 2");
	want(&f, "t 3");
	none(&f);
	put(path, "w", "u 1\n");	/* truncated, shorter */
	want(&f, "u 1");
	assert_int_equal(f.notice, FOLLOW_N_TRUNCATED);
	assert_int_equal(f.truncations, 1);
	none(&f);
	follow_close(&f);
	unlink(path);
}

static void follow_line_older_first(void **state)
{
	char older[3][160];
	struct follow f;
	struct span l;
	int failed = -1;

	(void)state;
	snprintf(older[0], sizeof older[0], "%s.3", path);
	snprintf(older[1], sizeof older[1], "%s.2", path);	/* missing */
	snprintf(older[2], sizeof older[2], "%s.1", path);
	put(older[0], "w", "o 3\no 3b");	/* no '\n': a line still */
	put(older[2], "w", "o 1\n");
	put(path, "w", "c 0\n");
	assert_int_equal(follow_open(&f, path, &older[0][0], sizeof older[0],
				     3, never, NULL), 0);
	want(&f, "o 3");
	want(&f, "o 3b");
	assert_int_equal(follow_line(&f, &l, &failed), -ENOENT);
	assert_int_equal(failed, 1);
	want(&f, "o 1");
	want(&f, "c 0");
	none(&f);
	follow_close(&f);
	unlink(older[0]);
	unlink(older[2]);
	unlink(path);
}

static void follow_line_missing_log(void **state)
{
	struct follow f;

	(void)state;
	assert_int_equal(follow_open(&f, path, NULL, 0, 0, never, NULL), 0);
	none(&f);
	assert_int_equal(f.notice, FOLLOW_N_MISSING);
	f.notice = FOLLOW_N_NONE;
	none(&f);
	assert_int_equal(f.notice, FOLLOW_N_NONE);	/* said once */
	put(path, "w", "m 1\n");
	want(&f, "m 1");
	assert_int_equal(f.notice, FOLLOW_N_APPEARED);
	follow_close(&f);
	unlink(path);
}

static void follow_wait_wakes(void **state)
{
	struct follow f;

	(void)state;
	put(path, "w", "");
	assert_int_equal(follow_open(&f, path, NULL, 0, 0, never, NULL), 0);
	none(&f);
	assert_int_equal(follow_wait(&f, 0, NULL), 0);
	put(path, "a", "w 1\n");
	assert_int_equal(follow_wait(&f, -1, NULL), 1);
	want(&f, "w 1");
	assert_int_equal(follow_wait(&f, 0, NULL), 0);	/* events taken */
	follow_close(&f);
	unlink(path);
}

/* Lines held by open events keep their files: past FOLLOW_OLD of them
 * the caller is asked to let go. */
static void follow_line_full(void **state)
{
	char old[160];
	struct follow f;
	struct span l;
	int i, failed = -1, rc = 0;

	(void)state;
	snprintf(old, sizeof old, "%s.1", path);
	put(path, "w", "f 0\n");
	assert_int_equal(follow_open(&f, path, NULL, 0, 0, always, NULL), 0);
	want(&f, "f 0");
	for (i = 1; i <= FOLLOW_OLD + 1 && rc != FOLLOW_FULL; i++) {
		char text[16];

		assert_int_equal(rename(path, old), 0);
		snprintf(text, sizeof text, "f %d\n", i);
		put(path, "w", text);
		rc = follow_line(&f, &l, &failed);
		if (rc == FOLLOW_LINE)
			assert_memory_equal(l.p, text, l.n);
		else
			break;
	}
	assert_int_equal(rc, FOLLOW_FULL);
	assert_int_equal(i, FOLLOW_OLD + 1);
	f.in_use = never;	/* the events were completed */
	{
		char last[16];

		snprintf(last, sizeof last, "f %d", FOLLOW_OLD + 1);
		want(&f, last);
	}
	follow_close(&f);
	unlink(path);
	unlink(old);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(follow_line_whole_lines),
		cmocka_unit_test(follow_line_rotation),
		cmocka_unit_test(follow_line_truncation),
		cmocka_unit_test(follow_line_older_first),
		cmocka_unit_test(follow_line_missing_log),
		cmocka_unit_test(follow_wait_wakes),
		cmocka_unit_test(follow_line_full),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
