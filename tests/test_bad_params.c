/* SPDX-License-Identifier: ISC */
/* test_bad_params.c: every bad params file fails with its exact message. */
#include "config.h"

#include <sys/stat.h>

#include <dirent.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "helpers.h"
#include "params-json.h"
#include "xmalloc.h"

/*
 * tests/bad/<case>/params.json fails to load with the message in
 * tests/bad/<case>/error, which names the file as a command line run from
 * the top of the source tree would ("tests/bad/<case>/params.json"). The
 * table, not readdir(3), sets the order; a test checks that it is complete.
 */
static const char *const cases[] = {
	/* syntax, as cJSON finds it */
	"empty-file",
	"whitespace-only",
	"syntax-truncated",
	"syntax-trailing-comma-object",
	"syntax-trailing-comma-array",
	"syntax-garbage-after-value",
	"syntax-missing-colon",
	"syntax-unterminated-string",
	"syntax-single-quotes",
	"syntax-lone-surrogate",
	"syntax-nested-too-deep",
	/* syntax that cJSON lets through and RFC 8259 does not */
	"syntax-leading-zero",
	"syntax-raw-newline-in-string",
	"syntax-bad-hex-escape",
	"syntax-control-byte-as-space",
	"nul-byte-in-file",
	"not-utf8",
	"not-utf8-overlong",
	/* the top level and the version */
	"top-level-array",
	"top-level-string",
	"version-missing",
	"version-2",
	"version-string",
	"version-fraction",
	"version-2-with-new-keys",
	/* wrong types at several depths */
	"type-filesystem-string",
	"type-include-cwd-string",
	"type-writable-roots-string",
	"type-protected-name-number",
	"type-network-mode-bool",
	"type-unix-sockets-array",
	"type-allow-all-null",
	"type-socket-entry-number",
	"type-socket-path-array",
	/* unknown and duplicate keys */
	"unknown-key-top",
	"unknown-key-filesystem",
	"unknown-key-unix-sockets",
	"unknown-key-socket-entry",
	"unknown-key-odd-name",
	"duplicate-key",
	"duplicate-key-escaped",
	/* paths and names */
	"relative-writable-root",
	"relative-deny-read",
	"relative-socket-allow",
	"relative-socket-allow-object",
	"relative-socket-deny",
	"relative-socket-glob",
	"tilde-user-path",
	"empty-path",
	"nul-in-path",
	"nul-in-key",
	"path-too-long",
	"socket-object-without-path",
	"protected-name-slash",
	"protected-name-dotdot",
	/* ports */
	"port-zero",
	"port-70000",
	"port-negative",
	"port-fraction",
	"port-string",
	"port-huge",
	/* names of modes */
	"bad-fs-mode",
	"bad-net-mode",
	"bad-match",
	"bad-access",
	"bad-mode-hostile-value",
};

#define NCASES (sizeof cases / sizeof cases[0])

/* Params that differ from the defaults, so "unchanged" means something. */
static void
sentinel(struct params *p)
{
	params_init(p);
	p->fs_mode = FS_WORKSPACE_WRITE;
	p->net_mode = NET_OFF;
	strlist_add(&p->writable_roots, "/sentinel");
	socklist_add(&p->sock_deny, "/sentinel.sock", MATCH_LITERAL,
	    ACCESS_CONNECT);
	portlist_add(&p->proxy_ports, 7);
}

/* Loads path, which must fail with exactly want and leave the params be. */
static bool
fails_with(const char *path, const char *want)
{
	struct params p, before;
	struct sb_error err;
	bool ok = true;

	sentinel(&p);
	params_copy(&before, &p);
	sb_error_init(&err);
	if (params_json_load(path, &p, &err) != -1) {
		print_error("%s: loaded without an error\n", path);
		ok = false;
	} else if (strcmp(err.msg, want) != 0) {
		print_error("%s:\n  want: %s\n  got:  %s\n", path, want,
		    err.msg);
		ok = false;
	}
	if (!params_equal(&p, &before)) {
		print_error("%s: the params were changed\n", path);
		ok = false;
	}
	params_clear(&p);
	params_clear(&before);
	return ok;
}

static void
params_json_rejects_every_bad_case(void **state)
{
	char *rel, *path, *want;
	size_t i, n, failed = 0;

	(void)state;
	for (i = 0; i < NCASES; i++) {
		xasprintf(&rel, "tests/bad/%s/error", cases[i]);
		path = test_srcpath(rel);
		want = test_slurp(path, NULL);
		free(path);
		free(rel);
		if (want == NULL) {
			print_error("%s: no error file\n", cases[i]);
			failed++;
			continue;
		}
		n = strlen(want);
		while (n > 0 && want[n - 1] == '\n')
			want[--n] = '\0';
		/* The file name is given as it is reached from here. */
		xasprintf(&rel, "tests/bad/%s/params.json", cases[i]);
		path = test_srcpath(rel);
		free(rel);
		xasprintf(&rel, "%s/%s", test_srcdir(), want);
		if (!fails_with(path, rel))
			failed++;
		free(rel);
		free(path);
		free(want);
	}
	assert_int_equal(failed, 0);
}

static int
cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The table is the order; this only makes sure it misses no directory. */
static void
params_json_bad_case_table_is_complete(void **state)
{
	struct dirent *de;
	DIR *d;
	char *dir, *names[NCASES];
	size_t i, found = 0;

	(void)state;
	for (i = 0; i < NCASES; i++)
		names[i] = (char *)cases[i];
	qsort(names, NCASES, sizeof names[0], cmp_names);
	for (i = 1; i < NCASES; i++) {
		if (strcmp(names[i - 1], names[i]) == 0)
			fail_msg("case listed twice: %s", names[i]);
	}
	dir = test_srcpath("tests/bad");
	assert_non_null(d = opendir(dir));
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		if (bsearch(&(const char *){ de->d_name }, names, NCASES,
		    sizeof names[0], cmp_names) == NULL)
			fail_msg("tests/bad/%s is not in the table", de->d_name);
		found++;
	}
	closedir(d);
	free(dir);
	assert_int_equal(found, NCASES);
}

/* Cases that cannot be fixed files: they are made here, in the build dir. */

static void
params_json_rejects_a_directory(void **state)
{
	char *dir, *want;

	(void)state;
	dir = test_srcpath("tests/bad");
	xasprintf(&want, "%s: is a directory", dir);
	assert_true(fails_with(dir, want));
	free(want);
	free(dir);
}

static void
params_json_rejects_a_missing_file(void **state)
{
	(void)state;
	assert_true(fails_with("no-such-params.json",
	    "no-such-params.json: No such file or directory"));
}

static void
params_json_rejects_an_unreadable_file(void **state)
{
	const char *path = "unreadable-params.json";
	struct params p;
	struct sb_error err;

	(void)state;
	assert_int_equal(test_write_file(path, "{\"version\": 1}", 14), 0);
	assert_int_equal(chmod(path, 0), 0);
	if (geteuid() != 0) {
		assert_true(fails_with(path,
		    "unreadable-params.json: Permission denied"));
	} else {
		/* root reads it anyway: then it must simply load. */
		params_init(&p);
		sb_error_init(&err);
		assert_int_equal(params_json_load(path, &p, &err), 0);
		params_clear(&p);
	}
	unlink(path);
}

static void
params_json_rejects_a_huge_file(void **state)
{
	const char *path = "huge-params.json";
	int fd;

	(void)state;
	/* Sparse: 16 MiB + 1 of NUL bytes costs no disk and is refused
	 * by size before a byte of it is read. */
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	assert_true(fd != -1);
	assert_int_equal(ftruncate(fd, (off_t)PARAMS_JSON_FILE_MAX + 1), 0);
	close(fd);
	assert_true(fails_with(path,
	    "huge-params.json: larger than 16777216 bytes"));
	unlink(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(params_json_rejects_every_bad_case),
		cmocka_unit_test(params_json_bad_case_table_is_complete),
		cmocka_unit_test(params_json_rejects_a_directory),
		cmocka_unit_test(params_json_rejects_a_missing_file),
		cmocka_unit_test(params_json_rejects_an_unreadable_file),
		cmocka_unit_test(params_json_rejects_a_huge_file),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
