/* SPDX-License-Identifier: ISC */
/* input.c: reading one key from curses as an enum ui_key. */
#include "config.h"

#include "input.h"

#include <langinfo.h>
#include <string.h>

#include "decode.h"
#include "keymap.h"
#include "ui-curses.h"

/* One terminal per process, so one decoder (as theme.c has one table). */
static struct ui_decoder decoder;
static bool decoder_ready;

/* A curses function key as a UI_KEY_*; UI_KEY_NONE for one we do not use. */
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
	default:		return UI_KEY_NONE;
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
	if (!decoder_ready)
		ui_input_init();
	return ui_decoder_next(&decoder, wait_ms);
}
