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
	/* The fast path: a path that cleans to itself is left as it is. */
	assert_int_equal(path_is_clean(in), strcmp(in, want) == 0);
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
	check_clean("/a/b", "/a/b");
	check_clean("/a/", "/a");
	check_clean("a/b", "/a/b");
	check_clean("", "/");
	check_clean("/.", "/");
	check_clean("/a/.", "/a");
	check_clean("/a/..", "/");
	check_clean("/...", "/...");
	check_clean("/a/.b.", "/a/.b.");
	check_clean("/a/b/.", "/a/b");
	check_clean("/a/b/..", "/a");
	check_clean("/a/b/", "/a/b");
	check_clean("/a/b//", "/a/b");
	check_clean("/.a/..b/b../b./...", "/.a/..b/b../b./...");
	check_clean("/a/./b", "/a/b");
	check_clean("/a/../b", "/b");
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
	/* A right-to-left override would show "/tmp/hs.png" for this. */
	check_quote("/tmp/\xe2\x80\xaegnp.sh", "$'/tmp/\\xe2\\x80\\xaegnp.sh'",
	    true);
	check_quote("a\xe2\x81\xa6" "b\xd8\x9c", "$'a\\xe2\\x81\\xa6b\\xd8\\x9c'",
	    true);
	/* Near them, ordinary: U+2029 is no bidi control. */
	check_quote("/tmp/\xe2\x80\xa9", "'/tmp/\xe2\x80\xa9'", true);
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

/* A fake file system that counts the calls that cost a system call. */
struct counting_fs {
	struct path_fs	 inner;
	size_t		 kinds;
	size_t		 lists;
};

static char *
counting_realpath(const char *path, void *arg)
{
	struct counting_fs *c = arg;

	return c->inner.realpath(path, c->inner.arg);
}

static bool
counting_is_dir(const char *path, void *arg)
{
	struct counting_fs *c = arg;

	return c->inner.is_dir(path, c->inner.arg);
}

static char *
counting_read_file(const char *path, size_t max, void *arg)
{
	struct counting_fs *c = arg;

	return c->inner.read_file(path, max, c->inner.arg);
}

static enum path_kind
counting_kind(const char *path, void *arg)
{
	struct counting_fs *c = arg;

	c->kinds++;
	return c->inner.kind(path, c->inner.arg);
}

static char *
counting_list_dir(const char *path, size_t max, size_t *len, void *arg)
{
	struct counting_fs *c = arg;

	c->lists++;
	return c->inner.list_dir(path, max, len, c->inner.arg);
}

/* A path_fs over table through c; with list_dir only when list is set. */
static struct path_fs
counting_fs(struct counting_fs *c, const struct test_fs_entry *table,
    bool list)
{
	struct path_fs fs;

	c->inner = test_fs(table);
	c->kinds = c->lists = 0;
	fs.realpath = counting_realpath;
	fs.is_dir = counting_is_dir;
	fs.read_file = counting_read_file;
	fs.arg = c;
	fs.kind = counting_kind;
	fs.list_dir = list ? counting_list_dir : NULL;
	return fs;
}

static const struct test_fs_entry listing_fs[] = {
	{ "/d", 'd', NULL },
	{ "/d/lnk", 'l', "/target" },
	{ "/d/Sock", 'f', "" },
	{ "/d/Long-Socket-Name.sock", 'f', "" },
	{ "/d/`ong-socket-name{", 'f', "" },
	{ "/d/real", 'd', NULL },
	{ "/d/real/x", 'f', "" },
	{ "/target", 'd', NULL },
	{ "/private", 'd', NULL },
	{ "/private/tmp", 'd', NULL },
	{ "/tmp", 'l', "/private/tmp" },
	{ "/u", 'd', NULL },
	{ "/u/caf\xc3\xa9", 'f', "" },
	{ NULL, 0, NULL },
};

static void
path_cache_lists_a_directory_of_many_missing_names(void **state)
{
	struct counting_fs c;
	struct path_fs fs = counting_fs(&c, listing_fs, true);
	struct path_cache *pc = path_cache_new(&fs);
	char path[64], want[64], *got;
	int i;

	(void)state;
	for (i = 0; i < 1000; i++) {
		snprintf(path, sizeof path, "/d/s-%d.sock", i);
		got = path_cache_canon(pc, path);
		assert_string_equal(got, path);
		free(got);
	}
	/* Through a link: the listing is of the canonical directory. */
	for (i = 0; i < 1000; i++) {
		snprintf(path, sizeof path, "/tmp/s-%d.sock", i);
		snprintf(want, sizeof want, "/private/tmp/s-%d.sock", i);
		got = path_cache_canon(pc, path);
		assert_string_equal(got, want);
		free(got);
	}
	/* 2,000 missing names, each listing read once: about 2 x 16 lstats,
	 * not 2,000. */
	assert_int_equal(c.lists, 2);
	assert_true(c.kinds <= 2 * 16 + 4);
	path_cache_free(pc);
}

/* Asks about enough missing names under dir that the cache lists it. */
static void
warm(struct path_cache *pc, const char *dir)
{
	char path[64];
	int i;

	for (i = 0; i < 40; i++) {
		snprintf(path, sizeof path, "%s/warm-%d", dir, i);
		free(path_cache_canon(pc, path));
	}
}

/* kind() calls that one path_cache_kind of path costs. */
static size_t
kinds_of(struct path_cache *pc, struct counting_fs *c, const char *path,
    enum path_kind want)
{
	size_t before = c->kinds;

	assert_int_equal(path_cache_kind(pc, path), want);
	return c->kinds - before;
}

static void
path_cache_listing_sends_names_it_holds_to_lstat(void **state)
{
	struct counting_fs c;
	struct path_fs fs = counting_fs(&c, listing_fs, true);
	struct path_cache *pc = path_cache_new(&fs);
	char *got;

	(void)state;
	warm(pc, "/d");
	assert_int_equal(c.lists, 1);
	/* Not there even folded: no lstat. */
	assert_int_equal(kinds_of(pc, &c, "/d/nothere", PATH_MISSING), 0);
	/* A symlink in the listing still resolves. */
	got = path_cache_canon(pc, "/d/lnk/s.sock");
	assert_string_equal(got, "/target/s.sock");
	free(got);
	assert_int_equal(kinds_of(pc, &c, "/d/real", PATH_DIR), 1);
	/* "sock" may be "Sock" on a case-insensitive file system: only the
	 * lstat can say (this fake one is case-sensitive). */
	assert_int_equal(kinds_of(pc, &c, "/d/sock", PATH_MISSING), 1);
	assert_int_equal(kinds_of(pc, &c, "/d/SOCK", PATH_MISSING), 1);
	assert_int_equal(kinds_of(pc, &c, "/d/Sock", PATH_OTHER), 1);
	/* A name that is not ASCII may be there in another normalisation. */
	assert_int_equal(kinds_of(pc, &c, "/d/\xc3\xa9", PATH_MISSING), 1);
	assert_int_equal(kinds_of(pc, &c, "/d/e\xcc\x81", PATH_MISSING), 1);
	/* Longer names, folded eight bytes at a time, and the bytes after
	 * the last eight one at a time. */
	assert_int_equal(kinds_of(pc, &c, "/d/Long-Socket-Name.sock",
	    PATH_OTHER), 1);
	assert_int_equal(kinds_of(pc, &c, "/d/LONG-SOCKET-NAME.SOCK",
	    PATH_MISSING), 1);
	assert_int_equal(kinds_of(pc, &c, "/d/long-socket-name.sock",
	    PATH_MISSING), 1);
	assert_int_equal(kinds_of(pc, &c, "/d/Long-Socket-Name.socx",
	    PATH_MISSING), 0);
	assert_int_equal(kinds_of(pc, &c, "/d/Lonf-Socket-Name.sock",
	    PATH_MISSING), 0);
	assert_int_equal(kinds_of(pc, &c, "/d/Long-Socket-Name.soc",
	    PATH_MISSING), 0);
	assert_int_equal(kinds_of(pc, &c, "/d/L\xc3\xa9ng-Socket-Name",
	    PATH_MISSING), 1);
	assert_int_equal(kinds_of(pc, &c, "/d/Long-Socket-N\xc3\xa9",
	    PATH_MISSING), 1);
	/* '@' and '[', next to 'A' and 'Z', are not letters: they stay as
	 * they are, not '`' and '{'. */
	assert_int_equal(kinds_of(pc, &c, "/d/`ONG-SOCKET-NAME{",
	    PATH_MISSING), 1);
	assert_int_equal(kinds_of(pc, &c, "/d/@ONG-SOCKET-NAME{",
	    PATH_MISSING), 0);
	assert_int_equal(kinds_of(pc, &c, "/d/`ONG-SOCKET-NAME[",
	    PATH_MISSING), 0);
	path_cache_free(pc);
}

static void
path_cache_canon_clean_refuses_unclean_paths(void **state)
{
	static const char *const unclean[] = {
		"/d/.", "/d/..", "/d/", "/d//x", "/d/./x", "/d/../x", "d/x",
		"", "/d/x/.", "/d/x/..", "//d", "/d/real/..",
	};
	static const char *const clean[] = {
		"/d/...", "/d/.x", "/d/..x", "/d/x.", "/d/lnk/s.sock", "/",
		"/tmp/a.sock", "/d/real/x", "/d/Sock", "/d/missing/deeper",
		"/d", "/d/warm-3", "/d/lnk",
	};
	struct counting_fs c1, c2;
	struct path_fs fs1 = counting_fs(&c1, listing_fs, true);
	struct path_fs fs2 = counting_fs(&c2, listing_fs, true);
	struct path_cache *a = path_cache_new(&fs1);
	struct path_cache *b = path_cache_new(&fs2);
	const char *got;
	char *want;
	size_t i, len;

	(void)state;
	/* Each right after a name in /d, so that the directory last found
	 * is /d: names there take the quicker way. */
	warm(a, "/d");
	for (i = 0; i < sizeof unclean / sizeof unclean[0]; i++) {
		free(path_cache_canon(a, "/d/warm-0"));
		assert_false(path_is_clean(unclean[i]));
		if (path_cache_canon_clean(a, unclean[i], &len) != NULL)
			fail_msg("%s: taken for clean", unclean[i]);
	}
	for (i = 0; i < sizeof clean / sizeof clean[0]; i++) {
		free(path_cache_canon(a, "/d/warm-0"));
		assert_true(path_is_clean(clean[i]));
		got = path_cache_canon_clean(a, clean[i], &len);
		want = path_cache_canon(b, clean[i]);
		assert_non_null(got);
		assert_string_equal(got, want);
		assert_int_equal(len, strlen(want));
		free(want);
	}
	path_cache_free(a);
	path_cache_free(b);
}

static void
path_cache_does_not_trust_a_listing_with_other_than_ascii(void **state)
{
	struct counting_fs c;
	struct path_fs fs = counting_fs(&c, listing_fs, true);
	struct path_cache *pc = path_cache_new(&fs);

	(void)state;
	warm(pc, "/u");
	assert_int_equal(c.lists, 1);
	/* "cafe" could be how the file system sees "café": every name
	 * under /u goes to the lstat. */
	assert_int_equal(kinds_of(pc, &c, "/u/k", PATH_MISSING), 1);
	assert_int_equal(kinds_of(pc, &c, "/u/cafe", PATH_MISSING), 1);
	path_cache_free(pc);
}

static void
path_cache_answers_alike_with_and_without_listings(void **state)
{
	static const char *const paths[] = {
		"/d/nothere", "/d/lnk", "/d/lnk/s.sock", "/d/Sock", "/d/sock",
		"/d/Sock/below", "/d/real", "/d/real/x", "/d/real/y",
		"/d/REAL/x", "/d/\xc3\xa9", "/tmp/a.sock", "/tmp", "/u/x",
		"/u/caf\xc3\xa9", "/d/missing/deeper/still", "/", "/d",
	};
	struct counting_fs c1, c2;
	struct path_fs with = counting_fs(&c1, listing_fs, true);
	struct path_fs without = counting_fs(&c2, listing_fs, false);
	struct path_cache *a = path_cache_new(&with);
	struct path_cache *b = path_cache_new(&without);
	char *x, *y;
	size_t i;

	(void)state;
	warm(a, "/d");
	warm(a, "/tmp");
	warm(a, "/u");
	warm(b, "/d");
	warm(b, "/tmp");
	warm(b, "/u");
	for (i = 0; i < sizeof paths / sizeof paths[0]; i++) {
		x = path_cache_canon(a, paths[i]);
		y = path_cache_canon(b, paths[i]);
		assert_string_equal(x, y);
		free(x);
		free(y);
		assert_int_equal(path_cache_kind(a, paths[i]),
		    path_cache_kind(b, paths[i]));
	}
	assert_int_equal(c1.lists, 3);
	assert_int_equal(c2.lists, 0);
	assert_true(c1.kinds < c2.kinds);
	path_cache_free(a);
	path_cache_free(b);
}

static void
path_fs_posix_lists_a_directory(void **state)
{
	char dir[] = "path-test.XXXXXX", file[64], *names;
	size_t len, n = 0, k;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(file, sizeof file, "%s/a.sock", dir);
	assert_int_equal(test_write_file(file, "", 0), 0);
	snprintf(file, sizeof file, "%s/Link", dir);
	assert_int_equal(symlink("a.sock", file), 0);
	names = path_fs_posix.list_dir(dir, 4096, &len, NULL);
	assert_non_null(names);
	for (k = 0; k < len; k += strlen(names + k) + 1) {
		assert_true(strcmp(names + k, "a.sock") == 0 ||
		    strcmp(names + k, "Link") == 0);
		n++;
	}
	assert_int_equal(n, 2);
	free(names);
	/* Names past max: no listing, rather than part of one. */
	assert_null(path_fs_posix.list_dir(dir, 8, &len, NULL));
	snprintf(file, sizeof file, "%s/nodir", dir);
	assert_null(path_fs_posix.list_dir(file, 4096, &len, NULL));
	unlink(file);
	snprintf(file, sizeof file, "%s/Link", dir);
	unlink(file);
	snprintf(file, sizeof file, "%s/a.sock", dir);
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
		cmocka_unit_test(path_cache_lists_a_directory_of_many_missing_names),
		cmocka_unit_test(path_cache_listing_sends_names_it_holds_to_lstat),
		cmocka_unit_test(path_cache_does_not_trust_a_listing_with_other_than_ascii),
		cmocka_unit_test(path_cache_canon_clean_refuses_unclean_paths),
		cmocka_unit_test(path_cache_answers_alike_with_and_without_listings),
		cmocka_unit_test(path_fs_posix_lists_a_directory),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
