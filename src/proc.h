/* SPDX-License-Identifier: ISC */
/* proc.h: process helpers the launcher and the log reader share. */
#ifndef SBPOLICY_PROC_H
#define SBPOLICY_PROC_H

#include <stddef.h>

#include "err.h"

/* Where temporary files go when $TMPDIR is unset or not absolute. */
#define PROC_TMP_FALLBACK	"/tmp"

/* Where temporary files go: tmpdir when absolute, else PROC_TMP_FALLBACK. */
const char *proc_temp_dir(const char *tmpdir);

/*
 * A new file made by mkstemp(3) (so private, 0600) in dir, from name, a
 * file name ending in "XXXXXX"; trailing '/'s of dir are dropped ($TMPDIR
 * on macOS ends in one: no "T//sbpolicy-..."). Returns the open descriptor
 * and sets *pathp (free(3)), or returns -1 with err set: "cannot create
 * WHAT in DIR: why", DIR through sb_show.
 */
int	proc_temp_open(const char *dir, const char *name, const char *what,
	    char **pathp, struct sb_error *);

/* The length of the path proc_temp_open makes from dir and name, pure
 * (mkstemp keeps the template's length). */
size_t	proc_temp_path_len(const char *dir, const char *name);

/* Sets FD_CLOEXEC on fd. Returns 0, or -1 with errno set. */
int	proc_set_cloexec(int fd);

/*
 * The signals `run` forwards to the command (SIGHUP, SIGINT, SIGQUIT,
 * SIGTERM), 0-terminated; the log reader's child puts them back to their
 * default action.
 */
#define PROC_NFORWARDED	4
extern const int proc_forwarded_signals[PROC_NFORWARDED + 1];

#endif
