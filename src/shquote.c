/* SPDX-License-Identifier: ISC */
/* shquote.c: quoting for POSIX sh, a one-line form, and splitting. */
#include "config.h"

#include "shquote.h"

#include <stdlib.h>
#include <string.h>

#include "unicode.h"
#include "xmalloc.h"

/*
 * The bytes that need no quoting: / . _ - + : , = @ % ^, letters and
 * digits. A table: the -D comments of a large profile pass megabytes
 * through here, a lookup a byte.
 */
static const unsigned char plain_byte[256] = {
	['%'] = 1, ['+'] = 1, [','] = 1, ['-'] = 1, ['.'] = 1, ['/'] = 1,
	[':'] = 1, ['='] = 1, ['@'] = 1, ['^'] = 1, ['_'] = 1,
	['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1,
	['6'] = 1, ['7'] = 1, ['8'] = 1, ['9'] = 1,
	['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1,
	['G'] = 1, ['H'] = 1, ['I'] = 1, ['J'] = 1, ['K'] = 1, ['L'] = 1,
	['M'] = 1, ['N'] = 1, ['O'] = 1, ['P'] = 1, ['Q'] = 1, ['R'] = 1,
	['S'] = 1, ['T'] = 1, ['U'] = 1, ['V'] = 1, ['W'] = 1, ['X'] = 1,
	['Y'] = 1, ['Z'] = 1,
	['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1,
	['g'] = 1, ['h'] = 1, ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1,
	['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1, ['q'] = 1, ['r'] = 1,
	['s'] = 1, ['t'] = 1, ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1,
	['y'] = 1, ['z'] = 1,
};

static inline bool
is_plain_char(unsigned char c)
{
	return plain_byte[c] != 0;
}

/* The length of the plain bytes that s starts with. */
static size_t
plain_span(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	while (is_plain_char(*p))
		p++;
	return (size_t)(p - (const unsigned char *)s);
}

bool
shquote_is_plain(const char *s)
{
	size_t n = plain_span(s);

	return n != 0 && s[n] == '\0';
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

/* A character that a line for the user writes as \x escapes: a control,
 * or one that reorders the text around it. */
static bool
is_hidden(const unsigned char *p, const unsigned char *end, size_t *n)
{
	*n = 1;
	if (*p < 0x20 || *p == 0x7f)
		return true;
	if (*p < 0x80)
		return false;
	return unicode_is_bidi_control(utf8_decode((const char *)p,
	    (size_t)(end - p), n));
}

static bool
needs_dollar_quote(const char *s)
{
	const unsigned char *p = (const unsigned char *)s, *end;
	size_t n;

	end = p + strlen(s);
	for (; *p != '\0'; p += n) {
		if (is_hidden(p, end, &n))
			return true;
	}
	return !utf8_valid(s);
}

void
shquote_append_oneline(struct buf *b, const char *s)
{
	const unsigned char *p = (const unsigned char *)s, *end;
	size_t n;

	/* Plain words, the common case, first: they need no other scan. */
	if ((n = plain_span(s)) != 0 && s[n] == '\0') {
		buf_add(b, s, n);
		return;
	}
	end = p + strlen(s);
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
			if (is_hidden(p, end, &n)) {
				for (; n > 0; n--, p++)
					buf_printf(b, "\\x%02x", *p);
				p--;	/* the loop's own step */
				break;
			}
			if (utf8_decode((const char *)p, (size_t)(end - p),
			    &n) < 0) {
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
