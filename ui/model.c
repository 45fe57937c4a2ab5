/* SPDX-License-Identifier: ISC */
/* model.c: the TUI's state and its transitions; no curses, no drawing. */
#include "config.h"

#include "model.h"
#include "model-int.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "format.h"
#include "help.h"
#include "launch.h"
#include "lists.h"
#include "path.h"
#include "search.h"
#include "utf8.h"
#include "xmalloc.h"

/* --- status line ---------------------------------------------------------- */

void
ui_model_status(struct ui_model *m, bool error, const char *fmt, ...)
{
	va_list ap;

	free(m->status);
	va_start(ap, fmt);
	xvasprintf(&m->status, fmt, ap);
	va_end(ap);
	m->status_err = error;
	m->status_search = false;
	m->status_new = true;
}

void
ui_model_status_clear(struct ui_model *m)
{
	free(m->status);
	m->status = NULL;
	m->status_err = false;
	m->status_search = false;
}

/* Room for all of s as sb_show writes it: \xHH for each byte at worst,
 * the quotes and the NUL, and the slack sb_show keeps for "...". */
static size_t
show_size(const char *s)
{
	return strlen(s) * 4 + 8;
}

char *
ui_model_show_new(const char *s)
{
	size_t size = show_size(s);
	char *buf = xmalloc(size);

	sb_show(buf, size, s);
	return buf;
}

/* The same as sb_show_name writes it, for a file name at the start. */
char *
ui_model_show_name_new(const char *s)
{
	size_t size = show_size(s);
	char *buf = xmalloc(size);

	sb_show_name(buf, size, s);
	return buf;
}

void
ui_model_status_value(struct ui_model *m, const char *what, const char *value)
{
	char *shown = ui_model_show_new(value);

	ui_model_status(m, false, "%s %s", what, shown);
	free(shown);
}

static const char *
on_off(bool b)
{
	return b ? "on" : "off";
}

/* --- set-up --------------------------------------------------------------- */

static char *
dup_or_null(const char *s)
{
	return s != NULL ? xstrdup(s) : NULL;
}

void
ui_model_init(struct ui_model *m, const struct params *start,
    const char *file, const struct ui_env *env)
{
	size_t n, i;

	memset(m, 0, sizeof *m);
	params_copy(&m->params, start);
	params_copy(&m->saved, start);
	m->file = dup_or_null(file);
	m->cwd = xstrdup(env->cwd);
	m->home = dup_or_null(env->home);
	m->tmpdir = dup_or_null(env->tmpdir);
	m->config_home = dup_or_null(env->config_home);
	m->ctx.cwd = m->cwd;
	m->ctx.home = m->home;
	m->ctx.tmpdir = m->tmpdir;
	m->ctx.fs = env->fs != NULL ? env->fs : &path_fs_posix;
	m->dir = env->dir != NULL ? env->dir : &ui_dir_posix;
	m->mode = UI_MODE_LIST;
	m->focus = UI_FOCUS_SETTINGS;
	m->sel_kind = ROW_NET_MODE;
	m->first_changed = m->first_changed_rule = SIZE_MAX;
	m->settings_lines = m->preview_lines = m->body_lines = 20;
	m->settings_cols = 80;
	ui_line_init(&m->line);
	ui_checks_init(&m->checks);
	m->help_rows = ui_help_rows_new(&m->nhelp_rows);
	ui_model_set_help_width(m, 78);
	m->preview_cols = 80;
	for (n = 0; env->preset_dirs != NULL && env->preset_dirs[n] != NULL;
	    n++)
		;
	m->preset_dirs = xcalloc(n + 1, sizeof *m->preset_dirs);
	for (i = 0; i < n; i++)
		m->preset_dirs[i] = xstrdup(env->preset_dirs[i]);
}

void
ui_model_clear(struct ui_model *m)
{
	size_t i;

	params_clear(&m->params);
	params_clear(&m->saved);
	free(m->file);
	free(m->cwd);
	free(m->home);
	free(m->tmpdir);
	free(m->config_home);
	ui_rows_free(m);
	ui_preview_drop(m);
	ui_checks_clear(&m->checks);
	if (m->have_gen)
		gen_result_clear(&m->gen);
	ui_line_clear(&m->line);
	free(m->last_command);
	free(m->pending_path);
	free(m->save_typed);
	free(m->open_typed);
	ui_model_srt_free(m);
	free(m->snap.data);
	for (i = 0; i < m->nrun_hist; i++)
		free(m->run_hist[i].text);
	free(m->run_hist);
	free(m->run_draft);
	launch_argv_free(m->run_argv);
	ui_help_free(m->help_rows);
	ui_help_free(m->help);
	free(m->status);
	free(m->gen_error);
	ui_rows_forget(m);
	free(m->search);
	ui_presets_free(m);
	for (i = 0; m->preset_dirs != NULL && m->preset_dirs[i] != NULL; i++)
		free(m->preset_dirs[i]);
	free(m->preset_dirs);
	free(m->preset_name);
	ui_undo_forget(m);
	memset(m, 0, sizeof *m);
}

void
ui_model_set_help_width(struct ui_model *m, int cols)
{
	if (cols < 20)
		cols = 20;
	if (cols == m->help_cols && m->help != NULL)
		return;
	m->help_cols = cols;
	ui_help_free(m->help);
	m->help = ui_help_wrap_new(m->help_rows, m->nhelp_rows, cols,
	    &m->nhelp);
	if (m->help_top >= m->nhelp)
		m->help_top = m->nhelp - 1;
}

void
ui_model_set_viewport(struct ui_model *m, int settings, int settings_cols,
    int preview, int body)
{
	bool rebuild = m->settings_cols != settings_cols && m->nrows > 0;

	m->settings_cols = settings_cols;
	if (rebuild)
		ui_rows_build(m);
	m->settings_lines = settings > 0 ? settings : 1;
	m->preview_lines = preview > 0 ? preview : 1;
	m->body_lines = body > 0 ? body : 1;
	/* A smaller screen must still show the selection. */
	if (m->nrows > 0)
		ui_rows_scroll(m);
	if (m->mode == UI_MODE_PICK)
		ui_presets_scroll(m);
	if (m->preview_top > ui_preview_max_top(m))
		m->preview_top = ui_preview_max_top(m);
}

void
ui_model_set_preview_width(struct ui_model *m, int cols)
{
	m->preview_cols = cols > 0 ? cols : 1;
}

bool
ui_model_in_help(const struct ui_model *m)
{
	return m->mode == UI_MODE_HELP || (m->mode == UI_MODE_EDIT_PATH &&
	    m->prompt == UI_PROMPT_SEARCH && m->search_help);
}

bool
ui_model_search_shown(const struct ui_model *m, bool help, const char **pat)
{
	const char *typed = ui_line_str(&m->line);

	/* As it is typed, what it would find. */
	if (m->mode == UI_MODE_EDIT_PATH && m->prompt == UI_PROMPT_SEARCH &&
	    m->search_help == help && *typed != '\0') {
		*pat = typed;
		return true;
	}
	if (m->search == NULL)
		return false;
	*pat = m->search;
	if (help)
		return m->mode == UI_MODE_HELP && m->search_help &&
		    m->search_on;
	return m->mode == UI_MODE_SEARCH;
}

/* After the message of the change (if any), what it did to the checks:
 * their rows may be out of sight. */
static void
say_flips(struct ui_model *m, size_t flips, size_t first)
{
	const struct ui_check *c = &m->checks.v[first];
	char *before = NULL, *verdict = ui_check_verdict_new(c);
	const char *sep;

	if (m->status != NULL && !m->status_err) {
		before = m->status;
		m->status = NULL;
	}
	sep = before != NULL ? "; " : "";
	if (flips == 1)
		ui_model_status(m, false, "%s%scheck %s: %s", before != NULL ?
		    before : "", sep, c->text, verdict);
	else
		ui_model_status(m, false, "%s%s%zu checks changed their "
		    "verdict (see Checks)", before != NULL ? before : "", sep,
		    flips);
	free(before);
	free(verdict);
}

void
ui_model_regen(struct ui_model *m)
{
	struct gen_result r;
	struct sb_error err;
	char *text;
	size_t flips, first;
	bool changed;

	sb_error_init(&err);
	memset(&r, 0, sizeof r);
	m->modified = !params_equal(&m->params, &m->saved);
	if (gen_render(&m->params, &m->ctx, &r, &err) == -1) {
		ui_model_status(m, true, "cannot generate: %s", err.msg);
		free(m->gen_error);
		m->gen_error = xstrdup(err.msg);
		m->preview_stale = true;
		ui_rows_build(m);
		ui_rows_scroll(m);
		return;
	}
	m->preview_stale = false;
	free(m->gen_error);
	m->gen_error = NULL;
	text = format_sbpl(&r);
	changed = m->preview == NULL || strcmp(text, m->preview) != 0;
	if (m->have_gen)
		gen_result_clear(&m->gen);
	m->gen = r;
	m->have_gen = true;
	m->profile_skip = strlen(text) - strlen(m->gen.profile);
	ui_preview_set(m, text);
	/* Asked of the text the preview shows, so their lines are its. */
	flips = ui_checks_ask(&m->checks, m->preview, &m->gen, &m->ctx,
	    changed, &first);
	if (flips > 0)
		say_flips(m, flips, first);
	ui_rows_build(m);
	ui_rows_scroll(m);
}

/* --- prompts and questions ------------------------------------------------ */

void
ui_model_back_to_browsing(struct ui_model *m)
{
	m->confirm = UI_CONFIRM_NONE;
	m->mode = m->focus == UI_FOCUS_PREVIEW ? UI_MODE_PREVIEW : UI_MODE_LIST;
}

/* --- the settings-pane actions -------------------------------------------- */

static const struct ui_row *
sel_row(const struct ui_model *m)
{
	return m->nrows > 0 ? &m->rows[m->sel] : NULL;
}

/* The list the selection is in (its heading or an entry), or NULL. */
static const struct ui_list *
sel_list(const struct ui_model *m)
{
	const struct ui_row *r = sel_row(m);

	return r != NULL ? ui_list_by_row(r->kind) : NULL;
}

/* The built-in denies are sbpolicy's, not the params file's: there is
 * nothing to edit, only the switch, and the message names it. */
static unsigned
builtin_refused(struct ui_model *m, const char *what)
{
	ui_model_status(m, true, "built in, so it cannot be %s: B switches "
	    "the built-in denies %s", what,
	    m->params.builtin_denies ? "off" : "on");
	return UI_R_REDRAW;
}

static unsigned
add_to(struct ui_model *m, enum ui_prompt p)
{
	ui_model_prompt(m, p, NULL);
	return UI_R_REDRAW;
}

/* `a`, or Enter on a list heading: add to the list the selection is in. */
static unsigned
add_here(struct ui_model *m)
{
	const struct ui_list *l = sel_list(m);

	if (sel_row(m) == NULL)
		return 0;
	if (l == NULL) {
		ui_model_status(m, true, "select a list to add to");
		return UI_R_REDRAW;
	}
	if (l->ops == NULL) {
		ui_model_status(m, true, "built in, so nothing can be added "
		    "here: x adds to the deny list");
		return UI_R_REDRAW;
	}
	if (l->prompt == UI_PROMPT_CHECK)
		return ui_prompt_check(m);
	return add_to(m, l->prompt);
}

static unsigned
net_cycle(struct ui_model *m)
{
	ui_undo_mark(m);
	m->params.net_mode = m->params.net_mode == NET_OFF ? NET_RESTRICTED :
	    m->params.net_mode == NET_RESTRICTED ? NET_FULL : NET_OFF;
	ui_model_status(m, false, "network: %s",
	    net_mode_name(m->params.net_mode));
	return UI_R_REGEN;
}

static unsigned
fs_cycle(struct ui_model *m)
{
	ui_undo_mark(m);
	m->params.fs_mode = m->params.fs_mode == FS_READ_ONLY ?
	    FS_WORKSPACE_WRITE : m->params.fs_mode == FS_WORKSPACE_WRITE ?
	    FS_FULL_ACCESS : FS_READ_ONLY;
	ui_model_status(m, false, "filesystem: %s",
	    fs_mode_name(m->params.fs_mode));
	return UI_R_REGEN;
}

static unsigned
toggle(struct ui_model *m, const struct ui_switch *s)
{
	bool *b = ui_switch_in(&m->params, s);

	ui_undo_mark(m);
	*b = !*b;
	ui_model_status(m, false, "%s: %s", s->name, on_off(*b));
	return UI_R_REGEN;
}

static unsigned
edit_selected(struct ui_model *m)
{
	const struct ui_row *r = sel_row(m);
	const struct ui_switch *s;
	const struct ui_list *l;

	if (r == NULL)
		return 0;
	if (r->kind == ROW_NET_MODE)
		return net_cycle(m);
	if (r->kind == ROW_FS_MODE)
		return fs_cycle(m);
	if ((s = ui_switch_by_row(r->kind)) != NULL)
		return toggle(m, s);
	if ((l = ui_list_by_row(r->kind)) == NULL)
		return 0;
	if (l->ops == NULL)
		return builtin_refused(m, "edited");
	if (r->kind == l->head)
		return add_here(m);
	m->edit_kind = r->kind;
	m->edit_index = r->index;
	/* An entry's row has its text for a label. */
	ui_model_prompt(m, UI_PROMPT_EDIT, r->label);
	return UI_R_REDRAW;
}

static unsigned
delete_selected(struct ui_model *m)
{
	const struct ui_row *r = sel_row(m);
	const struct ui_list *l = sel_list(m);

	if (r == NULL)
		return 0;
	if (l != NULL && l->ops == NULL)
		return builtin_refused(m, "removed");
	if (l == NULL || r->kind != l->entry) {
		ui_model_status(m, true, "nothing to remove here");
		return UI_R_REDRAW;
	}
	ui_prompt_say_entry(m, "removed", l, r->index);
	/* Nothing asks first: U brings it back (the key hints say so). */
	ui_undo_mark(m);
	l->ops->remove(ui_list_in(m, l), r->index);
	return UI_R_REGEN;
}

static unsigned
cycle_socket(struct ui_model *m, bool match)
{
	const struct ui_row *r = sel_row(m);
	const struct ui_list *l = sel_list(m);
	struct sock_entry *e = NULL;

	if (l != NULL && l->ops == NULL && r->kind == l->entry)
		return builtin_refused(m, "changed");
	if (l != NULL && l->ops != NULL && l->ops->socket != NULL &&
	    r->kind == l->entry && r->index < ui_list_len(m, l))
		e = l->ops->socket(ui_list_in(m, l), r->index);
	if (e == NULL) {
		ui_model_status(m, true, "select a socket entry first");
		return UI_R_REDRAW;
	}
	/* A deny refuses connect and bind alike: an access would claim one
	 * stays open, and the params file holds none for it. */
	if (!match && l->entry == ROW_DENY_ENTRY) {
		ui_model_status(m, true, "a deny entry has no access: it "
		    "refuses connect and bind alike (m changes its match)");
		return UI_R_REDRAW;
	}
	ui_undo_mark(m);
	if (match) {
		e->match = e->match == MATCH_SUBPATH ? MATCH_LITERAL :
		    e->match == MATCH_LITERAL ? MATCH_GLOB : MATCH_SUBPATH;
		ui_model_status(m, false, "match: %s", sock_match_name(e->match));
	} else {
		e->access = e->access == ACCESS_CONNECT_BIND ? ACCESS_CONNECT :
		    ACCESS_CONNECT_BIND;
		ui_model_status(m, false, "access: %s",
		    sock_access_name(e->access));
	}
	return UI_R_REGEN;
}

/* --- scrolling ------------------------------------------------------------ */

static void
scroll_preview(struct ui_model *m, long delta)
{
	long top = (long)m->preview_top + delta;
	long max = (long)ui_preview_max_top(m);

	if (top > max)
		top = max;
	if (top < 0)
		top = 0;
	m->preview_top = (size_t)top;
}

static void
scroll_help(struct ui_model *m, long delta)
{
	long top = (long)m->help_top + delta;
	long max = (long)m->nhelp - m->body_lines + 1;

	if (top > max)
		top = max;
	if (top < 0)
		top = 0;
	m->help_top = (size_t)top;
}

static unsigned
browse(struct ui_model *m, enum ui_action a)
{
	long page;

	if (m->focus == UI_FOCUS_PREVIEW) {
		page = m->preview_lines > 1 ? m->preview_lines - 1 : 1;
		switch (a) {
		case ACT_UP:		scroll_preview(m, -1); break;
		case ACT_DOWN:		scroll_preview(m, 1); break;
		case ACT_PAGE_UP:	scroll_preview(m, -page); break;
		case ACT_PAGE_DOWN:	scroll_preview(m, page); break;
		case ACT_HOME:		m->preview_top = 0; break;
		case ACT_END:		m->preview_top = ui_preview_max_top(m); break;
		default:		break;
		}
		return UI_R_REDRAW;
	}
	page = m->settings_lines > 1 ? m->settings_lines - 1 : 1;
	switch (a) {
	case ACT_UP:		ui_rows_move(m, -1); break;
	case ACT_DOWN:		ui_rows_move(m, 1); break;
	case ACT_PAGE_UP:	ui_rows_move(m, -page); break;
	case ACT_PAGE_DOWN:	ui_rows_move(m, page); break;
	case ACT_HOME:		ui_rows_move(m, -(long)m->nrows); break;
	case ACT_END:		ui_rows_move(m, (long)m->nrows); break;
	default:		break;
	}
	return UI_R_REDRAW;
}

/* --- dispatch ------------------------------------------------------------- */

/* The columns of the widest preview line in sight. */
static size_t
widest_in_sight(const struct ui_model *m)
{
	size_t i, end = m->preview_top + (size_t)m->preview_lines, w, max = 0;

	for (i = m->preview_top; i < end && i < m->nlines; i++) {
		w = (size_t)ui_utf8_width(m->lines[i].s, m->lines[i].len);
		if (w > max)
			max = w;
	}
	return max;
}

bool
ui_model_can_scroll(const struct ui_model *m, bool right)
{
	size_t cols = m->preview_cols > 2 ? (size_t)m->preview_cols : 2;
	size_t max;

	if (!right)
		return m->preview_left > 0;
	max = widest_in_sight(m);
	return max > cols && m->preview_left < max - (cols - 1);
}

/*
 * Left, Right: the preview sideways by half its width, no further right
 * than the longest line in sight needs (once scrolled, a '<' takes the
 * first column).
 */
static unsigned
scroll_sideways(struct ui_model *m, bool right)
{
	size_t cols = m->preview_cols > 2 ? (size_t)m->preview_cols : 2;
	size_t step = cols / 2, max;

	if (!right) {
		m->preview_left = m->preview_left > step ?
		    m->preview_left - step : 0;
		return UI_R_REDRAW;
	}
	max = widest_in_sight(m);
	if (max <= cols) {
		if (m->preview_left == 0) {
			ui_model_status(m, false, "the lines in sight fit the "
			    "pane: nothing to scroll");
			return UI_R_REDRAW;
		}
		max = cols;
	}
	m->preview_left += step;
	if (m->preview_left > max - (cols - 1))
		m->preview_left = max - (cols - 1);
	return UI_R_REDRAW;
}

/* The help screen, at the section of mode from's keys when it is not
 * browsing; closing it goes back to from. */
static void
open_help(struct ui_model *m, enum ui_mode from)
{
	char head[32];
	size_t i, n;

	m->help_from = from;
	m->mode = UI_MODE_HELP;
	m->help_top = 0;
	if (from != UI_MODE_PICK)
		return;
	n = (size_t)snprintf(head, sizeof head, "%s:", ui_mode_name(from));
	for (i = 0; i < m->nhelp; i++) {
		if (strncmp(m->help[i], head, n) == 0) {
			m->help_top = i;
			break;
		}
	}
}

/* The keys of the list of presets. */
static unsigned
apply_pick(struct ui_model *m, enum ui_action a)
{
	if (m->npresets == 0) {
		ui_model_back_to_browsing(m);
		return UI_R_REDRAW;
	}
	switch (a) {
	case ACT_UP:
		ui_presets_select(m, m->preset_sel > 0 ? m->preset_sel - 1 : 0);
		break;
	case ACT_DOWN:
		ui_presets_select(m, m->preset_sel + 1);
		break;
	case ACT_HOME:
		ui_presets_select(m, 0);
		break;
	case ACT_END:
		ui_presets_select(m, m->npresets - 1);
		break;
	case ACT_ACCEPT:
		free(m->pending_path);
		m->pending_path = xstrdup(m->presets[m->preset_sel].path);
		m->pending_preset = true;
		ui_model_back_to_browsing(m);
		return UI_R_OPEN | UI_R_REDRAW;
	case ACT_CANCEL:
		ui_model_back_to_browsing(m);
		ui_model_status_clear(m);
		break;
	case ACT_HELP:
		/* At the presets' keys, and back to them when it closes. */
		open_help(m, UI_MODE_PICK);
		break;
	default:
		return 0;
	}
	return UI_R_REDRAW;
}

static unsigned
apply(struct ui_model *m, enum ui_action a, int key)
{
	if (a == ACT_NONE)
		return 0;
	if (a == ACT_REDRAW) {
		ui_rows_forget(m);
		return UI_R_CLEAR | UI_R_REGEN;
	}
	switch (m->mode) {
	case UI_MODE_EDIT_PATH:
		return ui_prompt_apply(m, a, key);
	case UI_MODE_CONFIRM:
		return ui_confirm_apply(m, a);
	case UI_MODE_HELP:
		switch (a) {
		case ACT_UP:		scroll_help(m, -1); break;
		case ACT_DOWN:		scroll_help(m, 1); break;
		case ACT_PAGE_UP:	scroll_help(m, -(m->body_lines - 1)); break;
		case ACT_PAGE_DOWN:	scroll_help(m, m->body_lines - 1); break;
		case ACT_HOME:		m->help_top = 0; break;
		case ACT_END:		scroll_help(m, (long)m->nhelp); break;
		case ACT_CANCEL:
			/* Esc ends a search of the help first, as in the
			 * preview (its message says so); q closes. */
			if (key == UI_KEY_ESC && m->search_help &&
			    m->search_on) {
				m->search_on = false;
				break;
			}
			m->search_on = false;
			if (m->help_from == UI_MODE_PICK) {
				m->help_from = UI_MODE_LIST;
				m->mode = UI_MODE_PICK;
				/* Its line on the status line again. */
				ui_presets_select(m, m->preset_sel);
			} else
				ui_model_back_to_browsing(m);
			break;
		case ACT_SEARCH:
			m->search_help = true;
			ui_model_prompt(m, UI_PROMPT_SEARCH, NULL);
			break;
		case ACT_SEARCH_NEXT:
		case ACT_SEARCH_PREV:
			if (!m->search_help)
				m->search_on = false;
			return ui_search_step(m, a == ACT_SEARCH_PREV);
		default:		return 0;
		}
		return UI_R_REDRAW;
	case UI_MODE_PICK:
		return apply_pick(m, a);
	case UI_MODE_SEARCH:
		switch (a) {
		case ACT_SEARCH_NEXT:
		case ACT_SEARCH_PREV:
			return ui_search_step(m, a == ACT_SEARCH_PREV);
		case ACT_CANCEL:
			ui_search_end(m);
			ui_model_status_clear(m);
			return UI_R_REDRAW;
		default:
			break;
		}
		break;
	default:
		break;
	}

	/* Browsing: any key replaces the last message. */
	switch (a) {
	case ACT_UP: case ACT_DOWN: case ACT_PAGE_UP: case ACT_PAGE_DOWN:
	case ACT_HOME: case ACT_END:
		return browse(m, a);
	case ACT_FOCUS:
		if (m->zoom)
			return 0;
		m->focus = m->focus == UI_FOCUS_SETTINGS ? UI_FOCUS_PREVIEW :
		    UI_FOCUS_SETTINGS;
		m->mode = m->focus == UI_FOCUS_PREVIEW ? UI_MODE_PREVIEW :
		    UI_MODE_LIST;
		return UI_R_REDRAW;
	case ACT_ZOOM:
		m->zoom = !m->zoom;
		m->focus = m->zoom ? UI_FOCUS_PREVIEW : UI_FOCUS_SETTINGS;
		m->mode = m->zoom ? UI_MODE_PREVIEW : UI_MODE_LIST;
		if (m->zoom) {
			/* What the selected entry wrote, in sight of the
			 * pane the relayout makes: the whole body. */
			m->preview_lines = m->body_lines;
			ui_preview_mark(m, true);
		}
		return UI_R_RELAYOUT;
	case ACT_NET_CYCLE:
		return net_cycle(m);
	case ACT_FS_CYCLE:
		return fs_cycle(m);
	case ACT_TOGGLE_LOCAL: case ACT_TOGGLE_ALLOW_ALL:
	case ACT_TOGGLE_BUILTIN:
		return toggle(m, ui_switch_by_action(a));
	case ACT_ADD_ALLOW:
		return add_to(m, UI_PROMPT_ADD_ALLOW);
	case ACT_ADD_DENY:
		return add_to(m, UI_PROMPT_ADD_DENY);
	case ACT_ADD_ROOT:
		return add_to(m, UI_PROMPT_ADD_ROOT);
	case ACT_ADD_PORT:
		return add_to(m, UI_PROMPT_ADD_PORT);
	case ACT_ADD_HERE:
		return add_here(m);
	case ACT_CHECK:
		return ui_prompt_check(m);
	case ACT_EDIT:
		return edit_selected(m);
	case ACT_CYCLE_MATCH:
		return cycle_socket(m, true);
	case ACT_CYCLE_ACCESS:
		return cycle_socket(m, false);
	case ACT_DELETE:
		return delete_selected(m);
	case ACT_SAVE:
		m->after_save = UI_AFTER_NOTHING;
		if (ui_model_refuse_stale(m))
			return UI_R_REDRAW;
		return ui_prompt_save(m);
	case ACT_OPEN:
		m->modified = !params_equal(&m->params, &m->saved);
		if (m->modified) {
			m->confirm = UI_CONFIRM_OPEN;
			m->mode = UI_MODE_CONFIRM;
			return UI_R_REDRAW;
		}
		ui_model_open_prompt(m);
		return UI_R_REDRAW;
	case ACT_PRESETS:
		m->modified = !params_equal(&m->params, &m->saved);
		if (m->modified) {
			m->confirm = UI_CONFIRM_PRESETS;
			m->mode = UI_MODE_CONFIRM;
			return UI_R_REDRAW;
		}
		return UI_R_PRESETS | UI_R_REDRAW;
	case ACT_SEARCH:
		m->search_help = false;
		ui_model_prompt(m, UI_PROMPT_SEARCH, NULL);
		return UI_R_REDRAW;
	case ACT_SCROLL_LEFT:
	case ACT_SCROLL_RIGHT:
		return scroll_sideways(m, a == ACT_SCROLL_RIGHT);
	case ACT_UNDO:
	case ACT_REDO:
		return ui_model_undo(m, a == ACT_REDO);
	case ACT_RUN:
		ui_prompt_run(m);
		return UI_R_REDRAW;
	case ACT_HELP:
		open_help(m, UI_MODE_LIST);
		return UI_R_REDRAW;
	case ACT_MESSAGE:
		if (m->status == NULL)
			ui_model_status(m, false, "no message to show");
		m->status_new = true;
		return UI_R_REDRAW;
	case ACT_QUIT:
		m->modified = !params_equal(&m->params, &m->saved);
		if (!m->modified)
			return UI_R_QUIT;
		m->confirm = UI_CONFIRM_QUIT;
		m->mode = UI_MODE_CONFIRM;
		return UI_R_REDRAW;
	default:
		return 0;
	}
}

unsigned
ui_model_apply(struct ui_model *m, enum ui_action a, int key)
{
	size_t depth = m->undo.n;
	bool searching = ui_search_active(m);
	unsigned r;

	r = apply(m, a, key);
	ui_search_settle(m, searching);
	/* A change the action made is a step of the history, named by its
	 * message; undo and redo move steps between the histories. */
	if (a != ACT_UNDO && a != ACT_REDO)
		ui_undo_settle(m, depth, NULL);
	return r;
}

unsigned
ui_model_key(struct ui_model *m, int key)
{
	enum ui_action a;

	/* A long message shown whole goes back to its row. */
	m->status_new = false;
	/* Input that was dropped says so, or the keys seem dead. */
	switch (key) {
	case UI_KEY_BAD_INPUT:
		ui_model_status(m, true, "ignored input that is not UTF-8");
		return UI_R_REDRAW;
	case UI_KEY_NON_ASCII:
		ui_model_status(m, true, "ignored a non-ASCII key: the locale "
		    "is not UTF-8 (see LANG, LC_ALL)");
		return UI_R_REDRAW;
	case UI_KEY_ALT:
		ui_model_status(m, true, "Alt keys do nothing (Esc and a key "
		    "at once count as Alt)");
		return UI_R_REDRAW;
	case UI_KEY_UNKNOWN:
		ui_model_status(m, true, "ignored a key that does nothing "
		    "here (? lists the keys)");
		return UI_R_REDRAW;
	default:
		break;
	}
	/* A key the list of presets does not take closes it and does its
	 * own: the list is an offer, not a question. */
	if (m->mode == UI_MODE_PICK &&
	    ui_keymap_lookup(UI_MODE_PICK, key) == ACT_NONE) {
		ui_model_back_to_browsing(m);
		ui_model_status_clear(m);
	}
	a = ui_keymap_lookup(m->mode, key);
	/* Keys of the settings pane, pressed with the preview focused (or
	 * zoomed), would do nothing and say nothing. */
	if (a == ACT_NONE && (m->mode == UI_MODE_PREVIEW ||
	    m->mode == UI_MODE_SEARCH) &&
	    ui_keymap_lookup(UI_MODE_LIST, key) != ACT_NONE) {
		ui_model_status(m, true, m->zoom ? "the preview is zoomed: "
		    "z shows the settings again" : "the preview has the focus: "
		    "Tab goes back to the settings");
		return UI_R_REDRAW;
	}
	if (a == ACT_FOCUS && m->zoom) {
		ui_model_status(m, true, "the preview is zoomed: z shows the "
		    "settings again");
		return UI_R_REDRAW;
	}
	return ui_model_apply(m, a, key);
}
