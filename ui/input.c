/* SPDX-License-Identifier: ISC */
/* input.c: reading one key from curses as an enum ui_key. */
#include "config.h"

#include "input.h"

#include "keymap.h"
#include "ui-curses.h"

int
ui_input_read(void)
{
	wint_t wc;
	int r;

	r = get_wch(&wc);
	if (r == ERR)
		return UI_KEY_NONE;
	if (r == KEY_CODE_YES) {
		switch (wc) {
		case KEY_UP:		return UI_KEY_UP;
		case KEY_DOWN:		return UI_KEY_DOWN;
		case KEY_LEFT:		return UI_KEY_LEFT;
		case KEY_RIGHT:		return UI_KEY_RIGHT;
		/* Some terminals (tmux, screen) send Find/Select for
		 * Home/End when $TERM says xterm. */
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
	/* Enter arrives as CR or, with nl() in effect, as LF. */
	if (wc == '\n' || wc == '\r')
		return UI_KEY_ENTER;
	return (int)wc;
}
