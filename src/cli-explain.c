/* SPDX-License-Identifier: ISC */
/* cli-explain.c: `sbpolicy explain`, an access asked of a profile. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cli.h"
#include "explain.h"
#include "fileio.h"
#include "xmalloc.h"

/* The most of a profile file explain reads: ten times the largest one
 * sbpolicy writes for a policy at the loader's limits. */
#define PROFILE_MAX	(64 * 1024 * 1024)

/* Whether the command line set any policy option (they and --profile do
 * not go together). */
static bool
has_policy(const struct cli_opts *o)
{
	struct params def;
	bool same;

	params_init(&def);
	same = params_equal(&def, &o->params);
	params_clear(&def);
	return o->params_file != NULL || !same;
}

int
cli_explain(int argc, char **argv)
{
	struct cli_opts o;
	struct gen_ctx ctx;
	struct explain_profile pr;
	struct explain x;
	struct sb_error err;
	struct buf out;
	char show[SB_SHOW_MAX], *text;
	size_t len, nwords;
	int status;

	if ((status = cli_parse(CLI_EXPLAIN, argc, argv, &o)) != 0) {
		cli_opts_clear(&o);
		return status == CLI_DONE ? CLI_EXIT_OK : EXPLAIN_EXIT_ERROR;
	}
	for (nwords = 0; o.command[nwords] != NULL; nwords++)
		continue;
	status = EXPLAIN_EXIT_ERROR;
	memset(&pr, 0, sizeof pr);
	if (nwords == 0) {
		cli_warn("explain: which access? e.g. sbpolicy explain read "
		    "~/.ssh/id_ed25519 (sbpolicy explain --help)");
		goto out;
	}
	if (nwords > 2) {
		cli_warn("explain: unexpected argument %s (one VERB and one "
		    "TARGET)", sb_show(show, sizeof show, o.command[2]));
		goto out;
	}
	if (o.profile != NULL && has_policy(&o)) {
		cli_warn("explain: --profile asks that profile; the policy "
		    "options do not apply to it");
		goto out;
	}
	if (o.profile == NULL && o.ndefs > 0) {
		cli_warn("explain: -D applies to a --profile; a policy's own "
		    "parameters are set by its options");
		goto out;
	}
	cli_gen_ctx(&o, &ctx);
	sb_error_init(&err);
	if (o.profile != NULL) {
		if ((text = file_read(o.profile, PROFILE_MAX, &len,
		    &err)) == NULL ||
		    explain_load_text(&pr, o.profile, text, len, o.defs,
		    o.ndefs, &ctx, &err) == -1) {
			cli_warn("%s", err.msg);
			goto out;
		}
	} else if (explain_load_params(&pr, &o.params, &ctx, &err) == -1) {
		cli_warn("%s", err.msg);
		goto out;
	}
	if (explain_ask(&x, &pr, o.command[0], o.command[1], &err) == -1) {
		cli_warn("explain: %s", err.msg);
		goto out;
	}
	buf_init(&out);
	if (o.json)
		explain_json(&out, &x, &pr);
	else
		explain_text(&out, &x, &pr);
	if (cli_write_output(NULL, out.data, out.len, &err) == -1)
		cli_warn("%s", err.msg);
	else
		status = explain_exit(x.verdict);
	buf_clear(&out);
	explain_clear(&x);
out:
	explain_profile_clear(&pr);
	cli_opts_clear(&o);
	return status;
}
