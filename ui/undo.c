/* SPDX-License-Identifier: ISC */
/* undo.c: the history of the TUI's changes, for undo and redo. */
#include "config.h"

#include "undo.h"

#include <stdlib.h>
#include <string.h>

#include "model.h"
#include "xmalloc.h"

/*
 * A step is a whole copy of the policy, not a diff: every change (a key,
 * an entry typed, a check) is then undone by the same code, and a copy of
 * a thousand entries costs less than drawing them.
 */
static void
state_take(const struct ui_model *m, struct ui_state *s)
{
	size_t i;

	params_copy(&s->params, &m->params);
	s->nchecks = m->checks.n;
	s->checks = s->nchecks > 0 ?
	    xreallocarray(NULL, s->nchecks, sizeof *s->checks) : NULL;
	for (i = 0; i < s->nchecks; i++)
		s->checks[i] = xstrdup(m->checks.v[i].text);
	s->sel_kind = m->sel_kind;
	s->sel_index = m->sel_index;
	s->what = NULL;
}

static void
state_clear(struct ui_state *s)
{
	size_t i;

	params_clear(&s->params);
	for (i = 0; i < s->nchecks; i++)
		free(s->checks[i]);
	free(s->checks);
	free(s->what);
	memset(s, 0, sizeof *s);
}

static bool
checks_same(const struct ui_model *m, const struct ui_state *s)
{
	size_t i;

	if (m->checks.n != s->nchecks)
		return false;
	for (i = 0; i < s->nchecks; i++) {
		if (strcmp(m->checks.v[i].text, s->checks[i]) != 0)
			return false;
	}
	return true;
}

static void
push(struct ui_history *h, struct ui_state *s)
{
	if (h->n == h->cap) {
		h->cap = h->cap == 0 ? 16 : h->cap * 2;
		h->v = xreallocarray(h->v, h->cap, sizeof *h->v);
	}
	h->v[h->n++] = *s;
}

static void
history_clear(struct ui_history *h)
{
	while (h->n > 0)
		state_clear(&h->v[--h->n]);
}

void
ui_undo_mark(struct ui_model *m)
{
	struct ui_state s;

	state_take(m, &s);
	push(&m->undo, &s);
}

void
ui_undo_settle(struct ui_model *m, size_t before, const char *what)
{
	struct ui_state *s;

	if (m->undo.n <= before)
		return;
	s = &m->undo.v[m->undo.n - 1];
	if (params_equal(&s->params, &m->params) && checks_same(m, s)) {
		state_clear(s);
		m->undo.n--;
		return;
	}
	/* A change that named itself keeps its name. */
	if (s->what == NULL) {
		if (what == NULL && m->status != NULL && !m->status_err)
			what = m->status;
		s->what = what != NULL ? xstrdup(what) : NULL;
	}
	history_clear(&m->redo);
	if (m->undo.n > UI_UNDO_MAX) {
		state_clear(&m->undo.v[0]);
		memmove(m->undo.v, m->undo.v + 1,
		    --m->undo.n * sizeof *m->undo.v);
	}
}

void
ui_undo_forget(struct ui_model *m)
{
	history_clear(&m->undo);
	history_clear(&m->redo);
	free(m->undo.v);
	free(m->redo.v);
	memset(&m->undo, 0, sizeof m->undo);
	memset(&m->redo, 0, sizeof m->redo);
}

/* The checks of s in place of the model's, asked of the profile shown;
 * the regeneration that follows asks them again of the new one. */
static void
restore_checks(struct ui_model *m, const struct ui_state *s)
{
	struct sb_error err;
	size_t i;

	if (checks_same(m, s))
		return;
	while (m->checks.n > 0)
		ui_checks_remove(&m->checks, m->checks.n - 1);
	for (i = 0; i < s->nchecks; i++) {
		sb_error_init(&err);
		(void)ui_checks_put(&m->checks, s->checks[i], false,
		    m->checks.n, &err);
	}
}

unsigned
ui_model_undo(struct ui_model *m, bool redo)
{
	struct ui_history *from = redo ? &m->redo : &m->undo;
	struct ui_history *to = redo ? &m->undo : &m->redo;
	struct ui_state s, cur;
	const char *verb = redo ? "redone" : "undone";

	if (from->n == 0) {
		ui_model_status(m, true, "nothing to %s", redo ? "redo" :
		    "undo");
		return UI_R_REDRAW;
	}
	s = from->v[--from->n];
	/* What is there now goes the other way, as the same change. */
	state_take(m, &cur);
	cur.what = s.what != NULL ? xstrdup(s.what) : NULL;
	push(to, &cur);

	params_clear(&m->params);
	params_copy(&m->params, &s.params);
	restore_checks(m, &s);
	m->sel_kind = s.sel_kind;
	m->sel_index = s.sel_index;
	if (s.what != NULL)
		ui_model_status(m, false, "%s: %s%s", verb, s.what,
		    from->n > 0 ? "" : redo ? " (nothing more to redo)" :
		    " (nothing more to undo)");
	else
		ui_model_status(m, false, "%s", verb);
	state_clear(&s);
	return UI_R_REGEN;
}
