/* SPDX-License-Identifier: ISC */
/* test_import_srt.c: srt settings files read into params, against golden
 * files, and telling them from params files. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "buf.h"
#include "helpers.h"
#include "import-srt.h"
#include "params-json.h"
#include "xmalloc.h"

/* Where the golden settings files stand: their relative paths resolve
 * against CWD, "~/" compares against HOME. */
#define CWD	"/Users/me/project"
#define HOME	"/Users/me"

static const struct import_ctx test_ctx = { CWD, HOME };

/* --- golden cases -------------------------------------------------------- */

/*
 * Each case is tests/import/NAME/settings.json, read as "settings.json",
 * and either expected.json (the params file) with expected.warnings (one
 * a line), or expected.error (the one line of a file srt refuses too).
 * UPDATE_GOLDEN=1 rewrites them. X(function, NAME).
 */
#define GOLDEN_CASES \
	X(import_golden_empty_object, "empty-object") \
	X(import_golden_sockets_writes_reads, "sockets-writes-reads") \
	X(import_golden_domains, "domains") \
	X(import_golden_domains_no_proxy, "domains-no-proxy") \
	X(import_golden_unknown_keys, "unknown-keys") \
	X(import_golden_deny_write, "deny-write") \
	X(import_golden_fs_disabled, "fs-disabled") \
	X(import_golden_credentials, "credentials") \
	X(import_golden_allow_all_sockets, "allow-all-sockets") \
	X(import_golden_literal_paths, "literal-paths") \
	X(import_golden_wrong_type_bool, "wrong-type-bool") \
	X(import_golden_wrong_type_entry, "wrong-type-entry") \
	X(import_golden_wrong_type_list, "wrong-type-list") \
	X(import_golden_bad_port, "bad-port") \
	X(import_golden_empty_path, "empty-path") \
	X(import_golden_bad_literal, "bad-literal") \
	X(import_golden_deny_glob_slash, "deny-glob-slash") \
	X(import_golden_duplicate_key, "duplicate-key") \
	X(import_golden_not_json, "not-json") \
	X(import_golden_not_object, "not-object") \
	X(import_golden_schema_0083, "schema-0083") \
	X(import_golden_wrong_type_ignored, "wrong-type-ignored") \
	X(import_golden_wrong_value_enum, "wrong-value-enum") \
	X(import_golden_credentials_strict, "credentials-strict") \
	X(import_golden_credentials_mask_no_tls, "credentials-mask-no-tls") \
	X(import_golden_tls_null, "tls-null") \
	X(import_golden_filter_request, "filter-request") \
	X(import_golden_deny_write_nowhere, "deny-write-nowhere") \
	X(import_golden_relative_deny_read, "relative-deny-read") \
	X(import_golden_srt_default_writes, "srt-default-writes") \
	X(import_golden_srt_default_writes_cred, "srt-default-writes-cred") \
	X(import_golden_params_file, "params-file") \
	X(import_golden_nested_roots, "nested-roots") \
	X(import_golden_brackets_text, "brackets-text") \
	X(import_golden_allow_read_alone, "allow-read-alone")

static char *
golden_path(const char *dir, const char *name)
{
	char *rel, *path;

	xasprintf(&rel, "tests/import/%s/%s", dir, name);
	path = test_srcpath(rel);
	free(rel);
	return path;
}

/* got against the case's file name; the files that do not apply to the
 * outcome must not exist (got NULL). */
static void
golden_compare(const char *dir, const char *name, const char *got)
{
	char *path, *want;

	path = golden_path(dir, name);
	if (getenv("UPDATE_GOLDEN") != NULL) {
		if (got == NULL)
			(void)remove(path);
		else
			assert_int_equal(test_write_file(path, got,
			    strlen(got)), 0);
	}
	want = test_slurp(path, NULL);
	if (got == NULL && want != NULL)
		fail_msg("%s: the import failed, but the file exists", path);
	if (got != NULL && want == NULL)
		fail_msg("cannot read %s", path);
	if (got != NULL)
		assert_string_equal(got, want);
	free(want);
	free(path);
}

static void
golden_run(const char *name)
{
	struct import_warnings w;
	struct params p, again;
	struct sb_error err;
	struct buf warns;
	char *file, *text, *json = NULL, *line = NULL;
	size_t len, i;
	int rc;

	memset(&w, 0, sizeof w);
	params_init(&p);
	sb_error_init(&err);
	file = golden_path(name, "settings.json");
	if ((text = test_slurp(file, &len)) == NULL)
		fail_msg("cannot read %s", file);
	rc = import_srt_text("settings.json", text, len, &test_ctx, &p, &w,
	    &err);
	buf_init(&warns);
	if (rc == 0) {
		for (i = 0; i < w.n; i++) {
			buf_printf(&warns, "%s\n", w.v[i].msg);
			/* The parts say what the line says. */
			assert_non_null(strstr(w.v[i].msg, w.v[i].path));
			assert_non_null(strstr(w.v[i].msg, w.v[i].text));
			assert_true(w.v[i].line > 0 && w.v[i].col > 0);
		}
		json = params_json_dump(&p, &err);
		assert_non_null(json);
		/* What is written loads, as the same policy. */
		params_init(&again);
		if (params_json_load_text("expected.json", json, strlen(json),
		    &again, &err) != 0)
			fail_msg("%s", err.msg);
		assert_true(params_equal(&p, &again));
		params_clear(&again);
	} else {
		assert_int_equal(w.n, 0);
		xasprintf(&line, "%s\n", err.msg);
	}
	golden_compare(name, "expected.json", json);
	golden_compare(name, "expected.warnings", rc == 0 ?
	    buf_str(&warns) : NULL);
	golden_compare(name, "expected.error", line);

	buf_clear(&warns);
	free(line);
	free(json);
	free(text);
	free(file);
	import_warnings_clear(&w);
	params_clear(&p);
}

#define X(fn, name) \
	static void fn(void **state) \
	{ \
		(void)state; \
		golden_run(name); \
	}
GOLDEN_CASES
#undef X

/* --- the rest ------------------------------------------------------------- */

static int
import(const char *text, struct params *p, struct import_warnings *w,
    struct sb_error *err)
{
	sb_error_init(err);
	return import_srt_text("s.json", text, strlen(text), &test_ctx, p, w,
	    err);
}

/* A failed import leaves the params and the warnings as they were
 * asked for: the params unchanged, no warning. */
static void
import_failure_changes_nothing(void **state)
{
	struct import_warnings w;
	struct params p, before;
	struct sb_error err;

	(void)state;
	memset(&w, 0, sizeof w);
	params_init(&p);
	p.net_mode = NET_FULL;
	strlist_add(&p.writable_roots, "/keep");
	params_copy(&before, &p);
	assert_int_equal(import("{\"x\": 1, \"network\": {\"allowLocalBinding"
	    "\": 1}}", &p, &w, &err), -1);
	assert_true(params_equal(&p, &before));
	assert_int_equal(w.n, 0);
	/* The message shows the value, as the file writes it. */
	assert_string_equal(err.msg, "s.json:1:43: network.allowLocalBinding: "
	    "expected a boolean, got a number: 1");
	params_clear(&before);
	params_clear(&p);
}

/* An earlier import's warnings do not pile up in the next. */
static void
import_warnings_are_replaced(void **state)
{
	struct import_warnings w;
	struct params p;
	struct sb_error err;

	(void)state;
	memset(&w, 0, sizeof w);
	params_init(&p);
	assert_int_equal(import("{\"a\": 1, \"b\": 2}", &p, &w, &err), 0);
	assert_int_equal(w.n, 2);
	assert_string_equal(w.v[0].path, "a");
	assert_int_equal(w.v[1].col, 10);
	assert_int_equal(import("{\"c\": 1}", &p, &w, &err), 0);
	assert_int_equal(w.n, 1);
	assert_string_equal(w.v[0].msg, "s.json:1:2: c: unknown key, ignored "
	    "(not a setting of srt)");
	import_warnings_clear(&w);
	import_warnings_clear(&w);
	params_clear(&p);
}

/* Warnings come in the order of the file, though the filesystem is read
 * before the network whatever the order of the keys. */
static void
import_warnings_in_file_order(void **state)
{
	struct import_warnings w;
	struct params p;
	struct sb_error err;

	(void)state;
	memset(&w, 0, sizeof w);
	params_init(&p);
	assert_int_equal(import("{\"network\": {\"deniedDomains\": [\"a.com\"]"
	    "},\n \"filesystem\": {\"allowRead\": [\".\"], \"denyRead\": "
	    "[\"/x\"]}}", &p, &w, &err), 0);
	assert_int_equal(w.n, 2);
	assert_string_equal(w.v[0].path, "network.deniedDomains");
	assert_int_equal(w.v[0].line, 1);
	assert_string_equal(w.v[1].path, "filesystem.allowRead");
	assert_int_equal(w.v[1].line, 2);
	import_warnings_clear(&w);
	params_clear(&p);
}

/* A hundred warnings are listed; the rest are counted, in a last line. */
static void
import_warnings_are_capped(void **state)
{
	struct import_warnings w;
	struct params p;
	struct sb_error err;
	struct buf b;
	size_t i;

	(void)state;
	memset(&w, 0, sizeof w);
	params_init(&p);
	buf_init(&b);
	buf_putc(&b, '{');
	for (i = 0; i < 250; i++)
		buf_printf(&b, "%s\"k%zu\": 1", i > 0 ? ", " : "", i);
	buf_putc(&b, '}');
	assert_int_equal(import(buf_str(&b), &p, &w, &err), 0);
	assert_int_equal(w.n, 101);
	assert_string_equal(w.v[99].path, "k99");
	assert_string_equal(w.v[100].msg, "s.json:1:1: top level: 150 more "
	    "warnings not listed");
	buf_clear(&b);
	import_warnings_clear(&w);
	params_clear(&p);
}

/* A list longer than a params file holds is refused, where it is. */
static void
import_overlong_list_is_an_error(void **state)
{
	struct import_warnings w;
	struct params p;
	struct sb_error err;
	struct buf b;
	size_t i;

	(void)state;
	memset(&w, 0, sizeof w);
	params_init(&p);
	buf_init(&b);
	buf_puts(&b, "{\"network\": {\"allowUnixSockets\": [");
	for (i = 0; i <= PARAMS_LIST_MAX; i++)
		buf_printf(&b, "%s\"/s\"", i > 0 ? "," : "");
	buf_puts(&b, "]}}");
	assert_int_equal(import(buf_str(&b), &p, &w, &err), -1);
	assert_string_equal(err.msg, "s.json:1:34: network.allowUnixSockets: "
	    "too many entries: 100001 (at most 100000)");
	buf_clear(&b);
	import_warnings_clear(&w);
	params_clear(&p);
}

/* Relative paths go to the cwd given, "~/" paths stay as they are. */
static void
import_relative_paths_join_the_cwd(void **state)
{
	static const struct import_ctx other = { "/srv/x/../app", NULL };
	struct import_warnings w;
	struct params p;
	struct sb_error err;
	const char *s = "{\"filesystem\": {\"allowWrite\": [\".\", \"out\", "
	    "\"~/cache\", \"~user/x\"]}}";

	(void)state;
	memset(&w, 0, sizeof w);
	params_init(&p);
	sb_error_init(&err);
	assert_int_equal(import_srt_text("s.json", s, strlen(s), &other, &p,
	    &w, &err), 0);
	assert_int_equal(w.n, 0);
	assert_true(p.include_cwd);
	/* The listed roots, then srt's own. */
	assert_int_equal(p.writable_roots.n, 6);
	assert_string_equal(p.writable_roots.v[0], "/srv/app/out");
	assert_string_equal(p.writable_roots.v[1], "~/cache");
	/* srt expands only "~" and "~/": "~user" is a name in the cwd. */
	assert_string_equal(p.writable_roots.v[2], "/srv/app/~user/x");
	assert_string_equal(p.writable_roots.v[3], "/tmp/claude");
	import_warnings_clear(&w);
	params_clear(&p);
}

/* A denyWrite path compares with the roots as macOS links /tmp, and with
 * "~/" as $HOME. */
static void
import_deny_write_compares_linked_names(void **state)
{
	struct import_warnings w;
	struct params p;
	struct sb_error err;

	(void)state;
	memset(&w, 0, sizeof w);
	params_init(&p);
	assert_int_equal(import("{\"filesystem\": {\"allowWrite\": [\"/tmp\", "
	    "\"~/w\"], \"denyWrite\": [\"/private/tmp/lock\", "
	    "\"/Users/me/w/.env\"]}}", &p, &w, &err), 0);
	assert_int_equal(w.n, 0);
	assert_true(p.include_slash_tmp);
	assert_string_equal(p.protected_names.v[p.protected_names.n - 2],
	    "lock");
	assert_string_equal(p.protected_names.v[p.protected_names.n - 1],
	    ".env");
	/* A deny above a root takes the root away. */
	assert_int_equal(import("{\"filesystem\": {\"allowWrite\": [\"/tmp\", "
	    "\"~/w\"], \"denyWrite\": [\"/private\", \"/Users\"]}}", &p, &w,
	    &err), 0);
	assert_int_equal(w.n, 0);
	assert_false(p.include_slash_tmp);
	assert_false(p.include_tmpdir);
	assert_int_equal(p.writable_roots.n, 0);
	import_warnings_clear(&w);
	params_clear(&p);
}

/*
 * Every value is checked as srt's schema checks it, the settings that are
 * only warned about or ignored too. Each case was put to srt 0.0.83's
 * SandboxRuntimeConfigSchema (with the lists it requires filled in): it
 * refuses those with a message here and accepts the rest.
 */
static void
import_values_checked_as_srt_does(void **state)
{
	static const struct {
		const char	*text;
		const char	*msg;	/* after "s.json:L:C: "; NULL: ok */
	} cases[] = {
		{ "{\"allowPty\": \"yes\"}",
		  "allowPty: expected a boolean, got a string: \"yes\"" },
		{ "{\"allowPty\": 1}",
		  "allowPty: expected a boolean, got a number: 1" },
		{ "{\"enableWeakerNestedSandbox\": null}",
		  "enableWeakerNestedSandbox: expected a boolean, got null" },
		{ "{\"allowNestedUserNamespaces\": []}",
		  "allowNestedUserNamespaces: expected a boolean, got an "
		  "array: []" },
		{ "{\"ignoreViolations\": {\"*\": \"/tmp\"}}",
		  "ignoreViolations[\"*\"]: expected an array, got a "
		  "string: \"/tmp\"" },
		{ "{\"ignoreViolations\": []}",
		  "ignoreViolations: expected an object, got an array: []" },
		{ "{\"ripgrep\": {}}",
		  "ripgrep.command: required key is missing" },
		{ "{\"ripgrep\": {\"command\": 1}}",
		  "ripgrep.command: expected a string, got a number: 1" },
		{ "{\"ripgrep\": {\"command\": \"rg\", \"args\": \"--x\"}}",
		  "ripgrep.args: expected an array, got a string: \"--x\"" },
		{ "{\"mandatoryDenySearchDepth\": 0}",
		  "mandatoryDenySearchDepth: expected an integer 1..10, "
		  "got 0" },
		{ "{\"mandatoryDenySearchDepth\": 11}",
		  "mandatoryDenySearchDepth: expected an integer 1..10, "
		  "got 11" },
		{ "{\"mandatoryDenySearchDepth\": 2.5}",
		  "mandatoryDenySearchDepth: expected an integer 1..10, "
		  "got 2.5" },
		{ "{\"mandatoryDenySearchDepth\": \"3\"}",
		  "mandatoryDenySearchDepth: expected an integer, got a "
		  "string: \"3\"" },
		{ "{\"seccomp\": {\"applyPath\": 1}}",
		  "seccomp.applyPath: expected a string, got a number: 1" },
		{ "{\"bwrapPath\": \"bwrap\"}",
		  "bwrapPath: expected an absolute path, got \"bwrap\"" },
		{ "{\"bwrapPath\": \"\"}",
		  "bwrapPath: cannot be empty" },
		{ "{\"socatPath\": 7}",
		  "socatPath: expected a string, got a number: 7" },
		{ "{\"javaAgentJarPath\": \"agent.jar\"}",
		  "javaAgentJarPath: expected an absolute path, got "
		  "\"agent.jar\"" },
		{ "{\"windows\": {\"backend\": \"wsl\"}}",
		  "windows.backend: expected mxc or srt-win, got \"wsl\"" },
		{ "{\"windows\": {\"sandboxUser\": "
		  "\"a-very-long-user-name-x\"}}",
		  "windows.sandboxUser: expected 1 to 20 characters, got "
		  "23: \"a-very-long-user-name-x\"" },
		{ "{\"windows\": {\"sublayerGuid\": \"not-a-guid\"}}",
		  "windows.sublayerGuid: expected a UUID, got "
		  "\"not-a-guid\"" },
		{ "{\"windows\": {\"proxyPortRange\": [60089, 60080]}}",
		  "windows.proxyPortRange: low must be at most high, and "
		  "the range at most 64 wide: [60089, 60080]" },
		{ "{\"windows\": {\"proxyPortRange\": [1, 100]}}",
		  "windows.proxyPortRange: low must be at most high, and "
		  "the range at most 64 wide: [1, 100]" },
		{ "{\"windows\": {\"proxyPortRange\": [0, 10]}}",
		  "windows.proxyPortRange[0]: expected an integer "
		  "1..65535, got 0" },
		{ "{\"windows\": {\"srtWin\": {}}}",
		  "windows.srtWin.path: required key is missing" },
		{ "{\"git\": {\"safeDirectories\": \"/x\"}}",
		  "git.safeDirectories: expected an array, got a string: "
		  "\"/x\"" },
		{ "{\"git\": []}",
		  "git: expected an object, got an array: []" },
		{ "{\"network\": {\"deniedDomainReasons\": {\"a.com\": "
		  "\"\"}}}",
		  "network.deniedDomainReasons[\"a.com\"]: cannot be empty" },
		{ "{\"network\": {\"deniedDomainReasons\": []}}",
		  "network.deniedDomainReasons: expected an object, got an "
		  "array: []" },
		{ "{\"network\": {\"strictAllowlist\": \"true\"}}",
		  "network.strictAllowlist: expected a boolean, got a "
		  "string: \"true\"" },
		{ "{\"network\": {\"deniedResolvedAddresses\": "
		  "\"10.0.0.0/8\"}}",
		  "network.deniedResolvedAddresses: expected an array, got "
		  "a string: \"10.0.0.0/8\"" },
		{ "{\"network\": {\"allowMachLookup\": [\"a*b\"]}}",
		  "network.allowMachLookup[0]: a '*' may only end the "
		  "name, as in \"com.example.*\": \"a*b\"" },
		{ "{\"network\": {\"allowMachLookup\": [\"com.x.*\"]}}",
		  NULL },
		{ "{\"network\": {\"mitmProxy\": {\"socketPath\": \"/s\"}}}",
		  "network.mitmProxy.domains: required key is missing" },
		{ "{\"network\": {\"mitmProxy\": {\"socketPath\": \"/s\", "
		  "\"domains\": []}}}",
		  "network.mitmProxy.domains: expected at least one entry, "
		  "got []" },
		{ "{\"network\": {\"mitmProxy\": {\"socketPath\": \"\", "
		  "\"domains\": [\"a.com\"]}}}",
		  "network.mitmProxy.socketPath: cannot be empty" },
		{ "{\"network\": {\"allowPlaintextHeaderSet\": \"no\"}}",
		  "network.allowPlaintextHeaderSet: expected a boolean, "
		  "got a string: \"no\"" },
		{ "{\"network\": {\"stripResponseHeaders\": [\"\"]}}",
		  "network.stripResponseHeaders[0]: cannot be empty" },
		{ "{\"network\": {\"refuseOpaqueTunnels\": 0}}",
		  "network.refuseOpaqueTunnels: expected a boolean, got a "
		  "number: 0" },
		{ "{\"network\": {\"requireHostMatch\": null}}",
		  "network.requireHostMatch: expected a boolean, got null" },
		{ "{\"network\": {\"tlsTerminate\": {\"caCertPath\": "
		  "\"/ca.pem\"}}}",
		  "network.tlsTerminate: caCertPath and caKeyPath go "
		  "together: give both or neither" },
		{ "{\"network\": {\"tlsTerminate\": {\"maxTunnels\": 0}}}",
		  "network.tlsTerminate.maxTunnels: expected an integer "
		  "1..65536, got 0" },
		{ "{\"network\": {\"tlsTerminate\": "
		  "{\"handshakeTimeoutMs\": 99}}}",
		  "network.tlsTerminate.handshakeTimeoutMs: expected an "
		  "integer 100..600000, got 99" },
		{ "{\"network\": {\"tlsTerminate\": {\"extraCaCertPaths\": "
		  "[\"\"]}}}",
		  "network.tlsTerminate.extraCaCertPaths[0]: cannot be "
		  "empty" },
		{ "{\"network\": {\"tlsTerminate\": []}}",
		  "network.tlsTerminate: expected an object, got an array: "
		  "[]" },
		{ "{\"network\": {\"parentProxy\": {\"noProxy\": [\"a\"]}}}",
		  "network.parentProxy.noProxy: expected a string, got an "
		  "array: [\"a\"]" },
		{ "{\"network\": {\"parentProxy\": null}}",
		  "network.parentProxy: expected an object, got null" },
		{ "{\"credentials\": {\"envVars\": [{\"name\": \"1X\", "
		  "\"mode\": \"deny\"}]}}",
		  "credentials.envVars[0].name: expected a variable name "
		  "(letters, digits and '_', not starting with a digit), "
		  "got \"1X\"" },
		{ "{\"credentials\": {\"envVars\": [{\"name\": \"X\", "
		  "\"mode\": \"hide\"}]}}",
		  "credentials.envVars[0].mode: expected deny or mask, got "
		  "\"hide\"" },
		{ "{\"credentials\": {\"envVars\": [{\"name\": \"X\"}]}}",
		  "credentials.envVars[0].mode: required key is missing" },
		{ "{\"credentials\": {\"envVars\": [{\"name\": \"X\", "
		  "\"mode\": \"deny\", \"maskClaims\": [\"sub\"]}]}}",
		  "credentials.envVars[0].maskClaims: maskClaims needs "
		  "decode: it names claims inside the decoded value" },
		{ "{\"credentials\": {\"envVars\": [{\"name\": \"X\", "
		  "\"mode\": \"mask\", \"injectHosts\": []}], "
		  "\"allowPlaintextInject\": true}}",
		  "credentials.envVars[0].injectHosts: an empty list: the "
		  "credential would be masked and never sent (leave it out "
		  "for network.allowedDomains)" },
		{ "{\"credentials\": {\"envVars\": [{\"name\": \"X\", "
		  "\"mode\": \"deny\", \"injectHosts\": []}]}}",
		  NULL },
		{ "{\"credentials\": {\"envVars\": [{\"name\": \"X\", "
		  "\"mode\": \"mask\", \"decode\": \"jwt\", "
		  "\"maskClaims\": []}], \"allowPlaintextInject\": true}}",
		  "credentials.envVars[0].maskClaims: an empty list masks "
		  "no claim (leave it out to mask the whole value)" },
		{ "{\"credentials\": {\"envVars\": [{\"name\": \"X\", "
		  "\"mode\": \"mask\"}]}}",
		  "credentials: credential masking needs "
		  "network.tlsTerminate, or credentials.allowPlaintextInjec"
		  "t true, as srt requires" },
		{ "{\"credentials\": {\"envVars\": [{\"name\": \"X\", "
		  "\"mode\": \"mask\"}], \"allowPlaintextInject\": true}}",
		  NULL },
		{ "{\"credentials\": {\"envVars\": [{\"name\": \"X\", "
		  "\"mode\": \"mask\"}]}, \"network\": {\"tlsTerminate\": "
		  "{}}}",
		  NULL },
		{ "{\"credentials\": {\"allowPlaintextInject\": \"yes\"}}",
		  "credentials.allowPlaintextInject: expected a boolean, "
		  "got a string: \"yes\"" },
		{ "{\"credentials\": {\"awsPairs\": [{\"accessKeyIdVar\": "
		  "\"A\", \"secretAccessKeyVar\": \"B\"}]}}",
		  "credentials.awsPairs[0].accessKeyIdVar: \"A\" is no "
		  "entry of credentials.envVars with mode \"mask\": a pair "
		  "links masked variables" },
		{ "{\"credentials\": {\"envVars\": [{\"name\": \"A\", "
		  "\"mode\": \"mask\"}, {\"name\": \"B\", \"mode\": "
		  "\"mask\"}], \"allowPlaintextInject\": true, "
		  "\"awsPairs\": [{\"accessKeyIdVar\": \"A\", "
		  "\"secretAccessKeyVar\": \"B\"}]}}",
		  NULL },
		{ "{\"credentials\": {\"envVars\": [{\"name\": \"A\", "
		  "\"mode\": \"mask\"}, {\"name\": \"B\", \"mode\": "
		  "\"mask\", \"decode\": \"jwt\"}], "
		  "\"allowPlaintextInject\": true, \"awsPairs\": "
		  "[{\"accessKeyIdVar\": \"A\", \"secretAccessKeyVar\": "
		  "\"B\"}]}}",
		  "credentials.awsPairs[0].secretAccessKeyVar: \"B\" uses "
		  "extract or decode, but a pair member is masked whole" },
		{ "{\"credentials\": {\"envVars\": [{\"name\": \"A\", "
		  "\"mode\": \"mask\"}], \"allowPlaintextInject\": true, "
		  "\"awsPairs\": [{\"accessKeyIdVar\": \"A\", "
		  "\"secretAccessKeyVar\": \"A\"}]}}",
		  "credentials.awsPairs[0].secretAccessKeyVar: \"A\" fills "
		  "more than one slot of awsPairs: each fills one" },
		{ "{\"credentials\": {\"awsPairs\": [{\"accessKeyIdVar\": "
		  "\"A\", \"secretAccessKeyVar\": \"B\", \"region\": "
		  "\"x\"}]}}",
		  "credentials.awsPairs[0].region: unknown key: srt "
		  "refuses it here (known: accessKeyIdVar, "
		  "secretAccessKeyVar, sessionTokenVar)" },
		{ "{\"credentials\": {\"sigv4\": {\"streaming\": "
		  "\"allow\"}}}",
		  "credentials.sigv4.streaming: expected deny or "
		  "passthrough, got \"allow\"" },
		{ "{\"credentials\": {\"sigv4\": {\"chunked\": \"deny\"}}}",
		  "credentials.sigv4.chunked: unknown key: srt refuses it "
		  "here (known: streaming, presigned, sigv4a)" },
		{ "{\"credentials\": {\"files\": [{\"path\": \"/a/\", "
		  "\"mode\": \"mask\"}], \"allowPlaintextInject\": true}}",
		  "credentials.files[0].path: mode \"mask\" masks one "
		  "file, not a directory: use mode \"deny\" for \"/a/\", "
		  "or name the file in it" },
		{ "{\"credentials\": {\"files\": [{\"path\": \"/a/*/\", "
		  "\"mode\": \"deny\"}]}}",
		  "credentials.files[0].path: a deny pattern cannot end in "
		  "'/': it matches no path (write \"/a/*\", or add a "
		  "\"**\" component)" },
		{ "{\"credentials\": {\"files\": [{\"path\": \"/a/*/\", "
		  "\"mode\": \"mask\"}], \"allowPlaintextInject\": true}}",
		  "credentials.files[0].path: mode \"mask\" masks one "
		  "file, not a directory: use mode \"deny\" for \"/a/*/\", "
		  "or name the file in it" },
		{ "{\"credentials\": {\"files\": [{\"mode\": \"deny\"}]}}",
		  "credentials.files[0].path: required key is missing" },
		{ "{\"credentials\": {\"files\": [{\"path\": \"/a\", "
		  "\"mode\": \"deny\", \"maskDuplicates\": \"yes\"}]}}",
		  "credentials.files[0].maskDuplicates: expected a "
		  "boolean, got a string: \"yes\"" },
		{ "{\"filesystem\": {\"denyRead\": [\"build/*/\"]}}",
		  NULL },
		{ "{\"filesystem\": {\"disabled\": true, \"denyRead\": "
		  "[\"/a/*/\"]}}",
		  NULL },
		{ "{\"network\": {\"httpProxyPort\": 3128.0}}",
		  NULL },
	};
	struct import_warnings w;
	struct params p;
	struct sb_error err;
	const char *m;
	size_t i;
	int rc;

	(void)state;
	memset(&w, 0, sizeof w);
	params_init(&p);
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		rc = import(cases[i].text, &p, &w, &err);
		if (cases[i].msg == NULL) {
			if (rc != 0)
				fail_msg("%s: %s", cases[i].text, err.msg);
			continue;
		}
		if (rc == 0)
			fail_msg("%s: accepted", cases[i].text);
		/* "s.json:LINE:COL: " first. */
		m = strchr(err.msg, ' ');
		if (m == NULL || strcmp(m + 1, cases[i].msg) != 0)
			fail_msg("%s: %s, wanted %s", cases[i].text, err.msg,
			    cases[i].msg);
	}
	import_warnings_clear(&w);
	params_clear(&p);
}

/*
 * Each key of srt 0.0.83's schema (node: Object.keys of the shapes of
 * SandboxRuntimeConfigSchema, NetworkConfigSchema, FilesystemConfigSchema,
 * CredentialsConfigSchema) is known: with a value srt takes, no warning
 * calls it unknown. network.filterRequest takes a function, which no
 * file holds: it is an error of its own.
 */
static void
import_knows_every_key_of_srt(void **state)
{
	static const char *const keys[] = {
		/* root */
		"\"network\": {}", "\"filesystem\": {}",
		"\"credentials\": {}", "\"ignoreViolations\": {}",
		"\"enableWeakerNestedSandbox\": true",
		"\"allowNestedUserNamespaces\": true",
		"\"enableWeakerNetworkIsolation\": true",
		"\"allowAppleEvents\": true",
		"\"ripgrep\": {\"command\": \"rg\"}",
		"\"mandatoryDenySearchDepth\": 3", "\"allowPty\": true",
		"\"seccomp\": {}", "\"bwrapPath\": \"/b\"",
		"\"socatPath\": \"/s\"", "\"javaAgentJarPath\": \"/j\"",
		"\"windows\": {}", "\"git\": {}",
		/* network */
		"\"network\": {\"allowedDomains\": [\"a.com\"]}",
		"\"network\": {\"deniedDomains\": [\"a.com\"]}",
		"\"network\": {\"deniedDomainReasons\": {\"a.com\": \"no\"}}",
		"\"network\": {\"strictAllowlist\": true}",
		"\"network\": {\"deniedResolvedAddresses\": [\"10.0.0.0/8\"]}",
		"\"network\": {\"allowUnixSockets\": [\"/s\"]}",
		"\"network\": {\"allowAllUnixSockets\": true}",
		"\"network\": {\"allowLocalBinding\": true}",
		"\"network\": {\"allowMachLookup\": [\"com.x.*\"]}",
		"\"network\": {\"httpProxyPort\": 3128}",
		"\"network\": {\"socksProxyPort\": 1080}",
		"\"network\": {\"mitmProxy\": {\"socketPath\": \"/m\", "
		    "\"domains\": [\"a.com\"]}}",
		"\"network\": {\"allowPlaintextHeaderSet\": true}",
		"\"network\": {\"stripResponseHeaders\": [\"set-cookie\"]}",
		"\"network\": {\"refuseOpaqueTunnels\": true}",
		"\"network\": {\"requireHostMatch\": true}",
		"\"network\": {\"ambiguousRequestTarget\": \"normalize\"}",
		"\"network\": {\"tlsTerminate\": {}}",
		"\"network\": {\"parentProxy\": {\"http\": \"http://p:3128\"}}",
		/* filesystem */
		"\"filesystem\": {\"disabled\": false}",
		"\"filesystem\": {\"denyRead\": [\"/x\"]}",
		"\"filesystem\": {\"allowRead\": [\"/x\"]}",
		"\"filesystem\": {\"allowWrite\": [\"/x\"]}",
		"\"filesystem\": {\"denyWrite\": [\"/x\"]}",
		"\"filesystem\": {\"allowGitConfig\": true}",
		/* credentials */
		"\"credentials\": {\"files\": [{\"path\": \"/c\", \"mode\": "
		    "\"deny\"}]}",
		"\"credentials\": {\"envVars\": [{\"name\": \"T\", \"mode\": "
		    "\"deny\"}]}",
		"\"credentials\": {\"allowPlaintextInject\": true}",
		"\"credentials\": {\"awsPairs\": []}",
		"\"credentials\": {\"sigv4\": {\"presigned\": \"deny\"}}",
	};
	struct import_warnings w;
	struct params p;
	struct sb_error err;
	char *text;
	size_t i, k;

	(void)state;
	memset(&w, 0, sizeof w);
	params_init(&p);
	for (i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		xasprintf(&text, "{%s}", keys[i]);
		if (import(text, &p, &w, &err) != 0)
			fail_msg("%s: %s", text, err.msg);
		for (k = 0; k < w.n; k++) {
			if (strstr(w.v[k].text, "unknown key") != NULL)
				fail_msg("%s: %s", text, w.v[k].msg);
		}
		free(text);
	}
	/* Not in 0.0.83 (nor in 0.0.78): srt strips it. */
	assert_int_equal(import("{\"network\": {\"allowAllDomains\": true}}",
	    &p, &w, &err), 0);
	assert_int_equal(w.n, 1);
	assert_non_null(strstr(w.v[0].text, "unknown key, ignored"));
	import_warnings_clear(&w);
	params_clear(&p);
}

/* What the import makes, generate takes: import_srt_check says so, and
 * refuses what generate would refuse. */
static void
import_check_is_what_generate_takes(void **state)
{
	struct import_warnings w;
	struct params p;
	struct sb_error err;
	struct gen_ctx ctx;

	(void)state;
	memset(&w, 0, sizeof w);
	params_init(&p);
	test_macos_ctx(&ctx);
	assert_int_equal(import("{\"filesystem\": {\"allowWrite\": [\".\"], "
	    "\"denyRead\": [\"~/.ssh\"]}}", &p, &w, &err), 0);
	sb_error_init(&err);
	assert_int_equal(import_srt_check("s.json", &p, &ctx, &err), 0);
	/* srt takes a control character in a path; a profile cannot. */
	assert_int_equal(import("{\"filesystem\": {\"denyRead\": "
	    "[\"/tmp/a\\u001bb\"]}}", &p, &w, &err), 0);
	assert_int_equal(w.n, 0);
	sb_error_init(&err);
	assert_int_equal(import_srt_check("s.json", &p, &ctx, &err), -1);
	if (strncmp(err.msg, "s.json: the params file it converts to would "
	    "not generate a profile: filesystem.deny_read[0]: ", 70) != 0)
		fail_msg("%s", err.msg);
	import_warnings_clear(&w);
	params_clear(&p);
}

static void
import_detect_tells_srt_from_params(void **state)
{
	static const struct {
		const char	*text;
		bool		 srt;
	} cases[] = {
		{ "{\"filesystem\": {\"allowWrite\": [\".\"]}}", true },
		{ "{\"network\": {\"allowedDomains\": []}}", true },
		{ "{\"credentials\": {}}", true },
		{ "{\"allowPty\": true}", true },
		{ "{\"version\": 1, \"filesystem\": {\"mode\": \"read-only\"}}",
		  false },
		/* A params file without its version, still no srt file. */
		{ "{\"filesystem\": {\"mode\": \"read-only\"}}", false },
		{ "{\"version\": 1, \"filesystem\": {\"allowWrite\": []}}",
		  false },
		{ "{}", false },
		{ "[]", false },
		{ "{\"filesystem\": ", false },
		{ "", false },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		if (import_srt_detect(cases[i].text, strlen(cases[i].text)) !=
		    cases[i].srt)
			fail_msg("%s: expected %s", cases[i].text,
			    cases[i].srt ? "srt" : "not srt");
	}
}

/* A file is read as the text is, its name at the head of each line. */
static void
import_file_reads_the_file(void **state)
{
	struct import_warnings w;
	struct params p;
	struct sb_error err;
	char *file;

	(void)state;
	memset(&w, 0, sizeof w);
	params_init(&p);
	sb_error_init(&err);
	file = golden_path("domains", "settings.json");
	assert_true(import_srt_detect_file(file));
	assert_int_equal(import_srt_file(file, &test_ctx, &p, &w, &err), 0);
	assert_true(w.n > 0);
	/* Messages name the file as it was given. */
	assert_int_equal(strncmp(w.v[0].msg, file, strlen(file)), 0);
	free(file);
	sb_error_init(&err);
	assert_int_equal(import_srt_file("/nonexistent/s.json", &test_ctx, &p,
	    &w, &err), -1);
	assert_int_equal(w.n, 0);
	assert_non_null(strstr(err.msg, "/nonexistent/s.json"));
	/* What it converts to is a params file, no srt file; nor is a
	 * file that cannot be read. */
	file = golden_path("domains", "expected.json");
	assert_false(import_srt_detect_file(file));
	free(file);
	assert_false(import_srt_detect_file("/nonexistent/s.json"));
	import_warnings_clear(&w);
	params_clear(&p);
}

int
main(void)
{
	static const struct CMUnitTest tests[] = {
#define X(fn, name) cmocka_unit_test(fn),
		GOLDEN_CASES
#undef X
		cmocka_unit_test(import_failure_changes_nothing),
		cmocka_unit_test(import_warnings_are_replaced),
		cmocka_unit_test(import_warnings_in_file_order),
		cmocka_unit_test(import_warnings_are_capped),
		cmocka_unit_test(import_overlong_list_is_an_error),
		cmocka_unit_test(import_relative_paths_join_the_cwd),
		cmocka_unit_test(import_deny_write_compares_linked_names),
		cmocka_unit_test(import_values_checked_as_srt_does),
		cmocka_unit_test(import_knows_every_key_of_srt),
		cmocka_unit_test(import_check_is_what_generate_takes),
		cmocka_unit_test(import_detect_tells_srt_from_params),
		cmocka_unit_test(import_file_reads_the_file),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
