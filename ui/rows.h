/* SPDX-License-Identifier: ISC */
/* rows.h: the settings pane's rows, their flags, and the selection in them. */
#ifndef SBPOLICY_ROWS_H
#define SBPOLICY_ROWS_H

#include <stdbool.h>
#include <stddef.h>

/* The rows of the settings pane, in display order. */
enum ui_row_kind {
	ROW_SECTION,		/* "Network", "Filesystem": not selectable */
	ROW_NET_MODE,
	ROW_PORTS,		/* a list heading: Enter adds to it */
	ROW_PORT,
	ROW_LOCAL,
	ROW_ALLOW_ALL,
	ROW_ALLOW,
	ROW_ALLOW_ENTRY,
	ROW_DENY,
	ROW_DENY_ENTRY,
	ROW_BUILTIN,		/* the built-in denies: on or off */
	ROW_BUILTIN_ENTRY,	/* one of them (gen_builtin_deny): read-only */
	ROW_FS_MODE,
	ROW_INC_CWD,
	ROW_INC_TMP,
	ROW_INC_TMPDIR,
	ROW_ROOTS,
	ROW_ROOT,
	ROW_PROTECTS,
	ROW_PROTECT,
	ROW_DENY_READS,
	ROW_DENY_READ,
	ROW_CHECKS,		/* the access checks: not policy */
	ROW_CHECK,
	ROW_NOTE,		/* a resolved path under its entry: not selectable */
	ROW_WARNING,		/* a generator warning under its entry: not selectable */
};

struct ui_row {
	enum ui_row_kind	 kind;
	size_t			 index;		/* into the params list, for entries */
	char			*label;		/* owned */
	char			*value;		/* owned, or NULL; drawn on the right */
	const char		*inactive;	/* why it has no effect now, or NULL */
	bool			 warned;	/* a ROW_WARNING follows */
	int			 depth;		/* indentation level */
};

struct ui_model;

/* A row that can take the selection. */
bool	ui_row_is_selectable(const struct ui_row *);

/*
 * Makes m->rows again from the params and the last generator result: the
 * settings with their values, why a row has no effect, the generator's
 * warnings under what they are about, and the resolved form of each path
 * where it differs. The selection, kept as (kind, index), goes to the same
 * entry, else the nearest one of its kind before it, else its list's
 * heading.
 */
void	ui_rows_build(struct ui_model *);
void	ui_rows_free(struct ui_model *);

/* Keeps the selected row inside the settings viewport. */
void	ui_rows_scroll(struct ui_model *);

/* Moves the selection by delta selectable rows (clamped). */
void	ui_rows_move(struct ui_model *, long delta);

/* Drops the resolved paths that the rows remember (on open, on Ctrl-L), so
 * that a socket created meanwhile shows up. */
void	ui_rows_forget(struct ui_model *);

#endif
