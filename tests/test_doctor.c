/* SPDX-License-Identifier: ISC */
/*
 * test_doctor.c: the checks of `sbpolicy doctor` on fakes: a fake
 * sandbox-exec (launch_ops whose spawn plays each probe script's part, a
 * refusal or not) and fake probes (directories, a listener, log stream), on
 * the fake macOS file system of the golden cases. Every check passing,
 * then each one failing with its message.
 */
#include "config.h"

#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "doctor.h"
#include "helpers.h"
#include "launch.h"
#include "params.h"
#include "xmalloc.h"

#define FAKE_SANDBOX_EXEC	"/fake/usr/bin/sandbox-exec"
#define TMPDIR			"/var/folders/xy/T/"

/* What the fakes do, and what they saw. */
struct fake {
	const char	*sysname;
	bool		 no_sandbox_exec;
	bool		 no_nc;
	bool		 no_log;
	int		 sandboxed;
	int		 load_status;	/* /usr/bin/true under the profile */
	int		 nested_status;
	int		 write_inside;	/* the write script's status */
	bool		 write_leaks;	/* ... and the file is there */
	int		 write_outside;
	int		 connect_inside;
	int		 connect_outside;
	bool		 make_dir_fails;
	bool		 listen_fails;
	bool		 log_fails;
	/* seen */
	int		 status;	/* for the next wait */
	int		 ninside;
	int		 noutside;
	int		 ndirs;
	int		 nremoved;
	int		 nlisten;
	int		 nunlisten;
	int		 nlog;
	bool		 profile_passed;	/* every inside run had -p */
	char		*written[8];
	size_t		 nwritten;
	char		*dirs[4];
};

static struct fake fk;

static void
fake_written(const char *path)
{
	if (fk.nwritten < 8)
		fk.written[fk.nwritten++] = xstrdup(path);
}

static bool
fake_is_present(const char *path, void *arg)
{
	(void)arg;
	if (strcmp(path, FAKE_SANDBOX_EXEC) == 0)
		return !fk.no_sandbox_exec;
	if (strcmp(path, DOCTOR_NC) == 0)
		return !fk.no_nc;
	if (strcmp(path, "/usr/bin/log") == 0)
		return !fk.no_log;
	return true;
}

static int
fake_is_sandboxed(void *arg)
{
	(void)arg;
	return fk.sandboxed;
}

static int
fake_find_command(const char *cmd, const char *path_env, const char *cwd,
    void *arg)
{
	(void)cmd;
	(void)path_env;
	(void)cwd;
	(void)arg;
	return 0;
}

static char *
fake_temp_create(const char *dir, const char *data, size_t len,
    struct sb_error *err, void *arg)
{
	(void)dir;
	(void)data;
	(void)len;
	(void)arg;
	sb_error_set(err, SB_EIO, "fake: no temp files here");
	return NULL;
}

static int
fake_temp_remove(const char *path, void *arg)
{
	(void)path;
	(void)arg;
	return 0;
}

/* The status a probe gets: what the script would exit with. */
static int
play(char *const cmd[], bool inside)
{
	if (strcmp(cmd[0], DOCTOR_TRUE) == 0)
		return inside ? fk.load_status : 0;
	assert_string_equal(cmd[0], DOCTOR_SH);
	assert_non_null(cmd[4]);
	if (strcmp(cmd[4], FAKE_SANDBOX_EXEC) == 0) {
		assert_true(inside);
		return fk.nested_status;
	}
	if (strcmp(cmd[4], DOCTOR_NC) == 0) {
		assert_string_equal(cmd[5], "-U");
		return inside ? fk.connect_inside : fk.connect_outside;
	}
	/* The write script: sh -c SCRIPT sh PATH. */
	assert_null(cmd[5]);
	if (inside) {
		if (fk.write_leaks)
			fake_written(cmd[4]);
		return fk.write_inside;
	}
	if (fk.write_outside == 0)
		fake_written(cmd[4]);
	return fk.write_outside;
}

static pid_t
fake_spawn(const struct launch_exec *e, struct launch_failure *f, void *arg)
{
	size_t i;

	(void)f;
	(void)arg;
	if (strcmp(e->path, FAKE_SANDBOX_EXEC) == 0) {
		fk.ninside++;
		if (strcmp(e->argv[1], "-p") != 0)
			fk.profile_passed = false;
		for (i = 1; e->argv[i] != NULL; i++) {
			if (strcmp(e->argv[i], "--") == 0)
				break;
		}
		assert_non_null(e->argv[i]);
		fk.status = play(&e->argv[i + 1], true);
	} else {
		fk.noutside++;
		fk.status = play(e->argv, false);
	}
	return 4242;
}

static int
fake_wait(pid_t pid, struct launch_status *st, void *arg)
{
	(void)arg;
	assert_int_equal(pid, 4242);
	st->signaled = false;
	st->value = fk.status;
	return 0;
}

static int
fake_send_signal(pid_t pid, int sig, void *arg)
{
	(void)pid;
	(void)sig;
	(void)arg;
	return 0;
}

static const struct launch_ops fake_ops = {
	FAKE_SANDBOX_EXEC,
	fake_is_present,
	fake_is_sandboxed,
	fake_find_command,
	fake_temp_create,
	fake_temp_remove,
	fake_spawn,
	fake_wait,
	fake_send_signal,
	NULL,
	NULL,
};

static const char *
fake_sysname(void *arg)
{
	(void)arg;
	return fk.sysname;
}

static char *
fake_make_dir(const char *parent, struct sb_error *err, void *arg)
{
	char *path;
	size_t n = strlen(parent);

	(void)arg;
	if (fk.make_dir_fails) {
		sb_error_set(err, SB_EIO, "fake: cannot create a directory in "
		    "%s", parent);
		return NULL;
	}
	xasprintf(&path, "%.*s/sbpolicy-doctor.%d", (int)(n > 1 &&
	    parent[n - 1] == '/' ? n - 1 : n), parent, fk.ndirs);
	if (fk.ndirs < 4)
		fk.dirs[fk.ndirs] = xstrdup(path);
	fk.ndirs++;
	return path;
}

static void
fake_remove_dir(const char *dir, void *arg)
{
	(void)dir;
	(void)arg;
	fk.nremoved++;
}

static bool
fake_exists(const char *path, void *arg)
{
	size_t i;

	(void)arg;
	for (i = 0; i < fk.nwritten; i++) {
		if (strcmp(fk.written[i], path) == 0)
			return true;
	}
	return false;
}

static long
fake_listen(const char *path, struct sb_error *err, void *arg)
{
	(void)arg;
	fk.nlisten++;
	if (fk.listen_fails) {
		sb_error_set(err, SB_EIO, "cannot listen at %s: fake", path);
		return -1;
	}
	return 77;
}

static void
fake_unlisten(long h, void *arg)
{
	(void)arg;
	assert_int_equal(h, 77);
	fk.nunlisten++;
}

static int
fake_log_ready(const char *tmpdir, struct sb_error *err, void *arg)
{
	(void)tmpdir;
	(void)arg;
	fk.nlog++;
	if (fk.log_fails) {
		sb_error_set(err, SB_EIO, "/usr/bin/log exited before it was "
		    "ready: log: Must be admin to run 'stream' command");
		return -1;
	}
	return 0;
}

static const struct doctor_probes fake_probes = {
	&fake_ops,
	fake_sysname,
	fake_make_dir,
	fake_remove_dir,
	fake_exists,
	fake_listen,
	fake_unlisten,
	fake_log_ready,
	NULL,
};

static void
fake_reset(void)
{
	size_t i;

	for (i = 0; i < fk.nwritten; i++)
		free(fk.written[i]);
	for (i = 0; i < 4; i++)
		free(fk.dirs[i]);
	memset(&fk, 0, sizeof fk);
	fk.sysname = "Darwin";
	fk.nested_status = 1;
	fk.write_inside = DOCTOR_REFUSED;
	fk.connect_inside = DOCTOR_REFUSED;
	fk.profile_passed = true;
}

static int
setup(void **state)
{
	(void)state;
	fake_reset();
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	fake_reset();
	return 0;
}

/* The fixture: a policy (the defaults unless changed), its context, and
 * the report of the last run. */
static struct params		 pol;
static struct gen_ctx		 ctx;
static struct doctor_report	 rep;
static const char		*tmpdir = TMPDIR;

/* A real directory for the real probes. */
static const char *
test_tmpdir(void)
{
	const char *t = getenv("TMPDIR");

	return t != NULL && t[0] == '/' ? t : "/tmp";
}

static void
policy_begin(void)
{
	params_init(&pol);
	test_macos_ctx(&ctx);
	memset(&rep, 0, sizeof rep);
	tmpdir = TMPDIR;
}

static int
run_doctor(void)
{
	struct doctor_spec sp;
	char *envp[] = { (char *)"PATH=/usr/bin:/bin", NULL };

	memset(&sp, 0, sizeof sp);
	sp.params = &pol;
	sp.ctx = &ctx;
	sp.envp = envp;
	sp.tmpdir = tmpdir;
	doctor_run(&fake_probes, &sp, &rep);
	return doctor_exit(&rep);
}

static void
policy_end(void)
{
	doctor_report_clear(&rep);
	params_clear(&pol);
}

/* The check called name, which must be there. */
static const struct doctor_check *
check(const char *name)
{
	size_t i;

	for (i = 0; i < rep.n; i++) {
		if (strcmp(rep.checks[i].name, name) == 0)
			return &rep.checks[i];
	}
	fail_msg("no check %s", name);
	return NULL;
}

static bool
has_check(const char *name)
{
	size_t i;

	for (i = 0; i < rep.n; i++) {
		if (strcmp(rep.checks[i].name, name) == 0)
			return true;
	}
	return false;
}

/* name has status st and its what holds text. */
static void
assert_check(const char *name, enum doctor_status st, const char *text)
{
	const struct doctor_check *c = check(name);

	if (c->status != st || strstr(c->what, text) == NULL)
		fail_msg("%s: %s: %s; wanted %s with \"%s\"", name,
		    doctor_status_name(c->status), c->what,
		    doctor_status_name(st), text);
	/* A failure says what to do, or is its own instruction. */
	if (st != DOCTOR_FAIL)
		assert_null(c->fix);
}

static void
assert_fix(const char *name, const char *text)
{
	const struct doctor_check *c = check(name);

	assert_non_null(c->fix);
	if (strstr(c->fix, text) == NULL)
		fail_msg("%s: fix \"%s\" lacks \"%s\"", name, c->fix, text);
}

/* Every directory made was removed, and every listener stopped. */
static void
assert_tidy(void)
{
	assert_int_equal(fk.nremoved, fk.ndirs);
	assert_int_equal(fk.nunlisten, fk.nlisten);
}

/* --- every check passing ------------------------------------------------- */

static void
test_all_pass(void **state)
{
	static const char *const order[] = { "params", "sockets", "lint",
	    "sandbox-exec", "nesting", "loads", "write", "connect", "log" };
	size_t i;

	(void)state;
	policy_begin();
	assert_int_equal(run_doctor(), DOCTOR_EXIT_OK);
	assert_int_equal(rep.n, sizeof order / sizeof order[0]);
	for (i = 0; i < rep.n; i++) {
		assert_string_equal(rep.checks[i].name, order[i]);
		if (rep.checks[i].status != DOCTOR_OK)
			fail_msg("%s: %s", rep.checks[i].name,
			    rep.checks[i].what);
	}
	assert_true(rep.macos);
	assert_check("params", DOCTOR_OK, "valid");
	assert_check("sockets", DOCTOR_OK, "no socket paths");
	assert_check("lint", DOCTOR_OK, "lints clean");
	assert_check("sandbox-exec", DOCTOR_OK, FAKE_SANDBOX_EXEC);
	assert_check("nesting", DOCTOR_OK, "not inside a sandbox");
	assert_check("loads", DOCTOR_OK, "ran /usr/bin/true");
	/* Read-only: the private directory under $TMPDIR is not writable. */
	assert_check("write", DOCTOR_OK, "\"" TMPDIR "sbpolicy-doctor.0/"
	    "written-inside\", outside the writable roots, was refused");
	assert_check("connect", DOCTOR_OK, "\"" TMPDIR "sbpolicy-doctor.0/"
	    "doctor.sock\", which the policy does not allow, was refused");
	assert_check("log", DOCTOR_OK, "log stream started");
	/* nesting, loads, write, connect under the profile; write and
	 * connect outside too, first. */
	assert_int_equal(fk.ninside, 4);
	assert_int_equal(fk.noutside, 2);
	assert_true(fk.profile_passed);
	assert_int_equal(fk.ndirs, 1);
	assert_int_equal(fk.nlisten, 1);
	assert_int_equal(fk.nlog, 1);
	assert_tidy();
	policy_end();
}

/* workspace-write makes $TMPDIR writable: the write goes to $HOME. */
static void
test_write_in_home(void **state)
{
	(void)state;
	policy_begin();
	pol.fs_mode = FS_WORKSPACE_WRITE;
	assert_int_equal(run_doctor(), DOCTOR_EXIT_OK);
	assert_check("write", DOCTOR_OK, "\"/Users/me/sbpolicy-doctor.1/"
	    "written-inside\", outside the writable roots, was refused");
	assert_int_equal(fk.ndirs, 2);
	assert_tidy();
	policy_end();
}

/* Nothing to refuse is not a failure: skipped, with why. */
static void
test_nothing_to_refuse(void **state)
{
	(void)state;
	policy_begin();
	pol.fs_mode = FS_FULL_ACCESS;
	pol.allow_all_sockets = true;
	assert_int_equal(run_doctor(), DOCTOR_EXIT_OK);
	assert_check("write", DOCTOR_SKIP, "the policy lets \""
	    TMPDIR "sbpolicy-doctor.0\" and \"/Users/me/sbpolicy-doctor.1\" "
	    "be written");
	assert_check("connect", DOCTOR_SKIP, "the policy allows connecting "
	    "to \"/private" TMPDIR "sbpolicy-doctor.0/doctor.sock\"");
	assert_int_equal(fk.nlisten, 0);
	assert_int_equal(fk.noutside, 0);
	assert_tidy();
	policy_end();
}

/* --- not macOS ------------------------------------------------------------ */

static void
test_not_macos(void **state)
{
	(void)state;
	policy_begin();
	fk.sysname = "Linux";
	assert_int_equal(run_doctor(), DOCTOR_EXIT_NOT_MACOS);
	assert_false(rep.macos);
	assert_int_equal(rep.n, 4);
	assert_check("params", DOCTOR_OK, "valid");
	assert_check("lint", DOCTOR_OK, "lints clean");
	assert_check("sandbox", DOCTOR_SKIP, "enforcement needs macOS, and "
	    "this is Linux");
	/* Nothing run, nothing made. */
	assert_int_equal(fk.ninside + fk.noutside, 0);
	assert_int_equal(fk.ndirs, 0);
	assert_int_equal(fk.nlog, 0);
	policy_end();
}

/* A failure elsewhere still fails: 1, not 3. */
static void
test_not_macos_lint_fails(void **state)
{
	char path[160];

	(void)state;
	policy_begin();
	fk.sysname = "Linux";
	memset(path, 'a', sizeof path - 1);
	path[0] = '/';
	path[sizeof path - 1] = '\0';
	socklist_add(&pol.sock_allow, path, MATCH_LITERAL, ACCESS_CONNECT);
	assert_int_equal(run_doctor(), DOCTOR_EXIT_FAILED);
	assert_check("params", DOCTOR_OK, "valid, with a warning");
	assert_check("sockets", DOCTOR_FAIL, "network.unix_sockets.allow[0] "
	    "\"/aaa");
	assert_check("sockets", DOCTOR_FAIL, "is 159 bytes in its canonical "
	    "form, more than the 103");
	assert_fix("sockets", "use a shorter one");
	assert_check("lint", DOCTOR_FAIL, "[socket-path-length]");
	assert_check("lint", DOCTOR_FAIL, "1 finding; the first: profile:");
	assert_fix("lint", "sbpolicy lint -");
	assert_check("sandbox", DOCTOR_SKIP, "needs macOS");
	policy_end();
}

/*
 * A Linux file system: /tmp and /var are directories, /var/run links to
 * /run. Off macOS the checks read the profile as a Mac would, with /tmp
 * as /private/tmp, whatever this one says.
 */
static const struct test_fs_entry linux_fs[] = {
	{ "/tmp", 'd', NULL },
	{ "/tmp/proj", 'd', NULL },
	{ "/tmp/proj/.git", 'd', NULL },
	{ "/var", 'd', NULL },
	{ "/var/tmp", 'd', NULL },
	{ "/run", 'd', NULL },
	{ "/var/run", 'l', "/run" },
	{ "/home", 'd', NULL },
	{ "/home/me", 'd', NULL },
	{ "/home/me/tmp", 'l', "/tmp" },
	{ NULL, 0, NULL },
};
static struct path_fs linux_path_fs;

static void
linux_begin(void)
{
	policy_begin();
	fk.sysname = "Linux";
	linux_path_fs = test_fs(linux_fs);
	ctx.cwd = "/tmp/proj";
	ctx.home = "/home/me";
	ctx.tmpdir = "/var/tmp";
	ctx.fs = &linux_path_fs;
	tmpdir = "/var/tmp";
}

/* Paths under /tmp (the cwd, /tmp, a socket, a link into it) lint clean,
 * as they do on a Mac, where the generator writes /private/tmp: exit 3. */
static void
test_not_macos_tmp_paths(void **state)
{
	(void)state;
	linux_begin();
	pol.fs_mode = FS_WORKSPACE_WRITE;
	strlist_add(&pol.writable_roots, "~/tmp/out");
	strlist_add(&pol.deny_read, "/tmp/proj/secrets");
	socklist_add(&pol.sock_allow, "/tmp/.s.PGSQL.5432", MATCH_SUBPATH,
	    ACCESS_CONNECT_BIND);
	socklist_add(&pol.sock_deny, "/var/run/docker.sock", MATCH_LITERAL,
	    ACCESS_CONNECT_BIND);
	assert_int_equal(run_doctor(), DOCTOR_EXIT_NOT_MACOS);
	assert_check("params", DOCTOR_OK, "valid");
	assert_check("sockets", DOCTOR_OK, "2 socket paths fit sun_path");
	assert_check("lint", DOCTOR_OK, "lints clean");
	assert_check("sandbox", DOCTOR_SKIP, "read the profile as macOS does");
	assert_int_equal(fk.ninside + fk.noutside, 0);
	policy_end();
}

/* sun_path is judged on the macOS path, 8 bytes longer under /tmp and
 * /var (here /var/run would be the shorter /run). */
static void
test_not_macos_socket_length(void **state)
{
	char path[128];

	(void)state;
	linux_begin();
	/* 104 bytes as written, 100 as /run/..., 112 as /private/var/run. */
	memset(path, 'a', sizeof path);
	memcpy(path, "/var/run/", 9);
	memcpy(path + 99, ".sock", 6);
	socklist_add(&pol.sock_allow, path, MATCH_LITERAL, ACCESS_CONNECT);
	assert_int_equal(run_doctor(), DOCTOR_EXIT_FAILED);
	assert_check("sockets", DOCTOR_FAIL, "is 112 bytes in its canonical "
	    "form, more than the 103");
	doctor_report_clear(&rep);
	socklist_clear(&pol.sock_allow);
	/* 97 bytes under /tmp: 105 on a Mac. */
	memset(path, 'b', sizeof path);
	memcpy(path, "/tmp/", 5);
	memcpy(path + 92, ".sock", 6);
	socklist_add(&pol.sock_allow, path, MATCH_LITERAL, ACCESS_CONNECT);
	assert_int_equal(run_doctor(), DOCTOR_EXIT_FAILED);
	assert_check("sockets", DOCTOR_FAIL, "is 105 bytes");
	doctor_report_clear(&rep);
	socklist_clear(&pol.sock_allow);
	/* 95 bytes: 103 on a Mac, which fits. */
	path[90] = '\0';
	strcat(path, ".sock");
	socklist_add(&pol.sock_allow, path, MATCH_LITERAL, ACCESS_CONNECT);
	assert_int_equal(run_doctor(), DOCTOR_EXIT_NOT_MACOS);
	assert_check("sockets", DOCTOR_OK, "1 socket path fits");
	policy_end();
}

/* --- the checks anywhere, failing ---------------------------------------- */

static void
test_params_fail(void **state)
{
	(void)state;
	policy_begin();
	ctx.home = NULL;
	pol.fs_mode = FS_WORKSPACE_WRITE;
	strlist_add(&pol.writable_roots, "~/work");
	assert_int_equal(run_doctor(), DOCTOR_EXIT_FAILED);
	assert_check("params", DOCTOR_FAIL, "no profile can be made: ");
	assert_fix("params", "correct the params file");
	assert_check("sockets", DOCTOR_SKIP, "no profile");
	assert_check("lint", DOCTOR_SKIP, "no profile");
	assert_check("loads", DOCTOR_SKIP, "no profile");
	assert_int_equal(fk.ninside + fk.noutside, 0);
	policy_end();
}

/* A glob's shortest match is its directories before the wildcard; a deny
 * entry counts too. */
static void
test_sockets(void **state)
{
	char path[200];

	(void)state;
	policy_begin();
	fk.sysname = "Linux";
	socklist_add(&pol.sock_allow, "/tmp/a.sock", MATCH_LITERAL,
	    ACCESS_CONNECT);
	socklist_add(&pol.sock_allow, "/Users/me/**/x.sock", MATCH_GLOB,
	    ACCESS_CONNECT);
	assert_int_equal(run_doctor(), DOCTOR_EXIT_NOT_MACOS);
	assert_check("sockets", DOCTOR_OK, "2 socket paths fit sun_path "
	    "(104 bytes with its NUL)");
	doctor_report_clear(&rep);
	memset(path, 'b', sizeof path - 1);
	memcpy(path, "/Users/", 7);
	memcpy(path + 120, "/**/x.sock", 11);
	socklist_add(&pol.sock_deny, path, MATCH_GLOB, ACCESS_CONNECT_BIND);
	run_doctor();
	assert_check("sockets", DOCTOR_FAIL, "network.unix_sockets.deny[0]");
	assert_check("sockets", DOCTOR_FAIL, "is 120 bytes");
	policy_end();
}

/* --- the macOS checks, each failing -------------------------------------- */

static void
test_no_sandbox_exec(void **state)
{
	(void)state;
	policy_begin();
	fk.no_sandbox_exec = true;
	assert_int_equal(run_doctor(), DOCTOR_EXIT_FAILED);
	assert_check("sandbox-exec", DOCTOR_FAIL, FAKE_SANDBOX_EXEC);
	assert_fix("sandbox-exec", "ships with macOS");
	assert_false(has_check("nesting"));
	assert_check("loads", DOCTOR_SKIP, "needs the profile to run");
	assert_check("write", DOCTOR_SKIP, "needs the profile to run");
	assert_check("connect", DOCTOR_SKIP, "needs the profile to run");
	/* log stream does not need sandbox-exec. */
	assert_check("log", DOCTOR_OK, "log stream started");
	assert_int_equal(fk.ninside + fk.noutside, 0);
	policy_end();
}

static void
test_nested(void **state)
{
	(void)state;
	policy_begin();
	fk.sandboxed = 1;
	assert_int_equal(run_doctor(), DOCTOR_EXIT_FAILED);
	assert_check("nesting", DOCTOR_FAIL, "this process already runs "
	    "inside a sandbox, and macOS applies no second profile");
	assert_fix("nesting", "outside any sandbox");
	assert_check("loads", DOCTOR_SKIP, "needs the profile");
	assert_check("write", DOCTOR_SKIP, "needs the profile");
	assert_int_equal(fk.ninside + fk.noutside, 0);
	policy_end();
}

/* A profile applied inside that works is news, not a failure. */
static void
test_nested_allowed(void **state)
{
	(void)state;
	policy_begin();
	fk.nested_status = 0;
	assert_int_equal(run_doctor(), DOCTOR_EXIT_OK);
	assert_check("nesting", DOCTOR_OK, "even applied a profile inside");
	policy_end();
}

static void
test_load_fails(void **state)
{
	(void)state;
	policy_begin();
	fk.load_status = 65;
	assert_int_equal(run_doctor(), DOCTOR_EXIT_FAILED);
	assert_check("loads", DOCTOR_FAIL, "sandbox-exec exited 65 running "
	    "/usr/bin/true under the profile");
	assert_fix("loads", "sandbox-exec's message above");
	assert_check("write", DOCTOR_SKIP, "needs the profile");
	assert_check("connect", DOCTOR_SKIP, "needs the profile");
	assert_check("log", DOCTOR_OK, "");
	assert_int_equal(fk.noutside, 0);
	policy_end();
}

static void
test_write_leaks(void **state)
{
	(void)state;
	policy_begin();
	fk.write_inside = 0;
	fk.write_leaks = true;
	assert_int_equal(run_doctor(), DOCTOR_EXIT_FAILED);
	assert_check("write", DOCTOR_FAIL, "written-inside\" was written under "
	    "the profile, which denies it");
	assert_fix("write", "does not enforce the profile");
	/* The others still run. */
	assert_check("connect", DOCTOR_OK, "was refused");
	assert_tidy();
	policy_end();
}

/* Refused, yet the file is there: still a leak. */
static void
test_write_file_appears(void **state)
{
	(void)state;
	policy_begin();
	fk.write_leaks = true;
	assert_int_equal(run_doctor(), DOCTOR_EXIT_FAILED);
	assert_check("write", DOCTOR_FAIL, "was written under the profile");
	policy_end();
}

static void
test_write_outside_fails(void **state)
{
	(void)state;
	policy_begin();
	fk.write_outside = 1;
	assert_int_equal(run_doctor(), DOCTOR_EXIT_FAILED);
	assert_check("write", DOCTOR_FAIL, "/bin/sh could not write \""
	    TMPDIR "sbpolicy-doctor.0/written-outside\" even outside the "
	    "sandbox (status 1)");
	assert_fix("write", "permissions");
	/* Nothing tried inside when there is nothing to compare with. */
	assert_int_equal(fk.ninside, 3);
	policy_end();
}

/* The script could not run under the profile: not a refusal. */
static void
test_write_cannot_run(void **state)
{
	(void)state;
	policy_begin();
	fk.write_inside = 126;
	assert_int_equal(run_doctor(), DOCTOR_EXIT_FAILED);
	assert_check("write", DOCTOR_FAIL, "the write could not be tried: "
	    "/bin/sh exited 126 under the profile");
	policy_end();
}

static void
test_make_dir_fails(void **state)
{
	(void)state;
	policy_begin();
	fk.make_dir_fails = true;
	assert_int_equal(run_doctor(), DOCTOR_EXIT_FAILED);
	assert_check("write", DOCTOR_FAIL, "fake: cannot create a directory "
	    "in " TMPDIR);
	assert_fix("write", "TMPDIR");
	assert_check("connect", DOCTOR_FAIL, "fake: cannot create");
	policy_end();
}

static void
test_connect_leaks(void **state)
{
	(void)state;
	policy_begin();
	fk.connect_inside = 0;
	assert_int_equal(run_doctor(), DOCTOR_EXIT_FAILED);
	assert_check("connect", DOCTOR_FAIL, "/usr/bin/nc connected to \""
	    TMPDIR "sbpolicy-doctor.0/doctor.sock\" under the profile, which "
	    "denies it");
	assert_fix("connect", "does not enforce the profile");
	assert_check("write", DOCTOR_OK, "was refused");
	assert_tidy();
	policy_end();
}

static void
test_connect_outside_fails(void **state)
{
	(void)state;
	policy_begin();
	fk.connect_outside = 1;
	assert_int_equal(run_doctor(), DOCTOR_EXIT_FAILED);
	assert_check("connect", DOCTOR_FAIL, "/usr/bin/nc could not connect "
	    "to \"" TMPDIR "sbpolicy-doctor.0/doctor.sock\" even outside the "
	    "sandbox (status 1)");
	assert_fix("connect", "nc -U");
	assert_tidy();
	policy_end();
}

static void
test_listen_fails(void **state)
{
	(void)state;
	policy_begin();
	fk.listen_fails = true;
	assert_int_equal(run_doctor(), DOCTOR_EXIT_FAILED);
	assert_check("connect", DOCTOR_FAIL, "cannot listen at " TMPDIR
	    "sbpolicy-doctor.0/doctor.sock: fake");
	assert_int_equal(fk.nunlisten, 0);
	policy_end();
}

static void
test_no_nc(void **state)
{
	(void)state;
	policy_begin();
	fk.no_nc = true;
	assert_int_equal(run_doctor(), DOCTOR_EXIT_OK);
	assert_check("connect", DOCTOR_SKIP, "no /usr/bin/nc to connect with");
	policy_end();
}

/* The test socket itself must fit sun_path: a long $TMPDIR. */
static void
test_long_tmpdir(void **state)
{
	char dir[120];

	(void)state;
	policy_begin();
	memset(dir, 'c', sizeof dir - 1);
	memcpy(dir, "/Users/me/", 10);
	dir[sizeof dir - 1] = '\0';
	tmpdir = dir;
	assert_int_equal(run_doctor(), DOCTOR_EXIT_FAILED);
	assert_check("connect", DOCTOR_FAIL, "the test socket \"/Users/me/ccc");
	assert_check("connect", DOCTOR_FAIL, "more than sun_path's 103");
	assert_fix("connect", "shorter directory");
	assert_int_equal(fk.nlisten, 0);
	policy_end();
}

static void
test_log_fails(void **state)
{
	(void)state;
	policy_begin();
	fk.log_fails = true;
	assert_int_equal(run_doctor(), DOCTOR_EXIT_FAILED);
	assert_check("log", DOCTOR_FAIL, "Must be admin");
	assert_fix("log", "--log-denials will run the command without its "
	    "report");
	policy_end();
}

static void
test_no_log(void **state)
{
	(void)state;
	policy_begin();
	fk.no_log = true;
	assert_int_equal(run_doctor(), DOCTOR_EXIT_FAILED);
	assert_check("log", DOCTOR_FAIL, "/usr/bin/log not found");
	assert_int_equal(fk.nlog, 0);
	policy_end();
}

/* --- the real probes and scripts, on this machine ------------------------ */

/* sh -c script sh args...: the exit status. */
static int
sh_run(const char *script, const char *a1, const char *a2)
{
	pid_t pid;
	int ws;

	if ((pid = fork()) == 0) {
		execl(DOCTOR_SH, "sh", "-c", script, "sh", a1, a2,
		    (char *)NULL);
		_exit(99);
	}
	assert_true(pid > 0);
	assert_int_equal(waitpid(pid, &ws, 0), pid);
	assert_true(WIFEXITED(ws));
	return WEXITSTATUS(ws);
}

static void
test_scripts(void **state)
{
	const struct doctor_probes *pr = &doctor_probes_posix;
	struct sb_error err;
	char *dir, *file;

	(void)state;
	sb_error_init(&err);
	dir = pr->make_dir(test_tmpdir(), &err, pr->arg);
	assert_non_null(dir);
	xasprintf(&file, "%s/w", dir);
	assert_int_equal(sh_run(DOCTOR_WRITE_SCRIPT, file, NULL), 0);
	assert_true(pr->exists(file, pr->arg));
	free(file);
	/* A write that fails: refused. */
	xasprintf(&file, "%s/none/w", dir);
	assert_int_equal(sh_run(DOCTOR_WRITE_SCRIPT, file, NULL),
	    DOCTOR_REFUSED);
	free(file);
	assert_int_equal(sh_run(DOCTOR_RUN_SCRIPT, "true", NULL), 0);
	assert_int_equal(sh_run(DOCTOR_RUN_SCRIPT, "false", NULL),
	    DOCTOR_REFUSED);
	/* A program that cannot run is not a refusal. */
	assert_int_equal(sh_run(DOCTOR_RUN_SCRIPT, "/nonexistent/prog",
	    NULL), 127);
	pr->remove_dir(dir, pr->arg);
	assert_false(pr->exists(dir, pr->arg));
	free(dir);
}

static void
test_posix_probes(void **state)
{
	const struct doctor_probes *pr = &doctor_probes_posix;
	struct sockaddr_un sa;
	struct sb_error err;
	struct stat sb;
	char *dir, *sock, c;
	long h;
	int fd;

	(void)state;
	assert_non_null(pr->sysname(pr->arg));
	assert_ptr_equal(pr->launch, &launch_ops_posix);
	sb_error_init(&err);
	dir = pr->make_dir(test_tmpdir(), &err, pr->arg);
	assert_non_null(dir);
	assert_int_equal(stat(dir, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0700);
	xasprintf(&sock, "%s/" "doctor.sock", dir);
	h = pr->listen(sock, &err, pr->arg);
	assert_true(h > 0);
	assert_true(pr->exists(sock, pr->arg));
	/* A client connects, and the listener closes it at once. */
	memset(&sa, 0, sizeof sa);
	sa.sun_family = AF_UNIX;
	strcpy(sa.sun_path, sock);
	fd = socket(AF_UNIX, SOCK_STREAM, 0);
	assert_true(fd >= 0);
	assert_int_equal(connect(fd, (struct sockaddr *)&sa, sizeof sa), 0);
	assert_int_equal(read(fd, &c, 1), 0);
	close(fd);
	pr->unlisten(h, pr->arg);
	pr->remove_dir(dir, pr->arg);
	assert_false(pr->exists(dir, pr->arg));
	/* Where no directory can be made. */
	assert_null(pr->make_dir("/nonexistent/dir", &err, pr->arg));
	assert_non_null(strstr(err.msg, "cannot create a directory in "
	    "\"/nonexistent/dir\""));
	free(sock);
	free(dir);
}

static void
test_status_names(void **state)
{
	(void)state;
	assert_string_equal(doctor_status_name(DOCTOR_OK), "ok");
	assert_string_equal(doctor_status_name(DOCTOR_FAIL), "FAIL");
	assert_string_equal(doctor_status_name(DOCTOR_SKIP), "skip");
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_all_pass),
		T(test_write_in_home),
		T(test_nothing_to_refuse),
		T(test_not_macos),
		T(test_not_macos_lint_fails),
		T(test_not_macos_tmp_paths),
		T(test_not_macos_socket_length),
		T(test_params_fail),
		T(test_sockets),
		T(test_no_sandbox_exec),
		T(test_nested),
		T(test_nested_allowed),
		T(test_load_fails),
		T(test_write_leaks),
		T(test_write_file_appears),
		T(test_write_outside_fails),
		T(test_write_cannot_run),
		T(test_make_dir_fails),
		T(test_connect_leaks),
		T(test_connect_outside_fails),
		T(test_listen_fails),
		T(test_no_nc),
		T(test_long_tmpdir),
		T(test_log_fails),
		T(test_no_log),
		T(test_scripts),
		T(test_posix_probes),
		T(test_status_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
