/* SPDX-License-Identifier: ISC */
/* decode.c: the terminal's bytes as keys (UTF-8, Esc, bad input); no curses. */
#include "config.h"

#include "decode.h"

#include <stddef.h>

#include "keymap.h"
#include "utf8.h"

void
ui_decoder_init(struct ui_decoder *d, int (*get)(void *, int), void *arg,
    bool utf8)
{
	d->get = get;
	d->arg = arg;
	d->utf8 = utf8;
	d->saved = UI_KEY_NONE;
}

static int
next_raw(struct ui_decoder *d, int wait_ms)
{
	int c = d->saved;

	if (c != UI_KEY_NONE) {
		d->saved = UI_KEY_NONE;
		return c;
	}
	return d->get(d->arg, wait_ms);
}

static bool
is_byte(int c)
{
	return c >= 0 && c <= 0xff;
}

/*
 * The rest of a character whose first byte c was >= 0x80. One bad byte
 * must never stall the keys behind it (get_wch did, on ncurses 6.4): a
 * byte that does not continue the character ends it and is kept, and a
 * character whose rest does not come in time is dropped.
 */
static int
decode_high(struct ui_decoder *d, int c)
{
	char s[4];
	size_t n;
	int need, i;

	if (!d->utf8) {
		/* Latin-1 sends one byte, a UTF-8 terminal several: drop
		 * them all, for one message. */
		while ((c = next_raw(d, 0)) != UI_KEY_NONE) {
			if (!is_byte(c) || !ui_utf8_is_cont((unsigned char)c)) {
				d->saved = c;
				break;
			}
		}
		return UI_KEY_NON_ASCII;
	}
	if ((need = ui_utf8_seqlen((unsigned char)c)) == 0)
		return UI_KEY_BAD_INPUT;
	s[0] = (char)c;
	for (i = 1; i < need; i++) {
		c = next_raw(d, UI_DECODE_WAIT_MS);
		if (c == UI_KEY_NONE)
			return UI_KEY_BAD_INPUT;
		if (!is_byte(c) || !ui_utf8_is_cont((unsigned char)c)) {
			d->saved = c;
			return UI_KEY_BAD_INPUT;
		}
		s[i] = (char)c;
	}
	c = (int)ui_utf8_decode(s, (size_t)need, &n);
	return c < 0 ? UI_KEY_BAD_INPUT : c;
}

/*
 * The rest of a function key's sequence after ESC and c2 ('[' or 'O'),
 * when curses did not know it: with TERM=xterm-256color inside tmux, which
 * sends ESC [ 1 ~ for Home where that terminfo says ESC O H, curses hands
 * over the bytes. They came with the ESC, so they are all there (no
 * wait). The keys the TUI binds are read as such; any other whole
 * sequence (Insert, a key with Ctrl) is UI_KEY_UNKNOWN; ESC [ and ESC O
 * with nothing after them, or a byte that no sequence holds there, are
 * Alt-[ and Alt-O (that byte kept).
 */
static int
decode_sequence(struct ui_decoder *d, int c2)
{
	/* ESC [ N ~, by N. */
	static const struct {
		int	 n;
		int	 key;
	} tilde[] = {
		/* 7 and 8: rxvt's */
		{ 1, UI_KEY_HOME }, { 7, UI_KEY_HOME },
		{ 4, UI_KEY_END }, { 8, UI_KEY_END },
		{ 3, UI_KEY_DC }, { 5, UI_KEY_PGUP }, { 6, UI_KEY_PGDN },
		{ 11, UI_KEY_F1 },			/* rxvt, PuTTY */
	};
	/* ESC [ X and ESC O X, by X: xterm's, and its keypad's. */
	static const struct {
		char	 c;
		int	 key;
	} final[] = {
		{ 'A', UI_KEY_UP }, { 'B', UI_KEY_DOWN },
		{ 'C', UI_KEY_RIGHT }, { 'D', UI_KEY_LEFT },
		{ 'H', UI_KEY_HOME }, { 'F', UI_KEY_END },
		{ 'Z', UI_KEY_BTAB }, { 'P', UI_KEY_F1 },
	};
	int c, n = 0, nparams = 0;
	bool other = false;
	size_t i;

	/* Parameter bytes (digits; ';' and the rest make it another key),
	 * intermediate bytes, then the final one (ECMA-48). SS3 has the
	 * final byte alone. */
	for (;;) {
		c = next_raw(d, 0);
		if (c == UI_KEY_NONE)
			return UI_KEY_ALT;
		if (!is_byte(c)) {
			d->saved = c;
			return UI_KEY_ALT;
		}
		if (c2 == '[' && c >= '0' && c <= '9') {
			if (n < 1000)
				n = n * 10 + (c - '0');
			nparams++;
		} else if (c2 == '[' && c >= 0x20 && c <= 0x3f)
			other = true;
		else
			break;
	}
	if (c < 0x40 || c > 0x7e) {
		d->saved = c;
		return UI_KEY_ALT;
	}
	/* The Linux console's F1 to F5: ESC [ [ A to E. */
	if (c2 == '[' && c == '[' && nparams == 0 && !other) {
		c = next_raw(d, 0);
		return c == 'A' ? UI_KEY_F1 : UI_KEY_UNKNOWN;
	}
	if (other)
		return UI_KEY_UNKNOWN;
	if (c == '~') {
		for (i = 0; c2 == '[' && i < sizeof tilde / sizeof tilde[0];
		    i++) {
			if (nparams > 0 && tilde[i].n == n)
				return tilde[i].key;
		}
		return UI_KEY_UNKNOWN;
	}
	for (i = 0; nparams == 0 && i < sizeof final / sizeof final[0]; i++) {
		if (final[i].c == c)
			return final[i].key;
	}
	return UI_KEY_UNKNOWN;
}

int
ui_decoder_next(struct ui_decoder *d, int wait_ms)
{
	int c, c2;

	c = next_raw(d, wait_ms);
	if (c == UI_KEY_NONE || !is_byte(c))
		return c;
	if (c == '\r' || c == '\n')
		return UI_KEY_ENTER;
	if (c >= 0x80)
		return decode_high(d, c);
	if (c != UI_KEY_ESC)
		return c;
	/*
	 * curses has already waited the Esc delay for a function key's
	 * sequence, so a key that is there at once came with the Esc: Alt-x,
	 * which must not act as x. A second Esc, a resize or a click stays
	 * a key.
	 */
	c2 = next_raw(d, 0);
	if (c2 == UI_KEY_NONE)
		return UI_KEY_ESC;
	if (c2 == UI_KEY_ESC || c2 == UI_KEY_RESIZE || c2 == UI_KEY_MOUSE) {
		d->saved = c2;
		return UI_KEY_ESC;
	}
	if (c2 == '[' || c2 == 'O')
		return decode_sequence(d, c2);
	if (is_byte(c2) && c2 >= 0x80)
		(void)decode_high(d, c2);
	return UI_KEY_ALT;
}
