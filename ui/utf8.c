/* SPDX-License-Identifier: ISC */
/* utf8.c: UTF-8 text for the TUI: decoding, character boundaries, display width. */
#include "config.h"

#include "utf8.h"

#include <wchar.h>

#include "unicode.h"

int
ui_utf8_seqlen(unsigned char c)
{
	if (c < 0x80)
		return 1;
	if (c < 0xc2)
		return 0;
	if (c < 0xe0)
		return 2;
	if (c < 0xf0)
		return 3;
	if (c < 0xf5)
		return 4;
	return 0;
}

bool
ui_utf8_is_cont(unsigned char c)
{
	return (c & 0xc0) == 0x80;
}

long
ui_utf8_decode(const char *s, size_t len, size_t *n)
{
	return utf8_decode(s, len, n);
}

int
ui_utf8_cp_width(long cp)
{
	int w;

	/* A bidi control would reorder the path around it on screen:
	 * drawn as a '?' like a control character. */
	if (cp < 0x20 || cp == 0x7f || unicode_is_bidi_control(cp))
		return -1;
	if (cp < 0x7f)
		return 1;
	/* wchar_t holds UCS-4 on glibc and macOS; outside a UTF-8 locale
	 * wcwidth says -1 and the character is drawn as '?'. */
	w = wcwidth((wchar_t)cp);
	return w < 0 ? -1 : w;
}

/* The columns one character (or bad byte) takes as drawn. */
static int
char_cols(const char *s, size_t len, size_t *n)
{
	long cp = ui_utf8_decode(s, len, n);
	int w;

	if (cp < 0)
		return 1;
	w = ui_utf8_cp_width(cp);
	return w < 0 ? 1 : w;
}

int
ui_utf8_width(const char *s, size_t len)
{
	size_t i = 0, n;
	int cols = 0;

	while (i < len) {
		cols += char_cols(s + i, len - i, &n);
		i += n;
	}
	return cols;
}

size_t
ui_utf8_fit(const char *s, size_t len, int cols)
{
	size_t i = 0, n;
	int used = 0, w;

	while (i < len) {
		w = char_cols(s + i, len - i, &n);
		if (used + w > cols)
			break;
		used += w;
		i += n;
	}
	return i;
}

size_t
ui_utf8_floor(const char *s, size_t len, size_t at)
{
	size_t i = 0, n;

	while (i < len && i < at) {
		(void)ui_utf8_decode(s + i, len - i, &n);
		if (i + n > at)
			break;
		i += n;
	}
	return i;
}

size_t
ui_utf8_wrap(const char *s, size_t len, int cols, size_t keep, size_t *next)
{
	size_t fit, cut = len;

	/* By columns and whole characters: a split character would spill
	 * over the edge. A blank is never inside a character. */
	if (ui_utf8_width(s, len) > cols) {
		fit = ui_utf8_fit(s, len, cols);
		cut = fit;
		while (cut > keep && s[cut] != ' ')
			cut--;
		while (cut > keep && s[cut - 1] == ' ')
			cut--;	/* a run of blanks ends no line */
		if (cut <= keep || s[cut] != ' ')
			cut = fit;
		if (cut == 0)
			(void)ui_utf8_decode(s, len, &cut);
	}
	*next = cut;
	while (*next < len && s[*next] == ' ')
		(*next)++;
	return cut;
}
