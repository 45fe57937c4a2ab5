/* SPDX-License-Identifier: ISC */
/* sbpl-read.c: the SBPL reader: profile text -> a tree of forms, each node
 * with its place in the text. */
#include "config.h"

#include "sbpl-read.h"

#include <errno.h>
#include <limits.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sbpl-lex.h"
#include "xmalloc.h"

/*
 * The document's memory: blocks that only grow, freed together. A profile
 * of 10 MiB has a few hundred thousand nodes; one allocation each would
 * cost more than reading them.
 */
struct sbpl_block {
	struct sbpl_block	*next;
	size_t			 used;
	size_t			 size;
	max_align_t		 data[];
};

#define BLOCK_SIZE	(64 * 1024)

static void *
doc_alloc(struct sbpl_doc *doc, size_t n)
{
	struct sbpl_block *b = doc->blocks;
	size_t size;
	void *p;

	n = (n + sizeof(max_align_t) - 1) & ~(sizeof(max_align_t) - 1);
	if (b == NULL || b->size - b->used < n) {
		size = n > BLOCK_SIZE ? n : BLOCK_SIZE;
		b = xmalloc(sizeof *b + size);
		b->size = size;
		b->used = 0;
		/* A block made for one large request goes behind the current
		 * one, which keeps its free space. */
		if (size > BLOCK_SIZE && doc->blocks != NULL) {
			b->next = doc->blocks->next;
			doc->blocks->next = b;
		} else {
			b->next = doc->blocks;
			doc->blocks = b;
		}
	}
	p = (char *)b->data + b->used;
	b->used += n;
	return p;
}

/* The reader's state: where it is, and the lists not yet closed. */
struct reader {
	struct sbpl_doc		 *doc;
	struct sb_error		 *err;
	struct sbpl_lexer	  lx;
	struct sbpl_node	**items;	/* the items of the open lists */
	size_t			  nitems;
	size_t			  capitems;
	struct frame {
		struct sbpl_node	*list;
		size_t			 first;	/* its first item in items */
	}			 *open;
	size_t			  nopen;
	size_t			  capopen;
	size_t			  quotes;	/* ' marks waiting for a form */
	size_t			  qoff;		/* where the first of them is */
	size_t			  qline;
	size_t			  qcol;
};

static int
fail(struct reader *r, size_t line, size_t col, const char *msg)
{
	sb_error_set(r->err, SB_EINVAL, "%s:%zu:%zu: %s", r->doc->name, line,
	    col, msg);
	return -1;
}

static void
push_item(struct reader *r, struct sbpl_node *n)
{
	if (r->nitems == r->capitems) {
		r->capitems = r->capitems == 0 ? 64 : r->capitems * 2;
		r->items = xreallocarray(r->items, r->capitems,
		    sizeof *r->items);
	}
	r->items[r->nitems++] = n;
}

/* A node for the token t, or for the quote marks before it. */
static struct sbpl_node *
new_node(struct reader *r, enum sbpl_node_kind kind,
    const struct sbpl_token *t)
{
	struct sbpl_node *n;

	n = doc_alloc(r->doc, sizeof *n);
	memset(n, 0, sizeof *n);
	n->kind = kind;
	n->line = t->line;
	n->col = t->col;
	n->off = (size_t)(t->start - r->doc->text);
	n->end = n->off + t->len;
	return n;
}

/* Marks n as quoted when ' marks came before it, from the first of them. */
static void
take_quotes(struct reader *r, struct sbpl_node *n, size_t nquotes, size_t off,
    size_t line, size_t col)
{
	if (nquotes == 0)
		return;
	n->quoted = true;
	n->off = off;
	n->line = line;
	n->col = col;
}

static char *
doc_strndup(struct sbpl_doc *doc, const char *s, size_t len)
{
	char *p = doc_alloc(doc, len + 1);

	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

static int
hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/*
 * Decodes the string token t into n, as TinyScheme's readstrexp does. The
 * result is never longer than the text, so it is written in place of a
 * copy.
 */
static int
decode_string(struct reader *r, struct sbpl_node *n,
    const struct sbpl_token *t)
{
	const char *s = t->start + 1, *e = t->start + t->len - 1;
	char *out, *o;
	size_t k;
	int v;

	out = o = doc_alloc(r->doc, (size_t)(e - s) + 1);
	while (s < e) {
		if (*s != '\\') {
			*o++ = *s++;
			continue;
		}
		s++;
		switch (*s) {
		case 'n':
			*o++ = '\n';
			s++;
			break;
		case 't':
			*o++ = '\t';
			s++;
			break;
		case 'r':
			*o++ = '\r';
			s++;
			break;
		case 'x':
			if (e - s < 3 || hex_digit(s[1]) < 0 ||
			    hex_digit(s[2]) < 0)
				return fail(r, t->line, t->col, "a string with "
				    "\\x not followed by two hex digits");
			*o++ = (char)(hex_digit(s[1]) * 16 + hex_digit(s[2]));
			s += 3;
			break;
		case '0': case '1': case '2': case '3':
		case '4': case '5': case '6': case '7':
			for (v = 0, k = 0; k < 3 && s < e && *s >= '0' &&
			    *s <= '7'; k++, s++)
				v = v * 8 + (*s - '0');
			*o++ = (char)v;
			break;
		default:
			*o++ = *s++;	/* \" \\ and any other \c: c */
			break;
		}
	}
	*o = '\0';
	n->s = out;
	n->len = (size_t)(o - out);
	for (k = 0; k < n->len; k++) {
		if (out[k] == '\0')
			return fail(r, t->line, t->col, "a string with a NUL "
			    "character, which would end it early");
	}
	return 0;
}

/* True when s[0..len) is an optional sign and at least one digit of base. */
static bool
is_number(const char *s, size_t len, int base)
{
	size_t i = 0;
	int d;

	if (len > 0 && (s[0] == '-' || s[0] == '+'))
		i++;
	if (i == len)
		return false;
	for (; i < len; i++) {
		if ((d = hex_digit(s[i])) < 0 || d >= base)
			return false;
	}
	return true;
}

/* Reads the atom t as a number, #t/#f or a symbol. */
static int
read_atom(struct reader *r, struct sbpl_node *n, const struct sbpl_token *t)
{
	const char *s = t->start, *digits = t->start;
	size_t len = t->len;
	char buf[72];
	int base = 10;

	if (len == 2 && s[0] == '#' && (s[1] == 't' || s[1] == 'f')) {
		n->kind = SBPL_N_BOOL;
		n->num = s[1] == 't';
		return 0;
	}
	if (s[0] == '#') {
		if (len < 2 || strchr("xXoObBdD", s[1]) == NULL)
			return fail(r, t->line, t->col, "a # form the reader "
			    "does not know (#t, #f, #x, #o, #b, #d and #\"...\" "
			    "are)");
		base = strchr("xX", s[1]) != NULL ? 16 :
		    strchr("oO", s[1]) != NULL ? 8 :
		    strchr("bB", s[1]) != NULL ? 2 : 10;
		digits += 2;
		len -= 2;
		if (!is_number(digits, len, base))
			return fail(r, t->line, t->col, "a number with a digit "
			    "outside its base, or none");
	} else if (!is_number(digits, len, 10)) {
		n->kind = SBPL_N_SYMBOL;
		n->s = doc_strndup(r->doc, s, len);
		n->len = len;
		return 0;
	}
	if (len >= sizeof buf)
		return fail(r, t->line, t->col, "a number out of range");
	memcpy(buf, digits, len);
	buf[len] = '\0';
	errno = 0;
	n->num = strtol(buf, NULL, base);
	if (errno == ERANGE)
		return fail(r, t->line, t->col, "a number out of range");
	n->kind = SBPL_N_NUMBER;
	return 0;
}

/* Adds a finished form: to the list open around it, or to the top. */
static void
add_form(struct reader *r, struct sbpl_node *n)
{
	push_item(r, n);
}

/* Closes the innermost open list: its items move into the document. */
static void
close_list(struct reader *r, const struct sbpl_token *t)
{
	struct frame *f = &r->open[--r->nopen];
	struct sbpl_node *list = f->list;

	list->n = r->nitems - f->first;
	list->kids = doc_alloc(r->doc, (list->n + 1) * sizeof *list->kids);
	if (list->n > 0)	/* items is NULL until a first item */
		memcpy(list->kids, r->items + f->first,
		    list->n * sizeof *list->kids);
	r->nitems = f->first;
	list->end = (size_t)(t->start - r->doc->text) + 1;
	add_form(r, list);
}

int
sbpl_read(struct sbpl_doc *doc, const char *name, const char *text,
    size_t len, struct sb_error *err)
{
	struct reader r;
	struct sbpl_token t;
	struct sbpl_node *n = NULL;
	const char *nul;
	size_t line, col;
	char msg[80];

	memset(doc, 0, sizeof *doc);
	doc->name = xstrdup(name);
	doc->text = text;
	doc->len = len;
	memset(&r, 0, sizeof r);
	r.doc = doc;
	r.err = err;
	sbpl_lex_init(&r.lx, text);
	/* The lexer stops at a NUL; one before len is a byte the profile
	 * cannot hold. */
	if ((nul = memchr(text, '\0', len)) != NULL) {
		for (line = 1, col = 1; text < nul; text++) {
			col = *text == '\n' ? 1 : col + 1;
			line += *text == '\n';
		}
		(void)fail(&r, line, col, "a NUL byte, which ends the profile "
		    "there");
		goto fail;
	}
	for (;;) {
		switch (sbpl_lex_next(&r.lx, &t)) {
		case SBPL_T_END:
			if (r.quotes > 0) {
				(void)fail(&r, r.qline, r.qcol, "a ' with "
				    "nothing after it");
				goto fail;
			}
			if (r.nopen > 0) {
				n = r.open[r.nopen - 1].list;
				snprintf(msg, sizeof msg, "the ( at %zu:%zu is "
				    "never closed", n->line, n->col);
				(void)fail(&r, t.line, t.col, msg);
				goto fail;
			}
			doc->nforms = r.nitems;
			doc->forms = doc_alloc(doc, (r.nitems + 1) *
			    sizeof *doc->forms);
			if (r.nitems > 0)
				memcpy(doc->forms, r.items, r.nitems *
				    sizeof *doc->forms);
			free(r.items);
			free(r.open);
			return 0;
		case SBPL_T_COMMENT:
			continue;
		case SBPL_T_QUOTE:
			if (r.quotes++ == 0) {
				r.qoff = (size_t)(t.start - text);
				r.qline = t.line;
				r.qcol = t.col;
			}
			continue;
		case SBPL_T_OPEN:
			if (r.nopen == SBPL_DEPTH_MAX) {
				(void)fail(&r, t.line, t.col, "lists nested "
				    "deeper than 500");
				goto fail;
			}
			if (r.nopen == r.capopen) {
				r.capopen = r.capopen == 0 ? 16 :
				    r.capopen * 2;
				r.open = xreallocarray(r.open, r.capopen,
				    sizeof *r.open);
			}
			n = new_node(&r, SBPL_N_LIST, &t);
			take_quotes(&r, n, r.quotes, r.qoff, r.qline, r.qcol);
			r.quotes = 0;
			r.open[r.nopen].list = n;
			r.open[r.nopen].first = r.nitems;
			r.nopen++;
			continue;
		case SBPL_T_CLOSE:
			if (r.quotes > 0) {
				(void)fail(&r, r.qline, r.qcol, "a ' with "
				    "nothing after it");
				goto fail;
			}
			if (r.nopen == 0) {
				(void)fail(&r, t.line, t.col, "a ) with no ( "
				    "before it");
				goto fail;
			}
			close_list(&r, &t);
			continue;
		case SBPL_T_STRING:
		case SBPL_T_RAW:
			if (t.unterminated) {
				(void)fail(&r, t.line, t.col, t.kind ==
				    SBPL_T_RAW ? "a #\"...\" literal that is "
				    "never closed" : "a string that is never "
				    "closed");
				goto fail;
			}
			n = new_node(&r, SBPL_N_STRING, &t);
			if (t.kind == SBPL_T_RAW) {
				n->raw = true;
				n->s = doc_strndup(doc, t.start + 2,
				    t.len - 3);
				n->len = t.len - 3;
			} else if (decode_string(&r, n, &t) == -1)
				goto fail;
			break;
		case SBPL_T_ATOM:
			n = new_node(&r, SBPL_N_SYMBOL, &t);
			if (read_atom(&r, n, &t) == -1)
				goto fail;
			break;
		}
		take_quotes(&r, n, r.quotes, r.qoff, r.qline, r.qcol);
		r.quotes = 0;
		add_form(&r, n);
	}

fail:
	free(r.items);
	free(r.open);
	sbpl_doc_clear(doc);
	return -1;
}

void
sbpl_doc_clear(struct sbpl_doc *doc)
{
	struct sbpl_block *b, *next;

	for (b = doc->blocks; b != NULL; b = next) {
		next = b->next;
		free(b);
	}
	free(doc->name);
	memset(doc, 0, sizeof *doc);
}

bool
sbpl_is_symbol(const struct sbpl_node *n, const char *word)
{
	return n != NULL && n->kind == SBPL_N_SYMBOL && !n->quoted &&
	    strcmp(n->s, word) == 0;
}

const char *
sbpl_head(const struct sbpl_node *n)
{
	if (n == NULL || n->kind != SBPL_N_LIST || n->quoted || n->n == 0 ||
	    n->kids[0]->kind != SBPL_N_SYMBOL)
		return NULL;
	return n->kids[0]->s;
}
