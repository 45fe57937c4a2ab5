/* SPDX-License-Identifier: ISC */
/* sbpl-lint.c: what loads but does not do what it says: the warnings of
 * `sbpolicy lint` on a compiled profile (SBPL-FACTS §8). */
#include "config.h"

#include "sbpl-lint.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "err.h"
#include "hash.h"
#include "path.h"
#include "sbpl-lex.h"
#include "sbpl-lint-int.h"
#include "sbpl-ops.h"
#include "strmap.h"
#include "xmalloc.h"

/* --- the forms ----------------------------------------------------------- */

/* A path or name filter, or a Unix socket filter of one or none: what it
 * matches at most is what it matches at least. */
static bool
simple_filter(const struct sbpl_node *k, const struct sbpl_filter_def **def)
{
	const struct sbpl_filter_def *kd;

	if ((*def = lint_filter_def(k)) == NULL)
		return false;
	switch ((*def)->cls) {
	case SBPL_F_PATH:
	case SBPL_F_NAME:
		return true;
	case SBPL_F_NETWORK:
		if (k->n == 2)
			return true;
		return k->n == 3 && (kd = lint_filter_def(k->kids[2])) != NULL &&
		    (kd->cls == SBPL_F_PATH || kd->cls == SBPL_F_NAME);
	default:
		return false;
	}
}

/* Groups the rules by form and writes down what each form's filters match. */
static void
forms_build(struct lint *l)
{
	const struct sbpl_policy *pol = l->pol;
	const struct sbpl_rule *r;
	const struct sbpl_node *k, *k0, *k1 = NULL;
	const struct sbpl_filter_def *def;
	struct finfo *f = NULL;
	struct terms *up = &l->uppool, *low = &l->lowpool;
	size_t i, j, saved, t, *first;
	const char *name;

	l->forms = xcalloc(pol->nrules + 1, sizeof *l->forms);
	for (i = 0; i < pol->nrules; i++) {
		r = &pol->rules[i];
		if (f == NULL || f->form != r->form) {
			f = &l->forms[l->nforms++];
			f->form = r->form;
			f->first = i;
			f->allow = r->allow;
			f->filtered = r->filter != NULL;
			f->file_op = -1;
		}
		f->n++;
		name = lint_op_name(r->op);
		if (f->file_op == -1 && strncmp(name, "file", 4) == 0)
			f->file_op = r->op;
		if (lint_op_under(r->op, l->op_network))
			f->net_op = true;
		if (r->op == l->op_outbound || r->op == l->op_network)
			f->outbound = true;
		if (r->op == l->op_outbound)
			f->outbound_only = true;
	}
	/* The terms of all forms in two arrays, each form's a view into
	 * them once they stop growing: two allocations, not two a form. */
	first = xcalloc(2 * l->nforms + 1, sizeof *first);
	for (i = 0; i < l->nforms; i++) {
		f = &l->forms[i];
		first[2 * i] = up->n;
		first[2 * i + 1] = low->n;
		if (!f->filtered)
			continue;
		f->bounded = true;
		for (j = 1, k0 = NULL; j < f->form->n; j++) {
			k = f->form->kids[j];
			if (!lint_is_filter_kid(k))
				continue;
			if (k0 == NULL)
				k0 = k;
			k1 = k;
			saved = up->n;
			if (!f->bounded || !lint_upper(l, k, CTX_PATH, up)) {
				f->bounded = false;
				up->n = saved;
				lint_lower(l, k, CTX_PATH, low);
			} else if (simple_filter(k, &def)) {
				/* Its upper bound is its lower one. */
				for (t = saved; t < up->n; t++) {
					lint_terms_add(low, T_ALL, NULL, NULL, NULL);
					low->v[low->n - 1] = up->v[t];
				}
			} else
				lint_lower(l, k, CTX_PATH, low);
		}
		/* The filters' text as written, from the first to the last:
		 * what "the same filters" means for a duplicate. (Rules
		 * that mean the same, written otherwise, are the coverage
		 * check's.) */
		f->text = l->pol->doc->text + k0->off;
		f->textlen = k1->end - k0->off;
		f->texthash = hash_bytes(f->text, f->textlen);
	}
	for (i = 0; i < l->nforms; i++) {
		f = &l->forms[i];
		f->up.v = up->v + first[2 * i];
		f->up.n = (i + 1 < l->nforms ? first[2 * i + 2] : up->n) -
		    first[2 * i];
		f->low.v = low->v + first[2 * i + 1];
		f->low.n = (i + 1 < l->nforms ? first[2 * i + 3] : low->n) -
		    first[2 * i + 1];
	}
	free(first);
}

/* The rule filed for form f's filters under op in m (per operation),
 * or SIZE_MAX. */
static size_t
text_get(const struct strmap *m, int op, const struct finfo *f)
{
	const size_t *v;

	v = strmap_get(&m[op], f->text, f->textlen, f->texthash);
	return v != NULL ? *v : SIZE_MAX;
}

static void
text_put(struct strmap *m, int op, const struct finfo *f, size_t rule,
    bool replace)
{
	size_t *v;
	int added;

	v = strmap_put(&m[op], f->text, f->textlen, f->texthash, &added);
	if (added || replace)
		*v = rule;
}

/* Files l->key in m (a set). */
static void
set_put(struct lint *l, struct strmap *m)
{
	const char *key;
	int added;

	key = lint_arena_dup(l, l->key.data, l->key.len);
	(void)strmap_put(m, key, l->key.len, hash_bytes(key, l->key.len),
	    &added);
}

static bool
set_has(const struct lint *l, const struct strmap *m)
{
	return strmap_get(m, l->key.data, l->key.len, hash_bytes(l->key.data,
	    l->key.len)) != NULL;
}

/* l->key for the /private check: action, operation, path. */
static void
spell_key(struct lint *l, bool allow, int op, const char *v)
{
	l->head_ctx = NULL;
	buf_reset(&l->key);
	buf_putc(&l->key, allow ? 'a' : 'd');
	lint_put_num(&l->key, op);
	buf_putc(&l->key, '\037');
	buf_puts(&l->key, v);
}

/* l->key for network rules on a path: action, path in one spelling. */
static void
netval_key(struct lint *l, bool allow, const char *v)
{
	l->head_ctx = NULL;
	buf_reset(&l->key);
	buf_putc(&l->key, allow ? 'a' : 'd');
	buf_puts(&l->key, lint_unprivate(v));
}

/* --- checks of one value ------------------------------------------------- */

/* A value being checked, shown for a message only when one is written. */
struct val {
	const struct sbpl_node	*at;
	const char		*v;
	char			 shown[3 * SB_SHOW_MAX];
};

static const char *
val_shown(struct val *x)
{
	if (x->shown[0] == '\0')
		lint_show_value(x->shown, sizeof x->shown, x->at, x->v);
	return x->shown;
}

/* A path written as the kernel never writes one: relative, with // or a
 * . or .. component, a literal or subpath ending in /. */
static void
check_path_form(struct lint *l, const struct sbpl_node *at,
    const char *fname, enum sbpl_fmatch m, const char *v, struct val *x)
{
	char fix[SB_SHOW_MAX], *clean, *slashed;
	const char *p;
	size_t len = strlen(v);
	bool dot, dotdot, slash;

	if (v[0] != '/') {
		lint_warn(l, at, "path-form", "%s %s is relative: the kernel checks "
		    "absolute paths, so it never matches; write it from /",
		    fname, val_shown(x));
		return;
	}
	slash = m != SBPL_M_PREFIX && len > 1 && v[len - 1] == '/';
	for (p = v; (p = strchr(p, '/')) != NULL; p++) {
		if (p[1] == '/' || p[1] == '.')
			break;
	}
	if (p == NULL && !slash)
		return;
	dotdot = strstr(v, "/../") != NULL || (len >= 3 &&
	    strcmp(v + len - 3, "/..") == 0);
	dot = strstr(v, "/./") != NULL || (len >= 2 &&
	    strcmp(v + len - 2, "/.") == 0);
	if (dotdot) {
		lint_warn(l, at, "path-form", "%s %s has a .. component: the kernel "
		    "checks resolved paths, which have none, so it never "
		    "matches; write the resolved path", fname, val_shown(x));
		return;
	}
	if (!dot && !slash && strstr(v, "//") == NULL)
		return;
	clean = path_clean(v);
	/* A prefix may end in / on purpose: keep it. */
	if (m == SBPL_M_PREFIX && v[len - 1] == '/' &&
	    strcmp(clean, "/") != 0) {
		(void)xasprintf(&slashed, "%s/", clean);
		free(clean);
		clean = slashed;
	}
	sb_show(fix, sizeof fix, clean);
	free(clean);
	if (!dot && strstr(v, "//") == NULL && m == SBPL_M_SUBPATH)
		lint_warn(l, at, "path-form", "%s %s ends in /: it then leaves out "
		    "the directory itself; write %s", fname, val_shown(x), fix);
	else if (!dot && strstr(v, "//") == NULL)
		lint_warn(l, at, "path-form", "%s %s ends in /: the kernel's paths "
		    "never do, so it never matches; write %s", fname,
		    val_shown(x), fix);
	else
		lint_warn(l, at, "path-form", "%s %s is not spelt as the kernel "
		    "spells paths (// or a . component), so it never matches; "
		    "write %s", fname, val_shown(x), fix);
}

/* Whether every operation of f has the /private spelling of v beside it,
 * in a rule of the same action: the belt-and-braces of generators that
 * write both (SBPL-FACTS §4.4). */
static bool
has_private_twin(struct lint *l, const struct finfo *f, const char *twin)
{
	size_t i;

	for (i = 0; i < f->n; i++) {
		spell_key(l, f->allow, l->pol->rules[f->first + i].op, twin);
		if (!set_has(l, &l->spell))
			return false;
	}
	return true;
}

static void
check_private(struct lint *l, const struct finfo *f, const struct sbpl_node *at,
    const char *fname, enum sbpl_fmatch m, const char *v, struct val *x)
{
	char fix[SB_SHOW_MAX], *twin, *pfx, stop;
	const char *dir;
	bool hit;

	if (m == SBPL_M_REGEX) {
		if (v[0] != '^' || !(strncmp(v + 1, "/tmp", 4) == 0 ||
		    strncmp(v + 1, "/var", 4) == 0 ||
		    strncmp(v + 1, "/etc", 4) == 0) ||
		    (pfx = lint_regex_prefix(v, &stop)) == NULL)
			return;
		/* "^/tmp" followed by [a-z] is not /tmp. */
		hit = lint_private_dir(pfx) && (pfx[4] == '/' || stop == '\0' ||
		    stop == '$' || stop == '(');
		free(pfx);
		if (!hit)
			return;
		(void)xasprintf(&twin, "^/private%s", v + 1);
	} else {
		if (!lint_private_dir(v))
			return;
		(void)xasprintf(&twin, "/private%s", v);
	}
	dir = m == SBPL_M_REGEX ? v + 2 : v + 1;
	if (!has_private_twin(l, f, twin))
		lint_warn(l, at, "private-path", "%s %s never matches: the kernel "
		    "checks resolved paths, and /%.3s is /private/%.3s; write "
		    "%s", fname, val_shown(x), dir, dir,
		    sb_show(fix, sizeof fix, twin));
	free(twin);
}

static void
check_socket_file(struct lint *l, const struct finfo *f,
    const struct sbpl_node *at, const char *v, struct val *x)
{
	char fix[SB_SHOW_MAX];
	char *canon;

	if (!lint_looks_like_socket(v))
		return;
	/* A network rule of the same action on it: the file rule is
	 * belt-and-braces, not what the profile relies on. */
	netval_key(l, f->allow, v);
	if (set_has(l, &l->netvals))
		return;
	if (lint_private_dir(v))
		(void)xasprintf(&canon, "/private%s", v);
	else
		canon = xstrdup(v);
	sb_show(fix, sizeof fix, canon);
	free(canon);
	if (f->allow)
		lint_warn(l, at, "socket-file-rule", "%s allows %s, a Unix socket, "
		    "but file rules do not allow connect(), which is checked "
		    "as network-outbound; allow it there: (allow "
		    "network-outbound (literal %s))", lint_op_name(f->file_op),
		    val_shown(x), fix);
	else
		lint_warn(l, at, "socket-file-rule", "%s denies %s, a Unix socket, "
		    "but file rules do not stop connect(), which is checked "
		    "as network-outbound; deny it there: (deny "
		    "network-outbound (literal %s))", lint_op_name(f->file_op),
		    val_shown(x), fix);
}

/* One value of a path or name filter. */
static void
check_value(struct lint *l, const struct finfo *f, const struct sbpl_node *n,
    const struct sbpl_filter_def *def, const struct sbpl_node *at,
    const char *v, const char *ctx)
{
	struct val val, *x = &val;
	const char *fname = n->kids[0]->s;

	val.at = at;
	val.v = v;
	val.shown[0] = '\0';
	if (def->match == SBPL_M_REGEX && v[0] != '^')
		lint_warn(l, at, "unanchored-regex", "%s %s is not anchored: it "
		    "matches anywhere in the %s; start it with ^", fname,
		    val_shown(x), def->cls == SBPL_F_PATH ? "path" : "name");
	if (def->cls != SBPL_F_PATH)
		return;
	check_private(l, f, at, fname, def->match, v, x);
	if (def->match == SBPL_M_REGEX)
		return;
	check_path_form(l, at, fname, def->match, v, x);
	if (f->file_op != -1 && ctx == CTX_PATH)
		check_socket_file(l, f, at, v, x);
	if (f->net_op && v[0] == '/' && strlen(v) >= SUN_PATH_MAX)
		lint_warn(l, at, "socket-path-length", "%s %s is %zu bytes: a Unix "
		    "socket's path holds at most %d (sun_path, with its NUL), "
		    "so no connect() or bind() can name %s; move the socket "
		    "to a shorter path", fname, val_shown(x), strlen(v),
		    SUN_PATH_MAX - 1, def->match == SBPL_M_LITERAL ? "it" :
		    "a socket there");
}

/* (local ip ...) under network-outbound (SBPL-FACTS §4.3). */
static void
check_local_outbound(struct lint *l, const struct finfo *f,
    const struct sbpl_node *n)
{
	char what[2 * SB_SHOW_MAX], addr[SB_SHOW_MAX];

	if (!f->outbound_only || n->n < 2)
		return;
	if (n->n > 2 && n->kids[2]->kind == SBPL_N_STRING)
		snprintf(what, sizeof what, "(%s %s %s)", n->kids[0]->s,
		    n->kids[1]->s, sb_show(addr, sizeof addr, n->kids[2]->s));
	else if (n->n == 2)
		snprintf(what, sizeof what, "(%s %s)", n->kids[0]->s,
		    n->kids[1]->s);
	else
		snprintf(what, sizeof what, "(%s %s ...)", n->kids[0]->s,
		    n->kids[1]->s);
	lint_warn(l, n, "local-outbound", "%s under network-outbound tests the "
	    "socket's own address, which is the wildcard on an ephemeral "
	    "port: it %s every outbound connection; to limit where "
	    "connections go, write (remote %s \"localhost:PORT\")", what,
	    f->allow ? "allows" : "denies", n->kids[1]->s);
}

/* Checks every filter of f, and notes whether it has socket filters. */
static void
walk(struct lint *l, struct finfo *f, const struct sbpl_node *n,
    const char *ctx)
{
	const struct sbpl_filter_def *def;
	const char *v, *uctx;
	size_t i;

	if ((def = lint_filter_def(n)) == NULL)
		return;
	switch (def->cls) {
	case SBPL_F_PATH:
	case SBPL_F_NAME:
		if (def->cls == SBPL_F_PATH)
			f->sockets = true;
		for (i = 1; i < n->n; i++) {
			if ((v = lint_value_of(l, n->kids[i])) != NULL)
				check_value(l, f, n, def, n->kids[i], v, ctx);
		}
		return;
	case SBPL_F_NETWORK:
		if ((uctx = lint_unix_ctx(n, def)) != NULL) {
			f->sockets = true;
			if (n->n == 3)
				walk(l, f, n->kids[2], uctx);
		} else if (strcmp(def->canonical, "local") == 0)
			check_local_outbound(l, f, n);
		return;
	case SBPL_F_COMBINATOR:
		for (i = 1; i < n->n; i++)
			walk(l, f, n->kids[i], ctx);
		return;
	default:
		return;
	}
}

static void
walk_form(struct lint *l, struct finfo *f)
{
	size_t i;

	for (i = 1; i < f->form->n; i++) {
		if (lint_is_filter_kid(f->form->kids[i]))
			walk(l, f, f->form->kids[i], CTX_PATH);
	}
}

/* Whether t is spelt /private/tmp, /private/var or /private/etc (or a
 * regex for them): what the short spelling's twin would be. */
static bool
is_twin(const struct term *t)
{
	const char *s = t->s;

	if (t->kind == T_RE && *s++ != '^')
		return false;
	return strncmp(s, "/private/", 9) == 0 && lint_private_dir(s + 8);
}

/* Files the paths of f for the checks that look for a twin: the /private
 * spelling beside the short one, a network rule beside a file rule. Its
 * lower bound will do: twins are written as plain rules. */
static void
collect(struct lint *l, const struct finfo *f)
{
	const struct term *t;
	size_t i, j;

	for (i = 0; i < f->low.n; i++) {
		t = &f->low.v[i];
		if (t->kind == T_ALL || (t->ctx != CTX_PATH &&
		    t->ctx != CTX_REMOTE && t->ctx != CTX_LOCAL))
			continue;
		/* Only what a twin can be: a /private spelling, a socket. */
		for (j = 0; j < f->n && is_twin(t); j++) {
			spell_key(l, f->allow, l->pol->rules[f->first + j].op,
			    t->s);
			set_put(l, &l->spell);
		}
		if (f->outbound && t->kind != T_RE && lint_looks_like_socket(t->s)) {
			netval_key(l, f->allow, t->s);
			set_put(l, &l->netvals);
		}
	}
}

/* --- checks of one form -------------------------------------------------- */

static const struct sbpl_node *
find_with(const struct sbpl_node *form, const char *const names[],
    size_t nnames)
{
	const struct sbpl_node *k;
	size_t i, j;

	for (i = 1; i < form->n; i++) {
		k = form->kids[i];
		if (sbpl_head(k) == NULL || strcmp(sbpl_head(k), "with") != 0 ||
		    k->n < 2 || k->kids[1]->kind != SBPL_N_SYMBOL)
			continue;
		for (j = 0; j < nnames; j++) {
			if (strcmp(k->kids[1]->s, names[j]) == 0)
				return k;
		}
	}
	return NULL;
}

static void
check_form(struct lint *l, const struct finfo *f)
{
	static const char *const no_report[] = { "no-report", "no-log" };
	static const char *const no_sandbox[] = { "no-sandbox",
		"no-profile" };
	const struct sbpl_rule *r;
	const struct sbpl_node *w;
	bool exec_only = true;
	unsigned mods = 0;
	size_t i;

	for (i = 0; i < f->n; i++) {
		r = &l->pol->rules[f->first + i];
		mods |= r->mods;
		if (!lint_op_under(r->op, l->op_exec))
			exec_only = false;
		if (r->op == SBPL_OP_DEFAULT && r->allow)
			lint_warn(l, f->form, "allow-default", "(allow default) "
			    "allows every operation that no rule denies; start "
			    "from (deny default) and allow what is needed");
		if (sbpl_op_at(r->op)->flags & SBPL_OP_NEWER)
			lint_warn(l, r->op_node, "newer-operation", "operation %s "
			    "is not in the macOS 13 table (it is seen in "
			    "later releases only): a release without it "
			    "refuses the whole profile; leave it out of "
			    "profiles for those", r->op_node->s);
	}
	if ((mods & SBPL_MOD_NO_REPORT) && f->allow &&
	    (w = find_with(f->form, no_report, 2)) != NULL)
		lint_warn(l, w, "modifier-no-effect", "(with %s) on an allow does "
		    "nothing: only denials are logged; remove it",
		    w->kids[1]->s);
	if ((mods & SBPL_MOD_NO_SANDBOX) && (!f->allow || !exec_only) &&
	    (w = find_with(f->form, no_sandbox, 2)) != NULL)
		lint_warn(l, w, "modifier-no-effect", "(with %s) acts only on an "
		    "allow of process-exec*; remove it here", w->kids[1]->s);
}

/* --- rules made dead by later ones --------------------------------------- */

/* What a later rule does to an earlier one. */
enum fate {
	F_NONE,
	F_DUPLICATE,	/* the same rule again */
	F_SAME,		/* later rules do the same to all it matches */
	F_OPPOSITE,	/* a later rule does the opposite to all of it */
	F_MIXED,	/* later rules of both actions cover it */
};

/* The finding of one form for its operations, said once for all those
 * with the same fate by the same later rule. */
struct verdict {
	enum fate		 fate;
	const struct sbpl_rule	*r;	/* the first of them */
	const struct sbpl_node	*by;	/* the later rule's form */
	struct buf		 ops;
};

static void
verdict_flush(struct lint *l, struct verdict *v)
{
	const struct sbpl_rule *r = v->r;
	const char *ops = buf_str(&v->ops);
	const char *act = r != NULL && r->allow ? "allow" : "deny";

	switch (v->fate) {
	case F_NONE:
		break;
	case F_DUPLICATE:
		lint_warn(l, v->by, "duplicate", "this rule repeats the one at "
		    "%zu:%zu for %s (same action and filters); remove one",
		    r->form->line, r->form->col, ops);
		break;
	case F_SAME:
		lint_warn(l, r->form, "shadowed", "this %s of %s has no effect: "
		    "the later rule at %zu:%zu %s everything it matches; "
		    "remove it", act, ops, v->by->line, v->by->col,
		    r->allow ? "allows" : "denies");
		break;
	case F_OPPOSITE:
		lint_warn(l, r->form, "shadowed", "this %s of %s never applies: "
		    "the later rule at %zu:%zu %s everything it matches, and "
		    "the last match wins; move this rule after it, or narrow "
		    "that one", act, ops, v->by->line, v->by->col,
		    r->allow ? "denies" : "allows");
		break;
	case F_MIXED:
		lint_warn(l, r->form, "shadowed", "this %s of %s never decides: "
		    "later rules (from %zu:%zu) match everything it does, and "
		    "the last match wins; remove it or narrow those", act, ops,
		    v->by->line, v->by->col);
		break;
	}
	v->fate = F_NONE;
	v->r = NULL;
	buf_reset(&v->ops);
}

static void
verdict_add(struct lint *l, struct verdict *v, enum fate fate,
    const struct sbpl_rule *r, const struct sbpl_node *by)
{
	if (v->fate != F_NONE && (v->fate != fate || v->by != by))
		verdict_flush(l, v);
	if (v->fate == F_NONE) {
		v->fate = fate;
		v->r = r;
		v->by = by;
	} else
		buf_puts(&v->ops, " and ");
	buf_puts(&v->ops, lint_op_name(r->op));
}

/* The fate of rule r of form f from the rules after it: through the
 * index, so the cost grows with the rules and the length of their paths,
 * not with pairs of rules. *by gets the deciding rule. */
static enum fate
fate_of(struct lint *l, const struct finfo *f, const struct sbpl_rule *r,
    size_t *by)
{
	const struct sbpl_policy *pol = l->pol;
	const struct sbpl_rule *o;
	bool same = false, other = false;
	size_t j, c;

	if ((*by = text_get(l->texts, r->op, f)) != SIZE_MAX) {
		o = &pol->rules[*by];
		if (o->allow != r->allow)
			return F_OPPOSITE;
		return o->mods == r->mods ? F_DUPLICATE : F_SAME;
	}
	if (!f->bounded || f->up.n == 0)
		return F_NONE;
	for (j = 0; j < f->up.n; j++) {
		if ((c = lint_covered(l, &l->later, r->op, &f->up.v[j])) ==
		    SIZE_MAX)
			return F_NONE;
		if (j == 0)
			*by = c;
		if (pol->rules[c].allow == r->allow)
			same = true;
		else
			other = true;
	}
	if (same && other)
		return F_MIXED;
	return same ? F_SAME : F_OPPOSITE;
}

/* From the last rule to the first: each filtered rule against the rules
 * after it, then filed in the index for the rules before it. */
static void
check_shadowed(struct lint *l)
{
	const struct sbpl_policy *pol = l->pol;
	const struct sbpl_rule *r;
	const struct finfo *f;
	struct verdict v;
	enum fate fate;
	size_t fi, i, j, by = 0;

	memset(&v, 0, sizeof v);
	buf_init(&v.ops);
	for (fi = l->nforms; fi > 0; fi--) {
		f = &l->forms[fi - 1];
		if (!f->filtered)
			continue;
		for (i = 0; i < f->n; i++) {
			r = &pol->rules[f->first + i];
			if ((fate = fate_of(l, f, r, &by)) != F_NONE)
				verdict_add(l, &v, fate, r,
				    pol->rules[by].form);
		}
		verdict_flush(l, &v);
		for (i = 0; i < f->n; i++) {
			r = &pol->rules[f->first + i];
			text_put(l->texts, r->op, f, f->first + i, true);
			for (j = 0; j < f->low.n; j++)
				lint_index_put(l, &l->later, r->op, &f->low.v[j],
				    f->first + i);
		}
	}
	buf_clear(&v.ops);
}

/* --- a deny on a parent, an allow on a child (SBPL-FACTS §2.2) ----------- */

/* The operations strictly under op that have filtered allows. */
static const int *
descendants(struct lint *l, int op, size_t *n)
{
	size_t i, count = sbpl_op_count();

	if (!l->desc_done[op]) {
		l->desc_done[op] = true;
		for (i = 0; i < count; i++) {
			if (!l->allow_op[i] || (int)i == op ||
			    !lint_op_under(sbpl_op_at((int)i)->parent, op))
				continue;
			l->desc[op] = xreallocarray(l->desc[op],
			    l->ndesc[op] + 1, sizeof *l->desc[op]);
			l->desc[op][l->ndesc[op]++] = (int)i;
		}
	}
	*n = l->ndesc[op];
	return l->desc[op];
}

/* Whether f names op, or an operation between op and its ancestor anc:
 * then it denies there too, and the allow below is the shadow check's. */
static bool
form_denies_below(const struct lint *l, const struct finfo *f, int op,
    int anc)
{
	size_t i;
	int o;

	for (o = op; o >= 0 && o != anc; o = sbpl_op_at(o)->parent) {
		for (i = 0; i < f->n; i++) {
			if (l->pol->rules[f->first + i].op == o)
				return true;
		}
	}
	return false;
}

static void
check_child_allow(struct lint *l)
{
	const struct sbpl_policy *pol = l->pol;
	const struct sbpl_rule *r;
	const struct sbpl_node *at;
	const struct finfo *f;
	const int *desc;
	size_t fi, i, j, d, ndesc, by;

	for (fi = 0; fi < l->nforms; fi++) {
		f = &l->forms[fi];
		if (f->allow || !f->filtered)
			continue;
		for (i = 0; i < f->n; i++) {
			r = &pol->rules[f->first + i];
			desc = descendants(l, r->op, &ndesc);
			for (d = 0; d < ndesc; d++) {
				if (form_denies_below(l, f, desc[d], r->op))
					continue;
				if ((by = text_get(l->allow_texts, desc[d],
				    f)) == SIZE_MAX) {
					for (j = 0; f->bounded && j < f->up.n;
					    j++) {
						by = lint_covered(l, &l->allows,
						    desc[d], &f->up.v[j]);
						if (by == SIZE_MAX)
							break;
					}
				}
				if (by == SIZE_MAX)
					continue;
				at = pol->rules[by].form;
				lint_warn(l, r->form, "child-allow", "this deny of "
				    "%s does not reach %s: the allow of %s at "
				    "%zu:%zu matches what it does, and a rule "
				    "on the more specific operation wins "
				    "whatever the order; deny %s too, or "
				    "narrow that allow", lint_op_name(r->op),
				    lint_op_name(desc[d]), lint_op_name(desc[d]),
				    at->line, at->col, lint_op_name(desc[d]));
				break;
			}
		}
	}
}

/* --- the profile as a whole ---------------------------------------------- */

static void
check_profile(struct lint *l)
{
	const struct sbpl_policy *pol = l->pol;
	const struct sbpl_doc *doc = pol->doc;
	const struct sbpl_rule *r, *u = NULL;
	const struct sbpl_node *at = NULL;
	const struct finfo *f, *sock = NULL;
	bool deny_default = false, allow_default = false, denied = false;
	size_t i;

	for (i = 0; i < pol->nrules; i++) {
		r = &pol->rules[i];
		if (r->op == SBPL_OP_DEFAULT && r->allow)
			allow_default = true;
		if (r->op == SBPL_OP_DEFAULT && !r->allow && r->filter == NULL)
			deny_default = true;
		if (u == NULL && r->allow && r->filter == NULL &&
		    (r->op == l->op_outbound || r->op == l->op_network))
			u = r;
	}
	if (!deny_default && !allow_default && pol->incomplete == NULL) {
		for (i = 0; doc != NULL && i < doc->nforms; i++) {
			if (sbpl_head(doc->forms[i]) != NULL &&
			    strcmp(sbpl_head(doc->forms[i]), "version") == 0) {
				at = doc->forms[i];
				break;
			}
		}
		lint_warn(l, at, "no-deny-default", "no (deny default): what no "
		    "rule denies is allowed; add (deny default) after "
		    "(version 1) and allow what is needed");
	}
	/* An unfiltered allow of outbound traffic beside Unix sockets it
	 * allows: unless a deny comes first (the allow an exception to it),
	 * the list adds nothing. */
	for (i = 0; u != NULL && i < l->nforms && sock == NULL; i++) {
		f = &l->forms[i];
		if (!f->outbound || !f->filtered)
			continue;
		if (!f->allow)
			denied = true;
		else if (f->sockets && !denied)
			sock = f;
	}
	if (sock != NULL)
		lint_warn(l, u->form, "unfiltered-network", "(allow %s) allows "
		    "every connection, so the Unix socket rules that allow "
		    "(from %zu:%zu) add nothing; to allow only those sockets, "
		    "remove this rule", lint_op_name(u->op), sock->form->line,
		    sock->form->col);
}

/*
 * Terminal operations (SBPL-FACTS §2.4) fall back to their own default,
 * not to their parent: a profile that denies file* or process* outright
 * still allows file-link or process-info*, unless it says so. A profile
 * that only has (deny default) is an allow list, and is not told (that
 * every one of them is open under (deny default) is uncertain, and would
 * be noise on every profile).
 */
static void
check_terminal(struct lint *l)
{
	const struct sbpl_policy *pol = l->pol;
	const struct sbpl_oprules *o;
	const struct sbpl_rule *r;
	size_t count = sbpl_op_count(), i, n;
	bool *below;
	struct buf list, names;
	int a, t;

	below = xcalloc(count, sizeof *below);
	for (i = 0; i < pol->nrules; i++) {
		for (t = pol->rules[i].op; t >= 0 && !below[t];
		    t = sbpl_op_at(t)->parent)
			below[t] = true;
	}
	buf_init(&list);
	buf_init(&names);
	for (a = 1; a < (int)count; a++) {
		o = &pol->ops[a];
		if (o->unfiltered == SIZE_MAX ||
		    (r = &pol->rules[o->unfiltered])->allow)
			continue;
		buf_reset(&list);
		buf_reset(&names);
		for (t = 0, n = 0; t < (int)count; t++) {
			if (t == a || below[t] || !(sbpl_op_at(t)->flags &
			    SBPL_OP_TERMINAL_ALLOW) || !lint_op_under(t, a))
				continue;
			if (n++ > 0) {
				buf_puts(&list, ", ");
				buf_putc(&names, ' ');
			}
			buf_puts(&list, lint_op_name(t));
			buf_puts(&names, lint_op_name(t));
		}
		if (n == 0)
			continue;
		lint_warn(l, r->form, "terminal-op", "(deny %s) does not reach %s: "
		    "%s fall%s back to %s own default (allow), not to %s; "
		    "deny %s explicitly: (deny %s)", lint_op_name(a),
		    buf_str(&list), n > 1 ? "terminal operations" :
		    "a terminal operation", n > 1 ? "" : "s",
		    n > 1 ? "their" : "its", lint_op_name(a), n > 1 ? "them" : "it",
		    buf_str(&names));
	}
	buf_clear(&list);
	buf_clear(&names);
	free(below);
}

/* --- #"..." holding a quote ---------------------------------------------- */

/* The finding for a #"..." literal (len bytes from start, at line:col)
 * that the text after it runs straight on from. */
static void
raw_quote(struct sbpl_policy *pol, const char *start, size_t len,
    size_t line, size_t col)
{
	struct sbpl_node at;
	char lit[SB_SHOW_MAX], next[SB_SHOW_MAX], *s;
	size_t n;

	memset(&at, 0, sizeof at);
	at.line = line;
	at.col = col;
	s = xstrndup(start + 2, len - 3);
	sb_show(lit, sizeof lit, s);
	free(s);
	n = strcspn(start + len, " \t\r\n\f\v()");
	s = xstrndup(start + len, n > 40 ? 40 : n);
	sb_show(next, sizeof next, s);
	free(s);
	sbpl_diag_add(pol, SBPL_WARNING, &at, "raw-quote", "#%s runs straight "
	    "into %s: a #\"...\" literal ends at its first \", so it cannot "
	    "hold one; write the regex as a normal string, with \\\" for the "
	    "quote and every backslash doubled", lit, next);
}

/* Whether c may follow a literal: what ends an atom, bar a quote. */
static bool
ends_literal(char c)
{
	return c == '\0' || strchr(" \t\r\n\f\v();'", c) != NULL;
}

void
sbpl_lint_raw_quotes(struct sbpl_policy *pol, const char *text, size_t len)
{
	struct sbpl_lexer lx;
	struct sbpl_token t;

	sbpl_lex_init(&lx, text);
	while (sbpl_lex_next(&lx, &t) != SBPL_T_END &&
	    (size_t)(t.start - text) < len) {
		if (t.kind == SBPL_T_RAW && !t.unterminated &&
		    !ends_literal(t.start[t.len]))
			raw_quote(pol, t.start, t.len, t.line, t.col);
	}
}

/* The same on a read document, by its nodes: no second lexing. */
static void
raw_quotes_in(struct sbpl_policy *pol, const struct sbpl_doc *doc,
    const struct sbpl_node *n)
{
	size_t i;

	/* The literal is #", its text as written, and ": the last bytes of
	 * the node, after any quote marks. */
	if (n->kind == SBPL_N_STRING && n->raw && n->end <= doc->len &&
	    !ends_literal(doc->text[n->end]))
		raw_quote(pol, doc->text + n->end - n->len - 3, n->len + 3,
		    n->line, n->col);
	for (i = 0; n->kind == SBPL_N_LIST && i < n->n; i++)
		raw_quotes_in(pol, doc, n->kids[i]);
}

/* Sizes the tables for what will be put in them: grown one doubling at a
 * time, rehashing is most of their cost. */
static void
reserve(struct lint *l)
{
	const struct finfo *f;
	size_t kinds[T_NKINDS], nallow[T_NKINDS], *allows, i, j;

	memset(kinds, 0, sizeof kinds);
	memset(nallow, 0, sizeof nallow);
	allows = xcalloc(sbpl_op_count(), sizeof *allows);
	for (i = 0; i < l->nforms; i++) {
		f = &l->forms[i];
		for (j = 0; j < f->low.n; j++) {
			kinds[f->low.v[j].kind] += f->n;
			if (f->allow)
				nallow[f->low.v[j].kind] += f->n;
		}
		for (j = 0; f->allow && f->filtered && j < f->n; j++)
			allows[l->pol->rules[f->first + j].op]++;
	}
	for (i = 0; i < T_NKINDS; i++) {
		strmap_reserve(&l->later.m[i], kinds[i]);
		strmap_reserve(&l->allows.m[i], nallow[i]);
	}
	for (i = 0; i < sbpl_op_count(); i++) {
		if (l->pol->ops[i].nfiltered > 0)
			strmap_reserve(&l->texts[i], l->pol->ops[i].nfiltered);
		if (allows[i] > 0)
			strmap_reserve(&l->allow_texts[i], allows[i]);
	}
	free(allows);
}

/* --- the whole ----------------------------------------------------------- */

void
sbpl_lint(struct sbpl_policy *pol)
{
	struct lint l;
	const struct finfo *f;
	size_t count = sbpl_op_count(), i, j, k;
	int op;

	memset(&l, 0, sizeof l);
	l.pol = pol;
	l.op_network = sbpl_op_lookup("network*", NULL);
	l.op_outbound = sbpl_op_lookup("network-outbound", NULL);
	l.op_exec = sbpl_op_lookup("process-exec*", NULL);
	buf_init(&l.key);
	strmap_init(&l.defs);
	for (i = 0; i < pol->ndefs; i++) {
		/* The last -D of a key wins, as in sandbox-exec. */
		k = strlen(pol->defs[i].key);
		*strmap_put(&l.defs, pol->defs[i].key, k,
		    hash_bytes(pol->defs[i].key, k), NULL) = i;
	}
	strmap_init(&l.spell);
	strmap_init(&l.netvals);
	/* Zeroed strmaps are empty ones (strmap_init zeroes them). */
	l.texts = xcalloc(count, sizeof *l.texts);
	l.allow_texts = xcalloc(count, sizeof *l.allow_texts);
	lint_index_init(&l.later);
	lint_index_init(&l.allows);
	l.allow_op = xcalloc(count, sizeof *l.allow_op);
	l.desc = xcalloc(count, sizeof *l.desc);
	l.ndesc = xcalloc(count, sizeof *l.ndesc);
	l.desc_done = xcalloc(count, sizeof *l.desc_done);

	if (pol->ops != NULL) {
		forms_build(&l);
		reserve(&l);
		for (i = 0; i < l.nforms; i++) {
			f = &l.forms[i];
			collect(&l, f);
			if (!f->allow || !f->filtered)
				continue;
			for (j = 0; j < f->n; j++) {
				op = pol->rules[f->first + j].op;
				l.allow_op[op] = true;
				text_put(l.allow_texts, op, f, f->first + j,
				    false);
				for (k = 0; k < f->low.n; k++)
					lint_index_put(&l, &l.allows, op,
					    &f->low.v[k], f->first + j);
			}
		}
		for (i = 0; i < l.nforms; i++) {
			check_form(&l, &l.forms[i]);
			walk_form(&l, &l.forms[i]);
		}
		check_shadowed(&l);
		check_child_allow(&l);
		check_profile(&l);
		check_terminal(&l);
	}
	for (i = 0; pol->doc != NULL && i < pol->doc->nforms; i++)
		raw_quotes_in(pol, pol->doc, pol->doc->forms[i]);

	for (i = 0; i < count; i++)
		free(l.desc[i]);
	free(l.desc);
	free(l.ndesc);
	free(l.desc_done);
	free(l.allow_op);
	free(l.uppool.v);
	free(l.lowpool.v);
	free(l.forms);
	lint_index_clear(&l.later);
	lint_index_clear(&l.allows);
	strmap_clear(&l.defs);
	strmap_clear(&l.spell);
	strmap_clear(&l.netvals);
	for (i = 0; i < count; i++) {
		strmap_clear(&l.texts[i]);
		strmap_clear(&l.allow_texts[i]);
	}
	free(l.texts);
	free(l.allow_texts);
	for (i = 0; i < l.nblocks; i++)
		free(l.blocks[i]);
	free(l.blocks);
	for (i = 0; i < l.nowned; i++)
		free(l.owned[i]);
	free(l.owned);
	buf_clear(&l.key);
}
