/* SPDX-License-Identifier: ISC */
/* model-int.h: what the model's actions share across its files (model.c,
 * prompt.c, confirm.c). Not part of the model's interface (model.h); only
 * those three see it. */
#ifndef SBPOLICY_MODEL_INT_H
#define SBPOLICY_MODEL_INT_H

#include <stddef.h>

#include "actions.h"
#include "model.h"

struct ui_list;

/* model.c */

/* Empties the status line. */
void	ui_model_status_clear(struct ui_model *);
/* Ends the question: back to the pane with the focus. */
void	ui_model_back_to_browsing(struct ui_model *);
/* A file name for the head of a message, as sb_show_name (err.h) writes
 * it but whole, however long. New string. */
char	*ui_model_show_name_new(const char *);

/* prompt.c */

/* The keys of the prompt open (UI_MODE_EDIT_PATH). */
unsigned ui_prompt_apply(struct ui_model *, enum ui_action, int key);
/* The run prompt, with the command run last. */
void	ui_prompt_run(struct ui_model *);
/* The check prompt, unless there are UI_CHECKS_MAX checks already. */
unsigned ui_prompt_check(struct ui_model *);
/* The save prompt, with the file's name, else the default one; in the
 * profiles directory when the file's directory does not exist. */
unsigned ui_prompt_save(struct ui_model *);
/* The status line "VERB ENTRY" for entry i of list l. */
void	ui_prompt_say_entry(struct ui_model *, const char *verb,
	    const struct ui_list *l, size_t i);

/* confirm.c */

/* The answers to the question asked (UI_MODE_CONFIRM). */
unsigned ui_confirm_apply(struct ui_model *, enum ui_action);

#endif
