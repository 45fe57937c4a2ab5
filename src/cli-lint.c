/* SPDX-License-Identifier: ISC */
/* cli-lint.c: `sbpolicy lint`, a profile checked for what sandbox-exec
 * refuses and what it misreads. */
#include "config.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "cli.h"
#include "fileio.h"
#include "json.h"
#include "sbpl-eval.h"
#include "sbpl-lint.h"
#include "sbpl-read.h"
#include "xmalloc.h"

/* The most of a profile lint reads, as explain: ten times the largest one
 * sbpolicy writes for a policy at the loader's limits. */
#define PROFILE_MAX	(64 * 1024 * 1024)

/* What standard input is called in the findings. */
#define STDIN_NAME	"<stdin>"

/*
 * cli_parse stops at the first word that is not an option, as getopt does
 * with "+", so options written after the file (lint FILE -D K=V) are words
 * too. Such a line is parsed again with them moved before the file; what
 * follows "--" stays words. Returns cli_parse's status; *args, when set,
 * is the reordered vector (its strings borrowed), freed by the caller.
 */
static int
parse(int argc, char **argv, struct cli_opts *o, char ***args)
{
	char **v;
	int status, at, i, n = 0;

	*args = NULL;
	if ((status = cli_parse(CLI_LINT, argc, argv, o)) != 0)
		return status;
	if (o->command[0] == NULL || o->command[1] == NULL ||
	    o->command[1][0] != '-' || o->command[1][1] == '\0')
		return 0;
	at = (int)(o->command - argv);
	if (at > 0 && strcmp(argv[at - 1], "--") == 0)
		return 0;
	v = xcalloc((size_t)argc + 1, sizeof *v);
	for (i = 0; i < at; i++)
		v[n++] = argv[i];
	for (i = at + 1; i < argc; i++)
		v[n++] = argv[i];
	v[n++] = argv[at];
	*args = v;
	cli_opts_clear(o);
	return cli_parse(CLI_LINT, argc, v, o);
}

/* All of standard input, with file_read's cap (a pipe has no size to
 * check first). Returns a new NUL-terminated string, or NULL with err. */
static char *
read_stdin(size_t *len, struct sb_error *err)
{
	struct buf b;
	char chunk[65536];
	ssize_t n;

	buf_init(&b);
	for (;;) {
		n = read(STDIN_FILENO, chunk, sizeof chunk);
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1) {
			sb_error_set(err, SB_EIO, "%s: %s", STDIN_NAME,
			    strerror(errno));
			break;
		}
		if (n == 0) {
			*len = b.len;
			return buf_take(&b);
		}
		if (b.len + (size_t)n > PROFILE_MAX) {
			sb_error_set(err, SB_ELIMIT, "%s: larger than %d "
			    "bytes", STDIN_NAME, PROFILE_MAX);
			break;
		}
		buf_add(&b, chunk, (size_t)n);
	}
	buf_clear(&b);
	return NULL;
}

/* -D KEY=VALUE as sandbox-exec takes it: the key ends at the first '='.
 * Returns 0, or -1 after saying what is wrong. */
static int
parse_defs(const struct cli_opts *o, struct sbpl_def **defs)
{
	char show[SB_SHOW_MAX];
	const char *eq;
	size_t i;

	*defs = xcalloc(o->ndefs + 1, sizeof **defs);
	for (i = 0; i < o->ndefs; i++) {
		if ((eq = strchr(o->defs[i], '=')) == NULL ||
		    eq == o->defs[i]) {
			cli_warn("lint: -D: expected KEY=VALUE, not %s",
			    sb_show(show, sizeof show, o->defs[i]));
			return -1;
		}
		(*defs)[i].key = xstrndup(o->defs[i],
		    (size_t)(eq - o->defs[i]));
		(*defs)[i].value = eq + 1;
	}
	return 0;
}

/*
 * A reader error as a finding: the reader's "NAME:LINE:COL: what" taken
 * apart (NAME is the one it was given), then the raw-quote check, which
 * often says why a profile does not read.
 */
static void
read_failed(struct sbpl_policy *pol, const char *name, const char *msg,
    const char *text, size_t len)
{
	struct sbpl_node at;
	size_t n = strlen(name);
	int used = 0;

	memset(pol, 0, sizeof *pol);
	memset(&at, 0, sizeof at);
	at.line = at.col = 1;
	if (strncmp(msg, name, n) == 0 && msg[n] == ':' &&
	    sscanf(msg + n + 1, "%zu:%zu: %n", &at.line, &at.col, &used) ==
	    2 && used > 0)
		msg += n + 1 + (size_t)used;
	sbpl_diag_add(pol, SBPL_ERROR, &at, "syntax", "%s", msg);
	sbpl_lint_raw_quotes(pol, text, len);
}

/* Findings by line, then column, then as they were found. */
static const struct sbpl_diag *sort_base;

static int
diag_cmp(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	const struct sbpl_diag *d = &sort_base[x], *e = &sort_base[y];

	if (d->line != e->line)
		return d->line < e->line ? -1 : 1;
	if (d->col != e->col)
		return d->col < e->col ? -1 : 1;
	return x < y ? -1 : x > y;
}

static void
report(struct buf *out, const struct sbpl_policy *pol, const char *file,
    const char *name, bool json)
{
	const struct sbpl_diag *d;
	size_t *order, i;

	order = xcalloc(pol->ndiags + 1, sizeof *order);
	for (i = 0; i < pol->ndiags; i++)
		order[i] = i;
	sort_base = pol->diags;
	qsort(order, pol->ndiags, sizeof *order, diag_cmp);
	if (json) {
		buf_puts(out, "{\"file\": ");
		json_put_string_lossy(out, file);
		buf_puts(out, ", \"findings\": [");
	}
	for (i = 0; i < pol->ndiags; i++) {
		d = &pol->diags[order[i]];
		if (!json) {
			buf_printf(out, "%s:%zu:%zu: %s: %s [%s]\n", name,
			    d->line, d->col, d->severity == SBPL_ERROR ?
			    "error" : "warning", d->msg, d->code);
			continue;
		}
		buf_printf(out, "%s\n  {\"line\": %zu, \"column\": %zu, "
		    "\"severity\": \"%s\", \"code\": ", i > 0 ? "," : "",
		    d->line, d->col, d->severity == SBPL_ERROR ? "error" :
		    "warning");
		json_put_string_lossy(out, d->code);
		buf_puts(out, ", \"message\": ");
		json_put_string_lossy(out, d->msg);
		buf_putc(out, '}');
	}
	if (json)
		buf_puts(out, pol->ndiags > 0 ? "\n]}\n" : "]}\n");
	free(order);
}

int
cli_lint(int argc, char **argv)
{
	struct cli_opts o;
	struct sbpl_doc doc;
	struct sbpl_policy pol;
	struct sbpl_def *defs = NULL;
	struct sb_error err;
	struct buf out;
	char name[SB_SHOW_MAX], show[SB_SHOW_MAX], *text = NULL, **args;
	const char *file;
	size_t len, i;
	int status;

	memset(&doc, 0, sizeof doc);
	memset(&pol, 0, sizeof pol);
	if ((status = parse(argc, argv, &o, &args)) != 0) {
		status = status == CLI_DONE ? CLI_EXIT_OK : CLI_EXIT_USAGE;
		goto out;
	}
	status = CLI_EXIT_USAGE;
	if ((file = o.command[0]) == NULL) {
		cli_warn("lint: which profile? e.g. sbpolicy lint profile.sb "
		    "(sbpolicy lint --help)");
		goto out;
	}
	if (o.command[1] != NULL) {
		cli_warn("lint: unexpected argument %s (one FILE, or - for "
		    "standard input)", sb_show(show, sizeof show,
		    o.command[1]));
		goto out;
	}
	if (parse_defs(&o, &defs) == -1)
		goto out;
	sb_error_init(&err);
	if (strcmp(file, "-") == 0) {
		file = STDIN_NAME;
		text = read_stdin(&len, &err);
	} else
		text = file_read(file, PROFILE_MAX, &len, &err);
	if (text == NULL) {
		cli_warn("%s", err.msg);
		goto out;
	}
	sb_show_name(name, sizeof name, file);
	if (sbpl_read(&doc, name, text, len, &err) == -1)
		read_failed(&pol, name, err.msg, text, len);
	else {
		sb_error_init(&err);
		(void)sbpl_compile(&pol, &doc, defs, o.ndefs, &err);
		sbpl_lint(&pol);
	}
	buf_init(&out);
	report(&out, &pol, file, name, o.json);
	if (cli_write_output(NULL, buf_str(&out), out.len, &err) == -1)
		cli_warn("%s", err.msg);
	else
		status = pol.ndiags > 0 ? CLI_EXIT_ERROR : CLI_EXIT_OK;
	buf_clear(&out);
out:
	sbpl_policy_clear(&pol);
	sbpl_doc_clear(&doc);
	free(text);
	for (i = 0; defs != NULL && i < o.ndefs; i++)
		free((char *)defs[i].key);
	free(defs);
	cli_opts_clear(&o);
	free(args);
	return status;
}
