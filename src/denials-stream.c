/* SPDX-License-Identifier: ISC */
/* denials-stream.c: the `log stream` process: starting, reading, stopping. */
#include "config.h"

#include "denials-stream.h"

#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "proc.h"

char *const denials_log_argv[] = {
	(char *)DENIALS_LOG_PATH, (char *)"stream", (char *)"--style",
	(char *)"ndjson", (char *)"--predicate", (char *)DENIALS_PREDICATE,
	NULL
};

/* The longest sleep between two looks at the cancel flag. */
#define LOG_STEP_MS	10

static bool
cancelled(const struct denials_log *lg)
{
	return lg->cancel != NULL && *lg->cancel != 0;
}

/*
 * Sleeps ms, or less when the cancel flag goes up: it is looked at every
 * LOG_STEP_MS, so a signal that came just before a nanosleep, which then
 * does not see it, costs that much at most.
 */
static void
sleep_ms(const struct denials_log *lg, int ms)
{
	struct timespec ts;
	int step;

	while (ms > 0 && !cancelled(lg)) {
		step = ms < LOG_STEP_MS ? ms : LOG_STEP_MS;
		ts.tv_sec = 0;
		ts.tv_nsec = (long)step * 1000000L;
		/* Interrupted: the flag may be up; look before going on. */
		(void)nanosleep(&ts, NULL);
		ms -= step;
	}
}

/* The log process has ended or is stopped here; reaps it. */
static void
stop_process(pid_t pid)
{
	int ws;

	/* Its own process group holds only it (and what it started). */
	if (kill(-pid, SIGTERM) == -1)
		(void)kill(pid, SIGTERM);
	while (waitpid(pid, &ws, 0) == -1 && errno == EINTR)
		;
}

/*
 * The log's output is read a chunk at a time, however much it wrote: a long
 * run can log far more than we want in memory at once.
 */
#define LOG_CHUNK	8192

/* pread(2), retried on EINTR. */
static ssize_t
pread_chunk(int fd, char *buf, size_t size, off_t off)
{
	ssize_t n;

	while ((n = pread(fd, buf, size, off)) == -1 && errno == EINTR)
		;
	return n;
}

/* How far the banner search of denials_log_start has got in the output. */
struct banner_scan {
	off_t	off;	/* bytes looked at */
	size_t	col;	/* of the current line, counted up to the prefix's */
	bool	same;	/* the current line so far starts as the banner does */
};

/*
 * True when a complete line starting with the banner is in the output;
 * each call goes on from where the last one stopped.
 */
static bool
scan_banner(int fd, struct banner_scan *sc)
{
	static const char prefix[] = DENIALS_BANNER_PREFIX;
	char chunk[LOG_CHUNK];
	ssize_t n, i;

	while ((n = pread_chunk(fd, chunk, sizeof chunk, sc->off)) > 0) {
		for (i = 0; i < n; i++) {
			if (chunk[i] == '\n') {
				if (sc->same && sc->col == sizeof prefix - 1)
					return true;
				sc->col = 0;
				sc->same = true;
			} else if (sc->col < sizeof prefix - 1) {
				if (chunk[i] != prefix[sc->col])
					sc->same = false;
				sc->col++;
			}
		}
		sc->off += n;
	}
	return false;
}

/* The start of the first line of the output, NUL-terminated, in buf. */
static void
first_line(int fd, char *buf, size_t size)
{
	ssize_t n;
	char *nl;

	if ((n = pread_chunk(fd, buf, size - 1, 0)) < 0)
		n = 0;
	buf[n] = '\0';
	if ((nl = memchr(buf, '\n', (size_t)n)) != NULL)
		*nl = '\0';
}

/* Feeds all of the output to ds, a chunk at a time. */
static void
feed_output(int fd, struct denials *ds)
{
	char chunk[LOG_CHUNK];
	off_t off = 0;
	ssize_t n;

	while ((n = pread_chunk(fd, chunk, sizeof chunk, off)) > 0) {
		denials_feed(ds, chunk, (size_t)n);
		off += n;
	}
}

int
denials_log_start(struct denials_log *lg, char *const argv[],
    const char *tmpdir, int timeout_ms, const volatile sig_atomic_t *cancel,
    struct sb_error *err)
{
	struct banner_scan sc;
	char *path, show[SB_SHOW_MAX], line[4 * SB_SHOW_MAX];
	sigset_t none;
	pid_t pid, w;
	int wfd = -1, rfd = -1, nullfd, waited, ws, i;

	lg->pid = 0;
	lg->fd = -1;
	lg->cancel = cancel;
	if ((wfd = proc_temp_open(proc_temp_dir(tmpdir),
	    "sbpolicy-log.XXXXXX", "a file", &path, err)) == -1)
		return -1;
	/* A second, independent offset for reading; then no name at all. */
	rfd = open(path, O_RDONLY);
	unlink(path);
	free(path);
	if (rfd == -1 || proc_set_cloexec(rfd) == -1 ||
	    proc_set_cloexec(wfd) == -1) {
		sb_error_set(err, SB_EIO, "log output file: %s",
		    strerror(errno));
		goto fail;
	}
	if ((pid = fork()) == -1) {
		sb_error_set(err, SB_EIO, "cannot start %s: %s", argv[0],
		    strerror(errno));
		goto fail;
	}
	if (pid == 0) {
		setpgid(0, 0);
		for (i = 0; proc_forwarded_signals[i] != 0; i++)
			signal(proc_forwarded_signals[i], SIG_DFL);
		sigemptyset(&none);
		sigprocmask(SIG_SETMASK, &none, NULL);
		if ((nullfd = open("/dev/null", O_RDONLY)) != -1)
			dup2(nullfd, 0);
		dup2(wfd, 1);
		dup2(wfd, 2);
		execv(argv[0], argv);
		_exit(127);
	}
	/* Also from here, so it is in its group before we might signal it. */
	setpgid(pid, pid);
	close(wfd);
	wfd = -1;
	lg->pid = pid;
	lg->fd = rfd;

	sc.off = 0;
	sc.col = 0;
	sc.same = true;
	for (waited = 0;; waited += LOG_STEP_MS) {
		if (scan_banner(rfd, &sc))
			return 0;
		if (cancelled(lg)) {
			sb_error_set(err, SB_EIO, "%s: interrupted before it "
			    "was ready", argv[0]);
			goto fail;
		}
		w = waitpid(pid, &ws, WNOHANG);
		if (w == pid) {
			lg->pid = 0;
			/* It may have written its last words after our read;
			 * they are at the start, and only their start shows. */
			first_line(rfd, line, sizeof line);
			sb_error_set(err, SB_EIO, "%s exited before it was "
			    "ready%s%s", argv[0], line[0] != '\0' ? ": " : "",
			    line[0] != '\0' ? sb_show(show, sizeof show, line) :
			    "");
			goto fail;
		}
		if (waited >= timeout_ms) {
			sb_error_set(err, SB_EIO, "%s was not ready after "
			    "%d ms", argv[0], timeout_ms);
			goto fail;
		}
		sleep_ms(lg, LOG_STEP_MS);
	}

fail:
	if (lg->pid > 0)
		stop_process(lg->pid);
	if (wfd != -1)
		close(wfd);
	if (rfd != -1)
		close(rfd);
	lg->pid = 0;
	lg->fd = -1;
	return -1;
}

void
denials_log_stop(struct denials_log *lg, int grace_ms, struct denials *ds)
{
	if (lg->pid > 0) {
		/* The kernel's records reach the log a little after the
		 * fact; a signal cuts the wait short. */
		sleep_ms(lg, grace_ms);
		stop_process(lg->pid);
		lg->pid = 0;
	}
	if (lg->fd != -1) {
		feed_output(lg->fd, ds);
		denials_finish(ds);
		close(lg->fd);
		lg->fd = -1;
	}
}
