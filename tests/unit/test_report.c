/* test_report - core/report.c: the lists' order (ties, numbers), the
 * filters (--failed, --node, -nc, --add/--delete), detailed rows, summary
 * lists, the main summary, titles and the JSON document. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <auditbox/evfmt.h>
#include <auditbox/record.h>
#include <auditbox/report.h>

static char *buf;
static size_t len;
static FILE *out;
static struct report rep;
static struct search_items it;

static void start(struct report_opts *o)
{
	buf = NULL;
	len = 0;
	out = open_memstream(&buf, &len);
	assert_non_null(out);
	if (!o->escape)
		o->escape = EVFMT_ESC_TTY;
	report_init(&rep, o, out);
}

static void finish(void)
{
	fclose(out);
	report_fini(&rep);
}

/* the log's events through extraction and the report, as aureport does */
static void feed(const struct report_opts *o, const char *log)
{
	struct event_table t;
	struct search_criteria c;
	struct record r;
	const struct event *e;
	const struct event_rec *bad;
	const char *p = log, *nl;

	search_criteria_init(&c);
	report_criteria(o, &c);
	assert_int_equal(event_init(&t, 16, 64, 2), 0);
	for (;;) {
		nl = strchr(p, '\n');
		if (!nl)
			break;
		if (record_parse(&r, p, (size_t)(nl - p)) == RECORD_OK) {
			event_feed(&t, &r);
			while ((e = event_next(&t)))
				if (search_extract(&c, &t, e, &it, &bad) == 0)
					report_event(&rep, &t, e, &it);
		}
		p = nl + 1;
	}
	event_flush(&t);
	while ((e = event_next(&t)))
		if (search_extract(&c, &t, e, &it, &bad) == 0)
			report_event(&rep, &t, e, &it);
	event_fini(&t);
}

/* the whole report of log into buf (title, events, end); its exit code */
static int run(struct report_opts *o, const char *log)
{
	int rc;

	start(o);
	report_title(&rep);
	feed(o, log);
	rc = report_finish(&rep, (struct report_when){ 0 },
			   (struct report_when){ 0 }, 0, 0);
	finish();
	return rc;
}

static const char log1[] =
	"type=SYSCALL msg=audit(100.001:1): arch=c000003e syscall=2 success=yes exit=3 a0=1 a1=2 a2=3 a3=4 items=1 ppid=1 pid=10 auid=1000 uid=0 gid=0 euid=0 suid=0 fsuid=0 egid=0 sgid=0 fsgid=0 tty=pts0 ses=1 comm=\"cat\" exe=\"/usr/bin/cat\" key=\"k1\"\n"
	"type=PATH msg=audit(100.001:1): item=0 name=\"/etc/b\" inode=1 dev=00:01 mode=0100644 ouid=0 ogid=0 rdev=00:00 nametype=NORMAL\n"
	"type=SYSCALL msg=audit(100.002:2): arch=c000003e syscall=2 success=no exit=-13 a0=1 a1=2 a2=3 a3=4 items=1 ppid=1 pid=11 auid=1000 uid=0 gid=0 euid=0 suid=0 fsuid=0 egid=0 sgid=0 fsgid=0 tty=pts0 ses=1 comm=\"cat\" exe=\"/usr/bin/cat\" key=\"k2\"\n"
	"type=PATH msg=audit(100.002:2): item=0 name=\"/etc/a\" inode=1 dev=00:01 mode=0100644 ouid=0 ogid=0 rdev=00:00 nametype=NORMAL\n"
	"type=SYSCALL msg=audit(100.003:3): arch=c000003e syscall=2 success=yes exit=3 a0=1 a1=2 a2=3 a3=4 items=1 ppid=1 pid=9 auid=4294967295 uid=0 gid=0 euid=0 suid=0 fsuid=0 egid=0 sgid=0 fsgid=0 tty=(none) ses=4294967295 comm=\"ls\" exe=\"/usr/bin/ls\" key=\"k2\"\n"
	"type=PATH msg=audit(100.003:3): item=0 name=\"/etc/a\" inode=1 dev=00:01 mode=0100644 ouid=0 ogid=0 rdev=00:00 nametype=NORMAL\n"
	"type=CONFIG_CHANGE msg=audit(101.000:4): auid=1000 ses=1 op=add_rule key=\"k1\" list=4 res=1\n"
	"type=ADD_USER msg=audit(102.000:5): pid=5 uid=0 auid=1000 ses=1 msg='op=add-user acct=\"bob\" exe=\"/usr/sbin/useradd\" hostname=h1 addr=? terminal=pts/0 res=success'\n"
	"type=DEL_USER msg=audit(103.000:6): pid=5 uid=0 auid=1000 ses=1 msg='op=delete-user acct=\"eve\" exe=\"/usr/sbin/userdel\" hostname=h1 addr=? terminal=pts/0 res=failed'\n"
	"node=n2 type=USER_LOGIN msg=audit(104.000:7): pid=6 uid=0 auid=4294967295 ses=4294967295 msg='op=login acct=\"mallory\" exe=\"/usr/sbin/sshd\" hostname=10.0.0.9 addr=10.0.0.9 terminal=ssh res=failed'\n";

static void t_list_order(void **state)
{
	struct report_opts o = { .type = RPT_FILE, .detail = D_SUM };
	struct report_list l = { 0 }, n = { .numeric = true };

	(void)state;
	start(&o);
	/* strings: most hits first, ties in first-seen order */
	report_list_add(&rep, &l, "b", 1, 0);
	report_list_add(&rep, &l, "a", 1, 0);
	report_list_add(&rep, &l, "c", 1, 0);
	report_list_add(&rep, &l, "c", 1, 0);
	report_list_sort(&l);
	assert_int_equal(l.n, 3);
	assert_string_equal(l.buf + l.v[0].off, "c");
	assert_int_equal(l.v[0].hits, 2);
	assert_string_equal(l.buf + l.v[1].off, "b");
	assert_string_equal(l.buf + l.v[2].off, "a");
	/* numbers: ties in ascending order whatever order they came in */
	report_list_add(&rep, &n, NULL, 0, 30);
	report_list_add(&rep, &n, NULL, 0, -5);
	report_list_add(&rep, &n, NULL, 0, 7);
	report_list_add(&rep, &n, NULL, 0, 30);
	report_list_sort(&n);
	assert_int_equal(n.v[0].num, 30);
	assert_int_equal(n.v[1].num, -5);
	assert_int_equal(n.v[2].num, 7);
	free(l.v);
	free(l.buf);
	free(l.hash);
	free(n.v);
	free(n.hash);
	finish();
	free(buf);
}

static void t_many_values(void **state)
{
	struct report_opts o = { .type = RPT_PID, .detail = D_SUM };
	struct report_list n = { .numeric = true };
	int i;

	(void)state;
	start(&o);
	/* growth and rehashing keep every count */
	for (i = 0; i < 5000; i++)
		report_list_add(&rep, &n, NULL, 0, i % 1000);
	assert_int_equal(n.n, 1000);
	report_list_sort(&n);
	for (i = 0; i < 1000; i++) {
		assert_int_equal(n.v[i].num, i);
		assert_int_equal(n.v[i].hits, 5);
	}
	free(n.v);
	free(n.hash);
	finish();
	free(buf);
}

static void t_file_rows(void **state)
{
	struct report_opts o = { .type = RPT_FILE, .detail = D_DETAILED };

	(void)state;
	setenv("TZ", "UTC", 1);
	start(&o);
	assert_int_equal(report_title(&rep), 0);
	feed(&o, log1);
	assert_int_equal(report_finish(&rep, (struct report_when){ 0 },
				       (struct report_when){ 0 }, 0, 0), 0);
	finish();
	assert_non_null(strstr(buf, "\nFile Report\n"));
	assert_non_null(strstr(buf, "# date time file syscall success exe auid event\n"));
	assert_non_null(strstr(buf, "1. 01/01/70 00:01:40 /etc/b 2 yes /usr/bin/cat 1000 1\n"));
	assert_non_null(strstr(buf, "2. 01/01/70 00:01:40 /etc/a 2 no /usr/bin/cat 1000 2\n"));
	/* an unset login uid is -1 without -i */
	assert_non_null(strstr(buf, "3. 01/01/70 00:01:40 /etc/a 2 yes /usr/bin/ls -1 3\n"));
	free(buf);
}

static void t_failed_and_summary(void **state)
{
	struct report_opts o = { .type = RPT_FILE, .detail = D_SUM,
				 .failed = REPORT_FAILED };

	(void)state;
	run(&o, log1);
	assert_non_null(strstr(buf, "\nFailed File Summary Report\n"));
	assert_non_null(strstr(buf, "total  file\n"));
	/* only event 2 failed among the file events */
	assert_non_null(strstr(buf, "===\n1  /etc/a\n"));
	assert_null(strstr(buf, "/etc/b"));
	free(buf);
}

static void t_key_summary_order(void **state)
{
	struct report_opts o = { .type = RPT_KEY, .detail = D_SUM };

	(void)state;
	run(&o, log1);
	/* k2 twice, k1 once (the CONFIG_CHANGE key counts too: k1 twice,
	 * then the first seen first) */
	assert_non_null(strstr(buf, "2  k1\n2  k2\n"));
	free(buf);
}

static void t_conf_filters(void **state)
{
	struct report_opts o = { .type = RPT_ACCT_MOD, .detail = D_DETAILED,
				 .conf = REPORT_C_ADD };

	(void)state;
	run(&o, log1);
	/* --add: the ADD_USER, not the DEL_USER; acct= decoded */
	assert_non_null(strstr(buf, " 1000 h1 pts/0 /usr/sbin/useradd bob yes 5\n"));
	assert_null(strstr(buf, "userdel"));
	free(buf);

	o = (struct report_opts){ .type = RPT_CONFIG, .detail = D_DETAILED,
				  .no_config = true };
	assert_int_equal(run(&o, log1), 1);
	assert_non_null(strstr(buf, "<no events of interest were found>\n\n"));
	free(buf);
}

static void t_login_node(void **state)
{
	static const char *const nodes[] = { "n2" };
	struct report_opts o = { .type = RPT_LOGIN, .detail = D_DETAILED,
				 .nodes = nodes, .nnodes = 1 };

	(void)state;
	run(&o, log1);
	/* a failed login shows the account tried */
	assert_non_null(strstr(buf, "1. 01/01/70 00:01:44 mallory 10.0.0.9 ssh /usr/sbin/sshd no 7\n"));
	free(buf);
}

static void t_main_summary(void **state)
{
	struct report_opts o = { .type = RPT_SUMMARY, .detail = D_SUM };

	(void)state;
	start(&o);
	report_title(&rep);
	feed(&o, log1);
	report_finish(&rep, (struct report_when){ 100, 1 },
		      (struct report_when){ 104, 0 }, 0, 0);
	finish();
	assert_non_null(strstr(buf, "Range of time in logs: 01/01/70 00:01:40.001 - 01/01/70 00:01:44.000\n"));
	assert_non_null(strstr(buf, "Selected time for report: 01/01/70 00:01:40 - 01/01/70 00:01:44.000\n"));
	assert_non_null(strstr(buf, "Number of changes in configuration: 1\n"));
	assert_non_null(strstr(buf, "Number of changes to accounts, groups, or roles: 2\n"));
	assert_non_null(strstr(buf, "Number of failed logins: 1\n"));
	assert_non_null(strstr(buf, "Number of failed syscalls: 1\n"));
	assert_non_null(strstr(buf, "Number of files: 2\n"));
	assert_non_null(strstr(buf, "Number of keys: 2\n"));
	assert_non_null(strstr(buf, "Number of events: 7\n"));
	free(buf);
}

static void t_unimplemented_title(void **state)
{
	struct report_opts o = { .type = RPT_TIME, .detail = D_SUM,
				 .failed = REPORT_SUCCESS };

	(void)state;
	start(&o);
	assert_int_equal(report_title(&rep), -1);
	finish();
	assert_string_equal(buf, "\nSuccess ");
	free(buf);
}

static void t_escape(void **state)
{
	static const char log[] =
		"type=SYSCALL msg=audit(100.001:1): arch=c000003e syscall=2 success=yes exit=3 a0=1 a1=2 a2=3 a3=4 items=1 ppid=1 pid=10 auid=0 uid=0 gid=0 euid=0 suid=0 fsuid=0 egid=0 sgid=0 fsgid=0 tty=pts0 ses=1 comm=\"x\" exe=2F746D702F6120622409 key=(null)\n";
	struct report_opts o = { .type = RPT_EXE, .detail = D_DETAILED,
				 .escape = EVFMT_ESC_SHELL };

	(void)state;
	run(&o, log);
	/* "/tmp/a b$\t": space and $ backslashed, the tab in octal */
	assert_non_null(strstr(buf, " /tmp/a\\ b\\$\\011 pts0 ? 0 1\n"));
	free(buf);
}

static void t_json(void **state)
{
	struct report_opts o = { .type = RPT_FILE, .detail = D_DETAILED,
				 .json = true };

	(void)state;
	run(&o, log1);
	assert_memory_equal(buf, "{\"report\":\"File Report\",\"rows\":[\n{\"n\":1,", 40);
	assert_non_null(strstr(buf, "\"file\":\"/etc/b\",\"syscall\":\"2\",\"success\":\"yes\",\"exe\":\"/usr/bin/cat\",\"auid\":\"1000\",\"event\":1}"));
	assert_string_equal(buf + len - 4, "\n]}\n");
	free(buf);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_list_order),
		cmocka_unit_test(t_many_values),
		cmocka_unit_test(t_file_rows),
		cmocka_unit_test(t_failed_and_summary),
		cmocka_unit_test(t_key_summary_order),
		cmocka_unit_test(t_conf_filters),
		cmocka_unit_test(t_login_node),
		cmocka_unit_test(t_main_summary),
		cmocka_unit_test(t_unimplemented_title),
		cmocka_unit_test(t_escape),
		cmocka_unit_test(t_json),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
