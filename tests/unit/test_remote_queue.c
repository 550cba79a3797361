/* test_remote_queue - core/remote_queue.c: memory order and depth, the
 * journal reloaded after a restart (acked records gone, the rest kept in
 * order), a torn last record cut off, a file that is not ours refused,
 * a journal holding more than the depth loaded whole; and
 * core/remote_conf.c's defaults and checks. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <auditbox/remote.h>

static char dir[] = "/tmp/test_remote_queue.XXXXXX";
static char path[64];

static void expect(struct remote_queue *q, size_t rel, const char *s)
{
	const char *p;
	size_t n, next;

	assert_int_equal(remote_queue_get(q, rel, &p, &n, &next), 1);
	assert_int_equal(n, strlen(s));
	assert_memory_equal(p, s, n);
}

static void remote_queue_memory(void **state)
{
	struct remote_queue q;
	const char *p;
	size_t n, next, rel = 0;
	char rec[32];

	(void)state;
	assert_int_equal(remote_queue_open(&q, 1000, NULL), 0);
	for (int i = 0; i < 1000; i++) {
		snprintf(rec, sizeof rec, "record %d", i);
		assert_int_equal(remote_queue_push(&q, rec, strlen(rec)), 0);
	}
	assert_int_equal(remote_queue_push(&q, "x", 1), 1);	/* full */
	for (int i = 0; i < 1000; i++) {
		snprintf(rec, sizeof rec, "record %d", i);
		expect(&q, rel, rec);
		remote_queue_get(&q, rel, &p, &n, &next);
		rel = next;
	}
	assert_int_equal(remote_queue_get(&q, rel, &p, &n, &next), 0);
	assert_int_equal(remote_queue_pop(&q), 4 + strlen("record 0"));
	expect(&q, 0, "record 1");
	assert_int_equal(q.count, 999);
	remote_queue_close(&q);
}

/* A new journal of depth 10 holding "one", "two", "three". */
static void three(struct remote_queue *q)
{
	unlink(path);
	assert_int_equal(remote_queue_open(q, 10, path), 0);
	remote_queue_push(q, "one", 3);
	remote_queue_push(q, "two", 3);
	remote_queue_push(q, "three", 5);
}

static void remote_queue_journal_restart(void **state)
{
	struct remote_queue q;
	int fd;

	(void)state;
	three(&q);
	assert_int_equal(remote_queue_sync(&q), 0);
	remote_queue_pop(&q);			/* "one" acked */
	assert_int_equal(remote_queue_sync(&q), 0);
	close(q.fd);				/* a crash: no close */
	free(q.buf);

	assert_int_equal(remote_queue_open(&q, 10, path), 0);
	assert_int_equal(q.count, 2);
	expect(&q, 0, "two");
	expect(&q, 7, "three");
	/* a torn record at the end (a crash inside a write) */
	fd = open(path, O_WRONLY | O_APPEND);
	assert_true(write(fd, "\x09\x00\x00\x00par", 7) == 7);
	close(fd);
	remote_queue_close(&q);
	assert_int_equal(remote_queue_open(&q, 10, path), 0);
	assert_int_equal(q.count, 2);
	remote_queue_pop(&q);
	remote_queue_pop(&q);
	remote_queue_close(&q);			/* empty: the file too */
	assert_int_equal(remote_queue_open(&q, 10, path), 0);
	assert_int_equal(q.count, 0);
	assert_int_equal(lseek(q.fd, 0, SEEK_END), 16);
	remote_queue_close(&q);

	fd = open(path, O_WRONLY | O_TRUNC);
	assert_true(write(fd, "not a queue file at all\n", 24) == 24);
	close(fd);
	assert_int_equal(remote_queue_open(&q, 10, path), -EINVAL);
	unlink(path);
}

/* fuzz_remote_queue: records past the depth (queue_depth made smaller
 * between two runs) stayed in the journal but not in memory, and were
 * lost when the queue emptied; they are all loaded. */
static void remote_queue_journal_past_depth(void **state)
{
	struct remote_queue q;

	(void)state;
	three(&q);
	remote_queue_close(&q);
	assert_int_equal(remote_queue_open(&q, 2, path), 0);
	assert_int_equal(q.count, 3);
	expect(&q, 14, "three");
	assert_int_equal(remote_queue_push(&q, "four", 4), 1);	/* full */
	remote_queue_pop(&q);
	remote_queue_pop(&q);
	remote_queue_close(&q);
	assert_int_equal(remote_queue_open(&q, 2, path), 0);
	assert_int_equal(q.count, 1);
	expect(&q, 0, "three");
	remote_queue_close(&q);
	unlink(path);
}

static void remote_conf_defaults_and_checks(void **state)
{
	struct remote_conf rc;
	struct diag dg = { 0 };
	struct conf_ctx c = { .file = path, .diag = &dg };
	FILE *f;

	(void)state;
	remote_conf_defaults(&rc);
	assert_int_equal(rc.port, 60);
	assert_int_equal(rc.queue_depth, 2048);
	assert_int_equal(rc.network_failure.action, RA_STOP);
	assert_int_equal(rc.remote_ending.action, RA_RECONNECT);
	assert_int_equal(rc.startup_failure.action, RA_WARN_ONCE_CONTINUE);

	f = fopen(path, "w");
	fputs("remote_server = 10.0.0.1\nport = 6000\nlocal_port = any\n"
	      "network_failure_action = exec /bin/true\nmode = forward\n"
	      "heartbeat_timeout = 30\n", f);
	fclose(f);
	assert_int_equal(remote_conf_load(&c, path, &rc), 0);
	assert_string_equal(rc.server, "10.0.0.1");
	assert_int_equal(rc.port, 6000);
	assert_int_equal(rc.network_failure.action, RA_EXEC);
	assert_string_equal(rc.network_failure.exe, "/bin/true");
	assert_int_equal(rc.mode, RM_FORWARD);
	assert_int_equal(rc.heartbeat_timeout, 30);

	f = fopen(path, "w");	/* reconnect is remote_ending_action's */
	fputs("remote_server = h\ndisk_full_action = reconnect\n", f);
	fclose(f);
	assert_int_equal(remote_conf_load(&c, path, &rc), -1);
	assert_int_equal(dg.line, 2);

	f = fopen(path, "w");
	fputs("remote_server = h\nmode = forward\nformat = ascii\n", f);
	fclose(f);
	assert_int_equal(remote_conf_load(&c, path, &rc), -1);
	unlink(path);
}

static int setup(void **state)
{
	(void)state;
	if (!mkdtemp(dir))
		return -1;
	snprintf(path, sizeof path, "%s/q", dir);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	unlink(path);
	return rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(remote_queue_memory),
		cmocka_unit_test(remote_queue_journal_restart),
		cmocka_unit_test(remote_queue_journal_past_depth),
		cmocka_unit_test(remote_conf_defaults_and_checks),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
