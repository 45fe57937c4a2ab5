/* SPDX-License-Identifier: ISC */
/* sbpl-lex.c: the one SBPL lexer of the project: tokens with positions. */
#include "config.h"

#include "sbpl-lex.h"

#include <string.h>

static bool
is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	    c == '\v';
}

/* What ends an atom. */
static bool
is_delim(char c)
{
	return c == '\0' || is_blank(c) || c == '(' || c == ')' || c == '"' ||
	    c == ';' || c == '\'';
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
	bool raw;

	while (is_blank(*lx->p))
		step(lx);
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
		t->kind = SBPL_T_COMMENT;
		while (*lx->p != '\0' && *lx->p != '\n')
			step(lx);
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
		t->kind = SBPL_T_ATOM;
		do
			step(lx);
		while (!is_delim(*lx->p));
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
