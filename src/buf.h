/* SPDX-License-Identifier: ISC */
/* buf.h: a growable byte buffer, always NUL-terminated. */
#ifndef SBPOLICY_BUF_H
#define SBPOLICY_BUF_H

#include <stdarg.h>
#include <stddef.h>

struct buf {
	char	*data;	/* NUL-terminated; NULL until the first append */
	size_t	 len;
	size_t	 cap;
};

void	 buf_init(struct buf *);
void	 buf_clear(struct buf *);	/* frees the storage */
void	 buf_reset(struct buf *);	/* keeps the storage, empties it */
void	 buf_add(struct buf *, const void *, size_t);
void	 buf_puts(struct buf *, const char *);
void	 buf_putc(struct buf *, char);
void	 buf_printf(struct buf *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
/* Hands the string to the caller (free(3) it) and empties the buffer. */
char	*buf_take(struct buf *);
/* The contents, valid until the next change; "" when empty. */
const char *buf_str(const struct buf *);

#endif
