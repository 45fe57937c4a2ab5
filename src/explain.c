/* SPDX-License-Identifier: ISC */
/* explain.c: would this access be allowed, by which rule, and what change
 * would allow it: the engine behind `sbpolicy explain`. */
#include "config.h"

#include "explain.h"

#include <sys/stat.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "format.h"
#include "json.h"
#include "path.h"
#include "shquote.h"
#include "sbpl-ops.h"
#include "xmalloc.h"

/* --- profiles ------------------------------------------------------------- */

static int
compile(struct explain_profile *pr, const char *name, struct sb_error *err)
{
	struct sb_error cerr;

	if (sbpl_read(&pr->doc, name, pr->text, pr->len, err) == -1)
		return -1;
	sb_error_init(&cerr);
	/* The generator has checked every regex it wrote with regcomp. */
	if (sbpl_compile_flags(&pr->pol, &pr->doc, pr->defs, pr->ndefs,
	    pr->gen != NULL ? SBPL_COMPILE_LAZY_REGEX : 0, &cerr) == -1) {
		sb_error_set(err, SB_EINVAL, "%s (sbpolicy lint lists every "
		    "problem)", cerr.msg);
		return -1;
	}
	return 0;
}

int
explain_load_params(struct explain_profile *pr, const struct params *p,
    const struct gen_ctx *ctx, struct sb_error *err)
{
	size_t i;

	memset(pr, 0, sizeof *pr);
	pr->params = p;
	pr->ctx = ctx;
	pr->gen = xcalloc(1, sizeof *pr->gen);
	if (gen_render(p, ctx, pr->gen, err) == -1)
		return -1;
	/* The text generate prints, so that line numbers agree with it. */
	pr->text = format_sbpl(pr->gen);
	pr->len = strlen(pr->text);
	pr->skip = pr->len - strlen(pr->gen->profile);
	pr->ndefs = pr->gen->nparams;
	pr->defs = xcalloc(pr->ndefs + 1, sizeof *pr->defs);
	for (i = 0; i < pr->ndefs; i++) {
		pr->defs[i].key = pr->gen->params[i].key;
		pr->defs[i].value = pr->gen->params[i].value;
	}
	return compile(pr, "(generated)", err);
}

int
explain_load_text(struct explain_profile *pr, const char *name, char *text,
    size_t len, char *const defs[], size_t ndefs, const struct gen_ctx *ctx,
    struct sb_error *err)
{
	char show[SB_SHOW_MAX], *eq;
	size_t i;

	memset(pr, 0, sizeof *pr);
	pr->ctx = ctx;
	pr->text = text;
	pr->len = len;
	pr->defs = xcalloc(ndefs + 1, sizeof *pr->defs);
	for (i = 0; i < ndefs; i++) {
		if ((eq = strchr(defs[i], '=')) == NULL || eq == defs[i]) {
			sb_error_set(err, SB_EINVAL, "-D: expected KEY=VALUE, "
			    "not %s", sb_show(show, sizeof show, defs[i]));
			return -1;
		}
		/* Split in place: the key ends at the first '='. */
		*eq = '\0';
		pr->defs[i].key = defs[i];
		pr->defs[i].value = eq + 1;
	}
	pr->ndefs = ndefs;
	return compile(pr, name, err);
}

void
explain_profile_clear(struct explain_profile *pr)
{
	sbpl_policy_clear(&pr->pol);
	sbpl_doc_clear(&pr->doc);
	free(pr->text);
	free(pr->defs);
	if (pr->gen != NULL) {
		gen_result_clear(pr->gen);
		free(pr->gen);
	}
	memset(pr, 0, sizeof *pr);
}

/* --- the query ------------------------------------------------------------ */

enum target_kind {
	T_NONE,
	T_PATH,
	T_NET,		/* a Unix socket path or an address */
	T_NAME,
};

/* The friendly verbs, each with the operations it checks. */
static const struct verb {
	const char		*name;
	enum target_kind	 kind;
	const char		*ops[EXPLAIN_CHECKS_MAX];
	bool			 local;	/* bind, listen */
} verbs[] = {
	{ "read", T_PATH, { "file-read-data" }, false },
	{ "write", T_PATH, { "file-write-data" }, false },
	{ "create", T_PATH, { "file-write-create" }, false },
	{ "delete", T_PATH, { "file-write-unlink" }, false },
	{ "exec", T_PATH, { "process-exec*" }, false },
	{ "connect", T_NET, { "network-outbound" }, false },
	{ "bind", T_NET, { "network-bind" }, true },
	{ "listen", T_NET, { "network-inbound" }, true },
	{ "lookup", T_NAME, { "mach-lookup" }, false },
	{ "sysctl", T_NAME, { "sysctl-read" }, false },
};

#define NVERBS (sizeof verbs / sizeof verbs[0])

const char *
explain_verb(size_t i)
{
	return i < NVERBS ? verbs[i].name : NULL;
}

static const struct verb *
verb_find(const char *name)
{
	size_t i;

	for (i = 0; i < NVERBS; i++) {
		if (strcmp(verbs[i].name, name) == 0)
			return &verbs[i];
	}
	return NULL;
}

/* What a raw operation's target is, by its family. */
static enum target_kind
op_target(const char *op)
{
	static const struct {
		const char		*prefix;
		enum target_kind	 kind;
	} families[] = {
		{ "file-", T_PATH }, { "process-exec", T_PATH },
		{ "network", T_NET }, { "mach-", T_NAME }, { "sysctl", T_NAME },
		{ "ipc-posix", T_NAME }, { "iokit-", T_NAME },
		{ "user-preference", T_NAME }, { "managed-preference", T_NAME },
	};
	size_t i;

	for (i = 0; i < sizeof families / sizeof families[0]; i++) {
		if (strncmp(op, families[i].prefix,
		    strlen(families[i].prefix)) == 0)
			return families[i].kind;
	}
	return T_NONE;
}

/* What stat(2) says path is, as vnode-type names it; "" when it is not
 * there (or not readable). */
static void
vnode_of(const char *path, char *out, size_t size)
{
	struct stat st;
	const char *t = "";

	if (stat(path, &st) == 0) {
		if (S_ISREG(st.st_mode))
			t = "REGULAR-FILE";
		else if (S_ISDIR(st.st_mode))
			t = "DIRECTORY";
		else if (S_ISCHR(st.st_mode))
			t = strncmp(path, "/dev/tty", 8) == 0 ? "TTY" :
			    "CHARACTER-DEVICE";
		else if (S_ISBLK(st.st_mode))
			t = "BLOCK-DEVICE";
		else if (S_ISFIFO(st.st_mode))
			t = "FIFO";
		else if (S_ISSOCK(st.st_mode))
			t = "SOCKET";
	}
	snprintf(out, size, "%s", t);
}

/*
 * An address: "tcp:HOST:PORT", "udp:HOST:PORT", or as a denial log writes
 * it, "remote:HOST:PORT" / "local:HOST:PORT" (then TCP is assumed). HOST
 * may be bracketed ([::1]).
 */
static int
parse_address(struct sbpl_query *q, const char *s, struct sb_error *err)
{
	char show[SB_SHOW_MAX], host[256];
	const char *rest, *colon;
	size_t hlen;
	unsigned port;

	q->kind = SBPL_Q_IP;
	q->proto = strncmp(s, "udp:", 4) == 0 ? SBPL_PROTO_UDP :
	    SBPL_PROTO_TCP;
	if (strncmp(s, "local:", 6) == 0)
		q->local = true;
	rest = strchr(s, ':') + 1;
	if ((colon = strrchr(rest, ':')) == NULL || colon == rest) {
		sb_error_set(err, SB_EINVAL, "%s: an address is "
		    "tcp:HOST:PORT or udp:HOST:PORT",
		    sb_show(show, sizeof show, s));
		return -1;
	}
	hlen = (size_t)(colon - rest);
	if (rest[0] == '[' && hlen >= 2 && rest[hlen - 1] == ']') {
		rest++;
		hlen -= 2;
	}
	if (hlen >= sizeof host) {
		sb_error_set(err, SB_EINVAL, "%s: host name too long",
		    sb_show(show, sizeof show, s));
		return -1;
	}
	memcpy(host, rest, hlen);
	host[hlen] = '\0';
	if (strcmp(colon + 1, "*") == 0)
		port = 0;
	else if (params_parse_port(colon + 1, "port", &port, err) == -1)
		return -1;
	q->port = port;
	q->loopback = strcmp(host, "localhost") == 0 ||
	    strcmp(host, "::1") == 0 || strncmp(host, "127.", 4) == 0;
	if (strchr(host, ':') != NULL)
		q->family = 6;
	else if (strspn(host, "0123456789.") == hlen && hlen > 0)
		q->family = 4;
	else
		q->family = 0;	/* a name: either */
	return 0;
}

/* Sets x->path: target as the kernel will see it. */
static int
resolve(struct explain *x, const struct explain_profile *pr,
    const char *target, struct sb_error *err)
{
	char *abs;

	/* Relative to the policy cwd, "~/" kept for the generator's own
	 * expansion, then resolved as the kernel will see it. */
	if ((abs = params_path_from_cli(target, pr->ctx->cwd, false, "path",
	    err)) == NULL)
		return -1;
	x->path = gen_resolve_path(abs, false, pr->ctx, err);
	free(abs);
	if (x->path == NULL)
		return -1;
	/* The type of the file from the file system the policy was made
	 * on: stat(2) for the real one, a directory or nothing for others. */
	if (pr->ctx->fs == &path_fs_posix)
		vnode_of(x->path, x->vnode, sizeof x->vnode);
	else if (pr->ctx->fs->is_dir(x->path, pr->ctx->fs->arg))
		snprintf(x->vnode, sizeof x->vnode, "DIRECTORY");
	return 0;
}

static int
add_check(struct explain *x, const char *opname, struct sb_error *err)
{
	int op;

	if ((op = sbpl_op_lookup(opname, NULL)) < 0) {
		sb_error_set(err, SB_EINVAL, "unknown operation %s", opname);
		return -1;
	}
	x->checks[x->nchecks].q.op = op;
	x->nchecks++;
	return 0;
}

static int
build_queries(struct explain *x, const struct explain_profile *pr,
    const char *verb, const char *target, struct sb_error *err)
{
	const struct verb *v = verb_find(verb);
	enum target_kind kind;
	struct sbpl_query base;
	const char *alias, *s;
	char show[SB_SHOW_MAX];
	bool local = false;
	size_t i;

	memset(&base, 0, sizeof base);
	if (v != NULL) {
		kind = v->kind;
		local = v->local;
	} else {
		if (sbpl_op_lookup(verb, &alias) < 0) {
			s = sbpl_suggest(verb, SBPL_N_OPERATION);
			sb_error_set(err, SB_EINVAL, "%s: not a verb (read, "
			    "write, create, delete, exec, connect, bind, "
			    "listen, lookup, sysctl) nor an operation%s%s%s",
			    sb_show(show, sizeof show, verb), s != NULL ?
			    " (did you mean " : "", s != NULL ? s : "",
			    s != NULL ? "?)" : "");
			return -1;
		}
		kind = op_target(alias != NULL ? alias : verb);
		local = strcmp(verb, "network-bind") == 0 ||
		    strcmp(verb, "network-inbound") == 0;
	}
	if (kind != T_NONE && target == NULL) {
		sb_error_set(err, SB_EINVAL, "%s: what? (a %s)", verb,
		    kind == T_PATH ? "path" : kind == T_NAME ? "name" :
		    "socket path or tcp:HOST:PORT");
		return -1;
	}
	base.local = local;
	switch (kind) {
	case T_NONE:
		base.kind = SBPL_Q_NONE;
		break;
	case T_PATH:
		if (resolve(x, pr, target, err) == -1)
			return -1;
		base.kind = SBPL_Q_PATH;
		base.path = x->path;
		break;
	case T_NAME:
		base.kind = SBPL_Q_NAME;
		base.name = target;
		break;
	case T_NET:
		if (strncmp(target, "tcp:", 4) == 0 ||
		    strncmp(target, "udp:", 4) == 0 ||
		    strncmp(target, "remote:", 7) == 0 ||
		    strncmp(target, "local:", 6) == 0) {
			x->ip_host = true;
			if (parse_address(&base, target, err) == -1)
				return -1;
			if (strncmp(target, "local:", 6) == 0)
				local = base.local = true;
			if (base.port == 0 && !local) {
				sb_error_set(err, SB_EINVAL, "%s: which port?",
				    sb_show(show, sizeof show, target));
				return -1;
			}
			break;
		}
		if (strncmp(target, "unix:", 5) == 0)
			target += 5;
		if (resolve(x, pr, target, err) == -1)
			return -1;
		base.kind = SBPL_Q_UNIX;
		base.path = x->path;
		snprintf(x->vnode, sizeof x->vnode, "SOCKET");
		/* A Unix socket is made before it is connected or bound. */
		if (v != NULL && strcmp(v->name, "listen") != 0) {
			x->checks[0].q.kind = SBPL_Q_SOCKET;
			x->checks[0].q.domain = "AF_UNIX";
			x->checks[0].q.type = "SOCK_STREAM";
			if (add_check(x, "system-socket", err) == -1)
				return -1;
		}
		break;
	}
	base.vnode = x->vnode[0] != '\0' ? x->vnode : NULL;
	for (i = 0; v != NULL && i < EXPLAIN_CHECKS_MAX && v->ops[i] != NULL;
	    i++) {
		x->checks[x->nchecks].q = base;
		if (add_check(x, v->ops[i], err) == -1)
			return -1;
	}
	if (v == NULL) {
		x->checks[x->nchecks].q = base;
		if (add_check(x, verb, err) == -1)
			return -1;
	}
	return 0;
}

/* --- suggested fixes ------------------------------------------------------ */

static int	ask(struct explain *, const struct explain_profile *,
		    const char *, const char *, bool, struct sb_error *);

static const struct gen_origin *
origin_of(const struct explain_profile *pr, const struct sbpl_node *n)
{
	if (pr->gen == NULL || n == NULL || n->off < pr->skip)
		return NULL;
	return gen_origin_at(pr->gen, n->off - pr->skip);
}

/* The deciding origin of a check: the filter that matched, else the rule. */
static const struct gen_origin *
check_origin(const struct explain_profile *pr, const struct sbpl_answer *a)
{
	const struct gen_origin *o = NULL;

	if (a->matched != NULL)
		o = origin_of(pr, a->matched);
	if (o == NULL && a->rule != NULL)
		o = origin_of(pr, a->rule->form);
	return o;
}

/* A candidate change: text for the user, and the change on params. */
struct fix {
	struct buf	 text;
	struct params	 p;
};

static void
fix_start(struct fix *f, const struct params *p)
{
	buf_init(&f->text);
	params_copy(&f->p, p);
}

static void
fix_clear(struct fix *f)
{
	buf_clear(&f->text);
	params_clear(&f->p);
}

static void
fix_flag(struct fix *f, const char *flag, const char *arg)
{
	if (f->text.len > 0)
		buf_putc(&f->text, ' ');
	buf_puts(&f->text, flag);
	if (arg != NULL) {
		buf_putc(&f->text, ' ');
		shquote_append_oneline(&f->text, arg);
	}
}

/* Whether the change makes the same question allowed. */
static bool
fix_works(const struct fix *f, const struct explain_profile *pr,
    const struct explain *x)
{
	struct explain_profile np;
	struct explain nx;
	struct sb_error err;
	bool ok = false;

	sb_error_init(&err);
	if (explain_load_params(&np, &f->p, pr->ctx, &err) == 0 &&
	    ask(&nx, &np, x->verb, x->target, false, &err) == 0) {
		ok = nx.verdict == SBPL_ALLOWED;
		explain_clear(&nx);
	}
	explain_profile_clear(&np);
	return ok;
}

static char *
dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (slash == NULL || slash == path)
		return xstrdup("/");
	return xstrndup(path, (size_t)(slash - path));
}

/* The entry of p that origin o names, as "PATH "VALUE"", or just PATH. */
static char *
entry_name(const struct params *p, const struct gen_origin *o)
{
	char show[SB_SHOW_MAX], *s;
	const char *name = gen_where_name(o->where), *value = NULL;
	char port[8];

	/* An origin of a whole field (the system-socket rule of the socket
	 * list) has no entry to name. */
	if (o->index == GEN_NO_INDEX)
		return xstrdup(name);
	switch (o->where) {
	case GEN_W_WRITABLE_ROOT:
		value = p->writable_roots.v[o->index];
		break;
	case GEN_W_DENY_READ:
		value = p->deny_read.v[o->index];
		break;
	case GEN_W_PROTECTED_NAME:
		value = p->protected_names.v[o->index];
		break;
	case GEN_W_SOCK_ALLOW:
		value = p->sock_allow.v[o->index].path;
		break;
	case GEN_W_SOCK_DENY:
		value = p->sock_deny.v[o->index].path;
		break;
	case GEN_W_PROXY_PORT:
		snprintf(port, sizeof port, "%u", p->proxy_ports.v[o->index]);
		xasprintf(&s, "%s[%zu] %s", name, o->index, port);
		return s;
	case GEN_W_BUILTIN_DENY:
		value = gen_builtin_deny(o->index, NULL);
		xasprintf(&s, "the built-in container-socket deny of %s",
		    sb_show(show, sizeof show, value));
		return s;
	default:
		break;
	}
	if (value == NULL || o->index == GEN_NO_INDEX)
		return xstrdup(name);
	xasprintf(&s, "%s[%zu] %s", name, o->index,
	    sb_show(show, sizeof show, value));
	return s;
}

/* Tries the candidate; on success it becomes x->fix. */
static bool
try_fix(struct explain *x, const struct explain_profile *pr, struct fix *f)
{
	bool ok = fix_works(f, pr, x);

	if (ok)
		x->fix = buf_take(&f->text);
	fix_clear(f);
	return ok;
}

/* Removing the entry that o names from p, as a fix. */
static bool
fix_remove(struct explain *x, const struct explain_profile *pr,
    const struct gen_origin *o)
{
	struct fix f;
	char *what;

	fix_start(&f, pr->params);
	switch (o->where) {
	case GEN_W_DENY_READ:
		strlist_remove(&f.p.deny_read, o->index);
		break;
	case GEN_W_PROTECTED_NAME:
		strlist_remove(&f.p.protected_names, o->index);
		break;
	case GEN_W_SOCK_DENY:
		socklist_remove(&f.p.sock_deny, o->index);
		break;
	case GEN_W_BUILTIN_DENY:
		f.p.builtin_denies = false;
		buf_puts(&f.text, "--no-builtin-denies");
		if (try_fix(x, pr, &f))
			return true;
		/* Without the denies it may still need to be allowed. */
		fix_start(&f, pr->params);
		f.p.builtin_denies = false;
		fix_flag(&f, "--no-builtin-denies", NULL);
		socklist_add(&f.p.sock_allow, x->path, MATCH_LITERAL,
		    ACCESS_CONNECT_BIND);
		fix_flag(&f, "--allow-unix-socket", x->path);
		return try_fix(x, pr, &f);
	default:
		fix_clear(&f);
		return false;
	}
	what = entry_name(pr->params, o);
	buf_printf(&f.text, "remove %s", what);
	free(what);
	return try_fix(x, pr, &f);
}

/* The candidates for an access the policy's options can open. */
static void
fix_by_option(struct explain *x, const struct explain_profile *pr)
{
	const struct params *p = pr->params;
	const struct sbpl_query *q = &x->checks[x->nchecks - 1].q;
	struct fix f;
	char *dir, port[8];
	bool creates;

	switch (q->kind) {
	case SBPL_Q_UNIX:
		fix_start(&f, p);
		if (p->net_mode == NET_OFF) {
			f.p.net_mode = NET_RESTRICTED;
			fix_flag(&f, "--network", "restricted");
		}
		socklist_add(&f.p.sock_allow, x->path, MATCH_LITERAL,
		    ACCESS_CONNECT_BIND);
		fix_flag(&f, "--allow-unix-socket", x->path);
		(void)try_fix(x, pr, &f);
		return;
	case SBPL_Q_IP:
		fix_start(&f, p);
		if (q->local) {
			if (p->net_mode == NET_OFF) {
				f.p.net_mode = NET_RESTRICTED;
				fix_flag(&f, "--network", "restricted");
			}
			f.p.allow_local_binding = true;
			fix_flag(&f, "--allow-local-binding", NULL);
		} else if (q->loopback && q->proto == SBPL_PROTO_TCP &&
		    p->net_mode != NET_FULL) {
			if (p->net_mode == NET_OFF) {
				f.p.net_mode = NET_RESTRICTED;
				fix_flag(&f, "--network", "restricted");
			}
			portlist_add(&f.p.proxy_ports, q->port);
			snprintf(port, sizeof port, "%u", q->port);
			fix_flag(&f, "--proxy-port", port);
		} else {
			f.p.net_mode = NET_FULL;
			fix_flag(&f, "--network", "full");
		}
		if (!try_fix(x, pr, &f) && q->loopback) {
			fix_start(&f, p);
			f.p.net_mode = NET_FULL;
			fix_flag(&f, "--network", "full");
			(void)try_fix(x, pr, &f);
		}
		return;
	case SBPL_Q_PATH:
		if (q->op == sbpl_op_lookup("file-read-data", NULL) ||
		    q->op == sbpl_op_lookup("process-exec*", NULL))
			return;
		/* A root is a directory: the file's own, or for a
		 * directory to write in, itself. */
		creates = q->op == sbpl_op_lookup("file-write-create", NULL) ||
		    q->op == sbpl_op_lookup("file-write-unlink", NULL);
		dir = !creates && strcmp(x->vnode, "DIRECTORY") == 0 ?
		    xstrdup(x->path) : dir_of(x->path);
		fix_start(&f, p);
		if (p->fs_mode == FS_READ_ONLY) {
			f.p.fs_mode = FS_WORKSPACE_WRITE;
			fix_flag(&f, "--full-auto", NULL);
		}
		strlist_add(&f.p.writable_roots, dir);
		fix_flag(&f, "--writable-root", dir);
		free(dir);
		if (!try_fix(x, pr, &f)) {
			fix_start(&f, p);
			f.p.fs_mode = FS_FULL_ACCESS;
			fix_flag(&f, "--fs", "full-access");
			(void)try_fix(x, pr, &f);
		}
		return;
	case SBPL_Q_NAME:
		/* The services networking needs come with the network. */
		if (p->net_mode == NET_FULL)
			return;
		fix_start(&f, p);
		f.p.net_mode = NET_FULL;
		fix_flag(&f, "--network", "full");
		(void)try_fix(x, pr, &f);
		return;
	default:
		return;
	}
}

/* For a denied access on a generated profile: the smallest change that
 * allows it, checked by asking again with the change made. */
static void
suggest(struct explain *x, const struct explain_profile *pr)
{
	const struct gen_origin *o;
	size_t i;

	for (i = 0; i < x->nchecks; i++) {
		if (x->checks[i].a.verdict != SBPL_DENIED)
			continue;
		if (x->checks[i].near != NULL &&
		    (o = origin_of(pr, x->checks[i].except)) != NULL &&
		    fix_remove(x, pr, o))
			return;
		o = check_origin(pr, &x->checks[i].a);
		if (o != NULL && x->checks[i].a.how == SBPL_BY_FILTERED &&
		    !x->checks[i].a.rule->allow) {
			if (fix_remove(x, pr, o))
				return;
			if (o->where == GEN_W_BASE)
				break;
		}
	}
	fix_by_option(x, pr);
	if (x->fix == NULL)
		x->fix_note = xstrdup("no policy option allows this: the base "
		    "policy does not grant it (a hand-written profile can)");
}

/* --- asking --------------------------------------------------------------- */

/* Asks, and with fixes looks for the change that would allow it. */
static int
ask(struct explain *x, const struct explain_profile *pr, const char *verb,
    const char *target, bool fixes, struct sb_error *err)
{
	bool undecided = false, denied = false;
	size_t i;

	memset(x, 0, sizeof *x);
	x->verb = xstrdup(verb);
	x->target = target != NULL ? xstrdup(target) : NULL;
	if (build_queries(x, pr, verb, target, err) == -1) {
		explain_clear(x);
		return -1;
	}
	for (i = 0; i < x->nchecks; i++) {
		sbpl_decide(&pr->pol, &x->checks[i].q, &x->checks[i].a);
		if (x->checks[i].a.verdict == SBPL_DENIED)
			x->checks[i].near = sbpl_near_miss(&pr->pol,
			    &x->checks[i].q, &x->checks[i].a,
			    &x->checks[i].except);
		denied |= x->checks[i].a.verdict == SBPL_DENIED;
		undecided |= x->checks[i].a.verdict == SBPL_UNDECIDABLE;
	}
	x->verdict = denied ? SBPL_DENIED : undecided ? SBPL_UNDECIDABLE :
	    SBPL_ALLOWED;
	if (fixes && x->verdict == SBPL_DENIED && pr->gen != NULL)
		suggest(x, pr);
	return 0;
}

int
explain_ask(struct explain *x, const struct explain_profile *pr,
    const char *verb, const char *target, struct sb_error *err)
{
	return ask(x, pr, verb, target, true, err);
}

void
explain_clear(struct explain *x)
{
	free(x->verb);
	free(x->target);
	free(x->path);
	free(x->fix);
	free(x->fix_note);
	memset(x, 0, sizeof *x);
}

int
explain_exit(enum sbpl_verdict v)
{
	switch (v) {
	case SBPL_ALLOWED:
		return EXPLAIN_EXIT_ALLOWED;
	case SBPL_DENIED:
		return EXPLAIN_EXIT_DENIED;
	case SBPL_UNDECIDABLE:
		return EXPLAIN_EXIT_UNDECIDABLE;
	}
	return EXPLAIN_EXIT_ERROR;
}

/* --- output --------------------------------------------------------------- */

/* The text of node n on one line: blanks collapsed, cut in the middle
 * when long, so that the matched part (at, when not NULL) stays. */
static void
put_form(struct buf *b, const struct explain_profile *pr,
    const struct sbpl_node *n, const struct sbpl_node *at)
{
	const char *s = pr->text + n->off, *e = pr->text + n->end;
	bool blank = false;
	size_t out = 0;

	for (; s < e; s++) {
		if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') {
			blank = true;
			continue;
		}
		if (blank && out > 0) {
			buf_putc(b, ' ');
			out++;
		}
		blank = false;
		if (out >= 100 && at != NULL && s < pr->text + at->off) {
			buf_puts(b, "... ");
			s = pr->text + at->off;
			at = NULL;
			out = 0;
		} else if (out >= 200) {
			buf_puts(b, "...");
			return;
		}
		buf_putc(b, *s);
		out++;
	}
}

/* A path or name as it is when it is plain, else quoted on one line. */
static void
put_word(struct buf *b, const char *s)
{
	char show[SB_SHOW_MAX];

	if (shquote_is_plain(s) || (s[0] == '~' && shquote_is_plain(s + 1)))
		buf_puts(b, s);
	else
		buf_puts(b, sb_show(show, sizeof show, s));
}

/* The -D values that the text of n uses, as "KEY=VALUE" lines. */
static void
put_params(struct buf *b, const struct explain_profile *pr,
    const struct sbpl_node *n, const char *indent)
{
	static const char open[] = "(param \"";
	const char *s = pr->text + n->off, *e = pr->text + n->end, *k, *q;
	size_t i, shown = 0;

	while (shown < 4 && (s = memmem(s, (size_t)(e - s), open,
	    sizeof open - 1)) != NULL) {
		k = s + sizeof open - 1;
		if ((q = memchr(k, '"', (size_t)(e - k))) == NULL)
			break;
		for (i = 0; i < pr->ndefs; i++) {
			if (strlen(pr->defs[i].key) == (size_t)(q - k) &&
			    strncmp(pr->defs[i].key, k, (size_t)(q - k)) == 0) {
				buf_printf(b, "%s%s=", indent, pr->defs[i].key);
				put_word(b, pr->defs[i].value);
				buf_putc(b, '\n');
				shown++;
				break;
			}
		}
		s = q;
	}
}

static const char *
how_name(const struct sbpl_answer *a)
{
	switch (a->how) {
	case SBPL_BY_FILTERED:
		return "a rule that matched";
	case SBPL_BY_UNFILTERED:
		return "the operation's unfiltered rule";
	case SBPL_BY_TERMINAL:
		return "the operation's own default (it does not fall back to "
		    "default)";
	case SBPL_BY_NO_DEFAULT:
		return "no rule at all (no (deny default))";
	case SBPL_BY_NOTHING:
		break;
	}
	return "nothing";
}

static void
put_chain(struct buf *b, const struct sbpl_answer *a)
{
	size_t i;

	for (i = 0; i < a->nchain; i++) {
		if (i > 0)
			buf_puts(b, " -> ");
		buf_puts(b, sbpl_op_at(a->chain[i])->name);
	}
}

static void
put_notes(struct buf *b, const struct explain_profile *pr,
    const struct sbpl_answer *a, const char *indent)
{
	size_t i;

	for (i = 0; i < a->nmaybe; i++) {
		buf_printf(b, "%scannot know: line %zu ", indent,
		    a->maybe[i]->form->line);
		put_form(b, pr, a->maybe_why[i] != NULL ? a->maybe_why[i] :
		    a->maybe[i]->form, NULL);
		buf_printf(b, " (would %s)\n", a->maybe[i]->allow ? "allow" :
		    "deny");
	}
	if (a->incomplete)
		buf_printf(b, "%scannot know: line %zu has %s\n", indent,
		    pr->pol.incomplete->line, pr->pol.incomplete_why);
	if (a->uncertain_parent)
		buf_printf(b, "%suncertain: a parent in this chain is "
		    "inferred from the operation's name, not from Apple's "
		    "table\n", indent);
	if (a->uncertain_terminal)
		buf_printf(b, "%suncertain: that this operation does not fall "
		    "back to default is inferred (SBPL-FACTS 2.4)\n", indent);
	if (a->uncertain_unfiltered)
		buf_printf(b, "%suncertain: unfiltered rules of this operation "
		    "disagree; the last is taken to win\n", indent);
}

void
explain_text(struct buf *b, const struct explain *x,
    const struct explain_profile *pr)
{
	const struct sbpl_answer *a;
	const struct gen_origin *o;
	char *what;
	size_t i;

	buf_printf(b, "%s: %s", sbpl_verdict_name(x->verdict), x->verb);
	if (x->target != NULL) {
		buf_putc(b, ' ');
		put_word(b, x->target);
	}
	buf_putc(b, '\n');
	if (x->path != NULL && strcmp(x->path, x->target) != 0 &&
	    strncmp(x->target, "unix:", 5) != 0) {
		buf_puts(b, "  path: ");
		put_word(b, x->target);
		buf_puts(b, " -> ");
		put_word(b, x->path);
		buf_putc(b, '\n');
	}
	for (i = 0; i < x->nchecks; i++) {
		a = &x->checks[i].a;
		buf_printf(b, "  %s: %s %s %s", sbpl_op_at(x->checks[i].q.op)->name,
		    sbpl_verdict_name(a->verdict), a->verdict ==
		    SBPL_UNDECIDABLE ? "(when nothing uncertain applies: "
		    "decided by" : "by", how_name(a));
		if (a->rule != NULL)
			buf_printf(b, ", line %zu", a->rule->form->line);
		buf_puts(b, a->verdict == SBPL_UNDECIDABLE ? ")" : "");
		if (a->rule != NULL) {
			buf_puts(b, ":\n    ");
			put_form(b, pr, a->rule->form, a->matched);
		}
		buf_putc(b, '\n');
		if (a->rule != NULL)
			put_params(b, pr, a->matched != NULL ? a->matched :
			    a->rule->form, "      ");
		if ((o = check_origin(pr, a)) != NULL) {
			what = entry_name(pr->params, o);
			buf_printf(b, "    from %s\n", what);
			free(what);
		}
		if (x->checks[i].near != NULL) {
			buf_printf(b, "    except: line %zu would %s it but for ",
			    x->checks[i].near->form->line,
			    x->checks[i].near->allow ? "allow" : "deny");
			put_form(b, pr, x->checks[i].except, NULL);
			buf_putc(b, '\n');
			put_params(b, pr, x->checks[i].except, "      ");
			if ((o = origin_of(pr, x->checks[i].except)) != NULL) {
				what = entry_name(pr->params, o);
				buf_printf(b, "    from %s\n", what);
				free(what);
			}
		}
		buf_puts(b, "    consulted: ");
		put_chain(b, a);
		buf_putc(b, '\n');
		put_notes(b, pr, a, "    ");
	}
	if (x->fix != NULL)
		buf_printf(b, "  fix: %s (checked: then allowed)\n", x->fix);
	else if (x->fix_note != NULL)
		buf_printf(b, "  fix: %s\n", x->fix_note);
}

void
explain_json(struct buf *b, const struct explain *x,
    const struct explain_profile *pr)
{
	const struct sbpl_answer *a;
	const struct gen_origin *o;
	struct buf form;
	char *what;
	size_t i, j;

	buf_puts(b, "{\"verdict\": ");
	json_put_string(b, sbpl_verdict_name(x->verdict));
	buf_puts(b, ", \"verb\": ");
	json_put_string_lossy(b, x->verb);
	buf_puts(b, ", \"target\": ");
	if (x->target != NULL)
		json_put_string_lossy(b, x->target);
	else
		buf_puts(b, "null");
	buf_puts(b, ", \"path\": ");
	if (x->path != NULL)
		json_put_string_lossy(b, x->path);
	else
		buf_puts(b, "null");
	buf_puts(b, ", \"checks\": [");
	for (i = 0; i < x->nchecks; i++) {
		a = &x->checks[i].a;
		buf_puts(b, i > 0 ? ", {\"operation\": " : "{\"operation\": ");
		json_put_string(b, sbpl_op_at(x->checks[i].q.op)->name);
		buf_puts(b, ", \"verdict\": ");
		json_put_string(b, sbpl_verdict_name(a->verdict));
		buf_puts(b, ", \"by\": ");
		json_put_string(b, how_name(a));
		buf_puts(b, ", \"rule\": ");
		if (a->rule != NULL) {
			buf_init(&form);
			put_form(&form, pr, a->rule->form, a->matched);
			buf_printf(b, "{\"line\": %zu, \"column\": %zu, "
			    "\"text\": ", a->rule->form->line,
			    a->rule->form->col);
			json_put_string_lossy(b, buf_str(&form));
			buf_putc(b, '}');
			buf_clear(&form);
		} else
			buf_puts(b, "null");
		buf_puts(b, ", \"from\": ");
		if ((o = check_origin(pr, a)) != NULL) {
			what = entry_name(pr->params, o);
			json_put_string_lossy(b, what);
			free(what);
		} else
			buf_puts(b, "null");
		buf_puts(b, ", \"consulted\": [");
		for (j = 0; j < a->nchain; j++) {
			if (j > 0)
				buf_puts(b, ", ");
			json_put_string(b, sbpl_op_at(a->chain[j])->name);
		}
		buf_puts(b, "], \"notes\": ");
		buf_init(&form);
		put_notes(&form, pr, a, "");
		buf_putc(b, '[');
		for (j = 0; j < form.len; j++) {
			/* One string per line of the text notes. */
			size_t n = strcspn(buf_str(&form) + j, "\n");
			char *line = xstrndup(buf_str(&form) + j, n);

			if (j > 0)
				buf_puts(b, ", ");
			json_put_string_lossy(b, line);
			free(line);
			j += n;
		}
		buf_putc(b, ']');
		buf_clear(&form);
		buf_putc(b, '}');
	}
	buf_puts(b, "], \"fix\": ");
	if (x->fix != NULL)
		json_put_string_lossy(b, x->fix);
	else
		buf_puts(b, "null");
	buf_puts(b, ", \"fix_note\": ");
	if (x->fix_note != NULL)
		json_put_string_lossy(b, x->fix_note);
	else
		buf_puts(b, "null");
	buf_puts(b, "}\n");
}

/* --- the denials of a run ------------------------------------------------- */

char *
explain_suggest(const struct params *p, const struct gen_ctx *ctx,
    const char *op, const char *target)
{
	struct explain_profile pr;
	struct explain x;
	struct sb_error err;
	char *fix = NULL;

	sb_error_init(&err);
	if (explain_load_params(&pr, p, ctx, &err) == 0 &&
	    explain_ask(&x, &pr, op, target, &err) == 0) {
		if (x.fix != NULL) {
			fix = x.fix;
			x.fix = NULL;
		}
		explain_clear(&x);
	}
	explain_profile_clear(&pr);
	return fix;
}
