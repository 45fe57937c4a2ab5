/* SPDX-License-Identifier: ISC */
/* search.c: finding text in the preview and the help; no curses. */
#include "config.h"

#include "search.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "model.h"
#include "preview.h"
#include "utf8.h"
#include "xmalloc.h"

static int
lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

static bool
has_capital(const char *pat)
{
	for (; *pat != '\0'; pat++) {
		if (*pat >= 'A' && *pat <= 'Z')
			return true;
	}
	return false;
}

size_t
ui_search_find(const char *s, size_t len, size_t from, const char *pat)
{
	size_t n = strlen(pat), i, k;
	const char *p;
	int c0;

	if (n == 0 || n > len || from > len - n)
		return SIZE_MAX;
	if (has_capital(pat)) {
		p = memmem(s + from, len - from, pat, n);
		return p != NULL ? (size_t)(p - s) : SIZE_MAX;
	}
	c0 = (unsigned char)pat[0];
	for (i = from; i + n <= len; i++) {
		if (lower((unsigned char)s[i]) != c0)
			continue;
		for (k = 1; k < n; k++) {
			if (lower((unsigned char)s[i + k]) !=
			    (unsigned char)pat[k])
				break;
		}
		if (k == n)
			return i;
	}
	return SIZE_MAX;
}

/* The lines searched: the preview's, or the help's. */
static size_t
nlines(const struct ui_model *m)
{
	return m->search_help ? m->nhelp : m->nlines;
}

static size_t
match_in(const struct ui_model *m, size_t i, const char *pat)
{
	if (m->search_help)
		return ui_search_find(m->help[i], strlen(m->help[i]), 0, pat);
	return ui_search_find(m->lines[i].s, m->lines[i].len, 0, pat);
}

/* The first line from `from` on (or back) with a match, round the end;
 * *wrapped says it went round. SIZE_MAX: none. */
static size_t
find_line(const struct ui_model *m, size_t from, bool back, bool *wrapped)
{
	size_t n = nlines(m), i, k;

	*wrapped = false;
	if (n == 0)
		return SIZE_MAX;
	if (from >= n)
		from = back ? n - 1 : 0;
	for (k = 0; k < n; k++) {
		i = back ? (from + n - k) % n : (from + k) % n;
		if (k > 0 && (back ? i > from : i < from))
			*wrapped = true;
		if (match_in(m, i, m->search) != SIZE_MAX)
			return i;
	}
	return SIZE_MAX;
}

/* Shows line i, a little below the top, and its match within the
 * preview's width. */
static void
show_line(struct ui_model *m, size_t i)
{
	const struct ui_pline *l;
	size_t off, col, end, cols, max;

	m->search_line = i;
	if (m->search_help) {
		if (i < m->help_top || i + 1 >= m->help_top +
		    (size_t)m->body_lines) {
			m->help_top = i > 2 ? i - 2 : 0;
			max = m->nhelp > (size_t)m->body_lines - 1 ?
			    m->nhelp - ((size_t)m->body_lines - 1) : 0;
			if (m->help_top > max)
				m->help_top = max;
		}
		return;
	}
	if (i < m->preview_top || i >= m->preview_top +
	    (size_t)m->preview_lines) {
		m->preview_top = i > 2 ? i - 2 : 0;
		if (m->preview_top > ui_preview_max_top(m))
			m->preview_top = ui_preview_max_top(m);
	}
	/* Sideways too: a match past the edge is no match to the eye. The
	 * markers < and > take a column each. */
	l = &m->lines[i];
	if ((off = ui_search_find(l->s, l->len, 0, m->search)) == SIZE_MAX)
		return;
	col = (size_t)ui_utf8_width(l->s, off);
	end = col + (size_t)ui_utf8_width(l->s + off, strlen(m->search));
	cols = m->preview_cols > 4 ? (size_t)m->preview_cols - 2 : 2;
	if (end <= cols + 1)
		m->preview_left = 0;
	else if (col < m->preview_left || end > m->preview_left + cols)
		m->preview_left = col > 8 ? col - 8 : 0;
}

/* "match 3 of 17 lines": which matching line i is. */
static void
say_where(struct ui_model *m, size_t i, bool wrapped, bool back)
{
	size_t n = nlines(m), k, total = 0, nth = 0;
	char *shown = ui_model_show_new(m->search);

	for (k = 0; k < n; k++) {
		if (match_in(m, k, m->search) == SIZE_MAX)
			continue;
		total++;
		if (k <= i)
			nth++;
	}
	ui_model_status(m, false, "%s: line %zu, match %zu of %zu line%s%s; "
	    "n next, N previous, Esc ends", shown, i + 1, nth, total,
	    total == 1 ? "" : "s", !wrapped ? "" : back ?
	    " (from the end)" : " (from the top)");
	m->status_search = true;
	free(shown);
}

unsigned
ui_search_accept(struct ui_model *m)
{
	const char *text = ui_line_str(&m->line);
	char *old = m->search, *shown;
	size_t i;
	bool wrapped;

	if (*text == '\0' && old == NULL) {
		ui_model_status(m, true, "type the text to search for");
		return UI_R_REDRAW;
	}
	if (*text != '\0')
		m->search = xstrdup(text);
	i = find_line(m, m->search_help ? m->help_top : m->preview_top,
	    false, &wrapped);
	if (i == SIZE_MAX) {
		shown = ui_model_show_new(m->search);
		if (m->search != old) {
			free(m->search);
			m->search = old;
		}
		ui_model_status(m, true, "not found: %s", shown);
		free(shown);
		return UI_R_REDRAW;
	}
	if (m->search != old)
		free(old);
	m->prompt = UI_PROMPT_NONE;
	ui_line_set(&m->line, "");
	if (m->search_help) {
		m->mode = UI_MODE_HELP;
		m->search_on = true;
	} else {
		if (!m->zoom)
			m->focus = UI_FOCUS_PREVIEW;
		m->mode = UI_MODE_SEARCH;
	}
	show_line(m, i);
	say_where(m, i, wrapped, false);
	return UI_R_REDRAW;
}

unsigned
ui_search_step(struct ui_model *m, bool back)
{
	size_t n, i, from;
	bool wrapped;

	if (m->search == NULL || (m->search_help && !m->search_on)) {
		ui_model_status(m, true, "no search: / searches");
		return UI_R_REDRAW;
	}
	n = nlines(m);
	if (n == 0)
		return 0;
	from = m->search_line < n ? m->search_line : 0;
	from = back ? (from + n - 1) % n : (from + 1) % n;
	i = find_line(m, from, back, &wrapped);
	if (i == SIZE_MAX) {
		ui_model_status(m, true, "no match any more");
		return UI_R_REDRAW;
	}
	/* Round the end: not past the line we were on. */
	wrapped = back ? i >= m->search_line : i <= m->search_line;
	show_line(m, i);
	say_where(m, i, wrapped, back);
	return UI_R_REDRAW;
}

void
ui_search_end(struct ui_model *m)
{
	m->search_on = false;
	if (m->mode == UI_MODE_SEARCH)
		m->mode = UI_MODE_PREVIEW;
}

bool
ui_search_active(const struct ui_model *m)
{
	return m->mode == UI_MODE_SEARCH ||
	    (m->mode == UI_MODE_HELP && m->search_help && m->search_on) ||
	    (m->mode == UI_MODE_EDIT_PATH && m->prompt == UI_PROMPT_SEARCH);
}

void
ui_search_settle(struct ui_model *m, bool was)
{
	if (!was || ui_search_active(m))
		return;
	m->search_on = false;
	if (m->status_search) {
		free(m->status);
		m->status = NULL;
		m->status_err = false;
		m->status_search = false;
	}
}
