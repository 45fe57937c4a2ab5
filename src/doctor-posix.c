/* SPDX-License-Identifier: ISC */
/* doctor-posix.c: the real probes of `sbpolicy doctor`: directories, a
 * listening socket, log stream. Plain POSIX: nothing here is macOS's. */
#include "config.h"

#include "doctor.h"

#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/utsname.h>
#include <sys/wait.h>

#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "denials-stream.h"
#include "xmalloc.h"

/* How long log stream may take to be ready, as for run --log-denials. */
#define LOG_READY_MS	5000
/* The listener ends by itself after this long, should we not end it. */
#define LISTEN_SECONDS	60

#define DIR_TEMPLATE	"sbpolicy-doctor.XXXXXX"

static const char *
posix_sysname(void *arg)
{
	static struct utsname u;

	(void)arg;
	if (uname(&u) == -1)
		return NULL;
	return u.sysname;
}

static char *
posix_make_dir(const char *parent, struct sb_error *err, void *arg)
{
	char show[SB_SHOW_MAX], *path;

	(void)arg;
	xasprintf(&path, "%s%s" DIR_TEMPLATE, parent,
	    parent[0] != '\0' && parent[strlen(parent) - 1] == '/' ? "" : "/");
	if (mkdtemp(path) == NULL) {
		sb_error_set(err, SB_EIO, "cannot create a directory in %s: %s",
		    sb_show(show, sizeof show, parent), strerror(errno));
		free(path);
		return NULL;
	}
	return path;
}

static void
posix_remove_dir(const char *dir, void *arg)
{
	struct dirent *de;
	DIR *dp;
	char *path;

	(void)arg;
	if ((dp = opendir(dir)) != NULL) {
		while ((de = readdir(dp)) != NULL) {
			if (strcmp(de->d_name, ".") == 0 ||
			    strcmp(de->d_name, "..") == 0)
				continue;
			xasprintf(&path, "%s/%s", dir, de->d_name);
			(void)unlink(path);
			free(path);
		}
		closedir(dp);
	}
	(void)rmdir(dir);
}

static bool
posix_exists(const char *path, void *arg)
{
	struct stat sb;

	(void)arg;
	return lstat(path, &sb) == 0;
}

static long
posix_listen(const char *path, struct sb_error *err, void *arg)
{
	struct sockaddr_un addr;
	char show[SB_SHOW_MAX];
	pid_t pid;
	int fd, c;

	(void)arg;
	memset(&addr, 0, sizeof addr);
	addr.sun_family = AF_UNIX;
	if (strlen(path) >= sizeof addr.sun_path) {
		sb_error_set(err, SB_ELIMIT, "%s: longer than a socket's path "
		    "can be here", sb_show(show, sizeof show, path));
		return -1;
	}
	strcpy(addr.sun_path, path);
	if ((fd = socket(AF_UNIX, SOCK_STREAM, 0)) == -1)
		goto fail;
	if (bind(fd, (struct sockaddr *)&addr, sizeof addr) == -1 ||
	    listen(fd, 8) == -1 || (pid = fork()) == -1) {
		close(fd);
		goto fail;
	}
	if (pid == 0) {
		/* Accept and close, until killed or the alarm. */
		signal(SIGTERM, SIG_DFL);
		signal(SIGALRM, SIG_DFL);
		alarm(LISTEN_SECONDS);
		for (;;) {
			if ((c = accept(fd, NULL, NULL)) != -1)
				close(c);
			else if (errno != EINTR && errno != ECONNABORTED)
				_exit(1);
		}
	}
	close(fd);
	return (long)pid;

fail:
	sb_error_set(err, SB_EIO, "cannot listen at %s: %s",
	    sb_show(show, sizeof show, path), strerror(errno));
	return -1;
}

static void
posix_unlisten(long handle, void *arg)
{
	pid_t pid = (pid_t)handle;

	(void)arg;
	(void)kill(pid, SIGTERM);
	while (waitpid(pid, NULL, 0) == -1 && errno == EINTR)
		;
}

static int
posix_log_ready(const char *tmpdir, struct sb_error *err, void *arg)
{
	struct denials_log lg;
	struct denials ds;

	(void)arg;
	if (denials_log_start(&lg, denials_log_argv, tmpdir, LOG_READY_MS,
	    NULL, err) == -1)
		return -1;
	denials_init(&ds, "sbpolicy-doctor", 0);
	denials_log_stop(&lg, 0, &ds);
	denials_clear(&ds);
	return 0;
}

const struct doctor_probes doctor_probes_posix = {
	&launch_ops_posix,
	posix_sysname,
	posix_make_dir,
	posix_remove_dir,
	posix_exists,
	posix_listen,
	posix_unlisten,
	posix_log_ready,
	NULL,
};
