/* search_misc - sockaddr, config, anomaly records; dispatch and match. */
#include "search_int.h"

#include <arpa/inet.h>
#include <netdb.h>
#include <sys/socket.h>
#include <ctype.h>
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <auditbox/record.h>
#include <auditbox/tables.h>

/* the reference's message on stderr, then its return code */
static int notice(struct px *x, const char *text, int rc)
{
	if (x->c->notice)
		x->c->notice(x->c->notice_ctx, text);
	return rc;
}

/* the numeric host of an inet or inet6 sockaddr (getnameinfo: an
 * IPv6 link-local address gets its %scope) into the arena */
static void sockaddr_host(struct search_items *s, const unsigned char *b,
			  unsigned fam)
{
	union {
		struct sockaddr sa;
		struct sockaddr_in in;
		struct sockaddr_in6 in6;
	} u;
	socklen_t len = fam == 2 ? sizeof u.in : sizeof u.in6;
	char name[NI_MAXHOST], *p;
	size_t n;

	memset(&u, 0, sizeof u);
	memcpy(&u, b, len);
	u.sa.sa_family = (sa_family_t)(fam == 2 ? AF_INET : AF_INET6);
	if (getnameinfo(&u.sa, len, name, sizeof name, NULL, 0,
			NI_NUMERICHOST))
		return;
	n = strlen(name);
	p = arena_take(s, n);
	if (p) {
		memcpy(p, name, n);
		s->host = (struct span){ p, n };
		s->has_host = true;
	}
}

/* saddr=: the reference's unescape() (an odd last digit is a high
 * nibble), a length of half the hex digits, its messages */
static int parse_sockaddr(struct px *x)
{
	struct search_items *s = x->s;
	size_t str, e, n, m, i;
	unsigned char *b;
	unsigned fam;
	const char *path;

	if (!x->c->host && !x->c->file)
		return 0;
	str = ss(&x->m, 0, "saddr=");
	if (str == NPOS)
		return 0;
	str += 6;
	if (at(&x->m, str) == '(')	/* "(...)": kept, no family of ours */
		return sc(&x->m, str, ')') == NPOS ? 4 : 0;
	for (e = str; e < x->m.m.n && isxdigit((unsigned char)x->m.m.p[e]); e++)
		;
	if (e - str < 2)
		return 4;
	n = (e - str) / 2;
	m = (e - str + 1) / 2;
	b = (unsigned char *)arena_take(s, m + 1);
	if (!b)
		return 4;
	for (i = 0; i < m; i++)
		b[i] = (unsigned char)(hexv(x->m.m.p[str + 2 * i]) << 4 |
			(str + 2 * i + 1 < e ? hexv(x->m.m.p[str + 2 * i + 1]) : 0));
	b[m] = 0;
	fam = b[0] | (unsigned)b[1] << 8;
	if (fam == 2 || fam == 10) {
		if (fam == 2 && n < 16)
			return notice(x, "sockaddr len too short", 1);
		if (fam == 10 && n < 28)
			return notice(x, "sockaddr6 len too short", 2);
		if (x->c->host)
			sockaddr_host(s, b, fam);
	} else if (fam == 1) {
		if (n < 4)
			return notice(x, "sun_path len too short", 3);
		path = (const char *)b + (b[2] ? 2 : 3);
		if (x->c->file && s->nfiles < SEARCH_MAX_STRS)
			s->files[s->nfiles++] = (struct span){ path,
				strlen(path) };
	}
	return 0;
}

static int parse_simple_message(struct px *x)
{
	const struct search_criteria *c = x->c;
	struct search_items *s = x->s;
	size_t term = 0, str;

	if (search_want_loginuid(x)) {
		str = ss(&x->m, term, "auid=");
		if (str == NPOS && x->type != T_CONFIG_CHANGE)
			return 1;
		if (str != NPOS) {
			term = sc(&x->m, str + 5, ' ');
			if (term == NPOS)
				term = str + 5;
			s->loginuid = (uint32_t)sul(&x->m, str + 5);
			s->has_tauid = search_lookup_uid(s, "auid", s->loginuid,
						  &s->tauid);
		}
	}
	if (c->session != (uint32_t)-2) {
		str = ss(&x->m, term, "ses=");
		if (str != NPOS) {
			term = sc(&x->m, str + 4, ' ');
			if (term == NPOS)
				term = str + 4;
			s->session = (uint32_t)sul(&x->m, str + 4);
		}
	}
	if (c->subject) {
		str = ss(&x->m, term, "subj=");
		if (str != NPOS) {
			size_t e = sc(&x->m, str + 5, ' ');

			search_add_subj(s, span_sub(x->m.m, str + 5,
					     e == NPOS ? x->m.m.n : e));
			term = e == NPOS ? str + 5 : e;
		}
	}
	if (c->key) {
		str = ss(&x->m, term, "key=");
		if (str != NPOS) {
			int rc = search_key_field(x, str + 4, 6, 8);

			if (rc)
				return rc;
			if (at(&x->m, str + 4) == '"')
				term = sc(&x->m, str + 5, '"');
		}
	}
	if (x->type == T_CONFIG_CHANGE)
		s->success = S_SUCCESS;
	if (c->success != S_UNSET) {
		str = ss(&x->m, term, "res=");
		if (str != NPOS)
			s->success = (int)sul(&x->m, str + 4);
	}
	return 0;
}

static int parse_kernel_anom(struct px *x)
{
	const struct search_criteria *c = x->c;
	struct search_items *s = x->s;
	size_t term = 0, str;
	int r;
	unsigned long v;

	if (search_want_loginuid(x)) {
		str = ss(&x->m, term, "auid=");
		if (str == NPOS)
			return 1;
		term = sc(&x->m, str + 5, ' ');
		if (term == NPOS)
			term = str + 5;
		s->loginuid = (uint32_t)sul(&x->m, str + 5);
		s->has_tauid = search_lookup_uid(s, "auid", s->loginuid, &s->tauid);
	}
	if (search_want_uid(x)) {
		r = search_num_field(x, &term, "uid=", &v);
		if (r < 0)
			return 3;
		if (r) {
			s->uid = (uint32_t)v;
			s->has_tuid = search_lookup_uid(s, "uid", s->uid, &s->tuid);
		}
	}
	if (c->gid != (uint32_t)-1) {
		r = search_num_field(x, &term, "gid=", &v);
		if (r < 0)
			return 5;
		if (r)
			s->gid = (uint32_t)v;
	}
	if (c->session != (uint32_t)-2) {
		str = ss(&x->m, term, "ses=");
		if (str != NPOS) {
			s->session = (uint32_t)sul(&x->m, str + 4);
			term = sc(&x->m, str + 4, ' ');
			if (term == NPOS)
				term = str + 4;
		}
	}
	if (x->type == T_ANOM_PROMISCUOUS)
		return 0;
	if (c->subject) {
		str = ss(&x->m, term, "subj=");
		if (str != NPOS) {
			term = sc(&x->m, str + 5, ' ');
			if (term == NPOS)
				return 8;
			search_add_subj(s, span_sub(x->m.m, str + 5, term));
		}
	}
	if (c->pid != -1) {
		r = search_num_field(x, &term, "pid=", &v);
		if (r < 0)
			return 10;
		if (r)
			s->pid = (long)(int)v;	/* ref 3.0.9: a pid_t */
	}
	if (c->comm) {
		str = ss(&x->m, term, "comm=");
		if (str != NPOS) {
			r = search_str_value(x, str + 5, &s->comm, &s->has_comm, 12);
			if (r)
				return r;
		}
	}
	if (c->exe) {
		str = ss(&x->m, term, "exe=");
		if (str != NPOS) {
			r = search_str_value(x, str + 4, &s->exe, &s->has_exe, 13);
			if (r)
				return r;
		} else if (x->type != T_ANOM_ABEND) {
			return 14;
		}
	}
	if (x->type == T_SECCOMP) {
		str = ss(&x->m, term, "arch=");
		if (str == NPOS)
			return 0;
		term = sc(&x->m, str + 5, ' ');
		if (term == NPOS)
			return 15;
		s->arch = (uint32_t)search_sulx(&x->m, str + 5);
		str = ss(&x->m, term, "syscall=");
		if (str == NPOS)
			return 17;
		term = sc(&x->m, str + 8, ' ');
		if (term == NPOS)
			return 18;
		s->syscall = (int)sul(&x->m, str + 8);
	}
	if (c->success != S_UNSET) {
		str = ss(&x->m, term, "res=");
		if (str != NPOS)
			s->success = (int)sul(&x->m, str + 4);
	}
	return 0;
}

static int parse_obj(struct px *x)
{
	size_t str, e;

	if (!x->c->object)
		return 0;
	str = ss(&x->m, 0, "obj=");
	if (str != NPOS) {
		e = sc(&x->m, str + 4, ' ');
		search_add_obj(x->s, span_sub(x->m.m, str + 4,
				       e == NPOS ? x->m.m.n : e));
	}
	return 0;
}

static int parse_config(struct px *x)
{
	int rc = parse_simple_message(x);

	search_avc_parse_path(x);
	return rc;
}

static int parse_task_info0(struct px *x)
{
	return search_parse_task_info(x, 0);
}

typedef int (*parse_fn)(struct px *x);

/* marks the types the reference does not know (--debug tells of them) */
static int parse_unknown(struct px *x)
{
	(void)x;
	return 0;
}

/* The extraction for record type t (the reference's dispatch), NULL when
 * it would look at nothing under criteria c: the record is then not
 * even split from its ENRICHED tail. */
static parse_fn parser_of(const struct search_criteria *c, int t)
{
	if (t == T_SYSCALL)
		return search_parse_syscall;
	if (t == T_CWD)
		return c->file ? search_parse_dir : NULL;
	if (t == 1402)
		return c->file ? search_avc_parse_path : NULL;
	if (t == T_PATH)
		return c->file || c->object ? search_parse_path : NULL;
	if (t == T_USER_AVC || t == T_AVC)
		return search_parse_avc;
	if (t == T_USER || (t >= T_FIRST_USER && t <= T_USER_END) ||
	    (t >= T_USER_CHAUTHTOK && t <= T_LAST_USER) ||
	    (t >= T_FIRST_USER2 && t <= T_LAST_USER2))
		return search_parse_user;
	if (t == T_SOCKADDR)
		return parse_sockaddr;
	if (t == T_LOGIN)
		return search_parse_login;
	if (t == T_IPC || t == T_OBJ_PID)
		return c->object ? parse_obj : NULL;
	if (t >= T_DAEMON_START && t <= T_DAEMON_RESUME)
		return search_parse_daemon1;
	if (t == T_DAEMON_ACCEPT || t == T_DAEMON_CLOSE)
		return search_parse_daemon2;
	if (t == T_CONFIG_CHANGE)
		return parse_config;
	if (t == T_FEATURE_CHANGE || t == T_ANOM_LINK)
		return parse_task_info0;
	if (t == T_SECCOMP || t == T_ANOM_PROMISCUOUS || t == T_ANOM_ABEND)
		return parse_kernel_anom;
	if (t >= T_MAC_POLICY_LOAD && t <= T_MAC_UNLBL_STCDEL)
		return parse_simple_message;
	if (t >= T_INTEGRITY_DATA && t <= T_INTEGRITY_RULE)
		return search_parse_integrity;
	if (t == T_NETFILTER_PKT)
		return search_parse_pkt;
	if (t == T_NETFILTER_CFG || t == T_EVENT_LISTENER)
		return search_parse_kernel;
	if (t == T_TTY)
		return search_parse_tty;
	/* types the reference knows it need not parse */
	if (t == 2000 || t == 1401 || t == 1309 || (t >= 1311 && t <= 1315) ||
	    t == 1317 || t == 1321 || t == 1322 || t == 1323 || t == 1327 ||
	    (t >= 1329 && t <= 1334))
		return NULL;
	return parse_unknown;
}

static void items_reset(struct search_items *it)
{
	it->pid = it->ppid = -1;
	it->uid = it->euid = it->gid = it->egid = (uint32_t)-1;
	it->loginuid = (uint32_t)-2;
	it->session = (uint32_t)-2;
	it->syscall = 0;
	it->arch = 0;
	it->exit = 0;
	it->exit_set = false;
	it->success = S_UNSET;
	it->has_comm = it->has_exe = it->has_host = it->has_terminal = false;
	it->has_cwd = it->has_tuid = it->has_teuid = it->has_tauid = false;
	it->has_vmname = it->has_uuid = it->has_avc = false;
	it->has_acct = false;
	it->navc = 0;
	it->nfiles = it->nkeys = it->nsubj = it->nobj = 0;
	it->used = 0;
	it->cut = 0;
	it->interp = (struct span){ NULL, 0 };
}

int search_extract(const struct search_criteria *c, const struct event_table *t,
		   const struct event *e, struct search_items *it,
		   const struct event_rec **bad)
{
	const struct event_rec *r;
	struct record rec;
	struct px x = { c, it, { { NULL, 0 } }, 0, NULL };
	int ret = 0;

	items_reset(it);
	r = event_rec_first(t, e);
	if (r && (c->tuid || c->teuid || c->tauid) &&
	    (e->nrec == 1 || r->type == T_SYSCALL) &&
	    record_parse(&rec, r->line.p, r->line.n) == 0)
		it->interp = rec.enrich;
	for (; r && ret == 0; r = event_rec_next(t, r)) {
		parse_fn parse = parser_of(c, r->type);
		const char *gs;

		if (parse == parse_unknown) {
			if (c->unparsed)
				c->unparsed(c->unparsed_ctx, r->type);
			continue;
		}
		if (!parse)
			continue;
		gs = span_memchr(r->line.p, RECORD_GS, r->line.n);
		x.m.m = (struct span){ r->line.p,
			gs ? (size_t)(gs - r->line.p) : r->line.n };
		x.type = r->type;
		ret = parse(&x);
		if (ret && bad)
			*bad = r;
	}
	return ret;
}

int search_elf_to_machine(uint32_t elf)
{
	switch (elf) {
	case 0x40000003: return 0;	/* i386 */
	case 0xc000003e: return 1;	/* x86_64 */
	case 0xc0000032: return 2;	/* ia64 */
	case 0x80000015: return 3;	/* ppc64 */
	case 0x14: return 4;		/* ppc */
	case 0x80000016: return 5;	/* s390x */
	case 0x16: return 6;		/* s390 */
	case 0x40000028: return 8;	/* arm */
	case 0xc00000b7: return 9;	/* aarch64 */
	case 0xc0000015: return 10;	/* ppc64le */
	default: return -1;
	}
}

static bool strmatch(const struct search_criteria *c, const char *needle,
		     struct span hay)
{
	if (c->exact)
		return span_eqs(hay, needle);
	return span_find(hay, 0, needle) != NPOS;
}

static bool names_eq(const char *want, bool has, struct span got)
{
	return has && span_eqs(got, want);
}

static bool user_match(const struct search_criteria *c,
		       const struct search_items *s)
{
	if (c->ua && c->tuid)
		return names_eq(c->tuid, s->has_tuid, s->tuid) ||
		       names_eq(c->teuid, s->has_teuid, s->teuid) ||
		       names_eq(c->tauid, s->has_tauid, s->tauid);
	if (c->ua)
		return c->uid == s->uid || c->euid == s->euid ||
		       c->loginuid == s->loginuid;
	if (c->tuid || c->teuid || c->tauid) {
		if (c->tuid && !names_eq(c->tuid, s->has_tuid, s->tuid))
			return false;
		if (c->teuid && !names_eq(c->teuid, s->has_teuid, s->teuid))
			return false;
		if (c->tauid && !names_eq(c->tauid, s->has_tauid, s->tauid))
			return false;
		return true;
	}
	if (c->uid != (uint32_t)-1 && c->uid != s->uid)
		return false;
	if (c->euid != (uint32_t)-1 && c->euid != s->euid)
		return false;
	if (c->loginuid != (uint32_t)-2 && c->loginuid != s->loginuid)
		return false;
	return true;
}

static bool group_match(const struct search_criteria *c,
			const struct search_items *s)
{
	if (c->ga)
		return c->gid == s->gid || c->egid == s->egid;
	if (c->gid != (uint32_t)-1 && c->gid != s->gid)
		return false;
	if (c->egid != (uint32_t)-1 && c->egid != s->egid)
		return false;
	return true;
}

static bool any_match(const struct search_criteria *c, const char *needle,
		      const struct span *v, int n)
{
	int i;

	for (i = 0; i < n; i++)
		if (strmatch(c, needle, v[i]))
			return true;
	return false;
}

static bool context_match(const struct search_criteria *c,
			  const struct search_items *s)
{
	if (c->se) {
		if (c->subject && any_match(c, c->subject, s->subj, s->nsubj))
			return true;
		if (c->object && any_match(c, c->object, s->obj, s->nobj))
			return true;
		return false;
	}
	if (c->subject && !any_match(c, c->subject, s->subj, s->nsubj))
		return false;
	if (c->object && !any_match(c, c->object, s->obj, s->nobj))
		return false;
	return true;
}

static bool type_match(const struct search_criteria *c,
		       const struct event_table *t, const struct event *e)
{
	const struct event_rec *r;
	int i;

	for (r = event_rec_first(t, e); r; r = event_rec_next(t, r))
		for (i = 0; i < c->ntypes; i++)
			if (c->types[i] == r->type)
				return true;
	return false;
}

static bool string_match(const struct search_criteria *c,
			 const struct search_items *s)
{
	if (c->file) {
		bool found = false;

		if (s->nfiles == 0 && !s->has_cwd)
			return false;
		found = any_match(c, c->file, s->files, s->nfiles);
		if (!found && (!s->has_cwd || !strmatch(c, c->file, s->cwd)))
			return false;
	}
	if (c->host && (!s->has_host || !strmatch(c, c->host, s->host)))
		return false;
	if (c->terminal &&
	    (!s->has_terminal || !strmatch(c, c->terminal, s->terminal)))
		return false;
	if (c->exe && (!s->has_exe || !strmatch(c, c->exe, s->exe)))
		return false;
	if (c->comm && (!s->has_comm || !strmatch(c, c->comm, s->comm)))
		return false;
	if (c->key && !any_match(c, c->key, s->keys, s->nkeys))
		return false;
	if (c->vmname && (!s->has_vmname || !strmatch(c, c->vmname, s->vmname)))
		return false;
	if (c->uuid && (!s->has_uuid || !strmatch(c, c->uuid, s->uuid)))
		return false;
	return context_match(c, s);
}

bool search_match(const struct search_criteria *c, const struct event_table *t,
		  const struct event *e, struct search_items *s,
		  int *rc, const struct event_rec **bad)
{
	int i;

	*rc = 0;
	if (c->prefilter && !e->hit)
		return false;
	if (c->start && (time_t)e->sec < c->start)
		return false;
	if (c->end && (time_t)e->sec > c->end)
		return false;
	if (c->event_id != -1 && (unsigned long)c->event_id != e->serial)
		return false;
	*rc = search_extract(c, t, e, s, bad);
	if (*rc)
		return false;
	if (c->nnodes) {
		if (!e->node.p)
			return false;
		for (i = 0; i < c->nnodes; i++)
			if (span_eqs(e->node, c->nodes[i]))
				break;
		if (i == c->nnodes)
			return false;
	}
	if (!user_match(c, s) || !group_match(c, s))
		return false;
	if (c->ppid != -1 && c->ppid != s->ppid)
		return false;
	if (c->pid != -1 && c->pid != s->pid)
		return false;
	if (c->machine != -1 && c->machine != search_elf_to_machine(s->arch))
		return false;
	if (c->syscall != -1 && c->syscall != s->syscall)
		return false;
	if (c->session != (uint32_t)-2 && c->session != s->session)
		return false;
	if (c->exit_set && (!s->exit_set || c->exit != s->exit))
		return false;
	if (c->success != S_UNSET && c->success != s->success)
		return false;
	if (c->ntypes && !type_match(c, t, e))
		return false;
	return string_match(c, s);
}
