/* SPDX-License-Identifier: ISC */
/* utf8.h: UTF-8 text for the TUI: decoding, character boundaries, display width. */
#ifndef SBPOLICY_UTF8_H
#define SBPOLICY_UTF8_H

#include <stdbool.h>
#include <stddef.h>

/*
 * The length of the sequence that a byte starts (1 to 4), or 0 for a byte
 * that cannot start one (a continuation byte, 0xc0, 0xc1, 0xf5..0xff).
 */
int	ui_utf8_seqlen(unsigned char lead);

/* True for a continuation byte (10xxxxxx). */
bool	ui_utf8_is_cont(unsigned char);

/*
 * Decodes the character at s[0..len): returns its code point and sets *n
 * to its length, or returns -1 with *n = 1 for a byte that does not start
 * a valid, complete, shortest-form sequence (no surrogates, at most
 * U+10FFFF). len must be at least 1.
 */
long	ui_utf8_decode(const char *s, size_t len, size_t *n);

/*
 * The columns a code point takes on the screen: wcwidth(3) in the current
 * locale (0 for a combining mark, 2 for a wide CJK character), and -1 for
 * one the terminal cannot show, which the view draws as a one-column '?':
 * control characters, and anything but ASCII in a locale that is not UTF-8.
 */
int	ui_utf8_cp_width(long cp);

/* The columns s[0..len) takes, drawn as the view draws it. */
int	ui_utf8_width(const char *s, size_t len);

/*
 * The byte length of the longest start of s[0..len) that takes at most
 * cols columns and ends on a character boundary.
 */
size_t	ui_utf8_fit(const char *s, size_t len, int cols);

/*
 * The last character boundary of s[0..len) at or before byte at, counting
 * a byte that is not UTF-8 as a character of its own: where a cut at at
 * must move to so that it splits no character.
 */
size_t	ui_utf8_floor(const char *s, size_t len, size_t at);

/*
 * The one word wrapper: the byte length of the first line of s[0..len)
 * wrapped at blanks to cols columns. All of s when it fits; else up to the
 * last blank within cols that leaves more than keep bytes on the line; else
 * the whole characters that fit, and at least one character (a line that
 * cannot hold one still moves on). *next gets the start of the next line:
 * after the line and the blanks that follow it.
 */
size_t	ui_utf8_wrap(const char *s, size_t len, int cols, size_t keep,
	    size_t *next);

#endif
