/* Tests for core/conf.c and core/conf_auditd.c: the tokenizer quirks and
 * every auditd.conf key with good and bad values. Expected messages are
 * the ones audit 3.0.9's auditd printed for the same lines. */
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

/* Collected notes: "L<level>:<line>:<msg>\n" each. */
static char notes[8192];

static void note(void *arg, enum conf_level lvl, const struct conf_ctx *c,
		 const char *msg)
{
	size_t n = strlen(notes);

	(void)arg;
	snprintf(notes + n, sizeof notes - n, "L%d:%u:%s\n", (int)lvl, c->line,
		 msg);
}

static struct diag dg;

/* Parses text as auditd.conf (defaults, keys, checks as the loader). */
static int parse(const char *text, struct auditd_conf *cf)
{
	struct conf_ctx c = { .file = "T", .note = note, .diag = &dg };
	int n;

	notes[0] = 0;
	memset(&dg, 0, sizeof dg);
	conf_auditd_defaults(cf);
	n = conf_parse(&c, text, strlen(text), conf_auditd_keys, cf);
	if (n < 0)
		return -1;
	c.line = 0;
	if (n > 0 && conf_auditd_check(&c, cf) < 0)
		return -1;
	return 0;
}

/* Parses one line followed by valid space settings; expects failure
 * with diag msg. */
static void expect_err(const char *line, const char *msg)
{
	struct auditd_conf cf;
	char text[512];

	snprintf(text, sizeof text, "%s\nspace_left = 2\n", line);
	assert_int_equal(parse(text, &cf), -1);
	assert_string_equal(dg.msg, msg);
}

static struct auditd_conf *ok(const char *line)
{
	static struct auditd_conf cf;
	char text[512];

	snprintf(text, sizeof text, "space_left = 2\n%s\n", line);
	assert_int_equal(parse(text, &cf), 0);
	return &cf;
}

static void conf_split_spaces_only(void **state)
{
	char a[] = "  key  =  value  ", b[] = "key\t=\tv", c[] = "k = v o",
	     d[] = "k = v o p", e[] = "k v", f[] = "  # c", g[] = "";
	struct conf_kv kv;

	(void)state;
	assert_int_equal(conf_split(a, &kv), 0);
	assert_string_equal(kv.name, "key");
	assert_string_equal(kv.value, "value");
	assert_null(kv.option);
	assert_int_equal(conf_split(b, &kv), 1);	/* one token */
	assert_null(kv.value);
	assert_int_equal(conf_split(c, &kv), 0);
	assert_string_equal(kv.option, "o");
	assert_int_equal(conf_split(d, &kv), 1);
	assert_string_equal(kv.option, "o");
	assert_int_equal(conf_split(e, &kv), 2);
	assert_int_equal(conf_split(f, &kv), 0);
	assert_null(kv.name);
	assert_int_equal(conf_split(g, &kv), 0);
	assert_null(kv.name);
}

static void conf_auditd_defaults_reference(void **state)
{
	struct auditd_conf cf;

	(void)state;
	conf_auditd_defaults(&cf);
	assert_string_equal(cf.log_file, "/var/log/audit/audit.log");
	assert_int_equal(cf.log_format, LF_RAW);
	assert_int_equal(cf.priority_boost, 4);
	assert_int_equal(cf.flush, FT_NONE);
	assert_int_equal(cf.disk_error_action.action, FA_SYSLOG);
	assert_int_equal(cf.q_depth, 2000);
	assert_int_equal(cf.max_restarts, 10);
	assert_int_equal(cf.overflow_action, FA_SYSLOG);
	assert_string_equal(cf.plugin_dir, "/etc/audit/plugins.d");
	assert_int_equal(cf.tcp_listen_queue, 5);
	assert_int_equal(cf.tcp_client_max_port, 65535);
	assert_int_equal(cf.end_of_event_timeout, 2);
	assert_string_equal(cf.action_mail_acct, "root");
}

static void conf_parse_syntax_errors(void **state)
{
	struct auditd_conf cf;

	(void)state;
	expect_err("log_file=/tmp/x", "Wrong number of arguments for line 1 "
		   "in T");
	assert_non_null(strstr(notes, "Not processing any more lines in T"));
	expect_err("log_file x y", "Missing equal sign for line 1 in T");
	expect_err("log_file =", "Wrong number of arguments for line 1 in T");
	expect_err("log_file = /tmp/x.log # c",
		   "Keyword \"log_file\" has invalid option \"#\" in line 1 "
		   "of T");
	expect_err("# c\n\nbogus = 1",
		   "Unknown keyword \"bogus\" in line 3 of T");
	expect_err("freq = 5 \r", "Keyword \"freq\" has invalid option \"\r\" "
		   "in line 1 of T");
	expect_err("report = 5", "Unknown keyword \"report\" in line 1 of T");
	/* A valid option after too many tokens: noted, not fatal. */
	assert_int_equal(parse("space_left = 2\nspace_left_action = single a "
			       "b\n", &cf), 0);
	assert_int_equal(cf.space_left_action.action, FA_SINGLE);
	assert_non_null(strstr(notes, "Wrong number of arguments for line 2"));
}

static void conf_parse_long_lines(void **state)
{
	struct auditd_conf cf;
	char text[1024];

	(void)state;
	/* 158 characters and a newline fit the reference's 160 bytes. */
	snprintf(text, sizeof text, "space_left = 2\nfreq = 5 %0149d\n", 0);
	assert_int_equal(parse(text, &cf), -1);
	/* diag keeps the first 127 bytes of the message */
	{
		static const char pre[] = "Keyword \"freq\" has invalid "
					  "option \"00000";

		assert_int_equal(strncmp(dg.msg, pre, sizeof pre - 1), 0);
	}
	assert_int_equal(strlen(dg.msg), sizeof dg.msg - 1);
	assert_non_null(strstr(notes, "0000\" in line 2 of T\n"));
	assert_int_equal(dg.line, 2);
	snprintf(text, sizeof text, "%0200d\n\n%0400d\nfreq = y\n", 0, 0);
	assert_int_equal(parse(text, &cf), -1);
	assert_string_equal(dg.msg, "Value y should only be numbers - line 4");
	assert_non_null(strstr(notes, "Skipping line 1 in T: too long"));
	assert_non_null(strstr(notes, "Skipping line 3 in T: too long"));
	/* A last line without a newline is skipped as too long. */
	assert_int_equal(parse("space_left = 2\nfreq = x", &cf), 0);
	assert_non_null(strstr(notes, "Skipping line 2 in T: too long"));
	/* A file with nothing but that line skips the cross checks. */
	assert_int_equal(parse("freq = x", &cf), 0);
}

static void conf_parse_case_insensitive(void **state)
{
	struct auditd_conf *cf;

	(void)state;
	cf = ok("LOG_FORMAT = Enriched");
	assert_int_equal(cf->log_format, LF_ENRICHED);
	cf = ok("Flush = DATA");
	assert_int_equal(cf->flush, FT_DATA);
	cf = ok("write_logs = No");
	assert_int_equal(cf->write_logs, 0);
	cf = ok("Freq = 05");
	assert_int_equal(cf->freq, 5);
	assert_non_null(strstr(notes, "freq_parser called with: 05"));
}

static void conf_auditd_keys_values(void **state)
{
	struct auditd_conf *cf;

	(void)state;
	assert_int_equal(ok("local_events = no")->local_events, 0);
	assert_int_equal(ok("verify_email = no")->verify_email, 0);
	assert_int_equal(ok("use_libwrap = no")->use_libwrap, 0);
	assert_int_equal(ok("enable_krb5 = yes")->enable_krb5, 1);
	assert_int_equal(ok("distribute_network = yes")->distribute_network,
			 1);
	cf = ok("log_format = nolog");
	assert_int_equal(cf->write_logs, 0);
	assert_non_null(strstr(notes, "The NOLOG option is overriding"));
	assert_int_equal(ok("log_group = 4x")->log_group, 4);
	assert_int_equal(ok("log_group = root")->log_group, 0);
	assert_int_equal(ok("priority_boost = 2147483647")->priority_boost,
			 2147483647);
	assert_int_equal(ok("num_logs = 999")->num_logs, 999);
	assert_int_equal(ok("name_format = USER")->node_name_format, N_USER);
	assert_string_equal(ok("name = foo")->node_name, "foo");
	assert_int_equal(ok("max_log_file = 18446744073709551615")
			 ->max_log_size, 18446744073709551615UL);
	assert_int_equal(ok("max_log_file_action = keep_logs")
			 ->max_log_size_action.action, SZ_KEEP_LOGS);
	cf = ok("max_log_file_action = exec /bin/true");
	assert_int_equal(cf->max_log_size_action.action, SZ_EXEC);
	assert_string_equal(cf->max_log_size_action.exe, "/bin/true");
	cf = ok("space_left = 10%\nadmin_space_left = 20%");
	assert_int_equal(cf->space_left, 10);
	assert_true(cf->space_left_pct && cf->admin_space_left_pct);
	assert_int_equal(ok("space_left = 5%%")->space_left, 5);
	assert_int_equal(ok("space_left = %")->space_left, 0);
	cf = ok("space_left_action = exec /bin/true");
	assert_int_equal(cf->space_left_action.action, FA_EXEC);
	assert_string_equal(cf->space_left_action.exe, "/bin/true");
	assert_int_equal(ok("admin_space_left_action = halt")
			 ->admin_space_left_action.action, FA_HALT);
	assert_int_equal(ok("disk_full_action = rotate")
			 ->disk_full_action.action, FA_ROTATE);
	assert_int_equal(ok("disk_error_action = exec /bin/true")
			 ->disk_error_action.action, FA_EXEC);
	assert_string_equal(ok("action_mail_acct = a_b-c.d")
			    ->action_mail_acct, "a_b-c.d");
	assert_int_equal(ok("tcp_listen_port = 60")->tcp_listen_port, 60);
	assert_int_equal(ok("tcp_listen_queue = 4096")->tcp_listen_queue,
			 4096);
	assert_int_equal(ok("tcp_max_per_addr = 1024")->tcp_max_per_addr,
			 1024);
	cf = ok("tcp_client_ports = 1024-65535");
	assert_int_equal(cf->tcp_client_min_port, 1024);
	assert_int_equal(cf->tcp_client_max_port, 65535);
	assert_non_null(strstr(notes,
			       "tcp_listen_queue_parser called with: 1024"));
	assert_int_equal(ok("tcp_client_ports = 0-0")->tcp_client_max_port, 0);
	assert_int_equal(ok("tcp_client_max_idle = 0")->tcp_client_max_idle,
			 0);
	assert_int_equal(ok("transport = KRB5")->transport, T_KRB5);
	assert_int_equal(ok("transport = tcp")->transport, T_TCP);
	assert_string_equal(ok("krb5_principal = x")->krb5_principal, "x");
	assert_string_equal(ok("krb5_key_file = rel")->krb5_key_file, "rel");
	cf = ok("q_depth = 10");
	assert_int_equal(cf->q_depth, 10);
	assert_non_null(strstr(notes, "q_depth should be larger than 512"));
	assert_int_equal(ok("overflow_action = SYSLOG")->overflow_action,
			 FA_SYSLOG);
	assert_int_equal(ok("max_restarts = 100")->max_restarts, 100);
	assert_string_equal(ok("plugin_dir = /nonexist")->plugin_dir,
			    "/nonexist");
	assert_int_equal(ok("end_of_event_timeout = 0")->end_of_event_timeout,
			 0);
	assert_int_equal(ok("report_interval = 2h")->report_interval, 7200);
	assert_int_equal(ok("tls_require_pqc = yes")->tls_require_pqc, 1);
	assert_string_equal(ok("tls_psk_identity = me")->tls_psk_identity,
			    "me");
	ok("dispatcher = /sbin/audispd");
	assert_non_null(strstr(notes, "The dispatcher option is deprecated - "
			       "line 2"));
	ok("disp_qos = lossy");
	assert_non_null(strstr(notes, "The disp_qos option is deprecated"));
}

static void conf_auditd_keys_bad_values(void **state)
{
	(void)state;
	expect_err("local_events = maybe", "Option maybe not found - line 1");
	expect_err("log_format = xml", "Option xml not found - line 1");
	expect_err("log_group = nosuchgrp_x", "Group ID is non-numeric and "
		   "unknown (nosuchgrp_x) - line 1\n");
	expect_err("priority_boost = -1",
		   "Value -1 should only be numbers - line 1");
	expect_err("priority_boost = 2147483648", "Error - converted number "
		   "(2147483648) is too large - line 1");
	expect_err("flush = bogus", "Option bogus not found - line 1");
	expect_err("freq = 3000000000", "Error - converted number "
		   "(3000000000) is too large - line 1");
	expect_err("num_logs = 1000", "num_logs must be 999 or less");
	expect_err("num_logs = 99999999999999999999999", "Error converting "
		   "string to a number (Numerical result out of range) - "
		   "line 1");
	expect_err("name = my host",
		   "Keyword \"name\" has invalid option \"host\" in line 1 "
		   "of T");
	expect_err("name_format = bogus", "Option bogus not found - line 1");
	expect_err("max_log_file = 8.5",
		   "Value 8.5 should only be numbers - line 1");
	expect_err("max_log_file_action = email",
		   "Option email not found - line 1");
	expect_err("max_log_file_action = rotate x", "Keyword "
		   "\"max_log_file_action\" has invalid option \"x\" in line "
		   "1 of T");
	expect_err("space_left = 100%",
		   "Percentages should be less than 100 - line 1");
	expect_err("space_left = 1x%",
		   "Value x 1x% should only be numbers or percent - line 1");
	expect_err("space_left = -5",
		   "Value - -5 should only be numbers or percent - line 1");
	expect_err("space_left_action = exec",
		   "Executable path needed for line 1");
	expect_err("space_left_action = exec bin",
		   "Absolute path needed for bin - line 1");
	expect_err("space_left_action = exec /nonexist", "Unable to stat "
		   "/nonexist (No such file or directory) - line 1");
	expect_err("space_left_action = exec /tmp",
		   "/tmp is not a regular file - line 1");
	expect_err("space_left_action = bogus",
		   "Option bogus not found - line 1");
	expect_err("action_mail_acct = a", "email: a is too short, expecting "
		   "at least 2 characters");
	expect_err("action_mail_acct = a+b", "email: a+b has illegal "
		   "character");
	expect_err("action_mail_acct = a@b", "email: a@b should have . after "
		   "@");
	expect_err("disk_full_action = email",
		   "Illegal option email for disk_full_action - line 1");
	expect_err("disk_error_action = rotate",
		   "Illegal option rotate for disk_error_action - line 1");
	expect_err("disk_error_action = email",
		   "Illegal option email for disk_error_action - line 1");
	expect_err("tcp_listen_port = 0",
		   "Error - converted number (0) is too small - line 1");
	expect_err("tcp_listen_port = 65536",
		   "Error - converted number (65536) is too large - line 1");
	expect_err("tcp_listen_queue = 0",
		   "Error - converted number (0) is too small - line 1");
	expect_err("tcp_listen_queue = 2147483647", "Error - converted number "
		   "(2147483647) is too large - line 1");
	expect_err("tcp_max_per_addr = 1025",
		   "Error - converted number (1025) is too large - line 1");
	expect_err("tcp_client_ports = 70000",
		   "Error - converted number (70000) is too large - line 1");
	expect_err("tcp_client_ports = 5-3",
		   "Error - converted range (5-3) is reversed - line 1");
	expect_err("tcp_client_ports = a-b", "Value a-b should only be "
		   "numbers, or two numbers separated by a dash - line 1");
	expect_err("tcp_client_ports = 5-", "Value 5- should only be numbers, "
		   "or two numbers separated by a dash - line 1");
	expect_err("tcp_client_max_idle = 2147483648", "Error - converted "
		   "number (2147483648) is too large - line 1");
	expect_err("q_depth = 100000", "q_depth must be 99999 or less");
	expect_err("overflow_action = rotate",
		   "Option rotate not found - line 1");
	expect_err("overflow_action = exec /bin/true", "Keyword "
		   "\"overflow_action\" has invalid option \"/bin/true\" in "
		   "line 1 of T");
	expect_err("max_restarts = x", "Value x should only be numbers - "
		   "line 1");
	expect_err("end_of_event_timeout = x",
		   "Value x should only be numbers - line 1");
	expect_err("verify_email = maybe", "Option maybe not found - line 1");
	expect_err("report_interval = 41d", "report_interval 41d is more than "
		   "40 days - line 1");
	expect_err("log_file = /a", "The directory name: / is too short - "
		   "line 1");
	expect_err("log_file = rel.log", "The directory name: . is too short "
		   "- line 1");
	expect_err("log_file = /nonexist/dir/a.log", "Could not open dir "
		   "/nonexist/dir (No such file or directory)");
	expect_err("log_file = /tmp", "The directory name: / is too short - "
		   "line 1");
}

static void conf_auditd_check_cross_keys(void **state)
{
	struct auditd_conf cf;

	(void)state;
	assert_int_equal(parse("space_left = 50\nadmin_space_left = 75\n",
			       &cf), -1);
	assert_string_equal(dg.msg, "Error - space_left(50) must be larger "
			    "than admin_space_left(75)");
	assert_int_equal(parse("# only a comment\n", &cf), -1);
	assert_string_equal(dg.msg, "Error - space_left(0) must be larger "
			    "than admin_space_left(0)");
	assert_int_equal(parse("", &cf), 0);
	assert_int_equal(parse("space_left = 2\nflush = incremental\n", &cf),
			 -1);
	assert_string_equal(dg.msg, "Error - incremental flushing chosen, but "
			    "0 selected for freq");
	assert_int_equal(parse("space_left = 2\nfreq = 3\n", &cf), 0);
	assert_non_null(strstr(notes, "Warning - freq is non-zero and "
			       "incremental flushing not selected."));
	assert_int_equal(parse("space_left = 10%\nadmin_space_left = 20%\n",
			       &cf), 0);
}

static void conf_auditd_load_file_checks(void **state)
{
	char dir[] = "/tmp/test_conf.XXXXXX", path[64], link[64];
	struct conf_ctx c = { .file = "F", .note = note, .diag = &dg,
			      .check_owner = 1 };
	struct auditd_conf cf;
	FILE *f;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/auditd.conf", dir);
	snprintf(link, sizeof link, "%s/link.conf", dir);
	notes[0] = 0;
	assert_int_equal(conf_auditd_load(&c, path, &cf), 1);
	assert_non_null(strstr(notes, "doesn't exist, skipping"));
	f = fopen(path, "w");
	assert_non_null(f);
	fputs("space_left = 3\nlog_format = ENRICHED\n", f);
	fclose(f);
	chmod(path, 0666);
	assert_int_equal(conf_auditd_load(&c, path, &cf), -1);
	assert_non_null(strstr(dg.msg, "is world writable"));
	chmod(path, 0640);
	if (geteuid() == 0) {
		assert_int_equal(conf_auditd_load(&c, path, &cf), 0);
		assert_int_equal(cf.log_format, LF_ENRICHED);
		assert_int_equal(cf.space_left, 3);
	}
	c.check_owner = 0;
	assert_int_equal(symlink(path, link), 0);
	assert_int_equal(conf_auditd_load(&c, link, &cf), -1);
	assert_string_equal(dg.msg, "Error opening config file (Too many "
			    "levels of symbolic links)");
	c.allow_links = 1;
	assert_int_equal(conf_auditd_load(&c, link, &cf), 0);
	assert_int_equal(conf_auditd_load(&c, dir, &cf), -1);
	assert_non_null(strstr(dg.msg, "is not a regular file"));
	unlink(link);
	unlink(path);
	rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(conf_split_spaces_only),
		cmocka_unit_test(conf_auditd_defaults_reference),
		cmocka_unit_test(conf_parse_syntax_errors),
		cmocka_unit_test(conf_parse_long_lines),
		cmocka_unit_test(conf_parse_case_insensitive),
		cmocka_unit_test(conf_auditd_keys_values),
		cmocka_unit_test(conf_auditd_keys_bad_values),
		cmocka_unit_test(conf_auditd_check_cross_keys),
		cmocka_unit_test(conf_auditd_load_file_checks),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
