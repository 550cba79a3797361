/* test_normalize - core/normalize*.c: subject, action, object, how and
 * results of events, as /sbin/ausearch 3.0.9 --format csv prints them
 * for the same records (expected values read off the reference). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include <auditbox/normalize.h>
#include <auditbox/record.h>

static struct normalize n;
static struct interp ip;
static struct event_rec rec[8];
static const struct event_rec *recs[8];
static char buf[4096];

static int run(const char *const *lines, size_t k, bool all)
{
	struct record r;
	size_t i;

	for (i = 0; i < k; i++) {
		rec[i].line = span_str(lines[i]);
		assert_int_equal(record_parse(&r, lines[i], strlen(lines[i])), 0);
		rec[i].type = r.type;
		recs[i] = &rec[i];
	}
	interpret_init(&ip);
	n.escape = 1;
	return normalize_event(&n, &ip, recs, k, all);
}

static const char *v(int i)
{
	assert_true(i >= 0);
	normalize_value(&n, i, buf, sizeof buf);
	return buf;
}

static const char *const open_ev[] = {
	"type=SYSCALL msg=audit(1763000000.200:2): arch=c000003e syscall=257 "
	"success=no exit=-13 a0=ffffff9c a1=7ffe0 a2=0 a3=0 items=1 ppid=1 "
	"pid=101 auid=0 uid=0 gid=0 euid=0 suid=0 fsuid=0 egid=0 sgid=0 "
	"fsgid=0 tty=pts0 ses=1 comm=\"cat\" exe=\"/usr/bin/cat\" key=\"secret\"",
	"type=CWD msg=audit(1763000000.200:2): cwd=\"/home/bob\"",
	"type=PATH msg=audit(1763000000.200:2): item=0 name=\"../etc/shadow\" "
	"inode=6 dev=fd:01 mode=040640 ouid=0 ogid=42 rdev=00:00 "
	"nametype=NORMAL obj=system_u:object_r:shadow_t:s0",
};

static void normalize_event_open(void **state)
{
	(void)state;
	assert_int_equal(run(open_ev, 3, true), 0);
	assert_string_equal(n.evkind, "audit-rule");
	assert_string_equal(n.action, "opened-file");
	assert_string_equal(v(n.session), "1");
	assert_string_equal(v(n.subj_sec), "root");
	assert_string_equal(n.subj_kind, "privileged-acct");
	assert_string_equal(v(n.results), "no");
	assert_string_equal(v(n.obj_prime), "../etc/shadow");
	assert_string_equal(v(n.obj_sec), "6");
	/* opened-file is a file whatever the mode says */
	assert_string_equal(normalize_obj_kind(&n), "file");
	assert_string_equal(v(n.how_f), "/usr/bin/cat");
	assert_string_equal(v(n.key), "secret");
	assert_string_equal(v(n.obj_label), "system_u:object_r:shadow_t:s0");
}

static void normalize_event_unlink_kind_from_mode(void **state)
{
	static const char *const ev[] = {
		"type=SYSCALL msg=audit(1.000:3): arch=c000003e syscall=87 "
		"success=yes exit=0 auid=0 uid=0 ses=2 exe=\"/usr/bin/rm\"",
		"type=CWD msg=audit(1.000:3): cwd=\"/\"",
		"type=PATH msg=audit(1.000:3): item=0 name=\"/tmp\" inode=2 "
		"mode=041777 nametype=PARENT",
		"type=PATH msg=audit(1.000:3): item=1 name=\"/tmp/x\" inode=9 "
		"mode=020644 nametype=DELETE",
	};

	(void)state;
	assert_int_equal(run(ev, 4, false), 0);
	assert_string_equal(n.action, "deleted");
	assert_string_equal(v(n.obj_prime), "/tmp/x");
	assert_string_equal(normalize_obj_kind(&n), "character-device");
}

static void normalize_event_config_change_compound(void **state)
{
	static const char *const ev[] = {
		"type=CONFIG_CHANGE msg=audit(1.000:75): auid=1000 ses=3 "
		"op=add_rule key=\"k1\" list=4 res=0",
		"type=SYSCALL msg=audit(1.000:75): arch=c000003e syscall=44 "
		"success=yes exit=1056 auid=1000 uid=0 ses=3 "
		"exe=\"/usr/sbin/autrace\" key=\"sk\"",
	};

	(void)state;
	assert_int_equal(run(ev, 2, false), 0);
	assert_string_equal(n.evkind, "configuration");
	assert_null(n.action);		/* the op value, as logged */
	assert_string_equal(v(n.action_f), "add_rule");
	assert_string_equal(v(n.obj_prime), "k1");
	assert_string_equal(v(n.results), "yes");
	assert_string_equal(v(n.key), "sk");
	assert_string_equal(normalize_obj_kind(&n), "audit-config");
}

static void normalize_event_compound_without_syscall(void **state)
{
	static const char *const ev[] = {
		"type=CONFIG_CHANGE msg=audit(1.000:78): auid=1000 ses=3 "
		"op=add_rule list=4 res=1",
		"type=PROCTITLE msg=audit(1.000:78): proctitle=6C73",
	};

	(void)state;
	assert_int_equal(run(ev, 2, false), 1);
}

static void normalize_event_key_null_dropped(void **state)
{
	static const char *const ev[] = {
		"type=CONFIG_CHANGE msg=audit(1.000:77): auid=1000 ses=3 "
		"op=add_rule key=(null) list=4 res=1 audit_enabled=1",
	};

	(void)state;
	assert_int_equal(run(ev, 1, false), 0);
	assert_string_equal(n.action, "added-audit-rule");
	assert_string_equal(n.f[n.obj_prime].name.p, "audit_enabled=1");
	/* the search for res started after the object: none */
	assert_int_equal(n.results, NORM_UNSET);
}

static void normalize_event_daemon_start(void **state)
{
	static const char *const ev[] = {
		"type=DAEMON_START msg=audit(1.000:4242): op=start ver=3.0.9 "
		"format=raw kernel=6.1.0 auid=4294967295 pid=1 uid=0 "
		"ses=4294967295 res=success",
	};

	(void)state;
	assert_int_equal(run(ev, 1, false), 0);
	assert_string_equal(n.evkind, "audit-daemon");
	assert_string_equal(v(n.subj_prime), "unset");
	assert_string_equal(n.subj_kind, "auditd");
	assert_string_equal(n.action, "started-audit");
	assert_string_equal(n.how, "init");
	assert_string_equal(normalize_obj_kind(&n), "service");
}

static void normalize_event_user_cmd(void **state)
{
	static const char *const ev[] = {
		"type=USER_CMD msg=audit(1.000:9): pid=601 uid=0 auid=0 ses=5 "
		"msg='cwd=\"/root\" cmd=6C73202D6C61202F726F6F74 "
		"exe=\"/usr/bin/sudo\" terminal=pts/1 res=success'",
	};

	(void)state;
	assert_int_equal(run(ev, 1, false), 0);
	assert_string_equal(n.evkind, "user-space");
	assert_string_equal(n.action, "ran-command");
	assert_string_equal(v(n.obj_prime), "ls -la /root");
	assert_string_equal(v(n.results), "success");
	assert_string_equal(v(n.how_f), "/usr/bin/sudo");
	assert_string_equal(normalize_obj_kind(&n), "process");
}

static void normalize_value_seccomp_syscall(void **state)
{
	static const char *const ev[] = {
		"type=SECCOMP msg=audit(1.000:17): auid=0 uid=0 ses=5 pid=801 "
		"exe=\"/usr/bin/x\" sig=0 arch=c000003e syscall=59 code=0x50000",
	};

	(void)state;
	assert_int_equal(run(ev, 1, false), 0);
	assert_string_equal(v(n.obj_prime), "unknown-syscall(-1)");
	n.escape = 2;
	assert_string_equal(v(n.obj_prime), "unknown-syscall\\(-1\\)");
}

/* the index of the first field named name, -1 if none */
static int field(const char *name)
{
	unsigned i;

	for (i = 0; i < n.nf; i++)
		if (span_eqs(n.f[i].name, name))
			return (int)i;
	return -1;
}

#define ODD(head, k) head " success=no exit=3 a0=1 a1=2 a2=3 a3=4 " \
	"items=0 ppid=1 pid=1600 auid=1000 uid=0 gid=0 euid=0 suid=0 " \
	"fsuid=0 egid=0 sgid=0 fsgid=0 tty=pts0 ses=7 comm=\"odd\" " \
	"exe=\"/usr/bin/odd\" key=" k

/* A SYSCALL record's syscall is known as its field 2 only (the arch as
 * field 1, else this machine): /sbin/ausearch 3.0.9 --format csv says
 * triggered-audit-rule where an empty arch= moves it (object the key,
 * triggered-unknown-audit-rule without a key), checked-metadata-of for
 * syscall 5 after xarch=40000003 (x86_64's fstat) */
static void normalize_value_syscall_by_place(void **state)
{
	static const char *const empty[] = { ODD("type=SYSCALL msg="
		"audit(1.000:3): arch= syscall=2", "\"odd\"") };
	static const char *const nokey[] = { ODD("node=h type=SYSCALL msg="
		"audit(1.000:7): arch= syscall=2", "(null)") };
	static const char *const xarch[] = { ODD("type=SYSCALL msg="
		"audit(1.000:1): xarch=40000003 syscall=5", "\"odd\"") };

	(void)state;
	assert_int_equal(run(empty, 1, false), 0);
	assert_string_equal(n.action, "triggered-audit-rule");
	assert_string_equal(v(n.obj_prime), "odd");
	assert_string_equal(v(field("syscall")),
			    "unknown-syscall(-1)");
	assert_int_equal(run(nokey, 1, false), 0);
	assert_string_equal(n.action, "triggered-unknown-audit-rule");
	assert_int_equal(run(xarch, 1, false), 0);
	assert_string_equal(n.action, "checked-metadata-of");
}

/* ENRICHED SYSCALL= names the syscall (the action follows it, quotes and
 * all); a user record without res= still has its object (a cut log):
 * both as /sbin/ausearch 3.0.9 --format csv */
static void normalize_damaged(void **state)
{
	static const char *const open[] = { ODD("type=SYSCALL msg="
		"audit(1.000:3): arch=c000003e syscall=44", "\"odd\""
		"\x1d" "ARCH=x86_64 SYSCALL=open") };
	static const char *const quoted[] = { ODD("type=SYSCALL msg="
		"audit(1.000:3): arch=c000003e syscall=44", "\"odd\""
		"\x1d" "SYSCALL=\"open\"") };
	static const char *const nores[] = {
		"type=USER_LOGIN msg=audit(1.000:76): pid=1 uid=0 auid=0 ses=1 "
		"msg='op=login acct=\"root\" exe=\"/bin/login\" hostname=? "
		"addr=? terminal=tt" };

	(void)state;
	assert_int_equal(run(open, 1, false), 0);
	assert_string_equal(n.action, "opened-file");
	assert_string_equal(v(field("syscall")), "open");
	assert_int_equal(run(quoted, 1, false), 0);
	assert_string_equal(n.action, "triggered-audit-rule");
	assert_int_equal(run(nores, 1, false), 0);
	assert_string_equal(v(n.obj_prime), "tt");
	assert_int_equal(n.results, NORM_UNSET);
}

/* EVENT_LISTENER as /sbin/ausearch 3.0.9 --format csv: op=connect is
 * connected-to, another op disconnected-from; the object the multicast
 * group; res found before the subject too */
static void normalize_event_listener(void **state)
{
	static const char *const ev[] = {
		"type=EVENT_LISTENER msg=audit(1700000005.000:13): res=0 "
		"nl-mcgrp=1 pid=1 uid=0 auid=1000 ses=2 op=disconnect "
		"exe=\"/usr/bin/python3\" comm=\"py\"",
	};

	(void)state;
	assert_int_equal(run(ev, 1, false), 0);
	assert_string_equal(n.evkind, "audit-daemon");
	assert_string_equal(n.action, "disconnected-from");
	assert_string_equal(v(n.obj_prime), "audit-netlink-multicast");
	assert_string_equal(normalize_obj_kind(&n), "socket");
	assert_string_equal(v(n.how_f), "/usr/bin/python3");
	assert_string_equal(v(n.results), "no");
}

/* a quoted value ends at its first blank, as auparse splits records:
 * fp="a b$" is the object "a, an escaped exe="/usr/sbin/ss hd" one blank */
static void normalize_quoted_blank(void **state)
{
	static const char *const ev[] = {
		"type=CRYPTO_KEY_USER msg=audit(1700000002.000:3): pid=5 uid=0 "
		"auid=1000 ses=1 msg='op=destroy kind=server fp=\"a b$\" "
		"direction=? spid=5 suid=0 exe=\"/usr/sbin/ss hd\" hostname=? "
		"addr=? terminal=? res=success'",
	};

	(void)state;
	assert_int_equal(run(ev, 1, false), 0);
	assert_string_equal(v(n.obj_prime), "\"a");
	assert_string_equal(v(n.how_f), " ");
}

/* MAC_MAP_ADD as /sbin/ausearch 3.0.9 --format csv: subj= is looked up
 * (with or without --extra-labels), else the cursor goes back to the
 * record's start; nlbl_domain and then res= are found from the cursor,
 * so a res= before nlbl_domain gives no result */
static void normalize_labeled_net_map(void **state)
{
	static const char *const first[] = {
		"type=MAC_MAP_ADD msg=audit(1700000006.000:20): netlabel: "
		"nlbl_domain=dom2 auid=1000 ses=1 res=1",
	};
	static const char *const after[] = {
		"type=MAC_MAP_ADD msg=audit(1700000006.000:21): netlabel: "
		"auid=1000 ses=1 res=0 nlbl_domain=dom1 nlbl_protocol=unlbl",
	};
	bool all;

	(void)state;
	for (all = false; ; all = true) {
		assert_int_equal(run(first, 1, all), 0);
		assert_string_equal(n.action,
				    "added-mac-network-domain-mapping-to");
		assert_string_equal(v(n.obj_prime), "dom2");
		assert_string_equal(v(n.results), "yes");
		assert_string_equal(normalize_obj_kind(&n), "mac-config");
		assert_int_equal(run(after, 1, all), 0);
		assert_string_equal(v(n.obj_prime), "dom1");
		assert_int_equal(n.results, NORM_UNSET);
		assert_string_equal(v(n.session), "1");
		if (all)
			break;
	}
}

/* MAC_UNLBL_STCDEL (ref 3.0.9): a subj= after res= leaves no result, the
 * label only with --extra-labels; an empty res= is no field (no
 * result); auid=abc reads as 0, root, privileged-acct */
static void normalize_labeled_net_fields(void **state)
{
	static const char *const subj[] = {
		"type=MAC_UNLBL_STCDEL msg=audit(1700000006.000:23): netlabel: "
		"res=1 netif=eth0 auid=1000 ses=1 subj=u:r:t:s0",
	};
	static const char *const empty[] = {
		"type=MAC_UNLBL_STCDEL msg=audit(1700000006.000:24): netlabel: "
		"auid=1000 res= ses=1",
	};
	static const char *const abc[] = {
		"type=MAC_UNLBL_STCDEL msg=audit(1700000006.000:22): netlabel: "
		"auid=abc ses=1 res=1",
	};

	(void)state;
	assert_int_equal(run(subj, 1, false), 0);
	assert_int_equal(n.results, NORM_UNSET);
	assert_int_equal(n.subj_label, NORM_UNSET);
	assert_string_equal(n.subj_kind, "user-acct");
	assert_int_equal(run(subj, 1, true), 0);
	assert_int_equal(n.results, NORM_UNSET);
	assert_string_equal(v(n.subj_label), "u:r:t:s0");
	assert_int_equal(run(empty, 1, false), 0);
	assert_int_equal(n.results, NORM_UNSET);
	assert_string_equal(v(n.session), "1");
	assert_int_equal(run(abc, 1, false), 0);
	assert_string_equal(v(n.subj_prime), "root");
	assert_string_equal(n.subj_kind, "privileged-acct");
	assert_string_equal(v(n.results), "yes");
}

/* a uid= with trailing junk (ref 3.0.9, USER_CMD csv): uid=4000000x is
 * unknown(4000000) and its kind unknown-acct, auid 4294967294 unknown(-2) */
static void normalize_uid_text(void **state)
{
	static const char *const ev[] = {
		"type=USER_CMD msg=audit(1.000:1): pid=1 uid=4000000x "
		"auid=4294967294 ses=1 msg='cmd=6C73 exe=\"/usr/bin/sudo\" "
		"terminal=pts/1 res=success'",
	};

	(void)state;
	assert_int_equal(run(ev, 1, false), 0);
	assert_string_equal(v(n.subj_prime), "unknown(-2)");
	assert_string_equal(v(n.subj_sec), "unknown(4000000)");
	assert_string_equal(n.subj_kind, "unknown-acct");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(normalize_event_listener),
		cmocka_unit_test(normalize_quoted_blank),
		cmocka_unit_test(normalize_labeled_net_map),
		cmocka_unit_test(normalize_labeled_net_fields),
		cmocka_unit_test(normalize_uid_text),
		cmocka_unit_test(normalize_event_open),
		cmocka_unit_test(normalize_event_unlink_kind_from_mode),
		cmocka_unit_test(normalize_event_config_change_compound),
		cmocka_unit_test(normalize_event_compound_without_syscall),
		cmocka_unit_test(normalize_event_key_null_dropped),
		cmocka_unit_test(normalize_event_daemon_start),
		cmocka_unit_test(normalize_event_user_cmd),
		cmocka_unit_test(normalize_value_seccomp_syscall),
		cmocka_unit_test(normalize_value_syscall_by_place),
		cmocka_unit_test(normalize_damaged),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
