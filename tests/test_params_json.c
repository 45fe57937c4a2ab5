/* SPDX-License-Identifier: ISC */
/* test_params_json.c: loading, dumping and saving params files; the field table against data/params.schema.json. */
#include "config.h"

#include <sys/stat.h>

#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#ifdef HAVE_CJSON_CJSON_H
#include <cjson/cJSON.h>
#else
#include <cJSON.h>
#endif

#include "buf.h"
#include "helpers.h"
#include "params-fields.h"
#include "params-json.h"
#include "xmalloc.h"

/* Loads text, which must succeed; *p is initialised by the caller. */
static void
load_ok(const char *text, struct params *p)
{
	struct sb_error err;

	sb_error_init(&err);
	if (params_json_load_text("t.json", text, strlen(text), p, &err) == -1)
		fail_msg("unexpected error: %s", err.msg);
}

/* Loads text, which must fail with exactly msg, leaving *p alone. */
static void
load_fails(const char *text, size_t len, const char *msg)
{
	struct params p, before;
	struct sb_error err;

	params_init(&p);
	p.net_mode = NET_FULL;
	portlist_add(&p.proxy_ports, 99);
	params_copy(&before, &p);
	sb_error_init(&err);
	assert_int_equal(params_json_load_text("t.json", text, len, &p, &err),
	    -1);
	assert_string_equal(err.msg, msg);
	assert_true(params_equal(&p, &before));
	params_clear(&p);
	params_clear(&before);
}

/* load(dump(p)) == p, and dumping that again gives the same bytes. */
static void
assert_round_trip(const struct params *p)
{
	struct params q;
	struct sb_error err;
	char *a, *b;

	sb_error_init(&err);
	a = params_json_dump(p, &err);
	assert_non_null(a);
	params_init(&q);
	load_ok(a, &q);
	assert_true(params_equal(p, &q));
	b = params_json_dump(&q, &err);
	assert_non_null(b);
	assert_string_equal(a, b);
	free(a);
	free(b);
	params_clear(&q);
}

static void
params_json_defaults_when_fields_absent(void **state)
{
	struct params p, def;

	(void)state;
	params_init(&def);
	params_init(&p);
	p.fs_mode = FS_FULL_ACCESS;	/* replaced by the file, not merged */
	load_ok("{\"version\": 1}", &p);
	assert_true(params_equal(&p, &def));
	load_ok("{\"version\": 1, \"filesystem\": {}, \"network\": "
	    "{\"unix_sockets\": {}}}", &p);
	assert_true(params_equal(&p, &def));
	params_clear(&p);
	params_clear(&def);
}

static const char every_field[] =
    "{\n"
    "  \"version\": 1,\n"
    "  \"filesystem\": {\n"
    "    \"mode\": \"workspace-write\",\n"
    "    \"writable_roots\": [\"~/scratch\", \"/opt/data\"],\n"
    "    \"include_cwd\": false, \"include_slash_tmp\": true,"
    " \"include_tmpdir\": false,\n"
    "    \"protected_names\": [\".git\", \".hg\"],\n"
    "    \"deny_read\": [\"~/.ssh\", \"**/.env\"]\n"
    "  },\n"
    "  \"network\": {\n"
    "    \"mode\": \"full\",\n"
    "    \"proxy_ports\": [3128, 8080, 1e3],\n"
    "    \"allow_local_binding\": true,\n"
    "    \"unix_sockets\": {\n"
    "      \"allow_all\": true,\n"
    "      \"allow\": [\"/tmp/test.sock\", {\"path\": "
    "\"/private/tmp/com.apple.launchd.*/Listeners\", \"match\": \"glob\", "
    "\"access\": \"connect\"}],\n"
    "      \"deny\": [\"/var/run/docker.sock\"]\n"
    "    }\n"
    "  }\n"
    "}\n";

static void
params_json_parses_every_field(void **state)
{
	struct params p;

	(void)state;
	params_init(&p);
	load_ok(every_field, &p);
	assert_int_equal(p.fs_mode, FS_WORKSPACE_WRITE);
	assert_int_equal(p.writable_roots.n, 2);
	assert_string_equal(p.writable_roots.v[0], "~/scratch");
	assert_string_equal(p.writable_roots.v[1], "/opt/data");
	assert_false(p.include_cwd);
	assert_true(p.include_slash_tmp);
	assert_false(p.include_tmpdir);
	assert_int_equal(p.protected_names.n, 2);
	assert_string_equal(p.protected_names.v[1], ".hg");
	assert_int_equal(p.deny_read.n, 2);
	assert_string_equal(p.deny_read.v[0], "~/.ssh");
	assert_string_equal(p.deny_read.v[1], "**/.env");
	assert_int_equal(p.net_mode, NET_FULL);
	assert_int_equal(p.proxy_ports.n, 3);
	assert_int_equal(p.proxy_ports.v[0], 3128);
	assert_int_equal(p.proxy_ports.v[1], 8080);
	assert_int_equal(p.proxy_ports.v[2], 1000);
	assert_true(p.allow_local_binding);
	assert_true(p.allow_all_sockets);
	assert_int_equal(p.sock_allow.n, 2);
	assert_string_equal(p.sock_allow.v[0].path, "/tmp/test.sock");
	assert_int_equal(p.sock_allow.v[0].match, MATCH_SUBPATH);
	assert_int_equal(p.sock_allow.v[0].access, ACCESS_CONNECT_BIND);
	assert_string_equal(p.sock_allow.v[1].path,
	    "/private/tmp/com.apple.launchd.*/Listeners");
	assert_int_equal(p.sock_allow.v[1].match, MATCH_GLOB);
	assert_int_equal(p.sock_allow.v[1].access, ACCESS_CONNECT);
	assert_int_equal(p.sock_deny.n, 1);
	assert_string_equal(p.sock_deny.v[0].path, "/var/run/docker.sock");
	assert_round_trip(&p);
	params_clear(&p);
}

static void
params_json_reads_string_and_object_socket_entries(void **state)
{
	struct params p;

	(void)state;
	params_init(&p);
	load_ok("{\"version\": 1, \"network\": {\"unix_sockets\": {\"allow\": ["
	    "\"/tmp/a.sock\", {\"path\": \"/tmp/b.sock\"}, "
	    "{\"access\": \"connect\", \"path\": \"/tmp/c.sock\", "
	    "\"match\": \"literal\"}], \"deny\": [{\"path\": \"~/d.sock\", "
	    "\"match\": \"subpath\", \"access\": \"connect-bind\"}]}}}", &p);
	assert_int_equal(p.sock_allow.n, 3);
	assert_string_equal(p.sock_allow.v[0].path, "/tmp/a.sock");
	assert_int_equal(p.sock_allow.v[0].match, MATCH_SUBPATH);
	assert_int_equal(p.sock_allow.v[0].access, ACCESS_CONNECT_BIND);
	assert_string_equal(p.sock_allow.v[1].path, "/tmp/b.sock");
	assert_int_equal(p.sock_allow.v[1].match, MATCH_SUBPATH);
	assert_int_equal(p.sock_allow.v[1].access, ACCESS_CONNECT_BIND);
	assert_string_equal(p.sock_allow.v[2].path, "/tmp/c.sock");
	assert_int_equal(p.sock_allow.v[2].match, MATCH_LITERAL);
	assert_int_equal(p.sock_allow.v[2].access, ACCESS_CONNECT);
	assert_int_equal(p.sock_deny.n, 1);
	assert_string_equal(p.sock_deny.v[0].path, "~/d.sock");
	params_clear(&p);
}

static void
params_json_string_socket_with_glob_characters_is_a_glob(void **state)
{
	struct params p;

	(void)state;
	params_init(&p);
	load_ok("{\"version\": 1, \"network\": {\"unix_sockets\": {\"allow\": ["
	    "\"/private/tmp/com.apple.launchd.*/Listeners\", \"/tmp/s?.sock\", "
	    "\"/tmp/[ab].sock\", \"/tmp/plain.sock\", "
	    "{\"path\": \"/tmp/star*.sock\"}]}}}", &p);
	assert_int_equal(p.sock_allow.n, 5);
	assert_int_equal(p.sock_allow.v[0].match, MATCH_GLOB);
	assert_int_equal(p.sock_allow.v[1].match, MATCH_GLOB);
	assert_int_equal(p.sock_allow.v[2].match, MATCH_GLOB);
	assert_int_equal(p.sock_allow.v[3].match, MATCH_SUBPATH);
	/* In the object form a glob must say so: "*" is just a byte here. */
	assert_int_equal(p.sock_allow.v[4].match, MATCH_SUBPATH);
	params_clear(&p);
}

static void
params_json_protected_names_replace_the_default(void **state)
{
	struct params p;

	(void)state;
	params_init(&p);
	load_ok("{\"version\": 1, \"filesystem\": {\"protected_names\": []}}",
	    &p);
	assert_int_equal(p.protected_names.n, 0);
	load_ok("{\"version\": 1, \"filesystem\": {\"protected_names\": "
	    "[\"node_modules\"]}}", &p);
	assert_int_equal(p.protected_names.n, 1);
	assert_string_equal(p.protected_names.v[0], "node_modules");
	params_clear(&p);
}

static void
params_json_accepts_the_danger_full_access_alias(void **state)
{
	struct params p;
	struct sb_error err;
	char *text;

	(void)state;
	params_init(&p);
	load_ok("{\"version\": 1, \"filesystem\": {\"mode\": "
	    "\"danger-full-access\"}}", &p);
	assert_int_equal(p.fs_mode, FS_FULL_ACCESS);
	sb_error_init(&err);
	text = params_json_dump(&p, &err);
	assert_non_null(strstr(text, "\"mode\": \"full-access\""));
	free(text);
	params_clear(&p);
}

static void
params_json_control_characters_in_paths_are_not_errors(void **state)
{
	struct params p;

	(void)state;
	params_init(&p);
	load_ok("{\"version\": 1, \"filesystem\": {\"writable_roots\": "
	    "[\"/tmp/new\\nline\\t\\u0001\\u001f\\u007f\"]}, "
	    "\"network\": {\"unix_sockets\": {\"allow\": "
	    "[\"/tmp/a\\rb.sock\"]}}}", &p);
	assert_string_equal(p.writable_roots.v[0],
	    "/tmp/new\nline\t\001\037\177");
	assert_string_equal(p.sock_allow.v[0].path, "/tmp/a\rb.sock");
	assert_round_trip(&p);
	params_clear(&p);
}

static void
params_json_reads_escapes_utf8_and_a_byte_order_mark(void **state)
{
	struct params p;

	(void)state;
	params_init(&p);
	load_ok("\xef\xbb\xbf{\"\\u0076ersion\": 1, \"filesystem\": "
	    "{\"writable_roots\": [\"/caf\\u00e9\", \"/caf\xc3\xa9\", "
	    "\"/\\ud83d\\ude00\", \"\\/q\\\"\\\\\"]}}", &p);
	assert_int_equal(p.writable_roots.n, 4);
	assert_string_equal(p.writable_roots.v[0], "/caf\xc3\xa9");
	assert_string_equal(p.writable_roots.v[1], "/caf\xc3\xa9");
	assert_string_equal(p.writable_roots.v[2], "/\xf0\x9f\x98\x80");
	assert_string_equal(p.writable_roots.v[3], "/q\"\\");
	params_clear(&p);
	/* Positions count the bytes of the mark, like an editor's column. */
	load_fails("\xef\xbb\xbf{\"version\": 2}", 17,
	    "t.json:1:16: version: unsupported version 2 "
	    "(this sbpolicy reads version 1)");
}

static void
params_json_rejects_version_2(void **state)
{
	const char *text = "{\n  \"network\": {},\n  \"version\": 2\n}\n";

	(void)state;
	load_fails(text, strlen(text), "t.json:3:14: version: unsupported "
	    "version 2 (this sbpolicy reads version 1)");
}

static void
params_json_names_the_file_it_was_given(void **state)
{
	struct params p;
	struct sb_error err;
	const char *text = "{\"version\": 1, \"network\": {\"mode\": \"of\"}}";

	(void)state;
	params_init(&p);
	sb_error_init(&err);
	assert_int_equal(params_json_load_text("<stdin>", text, strlen(text),
	    &p, &err), -1);
	assert_string_equal(err.msg, "<stdin>:1:36: network.mode: unknown "
	    "mode \"of\" (off, restricted, full)");
	assert_int_equal(err.code, SB_EINVAL);
	params_clear(&p);
}

static void
params_json_error_codes_tell_syntax_from_values(void **state)
{
	struct params p;
	struct sb_error err;

	(void)state;
	params_init(&p);
	sb_error_init(&err);
	assert_int_equal(params_json_load_text("t", "{", 1, &p, &err), -1);
	assert_int_equal(err.code, SB_ESYNTAX);
	sb_error_init(&err);
	assert_int_equal(params_json_load_text("t", "{\"version\": true}", 17,
	    &p, &err), -1);
	assert_int_equal(err.code, SB_EINVAL);
	params_clear(&p);
}

/*
 * The text of a file with one writable root: "/", k bytes 'a', mid, and
 * a tail of plain bytes. The strict scan steps over eight plain bytes at
 * a time: what it must see is put at each place in and around a step.
 */
static char *
root_text(size_t k, const char *mid, size_t *col)
{
	static const char head[] =
	    "{\"version\": 1, \"filesystem\": {\"writable_roots\": [\"/";
	struct buf b;
	size_t i;

	buf_init(&b);
	buf_puts(&b, head);
	for (i = 0; i < k; i++)
		buf_putc(&b, 'a');
	*col = b.len + 1;
	buf_puts(&b, mid);
	buf_puts(&b, "bcdefghijklmnopq\"]}}");
	return buf_take(&b);
}

static void
params_json_checks_bytes_at_every_offset(
    void **state)
{
	/* The message after "t:1:COL: ", or NULL: the file loads, and the
	 * root holds got after the a's. */
	static const struct {
		const char	*mid;
		const char	*msg;
		const char	*got;
	} cases[] = {
		{ "\x01", "syntax error: control character in a string "
		    "(write it as \\u0001)", NULL },
		{ "\x1f", "syntax error: control character in a string "
		    "(write it as \\u001f)", NULL },
		{ "\xff", "not valid UTF-8", NULL },
		{ "\xc3", "not valid UTF-8", NULL },
		{ "\\u00zz", "syntax error: invalid \\u escape", NULL },
		{ "\\q", "syntax error: invalid escape sequence", NULL },
		{ "\x7f", NULL, "\x7f" },
		{ "\\\"", NULL, "\"" },
		{ "\\\\", NULL, "\\" },
		{ "\\u00e9", NULL, "\xc3\xa9" },
		{ "\xc3\xa9", NULL, "\xc3\xa9" },
		{ "\xe2\x82\xac", NULL, "\xe2\x82\xac" },
		{ " ", NULL, " " },
	};
	struct params p;
	struct sb_error err;
	char want[256], *text, *root;
	size_t i, k, col, len;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		for (k = 0; k < 26; k++) {
			text = root_text(k, cases[i].mid, &col);
			params_init(&p);
			sb_error_init(&err);
			len = strlen(text);
			if (cases[i].msg != NULL) {
				assert_int_equal(params_json_load_text("t",
				    text, len, &p, &err), -1);
				snprintf(want, sizeof want, "t:1:%zu: %s", col,
				    cases[i].msg);
				if (strcmp(err.msg, want) != 0)
					fail_msg("case %zu, k %zu: %s", i, k,
					    err.msg);
			} else {
				assert_int_equal(params_json_load_text("t",
				    text, len, &p, &err), 0);
				assert_int_equal(p.writable_roots.n, 1);
				root = p.writable_roots.v[0];
				assert_int_equal(strspn(root + 1, "a"), k);
				assert_memory_equal(root + 1 + k,
				    cases[i].got, strlen(cases[i].got));
				assert_string_equal(root + 1 + k +
				    strlen(cases[i].got), "bcdefghijklmnopq");
			}
			params_clear(&p);
			free(text);
		}
	}
}

/* The tree of a params file lives in blocks of its own (json.c points
 * cJSON's hooks at them for the parse): any other use of cJSON after a
 * load, good or bad, gets malloc and free again. */
static void
params_json_leaves_cjson_its_own_allocator(void **state)
{
	static const char *const texts[] = {
		"{\"version\": 1, \"filesystem\": {\"writable_roots\": "
		    "[\"/a\", \"/b\"]}}",
		"{\"version\": 1, \"filesystem\": {\"writable_roots\": "
		    "[\"/a\",",
		"{\"version\": 1, \"filesystem\": {\"writable_roots\": "
		    "[\"/a\x01\"]}}",
	};
	struct params p;
	struct sb_error err;
	cJSON *j;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		params_init(&p);
		sb_error_init(&err);
		(void)params_json_load_text("t", texts[i], strlen(texts[i]),
		    &p, &err);
		params_clear(&p);
		/* Leak-checked under ASan and valgrind: a free that does
		 * nothing would leave the nodes behind. */
		j = cJSON_Parse("[1, \"two\", {\"three\": [3]}]");
		assert_non_null(j);
		assert_int_equal(cJSON_GetArraySize(j), 3);
		cJSON_Delete(j);
	}
}

static void
params_json_load_text_reads_only_len_bytes(void **state)
{
	const char *src = "{\"version\": 1, \"network\": {\"mode\": \"off\"}}"
	    "garbage after the length";
	struct params p;
	struct sb_error err;
	size_t len = strlen("{\"version\": 1, \"network\": {\"mode\": "
	    "\"off\"}}");
	char *text;

	(void)state;
	/* Exactly len bytes and no NUL: a read past them is a bug that
	 * the sanitizer and valgrind builds catch. */
	text = xmalloc(len);
	memcpy(text, src, len);
	params_init(&p);
	sb_error_init(&err);
	assert_int_equal(params_json_load_text("t", text, len, &p, &err), 0);
	assert_int_equal(p.net_mode, NET_OFF);
	sb_error_init(&err);
	assert_int_equal(params_json_load_text("t", text, len - 1, &p, &err),
	    -1);
	assert_string_equal(err.msg, "t:1:42: syntax error: unexpected end "
	    "of input");
	free(text);
	params_clear(&p);
}

/* {"version": 1, "network": {"proxy_ports": [1, 1, ...]}} with n ports. */
static char *
many_ports(size_t n)
{
	struct buf b;
	size_t i;

	buf_init(&b);
	buf_puts(&b, "{\"version\": 1, \"network\": {\"proxy_ports\": [");
	for (i = 0; i < n; i++)
		buf_puts(&b, i == 0 ? "1" : ",1");
	buf_puts(&b, "]}}");
	return buf_take(&b);
}

static void
params_json_limits_list_length(void **state)
{
	struct params p;
	char *text;

	(void)state;
	params_init(&p);
	text = many_ports(PARAMS_LIST_MAX);
	load_ok(text, &p);
	assert_int_equal(p.proxy_ports.n, PARAMS_LIST_MAX);
	free(text);
	params_clear(&p);
	text = many_ports(PARAMS_LIST_MAX + 1);
	load_fails(text, strlen(text), "t.json:1:43: network.proxy_ports: too "
	    "many entries: 100001 (at most 100000)");
	free(text);
}

static void
params_json_limits_text_size(void **state)
{
	struct params p;
	struct sb_error err;
	size_t len = (size_t)PARAMS_JSON_FILE_MAX + 1;
	char *text;

	(void)state;
	/* Valid JSON, but one byte too long. */
	text = xmalloc(len + 1);
	memset(text, ' ', len);
	memcpy(text, "{\"version\": 1}", 14);
	text[len] = '\0';
	params_init(&p);
	sb_error_init(&err);
	assert_int_equal(params_json_load_text("big.json", text, len, &p, &err),
	    -1);
	assert_string_equal(err.msg, "big.json: larger than 16777216 bytes");
	assert_int_equal(err.code, SB_ELIMIT);
	sb_error_init(&err);
	assert_int_equal(params_json_load_text("big.json", text, len - 1, &p,
	    &err), 0);
	free(text);
	params_clear(&p);
}

static void
params_json_accepts_paths_at_the_length_limit(void **state)
{
	struct params p;
	struct buf b;
	size_t i;

	(void)state;
	buf_init(&b);
	buf_puts(&b, "{\"version\": 1, \"filesystem\": {\"deny_read\": [\"");
	for (i = 0; i < PARAMS_PATH_MAX; i++)
		buf_putc(&b, i == 0 ? '/' : 'x');
	buf_puts(&b, "\"]}}");
	params_init(&p);
	load_ok(buf_str(&b), &p);
	assert_int_equal(strlen(p.deny_read.v[0]), PARAMS_PATH_MAX);
	params_clear(&p);
	buf_clear(&b);
}

/* Every field set, with strings that need escaping. */
static void
sample_params(struct params *p)
{
	params_init(p);
	p->fs_mode = FS_WORKSPACE_WRITE;
	strlist_add(&p->writable_roots, "~/scratch");
	strlist_add(&p->writable_roots, "/opt/a \"q\" \\b");
	strlist_add(&p->writable_roots, "/tmp/new\nline\001\177caf\xc3\xa9");
	p->include_cwd = false;
	p->include_tmpdir = false;
	strlist_add(&p->protected_names, ".hg");
	strlist_add(&p->deny_read, "~/.ssh");
	strlist_add(&p->deny_read, "**/.env");
	p->net_mode = NET_FULL;
	portlist_add(&p->proxy_ports, 3128);
	portlist_add(&p->proxy_ports, 65535);
	p->allow_local_binding = true;
	socklist_add(&p->sock_allow, "/tmp/test.sock", MATCH_SUBPATH,
	    ACCESS_CONNECT_BIND);
	socklist_add(&p->sock_allow,
	    "/private/tmp/com.apple.launchd.*/Listeners", MATCH_GLOB,
	    ACCESS_CONNECT);
	socklist_add(&p->sock_deny, "/var/run/docker.sock", MATCH_LITERAL,
	    ACCESS_CONNECT_BIND);
	p->builtin_denies = false;
}

static void
params_json_deny_entries_take_no_access(void **state)
{
	struct params p;
	struct sb_error err;
	static const char text[] = "{\"version\": 1, \"network\": "
	    "{\"unix_sockets\": {\"deny\": [{\"path\": \"/tmp/d.sock\", "
	    "\"access\": \"connect\"}]}}}";
	char *dump;

	(void)state;
	params_init(&p);
	sb_error_init(&err);
	assert_int_equal(params_json_load_text("t.json", text, strlen(text),
	    &p, &err), -1);
	assert_string_equal(err.msg, "t.json:1:88: network.unix_sockets."
	    "deny[0].access: a deny entry refuses connect and bind alike; "
	    "\"connect\" would change nothing (leave access out)");
	params_clear(&p);
	/* The default, as older files have it, loads; it is not written. */
	params_init(&p);
	load_ok("{\"version\": 1, \"network\": {\"unix_sockets\": {\"deny\": "
	    "[{\"path\": \"/tmp/d.sock\", \"access\": \"connect-bind\"}]}}}",
	    &p);
	assert_int_equal(p.sock_deny.n, 1);
	dump = params_json_dump(&p, &err);
	assert_non_null(dump);
	assert_non_null(strstr(dump, "\"path\": \"/tmp/d.sock\",\n"));
	assert_null(strstr(strstr(dump, "\"deny\""), "\"access\""));
	free(dump);
	params_clear(&p);
}

static const char sample_dump[] =
    "{\n"
    "  \"version\": 1,\n"
    "  \"filesystem\": {\n"
    "    \"mode\": \"workspace-write\",\n"
    "    \"writable_roots\": [\n"
    "      \"~/scratch\",\n"
    "      \"/opt/a \\\"q\\\" \\\\b\",\n"
    "      \"/tmp/new\\nline\\u0001\\u007fcaf\xc3\xa9\"\n"
    "    ],\n"
    "    \"include_cwd\": false,\n"
    "    \"include_slash_tmp\": true,\n"
    "    \"include_tmpdir\": false,\n"
    "    \"protected_names\": [\n"
    "      \".git\",\n"
    "      \".hg\"\n"
    "    ],\n"
    "    \"deny_read\": [\n"
    "      \"~/.ssh\",\n"
    "      \"**/.env\"\n"
    "    ]\n"
    "  },\n"
    "  \"network\": {\n"
    "    \"mode\": \"full\",\n"
    "    \"proxy_ports\": [\n"
    "      3128,\n"
    "      65535\n"
    "    ],\n"
    "    \"allow_local_binding\": true,\n"
    "    \"unix_sockets\": {\n"
    "      \"allow_all\": false,\n"
    "      \"allow\": [\n"
    "        {\n"
    "          \"path\": \"/tmp/test.sock\",\n"
    "          \"match\": \"subpath\",\n"
    "          \"access\": \"connect-bind\"\n"
    "        },\n"
    "        {\n"
    "          \"path\": \"/private/tmp/com.apple.launchd.*/Listeners\",\n"
    "          \"match\": \"glob\",\n"
    "          \"access\": \"connect\"\n"
    "        }\n"
    "      ],\n"
    "      \"deny\": [\n"
    "        {\n"
    "          \"path\": \"/var/run/docker.sock\",\n"
    "          \"match\": \"literal\"\n"
    "        }\n"
    "      ],\n"
    "      \"builtin_denies\": false\n"
    "    }\n"
    "  }\n"
    "}\n";

static void
params_json_dump_writes_the_normalised_form(void **state)
{
	struct params p;
	struct sb_error err;
	char *text;

	(void)state;
	sample_params(&p);
	sb_error_init(&err);
	text = params_json_dump(&p, &err);
	assert_non_null(text);
	assert_string_equal(text, sample_dump);
	free(text);
	assert_round_trip(&p);
	params_clear(&p);
}

static void
params_json_dump_of_defaults_is_the_default_example(void **state)
{
	struct params p;
	struct sb_error err;
	char *text, *path, *want;

	(void)state;
	params_init(&p);
	sb_error_init(&err);
	text = params_json_dump(&p, &err);
	path = test_srcpath("data/examples/default.json");
	want = test_slurp(path, NULL);
	assert_non_null(want);
	assert_string_equal(text, want);
	assert_round_trip(&p);
	free(text);
	free(path);
	free(want);
	params_clear(&p);
}

static void
params_json_round_trips_empty_and_odd_values(void **state)
{
	struct params p;

	(void)state;
	params_init(&p);
	strlist_clear(&p.protected_names);
	p.fs_mode = FS_FULL_ACCESS;
	p.net_mode = NET_OFF;
	p.include_slash_tmp = false;
	p.allow_all_sockets = true;
	strlist_add(&p.protected_names, "\xe2\x80\xa8odd name\t");
	strlist_add(&p.writable_roots, "~");
	/* A deny entry has no access of its own (connect-bind, unwritten). */
	socklist_add(&p.sock_deny, "~/x\\y\"z.sock", MATCH_GLOB,
	    ACCESS_CONNECT_BIND);
	portlist_add(&p.proxy_ports, 1);
	assert_round_trip(&p);
	params_clear(&p);
}

static void
params_json_dump_refuses_non_utf8(void **state)
{
	struct params p;
	struct sb_error err;

	(void)state;
	params_init(&p);
	socklist_add(&p.sock_allow, "/tmp/ok.sock", MATCH_SUBPATH,
	    ACCESS_CONNECT);
	socklist_add(&p.sock_allow, "/tmp/\xff.sock", MATCH_SUBPATH,
	    ACCESS_CONNECT);
	sb_error_init(&err);
	assert_null(params_json_dump(&p, &err));
	assert_string_equal(err.msg,
	    "network.unix_sockets.allow[1].path: not valid UTF-8");
	params_clear(&p);

	params_init(&p);
	strlist_add(&p.writable_roots, "/caf\xe9");
	sb_error_init(&err);
	assert_null(params_json_dump(&p, &err));
	assert_string_equal(err.msg,
	    "filesystem.writable_roots[0]: not valid UTF-8");
	assert_int_equal(params_json_save_flags("never.json", &p, 0, &err),
	    -1);
	assert_int_equal(access("never.json", F_OK), -1);
	params_clear(&p);
}

static void
params_json_save_replaces_the_file_atomically(void **state)
{
	struct params p, q;
	struct sb_error err;
	char *text;

	(void)state;
	(void)mkdir("pj-save", 0755);
	assert_int_equal(test_write_file("pj-save/params.json", "old\n", 4), 0);
	sample_params(&p);
	sb_error_init(&err);
	assert_int_equal(params_json_save_flags("pj-save/params.json", &p, 0,
	    &err), 0);
	text = test_slurp("pj-save/params.json", NULL);
	assert_string_equal(text, sample_dump);
	assert_int_equal(test_count_entries("pj-save"), 1);
	params_init(&q);
	assert_int_equal(params_json_load("pj-save/params.json", &q, &err), 0);
	assert_true(params_equal(&p, &q));
	free(text);
	params_clear(&p);
	params_clear(&q);
	unlink("pj-save/params.json");
	rmdir("pj-save");
}

static void
params_json_failed_save_leaves_the_old_file(void **state)
{
	struct params p;
	struct sb_error err;
	char *text;

	(void)state;
	params_init(&p);
	(void)mkdir("pj-fail", 0755);
	(void)mkdir("pj-fail/sub", 0755);
	assert_int_equal(test_write_file("pj-fail/sub/keep", "x", 1), 0);

	/* A directory where the file should go, even for root. */
	sb_error_init(&err);
	assert_int_equal(params_json_save_flags("pj-fail/sub", &p, 0, &err),
	    -1);
	assert_string_equal(err.msg, "pj-fail/sub: is a directory");
	assert_int_equal(test_count_entries("pj-fail"), 1);
	assert_int_equal(test_count_entries("pj-fail/sub"), 1);

	sb_error_init(&err);
	assert_int_equal(params_json_save_flags("pj-fail/none/p.json", &p, 0,
	    &err), -1);
	assert_string_equal(err.msg,
	    "pj-fail/none/p.json: No such file or directory");

	/* An unwritable directory; root writes anyway, so only as a user. */
	assert_int_equal(test_write_file("pj-fail/sub/p.json", "old\n", 4), 0);
	assert_int_equal(chmod("pj-fail/sub", 0555), 0);
	if (geteuid() != 0) {
		sb_error_init(&err);
		assert_int_equal(params_json_save_flags("pj-fail/sub/p.json",
		    &p, 0, &err), -1);
		assert_string_equal(err.msg,
		    "pj-fail/sub/p.json: Permission denied");
	}
	assert_int_equal(chmod("pj-fail/sub", 0755), 0);
	text = test_slurp("pj-fail/sub/p.json", NULL);
	if (geteuid() != 0)
		assert_string_equal(text, "old\n");
	assert_int_equal(test_count_entries("pj-fail/sub"), 2);
	free(text);
	unlink("pj-fail/sub/p.json");
	unlink("pj-fail/sub/keep");
	rmdir("pj-fail/sub");
	rmdir("pj-fail");
	params_clear(&p);
}

static const char *const examples[] = {
	"default",
	"restricted-one-socket",
	"docker-denied",
	"dev-server",
	"ssh-agent",
};

static void
params_json_every_example_loads_and_is_normalised(void **state)
{
	struct params p;
	struct sb_error err;
	char *rel, *path, *text, *dump;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof examples / sizeof examples[0]; i++) {
		xasprintf(&rel, "data/examples/%s.json", examples[i]);
		path = test_srcpath(rel);
		params_init(&p);
		sb_error_init(&err);
		if (params_json_load(path, &p, &err) == -1)
			fail_msg("%s", err.msg);
		/* Examples are what `generate --save-params` would write. */
		text = test_slurp(path, NULL);
		dump = params_json_dump(&p, &err);
		assert_string_equal(dump, text);
		free(text);
		free(dump);
		free(rel);
		free(path);
		params_clear(&p);
	}
}

static void
params_json_examples_say_what_their_names_say(void **state)
{
	struct params p;
	struct sb_error err;
	char *path;

	(void)state;
	sb_error_init(&err);
	params_init(&p);
	path = test_srcpath("data/examples/ssh-agent.json");
	assert_int_equal(params_json_load(path, &p, &err), 0);
	assert_int_equal(p.sock_allow.n, 1);
	assert_string_equal(p.sock_allow.v[0].path,
	    "/private/tmp/com.apple.launchd.*/Listeners");
	assert_int_equal(p.sock_allow.v[0].match, MATCH_GLOB);
	assert_int_equal(p.sock_allow.v[0].access, ACCESS_CONNECT);
	free(path);
	path = test_srcpath("data/examples/docker-denied.json");
	assert_int_equal(params_json_load(path, &p, &err), 0);
	assert_int_equal(p.net_mode, NET_FULL);
	assert_string_equal(p.sock_deny.v[0].path, "/var/run/docker.sock");
	free(path);
	path = test_srcpath("data/examples/dev-server.json");
	assert_int_equal(params_json_load(path, &p, &err), 0);
	assert_int_equal(p.net_mode, NET_RESTRICTED);
	assert_int_equal(p.fs_mode, FS_WORKSPACE_WRITE);
	assert_true(p.allow_local_binding);
	free(path);
	path = test_srcpath("data/examples/restricted-one-socket.json");
	assert_int_equal(params_json_load(path, &p, &err), 0);
	assert_int_equal(p.net_mode, NET_RESTRICTED);
	assert_string_equal(p.sock_allow.v[0].path, "/tmp/test.sock");
	free(path);
	params_clear(&p);
}

/* The path a child of object `parent` should have: "parent.key". */
static void
assert_child_path(enum params_field_id parent, enum params_field_id c)
{
	const char *ppath = params_fields[parent].path;
	const char *key = params_field_key(&params_fields[c]);
	char *want;

	if (ppath[0] == '\0')
		want = xstrdup(key);
	else
		xasprintf(&want, "%s.%s", ppath, key);
	assert_string_equal(params_fields[c].path, want);
	free(want);
}

static void
params_fields_table_is_one_tree(void **state)
{
	size_t owners[PF_NFIELDS];
	enum params_field_id i, c;

	(void)state;
	memset(owners, 0, sizeof owners);
	for (i = 0; i < PF_NFIELDS; i++) {
		if (params_fields[i].kind != PARAMS_K_OBJECT) {
			assert_int_equal(params_fields[i].first, PF_ROOT);
			assert_int_equal(params_fields[i].last, PF_ROOT);
			continue;
		}
		assert_true(params_fields[i].first > i);
		assert_true(params_fields[i].first <= params_fields[i].last);
		/* load_object and members() keep a child a slot. */
		assert_true(params_fields[i].last - params_fields[i].first < 8);
		for (c = params_fields[i].first; c <= params_fields[i].last;
		    c++) {
			owners[c]++;
			assert_child_path(i, c);
		}
	}
	/* Every field but the two tops (the file, a socket entry) has
	 * exactly one object, and the table is in that order. */
	for (i = 0; i < PF_NFIELDS; i++) {
		if (i == PF_ROOT || i == PF_SOCKET)
			assert_int_equal(owners[i], 0);
		else
			assert_int_equal(owners[i], 1);
	}
	assert_string_equal(params_field_key(&params_fields[PF_SOCK_ALLOW]),
	    "allow");
	assert_string_equal(params_field_key(&params_fields[PF_SOCKET_PATH]),
	    "path");
}

/*
 * data/params.schema.json against the table: the same keys in each object
 * (a socket entry's are found through the items of allow and deny), each
 * with the same JSON type, and the same required keys.
 */

/* node, or what its "$ref" ("#/$defs/NAME") points at. */
static const cJSON *
schema_resolve(const cJSON *schema, const cJSON *node)
{
	const cJSON *ref, *defs;
	const char *prefix = "#/$defs/";

	while ((ref = cJSON_GetObjectItemCaseSensitive(node, "$ref")) != NULL) {
		assert_true(cJSON_IsString(ref));
		assert_memory_equal(ref->valuestring, prefix, strlen(prefix));
		defs = cJSON_GetObjectItemCaseSensitive(schema, "$defs");
		node = cJSON_GetObjectItemCaseSensitive(defs,
		    ref->valuestring + strlen(prefix));
		if (node == NULL)
			fail_msg("unresolved %s", ref->valuestring);
	}
	return node;
}

/* The JSON Schema type of a constant. */
static const char *
value_type(const cJSON *v)
{
	if (cJSON_IsBool(v))
		return "boolean";
	if (cJSON_IsString(v))
		return "string";
	if (cJSON_IsNumber(v) && v->valuedouble == (double)(long)v->valuedouble)
		return "integer";
	fail_msg("a constant of no type the table has");
	return NULL;
}

/* What a property holds: its "type", or the type of its "const" or of
 * every value of its "enum". */
static const char *
schema_type(const cJSON *schema, const cJSON *prop)
{
	const cJSON *t, *e;
	const char *type = NULL;

	prop = schema_resolve(schema, prop);
	if ((t = cJSON_GetObjectItemCaseSensitive(prop, "type")) != NULL) {
		assert_true(cJSON_IsString(t));
		return t->valuestring;
	}
	if ((t = cJSON_GetObjectItemCaseSensitive(prop, "const")) != NULL)
		return value_type(t);
	if ((t = cJSON_GetObjectItemCaseSensitive(prop, "enum")) != NULL) {
		cJSON_ArrayForEach(e, t) {
			if (type != NULL)
				assert_string_equal(value_type(e), type);
			type = value_type(e);
		}
		return type;
	}
	fail_msg("a property without a type");
	return NULL;
}

/* Whether key is in the "required" list of an object schema. */
static bool
schema_requires(const cJSON *obj, const char *key)
{
	const cJSON *r, *e;

	r = cJSON_GetObjectItemCaseSensitive(obj, "required");
	cJSON_ArrayForEach(e, r) {
		if (cJSON_IsString(e) && strcmp(e->valuestring, key) == 0)
			return true;
	}
	return false;
}

/* The object alternative of a socket entry ("path" or {...}). */
static const cJSON *
schema_entry_object(const cJSON *schema, const cJSON *items)
{
	const cJSON *alt, *obj;

	items = schema_resolve(schema, items);
	cJSON_ArrayForEach(alt,
	    cJSON_GetObjectItemCaseSensitive(items, "anyOf")) {
		obj = schema_resolve(schema, alt);
		if (cJSON_GetObjectItemCaseSensitive(obj, "properties") != NULL)
			return obj;
	}
	fail_msg("a socket entry without an object form");
	return NULL;
}

static void	check_schema_object(const cJSON *, const cJSON *,
		    enum params_field_id);

/* Field c against its schema property prop, and what is below it. */
static void
check_schema_field(const cJSON *schema, const cJSON *obj, const cJSON *prop,
    enum params_field_id c)
{
	const struct params_field *f = &params_fields[c];
	const char *key = params_field_key(f);

	if (strcmp(schema_type(schema, prop),
	    params_type_name(params_field_type(f))) != 0)
		fail_msg("%s: %s in the schema, %s in the table", f->path,
		    schema_type(schema, prop),
		    params_type_name(params_field_type(f)));
	if (schema_requires(obj, key) != f->required)
		fail_msg("%s: required in one of schema and table only",
		    f->path);
	if (f->kind == PARAMS_K_OBJECT)
		check_schema_object(schema, schema_resolve(schema, prop), c);
	if (f->kind == PARAMS_K_SOCKETS)
		check_schema_object(schema, schema_entry_object(schema,
		    cJSON_GetObjectItemCaseSensitive(schema_resolve(schema,
		    prop), "items")), PF_SOCKET);
}

/* The properties of object schema obj against the children of field id. */
static void
check_schema_object(const cJSON *schema, const cJSON *obj,
    enum params_field_id id)
{
	const struct params_field *f = &params_fields[id];
	const cJSON *props, *prop;
	enum params_field_id c;

	props = cJSON_GetObjectItemCaseSensitive(obj, "properties");
	assert_non_null(props);
	cJSON_ArrayForEach(prop, props) {
		for (c = f->first; c <= f->last; c++) {
			if (strcmp(params_field_key(&params_fields[c]),
			    prop->string) == 0)
				break;
		}
		if (c > f->last)
			fail_msg("%s%s%s: in the schema, not in the table",
			    f->path, f->path[0] != '\0' ? "." : "",
			    prop->string);
		check_schema_field(schema, obj, prop, c);
	}
	for (c = f->first; c <= f->last; c++) {
		if (cJSON_GetObjectItemCaseSensitive(props,
		    params_field_key(&params_fields[c])) == NULL)
			fail_msg("%s: in the table, not in the schema",
			    params_fields[c].path);
	}
}

static void
params_schema_matches_the_field_table(void **state)
{
	cJSON *schema;
	char *path, *text;

	(void)state;
	path = test_srcpath("data/params.schema.json");
	text = test_slurp(path, NULL);
	assert_non_null(text);
	schema = cJSON_Parse(text);
	assert_non_null(schema);
	check_schema_object(schema, schema, PF_ROOT);
	cJSON_Delete(schema);
	free(text);
	free(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(params_json_defaults_when_fields_absent),
		cmocka_unit_test(params_json_parses_every_field),
		cmocka_unit_test(params_json_reads_string_and_object_socket_entries),
		cmocka_unit_test(params_json_string_socket_with_glob_characters_is_a_glob),
		cmocka_unit_test(params_json_protected_names_replace_the_default),
		cmocka_unit_test(params_json_accepts_the_danger_full_access_alias),
		cmocka_unit_test(params_json_control_characters_in_paths_are_not_errors),
		cmocka_unit_test(params_json_reads_escapes_utf8_and_a_byte_order_mark),
		cmocka_unit_test(params_json_rejects_version_2),
		cmocka_unit_test(params_json_names_the_file_it_was_given),
		cmocka_unit_test(params_json_error_codes_tell_syntax_from_values),
		cmocka_unit_test(params_json_load_text_reads_only_len_bytes),
		cmocka_unit_test(params_json_leaves_cjson_its_own_allocator),
		cmocka_unit_test(params_json_checks_bytes_at_every_offset),
		cmocka_unit_test(params_json_limits_list_length),
		cmocka_unit_test(params_json_limits_text_size),
		cmocka_unit_test(params_json_accepts_paths_at_the_length_limit),
		cmocka_unit_test(params_json_dump_writes_the_normalised_form),
		cmocka_unit_test(params_json_dump_of_defaults_is_the_default_example),
		cmocka_unit_test(params_json_round_trips_empty_and_odd_values),
		cmocka_unit_test(params_json_dump_refuses_non_utf8),
		cmocka_unit_test(params_json_save_replaces_the_file_atomically),
		cmocka_unit_test(params_json_failed_save_leaves_the_old_file),
		cmocka_unit_test(params_json_every_example_loads_and_is_normalised),
		cmocka_unit_test(params_json_examples_say_what_their_names_say),
		cmocka_unit_test(params_json_deny_entries_take_no_access),
		cmocka_unit_test(params_fields_table_is_one_tree),
		cmocka_unit_test(params_schema_matches_the_field_table),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
