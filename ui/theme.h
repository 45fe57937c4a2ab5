/* SPDX-License-Identifier: ISC */
/* theme.h: colours and attributes by role, with a monochrome scheme. */
#ifndef SBPOLICY_THEME_H
#define SBPOLICY_THEME_H

#include <stdbool.h>

#include "ui-curses.h"

/*
 * (role, mono attributes, colour fg, colour bg, colour attributes). Every
 * role must stay readable and distinct in mono, which is what NO_COLOR and
 * terminals without colour get (ncdu's default theme, htop's MONOCHROME):
 * the title is plain reverse, so the focused pane's heading (reverse, bold)
 * stands apart from it.
 */
#define UI_ROLES(_) \
	_(NORMAL,		A_NORMAL,		-1,		-1,		A_NORMAL) \
	_(TITLE,		A_REVERSE,		COLOR_WHITE,	COLOR_BLUE,	A_BOLD) \
	_(PANE_TITLE,		A_BOLD | A_UNDERLINE,	COLOR_CYAN,	-1,		A_BOLD | A_UNDERLINE) \
	_(PANE_FOCUS,		A_REVERSE | A_BOLD,	COLOR_BLACK,	COLOR_CYAN,	A_BOLD) \
	_(SEPARATOR,		A_NORMAL,		COLOR_CYAN,	-1,		A_NORMAL) \
	_(SECTION,		A_BOLD,			COLOR_YELLOW,	-1,		A_BOLD) \
	_(SELECTED,		A_REVERSE,		COLOR_BLACK,	COLOR_WHITE,	A_NORMAL) \
	_(INACTIVE,		A_DIM,			-1,		-1,		A_DIM) \
	_(WARNING,		A_BOLD,			COLOR_YELLOW,	-1,		A_BOLD) \
	_(NOTE,			A_NORMAL,		COLOR_CYAN,	-1,		A_NORMAL) \
	_(KEYHINT,		A_NORMAL,		-1,		-1,		A_NORMAL) \
	_(KEYHINT_KEY,		A_BOLD,			COLOR_CYAN,	-1,		A_BOLD) \
	_(STATUS_OK,		A_NORMAL,		COLOR_GREEN,	-1,		A_NORMAL) \
	_(STATUS_ERR,		A_BOLD | A_REVERSE,	COLOR_WHITE,	COLOR_RED,	A_BOLD) \
	_(PROMPT,		A_BOLD,			-1,		-1,		A_BOLD) \
	_(PREVIEW_COMMENT,	A_DIM,			COLOR_BLUE,	-1,		A_BOLD) \
	_(PREVIEW_ALLOW,	A_BOLD,			COLOR_GREEN,	-1,		A_NORMAL) \
	_(PREVIEW_DENY,		A_BOLD | A_UNDERLINE,	COLOR_RED,	-1,		A_BOLD) \
	_(PREVIEW_PARAM,	A_UNDERLINE,		COLOR_MAGENTA,	-1,		A_NORMAL) \
	_(PREVIEW_CHANGED,	A_REVERSE | A_BOLD,	COLOR_BLACK,	COLOR_YELLOW,	A_NORMAL) \
	_(PREVIEW_RULE,		A_REVERSE | A_UNDERLINE, COLOR_BLACK,	COLOR_CYAN,	A_NORMAL) \
	_(PREVIEW_ENTRY,	A_REVERSE,		COLOR_MAGENTA,	-1,		A_REVERSE) \
	_(SEARCH,		A_REVERSE | A_BOLD | A_UNDERLINE, COLOR_BLACK,	COLOR_GREEN,	A_BOLD)

#define UI_ROLE_ENUM(id, mono, fg, bg, attr) UI_ROLE_##id,
enum ui_role {
	UI_ROLES(UI_ROLE_ENUM)
	UI_ROLE__COUNT
};
#undef UI_ROLE_ENUM

/*
 * Whether to use colour: the terminal has colours and NO_COLOR is unset or
 * empty (no-color.org). Call after initscr/newterm.
 */
bool	ui_theme_want_color(void);

/* Sets up the colour pairs (when color) and the role table. */
void	ui_theme_init(bool color);

/* The attributes of a role, colour pair included. */
attr_t	ui_theme_attr(enum ui_role);

#endif
