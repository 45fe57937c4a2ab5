/* SPDX-License-Identifier: ISC */
/*
 * run-overhead.c: what `sbpolicy run` adds before the exec. Runs a fake
 * sandbox-exec (a program that exits at once, /usr/bin/true by default)
 * N times bare (fork, execve, waitpid) and N times the way `run` does (params
 * -> gen_render -> launch_run: checks, argv, environment, signal forwarding,
 * spawn, wait), interleaved, and prints the medians and their difference.
 * It points launch_ops.sandbox_exec at the fake by linking the core: the
 * shipped program has no way to do that.
 *
 * usage: run-overhead [N [FAKE]]
 */
#include "bench.h"
#include "config.h"

#include <sys/wait.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "gen.h"
#include "launch.h"
#include "params.h"
#include "path.h"

extern char **environ;

struct stats {
	double	median;
	double	p10;
	double	p90;
	double	mean;
};

static struct stats
stats_of(double *v, int n)
{
	struct stats s;
	double sum = 0;
	int i;

	qsort(v, (size_t)n, sizeof *v, cmp_double);
	for (i = 0; i < n; i++)
		sum += v[i];
	s.median = v[n / 2];
	s.p10 = v[n / 10];
	s.p90 = v[n * 9 / 10];
	s.mean = sum / n;
	return s;
}

/* The baseline: the same program, started and reaped with nothing else. */
static double
bare(const char *fake)
{
	char *argv[] = { (char *)fake, NULL };
	double t0;
	pid_t pid;
	int ws;

	t0 = now_ms();
	if ((pid = fork()) == 0) {
		execve(fake, argv, environ);
		_exit(127);
	}
	if (pid == -1 || waitpid(pid, &ws, 0) == -1 || ws != 0) {
		fprintf(stderr, "run-overhead: bare run of %s failed\n", fake);
		exit(1);
	}
	return now_ms() - t0;
}

/* The policy of the README's example. */
static void
make_params(struct params *p)
{
	params_init(p);
	socklist_add(&p->sock_allow, "/tmp/test.sock", MATCH_SUBPATH,
	    ACCESS_CONNECT_BIND);
}

/* What `run` does from parsed params to the command's exit status. */
static double
launched(const struct launch_ops *ops, const struct params *p,
    const struct gen_ctx *ctx)
{
	static char *cmd[] = { (char *)"true", NULL };
	struct gen_result r;
	struct launch_spec spec;
	struct sb_error err;
	double t0;
	int status;

	t0 = now_ms();
	sb_error_init(&err);
	if (gen_render(p, ctx, &r, &err) == -1) {
		fprintf(stderr, "run-overhead: %s\n", err.msg);
		exit(1);
	}
	spec.result = &r;
	spec.net_mode = p->net_mode;
	spec.command = cmd;
	spec.envp = environ;
	spec.tmpdir = getenv("TMPDIR");
	spec.cwd = NULL;
	status = launch_run(ops, &spec, NULL, &err);
	gen_result_clear(&r);
	if (status != 0) {
		fprintf(stderr, "run-overhead: launch_run: %d %s\n", status,
		    err.msg);
		exit(1);
	}
	return now_ms() - t0;
}

/* The pure steps alone, averaged over n rounds, in ms. */
static void
pieces(const struct launch_ops *ops, const struct params *p,
    const struct gen_ctx *ctx, int n)
{
	static char *cmd[] = { (char *)"true", NULL };
	struct gen_result r;
	struct launch_spec spec;
	struct sb_error err;
	char **argv, **envp;
	double t0, t_gen = 0, t_argv = 0, t_check = 0;
	size_t size = 0;
	int i;

	for (i = 0; i < n; i++) {
		t0 = now_ms();
		gen_render(p, ctx, &r, &err);
		t_gen += now_ms() - t0;
		size = strlen(r.profile);

		t0 = now_ms();
		argv = launch_argv_new(&r, NULL, cmd);
		envp = launch_env_new(environ, p->net_mode, NULL);
		t_argv += now_ms() - t0;
		launch_argv_free(argv);
		launch_argv_free(envp);

		spec.result = &r;
		spec.net_mode = p->net_mode;
		spec.command = cmd;
		spec.envp = environ;
		spec.tmpdir = NULL;
		spec.cwd = NULL;
		t0 = now_ms();
		(void)launch_check(ops, &spec, &err);
		t_check += now_ms() - t0;
		gen_result_clear(&r);
	}
	printf("  pure steps, mean of %d (no process started):\n", n);
	printf("    gen_render (a %5zu-byte profile)  %8.4f ms\n", size,
	    t_gen / n);
	printf("    launch_argv_new + launch_env_new  %8.4f ms\n",
	    t_argv / n);
	printf("    launch_check (stat, PATH lookup)  %8.4f ms\n",
	    t_check / n);
}

int
main(int argc, char **argv)
{
	struct launch_ops ops = launch_ops_posix;
	struct params p;
	struct gen_ctx ctx;
	struct stats sb, sr;
	const char *fake;
	double *tb, *tr;
	char *cwd;
	int n = argc > 1 ? atoi(argv[1]) : 2000, i;

	fake = argc > 2 ? argv[2] :
	    access("/usr/bin/true", X_OK) == 0 ? "/usr/bin/true" : "/bin/true";
	if (n < 10) {
		fprintf(stderr, "usage: run-overhead [N >= 10 [FAKE]]\n");
		return 2;
	}
	ops.sandbox_exec = fake;
	make_params(&p);
	cwd = getcwd(NULL, 0);
	ctx.cwd = cwd;
	ctx.home = getenv("HOME");
	ctx.tmpdir = getenv("TMPDIR");
	ctx.fs = &path_fs_posix;

	tb = calloc((size_t)n, sizeof *tb);
	tr = calloc((size_t)n, sizeof *tr);
	if (tb == NULL || tr == NULL)
		return 1;
	/* Warm up caches and the dynamic loader, then interleave so that
	 * drift in the machine's load hits both series alike. */
	for (i = 0; i < 50; i++) {
		bare(fake);
		launched(&ops, &p, &ctx);
	}
	for (i = 0; i < n; i++) {
		tb[i] = bare(fake);
		tr[i] = launched(&ops, &p, &ctx);
	}
	sb = stats_of(tb, n);
	sr = stats_of(tr, n);
	printf("run-overhead: %d runs each, fake sandbox-exec %s\n", n, fake);
	printf("                                        median      p10      "
	    "p90     mean\n");
	printf("  bare fork/exec/wait                 %8.4f %8.4f %8.4f "
	    "%8.4f ms\n", sb.median, sb.p10, sb.p90, sb.mean);
	printf("  run: params->argv->spawn->wait      %8.4f %8.4f %8.4f "
	    "%8.4f ms\n", sr.median, sr.p10, sr.p90, sr.mean);
	printf("  added by run                        %8.4f %8.4f %8.4f "
	    "%8.4f ms\n", sr.median - sb.median, sr.p10 - sb.p10,
	    sr.p90 - sb.p90, sr.mean - sb.mean);
	pieces(&ops, &p, &ctx, n);
	printf("  target: at most 1 ms added (median): %s\n",
	    sr.median - sb.median <= 1.0 ? "met" : "NOT MET");
	free(tb);
	free(tr);
	free(cwd);
	params_clear(&p);
	return sr.median - sb.median <= 1.0 ? 0 : 1;
}
