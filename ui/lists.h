/* SPDX-License-Identifier: ISC */
/* lists.h: the settings pane's lists and switches, one table of each. */
#ifndef SBPOLICY_LISTS_H
#define SBPOLICY_LISTS_H

#include <stdbool.h>
#include <stddef.h>

#include "err.h"
#include "gen.h"
#include "model.h"
#include "params.h"

struct ui_list;

/*
 * What the entries of a kind of list are, as tig's view ops: each works on
 * the list where it lives in the params (struct portlist, socklist or
 * strlist) or in the model (struct ui_checks), found by ui_list_in.
 */
struct ui_list_ops {
	size_t	 (*len)(const void *list);
	/* The entry as it is typed and edited ("/tmp/x.sock", "8080"). New
	 * string. */
	char	*(*text_new)(const void *list, size_t i);
	/* The path the entry names, whose resolved form its rows show (a
	 * pattern for a list of patterns), or NULL. Borrowed. */
	const char *(*path)(const void *list, size_t i);
	/* The flags drawn beside the entry ("subpath connect-bind"), or NULL.
	 * New string. */
	char	*(*flags_new)(const void *list, size_t i);
	/* The socket entry, for m and c; NULL for other lists. */
	struct sock_entry *(*socket)(void *list, size_t i);
	/*
	 * Adds the text typed, in its stored form, or with replace puts it
	 * in place of entry i; relative paths resolve against cwd. Returns 0,
	 * or -1 with err set ("WHAT: ...", "WHAT: already in the list: ...")
	 * and the list unchanged.
	 */
	int	 (*put)(void *list, const struct ui_list *, const char *text,
		    const char *cwd, bool replace, size_t i, struct sb_error *);
	void	 (*remove)(void *list, size_t i);
	/* Why entry i does nothing now (a check that cannot be asked), shown
	 * under it, or NULL; the op may be NULL. Borrowed. */
	const char *(*problem)(const void *list, size_t i);
};

/* One list of the settings pane. */
struct ui_list {
	enum ui_row_kind	 head;		/* its heading: Enter, a add to it */
	enum ui_row_kind	 entry;		/* the rows of its entries */
	enum ui_prompt		 prompt;	/* the prompt that adds to it */
	const char		*name;		/* the heading ("allow sockets") */
	const char		*what;		/* an entry, in messages ("allow socket") */
	const char		*label;		/* the add prompt's ("allow socket: ") */
	const char		*edit_label;	/* the edit prompt's ("edit path: ") */
	const char		*noun;		/* for messages ("added port 8080");
						 * NULL: the entry, quoted */
	enum gen_where		 where;		/* the generator's warnings about it */
	bool			 glob;		/* the entries are patterns (glob.h) */
	size_t			 offset;	/* in struct params, or ui_model */
	const struct ui_list_ops *ops;		/* NULL: built in, read-only */
	/* Which params entries wrote an entry's text in the profile (struct
	 * gen_origin): the preview marks them while it is selected.
	 * GEN_W_GENERAL: the entries wrote nothing of their own. */
	enum gen_where		 origin;
	/* It lives in struct ui_model, not in the params: it is not
	 * policy, and no file holds it. */
	bool			 in_model;
	/* The text is words, VERB TARGET: Tab completes the last. */
	bool			 words;
};

/* The list whose heading or entries are rows of kind, or NULL. */
const struct ui_list *ui_list_by_row(enum ui_row_kind);

/* The list that prompt adds to, or NULL. */
const struct ui_list *ui_list_by_prompt(enum ui_prompt);

/* Where the list lives in m (its params, or m itself); NULL for a built-in
 * list. */
void	*ui_list_in(struct ui_model *m, const struct ui_list *);
const void *ui_list_in_const(const struct ui_model *m, const struct ui_list *);

/* Its length in m; 0 for a built-in list. */
size_t	 ui_list_len(const struct ui_model *m, const struct ui_list *);

/* One on/off setting of the settings pane. */
struct ui_switch {
	enum ui_row_kind	 row;
	enum ui_action		 action;	/* its own key's, or ACT_NONE */
	const char		*name;		/* its row's label, and in messages */
	size_t			 offset;	/* of its bool in struct params */
};

/* The switch shown as a row of kind, or bound to action; or NULL. */
const struct ui_switch *ui_switch_by_row(enum ui_row_kind);
const struct ui_switch *ui_switch_by_action(enum ui_action);

/* Its value in p. */
bool	*ui_switch_in(struct params *p, const struct ui_switch *);
bool	 ui_switch_get(const struct params *p, const struct ui_switch *);

#endif
