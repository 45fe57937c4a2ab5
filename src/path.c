/* SPDX-License-Identifier: ISC */
/* path.c: lexical path handling and canonicalisation through a resolver. */
#include "config.h"

#include "path.h"

#include <sys/stat.h>

#include <dirent.h>
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

static char *
posix_list_dir(const char *path, size_t max, size_t *lenp, void *arg)
{
	struct dirent *de;
	DIR *d;
	char *names = NULL;
	size_t len = 0, cap = 0, n;

	(void)arg;
	if ((d = opendir(path)) == NULL)
		return NULL;
	for (;;) {
		errno = 0;
		if ((de = readdir(d)) == NULL)
			break;
		if (strcmp(de->d_name, ".") == 0 ||
		    strcmp(de->d_name, "..") == 0)
			continue;
		n = strlen(de->d_name) + 1;
		if (n > max - len) {
			errno = E2BIG;
			break;
		}
		if (len + n > cap) {
			cap = cap == 0 ? 4096 : cap * 2;
			while (cap < len + n)
				cap *= 2;
			names = xreallocarray(names, cap, 1);
		}
		memcpy(names + len, de->d_name, n);
		len += n;
	}
	/* A listing with a name left out would say that name is missing. */
	if (errno != 0) {
		closedir(d);
		free(names);
		return NULL;
	}
	closedir(d);
	if (names == NULL)
		names = xmalloc(1);
	*lenp = len;
	return names;
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
	posix_realpath, posix_is_dir, posix_read_file, NULL, posix_kind,
	posix_list_dir
};

bool
path_is_clean(const char *s)
{
	const char *seg;

	if (s[0] != '/')
		return false;
	if (s[1] == '\0')
		return true;
	while (*s == '/') {
		seg = ++s;
		while (*s != '/' && *s != '\0')
			s++;
		/* Empty ("//", a trailing '/'), "." or "..". */
		if (s == seg || (seg[0] == '.' && (s == seg + 1 ||
		    (seg[1] == '.' && s == seg + 2))))
			return false;
	}
	return true;
}

char *
path_clean(const char *in)
{
	const char *p = in, *seg;
	char *out;
	size_t len = 0, n;

	/* Most paths are clean already: one copy. */
	if (path_is_clean(in)) {
		n = strlen(in);
		out = xmalloc(n + 1);
		memcpy(out, in, n + 1);
		return out;
	}
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
	char		*key;	/* NUL-terminated; canon follows in the block */
	char		*canon;
	size_t		 canon_len;
	enum path_kind	 kind;	/* of canon: never PATH_LINK */
	unsigned	 misses;	/* names not in it, up to LIST_AFTER */
	size_t		 list;	/* 1 + its listing in lists, or 0 for none */
};

/*
 * The names of a directory in which LIST_AFTER names were missing, for
 * answering "missing" without an lstat.
 * Memory stays bounded: a listing holds at most LIST_MAX bytes of names
 * and LIST_NAMES of them, all the listings of a cache about LIST_TOTAL
 * bytes with their tables; past that a directory is not listed.
 */
#define LIST_AFTER	16
#define LIST_MAX	(1 << 20)
#define LIST_NAMES	65536
#define LIST_TOTAL	(16 << 20)
#define LIST_NAME_MAX	255	/* longer: not on macOS, and the lstat says so */

struct dir_list {
	char		*dir;	/* canonical; the key of list_index */
	char		*names;	/* folded; NULL: no listing to trust */
	struct strmap	 set;	/* of the names */
};

struct path_cache {
	const struct path_fs	*fs;
	struct cache_ent	*v;
	size_t			 n;
	size_t			 cap;
	struct strmap		 index;	/* key -> its place in v */
	struct dir_list		*lists;
	size_t			 nlists;
	size_t			 listcap;
	size_t			 list_bytes;	/* of every listing, about */
	struct strmap		 list_index;	/* dir -> its place in lists */
};

struct path_cache *
path_cache_new(const struct path_fs *fs)
{
	struct path_cache *pc;

	pc = xcalloc(1, sizeof *pc);
	pc->fs = fs;
	strmap_init(&pc->index);
	strmap_init(&pc->list_index);
	return pc;
}

void
path_cache_free(struct path_cache *pc)
{
	size_t i;

	if (pc == NULL)
		return;
	for (i = 0; i < pc->n; i++)
		free(pc->v[i].key);
	free(pc->v);
	strmap_clear(&pc->index);
	for (i = 0; i < pc->nlists; i++) {
		free(pc->lists[i].dir);
		free(pc->lists[i].names);
		strmap_clear(&pc->lists[i].set);
	}
	free(pc->lists);
	strmap_clear(&pc->list_index);
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

/* Adds the first len bytes of key (hash h); returns its place in v. */
static size_t
cache_put(struct path_cache *pc, const char *key, size_t len, size_t h,
    const char *canon, enum path_kind kind)
{
	struct cache_ent *e;
	size_t clen = strlen(canon);

	if (pc->n == pc->cap) {
		pc->cap = pc->cap == 0 ? 64 : pc->cap * 2;
		pc->v = xreallocarray(pc->v, pc->cap, sizeof *pc->v);
	}
	e = &pc->v[pc->n];
	/* One block for both strings: half the allocations. */
	e->key = xmalloc(len + clen + 2);
	memcpy(e->key, key, len);
	e->key[len] = '\0';
	e->canon = e->key + len + 1;
	memcpy(e->canon, canon, clen + 1);
	e->canon_len = clen;
	e->kind = kind;
	e->misses = 0;
	e->list = 0;
	/* The map borrows the entry's own copy of the key. */
	*strmap_put(&pc->index, e->key, len, h, NULL) = pc->n;
	return pc->n++;
}

/* The hash h continued over bytes from..to of s (as hash_bytes). */
static size_t
hash_span(size_t h, const char *s, size_t from, size_t to)
{
	for (; from < to; from++)
		h = hash_more(h, s[from]);
	return h;
}

/* ASCII upper case to lower, as a case-insensitive file system compares
 * ASCII names; every other byte as it is. */
static inline char
fold(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/*
 * Reads canonical directory dir into l. The names are kept folded: macOS
 * file systems are case-insensitive by default, and a name not in the
 * folded listing is missing there as on a case-sensitive one. A directory
 * with a name that is not ASCII is not trusted at all, for such a name may
 * fold or normalise to an ASCII one (KELVIN SIGN, U+212A, is "k").
 */
static void
list_read(struct path_cache *pc, struct dir_list *l)
{
	char *names, *p, *end;
	size_t len, n = 0, cost, plen;

	if (pc->list_bytes >= LIST_TOTAL ||
	    (names = pc->fs->list_dir(l->dir, LIST_MAX, &len,
	    pc->fs->arg)) == NULL)
		return;
	for (p = names, end = names + len; p < end; p++) {
		if ((unsigned char)*p >= 0x80)
			break;
		if (*p == '\0')
			n++;
		else
			*p = fold(*p);
	}
	/* The names and the table's slots (at most half full). */
	cost = len + 4 * (n + 1) * sizeof(struct strmap_slot);
	if (p < end || n > LIST_NAMES || cost > LIST_TOTAL - pc->list_bytes) {
		free(names);
		return;
	}
	pc->list_bytes += cost;
	l->names = names;
	strmap_reserve(&l->set, n);
	for (p = names; p < end; p += plen + 1) {
		plen = strlen(p);
		(void)strmap_put(&l->set, p, plen, hash_bytes(p, plen), NULL);
	}
}

/* The place in lists of the listing of canonical directory dir (len
 * bytes), read the first time: the keys that lead there share it. */
static size_t
list_get(struct path_cache *pc, const char *dir, size_t len)
{
	struct dir_list *l;
	size_t h = hash_bytes(dir, len), *k;

	if ((k = strmap_get(&pc->list_index, dir, len, h)) != NULL)
		return *k;
	if (pc->nlists == pc->listcap) {
		pc->listcap = pc->listcap == 0 ? 8 : pc->listcap * 2;
		pc->lists = xreallocarray(pc->lists, pc->listcap,
		    sizeof *pc->lists);
	}
	l = &pc->lists[pc->nlists];
	l->dir = xstrndup(dir, len);
	l->names = NULL;
	strmap_init(&l->set);
	list_read(pc, l);
	*strmap_put(&pc->list_index, l->dir, len, h, NULL) = pc->nlists;
	return pc->nlists++;
}

/* Whether name (nlen bytes) is surely not in the listed directory l: an
 * ASCII name that is not there even folded. */
static bool
list_lacks(const struct dir_list *l, const char *name, size_t nlen)
{
	char folded[LIST_NAME_MAX];
	size_t i, h = hash_bytes(name, 0);

	if (l->names == NULL || nlen > sizeof folded)
		return false;
	for (i = 0; i < nlen; i++) {
		if ((unsigned char)name[i] >= 0x80)
			return false;	/* normalised, folded: ask the lstat */
		folded[i] = fold(name[i]);
		h = hash_more(h, folded[i]);
	}
	return strmap_get(&l->set, folded, nlen, h) == NULL;
}

/* What dir/name is, with dir (the entry at place dir in v) an existing
 * canonical directory: the canonical form (a new string) and its kind. */
static char *
cache_step(struct path_cache *pc, size_t dir, const char *name, size_t nlen,
    enum path_kind *kindp)
{
	struct cache_ent *e = &pc->v[dir];
	size_t plen = e->canon_len == 1 ? 0 : e->canon_len;
	char *joined, *real;
	enum path_kind kind;

	/* Plain concatenation: this runs once per path of a large policy. */
	joined = xmalloc(plen + nlen + 2);
	memcpy(joined, e->canon, plen);
	joined[plen] = '/';
	memcpy(joined + plen + 1, name, nlen);
	joined[plen + nlen + 1] = '\0';
	if (e->list != 0 && list_lacks(&pc->lists[e->list - 1], name, nlen)) {
		*kindp = PATH_MISSING;
		return joined;
	}
	kind = pc->fs->kind(joined, pc->fs->arg);
	/* Many missing names in one directory (sockets not bound yet): one
	 * listing rather than a failed lstat each. Not for names that are
	 * there (roots): the lstat of each is needed anyway. */
	if (kind == PATH_MISSING && e->list == 0 &&
	    pc->fs->list_dir != NULL && ++e->misses >= LIST_AFTER)
		e->list = list_get(pc, e->canon, e->canon_len) + 1;
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

/* canon followed by path from end, as a new string. */
static char *
cache_below(const char *canon, const char *rest)
{
	size_t n = strlen(canon), m = strlen(rest);
	char *out = xmalloc(n + m + 1);

	memcpy(out, canon, n);
	memcpy(out + n, rest, m + 1);
	return out;
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
	size_t len = strlen(path), h, hp, start, end, at;
	enum path_kind kind;
	char *canon;

	/* The hash of the parent on the way to the path's own. */
	for (end = len; end > 1 && path[end - 1] != '/'; end--)
		;
	hp = hash_bytes(path, end - 1);
	h = hash_span(hp, path, end - 1, len);
	hit = cache_find(pc, path, len, h);
	if (hit != NULL) {
		*kindp = hit->kind;
		return xstrdup(hit->canon);
	}
	/* Most often the parent is known (the roots of a policy share their
	 * directories): one step from there. */
	if (end > 1 && (hit = cache_find(pc, path, end - 1, hp)) != NULL) {
		if (hit->kind != PATH_DIR) {
			*kindp = PATH_MISSING;
			return cache_below(hit->canon, path + end - 1);
		}
		canon = cache_step(pc, (size_t)(hit - pc->v), path + end,
		    len - end, &kind);
		if (kind != PATH_MISSING || keep)
			(void)cache_put(pc, path, len, h, canon, kind);
		*kindp = kind;
		return canon;
	}
	h = hash_bytes(path, 1);
	if ((hit = cache_find(pc, path, 1, h)) != NULL)
		at = (size_t)(hit - pc->v);
	else
		at = cache_put(pc, "/", 1, h, "/", PATH_DIR);
	canon = NULL;	/* the last step's, when it is not memoised */
	kind = PATH_DIR;
	for (start = 1; start < len; start = end + 1) {
		for (end = start; end < len && path[end] != '/'; end++)
			;
		/* h was the hash of path[0, start - 1) ("/" at first):
		 * add the '/' and the component. */
		h = hash_span(h, path, start == 1 ? 1 : start - 1, end);
		if ((hit = cache_find(pc, path, end, h)) != NULL) {
			at = (size_t)(hit - pc->v);
			kind = hit->kind;
		} else {
			canon = cache_step(pc, at, path + start, end - start,
			    &kind);
			if (kind != PATH_MISSING || end < len || keep) {
				at = cache_put(pc, path, end, h, canon, kind);
				free(canon);
				canon = NULL;
			}
		}
		if (kind != PATH_DIR && end < len) {
			/* Nothing below a missing path or a file exists. */
			*kindp = PATH_MISSING;
			return cache_below(pc->v[at].canon, path + end);
		}
	}
	*kindp = kind;
	return canon != NULL ? canon : xstrdup(pc->v[at].canon);
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
