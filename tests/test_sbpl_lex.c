/* SPDX-License-Identifier: ISC */
/* test_sbpl_lex.c: the SBPL lexer: kinds, positions, literals, comments. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "sbpl-lex.h"

static void
lex_gives_each_token_with_its_line_and_column(void **state)
{
	static const char text[] =
	    "(version 1)\n"
	    "; a \"comment\" (with parens)\n"
	    "  (allow file-read* (regex #\"^/a\\\\b\") (literal \"q\\\"(\"))\n"
	    "'sym #t";
	static const struct {
		enum sbpl_tok	 kind;
		const char	*text;
		size_t		 line, col;
	} want[] = {
		{ SBPL_T_OPEN, "(", 1, 1 },
		{ SBPL_T_ATOM, "version", 1, 2 },
		{ SBPL_T_ATOM, "1", 1, 10 },
		{ SBPL_T_CLOSE, ")", 1, 11 },
		{ SBPL_T_COMMENT, "; a \"comment\" (with parens)", 2, 1 },
		{ SBPL_T_OPEN, "(", 3, 3 },
		{ SBPL_T_ATOM, "allow", 3, 4 },
		{ SBPL_T_ATOM, "file-read*", 3, 10 },
		{ SBPL_T_OPEN, "(", 3, 21 },
		{ SBPL_T_ATOM, "regex", 3, 22 },
		{ SBPL_T_RAW, "#\"^/a\\\\b\"", 3, 28 },
		{ SBPL_T_CLOSE, ")", 3, 37 },
		{ SBPL_T_OPEN, "(", 3, 39 },
		{ SBPL_T_ATOM, "literal", 3, 40 },
		{ SBPL_T_STRING, "\"q\\\"(\"", 3, 48 },
		{ SBPL_T_CLOSE, ")", 3, 54 },
		{ SBPL_T_CLOSE, ")", 3, 55 },
		{ SBPL_T_QUOTE, "'", 4, 1 },
		{ SBPL_T_ATOM, "sym", 4, 2 },
		{ SBPL_T_ATOM, "#t", 4, 6 },
	};
	struct sbpl_lexer lx;
	struct sbpl_token t;
	size_t i;

	(void)state;
	sbpl_lex_init(&lx, text);
	for (i = 0; i < sizeof want / sizeof want[0]; i++) {
		assert_int_equal(sbpl_lex_next(&lx, &t), want[i].kind);
		if (t.len != strlen(want[i].text) ||
		    memcmp(t.start, want[i].text, t.len) != 0)
			fail_msg("token %zu is %.*s, not %s", i, (int)t.len,
			    t.start, want[i].text);
		assert_int_equal(t.line, want[i].line);
		assert_int_equal(t.col, want[i].col);
		assert_false(t.unterminated);
	}
	assert_int_equal(sbpl_lex_next(&lx, &t), SBPL_T_END);
	assert_int_equal(sbpl_lex_next(&lx, &t), SBPL_T_END);
}

static void
lex_marks_a_literal_cut_short(void **state)
{
	struct sbpl_lexer lx;
	struct sbpl_token t;

	(void)state;
	sbpl_lex_init(&lx, "(literal \"/a\\\"");
	sbpl_lex_next(&lx, &t);
	sbpl_lex_next(&lx, &t);
	assert_int_equal(sbpl_lex_next(&lx, &t), SBPL_T_STRING);
	assert_true(t.unterminated);
	assert_int_equal(t.len, 5);
	assert_int_equal(sbpl_lex_next(&lx, &t), SBPL_T_END);
	sbpl_lex_init(&lx, "#\"abc");
	assert_int_equal(sbpl_lex_next(&lx, &t), SBPL_T_RAW);
	assert_true(t.unterminated);
	assert_true(sbpl_tok_is(&t, "x") == false);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(lex_gives_each_token_with_its_line_and_column),
		cmocka_unit_test(lex_marks_a_literal_cut_short),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
