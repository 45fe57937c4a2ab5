/* SPDX-License-Identifier: ISC */
/* test_format.c: the table of output formats and the json format. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "format.h"

static void
format_find_knows_the_four_names(void **state)
{
	static const char *const names[] = { "sbpl", "inline", "json", "args" };
	size_t i;

	(void)state;
	for (i = 0; i < 4; i++) {
		assert_non_null(format_find(names[i]));
		assert_string_equal(format_find(names[i])->name, names[i]);
		assert_ptr_equal(format_at(i), format_find(names[i]));
	}
	assert_null(format_at(4));
	assert_null(format_find("yaml"));
	assert_null(format_find("SBPL"));
	assert_null(format_find(""));
	assert_ptr_equal(format_default(), format_find("sbpl"));
}

static void
format_json_writes_the_documented_object(void **state)
{
	struct gen_param params[] = {
		{ (char *)"UNIX_SOCKET_PATH_0", (char *)"/private/tmp/test.sock" },
		{ (char *)"UNIX_SOCKET_DENY_0", (char *)"/tmp/new\nline" },
	};
	struct gen_warning warnings[] = {
		{ GEN_W_SOCK_ALLOW, 0, (char *)"allow[0]: \"quoted\"" },
	};
	char *argv[] = {
		(char *)"/usr/bin/sandbox-exec", (char *)"-p", (char *)"P",
		(char *)"--", (char *)"true", NULL
	};
	struct gen_result r;
	struct sb_error err;
	char *text;

	(void)state;
	memset(&r, 0, sizeof r);
	r.profile = (char *)"(version 1)\n(allow network-outbound "
	    "(remote unix-socket (subpath (param \"UNIX_SOCKET_PATH_0\"))))\n";
	r.params = params;
	r.nparams = 2;
	r.warnings = warnings;
	r.nwarnings = 1;
	sb_error_init(&err);
	text = format_json(&r, argv, &err);
	assert_non_null(text);
	assert_string_equal(text,
	    "{\n"
	    "  \"profile\": \"(version 1)\\n(allow network-outbound "
	    "(remote unix-socket (subpath (param \\\"UNIX_SOCKET_PATH_0\\\""
	    "))))\\n\",\n"
	    "  \"params\": [\n"
	    "    [\"UNIX_SOCKET_PATH_0\", \"/private/tmp/test.sock\"],\n"
	    "    [\"UNIX_SOCKET_DENY_0\", \"/tmp/new\\nline\"]\n"
	    "  ],\n"
	    "  \"argv\": [\n"
	    "    \"/usr/bin/sandbox-exec\",\n"
	    "    \"-p\",\n"
	    "    \"P\",\n"
	    "    \"--\",\n"
	    "    \"true\"\n"
	    "  ],\n"
	    "  \"warnings\": [\n"
	    "    \"allow[0]: \\\"quoted\\\"\"\n"
	    "  ]\n"
	    "}\n");
	free(text);
}

static void
format_json_writes_empty_lists(void **state)
{
	struct gen_result r;
	struct sb_error err;
	char *argv[] = { NULL };
	char *text;

	(void)state;
	memset(&r, 0, sizeof r);
	r.profile = (char *)"";
	sb_error_init(&err);
	text = format_json(&r, NULL, &err);
	assert_string_equal(text, "{\n  \"profile\": \"\",\n  \"params\": [],\n"
	    "  \"argv\": [],\n  \"warnings\": []\n}\n");
	free(text);
	text = format_json(&r, argv, &err);
	assert_non_null(strstr(text, "\"argv\": [],"));
	free(text);
}

static void
format_json_refuses_non_utf8(void **state)
{
	struct gen_param params[] = {
		{ (char *)"WRITABLE_ROOT_0", (char *)"/ok" },
		{ (char *)"WRITABLE_ROOT_1", (char *)"/caf\xe9" },
	};
	char *argv[] = { (char *)"x", (char *)"\xc0\xaf", NULL };
	struct gen_result r;
	struct sb_error err;

	(void)state;
	memset(&r, 0, sizeof r);
	r.profile = (char *)"(version 1)\n";
	r.params = params;
	r.nparams = 2;
	sb_error_init(&err);
	assert_null(format_json(&r, NULL, &err));
	assert_string_equal(err.msg, "WRITABLE_ROOT_1: value is not valid "
	    "UTF-8, which JSON cannot hold");
	r.nparams = 1;
	sb_error_init(&err);
	assert_null(format_json(&r, argv, &err));
	assert_string_equal(err.msg, "argv[1]: not valid UTF-8");
	r.profile = (char *)"(deny \xff)";
	sb_error_init(&err);
	assert_null(format_json(&r, NULL, &err));
	assert_string_equal(err.msg, "profile: not valid UTF-8");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(format_find_knows_the_four_names),
		cmocka_unit_test(format_json_writes_the_documented_object),
		cmocka_unit_test(format_json_writes_empty_lists),
		cmocka_unit_test(format_json_refuses_non_utf8),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
