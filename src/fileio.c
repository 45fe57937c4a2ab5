/* SPDX-License-Identifier: ISC */
/* fileio.c: reading a whole file with a size cap, and atomic replacement. */
#include "config.h"

#include "fileio.h"

#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
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

/* Splits path into its directory ("." when none) and base name. */
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

int
file_write_atomic(const char *path, const char *data, size_t len,
    struct sb_error *err)
{
	const char *base;
	char name[SB_SHOW_MAX], *dir, *tmp;
	size_t off = 0;
	ssize_t n;
	mode_t mask;
	int fd, dfd, saved;

	if (*path == '\0') {
		sb_error_set(err, SB_EINVAL, "output file name is empty");
		return -1;
	}
	sb_show_name(name, sizeof name, path);
	dir = dir_of(path);
	base = strrchr(path, '/');
	base = base == NULL ? path : base + 1;
	if (*base == '\0') {
		sb_error_set(err, SB_EIO, "%s: is a directory", name);
		free(dir);
		return -1;
	}
	xasprintf(&tmp, "%s/.%s.XXXXXX", dir, base);
	if ((fd = mkstemp(tmp)) == -1) {
		sb_error_set(err, SB_EIO, "%s: %s", name, strerror(errno));
		goto fail_nofd;
	}
	/* mkstemp makes 0600; give the file the mode a plain create would. */
	mask = umask(0);
	umask(mask);
	if (fchmod(fd, 0666 & ~mask) == -1)
		goto fail_errno;
	while (off < len) {
		n = write(fd, data + off, len - off);
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1)
			goto fail_errno;
		off += (size_t)n;
	}
	if (fsync(fd) == -1)
		goto fail_errno;
	if (close(fd) == -1) {
		fd = -1;
		goto fail_errno;
	}
	fd = -1;
	if (rename(tmp, path) == -1)
		goto fail_errno;
	/* Make the rename itself durable; failure here loses nothing. */
	if ((dfd = open(dir, O_RDONLY)) != -1) {
		(void)fsync(dfd);
		close(dfd);
	}
	free(tmp);
	free(dir);
	return 0;

fail_errno:
	saved = errno;
	sb_error_set(err, SB_EIO, "%s: %s", name, strerror(saved));
	if (fd != -1)
		close(fd);
	unlink(tmp);
fail_nofd:
	free(tmp);
	free(dir);
	return -1;
}
