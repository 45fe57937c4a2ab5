/* SPDX-License-Identifier: ISC */
/* gen.h: the generator, params -> Seatbelt profile + -D parameters. */
#ifndef SBPOLICY_GEN_H
#define SBPOLICY_GEN_H

#include <stdbool.h>
#include <stddef.h>

#include "err.h"
#include "params.h"
#include "path.h"

/*
 * What the generator needs besides params, passed in so that it never reads
 * globals and tests can fake a macOS file system.
 */
struct gen_ctx {
	const char		*cwd;	/* the policy cwd, absolute */
	const char		*tmpdir;	/* $TMPDIR, or NULL */
	const char		*home;	/* $HOME, or NULL */
	const struct path_fs	*fs;
};

/*
 * Which params field a warning, or a range of the profile, is about: the
 * TUI shows a warning in place, and a range says which entry wrote a rule.
 */
enum gen_where {
	GEN_W_GENERAL,
	GEN_W_WRITABLE_ROOT,	/* index into params.writable_roots */
	GEN_W_DENY_READ,	/* index into params.deny_read */
	GEN_W_PROXY_PORT,	/* index into params.proxy_ports */
	GEN_W_LOCAL_BINDING,
	GEN_W_ALLOW_ALL,
	GEN_W_SOCK_ALLOW,	/* index into params.sock_allow */
	GEN_W_SOCK_DENY,	/* index into params.sock_deny */
	GEN_W_BASE,		/* the base policy, data/base.sbpl, and the
				 * file-read* every profile holds */
	GEN_W_FS_MODE,		/* filesystem.mode (the whole-disk rule of
				 * full-access, the file-write section) */
	GEN_W_INCLUDE_CWD,	/* filesystem.include_cwd (the cwd root) */
	GEN_W_INCLUDE_TMP,	/* filesystem.include_slash_tmp */
	GEN_W_INCLUDE_TMPDIR,	/* filesystem.include_tmpdir */
	GEN_W_PROTECTED_NAME,	/* index into params.protected_names */
	GEN_W_NET_MODE,		/* network.mode (full network, the trailer) */
	GEN_W_BUILTIN_DENY,	/* index into the built-in container-socket
				 * list, as gen_builtin_deny numbers it */
};

#define GEN_NO_INDEX ((size_t)-1)

struct gen_warning {
	enum gen_where	 where;
	size_t		 index;	/* GEN_NO_INDEX for a whole field */
	char		*msg;	/* "network.unix_sockets.allow[0]: ..." */
};

struct gen_param {
	char	*key;
	char	*value;
};

/* The params entry that wrote bytes start to end (excluded) of a profile. */
struct gen_origin {
	size_t		 start;	/* byte offsets into gen_result.profile */
	size_t		 end;
	enum gen_where	 where;
	size_t		 index;	/* GEN_NO_INDEX for a whole field */
};

struct gen_store;

/* The generated policy; everything is owned by the result. */
struct gen_result {
	char			*profile;	/* the profile run passes with -p */
	struct gen_param	*params;	/* in -D order */
	size_t			 nparams;
	/*
	 * Where the keys and values of params are, one after another in a
	 * few large blocks: a hundred thousand of them are not as many
	 * allocations. NULL in a result made by hand, whose strings
	 * gen_result_clear frees one by one.
	 */
	struct gen_store	*store;
	struct gen_warning	*warnings;
	size_t			 nwarnings;
	/*
	 * Sorted by start; ranges nest (a section, a block in it, an entry's
	 * rule, a term of that rule) but never overlap otherwise, and one
	 * that starts where another does lies inside it and comes after it.
	 * The innermost (shortest) range covering an offset is the most
	 * precise. Separators and rule heads shared by several entries may
	 * be covered by a whole-field range only, or by none.
	 */
	struct gen_origin	*origins;
	size_t			 norigins;
};

/*
 * Renders params into *out (which the caller then owns and releases with
 * gen_result_clear). Returns 0, or -1 with err set and *out left empty:
 * a "~/" path without a home directory, or a glob/deny-read regex literal
 * longer than the profile reader accepts.
 */
int	gen_render(const struct params *, const struct gen_ctx *,
	    struct gen_result *out, struct sb_error *);
void	gen_result_clear(struct gen_result *);

/* The JSON path of where's field ("network.unix_sockets.allow"), or for
 * GEN_W_BASE "the base policy". */
const char *gen_where_name(enum gen_where);

/* The most precise origin covering byte off of r->profile, or NULL. */
const struct gen_origin *gen_origin_at(const struct gen_result *, size_t off);

/*
 * The canonical form of one params path, as the profile will see it: "~/"
 * expanded against ctx->home, cleaned, then canonicalised. as_pattern reads
 * path in the glob language of deny_read (glob.h): escapes are removed and
 * only the part before the first component with a wildcard is
 * canonicalised. Returns a new string, or NULL with err set.
 */
char	*gen_resolve_path(const char *path, bool as_pattern,
	    const struct gen_ctx *, struct sb_error *);

/*
 * Appends s as an SBPL string literal: `\` and `"` escaped, nothing else
 * touched. Returns -1 when s is longer than GEN_LITERAL_MAX, the most the
 * profile reader accepts in one string (counted before escaping).
 */
struct buf;
int	gen_string_literal(struct buf *, const char *);

#define GEN_LITERAL_MAX 1000

/*
 * Rule sizes. libsandbox refuses a rule whose compiled pattern passes
 * 65,535 bytes, so a rule that collects many filters (the writable roots)
 * is split into several, each holding filters whose weight adds up to at
 * most GEN_RULE_BUDGET. A filter weighs the bytes of its path plus
 * GEN_FILTER_WEIGHT. One root, with its protected paths, is one term that
 * cannot be split: over GEN_RULE_MAX it is an error.
 */
#define GEN_RULE_BUDGET		(16 * 1024)
#define GEN_RULE_MAX		(32 * 1024)
#define GEN_FILTER_WEIGHT	32

/* No profile (text plus -D values) grows past this: an error instead. */
#define GEN_OUTPUT_MAX		(64 * 1024 * 1024)

/*
 * The i-th built-in deny (params builtin_denies), as written: "~/" is the
 * home directory, "$TMPDIR/" the temporary one; *match (when not NULL) its
 * match. NULL past the last.
 */
const char *gen_builtin_deny(size_t i, enum sock_match *match);

/* The i-th built-in deny's path in ctx, "~/" and "$TMPDIR/" expanded and
 * cleaned (not canonicalised): a new string, or NULL when ctx has no such
 * directory or i is past the last. */
char	*gen_builtin_expand(size_t i, const struct gen_ctx *);


#endif
