/* test_logread - core/logread.c: mapped files, pipes, rotated sets. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <auditbox/logread.h>

static char dir[64];

static void put(const char *name, const char *text)
{
	char p[128];
	FILE *f;

	snprintf(p, sizeof p, "%s/%s", dir, name);
	f = fopen(p, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static int setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof dir, "/tmp/ab-logread.XXXXXX");
	return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
	char cmd[128];

	(void)state;
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	return system(cmd) == 0 ? 0 : -1;
}

static void logread_line_file(void **state)
{
	struct logread lr;
	struct span l;
	char p[128];

	(void)state;
	put("a.log", "one\ntwo\n\nlast-without-newline");
	snprintf(p, sizeof p, "%s/a.log", dir);
	assert_int_equal(logread_open(&lr, p), 0);
	assert_int_equal(logread_line(&lr, &l), 1);
	assert_true(span_eqs(l, "one"));
	assert_int_equal(logread_line(&lr, &l), 1);
	assert_true(span_eqs(l, "two"));
	assert_int_equal(logread_line(&lr, &l), 1);
	assert_int_equal(l.n, 0);
	assert_int_equal(logread_line(&lr, &l), 1);
	assert_true(span_eqs(l, "last-without-newline"));
	assert_int_equal(logread_line(&lr, &l), 0);
	logread_close(&lr);
	snprintf(p, sizeof p, "%s/missing", dir);
	assert_true(logread_open(&lr, p) < 0);
	assert_true(logread_open(&lr, dir) < 0);
}

static void logread_line_pipe(void **state)
{
	struct logread lr;
	struct span l;
	int fds[2], n = 0;
	char big[100000];

	(void)state;
	memset(big, 'x', sizeof big);
	assert_int_equal(pipe(fds), 0);
	if (fork() == 0) {
		int i;

		close(fds[0]);
		for (i = 0; i < 5; i++) {
			if (write(fds[1], big, sizeof big) < 0 ||
			    write(fds[1], "\n", 1) < 0)
				_exit(1);
		}
		_exit(0);
	}
	close(fds[1]);
	logread_open_fd(&lr, fds[0]);
	while (logread_line(&lr, &l) == 1) {
		assert_int_equal(l.n, sizeof big);
		n++;
	}
	assert_int_equal(n, 5);
	logread_close(&lr);
	close(fds[0]);
}

/* follow: a last line without '\n' waits for the rest */
static void logread_line_follow(void **state)
{
	struct logread lr;
	struct span l;
	int fds[2];

	(void)state;
	assert_int_equal(pipe(fds), 0);
	logread_open_fd(&lr, fds[0]);
	lr.follow = true;
	assert_int_equal(write(fds[1], "a\nb", 3), 3);
	close(fds[1]);		/* the end, for now */
	assert_int_equal(logread_line(&lr, &l), 1);
	assert_true(span_eqs(l, "a"));
	assert_int_equal(logread_line(&lr, &l), 0);
	assert_int_equal(logread_line(&lr, &l), 0);	/* still waiting */
	lr.follow = false;	/* left behind: the rest is a line */
	assert_int_equal(logread_line(&lr, &l), 1);
	assert_true(span_eqs(l, "b"));
	assert_int_equal(logread_line(&lr, &l), 0);
	logread_close(&lr);
}

static void logread_set_rotated(void **state)
{
	char base[128], paths[8][256];
	int n;

	(void)state;
	put("audit.log", "type=SYSCALL msg=audit(300.000:3): x=1\n");
	put("audit.log.1", "type=SYSCALL msg=audit(200.000:2): x=1\n");
	put("audit.log.2", "type=SYSCALL msg=audit(100.000:1): x=1\n");
	snprintf(base, sizeof base, "%s/audit.log", dir);
	n = logread_set(base, 0, &paths[0][0], sizeof paths[0], 8);
	assert_int_equal(n, 3);
	assert_non_null(strstr(paths[0], "audit.log.2"));
	assert_non_null(strstr(paths[2], "audit.log"));
	assert_int_equal(logread_first_time(paths[1]), 200);
	/* start 250: audit.log.2 is wholly before it */
	n = logread_set(base, 250, &paths[0][0], sizeof paths[0], 8);
	assert_int_equal(n, 2);
	assert_non_null(strstr(paths[0], "audit.log.1"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(logread_line_file),
		cmocka_unit_test(logread_line_pipe),
		cmocka_unit_test(logread_line_follow),
		cmocka_unit_test(logread_set_rotated),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
