/* report - aureport's reports (audit 3.0.9 aureport-scan.c and
 * aureport-output.c behaviour; docs/aureport.8.md). */
#include <auditbox/report.h>

#include <ctype.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>

#include <auditbox/evfmt.h>
#include <auditbox/record.h>
#include <auditbox/tables.h>

#include "interpret_int.h"

enum {
	T_USER_AUTH = 1100, T_USER_MGMT = 1102, T_USER_AVC = 1107,
	T_USER_CHAUTHTOK = 1108, T_USYS_CONFIG = 1111, T_USER_LOGIN = 1112,
	T_ADD_USER = 1114, T_DEL_USER = 1115, T_ADD_GROUP = 1116,
	T_DEL_GROUP = 1117, T_USER_TTY = 1124, T_GRP_AUTH = 1126,
	T_GRP_MGMT = 1132, T_DAEMON_CONFIG = 1203, T_SYSCALL = 1300,
	T_CONFIG_CHANGE = 1305, T_TTY = 1319, T_NETFILTER_CFG = 1325,
	T_SECCOMP = 1326, T_FEATURE_CHANGE = 1328, T_AVC = 1400,
	T_MAC_POLICY_LOAD = 1403, T_MAC_CIPSOV4_ADD = 1407,
	T_MAC_CIPSOV4_DEL = 1408, T_MAC_MAP_ADD = 1409, T_MAC_MAP_DEL = 1410,
	T_MAC_IPSEC_ADDSA = 1411, T_MAC_IPSEC_DELSA = 1412,
	T_MAC_IPSEC_ADDSPD = 1413, T_MAC_IPSEC_DELSPD = 1414,
	T_MAC_UNLBL_STCADD = 1416, T_MAC_UNLBL_STCDEL = 1417,
	T_FIRST_KERN_CRYPTO = 1600, T_LAST_KERN_CRYPTO = 1699,
	T_FIRST_KERN_ANOM = 1700, T_LAST_KERN_ANOM = 1799,
	T_INTEGRITY_FIRST = 1800, T_INTEGRITY_LAST = 1899,
	T_FIRST_ANOM = 2100, T_LAST_ANOM = 2199, T_FIRST_RESP = 2200,
	T_LAST_RESP = 2299, T_FIRST_LSPP = 2300, T_ROLE_ASSIGN = 2301,
	T_ROLE_REMOVE = 2302, T_USER_MAC_CONFIG_CHANGE = 2312,
	T_LAST_LSPP = 2399, T_FIRST_CRYPTO = 2400, T_LAST_CRYPTO = 2499,
	T_FIRST_VIRT = 2500, T_LAST_VIRT = 2599,
};

#define NIL UINT32_MAX

/* ------------------------------------------------------------------ */
/* lists                                                              */

static uint32_t hash_bytes(const char *s, size_t n, int num, bool numeric)
{
	uint32_t h = 2166136261u;
	size_t i;

	if (numeric)
		return (uint32_t)num * 2654435761u;
	for (i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

static bool list_grow(struct report_list *l)
{
	uint32_t cap = l->cap ? l->cap * 2 : 64, i, hcap = cap * 2;
	struct report_item *v = realloc(l->v, sizeof *v * cap);
	uint32_t *h;

	if (!v)
		return false;
	l->v = v;
	l->cap = cap;
	h = malloc(sizeof *h * hcap);
	if (!h)
		return false;
	free(l->hash);
	l->hash = h;
	l->hmask = hcap - 1;
	for (i = 0; i < hcap; i++)
		h[i] = NIL;
	for (i = 0; i < l->n; i++) {
		uint32_t b = hash_bytes(l->buf + l->v[i].off, l->v[i].len,
					l->v[i].num, l->numeric) & l->hmask;

		l->v[i].chain = h[b];
		h[b] = i;
	}
	return true;
}

void report_list_add(struct report *r, struct report_list *l, const char *s,
		     size_t n, int num)
{
	uint32_t b, i;

	if (l->hash) {
		b = hash_bytes(s, n, num, l->numeric) & l->hmask;
		for (i = l->hash[b]; i != NIL; i = l->v[i].chain) {
			struct report_item *it = &l->v[i];

			if (l->numeric ? it->num == num :
			    (it->len == n && !memcmp(l->buf + it->off, s, n))) {
				it->hits++;
				return;
			}
		}
	}
	if (l->n == l->cap && !list_grow(l)) {
		r->oom = true;
		return;
	}
	if (!l->numeric && l->bused + n + 1 > l->bcap) {
		size_t cap = l->bcap ? l->bcap : 4096;
		char *nb;

		while (cap < l->bused + n + 1)
			cap *= 2;
		nb = realloc(l->buf, cap);
		if (!nb) {
			r->oom = true;
			return;
		}
		l->buf = nb;
		l->bcap = cap;
	}
	i = l->n++;
	l->v[i] = (struct report_item){ 0, (uint32_t)n, num, 1, NIL };
	if (!l->numeric) {
		l->v[i].off = (uint32_t)l->bused;
		memcpy(l->buf + l->bused, s, n);
		l->buf[l->bused + n] = 0;
		l->bused += n + 1;
	}
	b = hash_bytes(s, n, num, l->numeric) & l->hmask;
	l->v[i].chain = l->hash[b];
	l->hash[b] = i;
}

static void list_str(struct report *r, struct report_list *l, struct span s)
{
	report_list_add(r, l, s.p, s.n, 0);
}

static void list_cstr(struct report *r, struct report_list *l, const char *s)
{
	report_list_add(r, l, s, strlen(s), 0);
}

static void list_num(struct report *r, struct report_list *l, int num)
{
	report_list_add(r, l, NULL, 0, num);
}

/* stable merge sort of v[lo, hi) by key: numbers ascending (the
 * reference inserts them in order), or hits descending */
static void msort(struct report_item *v, struct report_item *tmp, uint32_t n,
		  bool by_num)
{
	uint32_t m = n / 2, i = 0, j = m, k = 0;

	if (n < 2)
		return;
	msort(v, tmp, m, by_num);
	msort(v + m, tmp, n - m, by_num);
	while (i < m && j < n) {
		bool right = by_num ? v[j].num < v[i].num : v[j].hits > v[i].hits;

		tmp[k++] = right ? v[j++] : v[i++];
	}
	while (i < m)
		tmp[k++] = v[i++];
	while (j < n)
		tmp[k++] = v[j++];
	memcpy(v, tmp, sizeof *v * n);
}

void report_list_sort(struct report_list *l)
{
	struct report_item *tmp;

	if (l->n < 2)
		return;
	tmp = malloc(sizeof *tmp * l->n);
	if (!tmp)
		return;		/* insertion order: still every value */
	if (l->numeric)
		msort(l->v, tmp, l->n, true);
	msort(l->v, tmp, l->n, false);
	free(tmp);
	/* the chains now point at moved items: lookups are over */
	free(l->hash);
	l->hash = NULL;
}

static void list_free(struct report_list *l)
{
	free(l->v);
	free(l->hash);
	free(l->buf);
	memset(l, 0, sizeof *l);
}

/* ------------------------------------------------------------------ */
/* the event's records                                                 */

static bool has_type(const struct report *r, int type)
{
	const struct event_rec *x;

	for (x = event_rec_first(r->t, r->e); x; x = event_rec_next(r->t, x))
		if (x->type == type)
			return true;
	return false;
}

/* ref 3.0.9 list_find_msg_range: nothing when high <= low */
static bool has_range(const struct report *r, int lo, int hi)
{
	const struct event_rec *x;

	if (hi <= lo)
		return false;
	for (x = event_rec_first(r->t, r->e); x; x = event_rec_next(r->t, x))
		if (x->type >= lo && x->type <= hi)
			return true;
	return false;
}

static int head_type(const struct report *r)
{
	return r->e->type;
}

/* ------------------------------------------------------------------ */
/* lookups (ausearch-lookup.c)                                         */

static const char *success_word(int s)
{
	return s == S_FAILED ? "no" : s == S_SUCCESS ? "yes" : "unset";
}

static const char *result_word(int res)
{
	static const char *const w[] = { "unset", "denied", "granted" };

	return res >= 0 && res <= 2 ? w[res] : "unset";
}

static const char *type_name(int type)
{
	return tables_msgtype_name(type);	/* NULL: "(null)" */
}

/* cut to size - 1 bytes, as snprintf into the reference's buffers */
static void put_cut(char *buf, size_t size, const char *s, size_t n)
{
	if (n > size - 1)
		n = size - 1;
	memcpy(buf, s, n);
	buf[n] = 0;
}

static const char *pw_name(struct report *r, uint32_t uid)
{
	unsigned i;
	struct passwd *pw;

	for (i = 0; i < r->nnames; i++)
		if (r->names[i].id == uid)
			return r->names[i].ok ? r->names[i].name : NULL;
	pw = getpwuid((uid_t)uid);
	i = r->nnames < 64 ? r->nnames++ : uid % 64;
	r->names[i].id = uid;
	r->names[i].ok = pw != NULL;
	if (pw)
		put_cut(r->names[i].name, sizeof r->names[i].name, pw->pw_name,
			strlen(pw->pw_name));
	return pw ? r->names[i].name : NULL;
}

/* aulookup_uid: the number, or with -i "unset", the event's AUID
 * interpretation (whatever uid was asked), the account name or
 * unknown(N); cut to size as the reference's buffer */
static const char *uid_text(struct report *r, uint32_t uid, char *buf,
			    size_t size, bool loaded)
{
	struct span v;
	const char *name;

	if (!r->o.interpret) {
		snprintf(buf, size, "%d", (int)uid);
		return buf;
	}
	if (uid == (uint32_t)-1) {
		snprintf(buf, size, "unset");
		return buf;
	}
	if (loaded && interpret_enriched(r->enrich, (struct span){ "auid", 4 },
					 true, &v)) {
		put_cut(buf, size, v.p, v.n);
		return buf;
	}
	name = pw_name(r, uid);
	if (name)
		snprintf(buf, size, "%s", name);
	else
		snprintf(buf, size, "unknown(%d)", (int)uid);
	return buf;
}

/* aulookup_syscall: the number, or with -i the event's SYSCALL
 * interpretation, the name on the event's arch, "?" for an unknown arch
 * (socketcall and ipc stay bare: the reference looks the SYSCALL record
 * up by position, never finding it) */
static const char *syscall_text(struct report *r, char *buf, size_t size)
{
	const struct search_items *it = r->it;
	struct span v;
	const char *name;
	int mach;

	if (!r->o.interpret) {
		snprintf(buf, size, "%d", it->syscall);
		return buf;
	}
	if (interpret_enriched(r->enrich, (struct span){ "syscall", 7 },
			       false, &v)) {
		put_cut(buf, size, v.p, v.n);
		return buf;
	}
	mach = tables_elf_machine(it->arch);
	if (mach < 0)
		return "?";
	name = tables_syscall_name(mach, it->syscall);
	if (name)
		snprintf(buf, size, "%s", name);
	else
		snprintf(buf, size, "%d", it->syscall);
	return buf;
}

/* ------------------------------------------------------------------ */
/* output                                                              */

enum { C_RAW, C_ESC, C_NUM };

struct col {
	const char *key;
	const char *s;		/* NULL: "(null)" */
	size_t n;
	int how;
};

static struct col cspan(const char *key, bool has, struct span v, int how)
{
	return (struct col){ key, has ? v.p : NULL, has ? v.n : 0, how };
}

/* safe_print_string: evfmt_escaped, the same --escape rules */
static void put_esc(struct report *r, const char *s, size_t n)
{
	evfmt_escaped(r->out, (struct span){ s, n }, r->o.escape);
}

static void json_str(struct report *r, const char *s, size_t n)
{
	if (!s)
		fputs("null", r->out);
	else
		evfmt_json_str(r->out, s, n);
}

static void put_col(struct report *r, const struct col *c)
{
	if (!c->s)
		fputs("(null)", r->out);
	else if (c->how == C_ESC)
		put_esc(r, c->s, c->n);
	else
		fwrite(c->s, 1, c->n, r->out);
}

static const char *event_date(struct report *r)
{
	time_t t = (time_t)r->e->sec;
	struct tm tm;

	if (!r->date_ok || r->date_sec != r->e->sec) {
		if (localtime_r(&t, &tm))
			strftime(r->date, sizeof r->date, "%x %T", &tm);
		else
			strcpy(r->date, "?");
		r->date_sec = r->e->sec;
		r->date_ok = true;
	}
	return r->date;
}

static void json_open_row(struct report *r)
{
	fputs(r->rows ? ",\n" : "\n", r->out);
	r->rows = true;
}

/* "N. date time c1 c2 ...": one row of a detailed report */
static void row(struct report *r, const struct col *c, int n)
{
	const char *date = event_date(r);
	int i;

	r->line_item++;
	if (r->o.json) {
		const char *sp = strchr(date, ' ');

		json_open_row(r);
		fprintf(r->out, "{\"n\":%u,\"date\":", r->line_item);
		json_str(r, date, sp ? (size_t)(sp - date) : strlen(date));
		fputs(",\"time\":", r->out);
		json_str(r, sp ? sp + 1 : "", sp ? strlen(sp + 1) : 0);
		fprintf(r->out, ",\"sec\":%llu,\"milli\":%u",
			(unsigned long long)r->e->sec, r->e->milli);
		for (i = 0; i < n; i++) {
			fputs(",", r->out);
			json_str(r, c[i].key, strlen(c[i].key));
			fputc(':', r->out);
			if (c[i].how == C_NUM && c[i].s)
				fwrite(c[i].s, 1, c[i].n, r->out);
			else
				json_str(r, c[i].s, c[i].n);
		}
		fputc('}', r->out);
		return;
	}
	fprintf(r->out, "%u. %s", r->line_item, date);
	for (i = 0; i < n; i++) {
		fputc(' ', r->out);
		put_col(r, &c[i]);
	}
	fputc('\n', r->out);
}

/* ------------------------------------------------------------------ */
/* titles                                                              */

struct title {
	const char *name, *rule, *cols;
};

/* summary titles: name, rule, "total  X" column (NULL: none) */
static const struct title sum_titles[] = {
	[RPT_SUMMARY] = { "Summary Report", "======================", NULL },
	[RPT_AVC] = { "Avc Object Summary Report",
		      "=================================", "obj" },
	[RPT_MAC] = { "MAC Summary Report", "==================", "type" },
	[RPT_INTEG] = { "Integrity Summary Report",
			"========================", "type" },
	[RPT_VIRT] = { "Virtualization Summary Report",
		       "=============================", "type" },
	[RPT_CONFIG] = { "Config Change Summary Report",
			 "============================", "type" },
	[RPT_AUTH] = { "Authentication Summary Report",
		       "=============================", "acct" },
	[RPT_LOGIN] = { "Login Summary Report",
			"============================", "auid" },
	[RPT_ACCT_MOD] = { "Acct Modification Summary Report",
			   "================================", "type" },
	[RPT_EVENT] = { "Event Summary Report", "======================",
			"type" },
	[RPT_FILE] = { "File Summary Report", "===========================",
		       "file" },
	[RPT_HOST] = { "Host Summary Report", "===========================",
		       "host" },
	[RPT_PID] = { "Pid Summary Report", "==========================",
		      "pid" },
	[RPT_SYSCALL] = { "Syscall Summary Report",
			  "==========================", "syscall" },
	[RPT_TERM] = { "Terminal Summary Report",
		       "===============================", "terminal" },
	[RPT_USER] = { "User Summary Report", "===========================",
		       "auid" },
	[RPT_EXE] = { "Executable Summary Report",
		      "=================================", "file" },
	[RPT_COMM] = { "Command Summary Report",
		       "=================================", "command" },
	[RPT_ANOMALY] = { "Anomaly Summary Report", "======================",
			  "type" },
	[RPT_RESPONSE] = { "Anomaly Response Summary Report",
			   "===============================", "type" },
	[RPT_CRYPTO] = { "Crypto Summary Report", "=====================",
			 "type" },
	[RPT_KEY] = { "Key Summary Report", "===========================",
		      "key" },
};

#define R35 "==================================="
#define R36 "===================================="
#define R44 "============================================"
#define R47 "==============================================="

/* detailed titles: name, rule, "# date time ..." header */
static const struct title det_titles[] = {
	[RPT_AVC] = { "AVC Report",
		      "===============================================================",
		      "date time comm subj syscall class permission obj result event" },
	[RPT_CONFIG] = { "Config Change Report", R35,
			 "date time type auid success event" },
	[RPT_AUTH] = { "Authentication Report", R44,
		       "date time acct host term exe success event" },
	[RPT_LOGIN] = { "Login Report", R44,
			"date time auid host term exe success event" },
	[RPT_ACCT_MOD] = { "Account Modifications Report",
			   "=================================================",
			   "date time auid addr term exe acct success event" },
	[RPT_TIME] = { "Log Time Range Report", "=====================", NULL },
	[RPT_EVENT] = { "Event Report", R35,
			"date time event type auid success" },
	[RPT_FILE] = { "File Report", R47,
		       "date time file syscall success exe auid event" },
	[RPT_HOST] = { "Host Report", R35, "date time host syscall auid event" },
	[RPT_PID] = { "Process ID Report", "======================================",
		      "date time pid exe syscall auid event" },
	[RPT_SYSCALL] = { "Syscall Report", "=======================================",
			  "date time syscall pid comm auid event" },
	[RPT_TERM] = { "Terminal Report", R36,
		       "date time term host exe auid event" },
	[RPT_USER] = { "User ID Report", R36,
		       "date time auid term host exe event" },
	[RPT_EXE] = { "Executable Report", R36,
		      "date time exe term host auid event" },
	/* ref 3.0.9: the rule under the header is one longer */
	[RPT_COMM] = { "Command Report", R36,
		       "date time comm term host auid event" },
	[RPT_ANOMALY] = { "Anomaly Report", "=========================================",
			  "date time type exe term host auid event" },
	[RPT_RESPONSE] = { "Response to Anomaly Report",
			   "==============================",
			   "date time type success event" },
	[RPT_MAC] = { "MAC Report", R35, "date time auid type success event" },
	[RPT_INTEG] = { "Integrity Report", "==============================",
			"date time type success event" },
	[RPT_VIRT] = { "Virtualization Report", "==============================",
		       "date time type success event" },
	[RPT_CRYPTO] = { "Crypto Report", R35,
			 "date time auid type success event" },
	[RPT_KEY] = { "Key Report", R47, "date time key success exe auid event" },
	[RPT_TTY] = { "TTY Report", R47,
		      "date time event auid term sess comm data" },
};

static const char *json_name(const struct report *r)
{
	return r->o.detail == D_SUM ? sum_titles[r->o.type].name :
		det_titles[r->o.type].name;
}

int report_title(struct report *r)
{
	const struct title *t;
	const char *pre = r->o.failed == REPORT_FAILED ? "Failed " :
		r->o.failed == REPORT_SUCCESS ? "Success " : "";

	r->line_item = 0;
	if (r->o.detail == D_SUM &&
	    (r->o.type == RPT_TIME || r->o.type == RPT_TTY)) {
		if (!r->o.json)
			fprintf(r->out, "\n%s", pre);
		return -1;
	}
	if (r->o.json) {
		fputs("{\"report\":", r->out);
		if (r->o.detail == D_SUM && *pre) {
			char name[96];

			snprintf(name, sizeof name, "%s%s", pre,
				 sum_titles[r->o.type].name);
			json_str(r, name, strlen(name));
		} else {
			json_str(r, json_name(r), strlen(json_name(r)));
		}
		if (r->o.type != RPT_SUMMARY || r->o.detail != D_SUM)
			fputs(",\"rows\":[", r->out);
		return 0;
	}
	fputc('\n', r->out);
	if (r->o.detail == D_SUM) {
		t = &sum_titles[r->o.type];
		fprintf(r->out, "%s%s\n%s\n", pre, t->name, t->rule);
		if (t->cols)
			fprintf(r->out, "total  %s\n%s\n", t->cols, t->rule);
		return 0;
	}
	t = &det_titles[r->o.type];
	fprintf(r->out, "%s\n%s\n", t->name, t->rule);
	if (t->cols)
		fprintf(r->out, "# %s\n%s%s\n", t->cols, t->rule,
			r->o.type == RPT_COMM ? "=" : "");
	return 0;
}

/* ------------------------------------------------------------------ */
/* filters (aureport-scan.c scan, classify_success, classify_conf)     */

static bool conf_ok(const struct report *r)
{
	int t = head_type(r);
	bool add = false, del = false;

	switch (t) {
	case T_CONFIG_CHANGE:
		return !r->o.no_config;
	case T_ADD_USER: case T_ADD_GROUP: case T_MAC_CIPSOV4_ADD:
	case T_MAC_MAP_ADD: case T_MAC_IPSEC_ADDSA: case T_MAC_IPSEC_ADDSPD:
	case T_MAC_UNLBL_STCADD:
		add = true;
		break;
	case T_DEL_USER: case T_DEL_GROUP: case T_MAC_CIPSOV4_DEL:
	case T_MAC_MAP_DEL: case T_MAC_IPSEC_DELSA: case T_MAC_IPSEC_DELSPD:
	case T_MAC_UNLBL_STCDEL:
		del = true;
		break;
	default:
		return true;
	}
	if (add && r->o.conf == REPORT_C_DEL)
		return false;
	if (del && r->o.conf == REPORT_C_ADD)
		return false;
	return true;
}

static bool wanted(const struct report *r)
{
	const struct event *e = r->e;
	int i;

	if (r->o.nnodes) {
		if (!e->node.n)
			return false;
		for (i = 0; i < r->o.nnodes; i++)
			if (span_eqs(e->node, r->o.nodes[i]))
				break;
		if (i == r->o.nnodes)
			return false;
	}
	if (r->o.failed == REPORT_FAILED && r->it->success != S_FAILED)
		return false;
	if (r->o.failed == REPORT_SUCCESS && r->it->success != S_SUCCESS)
		return false;
	return conf_ok(r);
}

/* ------------------------------------------------------------------ */
/* per event: summary counting                                         */

static bool is_config(const struct report *r, int hi)
{
	return has_type(r, T_CONFIG_CHANGE) || has_type(r, T_DAEMON_CONFIG) ||
		has_type(r, T_USYS_CONFIG) || has_type(r, T_NETFILTER_CFG) ||
		has_type(r, T_FEATURE_CHANGE) ||
		has_type(r, T_USER_MAC_CONFIG_CHANGE) ||
		has_range(r, T_MAC_POLICY_LOAD, hi);
}

static bool is_acct_mod(const struct report *r)
{
	return has_type(r, T_USER_CHAUTHTOK) ||
		has_range(r, T_ADD_USER, T_DEL_GROUP) ||
		has_type(r, T_USER_MGMT) || has_type(r, T_GRP_MGMT) ||
		has_range(r, T_ROLE_ASSIGN, T_ROLE_REMOVE);
}

static bool is_anomaly(const struct report *r)
{
	return has_range(r, T_FIRST_ANOM, T_LAST_ANOM) ||
		has_range(r, T_FIRST_KERN_ANOM, T_LAST_KERN_ANOM) ||
		has_type(r, T_SECCOMP);
}

static bool is_crypto(const struct report *r)
{
	return has_range(r, T_FIRST_KERN_CRYPTO, T_LAST_KERN_CRYPTO) ||
		has_range(r, T_FIRST_CRYPTO, T_LAST_CRYPTO);
}

static bool is_avc(const struct report *r)
{
	return has_type(r, T_AVC) || has_type(r, T_USER_AVC);
}

/* the first decision with a result, or the last one kept (the
 * reference's list cursor when none has one); NULL when none */
static const struct search_avc *avc_first(const struct search_items *it,
					  int *i)
{
	for (*i = 0; *i < it->navc; (*i)++)
		if (it->avc[*i].result != AVC_UNSET)
			return &it->avc[*i];
	return NULL;
}

static const struct search_avc *avc_next(const struct search_items *it,
					 int *i)
{
	for ((*i)++; *i < it->navc; (*i)++)
		if (it->avc[*i].result != AVC_UNSET)
			return &it->avc[*i];
	return NULL;
}

/* loaded: the event's interpretations are in r->enrich */
static void add_user(struct report *r, struct report_list *l, size_t size)
{
	char name[64];

	uid_text(r, r->it->loginuid, name, size, true);
	list_cstr(r, l, name);
}

static void sum_total(struct report *r)
{
	const struct search_items *it = r->it;
	char tmp[32];
	int i;

	r->events++;
	r->changes += has_type(r, T_CONFIG_CHANGE) + has_type(r, T_DAEMON_CONFIG) +
		has_type(r, T_USYS_CONFIG) + has_type(r, T_NETFILTER_CFG) +
		has_type(r, T_FEATURE_CHANGE) +
		has_type(r, T_USER_MAC_CONFIG_CHANGE) +
		has_range(r, T_MAC_POLICY_LOAD, T_MAC_UNLBL_STCDEL);
	r->acct_changes += has_type(r, T_USER_CHAUTHTOK) +
		has_range(r, T_ADD_USER, T_DEL_GROUP) +
		has_type(r, T_USER_MGMT) + has_type(r, T_GRP_MGMT) +
		has_range(r, T_ROLE_ASSIGN, T_ROLE_REMOVE);
	r->crypto += has_range(r, T_FIRST_KERN_CRYPTO, T_LAST_KERN_CRYPTO) +
		has_range(r, T_FIRST_CRYPTO, T_LAST_CRYPTO);
	if (has_type(r, T_USER_LOGIN)) {
		if (it->success == S_SUCCESS)
			r->good_logins++;
		else if (it->success == S_FAILED)
			r->bad_logins++;
	}
	if (has_type(r, T_USER_AUTH) || (!has_type(r, T_USER_MGMT) &&
					 has_type(r, T_GRP_AUTH))) {
		if (it->success == S_SUCCESS)
			r->good_auth++;
		else if (it->success == S_FAILED)
			r->bad_auth++;
	} else if (has_type(r, T_USER_MGMT) && it->success == S_FAILED) {
		r->bad_auth++;
	}
	if (it->loginuid != (uint32_t)-2) {
		snprintf(tmp, sizeof tmp, "%d", (int)it->loginuid);
		list_cstr(r, &r->users, tmp);
	}
	if (it->has_terminal)
		list_str(r, &r->terms, it->terminal);
	if (it->has_host)
		list_str(r, &r->hosts, it->host);
	if (it->has_exe)
		list_str(r, &r->exes, it->exe);
	if (it->has_comm)
		list_str(r, &r->comms, it->comm);
	for (i = 0; i < it->nfiles; i++)
		list_str(r, &r->files, it->files[i]);
	if (is_avc(r))
		r->avcs++;
	r->mac += has_range(r, T_MAC_POLICY_LOAD, T_MAC_UNLBL_STCDEL) +
		has_range(r, T_FIRST_LSPP, T_LAST_LSPP);
	r->virt += has_range(r, T_FIRST_VIRT, T_LAST_VIRT);
	r->integ += has_range(r, T_INTEGRITY_FIRST, T_INTEGRITY_LAST);
	if (it->success == S_FAILED && it->syscall > 0)
		r->failed_syscalls++;
	if (it->pid != -1)
		list_num(r, &r->pids, (int)it->pid);
	r->anomalies += has_range(r, T_FIRST_ANOM, T_LAST_ANOM) +
		has_range(r, T_FIRST_KERN_ANOM, T_LAST_KERN_ANOM);
	r->responses += has_range(r, T_FIRST_RESP, T_LAST_RESP);
	for (i = 0; i < it->nkeys; i++)
		if (!span_eqs(it->keys[i], "(null)"))
			list_str(r, &r->keys, it->keys[i]);
}

static void per_summary(struct report *r)
{
	const struct search_items *it = r->it;
	const struct search_avc *a;
	char tmp[32];
	int i, ht = head_type(r);

	switch (r->o.type) {
	case RPT_SUMMARY:
		sum_total(r);
		break;
	case RPT_AVC:
		if (is_avc(r))
			for (a = avc_first(it, &i); a; a = avc_next(it, &i))
				if (a->has_tcon)
					list_str(r, &r->avc_objs, a->tcon);
		break;
	case RPT_MAC:
		if (has_range(r, T_MAC_POLICY_LOAD, T_MAC_MAP_DEL) ||
		    has_range(r, T_FIRST_LSPP, T_LAST_LSPP))
			list_num(r, &r->mac_list, ht);
		break;
	case RPT_INTEG:
		if (has_range(r, T_INTEGRITY_FIRST, T_INTEGRITY_LAST))
			list_num(r, &r->integ_list, ht);
		break;
	case RPT_VIRT:
		if (has_range(r, T_FIRST_VIRT, T_LAST_VIRT))
			list_num(r, &r->virt_list, ht);
		break;
	case RPT_CONFIG:
		if (is_config(r, T_MAC_UNLBL_STCDEL))
			list_num(r, &r->pids, ht);
		break;
	case RPT_AUTH:
		if (has_type(r, T_USER_AUTH) ||
		    (has_type(r, T_USER_MGMT) && it->success == S_FAILED)) {
			if (it->loginuid == (uint32_t)-2 && it->has_acct)
				list_str(r, &r->users, it->acct);
			else
				add_user(r, &r->users, 64);
		}
		break;
	case RPT_LOGIN:
		if (has_type(r, T_USER_LOGIN)) {
			if ((int)it->loginuid < 0 && it->has_acct)
				list_str(r, &r->users, it->acct);
			else
				add_user(r, &r->users, 64);
		}
		break;
	case RPT_ACCT_MOD:
		if (is_acct_mod(r))
			list_num(r, &r->pids, ht);
		break;
	case RPT_EVENT:
		if (ht != -1)
			list_num(r, &r->pids, ht);
		break;
	case RPT_FILE:
		for (i = 0; i < it->nfiles; i++)
			list_str(r, &r->files, it->files[i]);
		break;
	case RPT_HOST:
		if (it->has_host)
			list_str(r, &r->hosts, it->host);
		break;
	case RPT_PID:
		if (it->pid != -1)
			list_num(r, &r->pids, (int)it->pid);
		break;
	case RPT_SYSCALL:
		if (it->syscall > 0)
			list_cstr(r, &r->sys_list, syscall_text(r, tmp, sizeof tmp));
		break;
	case RPT_TERM:
		if (it->has_terminal)
			list_str(r, &r->terms, it->terminal);
		break;
	case RPT_USER:
		if (it->loginuid != (uint32_t)-2)
			add_user(r, &r->users, 32);
		break;
	case RPT_EXE:
		if (it->has_exe)
			list_str(r, &r->exes, it->exe);
		break;
	case RPT_COMM:
		if (it->has_comm)
			list_str(r, &r->comms, it->comm);
		break;
	case RPT_ANOMALY:
		if (is_anomaly(r))
			list_num(r, &r->anom_list, ht);
		break;
	case RPT_RESPONSE:
		if (has_range(r, T_FIRST_RESP, T_LAST_RESP))
			list_num(r, &r->resp_list, ht);
		break;
	case RPT_CRYPTO:
		if (is_crypto(r))
			list_num(r, &r->crypto_list, ht);
		break;
	case RPT_KEY:
		for (i = 0; i < it->nkeys; i++)
			if (!span_eqs(it->keys[i], "(null)"))
				list_str(r, &r->keys, it->keys[i]);
		break;
	default:
		break;
	}
}

/* ------------------------------------------------------------------ */
/* per event: detailed rows (print_per_event_item)                     */

static struct col cnum(const char *key, char *buf, size_t size,
		       unsigned long long v)
{
	snprintf(buf, size, "%llu", v);
	return (struct col){ key, buf, strlen(buf), C_NUM };
}

static struct col ctext(const char *key, const char *s, int how)
{
	return (struct col){ key, s, s ? strlen(s) : 0, how };
}

/* TTY data= (print_tty_data): raw unless all hex; hex decoded into
 * "text" runs and <key> names; fewer than two digits cannot convert */
static void tty_data(struct span v, char *out, size_t cap)
{
	static char bytes[8192];
	struct sb b = { out, 0, cap - 1 };
	size_t i, n;

	for (i = 0; i < v.n; i++)
		if (!isxdigit((unsigned char)v.p[i]))
			break;
	if (i < v.n) {
		sb_span(&b, v);
	} else if (v.n < 2) {
		interpret_sb_fmt(&b, "conversion error(%.*s)", (int)v.n, v.p);
	} else {
		/* an odd last digit is left out, as 3.0.9's strlen / 2 */
		n = record_hex_decode((struct span){ v.p, v.n & ~(size_t)1 },
				      bytes, sizeof bytes);
		if (n == (size_t)-1)
			n = 0;
		interpret_tty_text(&b, bytes, n);
	}
	out[b.n < cap ? b.n : cap - 1] = 0;
}

static void row_avc(struct report *r, char *ser, size_t sersz)
{
	const struct search_items *it = r->it;
	const struct search_avc *a;
	char sys[128];
	struct col c[9];
	const char *sc;
	int i;

	a = avc_first(it, &i);
	if (!a && it->navc)
		a = &it->avc[i = it->navc - 1];
	if (!a)
		return;		/* ref 3.0.9 reads a NULL list here */
	sc = syscall_text(r, sys, sizeof sys);
	do {
		c[0] = cspan("comm", it->has_comm, it->comm, C_ESC);
		if (!it->has_comm)
			c[0] = ctext("comm", "?", C_ESC);
		c[1] = cspan("subj", a->has_scon, a->scon, C_RAW);
		c[2] = ctext("syscall", sc, C_RAW);
		c[3] = cspan("class", a->has_cls, a->cls, C_RAW);
		c[4] = cspan("permission", a->has_perm, a->perm, C_RAW);
		c[5] = cspan("obj", a->has_tcon, a->tcon, C_RAW);
		c[6] = ctext("result", result_word(a->result), C_RAW);
		c[7] = cnum("event", ser, sersz, r->e->serial);
		row(r, c, 8);
	} while ((a = avc_next(it, &i)));
}

static void detailed_row(struct report *r)
{
	const struct search_items *it = r->it;
	char name[64], sys[128], ser[32], num[32], num2[32];
	static char data[16384];
	struct col c[9];
	int n = 0, ht = head_type(r);

	switch (r->o.type) {
	case RPT_AVC:
		row_avc(r, ser, sizeof ser);
		return;
	case RPT_CONFIG:
		c[n++] = ctext("type", type_name(ht), C_RAW);
		c[n++] = ctext("auid", uid_text(r, it->loginuid, name,
						 sizeof name, true), C_RAW);
		c[n++] = ctext("success", success_word(it->success), C_RAW);
		break;
	case RPT_MAC:
		c[n++] = ctext("auid", uid_text(r, it->loginuid, name,
						 sizeof name, true), C_RAW);
		c[n++] = ctext("type", type_name(ht), C_RAW);
		c[n++] = ctext("success", success_word(it->success), C_RAW);
		break;
	case RPT_AUTH:
		if (it->has_acct)
			c[n++] = cspan("acct", true, it->acct, C_ESC);
		else
			c[n++] = ctext("acct", uid_text(r, it->uid, name,
							 sizeof name, true), C_ESC);
		c[n++] = cspan("host", it->has_host, it->host, C_RAW);
		c[n++] = cspan("term", it->has_terminal, it->terminal, C_RAW);
		c[n++] = cspan("exe", it->has_exe, it->exe, C_RAW);
		c[n++] = ctext("success", success_word(it->success), C_RAW);
		break;
	case RPT_LOGIN:
		if (it->success == S_FAILED && it->has_acct)
			c[n++] = cspan("auid", true, it->acct, C_ESC);
		else
			c[n++] = ctext("auid", uid_text(r, it->loginuid, name,
							 sizeof name, true), C_ESC);
		c[n++] = cspan("host", it->has_host, it->host, C_RAW);
		c[n++] = cspan("term", it->has_terminal, it->terminal, C_RAW);
		c[n++] = cspan("exe", it->has_exe, it->exe, C_RAW);
		c[n++] = ctext("success", success_word(it->success), C_RAW);
		break;
	case RPT_ACCT_MOD:
		c[n++] = ctext("auid", uid_text(r, it->loginuid, name,
						 sizeof name, true), C_ESC);
		c[n++] = it->has_host ? cspan("addr", true, it->host, C_RAW) :
			ctext("addr", "?", C_RAW);
		c[n++] = it->has_terminal ?
			cspan("term", true, it->terminal, C_RAW) :
			ctext("term", "?", C_RAW);
		c[n++] = it->has_exe ? cspan("exe", true, it->exe, C_RAW) :
			ctext("exe", "?", C_RAW);
		c[n++] = it->has_acct ? cspan("acct", true, it->acct, C_RAW) :
			ctext("acct", "?", C_RAW);
		c[n++] = ctext("success", success_word(it->success), C_RAW);
		break;
	case RPT_EVENT:
		c[n++] = cnum("event", ser, sizeof ser, r->e->serial);
		c[n++] = ctext("type", type_name(ht), C_RAW);
		c[n++] = ctext("auid", uid_text(r, it->loginuid, name,
						 sizeof name, true), C_ESC);
		c[n++] = ctext("success", success_word(it->success), C_RAW);
		row(r, c, n);
		return;
	case RPT_FILE:
		c[n++] = it->nfiles ? cspan("file", true, it->files[0], C_ESC) :
			ctext("file", "", C_ESC);
		c[n++] = ctext("syscall", syscall_text(r, sys, sizeof sys), C_RAW);
		c[n++] = ctext("success", success_word(it->success), C_RAW);
		c[n++] = it->has_exe ? cspan("exe", true, it->exe, C_ESC) :
			ctext("exe", "?", C_ESC);
		c[n++] = ctext("auid", uid_text(r, it->loginuid, name,
						 sizeof name, true), C_ESC);
		break;
	case RPT_HOST:
		c[n++] = cspan("host", it->has_host, it->host, C_RAW);
		c[n++] = ctext("syscall", syscall_text(r, sys, sizeof sys), C_RAW);
		c[n++] = ctext("auid", uid_text(r, it->loginuid, name,
						 sizeof name, true), C_ESC);
		break;
	case RPT_PID:
		c[n++] = cnum("pid", num, sizeof num, (unsigned)(int)it->pid);
		c[n++] = it->has_exe ? cspan("exe", true, it->exe, C_ESC) :
			ctext("exe", "?", C_ESC);
		c[n++] = ctext("syscall", syscall_text(r, sys, sizeof sys), C_RAW);
		c[n++] = ctext("auid", uid_text(r, it->loginuid, name,
						 sizeof name, true), C_ESC);
		break;
	case RPT_SYSCALL:
		c[n++] = ctext("syscall", syscall_text(r, sys, sizeof sys), C_RAW);
		c[n++] = cnum("pid", num, sizeof num, (unsigned)(int)it->pid);
		c[n++] = it->has_comm ? cspan("comm", true, it->comm, C_ESC) :
			ctext("comm", "?", C_ESC);
		c[n++] = ctext("auid", uid_text(r, it->loginuid, name,
						 sizeof name, true), C_ESC);
		break;
	case RPT_TERM:
		c[n++] = cspan("term", it->has_terminal, it->terminal, C_RAW);
		c[n++] = cspan("host", it->has_host, it->host, C_RAW);
		c[n++] = cspan("exe", it->has_exe, it->exe, C_ESC);
		c[n++] = ctext("auid", uid_text(r, it->loginuid, name,
						 sizeof name, true), C_ESC);
		break;
	case RPT_USER:
		c[n++] = ctext("auid", uid_text(r, it->loginuid, name,
						 sizeof name, true), C_ESC);
		/* the same columns as -x after the user */
		/* fallthrough */
	case RPT_EXE:
	case RPT_COMM:
		if (r->o.type == RPT_EXE)
			c[n++] = it->has_exe ? cspan("exe", true, it->exe, C_ESC) :
				ctext("exe", "?", C_ESC);
		if (r->o.type == RPT_COMM)
			c[n++] = it->has_comm ?
				cspan("comm", true, it->comm, C_ESC) :
				ctext("comm", "?", C_ESC);
		c[n++] = it->has_terminal ?
			cspan("term", true, it->terminal, C_RAW) :
			ctext("term", "?", C_RAW);
		c[n++] = it->has_host ? cspan("host", true, it->host, C_RAW) :
			ctext("host", "?", C_RAW);
		if (r->o.type == RPT_USER)
			c[n++] = it->has_exe ? cspan("exe", true, it->exe, C_ESC) :
				ctext("exe", "?", C_ESC);
		else
			c[n++] = ctext("auid", uid_text(r, it->loginuid, name,
							 sizeof name, true),
				       C_ESC);
		break;
	case RPT_ANOMALY:
		c[n++] = ctext("type", type_name(ht), C_RAW);
		c[n++] = it->has_exe ? cspan("exe", true, it->exe, C_ESC) :
			it->has_comm ? cspan("exe", true, it->comm, C_ESC) :
			ctext("exe", "?", C_ESC);
		c[n++] = it->has_terminal ?
			cspan("term", true, it->terminal, C_RAW) :
			ctext("term", "?", C_RAW);
		c[n++] = it->has_host ? cspan("host", true, it->host, C_RAW) :
			ctext("host", "?", C_RAW);
		c[n++] = ctext("auid", uid_text(r, it->loginuid, name,
						 sizeof name, true), C_ESC);
		break;
	case RPT_RESPONSE:
	case RPT_INTEG:
	case RPT_VIRT:
		c[n++] = ctext("type", type_name(ht), C_RAW);
		c[n++] = ctext("success", success_word(it->success), C_RAW);
		break;
	case RPT_CRYPTO:
		c[n++] = ctext("auid", uid_text(r, it->loginuid, name,
						 sizeof name, true), C_ESC);
		c[n++] = ctext("type", type_name(ht), C_RAW);
		c[n++] = ctext("success", success_word(it->success), C_RAW);
		break;
	case RPT_KEY:
		c[n++] = cspan("key", true, it->keys[0], C_RAW);
		c[n++] = ctext("success", success_word(it->success), C_RAW);
		c[n++] = it->has_exe ? cspan("exe", true, it->exe, C_ESC) :
			ctext("exe", "?", C_ESC);
		c[n++] = ctext("auid", uid_text(r, it->loginuid, name,
						 sizeof name, true), C_ESC);
		break;
	case RPT_TTY: {
		const struct event_rec *h = event_rec_first(r->t, r->e);
		struct span m = h->line, v;
		const char *gs = memchr(m.p, RECORD_GS, m.n);
		size_t at, k;

		if (gs)
			m.n = (size_t)(gs - m.p);
		at = span_find(m, 0, "data=");
		if (at == (size_t)-1)
			return;
		v = span_sub(m, at + 5, m.n);
		for (k = v.n; k > 0; k--)
			if (v.p[k - 1] == ' ') {
				v.n = k - 1;
				break;
			}
		c[n++] = cnum("event", ser, sizeof ser, r->e->serial);
		c[n++] = ctext("auid", uid_text(r, it->loginuid, name,
						 sizeof name, true), C_ESC);
		c[n++] = it->has_terminal ?
			cspan("term", true, it->terminal, C_RAW) :
			ctext("term", "?", C_RAW);
		c[n++] = cnum("sess", num2, sizeof num2, it->session);
		c[n++] = it->has_comm ? cspan("comm", true, it->comm, C_ESC) :
			ctext("comm", "?", C_ESC);
		tty_data(v, data, sizeof data);
		c[n++] = ctext("data", data, C_RAW);
		row(r, c, n);
		return;
	}
	default:
		return;
	}
	c[n++] = cnum("event", ser, sizeof ser, r->e->serial);
	row(r, c, n);
}

/* which events make a detailed row (per_event_detailed) */
static bool detailed_wants(const struct report *r)
{
	const struct search_items *it = r->it;
	int ht = head_type(r);

	switch (r->o.type) {
	case RPT_AVC:
		return is_avc(r);
	case RPT_MAC:
		return has_range(r, T_MAC_POLICY_LOAD, T_MAC_UNLBL_STCDEL) ||
			has_range(r, T_FIRST_LSPP, T_LAST_LSPP);
	case RPT_INTEG:
		return has_range(r, T_INTEGRITY_FIRST, T_INTEGRITY_LAST);
	case RPT_VIRT:
		return has_range(r, T_FIRST_VIRT, T_LAST_VIRT);
	case RPT_CONFIG:
		return is_config(r, T_MAC_UNLBL_STCDEL);
	case RPT_AUTH:
		return has_type(r, T_USER_AUTH) ||
			(has_type(r, T_USER_MGMT) && it->success == S_FAILED);
	case RPT_LOGIN:
		return has_type(r, T_USER_LOGIN);
	case RPT_ACCT_MOD:
		return is_acct_mod(r);
	case RPT_EVENT:
		return true;
	case RPT_FILE:
		return it->nfiles > 0;
	case RPT_HOST:
		return it->has_host;
	case RPT_PID:
		return (int)it->pid >= 0;
	case RPT_SYSCALL:
		return it->syscall != 0;
	case RPT_TERM:
		return it->has_terminal;
	case RPT_USER:
		return it->uid != (uint32_t)-1;
	case RPT_EXE:
		return it->has_exe;
	case RPT_COMM:
		return it->has_comm;
	case RPT_ANOMALY:
		return is_anomaly(r);
	case RPT_RESPONSE:
		return has_range(r, T_FIRST_RESP, T_LAST_RESP);
	case RPT_CRYPTO:
		return is_crypto(r);
	case RPT_KEY:
		return it->nkeys > 0 && !span_eqs(it->keys[0], "(null)");
	case RPT_TTY:
		return ht == T_TTY || ht == T_USER_TTY;
	default:
		return false;
	}
}

/* ------------------------------------------------------------------ */

void report_criteria(const struct report_opts *o, struct search_criteria *c)
{
	static const char dummy[] = "dummy";
	bool auid = true;

	c->success = S_SUCCESS;		/* ref 3.0.9 aureport's defaults */
	c->pid = 0;
	c->want_arch = o->interpret;
	switch (o->type) {
	case RPT_AVC:
		c->comm = c->subject = c->object = dummy;
		auid = false;
		break;
	case RPT_AUTH:
		c->exe = c->host = c->terminal = dummy;
		c->uid = 1;
		auid = false;
		break;
	case RPT_VIRT:
	case RPT_RESPONSE:
	case RPT_TIME:
		auid = false;
		break;
	case RPT_LOGIN:
	case RPT_ACCT_MOD:
		c->exe = c->host = c->terminal = dummy;
		break;
	case RPT_FILE:
		c->file = c->exe = dummy;
		break;
	case RPT_HOST:
		c->host = dummy;
		break;
	case RPT_PID:
		c->exe = dummy;
		break;
	case RPT_SYSCALL:
		c->comm = dummy;
		break;
	case RPT_TERM:
	case RPT_EXE:
		c->terminal = c->host = c->exe = dummy;
		break;
	case RPT_USER:
		c->terminal = c->host = c->exe = dummy;
		c->uid = 1;
		break;
	case RPT_COMM:
		c->terminal = c->host = c->comm = dummy;
		break;
	case RPT_ANOMALY:
		c->terminal = c->host = c->exe = c->comm = dummy;
		break;
	case RPT_KEY:
		c->exe = c->key = dummy;
		break;
	case RPT_TTY:
		c->session = 1;
		c->terminal = c->comm = dummy;
		break;
	case RPT_SUMMARY:
		c->file = c->host = c->terminal = c->exe = c->comm =
			c->key = dummy;
		break;
	default:	/* MAC INTEG CONFIG CRYPTO EVENT */
		break;
	}
	if (auid) {
		c->loginuid = 1;
		c->tauid = dummy;
	}
}

void report_init(struct report *r, const struct report_opts *o, FILE *out)
{
	memset(r, 0, sizeof *r);
	r->o = *o;
	r->out = out;
	r->pids.numeric = r->anom_list.numeric = r->mac_list.numeric =
		r->resp_list.numeric = r->crypto_list.numeric =
		r->virt_list.numeric = r->integ_list.numeric = true;
}

void report_fini(struct report *r)
{
	struct report_list *l[] = { &r->users, &r->terms, &r->files, &r->hosts,
		&r->exes, &r->comms, &r->avc_objs, &r->keys, &r->pids,
		&r->sys_list, &r->anom_list, &r->mac_list, &r->resp_list,
		&r->crypto_list, &r->virt_list, &r->integ_list };
	size_t i;

	for (i = 0; i < sizeof l / sizeof l[0]; i++)
		list_free(l[i]);
}

void report_event(struct report *r, const struct event_table *t,
		  const struct event *e, const struct search_items *it)
{
	const struct event_rec *h;
	struct record rec;

	r->t = t;
	r->e = e;
	r->it = it;
	if (!wanted(r))
		return;
	/* ref 3.0.9 loads the first record's interpretations for a
	 * one-record or SYSCALL event, and only those are looked up (with
	 * -i: without it nothing is named) */
	r->enrich = (struct span){ NULL, 0 };
	h = event_rec_first(t, e);
	if (r->o.interpret && h && (e->nrec == 1 || h->type == T_SYSCALL) &&
	    record_parse(&rec, h->line.p, h->line.n) == 0)
		r->enrich = rec.enrich;
	if (r->o.detail == D_SUM) {
		per_summary(r);
		return;
	}
	if (detailed_wants(r)) {
		detailed_row(r);
		r->found = true;
	}
}

static void when_text(struct report_when w, bool milli, char *buf,
		      size_t size)
{
	time_t t = (time_t)w.sec;
	struct tm tm;
	size_t n;

	if (!localtime_r(&t, &tm) ||
	    !(n = strftime(buf, size, "%x %T", &tm))) {
		snprintf(buf, size, "?");
		n = 1;
	}
	if (milli)
		snprintf(buf + n, size - n, ".%03u", w.milli);
}

void report_log_range(struct report *r, const char *file, bool have,
		      struct report_when first, struct report_when last)
{
	char a[64], b[64];

	if (have) {
		when_text(first, true, a, sizeof a);
		when_text(last, true, b, sizeof b);
	}
	if (r->o.json) {
		json_open_row(r);
		fputs("{\"file\":", r->out);
		json_str(r, file, strlen(file));
		fputs(",\"first\":", r->out);
		json_str(r, have ? a : NULL, have ? strlen(a) : 0);
		fputs(",\"last\":", r->out);
		json_str(r, have ? b : NULL, have ? strlen(b) : 0);
		fputc('}', r->out);
		return;
	}
	if (have)
		fprintf(r->out, "%s: %s - %s\n", file, a, b);
	else
		fprintf(r->out, "%s: no records\n", file);
}

static const char *const sum_labels[] = {
	"changes in configuration", "changes to accounts, groups, or roles",
	"logins", "failed logins", "authentications",
	"failed authentications", "users", "terminals", "host names",
	"executables", "commands", "files", "AVC's", "MAC events",
	"failed syscalls", "anomaly events", "responses to anomaly events",
	"crypto events", "integrity events", "virt events", "keys",
	"process IDs", "events",
};

static void json_key(struct report *r, const char *label)
{
	char k[64];
	size_t i, n = 0;

	for (i = 0; label[i] && n + 1 < sizeof k; i++) {
		char c = label[i];

		if (isalnum((unsigned char)c))
			k[n++] = (char)tolower((unsigned char)c);
		else if (c == ' ' && n && k[n - 1] != '_')
			k[n++] = '_';
	}
	k[n] = 0;
	fprintf(r->out, ",\"%s\":", k);
}

static void main_summary(struct report *r, struct report_when first,
			 struct report_when last, time_t start, time_t end)
{
	unsigned long v[23] = { r->changes, r->acct_changes, r->good_logins,
		r->bad_logins, r->good_auth, r->bad_auth, r->users.n,
		r->terms.n, r->hosts.n, r->exes.n, r->comms.n, r->files.n,
		r->avcs, r->mac, r->failed_syscalls, r->anomalies,
		r->responses, r->crypto, r->integ, r->virt, r->keys.n,
		r->pids.n, r->events };
	char a[64], b[64], c[64], d[64];
	size_t i;

	when_text(first, true, a, sizeof a);
	when_text(last, true, b, sizeof b);
	when_text(start ? (struct report_when){ (uint64_t)start, 0 } : first,
		  false, c, sizeof c);
	when_text(end ? (struct report_when){ (uint64_t)end, 0 } : last,
		  !end, d, sizeof d);
	if (r->o.json) {
		fputs(",\"range_of_time_in_logs\":{\"first\":", r->out);
		json_str(r, a, strlen(a));
		fputs(",\"last\":", r->out);
		json_str(r, b, strlen(b));
		fputs("},\"selected_time_for_report\":{\"start\":", r->out);
		json_str(r, c, strlen(c));
		fputs(",\"end\":", r->out);
		json_str(r, d, strlen(d));
		fputc('}', r->out);
		for (i = 0; i < 23; i++) {
			json_key(r, sum_labels[i]);
			fprintf(r->out, "%lu", v[i]);
		}
		fputs("}\n", r->out);
		return;
	}
	fprintf(r->out, "Range of time in logs: %s - %s\n", a, b);
	fprintf(r->out, "Selected time for report: %s - %s\n", c, d);
	for (i = 0; i < 23; i++)
		fprintf(r->out, "Number of %s: %lu\n", sum_labels[i], v[i]);
	fputc('\n', r->out);
}

/* the ranked list of a summary report; how: 0 raw strings, 1 escaped,
 * 2 users (numbers looked up again), 3 numbers, 4 record types */
static void sum_list(struct report *r, struct report_list *l, int how)
{
	const char *col = sum_titles[r->o.type].cols;
	char name[64];
	uint32_t i;

	report_list_sort(l);
	if (l->n == 0) {
		if (!r->o.json)
			fputs("<no events of interest were found>\n\n", r->out);
		return;
	}
	for (i = 0; i < l->n; i++) {
		const struct report_item *it = &l->v[i];
		const char *s = l->numeric ? NULL : l->buf + it->off;
		size_t n = it->len;

		if (how == 2 && (s[0] == '-' || isdigit((unsigned char)s[0]))) {
			s = uid_text(r, (uint32_t)strtol(s, NULL, 10), name,
				     sizeof name, false);
			n = strlen(s);
		} else if (how == 4 && r->o.interpret) {
			s = type_name(it->num);
			n = s ? strlen(s) : 0;
		}
		if (r->o.json) {
			json_open_row(r);
			fprintf(r->out, "{\"total\":%u,\"%s\":", it->hits, col);
			if (l->numeric && !(how == 4 && r->o.interpret))
				fprintf(r->out, "%d", it->num);
			else
				json_str(r, s, n);
			fputc('}', r->out);
			continue;
		}
		fprintf(r->out, "%u  ", it->hits);
		if (l->numeric && !(how == 4 && r->o.interpret))
			fprintf(r->out, "%d", it->num);
		else if (!s)
			fputs("(null)", r->out);
		else if (how == 0)
			fwrite(s, 1, n, r->out);
		else
			put_esc(r, s, n);
		fputc('\n', r->out);
	}
}

int report_finish(struct report *r, struct report_when very_first,
		  struct report_when very_last, time_t start, time_t end)
{
	int rc = 0;

	if (r->o.detail != D_SUM) {
		if (!r->found && r->o.type != RPT_TIME) {
			if (!r->o.json)
				fputs("<no events of interest were found>\n\n",
				      r->out);
			rc = 1;
		}
		if (r->o.json)
			fputs(r->rows ? "\n]}\n" : "]}\n", r->out);
		return rc;
	}
	switch (r->o.type) {
	case RPT_SUMMARY:
		main_summary(r, very_first, very_last, start, end);
		return 0;
	case RPT_AVC: sum_list(r, &r->avc_objs, 0); break;
	case RPT_CONFIG: case RPT_ACCT_MOD: case RPT_EVENT:
		sum_list(r, &r->pids, 4);
		break;
	case RPT_AUTH: case RPT_LOGIN: case RPT_USER:
		sum_list(r, &r->users, 2);
		break;
	case RPT_FILE: sum_list(r, &r->files, 1); break;
	case RPT_HOST: sum_list(r, &r->hosts, 0); break;
	case RPT_PID: sum_list(r, &r->pids, 3); break;
	case RPT_SYSCALL: sum_list(r, &r->sys_list, 1); break;
	case RPT_TERM: sum_list(r, &r->terms, 0); break;
	case RPT_EXE: sum_list(r, &r->exes, 1); break;
	case RPT_COMM: sum_list(r, &r->comms, 1); break;
	case RPT_ANOMALY: sum_list(r, &r->anom_list, 4); break;
	case RPT_RESPONSE: sum_list(r, &r->resp_list, 4); break;
	case RPT_MAC: sum_list(r, &r->mac_list, 4); break;
	case RPT_INTEG: sum_list(r, &r->integ_list, 4); break;
	case RPT_VIRT: sum_list(r, &r->virt_list, 4); break;
	case RPT_CRYPTO: sum_list(r, &r->crypto_list, 4); break;
	case RPT_KEY: sum_list(r, &r->keys, 1); break;
	default: break;
	}
	if (r->o.json)
		fputs(r->rows ? "\n]}\n" : "]}\n", r->out);
	return rc;
}
