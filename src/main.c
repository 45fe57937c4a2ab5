/* SPDX-License-Identifier: ISC */
/* main.c: subcommand dispatch. */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "ui.h"

struct subcommand {
	const char	*name;
	int		 (*fn)(int, char **);
};

static const struct subcommand subcommands[] = {
	{ "generate", cli_generate },
	{ "tui", ui_main },
	{ "run", cli_run },
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

		return ui_main(1, args);
	}
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
