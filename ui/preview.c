/* SPDX-License-Identifier: ISC */
/* preview.c: the preview's text: its lines, their colours, what changed. */
#include "config.h"

#include "preview.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lists.h"
#include "model.h"
#include "hash.h"
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
 * Records the state a line starts in. A line that begins inside a string
 * token of the lines before cannot be resumed from, nor converge.
 */
static void
record(struct ui_pline *l, int depth, enum ui_line_role form, bool in_token)
{
	l->depth = depth;
	l->form = form;
	l->in_token = in_token;
}

/* True when line i, at or after stop, holds the state the run reached:
 * from there on the text and so the roles are the old ones. */
static bool
converged(const struct ui_model *m, size_t i, size_t stop, int depth,
    enum ui_line_role form, bool in_token)
{
	const struct ui_pline *l = &m->lines[i];

	return i >= stop && !in_token && !l->in_token && l->depth == depth &&
	    l->form == form;
}

/* The lines after t's own that a token of several lines covers the start
 * of: up to line (0-based) t.line + n - 1. */
static size_t
token_lines(const struct sbpl_token *t)
{
	const char *p = t->start, *end = t->start + t->len;
	size_t n = 0;

	if (t->kind != SBPL_T_STRING && t->kind != SBPL_T_RAW)
		return 0;
	while ((p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
		n++;
		p++;
	}
	return n;
}

/*
 * Classifies lines by the top-level form they belong to, so a rule that
 * spans lines keeps one colour; a comment line at the top level is a
 * comment. The lexer knows strings and comments, whose parens do not
 * count. It runs from line from (whose recorded state it starts in) and
 * stops at the first line at or after stop that it finds in the state the
 * old run left there: the rest is the old text, already classified.
 */
static void
classify(struct ui_model *m, size_t from, size_t stop)
{
	struct sbpl_lexer lx;
	struct sbpl_token t;
	enum ui_line_role form, role;
	size_t line = from;	/* lines[from..line) have their role */
	size_t tok_end = 0;	/* lines before it start inside a token */
	size_t n;
	int depth;

	if (from >= m->nlines)
		return;
	depth = m->lines[from].depth;
	form = m->lines[from].form;
	sbpl_lex_init(&lx, m->lines[from].s);
	lx.line = from + 1;
	for (;;) {
		(void)sbpl_lex_next(&lx, &t);
		/* Most tokens are on the line of the one before. */
		if (t.kind == SBPL_T_END || t.line > line) {
			/* The lines before the token's: nothing starts on
			 * them. */
			while (line < m->nlines &&
			    (t.kind == SBPL_T_END || line + 1 < t.line)) {
				if (converged(m, line, stop, depth, form,
				    line < tok_end))
					return;
				record(&m->lines[line], depth, form,
				    line < tok_end);
				if (depth == 0)
					form = UI_LINE_PLAIN;
				m->lines[line++].role = form;
			}
			if (t.kind == SBPL_T_END)
				break;
			if (line < m->nlines) {
				if (converged(m, line, stop, depth, form,
				    line < tok_end))
					return;
				record(&m->lines[line], depth, form,
				    line < tok_end);
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
		if ((n = token_lines(&t)) > 0 && t.line + n > tok_end)
			tok_end = t.line + n;
		if (t.kind == SBPL_T_OPEN)
			depth++;
		else if (t.kind == SBPL_T_CLOSE && depth > 0)
			depth--;
	}
}

static void
line_hash(struct ui_pline *l)
{
	if (!l->hashed) {
		l->hash = hash_words(l->s, l->len);
		l->hashed = true;
	}
}

/*
 * Marks the lines of the new preview's changed part that the old one's did
 * not have (as a multiset: a repeated line counts once per copy): lines
 * [from, to) against old [ofrom, oto). O(n), unlike a real diff, and enough
 * to show what an edit added or altered; the lines around them are the
 * same bytes, so unchanged.
 */
static void
mark_changes(struct ui_model *m, size_t from, size_t to, struct ui_pline *old,
    size_t ofrom, size_t oto)
{
	struct strmap set;
	struct ui_pline *l;
	size_t i, *count;

	m->first_changed = m->first_changed_rule = SIZE_MAX;
	if (from == to)
		return;
	strmap_init(&set);
	strmap_reserve(&set, oto - ofrom);
	for (i = ofrom; i < oto; i++) {
		line_hash(&old[i]);
		++*strmap_put(&set, old[i].s, old[i].len, old[i].hash, NULL);
	}
	for (i = from; i < to; i++) {
		l = &m->lines[i];
		if (oto > ofrom) {
			line_hash(l);
			count = strmap_get(&set, l->s, l->len, l->hash);
			if (count != NULL && *count > 0) {
				(*count)--;
				continue;
			}
		}
		l->changed = true;
		if (m->first_changed == SIZE_MAX)
			m->first_changed = i;
		if (m->first_changed_rule == SIZE_MAX &&
		    l->role != UI_LINE_PARAM)
			m->first_changed_rule = i;
	}
	strmap_clear(&set);
}

size_t
ui_preview_max_top(const struct ui_model *m)
{
	size_t h = (size_t)m->preview_lines;

	return m->nlines > h ? m->nlines - h : 0;
}

/* Room for n more lines. */
static void
lines_reserve(struct ui_model *m, size_t *cap, size_t n)
{
	if (m->nlines + n <= *cap)
		return;
	while (m->nlines + n > *cap)
		*cap = *cap < 64 ? 64 : *cap * 2;
	m->lines = xreallocarray(m->lines, *cap, sizeof *m->lines);
}

/* Appends the lines of bytes [start, end) of the preview: end is the end
 * of the text or the start of a line. */
static void
split_lines(struct ui_model *m, size_t *cap, size_t start, size_t end)
{
	const char *s = m->preview + start, *e = m->preview + end, *nl;
	struct ui_pline *l;

	while (s < e) {
		nl = memchr(s, '\n', (size_t)(e - s));
		lines_reserve(m, cap, 1);
		l = &m->lines[m->nlines++];
		memset(l, 0, sizeof *l);
		l->s = s;
		l->len = nl != NULL ? (size_t)(nl - s) : (size_t)(e - s);
		l->role = UI_LINE_PLAIN;
		if (nl == NULL)
			break;
		s = nl + 1;
	}
}

/* Appends old lines [from, to), their text moved by delta bytes from old
 * to the preview, with their roles, states and hashes. */
static void
copy_lines(struct ui_model *m, size_t *cap, const struct ui_pline *old,
    const char *otext, size_t from, size_t to, size_t delta)
{
	struct ui_pline *l;
	size_t i;

	lines_reserve(m, cap, to - from);
	for (i = from; i < to; i++) {
		l = &m->lines[m->nlines++];
		*l = old[i];
		/* Offset first: delta may be a shrink, wrapped in size_t. */
		l->s = m->preview + ((size_t)(old[i].s - otext) + delta);
		l->changed = false;
		l->mark = 0;
		l->span_off = l->span_len = 0;
	}
}

/* How many bytes a and b have in common at the start; memcmp by blocks
 * first, as the texts are mostly the same. */
static size_t
common_prefix(const char *a, const char *b, size_t n)
{
	size_t i = 0;

	while (i + 256 <= n && memcmp(a + i, b + i, 256) == 0)
		i += 256;
	while (i < n && a[i] == b[i])
		i++;
	return i;
}

/* The same at the end of a[0..alen) and b[0..blen), at most max bytes. */
static size_t
common_suffix(const char *a, size_t alen, const char *b, size_t blen,
    size_t max)
{
	size_t i = 0;

	while (i + 256 <= max && memcmp(a + alen - i - 256,
	    b + blen - i - 256, 256) == 0)
		i += 256;
	while (i < max && a[alen - 1 - i] == b[blen - 1 - i])
		i++;
	return i;
}

void
ui_preview_set(struct ui_model *m, char *text)
{
	struct ui_pline *old = m->lines;
	char *otext = m->preview;
	size_t nold = m->nlines, olen, len, pre, suf, np, ns, start, end;
	size_t cap = 0, from, stop, scroll, h;

	len = strlen(text);
	olen = otext != NULL ? strlen(otext) : 0;
	pre = old != NULL ? common_prefix(otext, text,
	    olen < len ? olen : len) : 0;
	suf = old != NULL ? common_suffix(otext, olen, text, len,
	    (olen < len ? olen : len) - pre) : 0;
	/* The old lines wholly inside the common start, their newline
	 * included, and inside the common end, the newline before them
	 * included: the same lines in the new text. */
	for (np = 0; np < nold; np++) {
		if ((size_t)(old[np].s - otext) + old[np].len + 1 > pre)
			break;
	}
	for (ns = 0; ns < nold - np; ns++) {
		if ((size_t)(old[nold - 1 - ns].s - otext) < olen - suf + 1)
			break;
	}

	m->preview = text;
	m->lines = NULL;
	m->nlines = 0;
	copy_lines(m, &cap, old, otext, 0, np, 0);
	start = np > 0 ? (size_t)(old[np - 1].s - otext) + old[np - 1].len + 1 :
	    0;
	end = ns > 0 ? (size_t)(old[nold - ns].s - otext) + len - olen : len;
	split_lines(m, &cap, start, end);
	stop = m->nlines;
	copy_lines(m, &cap, old, otext, nold - ns, nold, len - olen);

	/* Run the classifier from the first new line, in the state the old
	 * line there started in, or from the last line before it that can
	 * be resumed from (the text before is the same). */
	from = np;
	if (np == 0) {
		if (m->nlines > 0)
			record(&m->lines[0], 0, UI_LINE_PLAIN, false);
	} else if (np < nold && np < m->nlines && !old[np].in_token)
		record(&m->lines[np], old[np].depth, old[np].form, false);
	else {
		from = np - 1;
		while (from > 0 && m->lines[from].in_token)
			from--;
	}
	classify(m, from, stop);
	if (old != NULL)
		mark_changes(m, np, stop, old, np, nold - ns);
	else
		m->first_changed = m->first_changed_rule = SIZE_MAX;
	free(old);
	free(otext);

	/* Bring the first changed rule into view, with a little context:
	 * the -D lines at the top say less than the rules that use them. */
	scroll = m->first_changed_rule != SIZE_MAX ? m->first_changed_rule :
	    m->first_changed;
	h = (size_t)m->preview_lines;
	if (scroll != SIZE_MAX &&
	    (scroll < m->preview_top || scroll >= m->preview_top + h))
		m->preview_top = scroll > 2 ? scroll - 2 : 0;
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
	m->first_changed = m->first_changed_rule = SIZE_MAX;
}
