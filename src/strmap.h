/* SPDX-License-Identifier: ISC */
/* strmap.h: the one hash table of the project, strings to numbers. */
#ifndef SBPOLICY_STRMAP_H
#define SBPOLICY_STRMAP_H

#include <stddef.h>

/*
 * Open addressing over byte strings (not NUL-terminated: a key is a
 * pointer and a length), each with a size_t value: an index into the
 * caller's own array of entries, or a count. Keys are borrowed: the caller
 * keeps each one unchanged and alive while it is in the map. The hash is
 * the caller's too (hash_bytes, or carried along a path with hash_more),
 * so that the prefixes of one path cost one pass.
 */
struct strmap_slot {
	const char	*key;	/* NULL: empty */
	size_t		 len;
	size_t		 hash;
	size_t		 value;
};

struct strmap {
	struct strmap_slot	*slots;
	size_t			 cap;	/* 0, or a power of two */
	size_t			 n;
};

void	strmap_init(struct strmap *);
void	strmap_clear(struct strmap *);	/* frees the slots, not the keys */

/* Makes room for n keys in all, so that putting them does not grow the
 * table again and again. */
void	strmap_reserve(struct strmap *, size_t n);

/* The value of key (len bytes, hash h), or NULL. Borrowed until the next
 * strmap_put. */
size_t	*strmap_get(const struct strmap *, const char *key, size_t len,
	    size_t h);

/* The value of key, added with value 0 when it is not there yet (*added,
 * when not NULL, says which). Borrowed until the next strmap_put. */
size_t	*strmap_put(struct strmap *, const char *key, size_t len, size_t h,
	    int *added);

#endif
