/* SPDX-License-Identifier: ISC */
/* path.c: lexical path handling and canonicalisation through a resolver. */
#include "config.h"

#include "path.h"

#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "xmalloc.h"

static char *
posix_realpath(const char *path, void *arg)
{
	char *r;

	(void)arg;
	if ((r = realpath(path, NULL)) == NULL)
		return NULL;
	/* Hand back memory from our own allocator family for uniformity. */
	return r;
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
	if ((fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK)) == -1)
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

const struct path_fs path_fs_posix = {
	posix_realpath, posix_is_dir, posix_read_file, NULL
};

char *
path_clean(const char *in)
{
	struct buf b;
	const char *p = in, *seg;
	size_t n, cut;

	buf_init(&b);
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
			/* Drop the last component; ".." at the root stays at the root. */
			cut = b.len;
			while (cut > 0 && b.data[cut - 1] != '/')
				cut--;
			b.len = cut > 0 ? cut - 1 : 0;
			if (b.data != NULL)
				b.data[b.len] = '\0';
			continue;
		}
		buf_putc(&b, '/');
		buf_add(&b, seg, n);
	}
	if (b.len == 0)
		buf_putc(&b, '/');
	return buf_take(&b);
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

bool
path_has_glob(const char *s)
{
	return strpbrk(s, "*?[") != NULL;
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
