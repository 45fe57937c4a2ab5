/* SPDX-License-Identifier: ISC */
/* params.c: the policy struct: defaults, names, validation, lists. */
#include "config.h"

#include "params.h"

#include <stdlib.h>
#include <string.h>

#include "glob.h"
#include "path.h"
#include "xmalloc.h"

static const char *const fs_mode_names[] = {
	"read-only", "workspace-write", "full-access"
};
static const char *const net_mode_names[] = { "off", "restricted", "full" };
static const char *const sock_match_names[] = { "subpath", "literal", "glob" };
static const char *const sock_access_names[] = { "connect-bind", "connect" };

#define NITEMS(a) (sizeof (a) / sizeof (a)[0])

static int
name_lookup(const char *const names[], size_t n, const char *name)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (strcmp(names[i], name) == 0)
			return (int)i;
	}
	return -1;
}

const char *
fs_mode_name(enum fs_mode m)
{
	return fs_mode_names[m];
}

int
fs_mode_from_name(const char *name)
{
	if (strcmp(name, "danger-full-access") == 0)
		return FS_FULL_ACCESS;
	return name_lookup(fs_mode_names, NITEMS(fs_mode_names), name);
}

const char *
net_mode_name(enum net_mode m)
{
	return net_mode_names[m];
}

int
net_mode_from_name(const char *name)
{
	return name_lookup(net_mode_names, NITEMS(net_mode_names), name);
}

const char *
sock_match_name(enum sock_match m)
{
	return sock_match_names[m];
}

int
sock_match_from_name(const char *name)
{
	return name_lookup(sock_match_names, NITEMS(sock_match_names), name);
}

const char *
sock_access_name(enum sock_access a)
{
	return sock_access_names[a];
}

int
sock_access_from_name(const char *name)
{
	return name_lookup(sock_access_names, NITEMS(sock_access_names), name);
}

void
params_init(struct params *p)
{
	memset(p, 0, sizeof *p);
	p->fs_mode = FS_READ_ONLY;
	p->include_cwd = true;
	p->include_slash_tmp = true;
	p->include_tmpdir = true;
	strlist_add(&p->protected_names, ".git");
	p->net_mode = NET_RESTRICTED;
	p->builtin_denies = true;
}

void
params_clear(struct params *p)
{
	strlist_clear(&p->writable_roots);
	strlist_clear(&p->protected_names);
	strlist_clear(&p->deny_read);
	portlist_clear(&p->proxy_ports);
	socklist_clear(&p->sock_allow);
	socklist_clear(&p->sock_deny);
}

static void
strlist_copy(struct strlist *dst, const struct strlist *src)
{
	size_t i;

	memset(dst, 0, sizeof *dst);
	for (i = 0; i < src->n; i++)
		strlist_add(dst, src->v[i]);
}

static void
socklist_copy(struct socklist *dst, const struct socklist *src)
{
	size_t i;

	memset(dst, 0, sizeof *dst);
	for (i = 0; i < src->n; i++) {
		socklist_add(dst, src->v[i].path, src->v[i].match,
		    src->v[i].access);
	}
}

void
params_copy(struct params *dst, const struct params *src)
{
	size_t i;

	*dst = *src;
	strlist_copy(&dst->writable_roots, &src->writable_roots);
	strlist_copy(&dst->protected_names, &src->protected_names);
	strlist_copy(&dst->deny_read, &src->deny_read);
	socklist_copy(&dst->sock_allow, &src->sock_allow);
	socklist_copy(&dst->sock_deny, &src->sock_deny);
	memset(&dst->proxy_ports, 0, sizeof dst->proxy_ports);
	for (i = 0; i < src->proxy_ports.n; i++)
		portlist_add(&dst->proxy_ports, src->proxy_ports.v[i]);
}

static bool
strlist_equal(const struct strlist *a, const struct strlist *b)
{
	size_t i;

	if (a->n != b->n)
		return false;
	for (i = 0; i < a->n; i++) {
		if (strcmp(a->v[i], b->v[i]) != 0)
			return false;
	}
	return true;
}

static bool
socklist_equal(const struct socklist *a, const struct socklist *b)
{
	size_t i;

	if (a->n != b->n)
		return false;
	for (i = 0; i < a->n; i++) {
		if (strcmp(a->v[i].path, b->v[i].path) != 0 ||
		    a->v[i].match != b->v[i].match ||
		    a->v[i].access != b->v[i].access)
			return false;
	}
	return true;
}

bool
params_equal(const struct params *a, const struct params *b)
{
	return a->fs_mode == b->fs_mode &&
	    a->include_cwd == b->include_cwd &&
	    a->include_slash_tmp == b->include_slash_tmp &&
	    a->include_tmpdir == b->include_tmpdir &&
	    a->net_mode == b->net_mode &&
	    a->allow_local_binding == b->allow_local_binding &&
	    a->builtin_denies == b->builtin_denies &&
	    a->allow_all_sockets == b->allow_all_sockets &&
	    strlist_equal(&a->writable_roots, &b->writable_roots) &&
	    strlist_equal(&a->protected_names, &b->protected_names) &&
	    strlist_equal(&a->deny_read, &b->deny_read) &&
	    socklist_equal(&a->sock_allow, &b->sock_allow) &&
	    socklist_equal(&a->sock_deny, &b->sock_deny) &&
	    a->proxy_ports.n == b->proxy_ports.n &&
	    (a->proxy_ports.n == 0 || memcmp(a->proxy_ports.v,
	    b->proxy_ports.v, a->proxy_ports.n * sizeof *a->proxy_ports.v) == 0);
}

int
params_check_path(const char *path, size_t len, bool allow_glob,
    const char *what, struct sb_error *err)
{
	char show[SB_SHOW_MAX];

	if (len == 0) {
		sb_error_set(err, SB_EINVAL, "%s: path is empty", what);
		return -1;
	}
	if (memchr(path, '\0', len) != NULL) {
		sb_error_set(err, SB_EINVAL, "%s: path contains a NUL byte", what);
		return -1;
	}
	if (len > PARAMS_PATH_MAX) {
		sb_error_set(err, SB_ELIMIT,
		    "%s: path is %zu bytes long (at most %d)", what, len,
		    PARAMS_PATH_MAX);
		return -1;
	}
	if (path[0] == '/' || strcmp(path, "~") == 0 ||
	    strncmp(path, "~/", 2) == 0)
		return 0;
	if (allow_glob && strncmp(path, "**", 2) == 0)
		return 0;
	/* Someone's home directory, which is not looked up. "must be
	 * absolute" would mislead on the command line, where a relative
	 * path is fine. */
	if (path[0] == '~') {
		sb_error_set(err, SB_EINVAL, "%s: only \"~/\" is expanded, "
		    "not \"~user\": %s", what, sb_show(show, sizeof show, path));
		return -1;
	}
	sb_error_set(err, SB_EINVAL, "%s: path must be absolute: %s",
	    what, sb_show(show, sizeof show, path));
	return -1;
}

int
params_check_pattern(const char *path, size_t len, bool allow_glob,
    const char *what, struct sb_error *err)
{
	if (params_check_path(path, len, allow_glob, what, err) == -1)
		return -1;
	return glob_check(path, what, err);
}

int
params_check_port(long long port, const char *what, struct sb_error *err)
{
	if (port < 1 || port > 65535) {
		sb_error_set(err, SB_EINVAL,
		    "%s: port must be 1..65535: %lld", what, port);
		return -1;
	}
	return 0;
}

int
params_check_name(const char *name, size_t len, const char *what,
    struct sb_error *err)
{
	char show[SB_SHOW_MAX];
	size_t i;

	if (len == 0) {
		sb_error_set(err, SB_EINVAL, "%s: name is empty", what);
		return -1;
	}
	if (len > PARAMS_NAME_MAX) {
		sb_error_set(err, SB_ELIMIT,
		    "%s: name is %zu bytes long (at most %d)", what, len,
		    PARAMS_NAME_MAX);
		return -1;
	}
	for (i = 0; i < len; i++) {
		if (name[i] == '/' || name[i] == '\0') {
			sb_error_set(err, SB_EINVAL,
			    "%s: a name cannot contain '/' or NUL: %s",
			    what, sb_show(show, sizeof show, name));
			return -1;
		}
	}
	if (strcmp(name, ".") == 0 || strcmp(name, "..") == 0) {
		sb_error_set(err, SB_EINVAL, "%s: not a name: %s", what,
		    sb_show(show, sizeof show, name));
		return -1;
	}
	/* It would be kept read-only as a file of exactly that name, which
	 * nobody means: say so rather than protect nothing. */
	if (strcspn(name, "*?[") < len) {
		sb_error_set(err, SB_EINVAL, "%s: a protected name is one file "
		    "name, not a pattern: %s (deny-read entries take globs, "
		    "but deny reading too)", what,
		    sb_show(show, sizeof show, name));
		return -1;
	}
	return 0;
}

/* True when path has a ".." component. */
static bool
has_dotdot(const char *path)
{
	const char *p = path;

	while ((p = strstr(p, "..")) != NULL) {
		if ((p == path || p[-1] == '/') && (p[2] == '/' || p[2] == '\0'))
			return true;
		p += 2;
	}
	return false;
}

int
params_parse_port(const char *s, const char *what, unsigned *port,
    struct sb_error *err)
{
	long long v = 0;
	const char *p, *digits, *end;
	char show[SB_SHOW_MAX];
	bool big = false;

	for (p = s; *p == ' '; p++)
		continue;
	if (*p == '\0') {
		sb_error_set(err, SB_EINVAL, "%s: empty", what);
		return -1;
	}
	for (digits = p; *p >= '0' && *p <= '9'; p++) {
		/* Capped, so a long number cannot overflow; the message
		 * then quotes what was typed, not the cap. */
		if (v < 1000000)
			v = v * 10 + (*p - '0');
		else
			big = true;
	}
	end = p;
	while (*p == ' ')
		p++;
	if (*p != '\0' || end == digits) {
		sb_error_set(err, SB_EINVAL, "%s: not a number: %s", what,
		    sb_show(show, sizeof show, s));
		return -1;
	}
	if (big) {
		sb_error_set(err, SB_EINVAL, "%s: port must be 1..65535: %.*s",
		    what, (int)(end - digits), digits);
		return -1;
	}
	if (params_check_port(v, what, err) == -1)
		return -1;
	*port = (unsigned)v;
	return 0;
}

char *
params_path_from_cli(const char *path, const char *cwd, bool allow_glob,
    const char *what, struct sb_error *err)
{
	char *clean, *rest, *dir;

	if (path[0] != '\0' && path[0] != '/' && path[0] != '~' &&
	    !(allow_glob && strncmp(path, "**", 2) == 0)) {
		if (strlen(path) > PARAMS_PATH_MAX) {
			(void)params_check_path(path, strlen(path), allow_glob,
			    what, err);
			return NULL;
		}
		/* Joined onto a pattern, the directory must stay text: a cwd
		 * of /tmp/p[1] is not the bracket expression [1]. */
		dir = allow_glob ? glob_escape(cwd) : xstrdup(cwd);
		clean = path_join(dir, path);
		free(dir);
	} else if (path[0] == '/')
		clean = path_clean(path);
	else if ((strcmp(path, "~") == 0 || strncmp(path, "~/", 2) == 0) &&
	    !has_dotdot(path)) {
		/* "~", "~/" and "~//x/." are the same paths as "~" and "~/x".
		 * With "..", only $HOME can say where it leads: the generator
		 * cleans such a path after expanding it, as it does one from a
		 * params file. */
		rest = path_clean(path + 1);
		if (strcmp(rest, "/") == 0)
			clean = xstrdup("~");
		else
			xasprintf(&clean, "~%s", rest);
		free(rest);
	} else
		clean = xstrdup(path);
	if (params_check_path(clean, strlen(clean), allow_glob, what,
	    err) == -1) {
		free(clean);
		return NULL;
	}
	return clean;
}

enum sock_match
params_socket_match(const char *path)
{
	return glob_is_pattern(path) ? MATCH_GLOB : MATCH_SUBPATH;
}

char *
params_socket_from_cli(const char *path, const char *cwd,
    enum sock_match *match, const char *what, struct sb_error *err)
{
	char *stored, *dir, *joined;

	*match = params_socket_match(path);
	if (*match != MATCH_GLOB || path[0] == '/' || path[0] == '~' ||
	    path[0] == '\0')
		return params_path_from_cli(path, cwd, false, what, err);
	/* A relative glob: the directory it is joined onto stays text. */
	if (strlen(path) > PARAMS_PATH_MAX)
		return params_path_from_cli(path, cwd, false, what, err);
	dir = glob_escape(cwd);
	joined = path_join(dir, path);
	free(dir);
	stored = params_path_from_cli(joined, cwd, false, what, err);
	free(joined);
	return stored;
}

void
strlist_add(struct strlist *l, const char *s)
{
	if (l->n == l->cap) {
		l->cap = l->cap == 0 ? 8 : l->cap * 2;
		l->v = xreallocarray(l->v, l->cap, sizeof *l->v);
	}
	l->v[l->n++] = xstrdup(s);
}

void
strlist_remove(struct strlist *l, size_t i)
{
	free(l->v[i]);
	memmove(&l->v[i], &l->v[i + 1], (l->n - i - 1) * sizeof *l->v);
	l->n--;
}

void
strlist_clear(struct strlist *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	memset(l, 0, sizeof *l);
}

void
socklist_add(struct socklist *l, const char *path, enum sock_match match,
    enum sock_access access)
{
	if (l->n == l->cap) {
		l->cap = l->cap == 0 ? 8 : l->cap * 2;
		l->v = xreallocarray(l->v, l->cap, sizeof *l->v);
	}
	l->v[l->n].path = xstrdup(path);
	l->v[l->n].match = match;
	l->v[l->n].access = access;
	l->n++;
}

void
socklist_remove(struct socklist *l, size_t i)
{
	free(l->v[i].path);
	memmove(&l->v[i], &l->v[i + 1], (l->n - i - 1) * sizeof *l->v);
	l->n--;
}

void
socklist_clear(struct socklist *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->v[i].path);
	free(l->v);
	memset(l, 0, sizeof *l);
}

void
portlist_add(struct portlist *l, unsigned port)
{
	if (l->n == l->cap) {
		l->cap = l->cap == 0 ? 8 : l->cap * 2;
		l->v = xreallocarray(l->v, l->cap, sizeof *l->v);
	}
	l->v[l->n++] = port;
}

void
portlist_remove(struct portlist *l, size_t i)
{
	memmove(&l->v[i], &l->v[i + 1], (l->n - i - 1) * sizeof *l->v);
	l->n--;
}

void
portlist_clear(struct portlist *l)
{
	free(l->v);
	memset(l, 0, sizeof *l);
}
