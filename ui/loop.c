/* SPDX-License-Identifier: ISC */
/* loop.c: terminal set-up and tear-down, and the TUI's main loop. */
#include "config.h"

#include "ui.h"

#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "input.h"
#include "keymap.h"
#include "launch.h"
#include "layout.h"
#include "model.h"
#include "path.h"
#include "shquote.h"
#include "theme.h"
#include "ui-curses.h"
#include "view.h"
#include "xmalloc.h"

extern char **environ;

#ifndef SBPOLICY_EXAMPLES_DIR
#define SBPOLICY_EXAMPLES_DIR		"/usr/local/share/sbpolicy/examples"
#endif
#ifndef SBPOLICY_SRC_EXAMPLES_DIR
#define SBPOLICY_SRC_EXAMPLES_DIR	"data/examples"
#endif

/* SIGQUIT arrived: the loop leaves as on q, without asking (the handler
 * only sets the flag: nothing else is safe in a signal handler). */
static volatile sig_atomic_t got_sigquit;

/* How often the loop looks at the flag when a restarted read hides it. */
#define UI_SIGNAL_POLL_MS	250

static void
on_sigquit(int sig)
{
	(void)sig;
	got_sigquit = 1;
}

/*
 * ncurses restores the terminal on SIGINT and SIGTERM but not on SIGQUIT
 * (Ctrl-\, which cbreak leaves on): that would leave the shell without echo,
 * in the alternate screen. Catch it like ncurses does, only while it is
 * at the default, so an ignored SIGQUIT stays ignored.
 */
static void
catch_sigquit(void)
{
	struct sigaction sa, old;

	if (sigaction(SIGQUIT, NULL, &old) == -1 ||
	    (old.sa_flags & SA_SIGINFO) || old.sa_handler != SIG_DFL)
		return;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_sigquit;
	sigemptyset(&sa.sa_mask);
	/* No SA_RESTART: the read in wgetch returns at once. */
	sa.sa_flags = 0;
	(void)sigaction(SIGQUIT, &sa, NULL);
}

/*
 * Bracketed paste (xterm's mode 2004, which terminals that lack it ignore):
 * the terminal sends a paste between ESC [ 200 ~ and ESC [ 201 ~, so the
 * decoder reads it as text and never as keys (a newline in it as Enter).
 * On only while sbpolicy has the screen: off for a run, a suspend and
 * every way out, or the shell after it would get those bytes around each
 * paste. By write(2), safe in a signal handler, and past curses, whose
 * output it does not touch.
 */
static volatile sig_atomic_t paste_on;

static void
paste_mode(bool on)
{
	static const char set[] = "\033[?2004h", reset[] = "\033[?2004l";
	ssize_t n;

	paste_on = on;
	n = on ? write(STDOUT_FILENO, set, sizeof set - 1) :
	    write(STDOUT_FILENO, reset, sizeof reset - 1);
	(void)n;
}

/* ncurses' handlers of the signals it restores the terminal on, which
 * ours call after the mode is off. */
static void (*curses_on_int)(int);
static void (*curses_on_term)(int);
static void (*curses_on_tstp)(int);

static void
on_curses_signal(int sig)
{
	void (*h)(int) = sig == SIGINT ? curses_on_int : sig == SIGTERM ?
	    curses_on_term : curses_on_tstp;
	bool was = paste_on != 0;

	paste_mode(false);
	if (h != NULL)
		h(sig);
	/* Back from a suspend (SIGINT and SIGTERM exit in ncurses'), on
	 * again unless it was off (a run). */
	if (sig == SIGTSTP && was)
		paste_mode(true);
}

/*
 * Puts ours before the handler that ncurses installed for sig (it does
 * so only for a signal at the default); a signal ignored, or at another
 * program's handler, is left as it is.
 */
static void
wrap_curses_signal(int sig, void (**saved)(int))
{
	struct sigaction sa, old;

	if (sigaction(sig, NULL, &old) == -1 || (old.sa_flags & SA_SIGINFO) ||
	    old.sa_handler == SIG_DFL || old.sa_handler == SIG_IGN)
		return;
	*saved = old.sa_handler;
	sa = old;
	sa.sa_handler = on_curses_signal;
	(void)sigaction(sig, &sa, NULL);
}

/*
 * Sets curses up on the terminal. newterm rather than initscr, so an unknown
 * $TERM is an error we word ourselves instead of curses' exit. ncurses
 * installs its own SIGINT/SIGTERM handlers (restore the terminal, exit) and
 * its SIGWINCH handler (KEY_RESIZE), since we leave those at the default;
 * SIGQUIT is ours.
 */
static SCREEN *
ui_setup(const char **why)
{
	SCREEN *s;
	char cup[] = "cup";	/* not const: older curses.h take char * */
	const char *cap;

	*why = "cannot use the terminal";
	if ((s = newterm(NULL, stdout, stdin)) == NULL)
		return NULL;
	/* TERM=dumb and the like cannot put the cursor anywhere: curses
	 * would draw a blank screen, so say so instead. */
	cap = tigetstr(cup);
	if (cap == NULL || cap == (char *)-1) {
		*why = "the terminal cannot move the cursor";
		endwin();
		delscreen(s);
		return NULL;
	}
	set_term(s);
	catch_sigquit();
	ui_input_init();
	cbreak();
	noecho();
	nonl();
	intrflush(stdscr, FALSE);
	keypad(stdscr, TRUE);
	(void)ui_input_mouse_init();
#ifdef HAVE_SET_ESCDELAY
	/* Esc cancels a prompt: do not make it wait a whole second (htop). */
	set_escdelay(25);
#endif
	curs_set(0);
	ui_theme_init(ui_theme_want_color());
	wrap_curses_signal(SIGINT, &curses_on_int);
	wrap_curses_signal(SIGTERM, &curses_on_term);
	wrap_curses_signal(SIGTSTP, &curses_on_tstp);
	paste_mode(true);
	return s;
}

/*
 * Run by xmalloc before its out-of-memory exit while curses holds the
 * terminal: the terminal back to the shell first, with
 * its echo and the normal screen, then the message on it.
 */
static void
ui_oom(void)
{
	paste_mode(false);
	endwin();
}

static void
ui_shutdown(SCREEN *s)
{
	if (s == NULL)
		return;
	paste_mode(false);
	endwin();
	delscreen(s);
}

/*
 * Wipes the line of "Press any key" on the normal screen, where the shell
 * would find it after sbpolicy ends: the run's output and its exit status
 * above it stay, as a record. putp's bytes go out with curses' next
 * update, before it takes the screen back.
 */
static void
wipe_line(int cols)
{
	char el[] = "el";	/* not const: older curses.h take char * */
	const char *cap = tigetstr(el);

	fputs("\r", stdout);
	if (cap == NULL || cap == (char *)-1) {
		while (cols-- > 1)
			putchar(' ');
		fputs("\r", stdout);
	}
	fflush(stdout);
	if (cap != NULL && cap != (char *)-1)
		(void)putp(cap);
}

/*
 * `r`: leaves curses, runs the command under the policy through the
 * launcher in the foreground, shows how it ended, waits for a key and
 * comes back (ncdu's shell.c). On Linux the launcher refuses with its
 * "only on macOS" error, shown with the exact command line it would run.
 */
static unsigned
ui_launch(struct ui_model *m)
{
	struct launch_spec spec;
	struct sb_error err;
	char **argv, *line, *shown, *typed;
	pid_t pid = 0;
	int status, key;

	if (m->run_argv == NULL || !m->have_gen)
		return 0;
	memset(&spec, 0, sizeof spec);
	spec.result = &m->gen;
	spec.net_mode = m->params.net_mode;
	spec.command = m->run_argv;
	spec.envp = environ;
	spec.tmpdir = m->tmpdir;
	spec.cwd = m->cwd;
	argv = launch_argv_new(&m->gen, "PROFILE_FILE", m->run_argv);
	line = shquote_argv(argv);
	launch_argv_free(argv);

	def_prog_mode();
	paste_mode(false);
	endwin();
	/* Curses is off: plain stdio is safe until reset_prog_mode. The
	 * command line as typed (through sh -c when it went there), but no
	 * control byte of a completed file name goes to the terminal as it
	 * is. */
	if (m->run_shell) {
		argv = xcalloc(4, sizeof *argv);
		argv[0] = xstrdup("sh");
		argv[1] = xstrdup("-c");
		argv[2] = xstrdup(m->last_command);
		typed = shquote_argv(argv);
		launch_argv_free(argv);
	} else
		typed = xstrdup(m->last_command);
	shown = ui_model_show_new(typed);
	free(typed);
	printf("sbpolicy: running %s\n", shown);
	fflush(stdout);
	sb_error_init(&err);
	status = launch_run(&launch_ops_posix, &spec, &pid, &err);
	if (sb_error_is_set(&err)) {
		/* The long command first, so the reason stays in sight. */
		printf("sbpolicy: the command it would have run:\n%s\n\n", line);
		printf("sbpolicy: %s\n", err.msg);
	}
	printf("\nsbpolicy: exit status %d.\n", status);
	fputs("Press any key to return to sbpolicy.", stdout);
	fflush(stdout);

	reset_prog_mode();
	/* On for the key too: a paste there is one key, not many. */
	paste_mode(true);
	/*
	 * Ctrl-C and Ctrl-\ are keys here like any other (raw): as signals
	 * they would end sbpolicy while curses' idea of the screen is out of
	 * date, and the shell's prompt would land on the run's output.
	 */
	raw();
	do {
		key = ui_input_read(UI_SIGNAL_POLL_MS);
	} while ((key == UI_KEY_NONE || key == UI_KEY_RESIZE) &&
	    !got_sigquit);
	noraw();
	cbreak();
	/* Curses comes back to this line when sbpolicy ends: the shell's
	 * prompt goes under the run's output, in place of the question. */
	wipe_line(COLS);

	if (sb_error_is_set(&err))
		ui_model_status(m, true, "run: exit status %d: %s", status,
		    err.msg);
	else
		ui_model_status(m, status != 0, "run: %s: exit status %d",
		    shown, status);
	launch_argv_free(m->run_argv);
	m->run_argv = NULL;
	free(shown);
	free(line);
	return UI_R_CLEAR | UI_R_RELAYOUT;
}

static void
viewport(struct ui_model *m, const struct ui_layout *lay)
{
	ui_model_set_viewport(m, ui_layout_pane_lines(&lay->settings),
	    lay->settings.w, ui_layout_pane_lines(&lay->preview),
	    lay->rows - 4);
	ui_model_set_preview_width(m, lay->preview.w);
	/* The help screen's text starts at column 1 and leaves one free. */
	ui_model_set_help_width(m, lay->cols - 2);
}

/*
 * Below the minimum size the panes are not drawn, so keys that change them
 * would act unseen. What still works: quit, redraw, cancel, and every key
 * of a question or the help screen, which the view still shows; else a
 * question opened by q would trap the user until the terminal grew.
 */
static bool
usable_when_small(const struct ui_model *m, int key)
{
	enum ui_action a = ui_keymap_lookup(m->mode, key);

	if (m->mode == UI_MODE_CONFIRM || m->mode == UI_MODE_HELP)
		return true;
	return a == ACT_QUIT || a == ACT_REDRAW || a == ACT_CANCEL;
}

/* The loop: side effects, then one draw, then a key. */
static void
ui_loop(struct ui_model *m)
{
	struct ui_layout lay;
	struct ui_mouse ev;
	enum ui_paste kind;
	const char *paste;
	unsigned flags = UI_R_RELAYOUT | UI_R_REGEN;
	size_t len;
	int key;

	for (;;) {
		if (flags & UI_R_QUIT)
			break;
		if (flags & UI_R_LAUNCH)
			flags |= ui_launch(m);
		if (flags & UI_R_SAVE)
			flags |= ui_model_save(m);
		if (flags & UI_R_QUIT)
			break;
		if (flags & UI_R_OPEN)
			flags |= ui_model_open(m);
		if (flags & UI_R_COMPLETE)
			flags |= ui_model_complete(m);
		if (flags & UI_R_CHECK)
			flags |= ui_model_check(m);
		if (flags & UI_R_PRESETS)
			flags |= ui_model_presets(m);
		if (flags & (UI_R_RELAYOUT | UI_R_CLEAR)) {
			ui_layout_compute(&lay, LINES, COLS, m->zoom);
			viewport(m, &lay);
		}
		if (flags & UI_R_REGEN)
			ui_model_regen(m);
		if (flags & UI_R_CLEAR)
			clearok(curscr, TRUE);
		if (flags & UI_R_DRAW) {
			ui_view_draw(m, &lay);
			doupdate();
		}
		key = ui_input_read(UI_SIGNAL_POLL_MS);
		if (got_sigquit)
			break;
		if (key == UI_KEY_RESIZE) {
			flags = UI_R_RELAYOUT;
			continue;
		}
		if (key == UI_KEY_NONE) {
			flags = 0;
			continue;
		}
		if (key == UI_KEY_MOUSE) {
			ui_input_mouse(&ev);
			flags = ui_model_mouse(m, &lay, &ev);
			continue;
		}
		if (key == UI_KEY_PASTE) {
			paste = ui_input_paste(&len, &kind);
			flags = ui_model_paste(m, paste, len, kind);
			continue;
		}
		if (lay.too_small && !usable_when_small(m, key)) {
			flags = 0;
			continue;
		}
		flags = ui_model_key(m, key);
	}
}

int
ui_main(const struct ui_start *st)
{
	/* The examples, installed; else, in a build directory, the source
	 * tree's (make check runs the TUI from there). */
	static const char *const preset_dirs[] = {
		SBPOLICY_EXAMPLES_DIR, SBPOLICY_SRC_EXAMPLES_DIR, NULL,
	};
	struct ui_model m;
	struct ui_env env;
	struct params def;
	struct sb_error err;
	const char *xdg, *why;
	char *shown, *from = NULL, *problem, *profiles;
	SCREEN *s;
	int status;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		cli_warn("tui: standard input and output must be a terminal "
		    "(use 'sbpolicy generate' for a profile)");
		return CLI_EXIT_USAGE;
	}
	status = CLI_EXIT_ERROR;
	xdg = getenv("XDG_CONFIG_HOME");
	memset(&env, 0, sizeof env);
	env.cwd = st->cwd;
	env.home = st->home;
	env.tmpdir = st->tmpdir;
	env.config_home = xdg != NULL && *xdg != '\0' ? xdg : NULL;
	env.fs = &path_fs_posix;
	env.dir = &ui_dir_posix;
	env.preset_dirs = preset_dirs;

	if (st->template_file != NULL)
		from = ui_model_show_new(st->template_file);
	if (st->saved != NULL) {
		/* The file as saved is the unmodified state; the template and
		 * the flags on top of it are changes to save. */
		ui_model_init(&m, st->saved, st->file, &env);
		/* As read now: a save asks if another program writes it. */
		ui_model_snapshot(&m);
		params_clear(&m.params);
		params_copy(&m.params, st->params);
		m.modified = !params_equal(&m.params, &m.saved);
		shown = ui_model_show_new(st->file);
		if (from != NULL)
			ui_model_status(&m, false, "opened %s, with %s on top; "
			    "press ? for help", shown, from);
		else
			ui_model_status(&m, false, "opened %s; press ? for "
			    "help", shown);
		free(shown);
	} else if (st->srt_file != NULL) {
		/* Converted before the terminal is set up: an error is one
		 * line, as for a params file that does not load. */
		ui_model_init(&m, st->params, NULL, &env);
		sb_error_init(&err);
		switch (ui_model_offer_srt(&m, st->srt_file, &err)) {
		case -1:
			cli_warn("%s", err.msg);
			free(from);
			goto out;
		case 0:
			/* It changed since tui-main read it. */
			ui_model_status(&m, false, "default policy; press ? "
			    "for help");
			break;
		default:
			break;
		}
	} else if (st->file != NULL) {
		ui_model_init(&m, st->params, st->file, &env);
		ui_model_snapshot(&m);
		shown = ui_model_show_new(st->file);
		/* Said now, not at the save that fails after the work;
		 * the reason first: the title names the file. The save
		 * prompt then proposes what this says. */
		if ((problem = ui_model_dir_problem(&m, st->file)) != NULL) {
			profiles = ui_model_profiles_dir(&m);
			ui_model_status(&m, true, "new file: %s; s saves it %s",
			    problem, profiles != NULL ? "in the profiles "
			    "directory" : "elsewhere");
			free(profiles);
		} else if (from != NULL)
			ui_model_status(&m, false, "new file %s from %s "
			    "(created when saved); press ? for help", shown,
			    from);
		else
			ui_model_status(&m, false, "new file %s (created when "
			    "saved); press ? for help", shown);
		free(problem);
		free(shown);
	} else {
		ui_model_init(&m, st->params, NULL, &env);
		ui_model_status(&m, false, "default policy; press ? for help");
		/* Nothing asked for: offer the presets to start from. */
		params_init(&def);
		if (params_equal(st->params, &def)) {
			(void)ui_model_presets(&m);
			/* None found is no news at the start. */
			ui_model_status(&m, false, m.mode == UI_MODE_PICK ?
			    "default policy, or a preset: Enter opens the one "
			    "selected, any other key keeps this; ? help" :
			    "default policy; press ? for help");
		}
		params_clear(&def);
	}
	free(from);

	setlocale(LC_ALL, "");
	if ((s = ui_setup(&why)) == NULL) {
		cli_warn("tui: %s (TERM=\"%s\")", why,
		    getenv("TERM") != NULL ? getenv("TERM") : "");
		goto out;
	}
	xmalloc_set_fatal(ui_oom);
	ui_loop(&m);
	ui_shutdown(s);
	xmalloc_set_fatal(NULL);
	/* Ctrl-\ ends it as Ctrl-C does (ncurses exits 1 there). */
	status = got_sigquit ? CLI_EXIT_ERROR : CLI_EXIT_OK;
out:
	ui_model_clear(&m);
	return status;
}
