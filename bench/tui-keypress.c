/* SPDX-License-Identifier: ISC */
/* tui-keypress.c: one key press to a redrawn headless preview, timed. */
#include "bench.h"
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "keymap.h"
#include "layout.h"
#include "model.h"
#include "path.h"
#include "theme.h"
#include "ui-curses.h"
#include "view.h"

/*
 * What the loop does for one key (ui/loop.c): the keymap lookup and
 * ui_model_apply, ui_model_regen (gen_render, the sbpl format, line roles,
 * the change marks, the settings rows), ui_view_draw and doupdate to a
 * terminal on /dev/null. Goals: median at most 1 ms on the default
 * policy, at most 2 ms with 1,000 entries, and 10 access checks (asked
 * again at every regeneration, C in the TUI) adding at most 0.5 ms to the
 * default policy's. Exits 1 when one is missed.
 */

#define ROWS	30
#define COLS	100

static void
press(struct ui_model *m, struct ui_layout *lay, int key)
{
	unsigned r = ui_model_key(m, key);

	if (r & UI_R_CHECK)
		r |= ui_model_check(m);
	if (r & UI_R_RELAYOUT)
		ui_layout_compute(lay, LINES, COLS, m->zoom);
	if (r & UI_R_REGEN)
		ui_model_regen(m);
	ui_view_draw(m, lay);
	doupdate();
}

/* Times n presses of the keys in turn; returns the median in ms. */
static double
run(const char *name, struct ui_model *m, struct ui_layout *lay,
    const int *keys, size_t nkeys, size_t n)
{
	double *t = calloc(n, sizeof *t), t0, med;
	size_t i;

	if (t == NULL)
		exit(2);
	for (i = 0; i < 20; i++)	/* warm up */
		press(m, lay, keys[i % nkeys]);
	for (i = 0; i < n; i++) {
		t0 = now_ms();
		press(m, lay, keys[i % nkeys]);
		t[i] = now_ms() - t0;
	}
	qsort(t, n, sizeof *t, cmp_double);
	med = t[n / 2];
	printf("%-44s median %7.3f ms  p10 %7.3f  p90 %7.3f  max %7.3f  "
	    "(%zu presses, %zu preview lines)\n", name, med, t[n / 10],
	    t[n * 9 / 10], t[n - 1], n, m->nlines);
	free(t);
	return med;
}

/*
 * Ten checks of several kinds, typed as a user would (C, text, Enter), then
 * the network mode back to mode, so that the runs after start where the
 * runs without checks started.
 */
static void
add_checks(struct ui_model *m, struct ui_layout *lay, enum net_mode mode)
{
	static const char *const checks[] = {
		"read ~/.ssh/id_ed25519", "write /etc/passwd",
		"write /tmp/sbpolicy-bench/out", "create ./build/x.o",
		"exec /bin/sh", "connect tcp:localhost:8080",
		"connect /tmp/sbpolicy-bench/s001/app.sock",
		"lookup com.apple.trustd.agent", "sysctl kern.hostname",
		"read /etc/hosts",
	};
	const char *c;
	size_t i;

	for (i = 0; i < sizeof checks / sizeof checks[0]; i++) {
		press(m, lay, 'C');
		for (c = checks[i]; *c != '\0'; c++)
			press(m, lay, (unsigned char)*c);
		press(m, lay, UI_KEY_ENTER);
	}
	if (m->checks.n != 10) {
		fprintf(stderr, "tui-keypress: %zu checks, not 10: %s\n",
		    m->checks.n, m->status != NULL ? m->status : "");
		exit(2);
	}
	/* The selection back on the network mode, as in the other cases. */
	for (i = 0; i < 200; i++)
		press(m, lay, 'k');
	while (m->params.net_mode != mode)
		press(m, lay, 'n');
}

static void
setup(struct ui_model *m, struct ui_layout *lay, const struct params *p)
{
	struct ui_env env;

	memset(&env, 0, sizeof env);
	env.cwd = "/tmp";
	env.home = getenv("HOME");
	env.tmpdir = getenv("TMPDIR");
	env.fs = &path_fs_posix;
	ui_model_init(m, p, NULL, &env);
	ui_layout_compute(lay, LINES, COLS, false);
	ui_model_set_viewport(m, ui_layout_pane_lines(&lay->settings),
	    lay->settings.w, ui_layout_pane_lines(&lay->preview), LINES - 4);
	ui_model_regen(m);
	ui_view_draw(m, lay);
	doupdate();
}

int
main(int argc, char **argv)
{
	static const int net[] = { 'n' };
	static const int local[] = { 'l' };
	static const int down[] = { 'j', 'j', 'j', 'k', 'k', 'k' };
	struct ui_model m;
	struct ui_layout lay;
	struct params p;
	FILE *out, *in;
	SCREEN *s;
	char path[64];
	double d1, d2, big1, big2, c1, c2;
	size_t n = argc > 1 ? strtoul(argv[1], NULL, 10) : 2000, i;
	int status = 0;

	if (n < 10)
		n = 10;
	out = fopen("/dev/null", "w");
	in = fopen("/dev/null", "r");
	if (out == NULL || in == NULL ||
	    (s = newterm("xterm-256color", out, in)) == NULL) {
		fprintf(stderr, "tui-keypress: no headless terminal\n");
		return 2;
	}
	set_term(s);
	resizeterm(ROWS, COLS);
	ui_theme_init(true);

	params_init(&p);
	setup(&m, &lay, &p);
	d1 = run("default policy, n (network mode)", &m, &lay, net, 1, n);
	d2 = run("default policy, l (local binding)", &m, &lay, local, 1, n);
	run("default policy, j/k (selection only)", &m, &lay, down, 6, n);
	add_checks(&m, &lay, p.net_mode);
	c1 = run("default policy, 10 checks, n (network mode)", &m, &lay, net,
	    1, n);
	c2 = run("default policy, 10 checks, l (local binding)", &m, &lay,
	    local, 1, n);
	run("default policy, 10 checks, j/k (selection)", &m, &lay, down, 6,
	    n);
	ui_model_clear(&m);

	/* 1,000 entries: sockets in a scrambled order, none existing yet, so
	 * every one is canonicalised through its existing prefix. */
	for (i = 0; i < 1000; i++) {
		snprintf(path, sizeof path, "/tmp/sbpolicy-bench/s%03zu/app.sock",
		    (i * 7919) % 1000);
		socklist_add(&p.sock_allow, path, MATCH_SUBPATH,
		    i % 3 == 0 ? ACCESS_CONNECT : ACCESS_CONNECT_BIND);
	}
	setup(&m, &lay, &p);
	big1 = run("1,000 sockets, n (network mode)", &m, &lay, net, 1, n / 4);
	big2 = run("1,000 sockets, l (local binding)", &m, &lay, local, 1,
	    n / 4);
	run("1,000 sockets, j/k (selection only)", &m, &lay, down, 6, n);
	add_checks(&m, &lay, p.net_mode);
	run("1,000 sockets, 10 checks, n (network mode)", &m, &lay, net, 1,
	    n / 4);
	ui_model_clear(&m);
	params_clear(&p);

	endwin();
	delscreen(s);
	fclose(out);
	fclose(in);

	if (d1 > 1.0 || d2 > 1.0) {
		printf("goal missed: default policy median above 1 ms\n");
		status = 1;
	}
	if (big1 > 2.0 || big2 > 2.0) {
		printf("goal missed: 1,000 entries median above 2 ms\n");
		status = 1;
	}
	if (c1 - d1 > 0.5 || c2 - d2 > 0.5) {
		printf("goal missed: 10 checks add more than 0.5 ms\n");
		status = 1;
	}
	if (status == 0)
		printf("goals met: <= 1 ms (default), <= 2 ms (1,000 entries), "
		    "10 checks add <= 0.5 ms (%+.3f, %+.3f)\n", c1 - d1,
		    c2 - d2);
	return status;
}
