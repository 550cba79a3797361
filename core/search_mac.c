/* search_mac - extraction for SELinux AVC and USER_AVC, integrity (IMA),
 * TTY, NETFILTER_PKT and the kernel's "pid uid auid tty ses subj comm
 * exe" records (NETFILTER_CFG, EVENT_LISTENER), as ausearch 3.0.9 does:
 * the same scan positions, defaults and failing return codes. */
#include "search_int.h"

#include <string.h>

/* comm=/exe= value at i: quoted (then *term is the closing quote, err
 * when it is unclosed) or hex (*term unchanged). */
static int term_str(struct px *x, size_t i, struct span *out, bool *has,
		    int err, size_t *term)
{
	size_t q;

	if (at(&x->m, i) == '"') {
		if (!search_quoted(&x->m, i, out, &q))
			return err;
		*has = true;
		*term = q;
		return 0;
	}
	*has = search_unescape(x->s, &x->m, i, out);
	return 0;
}

/* "name=" number up to the next space, from *term; 0 absent, 1 found
 * (*term moves to its end), -1 no space after it. v from at + skip. */
static int num_at(struct px *x, size_t *term, const char *name, size_t skip,
		  unsigned long *v)
{
	size_t str = ss(&x->m, *term, name), e;

	if (str == NPOS)
		return 0;
	e = sc(&x->m, str + skip, ' ');
	if (e == NPOS)
		return -1;
	*v = sul(&x->m, str + skip);
	*term = e;
	return 1;
}

static void set_uid(struct search_items *s, uint32_t uid)
{
	s->uid = uid;
	s->has_tuid = search_lookup_uid(s, "uid", uid, &s->tuid);
}

static void set_auid(struct search_items *s, uint32_t auid)
{
	s->loginuid = auid;
	s->has_tauid = search_lookup_uid(s, "auid", auid, &s->tauid);
}

/* "avc:  denied  { perm }": the result (when -sv asks), the permission
 * into a, and where the rest of the scan starts. Returns 2 when '}' is
 * missing. */
static int avc_head(struct px *x, size_t *term, struct search_avc *a)
{
	size_t str = ss(&x->m, 0, "avc: "), b, e;

	*term = 0;
	if (str == NPOS)
		return 0;
	str += 5;
	b = sc(&x->m, str, '{');
	if (b == NPOS)
		return 0;
	if (x->c->success != S_UNSET) {
		bool denied = span_find(span_sub(x->m.m, str, b), 0,
					"denied") != NPOS;

		x->s->success = denied ? S_FAILED : S_SUCCESS;
		a->result = denied ? AVC_DENIED : AVC_GRANTED;
	}
	for (str = b + 1; at(&x->m, str) == ' '; str++)
		;
	e = sc(&x->m, str, '}');
	if (e == NPOS)
		return 2;
	while (at(&x->m, e - 1) == ' ')
		e--;
	a->perm = span_sub(x->m.m, str, e);
	a->has_perm = true;
	*term = e;
	return 0;
}

static void avc_keep(struct search_items *s, const struct search_avc *a)
{
	if (s->navc < SEARCH_MAX_AVC)
		s->avc[s->navc++] = *a;
}

/* a kernel AVC's path= (else name=), for -f; the scan moves 7 on */
static int avc_file(struct px *x, size_t *term)
{
	size_t str = ss(&x->m, *term, " path=");
	int rc;

	if (str == NPOS)
		str = ss(&x->m, *term, " name=");
	if (str == NPOS)
		return 0;
	rc = search_common_path(x, str + 6);
	if (rc)
		return rc;
	*term += 7;
	return 0;
}

int search_parse_avc(struct px *x)
{
	const struct search_criteria *c = x->c;
	struct search_items *s = x->s;
	struct search_avc a = { 0 };
	size_t term, str, e;
	unsigned long v;
	int rc, n;

	rc = avc_head(x, &term, &a);
	if (rc)
		return rc;
	if (x->type == T_USER_AVC) {
		x->avc = &a;
		rc = search_parse_user(x);
		x->avc = NULL;
		s->has_avc = true;
		avc_keep(s, &a);
		return rc > 20 ? 0 : rc;
	}
	if (c->pid != -1) {
		rc = num_at(x, &term, "pid=", 4, &v);
		if (rc < 0)
			return 3;
		if (rc)
			s->pid = (long)(int)v;	/* ref 3.0.9: a pid_t */
	}
	if (c->comm && !s->has_comm) {
		str = ss(&x->m, term, "comm=");
		if (str == NPOS)
			return 5;
		str += 5;
		if (at(&x->m, str) == '"') {
			if (!search_quoted(&x->m, str, &s->comm, &term))
				return 6;
			s->has_comm = true;
		} else {
			s->has_comm = search_unescape(s, &x->m, str, &s->comm);
			term = str + 6;
		}
	}
	if (c->file && (rc = avc_file(x, &term)))
		return rc;
	n = s->nsubj;
	if (c->subject && (rc = search_parse_ctx(x, &term, "scontext=", true, 7)))
		return rc;
	if (s->nsubj > n) {
		a.scon = s->subj[s->nsubj - 1];
		a.has_scon = true;
	}
	n = s->nobj;
	if (c->object && (rc = search_parse_ctx(x, &term, "tcontext=", false, 8)))
		return rc;
	if (s->nobj > n) {
		a.tcon = s->obj[s->nobj - 1];
		a.has_tcon = true;
	}
	str = ss(&x->m, term, "tclass=");
	if (str == NPOS)
		return 9;
	str += 7;
	e = sc(&x->m, str, ' ');
	a.cls = span_sub(x->m.m, str, e == NPOS ? x->m.m.n : e);
	a.has_cls = true;
	s->has_avc = true;
	avc_keep(s, &a);
	return 0;
}

int search_parse_integrity(struct px *x)
{
	const struct search_criteria *c = x->c;
	struct search_items *s = x->s;
	size_t term = 0, str;
	unsigned long v;
	int rc;

	if ((rc = num_at(x, &term, "pid=", 4, &v)) < 0)
		return 1;
	if (rc)
		s->pid = (long)(int)v;	/* ref 3.0.9: a pid_t */
	/* the value is read from the '=' of " uid=": always 0 (3.0.9) */
	if (search_want_uid(x)) {
		if ((rc = num_at(x, &term, " uid=", 4, &v)) < 0)
			return 3;
		if (rc)
			set_uid(s, (uint32_t)v);
	}
	if (search_want_loginuid(x)) {
		size_t t = 0;

		if ((rc = num_at(x, &t, "auid=", 5, &v)) < 0)
			return 5;
		if (rc) {
			set_auid(s, (uint32_t)v);
			term = t;
		}
	}
	if (c->session != (uint32_t)-2) {
		if ((rc = num_at(x, &term, "ses=", 4, &v)) < 0)
			return 10;
		if (rc)
			s->session = (uint32_t)v;
	}
	if (c->subject && (rc = search_parse_ctx(x, &term, "subj=", true, 12)))
		return rc;
	if (c->comm) {
		str = ss(&x->m, term, "comm=");
		if (str != NPOS &&
		    (rc = term_str(x, str + 5, &s->comm, &s->has_comm, 7, &term)))
			return rc;
	}
	if (c->file) {
		str = ss(&x->m, term, " name=");
		if (str != NPOS && search_common_path(x, str + 6))
			return 8;
	}
	if (c->success != S_UNSET) {
		str = ss(&x->m, term, "res=");
		if (str != NPOS)
			s->success = (int)sul(&x->m, str + 4);
	}
	return 0;
}

int search_parse_tty(struct px *x)
{
	const struct search_criteria *c = x->c;
	struct search_items *s = x->s;
	size_t term = 0, str, e;
	unsigned long v;
	int rc;

	if (c->pid != -1) {
		if ((rc = num_at(x, &term, "pid=", 4, &v)) < 0)
			return 1;
		if (rc)
			s->pid = (long)(int)v;	/* ref 3.0.9: a pid_t */
	}
	/* read from the '=' of " uid=", as the reference does: 0 */
	if (search_want_uid(x)) {
		if ((rc = num_at(x, &term, " uid=", 4, &v)) < 0)
			return 3;
		if (rc)
			set_uid(s, (uint32_t)v);
	}
	if (search_want_loginuid(x)) {
		str = ss(&x->m, term, "auid=");
		if (str == NPOS)
			return 5;
		set_auid(s, (uint32_t)sul(&x->m, str + 5));
		e = sc(&x->m, str + 5, ' ');
		term = e == NPOS ? str + 5 : e;
	}
	if (c->session != (uint32_t)-2) {
		if ((rc = num_at(x, &term, "ses=", 4, &v)) < 0)
			return 7;
		if (rc)
			s->session = (uint32_t)v;
	}
	if (c->comm) {
		str = ss(&x->m, term, "comm=");
		if (str != NPOS &&
		    (rc = term_str(x, str + 5, &s->comm, &s->has_comm, 11, &term)))
			return rc;
	}
	return 0;
}

int search_parse_pkt(struct px *x)
{
	struct search_items *s = x->s;
	size_t term = 0, str, e;

	if (x->c->host) {
		str = ss(&x->m, 0, "saddr=");
		if (str != NPOS) {
			e = sc(&x->m, str + 6, ' ');
			if (e == NPOS)
				return 1;
			s->host = span_sub(x->m.m, str + 6, e);
			s->has_host = true;
			term = e;
		}
	}
	if (x->c->object) {
		str = ss(&x->m, term, "obj=");
		if (str != NPOS) {
			e = sc(&x->m, str + 4, ' ');
			search_add_obj(s, span_sub(x->m.m, str + 4,
					       e == NPOS ? x->m.m.n : e));
		}
	}
	return 0;
}

/* pid, uid, auid of a kernel record not filled by an earlier record;
 * a missing uid is 0 and a missing auid unset (-1). */
static int kernel_ids(struct px *x, size_t *term)
{
	const struct search_criteria *c = x->c;
	struct search_items *s = x->s;
	unsigned long v = 0;
	int rc;

	if (c->pid != -1 && s->pid == -1) {
		if ((rc = num_at(x, term, " pid=", 5, &v)) < 0)
			return 52;
		if (rc == 0)
			return 54;
		s->pid = (long)(int)v;	/* ref 3.0.9: a pid_t */
	}
	if (s->uid == (uint32_t)-1 && !s->has_tuid && search_want_uid(x)) {
		v = 0;
		if (num_at(x, term, "uid=", 4, &v) < 0)
			return 55;
		set_uid(s, (uint32_t)v);
	}
	if (s->loginuid == (uint32_t)-2 && !s->has_tauid &&
	    search_want_loginuid(x)) {
		v = (uint32_t)-1;
		if (num_at(x, term, "auid=", 5, &v) < 0)
			return 57;
		set_auid(s, (uint32_t)v);
	}
	return 0;
}

int search_parse_kernel(struct px *x)
{
	const struct search_criteria *c = x->c;
	struct search_items *s = x->s;
	size_t term = 0, str, e;
	unsigned long v;
	int rc;

	if ((rc = kernel_ids(x, &term)))
		return rc;
	if (!s->has_terminal && c->terminal) {
		str = ss(&x->m, term, "tty=");
		if (str != NPOS) {
			e = sc(&x->m, str + 4, ' ');
			if (e == NPOS)
				return 59;
			s->terminal = span_sub(x->m.m, str + 4, e);
			term = e;
		} else {
			s->terminal = SPAN_LIT("(none)");
		}
		s->has_terminal = true;
	}
	if (s->session == (uint32_t)-2 && c->session != (uint32_t)-2) {
		v = (uint32_t)-1;
		if (num_at(x, &term, "ses=", 4, &v) < 0)
			return 60;
		s->session = (uint32_t)v;
	}
	if (!(s->has_avc || s->nsubj || s->nobj) && c->subject) {
		if (ss(&x->m, term, "subj=") == NPOS)
			return 64;
		if ((rc = search_parse_ctx(x, &term, "subj=", true, 62)))
			return rc;
	}
	if (!s->has_comm && c->comm) {
		str = ss(&x->m, term, "comm=");
		if (str == NPOS)
			return 66;
		if ((rc = term_str(x, str + 5, &s->comm, &s->has_comm, 65, &term)))
			return rc;
	}
	if (!s->has_exe && c->exe) {
		str = ss(&x->m, 0, "exe=");
		if (str == NPOS) {
			s->exe = SPAN_LIT("(null)");
			s->has_exe = true;
		} else if ((rc = term_str(x, str + 4, &s->exe, &s->has_exe, 67,
					  &term))) {
			return rc;
		}
	}
	if (c->success != S_UNSET) {
		str = ss(&x->m, term, "res=");
		if (str != NPOS)
			s->success = (int)sul(&x->m, str + 4);
	}
	return 0;
}
