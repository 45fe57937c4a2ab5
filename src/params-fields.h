/* SPDX-License-Identifier: ISC */
/* params-fields.h: the one table of the params file's keys: where each
 * lives in the JSON, its type, and the member of struct params it fills.
 * The loader, the writer, the generator's warnings and the test against
 * data/params.schema.json all read it; it knows nothing of cJSON. */
#ifndef SBPOLICY_PARAMS_FIELDS_H
#define SBPOLICY_PARAMS_FIELDS_H

#include <stdbool.h>
#include <stddef.h>

/*
 * Every key, in the order of a saved file (which is also the order of the
 * "known: ..." list of an unknown key). The children of one object are
 * consecutive, from its `first` to its `last`.
 */
enum params_field_id {
	PF_ROOT,		/* the whole file */
	PF_VERSION,
	PF_FILESYSTEM,
	PF_NETWORK,
	PF_FS_MODE,
	PF_WRITABLE_ROOTS,
	PF_INCLUDE_CWD,
	PF_INCLUDE_SLASH_TMP,
	PF_INCLUDE_TMPDIR,
	PF_PROTECTED_NAMES,
	PF_DENY_READ,
	PF_NET_MODE,
	PF_PROXY_PORTS,
	PF_ALLOW_LOCAL_BINDING,
	PF_UNIX_SOCKETS,
	PF_ALLOW_ALL,
	PF_SOCK_ALLOW,
	PF_SOCK_DENY,
	PF_BUILTIN_DENIES,
	PF_SOCKET,		/* an entry of allow or deny, as an object */
	PF_SOCKET_PATH,
	PF_SOCKET_MATCH,
	PF_SOCKET_ACCESS,
	PF_NFIELDS
};

/* What a field holds on the C side; its JSON type follows from it. */
enum params_kind {
	PARAMS_K_OBJECT,	/* no member of its own: its children are */
	PARAMS_K_VERSION,	/* no member: the number 1 */
	PARAMS_K_BOOL,		/* bool */
	PARAMS_K_FS_MODE,	/* enum fs_mode, by its name */
	PARAMS_K_NET_MODE,	/* enum net_mode */
	PARAMS_K_MATCH,		/* enum sock_match */
	PARAMS_K_ACCESS,	/* enum sock_access */
	PARAMS_K_PATH,		/* char *, a path */
	PARAMS_K_PATHS,		/* struct strlist of paths */
	PARAMS_K_PATTERNS,	/* struct strlist of paths and globs */
	PARAMS_K_NAMES,		/* struct strlist of file names */
	PARAMS_K_PORTS,		/* struct portlist */
	PARAMS_K_SOCKETS,	/* struct socklist: path strings or PF_SOCKET */
};

/* JSON types, as JSON Schema names them (params_type_name). */
enum params_type {
	PARAMS_T_BOOLEAN,
	PARAMS_T_INTEGER,
	PARAMS_T_STRING,
	PARAMS_T_ARRAY,
	PARAMS_T_OBJECT,
};

#define PARAMS_FIELD_PATH_MAX	48

struct params_field {
	/*
	 * The JSON path, "network.unix_sockets.allow"; its last component,
	 * from offset `key`, is the member name. An array, not a pointer, so
	 * that a static table elsewhere (gen.c's where_names) can point into
	 * it. PF_ROOT's is "", and the fields of PF_SOCKET are relative to the
	 * entry: "[].path".
	 */
	char			 path[PARAMS_FIELD_PATH_MAX];
	unsigned char		 key;	/* where the key starts in path */
	enum params_kind	 kind;
	/* Of the member in struct params; in struct sock_entry for the
	 * children of PF_SOCKET; 0 for objects and the version. */
	size_t			 offset;
	bool			 required;	/* absent is an error */
	/* Objects: their children, first to last; PF_ROOT otherwise. */
	enum params_field_id	 first;
	enum params_field_id	 last;
};

/* Indexed by enum params_field_id. */
extern const struct params_field params_fields[PF_NFIELDS];

/* The member name of a field, the last component of its path: inline, as
 * the loader asks it for every member of every socket entry. */
static inline const char *
params_field_key(const struct params_field *f)
{
	return f->path + f->key;
}

enum params_type	 params_field_type(const struct params_field *);
/* "boolean", "integer", "string", "array", "object". */
const char		*params_type_name(enum params_type);

#endif
