/* SPDX-License-Identifier: ISC */
/* input.c: reading one key from curses as an enum ui_key. */
#include "config.h"

#include "input.h"

#include <langinfo.h>
#include <stdlib.h>
#include <string.h>

#include "decode.h"
#include "keymap.h"
#include "model.h"
#include "ui-curses.h"

/* One terminal per process, so one decoder (as theme.c has one table). */
static struct ui_decoder decoder;
static bool decoder_ready;
static struct ui_mouse last_mouse;

/*
 * A mouse event from curses, as a UI_KEY_MOUSE whose details
 * ui_input_mouse gives; one we do not use (a release, a drag, another
 * button) is UI_MOUSE_OTHER, which ui_input_read drops: to the decoder it
 * is still something that came, not a pause (inside a paste, a pause
 * ends it).
 */
static int
mouse_key(void)
{
	MEVENT ev;

	last_mouse.what = UI_MOUSE_OTHER;
	if (getmouse(&ev) != OK)
		return UI_KEY_MOUSE;
	last_mouse.y = ev.y;
	last_mouse.x = ev.x;
	if (ev.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED))
		last_mouse.what = UI_MOUSE_CLICK;
	else if (ev.bstate & BUTTON4_PRESSED)
		last_mouse.what = UI_MOUSE_WHEEL_UP;
#ifdef BUTTON5_PRESSED
	else if (ev.bstate & BUTTON5_PRESSED)
		last_mouse.what = UI_MOUSE_WHEEL_DOWN;
#endif
	else
		last_mouse.what = UI_MOUSE_OTHER;
	return UI_KEY_MOUSE;
}

bool
ui_input_mouse_init(void)
{
	const char *no = getenv("NO_MOUSE");
	mmask_t want = BUTTON1_PRESSED | BUTTON4_PRESSED;

#ifdef BUTTON5_PRESSED
	want |= BUTTON5_PRESSED;
#endif
	if ((no == NULL || *no == '\0') && mousemask(want, NULL) != 0) {
		/* Each press at once: no wait to tell a click from a
		 * double. */
		mouseinterval(0);
		return true;
	}
#ifdef NCURSES_EXT_FUNCS
	/*
	 * No mouse: the reports a terminal still sends (another program
	 * left them on) reach the decoder as bytes, which it drops whole;
	 * as KEY_MOUSE, ncurses would leave the rest of an SGR report
	 * (0;10;6m) to be read as keys.
	 */
	(void)keyok(KEY_MOUSE, FALSE);
#endif
	return false;
}

void
ui_input_mouse(struct ui_mouse *ev)
{
	*ev = last_mouse;
}

/* A curses function key as a UI_KEY_*; UI_KEY_UNKNOWN for one we do not
 * use (never UI_KEY_NONE, which is a pause). */
static int
special_key(int c)
{
	switch (c) {
	case KEY_UP:		return UI_KEY_UP;
	case KEY_DOWN:		return UI_KEY_DOWN;
	case KEY_LEFT:		return UI_KEY_LEFT;
	case KEY_RIGHT:		return UI_KEY_RIGHT;
	/* Some terminals (tmux, screen) send Find/Select for Home/End when
	 * $TERM says xterm. */
	case KEY_HOME:		return UI_KEY_HOME;
	case KEY_FIND:		return UI_KEY_HOME;
	case KEY_END:		return UI_KEY_END;
	case KEY_SELECT:	return UI_KEY_END;
	case KEY_PPAGE:		return UI_KEY_PGUP;
	case KEY_NPAGE:		return UI_KEY_PGDN;
	case KEY_BACKSPACE:	return UI_KEY_BACKSPACE;
	case KEY_DC:		return UI_KEY_DC;
	case KEY_BTAB:		return UI_KEY_BTAB;
	case KEY_ENTER:		return UI_KEY_ENTER;
	case KEY_RESIZE:	return UI_KEY_RESIZE;
	case KEY_F(1):		return UI_KEY_F1;
	default:		return UI_KEY_UNKNOWN;
	}
}

/*
 * Bytes, not get_wch: on ncurses 6.4 get_wch never returns after a byte
 * that is not UTF-8 (or any non-ASCII byte in the C locale), and every
 * key after it is lost. decode.c does the UTF-8 itself.
 */
static int
curses_get(void *arg, int wait_ms)
{
	int c;

	(void)arg;
	wtimeout(stdscr, wait_ms);
	c = wgetch(stdscr);
	wtimeout(stdscr, -1);
	if (c == ERR)
		return UI_KEY_NONE;
	if (c == KEY_MOUSE)
		return mouse_key();
	if (c >= KEY_MIN)
		return special_key(c);
	return c & 0xff;
}

void
ui_input_init(void)
{
	const char *cs = nl_langinfo(CODESET);

	ui_decoder_init(&decoder, curses_get, NULL,
	    cs != NULL && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0));
	decoder_ready = true;
}

int
ui_input_read(int wait_ms)
{
	int key;

	if (!decoder_ready)
		ui_input_init();
	key = ui_decoder_next(&decoder, wait_ms);
	if (key == UI_KEY_MOUSE && last_mouse.what == UI_MOUSE_OTHER)
		return UI_KEY_NONE;
	return key;
}

const char *
ui_input_paste(size_t *len, enum ui_paste *kind)
{
	*len = decoder.paste_len;
	*kind = decoder.paste_kind;
	return decoder.paste;
}
