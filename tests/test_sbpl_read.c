/* SPDX-License-Identifier: ISC */
/* test_sbpl_read.c: the SBPL reader: forms, strings, positions, errors. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "buf.h"
#include "sbpl-read.h"

static void
read_ok(struct sbpl_doc *doc, const char *text)
{
	struct sb_error err;

	sb_error_init(&err);
	if (sbpl_read(doc, "t.sb", text, strlen(text), &err) == -1)
		fail_msg("unexpected error: %s", err.msg);
}

/* The error of reading text, which must fail. */
static const char *
read_error(const char *text, size_t len)
{
	static struct sb_error err;
	struct sbpl_doc doc;

	sb_error_init(&err);
	assert_int_equal(sbpl_read(&doc, "t.sb", text, len, &err), -1);
	assert_null(doc.forms);
	return err.msg;
}

static void
sbpl_read_makes_forms_with_positions(void **state)
{
	static const char text[] =
	    "(version 1)\n"
	    "; a comment (with a paren\n"
	    "(allow file-read*\n"
	    "  (subpath \"/a b\"))\n";
	struct sbpl_doc doc;
	const struct sbpl_node *f, *sub;

	(void)state;
	read_ok(&doc, text);
	assert_int_equal(doc.nforms, 2);
	f = doc.forms[0];
	assert_int_equal(f->kind, SBPL_N_LIST);
	assert_string_equal(sbpl_head(f), "version");
	assert_int_equal(f->kids[1]->kind, SBPL_N_NUMBER);
	assert_int_equal(f->kids[1]->num, 1);
	assert_int_equal(f->off, 0);
	assert_int_equal(f->end, 11);
	f = doc.forms[1];
	assert_int_equal(f->line, 3);
	assert_int_equal(f->col, 1);
	assert_true(sbpl_is_symbol(f->kids[1], "file-read*"));
	sub = f->kids[2];
	assert_int_equal(sub->line, 4);
	assert_int_equal(sub->col, 3);
	assert_string_equal(sbpl_head(sub), "subpath");
	assert_int_equal(sub->kids[1]->kind, SBPL_N_STRING);
	assert_string_equal(sub->kids[1]->s, "/a b");
	assert_int_equal(sub->kids[1]->col, 12);
	/* A form's text is [off, end). */
	assert_int_equal(strncmp(text + f->off, "(allow", 6), 0);
	assert_int_equal(text[f->end - 1], ')');
	assert_int_equal(f->end, strlen(text) - 1);
	sbpl_doc_clear(&doc);
}

static void
sbpl_read_decodes_tinyscheme_escapes(void **state)
{
	struct sbpl_doc doc;
	const struct sbpl_node *n;

	(void)state;
	read_ok(&doc, "(x \"a\\\"b\\\\c\\n\\t\\r\\x41\\101\\7z\\q\" "
	    "#\"^/a\\.b\\\\$\" \"two\nlines\")");
	n = doc.forms[0];
	assert_string_equal(n->kids[1]->s, "a\"b\\c\n\t\rAA\az" "q");
	assert_false(n->kids[1]->raw);
	/* A raw literal keeps its backslashes. */
	assert_true(n->kids[2]->raw);
	assert_string_equal(n->kids[2]->s, "^/a\\.b\\\\$");
	assert_string_equal(n->kids[3]->s, "two\nlines");
	sbpl_doc_clear(&doc);
}

static void
sbpl_read_knows_numbers_booleans_symbols_quotes(void **state)
{
	struct sbpl_doc doc;
	const struct sbpl_node *n;

	(void)state;
	read_ok(&doc, "(f #t #f 12 -3 #o0004 #x1F #b101 + - 1+ AF_UNIX "
	    "'sym '(a b) file-write*)");
	n = doc.forms[0];
	assert_int_equal(n->n, 15);
	assert_int_equal(n->kids[1]->kind, SBPL_N_BOOL);
	assert_int_equal(n->kids[1]->num, 1);
	assert_int_equal(n->kids[2]->num, 0);
	assert_int_equal(n->kids[3]->num, 12);
	assert_int_equal(n->kids[4]->num, -3);
	assert_int_equal(n->kids[5]->num, 4);
	assert_int_equal(n->kids[6]->num, 31);
	assert_int_equal(n->kids[7]->num, 5);
	assert_true(sbpl_is_symbol(n->kids[8], "+"));
	assert_true(sbpl_is_symbol(n->kids[9], "-"));
	assert_true(sbpl_is_symbol(n->kids[10], "1+"));
	assert_true(sbpl_is_symbol(n->kids[11], "AF_UNIX"));
	assert_true(n->kids[12]->quoted);
	assert_false(sbpl_is_symbol(n->kids[12], "sym"));
	assert_string_equal(n->kids[12]->s, "sym");
	assert_int_equal(n->kids[13]->kind, SBPL_N_LIST);
	assert_true(n->kids[13]->quoted);
	assert_null(sbpl_head(n->kids[13]));
	assert_int_equal(n->kids[13]->n, 2);
	assert_true(sbpl_is_symbol(n->kids[14], "file-write*"));
	sbpl_doc_clear(&doc);
}

static void
sbpl_read_locates_every_error(void **state)
{
	(void)state;
	assert_string_equal(read_error("(a\n  (b)", 8),
	    "t.sb:2:6: the ( at 1:1 is never closed");
	assert_string_equal(read_error("(a))", 4),
	    "t.sb:1:4: a ) with no ( before it");
	assert_string_equal(read_error("(a \"b)", 6),
	    "t.sb:1:4: a string that is never closed");
	assert_string_equal(read_error("(a #\"b)", 7),
	    "t.sb:1:4: a #\"...\" literal that is never closed");
	assert_string_equal(read_error("(a \"\\x4\")", 9),
	    "t.sb:1:4: a string with \\x not followed by two hex digits");
	assert_string_equal(read_error("(a \"x\\0y\")", 10),
	    "t.sb:1:4: a string with a NUL character, which would end it "
	    "early");
	assert_string_equal(read_error("(a)\n (b \0c)", 11),
	    "t.sb:2:5: a NUL byte, which ends the profile there");
	assert_string_equal(read_error("(a #q)", 6),
	    "t.sb:1:4: a # form the reader does not know (#t, #f, #x, #o, "
	    "#b, #d and #\"...\" are)");
	assert_string_equal(read_error("(a #o9)", 7),
	    "t.sb:1:4: a number with a digit outside its base, or none");
	assert_string_equal(read_error("(a 99999999999999999999999)", 27),
	    "t.sb:1:4: a number out of range");
	assert_string_equal(read_error("(a ')", 5),
	    "t.sb:1:4: a ' with nothing after it");
	assert_string_equal(read_error("'", 1),
	    "t.sb:1:1: a ' with nothing after it");
}

static void
sbpl_read_takes_deep_nesting_up_to_its_limit(void **state)
{
	struct sbpl_doc doc;
	struct buf b;
	size_t i;

	(void)state;
	buf_init(&b);
	for (i = 0; i < SBPL_DEPTH_MAX; i++)
		buf_putc(&b, '(');
	for (i = 0; i < SBPL_DEPTH_MAX; i++)
		buf_putc(&b, ')');
	read_ok(&doc, buf_str(&b));
	assert_int_equal(doc.nforms, 1);
	sbpl_doc_clear(&doc);
	buf_putc(&b, '(');
	buf_reset(&b);
	for (i = 0; i <= SBPL_DEPTH_MAX; i++)
		buf_putc(&b, '(');
	assert_string_equal(read_error(buf_str(&b), b.len),
	    "t.sb:1:501: lists nested deeper than 500");
	buf_clear(&b);
}

static void
sbpl_read_reads_a_large_profile(void **state)
{
	struct sbpl_doc doc;
	struct buf b;
	size_t i;

	(void)state;
	buf_init(&b);
	buf_puts(&b, "(version 1)\n");
	for (i = 0; i < 20000; i++)
		buf_printf(&b, "(allow file-read* (literal \"/p/%zu\"))\n", i);
	read_ok(&doc, buf_str(&b));
	assert_int_equal(doc.nforms, 20001);
	assert_string_equal(doc.forms[20000]->kids[2]->kids[1]->s,
	    "/p/19999");
	assert_int_equal(doc.forms[20000]->line, 20001);
	sbpl_doc_clear(&doc);
	buf_clear(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(sbpl_read_makes_forms_with_positions),
		cmocka_unit_test(sbpl_read_decodes_tinyscheme_escapes),
		cmocka_unit_test(sbpl_read_knows_numbers_booleans_symbols_quotes),
		cmocka_unit_test(sbpl_read_locates_every_error),
		cmocka_unit_test(sbpl_read_takes_deep_nesting_up_to_its_limit),
		cmocka_unit_test(sbpl_read_reads_a_large_profile),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
