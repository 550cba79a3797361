/* checkpt - ausearch's checkpoint file and resume decision (audit 3.0.9
 * ausearch(8) --checkpoint). The parser reads the file the way the
 * reference does (fgets lines, strtoull, one sscanf), so a file it takes
 * or refuses is taken or refused here alike. */
#include <auditbox/checkpt.h>

#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* One scanf integer conversion of the reference's format: blanks, a
 * sign, for base 16 an optional 0x, digits; at most width characters
 * after the blanks (0: no limit). The token goes to tok (cap bytes).
 * Returns where it ends, or NULL when there is no number. */
static const char *cp_token(const char *p, int base, size_t width,
			    char *tok, size_t cap)
{
	const char *s;
	size_t w = width ? width : (size_t)-1;
	int digits = 0, prefix = 0;

	while (isspace((unsigned char)*p))
		p++;
	s = p;
	if (w && (*p == '+' || *p == '-'))
		p++, w--;
	if (base == 16 && w >= 2 && p[0] == '0' && (p[1] | 0x20) == 'x')
		p += 2, w -= 2, prefix = 1;
	while (w && (base == 16 ? isxdigit((unsigned char)*p) :
		     isdigit((unsigned char)*p)))
		p++, w--, digits++;
	if (!digits && !prefix)
		return NULL;
	snprintf(tok, cap, "%.*s", (int)(p - s), s);	/* a line fits */
	return p;
}

/* scanf's unsigned conversions are strtoul's (saturating); %u and %X
 * then keep the low 32 bits. */
static const char *cp_unsigned(const char *p, int base, size_t width,
			       unsigned long long *v)
{
	char tok[CHECKPT_LINE_MAX];

	p = cp_token(p, base, width, tok, sizeof tok);
	if (p)
		*v = strtoull(tok, NULL, base);
	return p;
}

/* "<sec>.<milli>:<serial> 0x<type>" as sscanf("%jd.%03u:%lu 0x%X"). */
static int cp_scan_event(const char *p, struct checkpt_event *e)
{
	char tok[CHECKPT_LINE_MAX];
	unsigned long long v;

	p = cp_token(p, 10, 0, tok, sizeof tok);
	if (!p || *p++ != '.')
		return -1;
	e->sec = strtoll(tok, NULL, 10);
	if (!(p = cp_unsigned(p, 10, 3, &v)) || *p++ != ':')
		return -1;
	e->milli = (unsigned)v;
	if (!(p = cp_unsigned(p, 10, 0, &v)))
		return -1;
	e->serial = (unsigned long)v;
	if (!isspace((unsigned char)*p))
		return -1;
	while (isspace((unsigned char)*p))
		p++;
	if (p[0] != '0' || p[1] != 'x')
		return -1;
	if (!cp_unsigned(p + 2, 16, 0, &v))
		return -1;
	e->type = (unsigned)v;
	return 0;
}

/* strtoull as glibc's: only overflow is an error (some libcs also say
 * EINVAL when there is no digit). The value is stored either way. */
static int cp_ull(const char *s, int base, uint64_t *v)
{
	char *end;

	errno = 0;
	*v = strtoull(s, &end, base);
	return end != s && errno == ERANGE ? -1 : 0;
}

/* One line (NUL-terminated in cp->line): 0, or an enum checkpt_err. */
static int cp_line(struct checkpt *cp)
{
	char *l = cp->line, *rest;

	if (strncmp(l, "dev=", 4) == 0)
		return cp_ull(l + 4, 16, &cp->dev) ? CHECKPT_EDEV : 0;
	if (strncmp(l, "inode=", 6) == 0)
		return cp_ull(l + 6, 0, &cp->ino) ? CHECKPT_EINODE : 0;
	if (strncmp(l, "output=", 7) != 0)
		return CHECKPT_EUNKNOWN;
	cp->ev.has_node = false;
	rest = strchr(l + 7, ' ');
	if (!rest)
		return CHECKPT_ENODE;
	*rest++ = '\0';		/* the message shows the line cut here */
	if (l[7] != '-') {
		cp->ev.has_node = true;
		snprintf(cp->ev.node, sizeof cp->ev.node, "%s", l + 7);
	}
	return cp_scan_event(rest, &cp->ev) ? CHECKPT_EAFTER : 0;
}

int checkpt_parse(struct checkpt *cp, const char *buf, size_t len)
{
	size_t pos = 0;

	memset(cp, 0, sizeof *cp);
	while (pos < len) {
		size_t n = len - pos;
		const char *nl = memchr(buf + pos, '\n', n);

		if (nl)
			n = (size_t)(nl - (buf + pos)) + 1;
		if (n > CHECKPT_LINE_MAX - 1)
			n = CHECKPT_LINE_MAX - 1;
		memcpy(cp->line, buf + pos, n);
		cp->line[n] = '\0';
		pos += n;
		n = strlen(cp->line);
		if (n && cp->line[n - 1] == '\n')
			cp->line[n - 1] = '\0';
		if ((cp->err = cp_line(cp)) != 0)
			break;
	}
	cp->missing = cp->dev == 0 || cp->ino == 0;
	return cp->err || cp->missing ? -1 : 0;
}

size_t checkpt_format(char *out, size_t cap, uint64_t dev, uint64_t ino,
		      const struct checkpt_event *last)
{
	int n = snprintf(out, cap, "dev=0x%" PRIX64 "\ninode=%" PRIu64
			 "\noutput=%s %lu.%03u:%lu 0x%X\n", dev, ino,
			 last->has_node ? last->node : "-",
			 (unsigned long)last->sec,
			 last->milli, last->serial, last->type);

	return n < 0 ? 0 : (size_t)n;
}

void checkpt_event_set(struct checkpt_event *out, const struct event *e)
{
	out->has_node = e->node.n > 0;
	snprintf(out->node, sizeof out->node, SPAN_FMT, SPAN_ARG(e->node));
	out->sec = (int64_t)e->sec;
	out->milli = e->milli;
	out->serial = e->serial;
	out->type = (unsigned)e->type;
}

int checkpt_decide(const struct checkpt *cp, bool have, bool time_only,
		   bool *can_output, const struct event *e)
{
	const struct checkpt_event *c = &cp->ev;
	int64_t sec = (int64_t)e->sec;

	if (*can_output)
		return CHECKPT_OUTPUT;
	if (!have || c->sec == 0) {
		*can_output = true;
		return CHECKPT_OUTPUT;
	}
	if (time_only && (c->sec < sec ||
			  (c->sec == sec && c->milli <= e->milli))) {
		*can_output = true;
		return CHECKPT_OUTPUT;
	}
	if (c->sec == sec && c->milli == e->milli &&
	    c->serial == e->serial && c->type == (unsigned)e->type &&
	    c->has_node == (e->node.n > 0) &&
	    (!c->has_node || span_eqs(e->node, c->node))) {
		*can_output = true;
		return CHECKPT_AFTER;
	}
	/* ref 3.0.9 MAX_EVENT_DELTA_SECS */
	if (c->sec < sec && sec - c->sec > 2)
		return CHECKPT_CORRUPT;
	return CHECKPT_SKIP;
}
