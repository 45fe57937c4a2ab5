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
	if (is_byte(c2) && c2 >= 0x80)
		(void)decode_high(d, c2);
	return UI_KEY_ALT;
}
