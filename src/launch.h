/* SPDX-License-Identifier: ISC */
/* launch.h: the sandbox-exec command line, and running it. */
#ifndef SBPOLICY_LAUNCH_H
#define SBPOLICY_LAUNCH_H

#include <sys/types.h>

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>

#include "err.h"
#include "gen.h"
#include "params.h"

/* Always this path: never looked up in PATH, where anyone could plant one.
 * Only a build of its own can name another (bench/run-whole.sh compiles
 * one with a fake); nothing at run time can. */
#ifndef LAUNCH_SANDBOX_EXEC
#define LAUNCH_SANDBOX_EXEC	"/usr/bin/sandbox-exec"
#endif
/* Above this many bytes the profile goes through a file (-f): a huge -p
 * argument fails with E2BIG. */
#define LAUNCH_INLINE_MAX	(64 * 1024)
/*
 * The most bytes of arguments and environment that `run` hands to execve(2)
 * for sandbox-exec, counted as the kernel counts them against ARG_MAX: each
 * string with its NUL and its pointer, and the NULL that ends each vector
 * (launch_vec_size). On macOS ARG_MAX is 1 MiB for the arguments and the
 * environment together, and this is far from all that must fit there: the
 * kernel adds the program's path and strings of its own, and the command
 * passes the same environment, grown by whatever shells and build tools
 * export, to every program it starts, next to arguments of their own. A
 * command line that only just fits would leave them nothing; taking a
 * quarter leaves them the other three.
 */
#define LAUNCH_ARGV_BUDGET	(256 * 1024)

/*
 * Exit statuses of `run` besides the command's own (env(1), timeout(1)):
 * sbpolicy failed before the command started; the command was found but
 * could not be executed; it was not found; 128+N, it died of signal N.
 */
#define LAUNCH_EXIT_FAILED	125
#define LAUNCH_EXIT_CANNOT_EXEC	126
#define LAUNCH_EXIT_NOT_FOUND	127
#define LAUNCH_EXIT_SIGNAL_BASE	128

/* The name of the file a large profile goes to, in proc_temp_dir($TMPDIR)
 * (mkstemp replaces the Xs). */
#define LAUNCH_TMP_TEMPLATE	"sbpolicy-profile.XXXXXX"

/* The environment variables the child gets on top of the inherited ones. */
#define LAUNCH_ENV_SANDBOX	"SBPOLICY_SANDBOX"
#define LAUNCH_ENV_NET_DISABLED	"SBPOLICY_NETWORK_DISABLED"

/* True when the profile of r is too large to pass with -p. */
bool	launch_needs_file(const struct gen_result *r);

/*
 * The argument vector, pure: LAUNCH_SANDBOX_EXEC, then "-p" PROFILE (or "-f"
 * profile_file when launch_needs_file(r); profile_file must then be given),
 * then "-DKEY=VALUE" for each parameter in order, then "--" and cmd (which
 * may be NULL or empty: the vector then ends with the last -D, without
 * "--"). NULL-terminated;
 * free with launch_argv_free. Strings are copies. It knows nothing of
 * LAUNCH_ARGV_BUDGET: `run` builds its vector with launch_plan_argv.
 */
char	**launch_argv_new(const struct gen_result *r, const char *profile_file,
	    char *const cmd[]);
void	  launch_argv_free(char **);

/*
 * The child's environment, pure: every entry of envp (which may be NULL)
 * except earlier SBPOLICY_SANDBOX and SBPOLICY_NETWORK_DISABLED entries,
 * then "SBPOLICY_SANDBOX=seatbelt", then "SBPOLICY_NETWORK_DISABLED=1" unless
 * net is NET_FULL. When cwd is not NULL (the command starts there) PWD is
 * replaced by "PWD=cwd" so the shell's idea of the directory stays true.
 * NULL-terminated copies; free with launch_argv_free.
 */
char	**launch_env_new(char *const envp[], enum net_mode net,
	    const char *cwd);

/*
 * What a NULL-terminated vector (argv or envp; NULL counts as empty) costs in
 * execve's count against ARG_MAX: for each string its bytes, its NUL and a
 * pointer, and one pointer for the NULL at the end.
 */
size_t	launch_vec_size(char *const v[]);

/* The value of NAME in a NULL-terminated environment vector, or NULL. */
const char *launch_env_get(char *const envp[], const char *name);

/*
 * How a child ended, decoded from the wait status so that fakes can make one.
 */
struct launch_status {
	bool	signaled;	/* killed by a signal (value is its number) */
	int	value;		/* exit status 0..255, or the signal number */
};

/* The exit status `run` reports for it: the status, or 128 + signal. */
int	launch_status_code(const struct launch_status *);

/* Why the spawn op could not start the program. */
enum launch_stage {
	LAUNCH_STAGE_FORK,	/* fork or pipe failed: 125 */
	LAUNCH_STAGE_CHDIR,	/* chdir to the command's cwd failed: 125 */
	LAUNCH_STAGE_EXEC,	/* execve failed: 127 for ENOENT or ENOTDIR
				 * (not found); 125 when the fault is ours or
				 * the system's, not the program's: E2BIG
				 * (too many bytes of arguments and
				 * environment), ENOMEM, EFAULT, EAGAIN, EMFILE,
				 * ENFILE; else 126 */
};

struct launch_failure {
	enum launch_stage	stage;
	int			errnum;
};

/* The exit status for a spawn failure: see enum launch_stage. */
int	launch_failure_code(const struct launch_failure *);

/* What the spawn op starts. Everything is borrowed for the call. */
struct launch_exec {
	const char		*path;	/* the program: ops->sandbox_exec */
	char *const		*argv;	/* argv[0] is LAUNCH_SANDBOX_EXEC */
	char *const		*envp;
	const char		*cwd;	/* chdir here before exec, or NULL */
	const sigset_t		*sigmask; /* the child's signal mask */
};

/*
 * Everything `run` does to the outside world, so that tests inject fakes and
 * a benchmark can point at another program. launch_ops_posix (in
 * launch-posix.c, with all of the platform's code) is the real thing; copy
 * it and replace fields to fake some of them.
 */
struct launch_ops {
	/*
	 * The program to execute: LAUNCH_SANDBOX_EXEC in launch_ops_posix.
	 * Only code linked against the core (tests, bench/) can change it; the
	 * shipped program has no way to, by design.
	 */
	const char	*sandbox_exec;
	/* True when path is an executable file. */
	bool	 (*is_present)(const char *path, void *arg);
	/* 1 when this process already runs inside a Seatbelt sandbox (so
	 * sandbox-exec would fail with "sandbox_apply: Operation not
	 * permitted"), 0 when not or when it cannot tell. */
	int	 (*is_sandboxed)(void *arg);
	/*
	 * Looks cmd up the way execvp(3) will inside sandbox-exec: as a path
	 * (relative to cwd, or the process cwd when cwd is NULL) when it holds
	 * a '/', else in each directory of path_env (NULL: the default
	 * search path). Returns 0 when found and executable, else ENOENT,
	 * EACCES or EISDIR.
	 */
	int	 (*find_command)(const char *cmd, const char *path_env,
		    const char *cwd, void *arg);
	/* A new private (0600) file in dir holding len bytes of data. Returns
	 * its path (free(3)), or NULL with err set. */
	char	*(*temp_create)(const char *dir, const char *data, size_t len,
		    struct sb_error *err, void *arg);
	/* Removes it; 0 or -1. */
	int	 (*temp_remove)(const char *path, void *arg);
	/*
	 * Starts e->path in a child process with e->argv and e->envp, in
	 * e->cwd, with the signal mask e->sigmask, in this process group and
	 * session (the terminal stays the child's). Returns the pid once the
	 * program has been executed, or -1 with *f set (a child that failed to
	 * exec has already been reaped).
	 */
	pid_t	 (*spawn)(const struct launch_exec *e, struct launch_failure *f,
		    void *arg);
	/* Waits until the child ends (retrying EINTR). 0, or -1 on error. */
	int	 (*wait)(pid_t pid, struct launch_status *st, void *arg);
	/* Sends sig to pid. Called from a signal handler: must be
	 * async-signal-safe (kill(2) is). */
	int	 (*send_signal)(pid_t pid, int sig, void *arg);
	/*
	 * Executes e->path in this process, as spawn does in its child (the
	 * mask e->sigmask, in e->cwd). Returns only when that failed: -1 with
	 * *f set. NULL: launch_run always spawns.
	 */
	int	 (*exec)(const struct launch_exec *e, struct launch_failure *f,
		    void *arg);
	void	*arg;
};

extern const struct launch_ops launch_ops_posix;

/* What to run. Everything is borrowed. */
struct launch_spec {
	const struct gen_result	*result;	/* profile and -D parameters */
	enum net_mode		 net_mode;	/* SBPOLICY_NETWORK_DISABLED? */
	char *const		*command;	/* non-empty, NULL-terminated */
	char *const		*envp;		/* the environment to pass on */
	const char		*tmpdir;	/* large profiles go here */
	const char		*cwd;		/* start here, or NULL: stay */
	/*
	 * When nothing is left to do once sandbox-exec has started (no -f
	 * file to remove, no log to read): become it with ops->exec, so the
	 * process, its signals and its status are the command's own and no
	 * fork or wait is paid. launch_run then returns only on a failure.
	 */
	bool			 replace;
};

/* How the profile reaches sandbox-exec. */
enum launch_how {
	LAUNCH_HOW_ARG,		/* -p PROFILE, then -DKEY=VALUE... */
	LAUNCH_HOW_FILE,	/* -f FILE holding the profile, then -D... */
	LAUNCH_HOW_FILE_INLINE,	/* -f FILE holding the profile with the
				 * values written in (format_inline),
				 * and no -D at all */
};

/*
 * How `run` will start sandbox-exec within LAUNCH_ARGV_BUDGET. The sizes are
 * launch_vec_size of the argument vector plus that of the environment, for
 * each way the profile can go; the -f file is counted with a name as long
 * as the one proc_temp_open gives it.
 */
struct launch_plan {
	enum launch_how	 how;
	char		*text;		/* what the -f file holds, or NULL */
	size_t		 size;		/* the chosen way's */
	size_t		 size_arg;	/* -p and -D */
	size_t		 size_file;	/* -f and -D */
	size_t		 size_bare;	/* -f and no -D: the least there is */
};

/*
 * Decides, pure, how spec goes to sandbox-exec, counting the environment that
 * launch_env_new makes for it: -p when the profile is at most
 * LAUNCH_INLINE_MAX bytes and size_arg fits the budget; else -f with the -D
 * parameters when size_file fits; else -f with the profile in inline form
 * and no -D. Returns 0 with *plan set (release it with launch_plan_clear),
 * or LAUNCH_EXIT_FAILED with err set ("... bytes ..., more than the budget
 * of N ...") and *plan empty when even size_bare is over the budget (the
 * command's arguments or the environment are too large), or when the inline
 * form is needed but impossible (a value with a control character, or too
 * long: see format_inline). spec->command may be NULL or empty, as for
 * launch_argv_new.
 */
int	launch_plan_new(const struct launch_spec *, struct launch_plan *,
	    struct sb_error *);
void	launch_plan_clear(struct launch_plan *);

/*
 * The argument vector of the plan for spec, pure: as launch_argv_new, but
 * "-f" file (which must then be given) unless the plan is LAUNCH_HOW_ARG,
 * and no -D for LAUNCH_HOW_FILE_INLINE. Free with launch_argv_free.
 */
char	**launch_plan_argv(const struct launch_plan *,
	    const struct launch_spec *, const char *file);

/*
 * The first of launch_check's checks: ops->sandbox_exec is present. Returns
 * 0, or 125 with err set: "sandbox-exec is only available on macOS (PATH not
 * found)", on macOS "PATH not found or not executable".
 */
int	launch_check_sandbox_exec(const struct launch_ops *, struct sb_error *);

/*
 * The checks `run` makes before it starts anything: sandbox-exec is present
 * (125, see launch_check_sandbox_exec), this
 * process is not already sandboxed (125), there is a command (125), the
 * whole fits LAUNCH_ARGV_BUDGET in one of the ways of launch_plan_new
 * (125), and the command exists (127) and can be executed (126). Returns 0,
 * or that status with err set.
 */
int	launch_check(const struct launch_ops *, const struct launch_spec *,
	    struct sb_error *);

/*
 * Runs spec->command under the profile and waits for it: launch_check, the
 * -f file when the plan has one (launch_plan_new), the argument vector of
 * launch_plan_argv and the environment of launch_env_new,
 * spawn, forwarding of SIGHUP, SIGINT, SIGQUIT and SIGTERM to the child
 * while it runs (see launch_should_forward), wait, removal of the -f file
 * however the command ended. Returns the exit status for sbpolicy: the
 * command's status, 128+N when it died of signal N (or, starting nothing,
 * when launch_catch_begin caught N before), or 125/126/127 with err set
 * when it could not be started. *pidp (may be NULL) gets the child's pid,
 * or 0 when nothing started. Prints nothing; the caller's signal
 * dispositions and mask are restored before it returns, so the TUI can call
 * it between endwin() and refresh().
 */
int	launch_run(const struct launch_ops *, const struct launch_spec *,
	    pid_t *pidp, struct sb_error *);

/*
 * Whether a signal that reached sbpolicy should be passed on to the child,
 * pure. user_sent: it came from kill(2)/sigqueue(3) (si_code SI_USER or
 * SI_QUEUE), with sender the sending pid; otherwise the kernel sent it,
 * which for SIGINT and SIGQUIT means the terminal's ^C or ^\, and the child,
 * being in the same foreground process group, got its own copy: forwarding
 * would deliver it twice. Signals the child sent itself are never bounced
 * back. SIGHUP and SIGTERM from the kernel are forwarded (a second SIGTERM
 * does no harm; a missing one leaves the command running).
 */
bool	launch_should_forward(int sig, bool user_sent, pid_t sender,
	    pid_t child);

/*
 * Flag-only handlers for the forwarded signals, for the waits `run` makes
 * around launch_run (the denial log's start and grace), where their default
 * action would end sbpolicy and leave the log process running. Blocking
 * them would not do: launch_run gives the child the caller's mask. A signal
 * then sets the returned flag to its number (the first one wins) and cuts a
 * nanosleep short; one that is ignored stays ignored. The flag is 0 until a
 * signal comes, and stays readable after launch_catch_end, which restores
 * the dispositions found. One catch at a time per process.
 *
 * launch_run, called in between, forwards the signals as usual and puts
 * these handlers back. When the flag is already up as it blocks the signals
 * before the start, it starts nothing and returns 128+N: no signal falls
 * between a look at the flag and the start of the command.
 */
const volatile sig_atomic_t *launch_catch_begin(void);
void	launch_catch_end(void);

#endif
