/* SPDX-License-Identifier: ISC */
/* help.c: the help screen's text, made from the key table and wrapped; the
 * key hints of the bottom row. */
#include "config.h"

#include "help.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "keymap.h"
#include "lists.h"
#include "model.h"
#include "utf8.h"
#include "xmalloc.h"

/* The order of the help screen: what a user needs first. */
static const enum ui_mode help_order[] = {
	UI_MODE_MAIN, UI_MODE_LIST, UI_MODE_PREVIEW, UI_MODE_EDIT_PATH,
	UI_MODE_CONFIRM, UI_MODE_HELP, UI_MODE_SEARCH, UI_MODE_PICK,
	UI_MODE_ANY,
};

struct lines {
	char	**v;
	size_t	  n;
	size_t	  cap;
};

/* Appends line (taken), keeping the array NULL-terminated. */
static void
lines_add(struct lines *l, char *line)
{
	if (l->n + 2 > l->cap) {
		l->cap = l->cap == 0 ? 64 : l->cap * 2;
		l->v = xreallocarray(l->v, l->cap, sizeof *l->v);
	}
	l->v[l->n++] = line;
	l->v[l->n] = NULL;
}

char **
ui_help_rows_new(size_t *np)
{
	const struct ui_binding *t;
	struct lines out = { NULL, 0, 0 };
	struct buf keys;
	char name[32], *row;
	size_t nt, o, i;
	int a;

	t = ui_keymap_table(&nt);
	buf_init(&keys);
	for (o = 0; o < sizeof help_order / sizeof help_order[0]; o++) {
		for (i = 0; i < nt; i++) {
			if (t[i].mode == help_order[o])
				break;
		}
		if (i == nt)
			continue;
		xasprintf(&row, "%s:", ui_mode_name(help_order[o]));
		lines_add(&out, row);
		for (a = 0; a < ACT__COUNT; a++) {
			buf_reset(&keys);
			for (i = 0; i < nt; i++) {
				if (t[i].mode != help_order[o] ||
				    t[i].action != (enum ui_action)a)
					continue;
				if (keys.len > 0)
					buf_puts(&keys, ", ");
				buf_puts(&keys, ui_key_name(t[i].key, name,
				    sizeof name));
			}
			if (keys.len == 0)
				continue;
			/* Two blanks at least: the keys must not run
			 * into their help ("Ctrl-H delete"). */
			xasprintf(&row, "  %-*s  %s", UI_HELP_KEYS_COLS,
			    buf_str(&keys), ui_action_help_in(help_order[o],
			    (enum ui_action)a));
			lines_add(&out, row);
		}
	}
	buf_clear(&keys);
	/* Under "everywhere", the last section: not in the table, as they
	 * are signals that the terminal sends, but keys all the same. */
	xasprintf(&row, "  %-*s  %s", UI_HELP_KEYS_COLS, "Ctrl-C, Ctrl-\\",
	    "quit at once, with exit status 1, without asking: unsaved "
	    "changes are lost");
	lines_add(&out, row);
	/* Not keys, but where the keys are told. */
	lines_add(&out, xstrdup("mouse (unless NO_MOUSE is set):"));
	xasprintf(&row, "  %-*s  %s", UI_HELP_KEYS_COLS, "click",
	    "select a row or a preset (a second click opens a preset); "
	    "give a pane the focus");
	lines_add(&out, row);
	xasprintf(&row, "  %-*s  %s", UI_HELP_KEYS_COLS, "wheel",
	    "scroll the pane under the pointer");
	lines_add(&out, row);
	*np = out.n;
	return out.v;
}

char **
ui_help_wrap_new(char *const *rows, size_t nrows, int cols, size_t *np)
{
	struct lines out = { NULL, 0, 0 };
	const char *text;
	char *line;
	size_t i, len, cut, next;
	int indent, room;
	bool first;

	if (cols < 20)
		cols = 20;
	indent = cols >= UI_HELP_TEXT_COL + 20 ? UI_HELP_TEXT_COL : 4;
	for (i = 0; i < nrows; i++) {
		text = rows[i];
		for (first = true; first || *text != '\0'; first = false) {
			len = strlen(text);
			room = first ? cols : cols - indent;
			/* Not in the key column of the first line. */
			cut = ui_utf8_wrap(text, len, room,
			    first ? (size_t)indent : 0, &next);
			if (first)
				line = xstrndup(text, cut);
			else
				xasprintf(&line, "%*s%.*s", indent, "",
				    (int)cut, text);
			lines_add(&out, line);
			text += next;
		}
	}
	if (out.v == NULL)
		lines_add(&out, xstrdup(""));
	*np = out.n;
	return out.v;
}

void
ui_help_free(char **rows)
{
	size_t i;

	if (rows == NULL)
		return;
	for (i = 0; rows[i] != NULL; i++)
		free(rows[i]);
	free(rows);
}

/* --- the key hints -------------------------------------------------------- */

/*
 * A key hint. rank orders them by importance when they do not all fit
 * (1 first; 0: after the ranked ones, in their order); key, when not 0,
 * is the key to name (the help's Esc, which is not its first key).
 */
struct hint {
	enum ui_action	 action;
	const char	*label;
	int		 rank;
	int		 key;
};

/*
 * In the settings, what the selected row takes (row_hints), then saving,
 * opening and running, quit and undo, then the keys of the policy; the
 * preview's own keys first there. That is the order they are drawn in;
 * when they do not all fit, the ranks pick the ones shown: the row's Enter
 * and d, save, quit and undo (while there is something to undo) at 80
 * columns. Every list ends with "? help", which says "? more" when the
 * others do not all fit (ui_hints keeps its room).
 */
static const struct hint hints_settings[] = {
	{ ACT_SAVE, "save", 3, 0 }, { ACT_OPEN, "open", 6, 0 },
	{ ACT_RUN, "run", 6, 0 }, { ACT_QUIT, "quit", 4, 0 },
	{ ACT_UNDO, "undo", 5, 0 }, { ACT_REDO, "redo", 0, 0 },
	{ ACT_FOCUS, "pane", 0, 0 }, { ACT_NET_CYCLE, "net", 0, 0 },
	{ ACT_FS_CYCLE, "fs", 0, 0 }, { ACT_ADD_ALLOW, "allow", 0, 0 },
	{ ACT_ADD_DENY, "deny", 0, 0 }, { ACT_ADD_ROOT, "root", 0, 0 },
	{ ACT_ADD_PORT, "port", 0, 0 }, { ACT_TOGGLE_LOCAL, "local", 0, 0 },
	{ ACT_TOGGLE_ALLOW_ALL, "all", 0, 0 },
	{ ACT_TOGGLE_BUILTIN, "builtin", 0, 0 }, { ACT_CHECK, "check", 0, 0 },
	{ ACT_SEARCH, "search", 0, 0 }, { ACT_ZOOM, "zoom", 0, 0 },
	{ ACT_PRESETS, "presets", 0, 0 },
	{ ACT_NONE, NULL, 0, 0 },
};
static const struct hint hints_preview[] = {
	{ ACT_SEARCH, "search", 2, 0 }, { ACT_SCROLL_LEFT, "scroll", 2, 0 },
	{ ACT_SCROLL_RIGHT, "scroll", 2, 0 },
	{ ACT_ZOOM, "zoom", 0, 0 }, { ACT_FOCUS, "pane", 0, 0 },
	{ ACT_SAVE, "save", 5, 0 }, { ACT_OPEN, "open", 0, 0 },
	{ ACT_RUN, "run", 0, 0 }, { ACT_QUIT, "quit", 3, 0 },
	{ ACT_UNDO, "undo", 4, 0 }, { ACT_REDO, "redo", 0, 0 },
	{ ACT_CHECK, "check", 0, 0 }, { ACT_NET_CYCLE, "net", 0, 0 },
	{ ACT_FS_CYCLE, "fs", 0, 0 }, { ACT_ADD_ALLOW, "allow", 0, 0 },
	{ ACT_ADD_DENY, "deny", 0, 0 }, { ACT_ADD_ROOT, "root", 0, 0 },
	{ ACT_ADD_PORT, "port", 0, 0 }, { ACT_TOGGLE_LOCAL, "local", 0, 0 },
	{ ACT_TOGGLE_ALLOW_ALL, "all", 0, 0 },
	{ ACT_TOGGLE_BUILTIN, "builtin", 0, 0 },
	{ ACT_PRESETS, "presets", 0, 0 },
	{ ACT_NONE, NULL, 0, 0 },
};
/* While the status line is cut: M, which shows it whole, before all. */
static const struct hint hints_message[] = {
	{ ACT_MESSAGE, "message", 1, 0 },
	{ ACT_NONE, NULL, 0, 0 },
};
/* A search's own keys first: n no longer cycles the network mode. */
static const struct hint hints_search[] = {
	{ ACT_SEARCH_NEXT, "next", 0, 0 },
	{ ACT_SEARCH_PREV, "previous", 0, 0 },
	{ ACT_CANCEL, "end search", 0, 0 }, { ACT_SEARCH, "search", 0, 0 },
	{ ACT_SCROLL_LEFT, "scroll", 0, 0 },
	{ ACT_SCROLL_RIGHT, "scroll", 0, 0 },
	{ ACT_QUIT, "quit", 0, 0 }, { ACT_UNDO, "undo", 0, 0 },
	{ ACT_FOCUS, "pane", 0, 0 }, { ACT_ZOOM, "zoom", 0, 0 },
	{ ACT_NONE, NULL, 0, 0 },
};
/* Moving goes without saying; "? help" ends them (the help, at these
 * keys). */
static const struct hint hints_pick[] = {
	{ ACT_ACCEPT, "open", 0, 0 }, { ACT_CANCEL, "close", 0, 0 },
	{ ACT_NONE, NULL, 0, 0 },
};
static const struct hint hints_edit[] = {
	{ ACT_ACCEPT, "accept", 0, 0 }, { ACT_CANCEL, "cancel", 0, 0 },
	{ ACT_COMPLETE, "complete", 0, 0 }, { ACT_KILL_WORD, "word", 0, 0 },
	{ ACT_KILL_LINE, "clear", 0, 0 },
	{ ACT_NONE, NULL, 0, 0 },
};
/* The run prompt: how the line is run, and the history. */
static const struct hint hints_run_words[] = {
	{ ACT_ACCEPT, "run", 0, 0 }, { ACT_CANCEL, "cancel", 0, 0 },
	{ ACT_SHELL_TOGGLE, "sh -c", 0, 0 },
	{ ACT_HISTORY_PREV, "history", 0, 0 },
	{ ACT_COMPLETE, "complete", 0, 0 }, { ACT_KILL_WORD, "word", 0, 0 },
	{ ACT_KILL_LINE, "clear", 0, 0 },
	{ ACT_NONE, NULL, 0, 0 },
};
static const struct hint hints_run_shell[] = {
	{ ACT_ACCEPT, "run", 0, 0 }, { ACT_CANCEL, "cancel", 0, 0 },
	{ ACT_SHELL_TOGGLE, "no shell", 0, 0 },
	{ ACT_HISTORY_PREV, "history", 0, 0 },
	{ ACT_COMPLETE, "complete", 0, 0 }, { ACT_KILL_WORD, "word", 0, 0 },
	{ ACT_KILL_LINE, "clear", 0, 0 },
	{ ACT_NONE, NULL, 0, 0 },
};
/* A search's keys only while one is on (hint_shown), Esc ending it. */
static const struct hint hints_help[] = {
	{ ACT_SEARCH_NEXT, "next", 0, 0 },
	{ ACT_SEARCH_PREV, "previous", 0, 0 },
	{ ACT_CANCEL, "end search", 0, UI_KEY_ESC },
	{ ACT_CANCEL, "close", 0, 0 }, { ACT_PAGE_DOWN, "page", 0, 0 },
	{ ACT_SEARCH, "search", 0, 0 },
	{ ACT_NONE, NULL, 0, 0 },
};
/* Each question offers only the keys that answer it. */
static const struct hint hints_unsaved[] = {
	{ ACT_CONFIRM_YES, "save", 0, 0 }, { ACT_CONFIRM_NO, "discard", 0, 0 },
	{ ACT_CANCEL, "cancel", 0, 0 }, { ACT_NONE, NULL, 0, 0 },
};
static const struct hint hints_overwrite[] = {
	{ ACT_CONFIRM_YES, "yes", 0, 0 }, { ACT_CONFIRM_NO, "no", 0, 0 },
	{ ACT_NONE, NULL, 0, 0 },
};
static const struct hint hints_srt[] = {
	{ ACT_CONFIRM_YES, "convert", 0, 0 }, { ACT_CONFIRM_NO, "no", 0, 0 },
	{ ACT_NONE, NULL, 0, 0 },
};
static const struct hint hints_changed[] = {
	{ ACT_CONFIRM_OVERWRITE, "overwrite", 0, 0 },
	{ ACT_CONFIRM_RELOAD, "reload", 0, 0 },
	{ ACT_CANCEL, "cancel", 0, 0 }, { ACT_NONE, NULL, 0, 0 },
};
/* Removed meanwhile: nothing to reload. */
static const struct hint hints_removed[] = {
	{ ACT_CONFIRM_OVERWRITE, "write", 0, 0 },
	{ ACT_CANCEL, "cancel", 0, 0 }, { ACT_NONE, NULL, 0, 0 },
};

#define ROW_HINTS_MAX	6

/* What the selected settings row takes, what Enter does there named for
 * it: cycle a mode, toggle a switch, add to a list, edit an entry. A
 * deny entry has no access, so no c; a built-in deny only its switch.
 * Enter and d rank first; m, c and a after opening and running. */
static void
row_hints(const struct ui_model *m, struct hint *out)
{
	const struct ui_row *r = m->nrows > 0 ? &m->rows[m->sel] : NULL;
	const struct ui_list *l;
	size_t n = 0;

	out[0] = (struct hint){ ACT_NONE, NULL, 0, 0 };
	if (r == NULL || m->mode != UI_MODE_LIST)
		return;
	l = ui_list_by_row(r->kind);
	if (r->kind == ROW_NET_MODE || r->kind == ROW_FS_MODE)
		out[n++] = (struct hint){ ACT_EDIT, "cycle", 1, 0 };
	else if (ui_switch_by_row(r->kind) != NULL)
		out[n++] = (struct hint){ ACT_EDIT, "toggle", 1, 0 };
	else if (l != NULL && l->ops == NULL)
		out[n++] = (struct hint){ ACT_TOGGLE_BUILTIN, "builtin", 1, 0 };
	else if (l != NULL && r->kind == l->head)
		out[n++] = (struct hint){ ACT_EDIT, "add", 1, 0 };
	else if (l != NULL) {
		out[n++] = (struct hint){ ACT_EDIT, "edit", 1, 0 };
		out[n++] = (struct hint){ ACT_DELETE, "del", 2, 0 };
		if (l->ops->socket != NULL) {
			out[n++] = (struct hint){ ACT_CYCLE_MATCH, "match", 7,
			    0 };
			if (r->kind != ROW_DENY_ENTRY)
				out[n++] = (struct hint){ ACT_CYCLE_ACCESS,
				    "access", 8, 0 };
		}
		out[n++] = (struct hint){ ACT_ADD_HERE, "add", 9, 0 };
	}
	out[n] = (struct hint){ ACT_NONE, NULL, 0, 0 };
}

/* The keys a hint names beside the first: vi's, so they are found. */
static const struct {
	enum ui_action	 action;
	int		 key;
} hint_also[] = {
	{ ACT_SCROLL_LEFT, 'h' }, { ACT_SCROLL_RIGHT, 'l' },
};

/* Whether hint h is one to show now, and its key's name in key. */
static bool
hint_shown(const struct ui_model *m, bool status_cut, const struct hint *h,
    char *key, size_t len)
{
	char also[16];
	size_t i, n;
	int k;

	/* Zoomed, Tab does nothing: there is one pane. */
	if (h->action == ACT_FOCUS && m->zoom)
		return false;
	if ((h->action == ACT_UNDO && m->undo.n == 0) ||
	    (h->action == ACT_REDO && m->redo.n == 0))
		return false;
	if (h->action == ACT_MESSAGE && !status_cut)
		return false;
	/* Only the ways the preview can scroll now. */
	if ((h->action == ACT_SCROLL_LEFT || h->action == ACT_SCROLL_RIGHT) &&
	    !ui_model_can_scroll(m, h->action == ACT_SCROLL_RIGHT))
		return false;
	/* Tab only where it completes (not a search, a port, a name). */
	if (h->action == ACT_COMPLETE && !ui_model_prompt_completes(m))
		return false;
	/* On the help screen, a search's keys while one is on. */
	if (m->mode == UI_MODE_HELP && (h->action == ACT_SEARCH_NEXT ||
	    h->action == ACT_SEARCH_PREV || h->key == UI_KEY_ESC) &&
	    !(m->search_help && m->search_on))
		return false;
	if (h->key != 0) {
		if (ui_keymap_lookup(m->mode, h->key) != h->action)
			return false;
		ui_key_name(h->key, key, len);
		return true;
	}
	if ((k = ui_keymap_key_for(m->mode, h->action)) == UI_KEY_NONE)
		return false;
	ui_key_name(k, key, len);
	for (i = 0; i < sizeof hint_also / sizeof hint_also[0]; i++) {
		if (hint_also[i].action != h->action ||
		    hint_also[i].key == k || ui_keymap_lookup(m->mode,
		    hint_also[i].key) != h->action)
			continue;
		n = strlen(key);
		snprintf(key + n, len - n, "/%s", ui_key_name(hint_also[i].key,
		    also, sizeof also));
	}
	return true;
}

/* A hint's place in the order of importance: its rank, else after the
 * ranked ones in its order. */
static int
hint_order(const struct hint *h, size_t pos)
{
	return h->rank > 0 ? h->rank : 100 + (int)pos;
}

size_t
ui_hints(const struct ui_model *m, bool status_cut, int cols,
    struct ui_hint *out, struct ui_hint *help)
{
	struct hint row[ROW_HINTS_MAX + 1];
	const struct hint *lists[3], *h, *all[UI_HINTS_MAX];
	char keys[UI_HINTS_MAX][sizeof out->key];
	bool pick[UI_HINTS_MAX];
	int width = 0, reserve = 0, best, o;
	size_t i, n = 0, k, nout = 0;

	row_hints(m, row);
	lists[0] = hints_message;
	lists[1] = row;
	switch (m->mode) {
	case UI_MODE_EDIT_PATH:
		lists[2] = m->prompt != UI_PROMPT_RUN ? hints_edit :
		    m->run_shell ? hints_run_shell : hints_run_words;
		break;
	case UI_MODE_HELP:	lists[2] = hints_help; break;
	case UI_MODE_SEARCH:	lists[2] = hints_search; break;
	case UI_MODE_PICK:	lists[2] = hints_pick; break;
	case UI_MODE_PREVIEW:	lists[2] = hints_preview; break;
	case UI_MODE_CONFIRM:
		lists[2] = m->confirm == UI_CONFIRM_OVERWRITE ?
		    hints_overwrite : m->confirm == UI_CONFIRM_CHANGED ?
		    (m->disk_change == UI_DISK_REMOVED ? hints_removed :
		    hints_changed) : m->confirm == UI_CONFIRM_SRT ? hints_srt :
		    hints_unsaved;
		break;
	default:		lists[2] = hints_settings; break;
	}
	help->label = NULL;
	if (hint_shown(m, status_cut, &(struct hint){ ACT_HELP, "help", 0, 0 },
	    help->key, sizeof help->key))
		reserve = (int)strlen(help->key) + 1 + 4;
	/* The hints to show now, in their order. */
	for (i = 0; i < sizeof lists / sizeof lists[0]; i++) {
		for (h = lists[i]; h->label != NULL && n < UI_HINTS_MAX; h++) {
			if (h->action == ACT_HELP || !hint_shown(m, status_cut,
			    h, keys[n], sizeof keys[n]))
				continue;
			pick[n] = false;
			all[n++] = h;
		}
	}
	/* The most important of those left, while the next one fits. */
	for (;;) {
		for (k = 0, best = -1, o = 0; k < n; k++) {
			if (!pick[k] && (best == -1 ||
			    hint_order(all[k], k) < o)) {
				best = (int)k;
				o = hint_order(all[k], k);
			}
		}
		if (best == -1)
			break;
		o = (int)strlen(keys[best]) + 1 + (int)strlen(all[best]->label);
		if (width + o + (reserve > 0 ? 2 + reserve : 0) >= cols)
			break;
		width += o + 2;
		pick[best] = true;
	}
	for (k = 0; k < n; k++) {
		if (!pick[k])
			continue;
		memcpy(out[nout].key, keys[k], sizeof out[nout].key);
		out[nout++].label = all[k]->label;
	}
	if (reserve > 0)
		help->label = nout < n ? "more" : "help";
	return nout;
}
