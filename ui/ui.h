/* SPDX-License-Identifier: ISC */
/* ui.h: the terminal UI's entry point. */
#ifndef SBPOLICY_UI_H
#define SBPOLICY_UI_H

/*
 * `sbpolicy tui [OPTIONS] [PARAMS.json]` (argv[0] is "tui"): parses the
 * options with cli_parse(CLI_TUI), loads PARAMS.json when it exists (it is
 * created on the first save otherwise), and runs the policy builder until
 * the user quits. Returns the exit status: 0, 1 (a params file that does
 * not load, no usable terminal type), 2 (bad usage, stdin or stdout not a
 * terminal).
 */
int	ui_main(int argc, char **argv);

#endif
