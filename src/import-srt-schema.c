/* SPDX-License-Identifier: ISC */
/*
 * import-srt-schema.c: srt's schema, every key of it in the tables below
 * (see import-srt.c for the release), and the values of a settings file
 * checked as it has them; the warnings and errors, located at their JSON
 * path.
 */
#include "config.h"

#include "import-srt-int.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "json.h"
#include "params.h"
#include "unicode.h"
#include "xmalloc.h"

/* --- srt's schema ------------------------------------------------------- */

/* A feature of srt's proxy, for the keys that configure it. */
#define PROXY_WARN \
	"a feature of srt's proxy; sbpolicy runs no proxy: no equivalent, " \
	"not carried over"

static const char *const e_mode[] = { "deny", "mask", NULL };
static const char *const e_no_match[] = { "warn", "deny", "error", NULL };
static const char *const e_decode[] = { "jwt", NULL };
static const char *const e_sigv4[] = { "deny", "passthrough", NULL };
static const char *const e_target[] = {
	"refuse", "asSpelled", "normalize", NULL,
};
static const char *const e_backend[] = { "mxc", "srt-win", NULL };

static const struct sk sk_string = { NULL, SK_STRING, 0, 0, 0, NULL, NULL,
    NULL };
static const struct sk sk_string1 = { NULL, SK_STRING, SK_NONEMPTY, 0, 0,
    NULL, NULL, NULL };
static const struct sk sk_strings = { NULL, SK_ARRAY, 0, 0, 0, NULL,
    &sk_string, NULL };
static const struct sk sk_mach_name = { NULL, SK_STRING, SK_MACH_NAME, 0, 0,
    NULL, NULL, NULL };

/* credentials.files[] (srt strips other keys) and credentials.envVars[]. */
static const struct sk sk_cred_file_members[] = {
	{ "path", SK_STRING, SK_REQUIRED | SK_NONEMPTY | SK_OWN, 0, 0, NULL,
	  NULL, NULL },
	{ "mode", SK_ENUM, SK_REQUIRED, 0, 0, e_mode, NULL, NULL },
	{ "extract", SK_STRING, 0, 0, 0, NULL, NULL, NULL },
	{ "onExtractNoMatch", SK_ENUM, 0, 0, 0, e_no_match, NULL, NULL },
	{ "decode", SK_ENUM, 0, 0, 0, e_decode, NULL, NULL },
	{ "maskClaims", SK_ARRAY, 0, 0, 0, NULL, &sk_string1, NULL },
	{ "maskDuplicates", SK_BOOL, 0, 0, 0, NULL, NULL, NULL },
	{ "injectHosts", SK_ARRAY, 0, 0, 0, NULL, &sk_string, NULL },
	{ NULL, 0, 0, 0, 0, NULL, NULL, NULL },
};
enum { CF_PATH, CF_MODE, CF_EXTRACT, CF_NO_MATCH, CF_DECODE, CF_CLAIMS,
    CF_DUPLICATES, CF_INJECT };
const struct sk import_srt_sk_cred_file = { NULL, SK_OBJECT, 0, 0, 0, NULL,
    sk_cred_file_members, NULL };

static const struct sk sk_env_var_members[] = {
	{ "name", SK_STRING, SK_REQUIRED | SK_ENV_NAME, 0, 0, NULL, NULL,
	  NULL },
	{ "mode", SK_ENUM, SK_REQUIRED, 0, 0, e_mode, NULL, NULL },
	{ "extract", SK_STRING, 0, 0, 0, NULL, NULL, NULL },
	{ "onExtractNoMatch", SK_ENUM, 0, 0, 0, e_no_match, NULL, NULL },
	{ "decode", SK_ENUM, 0, 0, 0, e_decode, NULL, NULL },
	{ "maskClaims", SK_ARRAY, 0, 0, 0, NULL, &sk_string1, NULL },
	{ "injectHosts", SK_ARRAY, 0, 0, 0, NULL, &sk_string, NULL },
	{ NULL, 0, 0, 0, 0, NULL, NULL, NULL },
};
enum { EV_NAME, EV_MODE, EV_EXTRACT, EV_NO_MATCH, EV_DECODE, EV_CLAIMS,
    EV_INJECT };
static const struct sk sk_env_var = { NULL, SK_OBJECT, 0, 0, 0, NULL,
    sk_env_var_members, NULL };

static const struct sk sk_aws_pair_members[] = {
	{ "accessKeyIdVar", SK_STRING, SK_REQUIRED | SK_ENV_NAME, 0, 0, NULL,
	  NULL, NULL },
	{ "secretAccessKeyVar", SK_STRING, SK_REQUIRED | SK_ENV_NAME, 0, 0,
	  NULL, NULL, NULL },
	{ "sessionTokenVar", SK_STRING, SK_ENV_NAME, 0, 0, NULL, NULL, NULL },
	{ NULL, 0, 0, 0, 0, NULL, NULL, NULL },
};
static const struct sk sk_aws_pair = { NULL, SK_OBJECT, SK_STRICT, 0, 0,
    NULL, sk_aws_pair_members, NULL };

static const struct sk sk_sigv4_members[] = {
	{ "streaming", SK_ENUM, 0, 0, 0, e_sigv4, NULL, NULL },
	{ "presigned", SK_ENUM, 0, 0, 0, e_sigv4, NULL, NULL },
	{ "sigv4a", SK_ENUM, 0, 0, 0, e_sigv4, NULL, NULL },
	{ NULL, 0, 0, 0, 0, NULL, NULL, NULL },
};

static const struct sk sk_cred_members[] = {
	{ "files", SK_ARRAY, SK_OWN, 0, 0, NULL, &import_srt_sk_cred_file,
	  NULL },
	{ "envVars", SK_ARRAY, SK_OWN, 0, 0, NULL, &sk_env_var, NULL },
	{ "allowPlaintextInject", SK_BOOL, 0, 0, 0, NULL, NULL, PROXY_WARN },
	{ "awsPairs", SK_ARRAY, 0, 0, 0, NULL, &sk_aws_pair, PROXY_WARN },
	/* An object that says "deny" or "passthrough": set is set. */
	{ "sigv4", SK_OBJECT, SK_STRICT, 0, 0, NULL, sk_sigv4_members,
	  PROXY_WARN },
	{ NULL, 0, 0, 0, 0, NULL, NULL, NULL },
};

/* network.mitmProxy, tlsTerminate, parentProxy. */
static const struct sk sk_mitm_members[] = {
	{ "socketPath", SK_STRING, SK_REQUIRED | SK_NONEMPTY, 0, 0, NULL, NULL,
	  NULL },
	{ "domains", SK_ARRAY, SK_REQUIRED | SK_NONEMPTY, 0, 0, NULL,
	  &sk_string, NULL },
	{ NULL, 0, 0, 0, 0, NULL, NULL, NULL },
};
static const struct sk sk_tls_members[] = {
	{ "caCertPath", SK_STRING, SK_NONEMPTY, 0, 0, NULL, NULL, NULL },
	{ "caKeyPath", SK_STRING, SK_NONEMPTY, 0, 0, NULL, NULL, NULL },
	{ "excludeDomains", SK_ARRAY, 0, 0, 0, NULL, &sk_string, NULL },
	{ "extraCaCertPaths", SK_ARRAY, 0, 0, 0, NULL, &sk_string1, NULL },
	{ "maxTunnels", SK_INT, 0, 1, 65536, NULL, NULL, NULL },
	{ "handshakeTimeoutMs", SK_INT, 0, 100, 600000, NULL, NULL, NULL },
	{ NULL, 0, 0, 0, 0, NULL, NULL, NULL },
};
static const struct sk sk_parent_members[] = {
	{ "http", SK_STRING, 0, 0, 0, NULL, NULL, NULL },
	{ "https", SK_STRING, 0, 0, 0, NULL, NULL, NULL },
	{ "noProxy", SK_STRING, 0, 0, 0, NULL, NULL, NULL },
	{ NULL, 0, 0, 0, 0, NULL, NULL, NULL },
};

/*
 * network. strictAllowlist is what sbpolicy always does (it asks nothing);
 * deniedDomainReasons only words srt's reports; ambiguousRequestTarget
 * and allowPlaintextHeaderSet act only with filterRequest, which a file
 * cannot hold, but say how srt's proxy would be run: warned like the rest
 * of it.
 */
const struct sk import_srt_sk_net_members[] = {
	{ "allowedDomains", SK_ARRAY, SK_OWN, 0, 0, NULL, &sk_string, NULL },
	{ "deniedDomains", SK_ARRAY, SK_OWN, 0, 0, NULL, &sk_string, NULL },
	{ "deniedDomainReasons", SK_RECORD, 0, 0, 0, NULL, &sk_string1,
	  NULL },
	{ "strictAllowlist", SK_BOOL, 0, 0, 0, NULL, NULL, NULL },
	{ "deniedResolvedAddresses", SK_ARRAY, 0, 0, 0, NULL, &sk_string,
	  PROXY_WARN },
	{ "allowUnixSockets", SK_ARRAY, SK_OWN, 0, 0, NULL, &sk_string,
	  NULL },
	{ "allowAllUnixSockets", SK_BOOL, SK_OWN, 0, 0, NULL, NULL, NULL },
	{ "allowLocalBinding", SK_BOOL, SK_OWN, 0, 0, NULL, NULL, NULL },
	{ "allowMachLookup", SK_ARRAY, SK_OWN, 0, 0, NULL, &sk_mach_name,
	  NULL },
	{ "httpProxyPort", SK_INT, SK_OWN, 1, 65535, NULL, NULL, NULL },
	{ "socksProxyPort", SK_INT, SK_OWN, 1, 65535, NULL, NULL, NULL },
	{ "mitmProxy", SK_OBJECT, 0, 0, 0, NULL, sk_mitm_members,
	  PROXY_WARN },
	{ "filterRequest", SK_FUNCTION, 0, 0, 0, NULL, NULL, NULL },
	{ "allowPlaintextHeaderSet", SK_BOOL, 0, 0, 0, NULL, NULL,
	  PROXY_WARN },
	{ "stripResponseHeaders", SK_ARRAY, 0, 0, 0, NULL, &sk_string1,
	  PROXY_WARN },
	{ "refuseOpaqueTunnels", SK_BOOL, 0, 0, 0, NULL, NULL, PROXY_WARN },
	{ "requireHostMatch", SK_BOOL, 0, 0, 0, NULL, NULL, PROXY_WARN },
	{ "ambiguousRequestTarget", SK_ENUM, 0, 0, 0, e_target, NULL,
	  PROXY_WARN },
	/* {} turns it on, with a CA of srt's own. */
	{ "tlsTerminate", SK_OBJECT, SK_PRESENT | SK_CERT_PAIR, 0, 0, NULL,
	  sk_tls_members, PROXY_WARN },
	{ "parentProxy", SK_OBJECT, 0, 0, 0, NULL, sk_parent_members,
	  PROXY_WARN },
	{ NULL, 0, 0, 0, 0, NULL, NULL, NULL },
};

/* The entries of the four lists are read by path_entry. */
static const struct sk sk_fs_members[] = {
	{ "disabled", SK_BOOL, SK_OWN, 0, 0, NULL, NULL, NULL },
	{ "denyRead", SK_ARRAY, SK_OWN, 0, 0, NULL, NULL, NULL },
	{ "allowRead", SK_ARRAY, SK_OWN, 0, 0, NULL, NULL, NULL },
	{ "allowWrite", SK_ARRAY, SK_OWN, 0, 0, NULL, NULL, NULL },
	{ "denyWrite", SK_ARRAY, SK_OWN, 0, 0, NULL, NULL, NULL },
	{ "allowGitConfig", SK_BOOL, SK_OWN, 0, 0, NULL, NULL, NULL },
	{ NULL, 0, 0, 0, 0, NULL, NULL, NULL },
};

/* The settings of the Linux and Windows backends and of srt's tools. */
static const struct sk sk_ripgrep_members[] = {
	{ "command", SK_STRING, SK_REQUIRED, 0, 0, NULL, NULL, NULL },
	{ "args", SK_ARRAY, 0, 0, 0, NULL, &sk_string, NULL },
	{ "argv0", SK_STRING, 0, 0, 0, NULL, NULL, NULL },
	{ NULL, 0, 0, 0, 0, NULL, NULL, NULL },
};
static const struct sk sk_seccomp_members[] = {
	{ "applyPath", SK_STRING, 0, 0, 0, NULL, NULL, NULL },
	{ "argv0", SK_STRING, 0, 0, 0, NULL, NULL, NULL },
	{ NULL, 0, 0, 0, 0, NULL, NULL, NULL },
};
static const struct sk sk_srt_win_members[] = {
	{ "path", SK_STRING, SK_REQUIRED | SK_NONEMPTY, 0, 0, NULL, NULL,
	  NULL },
	{ NULL, 0, 0, 0, 0, NULL, NULL, NULL },
};
static const struct sk sk_windows_members[] = {
	{ "backend", SK_ENUM, 0, 0, 0, e_backend, NULL, NULL },
	{ "sandboxUser", SK_STRING, 0, 1, 20, NULL, NULL, NULL },
	{ "sublayerGuid", SK_STRING, SK_UUID, 0, 0, NULL, NULL, NULL },
	{ "wfpSublayerGuid", SK_STRING, SK_UUID, 0, 0, NULL, NULL, NULL },
	{ "proxyPortRange", SK_PORT_RANGE, 0, 0, 0, NULL, NULL, NULL },
	{ "srtWin", SK_OBJECT, 0, 0, 0, NULL, sk_srt_win_members, NULL },
	{ NULL, 0, 0, 0, 0, NULL, NULL, NULL },
};
static const struct sk sk_git_members[] = {
	{ "safeDirectories", SK_ARRAY, 0, 0, 0, NULL, &sk_string, NULL },
	{ NULL, 0, 0, 0, 0, NULL, NULL, NULL },
};

/*
 * The top level. Ignored: ignoreViolations (srt's reports), the nested
 * and namespace settings, mandatoryDenySearchDepth, seccomp, bwrapPath,
 * socatPath (Linux), ripgrep (srt's search for dangerous files on Linux),
 * windows, javaAgentJarPath (what points Java at srt's proxy), git (its
 * safe.directory, which grants nothing), allowPty (sbpolicy's base policy
 * allows pseudo-terminals always), enableWeakerNetworkIsolation (its
 * network trailer allows trustd whenever the network section is not
 * empty).
 */
const struct sk import_srt_sk_root_members[] = {
	{ "network", SK_OBJECT, SK_OWN, 0, 0, NULL, import_srt_sk_net_members,
	  NULL },
	{ "filesystem", SK_OBJECT, SK_OWN, 0, 0, NULL, sk_fs_members, NULL },
	{ "credentials", SK_OBJECT, SK_OWN | SK_STRICT, 0, 0, NULL,
	  sk_cred_members, NULL },
	{ "ignoreViolations", SK_RECORD, 0, 0, 0, NULL, &sk_strings, NULL },
	{ "enableWeakerNestedSandbox", SK_BOOL, 0, 0, 0, NULL, NULL, NULL },
	{ "allowNestedUserNamespaces", SK_BOOL, 0, 0, 0, NULL, NULL, NULL },
	{ "enableWeakerNetworkIsolation", SK_BOOL, 0, 0, 0, NULL, NULL,
	  NULL },
	{ "allowAppleEvents", SK_BOOL, 0, 0, 0, NULL, NULL,
	  "sbpolicy's base policy sends no Apple Events: not carried over" },
	{ "ripgrep", SK_OBJECT, 0, 0, 0, NULL, sk_ripgrep_members, NULL },
	{ "mandatoryDenySearchDepth", SK_INT, 0, 1, 10, NULL, NULL, NULL },
	{ "allowPty", SK_BOOL, 0, 0, 0, NULL, NULL, NULL },
	{ "seccomp", SK_OBJECT, 0, 0, 0, NULL, sk_seccomp_members, NULL },
	{ "bwrapPath", SK_STRING, SK_NONEMPTY | SK_ABSOLUTE, 0, 0, NULL, NULL,
	  NULL },
	{ "socatPath", SK_STRING, SK_NONEMPTY | SK_ABSOLUTE, 0, 0, NULL, NULL,
	  NULL },
	{ "javaAgentJarPath", SK_STRING, SK_NONEMPTY | SK_ABSOLUTE, 0, 0,
	  NULL, NULL, NULL },
	{ "windows", SK_OBJECT, 0, 0, 0, NULL, sk_windows_members, NULL },
	{ "git", SK_OBJECT, 0, 0, 0, NULL, sk_git_members, NULL },
	{ NULL, 0, 0, 0, 0, NULL, NULL, NULL },
};

const struct sk import_srt_sk_root = { NULL, SK_OBJECT, 0, 0, 0, NULL,
    import_srt_sk_root_members, NULL };

/* The most warnings listed: each is located by a walk of the text, and
 * past a hundred more lines tell a reader nothing new. */
#define WARNINGS_MAX	100

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
void
import_srt_warn(struct imp *im, bool at_key, const char *fmt, ...)
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
int
import_srt_fail(struct imp *im, bool at_key, const char *fmt, ...)
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

void
import_srt_push(struct imp *im, const char *key, size_t index)
{
	json_path_push(&im->path, key, index);
}

void
import_srt_pop(struct imp *im)
{
	json_path_pop(&im->path);
}

/*
 * The value at im->path as the file writes it, for a message: on one
 * line (blanks between its tokens as one space), at most VALUE_SHOW_MAX
 * bytes, cut with "..." (the text is UTF-8, and has no control character
 * but blanks: the parser saw to both).
 */
const char *
import_srt_value_text(struct imp *im, char *out, size_t size)
{
	const char *s, *p, *end;
	size_t n = 0, k, depth = 0;
	bool in_str = false, blank = false;
	unsigned char c;

	s = im->doc->text + json_locate(im->doc, &im->path, false);
	end = im->doc->text + im->doc->len;
	for (p = s; p < end; p++) {
		/* Long enough to be cut: no need to find its end. */
		if ((size_t)(p - s) > VALUE_SHOW_MAX)
			break;
		if (in_str) {
			if (*p == '\\' && p + 1 < end)
				p++;
			else if (*p == '"') {
				in_str = false;
				if (depth == 0) {
					p++;
					break;
				}
			}
			continue;
		}
		if (*p == '"')
			in_str = true;
		else if (*p == '[' || *p == '{')
			depth++;
		else if (*p == ']' || *p == '}') {
			if (depth == 0)
				break;
			if (--depth == 0) {
				p++;
				break;
			}
		} else if (depth == 0 && (*p == ',' || *p == ' ' ||
		    *p == '\t' || *p == '\n' || *p == '\r'))
			break;
	}
	if (p > end)
		p = end;
	if (size < VALUE_SHOW_MAX + 8)
		return "";
	/* Whole characters only. */
	while (s < p) {
		c = (unsigned char)*s;
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			blank = true;
			s++;
			continue;
		}
		k = c < 0x80 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
		if (n + k + (blank && n > 0) > VALUE_SHOW_MAX ||
		    k > (size_t)(p - s))
			break;
		if (blank && n > 0)
			out[n++] = ' ';
		blank = false;
		memcpy(out + n, s, k);
		n += k;
		s += k;
	}
	if (s < p) {
		memcpy(out + n, "...", 3);
		n += 3;
	}
	out[n] = '\0';
	return out;
}

int
import_srt_wrong_type(struct imp *im, const cJSON *v, const char *expected)
{
	char show[VALUE_SHOW_MAX + 8];

	if (cJSON_IsNull(v))
		return import_srt_fail(im, false, "expected %s, got null",
		    expected);
	return import_srt_fail(im, false, "expected %s, got %s: %s", expected,
	    json_type_name(v), import_srt_value_text(im, show,
	    sizeof show));
}

size_t
import_srt_key_index(const struct sk *keys, const char *key)
{
	size_t i;

	for (i = 0; keys[i].key != NULL; i++) {
		if (strcmp(keys[i].key, key) == 0)
			return i;
	}
	return i;
}

/* The known key that key is a slip of: the same but for case, or one
 * or two letters more or fewer at its end ("allowUnixSocket"). */
static const char *
near_key(const struct sk *keys, const char *key)
{
	size_t i, n = strlen(key), k;

	for (i = 0; keys[i].key != NULL; i++) {
		k = strlen(keys[i].key);
		if (strcasecmp(keys[i].key, key) == 0 ||
		    (n > 3 && k > 3 && (n > k ? n - k : k - n) <= 2 &&
		    strncasecmp(keys[i].key, key, n < k ? n : k) == 0))
			return keys[i].key;
	}
	return NULL;
}

/*
 * What an unknown key of the object at im->path is, most likely: a
 * warning, as srt strips the key and runs, or where srt refuses other
 * keys (strict), an error. Returns 0 or -1.
 */
static int
unknown_key(struct imp *im, const struct sk *keys, bool strict,
    const char *key)
{
	struct buf known;
	const char *near;
	size_t i;
	int rc = 0;

	if (im->path.n == 1 && strcmp(key, "sandbox") == 0) {
		import_srt_warn(im, true, "unknown key, ignored (Claude Code's "
		    "settings.json keeps its sandbox here; this reads srt's "
		    "own settings file, ~/.srt-settings.json)");
		return 0;
	}
	if ((near = near_key(keys, key)) != NULL) {
		if (strict)
			return import_srt_fail(im, true, "unknown key: srt "
			    "refuses it here (did you mean %s?)", near);
		import_srt_warn(im, true,
		    "unknown key, ignored (did you mean %s?)", near);
		return 0;
	}
	if (im->path.n == 1) {
		import_srt_warn(im, true,
		    "unknown key, ignored (not a setting of srt)");
		return 0;
	}
	buf_init(&known);
	for (i = 0; keys[i].key != NULL; i++)
		buf_printf(&known, "%s%s", i > 0 ? ", " : "", keys[i].key);
	if (strict)
		rc = import_srt_fail(im, true,
		    "unknown key: srt refuses it here (known: %s)",
		    buf_str(&known));
	else
		import_srt_warn(im, true, "unknown key, ignored (known: %s)",
		    buf_str(&known));
	buf_clear(&known);
	return rc;
}

/*
 * The members of obj, an object of schema o, into m (by o->sub's order):
 * an unknown key is a warning, or an error in a strict object; a repeated
 * one an error (JSON.parse would keep the last silently; which one was
 * meant is not known); a missing required one an error.
 */
int
import_srt_members(struct imp *im, const cJSON *obj, const struct sk *o,
    struct member m[MEMBERS_MAX])
{
	const struct sk *keys = o->sub;
	const cJSON *c;
	size_t i, k, line, col;
	int rc;

	if (!cJSON_IsObject(obj))
		return import_srt_wrong_type(im, obj, "an object");
	memset(m, 0, MEMBERS_MAX * sizeof *m);
	for (c = obj->child, k = 0; c != NULL; c = c->next, k++) {
		i = import_srt_key_index(keys, c->string);
		if (keys[i].key == NULL) {
			import_srt_push(im, c->string, k);
			rc = unknown_key(im, keys, (o->flags & SK_STRICT) != 0,
			    c->string);
			import_srt_pop(im);
			if (rc == -1)
				return -1;
			continue;
		}
		if (m[i].node != NULL) {
			import_srt_push(im, c->string, m[i].index);
			json_line_col(im->doc, json_locate(im->doc, &im->path,
			    true), &line, &col);
			im->path.v[im->path.n - 1].index = k;
			import_srt_fail(im, true,
			    "duplicate key (first at %zu:%zu)", line, col);
			import_srt_pop(im);
			return -1;
		}
		m[i].node = c;
		m[i].index = k;
	}
	for (i = 0; keys[i].key != NULL; i++) {
		if (m[i].node != NULL || (keys[i].flags & SK_REQUIRED) == 0)
			continue;
		import_srt_push(im, keys[i].key, JSON_MISSING);
		import_srt_fail(im, false, "required key is missing");
		import_srt_pop(im);
		return -1;
	}
	return 0;
}

/* Steps into member i of m (o's sub[i]); import_srt_pop when done. */
const cJSON *
import_srt_enter(struct imp *im, const struct sk *o, const struct member *m,
    size_t i)
{
	import_srt_push(im, o->sub[i].key, m[i].index);
	return m[i].node;
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

/* The length of s as JavaScript counts it: UTF-16 units. */
static size_t
js_length(const char *s)
{
	size_t n = 0, len = strlen(s), k;
	long cp;

	while (len > 0) {
		cp = utf8_decode(s, len, &k);
		n += cp > 0xffff ? 2 : 1;
		s += k;
		len -= k;
	}
	return n;
}

static bool
is_env_name(const char *s)
{
	if (!((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') ||
	    *s == '_'))
		return false;
	for (s++; *s != '\0'; s++) {
		if (!((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') ||
		    (*s >= '0' && *s <= '9') || *s == '_'))
			return false;
	}
	return true;
}

static bool
is_uuid(const char *s)
{
	static const char shape[] = "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx";
	size_t i;

	if (strlen(s) != sizeof shape - 1)
		return false;
	for (i = 0; shape[i] != '\0'; i++) {
		if (shape[i] == '-' ? s[i] != '-' : strchr("0123456789abcdef"
		    "ABCDEF", s[i]) == NULL)
			return false;
	}
	return true;
}

/* A number that is an integer, as Number.isInteger has it (finite). */
static bool
is_integer(double d)
{
	if (!(d - d == 0))
		return false;
	/* Past 2^53 every double is an integer. */
	if (d > 9e15 || d < -9e15)
		return true;
	return d == (double)(long long)d;
}

/* The members of m (of object o) that are there, in the order of the
 * file, into order; their number. */
static size_t
member_order(const struct sk *o, const struct member *m,
    size_t order[MEMBERS_MAX])
{
	size_t i, k, n = 0;

	for (i = 0; o->sub[i].key != NULL; i++) {
		if (m[i].node == NULL)
			continue;
		/* Insertion by place: a few keys at most. */
		for (k = n++; k > 0 && m[order[k - 1]].index > m[i].index; k--)
			order[k] = order[k - 1];
		order[k] = i;
	}
	return n;
}

static int
sk_check_string(struct imp *im, const cJSON *v, const struct sk *s)
{
	char show[VALUE_SHOW_MAX + 8];
	const char *t = v->valuestring, *star;
	size_t n;

	if ((s->flags & SK_NONEMPTY) && t[0] == '\0')
		return import_srt_fail(im, false, "cannot be empty");
	if (s->max > 0 && ((n = js_length(t)) < s->min || n > s->max))
		return import_srt_fail(im, false,
		    "expected %.0f to %.0f characters, got %zu: %s", s->min,
		    s->max, n, import_srt_value_text(im, show, sizeof show));
	if ((s->flags & SK_ABSOLUTE) && t[0] != '/')
		return import_srt_fail(im, false,
		    "expected an absolute path, got %s",
		    import_srt_value_text(im, show, sizeof show));
	if ((s->flags & SK_ENV_NAME) && !is_env_name(t))
		return import_srt_fail(im, false, "expected a variable name "
		    "(letters, digits and '_', not starting with a digit), got "
		    "%s", import_srt_value_text(im, show, sizeof show));
	if ((s->flags & SK_UUID) && !is_uuid(t))
		return import_srt_fail(im, false, "expected a UUID, got %s",
		    import_srt_value_text(im, show, sizeof show));
	if ((s->flags & SK_MACH_NAME) && (star = strchr(t, '*')) != NULL &&
	    star[1] != '\0')
		return import_srt_fail(im, false,
		    "a '*' may only end the name, as in \"com.example.*\": %s",
		    import_srt_value_text(im, show, sizeof show));
	return 0;
}

static int
sk_int(struct imp *im, const cJSON *v, double min, double max)
{
	char raw[64];
	double d = v->valuedouble;

	if (!is_integer(d) || d < min || d > max) {
		json_number_text(im->doc, &im->path, raw, sizeof raw);
		return import_srt_fail(im, false,
		    "expected an integer %.0f..%.0f, got %s", min, max, raw);
	}
	return 0;
}

static int
sk_enum(struct imp *im, const cJSON *v, const char *const *values)
{
	char show[VALUE_SHOW_MAX + 8];
	struct buf b;
	size_t i;
	int rc;

	for (i = 0; values[i] != NULL; i++) {
		if (strcmp(values[i], v->valuestring) == 0)
			return 0;
	}
	buf_init(&b);
	for (i = 0; values[i] != NULL; i++)
		buf_printf(&b, "%s%s", i == 0 ? "" : values[i + 1] == NULL ?
		    " or " : ", ", values[i]);
	rc = import_srt_fail(im, false, "expected %s, got %s", buf_str(&b),
	    import_srt_value_text(im, show, sizeof show));
	buf_clear(&b);
	return rc;
}

/* windows.proxyPortRange: [low, high]. */
static int
sk_port_range(struct imp *im, const cJSON *v)
{
	char show[VALUE_SHOW_MAX + 8];
	const cJSON *lo, *hi;
	int rc;

	if (!cJSON_IsArray(v))
		return import_srt_wrong_type(im, v, "an array [low, high]");
	if (cJSON_GetArraySize(v) != 2)
		return import_srt_fail(im, false,
		    "expected [low, high], got %s",
		    import_srt_value_text(im, show, sizeof show));
	lo = v->child;
	hi = lo->next;
	/* srt has low >= 1 and high <= 65535, and then low <= high. */
	import_srt_push(im, NULL, 0);
	rc = !cJSON_IsNumber(lo) ? import_srt_wrong_type(im, lo, "an integer") :
	    sk_int(im, lo, 1, 65535);
	import_srt_pop(im);
	if (rc == 0) {
		import_srt_push(im, NULL, 1);
		rc = !cJSON_IsNumber(hi) ?
		    import_srt_wrong_type(im, hi, "an integer") :
		    sk_int(im, hi, 1, 65535);
		import_srt_pop(im);
	}
	if (rc == 0 && (lo->valuedouble > hi->valuedouble ||
	    hi->valuedouble - lo->valuedouble > 64))
		rc = import_srt_fail(im, false, "low must be at most high, and "
		    "the range at most 64 wide: %s", import_srt_value_text(im,
		    show, sizeof show));
	return rc;
}

/* An object of schema s: its members, each by its schema. */
static int
sk_object(struct imp *im, const cJSON *v, const struct sk *s)
{
	struct member m[MEMBERS_MAX];
	size_t order[MEMBERS_MAX], i, k, n;
	int rc = 0;

	if (import_srt_members(im, v, s, m) == -1)
		return -1;
	n = member_order(s, m, order);
	for (k = 0; k < n && rc == 0; k++) {
		if (s->sub[i = order[k]].flags & SK_OWN)
			continue;
		rc = import_srt_sk_value(im, import_srt_enter(im, s, m, i),
		    &s->sub[i]);
		import_srt_pop(im);
	}
	if (rc == 0 && (s->flags & SK_CERT_PAIR) &&
	    (m[0].node == NULL) != (m[1].node == NULL))
		rc = import_srt_fail(im, false, "caCertPath and caKeyPath go "
		    "together: give both or neither");
	return rc;
}

/*
 * Checks v, at im->path, as srt's schema s has it (for an object, the
 * members that are not SK_OWN; their reader checks those). Returns 0, or
 * -1 with im->err set.
 */
int
import_srt_sk_value(struct imp *im, const cJSON *v, const struct sk *s)
{
	const cJSON *c;
	size_t i;
	int rc = 0;

	switch (s->kind) {
	case SK_BOOL:
		if (!cJSON_IsBool(v))
			return import_srt_wrong_type(im, v, "a boolean");
		return 0;
	case SK_STRING:
		if (!cJSON_IsString(v))
			return import_srt_wrong_type(im, v, "a string");
		return sk_check_string(im, v, s);
	case SK_INT:
		if (!cJSON_IsNumber(v))
			return import_srt_wrong_type(im, v, "an integer");
		return sk_int(im, v, s->min, s->max);
	case SK_ENUM:
		if (!cJSON_IsString(v))
			return import_srt_wrong_type(im, v, "a string");
		return sk_enum(im, v, s->values);
	case SK_ARRAY:
		if (!cJSON_IsArray(v))
			return import_srt_wrong_type(im, v, "an array");
		if ((s->flags & SK_NONEMPTY) && v->child == NULL)
			return import_srt_fail(im, false,
			    "expected at least one entry, got []");
		for (c = v->child, i = 0; c != NULL && rc == 0 &&
		    s->sub != NULL; c = c->next, i++) {
			import_srt_push(im, NULL, i);
			rc = import_srt_sk_value(im, c, s->sub);
			import_srt_pop(im);
		}
		return rc;
	case SK_RECORD:
		if (!cJSON_IsObject(v))
			return import_srt_wrong_type(im, v, "an object");
		for (c = v->child, i = 0; c != NULL && rc == 0; c = c->next,
		    i++) {
			import_srt_push(im, c->string, i);
			rc = import_srt_sk_value(im, c, s->sub);
			import_srt_pop(im);
		}
		return rc;
	case SK_OBJECT:
		return sk_object(im, v, s);
	case SK_PORT_RANGE:
		return sk_port_range(im, v);
	case SK_FUNCTION:
		break;
	}
	return import_srt_fail(im, true, "srt takes a function of its library "
	    "here, which a settings file cannot hold");
}

/*
 * The members of m (of object o) that are not SK_OWN: each checked, and
 * warned about when it is set and has no equivalent.
 */
int
import_srt_sk_rest(struct imp *im, const struct sk *o, const struct member *m)
{
	const struct sk *s;
	const cJSON *c;
	size_t order[MEMBERS_MAX], i, k, n;
	int rc = 0;

	n = member_order(o, m, order);
	for (k = 0; k < n && rc == 0; k++) {
		s = &o->sub[i = order[k]];
		if (s->flags & SK_OWN)
			continue;
		c = import_srt_enter(im, o, m, i);
		if ((rc = import_srt_sk_value(im, c, s)) == 0 &&
		    s->warn != NULL && ((s->flags & SK_PRESENT) || is_set(c)))
			import_srt_warn(im, true, "%s", s->warn);
		import_srt_pop(im);
	}
	return rc;
}

int
import_srt_get_bool(struct imp *im, const cJSON *v, bool *out)
{
	if (!cJSON_IsBool(v))
		return import_srt_wrong_type(im, v, "a boolean");
	*out = cJSON_IsTrue(v);
	return 0;
}

/* An integer 1..65535, as srt's port schema has it. */
int
import_srt_get_port(struct imp *im, const cJSON *v, unsigned *out)
{
	char raw[64];
	double d;

	if (!cJSON_IsNumber(v))
		return import_srt_wrong_type(im, v, "an integer");
	d = v->valuedouble;
	if (!(d >= 1 && d <= 65535) || (double)(unsigned)d != d) {
		json_number_text(im->doc, &im->path, raw, sizeof raw);
		return import_srt_fail(im, false,
		    "port must be an integer 1..65535: %s", raw);
	}
	*out = (unsigned)d;
	return 0;
}

/* A list longer than a params file may hold would not load again. */
int
import_srt_too_many(struct imp *im, const cJSON *v)
{
	int n = cJSON_GetArraySize(v);

	if (n > PARAMS_LIST_MAX)
		return import_srt_fail(im, false,
		    "too many entries: %d (at most %d)", n, PARAMS_LIST_MAX);
	return 0;
}
