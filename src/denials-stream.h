/* SPDX-License-Identifier: ISC */
/* denials-stream.h: the `log stream` process of `run --log-denials`. */
#ifndef SBPOLICY_DENIALS_STREAM_H
#define SBPOLICY_DENIALS_STREAM_H

#include <sys/types.h>

#include <signal.h>

#include "denials.h"
#include "err.h"

#define DENIALS_LOG_PATH	"/usr/bin/log"
/* The records the kernel's Sandbox extension writes to the unified log. */
#define DENIALS_PREDICATE \
	"(((processID == 0) AND (senderImagePath CONTAINS \"/Sandbox\")) OR " \
	"(subsystem == \"com.apple.sandbox.reporting\"))"

/* The macOS command: log stream --style ndjson --predicate PREDICATE. */
extern char *const denials_log_argv[];

/*
 * A running log reader. Its output (stdout and stderr) goes to an unlinked
 * private file in tmpdir, so it never blocks on a full pipe while we wait for
 * the command, and nothing is left behind.
 */
struct denials_log {
	pid_t	pid;	/* the log process, 0 when none */
	int	fd;	/* our read descriptor of its output, -1 when none */
	const volatile sig_atomic_t *cancel;	/* see denials_log_start */
};

/*
 * Starts argv (argv[0] an absolute path) in its own process group (a ^C for
 * the command must not stop the log before it is read) and waits up to
 * timeout_ms for a line starting with DENIALS_BANNER_PREFIX. Returns 0, or
 * -1 with err set and nothing left running ("ARGV0 exited before it was
 * ready: <its first line>", or without the colon and line when it wrote
 * nothing; "ARGV0 was not ready after N ms"; "ARGV0: interrupted before it
 * was ready").
 *
 * cancel (may be NULL) is a flag a signal handler sets (launch_catch_begin):
 * when it goes up, the wait here and the grace of denials_log_stop end
 * within 10 ms, so the caller can stop the log and leave. It is borrowed
 * until denials_log_stop.
 */
int	denials_log_start(struct denials_log *, char *const argv[],
	    const char *tmpdir, int timeout_ms,
	    const volatile sig_atomic_t *cancel, struct sb_error *);

/*
 * Waits grace_ms for late records (less when the cancel flag goes up),
 * stops the log process and feeds all it wrote into d (then
 * denials_finish), a chunk at a time: memory does not grow with the length
 * of the log. Safe on a log that never started.
 */
void	denials_log_stop(struct denials_log *, int grace_ms, struct denials *d);

#endif
