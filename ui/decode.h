/* SPDX-License-Identifier: ISC */
/* decode.h: the terminal's bytes as keys (UTF-8, Esc, bad input); no curses. */
#ifndef SBPOLICY_DECODE_H
#define SBPOLICY_DECODE_H

#include <stdbool.h>

/* How long the rest of a character may take to arrive (a slow link). */
#define UI_DECODE_WAIT_MS	100

/*
 * A key source: get returns the next byte (0..255) or special key
 * (UI_KEY_UP ...), waiting at most wait_ms milliseconds (-1: as long as
 * it takes), or UI_KEY_NONE when nothing came. ui/input.c reads curses;
 * the tests feed scripted bytes.
 */
struct ui_decoder {
	int	(*get)(void *arg, int wait_ms);
	void	 *arg;
	bool	  utf8;		/* the locale's charset is UTF-8 */
	int	  saved;	/* a key read too far, or UI_KEY_NONE */
};

void	ui_decoder_init(struct ui_decoder *, int (*get)(void *, int),
	    void *arg, bool utf8);

/*
 * The next key, waiting at most wait_ms for its first byte: a code point
 * (CR and LF give UI_KEY_ENTER), a special key, or
 *   UI_KEY_BAD_INPUT  bytes that are not UTF-8, dropped; a byte that
 *                     cut a character short is kept for the next key;
 *   UI_KEY_NON_ASCII  a non-ASCII character in a locale that is not
 *                     UTF-8, dropped (the TUI works in UTF-8);
 *   a function key    ESC [ ... and ESC O ... that curses left as bytes
 *                     (its terminfo does not name them): Home, End and
 *                     the other keys the TUI binds;
 *   UI_KEY_UNKNOWN    such a sequence of another key, dropped whole;
 *   UI_KEY_ALT        Esc with another key right behind it (Alt-x, or
 *                     Esc x typed within the Esc delay), both dropped;
 *   UI_KEY_NONE       nothing came in time.
 */
int	ui_decoder_next(struct ui_decoder *, int wait_ms);

#endif
