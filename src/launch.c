/* SPDX-License-Identifier: ISC */
/* launch.c: the sandbox-exec command line, and running it. */
#include "config.h"

#include "launch.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "format.h"
#include "proc.h"
#include "xmalloc.h"

bool
launch_needs_file(const struct gen_result *r)
{
	return strlen(r->profile) > LAUNCH_INLINE_MAX;
}

/*
 * The vector: -f file when file is not NULL, else -p and the profile; the -D
 * parameters when defs.
 */
static char **
argv_build(const struct gen_result *r, const char *file, bool defs,
    char *const cmd[])
{
	char **argv;
	size_t ncmd = 0, n = 0, i;

	while (cmd != NULL && cmd[ncmd] != NULL)
		ncmd++;
	argv = xreallocarray(NULL, 5 + r->nparams + ncmd, sizeof *argv);
	argv[n++] = xstrdup(LAUNCH_SANDBOX_EXEC);
	if (file != NULL) {
		argv[n++] = xstrdup("-f");
		argv[n++] = xstrdup(file);
	} else {
		argv[n++] = xstrdup("-p");
		argv[n++] = xstrdup(r->profile);
	}
	for (i = 0; defs && i < r->nparams; i++) {
		xasprintf(&argv[n++], "-D%s=%s", r->params[i].key,
		    r->params[i].value);
	}
	/* No command, no "--": generate's json and args without a command. */
	if (ncmd > 0)
		argv[n++] = xstrdup("--");
	for (i = 0; i < ncmd; i++)
		argv[n++] = xstrdup(cmd[i]);
	argv[n] = NULL;
	return argv;
}

char **
launch_argv_new(const struct gen_result *r, const char *profile_file,
    char *const cmd[])
{
	return argv_build(r, launch_needs_file(r) ? profile_file : NULL, true,
	    cmd);
}

char **
launch_plan_argv(const struct launch_plan *plan,
    const struct launch_spec *spec, const char *file)
{
	return argv_build(spec->result, plan->how == LAUNCH_HOW_ARG ? NULL :
	    file, plan->how != LAUNCH_HOW_FILE_INLINE, spec->command);
}

/* One string in execve's count: its bytes, its NUL and its pointer. */
static size_t
str_cost(size_t len)
{
	return len + 1 + sizeof(char *);
}

/* The strings of v (NULL: none), without the NULL that ends it. */
static size_t
strs_cost(char *const v[])
{
	size_t n = 0, i;

	for (i = 0; v != NULL && v[i] != NULL; i++)
		n += str_cost(strlen(v[i]));
	return n;
}

size_t
launch_vec_size(char *const v[])
{
	return strs_cost(v) + sizeof(char *);
}

/*
 * format_inline's reason, without what is only true of generate: its
 * "inline: " head and its advice to use the sbpl format.
 */
static const char *
inline_reason(char *msg)
{
	static const char head[] = "inline: ";
	static const char tail[] = " (use the sbpl format and -D)";
	size_t len = strlen(msg);

	if (len >= sizeof tail - 1 &&
	    strcmp(msg + len - (sizeof tail - 1), tail) == 0)
		msg[len - (sizeof tail - 1)] = '\0';
	if (strncmp(msg, head, sizeof head - 1) == 0)
		msg += sizeof head - 1;
	return msg;
}

int
launch_plan_new(const struct launch_spec *spec, struct launch_plan *plan,
    struct sb_error *err)
{
	const struct gen_result *r = spec->result;
	struct sb_error ierr;
	char **envp;
	size_t base, defs = 0, flen, i;

	memset(plan, 0, sizeof *plan);
	/* What every way has: sandbox-exec, "--" and the command, the NULL
	 * that ends argv, and the environment the child really gets. */
	envp = launch_env_new(spec->envp, spec->net_mode, spec->cwd);
	base = str_cost(strlen(LAUNCH_SANDBOX_EXEC)) + sizeof(char *) +
	    launch_vec_size(envp);
	launch_argv_free(envp);
	if (spec->command != NULL && spec->command[0] != NULL)
		base += str_cost(2) + strs_cost(spec->command);
	/* "-D" KEY "=" VALUE. */
	for (i = 0; i < r->nparams; i++)
		defs += str_cost(2 + strlen(r->params[i].key) + 1 +
		    strlen(r->params[i].value));
	/* mkstemp keeps the template's length: the name is known now. */
	flen = proc_temp_path_len(proc_temp_dir(spec->tmpdir),
	    LAUNCH_TMP_TEMPLATE);
	plan->size_arg = base + str_cost(2) + str_cost(strlen(r->profile)) +
	    defs;
	plan->size_file = base + str_cost(2) + str_cost(flen) + defs;
	plan->size_bare = base + str_cost(2) + str_cost(flen);

	if (!launch_needs_file(r) && plan->size_arg <= LAUNCH_ARGV_BUDGET) {
		plan->how = LAUNCH_HOW_ARG;
		plan->size = plan->size_arg;
		return 0;
	}
	if (plan->size_bare > LAUNCH_ARGV_BUDGET) {
		sb_error_set(err, SB_ELIMIT, "the command line and environment "
		    "would take %zu bytes even with the profile in a file and "
		    "no -D, more than the budget of %d (macOS allows 1 MiB "
		    "for both): shorten the command's arguments or the "
		    "environment", plan->size_bare, LAUNCH_ARGV_BUDGET);
		goto fail;
	}
	if (plan->size_file <= LAUNCH_ARGV_BUDGET) {
		plan->how = LAUNCH_HOW_FILE;
		plan->text = xstrdup(r->profile);
		plan->size = plan->size_file;
		return 0;
	}
	/* In the file, the values need no argument: write them in. */
	sb_error_init(&ierr);
	if ((plan->text = format_inline(r, &ierr)) == NULL) {
		sb_error_set(err, SB_ELIMIT, "with its -D parameters the "
		    "command line and environment would take %zu bytes, more "
		    "than the budget of %d, and they cannot be written into "
		    "the profile instead: %s", plan->size_file,
		    LAUNCH_ARGV_BUDGET, inline_reason(ierr.msg));
		goto fail;
	}
	plan->how = LAUNCH_HOW_FILE_INLINE;
	plan->size = plan->size_bare;
	return 0;

fail:
	memset(plan, 0, sizeof *plan);
	return LAUNCH_EXIT_FAILED;
}

void
launch_plan_clear(struct launch_plan *plan)
{
	free(plan->text);
	memset(plan, 0, sizeof *plan);
}

void
launch_argv_free(char **argv)
{
	size_t i;

	if (argv == NULL)
		return;
	for (i = 0; argv[i] != NULL; i++)
		free(argv[i]);
	free(argv);
}

/* True when the entry "NAME=..." has the given name. */
static bool
env_is(const char *entry, const char *name)
{
	size_t n = strlen(name);

	return strncmp(entry, name, n) == 0 && entry[n] == '=';
}

const char *
launch_env_get(char *const envp[], const char *name)
{
	size_t i;

	for (i = 0; envp != NULL && envp[i] != NULL; i++) {
		if (env_is(envp[i], name))
			return envp[i] + strlen(name) + 1;
	}
	return NULL;
}

char **
launch_env_new(char *const envp[], enum net_mode net, const char *cwd)
{
	char **out;
	size_t n = 0, i;

	while (envp != NULL && envp[n] != NULL)
		n++;
	out = xreallocarray(NULL, n + 4, sizeof *out);
	n = 0;
	for (i = 0; envp != NULL && envp[i] != NULL; i++) {
		/* An inherited value would be a lie about this sandbox. */
		if (env_is(envp[i], LAUNCH_ENV_SANDBOX) ||
		    env_is(envp[i], LAUNCH_ENV_NET_DISABLED))
			continue;
		if (cwd != NULL && env_is(envp[i], "PWD"))
			continue;
		out[n++] = xstrdup(envp[i]);
	}
	if (cwd != NULL)
		xasprintf(&out[n++], "PWD=%s", cwd);
	out[n++] = xstrdup(LAUNCH_ENV_SANDBOX "=seatbelt");
	if (net != NET_FULL)
		out[n++] = xstrdup(LAUNCH_ENV_NET_DISABLED "=1");
	out[n] = NULL;
	return out;
}

int
launch_status_code(const struct launch_status *st)
{
	if (st->signaled)
		return LAUNCH_EXIT_SIGNAL_BASE + st->value;
	return st->value;
}

int
launch_failure_code(const struct launch_failure *f)
{
	switch (f->stage) {
	case LAUNCH_STAGE_FORK:
	case LAUNCH_STAGE_CHDIR:
		return LAUNCH_EXIT_FAILED;
	case LAUNCH_STAGE_EXEC:
		break;
	}
	switch (f->errnum) {
	case ENOENT:
	case ENOTDIR:
		return LAUNCH_EXIT_NOT_FOUND;
	/*
	 * Nothing wrong with the program: too many bytes of arguments and
	 * environment (which the budget should have kept out), or the
	 * system's memory, processes or open files ran out. 126 would send
	 * the user looking at the command.
	 */
	case E2BIG:
	case ENOMEM:
	case EFAULT:
	case EAGAIN:
	case EMFILE:
	case ENFILE:
		return LAUNCH_EXIT_FAILED;
	}
	return LAUNCH_EXIT_CANNOT_EXEC;
}

bool
launch_should_forward(int sig, bool user_sent, pid_t sender, pid_t child)
{
	if (user_sent && sender == child)
		return false;
	switch (sig) {
	case SIGINT:
	case SIGQUIT:
		return user_sent;
	case SIGHUP:
	case SIGTERM:
		return true;
	}
	return false;
}

/* --- catching the forwarded signals around a run ------------------------ */

static volatile sig_atomic_t	caught_signal;
static bool			catching;	/* between begin and end */
static struct sigaction		caught_old[PROC_NFORWARDED];
static bool			caught_installed[PROC_NFORWARDED];

static void
catch_handler(int sig)
{
	/* The first one says how we end. */
	if (caught_signal == 0)
		caught_signal = sig;
}

const volatile sig_atomic_t *
launch_catch_begin(void)
{
	struct sigaction sa;
	size_t i;

	caught_signal = 0;
	catching = true;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = catch_handler;
	sigemptyset(&sa.sa_mask);
	/* Restarted, so stdio and waitpid go on; nanosleep never restarts,
	 * which is what cuts a wait short. */
	sa.sa_flags = SA_RESTART;
	for (i = 0; i < PROC_NFORWARDED; i++) {
		caught_installed[i] = false;
		if (sigaction(proc_forwarded_signals[i], NULL,
		    &caught_old[i]) == -1)
			continue;
		/* Ignored stays ignored, as launch_run leaves it. */
		if (!(caught_old[i].sa_flags & SA_SIGINFO) &&
		    caught_old[i].sa_handler == SIG_IGN)
			continue;
		if (sigaction(proc_forwarded_signals[i], &sa, NULL) == 0)
			caught_installed[i] = true;
	}
	return &caught_signal;
}

void
launch_catch_end(void)
{
	size_t i;

	for (i = 0; i < PROC_NFORWARDED; i++) {
		if (caught_installed[i])
			(void)sigaction(proc_forwarded_signals[i],
			    &caught_old[i], NULL);
		caught_installed[i] = false;
	}
	catching = false;
}

/* --- running ------------------------------------------------------------ */

/*
 * The handler's view of the run: set before the handlers are installed and
 * cleared with the signals blocked, so the handler never sees a half-made
 * state. One run at a time per process, which is all `run` and the TUI do.
 */
static volatile sig_atomic_t		 fwd_child;
static const struct launch_ops *volatile fwd_ops;

static void
forward_handler(int sig, siginfo_t *si, void *ctx)
{
	pid_t child = (pid_t)fwd_child;
	bool user;
	int saved = errno;

	(void)ctx;
	user = si != NULL &&
	    (si->si_code == SI_USER || si->si_code == SI_QUEUE);
	if (child > 0 && launch_should_forward(sig, user,
	    user ? si->si_pid : 0, child))
		(void)fwd_ops->send_signal(child, sig, fwd_ops->arg);
	errno = saved;
}

int
launch_check_sandbox_exec(const struct launch_ops *ops, struct sb_error *err)
{
	if (ops->is_present(ops->sandbox_exec, ops->arg))
		return 0;
#ifdef __APPLE__
	sb_error_set(err, SB_EIO, "%s not found or not executable",
	    ops->sandbox_exec);
#else
	sb_error_set(err, SB_EIO, "sandbox-exec is only available on macOS "
	    "(%s not found)", ops->sandbox_exec);
#endif
	return LAUNCH_EXIT_FAILED;
}

/* launch_check, keeping the plan when it returns 0 (else *plan is empty). */
static int
check_plan(const struct launch_ops *ops, const struct launch_spec *spec,
    struct launch_plan *plan, struct sb_error *err)
{
	char show[SB_SHOW_MAX], **envp;
	const char *cmd;
	int r;

	memset(plan, 0, sizeof *plan);
	if ((r = launch_check_sandbox_exec(ops, err)) != 0)
		return r;
	if (ops->is_sandboxed(ops->arg) == 1) {
		sb_error_set(err, SB_EINVAL, "already running inside a "
		    "sandbox, and macOS cannot apply a second profile "
		    "(sandbox-exec would fail with \"sandbox_apply: "
		    "Operation not permitted\"); run sbpolicy outside the "
		    "sandbox");
		return LAUNCH_EXIT_FAILED;
	}
	if (spec->command == NULL || spec->command[0] == NULL) {
		sb_error_set(err, SB_EINVAL, "no command to run");
		return LAUNCH_EXIT_FAILED;
	}
	/* What cannot be launched at all is 125, whatever the command. */
	if ((r = launch_plan_new(spec, plan, err)) != 0)
		return r;
	/* Look the command up with the PATH it will really get. */
	cmd = spec->command[0];
	envp = launch_env_new(spec->envp, spec->net_mode, spec->cwd);
	r = ops->find_command(cmd, launch_env_get(envp, "PATH"), spec->cwd,
	    ops->arg);
	launch_argv_free(envp);
	switch (r) {
	case 0:
		return 0;
	case ENOENT:
		sb_error_set(err, SB_EINVAL, "%s: command not found",
		    sb_show(show, sizeof show, cmd));
		r = LAUNCH_EXIT_NOT_FOUND;
		break;
	case EISDIR:
		sb_error_set(err, SB_EINVAL, "%s: is a directory",
		    sb_show(show, sizeof show, cmd));
		r = LAUNCH_EXIT_CANNOT_EXEC;
		break;
	default:
		sb_error_set(err, SB_EINVAL, "%s: %s",
		    sb_show(show, sizeof show, cmd), strerror(r));
		r = LAUNCH_EXIT_CANNOT_EXEC;
		break;
	}
	launch_plan_clear(plan);
	return r;
}

int
launch_check(const struct launch_ops *ops, const struct launch_spec *spec,
    struct sb_error *err)
{
	struct launch_plan plan;
	int r;

	r = check_plan(ops, spec, &plan, err);
	launch_plan_clear(&plan);
	return r;
}

/* size: what the vectors came to, for an E2BIG. */
static void
spawn_error(const struct launch_ops *ops, const struct launch_spec *spec,
    const struct launch_failure *f, size_t size, struct sb_error *err)
{
	char show[SB_SHOW_MAX];

	switch (f->stage) {
	case LAUNCH_STAGE_FORK:
		sb_error_set(err, SB_EIO, "cannot start %s: %s",
		    ops->sandbox_exec, strerror(f->errnum));
		break;
	case LAUNCH_STAGE_CHDIR:
		sb_error_set(err, SB_EIO, "cannot change to %s: %s",
		    sb_show(show, sizeof show,
		    spec->cwd != NULL ? spec->cwd : "."),
		    strerror(f->errnum));
		break;
	case LAUNCH_STAGE_EXEC:
		/* Within the budget, yet too long: the numbers say by how
		 * much the system's limit is below what we took it to be. */
		if (f->errnum == E2BIG) {
			sb_error_set(err, SB_ELIMIT, "cannot execute %s: %s "
			    "(the arguments and environment take %zu bytes, "
			    "the budget is %d)", ops->sandbox_exec,
			    strerror(f->errnum), size, LAUNCH_ARGV_BUDGET);
			break;
		}
		sb_error_set(err, SB_EIO, "cannot execute %s: %s",
		    ops->sandbox_exec, strerror(f->errnum));
		break;
	}
}

int
launch_run(const struct launch_ops *ops, const struct launch_spec *spec,
    pid_t *pidp, struct sb_error *err)
{
	struct sigaction sa, old[PROC_NFORWARDED], oldchld;
	struct launch_exec e;
	struct launch_failure f;
	struct launch_status st;
	struct launch_plan plan;
	sigset_t block, oldmask;
	char **argv = NULL, **envp = NULL, *file = NULL;
	bool installed[PROC_NFORWARDED];
	pid_t pid;
	size_t i;
	int status;

	if (pidp != NULL)
		*pidp = 0;
	if ((status = check_plan(ops, spec, &plan, err)) != 0)
		return status;

	/*
	 * Block the forwarded signals before the -f file exists: one that
	 * came now would kill us and leave the file behind. They wait until
	 * the handlers are in place, and are then passed on to the child.
	 */
	sigemptyset(&block);
	for (i = 0; i < PROC_NFORWARDED; i++)
		sigaddset(&block, proc_forwarded_signals[i]);
	sigprocmask(SIG_BLOCK, &block, &oldmask);
	/* An ignored SIGCHLD would make the kernel reap the child for us. */
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = SIG_DFL;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGCHLD, &sa, &oldchld);
	/*
	 * A signal caught before the block (launch_catch_begin) means the
	 * caller is on its way out: start nothing. One after it waits, and
	 * goes to the child.
	 */
	if (catching && caught_signal != 0) {
		status = LAUNCH_EXIT_SIGNAL_BASE + caught_signal;
		goto out;
	}

	if (plan.text != NULL) {
		file = ops->temp_create(proc_temp_dir(spec->tmpdir),
		    plan.text, strlen(plan.text), err, ops->arg);
		if (file == NULL) {
			status = LAUNCH_EXIT_FAILED;
			goto out;
		}
	}
	argv = launch_plan_argv(&plan, spec, file);
	envp = launch_env_new(spec->envp, spec->net_mode, spec->cwd);
	e.path = ops->sandbox_exec;
	e.argv = argv;
	e.envp = envp;
	e.cwd = spec->cwd;
	e.sigmask = &oldmask;
	if (spec->replace && file == NULL && ops->exec != NULL) {
		/* The caller's SIGCHLD goes with us into sandbox-exec. */
		sigaction(SIGCHLD, &oldchld, NULL);
		(void)ops->exec(&e, &f, ops->arg);
		spawn_error(ops, spec, &f, launch_vec_size(argv) +
		    launch_vec_size(envp), err);
		status = launch_failure_code(&f);
		goto out;
	}
	if ((pid = ops->spawn(&e, &f, ops->arg)) == -1) {
		spawn_error(ops, spec, &f, launch_vec_size(argv) +
		    launch_vec_size(envp), err);
		status = launch_failure_code(&f);
		goto out;
	}
	if (pidp != NULL)
		*pidp = pid;

	fwd_ops = ops;
	fwd_child = pid;
	memset(&sa, 0, sizeof sa);
	sa.sa_sigaction = forward_handler;
	sa.sa_flags = SA_SIGINFO | SA_RESTART;
	sa.sa_mask = block;
	for (i = 0; i < PROC_NFORWARDED; i++) {
		installed[i] = false;
		if (sigaction(proc_forwarded_signals[i], NULL, &old[i]) == -1)
			continue;
		/* Ignored here means ignored by the child too (inherited). */
		if (!(old[i].sa_flags & SA_SIGINFO) &&
		    old[i].sa_handler == SIG_IGN)
			continue;
		if (sigaction(proc_forwarded_signals[i], &sa, NULL) == 0)
			installed[i] = true;
	}
	sigprocmask(SIG_SETMASK, &oldmask, NULL);

	if (ops->wait(pid, &st, ops->arg) == -1) {
		sb_error_set(err, SB_EIO, "waiting for the command: %s",
		    strerror(errno));
		status = LAUNCH_EXIT_FAILED;
	} else
		status = launch_status_code(&st);

	/*
	 * Stop forwarding before the pid can be reused. A signal that comes
	 * now stays pending and meets the caller's own disposition below.
	 */
	sigprocmask(SIG_BLOCK, &block, NULL);
	fwd_child = 0;
	for (i = 0; i < PROC_NFORWARDED; i++) {
		if (installed[i])
			sigaction(proc_forwarded_signals[i], &old[i], NULL);
	}

out:
	if (file != NULL) {
		(void)ops->temp_remove(file, ops->arg);
		free(file);
	}
	launch_argv_free(argv);
	launch_argv_free(envp);
	launch_plan_clear(&plan);
	sigaction(SIGCHLD, &oldchld, NULL);
	sigprocmask(SIG_SETMASK, &oldmask, NULL);
	return status;
}
