/* SPDX-License-Identifier: ISC */
/* gen-int.h: what the generator's files share: its work state and helpers.
 * Not part of the generator's interface (gen.h); only src/gen*.c see it. */
#ifndef SBPOLICY_GEN_INT_H
#define SBPOLICY_GEN_INT_H

#include <sys/types.h>

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "buf.h"
#include "gen.h"
#include "path.h"
#include "strmap.h"

/* A socket entry after resolution. */
struct sock {
	char			*canon;		/* canonical path or glob, in
						 * the result's store */
	char			*regex;		/* of canon, for a glob */
	char			*alias;		/* the path as written, when it differs */
	size_t			 literal;	/* bytes of canon before the glob:
						 * all of a path's */
	size_t			 alias_literal;
	enum sock_match		 match;
	enum sock_access	 access;
	size_t			 index;		/* into the params list */
	size_t			 num;		/* of its -D parameter */
	bool			 exact;		/* names a built-in's socket */
};

/* A writable root and the paths carved out of it. */
struct root {
	char		*path;
	struct strlist	 excl;	/* its own protected paths, then copies */
	size_t		*excl_name;	/* of each of excl, its protected name */
	size_t		 excl_cap;
	size_t		 nown;	/* how many of excl are its own */
	size_t		 weight;	/* of its rule term, see GEN_RULE_BUDGET */
	size_t		 parent;	/* the nearest root above it, or SIZE_MAX */
	bool		 reallow;	/* inside a nested root's protected path */
	/* The params entry that made it (a root, a guard directory), for
	 * the origins of its text: the first, when several did. */
	enum gen_where	 where;
	size_t		 windex;
};

/* The roots in order, with a hash index for duplicates and ancestors. */
struct rootset {
	struct root	*v;
	size_t		 n;
	size_t		 cap;
	struct strmap	 index;	/* path -> its place in v */
	uint64_t	 lens[4];	/* bit len % 256 of each path's len */
};

/* Work state of one gen_render call. */
struct gen {
	const struct params	*p;
	const struct gen_ctx	*ctx;
	struct sb_error		*err;
	struct gen_result	*out;
	struct path_cache	*pc;	/* canonical prefixes, for this render */
	char			*home;	/* canonical, once asked for */
	struct sock		*builtin;	/* the built-in denies, resolved */
	char			**probes;	/* a socket of each, canonical */
	bool			*builtin_used;	/* opened by an allow entry */
	struct rootset		 builtin_paths;	/* their canonical paths */
	struct rootset		 builtin_dirs;	/* the directories above those */
	size_t			 nbuiltin;
	bool			 builtins_on;	/* builtin_denies, network on */
	struct rootset		 roots;	/* the writable roots */
	struct rootset		 root_dirs;	/* every directory above a root */
	struct rootset		 shapes;	/* regex skeletons that compile */
	bool			 all_writable;	/* full-access */
	size_t			 done;	/* bytes of the profile before this section */
	size_t			 start;	/* where its text starts, past a newline */
	size_t			 ocap;
	size_t			 pbytes;	/* bytes of the -D values so far */
	size_t			 wcap;
	size_t			 pcap;
};

/* gen.c: string sets (a rootset of paths with nothing else in use). */
size_t	gen_set_find_hashed(const struct rootset *, const char *path,
	    size_t len, size_t h);
size_t	gen_set_find_len(const struct rootset *, const char *path, size_t len);
void	gen_set_add(struct rootset *, char *path);	/* takes path */
void	gen_set_free(struct rootset *);

/*
 * gen.c: sorting strings by their bytes, 8 at a time as one number (a radix
 * sort of those, then the same for each run of equal ones on the next 8),
 * so that ten thousand paths in one directory do not compare the
 * directory's name at every step. Stable: equal strings keep their order.
 */
struct gen_key {
	const char	*s;
	size_t		 len;	/* of s */
	size_t		 at;	/* the caller's: where it came from */
};

/* Sorts k by text (byte order), or with paths set a component at a time
 * ('/' before any other byte, so that a directory's descendants follow
 * it). */
void	gen_sort(struct gen_key *k, size_t n, bool paths);

/*
 * prefix + decimal n into key (of at least 80 bytes). Inline, so that the
 * prefix, a literal, costs no strlen: snprintf, and then a call a key, were
 * slow enough to show in a profile of ten thousand entries.
 */
static inline void
gen_key_num(char *key, const char *prefix, size_t n)
{
	char digits[24], *d = digits + sizeof digits;
	size_t len = strlen(prefix);

	memcpy(key, prefix, len);
	do
		*--d = (char)('0' + n % 10);
	while ((n /= 10) != 0);
	memcpy(key + len, d, (size_t)(digits + sizeof digits - d));
	key[len + (size_t)(digits + sizeof digits - d)] = '\0';
}

/* gen.c: results, names, paths and patterns. */
void	gen_warn(struct gen *, enum gen_where, size_t index, const char *fmt,
	    ...) __attribute__((format(printf, 4, 5)));
char	*gen_concat(const char *, const char *);
void	gen_add_param(struct gen *, const char *key, const char *value);
/* With value (of vlen bytes) in g->out->store already: not copied. */
void	gen_add_param_stored(struct gen *, const char *key, char *value,
	    size_t vlen);

/*
 * gen.c: strings one after another in blocks that never move, freed all
 * at once: for many short strings that live as long as each other.
 * gen_store_add returns a copy of the n bytes of s, NUL-terminated.
 */
char	*gen_store_add(struct gen_store **, const char *s, size_t n);
void	gen_store_free(struct gen_store *);
char	*gen_expand(const char *path, const struct gen_ctx *, const char *what,
	    struct sb_error *);
int	gen_pattern_split(const char *path, const struct gen_ctx *,
	    const char *what, char **lit, const char **rest, struct sb_error *);
char	*gen_resolve(const char *path, bool as_pattern, const struct gen_ctx *,
	    struct path_cache *, const char *what, size_t *literal,
	    struct sb_error *);
char	*gen_pattern_regex(struct gen *, const char *s, size_t literal,
	    bool dir_tail, const char *what);
int	gen_regex_filter(struct gen *, struct buf *, const char *regex,
	    const char *what);
int	gen_output_check(struct gen *, const struct buf *);

/*
 * gen.c: the origins of the profile text. A section writes at the end of
 * the profile, b: gen_origin_open starts a range at the end of b and
 * returns its slot, gen_origin_close ends it there. Ranges open in text order (so the list stays sorted without a
 * sort) and close inner first; an empty one is dropped.
 */
size_t	gen_origin_open(struct gen *, const struct buf *b, enum gen_where,
	    size_t index);
void	gen_origin_close(struct gen *, const struct buf *b, size_t slot);

/* gen-write.c: the writable roots and the file-write section. */
int	gen_roots_build(struct gen *);
void	gen_guard_between(struct rootset *, const char *from, const char *path);
int	gen_section_write(struct gen *, struct buf *);

/* gen-net.c: the network section. */
int	gen_section_network(struct gen *, struct buf *);
void	gen_socks_free(struct sock *, size_t);

#endif
