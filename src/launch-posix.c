/* SPDX-License-Identifier: ISC */
/* launch-posix.c: the real operations of `run`: fork, exec, wait, probes. */
#include "config.h"

#include "launch.h"

#include <sys/stat.h>
#include <sys/wait.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifdef __APPLE__
#include <dlfcn.h>
#endif

#include "proc.h"
#include "xmalloc.h"

static bool
posix_is_present(const char *path, void *arg)
{
	struct stat sb;

	(void)arg;
	return stat(path, &sb) == 0 && S_ISREG(sb.st_mode) &&
	    access(path, X_OK) == 0;
}

#ifdef __APPLE__
/*
 * sandbox_check is private API of libsystem_sandbox (the prototype is not in
 * any public header): look it up at run time, so a system without it only
 * means "cannot tell" and the launch goes ahead. SANDBOX_FILTER_NONE is 0.
 */
typedef int (*sandbox_check_fn)(pid_t, const char *, int, ...);

static int
posix_is_sandboxed(void *arg)
{
	sandbox_check_fn fn;
	void *sym;

	(void)arg;
	if ((sym = dlsym(RTLD_DEFAULT, "sandbox_check")) == NULL)
		return 0;
	memcpy(&fn, &sym, sizeof fn);
	return fn(getpid(), NULL, 0) == 1;
}
#else
static int
posix_is_sandboxed(void *arg)
{
	(void)arg;
	return 0;
}
#endif

/* What execve would say about path, judged in advance. */
static int
check_executable(const char *path)
{
	struct stat sb;

	if (stat(path, &sb) == -1)
		return errno == EACCES ? EACCES : ENOENT;
	if (S_ISDIR(sb.st_mode))
		return EISDIR;
	if (!S_ISREG(sb.st_mode) || access(path, X_OK) == -1)
		return EACCES;
	return 0;
}

/* dir/name, with dir taken relative to cwd when it is relative. */
static char *
join3(const char *cwd, const char *dir, size_t dirlen, const char *name)
{
	char *s;

	if (dirlen == 0) {
		dir = ".";
		dirlen = 1;
	}
	if (dir[0] != '/' && cwd != NULL)
		xasprintf(&s, "%s/%.*s/%s", cwd, (int)dirlen, dir, name);
	else
		xasprintf(&s, "%.*s/%s", (int)dirlen, dir, name);
	return s;
}

static int
posix_find_command(const char *cmd, const char *path_env, const char *cwd,
    void *arg)
{
	const char *p, *colon;
	char *cand, *defpath = NULL;
	size_t len;
	int r, result = ENOENT;

	(void)arg;
	if (*cmd == '\0')
		return ENOENT;
	if (strchr(cmd, '/') != NULL) {
		if (cmd[0] == '/' || cwd == NULL)
			return check_executable(cmd);
		xasprintf(&cand, "%s/%s", cwd, cmd);
		r = check_executable(cand);
		free(cand);
		return r;
	}
	if (path_env == NULL) {
		/* What execvp uses without PATH: the system's default path. */
		len = confstr(_CS_PATH, NULL, 0);
		if (len > 0) {
			defpath = xmalloc(len);
			confstr(_CS_PATH, defpath, len);
		} else
			defpath = xstrdup("/usr/bin:/bin");
		path_env = defpath;
	}
	for (p = path_env;; p = colon + 1) {
		colon = strchr(p, ':');
		len = colon != NULL ? (size_t)(colon - p) : strlen(p);
		cand = join3(cwd, p, len, cmd);
		r = check_executable(cand);
		free(cand);
		if (r == 0) {
			result = 0;
			break;
		}
		/* execvp goes on after EACCES but reports it at the end. */
		if (r != ENOENT)
			result = EACCES;
		if (colon == NULL)
			break;
	}
	free(defpath);
	return result;
}

static char *
posix_temp_create(const char *dir, const char *data, size_t len,
    struct sb_error *err, void *arg)
{
	char show[SB_SHOW_MAX], *path;
	size_t off = 0;
	ssize_t n;
	int fd, saved;

	(void)arg;
	if ((fd = proc_temp_open(dir, LAUNCH_TMP_TEMPLATE, "a profile file",
	    &path, err)) == -1)
		return NULL;
	/* mkstemp makes 0600 on every current system; make sure anyway. */
	if (fchmod(fd, S_IRUSR | S_IWUSR) == -1)
		goto fail;
	while (off < len) {
		n = write(fd, data + off, len - off);
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1)
			goto fail;
		off += (size_t)n;
	}
	if (close(fd) == -1) {
		fd = -1;
		goto fail;
	}
	return path;

fail:
	saved = errno;
	sb_error_set(err, SB_EIO, "%s: %s", sb_show_name(show, sizeof show,
	    path), strerror(saved));
	if (fd != -1)
		close(fd);
	unlink(path);
	free(path);
	return NULL;
}

static int
posix_temp_remove(const char *path, void *arg)
{
	(void)arg;
	return unlink(path);
}

/* Writes all of f to fd from the child; async-signal-safe. */
static void
child_report(int fd, enum launch_stage stage, int errnum)
{
	struct launch_failure f;

	f.stage = stage;
	f.errnum = errnum;
	while (write(fd, &f, sizeof f) == -1 && errno == EINTR)
		;
}

static pid_t
posix_spawn_child(const struct launch_exec *e, struct launch_failure *f,
    void *arg)
{
	struct launch_failure cf;
	pid_t pid;
	ssize_t n;
	int fds[2], ws;

	(void)arg;
	/*
	 * A close-on-exec pipe tells us whether execve worked: EOF when it
	 * did, the failure when it did not (so 126/127 are exact).
	 */
	if (pipe(fds) == -1) {
		f->stage = LAUNCH_STAGE_FORK;
		f->errnum = errno;
		return -1;
	}
	if (proc_set_cloexec(fds[0]) == -1 ||
	    proc_set_cloexec(fds[1]) == -1 ||
	    (pid = fork()) == -1) {
		f->stage = LAUNCH_STAGE_FORK;
		f->errnum = errno;
		close(fds[0]);
		close(fds[1]);
		return -1;
	}
	if (pid == 0) {
		/* Only async-signal-safe calls from here on. */
		close(fds[0]);
		if (e->sigmask != NULL)
			sigprocmask(SIG_SETMASK, e->sigmask, NULL);
		if (e->cwd != NULL && chdir(e->cwd) == -1) {
			child_report(fds[1], LAUNCH_STAGE_CHDIR, errno);
			_exit(LAUNCH_EXIT_FAILED);
		}
		execve(e->path, e->argv, e->envp);
		child_report(fds[1], LAUNCH_STAGE_EXEC, errno);
		_exit(LAUNCH_EXIT_NOT_FOUND);
	}
	close(fds[1]);
	do
		n = read(fds[0], &cf, sizeof cf);
	while (n == -1 && errno == EINTR);
	close(fds[0]);
	if (n == (ssize_t)sizeof cf) {
		while (waitpid(pid, &ws, 0) == -1 && errno == EINTR)
			;
		*f = cf;
		return -1;
	}
	return pid;
}

static int
posix_exec(const struct launch_exec *e, struct launch_failure *f, void *arg)
{
	(void)arg;
	if (e->cwd != NULL && chdir(e->cwd) == -1) {
		f->stage = LAUNCH_STAGE_CHDIR;
		f->errnum = errno;
		return -1;
	}
	if (e->sigmask != NULL)
		sigprocmask(SIG_SETMASK, e->sigmask, NULL);
	execve(e->path, e->argv, e->envp);
	f->stage = LAUNCH_STAGE_EXEC;
	f->errnum = errno;
	return -1;
}

static int
posix_wait(pid_t pid, struct launch_status *st, void *arg)
{
	int ws;

	(void)arg;
	while (waitpid(pid, &ws, 0) == -1) {
		if (errno != EINTR)
			return -1;
	}
	if (WIFSIGNALED(ws)) {
		st->signaled = true;
		st->value = WTERMSIG(ws);
	} else {
		st->signaled = false;
		st->value = WEXITSTATUS(ws);
	}
	return 0;
}

static int
posix_send_signal(pid_t pid, int sig, void *arg)
{
	(void)arg;
	return kill(pid, sig);
}

const struct launch_ops launch_ops_posix = {
	LAUNCH_SANDBOX_EXEC,
	posix_is_present,
	posix_is_sandboxed,
	posix_find_command,
	posix_temp_create,
	posix_temp_remove,
	posix_spawn_child,
	posix_wait,
	posix_send_signal,
	posix_exec,
	NULL,
};
