/* cpu.h - core-private: may this x86-64 CPU run AVX2 code? What libgcc's
 * __builtin_cpu_supports("avx2") reads (cpuid leaves 1 and 7, the OS's
 * YMM state by xgetbv), without its 5 KB model tables. Remembered per
 * file after the first call. */
#ifndef AUDITBOX_CPU_H
#define AUDITBOX_CPU_H

#include <cpuid.h>
#include <stdbool.h>
#include <stddef.h>

static inline bool cpu_avx2(void)
{
	static int known = -1;	/* -1 not asked yet, else 0 or 1 */
	int k = __atomic_load_n(&known, __ATOMIC_RELAXED);
	unsigned a, b, c, d, lo, hi;

	if (k >= 0)
		return k;
	k = 0;
	if (__get_cpuid_max(0, NULL) >= 7 && __get_cpuid(1, &a, &b, &c, &d) &&
	    (c & bit_OSXSAVE) && (c & bit_AVX)) {
		__asm__("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
		__cpuid_count(7, 0, a, b, c, d);
		k = (lo & 6) == 6 && (b & bit_AVX2);
	}
	(void)hi;
	__atomic_store_n(&known, k, __ATOMIC_RELAXED);
	return k;
}

#endif
