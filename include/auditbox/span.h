/* span - a {pointer, length} view into someone else's bytes (apk_blob
 * style). Nothing here allocates; all helpers are inline. */
#ifndef AUDITBOX_SPAN_H
#define AUDITBOX_SPAN_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

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

/* memchr for the hot paths: 16 bytes a step where SSE2 exists (every
 * x86-64). The C library's may go a word at a time (musl), and audit
 * lines are short, so a cheap call matters as much as the inner loop. */
static inline const char *span_memchr(const char *s, char c, size_t n)
{
#ifdef __SSE2__
	const __m128i k = _mm_set1_epi8(c);
	size_t i = 0;

	for (; i + 16 <= n; i += 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
		unsigned m = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, k));

		if (m)
			return s + i + __builtin_ctz(m);
	}
	for (; i < n; i++)
		if (s[i] == c)
			return s + i;
	return NULL;
#else
	return memchr(s, c, n);
#endif
}

/* The first byte below 0x20 (a control character, the ENRICHED
 * separator among them) in s[0..n), or NULL: 16 bytes a step with SSE2. */
static inline const char *span_ctl(const char *s, size_t n)
{
	size_t i = 0;
#ifdef __SSE2__
	const __m128i k = _mm_set1_epi8(0x1f);

	for (; i + 16 <= n; i += 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
		unsigned m = (unsigned)_mm_movemask_epi8(
			_mm_cmpeq_epi8(_mm_min_epu8(v, k), v));

		if (m)
			return s + i + __builtin_ctz(m);
	}
#endif
	for (; i < n; i++)
		if ((unsigned char)s[i] < 0x20)
			return s + i;
	return NULL;
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
	while (p < end && (p = span_memchr(p, needle[0], (size_t)(end - p)))) {
		size_t k = 1;

		/* inline: a libc memcmp call per candidate costs more */
		while (k < nl && p[k] == needle[k])
			k++;
		if (k == nl)
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
	r = span_memchr(s.p + from, c, s.n - from);
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
