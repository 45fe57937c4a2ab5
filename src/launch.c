/* SPDX-License-Identifier: ISC */
/* launch.c: the sandbox-exec command line, and running it. */
#include "config.h"

#include "launch.h"

#include <stdlib.h>
#include <string.h>

#include "xmalloc.h"

bool
launch_needs_file(const struct gen_result *r)
{
	return strlen(r->profile) > LAUNCH_INLINE_MAX;
}

char **
launch_argv_new(const struct gen_result *r, const char *profile_file,
    char *const cmd[])
{
	char **argv;
	size_t ncmd = 0, n = 0, i;

	while (cmd != NULL && cmd[ncmd] != NULL)
		ncmd++;
	argv = xreallocarray(NULL, 5 + r->nparams + ncmd, sizeof *argv);
	argv[n++] = xstrdup(LAUNCH_SANDBOX_EXEC);
	if (launch_needs_file(r)) {
		argv[n++] = xstrdup("-f");
		argv[n++] = xstrdup(profile_file);
	} else {
		argv[n++] = xstrdup("-p");
		argv[n++] = xstrdup(r->profile);
	}
	for (i = 0; i < r->nparams; i++) {
		xasprintf(&argv[n++], "-D%s=%s", r->params[i].key,
		    r->params[i].value);
	}
	argv[n++] = xstrdup("--");
	for (i = 0; i < ncmd; i++)
		argv[n++] = xstrdup(cmd[i]);
	argv[n] = NULL;
	return argv;
}

void
launch_argv_free(char **argv)
{
	size_t i;

	if (argv == NULL)
		return;
	for (i = 0; argv[i] != NULL; i++)
		free(argv[i]);
	free(argv);
}
