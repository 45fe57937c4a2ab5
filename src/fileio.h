/* SPDX-License-Identifier: ISC */
/* fileio.h: reading a whole file with a size cap, and safe replacement. */
#ifndef SBPOLICY_FILEIO_H
#define SBPOLICY_FILEIO_H

#include <sys/types.h>

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
 * place. Prepare every file first, then commit them with
 * file_write_commit_all (below), which orders the commits. What is at path
 * decides how the data gets there:
 *
 *  - A symlink is followed, so the link stays a link and its target gets
 *    the data; a relative target is taken from the link's directory, and a
 *    dangling link creates its target.
 *  - A directory is an error: "FILE: is a directory" (also for a path that
 *    ends in '/').
 *  - A regular file, or nothing, is replaced atomically. Prepare writes the
 *    data to the temporary file "DIR/.sbpolicy.NAME.tmp" beside the target
 *    DIR/NAME and fsyncs it; commit renames it over the target and fsyncs
 *    DIR. The new file keeps the permission bits of the file it replaces
 *    (and its owner and group, where we may set them); a new file gets 0666
 *    less the umask.
 *  - Anything else (a character device such as /dev/null, a FIFO) cannot be
 *    replaced without harm, and there is nothing to replace atomically:
 *    prepare opens it with O_WRONLY | O_TRUNC (which waits for a reader on
 *    a FIFO, as the shell's > does) and commit writes the data to it. Such
 *    a write is "in place" (file_write_in_place).
 *
 * The temporary file's name depends on the target only, so a write killed
 * before its commit (kill -9, a crash) leaves at most one stale temporary
 * per target, which the next write to that target reuses. When NAME is too
 * long for ".sbpolicy.NAME.tmp" to fit the directory's NAME_MAX, the name
 * is ".sbpolicy.HASH.tmp", HASH being the hexadecimal hash_bytes of NAME.
 * What is found at that name is reused only if it is a regular file with
 * one link, owned by us (or, for root, by the target's owner, to whom an
 * earlier write gave it back), opened with O_NOFOLLOW and checked to be
 * what was lstat'ed. Anything else (a symlink, a FIFO, a hard link to
 * another file, someone else's file) is unlinked, never opened for writing,
 * and the temporary made anew with O_CREAT | O_EXCL; what cannot be
 * unlinked (a directory) fails: "FILE: cannot replace "TMP": why".
 *
 * A temporary file is held, from prepare to commit or abort, under a POSIX
 * write lock (fcntl F_SETLK, which macOS and Linux both have, also on NFS
 * with its lock daemon) on an open descriptor: a stale one is one nobody
 * holds. A second process writing the same target meanwhile fails at once
 * rather than waits (a wait could deadlock two processes writing two
 * targets in opposite orders): "FILE: being written by another process".
 * POSIX locks belong to the process, so the same target prepared twice in
 * one process (two outputs naming one file, maybe through a link) is
 * caught by a list of the temporaries this process holds: "FILE: already
 * being written (named twice?)". That list makes these functions unsafe to
 * call from two threads at once. Where the file system has no locks at all,
 * a temporary we made with O_EXCL is written unlocked, and one found there
 * fails: "FILE: cannot lock "TMP": why" (remove it by hand). Commit renames
 * the temporary only while its name still leads to the file we wrote.
 *
 * prepare returns 0, or -1 with err set, path untouched and nothing to
 * release. data is borrowed until commit or abort. After a 0, exactly one
 * of file_write_commit and file_write_abort must follow (or
 * file_write_commit_all or file_write_abort_all over it); all of them
 * release w, and file_write_abort of a released w does nothing. commit
 * returns 0, or -1 with err set: the temporary file is gone and path
 * untouched, except that an in-place write may have written part of the
 * data. abort removes the temporary file (or closes the opened target) and
 * leaves path as it was. Errors name path as given, through sb_show_name:
 * "FILE: No such file or directory", "FILE: Permission denied".
 */
struct file_write {
	char		*name;	/* path as given; NULL once released */
	char		*target;	/* path with its symlinks followed */
	char		*tmp;	/* the temporary file, or NULL (in place) */
	int		 fd;	/* the opened target, or the locked tmp */
	const char	*data;	/* in place: what commit writes; borrowed */
	size_t		 len;
	dev_t		 tmp_dev;	/* tmp: the file we wrote */
	ino_t		 tmp_ino;
};

int	file_write_prepare(struct file_write *w, const char *path,
	    const char *data, size_t len, struct sb_error *);
int	file_write_commit(struct file_write *w, struct sb_error *);
void	file_write_abort(struct file_write *w);

/* Whether a prepared w writes its target in place (a device, a FIFO). */
int	file_write_in_place(const struct file_write *w);

/*
 * Commits the n prepared writes of w[] all or nothing, as far as can be:
 * first those in place, in order, then those renamed. What an in-place
 * write has written cannot be taken back, and it is the likelier to fail
 * (/dev/full, a reader gone from a FIFO), while a rename, its data already
 * on disk, hardly fails. So when any commit fails, every write not yet
 * committed is aborted (their targets untouched, temporaries removed) and
 * -1 returned with err naming the failed file; only a rename failing after
 * another succeeded leaves that other one in place. Returns 0 when all are
 * committed. Every w[i] is released either way; released ones are skipped.
 */
int	file_write_commit_all(struct file_write *w, size_t n,
	    struct sb_error *);
/* file_write_abort of each of the n w[], released ones included. */
void	file_write_abort_all(struct file_write *w, size_t n);

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
