/* SPDX-License-Identifier: ISC */
/* err.c: the recoverable-error type. */
#include "config.h"

#include "err.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "unicode.h"

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

/*
 * Length of a valid UTF-8 sequence of 2 to 4 bytes at s, or 0. The C1
 * controls (U+0080..U+009F) count as invalid: U+009B is CSI to a terminal
 * that takes 8-bit controls, as ESC [ is to all of them.
 */
static size_t
utf8_len(const unsigned char *s)
{
	size_t n;
	long cp;

	cp = utf8_decode((const char *)s, strnlen((const char *)s, 4), &n);
	if (cp < 0x80 || (cp >= 0x80 && cp <= 0x9f) ||
	    unicode_is_bidi_control(cp))
		return 0;
	return n;
}

const char *
sb_show(char *buf, size_t size, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	char piece[8];
	size_t len = 0, n, plen;

	if (size < 8) {
		if (size > 0)
			buf[0] = '\0';
		return buf;
	}
	buf[len++] = '"';
	while (*p != '\0') {
		n = 1;
		if (*p == '"' || *p == '\\') {
			piece[0] = '\\';
			piece[1] = (char)*p;
			plen = 2;
		} else if (*p == '\n' || *p == '\t' || *p == '\r') {
			piece[0] = '\\';
			piece[1] = *p == '\n' ? 'n' : *p == '\t' ? 't' : 'r';
			plen = 2;
		} else if (*p < 0x20 || *p == 0x7f)
			plen = (size_t)snprintf(piece, sizeof piece, "\\x%02x",
			    *p);
		else if (*p < 0x80) {
			piece[0] = (char)*p;
			plen = 1;
		} else if ((n = utf8_len(p)) != 0) {
			memcpy(piece, p, n);
			plen = n;
		} else {
			n = 1;
			plen = (size_t)snprintf(piece, sizeof piece, "\\x%02x",
			    *p);
		}
		/* Keep room for `..."` and the NUL. */
		if (len + plen + 5 > size) {
			memcpy(buf + len, "...", 3);
			len += 3;
			break;
		}
		memcpy(buf + len, piece, plen);
		len += plen;
		p += n;
	}
	buf[len++] = '"';
	buf[len] = '\0';
	return buf;
}

const char *
sb_show_name(char *buf, size_t size, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n;

	if (*p == '\0' || strlen(s) >= size)
		return sb_show(buf, size, s);
	/* Whatever sb_show escapes means the quoted form: '"' too, so that a
	 * plain name never passes for a quoted one. */
	while (*p != '\0') {
		if (*p == '"' || *p == '\\' || *p < 0x20 || *p == 0x7f)
			return sb_show(buf, size, s);
		if (*p < 0x80)
			n = 1;
		else if ((n = utf8_len(p)) == 0)
			return sb_show(buf, size, s);
		p += n;
	}
	memcpy(buf, s, strlen(s) + 1);
	return buf;
}
