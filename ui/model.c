/* SPDX-License-Identifier: ISC */
/* model.c: the TUI's state and its transitions; no curses, no drawing. */
#include "config.h"

#include "model.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "fileio.h"
#include "glob.h"
#include "hash.h"
#include "launch.h"
#include "params-json.h"
#include "path.h"
#include "shquote.h"
#include "utf8.h"
#include "unicode.h"
#include "xmalloc.h"

/* --- resolved-path cache ---------------------------------------------------
 * Showing the /private/... form of every path costs a realpath(3) walk per
 * entry; the cache keeps a key press cheap with thousands of entries. It is
 * dropped on open and on Ctrl-L, so a socket created meanwhile shows up. */

struct ui_cache_ent {
	char	*key;
	char	*val;	/* NULL: the path resolves to itself (or failed) */
};

struct ui_cache {
	struct ui_cache_ent	*v;
	size_t			 n;
	size_t			 cap;	/* a power of two */
};

static void
cache_free(struct ui_cache *c)
{
	size_t i;

	if (c == NULL)
		return;
	for (i = 0; i < c->cap; i++) {
		free(c->v[i].key);
		free(c->v[i].val);
	}
	free(c->v);
	free(c);
}

static struct ui_cache_ent *
cache_slot(struct ui_cache *c, const char *key)
{
	size_t i = hash_bytes(key, strlen(key)) & (c->cap - 1);

	while (c->v[i].key != NULL && strcmp(c->v[i].key, key) != 0)
		i = (i + 1) & (c->cap - 1);
	return &c->v[i];
}

static void
cache_grow(struct ui_cache *c)
{
	struct ui_cache_ent *old = c->v, *e;
	size_t oldcap = c->cap, i;

	c->cap = oldcap == 0 ? 64 : oldcap * 2;
	c->v = xcalloc(c->cap, sizeof *c->v);
	for (i = 0; i < oldcap; i++) {
		if (old[i].key == NULL)
			continue;
		e = cache_slot(c, old[i].key);
		*e = old[i];
	}
	free(old);
}

/* The canonical form of path when it differs from path, else NULL. Borrowed. */
static const char *
resolved(struct ui_model *m, const char *path)
{
	struct ui_cache_ent *e;
	char *r;

	if (m->cache == NULL)
		m->cache = xcalloc(1, sizeof *m->cache);
	if ((m->cache->n + 1) * 2 > m->cache->cap)
		cache_grow(m->cache);
	e = cache_slot(m->cache, path);
	if (e->key != NULL)
		return e->val;
	r = gen_resolve_path(path, false, &m->ctx, NULL);
	if (r != NULL && strcmp(r, path) == 0) {
		free(r);
		r = NULL;
	}
	e->key = xstrdup(path);
	e->val = r;
	m->cache->n++;
	return r;
}

static void	scroll_rows(struct ui_model *);
static void	build_rows(struct ui_model *);
static char	*str_fmt(const char *, ...) __attribute__((format(printf, 1, 2)));
static size_t	preview_max_top(const struct ui_model *);

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
}

static void
status_clear(struct ui_model *m)
{
	free(m->status);
	m->status = NULL;
	m->status_err = false;
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
static char *
show_name_new(const char *s)
{
	size_t size = show_size(s);
	char *buf = xmalloc(size);

	sb_show_name(buf, size, s);
	return buf;
}

/* The status line "WHAT VALUE", VALUE through sb_show, whole. */
static void
status_value(struct ui_model *m, const char *what, const char *value)
{
	char *shown = ui_model_show_new(value);

	ui_model_status(m, false, "%s %s", what, shown);
	free(shown);
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
	m->first_changed = SIZE_MAX;
	m->settings_lines = m->preview_lines = m->body_lines = 20;
	m->settings_cols = 80;
	ui_line_init(&m->line);
	m->help_rows = ui_keymap_help_new(&m->nhelp_rows);
	ui_model_set_help_width(m, 78);
}

static void
free_rows(struct ui_model *m)
{
	size_t i;

	for (i = 0; i < m->nrows; i++) {
		free(m->rows[i].label);
		free(m->rows[i].value);
	}
	free(m->rows);
	m->rows = NULL;
	m->nrows = 0;
}

static void
drop_preview(struct ui_model *m)
{
	free(m->preview);
	free(m->lines);
	m->preview = NULL;
	m->lines = NULL;
	m->nlines = 0;
	m->first_changed = SIZE_MAX;
}

void
ui_model_clear(struct ui_model *m)
{
	params_clear(&m->params);
	params_clear(&m->saved);
	free(m->file);
	free(m->cwd);
	free(m->home);
	free(m->tmpdir);
	free(m->config_home);
	free_rows(m);
	drop_preview(m);
	if (m->have_gen)
		gen_result_clear(&m->gen);
	ui_line_clear(&m->line);
	free(m->last_command);
	free(m->pending_path);
	free(m->save_typed);
	launch_argv_free(m->run_argv);
	ui_keymap_help_free(m->help_rows);
	ui_keymap_help_free(m->help);
	free(m->status);
	cache_free(m->cache);
	memset(m, 0, sizeof *m);
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
	drop_preview(m);
	cache_free(m->cache);
	m->cache = NULL;
	return 0;
}

static void
help_add(struct ui_model *m, size_t *cap, char *line)
{
	if (m->nhelp + 2 > *cap) {
		*cap = *cap == 0 ? 64 : *cap * 2;
		m->help = xreallocarray(m->help, *cap, sizeof *m->help);
	}
	m->help[m->nhelp++] = line;
	m->help[m->nhelp] = NULL;
}

/*
 * Wraps the help rows at blanks to cols, the rest of a row's help text
 * indented under its start, so no row is cut at the screen's edge.
 */
void
ui_model_set_help_width(struct ui_model *m, int cols)
{
	const char *text;
	size_t i, len, fit, cut, cap = 0;
	int indent, room;
	bool first;

	if (cols < 20)
		cols = 20;
	if (cols == m->help_cols && m->help != NULL)
		return;
	m->help_cols = cols;
	ui_keymap_help_free(m->help);
	m->help = NULL;
	m->nhelp = 0;
	indent = cols >= UI_HELP_TEXT_COL + 20 ? UI_HELP_TEXT_COL : 4;
	for (i = 0; i < m->nhelp_rows; i++) {
		text = m->help_rows[i];
		for (first = true; first || *text != '\0'; first = false) {
			room = first ? cols : cols - indent;
			len = strlen(text);
			cut = len;
			if (ui_utf8_width(text, len) > room) {
				fit = ui_utf8_fit(text, len, room);
				cut = fit;
				/* Not in the key column of the first line. */
				while (cut > (first ? (size_t)indent : 0) &&
				    text[cut] != ' ')
					cut--;
				if (text[cut] != ' ' || cut == 0)
					cut = fit;
				if (cut == 0)
					(void)ui_utf8_decode(text, len, &cut);
			}
			help_add(m, &cap, first ? xstrndup(text, cut) :
			    str_fmt("%*s%.*s", indent, "", (int)cut, text));
			text += cut;
			while (*text == ' ')
				text++;
		}
	}
	if (m->help == NULL)
		help_add(m, &cap, xstrdup(""));
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
		build_rows(m);
	m->settings_lines = settings > 0 ? settings : 1;
	m->preview_lines = preview > 0 ? preview : 1;
	m->body_lines = body > 0 ? body : 1;
	/* A smaller screen must still show the selection. */
	if (m->nrows > 0)
		scroll_rows(m);
	if (m->preview_top > preview_max_top(m))
		m->preview_top = preview_max_top(m);
}

/* --- files ---------------------------------------------------------------- */

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

/* A file name typed in a prompt: "~/" against home, relative against cwd. */
static char *
typed_file(const struct ui_model *m, const char *s)
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

static void start_prompt(struct ui_model *, enum ui_prompt, const char *);

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
	start_prompt(m, UI_PROMPT_SAVE, m->save_typed != NULL ?
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
		status_value(m, "saved", path);
		return UI_R_QUIT;
	case UI_AFTER_OPEN_PROMPT:
		m->after_save = UI_AFTER_NOTHING;
		start_prompt(m, UI_PROMPT_OPEN, NULL);
		break;
	case UI_AFTER_NOTHING:
		break;
	}
	/* After start_prompt, which clears it: the open prompt says the
	 * save happened. */
	status_value(m, "saved", path);
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
	status_value(m, "opened", path);
	free(path);
	return UI_R_REGEN | UI_R_REDRAW;
}

unsigned
ui_model_complete(struct ui_model *m)
{
	char *list = NULL;
	size_t n;

	if (m->prompt == UI_PROMPT_NONE || m->prompt == UI_PROMPT_ADD_PORT ||
	    m->prompt == UI_PROMPT_ADD_PROTECT)
		return 0;
	n = ui_line_complete(&m->line, m->dir, m->cwd, m->home,
	    m->prompt == UI_PROMPT_RUN, &list);
	if (n == 0)
		ui_model_status(m, true, "no match");
	else if (list != NULL)
		ui_model_status(m, false, "%s", list);
	else
		status_clear(m);
	free(list);
	return UI_R_REDRAW;
}

/* --- the command line of `r` ---------------------------------------------- */

char **
ui_split_command(const char *s, struct sb_error *err)
{
	char **v = NULL;
	struct buf w;
	size_t n = 0;
	char q = 0;
	bool inword = false;

	buf_init(&w);
	for (;; s++) {
		if (q == 0 && (*s == ' ' || *s == '\t' || *s == '\0')) {
			if (inword) {
				v = xreallocarray(v, n + 2, sizeof *v);
				v[n++] = xstrdup(buf_str(&w));
				buf_reset(&w);
				inword = false;
			}
			if (*s == '\0')
				break;
			continue;
		}
		if (*s == '\0') {
			sb_error_set(err, SB_EINVAL,
			    "command: unterminated %c quote", q);
			buf_clear(&w);
			if (v != NULL) {
				v[n] = NULL;
				launch_argv_free(v);
			}
			return NULL;
		}
		inword = true;
		if (q == 0 && (*s == '\'' || *s == '"'))
			q = *s;
		else if (q != 0 && *s == q)
			q = 0;
		else if (*s == '\\' && q != '\'' && s[1] != '\0')
			buf_putc(&w, *++s);
		else
			buf_putc(&w, *s);
	}
	buf_clear(&w);
	if (n == 0) {
		sb_error_set(err, SB_EINVAL, "command is empty");
		return NULL;
	}
	v[n] = NULL;
	return v;
}

/* --- rows ----------------------------------------------------------------- */

bool
ui_row_is_selectable(const struct ui_row *r)
{
	return r->kind != ROW_SECTION && r->kind != ROW_NOTE &&
	    r->kind != ROW_WARNING;
}

struct rowbuf {
	struct ui_row	*v;
	size_t		 n;
	size_t		 cap;
};

static struct ui_row *
row_add(struct rowbuf *rb, enum ui_row_kind kind, size_t index, int depth,
    const char *inactive, char *label, char *value)
{
	struct ui_row *r;

	if (rb->n == rb->cap) {
		rb->cap = rb->cap == 0 ? 64 : rb->cap * 2;
		rb->v = xreallocarray(rb->v, rb->cap, sizeof *rb->v);
	}
	r = &rb->v[rb->n++];
	r->kind = kind;
	r->index = index;
	r->depth = depth;
	r->inactive = inactive;
	r->label = label;
	r->value = value;
	r->warned = false;
	return r;
}

static char *
str_new(const char *s)
{
	return xstrdup(s);
}

static char *
str_fmt(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static char *
str_fmt(const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	xvasprintf(&s, fmt, ap);
	va_end(ap);
	return s;
}

static const char *
on_off(bool b)
{
	return b ? "on" : "off";
}

/* The warning text without its "field[i]: " prefix, which the row shows. */
static const char *
warning_text(const char *msg)
{
	const char *p = strstr(msg, ": ");

	if (p != NULL && memchr(msg, ' ', (size_t)(p - msg)) == NULL)
		return p + 2;
	return msg;
}

/*
 * A warning as ROW_WARNING rows, wrapped at blanks to the pane's width: a
 * warning is worth reading whole, unlike a long path.
 */
static void
add_wrapped(struct ui_model *m, struct rowbuf *rb, int depth,
    const char *inactive, const char *text)
{
	size_t len, cut, fit;
	int width, cols = m->settings_cols - 2 * depth - 4;
	bool first = true;

	width = cols < 24 ? 24 : cols;
	while (*text != '\0') {
		len = strlen(text);
		cut = len;
		/* By columns and whole characters: a split character
		 * would spill over the pane's edge. A blank is never
		 * inside a character. */
		if (ui_utf8_width(text, len) > width) {
			fit = ui_utf8_fit(text, len, width);
			cut = fit;
			while (cut > fit / 2 && text[cut] != ' ')
				cut--;
			if (text[cut] != ' ')
				cut = fit;
			if (cut == 0)
				(void)ui_utf8_decode(text, len, &cut);
		}
		row_add(rb, ROW_WARNING, 0, depth, inactive,
		    str_fmt("%s%.*s", first ? "! " : "  ", (int)cut, text), NULL);
		first = false;
		text += cut;
		while (*text == ' ')
			text++;
	}
}

/* The warnings about (where, index), as ROW_WARNING rows after row at. */
static void
add_warnings(struct ui_model *m, struct rowbuf *rb, size_t at,
    enum gen_where where, size_t index)
{
	size_t i;

	if (!m->have_gen)
		return;
	for (i = 0; i < m->gen.nwarnings; i++) {
		if (m->gen.warnings[i].where != where ||
		    m->gen.warnings[i].index != index)
			continue;
		/* "No effect while ..." about a whole list is what the
		 * reason note already says. */
		if (index == GEN_NO_INDEX && rb->v[at].inactive != NULL)
			continue;
		rb->v[at].warned = true;
		m->warnings_shown++;
		add_wrapped(m, rb, rb->v[at].depth + 1, rb->v[at].inactive,
		    warning_text(m->gen.warnings[i].msg));
	}
}

static void
add_resolved(struct ui_model *m, struct rowbuf *rb, const char *path,
    int depth, const char *inactive)
{
	const char *r = resolved(m, path);

	if (r != NULL)
		row_add(rb, ROW_NOTE, 0, depth + 1, inactive,
		    str_fmt("= %s", r), NULL);
}

static void
add_sockets(struct ui_model *m, struct rowbuf *rb, const struct socklist *l,
    enum ui_row_kind head, enum ui_row_kind entry, enum gen_where where,
    const char *name, const char *inactive)
{
	const struct sock_entry *e;
	char *flags;
	size_t i, at;

	at = rb->n;
	row_add(rb, head, 0, 1, inactive, str_new(name),
	    str_fmt("%zu", l->n));
	add_warnings(m, rb, at, where, GEN_NO_INDEX);
	for (i = 0; i < l->n; i++) {
		e = &l->v[i];
		at = rb->n;
		flags = str_fmt("%s %s", sock_match_name(e->match),
		    sock_access_name(e->access));
		/* The flags go on a line of their own when the path and they
		 * do not fit side by side. */
		if (strlen(e->path) + strlen(flags) + 8 >
		    (size_t)m->settings_cols) {
			row_add(rb, entry, i, 2, inactive, str_new(e->path),
			    NULL);
			row_add(rb, ROW_NOTE, i, 3, inactive, flags, NULL);
		} else
			row_add(rb, entry, i, 2, inactive, str_new(e->path),
			    flags);
		if (e->match != MATCH_GLOB)
			add_resolved(m, rb, e->path, 2, inactive);
		add_warnings(m, rb, at, where, i);
	}
}

static void
add_paths(struct ui_model *m, struct rowbuf *rb, const struct strlist *l,
    enum ui_row_kind head, enum ui_row_kind entry, enum gen_where where,
    const char *name, const char *inactive, bool resolve)
{
	char *text;
	size_t i, at;

	at = rb->n;
	row_add(rb, head, 0, 1, inactive, str_new(name), str_fmt("%zu", l->n));
	add_warnings(m, rb, at, where, GEN_NO_INDEX);
	for (i = 0; i < l->n; i++) {
		at = rb->n;
		row_add(rb, entry, i, 2, inactive, str_new(l->v[i]), NULL);
		if (resolve && where == GEN_W_DENY_READ) {
			/* A deny_read entry is a pattern: with no wildcard, the
			 * path it names is its text without the escapes. */
			if (!glob_is_pattern(l->v[i])) {
				text = glob_unescape(l->v[i], strlen(l->v[i]));
				add_resolved(m, rb, text, 2, inactive);
				free(text);
			}
		} else if (resolve)
			add_resolved(m, rb, l->v[i], 2, inactive);
		if (where != GEN_W_GENERAL)
			add_warnings(m, rb, at, where, i);
	}
}

/*
 * Whether the profile denies canon, a built-in deny's canonical path. The
 * generator passes each built-in deny it writes as a BUILTIN_DENY_N
 * parameter holding that path: asking the result, not repeating its rules
 * (which depend on what the allow entries open), keeps the rows true to
 * the preview.
 */
static bool
builtin_in_profile(const struct ui_model *m, const char *canon)
{
	const struct gen_param *q;
	size_t i;

	for (i = 0; i < m->gen.nparams; i++) {
		q = &m->gen.params[i];
		if (strncmp(q->key, "BUILTIN_DENY_", 13) == 0 &&
		    strcmp(q->value, canon) == 0)
			return true;
	}
	return false;
}

/*
 * The built-in denies, under the deny list: a switch, then one read-only
 * row per path, as written, with its match. A row that the profile does
 * not hold says why, as an entry with no effect does.
 */
static void
add_builtins(struct ui_model *m, struct rowbuf *rb, const char *net_off)
{
	/* Short: a note holds them whole in the narrowest pane. */
	static const char off[] = "built-in denies off (B)";
	static const char unused[] = "no allow entry opens it";
	static const char no_home[] = "no effect: $HOME is not set";
	static const char no_tmpdir[] = "no effect: $TMPDIR is not set";
	const char *path, *why, *canon;
	enum sock_match match;
	char *full;
	size_t i;

	row_add(rb, ROW_BUILTIN, 0, 1, net_off, str_new("built-in denies"),
	    str_new(on_off(m->params.builtin_denies)));
	/* Off, the reason note above the rows names the key already. */
	if (m->params.builtin_denies)
		row_add(rb, ROW_NOTE, 0, 2, net_off,
		    str_new("read-only: B switches them off"), NULL);
	for (i = 0; (path = gen_builtin_deny(i, &match)) != NULL; i++) {
		why = net_off != NULL ? net_off :
		    !m->params.builtin_denies ? off : NULL;
		/* A stale result is of other params: it cannot tell. */
		if (why == NULL && m->have_gen && !m->preview_stale) {
			if ((full = gen_builtin_expand(i, &m->ctx)) == NULL)
				why = path[0] == '~' ? no_home : no_tmpdir;
			else {
				/* Through the cache: this runs at each key. */
				canon = resolved(m, full);
				if (!builtin_in_profile(m, canon != NULL ?
				    canon : full))
					why = unused;
			}
			free(full);
		}
		row_add(rb, ROW_BUILTIN_ENTRY, i, 2, why, str_new(path),
		    str_new(sock_match_name(match)));
	}
}

/*
 * Puts a note saying why before each run of rows that have no effect for
 * the same reason: one line per run keeps the rows themselves readable in
 * a narrow pane, and the rows are dimmed.
 */
static void
add_reasons(struct rowbuf *rb)
{
	struct rowbuf out = { NULL, 0, 0 };
	const char *prev = NULL;
	size_t i;

	for (i = 0; i < rb->n; i++) {
		struct ui_row *r = &rb->v[i];

		if (r->inactive != NULL && r->inactive != prev &&
		    r->kind != ROW_NOTE && r->kind != ROW_WARNING)
			row_add(&out, ROW_NOTE, 0, r->depth, r->inactive,
			    str_fmt("(%s)", r->inactive), NULL);
		if (r->kind != ROW_SECTION)
			prev = r->inactive;
		row_add(&out, r->kind, r->index, r->depth, r->inactive,
		    r->label, r->value)->warned = r->warned;
	}
	free(rb->v);
	*rb = out;
}

static void
build_rows(struct ui_model *m)
{
	const struct params *p = &m->params;
	struct rowbuf rb = { NULL, 0, 0 };
	const char *net_off, *ports_na, *allow_na, *fs_na;
	size_t i, at, best;

	net_off = p->net_mode == NET_OFF ? "no effect: the network is off" :
	    NULL;
	ports_na = net_off != NULL ? net_off : p->net_mode == NET_FULL ?
	    "no effect: the network is full" : NULL;
	allow_na = net_off != NULL ? net_off : p->allow_all_sockets ?
	    "no effect: allow-all sockets is on" : NULL;
	fs_na = p->fs_mode != FS_WORKSPACE_WRITE ?
	    "no effect: only in workspace-write" : NULL;

	m->warnings_shown = 0;
	if (m->have_gen) {
		for (i = 0; i < m->gen.nwarnings; i++) {
			if (m->gen.warnings[i].where != GEN_W_GENERAL)
				continue;
			add_wrapped(m, &rb, 0, NULL, m->gen.warnings[i].msg);
			m->warnings_shown++;
		}
	}
	row_add(&rb, ROW_SECTION, 0, 0, NULL, str_new("Network"), NULL);
	row_add(&rb, ROW_NET_MODE, 0, 1, NULL, str_new("mode"),
	    str_new(net_mode_name(p->net_mode)));

	at = rb.n;
	row_add(&rb, ROW_PORTS, 0, 1, ports_na, str_new("proxy ports"),
	    str_fmt("%zu", p->proxy_ports.n));
	add_warnings(m, &rb, at, GEN_W_PROXY_PORT, GEN_NO_INDEX);
	for (i = 0; i < p->proxy_ports.n; i++) {
		at = rb.n;
		row_add(&rb, ROW_PORT, i, 2, ports_na,
		    str_fmt("%u", p->proxy_ports.v[i]), NULL);
		add_warnings(m, &rb, at, GEN_W_PROXY_PORT, i);
	}
	at = rb.n;
	row_add(&rb, ROW_LOCAL, 0, 1, ports_na, str_new("local binding"),
	    str_new(on_off(p->allow_local_binding)));
	add_warnings(m, &rb, at, GEN_W_LOCAL_BINDING, GEN_NO_INDEX);
	at = rb.n;
	row_add(&rb, ROW_ALLOW_ALL, 0, 1, net_off, str_new("allow-all sockets"),
	    str_new(on_off(p->allow_all_sockets)));
	add_warnings(m, &rb, at, GEN_W_ALLOW_ALL, GEN_NO_INDEX);
	add_sockets(m, &rb, &p->sock_allow, ROW_ALLOW, ROW_ALLOW_ENTRY,
	    GEN_W_SOCK_ALLOW, "allow sockets", allow_na);
	add_sockets(m, &rb, &p->sock_deny, ROW_DENY, ROW_DENY_ENTRY,
	    GEN_W_SOCK_DENY, "deny sockets", net_off);
	add_builtins(m, &rb, net_off);

	row_add(&rb, ROW_SECTION, 0, 0, NULL, str_new("Filesystem"), NULL);
	row_add(&rb, ROW_FS_MODE, 0, 1, NULL, str_new("mode"),
	    str_new(fs_mode_name(p->fs_mode)));
	row_add(&rb, ROW_INC_CWD, 0, 1, fs_na, str_new("include cwd"),
	    str_new(on_off(p->include_cwd)));
	row_add(&rb, ROW_INC_TMP, 0, 1, fs_na, str_new("include /tmp"),
	    str_new(on_off(p->include_slash_tmp)));
	row_add(&rb, ROW_INC_TMPDIR, 0, 1, fs_na, str_new("include $TMPDIR"),
	    str_new(on_off(p->include_tmpdir)));
	add_paths(m, &rb, &p->writable_roots, ROW_ROOTS, ROW_ROOT,
	    GEN_W_WRITABLE_ROOT, "writable roots", fs_na, true);
	add_paths(m, &rb, &p->protected_names, ROW_PROTECTS, ROW_PROTECT,
	    GEN_W_GENERAL, "protected names", fs_na, false);
	add_paths(m, &rb, &p->deny_read, ROW_DENY_READS, ROW_DENY_READ,
	    GEN_W_DENY_READ, "deny read", NULL, true);

	add_reasons(&rb);
	free_rows(m);
	m->rows = rb.v;
	m->nrows = rb.n;

	/* Find the selection again: the same entry, else the nearest row of
	 * its kind before it (a deleted last entry selects the one above),
	 * else its list heading. */
	best = SIZE_MAX;
	for (i = 0; i < m->nrows; i++) {
		if (m->rows[i].kind != m->sel_kind)
			continue;
		best = i;
		if (m->rows[i].index >= m->sel_index)
			break;
	}
	if (best == SIZE_MAX) {
		enum ui_row_kind head = m->sel_kind;

		switch (m->sel_kind) {
		case ROW_PORT: head = ROW_PORTS; break;
		case ROW_ALLOW_ENTRY: head = ROW_ALLOW; break;
		case ROW_DENY_ENTRY: head = ROW_DENY; break;
		case ROW_BUILTIN_ENTRY: head = ROW_BUILTIN; break;
		case ROW_ROOT: head = ROW_ROOTS; break;
		case ROW_PROTECT: head = ROW_PROTECTS; break;
		case ROW_DENY_READ: head = ROW_DENY_READS; break;
		default: head = ROW_NET_MODE; break;
		}
		for (i = 0; i < m->nrows; i++) {
			if (m->rows[i].kind == head) {
				best = i;
				break;
			}
		}
	}
	m->sel = best != SIZE_MAX ? best : 0;
	m->sel_kind = m->rows[m->sel].kind;
	m->sel_index = m->rows[m->sel].index;
}

/* Keeps the selected row inside the settings viewport. */
static void
scroll_rows(struct ui_model *m)
{
	size_t h = (size_t)m->settings_lines;

	if (m->sel < m->rows_top)
		m->rows_top = m->sel;
	else if (m->sel >= m->rows_top + h)
		m->rows_top = m->sel - h + 1;
	/* Show the notes under the last row too. */
	while (m->sel + 1 < m->nrows && !ui_row_is_selectable(&m->rows[m->sel + 1]) &&
	    m->sel + 1 >= m->rows_top + h && m->rows_top < m->sel)
		m->rows_top++;
	if (m->nrows <= h)
		m->rows_top = 0;
}

static void
select_row(struct ui_model *m, size_t i)
{
	m->sel = i;
	m->sel_kind = m->rows[i].kind;
	m->sel_index = m->rows[i].index;
	scroll_rows(m);
}

/* Moves the selection by delta selectable rows (clamped). */
static void
move_sel(struct ui_model *m, long delta)
{
	size_t i = m->sel, last = m->sel;

	if (m->nrows == 0)
		return;
	while (delta != 0) {
		if (delta > 0) {
			if (i + 1 >= m->nrows)
				break;
			i++;
		} else {
			if (i == 0)
				break;
			i--;
		}
		if (ui_row_is_selectable(&m->rows[i])) {
			last = i;
			delta += delta > 0 ? -1 : 1;
		}
	}
	select_row(m, last);
}

/* --- the preview ---------------------------------------------------------- */

/* Classifies lines by the top-level form they belong to, so a rule that
 * spans lines keeps one colour. Strings and comments do not count parens. */
static void
classify(struct ui_model *m)
{
	enum ui_line_role form = UI_LINE_PLAIN;
	int depth = 0;
	size_t i, k;

	for (i = 0; i < m->nlines; i++) {
		struct ui_pline *l = &m->lines[i];
		const char *s = l->s;
		bool instr = false;

		if (depth == 0) {
			if (l->len > 0 && s[0] == ';') {
				l->role = l->len >= 5 && strncmp(s, "; -D ", 5) == 0 ?
				    UI_LINE_PARAM : UI_LINE_COMMENT;
				continue;
			}
			if (l->len >= 6 && strncmp(s, "(allow", 6) == 0)
				form = UI_LINE_ALLOW;
			else if (l->len >= 5 && strncmp(s, "(deny", 5) == 0)
				form = UI_LINE_DENY;
			else
				form = UI_LINE_PLAIN;
		}
		l->role = form;
		for (k = 0; k < l->len; k++) {
			if (instr) {
				if (s[k] == '\\')
					k++;
				else if (s[k] == '"')
					instr = false;
			} else if (s[k] == '"')
				instr = true;
			else if (s[k] == ';')
				break;
			else if (s[k] == '(')
				depth++;
			else if (s[k] == ')' && depth > 0)
				depth--;
		}
	}
}

struct lineset {
	struct {
		const char	*s;
		size_t		 len;
		size_t		 count;
	}		*v;
	size_t		 cap;
};

/*
 * Marks the lines of the new preview that the old one did not have (as a
 * multiset: a repeated line counts once per copy). O(n), unlike a real diff,
 * and enough to show what an edit added or altered.
 */
static void
mark_changes(struct ui_model *m, const struct ui_pline *old, size_t nold)
{
	struct lineset set;
	size_t i, j, h;

	m->first_changed = SIZE_MAX;
	if (old == NULL)
		return;
	set.cap = 64;
	while (set.cap < nold * 2)
		set.cap *= 2;
	set.v = xcalloc(set.cap, sizeof *set.v);
	for (i = 0; i < nold; i++) {
		h = hash_bytes(old[i].s, old[i].len);
		j = h & (set.cap - 1);
		while (set.v[j].s != NULL && (set.v[j].len != old[i].len ||
		    memcmp(set.v[j].s, old[i].s, old[i].len) != 0))
			j = (j + 1) & (set.cap - 1);
		set.v[j].s = old[i].s;
		set.v[j].len = old[i].len;
		set.v[j].count++;
	}
	for (i = 0; i < m->nlines; i++) {
		struct ui_pline *l = &m->lines[i];

		h = hash_bytes(l->s, l->len);
		j = h & (set.cap - 1);
		while (set.v[j].s != NULL && (set.v[j].len != l->len ||
		    memcmp(set.v[j].s, l->s, l->len) != 0))
			j = (j + 1) & (set.cap - 1);
		if (set.v[j].s != NULL && set.v[j].count > 0) {
			set.v[j].count--;
			continue;
		}
		l->changed = true;
		if (m->first_changed == SIZE_MAX)
			m->first_changed = i;
	}
	free(set.v);
}

static size_t
preview_max_top(const struct ui_model *m)
{
	size_t h = (size_t)m->preview_lines;

	return m->nlines > h ? m->nlines - h : 0;
}

static void
split_lines(struct ui_model *m)
{
	const char *s = m->preview, *nl;
	size_t n = 0, cap = 64;

	m->lines = xreallocarray(NULL, cap, sizeof *m->lines);
	while (*s != '\0') {
		nl = strchr(s, '\n');
		if (n == cap) {
			cap *= 2;
			m->lines = xreallocarray(m->lines, cap, sizeof *m->lines);
		}
		m->lines[n].s = s;
		m->lines[n].len = nl != NULL ? (size_t)(nl - s) : strlen(s);
		m->lines[n].role = UI_LINE_PLAIN;
		m->lines[n].changed = false;
		n++;
		if (nl == NULL)
			break;
		s = nl + 1;
	}
	m->nlines = n;
}

void
ui_model_regen(struct ui_model *m)
{
	struct gen_result r;
	struct sb_error err;
	struct ui_pline *old_lines;
	char *old_preview;
	size_t nold, h;

	sb_error_init(&err);
	memset(&r, 0, sizeof r);
	m->modified = !params_equal(&m->params, &m->saved);
	if (gen_render(&m->params, &m->ctx, &r, &err) == -1) {
		ui_model_status(m, true, "cannot generate: %s", err.msg);
		m->preview_stale = true;
		build_rows(m);
		scroll_rows(m);
		return;
	}
	m->preview_stale = false;
	if (m->have_gen)
		gen_result_clear(&m->gen);
	m->gen = r;
	m->have_gen = true;

	old_preview = m->preview;
	old_lines = m->lines;
	nold = m->nlines;
	m->preview = gen_format_sbpl(&m->gen);
	split_lines(m);
	classify(m);
	mark_changes(m, old_lines, nold);
	free(old_lines);
	free(old_preview);

	/* Bring the first changed line into view, with a little context. */
	h = (size_t)m->preview_lines;
	if (m->first_changed != SIZE_MAX &&
	    (m->first_changed < m->preview_top ||
	    m->first_changed >= m->preview_top + h))
		m->preview_top = m->first_changed > 2 ? m->first_changed - 2 : 0;
	if (m->preview_top > preview_max_top(m))
		m->preview_top = preview_max_top(m);

	build_rows(m);
	scroll_rows(m);
}

/* --- prompts and questions ------------------------------------------------ */

static void
start_prompt(struct ui_model *m, enum ui_prompt p, const char *text)
{
	m->prompt = p;
	m->mode = UI_MODE_EDIT_PATH;
	ui_line_set(&m->line, text != NULL ? text : "");
	status_clear(m);
}

static void
end_prompt(struct ui_model *m)
{
	m->prompt = UI_PROMPT_NONE;
	m->mode = m->focus == UI_FOCUS_PREVIEW ? UI_MODE_PREVIEW : UI_MODE_LIST;
	ui_line_set(&m->line, "");
}

static void
back_to_browsing(struct ui_model *m)
{
	m->confirm = UI_CONFIRM_NONE;
	m->mode = m->focus == UI_FOCUS_PREVIEW ? UI_MODE_PREVIEW : UI_MODE_LIST;
}

const char *
ui_model_prompt_label(const struct ui_model *m)
{
	switch (m->prompt) {
	case UI_PROMPT_ADD_ALLOW:	return "allow socket: ";
	case UI_PROMPT_ADD_DENY:	return "deny socket: ";
	case UI_PROMPT_ADD_ROOT:	return "writable root: ";
	case UI_PROMPT_ADD_PORT:	return "proxy port: ";
	case UI_PROMPT_ADD_PROTECT:	return "protected name: ";
	case UI_PROMPT_ADD_DENY_READ:	return "deny read: ";
	case UI_PROMPT_SAVE:		return "save to: ";
	case UI_PROMPT_OPEN:		return "open: ";
	case UI_PROMPT_RUN:		return "run: ";
	case UI_PROMPT_EDIT:
		switch (m->edit_kind) {
		case ROW_PORT:		return "edit port: ";
		case ROW_PROTECT:	return "edit name: ";
		default:		return "edit path: ";
		}
	case UI_PROMPT_NONE:
		break;
	}
	return "";
}

char *
ui_model_confirm_text(const struct ui_model *m)
{
	char *s, *name;

	switch (m->confirm) {
	case UI_CONFIRM_QUIT:
		return xstrdup("unsaved changes; quit anyway?  s save  "
		    "d discard  c cancel");
	case UI_CONFIRM_OPEN:
		return xstrdup("unsaved changes; open another file?  s save  "
		    "d discard  c cancel");
	case UI_CONFIRM_OVERWRITE:
		if (m->pending_path == NULL)
			return xstrdup("the file exists; overwrite?  y yes  "
			    "n no");
		name = show_name_new(m->pending_path);
		xasprintf(&s, "%s exists; overwrite?  y yes  n no", name);
		free(name);
		return s;
	case UI_CONFIRM_NONE:
		break;
	}
	return xstrdup("");
}

/* The prompt to save, with the current name or the default one. */
static unsigned
prompt_save(struct ui_model *m)
{
	char *def = m->file != NULL ? xstrdup(m->file) : ui_model_default_file(m);

	start_prompt(m, UI_PROMPT_SAVE, def);
	free(def);
	return UI_R_REDRAW;
}

static unsigned
save_now_or_prompt(struct ui_model *m)
{
	if (m->file == NULL)
		return prompt_save(m);
	free(m->pending_path);
	m->pending_path = xstrdup(m->file);
	free(m->save_typed);
	m->save_typed = NULL;
	back_to_browsing(m);
	return UI_R_SAVE | UI_R_REDRAW;
}

/* --- accepting a prompt --------------------------------------------------- */

static bool
socket_dup(const struct socklist *l, const char *path, size_t skip)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		if (i != skip && strcmp(l->v[i].path, path) == 0)
			return true;
	}
	return false;
}

static bool
str_dup_in(const struct strlist *l, const char *s, size_t skip)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		if (i != skip && strcmp(l->v[i], s) == 0)
			return true;
	}
	return false;
}

/* Adds or replaces (at index, when replace) a socket entry. */
static int
put_socket(struct ui_model *m, struct socklist *l, const char *text,
    bool replace, size_t index, const char *what, struct sb_error *err)
{
	char *path, show[SB_SHOW_MAX];
	enum sock_match match;

	/* The stored form, as on the command line: "~" and "~/" are one. */
	if ((path = params_socket_from_cli(text, m->cwd, &match, what,
	    err)) == NULL)
		return -1;
	if (socket_dup(l, path, replace ? index : SIZE_MAX)) {
		sb_error_set(err, SB_EINVAL, "%s: already in the list: %s",
		    what, sb_show(show, sizeof show, path));
		free(path);
		return -1;
	}
	if (replace) {
		struct sock_entry *e = &l->v[index];

		/* Keep a chosen match unless the glob-ness changed. */
		if ((e->match == MATCH_GLOB) == (match == MATCH_GLOB))
			match = e->match;
		free(e->path);
		e->path = path;
		e->match = match;
	} else {
		socklist_add(l, path, match, ACCESS_CONNECT_BIND);
		free(path);
	}
	return 0;
}

static int
put_path(struct ui_model *m, struct strlist *l, const char *text,
    bool allow_glob, bool replace, size_t index, const char *what,
    struct sb_error *err)
{
	char *path, show[SB_SHOW_MAX];

	if ((path = params_path_from_cli(text, m->cwd, allow_glob, what,
	    err)) == NULL)
		return -1;
	if (str_dup_in(l, path, replace ? index : SIZE_MAX)) {
		sb_error_set(err, SB_EINVAL, "%s: already in the list: %s",
		    what, sb_show(show, sizeof show, path));
		free(path);
		return -1;
	}
	if (replace) {
		free(l->v[index]);
		l->v[index] = path;
	} else {
		strlist_add(l, path);
		free(path);
	}
	return 0;
}

static int
put_name(struct strlist *l, const char *text, bool replace, size_t index,
    struct sb_error *err)
{
	char show[SB_SHOW_MAX];

	if (params_check_name(text, strlen(text), "protected name", err) == -1)
		return -1;
	if (str_dup_in(l, text, replace ? index : SIZE_MAX)) {
		sb_error_set(err, SB_EINVAL,
		    "protected name: already in the list: %s",
		    sb_show(show, sizeof show, text));
		return -1;
	}
	if (replace) {
		free(l->v[index]);
		l->v[index] = xstrdup(text);
	} else
		strlist_add(l, text);
	return 0;
}

static int
put_port(struct portlist *l, const char *text, bool replace, size_t index,
    struct sb_error *err)
{
	unsigned port;
	size_t i;

	if (params_parse_port(text, "proxy port", &port, err) == -1)
		return -1;
	for (i = 0; i < l->n; i++) {
		if (l->v[i] == port && !(replace && i == index)) {
			sb_error_set(err, SB_EINVAL,
			    "proxy port: already in the list: %u", port);
			return -1;
		}
	}
	if (replace)
		l->v[index] = port;
	else
		portlist_add(l, port);
	return 0;
}

/* Applies the text of an add or edit prompt to the params. */
static int
accept_entry(struct ui_model *m, enum ui_row_kind kind, bool replace,
    size_t index, const char *text, struct sb_error *err)
{
	struct params *p = &m->params;
	char show[SB_SHOW_MAX];

	/* Completion can bring in a file name in another charset; JSON,
	 * and so the params file, holds only UTF-8. */
	if (!utf8_valid(text)) {
		sb_error_set(err, SB_EINVAL, "not UTF-8, which a params file "
		    "cannot hold: %s", sb_show(show, sizeof show, text));
		return -1;
	}
	/* Blanks alone are a slip, not a file named "   " in the cwd. */
	if (*text != '\0' && text[strspn(text, " \t")] == '\0') {
		sb_error_set(err, SB_EINVAL, "only blanks typed");
		return -1;
	}
	switch (kind) {
	case ROW_ALLOW_ENTRY:
		return put_socket(m, &p->sock_allow, text, replace, index,
		    "allow socket", err);
	case ROW_DENY_ENTRY:
		return put_socket(m, &p->sock_deny, text, replace, index,
		    "deny socket", err);
	case ROW_ROOT:
		return put_path(m, &p->writable_roots, text, false, replace,
		    index, "writable root", err);
	case ROW_DENY_READ:
		return put_path(m, &p->deny_read, text, true, replace, index,
		    "deny read", err);
	case ROW_PROTECT:
		return put_name(&p->protected_names, text, replace, index, err);
	case ROW_PORT:
		return put_port(&p->proxy_ports, text, replace, index, err);
	default:
		break;
	}
	sb_error_set(err, SB_EINVAL, "nothing to edit here");
	return -1;
}

static size_t
list_len(const struct params *p, enum ui_row_kind kind)
{
	switch (kind) {
	case ROW_ALLOW_ENTRY:	return p->sock_allow.n;
	case ROW_DENY_ENTRY:	return p->sock_deny.n;
	case ROW_ROOT:		return p->writable_roots.n;
	case ROW_DENY_READ:	return p->deny_read.n;
	case ROW_PROTECT:	return p->protected_names.n;
	case ROW_PORT:		return p->proxy_ports.n;
	default:		return 0;
	}
}

static enum ui_row_kind
prompt_kind(enum ui_prompt p)
{
	switch (p) {
	case UI_PROMPT_ADD_ALLOW:	return ROW_ALLOW_ENTRY;
	case UI_PROMPT_ADD_DENY:	return ROW_DENY_ENTRY;
	case UI_PROMPT_ADD_ROOT:	return ROW_ROOT;
	case UI_PROMPT_ADD_PORT:	return ROW_PORT;
	case UI_PROMPT_ADD_PROTECT:	return ROW_PROTECT;
	case UI_PROMPT_ADD_DENY_READ:	return ROW_DENY_READ;
	default:			return ROW_SECTION;
	}
}

static unsigned
accept_prompt(struct ui_model *m)
{
	struct sb_error err;
	const char *text = ui_line_str(&m->line);
	enum ui_row_kind kind;
	char **argv;
	bool replace;
	size_t index;

	sb_error_init(&err);
	switch (m->prompt) {
	case UI_PROMPT_SAVE:
	case UI_PROMPT_OPEN:
		if (*text == '\0') {
			ui_model_status(m, true, "file name is empty");
			return UI_R_REDRAW;
		}
		free(m->pending_path);
		m->pending_path = typed_file(m, text);
		if (m->prompt == UI_PROMPT_SAVE) {
			free(m->save_typed);
			m->save_typed = xstrdup(text);
			end_prompt(m);
			return UI_R_SAVE | UI_R_REDRAW;
		}
		end_prompt(m);
		return UI_R_OPEN | UI_R_REDRAW;
	case UI_PROMPT_RUN:
		if (!m->have_gen || m->preview_stale) {
			ui_model_status(m, true,
			    "cannot run: the policy does not generate");
			return UI_R_REDRAW;
		}
		if ((argv = ui_split_command(text, &err)) == NULL) {
			ui_model_status(m, true, "%s", err.msg);
			return UI_R_REDRAW;
		}
		launch_argv_free(m->run_argv);
		m->run_argv = argv;
		free(m->last_command);
		m->last_command = xstrdup(text);
		end_prompt(m);
		return UI_R_LAUNCH | UI_R_REDRAW;
	case UI_PROMPT_EDIT:
		kind = m->edit_kind;
		replace = true;
		index = m->edit_index;
		if (index >= list_len(&m->params, kind)) {
			end_prompt(m);
			return UI_R_REDRAW;
		}
		break;
	case UI_PROMPT_NONE:
		return 0;
	default:
		kind = prompt_kind(m->prompt);
		replace = false;
		index = list_len(&m->params, kind);
		break;
	}
	/* A refused value stays in the prompt, so nothing typed is lost. */
	if (accept_entry(m, kind, replace, index, text, &err) == -1) {
		ui_model_status(m, true, "%s", err.msg);
		return UI_R_REDRAW;
	}
	m->sel_kind = kind;
	m->sel_index = index;
	end_prompt(m);
	/* The stored values: text went with the prompt. */
	if (kind == ROW_PORT) {
		ui_model_status(m, false, "%s port %u", replace ? "changed" :
		    "added", m->params.proxy_ports.v[index]);
		return UI_R_REGEN | UI_R_REDRAW;
	}
	status_value(m, replace ? "changed" : "added",
	    kind == ROW_PROTECT ? m->params.protected_names.v[index] :
	    kind == ROW_ALLOW_ENTRY ? m->params.sock_allow.v[index].path :
	    kind == ROW_DENY_ENTRY ? m->params.sock_deny.v[index].path :
	    kind == ROW_ROOT ? m->params.writable_roots.v[index] :
	    m->params.deny_read.v[index]);
	return UI_R_REGEN | UI_R_REDRAW;
}

/* --- the settings-pane actions -------------------------------------------- */

static const struct ui_row *
sel_row(const struct ui_model *m)
{
	return m->nrows > 0 ? &m->rows[m->sel] : NULL;
}

static struct sock_entry *
sel_socket(struct ui_model *m)
{
	const struct ui_row *r = sel_row(m);

	if (r == NULL)
		return NULL;
	if (r->kind == ROW_ALLOW_ENTRY && r->index < m->params.sock_allow.n)
		return &m->params.sock_allow.v[r->index];
	if (r->kind == ROW_DENY_ENTRY && r->index < m->params.sock_deny.n)
		return &m->params.sock_deny.v[r->index];
	return NULL;
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
	start_prompt(m, p, NULL);
	return UI_R_REDRAW;
}

/* `a`, or Enter on a list heading: add to the list the selection is in. */
static unsigned
add_here(struct ui_model *m)
{
	const struct ui_row *r = sel_row(m);

	if (r == NULL)
		return 0;
	switch (r->kind) {
	case ROW_PORTS: case ROW_PORT:
		return add_to(m, UI_PROMPT_ADD_PORT);
	case ROW_ALLOW: case ROW_ALLOW_ENTRY:
		return add_to(m, UI_PROMPT_ADD_ALLOW);
	case ROW_DENY: case ROW_DENY_ENTRY:
		return add_to(m, UI_PROMPT_ADD_DENY);
	case ROW_ROOTS: case ROW_ROOT:
		return add_to(m, UI_PROMPT_ADD_ROOT);
	case ROW_PROTECTS: case ROW_PROTECT:
		return add_to(m, UI_PROMPT_ADD_PROTECT);
	case ROW_DENY_READS: case ROW_DENY_READ:
		return add_to(m, UI_PROMPT_ADD_DENY_READ);
	case ROW_BUILTIN: case ROW_BUILTIN_ENTRY:
		ui_model_status(m, true, "built in, so nothing can be added "
		    "here: x adds to the deny list");
		return UI_R_REDRAW;
	default:
		ui_model_status(m, true, "select a list to add to");
		return UI_R_REDRAW;
	}
}

static unsigned
net_cycle(struct ui_model *m)
{
	m->params.net_mode = m->params.net_mode == NET_OFF ? NET_RESTRICTED :
	    m->params.net_mode == NET_RESTRICTED ? NET_FULL : NET_OFF;
	ui_model_status(m, false, "network: %s",
	    net_mode_name(m->params.net_mode));
	return UI_R_REGEN | UI_R_REDRAW;
}

static unsigned
fs_cycle(struct ui_model *m)
{
	m->params.fs_mode = m->params.fs_mode == FS_READ_ONLY ?
	    FS_WORKSPACE_WRITE : m->params.fs_mode == FS_WORKSPACE_WRITE ?
	    FS_FULL_ACCESS : FS_READ_ONLY;
	ui_model_status(m, false, "filesystem: %s",
	    fs_mode_name(m->params.fs_mode));
	return UI_R_REGEN | UI_R_REDRAW;
}

static unsigned
toggle(struct ui_model *m, bool *b, const char *what)
{
	*b = !*b;
	ui_model_status(m, false, "%s: %s", what, on_off(*b));
	return UI_R_REGEN | UI_R_REDRAW;
}

static unsigned
edit_selected(struct ui_model *m)
{
	const struct ui_row *r = sel_row(m);
	struct params *p = &m->params;
	char num[16];

	if (r == NULL)
		return 0;
	switch (r->kind) {
	case ROW_NET_MODE:
		return net_cycle(m);
	case ROW_FS_MODE:
		return fs_cycle(m);
	case ROW_LOCAL:
		return toggle(m, &p->allow_local_binding, "local binding");
	case ROW_ALLOW_ALL:
		return toggle(m, &p->allow_all_sockets, "allow-all sockets");
	case ROW_BUILTIN:
		return toggle(m, &p->builtin_denies, "built-in denies");
	case ROW_BUILTIN_ENTRY:
		return builtin_refused(m, "edited");
	case ROW_INC_CWD:
		return toggle(m, &p->include_cwd, "include cwd");
	case ROW_INC_TMP:
		return toggle(m, &p->include_slash_tmp, "include /tmp");
	case ROW_INC_TMPDIR:
		return toggle(m, &p->include_tmpdir, "include $TMPDIR");
	case ROW_PORTS: case ROW_ALLOW: case ROW_DENY: case ROW_ROOTS:
	case ROW_PROTECTS: case ROW_DENY_READS:
		return add_here(m);
	case ROW_ALLOW_ENTRY: case ROW_DENY_ENTRY: case ROW_ROOT:
	case ROW_DENY_READ: case ROW_PROTECT: case ROW_PORT:
		m->edit_kind = r->kind;
		m->edit_index = r->index;
		if (r->kind == ROW_PORT) {
			snprintf(num, sizeof num, "%u", p->proxy_ports.v[r->index]);
			start_prompt(m, UI_PROMPT_EDIT, num);
		} else
			start_prompt(m, UI_PROMPT_EDIT, r->label);
		return UI_R_REDRAW;
	default:
		return 0;
	}
}

static unsigned
delete_selected(struct ui_model *m)
{
	const struct ui_row *r = sel_row(m);
	struct params *p = &m->params;
	size_t i;

	if (r == NULL)
		return 0;
	i = r->index;
	switch (r->kind) {
	case ROW_PORT:
		ui_model_status(m, false, "removed port %u", p->proxy_ports.v[i]);
		portlist_remove(&p->proxy_ports, i);
		break;
	case ROW_ALLOW_ENTRY:
		status_value(m, "removed", p->sock_allow.v[i].path);
		socklist_remove(&p->sock_allow, i);
		break;
	case ROW_DENY_ENTRY:
		status_value(m, "removed", p->sock_deny.v[i].path);
		socklist_remove(&p->sock_deny, i);
		break;
	case ROW_ROOT:
		status_value(m, "removed", p->writable_roots.v[i]);
		strlist_remove(&p->writable_roots, i);
		break;
	case ROW_PROTECT:
		status_value(m, "removed", p->protected_names.v[i]);
		strlist_remove(&p->protected_names, i);
		break;
	case ROW_DENY_READ:
		status_value(m, "removed", p->deny_read.v[i]);
		strlist_remove(&p->deny_read, i);
		break;
	case ROW_BUILTIN: case ROW_BUILTIN_ENTRY:
		return builtin_refused(m, "removed");
	default:
		ui_model_status(m, true, "nothing to remove here");
		return UI_R_REDRAW;
	}
	return UI_R_REGEN | UI_R_REDRAW;
}

static unsigned
cycle_socket(struct ui_model *m, bool match)
{
	const struct ui_row *r = sel_row(m);
	struct sock_entry *e = sel_socket(m);

	if (r != NULL && r->kind == ROW_BUILTIN_ENTRY)
		return builtin_refused(m, "changed");
	if (e == NULL) {
		ui_model_status(m, true, "select a socket entry first");
		return UI_R_REDRAW;
	}
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
	return UI_R_REGEN | UI_R_REDRAW;
}

/* --- scrolling ------------------------------------------------------------ */

static void
scroll_preview(struct ui_model *m, long delta)
{
	long top = (long)m->preview_top + delta;
	long max = (long)preview_max_top(m);

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
		case ACT_END:		m->preview_top = preview_max_top(m); break;
		default:		break;
		}
		return UI_R_REDRAW;
	}
	page = m->settings_lines > 1 ? m->settings_lines - 1 : 1;
	switch (a) {
	case ACT_UP:		move_sel(m, -1); break;
	case ACT_DOWN:		move_sel(m, 1); break;
	case ACT_PAGE_UP:	move_sel(m, -page); break;
	case ACT_PAGE_DOWN:	move_sel(m, page); break;
	case ACT_HOME:		move_sel(m, -(long)m->nrows); break;
	case ACT_END:		move_sel(m, (long)m->nrows); break;
	default:		break;
	}
	return UI_R_REDRAW;
}

/* --- dispatch ------------------------------------------------------------- */

static unsigned
apply_edit(struct ui_model *m, enum ui_action a, int key)
{
	switch (a) {
	case ACT_ACCEPT:
		return accept_prompt(m);
	case ACT_CANCEL:
		if (m->prompt == UI_PROMPT_SAVE)
			m->after_save = UI_AFTER_NOTHING;
		end_prompt(m);
		status_clear(m);
		return UI_R_REDRAW;
	case ACT_LEFT:		ui_line_left(&m->line); break;
	case ACT_RIGHT:		ui_line_right(&m->line); break;
	case ACT_BOL:		ui_line_home(&m->line); break;
	case ACT_EOL:		ui_line_end(&m->line); break;
	case ACT_BACKSPACE:	ui_line_backspace(&m->line); break;
	case ACT_DELETE_CHAR:	ui_line_delete(&m->line); break;
	case ACT_KILL_LINE:	ui_line_kill(&m->line); break;
	case ACT_INSERT_CHAR:	ui_line_insert(&m->line, key); break;
	case ACT_COMPLETE:	return UI_R_COMPLETE | UI_R_REDRAW;
	default:		return 0;
	}
	return UI_R_REDRAW;
}

static unsigned
apply_confirm(struct ui_model *m, enum ui_action a)
{
	enum ui_confirm c = m->confirm;

	switch (a) {
	case ACT_CONFIRM_SAVE:
		if (c == UI_CONFIRM_OVERWRITE)
			return 0;
		m->confirm = UI_CONFIRM_NONE;
		m->after_save = c == UI_CONFIRM_QUIT ? UI_AFTER_QUIT :
		    UI_AFTER_OPEN_PROMPT;
		return save_now_or_prompt(m);
	case ACT_CONFIRM_DISCARD:
		if (c == UI_CONFIRM_OVERWRITE)
			return 0;
		back_to_browsing(m);
		if (c == UI_CONFIRM_QUIT)
			return UI_R_QUIT;
		start_prompt(m, UI_PROMPT_OPEN, NULL);
		return UI_R_REDRAW;
	case ACT_CONFIRM_YES:
		if (c != UI_CONFIRM_OVERWRITE)
			return 0;
		back_to_browsing(m);
		m->overwrite_ok = true;
		return UI_R_SAVE | UI_R_REDRAW;
	case ACT_CONFIRM_NO:
	case ACT_CANCEL:
		if (a == ACT_CONFIRM_NO && c != UI_CONFIRM_OVERWRITE)
			return 0;
		back_to_browsing(m);
		m->after_save = UI_AFTER_NOTHING;
		ui_model_status(m, false, c == UI_CONFIRM_OVERWRITE ?
		    "not saved" : "cancelled");
		return UI_R_REDRAW;
	default:
		return 0;
	}
}

unsigned
ui_model_apply(struct ui_model *m, enum ui_action a, int key)
{
	if (a == ACT_NONE)
		return 0;
	if (a == ACT_REDRAW) {
		cache_free(m->cache);
		m->cache = NULL;
		return UI_R_CLEAR | UI_R_REGEN | UI_R_REDRAW;
	}
	switch (m->mode) {
	case UI_MODE_EDIT_PATH:
		return apply_edit(m, a, key);
	case UI_MODE_CONFIRM:
		return apply_confirm(m, a);
	case UI_MODE_HELP:
		switch (a) {
		case ACT_UP:		scroll_help(m, -1); break;
		case ACT_DOWN:		scroll_help(m, 1); break;
		case ACT_PAGE_UP:	scroll_help(m, -(m->body_lines - 1)); break;
		case ACT_PAGE_DOWN:	scroll_help(m, m->body_lines - 1); break;
		case ACT_HOME:		m->help_top = 0; break;
		case ACT_END:		scroll_help(m, (long)m->nhelp); break;
		case ACT_CANCEL:	back_to_browsing(m); break;
		default:		return 0;
		}
		return UI_R_REDRAW;
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
		return UI_R_RELAYOUT | UI_R_REDRAW;
	case ACT_NET_CYCLE:
		return net_cycle(m);
	case ACT_FS_CYCLE:
		return fs_cycle(m);
	case ACT_TOGGLE_LOCAL:
		return toggle(m, &m->params.allow_local_binding, "local binding");
	case ACT_TOGGLE_ALLOW_ALL:
		return toggle(m, &m->params.allow_all_sockets,
		    "allow-all sockets");
	case ACT_TOGGLE_BUILTIN:
		return toggle(m, &m->params.builtin_denies, "built-in denies");
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
		return prompt_save(m);
	case ACT_OPEN:
		m->modified = !params_equal(&m->params, &m->saved);
		if (m->modified) {
			m->confirm = UI_CONFIRM_OPEN;
			m->mode = UI_MODE_CONFIRM;
			return UI_R_REDRAW;
		}
		start_prompt(m, UI_PROMPT_OPEN, NULL);
		return UI_R_REDRAW;
	case ACT_RUN:
		start_prompt(m, UI_PROMPT_RUN, m->last_command);
		return UI_R_REDRAW;
	case ACT_HELP:
		m->mode = UI_MODE_HELP;
		m->help_top = 0;
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
ui_model_key(struct ui_model *m, int key)
{
	enum ui_action a;

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
	default:
		break;
	}
	a = ui_keymap_lookup(m->mode, key);
	/* Keys of the settings pane, pressed with the preview focused (or
	 * zoomed), would do nothing and say nothing. */
	if (a == ACT_NONE && m->mode == UI_MODE_PREVIEW &&
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
