/* SPDX-License-Identifier: ISC */
/* decode.h: the terminal's bytes as keys (UTF-8, Esc, bad input, pastes);
 * no curses. */
#ifndef SBPOLICY_DECODE_H
#define SBPOLICY_DECODE_H

#include <stdbool.h>
#include <stddef.h>

/* How long the rest of a character may take to arrive (a slow link). */
#define UI_DECODE_WAIT_MS	100

/*
 * A paste (bracketed paste: the terminal sends it between ESC [ 200 ~ and
 * ESC [ 201 ~, once the TUI has asked with ESC [ ? 2004 h) is read whole,
 * at most UI_PASTE_MAX bytes of it kept, each byte within
 * UI_PASTE_WAIT_MS of the one before; a longer pause ends it unended.
 */
#define UI_PASTE_MAX		4096
#define UI_PASTE_WAIT_MS	2000

/* What a paste was, for the prompt that takes it as text. */
enum ui_paste {
	UI_PASTE_TEXT,		/* read whole: the prompt checks its text */
	UI_PASTE_LONG,		/* more than UI_PASTE_MAX bytes */
	UI_PASTE_UNENDED,	/* its end did not come in time */
	UI_PASTE_KEYS,		/* it held what curses read as a function key */
	UI_PASTE_NOT_UTF8,	/* bytes that are not UTF-8 */
	UI_PASTE_NON_ASCII,	/* non-ASCII, in a locale that is not UTF-8 */
};

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
	/* The last UI_KEY_PASTE: its bytes (not NUL-terminated) and what it
	 * was. */
	char	  paste[UI_PASTE_MAX];
	size_t	  paste_len;
	enum ui_paste paste_kind;
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
 *   UI_KEY_PASTE      a bracketed paste, read whole: paste_len bytes of
 *                     paste, and paste_kind, say what it was;
 *   UI_KEY_ALT        Esc with another key right behind it (Alt-x, or
 *                     Esc x typed within the Esc delay), both dropped;
 *   UI_KEY_NONE       nothing came in time; or a mouse report that curses
 *                     did not read (ESC [ < ... M or m, ESC [ M and three
 *                     bytes: the mouse is off, or $TERM names another
 *                     protocol), or the end of a paste with no start,
 *                     each dropped whole.
 */
int	ui_decoder_next(struct ui_decoder *, int wait_ms);

#endif
