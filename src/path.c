/* SPDX-License-Identifier: ISC */
/* path.c: lexical path handling and canonicalisation through a resolver. */
#include "config.h"

#include "path.h"

#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
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
	if (s[0] != '/')
		return false;
	if (s[1] == '\0')
		return true;
	/* What follows each '/' must be a name: not empty ("//", a trailing
	 * '/'), "." or "..". strchr finds the next '/' faster than a loop
	 * over the bytes of the name: every path of a params file is asked. */
	for (; s != NULL; s = strchr(s + 1, '/')) {
		if (s[1] == '/' || s[1] == '\0')
			return false;
		if (s[1] == '.' && (s[2] == '/' || s[2] == '\0' ||
		    (s[2] == '.' && (s[3] == '/' || s[3] == '\0'))))
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
	struct strmap	 set;	/* of the names, by hash_words */
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
	/* The parent directory last found, for the next path in it (see
	 * in_last_dir): its place in v (or SIZE_MAX), the length of its key
	 * and its hash. */
	size_t			 last;
	size_t			 last_len;
	size_t			 last_hash;
	struct buf		 out;	/* a result not memoised, lent */
};

struct path_cache *
path_cache_new(const struct path_fs *fs)
{
	struct path_cache *pc;

	pc = xcalloc(1, sizeof *pc);
	pc->fs = fs;
	strmap_init(&pc->index);
	strmap_init(&pc->list_index);
	pc->last = SIZE_MAX;
	buf_init(&pc->out);
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
	buf_clear(&pc->out);
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

/* Adds the first len bytes of key (hash h), whose canonical form is the
 * clen bytes of canon; returns its place in v. */
static size_t
cache_put(struct path_cache *pc, const char *key, size_t len, size_t h,
    const char *canon, size_t clen, enum path_kind kind)
{
	struct cache_ent *e;

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
	memcpy(e->canon, canon, clen);
	e->canon[clen] = '\0';
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
		(void)strmap_put(&l->set, p, plen, hash_words(p, plen), NULL);
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

/*
 * fold on eight ASCII bytes at once: a byte of 'A' to 'Z' is one that
 * adding 0x80 - 'A' lifts to 0x80 or more and adding 0x80 - 'Z' - 1 does
 * not (no byte carries into the next, all being below 0x80), and it gets
 * 0x20 added, the high bit moved down two places.
 */
static inline uint64_t
fold_word(uint64_t w)
{
	const uint64_t high = 0x8080808080808080u;
	uint64_t upper = (w + 0x3f3f3f3f3f3f3f3fu) &
	    ~(w + 0x2525252525252525u) & high;

	return w | upper >> 2;
}

/* Whether name (nlen bytes) is surely not in the listed directory l: an
 * ASCII name that is not there even folded. Every missing socket of a
 * large policy is asked, so the name is folded eight bytes at a step, and
 * the set is by hash_words (no prefix of a name is ever looked up). */
static bool
list_lacks(const struct dir_list *l, const char *name, size_t nlen)
{
	char folded[LIST_NAME_MAX];
	uint64_t w;
	size_t i;

	if (l->names == NULL || nlen > sizeof folded)
		return false;
	for (i = 0; i + 8 <= nlen; i += 8) {
		memcpy(&w, name + i, 8);
		if ((w & 0x8080808080808080u) != 0)
			return false;	/* as below */
		w = fold_word(w);
		memcpy(folded + i, &w, 8);
	}
	for (; i < nlen; i++) {
		if ((unsigned char)name[i] >= 0x80)
			return false;	/* normalised, folded: ask the lstat */
		folded[i] = fold(name[i]);
	}
	return strmap_get(&l->set, folded, nlen,
	    hash_words(folded, nlen)) == NULL;
}

/* What dir/name is, with dir (the entry at place dir in v) an existing
 * canonical directory: its kind, and its canonical form in pc->out. */
static enum path_kind
cache_step(struct path_cache *pc, size_t dir, const char *name, size_t nlen)
{
	struct cache_ent *e = &pc->v[dir];
	struct buf *joined = &pc->out;
	size_t plen = e->canon_len == 1 ? 0 : e->canon_len;
	char *real;
	enum path_kind kind;

	/* Into the one buffer, not a new string: this runs once per path of
	 * a large policy, and most results are copied once and dropped. */
	buf_reset(joined);
	buf_add(joined, e->canon, plen);
	buf_putc(joined, '/');
	buf_add(joined, name, nlen);
	if (e->list != 0 && list_lacks(&pc->lists[e->list - 1], name, nlen))
		return PATH_MISSING;
	kind = pc->fs->kind(joined->data, pc->fs->arg);
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
		if ((real = pc->fs->realpath(joined->data,
		    pc->fs->arg)) != NULL) {
			buf_reset(joined);
			buf_puts(joined, real);
			free(real);
			kind = pc->fs->is_dir(joined->data, pc->fs->arg) ?
			    PATH_DIR : PATH_OTHER;
		}
	}
	return kind;
}

/* The entry at place at's canonical path followed by rest, in pc->out. */
static const char *
cache_below(struct path_cache *pc, size_t at, const char *rest,
    size_t *lenp)
{
	buf_reset(&pc->out);
	buf_add(&pc->out, pc->v[at].canon, pc->v[at].canon_len);
	buf_puts(&pc->out, rest);
	*lenp = pc->out.len;
	return pc->out.data;
}

/*
 * Whether path (len bytes) is a name in the directory last found as a
 * parent (pc->last): that directory, a '/' and a name with no '/'. It is
 * how the sockets of a large policy come, and a compare then costs less
 * than a scan for the parent, its hash and a look-up.
 */
static bool
in_last_dir(const struct path_cache *pc, const char *path, size_t len)
{
	size_t n = pc->last_len;

	return pc->last != SIZE_MAX && len > n + 1 && path[n] == '/' &&
	    memcmp(pc->v[pc->last].key, path, n) == 0 &&
	    memchr(path + n + 1, '/', len - n - 1) == NULL;
}

/*
 * The canonical form of a clean absolute path of len bytes and what it
 * is; in_last (in_last_dir's answer) says where its parent is known. The
 * canonical form is lent (an entry's, or pc->out's until the next call),
 * and *lenp is its length: most are copied once, into a profile's store.
 * The directories on the way are looked up from the top with the hash
 * carried along, each prefix once; what exists is memoised, and a missing
 * path only when it is the top of a missing subtree, or path itself when
 * keep is set (a missing leaf, a socket not yet bound, is rarely asked for
 * twice, and there may be a hundred thousand of them).
 */
static const char *
cache_resolve(struct path_cache *pc, const char *path, size_t len,
    bool in_last, bool keep, enum path_kind *kindp, size_t *lenp)
{
	const struct cache_ent *hit;
	size_t h, hp, start, end, at, parent = SIZE_MAX;
	enum path_kind kind;
	const char *canon;

	/* The hash of the parent on the way to the path's own. */
	if (in_last) {
		parent = pc->last;
		end = pc->last_len + 1;
		hp = pc->last_hash;
	} else {
		for (end = len; end > 1 && path[end - 1] != '/'; end--)
			;
		hp = hash_bytes(path, end - 1);
	}
	h = hash_span(hp, path, end - 1, len);
	hit = cache_find(pc, path, len, h);
	if (hit != NULL) {
		*kindp = hit->kind;
		*lenp = hit->canon_len;
		return hit->canon;
	}
	/* Most often the parent is known (the roots of a policy share their
	 * directories): one step from there. */
	if (parent == SIZE_MAX && end > 1 &&
	    (hit = cache_find(pc, path, end - 1, hp)) != NULL) {
		parent = (size_t)(hit - pc->v);
		pc->last = parent;
		pc->last_len = end - 1;
		pc->last_hash = hp;
	}
	if (parent != SIZE_MAX) {
		if (pc->v[parent].kind != PATH_DIR) {
			*kindp = PATH_MISSING;
			return cache_below(pc, parent, path + end - 1, lenp);
		}
		kind = cache_step(pc, parent, path + end, len - end);
		if (kind != PATH_MISSING || keep)
			(void)cache_put(pc, path, len, h, pc->out.data,
			    pc->out.len, kind);
		*kindp = kind;
		*lenp = pc->out.len;
		return pc->out.data;
	}
	h = hash_bytes(path, 1);
	if ((hit = cache_find(pc, path, 1, h)) != NULL)
		at = (size_t)(hit - pc->v);
	else
		at = cache_put(pc, "/", 1, h, "/", 1, PATH_DIR);
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
			kind = cache_step(pc, at, path + start, end - start);
			canon = pc->out.data;
			if (kind != PATH_MISSING || end < len || keep) {
				at = cache_put(pc, path, end, h, pc->out.data,
				    pc->out.len, kind);
				canon = NULL;
			}
		}
		if (kind != PATH_DIR && end < len) {
			/* Nothing below a missing path or a file exists. */
			*kindp = PATH_MISSING;
			return cache_below(pc, at, path + end, lenp);
		}
	}
	*kindp = kind;
	if (canon != NULL) {
		*lenp = pc->out.len;
		return canon;
	}
	*lenp = pc->v[at].canon_len;
	return pc->v[at].canon;
}

/* Whether name, the last of a path, is one that path_is_clean allows:
 * not "." or ".." (nor empty, which in_last_dir rules out). */
static bool
name_is_clean(const char *name)
{
	return !(name[0] == '.' && (name[1] == '\0' ||
	    (name[1] == '.' && name[2] == '\0')));
}

const char *
path_cache_canon_clean(struct path_cache *pc, const char *path, size_t *len)
{
	enum path_kind kind;
	size_t n = strlen(path);
	char *canon;

	/* In the last directory only the name is new, and the rest is
	 * clean: a key of the cache, the prefix of a path it was given, and
	 * it is given clean paths only (path_canon's). */
	if (pc->fs->kind != NULL && in_last_dir(pc, path, n))
		return name_is_clean(path + pc->last_len + 1) ?
		    cache_resolve(pc, path, n, true, false, &kind, len) : NULL;
	if (!path_is_clean(path))
		return NULL;
	if (pc->fs->kind == NULL) {
		canon = path_canon(path, pc->fs);
		buf_reset(&pc->out);
		buf_puts(&pc->out, canon);
		free(canon);
		*len = pc->out.len;
		return pc->out.data;
	}
	return cache_resolve(pc, path, n, false, false, &kind, len);
}

char *
path_cache_canon(struct path_cache *pc, const char *path)
{
	enum path_kind kind;
	const char *canon;
	size_t len = strlen(path), clen;

	if (pc->fs->kind == NULL)
		return path_canon(path, pc->fs);
	canon = cache_resolve(pc, path, len, in_last_dir(pc, path, len),
	    false, &kind, &clen);
	return xstrndup(canon, clen);
}

enum path_kind
path_cache_kind(struct path_cache *pc, const char *path)
{
	enum path_kind kind;
	char *real;
	size_t len, clen;

	if (pc->fs->kind == NULL) {
		if (pc->fs->is_dir(path, pc->fs->arg))
			return PATH_DIR;
		if ((real = pc->fs->realpath(path, pc->fs->arg)) == NULL)
			return PATH_MISSING;
		free(real);
		return PATH_OTHER;
	}
	len = strlen(path);
	(void)cache_resolve(pc, path, len, in_last_dir(pc, path, len), true,
	    &kind, &clen);
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
