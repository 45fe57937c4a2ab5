/* SPDX-License-Identifier: ISC */
/* hash.h: the string hashes of the project. hash_bytes is FNV-1a's steps
 * with its 32-bit constants, in size_t arithmetic, a byte at a step so that
 * every prefix's hash comes in one pass (hash_more); hash_words takes eight
 * bytes at a step, for long keys whose prefixes are never wanted, such as
 * the preview's lines. The two do not agree: a table keeps to one. */
#ifndef SBPOLICY_HASH_H
#define SBPOLICY_HASH_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

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

/* The hash of the first len bytes of s, eight at a step. */
static inline size_t
hash_words(const char *s, size_t len)
{
	uint64_t h = 0x9e3779b97f4a7c15u ^ len, w;
	size_t i;

	for (i = 0; i + 8 <= len; i += 8) {
		memcpy(&w, s + i, 8);
		h = (h ^ w) * 0xff51afd7ed558ccdu;
		h ^= h >> 32;
	}
	w = 0;
	memcpy(&w, s + i, len - i);
	h = (h ^ w) * 0xc4ceb9fe1a85ec53u;
	return (size_t)(h ^ (h >> 29));
}

#endif
