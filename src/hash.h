/* SPDX-License-Identifier: ISC */
/* hash.h: the one string hash of the project, for small tables: FNV-1a's
 * steps with its 32-bit constants, in size_t arithmetic. */
#ifndef SBPOLICY_HASH_H
#define SBPOLICY_HASH_H

#include <stddef.h>

/* The hash h of some bytes, followed by the byte c: so that the hashes of
 * every prefix of a string cost one pass. */
static inline size_t
hash_more(size_t h, char c)
{
	return (h ^ (unsigned char)c) * 16777619u;
}

/* The hash of the first len bytes of s. */
static inline size_t
hash_bytes(const char *s, size_t len)
{
	size_t h = 2166136261u, i;

	for (i = 0; i < len; i++)
		h = hash_more(h, s[i]);
	return h;
}

#endif
