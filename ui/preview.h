/* SPDX-License-Identifier: ISC */
/* preview.h: the preview's text: its lines, their colours, what changed. */
#ifndef SBPOLICY_PREVIEW_H
#define SBPOLICY_PREVIEW_H

#include <stdbool.h>
#include <stddef.h>

/* How a preview line is coloured. */
enum ui_line_role {
	UI_LINE_PLAIN,
	UI_LINE_COMMENT,
	UI_LINE_ALLOW,
	UI_LINE_DENY,
	UI_LINE_PARAM,		/* "; -D KEY=VALUE" */
};

struct ui_pline {
	const char		*s;	/* into ui_model.preview; not NUL-terminated */
	size_t			 len;
	size_t			 hash;	/* hash_bytes of the line, for the next change */
	enum ui_line_role	 role;
	bool			 changed;	/* added or altered by the last change */
};

struct ui_model;

/*
 * Makes text (taken) the preview: split into lines, each coloured by the
 * top-level SBPL form it belongs to (sbpl-lex.h), the lines that the old
 * preview did not have marked as changed (none after ui_preview_drop), and
 * the first of them scrolled into view.
 */
void	ui_preview_set(struct ui_model *, char *text);

/* Forgets the preview: the next one is not "a change". */
void	ui_preview_drop(struct ui_model *);

/* The highest first line the preview pane can show. */
size_t	ui_preview_max_top(const struct ui_model *);

#endif
