/* SPDX-License-Identifier: ISC */
/* confirm.c: the TUI's questions (unsaved changes, a file that exists or
 * changed on disk, an srt settings file): their text and their answers;
 * no curses, no drawing. */
#include "config.h"

#include "model.h"
#include "model-int.h"

#include <stdlib.h>

#include "xmalloc.h"

char *
ui_model_confirm_text(const struct ui_model *m)
{
	char *s, *name;

	switch (m->confirm) {
	/* Asked so that y, n and Enter mean what they seem to: y and
	 * Enter save, n discards. */
	case UI_CONFIRM_QUIT:
		return xstrdup("unsaved changes; save first?  y save  "
		    "n discard  c cancel");
	case UI_CONFIRM_OPEN:
		return xstrdup("unsaved changes; save before opening?  y save  "
		    "n discard  c cancel");
	case UI_CONFIRM_PRESETS:
		return xstrdup("unsaved changes; save before the presets?  "
		    "y save  n discard  c cancel");
	case UI_CONFIRM_CHANGED:
		name = ui_model_show_name_new(m->pending_path != NULL ?
		    m->pending_path : m->file != NULL ? m->file : "the file");
		/* What happened to it, which "changed" would misstate for
		 * a new file that another program wrote meanwhile. */
		if (m->disk_change == UI_DISK_CREATED)
			xasprintf(&s, "%s was created since it was opened "
			    "here; overwrite it?  o overwrite  r reload  "
			    "c cancel", name);
		else if (m->disk_change == UI_DISK_REMOVED)
			xasprintf(&s, "%s was removed since it was read; write "
			    "it again?  o write  c cancel", name);
		else
			xasprintf(&s, "%s changed on disk since it was read; "
			    "overwrite it?  o overwrite  r reload  c cancel",
			    name);
		free(name);
		return s;
	case UI_CONFIRM_OVERWRITE:
		if (m->pending_path == NULL)
			return xstrdup("the file exists; overwrite?  y yes  "
			    "n no");
		name = ui_model_show_name_new(m->pending_path);
		xasprintf(&s, "%s exists; overwrite?  y yes  n no", name);
		free(name);
		return s;
	case UI_CONFIRM_SRT:
		name = ui_model_show_name_new(m->srt != NULL ? m->srt->file :
		    "the file");
		xasprintf(&s, "%s is an srt settings file; convert it to a new "
		    "unsaved policy?  y yes  n no", name);
		free(name);
		return s;
	case UI_CONFIRM_NONE:
		break;
	}
	return xstrdup("");
}

static unsigned
save_now_or_prompt(struct ui_model *m)
{
	char *why;

	if (m->file == NULL)
		return ui_prompt_save(m);
	/* Not straight to an error that the start foretold. */
	if ((why = ui_model_dir_problem(m, m->file)) != NULL) {
		free(why);
		return ui_prompt_save(m);
	}
	free(m->pending_path);
	m->pending_path = xstrdup(m->file);
	free(m->save_typed);
	m->save_typed = NULL;
	ui_model_back_to_browsing(m);
	return UI_R_SAVE | UI_R_REDRAW;
}

unsigned
ui_confirm_apply(struct ui_model *m, enum ui_action a)
{
	enum ui_confirm c = m->confirm;

	/* The answers by what the question asks: y and Enter save
	 * unsaved changes, n discards them; the file exists: y and n; an
	 * srt settings file: y and Enter convert it, n and Esc do not. */
	if (c == UI_CONFIRM_SRT) {
		switch (a) {
		case ACT_CONFIRM_YES:
		case ACT_ACCEPT:
			ui_model_back_to_browsing(m);
			return ui_model_convert_srt(m);
		case ACT_CONFIRM_NO:
		case ACT_CANCEL:
			ui_model_back_to_browsing(m);
			return ui_model_decline_srt(m);
		default:
			return 0;
		}
	}
	if (c != UI_CONFIRM_OVERWRITE && c != UI_CONFIRM_CHANGED) {
		if (a == ACT_CONFIRM_YES || a == ACT_ACCEPT)
			a = ACT_CONFIRM_SAVE;
		else if (a == ACT_CONFIRM_NO)
			a = ACT_CONFIRM_DISCARD;
	}
	if (c == UI_CONFIRM_CHANGED) {
		/* A file that went has nothing to read again. */
		if (a == ACT_CONFIRM_RELOAD &&
		    m->disk_change == UI_DISK_REMOVED)
			return 0;
		switch (a) {
		case ACT_CONFIRM_OVERWRITE:
			ui_model_back_to_browsing(m);
			m->overwrite_ok = true;
			return UI_R_SAVE | UI_R_REDRAW;
		case ACT_CONFIRM_RELOAD:
			ui_model_back_to_browsing(m);
			m->after_save = UI_AFTER_NOTHING;
			free(m->pending_path);
			m->pending_path = xstrdup(m->file);
			return UI_R_OPEN | UI_R_REDRAW;
		case ACT_CANCEL:
			break;
		default:
			return 0;
		}
	}
	switch (a) {
	case ACT_CONFIRM_SAVE:
		if (c == UI_CONFIRM_OVERWRITE)
			return 0;
		/* Back, not on to what the save was for: n there discards. */
		if (ui_model_refuse_stale(m)) {
			ui_model_back_to_browsing(m);
			m->after_save = UI_AFTER_NOTHING;
			return UI_R_REDRAW;
		}
		m->confirm = UI_CONFIRM_NONE;
		m->after_save = c == UI_CONFIRM_QUIT ? UI_AFTER_QUIT :
		    c == UI_CONFIRM_PRESETS ? UI_AFTER_PRESETS :
		    UI_AFTER_OPEN_PROMPT;
		return save_now_or_prompt(m);
	case ACT_CONFIRM_DISCARD:
		if (c == UI_CONFIRM_OVERWRITE)
			return 0;
		ui_model_back_to_browsing(m);
		if (c == UI_CONFIRM_QUIT)
			return UI_R_QUIT;
		if (c == UI_CONFIRM_PRESETS)
			return UI_R_PRESETS | UI_R_REDRAW;
		ui_model_open_prompt(m);
		return UI_R_REDRAW;
	case ACT_CONFIRM_YES:
		if (c != UI_CONFIRM_OVERWRITE)
			return 0;
		ui_model_back_to_browsing(m);
		m->overwrite_ok = true;
		return UI_R_SAVE | UI_R_REDRAW;
	case ACT_CONFIRM_NO:
	case ACT_CANCEL:
		if (a == ACT_CONFIRM_NO && c != UI_CONFIRM_OVERWRITE)
			return 0;
		ui_model_back_to_browsing(m);
		m->after_save = UI_AFTER_NOTHING;
		ui_model_status(m, false, c == UI_CONFIRM_OVERWRITE ||
		    c == UI_CONFIRM_CHANGED ? "not saved" : "cancelled");
		return UI_R_REDRAW;
	default:
		return 0;
	}
}
