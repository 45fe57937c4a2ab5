/* SPDX-License-Identifier: ISC */
/* cli-import.c: `sbpolicy import srt`, another tool's settings as a
 * params file. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "import-srt.h"
#include "params-json.h"

int
cli_import(int argc, char **argv)
{
	struct cli_opts o;
	struct import_ctx ctx;
	struct gen_ctx gctx;
	struct import_warnings w;
	struct params p;
	struct sb_error err;
	char show[SB_SHOW_MAX], *text = NULL;
	const char *out;
	size_t i;
	int status;

	memset(&w, 0, sizeof w);
	params_init(&p);
	if ((status = cli_parse(CLI_IMPORT, argc, argv, &o)) != 0) {
		status = status == CLI_DONE ? CLI_EXIT_OK : status;
		goto out;
	}
	status = CLI_EXIT_USAGE;
	if (o.command[0] == NULL) {
		cli_warn("import: from which tool? e.g. sbpolicy import srt "
		    "~/.srt-settings.json (sbpolicy import --help)");
		goto out;
	}
	if (strcmp(o.command[0], "srt") != 0) {
		cli_warn("import: unknown tool %s (srt)",
		    sb_show(show, sizeof show, o.command[0]));
		goto out;
	}
	if (o.command[1] == NULL) {
		cli_warn("import: srt: which settings file? e.g. sbpolicy "
		    "import srt ~/.srt-settings.json");
		goto out;
	}
	if (o.command[2] != NULL) {
		cli_warn("import: unexpected argument %s (one SETTINGS.json)",
		    sb_show(show, sizeof show, o.command[2]));
		goto out;
	}
	if (o.output != NULL && o.save_params != NULL) {
		cli_warn("import: -o and --save-params are one option; give "
		    "one of them");
		goto out;
	}
	out = o.output != NULL ? o.output : o.save_params;

	status = CLI_EXIT_ERROR;
	ctx.cwd = o.cwd;
	ctx.home = o.home;
	sb_error_init(&err);
	if (import_srt_file(o.command[1], &ctx, &p, &w, &err) == -1) {
		cli_warn("%s", err.msg);
		goto out;
	}
	/* What is written, generate takes (with the same -C, $HOME and
	 * $TMPDIR): a file it refuses would be a failure put off. */
	cli_gen_ctx(&o, &gctx);
	if (import_srt_check(o.command[1], &p, &gctx, &err) == -1) {
		cli_warn("%s", err.msg);
		goto out;
	}
	for (i = 0; i < w.n; i++)
		cli_warn("warning: %s", w.v[i].msg);
	/* Nothing is written: a file that says less than the settings
	 * would be taken for all of them. */
	if (o.strict && w.n > 0) {
		cli_warn("import: %zu %s no equivalent (--strict): nothing "
		    "written", w.n, w.n == 1 ? "setting has" : "settings have");
		goto out;
	}
	if ((text = params_json_dump(&p, &err)) == NULL ||
	    cli_write_output(out, text, strlen(text), &err) == -1) {
		cli_warn("%s", err.msg);
		goto out;
	}
	status = CLI_EXIT_OK;
out:
	free(text);
	import_warnings_clear(&w);
	params_clear(&p);
	cli_opts_clear(&o);
	return status;
}
