/* normalize - an event as subject, action, object, how and result, the
 * way audit 3.0.9's auparse normalizer finds them (auparse/normalize.c
 * semantics: a cursor that searches forward through the records), checked
 * against /sbin/ausearch --format csv/text. This file: the cursor, the
 * tables and the subject kinds; normalize_simple.c has the one-record
 * ("simple") events, normalize_syscall.c the SYSCALL based ones. */
#include "normalize_int.h"
#include "interpret_int.h"

#include <limits.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <auditbox/record.h>
#include <auditbox/tables.h>

/* ---- the cursor ------------------------------------------------------- */

void norm_first_record(struct normalize *n)
{
	n->cr = 0;
	if (n->nrec)
		n->cf[0] = 0;
}

int norm_next_record(struct normalize *n)
{
	if (n->cr >= n->nrec)
		return 0;
	n->cr++;
	return n->cr < n->nrec;
}

int norm_goto_record(struct normalize *n, unsigned r)
{
	if (r >= n->nrec)
		return 0;
	n->cr = r;
	n->cf[r] = 0;
	return 1;
}

void norm_first_field(struct normalize *n)
{
	if (n->cr < n->nrec)
		n->cf[n->cr] = 0;
}

int norm_cur(const struct normalize *n)
{
	if (n->cr >= n->nrec || n->rec[n->cr].n == 0)
		return -1;
	return (int)(n->rec[n->cr].first + n->cf[n->cr]);
}

struct span norm_val(const struct normalize *n, int i)
{
	return n->f[i].value;
}

bool norm_val_is(const struct normalize *n, int i, const char *s)
{
	return span_eqs(n->f[i].value, s);
}

static bool name_is(const struct normalize *n, uint32_t i, const char *s)
{
	return span_eqs(n->f[i].name, s);
}

int norm_find(struct normalize *n, const char *name)
{
	bool moved = false;

	if (n->cr >= n->nrec)
		return -1;
	if (norm_cur(n) >= 0 && name_is(n, (uint32_t)norm_cur(n), name))
		return norm_cur(n);
	while (n->cr < n->nrec) {
		const struct norm_rec *r = &n->rec[n->cr];
		uint32_t j;

		if (!moved) {
			if (n->cf[n->cr] + 1 < r->n)
				n->cf[n->cr]++;
			moved = true;
		}
		for (j = n->cf[n->cr]; j < r->n; j++)
			if (name_is(n, r->first + j, name)) {
				n->cf[n->cr] = j;
				return (int)(r->first + j);
			}
		n->cr++;
		if (n->cr < n->nrec)
			n->cf[n->cr] = 0;
	}
	return -1;
}

int normalize_field_rtype(const struct normalize *n, int i)
{
	return n->rec[n->f[i].rec].type;
}

/* ---- splitting records into fields ------------------------------------ */

static void add_field(struct normalize *n, struct span name, struct span v)
{
	/* auparse drops key=(null): a rule without a key */
	if (span_eqs(name, "key") && span_eqs(v, "(null)"))
		return;
	if (n->nf >= NORM_MAX_FIELDS)
		return;
	n->f[n->nf].name = name;
	n->f[n->nf].value = v;
	n->f[n->nf].rec = (uint16_t)n->nrec;
	n->nf++;
	n->rec[n->nrec].n++;
}

static void add_fields(struct normalize *n, struct span s, bool inner)
{
	struct span name, v;
	size_t pos = 0, sp;

	while (record_next_field(s, &pos, &name, &v)) {
		if (!inner && span_eqs(name, "msg") && v.n >= 2 && v.p[0] == '\'') {
			v = span_sub(v, 1, v.p[v.n - 1] == '\'' ? v.n - 1 : v.n);
			add_fields(n, v, true);
			continue;
		}
		if (v.n == 0)	/* a word without '=', or "name=": auparse */
			continue;	/* (ref 3.0.9) has no such field */
		sp = v.n && v.p[0] == '"' ? span_chr(v, 1, ' ') : (size_t)-1;
		if (sp != (size_t)-1) {
			/* auparse splits at every blank, quotes or not:
			 * the value ends there, the rest is more words */
			add_field(n, name, span_sub(v, 0, sp));
			add_fields(n, span_sub(v, sp, v.n), inner);
			continue;
		}
		add_field(n, name, v);
	}
}

/* auparse names the unlabelled words of a kernel AVC ("avc:  denied
 * { read write } for ..."): seresult, seperms; the body after them */
static struct span avc_words(struct normalize *n, struct span b)
{
	size_t p = 0, s, e;

	if (b.n < 4 || memcmp(b.p, "avc:", 4))
		return b;
	for (p = 4; p < b.n && b.p[p] == ' '; p++)
		;
	for (s = p; p < b.n && b.p[p] != ' '; p++)
		;
	if (p == s)
		return span_sub(b, s, b.n);
	add_field(n, SPAN_LIT("seresult"), span_sub(b, s, p));
	for (; p < b.n && b.p[p] == ' '; p++)
		;
	if (p < b.n && b.p[p] == '{') {
		for (s = ++p; p < b.n && b.p[p] != '}'; p++)
			;
		for (; s < p && b.p[s] == ' '; s++)
			;
		for (e = p; e > s && b.p[e - 1] == ' '; e--)
			;
		add_field(n, SPAN_LIT("seperms"), span_sub(b, s, e));
		if (p < b.n)
			p++;
	}
	return span_sub(b, p, b.n);
}

static void split(struct normalize *n, const struct event_rec *const *recs,
		  size_t nrec)
{
	struct record r;
	size_t i;

	n->nrec = n->nf = 0;
	for (i = 0; i < nrec && n->nrec < NORM_MAX_RECS; i++) {
		struct norm_rec *nr = &n->rec[n->nrec];

		if (record_parse(&r, recs[i]->line.p, recs[i]->line.n))
			continue;
		nr->type = r.type;
		nr->first = n->nf;
		nr->n = 0;
		nr->enrich = r.enrich;
		if (r.node.p)
			add_field(n, SPAN_LIT("node"), r.node);
		add_field(n, SPAN_LIT("type"), r.type_name);
		add_fields(n, r.type == 1400 ? avc_words(n, r.body) : r.body,
			   false);
		n->cf[n->nrec] = 0;
		n->nrec++;
	}
}

/* ---- tables ----------------------------------------------------------- */

static const struct { int type; const char *act; } actions[] = {
	{ 1005, "sent-message" }, { 1006, "changed-login-id-to" },
	{ 1100, "authenticated" }, { 1101, "was-authorized" },
	{ 1102, "modified-user-account" }, { 1103, "acquired-credentials" },
	{ 1104, "disposed-credentials" }, { 1105, "started-session" },
	{ 1106, "ended-session" }, { 1107, "accessed-mac-policy-controlled-object" },
	{ 1108, "changed-password" }, { 1109, "caused-account-error" },
	{ 1110, "refreshed-credentials" }, { 1111, "changed-configuration" },
	{ 1112, "logged-in" }, { 1113, "logged-out" },
	{ 1114, "added-user-account" }, { 1115, "deleted-user-account" },
	{ 1116, "added-group-account-to" },
	{ 1117, "deleted-group-account-from" }, { 1118, "access-result" },
	{ 1119, "changed-group" }, { 1120, "sent-test" },
	{ 1121, "unknown" }, { 1122, "access-error" },
	{ 1123, "ran-command" }, { 1124, "typed" },
	{ 1125, "changed-user-id" }, { 1126, "authenticated-to-group" },
	{ 1127, "booted-system" }, { 1128, "shutdown-system" },
	{ 1129, "changed-to-runlevel" }, { 1130, "started-service" },
	{ 1131, "stopped-service" }, { 1132, "modified-group-account" },
	{ 1133, "changed-group-password" }, { 1134, "mac-permission" },
	{ 1135, "locked-account" }, { 1136, "unlocked-account" },
	{ 1137, "configured-device" }, { 1138, "installed-software" },
	{ 1200, "started-audit" }, { 1201, "shutdown-audit" },
	{ 1202, "aborted-auditd-startup" },
	{ 1203, "changed-auditd-configuration" },
	{ 1204, "reconfigured-auditd" }, { 1205, "rotated-audit-logs" },
	{ 1206, "resumed-audit-logging" }, { 1207, "remote-audit-connected" },
	{ 1208, "remote-audit-disconnected" }, { 1209, "audit-error" },
	{ 1305, "changed-audit-configuration" }, { 1319, "typed" },
	{ 1326, "called-seccomp-controlled-syscall" },
	{ 1328, "changed-audit-feature" }, { 1330, "loaded-kernel-module" },
	{ 1331, "accessed-policy-controlled-file" },
	{ 1400, "accessed-mac-policy-controlled-object" },
	{ 1403, "loaded-selinux-policy" },
	{ 1404, "changed-selinux-enforcement-to" },
	{ 1405, "changed-selinux-boolean" },
	{ 1409, "added-mac-network-domain-mapping-to" },
	{ 1410, "deleted-mac-network-domain-mapping-from" },
	{ 1700, "changed-socket-promiscuous-mode" },
	{ 1701, "crashed-program" }, { 1702, "used-suspcious-link" },
	{ 1703, "created-suspicious-file" },
	{ 2000, "initialized-audit-subsystem" },
	{ 2100, "failed-log-in-too-many-times-to" },
	{ 2101, "attempted-log-in-during-unusual-hour-to" },
	{ 2102, "opened-too-many-sessions-to" },
	{ 2104, "attempted-log-in-from-unusual-place-to" },
	{ 2109, "tested-file-system-integrity-of" },
	{ 2112, "attempted-execution-of-forbidden-program" },
	{ 2300, "changed-role-to" }, { 2301, "assigned-user-role-to" },
	{ 2302, "removed-use-role-from" }, { 2303, "overrode-label-of" },
	{ 2304, "modified-level-of" }, { 2309, "relabeled-filesystem" },
	{ 2310, "loaded-mac-policy" }, { 2311, "modified-role" },
	{ 2312, "changed-mac-configuration" },
	{ 2313, "changed-selinux-enforcement-to" },
	{ 2402, "crypto-officer-logged-in" },
	{ 2403, "crypto-officer-logged-out" },
	{ 2404, "negotiated-crypto-key" }, { 2407, "started-crypto-session" },
	{ 2500, "issued-vm-control" }, { 2501, "assigned-vm-resource" },
	{ 2502, "assigned-vm-id" }, { 2503, "checked-integrity-of" },
	{ 2504, "created-vm-image" }, { 2505, "deleted-vm-image" },
	{ 2506, "migrated-vm-from" }, { 2507, "migrated-vm-to" },
};

const char *norm_record_action(int type)
{
	size_t i;

	for (i = 0; i < sizeof actions / sizeof actions[0]; i++)
		if (actions[i].type == type)
			return actions[i].act;
	return NULL;
}

#define IN(a, b) (t >= (a) && t <= (b))

const char *norm_evkind(int t)
{
	if (IN(1100, 1101) || IN(1103, 1106) || IN(1108, 1110) ||
	    IN(1112, 1113) || t == 1006)
		return "user-login";
	if (t == 1126 || t == 1119)
		return "group-change";
	if (t == 1102 || IN(1114, 1117) || IN(1132, 1133) || IN(1135, 1136))
		return "user-account";
	if (t == 2000 || IN(1127, 1131))
		return "system-services";
	if (t == 1111 || t == 1305 || t == 1325 || IN(1328, 1329) ||
	    t == 1137 || t == 1138 || IN(1332, 1333))
		return "configuration";
	if (t == 1326)
		return "dac-decision";
	if (IN(1120, 1121) || t == 1123 || t == 1125)
		return "user-space";
	if (t == 1124 || t == 1319)
		return "TTY";
	if (IN(1200, 1299))
		return "audit-daemon";
	if (t == 1122 || t == 1107 || IN(1502, 1503) || t == 1506 ||
	    IN(1400, 1402))
		return "mac-decision";
	if (IN(1800, 1899) || t == 2109)
		return "integrity";
	if (IN(1700, 1799) || IN(2100, 2108) || IN(2110, 2199))
		return "anomaly";
	if (IN(2200, 2299))
		return "anomaly-response";
	if (IN(1403, 1499) || IN(1500, 1501) || IN(1504, 1505) ||
	    IN(2300, 2399))
		return "mac";
	if (IN(1600, 1699) || IN(2400, 2499))
		return "crypto";
	if (IN(2500, 2599))
		return "virt";
	if (IN(1300, 1304) || IN(1306, 1315) || IN(1317, 1318) ||
	    IN(1321, 1324))
		return "audit-rule";
	if (t == 1331)
		return "av-decision";
	if (t == 1334)
		return "bpf-program";
	if (t == 1335)
		return "audit-daemon";
	return "unknown";
}

static const char *const what_names[] = {
	"unknown", "fifo", "character-device", "directory", "block-device",
	"file", "file-system", "symlink", "socket", "process", "firewall",
	"service", "account", "user-session", "virtual-machine", "printer",
	"system", "admin-defined-rule", "audit-config", "mac-config",
	"memory", "keystrokes", "device", "software",
};

const char *normalize_obj_kind(const struct normalize *n)
{
	return what_names[n->obj_kind];
}

/* ---- the simple (one record) events ------------------------------------ */

/* ref 3.0.9's auparse_get_field_int: strtol(v, 10), no digits 0, an
 * overflow (ERANGE) -1 */
static long long get_field_int(struct span v)
{
	unsigned long mag;
	bool neg;

	if (!interpret_strto(v, 10, &mag, &neg))
		return -1;
	if (!neg)
		return mag > (unsigned long)LONG_MAX ? -1 : (long long)mag;
	if (mag > (unsigned long)LONG_MAX + 1UL)
		return -1;
	return mag ? -(long long)(mag - 1) - 1 : 0;
}

void norm_subject_what(struct normalize *n, int i)
{
	long long uid;

	if (interpret_field_type(normalize_field_rtype(n, i),
				 n->f[i].name) == F_UID) {
		uid = get_field_int(n->f[i].value);
	} else if (span_eqs(n->f[i].name, "acct")) {
		char name[256];
		struct span v = n->f[i].value;
		struct passwd *pw;
		size_t len;

		if (v.n >= 2 && v.p[0] == '"') {
			v = span_sub(v, 1, v.n - 1);
			if (v.n >= sizeof name)
				return;
			memcpy(name, v.p, v.n);
			len = v.n;
		} else {
			len = record_hex_decode(v, name, sizeof name - 1);
			if (len == (size_t)-1) {
				if (v.n >= sizeof name)
					return;
				memcpy(name, v.p, v.n);
				len = v.n;
			}
		}
		name[len] = 0;
		pw = getpwnam(name);
		if (!pw) {	/* ref 3.0.9 */
			n->subj_kind = "unknown-acct";
			return;
		}
		uid = pw->pw_uid;
	} else {	/* ref 3.0.9: TRUSTED_APP's raw uid= */
		n->subj_kind = "unknown-acct";
		return;
	}
	uid = (long long)(int)(uint32_t)uid;
	if (uid == 0)
		n->subj_kind = "privileged-acct";
	else if (uid == -1)
		n->subj_kind = "unset-acct";
	else if (uid < 1000)
		n->subj_kind = "service-acct";
	else if (uid < 60000)
		n->subj_kind = "user-acct";
	else
		n->subj_kind = "unknown-acct";
}

/* ref 3.0.9: auparse knows a record's syscall only by its place: field
 * 11 of a SECCOMP record (node= and type= count; the arch as field 10),
 * field 2 of a SYSCALL record (the arch as field 1, a0 as field 5; an
 * empty "name=" is no field); the arch elsewhere is the machine it runs
 * on, the syscall elsewhere "unknown-syscall(-1)" */
static size_t known_syscall(struct normalize *n, int i, char *out,
			    size_t cap)
{
	const struct norm_rec *r = &n->rec[n->f[i].rec];
	/* node= does not count here */
	uint32_t base = r->first +
		(span_eqs(n->f[r->first].name, "node") ? 1u : 0u);
	uint32_t k = (uint32_t)i - base, at = r->type == 1326 ? 11 : 2;
	struct sb b = { out, 0, cap ? cap - 1 : 0 };
	const char *name = NULL, *sub = NULL;
	char tmp[64];
	int nr = -1;
	int m = tables_machine_detect();
	struct span ev;

	/* an ENRICHED SYSCALL= is taken as it stands (auparse looks the
	 * field's name up in the record's tail first) */
	if (interpret_enriched(r->enrich, SPAN_LIT("syscall"), false, &ev)) {
		interpret_sb_esc(&b, ev.p, ev.n, n->escape);
		if (cap)
			out[b.n < cap ? b.n : cap - 1] = 0;
		return b.n;
	}
	if (k == at) {	/* ref 3.0.9: (int)strtoul(v, 10) */
		nr = interpret_syscall_nr(n->f[i].value);
		if (span_eqs(n->f[i - 1].name, "arch"))
			m = tables_elf_machine(interpret_arch(
				n->f[i - 1].value));
	}
	if (m >= 0 && nr >= 0)
		name = tables_syscall_name(m, nr);
	if (name && r->type == 1300) {
		uint32_t a = base + 5;
		uint64_t a0 = a < r->first + r->n &&
			span_eqs(n->f[a].name, "a0") ?
			interpret_hex_u64(n->f[a].value) : 0;

		sub = interpret_subcall(name, a0);
	}
	if (!name) {
		snprintf(tmp, sizeof tmp, "unknown-syscall(%d)", nr);
		name = tmp;
	}
	interpret_sb_esc(&b, name, strlen(name), n->escape);
	if (sub)	/* socketcall(connect), ipc(shmat) */
		interpret_sb_fmt(&b, "(%s)", sub);
	if (cap)
		out[b.n < cap ? b.n : cap - 1] = 0;
	return b.n;
}

size_t normalize_value(struct normalize *n, int i, char *out, size_t cap)
{
	const struct norm_field *f = &n->f[i];
	int t = n->rec[f->rec].type;
	size_t l;
	char *k;

	if ((t == 1326 || t == 1300) && span_eqs(f->name, "syscall"))
		return known_syscall(n, i, out, cap);
	if (i == n->obj_prime && n->obj_is_name) {
		struct sb b = { out, 0, cap ? cap - 1 : 0 };

		interpret_sb_esc(&b, f->name.p, f->name.n, n->escape);
		if (cap)
			out[b.n < cap ? b.n : cap - 1] = 0;
		return b.n;
	}
	l = interpret_field_esc(n->ip, &n->ie, t, f->name, f->value,
				n->rec[f->rec].enrich, out, cap, n->escape);
	/* the first of several keys only */
	if (span_eqs(f->name, "key") && l < cap && (k = strstr(out, " key=")))
		*k = 0, l = (size_t)(k - out);
	return l;
}

int normalize_event(struct normalize *n, struct interp *ip,
		    const struct event_rec *const *recs, size_t nrec, bool all)
{
	int rc;

	n->ip = ip;
	interpret_event_init(&n->ie, recs, nrec);
	split(n, recs, nrec);
	n->all = all;
	n->success = -1;
	n->evkind = n->subj_kind = n->action = n->how = NULL;
	n->action_f = n->how_f = NORM_UNSET;
	n->session = n->subj_prime = n->subj_sec = NORM_UNSET;
	n->obj_prime = n->obj_sec = n->obj2 = NORM_UNSET;
	n->results = n->key = n->subj_label = n->obj_label = NORM_UNSET;
	n->obj_kind = W_UNKNOWN;
	n->obj_is_name = false;
	if (n->nrec == 0)
		return 1;
	norm_first_record(n);
	rc = n->nrec > 1 ? norm_compound(n) : norm_simple(n);
	norm_first_record(n);
	return rc;
}
