/* SPDX-License-Identifier: ISC */
/* sbpl-lex.c: the one SBPL lexer of the project: tokens with positions. */
#include "config.h"

#include "sbpl-lex.h"

#include <string.h>

/* The classes of bytes, by table: the lexer runs over every preview the
 * TUI shows, at each key. */
#define BLANK	0x1
#define DELIM	0x2	/* what ends an atom */

static const unsigned char classes[256] = {
	['\0'] = DELIM,
	[' '] = BLANK | DELIM, ['\t'] = BLANK | DELIM, ['\n'] = BLANK | DELIM,
	['\r'] = BLANK | DELIM, ['\f'] = BLANK | DELIM, ['\v'] = BLANK | DELIM,
	['('] = DELIM, [')'] = DELIM, ['"'] = DELIM, [';'] = DELIM,
	['\''] = DELIM,
};

static bool
is_blank(char c)
{
	return (classes[(unsigned char)c] & BLANK) != 0;
}

static bool
is_delim(char c)
{
	return (classes[(unsigned char)c] & DELIM) != 0;
}

void
sbpl_lex_init(struct sbpl_lexer *lx, const char *text)
{
	lx->p = lx->bol = text;
	lx->line = 1;
}

/* Moves past one byte, counting lines. */
static void
step(struct sbpl_lexer *lx)
{
	if (*lx->p == '\n') {
		lx->line++;
		lx->bol = lx->p + 1;
	}
	lx->p++;
}

enum sbpl_tok
sbpl_lex_next(struct sbpl_lexer *lx, struct sbpl_token *t)
{
	const char *p;
	bool raw;

	/* Blanks, counting lines: in a local, not through lx, since this
	 * runs at every byte between tokens. */
	for (p = lx->p; is_blank(*p); p++) {
		if (*p == '\n') {
			lx->line++;
			lx->bol = p + 1;
		}
	}
	lx->p = p;
	t->start = lx->p;
	t->line = lx->line;
	t->col = (size_t)(lx->p - lx->bol) + 1;
	t->unterminated = false;
	switch (*lx->p) {
	case '\0':
		t->kind = SBPL_T_END;
		break;
	case '(':
	case ')':
	case '\'':
		t->kind = *lx->p == '(' ? SBPL_T_OPEN : *lx->p == ')' ?
		    SBPL_T_CLOSE : SBPL_T_QUOTE;
		step(lx);
		break;
	case ';':
		/* To the newline, which it leaves: no line to count. */
		t->kind = SBPL_T_COMMENT;
		lx->p += strcspn(lx->p, "\n");
		break;
	case '"':
	case '#':
		if (*lx->p == '#' && lx->p[1] != '"')
			goto atom;
		raw = *lx->p == '#';
		t->kind = raw ? SBPL_T_RAW : SBPL_T_STRING;
		if (raw)
			step(lx);
		step(lx);
		while (*lx->p != '\0' && *lx->p != '"') {
			if (!raw && *lx->p == '\\' && lx->p[1] != '\0')
				step(lx);
			step(lx);
		}
		if (*lx->p == '"')
			step(lx);
		else
			t->unterminated = true;
		break;
	default:
	atom:
		/* A newline is a delimiter: no line to count either. */
		t->kind = SBPL_T_ATOM;
		p = lx->p;
		do
			p++;
		while (!is_delim(*p));
		lx->p = p;
		break;
	}
	t->len = (size_t)(lx->p - t->start);
	return t->kind;
}

bool
sbpl_tok_is(const struct sbpl_token *t, const char *word)
{
	return t->kind == SBPL_T_ATOM && t->len == strlen(word) &&
	    memcmp(t->start, word, t->len) == 0;
}
