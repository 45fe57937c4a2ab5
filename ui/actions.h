/* SPDX-License-Identifier: ISC */
/* actions.h: every action of the TUI, as one X-macro list (id, name, help). */
#ifndef SBPOLICY_ACTIONS_H
#define SBPOLICY_ACTIONS_H

/*
 * One list produces the enum, the names and the help texts, so a new action
 * cannot lack help (tig REQ_INFO). The help text is what `?` shows and what
 * the man page's key list repeats.
 */
#define UI_ACTIONS(_) \
	_(NONE,			"none",			"do nothing") \
	_(UP,			"up",			"move the selection up (scroll the preview when it has the focus)") \
	_(DOWN,			"down",			"move the selection down (scroll the preview when it has the focus)") \
	_(PAGE_UP,		"page-up",		"scroll a page up") \
	_(PAGE_DOWN,		"page-down",		"scroll a page down") \
	_(HOME,			"home",			"go to the first line") \
	_(END,			"end",			"go to the last line") \
	_(SCROLL_LEFT,		"scroll-left",		"scroll the preview left") \
	_(SCROLL_RIGHT,		"scroll-right",		"scroll the preview right, to read the rest of long lines") \
	_(FOCUS,		"focus",		"switch the focus between the settings and the preview") \
	_(ZOOM,			"zoom",			"show the preview alone on the whole screen, or both panes") \
	_(NET_CYCLE,		"network-mode",		"cycle the network mode: off, restricted, full") \
	_(ADD_ALLOW,		"add-allow-socket",	"add a Unix socket to the allow list") \
	_(ADD_DENY,		"add-deny-socket",	"add a Unix socket to the deny list") \
	_(ADD_ROOT,		"add-writable-root",	"add a writable root") \
	_(FS_CYCLE,		"fs-mode",		"cycle the filesystem mode: read-only, workspace-write, full-access") \
	_(ADD_PORT,		"add-proxy-port",	"add a proxy port") \
	_(TOGGLE_LOCAL,		"local-binding",	"toggle local binding") \
	_(TOGGLE_ALLOW_ALL,	"allow-all-sockets",	"toggle allow-all Unix sockets") \
	_(TOGGLE_BUILTIN,	"builtin-denies",	"toggle the built-in denies of the container engines' sockets") \
	_(ADD_HERE,		"add",			"add an entry to the list the selection is in (also protected names, deny-read)") \
	_(EDIT,			"edit",			"edit the selected entry; toggle or cycle a setting") \
	_(CYCLE_MATCH,		"cycle-match",		"on a socket entry: cycle the match (subpath, literal, glob)") \
	_(CYCLE_ACCESS,		"cycle-access",		"on a socket entry: cycle the access (connect-bind, connect)") \
	_(DELETE,		"delete",		"remove the selected entry") \
	_(SAVE,			"save",			"save the params file") \
	_(OPEN,			"open",			"open a params file") \
	_(RUN,			"run",			"run a command under the current policy") \
	_(CHECK,		"check",		"check an access, VERB TARGET as sbpolicy explain takes them (read ~/.ssh/id_ed25519): its verdict, and its deciding rule marked in the preview; kept under Checks and asked again at every change") \
	_(PRESETS,		"presets",		"start from a preset: the built-in example policies, one opened as a new policy, not saved yet") \
	_(SEARCH,		"search",		"search the preview (or the help) for text, in any case unless it has capitals") \
	_(SEARCH_NEXT,		"search-next",		"go to the next match") \
	_(SEARCH_PREV,		"search-previous",	"go to the previous match") \
	_(UNDO,			"undo",			"undo the last change to the policy or the checks; again, the one before") \
	_(REDO,			"redo",			"redo what undo undid") \
	_(HELP,			"help",			"show every key binding") \
	_(MESSAGE,		"message",		"show the last message in full (one too long for the status line shows so until the next key)") \
	_(QUIT,			"quit",			"quit (asks first when there are unsaved changes)") \
	_(REDRAW,		"redraw",		"redraw the whole screen") \
	_(ACCEPT,		"accept",		"accept the input") \
	_(CANCEL,		"cancel",		"cancel, close") \
	_(LEFT,			"left",			"move the cursor left") \
	_(RIGHT,		"right",		"move the cursor right") \
	_(BOL,			"line-start",		"move the cursor to the start") \
	_(EOL,			"line-end",		"move the cursor to the end") \
	_(BACKSPACE,		"backspace",		"delete the character before the cursor") \
	_(DELETE_CHAR,		"delete-char",		"delete the character under the cursor") \
	_(KILL_LINE,		"kill-line",		"delete everything before the cursor") \
	_(KILL_WORD,		"kill-word",		"delete the word before the cursor") \
	_(HISTORY_PREV,		"history-previous",	"in the run prompt: the command run before (history)") \
	_(HISTORY_NEXT,		"history-next",		"in the run prompt: the command run after (history)") \
	_(SHELL_TOGGLE,		"shell",		"in the run prompt: run the line through sh -c, or as words (the prompt says which)") \
	_(COMPLETE,		"complete",		"complete a file name") \
	_(INSERT_CHAR,		"insert",		"insert the character typed") \
	_(CONFIRM_SAVE,		"confirm-save",		"save, then go on") \
	_(CONFIRM_DISCARD,	"confirm-discard",	"discard the changes and go on") \
	_(CONFIRM_YES,		"confirm-yes",		"yes: save first (unsaved changes); overwrite the file (it exists); convert it (an srt settings file)") \
	_(CONFIRM_NO,		"confirm-no",		"no: discard the changes (unsaved changes); keep the file as it is (it exists); back to the open prompt (an srt settings file)") \
	_(CONFIRM_OVERWRITE,	"confirm-overwrite",	"write over the file that changed on disk") \
	_(CONFIRM_RELOAD,	"confirm-reload",	"open the file as it is on disk now, dropping the changes made here")

#define UI_ACTION_ENUM(id, name, help) ACT_##id,
enum ui_action {
	UI_ACTIONS(UI_ACTION_ENUM)
	ACT__COUNT
};
#undef UI_ACTION_ENUM

/* Borrowed, static strings; "?" for a value out of range. */
const char	*ui_action_name(enum ui_action);
const char	*ui_action_help(enum ui_action);

#endif
