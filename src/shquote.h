/* SPDX-License-Identifier: ISC */
/* shquote.h: quoting for POSIX sh, a one-line form, and splitting. */
#ifndef SBPOLICY_SHQUOTE_H
#define SBPOLICY_SHQUOTE_H

#include <stdbool.h>

#include "buf.h"
#include "err.h"

/* True when s is non-empty and made only of characters sh never treats
 * specially (letters, digits and "/._-+:,=@%^"), so it needs no quotes. */
bool	shquote_is_plain(const char *);

/*
 * Appends s quoted for POSIX sh: plain words as they are, anything else in
 * single quotes with each ' written as '\''. The shell gives back exactly
 * the bytes of s, newlines and all.
 */
void	shquote_append(struct buf *, const char *);

/*
 * Appends s on one line: like shquote_append, except that a value holding a
 * control character, DEL or a byte that is not UTF-8 is written as a
 * $'...' string with \n, \t, \r, \\, \' and \xHH escapes (bash, zsh, ksh and
 * POSIX.1-2024 sh read it back exactly). Used where a newline would end a
 * comment and turn the rest into live text.
 */
void	shquote_append_oneline(struct buf *, const char *);

/* The whole argv quoted with shquote_append and joined by spaces. New string. */
char	*shquote_argv(char *const argv[]);

/*
 * Splits a command line into words, the reverse of shquote_argv for what a
 * user types: blanks separate, '...' and "..." quote, a backslash escapes
 * the next character (not inside '...'); no expansion of any kind. Returns
 * a new NULL-terminated vector of new strings (free each and the vector, as
 * launch_argv_free does), or NULL with err set (an unterminated quote, no
 * word at all).
 */
char	**shquote_split(const char *, struct sb_error *);

#endif
