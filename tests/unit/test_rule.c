/* test_rule - core/rule*.c without a kernel: each rule of
 * tests/data/rules-roundtrip (expected text from the reference auditctl
 * 3.0.9, loaded and listed back by it) compiles and formats to the same
 * text; rule_split_line, keys, messages and error codes. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <auditbox/rule.h>
#include <auditbox/tables.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ALL_FEATURES 0x7f

struct msgs {
	char text[4096];
};

static void collect(void *ctx, int direct, const char *msg)
{
	struct msgs *m = ctx;

	(void)direct;
	strncat(m->text, msg, sizeof m->text - strlen(m->text) - 2);
	strcat(m->text, "\n");
}

static struct rule_builder *builder(struct msgs *m)
{
	static struct rule_builder b;

	memset(m, 0, sizeof *m);
	rule_builder_init(&b, TABLES_MACH_X86_64, ALL_FEATURES, NULL,
			  collect, m);
	return &b;
}

/* Compiles one rules-file line; returns the rule_parse result. */
static int compile(struct rule_builder *b, const char *line, char *out,
		   size_t cap, int interpret)
{
	char buf[RULE_LINE_MAX], *argv[256];
	int argc, r;

	snprintf(buf, sizeof buf, "%s", line);
	argc = rule_split_line(buf, argv, 256);
	rule_reset(b);
	r = rule_parse(b, argc, argv, NULL);
	if (r == RULE_SEND && out) {
		size_t len = rule_finish(b);

		rule_format(out, cap, b->rule, len, interpret,
			    TABLES_MACH_X86_64);
		out[strcspn(out, "\n")] = 0;
	}
	return r;
}

static int has_arg_field(const char *s)
{
	return strstr(s, "-F a0") || strstr(s, "-F a1") ||
	       strstr(s, "-F a2") || strstr(s, "-F a3");
}

static void rule_format_reference_roundtrip(void **state)
{
	char path[512], line[8192], out[8192];
	const char *dir = getenv("AB_DATA");
	struct msgs m;
	struct rule_builder *b = builder(&m);
	FILE *f;
	int n = 0, ni = 0;

	(void)state;
	assert_non_null(dir);
	snprintf(path, sizeof path, "%s/../tests/data/rules-roundtrip/"
		 "expected.txt", dir);
	f = fopen(path, "r");
	assert_non_null(f);
	while (fgets(line, sizeof line, f)) {
		char *in = strtok(line, "\t\n"), *l = strtok(NULL, "\t\n");
		char *li = strtok(NULL, "\t\n");

		assert_int_equal(compile(b, in, out, sizeof out, 0),
				 RULE_SEND);
		assert_string_equal(out, l);
		compile(b, in, out, sizeof out, 1);
		assert_string_equal(out, li);
		ni += has_arg_field(l) != 0;
		n++;
	}
	fclose(f);
	assert_true(n >= 50);
	assert_true(ni >= 8);	/* -l -i of a0..a3, interpreted */
}

static void rule_split_line_escapes(void **state)
{
	char buf[] = "  -w /a\\ b  -k x\\\\y -k \\q  ";
	char *argv[16];

	(void)state;
	assert_int_equal(rule_split_line(buf, argv, 16), 7);
	assert_string_equal(argv[0], "auditctl");
	assert_string_equal(argv[2], "/a b");
	assert_string_equal(argv[4], "x\\y");
	assert_string_equal(argv[5], "-k");
	assert_string_equal(argv[6], "\\q");
}

static void rule_split_line_comment_blank(void **state)
{
	char c[] = "   # -D", e[] = "   \n", t[] = "\t-D";
	char *argv[8];

	(void)state;
	assert_int_equal(rule_split_line(c, argv, 8), 0);
	assert_int_equal(rule_split_line(e, argv, 8), 0);
	assert_int_equal(rule_split_line(t, argv, 8), 2);	/* not blank */
}

static void rule_parse_errors(void **state)
{
	static const struct { const char *line, *msg; } t[] = {
		{ "-a always,exit -F foo=1", "-F unknown field: foo\n" },
		{ "-a always,exit -F arch=b64 -S nosuch",
		  "Syscall name unknown: nosuch\n" },
		{ "-a always,exit -S open -F arch=b64",
		  "WARNING - 32/64 bit syscall mismatch, you should specify "
		  "an arch\narch must be before -S\n" },
		{ "-w relative", "The path must start with '/'\n" },
		{ "-a always,exit -F uid=", "-F missing value after operation "
		  "for uid\n" },
		{ "-a always,exit -F path=/x -F perm=rz",
		  "Permission can only contain  'rwxa'\n" },
		{ "-a always,foo", "Append rule - bad keyword always,foo\n" },
		{ "-a always,exit -C uid=gid", "-C incompatible comparison "
		  "uid\n" },
		{ "-S open", "" },
	};
	char out[8192];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof t / sizeof *t; i++) {
		struct msgs m;
		struct rule_builder *b = builder(&m);
		int r = compile(b, t[i].line, out, sizeof out, 0);

		assert_true(r == RULE_ERROR || r == RULE_REPLY);
		assert_string_equal(m.text, t[i].msg);
	}
}

static void rule_parse_key_limit(void **state)
{
	char line[1024], k[300];
	struct msgs m;
	struct rule_builder *b = builder(&m);

	(void)state;
	memset(k, 'k', 256);
	k[256] = 0;
	snprintf(line, sizeof line, "-a always,exit -S open -k %s", k);
	assert_int_equal(compile(b, line, NULL, 0, 0), RULE_SEND);
	assert_string_equal(m.text, "WARNING - 32/64 bit syscall mismatch, "
			    "you should specify an arch\n");
	memset(&m, 0, sizeof m);
	snprintf(line, sizeof line, "-a always,exit -S open -k %s -k x", k);
	assert_int_equal(compile(b, line, NULL, 0, 0), RULE_ERROR);
	assert_non_null(strstr(m.text, "key option exceeds size limit\n"));
}

/* A key may follow fstype on the filesystem list (-k and -F key=). */
static void rule_parse_filesystem_key(void **state)
{
	char out[512];
	struct msgs m;
	struct rule_builder *b = builder(&m);

	(void)state;
	assert_int_equal(compile(b, "-a never,filesystem -F fstype=tracefs -k k",
				 out, sizeof out, 0), RULE_SEND);
	assert_string_equal(out, "-a never,filesystem -F fstype=tracefs -F key=k");
	assert_int_equal(compile(b, "-a never,filesystem -F fstype=debugfs "
				 "-F key=d", out, sizeof out, 0), RULE_SEND);
	assert_string_equal(out, "-a never,filesystem -F fstype=debugfs -F key=d");
	assert_string_equal(m.text, "");
}

/* The reference lists exe!= as exe= (docs/compat.md); ours keeps the op. */
static void rule_format_exe_not_equal(void **state)
{
	char out[512];
	struct msgs m;
	struct rule_builder *b = builder(&m);

	(void)state;
	assert_int_equal(compile(b, "-a always,exit -F arch=b64 -S execve "
				 "-F exe!=/usr/bin/x", out, sizeof out, 0),
			 RULE_SEND);
	assert_string_equal(out, "-a always,exit -F arch=b64 -S execve "
			    "-F exe!=/usr/bin/x");
}

/* -l -i interprets a0..a3 only with one syscall and an arch field
 * (else lowercase hex); -l prints 0x%X (reference 3.0.9 listings). */
static void rule_format_interpret_args(void **state)
{
	char out[512];
	struct msgs m;
	struct rule_builder *b = builder(&m);

	(void)state;
	compile(b, "-a always,exit -F arch=b64 -S ioctl -F a1=0x5401",
		out, sizeof out, 1);
	assert_string_equal(out, "-a always,exit -F arch=x86_64 -S ioctl "
			    "-F a1=TCGETS");
	compile(b, "-a always,exit -F arch=b64 -S ioctl -F a1&0xffff",
		out, sizeof out, 1);
	assert_string_equal(out, "-a always,exit -F arch=x86_64 -S ioctl "
			    "-F a1&0xffff");
	compile(b, "-a always,exit -F arch=b64 -S ioctl -F a1&0xffff",
		out, sizeof out, 0);
	assert_string_equal(out, "-a always,exit -F arch=b64 -S ioctl "
			    "-F a1&0xFFFF");
	compile(b, "-a always,exit -F arch=b64 -S ioctl,open -F a1=0x5401",
		out, sizeof out, 1);
	assert_string_equal(out, "-a always,exit -F arch=x86_64 -S open,ioctl "
			    "-F a1=0x5401");
	compile(b, "-a always,exit -S ioctl -F a1=0xab", out, sizeof out, 1);
	assert_string_equal(out, "-a always,exit -S ioctl -F a1=0xab");
	compile(b, "-a always,exit -F arch=b32 -S personality -F a0=-1",
		out, sizeof out, 1);
	assert_string_equal(out, "-a always,exit -F arch=i386 -S personality "
			    "-F a0=unknown-personality(0xffffffff)");
	compile(b, "-a always,exit -F arch=b64 -S open -F a1=0x40 -F a2=0x1ed",
		out, sizeof out, 1);
	assert_string_equal(out, "-a always,exit -F arch=x86_64 -S open "
			    "-F a1=O_RDONLY|O_CREAT -F a2=0755");
}

static void rule_parse_deprecated_possible(void **state)
{
	struct msgs m;
	struct rule_builder *b = builder(&m);

	(void)state;
	assert_int_equal(compile(b, "-a exit,possible", NULL, 0, 0),
			 RULE_DEPRECATED);
	assert_string_equal(m.text, "Append rule - possible is deprecated\n");
}

static void rule_errmsg_positions(void **state)
{
	char m[128];

	(void)state;
	rule_errmsg(m, sizeof m, -3, "arch");
	assert_string_equal(m, "arch must be before -S");
	rule_errmsg(m, sizeof m, -9, "x");
	assert_string_equal(m, "msgtype field can only be used with exclude "
			    "or user filter list");
	rule_errmsg(m, sizeof m, -37, "saddr_fam");
	assert_string_equal(m, "value is too large for field: saddr_fam");
	rule_errmsg(m, sizeof m, -38, "x");
	assert_string_equal(m, "");
}

static void rule_key_match_substring(void **state)
{
	char out[512];
	struct msgs m;
	struct rule_builder *b = builder(&m);
	size_t len;

	(void)state;
	assert_int_equal(compile(b, "-w /etc/passwd -k identity -k other",
				 out, sizeof out, 0), RULE_SEND);
	len = sizeof *b->rule + b->rule->buflen;
	assert_true(rule_key_match(b->rule, len, "dent"));
	assert_true(rule_key_match(b->rule, len, "other"));
	assert_true(rule_key_match(b->rule, len, ""));
	assert_false(rule_key_match(b->rule, len, "nosuch"));
	assert_string_equal(out, "-w /etc/passwd -p rwxa -k identity "
			    "-k other");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(rule_format_reference_roundtrip),
		cmocka_unit_test(rule_split_line_escapes),
		cmocka_unit_test(rule_split_line_comment_blank),
		cmocka_unit_test(rule_parse_errors),
		cmocka_unit_test(rule_parse_key_limit),
		cmocka_unit_test(rule_parse_filesystem_key),
		cmocka_unit_test(rule_format_exe_not_equal),
		cmocka_unit_test(rule_format_interpret_args),
		cmocka_unit_test(rule_parse_deprecated_possible),
		cmocka_unit_test(rule_errmsg_positions),
		cmocka_unit_test(rule_key_match_substring),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
