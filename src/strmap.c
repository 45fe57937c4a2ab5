/* SPDX-License-Identifier: ISC */
/* strmap.c: the one hash table of the project, strings to numbers. */
#include "config.h"

#include "strmap.h"

#include <stdlib.h>
#include <string.h>

#include "xmalloc.h"

void
strmap_init(struct strmap *m)
{
	memset(m, 0, sizeof *m);
}

void
strmap_clear(struct strmap *m)
{
	free(m->slots);
	memset(m, 0, sizeof *m);
}

/* The slot of key, or the empty one where it would go; cap is not 0.
 * Inline: the lookups of the generator and the path cache spend their time
 * here. */
static inline struct strmap_slot *
slot(const struct strmap *m, const char *key, size_t len, size_t h)
{
	struct strmap_slot *s;
	size_t i;

	for (i = h & (m->cap - 1);; i = (i + 1) & (m->cap - 1)) {
		s = &m->slots[i];
		if (s->key == NULL || (s->hash == h && s->len == len &&
		    memcmp(s->key, key, len) == 0))
			return s;
	}
}

size_t *
strmap_get(const struct strmap *m, const char *key, size_t len, size_t h)
{
	struct strmap_slot *s;

	if (m->cap == 0)
		return NULL;
	s = slot(m, key, len, h);
	return s->key != NULL ? &s->value : NULL;
}

/* Moves the keys to a table of cap slots. */
static void
resize(struct strmap *m, size_t cap)
{
	struct strmap_slot *old = m->slots;
	size_t oldcap = m->cap, i;

	m->cap = cap;
	m->slots = xcalloc(m->cap, sizeof *m->slots);
	for (i = 0; i < oldcap; i++) {
		if (old[i].key != NULL)
			*slot(m, old[i].key, old[i].len, old[i].hash) = old[i];
	}
	free(old);
}

void
strmap_reserve(struct strmap *m, size_t n)
{
	size_t cap = m->cap == 0 ? 16 : m->cap;

	/* At most half full, as strmap_put keeps it. */
	while ((n + 1) * 2 > cap)
		cap *= 2;
	if (cap > m->cap)
		resize(m, cap);
}

size_t *
strmap_put(struct strmap *m, const char *key, size_t len, size_t h,
    int *added)
{
	struct strmap_slot *s;

	if ((m->n + 1) * 2 > m->cap)
		resize(m, m->cap == 0 ? 16 : m->cap * 2);
	s = slot(m, key, len, h);
	if (added != NULL)
		*added = s->key == NULL;
	if (s->key == NULL) {
		s->key = key;
		s->len = len;
		s->hash = h;
		s->value = 0;
		m->n++;
	}
	return &s->value;
}
