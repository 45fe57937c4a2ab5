/* SPDX-License-Identifier: ISC */
/* checks.c: the access checks typed in the TUI, asked of the preview. */
#include "config.h"

#include "checks.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "launch.h"
#include "sbpl-ops.h"
#include "shquote.h"
#include "xmalloc.h"

/* Past this, a rule is shown by its head and the filter that matched. */
#define RULE_SHOW	100

void
ui_checks_init(struct ui_checks *cs)
{
	memset(cs, 0, sizeof *cs);
}

static void
forget_profile(struct ui_checks *cs)
{
	if (cs->state == 1)
		explain_profile_clear(&cs->pr);
	free(cs->defs);
	free(cs->defv);
	free(cs->error);
	cs->defs = NULL;
	cs->defv = NULL;
	cs->error = NULL;
	cs->state = 0;
}

static void
check_free(struct ui_check *c)
{
	free(c->text);
	free(c->why);
	memset(c, 0, sizeof *c);
}

void
ui_checks_clear(struct ui_checks *cs)
{
	size_t i;

	for (i = 0; i < cs->n; i++)
		check_free(&cs->v[i]);
	forget_profile(cs);
	memset(cs, 0, sizeof *cs);
}

/*
 * Compiles the profile text once. It is read as a hand-written profile
 * with the generator's -D values: the same rules and lines, and no search
 * for a fix, which asks the generator again for every candidate and is
 * far too slow for every key press.
 */
static int
compile(struct ui_checks *cs, struct sb_error *err)
{
	const struct gen_result *g = cs->gen;
	struct sb_error e;
	size_t i, len = 0;
	char *p;

	if (cs->state == 1)
		return 0;
	if (cs->state == -1) {
		sb_error_set(err, SB_EINVAL, "%s", cs->error);
		return -1;
	}
	if (cs->text == NULL || g == NULL) {
		sb_error_set(err, SB_EINVAL, "cannot check: the policy does "
		    "not generate");
		return -1;
	}
	/* explain_load_text takes KEY=VALUE strings, split in place. */
	for (i = 0; i < g->nparams; i++)
		len += strlen(g->params[i].key) +
		    strlen(g->params[i].value) + 2;
	cs->defs = p = xmalloc(len + 1);
	cs->defv = xcalloc(g->nparams + 1, sizeof *cs->defv);
	for (i = 0; i < g->nparams; i++) {
		cs->defv[i] = p;
		len = strlen(g->params[i].key);
		memcpy(p, g->params[i].key, len);
		p += len;
		*p++ = '=';
		len = strlen(g->params[i].value);
		memcpy(p, g->params[i].value, len + 1);
		p += len + 1;
	}
	sb_error_init(&e);
	if (explain_load_text(&cs->pr, "(generated)", xstrdup(cs->text),
	    strlen(cs->text), cs->defv, g->nparams, cs->ctx, &e) == -1) {
		explain_profile_clear(&cs->pr);
		cs->state = -1;
		xasprintf(&cs->error, "cannot check: %s", e.msg);
		sb_error_set(err, SB_EINVAL, "%s", cs->error);
		return -1;
	}
	cs->state = 1;
	return 0;
}

/* Appends s[off..end) with each run of blanks made one space, cut (on a
 * character boundary) with "..." after about max bytes. */
static void
put_flat(struct buf *b, const char *s, size_t off, size_t end, size_t max)
{
	size_t out = 0;
	bool blank = false;
	unsigned char c;

	for (; off < end; off++) {
		c = (unsigned char)s[off];
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			blank = true;
			continue;
		}
		if (out >= max && (c & 0xc0) != 0x80) {
			buf_puts(b, "...");
			return;
		}
		if (blank && out > 0) {
			buf_putc(b, ' ');
			out++;
		}
		blank = false;
		buf_putc(b, (char)c);
		out++;
	}
}

/* Whether s[off..end) holds anything but blanks. */
static bool
has_text(const char *s, size_t off, size_t end)
{
	for (; off < end; off++) {
		if (strchr(" \t\r\n", s[off]) == NULL)
			return true;
	}
	return false;
}

/*
 * A rule on one line: whole when short, else its head ("(allow
 * file-write*") and the filter that matched, so that a rule of a hundred
 * roots still says which one.
 */
static void
put_rule(struct buf *b, const char *s, const struct sbpl_node *form,
    const struct sbpl_node *matched)
{
	size_t head;

	if (form->end - form->off <= RULE_SHOW) {
		put_flat(b, s, form->off, form->end, RULE_SHOW);
		return;
	}
	head = form->n >= 2 ? form->kids[1]->end : form->off + 1;
	put_flat(b, s, form->off, head, RULE_SHOW);
	if (matched != NULL && matched != form && matched->off >= head) {
		buf_puts(b, has_text(s, head, matched->off) ? " ... " : " ");
		put_flat(b, s, matched->off, matched->end, RULE_SHOW);
	}
	buf_puts(b, " ...)");
}

/* Which of the operations asked decided: the first that gave the verdict;
 * for allowed (all did) the last, the verb's own operation. */
static size_t
deciding(const struct explain *x)
{
	size_t i;

	if (x->verdict == SBPL_ALLOWED)
		return x->nchecks > 0 ? x->nchecks - 1 : 0;
	for (i = 0; i < x->nchecks; i++) {
		if (x->checks[i].a.verdict == x->verdict)
			return i;
	}
	return 0;
}

static const char *
no_rule(const struct sbpl_answer *a)
{
	switch (a->how) {
	case SBPL_BY_TERMINAL:
		return "by the operation's own default (no rule applies)";
	case SBPL_BY_NO_DEFAULT:
		return "by no rule at all (no (deny default))";
	default:
		break;
	}
	return "by no rule";
}

/* Fills c's answer from x: the verdict, what the status line says of it
 * and the deciding rule. */
static void
describe(struct ui_check *c, const struct explain *x,
    const struct explain_profile *pr)
{
	size_t d = deciding(x);
	const struct sbpl_answer *a = &x->checks[d].a;
	const struct sbpl_node *rule = NULL;
	const char *s = pr->text;
	struct buf b;

	buf_init(&b);
	buf_puts(&b, sbpl_verdict_name(x->verdict));
	if (x->verdict == SBPL_UNDECIDABLE && a->nmaybe > 0) {
		rule = a->maybe[0]->form;
		buf_printf(&b, ": line %zu may apply (it would %s), which "
		    "cannot be known from outside: ", rule->line,
		    a->maybe[0]->allow ? "allow" : "deny");
		put_rule(&b, s, rule, a->maybe_why[0]);
	} else if (x->verdict == SBPL_UNDECIDABLE && a->incomplete &&
	    pr->pol.incomplete != NULL) {
		rule = pr->pol.incomplete;
		buf_printf(&b, ": line %zu has %s", rule->line,
		    pr->pol.incomplete_why);
	} else if (a->rule != NULL) {
		rule = a->rule->form;
		buf_printf(&b, "%s line %zu", x->verdict == SBPL_UNDECIDABLE ?
		    " (when nothing uncertain applies: decided by" : " by",
		    rule->line);
		if (d + 1 < x->nchecks)
			buf_printf(&b, " for %s",
			    sbpl_op_at(x->checks[d].q.op)->name);
		buf_puts(&b, x->verdict == SBPL_UNDECIDABLE ? "): " : ": ");
		put_rule(&b, s, rule, a->matched);
	} else {
		buf_printf(&b, " %s", no_rule(a));
		if (d + 1 < x->nchecks)
			buf_printf(&b, " for %s",
			    sbpl_op_at(x->checks[d].q.op)->name);
	}
	/* What took it out of a rule that would have allowed it: a
	 * protected name, most often. */
	if (x->verdict == SBPL_DENIED && x->checks[d].near != NULL &&
	    x->checks[d].except != NULL) {
		buf_printf(&b, "; line %zu would %s it but for ",
		    x->checks[d].near->form->line,
		    x->checks[d].near->allow ? "allow" : "deny");
		put_flat(&b, s, x->checks[d].except->off,
		    x->checks[d].except->end, RULE_SHOW);
	}
	free(c->why);
	c->why = buf_take(&b);
	c->verdict = x->verdict;
	c->rule_off = rule != NULL ? rule->off : SIZE_MAX;
	c->rule_end = rule != NULL ? rule->end : SIZE_MAX;
	c->asked = true;
}

/* Asks text of the compiled profile into c (its text aside). */
static int
ask(struct ui_checks *cs, struct ui_check *c, const char *text,
    struct sb_error *err)
{
	struct explain x;
	struct sb_error e;
	const char *msg;
	char **argv;
	size_t n;

	/* Words as on explain's command line, so a quoted target and what
	 * Tab completes read the same. */
	sb_error_init(&e);
	if (text[strspn(text, " \t")] == '\0' ||
	    (argv = shquote_split(text, &e)) == NULL) {
		msg = strncmp(e.msg, "command: ", 9) == 0 ? e.msg + 9 : NULL;
		sb_error_set(err, SB_EINVAL, "check: %s", msg != NULL ? msg :
		    "VERB TARGET, as sbpolicy explain takes them (read "
		    "~/.ssh/id_ed25519)");
		return -1;
	}
	for (n = 0; argv[n] != NULL; n++)
		continue;
	if (n > 2) {
		sb_error_set(err, SB_EINVAL, "a check is VERB TARGET (read "
		    "~/.ssh/id_ed25519): quote a target with blanks");
		launch_argv_free(argv);
		return -1;
	}
	if (compile(cs, err) == -1 ||
	    explain_ask(&x, &cs->pr, argv[0], argv[1], err) == -1) {
		launch_argv_free(argv);
		return -1;
	}
	describe(c, &x, &cs->pr);
	explain_clear(&x);
	launch_argv_free(argv);
	return 0;
}

size_t
ui_checks_ask(struct ui_checks *cs, const char *text,
    const struct gen_result *gen, const struct gen_ctx *ctx, bool changed,
    size_t *first)
{
	struct sb_error err;
	struct ui_check *c;
	enum sbpl_verdict before;
	bool had;
	size_t i, flips = 0;

	*first = SIZE_MAX;
	/* The same text compiled (or refused) already: the profile holds
	 * its own copies of the text and the -D values. */
	if (text == NULL || changed)
		forget_profile(cs);
	cs->text = text;
	cs->gen = gen;
	cs->ctx = ctx;
	for (i = 0; text != NULL && i < cs->n; i++) {
		c = &cs->v[i];
		had = c->asked;
		before = c->verdict;
		sb_error_init(&err);
		if (ask(cs, c, c->text, &err) == -1) {
			free(c->why);
			c->why = xstrdup(err.msg);
			c->asked = c->flipped = false;
			c->rule_off = c->rule_end = SIZE_MAX;
			continue;
		}
		if (had && c->verdict != before) {
			c->was = before;
			c->flipped = true;
			if (flips++ == 0)
				*first = i;
		} else if (changed)
			c->flipped = false;
	}
	return flips;
}

int
ui_checks_put(struct ui_checks *cs, const char *text, bool replace,
    size_t index, struct sb_error *err)
{
	struct ui_check c;
	char show[SB_SHOW_MAX];
	size_t i;

	if (!replace && cs->n >= UI_CHECKS_MAX) {
		sb_error_set(err, SB_ELIMIT, "at most %d checks: d removes "
		    "one", UI_CHECKS_MAX);
		return -1;
	}
	for (i = 0; i < cs->n; i++) {
		if ((!replace || i != index) && strcmp(cs->v[i].text,
		    text) == 0) {
			sb_error_set(err, SB_EINVAL, "check: already in the "
			    "list: %s", sb_show(show, sizeof show, text));
			return -1;
		}
	}
	memset(&c, 0, sizeof c);
	if (ask(cs, &c, text, err) == -1) {
		free(c.why);
		return -1;
	}
	c.text = xstrdup(text);
	if (replace) {
		check_free(&cs->v[index]);
		cs->v[index] = c;
	} else
		cs->v[cs->n++] = c;
	return 0;
}

void
ui_checks_remove(struct ui_checks *cs, size_t i)
{
	if (i >= cs->n)
		return;
	check_free(&cs->v[i]);
	memmove(&cs->v[i], &cs->v[i + 1], (cs->n - i - 1) * sizeof *cs->v);
	cs->n--;
	memset(&cs->v[cs->n], 0, sizeof cs->v[cs->n]);
}

char *
ui_check_verdict_new(const struct ui_check *c)
{
	char *s;

	if (!c->asked)
		return xstrdup("error");
	if (!c->flipped)
		return xstrdup(sbpl_verdict_name(c->verdict));
	xasprintf(&s, "%s -> %s", sbpl_verdict_name(c->was),
	    sbpl_verdict_name(c->verdict));
	return s;
}
