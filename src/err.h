/* SPDX-License-Identifier: ISC */
/* err.h: the one recoverable-error type of the core. */
#ifndef SBPOLICY_ERR_H
#define SBPOLICY_ERR_H

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

#endif
