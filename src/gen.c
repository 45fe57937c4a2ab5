/* SPDX-License-Identifier: ISC */
/* gen.c: the generator, params -> Seatbelt profile + -D parameters. */
#include "config.h"

#include "gen.h"

#include <sys/types.h>

#include <assert.h>
#include <regex.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "glob.h"
#include "hash.h"
#include "sbpl-data.h"
#include "shquote.h"
#include "strmap.h"
#include "unicode.h"
#include "xmalloc.h"

/* A socket entry after resolution. */
struct sock {
	char			*canon;		/* canonical path or glob */
	char			*regex;		/* of canon, for a glob */
	char			*alias;		/* the path as written, when it differs */
	size_t			 literal;	/* bytes of canon before the glob */
	size_t			 alias_literal;
	enum sock_match		 match;
	enum sock_access	 access;
	size_t			 index;		/* into the params list */
	size_t			 num;		/* of its -D parameter */
	bool			 exact;		/* names a built-in's socket */
};

/* A writable root and the paths carved out of it. */
struct root {
	char		*path;
	struct strlist	 excl;	/* its own protected paths, then copies */
	size_t		 nown;	/* how many of excl are its own */
	size_t		 weight;	/* of its rule term, see GEN_RULE_BUDGET */
	size_t		 parent;	/* the nearest root above it, or SIZE_MAX */
	bool		 reallow;	/* inside a nested root's protected path */
};

/* The roots in order, with a hash index for duplicates and ancestors. */
struct rootset {
	struct root	*v;
	size_t		 n;
	size_t		 cap;
	struct strmap	 index;	/* path -> its place in v */
};

/* Work state of one gen_render call. */
struct gen {
	const struct params	*p;
	const struct gen_ctx	*ctx;
	struct sb_error		*err;
	struct gen_result	*out;
	struct path_cache	*pc;	/* canonical prefixes, for this render */
	struct sock		*builtin;	/* the built-in denies, resolved */
	char			**probes;	/* a socket of each, canonical */
	bool			*builtin_used;	/* opened by an allow entry */
	struct rootset		 builtin_paths;	/* their canonical paths */
	struct rootset		 builtin_dirs;	/* the directories above those */
	size_t			 nbuiltin;
	bool			 builtins_on;	/* builtin_denies, network on */
	struct rootset		 roots;	/* the writable roots */
	struct rootset		 root_dirs;	/* every directory above a root */
	struct rootset		 shapes;	/* regex skeletons that compile */
	bool			 all_writable;	/* full-access */
	size_t			 done;	/* bytes of the profile before this section */
	size_t			 pbytes;	/* bytes of the -D values so far */
	size_t			 wcap;
	size_t			 pcap;
};

/* --- string sets: the roots, their directories, regex shapes ------------- */

/* The index of the root spelled by the first len bytes of path, whose hash
 * is h, or SIZE_MAX. */
static size_t
rootset_find_hashed(const struct rootset *rs, const char *path, size_t len,
    size_t h)
{
	const size_t *k = strmap_get(&rs->index, path, len, h);

	return k != NULL ? *k : SIZE_MAX;
}

/* The index of the root spelled by the first len bytes of path, or SIZE_MAX. */
static size_t
rootset_find_len(const struct rootset *rs, const char *path, size_t len)
{
	return rootset_find_hashed(rs, path, len, hash_bytes(path, len));
}

/* Adds path (taking it) unless it is there already. */
static void
rootset_add(struct rootset *rs, char *path)
{
	struct root *r;
	size_t len = strlen(path), *k;
	int added;

	k = strmap_put(&rs->index, path, len, hash_bytes(path, len), &added);
	if (!added) {
		free(path);
		return;
	}
	if (rs->n == rs->cap) {
		rs->cap = rs->cap == 0 ? 8 : rs->cap * 2;
		rs->v = xreallocarray(rs->v, rs->cap, sizeof *rs->v);
	}
	*k = rs->n;
	r = &rs->v[rs->n++];
	memset(r, 0, sizeof *r);
	r->path = path;
	r->parent = SIZE_MAX;
}

static const char *const where_names[] = {
	[GEN_W_GENERAL] = "",
	[GEN_W_WRITABLE_ROOT] = "filesystem.writable_roots",
	[GEN_W_DENY_READ] = "filesystem.deny_read",
	[GEN_W_PROXY_PORT] = "network.proxy_ports",
	[GEN_W_LOCAL_BINDING] = "network.allow_local_binding",
	[GEN_W_ALLOW_ALL] = "network.unix_sockets.allow_all",
	[GEN_W_SOCK_ALLOW] = "network.unix_sockets.allow",
	[GEN_W_SOCK_DENY] = "network.unix_sockets.deny",
};

static void
warn(struct gen *g, enum gen_where where, size_t index, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void
warn(struct gen *g, enum gen_where where, size_t index, const char *fmt, ...)
{
	struct gen_result *r = g->out;
	struct gen_warning *w;
	struct buf b;
	va_list ap;
	char *text;

	if (r->nwarnings == g->wcap) {
		g->wcap = g->wcap == 0 ? 8 : g->wcap * 2;
		r->warnings = xreallocarray(r->warnings, g->wcap, sizeof *w);
	}
	va_start(ap, fmt);
	xvasprintf(&text, fmt, ap);
	va_end(ap);
	buf_init(&b);
	buf_puts(&b, where_names[where]);
	if (index != GEN_NO_INDEX)
		buf_printf(&b, "[%zu]", index);
	if (b.len != 0)
		buf_puts(&b, ": ");
	buf_puts(&b, text);
	free(text);
	w = &r->warnings[r->nwarnings++];
	w->where = where;
	w->index = index;
	w->msg = buf_take(&b);
}

/* prefix + decimal n into key (of at least 80 bytes); snprintf is slow
 * enough to show in a profile of ten thousand entries. */
static void
key_num(char *key, const char *prefix, size_t n)
{
	char digits[24];
	size_t len = strlen(prefix), nd = 0;

	do {
		digits[nd++] = (char)('0' + n % 10);
		n /= 10;
	} while (n != 0);
	memcpy(key, prefix, len);
	while (nd > 0)
		key[len++] = digits[--nd];
	key[len] = '\0';
}

/* a then b, as a new string; no printf: this runs once per entry. */
static char *
concat(const char *a, const char *b)
{
	size_t na = strlen(a), nb = strlen(b);
	char *out = xmalloc(na + nb + 1);

	memcpy(out, a, na);
	memcpy(out + na, b, nb + 1);
	return out;
}

static void
add_param(struct gen *g, const char *key, const char *value)
{
	struct gen_result *r = g->out;

	if (r->nparams == g->pcap) {
		g->pcap = g->pcap == 0 ? 16 : g->pcap * 2;
		r->params = xreallocarray(r->params, g->pcap,
		    sizeof *r->params);
	}
	r->params[r->nparams].key = xstrdup(key);
	r->params[r->nparams].value = xstrdup(value);
	r->nparams++;
	g->pbytes += strlen(key) + strlen(value) + 4;
}

/* "~" and "~/x" against ctx->home; anything else cleaned as it is. */
static char *
expand(const char *path, const struct gen_ctx *ctx, const char *what,
    struct sb_error *err)
{
	char show[SB_SHOW_MAX], *joined, *clean;

	if (path[0] != '~')
		return path_clean(path);
	if (ctx->home == NULL || ctx->home[0] != '/') {
		sb_error_set(err, SB_EINVAL, "%s: cannot expand %s: $HOME is "
		    "not set to an absolute path", what,
		    sb_show(show, sizeof show, path));
		return NULL;
	}
	xasprintf(&joined, "%s/%s", ctx->home, path[1] == '/' ? path + 2 : "");
	clean = path_clean(joined);
	free(joined);
	return clean;
}

/*
 * A pattern (a deny_read entry, a glob socket entry) split where its first
 * wildcard component starts: *lit is the literal directory before it as
 * text ("~" expanded against ctx->home, escapes removed, cleaned; "" for
 * none), *rest the glob text after it (from a '/', or a whole pattern
 * starting with "**"; "" when there is no wildcard). The home directory and
 * the escaped prefix are never read as glob syntax.
 */
static int
pattern_split(const char *path, const struct gen_ctx *ctx, const char *what,
    char **lit, const char **rest, struct sb_error *err)
{
	const char *text = path, *base = "";
	char show[SB_SHOW_MAX], *raw, *joined;
	size_t n;

	*lit = NULL;
	if (strncmp(path, "**", 2) == 0) {
		*lit = xstrdup("");	/* a glob anchored nowhere */
		*rest = path;
		return 0;
	}
	if (path[0] == '~') {
		if (ctx->home == NULL || ctx->home[0] != '/') {
			sb_error_set(err, SB_EINVAL, "%s: cannot expand %s: "
			    "$HOME is not set to an absolute path", what,
			    sb_show(show, sizeof show, path));
			return -1;
		}
		base = ctx->home;
		text = path + 1;
	}
	n = glob_literal_len(text);
	raw = glob_unescape(text, n);
	joined = concat(base, raw);
	*lit = joined[0] == '\0' ? xstrdup("") : path_clean(joined);
	*rest = text + n;
	free(joined);
	free(raw);
	return 0;
}

/*
 * A params path as the kernel will see it: "~/" expanded, cleaned and
 * canonicalised. A pattern (as_pattern) is split first and only its literal
 * directory canonicalised: the result is that canonical text followed by
 * the glob text, and *literal is the length of the former, so that a
 * symlink whose target holds '*' or '[' stays literal text.
 */
static char *
resolve(const char *path, bool as_pattern, const struct gen_ctx *ctx,
    struct path_cache *pc, const char *what, size_t *literal,
    struct sb_error *err)
{
	const char *rest;
	char *clean, *lit, *canon, *out;

	*literal = 0;
	if (!as_pattern) {
		if ((clean = expand(path, ctx, what, err)) == NULL)
			return NULL;
		out = path_cache_canon(pc, clean);
		free(clean);
		*literal = strlen(out);
		return out;
	}
	if (pattern_split(path, ctx, what, &lit, &rest, err) == -1)
		return NULL;
	canon = lit[0] == '\0' ? xstrdup("") : path_cache_canon(pc, lit);
	if (strcmp(canon, "/") == 0 && rest[0] == '/')
		canon[0] = '\0';	/* the glob text brings its own '/' */
	out = concat(canon, rest);
	*literal = strlen(canon);
	free(canon);
	free(lit);
	return out;
}

char *
gen_resolve_path(const char *path, bool as_pattern, const struct gen_ctx *ctx,
    struct sb_error *err)
{
	struct path_cache *pc = path_cache_new(ctx->fs);
	size_t literal;
	char *canon;

	canon = resolve(path, as_pattern, ctx, pc, "path", &literal, err);
	path_cache_free(pc);
	return canon;
}

/*
 * The anchored regex of s, whose first `literal` bytes are text and the
 * rest glob text. dir_tail adds "and everything below". Returns a new
 * string, or NULL with err set for glob text that cannot mean what it
 * looks like.
 */
static char *
pattern_regex(struct gen *g, const char *s, size_t literal, bool dir_tail,
    const char *what)
{
	struct buf b, skel;
	int rc = 0;

	buf_init(&b);
	buf_putc(&b, '^');
	if (dir_tail && strcmp(s, "/") == 0) {
		buf_puts(&b, "/.*$");	/* the root: everything */
		return buf_take(&b);
	}
	glob_regex_literal(&b, s, literal);
	buf_init(&skel);
	buf_putc(&skel, '^');
	if (glob_regex(&b, &skel, s + literal, what, g->err) == -1) {
		buf_clear(&skel);
		buf_clear(&b);
		return NULL;
	}
	if (dir_tail && !glob_ends_in_any(s + literal))
		buf_puts(&b, "(/.*)?");
	buf_putc(&b, '$');
	buf_putc(&skel, '$');
	/*
	 * A regex that does not compile would match nothing, silently. Its
	 * literal characters, escaped, cannot break it: regcomp is asked
	 * about its skeleton (glob.h), once per shape, so that a hundred
	 * thousand patterns of a few shapes cost a few compiles.
	 */
	if (rootset_find_len(&g->shapes, skel.data, skel.len) == SIZE_MAX) {
		if ((rc = glob_regex_check(buf_str(&skel), what, g->err)) == 0)
			rootset_add(&g->shapes, buf_take(&skel));
	}
	buf_clear(&skel);
	if (rc == -1) {
		buf_clear(&b);
		return NULL;
	}
	return buf_take(&b);
}

/*
 * Appends s as an SBPL string literal: `\` and `"` escaped, nothing else
 * touched. Returns -1 when s is longer than the profile reader accepts in
 * one string (the limit is on the string read, not on its escaped form).
 */
static int
string_literal(struct buf *b, const char *s)
{
	size_t n = strlen(s);

	const char *from = s;

	buf_putc(b, '"');
	for (; *s != '\0'; s++) {
		if (*s != '\\' && *s != '"')
			continue;
		buf_add(b, from, (size_t)(s - from));
		buf_putc(b, '\\');
		from = s;
	}
	buf_add(b, from, (size_t)(s - from));
	buf_putc(b, '"');
	return n > GEN_LITERAL_MAX ? -1 : 0;
}

static bool
has_control(const char *s)
{
	for (; *s != '\0'; s++) {
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return true;
	}
	return false;
}

/* Appends a (regex "...") filter; errors name the params entry. */
static int
regex_filter(struct gen *g, struct buf *b, const char *regex, const char *what)
{
	if (has_control(regex)) {
		/* Only -D values may hold them; this is profile text. */
		sb_error_set(g->err, SB_EINVAL, "%s: a pattern with a control "
		    "character cannot be written into a profile", what);
		return -1;
	}
	buf_puts(b, "(regex ");
	if (string_literal(b, regex) == -1) {
		sb_error_set(g->err, SB_ELIMIT, "%s: the pattern becomes a "
		    "regex of more than %d bytes, which the profile reader "
		    "rejects", what, GEN_LITERAL_MAX);
		return -1;
	}
	buf_putc(b, ')');
	return 0;
}

/* --- file write ---------------------------------------------------------- */


/* Adds path (taking it) to the exclusions of r unless it is there. Few
 * per root (the weight budget sees to that): a linear search is enough. */
static void
excl_add(struct root *r, char *path)
{
	size_t i;

	for (i = 0; i < r->excl.n; i++) {
		if (strcmp(r->excl.v[i], path) == 0) {
			free(path);
			return;
		}
	}
	strlist_add(&r->excl, path);
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

static void
rootset_free(struct rootset *rs)
{
	size_t i;

	for (i = 0; i < rs->n; i++) {
		free(rs->v[i].path);
		strlist_clear(&rs->v[i].excl);
	}
	free(rs->v);
	strmap_clear(&rs->index);
	memset(rs, 0, sizeof *rs);
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
		xasprintf(&x, "%s/%s", strcmp(r->path, "/") == 0 ? "" : r->path,
		    p->protected_names.v[j]);
		/* The kind first: it keeps the answer in the cache. */
		kind = path_cache_kind(g->pc, x);
		canon = path_cache_canon(g->pc, x);
		/* A .git file (a worktree, a submodule) points at the real
		 * git directory, which is protected first. */
		if (strcmp(p->protected_names.v[j], ".git") == 0 &&
		    kind == PATH_OTHER &&
		    (gitdir = gitdir_of(r->path, g->ctx)) != NULL)
			excl_add(r, gitdir);
		if (strcmp(canon, x) != 0)
			excl_add(r, xstrdup(x));
		excl_add(r, canon);
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
		strlist_add(&to->excl, from->excl.v[j]);
}

/* Paths compared a component at a time ('/' before any other byte), so
 * that a directory's descendants sort right after it. */
static int
path_order(const void *x, const void *y)
{
	const unsigned char *a = *(const unsigned char *const *)x;
	const unsigned char *b = *(const unsigned char *const *)y;
	int ca, cb;

	while (*a != '\0' && *a == *b) {
		a++;
		b++;
	}
	ca = *a == '\0' ? 0 : *a == '/' ? 1 : *a + 1;
	cb = *b == '\0' ? 0 : *b == '/' ? 1 : *b + 1;
	return ca - cb;
}

/*
 * The nearest root above each root (SIZE_MAX for none), into a new array:
 * in path order the roots above a root are the ones still on a stack, so
 * this takes a sort and one pass, however deep the roots nest.
 */
static size_t *
roots_parents(const struct rootset *rs)
{
	const char **order;
	size_t *parent, *stack, i, k, depth = 0;

	order = xreallocarray(NULL, rs->n, sizeof *order);
	for (i = 0; i < rs->n; i++)
		order[i] = rs->v[i].path;
	qsort(order, rs->n, sizeof *order, path_order);
	parent = xreallocarray(NULL, rs->n, sizeof *parent);
	stack = xreallocarray(NULL, rs->n, sizeof *stack);
	for (i = 0; i < rs->n; i++) {
		k = rootset_find_len(rs, order[i], strlen(order[i]));
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
			rootset_add(&denied, xstrdup(rs->v[i].excl.v[k]));
	}
	free(parent);
	/* Which roots lie inside a denied path: a prefix of theirs is one. */
	for (i = 0; i < rs->n && denied.n != 0; i++) {
		path = rs->v[i].path;
		h = hash_bytes(path, 0);
		for (len = 1; path[len - 1] != '\0'; len++) {
			h = hash_more(h, path[len - 1]);
			if ((path[len] == '/' || path[len] == '\0') &&
			    rootset_find_hashed(&denied, path, len, h) !=
			    SIZE_MAX) {
				rs->v[i].reallow = true;
				break;
			}
		}
	}
	rootset_free(&denied);
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

/*
 * The writable roots of the policy, with their exclusions, into g->roots;
 * and every proper ancestor of a root into g->root_dirs, so that the
 * deny_read guards can ask whether a directory holds a root.
 */
static int
roots_build(struct gen *g)
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
		rootset_add(rs, path_cache_canon(g->pc, x));
		free(x);
	}
	if (p->include_slash_tmp && ctx->fs->is_dir("/tmp", ctx->fs->arg))
		rootset_add(rs, path_cache_canon(g->pc, "/tmp"));
	if (p->include_tmpdir && ctx->tmpdir != NULL && ctx->tmpdir[0] == '/') {
		x = path_clean(ctx->tmpdir);
		rootset_add(rs, path_cache_canon(g->pc, x));
		free(x);
	}
	for (i = 0; i < p->writable_roots.n; i++) {
		key_num(what, "filesystem.writable_roots[", i);
		strcat(what, "]");
		if ((path = resolve(p->writable_roots.v[i], false, ctx, g->pc,
		    what, &literal, g->err)) == NULL)
			return -1;
		if (path_cache_kind(g->pc, path) != PATH_DIR)
			warn(g, GEN_W_WRITABLE_ROOT, i, "not a directory (yet): "
			    "%s", sb_show(what, sizeof what, path));
		rootset_add(rs, path);
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
			if (rootset_find_len(&g->root_dirs, path, len) != SIZE_MAX)
				break;
			rootset_add(&g->root_dirs, xstrndup(path, len));
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
		buf_putc(b, ' ');
	*used += w;
}

/* Adds to guards every directory strictly between from and path, a path
 * below it. */
static void
guard_between(struct rootset *guards, const char *from, const char *path)
{
	size_t len, flen = strcmp(from, "/") == 0 ? 0 : strlen(from);

	for (len = strlen(path) - 1; len > flen; len--) {
		if (path[len] == '/' &&
		    rootset_find_len(guards, path, len) == SIZE_MAX)
			rootset_add(guards, xstrndup(path, len));
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
	size_t j;

	for (j = 0; j < r->nown; j++) {
		if (path_is_under(r->excl.v[j], r->path))
			guard_between(guards, r->path, r->excl.v[j]);
	}
	if (r->parent != SIZE_MAX)
		guard_between(guards, g->roots.v[r->parent].path, r->path);
}

/* Appends the term of root i: its subpath less the first n of its
 * protected paths, whose -D parameters exist already. */
static void
root_term(struct buf *b, size_t i, size_t n)
{
	char key[80];
	size_t j;

	key_num(key, "WRITABLE_ROOT_", i);
	if (n == 0) {
		buf_puts(b, "(subpath (param \"");
		buf_puts(b, key);
		buf_puts(b, "\"))");
		return;
	}
	buf_puts(b, "(require-all (subpath (param \"");
	buf_puts(b, key);
	buf_puts(b, "\"))");
	for (j = 0; j < n; j++) {
		snprintf(key, sizeof key, "WRITABLE_ROOT_%zu_EXCLUDED_%zu", i, j);
		buf_puts(b, " (require-not (literal (param \"");
		buf_puts(b, key);
		buf_puts(b, "\"))) (require-not (subpath (param \"");
		buf_puts(b, key);
		buf_puts(b, "\")))");
	}
	buf_puts(b, " )");
}

static int
section_write(struct gen *g, struct buf *b)
{
	static const char allow[] = "(allow file-write*\n";
	static const char deny[] = "(deny file-write*\n";
	static const char guard[] = "(deny file-write-unlink\n";
	const struct rootset *rs = &g->roots;
	struct rootset guards;
	const struct root *r;
	char key[80];
	size_t i, j, w, used = 0;

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
		key_num(key, "WRITABLE_ROOT_", i);
		add_param(g, key, r->path);
		for (j = 0; j < r->excl.n; j++) {
			snprintf(key, sizeof key, "WRITABLE_ROOT_%zu_EXCLUDED_%zu",
			    i, j);
			add_param(g, key, r->excl.v[j]);
		}
		w = strlen(r->path) + GEN_FILTER_WEIGHT;
		for (j = 0; j < r->nown; j++)
			w += 2 * (strlen(r->excl.v[j]) + GEN_FILTER_WEIGHT);
		rule_room(b, allow, &used, w);
		root_term(b, i, r->nown);
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
			snprintf(key, sizeof key, "WRITABLE_ROOT_%zu_EXCLUDED_%zu",
			    i, j);
			rule_room(b, deny, &used, 2 * (strlen(r->excl.v[j]) +
			    GEN_FILTER_WEIGHT));
			buf_puts(b, "(literal (param \"");
			buf_puts(b, key);
			buf_puts(b, "\")) (subpath (param \"");
			buf_puts(b, key);
			buf_puts(b, "\"))");
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
		root_term(b, i, r->excl.n);
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
		key_num(key, "WRITABLE_ROOT_", i);
		rule_room(b, guard, &used, strlen(rs->v[i].path) +
		    GEN_FILTER_WEIGHT);
		buf_puts(b, "(literal (param \"");
		buf_puts(b, key);
		buf_puts(b, "\"))");
	}
	memset(&guards, 0, sizeof guards);
	for (i = 0; i < rs->n; i++)
		excl_ancestors(g, &rs->v[i], &guards);
	for (i = 0; i < guards.n; i++) {
		key_num(key, "PROTECTED_PARENT_", i);
		add_param(g, key, guards.v[i].path);
		rule_room(b, guard, &used, strlen(guards.v[i].path) +
		    GEN_FILTER_WEIGHT);
		buf_puts(b, "(literal (param \"");
		buf_puts(b, key);
		buf_puts(b, "\"))");
	}
	buf_puts(b, "\n)\n");
	rootset_free(&guards);
	return 0;
}

/* --- deny read ----------------------------------------------------------- */

/*
 * The regex pieces of the directories above one deny_read entry that lie
 * inside a writable root (or may hold one, for a wildcard directory): the
 * first piece is the whole regex of the shallowest such directory, each
 * later one adds a component. s is the resolved entry, literal the length
 * of its text part; a plain path (no glob text) is not its own ancestor.
 * Returns the number of pieces that are not roots (those have their own
 * guard), or -1 with err set.
 */
static ssize_t
deny_ancestors(struct gen *g, const char *s, size_t literal,
    struct strlist *pieces, const char *what)
{
	struct buf full, piece;
	const char *rest = s + literal, *end;
	char *comp;
	size_t i, from = 0, h;
	ssize_t fresh = 0;
	bool inside;

	inside = g->all_writable ||
	    rootset_find_len(&g->roots, "/", 1) != SIZE_MAX;
	buf_init(&full);
	buf_init(&piece);
	/* The text part, a component at a time; the hash of each prefix is
	 * carried along, so that a deep path costs no more than its length. */
	h = hash_bytes(s, 0);
	for (i = 1; i <= literal; i++) {
		h = hash_more(h, s[i - 1]);
		if (i < literal && s[i] != '/')
			continue;
		if (i == literal && *rest == '\0')
			break;	/* the path itself: file-write* covers it */
		buf_reset(&piece);
		glob_regex_literal(&piece, s + from, i - from);
		buf_add(&full, piece.data, piece.len);
		from = i;
		if (rootset_find_hashed(&g->roots, s, i, h) != SIZE_MAX)
			inside = true;
		else if (inside)
			fresh++;
		if (inside)
			strlist_add(pieces, pieces->n != 0 ? buf_str(&piece) :
			    buf_str(&full));
	}
	/* The glob part, up to its last component or its first "**": a
	 * directory under "**" can be renamed without leaving the pattern. */
	if (*rest != '\0' && (inside || literal == 0 ||
	    rootset_find_len(&g->root_dirs, s, literal) != SIZE_MAX)) {
		while (*rest == '/') {
			if ((end = strchr(rest + 1, '/')) == NULL)
				break;
			if (end - rest == 3 && rest[1] == '*' && rest[2] == '*')
				break;
			comp = xstrndup(rest, (size_t)(end - rest));
			buf_reset(&piece);
			if (glob_regex(&piece, NULL, comp, what,
			    g->err) == -1) {
				free(comp);
				fresh = -1;
				break;
			}
			free(comp);
			buf_add(&full, piece.data, piece.len);
			strlist_add(pieces, pieces->n != 0 ? buf_str(&piece) :
			    buf_str(&full));
			fresh++;
			rest = end;
		}
	}
	buf_clear(&full);
	buf_clear(&piece);
	return fresh;
}

/*
 * The guard rule for the ancestors in pieces: one regex that matches each
 * of them, nested as ^A(/b(/c)?)?$ so that its size stays linear in the
 * path. Returns 0, or -1 with err set when it would pass the string
 * literal limit (splitting it would repeat the directories, quadratic in
 * the depth).
 */
static int
guard_rule(struct gen *g, struct buf *b, const struct strlist *pieces,
    const char *what)
{
	struct buf re;
	size_t k;

	buf_init(&re);
	buf_putc(&re, '^');
	buf_puts(&re, pieces->v[0]);
	for (k = 1; k < pieces->n; k++) {
		buf_putc(&re, '(');
		buf_puts(&re, pieces->v[k]);
	}
	for (k = 1; k < pieces->n; k++)
		buf_puts(&re, ")?");
	buf_putc(&re, '$');
	/* Not through regex_filter's checks: the pieces are those of the
	 * entry's own regex, and the groups around them are balanced. */
	buf_puts(b, "(deny file-write-unlink (regex ");
	if (string_literal(b, buf_str(&re)) == -1) {
		sb_error_set(g->err, SB_ELIMIT, "%s: %zu directories lie between "
		    "it and its writable root; the regex that keeps them from "
		    "being moved would pass %d bytes: deny a shorter path", what,
		    pieces->n, GEN_LITERAL_MAX);
		buf_clear(&re);
		return -1;
	}
	buf_puts(b, "))\n");
	buf_clear(&re);
	return 0;
}

/* Fails when the profile so far and b would pass GEN_OUTPUT_MAX. */
static int
output_check(struct gen *g, const struct buf *b)
{
	if (g->done + g->pbytes + b->len <= GEN_OUTPUT_MAX)
		return 0;
	sb_error_set(g->err, SB_ELIMIT, "the profile would be larger than "
	    "%d MiB: fewer or shorter entries", GEN_OUTPUT_MAX >> 20);
	return -1;
}

static int
section_deny_read(struct gen *g, struct buf *b)
{
	const struct params *p = g->p;
	struct strlist pieces;
	struct buf filter;
	char *path, *regex, what[64];
	size_t i, literal;
	ssize_t fresh;
	int rc = 0;

	if (p->deny_read.n == 0)
		return 0;
	buf_init(&filter);
	memset(&pieces, 0, sizeof pieces);
	buf_puts(b, "; never readable, never writable, and not to be moved "
	    "away: the directories\n; above them inside a writable root "
	    "cannot be removed or renamed\n");
	for (i = 0; i < p->deny_read.n && rc == 0; i++) {
		snprintf(what, sizeof what, "filesystem.deny_read[%zu]", i);
		if ((path = resolve(p->deny_read.v[i], true, g->ctx, g->pc,
		    what, &literal, g->err)) == NULL) {
			rc = -1;
			break;
		}
		if ((regex = pattern_regex(g, path, literal, true,
		    what)) == NULL) {
			free(path);
			rc = -1;
			break;
		}
		buf_reset(&filter);
		rc = regex_filter(g, &filter, regex, what);
		if (rc == 0) {
			buf_puts(b, "(deny file-read* ");
			buf_add(b, filter.data, filter.len);
			buf_puts(b, ")\n(deny file-write* ");
			buf_add(b, filter.data, filter.len);
			buf_puts(b, ")\n");
			fresh = deny_ancestors(g, path, literal, &pieces, what);
			if (fresh == -1)
				rc = -1;
			else if (fresh > 0)
				rc = guard_rule(g, b, &pieces, what);
			strlist_clear(&pieces);
		}
		if (rc == 0)
			rc = output_check(g, b);
		free(regex);
		free(path);
	}
	buf_clear(&filter);
	strlist_clear(&pieces);
	return rc;
}

/* --- network ------------------------------------------------------------- */

static int
sock_cmp(const void *a, const void *b)
{
	const struct sock *x = a, *y = b;
	int c;

	if ((x->match == MATCH_GLOB) != (y->match == MATCH_GLOB))
		return x->match == MATCH_GLOB ? 1 : -1;
	if ((c = strcmp(x->canon, y->canon)) != 0)
		return c;
	if (x->match != y->match)
		return (int)x->match - (int)y->match;
	return x->index < y->index ? -1 : x->index > y->index;
}

static void
socks_free(struct sock *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(s[i].canon);
		free(s[i].regex);
		free(s[i].alias);
	}
	free(s);
}

/*
 * Where the container engines keep their sockets ("~/" is the home
 * directory, "$TMPDIR/" the temporary one): whoever can connect to one
 * controls the host's containers. The built-in denies (params
 * builtin_denies) close them; probe is a socket that the entry holds, for
 * telling whether a wide allow entry opens it.
 */
static const struct builtin {
	const char	*path;
	enum sock_match	 match;
	const char	*probe;
} builtins[] = {
	{ "/var/run/docker.sock", MATCH_LITERAL, "/var/run/docker.sock" },
	{ "/var/run/docker.sock.raw", MATCH_LITERAL,
	    "/var/run/docker.sock.raw" },
	{ "/var/run/docker", MATCH_SUBPATH, "/var/run/docker/docker.sock" },
	{ "/var/run/podman", MATCH_SUBPATH, "/var/run/podman/podman.sock" },
	{ "/Users/Shared/.docker", MATCH_SUBPATH,
	    "/Users/Shared/.docker/docker.sock" },
	{ "~/.docker/run", MATCH_SUBPATH, "~/.docker/run/docker.sock" },
	{ "~/Library/Containers/com.docker.docker/Data", MATCH_SUBPATH,
	    "~/Library/Containers/com.docker.docker/Data/docker.raw.sock" },
	{ "~/.colima", MATCH_SUBPATH, "~/.colima/default/docker.sock" },
	{ "~/.lima", MATCH_SUBPATH, "~/.lima/default/sock/docker.sock" },
	{ "~/.orbstack/run", MATCH_SUBPATH, "~/.orbstack/run/docker.sock" },
	{ "~/.rd", MATCH_SUBPATH, "~/.rd/docker.sock" },
	{ "~/.local/share/containers/podman/machine", MATCH_SUBPATH,
	    "~/.local/share/containers/podman/machine/podman.sock" },
	{ "$TMPDIR/podman", MATCH_SUBPATH,
	    "$TMPDIR/podman/podman-machine-default-api.sock" },
};

#define NBUILTINS (sizeof builtins / sizeof builtins[0])

const char *
gen_builtin_deny(size_t i, enum sock_match *match)
{
	if (i >= NBUILTINS)
		return NULL;
	if (match != NULL)
		*match = builtins[i].match;
	return builtins[i].path;
}

/* s with "~/" and "$TMPDIR/" expanded, cleaned; NULL when the context has
 * no such directory. */
static char *
builtin_expand(const struct gen_ctx *ctx, const char *s)
{
	char *x, *clean;

	if (s[0] == '~')
		return expand(s, ctx, "", NULL);
	if (strncmp(s, "$TMPDIR/", 8) != 0)
		return path_clean(s);
	if (ctx->tmpdir == NULL || ctx->tmpdir[0] != '/')
		return NULL;
	xasprintf(&x, "%s/%s", ctx->tmpdir, s + 8);
	clean = path_clean(x);
	free(x);
	return clean;
}

char *
gen_builtin_expand(size_t i, const struct gen_ctx *ctx)
{
	return i < NBUILTINS ? builtin_expand(ctx, builtins[i].path) : NULL;
}

/* The built-in denies of this context, resolved once per render: the
 * entries (with the spelling as written as an alias when it differs) and
 * their probes, canonical. */
static void
builtins_resolve(struct gen *g)
{
	struct sock *b;
	char *written, *probe;
	size_t i;

	g->builtin = xcalloc(NBUILTINS, sizeof *g->builtin);
	g->probes = xcalloc(NBUILTINS, sizeof *g->probes);
	g->builtin_used = xcalloc(NBUILTINS, sizeof *g->builtin_used);
	for (i = 0; i < NBUILTINS; i++) {
		if ((written = builtin_expand(g->ctx, builtins[i].path)) == NULL ||
		    (probe = builtin_expand(g->ctx, builtins[i].probe)) == NULL) {
			free(written);
			continue;
		}
		b = &g->builtin[g->nbuiltin];
		b->canon = path_cache_canon(g->pc, written);
		b->literal = strlen(b->canon);
		b->match = builtins[i].match;
		b->access = ACCESS_CONNECT_BIND;
		b->index = i;
		if (strcmp(written, b->canon) != 0) {
			b->alias = written;
			b->alias_literal = strlen(written);
		} else
			free(written);
		g->probes[g->nbuiltin] = path_cache_canon(g->pc, probe);
		free(probe);
		g->nbuiltin++;
		/* For builtin_hit's first test: the denied paths, and every
		 * directory that holds one. */
		rootset_add(&g->builtin_paths, xstrdup(b->canon));
		guard_between(&g->builtin_dirs, "/", b->canon);
		rootset_add(&g->builtin_dirs, xstrdup("/"));
	}
}

static bool
is_container_name(const char *path)
{
	const char *base = strrchr(path, '/');

	base = base == NULL ? path : base + 1;
	return strcmp(base, "docker.sock") == 0 ||
	    strcmp(base, "podman.sock") == 0;
}

/* Whether path entry s could touch a built-in deny at all: a prefix of it
 * is a denied path, or (a subpath) it holds one. One pass over the path:
 * there may be a hundred thousand entries. */
static bool
builtin_near(const struct gen *g, const struct sock *s)
{
	const char *c = s->canon;
	size_t len, h = hash_bytes(c, 0);

	for (len = 1; c[len - 1] != '\0'; len++) {
		h = hash_more(h, c[len - 1]);
		if ((c[len] == '/' || c[len] == '\0') &&
		    rootset_find_hashed(&g->builtin_paths, c, len, h) != SIZE_MAX)
			return true;
	}
	return s->match == MATCH_SUBPATH &&
	    rootset_find_len(&g->builtin_dirs, c, strlen(c)) != SIZE_MAX;
}

/*
 * The built-in deny that allow entry s lies inside (*inside set: s names
 * that socket, or one in that directory, by its path) or opens by being
 * wider (a directory above it, a glob that matches its probe); SIZE_MAX
 * for none. Every built-in it touches is marked used.
 */
static size_t
builtin_hit(struct gen *g, const struct sock *s, bool *inside)
{
	const struct sock *b;
	regex_t re;
	size_t i, first = SIZE_MAX;
	bool hit;

	*inside = false;
	if (s->match != MATCH_GLOB && !builtin_near(g, s))
		return SIZE_MAX;
	if (s->match == MATCH_GLOB &&
	    regcomp(&re, s->regex, REG_EXTENDED | REG_NOSUB) != 0)
		return SIZE_MAX;
	for (i = 0; i < g->nbuiltin; i++) {
		b = &g->builtin[i];
		if (s->match == MATCH_GLOB)
			hit = regexec(&re, g->probes[i], 0, NULL, 0) == 0;
		else if (b->match == MATCH_SUBPATH ?
		    path_is_under(s->canon, b->canon) :
		    strcmp(s->canon, b->canon) == 0)
			hit = *inside = true;
		else
			hit = s->match == MATCH_SUBPATH &&
			    path_is_under(b->canon, s->canon);
		if (hit) {
			g->builtin_used[i] = true;
			if (first == SIZE_MAX)
				first = i;
		}
	}
	if (s->match == MATCH_GLOB)
		regfree(&re);
	return first;
}

/*
 * Warns about an allow entry that opens a container engine's socket, and
 * marks it for the re-allow after the built-in denies when it names one by
 * its path: that is a choice. A wider entry opens one only when the
 * built-in denies are off (with them on, they win).
 */
static void
allow_container_check(struct gen *g, struct sock *s)
{
	char show[SB_SHOW_MAX];
	size_t k;
	bool inside;

	k = builtin_hit(g, s, &inside);
	s->exact = inside;
	if (inside || (s->match != MATCH_GLOB && is_container_name(s->canon)))
		warn(g, GEN_W_SOCK_ALLOW, s->index, "%s is a container engine "
		    "socket: whoever can connect to it controls the host's "
		    "containers", sb_show(show, sizeof show, s->canon));
	else if (k != SIZE_MAX && !g->builtins_on)
		warn(g, GEN_W_SOCK_ALLOW, s->index, "opens %s, a container "
		    "engine socket: whoever can connect to it controls the "
		    "host's containers", sb_show(show, sizeof show,
		    g->probes[k]));
}

/* A deny entry as written ("~" expanded, cleaned, not canonicalised), with
 * the length of its text part in *literal; NULL when it cannot expand. */
static char *
written_form(const char *path, bool glob, const struct gen_ctx *ctx,
    size_t *literal)
{
	const char *rest;
	char *lit, *out;

	if (!glob) {
		if ((out = expand(path, ctx, "", NULL)) != NULL)
			*literal = strlen(out);
		return out;
	}
	if (pattern_split(path, ctx, "", &lit, &rest, NULL) == -1)
		return NULL;
	if (strcmp(lit, "/") == 0 && rest[0] == '/')
		lit[0] = '\0';
	*literal = strlen(lit);
	out = concat(lit, rest);
	free(lit);
	return out;
}

/*
 * Resolves, sorts and de-duplicates one socket list: path entries by
 * canonical path, then globs by pattern. Duplicates merge their access
 * (connect-bind wins). Returns the count, or -1 with err set.
 */
static ssize_t
socks_resolve(struct gen *g, const struct socklist *l, bool is_deny,
    struct sock **out)
{
	const struct gen_ctx *ctx = g->ctx;
	struct sock *s;
	char *canon, *written, what[80];
	char show[SB_SHOW_MAX];
	size_t i, j, n = 0, literal, alias_literal;
	bool glob;

	*out = NULL;
	if (l->n == 0)
		return 0;
	s = xcalloc(l->n, sizeof *s);
	for (i = 0; i < l->n; i++) {
		key_num(what, is_deny ? "network.unix_sockets.deny[" :
		    "network.unix_sockets.allow[", i);
		strcat(what, "]");
		glob = l->v[i].match == MATCH_GLOB;
		if ((canon = resolve(l->v[i].path, glob, ctx, g->pc, what,
		    &literal, g->err)) == NULL) {
			socks_free(s, n);
			return -1;
		}
		s[n].canon = canon;
		s[n].literal = literal;
		s[n].regex = NULL;
		s[n].alias = NULL;
		if (glob && (s[n].regex = pattern_regex(g, canon, literal,
		    false, what)) == NULL) {
			socks_free(s, n + 1);
			return -1;
		}
		written = is_deny ? written_form(l->v[i].path, glob, ctx,
		    &alias_literal) : NULL;
		if (written != NULL && strcmp(written, canon) != 0) {
			s[n].alias = written;
			s[n].alias_literal = alias_literal;
		} else
			free(written);
		s[n].match = l->v[i].match;
		s[n].access = l->v[i].access;
		s[n].index = i;
		if (!is_deny && !glob && strlen(canon) >= 104)
			warn(g, GEN_W_SOCK_ALLOW, i, "socket path is %zu bytes, "
			    "more than the 103 that macOS sun_path holds: nothing "
			    "can connect to %s", strlen(canon),
			    sb_show(show, sizeof show, canon));
		if (!is_deny)
			allow_container_check(g, &s[n]);
		n++;
	}
	qsort(s, n, sizeof *s, sock_cmp);
	/* De-duplicate in place; the first (lowest index) entry stays. */
	for (i = 1, j = 0; i < n; i++) {
		if (strcmp(s[i].canon, s[j].canon) == 0 &&
		    s[i].match == s[j].match) {
			if (s[i].access == ACCESS_CONNECT_BIND)
				s[j].access = ACCESS_CONNECT_BIND;
			if (s[j].alias == NULL) {
				s[j].alias = s[i].alias;
				s[j].alias_literal = s[i].alias_literal;
				s[i].alias = NULL;
			}
			free(s[i].canon);
			free(s[i].regex);
			free(s[i].alias);
			continue;
		}
		s[++j] = s[i];
	}
	*out = s;
	return n == 0 ? 0 : (ssize_t)(j + 1);
}

/* The filter of one socket entry: (subpath (param "K")), a literal, or a regex. */
static int
sock_filter(struct gen *g, struct buf *f, const struct sock *s,
    const char *key, const char *value, size_t literal, const char *what)
{
	char *regex;
	int rc;

	buf_reset(f);
	if (s->match == MATCH_GLOB) {
		if (value == s->canon)
			return regex_filter(g, f, s->regex, what);
		if ((regex = pattern_regex(g, value, literal, false,
		    what)) == NULL)
			return -1;
		rc = regex_filter(g, f, regex, what);
		free(regex);
		return rc;
	}
	buf_puts(f, s->match == MATCH_LITERAL ? "(literal (param \"" :
	    "(subpath (param \"");
	buf_puts(f, key);
	buf_puts(f, "\"))");
	return 0;
}

/* The allow rules of one socket entry whose filter is f. */
static void
allow_lines(struct buf *b, const struct buf *f, enum sock_access access)
{
	/* buf_puts, not buf_printf: this runs once per entry. */
	if (access == ACCESS_CONNECT_BIND) {
		buf_puts(b, "(allow network-bind (local unix-socket ");
		buf_add(b, f->data, f->len);
		buf_puts(b, "))\n");
	}
	buf_puts(b, "(allow network-outbound (remote unix-socket ");
	buf_add(b, f->data, f->len);
	buf_puts(b, "))\n");
}

static int
block_unix_allow(struct gen *g, struct buf *b, struct sock *s, size_t n)
{
	struct buf f;
	char key[80], what[80];
	size_t i, num = 0;
	int rc = 0;

	buf_puts(b, "; allow unix domain sockets for local IPC\n"
	    "(allow system-socket (socket-domain AF_UNIX))\n");
	if (g->p->allow_all_sockets) {
		buf_puts(b, "(allow network-bind (local unix-socket))\n"
		    "(allow network-outbound (remote unix-socket))\n");
		return 0;
	}
	buf_init(&f);
	for (i = 0; i < n && rc == 0; i++) {
		key_num(what, "network.unix_sockets.allow[", s[i].index);
		strcat(what, "]");
		key[0] = '\0';
		if (s[i].match != MATCH_GLOB) {
			key_num(key, "UNIX_SOCKET_PATH_", num++);
			add_param(g, key, s[i].canon);
		}
		s[i].num = num - 1;
		if ((rc = sock_filter(g, &f, &s[i], key, s[i].canon,
		    s[i].literal, what)) == -1)
			break;
		allow_lines(b, &f, s[i].access);
	}
	buf_clear(&f);
	return rc;
}

static int
deny_lines(struct gen *g, struct buf *b, struct buf *f, const struct sock *s,
    const char *key, const char *value, size_t literal, const char *what)
{
	if (sock_filter(g, f, s, key, value, literal, what) == -1)
		return -1;
	buf_printf(b, "(deny network-outbound (remote unix-socket %s))\n"
	    "(deny network-bind (local unix-socket %s))\n", buf_str(f),
	    buf_str(f));
	return 0;
}

/*
 * The built-in denies: every one in full mode and with allow_all, else
 * those an allow entry opens. Then the entries that name one of those
 * sockets by its path are allowed again: that was a choice, warned about.
 */
static int
block_builtin_deny(struct gen *g, struct buf *b, const struct sock *allow,
    size_t nallow)
{
	const struct params *p = g->p;
	struct buf f;
	char key[80], akey[96];
	size_t i, num = 0;
	bool all = p->net_mode == NET_FULL || p->allow_all_sockets, head;
	int rc = 0;

	if (!g->builtins_on)
		return 0;
	buf_init(&f);
	for (i = 0; i < g->nbuiltin && rc == 0; i++) {
		if (!all && !g->builtin_used[i])
			continue;
		if (num == 0)
			buf_puts(b, "; deny the container engines' sockets: "
			    "whoever reaches one controls the\n; host's "
			    "containers (built in; --no-builtin-denies turns "
			    "this off)\n");
		key_num(key, "BUILTIN_DENY_", num++);
		add_param(g, key, g->builtin[i].canon);
		rc = deny_lines(g, b, &f, &g->builtin[i], key,
		    g->builtin[i].canon, g->builtin[i].literal, "built-in deny");
		if (rc == 0 && g->builtin[i].alias != NULL) {
			snprintf(akey, sizeof akey, "%s_ALIAS", key);
			add_param(g, akey, g->builtin[i].alias);
			rc = deny_lines(g, b, &f, &g->builtin[i], akey,
			    g->builtin[i].alias, g->builtin[i].alias_literal,
			    "built-in deny");
		}
	}
	head = false;
	for (i = 0; i < nallow && num > 0 && rc == 0 &&
	    !p->allow_all_sockets; i++) {
		if (!allow[i].exact)
			continue;
		if (!head)
			buf_puts(b, "; except the sockets allowed above by "
			    "their own path\n");
		head = true;
		key_num(key, "UNIX_SOCKET_PATH_", allow[i].num);
		if ((rc = sock_filter(g, &f, &allow[i], key, allow[i].canon,
		    allow[i].literal, "")) == 0)
			allow_lines(b, &f, allow[i].access);
	}
	buf_clear(&f);
	return rc;
}

static int
block_unix_deny(struct gen *g, struct buf *b, struct sock *s, size_t n)
{
	struct buf f;
	char key[80], akey[96], what[80];
	size_t i, num = 0;
	int rc = 0;

	buf_init(&f);
	buf_puts(b, "; deny these unix domain sockets whatever the rules above "
	    "allow\n");
	for (i = 0; i < n && rc == 0; i++) {
		key_num(what, "network.unix_sockets.deny[", s[i].index);
		strcat(what, "]");
		/* A glob is written as a regex: no parameter, no key. */
		key[0] = akey[0] = '\0';
		if (s[i].match != MATCH_GLOB) {
			key_num(key, "UNIX_SOCKET_DENY_", num++);
			add_param(g, key, s[i].canon);
		}
		rc = deny_lines(g, b, &f, &s[i], key, s[i].canon, s[i].literal,
		    what);
		if (rc == 0 && s[i].alias != NULL) {
			/* The spelling as written too: a deny that misses is a hole. */
			if (s[i].match != MATCH_GLOB) {
				snprintf(akey, sizeof akey, "%s_ALIAS", key);
				add_param(g, akey, s[i].alias);
			}
			rc = deny_lines(g, b, &f, &s[i], akey, s[i].alias,
			    s[i].alias_literal, what);
		}
	}
	buf_clear(&f);
	return rc;
}

static int
port_cmp(const void *a, const void *b)
{
	unsigned x = *(const unsigned *)a, y = *(const unsigned *)b;

	return x < y ? -1 : x > y;
}

static void
network_warnings(struct gen *g, bool unix_any)
{
	const struct params *p = g->p;

	if (p->net_mode == NET_OFF) {
		if (p->sock_allow.n != 0)
			warn(g, GEN_W_SOCK_ALLOW, GEN_NO_INDEX, "no effect while "
			    "network.mode is off");
		if (p->sock_deny.n != 0)
			warn(g, GEN_W_SOCK_DENY, GEN_NO_INDEX, "no effect while "
			    "network.mode is off (everything is closed)");
		if (p->allow_all_sockets)
			warn(g, GEN_W_ALLOW_ALL, GEN_NO_INDEX, "no effect while "
			    "network.mode is off");
	}
	if (p->net_mode != NET_RESTRICTED) {
		if (p->proxy_ports.n != 0)
			warn(g, GEN_W_PROXY_PORT, GEN_NO_INDEX, "no effect while "
			    "network.mode is %s", net_mode_name(p->net_mode));
		if (p->allow_local_binding)
			warn(g, GEN_W_LOCAL_BINDING, GEN_NO_INDEX, "no effect "
			    "while network.mode is %s",
			    net_mode_name(p->net_mode));
	}
	if (p->net_mode == NET_OFF)
		return;
	if (p->allow_all_sockets && p->sock_allow.n != 0)
		warn(g, GEN_W_SOCK_ALLOW, GEN_NO_INDEX, "no effect while "
		    "allow_all is on (every Unix socket is allowed)");
	if (p->allow_all_sockets && p->sock_deny.n == 0 && !p->builtin_denies)
		warn(g, GEN_W_ALLOW_ALL, GEN_NO_INDEX, "every Unix socket is "
		    "reachable, container engine sockets (docker.sock) included");
	if (p->net_mode == NET_RESTRICTED && !unix_any &&
	    !p->allow_local_binding && p->proxy_ports.n == 0 &&
	    p->sock_deny.n != 0)
		warn(g, GEN_W_SOCK_DENY, GEN_NO_INDEX, "no effect: nothing on "
		    "the network is allowed, so nothing needs denying");
}

static int
section_network(struct gen *g, struct buf *b)
{
	const struct params *p = g->p;
	struct sock *allow = NULL, *deny = NULL;
	ssize_t nallow, ndeny;
	unsigned *ports = NULL;
	size_t nports = 0, i;
	bool unix_any, local, proxy;
	int rc = -1;

	unix_any = p->allow_all_sockets || p->sock_allow.n != 0;
	local = p->allow_local_binding;
	proxy = p->proxy_ports.n != 0;
	g->builtins_on = p->builtin_denies && p->net_mode != NET_OFF;
	network_warnings(g, unix_any);
	/* Only when something can use them: two dozen look-ups otherwise. */
	if (p->sock_allow.n != 0 || (g->builtins_on &&
	    (p->net_mode == NET_FULL || p->allow_all_sockets)))
		builtins_resolve(g);

	/* Resolve both lists in every mode, so per-entry warnings show even
	 * where the entries are inactive. */
	if ((nallow = socks_resolve(g, &p->sock_allow, false, &allow)) == -1)
		return -1;
	if ((ndeny = socks_resolve(g, &p->sock_deny, true, &deny)) == -1)
		goto out;

	rc = 0;
	if (p->net_mode == NET_OFF)
		goto out;
	if (p->net_mode == NET_RESTRICTED && !unix_any && !local && !proxy)
		goto out;

	if (p->net_mode == NET_FULL) {
		buf_puts(b, "; allow all network traffic\n"
		    "(allow network-outbound)\n(allow network-inbound)\n");
	} else {
		if (local) {
			buf_puts(b, "; allow local binding and loopback traffic\n"
			    "(allow network-bind (local ip \"*:*\"))\n"
			    "(allow network-inbound (local ip \"localhost:*\"))\n"
			    "(allow network-outbound (remote ip \"localhost:*\"))\n");
		}
		if (local && proxy) {
			buf_puts(b, "; allow DNS lookups while application traffic "
			    "remains proxy-routed\n"
			    "(allow network-outbound (remote ip \"*:53\"))\n");
		}
		if (proxy) {
			ports = xreallocarray(NULL, p->proxy_ports.n,
			    sizeof *ports);
			memcpy(ports, p->proxy_ports.v,
			    p->proxy_ports.n * sizeof *ports);
			qsort(ports, p->proxy_ports.n, sizeof *ports, port_cmp);
			for (i = 0; i < p->proxy_ports.n; i++) {
				if (nports > 0 && ports[nports - 1] == ports[i])
					continue;
				ports[nports++] = ports[i];
			}
			buf_puts(b, "; allow connections to the local proxy\n");
			for (i = 0; i < nports; i++) {
				buf_printf(b, "(allow network-outbound (remote ip "
				    "\"localhost:%u\"))\n", ports[i]);
			}
		}
	}
	if (unix_any && (rc = block_unix_allow(g, b, allow,
	    (size_t)nallow)) == -1)
		goto out;
	if ((rc = block_builtin_deny(g, b, allow, nallow > 0 ?
	    (size_t)nallow : 0)) == -1)
		goto out;
	if (ndeny > 0 && (rc = block_unix_deny(g, b, deny,
	    (size_t)ndeny)) == -1)
		goto out;
	buf_putc(b, '\n');
	buf_puts(b, sbpl_network_trailer);

out:
	free(ports);
	socks_free(allow, nallow > 0 ? (size_t)nallow : 0);
	socks_free(deny, ndeny > 0 ? (size_t)ndeny : 0);
	return rc;
}

/* --- the entry point ----------------------------------------------------- */

/* Frees the work state of a render; on failure the result too. */
static int
gen_done(struct gen *g, int rc)
{
	path_cache_free(g->pc);
	socks_free(g->builtin, g->nbuiltin);
	for (; g->nbuiltin > 0; g->nbuiltin--)
		free(g->probes[g->nbuiltin - 1]);
	free(g->probes);
	free(g->builtin_used);
	rootset_free(&g->builtin_paths);
	rootset_free(&g->builtin_dirs);
	rootset_free(&g->roots);
	rootset_free(&g->root_dirs);
	rootset_free(&g->shapes);
	if (rc == -1)
		gen_result_clear(g->out);
	return rc;
}

int
gen_render(const struct params *p, const struct gen_ctx *ctx,
    struct gen_result *out, struct sb_error *err)
{
	struct gen g;
	struct buf profile, sec;
	int (*const sections[])(struct gen *, struct buf *) = {
		section_write, section_deny_read, section_network
	};
	size_t i;

	memset(out, 0, sizeof *out);
	memset(&g, 0, sizeof g);
	g.p = p;
	g.ctx = ctx;
	g.err = err;
	g.out = out;
	g.pc = path_cache_new(ctx->fs);

	if (p->fs_mode != FS_WORKSPACE_WRITE && p->writable_roots.n != 0)
		warn(&g, GEN_W_WRITABLE_ROOT, GEN_NO_INDEX, "no effect unless "
		    "filesystem.mode is workspace-write");
	if (roots_build(&g) == -1)
		return gen_done(&g, -1);

	buf_init(&profile);
	buf_init(&sec);
	buf_puts(&profile, sbpl_base);
	buf_puts(&profile, "\n; allow read-only file operations\n"
	    "(allow file-read*)\n");
	for (i = 0; i < sizeof sections / sizeof sections[0]; i++) {
		buf_reset(&sec);
		g.done = profile.len;
		if (sections[i](&g, &sec) == -1 || output_check(&g, &sec) == -1) {
			buf_clear(&sec);
			buf_clear(&profile);
			return gen_done(&g, -1);
		}
		if (sec.len != 0) {
			buf_putc(&profile, '\n');
			buf_add(&profile, sec.data, sec.len);
		}
	}
	buf_clear(&sec);
	out->profile = buf_take(&profile);
	return gen_done(&g, 0);
}

void
gen_result_clear(struct gen_result *r)
{
	size_t i;

	if (r == NULL)
		return;
	free(r->profile);
	for (i = 0; i < r->nparams; i++) {
		free(r->params[i].key);
		free(r->params[i].value);
	}
	free(r->params);
	for (i = 0; i < r->nwarnings; i++)
		free(r->warnings[i].msg);
	free(r->warnings);
	memset(r, 0, sizeof *r);
}

const char *
gen_result_param(const struct gen_result *r, const char *key)
{
	size_t i;

	for (i = 0; i < r->nparams; i++) {
		if (strcmp(r->params[i].key, key) == 0)
			return r->params[i].value;
	}
	return NULL;
}

char *
gen_format_sbpl(const struct gen_result *r)
{
	struct buf b;
	size_t i;

	buf_init(&b);
	for (i = 0; i < r->nparams; i++) {
		buf_puts(&b, "; -D ");
		buf_puts(&b, r->params[i].key);
		buf_putc(&b, '=');
		shquote_append_oneline(&b, r->params[i].value);
		buf_putc(&b, '\n');
	}
	if (r->nparams != 0)
		buf_putc(&b, '\n');
	buf_puts(&b, r->profile);
	return buf_take(&b);
}

char *
gen_format_inline(const struct gen_result *r, struct sb_error *err)
{
	static const char open[] = "(param \"";
	const char *s = r->profile, *hit, *end, *value;
	const unsigned char *c;
	struct buf b;
	char show[SB_SHOW_MAX];
	size_t klen, next = 0, i, k;

	buf_init(&b);
	while ((hit = strstr(s, open)) != NULL) {
		buf_add(&b, s, (size_t)(hit - s));
		end = strchr(hit + sizeof open - 1, '"');
		klen = (size_t)(end - hit - (sizeof open - 1));
		/* The profile names its parameters in -D order, mostly: start
		 * where the last one was found, so a long list stays linear. */
		value = NULL;
		for (k = 0; k < r->nparams && value == NULL; k++) {
			i = (next + k) % r->nparams;
			if (strncmp(r->params[i].key, hit + sizeof open - 1,
			    klen) == 0 && r->params[i].key[klen] == '\0') {
				value = r->params[i].value;
				next = i;
			}
		}
		assert(value != NULL);	/* the generator wrote both */
		for (c = (const unsigned char *)value; *c != '\0'; c++) {
			if (*c < 0x20 || *c == 0x7f) {
				sb_error_set(err, SB_EINVAL, "inline: %s: a path "
				    "with a control character cannot be written "
				    "into a profile (use the sbpl format and -D)",
				    sb_show(show, sizeof show, value));
				buf_clear(&b);
				return NULL;
			}
		}
		if (string_literal(&b, value) == -1) {
			sb_error_set(err, SB_ELIMIT, "inline: %s: a path of %zu "
			    "bytes is longer than the %d that the profile reader "
			    "accepts in one string (use the sbpl format and -D)",
			    sb_show(show, sizeof show, value), strlen(value),
			    GEN_LITERAL_MAX);
			buf_clear(&b);
			return NULL;
		}
		s = end + 2;	/* past the closing quote and ')' */
	}
	buf_puts(&b, s);
	return buf_take(&b);
}
