/* SPDX-License-Identifier: ISC */
/* sbpl-decide.c: the decision for one access against a compiled profile:
 * filters answer yes, no or maybe, and SBPL-FACTS §2.2's model picks the
 * rule. */
#include "config.h"

#include <regex.h>
#include <stdint.h>
#include <string.h>

#include "sbpl-int.h"

/* --- matching ------------------------------------------------------------- */

static enum sbpl_tri
match_path(const struct sbpl_filter *f, const char *path, size_t i)
{
	struct value_of *val = &f->values[i];
	const char *v = val->s;
	size_t n;

	if (f->match == SBPL_M_REGEX) {
		if (val->re_state == RE_LATER)
			(void)sbpl_regex_compile(val);
		if (val->re_state == RE_BAD)
			return SBPL_MAYBE;
		if (regexec(&val->re, path, 0, NULL, 0) == 0)
			return val->re_uncertain ? SBPL_MAYBE : SBPL_YES;
		return val->re_uncertain ? SBPL_MAYBE : SBPL_NO;
	}
	n = strlen(v);

	switch (f->match) {
	case SBPL_M_LITERAL:
		return strcmp(path, v) == 0 ? SBPL_YES : SBPL_NO;
	case SBPL_M_SUBPATH:
		/* Component-wise: /tmp/a is not above /tmp/ab. */
		if (strncmp(path, v, n) != 0)
			return SBPL_NO;
		if (path[n] == '\0' || path[n] == '/' ||
		    (n > 0 && v[n - 1] == '/'))
			return SBPL_YES;
		return SBPL_NO;
	case SBPL_M_PREFIX:
		return strncmp(path, v, n) == 0 ? SBPL_YES : SBPL_NO;
	case SBPL_M_REGEX:
		break;	/* above */
	}
	return SBPL_NO;
}

/* The best answer of the values of f for s: YES over MAYBE over NO. */
static enum sbpl_tri
match_values(const struct sbpl_filter *f, const char *s,
    const struct sbpl_node **leaf)
{
	enum sbpl_tri t, best = SBPL_NO;
	size_t i;

	for (i = 0; i < f->nvalues; i++) {
		if ((t = match_path(f, s, i)) == SBPL_YES) {
			*leaf = f->values[i].node;
			return SBPL_YES;
		}
		if (t == SBPL_MAYBE && best == SBPL_NO) {
			best = SBPL_MAYBE;
			*leaf = f->values[i].node;
		}
	}
	return best;
}

static enum sbpl_tri
match_symbols(const struct sbpl_filter *f, const char *s, long num,
    const struct sbpl_node **leaf)
{
	size_t i;

	if (s == NULL && num < 0)
		return SBPL_MAYBE;
	for (i = 0; i < f->nvalues; i++) {
		if (f->values[i].s != NULL ? s != NULL &&
		    strcmp(f->values[i].s, s) == 0 : f->values[i].num == num) {
			*leaf = f->values[i].node;
			return SBPL_YES;
		}
	}
	return SBPL_NO;
}

static enum sbpl_tri
match_ip(const struct sbpl_filter *f, const struct sbpl_query *q)
{
	if (q->kind != SBPL_Q_IP)
		return SBPL_NO;
	if (!f->local && q->local)
		return SBPL_NO;	/* a bind or listen has no peer */
	if (f->local && !q->local) {
		/* The local end of an outbound socket is the wildcard on an
		 * ephemeral port: only "*:*" is sure to cover it (§4.3). */
		if (!(f->ipkinds & (q->proto == SBPL_PROTO_TCP ? IPK_TCP :
		    IPK_UDP)))
			return SBPL_NO;
		return f->any_host && f->port == 0 ? SBPL_YES : SBPL_MAYBE;
	}
	if (!(f->ipkinds & (q->proto == SBPL_PROTO_TCP ? IPK_TCP : IPK_UDP)))
		return SBPL_NO;
	if (!f->any_host && !q->loopback)
		return SBPL_NO;
	if (f->port != 0 && f->port != q->port)
		return SBPL_NO;
	if ((f->ipkinds & (IPK_V4 | IPK_V6)) != (IPK_V4 | IPK_V6)) {
		if (q->family == 0)
			return SBPL_MAYBE;
		if (!(f->ipkinds & (q->family == 4 ? IPK_V4 : IPK_V6)))
			return SBPL_NO;
	}
	return SBPL_YES;
}

enum sbpl_tri
sbpl_filter_match(const struct sbpl_filter *f, const struct sbpl_query *q,
    const struct sbpl_node **leaf)
{
	const struct sbpl_node *l = NULL;
	enum sbpl_tri t, acc;
	size_t i;

	switch (f->kind) {
	case FL_OR:
	case FL_AND:
		acc = f->kind == FL_OR ? SBPL_NO : SBPL_YES;
		for (i = 0; i < f->nkids; i++) {
			t = sbpl_filter_match(f->kids[i], q, &l);
			if (f->kind == FL_OR && t == SBPL_YES) {
				*leaf = l;
				return SBPL_YES;
			}
			if (f->kind == FL_AND && t == SBPL_NO) {
				*leaf = l;
				return SBPL_NO;
			}
			if (t == SBPL_MAYBE && acc != SBPL_MAYBE) {
				acc = SBPL_MAYBE;
				*leaf = l;
			}
			if (f->kind == FL_AND && acc == SBPL_YES && i == 0)
				*leaf = l;
		}
		return acc;
	case FL_NOT:
		t = sbpl_filter_match(f->kids[0], q, leaf);
		return t == SBPL_MAYBE ? t : t == SBPL_YES ? SBPL_NO : SBPL_YES;
	case FL_PATH:
		if (q->kind != SBPL_Q_PATH && q->kind != SBPL_Q_UNIX)
			return SBPL_NO;
		return match_values(f, q->path, leaf);
	case FL_NAME:
		if (q->kind != SBPL_Q_NAME)
			return SBPL_NO;
		t = match_values(f, q->name, leaf);
		/* A lookup may be of the per-process name as well. */
		return f->local_name && t == SBPL_YES ? SBPL_MAYBE : t;
	case FL_IP:
		if ((t = match_ip(f, q)) != SBPL_NO)
			*leaf = f->node;
		return t;
	case FL_UNIX:
		if (q->kind != SBPL_Q_UNIX || f->local != q->local)
			return SBPL_NO;
		if (f->nkids == 0) {
			*leaf = f->node;
			return SBPL_YES;
		}
		return sbpl_filter_match(f->kids[0], q, leaf);
	case FL_VNODE:
		if (q->kind != SBPL_Q_PATH && q->kind != SBPL_Q_UNIX)
			return SBPL_NO;
		if ((t = match_symbols(f, q->vnode, -1, leaf)) == SBPL_MAYBE)
			*leaf = f->node;
		return t;
	case FL_DOMAIN:
		if (q->kind != SBPL_Q_SOCKET)
			return SBPL_NO;
		return match_symbols(f, q->domain, -1, leaf);
	case FL_TYPE:
		if (q->kind != SBPL_Q_SOCKET)
			return SBPL_NO;
		if ((t = match_symbols(f, q->type, -1, leaf)) == SBPL_MAYBE)
			*leaf = f->node;
		return t;
	case FL_PROTOCOL:
		if (q->kind != SBPL_Q_SOCKET)
			return SBPL_NO;
		return match_symbols(f, NULL, q->protocol, leaf);
	case FL_TARGET:
		if ((t = match_symbols(f, q->target, -1, leaf)) == SBPL_MAYBE)
			*leaf = f->node;
		return t;
	case FL_MAYBE:
		*leaf = f->node;
		return SBPL_MAYBE;
	}
	return SBPL_NO;
}

const struct sbpl_node *
sbpl_filter_node(const struct sbpl_filter *f)
{
	return f->node;
}

/* --- deciding ------------------------------------------------------------- */

#define OUT_ALLOW	0x1u
#define OUT_DENY	0x2u

static void
add_maybe(struct sbpl_answer *a, const struct sbpl_rule *r,
    const struct sbpl_node *why)
{
	if (a->nmaybe < SBPL_MAYBE_MAX) {
		a->maybe[a->nmaybe] = r;
		a->maybe_why[a->nmaybe] = why;
		a->nmaybe++;
	}
}

void
sbpl_decide(const struct sbpl_policy *pol, const struct sbpl_query *q,
    struct sbpl_answer *a)
{
	const struct sbpl_oprules *o;
	const struct sbpl_rule *r;
	const struct sbpl_op *op;
	const struct sbpl_node *leaf;
	unsigned out = 0, last;
	enum sbpl_tri t;
	size_t i;
	int at;

	memset(a, 0, sizeof *a);
	a->incomplete = pol->incomplete != NULL;
	for (at = q->op; at >= 0; at = op->parent) {
		op = sbpl_op_at(at);
		if (a->nchain < SBPL_CHAIN_MAX)
			a->chain[a->nchain++] = at;
		if (op->flags & SBPL_OP_UNCERTAIN)
			a->uncertain_parent = true;
		o = &pol->ops[at];
		for (i = o->nfiltered; i > 0; i--) {
			r = &pol->rules[o->filtered[i - 1]];
			leaf = NULL;
			if ((t = sbpl_filter_match(r->filter, q, &leaf)) ==
			    SBPL_NO)
				continue;
			last = r->allow ? OUT_ALLOW : OUT_DENY;
			out |= last;
			if (t == SBPL_MAYBE) {
				add_maybe(a, r, leaf);
				continue;
			}
			a->rule = r;
			a->matched = leaf;
			a->how = SBPL_BY_FILTERED;
			goto done;
		}
		if (o->unfiltered != SIZE_MAX) {
			r = &pol->rules[o->unfiltered];
			last = r->allow ? OUT_ALLOW : OUT_DENY;
			out |= last;
			a->rule = r;
			a->how = SBPL_BY_UNFILTERED;
			a->uncertain_unfiltered = o->unfiltered_mixed;
			goto done;
		}
		if (at == SBPL_OP_DEFAULT) {
			last = OUT_ALLOW;
			out |= last;
			a->how = SBPL_BY_NO_DEFAULT;
			goto done;
		}
		if (op->flags & (SBPL_OP_TERMINAL_ALLOW |
		    SBPL_OP_TERMINAL_DENY)) {
			last = op->flags & SBPL_OP_TERMINAL_ALLOW ?
			    OUT_ALLOW : OUT_DENY;
			out |= last;
			a->how = SBPL_BY_TERMINAL;
			a->uncertain_terminal = true;
			goto done;
		}
	}
done:
	if (out == (OUT_ALLOW | OUT_DENY) || a->incomplete)
		a->verdict = SBPL_UNDECIDABLE;
	else
		a->verdict = out == OUT_ALLOW ? SBPL_ALLOWED : SBPL_DENIED;
}

/* Whether f would match q but for a require-not directly under a
 * require-all of it; *except gets what that require-not's filter matched. */
static bool
near_match(const struct sbpl_filter *f, const struct sbpl_query *q,
    const struct sbpl_node **except)
{
	const struct sbpl_node *leaf, *hit = NULL;
	size_t i;

	if (f->kind == FL_OR) {
		for (i = 0; i < f->nkids; i++) {
			if (near_match(f->kids[i], q, except))
				return true;
		}
		return false;
	}
	if (f->kind != FL_AND)
		return false;
	for (i = 0; i < f->nkids; i++) {
		leaf = NULL;
		if (f->kids[i]->kind == FL_NOT) {
			if (sbpl_filter_match(f->kids[i]->kids[0], q, &leaf) ==
			    SBPL_YES && hit == NULL)
				hit = f->kids[i]->kids[0]->node;
		} else if (sbpl_filter_match(f->kids[i], q, &leaf) != SBPL_YES)
			return false;
	}
	if (hit == NULL)
		return false;
	*except = hit;
	return true;
}

const struct sbpl_rule *
sbpl_near_miss(const struct sbpl_policy *pol, const struct sbpl_query *q,
    const struct sbpl_answer *a, const struct sbpl_node **except)
{
	const struct sbpl_oprules *o;
	const struct sbpl_rule *r;
	bool want = a->verdict != SBPL_ALLOWED;
	size_t i, k;

	for (k = 0; k < a->nchain; k++) {
		o = &pol->ops[a->chain[k]];
		for (i = o->nfiltered; i > 0; i--) {
			r = &pol->rules[o->filtered[i - 1]];
			if (r->allow == want && near_match(r->filter, q,
			    except))
				return r;
		}
	}
	return NULL;
}

const char *
sbpl_verdict_name(enum sbpl_verdict v)
{
	switch (v) {
	case SBPL_ALLOWED:
		return "allowed";
	case SBPL_DENIED:
		return "denied";
	case SBPL_UNDECIDABLE:
		return "undecidable";
	}
	return "?";
}
