/* SPDX-License-Identifier: ISC */
/* decode.c: the terminal's bytes as keys (UTF-8, Esc, bad input, pastes);
 * no curses. */
#include "config.h"

#include "decode.h"

#include <stddef.h>
#include <string.h>

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
	d->paste_len = 0;
	d->paste_kind = UI_PASTE_TEXT;
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

/* Keeps n more bytes of the paste, as many as there is room for. */
static void
paste_add(struct ui_decoder *d, const char *s, size_t n)
{
	if (n > sizeof d->paste - d->paste_len) {
		n = sizeof d->paste - d->paste_len;
		if (d->paste_kind == UI_PASTE_TEXT)
			d->paste_kind = UI_PASTE_LONG;
	}
	memcpy(d->paste + d->paste_len, s, n);
	d->paste_len += n;
}

/* What the bytes of a paste read whole are for the locale. */
static enum ui_paste
paste_check(const struct ui_decoder *d)
{
	size_t i, n;

	for (i = 0; i < d->paste_len; i += n) {
		n = 1;
		if ((unsigned char)d->paste[i] < 0x80)
			continue;
		if (!d->utf8)
			return UI_PASTE_NON_ASCII;
		if (ui_utf8_decode(d->paste + i, d->paste_len - i, &n) < 0)
			return UI_PASTE_NOT_UTF8;
	}
	return UI_PASTE_TEXT;
}

/*
 * A bracketed paste, after its ESC [ 200 ~: every byte up to ESC [ 201 ~
 * is text, never a key (a newline in it must not be Enter, nor the bytes
 * after it commands), so it is read here whole, the end sought byte by
 * byte. A resize that comes meanwhile is kept for the next key; what
 * curses read as a function key or a click inside it is noted, and so is
 * a pause long enough that the end is not coming.
 */
static int
read_paste(struct ui_decoder *d)
{
	static const char end[] = "\033[201~";
	size_t k = 0;	/* the bytes of end seen last */
	bool resized = false;
	char b;
	int c;

	d->paste_len = 0;
	d->paste_kind = UI_PASTE_TEXT;
	for (;;) {
		c = next_raw(d, UI_PASTE_WAIT_MS);
		if (c == UI_KEY_NONE) {
			d->paste_kind = UI_PASTE_UNENDED;
			break;
		}
		if (is_byte(c) && c == (unsigned char)end[k]) {
			if (++k == sizeof end - 1)
				break;
			continue;
		}
		/* What looked like the start of the end was text. */
		paste_add(d, end, k);
		k = 0;
		if (c == (unsigned char)end[0])
			k = 1;
		else if (c == UI_KEY_RESIZE)
			resized = true;
		else if (!is_byte(c)) {
			if (d->paste_kind == UI_PASTE_TEXT)
				d->paste_kind = UI_PASTE_KEYS;
		} else {
			b = (char)c;
			paste_add(d, &b, 1);
		}
	}
	if (d->paste_kind == UI_PASTE_TEXT)
		d->paste_kind = paste_check(d);
	if (resized)
		d->saved = UI_KEY_RESIZE;
	return UI_KEY_PASTE;
}

/*
 * The rest of a mouse report that curses left as bytes: SGR's ESC [ < B ;
 * X ; Y and M or m, X10's ESC [ M and three bytes of any value. They come
 * at once; all of it is dropped, so that no byte of it acts as a key (the
 * m of a release would change a socket entry's match).
 */
static int
drop_mouse(struct ui_decoder *d, bool sgr)
{
	int c, i;

	for (i = 0; i < (sgr ? 32 : 3); i++) {
		c = next_raw(d, 0);
		if (c == UI_KEY_NONE)
			break;
		if (!is_byte(c)) {
			d->saved = c;
			break;
		}
		if (sgr && (c == 'M' || c == 'm'))
			break;
		if (sgr && !(c >= '0' && c <= '9') && c != ';') {
			d->saved = c;
			break;
		}
	}
	return UI_KEY_NONE;
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
	bool other = false, first = true;
	size_t i;

	/* Parameter bytes (digits; ';' and the rest make it another key),
	 * intermediate bytes, then the final one (ECMA-48). SS3 has the
	 * final byte alone. */
	for (;; first = false) {
		c = next_raw(d, 0);
		if (c == UI_KEY_NONE)
			return UI_KEY_ALT;
		if (!is_byte(c)) {
			d->saved = c;
			return UI_KEY_ALT;
		}
		if (c2 == '[' && first && (c == '<' || c == 'M'))
			return drop_mouse(d, c == '<');
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
		if (c2 == '[' && nparams == 3 && n == 200)
			return read_paste(d);
		/* An end with no start: nothing was pasted as keys. */
		if (c2 == '[' && nparams == 3 && n == 201)
			return UI_KEY_NONE;
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
