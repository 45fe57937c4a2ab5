/* SPDX-License-Identifier: ISC */
/* doctor.h: the checks of `sbpolicy doctor`: does the sandbox work here,
 * for this policy. */
#ifndef SBPOLICY_DOCTOR_H
#define SBPOLICY_DOCTOR_H

#include <stdbool.h>
#include <stddef.h>

#include "err.h"
#include "gen.h"
#include "launch.h"
#include "params.h"

/* Exit statuses of doctor (2 is bad usage, as everywhere). */
#define DOCTOR_EXIT_OK		0	/* every check passed */
#define DOCTOR_EXIT_FAILED	1	/* one failed */
#define DOCTOR_EXIT_NOT_MACOS	3	/* none failed, but the sandbox was
					 * not tried: not macOS */

/* The bytes of sun_path in struct sockaddr_un on Darwin, with its NUL: a
 * Unix socket's path has at most one less. */
#define DOCTOR_SUN_PATH_MAX	104

/* What the checks run, under the profile and outside it. */
#define DOCTOR_TRUE		"/usr/bin/true"
#define DOCTOR_SH		"/bin/sh"
#define DOCTOR_NC		"/usr/bin/nc"
/*
 * The probe scripts, for sh -c SCRIPT sh ARGS: their output goes nowhere (a
 * refusal is expected, and its message would read as a failure). A refused
 * access exits DOCTOR_REFUSED; a program that could not be run keeps its
 * 126 or 127. The write script creates $1; the run script runs "$@".
 */
#define DOCTOR_REFUSED		7
#define DOCTOR_SCRIPT_HEAD	"exec </dev/null >/dev/null 2>&1; "
#define DOCTOR_WRITE_SCRIPT	DOCTOR_SCRIPT_HEAD \
	"if (: > \"$1\"); then exit 0; fi; exit 7"
#define DOCTOR_RUN_SCRIPT	DOCTOR_SCRIPT_HEAD \
	"\"$@\"; s=$?; [ $s -eq 0 ] && exit 0; [ $s -ge 126 ] && exit $s; " \
	"exit 7"

enum doctor_status {
	DOCTOR_OK,
	DOCTOR_FAIL,
	DOCTOR_SKIP,	/* could not be tried: why is in what */
};

struct doctor_check {
	const char		*name;	/* "params", "lint", ...; static */
	enum doctor_status	 status;
	char			*what;	/* what was found, one line */
	char			*fix;	/* what to do, for a FAIL; or NULL */
};

#define DOCTOR_CHECKS_MAX	10

struct doctor_report {
	struct doctor_check	 checks[DOCTOR_CHECKS_MAX];
	size_t			 n;
	bool			 macos;	/* the sandbox checks were made */
};

/*
 * Everything doctor does to the outside world besides what the launcher
 * does (launch), so that tests fake both. doctor_probes_posix (in
 * doctor-posix.c) is the real thing, on launch_ops_posix.
 */
struct doctor_probes {
	const struct launch_ops	*launch;
	/* uname(3)'s sysname: "Darwin" on macOS. */
	const char	*(*sysname)(void *arg);
	/* A new private (0700) directory in parent: its path (free(3)), or
	 * NULL with err set. */
	char		*(*make_dir)(const char *parent, struct sb_error *err,
			    void *arg);
	/* Removes dir with the files and sockets in it. */
	void		 (*remove_dir)(const char *dir, void *arg);
	/* True when path exists (lstat). */
	bool		 (*exists)(const char *path, void *arg);
	/*
	 * A Unix stream socket listening at path, outside the sandbox, in a
	 * process of its own that accepts each connection and closes it, so
	 * that a client's connect succeeds and ends. Returns a handle for
	 * unlisten, or -1 with err set.
	 */
	long		 (*listen)(const char *path, struct sb_error *err,
			    void *arg);
	void		 (*unlisten)(long handle, void *arg);
	/* `log stream` (DENIALS_LOG_PATH) starts and is ready, as run
	 * --log-denials starts it: 0, or -1 with err set. */
	int		 (*log_ready)(const char *tmpdir, struct sb_error *err,
			    void *arg);
	void		*arg;
};

extern const struct doctor_probes doctor_probes_posix;

/* What to check. Everything is borrowed. */
struct doctor_spec {
	const struct params	*params;
	const struct gen_ctx	*ctx;
	char *const		*envp;	/* for the programs it runs */
	const char		*tmpdir;	/* $TMPDIR, or NULL */
};

/*
 * Checks, in order: the params render (params), every socket path of the
 * policy fits sun_path in its canonical form (sockets), the profile lints
 * clean with the SBPL engine (lint). Then, when sysname is Darwin:
 * sandbox-exec is present (sandbox-exec); this process is not sandboxed
 * already, and a profile applied under the profile is refused (nesting);
 * /usr/bin/true runs under the profile (loads); a write the profile denies
 * (the engine says so) into a private directory is refused, and the same
 * write outside the sandbox works (write); a connect the profile denies to
 * a socket it listens on outside the sandbox, in a private directory under
 * tmpdir, is refused, and works outside (connect); log stream starts (log).
 * Elsewhere one check, sandbox, says that enforcement needs macOS, and the
 * first three judge the profile as macOS would: /tmp, /var and /etc (and
 * what leads into them) are canonical as /private/... there, whatever
 * they are here, so that a path under /tmp neither fails the lint nor
 * passes the sun_path check shorter than on a Mac. A check
 * whose premise failed, or that the policy makes moot (it allows every
 * write), is skipped with the reason. Prints nothing (but what the programs
 * it runs print, which only sandbox-exec does, on its failure); release
 * the report with doctor_report_clear.
 */
void	doctor_run(const struct doctor_probes *, const struct doctor_spec *,
	    struct doctor_report *);
void	doctor_report_clear(struct doctor_report *);

/* The exit status for a report: see DOCTOR_EXIT_*. */
int	doctor_exit(const struct doctor_report *);

/* "ok", "FAIL", "skip". */
const char *doctor_status_name(enum doctor_status);

#endif
