/* SPDX-License-Identifier: ISC */
/* path.h: lexical path handling and canonicalisation through a resolver. */
#ifndef SBPOLICY_PATH_H
#define SBPOLICY_PATH_H

#include <stdbool.h>
#include <stddef.h>

enum path_kind {
	PATH_MISSING,	/* does not exist (or cannot be looked at) */
	PATH_LINK,	/* a symbolic link */
	PATH_DIR,	/* a directory */
	PATH_OTHER,	/* anything else: file, socket, device */
};

/*
 * File system probes, injected so tests can fake macOS's /tmp -> /private/tmp
 * and the generator never touches the disk on its own.
 */
struct path_fs {
	/* realpath(3) of an existing path, or NULL; the result is freed by the caller */
	char	*(*realpath)(const char *path, void *arg);
	/* true when path names a directory (symlinks followed) */
	bool	 (*is_dir)(const char *path, void *arg);
	/* at most max bytes of a regular file (symlinks followed; no directory,
	 * no device), NUL-terminated, or NULL */
	char	*(*read_file)(const char *path, size_t max, void *arg);
	void	*arg;
	/*
	 * Optional, for speed: what path is without following a final
	 * symlink (lstat). When NULL, canonicalisation uses realpath alone.
	 */
	enum path_kind (*kind)(const char *path, void *arg);
	/*
	 * Optional, for speed: the names in directory path but "." and "..",
	 * each NUL-terminated, one after another, *len bytes in all (a new
	 * string, freed by the caller); NULL when it cannot be read whole or
	 * the names would pass max bytes. The path cache reads a directory
	 * in which many of the names it was asked about were missing, once,
	 * rather than lstat each name that is not there.
	 */
	char	*(*list_dir)(const char *path, size_t max, size_t *len,
		    void *arg);
};

/* The real file system. */
extern const struct path_fs path_fs_posix;

/* Lexical clean-up of an absolute path: "//" and "/./" collapse, "x/.."
 * removes x, a trailing "/" goes (except for "/" itself). Returns a new string. */
char	*path_clean(const char *);

/* Whether path_clean would return the path as it is. */
bool	 path_is_clean(const char *);

/* dir + "/" + rel, cleaned. Returns a new string. */
char	*path_join(const char *dir, const char *rel);

/*
 * Canonicalises a clean absolute path: the longest prefix that exists is
 * resolved with fs->realpath and the not-yet-existing rest appended, so a
 * socket that will only be created later still gets its /private/... form.
 * Returns a new string.
 */
char	*path_canon(const char *, const struct path_fs *);

/*
 * A memo of canonical prefixes for many path_canon-like calls in a row (the
 * generator resolves thousands of paths that share directories): each new
 * path then costs one lstat of its last component, or none when it is
 * missing from a directory the cache has listed (fs->list_dir: one in
 * which many names were missing). It borrows fs; results go stale when the
 * file system changes, so keep one only for one batch.
 */
struct path_cache;

struct path_cache	*path_cache_new(const struct path_fs *);
void			 path_cache_free(struct path_cache *);
/* path_canon through the cache. Returns a new string. */
char			*path_cache_canon(struct path_cache *, const char *);
/* The same for a path that path_is_clean accepts, lent until the next
 * call on the cache, *len its length; NULL for any other path. For a
 * caller that copies it anyway: one path of a hundred thousand. */
const char		*path_cache_canon_clean(struct path_cache *,
			    const char *, size_t *len);
/* What a canonical path is (symlinks in it followed), through the cache. */
enum path_kind		 path_cache_kind(struct path_cache *, const char *);

/* True when path equals dir or lies below it, component-wise. */
bool	 path_is_under(const char *path, const char *dir);

#endif
