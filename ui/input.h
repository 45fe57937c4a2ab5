/* SPDX-License-Identifier: ISC */
/* input.h: reading one key from curses as an enum ui_key. */
#ifndef SBPOLICY_INPUT_H
#define SBPOLICY_INPUT_H

/* Reads the locale's charset (after setlocale) for the UTF-8 decoding. */
void	ui_input_init(void);

/*
 * Waits at most wait_ms (-1: as long as it takes) for one key on stdscr and
 * returns it as a code point or a UI_KEY_* value (keymap.h, decode.h);
 * UI_KEY_NONE when nothing usable came (a timeout, an interrupted read, an
 * unknown function key). The only code that knows curses' KEY_* names.
 */
int	ui_input_read(int wait_ms);

#endif
