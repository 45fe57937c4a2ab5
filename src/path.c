/* SPDX-License-Identifier: ISC */
/* path.c: lexical path handling and canonicalisation through a resolver. */
#include "config.h"

#include "path.h"

#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "hash.h"
#include "strmap.h"
#include "xmalloc.h"

static char *
posix_realpath(const char *path, void *arg)
{
	(void)arg;
	return realpath(path, NULL);
}

static bool
posix_is_dir(const char *path, void *arg)
{
	struct stat sb;

	(void)arg;
	return stat(path, &sb) == 0 && S_ISDIR(sb.st_mode);
}

static char *
posix_read_file(const char *path, size_t max, void *arg)
{
	struct stat sb;
	char *data;
	ssize_t n;
	size_t len = 0;
	int fd;

	(void)arg;
	/* Links are followed: a .git that links to a "gitdir:" file must
	 * protect the directory the file names. */
	if ((fd = open(path, O_RDONLY | O_NONBLOCK)) == -1)
		return NULL;
	if (fstat(fd, &sb) == -1 || !S_ISREG(sb.st_mode)) {
		close(fd);
		return NULL;
	}
	data = xmalloc(max + 1);
	while (len < max) {
		n = read(fd, data + len, max - len);
		if (n == -1 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		len += (size_t)n;
	}
	close(fd);
	data[len] = '\0';
	return data;
}

static enum path_kind
posix_kind(const char *path, void *arg)
{
	struct stat sb;

	(void)arg;
	if (lstat(path, &sb) == -1)
		return PATH_MISSING;
	if (S_ISLNK(sb.st_mode))
		return PATH_LINK;
	return S_ISDIR(sb.st_mode) ? PATH_DIR : PATH_OTHER;
}

const struct path_fs path_fs_posix = {
	posix_realpath, posix_is_dir, posix_read_file, NULL, posix_kind
};

char *
path_clean(const char *in)
{
	const char *p = in, *seg;
	char *out;
	size_t len = 0, n;

	/* The result is never longer than the input plus a leading '/'. */
	out = xmalloc(strlen(in) + 2);
	for (;;) {
		while (*p == '/')
			p++;
		if (*p == '\0')
			break;
		seg = p;
		while (*p != '/' && *p != '\0')
			p++;
		n = (size_t)(p - seg);
		if (n == 1 && seg[0] == '.')
			continue;
		if (n == 2 && seg[0] == '.' && seg[1] == '.') {
			/* Drop the last component; ".." at the root stays there. */
			while (len > 0 && out[len - 1] != '/')
				len--;
			if (len > 0)
				len--;
			continue;
		}
		out[len++] = '/';
		memcpy(out + len, seg, n);
		len += n;
	}
	if (len == 0)
		out[len++] = '/';
	out[len] = '\0';
	return out;
}

char *
path_join(const char *dir, const char *rel)
{
	char *joined, *clean;

	if (rel[0] == '/')
		return path_clean(rel);
	xasprintf(&joined, "%s/%s", dir, rel);
	clean = path_clean(joined);
	free(joined);
	return clean;
}

/*
 * The memo: path -> canonical path and kind, in a strmap. Existing paths
 * are kept, and of a missing subtree only its top: everything below a
 * missing directory is missing too, and is its canonical parent plus the
 * rest, so a deep path that does not exist costs no memory per level.
 */
struct cache_ent {
	char		*key;
	char		*canon;
	enum path_kind	 kind;	/* of canon: never PATH_LINK */
};

struct path_cache {
	const struct path_fs	*fs;
	struct cache_ent	*v;
	size_t			 n;
	size_t			 cap;
	struct strmap		 index;	/* key -> its place in v */
};

struct path_cache *
path_cache_new(const struct path_fs *fs)
{
	struct path_cache *pc;

	pc = xcalloc(1, sizeof *pc);
	pc->fs = fs;
	strmap_init(&pc->index);
	return pc;
}

void
path_cache_free(struct path_cache *pc)
{
	size_t i;

	if (pc == NULL)
		return;
	for (i = 0; i < pc->n; i++) {
		free(pc->v[i].key);
		free(pc->v[i].canon);
	}
	free(pc->v);
	strmap_clear(&pc->index);
	free(pc);
}

/* The entry of the first len bytes of key (hash h), or NULL. */
static const struct cache_ent *
cache_find(const struct path_cache *pc, const char *key, size_t len,
    size_t h)
{
	const size_t *i = strmap_get(&pc->index, key, len, h);

	return i != NULL ? &pc->v[*i] : NULL;
}

static void
cache_put(struct path_cache *pc, const char *key, size_t len, size_t h,
    const char *canon, enum path_kind kind)
{
	struct cache_ent *e;

	if (pc->n == pc->cap) {
		pc->cap = pc->cap == 0 ? 64 : pc->cap * 2;
		pc->v = xreallocarray(pc->v, pc->cap, sizeof *pc->v);
	}
	e = &pc->v[pc->n];
	e->key = xstrndup(key, len);
	e->canon = xstrdup(canon);
	e->kind = kind;
	/* The map borrows the entry's own copy of the key. */
	*strmap_put(&pc->index, e->key, len, h, NULL) = pc->n++;
}

/* The hash h continued over bytes from..to of s (as hash_bytes). */
static size_t
hash_span(size_t h, const char *s, size_t from, size_t to)
{
	for (; from < to; from++)
		h = hash_more(h, s[from]);
	return h;
}

/* What parent/name is, with parent an existing canonical directory: the
 * canonical form (a new string) and its kind. */
static char *
cache_step(struct path_cache *pc, const char *parent, const char *name,
    size_t nlen, enum path_kind *kindp)
{
	size_t plen = strcmp(parent, "/") == 0 ? 0 : strlen(parent);
	char *joined, *real;
	enum path_kind kind;

	/* Plain concatenation: this runs once per path of a large policy. */
	joined = xmalloc(plen + nlen + 2);
	memcpy(joined, parent, plen);
	joined[plen] = '/';
	memcpy(joined + plen + 1, name, nlen);
	joined[plen + nlen + 1] = '\0';
	kind = pc->fs->kind(joined, pc->fs->arg);
	if (kind == PATH_LINK) {
		/* Rare: let realpath follow the chain. A dangling link stays
		 * as it is, like a missing file. */
		kind = PATH_MISSING;
		if ((real = pc->fs->realpath(joined, pc->fs->arg)) != NULL) {
			free(joined);
			joined = real;
			kind = pc->fs->is_dir(joined, pc->fs->arg) ? PATH_DIR :
			    PATH_OTHER;
		}
	}
	*kindp = kind;
	return joined;
}

/*
 * The canonical form of a clean absolute path (a new string), and what it
 * is. The directories on the way are looked up from the top with the hash
 * carried along, each prefix once; what exists is memoised, and a missing
 * path only when it is the top of a missing subtree, or path itself when
 * keep is set (a missing leaf, a socket not yet bound, is rarely asked for
 * twice, and there may be a hundred thousand of them).
 */
static char *
cache_resolve(struct path_cache *pc, const char *path, bool keep,
    enum path_kind *kindp)
{
	const struct cache_ent *hit;
	size_t len = strlen(path), h, start, end;
	enum path_kind kind;
	char *canon, *next, *out;

	h = hash_bytes(path, len);
	hit = cache_find(pc, path, len, h);
	if (hit != NULL) {
		*kindp = hit->kind;
		return xstrdup(hit->canon);
	}
	/* Most often the parent is known (the roots of a policy share their
	 * directories): one step from there. */
	for (end = len; end > 1 && path[end - 1] != '/'; end--)
		;
	if (end > 1 && (hit = cache_find(pc, path, end - 1,
	    hash_bytes(path, end - 1))) != NULL) {
		if (hit->kind != PATH_DIR) {
			xasprintf(&canon, "%s%s", hit->canon, path + end - 1);
			*kindp = PATH_MISSING;
			return canon;
		}
		canon = cache_step(pc, hit->canon, path + end, len - end, &kind);
		if (kind != PATH_MISSING || keep)
			cache_put(pc, path, len, hash_bytes(path, len), canon,
			    kind);
		*kindp = kind;
		return canon;
	}
	canon = xstrdup("/");
	kind = PATH_DIR;
	h = hash_bytes(path, 1);
	if (cache_find(pc, path, 1, h) == NULL)
		cache_put(pc, "/", 1, h, "/", PATH_DIR);
	for (start = 1; start < len; start = end + 1) {
		for (end = start; end < len && path[end] != '/'; end++)
			;
		/* h was the hash of path[0, start - 1) ("/" at first):
		 * add the '/' and the component. */
		h = hash_span(h, path, start == 1 ? 1 : start - 1, end);
		hit = cache_find(pc, path, end, h);
		if (hit != NULL) {
			free(canon);
			canon = xstrdup(hit->canon);
			kind = hit->kind;
		} else {
			next = cache_step(pc, canon, path + start,
			    end - start, &kind);
			free(canon);
			canon = next;
			if (kind != PATH_MISSING || end < len || keep)
				cache_put(pc, path, end, h, canon, kind);
		}
		if (kind != PATH_DIR && end < len) {
			/* Nothing below a missing path or a file exists. */
			xasprintf(&out, "%s%s", canon, path + end);
			free(canon);
			*kindp = PATH_MISSING;
			return out;
		}
	}
	*kindp = kind;
	return canon;
}

char *
path_cache_canon(struct path_cache *pc, const char *path)
{
	enum path_kind kind;

	if (pc->fs->kind == NULL)
		return path_canon(path, pc->fs);
	return cache_resolve(pc, path, false, &kind);
}

enum path_kind
path_cache_kind(struct path_cache *pc, const char *path)
{
	enum path_kind kind;
	char *real;

	if (pc->fs->kind == NULL) {
		if (pc->fs->is_dir(path, pc->fs->arg))
			return PATH_DIR;
		if ((real = pc->fs->realpath(path, pc->fs->arg)) == NULL)
			return PATH_MISSING;
		free(real);
		return PATH_OTHER;
	}
	free(cache_resolve(pc, path, true, &kind));
	return kind;
}

char *
path_canon(const char *path, const struct path_fs *fs)
{
	char *prefix, *real, *out;
	size_t end;

	if ((real = fs->realpath(path, fs->arg)) != NULL)
		return real;

	/* Walk back one component at a time to the longest existing prefix. */
	prefix = xstrdup(path);
	end = strlen(prefix);
	for (;;) {
		while (end > 0 && prefix[end - 1] != '/')
			end--;
		if (end <= 1) {
			/* Nothing but "/" exists: nothing to resolve. */
			free(prefix);
			return xstrdup(path);
		}
		prefix[end - 1] = '\0';
		end--;
		if ((real = fs->realpath(prefix, fs->arg)) != NULL)
			break;
	}
	xasprintf(&out, "%s%s%s", real, strcmp(real, "/") == 0 ? "" : "/",
	    path + end + 1);
	free(real);
	free(prefix);
	return out;
}

bool
path_is_under(const char *path, const char *dir)
{
	size_t n = strlen(dir);

	if (strcmp(dir, "/") == 0)
		return path[0] == '/';
	return strncmp(path, dir, n) == 0 &&
	    (path[n] == '\0' || path[n] == '/');
}
