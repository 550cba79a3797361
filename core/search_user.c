/* search_user - extraction for user-space, login, daemon, config and
 * anomaly records, then the dispatch and the match (ausearch 3.0.9). */
#include "search_int.h"

#include <ctype.h>
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <auditbox/record.h>
#include <auditbox/tables.h>

/* value for exe=/cwd= of user records: quoted, hex, or legacy text */
static int user_str(struct px *x, size_t str, struct span *out, bool *has,
		    int err, size_t *term)
{
	size_t end = str;
	bool legacy = false;

	if (at(&x->m, str) == '"') {
		if (!search_quoted(&x->m, str, out, term))
			return err;
		*has = true;
		return 0;
	}
	while (end < x->m.m.n && x->m.m.p[end] != ' ') {
		if (!isxdigit((unsigned char)x->m.m.p[end]))
			legacy = true;
		end++;
	}
	*term = end;
	if (!legacy) {
		*has = search_unescape(x->s, &x->m, str, out);
	} else {
		*out = span_sub(x->m.m, str, end);
		*has = true;
	}
	return 0;
}

static int user_ids(struct px *x, size_t *term)
{
	const struct search_criteria *c = x->c;
	struct search_items *s = x->s;
	size_t str, ptr;

	if (c->pid != -1) {
		str = ss(&x->m, *term, "pid=");
		if (str == NPOS)
			return 1;
		*term = sc(&x->m, str + 4, ' ');
		if (*term == NPOS)
			return 2;
		s->pid = (long)(int)sul(&x->m, str + 4);
	}
	if (search_want_uid(x)) {
		str = ss(&x->m, *term, "uid=");
		if (str == NPOS)
			return 4;
		*term = sc(&x->m, str + 4, ' ');
		if (*term == NPOS)
			return 5;
		s->uid = (uint32_t)sul(&x->m, str + 4);
		s->has_tuid = search_lookup_uid(s, "uid", s->uid, &s->tuid);
	}
	if (search_want_loginuid(x)) {
		str = ss(&x->m, *term, "auid=");
		if (str == NPOS) {
			str = ss(&x->m, *term, "loginuid=");
			if (str == NPOS)
				return 7;
			ptr = str + 9;
		} else {
			ptr = str + 5;
		}
		*term = sc(&x->m, ptr, ' ');
		if (*term == NPOS)
			return 8;
		s->loginuid = (uint32_t)sul(&x->m, ptr);
		s->has_tauid = search_lookup_uid(s, "auid", s->loginuid, &s->tauid);
	}
	if (c->session != (uint32_t)-2) {
		str = ss(&x->m, *term, "ses=");
		if (str != NPOS) {
			*term = sc(&x->m, str + 4, ' ');
			if (*term == NPOS)
				return 10;
			s->session = (uint32_t)sul(&x->m, str + 4);
		}
	}
	if (c->subject) {
		str = ss(&x->m, *term, "subj=");
		if (str != NPOS) {
			*term = sc(&x->m, str + 5, ' ');
			if (*term == NPOS)
				return 12;
			search_add_subj(s, span_sub(x->m.m, str + 5, *term));
			if (x->avc) {
				x->avc->scon = s->subj[s->nsubj - 1];
				x->avc->has_scon = true;
			}
		}
	}
	return 0;
}

static int user_second_uid(struct px *x, size_t *term)
{
	size_t str, e;

	for (;;) {
		str = ss(&x->m, *term, "uid=");
		if (str == NPOS)
			return 0;
		if (str > 0 && at(&x->m, str - 1) == 'a') {
			*term = str + 1;
			continue;
		}
		break;
	}
	if (str > 0 && (at(&x->m, str - 1) == 's' || at(&x->m, str - 1) == 'u'))
		return -1;	/* goto skip: term stays */
	if (!(str > 0 && (at(&x->m, str - 1) == '\'' ||
			  at(&x->m, str - 1) == ' ')))
		return 25;
	e = str + 4;
	while (e < x->m.m.n && isdigit((unsigned char)x->m.m.p[e]))
		e++;
	if (e == str + 4)
		return 14;
	*term = e;
	x->s->uid = (uint32_t)sul(&x->m, str + 4);
	x->s->has_tuid = search_lookup_uid(x->s, "uid", x->s->uid, &x->s->tuid);
	return 0;
}

static int user_host(struct px *x, size_t mptr, size_t *term)
{
	size_t str = ss(&x->m, mptr, "hostname="), e;

	if (str == NPOS)
		return 0;
	str += 9;
	e = sc(&x->m, str, ',');
	if (e == NPOS && (e = sc(&x->m, str, ' ')) == NPOS)
		return 17;
	x->s->host = span_sub(x->m.m, str, e);
	x->s->has_host = true;
	*term = e;
	if (span_eqs(x->s->host, "?")) {
		str = ss(&x->m, e + 1, "addr=");
		if (str != NPOS) {
			str += 5;
			e = sc(&x->m, str, ',');
			if (e == NPOS && (e = sc(&x->m, str, ' ')) == NPOS)
				return 18;
			x->s->host = span_sub(x->m.m, str, e);
			*term = e;
		}
	}
	return 0;
}

static int user_rest(struct px *x, size_t mptr, size_t term)
{
	const struct search_criteria *c = x->c;
	struct search_items *s = x->s;
	size_t str, e;
	int rc;

	if (c->file) {
		str = ss(&x->m, mptr, "cwd=");
		if (str != NPOS) {
			rc = user_str(x, str + 4, &s->cwd, &s->has_cwd, 20, &term);
			if (rc)
				return rc;
		}
	}
	if (c->terminal) {
		str = ss(&x->m, mptr, "terminal=");
		if (str != NPOS) {
			str += 9;
			e = sc(&x->m, str, ' ');
			if (e == NPOS && (e = sc(&x->m, str, ')')) == NPOS)
				return 19;
			s->terminal = span_sub(x->m.m, str, e);
			s->has_terminal = true;
		}
	}
	if (c->exe) {
		str = ss(&x->m, mptr, "exe=");
		if (str != NPOS) {
			rc = user_str(x, str + 4, &s->exe, &s->has_exe, 26, &term);
			if (rc)
				return rc;
		}
	}
	if (c->success != S_UNSET) {
		str = ss(&x->m, mptr, "res=");
		if (str != NPOS) {
			if (sc(&x->m, str + 4, '\'') == NPOS)
				return 21;
			s->success = x->m.m.n - (str + 4) >= 6 &&
				memcmp(x->m.m.p + str + 4, "failed", 6) == 0 ?
				S_FAILED : S_SUCCESS;
		} else if ((str = ss(&x->m, mptr, "result=")) != NPOS) {
			e = sc(&x->m, str + 7, ')');
			if (e == NPOS)
				return 22;
			s->success = span_sub(x->m.m, str + 7, e).n == 7 &&
				strncasecmp(x->m.m.p + str + 7, "success", 7) == 0
				? S_SUCCESS : S_FAILED;
		}
	}
	return 0;
}

/* USER_AVC: tcontext= for -o, then past tclass= (both kept for the
 * decision being read) */
static void user_avc_obj(struct px *x, size_t *term)
{
	size_t str = ss(&x->m, *term, "tcontext="), e;

	if (str != NPOS) {
		str += 9;
		e = sc(&x->m, str, ' ');
		if (e != NPOS) {
			search_add_obj(x->s, span_sub(x->m.m, str, e));
			if (x->avc) {
				x->avc->tcon = span_sub(x->m.m, str, e);
				x->avc->has_tcon = true;
			}
		}
		*term = e != NPOS ? e : str;
	}
	str = ss(&x->m, *term, "tclass=");
	if (str != NPOS) {
		str += 7;
		e = sc(&x->m, str, ' ');
		if (e != NPOS && x->avc) {
			x->avc->cls = span_sub(x->m.m, str, e);
			x->avc->has_cls = true;
		}
		*term = e != NPOS ? e : str;
	}
}

int search_parse_ctx(struct px *x, size_t *term, const char *name, bool subj,
		     int err)
{
	size_t str = ss(&x->m, *term, name), e;

	if (str == NPOS)
		return 0;
	str += strlen(name);
	e = sc(&x->m, str, ' ');
	if (e == NPOS)
		return err;
	if (subj)
		search_add_subj(x->s, span_sub(x->m.m, str, e));
	else
		search_add_obj(x->s, span_sub(x->m.m, str, e));
	*term = e;
	return 0;
}

/* VIRT_MACHINE_ID's vm-ctx/img-ctx, VIRT_RESOURCE's path or new-disk */
static int user_virt(struct px *x, size_t *term)
{
	const struct search_criteria *c = x->c;
	size_t str;
	int rc;

	if (x->type == T_VIRT_MACHINE_ID) {
		if (c->subject &&
		    (rc = search_parse_ctx(x, term, "vm-ctx=", true, 27)))
			return rc;
		if (c->object &&
		    (rc = search_parse_ctx(x, term, "img-ctx=", false, 29)))
			return rc;
	} else if (x->type == T_VIRT_RESOURCE && c->file) {
		size_t incr = 6;

		str = ss(&x->m, *term, " path=");
		if (str == NPOS) {
			incr = 10;
			str = ss(&x->m, *term, " new-disk=");
		}
		if (str != NPOS) {
			rc = search_common_path(x, str + incr);
			if (rc)
				return rc;
			*term = str + incr;
		}
	}
	return 0;
}

/* -gi of group records: " id=", for GRP_MGMT also "gid=" */
static int user_gid(struct px *x, size_t *term)
{
	size_t str;

	if (x->c->gid == (uint32_t)-1 || !(x->type == T_ADD_GROUP ||
	    x->type == T_DEL_GROUP || x->type == T_GRP_MGMT))
		return 0;
	str = ss(&x->m, *term, " id=");
	if (str == NPOS && x->type == T_GRP_MGMT)
		str = ss(&x->m, *term, "gid=");
	if (str != NPOS) {
		*term = sc(&x->m, str + 4, ' ');
		if (*term == NPOS)
			return 31;
		x->s->gid = (uint32_t)sul(&x->m, str + 4);
	}
	return 0;
}

int search_parse_user(struct px *x)
{
	const struct search_criteria *c = x->c;
	struct search_items *s = x->s;
	size_t term = 0, mptr, str, e;
	int rc;

	rc = user_ids(x, &term);
	if (rc)
		return rc;
	if (x->type == T_USER_AVC && c->object)
		user_avc_obj(x, &term);
	rc = user_gid(x, &term);
	if (rc)
		return rc;
	if (c->vmname) {
		str = ss(&x->m, term, "vm=");
		if (str != NPOS) {
			rc = search_str_value(x, str + 3, &s->vmname, &s->has_vmname, 23);
			if (rc)
				return rc;
			if (at(&x->m, str + 3) == '"')
				term = sc(&x->m, str + 4, '"');
		}
	}
	if (c->uuid) {
		str = ss(&x->m, term, "uuid=");
		if (str != NPOS) {
			e = str + 5;
			while (e < x->m.m.n && x->m.m.p[e] != ' ' &&
			       x->m.m.p[e] != ':')
				e++;
			if (e == str + 5)
				return 24;
			s->uuid = span_sub(x->m.m, str + 5, e);
			s->has_uuid = true;
			term = e;
		}
	}
	rc = user_virt(x, &term);
	if (rc)
		return rc;
	if (search_want_uid(x)) {
		rc = user_second_uid(x, &term);
		if (rc > 0)
			return rc;
	}
	mptr = term + 1;
	if (c->comm) {
		str = ss(&x->m, mptr, "comm=");
		if (str != NPOS) {
			rc = search_str_value(x, str + 5, &s->comm, &s->has_comm, 16);
			if (rc)
				return rc;
		}
	}
	str = ss(&x->m, mptr, "acct=");
	if (str != NPOS) {	/* ref 3.0.9: the last one read is kept */
		bool legacy = false;

		e = str + 6;
		if (at(&x->m, str + 5) == '"') {
			while (e < x->m.m.n && x->m.m.p[e] != '"')
				e++;
			s->acct = span_sub(x->m.m, str + 6,
					   e < x->m.m.n ? e : x->m.m.n);
			s->has_acct = true;
		} else {
			e = str + 5;
			while (e < x->m.m.n && x->m.m.p[e] != ' ') {
				if (!isxdigit((unsigned char)x->m.m.p[e]))
					legacy = true;
				e++;
			}
			if (legacy) {
				s->acct = span_sub(x->m.m, str + 5, e);
				s->has_acct = true;
			} else {
				s->has_acct = search_unescape(s, &x->m, str + 5,
							      &s->acct);
			}
		}
		term = e;
	}
	mptr = term + 1;
	if (c->host) {
		rc = user_host(x, mptr, &term);
		if (rc)
			return rc;
	}
	return user_rest(x, mptr, term);
}

int search_parse_login(struct px *x)
{
	const struct search_criteria *c = x->c;
	struct search_items *s = x->s;
	size_t term = 0, str, ptr;

	if (c->pid != -1) {
		str = ss(&x->m, term, "pid=");
		if (str == NPOS)
			return 1;
		term = sc(&x->m, str + 4, ' ');
		if (term == NPOS)
			return 2;
		s->pid = (long)(int)sul(&x->m, str + 4);
	}
	if (search_want_uid(x)) {
		str = ss(&x->m, term, "uid=");
		if (str == NPOS)
			return 4;
		term = sc(&x->m, str + 4, ' ');
		if (term == NPOS)
			return 5;
		s->uid = (uint32_t)sul(&x->m, str + 4);
		s->has_tuid = search_lookup_uid(s, "uid", s->uid, &s->tuid);
	}
	if (c->subject) {
		str = ss(&x->m, term, "subj=");
		if (str != NPOS) {
			term = sc(&x->m, str + 5, ' ');
			if (term == NPOS)
				return 12;
			search_add_subj(s, span_sub(x->m.m, str + 5, term));
		}
	}
	if (search_want_loginuid(x)) {
		str = ss(&x->m, term, "new auid=");
		if (str != NPOS) {
			ptr = str + 9;
		} else if ((str = ss(&x->m, term, " auid=")) != NPOS) {
			ptr = str + 6;
		} else if ((str = ss(&x->m, term, "new loginuid=")) != NPOS) {
			ptr = str + 13;
		} else {
			return 7;
		}
		term = sc(&x->m, ptr, ' ');
		s->loginuid = (uint32_t)sul(&x->m, ptr);
		s->has_tauid = search_lookup_uid(s, "auid", s->loginuid, &s->tauid);
	}
	if (c->success != S_UNSET) {
		if (term == NPOS)
			term = 0;
		str = ss(&x->m, term, "res=");
		if (str != NPOS) {
			s->success = (int)sul(&x->m, str + 4);
			term = sc(&x->m, str + 4, ' ');
		} else {
			s->success = S_SUCCESS;
		}
	}
	if (c->session != (uint32_t)-2) {
		if (term == NPOS)
			term = 0;
		str = ss(&x->m, term, "new ses=");
		if (str != NPOS) {
			ptr = str + 8;
		} else if ((str = ss(&x->m, term, " ses=")) != NPOS) {
			ptr = str + 5;
		} else {
			return 14;
		}
		s->session = (uint32_t)sul(&x->m, ptr);
	}
	return 0;
}

int search_parse_daemon1(struct px *x)
{
	const struct search_criteria *c = x->c;
	struct search_items *s = x->s;
	size_t mptr = sc(&x->m, 0, ')'), term, str, ptr;

	if (mptr == NPOS)
		mptr = 0;
	term = mptr;
	if (search_want_loginuid(x)) {
		str = ss(&x->m, mptr, "auid=");
		if (str == NPOS)
			return 1;
		term = sc(&x->m, str + 5, ' ');
		if (term == NPOS)
			return 2;
		s->loginuid = (uint32_t)sul(&x->m, str + 5);
		s->has_tauid = search_lookup_uid(s, "auid", s->loginuid, &s->tauid);
	}
	if (c->pid != -1) {
		str = ss(&x->m, term, "pid=");
		if (str == NPOS)
			return 4;
		term = sc(&x->m, str + 4, ' ');
		if (term == NPOS)
			return 5;
		s->pid = (long)(int)sul(&x->m, str + 4);
	}
	if (c->uid != (uint32_t)-1) {
		ptr = term;
		str = ss(&x->m, term, " uid=");
		if (str != NPOS) {
			term = sc(&x->m, str + 5, ' ');
			if (term == NPOS)
				return 7;
			s->uid = (uint32_t)sul(&x->m, str + 5);
		} else {
			term = ptr;
		}
	}
	if (c->session != (uint32_t)-2) {
		ptr = term;
		str = ss(&x->m, term, "ses=");
		if (str != NPOS) {
			term = sc(&x->m, str + 4, ' ');
			if (term == NPOS)
				return 9;
			s->session = (uint32_t)sul(&x->m, str + 4);
		} else {
			term = ptr;
		}
	}
	if (c->subject) {
		str = ss(&x->m, term, "subj=");
		if (str != NPOS) {
			size_t e = sc(&x->m, str + 5, ' ');

			search_add_subj(s, span_sub(x->m.m, str + 5,
					     e == NPOS ? x->m.m.n : e));
		}
	}
	if (c->success != S_UNSET) {
		str = ss(&x->m, mptr, "res=");
		if (str != NPOS) {
			size_t e = str + 4;

			while (e < x->m.m.n && isalpha((unsigned char)x->m.m.p[e]))
				e++;
			if (e == str + 4)
				return 12;
			s->success = e - (str + 4) >= 6 &&
				memcmp(x->m.m.p + str + 4, "failed", 6) == 0 ?
				S_FAILED : S_SUCCESS;
		}
	}
	return 0;
}

int search_parse_daemon2(struct px *x)
{
	struct search_items *s = x->s;
	size_t term = 0, str, e;

	if (x->c->host) {
		str = ss(&x->m, term, "addr=");
		if (str != NPOS) {
			str += 5;
			e = sc(&x->m, str, ':');
			if (e == NPOS && (e = sc(&x->m, str, ' ')) == NPOS)
				return 1;
			s->host = span_sub(x->m.m, str, e);
			s->has_host = true;
			term = e;
		}
	}
	if (x->c->success != S_UNSET) {
		str = ss(&x->m, term, "res=");
		if (str != NPOS) {
			e = str + 4;
			while (e < x->m.m.n && isalpha((unsigned char)x->m.m.p[e]))
				e++;
			if (e == str + 4)
				return 2;
			s->success = e - (str + 4) >= 6 &&
				memcmp(x->m.m.p + str + 4, "failed", 6) == 0 ?
				S_FAILED : S_SUCCESS;
		}
	}
	return 0;
}

