/* test_search_mac - core/search_mac.c (and SOCKADDR's notices in
 * search_misc.c): which AVC, USER_AVC, INTEGRITY, TTY, NETFILTER_CFG/PKT,
 * VIRT_RESOURCE and SOCKADDR events each criterion selects. Every expected
 * list is what /sbin/ausearch 3.0.9 printed for the same records (as a
 * log file) and criterion, "--raw", including its stderr messages. */
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

static const char *const lines[] = {
	"type=AVC msg=audit(100.000:1): avc:  denied  { read } for  "
	"pid=4101 comm=\"cat\" name=\"shadow\" dev=\"dm-0\" ino=393296 "
	"scontext=a tcontext=b tclass=file permissive=0",
	"type=AVC msg=audit(100.000:2): avc:  granted  { read } for  "
	"pid=4102 comm=\"cat\" path=\"/etc/x\" dev=\"dm-0\" ino=393296 "
	"scontext=a tcontext=b tclass=file",
	"type=AVC msg=audit(100.000:3): avc:  denied  { read } for  "
	"pid=4103 name=\"shadow\" scontext=a tcontext=b permissive=0",
	"type=AVC msg=audit(100.000:4): avc:  denied  for  pid=4104 "
	"comm=636174 name=2F6574632F78 scontext=a tcontext=b "
	"tclass=file",
	"type=USER_AVC msg=audit(100.000:5): pid=1 uid=0 "
	"auid=4294967295 ses=4294967295 subj=x msg='avc:  denied  { "
	"status } for auid=1000 uid=0 gid=0 cmdline=\"x\" scontext=c "
	"tcontext=d tclass=system permissive=0  "
	"exe=\"/usr/lib/systemd/systemd\" sauid=0 hostname=? addr=? "
	"terminal=?'",
	"type=INTEGRITY_DATA msg=audit(100.000:6): pid=4140 uid=1000 "
	"auid=1000 ses=3 subj=a op=appraise_data cause=invalid-hash "
	"comm=\"bash\" name=\"/usr/bin/ls\" dev=\"dm-0\" ino=1234 res=0 "
	"errno=0",
	"type=TTY msg=audit(100.000:7): tty pid=4152 uid=1000 "
	"auid=1000 ses=7 major=4 minor=1 comm=\"agetty\" "
	"data=726F6F740D",
	"type=NETFILTER_CFG msg=audit(100.000:8): table=filter "
	"family=2 entries=0 op=xt_register "
	"subj=system_u:system_r:init_t:s0 comm=\"systemd\"",
	"type=NETFILTER_CFG msg=audit(100.000:9): table=filter "
	"family=2 entries=0 op=xt_register pid=5 uid=1000 "
	"comm=\"iptables\"",
	"type=NETFILTER_PKT msg=audit(100.000:10): mark=0x1f "
	"saddr=10.1.1.1 daddr=ff02::1 proto=58 obj=pkt_t",
	"type=SOCKADDR msg=audit(100.000:11): saddr=0200",
	"type=SOCKADDR msg=audit(100.000:12): saddr=01000041",
	"type=SOCKADDR msg=audit(100.000:13): saddr=010041",
	"type=SOCKADDR msg=audit(100.000:14): "
	"saddr=0A0001BB00000000FE8000000000000000000000000000010000000"
	"0",
	"type=VIRT_RESOURCE msg=audit(100.000:15): pid=2100 uid=0 "
	"auid=4294967295 ses=4294967295 subj=x msg='virt=kvm "
	"resrc=disk reason=start vm=\"guest1\" uuid=1234 old-disk=\"?\" "
	"new-disk=\"/var/lib/img.qcow2\" exe=\"/usr/sbin/libvirtd\" "
	"hostname=? addr=? terminal=? res=success'",
	"type=MAC_UNLBL_STCDEL msg=audit(100.000:16): netlabel: auid=1001 "
	"ses=9 netif=eth0 src=10.0.0.1 res=0",
	"type=MAC_UNLBL_STCADD msg=audit(100.000:17): netlabel: auid=1001 "
	"ses=9 netif=eth0 src=10.0.0.1 res=1",
	"type=MAC_CALIPSO_ADD msg=audit(100.000:18): netlabel: auid=1001 "
	"ses=9 calipso_doi=5 res=1",
};

struct ctx {
	struct search_criteria c;
	char out[128], notes[256];
	size_t len, nlen;
};

static int on_event(void *arg, const struct event_table *t,
		    const struct event *e)
{
	struct ctx *x = arg;
	const struct event_rec *bad;
	int rc;

	if (search_match(&x->c, t, e, &items, &rc, &bad))
		x->len += (size_t)snprintf(x->out + x->len,
					   sizeof x->out - x->len, "%lu ",
					   e->serial);
	return 0;
}

/* --debug's "Unparsed type:N", in the notes as "unparsed N|" */
static void on_unparsed(void *arg, int type)
{
	struct ctx *x = arg;

	x->nlen += (size_t)snprintf(x->notes + x->nlen,
				    sizeof x->notes - x->nlen, "unparsed %d|",
				    type);
}

static void on_notice(void *arg, const char *text)
{
	struct ctx *x = arg;

	x->nlen += (size_t)snprintf(x->notes + x->nlen,
				    sizeof x->notes - x->nlen, "%s|", text);
}

/* the serials matching the criteria x->c, "serial " each, in x->out */
static void run(struct ctx *x)
{
	char path[] = "/tmp/test_search_mac.XXXXXX";
	struct scan s;
	int fd = mkstemp(path), failed = 0;
	size_t i;
	FILE *f;

	assert_true(fd >= 0);
	f = fdopen(fd, "w");
	assert_non_null(f);
	for (i = 0; i < sizeof lines / sizeof lines[0]; i++)
		fprintf(f, "%s\n", lines[i]);
	fclose(f);
	x->c.notice = on_notice;
	x->c.notice_ctx = x;
	assert_int_equal(scan_init(&s, 2, on_event, x), 0);
	assert_int_equal(scan_files(&s, path, sizeof path, 1, &failed), 0);
	scan_fini(&s);
	unlink(path);
}

#define CASE(set, want_out, want_notes) do {					\
	struct ctx x;							\
									\
	memset(&x, 0, sizeof x);					\
	search_criteria_init(&x.c);					\
	set;								\
	run(&x);							\
	assert_string_equal(x.out, want_out);				\
	assert_string_equal(x.notes, want_notes);			\
} while (0)

#define SHORT "sockaddr len too short|sun_path len too short|"

/* -sv: an AVC's "denied"/"granted", INTEGRITY's res=, USER records' res= */
static void search_mac_success(void **state)
{
	(void)state;
	CASE(x.c.success = S_FAILED, "1 5 6 16 ", "");
	CASE(x.c.success = S_SUCCESS, "2 15 17 ", "");
}

/* -c: an AVC without comm= (3) fails, hex comm= (4) decodes; a kernel
 * record without one (9 has one, 8 too) */
static void search_mac_comm(void **state)
{
	(void)state;
	CASE(x.c.comm = "cat", "1 2 4 ", "");
	CASE(x.c.comm = "systemd", "8 ", "");
}

/* -f: AVC path= or name=, INTEGRITY name=, VIRT_RESOURCE new-disk=,
 * AF_UNIX sockaddrs; short sockaddrs say so */
static void search_mac_file(void **state)
{
	(void)state;
	CASE(x.c.file = "shadow", "1 ", SHORT);
	CASE(x.c.file = "/", "2 4 6 15 ", SHORT);
	CASE(x.c.file = "A", "12 ", SHORT);
}

/* -p: an AVC without tclass= (3) fails; NETFILTER_CFG needs " pid=" */
static void search_mac_pid(void **state)
{
	(void)state;
	CASE(x.c.pid = 4104, "4 ", "");
	CASE(x.c.pid = 5, "9 ", "");
}

/* INTEGRITY and TTY read their uid from the '=' of " uid=" (0); a kernel
 * record without uid= is uid 0, without auid= or ses= unset */
static void search_mac_ids(void **state)
{
	(void)state;
	CASE(x.c.uid = 0, "5 6 7 8 15 ", "");
	CASE(x.c.loginuid = (uint32_t)-1, "5 8 9 15 ", "");
	CASE(x.c.loginuid = 1000, "6 7 ", "");
	CASE(x.c.session = 7, "7 ", "");
	CASE(x.c.session = 4294967295u, "5 8 9 15 ", "");
}

/* -hn: NETFILTER_PKT's saddr= as logged, inet6 sockaddrs */
static void search_mac_host(void **state)
{
	(void)state;
	CASE(x.c.host = "10.1", "10 ", SHORT);
	CASE(x.c.host = "fe80", "14 ", SHORT);
}

/* -o: AVC tcontext=, USER_AVC tcontext=, NETFILTER_PKT obj=; -x and -tm
 * defaults of kernel records */
static void search_mac_object_defaults(void **state)
{
	(void)state;
	CASE(x.c.object = "b", "1 2 4 ", "");
	CASE(x.c.object = "d", "5 ", "");
	CASE(x.c.object = "pkt", "10 ", "");
	CASE(x.c.exe = "(null)", "8 9 ", "");
	CASE(x.c.terminal = "(none)", "8 9 ", "");
}

/* MAC_POLICY_LOAD..MAC_UNLBL_STCDEL (1403..1417) are simple messages:
 * auid=, ses=, res= (16 STCDEL, 17 STCADD); MAC_CALIPSO_ADD (1418) is
 * not parsed (--debug: "Unparsed type:1418"), so it matches nothing */
static void search_mac_unlbl(void **state)
{
	(void)state;
	CASE(x.c.loginuid = 1001, "16 17 ", "");
	CASE((x.c.ua = true, x.c.uid = x.c.euid = x.c.loginuid = 1001),
	     "16 17 ", "");
	CASE(x.c.session = 9, "16 17 ", "");
	CASE((x.c.success = S_SUCCESS, x.c.loginuid = 1001), "17 ", "");
	CASE((x.c.loginuid = 1001, x.c.unparsed = on_unparsed,
	      x.c.unparsed_ctx = &x), "16 17 ", "unparsed 1418|");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(search_mac_success),
		cmocka_unit_test(search_mac_comm),
		cmocka_unit_test(search_mac_file),
		cmocka_unit_test(search_mac_pid),
		cmocka_unit_test(search_mac_ids),
		cmocka_unit_test(search_mac_host),
		cmocka_unit_test(search_mac_object_defaults),
		cmocka_unit_test(search_mac_unlbl),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
