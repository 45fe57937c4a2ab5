/* SPDX-License-Identifier: ISC */
/* files.c: the TUI's params files: opening, saving, where they go. */
#include "config.h"

#include "model.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "fileio.h"
#include "params-json.h"
#include "path.h"
#include "xmalloc.h"

int
ui_model_load(struct ui_model *m, const char *path, struct sb_error *err)
{
	struct params p;

	params_init(&p);
	if (params_json_load(path, &p, err) == -1) {
		params_clear(&p);
		return -1;
	}
	params_clear(&m->params);
	params_clear(&m->saved);
	params_copy(&m->params, &p);
	params_copy(&m->saved, &p);
	params_clear(&p);
	free(m->file);
	m->file = xstrdup(path);
	m->modified = false;
	m->sel_kind = ROW_NET_MODE;
	m->sel_index = 0;
	m->rows_top = 0;
	m->preview_top = 0;
	/* A new policy is not "a change": nothing to highlight. */
	ui_preview_drop(m);
	ui_rows_forget(m);
	return 0;
}

char *
ui_model_profiles_dir(const struct ui_model *m)
{
	char *dir;

	if (m->config_home != NULL && m->config_home[0] == '/')
		xasprintf(&dir, "%s/sbpolicy/profiles", m->config_home);
	else if (m->home != NULL)
		xasprintf(&dir, "%s/.config/sbpolicy/profiles", m->home);
	else
		return NULL;
	return dir;
}

char *
ui_model_default_file(const struct ui_model *m)
{
	char *dir, *file;

	if ((dir = ui_model_profiles_dir(m)) == NULL)
		return NULL;
	xasprintf(&file, "%s/policy.json", dir);
	free(dir);
	return file;
}

char *
ui_model_typed_file(const struct ui_model *m, const char *s)
{
	if (strncmp(s, "~/", 2) == 0 && m->home != NULL)
		return path_join(m->home, s + 2);
	if (s[0] == '/')
		return path_clean(s);
	return path_join(m->cwd, s);
}

/* mkdir -p dir: each missing component is created (0700, as the XDG base
 * directory spec asks for). */
static int
make_dirs(const struct ui_dir_ops *ops, const char *dir, struct sb_error *err)
{
	char *p = xstrdup(dir), show[SB_SHOW_MAX];
	size_t i, len = strlen(p);
	int rc = 0;

	for (i = 1; i <= len && rc == 0; i++) {
		if (p[i] != '/' && p[i] != '\0')
			continue;
		p[i] = '\0';
		if (ops->kind(p, ops->arg) == UI_FILE_NONE &&
		    ops->mkdir(p, ops->arg) == -1 && errno != EEXIST) {
			sb_error_set(err, SB_EIO, "%s: %s",
			    sb_show_name(show, sizeof show, p), strerror(errno));
			rc = -1;
		}
		if (i < len)
			p[i] = '/';
	}
	free(p);
	return rc;
}

/*
 * A save that failed: the prompt comes back with the name as typed, so a
 * typo is fixed rather than typed again; what was to follow the save (quit,
 * open) still follows a save from it.
 */
static unsigned
save_failed(struct ui_model *m, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static unsigned
save_failed(struct ui_model *m, const char *fmt, ...)
{
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	xvasprintf(&msg, fmt, ap);
	va_end(ap);
	ui_model_prompt(m, UI_PROMPT_SAVE, m->save_typed != NULL ?
	    m->save_typed : m->pending_path);
	ui_model_status(m, true, "not saved: %s", msg);
	free(msg);
	m->overwrite_ok = false;
	return UI_R_REDRAW;
}

unsigned
ui_model_save(struct ui_model *m)
{
	struct sb_error err;
	enum ui_file_kind kind;
	char *dir, *path = m->pending_path, name[SB_SHOW_MAX];
	const char *slash;
	bool exists;

	if (path == NULL)
		return 0;
	sb_error_init(&err);
	sb_show_name(name, sizeof name, path);
	/*
	 * Only a regular file (or a link to one) is a params file. Checked
	 * here before the overwrite question, which would be for nothing; the
	 * save checks again (FILE_WRITE_REGULAR) and never opens the target,
	 * so a FIFO put there meanwhile cannot hang the TUI waiting for a
	 * reader, as `generate -o` would, which writes one in place.
	 */
	kind = m->dir->kind(path, m->dir->arg);
	exists = kind != UI_FILE_NONE;
	if (kind == UI_FILE_DIR)
		return save_failed(m, "%s: is a directory", name);
	if (exists && kind != UI_FILE_REGULAR)
		return save_failed(m, "%s: not a regular file", name);
	if (!m->overwrite_ok && (m->file == NULL || strcmp(path, m->file) != 0) &&
	    exists) {
		m->confirm = UI_CONFIRM_OVERWRITE;
		m->mode = UI_MODE_CONFIRM;
		return UI_R_REDRAW;
	}
	m->overwrite_ok = false;

	/* The profiles directory is ours to create; elsewhere a missing
	 * directory is most likely a typo, and an error says so. */
	if ((dir = ui_model_profiles_dir(m)) != NULL) {
		slash = strrchr(path, '/');
		if (path_is_under(path, dir) && slash != NULL) {
			char *parent = xstrndup(path, (size_t)(slash - path));

			if (m->dir->kind(parent, m->dir->arg) == UI_FILE_NONE)
				(void)make_dirs(m->dir, parent, &err);
			free(parent);
		}
		free(dir);
	}
	if (!sb_error_is_set(&err))
		(void)params_json_save_flags(path, &m->params,
		    FILE_WRITE_REGULAR, &err);
	if (sb_error_is_set(&err))
		return save_failed(m, "%s", err.msg);
	free(m->save_typed);
	m->save_typed = NULL;
	free(m->file);
	m->file = xstrdup(path);
	params_clear(&m->saved);
	params_copy(&m->saved, &m->params);
	m->modified = false;
	switch (m->after_save) {
	case UI_AFTER_QUIT:
		m->after_save = UI_AFTER_NOTHING;
		ui_model_status_value(m, "saved", path);
		return UI_R_QUIT;
	case UI_AFTER_OPEN_PROMPT:
		m->after_save = UI_AFTER_NOTHING;
		ui_model_prompt(m, UI_PROMPT_OPEN, NULL);
		break;
	case UI_AFTER_NOTHING:
		break;
	}
	/* After ui_model_prompt, which clears it: the open prompt says the
	 * save happened. */
	ui_model_status_value(m, "saved", path);
	return UI_R_REDRAW;
}

unsigned
ui_model_open(struct ui_model *m)
{
	struct sb_error err;
	char *path = m->pending_path;

	if (path == NULL)
		return 0;
	m->pending_path = NULL;
	sb_error_init(&err);
	if (ui_model_load(m, path, &err) == -1) {
		/* The current policy stays; the error names FILE:LINE:COL. */
		ui_model_status(m, true, "not opened: %s", err.msg);
		free(path);
		return UI_R_REDRAW;
	}
	ui_model_status_value(m, "opened", path);
	free(path);
	return UI_R_REGEN;
}
