/* SPDX-License-Identifier: ISC */
/* hash.h: the one string hash of the project, for small tables: FNV-1a's
 * steps with its 32-bit constants, in size_t arithmetic. */
#ifndef SBPOLICY_HASH_H
#define SBPOLICY_HASH_H

#include <stddef.h>

/* The hash of the first len bytes of s. */
static inline size_t
hash_bytes(const char *s, size_t len)
{
	size_t h = 2166136261u, i;

	for (i = 0; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

#endif
