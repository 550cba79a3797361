/* search_find - the prefilter of ausearch's -k and -p: where in a buffer
 * of log lines the text that could make an event match may be, so that
 * events without any is never extracted (search_match then says "no
 * match" for them, as the full extraction would). */
#include <auditbox/search.h>

#include <ctype.h>
#include <stdio.h>
#include <string.h>

/* What to look for: a text, or a field name (4 bytes, "key=" / "pid=")
 * whose value could match without holding the text. */
struct want {
	const char *text;
	size_t tn;
	char num[24];
	const char *field;
	bool (*odd)(const char *p, size_t j, size_t n);	/* value at p[j] */
};

/* key=: hex (search_unescape) may decode to any key. Quoted and "(...)"
 * keys are matched as written: the text rule finds them. */
static bool key_odd(const char *p, size_t j, size_t n)
{
	return j < n && isxdigit((unsigned char)p[j]);
}

/* pid=: sul() skips blanks and takes a sign, and the value is cut to a
 * 32-bit pid: from 10 digits on it may stand for any pid; a shorter digit
 * run is the value, leading zeros then the text. */
static bool pid_odd(const char *p, size_t j, size_t n)
{
	size_t k;

	if (j >= n || !isdigit((unsigned char)p[j]))
		return true;
	for (k = j; k < n && k - j < 10 && isdigit((unsigned char)p[k]); k++)
		;
	return k - j >= 10 || k == n;
}

static bool cand(const struct want *w, const char *p, size_t i, size_t n)
{
	size_t j;

	if (i + w->tn <= n) {
		for (j = 0; j < w->tn && p[i + j] == w->text[j]; j++)
			;
		if (j == w->tn)
			return true;
	}
	return i + 4 <= n && p[i] == w->field[0] && p[i + 1] == w->field[1] &&
	       p[i + 2] == w->field[2] && p[i + 3] == w->field[3] &&
	       w->odd(p, i + 4, n);
}

/* The key when there is one (usually rarer than a pid's digits). */
static bool want_of(const struct search_criteria *c, struct want *w)
{
	if (c->key && c->key[0]) {
		w->text = c->key;
		w->tn = strlen(c->key);
		w->field = "key=";
		w->odd = key_odd;
		return true;
	}
	if (c->pid > 0) {
		w->tn = (size_t)snprintf(w->num, sizeof w->num, "%ld", c->pid);
		w->text = w->num;
		w->field = "pid=";
		w->odd = pid_odd;
		return true;
	}
	return false;
}

bool search_findable(const struct search_criteria *c)
{
	struct want w;

	/* -hn and -f: every SOCKADDR is read, for its messages */
	return !c->host && !c->file && want_of(c, &w);
}

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>

#include "cpu.h"
#define FIND_AVX2 1

/* The SSE2 loop below, 32 bytes a step, for CPUs with AVX2 (the binary
 * is built for every x86-64). Sets *at where it stopped. */
__attribute__((target("avx2")))
static const char *find_avx2(const struct want *w, const char *p, size_t n,
			     size_t *at)
{
	size_t i = 0, span = w->tn > 4 ? w->tn : 4;
	const __m256i f = _mm256_set1_epi8(w->text[0]);
	const __m256i l = _mm256_set1_epi8(w->text[w->tn - 1]);
	const __m256i f0 = _mm256_set1_epi8(w->field[0]);
	const __m256i eq = _mm256_set1_epi8('=');

	for (; i + 32 + span - 1 <= n; i += 32) {
		const char *q = p + i;
		__m256i a = _mm256_loadu_si256((const __m256i *)(const void *)q);
		__m256i b = _mm256_loadu_si256(
			(const __m256i *)(const void *)(q + w->tn - 1));
		__m256i d = _mm256_loadu_si256(
			(const __m256i *)(const void *)(q + 3));
		__m256i hit = _mm256_or_si256(
			_mm256_and_si256(_mm256_cmpeq_epi8(a, f),
					 _mm256_cmpeq_epi8(b, l)),
			_mm256_and_si256(_mm256_cmpeq_epi8(a, f0),
					 _mm256_cmpeq_epi8(d, eq)));
		unsigned m = (unsigned)_mm256_movemask_epi8(hit);

		for (; m; m &= m - 1) {
			size_t j = i + (size_t)__builtin_ctz(m);

			if (cand(w, p, j, n)) {
				*at = i;
				return p + j;
			}
		}
	}
	*at = i;
	return NULL;
}
#endif

const char *search_find(const struct search_criteria *c, const char *p,
			const char *end)
{
	struct want w;
	size_t n = (size_t)(end - p), i = 0;

	if (!want_of(c, &w))
		return p;
#ifdef FIND_AVX2
	if (cpu_avx2()) {
		const char *h = find_avx2(&w, p, n, &i);

		if (h)
			return h;
	}
#endif
#ifdef __SSE2__
	{
		size_t span = w.tn > 4 ? w.tn : 4;
		const __m128i f = _mm_set1_epi8(w.text[0]);
		const __m128i l = _mm_set1_epi8(w.text[w.tn - 1]);
		const __m128i f0 = _mm_set1_epi8(w.field[0]);
		const __m128i eq = _mm_set1_epi8('=');

		/* first and last byte of the text, or those of the field */
		for (; i + 16 + span - 1 <= n; i += 16) {
			const char *q = p + i;
			__m128i a = _mm_loadu_si128((const __m128i *)(const void *)q);
			__m128i b = _mm_loadu_si128(
				(const __m128i *)(const void *)(q + w.tn - 1));
			__m128i d = _mm_loadu_si128(
				(const __m128i *)(const void *)(q + 3));
			__m128i hit = _mm_or_si128(
				_mm_and_si128(_mm_cmpeq_epi8(a, f),
					      _mm_cmpeq_epi8(b, l)),
				_mm_and_si128(_mm_cmpeq_epi8(a, f0),
					      _mm_cmpeq_epi8(d, eq)));
			unsigned m = (unsigned)_mm_movemask_epi8(hit);

			for (; m; m &= m - 1) {
				size_t j = i + (size_t)__builtin_ctz(m);

				if (cand(&w, p, j, n))
					return p + j;
			}
		}
	}
#endif
	for (; i < n; i++)
		if ((p[i] == w.text[0] || p[i] == w.field[0]) &&
		    cand(&w, p, i, n))
			return p + i;
	return NULL;
}
