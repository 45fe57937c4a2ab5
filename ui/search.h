/* SPDX-License-Identifier: ISC */
/* search.h: finding text in the preview and the help; no curses. */
#ifndef SBPOLICY_SEARCH_H
#define SBPOLICY_SEARCH_H

#include <stdbool.h>
#include <stddef.h>

struct ui_model;

/*
 * The first match of pat at or after byte from of s[0..len): its offset,
 * or SIZE_MAX; a match is strlen(pat) bytes. Without a capital letter in
 * pat, ASCII letters match in either case (less -i, vi's smartcase).
 */
size_t	ui_search_find(const char *s, size_t len, size_t from,
	    const char *pat);

/* Enter in the search prompt: goes to the first match from the top of
 * what is shown; a text with no match keeps the prompt open. */
unsigned ui_search_accept(struct ui_model *);

/* n (or with back, N): the next (previous) line with a match, round the
 * end (the start) when there is none after (before) it. */
unsigned ui_search_step(struct ui_model *, bool back);

/* Esc: the matches no longer shown. */
void	ui_search_end(struct ui_model *);

/* Whether a search is on, n its next match: in the preview, in the help,
 * or a new one being typed. */
bool	ui_search_active(const struct ui_model *);

/*
 * After an action (a key, a click): a search that was on (was) and is no
 * more, as its pane or the help went, has ended, and its message ("n
 * next") goes with it, so that the status line never offers n for the
 * next match when n is the network mode's again.
 */
void	ui_search_settle(struct ui_model *, bool was);

#endif
