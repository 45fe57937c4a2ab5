/* SPDX-License-Identifier: ISC */
/* fileio.h: reading a whole file with a size cap, and safe replacement. */
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
 * Writing a file in two steps, so that several files can be written all or
 * nothing: file_write_prepare does everything that can fail for want of a
 * directory, a permission or disk space; file_write_commit puts the data in
 * place. Prepare every file first, then commit them, and abort the rest
 * when one fails. What is at path decides how the data gets there:
 *
 *  - A symlink is followed, so the link stays a link and its target gets
 *    the data; a relative target is taken from the link's directory, and a
 *    dangling link creates its target.
 *  - A directory is an error: "FILE: is a directory" (also for a path that
 *    ends in '/').
 *  - A regular file, or nothing, is replaced atomically. Prepare writes the
 *    data to a new "DIR/.sbpolicy.XXXXXX" next to the target and fsyncs it;
 *    commit renames it over the target and fsyncs DIR. The new file keeps
 *    the permission bits of the file it replaces (and its owner and group,
 *    where we may set them); a new file gets 0666 less the umask.
 *  - Anything else (a character device such as /dev/null, a FIFO) cannot be
 *    replaced without harm, and there is nothing to replace atomically:
 *    prepare opens it with O_WRONLY | O_TRUNC (which waits for a reader on
 *    a FIFO, as the shell's > does) and commit writes the data to it.
 *
 * prepare returns 0, or -1 with err set, path untouched and nothing to
 * release. data is borrowed until commit or abort. After a 0, exactly one
 * of file_write_commit and file_write_abort must follow; both release w.
 * commit returns 0, or -1 with err set: the temporary file is gone and path
 * untouched, except that a direct write may have written part of the data.
 * abort removes the temporary file (or closes the opened target) and leaves
 * path as it was. Errors name path as given, through sb_show_name:
 * "FILE: No such file or directory", "FILE: Permission denied".
 */
struct file_write {
	char		*name;	/* path as given */
	char		*target;	/* path with its symlinks followed */
	char		*tmp;	/* the temporary file, or NULL (direct) */
	int		 fd;	/* direct: the opened target; else -1 */
	const char	*data;	/* direct: what commit writes; borrowed */
	size_t		 len;
};

int	file_write_prepare(struct file_write *w, const char *path,
	    const char *data, size_t len, struct sb_error *);
int	file_write_commit(struct file_write *w, struct sb_error *);
void	file_write_abort(struct file_write *w);

/*
 * Regular files only: anything at path (symlinks followed) that is neither
 * a regular file nor nothing is refused, "FILE: not a regular file" (a
 * directory keeps "FILE: is a directory"). The target is then never opened,
 * only replaced by rename(2), so nothing can block: a FIFO swapped in after
 * the check is replaced, not written to. For a file that must be a file,
 * such as the TUI's params file.
 */
#define FILE_WRITE_REGULAR	0x1u

/* file_write_prepare with flags (FILE_WRITE_*; 0: as file_write_prepare). */
int	file_write_prepare_flags(struct file_write *w, const char *path,
	    const char *data, size_t len, unsigned flags, struct sb_error *);

/*
 * file_write_prepare and file_write_commit in one: replaces path with data
 * as above (atomically unless path is a device or a FIFO). Returns 0, or -1
 * with err set and path untouched.
 */
int	file_write_atomic(const char *path, const char *data, size_t len,
	    struct sb_error *);
/* The same with flags, as for file_write_prepare_flags. */
int	file_write_atomic_flags(const char *path, const char *data, size_t len,
	    unsigned flags, struct sb_error *);

#endif
