/* SPDX-License-Identifier: ISC */
/* test_glob.c: the glob language: exact regexes, what they match, refusals. */
#include "config.h"

#include <sys/types.h>

#include <regex.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "buf.h"
#include "glob.h"
#include "params.h"
#include "xmalloc.h"

/* The anchored regex of a whole pattern, as the generator builds it from
 * the text part (unescaped) and the glob part; NULL with err set. */
static char *
regex_of(const char *pattern, struct sb_error *err)
{
	struct buf b;
	size_t n = glob_literal_len(pattern);
	char *lit = glob_unescape(pattern, n);

	buf_init(&b);
	buf_putc(&b, '^');
	glob_regex_literal(&b, lit, strlen(lit));
	free(lit);
	if (glob_regex(&b, NULL, pattern + n, "p", err) == -1) {
		buf_clear(&b);
		return NULL;
	}
	buf_putc(&b, '$');
	return buf_take(&b);
}

static bool
matches(const char *regex, const char *path)
{
	regex_t re;
	bool hit;

	if (regcomp(&re, regex, REG_EXTENDED | REG_NOSUB) != 0)
		fail_msg("%s does not compile", regex);
	hit = regexec(&re, path, 0, NULL, 0) == 0;
	regfree(&re);
	return hit;
}

struct good {
	const char	*pattern;
	const char	*regex;
	const char	*yes[3];
	const char	*no[3];
};

static const struct good goods[] = {
	/* The issue's case: the cwd joined on escaped stays text. */
	{ "/tmp/p\\[1\\]/*.pem", "^/tmp/p\\[1\\]/[^/]*\\.pem$",
	    { "/tmp/p[1]/k.pem", "/tmp/p[1]/.pem", NULL },
	    { "/tmp/p1/k.pem", "/tmp/p[1]/a/k.pem", NULL } },
	{ "/a/[!ab]", "^/a/[^/ab]$",
	    { "/a/c", "/a/.", NULL }, { "/a/a", "/a//", NULL } },
	{ "/a/[^ab]x", "^/a/[^/ab]x$", { "/a/cx", NULL }, { "/a/bx", NULL } },
	{ "/a/**/x", "^/a/(.*/)?x$",
	    { "/a/x", "/a/b/c/x", NULL }, { "/ax", "/a/bx", NULL } },
	{ "**/.env", "^(.*/)?\\.env$",
	    { "/.env", "/p/q/.env", NULL }, { "/p/x.env", "/p/.envrc", NULL } },
	{ "/a/**", "^/a/.*$", { "/a/b", "/a/b/c", NULL }, { "/a", "/ab", NULL } },
	{ "/x/[[:digit:]]*", "^/x/[0-9][^/]*$",
	    { "/x/1", "/x/9abc", NULL }, { "/x/a1", "/x/1/2", NULL } },
	{ "/x/[[:alpha:]_]", "^/x/[A-Z_a-z]$", { "/x/Q", "/x/_", NULL },
	    { "/x/1", NULL } },
	{ "/x/[]a]", "^/x/[]a]$", { "/x/]", "/x/a", NULL }, { "/x/b", NULL } },
	{ "/x/[!]a]", "^/x/[^]/a]$", { "/x/b", NULL }, { "/x/]", NULL } },
	{ "/x/[a-]", "^/x/[a-]$", { "/x/-", "/x/a", NULL }, { "/x/b", NULL } },
	{ "/x/[-^]", "^/x/[-^]$", { "/x/^", "/x/-", NULL }, { "/x/a", NULL } },
	{ "/x/[[]", "^/x/\\[$", { "/x/[", NULL }, { "/x/a", NULL } },
	{ "/x/[a[]", "^/x/[a[]$", { "/x/[", "/x/a", NULL }, { "/x/b", NULL } },
	{ "/x/[\\\\a]", "^/x/(a|\\\\)$", { "/x/\\", "/x/a", NULL },
	    { "/x/b", NULL } },
	{ "/x/[a-zA-Z0-9_]", "^/x/[0-9A-Z_a-z]$", { "/x/z", NULL },
	    { "/x/-", NULL } },
	{ "/x/?.c", "^/x/[^/]\\.c$", { "/x/a.c", NULL }, { "/x/.c", NULL } },
	{ "/x/\\*", "^/x/\\*$", { "/x/*", NULL }, { "/x/a", NULL } },
	/* A '[' that nothing closes is itself; so is a '\' before a letter. */
	{ "/f(1)+[x.y", "^/f\\(1\\)\\+\\[x\\.y$", { "/f(1)+[x.y", NULL },
	    { "/f1x.y", NULL } },
	{ "/a\\b/*", "^/a\\\\b/[^/]*$", { "/a\\b/c", NULL }, { "/ab/c", NULL } },
	/* '/' never sits inside a bracket expression: this one is text. */
	{ "/a/[/]b", "^/a/\\[/\\]b$", { "/a/[/]b", NULL }, { "/a/b", NULL } },
};

static void
glob_regexes_match_what_they_look_like(void **state)
{
	struct sb_error err;
	char *re;
	size_t i, j;

	(void)state;
	for (i = 0; i < sizeof goods / sizeof goods[0]; i++) {
		sb_error_init(&err);
		if ((re = regex_of(goods[i].pattern, &err)) == NULL)
			fail_msg("%s: %s", goods[i].pattern, err.msg);
		if (strcmp(re, goods[i].regex) != 0)
			fail_msg("%s gave %s, not %s", goods[i].pattern, re,
			    goods[i].regex);
		assert_int_equal(glob_regex_check(re, "p", &err), 0);
		for (j = 0; j < 3 && goods[i].yes[j] != NULL; j++) {
			if (!matches(re, goods[i].yes[j]))
				fail_msg("%s misses %s", re, goods[i].yes[j]);
		}
		for (j = 0; j < 3 && goods[i].no[j] != NULL; j++) {
			if (matches(re, goods[i].no[j]))
				fail_msg("%s matches %s", re, goods[i].no[j]);
		}
		free(re);
	}
}

static const struct {
	const char	*pattern;
	const char	*msg;
} bads[] = {
	{ "/a/[z-a]", "p: the range 'z'-'a' is backwards" },
	{ "/a/[[.]", "p: [. is not supported inside [...]; write \\[ for a "
	    "'['" },
	{ "/a/[[=a=]]", "p: [= is not supported inside [...]; write \\[ for "
	    "a '['" },
	{ "/a/[[:foo:]]", "p: unknown character class [:foo:] (alpha, digit, "
	    "alnum, upper, lower, xdigit)" },
	{ "/a/[[:punct:]]", "p: [:punct:] is not supported: it includes '/'; "
	    "list the characters instead" },
	{ "/a/[[:space:]]", "p: [:space:] is not supported: it holds control "
	    "characters; list the characters instead" },
	{ "/a/[.-0]", "p: the range '.'-'0' includes '/', which a bracket "
	    "expression cannot match" },
	{ "/a/[ -~]", "p: the range \\x20-'~' includes '/', which a bracket "
	    "expression cannot match" },
	{ "/a/a**/x", "p: '**' must be a whole path component (as in /a/**/b)" },
	{ "/a/**b", "p: '**' must be a whole path component (as in /a/**/b)" },
	{ "/a/***", "p: '**' must be a whole path component (as in /a/**/b)" },
	{ "/a/[a-[:digit:]]", "p: a range cannot end in a class" },
	{ "/a/[é]", "p: \\xc3 inside [...]: only printable ASCII characters "
	    "are supported there" },
	{ "/a/[!\\\\]", "p: a '\\' inside [!...] is not supported" },
	{ "/a/*/../b", "p: '..' after a wildcard is not supported" },
	{ "/a/*/./b", "p: '.' after a wildcard is not supported" },
};

static void
glob_that_cannot_mean_what_it_looks_like_is_refused(void **state)
{
	struct sb_error err;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof bads / sizeof bads[0]; i++) {
		sb_error_init(&err);
		if (regex_of(bads[i].pattern, &err) != NULL)
			fail_msg("%s was accepted", bads[i].pattern);
		if (strcmp(err.msg, bads[i].msg) != 0)
			fail_msg("%s: %s", bads[i].pattern, err.msg);
	}
}

static void
glob_escape_round_trips_through_unescape(void **state)
{
	static const char *const texts[] = {
		"/tmp/p[1]", "/a*b?c", "/x\\y", "/[]\\", "/plain",
	};
	char *e, *u;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		e = glob_escape(texts[i]);
		assert_false(glob_is_pattern(e));
		assert_int_equal(glob_literal_len(e), strlen(e));
		u = glob_unescape(e, strlen(e));
		assert_string_equal(u, texts[i]);
		free(u);
		free(e);
	}
	e = glob_escape("/tmp/p[1]");
	assert_string_equal(e, "/tmp/p\\[1\\]");
	free(e);
}

static void
glob_literal_part_ends_before_the_first_wild_component(void **state)
{
	(void)state;
	assert_int_equal(glob_literal_len("/a/b/*.c"), 4);
	assert_int_equal(glob_literal_len("/a/b\\*/c*"), 6);
	assert_int_equal(glob_literal_len("/*"), 0);
	assert_int_equal(glob_literal_len("**/x"), 0);
	assert_int_equal(glob_literal_len("/a/[x"), 5);
	assert_true(glob_is_pattern("/a/[x]"));
	assert_false(glob_is_pattern("/a/[x"));
	assert_false(glob_is_pattern("/a/\\*"));
	/* An escaped backslash escapes nothing after it; a backslash before
	 * a byte it cannot escape, or at the end, is itself. */
	assert_true(glob_is_pattern("/a\\\\*"));
	assert_int_equal(glob_literal_len("/x/a\\\\*"), 2);
	assert_int_equal(glob_literal_len("/a/b\\c*d"), 2);
	assert_false(glob_is_pattern("/a/\\[x]"));
	assert_false(glob_is_pattern("/a/x\\"));
	assert_int_equal(glob_literal_len("/a/x\\"), 5);
	assert_true(glob_is_pattern("/a/\\?\\*?"));
	assert_int_equal(glob_literal_len("/a/b/\\?\\*c/d?"), 10);
	assert_true(glob_ends_in_any("/a/**"));
	assert_true(glob_ends_in_any("**"));
	assert_false(glob_ends_in_any("/a/x**"));
}

static void
glob_relative_pattern_joins_onto_the_cwd_as_text(void **state)
{
	struct sb_error err;
	enum sock_match match;
	char *p;

	(void)state;
	sb_error_init(&err);
	p = params_path_from_cli("*.pem", "/tmp/p[1]", true, "--deny-read",
	    &err);
	assert_non_null(p);
	assert_string_equal(p, "/tmp/p\\[1\\]/*.pem");
	free(p);
	/* A plain relative deny_read entry too: it is read as a pattern. */
	p = params_path_from_cli("k.pem", "/tmp/p[1]", true, "--deny-read",
	    &err);
	assert_string_equal(p, "/tmp/p\\[1\\]/k.pem");
	assert_false(glob_is_pattern(p));
	free(p);
	/* A socket is a glob by what was typed, not by the cwd. */
	p = params_socket_from_cli("x.sock", "/tmp/p[1]", &match, "--allow",
	    &err);
	assert_string_equal(p, "/tmp/p[1]/x.sock");
	assert_int_equal(match, MATCH_SUBPATH);
	free(p);
	p = params_socket_from_cli("*.sock", "/tmp/p[1]", &match, "--allow",
	    &err);
	assert_string_equal(p, "/tmp/p\\[1\\]/*.sock");
	assert_int_equal(match, MATCH_GLOB);
	free(p);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(glob_regexes_match_what_they_look_like),
		cmocka_unit_test(glob_that_cannot_mean_what_it_looks_like_is_refused),
		cmocka_unit_test(glob_escape_round_trips_through_unescape),
		cmocka_unit_test(glob_literal_part_ends_before_the_first_wild_component),
		cmocka_unit_test(glob_relative_pattern_joins_onto_the_cwd_as_text),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
