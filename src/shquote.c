/* SPDX-License-Identifier: ISC */
/* shquote.c: quoting for POSIX sh, a one-line form, and splitting. */
#include "config.h"

#include "shquote.h"

#include <stdlib.h>
#include <string.h>

#include "unicode.h"
#include "xmalloc.h"

static bool
is_plain_char(unsigned char c)
{
	switch (c) {
	case '/': case '.': case '_': case '-': case '+': case ':': case ',':
	case '=': case '@': case '%': case '^':
		return true;
	}
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9');
}

bool
shquote_is_plain(const char *s)
{
	if (*s == '\0')
		return false;
	for (; *s != '\0'; s++) {
		if (!is_plain_char((unsigned char)*s))
			return false;
	}
	return true;
}

void
shquote_append(struct buf *b, const char *s)
{
	if (shquote_is_plain(s)) {
		buf_puts(b, s);
		return;
	}
	buf_putc(b, '\'');
	for (; *s != '\0'; s++) {
		if (*s == '\'')
			buf_puts(b, "'\\''");
		else
			buf_putc(b, *s);
	}
	buf_putc(b, '\'');
}

static bool
needs_dollar_quote(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	for (; *p != '\0'; p++) {
		if (*p < 0x20 || *p == 0x7f)
			return true;
	}
	return !utf8_valid(s);
}

void
shquote_append_oneline(struct buf *b, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	const unsigned char *end = p + strlen(s);
	size_t n;

	/* Plain words, the common case, first: they need no other scan. */
	if (shquote_is_plain(s)) {
		buf_puts(b, s);
		return;
	}
	if (!needs_dollar_quote(s)) {
		shquote_append(b, s);
		return;
	}
	buf_puts(b, "$'");
	while (*p != '\0') {
		switch (*p) {
		case '\n':
			buf_puts(b, "\\n");
			break;
		case '\t':
			buf_puts(b, "\\t");
			break;
		case '\r':
			buf_puts(b, "\\r");
			break;
		case '\\':
			buf_puts(b, "\\\\");
			break;
		case '\'':
			buf_puts(b, "\\'");
			break;
		default:
			if (*p < 0x20 || *p == 0x7f || utf8_decode((const char *)p,
			    (size_t)(end - p), &n) < 0) {
				buf_printf(b, "\\x%02x", *p);
				break;
			}
			buf_add(b, p, n);
			p += n;
			continue;
		}
		p++;
	}
	buf_putc(b, '\'');
}

char *
shquote_argv(char *const argv[])
{
	struct buf b;
	size_t i;

	buf_init(&b);
	for (i = 0; argv[i] != NULL; i++) {
		if (i > 0)
			buf_putc(&b, ' ');
		shquote_append(&b, argv[i]);
	}
	return buf_take(&b);
}

static void
free_words(char **v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

char **
shquote_split(const char *s, struct sb_error *err)
{
	char **v = NULL;
	struct buf w;
	size_t n = 0;
	char q = 0;
	bool inword = false;

	buf_init(&w);
	for (;; s++) {
		if (q == 0 && (*s == ' ' || *s == '\t' || *s == '\0')) {
			if (inword) {
				v = xreallocarray(v, n + 2, sizeof *v);
				v[n++] = xstrdup(buf_str(&w));
				buf_reset(&w);
				inword = false;
			}
			if (*s == '\0')
				break;
			continue;
		}
		if (*s == '\0') {
			sb_error_set(err, SB_EINVAL,
			    "command: unterminated %c quote", q);
			buf_clear(&w);
			free_words(v, n);
			return NULL;
		}
		inword = true;
		if (q == 0 && (*s == '\'' || *s == '"'))
			q = *s;
		else if (q != 0 && *s == q)
			q = 0;
		else if (*s == '\\' && q != '\'' && s[1] != '\0')
			buf_putc(&w, *++s);
		else
			buf_putc(&w, *s);
	}
	buf_clear(&w);
	if (n == 0) {
		sb_error_set(err, SB_EINVAL, "command is empty");
		return NULL;
	}
	v[n] = NULL;
	return v;
}
