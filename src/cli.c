/* SPDX-License-Identifier: ISC */
/* cli.c: command-line parsing shared by the subcommands, and `generate`. */
#include "config.h"

#include "cli.h"

#include <sys/stat.h>

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "fileio.h"
#include "glob.h"
#include "import-srt.h"
#include "launch.h"
#include "params-json.h"
#include "path.h"
#include "profiles.h"
#include "xmalloc.h"

enum {
	OPT_NETWORK = 256,
	OPT_ALLOW_SOCKET,
	OPT_DENY_SOCKET,
	OPT_ALLOW_ALL,
	OPT_NO_BUILTIN_DENIES,
	OPT_PROXY_PORT,
	OPT_LOCAL_BINDING,
	OPT_FS,
	OPT_FULL_AUTO,
	OPT_WRITABLE_ROOT,
	OPT_NO_CWD,
	OPT_NO_SLASH_TMP,
	OPT_NO_TMPDIR,
	OPT_PROTECT,
	OPT_NO_DEFAULT_PROTECT,
	OPT_DENY_READ,
	OPT_FORMAT,
	OPT_SAVE_PARAMS,
	OPT_DRY_RUN,
	OPT_LOG_DENIALS,
	OPT_PROFILE,
	OPT_REPORT_FORMAT,
	OPT_STRICT,
};

/* Which subcommands take an option. */
#define FOR_GENERATE	(1u << CLI_GENERATE)
#define FOR_RUN		(1u << CLI_RUN)
#define FOR_TUI		(1u << CLI_TUI)
#define FOR_EXPLAIN	(1u << CLI_EXPLAIN)
#define FOR_LINT	(1u << CLI_LINT)
#define FOR_PROFILES	(1u << CLI_PROFILES)
#define FOR_COMPLETION	(1u << CLI_COMPLETION)
#define FOR_DOCTOR	(1u << CLI_DOCTOR)
#define FOR_IMPORT	(1u << CLI_IMPORT)
#define FOR_POLICY	(FOR_GENERATE | FOR_RUN | FOR_TUI | FOR_EXPLAIN | \
			 FOR_DOCTOR)

struct cli_option {
	struct option	 lo;
	unsigned	 cmds;
	const char	*arg;	/* for help: the argument's name, or NULL */
	const char	*help;
};

static const struct cli_option cli_options[] = {
	{ { "params", required_argument, NULL, 'p' }, FOR_POLICY, "FILE|NAME",
	  "load a params file (NAME: a saved profile) first; later flags\n"
	  "                                   change scalars, append to lists" },
	{ { "cd", required_argument, NULL, 'C' }, FOR_POLICY, "DIR",
	  "the policy cwd (default: the current directory)" },
	{ { "network", required_argument, NULL, OPT_NETWORK }, FOR_POLICY,
	  "MODE", "off, restricted or full" },
	{ { "allow-unix-socket", required_argument, NULL, OPT_ALLOW_SOCKET },
	  FOR_POLICY, "PATH", "allow connect and bind under PATH (repeatable)" },
	{ { "deny-unix-socket", required_argument, NULL, OPT_DENY_SOCKET },
	  FOR_POLICY, "PATH", "deny connect and bind under PATH (repeatable)" },
	{ { "allow-all-unix-sockets", no_argument, NULL, OPT_ALLOW_ALL },
	  FOR_POLICY, NULL, "allow every Unix socket" },
	{ { "no-builtin-denies", no_argument, NULL, OPT_NO_BUILTIN_DENIES },
	  FOR_POLICY, NULL,
	  "do not deny the container engines' sockets (docker.sock, ...)" },
	{ { "proxy-port", required_argument, NULL, OPT_PROXY_PORT }, FOR_POLICY,
	  "PORT", "allow connecting to localhost:PORT (repeatable, 1..65535)" },
	{ { "allow-local-binding", no_argument, NULL, OPT_LOCAL_BINDING },
	  FOR_POLICY, NULL, "allow binding, listening and loopback traffic" },
	{ { "fs", required_argument, NULL, OPT_FS }, FOR_POLICY, "MODE",
	  "read-only, workspace-write or full-access" },
	{ { "full-auto", no_argument, NULL, OPT_FULL_AUTO }, FOR_POLICY, NULL,
	  "same as --fs workspace-write" },
	{ { "writable-root", required_argument, NULL, OPT_WRITABLE_ROOT },
	  FOR_POLICY, "PATH", "a writable directory (repeatable)" },
	{ { "no-cwd-root", no_argument, NULL, OPT_NO_CWD }, FOR_POLICY, NULL,
	  "do not make the cwd writable" },
	{ { "no-slash-tmp", no_argument, NULL, OPT_NO_SLASH_TMP }, FOR_POLICY,
	  NULL, "do not make /tmp writable" },
	{ { "no-tmpdir", no_argument, NULL, OPT_NO_TMPDIR }, FOR_POLICY, NULL,
	  "do not make $TMPDIR writable" },
	{ { "protect", required_argument, NULL, OPT_PROTECT }, FOR_POLICY,
	  "NAME", "keep NAME read-only in every writable root (repeatable)" },
	{ { "no-default-protect", no_argument, NULL, OPT_NO_DEFAULT_PROTECT },
	  FOR_POLICY, NULL, "start the protected names empty (no .git)" },
	{ { "deny-read", required_argument, NULL, OPT_DENY_READ }, FOR_POLICY,
	  "PATH|GLOB", "never readable or writable (repeatable)" },
	{ { "cd", required_argument, NULL, 'C' }, FOR_IMPORT, "DIR",
	  "join relative paths to DIR (default: the cwd)" },
	{ { "output", required_argument, NULL, 'o' }, FOR_GENERATE | FOR_IMPORT,
	  "FILE", "write to FILE (atomically) instead of standard output" },
	{ { "format", required_argument, NULL, OPT_FORMAT }, FOR_GENERATE,
	  "FORMAT", "sbpl (default), inline, json or args" },
	{ { "save-params", required_argument, NULL, OPT_SAVE_PARAMS },
	  FOR_GENERATE, "FILE", "also write the resulting params file" },
	{ { "save-params", required_argument, NULL, OPT_SAVE_PARAMS },
	  FOR_IMPORT, "FILE", "the same as -o FILE" },
	{ { "strict", no_argument, NULL, OPT_STRICT }, FOR_IMPORT, NULL,
	  "fail (exit 1) on a setting with no equivalent" },
	{ { "dry-run", no_argument, NULL, OPT_DRY_RUN }, FOR_RUN, NULL,
	  "print the command line instead of running it" },
	{ { "log-denials", no_argument, NULL, OPT_LOG_DENIALS }, FOR_RUN, NULL,
	  "after the command, list what the sandbox denied (macOS)" },
	{ { "profile", required_argument, NULL, OPT_PROFILE }, FOR_EXPLAIN,
	  "FILE.sb", "ask this profile instead of the policy's (any profile)" },
	{ { "define", required_argument, NULL, 'D' }, FOR_EXPLAIN | FOR_LINT,
	  "KEY=VALUE", "a parameter of the profile, as sandbox-exec -D takes it" },
	{ { "format", required_argument, NULL, OPT_REPORT_FORMAT },
	  FOR_EXPLAIN | FOR_LINT, "FORMAT", "text (default) or json" },
	{ { "help", no_argument, NULL, 'h' }, FOR_POLICY | FOR_LINT |
	  FOR_PROFILES | FOR_COMPLETION | FOR_IMPORT, NULL, "show this help" },
};

#define NOPTIONS (sizeof cli_options / sizeof cli_options[0])

static const char *const cli_cmd_names[] = {
	"generate", "run", "tui", "explain", "lint", "profiles", "completion",
	"doctor", "import",
};

static const char *const cli_synopsis[] = {
	/* Parenthesised: one string on two lines, not a missing comma. */
	("sbpolicy generate [OPTIONS] [-o FILE] [--format FORMAT] [--save-params FILE]\n"
	"                          [-- COMMAND [ARG...]]"),
	"sbpolicy run [OPTIONS] [--dry-run] [--log-denials] -- COMMAND [ARG...]",
	"sbpolicy tui [OPTIONS] [PARAMS.json]",
	("sbpolicy explain [OPTIONS | --profile FILE.sb [-D KEY=VALUE]...]\n"
	"                          [--format FORMAT] VERB [TARGET]"),
	"sbpolicy lint [-D KEY=VALUE]... [--format FORMAT] FILE.sb",
	"sbpolicy profiles",
	"sbpolicy completion bash|zsh|fish",
	"sbpolicy doctor [OPTIONS]",
	("sbpolicy import srt SETTINGS.json [-C DIR] [--strict]\n"
	"                          [-o FILE | --save-params FILE]"),
};

static const char *const cli_purpose[] = {
	"Print the Seatbelt profile for a policy.",
	"Run a command under the policy with /usr/bin/sandbox-exec.",
	"Build a policy interactively with a live preview of the profile.",
	"Say whether the profile allows an access, by which rule, and what would.",
	"Check a profile for what sandbox-exec refuses and what it misreads.",
	"List the saved policies, which -p NAME finds by name.",
	"Print the shell completions for bash, zsh or fish.",
	"Check that the sandbox works here, for the policy of the options.",
	"Print the params file for a sandbox-runtime (srt) settings file.",
};

const struct cli_option_info *
cli_option_at(enum cli_cmd cmd, size_t i, struct cli_option_info *out)
{
	size_t k, seen = 0;

	for (k = 0; k < NOPTIONS; k++) {
		if (!(cli_options[k].cmds & (1u << cmd)))
			continue;
		if (seen++ != i)
			continue;
		out->name = cli_options[k].lo.name;
		out->letter = cli_options[k].lo.val < 256 ?
		    cli_options[k].lo.val : 0;
		out->arg = cli_options[k].arg;
		out->help = cli_options[k].help;
		return out;
	}
	return NULL;
}

const char *
cli_cmd_name(enum cli_cmd cmd)
{
	return cli_cmd_names[cmd];
}

const char *
cli_cmd_purpose(enum cli_cmd cmd)
{
	return cli_purpose[cmd];
}

void
cli_warn(const char *fmt, ...)
{
	va_list ap;
	char *msg;

	/* One write a line: stderr is unbuffered, and a policy of thousands
	 * of entries can warn thousands of times. */
	fflush(stdout);
	va_start(ap, fmt);
	(void)xvasprintf(&msg, fmt, ap);
	va_end(ap);
	fprintf(stderr, "sbpolicy: %s\n", msg);
	free(msg);
}

void
cli_usage(FILE *f)
{
	size_t i;

	fputs("usage: sbpolicy [--help | --version]\n"
	    "       sbpolicy                  (on a terminal: the TUI on the "
	    "default policy)\n", f);
	for (i = 0; i < sizeof cli_synopsis / sizeof cli_synopsis[0]; i++)
		fprintf(f, "       %s\n", cli_synopsis[i]);
}

static void
cli_help(enum cli_cmd cmd)
{
	const struct cli_option *co;
	char left[64];
	size_t i;

	printf("usage: %s\n%s\n\nOptions:\n", cli_synopsis[cmd],
	    cli_purpose[cmd]);
	for (i = 0; i < NOPTIONS; i++) {
		co = &cli_options[i];
		if (!(co->cmds & (1u << cmd)))
			continue;
		if (co->lo.val < 256) {
			snprintf(left, sizeof left, "-%c, --%s%s%s", co->lo.val,
			    co->lo.name, co->arg ? " " : "",
			    co->arg ? co->arg : "");
		} else {
			snprintf(left, sizeof left, "    --%s%s%s", co->lo.name,
			    co->arg ? " " : "", co->arg ? co->arg : "");
		}
		printf("  %-32s %s\n", left, co->help);
	}
	switch (cmd) {
	case CLI_GENERATE:
		puts("\nPaths may be relative (to the policy cwd) or start with ~/.\n"
		    "Exit status: 0 success, 1 error, 2 bad usage.");
		break;
	case CLI_RUN:
		puts("\nExit status: the command's own; 128+N when it died of signal N;\n"
		    "125 when sbpolicy failed before the command started;\n"
		    "126 when the command could not be executed, 127 when not found.");
		break;
	case CLI_TUI:
		puts("\nPARAMS.json is the file to save to, loaded when it "
		    "exists; with -p the\npolicy starts from the -p file "
		    "instead, a template for it.\n"
		    "Press ? in the TUI for the key bindings.");
		break;
	case CLI_EXPLAIN:
		puts("\nVERB is read, write, create, delete, exec (a path), "
		    "connect, bind, listen\n(a socket path, or tcp:HOST:PORT, "
		    "udp:HOST:PORT), lookup (a mach service),\nsysctl (a name), "
		    "or any operation name (file-write-unlink PATH).\n"
		    "Without --profile the profile is the one generate prints "
		    "for the options.\n"
		    "Exit status: 0 allowed, 1 denied, 3 undecidable, 2 bad "
		    "usage or no answer.");
		break;
	case CLI_LINT:
		puts("\nEach finding: FILE:LINE:COL: error|warning: message "
		    "[code]. FILE may be -.\n"
		    "Exit status: 0 no findings, 1 findings, 2 bad usage or an "
		    "unreadable file.");
		break;
	case CLI_PROFILES:
		puts("\nThe directory is $XDG_CONFIG_HOME/sbpolicy/profiles, or "
		    "~/.config/sbpolicy/profiles;\n"
		    "-p NAME in every command reads NAME.json there.");
		break;
	case CLI_COMPLETION:
		puts("\nInstalled by make install where each shell looks; by "
		    "hand, e.g.\n  sbpolicy completion bash > "
		    "~/.local/share/bash-completion/completions/sbpolicy");
		break;
	case CLI_DOCTOR:
		puts("\nOne line per check: ok, FAIL (with what to do) or skip. "
		    "On macOS the\nprofile is loaded with sandbox-exec and a "
		    "write and a connect it must refuse\nare tried; elsewhere "
		    "only the profile, its lint and its socket paths.\n"
		    "Exit status: 0 every check passed, 1 one failed, 2 bad "
		    "usage, 3 none failed\nbut the sandbox was not tried (not "
		    "macOS).");
		break;
	case CLI_IMPORT:
		puts("\nsrt is sandbox-runtime "
		    "(@anthropic-ai/sandbox-runtime); its file is\n"
		    "~/.srt-settings.json. Each setting with no "
		    "equivalent (domain filtering, ...)\nand each unknown key "
		    "is one warning line: FILE:LINE:COL: PATH: what differs.\n"
		    "Exit status: 0 success (warnings allowed), 1 an error or, "
		    "with --strict,\na warning, 2 bad usage.");
		break;
	}
}

void
cli_opts_clear(struct cli_opts *o)
{
	params_clear(&o->params);
	free(o->cwd);
	free(o->home);
	free(o->tmpdir);
	free(o->defs);
	free(o->params_path);
	o->params_path = NULL;
	o->cwd = o->home = o->tmpdir = NULL;
	o->defs = NULL;
	o->ndefs = 0;
}

void
cli_gen_ctx(const struct cli_opts *o, struct gen_ctx *ctx)
{
	ctx->cwd = o->cwd;
	ctx->home = o->home;
	ctx->tmpdir = o->tmpdir;
	ctx->fs = &path_fs_posix;
}

/* A saved option, applied after -p is loaded. */
struct pending {
	int		 opt;
	const char	*arg;
	const char	*name;
};

static int
add_socket(struct cli_opts *o, struct socklist *l, const char *arg,
    const char *what, struct sb_error *err)
{
	enum sock_match match;
	char *path;

	/* As the loader checks a file's patterns: with the option's name. */
	if (params_socket_match(arg) == MATCH_GLOB &&
	    glob_check(arg, what, err) == -1)
		return -1;
	if ((path = params_socket_from_cli(arg, o->cwd, &match, what,
	    err)) == NULL)
		return -1;
	socklist_add(l, path, match, ACCESS_CONNECT_BIND);
	free(path);
	return 0;
}

static int
add_path(struct cli_opts *o, struct strlist *l, const char *arg,
    bool allow_glob, const char *what, struct sb_error *err)
{
	char *path;

	/* Before the path is cleaned, which would take a ".." after a
	 * wildcard as leaving the wildcard's directory. */
	if (allow_glob && glob_check(arg, what, err) == -1)
		return -1;
	if ((path = params_path_from_cli(arg, o->cwd, allow_glob, what,
	    err)) == NULL)
		return -1;
	strlist_add(l, path);
	free(path);
	return 0;
}

/* Applies one policy flag to o->params. Returns 0, or -1 with err set. */
static int
apply(struct cli_opts *o, const struct pending *pe, struct sb_error *err)
{
	struct params *p = &o->params;
	char show[SB_SHOW_MAX];
	unsigned port;
	int v;

	switch (pe->opt) {
	case OPT_NETWORK:
		if ((v = net_mode_from_name(pe->arg)) == -1) {
			sb_error_set(err, SB_EINVAL, "--network: unknown mode "
			    "%s (off, restricted, full)",
			    sb_show(show, sizeof show, pe->arg));
			return -1;
		}
		p->net_mode = (enum net_mode)v;
		return 0;
	case OPT_FS:
		if ((v = fs_mode_from_name(pe->arg)) == -1) {
			sb_error_set(err, SB_EINVAL, "--fs: unknown mode %s "
			    "(read-only, workspace-write, full-access)",
			    sb_show(show, sizeof show, pe->arg));
			return -1;
		}
		p->fs_mode = (enum fs_mode)v;
		return 0;
	case OPT_FULL_AUTO:
		p->fs_mode = FS_WORKSPACE_WRITE;
		return 0;
	case OPT_ALLOW_SOCKET:
		return add_socket(o, &p->sock_allow, pe->arg,
		    "--allow-unix-socket", err);
	case OPT_DENY_SOCKET:
		return add_socket(o, &p->sock_deny, pe->arg,
		    "--deny-unix-socket", err);
	case OPT_ALLOW_ALL:
		p->allow_all_sockets = true;
		return 0;
	case OPT_NO_BUILTIN_DENIES:
		p->builtin_denies = false;
		return 0;
	case OPT_PROXY_PORT:
		if (params_parse_port(pe->arg, "--proxy-port", &port,
		    err) == -1)
			return -1;
		portlist_add(&p->proxy_ports, port);
		return 0;
	case OPT_LOCAL_BINDING:
		p->allow_local_binding = true;
		return 0;
	case OPT_WRITABLE_ROOT:
		return add_path(o, &p->writable_roots, pe->arg, false,
		    "--writable-root", err);
	case OPT_NO_CWD:
		p->include_cwd = false;
		return 0;
	case OPT_NO_SLASH_TMP:
		p->include_slash_tmp = false;
		return 0;
	case OPT_NO_TMPDIR:
		p->include_tmpdir = false;
		return 0;
	case OPT_PROTECT:
		if (params_check_name(pe->arg, strlen(pe->arg), "--protect",
		    err) == -1)
			return -1;
		strlist_add(&p->protected_names, pe->arg);
		return 0;
	case OPT_DENY_READ:
		return add_path(o, &p->deny_read, pe->arg, true, "--deny-read",
		    err);
	}
	return 0;
}

/*
 * The policy cwd: -C DIR (relative to the process cwd) or the process cwd.
 * getcwd is asked only when needed: it fails in a directory that was
 * removed, and an absolute -C must work from there. Its failure is SB_EIO
 * (exit 1); a bad -C is SB_EINVAL (bad usage, exit 2).
 */
static char *
policy_cwd(const char *dir, struct sb_error *err)
{
	char show[SB_SHOW_MAX], *here = NULL, *cwd;

	if (dir != NULL && *dir == '\0') {
		sb_error_set(err, SB_EINVAL, "--cd: directory name is empty");
		return NULL;
	}
	if ((dir == NULL || *dir != '/') &&
	    (here = getcwd(NULL, 0)) == NULL) {
		sb_error_set(err, SB_EIO, "cannot get the current directory: %s",
		    strerror(errno));
		return NULL;
	}
	if (dir == NULL)
		return here;
	cwd = here != NULL ? path_join(here, dir) : path_clean(dir);
	free(here);
	if (!path_fs_posix.is_dir(cwd, NULL)) {
		sb_error_set(err, SB_EINVAL, "--cd: not a directory: %s",
		    sb_show(show, sizeof show, dir));
		free(cwd);
		return NULL;
	}
	return cwd;
}

static char *
env_dup(const char *name)
{
	const char *v = getenv(name);

	return v != NULL && *v != '\0' ? xstrdup(v) : NULL;
}

/* "--format: unknown format X (sbpl, inline, ...)", the names from the
 * table. */
static void
unknown_format(const char *name)
{
	char show[SB_SHOW_MAX];
	const struct format *f;
	struct buf names;
	size_t i;

	buf_init(&names);
	for (i = 0; (f = format_at(i)) != NULL; i++) {
		if (i > 0)
			buf_puts(&names, ", ");
		buf_puts(&names, f->name);
	}
	cli_warn("--format: unknown format %s (%s)",
	    sb_show(show, sizeof show, name), buf_str(&names));
	buf_clear(&names);
}

/*
 * What getopt_long stopped at: an option it knows that lacks its argument
 * (named, with what the argument is), or one it does not know. getopt sets
 * optopt to the option for the first, to 0 (or an unknown letter) for the
 * second.
 */
static void
missing_or_unknown(enum cli_cmd cmd, const char *shortopts, const char *word)
{
	const char *name = cli_cmd_names[cmd];
	char show[SB_SHOW_MAX];
	size_t i;

	for (i = 0; optopt != 0 && i < NOPTIONS; i++) {
		if (cli_options[i].lo.val != optopt ||
		    !(cli_options[i].cmds & (1u << cmd)))
			continue;
		if (cli_options[i].arg == NULL)
			cli_warn("%s: --%s takes no argument (try 'sbpolicy "
			    "%s --help')", name, cli_options[i].lo.name, name);
		else if (word[0] == '-' && word[1] == '-')
			cli_warn("%s: --%s needs an argument, %s (try "
			    "'sbpolicy %s --help')", name,
			    cli_options[i].lo.name, cli_options[i].arg, name);
		else
			cli_warn("%s: -%c needs an argument, %s (try "
			    "'sbpolicy %s --help')", name, optopt,
			    cli_options[i].arg, name);
		return;
	}
	if (optopt != 0 && optopt < 256 && strchr(shortopts, optopt) != NULL)
		cli_warn("%s: -%c needs an argument (try 'sbpolicy %s --help')",
		    name, optopt, name);
	else if (optopt != 0 && optopt < 256)
		cli_warn("%s: unknown option -%c (try 'sbpolicy %s --help')",
		    name, optopt, name);
	else
		cli_warn("%s: unknown option %s (try 'sbpolicy %s --help')",
		    name, sb_show(show, sizeof show, word), name);
}

int
cli_parse(enum cli_cmd cmd, int argc, char **argv, struct cli_opts *o)
{
	struct option longopts[NOPTIONS + 1];
	struct pending *pend;
	struct sb_error err;
	const char *cd = NULL;
	char show[SB_SHOW_MAX], shortopts[16] = "";
	size_t npend = 0, n = 0, i;
	int ch, status = 0;
	bool no_default_protect = false, srt;

	memset(o, 0, sizeof *o);
	o->cmd = cmd;
	o->format = format_default();
	params_init(&o->params);
	sb_error_init(&err);

	for (i = 0; i < NOPTIONS; i++) {
		if (cli_options[i].cmds & (1u << cmd))
			longopts[n++] = cli_options[i].lo;
	}
	memset(&longopts[n], 0, sizeof longopts[n]);
	/* tui's file may come before its options, import's options may
	 * follow its words; generate and run stop at the first word that is
	 * not an option. */
	if (cmd != CLI_TUI && cmd != CLI_IMPORT)
		strcat(shortopts, "+");
	if (cmd == CLI_LINT)
		strcat(shortopts, "hD:");
	else if (cmd == CLI_PROFILES || cmd == CLI_COMPLETION)
		strcat(shortopts, "h");
	else if (cmd == CLI_IMPORT)
		strcat(shortopts, "hC:");
	else
		strcat(shortopts, "hp:C:");
	if (cmd == CLI_GENERATE || cmd == CLI_IMPORT)
		strcat(shortopts, "o:");
	if (cmd == CLI_EXPLAIN)
		strcat(shortopts, "D:");

	pend = xreallocarray(NULL, (size_t)argc + 1, sizeof *pend);
	optind = 1;
	opterr = 0;
	while ((ch = getopt_long(argc, argv, shortopts, longopts, NULL)) != -1) {
		switch (ch) {
		case 'h':
			cli_help(cmd);
			status = CLI_DONE;
			goto out;
		case 'p':
			if (o->params_file != NULL) {
				cli_warn("%s: -p given twice", cli_cmd_names[cmd]);
				status = CLI_EXIT_USAGE;
				goto out;
			}
			o->params_file = optarg;
			break;
		case 'C':
			cd = optarg;
			break;
		case 'o':
			o->output = optarg;
			break;
		case OPT_FORMAT:
			if ((o->format = format_find(optarg)) == NULL) {
				unknown_format(optarg);
				status = CLI_EXIT_USAGE;
				goto out;
			}
			break;
		case OPT_SAVE_PARAMS:
			o->save_params = optarg;
			break;
		case OPT_STRICT:
			o->strict = true;
			break;
		case OPT_DRY_RUN:
			o->dry_run = true;
			break;
		case OPT_LOG_DENIALS:
			o->log_denials = true;
			break;
		case OPT_NO_DEFAULT_PROTECT:
			no_default_protect = true;
			break;
		case OPT_PROFILE:
			o->profile = optarg;
			break;
		case 'D':
			o->defs = xreallocarray(o->defs, o->ndefs + 1,
			    sizeof *o->defs);
			o->defs[o->ndefs++] = optarg;
			break;
		case OPT_REPORT_FORMAT:
			if (strcmp(optarg, "json") != 0 &&
			    strcmp(optarg, "text") != 0) {
				cli_warn("--format: unknown format %s (text, "
				    "json)", sb_show(show, sizeof show, optarg));
				status = CLI_EXIT_USAGE;
				goto out;
			}
			o->json = strcmp(optarg, "json") == 0;
			break;
		case '?':
			missing_or_unknown(cmd, shortopts, argv[optind - 1]);
			status = CLI_EXIT_USAGE;
			goto out;
		default:
			pend[npend].opt = ch;
			pend[npend].arg = optarg;
			npend++;
			break;
		}
	}

	/* What remains: the command after "--" (generate, run) or a file (tui). */
	if (cmd == CLI_TUI) {
		if (optind + 1 < argc) {
			cli_warn("tui: unexpected argument: %s",
			    sb_show(show, sizeof show, argv[optind + 1]));
			status = CLI_EXIT_USAGE;
			goto out;
		}
		/* The file to save to; without -p, the policy starts from it. */
		o->command = &argv[optind];
		if (o->params_file == NULL)
			o->params_file = o->command[0];
	} else if (cmd == CLI_EXPLAIN || cmd == CLI_LINT ||
	    cmd == CLI_COMPLETION || cmd == CLI_DOCTOR || cmd == CLI_IMPORT ||
	    cmd == CLI_PROFILES) {
		/* The words of the question, the file, the shell: the
		 * subcommand checks them. */
		o->command = &argv[optind];
	} else {
		if (optind < argc && strcmp(argv[optind - 1], "--") != 0) {
			cli_warn("%s: unexpected argument %s (put the command "
			    "after --)", cli_cmd_names[cmd],
			    sb_show(show, sizeof show, argv[optind]));
			status = CLI_EXIT_USAGE;
			goto out;
		}
		o->command = &argv[optind];
	}

	o->home = env_dup("HOME");
	o->tmpdir = env_dup("TMPDIR");
	/* -p NAME is a saved profile (tui's own file is always a file). */
	if (o->params_file != NULL && (cmd != CLI_TUI ||
	    o->params_file != o->command[0]) &&
	    profiles_is_name(o->params_file)) {
		if ((o->params_path = profiles_path(o->params_file,
		    getenv("XDG_CONFIG_HOME"), o->home, &err)) == NULL) {
			status = CLI_EXIT_USAGE;
			goto fail;
		}
		if (access(o->params_path, F_OK) != 0) {
			sb_error_set(&err, SB_EIO, "-p %s: no saved profile "
			    "%s (sbpolicy profiles lists them; a file in the "
			    "current directory is ./%s)", o->params_file,
			    o->params_path, o->params_file);
			status = CLI_EXIT_ERROR;
			goto fail;
		}
		o->params_file = o->params_path;
	}
	if ((o->cwd = policy_cwd(cd, &err)) == NULL) {
		status = err.code == SB_EIO ? CLI_EXIT_ERROR : CLI_EXIT_USAGE;
		goto fail;
	}
	/* tui's file may not exist yet: it is created on the first save. A
	 * template (-p beside the file) must. */
	if (o->params_file != NULL && (cmd != CLI_TUI ||
	    (o->command[0] != NULL && o->params_file != o->command[0]) ||
	    access(o->params_file, F_OK) == 0)) {
		if (params_json_load(o->params_file, &o->params, &err) == -1) {
			/* tui's own file may be an srt settings file, which
			 * the TUI asks to convert (ui/tui-main.c). */
			srt = import_srt_detect_file(o->params_file);
			if (cmd != CLI_TUI || o->params_file != o->command[0] ||
			    !srt) {
				status = CLI_EXIT_ERROR;
				if (!srt)
					goto fail;
				/* Elsewhere, say what would read it. */
				cli_warn("%s (an srt settings file: 'sbpolicy "
				    "import srt FILE' converts it)", err.msg);
				goto out;
			}
			sb_error_init(&err);
		}
	}
	if (no_default_protect)
		strlist_clear(&o->params.protected_names);
	for (i = 0; i < npend; i++) {
		if (apply(o, &pend[i], &err) == -1) {
			status = CLI_EXIT_USAGE;
			goto fail;
		}
	}
	goto out;

fail:
	cli_warn("%s", err.msg);
out:
	free(pend);
	return status;
}

void
cli_print_warnings(const struct gen_result *r)
{
	size_t i;

	for (i = 0; i < r->nwarnings; i++)
		cli_warn("warning: %s", r->warnings[i].msg);
}

int
cli_write_output(const char *path, const char *data, size_t len,
    struct sb_error *err)
{
	if (path == NULL || strcmp(path, "-") == 0) {
		if (fwrite(data, 1, len, stdout) != len || fflush(stdout) != 0) {
			sb_error_set(err, SB_EIO, "standard output: %s",
			    strerror(errno));
			return -1;
		}
		return 0;
	}
	return file_write_atomic(path, data, len, err);
}


int
cli_generate(int argc, char **argv)
{
	struct cli_opts o;
	struct gen_result r;
	struct gen_ctx ctx;
	struct sb_error err;
	struct file_write w[2];
	char *text = NULL, *saved = NULL;
	size_t nw = 0;
	bool to_file;
	int status;

	if ((status = cli_parse(CLI_GENERATE, argc, argv, &o)) != 0) {
		cli_opts_clear(&o);
		return status == CLI_DONE ? CLI_EXIT_OK : status;
	}
	sb_error_init(&err);
	memset(&r, 0, sizeof r);
	if (o.command[0] != NULL && !o.format->shows_command) {
		/* It would be dropped without a word. */
		cli_warn("generate: the %s format has no place for a command "
		    "after -- (--format args or json show the command line; "
		    "run runs it)", o.format->name);
		cli_opts_clear(&o);
		return CLI_EXIT_USAGE;
	}
	cli_gen_ctx(&o, &ctx);
	status = CLI_EXIT_ERROR;
	to_file = o.output != NULL && strcmp(o.output, "-") != 0;
	if (gen_render(&o.params, &ctx, &r, &err) == -1)
		goto fail;
	/* Everything is rendered before anything is written: all or nothing. */
	if ((text = o.format->write(&r, o.command, &err)) == NULL)
		goto fail;
	if (o.save_params != NULL &&
	    (saved = params_json_dump(&o.params, &err)) == NULL)
		goto fail;
	cli_print_warnings(&r);
	/* Both files are ready (written beside their targets, or opened)
	 * before either is put in place: a missing directory or a full disk
	 * for one leaves the other untouched too. */
	if (saved != NULL) {
		if (file_write_prepare(&w[nw], o.save_params, saved,
		    strlen(saved), &err) == -1)
			goto fail;
		nw++;
	}
	if (to_file) {
		if (file_write_prepare(&w[nw], o.output, text, strlen(text),
		    &err) == -1)
			goto fail;
		nw++;
	}
	/*
	 * What cannot be taken back goes first, so that its failure leaves
	 * the rest unwritten: standard output (the likeliest to fail, a
	 * closed pipe), then files written in place (/dev/full, a FIFO),
	 * and only then the renames. commit_all releases every w[].
	 */
	if (!to_file && cli_write_output(NULL, text, strlen(text), &err) == -1)
		goto fail;
	if (file_write_commit_all(w, nw, &err) == -1)
		goto fail;
	status = CLI_EXIT_OK;
	goto out;

fail:
	file_write_abort_all(w, nw);
	cli_warn("%s", err.msg);
out:
	free(text);
	free(saved);
	gen_result_clear(&r);
	cli_opts_clear(&o);
	return status;
}
