/* SPDX-License-Identifier: ISC */
/*
 * import-srt.c: a sandbox-runtime (srt) settings file -> struct params,
 * with a warning for what sbpolicy cannot say.
 *
 * The schema is that of @anthropic-ai/sandbox-runtime 0.0.83, the current
 * release on npm: SandboxRuntimeConfigSchema in dist/sandbox/
 * sandbox-config.js (src/sandbox/sandbox-config.ts of
 * github.com/anthropics/sandbox-runtime, whose allowAllDomains is read too).
 * What a setting does is taken from the same release's macOS backend
 * (dist/sandbox/macos-sandbox-utils.js: generateSandboxProfile,
 * generateWriteRules, macGetMandatoryDenyEntries), its path rules
 * (dist/sandbox/sandbox-utils.js: normalizePathForSandbox, expandTilde,
 * containsGlobChars, getDefaultWritePaths, DANGEROUS_FILES) and its
 * README. srt's file is ~/.srt-settings.json, or `srt --settings FILE`.
 *
 * The mapping (README.md, "Importing an srt settings file", says it for
 * users):
 *   filesystem.disabled true      mode full-access; the lists are ignored,
 *                                 as srt ignores them
 *   (otherwise)                   mode workspace-write, include_tmpdir on:
 *                                 srt points TMPDIR at a directory it keeps
 *                                 writable; include_cwd and include_slash_tmp
 *                                 off: srt writes only where allowWrite says
 *   filesystem.allowWrite         "." (any relative path that is the cwd)
 *                                 -> include_cwd, "/tmp" -> include_slash_tmp,
 *                                 else writable_roots; a plain directory and a
 *                                 last "**" component is that directory; any
 *                                 other pattern: warned, not writable
 *   filesystem.denyWrite          at or above a root: the root goes; a name
 *                                 directly inside a root: protected_names;
 *                                 deeper, or a pattern: warned (stays
 *                                 writable); outside every root: nothing
 *   filesystem.denyRead           deny_read (a relative pattern under the
 *                                 cwd; {"path", "literal"} escaped)
 *   credentials.files[].path      deny_read (macOS degrades "mask" to "deny")
 *   filesystem.allowRead          warned: deny_read cannot be re-opened
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
 *   deniedDomains, allowAllDomains warned: srt filters domains in its own
 *                                 proxy; sbpolicy filters none. network.mode
 *                                 is restricted, as srt's always is
 *   proxy features, mach lookups,
 *   credentials.envVars,
 *   allowAppleEvents              warned when set
 *   Linux and Windows settings,
 *   reporting, allowPty, ...      ignored: no macOS profile rule follows
 *                                 from them
 * Relative paths are joined to ctx->cwd, as srt joins them to the directory
 * it runs in. Unknown keys are warnings (srt strips them and runs); wrong
 * types, empty paths and bad ports are errors, as srt refuses the file.
 * Keys srt requires (filesystem.allowWrite, network.allowedDomains, ...)
 * may be left out: they read as srt's defaults, empty lists.
 */
#include "config.h"

#include "import-srt.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#ifdef HAVE_CJSON_CJSON_H
#include <cjson/cJSON.h>
#else
#include <cJSON.h>
#endif

#include "buf.h"
#include "fileio.h"
#include "glob.h"
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

/* The keys of srt's objects, in the schema's order. */
static const char *const root_keys[] = {
	"network", "filesystem", "credentials", "ignoreViolations",
	"enableWeakerNestedSandbox", "allowNestedUserNamespaces",
	"enableWeakerNetworkIsolation", "allowAppleEvents", "ripgrep",
	"mandatoryDenySearchDepth", "allowPty", "seccomp", "bwrapPath",
	"socatPath", "javaAgentJarPath", "windows", "git", NULL,
};
enum {
	R_NETWORK, R_FILESYSTEM, R_CREDENTIALS, R_IGNORE_VIOLATIONS,
	R_NESTED, R_NESTED_NS, R_WEAKER_NET, R_APPLE_EVENTS,
};

static const char *const fs_keys[] = {
	"disabled", "denyRead", "allowRead", "allowWrite", "denyWrite",
	"allowGitConfig", NULL,
};
enum {
	F_DISABLED, F_DENY_READ, F_ALLOW_READ, F_ALLOW_WRITE, F_DENY_WRITE,
	F_ALLOW_GIT_CONFIG,
};

static const char *const net_keys[] = {
	"allowedDomains", "deniedDomains", "deniedDomainReasons",
	"strictAllowlist", "allowAllDomains", "deniedResolvedAddresses",
	"allowUnixSockets", "allowAllUnixSockets", "allowLocalBinding",
	"allowMachLookup", "httpProxyPort", "socksProxyPort", "mitmProxy",
	"filterRequest", "tlsTerminate", "parentProxy", NULL,
};
enum {
	N_ALLOWED, N_DENIED, N_DENIED_REASONS, N_STRICT, N_ALLOW_ALL_DOMAINS,
	N_DENIED_ADDRESSES, N_SOCKETS, N_ALL_SOCKETS, N_LOCAL_BINDING,
	N_MACH_LOOKUP, N_HTTP_PORT, N_SOCKS_PORT, N_MITM, N_FILTER, N_TLS,
	N_PARENT,
};

static const char *const cred_keys[] = {
	"files", "envVars", "allowPlaintextInject", "awsPairs", "sigv4", NULL,
};
enum {
	C_FILES, C_ENV_VARS, C_PLAINTEXT, C_AWS_PAIRS, C_SIGV4,
};

static const char *const cred_file_keys[] = {
	"path", "mode", "extract", "onExtractNoMatch", "decode", "maskClaims",
	"maskDuplicates", "injectHosts", NULL,
};
enum {
	CF_PATH, CF_MODE,
};

/* The most warnings listed: each is located by a walk of the text, and
 * past a hundred more lines tell a reader nothing new. */
#define WARNINGS_MAX	100

/* The most keys one of the objects above has. */
#define MEMBERS_MAX	24

/* An entry of filesystem.denyWrite, for deny_write_apply. */
struct deny_write {
	char	*path;	/* compare_form; NULL for a pattern */
	const char *text; /* as the file says it (borrowed from the tree) */
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
	/* What the lists hold already: a file may repeat an entry a
	 * hundred thousand times. Keys are the lists' own strings. */
	struct strmap		 seen_roots;	/* until denyWrite removes */
	struct strmap		 seen_denies;
	struct strmap		 seen_names;
	struct deny_write	*dw;	/* filesystem.denyWrite, in order */
	size_t			 ndw;
	size_t			 dwcap;
	struct strmap		 root_dirs;	/* root_dirs_build */
	char			**root_paths;
	size_t			 nroot_paths;
	size_t			 unlisted;	/* warnings past WARNINGS_MAX */
	bool			 summing_up;	/* the one about them */
};

static void	warn(struct imp *, bool, const char *, ...)
		    __attribute__((format(printf, 3, 4)));
static int	fail(struct imp *, bool, const char *, ...)
		    __attribute__((format(printf, 3, 4)));

void
import_warnings_clear(struct import_warnings *w)
{
	size_t i;

	for (i = 0; i < w->n; i++) {
		free(w->v[i].path);
		free(w->v[i].text);
		free(w->v[i].msg);
	}
	free(w->v);
	memset(w, 0, sizeof *w);
}

/* A warning about the value (or key) at im->path. */
static void
warn(struct imp *im, bool at_key, const char *fmt, ...)
{
	struct import_warning *x;
	char name[SB_SHOW_MAX];
	va_list ap;

	if (im->w->n >= WARNINGS_MAX && !im->summing_up) {
		im->unlisted++;
		return;
	}
	if (im->w->n == im->w->cap) {
		im->w->cap = im->w->cap == 0 ? 8 : im->w->cap * 2;
		im->w->v = xreallocarray(im->w->v, im->w->cap,
		    sizeof *im->w->v);
	}
	x = &im->w->v[im->w->n++];
	va_start(ap, fmt);
	xvasprintf(&x->text, fmt, ap);
	va_end(ap);
	x->path = json_path_str(&im->path);
	json_line_col(im->doc, json_locate(im->doc, &im->path, at_key),
	    &x->line, &x->col);
	xasprintf(&x->msg, "%s:%zu:%zu: %s: %s", sb_show_name(name,
	    sizeof name, im->doc->name), x->line, x->col, x->path, x->text);
}

/* An error about the value (or key) at im->path. Returns -1. */
static int
fail(struct imp *im, bool at_key, const char *fmt, ...)
{
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	xvasprintf(&msg, fmt, ap);
	va_end(ap);
	json_fail(im->doc, &im->path, at_key, im->err, SB_EINVAL, "%s", msg);
	free(msg);
	return -1;
}

static void
push(struct imp *im, const char *key, size_t index)
{
	json_path_push(&im->path, key, index);
}

static void
pop(struct imp *im)
{
	json_path_pop(&im->path);
}

static const char *
type_name(const cJSON *v)
{
	if (cJSON_IsNull(v))
		return "null";
	if (cJSON_IsBool(v))
		return "a boolean";
	if (cJSON_IsNumber(v))
		return "a number";
	if (cJSON_IsString(v))
		return "a string";
	if (cJSON_IsArray(v))
		return "an array";
	return "an object";
}

static int
wrong_type(struct imp *im, const cJSON *v, const char *expected)
{
	return fail(im, false, "expected %s, got %s", expected, type_name(v));
}

static size_t
key_index(const char *const *keys, const char *key)
{
	size_t i;

	for (i = 0; keys[i] != NULL; i++) {
		if (strcmp(keys[i], key) == 0)
			return i;
	}
	return i;
}

/* The known key that key is a slip of: the same but for case, or one
 * or two letters more or fewer at its end ("allowUnixSocket"). */
static const char *
near_key(const char *const *keys, const char *key)
{
	size_t i, n = strlen(key), k;

	for (i = 0; keys[i] != NULL; i++) {
		k = strlen(keys[i]);
		if (strcasecmp(keys[i], key) == 0 ||
		    (n > 3 && k > 3 && (n > k ? n - k : k - n) <= 2 &&
		    strncasecmp(keys[i], key, n < k ? n : k) == 0))
			return keys[i];
	}
	return NULL;
}

/* What an unknown key of the object at im->path is, most likely. */
static void
unknown_key(struct imp *im, const char *const *keys, const char *key)
{
	struct buf known;
	const char *near;
	size_t i;

	if (im->path.n == 1 && strcmp(key, "sandbox") == 0) {
		warn(im, true, "unknown key, ignored (Claude Code's "
		    "settings.json keeps its sandbox here; this reads srt's "
		    "own settings file, ~/.srt-settings.json)");
		return;
	}
	if (im->path.n == 1 && strcmp(key, "version") == 0) {
		warn(im, true, "unknown key, ignored (a params file? "
		    "sbpolicy reads those with -p)");
		return;
	}
	if ((near = near_key(keys, key)) != NULL) {
		warn(im, true, "unknown key, ignored (did you mean %s?)", near);
		return;
	}
	if (im->path.n == 1) {
		warn(im, true, "unknown key, ignored (not a setting of srt)");
		return;
	}
	buf_init(&known);
	for (i = 0; keys[i] != NULL; i++)
		buf_printf(&known, "%s%s", i > 0 ? ", " : "", keys[i]);
	warn(im, true, "unknown key, ignored (known: %s)", buf_str(&known));
	buf_clear(&known);
}

/*
 * The members of obj among keys (NULL-terminated) into m: an unknown key
 * is a warning, a repeated one an error (JSON.parse would keep the last
 * silently; which one was meant is not known).
 */
static int
members(struct imp *im, const cJSON *obj, const char *const *keys,
    struct member m[MEMBERS_MAX])
{
	const cJSON *c;
	size_t i, k, line, col;

	if (!cJSON_IsObject(obj))
		return wrong_type(im, obj, "an object");
	memset(m, 0, MEMBERS_MAX * sizeof *m);
	for (c = obj->child, k = 0; c != NULL; c = c->next, k++) {
		i = key_index(keys, c->string);
		if (keys[i] == NULL) {
			push(im, c->string, k);
			unknown_key(im, keys, c->string);
			pop(im);
			continue;
		}
		if (m[i].node != NULL) {
			push(im, c->string, m[i].index);
			json_line_col(im->doc, json_locate(im->doc, &im->path,
			    true), &line, &col);
			im->path.v[im->path.n - 1].index = k;
			fail(im, true, "duplicate key (first at %zu:%zu)",
			    line, col);
			pop(im);
			return -1;
		}
		m[i].node = c;
		m[i].index = k;
	}
	return 0;
}

/* Steps into member i of m (keys[i]); pop when done. */
static const cJSON *
enter(struct imp *im, const char *const *keys, const struct member *m,
    size_t i)
{
	push(im, keys[i], m[i].index);
	return m[i].node;
}

static int
get_bool(struct imp *im, const cJSON *v, bool *out)
{
	if (!cJSON_IsBool(v))
		return wrong_type(im, v, "a boolean");
	*out = cJSON_IsTrue(v);
	return 0;
}

/* An integer 1..65535, as srt's port schema has it. */
static int
get_port(struct imp *im, const cJSON *v, unsigned *out)
{
	char raw[64];
	double d;

	if (!cJSON_IsNumber(v))
		return wrong_type(im, v, "an integer");
	d = v->valuedouble;
	if (!(d >= 1 && d <= 65535) || (double)(unsigned)d != d) {
		json_number_text(im->doc, &im->path, raw, sizeof raw);
		return fail(im, false, "port must be an integer 1..65535: %s",
		    raw);
	}
	*out = (unsigned)d;
	return 0;
}

/* A list longer than a params file may hold would not load again. */
static int
too_many(struct imp *im, const cJSON *v)
{
	int n = cJSON_GetArraySize(v);

	if (n > PARAMS_LIST_MAX)
		return fail(im, false, "too many entries: %d (at most %d)", n,
		    PARAMS_LIST_MAX);
	return 0;
}

/* An array of strings; *n gets its length. */
static int
get_strings(struct imp *im, const cJSON *v, size_t *n)
{
	const cJSON *c;
	int rc = 0;

	if (!cJSON_IsArray(v))
		return wrong_type(im, v, "an array");
	if (too_many(im, v) == -1)
		return -1;
	for (c = v->child, *n = 0; c != NULL && rc == 0; c = c->next) {
		push(im, NULL, (*n)++);
		if (!cJSON_IsString(c))
			rc = wrong_type(im, c, "a string");
		pop(im);
	}
	return rc;
}

/* Whether a setting is set to anything but nothing: not null, false, 0,
 * "", [] or {}. */
static bool
is_set(const cJSON *v)
{
	if (cJSON_IsNull(v) || cJSON_IsFalse(v))
		return false;
	if (cJSON_IsNumber(v))
		return v->valuedouble != 0;
	if (cJSON_IsString(v))
		return v->valuestring[0] != '\0';
	if (cJSON_IsArray(v) || cJSON_IsObject(v))
		return v->child != NULL;
	return true;
}

/* A pattern to srt: its containsGlobChars. */
static bool
srt_is_glob(const char *s)
{
	return strpbrk(s, "*?[]") != NULL;
}

/* Appends s to l unless seen (l's strings so far) holds it already. */
static void
add_unique(struct strmap *seen, struct strlist *l, const char *s)
{
	size_t len = strlen(s), h = hash_bytes(s, len);

	if (strmap_get(seen, s, len, h) != NULL)
		return;
	strlist_add(l, s);
	(void)strmap_put(seen, l->v[l->n - 1], len, h, NULL);
}

/*
 * An entry of denyRead, allowRead, allowWrite or denyWrite: a spelling
 * (*literal false), or {"path": PATH, "literal": true}, which srt never
 * reads as a pattern. *s is borrowed from the tree.
 */
static int
path_entry(struct imp *im, const cJSON *v, const char **s, bool *literal)
{
	static const char shape[] =
	    "expected a path, or {\"path\": PATH, \"literal\": true}";
	const cJSON *c, *path = NULL, *lit = NULL;
	size_t k;

	*literal = false;
	if (cJSON_IsString(v)) {
		if (v->valuestring[0] == '\0')
			return fail(im, false, "path cannot be empty");
		*s = v->valuestring;
		return 0;
	}
	if (!cJSON_IsObject(v))
		return fail(im, false, "%s, got %s", shape, type_name(v));
	/* srt refuses any other key here, and so does this. */
	for (c = v->child, k = 0; c != NULL; c = c->next, k++) {
		if (strcmp(c->string, "path") == 0 && path == NULL)
			path = c;
		else if (strcmp(c->string, "literal") == 0 && lit == NULL)
			lit = c;
		else {
			push(im, c->string, k);
			fail(im, true, "%s", shape);
			pop(im);
			return -1;
		}
	}
	if (path == NULL || lit == NULL || !cJSON_IsTrue(lit) ||
	    !cJSON_IsString(path))
		return fail(im, false, "%s", shape);
	if (path->valuestring[0] == '\0')
		return fail(im, false, "path cannot be empty");
	*s = path->valuestring;
	*literal = true;
	return 0;
}

/*
 * An srt path in the form params keep: "~" and "~/..." as they are, an
 * absolute path cleaned, anything else joined to the cwd, as srt joins it
 * ("~user" too: srt expands only "~" and "~/"). With pattern, s is glob
 * text (a deny_read entry), joined to the cwd as escaped text. NULL with
 * im->err set when params cannot hold it (too long).
 */
static char *
stored_path(struct imp *im, const char *s, bool pattern)
{
	struct sb_error e;
	char *rel = NULL, *out, *what;

	if (s[0] != '/' && strcmp(s, "~") != 0 && strncmp(s, "~/", 2) != 0) {
		xasprintf(&rel, "./%s", s);
		s = rel;
	}
	sb_error_init(&e);
	what = json_path_str(&im->path);
	out = params_path_from_cli(s, im->cwd, pattern, what, &e);
	free(what);
	free(rel);
	if (out == NULL)
		json_fail_at(im->doc, json_locate(im->doc, &im->path, false),
		    im->err, e.code, "%s", e.msg);
	return out;
}

/* Whether s is relative to srt: neither absolute nor "~" nor "~/...". */
static bool
srt_relative(const char *s)
{
	return s[0] != '/' && strcmp(s, "~") != 0 && strncmp(s, "~/", 2) != 0;
}

/*
 * A stored path in the form two can be compared in: "~" expanded when
 * $HOME is known, and /tmp, /var, /etc as /private/tmp, /private/var,
 * /private/etc, where macOS links them. Lexical: a comparison of what the
 * file says, before the generator resolves links.
 */
static char *
compare_form(const struct imp *im, const char *s)
{
	static const char *const linked[] = { "/tmp", "/var", "/etc" };
	const char *home = im->ctx->home;
	char *x, *out;
	size_t i, n;

	if (s[0] == '~' && home != NULL && home[0] == '/')
		xasprintf(&x, "%s/%s", home, s + 1);
	else
		x = xstrdup(s);
	out = x[0] == '/' ? path_clean(x) : xstrdup(x);
	free(x);
	for (i = 0; i < sizeof linked / sizeof linked[0]; i++) {
		n = strlen(linked[i]);
		if (strncmp(out, linked[i], n) == 0 &&
		    (out[n] == '/' || out[n] == '\0')) {
			xasprintf(&x, "/private%s", out);
			free(out);
			return x;
		}
	}
	return out;
}

/* The text of a read-deny entry as deny_read glob text: a path that is
 * no pattern (or marked literal) escaped, a pattern with its backslashes
 * doubled (srt reads no escapes: a backslash is itself). */
static char *
read_glob(const char *s, bool literal)
{
	struct buf b;

	if (literal || !srt_is_glob(s))
		return glob_escape(s);
	buf_init(&b);
	for (; *s != '\0'; s++) {
		if (*s == '\\')
			buf_putc(&b, '\\');
		buf_putc(&b, *s);
	}
	return buf_take(&b);
}

/* Whether the glob language of glob.h reads stored pattern s, as the
 * generator will; e says why not. */
static bool
glob_reads(const char *s, const char *what, struct sb_error *e)
{
	struct buf b;
	const char *t = s[0] == '~' ? s + 1 : s;
	bool ok;

	if (strncmp(s, "**", 2) == 0)
		t = "";
	buf_init(&b);
	ok = glob_regex(&b, NULL, t + glob_literal_len(t), what, e) == 0 &&
	    glob_regex_check(buf_str(&b), what, e) == 0;
	buf_clear(&b);
	return ok;
}

/* srt refuses a deny pattern that ends in a separator: it matches no
 * path, and a deny that misses is a hole. */
static int
deny_glob_check(struct imp *im, const char *s, bool literal)
{
	size_t n = strlen(s);

	if (!literal && srt_is_glob(s) && s[n - 1] == '/')
		return fail(im, false, "a deny pattern cannot end in '/': it "
		    "matches no path (write \"%.*s\", or add a \"**\" "
		    "component)", (int)(n - 1), s);
	return 0;
}

/*
 * im->root_dirs: each writable root (compare_form) and every directory
 * above it, to the root's number (0 the cwd, 1 /tmp, 2 + i writable root
 * i), built once the roots are final, for deny_read_roots: so that an
 * entry costs one lookup, whatever the number of roots.
 */
static void
root_dirs_build(struct imp *im)
{
	struct params *p = im->p;
	const char *r;
	size_t i, n, len, h, *k;
	int added;

	im->root_paths = xcalloc(p->writable_roots.n + 2,
	    sizeof *im->root_paths);
	if (p->include_cwd)
		im->root_paths[0] = compare_form(im, im->cwd);
	if (p->include_slash_tmp)
		im->root_paths[1] = compare_form(im, "/tmp");
	for (i = 0; i < p->writable_roots.n; i++)
		im->root_paths[i + 2] = compare_form(im, p->writable_roots.v[i]);
	im->nroot_paths = p->writable_roots.n + 2;
	for (i = 0; i < im->nroot_paths; i++) {
		if ((r = im->root_paths[i]) == NULL)
			continue;
		n = strlen(r);
		h = hash_bytes(r, 0);
		for (len = 1; len <= n; len++) {
			h = hash_more(h, r[len - 1]);
			/* Each directory above r ("/" first), and r. */
			if (len < n && r[len] != '/' && !(len == 1 &&
			    r[0] == '/'))
				continue;
			/* The first root at a place is the one named. */
			k = strmap_put(&im->root_dirs, r, len, h, &added);
			if (added)
				*k = i;
		}
	}
}

/*
 * Warns when the deny_read entry stored (from srt's s) is at or above a
 * writable root: srt's denyRead leaves writing alone, sbpolicy's
 * deny_read refuses it too, and a whole root that cannot be written is
 * worth a word. (Below a root, what it covers is not writable either, as
 * the documentation says.) A pattern is let be: it names what it matches.
 */
static void
deny_read_roots(struct imp *im, const char *s, const char *stored)
{
	char show[SB_SHOW_MAX], root[SB_SHOW_MAX + 64], *plain, *d;
	size_t *k;

	if (!im->fs_apply || im->p->fs_mode != FS_WORKSPACE_WRITE ||
	    glob_is_pattern(stored))
		return;
	if (im->root_paths == NULL)
		root_dirs_build(im);
	plain = glob_unescape(stored, strlen(stored));
	d = compare_form(im, plain);
	k = strmap_get(&im->root_dirs, d, strlen(d), hash_bytes(d,
	    strlen(d)));
	if (k != NULL && *k == 0)
		snprintf(root, sizeof root, "the cwd (include_cwd)");
	else if (k != NULL && *k == 1)
		snprintf(root, sizeof root,
		    "writable root \"/tmp\" (include_slash_tmp)");
	else if (k != NULL)
		snprintf(root, sizeof root, "writable root %s", sb_show(show,
		    sizeof show, im->p->writable_roots.v[*k - 2]));
	if (k != NULL)
		warn(im, false, "%s is at or above %s; sbpolicy's deny_read "
		    "refuses writing too (srt's denyRead only reading): not "
		    "writable", sb_show(show, sizeof show, s), root);
	free(d);
	free(plain);
}

/* One read-deny entry at im->path into deny_read. */
static int
deny_read_add(struct imp *im, const char *s, bool literal)
{
	struct sb_error e;
	char show[SB_SHOW_MAX], *text, *stored;

	if (deny_glob_check(im, s, literal) == -1)
		return -1;
	text = read_glob(s, literal);
	stored = stored_path(im, text, true);
	free(text);
	if (stored == NULL)
		return -1;
	sb_error_init(&e);
	if (!glob_reads(stored, sb_show(show, sizeof show, s), &e))
		warn(im, false, "sbpolicy cannot read this pattern (%s): not "
		    "carried over, what it matches stays readable", e.msg);
	else {
		add_unique(&im->seen_denies, &im->p->deny_read, stored);
		deny_read_roots(im, s, stored);
	}
	free(stored);
	return 0;
}

/* Each entry of a list of path entries, checked; each goes to fn, when
 * there is one. *n gets the number of entries. */
static int
path_list(struct imp *im, const cJSON *v, size_t *n,
    int (*fn)(struct imp *, const char *, bool))
{
	const cJSON *c;
	const char *s = NULL;
	bool literal;
	int rc = 0;

	*n = 0;
	if (!cJSON_IsArray(v))
		return wrong_type(im, v, "an array");
	if (too_many(im, v) == -1)
		return -1;
	for (c = v->child; c != NULL && rc == 0; c = c->next) {
		push(im, NULL, (*n)++);
		rc = path_entry(im, c, &s, &literal);
		if (rc == 0 && fn != NULL)
			rc = fn(im, s, literal);
		pop(im);
	}
	return rc;
}

/* A deny entry checked, as srt checks it, and nothing more. */
static int
deny_checked(struct imp *im, const char *s, bool literal)
{
	return deny_glob_check(im, s, literal);
}

/* One allowWrite entry. */
static int
allow_write_entry(struct imp *im, const char *s, bool literal)
{
	struct params *p = im->p;
	char show[SB_SHOW_MAX], *trimmed = NULL, *stored;
	size_t n = strlen(s);

	if (!literal && srt_is_glob(s)) {
		/* A plain directory and a last "**" component: everything
		 * below the directory, which is that root. */
		if (n >= 3 && strcmp(s + n - 3, "/**") == 0) {
			trimmed = n == 3 ? xstrdup("/") : xstrndup(s, n - 3);
			if (srt_is_glob(trimmed)) {
				free(trimmed);
				trimmed = NULL;
			}
		}
		if (trimmed == NULL) {
			warn(im, false, "%s is a pattern; sbpolicy's writable "
			    "roots are directories: not writable",
			    sb_show(show, sizeof show, s));
			return 0;
		}
		s = trimmed;
	}
	if ((stored = stored_path(im, s, false)) == NULL) {
		free(trimmed);
		return -1;
	}
	if (srt_relative(s) && strcmp(stored, im->cwd) == 0)
		p->include_cwd = true;
	else if (strcmp(stored, "/tmp") == 0 ||
	    strcmp(stored, "/private/tmp") == 0)
		p->include_slash_tmp = true;
	else
		add_unique(&im->seen_roots, &p->writable_roots, stored);
	free(trimmed);
	free(stored);
	return 0;
}

/*
 * One denyWrite entry, kept for deny_write_apply, which reads them all
 * against the roots at once: a pattern is warned about here (and kept as
 * NULL, so that the indices stay those of the file).
 */
static int
deny_write_entry(struct imp *im, const char *s, bool literal)
{
	char show[SB_SHOW_MAX], *stored, *d = NULL;

	if (im->ndw == im->dwcap) {
		im->dwcap = im->dwcap == 0 ? 16 : im->dwcap * 2;
		im->dw = xreallocarray(im->dw, im->dwcap, sizeof *im->dw);
	}
	if (!literal && srt_is_glob(s))
		warn(im, false, "%s is a pattern; sbpolicy keeps only paths "
		    "read-only inside a writable root (a name directly in it): "
		    "stays writable", sb_show(show, sizeof show, s));
	else {
		if ((stored = stored_path(im, s, false)) == NULL)
			return -1;
		d = compare_form(im, stored);
		free(stored);
	}
	im->dw[im->ndw].path = d;
	im->dw[im->ndw].text = s;
	im->ndw++;
	return 0;
}

/*
 * Whether map m holds p or, unless proper, a directory above it: each
 * prefix of p that ends at a '/' is asked, "/" first, in one pass.
 */
static bool
map_holds_above(const struct strmap *m, const char *p, bool proper)
{
	size_t h = hash_bytes(p, 0), n = strlen(p), len;

	if (p[0] == '/' && n > 1 && strmap_get(m, "/", 1,
	    hash_bytes("/", 1)) != NULL)
		return true;
	for (len = 1; len <= n; len++) {
		h = hash_more(h, p[len - 1]);
		if ((len == n ? !proper : p[len] == '/') &&
		    strmap_get(m, p, len, h) != NULL)
			return true;
	}
	return false;
}

/* A writable root, for deny_write_apply. */
struct root {
	char		*path;	/* compare_form */
	char		*shown;	/* for the warnings */
	size_t		 index;	/* in writable_roots, or SIZE_MAX */
	bool		*flag;	/* include_cwd or include_slash_tmp, or NULL */
	bool		 gone;
};

/* Fills the next of the roots, which has room for it. */
static void
root_add(struct root **v, size_t *n, char *path, char *shown, size_t index,
    bool *flag)
{
	(*v)[*n].path = path;
	(*v)[*n].shown = shown;
	(*v)[*n].index = index;
	(*v)[*n].flag = flag;
	(*v)[*n].gone = false;
	(*n)++;
}

/*
 * Deny write path i (compare_form d) against the roots that stayed (in
 * map m, to their index in r): a root right above it gets its name
 * protected (in every root, then: that only refuses more); a root further
 * up keeps it writable, which is warned, at the entry. Each prefix of d is
 * asked of the map once.
 */
static void
deny_write_inside(struct imp *im, const struct strmap *m,
    const struct root *r, size_t i)
{
	const char *d = im->dw[i].path;
	const char *deep = NULL, *name;
	char show[SB_SHOW_MAX];
	size_t h = hash_bytes(d, 0), n = strlen(d), len, parent, *k;

	parent = strrchr(d, '/') != NULL ? (size_t)(strrchr(d, '/') - d) : 0;
	for (len = 1; len < n; len++) {
		h = hash_more(h, d[len - 1]);
		if (d[len] != '/' || (k = strmap_get(m, d, len, h)) == NULL)
			continue;
		name = d + len + 1;
		if (len == parent && params_check_name(name, strlen(name), "",
		    NULL) == 0)
			add_unique(&im->seen_names,
			    &im->p->protected_names, name);
		else if (deep == NULL)
			deep = r[*k].shown;
	}
	/* "/" as a root: no '/' follows it in d. */
	if (d[0] == '/' && n > 1 && (k = strmap_get(m, "/", 1,
	    hash_bytes("/", 1))) != NULL) {
		if (parent == 0 && params_check_name(d + 1, n - 1, "",
		    NULL) == 0)
			add_unique(&im->seen_names,
			    &im->p->protected_names, d + 1);
		else if (deep == NULL)
			deep = r[*k].shown;
	}
	if (deep == NULL)
		return;
	push(im, NULL, i);
	warn(im, false, "%s lies below the top of %s; sbpolicy keeps only "
	    "names directly inside a root read-only: stays writable",
	    sb_show(show, sizeof show, im->dw[i].text), deep);
	pop(im);
}

/*
 * The denyWrite entries (im->dw) against the writable roots: a root at or
 * below a deny is not writable (srt's deny wins); then each deny inside a
 * root that stayed. Called at filesystem.denyWrite.
 */
static void
deny_write_apply(struct imp *im)
{
	struct params *p = im->p;
	struct strmap denies, roots;
	struct root *r = NULL;
	char show[SB_SHOW_MAX], *shown, *d;
	size_t nr = 0, i, j, *k;
	int added;

	/* Its keys are strings that may go now. */
	strmap_clear(&im->seen_roots);
	strmap_init(&denies);
	for (i = 0; i < im->ndw; i++) {
		if ((d = im->dw[i].path) != NULL)
			*strmap_put(&denies, d, strlen(d), hash_bytes(d,
			    strlen(d)), NULL) = i;
	}
	if (denies.n == 0) {
		strmap_clear(&denies);
		return;
	}
	r = xcalloc(p->writable_roots.n + 2, sizeof *r);
	if (p->include_cwd)
		root_add(&r, &nr, compare_form(im, im->cwd),
		    xstrdup("the cwd (include_cwd)"), SIZE_MAX, &p->include_cwd);
	if (p->include_slash_tmp)
		root_add(&r, &nr, compare_form(im, "/tmp"),
		    xstrdup("writable root \"/tmp\" (include_slash_tmp)"),
		    SIZE_MAX, &p->include_slash_tmp);
	for (i = 0; i < p->writable_roots.n; i++) {
		xasprintf(&shown, "writable root %s", sb_show(show,
		    sizeof show, p->writable_roots.v[i]));
		root_add(&r, &nr, compare_form(im, p->writable_roots.v[i]),
		    shown, i, NULL);
	}
	strmap_init(&roots);
	for (i = 0; i < nr; i++) {
		if ((r[i].gone = map_holds_above(&denies, r[i].path, false)))
			continue;
		k = strmap_put(&roots, r[i].path, strlen(r[i].path),
		    hash_bytes(r[i].path, strlen(r[i].path)), &added);
		if (added)
			*k = i;
	}
	/* srt's own temporary directory, which TMPDIR names in its
	 * commands: a deny above it takes that away too. */
	if (map_holds_above(&denies, "/private/tmp/claude", false))
		p->include_tmpdir = false;
	for (i = 0; i < im->ndw; i++) {
		if (im->dw[i].path != NULL)
			deny_write_inside(im, &roots, r, i);
	}
	/* The roots that go, in one pass: r lists writable_roots in its
	 * order, after the two flags. */
	for (i = 0, j = 0; i < nr; i++) {
		if (r[i].flag != NULL && r[i].gone)
			*r[i].flag = false;
		else if (r[i].flag == NULL && r[i].gone)
			free(p->writable_roots.v[r[i].index]);
		else if (r[i].flag == NULL)
			p->writable_roots.v[j++] =
			    p->writable_roots.v[r[i].index];
		free(r[i].path);
		free(r[i].shown);
	}
	p->writable_roots.n = j;
	free(r);
	strmap_clear(&roots);
	strmap_clear(&denies);
}

static int
read_filesystem(struct imp *im, const cJSON *v)
{
	struct member m[MEMBERS_MAX];
	const cJSON *c;
	bool disabled = false, flag;
	size_t n;
	int rc;

	if (members(im, v, fs_keys, m) == -1)
		return -1;
	if (m[F_DISABLED].node != NULL) {
		c = enter(im, fs_keys, m, F_DISABLED);
		rc = get_bool(im, c, &disabled);
		pop(im);
		if (rc == -1)
			return -1;
	}
	if (disabled) {
		/* No rule at all, as srt has none: the lists are still
		 * checked, as srt checks them. */
		im->fs_apply = false;
		im->p->fs_mode = FS_FULL_ACCESS;
	}
	/* The roots first: a denyWrite entry is read against them. */
	if (m[F_ALLOW_WRITE].node != NULL) {
		c = enter(im, fs_keys, m, F_ALLOW_WRITE);
		rc = path_list(im, c, &n, im->fs_apply ? allow_write_entry :
		    NULL);
		pop(im);
		if (rc == -1)
			return -1;
	}
	if (m[F_DENY_WRITE].node != NULL) {
		c = enter(im, fs_keys, m, F_DENY_WRITE);
		rc = path_list(im, c, &n, im->fs_apply ? deny_write_entry :
		    deny_checked);
		if (rc == 0 && im->fs_apply)
			deny_write_apply(im);
		pop(im);
		if (rc == -1)
			return -1;
	}
	if (m[F_DENY_READ].node != NULL) {
		c = enter(im, fs_keys, m, F_DENY_READ);
		rc = path_list(im, c, &n, im->fs_apply ? deny_read_add :
		    deny_checked);
		pop(im);
		if (rc == -1)
			return -1;
	}
	if (m[F_ALLOW_READ].node != NULL) {
		c = enter(im, fs_keys, m, F_ALLOW_READ);
		rc = path_list(im, c, &n, NULL);
		if (rc == 0 && n > 0 && im->fs_apply)
			warn(im, true, "sbpolicy cannot re-allow reading "
			    "inside deny_read: %zu %s not carried over, what "
			    "%s re-open%s stays unreadable", n, n == 1 ?
			    "entry" : "entries", n == 1 ? "it" : "they",
			    n == 1 ? "s" : "");
		pop(im);
		if (rc == -1)
			return -1;
	}
	if (m[F_ALLOW_GIT_CONFIG].node != NULL) {
		c = enter(im, fs_keys, m, F_ALLOW_GIT_CONFIG);
		rc = get_bool(im, c, &flag);
		if (rc == 0 && flag && im->fs_apply)
			warn(im, true, "sbpolicy protects .git whole: "
			    ".git/config stays read-only");
		pop(im);
		if (rc == -1)
			return -1;
	}
	return 0;
}

/* One entry of credentials.files: its path is read-denied, as srt's
 * macOS backend denies it (a "mask" there degrades to "deny"). */
static int
read_cred_file(struct imp *im, const cJSON *v)
{
	struct member m[MEMBERS_MAX];
	const cJSON *c;
	int rc;

	if (members(im, v, cred_file_keys, m) == -1)
		return -1;
	if (m[CF_PATH].node == NULL || m[CF_MODE].node == NULL) {
		push(im, cred_file_keys[m[CF_PATH].node == NULL ? CF_PATH :
		    CF_MODE], JSON_MISSING);
		fail(im, false, "required key is missing");
		pop(im);
		return -1;
	}
	c = enter(im, cred_file_keys, m, CF_MODE);
	if (!cJSON_IsString(c))
		rc = wrong_type(im, c, "a string");
	else if (strcmp(c->valuestring, "deny") != 0 &&
	    strcmp(c->valuestring, "mask") != 0)
		rc = fail(im, false, "unknown mode (deny, mask)");
	else
		rc = 0;
	pop(im);
	if (rc == -1)
		return -1;
	c = enter(im, cred_file_keys, m, CF_PATH);
	if (!cJSON_IsString(c))
		rc = wrong_type(im, c, "a path string");
	else if (c->valuestring[0] == '\0')
		rc = fail(im, false, "path cannot be empty");
	else if (im->fs_apply)
		rc = deny_read_add(im, c->valuestring, false);
	else
		rc = deny_glob_check(im, c->valuestring, false);
	pop(im);
	return rc;
}

/* "a feature of srt's proxy" for a setting that is set. */
static void
proxy_only(struct imp *im, const cJSON *v)
{
	if (is_set(v))
		warn(im, true, "a feature of srt's proxy; sbpolicy runs no "
		    "proxy: not carried over");
}

static int
read_credentials(struct imp *im, const cJSON *v)
{
	struct member m[MEMBERS_MAX];
	const cJSON *c, *e;
	size_t n, i;
	int rc = 0;

	if (members(im, v, cred_keys, m) == -1)
		return -1;
	if (m[C_FILES].node != NULL) {
		c = enter(im, cred_keys, m, C_FILES);
		if (!cJSON_IsArray(c))
			rc = wrong_type(im, c, "an array");
		else
			rc = too_many(im, c);
		for (e = c->child, i = 0; rc == 0 && cJSON_IsArray(c) &&
		    e != NULL; e = e->next, i++) {
			push(im, NULL, i);
			rc = read_cred_file(im, e);
			pop(im);
		}
		pop(im);
		if (rc == -1)
			return -1;
	}
	if (m[C_ENV_VARS].node != NULL) {
		c = enter(im, cred_keys, m, C_ENV_VARS);
		if (!cJSON_IsArray(c))
			rc = wrong_type(im, c, "an array");
		else if ((n = (size_t)cJSON_GetArraySize(c)) > 0)
			warn(im, true, "sbpolicy does not change the "
			    "environment: %zu %s not masked or unset", n,
			    n == 1 ? "variable" : "variables");
		pop(im);
		if (rc == -1)
			return -1;
	}
	for (i = C_PLAINTEXT; i <= C_SIGV4; i++) {
		if (m[i].node == NULL)
			continue;
		proxy_only(im, enter(im, cred_keys, m, i));
		pop(im);
	}
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
	unsigned port = 0;
	size_t k;
	int rc;

	if (m[i].node == NULL)
		return 0;
	rc = get_port(im, enter(im, net_keys, m, i), &port);
	pop(im);
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
	size_t n, i;

	if (get_strings(im, v, &n) == -1)
		return -1;
	for (c = v->child, i = 0; c != NULL; c = c->next, i++) {
		push(im, NULL, i);
		/* srt allows (subpath PATH) for bind and connect, with the
		 * path as it is, wildcards too. */
		stored = stored_path(im, c->valuestring, false);
		pop(im);
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
	rc = get_bool(im, enter(im, net_keys, m, i), out);
	pop(im);
	return rc;
}

/* A list of strings at member i; *n gets its length (0 when absent). */
static int
read_domains(struct imp *im, const struct member *m, size_t i, size_t *n)
{
	int rc;

	*n = 0;
	if (m[i].node == NULL)
		return 0;
	rc = get_strings(im, enter(im, net_keys, m, i), n);
	pop(im);
	return rc;
}

/* The settings of srt's proxy that say more than which domains. */
static const size_t proxy_keys[] = {
	N_DENIED_ADDRESSES, N_MITM, N_FILTER, N_TLS, N_PARENT,
};

static int
read_network(struct imp *im, const cJSON *v)
{
	struct member m[MEMBERS_MAX];
	struct params *p = im->p;
	char *ports;
	size_t nallowed, ndenied, nmach, i;
	bool all_domains = false;

	if (members(im, v, net_keys, m) == -1)
		return -1;
	if (read_port(im, m, N_HTTP_PORT) == -1 ||
	    read_port(im, m, N_SOCKS_PORT) == -1)
		return -1;
	if (m[N_SOCKETS].node != NULL) {
		if (read_sockets(im, enter(im, net_keys, m, N_SOCKETS)) == -1)
			return -1;
		pop(im);
	}
	if (read_flag(im, m, N_ALL_SOCKETS, &p->allow_all_sockets) == -1 ||
	    read_flag(im, m, N_LOCAL_BINDING, &p->allow_local_binding) == -1 ||
	    read_flag(im, m, N_ALLOW_ALL_DOMAINS, &all_domains) == -1 ||
	    read_domains(im, m, N_ALLOWED, &nallowed) == -1 ||
	    read_domains(im, m, N_DENIED, &ndenied) == -1 ||
	    read_domains(im, m, N_MACH_LOOKUP, &nmach) == -1)
		return -1;
	/* srt has no built-in denies: what it opens is open. */
	if (p->allow_all_sockets || p->sock_allow.n > 0)
		p->builtin_denies = false;
	ports = ports_text(&p->proxy_ports);
	if (nallowed > 0) {
		enter(im, net_keys, m, N_ALLOWED);
		if (p->proxy_ports.n > 0)
			warn(im, true, "sbpolicy cannot filter domains (srt "
			    "does it in its own proxy): the command may "
			    "connect to %s only, and the proxy there must "
			    "filter them", ports);
		else
			warn(im, true, "sbpolicy cannot filter domains (srt "
			    "does it in its own proxy) and no proxy port is "
			    "set (httpProxyPort, socksProxyPort): the network "
			    "stays closed");
		pop(im);
	}
	if (all_domains) {
		enter(im, net_keys, m, N_ALLOW_ALL_DOMAINS);
		warn(im, true, "sbpolicy has no proxy to let every domain "
		    "through: the network stays restricted (--network full "
		    "opens it, without deniedDomains)");
		pop(im);
	}
	if (ndenied > 0) {
		enter(im, net_keys, m, N_DENIED);
		warn(im, true, "sbpolicy cannot filter domains (srt does it "
		    "in its own proxy): %zu %s not carried over%s%s%s", ndenied,
		    ndenied == 1 ? "entry" : "entries", p->proxy_ports.n > 0 ?
		    ", the proxy at " : "", ports, p->proxy_ports.n > 0 ?
		    " must refuse them" : "");
		pop(im);
	}
	free(ports);
	if (nmach > 0) {
		enter(im, net_keys, m, N_MACH_LOOKUP);
		warn(im, true, "sbpolicy has no list of extra mach services: "
		    "not carried over, the command cannot look up %zu %s",
		    nmach, nmach == 1 ? "service" : "services");
		pop(im);
	}
	/* strictAllowlist is what sbpolicy always does (nothing is asked),
	 * deniedDomainReasons only words srt's reports. */
	for (i = 0; i < sizeof proxy_keys / sizeof proxy_keys[0]; i++) {
		if (m[proxy_keys[i]].node == NULL)
			continue;
		proxy_only(im, enter(im, net_keys, m, proxy_keys[i]));
		pop(im);
	}
	return 0;
}

static int
read_root(struct imp *im, const cJSON *root)
{
	struct member m[MEMBERS_MAX];
	const cJSON *c;
	bool apple = false;
	int rc;

	if (members(im, root, root_keys, m) == -1)
		return -1;
	/* filesystem.disabled decides whether credentials.files apply. */
	if (m[R_FILESYSTEM].node != NULL) {
		rc = read_filesystem(im, enter(im, root_keys, m,
		    R_FILESYSTEM));
		pop(im);
		if (rc == -1)
			return -1;
	}
	if (m[R_CREDENTIALS].node != NULL) {
		rc = read_credentials(im, enter(im, root_keys, m,
		    R_CREDENTIALS));
		pop(im);
		if (rc == -1)
			return -1;
	}
	if (m[R_NETWORK].node != NULL) {
		rc = read_network(im, enter(im, root_keys, m, R_NETWORK));
		pop(im);
		if (rc == -1)
			return -1;
	}
	if (m[R_APPLE_EVENTS].node != NULL) {
		c = enter(im, root_keys, m, R_APPLE_EVENTS);
		rc = get_bool(im, c, &apple);
		if (rc == 0 && apple)
			warn(im, true, "sbpolicy's base policy sends no Apple "
			    "Events: not carried over");
		pop(im);
		if (rc == -1)
			return -1;
	}
	return 0;
}

/* The policy an empty settings file stands for (srt's defaults). */
static void
srt_defaults(struct params *p)
{
	size_t i;

	params_init(p);
	p->fs_mode = FS_WORKSPACE_WRITE;
	p->include_cwd = false;
	p->include_slash_tmp = false;
	p->include_tmpdir = true;
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
			warn(&im, false, "%zu more warnings not listed",
			    im.unlisted);
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
	for (i = 0; i < im.ndw; i++)
		free(im.dw[i].path);
	free(im.dw);
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

bool
import_srt_detect(const char *text, size_t len)
{
	struct json_doc doc;
	const cJSON *c, *k;
	const char *const *keys;
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
		i = key_index(root_keys, c->string);
		if (root_keys[i] == NULL)
			continue;
		/* A params file has "filesystem" and "network" too: there,
		 * a key of srt's own inside them says it. */
		if (i != R_FILESYSTEM && i != R_NETWORK) {
			srt = true;
			continue;
		}
		keys = i == R_FILESYSTEM ? fs_keys : net_keys;
		for (k = cJSON_IsObject(c) ? c->child : NULL; k != NULL;
		    k = k->next) {
			if (keys[key_index(keys, k->string)] != NULL)
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
