/* test_rulelint - core/rulelint.c without a kernel: a rules text with one
 * problem of each kind gets exactly the expected FILE:LINE reports, a
 * clean one none. The compiler's own messages are the reference 3.0.9
 * auditctl's (checked against it in tests/compat/auditctl_check.sh). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <auditbox/rulelint.h>
#include <auditbox/tables.h>

#include <stdio.h>
#include <string.h>

struct out {
	char text[8192];
};

static void collect(void *ctx, const char *file, unsigned line,
		    const char *msg)
{
	struct out *o = ctx;
	size_t n = strlen(o->text);

	snprintf(o->text + n, sizeof o->text - n, "%s:%u: %s\n", file, line,
		 msg);
}

static int lint(const char *text, int mach, struct out *o)
{
	struct rulefile rf;
	int n;

	memset(o, 0, sizeof *o);
	rulefile_init(&rf);
	assert_int_equal(rulefile_add_text(&rf, text, strlen(text), "t.rules",
					   6143), 0);
	n = rulelint_check(&rf, mach, collect, o);
	rulefile_fini(&rf);
	return n;
}

static void rulelint_check_clean(void **state)
{
	static const char text[] =
		"# a clean file\n-D\n-b 8192\n-f 1\n"
		"-a always,exit -F arch=b64 -S open,openat -F auid>=1000 "
		"-F auid!=unset -k access\n"
		"-a never,exit -F arch=b64 -S open -F auid=4000000\n"
		"-w /etc/passwd -p wa -k identity\n"
		"-a always,exclude -F msgtype=CWD\n-e 2\n";
	struct out o;

	(void)state;
	assert_int_equal(lint(text, TABLES_MACH_X86_64, &o), 0);
	assert_string_equal(o.text, "");
}

static void rulelint_check_each_problem(void **state)
{
	static const char text[] =
		"-a always,exit -F arch=b64 -S nosuchcall -k x\n"	/* 1 */
		"-a always,exit -S open -k mismatch\n"			/* 2 */
		"-a always,exit -F arch=b64 -S open -F uid=nosuchuser42\n"
		"-a always,exit -F arch=b64 -S open -F gid=nosuchgroup42\n"
		"-w /nonexistent-dir-42/file -p wa\n"			/* 5 */
		"-a never,exit -F arch=b64 -S all -F auid=4000001\n"	/* 6 */
		"-a always,exit -F arch=b64 -S open -F auid=4000001 -k s\n"
		"-e 2\n"						/* 8 */
		"-a always,exit -F arch=b64 -S close -F auid=1 -k late\n"
		"-a always,exit -F arch=b64 -S close -F auid=1 -k late\n";
	static const char want[] =
		"t.rules:1: Syscall name unknown: nosuchcall\n"
		"t.rules:2: WARNING - 32/64 bit syscall mismatch, you should "
		"specify an arch\n"
		"t.rules:3: Unknown user: nosuchuser42\n"
		"t.rules:4: Unknown group: nosuchgroup42\n"
		"t.rules:5: watched path (and its directory) "
		"/nonexistent-dir-42/file does not exist: the kernel refuses "
		"the rule\n"
		"t.rules:10: same rule as t.rules:9: the kernel refuses it "
		"(Rule exists)\n"
		"t.rules:7: never matches: the never rule at t.rules:6 comes "
		"first in its list and covers it\n"
		"t.rules:8: -e 2 is not the last command: it locks the "
		"configuration, so t.rules:9 and every command after it fail\n";
	struct out o;

	(void)state;
	assert_int_equal(lint(text, TABLES_MACH_X86_64, &o), 8);
	assert_string_equal(o.text, want);
}

/* -A puts a never rule before the rules appended earlier. */
static void rulelint_check_prepend(void **state)
{
	static const char text[] =
		"-a always,exit -F arch=b64 -S open -F auid=7 -k a\n"
		"-A never,exit -F arch=b64 -S open,close -F auid=7\n"
		"-a always,exit -F arch=b32 -S open -F auid=7 -k b\n";
	struct out o;

	(void)state;
	assert_int_equal(lint(text, TABLES_MACH_X86_64, &o), 1);
	assert_string_equal(o.text, "t.rules:1: never matches: the never rule "
			    "at t.rules:2 comes first in its list and covers "
			    "it\n");
}

/* -D forgets the rules before it; -d deletes one. */
static void rulelint_check_delete(void **state)
{
	static const char text[] =
		"-a never,exit -F arch=b64 -S all\n"
		"-D\n"
		"-a always,exit -F arch=b64 -S open -k k1\n"
		"-a never,exit -F arch=b64 -S open\n"
		"-d never,exit -F arch=b64 -S open\n"
		"-a always,exit -F arch=b64 -S open -k k2\n"
		"-d always,exit -F arch=b64 -S close\n";
	struct out o;

	(void)state;
	assert_int_equal(lint(text, TABLES_MACH_X86_64, &o), 1);
	assert_string_equal(o.text, "t.rules:7: no such rule to delete "
			    "(auditctl: No such file or directory)\n");
}

/* Syscall names are looked up for the chosen machine. */
static void rulelint_check_arch(void **state)
{
	static const char text[] =
		"-a always,exit -F arch=b64 -S open -k k\n"
		"-a always,exit -F arch=b32 -S open -k k\n";
	struct out o;

	(void)state;
	assert_int_equal(rulelint_machine("aarch64"), TABLES_MACH_AARCH64);
	assert_int_equal(rulelint_machine("riscv64"), TABLES_MACH_RISCV64);
	assert_int_equal(rulelint_machine("vax"), -1);
	/* aarch64 has no open(2), arm has */
	assert_int_equal(lint(text, TABLES_MACH_AARCH64, &o), 1);
	assert_string_equal(o.text, "t.rules:1: Syscall name unknown: open\n");
	assert_int_equal(lint(text, TABLES_MACH_X86_64, &o), 0);
}

static void rulelint_check_control_values(void **state)
{
	static const char text[] = "-e 5\n-f 3\n-b x\n-r 9999999999\n"
				   "--backlog_wait_time 1a\n-s -x\n-D -x\n-D -x y\n";
	struct out o;

	(void)state;
	assert_int_equal(lint(text, TABLES_MACH_X86_64, &o), 8);
	assert_string_equal(o.text,
		"t.rules:1: Enable must be 0, 1, or 2 was 5\n"
		"t.rules:2: Failure must be 0, 1, or 2 was 3\n"
		"t.rules:3: Backlog must be a numeric value was x\n"
		"t.rules:4: Rate 9999999999 is above 4294967295 (the reference "
		"wraps it, auditbox refuses it)\n"
		"t.rules:5: Backlog_wait_time must be a numeric value was 1a\n"
		"t.rules:6: Only -i option is allowed\n"
		"t.rules:7: Wrong number of options for Delete all request\n"
		"t.rules:8: Only the -k option is allowed\n");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(rulelint_check_clean),
		cmocka_unit_test(rulelint_check_each_problem),
		cmocka_unit_test(rulelint_check_prepend),
		cmocka_unit_test(rulelint_check_delete),
		cmocka_unit_test(rulelint_check_arch),
		cmocka_unit_test(rulelint_check_control_values),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
