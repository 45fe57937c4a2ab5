/* SPDX-License-Identifier: ISC */
/* files.c: the TUI's params files: opening, saving, where they go. */
#include "config.h"

#include "model.h"

#include <sys/stat.h>

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "fileio.h"
#include "import-srt.h"
#include "params-json.h"
#include "path.h"
#include "profiles.h"
#include "xmalloc.h"

/* p as the policy, unmodified, to be saved to file (NULL: none yet). */
static void
take_policy(struct ui_model *m, const struct params *p, const char *file)
{
	params_clear(&m->params);
	params_clear(&m->saved);
	params_copy(&m->params, p);
	params_copy(&m->saved, p);
	free(m->file);
	m->file = file != NULL ? xstrdup(file) : NULL;
	ui_model_snapshot(m);
	m->modified = false;
	m->sel_kind = ROW_NET_MODE;
	m->sel_index = 0;
	m->rows_top = 0;
	m->preview_top = 0;
	m->preview_left = 0;
	free(m->preset_name);
	m->preset_name = NULL;
	/* Another policy: the steps of this one do not apply to it. */
	ui_undo_forget(m);
	/* A new policy is not "a change": nothing to highlight. */
	ui_preview_drop(m);
	ui_rows_forget(m);
}

int
ui_model_load(struct ui_model *m, const char *path, struct sb_error *err)
{
	struct params p;

	params_init(&p);
	if (params_json_load(path, &p, err) == -1) {
		params_clear(&p);
		return -1;
	}
	take_policy(m, &p, path);
	params_clear(&p);
	return 0;
}

int
ui_model_load_preset(struct ui_model *m, const char *path, const char *name,
    struct sb_error *err)
{
	if (ui_model_load(m, path, err) == -1)
		return -1;
	/* Never the shipped file as the file to save to. */
	free(m->file);
	m->file = NULL;
	ui_model_snapshot(m);
	m->preset_name = xstrdup(name);
	return 0;
}

/* --- what is on disk -------------------------------------------------------
 * Another program (an editor, `git checkout`) may write the params file
 * while the TUI has it open: a save over it would lose that silently. */

static void
snapshot_clear(struct ui_snapshot *s)
{
	free(s->data);
	memset(s, 0, sizeof *s);
}

/* path as it is now; false when it cannot be read (a removed file is
 * read: it does not exist). */
static bool
snapshot_take(struct ui_snapshot *s, const char *path)
{
	struct sb_error err;
	struct stat st;

	memset(s, 0, sizeof *s);
	s->taken = true;
	if (stat(path, &st) == -1)
		return errno == ENOENT || errno == ENOTDIR;
	s->exists = true;
	s->size = (long long)st.st_size;
	s->mtime = (long long)st.st_mtime;
	sb_error_init(&err);
	s->data = file_read(path, PARAMS_JSON_FILE_MAX, &s->len, &err);
	return s->data != NULL;
}

void
ui_model_snapshot(struct ui_model *m)
{
	snapshot_clear(&m->snap);
	if (m->file != NULL && !snapshot_take(&m->snap, m->file))
		snapshot_clear(&m->snap);
}

/* Whether m->file is not as this program last read or wrote it; *how
 * says in what way. */
static bool
changed_on_disk(const struct ui_model *m, enum ui_disk_change *how)
{
	const struct ui_snapshot *was = &m->snap;
	struct ui_snapshot now;
	bool changed;

	*how = UI_DISK_CHANGED;
	if (!was->taken || m->file == NULL)
		return false;
	/* One that cannot be read now is a change too: the save would
	 * write over what is there. */
	if (!snapshot_take(&now, m->file))
		changed = true;
	else {
		changed = now.exists != was->exists || now.size != was->size ||
		    now.mtime != was->mtime || now.len != was->len ||
		    (now.exists && memcmp(now.data, was->data, now.len) != 0);
		if (now.exists != was->exists)
			*how = now.exists ? UI_DISK_CREATED : UI_DISK_REMOVED;
	}
	snapshot_clear(&now);
	return changed;
}

bool
ui_model_refuse_stale(struct ui_model *m)
{
	if (!m->preview_stale)
		return false;
	/* The reason first: a narrow status line cuts the end. */
	ui_model_status(m, true, "not saved: %s (the policy does not "
	    "generate, so no command could load the file)",
	    m->gen_error != NULL ? m->gen_error : "see the preview");
	return true;
}

char *
ui_model_dir_problem(const struct ui_model *m, const char *path)
{
	const char *slash = strrchr(path, '/');
	char *parent, *dir, *why = NULL, *shown;
	enum ui_file_kind kind;

	if (slash == NULL || slash == path)
		return NULL;
	/* The profiles directory is made on the first save. */
	if ((dir = ui_model_profiles_dir(m)) != NULL &&
	    path_is_under(path, dir)) {
		free(dir);
		return NULL;
	}
	free(dir);
	parent = xstrndup(path, (size_t)(slash - path));
	kind = m->dir->kind(parent, m->dir->arg);
	if (kind != UI_FILE_DIR) {
		shown = ui_model_show_new(parent);
		xasprintf(&why, "%s %s", shown, kind == UI_FILE_NONE ?
		    "does not exist" : "is not a directory");
		free(shown);
	}
	free(parent);
	return why;
}

char *
ui_model_profiles_dir(const struct ui_model *m)
{
	/* The one that `-p NAME` reads from. */
	return profiles_dir(m->config_home, m->home);
}

void
ui_model_open_prompt(struct ui_model *m)
{
	char *dir = ui_model_profiles_dir(m), *text = NULL;
	size_t n = m->home != NULL ? strlen(m->home) : 0;

	/* "~/" for $HOME: shorter, and what the prompt reads back. */
	if (dir != NULL && n > 1 && path_is_under(dir, m->home) &&
	    dir[n] == '/')
		xasprintf(&text, "~%s/", dir + n);
	else if (dir != NULL)
		xasprintf(&text, "%s/", dir);
	ui_model_prompt(m, UI_PROMPT_OPEN, text);
	free(text);
	free(dir);
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
	if (ui_model_refuse_stale(m)) {
		m->after_save = UI_AFTER_NOTHING;
		m->overwrite_ok = false;
		return UI_R_REDRAW;
	}
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
	/* The file of this policy, written meanwhile by another program:
	 * overwrite it, or read it again, or neither. */
	if (!m->overwrite_ok && m->file != NULL && strcmp(path, m->file) == 0 &&
	    changed_on_disk(m, &m->disk_change)) {
		m->confirm = UI_CONFIRM_CHANGED;
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
	ui_model_snapshot(m);
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
		ui_model_open_prompt(m);
		break;
	case UI_AFTER_PRESETS:
		m->after_save = UI_AFTER_NOTHING;
		ui_model_status_value(m, "saved", path);
		return UI_R_PRESETS | UI_R_REDRAW;
	case UI_AFTER_NOTHING:
		break;
	}
	/* After ui_model_prompt, which clears it: the open prompt says the
	 * save happened. */
	ui_model_status_value(m, "saved", path);
	return UI_R_REDRAW;
}

/* The preset at path (taken), as a new policy. */
static unsigned
open_preset(struct ui_model *m, char *path)
{
	struct sb_error err;
	const char *base = strrchr(path, '/');
	char *name;
	size_t len;

	m->pending_preset = false;
	base = base != NULL ? base + 1 : path;
	len = strlen(base);
	name = xstrndup(base, len > 5 && strcmp(base + len - 5, ".json") == 0 ?
	    len - 5 : len);
	sb_error_init(&err);
	if (ui_model_load_preset(m, path, name, &err) == -1)
		ui_model_status(m, true, "not opened: %s", err.msg);
	else
		ui_model_status(m, false, "new policy from the preset %s, not "
		    "saved yet: s saves it", name);
	free(name);
	free(path);
	return sb_error_is_set(&err) ? UI_R_REDRAW : UI_R_REGEN;
}

/* --- an srt settings file -------------------------------------------------
 * A file that `o` cannot load as a params file may be sandbox-runtime's
 * settings file: the import module tells (import_srt_detect: a JSON object
 * without "version" that has srt's top-level keys, with srt's key names
 * inside "filesystem" and "network"), and converts it, as `sbpolicy import
 * srt` would, before the question, so that a file the import refuses says
 * why rather than asks. */

void
ui_model_srt_free(struct ui_model *m)
{
	if (m->srt == NULL)
		return;
	free(m->srt->file);
	params_clear(&m->srt->params);
	import_warnings_clear(&m->srt->warnings);
	free(m->srt);
	m->srt = NULL;
}

int
ui_model_offer_srt(struct ui_model *m, const char *path, struct sb_error *err)
{
	struct import_ctx ctx;
	struct sb_error rerr;
	struct ui_srt *s;
	char *text;
	size_t len;

	/* The params file's cap; a file that cannot be read is no srt file,
	 * and the params file's error says why. */
	sb_error_init(&rerr);
	if ((text = file_read(path, PARAMS_JSON_FILE_MAX, &len, &rerr)) == NULL)
		return 0;
	if (!import_srt_detect(text, len)) {
		free(text);
		return 0;
	}
	s = xcalloc(1, sizeof *s);
	params_init(&s->params);
	ctx.cwd = m->cwd;
	ctx.home = m->home;
	/* err holds the params file's error already, and the first error
	 * set wins: the import's replaces it. */
	sb_error_init(&rerr);
	if (import_srt_text(path, text, len, &ctx, &s->params, &s->warnings,
	    &rerr) == -1) {
		*err = rerr;
		free(text);
		params_clear(&s->params);
		free(s);
		return -1;
	}
	free(text);
	ui_model_srt_free(m);
	s->file = xstrdup(path);
	m->srt = s;
	m->confirm = UI_CONFIRM_SRT;
	m->mode = UI_MODE_CONFIRM;
	return 1;
}

unsigned
ui_model_convert_srt(struct ui_model *m)
{
	const struct ui_srt *s = m->srt;
	const struct import_warning *w;
	const char *base;
	struct buf b;
	size_t i;

	if (s == NULL)
		return 0;
	take_policy(m, &s->params, NULL);
	base = strrchr(s->file, '/');
	xasprintf(&m->preset_name, "%s (srt)", base != NULL ? base + 1 :
	    s->file);
	/* The title names the file; the settings with no equivalent each
	 * with its reason (a typo's "did you mean"), which the status line
	 * wraps. */
	if (s->warnings.n == 0)
		ui_model_status(m, false, "converted: every setting has an "
		    "equivalent; not saved yet: s saves it");
	else {
		buf_init(&b);
		buf_printf(&b, "converted, not saved yet (s saves it); %zu %s "
		    "no equivalent: ", s->warnings.n, s->warnings.n == 1 ?
		    "setting has" : "settings have");
		for (i = 0; i < s->warnings.n; i++) {
			w = &s->warnings.v[i];
			buf_printf(&b, "%s%s: %s", i > 0 ? "; " : "", w->path,
			    w->text);
		}
		ui_model_status(m, false, "%s", buf_str(&b));
		buf_clear(&b);
	}
	free(m->open_typed);
	m->open_typed = NULL;
	ui_model_srt_free(m);
	return UI_R_REGEN;
}

unsigned
ui_model_decline_srt(struct ui_model *m)
{
	char name[SB_SHOW_MAX];

	sb_show_name(name, sizeof name, m->srt != NULL ? m->srt->file : "");
	/* As after a failed open: the name as typed, to fix or go on. */
	if (m->open_typed != NULL)
		ui_model_prompt(m, UI_PROMPT_OPEN, m->open_typed);
	ui_model_status(m, false, "not converted: %s is an srt settings "
	    "file, not a params file", name);
	free(m->open_typed);
	m->open_typed = NULL;
	ui_model_srt_free(m);
	return UI_R_REDRAW;
}

unsigned
ui_model_open(struct ui_model *m)
{
	struct sb_error err;
	char *path = m->pending_path;
	bool again;

	if (path == NULL)
		return 0;
	m->pending_path = NULL;
	sb_error_init(&err);
	if (m->pending_preset)
		return open_preset(m, path);
	again = m->file != NULL && strcmp(m->file, path) == 0;
	if (ui_model_load(m, path, &err) == -1) {
		/* An srt settings file: the question, open_typed kept for a
		 * no; or the import's error. */
		if (ui_model_offer_srt(m, path, &err) == 1) {
			free(path);
			return UI_R_REDRAW;
		}
		/*
		 * The current policy stays; the error names FILE:LINE:COL.
		 * The prompt comes back with the name as typed, as after a
		 * failed save, so the keys that follow go on editing it
		 * rather than acting on the policy.
		 */
		if (m->open_typed != NULL)
			ui_model_prompt(m, UI_PROMPT_OPEN, m->open_typed);
		ui_model_status(m, true, "not opened: %s", err.msg);
		free(m->open_typed);
		m->open_typed = NULL;
		free(path);
		return UI_R_REDRAW;
	}
	free(m->open_typed);
	m->open_typed = NULL;
	ui_model_status_value(m, again ? "reloaded" : "opened", path);
	free(path);
	return UI_R_REGEN;
}
