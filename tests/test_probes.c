/* SPDX-License-Identifier: ISC */
/*
 * test_probes.c: profiles that test their own meaning. Every line of the
 * .txt files in tests/probes names a policy, an access and the verdict the
 * product promises for it; the policy is generated on the fake macOS file
 * system of the golden cases and the access asked of it with the explain
 * engine.
 *
 * tests/probes/known-failing.txt holds the probes of open bugs: it is read
 * only when PROBES_ALL=1. With arguments, `test_probes POLICY VERB [TARGET]`
 * prints the explanation of one access (for looking into a failure).
 */
#include "config.h"

#include <dirent.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "err.h"
#include "explain.h"
#include "gen.h"
#include "helpers.h"
#include "params-json.h"
#include "params.h"
#include "xmalloc.h"

/* Fewer probes than this and something (a file, a directory) went
 * missing: the suite fails rather than pass on less. */
#define PROBES_MIN	500

#define PROBES_DIR	"tests/probes"
#define KNOWN_FAILING	"known-failing.txt"

/* One policy, rendered and compiled once however many probes ask it. */
struct policy {
	char			*name;
	struct params		 params;	/* pr borrows it */
	struct explain_profile	 pr;
	char			*error;	/* it could not be loaded, or NULL */
};

static struct policy	**policies;
static size_t		  npolicies;
static struct gen_ctx	  ctx;		/* every profile borrows it */

static bool
file_exists(const char *path)
{
	return access(path, R_OK) == 0;
}

/*
 * The params file of a policy name: NAME is a golden case, example/NAME
 * an example, or a policy of the probes' own in tests/probes/policies.
 */
static char *
policy_file(const char *name, char **error)
{
	char *golden, *own, *path;

	*error = NULL;
	if (strncmp(name, "example/", 8) == 0) {
		xasprintf(&path, "%s/data/examples/%s.json", test_srcdir(),
		    name + 8);
		return path;
	}
	if (*name == '\0' || strchr(name, '/') != NULL || *name == '.') {
		xasprintf(error, "bad policy name \"%s\": NAME, example/NAME "
		    "or a file tests/probes/policies/NAME.json", name);
		return NULL;
	}
	xasprintf(&golden, "%s/tests/golden/%s/params.json", test_srcdir(),
	    name);
	xasprintf(&own, "%s/%s/policies/%s.json", test_srcdir(), PROBES_DIR,
	    name);
	if (file_exists(golden) && file_exists(own)) {
		xasprintf(error, "policy \"%s\" is both a golden case and "
		    "%s/policies/%s.json: rename the latter", name,
		    PROBES_DIR, name);
		free(golden);
		free(own);
		return NULL;
	}
	if (file_exists(golden)) {
		free(own);
		return golden;
	}
	free(golden);
	return own;
}

static struct policy *
policy_get(const char *name)
{
	struct policy *pol;
	struct sb_error err;
	char *file;
	size_t i;

	for (i = 0; i < npolicies; i++) {
		if (strcmp(policies[i]->name, name) == 0)
			return policies[i];
	}
	pol = xcalloc(1, sizeof *pol);
	pol->name = xstrdup(name);
	params_init(&pol->params);
	sb_error_init(&err);
	if ((file = policy_file(name, &pol->error)) != NULL) {
		if (params_json_load(file, &pol->params, &err) == -1 ||
		    explain_load_params(&pol->pr, &pol->params, &ctx,
		    &err) == -1)
			pol->error = xstrdup(err.msg);
		free(file);
	}
	policies = xreallocarray(policies, npolicies + 1, sizeof *policies);
	policies[npolicies++] = pol;
	return pol;
}

static void
policies_free(void)
{
	size_t i;

	for (i = 0; i < npolicies; i++) {
		explain_profile_clear(&policies[i]->pr);
		params_clear(&policies[i]->params);
		free(policies[i]->name);
		free(policies[i]->error);
		free(policies[i]);
	}
	free(policies);
	policies = NULL;
	npolicies = 0;
}

static int
verdict_from_name(const char *s, enum sbpl_verdict *v)
{
	if (strcmp(s, "allowed") == 0)
		*v = SBPL_ALLOWED;
	else if (strcmp(s, "denied") == 0)
		*v = SBPL_DENIED;
	else if (strcmp(s, "undecidable") == 0)
		*v = SBPL_UNDECIDABLE;
	else
		return -1;
	return 0;
}

/* Probes run and failed, over all files. */
struct tally {
	size_t	run;
	size_t	failed;
};

/*
 * Splits line into at most max blank-separated words, in place; a word
 * that starts with '#' starts a comment. Returns the number of words, or
 * max + 1 when there are more.
 */
static size_t
split(char *line, char **words, size_t max)
{
	size_t n = 0;
	char *p = line;

	for (;;) {
		while (*p == ' ' || *p == '\t' || *p == '\r')
			p++;
		if (*p == '\0' || *p == '#')
			return n;
		if (n == max)
			return max + 1;
		words[n++] = p;
		while (*p != '\0' && *p != ' ' && *p != '\t' && *p != '\r')
			p++;
		if (*p != '\0')
			*p++ = '\0';
	}
}

/* Asks one probe; returns whether it kept its promise. */
static bool
probe(const char *file, size_t line, char **w, struct buf *out)
{
	struct policy *pol;
	struct explain x;
	struct sb_error err;
	enum sbpl_verdict want;
	const char *target;
	bool ok;

	buf_printf(out, "%s:%zu: %s %s %s: ", file, line, w[0], w[1], w[2]);
	if (verdict_from_name(w[3], &want) == -1) {
		buf_printf(out, "expect is allowed, denied or undecidable, "
		    "not \"%s\"\n", w[3]);
		return false;
	}
	pol = policy_get(w[0]);
	if (pol->error != NULL) {
		buf_printf(out, "expected %s, got no policy: %s\n", w[3],
		    pol->error);
		return false;
	}
	/* "-": an operation without a target (process-fork). */
	target = strcmp(w[2], "-") == 0 ? NULL : w[2];
	sb_error_init(&err);
	if (explain_ask(&x, &pol->pr, w[1], target, &err) == -1) {
		buf_printf(out, "expected %s, got no answer: %s\n", w[3],
		    err.msg);
		return false;
	}
	ok = x.verdict == want;
	if (!ok) {
		buf_printf(out, "expected %s, got %s\n", w[3],
		    sbpl_verdict_name(x.verdict));
		explain_text(out, &x, &pol->pr);
	}
	explain_clear(&x);
	return ok;
}

/* Runs every probe of one file (rel, under top_srcdir). */
static void
run_file(const char *rel, struct tally *t)
{
	struct buf out;
	char *path, *text, *line, *next, *w[5];
	size_t n, lineno = 0, run = 0, failed = 0;

	path = test_srcpath(rel);
	if ((text = test_slurp(path, NULL)) == NULL) {
		printf("%s: cannot read\n", rel);
		t->failed++;
		free(path);
		return;
	}
	buf_init(&out);
	for (line = text; line != NULL; line = next) {
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		lineno++;
		if ((n = split(line, w, 4)) == 0)
			continue;
		run++;
		if (n != 4) {
			printf("%s:%zu: a probe is POLICY VERB TARGET EXPECT "
			    "(TARGET - for none), %zu words here\n", rel,
			    lineno, n > 4 ? (size_t)5 : n);
			failed++;
			continue;
		}
		buf_reset(&out);
		if (!probe(rel, lineno, w, &out)) {
			fputs(buf_str(&out), stdout);
			failed++;
		}
	}
	printf("# %s: %zu probes, %zu failed\n", rel, run, failed);
	t->run += run;
	t->failed += failed;
	buf_clear(&out);
	free(text);
	free(path);
}

static int
namecmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The probe files, sorted: *.txt in tests/probes, the known failures
 * only when asked for. */
static char **
probe_files(size_t *n)
{
	struct dirent *de;
	const char *all = getenv("PROBES_ALL");
	char *dir, **names = NULL, *rel;
	size_t len;
	DIR *d;

	*n = 0;
	dir = test_srcpath(PROBES_DIR);
	if ((d = opendir(dir)) == NULL) {
		free(dir);
		return NULL;
	}
	while ((de = readdir(d)) != NULL) {
		len = strlen(de->d_name);
		if (len < 5 || de->d_name[0] == '.' ||
		    strcmp(de->d_name + len - 4, ".txt") != 0)
			continue;
		if (strcmp(de->d_name, KNOWN_FAILING) == 0 &&
		    (all == NULL || strcmp(all, "1") != 0))
			continue;
		xasprintf(&rel, "%s/%s", PROBES_DIR, de->d_name);
		names = xreallocarray(names, *n + 1, sizeof *names);
		names[(*n)++] = rel;
	}
	closedir(d);
	free(dir);
	if (*n > 0)
		qsort(names, *n, sizeof *names, namecmp);
	return names;
}

/* test_probes POLICY VERB [TARGET]: one access, explained. */
static int
explain_one(int argc, char **argv)
{
	struct policy *pol;
	struct explain x;
	struct sb_error err;
	struct buf out;
	int status;

	pol = policy_get(argv[1]);
	if (pol->error != NULL) {
		fprintf(stderr, "%s\n", pol->error);
		return EXPLAIN_EXIT_ERROR;
	}
	sb_error_init(&err);
	if (explain_ask(&x, &pol->pr, argv[2], argc > 3 ? argv[3] : NULL,
	    &err) == -1) {
		fprintf(stderr, "%s\n", err.msg);
		return EXPLAIN_EXIT_ERROR;
	}
	buf_init(&out);
	explain_text(&out, &x, &pol->pr);
	fputs(buf_str(&out), stdout);
	status = explain_exit(x.verdict);
	buf_clear(&out);
	explain_clear(&x);
	return status;
}

int
main(int argc, char **argv)
{
	struct tally t = { 0, 0 };
	char **files;
	size_t i, n, passed;
	int status;

	test_macos_ctx(&ctx);
	if (argc == 3 || argc == 4) {
		status = explain_one(argc, argv);
		policies_free();
		return status;
	}
	if (argc != 1) {
		fprintf(stderr, "usage: test_probes [POLICY VERB [TARGET]]\n");
		return EXPLAIN_EXIT_ERROR;
	}
	files = probe_files(&n);
	for (i = 0; i < n; i++) {
		run_file(files[i], &t);
		free(files[i]);
	}
	free(files);
	policies_free();
	passed = t.run > t.failed ? t.run - t.failed : 0;
	if (t.run < PROBES_MIN) {
		/* Too few is a failure of its own, even when all passed. */
		printf("# only %zu probes ran, from %zu files in %s/%s: at "
		    "least %d expected\n", t.run, n, test_srcdir(), PROBES_DIR,
		    PROBES_MIN);
		t.failed++;
	}
	/* The line build-aux/test-count.sh reads. */
	printf("probes: %zu passed, %zu failed\n", passed, t.failed);
	return t.failed == 0 ? 0 : 1;
}
