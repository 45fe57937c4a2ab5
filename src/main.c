/* SPDX-License-Identifier: ISC */
/* main.c: subcommand dispatch, and the start of the TUI. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "params-json.h"
#include "path.h"
#include "ui.h"

/*
 * `tui`: the command line, as for the other subcommands (cli_parse), to
 * what the TUI starts from. The file to save to is tui's file, else the -p
 * file; relative to where sbpolicy was started, as the shell means it (not
 * to the policy cwd of -C). When it exists, it as it is on disk is the
 * unmodified state: a template and the flags are changes to save.
 */
static int
tui_main(int argc, char **argv)
{
	struct cli_opts o;
	struct ui_start st;
	struct params saved;
	struct sb_error err;
	const char *name;
	char *here, *file = NULL;
	int status;

	if ((status = cli_parse(CLI_TUI, argc, argv, &o)) != 0) {
		cli_opts_clear(&o);
		return status == CLI_DONE ? CLI_EXIT_OK : status;
	}
	memset(&st, 0, sizeof st);
	st.params = &o.params;
	st.cwd = o.cwd;
	st.home = o.home;
	st.tmpdir = o.tmpdir;
	params_init(&saved);
	name = o.command[0] != NULL ? o.command[0] : o.params_file;
	if (name != NULL) {
		here = getcwd(NULL, 0);
		file = name[0] == '/' || here == NULL ? path_clean(name) :
		    path_join(here, name);
		free(here);
		st.file = file;
		if (o.params_file != name)
			st.template_file = o.params_file;
		sb_error_init(&err);
		if (access(name, F_OK) == 0) {
			if (params_json_load(name, &saved, &err) == -1) {
				cli_warn("%s", err.msg);
				status = CLI_EXIT_ERROR;
				goto out;
			}
			st.saved = &saved;
		}
	}
	status = ui_main(&st);
out:
	params_clear(&saved);
	free(file);
	cli_opts_clear(&o);
	return status;
}

struct subcommand {
	const char	*name;
	int		 (*fn)(int, char **);
};

static const struct subcommand subcommands[] = {
	{ "generate", cli_generate },
	{ "tui", tui_main },
	{ "run", cli_run },
	{ "explain", cli_explain },
	{ "profiles", cli_profiles },
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

		return tui_main(1, args);
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
