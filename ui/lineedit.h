/* SPDX-License-Identifier: ISC */
/* lineedit.h: the one-line text editor of the prompts, with file name completion. */
#ifndef SBPOLICY_LINEEDIT_H
#define SBPOLICY_LINEEDIT_H

#include <stdbool.h>
#include <stddef.h>

/* UTF-8 text and a cursor (a byte offset, always on a character boundary). */
struct ui_line {
	char	*buf;	/* NUL-terminated; NULL until the first change */
	size_t	 len;
	size_t	 cap;
	size_t	 cur;
};

/* What is at a path, symlinks followed. */
enum ui_file_kind {
	UI_FILE_NONE,		/* nothing, or it cannot be looked at */
	UI_FILE_REGULAR,
	UI_FILE_DIR,
	UI_FILE_OTHER,		/* a FIFO, a device, a socket */
};

/*
 * The file system as the TUI model sees it, injected so completion and the
 * checks of a save can be tested without a disk (the reading and writing
 * of params files goes through the core's params-json instead).
 */
struct ui_dir_ops {
	/* The names in dir (no "." or ".."), directories with a trailing
	 * "/", as a new NULL-terminated array of new strings (free each and
	 * the array), or NULL when dir cannot be read. */
	char	**(*list)(const char *dir, void *arg);
	/* What is at path, as stat(2) says: UI_FILE_NONE when it fails. */
	enum ui_file_kind (*kind)(const char *path, void *arg);
	/* Makes the directory path, mode 0700 (the XDG base directory
	 * spec's); 0, or -1 with errno set, as mkdir(2). */
	int	 (*mkdir)(const char *path, void *arg);
	void	 *arg;
};

/* opendir(3)/readdir(3) (at most UI_DIR_MAX names), stat(2), mkdir(2). */
extern const struct ui_dir_ops ui_dir_posix;
#define UI_DIR_MAX	10000

void	 ui_line_init(struct ui_line *);
void	 ui_line_clear(struct ui_line *);		/* frees */
void	 ui_line_set(struct ui_line *, const char *);	/* cursor at the end */
const char *ui_line_str(const struct ui_line *);	/* borrowed; "" when empty */

/* Editing; each is a no-op where it cannot apply (Backspace at 0). */
void	 ui_line_insert(struct ui_line *, int codepoint);	/* encodes UTF-8 */
void	 ui_line_left(struct ui_line *);
void	 ui_line_right(struct ui_line *);
void	 ui_line_home(struct ui_line *);
void	 ui_line_end(struct ui_line *);
void	 ui_line_backspace(struct ui_line *);
void	 ui_line_delete(struct ui_line *);
void	 ui_line_kill(struct ui_line *);	/* Ctrl-U: delete before the cursor */
void	 ui_line_kill_word(struct ui_line *);	/* Ctrl-W: the word before it */

/* The screen columns of the text before the cursor (a CJK character takes
 * two, a combining mark none), for the view. */
size_t	 ui_line_cursor_col(const struct ui_line *);

/*
 * Tab completion of the file name before the cursor: the whole text, or
 * with last_word the last word of a command line, read as
 * shquote_split reads it (quotes and backslashes), the completion
 * written so that it reads back the same (a blank as "\ " outside quotes).
 * "~/" expands against home, a relative name against cwd; the text keeps
 * the form the user typed. Inserts the longest common continuation (and "/"
 * after a unique directory). Returns the number of matches; when there is
 * more than one, *list (if not NULL) gets a new string naming them for the
 * status line, else NULL.
 */
size_t	 ui_line_complete(struct ui_line *, const struct ui_dir_ops *,
	    const char *cwd, const char *home, bool last_word, char **list);

/*
 * The same for the first word of the line, from words (NULL-terminated),
 * the cursor in that word: the longest common continuation, and a blank
 * after a unique match. Returns the number of matches, *list as above.
 */
size_t	 ui_line_complete_word(struct ui_line *, const char *const *words,
	    char **list);

#endif
