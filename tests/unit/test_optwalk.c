/* test_optwalk - core/optwalk.c against the C library's getopt_long
 * (glibc in the test build): same options, arguments, optind and argv
 * permutation for auditctl's optstring over many argument vectors. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <auditbox/optwalk.h>

#include <getopt.h>
#include <stdio.h>
#include <string.h>

static const char so[] = "hicslDvtC:e:f:r:b:a:A:d:S:F:m:R:w:W:k:p:q:";
static const struct optwalk_long lo[] = {
	{ "loginuid-immutable", 0, 1 }, { "backlog_wait_time", 1, 2 },
	{ "reset-lost", 0, 3 }, { "reset_backlog_wait_time_actual", 0, 4 },
	{ "signal", 1, 5 }, { NULL, 0, 0 },
};
static const struct option go[] = {
	{ "loginuid-immutable", 0, NULL, 1 }, { "backlog_wait_time", 1, NULL, 2 },
	{ "reset-lost", 0, NULL, 3 },
	{ "reset_backlog_wait_time_actual", 0, NULL, 4 },
	{ "signal", 1, NULL, 5 }, { NULL, 0, NULL, 0 },
};

/* Walks line both ways; the traces (options, arguments, final optind
 * and argv order) must be equal. */
static void compare(const char *line)
{
	char b1[512], b2[512], t1[2048] = "", t2[2048] = "";
	char *a1[32], *a2[32];
	int n1 = 0, n2 = 0, c, i;
	struct optwalk w;

	snprintf(b1, sizeof b1, "auditctl %s", line);
	memcpy(b2, b1, sizeof b1);
	for (char *p = strtok(b1, " "); p; p = strtok(NULL, " "))
		a1[n1++] = p;
	for (char *p = strtok(b2, " "); p; p = strtok(NULL, " "))
		a2[n2++] = p;
	a1[n1] = a2[n2] = NULL;
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(n1, a1, so, go, NULL)) != -1)
		snprintf(t1 + strlen(t1), sizeof t1 - strlen(t1), "%d[%s]%d ",
			 c, optarg ? optarg : "", optind);
	snprintf(t1 + strlen(t1), sizeof t1 - strlen(t1), "end %d:", optind);
	optwalk_init(&w);
	while ((c = optwalk_next(&w, n2, a2, so, lo)) != -1)
		snprintf(t2 + strlen(t2), sizeof t2 - strlen(t2), "%d[%s]%d ",
			 c, w.optarg ? w.optarg : "", w.optind);
	snprintf(t2 + strlen(t2), sizeof t2 - strlen(t2), "end %d:", w.optind);
	for (i = 0; i < n1; i++) {
		strcat(t1, a1[i]);
		strcat(t2, a2[i]);
	}
	assert_string_equal(t2, t1);
}

static void optwalk_next_like_glibc(void **state)
{
	static const char *const lines[] = {
		"-l", "-s -i", "-a always,exit -S open -F uid=0 -k k",
		"-a always,exit foo -S open", "foo bar -l", "-lk", "-lkx",
		"-Fuid=0 -a", "-a", "-- -a always,exit", "-l -- x y",
		"--signal TERM", "--sig TERM", "--signal=HUP", "--reset",
		"--reset-lost", "--loginuid", "--loginuid-immutable=x",
		"--backlog_wait_time", "--nosuch -l", "-Z -l", "-", "- s",
		"x -l y -k z w", "-w /etc/passwd -p wa -k ident extra",
		"-D -k key", "-e 0 -b 8192 x --signal", "-ic -R f",
		"a b c -a x d e -S y f",
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof lines / sizeof *lines; i++)
		compare(lines[i]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(optwalk_next_like_glibc),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
