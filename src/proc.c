/* SPDX-License-Identifier: ISC */
/* proc.c: process helpers the launcher and the log reader share. */
#include "config.h"

#include "proc.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "xmalloc.h"

const int proc_forwarded_signals[PROC_NFORWARDED + 1] = {
	SIGHUP, SIGINT, SIGQUIT, SIGTERM, 0
};

const char *
proc_temp_dir(const char *tmpdir)
{
	if (tmpdir != NULL && tmpdir[0] == '/')
		return tmpdir;
	return PROC_TMP_FALLBACK;
}

/* The length of dir without its trailing '/'s. */
static size_t
temp_dir_len(const char *dir)
{
	size_t dlen = strlen(dir);

	while (dlen > 1 && dir[dlen - 1] == '/')
		dlen--;
	return dlen;
}

size_t
proc_temp_path_len(const char *dir, const char *name)
{
	return temp_dir_len(dir) + 1 + strlen(name);
}

int
proc_temp_open(const char *dir, const char *name, const char *what,
    char **pathp, struct sb_error *err)
{
	char show[SB_SHOW_MAX], *path;
	size_t dlen = temp_dir_len(dir);
	int fd, saved;

	xasprintf(&path, "%.*s/%s", (int)dlen, dir, name);
	if ((fd = mkstemp(path)) == -1) {
		saved = errno;
		path[dlen] = '\0';
		sb_error_set(err, SB_EIO, "cannot create %s in %s: %s", what,
		    sb_show(show, sizeof show, path), strerror(saved));
		free(path);
		return -1;
	}
	*pathp = path;
	return fd;
}

int
proc_set_cloexec(int fd)
{
	int flags;

	if ((flags = fcntl(fd, F_GETFD)) == -1)
		return -1;
	return fcntl(fd, F_SETFD, flags | FD_CLOEXEC);
}
