/* SPDX-License-Identifier: ISC */
/* sbpl-eval.h: the SBPL evaluator: a read profile compiled to rules per
 * operation, and the decision for one access (SBPL-FACTS §2.2). */
#ifndef SBPOLICY_SBPL_EVAL_H
#define SBPOLICY_SBPL_EVAL_H

#include <stdbool.h>
#include <stddef.h>

#include "err.h"
#include "sbpl-read.h"

/* An answer that may depend on what cannot be known from outside. */
enum sbpl_tri {
	SBPL_NO,
	SBPL_YES,
	SBPL_MAYBE,
};

/* A -D KEY=VALUE, as sandbox-exec takes it. */
struct sbpl_def {
	const char	*key;
	const char	*value;
};

enum sbpl_severity {
	SBPL_ERROR,	/* sandbox-exec refuses the profile */
	SBPL_WARNING,	/* it loads, but likely not as meant */
};

/* One finding, at a place in the profile: for lint, and for the errors
 * that make sbpl_compile fail. */
struct sbpl_diag {
	enum sbpl_severity	 severity;
	size_t			 line;
	size_t			 col;
	const char		*code;	/* "unknown-operation", static */
	char			*msg;
};

struct sbpl_filter;

/* Modifiers of a rule, (with ...). */
#define SBPL_MOD_REPORT		0x01u
#define SBPL_MOD_NO_REPORT	0x02u
#define SBPL_MOD_NO_SANDBOX	0x04u
#define SBPL_MOD_SIGNAL		0x08u
#define SBPL_MOD_MESSAGE	0x10u
#define SBPL_MOD_OTHER		0x20u

/* One rule for one operation: (allow a b ...) makes one for each. */
struct sbpl_rule {
	bool			 allow;
	int			 op;	/* index in the operation table */
	const struct sbpl_node	*form;	/* the (allow ...) form */
	const struct sbpl_node	*op_node;	/* its operation symbol */
	struct sbpl_filter	*filter;	/* NULL: unfiltered */
	unsigned		 mods;
	size_t			 seq;	/* the form's place among the rules */
};

/* The rules of one operation. */
struct sbpl_oprules {
	size_t	*filtered;	/* indexes into rules, in source order */
	size_t	 nfiltered;
	size_t	 unfiltered;	/* the last unfiltered rule, or SIZE_MAX */
	size_t	 nunfiltered;	/* how many there are */
	bool	 unfiltered_mixed;	/* some allow, some deny */
};

/* A compiled profile. The document (and its text) is borrowed. */
struct sbpl_policy {
	const struct sbpl_doc	*doc;
	struct sbpl_rule	*rules;
	size_t			 nrules;
	struct sbpl_oprules	*ops;	/* one per operation of the table */
	struct sbpl_diag	*diags;
	size_t			 ndiags;
	size_t			 nerrors;
	/* A form the evaluator cannot follow (a function, an import): what
	 * it adds is unknown, so no answer can be sure. NULL: none. */
	const struct sbpl_node	*incomplete;
	const char		*incomplete_why;	/* static */
	bool			 has_version;
	/* what sbpl_compile keeps alive for the rules */
	struct sbpl_filter	**filters;
	size_t			 nfilters;
	char			**strings;
	size_t			 nstrings;
	const struct sbpl_def	*defs;	/* borrowed */
	size_t			 ndefs;
	bool			 lazy_regex;	/* SBPL_COMPILE_LAZY_REGEX */
};

/*
 * Compiles doc with the parameters defs (borrowed until the policy is
 * cleared, as is doc). The errors sandbox-exec would refuse the profile for
 * (no version, an unknown operation, filter or modifier, a missing
 * parameter, a bad address, a regex that does not compile, report on a
 * deny, a rule too large to serialise) become diagnostics of severity
 * SBPL_ERROR; the first one is also put in err and -1 returned. The
 * policy is filled in either case and must be cleared.
 */
int	sbpl_compile(struct sbpl_policy *, const struct sbpl_doc *,
	    const struct sbpl_def *defs, size_t ndefs, struct sb_error *);
void	sbpl_policy_clear(struct sbpl_policy *);

/*
 * The same with flags. SBPL_COMPILE_LAZY_REGEX: regexes are compiled at
 * their first match, not checked now; for a profile whose regexes are
 * known to compile (sbpolicy's generator checks each one), so that an
 * answer does not pay for every regex of the profile. One that does not
 * compile after all never matches: it answers maybe.
 */
#define SBPL_COMPILE_LAZY_REGEX	0x1u
int	sbpl_compile_flags(struct sbpl_policy *, const struct sbpl_doc *,
	    const struct sbpl_def *defs, size_t ndefs, unsigned flags,
	    struct sb_error *);

/* Adds a finding to the policy's list (for lint's own checks). */
void	sbpl_diag_add(struct sbpl_policy *, enum sbpl_severity,
	    const struct sbpl_node *at, const char *code, const char *fmt, ...)
	    __attribute__((format(printf, 5, 6)));

/* What an access is about. */
enum sbpl_qkind {
	SBPL_Q_NONE,	/* no argument: signal, pseudo-tty ... */
	SBPL_Q_PATH,	/* a file operation on path */
	SBPL_Q_UNIX,	/* a Unix socket at path */
	SBPL_Q_IP,	/* an IP address and port */
	SBPL_Q_NAME,	/* a mach service, sysctl, IPC or IOKit name */
	SBPL_Q_SOCKET,	/* socket(2): domain, type, protocol */
};

enum sbpl_proto {
	SBPL_PROTO_TCP,
	SBPL_PROTO_UDP,
};

/* One access to decide. Strings are borrowed. */
struct sbpl_query {
	int		 op;
	enum sbpl_qkind	 kind;
	const char	*path;		/* PATH, UNIX: canonical */
	const char	*vnode;		/* "REGULAR-FILE", ...; NULL: unknown */
	bool		 local;		/* UNIX, IP: our own address (bind,
					 * listen), not the peer's */
	enum sbpl_proto	 proto;		/* IP */
	int		 family;	/* IP: 4, 6, or 0 when not known */
	bool		 loopback;	/* IP: the host is localhost */
	unsigned	 port;		/* IP: 1..65535 */
	const char	*name;		/* NAME */
	const char	*domain;	/* SOCKET: "AF_UNIX" */
	const char	*type;		/* SOCKET: "SOCK_STREAM" */
	long		 protocol;	/* SOCKET */
	const char	*target;	/* signal, process-info: "self" ...;
					 * NULL: not known */
};

enum sbpl_verdict {
	SBPL_ALLOWED,
	SBPL_DENIED,
	SBPL_UNDECIDABLE,
};

/* How the decision was reached at one operation of the chain. */
enum sbpl_how {
	SBPL_BY_NOTHING,	/* no rule of this operation applied */
	SBPL_BY_FILTERED,	/* a filtered rule matched */
	SBPL_BY_UNFILTERED,	/* the operation's unfiltered rule */
	SBPL_BY_TERMINAL,	/* a terminal operation's own default */
	SBPL_BY_NO_DEFAULT,	/* no rule for default: allowed */
};

#define SBPL_CHAIN_MAX	12
#define SBPL_MAYBE_MAX	4

struct sbpl_answer {
	enum sbpl_verdict	 verdict;
	/* The deciding rule (NULL for a terminal default or no default)
	 * and, in it, the filter that matched (NULL: unfiltered). */
	const struct sbpl_rule	*rule;
	const struct sbpl_node	*matched;
	enum sbpl_how		 how;
	int			 chain[SBPL_CHAIN_MAX];	/* operations consulted */
	size_t			 nchain;
	/* Rules that might have matched, and why it cannot be known (the
	 * filter node: an extension, an unknown file type ...). */
	const struct sbpl_rule	*maybe[SBPL_MAYBE_MAX];
	const struct sbpl_node	*maybe_why[SBPL_MAYBE_MAX];
	size_t			 nmaybe;
	/* Facts SBPL-FACTS marks uncertain that the answer rests on. */
	bool			 uncertain_parent;	/* an inferred parent */
	bool			 uncertain_terminal;	/* a terminal default */
	bool			 uncertain_unfiltered;	/* unfiltered rules
							 * that disagree */
	bool			 incomplete;	/* the policy's, see above */
};

/* Decides q against the policy: §2.2's model, three-valued. */
void	sbpl_decide(const struct sbpl_policy *, const struct sbpl_query *,
	    struct sbpl_answer *);

/*
 * For an answer a to q: a filtered rule of the other action, among the
 * operations consulted, that would have matched but for an exception in it
 * (a require-not whose filter matches), or NULL. *except gets the filter
 * inside that require-not that matched: what took the access out.
 */
const struct sbpl_rule *sbpl_near_miss(const struct sbpl_policy *,
	    const struct sbpl_query *, const struct sbpl_answer *a,
	    const struct sbpl_node **except);

/* "allowed", "denied", "undecidable". */
const char *sbpl_verdict_name(enum sbpl_verdict);

/* Matches one compiled filter against q; *leaf gets the node of the
 * filter that decided a YES (for provenance). */
enum sbpl_tri sbpl_filter_match(const struct sbpl_filter *,
	    const struct sbpl_query *, const struct sbpl_node **leaf);

/* The node a compiled filter was made from. */
const struct sbpl_node *sbpl_filter_node(const struct sbpl_filter *);

#endif
