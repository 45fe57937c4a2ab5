/* SPDX-License-Identifier: ISC */
/* params.h: the one policy struct that every front end fills. */
#ifndef SBPOLICY_PARAMS_H
#define SBPOLICY_PARAMS_H

#include <stdbool.h>
#include <stddef.h>

#include "err.h"

/* Limits on what we accept, so hostile input cannot make us huge or slow. */
#define PARAMS_PATH_MAX		4096	/* bytes in one path or pattern */
#define PARAMS_NAME_MAX		255	/* bytes in one protected name */
#define PARAMS_LIST_MAX		100000	/* entries in one list */

enum fs_mode {
	FS_READ_ONLY,
	FS_WORKSPACE_WRITE,
	FS_FULL_ACCESS,
};

enum net_mode {
	NET_OFF,
	NET_RESTRICTED,
	NET_FULL,
};

enum sock_match {
	MATCH_SUBPATH,
	MATCH_LITERAL,
	MATCH_GLOB,
};

enum sock_access {
	ACCESS_CONNECT_BIND,
	ACCESS_CONNECT,
};

/* A list of owned strings. */
struct strlist {
	char	**v;
	size_t	  n;
	size_t	  cap;
};

struct sock_entry {
	char			*path;	/* absolute, "~/..." or a glob; owned */
	enum sock_match		 match;
	enum sock_access	 access;
};

struct socklist {
	struct sock_entry	*v;
	size_t			 n;
	size_t			 cap;
};

struct portlist {
	unsigned	*v;	/* each 1..65535, in the order given */
	size_t		 n;
	size_t		 cap;
};

/*
 * The whole policy. Paths are stored as the user gave them after expansion
 * of relative command-line paths and lexical clean-up: absolute, or starting
 * with "~/" (expanded against $HOME when the profile is generated). Symlinks
 * are resolved only by the generator, against its context, so a saved params
 * file stays portable.
 */
struct params {
	enum fs_mode	 fs_mode;
	struct strlist	 writable_roots;
	bool		 include_cwd;
	bool		 include_slash_tmp;
	bool		 include_tmpdir;
	struct strlist	 protected_names;
	struct strlist	 deny_read;

	enum net_mode	 net_mode;
	struct portlist	 proxy_ports;
	bool		 allow_local_binding;
	bool		 allow_all_sockets;
	bool		 builtin_denies;	/* the container engines' sockets */
	struct socklist	 sock_allow;
	struct socklist	 sock_deny;
};

/* The defaults: read-only, network restricted (closed until something is
 * allowed), every include_* on, protected names [".git"], the built-in
 * denies of the container engines' sockets on. */
void	params_init(struct params *);
void	params_clear(struct params *);	/* frees everything; safe twice */
void	params_copy(struct params *dst, const struct params *src); /* dst uninitialised */
bool	params_equal(const struct params *, const struct params *);

/* Names <-> enums; the _from_name functions return -1 for unknown names. */
const char	*fs_mode_name(enum fs_mode);
int		 fs_mode_from_name(const char *);	/* accepts danger-full-access */
const char	*net_mode_name(enum net_mode);
int		 net_mode_from_name(const char *);
const char	*sock_match_name(enum sock_match);
int		 sock_match_from_name(const char *);
const char	*sock_access_name(enum sock_access);
int		 sock_access_from_name(const char *);

/*
 * Validation of single values, shared by the CLI, the JSON loader and the TUI.
 * `what` names the value in the message ("network.unix_sockets.allow[2]",
 * "--allow-unix-socket"). Each returns 0, or -1 with err set.
 *
 * params_check_path: non-empty, no NUL (len != strlen), at most
 * PARAMS_PATH_MAX bytes, absolute or "~/"-relative. With allow_glob, also a
 * pattern starting with "**". "~user/x" gets its own message ("only "~/" is
 * expanded"), any other relative path "path must be absolute".
 */
int	params_check_path(const char *path, size_t len, bool allow_glob,
	    const char *what, struct sb_error *);
/* params_check_path, then, for a pattern (a deny_read entry, a socket
 * entry whose match is glob), the glob language's own rules (glob_check):
 * a backwards range, '..' after a wildcard and the like. */
int	params_check_pattern(const char *path, size_t len, bool allow_glob,
	    const char *what, struct sb_error *);
int	params_check_port(long long port, const char *what, struct sb_error *);

/*
 * A port typed as text (on the command line, in the TUI): decimal digits,
 * blanks around them allowed. Sets *port and returns 0, or -1 with err set:
 * "what: empty", "what: not a number: TEXT", "what: port must be
 * 1..65535: N".
 */
int	params_parse_port(const char *text, const char *what, unsigned *port,
	    struct sb_error *);
int	params_check_name(const char *name, size_t len, const char *what,
	    struct sb_error *);

/*
 * Turns a command-line path into the stored form: "~/x" and "~" stay as
 * they are, a relative path is joined to `cwd` (absolute), and the result is
 * cleaned lexically ("//", "/./", "/x/.."). allow_glob: path is a pattern in
 * the glob language of glob.h (a deny_read entry), so cwd is joined on
 * escaped, as the text it is. Returns a new string, or NULL with err set
 * when the path fails params_check_path.
 */
char	*params_path_from_cli(const char *path, const char *cwd, bool allow_glob,
	    const char *what, struct sb_error *);

/* The match of a socket entry given as a bare path string (on the command
 * line, in the TUI, as a JSON string): glob when it holds a wildcard. */
enum sock_match params_socket_match(const char *path);

/* A socket path typed on the command line or in the TUI, in its stored
 * form (as params_path_from_cli; a relative glob is joined onto the
 * escaped cwd) with its match in *match. New string, or NULL with err. */
char	*params_socket_from_cli(const char *path, const char *cwd,
	    enum sock_match *match, const char *what, struct sb_error *);

/* Setters copy their arguments. Lists append; duplicates are kept here and
 * de-duplicated by the generator after canonicalisation. */
void	strlist_add(struct strlist *, const char *);
void	strlist_remove(struct strlist *, size_t);
void	strlist_clear(struct strlist *);
void	socklist_add(struct socklist *, const char *path, enum sock_match,
	    enum sock_access);
void	socklist_remove(struct socklist *, size_t);
void	socklist_clear(struct socklist *);
void	portlist_add(struct portlist *, unsigned);
void	portlist_remove(struct portlist *, size_t);
void	portlist_clear(struct portlist *);

#endif
