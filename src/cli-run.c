/* SPDX-License-Identifier: ISC */
/* cli-run.c: `sbpolicy run`, a command under the policy with sandbox-exec. */
#include "config.h"

#include "cli.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "denials.h"
#include "denials-stream.h"
#include "explain.h"
#include "launch.h"
#include "proc.h"
#include "shquote.h"
#include "xmalloc.h"

extern char **environ;

/* How long log stream may take to start, and how long late records get. */
#define RUN_LOG_READY_MS	5000
#define RUN_LOG_GRACE_MS	300

/*
 * The directory the command starts in: the policy cwd when -C moved it away
 * from where we are, else NULL (stay, and leave $PWD as the shell set it).
 */
static const char *
run_cwd(const struct cli_opts *o)
{
	char *here;
	const char *cwd = o->cwd;

	if ((here = getcwd(NULL, 0)) != NULL && strcmp(here, o->cwd) == 0)
		cwd = NULL;
	free(here);
	return cwd;
}

/* Why the plan of a dry run needs the -f file, for the note. New string. */
static char *
run_dry_why(const struct launch_plan *plan, const struct gen_result *r)
{
	char *why;

	if (plan->how == LAUNCH_HOW_FILE_INLINE)
		xasprintf(&why, "with its -D parameters the command line and "
		    "environment would take %zu bytes, more than the budget "
		    "of %d, so the profile goes by -f with their values "
		    "written in, and no -D", plan->size_file,
		    LAUNCH_ARGV_BUDGET);
	else if (launch_needs_file(r))
		xasprintf(&why, "the profile is %zu bytes, more than %d, so it "
		    "goes by -f", strlen(r->profile), LAUNCH_INLINE_MAX);
	else
		xasprintf(&why, "with the profile in it the command line and "
		    "environment would take %zu bytes, more than the budget "
		    "of %d, so it goes by -f", plan->size_arg,
		    LAUNCH_ARGV_BUDGET);
	return why;
}

/*
 * --dry-run: the command line, one shell-quoted line on stdout: the one
 * launch_run would execute, planned the same way, from the same environment.
 */
static int
run_dry(const struct cli_opts *o, const struct gen_result *r, const char *cwd)
{
	struct launch_spec spec;
	struct launch_plan plan;
	struct sb_error err;
	char **argv, *line, *file = NULL, show[SB_SHOW_MAX], *fshow, *why;
	size_t fsize;
	int status = CLI_EXIT_OK;

	sb_error_init(&err);
	memset(&spec, 0, sizeof spec);
	spec.result = r;
	spec.net_mode = o->params.net_mode;
	spec.command = o->command;
	spec.envp = environ;
	spec.tmpdir = o->tmpdir;
	spec.cwd = cwd;
	if (launch_plan_new(&spec, &plan, &err) != 0) {
		cli_warn("run: %s", err.msg);
		return LAUNCH_EXIT_FAILED;
	}
	if (plan.text != NULL) {
		/*
		 * A placeholder would print a line that cannot work; write the
		 * file it names instead (private, 0600), say so, and leave it
		 * for the user, who is the one who will run the line.
		 */
		file = launch_ops_posix.temp_create(proc_temp_dir(o->tmpdir),
		    plan.text, strlen(plan.text), &err, NULL);
		if (file == NULL) {
			cli_warn("run: %s", err.msg);
			launch_plan_clear(&plan);
			return LAUNCH_EXIT_FAILED;
		}
		/* Whole, however long $TMPDIR is: the user must find it. */
		fsize = strlen(file) * 4 + 8;
		fshow = xmalloc(fsize);
		why = run_dry_why(&plan, r);
		cli_warn("run: note: %s; wrote it to %s, which is not removed: "
		    "delete it when done", why, sb_show(fshow, fsize, file));
		free(why);
		free(fshow);
	}
	if (cwd != NULL)
		cli_warn("run: note: the command would start in %s (-C)",
		    sb_show(show, sizeof show, cwd));
	argv = launch_plan_argv(&plan, &spec, file);
	line = shquote_argv(argv);
	if (printf("%s\n", line) < 0 || fflush(stdout) != 0) {
		cli_warn("run: standard output: %s", strerror(errno));
		status = LAUNCH_EXIT_FAILED;
	}
	free(line);
	launch_argv_free(argv);
	launch_plan_clear(&plan);
	free(file);
	return status;
}

/*
 * Starts the denial log, or says why not and carries on without it. A
 * signal (caught) ends the wait early, and then there is nothing to say.
 */
static bool
run_log_start(const struct cli_opts *o, struct denials_log *lg,
    const volatile sig_atomic_t *caught)
{
	struct sb_error err;

	sb_error_init(&err);
	if (denials_log_start(lg, denials_log_argv, o->tmpdir, RUN_LOG_READY_MS,
	    caught, &err) == -1) {
		if (*caught == 0)
			cli_warn("run: warning: --log-denials: %s; denials "
			    "will not be reported", err.msg);
		return false;
	}
	return true;
}

/* Under a denial of the report: the policy change that would allow it,
 * checked by asking the policy again (explain). */
static char *
run_suggest(const struct denial *d, void *arg)
{
	const struct cli_opts *o = arg;
	struct gen_ctx ctx;

	if (d->target[0] == '\0' || d->target[0] == '<')
		return NULL;	/* nothing to ask about, or redacted */
	cli_gen_ctx(o, &ctx);
	return explain_suggest(&o->params, &ctx, d->operation, d->target);
}

/* Stops the log and reports, unless a signal asked us to leave. */
static void
run_log_report(const struct cli_opts *o, struct denials_log *lg,
    const char *tag, pid_t pid, const volatile sig_atomic_t *caught)
{
	struct denials ds;
	char *report;

	denials_init(&ds, tag, pid);
	denials_log_stop(lg, RUN_LOG_GRACE_MS, &ds);
	if (pid > 0 && *caught == 0) {
		/* On stderr: stdout belongs to the command and its pipes. */
		report = denials_report_fixes(&ds, run_suggest, (void *)o);
		fflush(stdout);
		fputs(report, stderr);
		free(report);
		if (ds.malformed > 0)
			cli_warn("run: warning: --log-denials: %zu of %zu log "
			    "lines could not be read", ds.malformed, ds.lines);
	}
	denials_clear(&ds);
}

int
cli_run(int argc, char **argv)
{
	struct cli_opts o;
	struct gen_result r;
	struct gen_ctx ctx;
	struct launch_spec spec;
	struct denials_log lg;
	struct sb_error err;
	char *tag = NULL, *tagged;
	const char *cwd;
	/* No signal caught, for runs that catch none. */
	static const volatile sig_atomic_t none;
	const volatile sig_atomic_t *caught = &none;
	bool logging = false;
	pid_t pid = 0;
	int status;

	/* Every failure before the command starts is 125, usage included,
	 * so that it cannot be taken for the command's own status. */
	if ((status = cli_parse(CLI_RUN, argc, argv, &o)) != 0) {
		cli_opts_clear(&o);
		return status == CLI_DONE ? CLI_EXIT_OK : LAUNCH_EXIT_FAILED;
	}
	sb_error_init(&err);
	memset(&r, 0, sizeof r);
	status = LAUNCH_EXIT_FAILED;
	if (o.command == NULL || o.command[0] == NULL) {
		cli_warn("run: no command given: put it after -- (try "
		    "'sbpolicy run --help')");
		goto out;
	}
	cli_gen_ctx(&o, &ctx);
	if (gen_render(&o.params, &ctx, &r, &err) == -1) {
		cli_warn("run: %s", err.msg);
		goto out;
	}
	cli_print_warnings(&r);
	if (o.log_denials) {
		tag = denials_tag_new();
		tagged = denials_tag_profile(r.profile, tag);
		free(r.profile);
		r.profile = tagged;
	}
	cwd = run_cwd(&o);
	if (o.dry_run) {
		status = run_dry(&o, &r, cwd);
		goto out;
	}

	memset(&spec, 0, sizeof spec);
	spec.result = &r;
	spec.net_mode = o.params.net_mode;
	spec.command = o.command;
	spec.envp = environ;
	spec.tmpdir = o.tmpdir;
	spec.cwd = cwd;
	/* With a log to read, we must outlive the command. */
	spec.replace = !o.log_denials;
	/* First on its own, for the hint, which only helps here. */
	if ((status = launch_check_sandbox_exec(&launch_ops_posix,
	    &err)) != 0) {
		cli_warn("run: %s; use --dry-run to see the command line",
		    err.msg);
		goto out;
	}
	/* Checked before log stream starts, so a typo costs no wait;
	 * without a log, launch_run's own check is enough. */
	if (o.log_denials &&
	    (status = launch_check(&launch_ops_posix, &spec, &err)) != 0) {
		cli_warn("run: %s", err.msg);
		goto out;
	}
	if (o.log_denials) {
		/*
		 * From here until the log is stopped, a signal's default
		 * action would end us and leave log stream running: catch
		 * them, stop the log, and end as the signal would have had
		 * us end, 128+N. launch_run forwards them to the command
		 * meanwhile, as always.
		 */
		caught = launch_catch_begin();
		logging = run_log_start(&o, &lg, caught);
	}
	fflush(NULL);
	/* Nothing starts when a signal has been caught already. */
	status = launch_run(&launch_ops_posix, &spec, &pid, &err);
	if (sb_error_is_set(&err))
		cli_warn("run: %s", err.msg);
	if (logging)
		run_log_report(&o, &lg, tag, pid, caught);
	if (o.log_denials) {
		launch_catch_end();
		if (*caught != 0)
			status = LAUNCH_EXIT_SIGNAL_BASE + *caught;
	}

out:
	free(tag);
	gen_result_clear(&r);
	cli_opts_clear(&o);
	return status;
}
