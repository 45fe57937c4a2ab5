/* SPDX-License-Identifier: ISC */
/* gen-write.c: the writable roots, their protected names and guards, and
 * the file-write section. */
#include "config.h"

#include "gen-int.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hash.h"
#include "xmalloc.h"

/* --- file write ---------------------------------------------------------- */


/* Appends path to the exclusions of r, from protected name `name`. */
static void
excl_push(struct root *r, const char *path, size_t name)
{
	strlist_add(&r->excl, path);
	if (r->excl.n > r->excl_cap) {
		r->excl_cap = r->excl.cap;
		r->excl_name = xreallocarray(r->excl_name, r->excl_cap,
		    sizeof *r->excl_name);
	}
	r->excl_name[r->excl.n - 1] = name;
}

/* Adds path (taking it) to the exclusions of r unless it is there. Few
 * per root (the weight budget sees to that): a linear search is enough. */
static void
excl_add(struct root *r, char *path, size_t name)
{
	size_t i;

	for (i = 0; i < r->excl.n; i++) {
		if (strcmp(r->excl.v[i], path) == 0) {
			free(path);
			return;
		}
	}
	excl_push(r, path, name);
	r->weight += 2 * (strlen(path) + GEN_FILTER_WEIGHT);
	free(path);
}

/* The worktree's real git directory when R/.git is a "gitdir: X" file. */
static char *
gitdir_of(const char *root, const struct gen_ctx *ctx)
{
	char *file, *data, *end, *dir = NULL;
	size_t n;

	xasprintf(&file, "%s/.git", root);
	data = ctx->fs->read_file(file, PARAMS_PATH_MAX + 16, ctx->fs->arg);
	free(file);
	if (data == NULL)
		return NULL;
	if (strncmp(data, "gitdir:", 7) == 0) {
		end = strchr(data, '\n');
		n = end != NULL ? (size_t)(end - data) : strlen(data);
		while (n > 7 && (data[n - 1] == ' ' || data[n - 1] == '\r' ||
		    data[n - 1] == '\t'))
			n--;
		data[n] = '\0';
		end = data + 7;
		while (*end == ' ' || *end == '\t')
			end++;
		if (*end != '\0') {
			file = path_join(root, end);
			dir = path_canon(file, ctx->fs);
			free(file);
		}
	}
	free(data);
	return dir;
}


/* The error for a root whose rule would be larger than one rule holds. */
static int
root_too_heavy(struct gen *g, const struct root *r, size_t weight,
    size_t nexcl)
{
	char show[SB_SHOW_MAX];

	sb_error_set(g->err, SB_ELIMIT, "filesystem.writable_roots: %s: its "
	    "%zu protected paths (those of the roots inside it included) make "
	    "a rule of about %zu bytes, more than the %d that one Seatbelt "
	    "rule can hold", sb_show(show, sizeof show, r->path), nexcl,
	    weight, GEN_RULE_MAX);
	return -1;
}

/* dir/name as a new string; no printf: once per root and name. */
static char *
child_of(const char *dir, const char *name)
{
	size_t nd = strcmp(dir, "/") == 0 ? 0 : strlen(dir), nn = strlen(name);
	char *out = xmalloc(nd + nn + 2);

	memcpy(out, dir, nd);
	out[nd] = '/';
	memcpy(out + nd + 1, name, nn + 1);
	return out;
}

/* Adds the protected paths of root r: a .git file's target, R/N as it is
 * (a link there could be replaced), and where R/N leads when that differs. */
static int
root_exclusions(struct gen *g, struct root *r)
{
	const struct params *p = g->p;
	enum path_kind kind;
	char *x, *canon, *gitdir;
	size_t j;

	r->weight = strlen(r->path) + GEN_FILTER_WEIGHT;
	for (j = 0; j < p->protected_names.n; j++) {
		x = child_of(r->path, p->protected_names.v[j]);
		/* The kind first: it keeps the answer in the cache. */
		kind = path_cache_kind(g->pc, x);
		canon = path_cache_canon(g->pc, x);
		/* A .git file (a worktree, a submodule) points at the real
		 * git directory, which is protected first. */
		if (strcmp(p->protected_names.v[j], ".git") == 0 &&
		    kind == PATH_OTHER &&
		    (gitdir = gitdir_of(r->path, g->ctx)) != NULL)
			excl_add(r, gitdir, j);
		if (strcmp(canon, x) != 0)
			excl_add(r, xstrdup(x), j);
		excl_add(r, canon, j);
		free(x);
		/* Stop early: ten thousand names must not cost ten thousand
		 * look-ups for a rule that cannot be written anyway. */
		if (r->weight > GEN_RULE_MAX)
			return root_too_heavy(g, r, r->weight, r->excl.n);
	}
	return 0;
}

/* Adds the first n exclusions of from to to. No duplicate check: two roots'
 * own exclusions differ, and a repeat would only repeat a rule. */
static void
excl_copy(struct root *to, const struct root *from, size_t n)
{
	size_t j;

	for (j = 0; j < n; j++)
		excl_push(to, from->excl.v[j], from->excl_name[j]);
}

/*
 * The nearest root above each root (SIZE_MAX for none), into a new array:
 * in path order the roots above a root are the ones still on a stack, so
 * this takes a sort and one pass, however deep the roots nest.
 */
static size_t *
roots_parents(const struct rootset *rs)
{
	struct gen_key *order;
	size_t *parent, *stack, i, k, depth = 0;

	order = xreallocarray(NULL, rs->n, sizeof *order);
	for (i = 0; i < rs->n; i++) {
		order[i].s = rs->v[i].path;
		order[i].len = strlen(rs->v[i].path);
		order[i].at = i;
	}
	gen_sort(order, rs->n, true);
	parent = xreallocarray(NULL, rs->n, sizeof *parent);
	stack = xreallocarray(NULL, rs->n, sizeof *stack);
	for (i = 0; i < rs->n; i++) {
		k = order[i].at;
		while (depth > 0 &&
		    !path_is_under(rs->v[k].path, rs->v[stack[depth - 1]].path))
			depth--;
		parent[k] = depth > 0 ? stack[depth - 1] : SIZE_MAX;
		stack[depth++] = k;
	}
	free(stack);
	free(order);
	return parent;
}

/*
 * A root inside another root would lose its protected names through the
 * outer one (the roots are alternatives of one rule). Rather than copying
 * them into the term of every root above (quadratic in the depth), the
 * section denies the protected paths of every nested root in a rule of
 * its own after the allow. A root that lies inside one of those paths
 * would lose its writes to that deny: it is allowed again after it, with
 * the protected paths of the roots inside it copied into its term, which
 * must then fit one rule.
 */
static int
roots_nest(struct gen *g)
{
	struct rootset *rs = &g->roots, denied;
	size_t *parent, i, k, len, h;
	const char *path;
	int rc = 0;

	if (rs->n == 0)
		return 0;
	parent = roots_parents(rs);
	memset(&denied, 0, sizeof denied);
	for (i = 0; i < rs->n; i++) {
		rs->v[i].parent = parent[i];
		rs->v[i].nown = rs->v[i].excl.n;
		if (parent[i] == SIZE_MAX)
			continue;
		for (k = 0; k < rs->v[i].nown; k++)
			gen_set_add(&denied, xstrdup(rs->v[i].excl.v[k]));
	}
	free(parent);
	/* Which roots lie inside a denied path: a prefix of theirs is one. */
	for (i = 0; i < rs->n && denied.n != 0; i++) {
		path = rs->v[i].path;
		h = hash_bytes(path, 0);
		for (len = 1; path[len - 1] != '\0'; len++) {
			h = hash_more(h, path[len - 1]);
			if ((path[len] == '/' || path[len] == '\0') &&
			    gen_set_find_hashed(&denied, path, len, h) !=
			    SIZE_MAX) {
				rs->v[i].reallow = true;
				break;
			}
		}
	}
	gen_set_free(&denied);
	/* The roots inside a root allowed again lend it their protected
	 * paths, as every root did before the deny rule existed. */
	for (i = 0; i < rs->n && rc == 0; i++) {
		for (k = rs->v[i].parent; k != SIZE_MAX; k = rs->v[k].parent) {
			if (!rs->v[k].reallow)
				continue;
			excl_copy(&rs->v[k], &rs->v[i], rs->v[i].nown);
			rs->v[k].weight += rs->v[i].weight -
			    (strlen(rs->v[i].path) + GEN_FILTER_WEIGHT);
			if (rs->v[k].weight > GEN_RULE_MAX)
				rc = root_too_heavy(g, &rs->v[k],
				    rs->v[k].weight, rs->v[k].excl.n);
		}
	}
	return rc;
}

/* Adds root path (taking it) from (where, index) unless it is there. */
static void
root_add(struct rootset *rs, char *path, enum gen_where where, size_t index)
{
	size_t n = rs->n;

	gen_set_add(rs, path);
	if (rs->n != n) {
		rs->v[n].where = where;
		rs->v[n].windex = index;
	}
}

/*
 * The writable roots of the policy, with their exclusions, into g->roots;
 * and every proper ancestor of a root into g->root_dirs, so that the
 * deny_read guards can ask whether a directory holds a root.
 */
/*
 * A root that makes far more writable than a project: the whole disk, or
 * the home directory with its ~/.ssh, shell startup files and every other
 * tool's settings (--full-auto run from $HOME makes it the cwd root).
 */
static void
wide_root(struct gen *g, const char *path, enum gen_where where,
    size_t index)
{
	const char *why = where == GEN_W_INCLUDE_CWD ? " (the cwd is a root; "
	    "--no-cwd-root or -C DIR)" : "";
	char *home;

	if (strcmp(path, "/") == 0) {
		gen_warn(g, where, index, "/ as a writable root makes every file "
		    "the user can write writable%s", why);
		return;
	}
	if (g->ctx->home == NULL || g->ctx->home[0] != '/')
		return;
	/* Once a render, not once a root. */
	if (g->home == NULL) {
		home = path_clean(g->ctx->home);
		g->home = path_cache_canon(g->pc, home);
		free(home);
	}
	if (strcmp(path, g->home) == 0)
		gen_warn(g, where, index, "the home directory as a writable "
		    "root makes ~/.ssh, shell startup files and every tool's "
		    "settings writable%s", why);
}

int
gen_roots_build(struct gen *g)
{
	const struct params *p = g->p;
	const struct gen_ctx *ctx = g->ctx;
	struct rootset *rs = &g->roots;
	char *path, *x, what[SB_SHOW_MAX];
	size_t i, literal, len;

	g->all_writable = p->fs_mode == FS_FULL_ACCESS;
	if (p->fs_mode != FS_WORKSPACE_WRITE)
		return 0;
	if (p->include_cwd && ctx->cwd != NULL && ctx->cwd[0] == '/') {
		x = path_clean(ctx->cwd);
		path = path_cache_canon(g->pc, x);
		wide_root(g, path, GEN_W_INCLUDE_CWD, GEN_NO_INDEX);
		root_add(rs, path, GEN_W_INCLUDE_CWD, GEN_NO_INDEX);
		free(x);
	}
	if (p->include_slash_tmp && ctx->fs->is_dir("/tmp", ctx->fs->arg))
		root_add(rs, path_cache_canon(g->pc, "/tmp"), GEN_W_INCLUDE_TMP,
		    GEN_NO_INDEX);
	if (p->include_tmpdir && ctx->tmpdir != NULL && ctx->tmpdir[0] == '/') {
		x = path_clean(ctx->tmpdir);
		root_add(rs, path_cache_canon(g->pc, x), GEN_W_INCLUDE_TMPDIR,
		    GEN_NO_INDEX);
		free(x);
	}
	for (i = 0; i < p->writable_roots.n; i++) {
		gen_key_num(what, "filesystem.writable_roots[", i);
		strcat(what, "]");
		if ((path = gen_resolve(p->writable_roots.v[i], false, ctx, g->pc,
		    what, &literal, g->err)) == NULL)
			return -1;
		switch (path_cache_kind(g->pc, path)) {
		case PATH_DIR:
			break;
		case PATH_MISSING:
			gen_warn(g, GEN_W_WRITABLE_ROOT, i, "does not exist "
			    "(yet): %s", sb_show(what, sizeof what, path));
			break;
		default:
			gen_warn(g, GEN_W_WRITABLE_ROOT, i, "not a directory: "
			    "%s (a root is a directory; only the file itself "
			    "becomes writable)", sb_show(what, sizeof what,
			    path));
			break;
		}
		wide_root(g, path, GEN_W_WRITABLE_ROOT, i);
		root_add(rs, path, GEN_W_WRITABLE_ROOT, i);
	}
	for (i = 0; i < rs->n; i++) {
		if (root_exclusions(g, &rs->v[i]) == -1)
			return -1;
	}
	if (roots_nest(g) == -1)
		return -1;
	for (i = 0; i < rs->n; i++) {
		path = rs->v[i].path;
		for (len = strlen(path) - 1; len > 0; len--) {
			if (path[len] != '/')
				continue;
			/* Its own directories are in already: a nested root
			 * costs one look-up, not one per level. */
			if (gen_set_find_len(&g->root_dirs, path, len) != SIZE_MAX)
				break;
			gen_set_add(&g->root_dirs, xstrndup(path, len));
		}
	}
	return 0;
}

/*
 * Starts a new (allow file-write* ...) or (deny ...) rule when adding a
 * term of weight w to the open one would pass GEN_RULE_BUDGET: several
 * rules mean the same as one, and libsandbox refuses a rule whose pattern
 * is too large.
 */
static void
rule_room(struct buf *b, const char *open, size_t *used, size_t w)
{
	if (*used != 0 && *used + w > GEN_RULE_BUDGET) {
		buf_puts(b, "\n)\n");
		buf_puts(b, open);
		*used = 0;
	} else if (*used != 0)
		buf_putc(b, '\n');
	/* One term a line: a preview or a diff shows each root apart. */
	buf_puts(b, "  ");
	*used += w;
}

/* Adds to guards every directory strictly between from and path, a path
 * below it. */
void
gen_guard_between(struct rootset *guards, const char *from, const char *path)
{
	size_t len, flen = strcmp(from, "/") == 0 ? 0 : strlen(from);

	for (len = strlen(path) - 1; len > flen; len--) {
		if (path[len] == '/' &&
		    gen_set_find_len(guards, path, len) == SIZE_MAX)
			gen_set_add(guards, xstrndup(path, len));
	}
}

/*
 * Adds to guards the directories whose renaming would move one of r's
 * protected paths out from under its exclusion: those between r and each
 * of its protected paths, and those between r and the root above it (for
 * a nested root, the outer root's rule is where its exclusions matter).
 * Each step goes from a root to the nearest root above, so a deep chain
 * costs its length, not its length squared.
 */
static void
excl_ancestors(struct gen *g, const struct root *r, struct rootset *guards)
{
	size_t j, k, n;

	for (j = 0; j < r->nown; j++) {
		if (!path_is_under(r->excl.v[j], r->path))
			continue;
		n = guards->n;
		gen_guard_between(guards, r->path, r->excl.v[j]);
		for (k = n; k < guards->n; k++) {
			guards->v[k].where = GEN_W_PROTECTED_NAME;
			guards->v[k].windex = r->excl_name[j];
		}
	}
	/* These keep its protected paths under the outer root's carve-outs;
	 * the root is what puts them there. */
	if (r->parent != SIZE_MAX) {
		n = guards->n;
		gen_guard_between(guards, g->roots.v[r->parent].path, r->path);
		for (k = n; k < guards->n; k++) {
			guards->v[k].where = r->where;
			guards->v[k].windex = r->windex;
		}
	}
}

/* The -D name of protected path j of root i (key of at least 80 bytes). */
static void
excl_key(char *key, size_t i, size_t j)
{
	gen_key_num(key, "WRITABLE_ROOT_", i);
	gen_key_num(key + strlen(key), "_EXCLUDED_", j);
}

/* Appends the term of root i: its subpath less the first n of its
 * protected paths, whose -D parameters exist already. */
static void
root_term(struct gen *g, struct buf *b, size_t i, size_t n)
{
	const struct root *r = &g->roots.v[i];
	char key[80];
	size_t j, slot, name;

	slot = gen_origin_open(g, b, r->where, r->windex);
	gen_key_num(key, "WRITABLE_ROOT_", i);
	if (n == 0) {
		buf_puts(b, "(subpath (param \"");
		buf_puts(b, key);
		buf_puts(b, "\"))");
		gen_origin_close(g, b, slot);
		return;
	}
	buf_puts(b, "(require-all (subpath (param \"");
	buf_puts(b, key);
	buf_puts(b, "\"))");
	for (j = 0; j < n; j++) {
		excl_key(key, i, j);
		buf_putc(b, ' ');
		name = gen_origin_open(g, b, GEN_W_PROTECTED_NAME,
		    r->excl_name[j]);
		buf_puts(b, "(require-not (literal (param \"");
		buf_puts(b, key);
		buf_puts(b, "\"))) (require-not (subpath (param \"");
		buf_puts(b, key);
		buf_puts(b, "\")))");
		gen_origin_close(g, b, name);
	}
	buf_putc(b, ')');
	gen_origin_close(g, b, slot);
}

int
gen_section_write(struct gen *g, struct buf *b)
{
	static const char allow[] = "(allow file-write*\n";
	static const char deny[] = "(deny file-write*\n";
	static const char guard[] = "(deny file-write-unlink\n";
	const struct rootset *rs = &g->roots;
	struct rootset guards;
	const struct root *r;
	char key[80];
	size_t i, j, w, slot, used = 0;

	if (g->p->fs_mode == FS_FULL_ACCESS) {
		buf_puts(b, "; allow writes everywhere (full-access)\n"
		    "(allow file-write* (regex #\"^/\"))\n");
		return 0;
	}
	if (rs->n == 0) {
		/* No root at all: an empty (allow file-write*) would allow
		 * every write, so the section is left out. */
		return 0;
	}

	buf_puts(b, "; allow writes under the writable roots, except the "
	    "protected names\n");
	buf_puts(b, allow);
	for (i = 0; i < rs->n; i++) {
		r = &rs->v[i];
		gen_key_num(key, "WRITABLE_ROOT_", i);
		gen_add_param(g, key, r->path);
		for (j = 0; j < r->excl.n; j++) {
			excl_key(key, i, j);
			gen_add_param(g, key, r->excl.v[j]);
		}
		w = strlen(r->path) + GEN_FILTER_WEIGHT;
		for (j = 0; j < r->nown; j++)
			w += 2 * (strlen(r->excl.v[j]) + GEN_FILTER_WEIGHT);
		rule_room(b, allow, &used, w);
		root_term(g, b, i, r->nown);
	}
	buf_puts(b, "\n)\n");

	/* The protected paths of the roots inside other roots, which the
	 * outer roots' terms do not carve out. */
	used = 0;
	for (i = 0; i < rs->n; i++) {
		r = &rs->v[i];
		if (r->parent == SIZE_MAX)
			continue;
		for (j = 0; j < r->nown; j++) {
			if (used == 0)
				buf_puts(b, "; and the protected names of the "
				    "roots inside other roots\n(deny file-write*\n");
			excl_key(key, i, j);
			rule_room(b, deny, &used, 2 * (strlen(r->excl.v[j]) +
			    GEN_FILTER_WEIGHT));
			slot = gen_origin_open(g, b, GEN_W_PROTECTED_NAME,
			    r->excl_name[j]);
			buf_puts(b, "(literal (param \"");
			buf_puts(b, key);
			buf_puts(b, "\")) (subpath (param \"");
			buf_puts(b, key);
			buf_puts(b, "\"))");
			gen_origin_close(g, b, slot);
		}
	}
	if (used != 0)
		buf_puts(b, "\n)\n");
	/* Roots inside such a path: allowed again, after the deny. */
	used = 0;
	for (i = 0; i < rs->n; i++) {
		r = &rs->v[i];
		if (!r->reallow)
			continue;
		if (used == 0)
			buf_puts(b, "; but the roots inside those\n(allow "
			    "file-write*\n");
		rule_room(b, allow, &used, r->weight);
		root_term(g, b, i, r->excl.n);
	}
	if (used != 0)
		buf_puts(b, "\n)\n");

	/* A more specific operation wins over file-write* whatever the
	 * order, so these hold against the allow above. */
	buf_puts(b, "; the roots themselves, and the directories that hold "
	    "a protected name,\n; cannot be removed or renamed\n");
	buf_puts(b, guard);
	used = 0;
	for (i = 0; i < rs->n; i++) {
		gen_key_num(key, "WRITABLE_ROOT_", i);
		rule_room(b, guard, &used, strlen(rs->v[i].path) +
		    GEN_FILTER_WEIGHT);
		slot = gen_origin_open(g, b, rs->v[i].where, rs->v[i].windex);
		buf_puts(b, "(literal (param \"");
		buf_puts(b, key);
		buf_puts(b, "\"))");
		gen_origin_close(g, b, slot);
	}
	memset(&guards, 0, sizeof guards);
	for (i = 0; i < rs->n; i++)
		excl_ancestors(g, &rs->v[i], &guards);
	for (i = 0; i < guards.n; i++) {
		gen_key_num(key, "PROTECTED_PARENT_", i);
		gen_add_param(g, key, guards.v[i].path);
		rule_room(b, guard, &used, strlen(guards.v[i].path) +
		    GEN_FILTER_WEIGHT);
		slot = gen_origin_open(g, b, guards.v[i].where,
		    guards.v[i].windex);
		buf_puts(b, "(literal (param \"");
		buf_puts(b, key);
		buf_puts(b, "\"))");
		gen_origin_close(g, b, slot);
	}
	buf_puts(b, "\n)\n");
	gen_set_free(&guards);
	return 0;
}
