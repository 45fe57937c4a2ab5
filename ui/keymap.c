/* SPDX-License-Identifier: ISC */
/* keymap.c: the binding table, its lookup, and the names of keys and modes. */
#include "config.h"

#include "keymap.h"

#include <stdio.h>

#define UI_ACTION_NAME(id, name, help) name,
static const char *const action_names[] = { UI_ACTIONS(UI_ACTION_NAME) };
#undef UI_ACTION_NAME
#define UI_ACTION_HELP(id, name, help) help,
static const char *const action_helps[] = { UI_ACTIONS(UI_ACTION_HELP) };
#undef UI_ACTION_HELP

/*
 * The keys of the TUI. Dispatch, the `?` screen, the key hints and
 * the man page's key list all come from this one table, so they cannot
 * drift apart.
 */
static const struct ui_binding bindings[] = {
	/* browsing: both panes */
	{ UI_MODE_MAIN, UI_KEY_UP, ACT_UP },
	{ UI_MODE_MAIN, 'k', ACT_UP },
	{ UI_MODE_MAIN, UI_KEY_DOWN, ACT_DOWN },
	{ UI_MODE_MAIN, 'j', ACT_DOWN },
	{ UI_MODE_MAIN, UI_KEY_PGUP, ACT_PAGE_UP },
	{ UI_MODE_MAIN, UI_KEY_PGDN, ACT_PAGE_DOWN },
	{ UI_MODE_MAIN, UI_KEY_HOME, ACT_HOME },
	{ UI_MODE_MAIN, UI_KEY_END, ACT_END },
	{ UI_MODE_MAIN, UI_KEY_TAB, ACT_FOCUS },
	{ UI_MODE_MAIN, UI_KEY_BTAB, ACT_FOCUS },
	{ UI_MODE_MAIN, 'z', ACT_ZOOM },
	{ UI_MODE_MAIN, 'n', ACT_NET_CYCLE },
	{ UI_MODE_MAIN, 'u', ACT_ADD_ALLOW },
	{ UI_MODE_MAIN, 'x', ACT_ADD_DENY },
	{ UI_MODE_MAIN, 'w', ACT_ADD_ROOT },
	{ UI_MODE_MAIN, 'f', ACT_FS_CYCLE },
	{ UI_MODE_MAIN, 'p', ACT_ADD_PORT },
	{ UI_MODE_MAIN, 'l', ACT_TOGGLE_LOCAL },
	{ UI_MODE_MAIN, 'A', ACT_TOGGLE_ALLOW_ALL },
	{ UI_MODE_MAIN, 'B', ACT_TOGGLE_BUILTIN },
	{ UI_MODE_MAIN, 's', ACT_SAVE },
	{ UI_MODE_MAIN, 'o', ACT_OPEN },
	{ UI_MODE_MAIN, 'r', ACT_RUN },
	{ UI_MODE_MAIN, 'C', ACT_CHECK },
	{ UI_MODE_MAIN, '?', ACT_HELP },
	{ UI_MODE_MAIN, 'q', ACT_QUIT },

	/* the settings pane */
	{ UI_MODE_LIST, UI_KEY_ENTER, ACT_EDIT },
	{ UI_MODE_LIST, 'e', ACT_EDIT },
	{ UI_MODE_LIST, ' ', ACT_EDIT },
	{ UI_MODE_LIST, 'a', ACT_ADD_HERE },
	{ UI_MODE_LIST, 'm', ACT_CYCLE_MATCH },
	{ UI_MODE_LIST, 'c', ACT_CYCLE_ACCESS },
	{ UI_MODE_LIST, 'd', ACT_DELETE },
	{ UI_MODE_LIST, UI_KEY_DC, ACT_DELETE },

	/* a prompt: the line editor */
	{ UI_MODE_EDIT_PATH, UI_KEY_ENTER, ACT_ACCEPT },
	{ UI_MODE_EDIT_PATH, UI_KEY_ESC, ACT_CANCEL },
	{ UI_MODE_EDIT_PATH, UI_KEY_CTRL('g'), ACT_CANCEL },
	{ UI_MODE_EDIT_PATH, UI_KEY_LEFT, ACT_LEFT },
	{ UI_MODE_EDIT_PATH, UI_KEY_CTRL('b'), ACT_LEFT },
	{ UI_MODE_EDIT_PATH, UI_KEY_RIGHT, ACT_RIGHT },
	{ UI_MODE_EDIT_PATH, UI_KEY_CTRL('f'), ACT_RIGHT },
	{ UI_MODE_EDIT_PATH, UI_KEY_HOME, ACT_BOL },
	{ UI_MODE_EDIT_PATH, UI_KEY_CTRL('a'), ACT_BOL },
	{ UI_MODE_EDIT_PATH, UI_KEY_END, ACT_EOL },
	{ UI_MODE_EDIT_PATH, UI_KEY_CTRL('e'), ACT_EOL },
	{ UI_MODE_EDIT_PATH, UI_KEY_BACKSPACE, ACT_BACKSPACE },
	{ UI_MODE_EDIT_PATH, 0x7f, ACT_BACKSPACE },
	{ UI_MODE_EDIT_PATH, UI_KEY_CTRL('h'), ACT_BACKSPACE },
	{ UI_MODE_EDIT_PATH, UI_KEY_DC, ACT_DELETE_CHAR },
	{ UI_MODE_EDIT_PATH, UI_KEY_CTRL('d'), ACT_DELETE_CHAR },
	{ UI_MODE_EDIT_PATH, UI_KEY_CTRL('u'), ACT_KILL_LINE },
	{ UI_MODE_EDIT_PATH, UI_KEY_TAB, ACT_COMPLETE },
	{ UI_MODE_EDIT_PATH, UI_KEY_TEXT, ACT_INSERT_CHAR },

	/* the unsaved-changes and overwrite questions */
	{ UI_MODE_CONFIRM, 's', ACT_CONFIRM_SAVE },
	{ UI_MODE_CONFIRM, 'd', ACT_CONFIRM_DISCARD },
	{ UI_MODE_CONFIRM, 'y', ACT_CONFIRM_YES },
	{ UI_MODE_CONFIRM, 'n', ACT_CONFIRM_NO },
	{ UI_MODE_CONFIRM, 'c', ACT_CANCEL },
	{ UI_MODE_CONFIRM, UI_KEY_ESC, ACT_CANCEL },

	/* the help screen */
	{ UI_MODE_HELP, UI_KEY_UP, ACT_UP },
	{ UI_MODE_HELP, 'k', ACT_UP },
	{ UI_MODE_HELP, UI_KEY_DOWN, ACT_DOWN },
	{ UI_MODE_HELP, 'j', ACT_DOWN },
	{ UI_MODE_HELP, UI_KEY_PGUP, ACT_PAGE_UP },
	{ UI_MODE_HELP, UI_KEY_PGDN, ACT_PAGE_DOWN },
	{ UI_MODE_HELP, ' ', ACT_PAGE_DOWN },
	{ UI_MODE_HELP, UI_KEY_HOME, ACT_HOME },
	{ UI_MODE_HELP, UI_KEY_END, ACT_END },
	{ UI_MODE_HELP, 'q', ACT_CANCEL },
	{ UI_MODE_HELP, '?', ACT_CANCEL },
	{ UI_MODE_HELP, UI_KEY_ESC, ACT_CANCEL },
	{ UI_MODE_HELP, UI_KEY_ENTER, ACT_CANCEL },

	/* everywhere */
	{ UI_MODE_ANY, UI_KEY_CTRL('l'), ACT_REDRAW },
};

#define NBINDINGS (sizeof bindings / sizeof bindings[0])

static const char *const mode_names[] = {
	"everywhere", "both panes", "settings pane", "preview pane",
	"prompt", "help screen", "question",
};

const char *
ui_action_name(enum ui_action a)
{
	if ((unsigned)a >= ACT__COUNT)
		return "?";
	return action_names[a];
}

const char *
ui_action_help(enum ui_action a)
{
	if ((unsigned)a >= ACT__COUNT)
		return "?";
	return action_helps[a];
}

const char *
ui_mode_name(enum ui_mode m)
{
	if ((unsigned)m >= UI_MODE__COUNT)
		return "?";
	return mode_names[m];
}

bool
ui_key_is_text(int key)
{
	return key >= 0x20 && key != 0x7f && key < UI_KEY_SPECIAL &&
	    !(key >= 0x80 && key < 0xa0) && key <= 0x10ffff;
}

const struct ui_binding *
ui_keymap_table(size_t *n)
{
	*n = NBINDINGS;
	return bindings;
}

static enum ui_action
lookup_in(enum ui_mode mode, int key)
{
	size_t i;

	for (i = 0; i < NBINDINGS; i++) {
		if (bindings[i].mode == mode && bindings[i].key == key)
			return bindings[i].action;
	}
	if (ui_key_is_text(key)) {
		for (i = 0; i < NBINDINGS; i++) {
			if (bindings[i].mode == mode &&
			    bindings[i].key == UI_KEY_TEXT)
				return bindings[i].action;
		}
	}
	return ACT_NONE;
}

static bool
mode_is_browsing(enum ui_mode mode)
{
	return mode == UI_MODE_LIST || mode == UI_MODE_PREVIEW;
}

enum ui_action
ui_keymap_lookup(enum ui_mode mode, int key)
{
	enum ui_action a;

	if (key == UI_KEY_NONE || key == UI_KEY_TEXT)
		return ACT_NONE;
	if ((a = lookup_in(mode, key)) != ACT_NONE)
		return a;
	if (mode_is_browsing(mode) &&
	    (a = lookup_in(UI_MODE_MAIN, key)) != ACT_NONE)
		return a;
	return lookup_in(UI_MODE_ANY, key);
}

int
ui_keymap_key_for(enum ui_mode mode, enum ui_action action)
{
	enum ui_mode layers[3];
	size_t nl = 0, l, i;

	layers[nl++] = mode;
	if (mode_is_browsing(mode))
		layers[nl++] = UI_MODE_MAIN;
	layers[nl++] = UI_MODE_ANY;
	for (l = 0; l < nl; l++) {
		for (i = 0; i < NBINDINGS; i++) {
			if (bindings[i].mode == layers[l] &&
			    bindings[i].action == action)
				return bindings[i].key;
		}
	}
	return UI_KEY_NONE;
}

const char *
ui_key_name(int key, char *buf, size_t len)
{
	static const char *const special[] = {
		"Up", "Down", "Left", "Right", "Home", "End", "PgUp", "PgDn",
		"Backspace", "Delete", "Shift-Tab", "Resize", "any character",
		"bad input", "non-ASCII", "Alt",
	};

	if (key >= UI_KEY_SPECIAL &&
	    key < UI_KEY_SPECIAL + (int)(sizeof special / sizeof special[0]))
		snprintf(buf, len, "%s", special[key - UI_KEY_SPECIAL]);
	else if (key == UI_KEY_TAB)
		snprintf(buf, len, "Tab");
	else if (key == UI_KEY_ENTER)
		snprintf(buf, len, "Enter");
	else if (key == UI_KEY_ESC)
		snprintf(buf, len, "Esc");
	else if (key == ' ')
		snprintf(buf, len, "Space");
	else if (key == 0x7f)
		snprintf(buf, len, "DEL");
	else if (key >= 0 && key < 0x20)
		snprintf(buf, len, "Ctrl-%c", key + '@');
	else if (key > 0x20 && key < 0x7f)
		snprintf(buf, len, "%c", key);
	else
		snprintf(buf, len, "U+%04X", (unsigned)key);
	return buf;
}
