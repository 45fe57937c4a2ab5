/* SPDX-License-Identifier: ISC */
/* err.c: the recoverable-error type. */
#include "config.h"

#include "err.h"

#include <stdarg.h>
#include <stdio.h>

void
sb_error_init(struct sb_error *err)
{
	if (err == NULL)
		return;
	err->code = SB_OK;
	err->msg[0] = '\0';
}

void
sb_error_set(struct sb_error *err, enum sb_errcode code, const char *fmt, ...)
{
	va_list ap;

	if (err == NULL || err->code != SB_OK)
		return;
	err->code = code;
	va_start(ap, fmt);
	(void)vsnprintf(err->msg, sizeof err->msg, fmt, ap);
	va_end(ap);
}

int
sb_error_is_set(const struct sb_error *err)
{
	return err != NULL && err->code != SB_OK;
}
