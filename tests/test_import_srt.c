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
	X(import_golden_not_object, "not-object")

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
	assert_string_equal(err.msg, "s.json:1:43: network.allowLocalBinding: "
	    "expected a boolean, got a number");
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
	    "},\n \"filesystem\": {\"allowRead\": [\".\"]}}", &p, &w, &err),
	    0);
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
	assert_int_equal(p.writable_roots.n, 3);
	assert_string_equal(p.writable_roots.v[0], "/srv/app/out");
	assert_string_equal(p.writable_roots.v[1], "~/cache");
	/* srt expands only "~" and "~/": "~user" is a name in the cwd. */
	assert_string_equal(p.writable_roots.v[2], "/srv/app/~user/x");
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
		cmocka_unit_test(import_detect_tells_srt_from_params),
		cmocka_unit_test(import_file_reads_the_file),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
