/* SPDX-License-Identifier: ISC */
/* launch.h: the sandbox-exec command line, and running it. */
#ifndef SBPOLICY_LAUNCH_H
#define SBPOLICY_LAUNCH_H

#include <stdbool.h>
#include <stddef.h>

#include "gen.h"

/* Always this path: never looked up in PATH, where anyone could plant one. */
#define LAUNCH_SANDBOX_EXEC	"/usr/bin/sandbox-exec"
/* Above this many bytes the profile goes through a file (-f): a huge -p
 * argument fails with E2BIG. */
#define LAUNCH_INLINE_MAX	(64 * 1024)

/* True when the profile of r is too large to pass with -p. */
bool	launch_needs_file(const struct gen_result *r);

/*
 * The argument vector, pure: LAUNCH_SANDBOX_EXEC, then "-p" PROFILE (or "-f"
 * profile_file when launch_needs_file(r); profile_file must then be given),
 * then "-DKEY=VALUE" for each parameter in order, then "--" and cmd (which
 * may be NULL or empty: the vector then ends after "--"). NULL-terminated;
 * free with launch_argv_free. Strings are copies.
 */
char	**launch_argv_new(const struct gen_result *r, const char *profile_file,
	    char *const cmd[]);
void	  launch_argv_free(char **);

#endif
