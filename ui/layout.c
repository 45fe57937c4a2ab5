/* SPDX-License-Identifier: ISC */
/* layout.c: screen geometry as a pure function of the terminal size. */
#include "config.h"

#include "layout.h"

#include <string.h>

static void
rect(struct ui_rect *r, int y, int x, int h, int w)
{
	r->y = y;
	r->x = x;
	r->h = h > 0 ? h : 0;
	r->w = w > 0 ? w : 0;
}

void
ui_layout_compute(struct ui_layout *l, int rows, int cols, bool zoom)
{
	int body, sw, sh;

	memset(l, 0, sizeof *l);
	l->rows = rows;
	l->cols = cols;
	l->zoom = zoom;
	l->need_cols = UI_MIN_COLS;
	l->need_rows = UI_MIN_ROWS;
	if (rows < UI_MIN_ROWS || cols < UI_MIN_COLS) {
		l->too_small = true;
		return;
	}

	rect(&l->title, 0, 0, 1, cols);
	rect(&l->status, rows - 2, 0, 1, cols);
	rect(&l->hints, rows - 1, 0, 1, cols);
	body = rows - 3;

	if (zoom) {
		l->stacked = cols < UI_WIDE_COLS;
		rect(&l->preview, 1, 0, body, cols);
		return;
	}
	if (cols >= UI_WIDE_COLS) {
		/* The settings need room for a path and its flags; the
		 * preview gets the rest, since SBPL lines are long. */
		sw = cols * 2 / 5;
		if (sw < 40)
			sw = 40;
		if (sw > 64)
			sw = 64;
		rect(&l->settings, 1, 0, body, sw);
		rect(&l->sep, 1, sw, body, 1);
		rect(&l->preview, 1, sw + 1, body, cols - sw - 1);
	} else {
		l->stacked = true;
		sh = body / 2;
		rect(&l->settings, 1, 0, sh, cols);
		rect(&l->preview, 1 + sh, 0, body - sh, cols);
	}
}

int
ui_layout_pane_lines(const struct ui_rect *r)
{
	return r->h > 1 ? r->h - 1 : 0;
}
