/* SPDX-License-Identifier: ISC */
/* keymap.h: keys, modes and the one binding table the TUI dispatches from. */
#ifndef SBPOLICY_KEYMAP_H
#define SBPOLICY_KEYMAP_H

#include <stdbool.h>
#include <stddef.h>

#include "actions.h"

/*
 * Keys without curses: Unicode code points stand for themselves (control
 * keys too: UI_KEY_CTRL('u') is 0x15), and the special keys live above the
 * Unicode range. ui/input.c is the only place that maps KEY_* to these.
 */
#define UI_KEY_CTRL(c)	((c) & 0x1f)
enum ui_key {
	UI_KEY_NONE = -1,
	UI_KEY_TAB = '\t',
	UI_KEY_ENTER = '\r',
	UI_KEY_ESC = 0x1b,
	UI_KEY_SPECIAL = 0x200000,
	UI_KEY_UP = UI_KEY_SPECIAL,
	UI_KEY_DOWN,
	UI_KEY_LEFT,
	UI_KEY_RIGHT,
	UI_KEY_HOME,
	UI_KEY_END,
	UI_KEY_PGUP,
	UI_KEY_PGDN,
	UI_KEY_BACKSPACE,
	UI_KEY_DC,		/* Delete */
	UI_KEY_BTAB,		/* Shift-Tab */
	UI_KEY_RESIZE,
	UI_KEY_TEXT,		/* in the table only: any printable key */
	UI_KEY_BAD_INPUT,	/* bytes that are not UTF-8, dropped */
	UI_KEY_NON_ASCII,	/* non-ASCII typed outside a UTF-8 locale */
	UI_KEY_ALT,		/* Esc and a key together (Alt-x), dropped */
	UI_KEY_MOUSE,		/* a click or the wheel: ui_input_mouse says */
	UI_KEY_F1,
	UI_KEY_UNKNOWN,		/* a function key's sequence that no key
				 * here is, dropped whole */
	UI_KEY_PASTE,		/* a bracketed paste, read whole (decode.h) */
};

/* True for a key that a text field inserts: a printable code point. */
bool	ui_key_is_text(int key);

/*
 * Modes. UI_MODE_MAIN holds the bindings shared by the two browsing modes
 * (LIST, PREVIEW); UI_MODE_ANY holds those that work everywhere. Lookup
 * tries the current mode, then (in EDIT) text input, then MAIN for the
 * browsing modes, then ANY. SEARCH is the preview's while a search is on:
 * its keys (n, N) first, then the preview's.
 */
enum ui_mode {
	UI_MODE_ANY,
	UI_MODE_MAIN,
	UI_MODE_LIST,		/* the settings pane has the focus */
	UI_MODE_PREVIEW,	/* the preview pane has the focus */
	UI_MODE_EDIT_PATH,	/* a prompt on the status line */
	UI_MODE_HELP,
	UI_MODE_CONFIRM,
	UI_MODE_SEARCH,		/* the preview, with matches to go to */
	UI_MODE_PICK,		/* the list of presets, in the settings pane */
	UI_MODE__COUNT
};

struct ui_binding {
	enum ui_mode	 mode;
	int		 key;
	enum ui_action	 action;
};

/* The action bound to key in mode; ACT_NONE when nothing is. */
enum ui_action	ui_keymap_lookup(enum ui_mode, int key);

/* The whole table (for the help screen, help.c); *n gets its length.
 * Static storage. */
const struct ui_binding	*ui_keymap_table(size_t *n);

/* The first key bound to action in mode (MAIN/ANY included as in lookup),
 * or UI_KEY_NONE. */
int		ui_keymap_key_for(enum ui_mode, enum ui_action);

/* A key's name for help ("Up", "Ctrl-U", "k"), written into buf. Returns buf. */
const char	*ui_key_name(int key, char *buf, size_t len);

/* The help of action a in mode: its own there when the main screen's
 * would be wrong (Up on the help screen scrolls the help). Static string. */
const char	*ui_action_help_in(enum ui_mode, enum ui_action);

/* A mode's name for help ("settings", "prompt"). Static string. */
const char	*ui_mode_name(enum ui_mode);

#endif
