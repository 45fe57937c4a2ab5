/* SPDX-License-Identifier: ISC */
/* params-fields.c: the table of the params file's keys. */
#include "config.h"

#include "params-fields.h"

#include <stddef.h>

#include "params.h"

/* A member of struct params, or of struct sock_entry. */
#define P(m)	offsetof(struct params, m)
#define S(m)	offsetof(struct sock_entry, m)

/*
 * The three shapes of a row: a value, a value that must be present, and an
 * object with its children from first to last. `in` is the path of the
 * object a field is in, with its dot ("network."), so that the key's place
 * in the path is known when compiling.
 */
#define VALUE(in, key, kind, off) \
	{ in key, sizeof in - 1, PARAMS_K_##kind, off, false, PF_ROOT, PF_ROOT }
#define REQUIRED(in, key, kind, off) \
	{ in key, sizeof in - 1, PARAMS_K_##kind, off, true, PF_ROOT, PF_ROOT }
#define OBJECT(in, key, first, last) \
	{ in key, sizeof in - 1, PARAMS_K_OBJECT, 0, false, first, last }

const struct params_field params_fields[PF_NFIELDS] = {
	[PF_ROOT] = OBJECT("", "", PF_VERSION, PF_NETWORK),
	[PF_VERSION] = REQUIRED("", "version", VERSION, 0),
	[PF_FILESYSTEM] = OBJECT("", "filesystem", PF_FS_MODE, PF_DENY_READ),
	[PF_NETWORK] = OBJECT("", "network", PF_NET_MODE, PF_UNIX_SOCKETS),

	[PF_FS_MODE] = VALUE("filesystem.", "mode", FS_MODE, P(fs_mode)),
	[PF_WRITABLE_ROOTS] = VALUE("filesystem.", "writable_roots", PATHS,
	    P(writable_roots)),
	[PF_INCLUDE_CWD] = VALUE("filesystem.", "include_cwd", BOOL,
	    P(include_cwd)),
	[PF_INCLUDE_SLASH_TMP] = VALUE("filesystem.", "include_slash_tmp",
	    BOOL, P(include_slash_tmp)),
	[PF_INCLUDE_TMPDIR] = VALUE("filesystem.", "include_tmpdir", BOOL,
	    P(include_tmpdir)),
	[PF_PROTECTED_NAMES] = VALUE("filesystem.", "protected_names", NAMES,
	    P(protected_names)),
	[PF_DENY_READ] = VALUE("filesystem.", "deny_read", PATTERNS,
	    P(deny_read)),

	[PF_NET_MODE] = VALUE("network.", "mode", NET_MODE, P(net_mode)),
	[PF_PROXY_PORTS] = VALUE("network.", "proxy_ports", PORTS,
	    P(proxy_ports)),
	[PF_ALLOW_LOCAL_BINDING] = VALUE("network.", "allow_local_binding",
	    BOOL, P(allow_local_binding)),
	[PF_UNIX_SOCKETS] = OBJECT("network.", "unix_sockets", PF_ALLOW_ALL,
	    PF_BUILTIN_DENIES),

	[PF_ALLOW_ALL] = VALUE("network.unix_sockets.", "allow_all", BOOL,
	    P(allow_all_sockets)),
	[PF_SOCK_ALLOW] = VALUE("network.unix_sockets.", "allow", SOCKETS,
	    P(sock_allow)),
	[PF_SOCK_DENY] = VALUE("network.unix_sockets.", "deny", SOCKETS,
	    P(sock_deny)),
	[PF_BUILTIN_DENIES] = VALUE("network.unix_sockets.", "builtin_denies",
	    BOOL, P(builtin_denies)),

	/* Not a key: what an entry of allow or deny holds as an object. */
	[PF_SOCKET] = OBJECT("", "[]", PF_SOCKET_PATH, PF_SOCKET_ACCESS),
	[PF_SOCKET_PATH] = REQUIRED("[].", "path", PATH, S(path)),
	[PF_SOCKET_MATCH] = VALUE("[].", "match", MATCH, S(match)),
	[PF_SOCKET_ACCESS] = VALUE("[].", "access", ACCESS, S(access)),
};

enum params_type
params_field_type(const struct params_field *f)
{
	switch (f->kind) {
	case PARAMS_K_OBJECT:
		return PARAMS_T_OBJECT;
	case PARAMS_K_VERSION:
		return PARAMS_T_INTEGER;
	case PARAMS_K_BOOL:
		return PARAMS_T_BOOLEAN;
	case PARAMS_K_FS_MODE:
	case PARAMS_K_NET_MODE:
	case PARAMS_K_MATCH:
	case PARAMS_K_ACCESS:
	case PARAMS_K_PATH:
		return PARAMS_T_STRING;
	case PARAMS_K_PATHS:
	case PARAMS_K_PATTERNS:
	case PARAMS_K_NAMES:
	case PARAMS_K_PORTS:
	case PARAMS_K_SOCKETS:
		break;
	}
	return PARAMS_T_ARRAY;
}

const char *
params_type_name(enum params_type t)
{
	static const char *const names[] = {
		[PARAMS_T_BOOLEAN] = "boolean",
		[PARAMS_T_INTEGER] = "integer",
		[PARAMS_T_STRING] = "string",
		[PARAMS_T_ARRAY] = "array",
		[PARAMS_T_OBJECT] = "object",
	};

	return names[t];
}
