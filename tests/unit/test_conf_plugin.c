/* Tests for core/conf_plugin.c: plugins.d keys, values and the check of
 * an active plugin. Expected messages are the ones audit 3.0.9's auditd
 * printed for the same files (auditd -f, one plugins.d file each). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <auditbox/conf.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char notes[4096];
static struct diag dg;
static char dir[64];

static void note(void *arg, enum conf_level lvl, const struct conf_ctx *c,
		 const char *msg)
{
	size_t n = strlen(notes);

	(void)arg;
	(void)c;
	if (lvl != CONF_DEBUG)
		snprintf(notes + n, sizeof notes - n, "%s\n", msg);
}

static void put(const char *name, const char *text, mode_t mode)
{
	char path[128];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
	chmod(path, mode);
}

/* Loads dir/t.conf holding text. */
static int load(const char *text, struct plugin_conf *p)
{
	char path[128];
	struct conf_ctx c = { .note = note, .diag = &dg };

	put("t.conf", text, 0640);
	snprintf(path, sizeof path, "%s/t.conf", dir);
	c.file = path;
	notes[0] = 0;
	memset(&dg, 0, sizeof dg);
	return conf_plugin_load(&c, path, p);
}

static int setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof dir, "/tmp/ab-test-plugin.XXXXXX");
	assert_non_null(mkdtemp(dir));
	put("p750", "#!/bin/sh\n", 0750);
	put("p755", "#!/bin/sh\n", 0755);
	put("p700", "#!/bin/sh\n", 0700);
	put("p757", "#!/bin/sh\n", 0757);
	put("p770", "#!/bin/sh\n", 0770);
	return 0;
}

static int teardown(void **state)
{
	char cmd[128];

	(void)state;
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	return system(cmd) == 0 ? 0 : -1;
}

/* s with its first "DIR" replaced by the test directory. */
static void subst(char *out, size_t cap, const char *s)
{
	const char *d = strstr(s, "DIR");

	if (d)
		snprintf(out, cap, "%.*s%s%s", (int)(d - s), s, dir, d + 3);
	else
		snprintf(out, cap, "%s", s);
}

static void conf_plugin_load_keys(void **state)
{
	struct plugin_conf p;
	char text[512];

	(void)state;
	snprintf(text, sizeof text, "# comment\nactive = YES\ndirection = out\n"
		 "path = %s/p750\ntype = always\nargs = 0640 /x/sock\n"
		 "format = BINARY\n", dir);
	assert_int_equal(load(text, &p), 0);
	assert_int_equal(p.active, 1);
	assert_int_equal(p.type, PT_ALWAYS);
	assert_int_equal(p.format, PF_BINARY);
	assert_int_equal(p.nargs, 2);
	assert_string_equal(p.args[0], "0640");
	assert_string_equal(p.args[1], "/x/sock");
	assert_true(p.inode != 0);
	assert_string_equal(notes, "");
}

static void conf_plugin_load_defaults(void **state)
{
	struct plugin_conf p;

	(void)state;
	assert_int_equal(load("", &p), 0);
	assert_int_equal(p.active, 0);
	assert_int_equal(p.type, PT_ALWAYS);
	assert_int_equal(p.format, PF_STRING);
	assert_string_equal(p.path, "");
	/* an inactive plugin's executable is not checked */
	assert_int_equal(load("active = no\npath = /nonexistent/x\n", &p), 0);
}

static void conf_plugin_load_builtin(void **state)
{
	struct plugin_conf p;

	(void)state;
	assert_int_equal(load("active = yes\npath = builtin_af_unix\n"
			      "type = builtin\nargs = 0640 /var/run/x\n", &p), 0);
	assert_int_equal(p.type, PT_BUILTIN);
	assert_string_equal(p.path, "builtin_af_unix");
}

static void conf_plugin_load_bad_values(void **state)
{
	static const struct { const char *text, *msg; } t[] = {
		{ "active = maybe\n", "Option maybe not found - line 1" },
		{ "active = yes\ndirection = in\n",
		  "Option in not found - line 2" },
		{ "active = yes\npath = /a/b\n",
		  "The directory name: /a is too short - line 2" },
		{ "active = no\npath = /tmp\n",
		  "The directory name: / is too short - line 2" },
		{ "path = x\n", "The directory name: . is too short - line 1" },
		{ "format = bin\n", "Option bin not found - line 1" },
		{ "type = sometimes\n", "Option sometimes not found - line 1" },
		{ "active = yes\nbogus = 1\n",
		  "Unknown keyword \"bogus\" in line 2 of DIR/t.conf" },
		{ "active = yes\nformat = string\n",
		  "Error - plugin (DIR/t.conf) is active but no path given" },
		{ "active = yes\npath = /tmp/nonexistent-ab/x\n",
		  "Unable to stat /tmp/nonexistent-ab/x (No such file or "
		  "directory)" },
		{ "active = yes\npath = DIR/p700\n",
		  "DIR/p700 permissions should be 0750" },
		/* 3.0.9 runs these (docs/compat.md) */
		{ "active = yes\npath = DIR/p757\n",
		  "DIR/p757 is writable by group or others" },
		{ "active = yes\npath = DIR/p770\n",
		  "DIR/p770 is writable by group or others" },
		{ "active = yes\npath = DIR/../\n",
		  "DIR/../ is not a regular file" },
	};
	struct plugin_conf p;

	(void)state;
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		char text[256], msg[256];

		subst(text, sizeof text, t[i].text);
		subst(msg, sizeof msg, t[i].msg);
		assert_int_equal(load(text, &p), -1);
		assert_string_equal(dg.msg, msg);
	}
}

/* 3.0.9: three args warn and go on (not fatal), 0755 and 0750 pass. */
static void conf_plugin_load_args_and_modes(void **state)
{
	struct plugin_conf p;
	char text[256], exp[256];

	(void)state;
	snprintf(text, sizeof text, "active = yes\npath = %s/p755\n"
		 "args = a b c\n", dir);
	assert_int_equal(load(text, &p), 0);
	snprintf(exp, sizeof exp, "Wrong number of arguments for line 3 in "
		 "%s/t.conf\n", dir);
	assert_string_equal(notes, exp);
	snprintf(text, sizeof text, "active = yes\npath = %s/p755\n"
		 "args = LOG_INFO\n", dir);
	assert_int_equal(load(text, &p), 0);
	assert_int_equal(p.nargs, 1);
	assert_string_equal(p.args[0], "LOG_INFO");
}

static void conf_plugin_name_ok_dots(void **state)
{
	(void)state;
	assert_true(conf_plugin_name_ok("af_unix.conf"));
	assert_true(conf_plugin_name_ok("syslog"));
	assert_true(conf_plugin_name_ok("x.bak"));
	assert_false(conf_plugin_name_ok(".hidden"));
	assert_false(conf_plugin_name_ok("af_unix.conf.rpmsave"));
	assert_false(conf_plugin_name_ok("."));
	assert_false(conf_plugin_name_ok(".."));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(conf_plugin_load_keys),
		cmocka_unit_test(conf_plugin_load_defaults),
		cmocka_unit_test(conf_plugin_load_builtin),
		cmocka_unit_test(conf_plugin_load_bad_values),
		cmocka_unit_test(conf_plugin_load_args_and_modes),
		cmocka_unit_test(conf_plugin_name_ok_dots),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
