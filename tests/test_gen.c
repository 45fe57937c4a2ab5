/* SPDX-License-Identifier: ISC */
/* test_gen.c: the generator, against golden files and hostile paths. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <regex.h>

#include "buf.h"
#include "format.h"
#include "gen.h"
#include "helpers.h"
#include "params-json.h"
#include "xmalloc.h"

static void
macos_ctx(struct gen_ctx *ctx)
{
	test_macos_ctx(ctx);
}

static void
render_ok(const struct params *p, struct gen_result *r)
{
	struct gen_ctx ctx;
	struct sb_error err;

	macos_ctx(&ctx);
	sb_error_init(&err);
	if (gen_render(p, &ctx, r, &err) != 0)
		fail_msg("gen_render: %s", err.msg);
}

/* A workspace-write policy whose only root is the given one. */
static void
one_root(struct params *p, const char *root)
{
	params_init(p);
	p->fs_mode = FS_WORKSPACE_WRITE;
	p->include_cwd = p->include_slash_tmp = p->include_tmpdir = false;
	strlist_add(&p->writable_roots, root);
}

/* --- golden cases -------------------------------------------------------- */

/* Each case is tests/golden/NAME/{params.json,expected.*}; X(function, NAME). */
#define GOLDEN_CASES \
	X(gen_golden_default, "default") \
	X(gen_golden_net_off_inactive, "net-off-inactive") \
	X(gen_golden_restricted_socket, "restricted-socket") \
	X(gen_golden_restricted_local, "restricted-local") \
	X(gen_golden_restricted_proxy, "restricted-proxy") \
	X(gen_golden_restricted_local_proxy, "restricted-local-proxy") \
	X(gen_golden_restricted_everything, "restricted-everything") \
	X(gen_golden_restricted_allow_all, "restricted-allow-all") \
	X(gen_golden_restricted_deny_only, "restricted-deny-only") \
	X(gen_golden_full, "full") \
	X(gen_golden_full_sockets_deny, "full-sockets-deny") \
	X(gen_golden_sockets_sorted, "sockets-sorted") \
	X(gen_golden_fs_workspace, "fs-workspace") \
	X(gen_golden_fs_workspace_roots, "fs-workspace-roots") \
	X(gen_golden_fs_workspace_unprotected, "fs-workspace-unprotected") \
	X(gen_golden_fs_workspace_no_roots, "fs-workspace-no-roots") \
	X(gen_golden_fs_full_access, "fs-full-access") \
	X(gen_golden_deny_read, "deny-read")

/*
 * The origins of r are well formed: each inside the profile and not empty,
 * sorted by start, nested (one that starts inside another ends inside it
 * too); and every (param "KEY") lies in the origin of a params entry.
 */
static void
origins_check(const struct gen_result *r)
{
	const struct gen_origin *o;
	const char *s;
	size_t len = strlen(r->profile), *stack, depth = 0, i;

	assert_true(r->norigins > 0);
	stack = xreallocarray(NULL, r->norigins, sizeof *stack);
	for (i = 0; i < r->norigins; i++) {
		o = &r->origins[i];
		assert_true(o->start < o->end);
		assert_true(o->end <= len);
		assert_true(o->where <= GEN_W_BUILTIN_DENY);
		if (i > 0)
			assert_true(r->origins[i - 1].start <= o->start);
		while (depth > 0 && r->origins[stack[depth - 1]].end <= o->start)
			depth--;
		if (depth > 0 && o->end > r->origins[stack[depth - 1]].end)
			fail_msg("origin %zu [%zu, %zu) overlaps [%zu, %zu)", i,
			    o->start, o->end, r->origins[stack[depth - 1]].start,
			    r->origins[stack[depth - 1]].end);
		stack[depth++] = i;
	}
	free(stack);
	for (s = r->profile; (s = strstr(s, "(param \"")) != NULL; s++) {
		o = gen_origin_at(r, (size_t)(s - r->profile));
		if (o == NULL || o->where == GEN_W_BASE)
			fail_msg("no params entry wrote %.40s", s);
	}
}

static void
golden_compare(const char *dir, const char *name, const char *got)
{
	char *rel, *path, *want;

	xasprintf(&rel, "tests/golden/%s/%s", dir, name);
	path = test_srcpath(rel);
	if (getenv("UPDATE_GOLDEN") != NULL)
		assert_int_equal(test_write_file(path, got, strlen(got)), 0);
	want = test_slurp(path, NULL);
	if (want == NULL)
		fail_msg("cannot read %s", path);
	assert_string_equal(got, want);
	free(want);
	free(path);
	free(rel);
}

static void
golden_run(const char *name)
{
	struct params p;
	struct gen_result r;
	struct sb_error err;
	struct buf defs, warns;
	char *rel, *file;
	size_t i;

	params_init(&p);
	sb_error_init(&err);
	xasprintf(&rel, "tests/golden/%s/params.json", name);
	file = test_srcpath(rel);
	if (params_json_load(file, &p, &err) != 0)
		fail_msg("%s", err.msg);
	render_ok(&p, &r);

	buf_init(&defs);
	for (i = 0; i < r.nparams; i++)
		buf_printf(&defs, "%s=%s\n", r.params[i].key, r.params[i].value);
	buf_init(&warns);
	for (i = 0; i < r.nwarnings; i++)
		buf_printf(&warns, "%s\n", r.warnings[i].msg);

	golden_compare(name, "expected.sb", r.profile);
	golden_compare(name, "expected.defs", buf_str(&defs));
	golden_compare(name, "expected.warnings", buf_str(&warns));
	origins_check(&r);

	buf_clear(&defs);
	buf_clear(&warns);
	gen_result_clear(&r);
	params_clear(&p);
	free(file);
	free(rel);
}

#define X(fn, name) \
	static void fn(void **state) \
	{ \
		(void)state; \
		golden_run(name); \
	}
GOLDEN_CASES
#undef X

/* --- the network table, checked line by line ----------------------------- */

static bool
has_line(const char *text, const char *line)
{
	size_t n = strlen(line);
	const char *s = text;

	while ((s = strstr(s, line)) != NULL) {
		if ((s == text || s[-1] == '\n') && (s[n] == '\n' || s[n] == '\0'))
			return true;
		s += n;
	}
	return false;
}

static void
gen_socket_in_restricted_mode_opens_only_that_socket(void **state)
{
	struct params p;
	struct gen_result r;

	(void)state;
	params_init(&p);
	socklist_add(&p.sock_allow, "/tmp/test.sock", MATCH_SUBPATH,
	    ACCESS_CONNECT_BIND);
	render_ok(&p, &r);
	assert_true(has_line(r.profile,
	    "(allow system-socket (socket-domain AF_UNIX))"));
	assert_true(has_line(r.profile, "(allow network-bind (local "
	    "unix-socket (subpath (param \"UNIX_SOCKET_PATH_0\"))))"));
	assert_true(has_line(r.profile, "(allow network-outbound (remote "
	    "unix-socket (subpath (param \"UNIX_SOCKET_PATH_0\"))))"));
	assert_false(has_line(r.profile, "(allow network-outbound)"));
	assert_false(has_line(r.profile, "(allow network-inbound)"));
	assert_int_equal(r.nparams, 1);
	assert_string_equal(r.params[0].value, "/private/tmp/test.sock");
	gen_result_clear(&r);
	params_clear(&p);
}

static void
gen_network_off_emits_no_network_rule(void **state)
{
	struct params p;
	struct gen_result r;

	(void)state;
	params_init(&p);
	p.net_mode = NET_OFF;
	socklist_add(&p.sock_allow, "/tmp/test.sock", MATCH_SUBPATH,
	    ACCESS_CONNECT_BIND);
	portlist_add(&p.proxy_ports, 3128);
	p.allow_local_binding = true;
	render_ok(&p, &r);
	assert_null(strstr(r.profile, "(allow network"));
	assert_null(strstr(r.profile, "unix-socket"));
	assert_null(strstr(r.profile, "AF_UNIX"));
	assert_null(strstr(r.profile, "com.apple.trustd.agent"));
	assert_int_equal(r.nparams, 0);
	assert_true(r.nwarnings >= 1);
	gen_result_clear(&r);
	params_clear(&p);
}

static void
gen_full_network_allows_all_traffic(void **state)
{
	struct params p;
	struct gen_result r;

	(void)state;
	params_init(&p);
	p.net_mode = NET_FULL;
	p.builtin_denies = false;	/* tested on their own */
	render_ok(&p, &r);
	assert_true(has_line(r.profile, "(allow network-outbound)"));
	assert_true(has_line(r.profile, "(allow network-inbound)"));
	assert_true(has_line(r.profile,
	    "(allow sysctl-read (sysctl-name-regex #\"^net.routetable\"))"));
	assert_null(strstr(r.profile, "unix-socket"));
	gen_result_clear(&r);
	params_clear(&p);
}

static void
gen_deny_comes_after_every_allow(void **state)
{
	struct params p;
	struct gen_result r;
	const char *allow, *deny;

	(void)state;
	params_init(&p);
	p.allow_all_sockets = true;
	socklist_add(&p.sock_deny, "/var/run/docker.sock", MATCH_SUBPATH,
	    ACCESS_CONNECT_BIND);
	render_ok(&p, &r);
	allow = strstr(r.profile, "(allow network-outbound (remote unix-socket))");
	deny = strstr(r.profile, "(deny network-outbound");
	assert_non_null(allow);
	assert_non_null(deny);
	assert_true(deny > allow);
	assert_string_equal(test_param(&r, "UNIX_SOCKET_DENY_0"),
	    "/private/var/run/docker.sock");
	assert_string_equal(test_param(&r, "UNIX_SOCKET_DENY_0_ALIAS"),
	    "/var/run/docker.sock");
	gen_result_clear(&r);
	params_clear(&p);
}

static void
gen_workspace_without_roots_allows_no_write(void **state)
{
	struct params p;
	struct gen_result r;

	(void)state;
	params_init(&p);
	p.fs_mode = FS_WORKSPACE_WRITE;
	p.include_cwd = p.include_slash_tmp = p.include_tmpdir = false;
	render_ok(&p, &r);
	/* An empty (allow file-write*) would be unfiltered: every write. */
	assert_false(has_line(r.profile, "(allow file-write*"));
	assert_null(strstr(r.profile, "WRITABLE_ROOT"));
	gen_result_clear(&r);
	params_clear(&p);
}

static void
gen_socket_path_of_104_bytes_warns(void **state)
{
	struct params p;
	struct gen_result r;
	char path[128];

	(void)state;
	memset(path, 'a', sizeof path);
	memcpy(path, "/Users/me/", 10);
	path[104] = '\0';
	params_init(&p);
	socklist_add(&p.sock_allow, path, MATCH_SUBPATH, ACCESS_CONNECT_BIND);
	render_ok(&p, &r);
	assert_int_equal(r.nwarnings, 1);
	assert_int_equal(r.warnings[0].where, GEN_W_SOCK_ALLOW);
	assert_int_equal(r.warnings[0].index, 0);
	assert_non_null(strstr(r.warnings[0].msg, "104 bytes"));
	gen_result_clear(&r);
	path[103] = '\0';
	params_clear(&p);
	params_init(&p);
	socklist_add(&p.sock_allow, path, MATCH_SUBPATH, ACCESS_CONNECT_BIND);
	render_ok(&p, &r);
	assert_int_equal(r.nwarnings, 0);
	gen_result_clear(&r);
	params_clear(&p);
}

static void
gen_docker_socket_allowed_warns(void **state)
{
	struct params p;
	struct gen_result r;

	(void)state;
	params_init(&p);
	socklist_add(&p.sock_allow, "/tmp/ok.sock", MATCH_SUBPATH,
	    ACCESS_CONNECT_BIND);
	socklist_add(&p.sock_allow, "/var/run/docker.sock", MATCH_SUBPATH,
	    ACCESS_CONNECT_BIND);
	render_ok(&p, &r);
	assert_int_equal(r.nwarnings, 1);
	assert_int_equal(r.warnings[0].index, 1);
	assert_non_null(strstr(r.warnings[0].msg, "docker.sock"));
	gen_result_clear(&r);
	params_clear(&p);
}

static void
gen_home_path_without_home_is_an_error(void **state)
{
	struct params p;
	struct gen_result r;
	struct gen_ctx ctx;
	struct sb_error err;

	(void)state;
	params_init(&p);
	socklist_add(&p.sock_allow, "~/x.sock", MATCH_SUBPATH,
	    ACCESS_CONNECT_BIND);
	macos_ctx(&ctx);
	ctx.home = NULL;
	sb_error_init(&err);
	assert_int_equal(gen_render(&p, &ctx, &r, &err), -1);
	assert_string_equal(err.msg, "network.unix_sockets.allow[0]: cannot "
	    "expand \"~/x.sock\": $HOME is not set to an absolute path");
	assert_null(r.profile);
	assert_null(r.origins);
	assert_int_equal(r.norigins, 0);
	params_clear(&p);
}

/* --- hostile paths ------------------------------------------------------- */

static const char *const hostile[] = {
	"/tmp/quote\"d.sock",
	"/tmp/paren)(allow default)(.sock",
	"/tmp/back\\slash\\\".sock",
	"/tmp/semi;colon.sock",
	"/tmp/new\nline\n(allow default)\n.sock",
	"/tmp/tab\tand\rcr.sock",
	"/tmp/non-utf8-\xff\xfe\x80.sock",
	"/tmp/dollar$(id)`id`'single'.sock",
	"/tmp/#\"regex\".sock",
	"/tmp/(param \"X\").sock",
};

/* Decodes one SBPL string literal starting at s (the opening quote) with
 * TinyScheme's reader rules; returns a new string and sets *end past it. */
static char *
decode_literal(const char *s, const char **end)
{
	struct buf b;

	assert_true(*s == '"');
	buf_init(&b);
	for (s++; *s != '"'; s++) {
		assert_true(*s != '\0');
		if (*s == '\\') {
			s++;
			assert_true(*s == '\\' || *s == '"');
		}
		buf_putc(&b, *s);
	}
	*end = s + 1;
	return buf_take(&b);
}

static void
gen_hostile_paths_stay_out_of_the_sbpl_profile(void **state)
{
	struct params p;
	struct gen_result r;
	char *sbpl, *line;
	const char *s;
	size_t i, nlines_profile, nlines_sbpl;

	(void)state;
	params_init(&p);
	for (i = 0; i < sizeof hostile / sizeof hostile[0]; i++)
		socklist_add(&p.sock_allow, hostile[i], MATCH_SUBPATH,
		    ACCESS_CONNECT_BIND);
	render_ok(&p, &r);
	assert_int_equal(r.nparams, sizeof hostile / sizeof hostile[0]);
	for (i = 0; i < r.nparams; i++) {
		/* Not one hostile fragment reaches the text. */
		assert_null(strstr(r.profile, "/tmp/"));
		assert_null(strstr(r.profile, "(allow default)"));
		assert_non_null(memchr(r.params[i].value, '/', 1));
	}
	/* In the sbpl format each parameter stays on its own comment line. */
	sbpl = format_sbpl(&r);
	nlines_profile = nlines_sbpl = 0;
	for (s = r.profile; *s != '\0'; s++)
		nlines_profile += *s == '\n';
	for (s = sbpl; *s != '\0'; s++)
		nlines_sbpl += *s == '\n';
	assert_int_equal(nlines_sbpl, nlines_profile + r.nparams + 1);
	for (s = sbpl, i = 0; i < r.nparams; i++) {
		line = xstrndup(s, (size_t)(strchr(s, '\n') - s));
		assert_true(strncmp(line, "; -D UNIX_SOCKET_PATH_", 22) == 0);
		s = strchr(s, '\n') + 1;
		free(line);
	}
	free(sbpl);
	gen_result_clear(&r);
	params_clear(&p);
}

static void
gen_inline_literals_decode_to_the_exact_path(void **state)
{
	static const char *const printable[] = {
		"/tmp/quote\"d.sock",
		"/tmp/paren)(allow default)(.sock",
		"/tmp/back\\slash\\\".sock",
		"/tmp/semi;colon.sock",
		"/tmp/non-utf8-\xff\xfe\x80.sock",
		"/tmp/(param \"X\").sock",
	};
	struct params p;
	struct gen_result r;
	struct sb_error err;
	char *text, *lit;
	const char *s, *end;
	size_t i, found = 0;

	(void)state;
	params_init(&p);
	for (i = 0; i < sizeof printable / sizeof printable[0]; i++)
		socklist_add(&p.sock_allow, printable[i], MATCH_LITERAL,
		    ACCESS_CONNECT);
	render_ok(&p, &r);
	sb_error_init(&err);
	text = format_inline(&r, &err);
	assert_non_null(text);
	assert_null(strstr(text, "(param \""));
	/* Every socket literal decodes to one of the canonical paths. */
	for (s = text; (s = strstr(s, "unix-socket (literal \"")) != NULL;
	    s = end) {
		lit = decode_literal(s + 21, &end);
		assert_true(*end == ')');
		for (i = 0; i < r.nparams; i++) {
			if (strcmp(lit, r.params[i].value) == 0)
				break;
		}
		if (i == r.nparams)
			fail_msg("literal decodes to an unknown path: %s", lit);
		found++;
		free(lit);
	}
	assert_int_equal(found, r.nparams);
	free(text);
	gen_result_clear(&r);
	params_clear(&p);
}

static void
gen_inline_refuses_control_characters(void **state)
{
	struct params p;
	struct gen_result r;
	struct sb_error err;

	(void)state;
	params_init(&p);
	socklist_add(&p.sock_allow, "/tmp/new\nline.sock", MATCH_SUBPATH,
	    ACCESS_CONNECT_BIND);
	render_ok(&p, &r);
	sb_error_init(&err);
	assert_null(format_inline(&r, &err));
	assert_string_equal(err.msg, "inline: \"/private/tmp/new\\nline.sock\": "
	    "a path with a control character cannot be written into a "
	    "profile (use the sbpl format and -D)");
	gen_result_clear(&r);
	params_clear(&p);
}

static void
gen_inline_refuses_paths_over_1000_bytes(void **state)
{
	struct params p;
	struct gen_result r;
	struct sb_error err;
	char path[1200];
	char *text;

	(void)state;
	memset(path, 'x', sizeof path);
	memcpy(path, "/Users/me/", 10);
	path[1000] = '\0';
	params_init(&p);
	p.fs_mode = FS_WORKSPACE_WRITE;
	strlist_clear(&p.protected_names);
	strlist_add(&p.writable_roots, path);
	render_ok(&p, &r);
	sb_error_init(&err);
	text = format_inline(&r, &err);
	assert_non_null(text);	/* exactly 1000 bytes still fits */
	free(text);
	gen_result_clear(&r);
	params_clear(&p);

	path[1000] = 'x';
	path[1001] = '\0';
	params_init(&p);
	p.fs_mode = FS_WORKSPACE_WRITE;
	strlist_clear(&p.protected_names);
	strlist_add(&p.writable_roots, path);
	render_ok(&p, &r);
	/* The sbpl format passes it as a -D value. */
	assert_string_equal(test_param(&r, "WRITABLE_ROOT_3"), path);
	sb_error_init(&err);
	assert_null(format_inline(&r, &err));
	assert_non_null(strstr(err.msg, "a path of 1001 bytes"));
	gen_result_clear(&r);
	params_clear(&p);
}

static void
gen_hostile_globs_are_escaped_regex_strings(void **state)
{
	struct params p;
	struct gen_result r;
	char *lit;
	const char *s, *end;

	(void)state;
	params_init(&p);
	strlist_add(&p.deny_read, "/Users/me/\"q\"\\b;(x)*");
	render_ok(&p, &r);
	s = strstr(r.profile, "(deny file-read* (regex \"");
	assert_non_null(s);
	lit = decode_literal(s + 24, &end);
	assert_string_equal(lit,
	    "^/Users/me/\"q\"\\\\b;\\(x\\)[^/]*(/.*)?$");
	assert_string_equal(end, strstr(end, "))\n"));
	assert_null(strstr(r.profile, "#\"^/Users"));
	free(lit);
	gen_result_clear(&r);
	params_clear(&p);
}

static void
gen_overlong_glob_regex_is_an_error(void **state)
{
	struct params p;
	struct gen_result r;
	struct gen_ctx ctx;
	struct sb_error err;
	char glob[300];

	(void)state;
	/* Each '?' becomes the four bytes [^/]. */
	memset(glob, '?', sizeof glob);
	glob[0] = '/';
	glob[sizeof glob - 1] = '\0';
	params_init(&p);
	strlist_add(&p.deny_read, glob);
	macos_ctx(&ctx);
	sb_error_init(&err);
	assert_int_equal(gen_render(&p, &ctx, &r, &err), -1);
	assert_string_equal(err.msg, "filesystem.deny_read[0]: the pattern "
	    "becomes a regex of more than 1000 bytes, which the profile "
	    "reader rejects");
	params_clear(&p);
}

static void
gen_sbpl_comment_values_are_shell_quoted(void **state)
{
	struct params p;
	struct gen_result r;
	char *sbpl;

	(void)state;
	params_init(&p);
	socklist_add(&p.sock_allow, "/Users/me/a b'c", MATCH_SUBPATH,
	    ACCESS_CONNECT_BIND);
	socklist_add(&p.sock_allow, "/Users/me/n\nl", MATCH_SUBPATH,
	    ACCESS_CONNECT_BIND);
	render_ok(&p, &r);
	sbpl = format_sbpl(&r);
	assert_true(has_line(sbpl,
	    "; -D UNIX_SOCKET_PATH_0='/Users/me/a b'\\''c'"));
	assert_true(has_line(sbpl, "; -D UNIX_SOCKET_PATH_1=$'/Users/me/n\\nl'"));
	free(sbpl);
	gen_result_clear(&r);
	params_clear(&p);
}

static void
gen_patterns_with_control_characters_are_refused(void **state)
{
	struct params p;
	struct gen_result r;
	struct gen_ctx ctx;
	struct sb_error err;

	(void)state;
	params_init(&p);
	strlist_add(&p.deny_read, "/Users/me/a\nb*");
	macos_ctx(&ctx);
	sb_error_init(&err);
	assert_int_equal(gen_render(&p, &ctx, &r, &err), -1);
	assert_string_equal(err.msg, "filesystem.deny_read[0]: a pattern with "
	    "a control character cannot be written into a profile");
	params_clear(&p);
	params_init(&p);
	socklist_add(&p.sock_allow, "/tmp/\x01*", MATCH_GLOB, ACCESS_CONNECT);
	sb_error_init(&err);
	assert_int_equal(gen_render(&p, &ctx, &r, &err), -1);
	assert_non_null(strstr(err.msg, "network.unix_sockets.allow[0]: a "
	    "pattern with a control character"));
	params_clear(&p);
}

/* The value of -D key in r, or fail. */
static const char *
param_of(const struct gen_result *r, const char *key)
{
	const char *v = test_param(r, key);

	if (v == NULL)
		fail_msg("no parameter %s", key);
	return v;
}

static void
gen_nested_root_keeps_its_protected_names(void **state)
{
	struct params p;
	struct gen_result r;
	const char *allow, *deny;

	(void)state;
	params_init(&p);
	p.fs_mode = FS_WORKSPACE_WRITE;
	p.include_slash_tmp = p.include_tmpdir = false;
	strlist_add(&p.writable_roots, "/Users/me");
	strlist_add(&p.writable_roots, "/");
	render_ok(&p, &r);
	/* Root 0 is the cwd, /Users/me/project; root 1 is /Users/me, which
	 * must not re-open the project's .git; nor "/" root 1's. */
	assert_string_equal(param_of(&r, "WRITABLE_ROOT_0"), "/Users/me/project");
	assert_string_equal(param_of(&r, "WRITABLE_ROOT_0_EXCLUDED_0"),
	    "/Users/me/project/.git");
	assert_string_equal(param_of(&r, "WRITABLE_ROOT_1"), "/Users/me");
	assert_string_equal(param_of(&r, "WRITABLE_ROOT_1_EXCLUDED_0"),
	    "/Users/me/.git");
	allow = strstr(r.profile, "(allow file-write*\n");
	deny = strstr(r.profile, "; and the protected names of the roots "
	    "inside other roots\n(deny file-write*\n"
	    "  (literal (param \"WRITABLE_ROOT_0_EXCLUDED_0\")) (subpath (param "
	    "\"WRITABLE_ROOT_0_EXCLUDED_0\"))\n"
	    "  (literal (param \"WRITABLE_ROOT_1_EXCLUDED_0\")) (subpath (param "
	    "\"WRITABLE_ROOT_1_EXCLUDED_0\"))\n)\n");
	assert_non_null(allow);
	assert_non_null(deny);
	/* After the allow: the last matching rule wins. */
	assert_true(deny > allow);
	/* "/" is in no other root: its own .git needs no deny. */
	assert_null(strstr(r.profile, "(literal (param "
	    "\"WRITABLE_ROOT_2_EXCLUDED_0\")) (subpath"));
	gen_result_clear(&r);
	params_clear(&p);
}

static void
gen_root_inside_a_nested_protected_name_is_allowed_again(void **state)
{
	struct params p;
	struct gen_result r;
	const char *deny, *again;

	(void)state;
	/* ~/p/.git is a root of its own, inside ~/p's protected .git, which
	 * the nested deny closes: it is allowed again after the deny. */
	one_root(&p, "/Users/me");
	strlist_add(&p.writable_roots, "/Users/me/p");
	strlist_add(&p.writable_roots, "/Users/me/p/.git");
	render_ok(&p, &r);
	deny = strstr(r.profile, "; and the protected names of the roots "
	    "inside other roots\n");
	again = strstr(r.profile, "; but the roots inside those\n(allow "
	    "file-write*\n  (require-all (subpath (param \"WRITABLE_ROOT_2\")) "
	    "(require-not (literal (param \"WRITABLE_ROOT_2_EXCLUDED_0\")))");
	assert_non_null(deny);
	assert_non_null(again);
	assert_true(again > deny);
	assert_string_equal(param_of(&r, "WRITABLE_ROOT_2_EXCLUDED_0"),
	    "/Users/me/p/.git/.git");
	gen_result_clear(&r);
	params_clear(&p);
}

static void
gen_symlinked_protected_name_is_excluded_as_written_too(void **state)
{
	struct params p;
	struct gen_result r;
	struct gen_ctx ctx;
	struct sb_error err;

	(void)state;
	params_init(&p);
	p.fs_mode = FS_WORKSPACE_WRITE;
	p.include_cwd = p.include_slash_tmp = p.include_tmpdir = false;
	strlist_add(&p.writable_roots, "/Users/me/symgit");
	macos_ctx(&ctx);
	sb_error_init(&err);
	assert_int_equal(gen_render(&p, &ctx, &r, &err), 0);
	/* The link itself (it could be replaced) and where it leads. */
	assert_string_equal(param_of(&r, "WRITABLE_ROOT_0_EXCLUDED_0"),
	    "/Users/me/symgit/.git");
	assert_string_equal(param_of(&r, "WRITABLE_ROOT_0_EXCLUDED_1"),
	    "/Users/me/real.git");
	gen_result_clear(&r);
	params_clear(&p);
}

static void
gen_linked_git_file_protects_its_git_directory(void **state)
{
	struct params p;
	struct gen_result r;

	(void)state;
	params_init(&p);
	p.fs_mode = FS_WORKSPACE_WRITE;
	p.include_cwd = p.include_slash_tmp = p.include_tmpdir = false;
	strlist_add(&p.writable_roots, "/Users/me/lk");
	render_ok(&p, &r);
	/* The gitdir (relative to the root: "project/..." under lk does not
	 * exist, so it stays as joined), the link, where the link leads. */
	assert_string_equal(param_of(&r, "WRITABLE_ROOT_0_EXCLUDED_0"),
	    "/Users/me/lk/project/.git/worktrees/wt");
	assert_string_equal(param_of(&r, "WRITABLE_ROOT_0_EXCLUDED_1"),
	    "/Users/me/lk/.git");
	assert_string_equal(param_of(&r, "WRITABLE_ROOT_0_EXCLUDED_2"),
	    "/Users/me/gitfile");
	gen_result_clear(&r);
	params_clear(&p);
}

static void
gen_glob_deny_with_an_alias_denies_both_spellings(void **state)
{
	struct params p;
	struct gen_result r;

	(void)state;
	params_init(&p);
	p.net_mode = NET_FULL;
	p.builtin_denies = false;	/* tested on their own */
	socklist_add(&p.sock_deny, "/var/run/*.sock", MATCH_GLOB,
	    ACCESS_CONNECT_BIND);
	render_ok(&p, &r);
	assert_true(has_line(r.profile, "(deny network-outbound (remote "
	    "unix-socket (regex \"^/private/var/run/[^/]*\\\\.sock$\")))"));
	assert_true(has_line(r.profile, "(deny network-outbound (remote "
	    "unix-socket (regex \"^/var/run/[^/]*\\\\.sock$\")))"));
	assert_int_equal(r.nparams, 0);
	gen_result_clear(&r);
	params_clear(&p);
}

static void
gen_symlink_target_with_metacharacters_stays_literal(void **state)
{
	struct params p;
	struct gen_result r;

	(void)state;
	params_init(&p);
	strlist_add(&p.deny_read, "/Users/me/lnk/secret");
	strlist_add(&p.deny_read, "/Users/me/lnk/*.key");
	render_ok(&p, &r);
	assert_true(has_line(r.profile, "(deny file-read* (regex "
	    "\"^/Users/me/we\\\\*ird\\\\[1\\\\]/secret(/.*)?$\"))"));
	assert_true(has_line(r.profile, "(deny file-read* (regex "
	    "\"^/Users/me/we\\\\*ird\\\\[1\\\\]/[^/]*\\\\.key(/.*)?$\"))"));
	gen_result_clear(&r);
	params_clear(&p);
}

static void
gen_deny_read_of_the_root_denies_everything(void **state)
{
	struct params p;
	struct gen_result r;

	(void)state;
	params_init(&p);
	strlist_add(&p.deny_read, "/");
	strlist_add(&p.deny_read, "/Users/me/[[:digit:]]*");
	render_ok(&p, &r);
	assert_true(has_line(r.profile, "(deny file-read* (regex \"^/.*$\"))"));
	/* A class becomes the ranges it names, for every regex engine. */
	assert_true(has_line(r.profile, "(deny file-read* (regex "
	    "\"^/Users/me/[0-9][^/]*(/.*)?$\"))"));
	gen_result_clear(&r);
	params_clear(&p);
}

static void
gen_inline_limit_counts_the_path_not_its_escapes(void **state)
{
	struct params p;
	struct gen_result r;
	struct sb_error err;
	char path[700], *text;

	(void)state;
	/* 605 bytes, 600 of them quotes: 1205 bytes once escaped. */
	memset(path, '"', sizeof path);
	memcpy(path, "/tmp/", 5);
	path[605] = '\0';
	params_init(&p);
	socklist_add(&p.sock_allow, path, MATCH_LITERAL, ACCESS_CONNECT);
	render_ok(&p, &r);
	sb_error_init(&err);
	text = format_inline(&r, &err);
	if (text == NULL)
		fail_msg("%s", err.msg);
	free(text);
	gen_result_clear(&r);
	params_clear(&p);
}

static void
gen_wide_allows_that_open_a_container_socket_warn(void **state)
{
	static const char *const wide[] = {
		"/var/run", "/", "~/.docker", "/var/run/*.sock",
	};
	struct params p;
	struct gen_result r;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof wide / sizeof wide[0]; i++) {
		params_init(&p);
		/* With the built-in denies on, those win and nothing is
		 * open: the warning is for a policy without them. */
		p.builtin_denies = false;
		socklist_add(&p.sock_allow, wide[i],
		    params_socket_match(wide[i]), ACCESS_CONNECT_BIND);
		render_ok(&p, &r);
		if (r.nwarnings != 1 ||
		    strstr(r.warnings[0].msg, "container engine") == NULL)
			fail_msg("no container warning for %s", wide[i]);
		gen_result_clear(&r);
		params_clear(&p);
	}
	params_init(&p);
	socklist_add(&p.sock_allow, "/var/run/mysqld", MATCH_SUBPATH,
	    ACCESS_CONNECT_BIND);
	render_ok(&p, &r);
	assert_int_equal(r.nwarnings, 0);
	gen_result_clear(&r);
	params_clear(&p);
}

static void
gen_many_duplicates_collapse_to_one(void **state)
{
	struct params p;
	struct gen_result r;
	size_t i;

	(void)state;
	params_init(&p);
	for (i = 0; i < 20000; i++) {
		socklist_add(&p.sock_allow, i % 2 ? "/tmp/a" : "/private/tmp/a",
		    MATCH_SUBPATH, i == 7 ? ACCESS_CONNECT_BIND : ACCESS_CONNECT);
		socklist_add(&p.sock_deny, "/tmp/d", MATCH_SUBPATH,
		    ACCESS_CONNECT);
	}
	render_ok(&p, &r);
	assert_int_equal(r.nparams, 3);
	assert_string_equal(param_of(&r, "UNIX_SOCKET_PATH_0"), "/private/tmp/a");
	/* One of them asked for bind: the merged entry binds. */
	assert_true(has_line(r.profile, "(allow network-bind (local unix-socket "
	    "(subpath (param \"UNIX_SOCKET_PATH_0\"))))"));
	assert_string_equal(param_of(&r, "UNIX_SOCKET_DENY_0_ALIAS"), "/tmp/d");
	gen_result_clear(&r);
	params_clear(&p);
}

/* --- deny_read, guards, rule sizes ----------------------------------------- */

/* The regex of the first "(deny OP (regex ..." line in profile, decoded. */
static char *
deny_regex(const char *profile, const char *op)
{
	char *head, *lit;
	const char *s, *end;

	xasprintf(&head, "(deny %s (regex \"", op);
	s = strstr(profile, head);
	if (s == NULL)
		fail_msg("no %s line", head);
	lit = decode_literal(s + strlen(head) - 1, &end);
	free(head);
	return lit;
}

static bool
regex_matches(const char *regex, const char *path)
{
	regex_t re;
	bool hit;

	assert_int_equal(regcomp(&re, regex, REG_EXTENDED | REG_NOSUB), 0);
	hit = regexec(&re, path, 0, NULL, 0) == 0;
	regfree(&re);
	return hit;
}

static void
gen_deny_read_is_never_writable_either(void **state)
{
	struct params p;
	struct gen_result r;
	const char *allow, *deny;

	(void)state;
	/* --full-auto in $HOME with --deny-read ~/.ssh. */
	one_root(&p, "~");
	strlist_add(&p.deny_read, "~/.ssh");
	render_ok(&p, &r);
	assert_true(has_line(r.profile, "(deny file-read* (regex "
	    "\"^/Users/me/\\\\.ssh(/.*)?$\"))"));
	assert_true(has_line(r.profile, "(deny file-write* (regex "
	    "\"^/Users/me/\\\\.ssh(/.*)?$\"))"));
	/* After the allow, so that it wins: the last match does. */
	allow = strstr(r.profile, "(allow file-write*");
	deny = strstr(r.profile, "(deny file-write* (regex");
	assert_non_null(allow);
	assert_true(deny > allow);
	/* Its only directory inside the root is the root, guarded already. */
	assert_null(strstr(r.profile, "(deny file-write-unlink (regex"));
	gen_result_clear(&r);
	params_clear(&p);
}

static void
gen_deny_read_guards_its_directories_inside_a_root(void **state)
{
	struct params p;
	struct gen_result r;
	char *re;

	(void)state;
	one_root(&p, "~");
	strlist_add(&p.deny_read, "~/project/keys/id");
	render_ok(&p, &r);
	re = deny_regex(r.profile, "file-write-unlink");
	assert_string_equal(re, "^/Users/me(/project(/keys)?)?$");
	assert_true(regex_matches(re, "/Users/me/project"));
	assert_true(regex_matches(re, "/Users/me/project/keys"));
	assert_false(regex_matches(re, "/Users/me/project/keys/id"));
	assert_false(regex_matches(re, "/Users/me/projects"));
	assert_false(regex_matches(re, "/Users/me/other"));
	free(re);
	gen_result_clear(&r);
	params_clear(&p);

	/* A wildcard directory is guarded by its pattern; one under "**"
	 * can move without leaving the pattern, so it needs none. */
	one_root(&p, "~");
	strlist_add(&p.deny_read, "~/project/k*/id_*");
	strlist_add(&p.deny_read, "~/project/**/x/y.pem");
	render_ok(&p, &r);
	re = deny_regex(r.profile, "file-write-unlink");
	assert_string_equal(re, "^/Users/me(/project(/k[^/]*)?)?$");
	assert_true(regex_matches(re, "/Users/me/project/keys"));
	assert_false(regex_matches(re, "/Users/me/project/other"));
	free(re);
	assert_true(has_line(r.profile, "(deny file-write-unlink (regex "
	    "\"^/Users/me(/project)?$\"))"));
	gen_result_clear(&r);
	params_clear(&p);

	/* Read-only: nothing can be renamed, so no guard at all. */
	params_init(&p);
	strlist_add(&p.deny_read, "~/project/keys/id");
	render_ok(&p, &r);
	assert_null(strstr(r.profile, "file-write-unlink"));
	gen_result_clear(&r);
	params_clear(&p);

	/* Full access: every directory above it is writable. */
	params_init(&p);
	p.fs_mode = FS_FULL_ACCESS;
	strlist_add(&p.deny_read, "~/.ssh/id");
	render_ok(&p, &r);
	assert_true(has_line(r.profile, "(deny file-write-unlink (regex "
	    "\"^/Users(/me(/\\\\.ssh)?)?$\"))"));
	gen_result_clear(&r);
	params_clear(&p);
}

static void
gen_roots_and_the_parents_of_protected_names_are_guarded(void **state)
{
	struct params p;
	struct gen_result r;

	(void)state;
	params_init(&p);
	p.fs_mode = FS_WORKSPACE_WRITE;
	render_ok(&p, &r);
	assert_non_null(strstr(r.profile, "(deny file-write-unlink\n"
	    "  (literal (param \"WRITABLE_ROOT_0\"))\n"
	    "  (literal (param \"WRITABLE_ROOT_1\"))\n"
	    "  (literal (param \"WRITABLE_ROOT_2\"))\n)\n"));
	gen_result_clear(&r);
	params_clear(&p);

	/* /Users/me/a/b is a root inside /Users/me: renaming /Users/me/a
	 * would carry a/b/.git out of the outer root's exclusion. */
	one_root(&p, "/Users/me");
	strlist_add(&p.writable_roots, "/Users/me/a/b");
	render_ok(&p, &r);
	assert_string_equal(param_of(&r, "PROTECTED_PARENT_0"), "/Users/me/a");
	assert_null(test_param(&r, "PROTECTED_PARENT_1"));
	assert_non_null(strstr(r.profile, " (literal (param "
	    "\"PROTECTED_PARENT_0\"))\n)\n"));
	gen_result_clear(&r);
	params_clear(&p);
}

/* The weight of each (allow file-write* ...) rule, as GEN_RULE_BUDGET
 * counts it; fails unless each root appears in exactly one of them. */
static size_t
check_write_rules(const struct gen_result *r, size_t nroots)
{
	const char *s = r->profile, *end, *k;
	char key[80];
	size_t rules = 0, w, i, seen = 0;

	while ((s = strstr(s, "(allow file-write*\n")) != NULL) {
		end = strstr(s, "\n)\n");
		w = 0;
		for (k = s; (k = strstr(k, "(param \"")) != NULL && k < end;
		    k++) {
			i = strcspn(k + 8, "\"");
			memcpy(key, k + 8, i);
			key[i] = '\0';
			w += strlen(param_of(r, key)) + GEN_FILTER_WEIGHT;
			if (strstr(key, "_EXCLUDED_") == NULL)
				seen++;
			else
				k += 8 + i;	/* literal and subpath: one weight */
		}
		if (w > GEN_RULE_BUDGET * 2)
			fail_msg("a write rule weighs %zu", w);
		rules++;
		s = end;
	}
	assert_int_equal(seen, nroots);
	return rules;
}

static void
gen_write_rule_splits_at_the_budget(void **state)
{
	struct params p;
	struct gen_result r;
	char root[128];
	size_t i;

	(void)state;
	params_init(&p);
	p.fs_mode = FS_WORKSPACE_WRITE;
	for (i = 0; i < 1000; i++) {
		snprintf(root, sizeof root, "/Users/me/work/%04zu-%s", i,
		    "a-long-name-for-a-worktree-directory");
		strlist_add(&p.writable_roots, root);
	}
	render_ok(&p, &r);
	/* 1,003 roots of about 200 bytes each with .git: a dozen rules. */
	assert_true(check_write_rules(&r, 1003) >= 10);
	gen_result_clear(&r);
	params_clear(&p);
}

static void
gen_root_too_heavy_for_one_rule_is_refused(void **state)
{
	struct params p;
	struct gen_result r;
	struct gen_ctx ctx;
	struct sb_error err;
	char name[32], *root;
	size_t i;

	(void)state;
	/* 100,000 protected names: refused long before all are looked up. */
	one_root(&p, "/Users/me/project");
	for (i = 0; i < 100000; i++) {
		snprintf(name, sizeof name, "n%zu", i);
		strlist_add(&p.protected_names, name);
	}
	macos_ctx(&ctx);
	sb_error_init(&err);
	assert_int_equal(gen_render(&p, &ctx, &r, &err), -1);
	assert_non_null(strstr(err.msg, "filesystem.writable_roots: "
	    "\"/Users/me/project\": its "));
	assert_non_null(strstr(err.msg, "more than the 32768 that one "
	    "Seatbelt rule can hold"));
	params_clear(&p);

	/* A chain of 1,600 nested roots: the .git of each is in the deny
	 * for nested roots once, so the profile grows with the chain. */
	params_init(&p);
	p.fs_mode = FS_WORKSPACE_WRITE;
	p.include_cwd = p.include_slash_tmp = p.include_tmpdir = false;
	root = xstrdup("/Users/me");
	for (i = 0; i < 1600; i++) {
		char *next;

		xasprintf(&next, "%s/a", root);
		free(root);
		root = next;
		strlist_add(&p.writable_roots, root);
	}
	free(root);
	render_ok(&p, &r);
	assert_int_equal(r.nparams, 3200);
	assert_string_equal(param_of(&r, "WRITABLE_ROOT_1599_EXCLUDED_0") +
	    strlen(param_of(&r, "WRITABLE_ROOT_1599")), "/.git");
	gen_result_clear(&r);
	params_clear(&p);

	/* A root allowed again after that deny carries the protected paths
	 * of the roots inside it: two thousand of them do not fit. */
	one_root(&p, "/Users/me");
	strlist_add(&p.writable_roots, "/Users/me/p");
	strlist_add(&p.writable_roots, "/Users/me/p/.git");
	for (i = 0; i < 2000; i++) {
		char dir[64];

		snprintf(dir, sizeof dir, "/Users/me/p/.git/w/%zu", i);
		strlist_add(&p.writable_roots, dir);
	}
	sb_error_init(&err);
	assert_int_equal(gen_render(&p, &ctx, &r, &err), -1);
	assert_non_null(strstr(err.msg, "filesystem.writable_roots: "
	    "\"/Users/me/p/.git\": its "));
	assert_non_null(strstr(err.msg, "protected paths (those of the roots "
	    "inside it included)"));
	params_clear(&p);
}

static void
gen_profile_over_the_output_cap_is_refused(void **state)
{
	struct params p;
	struct gen_result r;
	struct gen_ctx ctx;
	struct sb_error err;
	char path[1024];
	size_t i, n;

	(void)state;
	/* 35,000 long entries: two rules of about a kilobyte each. */
	params_init(&p);
	for (i = 0; i < 35000; i++) {
		n = (size_t)snprintf(path, sizeof path, "/Users/me/%zu-", i);
		memset(path + n, 'x', 960 - n);
		path[960] = '\0';
		strlist_add(&p.deny_read, path);
	}
	macos_ctx(&ctx);
	sb_error_init(&err);
	assert_int_equal(gen_render(&p, &ctx, &r, &err), -1);
	assert_string_equal(err.msg, "the profile would be larger than 64 MiB: "
	    "fewer or shorter entries");
	params_clear(&p);
}

static void
gen_deny_read_too_deep_to_guard_is_refused(void **state)
{
	struct params p;
	struct gen_result r;
	struct gen_ctx ctx;
	struct sb_error err;
	char path[1024];
	size_t n;

	(void)state;
	one_root(&p, "/Users/me");
	n = (size_t)snprintf(path, sizeof path, "/Users/me");
	while (n < 940) {
		memcpy(path + n, "/x", 3);
		n += 2;
	}
	strlist_add(&p.deny_read, path);
	macos_ctx(&ctx);
	sb_error_init(&err);
	assert_int_equal(gen_render(&p, &ctx, &r, &err), -1);
	assert_string_equal(err.msg, "filesystem.deny_read[0]: 466 directories "
	    "lie between it and its writable root; the regex that keeps them "
	    "from being moved would pass 1000 bytes: deny a shorter path");
	params_clear(&p);
}

/* --- the built-in denies of the container engines' sockets --------------- */

static bool
has_warning(const struct gen_result *r, const char *text)
{
	size_t i;

	for (i = 0; i < r->nwarnings; i++) {
		if (strstr(r->warnings[i].msg, text) != NULL)
			return true;
	}
	return false;
}

static const char *const docker_deny[] = {
	"(deny network-outbound (remote unix-socket (literal (param "
	    "\"BUILTIN_DENY_0\"))))",
	"(deny network-bind (local unix-socket (literal (param "
	    "\"BUILTIN_DENY_0\"))))",
	"(deny network-outbound (remote unix-socket (literal (param "
	    "\"BUILTIN_DENY_0_ALIAS\"))))",
};

static void
gen_builtin_denies_close_container_sockets_in_full_mode(void **state)
{
	struct params p;
	struct gen_result r;
	size_t i;

	(void)state;
	params_init(&p);
	p.net_mode = NET_FULL;
	render_ok(&p, &r);
	for (i = 0; i < sizeof docker_deny / sizeof docker_deny[0]; i++)
		assert_true(has_line(r.profile, docker_deny[i]));
	/* Both spellings, and the per-user engines. */
	assert_string_equal(param_of(&r, "BUILTIN_DENY_0"),
	    "/private/var/run/docker.sock");
	assert_string_equal(param_of(&r, "BUILTIN_DENY_0_ALIAS"),
	    "/var/run/docker.sock");
	for (i = 0; test_param(&r, "BUILTIN_DENY_0") != NULL && i < 20;
	    i++) {
		char key[32];

		snprintf(key, sizeof key, "BUILTIN_DENY_%zu", i);
		if (test_param(&r, key) == NULL)
			break;
	}
	assert_true(i >= 12);
	assert_non_null(strstr(r.profile, "; deny the container engines' "
	    "sockets"));
	/* After the unfiltered allow, which never overrides them. */
	assert_true(strstr(r.profile, docker_deny[0]) >
	    strstr(r.profile, "(allow network-outbound)"));
	gen_result_clear(&r);
	params_clear(&p);

	/* Switched off: none. */
	params_init(&p);
	p.net_mode = NET_FULL;
	p.builtin_denies = false;
	render_ok(&p, &r);
	assert_null(strstr(r.profile, "BUILTIN_DENY"));
	assert_int_equal(r.nparams, 0);
	gen_result_clear(&r);
	params_clear(&p);

	/* Network off: nothing to deny. */
	params_init(&p);
	p.net_mode = NET_OFF;
	p.allow_all_sockets = true;
	render_ok(&p, &r);
	assert_null(strstr(r.profile, "BUILTIN_DENY"));
	gen_result_clear(&r);
	params_clear(&p);
}

static void
gen_builtin_denies_follow_what_the_allow_entries_open(void **state)
{
	struct params p;
	struct gen_result r;
	const char *deny, *again;

	(void)state;
	/* An allow entry away from every engine: no built-in deny. */
	params_init(&p);
	socklist_add(&p.sock_allow, "/tmp/db.sock", MATCH_SUBPATH,
	    ACCESS_CONNECT_BIND);
	render_ok(&p, &r);
	assert_null(strstr(r.profile, "BUILTIN_DENY"));
	gen_result_clear(&r);
	params_clear(&p);

	/* A wide allow opens /var/run/docker.sock: the deny wins, so no
	 * warning that it is open. The per-user engines are not opened. */
	params_init(&p);
	socklist_add(&p.sock_allow, "/var/run", MATCH_SUBPATH,
	    ACCESS_CONNECT_BIND);
	render_ok(&p, &r);
	assert_true(has_line(r.profile, docker_deny[0]));
	assert_false(has_warning(&r, "container engine"));
	assert_null(strstr(r.profile, "/.colima"));
	assert_false(has_line(r.profile, "; except the sockets allowed above "
	    "by their own path"));
	gen_result_clear(&r);
	params_clear(&p);

	/* A glob that matches an engine's socket opens it too. */
	params_init(&p);
	socklist_add(&p.sock_allow, "~/.colima/*/docker.sock", MATCH_GLOB,
	    ACCESS_CONNECT);
	render_ok(&p, &r);
	assert_string_equal(param_of(&r, "BUILTIN_DENY_0"),
	    "/Users/me/.colima");
	gen_result_clear(&r);
	params_clear(&p);

	/* The exact socket, allowed by its path: denied with the others,
	 * then allowed again after them, and warned about. */
	params_init(&p);
	socklist_add(&p.sock_allow, "/var/run/docker.sock", MATCH_LITERAL,
	    ACCESS_CONNECT);
	render_ok(&p, &r);
	deny = strstr(r.profile, docker_deny[0]);
	again = strstr(r.profile, "; except the sockets allowed above by their "
	    "own path\n(allow network-outbound (remote unix-socket (literal "
	    "(param \"UNIX_SOCKET_PATH_0\"))))\n");
	assert_non_null(deny);
	assert_non_null(again);
	assert_true(again > deny);
	assert_true(has_warning(&r, "network.unix_sockets.allow[0]: "
	    "\"/private/var/run/docker.sock\" is a container engine socket"));
	gen_result_clear(&r);
	params_clear(&p);
}

/* An allowed container socket that a deny entry refuses: the deny comes
 * last and wins, and the warning says that, not that the socket is open. */
static void
gen_denied_container_socket_says_deny_wins(void **state)
{
	static const char *const denies[][2] = {
		{ "/var/run/docker.sock", "literal" },
		{ "/var/run", "subpath" },
		{ "/var/run/*.sock", "glob" },
	};
	struct params p;
	struct gen_result r;
	struct gen_ctx ctx;
	struct sb_error err;
	char glob[300];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof denies / sizeof denies[0]; i++) {
		params_init(&p);
		socklist_add(&p.sock_allow, "/var/run/docker.sock",
		    MATCH_LITERAL, ACCESS_CONNECT);
		socklist_add(&p.sock_deny, "/tmp/other.sock", MATCH_LITERAL,
		    ACCESS_CONNECT_BIND);
		socklist_add(&p.sock_deny, denies[i][0],
		    strcmp(denies[i][1], "glob") == 0 ? MATCH_GLOB :
		    strcmp(denies[i][1], "subpath") == 0 ? MATCH_SUBPATH :
		    MATCH_LITERAL, ACCESS_CONNECT_BIND);
		render_ok(&p, &r);
		if (!has_warning(&r, "network.unix_sockets.allow[0]: "
		    "\"/private/var/run/docker.sock\" is a container engine "
		    "socket, and network.unix_sockets.deny[1] denies it: the "
		    "deny wins, so this entry opens nothing"))
			fail_msg("deny %s: no warning that it wins",
			    denies[i][0]);
		assert_false(has_warning(&r, "controls the host's containers"));
		/* The deny rules are written as without the warning. */
		assert_non_null(strstr(r.profile, "; deny these unix domain "
		    "sockets"));
		gen_result_clear(&r);
		params_clear(&p);
	}

	/* A deny of another socket: the warning as before. */
	params_init(&p);
	socklist_add(&p.sock_allow, "/var/run/docker.sock", MATCH_LITERAL,
	    ACCESS_CONNECT);
	socklist_add(&p.sock_deny, "/tmp/other.sock", MATCH_LITERAL,
	    ACCESS_CONNECT_BIND);
	render_ok(&p, &r);
	assert_true(has_warning(&r, "network.unix_sockets.allow[0]: "
	    "\"/private/var/run/docker.sock\" is a container engine socket: "
	    "whoever can connect to it controls the host's containers"));
	gen_result_clear(&r);
	params_clear(&p);

	/* A wide entry with the built-in denies off: the socket it would
	 * open is denied. */
	params_init(&p);
	p.builtin_denies = false;
	socklist_add(&p.sock_allow, "/private/var/run/docker.sock.d",
	    MATCH_SUBPATH, ACCESS_CONNECT);
	socklist_add(&p.sock_allow, "/var/run", MATCH_SUBPATH, ACCESS_CONNECT);
	socklist_add(&p.sock_deny, "/var/run/docker.sock", MATCH_LITERAL,
	    ACCESS_CONNECT_BIND);
	render_ok(&p, &r);
	assert_true(has_warning(&r, "network.unix_sockets.allow[1]: would "
	    "open \"/private/var/run/docker.sock\", a container engine "
	    "socket, but network.unix_sockets.deny[0] denies it: the deny "
	    "wins"));
	gen_result_clear(&r);
	params_clear(&p);

	/* A deny list that does not resolve is still reported as its
	 * own error, the allow list's warnings notwithstanding. */
	params_init(&p);
	socklist_add(&p.sock_allow, "/var/run/docker.sock", MATCH_LITERAL,
	    ACCESS_CONNECT);
	/* Each '?' becomes the four bytes [^/]: too long a regex. */
	memset(glob, '?', sizeof glob);
	glob[0] = '/';
	glob[sizeof glob - 1] = '\0';
	socklist_add(&p.sock_deny, glob, MATCH_GLOB, ACCESS_CONNECT_BIND);
	macos_ctx(&ctx);
	sb_error_init(&err);
	assert_int_equal(gen_render(&p, &ctx, &r, &err), -1);
	assert_non_null(strstr(err.msg, "network.unix_sockets.deny[0]"));
	params_clear(&p);
}

static void
gen_allow_all_keeps_the_builtin_denies(void **state)
{
	struct params p;
	struct gen_result r;

	(void)state;
	params_init(&p);
	p.allow_all_sockets = true;
	render_ok(&p, &r);
	assert_true(has_line(r.profile, docker_deny[0]));
	assert_false(has_warning(&r, "container engine sockets (docker.sock) "
	    "included"));
	gen_result_clear(&r);
	params_clear(&p);

	params_init(&p);
	p.allow_all_sockets = true;
	p.builtin_denies = false;
	render_ok(&p, &r);
	assert_null(strstr(r.profile, "BUILTIN_DENY"));
	assert_true(has_warning(&r, "every Unix socket is reachable, container "
	    "engine sockets (docker.sock) included"));
	gen_result_clear(&r);
	params_clear(&p);
}

static void
gen_warnings_escape_c1_controls(void **state)
{
	struct params p;
	struct gen_result r;
	size_t i;

	(void)state;
	/* U+009B is CSI to a terminal that takes 8-bit controls. */
	one_root(&p, "/Users/me/x\xc2\x9b" "31mred");
	socklist_add(&p.sock_allow, "/Users/me/\xc2\x9b" "2J/docker.sock",
	    MATCH_SUBPATH, ACCESS_CONNECT_BIND);
	render_ok(&p, &r);
	assert_true(r.nwarnings >= 2);
	for (i = 0; i < r.nwarnings; i++) {
		if (strstr(r.warnings[i].msg, "\xc2\x9b") != NULL)
			fail_msg("a raw CSI in: %s", r.warnings[i].msg);
		assert_non_null(strstr(r.warnings[i].msg, "\\xc2\\x9b"));
	}
	gen_result_clear(&r);
	params_clear(&p);
}

/* --- origins ------------------------------------------------------------ */

/*
 * Fails unless every occurrence of text in r's profile lies, whole, in an
 * origin of (where, index), its most precise one. Returns how many there
 * are (at least one).
 */
static size_t
assert_origin(const struct gen_result *r, const char *text,
    enum gen_where where, size_t index)
{
	const struct gen_origin *o;
	const char *s;
	size_t n = 0, off;

	for (s = r->profile; (s = strstr(s, text)) != NULL; s++) {
		off = (size_t)(s - r->profile);
		if ((o = gen_origin_at(r, off)) == NULL)
			fail_msg("%s at %zu: no origin", text, off);
		if (o->where != where || o->index != index)
			fail_msg("%s at %zu: from %d [%zu], not %d [%zu]", text,
			    off, (int)o->where, o->index, (int)where, index);
		assert_true(off + strlen(text) <= o->end);
		n++;
	}
	if (n == 0)
		fail_msg("%s is not in the profile", text);
	return n;
}

/* The origin of the nth (from 0) occurrence of text, or fail. */
static const struct gen_origin *
origin_of(const struct gen_result *r, const char *text, size_t nth)
{
	const struct gen_origin *o;
	const char *s = r->profile;

	for (;;) {
		if ((s = strstr(s, text)) == NULL)
			fail_msg("%s is not in the profile %zu times", text,
			    nth + 1);
		if (nth-- == 0)
			break;
		s++;
	}
	if ((o = gen_origin_at(r, (size_t)(s - r->profile))) == NULL)
		fail_msg("%s: no origin", text);
	return o;
}

/* Asserts the origin of (param "KEY") for every parameter whose key
 * starts with prefix and whose value is value; fails if there is none. */
static void
assert_param_origin(const struct gen_result *r, const char *prefix,
    const char *value, enum gen_where where, size_t index)
{
	char *text;
	size_t i, n = 0;

	for (i = 0; i < r->nparams; i++) {
		if (strncmp(r->params[i].key, prefix, strlen(prefix)) != 0 ||
		    strcmp(r->params[i].value, value) != 0)
			continue;
		xasprintf(&text, "(param \"%s\")", r->params[i].key);
		assert_origin(r, text, where, index);
		free(text);
		n++;
	}
	if (n == 0)
		fail_msg("no parameter %s* is %s", prefix, value);
}

static void
gen_origins_name_the_entry_of_each_rule(void **state)
{
	struct params p;
	struct gen_result r;
	const struct gen_origin *o;

	(void)state;
	params_init(&p);
	p.fs_mode = FS_WORKSPACE_WRITE;
	p.include_cwd = p.include_tmpdir = false;
	p.include_slash_tmp = true;
	strlist_clear(&p.protected_names);
	strlist_add(&p.protected_names, ".env");
	strlist_add(&p.protected_names, ".git");
	strlist_add(&p.writable_roots, "/Users/me/project");
	strlist_add(&p.writable_roots, "/Users/me/project/sub/inner");
	strlist_add(&p.deny_read, "~/.ssh");
	strlist_add(&p.deny_read, "/Users/me/project/secret/**");
	/* Sorted, the second comes first: indexes are the params'. */
	socklist_add(&p.sock_allow, "/tmp/z.sock", MATCH_LITERAL,
	    ACCESS_CONNECT);
	socklist_add(&p.sock_allow, "/tmp/a.sock", MATCH_SUBPATH,
	    ACCESS_CONNECT_BIND);
	socklist_add(&p.sock_deny, "/tmp/d.sock", MATCH_LITERAL,
	    ACCESS_CONNECT_BIND);
	portlist_add(&p.proxy_ports, 8080);
	portlist_add(&p.proxy_ports, 3128);
	portlist_add(&p.proxy_ports, 8080);
	render_ok(&p, &r);
	origins_check(&r);

	assert_origin(&r, "(allow process-fork)", GEN_W_BASE, GEN_NO_INDEX);
	assert_origin(&r, "(allow file-read*)", GEN_W_BASE, GEN_NO_INDEX);
	assert_int_equal(gen_origin_at(&r, 0)->where, GEN_W_BASE);
	assert_null(gen_origin_at(&r, strlen(r.profile)));

	/* The roots, in the allow rule and the unlink guard. */
	assert_param_origin(&r, "WRITABLE_ROOT_", "/private/tmp",
	    GEN_W_INCLUDE_TMP, GEN_NO_INDEX);
	assert_param_origin(&r, "WRITABLE_ROOT_", "/Users/me/project",
	    GEN_W_WRITABLE_ROOT, 0);
	assert_param_origin(&r, "WRITABLE_ROOT_", "/Users/me/project/sub/inner",
	    GEN_W_WRITABLE_ROOT, 1);
	/* Their protected names: the require-not terms, the deny of the
	 * nested root's, and a guarded directory (the nested root's). */
	assert_param_origin(&r, "WRITABLE_ROOT_", "/Users/me/project/.env",
	    GEN_W_PROTECTED_NAME, 0);
	assert_param_origin(&r, "WRITABLE_ROOT_", "/Users/me/project/.git",
	    GEN_W_PROTECTED_NAME, 1);
	assert_param_origin(&r, "WRITABLE_ROOT_",
	    "/Users/me/project/sub/inner/.env", GEN_W_PROTECTED_NAME, 0);
	assert_param_origin(&r, "WRITABLE_ROOT_",
	    "/Users/me/project/sub/inner/.git", GEN_W_PROTECTED_NAME, 1);
	assert_param_origin(&r, "PROTECTED_PARENT_", "/Users/me/project/sub",
	    GEN_W_WRITABLE_ROOT, 1);
	o = origin_of(&r, "(allow file-write*", 0);
	assert_int_equal(o->where, GEN_W_FS_MODE);

	/* deny_read: both rules of each, and the guard of the second. */
	o = origin_of(&r, "(deny file-read* ", 0);
	assert_int_equal(o->where, GEN_W_DENY_READ);
	assert_int_equal(o->index, 0);
	o = origin_of(&r, "(deny file-write* (regex", 0);
	assert_int_equal(o->index, 0);
	o = origin_of(&r, "(deny file-read* ", 1);
	assert_int_equal(o->where, GEN_W_DENY_READ);
	assert_int_equal(o->index, 1);
	assert_origin(&r, "(deny file-write-unlink (regex", GEN_W_DENY_READ, 1);

	/* Sockets, ports. */
	assert_param_origin(&r, "UNIX_SOCKET_PATH_", "/private/tmp/z.sock",
	    GEN_W_SOCK_ALLOW, 0);
	assert_param_origin(&r, "UNIX_SOCKET_PATH_", "/private/tmp/a.sock",
	    GEN_W_SOCK_ALLOW, 1);
	assert_origin(&r, "(param \"UNIX_SOCKET_PATH_1\")", GEN_W_SOCK_ALLOW,
	    0);
	assert_origin(&r, "(allow system-socket (socket-domain AF_UNIX))",
	    GEN_W_SOCK_ALLOW, GEN_NO_INDEX);
	/* The deny, as canonical and as written. */
	assert_int_equal(assert_origin(&r, "(param \"UNIX_SOCKET_DENY_0",
	    GEN_W_SOCK_DENY, 0), 4);
	assert_string_equal(param_of(&r, "UNIX_SOCKET_DENY_0_ALIAS"),
	    "/tmp/d.sock");
	assert_origin(&r, "localhost:8080", GEN_W_PROXY_PORT, 0);
	assert_origin(&r, "localhost:3128", GEN_W_PROXY_PORT, 1);
	assert_origin(&r, "com.apple.trustd.agent", GEN_W_NET_MODE,
	    GEN_NO_INDEX);
	gen_result_clear(&r);
	params_clear(&p);

	/* Local binding and allow_all own their rules. */
	params_init(&p);
	p.allow_local_binding = true;
	p.allow_all_sockets = true;
	portlist_add(&p.proxy_ports, 3128);
	render_ok(&p, &r);
	origins_check(&r);
	assert_origin(&r, "(local ip \"*:*\")", GEN_W_LOCAL_BINDING,
	    GEN_NO_INDEX);
	assert_origin(&r, "(remote ip \"*:53\")", GEN_W_LOCAL_BINDING,
	    GEN_NO_INDEX);
	assert_origin(&r, "(allow network-bind (local unix-socket))",
	    GEN_W_ALLOW_ALL, GEN_NO_INDEX);
	assert_origin(&r, "(allow system-socket (socket-domain AF_UNIX))",
	    GEN_W_ALLOW_ALL, GEN_NO_INDEX);
	gen_result_clear(&r);
	params_clear(&p);
}

static void
gen_origins_of_full_mode_and_builtin_denies(void **state)
{
	struct params p;
	struct gen_result r;
	const char *path;
	size_t i, podman = SIZE_MAX;

	(void)state;
	for (i = 0; (path = gen_builtin_deny(i, NULL)) != NULL; i++) {
		if (strcmp(path, "$TMPDIR/podman") == 0)
			podman = i;
	}
	assert_int_not_equal(podman, SIZE_MAX);
	assert_string_equal(gen_builtin_deny(0, NULL), "/var/run/docker.sock");

	params_init(&p);
	p.fs_mode = FS_FULL_ACCESS;
	p.net_mode = NET_FULL;
	socklist_add(&p.sock_allow, "/var/run/docker.sock", MATCH_LITERAL,
	    ACCESS_CONNECT);
	render_ok(&p, &r);
	origins_check(&r);
	assert_origin(&r, "(allow file-write* (regex #\"^/\"))", GEN_W_FS_MODE,
	    GEN_NO_INDEX);
	assert_origin(&r, "(allow network-outbound)\n", GEN_W_NET_MODE,
	    GEN_NO_INDEX);
	assert_origin(&r, "com.apple.trustd.agent", GEN_W_NET_MODE,
	    GEN_NO_INDEX);
	/* docker.sock, as canonical and as written; and the last one. */
	assert_int_equal(assert_origin(&r, "(param \"BUILTIN_DENY_0\")",
	    GEN_W_BUILTIN_DENY, 0), 2);
	assert_origin(&r, "(param \"BUILTIN_DENY_0_ALIAS\")",
	    GEN_W_BUILTIN_DENY, 0);
	assert_param_origin(&r, "BUILTIN_DENY_",
	    "/private/var/folders/xy/T/podman", GEN_W_BUILTIN_DENY, podman);
	assert_origin(&r, "; deny the container engines' sockets",
	    GEN_W_BUILTIN_DENY, GEN_NO_INDEX);
	/* The allow entry that names it, and its re-allow after the deny. */
	assert_int_equal(assert_origin(&r, "(param \"UNIX_SOCKET_PATH_0\")",
	    GEN_W_SOCK_ALLOW, 0), 2);
	assert_true(strstr(r.profile, "; except the sockets allowed above") <
	    strrchr(r.profile, ')'));
	gen_result_clear(&r);
	params_clear(&p);
}

/* The warning of r about where/index, or NULL. */
static const char *
warning_of(const struct gen_result *r, enum gen_where where, size_t index)
{
	size_t i;

	for (i = 0; i < r->nwarnings; i++) {
		if (r->warnings[i].where == where &&
		    r->warnings[i].index == index)
			return r->warnings[i].msg;
	}
	return NULL;
}

static void
gen_warns_of_roots_that_open_too_much_or_are_not_directories(void **state)
{
	struct gen_result r;
	struct gen_ctx ctx;
	struct sb_error err;
	struct params p;
	const char *w;

	(void)state;
	params_init(&p);
	p.fs_mode = FS_WORKSPACE_WRITE;
	strlist_add(&p.writable_roots, "/");
	strlist_add(&p.writable_roots, "~");
	strlist_add(&p.writable_roots, "/Users/me/wt/.git");
	strlist_add(&p.writable_roots, "/Users/me/none");
	test_macos_ctx(&ctx);
	ctx.cwd = "/Users/me";	/* --full-auto run from $HOME */
	sb_error_init(&err);
	assert_int_equal(gen_render(&p, &ctx, &r, &err), 0);
	w = warning_of(&r, GEN_W_WRITABLE_ROOT, 0);
	assert_non_null(w);
	assert_string_equal(w, "filesystem.writable_roots[0]: / as a writable "
	    "root makes every file the user can write writable");
	w = warning_of(&r, GEN_W_WRITABLE_ROOT, 1);
	assert_non_null(w);
	assert_non_null(strstr(w, "the home directory as a writable root "
	    "makes ~/.ssh"));
	w = warning_of(&r, GEN_W_WRITABLE_ROOT, 2);
	assert_non_null(w);
	assert_non_null(strstr(w, "not a directory: \"/Users/me/wt/.git\""));
	w = warning_of(&r, GEN_W_WRITABLE_ROOT, 3);
	assert_non_null(w);
	assert_non_null(strstr(w, "does not exist (yet): \"/Users/me/none\""));
	w = warning_of(&r, GEN_W_INCLUDE_CWD, GEN_NO_INDEX);
	assert_non_null(w);
	assert_non_null(strstr(w, "the home directory as a writable root"));
	assert_non_null(strstr(w, "(the cwd is a root; --no-cwd-root or -C "
	    "DIR)"));
	gen_result_clear(&r);
	/* A project cwd and ordinary roots: none of these. */
	params_clear(&p);
	params_init(&p);
	p.fs_mode = FS_WORKSPACE_WRITE;
	test_macos_ctx(&ctx);
	assert_int_equal(gen_render(&p, &ctx, &r, &err), 0);
	assert_null(warning_of(&r, GEN_W_INCLUDE_CWD, GEN_NO_INDEX));
	gen_result_clear(&r);
	params_clear(&p);
}

int
main(void)
{
	static const struct CMUnitTest tests[] = {
#define X(fn, name) cmocka_unit_test(fn),
		GOLDEN_CASES
#undef X
		cmocka_unit_test(gen_socket_in_restricted_mode_opens_only_that_socket),
		cmocka_unit_test(gen_network_off_emits_no_network_rule),
		cmocka_unit_test(gen_full_network_allows_all_traffic),
		cmocka_unit_test(gen_deny_comes_after_every_allow),
		cmocka_unit_test(gen_workspace_without_roots_allows_no_write),
		cmocka_unit_test(gen_socket_path_of_104_bytes_warns),
		cmocka_unit_test(gen_docker_socket_allowed_warns),
		cmocka_unit_test(gen_home_path_without_home_is_an_error),
		cmocka_unit_test(gen_hostile_paths_stay_out_of_the_sbpl_profile),
		cmocka_unit_test(gen_inline_literals_decode_to_the_exact_path),
		cmocka_unit_test(gen_inline_refuses_control_characters),
		cmocka_unit_test(gen_inline_refuses_paths_over_1000_bytes),
		cmocka_unit_test(gen_hostile_globs_are_escaped_regex_strings),
		cmocka_unit_test(gen_overlong_glob_regex_is_an_error),
		cmocka_unit_test(gen_sbpl_comment_values_are_shell_quoted),
		cmocka_unit_test(gen_patterns_with_control_characters_are_refused),
		cmocka_unit_test(gen_nested_root_keeps_its_protected_names),
		cmocka_unit_test(gen_root_inside_a_nested_protected_name_is_allowed_again),
		cmocka_unit_test(gen_symlinked_protected_name_is_excluded_as_written_too),
		cmocka_unit_test(gen_linked_git_file_protects_its_git_directory),
		cmocka_unit_test(gen_glob_deny_with_an_alias_denies_both_spellings),
		cmocka_unit_test(gen_symlink_target_with_metacharacters_stays_literal),
		cmocka_unit_test(gen_deny_read_of_the_root_denies_everything),
		cmocka_unit_test(gen_inline_limit_counts_the_path_not_its_escapes),
		cmocka_unit_test(gen_wide_allows_that_open_a_container_socket_warn),
		cmocka_unit_test(gen_many_duplicates_collapse_to_one),
		cmocka_unit_test(gen_deny_read_is_never_writable_either),
		cmocka_unit_test(gen_deny_read_guards_its_directories_inside_a_root),
		cmocka_unit_test(gen_roots_and_the_parents_of_protected_names_are_guarded),
		cmocka_unit_test(gen_write_rule_splits_at_the_budget),
		cmocka_unit_test(gen_root_too_heavy_for_one_rule_is_refused),
		cmocka_unit_test(gen_profile_over_the_output_cap_is_refused),
		cmocka_unit_test(gen_deny_read_too_deep_to_guard_is_refused),
		cmocka_unit_test(gen_builtin_denies_close_container_sockets_in_full_mode),
		cmocka_unit_test(gen_builtin_denies_follow_what_the_allow_entries_open),
		cmocka_unit_test(gen_allow_all_keeps_the_builtin_denies),
		cmocka_unit_test(gen_denied_container_socket_says_deny_wins),
		cmocka_unit_test(gen_warnings_escape_c1_controls),
		cmocka_unit_test(gen_origins_name_the_entry_of_each_rule),
		cmocka_unit_test(gen_origins_of_full_mode_and_builtin_denies),
		cmocka_unit_test(gen_warns_of_roots_that_open_too_much_or_are_not_directories),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
