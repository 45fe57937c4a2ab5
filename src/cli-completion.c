/* SPDX-License-Identifier: ISC */
/*
 * cli-completion.c: `sbpolicy completion bash|zsh|fish`, the shell
 * completions, written from the option table cli_parse reads
 * (cli_option_at) and the subcommand names (cli_cmd_name), so that a new
 * flag or subcommand is completed without a word here.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cli.h"
#include "explain.h"
#include "format.h"
#include "params.h"

#define SHELLS	"bash zsh fish"

/* How a word is completed. */
enum arg_kind {
	ARG_FLAG,	/* an option without an argument */
	ARG_WORDS,	/* one of a list */
	ARG_FILE,
	ARG_DIR,
	ARG_PARAMS,	/* a file, or a saved profile's name */
	ARG_TEXT,	/* anything: nothing to offer */
	ARG_COMMAND,	/* a command to run, after "--" */
};

/* The shells' names for the kinds, in the bash script. */
static const char *const kind_names[] = {
	"", "words", "file", "dir", "params", "text", "command",
};

static bool
arg_is(const char *arg, const char *prefix)
{
	return strncmp(arg, prefix, strlen(prefix)) == 0;
}

/*
 * How the argument of option o of cmd is completed; the words of an
 * ARG_WORDS go to w, space-separated. The names of modes and formats come
 * from the tables the parser checks them against; the kind of a new option
 * follows the name of its argument (FILE, PATH, DIR), else nothing is
 * offered.
 */
static enum arg_kind
option_arg(enum cli_cmd cmd, const struct cli_option_info *o, struct buf *w)
{
	const struct format *f;
	size_t i;

	buf_reset(w);
	if (o->arg == NULL)
		return ARG_FLAG;
	if (strcmp(o->name, "network") == 0) {
		for (i = NET_OFF; i <= NET_FULL; i++)
			buf_printf(w, "%s%s", i > NET_OFF ? " " : "",
			    net_mode_name((enum net_mode)i));
		return ARG_WORDS;
	}
	if (strcmp(o->name, "fs") == 0) {
		for (i = FS_READ_ONLY; i <= FS_FULL_ACCESS; i++)
			buf_printf(w, "%s%s", i > FS_READ_ONLY ? " " : "",
			    fs_mode_name((enum fs_mode)i));
		return ARG_WORDS;
	}
	if (strcmp(o->name, "format") == 0) {
		/* generate's formats are a table; explain's and lint's are
		 * the two their reports have. */
		if (cmd != CLI_GENERATE) {
			buf_puts(w, "text json");
			return ARG_WORDS;
		}
		for (i = 0; (f = format_at(i)) != NULL; i++)
			buf_printf(w, "%s%s", i > 0 ? " " : "", f->name);
		return ARG_WORDS;
	}
	if (strcmp(o->name, "params") == 0)
		return ARG_PARAMS;
	if (arg_is(o->arg, "DIR") || strcmp(o->name, "writable-root") == 0)
		return ARG_DIR;
	if (arg_is(o->arg, "FILE") || arg_is(o->arg, "PATH"))
		return ARG_FILE;
	return ARG_TEXT;
}

/* How the n-th word (from 0) that is neither an option nor an option's
 * argument is completed, before any "--". */
static enum arg_kind
positional(enum cli_cmd cmd, size_t n, struct buf *w)
{
	size_t i;

	buf_reset(w);
	switch (cmd) {
	case CLI_GENERATE:
	case CLI_RUN:
	case CLI_PROFILES:
	case CLI_DOCTOR:
		return ARG_TEXT;
	case CLI_TUI:
	case CLI_LINT:
		return n == 0 ? ARG_FILE : ARG_TEXT;
	case CLI_EXPLAIN:
		if (n == 0) {
			/* explain's own table: a new verb cannot be missing. */
			for (i = 0; explain_verb(i) != NULL; i++) {
				if (i > 0)
					buf_putc(w, ' ');
				buf_puts(w, explain_verb(i));
			}
			return ARG_WORDS;
		}
		return n == 1 ? ARG_FILE : ARG_TEXT;
	case CLI_COMPLETION:
		if (n == 0) {
			buf_puts(w, SHELLS);
			return ARG_WORDS;
		}
		return ARG_TEXT;
	case CLI_IMPORT:
		if (n == 0) {
			buf_puts(w, "srt");
			return ARG_WORDS;
		}
		return n == 1 ? ARG_FILE : ARG_TEXT;
	}
	return ARG_FILE;
}

/* True when the words after "--" are a command (generate, run). */
static bool
takes_command(enum cli_cmd cmd)
{
	return cmd == CLI_GENERATE || cmd == CLI_RUN;
}

/* The positional() rules settle by this many words. */
#define NPOSITIONAL	2

/* The help text on one line: runs of blanks and newlines as one space. */
static void
one_line(struct buf *b, const char *s)
{
	bool blank = false;

	for (; *s != '\0'; s++) {
		if (*s == ' ' || *s == '\n' || *s == '\t') {
			blank = true;
			continue;
		}
		if (blank)
			buf_putc(b, ' ');
		blank = false;
		buf_putc(b, *s);
	}
}

/* The purpose of a subcommand, without its full stop. */
static void
purpose(struct buf *b, enum cli_cmd cmd)
{
	struct buf t;

	buf_init(&t);
	one_line(&t, cli_cmd_purpose(cmd));
	if (t.len > 0 && buf_str(&t)[t.len - 1] == '.')
		t.len--;
	buf_add(b, buf_str(&t), t.len);
	buf_clear(&t);
}

/* s inside single quotes for sh or zsh: ' as '\''. */
static void
sh_quoted(struct buf *b, const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++) {
		if (s[i] == '\'')
			buf_puts(b, "'\\''");
		else
			buf_putc(b, s[i]);
	}
}

static const char bash_head[] =
"# bash completion for sbpolicy(1), written by `sbpolicy completion bash`\n"
"# from the option table its parser reads: regenerate it, do not edit it.\n"
"# For bash 3.2 and later, with or without the bash-completion package.\n"
"\n";

/*
 * The bash function. _sbpolicy_arg, _sbpolicy_opts, _sbpolicy_pos and
 * _sbpolicy_takes_command, written before it from the table, set
 * _sbpolicy_kind (one of kind_names) and _sbpolicy_words.
 */
static const char bash_body[] =
"# Sets COMPREPLY to the completions of kind $1 of the word $2 ($3: the\n"
"# words of kind words).\n"
"_sbpolicy_reply()\n"
"{\n"
"\tlocal w flag=-f\n"
"\n"
"\tcase $1 in\n"
"\twords)\n"
"\t\tCOMPREPLY=($(compgen -W \"$3\" -- \"$2\"))\n"
"\t\t;;\n"
"\tfile|dir|params)\n"
"\t\t# Not in bash 3.2, nor outside a completion.\n"
"\t\tcompopt -o filenames 2>/dev/null\n"
"\t\tif [[ $1 == params ]]; then\n"
"\t\t\tCOMPREPLY=($(compgen -W \\\n"
"\t\t\t    \"$(command sbpolicy profiles 2>/dev/null)\" -- \"$2\"))\n"
"\t\tfi\n"
"\t\t[[ $1 == dir ]] && flag=-d\n"
"\t\twhile IFS= read -r w; do\n"
"\t\t\tCOMPREPLY+=(\"$w\")\n"
"\t\tdone < <(compgen $flag -- \"$2\")\n"
"\t\t;;\n"
"\tcommand)\n"
"\t\tCOMPREPLY=($(compgen -c -- \"$2\"))\n"
"\t\t;;\n"
"\tesac\n"
"}\n"
"\n"
"_sbpolicy()\n"
"{\n"
"\tlocal cur=${COMP_WORDS[COMP_CWORD]} cmd w opt= dd= i=2 n=0\n"
"\tlocal _sbpolicy_kind= _sbpolicy_words=\n"
"\n"
"\tCOMPREPLY=()\n"
"\tif ((COMP_CWORD <= 1)); then\n"
"\t\tif [[ $cur == -* ]]; then\n"
"\t\t\t_sbpolicy_reply words \"$cur\" '--help --version'\n"
"\t\telse\n"
"\t\t\t_sbpolicy_reply words \"$cur\" \"$_sbpolicy_cmds\"\n"
"\t\tfi\n"
"\t\treturn 0\n"
"\tfi\n"
"\tcmd=${COMP_WORDS[1]}\n"
"\t# The words before the cursor: an option's argument is skipped (with\n"
"\t# the \"=\" of --opt=value, a word of its own when COMP_WORDBREAKS\n"
"\t# holds it), the other words are counted, and \"--\" ends the options.\n"
"\twhile ((i < COMP_CWORD)); do\n"
"\t\tw=${COMP_WORDS[i]}\n"
"\t\tif [[ -z $dd && $w == -- ]]; then\n"
"\t\t\tif _sbpolicy_takes_command \"$cmd\"; then\n"
"\t\t\t\tif ((i + 1 == COMP_CWORD)); then\n"
"\t\t\t\t\t_sbpolicy_reply command \"$cur\"\n"
"\t\t\t\telse\n"
"\t\t\t\t\t_sbpolicy_reply file \"$cur\"\n"
"\t\t\t\tfi\n"
"\t\t\t\treturn 0\n"
"\t\t\tfi\n"
"\t\t\tdd=1\n"
"\t\telif [[ -z $dd && $w == -?* && $w != *=* ]]; then\n"
"\t\t\t_sbpolicy_arg \"$cmd\" \"$w\"\n"
"\t\t\tif [[ -n $_sbpolicy_kind ]]; then\n"
"\t\t\t\tif ((i + 1 == COMP_CWORD)); then\n"
"\t\t\t\t\topt=$w\n"
"\t\t\t\t\t[[ $cur == = ]] && cur=\n"
"\t\t\t\t\tbreak\n"
"\t\t\t\tfi\n"
"\t\t\t\t[[ ${COMP_WORDS[i+1]} == = ]] && ((i += 1))\n"
"\t\t\t\tif ((i + 1 == COMP_CWORD)); then\n"
"\t\t\t\t\topt=$w\n"
"\t\t\t\t\tbreak\n"
"\t\t\t\tfi\n"
"\t\t\t\t((i += 1))\n"
"\t\t\tfi\n"
"\t\telif [[ -n $dd || $w != -?* ]]; then\n"
"\t\t\t((n += 1))\n"
"\t\tfi\n"
"\t\t((i += 1))\n"
"\tdone\n"
"\tif [[ -n $opt ]]; then\n"
"\t\t_sbpolicy_arg \"$cmd\" \"$opt\"\n"
"\t\t_sbpolicy_reply \"$_sbpolicy_kind\" \"$cur\" \"$_sbpolicy_words\"\n"
"\telif [[ -z $dd && $cur == --*=* ]]; then\n"
"\t\t# --opt=value, when COMP_WORDBREAKS lacks \"=\".\n"
"\t\t_sbpolicy_arg \"$cmd\" \"${cur%%=*}\"\n"
"\t\t_sbpolicy_reply \"$_sbpolicy_kind\" \"${cur#*=}\" \"$_sbpolicy_words\"\n"
"\t\tCOMPREPLY=(\"${COMPREPLY[@]/#/${cur%%=*}=}\")\n"
"\telif [[ -z $dd && $cur == -* ]]; then\n"
"\t\t_sbpolicy_opts \"$cmd\"\n"
"\t\t_sbpolicy_reply words \"$cur\" \"$_sbpolicy_words\"\n"
"\telse\n"
"\t\t_sbpolicy_pos \"$cmd\" \"$n\"\n"
"\t\t_sbpolicy_reply \"$_sbpolicy_kind\" \"$cur\" \"$_sbpolicy_words\"\n"
"\tfi\n"
"\treturn 0\n"
"}\n"
"\n"
"complete -F _sbpolicy sbpolicy\n";

/* One case of _sbpolicy_arg or _sbpolicy_pos: kind, and words. */
static void
bash_kind(struct buf *b, enum arg_kind k, const struct buf *w)
{
	buf_printf(b, "_sbpolicy_kind=%s", kind_names[k]);
	if (k == ARG_WORDS) {
		buf_puts(b, " _sbpolicy_words='");
		sh_quoted(b, buf_str(w), w->len);
		buf_putc(b, '\'');
	}
	buf_puts(b, " ;;\n");
}

static void
write_bash(struct buf *b)
{
	struct cli_option_info o;
	struct buf w;
	enum arg_kind k;
	size_t c, i, n;

	buf_init(&w);
	buf_puts(b, bash_head);
	buf_puts(b, "_sbpolicy_cmds='");
	for (c = 0; c < CLI_NCMDS; c++)
		buf_printf(b, "%s%s", c > 0 ? " " : "",
		    cli_cmd_name((enum cli_cmd)c));
	buf_puts(b, "'\n\n");

	buf_puts(b, "# The options of subcommand $1.\n_sbpolicy_opts()\n{\n"
	    "\tcase $1 in\n");
	for (c = 0; c < CLI_NCMDS; c++) {
		buf_printf(b, "\t%s) _sbpolicy_words='",
		    cli_cmd_name((enum cli_cmd)c));
		for (i = 0; cli_option_at((enum cli_cmd)c, i, &o) != NULL;
		    i++) {
			buf_printf(b, "%s--%s", i > 0 ? " " : "", o.name);
			if (o.letter != 0)
				buf_printf(b, " -%c", o.letter);
		}
		buf_puts(b, "' ;;\n");
	}
	buf_puts(b, "\t*) _sbpolicy_words= ;;\n\tesac\n}\n\n");

	buf_puts(b, "# How the argument of option $2 of subcommand $1 is "
	    "completed; no kind:\n# the option takes none.\n"
	    "_sbpolicy_arg()\n{\n\t_sbpolicy_kind= _sbpolicy_words=\n"
	    "\tcase \"$1 $2\" in\n");
	for (c = 0; c < CLI_NCMDS; c++) {
		for (i = 0; cli_option_at((enum cli_cmd)c, i, &o) != NULL;
		    i++) {
			if ((k = option_arg((enum cli_cmd)c, &o, &w)) ==
			    ARG_FLAG)
				continue;
			buf_printf(b, "\t'%s --%s'",
			    cli_cmd_name((enum cli_cmd)c), o.name);
			if (o.letter != 0)
				buf_printf(b, "|'%s -%c'",
				    cli_cmd_name((enum cli_cmd)c), o.letter);
			buf_puts(b, ")\n\t\t");
			bash_kind(b, k, &w);
		}
	}
	buf_puts(b, "\tesac\n}\n\n");

	buf_puts(b, "# How the word after $2 others (not options) of "
	    "subcommand $1 is completed.\n_sbpolicy_pos()\n{\n"
	    "\t_sbpolicy_kind= _sbpolicy_words=\n\tcase \"$1 $2\" in\n");
	for (c = 0; c < CLI_NCMDS; c++) {
		for (n = 0; n <= NPOSITIONAL; n++) {
			k = positional((enum cli_cmd)c, n, &w);
			if (n < NPOSITIONAL)
				buf_printf(b, "\t'%s %zu') ",
				    cli_cmd_name((enum cli_cmd)c), n);
			else
				buf_printf(b, "\t'%s '*) ",
				    cli_cmd_name((enum cli_cmd)c));
			bash_kind(b, k, &w);
		}
	}
	buf_puts(b, "\t*) _sbpolicy_kind=file ;;\n\tesac\n}\n\n");

	buf_puts(b, "# True when the words after \"--\" are a command to "
	    "run.\n_sbpolicy_takes_command()\n{\n\tcase $1 in\n\t");
	for (c = n = 0; c < CLI_NCMDS; c++) {
		if (takes_command((enum cli_cmd)c))
			buf_printf(b, "%s%s", n++ > 0 ? "|" : "",
			    cli_cmd_name((enum cli_cmd)c));
	}
	buf_puts(b, ") return 0 ;;\n\tesac\n\treturn 1\n}\n\n");
	buf_puts(b, bash_body);
	buf_clear(&w);
}

/* Text for a zsh _arguments description, [...]: brackets and backslashes
 * escaped, inside single quotes. */
static void
zsh_described(struct buf *b, const char *s)
{
	struct buf t;
	const char *p;

	buf_init(&t);
	one_line(&t, s);
	for (p = buf_str(&t); *p != '\0'; p++) {
		if (*p == '[' || *p == ']' || *p == '\\')
			buf_putc(b, '\\');
		if (*p == '\'')
			buf_puts(b, "'\\''");
		else
			buf_putc(b, *p);
	}
	buf_clear(&t);
}

/* A zsh action for kind k: what follows the message in ":msg:action". */
static void
zsh_action(struct buf *b, enum arg_kind k, const struct buf *w)
{
	switch (k) {
	case ARG_WORDS:
		buf_putc(b, '(');
		sh_quoted(b, buf_str(w), w->len);
		buf_putc(b, ')');
		break;
	case ARG_FILE:
		buf_puts(b, "_files");
		break;
	case ARG_DIR:
		buf_puts(b, "_files -/");
		break;
	case ARG_PARAMS:
		buf_puts(b, "_sbpolicy_params");
		break;
	case ARG_COMMAND:
		buf_puts(b, "_normal");
		break;
	case ARG_FLAG:
	case ARG_TEXT:
		buf_putc(b, ' ');
		break;
	}
}

/* A message of ":msg:action": colons escaped. */
static void
zsh_message(struct buf *b, const char *s)
{
	for (; *s != '\0'; s++) {
		if (*s == ':' || *s == '\\')
			buf_putc(b, '\\');
		if (*s == '\'')
			buf_puts(b, "'\\''");
		else
			buf_putc(b, *s);
	}
}

static const char zsh_head[] =
"#compdef sbpolicy\n"
"# zsh completion for sbpolicy(1), written by `sbpolicy completion zsh`\n"
"# from the option table its parser reads: regenerate it, do not edit it.\n"
"\n"
"# -p: a file, or the name of a saved profile (sbpolicy profiles).\n"
"(( $+functions[_sbpolicy_params] )) ||\n"
"_sbpolicy_params()\n"
"{\n"
"\tlocal -a names\n"
"\n"
"\tnames=(${(f)\"$(_call_program profiles sbpolicy profiles "
"2>/dev/null)\"})\n"
"\t_alternative 'profiles:saved profile:compadd -a names' \\\n"
"\t    'files:params file:_files'\n"
"}\n"
"\n";

static const char zsh_main[] =
"_sbpolicy()\n"
"{\n"
"\tlocal curcontext=$curcontext state state_descr line ret=1 dd\n"
"\tlocal -a cmds\n"
"\ttypeset -A opt_args\n"
"\n"
"\tcmds=(\n";

static const char zsh_dispatch[] =
"\t)\n"
"\t_arguments -C \\\n"
"\t    '(- :)'{-h,--help}'[show the usage]' \\\n"
"\t    '(- :)'{-V,--version}'[show the version]' \\\n"
"\t    '1:command:->command' \\\n"
"\t    '*::argument:->argument' && ret=0\n"
"\tcase $state in\n"
"\tcommand)\n"
"\t\t_describe -t commands 'sbpolicy command' cmds && ret=0\n"
"\t\t;;\n"
"\targument)\n"
"\t\tcurcontext=${curcontext%:*:*}:sbpolicy-$words[1]:\n"
"\t\t# After \"--\": the command to run, completed as on its own.\n"
"\t\tdd=${words[(i)--]}\n"
"\t\tif (( dd < CURRENT )) && _sbpolicy_takes_command $words[1]; then\n"
"\t\t\twords=(\"${(@)words[dd+1,-1]}\")\n"
"\t\t\t(( CURRENT -= dd ))\n"
"\t\t\t_normal && ret=0\n"
"\t\t\treturn ret\n"
"\t\tfi\n"
"\t\tcase $words[1] in\n";

static const char zsh_tail[] =
"\t\tesac\n"
"\t\t;;\n"
"\tesac\n"
"\treturn ret\n"
"}\n"
"\n"
"_sbpolicy \"$@\"\n";

static void
write_zsh(struct buf *b)
{
	struct cli_option_info o;
	struct buf w;
	enum arg_kind k;
	enum cli_cmd cmd;
	size_t c, i, n;

	buf_init(&w);
	buf_puts(b, zsh_head);
	buf_puts(b, "# True when the words after \"--\" are a command to "
	    "run.\n(( $+functions[_sbpolicy_takes_command] )) ||\n"
	    "_sbpolicy_takes_command()\n{\n\t[[ $1 == (");
	for (c = n = 0; c < CLI_NCMDS; c++) {
		if (takes_command((enum cli_cmd)c))
			buf_printf(b, "%s%s", n++ > 0 ? "|" : "",
			    cli_cmd_name((enum cli_cmd)c));
	}
	buf_puts(b, ") ]]\n}\n\n");
	buf_puts(b, zsh_main);
	for (c = 0; c < CLI_NCMDS; c++) {
		buf_printf(b, "\t\t'%s:", cli_cmd_name((enum cli_cmd)c));
		buf_reset(&w);
		purpose(&w, (enum cli_cmd)c);
		zsh_message(b, buf_str(&w));
		buf_puts(b, "'\n");
	}
	buf_puts(b, zsh_dispatch);
	for (c = 0; c < CLI_NCMDS; c++) {
		cmd = (enum cli_cmd)c;
		buf_printf(b, "\t\t%s)\n\t\t\t_arguments -s -S",
		    cli_cmd_name(cmd));
		for (i = 0; cli_option_at(cmd, i, &o) != NULL; i++) {
			buf_puts(b, " \\\n\t\t\t    '");
			/* Lists take an option again; the others once. */
			if (strstr(o.help, "(repeatable") != NULL)
				buf_putc(b, '*');
			else if (o.letter != 0)
				buf_printf(b, "(-%c --%s)", o.letter, o.name);
			else
				buf_printf(b, "(--%s)", o.name);
			if (o.letter != 0)
				buf_printf(b, "'{-%c,--%s}'", o.letter, o.name);
			else
				buf_printf(b, "--%s", o.name);
			buf_putc(b, '[');
			zsh_described(b, o.help);
			buf_putc(b, ']');
			if ((k = option_arg(cmd, &o, &w)) != ARG_FLAG) {
				buf_putc(b, ':');
				zsh_message(b, o.arg);
				buf_putc(b, ':');
				zsh_action(b, k, &w);
			}
			buf_putc(b, '\'');
		}
		if (!takes_command(cmd)) {
			for (n = 0; n < NPOSITIONAL; n++) {
				if ((k = positional(cmd, n, &w)) == ARG_TEXT)
					break;
				buf_printf(b, " \\\n\t\t\t    '%zu:%s:", n + 1,
				    k == ARG_WORDS && cmd == CLI_EXPLAIN ?
				    "verb" : k == ARG_WORDS ? "shell" :
				    "file");
				zsh_action(b, k, &w);
				buf_putc(b, '\'');
			}
		}
		buf_puts(b, " && ret=0\n\t\t\t;;\n");
	}
	buf_puts(b, zsh_tail);
	buf_clear(&w);
}

/* s inside fish's single quotes: \ and ' escaped. */
static void
fish_quoted(struct buf *b, const char *s)
{
	buf_putc(b, '\'');
	for (; *s != '\0'; s++) {
		if (*s == '\\' || *s == '\'')
			buf_putc(b, '\\');
		buf_putc(b, *s);
	}
	buf_putc(b, '\'');
}

static const char fish_head[] =
"# fish completion for sbpolicy(1), written by `sbpolicy completion fish`\n"
"# from the option table its parser reads: regenerate it, do not edit it.\n"
"\n"
"function __sbpolicy_profiles\n"
"    command sbpolicy profiles 2>/dev/null\n"
"end\n"
"\n"
"# True after a \"--\": the command to run and its arguments.\n"
"function __sbpolicy_after_dashdash\n"
"    contains -- -- (commandline -opc)\n"
"end\n"
"\n"
"# The completions of the command after \"--\", as fish completes it.\n"
"function __sbpolicy_command\n"
"    set -l t (commandline -opc)\n"
"    set -l i (contains -i -- -- $t)\n"
"    set -e t[1..$i]\n"
"    complete -C (string join ' ' -- (string escape -- $t) "
"(commandline -ct))\n"
"end\n"
"\n"
"complete -c sbpolicy -f\n";

static void
write_fish(struct buf *b)
{
	struct cli_option_info o;
	struct buf w, cond, t;
	enum arg_kind k;
	enum cli_cmd cmd;
	size_t c, i, n;

	buf_init(&w);
	buf_init(&cond);
	buf_init(&t);
	buf_puts(b, fish_head);
	buf_puts(b, "set -l __sbpolicy_cmds");
	for (c = 0; c < CLI_NCMDS; c++)
		buf_printf(b, " %s", cli_cmd_name((enum cli_cmd)c));
	buf_puts(b, "\n\n");
	buf_puts(b, "complete -c sbpolicy -n \"not __fish_seen_subcommand_from "
	    "$__sbpolicy_cmds\" -s h -l help -d 'show the usage'\n"
	    "complete -c sbpolicy -n \"not __fish_seen_subcommand_from "
	    "$__sbpolicy_cmds\" -s V -l version -d 'show the version'\n");
	for (c = 0; c < CLI_NCMDS; c++) {
		buf_reset(&t);
		purpose(&t, (enum cli_cmd)c);
		buf_printf(b, "complete -c sbpolicy -n \"not "
		    "__fish_seen_subcommand_from $__sbpolicy_cmds\" -a %s -d ",
		    cli_cmd_name((enum cli_cmd)c));
		fish_quoted(b, buf_str(&t));
		buf_putc(b, '\n');
	}
	for (c = 0; c < CLI_NCMDS; c++) {
		cmd = (enum cli_cmd)c;
		buf_reset(&cond);
		buf_printf(&cond, "'__fish_seen_subcommand_from %s'",
		    cli_cmd_name(cmd));
		buf_printf(b, "\n# %s\n", cli_cmd_name(cmd));
		for (i = 0; cli_option_at(cmd, i, &o) != NULL; i++) {
			buf_printf(b, "complete -c sbpolicy -n %s",
			    buf_str(&cond));
			if (o.letter != 0)
				buf_printf(b, " -s %c", o.letter);
			buf_printf(b, " -l %s", o.name);
			k = option_arg(cmd, &o, &w);
			switch (k) {
			case ARG_WORDS:
				buf_puts(b, " -x -a ");
				fish_quoted(b, buf_str(&w));
				break;
			case ARG_FILE:
				buf_puts(b, " -r -F");
				break;
			case ARG_DIR:
				buf_puts(b, " -x -a '("
				    "__fish_complete_directories "
				    "(commandline -ct))'");
				break;
			case ARG_PARAMS:
				buf_puts(b, " -r -F -a "
				    "'(__sbpolicy_profiles)'");
				break;
			case ARG_TEXT:
			case ARG_COMMAND:
				buf_puts(b, " -x");
				break;
			case ARG_FLAG:
				break;
			}
			buf_reset(&t);
			one_line(&t, o.help);
			buf_puts(b, " -d ");
			fish_quoted(b, buf_str(&t));
			buf_putc(b, '\n');
		}
		if (takes_command(cmd)) {
			buf_printf(b, "complete -c sbpolicy -n '"
			    "__fish_seen_subcommand_from %s; and "
			    "__sbpolicy_after_dashdash' -x -a "
			    "'(__sbpolicy_command)'\n", cli_cmd_name(cmd));
			continue;
		}
		/* The first word that is not an option, then the second:
		 * told apart by the words of the first when it has some. */
		k = positional(cmd, 0, &w);
		if (k == ARG_WORDS) {
			buf_printf(b, "complete -c sbpolicy -n '"
			    "__fish_seen_subcommand_from %s; and not "
			    "__fish_seen_subcommand_from %s' -x -a ",
			    cli_cmd_name(cmd), buf_str(&w));
			fish_quoted(b, buf_str(&w));
			buf_putc(b, '\n');
			buf_reset(&t);
			buf_puts(&t, buf_str(&w));
			for (n = 1; n < NPOSITIONAL; n++) {
				if (positional(cmd, n, &w) != ARG_FILE)
					continue;
				buf_printf(b, "complete -c sbpolicy -n '"
				    "__fish_seen_subcommand_from %s; and "
				    "__fish_seen_subcommand_from %s' -F\n",
				    cli_cmd_name(cmd), buf_str(&t));
			}
		} else if (k == ARG_FILE)
			buf_printf(b, "complete -c sbpolicy -n %s -F\n",
			    buf_str(&cond));
	}
	buf_clear(&w);
	buf_clear(&cond);
	buf_clear(&t);
}

int
cli_completion(int argc, char **argv)
{
	struct cli_opts o;
	struct sb_error err;
	struct buf b;
	char show[SB_SHOW_MAX];
	const char *shell;
	int status;

	if ((status = cli_parse(CLI_COMPLETION, argc, argv, &o)) != 0) {
		cli_opts_clear(&o);
		return status == CLI_DONE ? CLI_EXIT_OK : status;
	}
	status = CLI_EXIT_USAGE;
	if ((shell = o.command[0]) == NULL) {
		cli_warn("completion: which shell? bash, zsh or fish (e.g. "
		    "sbpolicy completion bash)");
		goto out;
	}
	if (o.command[1] != NULL) {
		cli_warn("completion: one shell at a time, not %s too (e.g. "
		    "sbpolicy completion bash)", sb_show(show, sizeof show,
		    o.command[1]));
		goto out;
	}
	buf_init(&b);
	if (strcmp(shell, "bash") == 0)
		write_bash(&b);
	else if (strcmp(shell, "zsh") == 0)
		write_zsh(&b);
	else if (strcmp(shell, "fish") == 0)
		write_fish(&b);
	else {
		cli_warn("completion: unknown shell %s (bash, zsh, fish)",
		    sb_show(show, sizeof show, shell));
		buf_clear(&b);
		goto out;
	}
	sb_error_init(&err);
	if (cli_write_output(NULL, buf_str(&b), b.len, &err) == -1) {
		cli_warn("completion: %s", err.msg);
		status = CLI_EXIT_ERROR;
	} else
		status = CLI_EXIT_OK;
	buf_clear(&b);
out:
	cli_opts_clear(&o);
	return status;
}
