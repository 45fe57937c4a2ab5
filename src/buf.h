/* SPDX-License-Identifier: ISC */
/* buf.h: a growable byte buffer, always NUL-terminated. */
#ifndef SBPOLICY_BUF_H
#define SBPOLICY_BUF_H

#include <stdarg.h>
#include <stddef.h>
#include <string.h>

struct buf {
	char	*data;	/* NUL-terminated; NULL until the first append */
	size_t	 len;
	size_t	 cap;
};

void	 buf_init(struct buf *);
void	 buf_clear(struct buf *);	/* frees the storage */
void	 buf_reset(struct buf *);	/* keeps the storage, empties it */
/* Makes room for more bytes (and the NUL), so that appending them does
 * not grow the buffer again and again. */
void	 buf_reserve(struct buf *, size_t more);
void	 buf_printf(struct buf *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
/* Hands the string to the caller (free(3) it) and empties the buffer. */
char	*buf_take(struct buf *);
/* The contents, valid until the next change; "" when empty. */
const char *buf_str(const struct buf *);

/*
 * The appends, inline: the generator makes hundreds of thousands of them,
 * a few bytes each, and a literal's strlen is then known at compile time.
 */
static inline void
buf_add(struct buf *b, const void *p, size_t n)
{
	if (n >= b->cap - b->len)
		buf_reserve(b, n);
	if (n != 0)
		memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
}

static inline void
buf_puts(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

static inline void
buf_putc(struct buf *b, char c)
{
	if (b->cap - b->len < 2)
		buf_reserve(b, 1);
	b->data[b->len++] = c;
	b->data[b->len] = '\0';
}

#endif
