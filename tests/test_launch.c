/* SPDX-License-Identifier: ISC */
/* test_launch.c: the sandbox-exec argv, the environment, and running it. */
#include "config.h"

#include <sys/stat.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "buf.h"
#include "format.h"
#include "gen.h"
#include "helpers.h"
#include "launch.h"
#include "params.h"
#include "proc.h"
#include "xmalloc.h"

/*
 * This program is also its own fake sandbox-exec: launched with argv[0] ==
 * LAUNCH_SANDBOX_EXEC (which is what launch_argv_new puts there), it reads
 * -p/-f/-D like the real one and then does what the "command" says instead
 * of running it. The real launcher can so be run end to end on any system.
 */
static char *self_path;

/* String literals for the char *const argv/envp vectors of the API. */
#define S(lit)	((char *)(lit))

/* --- the fake sandbox-exec ---------------------------------------------- */

static int
fake_check_file(const char *file)
{
	struct stat sb;

	if (file == NULL || stat(file, &sb) == -1)
		return 10;
	if ((sb.st_mode & 0777) != 0600)
		return 11;
	if (sb.st_size <= LAUNCH_INLINE_MAX)
		return 12;
	return 0;
}

/* An -f file in inline form, with no -D beside it: 0, else 40..43. */
static int
fake_check_inline(const char *file, int ndefs)
{
	char *text;
	size_t len;
	int r = 0;

	if (file == NULL)
		return 40;
	if (ndefs != 0)
		return 41;
	if ((text = test_slurp(file, &len)) == NULL)
		return 42;
	if (strncmp(text, "(version 1)", 11) != 0 ||
	    strstr(text, "(param ") != NULL)
		r = 43;
	free(text);
	return r;
}

static int
fake_sandbox_exec(int argc, char **argv)
{
	const char *file = NULL, *v;
	char cwd[PATH_MAX];
	pid_t parent;
	int i, ndefs = 0;

	for (i = 1; i < argc && strcmp(argv[i], "--") != 0; i++) {
		if (strcmp(argv[i], "-f") == 0 && i + 1 < argc)
			file = argv[++i];
		else if (strcmp(argv[i], "-p") == 0 && i + 1 < argc)
			i++;
		else if (strncmp(argv[i], "-D", 2) == 0)
			ndefs++;
		else
			return 64;
	}
	if (i >= argc - 1)
		return 64;
	argv += i + 1;
	if (strcmp(argv[0], "exit") == 0)
		return atoi(argv[1]);
	if (strcmp(argv[0], "kill") == 0) {
		signal(atoi(argv[1]), SIG_DFL);
		raise(atoi(argv[1]));
		return 99;
	}
	if (strcmp(argv[0], "check-file") == 0)
		return fake_check_file(file);
	if (strcmp(argv[0], "check-inline") == 0)
		return fake_check_inline(file, ndefs);
	if (strcmp(argv[0], "check-file-then-kill") == 0) {
		if (fake_check_file(file) != 0)
			return fake_check_file(file);
		raise(SIGKILL);
		return 99;
	}
	if (strcmp(argv[0], "env") == 0) {
		/* argv[1]: the expected SBPOLICY_NETWORK_DISABLED, or "-" */
		if ((v = getenv("SBPOLICY_SANDBOX")) == NULL ||
		    strcmp(v, "seatbelt") != 0)
			return 20;
		v = getenv("SBPOLICY_NETWORK_DISABLED");
		if (strcmp(argv[1], "-") == 0)
			return v == NULL ? 0 : 21;
		return v != NULL && strcmp(v, argv[1]) == 0 ? 0 : 22;
	}
	if (strcmp(argv[0], "pwd") == 0) {
		if (getcwd(cwd, sizeof cwd) == NULL ||
		    strcmp(cwd, argv[1]) != 0)
			return 30;
		v = getenv("PWD");
		return v != NULL && strcmp(v, argv[1]) == 0 ? 0 : 31;
	}
	if (strcmp(argv[0], "term-parent") == 0) {
		/*
		 * Ask someone else (not us: sbpolicy does not bounce a signal
		 * back to its sender) to SIGTERM the launcher, then wait to be
		 * killed by the forwarded copy. alarm() ends a failed test.
		 */
		parent = (pid_t)atol(argv[1]);
		signal(SIGTERM, SIG_DFL);
		alarm(10);
		if (fork() == 0) {
			kill(parent, SIGTERM);
			_exit(0);
		}
		for (;;)
			pause();
	}
	return 98;
}

/* --- the fake operations ------------------------------------------------ */

struct fake {
	/* what the fakes do */
	bool			 present;
	int			 sandboxed;
	int			 find_result;
	bool			 temp_fails;
	bool			 spawn_fails;
	struct launch_failure	 failure;
	struct launch_status	 status;
	bool			 wait_fails;
	const int		*raise_sigs;	/* sent to us while "waiting" */
	/* what they saw */
	char			*exec_path;
	char			**argv;
	char			**envp;
	char			*cwd;
	bool			 had_sigmask;
	char			*find_cmd;
	char			*find_path;
	char			*temp_dir;
	char			*temp_path;
	size_t			 temp_len;
	char			*removed;
	int			 nspawn;
	int			 nexec;
	int			 nwait;
	int			 ntemp;
	int			 nremove;
};

static struct fake fk;

/* What the fake send_signal saw; written from the signal handler. */
static volatile sig_atomic_t sent_pid[8];
static volatile sig_atomic_t sent_sig[8];
static volatile sig_atomic_t nsent;

static char **
vec_dup(char *const v[])
{
	char **out;
	size_t n = 0, i;

	while (v != NULL && v[n] != NULL)
		n++;
	out = xreallocarray(NULL, n + 1, sizeof *out);
	for (i = 0; i < n; i++)
		out[i] = xstrdup(v[i]);
	out[n] = NULL;
	return out;
}

static bool
fake_is_present(const char *path, void *arg)
{
	(void)path;
	(void)arg;
	return fk.present;
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
	(void)cwd;
	(void)arg;
	free(fk.find_cmd);
	free(fk.find_path);
	fk.find_cmd = xstrdup(cmd);
	fk.find_path = path_env != NULL ? xstrdup(path_env) : NULL;
	return fk.find_result;
}

static char *
fake_temp_create(const char *dir, const char *data, size_t len,
    struct sb_error *err, void *arg)
{
	(void)data;
	(void)arg;
	fk.ntemp++;
	if (fk.temp_fails) {
		sb_error_set(err, SB_EIO, "fake: no space left");
		return NULL;
	}
	free(fk.temp_dir);
	fk.temp_dir = xstrdup(dir);
	fk.temp_len = len;
	free(fk.temp_path);
	fk.temp_path = xstrdup("/fake/tmp/sbpolicy-profile.abcdef");
	return xstrdup(fk.temp_path);
}

static int
fake_temp_remove(const char *path, void *arg)
{
	(void)arg;
	fk.nremove++;
	free(fk.removed);
	fk.removed = xstrdup(path);
	return 0;
}

static pid_t
fake_spawn(const struct launch_exec *e, struct launch_failure *f, void *arg)
{
	(void)arg;
	fk.nspawn++;
	/* A test may run twice: keep what the last run saw. */
	free(fk.exec_path);
	launch_argv_free(fk.argv);
	launch_argv_free(fk.envp);
	free(fk.cwd);
	fk.exec_path = xstrdup(e->path);
	fk.argv = vec_dup(e->argv);
	fk.envp = vec_dup(e->envp);
	fk.cwd = e->cwd != NULL ? xstrdup(e->cwd) : NULL;
	fk.had_sigmask = e->sigmask != NULL;
	if (fk.spawn_fails) {
		*f = fk.failure;
		return -1;
	}
	return 4242;
}

/* The exec op returns only on a failure, so this one always fails: with
 * fk.failure, after recording what it was asked to execute. */
static int
fake_exec(const struct launch_exec *e, struct launch_failure *f, void *arg)
{
	(void)arg;
	fk.nexec++;
	free(fk.exec_path);
	launch_argv_free(fk.argv);
	launch_argv_free(fk.envp);
	fk.exec_path = xstrdup(e->path);
	fk.argv = vec_dup(e->argv);
	fk.envp = vec_dup(e->envp);
	*f = fk.failure;
	return -1;
}

static int
fake_wait(pid_t pid, struct launch_status *st, void *arg)
{
	int i;

	(void)arg;
	assert_int_equal(pid, 4242);
	fk.nwait++;
	for (i = 0; fk.raise_sigs != NULL && fk.raise_sigs[i] != 0; i++)
		kill(getpid(), fk.raise_sigs[i]);
	if (fk.wait_fails) {
		errno = ECHILD;
		return -1;
	}
	*st = fk.status;
	return 0;
}

static int
fake_send_signal(pid_t pid, int sig, void *arg)
{
	(void)arg;
	if (nsent < 8) {
		sent_pid[nsent] = pid;
		sent_sig[nsent] = sig;
		nsent++;
	}
	return 0;
}

static const struct launch_ops fake_ops = {
	"/fake/usr/bin/sandbox-exec",
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

/* fake_ops with an exec op, for specs that ask to be replaced. */
static const struct launch_ops fake_exec_ops = {
	"/fake/usr/bin/sandbox-exec",
	fake_is_present,
	fake_is_sandboxed,
	fake_find_command,
	fake_temp_create,
	fake_temp_remove,
	fake_spawn,
	fake_wait,
	fake_send_signal,
	fake_exec,
	NULL,
};

static void
fake_reset(void)
{
	free(fk.exec_path);
	launch_argv_free(fk.argv);
	launch_argv_free(fk.envp);
	free(fk.cwd);
	free(fk.find_cmd);
	free(fk.find_path);
	free(fk.temp_dir);
	free(fk.temp_path);
	free(fk.removed);
	memset(&fk, 0, sizeof fk);
	fk.present = true;
	nsent = 0;
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

/* --- building params and results ---------------------------------------- */

static void
render(const struct params *p, struct gen_result *r)
{
	struct gen_ctx ctx;
	struct sb_error err;

	test_macos_ctx(&ctx);
	sb_error_init(&err);
	if (gen_render(p, &ctx, r, &err) != 0)
		fail_msg("gen_render: %s", err.msg);
}

/* A result made by hand: profile of size bytes, one parameter. */
static void
result_of_size(struct gen_result *r, size_t size)
{
	memset(r, 0, sizeof *r);
	r->profile = xmalloc(size + 1);
	memset(r->profile, 'x', size);
	memcpy(r->profile, "(version 1)", 11);
	r->profile[size] = '\0';
	r->params = xcalloc(1, sizeof *r->params);
	r->params[0].key = xstrdup("UNIX_SOCKET_PATH_0");
	r->params[0].value = xstrdup("/private/tmp/test.sock");
	r->nparams = 1;
}

/*
 * A result made by hand with n parameters of vlen bytes, each used once by
 * the profile; parameter bad (none when bad >= n) holds a newline, early
 * enough for a message to show it.
 */
static void
result_with_params(struct gen_result *r, size_t n, size_t vlen, size_t bad)
{
	struct buf b;
	size_t i;

	memset(r, 0, sizeof *r);
	buf_init(&b);
	buf_puts(&b, "(version 1)\n(deny default)\n");
	r->params = xcalloc(n, sizeof *r->params);
	for (i = 0; i < n; i++) {
		buf_printf(&b, "(allow file-read* (subpath (param \"P_%zu\")))\n",
		    i);
		xasprintf(&r->params[i].key, "P_%zu", i);
		r->params[i].value = xmalloc(vlen + 1);
		memset(r->params[i].value, 'a', vlen);
		r->params[i].value[0] = '/';
		if (i == bad)
			r->params[i].value[1] = '\n';
		r->params[i].value[vlen] = '\0';
	}
	r->nparams = n;
	r->profile = buf_take(&b);
}

static char *cmd_client[] = { S("test-client"), S("--flag"), S("a b"), NULL };

/*
 * The argv of p for cmd_client, compared element by element with
 * LAUNCH_SANDBOX_EXEC, "-p", the profile, the -D list `defs` (NULL-ended),
 * "--" and the command. The profile must contain `needle` (may be NULL).
 */
static void
check_argv(const struct params *p, const char *const defs[],
    const char *needle)
{
	struct gen_result r;
	char **argv;
	size_t n = 0, i;

	render(p, &r);
	argv = launch_argv_new(&r, NULL, cmd_client);
	assert_string_equal(argv[n++], "/usr/bin/sandbox-exec");
	assert_string_equal(argv[n++], "-p");
	assert_string_equal(argv[n++], r.profile);
	if (needle != NULL && strstr(r.profile, needle) == NULL)
		fail_msg("profile lacks %s", needle);
	for (i = 0; defs[i] != NULL; i++) {
		assert_non_null(argv[n]);
		assert_string_equal(argv[n++], defs[i]);
	}
	assert_int_equal(r.nparams, i);
	assert_string_equal(argv[n++], "--");
	for (i = 0; cmd_client[i] != NULL; i++)
		assert_string_equal(argv[n++], cmd_client[i]);
	assert_null(argv[n]);
	launch_argv_free(argv);
	gen_result_clear(&r);
}

static const char *const no_defs[] = { NULL };

/* --- argv: every network row ---------------------------------------------- */

static void
launch_argv_default_has_no_params(void **state)
{
	struct params p;

	(void)state;
	params_init(&p);
	check_argv(&p, no_defs, "(deny default)");
	params_clear(&p);
}

static void
launch_argv_network_off_ignores_lists(void **state)
{
	struct params p;

	(void)state;
	params_init(&p);
	p.net_mode = NET_OFF;
	socklist_add(&p.sock_allow, "/tmp/test.sock", MATCH_SUBPATH,
	    ACCESS_CONNECT_BIND);
	socklist_add(&p.sock_deny, "/var/run/docker.sock", MATCH_SUBPATH,
	    ACCESS_CONNECT_BIND);
	portlist_add(&p.proxy_ports, 3128);
	p.allow_local_binding = true;
	check_argv(&p, no_defs, NULL);
	params_clear(&p);
}

static void
launch_argv_restricted_socket(void **state)
{
	static const char *const defs[] = {
		"-DUNIX_SOCKET_PATH_0=/private/tmp/test.sock", NULL
	};
	struct params p;

	(void)state;
	params_init(&p);
	socklist_add(&p.sock_allow, "/tmp/test.sock", MATCH_SUBPATH,
	    ACCESS_CONNECT_BIND);
	check_argv(&p, defs, "(param \"UNIX_SOCKET_PATH_0\")");
	params_clear(&p);
}

static void
launch_argv_restricted_allow_all_has_no_params(void **state)
{
	struct params p;

	(void)state;
	params_init(&p);
	/* The -D order of these entries; the built-in denies have tests
	 * of their own. */
	p.builtin_denies = false;
	p.allow_all_sockets = true;
	socklist_add(&p.sock_allow, "/tmp/test.sock", MATCH_SUBPATH,
	    ACCESS_CONNECT_BIND);
	check_argv(&p, no_defs, "(local unix-socket)");
	params_clear(&p);
}

static void
launch_argv_restricted_local_proxy_has_no_params(void **state)
{
	struct params p;

	(void)state;
	params_init(&p);
	p.allow_local_binding = true;
	portlist_add(&p.proxy_ports, 3128);
	check_argv(&p, no_defs, "localhost:3128");
	params_clear(&p);
}

static void
launch_argv_restricted_socket_and_deny(void **state)
{
	static const char *const defs[] = {
		"-DUNIX_SOCKET_PATH_0=/private/tmp/db/.s.PGSQL.5432",
		"-DUNIX_SOCKET_DENY_0=/private/var/run/docker.sock",
		"-DUNIX_SOCKET_DENY_0_ALIAS=/var/run/docker.sock",
		NULL
	};
	struct params p;

	(void)state;
	params_init(&p);
	p.allow_local_binding = true;
	portlist_add(&p.proxy_ports, 3128);
	socklist_add(&p.sock_allow, "/tmp/db/.s.PGSQL.5432", MATCH_SUBPATH,
	    ACCESS_CONNECT_BIND);
	socklist_add(&p.sock_deny, "/var/run/docker.sock", MATCH_SUBPATH,
	    ACCESS_CONNECT_BIND);
	check_argv(&p, defs, "UNIX_SOCKET_DENY_0_ALIAS");
	params_clear(&p);
}

static void
launch_argv_full_sockets_deny(void **state)
{
	static const char *const defs[] = {
		"-DUNIX_SOCKET_PATH_0=/private/tmp/test.sock",
		"-DUNIX_SOCKET_DENY_0=/private/tmp/podman/podman.sock",
		"-DUNIX_SOCKET_DENY_1=/private/var/run/docker.sock",
		"-DUNIX_SOCKET_DENY_1_ALIAS=/var/run/docker.sock",
		NULL
	};
	struct params p;

	(void)state;
	params_init(&p);
	/* The -D order of these entries; the built-in denies have tests
	 * of their own. */
	p.builtin_denies = false;
	p.net_mode = NET_FULL;
	socklist_add(&p.sock_allow, "/tmp/test.sock", MATCH_SUBPATH,
	    ACCESS_CONNECT_BIND);
	socklist_add(&p.sock_deny, "/var/run/docker.sock", MATCH_SUBPATH,
	    ACCESS_CONNECT_BIND);
	socklist_add(&p.sock_deny, "/private/tmp/podman/podman.sock",
	    MATCH_LITERAL, ACCESS_CONNECT_BIND);
	check_argv(&p, defs, "(allow network-outbound)");
	params_clear(&p);
}

/* --- argv: every filesystem mode ------------------------------------------ */

static void
launch_argv_fs_read_only_has_no_params(void **state)
{
	struct params p;

	(void)state;
	params_init(&p);
	p.fs_mode = FS_READ_ONLY;
	check_argv(&p, no_defs, "(allow file-read*)");
	params_clear(&p);
}

static void
launch_argv_fs_full_access_has_no_params(void **state)
{
	struct params p;

	(void)state;
	params_init(&p);
	p.fs_mode = FS_FULL_ACCESS;
	check_argv(&p, no_defs, "(allow file-write* (regex #\"^/\"))");
	params_clear(&p);
}

static void
launch_argv_fs_workspace_write_roots_in_order(void **state)
{
	static const char *const defs[] = {
		"-DWRITABLE_ROOT_0=/Users/me/project",
		"-DWRITABLE_ROOT_0_EXCLUDED_0=/Users/me/project/.git",
		"-DWRITABLE_ROOT_1=/private/tmp",
		"-DWRITABLE_ROOT_1_EXCLUDED_0=/private/tmp/.git",
		"-DWRITABLE_ROOT_2=/private/var/folders/xy/T",
		"-DWRITABLE_ROOT_2_EXCLUDED_0=/private/var/folders/xy/T/.git",
		NULL
	};
	struct params p;

	(void)state;
	params_init(&p);
	p.fs_mode = FS_WORKSPACE_WRITE;
	check_argv(&p, defs, "(allow file-write*");
	params_clear(&p);
}

static void
launch_argv_fs_workspace_then_sockets(void **state)
{
	static const char *const defs[] = {
		"-DWRITABLE_ROOT_0=/Users/me/project",
		"-DWRITABLE_ROOT_0_EXCLUDED_0=/Users/me/project/.git",
		"-DWRITABLE_ROOT_1=/Users/me/scratch",
		"-DWRITABLE_ROOT_1_EXCLUDED_0=/Users/me/scratch/.git",
		"-DUNIX_SOCKET_PATH_0=/private/tmp/test.sock",
		"-DUNIX_SOCKET_DENY_0=/private/var/run/docker.sock",
		"-DUNIX_SOCKET_DENY_0_ALIAS=/var/run/docker.sock",
		NULL
	};
	struct params p;

	(void)state;
	params_init(&p);
	/* The -D order of these entries; the built-in denies have tests
	 * of their own. */
	p.builtin_denies = false;
	p.fs_mode = FS_WORKSPACE_WRITE;
	p.include_slash_tmp = false;
	p.include_tmpdir = false;
	strlist_add(&p.writable_roots, "~/scratch");
	p.net_mode = NET_FULL;
	socklist_add(&p.sock_allow, "/tmp/test.sock", MATCH_SUBPATH,
	    ACCESS_CONNECT_BIND);
	socklist_add(&p.sock_deny, "/var/run/docker.sock", MATCH_SUBPATH,
	    ACCESS_CONNECT_BIND);
	check_argv(&p, defs, NULL);
	params_clear(&p);
}

static void
launch_argv_without_command_ends_after_the_parameters(void **state)
{
	struct gen_result r;
	char **argv;

	(void)state;
	result_of_size(&r, 100);
	argv = launch_argv_new(&r, NULL, NULL);
	assert_string_equal(argv[3],
	    "-DUNIX_SOCKET_PATH_0=/private/tmp/test.sock");
	assert_null(argv[4]);
	launch_argv_free(argv);
	gen_result_clear(&r);
}

/* --- argv: the -f file ---------------------------------------------------- */

static void
launch_argv_64k_profile_still_uses_p(void **state)
{
	struct gen_result r;
	char **argv;

	(void)state;
	result_of_size(&r, LAUNCH_INLINE_MAX);
	assert_false(launch_needs_file(&r));
	argv = launch_argv_new(&r, NULL, cmd_client);
	assert_string_equal(argv[1], "-p");
	assert_string_equal(argv[2], r.profile);
	launch_argv_free(argv);
	gen_result_clear(&r);
}

static void
launch_argv_large_profile_uses_f(void **state)
{
	static const char *const want[] = {
		"/usr/bin/sandbox-exec", "-f", "/tmp/sbpolicy-profile.XyZ123",
		"-DUNIX_SOCKET_PATH_0=/private/tmp/test.sock", "--",
		"test-client", "--flag", "a b", NULL
	};
	struct gen_result r;
	char **argv;
	size_t i;

	(void)state;
	result_of_size(&r, LAUNCH_INLINE_MAX + 1);
	assert_true(launch_needs_file(&r));
	argv = launch_argv_new(&r, "/tmp/sbpolicy-profile.XyZ123", cmd_client);
	for (i = 0; want[i] != NULL; i++)
		assert_string_equal(argv[i], want[i]);
	assert_null(argv[i]);
	launch_argv_free(argv);
	gen_result_clear(&r);
}

static void
proc_temp_dir_needs_an_absolute_tmpdir(void **state)
{
	(void)state;
	assert_string_equal(proc_temp_dir("/var/folders/xy/T/"),
	    "/var/folders/xy/T/");
	assert_string_equal(proc_temp_dir(NULL), "/tmp");
	assert_string_equal(proc_temp_dir(""), "/tmp");
	assert_string_equal(proc_temp_dir("tmp"), "/tmp");
}

/* --- the environment ------------------------------------------------------ */

static void
check_vec(char **got, const char *const want[])
{
	size_t i;

	for (i = 0; want[i] != NULL; i++) {
		assert_non_null(got[i]);
		assert_string_equal(got[i], want[i]);
	}
	assert_null(got[i]);
}

static void
launch_env_restricted_adds_network_disabled(void **state)
{
	static char *in[] = {
		S("PATH=/usr/bin:/bin"), S("HOME=/Users/me"), NULL
	};
	static const char *const want[] = {
		"PATH=/usr/bin:/bin", "HOME=/Users/me",
		"SBPOLICY_SANDBOX=seatbelt", "SBPOLICY_NETWORK_DISABLED=1", NULL
	};
	char **env;

	(void)state;
	env = launch_env_new(in, NET_RESTRICTED, NULL);
	check_vec(env, want);
	launch_argv_free(env);
	env = launch_env_new(in, NET_OFF, NULL);
	check_vec(env, want);
	launch_argv_free(env);
}

static void
launch_env_full_has_no_network_disabled(void **state)
{
	static char *in[] = { S("PATH=/usr/bin:/bin"), NULL };
	static const char *const want[] = {
		"PATH=/usr/bin:/bin", "SBPOLICY_SANDBOX=seatbelt", NULL
	};
	char **env;

	(void)state;
	env = launch_env_new(in, NET_FULL, NULL);
	check_vec(env, want);
	launch_argv_free(env);
}

static void
launch_env_replaces_inherited_values(void **state)
{
	static char *in[] = {
		S("SBPOLICY_SANDBOX=none"), S("SBPOLICY_NETWORK_DISABLED=1"),
		S("SBPOLICY_SANDBOXED=kept"), S("SBPOLICY_SANDBOX"),
		S("TERM=xterm"), NULL
	};
	static const char *const want[] = {
		"SBPOLICY_SANDBOXED=kept", "SBPOLICY_SANDBOX", "TERM=xterm",
		"SBPOLICY_SANDBOX=seatbelt", NULL
	};
	char **env;

	(void)state;
	env = launch_env_new(in, NET_FULL, NULL);
	check_vec(env, want);
	assert_string_equal(launch_env_get(env, "SBPOLICY_SANDBOX"),
	    "seatbelt");
	assert_null(launch_env_get(env, "SBPOLICY_NETWORK_DISABLED"));
	launch_argv_free(env);
}

static void
launch_env_cwd_sets_pwd(void **state)
{
	static char *in[] = { S("PWD=/old"), S("A=b"), NULL };
	static const char *const want[] = {
		"A=b", "PWD=/Users/me/project", "SBPOLICY_SANDBOX=seatbelt",
		"SBPOLICY_NETWORK_DISABLED=1", NULL
	};
	char **env;

	(void)state;
	env = launch_env_new(in, NET_RESTRICTED, "/Users/me/project");
	check_vec(env, want);
	launch_argv_free(env);
}

static void
launch_env_from_nothing(void **state)
{
	static const char *const want[] = {
		"SBPOLICY_SANDBOX=seatbelt", "SBPOLICY_NETWORK_DISABLED=1", NULL
	};
	char **env;

	(void)state;
	env = launch_env_new(NULL, NET_OFF, NULL);
	check_vec(env, want);
	launch_argv_free(env);
}

/* --- running with fakes: exit statuses ------------------------------------ */

static char *env_in[] = { S("PATH=/usr/bin:/bin"), S("HOME=/Users/me"), NULL };

static void
spec_of(struct launch_spec *s, const struct gen_result *r, enum net_mode net)
{
	s->result = r;
	s->net_mode = net;
	s->command = cmd_client;
	s->envp = env_in;
	s->tmpdir = "/var/folders/xy/T/";
	s->cwd = NULL;
	s->replace = false;
}

/* Runs a small profile through the fakes; returns the exit status. */
static int
run_fake(const struct launch_ops *ops, size_t profile_size, pid_t *pid,
    struct sb_error *err)
{
	struct gen_result r;
	struct launch_spec s;
	int status;

	result_of_size(&r, profile_size);
	spec_of(&s, &r, NET_RESTRICTED);
	sb_error_init(err);
	status = launch_run(ops, &s, pid, err);
	gen_result_clear(&r);
	return status;
}

static void
launch_exit_0_is_0(void **state)
{
	struct sb_error err;
	pid_t pid;

	(void)state;
	assert_int_equal(run_fake(&fake_ops, 100, &pid, &err), 0);
	assert_false(sb_error_is_set(&err));
	assert_int_equal(pid, 4242);
	assert_int_equal(fk.nspawn, 1);
	assert_int_equal(fk.nwait, 1);
	assert_int_equal(fk.ntemp, 0);
	assert_int_equal(fk.nremove, 0);
}

static void
launch_exit_3_is_3(void **state)
{
	struct sb_error err;

	(void)state;
	fk.status.value = 3;
	assert_int_equal(run_fake(&fake_ops, 100, NULL, &err), 3);
	assert_false(sb_error_is_set(&err));
}

static void
launch_signal_9_exits_137(void **state)
{
	struct sb_error err;

	(void)state;
	fk.status.signaled = true;
	fk.status.value = SIGKILL;
	assert_int_equal(run_fake(&fake_ops, 100, NULL, &err), 137);
	assert_false(sb_error_is_set(&err));
}

static void
launch_signal_15_exits_143(void **state)
{
	struct sb_error err;

	(void)state;
	fk.status.signaled = true;
	fk.status.value = SIGTERM;
	assert_int_equal(run_fake(&fake_ops, 100, NULL, &err), 143);
}

static void
launch_exec_enoent_exits_127(void **state)
{
	struct sb_error err;
	pid_t pid;

	(void)state;
	fk.spawn_fails = true;
	fk.failure.stage = LAUNCH_STAGE_EXEC;
	fk.failure.errnum = ENOENT;
	assert_int_equal(run_fake(&fake_ops, 100, &pid, &err), 127);
	assert_string_equal(err.msg, "cannot execute "
	    "/fake/usr/bin/sandbox-exec: No such file or directory");
	assert_int_equal(pid, 0);
	assert_int_equal(fk.nwait, 0);
}

/* run_fake with spec.replace set. */
static int
run_fake_replace(const struct launch_ops *ops, size_t profile_size,
    struct sb_error *err)
{
	struct gen_result r;
	struct launch_spec s;
	int status;

	result_of_size(&r, profile_size);
	spec_of(&s, &r, NET_RESTRICTED);
	s.replace = true;
	sb_error_init(err);
	status = launch_run(ops, &s, NULL, err);
	gen_result_clear(&r);
	return status;
}

static void
launch_replace_execs_in_place(void **state)
{
	struct sb_error err;
	char **spawned;

	(void)state;
	/* What spawn gets without replace is what exec gets with it. */
	assert_int_equal(run_fake(&fake_exec_ops, 100, NULL, &err), 0);
	assert_int_equal(fk.nexec, 0);
	spawned = vec_dup(fk.argv);
	fk.failure.stage = LAUNCH_STAGE_EXEC;
	fk.failure.errnum = ENOENT;
	assert_int_equal(run_fake_replace(&fake_exec_ops, 100, &err), 127);
	assert_int_equal(fk.nexec, 1);
	assert_int_equal(fk.nspawn, 1);
	assert_int_equal(fk.nwait, 1);
	assert_string_equal(fk.exec_path, "/fake/usr/bin/sandbox-exec");
	assert_int_equal(launch_vec_size(fk.argv), launch_vec_size(spawned));
	assert_string_equal(fk.argv[0], spawned[0]);
	assert_string_equal(fk.argv[2], spawned[2]);
	assert_string_equal(err.msg, "cannot execute "
	    "/fake/usr/bin/sandbox-exec: No such file or directory");
	launch_argv_free(spawned);
	fk.failure.errnum = EACCES;
	assert_int_equal(run_fake_replace(&fake_exec_ops, 100, &err), 126);
	fk.failure.stage = LAUNCH_STAGE_CHDIR;
	assert_int_equal(run_fake_replace(&fake_exec_ops, 100, &err), 125);
	assert_int_equal(fk.nexec, 3);
	assert_int_equal(fk.nspawn, 1);
}

static void
launch_replace_not_for_a_file_or_without_exec(void **state)
{
	struct sb_error err;

	(void)state;
	/* A -f file must be removed after the command: spawn and wait. */
	assert_int_equal(run_fake_replace(&fake_exec_ops, LAUNCH_INLINE_MAX +
	    1, &err), 0);
	assert_int_equal(fk.nexec, 0);
	assert_int_equal(fk.nspawn, 1);
	assert_int_equal(fk.nremove, 1);
	/* No exec op: spawn, whatever the spec asks. */
	assert_int_equal(run_fake_replace(&fake_ops, 100, &err), 0);
	assert_int_equal(fk.nexec, 0);
	assert_int_equal(fk.nspawn, 2);
}

static void
launch_exec_eacces_exits_126(void **state)
{
	struct sb_error err;

	(void)state;
	fk.spawn_fails = true;
	fk.failure.stage = LAUNCH_STAGE_EXEC;
	fk.failure.errnum = EACCES;
	assert_int_equal(run_fake(&fake_ops, 100, NULL, &err), 126);
	assert_true(sb_error_is_set(&err));
}

static void
launch_fork_failure_exits_125(void **state)
{
	struct sb_error err;

	(void)state;
	fk.spawn_fails = true;
	fk.failure.stage = LAUNCH_STAGE_FORK;
	fk.failure.errnum = EAGAIN;
	assert_int_equal(run_fake(&fake_ops, 100, NULL, &err), 125);
	assert_non_null(strstr(err.msg, "cannot start"));
}

static void
launch_chdir_failure_exits_125(void **state)
{
	struct sb_error err;

	(void)state;
	fk.spawn_fails = true;
	fk.failure.stage = LAUNCH_STAGE_CHDIR;
	fk.failure.errnum = ENOENT;
	assert_int_equal(run_fake(&fake_ops, 100, NULL, &err), 125);
	assert_non_null(strstr(err.msg, "cannot change to"));
}

static void
launch_wait_failure_exits_125(void **state)
{
	struct sb_error err;

	(void)state;
	fk.wait_fails = true;
	assert_int_equal(run_fake(&fake_ops, 100, NULL, &err), 125);
	assert_non_null(strstr(err.msg, "waiting for the command"));
}

static void
launch_without_sandbox_exec_exits_125(void **state)
{
	struct sb_error err;

	(void)state;
	fk.present = false;
	assert_int_equal(run_fake(&fake_ops, 100, NULL, &err), 125);
#ifdef __APPLE__
	assert_string_equal(err.msg, "/fake/usr/bin/sandbox-exec not found or "
	    "not executable");
#else
	assert_string_equal(err.msg, "sandbox-exec is only available on macOS "
	    "(/fake/usr/bin/sandbox-exec not found)");
#endif
	assert_int_equal(fk.nspawn, 0);
}

static void
launch_inside_a_sandbox_exits_125(void **state)
{
	struct sb_error err;

	(void)state;
	fk.sandboxed = 1;
	assert_int_equal(run_fake(&fake_ops, 100, NULL, &err), 125);
	assert_non_null(strstr(err.msg, "already running inside a sandbox"));
	assert_int_equal(fk.nspawn, 0);
}

static void
launch_command_not_found_exits_127(void **state)
{
	struct sb_error err;

	(void)state;
	fk.find_result = ENOENT;
	assert_int_equal(run_fake(&fake_ops, LAUNCH_INLINE_MAX + 1, NULL, &err),
	    127);
	assert_string_equal(err.msg, "\"test-client\": command not found");
	/* Nothing was started, and no -f file was made. */
	assert_int_equal(fk.nspawn, 0);
	assert_int_equal(fk.ntemp, 0);
}

static void
launch_command_not_executable_exits_126(void **state)
{
	struct sb_error err;

	(void)state;
	fk.find_result = EACCES;
	assert_int_equal(run_fake(&fake_ops, 100, NULL, &err), 126);
	assert_string_equal(err.msg, "\"test-client\": Permission denied");
	fk.find_result = EISDIR;
	assert_int_equal(run_fake(&fake_ops, 100, NULL, &err), 126);
	assert_string_equal(err.msg, "\"test-client\": is a directory");
	assert_int_equal(fk.nspawn, 0);
}

static void
launch_command_looked_up_in_child_path(void **state)
{
	struct sb_error err;

	(void)state;
	assert_int_equal(run_fake(&fake_ops, 100, NULL, &err), 0);
	assert_string_equal(fk.find_cmd, "test-client");
	assert_string_equal(fk.find_path, "/usr/bin:/bin");
}

static void
launch_empty_command_exits_125(void **state)
{
	static char *none[] = { NULL };
	struct gen_result r;
	struct launch_spec s;
	struct sb_error err;

	(void)state;
	result_of_size(&r, 100);
	spec_of(&s, &r, NET_OFF);
	s.command = none;
	sb_error_init(&err);
	assert_int_equal(launch_run(&fake_ops, &s, NULL, &err), 125);
	assert_int_equal(fk.nspawn, 0);
	gen_result_clear(&r);
}

/* --- the budget: how the profile goes ---------------------------------- */

/* The name the -f file gets in spec_of's $TMPDIR, or one as long. */
#define PLAN_FILE	"/var/folders/xy/T/sbpolicy-profile.XXXXXX"

static void
launch_vec_size_counts_strings_nuls_and_pointers(void **state)
{
	static char *v[] = { S("ab"), S(""), S("xyz"), NULL };
	static char *none[] = { NULL };

	(void)state;
	assert_int_equal(launch_vec_size(v), 3 + 1 + 4 + 4 * sizeof(char *));
	assert_int_equal(launch_vec_size(none), sizeof(char *));
	assert_int_equal(launch_vec_size(NULL), sizeof(char *));
}

/*
 * Plans s; checks the way, that the vector is the one of want (NULL-ended:
 * file stands for the -f file's name), and that plan.size is what execve
 * counts for it and the environment.
 */
static void
check_plan(const struct launch_spec *s, enum launch_how how,
    const char *const want[], struct launch_plan *plan)
{
	struct sb_error err;
	char **argv, **envp;

	sb_error_init(&err);
	if (launch_plan_new(s, plan, &err) != 0)
		fail_msg("launch_plan_new: %s", err.msg);
	assert_false(sb_error_is_set(&err));
	assert_int_equal(plan->how, how);
	argv = launch_plan_argv(plan, s, PLAN_FILE);
	check_vec(argv, want);
	envp = launch_env_new(s->envp, s->net_mode, s->cwd);
	assert_int_equal(plan->size, launch_vec_size(argv) +
	    launch_vec_size(envp));
	assert_true(plan->size <= LAUNCH_ARGV_BUDGET);
	launch_argv_free(envp);
	launch_argv_free(argv);
}

static void
launch_plan_small_profile_uses_p(void **state)
{
	struct gen_result r;
	struct launch_spec s;
	struct launch_plan plan;
	const char *want[9];

	(void)state;
	result_of_size(&r, 100);
	spec_of(&s, &r, NET_OFF);
	want[0] = "/usr/bin/sandbox-exec";
	want[1] = "-p";
	want[2] = r.profile;
	want[3] = "-DUNIX_SOCKET_PATH_0=/private/tmp/test.sock";
	want[4] = "--";
	want[5] = "test-client";
	want[6] = "--flag";
	want[7] = "a b";
	want[8] = NULL;
	check_plan(&s, LAUNCH_HOW_ARG, want, &plan);
	assert_null(plan.text);
	assert_int_equal(plan.size, plan.size_arg);
	assert_true(plan.size_bare < plan.size_file);
	launch_plan_clear(&plan);
	gen_result_clear(&r);
}

static void
launch_plan_large_profile_uses_f_with_params(void **state)
{
	static const char *const want[] = {
		"/usr/bin/sandbox-exec", "-f", PLAN_FILE,
		"-DUNIX_SOCKET_PATH_0=/private/tmp/test.sock", "--",
		"test-client", "--flag", "a b", NULL
	};
	struct gen_result r;
	struct launch_spec s;
	struct launch_plan plan;

	(void)state;
	result_of_size(&r, LAUNCH_INLINE_MAX + 1);
	spec_of(&s, &r, NET_OFF);
	check_plan(&s, LAUNCH_HOW_FILE, want, &plan);
	/* The file holds the profile itself: the -D go with it. */
	assert_string_equal(plan.text, r.profile);
	assert_int_equal(plan.size, plan.size_file);
	/* It would have fitted the budget; the profile alone was too big. */
	assert_true(plan.size_arg <= LAUNCH_ARGV_BUDGET);
	launch_plan_clear(&plan);
	/* $TMPDIR's trailing slashes are not part of the name. */
	s.tmpdir = "/var/folders/xy/T///";
	check_plan(&s, LAUNCH_HOW_FILE, want, &plan);
	launch_plan_clear(&plan);
	gen_result_clear(&r);
}

static void
launch_plan_budget_is_inclusive(void **state)
{
	struct gen_result r;
	struct launch_spec s;
	struct launch_plan plan;
	struct sb_error err;
	char *cmd[3];
	size_t size0;

	(void)state;
	result_of_size(&r, 1000);
	spec_of(&s, &r, NET_OFF);
	cmd[0] = S("test-client");
	cmd[1] = xstrdup("");
	cmd[2] = NULL;
	s.command = cmd;
	sb_error_init(&err);
	assert_int_equal(launch_plan_new(&s, &plan, &err), 0);
	size0 = plan.size_arg;
	launch_plan_clear(&plan);
	/* An argument that brings -p to the budget exactly: still -p. */
	free(cmd[1]);
	cmd[1] = xmalloc(LAUNCH_ARGV_BUDGET - size0 + 1);
	memset(cmd[1], 'y', LAUNCH_ARGV_BUDGET - size0);
	cmd[1][LAUNCH_ARGV_BUDGET - size0] = '\0';
	assert_int_equal(launch_plan_new(&s, &plan, &err), 0);
	assert_int_equal(plan.size_arg, LAUNCH_ARGV_BUDGET);
	assert_int_equal(plan.how, LAUNCH_HOW_ARG);
	launch_plan_clear(&plan);
	/* One byte more: the profile moves to the file, -D stay. */
	free(cmd[1]);
	cmd[1] = xmalloc(LAUNCH_ARGV_BUDGET - size0 + 2);
	memset(cmd[1], 'y', LAUNCH_ARGV_BUDGET - size0 + 1);
	cmd[1][LAUNCH_ARGV_BUDGET - size0 + 1] = '\0';
	assert_int_equal(launch_plan_new(&s, &plan, &err), 0);
	assert_int_equal(plan.size_arg, LAUNCH_ARGV_BUDGET + 1);
	assert_int_equal(plan.how, LAUNCH_HOW_FILE);
	assert_int_equal(plan.size, plan.size_file);
	assert_string_equal(plan.text, r.profile);
	assert_false(sb_error_is_set(&err));
	launch_plan_clear(&plan);
	free(cmd[1]);
	gen_result_clear(&r);
}

/* 300 values of 900 bytes: about 280 KiB of -D, a 14 KiB profile. */
#define MANY_PARAMS	300
#define LONG_VALUE	900

static void
launch_plan_params_over_budget_go_inline(void **state)
{
	static const char *const want[] = {
		"/usr/bin/sandbox-exec", "-f", PLAN_FILE, "--",
		"test-client", "--flag", "a b", NULL
	};
	struct gen_result r;
	struct launch_spec s;
	struct launch_plan plan;
	struct sb_error err;
	char *text;

	(void)state;
	result_with_params(&r, MANY_PARAMS, LONG_VALUE, MANY_PARAMS);
	assert_false(launch_needs_file(&r));
	spec_of(&s, &r, NET_OFF);
	check_plan(&s, LAUNCH_HOW_FILE_INLINE, want, &plan);
	assert_true(plan.size_arg > LAUNCH_ARGV_BUDGET);
	assert_true(plan.size_file > LAUNCH_ARGV_BUDGET);
	assert_int_equal(plan.size, plan.size_bare);
	/* The file holds the inline form: every value written in. */
	sb_error_init(&err);
	text = format_inline(&r, &err);
	assert_non_null(text);
	assert_string_equal(plan.text, text);
	assert_null(strstr(plan.text, "(param "));
	assert_non_null(strstr(plan.text, r.params[MANY_PARAMS - 1].value));
	free(text);
	launch_plan_clear(&plan);
	assert_null(plan.text);
	gen_result_clear(&r);
}

static void
launch_params_over_budget_run_without_d(void **state)
{
	struct gen_result r;
	struct launch_spec s;
	struct sb_error err;
	char *text;
	size_t i;

	(void)state;
	result_with_params(&r, MANY_PARAMS, LONG_VALUE, MANY_PARAMS);
	spec_of(&s, &r, NET_OFF);
	sb_error_init(&err);
	assert_int_equal(launch_run(&fake_ops, &s, NULL, &err), 0);
	assert_false(sb_error_is_set(&err));
	assert_int_equal(fk.ntemp, 1);
	assert_string_equal(fk.argv[1], "-f");
	assert_string_equal(fk.argv[2], fk.temp_path);
	assert_string_equal(fk.argv[3], "--");
	for (i = 0; fk.argv[i] != NULL; i++)
		assert_int_not_equal(strncmp(fk.argv[i], "-D", 2), 0);
	/* What went to the file is the inline form. */
	sb_error_init(&err);
	text = format_inline(&r, &err);
	assert_non_null(text);
	assert_int_equal(fk.temp_len, strlen(text));
	free(text);
	assert_int_equal(fk.nremove, 1);
	gen_result_clear(&r);
}

static void
launch_plan_inline_impossible_exits_125(void **state)
{
	static const char head[] = "with its -D parameters the command line "
	    "and environment would take ";
	struct gen_result r;
	struct launch_spec s;
	struct launch_plan plan;
	struct sb_error err;

	(void)state;
	/* A newline does no harm as long as -D can carry it. */
	result_with_params(&r, 10, LONG_VALUE, 3);
	spec_of(&s, &r, NET_OFF);
	sb_error_init(&err);
	assert_int_equal(launch_plan_new(&s, &plan, &err), 0);
	assert_int_equal(plan.how, LAUNCH_HOW_ARG);
	launch_plan_clear(&plan);
	gen_result_clear(&r);

	result_with_params(&r, MANY_PARAMS, LONG_VALUE, 7);
	spec_of(&s, &r, NET_OFF);
	assert_int_equal(launch_plan_new(&s, &plan, &err), 125);
	assert_int_equal(strncmp(err.msg, head, sizeof head - 1), 0);
	assert_non_null(strstr(err.msg, " bytes, more than the budget of "
	    "262144, and they cannot be written into the profile instead: "
	    "\"/\\naaa"));
	assert_non_null(strstr(err.msg, "\": a path with a control character "
	    "cannot be written into a profile"));
	/* generate's advice, not run's. */
	assert_null(strstr(err.msg, "sbpl format"));
	assert_null(strstr(err.msg, "inline:"));
	assert_null(plan.text);

	/* And nothing starts: no lookup, no file, no child. */
	sb_error_init(&err);
	assert_int_equal(launch_run(&fake_ops, &s, NULL, &err), 125);
	assert_int_equal(strncmp(err.msg, head, sizeof head - 1), 0);
	assert_null(fk.find_cmd);
	assert_int_equal(fk.ntemp, 0);
	assert_int_equal(fk.nspawn, 0);
	sb_error_init(&err);
	assert_int_equal(launch_check(&fake_ops, &s, &err), 125);
	gen_result_clear(&r);
}

static void
launch_plan_command_too_long_exits_125(void **state)
{
	char *cmd[5], *envp[3], *msg, **child_env;
	struct gen_result r;
	struct launch_spec s;
	struct launch_plan plan;
	struct sb_error err;
	size_t i;

	(void)state;
	result_of_size(&r, 100);
	spec_of(&s, &r, NET_OFF);
	/* Three arguments of 100 KiB: over the budget whatever the profile
	 * does, though each is under Linux's 128 KiB for one string. */
	cmd[0] = S("test-client");
	for (i = 1; i < 4; i++) {
		cmd[i] = xmalloc(100 * 1024 + 1);
		memset(cmd[i], 'z', 100 * 1024);
		cmd[i][100 * 1024] = '\0';
	}
	cmd[4] = NULL;
	s.command = cmd;
	sb_error_init(&err);
	assert_int_equal(launch_plan_new(&s, &plan, &err), 125);
	assert_true(plan.size_bare == 0 && plan.text == NULL);
	/* sandbox-exec -f FILE -- and the command, and the environment. */
	child_env = launch_env_new(env_in, NET_OFF, NULL);
	xasprintf(&msg, "the command line and environment would take %zu "
	    "bytes even with the profile in a file and no -D, more than the "
	    "budget of 262144 (macOS allows 1 MiB for both): shorten the "
	    "command's arguments or the environment",
	    launch_vec_size(cmd) + 4 * (sizeof(char *) + 1) +
	    strlen("/usr/bin/sandbox-exec") + 2 + strlen(PLAN_FILE) + 2 +
	    launch_vec_size(child_env));
	assert_string_equal(err.msg, msg);
	free(msg);
	launch_argv_free(child_env);
	sb_error_init(&err);
	assert_int_equal(launch_run(&fake_ops, &s, NULL, &err), 125);
	assert_non_null(strstr(err.msg, "even with the profile in a file"));
	assert_int_equal(fk.nspawn, 0);
	assert_int_equal(fk.ntemp, 0);
	for (i = 1; i < 4; i++)
		free(cmd[i]);

	/* The environment counts too. */
	s.command = cmd_client;
	envp[0] = xmalloc(300 * 1024);
	memcpy(envp[0], "BIG=", 4);
	memset(envp[0] + 4, 'e', 300 * 1024 - 5);
	envp[0][300 * 1024 - 1] = '\0';
	envp[1] = S("PATH=/usr/bin:/bin");
	envp[2] = NULL;
	s.envp = envp;
	sb_error_init(&err);
	assert_int_equal(launch_plan_new(&s, &plan, &err), 125);
	assert_non_null(strstr(err.msg, "even with the profile in a file"));
	free(envp[0]);
	gen_result_clear(&r);
}

static void
launch_exec_e2big_exits_125(void **state)
{
	struct sb_error err;
	char *msg;

	(void)state;
	fk.spawn_fails = true;
	fk.failure.stage = LAUNCH_STAGE_EXEC;
	fk.failure.errnum = E2BIG;
	assert_int_equal(run_fake(&fake_ops, LAUNCH_INLINE_MAX + 10, NULL,
	    &err), 125);
	xasprintf(&msg, "cannot execute /fake/usr/bin/sandbox-exec: %s (the "
	    "arguments and environment take %zu bytes, the budget is 262144)",
	    strerror(E2BIG), launch_vec_size(fk.argv) +
	    launch_vec_size(fk.envp));
	assert_string_equal(err.msg, msg);
	free(msg);
	assert_int_equal(fk.nwait, 0);
	assert_int_equal(fk.nremove, 1);
	/* Out of memory is not the command's fault either. */
	fk.failure.errnum = ENOMEM;
	assert_int_equal(run_fake(&fake_ops, 100, NULL, &err), 125);
	assert_string_equal(err.msg, "cannot execute "
	    "/fake/usr/bin/sandbox-exec: Cannot allocate memory");
}

/* --- running with fakes: what the child gets --------------------------- */

static void
launch_spawn_gets_argv_env_and_path(void **state)
{
	static const char *const want_env[] = {
		"PATH=/usr/bin:/bin", "HOME=/Users/me",
		"SBPOLICY_SANDBOX=seatbelt", "SBPOLICY_NETWORK_DISABLED=1", NULL
	};
	struct gen_result r;
	struct launch_spec s;
	struct sb_error err;
	char **want;

	(void)state;
	result_of_size(&r, 100);
	spec_of(&s, &r, NET_OFF);
	sb_error_init(&err);
	assert_int_equal(launch_run(&fake_ops, &s, NULL, &err), 0);
	assert_string_equal(fk.exec_path, "/fake/usr/bin/sandbox-exec");
	want = launch_argv_new(&r, NULL, cmd_client);
	check_vec(fk.argv, (const char *const *)want);
	launch_argv_free(want);
	check_vec(fk.envp, want_env);
	assert_null(fk.cwd);
	assert_true(fk.had_sigmask);
	gen_result_clear(&r);
}

static void
launch_full_network_child_env(void **state)
{
	struct gen_result r;
	struct launch_spec s;
	struct sb_error err;

	(void)state;
	result_of_size(&r, 100);
	spec_of(&s, &r, NET_FULL);
	s.cwd = "/Users/me/project";
	sb_error_init(&err);
	assert_int_equal(launch_run(&fake_ops, &s, NULL, &err), 0);
	assert_string_equal(fk.cwd, "/Users/me/project");
	assert_string_equal(launch_env_get(fk.envp, "PWD"),
	    "/Users/me/project");
	assert_null(launch_env_get(fk.envp, "SBPOLICY_NETWORK_DISABLED"));
	assert_string_equal(launch_env_get(fk.envp, "SBPOLICY_SANDBOX"),
	    "seatbelt");
	gen_result_clear(&r);
}

/* --- running with fakes: the -f file ----------------------------------- */

static void
launch_large_profile_file_used_and_removed(void **state)
{
	struct sb_error err;

	(void)state;
	fk.status.value = 0;
	assert_int_equal(run_fake(&fake_ops, LAUNCH_INLINE_MAX + 10, NULL,
	    &err), 0);
	assert_int_equal(fk.ntemp, 1);
	assert_string_equal(fk.temp_dir, "/var/folders/xy/T/");
	assert_int_equal(fk.temp_len, LAUNCH_INLINE_MAX + 10);
	assert_string_equal(fk.argv[1], "-f");
	assert_string_equal(fk.argv[2], fk.temp_path);
	assert_int_equal(fk.nremove, 1);
	assert_string_equal(fk.removed, fk.temp_path);
}

static void
launch_large_profile_removed_when_killed(void **state)
{
	struct sb_error err;

	(void)state;
	fk.status.signaled = true;
	fk.status.value = SIGKILL;
	assert_int_equal(run_fake(&fake_ops, LAUNCH_INLINE_MAX + 10, NULL,
	    &err), 137);
	assert_int_equal(fk.nremove, 1);
	assert_string_equal(fk.removed, fk.temp_path);
}

static void
launch_large_profile_removed_when_exec_fails(void **state)
{
	struct sb_error err;

	(void)state;
	fk.spawn_fails = true;
	fk.failure.stage = LAUNCH_STAGE_EXEC;
	fk.failure.errnum = ENOENT;
	assert_int_equal(run_fake(&fake_ops, LAUNCH_INLINE_MAX + 10, NULL,
	    &err), 127);
	assert_int_equal(fk.nremove, 1);
	assert_string_equal(fk.removed, fk.temp_path);
}

static void
launch_temp_file_failure_exits_125(void **state)
{
	struct sb_error err;

	(void)state;
	fk.temp_fails = true;
	assert_int_equal(run_fake(&fake_ops, LAUNCH_INLINE_MAX + 10, NULL,
	    &err), 125);
	assert_string_equal(err.msg, "fake: no space left");
	assert_int_equal(fk.nspawn, 0);
	assert_int_equal(fk.nremove, 0);
}

/* --- signal forwarding ------------------------------------------------- */

static void
launch_should_forward_table(void **state)
{
	(void)state;
	/* Typed at the terminal: the child got its own copy. */
	assert_false(launch_should_forward(SIGINT, false, 0, 100));
	assert_false(launch_should_forward(SIGQUIT, false, 0, 100));
	/* kill(1) from elsewhere: pass it on. */
	assert_true(launch_should_forward(SIGINT, true, 77, 100));
	assert_true(launch_should_forward(SIGQUIT, true, 77, 100));
	assert_true(launch_should_forward(SIGTERM, true, 77, 100));
	assert_true(launch_should_forward(SIGHUP, true, 77, 100));
	/* From the kernel (a hang-up): pass it on. */
	assert_true(launch_should_forward(SIGHUP, false, 0, 100));
	assert_true(launch_should_forward(SIGTERM, false, 0, 100));
	/* The child's own signal is not bounced back at it. */
	assert_false(launch_should_forward(SIGTERM, true, 100, 100));
	assert_false(launch_should_forward(SIGINT, true, 100, 100));
	/* Nothing else. */
	assert_false(launch_should_forward(SIGUSR1, true, 77, 100));
}

static volatile sig_atomic_t marker_hits;

static void
marker_handler(int sig)
{
	(void)sig;
	marker_hits++;
}

static void
launch_forwards_four_signals_to_the_child(void **state)
{
	static const int sigs[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT, 0 };
	struct sigaction sa, old[4], now;
	struct sb_error err;
	int i;

	(void)state;
	/* Our own handlers, which the run must put back afterwards. */
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = marker_handler;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < 4; i++)
		sigaction(sigs[i], &sa, &old[i]);
	marker_hits = 0;
	fk.raise_sigs = sigs;
	fk.status.signaled = true;
	fk.status.value = SIGTERM;
	assert_int_equal(run_fake(&fake_ops, 100, NULL, &err), 143);
	assert_int_equal(nsent, 4);
	for (i = 0; i < 4; i++) {
		assert_int_equal(sent_pid[i], 4242);
		assert_int_equal(sent_sig[i], sigs[i]);
	}
	/* Forwarded, not delivered to us. */
	assert_int_equal(marker_hits, 0);
	for (i = 0; i < 4; i++) {
		sigaction(sigs[i], NULL, &now);
		assert_true(now.sa_handler == marker_handler);
		sigaction(sigs[i], &old[i], NULL);
	}
}

/*
 * Around a run with --log-denials the signals are caught (flag only): one
 * caught before the start means the caller is leaving, so nothing starts;
 * during the run they are forwarded as always, and the catching handlers
 * come back after it.
 */
static void
launch_caught_signal_starts_nothing(void **state)
{
	static const int sigs[] = { SIGTERM, 0 };
	const volatile sig_atomic_t *caught;
	struct sigaction now;
	struct sb_error err;
	pid_t pid = 1;

	(void)state;
	caught = launch_catch_begin();
	fk.raise_sigs = sigs;
	assert_int_equal(run_fake(&fake_ops, 100, NULL, &err), 0);
	/* Forwarded to the child, not caught. */
	assert_int_equal(nsent, 1);
	assert_int_equal(*caught, 0);
	sigaction(SIGTERM, NULL, &now);
	assert_false(now.sa_flags & SA_SIGINFO);
	assert_true(now.sa_handler != SIG_DFL && now.sa_handler != SIG_IGN);

	fk.raise_sigs = NULL;
	raise(SIGHUP);
	assert_int_equal(*caught, SIGHUP);
	assert_int_equal(run_fake(&fake_ops, LAUNCH_INLINE_MAX + 10, &pid,
	    &err), 128 + SIGHUP);
	assert_false(sb_error_is_set(&err));
	assert_int_equal(pid, 0);
	assert_int_equal(fk.nspawn, 1);
	assert_int_equal(fk.ntemp, 0);
	launch_catch_end();
	sigaction(SIGHUP, NULL, &now);
	assert_true(now.sa_handler == SIG_DFL);

	/* Once it is over, a flag left up stops nothing. */
	assert_int_equal(run_fake(&fake_ops, 100, NULL, &err), 0);
	assert_int_equal(fk.nspawn, 2);
}

static void
launch_ignored_signal_stays_ignored(void **state)
{
	static const int sigs[] = { SIGHUP, SIGTERM, 0 };
	struct sigaction sa, old, oldterm, now;
	struct sb_error err;

	(void)state;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = SIG_IGN;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGHUP, &sa, &old);
	sa.sa_handler = marker_handler;
	sigaction(SIGTERM, &sa, &oldterm);
	fk.raise_sigs = sigs;
	assert_int_equal(run_fake(&fake_ops, 100, NULL, &err), 0);
	/* nohup's SIGHUP is the child's too: only SIGTERM went on. */
	assert_int_equal(nsent, 1);
	assert_int_equal(sent_sig[0], SIGTERM);
	sigaction(SIGHUP, NULL, &now);
	assert_true(now.sa_handler == SIG_IGN);
	sigaction(SIGHUP, &old, NULL);
	sigaction(SIGTERM, &oldterm, NULL);
}

static void
launch_restores_signal_mask(void **state)
{
	sigset_t before, after;
	struct sb_error err;

	(void)state;
	sigprocmask(SIG_SETMASK, NULL, &before);
	assert_int_equal(run_fake(&fake_ops, 100, NULL, &err), 0);
	sigprocmask(SIG_SETMASK, NULL, &after);
	assert_int_equal(sigismember(&after, SIGINT),
	    sigismember(&before, SIGINT));
	assert_int_equal(sigismember(&after, SIGTERM),
	    sigismember(&before, SIGTERM));
	fk.spawn_fails = true;
	fk.failure.stage = LAUNCH_STAGE_EXEC;
	fk.failure.errnum = ENOENT;
	assert_int_equal(run_fake(&fake_ops, 100, NULL, &err), 127);
	sigprocmask(SIG_SETMASK, NULL, &after);
	assert_int_equal(sigismember(&after, SIGINT),
	    sigismember(&before, SIGINT));
}

/* --- the real operations ----------------------------------------------- */

/* The real ops, with this program as sandbox-exec and no PATH lookup (the
 * fake's "commands" are words it understands, not programs). */
static char *real_temp;

static int
any_command(const char *cmd, const char *path_env, const char *cwd, void *arg)
{
	(void)cmd;
	(void)path_env;
	(void)cwd;
	(void)arg;
	return 0;
}

static bool
always_present(const char *path, void *arg)
{
	(void)path;
	(void)arg;
	return true;
}

static char *
recording_temp_create(const char *dir, const char *data, size_t len,
    struct sb_error *err, void *arg)
{
	char *path;

	path = launch_ops_posix.temp_create(dir, data, len, err, arg);
	free(real_temp);
	real_temp = path != NULL ? xstrdup(path) : NULL;
	return path;
}

static void
real_ops(struct launch_ops *ops)
{
	*ops = launch_ops_posix;
	ops->sandbox_exec = self_path;
	ops->find_command = any_command;
	ops->temp_create = recording_temp_create;
}

static int
run_real(const struct launch_ops *ops, size_t size, char *const cmd[],
    enum net_mode net, const char *cwd, struct sb_error *err)
{
	extern char **environ;
	struct gen_result r;
	struct launch_spec s;
	int status;

	result_of_size(&r, size);
	spec_of(&s, &r, net);
	s.command = cmd;
	s.envp = environ;
	s.tmpdir = getenv("TMPDIR");
	s.cwd = cwd;
	sb_error_init(err);
	status = launch_run(ops, &s, NULL, err);
	gen_result_clear(&r);
	return status;
}

static void
launch_real_exit_3_is_3(void **state)
{
	static char *cmd[] = { S("exit"), S("3"), NULL };
	struct launch_ops ops;
	struct sb_error err;

	(void)state;
	real_ops(&ops);
	assert_int_equal(run_real(&ops, 100, cmd, NET_OFF, NULL, &err), 3);
	assert_false(sb_error_is_set(&err));
}

/* With replace, this process becomes the fake sandbox-exec, which runs
 * "exit 3": so in a child of ours, which must end with 3. */
static void
launch_real_replace_becomes_the_command(void **state)
{
	static char *cmd[] = { S("exit"), S("3"), NULL };
	struct launch_ops ops;
	struct gen_result r;
	struct launch_spec s;
	struct sb_error err;
	pid_t pid;
	int ws;

	(void)state;
	real_ops(&ops);
	fflush(NULL);
	if ((pid = fork()) == 0) {
		extern char **environ;

		result_of_size(&r, 100);
		spec_of(&s, &r, NET_OFF);
		s.command = cmd;
		s.envp = environ;
		s.replace = true;
		sb_error_init(&err);
		(void)launch_run(&ops, &s, NULL, &err);
		_exit(99);
	}
	assert_true(pid > 0);
	assert_int_equal(waitpid(pid, &ws, 0), pid);
	assert_true(WIFEXITED(ws));
	assert_int_equal(WEXITSTATUS(ws), 3);
}

static void
launch_real_signal_9_exits_137(void **state)
{
	static char *cmd[] = { S("kill"), S("9"), NULL };
	struct launch_ops ops;
	struct sb_error err;

	(void)state;
	real_ops(&ops);
	assert_int_equal(run_real(&ops, 100, cmd, NET_OFF, NULL, &err), 137);
}

static void
launch_real_child_environment(void **state)
{
	static char *restricted[] = { S("env"), S("1"), NULL };
	static char *full[] = { S("env"), S("-"), NULL };
	struct launch_ops ops;
	struct sb_error err;

	(void)state;
	real_ops(&ops);
	setenv("SBPOLICY_NETWORK_DISABLED", "stale", 1);
	assert_int_equal(run_real(&ops, 100, restricted, NET_RESTRICTED, NULL,
	    &err), 0);
	assert_int_equal(run_real(&ops, 100, full, NET_FULL, NULL, &err), 0);
	unsetenv("SBPOLICY_NETWORK_DISABLED");
}

static void
launch_real_starts_in_cwd(void **state)
{
	char *dir, **cmd;
	struct launch_ops ops;
	struct sb_error err;

	(void)state;
	real_ops(&ops);
	dir = realpath("/", NULL);
	cmd = xcalloc(3, sizeof *cmd);
	cmd[0] = (char *)"pwd";
	cmd[1] = dir;
	assert_int_equal(run_real(&ops, 100, cmd, NET_OFF, dir, &err), 0);
	assert_int_equal(run_real(&ops, 100, cmd, NET_OFF,
	    "/nonexistent/sbpolicy-test", &err), 125);
	assert_non_null(strstr(err.msg, "cannot change to"));
	free(cmd);
	free(dir);
}

static void
launch_real_exec_failure_exits_127_or_126(void **state)
{
	static char *cmd[] = { S("exit"), S("0"), NULL };
	struct launch_ops ops;
	struct sb_error err;
	char path[] = "/tmp/sbpolicy-test-noexec.XXXXXX";
	int fd;

	(void)state;
	real_ops(&ops);
	ops.sandbox_exec = "/nonexistent/sandbox-exec";
	ops.is_present = always_present;
	assert_int_equal(run_real(&ops, 100, cmd, NET_OFF, NULL, &err), 127);
	assert_string_equal(err.msg, "cannot execute "
	    "/nonexistent/sandbox-exec: No such file or directory");
	/* Present but not executable: 126. */
	assert_true((fd = mkstemp(path)) != -1);
	close(fd);
	ops.sandbox_exec = path;
	assert_int_equal(run_real(&ops, LAUNCH_INLINE_MAX + 1, cmd, NET_OFF,
	    NULL, &err), 126);
	/* The -f file goes, even though nothing ran. */
	assert_non_null(real_temp);
	assert_int_equal(access(real_temp, F_OK), -1);
	unlink(path);
}

static void
launch_real_large_profile_file_is_private_and_removed(void **state)
{
	static char *cmd[] = { S("check-file"), NULL };
	struct launch_ops ops;
	struct sb_error err;

	(void)state;
	real_ops(&ops);
	free(real_temp);
	real_temp = NULL;
	assert_int_equal(run_real(&ops, LAUNCH_INLINE_MAX + 100, cmd, NET_OFF,
	    NULL, &err), 0);
	assert_non_null(real_temp);
	assert_int_equal(access(real_temp, F_OK), -1);
	assert_int_equal(errno, ENOENT);
}

static void
launch_real_large_profile_removed_when_killed(void **state)
{
	static char *cmd[] = { S("check-file-then-kill"), NULL };
	struct launch_ops ops;
	struct sb_error err;

	(void)state;
	real_ops(&ops);
	free(real_temp);
	real_temp = NULL;
	assert_int_equal(run_real(&ops, LAUNCH_INLINE_MAX + 100, cmd, NET_OFF,
	    NULL, &err), 137);
	assert_non_null(real_temp);
	assert_int_equal(access(real_temp, F_OK), -1);
}

static void
launch_real_inline_file_has_no_params(void **state)
{
	extern char **environ;
	static char *cmd[] = { S("check-inline"), NULL };
	struct gen_result r;
	struct launch_spec s;
	struct launch_ops ops;
	struct sb_error err;

	(void)state;
	real_ops(&ops);
	free(real_temp);
	real_temp = NULL;
	result_with_params(&r, MANY_PARAMS, LONG_VALUE, MANY_PARAMS);
	spec_of(&s, &r, NET_OFF);
	s.command = cmd;
	s.envp = environ;
	s.tmpdir = getenv("TMPDIR");
	sb_error_init(&err);
	assert_int_equal(launch_run(&ops, &s, NULL, &err), 0);
	assert_false(sb_error_is_set(&err));
	assert_non_null(real_temp);
	assert_int_equal(access(real_temp, F_OK), -1);
	gen_result_clear(&r);
}

static void
launch_real_e2big_exits_125(void **state)
{
#ifdef __linux__
	char *cmd[4];
	struct launch_ops ops;
	struct sb_error err;

	(void)state;
	/* Within the budget, but over Linux's 128 KiB for one string: the
	 * real execve says E2BIG. */
	real_ops(&ops);
	cmd[0] = S("exit");
	cmd[1] = S("0");
	cmd[2] = xmalloc(200 * 1024 + 1);
	memset(cmd[2], 'q', 200 * 1024);
	cmd[2][200 * 1024] = '\0';
	cmd[3] = NULL;
	assert_int_equal(run_real(&ops, 100, cmd, NET_OFF, NULL, &err), 125);
	assert_non_null(strstr(err.msg, strerror(E2BIG)));
	assert_non_null(strstr(err.msg, "the budget is 262144"));
	free(cmd[2]);
#else
	(void)state;
	skip();
#endif
}

static void
launch_real_sigterm_is_forwarded(void **state)
{
	char pid[32], *cmd[3];
	struct launch_ops ops;
	struct sb_error err;

	(void)state;
	real_ops(&ops);
	snprintf(pid, sizeof pid, "%ld", (long)getpid());
	cmd[0] = (char *)"term-parent";
	cmd[1] = pid;
	cmd[2] = NULL;
	/* The child dies of the forwarded SIGTERM, and we live on. */
	assert_int_equal(run_real(&ops, 100, cmd, NET_OFF, NULL, &err),
	    128 + SIGTERM);
}

static void
launch_posix_is_present(void **state)
{
	(void)state;
	assert_true(launch_ops_posix.is_present("/bin/sh", NULL));
	assert_false(launch_ops_posix.is_present("/nonexistent/x", NULL));
	assert_false(launch_ops_posix.is_present("/", NULL));
}

static void
launch_posix_find_command(void **state)
{
	const struct launch_ops *o = &launch_ops_posix;
	char dir[] = "/tmp/sbpolicy-test-find.XXXXXX", *a, *b, *f, *path;

	(void)state;
	assert_non_null(mkdtemp(dir));
	xasprintf(&a, "%s/a", dir);
	xasprintf(&b, "%s/b", dir);
	assert_int_equal(mkdir(a, 0755), 0);
	assert_int_equal(mkdir(b, 0755), 0);
	/* a/tool is not executable, b/tool is. */
	xasprintf(&f, "%s/tool", a);
	assert_int_equal(test_write_file(f, "#!/bin/sh\n", 10), 0);
	chmod(f, 0644);
	free(f);
	xasprintf(&f, "%s/tool", b);
	assert_int_equal(test_write_file(f, "#!/bin/sh\n", 10), 0);
	chmod(f, 0755);

	xasprintf(&path, "%s:%s", a, b);
	assert_int_equal(o->find_command("tool", path, NULL, NULL), 0);
	free(path);
	assert_int_equal(o->find_command("tool", a, NULL, NULL), EACCES);
	assert_int_equal(o->find_command("nope", b, NULL, NULL), ENOENT);
	assert_int_equal(o->find_command("", b, NULL, NULL), ENOENT);
	assert_int_equal(o->find_command("sh", "/nonexistent:/bin", NULL, NULL),
	    0);
	/* No PATH: the system default still finds sh. */
	assert_int_equal(o->find_command("sh", NULL, NULL, NULL), 0);
	/* With a slash: no search; relative to the command's cwd. */
	assert_int_equal(o->find_command(f, "/nonexistent", NULL, NULL), 0);
	assert_int_equal(o->find_command("b/tool", "", dir, NULL), 0);
	assert_int_equal(o->find_command("a/tool", "", dir, NULL), EACCES);
	assert_int_equal(o->find_command("nope", "", dir, NULL), ENOENT);
	/* Found in the PATH but a directory: execvp says EACCES. */
	assert_int_equal(o->find_command("a", "", dir, NULL), EACCES);
	assert_int_equal(o->find_command("./a", "", dir, NULL), EISDIR);
	assert_int_equal(o->find_command("/nonexistent/x", NULL, NULL, NULL),
	    ENOENT);
	/* An empty PATH element and a relative one mean the cwd. */
	assert_int_equal(o->find_command("tool", ":/nonexistent", b, NULL), 0);
	assert_int_equal(o->find_command("tool", "b", dir, NULL), 0);

	unlink(f);
	free(f);
	xasprintf(&f, "%s/tool", a);
	unlink(f);
	free(f);
	rmdir(a);
	rmdir(b);
	rmdir(dir);
	free(a);
	free(b);
}

static void
launch_posix_temp_file_is_private(void **state)
{
	char dir[] = "/tmp/sbpolicy-test-temp.XXXXXX", *slash, *path, *data;
	struct sb_error err;
	struct stat sb;
	size_t len;

	(void)state;
	assert_non_null(mkdtemp(dir));
	/* $TMPDIR on macOS ends in a slash. */
	xasprintf(&slash, "%s/", dir);
	sb_error_init(&err);
	path = launch_ops_posix.temp_create(slash, "(version 1)\n", 12, &err,
	    NULL);
	assert_non_null(path);
	assert_int_equal(strncmp(path, dir, strlen(dir)), 0);
	assert_int_equal(path[strlen(dir)], '/');
	assert_int_equal(path[strlen(dir) + 1], 's');
	assert_int_equal(stat(path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	data = test_slurp(path, &len);
	assert_int_equal(len, 12);
	assert_string_equal(data, "(version 1)\n");
	free(data);
	assert_int_equal(launch_ops_posix.temp_remove(path, NULL), 0);
	assert_int_equal(access(path, F_OK), -1);
	free(path);
	path = launch_ops_posix.temp_create("/nonexistent/dir", "x", 1, &err,
	    NULL);
	assert_null(path);
	assert_string_equal(err.msg, "cannot create a profile file in "
	    "\"/nonexistent/dir\": No such file or directory");
	/* $TMPDIR is the user's: one printable line, whatever it holds. */
	sb_error_init(&err);
	path = launch_ops_posix.temp_create("/nonexistent/a\nb\033[2J/", "x",
	    1, &err, NULL);
	assert_null(path);
	assert_string_equal(err.msg, "cannot create a profile file in "
	    "\"/nonexistent/a\\nb\\x1b[2J\": No such file or directory");
	rmdir(dir);
	free(slash);
}

/* The temp file and close-on-exec helpers of proc.c, which the log reader
 * shares. */
static void
proc_temp_open_drops_trailing_slashes(void **state)
{
	char dir[] = "/tmp/sbpolicy-test-open.XXXXXX", *slashes, *path;
	struct sb_error err;
	int fd;

	(void)state;
	assert_non_null(mkdtemp(dir));
	xasprintf(&slashes, "%s///", dir);
	sb_error_init(&err);
	fd = proc_temp_open(slashes, "x-name.XXXXXX", "a file", &path, &err);
	assert_true(fd >= 0);
	assert_int_equal(strncmp(path, dir, strlen(dir)), 0);
	assert_int_equal(strncmp(path + strlen(dir), "/x-name.", 8), 0);
	assert_int_equal(strlen(path), strlen(dir) + 14);
	assert_int_equal(fcntl(fd, F_GETFD) & FD_CLOEXEC, 0);
	assert_int_equal(proc_set_cloexec(fd), 0);
	assert_int_equal(fcntl(fd, F_GETFD) & FD_CLOEXEC, FD_CLOEXEC);
	close(fd);
	unlink(path);
	free(path);
	/* The message names the directory as trimmed, and what was wanted. */
	path = NULL;
	fd = proc_temp_open("/nonexistent/", "x.XXXXXX", "a thing", &path,
	    &err);
	assert_int_equal(fd, -1);
	assert_null(path);
	assert_string_equal(err.msg, "cannot create a thing in "
	    "\"/nonexistent\": No such file or directory");
	assert_int_equal(proc_set_cloexec(-1), -1);
	rmdir(dir);
	free(slashes);
}

static void
launch_status_and_failure_codes(void **state)
{
	struct launch_status st;
	struct launch_failure f;

	(void)state;
	st.signaled = false;
	st.value = 0;
	assert_int_equal(launch_status_code(&st), 0);
	st.value = 255;
	assert_int_equal(launch_status_code(&st), 255);
	st.signaled = true;
	st.value = SIGINT;
	assert_int_equal(launch_status_code(&st), 130);
	f.stage = LAUNCH_STAGE_EXEC;
	f.errnum = ENOENT;
	assert_int_equal(launch_failure_code(&f), 127);
	f.errnum = ENOTDIR;
	assert_int_equal(launch_failure_code(&f), 127);
	f.errnum = EACCES;
	assert_int_equal(launch_failure_code(&f), 126);
	f.errnum = ENOEXEC;
	assert_int_equal(launch_failure_code(&f), 126);
	/* Ours or the system's, not the command's. */
	f.errnum = E2BIG;
	assert_int_equal(launch_failure_code(&f), 125);
	f.errnum = ENOMEM;
	assert_int_equal(launch_failure_code(&f), 125);
	f.errnum = EMFILE;
	assert_int_equal(launch_failure_code(&f), 125);
	f.stage = LAUNCH_STAGE_FORK;
	assert_int_equal(launch_failure_code(&f), 125);
	f.stage = LAUNCH_STAGE_CHDIR;
	assert_int_equal(launch_failure_code(&f), 125);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int
main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		T(launch_argv_default_has_no_params),
		T(launch_argv_network_off_ignores_lists),
		T(launch_argv_restricted_socket),
		T(launch_argv_restricted_allow_all_has_no_params),
		T(launch_argv_restricted_local_proxy_has_no_params),
		T(launch_argv_restricted_socket_and_deny),
		T(launch_argv_full_sockets_deny),
		T(launch_argv_fs_read_only_has_no_params),
		T(launch_argv_fs_full_access_has_no_params),
		T(launch_argv_fs_workspace_write_roots_in_order),
		T(launch_argv_fs_workspace_then_sockets),
		T(launch_argv_without_command_ends_after_the_parameters),
		T(launch_argv_64k_profile_still_uses_p),
		T(launch_argv_large_profile_uses_f),
		T(proc_temp_dir_needs_an_absolute_tmpdir),
		T(launch_env_restricted_adds_network_disabled),
		T(launch_env_full_has_no_network_disabled),
		T(launch_env_replaces_inherited_values),
		T(launch_env_cwd_sets_pwd),
		T(launch_env_from_nothing),
		T(launch_exit_0_is_0),
		T(launch_replace_execs_in_place),
		T(launch_replace_not_for_a_file_or_without_exec),
		T(launch_exit_3_is_3),
		T(launch_signal_9_exits_137),
		T(launch_signal_15_exits_143),
		T(launch_exec_enoent_exits_127),
		T(launch_exec_eacces_exits_126),
		T(launch_fork_failure_exits_125),
		T(launch_chdir_failure_exits_125),
		T(launch_wait_failure_exits_125),
		T(launch_without_sandbox_exec_exits_125),
		T(launch_inside_a_sandbox_exits_125),
		T(launch_command_not_found_exits_127),
		T(launch_command_not_executable_exits_126),
		T(launch_command_looked_up_in_child_path),
		T(launch_empty_command_exits_125),
		T(launch_vec_size_counts_strings_nuls_and_pointers),
		T(launch_plan_small_profile_uses_p),
		T(launch_plan_large_profile_uses_f_with_params),
		T(launch_plan_budget_is_inclusive),
		T(launch_plan_params_over_budget_go_inline),
		T(launch_params_over_budget_run_without_d),
		T(launch_plan_inline_impossible_exits_125),
		T(launch_plan_command_too_long_exits_125),
		T(launch_exec_e2big_exits_125),
		T(launch_spawn_gets_argv_env_and_path),
		T(launch_full_network_child_env),
		T(launch_large_profile_file_used_and_removed),
		T(launch_large_profile_removed_when_killed),
		T(launch_large_profile_removed_when_exec_fails),
		T(launch_temp_file_failure_exits_125),
		T(launch_should_forward_table),
		T(launch_forwards_four_signals_to_the_child),
		T(launch_caught_signal_starts_nothing),
		T(launch_ignored_signal_stays_ignored),
		T(launch_restores_signal_mask),
		T(launch_real_exit_3_is_3),
		T(launch_real_replace_becomes_the_command),
		T(launch_real_signal_9_exits_137),
		T(launch_real_child_environment),
		T(launch_real_starts_in_cwd),
		T(launch_real_exec_failure_exits_127_or_126),
		T(launch_real_large_profile_file_is_private_and_removed),
		T(launch_real_large_profile_removed_when_killed),
		T(launch_real_inline_file_has_no_params),
		T(launch_real_e2big_exits_125),
		T(launch_real_sigterm_is_forwarded),
		T(launch_posix_is_present),
		T(launch_posix_find_command),
		T(launch_posix_temp_file_is_private),
		T(proc_temp_open_drops_trailing_slashes),
		T(launch_status_and_failure_codes),
	};
	int status;

	if (argc > 0 && strcmp(argv[0], LAUNCH_SANDBOX_EXEC) == 0)
		return fake_sandbox_exec(argc, argv);
	if ((self_path = realpath(argv[0], NULL)) == NULL) {
		fprintf(stderr, "test_launch: cannot find myself (%s)\n",
		    argv[0]);
		return 99;
	}
	status = cmocka_run_group_tests(tests, NULL, NULL);
	free(self_path);
	free(real_temp);
	return status;
}
