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
 * The memo: open addressing over (path -> canonical path, exists). A missing
 * directory's children are missing too, which saves their lookups.
 */
struct cache_slot {
	char		*key;
	char		*canon;
	enum path_kind	 kind;	/* of canon: never PATH_LINK */
};

struct path_cache {
	const struct path_fs	*fs;
	struct cache_slot	*slots;
	size_t			 cap;	/* a power of two */
	size_t			 used;
};

struct path_cache *
path_cache_new(const struct path_fs *fs)
{
	struct path_cache *pc;

	pc = xcalloc(1, sizeof *pc);
	pc->fs = fs;
	pc->cap = 64;
	pc->slots = xcalloc(pc->cap, sizeof *pc->slots);
	return pc;
}

void
path_cache_free(struct path_cache *pc)
{
	size_t i;

	if (pc == NULL)
		return;
	for (i = 0; i < pc->cap; i++) {
		free(pc->slots[i].key);
		free(pc->slots[i].canon);
	}
	free(pc->slots);
	free(pc);
}

static struct cache_slot *
cache_find(struct path_cache *pc, const char *key)
{
	size_t i = hash_bytes(key, strlen(key)) & (pc->cap - 1);

	while (pc->slots[i].key != NULL && strcmp(pc->slots[i].key, key) != 0)
		i = (i + 1) & (pc->cap - 1);
	return &pc->slots[i];
}

static void
cache_put(struct path_cache *pc, const char *key, const char *canon,
    enum path_kind kind)
{
	struct cache_slot *old, *s;
	size_t oldcap, i;

	if ((pc->used + 1) * 2 > pc->cap) {
		old = pc->slots;
		oldcap = pc->cap;
		pc->cap *= 2;
		pc->slots = xcalloc(pc->cap, sizeof *pc->slots);
		for (i = 0; i < oldcap; i++) {
			if (old[i].key != NULL)
				*cache_find(pc, old[i].key) = old[i];
		}
		free(old);
	}
	s = cache_find(pc, key);
	s->key = xstrdup(key);
	s->canon = xstrdup(canon);
	s->kind = kind;
	pc->used++;
}

/*
 * The canonical form of a clean absolute path (a new string), and what it
 * is. Every directory on the way is memoised; path itself only when it
 * exists or keep is set, since a missing leaf (a socket not yet bound) is
 * rarely asked for twice and there may be ten thousand of them.
 */
static char *
cache_resolve(struct path_cache *pc, const char *path, bool keep,
    enum path_kind *kindp)
{
	const struct cache_slot *hit;
	char *dir, *parent, *joined, *real;
	const char *slash;
	size_t plen, slen;
	enum path_kind kind = PATH_MISSING, pkind;

	hit = cache_find(pc, path);
	if (hit->key != NULL) {
		*kindp = hit->kind;
		return xstrdup(hit->canon);
	}
	if (strcmp(path, "/") == 0) {
		cache_put(pc, "/", "/", PATH_DIR);
		*kindp = PATH_DIR;
		return xstrdup("/");
	}
	slash = strrchr(path, '/');
	dir = slash == path ? xstrdup("/") : xstrndup(path,
	    (size_t)(slash - path));
	parent = cache_resolve(pc, dir, true, &pkind);
	/* Plain concatenation: this runs once per path of a large policy. */
	plen = strcmp(parent, "/") == 0 ? 0 : strlen(parent);
	slen = strlen(slash);
	joined = xmalloc(plen + slen + 1);
	memcpy(joined, parent, plen);
	memcpy(joined + plen, slash, slen + 1);
	if (pkind == PATH_DIR) {
		kind = pc->fs->kind(joined, pc->fs->arg);
		if (kind == PATH_LINK) {
			/* Rare: let realpath follow the chain. A dangling
			 * link stays as it is, like a missing file. */
			kind = PATH_MISSING;
			if ((real = pc->fs->realpath(joined,
			    pc->fs->arg)) != NULL) {
				free(joined);
				joined = real;
				kind = pc->fs->is_dir(joined, pc->fs->arg) ?
				    PATH_DIR : PATH_OTHER;
			}
		}
	}
	if (keep || kind != PATH_MISSING)
		cache_put(pc, path, joined, kind);
	free(parent);
	free(dir);
	*kindp = kind;
	return joined;
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
