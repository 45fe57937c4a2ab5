/* SPDX-License-Identifier: ISC */
/* help.h: the help screen's text, made from the key table and wrapped. */
#ifndef SBPOLICY_HELP_H
#define SBPOLICY_HELP_H

#include <stddef.h>

/* The rows' key column: "  KEYS" padded to this, two blanks, the help. */
#define UI_HELP_KEYS_COLS	22
#define UI_HELP_TEXT_COL	(2 + UI_HELP_KEYS_COLS + 2)

/*
 * The help rows, from ui_keymap_table: a "MODE:" row for each mode with
 * bindings, in the order a user needs them, then "  KEYS  ACTION-HELP" for
 * each action bound in that mode, its keys joined with ", ". Returns a new
 * NULL-terminated array of new strings (free with ui_help_free); *n gets
 * the count.
 */
char	**ui_help_rows_new(size_t *n);

/*
 * The rows wrapped at blanks to cols columns (20 at least), what is left
 * of a row's help indented under its start, so no row is cut at the
 * screen's edge. Returns a new NULL-terminated array of new strings (free
 * with ui_help_free), one empty line when there are no rows; *n gets the
 * count.
 */
char	**ui_help_wrap_new(char *const *rows, size_t nrows, int cols,
	    size_t *n);

void	  ui_help_free(char **);

#endif
