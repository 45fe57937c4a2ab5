/* SPDX-License-Identifier: ISC */
/* help.h: the help screen's text, made from the key table and wrapped; the
 * key hints of the bottom row. */
#ifndef SBPOLICY_HELP_H
#define SBPOLICY_HELP_H

#include <stdbool.h>
#include <stddef.h>

struct ui_model;

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

/* A key hint of the bottom row: "KEY label". */
struct ui_hint {
	char		 key[32];
	const char	*label;		/* static */
};
#define UI_HINTS_MAX	40

/*
 * The key hints for the mode and the selected row, from the keymap, so
 * they show the keys that work: those that fit in cols columns (two
 * blanks after each), picked by importance while the next fits, in their
 * order, into out (UI_HINTS_MAX at most); returns how many. *help gets
 * the help's hint, which ends the row: "? help" when all the others fit,
 * else "? more", so that a cut row says so; its label is NULL where ? is
 * no key. With status_cut (the status line is cut), M, which shows it
 * whole, is the first.
 */
size_t	  ui_hints(const struct ui_model *, bool status_cut, int cols,
	    struct ui_hint *out, struct ui_hint *help);

#endif
