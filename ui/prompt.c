/* SPDX-License-Identifier: ISC */
/* prompt.c: the TUI's status-line prompt: its label, Tab, the run prompt's
 * history, accepting what was typed, its keys; no curses, no drawing. */
#include "config.h"

#include "model.h"
#include "model-int.h"

#include <stdlib.h>
#include <string.h>

#include "explain.h"
#include "launch.h"
#include "lists.h"
#include "search.h"
#include "shquote.h"
#include "unicode.h"
#include "utf8.h"
#include "xmalloc.h"

/* --- the prompt ----------------------------------------------------------- */

void
ui_model_prompt(struct ui_model *m, enum ui_prompt p, const char *text)
{
	m->prompt = p;
	m->mode = UI_MODE_EDIT_PATH;
	ui_line_set(&m->line, text != NULL ? text : "");
	ui_model_status_clear(m);
}

static void
end_prompt(struct ui_model *m)
{
	m->prompt = UI_PROMPT_NONE;
	m->mode = m->focus == UI_FOCUS_PREVIEW ? UI_MODE_PREVIEW : UI_MODE_LIST;
	ui_line_set(&m->line, "");
}

const char *
ui_model_prompt_label(const struct ui_model *m)
{
	const struct ui_list *l;

	switch (m->prompt) {
	case UI_PROMPT_SAVE:		return "save to: ";
	case UI_PROMPT_OPEN:		return "open: ";
	case UI_PROMPT_RUN:
		/* The line is not a shell's: $HOME, *.md and | are words
		 * as they are, unless Ctrl-T sends it to sh -c. */
		return m->run_shell ? "run with sh -c: " :
		    "run (no shell, Ctrl-T: sh -c): ";
	case UI_PROMPT_SEARCH:
		return m->search_help ? "search the help: " : "search: ";
	case UI_PROMPT_EDIT:
		l = ui_list_by_row(m->edit_kind);
		return l != NULL && l->edit_label != NULL ? l->edit_label :
		    "edit path: ";
	case UI_PROMPT_NONE:
		return "";
	default:
		l = ui_list_by_prompt(m->prompt);
		return l != NULL ? l->label : "";
	}
}

const char *
ui_model_prompt_label_short(const struct ui_model *m)
{
	/* The way the line runs stays: the hints name Ctrl-T. */
	if (m->prompt == UI_PROMPT_RUN)
		return m->run_shell ? "run with sh -c: " : "run (no shell): ";
	if (m->prompt == UI_PROMPT_SEARCH && m->search_help)
		return "search help: ";
	return ui_model_prompt_label(m);
}

/*
 * The prompt to save, with the current name or the default one; for a new
 * file whose directory does not exist (tui /nodir/new.json, which the
 * start said), its name in the profiles directory, and why.
 */
unsigned
ui_prompt_save(struct ui_model *m)
{
	char *def = NULL, *why = NULL, *dir = NULL;
	const char *base;

	if (m->file != NULL &&
	    (why = ui_model_dir_problem(m, m->file)) != NULL &&
	    (dir = ui_model_profiles_dir(m)) != NULL) {
		base = strrchr(m->file, '/');
		xasprintf(&def, "%s/%s", dir, base != NULL ? base + 1 :
		    m->file);
	} else
		def = m->file != NULL ? xstrdup(m->file) :
		    ui_model_default_file(m);
	ui_model_prompt(m, UI_PROMPT_SAVE, def);
	/* After the prompt, which clears the status. */
	if (dir != NULL)
		ui_model_status(m, false, "%s: proposed the profiles directory",
		    why);
	free(dir);
	free(why);
	free(def);
	return UI_R_REDRAW;
}

/* --- completion ----------------------------------------------------------- */

/* The list the open prompt adds to or edits, or NULL. */
static const struct ui_list *
prompt_list(const struct ui_model *m)
{
	if (m->prompt == UI_PROMPT_EDIT)
		return ui_list_by_row(m->edit_kind);
	return ui_list_by_prompt(m->prompt);
}

bool
ui_model_prompt_completes(const struct ui_model *m)
{
	const struct ui_list *l = prompt_list(m);

	switch (m->prompt) {
	case UI_PROMPT_NONE:
	case UI_PROMPT_SEARCH:
		/* Text to find is no file name. */
		return false;
	case UI_PROMPT_SAVE:
	case UI_PROMPT_OPEN:
	case UI_PROMPT_RUN:
		return true;
	default:
		/* Ports and names are not file names; a check's verb and
		 * target complete. */
		return l != NULL && l->ops != NULL &&
		    (l->ops->path != NULL || l->words);
	}
}

/* Whether the cursor is in the first word of s (blanks before it aside). */
static bool
in_first_word(const char *s, size_t cur)
{
	size_t start = strspn(s, " \t");

	return cur >= start && memchr(s + start, ' ', cur - start) == NULL &&
	    memchr(s + start, '\t', cur - start) == NULL;
}

unsigned
ui_model_complete(struct ui_model *m)
{
	const struct ui_list *l = prompt_list(m);
	const char *verbs[32];
	char *list = NULL;
	size_t n, i;

	if (!ui_model_prompt_completes(m))
		return 0;
	if (l != NULL && l->words && in_first_word(ui_line_str(&m->line),
	    m->line.cur)) {
		/* The verbs of VERB TARGET: explain's own table. */
		for (i = 0; i + 1 < sizeof verbs / sizeof verbs[0] &&
		    (verbs[i] = explain_verb(i)) != NULL; i++)
			;
		verbs[i] = NULL;
		n = ui_line_complete_word(&m->line, verbs, &list);
	} else
		n = ui_line_complete(&m->line, m->dir, m->cwd, m->home,
		    m->prompt == UI_PROMPT_RUN || (l != NULL && l->words),
		    &list);
	if (n == 0)
		ui_model_status(m, true, "no match");
	else if (list != NULL)
		ui_model_status(m, false, "%s", list);
	else
		ui_model_status_clear(m);
	free(list);
	return UI_R_REDRAW;
}

/* --- accepting a prompt --------------------------------------------------- */

/* The status line "VERB ENTRY": "added port 8080", "removed '/tmp/x'". */
void
ui_prompt_say_entry(struct ui_model *m, const char *verb,
    const struct ui_list *l, size_t i)
{
	char *text = l->ops->text_new(ui_list_in(m, l), i);

	if (l->noun != NULL)
		ui_model_status(m, false, "%s %s %s", verb, l->noun, text);
	else
		ui_model_status_value(m, verb, text);
	free(text);
}

/* Applies the text of an add or edit prompt to list l of the params. */
static int
accept_entry(struct ui_model *m, const struct ui_list *l, bool replace,
    size_t index, const char *text, struct sb_error *err)
{
	char show[SB_SHOW_MAX];

	/* Completion can bring in a file name in another charset; JSON,
	 * and so the params file, holds only UTF-8. */
	if (!utf8_valid(text)) {
		sb_error_set(err, SB_EINVAL, "not UTF-8, which a params file "
		    "cannot hold: %s", sb_show(show, sizeof show, text));
		return -1;
	}
	/* Blanks alone are a slip, not a file named "   " in the cwd. */
	if (*text != '\0' && text[strspn(text, " \t")] == '\0') {
		sb_error_set(err, SB_EINVAL, "only blanks typed");
		return -1;
	}
	if (l == NULL || l->ops == NULL) {
		sb_error_set(err, SB_EINVAL, "nothing to edit here");
		return -1;
	}
	return l->ops->put(ui_list_in(m, l), l, text, m->cwd,
	    replace, index, err);
}

/*
 * A save name that names a directory ("DIR/", "DIR/.", "DIR/.."): the
 * file name to propose in it (the policy's, else policy.json), as a new
 * string; NULL for any other name. Never the directory's own name without
 * the slash, which path_clean would make of it.
 */
static char *
dir_proposal(const struct ui_model *m, const char *text)
{
	const char *slash = strrchr(text, '/'), *last, *base = "policy.json";
	const char *fb;
	char *s;
	size_t keep;

	last = slash != NULL ? slash + 1 : text;
	if (m->file != NULL && (fb = strrchr(m->file, '/')) != NULL &&
	    fb[1] != '\0')
		base = fb + 1;
	if (*last == '\0')
		keep = strlen(text);
	else if (strcmp(last, ".") == 0)
		keep = (size_t)(last - text);
	else if (strcmp(last, "..") == 0) {
		xasprintf(&s, "%s/%s", text, base);
		return s;
	} else
		return NULL;
	xasprintf(&s, "%.*s%s%s", (int)keep, text, keep == 0 ? "./" : "", base);
	return s;
}

/*
 * The open prompt starts in the profiles directory: a whole path typed
 * after it, "DIR//etc/x.json" or "DIR/~/x.json", means that path, as in
 * Emacs's minibuffer, so the start need not be erased first.
 */
static const char *
restart_at_root(const char *text)
{
	const char *p, *start = text;

	for (p = text; *p != '\0'; p++) {
		if (p[0] == '/' && p[1] == '/')
			start = p + 1;
		else if (p[0] == '/' && p[1] == '~' &&
		    (p[2] == '/' || p[2] == '\0'))
			start = p + 1;
	}
	return start;
}

/* --- the run prompt's history ----------------------------------------------
 * The last command comes back with the prompt; Up and Down go through the
 * ones before, each with its way of running (sh -c or not). */

static void
run_remember(struct ui_model *m, const char *text, bool shell)
{
	struct ui_run *last = m->nrun_hist > 0 ?
	    &m->run_hist[m->nrun_hist - 1] : NULL;

	if (last != NULL && last->shell == shell &&
	    strcmp(last->text, text) == 0)
		return;
	if (m->nrun_hist == UI_RUN_HISTORY) {
		free(m->run_hist[0].text);
		memmove(m->run_hist, m->run_hist + 1,
		    (m->nrun_hist - 1) * sizeof *m->run_hist);
		m->nrun_hist--;
	}
	if (m->run_hist == NULL)
		m->run_hist = xcalloc(UI_RUN_HISTORY, sizeof *m->run_hist);
	m->run_hist[m->nrun_hist].text = xstrdup(text);
	m->run_hist[m->nrun_hist].shell = shell;
	m->nrun_hist++;
}

void
ui_prompt_run(struct ui_model *m)
{
	const struct ui_run *last = m->nrun_hist > 0 ?
	    &m->run_hist[m->nrun_hist - 1] : NULL;

	ui_model_prompt(m, UI_PROMPT_RUN, last != NULL ? last->text : NULL);
	m->run_shell = last != NULL && last->shell;
	m->run_hist_at = last != NULL ? m->nrun_hist - 1 : 0;
	free(m->run_draft);
	m->run_draft = NULL;
	m->run_draft_shell = false;
}

/* Up (back) or Down: the entry before or after; past the newest, the
 * line as it was typed before Up. */
static void
run_history(struct ui_model *m, bool back)
{
	size_t at = m->run_hist_at;

	if (back ? at == 0 : at >= m->nrun_hist)
		return;
	if (at == m->nrun_hist) {
		free(m->run_draft);
		m->run_draft = xstrdup(ui_line_str(&m->line));
		m->run_draft_shell = m->run_shell;
	}
	at = back ? at - 1 : at + 1;
	m->run_hist_at = at;
	if (at == m->nrun_hist) {
		ui_line_set(&m->line, m->run_draft != NULL ? m->run_draft : "");
		m->run_shell = m->run_draft_shell;
	} else {
		ui_line_set(&m->line, m->run_hist[at].text);
		m->run_shell = m->run_hist[at].shell;
	}
}

static unsigned
accept_prompt(struct ui_model *m)
{
	struct sb_error err;
	const char *text = ui_line_str(&m->line);
	const struct ui_list *l;
	char **argv, *before, *after, *prop, *shown, *path, *why;
	bool replace;
	size_t index;

	sb_error_init(&err);
	switch (m->prompt) {
	case UI_PROMPT_SAVE:
	case UI_PROMPT_OPEN:
		if (*text == '\0') {
			ui_model_status(m, true, "file name is empty");
			return UI_R_REDRAW;
		}
		if (m->prompt == UI_PROMPT_SAVE &&
		    (prop = dir_proposal(m, text)) != NULL) {
			/* Said now, not after Enter again. */
			path = ui_model_typed_file(m, prop);
			why = ui_model_dir_problem(m, path);
			free(path);
			if (why != NULL) {
				ui_model_status(m, true, "not saved: %s", why);
				free(why);
				free(prop);
				return UI_R_REDRAW;
			}
			shown = ui_model_show_new(text);
			ui_line_set(&m->line, prop);
			ui_model_status(m, false, "%s names a directory: Enter "
			    "saves %s in it", shown, strrchr(prop, '/') + 1);
			free(shown);
			free(prop);
			return UI_R_REDRAW;
		}
		if (m->prompt == UI_PROMPT_SAVE) {
			/* A directory that is not there is a typo: the name
			 * stays to be fixed (the profiles directory is made
			 * as needed). */
			path = ui_model_typed_file(m, text);
			why = ui_model_dir_problem(m, path);
			free(path);
			if (why != NULL) {
				ui_model_status(m, true, "not saved: %s", why);
				free(why);
				return UI_R_REDRAW;
			}
		}
		free(m->pending_path);
		if (m->prompt == UI_PROMPT_OPEN) {
			/* For the prompt again if the open fails. */
			free(m->open_typed);
			m->open_typed = xstrdup(text);
			text = restart_at_root(text);
		}
		m->pending_path = ui_model_typed_file(m, text);
		if (m->prompt == UI_PROMPT_SAVE) {
			free(m->save_typed);
			m->save_typed = xstrdup(text);
			end_prompt(m);
			return UI_R_SAVE | UI_R_REDRAW;
		}
		end_prompt(m);
		return UI_R_OPEN | UI_R_REDRAW;
	case UI_PROMPT_RUN:
		if (!m->have_gen || m->preview_stale) {
			ui_model_status(m, true,
			    "cannot run: the policy does not generate");
			return UI_R_REDRAW;
		}
		if (m->run_shell && text[strspn(text, " \t")] == '\0') {
			ui_model_status(m, true, "no command typed");
			return UI_R_REDRAW;
		}
		if (m->run_shell) {
			/* Explicitly asked for: the line is sh's to read. */
			argv = xcalloc(4, sizeof *argv);
			argv[0] = xstrdup("/bin/sh");
			argv[1] = xstrdup("-c");
			argv[2] = xstrdup(text);
		} else if ((argv = shquote_split(text, &err)) == NULL) {
			ui_model_status(m, true, "%s", err.msg);
			return UI_R_REDRAW;
		}
		launch_argv_free(m->run_argv);
		m->run_argv = argv;
		free(m->last_command);
		m->last_command = xstrdup(text);
		run_remember(m, text, m->run_shell);
		end_prompt(m);
		return UI_R_LAUNCH | UI_R_REDRAW;
	case UI_PROMPT_EDIT:
		l = ui_list_by_row(m->edit_kind);
		replace = true;
		index = m->edit_index;
		if (l == NULL || index >= ui_list_len(m, l)) {
			end_prompt(m);
			return UI_R_REDRAW;
		}
		break;
	case UI_PROMPT_SEARCH:
		return ui_search_accept(m);
	case UI_PROMPT_NONE:
		return 0;
	default:
		l = ui_list_by_prompt(m->prompt);
		replace = false;
		index = l != NULL ? ui_list_len(m, l) : 0;
		break;
	}
	/* A check is asked of the profile, which is I/O (paths are
	 * resolved): the loop runs ui_model_check. */
	if (l != NULL && l->in_model)
		return UI_R_CHECK | UI_R_REDRAW;
	/* A refused value stays in the prompt, so nothing typed is lost
	 * (and the mark goes: nothing changed). */
	ui_undo_mark(m);
	before = replace && l != NULL && l->ops != NULL ?
	    l->ops->text_new(ui_list_in(m, l), index) : NULL;
	if (accept_entry(m, l, replace, index, text, &err) == -1) {
		free(before);
		ui_model_status(m, true, "%s", err.msg);
		return UI_R_REDRAW;
	}
	m->sel_kind = l->entry;
	m->sel_index = index;
	end_prompt(m);
	/* The stored value: text went with the prompt. The same value
	 * again (its stored form: "~/x" for "$HOME/x") is no change. */
	after = replace ? l->ops->text_new(ui_list_in(m, l), index) : NULL;
	ui_prompt_say_entry(m, !replace ? "added" : strcmp(before, after) == 0 ?
	    "unchanged:" : "changed", l, index);
	free(before);
	free(after);
	return UI_R_REGEN;
}

unsigned
ui_model_check(struct ui_model *m)
{
	const struct ui_list *l = prompt_list(m);
	const struct ui_check *c;
	struct sb_error err;
	bool replace = m->prompt == UI_PROMPT_EDIT;
	size_t index, depth = m->undo.n;
	char *what;

	if (l == NULL || !l->in_model)
		return 0;
	index = replace ? m->edit_index : ui_list_len(m, l);
	if (replace && index >= ui_list_len(m, l)) {
		end_prompt(m);
		return UI_R_REDRAW;
	}
	sb_error_init(&err);
	xasprintf(&what, "%s check %s", replace ? "changed" : "added",
	    ui_line_str(&m->line));
	ui_undo_mark(m);
	if (accept_entry(m, l, replace, index, ui_line_str(&m->line),
	    &err) == -1) {
		ui_undo_settle(m, depth, NULL);
		free(what);
		ui_model_status(m, true, "%s", err.msg);
		return UI_R_REDRAW;
	}
	ui_undo_settle(m, depth, what);
	free(what);
	end_prompt(m);
	m->sel_kind = l->entry;
	m->sel_index = index;
	ui_rows_build(m);
	ui_rows_scroll(m);
	/* The rule that decided, in sight. */
	ui_preview_mark(m, true);
	c = &m->checks.v[index];
	ui_model_status(m, !c->asked, "%s", c->why);
	return UI_R_REDRAW;
}

unsigned
ui_prompt_check(struct ui_model *m)
{
	if (m->checks.n >= UI_CHECKS_MAX) {
		ui_model_status(m, true, "at most %d checks: d removes one",
		    UI_CHECKS_MAX);
		return UI_R_REDRAW;
	}
	ui_model_prompt(m, UI_PROMPT_CHECK, NULL);
	return UI_R_REDRAW;
}

/* --- a paste -------------------------------------------------------------- */

/* Why a paste (a newline at its end aside) cannot go into the prompt as
 * text, or NULL. */
static const char *
paste_problem(const char *s, size_t len, enum ui_paste kind)
{
	size_t i, n;
	long cp;

	switch (kind) {
	case UI_PASTE_LONG:
		return "it is longer than 4096 bytes";
	case UI_PASTE_UNENDED:
		return "its end did not come";
	case UI_PASTE_KEYS:
		return "it holds a function key's sequence";
	case UI_PASTE_NOT_UTF8:
		return "it is not UTF-8";
	case UI_PASTE_NON_ASCII:
		return "it is not ASCII, and the locale is not UTF-8 (see "
		    "LANG, LC_ALL)";
	case UI_PASTE_TEXT:
		break;
	}
	for (i = 0; i < len; i += n) {
		cp = ui_utf8_decode(s + i, len - i, &n);
		if (cp == '\n' || cp == '\r')
			return "it has more than one line, and a prompt takes "
			    "one";
		if (!ui_key_is_text((int)cp))
			return "it holds a control character";
	}
	return NULL;
}

unsigned
ui_model_paste(struct ui_model *m, const char *s, size_t len,
    enum ui_paste kind)
{
	const char *why;
	size_t i, n;

	m->status_new = false;
	if (m->mode != UI_MODE_EDIT_PATH) {
		ui_model_status(m, true, "ignored a paste: only a prompt takes "
		    "pasted text (u, w, o, r and the like open one)");
		return UI_R_REDRAW;
	}
	/* A line copied whole ends with its newline, which is no Enter. */
	while (len > 0 && (s[len - 1] == '\n' || s[len - 1] == '\r'))
		len--;
	if ((why = paste_problem(s, len, kind)) != NULL) {
		ui_model_status(m, true, "refused the paste: %s; nothing of it "
		    "was typed", why);
		return UI_R_REDRAW;
	}
	for (i = 0; i < len; i += n)
		ui_line_insert(&m->line, (int)ui_utf8_decode(s + i, len - i,
		    &n));
	return UI_R_REDRAW;
}

/* --- the prompt's keys ---------------------------------------------------- */

unsigned
ui_prompt_apply(struct ui_model *m, enum ui_action a, int key)
{
	bool help;

	switch (a) {
	case ACT_ACCEPT:
		return accept_prompt(m);
	case ACT_CANCEL:
		if (m->prompt == UI_PROMPT_SAVE)
			m->after_save = UI_AFTER_NOTHING;
		help = m->prompt == UI_PROMPT_SEARCH && m->search_help;
		end_prompt(m);
		/* A search of the help goes back to the help. */
		if (help)
			m->mode = UI_MODE_HELP;
		ui_model_status_clear(m);
		return UI_R_REDRAW;
	case ACT_LEFT:		ui_line_left(&m->line); break;
	case ACT_RIGHT:		ui_line_right(&m->line); break;
	case ACT_BOL:		ui_line_home(&m->line); break;
	case ACT_EOL:		ui_line_end(&m->line); break;
	case ACT_BACKSPACE:	ui_line_backspace(&m->line); break;
	case ACT_DELETE_CHAR:	ui_line_delete(&m->line); break;
	case ACT_KILL_LINE:	ui_line_kill(&m->line); break;
	case ACT_KILL_WORD:	ui_line_kill_word(&m->line); break;
	case ACT_INSERT_CHAR:	ui_line_insert(&m->line, key); break;
	case ACT_HISTORY_PREV:
	case ACT_HISTORY_NEXT:
		if (m->prompt != UI_PROMPT_RUN)
			return 0;
		run_history(m, a == ACT_HISTORY_PREV);
		break;
	case ACT_SHELL_TOGGLE:
		if (m->prompt != UI_PROMPT_RUN)
			return 0;
		m->run_shell = !m->run_shell;
		break;
	case ACT_COMPLETE:	return UI_R_COMPLETE | UI_R_REDRAW;
	default:		return 0;
	}
	return UI_R_REDRAW;
}
