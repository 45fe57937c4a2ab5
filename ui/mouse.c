/* SPDX-License-Identifier: ISC */
/* mouse.c: clicks and the wheel, as the model's actions; no curses. */
#include "config.h"

#include "model.h"

#include "preview.h"
#include "rows.h"
#include "search.h"

/* Lines the wheel scrolls at a time, as most terminals' own scrollback. */
#define UI_WHEEL_LINES	3

static bool
inside(const struct ui_rect *r, int y, int x)
{
	return r->w > 0 && r->h > 0 && y >= r->y && y < r->y + r->h &&
	    x >= r->x && x < r->x + r->w;
}

/* The mode of the pane with the focus, as Tab leaves it. */
static void
focus(struct ui_model *m, enum ui_focus f)
{
	m->focus = f;
	if (f == UI_FOCUS_SETTINGS)
		m->mode = UI_MODE_LIST;
	else if (m->mode != UI_MODE_SEARCH)
		m->mode = UI_MODE_PREVIEW;
}

/* The wheel: Up or Down pressed a few times, in the pane under the
 * pointer, whose the focus stays. */
static unsigned
wheel(struct ui_model *m, enum ui_focus f, bool up)
{
	enum ui_focus was = m->focus;
	enum ui_mode mode = m->mode;
	unsigned r = 0;
	int i;

	if (mode == UI_MODE_LIST || mode == UI_MODE_PREVIEW ||
	    mode == UI_MODE_SEARCH) {
		m->focus = f;
		m->mode = f == UI_FOCUS_SETTINGS ? UI_MODE_LIST :
		    UI_MODE_PREVIEW;
	}
	for (i = 0; i < UI_WHEEL_LINES; i++)
		r |= ui_model_apply(m, up ? ACT_UP : ACT_DOWN, 0);
	m->focus = was;
	m->mode = mode;
	return r | UI_R_REDRAW;
}

/* A click on row y of the settings: that row, or the entry a note or a
 * warning under it belongs to. */
static unsigned
click_row(struct ui_model *m, const struct ui_rect *r, int y)
{
	size_t i;

	focus(m, UI_FOCUS_SETTINGS);
	if (y <= r->y)
		return UI_R_REDRAW;
	i = m->rows_top + (size_t)(y - r->y - 1);
	if (i >= m->nrows)
		return UI_R_REDRAW;
	while (i > 0 && !ui_row_is_selectable(&m->rows[i]))
		i--;
	if (!ui_row_is_selectable(&m->rows[i]))
		return UI_R_REDRAW;
	m->sel = i;
	m->sel_kind = m->rows[i].kind;
	m->sel_index = m->rows[i].index;
	ui_rows_scroll(m);
	ui_preview_mark(m, true);
	return UI_R_REDRAW;
}

/* In the list of presets: a click selects one, a second opens it. */
static unsigned
click_preset(struct ui_model *m, const struct ui_rect *r, int y)
{
	size_t i;

	if (y <= r->y)
		return 0;
	i = m->preset_top + (size_t)(y - r->y - 1) /
	    (size_t)ui_presets_rows(m);
	if (i >= m->npresets)
		return 0;
	if (i == m->preset_sel)
		return ui_model_apply(m, ACT_ACCEPT, 0);
	ui_presets_select(m, i);
	return UI_R_REDRAW;
}

static unsigned
mouse(struct ui_model *m, const struct ui_layout *l, const struct ui_mouse *ev)
{
	bool in_settings, in_preview;

	if (l->too_small || ev->what == UI_MOUSE_OTHER)
		return 0;
	switch (m->mode) {
	case UI_MODE_EDIT_PATH:
	case UI_MODE_CONFIRM:
		/* A prompt or a question is answered with keys. */
		return 0;
	case UI_MODE_HELP:
		if (ev->what == UI_MOUSE_CLICK)
			return 0;
		return wheel(m, m->focus, ev->what == UI_MOUSE_WHEEL_UP);
	default:
		break;
	}
	in_settings = inside(&l->settings, ev->y, ev->x);
	in_preview = inside(&l->preview, ev->y, ev->x);
	if (m->mode == UI_MODE_PICK) {
		if (in_settings && ev->what == UI_MOUSE_CLICK)
			return click_preset(m, &l->settings, ev->y);
		if (in_settings)
			return ui_model_apply(m, ev->what ==
			    UI_MOUSE_WHEEL_UP ? ACT_UP : ACT_DOWN, 0);
		/* Elsewhere, as any other key: the list closes. */
		m->mode = m->focus == UI_FOCUS_PREVIEW ? UI_MODE_PREVIEW :
		    UI_MODE_LIST;
	}
	if (!in_settings && !in_preview)
		return 0;
	if (ev->what == UI_MOUSE_CLICK) {
		if (in_settings)
			return click_row(m, &l->settings, ev->y);
		focus(m, UI_FOCUS_PREVIEW);
		return UI_R_REDRAW;
	}
	/* The wheel scrolls the pane under the pointer, focused or not. */
	return wheel(m, in_settings ? UI_FOCUS_SETTINGS : UI_FOCUS_PREVIEW,
	    ev->what == UI_MOUSE_WHEEL_UP);
}

unsigned
ui_model_mouse(struct ui_model *m, const struct ui_layout *l,
    const struct ui_mouse *ev)
{
	bool searching = ui_search_active(m);
	unsigned r;

	if (ev->what != UI_MOUSE_OTHER)
		m->status_new = false;
	r = mouse(m, l, ev);
	/* A click on the settings ends a search of the preview, as Tab. */
	ui_search_settle(m, searching);
	return r;
}
