/* test_evfmt - core/evfmt.c: the raw, default and interpret layouts of
 * events (expected texts are what /sbin/ausearch 3.0.9 printed for the
 * same lines, TZ=UTC), the time header cached per second whatever the
 * order of events, and events larger than the output buffer. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <auditbox/event.h>
#include <auditbox/evfmt.h>

static struct evfmt f;

/* an ENRICHED SYSCALL, a control byte in a PATH, a user record, a daemon
 * record (printed unescaped); the seconds go 0, +3601, back to 0 */
static const char log_lines[] =
	"type=SYSCALL msg=audit(1700000000.123:42): arch=c000003e syscall=59 success=yes exit=0 a0=1 a1=2 a2=3 a3=4 items=1 ppid=1 pid=2 auid=0 uid=0 gid=0 euid=0 suid=0 fsuid=0 egid=0 sgid=0 fsgid=0 tty=(none) ses=1 comm=\"a b\" exe=\"/bin/x\" key=(null)\035ARCH=x86_64 SYSCALL=execve AUID=\"root\" UID=\"root\"\n"
	"type=PATH msg=audit(1700000000.123:42): item=0 name=\"/tmp/x\001y\" inode=1 dev=00:01 mode=0100644 ouid=0 ogid=0 rdev=00:00 nametype=NORMAL\n"
	"type=USER_CMD msg=audit(1700003601.005:43): pid=1 uid=0 auid=0 ses=1 msg='cmd=6C73 terminal=pts/0 res=success'\n"
	"type=DAEMON_START msg=audit(1700000000.999:44): op=start ver=3.0.9 format=raw kernel=6.1 auid=4294967295 pid=1 uid=0 ses=4294967295 subj=a\002b res=success\n";

/* Every event of text (lines), written by f in format/escape; returns
 * the output (static, NUL-terminated) and its length in *len. */
static const char *run(const char *text, size_t tlen, int format,
		       int escape, size_t *len)
{
	static char *out;
	struct event_table t;
	const struct event *e;
	struct record r;
	size_t i = 0, j, n = 0;
	FILE *mf;

	free(out);
	out = NULL;
	mf = open_memstream(&out, &n);
	assert_non_null(mf);
	assert_int_equal(event_init(&t, 16, 4096, 2), 0);
	evfmt_init(&f, format, escape);
	while (i < tlen) {
		for (j = i; j < tlen && text[j] != '\n'; j++)
			;
		if (record_parse_header(&r, text + i, j - i) == 0)
			assert_int_not_equal(event_feed(&t, &r), EVENT_RETRY);
		while ((e = event_next(&t)))
			assert_int_equal(evfmt_event(&f, &t, e, mf), 0);
		i = j + 1;
	}
	event_flush(&t);
	while ((e = event_next(&t)))
		assert_int_equal(evfmt_event(&f, &t, e, mf), 0);
	event_fini(&t);
	fclose(mf);
	*len = n;
	return out;
}

static void expect(int format, int escape, const char *want)
{
	size_t n;
	const char *got = run(log_lines, sizeof log_lines - 1, format, escape,
			      &n);

	assert_int_equal(n, strlen(want));
	assert_memory_equal(got, want, n);
}

static void evfmt_event_default(void **state)
{
	(void)state;
	expect(EVFMT_DEFAULT, EVFMT_ESC_TTY,
	"----\n"
	"time->Tue Nov 14 22:13:20 2023\n"
	"type=PATH msg=audit(1700000000.123:42): item=0 name=\"/tmp/x\\001y\" inode=1 dev=00:01 mode=0100644 ouid=0 ogid=0 rdev=00:00 nametype=NORMAL\n"
	"type=SYSCALL msg=audit(1700000000.123:42): arch=c000003e syscall=59 success=yes exit=0 a0=1 a1=2 a2=3 a3=4 items=1 ppid=1 pid=2 auid=0 uid=0 gid=0 euid=0 suid=0 fsuid=0 egid=0 sgid=0 fsgid=0 tty=(none) ses=1 comm=\"a b\" exe=\"/bin/x\" key=(null)\n"
	"----\n"
	"time->Tue Nov 14 23:13:21 2023\n"
	"type=USER_CMD msg=audit(1700003601.005:43): pid=1 uid=0 auid=0 ses=1 msg='cmd=6C73 terminal=pts/0 res=success'\n"
	"----\n"
	"time->Tue Nov 14 22:13:20 2023\n"
	"type=DAEMON_START msg=audit(1700000000.999:44): op=start ver=3.0.9 format=raw kernel=6.1 auid=4294967295 pid=1 uid=0 ses=4294967295 subj=a\002b res=success\n");
}

static void evfmt_event_default_shell(void **state)
{
	(void)state;
	expect(EVFMT_DEFAULT, EVFMT_ESC_SHELL,
	"----\n"
	"time->Tue Nov 14 22:13:20 2023\n"
	"type=PATH\\ msg=audit\\(1700000000.123:42\\):\\ item=0\\ name=\\\"/tmp/x\\001y\\\"\\ inode=1\\ dev=00:01\\ mode=0100644\\ ouid=0\\ ogid=0\\ rdev=00:00\\ nametype=NORMAL\n"
	"type=SYSCALL\\ msg=audit\\(1700000000.123:42\\):\\ arch=c000003e\\ syscall=59\\ success=yes\\ exit=0\\ a0=1\\ a1=2\\ a2=3\\ a3=4\\ items=1\\ ppid=1\\ pid=2\\ auid=0\\ uid=0\\ gid=0\\ euid=0\\ suid=0\\ fsuid=0\\ egid=0\\ sgid=0\\ fsgid=0\\ tty=\\(none\\)\\ ses=1\\ comm=\\\"a\\ b\\\"\\ exe=\\\"/bin/x\\\"\\ key=\\(null\\)\n"
	"----\n"
	"time->Tue Nov 14 23:13:21 2023\n"
	"type=USER_CMD\\ msg=audit\\(1700003601.005:43\\):\\ pid=1\\ uid=0\\ auid=0\\ ses=1\\ msg=\\'cmd=6C73\\ terminal=pts/0\\ res=success\\'\n"
	"----\n"
	"time->Tue Nov 14 22:13:20 2023\n"
	"type=DAEMON_START msg=audit(1700000000.999:44): op=start ver=3.0.9 format=raw kernel=6.1 auid=4294967295 pid=1 uid=0 ses=4294967295 subj=a\002b res=success\n");
}

static void evfmt_event_raw(void **state)
{
	(void)state;
	expect(EVFMT_RAW, EVFMT_ESC_TTY,
	"type=SYSCALL msg=audit(1700000000.123:42): arch=c000003e syscall=59 success=yes exit=0 a0=1 a1=2 a2=3 a3=4 items=1 ppid=1 pid=2 auid=0 uid=0 gid=0 euid=0 suid=0 fsuid=0 egid=0 sgid=0 fsgid=0 tty=(none) ses=1 comm=\"a b\" exe=\"/bin/x\" key=(null)\035ARCH=x86_64 SYSCALL=execve AUID=\"root\" UID=\"root\"\n"
	"type=PATH msg=audit(1700000000.123:42): item=0 name=\"/tmp/x\001y\" inode=1 dev=00:01 mode=0100644 ouid=0 ogid=0 rdev=00:00 nametype=NORMAL\035\n"
	"type=USER_CMD msg=audit(1700003601.005:43): pid=1 uid=0 auid=0 ses=1 msg='cmd=6C73 terminal=pts/0 res=success'\n"
	"type=DAEMON_START msg=audit(1700000000.999:44): op=start ver=3.0.9 format=raw kernel=6.1 auid=4294967295 pid=1 uid=0 ses=4294967295 subj=a\002b res=success\n");
}

static void evfmt_event_interp(void **state)
{
	(void)state;
	expect(EVFMT_INTERP, EVFMT_ESC_RAW,
	"----\n"
	"type=PATH msg=audit(11/14/23 22:13:20.123:42) : item=0 name=/tmp/x\001y inode=1 dev=00:01 mode=file,644 ouid=root ogid=root rdev=00:00 nametype=NORMAL \n"
	"type=SYSCALL msg=audit(11/14/23 22:13:20.123:42) : arch=x86_64 syscall=execve success=yes exit=0 a0=0x1 a1=0x2 a2=0x3 a3=0x4 items=1 ppid=1 pid=2 auid=root uid=root gid=root euid=root suid=root fsuid=root egid=root sgid=root fsgid=root tty=(none) ses=1 comm=a b exe=/bin/x key=(null) \n"
	"----\n"
	"type=USER_CMD msg=audit(11/14/23 23:13:21.005:43) : pid=1 uid=root auid=root ses=1 msg='cmd=ls terminal=pts/0 res=success' \n"
	"----\n"
	"type=DAEMON_START msg=audit(11/14/23 22:13:20.999:44) : op=start ver=3.0.9 format=raw kernel=6.1 auid=unset pid=1 uid=root ses=unset subj=a\002b res=success \n");
}

/* the longest stamp: a 20-digit serial (ULONG_MAX) */
static void evfmt_event_interp_serial_max(void **state)
{
	static const char line[] = "type=CWD msg=audit(1700000000.007:"
		"18446744073709551615): cwd=\"/\"\n";
	static const char want[] = "----\ntype=CWD msg=audit(11/14/23 "
		"22:13:20.007:18446744073709551615) : cwd=/ \n";
	size_t n;
	const char *got = run(line, sizeof line - 1, EVFMT_INTERP,
			      EVFMT_ESC_TTY, &n);

	(void)state;
	assert_int_equal(n, sizeof want - 1);
	assert_memory_equal(got, want, n);
}

/* An event of 40 PATH records of 8 KiB (more than EVFMT_OBUF): every
 * record, last first, each whole, in the default layout. */
static void evfmt_event_larger_than_buffer(void **state)
{
	enum { NREC = 40, VAL = 8192 };
	size_t cap = NREC * (VAL + 128), tlen = 0, n, i, at;
	char *text = malloc(cap), *want = malloc(cap + 64);
	const char *got;

	(void)state;
	assert_non_null(text);
	assert_non_null(want);
	for (i = 0; i < NREC; i++) {
		tlen += (size_t)sprintf(text + tlen, "type=PATH msg=audit("
					"1700000000.000:7): item=%zu name=", i);
		memset(text + tlen, (int)('a' + i % 26), VAL);
		tlen += VAL;
		text[tlen++] = '\n';
	}
	at = (size_t)sprintf(want, "----\ntime->Tue Nov 14 22:13:20 2023\n");
	for (i = NREC; i-- > 0;) {	/* the lines, last first */
		const char *p = text, *nl;
		size_t k;

		for (k = 0; k < i; k++)
			p = strchr(p, '\n') + 1;
		nl = strchr(p, '\n');
		memcpy(want + at, p, (size_t)(nl - p) + 1);
		at += (size_t)(nl - p) + 1;
	}
	assert_true(at > EVFMT_OBUF);
	got = run(text, tlen, EVFMT_DEFAULT, EVFMT_ESC_TTY, &n);
	assert_int_equal(n, at);
	assert_memory_equal(got, want, n);
	free(text);
	free(want);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(evfmt_event_default),
		cmocka_unit_test(evfmt_event_default_shell),
		cmocka_unit_test(evfmt_event_raw),
		cmocka_unit_test(evfmt_event_interp),
		cmocka_unit_test(evfmt_event_interp_serial_max),
		cmocka_unit_test(evfmt_event_larger_than_buffer),
	};

	setenv("TZ", "UTC", 1);
	tzset();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
