/* SPDX-License-Identifier: ISC */
/* test_sbpl_eval.c: the SBPL evaluator against SBPL-FACTS: precedence
 * (§2.2), the operation hierarchy (§2.3), terminal operations (§2.4),
 * filters (§4), parameters (§1.7), compile errors, and a randomized
 * comparison with a reference model of §2.2. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "buf.h"
#include "sbpl-eval.h"
#include "sbpl-ops.h"
#include "sbpl-read.h"

#define V	"(version 1)\n"

/* The line of the deciding rule: not checked, or no rule at all. */
#define ANY	((size_t)0)
#define NORULE	((size_t)-1)

/* What one decision gave, kept past the policy's life. */
struct got {
	enum sbpl_verdict	 verdict;
	size_t			 line;	/* of the deciding rule; 0: none */
	enum sbpl_how		 how;
	size_t			 nmaybe;
	size_t			 maybe_line;	/* of the first maybe rule */
	bool			 uncertain_terminal;
	bool			 incomplete;
};

static int
op(const char *name)
{
	int	i;

	i = sbpl_op_lookup(name, NULL);
	if (i < 0)
		fail_msg("unknown operation %s", name);
	return i;
}

static struct sbpl_query
q_path(const char *opname, const char *path)
{
	struct sbpl_query	q;

	memset(&q, 0, sizeof q);
	q.op = op(opname);
	q.kind = SBPL_Q_PATH;
	q.path = path;
	return q;
}

static struct sbpl_query
q_vnode(const char *opname, const char *path, const char *vnode)
{
	struct sbpl_query	q;

	q = q_path(opname, path);
	q.vnode = vnode;
	return q;
}

static struct sbpl_query
q_unix(const char *opname, const char *path, bool local)
{
	struct sbpl_query	q;

	memset(&q, 0, sizeof q);
	q.op = op(opname);
	q.kind = SBPL_Q_UNIX;
	q.path = path;
	q.local = local;
	return q;
}

/* An IPv4 connect to a peer (or, local, a bind of our own address). */
static struct sbpl_query
q_ip(const char *opname, enum sbpl_proto proto, bool loopback, unsigned port,
    bool local)
{
	struct sbpl_query	q;

	memset(&q, 0, sizeof q);
	q.op = op(opname);
	q.kind = SBPL_Q_IP;
	q.proto = proto;
	q.family = 4;
	q.loopback = loopback;
	q.port = port;
	q.local = local;
	return q;
}

static struct sbpl_query
q_name(const char *opname, const char *name)
{
	struct sbpl_query	q;

	memset(&q, 0, sizeof q);
	q.op = op(opname);
	q.kind = SBPL_Q_NAME;
	q.name = name;
	return q;
}

static struct sbpl_query
q_sock(const char *domain, long protocol)
{
	struct sbpl_query	q;

	memset(&q, 0, sizeof q);
	q.op = op("system-socket");
	q.kind = SBPL_Q_SOCKET;
	q.domain = domain;
	q.type = "SOCK_STREAM";
	q.protocol = protocol;
	return q;
}

static struct sbpl_query
q_none(const char *opname)
{
	struct sbpl_query	q;

	memset(&q, 0, sizeof q);
	q.op = op(opname);
	q.kind = SBPL_Q_NONE;
	return q;
}

/* Compiles text with defs (which must succeed) and decides q. */
static void
decide_defs(const char *text, const struct sbpl_def *defs, size_t ndefs,
    const struct sbpl_query *q, struct got *g)
{
	struct sbpl_doc		doc;
	struct sbpl_policy	pol;
	struct sbpl_answer	a;
	struct sb_error		err;

	sb_error_init(&err);
	if (sbpl_read(&doc, "t.sb", text, strlen(text), &err) == -1)
		fail_msg("read: %s\n%s", err.msg, text);
	if (sbpl_compile(&pol, &doc, defs, ndefs, &err) == -1)
		fail_msg("compile: %s\n%s", err.msg, text);
	memset(&a, 0, sizeof a);
	sbpl_decide(&pol, q, &a);
	memset(g, 0, sizeof *g);
	g->verdict = a.verdict;
	g->line = a.rule != NULL ? a.rule->form->line : 0;
	g->how = a.how;
	g->nmaybe = a.nmaybe;
	if (a.nmaybe > 0 && a.maybe[0] != NULL)
		g->maybe_line = a.maybe[0]->form->line;
	g->uncertain_terminal = a.uncertain_terminal;
	g->incomplete = a.incomplete;
	sbpl_policy_clear(&pol);
	sbpl_doc_clear(&doc);
}

static void
check_got(const struct got *g, enum sbpl_verdict want, size_t line)
{
	assert_string_equal(sbpl_verdict_name(g->verdict),
	    sbpl_verdict_name(want));
	if (line == NORULE)
		assert_int_equal(g->line, 0);
	else if (line != ANY)
		assert_int_equal(g->line, line);
}

/* Asserts the verdict of q under text, and the deciding rule's line. */
static void
expect(const char *text, struct sbpl_query q, enum sbpl_verdict want,
    size_t line)
{
	struct got	g;

	decide_defs(text, NULL, 0, &q, &g);
	check_got(&g, want, line);
}

static void
expect_defs(const char *text, const struct sbpl_def *defs, size_t ndefs,
    struct sbpl_query q, enum sbpl_verdict want, size_t line)
{
	struct got	g;

	decide_defs(text, defs, ndefs, &q, &g);
	check_got(&g, want, line);
}

/* The error of compiling text, which must fail: err's message, then every
 * error diagnostic's, one a line. */
static const char *
compile_error(const char *text, const struct sbpl_def *defs, size_t ndefs)
{
	static char		 msg[8192];
	struct sbpl_doc		 doc;
	struct sbpl_policy	 pol;
	struct sb_error		 err;
	size_t			 i, len;

	sb_error_init(&err);
	if (sbpl_read(&doc, "t.sb", text, strlen(text), &err) == -1)
		fail_msg("read: %s\n%s", err.msg, text);
	if (sbpl_compile(&pol, &doc, defs, ndefs, &err) != -1)
		fail_msg("compiled, but should not have:\n%s", text);
	assert_true(pol.nerrors > 0);
	snprintf(msg, sizeof msg, "%s", err.msg);
	for (i = 0; i < pol.ndiags; i++) {
		if (pol.diags[i].severity != SBPL_ERROR)
			continue;
		len = strlen(msg);
		snprintf(msg + len, sizeof msg - len, "\n%s",
		    pol.diags[i].msg);
	}
	sbpl_policy_clear(&pol);
	sbpl_doc_clear(&doc);
	return msg;
}

static void
assert_has(const char *msg, const char *want)
{
	if (strstr(msg, want) == NULL)
		fail_msg("\"%s\" not in \"%s\"", want, msg);
}

/* --- §2.2 precedence -------------------------------------------------- */

static void
eval_last_filtered_deny_wins(void **state)
{
	(void)state;
	expect(V
	    "(allow file-write* (subpath \"/d\"))\n"
	    "(deny file-write* (literal \"/d/f\"))\n",
	    q_path("file-write-data", "/d/f"), SBPL_DENIED, 3);
}

static void
eval_last_filtered_allow_wins(void **state)
{
	(void)state;
	expect(V
	    "(deny file-write* (literal \"/d/f\"))\n"
	    "(allow file-write* (subpath \"/d\"))\n",
	    q_path("file-write-data", "/d/f"), SBPL_ALLOWED, 3);
}

static void
eval_deeper_allow_after_shallow_deny(void **state)
{
	static const char	text[] = V
	    "(deny file-read* (subpath \"/u\"))\n"
	    "(allow file-read* (subpath \"/u/me/p\"))\n";
	struct got		g;
	struct sbpl_query	q;

	(void)state;
	expect(text, q_path("file-read-data", "/u/me/p/x"), SBPL_ALLOWED, 3);
	q = q_path("file-read-data", "/u/other");
	decide_defs(text, NULL, 0, &q, &g);
	check_got(&g, SBPL_DENIED, 2);
	assert_int_equal(g.how, SBPL_BY_FILTERED);
}

static void
eval_unfiltered_after_filtered_does_not_override(void **state)
{
	static const char	text[] = V
	    "(allow file-read* (subpath \"/a\"))\n"
	    "(deny file-read*)\n";
	struct got		g;
	struct sbpl_query	q;

	(void)state;
	q = q_path("file-read-data", "/a/x");
	decide_defs(text, NULL, 0, &q, &g);
	check_got(&g, SBPL_ALLOWED, 2);
	assert_int_equal(g.how, SBPL_BY_FILTERED);
	q = q_path("file-read-data", "/b");
	decide_defs(text, NULL, 0, &q, &g);
	check_got(&g, SBPL_DENIED, 3);
	assert_int_equal(g.how, SBPL_BY_UNFILTERED);
}

static void
eval_unfiltered_before_filtered_is_the_default(void **state)
{
	(void)state;
	expect(V
	    "(deny file-read*)\n"
	    "(allow file-read* (subpath \"/a\"))\n",
	    q_path("file-read-data", "/a/x"), SBPL_ALLOWED, 3);
}

static void
eval_unfiltered_allow_after_filtered_deny(void **state)
{
	(void)state;
	expect(V
	    "(deny file-read* (subpath \"/a\"))\n"
	    "(allow file-read*)\n",
	    q_path("file-read-data", "/a/x"), SBPL_DENIED, 2);
}

static void
eval_unfiltered_network_deny_keeps_unix_allow(void **state)
{
	(void)state;
	/* MXC #754's case, §2.2 item 2. */
	expect(V
	    "(allow network-outbound (remote unix-socket"
	    " (subpath \"/private/tmp/p\")))\n"
	    "(deny network-outbound)\n",
	    q_unix("network-outbound", "/private/tmp/p/s", false),
	    SBPL_ALLOWED, 2);
}

static void
eval_child_op_allow_beats_later_parent_deny(void **state)
{
	(void)state;
	expect(V
	    "(allow file-read-data (subpath \"/x\"))\n"
	    "(deny file-read* (subpath \"/x\"))\n",
	    q_path("file-read-data", "/x/f"), SBPL_ALLOWED, 2);
}

static void
eval_child_op_allow_beats_earlier_parent_deny(void **state)
{
	(void)state;
	expect(V
	    "(deny file-read* (subpath \"/x\"))\n"
	    "(allow file-read-data (subpath \"/x\"))\n",
	    q_path("file-read-data", "/x/f"), SBPL_ALLOWED, 3);
}

static void
eval_sibling_op_falls_to_parent_rule(void **state)
{
	(void)state;
	expect(V
	    "(allow file-read-data (subpath \"/x\"))\n"
	    "(deny file-read* (subpath \"/x\"))\n",
	    q_path("file-read-metadata", "/x/f"), SBPL_DENIED, 3);
}

static void
eval_child_deny_not_undone_by_later_parent_allow(void **state)
{
	(void)state;
	expect(V
	    "(deny file-write-unlink (subpath \"/a\"))\n"
	    "(allow file-write* (subpath \"/a\"))\n",
	    q_path("file-write-unlink", "/a/x"), SBPL_DENIED, 2);
}

static void
eval_child_unfiltered_beats_parent_filtered(void **state)
{
	(void)state;
	/* The operation's own unfiltered rule comes before its parent. */
	expect(V
	    "(allow file-read* (subpath \"/a\"))\n"
	    "(deny file-read-data)\n",
	    q_path("file-read-data", "/a/x"), SBPL_DENIED, 3);
	expect(V
	    "(deny file* (subpath \"/a\"))\n"
	    "(allow file-read-data)\n",
	    q_path("file-read-data", "/a/x"), SBPL_ALLOWED, 3);
}

static void
eval_grandparent_rule_applies(void **state)
{
	(void)state;
	expect(V
	    "(deny default)\n"
	    "(allow file* (subpath \"/a\"))\n",
	    q_path("file-read-data", "/a/x"), SBPL_ALLOWED, 3);
}

static void
eval_deny_default_position_is_irrelevant(void **state)
{
	static const char	text[] = V
	    "(allow file-read* (subpath \"/a\"))\n"
	    "(deny default)\n";

	(void)state;
	expect(text, q_path("file-read-data", "/a/x"), SBPL_ALLOWED, 2);
	expect(text, q_path("file-read-data", "/b"), SBPL_DENIED, 3);
}

static void
eval_allow_default_with_op_deny(void **state)
{
	static const char	text[] = V
	    "(allow default)\n"
	    "(deny file-write*)\n";

	(void)state;
	expect(text, q_path("file-write-data", "/a"), SBPL_DENIED, 3);
	expect(text, q_path("file-read-data", "/a"), SBPL_ALLOWED, 2);
}

static void
eval_deny_default_denies_what_no_rule_names(void **state)
{
	(void)state;
	expect(V "(deny default)\n", q_path("file-read-data", "/a"),
	    SBPL_DENIED, 2);
	expect(V "(deny default)\n", q_none("signal"), SBPL_DENIED, 2);
}

static void
eval_no_default_at_all_allows(void **state)
{
	static const char	text[] = V
	    "(deny file-read* (subpath \"/a\"))\n";
	struct got		g;
	struct sbpl_query	q;

	(void)state;
	q = q_path("file-read-data", "/b");
	decide_defs(text, NULL, 0, &q, &g);
	check_got(&g, SBPL_ALLOWED, NORULE);
	assert_int_equal(g.how, SBPL_BY_NO_DEFAULT);
	expect(text, q_path("file-read-data", "/a/b"), SBPL_DENIED, 2);
}

static void
eval_several_ops_in_one_rule(void **state)
{
	static const char	text[] = V
	    "(deny default)\n"
	    "(allow file-read-data file-write-data (literal \"/x\"))\n";

	(void)state;
	expect(text, q_path("file-read-data", "/x"), SBPL_ALLOWED, 3);
	expect(text, q_path("file-write-data", "/x"), SBPL_ALLOWED, 3);
	expect(text, q_path("file-write-create", "/x"), SBPL_DENIED, 2);
}

/* --- §2.4 terminal operations ------------------------------------------ */

static void
eval_process_info_not_covered_by_deny_default(void **state)
{
	struct got		g;
	struct sbpl_query	q;

	(void)state;
	q = q_none("process-info*");
	decide_defs(V "(deny default)\n", NULL, 0, &q, &g);
	check_got(&g, SBPL_ALLOWED, NORULE);
	assert_int_equal(g.how, SBPL_BY_TERMINAL);
	assert_true(g.uncertain_terminal);
	q = q_none("process-info-pidinfo");
	decide_defs(V "(deny default)\n", NULL, 0, &q, &g);
	check_got(&g, SBPL_ALLOWED, NORULE);
	assert_true(g.uncertain_terminal);
}

static void
eval_file_test_existence_not_covered_by_deny_default(void **state)
{
	struct got		g;
	struct sbpl_query	q;

	(void)state;
	q = q_path("file-test-existence", "/secret");
	decide_defs(V "(deny default)\n", NULL, 0, &q, &g);
	check_got(&g, SBPL_ALLOWED, NORULE);
	assert_int_equal(g.how, SBPL_BY_TERMINAL);
	assert_true(g.uncertain_terminal);
}

static void
eval_terminal_op_denied_explicitly(void **state)
{
	static const char	text[] = V
	    "(deny default)\n"
	    "(deny process-info*)\n";

	(void)state;
	expect(text, q_none("process-info*"), SBPL_DENIED, 3);
	expect(text, q_none("process-info-pidinfo"), SBPL_DENIED, 3);
}

static void
eval_terminal_deny_op_under_allow_default(void **state)
{
	struct got		g;
	struct sbpl_query	q;

	(void)state;
	q = q_path("file-write-setugid", "/a");
	decide_defs(V "(allow default)\n", NULL, 0, &q, &g);
	check_got(&g, SBPL_DENIED, NORULE);
	assert_true(g.uncertain_terminal);
}

static void
eval_parent_rule_does_not_reach_past_a_terminal_op(void **state)
{
	struct got		g;
	struct sbpl_query	q;

	(void)state;
	/* §2.2's algorithm stops at a terminal operation's own default. */
	q = q_none("process-info-pidinfo");
	decide_defs(V "(deny default)\n(deny process*)\n", NULL, 0, &q, &g);
	check_got(&g, SBPL_ALLOWED, NORULE);
	assert_true(g.uncertain_terminal);
	q = q_path("file-test-existence", "/a");
	decide_defs(V "(deny default)\n(deny file* (subpath \"/\"))\n", NULL, 0,
	    &q, &g);
	check_got(&g, SBPL_ALLOWED, NORULE);
}


static void
eval_process_info_target(void **state)
{
	static const char	text[] = V
	    "(deny default)\n"
	    "(deny process-info*)\n"
	    "(allow process-info* (target self))\n";
	struct sbpl_query	q;

	(void)state;
	/* WebKit: "process-info* defaults to allow; deny it and then
	 * allow ..." */
	q = q_none("process-info-pidinfo");
	q.target = "self";
	expect(text, q, SBPL_ALLOWED, 4);
	q.target = "others";
	expect(text, q, SBPL_DENIED, 3);
	q.target = NULL;
	expect(text, q, SBPL_UNDECIDABLE, ANY);
}

/* --- §4.1 path filters ------------------------------------------------- */

static void
eval_subpath_is_component_wise(void **state)
{
	static const char	text[] = V
	    "(deny default)\n"
	    "(allow file-read* (subpath \"/tmp/a\"))\n";

	(void)state;
	expect(text, q_path("file-read-data", "/tmp/a"), SBPL_ALLOWED, 3);
	expect(text, q_path("file-read-data", "/tmp/a/b"), SBPL_ALLOWED, 3);
	expect(text, q_path("file-read-data", "/tmp/ab"), SBPL_DENIED, 2);
	expect(text, q_path("file-read-data", "/tmp"), SBPL_DENIED, 2);
}

static void
eval_subpath_of_root_matches_everything(void **state)
{
	static const char	text[] = V
	    "(deny default)\n"
	    "(allow file-read* (subpath \"/\"))\n";

	(void)state;
	expect(text, q_path("file-read-data", "/"), SBPL_ALLOWED, 3);
	expect(text, q_path("file-read-data", "/a/b"), SBPL_ALLOWED, 3);
}

static void
eval_literal_is_exact(void **state)
{
	static const char	text[] = V
	    "(deny default)\n"
	    "(allow file-read* (literal \"/a/b\"))\n";

	(void)state;
	expect(text, q_path("file-read-data", "/a/b"), SBPL_ALLOWED, 3);
	expect(text, q_path("file-read-data", "/a/b/c"), SBPL_DENIED, 2);
	expect(text, q_path("file-read-data", "/a/bc"), SBPL_DENIED, 2);
	expect(text, q_path("file-read-data", "/a"), SBPL_DENIED, 2);
}

static void
eval_prefix_is_string_wise(void **state)
{
	static const char	text[] = V
	    "(deny default)\n"
	    "(allow file-read* (prefix \"/tmp/a\"))\n";

	(void)state;
	expect(text, q_path("file-read-data", "/tmp/a"), SBPL_ALLOWED, 3);
	expect(text, q_path("file-read-data", "/tmp/ab"), SBPL_ALLOWED, 3);
	expect(text, q_path("file-read-data", "/tmp/a/x"), SBPL_ALLOWED, 3);
	expect(text, q_path("file-read-data", "/tmp/b"), SBPL_DENIED, 2);
}

static void
eval_regex_is_unanchored(void **state)
{
	static const char	text[] = V
	    "(deny default)\n"
	    "(allow file-read* (regex #\"/\\.CFUserTextEncoding$\"))\n"
	    "(allow file-read* (regex #\"/b\"))\n";

	(void)state;
	expect(text, q_path("file-read-data", "/Users/me/.CFUserTextEncoding"),
	    SBPL_ALLOWED, 3);
	expect(text, q_path("file-read-data", "/x/.CFUserTextEncodingX"),
	    SBPL_DENIED, 2);
	expect(text, q_path("file-read-data", "/a/b/c"), SBPL_ALLOWED, 4);
}

static void
eval_regex_anchored(void **state)
{
	static const char	text[] = V
	    "(deny default)\n"
	    "(allow file-read* (regex #\"^/b\"))\n";

	(void)state;
	expect(text, q_path("file-read-data", "/b/c"), SBPL_ALLOWED, 3);
	expect(text, q_path("file-read-data", "/a/b/c"), SBPL_DENIED, 2);
}

static void
eval_regex_dialect(void **state)
{
	static const char	text[] = V
	    "(deny default)\n"
	    "(allow file-read* (regex #\"^/v/[^/]+/(C|T)/x?y+$\"))\n";

	(void)state;
	expect(text, q_path("file-read-data", "/v/ab/T/yy"), SBPL_ALLOWED, 3);
	expect(text, q_path("file-read-data", "/v/ab/C/xy"), SBPL_ALLOWED, 3);
	expect(text, q_path("file-read-data", "/v/a/b/T/y"), SBPL_DENIED, 2);
	expect(text, q_path("file-read-data", "/v/ab/D/y"), SBPL_DENIED, 2);
	expect(text, q_path("file-read-data", "/v/ab/T/x"), SBPL_DENIED, 2);
}

static void
eval_multiple_values_are_or(void **state)
{
	static const char	text[] = V
	    "(deny default)\n"
	    "(allow file-read* (literal \"/a\" \"/b\"))\n";

	(void)state;
	expect(text, q_path("file-read-data", "/a"), SBPL_ALLOWED, 3);
	expect(text, q_path("file-read-data", "/b"), SBPL_ALLOWED, 3);
	expect(text, q_path("file-read-data", "/c"), SBPL_DENIED, 2);
}

static void
eval_several_filters_in_a_rule_are_or(void **state)
{
	static const char	text[] = V
	    "(deny default)\n"
	    "(allow file-read* (literal \"/a\") (subpath \"/b\"))\n";

	(void)state;
	expect(text, q_path("file-read-data", "/a"), SBPL_ALLOWED, 3);
	expect(text, q_path("file-read-data", "/b/c"), SBPL_ALLOWED, 3);
	expect(text, q_path("file-read-data", "/a/c"), SBPL_DENIED, 2);
}

static void
eval_require_all_with_require_not(void **state)
{
	static const char	text[] = V
	    "(deny default)\n"
	    "(allow file-read* (require-all (subpath \"/a\")\n"
	    "    (require-not (literal \"/a/secret\"))))\n";

	(void)state;
	expect(text, q_path("file-read-data", "/a/x"), SBPL_ALLOWED, 3);
	expect(text, q_path("file-read-data", "/a/secret"), SBPL_DENIED, 2);
	expect(text, q_path("file-read-data", "/b"), SBPL_DENIED, 2);
}

static void
eval_require_any(void **state)
{
	static const char	text[] = V
	    "(deny default)\n"
	    "(allow file-read* (require-any (literal \"/a\")"
	    " (prefix \"/b\")))\n";

	(void)state;
	expect(text, q_path("file-read-data", "/a"), SBPL_ALLOWED, 3);
	expect(text, q_path("file-read-data", "/bc"), SBPL_ALLOWED, 3);
	expect(text, q_path("file-read-data", "/c"), SBPL_DENIED, 2);
}

static void
eval_require_not_alone(void **state)
{
	static const char	text[] = V
	    "(allow default)\n"
	    "(deny file-write* (require-not (subpath \"/private/tmp\")))\n";

	(void)state;
	expect(text, q_path("file-write-data", "/etc/x"), SBPL_DENIED, 3);
	expect(text, q_path("file-write-data", "/private/tmp/x"),
	    SBPL_ALLOWED, 2);
}

static void
eval_combinators_nest(void **state)
{
	static const char	text[] = V
	    "(deny default)\n"
	    "(allow file-read* (require-any\n"
	    "    (require-all (subpath \"/a\")\n"
	    "        (require-not (prefix \"/a/x\")))\n"
	    "    (require-all (subpath \"/b\") (regex #\"\\.c$\"))))\n";

	(void)state;
	expect(text, q_path("file-read-data", "/a/y"), SBPL_ALLOWED, 3);
	expect(text, q_path("file-read-data", "/a/xy"), SBPL_DENIED, 2);
	expect(text, q_path("file-read-data", "/b/m.c"), SBPL_ALLOWED, 3);
	expect(text, q_path("file-read-data", "/b/m.h"), SBPL_DENIED, 2);
	expect(text, q_path("file-read-data", "/c/m.c"), SBPL_DENIED, 2);
}

static void
eval_path_filter_aliases(void **state)
{
	static const char	text[] = V
	    "(deny default)\n"
	    "(allow file-read* (path \"/a\"))\n"
	    "(allow file-read* (path-prefix \"/p\"))\n"
	    "(allow file-read* (path-regex #\"^/r/\"))\n";

	(void)state;
	expect(text, q_path("file-read-data", "/a"), SBPL_ALLOWED, 3);
	expect(text, q_path("file-read-data", "/a/b"), SBPL_DENIED, 2);
	expect(text, q_path("file-read-data", "/pq"), SBPL_ALLOWED, 4);
	expect(text, q_path("file-read-data", "/r/x"), SBPL_ALLOWED, 5);
}

/* --- dynamic and unknown filters: three values ------------------------- */

static void
eval_extension_makes_undecidable(void **state)
{
	static const char	text[] = V
	    "(deny default)\n"
	    "(allow file-read* (extension \"com.apple.app-sandbox.read\"))\n";
	struct got		g;
	struct sbpl_query	q;

	(void)state;
	q = q_path("file-read-data", "/x");
	decide_defs(text, NULL, 0, &q, &g);
	check_got(&g, SBPL_UNDECIDABLE, ANY);
	assert_true(g.nmaybe >= 1);
	assert_int_equal(g.maybe_line, 3);
}

static void
eval_extension_overridden_by_later_match(void **state)
{
	(void)state;
	expect(V
	    "(deny default)\n"
	    "(allow file-read* (extension \"x\"))\n"
	    "(deny file-read* (subpath \"/a\"))\n",
	    q_path("file-read-data", "/a/f"), SBPL_DENIED, 4);
}

static void
eval_extension_after_match_is_undecidable(void **state)
{
	(void)state;
	/* The extension rule is later: if it matches, it wins. */
	expect(V
	    "(deny file-read* (subpath \"/a\"))\n"
	    "(allow file-read* (extension \"x\"))\n",
	    q_path("file-read-data", "/a/f"), SBPL_UNDECIDABLE, ANY);
}

static void
eval_extension_with_non_matching_path_is_decided(void **state)
{
	(void)state;
	expect(V
	    "(deny default)\n"
	    "(allow file-read* (require-all (subpath \"/a\")"
	    " (extension \"x\")))\n",
	    q_path("file-read-data", "/b"), SBPL_DENIED, 2);
}

static void
eval_extension_that_cannot_change_the_answer(void **state)
{
	(void)state;
	/* Matching or not, the access is denied. */
	expect(V
	    "(deny default)\n"
	    "(deny file-read* (extension \"x\"))\n",
	    q_path("file-read-data", "/b"), SBPL_DENIED, ANY);
}

static void
eval_vnode_type(void **state)
{
	static const char	text[] = V
	    "(deny default)\n"
	    "(allow file-read* (vnode-type DIRECTORY))\n";

	(void)state;
	expect(text, q_vnode("file-read-data", "/a", NULL), SBPL_UNDECIDABLE,
	    ANY);
	expect(text, q_vnode("file-read-data", "/a", "DIRECTORY"),
	    SBPL_ALLOWED, 3);
	expect(text, q_vnode("file-read-data", "/a", "REGULAR-FILE"),
	    SBPL_DENIED, 2);
}

static void
eval_vnode_type_under_a_false_require_all(void **state)
{
	(void)state;
	expect(V
	    "(deny default)\n"
	    "(allow file-read* (require-all (subpath \"/a\")"
	    " (vnode-type DIRECTORY)))\n",
	    q_vnode("file-read-data", "/b", NULL), SBPL_DENIED, 2);
}

static void
eval_tty_is_vnode_type_tty(void **state)
{
	static const char	text[] = V
	    "(deny default)\n"
	    "(allow file-read* (tty))\n";

	(void)state;
	expect(text, q_vnode("file-read-data", "/dev/ttys001", "TTY"),
	    SBPL_ALLOWED, 3);
	expect(text, q_vnode("file-read-data", "/dev/null",
	    "CHARACTER-DEVICE"), SBPL_DENIED, 2);
}

/* --- §4.3 IP --------------------------------------------------------- */

static const char remote_ip_8080[] = V
    "(deny default)\n"
    "(allow network-outbound (remote ip \"localhost:8080\"))\n";

static void
eval_remote_ip_localhost_port(void **state)
{
	(void)state;
	expect(remote_ip_8080, q_ip("network-outbound", SBPL_PROTO_TCP, true,
	    8080, false), SBPL_ALLOWED, 3);
	expect(remote_ip_8080, q_ip("network-outbound", SBPL_PROTO_TCP, true,
	    8081, false), SBPL_DENIED, 2);
}

static void
eval_remote_ip_localhost_not_other_hosts(void **state)
{
	(void)state;
	expect(remote_ip_8080, q_ip("network-outbound", SBPL_PROTO_TCP, false,
	    8080, false), SBPL_DENIED, 2);
}

static void
eval_remote_ip_covers_udp(void **state)
{
	(void)state;
	expect(remote_ip_8080, q_ip("network-outbound", SBPL_PROTO_UDP, true,
	    8080, false), SBPL_ALLOWED, 3);
}

static void
eval_remote_tcp_not_udp(void **state)
{
	static const char	text[] = V
	    "(deny default)\n"
	    "(allow network-outbound (remote tcp \"localhost:8080\"))\n";

	(void)state;
	expect(text, q_ip("network-outbound", SBPL_PROTO_UDP, true, 8080,
	    false), SBPL_DENIED, 2);
	expect(text, q_ip("network-outbound", SBPL_PROTO_TCP, true, 8080,
	    false), SBPL_ALLOWED, 3);
}

static void
eval_remote_tcp_any(void **state)
{
	static const char	text[] = V
	    "(deny default)\n"
	    "(allow network-outbound (remote tcp \"*:*\"))\n";

	(void)state;
	expect(text, q_ip("network-outbound", SBPL_PROTO_TCP, false, 443,
	    false), SBPL_ALLOWED, 3);
	expect(text, q_ip("network-outbound", SBPL_PROTO_TCP, true, 1,
	    false), SBPL_ALLOWED, 3);
	expect(text, q_ip("network-outbound", SBPL_PROTO_UDP, false, 53,
	    false), SBPL_DENIED, 2);
}

static void
eval_remote_ip_without_address_is_any(void **state)
{
	static const char	text[] = V
	    "(deny default)\n"
	    "(allow network-outbound (remote ip))\n";

	(void)state;
	expect(text, q_ip("network-outbound", SBPL_PROTO_TCP, false, 443,
	    false), SBPL_ALLOWED, 3);
	expect(text, q_ip("network-outbound", SBPL_PROTO_UDP, false, 53,
	    false), SBPL_ALLOWED, 3);
}

static void
eval_remote_any_host_one_port(void **state)
{
	static const char	text[] = V
	    "(deny default)\n"
	    "(allow network-outbound (remote tcp \"*:443\"))\n";

	(void)state;
	expect(text, q_ip("network-outbound", SBPL_PROTO_TCP, false, 443,
	    false), SBPL_ALLOWED, 3);
	expect(text, q_ip("network-outbound", SBPL_PROTO_TCP, false, 80,
	    false), SBPL_DENIED, 2);
}

static void
eval_ip4_and_ip6_kinds(void **state)
{
	static const char	text[] = V
	    "(deny default)\n"
	    "(allow network-outbound (remote ip4 \"*:*\"))\n";
	struct sbpl_query	q;

	(void)state;
	q = q_ip("network-outbound", SBPL_PROTO_TCP, false, 443, false);
	expect(text, q, SBPL_ALLOWED, 3);
	q.family = 6;
	expect(text, q, SBPL_DENIED, 2);
	q.family = 0;
	expect(text, q, SBPL_UNDECIDABLE, ANY);
}

static void
eval_escaped_brace_is_a_plain_character(void **state)
{
	/* As the generator writes a deny-read of "/a{1}". */
	static const char	text[] = V
	    "(allow default)\n"
	    "(deny file-read* (regex \"^/a\\\\{1\\\\}(/.*)?$\"))\n";
	static const char	interval[] = V
	    "(allow default)\n"
	    "(deny file-read* (regex \"^/a{2}$\"))\n";
	static const char	bracket[] = V
	    "(allow default)\n"
	    "(deny file-read* (regex \"^/a[{]$\"))\n"
	    "(deny file-read* (regex \"^/b[[:digit:]]$\"))\n";

	(void)state;
	expect(text, q_path("file-read-data", "/a{1}"), SBPL_DENIED, 3);
	expect(text, q_path("file-read-data", "/a{1}/x"), SBPL_DENIED, 3);
	expect(text, q_path("file-read-data", "/a1"), SBPL_ALLOWED, 2);
	expect(text, q_path("file-read-data", "/etc/hosts"), SBPL_ALLOWED, 2);
	/* An interval is one of AppleMatch's unknowns: no answer. */
	expect(interval, q_path("file-read-data", "/aa"), SBPL_UNDECIDABLE,
	    ANY);
	/* In brackets a brace is plain; a [: class is not known. */
	expect(bracket, q_path("file-read-data", "/a{"), SBPL_DENIED, 3);
	expect(bracket, q_path("file-read-data", "/b1"), SBPL_UNDECIDABLE,
	    ANY);
}

static void
eval_local_ip_on_outbound_allows_egress(void **state)
{
	(void)state;
	/* §4.3: an outbound socket's local address is the wildcard. */
	expect(V
	    "(deny default)\n"
	    "(allow network-outbound (local ip \"*:*\"))\n",
	    q_ip("network-outbound", SBPL_PROTO_TCP, false, 443, false),
	    SBPL_ALLOWED, 3);
}

static void
eval_local_ip_for_a_bind(void **state)
{
	static const char	text[] = V
	    "(deny default)\n"
	    "(allow network-bind network-inbound"
	    " (local ip \"localhost:8080\"))\n";

	(void)state;
	expect(text, q_ip("network-bind", SBPL_PROTO_TCP, true, 8080, true),
	    SBPL_ALLOWED, 3);
	expect(text, q_ip("network-bind", SBPL_PROTO_TCP, true, 9, true),
	    SBPL_DENIED, 2);
	expect(text, q_ip("network-inbound", SBPL_PROTO_TCP, true, 8080, true),
	    SBPL_ALLOWED, 3);
}

static void
eval_network_bind_falls_back_to_inbound(void **state)
{
	(void)state;
	expect(V
	    "(deny default)\n"
	    "(allow network-inbound (local ip \"localhost:*\"))\n",
	    q_ip("network-bind", SBPL_PROTO_TCP, true, 3000, true),
	    SBPL_ALLOWED, 3);
}

static void
eval_network_star_covers_outbound(void **state)
{
	(void)state;
	expect(V
	    "(deny default)\n"
	    "(allow network* (remote ip \"localhost:*\"))\n",
	    q_ip("network-outbound", SBPL_PROTO_TCP, true, 80, false),
	    SBPL_ALLOWED, 3);
}

static void
eval_from_to_aliases(void **state)
{
	static const char	text[] = V
	    "(deny default)\n"
	    "(allow network-outbound (to ip \"localhost:*\"))\n"
	    "(allow network-bind (from ip \"localhost:5000\"))\n";

	(void)state;
	expect(text, q_ip("network-outbound", SBPL_PROTO_TCP, true, 22, false),
	    SBPL_ALLOWED, 3);
	expect(text, q_ip("network-bind", SBPL_PROTO_TCP, true, 5000, true),
	    SBPL_ALLOWED, 4);
}

/* --- §4.4 Unix sockets ------------------------------------------------- */

static void
eval_path_filter_on_network_matches_unix(void **state)
{
	(void)state;
	expect(V
	    "(deny default)\n"
	    "(allow network-outbound"
	    " (literal \"/private/var/run/mDNSResponder\"))\n",
	    q_unix("network-outbound", "/private/var/run/mDNSResponder",
	    false), SBPL_ALLOWED, 3);
}

static void
eval_path_filter_never_matches_ip(void **state)
{
	(void)state;
	expect(V
	    "(deny default)\n"
	    "(allow network-outbound (prefix \"/\"))\n",
	    q_ip("network-outbound", SBPL_PROTO_TCP, true, 80, false),
	    SBPL_DENIED, 2);
}

static void
eval_ip_filter_never_matches_unix(void **state)
{
	static const char	text[] = V
	    "(deny default)\n"
	    "(allow network-outbound (remote ip))\n"
	    "(allow network-outbound (remote ip \"*:*\"))\n";

	(void)state;
	expect(text, q_unix("network-outbound", "/private/tmp/s", false),
	    SBPL_DENIED, 2);
}

static void
eval_unix_filter_never_matches_ip(void **state)
{
	(void)state;
	expect(V
	    "(deny default)\n"
	    "(allow network-outbound (remote unix-socket))\n",
	    q_ip("network-outbound", SBPL_PROTO_TCP, true, 80, false),
	    SBPL_DENIED, 2);
}

static void
eval_remote_unix_socket_subpath(void **state)
{
	static const char	text[] = V
	    "(deny default)\n"
	    "(allow network-outbound (remote unix-socket"
	    " (subpath \"/private/tmp/s\")))\n";

	(void)state;
	expect(text, q_unix("network-outbound", "/private/tmp/s/a.sock",
	    false), SBPL_ALLOWED, 3);
	expect(text, q_unix("network-outbound", "/private/tmp/sx", false),
	    SBPL_DENIED, 2);
}

static void
eval_remote_unix_socket_path_literal(void **state)
{
	static const char	text[] = V
	    "(deny default)\n"
	    "(allow network-outbound (remote unix"
	    " (path-literal \"/private/var/run/syslog\")))\n";

	(void)state;
	expect(text, q_unix("network-outbound", "/private/var/run/syslog",
	    false), SBPL_ALLOWED, 3);
	expect(text, q_unix("network-outbound", "/private/var/run/syslog2",
	    false), SBPL_DENIED, 2);
}

static void
eval_bare_remote_unix_socket_is_any(void **state)
{
	(void)state;
	expect(V
	    "(deny default)\n"
	    "(allow network* (remote unix-socket))\n",
	    q_unix("network-outbound", "/any/where", false), SBPL_ALLOWED, 3);
}

static void
eval_local_unix_socket_for_bind_not_connect(void **state)
{
	static const char	text[] = V
	    "(deny default)\n"
	    "(allow network* (local unix-socket"
	    " (path-literal \"/private/tmp/s\")))\n";

	(void)state;
	expect(text, q_unix("network-bind", "/private/tmp/s", true),
	    SBPL_ALLOWED, 3);
	expect(text, q_unix("network-outbound", "/private/tmp/s", false),
	    SBPL_DENIED, 2);
}

static void
eval_path_filter_for_unix_bind(void **state)
{
	(void)state;
	expect(V
	    "(deny default)\n"
	    "(allow network-bind (literal \"/private/tmp/s\"))\n",
	    q_unix("network-bind", "/private/tmp/s", true), SBPL_ALLOWED, 3);
}

static void
eval_unfiltered_network_deny_refuses_unix(void **state)
{
	static const char	text[] = V
	    "(allow default)\n"
	    "(deny network-outbound)\n"
	    "(allow file* (subpath \"/private/tmp\"))\n";

	(void)state;
	expect(text, q_unix("network-outbound", "/private/tmp/s", false),
	    SBPL_DENIED, 3);
}

/* --- §4.2 names and sockets -------------------------------------------- */

static void
eval_sysctl_name(void **state)
{
	static const char	text[] = V
	    "(deny default)\n"
	    "(allow sysctl-read (sysctl-name \"kern.osrelease\"))\n";

	(void)state;
	expect(text, q_name("sysctl-read", "kern.osrelease"), SBPL_ALLOWED, 3);
	expect(text, q_name("sysctl-read", "kern.osrelease2"), SBPL_DENIED, 2);
	expect(text, q_name("sysctl-write", "kern.osrelease"), SBPL_DENIED, 2);
}

static void
eval_sysctl_name_prefix(void **state)
{
	static const char	text[] = V
	    "(deny default)\n"
	    "(allow sysctl-read (sysctl-name-prefix \"hw.\"))\n";

	(void)state;
	expect(text, q_name("sysctl-read", "hw.ncpu"), SBPL_ALLOWED, 3);
	expect(text, q_name("sysctl-read", "kern.hw"), SBPL_DENIED, 2);
}

static void
eval_global_name(void **state)
{
	static const char	text[] = V
	    "(deny default)\n"
	    "(allow mach-lookup (global-name \"com.apple.a\""
	    " \"com.apple.b\"))\n"
	    "(allow mach-lookup (global-name-prefix \"com.x.\"))\n"
	    "(allow mach-lookup (global-name-regex #\"^org\\.y\\.\"))\n";

	(void)state;
	expect(text, q_name("mach-lookup", "com.apple.a"), SBPL_ALLOWED, 3);
	expect(text, q_name("mach-lookup", "com.apple.b"), SBPL_ALLOWED, 3);
	expect(text, q_name("mach-lookup", "com.apple.c"), SBPL_DENIED, 2);
	expect(text, q_name("mach-lookup", "com.x.z"), SBPL_ALLOWED, 4);
	expect(text, q_name("mach-lookup", "org.y.z"), SBPL_ALLOWED, 5);
	expect(text, q_name("mach-lookup", "org.yy"), SBPL_DENIED, 2);
}

static void
eval_name_filter_does_not_match_a_path(void **state)
{
	(void)state;
	expect(V
	    "(deny default)\n"
	    "(allow file-read* (global-name-prefix \"/\"))\n",
	    q_path("file-read-data", "/a"), SBPL_DENIED, 2);
}

static void
eval_socket_domain(void **state)
{
	static const char	text[] = V
	    "(deny default)\n"
	    "(allow system-socket (socket-domain AF_UNIX))\n";

	(void)state;
	expect(text, q_sock("AF_UNIX", 0), SBPL_ALLOWED, 3);
	expect(text, q_sock("AF_INET", 0), SBPL_DENIED, 2);
}

static void
eval_socket_domain_and_protocol(void **state)
{
	static const char	text[] = V
	    "(deny default)\n"
	    "(allow system-socket (require-all (socket-domain AF_SYSTEM)"
	    " (socket-protocol 2)))\n";

	(void)state;
	expect(text, q_sock("AF_SYSTEM", 2), SBPL_ALLOWED, 3);
	expect(text, q_sock("AF_SYSTEM", 1), SBPL_DENIED, 2);
	expect(text, q_sock("AF_UNIX", 2), SBPL_DENIED, 2);
}

/* --- §1.8 operation aliases -------------------------------------------- */

static void
eval_process_exec_alias(void **state)
{
	static const char	text[] = V
	    "(deny default)\n"
	    "(allow process-exec (literal \"/bin/ls\"))\n";

	(void)state;
	expect(text, q_path("process-exec*", "/bin/ls"), SBPL_ALLOWED, 3);
	expect(text, q_path("process-exec*", "/bin/sh"), SBPL_DENIED, 2);
}

static void
eval_file_unlink_alias(void **state)
{
	static const char	text[] = V
	    "(allow default)\n"
	    "(deny file-unlink (literal \"/a\"))\n";

	(void)state;
	expect(text, q_path("file-write-unlink", "/a"), SBPL_DENIED, 3);
	expect(text, q_path("file-write-data", "/a"), SBPL_ALLOWED, 2);
}

/* --- §1.7 parameters and Scheme -------------------------------------- */

static void
eval_param_from_defs(void **state)
{
	static const struct sbpl_def	defs[] = { { "ROOT", "/w" } };
	static const char		text[] = V
	    "(deny default)\n"
	    "(allow file-read* (subpath (param \"ROOT\")))\n";

	(void)state;
	expect_defs(text, defs, 1, q_path("file-read-data", "/w/x"),
	    SBPL_ALLOWED, 3);
	expect_defs(text, defs, 1, q_path("file-read-data", "/wx"),
	    SBPL_DENIED, 2);
}

static void
eval_getenv_is_param(void **state)
{
	static const struct sbpl_def	defs[] = { { "ROOT", "/w" } };

	(void)state;
	expect_defs(V
	    "(deny default)\n"
	    "(allow file-read* (subpath (getenv \"ROOT\")))\n",
	    defs, 1, q_path("file-read-data", "/w/x"), SBPL_ALLOWED, 3);
}

static void
eval_missing_param_is_an_error(void **state)
{
	const char	*msg;

	(void)state;
	msg = compile_error(V
	    "(deny default)\n"
	    "(allow file-read* (subpath (param \"ROOT_DIR\")))\n", NULL, 0);
	assert_has(msg, "ROOT_DIR");
}

static void
eval_string_append(void **state)
{
	static const struct sbpl_def	defs[] = { { "HOME", "/Users/me" } };
	static const char		text[] = V
	    "(allow default)\n"
	    "(deny file-read* (subpath (string-append (param \"HOME\")"
	    " \"/.ssh\")))\n";

	(void)state;
	expect_defs(text, defs, 1, q_path("file-read-data",
	    "/Users/me/.ssh/id"), SBPL_DENIED, 3);
	expect_defs(text, defs, 1, q_path("file-read-data", "/Users/me/x"),
	    SBPL_ALLOWED, 2);
}

static void
eval_define_string_constant(void **state)
{
	static const char	text[] = V
	    "(deny default)\n"
	    "(define tmp \"/private/tmp\")\n"
	    "(allow file-write* (subpath tmp))\n";

	(void)state;
	expect(text, q_path("file-write-data", "/private/tmp/x"),
	    SBPL_ALLOWED, 4);
	expect(text, q_path("file-write-data", "/private/var"), SBPL_DENIED, 2);
}

static void
eval_if_param(void **state)
{
	static const struct sbpl_def	defs[] = { { "X", "1" } };
	static const char		text[] = V
	    "(deny default)\n"
	    "(if (param \"X\") (allow file-read* (literal \"/x\")))\n";

	(void)state;
	expect_defs(text, defs, 1, q_path("file-read-data", "/x"),
	    SBPL_ALLOWED, 3);
	expect(text, q_path("file-read-data", "/x"), SBPL_DENIED, 2);
}

static void
eval_if_param_else(void **state)
{
	static const struct sbpl_def	defs[] = { { "X", "1" } };
	static const char		text[] = V
	    "(allow default)\n"
	    "(if (param \"X\")\n"
	    "    (allow file-read* (literal \"/x\"))\n"
	    "    (deny file-read* (literal \"/x\")))\n";

	(void)state;
	expect_defs(text, defs, 1, q_path("file-read-data", "/x"),
	    SBPL_ALLOWED, 4);
	expect(text, q_path("file-read-data", "/x"), SBPL_DENIED, 5);
}

static void
eval_function_call_makes_policy_incomplete(void **state)
{
	static const char	text[] = V
	    "(deny default)\n"
	    "(define (allow-dir d) (allow file-read* (subpath d)))\n"
	    "(allow-dir \"/a\")\n";
	struct got		g;
	struct sbpl_query	q;

	(void)state;
	q = q_path("file-read-data", "/b");
	decide_defs(text, NULL, 0, &q, &g);
	check_got(&g, SBPL_UNDECIDABLE, ANY);
	assert_true(g.incomplete);
}

static void
eval_report_on_allow_compiles(void **state)
{
	(void)state;
	expect(V
	    "(deny default)\n"
	    "(allow file-read* (literal \"/x\") (with report))\n",
	    q_path("file-read-data", "/x"), SBPL_ALLOWED, 3);
}

static void
eval_combinators_with_unknowns(void **state)
{
	static const char	text[] = V
	    "(deny default)\n"
	    "(allow file-read* (require-any (extension \"x\")"
	    " (subpath \"/a\")))\n"
	    "(allow file-write* (require-all (subpath \"/a\")"
	    " (extension \"x\")))\n"
	    "(allow file-read-metadata (require-not (extension \"x\")))\n";

	(void)state;
	/* any(MAYBE, YES) is YES; all(YES, MAYBE) and not(MAYBE) are
	 * MAYBE. */
	expect(text, q_path("file-read-data", "/a/f"), SBPL_ALLOWED, 3);
	expect(text, q_path("file-read-data", "/b"), SBPL_UNDECIDABLE, ANY);
	expect(text, q_path("file-write-data", "/a/f"), SBPL_UNDECIDABLE,
	    ANY);
	expect(text, q_path("file-write-data", "/b"), SBPL_DENIED, 2);
	expect(text, q_path("file-read-metadata", "/b"), SBPL_UNDECIDABLE,
	    ANY);
}

static void
eval_unknown_filtered_rule_over_unfiltered(void **state)
{
	(void)state;
	/* The unfiltered rule is only consulted when no filtered rule
	 * matches, which cannot be known here. */
	expect(V
	    "(deny file-read*)\n"
	    "(allow file-read* (extension \"x\"))\n",
	    q_path("file-read-data", "/b"), SBPL_UNDECIDABLE, ANY);
}

static void
eval_localhost_covers_ipv6_loopback(void **state)
{
	static const char	text[] = V
	    "(deny default)\n"
	    "(allow network-outbound (remote ip \"localhost:*\"))\n"
	    "(allow network-outbound (remote ip6 \"*:443\"))\n";
	struct sbpl_query	q;

	(void)state;
	q = q_ip("network-outbound", SBPL_PROTO_TCP, true, 22, false);
	q.family = 6;
	expect(text, q, SBPL_ALLOWED, 3);
	q = q_ip("network-outbound", SBPL_PROTO_TCP, false, 443, false);
	expect(text, q, SBPL_DENIED, 2);
	q.family = 6;
	expect(text, q, SBPL_ALLOWED, 4);
}

static void
eval_network_star_local_covers_bind(void **state)
{
	(void)state;
	/* Bazel's (allow network* (local ip "localhost:*")). */
	expect(V
	    "(deny default)\n"
	    "(allow network* (local ip \"localhost:*\"))\n",
	    q_ip("network-bind", SBPL_PROTO_TCP, true, 8000, true),
	    SBPL_ALLOWED, 3);
}

static void
eval_local_ip_filter_never_matches_unix(void **state)
{
	(void)state;
	expect(V
	    "(deny default)\n"
	    "(allow network-outbound (local ip \"*:*\"))\n",
	    q_unix("network-outbound", "/private/tmp/s", false),
	    SBPL_DENIED, 2);
}

static void
eval_when_and_begin(void **state)
{
	static const struct sbpl_def	defs[] = { { "X", "1" } };
	static const char		text[] = V
	    "(deny default)\n"
	    "(when (param \"X\") (allow file-read* (literal \"/w\")))\n"
	    "(if (param \"X\")\n"
	    "    (begin (allow file-read* (literal \"/b\"))\n"
	    "        (allow file-read* (literal \"/c\"))))\n";

	(void)state;
	expect_defs(text, defs, 1, q_path("file-read-data", "/w"),
	    SBPL_ALLOWED, 3);
	expect_defs(text, defs, 1, q_path("file-read-data", "/c"),
	    SBPL_ALLOWED, 6);
	expect(text, q_path("file-read-data", "/b"), SBPL_DENIED, 2);
	expect(text, q_path("file-read-data", "/w"), SBPL_DENIED, 2);
}

static void
eval_define_of_a_param(void **state)
{
	static const struct sbpl_def	defs[] = { { "HOME", "/Users/me" } };

	(void)state;
	expect_defs(V
	    "(deny default)\n"
	    "(define home (param \"HOME\"))\n"
	    "(allow file-read* (literal home (string-append home \"/x\")))\n",
	    defs, 1, q_path("file-read-data", "/Users/me/x"), SBPL_ALLOWED, 4);
}

static void
eval_deny_default_with_message(void **state)
{
	(void)state;
	/* sandbox-runtime's tagged default. */
	expect(V
	    "(deny default (with message \"CMD64_x_END_y\"))\n"
	    "(allow file-read* (subpath \"/a\") (with report))\n",
	    q_path("file-read-data", "/b"), SBPL_DENIED, 2);
}

static void
eval_missing_param_through_a_define(void **state)
{
	const char	*msg;

	(void)state;
	msg = compile_error(V
	    "(define root (param \"ROOT\"))\n"
	    "(allow file-read* (subpath root))\n", NULL, 0);
	assert_has(msg, "ROOT");
}

static void
eval_missing_param_in_string_append(void **state)
{
	const char	*msg;

	(void)state;
	msg = compile_error(V
	    "(allow file-read* (subpath (string-append (param \"HOME\")"
	    " \"/x\")))\n", NULL, 0);
	assert_has(msg, "HOME");
}

static void
eval_subpath_with_several_values(void **state)
{
	static const char	text[] = V
	    "(deny default)\n"
	    "(allow file-write* (subpath \"/a\" \"/b/c\"))\n";

	(void)state;
	expect(text, q_path("file-write-data", "/a/x"), SBPL_ALLOWED, 3);
	expect(text, q_path("file-write-data", "/b/c"), SBPL_ALLOWED, 3);
	expect(text, q_path("file-write-data", "/b/cd"), SBPL_DENIED, 2);
}

static void
eval_sysctl_name_regex(void **state)
{
	static const char	text[] = V
	    "(deny default)\n"
	    "(allow sysctl-read\n"
	    "    (sysctl-name-regex #\"^kern\\.(ostype|osrel)\"))\n";

	(void)state;
	expect(text, q_name("sysctl-read", "kern.ostype"), SBPL_ALLOWED, 3);
	expect(text, q_name("sysctl-read", "kern.osrelease"), SBPL_ALLOWED, 3);
	expect(text, q_name("sysctl-read", "kern.version"), SBPL_DENIED, 2);
}

/* --- compile errors ---------------------------------------------------- */

static void
eval_unknown_operation_did_you_mean(void **state)
{
	const char	*msg;

	(void)state;
	msg = compile_error(V "(allow file-red* (literal \"/x\"))\n", NULL, 0);
	assert_has(msg, "file-red*");
	assert_has(msg, "file-read*");
}

static void
eval_misspelt_allow_is_an_error(void **state)
{
	const char	*msg;

	(void)state;
	msg = compile_error(V "(alow file-read* (literal \"/x\"))\n", NULL, 0);
	assert_has(msg, "alow");
}

static void
eval_unknown_filter_is_an_error(void **state)
{
	const char	*msg;

	(void)state;
	msg = compile_error(V "(allow file-read* (subpat \"/x\"))\n", NULL, 0);
	assert_has(msg, "subpat");
}

static void
eval_unknown_modifier_is_an_error(void **state)
{
	const char	*msg;

	(void)state;
	msg = compile_error(V "(allow file-read* (with bogus-mod))\n", NULL, 0);
	assert_has(msg, "bogus-mod");
}

static void
eval_address_host_must_be_star_or_localhost(void **state)
{
	const char	*msg;

	(void)state;
	msg = compile_error(V
	    "(allow network-outbound (remote ip \"127.0.0.1:80\"))\n", NULL, 0);
	assert_has(msg, "host must be * or localhost in network address");
}

static void
eval_address_port_range_is_invalid(void **state)
{
	const char	*msg;

	(void)state;
	msg = compile_error(V
	    "(allow network-outbound (remote tcp \"*:1-100\"))\n", NULL, 0);
	assert_has(msg, "invalid port in network address");
	msg = compile_error(V
	    "(allow network-outbound (remote tcp \"*:70000\"))\n", NULL, 0);
	assert_has(msg, "invalid port in network address");
}

static void
eval_address_port_missing(void **state)
{
	const char	*msg;

	(void)state;
	msg = compile_error(V
	    "(allow network-outbound (remote ip \"*\"))\n", NULL, 0);
	assert_has(msg, "port missing in network address");
}

static void
eval_address_must_be_a_string(void **state)
{
	const char	*msg;

	(void)state;
	msg = compile_error(V
	    "(allow network-outbound (remote ip (regex #\"x\")))\n", NULL, 0);
	assert_has(msg, "remote expects string argument");
}

static void
eval_report_on_deny_is_an_error(void **state)
{
	const char	*msg;

	(void)state;
	msg = compile_error(V
	    "(deny file-read* (literal \"/x\") (with report))\n", NULL, 0);
	assert_has(msg, "report modifier does not apply to deny action");
}

static void
eval_no_version_is_an_error(void **state)
{
	const char	*msg;

	(void)state;
	msg = compile_error("(allow default)\n", NULL, 0);
	assert_has(msg, "no version specified");
}

static void
eval_other_versions_are_errors(void **state)
{
	const char	*msg;

	(void)state;
	msg = compile_error("(version 2)\n(allow default)\n", NULL, 0);
	assert_has(msg, "unsupported version");
	msg = compile_error(V "(version 2)\n(allow default)\n", NULL, 0);
	assert_has(msg, "only one version may be specified");
}

static void
eval_repeated_version_1_is_accepted(void **state)
{
	(void)state;
	/* §1.2: only a second version with a different number fails. */
	expect(V V "(deny default)\n", q_path("file-read-data", "/a"),
	    SBPL_DENIED, 3);
}

/* --- §1.4, §1.5 strings reach the filters as the reader decodes them ---- */

static void
eval_escaped_quote_and_backslash_in_a_path(void **state)
{
	static const char	text[] = V
	    "(deny default)\n"
	    "(allow file-read* (literal \"/a\\\\\\\"b\"))\n";
	struct sbpl_doc		doc;
	struct sb_error		err;

	(void)state;
	sb_error_init(&err);
	assert_int_equal(sbpl_read(&doc, "t.sb", text, strlen(text), &err), 0);
	assert_string_equal(doc.forms[2]->kids[2]->kids[1]->s, "/a\\\"b");
	sbpl_doc_clear(&doc);
	expect(text, q_path("file-read-data", "/a\\\"b"), SBPL_ALLOWED, 3);
	expect(text, q_path("file-read-data", "/a\"b"), SBPL_DENIED, 2);
}

static void
eval_octal_hex_and_other_escapes(void **state)
{
	static const char	text[] = V
	    "(deny default)\n"
	    "(allow file-read* (literal \"/\\x41\\102\\q\"))\n";

	(void)state;
	expect(text, q_path("file-read-data", "/ABq"), SBPL_ALLOWED, 3);
}

static void
eval_newline_escape_in_a_path(void **state)
{
	(void)state;
	expect(V
	    "(deny default)\n"
	    "(allow file-read* (literal \"/a\\nb\\tc\"))\n",
	    q_path("file-read-data", "/a\nb\tc"), SBPL_ALLOWED, 3);
}

static void
eval_regex_in_a_plain_string_loses_its_backslash(void **state)
{
	static const char	text[] = V
	    "(deny default)\n"
	    "(allow file-read* (regex \"^/a\\.b$\"))\n"
	    "(allow file-read* (regex #\"^/c\\.d$\"))\n"
	    "(allow file-read* (regex \"^/e\\\\.f$\"))\n";

	(void)state;
	/* "\." reads as ".", which matches any character. */
	expect(text, q_path("file-read-data", "/aXb"), SBPL_ALLOWED, 3);
	/* #"\." and "\\." keep the backslash: a literal dot. */
	expect(text, q_path("file-read-data", "/c.d"), SBPL_ALLOWED, 4);
	expect(text, q_path("file-read-data", "/cXd"), SBPL_DENIED, 2);
	expect(text, q_path("file-read-data", "/e.f"), SBPL_ALLOWED, 5);
	expect(text, q_path("file-read-data", "/eXf"), SBPL_DENIED, 2);
}

/* --- a randomized comparison with a reference model of §2.2 ------------ */

/* The operations of the model, with their parents (§2.3). */
enum {
	M_DEFAULT, M_FILE, M_READ, M_READ_DATA, M_READ_META, M_WRITE,
	M_WRITE_DATA, M_NOPS
};
static const char *const m_names[M_NOPS] = {
	"default", "file*", "file-read*", "file-read-data",
	"file-read-metadata", "file-write*", "file-write-data",
};
static const int m_parent[M_NOPS] = { -1, M_DEFAULT, M_FILE, M_READ,
	M_READ, M_FILE, M_WRITE };
/* What rules name, and what queries ask. */
static const int m_rule_ops[] = { M_READ_DATA, M_READ, M_WRITE };
static const int m_query_ops[] = { M_READ_DATA, M_READ_META, M_READ,
	M_WRITE_DATA, M_WRITE };
static const char *const m_paths[] = {
	"/a", "/ab", "/a/b", "/a/bc", "/ab/c", "/a/b/c", "/b", "/b/a",
};
#define M_NPATHS	(sizeof m_paths / sizeof m_paths[0])

enum m_kind { K_LITERAL, K_SUBPATH, K_PREFIX };
static const char *const m_kind_names[] = { "literal", "subpath", "prefix" };

#define M_MAXRULES	8
#define M_MAXFILTERS	2
#define M_MAXVALUES	2

struct m_filter {
	enum m_kind	 kind;
	const char	*values[M_MAXVALUES];
	size_t		 nvalues;
};

struct m_rule {
	bool		 allow;
	int		 ops[2];
	size_t		 nops;
	struct m_filter	 filters[M_MAXFILTERS];
	size_t		 nfilters;	/* 0: unfiltered */
	size_t		 line;
};

static uint64_t m_state = 0x9e3779b97f4a7c15ULL;

static unsigned
m_rand(unsigned n)
{
	/* xorshift64*: the same sequence everywhere. */
	m_state ^= m_state >> 12;
	m_state ^= m_state << 25;
	m_state ^= m_state >> 27;
	return (unsigned)((m_state * 0x2545f4914f6cdd1dULL) >> 33) % n;
}

static bool
m_value_matches(enum m_kind kind, const char *v, const char *path)
{
	size_t	n;

	n = strlen(v);
	switch (kind) {
	case K_LITERAL:
		return strcmp(v, path) == 0;
	case K_SUBPATH:
		return strncmp(v, path, n) == 0 &&
		    (path[n] == '\0' || path[n] == '/');
	case K_PREFIX:
		return strncmp(v, path, n) == 0;
	}
	return false;
}

static bool
m_rule_matches(const struct m_rule *r, const char *path)
{
	size_t	i, j;

	for (i = 0; i < r->nfilters; i++) {
		for (j = 0; j < r->filters[i].nvalues; j++) {
			if (m_value_matches(r->filters[i].kind,
			    r->filters[i].values[j], path))
				return true;
		}
	}
	return false;
}

static bool
m_rule_has_op(const struct m_rule *r, int o)
{
	size_t	i;

	for (i = 0; i < r->nops; i++) {
		if (r->ops[i] == o)
			return true;
	}
	return false;
}

/* §2.2's algorithm: per operation up the chain, the filtered rules newest
 * first, then the unfiltered one; nothing at all allows. */
static void
m_decide(const struct m_rule *rules, size_t n, int qop, const char *path,
    bool *allow, size_t *line)
{
	size_t	i;
	int	o;

	for (o = qop; o != -1; o = m_parent[o]) {
		for (i = n; i-- > 0;) {
			if (rules[i].nfilters > 0 &&
			    m_rule_has_op(&rules[i], o) &&
			    m_rule_matches(&rules[i], path)) {
				*allow = rules[i].allow;
				*line = rules[i].line;
				return;
			}
		}
		for (i = n; i-- > 0;) {
			if (rules[i].nfilters == 0 &&
			    m_rule_has_op(&rules[i], o)) {
				*allow = rules[i].allow;
				*line = rules[i].line;
				return;
			}
		}
	}
	*allow = true;
	*line = 0;
}

/* One random profile into rules and its text. */
static size_t
m_generate(struct m_rule *rules, struct buf *b)
{
	bool		 unfiltered[M_NOPS];
	struct m_rule	*r;
	struct m_filter	*f;
	size_t		 n, nrules, i, j, k, at;
	int		 o;

	memset(unfiltered, 0, sizeof unfiltered);
	nrules = 1 + m_rand(6);
	/* (deny default), (allow default) or none, anywhere. */
	at = m_rand(3) == 0 ? SIZE_MAX : m_rand((unsigned)nrules + 1);
	buf_reset(b);
	buf_puts(b, "(version 1)\n");
	n = 0;
	for (i = 0; i <= nrules; i++) {
		r = &rules[n];
		memset(r, 0, sizeof *r);
		r->line = n + 2;
		if (i == at) {
			r->allow = m_rand(2) == 0;
			r->ops[r->nops++] = M_DEFAULT;
			unfiltered[M_DEFAULT] = true;
			buf_printf(b, "(%s default)\n",
			    r->allow ? "allow" : "deny");
			n++;
			continue;
		}
		if (i == nrules)
			break;
		r->allow = m_rand(2) == 0;
		r->ops[r->nops++] = m_rule_ops[m_rand(3)];
		if (m_rand(5) == 0) {
			o = m_rule_ops[m_rand(3)];
			if (o != r->ops[0])
				r->ops[r->nops++] = o;
		}
		/* At most one unfiltered rule per operation: two are
		 * UNCERTAIN (§2.2). */
		r->nfilters = m_rand(4) == 0 ? 0 : 1 + m_rand(M_MAXFILTERS);
		if (r->nfilters == 0) {
			for (k = 0; k < r->nops; k++) {
				if (unfiltered[r->ops[k]])
					r->nfilters = 1;
			}
		}
		if (r->nfilters == 0) {
			for (k = 0; k < r->nops; k++)
				unfiltered[r->ops[k]] = true;
		}
		buf_printf(b, "(%s", r->allow ? "allow" : "deny");
		for (k = 0; k < r->nops; k++)
			buf_printf(b, " %s", m_names[r->ops[k]]);
		for (j = 0; j < r->nfilters; j++) {
			f = &r->filters[j];
			f->kind = (enum m_kind)m_rand(3);
			f->nvalues = 1 + m_rand(M_MAXVALUES);
			buf_printf(b, " (%s", m_kind_names[f->kind]);
			for (k = 0; k < f->nvalues; k++) {
				f->values[k] = m_paths[m_rand(M_NPATHS)];
				buf_printf(b, " \"%s\"", f->values[k]);
			}
			buf_puts(b, ")");
		}
		buf_puts(b, ")\n");
		n++;
	}
	return n;
}

static void
eval_random_profiles_follow_the_reference_model(void **state)
{
	struct m_rule		 rules[M_MAXRULES];
	struct buf		 b;
	struct sbpl_doc		 doc;
	struct sbpl_policy	 pol;
	struct sbpl_answer	 a;
	struct sbpl_query	 q;
	struct sb_error		 err;
	size_t			 n, round, i, j, line, got_line, bad;
	bool			 allow;

	(void)state;
	buf_init(&b);
	bad = 0;
	for (round = 0; round < 2000; round++) {
		n = m_generate(rules, &b);
		sb_error_init(&err);
		if (sbpl_read(&doc, "t.sb", buf_str(&b), strlen(buf_str(&b)),
		    &err) == -1)
			fail_msg("read: %s\n%s", err.msg, buf_str(&b));
		if (sbpl_compile(&pol, &doc, NULL, 0, &err) == -1)
			fail_msg("compile: %s\n%s", err.msg, buf_str(&b));
		for (i = 0; i < sizeof m_query_ops / sizeof m_query_ops[0];
		    i++) {
			for (j = 0; j < M_NPATHS; j++) {
				q = q_path(m_names[m_query_ops[i]], m_paths[j]);
				memset(&a, 0, sizeof a);
				sbpl_decide(&pol, &q, &a);
				m_decide(rules, n, m_query_ops[i], m_paths[j],
				    &allow, &line);
				got_line = a.rule != NULL ?
				    a.rule->form->line : 0;
				if (a.verdict == (allow ? SBPL_ALLOWED :
				    SBPL_DENIED) && got_line == line)
					continue;
				if (bad++ < 5) {
					print_message("profile:\n%s"
					    "query: %s %s\n"
					    "want: %s line %zu, got: %s"
					    " line %zu\n", buf_str(&b),
					    m_names[m_query_ops[i]],
					    m_paths[j],
					    allow ? "allowed" : "denied", line,
					    sbpl_verdict_name(a.verdict),
					    got_line);
				}
			}
		}
		sbpl_policy_clear(&pol);
		sbpl_doc_clear(&doc);
	}
	buf_clear(&b);
	if (bad > 0)
		fail_msg("%zu decisions differ from the reference model", bad);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(eval_last_filtered_deny_wins),
		cmocka_unit_test(eval_last_filtered_allow_wins),
		cmocka_unit_test(eval_deeper_allow_after_shallow_deny),
		cmocka_unit_test(
		    eval_unfiltered_after_filtered_does_not_override),
		cmocka_unit_test(
		    eval_unfiltered_before_filtered_is_the_default),
		cmocka_unit_test(eval_unfiltered_allow_after_filtered_deny),
		cmocka_unit_test(eval_unfiltered_network_deny_keeps_unix_allow),
		cmocka_unit_test(eval_child_op_allow_beats_later_parent_deny),
		cmocka_unit_test(eval_child_op_allow_beats_earlier_parent_deny),
		cmocka_unit_test(eval_sibling_op_falls_to_parent_rule),
		cmocka_unit_test(
		    eval_child_deny_not_undone_by_later_parent_allow),
		cmocka_unit_test(eval_child_unfiltered_beats_parent_filtered),
		cmocka_unit_test(eval_grandparent_rule_applies),
		cmocka_unit_test(eval_deny_default_position_is_irrelevant),
		cmocka_unit_test(eval_allow_default_with_op_deny),
		cmocka_unit_test(eval_deny_default_denies_what_no_rule_names),
		cmocka_unit_test(eval_no_default_at_all_allows),
		cmocka_unit_test(eval_several_ops_in_one_rule),
		cmocka_unit_test(eval_process_info_not_covered_by_deny_default),
		cmocka_unit_test(
		    eval_file_test_existence_not_covered_by_deny_default),
		cmocka_unit_test(eval_terminal_op_denied_explicitly),
		cmocka_unit_test(eval_terminal_deny_op_under_allow_default),
		cmocka_unit_test(
		    eval_parent_rule_does_not_reach_past_a_terminal_op),
		cmocka_unit_test(eval_process_info_target),
		cmocka_unit_test(eval_subpath_is_component_wise),
		cmocka_unit_test(eval_subpath_of_root_matches_everything),
		cmocka_unit_test(eval_literal_is_exact),
		cmocka_unit_test(eval_prefix_is_string_wise),
		cmocka_unit_test(eval_regex_is_unanchored),
		cmocka_unit_test(eval_regex_anchored),
		cmocka_unit_test(eval_regex_dialect),
		cmocka_unit_test(eval_multiple_values_are_or),
		cmocka_unit_test(eval_several_filters_in_a_rule_are_or),
		cmocka_unit_test(eval_require_all_with_require_not),
		cmocka_unit_test(eval_require_any),
		cmocka_unit_test(eval_require_not_alone),
		cmocka_unit_test(eval_combinators_nest),
		cmocka_unit_test(eval_path_filter_aliases),
		cmocka_unit_test(eval_extension_makes_undecidable),
		cmocka_unit_test(eval_extension_overridden_by_later_match),
		cmocka_unit_test(eval_extension_after_match_is_undecidable),
		cmocka_unit_test(
		    eval_extension_with_non_matching_path_is_decided),
		cmocka_unit_test(eval_extension_that_cannot_change_the_answer),
		cmocka_unit_test(eval_vnode_type),
		cmocka_unit_test(eval_vnode_type_under_a_false_require_all),
		cmocka_unit_test(eval_tty_is_vnode_type_tty),
		cmocka_unit_test(eval_remote_ip_localhost_port),
		cmocka_unit_test(eval_remote_ip_localhost_not_other_hosts),
		cmocka_unit_test(eval_remote_ip_covers_udp),
		cmocka_unit_test(eval_remote_tcp_not_udp),
		cmocka_unit_test(eval_remote_tcp_any),
		cmocka_unit_test(eval_remote_ip_without_address_is_any),
		cmocka_unit_test(eval_remote_any_host_one_port),
		cmocka_unit_test(eval_ip4_and_ip6_kinds),
		cmocka_unit_test(eval_escaped_brace_is_a_plain_character),
		cmocka_unit_test(eval_local_ip_on_outbound_allows_egress),
		cmocka_unit_test(eval_local_ip_for_a_bind),
		cmocka_unit_test(eval_network_bind_falls_back_to_inbound),
		cmocka_unit_test(eval_network_star_covers_outbound),
		cmocka_unit_test(eval_from_to_aliases),
		cmocka_unit_test(eval_path_filter_on_network_matches_unix),
		cmocka_unit_test(eval_path_filter_never_matches_ip),
		cmocka_unit_test(eval_ip_filter_never_matches_unix),
		cmocka_unit_test(eval_unix_filter_never_matches_ip),
		cmocka_unit_test(eval_remote_unix_socket_subpath),
		cmocka_unit_test(eval_remote_unix_socket_path_literal),
		cmocka_unit_test(eval_bare_remote_unix_socket_is_any),
		cmocka_unit_test(eval_local_unix_socket_for_bind_not_connect),
		cmocka_unit_test(eval_path_filter_for_unix_bind),
		cmocka_unit_test(eval_unfiltered_network_deny_refuses_unix),
		cmocka_unit_test(eval_sysctl_name),
		cmocka_unit_test(eval_sysctl_name_prefix),
		cmocka_unit_test(eval_global_name),
		cmocka_unit_test(eval_name_filter_does_not_match_a_path),
		cmocka_unit_test(eval_socket_domain),
		cmocka_unit_test(eval_socket_domain_and_protocol),
		cmocka_unit_test(eval_process_exec_alias),
		cmocka_unit_test(eval_file_unlink_alias),
		cmocka_unit_test(eval_param_from_defs),
		cmocka_unit_test(eval_getenv_is_param),
		cmocka_unit_test(eval_missing_param_is_an_error),
		cmocka_unit_test(eval_string_append),
		cmocka_unit_test(eval_define_string_constant),
		cmocka_unit_test(eval_if_param),
		cmocka_unit_test(eval_if_param_else),
		cmocka_unit_test(eval_function_call_makes_policy_incomplete),
		cmocka_unit_test(eval_report_on_allow_compiles),
		cmocka_unit_test(eval_combinators_with_unknowns),
		cmocka_unit_test(eval_unknown_filtered_rule_over_unfiltered),
		cmocka_unit_test(eval_localhost_covers_ipv6_loopback),
		cmocka_unit_test(eval_network_star_local_covers_bind),
		cmocka_unit_test(eval_local_ip_filter_never_matches_unix),
		cmocka_unit_test(eval_when_and_begin),
		cmocka_unit_test(eval_define_of_a_param),
		cmocka_unit_test(eval_deny_default_with_message),
		cmocka_unit_test(eval_missing_param_through_a_define),
		cmocka_unit_test(eval_missing_param_in_string_append),
		cmocka_unit_test(eval_subpath_with_several_values),
		cmocka_unit_test(eval_sysctl_name_regex),
		cmocka_unit_test(eval_unknown_operation_did_you_mean),
		cmocka_unit_test(eval_misspelt_allow_is_an_error),
		cmocka_unit_test(eval_unknown_filter_is_an_error),
		cmocka_unit_test(eval_unknown_modifier_is_an_error),
		cmocka_unit_test(eval_address_host_must_be_star_or_localhost),
		cmocka_unit_test(eval_address_port_range_is_invalid),
		cmocka_unit_test(eval_address_port_missing),
		cmocka_unit_test(eval_address_must_be_a_string),
		cmocka_unit_test(eval_report_on_deny_is_an_error),
		cmocka_unit_test(eval_no_version_is_an_error),
		cmocka_unit_test(eval_other_versions_are_errors),
		cmocka_unit_test(eval_repeated_version_1_is_accepted),
		cmocka_unit_test(eval_escaped_quote_and_backslash_in_a_path),
		cmocka_unit_test(eval_octal_hex_and_other_escapes),
		cmocka_unit_test(eval_newline_escape_in_a_path),
		cmocka_unit_test(
		    eval_regex_in_a_plain_string_loses_its_backslash),
		cmocka_unit_test(
		    eval_random_profiles_follow_the_reference_model),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
