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

/* Marks of a line, from the selected settings row (ui_preview_mark). */
#define UI_MARK_ENTRY	0x1u	/* the selected entry wrote span of it */
#define UI_MARK_RULE	0x2u	/* the selected check's deciding rule */

struct ui_pline {
	const char		*s;	/* into ui_model.preview; not NUL-terminated */
	size_t			 len;
	size_t			 hash;	/* of the line (preview.c), when hashed */
	bool			 hashed;	/* made when a change needs it */
	enum ui_line_role	 role;
	bool			 changed;	/* added or altered by the last change */
	unsigned		 mark;		/* UI_MARK_* */
	size_t			 span_off;	/* UI_MARK_ENTRY: the bytes */
	size_t			 span_len;	/* of s the entry wrote */
	/* The classifier's state where the line starts, so that after a
	 * change it runs again from the first changed line only, and stops
	 * where it falls back into step with the old text. */
	int			 depth;		/* open parens */
	enum ui_line_role	 form;		/* of the form they open */
	bool			 in_token;	/* inside a string of lines before */
};

struct ui_model;

/*
 * Makes text (taken) the preview: split into lines, each coloured by the
 * top-level SBPL form it belongs to (sbpl-lex.h), the lines that the old
 * preview did not have marked as changed (none after ui_preview_drop), and
 * the first changed rule (else the first changed -D line) scrolled into
 * view. The lines before and after the bytes that changed keep their
 * colour and hash: a key press costs what it changed, not the whole text.
 */
void	ui_preview_set(struct ui_model *, char *text);

/*
 * Marks the lines of the selected settings row: for an entry, what it
 * wrote (the ranges of gen_result.origins that name it, and the "; -D"
 * lines of the parameters they use); for a check, its deciding rule. With
 * scroll, the first marked rule is brought into view.
 */
void	ui_preview_mark(struct ui_model *, bool scroll);

/* Forgets the preview: the next one is not "a change". */
void	ui_preview_drop(struct ui_model *);

/* The highest first line the preview pane can show. */
size_t	ui_preview_max_top(const struct ui_model *);

#endif
