/* SPDX-License-Identifier: ISC */
/* ui.h: the terminal UI's entry point. */
#ifndef SBPOLICY_UI_H
#define SBPOLICY_UI_H

#include "params.h"

/*
 * What the TUI starts from, filled by main.c from the command line (`tui`,
 * cli_parse). Everything is borrowed, and copied.
 */
struct ui_start {
	const struct params	*params;	/* the policy to start with */
	const struct params	*saved;		/* file as it is, or NULL: new */
	const char		*file;		/* to save to, absolute; or NULL */
	const char		*template_file;	/* where params came from
						 * when not file (-p); or NULL */
	const char		*srt_file;	/* an srt settings file given
						 * to open (file NULL): the
						 * TUI asks to convert it;
						 * or NULL */
	const char		*cwd;		/* the policy cwd, absolute */
	const char		*home;		/* $HOME, or NULL */
	const char		*tmpdir;	/* $TMPDIR, or NULL */
};

/*
 * Runs the policy builder on the terminal until the user quits: params
 * on screen, saved (when there is a file) the unmodified state, so that
 * what differs from it shows as a change to save. Returns the exit status:
 * 0, 1 (no usable terminal type, Ctrl-\), 2 (stdin or stdout not a
 * terminal).
 */
int	ui_main(const struct ui_start *);

#endif
