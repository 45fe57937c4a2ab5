/* SPDX-License-Identifier: ISC */
/* sbpl-eval.c: the SBPL compiler: a read profile to rules per operation,
 * with the errors sandbox-exec would refuse it for (the decision for one
 * access is sbpl-decide.c). */
#include "config.h"

#include "sbpl-eval.h"

#include <sys/types.h>

#include <regex.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "hash.h"
#include "sbpl-int.h"
#include "sbpl-ops.h"
#include "strmap.h"
#include "xmalloc.h"

/* libsandbox refuses a rule whose serialised pattern passes this. */
#define RULE_BYTES_MAX	65535
/* TinyScheme's reader fails on a longer string literal (§1.4). */
#define STRING_MAX	1000

/* --- values and the compiler's state -------------------------------------- */

enum vkind {
	V_UNKNOWN,	/* cannot be evaluated here */
	V_STRING,
	V_NUMBER,
	V_BOOL,
	V_SYMBOL,
	V_FILTER,
	V_FUNCTION,
};

struct value {
	enum vkind		 k;
	const char		*s;
	long			 num;
	struct sbpl_filter	*f;
	const struct sbpl_node	*node;	/* where it came from */
};

struct binding {
	const char	*name;
	struct value	 v;
};

struct comp {
	struct sbpl_policy	*pol;
	struct sb_error		*err;
	struct binding		*env;
	size_t			 nenv;
	size_t			 capenv;
	size_t			 rule_bytes;	/* of the rule being compiled */
	struct strmap		 defs;		/* -D key -> its last index */
	size_t			 nforms;	/* rules so far, for seq */
};

/*
 * Room for one more item in v, which holds n of size: the capacity is
 * implied by n (4, then the powers of two), so arrays that only grow need
 * no count of their own. A profile has tens of thousands of them.
 */
static void *
grow(void *v, size_t n, size_t size)
{
	if (n == 0)
		return xreallocarray(v, 4, size);
	if (n >= 4 && (n & (n - 1)) == 0)
		return xreallocarray(v, n * 2, size);
	return v;
}

void
sbpl_diag_add(struct sbpl_policy *pol, enum sbpl_severity sev,
    const struct sbpl_node *at, const char *code, const char *fmt, ...)
{
	struct sbpl_diag *d;
	va_list ap;

	pol->diags = grow(pol->diags, pol->ndiags, sizeof *pol->diags);
	d = &pol->diags[pol->ndiags++];
	d->severity = sev;
	d->line = at != NULL ? at->line : 1;
	d->col = at != NULL ? at->col : 1;
	d->code = code;
	va_start(ap, fmt);
	(void)xvasprintf(&d->msg, fmt, ap);
	va_end(ap);
	if (sev == SBPL_ERROR)
		pol->nerrors++;
}

/* An error sandbox-exec would refuse the profile for. Returns -1. */
static int
error(struct comp *c, const struct sbpl_node *at, const char *code,
    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static int
error(struct comp *c, const struct sbpl_node *at, const char *code,
    const char *fmt, ...)
{
	char *msg;
	va_list ap;

	va_start(ap, fmt);
	(void)xvasprintf(&msg, fmt, ap);
	va_end(ap);
	sbpl_diag_add(c->pol, SBPL_ERROR, at, code, "%s", msg);
	free(msg);
	return -1;
}

/* A form whose effect the evaluator cannot know: every answer that
 * depends on the whole profile becomes undecidable. */
static void
incomplete(struct comp *c, const struct sbpl_node *at, const char *why)
{
	if (c->pol->incomplete == NULL) {
		c->pol->incomplete = at;
		c->pol->incomplete_why = why;
	}
	sbpl_diag_add(c->pol, SBPL_WARNING, at, "not-evaluated",
	    "%s: answers about this profile cannot be sure", why);
}

static const char *
keep_string(struct comp *c, char *s)
{
	struct sbpl_policy *pol = c->pol;

	pol->strings = grow(pol->strings, pol->nstrings,
	    sizeof *pol->strings);
	pol->strings[pol->nstrings++] = s;
	return s;
}

static struct sbpl_filter *
new_filter(struct comp *c, enum fl_kind kind, const struct sbpl_node *node)
{
	struct sbpl_policy *pol = c->pol;
	struct sbpl_filter *f;

	f = xcalloc(1, sizeof *f);
	f->kind = kind;
	f->node = node;
	pol->filters = grow(pol->filters, pol->nfilters, sizeof *pol->filters);
	pol->filters[pol->nfilters++] = f;
	return f;
}

static void
add_kid(struct sbpl_filter *f, struct sbpl_filter *kid)
{
	f->kids = grow(f->kids, f->nkids, sizeof *f->kids);
	f->kids[f->nkids++] = kid;
}

static struct value_of *
add_value(struct sbpl_filter *f, const char *s, const struct sbpl_node *at,
    long num)
{
	struct value_of *v;

	f->values = grow(f->values, f->nvalues, sizeof *f->values);
	v = &f->values[f->nvalues++];
	memset(v, 0, sizeof *v);
	v->s = s;
	v->node = at;
	v->num = num;
	return v;
}

static const struct value *
lookup(const struct comp *c, const char *name)
{
	size_t i;

	for (i = c->nenv; i > 0; i--) {
		if (strcmp(c->env[i - 1].name, name) == 0)
			return &c->env[i - 1].v;
	}
	return NULL;
}

static void
env_bind(struct comp *c, const char *name, const struct value *v)
{
	if (c->nenv == c->capenv) {
		c->capenv = c->capenv == 0 ? 16 : c->capenv * 2;
		c->env = xreallocarray(c->env, c->capenv, sizeof *c->env);
	}
	c->env[c->nenv].name = name;
	c->env[c->nenv].v = *v;
	c->nenv++;
}

static const char *
param_value(const struct comp *c, const char *key)
{
	size_t len = strlen(key), *i;

	/* The last -D of a key wins, as in sandbox-exec: the map holds the
	 * last index of each (a generated profile has thousands). */
	i = strmap_get(&c->defs, key, len, hash_bytes(key, len));
	return i != NULL ? c->pol->defs[*i].value : NULL;
}

static int	eval(struct comp *, const struct sbpl_node *, struct value *);
static struct sbpl_filter *compile_filter(struct comp *,
		    const struct sbpl_node *);

/* The value of a string argument: a literal, a parameter, a string-append
 * or a defined name. Returns 0 with *s set, 1 when it cannot be known here,
 * or -1 after an error. */
static int
eval_string(struct comp *c, const struct sbpl_node *n, const char *what,
    const char **s)
{
	const struct sbpl_node *src;
	struct value v;

	if (eval(c, n, &v) == -1)
		return -1;
	switch (v.k) {
	case V_STRING:
		*s = v.s;
		c->rule_bytes += strlen(v.s) + 1;
		return 0;
	case V_BOOL:
		/* From a (param "K") here or in the define of a name. */
		src = v.node;
		if (!v.num && src != NULL && sbpl_head(src) != NULL &&
		    (strcmp(sbpl_head(src), "param") == 0 ||
		    strcmp(sbpl_head(src), "getenv") == 0) && src->n == 2 &&
		    src->kids[1]->kind == SBPL_N_STRING)
			return error(c, n, "missing-param", "%s: parameter "
			    "%s is not defined (pass -D %s=VALUE)", what,
			    src->kids[1]->s, src->kids[1]->s);
		return error(c, n, "type", "%s expects a string, not a "
		    "boolean", what);
	case V_UNKNOWN:
	case V_FUNCTION:
		return 1;
	default:
		return error(c, n, "type", "%s expects a string", what);
	}
}

/* --- expressions ---------------------------------------------------------- */

static int
eval_list(struct comp *c, const struct sbpl_node *n, struct value *v)
{
	const char *head = sbpl_head(n), *s;
	const struct value *b;
	struct buf out;
	size_t i;
	int rc;

	v->k = V_UNKNOWN;
	v->node = n;
	if (head == NULL) {
		incomplete(c, n, "a list that is not a call");
		return 0;
	}
	if (strcmp(head, "param") == 0 || strcmp(head, "getenv") == 0) {
		if (n->n != 2 || n->kids[1]->kind != SBPL_N_STRING)
			return error(c, n, "type", "(%s \"KEY\") takes one "
			    "string", head);
		if ((s = param_value(c, n->kids[1]->s)) != NULL) {
			v->k = V_STRING;
			v->s = s;
		} else {
			v->k = V_BOOL;
			v->num = 0;
		}
		return 0;
	}
	if (strcmp(head, "string-append") == 0) {
		buf_init(&out);
		for (i = 1; i < n->n; i++) {
			if ((rc = eval_string(c, n->kids[i], "string-append",
			    &s)) != 0) {
				buf_clear(&out);
				return rc == 1 ? 0 : -1;
			}
			buf_puts(&out, s);
		}
		v->k = V_STRING;
		v->s = keep_string(c, buf_take(&out));
		return 0;
	}
	if ((b = lookup(c, head)) != NULL) {
		if (b->k == V_FUNCTION)
			incomplete(c, n, "a call of a function the profile "
			    "defines");
		else
			incomplete(c, n, "a call of a defined value");
		return 0;
	}
	if (sbpl_filter_find(head) != NULL) {
		if ((v->f = compile_filter(c, n)) == NULL)
			return -1;
		v->k = V_FILTER;
		return 0;
	}
	incomplete(c, n, "a form the evaluator does not know");
	return 0;
}

static int
eval(struct comp *c, const struct sbpl_node *n, struct value *v)
{
	const struct value *b;

	memset(v, 0, sizeof *v);
	v->node = n;
	switch (n->kind) {
	case SBPL_N_STRING:
		if (n->len > STRING_MAX)
			return error(c, n, "string-too-long", "a string of %zu "
			    "bytes; the profile reader takes at most %d in one "
			    "string", n->len, STRING_MAX);
		v->k = V_STRING;
		v->s = n->s;
		return 0;
	case SBPL_N_NUMBER:
		v->k = V_NUMBER;
		v->num = n->num;
		return 0;
	case SBPL_N_BOOL:
		v->k = V_BOOL;
		v->num = n->num;
		return 0;
	case SBPL_N_SYMBOL:
		if (!n->quoted && (b = lookup(c, n->s)) != NULL) {
			*v = *b;
			return 0;
		}
		v->k = V_SYMBOL;
		v->s = n->s;
		return 0;
	case SBPL_N_LIST:
		if (n->quoted) {
			incomplete(c, n, "a quoted list");
			return 0;
		}
		return eval_list(c, n, v);
	}
	return 0;
}

/* --- filters -------------------------------------------------------------- */

/*
 * Constructs AppleMatch may read otherwise than POSIX does (§4.1): an
 * interval {m,n}, the class escapes \d \w \s \b and their capitals,
 * backreferences, (? groups, and within brackets a [: class or a
 * backslash (a POSIX literal; AppleMatch may take it for an escape). An
 * escaped brace, \{, is an ordinary character either way, as the
 * generator writes a brace of a path.
 */
static bool
regex_uncertain(const char *re)
{
	const char *p, *q;

	for (p = re; *p != '\0'; p++) {
		switch (*p) {
		case '\\':
			if (*++p == '\0')
				return false;
			if (strchr("dDwWsSbB123456789", *p) != NULL)
				return true;
			break;
		case '{':
			return true;
		case '(':
			if (p[1] == '?')
				return true;
			break;
		case '[':
			/* To the bracket's end: a leading ']' (after '^')
			 * is one of its characters. */
			q = p + 1;
			if (*q == '^')
				q++;
			if (*q == ']')
				q++;
			for (; *q != '\0' && *q != ']'; q++) {
				if (*q == '\\' || (*q == '[' && (q[1] == ':' ||
				    q[1] == '.' || q[1] == '=')))
					return true;
			}
			if (*q == '\0')
				return false;
			p = q;
			break;
		}
	}
	return false;
}

int
sbpl_regex_compile(struct value_of *v)
{
	int rc;

	if ((rc = regcomp(&v->re, v->s, REG_EXTENDED | REG_NOSUB)) == 0)
		v->re_state = RE_READY;
	else
		v->re_state = RE_BAD;
	return rc;
}

static int
add_regex(struct comp *c, struct sbpl_filter *f, const char *s,
    const struct sbpl_node *at)
{
	struct value_of *v = add_value(f, s, at, 0);
	char msg[128];
	int rc;

	v->re_uncertain = regex_uncertain(s);
	if (c->pol->lazy_regex)
		return 0;
	if ((rc = sbpl_regex_compile(v)) != 0) {
		regerror(rc, &v->re, msg, sizeof msg);
		regfree(&v->re);
		return error(c, at, "bad-regex", "a regex that does not "
		    "compile: %s", msg);
	}
	return 0;
}

/* The string arguments of a path or name filter. */
static struct sbpl_filter *
string_filter(struct comp *c, const struct sbpl_node *n,
    const struct sbpl_filter_def *def, enum fl_kind kind)
{
	struct sbpl_filter *f;
	const char *s;
	size_t i;
	int rc;

	f = new_filter(c, kind, n);
	f->match = def->match;
	f->local_name = def->base != NULL &&
	    strcmp(def->base, "local-name") == 0;
	if (n->n < 2)
		return error(c, n, "arity", "(%s ...) needs a value",
		    n->kids[0]->s), NULL;
	for (i = 1; i < n->n; i++) {
		if ((rc = eval_string(c, n->kids[i], n->kids[0]->s, &s)) ==
		    -1)
			return NULL;
		if (rc == 1) {
			f->kind = FL_MAYBE;
			continue;
		}
		if (def->match == SBPL_M_REGEX) {
			if (add_regex(c, f, s, n->kids[i]) == -1)
				return NULL;
		} else
			add_value(f, s, n->kids[i], 0);
	}
	return f;
}

/* Symbols (or numbers) as values: vnode-type, socket-domain ... */
static struct sbpl_filter *
symbol_filter(struct comp *c, const struct sbpl_node *n, enum fl_kind kind)
{
	struct sbpl_filter *f;
	size_t i;

	f = new_filter(c, kind, n);
	if (n->n < 2)
		return error(c, n, "arity", "(%s ...) needs a value",
		    n->kids[0]->s), NULL;
	for (i = 1; i < n->n; i++) {
		if (n->kids[i]->kind == SBPL_N_SYMBOL)
			add_value(f, n->kids[i]->s, n->kids[i], -1);
		else if (n->kids[i]->kind == SBPL_N_NUMBER)
			add_value(f, NULL, n->kids[i], n->kids[i]->num);
		else
			return error(c, n->kids[i], "type", "(%s ...) takes "
			    "names or numbers", n->kids[0]->s), NULL;
	}
	return f;
}

/* "HOST:PORT" as the real compiler checks it (§4.3). */
static int
parse_address(struct comp *c, struct sbpl_filter *f, const char *addr,
    const struct sbpl_node *at)
{
	const char *colon = strrchr(addr, ':'), *p;
	size_t hostlen;
	unsigned long port = 0;

	if (colon == NULL)
		return error(c, at, "bad-address", "port missing in network "
		    "address \"%s\"", addr);
	hostlen = (size_t)(colon - addr);
	if (hostlen == 1 && addr[0] == '*')
		f->any_host = true;
	else if (hostlen == 9 && strncmp(addr, "localhost", 9) == 0)
		f->any_host = false;
	else
		return error(c, at, "bad-address", "host must be * or "
		    "localhost in network address \"%s\"", addr);
	p = colon + 1;
	if (strcmp(p, "*") == 0) {
		f->port = 0;
		return 0;
	}
	if (*p == '\0' || strspn(p, "0123456789") != strlen(p) ||
	    strlen(p) > 5 || (port = strtoul(p, NULL, 10)) < 1 ||
	    port > 65535)
		return error(c, at, "bad-address", "invalid port in network "
		    "address \"%s\" (* or 1..65535)", addr);
	f->port = (unsigned)port;
	return 0;
}

static unsigned
ip_kinds(const char *s)
{
	static const struct {
		const char	*name;
		unsigned	 kinds;
	} kinds[] = {
		{ "ip", IPK_TCP | IPK_UDP | IPK_V4 | IPK_V6 },
		{ "ip4", IPK_TCP | IPK_UDP | IPK_V4 },
		{ "ip6", IPK_TCP | IPK_UDP | IPK_V6 },
		{ "tcp", IPK_TCP | IPK_V4 | IPK_V6 },
		{ "tcp4", IPK_TCP | IPK_V4 },
		{ "tcp6", IPK_TCP | IPK_V6 },
		{ "udp", IPK_UDP | IPK_V4 | IPK_V6 },
		{ "udp4", IPK_UDP | IPK_V4 },
		{ "udp6", IPK_UDP | IPK_V6 },
	};
	size_t i;

	for (i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
		if (strcmp(kinds[i].name, s) == 0)
			return kinds[i].kinds;
	}
	return 0;
}

/* (local|remote KIND [ADDRESS | PATH-FILTER]) */
static struct sbpl_filter *
network_filter(struct comp *c, const struct sbpl_node *n,
    const struct sbpl_filter_def *def)
{
	struct sbpl_filter *f, *kid;
	const struct sbpl_node *kind;
	const char *addr;
	int rc;

	f = new_filter(c, FL_IP, n);
	f->local = strcmp(def->canonical, "local") == 0;
	if (n->n < 2 || (kind = n->kids[1])->kind != SBPL_N_SYMBOL)
		return error(c, n, "arity", "(%s KIND ...) needs ip, tcp, udp "
		    "or unix-socket", n->kids[0]->s), NULL;
	if (strcmp(kind->s, "unix-socket") == 0 ||
	    strcmp(kind->s, "unix") == 0) {
		f->kind = FL_UNIX;
		if (n->n > 3)
			return error(c, n, "arity", "(%s unix-socket) takes "
			    "one path filter at most", n->kids[0]->s), NULL;
		if (n->n == 3) {
			if ((kid = compile_filter(c, n->kids[2])) == NULL)
				return NULL;
			add_kid(f, kid);
		}
		return f;
	}
	if ((f->ipkinds = ip_kinds(kind->s)) == 0)
		return error(c, kind, "bad-address", "unknown address kind %s "
		    "(ip, ip4, ip6, tcp, tcp4, tcp6, udp, udp4, udp6, "
		    "unix-socket)", kind->s), NULL;
	f->any_host = true;
	if (n->n == 2)
		return f;
	if (n->n > 3)
		return error(c, n, "arity", "(%s %s ...) takes one address",
		    n->kids[0]->s, kind->s), NULL;
	if (n->kids[2]->kind == SBPL_N_LIST && sbpl_head(n->kids[2]) != NULL &&
	    sbpl_filter_find(sbpl_head(n->kids[2])) != NULL)
		return error(c, n->kids[2], "bad-address", "%s expects string "
		    "argument", n->kids[0]->s), NULL;
	if ((rc = eval_string(c, n->kids[2], n->kids[0]->s, &addr)) == -1)
		return NULL;
	if (rc == 1) {
		f->kind = FL_MAYBE;
		return f;
	}
	if (parse_address(c, f, addr, n->kids[2]) == -1)
		return NULL;
	return f;
}

static struct sbpl_filter *
compile_filter(struct comp *c, const struct sbpl_node *n)
{
	const struct sbpl_filter_def *def;
	const struct value *b;
	struct sbpl_filter *f, *kid;
	const char *head, *s;
	size_t i;

	if (n->kind == SBPL_N_SYMBOL && (b = lookup(c, n->s)) != NULL) {
		if (b->k == V_FILTER)
			return b->f;
		return new_filter(c, FL_MAYBE, n);
	}
	if ((head = sbpl_head(n)) == NULL)
		return error(c, n, "not-a-filter", "a filter was expected "
		    "here"), NULL;
	if ((def = sbpl_filter_find(head)) == NULL) {
		if (lookup(c, head) != NULL) {
			incomplete(c, n, "a filter made by a function of the "
			    "profile");
			return new_filter(c, FL_MAYBE, n);
		}
		if (strcmp(head, "path-literal") == 0)
			def = sbpl_filter_find("literal");
		else if ((s = sbpl_suggest(head, SBPL_N_FILTER)) != NULL)
			return error(c, n, "unknown-filter", "unknown filter "
			    "%s (did you mean %s?)", head, s), NULL;
		else
			return error(c, n, "unknown-filter", "unknown filter "
			    "%s", head), NULL;
	}
	c->rule_bytes += 8;
	switch (def->cls) {
	case SBPL_F_PATH:
		return string_filter(c, n, def, FL_PATH);
	case SBPL_F_NAME:
		return string_filter(c, n, def, FL_NAME);
	case SBPL_F_NETWORK:
		return network_filter(c, n, def);
	case SBPL_F_COMBINATOR:
		f = new_filter(c, strcmp(def->canonical, "require-all") == 0 ?
		    FL_AND : strcmp(def->canonical, "require-not") == 0 ?
		    FL_NOT : FL_OR, n);
		if (f->kind == FL_NOT && n->n != 2)
			return error(c, n, "arity", "(require-not F) takes "
			    "one filter"), NULL;
		for (i = 1; i < n->n; i++) {
			if ((kid = compile_filter(c, n->kids[i])) == NULL)
				return NULL;
			add_kid(f, kid);
		}
		return f;
	case SBPL_F_SYMBOL:
		if (strcmp(def->canonical, "tty") == 0) {
			f = new_filter(c, FL_VNODE, n);
			add_value(f, "TTY", n, -1);
			return f;
		}
		return symbol_filter(c, n, strcmp(def->canonical,
		    "vnode-type") == 0 ? FL_VNODE : strcmp(def->canonical,
		    "socket-domain") == 0 ? FL_DOMAIN : strcmp(def->canonical,
		    "socket-type") == 0 ? FL_TYPE : FL_TARGET);
	case SBPL_F_NUMBER:
		if (strcmp(def->canonical, "socket-protocol") == 0)
			return symbol_filter(c, n, FL_PROTOCOL);
		return new_filter(c, FL_MAYBE, n);
	case SBPL_F_DYNAMIC:
	case SBPL_F_OTHER:
		return new_filter(c, FL_MAYBE, n);
	}
	return new_filter(c, FL_MAYBE, n);
}

/* --- rules ---------------------------------------------------------------- */

static int
add_modifier(struct comp *c, const struct sbpl_node *w, bool allow,
    unsigned *mods)
{
	const char *name, *s;

	if (w->n < 2 || w->kids[1]->kind != SBPL_N_SYMBOL)
		return error(c, w, "arity", "(with NAME ...) needs a "
		    "modifier name");
	name = w->kids[1]->s;
	if (!sbpl_modifier_known(name)) {
		if ((s = sbpl_suggest(name, SBPL_N_MODIFIER)) != NULL)
			return error(c, w->kids[1], "unknown-modifier",
			    "unknown modifier %s (did you mean %s?)", name, s);
		return error(c, w->kids[1], "unknown-modifier", "unknown "
		    "modifier %s", name);
	}
	if (strcmp(name, "report") == 0) {
		if (!allow)
			return error(c, w, "report-on-deny", "report "
			    "modifier does not apply to deny action");
		*mods |= SBPL_MOD_REPORT;
	} else if (strcmp(name, "no-report") == 0 ||
	    strcmp(name, "no-log") == 0)
		*mods |= SBPL_MOD_NO_REPORT;
	else if (strcmp(name, "no-sandbox") == 0 ||
	    strcmp(name, "no-profile") == 0)
		*mods |= SBPL_MOD_NO_SANDBOX;
	else if (strcmp(name, "send-signal") == 0 ||
	    strcmp(name, "termination") == 0)
		*mods |= SBPL_MOD_SIGNAL;
	else if (strcmp(name, "message") == 0)
		*mods |= SBPL_MOD_MESSAGE;
	else
		*mods |= SBPL_MOD_OTHER;
	return 0;
}

static int
compile_rule(struct comp *c, const struct sbpl_node *form, bool allow)
{
	struct sbpl_policy *pol = c->pol;
	struct sbpl_filter *all = NULL, *f;
	const struct sbpl_node *k;
	const char *alias, *s;
	int *ops = NULL, op;
	const struct sbpl_node **opnodes = NULL;
	size_t nops = 0, i, seq = c->nforms++;
	unsigned mods = 0;
	int rc = 0;

	c->rule_bytes = 0;
	for (i = 1; i < form->n; i++) {
		k = form->kids[i];
		if (k->kind == SBPL_N_SYMBOL && !k->quoted) {
			op = sbpl_op_lookup(k->s, &alias);
			if (op == -1) {
				s = sbpl_suggest(k->s, SBPL_N_OPERATION);
				if (s != NULL)
					rc = error(c, k, "unknown-operation",
					    "unknown operation %s (did you "
					    "mean %s?)", k->s, s);
				else
					rc = error(c, k, "unknown-operation",
					    "unknown operation %s", k->s);
				continue;
			}
			if (op == -2) {
				sbpl_diag_add(pol, SBPL_WARNING, k, "no-op",
				    "%s does nothing: the prelude defines it "
				    "as a no-op", k->s);
				continue;
			}
			ops = grow(ops, nops, sizeof *ops);
			opnodes = grow(opnodes, nops, sizeof *opnodes);
			ops[nops] = op;
			opnodes[nops++] = k;
			continue;
		}
		if (sbpl_head(k) != NULL && strcmp(sbpl_head(k), "with") == 0) {
			if (add_modifier(c, k, allow, &mods) == -1)
				rc = -1;
			continue;
		}
		if ((f = compile_filter(c, k)) == NULL) {
			rc = -1;
			continue;
		}
		if (all == NULL)
			all = new_filter(c, FL_OR, form);
		add_kid(all, f);
	}
	if (nops == 0 && rc == 0 && form->n < 2)
		rc = error(c, form, "no-operation", "(%s) names no operation",
		    allow ? "allow" : "deny");
	if (c->rule_bytes > RULE_BYTES_MAX)
		rc = error(c, form, "rule-too-large", "a rule of about %zu "
		    "bytes of patterns; libsandbox refuses one over %d (split "
		    "it)", c->rule_bytes, RULE_BYTES_MAX);
	for (i = 0; rc == 0 && i < nops; i++) {
		pol->rules = grow(pol->rules, pol->nrules, sizeof *pol->rules);
		pol->rules[pol->nrules].allow = allow;
		pol->rules[pol->nrules].op = ops[i];
		pol->rules[pol->nrules].form = form;
		pol->rules[pol->nrules].op_node = opnodes[i];
		pol->rules[pol->nrules].filter = all;
		pol->rules[pol->nrules].mods = mods;
		pol->rules[pol->nrules].seq = seq;
		pol->nrules++;
	}
	free(ops);
	free(opnodes);
	return rc;
}

/* A condition of if/when/unless: 1 true, 0 false, -1 not known here. */
static int
truth(struct comp *c, const struct sbpl_node *n)
{
	const char *head = sbpl_head(n);
	struct value v;
	size_t i;
	int t, any;

	if (head != NULL && strcmp(head, "not") == 0 && n->n == 2)
		return (t = truth(c, n->kids[1])) == -1 ? -1 : !t;
	if (head != NULL && (strcmp(head, "and") == 0 ||
	    strcmp(head, "or") == 0)) {
		any = strcmp(head, "and") == 0;
		for (i = 1; i < n->n; i++) {
			if ((t = truth(c, n->kids[i])) == -1)
				return -1;
			if (t != any)
				return t;
		}
		return any;
	}
	if (eval(c, n, &v) == -1)
		return -1;
	switch (v.k) {
	case V_BOOL:
		return v.num != 0;
	case V_UNKNOWN:
	case V_FUNCTION:
		return -1;
	default:
		return 1;	/* everything but #f is true in Scheme */
	}
}

static int	compile_form(struct comp *, const struct sbpl_node *);

static int
compile_body(struct comp *c, const struct sbpl_node *n, size_t from)
{
	int rc = 0;

	for (; from < n->n; from++) {
		if (compile_form(c, n->kids[from]) == -1)
			rc = -1;
	}
	return rc;
}

static int
compile_version(struct comp *c, const struct sbpl_node *n)
{
	if (n->n != 2 || n->kids[1]->kind != SBPL_N_NUMBER)
		return error(c, n, "version", "(version 1) takes one number");
	/* A repeat of the same version is taken, another is not (§1.2). */
	if (c->pol->has_version) {
		if (n->kids[1]->num != 1)
			return error(c, n, "version", "only one version may "
			    "be specified");
		return 0;
	}
	if (n->kids[1]->num != 1)
		return error(c, n, "version", "unsupported version %ld",
		    n->kids[1]->num);
	c->pol->has_version = true;
	return 0;
}

static int
compile_define(struct comp *c, const struct sbpl_node *n)
{
	const struct sbpl_node *name;
	struct value v;

	if (n->n < 3)
		return error(c, n, "arity", "(define NAME VALUE) needs a name "
		    "and a value");
	name = n->kids[1];
	if (name->kind == SBPL_N_LIST && name->n > 0 &&
	    name->kids[0]->kind == SBPL_N_SYMBOL) {
		memset(&v, 0, sizeof v);
		v.k = V_FUNCTION;
		v.node = n;
		env_bind(c, name->kids[0]->s, &v);
		return 0;
	}
	if (name->kind != SBPL_N_SYMBOL)
		return error(c, name, "arity", "(define NAME VALUE) needs a "
		    "name");
	if (eval(c, n->kids[2], &v) == -1)
		return -1;
	env_bind(c, name->s, &v);
	return 0;
}

/* What TinyScheme itself defines, which a profile may use at the top. */
static bool
is_scheme_builtin(const char *name)
{
	static const char *const names[] = {
		"and", "apply", "case", "cond", "display", "do", "for-each",
		"lambda", "let", "let*", "letrec", "macro", "map", "newline",
		"or", "set!", "trace", "with-filter", "with-modifier",
		"with-operations",
	};
	size_t i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		if (strcmp(names[i], name) == 0)
			return true;
	}
	return false;
}

static int
compile_form(struct comp *c, const struct sbpl_node *n)
{
	const char *head = sbpl_head(n), *s;
	int t;

	if (head == NULL) {
		incomplete(c, n, "a top-level value that is not a form");
		return 0;
	}
	if (strcmp(head, "version") == 0)
		return compile_version(c, n);
	if (strcmp(head, "allow") == 0 || strcmp(head, "deny") == 0)
		return compile_rule(c, n, strcmp(head, "allow") == 0);
	if (strcmp(head, "define") == 0 || strcmp(head, "define-once") == 0)
		return compile_define(c, n);
	if (strcmp(head, "debug") == 0)
		return 0;	/* a no-op in version 1 */
	if (strcmp(head, "begin") == 0)
		return compile_body(c, n, 1);
	if ((strcmp(head, "if") == 0 && (n->n == 3 || n->n == 4)) ||
	    ((strcmp(head, "when") == 0 || strcmp(head, "unless") == 0) &&
	    n->n >= 2)) {
		if ((t = truth(c, n->kids[1])) == -1) {
			incomplete(c, n, "a condition the evaluator cannot "
			    "decide");
			return 0;
		}
		if (head[0] == 'u')
			t = !t;
		if (head[0] != 'i')
			return t ? compile_body(c, n, 2) : 0;
		if (t)
			return compile_form(c, n->kids[2]);
		return n->n == 4 ? compile_form(c, n->kids[3]) : 0;
	}
	if (strcmp(head, "import") == 0) {
		incomplete(c, n, "an import of another profile");
		return 0;
	}
	if (lookup(c, head) != NULL) {
		incomplete(c, n, "a call of a function the profile defines");
		return 0;
	}
	if (is_scheme_builtin(head)) {
		incomplete(c, n, "a Scheme form the evaluator does not follow");
		return 0;
	}
	/* Anything else is a name the interpreter does not have: sandbox-exec
	 * stops at it ("unbound variable"). */
	if ((s = sbpl_suggest(head, SBPL_N_OPERATION)) != NULL)
		return error(c, n, "unknown-form", "unbound variable %s (an "
		    "operation, %s, cannot stand first in a form)", head, s);
	if (strncmp(head, "al", 2) == 0 || strncmp(head, "de", 2) == 0)
		return error(c, n, "unknown-form", "unbound variable %s (did "
		    "you mean %s?)", head, head[0] == 'a' ? "allow" : "deny");
	return error(c, n, "unknown-form", "unbound variable %s", head);
}

/* --- the policy ----------------------------------------------------------- */

static void
index_rules(struct sbpl_policy *pol)
{
	struct sbpl_oprules *o;
	size_t i;

	pol->ops = xcalloc(sbpl_op_count(), sizeof *pol->ops);
	for (i = 0; i < sbpl_op_count(); i++)
		pol->ops[i].unfiltered = SIZE_MAX;
	for (i = 0; i < pol->nrules; i++) {
		o = &pol->ops[pol->rules[i].op];
		if (pol->rules[i].filter == NULL) {
			if (o->nunfiltered > 0 &&
			    pol->rules[o->unfiltered].allow !=
			    pol->rules[i].allow)
				o->unfiltered_mixed = true;
			o->unfiltered = i;
			o->nunfiltered++;
			continue;
		}
		o->filtered = grow(o->filtered, o->nfiltered,
		    sizeof *o->filtered);
		o->filtered[o->nfiltered++] = i;
	}
}

int
sbpl_compile(struct sbpl_policy *pol, const struct sbpl_doc *doc,
    const struct sbpl_def *defs, size_t ndefs, struct sb_error *err)
{
	return sbpl_compile_flags(pol, doc, defs, ndefs, 0, err);
}

int
sbpl_compile_flags(struct sbpl_policy *pol, const struct sbpl_doc *doc,
    const struct sbpl_def *defs, size_t ndefs, unsigned flags,
    struct sb_error *err)
{
	struct comp c;
	size_t i;

	memset(pol, 0, sizeof *pol);
	pol->lazy_regex = (flags & SBPL_COMPILE_LAZY_REGEX) != 0;
	pol->doc = doc;
	pol->defs = defs;
	pol->ndefs = ndefs;
	memset(&c, 0, sizeof c);
	c.pol = pol;
	c.err = err;
	strmap_init(&c.defs);
	strmap_reserve(&c.defs, ndefs);
	for (i = 0; i < ndefs; i++)
		*strmap_put(&c.defs, defs[i].key, strlen(defs[i].key),
		    hash_bytes(defs[i].key, strlen(defs[i].key)), NULL) = i;
	for (i = 0; i < doc->nforms; i++)
		(void)compile_form(&c, doc->forms[i]);
	if (!pol->has_version)
		sbpl_diag_add(pol, SBPL_ERROR, NULL, "version",
		    "no version specified: (version 1) must come first");
	free(c.env);
	strmap_clear(&c.defs);
	index_rules(pol);
	for (i = 0; i < pol->ndiags; i++) {
		if (pol->diags[i].severity == SBPL_ERROR) {
			sb_error_set(err, SB_EINVAL, "%s:%zu:%zu: %s",
			    doc->name, pol->diags[i].line, pol->diags[i].col,
			    pol->diags[i].msg);
			return -1;
		}
	}
	return 0;
}

void
sbpl_policy_clear(struct sbpl_policy *pol)
{
	struct sbpl_filter *f;
	size_t i, j;

	for (i = 0; i < pol->nfilters; i++) {
		f = pol->filters[i];
		for (j = 0; j < f->nvalues; j++) {
			if (f->values[j].re_state == RE_READY)
				regfree(&f->values[j].re);
		}
		free(f->values);
		free(f->kids);
		free(f);
	}
	free(pol->filters);
	for (i = 0; i < pol->nstrings; i++)
		free(pol->strings[i]);
	free(pol->strings);
	for (i = 0; pol->ops != NULL && i < sbpl_op_count(); i++)
		free(pol->ops[i].filtered);
	free(pol->ops);
	for (i = 0; i < pol->ndiags; i++)
		free(pol->diags[i].msg);
	free(pol->diags);
	free(pol->rules);
	memset(pol, 0, sizeof *pol);
}

