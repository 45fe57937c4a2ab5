/* SPDX-License-Identifier: ISC */
/* view.c: draws a const model on stdscr; the only code that draws. */
#include "config.h"

#include "view.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "keymap.h"
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

static void
draw_title(const struct ui_model *m, const struct ui_rect *r)
{
	static const char prefix[] = " sbpolicy: ";
	char right[128];
	const char *file = m->file != NULL ? m->file : "[new policy]";
	const char *mark = m->modified ? " [modified]" : "";
	attr_t a = ui_theme_attr(UI_ROLE_TITLE);
	size_t flen = strlen(file);
	int rw, room, fw, x;

	snprintf(right, sizeof right, "network %s | fs %s ",
	    net_mode_name(m->params.net_mode), fs_mode_name(m->params.fs_mode));
	fill(r->y, r->x, r->w, a);
	rw = (int)strlen(right);
	fw = text_cols(file, flen);
	room = r->w - (int)strlen(prefix) - (int)strlen(mark);
	if (fw + rw + 2 > room)
		rw = 0;
	x = r->x + puts_at(r->y, r->x, r->w, prefix, a);
	/* The marker must stay in sight: a long name loses its start. */
	if (fw > room && room > 4) {
		size_t skip = text_skip(file, flen, fw - (room - 3));

		x += puts_at(r->y, x, 3, "...", a);
		x += put(r->y, x, room - 3, file + skip, flen - skip, a);
	} else
		x += put(r->y, x, room > 0 ? room : 0, file, flen, a);
	puts_at(r->y, x, r->x + r->w - x, mark, a);
	if (rw > 0)
		puts_at(r->y, r->x + r->w - rw, rw, right, a);
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

static void
draw_settings(const struct ui_model *m, const struct ui_rect *r)
{
	size_t i;
	int y, lines = ui_layout_pane_lines(r);
	bool focus = m->focus == UI_FOCUS_SETTINGS;

	if (r->w == 0 || r->h == 0)
		return;
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
 * Writes s[0..len) at (y, x) in at most w columns, (param "KEY")
 * references in pa when refs, the rest in base. Returns the columns used.
 */
static int
put_refs(int y, int x, int w, const char *s, size_t len, attr_t base,
    attr_t pa, bool refs)
{
	static const char ref[] = "(param \"";
	const char *end = s + len, *p, *q;
	int used, total = 0;

	while (s < end && w > 0) {
		p = refs ? memmem(s, (size_t)(end - s), ref, sizeof ref - 1) :
		    NULL;
		if (p == NULL) {
			total += put(y, x, w, s, (size_t)(end - s), base);
			break;
		}
		used = put(y, x, w, s, (size_t)(p - s), base);
		x += used;
		w -= used;
		total += used;
		q = memchr(p + sizeof ref - 1, ')', (size_t)(end - p) -
		    (sizeof ref - 1));
		q = q != NULL ? q + 1 : end;
		used = put(y, x, w, p, (size_t)(q - p), pa);
		x += used;
		w -= used;
		total += used;
		s = q;
	}
	return total;
}

/*
 * One preview line: (param "KEY") references stand out inside rules. The
 * deciding rule of the selected check is filled like a changed line, in
 * its own role; what the selected entry wrote (span) stands out in its
 * own. The separator beside the pane marks both too (draw_separator).
 */
static void
draw_pline(const struct ui_pline *l, int y, const struct ui_rect *r)
{
	attr_t base, pa, ea;
	size_t off = 0, cut[3];
	int x = r->x, w = r->w, k;
	bool more = text_cols(l->s, l->len) > w;
	bool rule = (l->mark & UI_MARK_RULE) != 0;
	bool entry = (l->mark & UI_MARK_ENTRY) != 0 && l->span_len > 0;
	bool filled = rule || l->changed;
	bool refs = l->role != UI_LINE_COMMENT && l->role != UI_LINE_PARAM;

	if (more)
		w--;
	base = ui_theme_attr(rule ? UI_ROLE_PREVIEW_RULE : l->changed ?
	    UI_ROLE_PREVIEW_CHANGED : line_role(l->role));
	pa = filled ? base : ui_theme_attr(UI_ROLE_PREVIEW_PARAM);
	ea = ui_theme_attr(UI_ROLE_PREVIEW_ENTRY);
	if (filled)
		fill(y, r->x, r->w, base);
	/* Before the entry's bytes, the bytes, after them. */
	cut[0] = entry ? l->span_off : l->len;
	cut[1] = entry ? l->span_off + l->span_len : l->len;
	cut[2] = l->len;
	for (k = 0; k < 3 && w > 0; k++) {
		if (cut[k] <= off)
			continue;
		x += put_refs(y, x, w - (x - r->x), l->s + off, cut[k] - off,
		    k == 1 ? ea : base, k == 1 ? ea | A_UNDERLINE : pa, refs);
		off = cut[k];
		if (x - r->x >= w)
			break;
	}
	if (more)
		put(y, r->x + r->w - 1, 1, ">", 1,
		    ui_theme_attr(UI_ROLE_KEYHINT_KEY));
}

static void
draw_preview(const struct ui_model *m, const struct ui_rect *r)
{
	char head[256];
	size_t i, last;
	int y, lines = ui_layout_pane_lines(r);
	bool focus = m->focus == UI_FOCUS_PREVIEW;

	if (r->w == 0 || r->h == 0)
		return;
	last = m->preview_top + (size_t)lines;
	if (last > m->nlines)
		last = m->nlines;
	snprintf(head, sizeof head, " Preview  lines %zu-%zu of %zu%s%s",
	    m->nlines > 0 ? m->preview_top + 1 : 0, last, m->nlines,
	    /* Only what the settings show: a "no effect" warning about a
	     * whole list is the dimmed reason there. */
	    m->warnings_shown > 0 ? "  (warnings: see settings)" : "",
	    m->preview_stale ? "  [stale]" : "");
	draw_heading(r, head, focus && m->mode != UI_MODE_HELP);
	for (y = 0, i = m->preview_top; y < lines && i < m->nlines; y++, i++)
		draw_pline(&m->lines[i], r->y + 1 + y, r);
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

static void
draw_help(const struct ui_model *m, const struct ui_layout *l)
{
	struct ui_rect r;
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
	for (y = 0, i = m->help_top; y < lines && i < m->nhelp; y++, i++) {
		attr_t a = m->help[i][0] != ' ' ?
		    ui_theme_attr(UI_ROLE_SECTION) : A_NORMAL;

		puts_at(r.y + 1 + y, 1, r.w - 2, m->help[i], a);
	}
}

/* --- status and hints ----------------------------------------------------- */

struct hint {
	enum ui_action	 action;
	const char	*label;
};

/* Help and quit first: at any width they are the two a user must find. */
static const struct hint hints_main[] = {
	{ ACT_HELP, "help" }, { ACT_QUIT, "quit" },
	{ ACT_NET_CYCLE, "net" }, { ACT_ADD_ALLOW, "allow" },
	{ ACT_ADD_DENY, "deny" }, { ACT_ADD_ROOT, "root" },
	{ ACT_FS_CYCLE, "fs" }, { ACT_ADD_PORT, "port" },
	{ ACT_TOGGLE_LOCAL, "local" }, { ACT_TOGGLE_ALLOW_ALL, "all" },
	{ ACT_EDIT, "edit" }, { ACT_DELETE, "del" }, { ACT_SAVE, "save" },
	{ ACT_OPEN, "open" }, { ACT_RUN, "run" }, { ACT_CHECK, "check" },
	{ ACT_TOGGLE_BUILTIN, "builtin" }, { ACT_FOCUS, "pane" },
	{ ACT_ZOOM, "zoom" },
	{ ACT_NONE, NULL },
};
static const struct hint hints_edit[] = {
	{ ACT_ACCEPT, "accept" }, { ACT_CANCEL, "cancel" },
	{ ACT_COMPLETE, "complete" }, { ACT_KILL_LINE, "clear" },
	{ ACT_NONE, NULL },
};
static const struct hint hints_help[] = {
	{ ACT_CANCEL, "close" }, { ACT_PAGE_DOWN, "page" },
	{ ACT_NONE, NULL },
};
/* Each question offers only the keys that answer it. */
static const struct hint hints_unsaved[] = {
	{ ACT_CONFIRM_SAVE, "save" }, { ACT_CONFIRM_DISCARD, "discard" },
	{ ACT_CANCEL, "cancel" }, { ACT_NONE, NULL },
};
static const struct hint hints_overwrite[] = {
	{ ACT_CONFIRM_YES, "yes" }, { ACT_CONFIRM_NO, "no" },
	{ ACT_NONE, NULL },
};

/* The hints come from the keymap, so they show the keys that work. */
static void
draw_hints(const struct ui_model *m, const struct ui_rect *r)
{
	const struct hint *h;
	char key[32];
	int x = r->x + 1, k, n;

	switch (m->mode) {
	case UI_MODE_EDIT_PATH:	h = hints_edit; break;
	case UI_MODE_HELP:	h = hints_help; break;
	case UI_MODE_CONFIRM:
		h = m->confirm == UI_CONFIRM_OVERWRITE ? hints_overwrite :
		    hints_unsaved;
		break;
	default:		h = hints_main; break;
	}
	fill(r->y, r->x, r->w, ui_theme_attr(UI_ROLE_KEYHINT));
	for (; h->label != NULL; h++) {
		/* Zoomed, Tab does nothing: there is one pane. */
		if (h->action == ACT_FOCUS && m->zoom)
			continue;
		if ((k = ui_keymap_key_for(m->mode, h->action)) == UI_KEY_NONE)
			continue;
		ui_key_name(k, key, sizeof key);
		n = (int)strlen(key) + 1 + (int)strlen(h->label);
		if (x + n >= r->x + r->w)
			break;
		x += puts_at(r->y, x, n, key, ui_theme_attr(UI_ROLE_KEYHINT_KEY));
		x += puts_at(r->y, x, 1 + (int)strlen(h->label), " ",
		    ui_theme_attr(UI_ROLE_KEYHINT));
		x += puts_at(r->y, x, (int)strlen(h->label), h->label,
		    ui_theme_attr(UI_ROLE_KEYHINT));
		x += 2;
	}
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
	if (m->mode == UI_MODE_HELP)
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
