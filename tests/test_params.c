/* SPDX-License-Identifier: ISC */
/* test_params.c: defaults, names, validation and lists of struct params. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "params.h"

static void
params_defaults_follow_the_contract(void **state)
{
	struct params p;

	(void)state;
	params_init(&p);
	assert_int_equal(p.fs_mode, FS_READ_ONLY);
	assert_int_equal(p.net_mode, NET_RESTRICTED);
	assert_true(p.include_cwd && p.include_slash_tmp && p.include_tmpdir);
	assert_int_equal(p.protected_names.n, 1);
	assert_string_equal(p.protected_names.v[0], ".git");
	assert_false(p.allow_local_binding || p.allow_all_sockets);
	assert_int_equal(p.sock_allow.n + p.sock_deny.n + p.proxy_ports.n +
	    p.writable_roots.n + p.deny_read.n, 0);
	params_clear(&p);
	params_clear(&p);	/* twice is harmless */
}

static void
params_names_round_trip(void **state)
{
	int i;

	(void)state;
	for (i = FS_READ_ONLY; i <= FS_FULL_ACCESS; i++)
		assert_int_equal(fs_mode_from_name(fs_mode_name(i)), i);
	for (i = NET_OFF; i <= NET_FULL; i++)
		assert_int_equal(net_mode_from_name(net_mode_name(i)), i);
	for (i = MATCH_SUBPATH; i <= MATCH_GLOB; i++)
		assert_int_equal(sock_match_from_name(sock_match_name(i)), i);
	for (i = ACCESS_CONNECT_BIND; i <= ACCESS_CONNECT; i++)
		assert_int_equal(sock_access_from_name(sock_access_name(i)), i);
	assert_int_equal(fs_mode_from_name("danger-full-access"), FS_FULL_ACCESS);
	assert_int_equal(fs_mode_from_name("Read-Only"), -1);
	assert_int_equal(net_mode_from_name(""), -1);
}

static void
params_check_path_names_the_problem(void **state)
{
	struct sb_error err;
	char big[PARAMS_PATH_MAX + 2];

	(void)state;
	sb_error_init(&err);
	assert_int_equal(params_check_path("/ok", 3, false, "x", &err), 0);
	assert_int_equal(params_check_path("~/ok", 4, false, "x", &err), 0);
	assert_int_equal(params_check_path("**/.env", 7, true, "x", &err), 0);
	assert_int_equal(params_check_path("**/.env", 7, false,
	    "network.unix_sockets.allow[2]", &err), -1);
	assert_string_equal(err.msg, "network.unix_sockets.allow[2]: path must "
	    "be absolute: \"**/.env\"");
	sb_error_init(&err);
	assert_int_equal(params_check_path("run/x.sock", 10, false,
	    "network.unix_sockets.allow[2]", &err), -1);
	assert_string_equal(err.msg, "network.unix_sockets.allow[2]: path must "
	    "be absolute: \"run/x.sock\"");
	sb_error_init(&err);
	assert_int_equal(params_check_path("", 0, false, "f", &err), -1);
	assert_string_equal(err.msg, "f: path is empty");
	sb_error_init(&err);
	assert_int_equal(params_check_path("/a\0b", 4, false, "f", &err), -1);
	assert_string_equal(err.msg, "f: path contains a NUL byte");
	sb_error_init(&err);
	memset(big, 'a', sizeof big);
	big[0] = '/';
	big[PARAMS_PATH_MAX + 1] = '\0';
	assert_int_equal(params_check_path(big, PARAMS_PATH_MAX + 1, false,
	    "f", &err), -1);
	assert_string_equal(err.msg, "f: path is 4097 bytes long (at most 4096)");
	sb_error_init(&err);
	assert_int_equal(params_check_path("~user/x", 7, false, "f", &err), -1);
	assert_string_equal(err.msg,
	    "f: only \"~/\" is expanded, not \"~user\": \"~user/x\"");
	sb_error_init(&err);
	assert_int_equal(params_check_path("~bob", 4, true, "f", &err), -1);
	assert_string_equal(err.msg,
	    "f: only \"~/\" is expanded, not \"~user\": \"~bob\"");
	sb_error_init(&err);
	assert_int_equal(params_check_path("~", 1, false, "f", &err), 0);
}

static void
params_check_port_and_name_ranges(void **state)
{
	struct sb_error err;

	(void)state;
	sb_error_init(&err);
	assert_int_equal(params_check_port(1, "p", &err), 0);
	assert_int_equal(params_check_port(65535, "p", &err), 0);
	assert_int_equal(params_check_port(0, "p", &err), -1);
	assert_string_equal(err.msg, "p: port must be 1..65535: 0");
	sb_error_init(&err);
	assert_int_equal(params_check_port(70000, "p", &err), -1);
	sb_error_init(&err);
	assert_int_equal(params_check_name(".git", 4, "n", &err), 0);
	assert_int_equal(params_check_name("a/b", 3, "n", &err), -1);
	assert_string_equal(err.msg, "n: a name cannot contain '/' or NUL: \"a/b\"");
	sb_error_init(&err);
	assert_int_equal(params_check_name("..", 2, "n", &err), -1);
	sb_error_init(&err);
	assert_int_equal(params_check_name("", 0, "n", &err), -1);
}

static void
params_path_from_cli_resolves_and_cleans(void **state)
{
	struct sb_error err;
	char *p;

	(void)state;
	sb_error_init(&err);
	p = params_path_from_cli("run/../x.sock", "/Users/me/project", false,
	    "f", &err);
	assert_string_equal(p, "/Users/me/project/x.sock");
	free(p);
	p = params_path_from_cli("~/x", "/cwd", false, "f", &err);
	assert_string_equal(p, "~/x");
	free(p);
	p = params_path_from_cli("~//a/./b/", "/cwd", false, "f", &err);
	assert_string_equal(p, "~/a/b");
	free(p);
	p = params_path_from_cli("~/", "/cwd", false, "f", &err);
	assert_string_equal(p, "~");
	free(p);
	/* Above the home directory only $HOME can say: kept as typed. */
	p = params_path_from_cli("~/../shared", "/cwd", false, "f", &err);
	assert_string_equal(p, "~/../shared");
	free(p);
	p = params_path_from_cli("//tmp//x/", "/cwd", false, "f", &err);
	assert_string_equal(p, "/tmp/x");
	free(p);
	p = params_path_from_cli("**/.env", "/cwd", true, "f", &err);
	assert_string_equal(p, "**/.env");
	free(p);
	assert_null(params_path_from_cli("", "/cwd", false, "--x", &err));
	assert_string_equal(err.msg, "--x: path is empty");
}

static void
params_copy_is_deep_and_equal(void **state)
{
	struct params a, b;

	(void)state;
	params_init(&a);
	a.fs_mode = FS_WORKSPACE_WRITE;
	strlist_add(&a.writable_roots, "/w");
	strlist_add(&a.deny_read, "**/.env");
	socklist_add(&a.sock_allow, "/tmp/s", MATCH_LITERAL, ACCESS_CONNECT);
	socklist_add(&a.sock_deny, "/var/run/docker.sock", MATCH_SUBPATH,
	    ACCESS_CONNECT_BIND);
	portlist_add(&a.proxy_ports, 3128);
	params_copy(&b, &a);
	assert_true(params_equal(&a, &b));
	assert_true(a.sock_allow.v[0].path != b.sock_allow.v[0].path);
	b.sock_allow.v[0].access = ACCESS_CONNECT_BIND;
	assert_false(params_equal(&a, &b));
	b.sock_allow.v[0].access = ACCESS_CONNECT;
	portlist_remove(&b.proxy_ports, 0);
	assert_false(params_equal(&a, &b));
	params_clear(&a);
	params_clear(&b);
}

static void
params_lists_remove_in_place(void **state)
{
	struct strlist l;
	struct socklist s;

	(void)state;
	memset(&l, 0, sizeof l);
	memset(&s, 0, sizeof s);
	strlist_add(&l, "a");
	strlist_add(&l, "b");
	strlist_add(&l, "c");
	strlist_remove(&l, 1);
	assert_int_equal(l.n, 2);
	assert_string_equal(l.v[1], "c");
	socklist_add(&s, "/x", MATCH_GLOB, ACCESS_CONNECT);
	socklist_add(&s, "/y", MATCH_SUBPATH, ACCESS_CONNECT);
	socklist_remove(&s, 0);
	assert_int_equal(s.n, 1);
	assert_string_equal(s.v[0].path, "/y");
	strlist_clear(&l);
	socklist_clear(&s);
}

int
main(void)
{
	static const struct CMUnitTest tests[] = {
		cmocka_unit_test(params_defaults_follow_the_contract),
		cmocka_unit_test(params_names_round_trip),
		cmocka_unit_test(params_check_path_names_the_problem),
		cmocka_unit_test(params_check_port_and_name_ranges),
		cmocka_unit_test(params_path_from_cli_resolves_and_cleans),
		cmocka_unit_test(params_copy_is_deep_and_equal),
		cmocka_unit_test(params_lists_remove_in_place),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
