/* SPDX-License-Identifier: ISC */
/* fileio.c: reading a whole file with a size cap, and safe replacement. */
#include "config.h"

#include "fileio.h"

#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "xmalloc.h"

char *
file_read(const char *path, size_t max, size_t *len, struct sb_error *err)
{
	struct stat sb;
	char name[SB_SHOW_MAX], *data = NULL;
	size_t have = 0, cap;
	ssize_t n;
	int fd;

	sb_show_name(name, sizeof name, path);
	if ((fd = open(path, O_RDONLY | O_NONBLOCK)) == -1) {
		sb_error_set(err, SB_EIO, "%s: %s", name, strerror(errno));
		return NULL;
	}
	if (fstat(fd, &sb) == -1) {
		sb_error_set(err, SB_EIO, "%s: %s", name, strerror(errno));
		goto fail;
	}
	if (S_ISDIR(sb.st_mode)) {
		sb_error_set(err, SB_EIO, "%s: is a directory", name);
		goto fail;
	}
	if (!S_ISREG(sb.st_mode)) {
		sb_error_set(err, SB_EIO, "%s: not a regular file", name);
		goto fail;
	}
	if ((size_t)sb.st_size > max) {
		sb_error_set(err, SB_ELIMIT, "%s: larger than %zu bytes", name,
		    max);
		goto fail;
	}
	/* Read to EOF, not to st_size: the file may change under us. */
	cap = (size_t)sb.st_size + 1;
	data = xmalloc(cap);
	for (;;) {
		if (have + 1 == cap) {
			if (have >= max) {
				sb_error_set(err, SB_ELIMIT,
				    "%s: larger than %zu bytes", name, max);
				goto fail;
			}
			cap *= 2;
			data = xreallocarray(data, cap, 1);
		}
		n = read(fd, data + have, cap - have - 1);
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1) {
			sb_error_set(err, SB_EIO, "%s: %s", name,
			    strerror(errno));
			goto fail;
		}
		if (n == 0)
			break;
		have += (size_t)n;
	}
	if (have > max) {
		sb_error_set(err, SB_ELIMIT, "%s: larger than %zu bytes", name,
		    max);
		goto fail;
	}
	close(fd);
	data[have] = '\0';
	*len = have;
	return data;

fail:
	free(data);
	close(fd);
	return NULL;
}

/* The directory part of path: "." when it has none, "/" for "/x". */
static char *
dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (slash == NULL)
		return xstrdup(".");
	if (slash == path)
		return xstrdup("/");
	return xstrndup(path, (size_t)(slash - path));
}

/* Links in a chain followed before giving up, as the kernel's ELOOP does. */
#define FILE_LINKS_MAX	40

/*
 * path with the symlinks at its end followed (a relative link target is
 * relative to the link's directory, not to ours), and *sb the lstat of
 * the result. Returns a new string, with *exists false when nothing is
 * there (a dangling link, or a new file), or NULL with errno set.
 */
static char *
follow_links(const char *path, struct stat *sb, bool *exists)
{
	char to[PATH_MAX], *cur, *next, *dir;
	ssize_t n;
	int i, saved;

	cur = xstrdup(path);
	for (i = 0; i <= FILE_LINKS_MAX; i++) {
		if (lstat(cur, sb) == -1) {
			if (errno != ENOENT)
				break;
			*exists = false;
			return cur;
		}
		if (!S_ISLNK(sb->st_mode)) {
			*exists = true;
			return cur;
		}
		if ((n = readlink(cur, to, sizeof to)) == -1)
			break;
		if ((size_t)n == sizeof to) {
			errno = ENAMETOOLONG;
			break;
		}
		to[n] = '\0';
		if (to[0] == '/' || strchr(cur, '/') == NULL)
			next = xstrdup(to);
		else {
			dir = dir_of(cur);
			xasprintf(&next, "%s/%s", dir, to);
			free(dir);
		}
		free(cur);
		cur = next;
	}
	saved = i > FILE_LINKS_MAX ? ELOOP : errno;
	free(cur);
	errno = saved;
	return NULL;
}

/* Writes all of data to fd. Returns 0, or -1 with errno set. */
static int
write_all(int fd, const char *data, size_t len)
{
	size_t off = 0;
	ssize_t n;

	while (off < len) {
		n = write(fd, data + off, len - off);
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1)
			return -1;
		off += (size_t)n;
	}
	return 0;
}

/* "NAME: why", with strerror's "Is a directory" in our lowercase. */
static void
set_errno_error(struct sb_error *err, const char *path, int errnum)
{
	char name[SB_SHOW_MAX];

	sb_show_name(name, sizeof name, path);
	if (errnum == EISDIR)
		sb_error_set(err, SB_EIO, "%s: is a directory", name);
	else
		sb_error_set(err, SB_EIO, "%s: %s", name, strerror(errnum));
}

static void
release(struct file_write *w)
{
	free(w->name);
	free(w->target);
	free(w->tmp);
	w->name = w->target = w->tmp = NULL;
	w->fd = -1;
	w->data = NULL;
	w->len = 0;
}

/* Gives the new file fd the owner and group of the file it replaces. */
static void
give_back(int fd, const struct stat *sb)
{
	if (sb->st_uid == geteuid() && sb->st_gid == getegid())
		return;
	/*
	 * Root replacing someone's file gives it back to them. Anyone else
	 * gets EPERM for another's file, which then becomes theirs: the price
	 * of replacing it atomically rather than writing it in place. So a
	 * failure is expected, and not an error: the data matters more.
	 * The '!' because glibc marks fchown warn_unused_result, which a
	 * plain (void) does not silence in gcc under _FORTIFY_SOURCE.
	 */
	(void)!fchown(fd, sb->st_uid, sb->st_gid);
}

/*
 * The temporary file beside w->target, written and fsynced; its mode is
 * that of the file it will replace (sb, when exists) or of a new file.
 */
static int
prepare_tmp(struct file_write *w, const struct stat *sb, bool exists,
    const char *data, size_t len)
{
	char *dir;
	mode_t mode;
	int fd, saved;

	dir = dir_of(w->target);
	/* Short, whatever the target's name: ".NAME.XXXXXX" would pass
	 * NAME_MAX for a name of 249 bytes or more. */
	xasprintf(&w->tmp, "%s/.sbpolicy.XXXXXX", dir);
	free(dir);
	if ((fd = mkstemp(w->tmp)) == -1) {
		saved = errno;
		free(w->tmp);
		w->tmp = NULL;
		errno = saved;
		return -1;
	}
	if (exists) {
		give_back(fd, sb);
		mode = sb->st_mode & (S_IRWXU | S_IRWXG | S_IRWXO);
	} else {
		/* mkstemp makes 0600: give the mode a plain create would. */
		mode = umask(0);
		umask(mode);
		mode = 0666 & ~mode;
	}
	if (fchmod(fd, mode) == -1 || write_all(fd, data, len) == -1 ||
	    fsync(fd) == -1)
		goto fail;
	if (close(fd) == -1) {
		fd = -1;
		goto fail;
	}
	return 0;

fail:
	saved = errno;
	if (fd != -1)
		close(fd);
	unlink(w->tmp);
	free(w->tmp);
	w->tmp = NULL;
	errno = saved;
	return -1;
}

int
file_write_prepare(struct file_write *w, const char *path, const char *data,
    size_t len, struct sb_error *err)
{
	return file_write_prepare_flags(w, path, data, len, 0, err);
}

int
file_write_prepare_flags(struct file_write *w, const char *path,
    const char *data, size_t len, unsigned flags, struct sb_error *err)
{
	struct stat sb;
	char name[SB_SHOW_MAX];
	bool exists;

	memset(w, 0, sizeof *w);
	w->fd = -1;
	if (*path == '\0') {
		sb_error_set(err, SB_EINVAL, "output file name is empty");
		return -1;
	}
	/* "DIR/" names a directory, even one that is not there (as for the
	 * shell's >), and has no file name to give the data. */
	if (path[strlen(path) - 1] == '/') {
		set_errno_error(err, path, EISDIR);
		return -1;
	}
	/* Where the kernel itself lands, through links our walk cannot name:
	 * /dev/stdout on a pipe is /proc/self/fd/1 -> "pipe:[N]". Anything
	 * but a file or a directory is written in place, as given. */
	if (stat(path, &sb) == 0 && !S_ISREG(sb.st_mode) &&
	    !S_ISDIR(sb.st_mode)) {
		w->target = xstrdup(path);
		exists = true;
	} else if ((w->target = follow_links(path, &sb, &exists)) == NULL) {
		set_errno_error(err, path, errno);
		return -1;
	}
	w->name = xstrdup(path);
	if (exists && S_ISDIR(sb.st_mode)) {
		set_errno_error(err, path, EISDIR);
		goto fail;
	}
	if (!exists || S_ISREG(sb.st_mode)) {
		if (prepare_tmp(w, &sb, exists, data, len) == -1) {
			set_errno_error(err, path, errno);
			goto fail;
		}
		return 0;
	}
	/* Refused before any open(2), which would wait on a FIFO. */
	if (flags & FILE_WRITE_REGULAR) {
		sb_error_set(err, SB_EIO, "%s: not a regular file",
		    sb_show_name(name, sizeof name, path));
		goto fail;
	}
	/* A device or a FIFO: renaming a file over /dev/null would break
	 * the system, and writing it in place is what the user means. */
	if ((w->fd = open(w->target, O_WRONLY | O_TRUNC | O_NOCTTY)) == -1) {
		set_errno_error(err, path, errno);
		goto fail;
	}
	w->data = data;
	w->len = len;
	return 0;

fail:
	release(w);
	return -1;
}

int
file_write_commit(struct file_write *w, struct sb_error *err)
{
	char *dir;
	int dfd, saved, rc = 0;

	if (w->tmp == NULL) {
		if (write_all(w->fd, w->data, w->len) == -1) {
			saved = errno;
			close(w->fd);
			set_errno_error(err, w->name, saved);
			rc = -1;
		} else if (close(w->fd) == -1) {
			set_errno_error(err, w->name, errno);
			rc = -1;
		}
		release(w);
		return rc;
	}
	if (rename(w->tmp, w->target) == -1) {
		set_errno_error(err, w->name, errno);
		unlink(w->tmp);
		release(w);
		return -1;
	}
	/* Make the rename itself durable; failure here loses nothing. */
	dir = dir_of(w->target);
	if ((dfd = open(dir, O_RDONLY)) != -1) {
		(void)fsync(dfd);
		close(dfd);
	}
	free(dir);
	release(w);
	return 0;
}

void
file_write_abort(struct file_write *w)
{
	if (w->tmp != NULL)
		unlink(w->tmp);
	if (w->fd != -1)
		close(w->fd);
	release(w);
}

int
file_write_atomic(const char *path, const char *data, size_t len,
    struct sb_error *err)
{
	return file_write_atomic_flags(path, data, len, 0, err);
}

int
file_write_atomic_flags(const char *path, const char *data, size_t len,
    unsigned flags, struct sb_error *err)
{
	struct file_write w;

	if (file_write_prepare_flags(&w, path, data, len, flags, err) == -1)
		return -1;
	return file_write_commit(&w, err);
}
