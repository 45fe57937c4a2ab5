/* SPDX-License-Identifier: ISC */
/* glob.h: the glob language of deny_read entries and socket patterns. */
#ifndef SBPOLICY_GLOB_H
#define SBPOLICY_GLOB_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "err.h"

/*
 * The language, as the documentation states it:
 *   *      any run of characters within one path component
 *   ?      one character of a component
 *   [...]  one character of a component from a set: a, a-z, [:alpha:],
 *          [:digit:], [:alnum:], [:upper:], [:lower:], [:xdigit:];
 *          [!...] or [^...] for its complement (never '/')
 *   **     as a whole component: any number of whole components
 *   \c     c itself, for c one of * ? [ ] \ (any other \ is itself)
 * A '[' that no ']' closes within its component is an ordinary character.
 * Everything else matches itself. What cannot mean what it looks like is
 * refused: a range or class that could match '/', a backwards range,
 * '**' inside a component, collating symbols. Matching is by bytes.
 */

/* True when s holds a wildcard: an unescaped '*' or '?', or a '[' that
 * opens a bracket expression closed within its component. */
bool	glob_is_pattern(const char *s);

/* Bytes of s before the component that holds the first wildcard: the
 * index of the '/' that starts it, 0 when the first component holds one,
 * strlen(s) when s holds none. */
size_t	glob_literal_len(const char *s);

/* The first n bytes of s as the text they match (escapes removed). New
 * string. */
char	*glob_unescape(const char *s, size_t n);

/* s with each of * ? [ ] \ escaped: a glob that matches s itself. New
 * string. */
char	*glob_escape(const char *s);

/* Appends the n bytes at s to b with every regex metacharacter escaped. */
void	glob_regex_literal(struct buf *b, const char *s, size_t n);

/*
 * Appends the regex of the glob text s to b. s is what follows a literal
 * directory (it starts with '/'), or a whole pattern that starts with "**".
 * skel, when not NULL, gets the same regex with every literal character
 * left out: the wildcards and bracket expressions, each a whole regex
 * construct and the only part that regcomp could object to, so that the
 * skeleton compiles exactly when the regex does and many patterns of one
 * shape need one check. Returns 0, or -1 with err set as "what: why" (b and
 * skel are then undefined).
 */
int	glob_regex(struct buf *b, struct buf *skel, const char *s,
	    const char *what, struct sb_error *err);

/* True when the glob text s ends in a "**" component (so its regex already
 * matches everything below). */
bool	glob_ends_in_any(const char *s);

/*
 * Checks the glob s as glob_regex does (nothing when s holds no wildcard),
 * for the places that read a pattern, so that a pattern the generator
 * would refuse is refused where it was written, with its place. Returns 0,
 * or -1 with err set as "what: why".
 */
int	glob_check(const char *s, const char *what, struct sb_error *err);

/*
 * Checks that regex compiles with regcomp(REG_EXTENDED), as every regex
 * the generator writes must. Returns 0, or -1 with err set.
 */
int	glob_regex_check(const char *regex, const char *what,
	    struct sb_error *err);

#endif
