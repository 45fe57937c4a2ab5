/* SPDX-License-Identifier: ISC */
/* view.h: draws a const model on stdscr. */
#ifndef SBPOLICY_VIEW_H
#define SBPOLICY_VIEW_H

#include "layout.h"
#include "model.h"

/*
 * Erases stdscr, draws the whole screen for m in layout l (or the "terminal
 * too small" line), places the cursor for a prompt, and calls wnoutrefresh:
 * never refresh(), so the loop flushes once per pass with doupdate().
 * ui_theme_init must have run.
 */
void	ui_view_draw(const struct ui_model *m, const struct ui_layout *l);

#endif
