/* SPDX-License-Identifier: ISC */
/* cli.h: command-line parsing shared by the subcommands, and `generate`. */
#ifndef SBPOLICY_CLI_H
#define SBPOLICY_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "gen.h"
#include "format.h"
#include "params.h"

/* Exit statuses of generate and tui (run has its own, in launch.h). */
#define CLI_EXIT_OK	0
#define CLI_EXIT_ERROR	1
#define CLI_EXIT_USAGE	2
/* cli_parse's "help was printed, exit 0". */
#define CLI_DONE	(-1)

enum cli_cmd {
	CLI_GENERATE,
	CLI_RUN,
	CLI_TUI,
	CLI_EXPLAIN,
	CLI_LINT,
	CLI_PROFILES,
	CLI_COMPLETION,
	CLI_DOCTOR,
	CLI_IMPORT,
};

/* A parsed command line. Strings are owned unless marked borrowed. */
struct cli_opts {
	enum cli_cmd	 cmd;
	struct params	 params;	/* -p, then every policy flag */
	char		*cwd;		/* the policy cwd (-C), absolute */
	char		*home;		/* $HOME, or NULL */
	char		*tmpdir;	/* $TMPDIR, or NULL */
	const char	*params_file;	/* -p FILE, else tui's file; borrowed
					 * (or params_path) */
	char		*params_path;	/* -p NAME's file in the profiles
					 * directory, or NULL */
	const char	*output;	/* -o FILE; borrowed */
	const struct format *format;	/* --format, or the default */
	const char	*save_params;	/* --save-params FILE; borrowed */
	bool		 dry_run;
	bool		 log_denials;
	const char	*profile;	/* explain --profile FILE; borrowed */
	char		**defs;		/* -D KEY=VALUE (explain, lint);
					 * the array owned, strings borrowed */
	size_t		 ndefs;
	bool		 json;		/* explain, lint: --format json */
	bool		 strict;	/* import: --strict */
	/* After "--" (generate, run), or tui's file to save to (none, or
	 * one); borrowed, NULL-terminated. */
	char		**command;
};

/* One option of the table cli_parse reads, for --help and completions. */
struct cli_option_info {
	const char	*name;		/* the long name, without "--" */
	int		 letter;	/* the short option, or 0 */
	const char	*arg;		/* its argument's name, or NULL */
	const char	*help;
};

/* The options of subcommand cmd, in the table's order: the i-th, or NULL
 * past the last. */
const struct cli_option_info *cli_option_at(enum cli_cmd cmd, size_t i,
	    struct cli_option_info *out);

/* The subcommand names of enum cli_cmd, in its order ("generate" ...): the
 * one list of subcommands, which --help and the completions follow. */
const char *cli_cmd_name(enum cli_cmd);
#define CLI_NCMDS	(CLI_IMPORT + 1)
/* Its one-line purpose, as --help says it. */
const char *cli_cmd_purpose(enum cli_cmd);

/* "sbpolicy: " + message + newline on stderr. */
void	cli_warn(const char *, ...) __attribute__((format(printf, 1, 2)));

/*
 * Parses argv (argv[0] is the subcommand name) into *o, loading the -p file
 * and applying the policy flags in order. For tui, options may follow its
 * file, which is loaded instead when there is no -p and it exists (else
 * the policy starts from the defaults). Returns 0; CLI_DONE after printing
 * --help; CLI_EXIT_USAGE or CLI_EXIT_ERROR after printing the reason. *o is
 * always initialised and must be released with cli_opts_clear.
 */
int	cli_parse(enum cli_cmd, int argc, char **argv, struct cli_opts *o);
void	cli_opts_clear(struct cli_opts *);

/* The generator context of o (borrowing its strings) on the real file system. */
void	cli_gen_ctx(const struct cli_opts *, struct gen_ctx *);

/* Prints the generator's warnings as "sbpolicy: warning: ..." lines. */
void	cli_print_warnings(const struct gen_result *);

/* Writes len bytes to path with file_write_atomic (fileio.h), or to stdout
 * when path is NULL or "-". Returns 0, or -1 with err set. */
int	cli_write_output(const char *path, const char *data, size_t len,
	    struct sb_error *);

/* The subcommands: each returns the process exit status. */
int	cli_generate(int argc, char **argv);
int	cli_run(int argc, char **argv);
int	cli_explain(int argc, char **argv);	/* cli-explain.c */
int	cli_profiles(int argc, char **argv);	/* cli-profiles.c */
int	cli_lint(int argc, char **argv);	/* cli-lint.c */
int	cli_completion(int argc, char **argv);	/* cli-completion.c */
int	cli_doctor(int argc, char **argv);	/* cli-doctor.c */
int	cli_import(int argc, char **argv);	/* cli-import.c */
void	cli_usage(FILE *);

#endif
