/* SPDX-License-Identifier: ISC */
/* preview.c: the preview's text: its lines, their colours, what changed. */
#include "config.h"

#include "preview.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "hash.h"
#include "model.h"
#include "sbpl-lex.h"
#include "strmap.h"
#include "xmalloc.h"

/* The role of a line that starts at the top level with token t (lx just
 * after it): comments and "; -D" lines, and the rule it opens. */
static enum ui_line_role
top_role(const struct sbpl_token *t, const struct sbpl_lexer *lx)
{
	struct sbpl_lexer peek = *lx;
	struct sbpl_token word;

	/* Only what starts in the first column: an indented line is the
	 * text of something else. */
	if (t->col != 1)
		return UI_LINE_PLAIN;
	if (t->kind == SBPL_T_COMMENT)
		return t->len >= 5 && strncmp(t->start, "; -D ", 5) == 0 ?
		    UI_LINE_PARAM : UI_LINE_COMMENT;
	if (t->kind != SBPL_T_OPEN)
		return UI_LINE_PLAIN;
	(void)sbpl_lex_next(&peek, &word);
	if (word.start != t->start + 1)
		return UI_LINE_PLAIN;
	if (sbpl_tok_is(&word, "allow"))
		return UI_LINE_ALLOW;
	if (sbpl_tok_is(&word, "deny"))
		return UI_LINE_DENY;
	return UI_LINE_PLAIN;
}

/*
 * Classifies lines by the top-level form they belong to, so a rule that
 * spans lines keeps one colour; a comment line at the top level is a
 * comment. The lexer knows strings and comments, whose parens do not
 * count.
 */
static void
classify(struct ui_model *m)
{
	struct sbpl_lexer lx;
	struct sbpl_token t;
	enum ui_line_role form = UI_LINE_PLAIN, role;
	size_t line = 0;	/* lines[0..line) have their role */
	int depth = 0;

	sbpl_lex_init(&lx, m->preview);
	for (;;) {
		(void)sbpl_lex_next(&lx, &t);
		/* Most tokens are on the line of the one before. */
		if (t.kind == SBPL_T_END || t.line > line) {
			/* The lines before the token's: nothing starts on
			 * them. */
			while (line < m->nlines &&
			    (t.kind == SBPL_T_END || line + 1 < t.line)) {
				if (depth == 0)
					form = UI_LINE_PLAIN;
				m->lines[line++].role = form;
			}
			if (t.kind == SBPL_T_END)
				break;
			if (line < m->nlines) {
				/* The first token of its line. */
				role = form;
				if (depth == 0) {
					role = top_role(&t, &lx);
					if (role != UI_LINE_COMMENT &&
					    role != UI_LINE_PARAM)
						form = role;
				}
				m->lines[line++].role = role;
			}
		}
		if (t.kind == SBPL_T_OPEN)
			depth++;
		else if (t.kind == SBPL_T_CLOSE && depth > 0)
			depth--;
	}
}

/*
 * Marks the lines of the new preview that the old one did not have (as a
 * multiset: a repeated line counts once per copy). O(n), unlike a real diff,
 * and enough to show what an edit added or altered.
 */
static void
mark_changes(struct ui_model *m, const struct ui_pline *old, size_t nold)
{
	struct strmap set;
	struct ui_pline *l;
	size_t i, *count;

	m->first_changed = SIZE_MAX;
	if (old == NULL)
		return;
	strmap_init(&set);
	strmap_reserve(&set, nold);
	for (i = 0; i < nold; i++)
		++*strmap_put(&set, old[i].s, old[i].len, old[i].hash, NULL);
	for (i = 0; i < m->nlines; i++) {
		l = &m->lines[i];
		count = strmap_get(&set, l->s, l->len, l->hash);
		if (count != NULL && *count > 0) {
			(*count)--;
			continue;
		}
		l->changed = true;
		if (m->first_changed == SIZE_MAX)
			m->first_changed = i;
	}
	strmap_clear(&set);
}

size_t
ui_preview_max_top(const struct ui_model *m)
{
	size_t h = (size_t)m->preview_lines;

	return m->nlines > h ? m->nlines - h : 0;
}

static void
split_lines(struct ui_model *m)
{
	const char *s = m->preview, *nl;
	size_t n = 0, cap = 64;

	m->lines = xreallocarray(NULL, cap, sizeof *m->lines);
	while (*s != '\0') {
		nl = strchr(s, '\n');
		if (n == cap) {
			cap *= 2;
			m->lines = xreallocarray(m->lines, cap, sizeof *m->lines);
		}
		m->lines[n].s = s;
		m->lines[n].len = nl != NULL ? (size_t)(nl - s) : strlen(s);
		m->lines[n].hash = hash_bytes(s, m->lines[n].len);
		m->lines[n].role = UI_LINE_PLAIN;
		m->lines[n].changed = false;
		n++;
		if (nl == NULL)
			break;
		s = nl + 1;
	}
	m->nlines = n;
}

void
ui_preview_set(struct ui_model *m, char *text)
{
	struct ui_pline *old_lines = m->lines;
	char *old_preview = m->preview;
	size_t nold = m->nlines, h;

	m->preview = text;
	split_lines(m);
	classify(m);
	mark_changes(m, old_lines, nold);
	free(old_lines);
	free(old_preview);

	/* Bring the first changed line into view, with a little context. */
	h = (size_t)m->preview_lines;
	if (m->first_changed != SIZE_MAX &&
	    (m->first_changed < m->preview_top ||
	    m->first_changed >= m->preview_top + h))
		m->preview_top = m->first_changed > 2 ? m->first_changed - 2 : 0;
	if (m->preview_top > ui_preview_max_top(m))
		m->preview_top = ui_preview_max_top(m);
}

void
ui_preview_drop(struct ui_model *m)
{
	free(m->preview);
	free(m->lines);
	m->preview = NULL;
	m->lines = NULL;
	m->nlines = 0;
	m->first_changed = SIZE_MAX;
}
