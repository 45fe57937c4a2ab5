/* SPDX-License-Identifier: ISC */
/* layout.h: screen geometry as a pure function of the terminal size. */
#ifndef SBPOLICY_LAYOUT_H
#define SBPOLICY_LAYOUT_H

#include <stdbool.h>

/* Below this the layout gives up and the view says "terminal too small". */
#define UI_MIN_COLS	50
#define UI_MIN_ROWS	14
/* From this width on, the panes go side by side. */
#define UI_WIDE_COLS	90

struct ui_rect {
	int	y, x;	/* top left */
	int	h, w;	/* 0 when the area is not shown */
};

/*
 * The screen: a title row, the settings pane and the preview pane (each
 * with a one-row heading inside its rect), a status row and a key-hint row.
 * Side by side, a one-column separator sits at sep.x. With zoom, the
 * preview takes the whole body and settings is empty.
 */
struct ui_layout {
	int		rows, cols;
	bool		too_small;
	int		need_cols, need_rows;
	bool		stacked;
	bool		zoom;
	struct ui_rect	title;
	struct ui_rect	settings;
	struct ui_rect	preview;
	struct ui_rect	sep;		/* vertical separator; h == 0 when stacked */
	struct ui_rect	status;
	struct ui_rect	hints;
};

/* Fills *l for a rows x cols terminal. Pure; never fails. */
void	ui_layout_compute(struct ui_layout *l, int rows, int cols, bool zoom);

/* The number of text lines inside a pane (its rect less the heading). */
int	ui_layout_pane_lines(const struct ui_rect *);

#endif
