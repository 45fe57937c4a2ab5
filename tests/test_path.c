/* SPDX-License-Identifier: ISC */
/* test_path.c: paths, canonicalisation, shell quoting and splitting, messages. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "buf.h"
#include "err.h"
#include "helpers.h"
#include "launch.h"
#include "path.h"
#include "shquote.h"
#include "unicode.h"

static void
check_clean(const char *in, const char *want)
{
	char *got = path_clean(in);

	assert_string_equal(got, want);
	free(got);
}

static void
path_clean_removes_dots_and_double_slashes(void **state)
{
	(void)state;
	check_clean("/", "/");
	check_clean("//", "/");
	check_clean("/a//b/./c/", "/a/b/c");
	check_clean("/a/b/../c", "/a/c");
	check_clean("/a/../../b", "/b");
	check_clean("/..", "/");
	check_clean("/a/./..", "/");
	check_clean("/a/..b/.c", "/a/..b/.c");
}

static void
path_join_resolves_relative_paths_against_the_directory(void **state)
{
	char *p;

	(void)state;
	p = path_join("/Users/me/project", "run/x.sock");
	assert_string_equal(p, "/Users/me/project/run/x.sock");
	free(p);
	p = path_join("/Users/me/project", "../other/./y");
	assert_string_equal(p, "/Users/me/other/y");
	free(p);
	p = path_join("/Users/me", "/abs//z");
	assert_string_equal(p, "/abs/z");
	free(p);
}

static void
check_canon(const char *in, const char *want)
{
	struct path_fs fs = test_fs(test_fs_macos);
	char *got = path_canon(in, &fs);

	assert_string_equal(got, want);
	free(got);
}

static void
path_canon_resolves_the_longest_existing_prefix(void **state)
{
	(void)state;
	check_canon("/tmp", "/private/tmp");
	check_canon("/tmp/app/x.sock", "/private/tmp/app/x.sock");
	check_canon("/var/run/docker.sock", "/private/var/run/docker.sock");
	check_canon("/Users/me/link/sub/s.sock", "/Users/me/project/sub/s.sock");
	check_canon("/nonexistent/deeper", "/nonexistent/deeper");
	check_canon("/", "/");
}

static void
path_is_under_compares_whole_components(void **state)
{
	(void)state;
	assert_true(path_is_under("/tmp/a", "/tmp"));
	assert_true(path_is_under("/tmp", "/tmp"));
	assert_false(path_is_under("/tmpx", "/tmp"));
	assert_true(path_is_under("/anything", "/"));
}

static void
check_quote(const char *in, const char *want, bool oneline)
{
	struct buf b;

	buf_init(&b);
	if (oneline)
		shquote_append_oneline(&b, in);
	else
		shquote_append(&b, in);
	assert_string_equal(buf_str(&b), want);
	buf_clear(&b);
}

static void
shquote_leaves_plain_words_and_quotes_the_rest(void **state)
{
	(void)state;
	check_quote("/tmp/test.sock", "/tmp/test.sock", false);
	check_quote("", "''", false);
	check_quote("a b", "'a b'", false);
	check_quote("it's", "'it'\\''s'", false);
	check_quote("$(id)`x`", "'$(id)`x`'", false);
	check_quote("new\nline", "'new\nline'", false);
}

static void
shquote_oneline_escapes_control_and_invalid_bytes(void **state)
{
	(void)state;
	check_quote("/tmp/plain", "/tmp/plain", true);
	check_quote("/tmp/é", "'/tmp/é'", true);
	check_quote("new\nline", "$'new\\nline'", true);
	check_quote("t\tq'\\", "$'t\\tq\\'\\\\'", true);
	check_quote("bad\xff" "byte", "$'bad\\xffbyte'", true);
	check_quote("del\x7f", "$'del\\x7f'", true);
}

static void
utf8_valid_rejects_overlong_and_surrogates(void **state)
{
	(void)state;
	assert_true(utf8_valid("plain"));
	assert_true(utf8_valid("caf\xc3\xa9 \xf0\x9f\x98\x80"));
	assert_false(utf8_valid("\xc0\xaf"));		/* overlong '/' */
	assert_false(utf8_valid("\xed\xa0\x80"));	/* surrogate */
	assert_false(utf8_valid("\xff"));
	assert_false(utf8_valid("\xe2\x82"));		/* truncated */
}

static void
shquote_split_reads_quotes_and_backslashes(void **state)
{
	struct sb_error err;
	char **v;

	(void)state;
	sb_error_init(&err);
	v = shquote_split("  echo \"x y\"  a\\ b 'c\"d' e\\\"f ", &err);
	assert_non_null(v);
	assert_string_equal(v[0], "echo");
	assert_string_equal(v[1], "x y");
	assert_string_equal(v[2], "a b");
	assert_string_equal(v[3], "c\"d");
	assert_string_equal(v[4], "e\"f");
	assert_null(v[5]);
	launch_argv_free(v);
	v = shquote_split("''", &err);
	assert_non_null(v);
	assert_string_equal(v[0], "");
	launch_argv_free(v);
	assert_null(shquote_split("echo 'x", &err));
	assert_non_null(strstr(err.msg, "unterminated"));
	sb_error_init(&err);
	assert_null(shquote_split("   ", &err));
	assert_non_null(strstr(err.msg, "empty"));
}

static void
sb_show_makes_one_printable_line(void **state)
{
	char buf[SB_SHOW_MAX], small[16];

	(void)state;
	assert_string_equal(sb_show(buf, sizeof buf, "a\"b\\c\nd\x01\xff"),
	    "\"a\\\"b\\\\c\\nd\\x01\\xff\"");
	assert_string_equal(sb_show(small, sizeof small, "/a/very/long/path"),
	    "\"/a/very/lo...\"");
	assert_true(strlen(small) < sizeof small);
}

static void
sb_error_keeps_the_first_error(void **state)
{
	struct sb_error err;

	(void)state;
	sb_error_init(&err);
	assert_false(sb_error_is_set(&err));
	sb_error_set(&err, SB_EINVAL, "first %d", 1);
	sb_error_set(&err, SB_EIO, "second");
	assert_int_equal(err.code, SB_EINVAL);
	assert_string_equal(err.msg, "first 1");
	sb_error_set(NULL, SB_EIO, "ignored");
}

static void
path_fs_posix_reads_a_file_through_a_link(void **state)
{
	char dir[] = "path-test.XXXXXX", file[64], link[64], *data;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(file, sizeof file, "%s/gitfile", dir);
	snprintf(link, sizeof link, "%s/.git", dir);
	assert_int_equal(test_write_file(file, "gitdir: x\n", 10), 0);
	assert_int_equal(symlink("gitfile", link), 0);
	data = path_fs_posix.read_file(link, 100, NULL);
	assert_non_null(data);
	assert_string_equal(data, "gitdir: x\n");
	free(data);
	/* A directory is not a file. */
	assert_null(path_fs_posix.read_file(dir, 100, NULL));
	unlink(link);
	unlink(file);
	rmdir(dir);
}

int
main(void)
{
	static const struct CMUnitTest tests[] = {
		cmocka_unit_test(path_clean_removes_dots_and_double_slashes),
		cmocka_unit_test(path_join_resolves_relative_paths_against_the_directory),
		cmocka_unit_test(path_canon_resolves_the_longest_existing_prefix),
		cmocka_unit_test(path_is_under_compares_whole_components),
		cmocka_unit_test(shquote_leaves_plain_words_and_quotes_the_rest),
		cmocka_unit_test(shquote_oneline_escapes_control_and_invalid_bytes),
		cmocka_unit_test(shquote_split_reads_quotes_and_backslashes),
		cmocka_unit_test(utf8_valid_rejects_overlong_and_surrogates),
		cmocka_unit_test(sb_show_makes_one_printable_line),
		cmocka_unit_test(sb_error_keeps_the_first_error),
		cmocka_unit_test(path_fs_posix_reads_a_file_through_a_link),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
