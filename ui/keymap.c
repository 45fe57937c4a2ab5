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
	{ UI_MODE_MAIN, 'A', ACT_TOGGLE_ALLOW_ALL },
	{ UI_MODE_MAIN, 'B', ACT_TOGGLE_BUILTIN },
	{ UI_MODE_MAIN, 's', ACT_SAVE },
	{ UI_MODE_MAIN, 'o', ACT_OPEN },
	{ UI_MODE_MAIN, 'r', ACT_RUN },
	{ UI_MODE_MAIN, 'C', ACT_CHECK },
	{ UI_MODE_MAIN, 'P', ACT_PRESETS },
	{ UI_MODE_MAIN, '/', ACT_SEARCH },
	{ UI_MODE_MAIN, 'U', ACT_UNDO },
	{ UI_MODE_MAIN, 'R', ACT_REDO },
	{ UI_MODE_MAIN, '?', ACT_HELP },
	{ UI_MODE_MAIN, UI_KEY_F1, ACT_HELP },
	{ UI_MODE_MAIN, 'M', ACT_MESSAGE },
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
	/* Not the preview's too: there l scrolls, and a key that scrolls
	 * elsewhere must not change the policy unseen. */
	{ UI_MODE_LIST, 'l', ACT_TOGGLE_LOCAL },

	/* the preview pane: long lines, with vi's h and l too */
	{ UI_MODE_PREVIEW, UI_KEY_LEFT, ACT_SCROLL_LEFT },
	{ UI_MODE_PREVIEW, 'h', ACT_SCROLL_LEFT },
	{ UI_MODE_PREVIEW, UI_KEY_RIGHT, ACT_SCROLL_RIGHT },
	{ UI_MODE_PREVIEW, 'l', ACT_SCROLL_RIGHT },

	/*
	 * A search of the preview: n and N are the next and previous match,
	 * as in less(1) and vi, until Esc (or any key that leaves the
	 * preview) ends it; n cycles the network mode again then.
	 */
	{ UI_MODE_SEARCH, 'n', ACT_SEARCH_NEXT },
	{ UI_MODE_SEARCH, 'N', ACT_SEARCH_PREV },
	{ UI_MODE_SEARCH, UI_KEY_ESC, ACT_CANCEL },

	/* the presets: any other key closes the list and does its own; the
	 * help comes back to them */
	{ UI_MODE_PICK, UI_KEY_UP, ACT_UP },
	{ UI_MODE_PICK, 'k', ACT_UP },
	{ UI_MODE_PICK, UI_KEY_DOWN, ACT_DOWN },
	{ UI_MODE_PICK, 'j', ACT_DOWN },
	{ UI_MODE_PICK, UI_KEY_HOME, ACT_HOME },
	{ UI_MODE_PICK, UI_KEY_END, ACT_END },
	{ UI_MODE_PICK, UI_KEY_ENTER, ACT_ACCEPT },
	{ UI_MODE_PICK, UI_KEY_ESC, ACT_CANCEL },
	{ UI_MODE_PICK, '?', ACT_HELP },
	{ UI_MODE_PICK, UI_KEY_F1, ACT_HELP },

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
	{ UI_MODE_EDIT_PATH, UI_KEY_CTRL('w'), ACT_KILL_WORD },
	{ UI_MODE_EDIT_PATH, UI_KEY_UP, ACT_HISTORY_PREV },
	{ UI_MODE_EDIT_PATH, UI_KEY_DOWN, ACT_HISTORY_NEXT },
	{ UI_MODE_EDIT_PATH, UI_KEY_CTRL('t'), ACT_SHELL_TOGGLE },
	{ UI_MODE_EDIT_PATH, UI_KEY_TAB, ACT_COMPLETE },
	{ UI_MODE_EDIT_PATH, UI_KEY_TEXT, ACT_INSERT_CHAR },

	/*
	 * The questions: unsaved changes (y or s saves, n or d discards,
	 * Enter is y), the file exists (y, n), the file changed on disk
	 * (o, r), an srt settings file to convert (y or Enter, n or Esc).
	 * Each answer means what the question asks.
	 */
	{ UI_MODE_CONFIRM, 's', ACT_CONFIRM_SAVE },
	{ UI_MODE_CONFIRM, 'd', ACT_CONFIRM_DISCARD },
	{ UI_MODE_CONFIRM, 'y', ACT_CONFIRM_YES },
	{ UI_MODE_CONFIRM, 'n', ACT_CONFIRM_NO },
	{ UI_MODE_CONFIRM, UI_KEY_ENTER, ACT_ACCEPT },
	{ UI_MODE_CONFIRM, 'o', ACT_CONFIRM_OVERWRITE },
	{ UI_MODE_CONFIRM, 'r', ACT_CONFIRM_RELOAD },
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
	{ UI_MODE_HELP, UI_KEY_F1, ACT_CANCEL },
	{ UI_MODE_HELP, UI_KEY_ESC, ACT_CANCEL },
	{ UI_MODE_HELP, UI_KEY_ENTER, ACT_CANCEL },
	{ UI_MODE_HELP, '/', ACT_SEARCH },
	{ UI_MODE_HELP, 'n', ACT_SEARCH_NEXT },
	{ UI_MODE_HELP, 'N', ACT_SEARCH_PREV },

	/* everywhere */
	{ UI_MODE_ANY, UI_KEY_CTRL('l'), ACT_REDRAW },
};

#define NBINDINGS (sizeof bindings / sizeof bindings[0])

/*
 * What an action does in a mode where the main screen's help would be
 * wrong: on the help screen Up scrolls the help, in the presets it moves
 * between presets. The help screen shows these for those modes.
 */
static const struct {
	enum ui_mode	 mode;
	enum ui_action	 action;
	const char	*help;
} mode_helps[] = {
	{ UI_MODE_HELP, ACT_UP,		"scroll the help up" },
	{ UI_MODE_HELP, ACT_DOWN,	"scroll the help down" },
	{ UI_MODE_HELP, ACT_PAGE_UP,	"scroll the help a page up" },
	{ UI_MODE_HELP, ACT_PAGE_DOWN,	"scroll the help a page down" },
	{ UI_MODE_HELP, ACT_HOME,	"go to the top of the help" },
	{ UI_MODE_HELP, ACT_END,	"go to the end of the help" },
	{ UI_MODE_HELP, ACT_CANCEL,	"close the help; while a search of it "
	    "is on, Esc ends the search first" },
	{ UI_MODE_PICK, ACT_UP,		"select the preset above" },
	{ UI_MODE_PICK, ACT_DOWN,	"select the preset below" },
	{ UI_MODE_PICK, ACT_HOME,	"select the first preset" },
	{ UI_MODE_PICK, ACT_END,	"select the last preset" },
	{ UI_MODE_PICK, ACT_ACCEPT,	"open the preset selected, as a new "
	    "policy" },
	{ UI_MODE_PICK, ACT_CANCEL,	"close the presets, keep the policy" },
	{ UI_MODE_PICK, ACT_HELP,	"show every key binding, at these; "
	    "closing the help comes back to the presets" },
	{ UI_MODE_SEARCH, ACT_CANCEL,	"end the search (n cycles the network "
	    "mode again)" },
	{ UI_MODE_CONFIRM, ACT_ACCEPT,	"the answer offered first: save "
	    "(unsaved changes), convert (an srt settings file); nothing in "
	    "the other questions" },
	{ UI_MODE_CONFIRM, ACT_CANCEL,	"cancel: back, nothing done" },
};

static const char *const mode_names[] = {
	"everywhere", "both panes", "settings pane", "preview pane",
	"prompt", "help screen", "question", "preview, searching",
	"presets",
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
ui_action_help_in(enum ui_mode mode, enum ui_action a)
{
	size_t i;

	for (i = 0; i < sizeof mode_helps / sizeof mode_helps[0]; i++) {
		if (mode_helps[i].mode == mode && mode_helps[i].action == a)
			return mode_helps[i].help;
	}
	return ui_action_help(a);
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

/* The modes whose bindings work in mode, first to last. Returns how many. */
static size_t
layers_of(enum ui_mode mode, enum ui_mode layers[4])
{
	size_t nl = 0;

	layers[nl++] = mode;
	if (mode == UI_MODE_SEARCH)
		layers[nl++] = UI_MODE_PREVIEW;
	if (mode == UI_MODE_LIST || mode == UI_MODE_PREVIEW ||
	    mode == UI_MODE_SEARCH)
		layers[nl++] = UI_MODE_MAIN;
	layers[nl++] = UI_MODE_ANY;
	return nl;
}

enum ui_action
ui_keymap_lookup(enum ui_mode mode, int key)
{
	enum ui_mode layers[4];
	enum ui_action a;
	size_t nl, l;

	if (key == UI_KEY_NONE || key == UI_KEY_TEXT)
		return ACT_NONE;
	nl = layers_of(mode, layers);
	for (l = 0; l < nl; l++) {
		if ((a = lookup_in(layers[l], key)) != ACT_NONE)
			return a;
	}
	return ACT_NONE;
}

int
ui_keymap_key_for(enum ui_mode mode, enum ui_action action)
{
	enum ui_mode layers[4];
	size_t nl, l, i;

	nl = layers_of(mode, layers);
	for (l = 0; l < nl; l++) {
		for (i = 0; i < NBINDINGS; i++) {
			/* Not a key a layer above takes for another
			 * action (n, while searching). */
			if (bindings[i].mode == layers[l] &&
			    bindings[i].action == action &&
			    ui_keymap_lookup(mode, bindings[i].key) == action)
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
		"bad input", "non-ASCII", "Alt", "Mouse", "F1", "unknown key",
		"paste",
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
