/* search_parse - the per-record-type extraction of ausearch 3.0.9
 * (src/ausearch-parse.c behaviour: which fields each record type gives,
 * where the scan restarts, which missing field fails the event). */
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


bool search_want_loginuid(const struct px *x)
{
	return x->c->loginuid != (uint32_t)-2 || x->c->tauid;
}

bool search_want_uid(const struct px *x)
{
	return x->c->uid != (uint32_t)-1 || x->c->tuid;
}

/* a quoted or hex value at i into *out; err when a quote is unclosed */
int search_str_value(struct px *x, size_t i, struct span *out, bool *has,
		     int err)
{
	if (at(&x->m, i) == '"') {
		if (!search_quoted(&x->m, i, out, NULL))
			return err;
		*has = true;
	} else {
		*has = search_unescape(x->s, &x->m, i, out);
	}
	return 0;
}

void search_add_subj(struct search_items *s, struct span v)
{
	if (s->nsubj < SEARCH_MAX_STRS)
		s->subj[s->nsubj++] = v;
}

void search_add_obj(struct search_items *s, struct span v)
{
	if (s->nobj < SEARCH_MAX_STRS)
		s->obj[s->nobj++] = v;
}

/* "name=" value up to the next space, scanning from *term; the value's
 * end becomes the new *term. Returns 1 found, 0 absent, -1 no space. */
int search_num_field(struct px *x, size_t *term, const char *name,
		     unsigned long *v)
{
	size_t str = ss(&x->m, *term, name), e;

	if (str == NPOS)
		return 0;
	e = sc(&x->m, str + strlen(name), ' ');
	if (e == NPOS)
		return -1;
	*v = sul(&x->m, str + strlen(name));
	*term = e;
	return 1;
}

int search_parse_task_info(struct px *x, size_t term)
{
	const struct search_criteria *c = x->c;
	struct search_items *s = x->s;
	unsigned long v;
	size_t str, ptr;
	int r;

	if (c->ppid != -1) {
		r = search_num_field(x, &term, "ppid=", &v);
		if (r < 0)
			return 14;
		if (r)
			s->ppid = (long)(int)v;
	}
	if (c->pid != -1) {
		r = search_num_field(x, &term, " pid=", &v);
		if (r == 0)
			return 16;
		if (r < 0)
			return 17;
		s->pid = (long)(int)v;	/* ref 3.0.9: a pid_t */
	}
	if (search_want_loginuid(x)) {
		str = ss(&x->m, term, "auid=");
		if (str == NPOS) {
			str = ss(&x->m, term, "loginuid=");
			if (str == NPOS)
				return 19;
			ptr = str + 9;
		} else {
			ptr = str + 5;
		}
		term = sc(&x->m, ptr, ' ');
		if (term == NPOS)
			return 20;
		s->loginuid = (uint32_t)sul(&x->m, ptr);
		s->has_tauid = search_lookup_uid(s, "auid", s->loginuid, &s->tauid);
	}
	if (search_want_uid(x)) {
		for (;;) {
			str = ss(&x->m, term, "uid=");
			if (str == NPOS)
				return 22;
			if (str > 0 && at(&x->m, str - 1) == 'a') {
				term = str + 1;
				continue;
			}
			break;
		}
		term = sc(&x->m, str + 4, ' ');
		if (term == NPOS)
			return 23;
		s->uid = (uint32_t)sul(&x->m, str + 4);
		s->has_tuid = search_lookup_uid(s, "uid", s->uid, &s->tuid);
	}
	if (c->gid != (uint32_t)-1) {
		r = search_num_field(x, &term, "gid=", &v);
		if (r == 0)
			return 25;
		if (r < 0)
			return 26;
		s->gid = (uint32_t)v;
	}
	if (c->euid != (uint32_t)-1 || c->teuid) {
		r = search_num_field(x, &term, "euid=", &v);
		if (r == 0)
			return 28;
		if (r < 0)
			return 29;
		s->euid = (uint32_t)v;
		s->has_teuid = search_lookup_uid(s, "euid", s->euid, &s->teuid);
	}
	if (c->egid != (uint32_t)-1) {
		r = search_num_field(x, &term, "egid=", &v);
		if (r == 0)
			return 31;
		if (r < 0)
			return 32;
		s->egid = (uint32_t)v;
	}
	if (c->terminal) {
		str = ss(&x->m, term, "tty=");
		if (str != NPOS) {
			term = sc(&x->m, str + 4, ' ');
			if (term == NPOS)
				return 34;
			s->terminal = span_sub(x->m.m, str + 4, term);
			s->has_terminal = true;
		}
	}
	if (c->session != (uint32_t)-2) {
		r = search_num_field(x, &term, "ses=", &v);
		if (r < 0)
			return 35;
		if (r)
			s->session = (uint32_t)v;
	}
	if (c->comm) {
		str = ss(&x->m, term, "comm=");
		if (str == NPOS)
			return 38;
		s->has_comm = false;
		if (at(&x->m, str + 5) == '"') {
			if (!search_quoted(&x->m, str + 5, &s->comm, &term))
				return 37;
			s->has_comm = true;
		} else {
			s->has_comm = search_unescape(s, &x->m, str + 5, &s->comm);
		}
	}
	if (c->exe) {
		str = ss(&x->m, 0, "exe=");
		if (str == NPOS)
			return 40;
		if (at(&x->m, str + 4) == '"') {
			if (!search_quoted(&x->m, str + 4, &s->exe, &term))
				return 39;
			s->has_exe = true;
		} else {
			s->has_exe = search_unescape(s, &x->m, str + 4, &s->exe);
		}
	}
	if (c->subject) {
		str = ss(&x->m, term, "subj=");
		if (str != NPOS) {
			term = sc(&x->m, str + 5, ' ');
			if (term == NPOS)
				return 41;
			search_add_subj(s, span_sub(x->m.m, str + 5, term));
		}
	}
	if (c->success != S_UNSET) {
		str = ss(&x->m, term, "res=");
		if (str != NPOS) {
			s->success = (int)sul(&x->m, str + 4);
			term = sc(&x->m, str + 4, ' ');
		}
	}
	return 0;
}

static void add_key(struct search_items *s, struct span k)
{
	if (s->nkeys < SEARCH_MAX_STRS)
		s->keys[s->nkeys++] = k;
}

/* key=: quoted, or hex holding keys joined by \x01 */
int search_key_field(struct px *x, size_t str, int err_quote, int err_hex)
{
	struct span v;
	size_t i, j;

	if (at(&x->m, str) == '"') {
		if (!search_quoted(&x->m, str, &v, NULL))
			return err_quote;
		add_key(x->s, v);
		return 0;
	}
	if (!search_unescape(x->s, &x->m, str, &v))
		return err_hex;
	for (i = 0; i < v.n; i = j + 1) {
		j = i;
		while (j < v.n && v.p[j] != '\x01')
			j++;
		if (j > i)
			add_key(x->s, span_sub(v, i, j));
	}
	return 0;
}

int search_parse_syscall(struct px *x)
{
	const struct search_criteria *c = x->c;
	struct search_items *s = x->s;
	size_t term = 0, str;
	int ret;

	if (c->want_arch || c->machine != -1) {
		str = ss(&x->m, term, "arch=");
		if (str == NPOS)
			return 1;
		term = sc(&x->m, str + 5, ' ');
		if (term == NPOS)
			return 2;
		s->arch = (uint32_t)search_sulx(&x->m, str + 5);
		if (search_erange16(&x->m, str + 5)) {
			s->cut = term;	/* ref 3.0.9 left its NUL there */
			return 3;
		}
	}
	str = ss(&x->m, term, "syscall=");
	if (str == NPOS)
		return 4;
	term = sc(&x->m, str + 8, ' ');
	if (term == NPOS)
		return 5;
	s->syscall = (int)sul(&x->m, str + 8);
	if (search_erange(&x->m, str + 8, false)) {
		s->cut = term;	/* ref 3.0.9 left its NUL there */
		return 6;
	}
	if (c->success != S_UNSET) {
		str = ss(&x->m, term, "success=");
		if (str != NPOS) {
			term = sc(&x->m, str + 8, ' ');
			if (term == NPOS)
				return 7;
			s->success = span_eqs(span_sub(x->m.m, str + 8, term),
					      "yes") ? S_SUCCESS : S_FAILED;
		}
	}
	if (c->exit_set) {
		str = ss(&x->m, term, "exit=");
		if (str == NPOS)
			return 8;
		term = sc(&x->m, str + 5, ' ');
		if (term == NPOS)
			return 9;
		s->exit = search_sll0(&x->m, str + 5);
		if (search_erange(&x->m, str + 5, true)) {
			s->cut = term;
			return 10;
		}
		s->exit_set = true;
	}
	str = ss(&x->m, term, "a0=");
	if (str == NPOS)
		return 11;
	term = sc(&x->m, str + 3, ' ');
	if (term == NPOS)
		return 12;
	if (search_erange16(&x->m, str + 3)) {
		s->cut = term;
		return 13;
	}
	str = ss(&x->m, term, "a1=");
	if (str == NPOS)
		return 11;
	term = sc(&x->m, str + 3, ' ');
	if (term == NPOS)
		return 12;
	if (search_erange16(&x->m, str + 3)) {	/* ref 3.0.9 says 13 too */
		s->cut = term;
		return 13;
	}
	ret = search_parse_task_info(x, term);
	if (ret)
		return ret;
	if (c->key) {
		str = ss(&x->m, term, "key=");
		if (str != NPOS)
			return search_key_field(x, str + 4, 44, 45);
	}
	return 0;
}

int search_parse_dir(struct px *x)
{
	size_t str;

	if (!x->c->file)
		return 0;
	str = ss(&x->m, NAME_OFFSET < x->m.m.n ? NAME_OFFSET : x->m.m.n,
		 " cwd=");
	if (str == NPOS || x->s->has_cwd)
		return 0;
	str += 5;
	if (at(&x->m, str) == '"') {
		if (!search_quoted(&x->m, str, &x->s->cwd, NULL))
			return 1;
		x->s->has_cwd = true;
	} else {
		x->s->has_cwd = search_unescape(x->s, &x->m, str, &x->s->cwd);
	}
	return 0;
}

static void add_file(struct search_items *s, struct span f)
{
	if (f.n >= 2 && f.p[0] == '.' && (f.p[1] == '.' || f.p[1] == '/') &&
	    s->has_cwd) {
		char *p = arena_take(s, s->cwd.n + 1 + f.n);

		if (p) {
			memcpy(p, s->cwd.p, s->cwd.n);
			p[s->cwd.n] = '/';
			memcpy(p + s->cwd.n + 1, f.p, f.n);
			f = (struct span){ p, s->cwd.n + 1 + f.n };
		}
	}
	if (s->nfiles < SEARCH_MAX_STRS)
		s->files[s->nfiles++] = f;
}

int search_common_path(struct px *x, size_t path)
{
	struct span v;
	size_t e;

	if (at(&x->m, path) == '"') {
		if (!search_quoted(&x->m, path, &v, NULL))
			return 2;
		add_file(x->s, v);
		return 0;
	}
	if (x->m.m.n - path >= 6 && memcmp(x->m.m.p + path, "(null)", 6) == 0) {
		add_file(x->s, SPAN_LIT("(null)"));
		return 0;
	}
	if (!isxdigit((unsigned char)at(&x->m, path)))
		return 4;
	if (!(at(&x->m, path) == '0' && at(&x->m, path + 1) == '0')) {
		e = sc(&x->m, path, ' ');
		if (e == NPOS)
			return 5;
	} else {
		path += 2;
	}
	if (!search_unescape(x->s, &x->m, path, &v))
		return 7;
	add_file(x->s, v);
	return 0;
}

int search_avc_parse_path(struct px *x)
{
	size_t str;

	if (!x->c->file)
		return 0;
	str = ss(&x->m, 0, " path=");
	if (str == NPOS)
		return 1;
	return search_common_path(x, str + 6);
}

int search_parse_path(struct px *x)
{
	size_t term = NAME_OFFSET < x->m.m.n ? NAME_OFFSET : x->m.m.n, str;
	int rc;

	if (x->c->file) {
		str = ss(&x->m, term, " name=");
		if (str != NPOS) {
			rc = search_common_path(x, str + 6);
			if (rc)
				return rc;
			term = str + 6;
		}
	}
	if (x->c->object) {
		str = ss(&x->m, term, "obj=");
		if (str != NPOS) {
			size_t e = sc(&x->m, str + 4, ' ');

			search_add_obj(x->s, span_sub(x->m.m, str + 4,
					       e == NPOS ? x->m.m.n : e));
		}
	}
	return 0;
}

