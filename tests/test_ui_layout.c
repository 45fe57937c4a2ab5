/* SPDX-License-Identifier: ISC */
/* test_ui_layout.c: the screen geometry for many terminal sizes. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <cmocka.h>

#include "layout.h"

static bool
inside(const struct ui_rect *r, int rows, int cols)
{
	if (r->h == 0 || r->w == 0)
		return true;
	return r->y >= 0 && r->x >= 0 && r->y + r->h <= rows &&
	    r->x + r->w <= cols;
}

static bool
overlap(const struct ui_rect *a, const struct ui_rect *b)
{
	if (a->h == 0 || a->w == 0 || b->h == 0 || b->w == 0)
		return false;
	return a->x < b->x + b->w && b->x < a->x + a->w &&
	    a->y < b->y + b->h && b->y < a->y + a->h;
}

/* The invariants of every usable layout, checked for every size. */
static void
check(const struct ui_layout *l, int rows, int cols)
{
	const struct ui_rect *all[] = {
		&l->title, &l->settings, &l->preview, &l->sep, &l->status,
		&l->hints,
	};
	size_t i, j;
	int covered;

	assert_false(l->too_small);
	for (i = 0; i < 6; i++) {
		assert_true(inside(all[i], rows, cols));
		for (j = i + 1; j < 6; j++)
			assert_false(overlap(all[i], all[j]));
	}
	assert_int_equal(l->title.y, 0);
	assert_int_equal(l->status.y, rows - 2);
	assert_int_equal(l->hints.y, rows - 1);
	assert_int_equal(l->status.w, cols);
	/* The panes leave no row or column of the body unused. */
	covered = l->settings.w * l->settings.h + l->preview.w * l->preview.h +
	    l->sep.w * l->sep.h;
	assert_int_equal(covered, (rows - 3) * cols);
	/* Each pane has its heading and room for text. */
	assert_true(ui_layout_pane_lines(&l->preview) >= 3);
	if (!l->zoom)
		assert_true(ui_layout_pane_lines(&l->settings) >= 3);
}

static void
layout_is_sound_for_every_size(void **state)
{
	struct ui_layout l;
	int rows, cols, z;

	(void)state;
	for (rows = UI_MIN_ROWS; rows <= 120; rows += 3) {
		for (cols = UI_MIN_COLS; cols <= 300; cols += 7) {
			for (z = 0; z < 2; z++) {
				ui_layout_compute(&l, rows, cols, z != 0);
				check(&l, rows, cols);
			}
		}
	}
}

static void
layout_is_side_by_side_when_wide(void **state)
{
	struct ui_layout l;

	(void)state;
	ui_layout_compute(&l, 30, 100, false);
	assert_false(l.stacked);
	assert_int_equal(l.settings.y, l.preview.y);
	assert_true(l.settings.x < l.preview.x);
	assert_int_equal(l.sep.x, l.settings.x + l.settings.w);
	assert_int_equal(l.sep.h, l.settings.h);
	assert_int_equal(l.settings.h, 27);
	/* The preview is the wider pane: SBPL lines are long. */
	assert_true(l.preview.w > l.settings.w);
}

static void
layout_is_stacked_when_narrow(void **state)
{
	struct ui_layout l;

	(void)state;
	ui_layout_compute(&l, 24, 80, false);
	assert_true(l.stacked);
	assert_int_equal(l.settings.x, 0);
	assert_int_equal(l.preview.x, 0);
	assert_int_equal(l.settings.w, 80);
	assert_int_equal(l.preview.y, l.settings.y + l.settings.h);
	assert_int_equal(l.sep.h, 0);
}

static void
layout_switches_at_the_wide_width(void **state)
{
	struct ui_layout l;

	(void)state;
	ui_layout_compute(&l, 30, UI_WIDE_COLS - 1, false);
	assert_true(l.stacked);
	ui_layout_compute(&l, 30, UI_WIDE_COLS, false);
	assert_false(l.stacked);
}

static void
layout_is_too_small_below_the_minimum(void **state)
{
	static const int sizes[][2] = {
		{ 12, 40 }, { UI_MIN_ROWS - 1, 200 }, { 100, UI_MIN_COLS - 1 },
		{ 0, 0 }, { 1, 1 }, { -5, 80 },
	};
	struct ui_layout l;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
		ui_layout_compute(&l, sizes[i][0], sizes[i][1], false);
		assert_true(l.too_small);
		assert_int_equal(l.need_cols, UI_MIN_COLS);
		assert_int_equal(l.need_rows, UI_MIN_ROWS);
		assert_int_equal(l.preview.w, 0);
	}
	ui_layout_compute(&l, UI_MIN_ROWS, UI_MIN_COLS, false);
	assert_false(l.too_small);
}

static void
layout_zoom_gives_the_preview_the_whole_body(void **state)
{
	struct ui_layout l;

	(void)state;
	ui_layout_compute(&l, 30, 100, true);
	assert_int_equal(l.settings.w, 0);
	assert_int_equal(l.preview.x, 0);
	assert_int_equal(l.preview.w, 100);
	assert_int_equal(l.preview.h, 27);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(layout_is_sound_for_every_size),
		cmocka_unit_test(layout_is_side_by_side_when_wide),
		cmocka_unit_test(layout_is_stacked_when_narrow),
		cmocka_unit_test(layout_switches_at_the_wide_width),
		cmocka_unit_test(layout_is_too_small_below_the_minimum),
		cmocka_unit_test(layout_zoom_gives_the_preview_the_whole_body),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
