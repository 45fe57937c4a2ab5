/* SPDX-License-Identifier: ISC */
/* ui-curses.h: the one place that picks the curses header (tig, htop). */
#ifndef SBPOLICY_UI_CURSES_H
#define SBPOLICY_UI_CURSES_H

#if defined(HAVE_NCURSESW_CURSES_H)
#include <ncursesw/curses.h>
#elif defined(HAVE_NCURSES_H)
#include <ncurses.h>
#elif defined(HAVE_CURSES_H)
#include <curses.h>
#else
#error "configure found no curses header"
#endif

#endif
