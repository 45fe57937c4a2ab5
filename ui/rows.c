/* SPDX-License-Identifier: ISC */
/* rows.c: the settings pane's rows, their flags, and the selection in them. */
#include "config.h"

#include "rows.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "glob.h"
#include "hash.h"
#include "lists.h"
#include "model.h"
#include "strmap.h"
#include "utf8.h"
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
	size_t			 cap;
	struct strmap		 index;	/* key -> its entry in v */
	size_t			 next;	/* the entry after the last found */
};

void
ui_rows_forget(struct ui_model *m)
{
	struct ui_cache *c = m->cache;
	size_t i;

	if (c == NULL)
		return;
	for (i = 0; i < c->n; i++) {
		free(c->v[i].key);
		free(c->v[i].val);
	}
	free(c->v);
	strmap_clear(&c->index);
	free(c);
	m->cache = NULL;
}

/* The canonical form of path when it differs from path, else NULL. Borrowed. */
static const char *
resolved(struct ui_model *m, const char *path)
{
	struct ui_cache *c;
	struct ui_cache_ent *e;
	size_t len = strlen(path), h, *i;
	char *r;

	if ((c = m->cache) == NULL) {
		c = m->cache = xcalloc(1, sizeof *m->cache);
		strmap_init(&c->index);
	}
	/* The rows ask in the same order at every build: most often the
	 * entry after the last one is the one, and no hash is needed. */
	if (c->next < c->n && strcmp(c->v[c->next].key, path) == 0)
		return c->v[c->next++].val;
	h = hash_bytes(path, len);
	if ((i = strmap_get(&c->index, path, len, h)) != NULL) {
		c->next = *i + 1;
		return c->v[*i].val;
	}
	r = gen_resolve_path(path, false, &m->ctx, NULL);
	if (r != NULL && strcmp(r, path) == 0) {
		free(r);
		r = NULL;
	}
	if (c->n == c->cap) {
		c->cap = c->cap == 0 ? 64 : c->cap * 2;
		c->v = xreallocarray(c->v, c->cap, sizeof *c->v);
	}
	e = &c->v[c->n];
	e->key = xstrndup(path, len);
	e->val = r;
	/* The map borrows the entry's own copy of the key. */
	*strmap_put(&c->index, e->key, len, h, NULL) = c->n++;
	c->next = c->n;
	return r;
}

/* --- building the rows ---------------------------------------------------- */

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

static char *
on_off(bool b)
{
	return xstrdup(b ? "on" : "off");
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
	size_t len, cut, next, word;
	int width, cols = m->settings_cols - 2 * depth - 4;
	bool first = true;

	width = cols < 24 ? 24 : cols;
	while (*text != '\0') {
		len = strlen(text);
		/*
		 * At the last blank that fits, so that a word (a field's
		 * name, network.unix_sockets.deny[0]) stays whole; but a word
		 * longer than a row (a long path) is cut anyway, so it
		 * starts on this row, after a blank in its second half,
		 * rather than on a row of its own after a half-empty one.
		 */
		cut = ui_utf8_wrap(text, len, width, 0, &next);
		word = next < len ? strcspn(text + next, " ") : 0;
		if (word > 0 && ui_utf8_width(text + next, word) > width)
			cut = ui_utf8_wrap(text, len, width,
			    ui_utf8_fit(text, len, width) / 2, &next);
		row_add(rb, ROW_WARNING, 0, depth, inactive,
		    str_fmt("%s%.*s", first ? "! " : "  ", (int)cut, text), NULL);
		first = false;
		text += next;
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

/*
 * A list of the params: its heading with the count, then each entry with
 * its flags (on a line of their own when they do not fit beside it), the
 * path it names resolved, and its warnings.
 */
static void
add_list(struct ui_model *m, struct rowbuf *rb, const struct ui_list *l,
    const char *inactive)
{
	const void *list = ui_list_in_const(m, l);
	const struct ui_list_ops *ops = l->ops;
	const char *path, *problem;
	char *text, *flags, *plain;
	size_t i, n = ops->len(list), at;

	at = rb->n;
	row_add(rb, l->head, 0, 1, inactive, xstrdup(l->name),
	    str_fmt("%zu", n));
	/* The generator has nothing to say of what is not policy. */
	if (!l->in_model)
		add_warnings(m, rb, at, l->where, GEN_NO_INDEX);
	for (i = 0; i < n; i++) {
		at = rb->n;
		text = ops->text_new(list, i);
		flags = ops->flags_new != NULL ? ops->flags_new(list, i) : NULL;
		if (flags != NULL && strlen(text) + strlen(flags) + 8 >
		    (size_t)m->settings_cols) {
			row_add(rb, l->entry, i, 2, inactive, text, NULL);
			row_add(rb, ROW_NOTE, i, 3, inactive, flags, NULL);
		} else
			row_add(rb, l->entry, i, 2, inactive, text, flags);
		path = ops->path != NULL ? ops->path(list, i) : NULL;
		if (path != NULL && l->glob) {
			/* A pattern: with no wildcard, the path it names is
			 * its text without the escapes. */
			if (!glob_is_pattern(path)) {
				plain = glob_unescape(path, strlen(path));
				add_resolved(m, rb, plain, 2, inactive);
				free(plain);
			}
		} else if (path != NULL)
			add_resolved(m, rb, path, 2, inactive);
		if (l->where != GEN_W_GENERAL)
			add_warnings(m, rb, at, l->where, i);
		if (ops->problem != NULL &&
		    (problem = ops->problem(list, i)) != NULL) {
			rb->v[at].warned = true;
			add_wrapped(m, rb, 3, inactive, problem);
		}
	}
}

/* A switch's row, "on" or "off". */
static size_t
add_switch(struct ui_model *m, struct rowbuf *rb, enum ui_row_kind kind,
    const char *inactive)
{
	const struct ui_switch *s = ui_switch_by_row(kind);

	row_add(rb, kind, 0, 1, inactive, xstrdup(s->name),
	    on_off(ui_switch_get(&m->params, s)));
	return rb->n - 1;
}

/*
 * Whether the profile denies canon, a built-in deny's canonical path. The
 * generator passes each built-in deny it writes as a BUILTIN_DENY_N
 * parameter holding that path: asking the result, not repeating its rules
 * (which depend on what the allow entries open), keeps the rows true to
 * the preview.
 */
static bool
builtin_in_profile(const char *const *values, size_t n, const char *canon)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (strcmp(values[i], canon) == 0)
			return true;
	}
	return false;
}

/* The values of the BUILTIN_DENY_ parameters, found once for all the
 * rows: there can be thousands of parameters. New array of borrowed
 * strings, *n of them. */
static const char **
builtin_values(const struct ui_model *m, size_t *n)
{
	const char **v = NULL;
	size_t i, cap = 0;

	*n = 0;
	for (i = 0; m->have_gen && i < m->gen.nparams; i++) {
		if (strncmp(m->gen.params[i].key, "BUILTIN_DENY_", 13) != 0)
			continue;
		if (*n == cap) {
			cap = cap == 0 ? 32 : cap * 2;
			v = xreallocarray(v, cap, sizeof *v);
		}
		v[(*n)++] = m->gen.params[i].value;
	}
	return v;
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
	const struct ui_list *l = ui_list_by_row(ROW_BUILTIN);
	const char *path, *why, *canon;
	enum sock_match match;
	const char **values = NULL;
	char *full;
	size_t i, nvalues = 0;
	bool found = false;

	add_switch(m, rb, l->head, net_off);
	/* Off, the reason note above the rows names the key already. */
	if (m->params.builtin_denies)
		row_add(rb, ROW_NOTE, 0, 2, net_off,
		    xstrdup("read-only: B switches them off"), NULL);
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
				if (!found) {
					values = builtin_values(m, &nvalues);
					found = true;
				}
				if (!builtin_in_profile(values, nvalues,
				    canon != NULL ? canon : full))
					why = unused;
			}
			free(full);
		}
		row_add(rb, l->entry, i, 2, why, xstrdup(path),
		    xstrdup(sock_match_name(match)));
	}
	free(values);
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

void
ui_rows_free(struct ui_model *m)
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

/* Finds the selection again: the same entry, else the nearest row of its
 * kind before it (a deleted last entry selects the one above), else its
 * list's heading. */
static void
find_selection(struct ui_model *m)
{
	const struct ui_list *l;
	enum ui_row_kind head;
	size_t i, best = SIZE_MAX;

	for (i = 0; i < m->nrows; i++) {
		if (m->rows[i].kind != m->sel_kind)
			continue;
		best = i;
		if (m->rows[i].index >= m->sel_index)
			break;
	}
	if (best == SIZE_MAX) {
		l = ui_list_by_row(m->sel_kind);
		head = l != NULL && l->entry == m->sel_kind ? l->head :
		    ROW_NET_MODE;
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

void
ui_rows_build(struct ui_model *m)
{
	const struct params *p = &m->params;
	struct rowbuf rb = { NULL, 0, 0 };
	const char *net_off, *ports_na, *allow_na, *fs_na;
	size_t i, at;

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
	row_add(&rb, ROW_SECTION, 0, 0, NULL, xstrdup("Network"), NULL);
	row_add(&rb, ROW_NET_MODE, 0, 1, NULL, xstrdup("mode"),
	    xstrdup(net_mode_name(p->net_mode)));
	add_list(m, &rb, ui_list_by_row(ROW_PORTS), ports_na);
	at = add_switch(m, &rb, ROW_LOCAL, ports_na);
	add_warnings(m, &rb, at, GEN_W_LOCAL_BINDING, GEN_NO_INDEX);
	at = add_switch(m, &rb, ROW_ALLOW_ALL, net_off);
	add_warnings(m, &rb, at, GEN_W_ALLOW_ALL, GEN_NO_INDEX);
	add_list(m, &rb, ui_list_by_row(ROW_ALLOW), allow_na);
	add_list(m, &rb, ui_list_by_row(ROW_DENY), net_off);
	add_builtins(m, &rb, net_off);

	row_add(&rb, ROW_SECTION, 0, 0, NULL, xstrdup("Filesystem"), NULL);
	row_add(&rb, ROW_FS_MODE, 0, 1, NULL, xstrdup("mode"),
	    xstrdup(fs_mode_name(p->fs_mode)));
	/* A cwd root of / or $HOME is warned about as the switch's. */
	at = add_switch(m, &rb, ROW_INC_CWD, fs_na);
	add_warnings(m, &rb, at, GEN_W_INCLUDE_CWD, GEN_NO_INDEX);
	at = add_switch(m, &rb, ROW_INC_TMP, fs_na);
	add_warnings(m, &rb, at, GEN_W_INCLUDE_TMP, GEN_NO_INDEX);
	at = add_switch(m, &rb, ROW_INC_TMPDIR, fs_na);
	add_warnings(m, &rb, at, GEN_W_INCLUDE_TMPDIR, GEN_NO_INDEX);
	add_list(m, &rb, ui_list_by_row(ROW_ROOTS), fs_na);
	add_list(m, &rb, ui_list_by_row(ROW_PROTECTS), fs_na);
	add_list(m, &rb, ui_list_by_row(ROW_DENY_READS), NULL);

	row_add(&rb, ROW_SECTION, 0, 0, NULL, xstrdup("Checks"), NULL);
	add_list(m, &rb, ui_list_by_row(ROW_CHECKS), NULL);

	add_reasons(&rb);
	ui_rows_free(m);
	m->rows = rb.v;
	m->nrows = rb.n;
	find_selection(m);
	ui_preview_mark(m, false);
}

/* --- the selection -------------------------------------------------------- */

void
ui_rows_scroll(struct ui_model *m)
{
	size_t h = (size_t)m->settings_lines, end;

	if (m->sel < m->rows_top)
		m->rows_top = m->sel;
	else if (m->sel >= m->rows_top + h)
		m->rows_top = m->sel - h + 1;
	/* Show the notes under the last row too. */
	while (m->sel + 1 < m->nrows && !ui_row_is_selectable(&m->rows[m->sel + 1]) &&
	    m->sel + 1 >= m->rows_top + h && m->rows_top < m->sel)
		m->rows_top++;
	/*
	 * Clamped at every layout, not only when the selection leaves the
	 * pane: a pane one row high for a moment (a brief shrink) must not
	 * leave the rows scrolled once it is tall again. No further down
	 * than the last page needs, and the headings and notes just above
	 * the top row come back while the selection stays in sight, or no
	 * key could bring them back: they cannot be selected.
	 */
	if (m->nrows <= h)
		m->rows_top = 0;
	else if (m->rows_top > m->nrows - h)
		m->rows_top = m->nrows - h;
	end = m->sel;
	while (end + 1 < m->nrows && !ui_row_is_selectable(&m->rows[end + 1]))
		end++;
	if (end >= m->rows_top + h)
		end = m->sel;
	while (m->rows_top > 0 &&
	    !ui_row_is_selectable(&m->rows[m->rows_top - 1]) &&
	    end < m->rows_top - 1 + h)
		m->rows_top--;
}

void
ui_rows_move(struct ui_model *m, long delta)
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
	m->sel = last;
	m->sel_kind = m->rows[last].kind;
	m->sel_index = m->rows[last].index;
	ui_rows_scroll(m);
	ui_preview_mark(m, true);
}
