/* SPDX-License-Identifier: ISC */
/* sbpl-lex.h: the one SBPL lexer of the project: tokens with positions. */
#ifndef SBPOLICY_SBPL_LEX_H
#define SBPOLICY_SBPL_LEX_H

#include <stdbool.h>
#include <stddef.h>

enum sbpl_tok {
	SBPL_T_END,	/* the end of the text */
	SBPL_T_OPEN,	/* ( */
	SBPL_T_CLOSE,	/* ) */
	SBPL_T_QUOTE,	/* ' */
	SBPL_T_COMMENT,	/* ; to the end of the line, the newline left out */
	SBPL_T_STRING,	/* "..." with TinyScheme's backslash escapes */
	SBPL_T_RAW,	/* #"...", in which a backslash is itself */
	SBPL_T_ATOM,	/* a symbol, number or #t/#f: up to a delimiter */
};

struct sbpl_token {
	enum sbpl_tok	 kind;
	const char	*start;	/* into the text */
	size_t		 len;	/* the whole token, quotes included */
	size_t		 line;	/* from 1 */
	size_t		 col;	/* from 1, in bytes */
	bool		 unterminated;	/* a string or raw literal cut short */
};

struct sbpl_lexer {
	const char	*p;
	size_t		 line;
	const char	*bol;	/* where the current line begins */
};

/* Starts reading text (NUL-terminated, borrowed until the last token). */
void	sbpl_lex_init(struct sbpl_lexer *, const char *text);

/* The next token after blanks (blanks are never tokens). Returns its kind;
 * SBPL_T_END again and again at the end. */
enum sbpl_tok sbpl_lex_next(struct sbpl_lexer *, struct sbpl_token *);

/* True when the token is the atom word. */
bool	sbpl_tok_is(const struct sbpl_token *, const char *word);

#endif
