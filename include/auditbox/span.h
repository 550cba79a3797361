/* span - a {pointer, length} view into someone else's bytes (apk_blob
 * style). Nothing here allocates; all helpers are inline. */
#ifndef AUDITBOX_SPAN_H
#define AUDITBOX_SPAN_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

struct span {
	const char *p;
	size_t n;
};

#define SPAN_LIT(s) ((struct span){ (s), sizeof(s) - 1 })
#define SPAN_FMT "%.*s"
#define SPAN_ARG(s) (int)(s).n, (s).p

/* A span over a NUL-terminated string (NULL gives the empty span). */
static inline struct span span_str(const char *s)
{
	return (struct span){ s, s ? strlen(s) : 0 };
}

/* True when both spans hold the same bytes. */
static inline bool span_eq(struct span a, struct span b)
{
	return a.n == b.n && (a.n == 0 || memcmp(a.p, b.p, a.n) == 0);
}

/* True when a equals the NUL-terminated s. */
static inline bool span_eqs(struct span a, const char *s)
{
	return span_eq(a, span_str(s));
}

/* Offset of the first occurrence of needle in hay at or after from,
 * or (size_t)-1 (strstr on a bounded haystack). */
static inline size_t span_find(struct span hay, size_t from, const char *needle)
{
	size_t nl = strlen(needle);
	const char *p, *end;

	if (from > hay.n || hay.n - from < nl || nl == 0)
		return nl == 0 && from <= hay.n ? from : (size_t)-1;
	/* short needles, short lines: memchr on the first byte wins */
	p = hay.p + from;
	end = hay.p + hay.n - nl + 1;
	while (p < end && (p = memchr(p, needle[0], (size_t)(end - p)))) {
		if (memcmp(p + 1, needle + 1, nl - 1) == 0)
			return (size_t)(p - hay.p);
		p++;
	}
	return (size_t)-1;
}

/* Offset of byte c at or after from, or (size_t)-1 (strchr). */
static inline size_t span_chr(struct span s, size_t from, char c)
{
	const char *r;

	if (from >= s.n)
		return (size_t)-1;
	r = memchr(s.p + from, c, s.n - from);
	return r ? (size_t)(r - s.p) : (size_t)-1;
}

/* The sub-span [from, to) clamped to s. */
static inline struct span span_sub(struct span s, size_t from, size_t to)
{
	if (to > s.n)
		to = s.n;
	if (from > to)
		from = to;
	return (struct span){ s.p + from, to - from };
}

#endif
