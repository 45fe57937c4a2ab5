/* SPDX-License-Identifier: ISC */
/* test_explain.c: explain on generated and hand-written profiles: verdicts,
 * the deciding rule, the params entry behind it, fixes, output. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#ifdef HAVE_CJSON_CJSON_H
#include <cjson/cJSON.h>
#else
#include <cJSON.h>
#endif

#include "explain.h"
#include "helpers.h"
#include "sbpl-ops.h"
#include "xmalloc.h"

struct fixture {
	struct gen_ctx		 ctx;
	struct params		 p;
	struct explain_profile	 pr;
	struct explain		 x;
	struct buf		 out;
	bool			 loaded;
};

static int
setup(void **state)
{
	struct fixture *f = xcalloc(1, sizeof *f);

	test_macos_ctx(&f->ctx);
	params_init(&f->p);
	buf_init(&f->out);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	explain_clear(&f->x);
	if (f->loaded)
		explain_profile_clear(&f->pr);
	params_clear(&f->p);
	buf_clear(&f->out);
	free(f);
	return 0;
}

/* Asks f's policy; returns the verdict and leaves the text in f->out. */
static enum sbpl_verdict
ask(struct fixture *f, const char *verb, const char *target)
{
	struct sb_error err;

	sb_error_init(&err);
	explain_clear(&f->x);
	if (!f->loaded) {
		if (explain_load_params(&f->pr, &f->p, &f->ctx, &err) == -1)
			fail_msg("load: %s", err.msg);
		f->loaded = true;
	}
	if (explain_ask(&f->x, &f->pr, verb, target, &err) == -1)
		fail_msg("ask: %s", err.msg);
	buf_reset(&f->out);
	explain_text(&f->out, &f->x, &f->pr);
	return f->x.verdict;
}

static void
assert_says(const struct fixture *f, const char *text)
{
	if (strstr(buf_str(&f->out), text) == NULL)
		fail_msg("no \"%s\" in:\n%s", text, buf_str(&f->out));
}

static void
explain_names_the_deny_read_entry_and_its_fix(void **state)
{
	struct fixture *f = *state;

	f->p.fs_mode = FS_WORKSPACE_WRITE;
	strlist_add(&f->p.deny_read, "~/.ssh");
	assert_int_equal(ask(f, "read", "~/.ssh/id_ed25519"), SBPL_DENIED);
	assert_says(f, "denied: read ~/.ssh/id_ed25519\n");
	assert_says(f, "path: ~/.ssh/id_ed25519 -> /Users/me/.ssh/id_ed25519");
	assert_says(f, "from filesystem.deny_read[0] \"~/.ssh\"");
	assert_says(f, "consulted: file-read-data -> file-read*");
	assert_string_equal(f->x.fix, "remove filesystem.deny_read[0] "
	    "\"~/.ssh\"");
	/* Writing there is denied as well, by the same entry. */
	assert_int_equal(ask(f, "write", "~/.ssh/config"), SBPL_DENIED);
	assert_says(f, "from filesystem.deny_read[0] \"~/.ssh\"");
	/* Without the entry, the base reads everything. */
	assert_int_equal(ask(f, "read", "~/.ssh2/x"), SBPL_ALLOWED);
	assert_says(f, "(allow file-read*)");
	assert_says(f, "from the base policy");
}

static void
explain_names_the_socket_entry_behind_the_rule(void **state)
{
	struct fixture *f = *state;

	socklist_add(&f->p.sock_allow, "/tmp/a.sock", MATCH_SUBPATH,
	    ACCESS_CONNECT_BIND);
	socklist_add(&f->p.sock_allow, "/tmp/db.sock", MATCH_SUBPATH,
	    ACCESS_CONNECT_BIND);
	assert_int_equal(ask(f, "connect", "/tmp/db.sock"), SBPL_ALLOWED);
	assert_says(f, "path: /tmp/db.sock -> /private/tmp/db.sock");
	assert_says(f, "network-outbound: allowed by a rule that matched");
	assert_says(f, "from network.unix_sockets.allow[1] \"/tmp/db.sock\"");
	assert_says(f, "UNIX_SOCKET_PATH_1=/private/tmp/db.sock");
	/* The socket is made first: system-socket is checked too. */
	assert_int_equal(f->x.nchecks, 2);
	assert_string_equal(sbpl_op_at(f->x.checks[0].q.op)->name,
	    "system-socket");
	/* A prefix sibling is not inside the entry. */
	assert_int_equal(ask(f, "connect", "/tmp/db.sockx"), SBPL_DENIED);
	assert_string_equal(f->x.fix,
	    "--allow-unix-socket /private/tmp/db.sockx");
	assert_int_equal(ask(f, "bind", "/tmp/a.sock/inner"), SBPL_ALLOWED);
}

static void
explain_says_the_builtin_deny_wins_and_how_to_lift_it(void **state)
{
	struct fixture *f = *state;

	f->p.net_mode = NET_FULL;
	assert_int_equal(ask(f, "connect", "/var/run/docker.sock"),
	    SBPL_DENIED);
	assert_says(f, "the built-in container-socket deny of");
	assert_non_null(f->x.fix);
	assert_non_null(strstr(f->x.fix, "--no-builtin-denies"));
}

static void
explain_names_the_protected_name_that_takes_a_write_out(void **state)
{
	struct fixture *f = *state;

	f->p.fs_mode = FS_WORKSPACE_WRITE;
	assert_int_equal(ask(f, "write", "./.git/config"), SBPL_DENIED);
	assert_says(f, "path: ./.git/config -> /Users/me/project/.git/config");
	assert_says(f, "would allow it but for (subpath (param "
	    "\"WRITABLE_ROOT_0_EXCLUDED_0\"))");
	assert_says(f, "from filesystem.protected_names[0] \".git\"");
	assert_string_equal(f->x.fix,
	    "remove filesystem.protected_names[0] \".git\"");
	assert_int_equal(ask(f, "write", "./src/main.c"), SBPL_ALLOWED);
	assert_says(f, "from filesystem.include_cwd");
	/* A root itself cannot be removed or renamed. */
	assert_int_equal(ask(f, "delete", "/Users/me/project"), SBPL_DENIED);
}

static void
explain_suggests_the_smallest_option_and_checks_it(void **state)
{
	struct fixture *f = *state;

	/* Read-only: a write needs the mode and a root. */
	assert_int_equal(ask(f, "create", "/Users/me/out/x.txt"), SBPL_DENIED);
	assert_string_equal(f->x.fix, "--full-auto --writable-root "
	    "/Users/me/out");
	assert_says(f, "(checked: then allowed)");
	assert_int_equal(ask(f, "connect", "tcp:localhost:8080"), SBPL_DENIED);
	assert_string_equal(f->x.fix, "--proxy-port 8080");
	assert_int_equal(ask(f, "connect", "tcp:example.com:443"),
	    SBPL_DENIED);
	assert_string_equal(f->x.fix, "--network full");
	assert_int_equal(ask(f, "listen", "tcp:localhost:3000"), SBPL_DENIED);
	assert_string_equal(f->x.fix, "--allow-local-binding");
	/* Nothing in the policy's options opens a sysctl the base lacks. */
	assert_int_equal(ask(f, "sysctl", "kern.securelevel"), SBPL_DENIED);
	assert_null(f->x.fix);
	assert_non_null(f->x.fix_note);
}

static void
explain_is_undecidable_where_the_kernel_knows_more(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(ask(f, "read", "/dev/ttys003"), SBPL_UNDECIDABLE);
	assert_says(f, "cannot know: line");
	assert_says(f, "(extension \"com.apple.sandbox.pty\")");
	assert_int_equal(ask(f, "write", "/dev/ttys003"), SBPL_UNDECIDABLE);
	/* ioctl on a tty does not depend on it. */
	assert_int_equal(ask(f, "file-ioctl", "/dev/ttys003"), SBPL_ALLOWED);
}

static void
explain_takes_operation_names_and_refuses_nonsense(void **state)
{
	struct fixture *f = *state;
	struct sb_error err;

	f->p.fs_mode = FS_WORKSPACE_WRITE;
	assert_int_equal(ask(f, "file-write-unlink", "./a"), SBPL_ALLOWED);
	assert_int_equal(ask(f, "process-fork", NULL), SBPL_ALLOWED);
	assert_int_equal(ask(f, "lookup", "com.apple.logd"), SBPL_ALLOWED);
	sb_error_init(&err);
	explain_clear(&f->x);
	assert_int_equal(explain_ask(&f->x, &f->pr, "raed", "/x", &err), -1);
	assert_non_null(strstr(err.msg, "\"raed\": not a verb"));
	sb_error_init(&err);
	assert_int_equal(explain_ask(&f->x, &f->pr, "file-raed-data", "/x",
	    &err), -1);
	assert_non_null(strstr(err.msg, "(did you mean file-read-data?)"));
	sb_error_init(&err);
	assert_int_equal(explain_ask(&f->x, &f->pr, "read", NULL, &err), -1);
	assert_string_equal(err.msg, "read: what? (a path)");
	sb_error_init(&err);
	assert_int_equal(explain_ask(&f->x, &f->pr, "connect", "tcp:x", &err),
	    -1);
	assert_non_null(strstr(err.msg, "tcp:HOST:PORT"));
	sb_error_init(&err);
	assert_int_equal(explain_ask(&f->x, &f->pr, "connect",
	    "tcp:localhost:99999", &err), -1);
	assert_non_null(strstr(err.msg, "99999"));
}

static void
explain_reads_a_hand_written_profile_with_params(void **state)
{
	static const char text[] =
	    "(version 1)\n"
	    "(deny default)\n"
	    "(allow file-write* (subpath (param \"ROOT\")))\n"
	    "(deny file-write* (subpath (string-append (param \"ROOT\") "
	    "\"/.git\")))\n";
	struct fixture *f = *state;
	char *defs[] = { xstrdup("ROOT=/Users/me/p") };
	struct sb_error err;

	sb_error_init(&err);
	if (explain_load_text(&f->pr, "hand.sb", xstrdup(text), strlen(text),
	    defs, 1, &f->ctx, &err) == -1)
		fail_msg("%s", err.msg);
	f->loaded = true;
	assert_int_equal(ask(f, "write", "/Users/me/p/.git/config"),
	    SBPL_DENIED);
	assert_says(f, "line 4:");
	assert_null(f->x.fix);	/* not a policy of ours: no option to name */
	assert_int_equal(ask(f, "write", "/Users/me/p/src"), SBPL_ALLOWED);
	assert_says(f, "line 3:");
	assert_says(f, "ROOT=/Users/me/p");
	free(defs[0]);
}

static void
explain_refuses_a_profile_that_does_not_load(void **state)
{
	static const char text[] = "(version 1)\n(allow file-read* "
	    "(subpath (param \"ROOT\")))\n";
	struct fixture *f = *state;
	struct sb_error err;

	(void)f;
	sb_error_init(&err);
	assert_int_equal(explain_load_text(&f->pr, "hand.sb", xstrdup(text),
	    strlen(text), NULL, 0, &f->ctx, &err), -1);
	f->loaded = true;
	assert_string_equal(err.msg, "hand.sb:2:28: subpath: parameter ROOT is "
	    "not defined (pass -D ROOT=VALUE) (sbpolicy lint lists every "
	    "problem)");
}

static void
explain_json_is_one_object_with_the_checks(void **state)
{
	struct fixture *f = *state;
	cJSON *root, *checks, *c;

	socklist_add(&f->p.sock_allow, "/tmp/db.sock", MATCH_SUBPATH,
	    ACCESS_CONNECT_BIND);
	(void)ask(f, "connect", "/tmp/db.sock");
	buf_reset(&f->out);
	explain_json(&f->out, &f->x, &f->pr);
	root = cJSON_Parse(buf_str(&f->out));
	assert_non_null(root);
	assert_string_equal(cJSON_GetObjectItem(root, "verdict")->valuestring,
	    "allowed");
	assert_string_equal(cJSON_GetObjectItem(root, "path")->valuestring,
	    "/private/tmp/db.sock");
	checks = cJSON_GetObjectItem(root, "checks");
	assert_int_equal(cJSON_GetArraySize(checks), 2);
	c = cJSON_GetArrayItem(checks, 1);
	assert_string_equal(cJSON_GetObjectItem(c, "operation")->valuestring,
	    "network-outbound");
	assert_string_equal(cJSON_GetObjectItem(c, "from")->valuestring,
	    "network.unix_sockets.allow[0] \"/tmp/db.sock\"");
	assert_true(cJSON_IsNumber(cJSON_GetObjectItem(
	    cJSON_GetObjectItem(c, "rule"), "line")));
	assert_true(cJSON_IsNull(cJSON_GetObjectItem(root, "fix")));
	cJSON_Delete(root);
}

static void
explain_suggest_answers_a_denial_of_the_log(void **state)
{
	struct fixture *f = *state;
	char *fix;

	fix = explain_suggest(&f->p, &f->ctx, "network-outbound",
	    "/private/tmp/x.sock");
	assert_string_equal(fix, "--allow-unix-socket /private/tmp/x.sock");
	free(fix);
	fix = explain_suggest(&f->p, &f->ctx, "file-write-create",
	    "/Users/me/project/out.txt");
	assert_string_equal(fix, "--full-auto --writable-root "
	    "/Users/me/project");
	free(fix);
	fix = explain_suggest(&f->p, &f->ctx, "network-outbound",
	    "remote:*:443");
	assert_string_equal(fix, "--network full");
	free(fix);
	/* Allowed already, or nothing to offer: no line. */
	assert_null(explain_suggest(&f->p, &f->ctx, "file-read-data",
	    "/etc/hosts"));
	assert_null(explain_suggest(&f->p, &f->ctx, "bogus-op", "/x"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
		T(explain_names_the_deny_read_entry_and_its_fix),
		T(explain_names_the_socket_entry_behind_the_rule),
		T(explain_says_the_builtin_deny_wins_and_how_to_lift_it),
		T(explain_names_the_protected_name_that_takes_a_write_out),
		T(explain_suggests_the_smallest_option_and_checks_it),
		T(explain_is_undecidable_where_the_kernel_knows_more),
		T(explain_takes_operation_names_and_refuses_nonsense),
		T(explain_reads_a_hand_written_profile_with_params),
		T(explain_refuses_a_profile_that_does_not_load),
		T(explain_json_is_one_object_with_the_checks),
		T(explain_suggest_answers_a_denial_of_the_log),
#undef T
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
