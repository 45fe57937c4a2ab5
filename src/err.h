/* SPDX-License-Identifier: ISC */
/* err.h: the one recoverable-error type of the core. */
#ifndef SBPOLICY_ERR_H
#define SBPOLICY_ERR_H

#include <stddef.h>

enum sb_errcode {
	SB_OK = 0,
	SB_EINVAL,	/* a value is wrong: bad path, out of range, wrong type */
	SB_ESYNTAX,	/* a file is not well-formed JSON */
	SB_EIO,		/* reading or writing a file failed */
	SB_ELIMIT,	/* a value or file is larger than we accept */
};

/*
 * Caller-owned error: core functions take a `struct sb_error *` as their last
 * argument, which may be NULL. The first error set wins, so the innermost
 * cause is what the user sees. Messages are lowercase, have no trailing period
 * and name the offending value.
 */
struct sb_error {
	enum sb_errcode	code;
	char		msg[512];
};

void	sb_error_init(struct sb_error *);
void	sb_error_set(struct sb_error *, enum sb_errcode, const char *, ...)
	    __attribute__((format(printf, 3, 4)));
int	sb_error_is_set(const struct sb_error *);

/*
 * Writes s into buf (of size bytes) as a double-quoted, printable, one-line
 * string for messages: `"` and `\` escaped, \n \t \r, other control bytes
 * (the UTF-8 C1 controls too) and bytes that are not UTF-8 as \xHH, so
 * nothing reaches the terminal as a control; values longer than fit cut with
 * "...". Returns buf. SB_SHOW_MAX is a good size.
 */
#define SB_SHOW_MAX 160
const char *sb_show(char *buf, size_t size, const char *s);

/*
 * The same for a file name at the head of a message, "FILE: why" or
 * "FILE:LINE:COL: why": a non-empty name that sb_show would not change
 * (nothing to escape) and that fits is written as it is, unquoted, as other
 * tools write file names; any other name is written as sb_show writes it.
 * A name anywhere else in a message is a value: sb_show it. Returns buf.
 */
const char *sb_show_name(char *buf, size_t size, const char *s);

#endif
