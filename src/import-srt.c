/* SPDX-License-Identifier: ISC */
/*
 * import-srt.c: a sandbox-runtime (srt) settings file -> struct params,
 * with a warning for what sbpolicy cannot say.
 *
 * The schema is that of @anthropic-ai/sandbox-runtime 0.0.83, the current
 * release on npm: SandboxRuntimeConfigSchema in dist/sandbox/
 * sandbox-config.js, every key of it in the tables below. What a setting
 * does is taken from the same release's macOS backend
 * (dist/sandbox/macos-sandbox-utils.js: generateSandboxProfile,
 * generateWriteRules), its path and glob rules (dist/sandbox/
 * sandbox-utils.js: normalizePathForSandbox, expandTilde,
 * containsGlobChars, removeTrailingGlobSuffix, getDefaultWritePaths;
 * dist/sandbox/glob-pattern.js: parseGlob) and its README. srt's file is
 * ~/.srt-settings.json, or `srt --settings FILE`.
 *
 * The mapping (README.md, "Importing an srt settings file", says it for
 * users):
 *   filesystem.disabled true      mode full-access; the lists are ignored,
 *                                 as srt ignores them
 *   (otherwise)                   mode workspace-write; include_cwd,
 *                                 include_slash_tmp and include_tmpdir off:
 *                                 srt writes only where allowWrite says, and
 *                                 where getDefaultWritePaths does, which are
 *                                 writable_roots after the listed ones:
 *                                 /tmp/claude (srt's TMPDIR), ~/.npm/_logs and
 *                                 ~/.claude/debug (the two left out when a
 *                                 read-deny covers them, as srt leaves them)
 *   filesystem.allowWrite         "." (any relative path that is the cwd)
 *                                 -> include_cwd, "/tmp" -> include_slash_tmp,
 *                                 else writable_roots; a last "**" component
 *                                 goes, as srt strips it; a spelling whose
 *                                 brackets spell no set is the path it
 *                                 spells; any other pattern: warned, not
 *                                 writable
 *   filesystem.denyWrite          at or above a root: the root goes; a name
 *                                 directly inside a root: protected_names;
 *                                 deeper, or a pattern: warned (stays
 *                                 writable); in no root: warned (nothing
 *                                 to deny, nothing carried over)
 *   filesystem.denyRead           deny_read, in srt's glob syntax read into
 *                                 ours (brackets that spell no set are text);
 *                                 a relative entry is fixed to the cwd and
 *                                 warned: a params file holds no relative
 *                                 path; {"path", "literal"} escaped
 *   credentials.files[].path      deny_read (macOS degrades "mask" to "deny")
 *   filesystem.allowRead          warned when denyRead has entries: deny_read
 *                                 cannot be re-opened
 *   filesystem.allowGitConfig     warned: .git is protected whole
 *   srt's mandatory denies        protected_names (srt_protected below)
 *   network.allowUnixSockets      unix_sockets.allow, subpath, connect-bind
 *                                 (srt matches them as paths, never globs)
 *   network.allowAllUnixSockets   unix_sockets.allow_all
 *   (either of the two)           builtin_denies off: srt has none
 *   network.allowLocalBinding     allow_local_binding
 *   network.httpProxyPort,
 *   network.socksProxyPort        proxy_ports
 *   network.allowedDomains,
 *   deniedDomains                 warned: srt filters domains in its own
 *                                 proxy; sbpolicy filters none. network.mode
 *                                 is restricted, as srt's always is
 *   the proxy's features, mach
 *   lookups, credentials.envVars,
 *   allowAppleEvents              warned when set (the tables' warn)
 *   Linux and Windows settings,
 *   reporting, allowPty, ...      ignored: no macOS profile rule follows
 *                                 from them (the tables say why)
 * Every value is checked as srt's schema checks it, the ignored ones too:
 * a wrong type, a value out of range or not among those allowed, an
 * empty path, an unknown key where srt refuses one (credentials, its
 * awsPairs and sigv4), and the cross-checks of credentials are errors, as
 * srt refuses the file; srt's checks of domain patterns, URLs, address
 * ranges and regexes are not repeated. Other unknown keys are warnings
 * (srt strips them and runs). Keys srt requires (filesystem.allowWrite,
 * network.allowedDomains, ...) may be left out: they read as srt's
 * defaults, empty lists. A params file (one with "version") is refused.
 *
 * The driver is here, with the readers of credentials and network; srt's
 * schema and the checks of its values are in import-srt-schema.c, srt's
 * globs in import-srt-glob.c, paths and the filesystem lists in
 * import-srt-paths.c, and what they share in import-srt-int.h.
 */
#include "config.h"

#include "import-srt.h"
#include "import-srt-int.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "fileio.h"
#include "gen.h"
#include "hash.h"
#include "json.h"
#include "params-json.h"
#include "path.h"
#include "strmap.h"
#include "xmalloc.h"

/* The caps of params files: a settings file is no larger. */
#define SRT_FILE_MAX	PARAMS_JSON_FILE_MAX
#define SRT_VALUES_MAX	PARAMS_JSON_VALUES_MAX

/*
 * What srt keeps read-only wherever it lets a command write, as names:
 * DANGEROUS_FILES and getDangerousDirectories() of sandbox-utils.js, with
 * .git/hooks and .git/config. A protected name cannot hold a '/', so
 * ".git" and ".claude" stand for .git/hooks, .git/config, .claude/commands
 * and .claude/agents: the whole directory is kept, which refuses more (a
 * commit too). ".git" comes first, as in sbpolicy's default.
 */
static const char *const srt_protected[] = {
	".git", ".gitconfig", ".gitmodules", ".bashrc", ".bash_profile",
	".zshrc", ".zprofile", ".profile", ".ripgreprc", ".mcp.json",
	".vscode", ".idea", ".claude",
};

/* Member key of obj, checked already (no duplicate), with its place in
 * *index; NULL when it is not there. */
static const cJSON *
member_of(const cJSON *obj, const char *key, size_t *index)
{
	const cJSON *c;
	size_t i;

	for (c = obj->child, i = 0; c != NULL; c = c->next, i++) {
		if (strcmp(c->string, key) == 0) {
			*index = i;
			return c;
		}
	}
	return NULL;
}

/*
 * The cross-checks of srt's schema on an entry of credentials.files or
 * .envVars (checked by its schema already) that its types leave:
 * maskClaims needs decode and is not an empty list; a masked entry's
 * injectHosts is not an empty list.
 */
static int
cred_entry_checks(struct imp *im, const cJSON *v, bool mask)
{
	const cJSON *claims, *inject;
	size_t ic = 0, ii = 0;
	int rc = 0;

	claims = member_of(v, "maskClaims", &ic);
	inject = member_of(v, "injectHosts", &ii);
	if (claims != NULL && member_of(v, "decode", &ic) == NULL) {
		import_srt_push(im, "maskClaims", ic);
		rc = import_srt_fail(im, true, "maskClaims needs decode: it "
		    "names claims inside the decoded value");
		import_srt_pop(im);
	} else if (claims != NULL && claims->child == NULL) {
		import_srt_push(im, "maskClaims", ic);
		rc = import_srt_fail(im, false, "an empty list masks no claim "
		    "(leave it out to mask the whole value)");
		import_srt_pop(im);
	} else if (mask && inject != NULL && inject->child == NULL) {
		import_srt_push(im, "injectHosts", ii);
		rc = import_srt_fail(im, false, "an empty list: the credential "
		    "would be masked and never sent (leave it out for "
		    "network.allowedDomains)");
		import_srt_pop(im);
	}
	return rc;
}

/* One entry of credentials.files: its path is read-denied, as srt's
 * macOS backend denies it (a "mask" there degrades to "deny"). */
static int
read_cred_file(struct imp *im, const cJSON *v, bool *mask)
{
	const cJSON *c;
	char show[SB_SHOW_MAX];
	const char *path;
	size_t at;
	int rc;

	if (import_srt_sk_value(im, v, &import_srt_sk_cred_file) == -1)
		return -1;
	*mask = strcmp(member_of(v, "mode", &at)->valuestring, "mask") == 0;
	if (cred_entry_checks(im, v, *mask) == -1)
		return -1;
	c = member_of(v, "path", &at);
	import_srt_push(im, "path", at);
	if (!cJSON_IsString(c))
		rc = import_srt_wrong_type(im, c, "a path string");
	else if (c->valuestring[0] == '\0')
		rc = import_srt_fail(im, false, "path cannot be empty");
	else
		rc = 0;
	path = rc == 0 ? c->valuestring : NULL;
	if (rc == 0 && *mask && path[strlen(path) - 1] == '/')
		rc = import_srt_fail(im, false, "mode \"mask\" masks one file, "
		    "not a directory: use mode \"deny\" for %s, or name the "
		    "file in it", sb_show(show, sizeof show, path));
	/* srt's slash check of a deny pattern is for mode "deny" only. */
	if (rc == 0 && im->fs_apply)
		rc = import_srt_deny_read_add(im, path, false, !*mask);
	import_srt_pop(im);
	return rc;
}

/* The entry of credentials.envVars named var, when it is masked, or
 * NULL; *whole when it is masked whole (no extract, no decode). */
static const cJSON *
masked_var(const cJSON *vars, const char *var, bool *whole)
{
	const cJSON *e, *name, *mode;
	size_t at;

	*whole = false;
	for (e = vars != NULL ? vars->child : NULL; e != NULL; e = e->next) {
		name = member_of(e, "name", &at);
		mode = member_of(e, "mode", &at);
		if (strcmp(name->valuestring, var) != 0)
			continue;
		if (strcmp(mode->valuestring, "mask") != 0)
			return NULL;
		*whole = member_of(e, "extract", &at) == NULL &&
		    member_of(e, "decode", &at) == NULL;
		return e;
	}
	return NULL;
}

/* credentials.awsPairs (checked by its schema already), against envVars
 * (likewise, or NULL): each variable a masked one, masked whole, in one
 * slot only. */
static int
aws_pairs_check(struct imp *im, const cJSON *pairs, const cJSON *vars)
{
	static const char *const slots[] = {
		"accessKeyIdVar", "secretAccessKeyVar", "sessionTokenVar",
	};
	const cJSON *pair, *c;
	struct strmap seen;
	char show[SB_SHOW_MAX];
	size_t i, k, at, len;
	bool whole;
	int added, rc = 0;

	strmap_init(&seen);
	for (pair = pairs->child, i = 0; pair != NULL && rc == 0;
	    pair = pair->next, i++) {
		import_srt_push(im, NULL, i);
		for (k = 0; k < 3 && rc == 0; k++) {
			if ((c = member_of(pair, slots[k], &at)) == NULL)
				continue;
			import_srt_push(im, slots[k], at);
			sb_show(show, sizeof show, c->valuestring);
			len = strlen(c->valuestring);
			(void)strmap_put(&seen, c->valuestring, len,
			    hash_bytes(c->valuestring, len), &added);
			if (!added)
				rc = import_srt_fail(im, false, "%s fills more "
				    "than one slot of awsPairs: each fills one",
				    show);
			else if (masked_var(vars, c->valuestring,
			    &whole) == NULL)
				rc = import_srt_fail(im, false, "%s is no "
				    "entry of credentials.envVars with mode "
				    "\"mask\": a pair links masked variables",
				    show);
			else if (!whole)
				rc = import_srt_fail(im, false, "%s uses "
				    "extract or decode, but a pair member is "
				    "masked whole", show);
			import_srt_pop(im);
		}
		import_srt_pop(im);
	}
	strmap_clear(&seen);
	return rc;
}

static int
read_credentials(struct imp *im, const cJSON *v)
{
	const struct sk *o = &import_srt_sk_root_members[R_CREDENTIALS];
	struct member m[MEMBERS_MAX];
	const cJSON *c, *e, *plain;
	size_t n, i, at;
	bool mask, masked = false;
	int rc = 0;

	if (import_srt_members(im, v, o, m) == -1)
		return -1;
	if (m[C_FILES].node != NULL) {
		c = import_srt_enter(im, o, m, C_FILES);
		if (!cJSON_IsArray(c))
			rc = import_srt_wrong_type(im, c, "an array");
		else
			rc = import_srt_too_many(im, c);
		for (e = c->child, i = 0; rc == 0 && cJSON_IsArray(c) &&
		    e != NULL; e = e->next, i++) {
			import_srt_push(im, NULL, i);
			rc = read_cred_file(im, e, &mask);
			masked = masked || mask;
			import_srt_pop(im);
		}
		import_srt_pop(im);
		if (rc == -1)
			return -1;
	}
	if (m[C_ENV_VARS].node != NULL) {
		c = import_srt_enter(im, o, m, C_ENV_VARS);
		rc = import_srt_sk_value(im, c, &o->sub[C_ENV_VARS]);
		for (e = c->child, i = 0; rc == 0 && e != NULL; e = e->next,
		    i++) {
			mask = strcmp(member_of(e, "mode", &at)->valuestring,
			    "mask") == 0;
			masked = masked || mask;
			import_srt_push(im, NULL, i);
			rc = cred_entry_checks(im, e, mask);
			import_srt_pop(im);
		}
		if (rc == 0 && (n = (size_t)cJSON_GetArraySize(c)) > 0)
			import_srt_warn(im, true, "sbpolicy does not change "
			    "the environment: %zu %s not masked or unset", n,
			    n == 1 ? "variable" : "variables");
		import_srt_pop(im);
		if (rc == -1)
			return -1;
	}
	if (import_srt_sk_rest(im, o, m) == -1)
		return -1;
	if (m[C_AWS_PAIRS].node != NULL) {
		import_srt_enter(im, o, m, C_AWS_PAIRS);
		rc = aws_pairs_check(im, m[C_AWS_PAIRS].node,
		    m[C_ENV_VARS].node);
		import_srt_pop(im);
		if (rc == -1)
			return -1;
	}
	/* srt substitutes a masked value only over TLS it terminates,
	 * unless told otherwise. */
	plain = m[C_PLAINTEXT].node;
	if (masked && (im->network == NULL || member_of(im->network,
	    "tlsTerminate", &at) == NULL) && !cJSON_IsTrue(plain))
		return import_srt_fail(im, false, "credential masking needs "
		    "network.tlsTerminate, or credentials.allowPlaintextInject "
		    "true, as srt requires");
	return 0;
}

/* "localhost:3128 and localhost:1080" for the warnings. */
static char *
ports_text(const struct portlist *l)
{
	struct buf b;
	size_t i;

	buf_init(&b);
	for (i = 0; i < l->n; i++)
		buf_printf(&b, "%slocalhost:%u", i == 0 ? "" : i + 1 == l->n ?
		    " and " : ", ", l->v[i]);
	return buf_take(&b);
}

static int
read_port(struct imp *im, const struct member *m, size_t i)
{
	const struct sk *o = &import_srt_sk_root_members[R_NETWORK];
	unsigned port = 0;
	size_t k;
	int rc;

	if (m[i].node == NULL)
		return 0;
	rc = import_srt_get_port(im, import_srt_enter(im, o, m, i), &port);
	import_srt_pop(im);
	if (rc == -1)
		return -1;
	for (k = 0; k < im->p->proxy_ports.n; k++) {
		if (im->p->proxy_ports.v[k] == port)
			return 0;
	}
	portlist_add(&im->p->proxy_ports, port);
	return 0;
}

static int
read_sockets(struct imp *im, const cJSON *v)
{
	const cJSON *c;
	char *stored;
	size_t i;

	if (import_srt_sk_value(im, v,
	    &import_srt_sk_net_members[N_SOCKETS]) == -1 ||
	    import_srt_too_many(im, v) == -1)
		return -1;
	for (c = v->child, i = 0; c != NULL; c = c->next, i++) {
		import_srt_push(im, NULL, i);
		/* srt allows (subpath PATH) for bind and connect, with the
		 * path as it is, wildcards too. */
		stored = import_srt_stored_path(im, c->valuestring, false);
		import_srt_pop(im);
		if (stored == NULL)
			return -1;
		socklist_add(&im->p->sock_allow, stored, MATCH_SUBPATH,
		    ACCESS_CONNECT_BIND);
		free(stored);
	}
	return 0;
}

/* A boolean network setting at member i into *out. */
static int
read_flag(struct imp *im, const struct member *m, size_t i, bool *out)
{
	int rc;

	if (m[i].node == NULL)
		return 0;
	rc = import_srt_get_bool(im, import_srt_enter(im,
	    &import_srt_sk_root_members[R_NETWORK], m, i), out);
	import_srt_pop(im);
	return rc;
}

/* A list of strings at member i, checked by its schema; *n gets its
 * length (0 when absent). */
static int
read_list(struct imp *im, const struct member *m, size_t i, size_t *n)
{
	const struct sk *o = &import_srt_sk_root_members[R_NETWORK];
	const cJSON *c;
	int rc;

	*n = 0;
	if (m[i].node == NULL)
		return 0;
	c = import_srt_enter(im, o, m, i);
	if ((rc = import_srt_sk_value(im, c, &o->sub[i])) == 0)
		*n = (size_t)cJSON_GetArraySize(c);
	import_srt_pop(im);
	return rc;
}

static int
read_network(struct imp *im, const cJSON *v)
{
	const struct sk *o = &import_srt_sk_root_members[R_NETWORK];
	struct member m[MEMBERS_MAX];
	struct params *p = im->p;
	char *ports;
	size_t nallowed, ndenied, nmach;

	if (import_srt_members(im, v, o, m) == -1)
		return -1;
	if (read_port(im, m, N_HTTP_PORT) == -1 ||
	    read_port(im, m, N_SOCKS_PORT) == -1)
		return -1;
	if (m[N_SOCKETS].node != NULL) {
		if (read_sockets(im, import_srt_enter(im, o, m,
		    N_SOCKETS)) == -1)
			return -1;
		import_srt_pop(im);
	}
	if (read_flag(im, m, N_ALL_SOCKETS, &p->allow_all_sockets) == -1 ||
	    read_flag(im, m, N_LOCAL_BINDING, &p->allow_local_binding) == -1 ||
	    read_list(im, m, N_ALLOWED, &nallowed) == -1 ||
	    read_list(im, m, N_DENIED, &ndenied) == -1 ||
	    read_list(im, m, N_MACH_LOOKUP, &nmach) == -1)
		return -1;
	/* srt has no built-in denies: what it opens is open. */
	if (p->allow_all_sockets || p->sock_allow.n > 0)
		p->builtin_denies = false;
	ports = ports_text(&p->proxy_ports);
	if (nallowed > 0) {
		import_srt_enter(im, o, m, N_ALLOWED);
		if (p->proxy_ports.n > 0)
			import_srt_warn(im, true, "sbpolicy cannot filter "
			    "domains (srt does it in its own proxy): the "
			    "command may connect to %s only, and the proxy "
			    "there must filter them", ports);
		else
			import_srt_warn(im, true, "sbpolicy cannot filter "
			    "domains (srt does it in its own proxy) and no "
			    "proxy port is set (httpProxyPort, "
			    "socksProxyPort): the network stays closed");
		import_srt_pop(im);
	}
	if (ndenied > 0) {
		import_srt_enter(im, o, m, N_DENIED);
		import_srt_warn(im, true, "sbpolicy cannot filter domains (srt "
		    "does it in its own proxy): %zu %s not carried over%s%s%s",
		    ndenied, ndenied == 1 ? "entry" : "entries",
		    p->proxy_ports.n > 0 ? ", the proxy at " : "", ports,
		    p->proxy_ports.n > 0 ? " must refuse them" : "");
		import_srt_pop(im);
	}
	free(ports);
	if (nmach > 0) {
		import_srt_enter(im, o, m, N_MACH_LOOKUP);
		import_srt_warn(im, true, "sbpolicy has no list of extra mach "
		    "services: not carried over, the command cannot look up "
		    "%zu %s", nmach, nmach == 1 ? "service" : "services");
		import_srt_pop(im);
	}
	return import_srt_sk_rest(im, o, m);
}

static int
read_root(struct imp *im, const cJSON *root)
{
	struct member m[MEMBERS_MAX];
	const cJSON *c;
	size_t at;

	/* A params file given by mistake would read as srt's defaults,
	 * with a warning per key. */
	if (cJSON_IsObject(root) && (c = member_of(root, "version",
	    &at)) != NULL) {
		import_srt_push(im, "version", at);
		import_srt_fail(im, true, "this is a params file, not an srt "
		    "settings file (sbpolicy reads it with -p)");
		import_srt_pop(im);
		return -1;
	}
	if (import_srt_members(im, root, &import_srt_sk_root, m) == -1)
		return -1;
	im->network = m[R_NETWORK].node;
	im->fs_at = m[R_FILESYSTEM].index;
	/* filesystem.disabled decides whether credentials.files apply. */
	if (m[R_FILESYSTEM].node != NULL) {
		c = import_srt_enter(im, &import_srt_sk_root, m, R_FILESYSTEM);
		if (import_srt_read_filesystem(im, c) == -1)
			return -1;
		import_srt_pop(im);
	}
	if (m[R_CREDENTIALS].node != NULL) {
		c = import_srt_enter(im, &import_srt_sk_root, m, R_CREDENTIALS);
		if (read_credentials(im, c) == -1)
			return -1;
		import_srt_pop(im);
	}
	if (m[R_NETWORK].node != NULL) {
		c = import_srt_enter(im, &import_srt_sk_root, m, R_NETWORK);
		if (read_network(im, c) == -1)
			return -1;
		import_srt_pop(im);
	}
	if (import_srt_sk_rest(im, &import_srt_sk_root, m) == -1)
		return -1;
	import_srt_filesystem_finish(im);
	return 0;
}

/* The policy an empty settings file stands for (srt's defaults but its
 * own roots, which import_srt_filesystem_finish adds). */
static void
srt_defaults(struct params *p)
{
	size_t i;

	params_init(p);
	p->fs_mode = FS_WORKSPACE_WRITE;
	p->include_cwd = false;
	p->include_slash_tmp = false;
	p->include_tmpdir = false;
	strlist_clear(&p->protected_names);
	for (i = 0; i < sizeof srt_protected / sizeof srt_protected[0]; i++)
		strlist_add(&p->protected_names, srt_protected[i]);
	p->net_mode = NET_RESTRICTED;
}

/* Two srt lists can fill one params list (denyRead and credentials.files
 * both go to deny_read): past what a params file holds, it would not load
 * again. */
static int
lists_fit(const char *name, const struct params *p, struct sb_error *err)
{
	const struct {
		const char	*path;
		size_t		 n;
	} lists[] = {
		{ "filesystem.writable_roots", p->writable_roots.n },
		{ "filesystem.protected_names", p->protected_names.n },
		{ "filesystem.deny_read", p->deny_read.n },
	};
	char show[SB_SHOW_MAX];
	size_t i;

	for (i = 0; i < sizeof lists / sizeof lists[0]; i++) {
		if (lists[i].n <= PARAMS_LIST_MAX)
			continue;
		sb_error_set(err, SB_ELIMIT, "%s: %s would hold %zu entries (at "
		    "most %d)", sb_show_name(show, sizeof show, name),
		    lists[i].path, lists[i].n, PARAMS_LIST_MAX);
		return -1;
	}
	return 0;
}

/* The warnings in the order of the file, and as found where they tie. */
struct sortable {
	struct import_warning	w;
	size_t			seq;
};

static int
warning_cmp(const void *a, const void *b)
{
	const struct sortable *x = a, *y = b;

	if (x->w.line != y->w.line)
		return x->w.line < y->w.line ? -1 : 1;
	if (x->w.col != y->w.col)
		return x->w.col < y->w.col ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static void
warnings_sort(struct import_warnings *w)
{
	struct sortable *s;
	size_t i;

	if (w->n < 2)
		return;
	s = xcalloc(w->n, sizeof *s);
	for (i = 0; i < w->n; i++) {
		s[i].w = w->v[i];
		s[i].seq = i;
	}
	qsort(s, w->n, sizeof *s, warning_cmp);
	for (i = 0; i < w->n; i++)
		w->v[i] = s[i].w;
	free(s);
}

int
import_srt_text(const char *name, const char *text, size_t len,
    const struct import_ctx *ctx, struct params *out,
    struct import_warnings *w, struct sb_error *err)
{
	struct imp im;
	struct json_doc doc;
	struct params tmp;
	struct import_warnings got;
	char show[SB_SHOW_MAX];
	size_t i, n;
	int rc;

	import_warnings_clear(w);
	if (len > SRT_FILE_MAX) {
		sb_error_set(err, SB_ELIMIT, "%s: larger than %zu bytes",
		    sb_show_name(show, sizeof show, name),
		    (size_t)SRT_FILE_MAX);
		return -1;
	}
	if (ctx->cwd == NULL || ctx->cwd[0] != '/') {
		sb_error_set(err, SB_EINVAL, "%s: no absolute directory to "
		    "resolve relative paths against", sb_show_name(show,
		    sizeof show, name));
		return -1;
	}
	if (json_doc_parse(&doc, name, text, len, SRT_VALUES_MAX, err) == -1)
		return -1;
	memset(&got, 0, sizeof got);
	memset(&im, 0, sizeof im);
	im.doc = &doc;
	im.ctx = ctx;
	im.cwd = path_clean(ctx->cwd);
	im.w = &got;
	im.err = err;
	im.fs_apply = true;
	json_path_init(&im.path);
	strmap_init(&im.seen_roots);
	strmap_init(&im.seen_denies);
	strmap_init(&im.seen_names);
	strmap_init(&im.root_dirs);
	srt_defaults(&tmp);
	for (i = 0; i < tmp.protected_names.n; i++) {
		n = strlen(tmp.protected_names.v[i]);
		(void)strmap_put(&im.seen_names, tmp.protected_names.v[i], n,
		    hash_bytes(tmp.protected_names.v[i], n), NULL);
	}
	im.p = &tmp;
	if ((rc = read_root(&im, doc.root)) == 0)
		rc = lists_fit(name, &tmp, err);
	if (rc == 0) {
		warnings_sort(&got);
		/* Last, at the top: after the sort, and past the cap. */
		if (im.unlisted > 0) {
			json_path_clear(&im.path);
			json_path_init(&im.path);
			im.summing_up = true;
			import_srt_warn(&im, false,
			    "%zu more warnings not listed", im.unlisted);
		}
		params_clear(out);
		*out = tmp;
		params_init(&tmp);
		*w = got;
		memset(&got, 0, sizeof got);
	}
	strmap_clear(&im.seen_roots);
	strmap_clear(&im.seen_denies);
	strmap_clear(&im.seen_names);
	strmap_clear(&im.root_dirs);
	for (i = 0; i < im.nroot_paths; i++)
		free(im.root_paths[i]);
	free(im.root_paths);
	for (i = 0; i < im.ndw; i++) {
		free(im.dw[i].path);
		free(im.dw[i].dir);
	}
	free(im.dw);
	for (i = 0; i < im.ndr; i++) {
		free(im.dr[i].stored);
		free(im.dr[i].at);
	}
	free(im.dr);
	params_clear(&tmp);
	import_warnings_clear(&got);
	json_path_clear(&im.path);
	free(im.cwd);
	json_doc_clear(&doc);
	return rc;
}

int
import_srt_file(const char *file, const struct import_ctx *ctx,
    struct params *out, struct import_warnings *w, struct sb_error *err)
{
	char *text;
	size_t len;
	int rc;

	import_warnings_clear(w);
	if ((text = file_read(file, SRT_FILE_MAX, &len, err)) == NULL)
		return -1;
	rc = import_srt_text(file, text, len, ctx, out, w, err);
	free(text);
	return rc;
}

int
import_srt_check(const char *name, const struct params *p,
    const struct gen_ctx *ctx, struct sb_error *err)
{
	struct params again;
	struct gen_result r;
	struct sb_error e;
	char show[SB_SHOW_MAX], *text;
	int rc = -1;

	sb_error_init(&e);
	params_init(&again);
	/* What generate -p reads: the file, then the profile. */
	if ((text = params_json_dump(p, &e)) != NULL &&
	    params_json_load_text("the params file", text, strlen(text),
	    &again, &e) == 0 && gen_render(&again, ctx, &r, &e) == 0) {
		gen_result_clear(&r);
		rc = 0;
	}
	if (rc == -1)
		sb_error_set(err, e.code == SB_OK ? SB_EINVAL : e.code,
		    "%s: the params file it converts to would not generate "
		    "a profile: %s", sb_show_name(show, sizeof show, name),
		    e.msg);
	free(text);
	params_clear(&again);
	return rc;
}

bool
import_srt_detect(const char *text, size_t len)
{
	struct json_doc doc;
	const cJSON *c, *k;
	const struct sk *keys;
	bool srt = false, version = false;
	size_t i;

	if (len > SRT_FILE_MAX || json_doc_parse(&doc, "", text, len,
	    SRT_VALUES_MAX, NULL) == -1)
		return false;
	for (c = cJSON_IsObject(doc.root) ? doc.root->child : NULL;
	    c != NULL; c = c->next) {
		if (strcmp(c->string, "version") == 0) {
			version = true;
			continue;
		}
		i = import_srt_key_index(import_srt_sk_root_members, c->string);
		if (import_srt_sk_root_members[i].key == NULL)
			continue;
		/* A params file has "filesystem" and "network" too: there,
		 * a key of srt's own inside them says it. */
		if (i != R_FILESYSTEM && i != R_NETWORK) {
			srt = true;
			continue;
		}
		keys = import_srt_sk_root_members[i].sub;
		for (k = cJSON_IsObject(c) ? c->child : NULL; k != NULL;
		    k = k->next) {
			if (keys[import_srt_key_index(keys,
			    k->string)].key != NULL)
				srt = true;
		}
	}
	json_doc_clear(&doc);
	return srt && !version;
}

bool
import_srt_detect_file(const char *path)
{
	struct sb_error err;
	char *text;
	size_t len;
	bool srt;

	sb_error_init(&err);
	if ((text = file_read(path, SRT_FILE_MAX, &len, &err)) == NULL)
		return false;
	srt = import_srt_detect(text, len);
	free(text);
	return srt;
}
