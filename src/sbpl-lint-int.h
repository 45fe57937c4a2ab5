/* SPDX-License-Identifier: ISC */
/* sbpl-lint-int.h: what lint's two files share: its state, the terms a
 * filter matches at most and at least, their index. Only sbpl-lint.c and
 * sbpl-lint-terms.c see it. */
#ifndef SBPOLICY_SBPL_LINT_INT_H
#define SBPOLICY_SBPL_LINT_INT_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "sbpl-eval.h"
#include "sbpl-ops.h"
#include "sbpl-read.h"
#include "strmap.h"

/* sun_path of struct sockaddr_un on Darwin (SBPL-FACTS §5). */
#define SUN_PATH_MAX	104

/*
 * What a filter matches, as a set of strings in one context: the paths of
 * a bare path filter, of (remote unix-socket ...) and of (local unix-socket
 * ...) are kept apart, and so are the names of each kind of name filter,
 * so that only like is compared with like.
 */
enum tkind {
	T_LIT,		/* exactly s */
	T_SUB,		/* s and what is below it */
	T_PFX,		/* what starts with s */
	T_RE,		/* what the regex s matches */
	T_ALL,		/* everything of the context */
	T_NKINDS
};

struct term {
	enum tkind	 kind;
	const char	*ctx;	/* "path", "remote", "local", a name filter */
	const char	*s;
	size_t		 len;
	const char	*pfx;	/* T_RE: what all matches start with, or NULL */
	size_t		 pfxlen;
};

struct terms {
	struct term	*v;
	size_t		 n;
	size_t		 cap;
};

extern const char CTX_PATH[], CTX_REMOTE[], CTX_LOCAL[];

/* One (allow ...) or (deny ...) form that compiled, and its rules (one per
 * operation, next to each other in pol->rules). */
struct finfo {
	const struct sbpl_node	*form;
	size_t			 first;
	size_t			 n;
	bool			 allow;
	bool			 filtered;
	const char		*text;	/* its filters as written, or NULL */
	size_t			 textlen;
	size_t			 texthash;
	bool			 bounded;	/* up holds all it can match */
	struct terms		 up;	/* at most what it matches */
	struct terms		 low;	/* at least what it matches */
	bool			 sockets;	/* has a socket filter */
	int			 file_op;	/* a file operation, or -1 */
	bool			 net_op;	/* one under network* */
	bool			 outbound;	/* network-outbound, network* */
	bool			 outbound_only;	/* network-outbound itself */
};

/* Terms of rules by operation, context and kind: a lookup of every prefix
 * of a path costs one pass (strmap takes the caller's hash). */
struct index {
	struct strmap	m[T_NKINDS];
	/* Per operation and kind: how many terms, and the longest, so
	 * that a look-up skips what cannot be there (each probe of a large
	 * table is a cache miss). */
	size_t		*count;
	size_t		*maxlen;
};

struct lint {
	struct sbpl_policy	*pol;
	struct finfo		*forms;
	size_t			 nforms;
	struct terms		 uppool;	/* the forms' terms */
	struct terms		 lowpool;
	char			**owned;	/* keys and values made here */
	size_t			 nowned;
	size_t			 capowned;
	struct buf		 key;	/* scratch */
	int			 head_op;	/* what key begins with */
	const char		*head_ctx;
	size_t			 head_len;
	struct strmap		 defs;	/* -D keys: the last one of each */
	struct strmap		 spell;	/* action, op, path: for /private */
	struct strmap		 netvals;	/* action, path: of network */
	struct index		 later;	/* rules after the one checked */
	struct index		 allows;	/* every filtered allow */
	struct strmap		*texts;	/* per op, filters: rules after */
	struct strmap		*allow_texts;	/* per op, filters: allows */
	char			**blocks;	/* the arena of keys */
	size_t			 nblocks;
	char			*cur;
	size_t			 left;
	bool			*allow_op;	/* ops with filtered allows */
	int			**desc;	/* per op: descendants in allow_op */
	size_t			*ndesc;
	bool			*desc_done;
	int			 op_network;	/* network* */
	int			 op_outbound;	/* network-outbound */
	int			 op_exec;	/* process-exec* */
};

/* sbpl-lint-terms.c: small pieces, the filters of a form as terms, and the
 * index of terms. */
const char	*lint_own(struct lint *l, char *s);
const char	*lint_arena_dup(struct lint *l, const char *p, size_t len);
void	lint_put_num(struct buf *b, long v);
void	lint_warn(struct lint *l, const struct sbpl_node *at, const char *code, const char *fmt, ...)
	    __attribute__((format(printf, 4, 5)));
void	lint_terms_add(struct terms *t, enum tkind kind, const char *ctx,
	    const char *s, const char *pfx);
bool	lint_op_under(int op, int anc);
const char	*lint_op_name(int op);
const struct sbpl_filter_def	*lint_filter_def(const struct sbpl_node *n);
bool	lint_is_filter_kid(const struct sbpl_node *k);
const char	*lint_value_of(struct lint *l, const struct sbpl_node *n);
const char	*lint_show_value(char *out, size_t size,
	    const struct sbpl_node *n, const char *v);
bool	lint_private_dir(const char *p);
const char	*lint_unprivate(const char *p);
char	*lint_regex_prefix(const char *re, char *stop);
bool	lint_looks_like_socket(const char *p);
bool	lint_value_terms(struct lint *l, const struct sbpl_node *n,
	    const struct sbpl_filter_def *def, const char *ctx, struct terms *t, bool partial);
const char	*lint_unix_ctx(const struct sbpl_node *n,
	    const struct sbpl_filter_def *def);
bool	lint_upper(struct lint *l, const struct sbpl_node *n,
	    const char *ctx, struct terms *t);
void	lint_lower(struct lint *l, const struct sbpl_node *n,
	    const char *ctx, struct terms *t);
void	lint_index_init(struct index *ix);
void	lint_index_clear(struct index *ix);
size_t	lint_key_head(struct lint *l, int op, const char *ctx);
void	lint_index_put(struct lint *l, struct index *ix, int op,
	    const struct term *t, size_t rule);
size_t	lint_covered(struct lint *l, const struct index *ix, int op,
	    const struct term *t);

#endif
