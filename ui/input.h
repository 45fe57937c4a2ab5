/* SPDX-License-Identifier: ISC */
/* input.h: reading one key from curses as an enum ui_key. */
#ifndef SBPOLICY_INPUT_H
#define SBPOLICY_INPUT_H

#include <stdbool.h>
#include <stddef.h>

#include "decode.h"

struct ui_mouse;

/* Reads the locale's charset (after setlocale) for the UTF-8 decoding. */
void	ui_input_init(void);

/*
 * Asks the terminal for clicks and the wheel, unless NO_MOUSE is set and
 * not empty (the terminal's own selection with the mouse then works
 * without Shift) or the terminal has no mouse. True when it reports them.
 */
bool	ui_input_mouse_init(void);

/* The mouse event that the last UI_KEY_MOUSE was. */
void	ui_input_mouse(struct ui_mouse *);

/*
 * Waits at most wait_ms (-1: as long as it takes) for one key on stdscr and
 * returns it as a code point or a UI_KEY_* value (keymap.h, decode.h);
 * UI_KEY_NONE when nothing usable came (a timeout, an interrupted read, a
 * mouse event we do not use), UI_KEY_UNKNOWN for a function key that no
 * key here is. The only code that knows curses' KEY_* names.
 */
int	ui_input_read(int wait_ms);

/* The paste that the last UI_KEY_PASTE was: its bytes (*len of them, not
 * NUL-terminated; borrowed until the next key) and what it was. */
const char *ui_input_paste(size_t *len, enum ui_paste *kind);

#endif
