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

#include "hash.h"
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

/*
 * The temporaries this process holds locked. POSIX locks are the
 * process's, so F_SETLK cannot see that we hold one already; and closing
 * any descriptor of a file drops all of our locks on it, so a file found
 * here must not even be opened again.
 */
struct held {
	dev_t	dev;
	ino_t	ino;
};
static struct held	*held;
static size_t		 nheld;

static bool
is_held(const struct stat *sb)
{
	size_t i;

	for (i = 0; i < nheld; i++) {
		if (held[i].dev == sb->st_dev && held[i].ino == sb->st_ino)
			return true;
	}
	return false;
}

static void
hold(const struct file_write *w)
{
	held = xreallocarray(held, nheld + 1, sizeof *held);
	held[nheld].dev = w->tmp_dev;
	held[nheld].ino = w->tmp_ino;
	nheld++;
}

static void
unhold(const struct file_write *w)
{
	size_t i;

	for (i = 0; i < nheld; i++) {
		if (held[i].dev == w->tmp_dev && held[i].ino == w->tmp_ino) {
			held[i] = held[--nheld];
			break;
		}
	}
	if (nheld == 0) {
		free(held);
		held = NULL;
	}
}

static void
release(struct file_write *w)
{
	if (w->tmp != NULL && w->fd != -1)
		unhold(w);
	/* Closing the temporary last, after any rename or unlink of its
	 * name, drops the lock only once the name is no longer ours. */
	if (w->fd != -1)
		close(w->fd);
	free(w->name);
	free(w->target);
	free(w->tmp);
	w->name = w->target = w->tmp = NULL;
	w->fd = -1;
	w->data = NULL;
	w->len = 0;
}

/* Whether w->tmp still names the file we wrote (and hold locked). */
static bool
tmp_is_ours(const struct file_write *w)
{
	struct stat sb;

	return lstat(w->tmp, &sb) == 0 && sb.st_dev == w->tmp_dev &&
	    sb.st_ino == w->tmp_ino;
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

/* A name that leaves room for ".sbpolicy." and ".tmp" when NAME_MAX is
 * not known (pathconf may say "no limit", or fail). */
#define FILE_NAME_MAX	255

/*
 * "DIR/.sbpolicy.NAME.tmp" for target DIR/NAME: the same name every time,
 * so that a write killed midway leaves one stale file, not one per try.
 * Too long for the directory, NAME gives way to its hash: deterministic
 * too, and a collision only makes two targets take turns (the lock).
 */
static char *
tmp_name(const char *target)
{
	const char *base;
	char *dir, *tmp;
	long max;

	dir = dir_of(target);
	base = strrchr(target, '/');
	base = base == NULL ? target : base + 1;
	if ((max = pathconf(dir, _PC_NAME_MAX)) <= 0)
		max = FILE_NAME_MAX;
	if (strlen(base) + sizeof ".sbpolicy..tmp" - 1 <= (size_t)max)
		xasprintf(&tmp, "%s/.sbpolicy.%s.tmp", dir, base);
	else
		xasprintf(&tmp, "%s/.sbpolicy.%zx.tmp", dir,
		    hash_bytes(base, strlen(base)));
	free(dir);
	return tmp;
}

/*
 * Whether a file found at the temporary's name may be a temporary of ours,
 * and so may be reused once locked; sb is its lstat or fstat. One link
 * only: truncating a hard link planted there would damage another file.
 */
static bool
may_reuse(const struct stat *sb, const struct stat *target, bool exists)
{
	if (!S_ISREG(sb->st_mode) || sb->st_nlink != 1)
		return false;
	if (sb->st_uid == geteuid())
		return true;
	/* Root's earlier write gave the temporary to the target's owner. */
	return geteuid() == 0 && exists && sb->st_uid == target->st_uid;
}

/* Unlinks what is at w->tmp, which is not a temporary of ours. */
static int
discard(const struct file_write *w, struct sb_error *err)
{
	char name[SB_SHOW_MAX], tmp[SB_SHOW_MAX];

	if (unlink(w->tmp) == 0 || errno == ENOENT)
		return 0;
	sb_error_set(err, SB_EIO, "%s: cannot replace %s: %s",
	    sb_show_name(name, sizeof name, w->name),
	    sb_show(tmp, sizeof tmp, w->tmp), strerror(errno));
	return -1;
}

/* Rounds of finding the temporary's name changed under us before giving
 * up: each needs another process to act between two of our calls. */
#define FILE_TMP_TRIES	8

/*
 * Opens w->tmp: made anew, or a stale one reused; a regular file of ours
 * with one link, locked, empty, and still at its name. Sets w->fd,
 * w->tmp_dev and w->tmp_ino and returns 0, or -1 with err set and nothing
 * open. sb is the target's lstat, when exists.
 */
static int
open_tmp(struct file_write *w, const struct stat *target, bool exists,
    struct sb_error *err)
{
	struct flock fl;
	struct stat lsb, fsb;
	char name[SB_SHOW_MAX], tmp[SB_SHOW_MAX];
	bool made;
	int fd, flags, i;

	sb_show_name(name, sizeof name, w->name);
	sb_show(tmp, sizeof tmp, w->tmp);
	for (i = 0; i < FILE_TMP_TRIES; i++) {
		made = true;
		fd = open(w->tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW |
		    O_NOCTTY | O_CLOEXEC, 0600);
		if (fd == -1 && errno != EEXIST) {
			set_errno_error(err, w->name, errno);
			return -1;
		}
		if (fd == -1) {
			made = false;
			if (lstat(w->tmp, &lsb) == -1) {
				if (errno == ENOENT)
					continue;
				set_errno_error(err, w->name, errno);
				return -1;
			}
			if (is_held(&lsb)) {
				sb_error_set(err, SB_EIO,
				    "%s: already being written (named twice?)",
				    name);
				return -1;
			}
			if (!may_reuse(&lsb, target, exists)) {
				if (discard(w, err) == -1)
					return -1;
				continue;
			}
			/* No O_TRUNC before the checks below; O_NOFOLLOW and
			 * O_NONBLOCK in case a link or a FIFO took its place
			 * since the lstat. */
			fd = open(w->tmp, O_WRONLY | O_NOFOLLOW | O_NONBLOCK |
			    O_NOCTTY | O_CLOEXEC);
			if (fd == -1) {
				/* A link (ELOOP), a FIFO (ENXIO), a mode
				 * without write: not one to reuse. */
				if (errno != ENOENT && discard(w, err) == -1)
					return -1;
				continue;
			}
		}
		if (fstat(fd, &fsb) == -1) {
			set_errno_error(err, w->name, errno);
			close(fd);
			return -1;
		}
		if (!made && (fsb.st_dev != lsb.st_dev ||
		    fsb.st_ino != lsb.st_ino || !may_reuse(&fsb, target,
		    exists) || is_held(&fsb))) {
			close(fd);
			continue;
		}
		memset(&fl, 0, sizeof fl);
		fl.l_type = F_WRLCK;
		fl.l_whence = SEEK_SET;
		if (fcntl(fd, F_SETLK, &fl) == -1) {
			if (errno == EAGAIN || errno == EACCES) {
				sb_error_set(err, SB_EIO,
				    "%s: being written by another process",
				    name);
				close(fd);
				return -1;
			}
			/* No locks on this file system: one we made with
			 * O_EXCL is ours alone, one we found may be live. */
			if (!made) {
				sb_error_set(err, SB_EIO,
				    "%s: cannot lock %s: %s", name, tmp,
				    strerror(errno));
				close(fd);
				return -1;
			}
		}
		/* The lock may have come just after its holder renamed the
		 * file over its target: then fd is the target, not ours. */
		if (lstat(w->tmp, &lsb) == -1 || lsb.st_dev != fsb.st_dev ||
		    lsb.st_ino != fsb.st_ino || fstat(fd, &fsb) == -1 ||
		    fsb.st_nlink != 1) {
			close(fd);
			continue;
		}
		if ((flags = fcntl(fd, F_GETFL)) == -1 ||
		    fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) == -1 ||
		    ftruncate(fd, 0) == -1) {
			set_errno_error(err, w->name, errno);
			close(fd);
			return -1;
		}
		w->fd = fd;
		w->tmp_dev = fsb.st_dev;
		w->tmp_ino = fsb.st_ino;
		hold(w);
		return 0;
	}
	sb_error_set(err, SB_EIO, "%s: %s keeps being replaced", name, tmp);
	return -1;
}

/*
 * The temporary file beside w->target, written, fsynced and kept open
 * (and locked) until commit or abort; its mode is that of the file it will
 * replace (sb, when exists) or of a new file. Returns 0, or -1 with err
 * set, the temporary removed and nothing to release but w's names.
 */
static int
prepare_tmp(struct file_write *w, const struct stat *sb, bool exists,
    const char *data, size_t len, struct sb_error *err)
{
	mode_t mode;
	int saved;

	w->tmp = tmp_name(w->target);
	if (open_tmp(w, sb, exists, err) == -1) {
		free(w->tmp);
		w->tmp = NULL;
		return -1;
	}
	if (exists) {
		give_back(w->fd, sb);
		mode = sb->st_mode & (S_IRWXU | S_IRWXG | S_IRWXO);
	} else {
		/* Made 0600, or left by another: give the mode a plain
		 * create would. */
		mode = umask(0);
		umask(mode);
		mode = 0666 & ~mode;
	}
	if (fchmod(w->fd, mode) == -1 || write_all(w->fd, data, len) == -1 ||
	    fsync(w->fd) == -1) {
		saved = errno;
		/* Locked, and just checked: the name is ours to remove. */
		unlink(w->tmp);
		unhold(w);
		close(w->fd);
		w->fd = -1;
		free(w->tmp);
		w->tmp = NULL;
		set_errno_error(err, w->name, saved);
		return -1;
	}
	return 0;
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
		if (prepare_tmp(w, &sb, exists, data, len, err) == -1)
			goto fail;
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
	char name[SB_SHOW_MAX], tmp[SB_SHOW_MAX];
	char *dir;
	int dfd, saved, rc = 0;

	if (w->tmp == NULL) {
		if (write_all(w->fd, w->data, w->len) == -1) {
			set_errno_error(err, w->name, errno);
			rc = -1;
		}
		saved = close(w->fd) == -1 ? errno : 0;
		w->fd = -1;
		if (rc == 0 && saved != 0) {
			set_errno_error(err, w->name, saved);
			rc = -1;
		}
		release(w);
		return rc;
	}
	/* Someone unlinked our temporary (taking it for stale, as another
	 * user may) and maybe made their own: theirs is not ours to rename. */
	if (!tmp_is_ours(w)) {
		sb_error_set(err, SB_EIO,
		    "%s: %s was replaced by another process",
		    sb_show_name(name, sizeof name, w->name),
		    sb_show(tmp, sizeof tmp, w->tmp));
		release(w);
		return -1;
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
	if (w->name == NULL)
		return;
	if (w->tmp != NULL && tmp_is_ours(w))
		unlink(w->tmp);
	release(w);
}

int
file_write_in_place(const struct file_write *w)
{
	return w->tmp == NULL;
}

int
file_write_commit_all(struct file_write *w, size_t n, struct sb_error *err)
{
	size_t i;
	int pass;

	/* Pass 0 writes in place, pass 1 renames: see fileio.h. */
	for (pass = 0; pass < 2; pass++) {
		for (i = 0; i < n; i++) {
			if (w[i].name == NULL ||
			    file_write_in_place(&w[i]) != (pass == 0))
				continue;
			if (file_write_commit(&w[i], err) == -1) {
				file_write_abort_all(w, n);
				return -1;
			}
		}
	}
	return 0;
}

void
file_write_abort_all(struct file_write *w, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		file_write_abort(&w[i]);
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
