/* SPDX-License-Identifier: ISC */
/* model.h: the TUI's state and its transitions; no curses, no drawing. */
#ifndef SBPOLICY_MODEL_H
#define SBPOLICY_MODEL_H

#include <stdbool.h>
#include <stddef.h>

#include "actions.h"
#include "checks.h"
#include "decode.h"
#include "err.h"
#include "gen.h"
#include "import-srt.h"
#include "keymap.h"
#include "layout.h"
#include "lineedit.h"
#include "params.h"
#include "preview.h"
#include "rows.h"
#include "undo.h"

/*
 * The model is this header's state and its parts: model.c (set-up, the
 * actions), prompt.c (the prompts: Tab, accepting them, their keys),
 * confirm.c (the questions and their answers; model-int.h is what these
 * three share), rows.c (the settings pane's rows), preview.c (the preview's
 * lines and their marks), files.c (loading, saving, where files go),
 * lists.c (the table of the lists and switches the actions and rows work
 * from), checks.c (the access checks) and help.c (the help screen's text).
 */

/*
 * Reactions: what the loop must do after an action (htop's Htop_Reaction).
 * UI_R_REGEN, UI_R_RELAYOUT and UI_R_CLEAR each imply UI_R_REDRAW: the
 * loop draws after any of the four (UI_R_DRAW), so no action adds it.
 */
#define UI_R_REDRAW	0x001u	/* draw the screen again */
#define UI_R_REGEN	0x002u	/* params changed: run ui_model_regen */
#define UI_R_RELAYOUT	0x004u	/* the layout changed (zoom) */
#define UI_R_SAVE	0x008u	/* run ui_model_save */
#define UI_R_OPEN	0x010u	/* run ui_model_open */
#define UI_R_LAUNCH	0x020u	/* run m->run_argv under the policy */
#define UI_R_QUIT	0x040u
#define UI_R_COMPLETE	0x080u	/* run ui_model_complete (it lists a directory) */
#define UI_R_CLEAR	0x100u	/* repaint the terminal from scratch (Ctrl-L) */
#define UI_R_CHECK	0x200u	/* run ui_model_check (it asks the profile) */
#define UI_R_PRESETS	0x400u	/* run ui_model_presets (lists a directory) */
#define UI_R_DRAW	(UI_R_REDRAW | UI_R_REGEN | UI_R_RELAYOUT | UI_R_CLEAR)

enum ui_focus {
	UI_FOCUS_SETTINGS,
	UI_FOCUS_PREVIEW,
};

/* What the status-line prompt is for. */
enum ui_prompt {
	UI_PROMPT_NONE,
	UI_PROMPT_ADD_ALLOW,
	UI_PROMPT_ADD_DENY,
	UI_PROMPT_ADD_ROOT,
	UI_PROMPT_ADD_PORT,
	UI_PROMPT_ADD_PROTECT,
	UI_PROMPT_ADD_DENY_READ,
	UI_PROMPT_CHECK,	/* an access check: VERB TARGET */
	UI_PROMPT_EDIT,		/* the selected entry */
	UI_PROMPT_SAVE,
	UI_PROMPT_OPEN,
	UI_PROMPT_RUN,
	UI_PROMPT_SEARCH,	/* text to find in the preview or the help */
};

enum ui_confirm {
	UI_CONFIRM_NONE,
	UI_CONFIRM_QUIT,	/* unsaved changes: save, discard, cancel */
	UI_CONFIRM_OPEN,	/* the same, before opening another file */
	UI_CONFIRM_OVERWRITE,	/* the file to save to exists: yes, no */
	UI_CONFIRM_PRESETS,	/* unsaved changes, before the presets */
	UI_CONFIRM_CHANGED,	/* the file changed on disk since it was read
				 * (or came, or went: disk_change says):
				 * overwrite, reload, cancel */
	UI_CONFIRM_SRT,		/* the file to open is an srt settings file:
				 * convert it to a new policy? yes, no */
};

/* How the file to save to differs from what this program last read or
 * wrote, for the question UI_CONFIRM_CHANGED asks. */
enum ui_disk_change {
	UI_DISK_CHANGED,	/* its bytes, size or time */
	UI_DISK_CREATED,	/* it did not exist, and does now */
	UI_DISK_REMOVED,	/* it existed, and does not now */
};

/* What to do once a save has succeeded. */
enum ui_after_save {
	UI_AFTER_NOTHING,
	UI_AFTER_QUIT,
	UI_AFTER_OPEN_PROMPT,
	UI_AFTER_PRESETS,
};

/* What the model needs from outside; the strings are copied. */
struct ui_env {
	const char		*cwd;		/* absolute: relative paths resolve here */
	const char		*home;		/* or NULL */
	const char		*tmpdir;	/* or NULL */
	const char		*config_home;	/* $XDG_CONFIG_HOME, or NULL */
	const struct path_fs	*fs;
	const struct ui_dir_ops	*dir;
	/* Where the presets are (the installed examples, then the source
	 * tree's for a build directory): NULL-terminated, the first that
	 * holds any wins; or NULL. */
	const char *const	*preset_dirs;
};

struct ui_cache;

/* A command of the run prompt's history. */
struct ui_run {
	char			*text;		/* as typed */
	bool			 shell;		/* run through sh -c */
};
#define UI_RUN_HISTORY	50

/*
 * The params file as last read or written here: a save asks first when
 * another program changed it since (its size, time or bytes differ, or it
 * came or went).
 */
struct ui_snapshot {
	bool			 taken;
	bool			 exists;
	long long		 size;
	long long		 mtime;		/* seconds: bytes tell more */
	char			*data;		/* its bytes, when it exists */
	size_t			 len;
};

/*
 * An srt settings file that `o` was given: not a params file, but one that
 * import_srt_detect tells apart, converted already (ui_model_open reads
 * it), while UI_CONFIRM_SRT asks whether to take the result.
 */
struct ui_srt {
	char			*file;		/* the settings file */
	struct params		 params;	/* what it converts to */
	struct import_warnings	 warnings;	/* what has no equivalent */
};

/* A preset: a params file of the built-in examples. */
struct ui_preset {
	char			*name;		/* the file's name, no ".json" */
	char			*path;
	char			*about;		/* one line on what it allows */
};

/* A mouse event, as ui/input.c reads it (UI_KEY_MOUSE). */
enum ui_mouse_what {
	UI_MOUSE_CLICK,		/* button 1 pressed */
	UI_MOUSE_WHEEL_UP,
	UI_MOUSE_WHEEL_DOWN,
	UI_MOUSE_OTHER,		/* a release, a drag: nothing to do */
};

struct ui_mouse {
	int			 y, x;		/* the screen cell */
	enum ui_mouse_what	 what;
};

struct ui_model {
	struct params		 params;
	struct params		 saved;		/* as last loaded or saved */
	char			*file;		/* the params file, or NULL */
	bool			 modified;	/* params differ from saved */

	char			*cwd, *home, *tmpdir, *config_home;
	struct gen_ctx		 ctx;
	const struct ui_dir_ops	*dir;

	enum ui_mode		 mode;
	enum ui_focus		 focus;
	bool			 zoom;

	/* The settings pane. The selection is kept as (kind, index) so it
	 * survives a rebuild of the rows. */
	struct ui_row		*rows;
	size_t			 nrows;
	size_t			 warnings_shown;	/* as ROW_WARNING rows */
	size_t			 sel;		/* a row position */
	enum ui_row_kind	 sel_kind;
	size_t			 sel_index;
	size_t			 rows_top;
	int			 settings_lines;	/* viewport heights, from the layout */
	int			 settings_cols;	/* its width: long entries wrap their flags */
	int			 preview_lines;
	int			 body_lines;

	/* The preview: the `sbpl` format of the generator's output. */
	char			*preview;
	struct ui_pline		*lines;
	size_t			 nlines;
	size_t			 preview_top;
	size_t			 first_changed;	/* SIZE_MAX: nothing changed */
	size_t			 first_changed_rule;	/* the same, -D lines
						 * aside: what the preview
						 * scrolls to */
	bool			 preview_stale;	/* the last regen failed */
	char			*gen_error;	/* why, while stale */
	bool			 have_gen;
	struct gen_result	 gen;
	size_t			 profile_skip;	/* bytes of the preview before
						 * gen.profile: the -D lines */

	/* The access checks (`C`): the model's, not the policy's. */
	struct ui_checks	 checks;

	/* The prompt on the status line. */
	enum ui_prompt		 prompt;
	struct ui_line		 line;
	enum ui_row_kind	 edit_kind;
	size_t			 edit_index;
	char			*last_command;

	/* Questions, and what they lead to. */
	enum ui_confirm		 confirm;
	enum ui_after_save	 after_save;
	char			*pending_path;	/* for UI_R_SAVE, UI_R_OPEN */
	char			*save_typed;	/* the save prompt's text, for a retry */
	char			*open_typed;	/* the open prompt's, as well */
	bool			 overwrite_ok;
	struct ui_srt		*srt;		/* UI_CONFIRM_SRT's, or NULL */
	char			**run_argv;	/* for UI_R_LAUNCH */
	struct ui_snapshot	 snap;		/* m->file as read, written */
	/* How it differs, for UI_CONFIRM_CHANGED. */
	enum ui_disk_change	 disk_change;

	/* The run prompt: no shell unless asked (Ctrl-T), and the commands
	 * run before (Up, Down), the line typed kept while they show. */
	bool			 run_shell;
	struct ui_run		*run_hist;	/* oldest first */
	size_t			 nrun_hist;
	size_t			 run_hist_at;	/* nrun_hist: the line typed */
	char			*run_draft;
	bool			 run_draft_shell;

	/* The help screen: the keymap's rows, and the lines they make
	 * wrapped to the screen's width (what the view draws). */
	char			**help_rows;
	size_t			 nhelp_rows;
	char			**help;
	size_t			 nhelp;
	size_t			 help_top;
	int			 help_cols;
	enum ui_mode		 help_from;	/* where closing it goes:
						 * the presets, or
						 * browsing */

	char			*status;
	bool			 status_err;
	/* Set since the last key: a status too long for its row shows
	 * whole (wrapped) until the next key, then cut, M showing it
	 * whole again. */
	bool			 status_new;
	/* The status is a search's ("n next"): it goes when the search
	 * ends. */
	bool			 status_search;

	struct ui_cache		*cache;		/* resolved paths (rows.c) */

	/* The preview's first column shown (Left, Right), and its width. */
	size_t			 preview_left;
	int			 preview_cols;

	/* The search (/): the text last searched for, whether it is in the
	 * help, and the line of the match last gone to. It is on while the
	 * mode is UI_MODE_SEARCH, or on the help screen while search_on. */
	char			*search;
	bool			 search_help;
	bool			 search_on;
	size_t			 search_line;

	/* The presets (P), read when their list opens (presets.c). */
	char			**preset_dirs;
	struct ui_preset	*presets;
	size_t			 npresets;
	size_t			 preset_sel;
	size_t			 preset_top;
	bool			 pending_preset;	/* UI_R_OPEN: pending_path
							 * is a preset */
	char			*preset_name;	/* what the unsaved policy
						 * came from, for the
						 * title: a preset, or
						 * "NAME (srt)" */

	/* Undo (U) and redo (R) of the changes to the policy and the
	 * checks (undo.c). */
	struct ui_history	 undo;
	struct ui_history	 redo;
};

/*
 * Sets up m from a copy of start, to be saved to file (may be NULL). The
 * preview is empty until the first ui_model_regen. Release with
 * ui_model_clear.
 */
void	ui_model_init(struct ui_model *, const struct params *start,
	    const char *file, const struct ui_env *);
void	ui_model_clear(struct ui_model *);

/*
 * Replaces the policy with the params file at path (which becomes m->file).
 * Returns 0, or -1 with err set ("FILE:LINE:COL: ...") and m unchanged.
 */
int	ui_model_load(struct ui_model *, const char *path, struct sb_error *);

/*
 * The state transition for one action; key is the key pressed (the
 * character for ACT_INSERT_CHAR). No I/O and no generator call: the
 * reaction bits say what the loop must run next.
 */
unsigned ui_model_apply(struct ui_model *, enum ui_action, int key);

/* The same for a key, through the keymap of the current mode. */
unsigned ui_model_key(struct ui_model *, int key);

/*
 * Runs the generator on the params and refreshes the preview, the rows,
 * their warnings and the lines the change touched. A generator error goes to
 * the status line and the old preview stays (marked stale).
 */
void	ui_model_regen(struct ui_model *);

/* The side effects, each run by the loop when apply asked for it. They set
 * the status line and return further reaction bits. */
unsigned ui_model_save(struct ui_model *);	/* m->pending_path */
unsigned ui_model_open(struct ui_model *);	/* m->pending_path */
unsigned ui_model_complete(struct ui_model *);	/* Tab in a prompt */
/* Enter in the check prompt: asks the check typed and adds it (or puts it
 * in place of the one edited), shows its verdict on the status line and
 * its deciding rule in the preview; a check that cannot be asked is an
 * error and the prompt stays open. */
unsigned ui_model_check(struct ui_model *);

/*
 * Lists the presets (presets.c) and shows their list in the settings pane
 * (UI_MODE_PICK), the first selected; a status error when there are none.
 * Enter opens the one selected as a new policy with no file, so that a
 * save never writes over the shipped example; any key the list does not
 * take closes it and does what it does.
 */
unsigned ui_model_presets(struct ui_model *);
void	ui_presets_free(struct ui_model *);
/* Selects preset i of the list (kept in sight), saying what it is; or
 * keeps the selected one in sight (a new size of the pane). */
void	ui_presets_select(struct ui_model *, size_t i);
void	ui_presets_scroll(struct ui_model *);
/* The rows a preset takes in the settings pane: 1 when its name and what
 * it allows fit side by side, else 3 (the name, then that in two rows);
 * and the columns of the longest name. */
int	ui_presets_rows(const struct ui_model *);
size_t	ui_presets_name_cols(const struct ui_model *);

/*
 * Replaces the policy with the preset at path: a new policy, not saved
 * (m->file NULL, the title names the preset). Returns 0, or -1 with err
 * set and m unchanged.
 */
int	ui_model_load_preset(struct ui_model *, const char *path, const char *name,
	    struct sb_error *);

/*
 * Asks UI_CONFIRM_SRT about path when it is an srt settings file rather
 * than a params file (import_srt_detect), converted already: returns 1,
 * the question asked; 0 when it is no srt file (err untouched), so the
 * caller reports the params file's error; -1 with err set ("FILE:LINE:COL:
 * PATH: ...") for one that the import refuses. ui_model_open calls it for
 * a file that does not load; the TUI's start, for the file given.
 */
int	ui_model_offer_srt(struct ui_model *, const char *path,
	    struct sb_error *);
/*
 * The answer: yes takes the converted policy as a new one, not saved and
 * with no file (a save asks for a name, never the srt file), its warnings
 * counted on the status line with the first; no keeps the policy and
 * brings the open prompt back with the name as typed.
 */
unsigned ui_model_convert_srt(struct ui_model *);
unsigned ui_model_decline_srt(struct ui_model *);
/* Drops the converted file (safe without one). */
void	ui_model_srt_free(struct ui_model *);

/* The open prompt, in the profiles directory ("~/" for $HOME). */
void	ui_model_open_prompt(struct ui_model *);

/* Notes m->file as it is on disk now (or that it is not there), for the
 * question a save asks when another program changed it meanwhile. */
void	ui_model_snapshot(struct ui_model *);

/* Why a save cannot create path (its directory does not exist or is not
 * one; the profiles directory is made as needed), or NULL. New string. */
char	*ui_model_dir_problem(const struct ui_model *, const char *path);

/*
 * A mouse event on the screen laid out as l: a click selects a settings
 * row or a preset, or gives a pane the focus; the wheel scrolls what is
 * under the pointer. Ignored in a prompt or a question.
 */
unsigned ui_model_mouse(struct ui_model *, const struct ui_layout *,
	    const struct ui_mouse *);

/* The preview pane's width in columns (Left and Right scroll by half). */
void	ui_model_set_preview_width(struct ui_model *, int cols);

/* True while the help screen is shown: its own mode, or a search of it
 * being typed. */
bool	ui_model_in_help(const struct ui_model *);

/* True while the preview's (or with help, the help's) matches show: the
 * search on, or being typed. *pat gets the text. */
bool	ui_model_search_shown(const struct ui_model *, bool help,
	    const char **pat);

/* The width of the help screen's text: its rows wrap to it. */
void	ui_model_set_help_width(struct ui_model *, int cols);

/* The pane heights from the layout (lines of text, headings excluded). */
void	ui_model_set_viewport(struct ui_model *, int settings, int settings_cols,
	    int preview, int body);

/* The status line. */
void	ui_model_status(struct ui_model *, bool error, const char *, ...)
	    __attribute__((format(printf, 3, 4)));

/*
 * A value (a path, a command line) for a message, as sb_show (err.h)
 * writes it but whole, however long: quoted, control bytes and bytes that
 * are not UTF-8 escaped, so no status line carries them to the terminal.
 * New string.
 */
char	*ui_model_show_new(const char *);

/* The default file to save to: CONFIG/sbpolicy/profiles/policy.json, where
 * CONFIG is $XDG_CONFIG_HOME or ~/.config. New string, or NULL without home. */
char	*ui_model_default_file(const struct ui_model *);
/* The profiles directory. New string, or NULL without home. */
char	*ui_model_profiles_dir(const struct ui_model *);

/* A file name typed in a prompt: "~/" against home, relative against
 * cwd. New string. */
char	*ui_model_typed_file(const struct ui_model *, const char *);

/* Opens prompt p on the status line with text (NULL: empty), clearing the
 * status. */
void	ui_model_prompt(struct ui_model *, enum ui_prompt, const char *text);

/* The status line "WHAT VALUE", VALUE as ui_model_show_new writes it. */
void	ui_model_status_value(struct ui_model *, const char *what,
	    const char *value);

/* Whether Tab completes anything in the prompt open: file names, or a
 * check's verb; not a search's text, a port or a name. */
bool	ui_model_prompt_completes(const struct ui_model *);

/*
 * Whether Left (or with right, Right) would scroll the preview now: it is
 * scrolled, or a line in sight goes past the pane's edge and the pane is
 * not at the end of it.
 */
bool	ui_model_can_scroll(const struct ui_model *, bool right);

/*
 * True, having said why on the status line, when the policy cannot be
 * saved: its preview does not generate (a params file read with a bad
 * pattern), so no command could load the file written.
 */
bool	ui_model_refuse_stale(struct ui_model *);

/* The prompt's label ("allow socket: "), and a shorter one that says
 * the same for a narrow screen ("run (no shell): "). Static strings. */
const char *ui_model_prompt_label(const struct ui_model *);
const char *ui_model_prompt_label_short(const struct ui_model *);

/*
 * A paste (UI_KEY_PASTE, len bytes of text, kind as the decoder read it):
 * typed into the prompt open when it is one line of text (a newline at
 * its end aside); refused whole with the reason otherwise, and outside a
 * prompt ignored with a message: a paste is never keys.
 */
unsigned ui_model_paste(struct ui_model *, const char *text, size_t len,
	    enum ui_paste kind);

/* The question's text ("unsaved changes: s save, d discard, c cancel"). New string. */
char	*ui_model_confirm_text(const struct ui_model *);

#endif
