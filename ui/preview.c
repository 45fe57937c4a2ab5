/* SPDX-License-Identifier: ISC */
/* preview.c: the preview's text: its lines, their colours, what changed. */
#include "config.h"

#include "preview.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "hash.h"
#include "lists.h"
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
		m->lines[n].mark = 0;
		m->lines[n].span_off = m->lines[n].span_len = 0;
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

/* --- marks ---------------------------------------------------------------- */

static size_t
line_start(const struct ui_model *m, size_t i)
{
	return (size_t)(m->lines[i].s - m->preview);
}

/* The line that holds byte off of the preview. */
static size_t
line_at(const struct ui_model *m, size_t off)
{
	size_t lo = 0, hi = m->nlines, mid;

	while (hi - lo > 1) {
		mid = lo + (hi - lo) / 2;
		if (line_start(m, mid) <= off)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

/* What marking found: the first and last marked lines of the profile
 * (the -D lines aside), for the scroll. */
struct marked {
	size_t	first;
	size_t	last;
};

static void
marked_add(struct marked *k, size_t i)
{
	if (k->first == SIZE_MAX || i < k->first)
		k->first = i;
	if (k->last == SIZE_MAX || i > k->last)
		k->last = i;
}

/* Marks bytes start to end (excluded) of the preview as the entry's. */
static void
mark_span(struct ui_model *m, size_t start, size_t end, struct marked *k)
{
	struct ui_pline *l;
	size_t i, ls, a, b, lo, hi;

	for (i = line_at(m, start); i < m->nlines; i++) {
		l = &m->lines[i];
		if ((ls = line_start(m, i)) >= end)
			break;
		a = start > ls ? start - ls : 0;
		b = end - ls < l->len ? end - ls : l->len;
		/* Only the newline of the line before. */
		if (b <= a)
			continue;
		if (l->mark & UI_MARK_ENTRY) {
			lo = l->span_off < a ? l->span_off : a;
			hi = l->span_off + l->span_len > b ?
			    l->span_off + l->span_len : b;
			a = lo;
			b = hi;
		}
		l->mark |= UI_MARK_ENTRY;
		l->span_off = a;
		l->span_len = b - a;
		marked_add(k, i);
	}
}

/*
 * Marks the "; -D KEY=..." line of each (param "KEY") in bytes start to
 * end of the preview. The -D lines come first, one per parameter in -D
 * order, which is also the order the profile mostly uses them in: the
 * search starts after the last one found, so a long list stays linear.
 */
static void
mark_params(struct ui_model *m, size_t start, size_t end, size_t *next)
{
	static const char ref[] = "(param \"";
	const struct gen_result *g = &m->gen;
	const char *p = m->preview + start, *e = m->preview + end, *key, *q;
	size_t klen, n, i;

	while ((p = memmem(p, (size_t)(e - p), ref, sizeof ref - 1)) != NULL) {
		key = p + sizeof ref - 1;
		if ((q = memchr(key, '"', (size_t)(e - key))) == NULL)
			break;
		klen = (size_t)(q - key);
		for (n = 0; n < g->nparams; n++) {
			i = (*next + n) % g->nparams;
			if (strncmp(g->params[i].key, key, klen) != 0 ||
			    g->params[i].key[klen] != '\0')
				continue;
			if (i < m->nlines) {
				m->lines[i].mark |= UI_MARK_ENTRY;
				m->lines[i].span_off = 0;
				m->lines[i].span_len = m->lines[i].len;
			}
			*next = i + 1;
			break;
		}
		p = q + 1;
	}
}

static void
mark_entry(struct ui_model *m, enum gen_where where, size_t index,
    struct marked *k)
{
	const struct gen_origin *o;
	size_t i, next = 0, skip = m->profile_skip, done = 0;

	for (i = 0; i < m->gen.norigins; i++) {
		o = &m->gen.origins[i];
		if (o->where != where || o->index != index)
			continue;
		/* Sorted by start, and nested: a range inside the last one
		 * marked adds nothing. */
		if (o->end <= done)
			continue;
		mark_span(m, o->start + skip, o->end + skip, k);
		mark_params(m, o->start + skip, o->end + skip, &next);
		done = o->end;
	}
}

static void
mark_rule(struct ui_model *m, const struct ui_check *c, struct marked *k)
{
	size_t i, last;

	if (!c->asked || c->rule_off == SIZE_MAX || c->rule_end <= c->rule_off)
		return;
	last = line_at(m, c->rule_end - 1);
	for (i = line_at(m, c->rule_off); i <= last && i < m->nlines; i++) {
		m->lines[i].mark |= UI_MARK_RULE;
		marked_add(k, i);
	}
}

void
ui_preview_mark(struct ui_model *m, bool scroll)
{
	const struct ui_row *r = m->nrows > 0 ? &m->rows[m->sel] : NULL;
	const struct ui_list *l;
	struct marked k = { SIZE_MAX, SIZE_MAX };
	size_t i, h;

	for (i = 0; i < m->nlines; i++)
		m->lines[i].mark = 0;
	if (r == NULL || m->nlines == 0 || !m->have_gen)
		return;
	l = ui_list_by_row(r->kind);
	if (l == NULL || r->kind != l->entry)
		return;
	if (r->kind == ROW_CHECK && r->index < m->checks.n)
		mark_rule(m, &m->checks.v[r->index], &k);
	else if (l->origin != GEN_W_GENERAL && !m->preview_stale)
		mark_entry(m, l->origin, r->index, &k);
	if (!scroll || k.first == SIZE_MAX)
		return;
	/* In sight already, whole or as much as fits: leave it. */
	h = (size_t)m->preview_lines;
	if (k.first >= m->preview_top && (k.last < m->preview_top + h ||
	    k.first < m->preview_top + 2))
		return;
	m->preview_top = k.first > 2 ? k.first - 2 : 0;
	if (m->preview_top > ui_preview_max_top(m))
		m->preview_top = ui_preview_max_top(m);
}

void
ui_preview_drop(struct ui_model *m)
{
	size_t i;

	free(m->preview);
	free(m->lines);
	/* The checks borrow the text. */
	(void)ui_checks_ask(&m->checks, NULL, NULL, NULL, true, &i);
	m->preview = NULL;
	m->lines = NULL;
	m->nlines = 0;
	m->first_changed = SIZE_MAX;
}
