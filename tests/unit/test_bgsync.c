/* Tests for core/bgsync.c: a sync in the worker thread on a real file,
 * its end seen on the poll fd, errors carried back, one at a time, the
 * caller's fd closed while the sync runs, stop with a sync pending. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <auditbox/bgsync.h>

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char path[64];

static int tmpfile_fd(void)
{
	int fd;

	snprintf(path, sizeof path, "/tmp/ab-bgsync.XXXXXX");
	fd = mkstemp(path);
	assert_true(fd >= 0);
	unlink(path);
	assert_int_equal(write(fd, "hello\n", 6), 6);
	return fd;
}

/* Waits (bounded: the worker only has to run once) for the end of the
 * submitted sync and returns its result. */
static int wait_done(struct bgsync *b)
{
	struct pollfd p = { bgsync_fd(b), POLLIN, 0 };
	int err = 1;

	for (int i = 0; i < 600; i++) {
		if (bgsync_reap(b, &err))
			return err;
		poll(&p, 1, 100);
	}
	fail_msg("the sync did not end in 60 s");
	return err;
}

static void bgsync_submit_file(void **state)
{
	struct bgsync b;
	int fd = tmpfile_fd();

	(void)state;
	assert_int_equal(bgsync_start(&b), 0);
	assert_true(bgsync_fd(&b) >= 0);
	assert_false(bgsync_busy(&b));
	assert_int_equal(bgsync_submit(&b, fd, 1), 0);
	assert_true(bgsync_busy(&b));
	/* one at a time: the caller coalesces */
	assert_int_equal(bgsync_submit(&b, fd, 1), -EBUSY);
	assert_int_equal(wait_done(&b), 0);
	assert_false(bgsync_busy(&b));
	assert_int_equal(b.syncs, 1);
	/* and again, fsync this time */
	assert_int_equal(bgsync_submit(&b, fd, 0), 0);
	assert_int_equal(wait_done(&b), 0);
	assert_int_equal(b.syncs, 2);
	bgsync_stop(&b);
	close(fd);
}

static void bgsync_error_carried_back(void **state)
{
	struct bgsync b;
	int p[2];

	(void)state;
	assert_int_equal(pipe(p), 0);
	assert_int_equal(bgsync_start(&b), 0);
	assert_int_equal(bgsync_submit(&b, p[1], 1), 0);
	assert_int_equal(wait_done(&b), -EINVAL);	/* no sync on a pipe */
	bgsync_stop(&b);
	close(p[0]);
	close(p[1]);
}

static void bgsync_bad_fd(void **state)
{
	struct bgsync b;

	(void)state;
	assert_int_equal(bgsync_start(&b), 0);
	assert_int_equal(bgsync_submit(&b, -1, 1), -EBADF);
	assert_false(bgsync_busy(&b));
	bgsync_stop(&b);
}

static void bgsync_caller_closes_fd(void **state)
{
	struct bgsync b;
	int fd = tmpfile_fd();

	(void)state;
	assert_int_equal(bgsync_start(&b), 0);
	assert_int_equal(bgsync_submit(&b, fd, 1), 0);
	close(fd);	/* a rotation: the worker syncs its own duplicate */
	assert_int_equal(wait_done(&b), 0);
	bgsync_stop(&b);
}

static void bgsync_reap_without_submit(void **state)
{
	struct bgsync b;
	int err = 7;

	(void)state;
	assert_int_equal(bgsync_start(&b), 0);
	assert_int_equal(bgsync_reap(&b, &err), 0);
	assert_int_equal(err, 7);
	bgsync_stop(&b);
	assert_int_equal(bgsync_fd(&b), -1);
	assert_int_equal(bgsync_submit(&b, 0, 1), -ENOSYS);
}

static void bgsync_stop_with_pending(void **state)
{
	struct bgsync b;
	int fd = tmpfile_fd();

	(void)state;
	assert_int_equal(bgsync_start(&b), 0);
	assert_int_equal(bgsync_submit(&b, fd, 1), 0);
	bgsync_stop(&b);	/* waits for the sync, closes the duplicate */
	assert_int_equal(b.syncs, 1);
	/* only our fd is left open on the file */
	assert_true(fcntl(fd, F_GETFD) >= 0);
	close(fd);
	bgsync_stop(&b);	/* twice is harmless */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(bgsync_submit_file),
		cmocka_unit_test(bgsync_error_carried_back),
		cmocka_unit_test(bgsync_bad_fd),
		cmocka_unit_test(bgsync_caller_closes_fd),
		cmocka_unit_test(bgsync_reap_without_submit),
		cmocka_unit_test(bgsync_stop_with_pending),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
