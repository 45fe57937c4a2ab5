/* SPDX-License-Identifier: ISC */
/* theme.c: colours and attributes by role, with a monochrome scheme. */
#include "config.h"

#include "theme.h"

#include <stdlib.h>

struct role_def {
	attr_t	mono;
	short	fg, bg;
	attr_t	attr;
};

#define UI_ROLE_DEF(id, mono, fg, bg, attr) { mono, fg, bg, attr },
static const struct role_def role_defs[] = { UI_ROLES(UI_ROLE_DEF) };
#undef UI_ROLE_DEF

/* One terminal per process, so one table: set once by ui_theme_init. */
static attr_t role_attrs[UI_ROLE__COUNT];

bool
ui_theme_want_color(void)
{
	const char *nc = getenv("NO_COLOR");

	if (nc != NULL && *nc != '\0')
		return false;
	return has_colors();
}

void
ui_theme_init(bool color)
{
	bool defaults = false;
	short fg, bg;
	int i;

	if (color && start_color() == ERR)
		color = false;
#ifdef HAVE_USE_DEFAULT_COLORS
	/* -1 keeps the terminal's own colours (tig). */
	defaults = color && use_default_colors() == OK;
#endif
	for (i = 0; i < UI_ROLE__COUNT; i++) {
		if (!color || i == UI_ROLE_NORMAL || i >= COLOR_PAIRS) {
			role_attrs[i] = role_defs[i].mono;
			continue;
		}
		fg = role_defs[i].fg;
		bg = role_defs[i].bg;
		if (!defaults && fg == -1)
			fg = COLOR_WHITE;
		if (!defaults && bg == -1)
			bg = COLOR_BLACK;
		if (init_pair((short)i, fg, bg) == ERR) {
			role_attrs[i] = role_defs[i].mono;
			continue;
		}
		role_attrs[i] = COLOR_PAIR(i) | role_defs[i].attr;
	}
}

attr_t
ui_theme_attr(enum ui_role r)
{
	if ((unsigned)r >= UI_ROLE__COUNT)
		return A_NORMAL;
	return role_attrs[r];
}
