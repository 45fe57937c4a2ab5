/* SPDX-License-Identifier: ISC */
/* sbpl-ops.h: the names SBPL knows: operations with their fallback parents,
 * the prelude's aliases, filters and modifiers (SBPL-FACTS §1.8, §2.3-2.5,
 * §3, §4). */
#ifndef SBPOLICY_SBPL_OPS_H
#define SBPOLICY_SBPL_OPS_H

#include <stdbool.h>
#include <stddef.h>

/* Flags of an operation. */
#define SBPL_OP_TERMINAL_ALLOW	0x01u	/* falls back to allow, not default */
#define SBPL_OP_TERMINAL_DENY	0x02u	/* falls back to deny, not default */
#define SBPL_OP_UNCERTAIN	0x04u	/* its parent (or terminal flag) is
					 * inferred, not from a table */
#define SBPL_OP_NEWER		0x08u	/* seen after the macOS 13 table only */

/* The index of `default` in the table: the root of every chain. */
#define SBPL_OP_DEFAULT	0

struct sbpl_op {
	const char	*name;
	int		 parent;	/* index; -1 for default */
	unsigned	 flags;
};

/* The operation at index i (0 .. sbpl_op_count() - 1). */
size_t	sbpl_op_count(void);
const struct sbpl_op *sbpl_op_at(int i);

/*
 * The index of the operation called name, after the prelude's aliases
 * (`process-exec` -> `process-exec*`, `file-unlink` -> `file-write-unlink`).
 * Returns -1 for a name neither table knows. An alias that the prelude
 * defines as a no-op (`ipc-posix-shm-read-metadata`, `mach-per-user-lookup`)
 * returns -2. *alias_of, when not NULL, gets the alias target's name when
 * name was an alias, else NULL (a no-op alias has no target: NULL).
 */
int	sbpl_op_lookup(const char *name, const char **alias_of);

/* What kind of thing a filter tests. */
enum sbpl_fclass {
	SBPL_F_PATH,		/* literal, subpath, prefix, regex (a path) */
	SBPL_F_NAME,		/* a string name: global-name, sysctl-name ... */
	SBPL_F_NETWORK,		/* local, remote: an address or a unix socket */
	SBPL_F_COMBINATOR,	/* require-all, require-any, require-not */
	SBPL_F_SYMBOL,		/* vnode-type, socket-domain, socket-type, target */
	SBPL_F_NUMBER,		/* socket-protocol, file-mode, signal-number */
	SBPL_F_DYNAMIC,		/* extension, entitlements, signing: unknowable */
	SBPL_F_OTHER,		/* known to the table, not evaluated */
};

/* How a name filter compares. */
enum sbpl_fmatch {
	SBPL_M_LITERAL,
	SBPL_M_SUBPATH,		/* path filters only */
	SBPL_M_PREFIX,
	SBPL_M_REGEX,
};

struct sbpl_filter_def {
	const char		*name;		/* as written */
	const char		*canonical;	/* what it is an alias of, or name */
	enum sbpl_fclass	 cls;
	enum sbpl_fmatch	 match;		/* for PATH and NAME */
	/* For NAME: the base name that ties filters of one kind together
	 * ("global-name" for global-name-prefix); NULL otherwise. */
	const char		*base;
};

/* The filter called name (aliases included: `literal` is `path`,
 * `regex` is `path-regex`), or NULL. */
const struct sbpl_filter_def *sbpl_filter_find(const char *name);

/* True when name is a modifier of `(with NAME ...)` (§2.5, aliases too). */
bool	sbpl_modifier_known(const char *name);

/* Which names sbpl_suggest looks among. */
enum sbpl_names {
	SBPL_N_OPERATION,
	SBPL_N_FILTER,
	SBPL_N_MODIFIER,
};

/* The known name nearest to name (edit distance at most 2, or a name that
 * differs by a missing or extra `*`), or NULL: for "did you mean". */
const char *sbpl_suggest(const char *name, enum sbpl_names);

#endif
