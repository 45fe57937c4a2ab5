/* SPDX-License-Identifier: ISC */
/* bench.h: the clock and the sort that every benchmark program uses. */
#ifndef SBPOLICY_BENCH_H
#define SBPOLICY_BENCH_H

#include <time.h>

/* Milliseconds on the monotonic clock. */
static inline double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* qsort comparison of doubles, for medians and percentiles. */
static inline int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

#endif
