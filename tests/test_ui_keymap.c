/* SPDX-License-Identifier: ISC */
/* test_ui_keymap.c: the binding table's invariants and its documented keys. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "help.h"
#include "helpers.h"
#include "keymap.h"

static void
keymap_every_action_is_bound(void **state)
{
	const struct ui_binding *t;
	size_t n, i;
	int a;
	bool found;

	(void)state;
	t = ui_keymap_table(&n);
	for (a = 0; a < ACT__COUNT; a++) {
		if (a == ACT_NONE)
			continue;
		found = false;
		for (i = 0; i < n; i++) {
			if (t[i].action == (enum ui_action)a)
				found = true;
		}
		if (!found)
			fail_msg("action %s has no key", ui_action_name(a));
	}
}

static void
keymap_every_binding_has_help(void **state)
{
	const struct ui_binding *t;
	char **rows, name[32];
	size_t n, nrows, i, r;
	bool shown;

	(void)state;
	t = ui_keymap_table(&n);
	rows = ui_help_rows_new(&nrows);
	assert_non_null(rows);
	for (i = 0; i < n; i++) {
		const char *help = ui_action_help_in(t[i].mode, t[i].action);

		assert_true(t[i].action != ACT_NONE);
		assert_non_null(help);
		assert_true(strlen(help) > 3);
		assert_true(strcmp(help, "?") != 0);
		/* The help screen names the key and the help text. */
		ui_key_name(t[i].key, name, sizeof name);
		shown = false;
		for (r = 0; r < nrows; r++) {
			if (strstr(rows[r], help) != NULL &&
			    strstr(rows[r], name) != NULL)
				shown = true;
		}
		if (!shown)
			fail_msg("key %s (%s) is not on the help screen", name,
			    ui_action_name(t[i].action));
	}
	ui_help_free(rows);
}

static void
keymap_no_key_bound_twice_in_one_mode(void **state)
{
	const struct ui_binding *t;
	size_t n, i, j;

	(void)state;
	t = ui_keymap_table(&n);
	for (i = 0; i < n; i++) {
		for (j = i + 1; j < n; j++) {
			if (t[i].mode == t[j].mode && t[i].key == t[j].key)
				fail_msg("key %d bound twice in mode %s",
				    t[i].key, ui_mode_name(t[i].mode));
		}
	}
}

static void
keymap_modes_do_not_shadow_shared_keys(void **state)
{
	const struct ui_binding *t;
	size_t n, i, j;

	(void)state;
	t = ui_keymap_table(&n);
	for (i = 0; i < n; i++) {
		for (j = 0; j < n; j++) {
			if (t[i].key != t[j].key)
				continue;
			if ((t[i].mode == UI_MODE_LIST ||
			    t[i].mode == UI_MODE_PREVIEW) &&
			    t[j].mode == UI_MODE_MAIN)
				fail_msg("a pane key shadows a shared key");
			if (t[i].mode != UI_MODE_ANY && t[j].mode == UI_MODE_ANY)
				fail_msg("a mode key shadows a global key");
		}
	}
}

static void
keymap_has_the_keys_of_interfaces_md(void **state)
{
	static const struct {
		int		key;
		enum ui_action	action;
	} want[] = {
		{ UI_KEY_UP, ACT_UP }, { 'k', ACT_UP },
		{ UI_KEY_DOWN, ACT_DOWN }, { 'j', ACT_DOWN },
		{ UI_KEY_TAB, ACT_FOCUS },
		{ UI_KEY_PGUP, ACT_PAGE_UP }, { UI_KEY_PGDN, ACT_PAGE_DOWN },
		{ UI_KEY_HOME, ACT_HOME }, { UI_KEY_END, ACT_END },
		{ 'n', ACT_NET_CYCLE }, { 'u', ACT_ADD_ALLOW },
		{ 'x', ACT_ADD_DENY }, { 'w', ACT_ADD_ROOT },
		{ 'f', ACT_FS_CYCLE }, { 'p', ACT_ADD_PORT },
		{ 'l', ACT_TOGGLE_LOCAL }, { 'A', ACT_TOGGLE_ALLOW_ALL },
		{ 'B', ACT_TOGGLE_BUILTIN },
		{ UI_KEY_ENTER, ACT_EDIT }, { 'e', ACT_EDIT },
		{ 'm', ACT_CYCLE_MATCH }, { 'c', ACT_CYCLE_ACCESS },
		{ 'd', ACT_DELETE }, { UI_KEY_DC, ACT_DELETE },
		{ 's', ACT_SAVE }, { 'o', ACT_OPEN }, { 'r', ACT_RUN },
		{ '?', ACT_HELP }, { 'q', ACT_QUIT },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof want / sizeof want[0]; i++) {
		if (ui_keymap_lookup(UI_MODE_LIST, want[i].key) != want[i].action)
			fail_msg("key %d: want %s, got %s", want[i].key,
			    ui_action_name(want[i].action),
			    ui_action_name(ui_keymap_lookup(UI_MODE_LIST,
			    want[i].key)));
	}
	/* The preview pane shares the policy keys and scrolls with the same. */
	assert_int_equal(ui_keymap_lookup(UI_MODE_PREVIEW, 'n'), ACT_NET_CYCLE);
	assert_int_equal(ui_keymap_lookup(UI_MODE_PREVIEW, UI_KEY_PGDN),
	    ACT_PAGE_DOWN);
	assert_int_equal(ui_keymap_lookup(UI_MODE_PREVIEW, 'd'), ACT_NONE);
}

static void
keymap_prompt_takes_text_and_editing_keys(void **state)
{
	(void)state;
	assert_int_equal(ui_keymap_lookup(UI_MODE_EDIT_PATH, 'q'),
	    ACT_INSERT_CHAR);
	assert_int_equal(ui_keymap_lookup(UI_MODE_EDIT_PATH, 'n'),
	    ACT_INSERT_CHAR);
	assert_int_equal(ui_keymap_lookup(UI_MODE_EDIT_PATH, 0xe9),
	    ACT_INSERT_CHAR);
	assert_int_equal(ui_keymap_lookup(UI_MODE_EDIT_PATH, UI_KEY_ENTER),
	    ACT_ACCEPT);
	assert_int_equal(ui_keymap_lookup(UI_MODE_EDIT_PATH, UI_KEY_ESC),
	    ACT_CANCEL);
	assert_int_equal(ui_keymap_lookup(UI_MODE_EDIT_PATH, UI_KEY_TAB),
	    ACT_COMPLETE);
	assert_int_equal(ui_keymap_lookup(UI_MODE_EDIT_PATH,
	    UI_KEY_CTRL('u')), ACT_KILL_LINE);
	assert_int_equal(ui_keymap_lookup(UI_MODE_EDIT_PATH, UI_KEY_HOME),
	    ACT_BOL);
	assert_int_equal(ui_keymap_lookup(UI_MODE_EDIT_PATH, UI_KEY_END),
	    ACT_EOL);
	assert_int_equal(ui_keymap_lookup(UI_MODE_EDIT_PATH,
	    UI_KEY_BACKSPACE), ACT_BACKSPACE);
	assert_int_equal(ui_keymap_lookup(UI_MODE_EDIT_PATH, 0x7f),
	    ACT_BACKSPACE);
	/* Control characters are never text. */
	assert_int_equal(ui_keymap_lookup(UI_MODE_EDIT_PATH, 0x01), ACT_BOL);
	assert_int_equal(ui_keymap_lookup(UI_MODE_EDIT_PATH, 0x00), ACT_NONE);
	assert_int_equal(ui_keymap_lookup(UI_MODE_EDIT_PATH, 0x9b), ACT_NONE);
	/* Ctrl-L works everywhere. */
	assert_int_equal(ui_keymap_lookup(UI_MODE_EDIT_PATH,
	    UI_KEY_CTRL('l')), ACT_REDRAW);
	assert_int_equal(ui_keymap_lookup(UI_MODE_HELP, UI_KEY_CTRL('l')),
	    ACT_REDRAW);
}

static void
keymap_questions_and_help_are_modal(void **state)
{
	(void)state;
	assert_int_equal(ui_keymap_lookup(UI_MODE_CONFIRM, 's'),
	    ACT_CONFIRM_SAVE);
	assert_int_equal(ui_keymap_lookup(UI_MODE_CONFIRM, 'd'),
	    ACT_CONFIRM_DISCARD);
	assert_int_equal(ui_keymap_lookup(UI_MODE_CONFIRM, 'c'), ACT_CANCEL);
	assert_int_equal(ui_keymap_lookup(UI_MODE_CONFIRM, UI_KEY_ESC),
	    ACT_CANCEL);
	assert_int_equal(ui_keymap_lookup(UI_MODE_CONFIRM, 'n'),
	    ACT_CONFIRM_NO);
	/* No policy key leaks into a question. */
	assert_int_equal(ui_keymap_lookup(UI_MODE_CONFIRM, 'u'), ACT_NONE);
	assert_int_equal(ui_keymap_lookup(UI_MODE_HELP, 'q'), ACT_CANCEL);
	assert_int_equal(ui_keymap_lookup(UI_MODE_HELP, 'l'), ACT_NONE);
	/* The help searches as the preview does. */
	assert_int_equal(ui_keymap_lookup(UI_MODE_HELP, 'n'),
	    ACT_SEARCH_NEXT);
}

static void
keymap_key_for_finds_shared_keys(void **state)
{
	(void)state;
	assert_int_equal(ui_keymap_key_for(UI_MODE_LIST, ACT_QUIT), 'q');
	assert_int_equal(ui_keymap_key_for(UI_MODE_LIST, ACT_EDIT),
	    UI_KEY_ENTER);
	assert_int_equal(ui_keymap_key_for(UI_MODE_EDIT_PATH, ACT_QUIT),
	    UI_KEY_NONE);
	assert_int_equal(ui_keymap_key_for(UI_MODE_HELP, ACT_REDRAW),
	    UI_KEY_CTRL('l'));
}

static void
keymap_key_names_read_well(void **state)
{
	char b[32];

	(void)state;
	assert_string_equal(ui_key_name(UI_KEY_UP, b, sizeof b), "Up");
	assert_string_equal(ui_key_name(UI_KEY_PGDN, b, sizeof b), "PgDn");
	assert_string_equal(ui_key_name(UI_KEY_CTRL('u'), b, sizeof b),
	    "Ctrl-U");
	assert_string_equal(ui_key_name(UI_KEY_ENTER, b, sizeof b), "Enter");
	assert_string_equal(ui_key_name(UI_KEY_TAB, b, sizeof b), "Tab");
	assert_string_equal(ui_key_name(UI_KEY_ESC, b, sizeof b), "Esc");
	assert_string_equal(ui_key_name('A', b, sizeof b), "A");
	assert_string_equal(ui_key_name(UI_KEY_DC, b, sizeof b), "Delete");
	assert_string_equal(ui_key_name(UI_KEY_TEXT, b, sizeof b),
	    "any character");
	assert_string_equal(ui_action_name(ACT_NET_CYCLE), "network-mode");
	assert_string_equal(ui_action_name((enum ui_action)ACT__COUNT), "?");
}

/* True when word stands as a whole token of text (split at blanks and
 * commas, with mdoc's "\&" escape dropped). */
static bool
has_token(const char *text, const char *word)
{
	const char *p = text, *end;
	size_t n = strlen(word);

	for (;;) {
		while (*p == ' ' || *p == '\n' || *p == ',')
			p++;
		if (*p == '\0')
			return false;
		if (strncmp(p, "\\&", 2) == 0)
			p += 2;
		end = p;
		while (*end != '\0' && *end != ' ' && *end != '\n' &&
		    *end != ',')
			end++;
		if ((size_t)(end - p) == n && strncmp(p, word, n) == 0)
			return true;
		p = end;
	}
}

static void
keymap_every_key_is_in_the_man_page(void **state)
{
	const struct ui_binding *t;
	char *path, *man, *section, *stop, name[32];
	size_t n, i;

	(void)state;
	path = test_srcpath("data/sbpolicy.1");
	man = test_slurp(path, NULL);
	assert_non_null(man);
	section = strstr(man, "\n.Sh TERMINAL UI\n");
	assert_non_null(section);
	if ((stop = strstr(section + 1, "\n.Sh ")) != NULL)
		*stop = '\0';
	t = ui_keymap_table(&n);
	for (i = 0; i < n; i++) {
		if (t[i].key == UI_KEY_TEXT)
			continue;
		ui_key_name(t[i].key, name, sizeof name);
		if (!has_token(section, name))
			fail_msg("key %s (%s) is not in the man page's TERMINAL "
			    "UI section", name, ui_mode_name(t[i].mode));
	}
	free(man);
	free(path);
}

/* The keys of the second round: none takes a key from another. */
static void
keymap_search_undo_presets_and_sideways(void **state)
{
	(void)state;
	assert_int_equal(ui_keymap_lookup(UI_MODE_LIST, '/'), ACT_SEARCH);
	assert_int_equal(ui_keymap_lookup(UI_MODE_PREVIEW, '/'), ACT_SEARCH);
	assert_int_equal(ui_keymap_lookup(UI_MODE_HELP, '/'), ACT_SEARCH);
	assert_int_equal(ui_keymap_lookup(UI_MODE_LIST, 'U'), ACT_UNDO);
	assert_int_equal(ui_keymap_lookup(UI_MODE_PREVIEW, 'R'), ACT_REDO);
	assert_int_equal(ui_keymap_lookup(UI_MODE_LIST, 'P'), ACT_PRESETS);
	/* Searching, n and N are the matches'; the rest is the preview's. */
	assert_int_equal(ui_keymap_lookup(UI_MODE_SEARCH, 'n'),
	    ACT_SEARCH_NEXT);
	assert_int_equal(ui_keymap_lookup(UI_MODE_SEARCH, 'N'),
	    ACT_SEARCH_PREV);
	assert_int_equal(ui_keymap_lookup(UI_MODE_SEARCH, UI_KEY_ESC),
	    ACT_CANCEL);
	assert_int_equal(ui_keymap_lookup(UI_MODE_SEARCH, UI_KEY_RIGHT),
	    ACT_SCROLL_RIGHT);
	assert_int_equal(ui_keymap_lookup(UI_MODE_SEARCH, 'j'), ACT_DOWN);
	assert_int_equal(ui_keymap_lookup(UI_MODE_SEARCH, 'f'), ACT_FS_CYCLE);
	assert_int_equal(ui_keymap_lookup(UI_MODE_PREVIEW, 'n'), ACT_NET_CYCLE);
	/* Left and Right scroll the preview, not the settings. */
	assert_int_equal(ui_keymap_lookup(UI_MODE_PREVIEW, UI_KEY_LEFT),
	    ACT_SCROLL_LEFT);
	assert_int_equal(ui_keymap_lookup(UI_MODE_LIST, UI_KEY_LEFT),
	    ACT_NONE);
	/* A hint never names a key taken by a layer above. */
	assert_int_equal(ui_keymap_key_for(UI_MODE_SEARCH, ACT_NET_CYCLE),
	    UI_KEY_NONE);
	assert_int_equal(ui_keymap_key_for(UI_MODE_SEARCH, ACT_SEARCH_NEXT),
	    'n');
	/* The presets take moving, Enter and Esc; nothing else. */
	assert_int_equal(ui_keymap_lookup(UI_MODE_PICK, 'j'), ACT_DOWN);
	assert_int_equal(ui_keymap_lookup(UI_MODE_PICK, UI_KEY_ENTER),
	    ACT_ACCEPT);
	assert_int_equal(ui_keymap_lookup(UI_MODE_PICK, 'q'), ACT_NONE);
	assert_int_equal(ui_keymap_lookup(UI_MODE_PICK, 'n'), ACT_NONE);
}

/* h and l scroll the preview as Left and Right do; l is local binding in
 * the settings only, so that it never edits the policy unseen. */
static void
keymap_h_and_l_scroll_the_preview(void **state)
{
	(void)state;
	assert_int_equal(ui_keymap_lookup(UI_MODE_PREVIEW, 'h'),
	    ACT_SCROLL_LEFT);
	assert_int_equal(ui_keymap_lookup(UI_MODE_PREVIEW, 'l'),
	    ACT_SCROLL_RIGHT);
	assert_int_equal(ui_keymap_lookup(UI_MODE_SEARCH, 'l'),
	    ACT_SCROLL_RIGHT);
	assert_int_equal(ui_keymap_lookup(UI_MODE_SEARCH, 'h'),
	    ACT_SCROLL_LEFT);
	assert_int_equal(ui_keymap_lookup(UI_MODE_LIST, 'l'),
	    ACT_TOGGLE_LOCAL);
	assert_int_equal(ui_keymap_lookup(UI_MODE_LIST, 'h'), ACT_NONE);
	assert_int_equal(ui_keymap_key_for(UI_MODE_PREVIEW, ACT_TOGGLE_LOCAL),
	    UI_KEY_NONE);
}

/* The presets take ? (and F1, as the main screen does) for the help. */
static void
keymap_help_keys_on_the_presets(void **state)
{
	(void)state;
	assert_int_equal(ui_keymap_lookup(UI_MODE_PICK, '?'), ACT_HELP);
	assert_int_equal(ui_keymap_key_for(UI_MODE_PICK, ACT_HELP), '?');
	assert_int_equal(ui_keymap_lookup(UI_MODE_PICK, UI_KEY_F1), ACT_HELP);
	assert_int_equal(ui_keymap_lookup(UI_MODE_LIST, UI_KEY_F1), ACT_HELP);
	assert_int_equal(ui_keymap_lookup(UI_MODE_PREVIEW, UI_KEY_F1),
	    ACT_HELP);
	assert_int_equal(ui_keymap_lookup(UI_MODE_HELP, UI_KEY_F1),
	    ACT_CANCEL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(keymap_every_action_is_bound),
		cmocka_unit_test(keymap_every_binding_has_help),
		cmocka_unit_test(keymap_no_key_bound_twice_in_one_mode),
		cmocka_unit_test(keymap_modes_do_not_shadow_shared_keys),
		cmocka_unit_test(keymap_has_the_keys_of_interfaces_md),
		cmocka_unit_test(keymap_prompt_takes_text_and_editing_keys),
		cmocka_unit_test(keymap_questions_and_help_are_modal),
		cmocka_unit_test(keymap_key_for_finds_shared_keys),
		cmocka_unit_test(keymap_key_names_read_well),
		cmocka_unit_test(keymap_every_key_is_in_the_man_page),
		cmocka_unit_test(keymap_search_undo_presets_and_sideways),
		cmocka_unit_test(keymap_h_and_l_scroll_the_preview),
		cmocka_unit_test(keymap_help_keys_on_the_presets),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
