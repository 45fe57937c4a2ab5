/* SPDX-License-Identifier: ISC */
/* cli-doctor.c: `sbpolicy doctor`, whether the sandbox works here for the
 * policy of the options: one line per check. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "doctor.h"

extern char **environ;

int
cli_doctor(int argc, char **argv)
{
	struct cli_opts o;
	struct gen_ctx ctx;
	struct doctor_spec sp;
	struct doctor_report rep;
	const struct doctor_check *c;
	char show[SB_SHOW_MAX];
	size_t i;
	int status;

	if ((status = cli_parse(CLI_DOCTOR, argc, argv, &o)) != 0) {
		cli_opts_clear(&o);
		if (status == CLI_DONE)
			return CLI_EXIT_OK;
		/* A params file that does not load is the first check's
		 * failure; its message is above. */
		if (status == CLI_EXIT_ERROR)
			printf("FAIL params: the policy does not load (the "
			    "message above)\n");
		return status;
	}
	if (o.command[0] != NULL) {
		cli_warn("doctor: unexpected argument %s (it takes the policy "
		    "options only: try 'sbpolicy doctor --help')",
		    sb_show(show, sizeof show, o.command[0]));
		cli_opts_clear(&o);
		return CLI_EXIT_USAGE;
	}
	cli_gen_ctx(&o, &ctx);
	memset(&sp, 0, sizeof sp);
	sp.params = &o.params;
	sp.ctx = &ctx;
	sp.envp = environ;
	sp.tmpdir = o.tmpdir;
	/* What sandbox-exec may print comes after what is already out. */
	fflush(stdout);
	doctor_run(&doctor_probes_posix, &sp, &rep);
	for (i = 0; i < rep.n; i++) {
		c = &rep.checks[i];
		printf("%-4s %s: %s%s%s\n", doctor_status_name(c->status),
		    c->name, c->what, c->fix != NULL ? " -> " : "",
		    c->fix != NULL ? c->fix : "");
	}
	status = doctor_exit(&rep);
	if (fflush(stdout) != 0) {
		cli_warn("doctor: standard output: %s", strerror(errno));
		status = CLI_EXIT_ERROR;
	}
	doctor_report_clear(&rep);
	cli_opts_clear(&o);
	return status;
}
