/* SPDX-License-Identifier: ISC */
/* undo.h: the history of the TUI's changes, for undo and redo. */
#ifndef SBPOLICY_UNDO_H
#define SBPOLICY_UNDO_H

#include <stdbool.h>
#include <stddef.h>

#include "params.h"
#include "rows.h"

/* How many changes undo goes back through. */
#define UI_UNDO_MAX	100

/* The policy and the checks as they were, and what was selected. */
struct ui_state {
	struct params		 params;
	char			**checks;	/* their texts, as typed */
	size_t			 nchecks;
	enum ui_row_kind	 sel_kind;
	size_t			 sel_index;
	char			*what;		/* the change, as its message
						 * said it; or NULL */
};

struct ui_history {
	struct ui_state		*v;
	size_t			 n;
	size_t			 cap;
};

struct ui_model;

/*
 * Before a change: keeps the state it is about to change. After it,
 * ui_undo_settle with the depth from before makes it a step (labelled with
 * what, else the status line, unless labelled already; the redo history
 * dropped) or, when the change changed nothing (refused, or the same value
 * again), drops it. Settling twice does no more than once.
 */
void	ui_undo_mark(struct ui_model *);
void	ui_undo_settle(struct ui_model *, size_t before, const char *what);

/* Both histories emptied: another policy was opened. */
void	ui_undo_forget(struct ui_model *);

/*
 * U (or with redo, R): the state before the last change (after the last
 * one undone) again, its selection too; the status line says which change.
 * Returns the reaction (UI_R_REGEN; UI_R_REDRAW when there is none).
 */
unsigned ui_model_undo(struct ui_model *, bool redo);

#endif
