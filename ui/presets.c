/* SPDX-License-Identifier: ISC */
/* presets.c: the built-in example policies, offered as starting points. */
#include "config.h"

#include "model.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "params-json.h"
#include "utf8.h"
#include "xmalloc.h"

/*
 * What each example of data/examples is for, in the order a user needs
 * them: the params file has no place for a description (and a file whose
 * keys the loader does not know is refused), so it lives here. An example
 * added without a row here still shows, after these, with what its
 * settings say.
 */
static const struct {
	const char	*name;
	const char	*about;
} known[] = {
	{ "default", "files read-only; the network closed, but for what "
	    "you allow" },
	{ "ssh-agent", "the default, and connecting to ssh-agent's socket "
	    "(SSH_AUTH_SOCK)" },
	{ "dev-server", "writes in the project (.git read-only); "
	    "listening on loopback" },
	{ "docker-denied", "the whole network, but the Docker socket "
	    "denied" },
	{ "restricted-one-socket", "the network closed, but for one Unix "
	    "socket: /tmp/test.sock" },
};

#define NKNOWN	(sizeof known / sizeof known[0])

void
ui_presets_free(struct ui_model *m)
{
	size_t i;

	for (i = 0; i < m->npresets; i++) {
		free(m->presets[i].name);
		free(m->presets[i].path);
		free(m->presets[i].about);
	}
	free(m->presets);
	m->presets = NULL;
	m->npresets = 0;
}

/* What an example without a row in known[] allows, from its settings. */
static char *
about_new(const char *path)
{
	struct params p;
	struct sb_error err;
	char *s;

	params_init(&p);
	sb_error_init(&err);
	if (params_json_load(path, &p, &err) == -1) {
		xasprintf(&s, "cannot be read: %s", err.msg);
		params_clear(&p);
		return s;
	}
	xasprintf(&s, "network %s, files %s, %zu allowed and %zu denied "
	    "Unix sockets", net_mode_name(p.net_mode), fs_mode_name(p.fs_mode),
	    p.sock_allow.n, p.sock_deny.n);
	params_clear(&p);
	return s;
}

static int
by_name(const void *a, const void *b)
{
	return strcmp(((const struct ui_preset *)a)->name,
	    ((const struct ui_preset *)b)->name);
}

/* The rank of a preset: its row in known[], or after them all. */
static size_t
rank(const char *name)
{
	size_t i;

	for (i = 0; i < NKNOWN; i++) {
		if (strcmp(known[i].name, name) == 0)
			return i;
	}
	return NKNOWN;
}

static int
by_rank(const void *a, const void *b)
{
	const struct ui_preset *x = a, *y = b;
	size_t rx = rank(x->name), ry = rank(y->name);

	if (rx != ry)
		return rx < ry ? -1 : 1;
	return by_name(a, b);
}

/* The presets of dir: its *.json files. */
static void
list_dir(struct ui_model *m, const char *dir)
{
	struct ui_preset *p;
	char **names;
	size_t i, len, cap = 0, r;

	if ((names = m->dir->list(dir, m->dir->arg)) == NULL)
		return;
	for (i = 0; names[i] != NULL; i++) {
		len = strlen(names[i]);
		if (len > 5 && strcmp(names[i] + len - 5, ".json") == 0 &&
		    names[i][0] != '.') {
			if (m->npresets == cap) {
				cap = cap == 0 ? 8 : cap * 2;
				m->presets = xreallocarray(m->presets, cap,
				    sizeof *m->presets);
			}
			p = &m->presets[m->npresets++];
			p->name = xstrndup(names[i], len - 5);
			xasprintf(&p->path, "%s/%s", dir, names[i]);
			r = rank(p->name);
			p->about = r < NKNOWN ? xstrdup(known[r].about) :
			    about_new(p->path);
		}
		free(names[i]);
	}
	free(names);
	if (m->npresets > 0)
		qsort(m->presets, m->npresets, sizeof *m->presets, by_rank);
}

/* The status line under the list: what the selected preset is. */
static void
say_selected(struct ui_model *m)
{
	const struct ui_preset *p = &m->presets[m->preset_sel];

	ui_model_status(m, false, "%s: %s", p->name, p->about);
}

unsigned
ui_model_presets(struct ui_model *m)
{
	size_t i;
	unsigned r = UI_R_REDRAW;

	ui_presets_free(m);
	for (i = 0; m->preset_dirs != NULL && m->preset_dirs[i] != NULL &&
	    m->npresets == 0; i++)
		list_dir(m, m->preset_dirs[i]);
	if (m->npresets == 0) {
		ui_model_status(m, true, "no presets: no examples in %s",
		    m->preset_dirs != NULL && m->preset_dirs[0] != NULL ?
		    m->preset_dirs[0] : "the data directory");
		return UI_R_REDRAW;
	}
	m->preset_sel = 0;
	m->preset_top = 0;
	/* The one the policy came from, if it did. */
	for (i = 0; m->preset_name != NULL && i < m->npresets; i++) {
		if (strcmp(m->presets[i].name, m->preset_name) == 0)
			m->preset_sel = i;
	}
	/* The list is in the settings pane. */
	if (m->zoom) {
		m->zoom = false;
		r = UI_R_RELAYOUT;
	}
	if (m->mode == UI_MODE_SEARCH)
		m->mode = UI_MODE_PREVIEW;
	m->focus = UI_FOCUS_SETTINGS;
	m->mode = UI_MODE_PICK;
	ui_presets_select(m, m->preset_sel);
	return r;
}

size_t
ui_presets_name_cols(const struct ui_model *m)
{
	size_t i, w, max = 0;

	for (i = 0; i < m->npresets; i++) {
		w = (size_t)ui_utf8_width(m->presets[i].name,
		    strlen(m->presets[i].name));
		if (w > max)
			max = w;
	}
	return max;
}

int
ui_presets_rows(const struct ui_model *m)
{
	size_t i, name = ui_presets_name_cols(m), w;

	for (i = 0; i < m->npresets; i++) {
		w = (size_t)ui_utf8_width(m->presets[i].about,
		    strlen(m->presets[i].about));
		if (2 + name + 2 + w + 1 > (size_t)m->settings_cols)
			return 3;
	}
	return 1;
}

void
ui_presets_scroll(struct ui_model *m)
{
	size_t h = m->settings_lines > 0 ? (size_t)m->settings_lines : 1;

	h /= (size_t)ui_presets_rows(m);
	if (h == 0)
		h = 1;
	if (m->preset_sel < m->preset_top)
		m->preset_top = m->preset_sel;
	else if (m->preset_sel >= m->preset_top + h)
		m->preset_top = m->preset_sel - h + 1;
}

/* Moves the selection of the list to i, in sight. */
void
ui_presets_select(struct ui_model *m, size_t i)
{
	if (m->npresets == 0)
		return;
	m->preset_sel = i < m->npresets ? i : m->npresets - 1;
	ui_presets_scroll(m);
	say_selected(m);
}
