/* SPDX-License-Identifier: ISC */
/* doctor.c: the checks of `sbpolicy doctor`, through the launcher's
 * operations and doctor_probes, so that tests fake the outside world. */
#include "config.h"

#include "doctor.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "denials-stream.h"
#include "explain.h"
#include "format.h"
#include "glob.h"
#include "path.h"
#include "proc.h"
#include "sbpl-eval.h"
#include "sbpl-lint.h"
#include "sbpl-read.h"
#include "xmalloc.h"

/* The profile applied inside the sandbox for the nesting check. */
#define NESTED_PROFILE	"(version 1)(allow default)"

/* The private directories' and the files' names. */
#define WRITE_INSIDE	"written-inside"
#define WRITE_OUTSIDE	"written-outside"
#define SOCKET_NAME	"doctor.sock"

/* How long nc waits on an idle connection (a failing check, or a
 * listener that does not close). */
#define NC_WAIT		"2"

/* The state the checks share. */
struct doctor {
	const struct doctor_probes	*pr;
	const struct doctor_spec	*sp;
	struct doctor_report		*rep;
	struct gen_result		 r;
	bool				 rendered;
	char				*tmp_dir;	/* under tmpdir */
	char				*home_dir;	/* under $HOME */
};

static void
add(struct doctor *d, const char *name, enum doctor_status st,
    const char *fix, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

static void
add(struct doctor *d, const char *name, enum doctor_status st,
    const char *fix, const char *fmt, ...)
{
	struct doctor_check *c;
	va_list ap;

	if (d->rep->n == DOCTOR_CHECKS_MAX)
		abort();	/* a check without room: a bug here */
	c = &d->rep->checks[d->rep->n++];
	c->name = name;
	c->status = st;
	va_start(ap, fmt);
	xvasprintf(&c->what, fmt, ap);
	va_end(ap);
	c->fix = fix != NULL ? xstrdup(fix) : NULL;
}

const char *
doctor_status_name(enum doctor_status st)
{
	switch (st) {
	case DOCTOR_OK:
		return "ok";
	case DOCTOR_FAIL:
		return "FAIL";
	case DOCTOR_SKIP:
		break;
	}
	return "skip";
}

/* --- macOS's view, elsewhere ---------------------------------------------- */

/*
 * The directories macOS links to /private (SBPL-FACTS §5): a path under
 * one is canonical as /private/..., which the kernel checks and the lint
 * expects, and is 8 bytes longer in sun_path.
 */
static bool
linked_dir(const char *p)
{
	static const char *const dirs[] = { "/tmp", "/var", "/etc" };
	size_t i;

	for (i = 0; i < sizeof dirs / sizeof dirs[0]; i++) {
		if (strncmp(p, dirs[i], 4) == 0 && (p[4] == '\0' ||
		    p[4] == '/'))
			return true;
	}
	return false;
}

/* p without /private before tmp, var and etc: the name here. */
static const char *
unprivate(const char *p)
{
	if (strncmp(p, "/private/", 9) == 0 && linked_dir(p + 8))
		return p + 8;
	return p;
}

/*
 * realpath(3) as macOS would answer it, over the file system of this
 * machine (arg): a path under /tmp, /var or /etc (or /private/...) exists
 * when it does here, and is "/private" and the path, not resolved further
 * (what lies below differs by system: Linux links /var/run to /run); any
 * other path is resolved here, and becomes /private/... when it leads
 * into one of the three.
 */
static char *
mac_realpath(const char *path, void *arg)
{
	const struct path_fs *fs = arg;
	const char *q = unprivate(path);
	char *real, *out;

	if (linked_dir(q)) {
		if ((real = fs->realpath(q, fs->arg)) == NULL)
			return NULL;
		free(real);
		xasprintf(&out, "/private%s", q);
		return out;
	}
	if ((real = fs->realpath(path, fs->arg)) == NULL || !linked_dir(real))
		return real;
	xasprintf(&out, "/private%s", real);
	free(real);
	return out;
}

static bool
mac_is_dir(const char *path, void *arg)
{
	const struct path_fs *fs = arg;

	return fs->is_dir(unprivate(path), fs->arg);
}

static char *
mac_read_file(const char *path, size_t max, void *arg)
{
	const struct path_fs *fs = arg;

	return fs->read_file(unprivate(path), max, fs->arg);
}

/* --- what can be checked anywhere ---------------------------------------- */

static void
check_params(struct doctor *d)
{
	struct sb_error err;
	struct buf b;
	size_t i;

	sb_error_init(&err);
	if (gen_render(d->sp->params, d->sp->ctx, &d->r, &err) == -1) {
		add(d, "params", DOCTOR_FAIL, "correct the params file or "
		    "the flag it names", "no profile can be made: %s",
		    err.msg);
		return;
	}
	d->rendered = true;
	if (d->r.nwarnings == 0) {
		add(d, "params", DOCTOR_OK, NULL, "valid");
		return;
	}
	buf_init(&b);
	for (i = 0; i < d->r.nwarnings; i++)
		buf_printf(&b, "%s%s", i > 0 ? "; " : "", d->r.warnings[i].msg);
	add(d, "params", DOCTOR_OK, NULL, "valid, with %s: %s",
	    d->r.nwarnings == 1 ? "a warning" : "warnings", buf_str(&b));
	buf_clear(&b);
}

/* The bytes of the shortest path a socket entry can stand for, in its
 * canonical form; (size_t)-1 with err set when it does not resolve. */
static size_t
socket_len(const struct sock_entry *e, const struct gen_ctx *ctx,
    struct sb_error *err)
{
	char *canon, *prefix;
	size_t len;

	if ((canon = gen_resolve_path(e->path, e->match == MATCH_GLOB, ctx,
	    err)) == NULL)
		return (size_t)-1;
	if (e->match != MATCH_GLOB) {
		len = strlen(canon);
		free(canon);
		return len;
	}
	/* A glob matches nothing shorter than the directories before its
	 * first wildcard. */
	prefix = glob_unescape(canon, glob_literal_len(canon));
	len = strlen(prefix);
	free(prefix);
	free(canon);
	return len;
}

static void
check_sockets(struct doctor *d)
{
	const struct params *p = d->sp->params;
	const struct socklist *l;
	struct sb_error err;
	const char *list;
	char show[SB_SHOW_MAX], *first = NULL;
	size_t i, k, len, n = 0, bad = 0;

	for (k = 0; k < 2; k++) {
		l = k == 0 ? &p->sock_allow : &p->sock_deny;
		for (i = 0; i < l->n; i++, n++) {
			sb_error_init(&err);
			len = socket_len(&l->v[i], d->sp->ctx, &err);
			if (len != (size_t)-1 && len < DOCTOR_SUN_PATH_MAX)
				continue;
			if (bad++ > 0)
				continue;
			list = k == 0 ? "allow" : "deny";
			if (len == (size_t)-1)
				xasprintf(&first, "network.unix_sockets.%s"
				    "[%zu]: %s", list, i, err.msg);
			else
				xasprintf(&first, "network.unix_sockets.%s"
				    "[%zu] %s is %zu bytes in its canonical "
				    "form, more than the %d a Unix socket's "
				    "path holds (sun_path)", list, i,
				    sb_show(show, sizeof show, l->v[i].path),
				    len, DOCTOR_SUN_PATH_MAX - 1);
		}
	}
	if (bad == 0 && n == 0)
		add(d, "sockets", DOCTOR_OK, NULL, "no socket paths in the "
		    "policy");
	else if (bad == 0)
		add(d, "sockets", DOCTOR_OK, NULL, "%zu socket path%s fit%s "
		    "sun_path (%d bytes with its NUL)", n, n == 1 ? "" : "s",
		    n == 1 ? "s" : "", DOCTOR_SUN_PATH_MAX);
	else
		add(d, "sockets", DOCTOR_FAIL, "nothing can connect to or "
		    "bind such a path: use a shorter one", "%s%s", first,
		    bad > 1 ? " (and more)" : "");
	free(first);
}

static void
check_lint(struct doctor *d)
{
	struct sbpl_doc doc;
	struct sbpl_policy pol;
	struct sbpl_def *defs;
	struct sb_error err;
	const struct sbpl_diag *g;
	char *text;
	size_t i;

	memset(&doc, 0, sizeof doc);
	memset(&pol, 0, sizeof pol);
	sb_error_init(&err);
	/* The text generate prints, so that the lines are its lines. */
	text = format_sbpl(&d->r);
	defs = xcalloc(d->r.nparams + 1, sizeof *defs);
	for (i = 0; i < d->r.nparams; i++) {
		defs[i].key = d->r.params[i].key;
		defs[i].value = d->r.params[i].value;
	}
	if (sbpl_read(&doc, "profile", text, strlen(text), &err) == -1) {
		add(d, "lint", DOCTOR_FAIL, "this is a bug in sbpolicy: "
		    "report it with the policy", "the profile does not read: "
		    "%s", err.msg);
		goto out;
	}
	(void)sbpl_compile(&pol, &doc, defs, d->r.nparams, &err);
	sbpl_lint(&pol);
	if (pol.ndiags == 0) {
		add(d, "lint", DOCTOR_OK, NULL, "the profile lints clean "
		    "(%zu rules)", pol.nrules);
		goto out;
	}
	/* The first in the text: diags are in the order they were found. */
	g = &pol.diags[0];
	for (i = 1; i < pol.ndiags; i++) {
		if (pol.diags[i].line < g->line || (pol.diags[i].line ==
		    g->line && pol.diags[i].col < g->col))
			g = &pol.diags[i];
	}
	add(d, "lint", DOCTOR_FAIL, "sbpolicy generate --format inline with "
	    "the same options, piped to sbpolicy lint -, lists them all",
	    "%zu finding%s; the first: profile:%zu:%zu: %s: %s [%s]",
	    pol.ndiags, pol.ndiags == 1 ? "" : "s", g->line, g->col,
	    g->severity == SBPL_ERROR ? "error" : "warning", g->msg, g->code);
out:
	sbpl_policy_clear(&pol);
	sbpl_doc_clear(&doc);
	free(defs);
	free(text);
}

/* --- running ------------------------------------------------------------ */

/* cmd under the profile: launch_run's status, err set when nothing ran. */
static int
run_inside(struct doctor *d, char *const cmd[], struct sb_error *err)
{
	struct launch_spec ls;

	memset(&ls, 0, sizeof ls);
	ls.result = &d->r;
	ls.net_mode = d->sp->params->net_mode;
	ls.command = cmd;
	ls.envp = d->sp->envp;
	ls.tmpdir = d->sp->tmpdir;
	ls.cwd = NULL;
	return launch_run(d->pr->launch, &ls, NULL, err);
}

/* cmd outside the sandbox: its status, or -1 with err set. */
static int
run_outside(struct doctor *d, char *const cmd[], struct sb_error *err)
{
	const struct launch_ops *ops = d->pr->launch;
	struct launch_exec e;
	struct launch_failure f;
	struct launch_status st;
	pid_t pid;

	memset(&e, 0, sizeof e);
	e.path = cmd[0];
	e.argv = cmd;
	e.envp = d->sp->envp;
	if ((pid = ops->spawn(&e, &f, ops->arg)) == -1) {
		sb_error_set(err, SB_EIO, "cannot run %s: %s", cmd[0],
		    strerror(f.errnum));
		return -1;
	}
	if (ops->wait(pid, &st, ops->arg) == -1) {
		sb_error_set(err, SB_EIO, "waiting for %s: %s", cmd[0],
		    strerror(errno));
		return -1;
	}
	return launch_status_code(&st);
}

/* The verdict of the policy on verb target, asked of the engine. */
static enum sbpl_verdict
verdict(const struct explain_profile *ep, const char *verb,
    const char *target)
{
	struct explain ex;
	struct sb_error err;
	enum sbpl_verdict v;

	sb_error_init(&err);
	if (explain_ask(&ex, ep, verb, target, &err) == -1)
		return SBPL_UNDECIDABLE;
	v = ex.verdict;
	explain_clear(&ex);
	return v;
}

static const char fix_report[] =
    "the sandbox does not enforce the profile here: do not rely on it, "
    "and report this with the output of sw_vers";

static void
check_nesting(struct doctor *d, bool *can_run)
{
	const struct launch_ops *ops = d->pr->launch;
	struct sb_error err;
	char *cmd[] = { (char *)DOCTOR_SH, (char *)"-c",
	    (char *)DOCTOR_RUN_SCRIPT,
	    (char *)"sh", (char *)ops->sandbox_exec, (char *)"-p",
	    (char *)NESTED_PROFILE, (char *)DOCTOR_TRUE, NULL };
	int st;

	if (ops->is_sandboxed(ops->arg) == 1) {
		*can_run = false;
		add(d, "nesting", DOCTOR_FAIL, "run sbpolicy from a shell "
		    "outside any sandbox (not from inside an agent's or an "
		    "app's)", "this process already runs inside a sandbox, "
		    "and macOS applies no second profile: run cannot start "
		    "anything here");
		return;
	}
	sb_error_init(&err);
	st = run_inside(d, cmd, &err);
	if (st == 0)
		add(d, "nesting", DOCTOR_OK, NULL, "not inside a sandbox; "
		    "this macOS even applied a profile inside the profile");
	else
		add(d, "nesting", DOCTOR_OK, NULL, "not inside a sandbox; a "
		    "profile applied inside the profile is refused, which "
		    "run detects and reports");
}

static void
check_loads(struct doctor *d, bool *can_run)
{
	struct sb_error err;
	char *cmd[] = { (char *)DOCTOR_TRUE, NULL };
	int st;

	sb_error_init(&err);
	if ((st = run_inside(d, cmd, &err)) == 0) {
		add(d, "loads", DOCTOR_OK, NULL, "sandbox-exec ran %s under "
		    "the profile", DOCTOR_TRUE);
		return;
	}
	*can_run = false;
	if (sb_error_is_set(&err))
		add(d, "loads", DOCTOR_FAIL, "see the lint check, and "
		    "sbpolicy run --dry-run for the command line", "%s",
		    err.msg);
	else
		add(d, "loads", DOCTOR_FAIL, "see sandbox-exec's message "
		    "above and the lint check", "sandbox-exec exited %d "
		    "running %s under the profile", st, DOCTOR_TRUE);
}

/*
 * A directory the policy denies writing in: a new one under tmpdir, else
 * one under $HOME. Sets *dir (borrowed from d) or leaves it NULL; what the
 * candidates were goes to tried.
 */
static int
write_dir(struct doctor *d, const struct explain_profile *ep,
    const char **dir, struct buf *tried, struct sb_error *err)
{
	const char *parents[2];
	char **slots[2], *probe;
	enum sbpl_verdict v;
	char show[SB_SHOW_MAX];
	size_t i;

	*dir = NULL;
	parents[0] = proc_temp_dir(d->sp->tmpdir);
	parents[1] = d->sp->ctx->home;
	slots[0] = &d->tmp_dir;
	slots[1] = &d->home_dir;
	for (i = 0; i < 2; i++) {
		if (parents[i] == NULL)
			continue;
		if (*slots[i] == NULL && (*slots[i] = d->pr->make_dir(
		    parents[i], err, d->pr->arg)) == NULL)
			return -1;
		xasprintf(&probe, "%s/" WRITE_INSIDE, *slots[i]);
		v = verdict(ep, "create", probe);
		free(probe);
		if (v == SBPL_DENIED) {
			*dir = *slots[i];
			return 0;
		}
		buf_printf(tried, "%s%s", tried->len > 0 ? " and " : "",
		    sb_show(show, sizeof show, *slots[i]));
	}
	return 0;
}

static void
check_write(struct doctor *d, const struct explain_profile *ep)
{
	struct sb_error err;
	struct buf tried;
	const char *dir;
	char *inside, *outside, in_show[SB_SHOW_MAX], out_show[SB_SHOW_MAX];
	char *cmd[] = { (char *)DOCTOR_SH, (char *)"-c",
	    (char *)DOCTOR_WRITE_SCRIPT,
	    (char *)"sh", NULL, NULL };
	int st;

	sb_error_init(&err);
	buf_init(&tried);
	if (write_dir(d, ep, &dir, &tried, &err) == -1) {
		add(d, "write", DOCTOR_FAIL, "set TMPDIR to a directory of "
		    "yours", "%s", err.msg);
		goto out;
	}
	if (dir == NULL) {
		add(d, "write", DOCTOR_SKIP, NULL, "the policy lets %s be "
		    "written: no write outside the roots to try",
		    buf_str(&tried));
		goto out;
	}
	xasprintf(&inside, "%s/" WRITE_INSIDE, dir);
	xasprintf(&outside, "%s/" WRITE_OUTSIDE, dir);
	sb_show(in_show, sizeof in_show, inside);
	sb_show(out_show, sizeof out_show, outside);
	/* Outside first: when that fails, a refusal inside proves nothing. */
	cmd[4] = outside;
	st = run_outside(d, cmd, &err);
	if (st != 0 || !d->pr->exists(outside, d->pr->arg)) {
		if (st == -1)
			add(d, "write", DOCTOR_FAIL, NULL, "%s", err.msg);
		else
			add(d, "write", DOCTOR_FAIL, "check the directory's "
			    "permissions and free space", "%s could not write "
			    "%s even outside the sandbox (status %d): nothing "
			    "to compare with", DOCTOR_SH, out_show, st);
		goto free;
	}
	cmd[4] = inside;
	sb_error_init(&err);
	st = run_inside(d, cmd, &err);
	if (st == DOCTOR_REFUSED && !d->pr->exists(inside, d->pr->arg))
		add(d, "write", DOCTOR_OK, NULL, "creating %s, outside the "
		    "writable roots, was refused", in_show);
	else if (st == 0 || d->pr->exists(inside, d->pr->arg))
		add(d, "write", DOCTOR_FAIL, fix_report, "%s was written "
		    "under the profile, which denies it", in_show);
	else if (sb_error_is_set(&err))
		add(d, "write", DOCTOR_FAIL, NULL, "%s", err.msg);
	else
		add(d, "write", DOCTOR_FAIL, "see the loads check", "the "
		    "write could not be tried: %s exited %d under the "
		    "profile", DOCTOR_SH, st);
free:
	free(inside);
	free(outside);
out:
	buf_clear(&tried);
}

static void
check_connect(struct doctor *d, const struct explain_profile *ep)
{
	const struct launch_ops *ops = d->pr->launch;
	struct sb_error err;
	char *sock = NULL, *canon = NULL, show[SB_SHOW_MAX];
	char *cmd[] = { (char *)DOCTOR_SH, (char *)"-c",
	    (char *)DOCTOR_RUN_SCRIPT,
	    (char *)"sh", (char *)DOCTOR_NC, (char *)"-U", (char *)"-w",
	    (char *)NC_WAIT, NULL, NULL };
	long h = -1;
	int st;

	sb_error_init(&err);
	if (!ops->is_present(DOCTOR_NC, ops->arg)) {
		add(d, "connect", DOCTOR_SKIP, NULL, "no %s to connect with",
		    DOCTOR_NC);
		return;
	}
	if (d->tmp_dir == NULL && (d->tmp_dir = d->pr->make_dir(
	    proc_temp_dir(d->sp->tmpdir), &err, d->pr->arg)) == NULL) {
		add(d, "connect", DOCTOR_FAIL, "set TMPDIR to a directory of "
		    "yours", "%s", err.msg);
		return;
	}
	xasprintf(&sock, "%s/" SOCKET_NAME, d->tmp_dir);
	if ((canon = gen_resolve_path(sock, false, d->sp->ctx,
	    &err)) == NULL) {
		add(d, "connect", DOCTOR_FAIL, NULL, "%s", err.msg);
		goto out;
	}
	if (strlen(canon) >= DOCTOR_SUN_PATH_MAX) {
		add(d, "connect", DOCTOR_FAIL, "set TMPDIR to a shorter "
		    "directory", "the test socket %s is %zu bytes, more than "
		    "sun_path's %d", sb_show(show, sizeof show, canon),
		    strlen(canon),
		    DOCTOR_SUN_PATH_MAX - 1);
		goto out;
	}
	if (verdict(ep, "connect", sock) != SBPL_DENIED) {
		add(d, "connect", DOCTOR_SKIP, NULL, "the policy allows "
		    "connecting to %s: no socket connect to refuse",
		    sb_show(show, sizeof show, canon));
		goto out;
	}
	if ((h = d->pr->listen(sock, &err, d->pr->arg)) == -1) {
		add(d, "connect", DOCTOR_FAIL, NULL, "%s", err.msg);
		goto out;
	}
	cmd[8] = sock;
	sb_show(show, sizeof show, sock);
	if ((st = run_outside(d, cmd, &err)) != 0) {
		if (st == -1)
			add(d, "connect", DOCTOR_FAIL, NULL, "%s", err.msg);
		else
			add(d, "connect", DOCTOR_FAIL, "check that nc -U "
			    "works here", "%s could not connect to %s even "
			    "outside the sandbox (status %d): nothing to "
			    "compare with", DOCTOR_NC, show, st);
		goto out;
	}
	sb_error_init(&err);
	st = run_inside(d, cmd, &err);
	if (st == DOCTOR_REFUSED)
		add(d, "connect", DOCTOR_OK, NULL, "connecting to %s, which "
		    "the policy does not allow, was refused", show);
	else if (st == 0)
		add(d, "connect", DOCTOR_FAIL, fix_report, "%s connected to "
		    "%s under the profile, which denies it", DOCTOR_NC, show);
	else if (sb_error_is_set(&err))
		add(d, "connect", DOCTOR_FAIL, NULL, "%s", err.msg);
	else
		add(d, "connect", DOCTOR_FAIL, "see the loads check", "the "
		    "connect could not be tried: %s exited %d under the "
		    "profile", DOCTOR_SH, st);
out:
	if (h != -1)
		d->pr->unlisten(h, d->pr->arg);
	free(canon);
	free(sock);
}

static void
check_log(struct doctor *d)
{
	const struct launch_ops *ops = d->pr->launch;
	struct sb_error err;

	sb_error_init(&err);
	if (!ops->is_present(DENIALS_LOG_PATH, ops->arg))
		add(d, "log", DOCTOR_FAIL, "run --log-denials cannot report "
		    "denials without it", "%s not found", DENIALS_LOG_PATH);
	else if (d->pr->log_ready(d->sp->tmpdir, &err, d->pr->arg) == -1)
		add(d, "log", DOCTOR_FAIL, "run --log-denials will run the "
		    "command without its report: try log stream in this "
		    "terminal", "%s", err.msg);
	else
		add(d, "log", DOCTOR_OK, NULL, "log stream started, as run "
		    "--log-denials starts it");
}

static void
check_macos(struct doctor *d)
{
	struct explain_profile ep;
	struct sb_error err;
	bool can_run = true;
	static const char no_run[] = "needs the profile to run under "
	    "sandbox-exec";

	sb_error_init(&err);
	if (launch_check_sandbox_exec(d->pr->launch, &err) != 0) {
		add(d, "sandbox-exec", DOCTOR_FAIL, "it ships with macOS: "
		    "check /usr/bin", "%s", err.msg);
		can_run = false;
	} else
		add(d, "sandbox-exec", DOCTOR_OK, NULL, "%s",
		    d->pr->launch->sandbox_exec);
	if (!d->rendered) {
		add(d, "loads", DOCTOR_SKIP, NULL, "no profile (see params)");
		check_log(d);
		return;
	}
	if (can_run)
		check_nesting(d, &can_run);
	if (can_run)
		check_loads(d, &can_run);
	else
		add(d, "loads", DOCTOR_SKIP, NULL, "%s", no_run);
	if (!can_run) {
		add(d, "write", DOCTOR_SKIP, NULL, "%s", no_run);
		add(d, "connect", DOCTOR_SKIP, NULL, "%s", no_run);
		check_log(d);
		return;
	}
	memset(&ep, 0, sizeof ep);
	if (explain_load_params(&ep, d->sp->params, d->sp->ctx, &err) == -1) {
		add(d, "write", DOCTOR_FAIL, NULL, "%s", err.msg);
		add(d, "connect", DOCTOR_SKIP, NULL, "see write");
	} else {
		check_write(d, &ep);
		check_connect(d, &ep);
	}
	explain_profile_clear(&ep);
	check_log(d);
}

void
doctor_run(const struct doctor_probes *pr, const struct doctor_spec *sp,
    struct doctor_report *rep)
{
	struct doctor d;
	struct doctor_spec mac_sp;
	struct gen_ctx mac_ctx;
	struct path_fs mac_fs;
	const char *sys;

	memset(&mac_fs, 0, sizeof mac_fs);
	memset(rep, 0, sizeof *rep);
	memset(&d, 0, sizeof d);
	d.pr = pr;
	d.sp = sp;
	d.rep = rep;
	sys = pr->sysname(pr->arg);
	rep->macos = sys != NULL && strcmp(sys, "Darwin") == 0;
	if (!rep->macos) {
		/* Nothing is enforced here: the profile is judged as the
		 * Mac it is for would see it, /tmp as /private/tmp. */
		mac_fs.realpath = mac_realpath;
		mac_fs.is_dir = mac_is_dir;
		mac_fs.read_file = mac_read_file;
		mac_fs.arg = (void *)sp->ctx->fs;
		mac_ctx = *sp->ctx;
		mac_ctx.fs = &mac_fs;
		mac_sp = *sp;
		mac_sp.ctx = &mac_ctx;
		d.sp = &mac_sp;
	}
	check_params(&d);
	if (d.rendered) {
		check_sockets(&d);
		check_lint(&d);
	} else {
		add(&d, "sockets", DOCTOR_SKIP, NULL, "no profile (see "
		    "params)");
		add(&d, "lint", DOCTOR_SKIP, NULL, "no profile (see params)");
	}
	if (rep->macos)
		check_macos(&d);
	else
		add(&d, "sandbox", DOCTOR_SKIP, NULL, "enforcement needs "
		    "macOS, and this is %s: sandbox-exec, the refused write "
		    "and connect, nesting and log stream were not tried (the "
		    "checks above read the profile as macOS does: /tmp, /var "
		    "and /etc as /private/...)", sys != NULL ? sys :
		    "not macOS");
	if (d.tmp_dir != NULL)
		pr->remove_dir(d.tmp_dir, pr->arg);
	if (d.home_dir != NULL)
		pr->remove_dir(d.home_dir, pr->arg);
	free(d.tmp_dir);
	free(d.home_dir);
	if (d.rendered)
		gen_result_clear(&d.r);
}

void
doctor_report_clear(struct doctor_report *rep)
{
	size_t i;

	for (i = 0; i < rep->n; i++) {
		free(rep->checks[i].what);
		free(rep->checks[i].fix);
	}
	memset(rep, 0, sizeof *rep);
}

int
doctor_exit(const struct doctor_report *rep)
{
	size_t i;

	for (i = 0; i < rep->n; i++) {
		if (rep->checks[i].status == DOCTOR_FAIL)
			return DOCTOR_EXIT_FAILED;
	}
	return rep->macos ? DOCTOR_EXIT_OK : DOCTOR_EXIT_NOT_MACOS;
}
