/* SPDX-License-Identifier: ISC */
/* sbpl-lint-terms.c: lint's small pieces, the filters of a form written
 * out as terms (at most and at least what it matches), and their index. */
#include "config.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hash.h"
#include "path.h"
#include "sbpl-lint-int.h"
#include "xmalloc.h"

const char CTX_PATH[] = "path";
const char CTX_REMOTE[] = "remote";
const char CTX_LOCAL[] = "local";

/* --- small pieces -------------------------------------------------------- */

const char *
lint_own(struct lint *l, char *s)
{
	if (l->nowned == l->capowned) {
		l->capowned = l->capowned == 0 ? 64 : l->capowned * 2;
		l->owned = xreallocarray(l->owned, l->capowned,
		    sizeof *l->owned);
	}
	l->owned[l->nowned++] = s;
	return s;
}

/* A copy of len bytes of p, NUL-terminated, in blocks freed at the end:
 * the keys of the look-ups, one or more for every value of every rule,
 * are too many for a malloc each. */
#define ARENA_BLOCK	65536

const char *
lint_arena_dup(struct lint *l, const char *p, size_t len)
{
	size_t size;
	char *s;

	if (len + 1 > l->left) {
		size = len + 1 > ARENA_BLOCK ? len + 1 : ARENA_BLOCK;
		l->blocks = xreallocarray(l->blocks, l->nblocks + 1,
		    sizeof *l->blocks);
		l->blocks[l->nblocks++] = l->cur = xmalloc(size);
		l->left = size;
	}
	s = l->cur;
	memcpy(s, p, len);
	s[len] = '\0';
	l->cur += len + 1;
	l->left -= len + 1;
	return s;
}

/* Appends a number in decimal: keys are built by hand, as printf costs
 * more than the rest of a look-up. */
void
lint_put_num(struct buf *b, long v)
{
	char d[24];
	size_t i = sizeof d;
	unsigned long u = v < 0 ? 0UL - (unsigned long)v : (unsigned long)v;

	do
		d[--i] = (char)('0' + u % 10);
	while ((u /= 10) != 0);
	if (v < 0)
		d[--i] = '-';
	buf_add(b, d + i, sizeof d - i);
}

void
lint_warn(struct lint *l, const struct sbpl_node *at, const char *code,
    const char *fmt, ...)
{
	struct sbpl_policy *pol = l->pol;
	const struct sbpl_diag *d;
	char *msg;
	va_list ap;

	va_start(ap, fmt);
	(void)xvasprintf(&msg, fmt, ap);
	va_end(ap);
	/* One form of several operations may give the same finding for
	 * each: say it once. */
	d = pol->ndiags > 0 ? &pol->diags[pol->ndiags - 1] : NULL;
	if (d == NULL || at == NULL || d->line != at->line ||
	    d->col != at->col || strcmp(d->code, code) != 0 ||
	    strcmp(d->msg, msg) != 0)
		sbpl_diag_add(pol, SBPL_WARNING, at, code, "%s", msg);
	free(msg);
}

void
lint_terms_add(struct terms *t, enum tkind kind, const char *ctx, const char *s,
    const char *pfx)
{
	struct term *x;

	if (t->n == t->cap) {
		t->cap = t->cap == 0 ? 4 : t->cap * 2;
		t->v = xreallocarray(t->v, t->cap, sizeof *t->v);
	}
	x = &t->v[t->n++];
	x->kind = kind;
	x->ctx = ctx;
	x->s = s != NULL ? s : "";
	x->len = strlen(x->s);
	x->pfx = pfx;
	x->pfxlen = pfx != NULL ? strlen(pfx) : 0;
}

/* Whether op is under (or is) anc. */
bool
lint_op_under(int op, int anc)
{
	for (; op >= 0; op = sbpl_op_at(op)->parent) {
		if (op == anc)
			return true;
	}
	return false;
}

const char *
lint_op_name(int op)
{
	return sbpl_op_at(op)->name;
}

/* The filter definition of a filter form, or NULL. */
const struct sbpl_filter_def *
lint_filter_def(const struct sbpl_node *n)
{
	const char *head = sbpl_head(n);

	if (head == NULL || n->quoted)
		return NULL;
	return sbpl_filter_find(head);
}

/* Whether kid k of a rule form is a filter (not an operation, not a
 * modifier), as compile_rule tells them apart. */
bool
lint_is_filter_kid(const struct sbpl_node *k)
{
	const char *head;

	if (k->kind == SBPL_N_SYMBOL && !k->quoted)
		return false;
	head = sbpl_head(k);
	return head == NULL || strcmp(head, "with") != 0;
}

/*
 * The value of a string argument, as the compiler takes it: a literal, a
 * parameter (the last -D of its key) or a string-append of those. NULL for
 * what cannot be known here (a defined name, a missing parameter).
 */
const char *
lint_value_of(struct lint *l, const struct sbpl_node *n)
{
	const struct sbpl_policy *pol = l->pol;
	const char *head, *s;
	const size_t *d;
	struct buf b;
	size_t i;

	if (n->kind == SBPL_N_STRING)
		return n->s;
	if (n->kind != SBPL_N_LIST || n->quoted || (head = sbpl_head(n)) ==
	    NULL)
		return NULL;
	if (strcmp(head, "param") == 0 || strcmp(head, "getenv") == 0) {
		if (n->n != 2 || n->kids[1]->kind != SBPL_N_STRING)
			return NULL;
		d = strmap_get(&l->defs, n->kids[1]->s, n->kids[1]->len,
		    hash_bytes(n->kids[1]->s, n->kids[1]->len));
		return d != NULL ? pol->defs[*d].value : NULL;
	}
	if (strcmp(head, "string-append") != 0)
		return NULL;
	buf_init(&b);
	for (i = 1; i < n->n; i++) {
		if ((s = lint_value_of(l, n->kids[i])) == NULL) {
			buf_clear(&b);
			return NULL;
		}
		buf_puts(&b, s);
	}
	return lint_own(l, buf_take(&b));
}

/* How a value reads in a message: the string, and where it came from
 * when the profile does not spell it out. */
const char *
lint_show_value(char *out, size_t size, const struct sbpl_node *n, const char *v)
{
	char s[SB_SHOW_MAX], k[SB_SHOW_MAX];
	const char *head;

	sb_show(s, sizeof s, v);
	if (n->kind == SBPL_N_STRING)
		snprintf(out, size, "%s", s);
	else if ((head = sbpl_head(n)) != NULL && strcmp(head,
	    "string-append") != 0)
		snprintf(out, size, "%s (from (%s %s))", s, head,
		    sb_show(k, sizeof k, n->kids[1]->s));
	else
		snprintf(out, size, "%s (from string-append)", s);
	return out;
}

/* "/tmp", "/var" or "/etc" when p is one of them or below it: what the
 * kernel only ever sees as /private/... (SBPL-FACTS §5). */
bool
lint_private_dir(const char *p)
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

/* p with /private/ taken off before tmp, var and etc: both spellings of
 * a path compare equal. */
const char *
lint_unprivate(const char *p)
{
	if (strncmp(p, "/private/", 9) == 0 && lint_private_dir(p + 8))
		return p + 8;
	return p;
}

/*
 * The literal text that every match of an anchored regex starts with (a
 * new string), or NULL when it is not anchored or has an alternative (|),
 * which could end the prefix anywhere. *stop gets the byte the prefix
 * stopped at. A quantifier after the last literal byte takes that byte
 * out, as it may be absent.
 */
char *
lint_regex_prefix(const char *re, char *stop)
{
	struct buf b;
	size_t i = 1;
	char c;

	*stop = '\0';
	if (re[0] != '^' || strchr(re, '|') != NULL)
		return NULL;
	buf_init(&b);
	buf_puts(&b, "");
	for (;;) {
		c = re[i];
		if (c == '\\' && re[i + 1] != '\0' &&
		    strchr(".[]()*+?{}^$|\\/-", re[i + 1]) != NULL) {
			buf_putc(&b, re[i + 1]);
			i += 2;
			continue;
		}
		if (c == '\0' || strchr(".[]()*+?{}^$|\\", c) != NULL)
			break;
		buf_putc(&b, c);
		i++;
	}
	*stop = c;
	if ((c == '*' || c == '?' || c == '{') && b.len > 0)
		b.data[--b.len] = '\0';
	return buf_take(&b);
}

/* Sockets a file rule might be meant for: a name ending in .sock or
 * .socket, Postgres's, launchd's listeners, the system's own. */
bool
lint_looks_like_socket(const char *p)
{
	static const char *const known[] = {
		"/var/run/docker.sock.raw", "/var/run/mDNSResponder",
		"/var/run/syslog", "/var/run/usbmuxd", "/var/run/vpncontrol",
		"/var/run/systemkeychaincheck.socket",
	};
	const char *base = strrchr(p, '/'), *q = lint_unprivate(p);
	size_t n, i;

	base = base != NULL ? base + 1 : p;
	n = strlen(base);
	if ((n > 5 && strcmp(base + n - 5, ".sock") == 0) ||
	    (n > 7 && strcmp(base + n - 7, ".socket") == 0) ||
	    strncmp(base, ".s.PGSQL.", 9) == 0)
		return true;
	if (strcmp(base, "Listeners") == 0 &&
	    strstr(p, "/com.apple.launchd.") != NULL)
		return true;
	for (i = 0; i < sizeof known / sizeof known[0]; i++) {
		if (strcmp(q, known[i]) == 0)
			return true;
	}
	return false;
}

/* --- the filters of a form, written out and bounded ---------------------- */

/* The values of a path or name filter as terms; false when one of them
 * cannot be known (unless the caller takes what can: lower bounds). */
bool
lint_value_terms(struct lint *l, const struct sbpl_node *n,
    const struct sbpl_filter_def *def, const char *ctx, struct terms *t,
    bool partial)
{
	const char *v;
	char *pfx, stop;
	size_t i;
	enum tkind kind;

	if (def->cls == SBPL_F_NAME)
		ctx = def->base != NULL ? def->base : def->canonical;
	for (i = 1; i < n->n; i++) {
		if ((v = lint_value_of(l, n->kids[i])) == NULL) {
			if (partial)
				continue;
			return false;
		}
		switch (def->match) {
		case SBPL_M_LITERAL:
			kind = T_LIT;
			break;
		case SBPL_M_SUBPATH:
			kind = T_SUB;
			break;
		case SBPL_M_PREFIX:
			kind = T_PFX;
			break;
		default:
			pfx = lint_regex_prefix(v, &stop);
			lint_terms_add(t, T_RE, ctx, v, pfx != NULL ? lint_own(l, pfx) :
			    NULL);
			continue;
		}
		lint_terms_add(t, kind, ctx, v, NULL);
	}
	return n->n > 1;
}

/* The socket kind of (local|remote unix-socket ...): the context of its
 * path, or NULL for an IP filter. */
const char *
lint_unix_ctx(const struct sbpl_node *n, const struct sbpl_filter_def *def)
{
	if (n->n < 2 || n->kids[1]->kind != SBPL_N_SYMBOL ||
	    (strcmp(n->kids[1]->s, "unix-socket") != 0 &&
	    strcmp(n->kids[1]->s, "unix") != 0))
		return NULL;
	return strcmp(def->canonical, "local") == 0 ? CTX_LOCAL : CTX_REMOTE;
}

/* Adds to t a superset of what n matches; false when there is none this
 * can write down (an address, a vnode type, an exception). */
bool
lint_upper(struct lint *l, const struct sbpl_node *n, const char *ctx,
    struct terms *t)
{
	const struct sbpl_filter_def *def;
	const char *uctx;
	size_t i, saved;

	if ((def = lint_filter_def(n)) == NULL)
		return false;
	switch (def->cls) {
	case SBPL_F_PATH:
	case SBPL_F_NAME:
		return lint_value_terms(l, n, def, ctx, t, false);
	case SBPL_F_NETWORK:
		if ((uctx = lint_unix_ctx(n, def)) == NULL)
			return false;
		if (n->n == 2) {
			lint_terms_add(t, T_ALL, uctx, NULL, NULL);
			return true;
		}
		return n->n == 3 && lint_upper(l, n->kids[2], uctx, t);
	case SBPL_F_COMBINATOR:
		if (strcmp(def->canonical, "require-any") == 0) {
			for (i = 1; i < n->n; i++) {
				if (!lint_upper(l, n->kids[i], ctx, t))
					return false;
			}
			return n->n > 1;
		}
		if (strcmp(def->canonical, "require-all") != 0)
			return false;
		/* All of them: any one bounds it. */
		for (i = 1; i < n->n; i++) {
			saved = t->n;
			if (lint_upper(l, n->kids[i], ctx, t))
				return true;
			t->n = saved;
		}
		return false;
	default:
		return false;
	}
}

/* Adds to t what n surely matches. */
void
lint_lower(struct lint *l, const struct sbpl_node *n, const char *ctx,
    struct terms *t)
{
	const struct sbpl_filter_def *def;
	const char *uctx;
	size_t i;

	if ((def = lint_filter_def(n)) == NULL)
		return;
	switch (def->cls) {
	case SBPL_F_PATH:
	case SBPL_F_NAME:
		(void)lint_value_terms(l, n, def, ctx, t, true);
		return;
	case SBPL_F_NETWORK:
		if ((uctx = lint_unix_ctx(n, def)) == NULL)
			return;
		if (n->n == 2)
			lint_terms_add(t, T_ALL, uctx, NULL, NULL);
		else if (n->n == 3)
			lint_lower(l, n->kids[2], uctx, t);
		return;
	case SBPL_F_COMBINATOR:
		if (strcmp(def->canonical, "require-any") == 0) {
			for (i = 1; i < n->n; i++)
				lint_lower(l, n->kids[i], ctx, t);
		} else if (strcmp(def->canonical, "require-all") == 0 &&
		    n->n == 2)
			lint_lower(l, n->kids[1], ctx, t);
		return;
	default:
		return;
	}
}

/* --- the index of terms -------------------------------------------------- */

void
lint_index_init(struct index *ix)
{
	size_t i;

	for (i = 0; i < T_NKINDS; i++)
		strmap_init(&ix->m[i]);
	ix->count = xcalloc(sbpl_op_count() * T_NKINDS, sizeof *ix->count);
	ix->maxlen = xcalloc(sbpl_op_count() * T_NKINDS,
	    sizeof *ix->maxlen);
}

void
lint_index_clear(struct index *ix)
{
	size_t i;

	for (i = 0; i < T_NKINDS; i++)
		strmap_clear(&ix->m[i]);
	free(ix->count);
	free(ix->maxlen);
}

/* Starts l->key with the operation and context of a term. */
size_t
lint_key_head(struct lint *l, int op, const char *ctx)
{
	/* Look-ups come in runs of one operation and context. */
	if (l->head_op == op && l->head_ctx == ctx) {
		l->key.len = l->head_len;
		return l->head_len;
	}
	buf_reset(&l->key);
	lint_put_num(&l->key, op);
	buf_putc(&l->key, '\037');
	buf_puts(&l->key, ctx);
	buf_putc(&l->key, '\037');
	l->head_op = op;
	l->head_ctx = ctx;
	l->head_len = l->key.len;
	return l->key.len;
}

/* Files rule under t for op, unless a rule is there already (the first
 * one put stays: the index is filled from the end of the profile). */
void
lint_index_put(struct lint *l, struct index *ix, int op, const struct term *t,
    size_t rule)
{
	const char *key;
	size_t *v, i;
	int added;

	(void)lint_key_head(l, op, t->ctx);
	if (t->kind != T_ALL)
		buf_add(&l->key, t->s, t->len);
	key = lint_arena_dup(l, l->key.data, l->key.len);
	v = strmap_put(&ix->m[t->kind], key, l->key.len,
	    hash_bytes(key, l->key.len), &added);
	if (added) {
		*v = rule;
		i = (size_t)op * T_NKINDS + t->kind;
		ix->count[i]++;
		if (t->len > ix->maxlen[i])
			ix->maxlen[i] = t->len;
	}
}

/*
 * A rule of ix for op that matches all that t does, or SIZE_MAX: the same
 * literal or regex; a subpath at or above it; a prefix of it; everything of
 * its context. An anchored regex is taken as the prefix its matches share.
 */
size_t
lint_covered(struct lint *l, const struct index *ix, int op, const struct term *t)
{
	const size_t *v, *n = &ix->count[(size_t)op * T_NKINDS];
	const size_t *max = &ix->maxlen[(size_t)op * T_NKINDS];
	const char *x, *key;
	enum tkind kind = t->kind;
	size_t hlen, h0, h, len, k, scan;

	if (n[T_ALL] + n[T_RE] + n[T_PFX] + n[T_SUB] + n[T_LIT] == 0)
		return SIZE_MAX;
	hlen = lint_key_head(l, op, t->ctx);
	h0 = hash_bytes(l->key.data, hlen);
	if (n[T_ALL] > 0 && (v = strmap_get(&ix->m[T_ALL], l->key.data, hlen,
	    h0)) != NULL)
		return *v;
	if (kind == T_ALL)
		return SIZE_MAX;
	x = t->s;
	len = t->len;
	if (kind == T_RE) {
		buf_add(&l->key, t->s, t->len);
		if (n[T_RE] > 0 && (v = strmap_get(&ix->m[T_RE], l->key.data,
		    l->key.len,
		    hash_bytes(l->key.data, l->key.len))) != NULL)
			return *v;
		if (t->pfx == NULL)
			return SIZE_MAX;
		l->key.len = hlen;
		x = t->pfx;
		len = t->pfxlen;
		kind = T_PFX;
	}
	buf_add(&l->key, x, len);
	key = l->key.data;
	scan = n[T_PFX] > 0 ? max[T_PFX] : 0;
	if (n[T_SUB] > 0 && max[T_SUB] > scan)
		scan = max[T_SUB];
	if (kind == T_LIT && n[T_LIT] > 0)
		scan = len;
	for (h = h0, k = 1; k <= len && k <= scan; k++) {
		h = hash_more(h, x[k - 1]);
		if (n[T_PFX] > 0 && (v = strmap_get(&ix->m[T_PFX], key,
		    hlen + k, h)) != NULL)
			return *v;
		/* A subpath s covers s itself (not for a prefix: s plus
		 * more), what is below s/, and with a trailing / acts as a
		 * prefix. */
		if (n[T_SUB] > 0 && (x[k - 1] == '/' || (k < len &&
		    x[k] == '/') || (k == len && kind != T_PFX)) &&
		    (v = strmap_get(&ix->m[T_SUB], key, hlen + k, h)) != NULL)
			return *v;
	}
	if (kind == T_LIT && k == len + 1 && n[T_LIT] > 0 &&
	    (v = strmap_get(&ix->m[T_LIT], key, hlen + len, h)) != NULL)
		return *v;
	return SIZE_MAX;
}
