/* SPDX-License-Identifier: ISC */
/* path.h: lexical path handling and canonicalisation through a resolver. */
#ifndef SBPOLICY_PATH_H
#define SBPOLICY_PATH_H

#include <stdbool.h>
#include <stddef.h>

/*
 * File system probes, injected so tests can fake macOS's /tmp -> /private/tmp
 * and the generator never touches the disk on its own.
 */
struct path_fs {
	/* realpath(3) of an existing path, or NULL; the result is freed by the caller */
	char	*(*realpath)(const char *path, void *arg);
	/* true when path names a directory (symlinks followed) */
	bool	 (*is_dir)(const char *path, void *arg);
	/* at most max bytes of a regular file (no directory, no device), NUL-terminated, or NULL */
	char	*(*read_file)(const char *path, size_t max, void *arg);
	void	*arg;
};

/* The real file system. */
extern const struct path_fs path_fs_posix;

/* Lexical clean-up of an absolute path: "//" and "/./" collapse, "x/.."
 * removes x, a trailing "/" goes (except for "/" itself). Returns a new string. */
char	*path_clean(const char *);

/* dir + "/" + rel, cleaned. Returns a new string. */
char	*path_join(const char *dir, const char *rel);

/* True when s holds a glob metacharacter: '*', '?' or '['. */
bool	 path_has_glob(const char *);

/*
 * Canonicalises a clean absolute path: the longest prefix that exists is
 * resolved with fs->realpath and the not-yet-existing rest appended, so a
 * socket that will only be created later still gets its /private/... form.
 * Returns a new string.
 */
char	*path_canon(const char *, const struct path_fs *);

/* True when path equals dir or lies below it, component-wise. */
bool	 path_is_under(const char *path, const char *dir);

#endif
