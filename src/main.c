/* SPDX-License-Identifier: ISC */
/* main.c: subcommand dispatch; the TUI is a program of its own. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "xmalloc.h"

/*
 * `tui` and no arguments: sbpolicy-tui, the TUI program, with our
 * arguments. It is SBPOLICY_TUI when set, else the one beside this program
 * (the build tree), else the installed one in $(pkglibexecdir). Returns
 * only when it cannot be run.
 */
static int
tui_exec(int argc, char **argv, const char *self)
{
	char **args, *path = NULL;
	const char *env = getenv("SBPOLICY_TUI"), *slash;
	int i;

	if (env != NULL && *env != '\0')
		path = xstrdup(env);
	else if ((slash = strrchr(self, '/')) != NULL) {
		xasprintf(&path, "%.*s/sbpolicy-tui", (int)(slash - self),
		    self);
		if (access(path, X_OK) != 0) {
			free(path);
			path = NULL;
		}
	}
	if (path == NULL)
		path = xstrdup(SBPOLICY_LIBEXECDIR "/sbpolicy-tui");
	/* argv[0] of the TUI is "tui", as cli_parse takes it. */
	args = xcalloc((size_t)argc + 2, sizeof *args);
	args[0] = (char *)"tui";
	for (i = 1; i < argc; i++)
		args[i] = argv[i];
	execv(path, args);
	cli_warn("tui: cannot run %s: %s", path, strerror(errno));
	free(args);
	free(path);
	return CLI_EXIT_ERROR;
}

struct subcommand {
	const char	*name;
	int		 (*fn)(int, char **);
};

static const struct subcommand subcommands[] = {
	{ "generate", cli_generate },
	{ "run", cli_run },
	{ "explain", cli_explain },
	{ "profiles", cli_profiles },
	{ "lint", cli_lint },
	{ "completion", cli_completion },
	{ "doctor", cli_doctor },
	{ "import", cli_import },
};

static void
usage_full(FILE *f)
{
	cli_usage(f);
	fputs("\nBuild, preview and launch macOS Seatbelt sandbox policies.\n"
	    "Run 'sbpolicy SUBCOMMAND --help' for the options of each.\n", f);
}

int
main(int argc, char **argv)
{
	char show[SB_SHOW_MAX];
	size_t i;

	if (argc < 2) {
		/* No arguments: the TUI on the default policy (it says so
		 * plainly, exit 2, when not on a terminal). */
		char *args[] = { (char *)"tui", NULL };

		return tui_exec(1, args, argv[0] != NULL ? argv[0] : "");
	}
	if (strcmp(argv[1], "tui") == 0)
		return tui_exec(argc - 1, argv + 1, argv[0]);
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		usage_full(stdout);
		return CLI_EXIT_OK;
	}
	if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0) {
		printf("sbpolicy %s\n", PACKAGE_VERSION);
		return CLI_EXIT_OK;
	}
	for (i = 0; i < sizeof subcommands / sizeof subcommands[0]; i++) {
		if (strcmp(argv[1], subcommands[i].name) == 0)
			return subcommands[i].fn(argc - 1, argv + 1);
	}
	cli_warn("unknown command: %s (try 'sbpolicy --help')",
	    sb_show(show, sizeof show, argv[1]));
	return CLI_EXIT_USAGE;
}
