/* SPDX-License-Identifier: ISC */
/* cli-profiles.c: `sbpolicy profiles`, the saved policies by name. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "profiles.h"

int
cli_profiles(int argc, char **argv)
{
	struct cli_opts o;
	struct sb_error err;
	char **names, **others, *dir, show[SB_SHOW_MAX];
	size_t n, i;
	int status;

	if ((status = cli_parse(CLI_PROFILES, argc, argv, &o)) != 0) {
		cli_opts_clear(&o);
		return status == CLI_DONE ? CLI_EXIT_OK : status;
	}
	if (o.command[0] != NULL) {
		cli_warn("profiles: unexpected argument %s (it takes none)",
		    sb_show(show, sizeof show, o.command[0]));
		cli_opts_clear(&o);
		return CLI_EXIT_USAGE;
	}
	status = CLI_EXIT_ERROR;
	sb_error_init(&err);
	if ((dir = profiles_dir(getenv("XDG_CONFIG_HOME"), o.home)) == NULL) {
		cli_warn("profiles: neither $XDG_CONFIG_HOME nor $HOME is set");
		goto out;
	}
	if ((names = profiles_list(dir, &n, &others, &err)) == NULL) {
		cli_warn("profiles: %s", err.msg);
		free(dir);
		goto out;
	}
	/* The names alone on standard output, for scripts and completion;
	 * that there is none, with where, on standard error. */
	for (i = 0; i < n; i++)
		printf("%s\n", names[i]);
	for (i = 0; others[i] != NULL; i++)
		cli_warn("profiles: %s is not listed: a profile's name is "
		    "letters, digits, '.', '_' and '-' (rename it, or give -p "
		    "its path)", sb_show(show, sizeof show, others[i]));
	if (n == 0)
		cli_warn("profiles: none saved in %s", dir);
	profiles_list_free(others);
	status = fflush(stdout) == 0 ? CLI_EXIT_OK : CLI_EXIT_ERROR;
	profiles_list_free(names);
	free(dir);
out:
	cli_opts_clear(&o);
	return status;
}
