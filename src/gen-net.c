/* SPDX-License-Identifier: ISC */
/* gen-net.c: the network section: socket lists, the built-in denies of
 * the container engines' sockets, ports, local binding, the trailer. */
#include "config.h"

#include "gen-int.h"

#include <regex.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hash.h"
#include "sbpl-data.h"
#include "xmalloc.h"

/* --- network ------------------------------------------------------------- */

/*
 * Sorts the n entries of s: paths by canonical path, then globs by
 * pattern; then by match, then by index (the order in which they come).
 * gen_sort keeps equal paths in the order they are given: by match, then
 * by index.
 */
static void
socks_sort(struct sock *s, size_t n)
{
	struct gen_key *k;
	struct sock tmp;
	size_t i, j, next, at = 0, npath = 0;
	int m;

	k = xreallocarray(NULL, n, sizeof *k);
	for (m = MATCH_SUBPATH; m <= MATCH_GLOB; m++) {
		for (i = 0; i < n; i++) {
			if (s[i].match != (enum sock_match)m)
				continue;
			k[at].s = s[i].canon;
			k[at].len = m != MATCH_GLOB ? s[i].literal :
			    strlen(s[i].canon);
			k[at++].at = i;
		}
		if (m != MATCH_GLOB)
			npath = at;
	}
	gen_sort(k, npath, false);
	gen_sort(k + npath, n - npath, false);
	/* s[i] = s[k[i].at] in place, a cycle at a time: a copy of a
	 * hundred thousand entries is megabytes of fresh pages. */
	for (i = 0; i < n; i++) {
		if (k[i].at == i)
			continue;
		tmp = s[i];
		for (j = i; k[j].at != i; j = next) {
			next = k[j].at;
			s[j] = s[next];
			k[j].at = j;
		}
		s[j] = tmp;
		k[j].at = j;
	}
	free(k);
}

void
gen_socks_free(struct sock *s, size_t n)
{
	size_t i;

	/* Not canon: it is in the result's store, freed with it. */
	for (i = 0; i < n; i++) {
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
		return gen_expand(s, ctx, "", NULL);
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
	char *written, *probe, *canon;
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
		canon = path_cache_canon(g->pc, written);
		b->literal = strlen(canon);
		b->canon = gen_store_add(&g->out->store, canon, b->literal);
		free(canon);
		b->match = builtins[i].match;
		b->access = ACCESS_CONNECT_BIND;
		b->index = i;
		/* Most probes are the path itself: a missing one is not
		 * memoised, so resolving it again would lstat it again. */
		g->probes[g->nbuiltin] = strcmp(probe, written) == 0 ?
		    xstrdup(b->canon) : path_cache_canon(g->pc, probe);
		free(probe);
		if (strcmp(written, b->canon) != 0) {
			b->alias = written;
			b->alias_literal = strlen(written);
		} else
			free(written);
		g->nbuiltin++;
		/* For builtin_hit's first test: the denied paths, and every
		 * directory that holds one. */
		gen_set_add(&g->builtin_paths, xstrdup(b->canon));
		gen_guard_between(&g->builtin_dirs, "/", b->canon);
		gen_set_add(&g->builtin_dirs, xstrdup("/"));
	}
}

/* Whether the last name of path (len bytes) is docker.sock or
 * podman.sock: both are 11 bytes, so no scan for the last '/'. */
static bool
is_container_name(const char *path, size_t len)
{
	const char *base;

	if (len < 11)
		return false;
	base = path + len - 11;
	if (base != path && base[-1] != '/')
		return false;
	return memcmp(base, "docker.sock", 11) == 0 ||
	    memcmp(base, "podman.sock", 11) == 0;
}

/*
 * Whether path entry s could touch a built-in deny at all: a prefix of it
 * is a denied path, or (a subpath) it holds one. There may be a hundred
 * thousand entries, so the walk down the path stops at the first
 * directory that holds no denied path (that is not in builtin_dirs, which
 * has every directory above each): nothing below it is denied, or holds a
 * denied path. Most paths stop at their first component.
 */
static bool
builtin_near(const struct gen *g, const struct sock *s)
{
	const char *c = s->canon;
	size_t len;

	for (len = 1; c[len - 1] != '\0'; len++) {
		if (c[len] != '/' && c[len] != '\0')
			continue;
		if (gen_set_find_len(&g->builtin_paths, c, len) != SIZE_MAX)
			return true;
		if (gen_set_find_len(&g->builtin_dirs, c, len) == SIZE_MAX)
			return false;
	}
	/* c itself (when not "") is in builtin_dirs: it holds a denied
	 * path. */
	return s->match == MATCH_SUBPATH && len > 1;
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
 * The deny list, resolved at the first allow entry that needs it (one that
 * names or opens a container engine's socket), quietly: its errors are the
 * deny list's own resolution's to report, after the allow list's, as
 * before. Once resolved, it is the one the deny rules are written from.
 */
struct deny_early {
	struct sock	*v;
	ssize_t		 n;	/* -1: it did not resolve */
	bool		 tried;
};

static ssize_t	socks_resolve(struct gen *, const struct socklist *, bool,
		    struct sock **, struct deny_early *);
static bool	deny_covers(const struct sock *, const char *,
		    enum sock_match);

/*
 * The deny entry that refuses every socket path (of match m) names, or
 * NULL. The deny rules come last in the profile, so that one wins over
 * any allow.
 */
static const struct sock *
deny_winner(struct gen *g, struct deny_early *e, const char *path,
    enum sock_match m)
{
	struct sb_error quiet, *loud;
	const struct sock *d;
	regex_t re;
	size_t i;
	bool hit;

	if (e == NULL || g->p->sock_deny.n == 0)
		return NULL;
	if (!e->tried) {
		e->tried = true;
		sb_error_init(&quiet);
		loud = g->err;
		g->err = &quiet;
		e->n = socks_resolve(g, &g->p->sock_deny, true, &e->v, NULL);
		g->err = loud;
	}
	for (i = 0; e->n > 0 && i < (size_t)e->n; i++) {
		d = &e->v[i];
		if (d->match != MATCH_GLOB)
			hit = deny_covers(d, path, m);
		else if (m == MATCH_GLOB ||
		    regcomp(&re, d->regex, REG_EXTENDED | REG_NOSUB) != 0)
			hit = false;
		else {
			/* A pattern refuses the path and what is under it
			 * only as far as it matches: the path alone is
			 * asked, so a subpath entry is not taken as closed. */
			hit = m == MATCH_LITERAL &&
			    regexec(&re, path, 0, NULL, 0) == 0;
			regfree(&re);
		}
		if (hit)
			return d;
	}
	return NULL;
}

/*
 * Warns about an allow entry that opens a container engine's socket, and
 * marks it for the re-allow after the built-in denies when it names one by
 * its path: that is a choice. A wider entry opens one only when the
 * built-in denies are off (with them on, they win). A deny entry that
 * refuses the socket wins over both, and the warning says so rather than
 * that the socket is open.
 */
static void
allow_container_check(struct gen *g, struct sock *s, struct deny_early *e)
{
	char show[SB_SHOW_MAX];
	const struct sock *d;
	size_t k;
	bool inside;

	k = builtin_hit(g, s, &inside);
	s->exact = inside;
	/* A path's literal is all of it. */
	if (inside || (s->match != MATCH_GLOB &&
	    is_container_name(s->canon, s->literal))) {
		if ((d = deny_winner(g, e, s->canon, s->match)) != NULL)
			gen_warn(g, GEN_W_SOCK_ALLOW, s->index, "%s is a "
			    "container engine socket, and "
			    "network.unix_sockets.deny[%zu] denies it: the "
			    "deny wins, so this entry opens nothing",
			    sb_show(show, sizeof show, s->canon), d->index);
		else
			gen_warn(g, GEN_W_SOCK_ALLOW, s->index, "%s is a "
			    "container engine socket: whoever can connect to "
			    "it controls the host's containers",
			    sb_show(show, sizeof show, s->canon));
	} else if (k != SIZE_MAX && !g->builtins_on) {
		d = deny_winner(g, e, g->probes[k], MATCH_LITERAL);
		if (d != NULL)
			gen_warn(g, GEN_W_SOCK_ALLOW, s->index, "would open "
			    "%s, a container engine socket, but "
			    "network.unix_sockets.deny[%zu] denies it: the "
			    "deny wins", sb_show(show, sizeof show,
			    g->probes[k]), d->index);
		else
			gen_warn(g, GEN_W_SOCK_ALLOW, s->index, "opens %s, a "
			    "container engine socket: whoever can connect to "
			    "it controls the host's containers",
			    sb_show(show, sizeof show, g->probes[k]));
	}
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
		if ((out = gen_expand(path, ctx, "", NULL)) != NULL)
			*literal = strlen(out);
		return out;
	}
	if (gen_pattern_split(path, ctx, "", &lit, &rest, NULL) == -1)
		return NULL;
	if (strcmp(lit, "/") == 0 && rest[0] == '/')
		lit[0] = '\0';
	*literal = strlen(lit);
	out = gen_concat(lit, rest);
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
    struct sock **out, struct deny_early *early)
{
	const struct gen_ctx *ctx = g->ctx;
	struct sock *s;
	const char *plain;
	char *canon, *written, what[80];
	char show[SB_SHOW_MAX];
	size_t i, j, n = 0, literal, alias_literal;
	bool glob;

	*out = NULL;
	if (l->n == 0)
		return 0;
	/* Not xcalloc: each entry is cleared as it is filled, rather than
	 * megabytes of them beforehand. */
	s = xreallocarray(NULL, l->n, sizeof *s);
	for (i = 0; i < l->n; i++) {
		memset(&s[n], 0, sizeof s[n]);
		glob = l->v[i].match == MATCH_GLOB;
		/*
		 * Into the result's store, where a -D value can use it as
		 * it is: one allocation a block, not one a path. A clean
		 * absolute path, most entries, goes there straight from
		 * the cache (gen_resolve's common case), and cannot fail:
		 * it needs no name for a message.
		 */
		if (!glob && (plain = path_cache_canon_clean(g->pc,
		    l->v[i].path, &literal)) != NULL)
			s[n].canon = gen_store_add(&g->out->store, plain,
			    literal);
		else {
			gen_key_num(what, is_deny ?
			    "network.unix_sockets.deny[" :
			    "network.unix_sockets.allow[", i);
			strcat(what, "]");
			if ((canon = gen_resolve(l->v[i].path, glob, ctx,
			    g->pc, what, &literal, g->err)) == NULL) {
				gen_socks_free(s, n);
				return -1;
			}
			s[n].canon = gen_store_add(&g->out->store, canon,
			    glob ? strlen(canon) : literal);
			free(canon);
		}
		canon = s[n].canon;
		s[n].literal = literal;
		if (glob && (s[n].regex = gen_pattern_regex(g, canon, literal,
		    false, what)) == NULL) {
			gen_socks_free(s, n + 1);
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
		/* A path's literal is all of it. */
		if (!is_deny && !glob && literal >= 104)
			gen_warn(g, GEN_W_SOCK_ALLOW, i, "socket path is %zu bytes, "
			    "more than the 103 that macOS sun_path holds: nothing "
			    "can connect to %s", literal,
			    sb_show(show, sizeof show, canon));
		if (!is_deny)
			allow_container_check(g, &s[n], early);
		n++;
	}
	socks_sort(s, n);
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
			return gen_regex_filter(g, f, s->regex, what);
		if ((regex = gen_pattern_regex(g, value, literal, false,
		    what)) == NULL)
			return -1;
		rc = gen_regex_filter(g, f, regex, what);
		free(regex);
		return rc;
	}
	buf_puts(f, s->match == MATCH_LITERAL ? "(literal (param \"" :
	    "(subpath (param \"");
	buf_puts(f, key);
	buf_puts(f, "\"))");
	return 0;
}

/*
 * The allow rules of one socket entry whose filter is f. A server binds
 * and then listens and accepts, which are checked as network-inbound
 * (SBPL-FACTS 4.4): bind alone would leave it a socket it cannot use.
 */
static void
allow_lines(struct buf *b, const struct buf *f, enum sock_access access)
{
	/* buf_puts, not buf_printf: this runs once per entry. */
	if (access == ACCESS_CONNECT_BIND) {
		buf_puts(b, "(allow network-bind (local unix-socket ");
		buf_add(b, f->data, f->len);
		buf_puts(b, "))\n(allow network-inbound (local unix-socket ");
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
	size_t i, num = 0, block, slot;
	int rc = 0;

	block = gen_origin_open(g, b, g->p->allow_all_sockets ?
	    GEN_W_ALLOW_ALL : GEN_W_SOCK_ALLOW, GEN_NO_INDEX);
	buf_puts(b, "; allow unix domain sockets for local IPC\n"
	    "(allow system-socket (socket-domain AF_UNIX))\n");
	if (g->p->allow_all_sockets) {
		buf_puts(b, "(allow network-bind (local unix-socket))\n"
		    "(allow network-inbound (local unix-socket))\n"
		    "(allow network-outbound (remote unix-socket))\n");
		gen_origin_close(g, b, block);
		return 0;
	}
	buf_init(&f);
	for (i = 0; i < n && rc == 0; i++) {
		key[0] = what[0] = '\0';
		if (s[i].match == MATCH_GLOB) {
			/* Only a glob's filter can fail, and name its entry. */
			gen_key_num(what, "network.unix_sockets.allow[",
			    s[i].index);
			strcat(what, "]");
		} else {
			gen_key_num(key, "UNIX_SOCKET_PATH_", num++);
			gen_add_param_stored(g, key, s[i].canon,
			    s[i].literal);
		}
		s[i].num = num - 1;
		if ((rc = sock_filter(g, &f, &s[i], key, s[i].canon,
		    s[i].literal, what)) == -1)
			break;
		slot = gen_origin_open(g, b, GEN_W_SOCK_ALLOW, s[i].index);
		allow_lines(b, &f, s[i].access);
		gen_origin_close(g, b, slot);
	}
	gen_origin_close(g, b, block);
	buf_clear(&f);
	return rc;
}

static int
deny_lines(struct gen *g, struct buf *b, struct buf *f, const struct sock *s,
    const char *key, const char *value, size_t literal, const char *what)
{
	if (sock_filter(g, f, s, key, value, literal, what) == -1)
		return -1;
	/* Denying the bind is enough to keep a server off the path: only
	 * a bind gives a socket that address to listen on. */
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
/* Whether the deny entry d refuses every path that spelling (of match
 * m) names. */
static bool
deny_covers(const struct sock *d, const char *path, enum sock_match m)
{
	if (d->match == MATCH_SUBPATH)
		return path_is_under(path, d->canon);
	return d->match == MATCH_LITERAL && m == MATCH_LITERAL &&
	    strcmp(path, d->canon) == 0;
}

/* Whether a deny entry makes built-in b redundant: it refuses b's path
 * and b's other spelling too, so b's rules could never decide. */
static bool
builtin_covered(const struct sock *b, const struct sock *deny, size_t ndeny)
{
	bool canon = false, alias = b->alias == NULL;
	size_t i;

	for (i = 0; i < ndeny; i++) {
		canon = canon || deny_covers(&deny[i], b->canon, b->match);
		alias = alias || (deny[i].alias != NULL && b->alias != NULL &&
		    (strcmp(deny[i].alias, b->alias) == 0 ||
		    (deny[i].match == MATCH_SUBPATH &&
		    path_is_under(b->alias, deny[i].alias))));
	}
	return canon && alias;
}

static int
block_builtin_deny(struct gen *g, struct buf *b, const struct sock *allow,
    size_t nallow, const struct sock *deny, size_t ndeny)
{
	const struct params *p = g->p;
	struct buf f;
	char key[80], akey[96];
	size_t i, num = 0, block, slot;
	bool all = p->net_mode == NET_FULL || p->allow_all_sockets, head;
	int rc = 0;

	if (!g->builtins_on)
		return 0;
	buf_init(&f);
	block = gen_origin_open(g, b, GEN_W_BUILTIN_DENY, GEN_NO_INDEX);
	for (i = 0; i < g->nbuiltin && rc == 0; i++) {
		if (!all && !g->builtin_used[i])
			continue;
		/* The user's own deny says it already, later and so last. */
		if (builtin_covered(&g->builtin[i], deny, ndeny))
			continue;
		if (num == 0)
			buf_puts(b, "; deny the container engines' sockets: "
			    "whoever reaches one controls the\n; host's "
			    "containers (built in; --no-builtin-denies turns "
			    "this off)\n");
		/* Numbered as in builtins[], not among those of this
		 * context: gen_builtin_deny's index. */
		slot = gen_origin_open(g, b, GEN_W_BUILTIN_DENY,
		    g->builtin[i].index);
		gen_key_num(key, "BUILTIN_DENY_", num++);
		gen_add_param(g, key, g->builtin[i].canon);
		rc = deny_lines(g, b, &f, &g->builtin[i], key,
		    g->builtin[i].canon, g->builtin[i].literal, "built-in deny");
		if (rc == 0 && g->builtin[i].alias != NULL) {
			snprintf(akey, sizeof akey, "%s_ALIAS", key);
			gen_add_param(g, akey, g->builtin[i].alias);
			rc = deny_lines(g, b, &f, &g->builtin[i], akey,
			    g->builtin[i].alias, g->builtin[i].alias_literal,
			    "built-in deny");
		}
		gen_origin_close(g, b, slot);
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
		gen_key_num(key, "UNIX_SOCKET_PATH_", allow[i].num);
		if ((rc = sock_filter(g, &f, &allow[i], key, allow[i].canon,
		    allow[i].literal, "")) == 0) {
			slot = gen_origin_open(g, b, GEN_W_SOCK_ALLOW,
			    allow[i].index);
			allow_lines(b, &f, allow[i].access);
			gen_origin_close(g, b, slot);
		}
	}
	gen_origin_close(g, b, block);
	buf_clear(&f);
	return rc;
}

static int
block_unix_deny(struct gen *g, struct buf *b, struct sock *s, size_t n)
{
	struct buf f;
	char key[80], akey[96], what[80];
	size_t i, num = 0, block, slot;
	int rc = 0;

	buf_init(&f);
	block = gen_origin_open(g, b, GEN_W_SOCK_DENY, GEN_NO_INDEX);
	buf_puts(b, "; deny these unix domain sockets whatever the rules above "
	    "allow\n");
	for (i = 0; i < n && rc == 0; i++) {
		gen_key_num(what, "network.unix_sockets.deny[", s[i].index);
		strcat(what, "]");
		slot = gen_origin_open(g, b, GEN_W_SOCK_DENY, s[i].index);
		/* A glob is written as a regex: no parameter, no key. */
		key[0] = akey[0] = '\0';
		if (s[i].match != MATCH_GLOB) {
			gen_key_num(key, "UNIX_SOCKET_DENY_", num++);
			gen_add_param(g, key, s[i].canon);
		}
		rc = deny_lines(g, b, &f, &s[i], key, s[i].canon, s[i].literal,
		    what);
		if (rc == 0 && s[i].alias != NULL) {
			/* The spelling as written too: a deny that misses is a hole. */
			if (s[i].match != MATCH_GLOB) {
				snprintf(akey, sizeof akey, "%s_ALIAS", key);
				gen_add_param(g, akey, s[i].alias);
			}
			rc = deny_lines(g, b, &f, &s[i], akey, s[i].alias,
			    s[i].alias_literal, what);
		}
		gen_origin_close(g, b, slot);
	}
	gen_origin_close(g, b, block);
	buf_clear(&f);
	return rc;
}

/* A proxy port and its place in params.proxy_ports. */
struct port {
	unsigned	 port;
	size_t		 index;
};

/* By port, then by index: of a repeated port the first entry stays. */
static int
port_cmp(const void *a, const void *b)
{
	const struct port *x = a, *y = b;

	if (x->port != y->port)
		return x->port < y->port ? -1 : 1;
	return x->index < y->index ? -1 : x->index > y->index;
}

static void
network_warnings(struct gen *g, bool unix_any)
{
	const struct params *p = g->p;

	if (p->net_mode == NET_OFF) {
		if (p->sock_allow.n != 0)
			gen_warn(g, GEN_W_SOCK_ALLOW, GEN_NO_INDEX, "no effect while "
			    "network.mode is off");
		if (p->sock_deny.n != 0)
			gen_warn(g, GEN_W_SOCK_DENY, GEN_NO_INDEX, "no effect while "
			    "network.mode is off (everything is closed)");
		if (p->allow_all_sockets)
			gen_warn(g, GEN_W_ALLOW_ALL, GEN_NO_INDEX, "no effect while "
			    "network.mode is off");
	}
	if (p->net_mode != NET_RESTRICTED) {
		if (p->proxy_ports.n != 0)
			gen_warn(g, GEN_W_PROXY_PORT, GEN_NO_INDEX, "no effect while "
			    "network.mode is %s", net_mode_name(p->net_mode));
		if (p->allow_local_binding)
			gen_warn(g, GEN_W_LOCAL_BINDING, GEN_NO_INDEX, "no effect "
			    "while network.mode is %s",
			    net_mode_name(p->net_mode));
	}
	if (p->net_mode == NET_OFF)
		return;
	if (p->allow_all_sockets && p->sock_allow.n != 0)
		gen_warn(g, GEN_W_SOCK_ALLOW, GEN_NO_INDEX, "no effect while "
		    "allow_all is on (every Unix socket is allowed)");
	if (p->allow_all_sockets && p->sock_deny.n == 0 && !p->builtin_denies)
		gen_warn(g, GEN_W_ALLOW_ALL, GEN_NO_INDEX, "every Unix socket is "
		    "reachable, container engine sockets (docker.sock) included");
	if (p->net_mode == NET_RESTRICTED && !unix_any &&
	    !p->allow_local_binding && p->proxy_ports.n == 0 &&
	    p->sock_deny.n != 0)
		gen_warn(g, GEN_W_SOCK_DENY, GEN_NO_INDEX, "no effect: nothing on "
		    "the network is allowed, so nothing needs denying");
}

int
gen_section_network(struct gen *g, struct buf *b)
{
	const struct params *p = g->p;
	struct sock *allow = NULL, *deny = NULL;
	ssize_t nallow, ndeny;
	struct port *ports = NULL;
	struct deny_early early;
	size_t nports = 0, i, slot, block;
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
	memset(&early, 0, sizeof early);
	if ((nallow = socks_resolve(g, &p->sock_allow, false, &allow,
	    &early)) == -1) {
		gen_socks_free(early.v, early.n > 0 ? (size_t)early.n : 0);
		return -1;
	}
	/* Resolved already for a warning: the same list, the same result. */
	if (early.tried && early.n != -1) {
		deny = early.v;
		ndeny = early.n;
	} else if ((ndeny = socks_resolve(g, &p->sock_deny, true, &deny,
	    NULL)) == -1)
		goto out;

	rc = 0;
	if (p->net_mode == NET_OFF)
		goto out;
	if (p->net_mode == NET_RESTRICTED && !unix_any && !local && !proxy)
		goto out;

	if (p->net_mode == NET_FULL) {
		slot = gen_origin_open(g, b, GEN_W_NET_MODE, GEN_NO_INDEX);
		buf_puts(b, "; allow all network traffic\n"
		    "(allow network-outbound)\n(allow network-inbound)\n");
		gen_origin_close(g, b, slot);
	} else {
		/* The DNS rule too: it comes with local binding. */
		slot = gen_origin_open(g, b, GEN_W_LOCAL_BINDING, GEN_NO_INDEX);
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
		gen_origin_close(g, b, slot);
		if (proxy) {
			ports = xreallocarray(NULL, p->proxy_ports.n,
			    sizeof *ports);
			for (i = 0; i < p->proxy_ports.n; i++) {
				ports[i].port = p->proxy_ports.v[i];
				ports[i].index = i;
			}
			qsort(ports, p->proxy_ports.n, sizeof *ports, port_cmp);
			for (i = 0; i < p->proxy_ports.n; i++) {
				if (nports > 0 &&
				    ports[nports - 1].port == ports[i].port)
					continue;
				ports[nports++] = ports[i];
			}
			block = gen_origin_open(g, b, GEN_W_PROXY_PORT,
			    GEN_NO_INDEX);
			buf_puts(b, "; allow connections to the local proxy\n");
			for (i = 0; i < nports; i++) {
				slot = gen_origin_open(g, b, GEN_W_PROXY_PORT,
				    ports[i].index);
				buf_printf(b, "(allow network-outbound (remote ip "
				    "\"localhost:%u\"))\n", ports[i].port);
				gen_origin_close(g, b, slot);
			}
			gen_origin_close(g, b, block);
		}
	}
	if (unix_any && (rc = block_unix_allow(g, b, allow,
	    (size_t)nallow)) == -1)
		goto out;
	if ((rc = block_builtin_deny(g, b, allow, nallow > 0 ?
	    (size_t)nallow : 0, deny, ndeny > 0 ? (size_t)ndeny : 0)) == -1)
		goto out;
	if (ndeny > 0 && (rc = block_unix_deny(g, b, deny,
	    (size_t)ndeny)) == -1)
		goto out;
	buf_putc(b, '\n');
	slot = gen_origin_open(g, b, GEN_W_NET_MODE, GEN_NO_INDEX);
	buf_puts(b, sbpl_network_trailer);
	gen_origin_close(g, b, slot);

out:
	free(ports);
	gen_socks_free(allow, nallow > 0 ? (size_t)nallow : 0);
	gen_socks_free(deny, ndeny > 0 ? (size_t)ndeny : 0);
	return rc;
}
