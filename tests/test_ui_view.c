/* SPDX-License-Identifier: ISC */
/* test_ui_view.c: the view drawn headless (ncurses on /dev/null), read back from the screen. */
#include "config.h"

#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "buf.h"
#include "helpers.h"
#include "layout.h"
#include "model.h"
#include "theme.h"
#include "ui-curses.h"
#include "view.h"
#include "xmalloc.h"

struct fixture {
	FILE		*out, *in;
	SCREEN		*screen;
	struct path_fs	 fs;
	struct ui_model	 m;
	struct ui_layout lay;
};

static int
setup(void **state)
{
	struct fixture *f = xcalloc(1, sizeof *f);
	struct ui_env env;
	struct params p;

	if ((f->out = fopen("/dev/null", "w")) == NULL ||
	    (f->in = fopen("/dev/null", "r")) == NULL)
		return -1;
	/* An explicit type: the test must not depend on $TERM. */
	if ((f->screen = newterm("vt100", f->out, f->in)) == NULL)
		return -1;
	set_term(f->screen);
	ui_theme_init(false);
	f->fs = test_fs(test_fs_macos);
	memset(&env, 0, sizeof env);
	env.cwd = "/Users/me/project";
	env.home = "/Users/me";
	env.fs = &f->fs;
	params_init(&p);
	ui_model_init(&f->m, &p, NULL, &env);
	params_clear(&p);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	ui_model_clear(&f->m);
	endwin();
	delscreen(f->screen);
	fclose(f->out);
	fclose(f->in);
	free(f);
	return 0;
}

static void	dump(void);
static bool	hints_end_with(const char *);

/* What the loop does for one pass, at rows x cols. */
static void
draw(struct fixture *f, int rows, int cols, unsigned flags)
{
	resizeterm(rows, cols);
	ui_layout_compute(&f->lay, rows, cols, f->m.zoom);
	ui_model_set_viewport(&f->m, ui_layout_pane_lines(&f->lay.settings),
	    f->lay.settings.w, ui_layout_pane_lines(&f->lay.preview),
	    rows - 4);
	ui_model_set_help_width(&f->m, cols - 2);
	if (flags & UI_R_REGEN)
		ui_model_regen(&f->m);
	ui_view_draw(&f->m, &f->lay);
	dump();
}

static void
key(struct fixture *f, int k)
{
	unsigned r = ui_model_key(&f->m, k);

	if (r & UI_R_CHECK)
		r |= ui_model_check(&f->m);
	if (r & UI_R_REGEN)
		ui_model_regen(&f->m);
}

static void
keys(struct fixture *f, const char *s)
{
	for (; *s != '\0'; s++)
		key(f, (unsigned char)*s);
}

/* Row y of the screen, trailing blanks cut. */
static char *
row(int y)
{
	static char buf[512];
	int n;

	n = mvinnstr(y, 0, buf, COLS < 511 ? COLS : 511);
	if (n < 0)
		n = 0;
	buf[n] = '\0';
	while (n > 0 && buf[n - 1] == ' ')
		buf[--n] = '\0';
	return buf;
}

/* With SBPOLICY_TEST_DUMP set, the screen goes to stderr (debugging). */
static void
dump(void)
{
	int y;

	if (getenv("SBPOLICY_TEST_DUMP") == NULL)
		return;
	for (y = 0; y < LINES; y++)
		fprintf(stderr, "%2d|%s\n", y, row(y));
}

/* The screen row holding s, or -1. */
static int
find(const char *s)
{
	int y;

	for (y = 0; y < LINES; y++) {
		if (strstr(row(y), s) != NULL)
			return y;
	}
	return -1;
}

/* The attributes of the cell at (y, x). */
static attr_t
attr_at(int y, int x)
{
	chtype c[2];

	mvinchnstr(y, x, c, 1);
	return c[0] & A_ATTRIBUTES;
}

static void
view_draws_both_panes_side_by_side_when_wide(void **state)
{
	struct fixture *f = *state;
	int y;

	draw(f, 30, 100, UI_R_REGEN);
	assert_non_null(strstr(row(0), "sbpolicy: [new policy]"));
	assert_null(strstr(row(0), "[modified]"));
	assert_non_null(strstr(row(0), "network restricted | fs read-only"));
	assert_non_null(strstr(row(1), "Settings"));
	assert_non_null(strstr(row(1), "Preview  lines 1-26 of"));
	assert_true(strstr(row(1), "Settings") < strstr(row(1), "Preview"));
	y = find("  mode ");
	assert_true(y > 1);
	assert_non_null(strstr(row(y), "restricted |"));
	assert_true(find("(version 1)") > 1);
	assert_true(find("Filesystem") > find("Network"));
	/* The separator, and the key hints from the keymap. */
	assert_int_equal(row(5)[f->lay.sep.x], '|');
	assert_non_null(strstr(row(29), "n net"));
	assert_non_null(strstr(row(29), "u allow"));
	assert_non_null(strstr(row(29), "q quit"));
}

static void
view_stacks_the_panes_when_narrow(void **state)
{
	struct fixture *f = *state;
	int y;

	draw(f, 24, 80, UI_R_REGEN);
	assert_non_null(strstr(row(1), "Settings"));
	assert_null(strstr(row(1), "Preview"));
	y = find("Preview  lines");
	assert_int_equal(y, f->lay.preview.y);
	assert_true(y > 2);
	assert_non_null(strstr(row(0), "sbpolicy"));
}

static void
view_says_when_the_terminal_is_too_small(void **state)
{
	struct fixture *f = *state;

	draw(f, 12, 40, UI_R_REGEN);
	assert_string_equal(row(0), "terminal too small (need 50x14)");
	assert_string_equal(row(1), "");
	/* Wrapped, not cut, so the size needed shows on a tiny one. */
	draw(f, 5, 20, 0);
	assert_string_equal(row(0), "terminal too small");
	assert_string_equal(row(1), "(need 50x14)");
	/* A question stays readable: its keys still work. */
	key(f, 'n');
	key(f, 'q');
	draw(f, 5, 20, UI_R_REGEN);
	assert_string_equal(row(2), "unsaved changes;");
	assert_non_null(strstr(row(3), "save first?"));
	assert_non_null(strstr(row(4), "c cancel"));
	/* And back to normal once it is larger again. */
	draw(f, 30, 100, 0);
	assert_non_null(strstr(row(1), "Settings"));
}

static void
view_relayouts_at_several_sizes(void **state)
{
	static const int sizes[][2] = {
		{ 14, 50 }, { 20, 60 }, { 24, 80 }, { 30, 100 }, { 50, 200 },
		{ 60, 89 }, { 16, 90 },
	};
	struct fixture *f = *state;
	size_t i;

	ui_model_regen(&f->m);
	for (i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
		draw(f, sizes[i][0], sizes[i][1], 0);
		assert_int_equal(LINES, sizes[i][0]);
		assert_int_equal(COLS, sizes[i][1]);
		/* The modes at every size; "sbpolicy: " gives way to the
		 * name on the narrowest. */
		assert_non_null(strstr(row(0), "restricted | fs read-only"));
		assert_true(sizes[i][1] < 60 ||
		    strstr(row(0), "sbpolicy: ") != NULL);
		assert_non_null(strstr(row(1), "Settings"));
		assert_true(find("Preview  lines") >= 1);
		assert_true(strlen(row(LINES - 1)) > 0);
		assert_true(find("mode") > 1);
	}
}

static void
view_reverses_the_selected_row(void **state)
{
	struct fixture *f = *state;
	int y;

	draw(f, 30, 100, UI_R_REGEN);
	y = find("  mode ");
	assert_true(attr_at(y, 3) & A_REVERSE);
	assert_false(attr_at(y + 1, 3) & A_REVERSE);
	key(f, 'j');
	draw(f, 30, 100, 0);
	assert_false(attr_at(y, 3) & A_REVERSE);
	assert_true(attr_at(y + 1, 3) & A_REVERSE);
}

static void
view_shows_the_prompt_and_keeps_refused_text(void **state)
{
	struct fixture *f = *state;

	draw(f, 30, 100, UI_R_REGEN);
	key(f, 'p');
	keys(f, "99999");
	draw(f, 30, 100, 0);
	assert_string_equal(row(28), "proxy port: 99999");
	assert_non_null(strstr(row(29), "Enter accept"));
	key(f, UI_KEY_ENTER);
	draw(f, 30, 100, 0);
	assert_string_equal(row(28), "proxy port: 99999");
	assert_non_null(strstr(row(29), "1..65535"));
	key(f, UI_KEY_ESC);
	draw(f, 30, 100, 0);
	assert_non_null(strstr(row(29), "n net"));
}

static void
view_title_marks_changes_and_the_preview_highlights_them(void **state)
{
	struct fixture *f = *state;
	int y;

	draw(f, 30, 100, UI_R_REGEN);
	key(f, 'u');
	keys(f, "/tmp/test.sock");
	key(f, UI_KEY_ENTER);
	draw(f, 30, 100, 0);
	assert_non_null(strstr(row(0), "[modified]"));
	/* Scrolled to the rules the socket added, not to its -D line. */
	assert_int_equal(find("; -D UNIX_SOCKET_PATH_0="), -1);
	y = find("; allow unix domain sockets");
	assert_true(y >= 2 && y < 10);
	assert_true(attr_at(y, f->lay.preview.x) & A_REVERSE);
	y = find("(allow network-bind (local unix-socket");
	assert_true(y >= 2);
	assert_true(attr_at(y, f->lay.preview.x) & A_REVERSE);
	/* Its -D line is highlighted too, at the top. */
	key(f, UI_KEY_TAB);
	key(f, UI_KEY_HOME);
	draw(f, 30, 100, 0);
	y = find("; -D UNIX_SOCKET_PATH_0=/private/tmp/test.sock");
	assert_true(y >= 2);
	assert_true(attr_at(y, f->lay.preview.x) & A_REVERSE);
	assert_false(attr_at(find("(version 1)"), f->lay.preview.x) & A_REVERSE);
	key(f, UI_KEY_TAB);
	/* The entry, its flags (no room beside it) and its resolved form. */
	y = find("/tmp/test.sock  ");
	assert_true(y > 1);
	assert_true(find("subpath connect-bind") > y);
	assert_true(find("= /private/tmp/test.sock") > y);
}

static void
view_title_keeps_the_marker_with_a_long_file_name(void **state)
{
	struct fixture *f = *state;

	f->m.file = xstrdup("/Users/me/.config/sbpolicy/profiles/"
	    "a-rather-long-profile-name-for-a-project.json");
	key(f, 'n');
	draw(f, 20, 60, UI_R_REGEN);
	/* The name cut at its start, then "sbpolicy: " gone, the marker
	 * and the modes kept. */
	assert_string_equal(row(0), " ...-a-project.json [modified]  network "
	    "full | fs read-only");
	draw(f, 20, 80, 0);
	assert_string_equal(row(0), " sbpolicy: ...e-name-for-a-project.json "
	    "[modified]  network full | fs read-only");
	draw(f, 30, 200, 0);
	assert_non_null(strstr(row(0), "/Users/me/.config/sbpolicy/profiles/"));
	assert_non_null(strstr(row(0), "network full | fs read-only"));
}

static void
view_dims_inactive_entries_with_the_reason(void **state)
{
	struct fixture *f = *state;
	int y;

	key(f, 'u');
	keys(f, "/tmp/a.sock");
	key(f, UI_KEY_ENTER);
	key(f, 'n');
	key(f, 'n');	/* off */
	draw(f, 30, 100, UI_R_REGEN);
	y = find("(no effect: the network is off)");
	assert_true(y > 1);
	y = find("allow sockets");
	assert_true(attr_at(y, 4) & A_DIM);
	y = find("/tmp/a.sock");
	assert_true(attr_at(y, 6) & A_DIM || attr_at(y, 6) & A_REVERSE);
	/* The mode row itself is live. */
	y = find("  mode ");
	assert_non_null(strstr(row(y), "off |"));
	assert_false(attr_at(y, 4) & A_DIM);
}

static void
view_shows_warnings_under_their_entry(void **state)
{
	struct fixture *f = *state;
	int y, w;

	key(f, 'u');
	keys(f, "/var/run/docker.sock");
	key(f, UI_KEY_ENTER);
	draw(f, 30, 100, UI_R_REGEN);
	y = find("! /var/run/docker.sock");
	w = find("! \"/private/var/run/docker.sock\"");
	assert_true(y > 1);
	assert_true(w > y);
	assert_true(w <= y + 3);
	assert_int_equal(row(y)[3], '!');
	assert_true(attr_at(w, 7) & A_BOLD);
	/* Wrapped to the pane, not cut. */
	assert_true(find("containers") > w);
	assert_true(find("containers") < find("deny sockets"));
	assert_non_null(strstr(row(1), "(warnings: see settings)"));
}

static void
view_colours_preview_roles_in_mono_by_attributes(void **state)
{
	struct fixture *f = *state;
	char want[64];
	int x, y;

	key(f, 'z');	/* the whole width for the preview */
	draw(f, 40, 120, UI_R_REGEN);
	x = f->lay.preview.x;
	y = find("(deny default)");
	assert_true(y > 1);
	assert_true(attr_at(y, x) & A_UNDERLINE);	/* deny */
	y = find("(allow process-exec)");
	assert_true(attr_at(y, x) & A_BOLD);		/* allow */
	assert_false(attr_at(y, x) & A_UNDERLINE);
	y = find("; Closed by default");
	assert_true(attr_at(y, x) & A_DIM);		/* comment */
	/* The title counts the model's lines, whatever the base profile holds. */
	snprintf(want, sizeof want, " Preview  lines 1-36 of %zu", f->m.nlines);
	assert_string_equal(row(1), want);
}

static void
view_draws_param_references_and_long_lines(void **state)
{
	struct fixture *f = *state;
	const char *r;
	int y, x;

	key(f, 'u');
	keys(f, "/tmp/a.sock");
	key(f, UI_KEY_ENTER);
	ui_model_regen(&f->m);	/* a second regen: nothing highlighted */
	key(f, 'z');
	/* Zoomed at the entry's lines: the top, with the long line. */
	key(f, UI_KEY_HOME);
	draw(f, 20, 60, 0);
	/* Cut at the width, with a marker. */
	y = find("; sbpolicy base profile");
	assert_true(y > 1);
	r = row(y);
	assert_int_equal(strlen(r), 60);
	assert_int_equal(r[59], '>');
	assert_true(attr_at(y, 59) & A_BOLD);
	key(f, 'z');
	draw(f, 60, 200, 0);
	/* Off the new entry, whose lines the preview would mark. */
	key(f, UI_KEY_HOME);
	key(f, UI_KEY_TAB);
	key(f, UI_KEY_END);
	draw(f, 60, 200, 0);
	y = find("(allow network-outbound (remote unix-socket (subpath");
	assert_true(y > 1);
	r = strstr(row(y), "(param \"UNIX_SOCKET_PATH_0\")");
	assert_non_null(r);
	x = (int)(r - row(y));
	assert_true(attr_at(y, x + 1) & A_UNDERLINE);	/* param */
	assert_false(attr_at(y, f->lay.preview.x + 1) & A_UNDERLINE);
	assert_true(attr_at(y, f->lay.preview.x + 1) & A_BOLD);	/* allow */
}

static void
view_shows_control_characters_as_question_marks(void **state)
{
	struct fixture *f = *state;
	int y;

	socklist_add(&f->m.params.sock_allow, "/tmp/a\nb.sock", MATCH_LITERAL,
	    ACCESS_CONNECT);
	draw(f, 30, 100, UI_R_REGEN);
	y = find("/tmp/a?b.sock");
	assert_true(y > 1);
	assert_int_equal(find("= /private/tmp/a?b.sock"), y + 1);
}

static void
view_help_screen_lists_the_bindings(void **state)
{
	struct fixture *f = *state;

	draw(f, 40, 100, UI_R_REGEN);
	key(f, '?');
	draw(f, 40, 100, 0);
	assert_non_null(strstr(row(1), "Keys"));
	assert_true(find("cycle the network mode") > 1);
	assert_true(find("add a Unix socket to the allow list") > 1);
	assert_true(find("both panes:") > 1);
	assert_int_equal(find("Settings"), -1);
	assert_non_null(strstr(row(39), "close"));
	key(f, 'q');
	draw(f, 40, 100, 0);
	assert_non_null(strstr(row(1), "Settings"));
}

static void
view_asks_before_quitting_with_changes(void **state)
{
	struct fixture *f = *state;

	key(f, 'n');
	draw(f, 30, 100, UI_R_REGEN);
	key(f, 'q');
	draw(f, 30, 100, 0);
	assert_non_null(strstr(row(28), "unsaved changes"));
	assert_non_null(strstr(row(29), "y save"));
	assert_non_null(strstr(row(29), "n discard"));
	assert_non_null(strstr(row(29), "c cancel"));
}

static void
view_theme_honours_no_color(void **state)
{
	(void)state;
	setenv("NO_COLOR", "1", 1);
	assert_false(ui_theme_want_color());
	/* An empty NO_COLOR does not count (no-color.org). */
	setenv("NO_COLOR", "", 1);
	assert_int_equal(ui_theme_want_color(), has_colors());
	unsetenv("NO_COLOR");
	/* vt100 has no colours: the mono scheme. */
	assert_false(ui_theme_want_color());
	ui_theme_init(false);
	assert_int_equal(ui_theme_attr(UI_ROLE_SELECTED), A_REVERSE);
	assert_true(ui_theme_attr(UI_ROLE_PREVIEW_ALLOW) !=
	    ui_theme_attr(UI_ROLE_PREVIEW_DENY));
	assert_true(ui_theme_attr(UI_ROLE_PREVIEW_COMMENT) !=
	    ui_theme_attr(UI_ROLE_PREVIEW_PARAM));
	assert_true(ui_theme_attr(UI_ROLE_PREVIEW_ALLOW) !=
	    ui_theme_attr(UI_ROLE_NORMAL));
}

static void
view_uses_colour_pairs_on_a_colour_terminal(void **state)
{
	FILE *out, *in;
	SCREEN *s, *old;

	(void)state;
	out = fopen("/dev/null", "w");
	in = fopen("/dev/null", "r");
	assert_non_null(out);
	assert_non_null(in);
	s = newterm("xterm-256color", out, in);
	if (s == NULL) {
		fclose(out);
		fclose(in);
		skip();
	}
	old = set_term(s);
	unsetenv("NO_COLOR");
	assert_true(ui_theme_want_color());
	ui_theme_init(true);
	assert_true(PAIR_NUMBER(ui_theme_attr(UI_ROLE_PREVIEW_ALLOW)) != 0);
	assert_true(PAIR_NUMBER(ui_theme_attr(UI_ROLE_PREVIEW_ALLOW)) !=
	    PAIR_NUMBER(ui_theme_attr(UI_ROLE_PREVIEW_DENY)));
	endwin();
	set_term(old);
	delscreen(s);
	fclose(out);
	fclose(in);
	ui_theme_init(false);
}

static bool utf8_locale;

static void
view_help_wraps_long_rows_under_their_text(void **state)
{
	struct fixture *f = *state;
	int y, y2;

	key(f, '?');
	draw(f, 60, 100, UI_R_REGEN);
	/* The keys and their help have a gap. */
	y = find("Ctrl-H");
	assert_true(y > 0);
	assert_non_null(strstr(row(y), "Ctrl-H  delete"));
	/* A long help text goes on, indented, on the next row. */
	y = find("add an entry to the list the selection is in");
	assert_true(y > 0);
	assert_null(strstr(row(y), "deny-read)"));
	y2 = find("deny-read)");
	assert_int_equal(y2, y + 1);
	assert_int_equal(strncmp(row(y2), "                           ", 27), 0);
	/* Nothing runs past the screen's last column. */
	for (y = 0; y < 60; y++)
		assert_true(strlen(row(y)) < 100);
	/* Scrolled to the end, the last binding is still in sight. */
	draw(f, 20, 100, 0);
	key(f, UI_KEY_END);
	draw(f, 20, 100, 0);
	assert_true(find("redraw the whole screen") > 0);
}

static void
view_mono_title_differs_from_the_focused_heading(void **state)
{
	struct fixture *f = *state;
	int y;

	draw(f, 30, 100, UI_R_REGEN);
	/* Row 0 is the title, row 1 the focused settings heading. */
	assert_true(attr_at(0, 2) != attr_at(1, 2));
	assert_true(attr_at(1, 2) & A_REVERSE);
	/* The separator is a plain line, not a heading. */
	assert_true(f->lay.sep.h > 0);
	for (y = f->lay.sep.y; y < f->lay.sep.y + f->lay.sep.h; y++) {
		assert_false(attr_at(y, f->lay.sep.x) & A_UNDERLINE);
		assert_false(attr_at(y, f->lay.sep.x) & A_BOLD);
	}
}

static void
view_hints_offer_only_keys_that_work(void **state)
{
	struct fixture *f = *state;
	char path[] = "/tmp/sbpolicy-view-test-XXXXXX";
	int fd;

	/* What the row takes, saving and quitting come first, even on
	 * the narrowest screen, and help at the end. */
	draw(f, 24, 50, UI_R_REGEN);
	assert_int_equal(strncmp(row(23), " Enter cycle  s save  o open  "
	    "q quit", 36), 0);
	assert_true(hints_end_with("? more"));
	draw(f, 30, 160, 0);
	assert_int_equal(strncmp(row(29),
	    " Enter cycle  s save  o open  r run  q quit", 43), 0);
	assert_non_null(strstr(row(29), "Tab pane"));
	/* Zoomed, Tab does nothing. */
	key(f, 'z');
	draw(f, 30, 160, 0);
	assert_non_null(strstr(row(29), "z zoom"));
	assert_null(strstr(row(29), "Tab pane"));
	key(f, 'z');

	/* The quit question: save, discard, cancel; not yes or no. */
	key(f, 'n');
	key(f, 'q');
	draw(f, 30, 100, UI_R_REGEN);
	assert_non_null(strstr(row(29), "n discard"));
	assert_null(strstr(row(29), "y yes"));
	key(f, 'c');

	/* The overwrite question: yes or no; not save or discard. */
	fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	key(f, 's');
	key(f, UI_KEY_CTRL('u'));
	keys(f, path);
	key(f, UI_KEY_ENTER);
	if (ui_model_save(&f->m) != 0)
		draw(f, 30, 100, 0);
	unlink(path);
	assert_int_equal(f->m.confirm, UI_CONFIRM_OVERWRITE);
	assert_non_null(strstr(row(29), "y yes"));
	assert_non_null(strstr(row(29), "n no"));
	assert_null(strstr(row(29), "d discard"));
	assert_null(strstr(row(29), "s save"));
}

static void
view_points_to_warnings_only_when_the_settings_show_some(void **state)
{
	struct fixture *f = *state;
	int y;

	/* Local binding in full mode: a "no effect" warning, which the
	 * settings show as the dimmed reason, not as a warning row. */
	key(f, 'l');
	key(f, 'n');
	draw(f, 30, 100, UI_R_REGEN);
	assert_true(f->m.gen.nwarnings > 0);
	assert_int_equal(f->m.warnings_shown, 0);
	assert_null(strstr(row(1), "(warnings"));
	/* A warning the settings do show. */
	key(f, 'u');
	keys(f, "/var/run/docker.sock");
	key(f, UI_KEY_ENTER);
	draw(f, 30, 100, UI_R_REGEN);
	assert_true(f->m.warnings_shown > 0);
	assert_non_null(strstr(row(1), "(warnings: see settings)"));
	y = find("container engine");
	assert_true(y > 1);
}

/* A character of the screen cell at (y, x), attributes left out. */
static int
char_at(int y, int x)
{
	return (int)(mvinch(y, x) & A_CHARTEXT);
}

static void
view_draws_wide_characters_in_their_columns(void **state)
{
	struct fixture *f = *state;
	int y, i, x;

	if (!utf8_locale)
		skip();
	key(f, 'u');
	keys(f, "/tmp/");
	for (i = 0; i < 30; i++)
		key(f, i % 2 == 0 ? 0x65e5 : 0x672c);
	key(f, UI_KEY_ENTER);
	assert_int_equal(f->m.params.sock_allow.n, 1);
	draw(f, 30, 100, UI_R_REGEN);
	/* Two columns each: nothing spills over the separator (which marks
	 * the lines of the selected entry, the new one), and a cut preview
	 * line ends with its marker in the last column. */
	assert_true(f->lay.sep.h > 0);
	for (y = f->lay.sep.y; y < f->lay.sep.y + f->lay.sep.h; y++)
		assert_true(char_at(y, f->lay.sep.x) == '|' ||
		    char_at(y, f->lay.sep.x) == '*');
	y = find("UNIX_SOCKET_PATH_0=");
	assert_true(y > 0);
	assert_int_equal(char_at(y, 99), '>');

	/* The prompt's cursor sits after the wide characters. */
	key(f, 'u');
	key(f, 0x65e5);
	key(f, 0x672c);
	ui_view_draw(&f->m, &f->lay);	/* not draw: dump moves the cursor */
	x = getcurx(stdscr);
	assert_int_equal(x, (int)strlen("allow socket: ") + 4);
	/* A line longer than the screen scrolls by whole characters. */
	for (i = 0; i < 60; i++)
		key(f, 0x65e5);
	ui_view_draw(&f->m, &f->lay);
	x = getcurx(stdscr);
	assert_true(x < 100);
	assert_true(x >= 97);
}

static void
view_draws_the_builtin_denies_as_their_own_group(void **state)
{
	struct fixture *f = *state;
	int y, d, dl;

	/* Restricted, nothing allowed: none is in the profile, and the
	 * reason shows whole in the narrowest settings pane. */
	draw(f, 40, 100, UI_R_REGEN);
	assert_int_equal(f->lay.settings.w, 40);
	y = find("(no allow entry opens it)");
	assert_true(y > find("built-in denies"));
	assert_true(attr_at(y + 1, 6) & A_DIM);

	key(f, 'n');	/* full: every built-in deny is in the profile */
	draw(f, 40, 100, UI_R_REGEN);
	assert_int_equal(find("(no allow entry opens it)"), -1);
	y = find("   built-in denies ");
	assert_true(y > find("deny sockets"));
	assert_true(y < find("Filesystem"));
	assert_non_null(strstr(row(y), " on |"));
	assert_int_equal(find("read-only: B switches them off"), y + 1);
	d = find("/var/run/docker.sock ");
	assert_int_equal(d, y + 2);
	assert_non_null(strstr(row(d), "literal |"));
	assert_false(attr_at(d, 6) & A_DIM);
	/* The long ones keep their end, as entries do. */
	assert_true(find("podman/machine  subpath |") > d);
	assert_true(find("~/.colima ") > d);
	/* No $TMPDIR here: that one says why it has no effect. */
	assert_true(find("(no effect: $TMPDIR is not set)") > d);
	assert_true(attr_at(find("$TMPDIR/podman"), 6) & A_DIM);

	/* Off: the switch says so, the rows are dimmed under the reason. */
	key(f, 'B');
	draw(f, 40, 100, 0);
	assert_non_null(strstr(row(y), " off |"));
	assert_false(attr_at(y, 4) & A_DIM);
	assert_int_equal(find("(built-in denies off (B))"), y + 1);
	assert_int_equal(find("read-only: B switches"), -1);
	dl = find("/var/run/docker.sock ");
	assert_int_equal(dl, y + 2);
	assert_true(attr_at(dl, 6) & A_DIM);
	assert_string_equal(row(38), " built-in denies: off");
	/* The key is in the hints where there is room for it. */
	draw(f, 30, 160, 0);
	assert_non_null(strstr(row(29), "B builtin"));
}

static void
view_marks_the_deciding_rule_and_the_entry(void **state)
{
	struct fixture *f = *state;
	int y, x, sep;

	draw(f, 40, 120, UI_R_REGEN);
	key(f, 'C');
	keys(f, "write /etc/passwd");
	draw(f, 40, 120, 0);
	assert_string_equal(row(38), "check: write /etc/passwd");
	key(f, UI_KEY_ENTER);
	draw(f, 40, 120, 0);
	/* The verdict on the status line; the rule in sight, filled in its
	 * own role (reverse and underline in mono), and '>' beside it in
	 * the separator, which reads without attributes. */
	assert_int_equal(strncmp(row(38), " denied by line ", 16), 0);
	assert_non_null(strstr(row(38), ": (deny default)"));
	x = f->lay.preview.x;
	sep = f->lay.sep.x;
	y = find("(deny default)");
	assert_true(y > 1 && y < 38);
	assert_true(attr_at(y, x) & A_REVERSE);
	assert_true(attr_at(y, x) & A_UNDERLINE);
	assert_true(attr_at(y, x + 40) & A_REVERSE);	/* the whole row */
	assert_int_equal(char_at(y, sep), '>');
	assert_int_equal(char_at(y - 1, sep), '|');
	assert_int_equal(char_at(y + 1, sep), '|');
	assert_false(attr_at(y + 1, x) & A_REVERSE);
	/* Its row in the settings, with the verdict. */
	y = find("write /etc/passwd ");
	assert_true(y > 1 && y < 38);
	assert_non_null(strstr(row(y), "denied |"));
	assert_true(find(" Checks ") > 1);

	/* Zoomed there is no separator: the attributes mark it. */
	key(f, 'z');
	draw(f, 40, 120, 0);
	y = find("(deny default)");
	assert_true(y > 1 && y < 38);
	assert_true(attr_at(y, 0) & A_REVERSE);
	assert_true(attr_at(y, 0) & A_UNDERLINE);
	assert_string_equal(row(y), "(deny default)");
	key(f, 'z');

	/* An entry: what it wrote in reverse (not bold, as a changed line
	 * is), and '*' beside it. */
	key(f, 'u');
	keys(f, "/tmp/a.sock");
	key(f, UI_KEY_ENTER);
	ui_model_regen(&f->m);	/* a second regen: nothing changed */
	f->m.preview_top = 0;	/* the -D lines: it scrolled to the rules */
	draw(f, 40, 120, 0);
	y = find("; -D UNIX_SOCKET_PATH_0=");
	assert_true(y > 1);
	assert_true(attr_at(y, x) & A_REVERSE);
	assert_false(attr_at(y, x) & A_BOLD);
	assert_false(attr_at(y, x) & A_UNDERLINE);
	assert_int_equal(char_at(y, sep), '*');
	/* The preview's text is generate's, marks or not. */
	assert_int_equal(strncmp(row(y) + x, "; -D UNIX_SOCKET_PATH_0=", 24), 0);
	assert_false(find("(deny default)") > 1 &&
	    char_at(find("(deny default)"), sep) == '>');
}


/* --- the second round's defects ------------------------------------------- */

/* The screen as text: its rows, trailing blanks cut, one a line. */
static char *
screen_text(void)
{
	struct buf b;
	int y;

	buf_init(&b);
	for (y = 0; y < LINES; y++)
		buf_printf(&b, "%s\n", row(y));
	return buf_take(&b);
}

/* The hint row ends with s. */
static bool
hints_end_with(const char *s)
{
	const char *r = row(LINES - 1);
	size_t n = strlen(r), k = strlen(s);

	return n >= k && strcmp(r + n - k, s) == 0;
}

static void
view_a_brief_shrink_keeps_the_top_rows(void **state)
{
	struct fixture *f = *state;
	char path[32];
	int i;

	/* A list taller than the pane. */
	for (i = 0; i < 40; i++) {
		snprintf(path, sizeof path, "/tmp/s%02d.sock", i);
		socklist_add(&f->m.params.sock_allow, path, MATCH_LITERAL,
		    ACCESS_CONNECT_BIND);
	}
	draw(f, 35, 120, UI_R_REGEN);
	assert_true(f->m.nrows > 35);
	assert_int_equal(find(" Network"), 2);
	draw(f, 12, 40, 0);
	draw(f, 35, 120, 0);
	/* The selection (the mode row) is in sight, and so is its
	 * heading, at once. */
	assert_int_equal(find(" Network"), 2);
	key(f, UI_KEY_HOME);
	draw(f, 35, 120, 0);
	assert_int_equal(find(" Network"), 2);
	for (i = 0; i < 40; i++)
		key(f, UI_KEY_UP);
	draw(f, 35, 120, 0);
	assert_int_equal(find(" Network"), 2);
	/* Down the list and back up: the heading comes back with it. */
	key(f, UI_KEY_END);
	draw(f, 35, 120, 0);
	assert_int_equal(find(" Network"), -1);
	for (i = 0; i < 80; i++)
		key(f, UI_KEY_UP);
	draw(f, 35, 120, 0);
	assert_int_equal(find(" Network"), 2);
	/* Ctrl-L after a shrink. */
	draw(f, 12, 40, 0);
	key(f, UI_KEY_CTRL('l'));
	draw(f, 35, 120, 0);
	assert_int_equal(find(" Network"), 2);
}

static void
view_hints_come_by_importance_and_say_when_there_are_more(void **state)
{
	struct fixture *f = *state;

	socklist_add(&f->m.params.sock_allow, "/tmp/a.sock", MATCH_LITERAL,
	    ACCESS_CONNECT_BIND);
	draw(f, 24, 80, UI_R_REGEN);
	/* On the mode row: what Enter does there first. */
	assert_int_equal(strncmp(row(23), " Enter cycle  ", 14), 0);
	assert_true(hints_end_with("? more"));
	assert_non_null(strstr(row(23), "s save"));
	assert_non_null(strstr(row(23), "o open"));
	assert_non_null(strstr(row(23), "r run"));
	assert_non_null(strstr(row(23), "q quit"));
	/* On an entry: edit and delete it. */
	while (f->m.rows[f->m.sel].kind != ROW_ALLOW_ENTRY)
		key(f, UI_KEY_DOWN);
	draw(f, 24, 80, 0);
	assert_int_equal(strncmp(row(23), " Enter edit  d del  ", 20), 0);
	assert_non_null(strstr(row(23), "s save"));
	assert_non_null(strstr(row(23), "o open"));
	assert_non_null(strstr(row(23), "r run"));
	assert_non_null(strstr(row(23), "c access"));
	assert_true(hints_end_with("? more"));
	draw(f, 24, 100, 0);
	assert_non_null(strstr(row(23), "r run"));
	assert_true(hints_end_with("? more"));
	/* Room for all: "? help" ends them, nothing more to find. */
	draw(f, 24, 400, 0);
	assert_null(strstr(row(23), "? more"));
	assert_true(hints_end_with("? help"));
	assert_non_null(strstr(row(23), "B builtin"));
	/* The preview's own first. */
	key(f, UI_KEY_TAB);
	draw(f, 24, 80, 0);
	assert_null(strstr(row(23), "Enter"));
	assert_non_null(strstr(row(23), "/ search"));
	assert_non_null(strstr(row(23), "Tab pane"));
	assert_true(hints_end_with("? more") || hints_end_with("? help"));
}

static void
view_deny_entries_show_no_access_and_offer_no_c(void **state)
{
	struct fixture *f = *state;
	int y;

	socklist_add(&f->m.params.sock_deny, "/tmp/d.sock", MATCH_LITERAL,
	    ACCESS_CONNECT_BIND);
	socklist_add(&f->m.params.sock_allow, "/tmp/a.sock", MATCH_LITERAL,
	    ACCESS_CONNECT_BIND);
	draw(f, 30, 200, UI_R_REGEN);
	y = find("/tmp/d.sock ");
	assert_true(y > 1);
	assert_non_null(strstr(row(y), "literal"));
	assert_null(strstr(row(y), "connect"));
	y = find("/tmp/a.sock ");
	assert_non_null(strstr(row(y), "literal connect-bind"));
	while (f->m.rows[f->m.sel].kind != ROW_DENY_ENTRY)
		key(f, UI_KEY_DOWN);
	draw(f, 30, 200, 0);
	assert_non_null(strstr(row(29), "m match"));
	assert_null(strstr(row(29), "c access"));
}

static void
view_help_describes_its_own_keys(void **state)
{
	struct fixture *f = *state;
	int y;

	key(f, '?');
	draw(f, 200, 120, UI_R_REGEN);
	y = find("help screen:");
	assert_true(y > 1);
	/* Its Up is not the main screen's. */
	assert_true(find("scroll the help up") > y);
	assert_true(find("move the selection up (scroll the preview") < y);
	/* The keys that are signals. */
	assert_true(find("Ctrl-C, Ctrl-\\") > 1);
}

static void
view_marks_inactive_rows_without_dim(void **state)
{
	struct fixture *f = *state;
	int y;

	/* vt100 has no dim: a character must tell. */
	socklist_add(&f->m.params.sock_allow, "/tmp/a.sock", MATCH_LITERAL,
	    ACCESS_CONNECT_BIND);
	key(f, 'n');
	key(f, 'n');	/* off */
	draw(f, 60, 100, UI_R_REGEN);
	y = find("allow sockets");
	assert_int_equal(row(y)[1], '-');
	y = find("/tmp/a.sock");
	assert_int_equal(row(y)[3], '-');
	/* The mode rows are live: no mark. */
	y = find("  mode ");
	assert_int_equal(row(y)[1], ' ');
	assert_int_equal(row(y)[3], 'm');
	assert_true(find("include cwd") > y);
	assert_int_equal(row(find("include cwd"))[1], '-');
}

/*
 * The default policy, headless, at 80x24 and 120x35: the README's capture.
 * UPDATE_GOLDEN=1 rewrites the files and the README's copy (after a
 * marker line naming the file).
 */
static void
capture_compare(const char *name, const char *got)
{
	char *rel, *path, *want, *readme_path, *readme, *p, *end, *marker;
	struct buf b;

	xasprintf(&rel, "data/%s", name);
	path = test_srcpath(rel);
	if (getenv("UPDATE_GOLDEN") != NULL)
		assert_int_equal(test_write_file(path, got, strlen(got)), 0);
	want = test_slurp(path, NULL);
	if (want == NULL)
		fail_msg("cannot read %s", path);
	assert_string_equal(got, want);

	/* The README's copy, if it has one of this file. */
	readme_path = test_srcpath("README.md");
	readme = test_slurp(readme_path, NULL);
	xasprintf(&marker, "<!-- %s", rel);
	if (readme != NULL && (p = strstr(readme, marker)) != NULL) {
		p = strstr(p, "\n```\n");
		assert_non_null(p);
		p += 5;
		end = strstr(p, "```\n");
		assert_non_null(end);
		if (getenv("UPDATE_GOLDEN") != NULL) {
			buf_init(&b);
			buf_add(&b, readme, (size_t)(p - readme));
			buf_puts(&b, got);
			buf_puts(&b, end);
			assert_int_equal(test_write_file(readme_path,
			    buf_str(&b), b.len), 0);
			buf_clear(&b);
		} else if ((size_t)(end - p) != strlen(got) ||
		    strncmp(p, got, strlen(got)) != 0)
			fail_msg("README.md's copy of %s differs: run "
			    "UPDATE_GOLDEN=1 make check", rel);
	}
	free(marker);
	free(readme);
	free(readme_path);
	free(want);
	free(path);
	free(rel);
}

static void
view_default_policy_matches_the_capture(void **state)
{
	struct fixture *f = *state;
	char *s;

	ui_model_status(&f->m, false, "default policy; press ? for help");
	draw(f, 24, 80, UI_R_REGEN);
	s = screen_text();
	capture_compare("tui-screen-80x24.txt", s);
	free(s);
	draw(f, 35, 120, 0);
	s = screen_text();
	capture_compare("tui-screen-120x35.txt", s);
	free(s);
}

static void
view_lists_the_presets_in_the_settings_pane(void **state)
{
	struct fixture *f = *state;
	int y;

	free(f->m.preset_dirs);
	f->m.preset_dirs = xcalloc(2, sizeof *f->m.preset_dirs);
	f->m.preset_dirs[0] = test_srcpath("data/examples");
	f->m.dir = &ui_dir_posix;
	draw(f, 30, 100, UI_R_REGEN);
	(void)ui_model_presets(&f->m);
	draw(f, 30, 100, 0);
	/* In place of the settings; the preview stays. */
	assert_non_null(strstr(row(1), " Settings: start from a preset?"));
	assert_non_null(strstr(row(1), "Preview  lines 1-"));
	y = find("  default ");
	assert_int_equal(y, 2);
	assert_true(attr_at(y, 3) & A_REVERSE);
	assert_true(find("  ssh-agent") > y);
	assert_false(attr_at(find("  ssh-agent"), 3) & A_REVERSE);
	assert_non_null(strstr(row(28), "default: files read-only"));
	assert_non_null(strstr(row(29), "Enter open"));
	assert_non_null(strstr(row(29), "Esc close"));
	key(f, 'j');
	draw(f, 30, 100, 0);
	assert_true(attr_at(find("  ssh-agent"), 3) & A_REVERSE);
	/* Stacked, the list keeps to its pane. */
	draw(f, 24, 80, 0);
	assert_true(find(" Preview  lines 1-") > 5);
	/* Opened: a new policy, named after it. */
	if (ui_model_apply(&f->m, ACT_ACCEPT, 0) & UI_R_OPEN)
		ui_model_open(&f->m);
	draw(f, 30, 100, UI_R_REGEN);
	assert_non_null(strstr(row(0), "[new policy from ssh-agent]"));
	assert_non_null(strstr(row(1), " Settings "));
}

static void
view_highlights_the_matches_of_a_search(void **state)
{
	struct fixture *f = *state;
	attr_t a;
	int y, x;

	draw(f, 30, 100, UI_R_REGEN);
	x = f->lay.preview.x;
	y = find("(deny default)");
	assert_true(y > 1);
	a = attr_at(y, x + 1);
	assert_false((a & (A_REVERSE | A_BOLD | A_UNDERLINE)) ==
	    (A_REVERSE | A_BOLD | A_UNDERLINE));
	/* As it is typed. */
	key(f, '/');
	keys(f, "deny def");
	draw(f, 30, 100, 0);
	assert_string_equal(row(28), "search: deny def");
	a = attr_at(y, x + 1);
	assert_true((a & (A_REVERSE | A_BOLD | A_UNDERLINE)) ==
	    (A_REVERSE | A_BOLD | A_UNDERLINE));
	/* Only the match: not the "(" before it, nor "ault)" after. */
	assert_false(attr_at(y, x) & A_REVERSE);
	assert_false(attr_at(y, x + 10) & A_REVERSE);
	key(f, UI_KEY_ENTER);
	draw(f, 30, 100, 0);
	y = find("(deny default)");
	assert_true(attr_at(y, x + 1) & A_REVERSE);
	assert_non_null(strstr(row(29), "n next"));
	assert_non_null(strstr(row(29), "N previous"));
	assert_null(strstr(row(29), "n net"));
	key(f, UI_KEY_ESC);
	draw(f, 30, 100, 0);
	assert_false(attr_at(y, x + 1) & A_REVERSE);
	assert_non_null(strstr(row(29), "n net"));
}

static void
view_scrolls_the_preview_sideways(void **state)
{
	struct fixture *f = *state;
	static const char line[] = "; sbpolicy base profile: what an "
	    "ordinary command-line process needs";
	char head[64];
	size_t left;
	int y, x;

	draw(f, 30, 100, UI_R_REGEN);
	ui_model_set_preview_width(&f->m, f->lay.preview.w);
	x = f->lay.preview.x;
	y = find("; sbpolicy base profile");
	assert_true(y > 1);
	assert_int_equal(char_at(y, x + f->lay.preview.w - 1), '>');
	key(f, UI_KEY_TAB);
	key(f, UI_KEY_RIGHT);
	draw(f, 30, 100, 0);
	/* Half the pane further (or as far as the longest line in sight
	 * needs), a '<' first. */
	left = f->m.preview_left;
	assert_true(left > 10 && left <= 30);
	snprintf(head, sizeof head, ", from column %zu", left + 1);
	assert_non_null(strstr(row(1), head));
	assert_int_equal(char_at(y, x), '<');
	assert_int_equal(strncmp(row(y) + x + 1, line + left, 20), 0);
	key(f, UI_KEY_LEFT);
	draw(f, 30, 100, 0);
	assert_null(strstr(row(1), "from column"));
	assert_int_equal(strncmp(row(y) + x, line, 30), 0);
}

/* --- the QA round -------------------------------------------------------- */

/* The preview's hints name Left (h) and Right (l), each only while the
 * preview can scroll that way. */
static void
view_preview_hints_offer_the_ways_it_scrolls(void **state)
{
	struct fixture *f = *state;
	int i;

	draw(f, 30, 100, UI_R_REGEN);
	ui_model_set_preview_width(&f->m, f->lay.preview.w);
	key(f, UI_KEY_TAB);
	draw(f, 30, 100, 0);
	assert_non_null(strstr(row(29), "Right/l scroll"));
	assert_null(strstr(row(29), "Left"));
	assert_null(strstr(row(29), "l local"));
	key(f, 'l');
	draw(f, 30, 100, 0);
	assert_true(f->m.preview_left > 0);
	assert_non_null(strstr(row(29), "Left/h scroll"));
	/* As far as the lines in sight go: no Right. */
	for (i = 0; i < 20; i++)
		key(f, 'l');
	draw(f, 30, 100, 0);
	assert_non_null(strstr(row(29), "Left/h scroll"));
	assert_null(strstr(row(29), "Right"));
	for (i = 0; i < 20; i++)
		key(f, 'h');
	/* Lines that all fit the pane: neither. */
	key(f, 'z');
	draw(f, 30, 400, 0);
	ui_model_set_preview_width(&f->m, f->lay.preview.w);
	draw(f, 30, 400, 0);
	assert_null(strstr(row(29), "Right"));
	assert_null(strstr(row(29), "Left"));
}

/* At 80 columns the title keeps the modes: the name gives way, "~" for
 * $HOME first, then its start. */
static void
view_title_keeps_the_modes_at_80_columns(void **state)
{
	struct fixture *f = *state;

	f->m.file = xstrdup("/tmp/qa-home/deny.json");
	key(f, 'f');
	draw(f, 24, 80, UI_R_REGEN);
	assert_non_null(strstr(row(0), "network restricted | fs "
	    "workspace-write"));
	assert_non_null(strstr(row(0), "deny.json [modified]"));
	assert_non_null(strstr(row(0), " sbpolicy: ..."));
	free(f->m.file);
	f->m.file = xstrdup("/Users/me/x/deny.json");
	draw(f, 24, 80, 0);
	assert_non_null(strstr(row(0), " sbpolicy: ~/x/deny.json [modified]"));
	assert_non_null(strstr(row(0), "network restricted | fs "
	    "workspace-write"));
	/* Wide enough: the whole name. */
	draw(f, 24, 120, 0);
	assert_non_null(strstr(row(0), " sbpolicy: /Users/me/x/deny.json "
	    "[modified]"));
}

/* The presets' hints: their keys and the help, no filler. */
static void
view_presets_hints_are_open_close_and_help(void **state)
{
	struct fixture *f = *state;

	free(f->m.preset_dirs);
	f->m.preset_dirs = xcalloc(2, sizeof *f->m.preset_dirs);
	f->m.preset_dirs[0] = test_srcpath("data/examples");
	f->m.dir = &ui_dir_posix;
	draw(f, 30, 100, UI_R_REGEN);
	(void)ui_model_presets(&f->m);
	draw(f, 30, 100, 0);
	assert_string_equal(row(29), " Enter open  Esc close  ? help");
}

/* A prompt offers Tab only where it completes; the check prompt says
 * what it takes. */
static void
view_prompt_hints_offer_tab_only_where_it_completes(void **state)
{
	struct fixture *f = *state;

	draw(f, 30, 100, UI_R_REGEN);
	key(f, '/');
	draw(f, 30, 100, 0);
	assert_non_null(strstr(row(29), "Enter accept"));
	assert_null(strstr(row(29), "Tab"));
	key(f, UI_KEY_ESC);
	key(f, 'p');
	draw(f, 30, 100, 0);
	assert_null(strstr(row(29), "Tab"));
	key(f, UI_KEY_ESC);
	key(f, 'u');
	draw(f, 30, 100, 0);
	assert_non_null(strstr(row(29), "Tab complete"));
	key(f, UI_KEY_ESC);
	key(f, 'C');
	draw(f, 30, 100, 0);
	assert_non_null(strstr(row(29), "VERB TARGET"));
	assert_non_null(strstr(row(29), "Tab complete"));
}

/* --- the third round --------------------------------------------------- */

/* Rows from through the last, each trimmed, joined by one blank: a
 * message as it reads, wrapped or not. */
static char *
rows_text(int from)
{
	struct buf b;
	const char *r;
	int y;

	buf_init(&b);
	for (y = from; y < LINES; y++) {
		r = row(y);
		while (*r == ' ')
			r++;
		if (*r != '\0')
			buf_printf(&b, "%s%s", b.len > 0 ? " " : "", r);
	}
	return buf_take(&b);
}

/*
 * An srt conversion at 80 columns: the question whole, its question mark
 * in sight; then each setting with no equivalent, with its reason, until
 * the next key; then one row, cut, with M to see it whole again.
 */
static void
view_long_messages_wrap_and_stay_readable(void **state)
{
	static const char srt[] = "{\"network\":{\"allowedDomains\":"
	    "[\"example.com\"]},\"filesystem\":{\"allowwrite\":[\".\"]}}\n";
	struct fixture *f = *state;
	struct sb_error err;
	char path[] = "/tmp/sbpolicy-view-srt-XXXXXX";
	char *text;
	int fd;

	fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, srt, sizeof srt - 1),
	    (ssize_t)(sizeof srt - 1));
	close(fd);
	draw(f, 24, 80, UI_R_REGEN);
	sb_error_init(&err);
	assert_int_equal(ui_model_offer_srt(&f->m, path, &err), 1);
	draw(f, 24, 80, 0);
	text = rows_text(20);
	assert_non_null(strstr(text, "is an srt settings file; convert it to "
	    "a new unsaved policy?"));
	free(text);
	assert_non_null(strstr(row(23), "y convert"));
	key(f, 'y');
	draw(f, 24, 80, UI_R_REGEN);
	unlink(path);
	text = rows_text(17);
	assert_non_null(strstr(text, "network.allowedDomains: sbpolicy cannot "
	    "filter domains"));
	assert_non_null(strstr(text, "did you mean allowWrite?"));
	free(text);
	/* The next key: one row, the hints back, M first among them. */
	key(f, 'j');
	draw(f, 24, 80, 0);
	assert_int_equal(strncmp(row(22), " converted, not saved yet", 25), 0);
	assert_int_equal(strcmp(row(22) + strlen(row(22)) - 3, "..."), 0);
	assert_int_equal(strncmp(row(23), " M message  ", 12), 0);
	assert_true(find("Preview  lines") > 1);
	key(f, 'M');
	draw(f, 24, 80, 0);
	text = rows_text(17);
	assert_non_null(strstr(text, "did you mean allowWrite?"));
	free(text);
	/* A short one keeps its row, and no M. */
	key(f, 'n');
	draw(f, 24, 80, UI_R_REGEN);
	assert_string_equal(row(22), " network: full");
	assert_null(strstr(row(23), "M message"));
}

/* A prompt's reason too long for the hint row goes under the prompt on
 * more rows, the prompt moving up, the text typed kept whole. */
static void
view_a_long_reason_goes_under_the_prompt(void **state)
{
	struct fixture *f = *state;
	int x;

	draw(f, 24, 80, UI_R_REGEN);
	key(f, 'u');
	keys(f, "/tmp/x.sock");
	ui_model_status(&f->m, true, "a reason long enough that it cannot be "
	    "read on one row of eighty columns, so it takes two rows under "
	    "the prompt, which moves up by one");
	ui_view_draw(&f->m, &f->lay);
	x = getcurx(stdscr);
	assert_int_equal(getcury(stdscr), 21);
	assert_int_equal(x, (int)strlen("allow socket: /tmp/x.sock"));
	assert_string_equal(row(21), "allow socket: /tmp/x.sock");
	assert_int_equal(strncmp(row(22), " a reason long enough", 21), 0);
	assert_non_null(strstr(row(23), "moves up by one"));
}

/* The title keeps the modes at every width: the name gives way first, to
 * ".../NAME", then cut, and "sbpolicy: " before the modes. */
static void
view_title_keeps_the_modes_at_every_width(void **state)
{
	struct fixture *f = *state;
	const char *r;
	int cols;

	f->m.file = xstrdup("/tmp/qa2-work/u.json");
	f->m.params.fs_mode = FS_FULL_ACCESS;
	f->m.modified = true;
	for (cols = 50; cols <= 120; cols++) {
		draw(f, 24, cols, 0);
		f->m.modified = true;
		draw(f, 24, cols, 0);
		r = row(0);
		if (strstr(r, "restricted | fs full-access") == NULL)
			fail_msg("no modes at %d columns: %s", cols, r);
		if (strstr(r, "u.json") == NULL)
			fail_msg("no name at %d columns: %s", cols, r);
		if (strstr(r, "[modified]") == NULL && strstr(r, "[+]") == NULL)
			fail_msg("no mark at %d columns: %s", cols, r);
		if (cols >= 71 && strstr(r, " sbpolicy: ") == NULL)
			fail_msg("no sbpolicy at %d columns: %s", cols, r);
	}
	draw(f, 24, 71, 0);
	assert_int_equal(strncmp(row(0), " sbpolicy: .../u.json [modified]  ",
	    34), 0);
	/* A preset's name: "new policy", then "from", go before its
	 * start is cut. */
	free(f->m.file);
	f->m.file = NULL;
	f->m.preset_name = xstrdup("restricted-one-socket");
	draw(f, 24, 110, 0);
	assert_int_equal(strncmp(row(0), " sbpolicy: [new policy from "
	    "restricted-one-socket] [modified]  ", 62), 0);
	draw(f, 24, 90, 0);
	assert_int_equal(strncmp(row(0), " sbpolicy: [from "
	    "restricted-one-socket] [modified]  ", 52), 0);
	draw(f, 24, 80, 0);
	assert_int_equal(strncmp(row(0), " sbpolicy: ...icted-one-socket] "
	    "[modified]  network", 51), 0);
}

/*
 * At 80 columns the hints keep U undo (while there is something to undo)
 * and q quit, on an entry and in the preview; the rest ends "? more".
 */
static void
view_hints_keep_undo_and_quit_at_80_columns(void **state)
{
	struct fixture *f = *state;

	draw(f, 24, 80, UI_R_REGEN);
	key(f, 'u');
	keys(f, "/tmp/a.sock");
	key(f, UI_KEY_ENTER);
	draw(f, 24, 80, 0);
	assert_int_equal(f->m.rows[f->m.sel].kind, ROW_ALLOW_ENTRY);
	assert_int_equal(strncmp(row(23), " Enter edit  d del  ", 20), 0);
	assert_non_null(strstr(row(23), "s save"));
	assert_non_null(strstr(row(23), "q quit"));
	assert_non_null(strstr(row(23), "U undo"));
	assert_true(hints_end_with("? more"));
	assert_true(strlen(row(23)) < 80);
	key(f, UI_KEY_TAB);
	draw(f, 24, 80, 0);
	assert_non_null(strstr(row(23), "/ search"));
	assert_non_null(strstr(row(23), "q quit"));
	assert_non_null(strstr(row(23), "U undo"));
	assert_true(hints_end_with("? more"));
	/* The order is the lists': the row's keys first, quit after save. */
	key(f, UI_KEY_TAB);
	draw(f, 24, 80, 0);
	assert_true(strstr(row(23), "d del") < strstr(row(23), "s save"));
	assert_true(strstr(row(23), "s save") < strstr(row(23), "q quit"));
	assert_true(strstr(row(23), "q quit") < strstr(row(23), "U undo"));
}

/* The help's hints: n and N only while a search is on, and then Esc,
 * which ends it (a second closes the help). */
static void
view_help_hints_offer_the_search_keys_during_a_search(void **state)
{
	struct fixture *f = *state;

	key(f, '?');
	draw(f, 24, 80, UI_R_REGEN);
	assert_string_equal(row(23), " q close  PgDn page  / search");
	key(f, '/');
	keys(f, "preset");
	key(f, UI_KEY_ENTER);
	draw(f, 24, 80, 0);
	assert_non_null(strstr(row(22), "Esc ends"));
	assert_string_equal(row(23), " n next  N previous  Esc end search  "
	    "q close  PgDn page  / search");
	key(f, UI_KEY_ESC);
	draw(f, 24, 80, 0);
	assert_non_null(strstr(row(1), "Keys"));
	assert_string_equal(row(23), " q close  PgDn page  / search");
	key(f, UI_KEY_ESC);
	draw(f, 24, 80, 0);
	assert_non_null(strstr(row(1), "Settings"));
}

/* At 50 columns the run prompt's label is shorter, and says which way the
 * line runs, with its ": " before the text. */
static void
view_prompt_label_shortens_on_a_narrow_screen(void **state)
{
	struct fixture *f = *state;

	draw(f, 14, 50, UI_R_REGEN);
	key(f, 'r');
	keys(f, "echo hi");
	draw(f, 14, 50, 0);
	assert_string_equal(row(12), "run (no shell): echo hi");
	key(f, UI_KEY_CTRL('t'));
	draw(f, 14, 50, 0);
	assert_string_equal(row(12), "run with sh -c: echo hi");
	/* Wide enough: the whole label. */
	draw(f, 14, 80, 0);
	assert_string_equal(row(12), "run with sh -c: echo hi");
	key(f, UI_KEY_CTRL('t'));
	draw(f, 14, 80, 0);
	assert_string_equal(row(12), "run (no shell, Ctrl-T: sh -c): echo hi");
}

/* The selected entry's terms in reverse video, its own (param ...) too,
 * so that on a monochrome terminal they differ from another entry's,
 * which are underlined; with no separator the heading says where. */
static void
view_marks_the_selected_entry_apart_from_the_others(void **state)
{
	struct fixture *f = *state;
	const char *r, *p;
	int y, y1 = -1, y0 = -1, i;

	socklist_add(&f->m.params.sock_allow, "/tmp/a.sock", MATCH_SUBPATH,
	    ACCESS_CONNECT);
	socklist_add(&f->m.params.sock_allow, "/tmp/b.sock", MATCH_SUBPATH,
	    ACCESS_CONNECT);
	draw(f, 60, 200, UI_R_REGEN);
	while (f->m.rows[f->m.sel].kind != ROW_ALLOW_ENTRY)
		key(f, UI_KEY_DOWN);
	assert_int_equal(f->m.rows[f->m.sel].index, 0);
	draw(f, 60, 200, 0);
	for (y = 2; y < 58; y++) {
		r = row(y);
		if ((p = strstr(r, "(param \"UNIX_SOCKET_PATH_0\")")) != NULL &&
		    strstr(r, "(allow") != NULL)
			y0 = y;
		if ((p = strstr(r, "(param \"UNIX_SOCKET_PATH_1\")")) != NULL &&
		    strstr(r, "(allow") != NULL)
			y1 = y;
	}
	assert_true(y0 > 1);
	assert_true(y1 > 1);
	p = strstr(row(y0), "(param \"UNIX_SOCKET_PATH_0\")");
	i = (int)(p - row(y0)) + 2;
	assert_true(attr_at(y0, i) & A_REVERSE);
	assert_false(attr_at(y0, i) & A_UNDERLINE);
	p = strstr(row(y1), "(param \"UNIX_SOCKET_PATH_1\")");
	i = (int)(p - row(y1)) + 2;
	assert_true(attr_at(y1, i) & A_UNDERLINE);
	assert_false(attr_at(y1, i) & A_REVERSE);
	/* Stacked: no '*' beside the lines, the heading names them. */
	draw(f, 24, 80, 0);
	assert_non_null(strstr(row(f->lay.preview.y), "(entry: line"));
	draw(f, 30, 100, 0);
	assert_null(strstr(row(1), "(entry:"));
}

/* A policy that cannot be generated, and so has no preview yet: why, in
 * the pane, not an empty "lines 0-0 of 0". */
static void
view_says_why_there_is_no_preview(void **state)
{
	struct fixture *f = *state;
	char *text;

	strlist_add(&f->m.params.deny_read, "/tmp/[z-a]");
	draw(f, 30, 100, UI_R_REGEN);
	assert_true(f->m.preview_stale);
	assert_int_equal(f->m.nlines, 0);
	assert_null(strstr(row(1), "lines 0-0"));
	assert_non_null(strstr(row(1), "Preview  none: the policy does not "
	    "generate"));
	text = rows_text(2);
	assert_non_null(strstr(text, "The policy does not generate"));
	assert_non_null(strstr(text, "backwards"));
	free(text);
}

/* Zoomed, the settings are hidden: the heading does not send the user
 * there. */
static void
view_zoomed_heading_says_how_to_see_the_warnings(void **state)
{
	struct fixture *f = *state;

	key(f, 'u');
	keys(f, "/var/run/docker.sock");
	key(f, UI_KEY_ENTER);
	draw(f, 30, 100, UI_R_REGEN);
	assert_non_null(strstr(row(1), "(warnings: see settings)"));
	key(f, 'z');
	draw(f, 30, 100, 0);
	assert_null(strstr(row(1), "see settings"));
	assert_non_null(strstr(row(1), "(warnings: z shows the settings)"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
		T(view_draws_both_panes_side_by_side_when_wide),
		T(view_stacks_the_panes_when_narrow),
		T(view_says_when_the_terminal_is_too_small),
		T(view_relayouts_at_several_sizes),
		T(view_reverses_the_selected_row),
		T(view_shows_the_prompt_and_keeps_refused_text),
		T(view_title_marks_changes_and_the_preview_highlights_them),
		T(view_title_keeps_the_marker_with_a_long_file_name),
		T(view_dims_inactive_entries_with_the_reason),
		T(view_shows_warnings_under_their_entry),
		T(view_colours_preview_roles_in_mono_by_attributes),
		T(view_draws_param_references_and_long_lines),
		T(view_shows_control_characters_as_question_marks),
		T(view_help_screen_lists_the_bindings),
		T(view_asks_before_quitting_with_changes),
		T(view_theme_honours_no_color),
		T(view_uses_colour_pairs_on_a_colour_terminal),
		T(view_draws_wide_characters_in_their_columns),
		T(view_help_wraps_long_rows_under_their_text),
		T(view_mono_title_differs_from_the_focused_heading),
		T(view_hints_offer_only_keys_that_work),
		T(view_points_to_warnings_only_when_the_settings_show_some),
		T(view_draws_the_builtin_denies_as_their_own_group),
		T(view_marks_the_deciding_rule_and_the_entry),
		T(view_a_brief_shrink_keeps_the_top_rows),
		T(view_hints_come_by_importance_and_say_when_there_are_more),
		T(view_deny_entries_show_no_access_and_offer_no_c),
		T(view_help_describes_its_own_keys),
		T(view_marks_inactive_rows_without_dim),
		T(view_default_policy_matches_the_capture),
		T(view_lists_the_presets_in_the_settings_pane),
		T(view_highlights_the_matches_of_a_search),
		T(view_scrolls_the_preview_sideways),
		T(view_preview_hints_offer_the_ways_it_scrolls),
		T(view_title_keeps_the_modes_at_80_columns),
		T(view_presets_hints_are_open_close_and_help),
		T(view_prompt_hints_offer_tab_only_where_it_completes),
		T(view_long_messages_wrap_and_stay_readable),
		T(view_a_long_reason_goes_under_the_prompt),
		T(view_title_keeps_the_modes_at_every_width),
		T(view_hints_keep_undo_and_quit_at_80_columns),
		T(view_help_hints_offer_the_search_keys_during_a_search),
		T(view_prompt_label_shortens_on_a_narrow_screen),
		T(view_marks_the_selected_entry_apart_from_the_others),
		T(view_says_why_there_is_no_preview),
		T(view_zoomed_heading_says_how_to_see_the_warnings),
#undef T
	};

	/* The TUI runs in the user's locale, UTF-8 nearly always. */
	utf8_locale = setlocale(LC_ALL, "C.UTF-8") != NULL ||
	    setlocale(LC_ALL, "C.utf8") != NULL ||
	    setlocale(LC_ALL, "en_US.UTF-8") != NULL;
	return cmocka_run_group_tests(tests, NULL, NULL);
}
