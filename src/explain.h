/* SPDX-License-Identifier: ISC */
/* explain.h: would this access be allowed, by which rule, and what change
 * would allow it: the engine behind `sbpolicy explain`. */
#ifndef SBPOLICY_EXPLAIN_H
#define SBPOLICY_EXPLAIN_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "err.h"
#include "gen.h"
#include "params.h"
#include "sbpl-eval.h"
#include "sbpl-read.h"

/* Exit statuses of explain. */
#define EXPLAIN_EXIT_ALLOWED		0
#define EXPLAIN_EXIT_DENIED		1
#define EXPLAIN_EXIT_ERROR		2	/* and bad usage: no answer */
#define EXPLAIN_EXIT_UNDECIDABLE	3

/*
 * A profile to ask: its text, read and compiled. For a profile sbpolicy
 * generates, gen holds the result it came from (its -D values and the
 * map from text to params entries) and params the policy.
 */
struct explain_profile {
	char			*text;
	size_t			 len;
	size_t			 skip;	/* bytes before gen->profile in text */
	struct sbpl_doc		 doc;
	struct sbpl_policy	 pol;
	struct sbpl_def		*defs;
	size_t			 ndefs;
	struct gen_result	*gen;	/* NULL for a hand-written profile */
	const struct params	*params;	/* borrowed, with gen */
	const struct gen_ctx	*ctx;	/* borrowed */
};

/* The generated profile of p: 0, or -1 with err set. */
int	explain_load_params(struct explain_profile *, const struct params *p,
	    const struct gen_ctx *, struct sb_error *);
/* A profile file (or its text, when text is not NULL: taken over) with
 * -D values (KEY=VALUE strings, borrowed). */
int	explain_load_text(struct explain_profile *, const char *name,
	    char *text, size_t len, char *const defs[], size_t ndefs,
	    const struct gen_ctx *, struct sb_error *);
void	explain_profile_clear(struct explain_profile *);

#define EXPLAIN_CHECKS_MAX	3

/* One access asked: a verb and a target, as one or more checks. */
struct explain {
	char			*verb;		/* as given */
	char			*target;	/* as given, or NULL */
	char			*path;		/* canonical, for a path */
	char			 vnode[24];	/* its type, or "" */
	bool			 ip_host;	/* an address, not a path */
	struct {
		struct sbpl_query	 q;
		struct sbpl_answer	 a;
		/* A rule of the other action that matched but for an
		 * exception in it, and the exception (or NULL). */
		const struct sbpl_rule	*near;
		const struct sbpl_node	*except;
	}			 checks[EXPLAIN_CHECKS_MAX];
	size_t			 nchecks;
	enum sbpl_verdict	 verdict;
	char			*fix;	/* the smallest change, or NULL */
	char			*fix_note;	/* what else to know, or NULL */
};

/*
 * Asks whether verb (read, write, create, delete, exec, connect, bind,
 * listen, lookup, sysctl, or an operation name) on target (a path, an
 * address tcp:HOST:PORT or udp:HOST:PORT, a name; NULL for an operation
 * without one) is allowed by the profile. Returns 0, or -1 with err set
 * for a verb or target that does not make a query.
 */
int	explain_ask(struct explain *, const struct explain_profile *,
	    const char *verb, const char *target, struct sb_error *);

/* The i-th of those verbs (read, write, ...: not the operation names), or
 * NULL past the last, for completing them (the TUI's check prompt).
 * Static string. */
const char	*explain_verb(size_t i);
void	explain_clear(struct explain *);

/* The answer as text (lines) or as one JSON object, appended to b. */
void	explain_text(struct buf *b, const struct explain *,
	    const struct explain_profile *);
void	explain_json(struct buf *b, const struct explain *,
	    const struct explain_profile *);

/*
 * The denial of a run (operation and target as the log gives them) asked
 * again of the policy p: the suggested fix for it, a new string, or NULL.
 */
char	*explain_suggest(const struct params *p, const struct gen_ctx *,
	    const char *op, const char *target);

/* Exit status for a verdict. */
int	explain_exit(enum sbpl_verdict);

#endif
