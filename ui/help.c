/* SPDX-License-Identifier: ISC */
/* help.c: the help screen's text, made from the key table and wrapped. */
#include "config.h"

#include "help.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "keymap.h"
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
