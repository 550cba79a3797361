/* Tests for core/interpret_enrich.c: the ENRICHED tail. The main case
 * takes every line the reference auditd 3.0.9 wrote in ENRICHED format
 * (tests/data/auditd-enriched/reference.log: records of a workload with
 * execve, connect to inet, inet6 and unix addresses, a watch, setgid to
 * gid 4 and a user message), cuts it at the \x1d and expects our tail
 * for the raw part to be the reference's. Names: uid 0 is root, gid 4 is
 * the group file's (adm on Debian and Alpine). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <auditbox/interpret.h>
#include <auditbox/tables.h>

#include <grp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static struct interp ip;
static char out[4096];

/* Our tail for a record of type rtype whose kernel text is text. */
static const char *tail(int rtype, const char *text)
{
	interpret_enrich(&ip, rtype, text, strlen(text), out, sizeof out);
	return out;
}

static void interpret_enrich_reference_log(void **state)
{
	const char *dir = getenv("AB_TESTS");
	char path[512], line[16384], exp[8192];
	struct group *adm = getgrgid(4);
	FILE *f;
	int n = 0;

	(void)state;
	snprintf(path, sizeof path, "%s/data/auditd-enriched/reference.log",
		 dir ? dir : "tests");
	f = fopen(path, "r");
	assert_non_null(f);
	interpret_init(&ip);
	while (fgets(line, sizeof line, f)) {
		char *gs, *msg, *sp, *g;
		int type;

		line[strcspn(line, "\n")] = 0;
		gs = strchr(line, '\x1d');
		snprintf(exp, sizeof exp, "%s", gs ? gs : "");
		if (gs)
			*gs = 0;
		/* the group name of gid 4 as this machine has it */
		if (adm && strcmp(adm->gr_name, "adm"))
			while ((g = strstr(exp, "\"adm\""))) {
				char rest[4096];

				snprintf(rest, sizeof rest, "%s", g + 5);
				snprintf(g, sizeof exp - (size_t)(g - exp),
					 "\"%s\"%s", adm->gr_name, rest);
			}
		sp = strchr(line, ' ');
		msg = strstr(line, " msg=");
		assert_non_null(sp);
		assert_non_null(msg);
		*sp = 0;
		type = tables_msgtype_number(line + 5);
		assert_true(type > 0);
		assert_string_equal(tail(type, msg + 5), exp);
		n++;
	}
	fclose(f);
	assert_int_equal(n, 21);
}

static void interpret_enrich_cases(void **state)
{
	(void)state;
	interpret_init(&ip);
	/* nothing to add: no separator */
	assert_string_equal(tail(1307, "audit(1.0:2): cwd=\"/\""), "");
	assert_string_equal(tail(1320, "audit(1.0:2): "), "");
	/* unknown ids, unset, group id records, a user record's inner id */
	assert_string_equal(tail(1300, "audit(1.0:2): arch=c000003e "
				 "syscall=0 auid=4294967295 uid=3999999 "
				 "gid=3999999"),
			    "\x1d" "ARCH=x86_64 SYSCALL=read AUID=\"unset\" "
			    "UID=\"unknown(3999999)\" GID=\"unknown(3999999)\"");
	assert_string_equal(tail(1102, "audit(1.0:2): pid=1 uid=0 "
				 "auid=0 ses=1 msg='op=add-user id=0 "
				 "exe=\"/usr/sbin/useradd\" res=success'"),
			    "\x1dUID=\"root\" AUID=\"root\" ID=\"root\"");
	assert_string_equal(tail(1116, "audit(1.0:2): pid=1 uid=0 "
				 "auid=0 ses=1 msg='op=add-group id=0 "
				 "res=success'"),
			    "\x1dUID=\"root\" AUID=\"root\" ID=\"root\"");
	/* i386 syscall numbers by the record's own arch */
	assert_string_equal(tail(1300, "audit(1.0:2): arch=40000003 "
				 "syscall=11 success=yes"),
			    "\x1d" "ARCH=i386 SYSCALL=execve");
	/* the text stops at a NUL, as the log line does */
	{
		static const char t[] = "audit(1.0:2): saddr=020000097F000001"
					"0000000000000000"
					"\0uid=0";

		interpret_enrich(&ip, 1306, t, sizeof t - 1, out, sizeof out);
		assert_string_equal(out, "\x1dSADDR={ saddr_fam=inet "
				    "laddr=127.0.0.1 lport=9 }");
	}
	/* no "): " at all: nothing */
	assert_string_equal(tail(1300, "garbage uid=0"), "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(interpret_enrich_reference_log),
		cmocka_unit_test(interpret_enrich_cases),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
