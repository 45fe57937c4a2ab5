/* SPDX-License-Identifier: ISC */
/* fileio.h: reading a whole file with a size cap, and atomic replacement. */
#ifndef SBPOLICY_FILEIO_H
#define SBPOLICY_FILEIO_H

#include <stddef.h>

#include "err.h"

/*
 * Reads all of a regular file, refusing more than max bytes. Returns a new
 * NUL-terminated buffer (free(3)) and sets *len, or NULL with err set:
 * "FILE: No such file or directory", "FILE: is a directory",
 * "FILE: larger than N bytes". FILE is the path through sb_show_name.
 */
char	*file_read(const char *path, size_t max, size_t *len, struct sb_error *);

/*
 * Replaces path with data atomically: a new file "DIR/.NAME.XXXXXX" in the same
 * directory (mode 0644 less the umask), fsync, rename over path, fsync of the
 * directory. On failure the temporary file is removed, path is untouched and
 * -1 is returned with err set.
 */
int	file_write_atomic(const char *path, const char *data, size_t len,
	    struct sb_error *);

#endif
