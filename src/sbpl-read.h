/* SPDX-License-Identifier: ISC */
/* sbpl-read.h: the SBPL reader: profile text -> a tree of forms, each node
 * with its place in the text. */
#ifndef SBPOLICY_SBPL_READ_H
#define SBPOLICY_SBPL_READ_H

#include <stdbool.h>
#include <stddef.h>

#include "err.h"

enum sbpl_node_kind {
	SBPL_N_LIST,	/* ( ... ) */
	SBPL_N_SYMBOL,	/* file-read*, default, AF_UNIX */
	SBPL_N_STRING,	/* "..." decoded, or #"..." as written (raw) */
	SBPL_N_NUMBER,	/* 1, -2, #o0004, #x1F */
	SBPL_N_BOOL,	/* #t, #f */
};

struct sbpl_node {
	enum sbpl_node_kind	 kind;
	bool			 raw;	/* a #"..." string */
	bool			 quoted;	/* written 'X */
	size_t			 line;	/* from 1 */
	size_t			 col;	/* from 1, in bytes */
	size_t			 off;	/* of the first byte (the quote mark of
					 * 'X, the "(" of a list) */
	size_t			 end;	/* past the last byte */
	const char		*s;	/* symbol or string, NUL-terminated */
	size_t			 len;	/* of s */
	long			 num;	/* a number's value; a boolean's 0/1 */
	struct sbpl_node	**kids;	/* a list's items */
	size_t			 n;
};

struct sbpl_block;

/*
 * A read profile: its top-level forms in order. The nodes live in the
 * document's own memory; the text is borrowed (offsets point into it) and
 * must outlive the document for anyone who quotes a form.
 */
struct sbpl_doc {
	char			 *name;	/* for messages */
	const char		 *text;
	size_t			  len;
	struct sbpl_node	**forms;
	size_t			  nforms;
	struct sbpl_block	 *blocks;
};

/* Lists nested deeper than this are refused, so that whoever walks the
 * tree can recurse. */
#define SBPL_DEPTH_MAX 500

/*
 * Reads text (len bytes, NUL-terminated at len) as the profile called name.
 * Strings follow TinyScheme's reader: \n \t \r \" \\, up to three octal
 * digits, \xHH with two hex digits, any other \c as c; a #"..." literal is
 * taken as written. Returns 0, or -1 with err set to "NAME:LINE:COL: what
 * is wrong" (SB_EINVAL) and *doc empty.
 */
int	sbpl_read(struct sbpl_doc *doc, const char *name, const char *text,
	    size_t len, struct sb_error *);
void	sbpl_doc_clear(struct sbpl_doc *);

/* True when n is the symbol word. */
bool	sbpl_is_symbol(const struct sbpl_node *n, const char *word);

/* The head symbol of a list ("allow" of (allow ...)), or NULL. */
const char *sbpl_head(const struct sbpl_node *n);

#endif
