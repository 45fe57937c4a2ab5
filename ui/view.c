/* SPDX-License-Identifier: ISC */
/* view.c: draws a const model on stdscr; the only code that draws. */
#include "config.h"

#include "view.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "help.h"
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

/* The same, but a text too long for cols ends in "...", at a blank when
 * one is near, so that it is not read as whole. */
static int
put_cut(int y, int x, int cols, const char *s, size_t len, attr_t attr)
{
	size_t cut, next;

	if (text_cols(s, len) <= cols || cols <= 3)
		return put(y, x, cols, s, len, attr);
	cut = ui_utf8_wrap(s, len, cols - 3, (size_t)(cols - 3) / 2, &next);
	while (cut > 0 && s[cut - 1] == ' ')
		cut--;
	x += put(y, x, cols - 3, s, cut, attr);
	return put(y, x, 3, "...", 3, attr) + text_cols(s, cut);
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

/* The fewest columns of the name that the title cuts it to before the
 * rest gives way (then it goes on shrinking, the modes last). */
#define TITLE_NAME_MIN	12
#define TITLE_NAMES_MAX	16

/*
 * The forms of the title's name, longest first, each a new string into
 * v: a file's name, "~" for $HOME, then ".../" and fewer of its
 * directories, down to ".../NAME"; a new policy's "[new policy from X]",
 * then "[from X]" and "[X]". The last one is cut at its start when even
 * it is too long. Returns how many.
 */
static size_t
title_names(const struct ui_model *m, char **v)
{
	const char *file = m->file, *p;
	size_t n = 0, hlen = m->home != NULL ? strlen(m->home) : 0;

	if (file == NULL) {
		if (m->preset_name == NULL) {
			v[n++] = xstrdup("[new policy]");
			v[n++] = xstrdup("[new]");
			return n;
		}
		xasprintf(&v[n++], "[new policy from %s]", m->preset_name);
		xasprintf(&v[n++], "[from %s]", m->preset_name);
		xasprintf(&v[n++], "[%s]", m->preset_name);
		return n;
	}
	v[n++] = xstrdup(file);
	if (hlen > 1 && strncmp(file, m->home, hlen) == 0 &&
	    file[hlen] == '/') {
		xasprintf(&v[n], "~%s", file + hlen);
		file = v[n++];
	}
	for (p = strchr(file + 1, '/'); p != NULL && p[1] != '\0' &&
	    n < TITLE_NAMES_MAX; p = strchr(p + 1, '/'))
		xasprintf(&v[n++], "...%s", p);
	return n;
}

/*
 * The name in at most room columns, at least min (fewer, or no room at
 * all: NULL): the
 * first form that fits, else the last cut at its start ("..." and its
 * end, which names the file). New string.
 */
static char *
title_fit(char *const *v, size_t n, int room, int min)
{
	const char *last = v[n - 1];
	size_t i, len = strlen(last), skip;
	char *s;
	int w;

	if (room < 0)
		return NULL;
	for (i = 0; i < n; i++) {
		if (text_cols(v[i], strlen(v[i])) <= room)
			return xstrdup(v[i]);
	}
	if (room < min || room < 4)
		return min > 0 ? NULL : xstrdup("");
	w = text_cols(last, len);
	skip = text_skip(last, len, w - (room - 3));
	xasprintf(&s, "...%s", last + skip);
	return s;
}

/*
 * The title: " sbpolicy: NAME [modified]", and the modes on the right. On
 * a narrow terminal the name gives way first (title_names, down to
 * TITLE_NAME_MIN columns), then "sbpolicy: ", then "[modified]" for
 * vim's "[+]", "network" for "net", then the rest of the name: the modes,
 * which say what the policy opens, go last.
 */
static void
draw_title(const struct ui_model *m, const struct ui_rect *r)
{
	static const struct {
		const char	*prefix;
		bool		 short_mark;
		bool		 short_modes;
		int		 min;
	} tries[] = {
		{ " sbpolicy: ", false, false, TITLE_NAME_MIN },
		{ " ", false, false, TITLE_NAME_MIN },
		{ " ", true, false, TITLE_NAME_MIN },
		{ " ", true, true, TITLE_NAME_MIN },
		{ " ", true, true, 0 },
	};
	char right[128], *v[TITLE_NAMES_MAX], *name = NULL;
	const char *mark = "";
	attr_t a = ui_theme_attr(UI_ROLE_TITLE);
	size_t n, i, t;
	int rw = 0, room, x;

	n = title_names(m, v);
	fill(r->y, r->x, r->w, a);
	for (t = 0; t < sizeof tries / sizeof tries[0] && name == NULL; t++) {
		snprintf(right, sizeof right, "%s %s | fs %s ",
		    tries[t].short_modes ? "net" : "network",
		    net_mode_name(m->params.net_mode),
		    fs_mode_name(m->params.fs_mode));
		mark = !m->modified ? "" : tries[t].short_mark ? " [+]" :
		    " [modified]";
		rw = (int)strlen(right);
		room = r->w - (int)strlen(tries[t].prefix) -
		    (int)strlen(mark) - 2 - rw;
		name = title_fit(v, n, room, tries[t].min);
	}
	t--;
	if (name == NULL) {
		/* Narrower than any terminal the layout draws. */
		rw = 0;
		if ((name = title_fit(v, n, r->w - 1 - (int)strlen(mark),
		    0)) == NULL)
			name = xstrdup("");
	}
	x = r->x + puts_at(r->y, r->x, r->w, tries[t].prefix, a);
	x += puts_at(r->y, x, r->x + r->w - x, name, a);
	puts_at(r->y, x, r->x + r->w - x, mark, a);
	if (rw > 0)
		puts_at(r->y, r->x + r->w - rw, rw, right, a);
	free(name);
	for (i = 0; i < n; i++)
		free(v[i]);
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
 * row); what the selected entry wrote (span) in reverse video, its own
 * (param "KEY") references too, so that on a monochrome terminal they are
 * not those of the other entries, which stand out underlined; and the
 * matches of a search on top of all.
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
			at[k] = k >= lo && k < hi ? ea : pa;
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

/*
 * Without a separator beside the pane (stacked, zoomed), where its '*'
 * would be: the lines of the selected entry's rules, "" for none.
 */
static void
entry_lines(const struct ui_model *m, const struct ui_layout *l, char *buf,
    size_t size)
{
	size_t i, first = SIZE_MAX, last = 0;

	buf[0] = '\0';
	if (l->sep.h > 0)
		return;
	for (i = 0; i < m->nlines; i++) {
		if (!(m->lines[i].mark & UI_MARK_ENTRY) ||
		    m->lines[i].role == UI_LINE_PARAM)
			continue;
		if (first == SIZE_MAX)
			first = i;
		last = i;
	}
	if (first == last && first != SIZE_MAX)
		snprintf(buf, size, "  (entry: line %zu)", first + 1);
	else if (first != SIZE_MAX)
		snprintf(buf, size, "  (entry: lines %zu-%zu)", first + 1,
		    last + 1);
}

/* No preview yet, as the policy does not generate: why, in its place. */
static void
draw_no_preview(const struct ui_model *m, const struct ui_rect *r)
{
	char *text;
	int y = r->y + 1, end = r->y + r->h;
	size_t len, cut, next;
	const char *p;

	xasprintf(&text, "The policy does not generate, so there is no "
	    "profile to show (s, r and C are refused until it does): %s",
	    m->gen_error != NULL ? m->gen_error : "see the status line");
	for (p = text; *p != '\0' && y < end; y++, p += next) {
		len = strlen(p);
		cut = ui_utf8_wrap(p, len, r->w - 2, 0, &next);
		put(y, r->x + 1, r->w - 2, p, cut,
		    ui_theme_attr(UI_ROLE_WARNING));
	}
	free(text);
}

static void
draw_preview(const struct ui_model *m, const struct ui_layout *l)
{
	const struct ui_rect *r = &l->preview;
	char head[256], cols[48], entry[64];
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
	entry_lines(m, l, entry, sizeof entry);
	if (m->nlines == 0 && m->preview_stale)
		snprintf(head, sizeof head, " Preview  none: the policy does "
		    "not generate");
	else
		snprintf(head, sizeof head, " Preview  lines %zu-%zu of "
		    "%zu%s%s%s%s", m->nlines > 0 ? m->preview_top + 1 : 0,
		    last, m->nlines, cols, entry,
		    /* Only what the settings show: a "no effect" warning
		     * about a whole list is the dimmed reason there. */
		    m->warnings_shown == 0 ? "" : m->zoom ?
		    "  (warnings: z shows the settings)" :
		    "  (warnings: see settings)",
		    m->preview_stale ? "  [stale]" : "");
	draw_heading(r, head, focus && m->mode != UI_MODE_HELP);
	if (m->nlines == 0 && m->preview_stale) {
		draw_no_preview(m, r);
		return;
	}
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

/* The rows a message takes wrapped to cols columns, at most max: the
 * byte ranges of each in cut[] and len[]. */
static int
wrap_rows(const char *s, int cols, int max, size_t *cut, size_t *len)
{
	size_t n = strlen(s), at = 0, next;
	int rows = 0;

	if (cols < 1)
		return 0;
	while (at < n && rows < max) {
		cut[rows] = at;
		len[rows] = ui_utf8_wrap(s + at, n - at, cols, 0, &next);
		at += next;
		rows++;
	}
	if (at < n && rows > 0)
		len[rows - 1] = n - cut[rows - 1];	/* put cuts it, "..." */
	return rows;
}

/* The most rows a message takes at the bottom of the screen: a long one
 * covers the hints and the panes' last rows while it shows whole. */
static int
message_rows_max(const struct ui_layout *l)
{
	return l->rows / 2 > 2 ? l->rows / 2 : 2;
}

/* Whether the status (not a prompt's or a question's) is too long for its
 * row and not shown whole now: then it is cut, and M shows it. The list
 * of presets shows the text of the one selected, which is its status,
 * whole already. */
static bool
status_cut(const struct ui_model *m, const struct ui_layout *l)
{
	return m->status != NULL && (!m->status_new ||
	    m->mode == UI_MODE_PICK) && m->mode != UI_MODE_EDIT_PATH &&
	    m->mode != UI_MODE_CONFIRM &&
	    text_cols(m->status, strlen(m->status)) > l->cols - 1;
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

/* The hints (help.c) on the hint row. */
static void
draw_hints(const struct ui_model *m, const struct ui_layout *l)
{
	const struct ui_rect *r = &l->hints;
	struct ui_hint h[UI_HINTS_MAX], help;
	int x = r->x + 1, end = r->x + r->w;
	size_t i, n;

	fill(r->y, r->x, r->w, ui_theme_attr(UI_ROLE_KEYHINT));
	/* What the check prompt takes, before its keys: explain's form. */
	if (m->mode == UI_MODE_EDIT_PATH && (m->prompt == UI_PROMPT_CHECK ||
	    (m->prompt == UI_PROMPT_EDIT && m->edit_kind == ROW_CHECK)))
		x += puts_at(r->y, x, end - x, "VERB TARGET (read "
		    "~/.ssh/id_ed25519)", ui_theme_attr(UI_ROLE_KEYHINT)) + 2;
	n = ui_hints(m, status_cut(m, l), end - x, h, &help);
	for (i = 0; i < n; i++)
		x += put_hint(r->y, x, h[i].key, h[i].label) + 2;
	if (help.label != NULL && x + (int)strlen(help.key) + 5 < end)
		put_hint(r->y, x, help.key, help.label);
}

/*
 * A message of rows rows wrapped to the width, from column x, on the
 * screen's rows bottom - rows + 1 to bottom; cut with "..." when it
 * needs more.
 */
static void
put_message(const char *s, int x, int bottom, int cols, attr_t attr,
    int max)
{
	size_t cut[64], len[64];
	int rows, i, y;

	if (max > 64)
		max = 64;
	rows = wrap_rows(s, cols - x, max, cut, len);
	for (i = 0; i < rows; i++) {
		y = bottom - rows + 1 + i;
		fill(y, 0, cols, A_NORMAL);
		put_cut(y, x, cols - x, s + cut[i], len[i], attr);
	}
}

/* The rows a message needs at the bottom of the screen, from column x. */
static int
message_rows(const char *s, int x, const struct ui_layout *l)
{
	size_t cut[64], len[64];
	int max = message_rows_max(l);

	return wrap_rows(s, l->cols - x, max > 64 ? 64 : max, cut, len);
}

/*
 * The status and hint rows: the question, the prompt, or the status and
 * the hints. A message too long for its row wraps onto the rows above:
 * a question (its answers left to the hints), the reason a prompt refused
 * a value (under the prompt, which moves up), and a status until the next
 * key (over the hints; then cut, and M shows it whole again). Sets *cy
 * and *cx to the prompt's cursor, or *cx to -1.
 */
static void
draw_bottom(const struct ui_model *m, const struct ui_layout *l, int *cy,
    int *cx)
{
	const struct ui_rect *r = &l->status;
	const char *label, *text;
	attr_t sa = ui_theme_attr(m->status_err ? UI_ROLE_STATUS_ERR :
	    UI_ROLE_STATUS_OK);
	char *q, *answers, *cutl = NULL;
	size_t len, skip = 0;
	int lw, room, cur, rows, y = r->y;

	*cx = -1;
	fill(r->y, r->x, r->w, A_NORMAL);
	if (m->mode == UI_MODE_CONFIRM) {
		/* Too long for its row: the question whole, over the rows
		 * above, without its answers, which the hints name. */
		q = ui_model_confirm_text(m);
		if (text_cols(q, strlen(q)) > r->w &&
		    (answers = strstr(q, "?  ")) != NULL)
			answers[1] = '\0';
		if ((rows = message_rows(q, 0, l)) > 1)
			put_message(q, 0, r->y, l->cols,
			    ui_theme_attr(UI_ROLE_PROMPT), rows);
		else
			puts_at(r->y, r->x, r->w, q,
			    ui_theme_attr(UI_ROLE_PROMPT));
		draw_hints(m, l);
		free(q);
		return;
	}
	if (m->mode != UI_MODE_EDIT_PATH) {
		if (m->status != NULL && (rows = message_rows(m->status, 1,
		    l)) > 1 && !status_cut(m, l)) {
			put_message(m->status, 1, l->hints.y, l->cols, sa,
			    rows);
			return;
		}
		if (m->status != NULL)
			put_cut(r->y, r->x + 1, r->w - 1, m->status,
			    strlen(m->status), sa);
		draw_hints(m, l);
		return;
	}
	/* A prompt: a refused value's reason under it, on the hint row, so
	 * the text typed stays whole; a long one on more rows. */
	rows = m->status != NULL ? message_rows(m->status, 1, l) : 0;
	if (rows > 0) {
		put_message(m->status, 1, l->hints.y, l->cols, sa, rows);
		y = l->hints.y - rows;
		fill(y, r->x, r->w, A_NORMAL);
	} else
		draw_hints(m, l);
	label = ui_model_prompt_label(m);
	/* Narrow: the short label, and at most half the row, its ": " kept
	 * so the text never runs into it. */
	if (text_cols(label, strlen(label)) > r->w / 2)
		label = ui_model_prompt_label_short(m);
	if (text_cols(label, strlen(label)) > r->w / 2) {
		xasprintf(&cutl, "%.*s: ", (int)text_bytes(label,
		    strlen(label), r->w / 2 - 2), label);
		label = cutl;
	}
	text = ui_line_str(&m->line);
	len = strlen(text);
	lw = puts_at(y, r->x, r->w / 2, label, ui_theme_attr(UI_ROLE_PROMPT));
	free(cutl);
	room = r->w - lw - 1;
	cur = (int)ui_line_cursor_col(&m->line);
	if (room < 1)
		room = 1;
	if (cur >= room) {
		/* Scrolled so the cursor is in sight; a wide character is
		 * left out whole. */
		skip = text_skip(text, len, cur - room + 1);
		cur -= text_cols(text, skip);
	}
	put(y, r->x + lw, room, text + skip, len - skip, A_NORMAL);
	*cy = y;
	*cx = r->x + lw + cur;
}

void
ui_view_draw(const struct ui_model *m, const struct ui_layout *l)
{
	int cy = 0, cx;

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
		draw_preview(m, l);
	}
	draw_bottom(m, l, &cy, &cx);
	if (cx >= 0) {
		curs_set(1);
		move(cy, cx);
	} else
		curs_set(0);
	wnoutrefresh(stdscr);
}
