/* SPDX-License-Identifier: ISC */
/* helpers.h: small shared helpers for the cmocka tests. */
#ifndef SBPOLICY_TESTS_HELPERS_H
#define SBPOLICY_TESTS_HELPERS_H

#include <stdbool.h>
#include <stddef.h>

#include "gen.h"
#include "path.h"

/* $top_srcdir, or "." when the harness did not set it. */
const char	*test_srcdir(void);
/* $top_srcdir/rel as a new string. */
char		*test_srcpath(const char *rel);
/* The whole file as a new NUL-terminated string, or NULL; *len if non-NULL. */
char		*test_slurp(const char *path, size_t *len);
/* Entries of dir other than . and .. (so a stray temporary file shows),
 * or (size_t)-1 when dir cannot be read. */
size_t		 test_count_entries(const char *dir);
/* Writes data to path (truncating); returns 0 or -1. */
int		 test_write_file(const char *path, const char *data, size_t len);

/*
 * A fake file system for the generator: a table of existing paths, each a
 * directory, a regular file with contents, or a symlink to another path.
 * Lookups resolve symlinks component by component like realpath(3).
 */
struct test_fs_entry {
	const char	*path;
	char		 type;	/* 'd' directory, 'f' file, 'l' symlink */
	const char	*data;	/* file contents, or the symlink target */
};

/* A path_fs over a NULL-terminated table (borrowed for the fs's lifetime). */
struct path_fs	 test_fs(const struct test_fs_entry *table);

/* The macOS layout the golden tests assume: /tmp, /var, /etc -> /private/...,
 * /Users/me/project (with a .git directory), /Users/me/wt (.git file),
 * /Users/me/lnk -> "we*ird[1]", /Users/me/symgit/.git -> /Users/me/real.git,
 * /Users/me/lk/.git -> ../gitfile, a "gitdir:" file. */
extern const struct test_fs_entry test_fs_macos[];

/* A generator context on test_fs_macos: cwd /Users/me/project, home
 * /Users/me, TMPDIR /var/folders/xy/T/. */
void	test_macos_ctx(struct gen_ctx *);

/* The value of parameter key in r, or NULL. */
const char *test_param(const struct gen_result *, const char *key);

#endif
