/* SPDX-License-Identifier: ISC */
/* view.c: draws a const model on stdscr; the only code that draws. */
#include "config.h"

#include "view.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "keymap.h"
#include "lists.h"
#include "search.h"
#include "theme.h"
#include "ui-curses.h"
#include "utf8.h"
#include "xmalloc.h"

/* The columns s[0..len) takes on the screen, as put draws it. */
static int
text_cols(const char *s, size_t len)
{
	return ui_utf8_width(s, len);
}

/* The byte length of the longest start of s[0..len) within cols columns. */
static size_t
text_bytes(const char *s, size_t len, int cols)
{
	return ui_utf8_fit(s, len, cols);
}

/* The byte length of the shortest start of s[0..len) that takes at least
 * cols columns: what to leave out to show the end. */
static size_t
text_skip(const char *s, size_t len, int cols)
{
	size_t i = 0, n;
	int w = 0;

	while (i < len && w < cols) {
		(void)ui_utf8_decode(s + i, len - i, &n);
		w += text_cols(s + i, n);
		i += n;
	}
	return i;
}

/*
 * Writes at most cols columns of s[0..len) at (y, x) with attr. What the
 * terminal cannot show safely is a '?': control characters (a newline in a
 * path must not break the screen), bytes that are not UTF-8, and anything
 * wcwidth(3) does not know. So the columns used are always what
 * ui_utf8_width says, and a pane never spills into the next one. Returns
 * the columns used.
 */
static int
put(int y, int x, int cols, const char *s, size_t len, attr_t attr)
{
	size_t n, i, run, k;
	long cp;
	int used;

	if (cols <= 0)
		return 0;
	n = text_bytes(s, len, cols);
	used = text_cols(s, n);
	attrset(attr);
	move(y, x);
	for (i = run = 0; i < n; i += k) {
		cp = ui_utf8_decode(s + i, n - i, &k);
		if (cp >= 0 && ui_utf8_cp_width(cp) >= 0)
			continue;
		if (i > run)
			addnstr(s + run, (int)(i - run));
		addch('?');
		run = i + k;
	}
	if (n > run)
		addnstr(s + run, (int)(n - run));
	attrset(A_NORMAL);
	return used;
}

static int
puts_at(int y, int x, int cols, const char *s, attr_t attr)
{
	return put(y, x, cols, s, strlen(s), attr);
}

/*
 * Writes text from row y down, wrapped at blanks to cols columns (a word
 * longer than a row is cut), while rows last. Returns the row after it.
 */
static int
put_wrapped(int y, int cols, const char *text, attr_t attr)
{
	size_t len, cut, next;

	while (*text != '\0' && y < LINES) {
		len = strlen(text);
		/* Not even one character fits: nothing more can be shown. */
		if (text_bytes(text, len, cols) == 0)
			break;
		cut = ui_utf8_wrap(text, len, cols, 0, &next);
		put(y++, 0, cols, text, cut, attr);
		text += next;
	}
	return y;
}

/*
 * Below the minimum size: the size needed, wrapped so it shows whole on the
 * smallest terminal, and whatever question or prompt is open, since the
 * loop still takes its keys (a question must never trap the user).
 */
static void
draw_too_small(const struct ui_model *m, const struct ui_layout *l)
{
	char msg[64], *q;
	int y;

	snprintf(msg, sizeof msg, "terminal too small (need %dx%d)",
	    l->need_cols, l->need_rows);
	y = put_wrapped(0, l->cols, msg, A_BOLD);
	switch (m->mode) {
	case UI_MODE_CONFIRM:
		q = ui_model_confirm_text(m);
		put_wrapped(y, l->cols, q, ui_theme_attr(UI_ROLE_PROMPT));
		free(q);
		break;
	case UI_MODE_EDIT_PATH:
		xasprintf(&q, "%s%s  (Esc cancels)", ui_model_prompt_label(m),
		    ui_line_str(&m->line));
		put_wrapped(y, l->cols, q, ui_theme_attr(UI_ROLE_PROMPT));
		free(q);
		break;
	case UI_MODE_HELP:
		put_wrapped(y, l->cols, "q closes the help", A_NORMAL);
		break;
	default:
		break;
	}
}

/* Fills cols columns at (y, x) with blanks in attr. */
static void
fill(int y, int x, int cols, attr_t attr)
{
	int i;

	attrset(attr);
	move(y, x);
	for (i = 0; i < cols; i++)
		addch(' ');
	attrset(A_NORMAL);
}

/* --- title ---------------------------------------------------------------- */

/* The fewest columns of a file name that the title cuts to keep the
 * modes beside it: fewer, and the modes give way (the name says more). */
#define TITLE_NAME_MIN	12

static void
draw_title(const struct ui_model *m, const struct ui_rect *r)
{
	static const char prefix[] = " sbpolicy: ";
	char right[128], *from = NULL, *tilde = NULL;
	const char *file = m->file != NULL ? m->file : "[new policy]";
	const char *mark = m->modified ? " [modified]" : "";
	const char *slash;
	attr_t a = ui_theme_attr(UI_ROLE_TITLE);
	size_t flen = strlen(file), hlen, skip;
	int rw, room, fw, x, fit;

	if (m->file == NULL && m->preset_name != NULL) {
		xasprintf(&from, "[new policy from %s]", m->preset_name);
		file = from;
		flen = strlen(file);
	}
	snprintf(right, sizeof right, "network %s | fs %s ",
	    net_mode_name(m->params.net_mode), fs_mode_name(m->params.fs_mode));
	fill(r->y, r->x, r->w, a);
	rw = (int)strlen(right);
	fw = text_cols(file, flen);
	room = r->w - (int)strlen(prefix) - (int)strlen(mark);
	/*
	 * Too long for the modes beside it (80 columns): the name gives
	 * way first, "~" for $HOME, then its start, while enough of it is
	 * left to know it by; else the modes go.
	 */
	hlen = m->home != NULL ? strlen(m->home) : 0;
	if (fw + rw + 2 > room && m->file != NULL && hlen > 1 &&
	    strncmp(file, m->home, hlen) == 0 && file[hlen] == '/') {
		xasprintf(&tilde, "~%s", file + hlen);
		file = tilde;
		flen = strlen(file);
		fw = text_cols(file, flen);
	}
	fit = room - rw - 2;
	if (fw + rw + 2 <= room)
		fit = fw;
	else if (fit < TITLE_NAME_MIN && fit < fw) {
		rw = 0;
		fit = room;
	}
	x = r->x + puts_at(r->y, r->x, r->w, prefix, a);
	/* The marker must stay in sight: a long name loses its start, up
	 * to a '/' when one is left, so no name shows cut. */
	if (fw > fit && fit > 4) {
		skip = text_skip(file, flen, fw - (fit - 3));
		if ((slash = memchr(file + skip, '/', flen - skip)) != NULL)
			skip = (size_t)(slash - file);
		x += puts_at(r->y, x, 3, "...", a);
		x += put(r->y, x, fit - 3, file + skip, flen - skip, a);
	} else
		x += put(r->y, x, fit > 0 ? fit : 0, file, flen, a);
	puts_at(r->y, x, r->x + r->w - x, mark, a);
	if (rw > 0)
		puts_at(r->y, r->x + r->w - rw, rw, right, a);
	free(tilde);
	free(from);
}

static void
draw_heading(const struct ui_rect *r, const char *text, bool focus)
{
	attr_t a = ui_theme_attr(focus ? UI_ROLE_PANE_FOCUS : UI_ROLE_PANE_TITLE);

	fill(r->y, r->x, r->w, a);
	puts_at(r->y, r->x, r->w, text, a);
}

/* --- settings ------------------------------------------------------------- */

static void
draw_row(const struct ui_model *m, const struct ui_row *row, bool selected,
    int y, const struct ui_rect *r)
{
	char value[256];
	const char *label = row->label;
	size_t llen = strlen(label);
	int indent, vw, room, x = r->x;
	attr_t a, va;
	bool entry = row->depth >= 2 && ui_row_is_selectable(row);

	switch (row->kind) {
	case ROW_SECTION:
		a = ui_theme_attr(UI_ROLE_SECTION);
		break;
	case ROW_NOTE:
		a = ui_theme_attr(row->inactive != NULL ? UI_ROLE_INACTIVE :
		    UI_ROLE_NOTE);
		break;
	case ROW_WARNING:
		a = ui_theme_attr(UI_ROLE_WARNING);
		break;
	default:
		a = ui_theme_attr(row->inactive != NULL ? UI_ROLE_INACTIVE :
		    UI_ROLE_NORMAL);
		break;
	}
	va = a;
	if (selected) {
		a = ui_theme_attr(UI_ROLE_SELECTED);
		va = a;
		fill(y, x, r->w, a);
	}

	/* The value on the right; why a row has no effect is a note above. */
	value[0] = '\0';
	if (row->value != NULL)
		snprintf(value, sizeof value, "%s", row->value);
	vw = text_cols(value, strlen(value));

	indent = 1 + row->depth * 2;
	if (row->warned && indent >= 2)
		put(y, x + indent - 2, 1, "!", 1,
		    selected ? a : ui_theme_attr(UI_ROLE_WARNING));
	else if (row->inactive != NULL && ui_row_is_selectable(row) &&
	    indent >= 2)
		/* Dim is not on every terminal (vt100 has none), nor in a
		 * text capture: a row with no effect is marked too. */
		put(y, x + indent - 2, 1, "-", 1, a);
	room = r->w - indent - 1 - (vw > 0 ? vw + 2 : 0);
	if (room < 8 && vw > 0) {
		/* Too narrow for both: the label wins, the value is cut. */
		vw = r->w - indent - 1 - 10;
		if (vw < 0)
			vw = 0;
		room = r->w - indent - 1 - (vw > 0 ? vw + 2 : 0);
	}
	if (room > 0 && text_cols(label, llen) > room && entry && room > 4) {
		/* A long path: its end names the socket, so keep the end. */
		size_t skip = text_skip(label, llen,
		    text_cols(label, llen) - (room - 3));

		put(y, x + indent, 3, "...", 3, a);
		put(y, x + indent + 3, room - 3, label + skip, llen - skip, a);
	} else
		put(y, x + indent, room, label, llen, a);
	if (vw > 0)
		put(y, x + r->w - 1 - vw, vw, value, strlen(value), va);
}

/*
 * The presets, in place of the settings while their list is open: each
 * name and what it allows, on one row when they fit, else under it in two
 * (indented, cut at the second), the selected one reversed; the status
 * line has the whole of what it allows.
 */
static void
draw_presets(const struct ui_model *m, const struct ui_rect *r)
{
	const struct ui_preset *p;
	const char *about;
	size_t i, name = ui_presets_name_cols(m), len, cut, next;
	int y, k, x, lines = ui_layout_pane_lines(r), rows = ui_presets_rows(m);
	attr_t a, na;

	draw_heading(r, " Settings: start from a preset?", true);
	for (y = 0, i = m->preset_top; y + rows <= lines && i < m->npresets;
	    y += rows, i++) {
		p = &m->presets[i];
		a = ui_theme_attr(i == m->preset_sel ? UI_ROLE_SELECTED :
		    UI_ROLE_NORMAL);
		na = i == m->preset_sel ? a : ui_theme_attr(UI_ROLE_NOTE);
		for (k = 0; k < rows && i == m->preset_sel; k++)
			fill(r->y + 1 + y + k, r->x, r->w, a);
		puts_at(r->y + 1 + y, r->x + 2, r->w - 3, p->name, a | A_BOLD);
		if (rows == 1) {
			x = r->x + 2 + (int)name + 2;
			puts_at(r->y + 1 + y, x, r->x + r->w - 1 - x, p->about,
			    na);
			continue;
		}
		about = p->about;
		for (k = 1; k < rows && *about != '\0'; k++) {
			len = next = strlen(about);
			cut = k + 1 < rows ? ui_utf8_wrap(about, len,
			    r->w - 5, 0, &next) : len;
			put(r->y + 1 + y + k, r->x + 4, r->w - 5, about, cut,
			    na);
			about += next;
		}
	}
}

static void
draw_settings(const struct ui_model *m, const struct ui_rect *r)
{
	size_t i;
	int y, lines = ui_layout_pane_lines(r);
	bool focus = m->focus == UI_FOCUS_SETTINGS;

	if (r->w == 0 || r->h == 0)
		return;
	if (m->mode == UI_MODE_PICK) {
		draw_presets(m, r);
		return;
	}
	draw_heading(r, " Settings", focus && m->mode != UI_MODE_HELP);
	for (y = 0, i = m->rows_top; y < lines && i < m->nrows; y++, i++)
		draw_row(m, &m->rows[i], i == m->sel, r->y + 1 + y, r);
}

/* --- preview -------------------------------------------------------------- */

static enum ui_role
line_role(enum ui_line_role r)
{
	switch (r) {
	case UI_LINE_COMMENT:	return UI_ROLE_PREVIEW_COMMENT;
	case UI_LINE_ALLOW:	return UI_ROLE_PREVIEW_ALLOW;
	case UI_LINE_DENY:	return UI_ROLE_PREVIEW_DENY;
	case UI_LINE_PARAM:	return UI_ROLE_PREVIEW_PARAM;
	case UI_LINE_PLAIN:	break;
	}
	return UI_ROLE_NORMAL;
}

/*
 * The attributes of a preview line, byte by byte: its role's (or that of
 * a changed line, or of the selected check's deciding rule, which fill the
 * row); what the selected entry wrote (span) in its own; (param "KEY")
 * references inside rules standing out, underlined inside the entry's
 * bytes; and the matches of a search on top of all.
 */
static void
line_attrs(const struct ui_pline *l, attr_t *at, const char *pat)
{
	static const char ref[] = "(param \"";
	const char *s = l->s, *end = s + l->len, *p, *q;
	attr_t base, pa, ea, sa;
	size_t i, k, n, lo, hi;
	bool rule = (l->mark & UI_MARK_RULE) != 0;
	bool entry = (l->mark & UI_MARK_ENTRY) != 0 && l->span_len > 0;
	bool refs = l->role != UI_LINE_COMMENT && l->role != UI_LINE_PARAM;

	base = ui_theme_attr(rule ? UI_ROLE_PREVIEW_RULE : l->changed ?
	    UI_ROLE_PREVIEW_CHANGED : line_role(l->role));
	pa = rule || l->changed ? base : ui_theme_attr(UI_ROLE_PREVIEW_PARAM);
	ea = ui_theme_attr(UI_ROLE_PREVIEW_ENTRY);
	sa = ui_theme_attr(UI_ROLE_SEARCH);
	lo = entry ? l->span_off : l->len;
	hi = entry ? l->span_off + l->span_len : l->len;
	for (i = 0; i < l->len; i++)
		at[i] = i >= lo && i < hi ? ea : base;
	for (p = s; refs && (p = memmem(p, (size_t)(end - p), ref,
	    sizeof ref - 1)) != NULL; p = q) {
		q = memchr(p + sizeof ref - 1, ')', (size_t)(end - p) -
		    (sizeof ref - 1));
		q = q != NULL ? q + 1 : end;
		for (k = (size_t)(p - s); k < (size_t)(q - s); k++)
			at[k] = k >= lo && k < hi ? ea | A_UNDERLINE : pa;
	}
	if (pat == NULL || (n = strlen(pat)) == 0)
		return;
	for (i = 0; (i = ui_search_find(s, l->len, i, pat)) != SIZE_MAX;
	    i += n) {
		for (k = i; k < i + n; k++)
			at[k] = sa;
	}
}

/*
 * One preview line, from column left on (a '<' in the first column then
 * says there is more before), cut with a '>' in the last when it goes on.
 * The separator beside the pane marks entries and rules too
 * (draw_separator).
 */
static void
draw_pline(const struct ui_pline *l, int y, const struct ui_rect *r,
    size_t left, const char *pat)
{
	attr_t small[256], *at, base, key = ui_theme_attr(UI_ROLE_KEYHINT_KEY);
	size_t skip = 0, i, j;
	int x, end, used;
	bool before = left > 0 && l->len > 0, more;

	at = l->len <= sizeof small / sizeof small[0] ? small :
	    xreallocarray(NULL, l->len, sizeof *at);
	line_attrs(l, at, pat);
	base = ui_theme_attr((l->mark & UI_MARK_RULE) ? UI_ROLE_PREVIEW_RULE :
	    l->changed ? UI_ROLE_PREVIEW_CHANGED : line_role(l->role));
	if ((l->mark & UI_MARK_RULE) || l->changed)
		fill(y, r->x, r->w, base);
	if (before)
		skip = text_skip(l->s, l->len, left > (size_t)INT32_MAX ?
		    INT32_MAX : (int)left);
	x = r->x + (before ? 1 : 0);
	end = r->x + r->w;
	more = text_cols(l->s + skip, l->len - skip) > end - x;
	if (more)
		end--;
	/* Run by run of the same attributes. */
	for (i = skip; i < l->len && x < end; i = j) {
		for (j = i + 1; j < l->len && at[j] == at[i]; j++)
			;
		used = put(y, x, end - x, l->s + i, j - i, at[i]);
		x += used;
		if (used < text_cols(l->s + i, j - i))
			break;
	}
	if (before)
		put(y, r->x, 1, "<", 1, key);
	if (more)
		put(y, r->x + r->w - 1, 1, ">", 1, key);
	if (at != small)
		free(at);
}

static void
draw_preview(const struct ui_model *m, const struct ui_rect *r)
{
	char head[256], cols[48];
	const char *pat;
	size_t i, last;
	int y, lines = ui_layout_pane_lines(r);
	bool focus = m->focus == UI_FOCUS_PREVIEW;

	if (r->w == 0 || r->h == 0)
		return;
	last = m->preview_top + (size_t)lines;
	if (last > m->nlines)
		last = m->nlines;
	/* Scrolled sideways: from which column (the '<' shows it too). */
	cols[0] = '\0';
	if (m->preview_left > 0)
		snprintf(cols, sizeof cols, ", from column %zu",
		    m->preview_left + 1);
	snprintf(head, sizeof head, " Preview  lines %zu-%zu of %zu%s%s%s",
	    m->nlines > 0 ? m->preview_top + 1 : 0, last, m->nlines, cols,
	    /* Only what the settings show: a "no effect" warning about a
	     * whole list is the dimmed reason there. */
	    m->warnings_shown > 0 ? "  (warnings: see settings)" : "",
	    m->preview_stale ? "  [stale]" : "");
	draw_heading(r, head, focus && m->mode != UI_MODE_HELP);
	if (!ui_model_search_shown(m, false, &pat))
		pat = NULL;
	for (y = 0, i = m->preview_top; y < lines && i < m->nlines; y++, i++)
		draw_pline(&m->lines[i], r->y + 1 + y, r, m->preview_left,
		    pat);
}

/*
 * The separator of the panes side by side: '|', not ACS_VLINE, as it reads
 * the same in every terminal and in a text capture; beside a marked preview
 * line, its mark, so that it shows without colour or attributes: '>' at
 * the selected check's deciding rule, '*' at what the selected entry wrote.
 */
static void
draw_separator(const struct ui_model *m, const struct ui_layout *l)
{
	const struct ui_rect *p = &l->preview;
	size_t i;
	int y;
	char c;
	attr_t a;

	for (y = l->sep.y; y < l->sep.y + l->sep.h; y++) {
		c = '|';
		a = ui_theme_attr(UI_ROLE_SEPARATOR);
		i = m->preview_top + (size_t)(y - p->y - 1);
		if (y > p->y && y < p->y + p->h && i < m->nlines) {
			if (m->lines[i].mark & UI_MARK_RULE) {
				c = '>';
				a = ui_theme_attr(UI_ROLE_PREVIEW_RULE);
			} else if (m->lines[i].mark & UI_MARK_ENTRY) {
				c = '*';
				a = ui_theme_attr(UI_ROLE_PREVIEW_ENTRY);
			}
		}
		attrset(a);
		mvaddch(y, l->sep.x, c);
	}
	attrset(A_NORMAL);
}

/* --- help ----------------------------------------------------------------- */

/* Writes s at (y, x) in at most w columns in attr, the matches of pat
 * (or NULL) standing out. */
static void
put_matches(int y, int x, int w, const char *s, attr_t attr, const char *pat)
{
	size_t len = strlen(s), n = pat != NULL ? strlen(pat) : 0, i = 0, k;
	attr_t sa = ui_theme_attr(UI_ROLE_SEARCH);
	int used;

	while (i < len && w > 0) {
		k = n > 0 ? ui_search_find(s, len, i, pat) : SIZE_MAX;
		if (k == SIZE_MAX)
			k = len;
		used = put(y, x, w, s + i, k - i, attr);
		x += used;
		w -= used;
		if (k == len || w <= 0)
			break;
		used = put(y, x, w, s + k, n, sa);
		x += used;
		w -= used;
		i = k + n;
	}
}

static void
draw_help(const struct ui_model *m, const struct ui_layout *l)
{
	struct ui_rect r;
	const char *pat;
	size_t i;
	int y, lines;

	r.y = l->title.y + 1;
	r.x = 0;
	r.w = l->cols;
	r.h = l->status.y - r.y;
	lines = ui_layout_pane_lines(&r);
	for (y = r.y; y < r.y + r.h; y++)
		fill(y, 0, r.w, A_NORMAL);
	draw_heading(&r, " Keys  (q, Esc or ? closes; Up/Down/PgUp/PgDn scroll)",
	    true);
	if (!ui_model_search_shown(m, true, &pat))
		pat = NULL;
	for (y = 0, i = m->help_top; y < lines && i < m->nhelp; y++, i++) {
		attr_t a = m->help[i][0] != ' ' ?
		    ui_theme_attr(UI_ROLE_SECTION) : A_NORMAL;

		put_matches(r.y + 1 + y, 1, r.w - 2, m->help[i], a, pat);
	}
}

/* --- status and hints ----------------------------------------------------- */

struct hint {
	enum ui_action	 action;
	const char	*label;
};

/*
 * By importance for the focus: in the settings, what the selected row
 * takes (row_hints) comes first, then saving, opening and running, quit
 * and undo, then the keys of the policy; the preview's own keys first
 * there. Every list ends with "? help", which says "? more" when the
 * others do not all fit (draw_hints keeps its room).
 */
static const struct hint hints_settings[] = {
	{ ACT_SAVE, "save" }, { ACT_OPEN, "open" }, { ACT_RUN, "run" },
	{ ACT_QUIT, "quit" }, { ACT_UNDO, "undo" }, { ACT_REDO, "redo" },
	{ ACT_FOCUS, "pane" }, { ACT_NET_CYCLE, "net" },
	{ ACT_FS_CYCLE, "fs" }, { ACT_ADD_ALLOW, "allow" },
	{ ACT_ADD_DENY, "deny" }, { ACT_ADD_ROOT, "root" },
	{ ACT_ADD_PORT, "port" }, { ACT_TOGGLE_LOCAL, "local" },
	{ ACT_TOGGLE_ALLOW_ALL, "all" }, { ACT_TOGGLE_BUILTIN, "builtin" },
	{ ACT_CHECK, "check" }, { ACT_SEARCH, "search" },
	{ ACT_ZOOM, "zoom" }, { ACT_PRESETS, "presets" },
	{ ACT_NONE, NULL },
};
static const struct hint hints_preview[] = {
	{ ACT_SEARCH, "search" }, { ACT_SCROLL_LEFT, "scroll" },
	{ ACT_SCROLL_RIGHT, "scroll" },
	{ ACT_ZOOM, "zoom" }, { ACT_FOCUS, "pane" }, { ACT_SAVE, "save" },
	{ ACT_OPEN, "open" }, { ACT_RUN, "run" }, { ACT_QUIT, "quit" },
	{ ACT_UNDO, "undo" }, { ACT_REDO, "redo" }, { ACT_CHECK, "check" },
	{ ACT_NET_CYCLE, "net" }, { ACT_FS_CYCLE, "fs" },
	{ ACT_ADD_ALLOW, "allow" }, { ACT_ADD_DENY, "deny" },
	{ ACT_ADD_ROOT, "root" }, { ACT_ADD_PORT, "port" },
	{ ACT_TOGGLE_LOCAL, "local" }, { ACT_TOGGLE_ALLOW_ALL, "all" },
	{ ACT_TOGGLE_BUILTIN, "builtin" }, { ACT_PRESETS, "presets" },
	{ ACT_NONE, NULL },
};
/* A search's own keys first: n no longer cycles the network mode. */
static const struct hint hints_search[] = {
	{ ACT_SEARCH_NEXT, "next" }, { ACT_SEARCH_PREV, "previous" },
	{ ACT_CANCEL, "end search" }, { ACT_SEARCH, "search" },
	{ ACT_SCROLL_LEFT, "scroll" }, { ACT_SCROLL_RIGHT, "scroll" },
	{ ACT_QUIT, "quit" }, { ACT_UNDO, "undo" },
	{ ACT_FOCUS, "pane" }, { ACT_ZOOM, "zoom" },
	{ ACT_NONE, NULL },
};
/* Moving goes without saying; "? help" ends them (the help, at these
 * keys). */
static const struct hint hints_pick[] = {
	{ ACT_ACCEPT, "open" }, { ACT_CANCEL, "close" },
	{ ACT_NONE, NULL },
};
static const struct hint hints_edit[] = {
	{ ACT_ACCEPT, "accept" }, { ACT_CANCEL, "cancel" },
	{ ACT_COMPLETE, "complete" }, { ACT_KILL_WORD, "word" },
	{ ACT_KILL_LINE, "clear" },
	{ ACT_NONE, NULL },
};
/* The run prompt: how the line is run, and the history. */
static const struct hint hints_run_words[] = {
	{ ACT_ACCEPT, "run" }, { ACT_CANCEL, "cancel" },
	{ ACT_SHELL_TOGGLE, "sh -c" }, { ACT_HISTORY_PREV, "history" },
	{ ACT_COMPLETE, "complete" }, { ACT_KILL_WORD, "word" },
	{ ACT_KILL_LINE, "clear" },
	{ ACT_NONE, NULL },
};
static const struct hint hints_run_shell[] = {
	{ ACT_ACCEPT, "run" }, { ACT_CANCEL, "cancel" },
	{ ACT_SHELL_TOGGLE, "no shell" }, { ACT_HISTORY_PREV, "history" },
	{ ACT_COMPLETE, "complete" }, { ACT_KILL_WORD, "word" },
	{ ACT_KILL_LINE, "clear" },
	{ ACT_NONE, NULL },
};
static const struct hint hints_help[] = {
	{ ACT_CANCEL, "close" }, { ACT_PAGE_DOWN, "page" },
	{ ACT_SEARCH, "search" }, { ACT_SEARCH_NEXT, "next" },
	{ ACT_SEARCH_PREV, "previous" },
	{ ACT_NONE, NULL },
};
/* Each question offers only the keys that answer it. */
static const struct hint hints_unsaved[] = {
	{ ACT_CONFIRM_YES, "save" }, { ACT_CONFIRM_NO, "discard" },
	{ ACT_CANCEL, "cancel" }, { ACT_NONE, NULL },
};
static const struct hint hints_overwrite[] = {
	{ ACT_CONFIRM_YES, "yes" }, { ACT_CONFIRM_NO, "no" },
	{ ACT_NONE, NULL },
};
static const struct hint hints_srt[] = {
	{ ACT_CONFIRM_YES, "convert" }, { ACT_CONFIRM_NO, "no" },
	{ ACT_NONE, NULL },
};
static const struct hint hints_changed[] = {
	{ ACT_CONFIRM_OVERWRITE, "overwrite" },
	{ ACT_CONFIRM_RELOAD, "reload" },
	{ ACT_CANCEL, "cancel" }, { ACT_NONE, NULL },
};
/* Removed meanwhile: nothing to reload. */
static const struct hint hints_removed[] = {
	{ ACT_CONFIRM_OVERWRITE, "write" },
	{ ACT_CANCEL, "cancel" }, { ACT_NONE, NULL },
};

#define ROW_HINTS_MAX	6

/* What the selected settings row takes, what Enter does there named for
 * it: cycle a mode, toggle a switch, add to a list, edit an entry. A
 * deny entry has no access, so no c; a built-in deny only its switch. */
static void
row_hints(const struct ui_model *m, struct hint *out)
{
	const struct ui_row *r = m->nrows > 0 ? &m->rows[m->sel] : NULL;
	const struct ui_list *l;
	size_t n = 0;

	out[0] = (struct hint){ ACT_NONE, NULL };
	if (r == NULL || m->mode != UI_MODE_LIST)
		return;
	l = ui_list_by_row(r->kind);
	if (r->kind == ROW_NET_MODE || r->kind == ROW_FS_MODE)
		out[n++] = (struct hint){ ACT_EDIT, "cycle" };
	else if (ui_switch_by_row(r->kind) != NULL)
		out[n++] = (struct hint){ ACT_EDIT, "toggle" };
	else if (l != NULL && l->ops == NULL)
		out[n++] = (struct hint){ ACT_TOGGLE_BUILTIN, "builtin" };
	else if (l != NULL && r->kind == l->head)
		out[n++] = (struct hint){ ACT_EDIT, "add" };
	else if (l != NULL) {
		out[n++] = (struct hint){ ACT_EDIT, "edit" };
		out[n++] = (struct hint){ ACT_DELETE, "del" };
		if (l->ops->socket != NULL) {
			out[n++] = (struct hint){ ACT_CYCLE_MATCH, "match" };
			if (r->kind != ROW_DENY_ENTRY)
				out[n++] = (struct hint){ ACT_CYCLE_ACCESS,
				    "access" };
		}
		out[n++] = (struct hint){ ACT_ADD_HERE, "add" };
	}
	out[n] = (struct hint){ ACT_NONE, NULL };
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
hint_shown(const struct ui_model *m, const struct hint *h, char *key,
    size_t len)
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
	/* Only the ways the preview can scroll now. */
	if ((h->action == ACT_SCROLL_LEFT || h->action == ACT_SCROLL_RIGHT) &&
	    !ui_model_can_scroll(m, h->action == ACT_SCROLL_RIGHT))
		return false;
	/* Tab only where it completes (not a search, a port, a name). */
	if (h->action == ACT_COMPLETE && !ui_model_prompt_completes(m))
		return false;
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

/* "KEY label" at x; returns the columns used. */
static int
put_hint(int y, int x, const char *key, const char *label)
{
	int n = 0;

	n += puts_at(y, x, (int)strlen(key), key,
	    ui_theme_attr(UI_ROLE_KEYHINT_KEY));
	n += puts_at(y, x + n, 1, " ", ui_theme_attr(UI_ROLE_KEYHINT));
	n += puts_at(y, x + n, (int)strlen(label), label,
	    ui_theme_attr(UI_ROLE_KEYHINT));
	return n;
}

/*
 * The hints come from the keymap, so they show the keys that work. Where
 * ? opens the help, its hint ends the row: "? help" when all the others
 * fit, else "? more", so that a cut row says so.
 */
static void
draw_hints(const struct ui_model *m, const struct ui_rect *r)
{
	struct hint row[ROW_HINTS_MAX + 1];
	const struct hint *lists[2], *h;
	char key[32], help[32];
	int x = r->x + 1, end = r->x + r->w, n, reserve = 0;
	size_t i;
	bool cut = false;

	row_hints(m, row);
	lists[0] = row;
	switch (m->mode) {
	case UI_MODE_EDIT_PATH:
		lists[1] = m->prompt != UI_PROMPT_RUN ? hints_edit :
		    m->run_shell ? hints_run_shell : hints_run_words;
		break;
	case UI_MODE_HELP:	lists[1] = hints_help; break;
	case UI_MODE_SEARCH:	lists[1] = hints_search; break;
	case UI_MODE_PICK:	lists[1] = hints_pick; break;
	case UI_MODE_PREVIEW:	lists[1] = hints_preview; break;
	case UI_MODE_CONFIRM:
		lists[1] = m->confirm == UI_CONFIRM_OVERWRITE ?
		    hints_overwrite : m->confirm == UI_CONFIRM_CHANGED ?
		    (m->disk_change == UI_DISK_REMOVED ? hints_removed :
		    hints_changed) : m->confirm == UI_CONFIRM_SRT ? hints_srt :
		    hints_unsaved;
		break;
	default:		lists[1] = hints_settings; break;
	}
	fill(r->y, r->x, r->w, ui_theme_attr(UI_ROLE_KEYHINT));
	/* What the check prompt takes, before its keys: explain's form. */
	if (m->mode == UI_MODE_EDIT_PATH && (m->prompt == UI_PROMPT_CHECK ||
	    (m->prompt == UI_PROMPT_EDIT && m->edit_kind == ROW_CHECK)))
		x += puts_at(r->y, x, end - x, "VERB TARGET (read "
		    "~/.ssh/id_ed25519)", ui_theme_attr(UI_ROLE_KEYHINT)) + 2;
	if (hint_shown(m, &(struct hint){ ACT_HELP, "help" }, help,
	    sizeof help))
		reserve = (int)strlen(help) + 1 + 4;
	for (i = 0; i < 2 && !cut; i++) {
		for (h = lists[i]; h->label != NULL; h++) {
			if (h->action == ACT_HELP ||
			    !hint_shown(m, h, key, sizeof key))
				continue;
			n = (int)strlen(key) + 1 + (int)strlen(h->label);
			if (x + n + (reserve > 0 ? 2 + reserve : 0) >= end) {
				cut = true;
				break;
			}
			x += put_hint(r->y, x, key, h->label) + 2;
		}
	}
	if (reserve > 0 && x + reserve < end)
		put_hint(r->y, x, help, cut ? "more" : "help");
}

/* Returns the cursor column for a prompt, or -1. */
static int
draw_status(const struct ui_model *m, const struct ui_rect *r)
{
	const char *label, *text;
	char *q;
	size_t len, skip = 0;
	int lw, room, cur;

	fill(r->y, r->x, r->w, A_NORMAL);
	if (m->mode == UI_MODE_CONFIRM) {
		q = ui_model_confirm_text(m);
		puts_at(r->y, r->x, r->w, q, ui_theme_attr(UI_ROLE_PROMPT));
		free(q);
		return -1;
	}
	if (m->mode == UI_MODE_EDIT_PATH) {
		label = ui_model_prompt_label(m);
		text = ui_line_str(&m->line);
		len = strlen(text);
		lw = puts_at(r->y, r->x, r->w / 2, label,
		    ui_theme_attr(UI_ROLE_PROMPT));
		room = r->w - lw - 1;
		cur = (int)ui_line_cursor_col(&m->line);
		if (room < 1)
			room = 1;
		if (cur >= room) {
			/* Scrolled so the cursor is in sight; a wide
			 * character is left out whole. */
			skip = text_skip(text, len, cur - room + 1);
			cur -= text_cols(text, skip);
		}
		put(r->y, r->x + lw, room, text + skip, len - skip, A_NORMAL);
		return r->x + lw + cur;
	}
	if (m->status != NULL)
		puts_at(r->y, r->x + 1, r->w - 1, m->status,
		    ui_theme_attr(m->status_err ? UI_ROLE_STATUS_ERR :
		    UI_ROLE_STATUS_OK));
	return -1;
}

void
ui_view_draw(const struct ui_model *m, const struct ui_layout *l)
{
	int cur;

	erase();
	if (l->too_small) {
		draw_too_small(m, l);
		curs_set(0);
		wnoutrefresh(stdscr);
		return;
	}
	draw_title(m, &l->title);
	if (ui_model_in_help(m))
		draw_help(m, l);
	else {
		draw_settings(m, &l->settings);
		draw_separator(m, l);
		draw_preview(m, &l->preview);
	}
	cur = draw_status(m, &l->status);
	/* In a prompt, a refused value's reason takes the hint row, so the
	 * text typed stays whole on the status row. */
	if (m->mode == UI_MODE_EDIT_PATH && m->status != NULL) {
		fill(l->hints.y, 0, l->hints.w, A_NORMAL);
		puts_at(l->hints.y, 1, l->hints.w - 1, m->status,
		    ui_theme_attr(m->status_err ? UI_ROLE_STATUS_ERR :
		    UI_ROLE_STATUS_OK));
	} else
		draw_hints(m, &l->hints);
	if (cur >= 0) {
		curs_set(1);
		move(l->status.y, cur);
	} else
		curs_set(0);
	wnoutrefresh(stdscr);
}
