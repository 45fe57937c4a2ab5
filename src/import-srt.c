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
 */
#include "config.h"

#include "import-srt.h"

#include <fnmatch.h>
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
#include "gen.h"
#include "glob.h"
#include "hash.h"
#include "json.h"
#include "params-json.h"
#include "path.h"
#include "strmap.h"
#include "unicode.h"
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

/*
 * What srt makes writable whatever the file says (getDefaultWritePaths:
 * SANDBOX_OWN_WRITE_PATHS and HOME_CONVENIENCE_WRITE_DIRS) and sbpolicy's
 * base policy does not: the directory srt points TMPDIR at, which it never
 * leaves out, and two of $HOME, which it leaves out when a read-deny
 * covers them. Its devices (/dev/stdout, /dev/null, /dev/tty, ...) are in
 * the base policy, /dev/autofs_nowait aside.
 */
#define SRT_TMPDIR	"/tmp/claude"
static const char *const srt_home_dirs[] = {
	"~/.npm/_logs", "~/.claude/debug",
};

/* --- srt's schema ------------------------------------------------------- */

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
static const struct sk sk_cred_file = { NULL, SK_OBJECT, 0, 0, 0, NULL,
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
	{ "files", SK_ARRAY, SK_OWN, 0, 0, NULL, &sk_cred_file, NULL },
	{ "envVars", SK_ARRAY, SK_OWN, 0, 0, NULL, &sk_env_var, NULL },
	{ "allowPlaintextInject", SK_BOOL, 0, 0, 0, NULL, NULL, PROXY_WARN },
	{ "awsPairs", SK_ARRAY, 0, 0, 0, NULL, &sk_aws_pair, PROXY_WARN },
	/* An object that says "deny" or "passthrough": set is set. */
	{ "sigv4", SK_OBJECT, SK_STRICT, 0, 0, NULL, sk_sigv4_members,
	  PROXY_WARN },
	{ NULL, 0, 0, 0, 0, NULL, NULL, NULL },
};
enum { C_FILES, C_ENV_VARS, C_PLAINTEXT, C_AWS_PAIRS, C_SIGV4 };

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
static const struct sk sk_net_members[] = {
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
enum {
	N_ALLOWED, N_DENIED, N_DENIED_REASONS, N_STRICT, N_DENIED_ADDRESSES,
	N_SOCKETS, N_ALL_SOCKETS, N_LOCAL_BINDING, N_MACH_LOOKUP, N_HTTP_PORT,
	N_SOCKS_PORT, N_MITM, N_FILTER, N_PLAINTEXT_SET, N_STRIP_HEADERS,
	N_OPAQUE, N_HOST_MATCH, N_TARGET, N_TLS, N_PARENT,
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
enum {
	F_DISABLED, F_DENY_READ, F_ALLOW_READ, F_ALLOW_WRITE, F_DENY_WRITE,
	F_ALLOW_GIT_CONFIG,
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
static const struct sk sk_root_members[] = {
	{ "network", SK_OBJECT, SK_OWN, 0, 0, NULL, sk_net_members, NULL },
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
enum { R_NETWORK, R_FILESYSTEM, R_CREDENTIALS };

static const struct sk sk_root = { NULL, SK_OBJECT, 0, 0, 0, NULL,
    sk_root_members, NULL };

/* The most warnings listed: each is located by a walk of the text, and
 * past a hundred more lines tell a reader nothing new. */
#define WARNINGS_MAX	100

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

/*
 * The value at im->path as the file writes it, for a message: on one
 * line (blanks between its tokens as one space), at most VALUE_SHOW_MAX
 * bytes, cut with "..." (the text is UTF-8, and has no control character
 * but blanks: the parser saw to both).
 */
static const char *
value_text(struct imp *im, char *out, size_t size)
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

static int
wrong_type(struct imp *im, const cJSON *v, const char *expected)
{
	char show[VALUE_SHOW_MAX + 8];

	if (cJSON_IsNull(v))
		return fail(im, false, "expected %s, got null", expected);
	return fail(im, false, "expected %s, got %s: %s", expected,
	    type_name(v), value_text(im, show, sizeof show));
}

static size_t
key_index(const struct sk *keys, const char *key)
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
		warn(im, true, "unknown key, ignored (Claude Code's "
		    "settings.json keeps its sandbox here; this reads srt's "
		    "own settings file, ~/.srt-settings.json)");
		return 0;
	}
	if ((near = near_key(keys, key)) != NULL) {
		if (strict)
			return fail(im, true, "unknown key: srt refuses it "
			    "here (did you mean %s?)", near);
		warn(im, true, "unknown key, ignored (did you mean %s?)", near);
		return 0;
	}
	if (im->path.n == 1) {
		warn(im, true, "unknown key, ignored (not a setting of srt)");
		return 0;
	}
	buf_init(&known);
	for (i = 0; keys[i].key != NULL; i++)
		buf_printf(&known, "%s%s", i > 0 ? ", " : "", keys[i].key);
	if (strict)
		rc = fail(im, true, "unknown key: srt refuses it here (known: "
		    "%s)", buf_str(&known));
	else
		warn(im, true, "unknown key, ignored (known: %s)",
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
static int
members(struct imp *im, const cJSON *obj, const struct sk *o,
    struct member m[MEMBERS_MAX])
{
	const struct sk *keys = o->sub;
	const cJSON *c;
	size_t i, k, line, col;
	int rc;

	if (!cJSON_IsObject(obj))
		return wrong_type(im, obj, "an object");
	memset(m, 0, MEMBERS_MAX * sizeof *m);
	for (c = obj->child, k = 0; c != NULL; c = c->next, k++) {
		i = key_index(keys, c->string);
		if (keys[i].key == NULL) {
			push(im, c->string, k);
			rc = unknown_key(im, keys, (o->flags & SK_STRICT) != 0,
			    c->string);
			pop(im);
			if (rc == -1)
				return -1;
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
	for (i = 0; keys[i].key != NULL; i++) {
		if (m[i].node != NULL || (keys[i].flags & SK_REQUIRED) == 0)
			continue;
		push(im, keys[i].key, JSON_MISSING);
		fail(im, false, "required key is missing");
		pop(im);
		return -1;
	}
	return 0;
}

/* Steps into member i of m (o's sub[i]); pop when done. */
static const cJSON *
enter(struct imp *im, const struct sk *o, const struct member *m, size_t i)
{
	push(im, o->sub[i].key, m[i].index);
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

static int	sk_value(struct imp *, const cJSON *, const struct sk *);

static int
sk_check_string(struct imp *im, const cJSON *v, const struct sk *s)
{
	char show[VALUE_SHOW_MAX + 8];
	const char *t = v->valuestring, *star;
	size_t n;

	if ((s->flags & SK_NONEMPTY) && t[0] == '\0')
		return fail(im, false, "cannot be empty");
	if (s->max > 0 && ((n = js_length(t)) < s->min || n > s->max))
		return fail(im, false, "expected %.0f to %.0f characters, got "
		    "%zu: %s", s->min, s->max, n, value_text(im, show,
		    sizeof show));
	if ((s->flags & SK_ABSOLUTE) && t[0] != '/')
		return fail(im, false, "expected an absolute path, got %s",
		    value_text(im, show, sizeof show));
	if ((s->flags & SK_ENV_NAME) && !is_env_name(t))
		return fail(im, false, "expected a variable name (letters, "
		    "digits and '_', not starting with a digit), got %s",
		    value_text(im, show, sizeof show));
	if ((s->flags & SK_UUID) && !is_uuid(t))
		return fail(im, false, "expected a UUID, got %s",
		    value_text(im, show, sizeof show));
	if ((s->flags & SK_MACH_NAME) && (star = strchr(t, '*')) != NULL &&
	    star[1] != '\0')
		return fail(im, false, "a '*' may only end the name, as in "
		    "\"com.example.*\": %s", value_text(im, show,
		    sizeof show));
	return 0;
}

static int
sk_int(struct imp *im, const cJSON *v, double min, double max)
{
	char raw[64];
	double d = v->valuedouble;

	if (!is_integer(d) || d < min || d > max) {
		json_number_text(im->doc, &im->path, raw, sizeof raw);
		return fail(im, false, "expected an integer %.0f..%.0f, got %s",
		    min, max, raw);
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
	rc = fail(im, false, "expected %s, got %s", buf_str(&b),
	    value_text(im, show, sizeof show));
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
		return wrong_type(im, v, "an array [low, high]");
	if (cJSON_GetArraySize(v) != 2)
		return fail(im, false, "expected [low, high], got %s",
		    value_text(im, show, sizeof show));
	lo = v->child;
	hi = lo->next;
	/* srt has low >= 1 and high <= 65535, and then low <= high. */
	push(im, NULL, 0);
	rc = !cJSON_IsNumber(lo) ? wrong_type(im, lo, "an integer") :
	    sk_int(im, lo, 1, 65535);
	pop(im);
	if (rc == 0) {
		push(im, NULL, 1);
		rc = !cJSON_IsNumber(hi) ? wrong_type(im, hi, "an integer") :
		    sk_int(im, hi, 1, 65535);
		pop(im);
	}
	if (rc == 0 && (lo->valuedouble > hi->valuedouble ||
	    hi->valuedouble - lo->valuedouble > 64))
		rc = fail(im, false, "low must be at most high, and the range "
		    "at most 64 wide: %s", value_text(im, show, sizeof show));
	return rc;
}

/* An object of schema s: its members, each by its schema. */
static int
sk_object(struct imp *im, const cJSON *v, const struct sk *s)
{
	struct member m[MEMBERS_MAX];
	size_t order[MEMBERS_MAX], i, k, n;
	int rc = 0;

	if (members(im, v, s, m) == -1)
		return -1;
	n = member_order(s, m, order);
	for (k = 0; k < n && rc == 0; k++) {
		if (s->sub[i = order[k]].flags & SK_OWN)
			continue;
		rc = sk_value(im, enter(im, s, m, i), &s->sub[i]);
		pop(im);
	}
	if (rc == 0 && (s->flags & SK_CERT_PAIR) &&
	    (m[0].node == NULL) != (m[1].node == NULL))
		rc = fail(im, false, "caCertPath and caKeyPath go together: "
		    "give both or neither");
	return rc;
}

/*
 * Checks v, at im->path, as srt's schema s has it (for an object, the
 * members that are not SK_OWN; their reader checks those). Returns 0, or
 * -1 with im->err set.
 */
static int
sk_value(struct imp *im, const cJSON *v, const struct sk *s)
{
	const cJSON *c;
	size_t i;
	int rc = 0;

	switch (s->kind) {
	case SK_BOOL:
		if (!cJSON_IsBool(v))
			return wrong_type(im, v, "a boolean");
		return 0;
	case SK_STRING:
		if (!cJSON_IsString(v))
			return wrong_type(im, v, "a string");
		return sk_check_string(im, v, s);
	case SK_INT:
		if (!cJSON_IsNumber(v))
			return wrong_type(im, v, "an integer");
		return sk_int(im, v, s->min, s->max);
	case SK_ENUM:
		if (!cJSON_IsString(v))
			return wrong_type(im, v, "a string");
		return sk_enum(im, v, s->values);
	case SK_ARRAY:
		if (!cJSON_IsArray(v))
			return wrong_type(im, v, "an array");
		if ((s->flags & SK_NONEMPTY) && v->child == NULL)
			return fail(im, false, "expected at least one entry, "
			    "got []");
		for (c = v->child, i = 0; c != NULL && rc == 0 &&
		    s->sub != NULL; c = c->next, i++) {
			push(im, NULL, i);
			rc = sk_value(im, c, s->sub);
			pop(im);
		}
		return rc;
	case SK_RECORD:
		if (!cJSON_IsObject(v))
			return wrong_type(im, v, "an object");
		for (c = v->child, i = 0; c != NULL && rc == 0; c = c->next,
		    i++) {
			push(im, c->string, i);
			rc = sk_value(im, c, s->sub);
			pop(im);
		}
		return rc;
	case SK_OBJECT:
		return sk_object(im, v, s);
	case SK_PORT_RANGE:
		return sk_port_range(im, v);
	case SK_FUNCTION:
		break;
	}
	return fail(im, true, "srt takes a function of its library here, "
	    "which a settings file cannot hold");
}

/*
 * The members of m (of object o) that are not SK_OWN: each checked, and
 * warned about when it is set and has no equivalent.
 */
static int
sk_rest(struct imp *im, const struct sk *o, const struct member *m)
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
		c = enter(im, o, m, i);
		if ((rc = sk_value(im, c, s)) == 0 && s->warn != NULL &&
		    ((s->flags & SK_PRESENT) || is_set(c)))
			warn(im, true, "%s", s->warn);
		pop(im);
	}
	return rc;
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

/* --- paths -------------------------------------------------------------- */

/* A pattern to srt: its containsGlobChars. */
static bool
srt_is_glob(const char *s)
{
	return strpbrk(s, "*?[]") != NULL;
}

/* Whether s is relative to srt: neither absolute nor "~" nor "~/...". */
static bool
srt_relative(const char *s)
{
	return s[0] != '/' && strcmp(s, "~") != 0 && strncmp(s, "~/", 2) != 0;
}

/* s without a last "**" component, as srt's removeTrailingGlobSuffix
 * has it ("/" for the root's). New string. */
static char *
srt_trim_any(const char *s)
{
	size_t n = strlen(s);

	if (n >= 3 && strcmp(s + n - 3, "/**") == 0)
		return n == 3 ? xstrdup("/") : xstrndup(s, n - 3);
	return xstrdup(s);
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
	char show[VALUE_SHOW_MAX + 8];
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
		return fail(im, false, "%s, got %s: %s", shape, type_name(v),
		    value_text(im, show, sizeof show));
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
		return fail(im, false, "%s, got %s", shape, value_text(im,
		    show, sizeof show));
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

	if (srt_relative(s)) {
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

/* --- srt's globs -------------------------------------------------------- */

/* A character the glob language of glob.h would read as syntax. */
static bool
glob_special(char c)
{
	return c == '*' || c == '?' || c == '[' || c == ']' || c == '\\';
}

static void
glob_char(struct buf *b, char c)
{
	if (glob_special(c))
		buf_putc(b, '\\');
	buf_putc(b, c);
}

/*
 * The characters of srt's set [m..m+n) as UTF-16 units into u (n of room),
 * as JavaScript compares them; their number.
 */
static size_t
set_units(const char *m, size_t n, unsigned *u)
{
	size_t k, i = 0;
	long cp;

	while (n > 0) {
		cp = utf8_decode(m, n, &k);
		if (cp > 0xffff) {
			u[i++] = 0xd800 + (((unsigned)cp - 0x10000) >> 10);
			u[i++] = 0xdc00 + (((unsigned)cp - 0x10000) & 0x3ff);
		} else
			u[i++] = cp < 0 ? (unsigned char)*m : (unsigned)cp;
		m += k;
		n -= k;
	}
	return i;
}

/*
 * Whether srt reads the members [m..m+n) of brackets as a set (setRanges
 * of glob-pattern.js): there are some, and no range runs backwards
 * ("[user-id]": 'r'-'i'), a '-' first or last being a member.
 */
static bool
srt_set_ok(const char *m, size_t n)
{
	unsigned *u, from, to;
	size_t i, len;
	bool ok = true;

	if (n == 0)
		return false;
	u = xreallocarray(NULL, n, sizeof *u);
	len = set_units(m, n, u);
	for (i = 0; i < len && ok; i++) {
		from = u[i];
		if (i + 2 < len && u[i + 1] == '-')
			i += 2;
		to = u[i];
		ok = to >= from;
	}
	free(u);
	return ok;
}

/*
 * srt's set [m..m+n) (members as srt reads them: no negation, no class,
 * a '-' between two a range) in the bracket syntax of glob.h, appended
 * to b: 1 for a bracket expression, 0 for the one character it holds, or
 * -1 with *why (a new string) when ours cannot say it.
 */
static int
srt_set(struct buf *b, const char *m, size_t n, char **why)
{
	unsigned char *lo, *hi;
	char show[SB_SHOW_MAX], *set;
	size_t i, k, nitems = 0, first = SIZE_MAX;
	bool dash = false;
	int rc = -1;

	set = xstrndup(m, n);
	lo = xmalloc(n);
	hi = xmalloc(n);
	for (i = 0; i < n; i++) {
		if ((unsigned char)m[i] >= 0x80 || (unsigned char)m[i] < 0x20 ||
		    m[i] == 0x7f) {
			xasprintf(why, "the set %s holds characters other than "
			    "printable ASCII, which sbpolicy's sets do not",
			    sb_show(show, sizeof show, set));
			goto out;
		}
	}
	for (i = 0; i < n; i++, nitems++) {
		lo[nitems] = hi[nitems] = (unsigned char)m[i];
		if (i + 2 < n && m[i + 1] == '-') {
			hi[nitems] = (unsigned char)m[i + 2];
			i += 2;
		}
		if (lo[nitems] <= '/' && '/' <= hi[nitems]) {
			xasprintf(why, "the set %s can match '/', which "
			    "sbpolicy's sets cannot", sb_show(show,
			    sizeof show, set));
			goto out;
		}
	}
	/* "[!" and "[^" would negate: something else goes first, a lone
	 * '-' last, where it starts no range (or first, after "["). */
	for (k = 0; k < nitems; k++) {
		if (lo[k] == '-' && hi[k] == '-')
			dash = true;
		else if (first == SIZE_MAX && lo[k] != '!' && lo[k] != '^')
			first = k;
	}
	if (nitems == 1 && lo[0] == hi[0]) {
		glob_char(b, (char)lo[0]);
		rc = 0;		/* one character: no wildcard */
		goto out;
	}
	if (first == SIZE_MAX && !dash) {
		xasprintf(why, "every member of the set %s starts with '!' or "
		    "'^', which sbpolicy's sets read as negation",
		    sb_show(show, sizeof show, set));
		goto out;
	}
	buf_putc(b, '[');
	if (first == SIZE_MAX) {
		buf_putc(b, '-');
		first = 0;
		dash = false;
	}
	for (i = 0, k = first; i < nitems; i++, k = (k + 1) % nitems) {
		if (lo[k] == '-' && hi[k] == '-')
			continue;
		glob_char(b, (char)lo[k]);
		if (hi[k] != lo[k]) {
			buf_putc(b, '-');
			glob_char(b, (char)hi[k]);
		}
	}
	if (dash)
		buf_putc(b, '-');
	buf_putc(b, ']');
	rc = 1;
out:
	free(hi);
	free(lo);
	free(set);
	return rc;
}

/*
 * srt's reading of the pattern s (parseGlob of glob-pattern.js) in the
 * glob language of glob.h, as a new string: no character escapes another
 * there, so each that is syntax here is escaped; a set runs from a '[' to
 * the next ']' and is rewritten in our syntax; brackets that spell no set
 * (none closes the '[', nothing is between them, a range runs backwards)
 * are text, and so is a ']' that nothing opens; '?', '*', "**" and "**\/"
 * are ours too. *wild says whether it holds a wildcard. NULL with *why set
 * (a new string) for a set that ours cannot say.
 */
static char *
srt_glob(const char *s, bool *wild, char **why)
{
	struct buf b;
	const char *close;
	size_t i, n = strlen(s), run, text_until = 0;
	bool slash;
	int set;

	*wild = false;
	*why = NULL;
	buf_init(&b);
	for (i = 0; i < n;) {
		switch (s[i]) {
		case '?':
			buf_putc(&b, '?');
			*wild = true;
			i++;
			break;
		case '*':
			for (run = 0; s[i] == '*'; i++)
				run++;
			slash = run >= 2 && s[i] == '/';
			run -= slash ? 2 : 0;
			if (run >= 2)
				buf_puts(&b, "**");
			else if (run == 1)
				buf_putc(&b, '*');
			if (slash) {
				buf_puts(&b, "**/");
				i++;
			}
			*wild = true;
			break;
		case '[':
			if (i >= text_until) {
				close = strchr(s + i + 1, ']');
				if (close == NULL)
					text_until = n;
				else if (!srt_set_ok(s + i + 1,
				    (size_t)(close - s) - i - 1))
					text_until = (size_t)(close - s) + 1;
				else {
					if ((set = srt_set(&b, s + i + 1,
					    (size_t)(close - s) - i - 1,
					    why)) == -1) {
						buf_clear(&b);
						return NULL;
					}
					*wild = *wild || set == 1;
					i = (size_t)(close - s) + 1;
					break;
				}
			}
			glob_char(&b, s[i++]);
			break;
		default:
			glob_char(&b, s[i++]);
			break;
		}
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

/*
 * srt refuses a deny pattern that ends in a separator: it matches no
 * path, and a deny that misses is a hole. It says so only of a rooted
 * spelling: a relative one goes through path.resolve, which drops the
 * '/'. Not checked when filesystem.disabled drops every rule.
 */
static int
deny_glob_check(struct imp *im, const char *s, bool literal)
{
	size_t n = strlen(s);

	if (im->fs_apply && !literal && srt_is_glob(s) && s[n - 1] == '/' &&
	    (s[0] == '/' || s[0] == '~'))
		return fail(im, false, "a deny pattern cannot end in '/': it "
		    "matches no path (write \"%.*s\", or add a \"**\" "
		    "component)", (int)(n - 1), s);
	return 0;
}

/* --- writable roots ----------------------------------------------------- */

/*
 * Each path of roots (n of them, NULL ones left out) and every directory
 * above it into map m, to its index: the first root at a place is the
 * one named. One lookup then says whether a path is at or above a root,
 * whatever the number of roots.
 */
static void
dirs_build(struct strmap *m, char *const *roots, size_t n)
{
	const char *r;
	size_t i, k, len, h, *slot;
	int added;

	for (i = 0; i < n; i++) {
		if ((r = roots[i]) == NULL)
			continue;
		k = strlen(r);
		h = hash_bytes(r, 0);
		for (len = 1; len <= k; len++) {
			h = hash_more(h, r[len - 1]);
			/* Each directory above r ("/" first), and r. */
			if (len < k && r[len] != '/' && !(len == 1 &&
			    r[0] == '/'))
				continue;
			slot = strmap_put(m, r, len, h, &added);
			if (added)
				*slot = i;
		}
	}
}

/*
 * im->root_paths and im->root_dirs: each writable root (compare_form, 0
 * the cwd, 1 /tmp, 2 + i writable root i), once the roots are final, for
 * deny_read_roots.
 */
static void
root_dirs_build(struct imp *im)
{
	struct params *p = im->p;
	size_t i;

	im->root_paths = xcalloc(p->writable_roots.n + 2,
	    sizeof *im->root_paths);
	if (p->include_cwd)
		im->root_paths[0] = compare_form(im, im->cwd);
	if (p->include_slash_tmp)
		im->root_paths[1] = compare_form(im, "/tmp");
	for (i = 0; i < p->writable_roots.n; i++)
		im->root_paths[i + 2] = compare_form(im, p->writable_roots.v[i]);
	im->nroot_paths = p->writable_roots.n + 2;
	dirs_build(&im->root_dirs, im->root_paths, im->nroot_paths);
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

	if (glob_is_pattern(stored))
		return;
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

/* Keeps the deny_read entry stored, added at im->path, for
 * deny_read_roots. */
static void
deny_read_keep(struct imp *im, const char *s, const char *stored)
{
	struct deny_read *r;

	if (im->ndr == im->drcap) {
		im->drcap = im->drcap == 0 ? 16 : im->drcap * 2;
		im->dr = xreallocarray(im->dr, im->drcap, sizeof *im->dr);
	}
	r = &im->dr[im->ndr++];
	r->stored = xstrdup(stored);
	r->text = s;
	r->nat = im->path.n;
	r->at = xreallocarray(NULL, r->nat, sizeof *r->at);
	memcpy(r->at, im->path.v, r->nat * sizeof *r->at);
}

/*
 * One read-deny entry at im->path into deny_read. A relative one is
 * fixed to the cwd: a params file holds no relative path, so the policy
 * run in another directory would not deny it there, which is worth a
 * word. slash_check: srt refuses a rooted pattern that ends in '/' here.
 */
static int
deny_read_add(struct imp *im, const char *s, bool literal, bool slash_check)
{
	struct sb_error e;
	char show[SB_SHOW_MAX], where[SB_SHOW_MAX], *text, *stored, *why;
	char *trimmed;
	bool wild;

	if (slash_check && deny_glob_check(im, s, literal) == -1)
		return -1;
	trimmed = literal ? xstrdup(s) : srt_trim_any(s);
	if (literal || !srt_is_glob(trimmed))
		text = glob_escape(trimmed);
	else if ((text = srt_glob(trimmed, &wild, &why)) == NULL) {
		free(trimmed);
		warn(im, false, "sbpolicy cannot say this pattern (%s): not "
		    "carried over, what it matches stays readable", why);
		free(why);
		return 0;
	}
	free(trimmed);
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
		deny_read_keep(im, s, stored);
		if (srt_relative(s))
			warn(im, false, "%s is relative, and a params file "
			    "holds no relative path: fixed to the directory "
			    "of the import, %s, so that run elsewhere it "
			    "denies nothing there", sb_show(show, sizeof show,
			    s), sb_show(where, sizeof where, im->cwd));
	}
	free(stored);
	return 0;
}

/* A read-deny entry of filesystem.denyRead. */
static int
deny_read_entry(struct imp *im, const char *s, bool literal)
{
	return deny_read_add(im, s, literal, true);
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

/*
 * srt's path or pattern s as a path, into *plain (a new string): true for
 * a path, or a pattern without a wildcard once a last "**" component is
 * gone
 * (brackets that spell no set, to srt). A pattern that is none: false,
 * and *plain NULL.
 */
static bool
srt_plain(const char *s, bool literal, char **plain)
{
	char *trimmed, *g, *why;
	bool wild;

	*plain = NULL;
	if (literal || !srt_is_glob(s)) {
		*plain = xstrdup(s);
		return true;
	}
	trimmed = srt_trim_any(s);
	if (!srt_is_glob(trimmed)) {
		*plain = trimmed;
		return true;
	}
	g = srt_glob(trimmed, &wild, &why);
	free(trimmed);
	free(why);
	if (g != NULL && !wild)
		*plain = glob_unescape(g, strlen(g));
	free(g);
	return *plain != NULL;
}

/* One allowWrite entry. */
static int
allow_write_entry(struct imp *im, const char *s, bool literal)
{
	struct params *p = im->p;
	char show[SB_SHOW_MAX], *plain, *stored;

	if (!srt_plain(s, literal, &plain)) {
		warn(im, false, "%s is a pattern; sbpolicy's writable roots "
		    "are directories: not writable", sb_show(show,
		    sizeof show, s));
		return 0;
	}
	if ((stored = stored_path(im, plain, false)) == NULL) {
		free(plain);
		return -1;
	}
	if (srt_relative(plain) && strcmp(stored, im->cwd) == 0)
		p->include_cwd = true;
	else if (strcmp(stored, "/tmp") == 0 ||
	    strcmp(stored, "/private/tmp") == 0)
		p->include_slash_tmp = true;
	else
		add_unique(&im->seen_roots, &p->writable_roots, stored);
	free(plain);
	free(stored);
	return 0;
}

/*
 * One denyWrite entry, kept for deny_write_apply, which reads them all
 * against the roots at once: a path as its compare_form, a pattern as the
 * compare_form of the directory before its first wildcard.
 */
static int
deny_write_entry(struct imp *im, const char *s, bool literal)
{
	char *plain, *stored, *g, *why, *lit, *path = NULL, *dir = NULL;
	bool wild;

	if (im->ndw == im->dwcap) {
		im->dwcap = im->dwcap == 0 ? 16 : im->dwcap * 2;
		im->dw = xreallocarray(im->dw, im->dwcap, sizeof *im->dw);
	}
	if (srt_plain(s, literal, &plain)) {
		stored = stored_path(im, plain, false);
		free(plain);
		if (stored == NULL)
			return -1;
		path = compare_form(im, stored);
	} else {
		/* What srt says before the first wildcard is where it
		 * lies; a set ours cannot say leaves the text as it is. */
		if ((g = srt_glob(s, &wild, &why)) == NULL)
			g = glob_escape(s);
		free(why);
		stored = stored_path(im, g, true);
		free(g);
		if (stored == NULL)
			return -1;
		lit = glob_unescape(stored, glob_literal_len(stored));
		dir = compare_form(im, lit[0] == '\0' ? "/" : lit);
		free(lit);
	}
	free(stored);
	im->dw[im->ndw].path = path;
	im->dw[im->ndw].dir = dir;
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

/* The components of path p (split at each '/'; the first "" for an
 * absolute one, which is left out), borrowed from p, which is cut. */
static size_t
components(char *p, char **v, size_t max)
{
	size_t n = 0;
	char *q;

	for (q = p; q != NULL && n < max; q = strchr(q, '/') != NULL ?
	    strchr(q, '/') + 1 : NULL) {
		if (q > p)
			q[-1] = '\0';
		if (*q != '\0')
			v[n++] = q;
	}
	return n;
}

/* Whether the glob components pat[0..np) match the path components
 * path[0..nc) or some of them from the first: "**" is any number of
 * components, each other one matched as fnmatch(3) matches a name. */
static bool
match_prefix(char *const *pat, size_t np, char *const *path, size_t nc)
{
	size_t k;

	if (np == 0)
		return true;
	if (strcmp(pat[0], "**") == 0) {
		for (k = 0; k <= nc; k++) {
			if (match_prefix(pat + 1, np - 1, path + k, nc - k))
				return true;
		}
		return false;
	}
	return nc > 0 && fnmatch(pat[0], path[0], 0) == 0 &&
	    match_prefix(pat + 1, np - 1, path + 1, nc - 1);
}

#define COVER_DEPTH	64	/* components compared, at most */

/*
 * Marks in covered[] the directories of dirs[0..n) (compare_form) that
 * deny_read entry e (stored form) covers, as srt's readRuleCovers has it:
 * a directory lies at or below the path e names, or e's pattern matches it
 * or a directory above it. Component by component: a file may hold a
 * hundred thousand patterns, too many to compile each as a regex.
 */
static void
deny_covers(const struct imp *im, const char *e, char *const *dirs,
    size_t ndirs, bool *covered)
{
	char *pat[COVER_DEPTH], *path[COVER_DEPTH];
	char *lit, *plain, *text, *d;
	size_t n, i, np, nc;

	n = strncmp(e, "**", 2) == 0 ? 0 : glob_literal_len(e);
	lit = glob_unescape(e, n);
	plain = n == 0 ? xstrdup("") : compare_form(im, lit);
	if (!glob_is_pattern(e)) {
		for (i = 0; i < ndirs; i++)
			covered[i] = covered[i] || path_is_under(dirs[i], plain);
		free(plain);
		free(lit);
		return;
	}
	free(lit);
	lit = glob_escape(plain);
	xasprintf(&text, "%s%s", lit, e + n);
	np = components(text, pat, COVER_DEPTH);
	for (i = 0; i < ndirs; i++) {
		/* What does not start with its literal directory is not
		 * matched, nor is anything above it. */
		if (covered[i] || (plain[0] != '\0' &&
		    !path_is_under(dirs[i], plain)))
			continue;
		d = xstrdup(dirs[i]);
		nc = components(d, path, COVER_DEPTH);
		covered[i] = match_prefix(pat, np, path, nc);
		free(d);
	}
	free(text);
	free(plain);
	free(lit);
}

/*
 * The roots srt adds whatever the file says (SRT_TMPDIR, srt_home_dirs),
 * after the listed ones: the directories of $HOME unless a deny_read
 * entry covers them, as srt leaves them out then.
 */
static void
srt_default_roots(struct imp *im)
{
	enum { NHOME = sizeof srt_home_dirs / sizeof srt_home_dirs[0] };
	struct params *p = im->p;
	char *dirs[NHOME];
	bool covered[NHOME];
	size_t i, k, left = NHOME;

	add_unique(&im->seen_roots, &p->writable_roots, SRT_TMPDIR);
	for (i = 0; i < NHOME; i++) {
		dirs[i] = compare_form(im, srt_home_dirs[i]);
		covered[i] = false;
	}
	for (k = 0; k < p->deny_read.n && left > 0; k++) {
		deny_covers(im, p->deny_read.v[k], dirs, NHOME, covered);
		for (i = 0, left = 0; i < NHOME; i++)
			left += !covered[i];
	}
	for (i = 0; i < NHOME; i++) {
		if (!covered[i])
			add_unique(&im->seen_roots, &p->writable_roots,
			    srt_home_dirs[i]);
		free(dirs[i]);
	}
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
 * up keeps it writable, which is warned, at the entry, unless a root
 * right above protects it: the generator denies the protected paths of a
 * root inside another in the outer one too. Each prefix of d is asked of
 * the map once.
 */
static void
deny_write_inside(struct imp *im, const struct strmap *m,
    const struct root *r, size_t i)
{
	const char *d = im->dw[i].path;
	const char *deep = NULL, *name, *patterned = NULL;
	char show[SB_SHOW_MAX];
	size_t h = hash_bytes(d, 0), n = strlen(d), len, parent, *k;
	bool named = false;

	parent = strrchr(d, '/') != NULL ? (size_t)(strrchr(d, '/') - d) : 0;
	for (len = 1; len < n; len++) {
		h = hash_more(h, d[len - 1]);
		if (d[len] != '/' || (k = strmap_get(m, d, len, h)) == NULL)
			continue;
		name = d + len + 1;
		if (len == parent && params_check_name(name, strlen(name), "",
		    NULL) == 0) {
			add_unique(&im->seen_names,
			    &im->p->protected_names, name);
			named = true;
		} else if (len == parent)
			patterned = r[*k].shown;
		else
			deep = r[*k].shown;	/* the nearest above */
	}
	/* "/" as a root: no '/' follows it in d. */
	if (d[0] == '/' && n > 1 && (k = strmap_get(m, "/", 1,
	    hash_bytes("/", 1))) != NULL) {
		if (parent == 0 && params_check_name(d + 1, n - 1, "",
		    NULL) == 0) {
			add_unique(&im->seen_names,
			    &im->p->protected_names, d + 1);
			named = true;
		} else if (parent == 0 && patterned == NULL)
			patterned = r[*k].shown;
		else if (deep == NULL)
			deep = r[*k].shown;
	}
	if (named || (deep == NULL && patterned == NULL))
		return;
	push(im, NULL, i);
	if (patterned != NULL)
		warn(im, false, "%s lies directly in %s, but its name holds "
		    "'*', '?' or '[', which a protected name cannot: stays "
		    "writable", sb_show(show, sizeof show, im->dw[i].text),
		    patterned);
	else
		warn(im, false, "%s lies below the top of %s; sbpolicy keeps "
		    "only names directly inside a root read-only: stays "
		    "writable", sb_show(show, sizeof show, im->dw[i].text),
		    deep);
	pop(im);
}

/* A denyWrite entry in no writable root (nor above one): nothing there
 * is writable, nothing to keep read-only. */
static void
deny_write_nowhere(struct imp *im, size_t i)
{
	char show[SB_SHOW_MAX];

	push(im, NULL, i);
	warn(im, false, "%s lies in no writable root, where nothing is "
	    "writable anyway: not carried over (a root added there later is "
	    "not kept read-only)", sb_show(show, sizeof show,
	    im->dw[i].text));
	pop(im);
}

/*
 * The denyWrite entries (im->dw) against the writable roots: a root at or
 * below a deny is not writable (srt's deny wins); then each deny inside a
 * root that stayed; a pattern or a deny in no root is warned. Called with
 * the path at filesystem.denyWrite.
 */
static void
deny_write_apply(struct imp *im)
{
	struct params *p = im->p;
	struct strmap denies, roots, dirs;
	struct root *r = NULL;
	char show[SB_SHOW_MAX], *shown, *d, **paths;
	size_t nr = 0, i, j, *k;
	int added;

	/* Its keys are strings that may go now. */
	strmap_clear(&im->seen_roots);
	strmap_init(&im->seen_roots);
	if (im->ndw == 0)
		return;
	strmap_init(&denies);
	for (i = 0; i < im->ndw; i++) {
		if ((d = im->dw[i].path) != NULL)
			*strmap_put(&denies, d, strlen(d), hash_bytes(d,
			    strlen(d)), NULL) = i;
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
	/* Every root, and the directories above them: a deny there takes
	 * a root away, or a pattern there may match in one. */
	paths = xcalloc(nr + 1, sizeof *paths);
	for (i = 0; i < nr; i++)
		paths[i] = r[i].path;
	strmap_init(&dirs);
	dirs_build(&dirs, paths, nr);
	free(paths);
	strmap_init(&roots);
	for (i = 0; i < nr; i++) {
		if ((r[i].gone = denies.n > 0 && map_holds_above(&denies,
		    r[i].path, false)))
			continue;
		k = strmap_put(&roots, r[i].path, strlen(r[i].path),
		    hash_bytes(r[i].path, strlen(r[i].path)), &added);
		if (added)
			*k = i;
	}
	for (i = 0; i < im->ndw; i++) {
		d = im->dw[i].path != NULL ? im->dw[i].path : im->dw[i].dir;
		if (im->dw[i].path == NULL && (map_holds_above(&roots, d,
		    false) || strmap_get(&dirs, d, strlen(d), hash_bytes(d,
		    strlen(d))) != NULL)) {
			push(im, NULL, i);
			warn(im, false, "%s is a pattern; sbpolicy keeps only "
			    "paths read-only inside a writable root (a name "
			    "directly in it): stays writable", sb_show(show,
			    sizeof show, im->dw[i].text));
			pop(im);
		} else if (im->dw[i].path == NULL)
			deny_write_nowhere(im, i);
		else if (map_holds_above(&roots, d, true))
			deny_write_inside(im, &roots, r, i);
		else if (strmap_get(&dirs, d, strlen(d), hash_bytes(d,
		    strlen(d))) == NULL)
			deny_write_nowhere(im, i);
		/* (At or above a root, it took that away.) */
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
	strmap_clear(&dirs);
	strmap_clear(&roots);
	strmap_clear(&denies);
}

static int
read_filesystem(struct imp *im, const cJSON *v)
{
	const struct sk *o = &sk_root_members[R_FILESYSTEM];
	struct member m[MEMBERS_MAX];
	const cJSON *c;
	bool disabled = false, flag = false;
	size_t n;
	int rc;

	if (members(im, v, o, m) == -1)
		return -1;
	if (m[F_DISABLED].node != NULL) {
		c = enter(im, o, m, F_DISABLED);
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
	/* The roots first: denyWrite is read against them, once srt's
	 * own are in (read_root). */
	if (m[F_ALLOW_WRITE].node != NULL) {
		c = enter(im, o, m, F_ALLOW_WRITE);
		rc = path_list(im, c, &n, im->fs_apply ? allow_write_entry :
		    NULL);
		pop(im);
		if (rc == -1)
			return -1;
	}
	if (m[F_DENY_WRITE].node != NULL) {
		c = enter(im, o, m, F_DENY_WRITE);
		rc = path_list(im, c, &n, im->fs_apply ? deny_write_entry :
		    deny_checked);
		pop(im);
		if (rc == -1)
			return -1;
		im->dw_at = m[F_DENY_WRITE].index;
	}
	if (m[F_DENY_READ].node != NULL) {
		c = enter(im, o, m, F_DENY_READ);
		rc = path_list(im, c, &im->deny_reads, im->fs_apply ?
		    deny_read_entry : deny_checked);
		pop(im);
		if (rc == -1)
			return -1;
	}
	if (m[F_ALLOW_READ].node != NULL) {
		c = enter(im, o, m, F_ALLOW_READ);
		rc = path_list(im, c, &n, NULL);
		/* It re-opens what denyRead closes: with nothing closed,
		 * there is nothing to re-open. */
		if (rc == 0 && n > 0 && im->fs_apply && im->deny_reads > 0)
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
		c = enter(im, o, m, F_ALLOW_GIT_CONFIG);
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
		push(im, "maskClaims", ic);
		rc = fail(im, true, "maskClaims needs decode: it names claims "
		    "inside the decoded value");
		pop(im);
	} else if (claims != NULL && claims->child == NULL) {
		push(im, "maskClaims", ic);
		rc = fail(im, false, "an empty list masks no claim (leave it "
		    "out to mask the whole value)");
		pop(im);
	} else if (mask && inject != NULL && inject->child == NULL) {
		push(im, "injectHosts", ii);
		rc = fail(im, false, "an empty list: the credential would be "
		    "masked and never sent (leave it out for "
		    "network.allowedDomains)");
		pop(im);
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

	if (sk_value(im, v, &sk_cred_file) == -1)
		return -1;
	*mask = strcmp(member_of(v, "mode", &at)->valuestring, "mask") == 0;
	if (cred_entry_checks(im, v, *mask) == -1)
		return -1;
	c = member_of(v, "path", &at);
	push(im, "path", at);
	if (!cJSON_IsString(c))
		rc = wrong_type(im, c, "a path string");
	else if (c->valuestring[0] == '\0')
		rc = fail(im, false, "path cannot be empty");
	else
		rc = 0;
	path = rc == 0 ? c->valuestring : NULL;
	if (rc == 0 && *mask && path[strlen(path) - 1] == '/')
		rc = fail(im, false, "mode \"mask\" masks one file, not a "
		    "directory: use mode \"deny\" for %s, or name the file in "
		    "it", sb_show(show, sizeof show, path));
	/* srt's slash check of a deny pattern is for mode "deny" only. */
	if (rc == 0 && im->fs_apply)
		rc = deny_read_add(im, path, false, !*mask);
	pop(im);
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
		push(im, NULL, i);
		for (k = 0; k < 3 && rc == 0; k++) {
			if ((c = member_of(pair, slots[k], &at)) == NULL)
				continue;
			push(im, slots[k], at);
			sb_show(show, sizeof show, c->valuestring);
			len = strlen(c->valuestring);
			(void)strmap_put(&seen, c->valuestring, len,
			    hash_bytes(c->valuestring, len), &added);
			if (!added)
				rc = fail(im, false, "%s fills more than one "
				    "slot of awsPairs: each fills one", show);
			else if (masked_var(vars, c->valuestring,
			    &whole) == NULL)
				rc = fail(im, false, "%s is no entry of "
				    "credentials.envVars with mode \"mask\": "
				    "a pair links masked variables", show);
			else if (!whole)
				rc = fail(im, false, "%s uses extract or "
				    "decode, but a pair member is masked "
				    "whole", show);
			pop(im);
		}
		pop(im);
	}
	strmap_clear(&seen);
	return rc;
}

static int
read_credentials(struct imp *im, const cJSON *v)
{
	const struct sk *o = &sk_root_members[R_CREDENTIALS];
	struct member m[MEMBERS_MAX];
	const cJSON *c, *e, *plain;
	size_t n, i, at;
	bool mask, masked = false;
	int rc = 0;

	if (members(im, v, o, m) == -1)
		return -1;
	if (m[C_FILES].node != NULL) {
		c = enter(im, o, m, C_FILES);
		if (!cJSON_IsArray(c))
			rc = wrong_type(im, c, "an array");
		else
			rc = too_many(im, c);
		for (e = c->child, i = 0; rc == 0 && cJSON_IsArray(c) &&
		    e != NULL; e = e->next, i++) {
			push(im, NULL, i);
			rc = read_cred_file(im, e, &mask);
			masked = masked || mask;
			pop(im);
		}
		pop(im);
		if (rc == -1)
			return -1;
	}
	if (m[C_ENV_VARS].node != NULL) {
		c = enter(im, o, m, C_ENV_VARS);
		rc = sk_value(im, c, &o->sub[C_ENV_VARS]);
		for (e = c->child, i = 0; rc == 0 && e != NULL; e = e->next,
		    i++) {
			mask = strcmp(member_of(e, "mode", &at)->valuestring,
			    "mask") == 0;
			masked = masked || mask;
			push(im, NULL, i);
			rc = cred_entry_checks(im, e, mask);
			pop(im);
		}
		if (rc == 0 && (n = (size_t)cJSON_GetArraySize(c)) > 0)
			warn(im, true, "sbpolicy does not change the "
			    "environment: %zu %s not masked or unset", n,
			    n == 1 ? "variable" : "variables");
		pop(im);
		if (rc == -1)
			return -1;
	}
	if (sk_rest(im, o, m) == -1)
		return -1;
	if (m[C_AWS_PAIRS].node != NULL) {
		enter(im, o, m, C_AWS_PAIRS);
		rc = aws_pairs_check(im, m[C_AWS_PAIRS].node,
		    m[C_ENV_VARS].node);
		pop(im);
		if (rc == -1)
			return -1;
	}
	/* srt substitutes a masked value only over TLS it terminates,
	 * unless told otherwise. */
	plain = m[C_PLAINTEXT].node;
	if (masked && (im->network == NULL || member_of(im->network,
	    "tlsTerminate", &at) == NULL) && !cJSON_IsTrue(plain))
		return fail(im, false, "credential masking needs "
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
	const struct sk *o = &sk_root_members[R_NETWORK];
	unsigned port = 0;
	size_t k;
	int rc;

	if (m[i].node == NULL)
		return 0;
	rc = get_port(im, enter(im, o, m, i), &port);
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
	size_t i;

	if (sk_value(im, v, &sk_net_members[N_SOCKETS]) == -1 ||
	    too_many(im, v) == -1)
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
	rc = get_bool(im, enter(im, &sk_root_members[R_NETWORK], m, i), out);
	pop(im);
	return rc;
}

/* A list of strings at member i, checked by its schema; *n gets its
 * length (0 when absent). */
static int
read_list(struct imp *im, const struct member *m, size_t i, size_t *n)
{
	const struct sk *o = &sk_root_members[R_NETWORK];
	const cJSON *c;
	int rc;

	*n = 0;
	if (m[i].node == NULL)
		return 0;
	c = enter(im, o, m, i);
	if ((rc = sk_value(im, c, &o->sub[i])) == 0)
		*n = (size_t)cJSON_GetArraySize(c);
	pop(im);
	return rc;
}

static int
read_network(struct imp *im, const cJSON *v)
{
	const struct sk *o = &sk_root_members[R_NETWORK];
	struct member m[MEMBERS_MAX];
	struct params *p = im->p;
	char *ports;
	size_t nallowed, ndenied, nmach;

	if (members(im, v, o, m) == -1)
		return -1;
	if (read_port(im, m, N_HTTP_PORT) == -1 ||
	    read_port(im, m, N_SOCKS_PORT) == -1)
		return -1;
	if (m[N_SOCKETS].node != NULL) {
		if (read_sockets(im, enter(im, o, m, N_SOCKETS)) == -1)
			return -1;
		pop(im);
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
		enter(im, o, m, N_ALLOWED);
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
	if (ndenied > 0) {
		enter(im, o, m, N_DENIED);
		warn(im, true, "sbpolicy cannot filter domains (srt does it "
		    "in its own proxy): %zu %s not carried over%s%s%s", ndenied,
		    ndenied == 1 ? "entry" : "entries", p->proxy_ports.n > 0 ?
		    ", the proxy at " : "", ports, p->proxy_ports.n > 0 ?
		    " must refuse them" : "");
		pop(im);
	}
	free(ports);
	if (nmach > 0) {
		enter(im, o, m, N_MACH_LOOKUP);
		warn(im, true, "sbpolicy has no list of extra mach services: "
		    "not carried over, the command cannot look up %zu %s",
		    nmach, nmach == 1 ? "service" : "services");
		pop(im);
	}
	return sk_rest(im, o, m);
}

/*
 * What the filesystem lists come to once everything that reads into them
 * is read: srt's own roots are added, denyWrite is read against the
 * roots, then the deny_read entries are (deny_read_roots).
 */
static void
filesystem_finish(struct imp *im)
{
	struct json_path at;
	size_t i;

	if (!im->fs_apply)
		return;
	srt_default_roots(im);
	push(im, "filesystem", im->fs_at);
	push(im, "denyWrite", im->dw_at);
	deny_write_apply(im);
	pop(im);
	pop(im);
	if (im->p->fs_mode != FS_WORKSPACE_WRITE || im->ndr == 0)
		return;
	root_dirs_build(im);
	at = im->path;
	for (i = 0; i < im->ndr; i++) {
		im->path.v = im->dr[i].at;
		im->path.n = im->path.cap = im->dr[i].nat;
		deny_read_roots(im, im->dr[i].text, im->dr[i].stored);
	}
	im->path = at;
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
		push(im, "version", at);
		fail(im, true, "this is a params file, not an srt settings "
		    "file (sbpolicy reads it with -p)");
		pop(im);
		return -1;
	}
	if (members(im, root, &sk_root, m) == -1)
		return -1;
	im->network = m[R_NETWORK].node;
	im->fs_at = m[R_FILESYSTEM].index;
	/* filesystem.disabled decides whether credentials.files apply. */
	if (m[R_FILESYSTEM].node != NULL) {
		c = enter(im, &sk_root, m, R_FILESYSTEM);
		if (read_filesystem(im, c) == -1)
			return -1;
		pop(im);
	}
	if (m[R_CREDENTIALS].node != NULL) {
		c = enter(im, &sk_root, m, R_CREDENTIALS);
		if (read_credentials(im, c) == -1)
			return -1;
		pop(im);
	}
	if (m[R_NETWORK].node != NULL) {
		c = enter(im, &sk_root, m, R_NETWORK);
		if (read_network(im, c) == -1)
			return -1;
		pop(im);
	}
	if (sk_rest(im, &sk_root, m) == -1)
		return -1;
	filesystem_finish(im);
	return 0;
}

/* The policy an empty settings file stands for (srt's defaults but its
 * own roots, which filesystem_finish adds). */
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
		i = key_index(sk_root_members, c->string);
		if (sk_root_members[i].key == NULL)
			continue;
		/* A params file has "filesystem" and "network" too: there,
		 * a key of srt's own inside them says it. */
		if (i != R_FILESYSTEM && i != R_NETWORK) {
			srt = true;
			continue;
		}
		keys = sk_root_members[i].sub;
		for (k = cJSON_IsObject(c) ? c->child : NULL; k != NULL;
		    k = k->next) {
			if (keys[key_index(keys, k->string)].key != NULL)
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
