/* SPDX-License-Identifier: ISC */
/*
 * import-srt-int.h: what the importer's files share: srt's schema, the
 * work state of one import and its helpers. Not part of the importer's
 * interface (import-srt.h); only src/import-srt*.c see it, and with it
 * cJSON.
 */
#ifndef SBPOLICY_IMPORT_SRT_INT_H
#define SBPOLICY_IMPORT_SRT_INT_H

#include <stdbool.h>
#include <stddef.h>

#ifdef HAVE_CJSON_CJSON_H
#include <cjson/cJSON.h>
#else
#include <cJSON.h>
#endif

#include "err.h"
#include "import-srt.h"
#include "json.h"
#include "params.h"
#include "strmap.h"

/* --- srt's schema (its tables are in import-srt-schema.c) --------------- */

/* What a value of srt's schema is. */
enum sk_kind {
	SK_BOOL,
	SK_STRING,	/* of length min..max when max > 0 (UTF-16 units) */
	SK_INT,		/* a number that is an integer, min..max */
	SK_ENUM,	/* one of the strings values */
	SK_ARRAY,	/* of elements sub[0] */
	SK_RECORD,	/* an object of any keys, each value sub[0] */
	SK_OBJECT,	/* of the members sub (to a NULL key) */
	SK_PORT_RANGE,	/* [low, high], 1 <= low <= high <= 65535, at most
			 * 64 apart: windows.proxyPortRange */
	SK_FUNCTION,	/* a callback of srt's library: no JSON value */
};

#define SK_OWN		0x001	/* read below, by its own code */
#define SK_REQUIRED	0x002	/* a member srt requires */
#define SK_STRICT	0x004	/* an object: srt refuses other keys */
#define SK_NONEMPTY	0x008	/* a string or an array: not empty */
#define SK_ABSOLUTE	0x010	/* a string: an absolute path */
#define SK_ENV_NAME	0x020	/* a string: a POSIX variable name */
#define SK_UUID		0x040	/* a string: 8-4-4-4-12 hex */
#define SK_MACH_NAME	0x080	/* a string: '*' only at its end */
#define SK_PRESENT	0x100	/* warn when there, even empty */
#define SK_CERT_PAIR	0x200	/* caCertPath and caKeyPath both or
				 * neither */

struct sk {
	const char		*key;	/* a member; NULL ends a list */
	enum sk_kind		 kind;
	unsigned		 flags;
	double			 min;	/* SK_INT, SK_STRING */
	double			 max;
	const char *const	*values;	/* SK_ENUM, to a NULL */
	const struct sk		*sub;
	/* What differs when it is set (not false, 0, "", [], {}, unless
	 * SK_PRESENT), the rest of a warning; NULL when it is ignored or
	 * read by its own code. */
	const char		*warn;
};

/* The places of the members of the tables that the readers take by name:
 * credentials, network, filesystem and the top level. */
enum { C_FILES, C_ENV_VARS, C_PLAINTEXT, C_AWS_PAIRS, C_SIGV4 };
enum {
	N_ALLOWED, N_DENIED, N_DENIED_REASONS, N_STRICT, N_DENIED_ADDRESSES,
	N_SOCKETS, N_ALL_SOCKETS, N_LOCAL_BINDING, N_MACH_LOOKUP, N_HTTP_PORT,
	N_SOCKS_PORT, N_MITM, N_FILTER, N_PLAINTEXT_SET, N_STRIP_HEADERS,
	N_OPAQUE, N_HOST_MATCH, N_TARGET, N_TLS, N_PARENT,
};
enum {
	F_DISABLED, F_DENY_READ, F_ALLOW_READ, F_ALLOW_WRITE, F_DENY_WRITE,
	F_ALLOW_GIT_CONFIG,
};
enum { R_NETWORK, R_FILESYSTEM, R_CREDENTIALS };

/* credentials.files[], network, the top level's members and itself. */
extern const struct sk	import_srt_sk_cred_file;
extern const struct sk	import_srt_sk_net_members[];
extern const struct sk	import_srt_sk_root_members[];
extern const struct sk	import_srt_sk_root;

/* The most keys one of the objects above has. */
#define MEMBERS_MAX	24

/* The most bytes of a value shown in a message. */
#define VALUE_SHOW_MAX	48

/* An entry of filesystem.denyWrite, for deny_write_apply. */
struct deny_write {
	char		*path;	/* compare_form; NULL for a pattern */
	char		*dir;	/* a pattern's literal directory, the same */
	const char	*text;	/* as the file says it (borrowed) */
};

/* A deny_read entry added, for deny_read_roots once the roots are final. */
struct deny_read {
	char		*stored;
	const char	*text;	/* as the file says it (borrowed) */
	struct json_seg	*at;	/* where (keys borrowed) */
	size_t		 nat;
};

/* A key of an object, where it was found. */
struct member {
	const cJSON	*node;
	size_t		 index;
};

struct imp {
	const struct json_doc	*doc;
	struct json_path	 path;
	const struct import_ctx	*ctx;
	char			*cwd;	/* ctx->cwd, cleaned */
	struct params		*p;
	struct import_warnings	*w;
	struct sb_error		*err;
	bool			 fs_apply;	/* filesystem rules hold (not
						 * filesystem.disabled) */
	const cJSON		*network;	/* the member, or NULL */
	size_t			 fs_at;		/* filesystem's index */
	size_t			 dw_at;		/* denyWrite's in it */
	size_t			 deny_reads;	/* its denyRead entries */
	/* What the lists hold already: a file may repeat an entry a
	 * hundred thousand times. Keys are the lists' own strings. */
	struct strmap		 seen_roots;	/* until denyWrite removes */
	struct strmap		 seen_denies;
	struct strmap		 seen_names;
	struct deny_write	*dw;	/* filesystem.denyWrite, in order */
	size_t			 ndw;
	size_t			 dwcap;
	struct deny_read	*dr;	/* deny_read entries, in order */
	size_t			 ndr;
	size_t			 drcap;
	struct strmap		 root_dirs;	/* dirs_build, of the roots */
	char			**root_paths;
	size_t			 nroot_paths;
	size_t			 unlisted;	/* warnings past WARNINGS_MAX */
	bool			 summing_up;	/* the one about them */
};

/* import-srt-schema.c: warnings and errors at im->path, and values
 * checked as srt's schema has them. */
void	import_srt_warn(struct imp *, bool, const char *, ...)
	    __attribute__((format(printf, 3, 4)));
int	import_srt_fail(struct imp *, bool, const char *, ...)
	    __attribute__((format(printf, 3, 4)));
void	import_srt_push(struct imp *, const char *key, size_t index);
void	import_srt_pop(struct imp *);
const char *import_srt_value_text(struct imp *, char *out, size_t size);
int	import_srt_wrong_type(struct imp *, const cJSON *,
	    const char *expected);
size_t	import_srt_key_index(const struct sk *keys, const char *key);
int	import_srt_members(struct imp *, const cJSON *obj, const struct sk *o,
	    struct member m[MEMBERS_MAX]);
const cJSON *import_srt_enter(struct imp *, const struct sk *o,
	    const struct member *m, size_t i);
int	import_srt_sk_value(struct imp *, const cJSON *, const struct sk *);
int	import_srt_sk_rest(struct imp *, const struct sk *o,
	    const struct member *m);
int	import_srt_get_bool(struct imp *, const cJSON *, bool *out);
int	import_srt_get_port(struct imp *, const cJSON *, unsigned *out);
int	import_srt_too_many(struct imp *, const cJSON *);

/* import-srt-glob.c: srt's globs. */
bool	import_srt_is_glob(const char *);
char	*import_srt_trim_any(const char *);
char	*import_srt_glob(const char *s, bool *wild, char **why);
bool	import_srt_glob_reads(const char *s, const char *what,
	    struct sb_error *);
int	import_srt_deny_glob_check(struct imp *, const char *s, bool literal);
bool	import_srt_plain(const char *s, bool literal, char **plain);

/* import-srt-paths.c: paths, and the filesystem lists. */
char	*import_srt_stored_path(struct imp *, const char *s, bool pattern);
int	import_srt_deny_read_add(struct imp *, const char *s, bool literal,
	    bool slash_check);
int	import_srt_read_filesystem(struct imp *, const cJSON *);
void	import_srt_filesystem_finish(struct imp *);

#endif
