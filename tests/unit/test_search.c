/* test_search - core/search*.c: search_match, with the -k prefilter on
 * and off giving the same answers (expected matches as /sbin/ausearch
 * 3.0.9 gives them for the same records and -k). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <auditbox/scan.h>
#include <auditbox/search.h>

static struct search_items items;
/* the criteria read arch= (ausearch -i, csv, text, --arch) */
static bool want_arch;

struct ctx {
	struct search_criteria c;
	char *out;
	size_t cap, len;
};

static int on_event(void *arg, const struct event_table *t,
		    const struct event *e)
{
	struct ctx *x = arg;
	const struct event_rec *bad;
	int rc;

	if (search_match(&x->c, t, e, &items, &rc, &bad))
		x->len += (size_t)snprintf(x->out + x->len, x->cap - x->len,
					   "%lu ", e->serial);
	return 0;
}

static const char *find(void *arg, const char *p, const char *end)
{
	return search_find(&((struct ctx *)arg)->c, p, end);
}

/* Serials of the events of lines (read as a log file by scan) that
 * match -k key (exact: -w) and -p pid (-1: none), with or without search_find as the
 * prefilter, "serial " each, into out. */
static void run(const char *const *lines, int n, const char *key, bool exact,
		long pid, bool prefilter, char *out, size_t cap)
{
	char path[] = "/tmp/test_search.XXXXXX";
	struct ctx x = { .out = out, .cap = cap };
	struct scan s;
	int fd = mkstemp(path), failed = 0, i;
	FILE *f;

	assert_true(fd >= 0);
	f = fdopen(fd, "w");
	assert_non_null(f);
	for (i = 0; i < n; i++)
		fprintf(f, "%s\n", lines[i]);
	fclose(f);
	search_criteria_init(&x.c);
	x.c.key = key;
	x.c.exact = exact;
	x.c.pid = pid;
	x.c.want_arch = want_arch;
	out[0] = 0;
	assert_int_equal(scan_init(&s, 2, on_event, &x), 0);
	if (prefilter) {
		assert_true(search_findable(&x.c));
		x.c.prefilter = true;
		s.find = find;
		s.find_ctx = &x;
	}
	assert_int_equal(scan_files(&s, path, sizeof path, 1, &failed), 0);
	scan_fini(&s);
	unlink(path);
}

#define SCP(s, p, k) "type=SYSCALL msg=audit(100.000:" s "): " \
	"arch=c000003e syscall=2 success=yes exit=3 a0=1 a1=2 a2=3 a3=4 " \
	"items=1 ppid=1 pid=" p " auid=1000 uid=0 gid=0 euid=0 suid=0 fsuid=0 egid=0 sgid=0 " \
	"fsgid=0 tty=pts0 ses=1 comm=\"cat\" exe=\"/usr/bin/cat\" key=" k
#define SC(s, k) SCP(s, "42", k)
#define CW(s) "type=CWD msg=audit(100.000:" s "): cwd=\"/tmp\""

static const char *const lines[] = {
	SC("1", "\"secret\""), CW("1"),
	SC("2", "(null)"), CW("2"),
	/* "wl_ppid" \x01 "multi", hex as the kernel writes several keys */
	SC("3", "776C5F70706964016D756C7469"), CW("3"),
	SC("4", "776c5f70706964"),	/* lower case hex: "wl_ppid" */
	SC("5", "\"other\""),
	/* the key text elsewhere in the record only */
	"type=CWD msg=audit(100.000:6): cwd=\"/secret\"",
};

static void check(const char *key, bool exact, const char *want)
{
	char on[128], off[128];

	run(lines, (int)(sizeof lines / sizeof lines[0]), key, exact, -1, true,
	    on, sizeof on);
	run(lines, (int)(sizeof lines / sizeof lines[0]), key, exact, -1, false,
	    off, sizeof off);
	assert_string_equal(off, want);
	assert_string_equal(on, want);
}

#define SCN(s, n, p) "type=SYSCALL msg=audit(100.000:" s "): " \
	"arch=c000003e syscall=" n " success=yes exit=3 a0=1 a1=2 a2=3 " \
	"a3=4 items=1 ppid=1 pid=" p " auid=1000 uid=0 gid=0 euid=0 " \
	"suid=0 fsuid=0 egid=0 sgid=0 fsgid=0 tty=pts0 ses=1 comm=\"cat\" " \
	"exe=\"/usr/bin/cat\" key=(null)"

/* /sbin/ausearch 3.0.9 -p 42: syscall=2abc is read (2), an overflowing
 * syscall= drops the event (rc 6, the cut after its value), pid=
 * 4294967338 is 42 as a pid_t */
static void search_match_odd_numbers(void **state)
{
	static const char *const odd[] = {
		SCN("1", "2abc", "42"), SCN("2", "99999999999999999999", "42"),
		SCN("3", "2", "4294967338"), SCN("4", "2", "43"),
	};
	char on[64], off[64];

	(void)state;
	run(odd, 4, NULL, false, 42, false, off, sizeof off);
	run(odd, 4, NULL, false, 42, true, on, sizeof on);
	assert_string_equal(off, "1 3 ");
	assert_string_equal(on, "1 3 ");
}

#define SCA(s, arch, a0, a1) "type=SYSCALL msg=audit(100.000:" s "): " \
	"arch=" arch " syscall=2 success=yes exit=3 a0=" a0 " a1=" a1 \
	" a2=3 a3=4 items=1 ppid=1 pid=42 auid=1000 uid=0 gid=0 euid=0 " \
	"suid=0 fsuid=0 egid=0 sgid=0 fsgid=0 tty=pts0 ses=1 comm=\"cat\" " \
	"exe=\"/usr/bin/cat\" key=(null)"

/* /sbin/ausearch 3.0.9 -p 42 --format raw: an a0= or a1= past 64 bits
 * drops the event (rc 13), an arch= past 64 bits is not read; with -i
 * (or csv, text) it is, and drops the event too (rc 3) */
static void search_match_hex_overflow(void **state)
{
	static const char *const odd[] = {
		SCA("1", "c000003e", "ffffffffffffffffffff", "2"),
		SCA("2", "c000003e", "1", "0x1ffffffffffffffff"),
		SCA("3", "ffffffffffffffffff", "1", "2"),
		SCA("4", "c000003e", "ffffffffffffffff", "2"),
	};
	char raw[64], interp[64];

	(void)state;
	run(odd, 4, NULL, false, 42, false, raw, sizeof raw);
	want_arch = true;
	run(odd, 4, NULL, false, 42, false, interp, sizeof interp);
	want_arch = false;
	assert_string_equal(raw, "3 4 ");
	assert_string_equal(interp, "4 ");
}

static void search_match_key_quoted(void **state)
{
	(void)state;
	check("secret", false, "1 ");
	check("ecre", false, "1 ");
	check("ecre", true, "");
	check("other", true, "5 ");
}

static void search_match_key_hex(void **state)
{
	(void)state;
	check("multi", true, "3 ");
	check("ult", false, "3 ");
	check("wl_ppid", true, "3 4 ");
	check("776C", false, "");
}

static void search_match_key_null(void **state)
{
	(void)state;
	check("(null)", true, "2 ");
	check("null", false, "2 ");
	check("nomatch", false, "");
}

static void search_find_candidates(void **state)
{
	struct search_criteria c;
	const char *s1 = "0123456789abcdef0123456789 key=\"secret\"";
	const char *s2 = "key=(null) key=\"secre";
	const char *s3 = "0123456789abcdef0123456789 key=736563";

	(void)state;
	search_criteria_init(&c);
	assert_false(search_findable(&c));
	c.key = "";
	assert_false(search_findable(&c));
	c.key = "secret";
	assert_true(search_findable(&c));
	assert_ptr_equal(search_find(&c, s1, s1 + strlen(s1)), s1 + 32);
	/* the key must lie wholly inside [p, end) */
	assert_null(search_find(&c, s1, s1 + strlen(s1) - 2));
	assert_null(search_find(&c, s2, s2 + strlen(s2)));
	/* hex after key= may decode to it */
	assert_ptr_equal(search_find(&c, s3, s3 + strlen(s3)), s3 + 27);
	assert_null(search_find(&c, s3, s3 + 31));
}

/* Many events over more than scan's find window: the same answers with
 * the prefilter as without, and every 37th event (key k07) found. */
static void search_match_prefilter_long_log(void **state)
{
	enum { N = 3000 };
	static char buf[N][300];
	static const char *lines[N];
	char on[N * 6], off[N * 6], want[N * 6];
	size_t len = 0;
	int i;

	(void)state;
	for (i = 0; i < N; i++) {
		unsigned ser = (unsigned)(i / 2 + 1);

		if (i % 2 == 0)
			snprintf(buf[i], sizeof buf[i], SC("%u", "\"%s\""),
				 ser, ser % 37 ? "k01" : "k07");
		else
			snprintf(buf[i], sizeof buf[i], CW("%u"), ser);
		lines[i] = buf[i];
		if (i % 2 == 0 && ser % 37 == 0)
			len += (size_t)snprintf(want + len, sizeof want - len,
						"%u ", ser);
	}
	run(lines, N, "k07", false, -1, true, on, sizeof on);
	run(lines, N, "k07", false, -1, false, off, sizeof off);
	assert_string_equal(off, want);
	assert_string_equal(on, want);
}

/* pid= values as /sbin/ausearch 3.0.9 reads them (strtoul: blanks, a
 * sign, ULONG_MAX when too long); -p 4242 matches 1, 2, 3 and 5 */
static const char *const pid_lines[] = {
	SCP("1", "4242", "(null)"), SCP("2", "00004242", "(null)"),
	SCP("3", "+4242", "(null)"), SCP("4", "18446744073709555858", "(null)"),
	SCP("5", "-18446744073709547374", "(null)"), SCP("6", "4243", "(null)"),
	SCP("7", "14242", "(null)"), SCP("8", "42420", "(null)"),
	"type=USER_LOGIN msg=audit(100.000:9): pid=18446744073709555858 "
	"uid=0 auid=1000 ses=1 msg='op=login id=1000 exe=\"/usr/sbin/sshd\" "
	"hostname=? addr=? terminal=sshd res=success'",
};

static void search_match_pid(void **state)
{
	char on[128], off[128];
	int n = (int)(sizeof pid_lines / sizeof pid_lines[0]);

	(void)state;
	run(pid_lines, n, NULL, false, 4242, true, on, sizeof on);
	run(pid_lines, n, NULL, false, 4242, false, off, sizeof off);
	assert_string_equal(off, "1 2 3 5 ");
	assert_string_equal(on, "1 2 3 5 ");
	run(pid_lines, n, NULL, false, 42420, true, on, sizeof on);
	assert_string_equal(on, "8 ");
}

static void search_find_pid_candidates(void **state)
{
	struct search_criteria c;
	const char *s1 = "0123456789abcdef ppid=1 pid=4243 uid=4242";
	const char *s2 = "0123456789abcdef ppid=1 pid=4243 uid=0";
	const char *s3 = "0123456789abcdef pid= 1 uid=0";
	const char *s4 = "0123456789abcdef pid=-1 uid=0";

	(void)state;
	search_criteria_init(&c);
	c.pid = 0;
	assert_false(search_findable(&c));
	c.pid = 4242;
	assert_true(search_findable(&c));
	/* any 4242, a field or not: the text rule is the cheap one */
	assert_ptr_equal(search_find(&c, s1, s1 + strlen(s1)), s1 + 37);
	assert_null(search_find(&c, s2, s2 + strlen(s2)));
	assert_ptr_equal(search_find(&c, s3, s3 + strlen(s3)), s3 + 17);
	assert_ptr_equal(search_find(&c, s4, s4 + strlen(s4)), s4 + 17);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(search_match_key_quoted),
		cmocka_unit_test(search_match_odd_numbers),
		cmocka_unit_test(search_match_hex_overflow),
		cmocka_unit_test(search_match_key_hex),
		cmocka_unit_test(search_match_key_null),
		cmocka_unit_test(search_find_candidates),
		cmocka_unit_test(search_match_prefilter_long_log),
		cmocka_unit_test(search_match_pid),
		cmocka_unit_test(search_find_pid_candidates),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
