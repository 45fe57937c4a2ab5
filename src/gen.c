/* SPDX-License-Identifier: ISC */
/* gen.c: the generator, params -> Seatbelt profile + -D parameters. */
#include "config.h"

#include "gen.h"

#include <sys/types.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "sbpl-data.h"
#include "shquote.h"
#include "xmalloc.h"

/* A socket entry after resolution. */
struct sock {
	char			*canon;		/* canonical path, or the regex of a glob */
	char			*alias;		/* the path as written, when it differs */
	enum sock_match		 match;
	enum sock_access	 access;
	size_t			 index;		/* into the params list */
};

/* A writable root and the paths carved out of it. */
struct root {
	char		*path;
	size_t		 hash;	/* of path: a cheap first test for duplicates */
	struct strlist	 excl;
};

/* Work state of one gen_render call. */
struct gen {
	const struct params	*p;
	const struct gen_ctx	*ctx;
	struct sb_error		*err;
	struct gen_result	*out;
	struct path_cache	*pc;	/* canonical prefixes, for this render */
	size_t			 wcap;
	size_t			 pcap;
};

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
}

/* "~" and "~/x" against ctx->home; anything else cleaned as it is. */
static char *
expand(const char *path, const struct gen_ctx *ctx, struct sb_error *err)
{
	char show[SB_SHOW_MAX], *joined, *clean;

	if (path[0] != '~')
		return path_clean(path);
	if (ctx->home == NULL || ctx->home[0] != '/') {
		sb_error_set(err, SB_EINVAL, "cannot expand %s: $HOME is "
		    "not set to an absolute path", sb_show(show, sizeof show,
		    path));
		return NULL;
	}
	xasprintf(&joined, "%s/%s", ctx->home, path[1] == '/' ? path + 2 : "");
	clean = path_clean(joined);
	free(joined);
	return clean;
}

/* Canonicalises the part of a cleaned glob before its first wild component. */
static char *
canon_glob(const char *clean, struct path_cache *pc)
{
	const char *wild, *slash;
	char *dir, *cdir, *out;

	wild = strpbrk(clean, "*?[");
	slash = wild;
	while (slash > clean && *slash != '/')
		slash--;
	if (slash <= clean)
		return xstrdup(clean);
	dir = xstrndup(clean, (size_t)(slash - clean));
	cdir = path_cache_canon(pc, dir);
	xasprintf(&out, "%s%s", strcmp(cdir, "/") == 0 ? "" : cdir, slash);
	free(cdir);
	free(dir);
	return out;
}

static char *
resolve(const char *path, const struct gen_ctx *ctx, struct path_cache *pc,
    struct sb_error *err)
{
	char *clean, *canon;

	if (strncmp(path, "**", 2) == 0)
		return xstrdup(path);	/* a glob anchored nowhere */
	if ((clean = expand(path, ctx, err)) == NULL)
		return NULL;
	if (path_has_glob(clean))
		canon = canon_glob(clean, pc);
	else
		canon = path_cache_canon(pc, clean);
	free(clean);
	return canon;
}

char *
gen_resolve_path(const char *path, const struct gen_ctx *ctx,
    struct sb_error *err)
{
	struct path_cache *pc = path_cache_new(ctx->fs);
	char *canon;

	canon = resolve(path, ctx, pc, err);
	path_cache_free(pc);
	return canon;
}

/* Appends c escaped for the regex engine (POSIX ERE metacharacters). */
static void
regex_char(struct buf *b, char c)
{
	if (strchr(".^$*+?()[]{}|\\", c) != NULL)
		buf_putc(b, '\\');
	buf_putc(b, c);
}

/*
 * An anchored regex for a glob (or, with dir_tail, for a plain path and
 * everything below it). A star matches within one component, a double star
 * followed by a slash matches any number of whole components, a lone double
 * star anything; `?` is one character of a component, `[..]` is kept and
 * every other metacharacter is escaped.
 */
static char *
glob_regex(const char *glob, bool dir_tail)
{
	struct buf b;
	const char *s = glob, *close;

	buf_init(&b);
	buf_putc(&b, '^');
	while (*s != '\0') {
		if (dir_tail) {
			regex_char(&b, *s++);
			continue;
		}
		switch (*s) {
		case '*':
			if (s[1] == '*' && s[2] == '/') {
				buf_puts(&b, "(.*/)?");
				s += 3;
			} else if (s[1] == '*') {
				buf_puts(&b, ".*");
				s += 2;
			} else {
				buf_puts(&b, "[^/]*");
				s++;
			}
			continue;
		case '?':
			buf_puts(&b, "[^/]");
			s++;
			continue;
		case '[':
			/* A bracket expression runs to the first ']' after its
			 * first member; without one, '[' is an ordinary character. */
			close = s + 1;
			if (*close == '!' || *close == '^')
				close++;
			if (*close == ']')
				close++;
			close = strchr(close, ']');
			if (close == NULL || memchr(s, '/', (size_t)(close - s))) {
				regex_char(&b, *s++);
				continue;
			}
			buf_putc(&b, '[');
			s++;
			if (*s == '!') {
				buf_putc(&b, '^');
				s++;
			}
			buf_add(&b, s, (size_t)(close - s + 1));
			s = close + 1;
			continue;
		}
		regex_char(&b, *s++);
	}
	if (dir_tail)
		buf_puts(&b, "(/.*)?");
	buf_putc(&b, '$');
	return buf_take(&b);
}

/*
 * Appends s as an SBPL string literal: `\` and `"` escaped, nothing else
 * touched. Returns -1 when the literal would be longer than the profile
 * reader accepts.
 */
static int
string_literal(struct buf *b, const char *s)
{
	size_t start = b->len;

	buf_putc(b, '"');
	for (; *s != '\0'; s++) {
		if (*s == '\\' || *s == '"')
			buf_putc(b, '\\');
		buf_putc(b, *s);
	}
	buf_putc(b, '"');
	return b->len - start - 2 > GEN_LITERAL_MAX ? -1 : 0;
}

/* Appends a (regex "...") literal; errors name the params entry. */
static int
regex_filter(struct gen *g, struct buf *b, const char *regex, const char *what)
{
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

static size_t
str_hash(const char *s)
{
	size_t h = 2166136261u;

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

static bool
root_known(const struct root *roots, size_t n, const char *path, size_t hash)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (roots[i].hash == hash && strcmp(roots[i].path, path) == 0)
			return true;
	}
	return false;
}

static void
root_add(struct root **roots, size_t *n, size_t *cap, char *path)
{
	size_t hash = str_hash(path);

	if (root_known(*roots, *n, path, hash)) {
		free(path);
		return;
	}
	if (*n == *cap) {
		*cap = *cap == 0 ? 8 : *cap * 2;
		*roots = xreallocarray(*roots, *cap, sizeof **roots);
	}
	(*roots)[*n].path = path;
	(*roots)[*n].hash = hash;
	memset(&(*roots)[*n].excl, 0, sizeof (*roots)[*n].excl);
	(*n)++;
}

static void
excl_add(struct strlist *l, char *path)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		if (strcmp(l->v[i], path) == 0) {
			free(path);
			return;
		}
	}
	strlist_add(l, path);
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
roots_free(struct root *roots, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(roots[i].path);
		strlist_clear(&roots[i].excl);
	}
	free(roots);
}

static int
section_write(struct gen *g, struct buf *b)
{
	const struct params *p = g->p;
	const struct gen_ctx *ctx = g->ctx;
	struct root *roots = NULL;
	enum path_kind kind;
	char *path, *x, key[80];
	size_t n = 0, cap = 0, i, j;
	bool git;

	if (p->fs_mode == FS_FULL_ACCESS) {
		buf_puts(b, "; allow writes everywhere (full-access)\n"
		    "(allow file-write* (regex #\"^/\"))\n");
		return 0;
	}
	if (p->fs_mode != FS_WORKSPACE_WRITE)
		return 0;

	if (p->include_cwd && ctx->cwd != NULL && ctx->cwd[0] == '/') {
		x = path_clean(ctx->cwd);
		root_add(&roots, &n, &cap, path_cache_canon(g->pc, x));
		free(x);
	}
	if (p->include_slash_tmp && ctx->fs->is_dir("/tmp", ctx->fs->arg))
		root_add(&roots, &n, &cap, path_cache_canon(g->pc, "/tmp"));
	if (p->include_tmpdir && ctx->tmpdir != NULL && ctx->tmpdir[0] == '/') {
		x = path_clean(ctx->tmpdir);
		root_add(&roots, &n, &cap, path_cache_canon(g->pc, x));
		free(x);
	}
	for (i = 0; i < p->writable_roots.n; i++) {
		if ((path = resolve(p->writable_roots.v[i], ctx, g->pc,
		    g->err)) == NULL) {
			roots_free(roots, n);
			return -1;
		}
		if (path_cache_kind(g->pc, path) != PATH_DIR)
			warn(g, GEN_W_WRITABLE_ROOT, i, "not a directory (yet): "
			    "%s", path);
		root_add(&roots, &n, &cap, path);
	}
	if (n == 0) {
		/* No root at all: an empty (allow file-write*) would allow
		 * every write, so the section is left out. */
		return 0;
	}

	git = false;
	for (j = 0; j < p->protected_names.n; j++) {
		if (strcmp(p->protected_names.v[j], ".git") == 0)
			git = true;
	}
	buf_puts(b, "; allow writes under the writable roots, except the "
	    "protected names\n(allow file-write*\n");
	for (i = 0; i < n; i++) {
		for (j = 0; j < p->protected_names.n; j++) {
			xasprintf(&x, "%s/%s", strcmp(roots[i].path, "/") == 0 ?
			    "" : roots[i].path, p->protected_names.v[j]);
			/* The kind first: it keeps the answer in the cache. */
			kind = path_cache_kind(g->pc, x);
			path = path_cache_canon(g->pc, x);
			free(x);
			/* A .git file (a worktree, a submodule) points at the
			 * real git directory, which is protected first. */
			if (git && strcmp(p->protected_names.v[j], ".git") == 0 &&
			    kind == PATH_OTHER &&
			    (x = gitdir_of(roots[i].path, ctx)) != NULL) {
				excl_add(&roots[i].excl, x);
			}
			excl_add(&roots[i].excl, path);
		}
		key_num(key, "WRITABLE_ROOT_", i);
		add_param(g, key, roots[i].path);
		if (i > 0)
			buf_putc(b, ' ');
		if (roots[i].excl.n == 0) {
			buf_puts(b, "(subpath (param \"");
			buf_puts(b, key);
			buf_puts(b, "\"))");
			continue;
		}
		buf_puts(b, "(require-all (subpath (param \"");
		buf_puts(b, key);
		buf_puts(b, "\"))");
		for (j = 0; j < roots[i].excl.n; j++) {
			snprintf(key, sizeof key, "WRITABLE_ROOT_%zu_EXCLUDED_%zu",
			    i, j);
			add_param(g, key, roots[i].excl.v[j]);
			buf_puts(b, " (require-not (literal (param \"");
			buf_puts(b, key);
			buf_puts(b, "\"))) (require-not (subpath (param \"");
			buf_puts(b, key);
			buf_puts(b, "\")))");
		}
		buf_puts(b, " )");
	}
	buf_puts(b, "\n)\n");
	roots_free(roots, n);
	return 0;
}

/* --- deny read ----------------------------------------------------------- */

static int
section_deny_read(struct gen *g, struct buf *b)
{
	const struct params *p = g->p;
	struct buf filter;
	char *path, *regex, what[64];
	size_t i;
	int rc = 0;

	if (p->deny_read.n == 0)
		return 0;
	buf_init(&filter);
	buf_puts(b, "; never readable, and not removable either\n");
	for (i = 0; i < p->deny_read.n && rc == 0; i++) {
		snprintf(what, sizeof what, "filesystem.deny_read[%zu]", i);
		if ((path = resolve(p->deny_read.v[i], g->ctx, g->pc,
		    g->err)) == NULL)
			return -1;
		regex = glob_regex(path, !path_has_glob(path));
		buf_reset(&filter);
		rc = regex_filter(g, &filter, regex, what);
		if (rc == 0) {
			buf_printf(b, "(deny file-read* %s)\n"
			    "(deny file-write-unlink %s)\n", buf_str(&filter),
			    buf_str(&filter));
		}
		free(regex);
		free(path);
	}
	buf_clear(&filter);
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
		free(s[i].alias);
	}
	free(s);
}

/* The names of container engine sockets: allowing one hands out the host. */
static bool
is_container_socket(const char *path)
{
	const char *base = strrchr(path, '/');

	base = base == NULL ? path : base + 1;
	return strcmp(base, "docker.sock") == 0 ||
	    strcmp(base, "podman.sock") == 0 ||
	    strstr(path, "/.docker/") != NULL ||
	    strstr(path, "/containers/podman/") != NULL;
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
	char *canon, *written;
	size_t i, n = 0;

	*out = NULL;
	if (l->n == 0)
		return 0;
	s = xcalloc(l->n, sizeof *s);
	for (i = 0; i < l->n; i++) {
		if ((canon = resolve(l->v[i].path, ctx, g->pc,
		    g->err)) == NULL) {
			socks_free(s, n);
			return -1;
		}
		written = expand(l->v[i].path, ctx, NULL);
		s[n].canon = canon;
		s[n].alias = NULL;
		if (is_deny && written != NULL && strcmp(written, canon) != 0)
			s[n].alias = written;
		else
			free(written);
		s[n].match = l->v[i].match;
		s[n].access = l->v[i].access;
		s[n].index = i;
		if (!is_deny && l->v[i].match != MATCH_GLOB) {
			if (strlen(canon) >= 104)
				warn(g, GEN_W_SOCK_ALLOW, i, "socket path is %zu "
				    "bytes, more than the 103 that macOS "
				    "sun_path holds: nothing can connect to %s",
				    strlen(canon), canon);
		}
		if (!is_deny && is_container_socket(canon))
			warn(g, GEN_W_SOCK_ALLOW, i, "%s is a container engine "
			    "socket: whoever can connect to it controls the "
			    "host's containers", canon);
		n++;
	}
	qsort(s, n, sizeof *s, sock_cmp);
	/* De-duplicate in place; the first (lowest index) entry stays. */
	for (i = 1; n > 0 && i < n;) {
		if (strcmp(s[i].canon, s[i - 1].canon) == 0 &&
		    s[i].match == s[i - 1].match) {
			if (s[i].access == ACCESS_CONNECT_BIND)
				s[i - 1].access = ACCESS_CONNECT_BIND;
			if (s[i - 1].alias == NULL) {
				s[i - 1].alias = s[i].alias;
				s[i].alias = NULL;
			}
			free(s[i].canon);
			free(s[i].alias);
			memmove(&s[i], &s[i + 1], (n - i - 1) * sizeof *s);
			n--;
			continue;
		}
		i++;
	}
	*out = s;
	return (ssize_t)n;
}

/* The filter of one socket entry: (subpath (param "K")), a literal, or a regex. */
static int
sock_filter(struct gen *g, struct buf *f, const struct sock *s,
    const char *key, const char *value, const char *what)
{
	char *regex;
	int rc;

	buf_reset(f);
	if (s->match == MATCH_GLOB) {
		regex = glob_regex(value, false);
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
		if (s[i].match != MATCH_GLOB) {
			key_num(key, "UNIX_SOCKET_PATH_", num++);
			add_param(g, key, s[i].canon);
		}
		if ((rc = sock_filter(g, &f, &s[i], key, s[i].canon,
		    what)) == -1)
			break;
		/* buf_puts, not buf_printf: this runs once per entry. */
		if (s[i].access == ACCESS_CONNECT_BIND) {
			buf_puts(b, "(allow network-bind (local unix-socket ");
			buf_add(b, f.data, f.len);
			buf_puts(b, "))\n");
		}
		buf_puts(b, "(allow network-outbound (remote unix-socket ");
		buf_add(b, f.data, f.len);
		buf_puts(b, "))\n");
	}
	buf_clear(&f);
	return rc;
}

static int
deny_lines(struct gen *g, struct buf *b, struct buf *f, const struct sock *s,
    const char *key, const char *value, const char *what)
{
	if (sock_filter(g, f, s, key, value, what) == -1)
		return -1;
	buf_printf(b, "(deny network-outbound (remote unix-socket %s))\n"
	    "(deny network-bind (local unix-socket %s))\n", buf_str(f),
	    buf_str(f));
	return 0;
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
		if (s[i].match != MATCH_GLOB) {
			key_num(key, "UNIX_SOCKET_DENY_", num++);
			add_param(g, key, s[i].canon);
		}
		rc = deny_lines(g, b, &f, &s[i], key, s[i].canon, what);
		if (rc == 0 && s[i].alias != NULL) {
			/* The spelling as written too: a deny that misses is a hole. */
			snprintf(akey, sizeof akey, "%s_ALIAS", key);
			if (s[i].match != MATCH_GLOB)
				add_param(g, akey, s[i].alias);
			rc = deny_lines(g, b, &f, &s[i], akey, s[i].alias, what);
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
	if (p->allow_all_sockets && p->sock_deny.n == 0)
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
	network_warnings(g, unix_any);

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

	buf_init(&profile);
	buf_init(&sec);
	buf_puts(&profile, sbpl_base);
	buf_puts(&profile, "\n; allow read-only file operations\n"
	    "(allow file-read*)\n");
	for (i = 0; i < sizeof sections / sizeof sections[0]; i++) {
		buf_reset(&sec);
		if (sections[i](&g, &sec) == -1) {
			buf_clear(&sec);
			buf_clear(&profile);
			path_cache_free(g.pc);
			gen_result_clear(out);
			return -1;
		}
		if (sec.len != 0) {
			buf_putc(&profile, '\n');
			buf_add(&profile, sec.data, sec.len);
		}
	}
	buf_clear(&sec);
	path_cache_free(g.pc);
	out->profile = buf_take(&profile);
	return 0;
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
	char show[SB_SHOW_MAX], *key;

	buf_init(&b);
	while ((hit = strstr(s, open)) != NULL) {
		buf_add(&b, s, (size_t)(hit - s));
		end = strchr(hit + sizeof open - 1, '"');
		key = xstrndup(hit + sizeof open - 1,
		    (size_t)(end - hit - (sizeof open - 1)));
		value = gen_result_param(r, key);
		free(key);
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
