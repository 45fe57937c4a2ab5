/* SPDX-License-Identifier: ISC */
/* input.h: reading one key from curses as an enum ui_key. */
#ifndef SBPOLICY_INPUT_H
#define SBPOLICY_INPUT_H

/*
 * Blocks for one key on stdscr and returns it as a code point or a
 * UI_KEY_* value (keymap.h); UI_KEY_NONE when nothing usable came (an
 * interrupted read, an unknown function key). The only code that knows
 * curses' KEY_* names.
 */
int	ui_input_read(void);

#endif
