/* SPDX-License-Identifier: ISC */
/*
 * tui-main.c: sbpolicy-tui, the terminal UI as a program of its own, which
 * `sbpolicy` and `sbpolicy tui` run (as git runs its subcommands), so that
 * the other subcommands never load curses.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "import-srt.h"
#include "params-json.h"
#include "path.h"
#include "ui.h"

static bool
is_default(const struct params *p)
{
	struct params def;
	bool same;

	params_init(&def);
	same = params_equal(p, &def);
	params_clear(&def);
	return same;
}

/*
 * `tui`: the command line, as for the other subcommands (cli_parse), to
 * what the TUI starts from. The file to save to is tui's file, else the -p
 * file; relative to where sbpolicy was started, as the shell means it (not
 * to the policy cwd of -C). When it exists, it as it is on disk is the
 * unmodified state: a template and the flags are changes to save. An srt
 * settings file in its place is no file to save to: the TUI asks to
 * convert it, to a policy of its own, so no flag or template applies.
 */
static int
tui_main(int argc, char **argv)
{
	struct cli_opts o;
	struct ui_start st;
	struct params saved;
	struct sb_error err;
	char show[SB_SHOW_MAX];
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
			if (params_json_load(name, &saved, &err) == 0)
				st.saved = &saved;
			else if (o.command[0] == NULL ||
			    !import_srt_detect_file(name)) {
				cli_warn("%s", err.msg);
				status = CLI_EXIT_ERROR;
				goto out;
			} else if (st.template_file != NULL ||
			    !is_default(&o.params)) {
				cli_warn("tui: %s is an srt settings file: "
				    "give it alone, without a template or "
				    "policy options (sbpolicy import srt "
				    "converts it to a params file)",
				    sb_show(show, sizeof show, name));
				status = CLI_EXIT_USAGE;
				goto out;
			} else {
				st.file = NULL;
				st.srt_file = file;
			}
		}
	}
	status = ui_main(&st);
out:
	params_clear(&saved);
	free(file);
	cli_opts_clear(&o);
	return status;
}

/* argv is that of `sbpolicy tui ...`: argv[0] is "tui". */
int
main(int argc, char **argv)
{
	char *args[] = { (char *)"tui", NULL };

	if (argc < 1)
		return tui_main(1, args);
	return tui_main(argc, argv);
}
