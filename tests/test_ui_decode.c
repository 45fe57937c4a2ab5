/* SPDX-License-Identifier: ISC */
/* test_ui_decode.c: keys from bytes (UTF-8, Esc, bad input, pastes, mouse
 * reports) and UTF-8 text widths. */
#include "config.h"

#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "decode.h"
#include "keymap.h"
#include "utf8.h"

/* A scripted key source: UI_KEY_NONE in the script is a pause (nothing
 * comes in time); the end of the script is one too. */
struct script {
	const int	*v;
	size_t		 n;
	size_t		 at;
	int		 waits[32];	/* the wait_ms of each get */
	size_t		 nget;
};

static int
script_get(void *arg, int wait_ms)
{
	struct script *s = arg;

	if (s->nget < sizeof s->waits / sizeof s->waits[0])
		s->waits[s->nget] = wait_ms;
	s->nget++;
	if (s->at >= s->n)
		return UI_KEY_NONE;
	return s->v[s->at++];
}

#define SCRIPT(name, ...) \
	static const int name##_v[] = { __VA_ARGS__ }; \
	struct script name = { name##_v, sizeof name##_v / sizeof name##_v[0], \
	    0, { 0 }, 0 }

static void
decode_passes_ascii_and_special_keys(void **state)
{
	struct ui_decoder d;
	SCRIPT(s, 'n', '\r', '\n', 0x7f, UI_KEY_UP, '\t');

	(void)state;
	ui_decoder_init(&d, script_get, &s, true);
	assert_int_equal(ui_decoder_next(&d, -1), 'n');
	assert_int_equal(ui_decoder_next(&d, -1), UI_KEY_ENTER);
	assert_int_equal(ui_decoder_next(&d, -1), UI_KEY_ENTER);
	assert_int_equal(ui_decoder_next(&d, -1), 0x7f);
	assert_int_equal(ui_decoder_next(&d, -1), UI_KEY_UP);
	assert_int_equal(ui_decoder_next(&d, -1), UI_KEY_TAB);
	assert_int_equal(ui_decoder_next(&d, -1), UI_KEY_NONE);
}

static void
decode_joins_utf8_characters(void **state)
{
	struct ui_decoder d;
	SCRIPT(s, 0xc3, 0xbc, 0xe6, 0x97, 0xa5, 0xf0, 0x9f, 0x98, 0x80, 'x');

	(void)state;
	ui_decoder_init(&d, script_get, &s, true);
	assert_int_equal(ui_decoder_next(&d, -1), 0xfc);
	assert_int_equal(ui_decoder_next(&d, -1), 0x65e5);
	assert_int_equal(ui_decoder_next(&d, -1), 0x1f600);
	assert_int_equal(ui_decoder_next(&d, -1), 'x');
	/* The rest of a character is waited for, briefly. */
	assert_int_equal(s.waits[1], UI_DECODE_WAIT_MS);
}

static void
decode_drops_a_bad_byte_and_keeps_the_next_key(void **state)
{
	struct ui_decoder d;
	/* 0xe9 starts a three-byte character; 'n' cuts it short. */
	SCRIPT(s, 0xe9, 'n', 0x80, 'q', 0xff, 0xc0, 0xaf, 0xed, 0xa0, 0x80,
	    0xc3, UI_KEY_RESIZE, 'y');

	(void)state;
	ui_decoder_init(&d, script_get, &s, true);
	assert_int_equal(ui_decoder_next(&d, -1), UI_KEY_BAD_INPUT);
	assert_int_equal(ui_decoder_next(&d, -1), 'n');
	/* A stray continuation byte, bytes that never occur in UTF-8. */
	assert_int_equal(ui_decoder_next(&d, -1), UI_KEY_BAD_INPUT);
	assert_int_equal(ui_decoder_next(&d, -1), 'q');
	assert_int_equal(ui_decoder_next(&d, -1), UI_KEY_BAD_INPUT);
	assert_int_equal(ui_decoder_next(&d, -1), UI_KEY_BAD_INPUT);
	assert_int_equal(ui_decoder_next(&d, -1), UI_KEY_BAD_INPUT);
	/* An encoded surrogate is not UTF-8: one message for the three. */
	assert_int_equal(ui_decoder_next(&d, -1), UI_KEY_BAD_INPUT);
	/* A function key cuts a character short too, and stays a key. */
	assert_int_equal(ui_decoder_next(&d, -1), UI_KEY_BAD_INPUT);
	assert_int_equal(ui_decoder_next(&d, -1), UI_KEY_RESIZE);
	assert_int_equal(ui_decoder_next(&d, -1), 'y');
	assert_int_equal(ui_decoder_next(&d, -1), UI_KEY_NONE);
}

static void
decode_drops_a_character_whose_rest_never_comes(void **state)
{
	struct ui_decoder d;
	SCRIPT(s, 0xe2, 0x82, UI_KEY_NONE, 'n');

	(void)state;
	ui_decoder_init(&d, script_get, &s, true);
	assert_int_equal(ui_decoder_next(&d, -1), UI_KEY_BAD_INPUT);
	assert_int_equal(ui_decoder_next(&d, -1), 'n');
}

static void
decode_refuses_non_ascii_outside_a_utf8_locale(void **state)
{
	struct ui_decoder d;
	/* u-umlaut from a UTF-8 terminal, then e-acute from a Latin-1 one. */
	SCRIPT(s, 0xc3, 0xbc, 'n', 0xe9, 0xe9, 'q');

	(void)state;
	ui_decoder_init(&d, script_get, &s, false);
	assert_int_equal(ui_decoder_next(&d, -1), UI_KEY_NON_ASCII);
	assert_int_equal(ui_decoder_next(&d, -1), 'n');
	assert_int_equal(ui_decoder_next(&d, -1), UI_KEY_NON_ASCII);
	assert_int_equal(ui_decoder_next(&d, -1), UI_KEY_NON_ASCII);
	assert_int_equal(ui_decoder_next(&d, -1), 'q');
}

static void
decode_tells_esc_from_alt(void **state)
{
	struct ui_decoder d;
	SCRIPT(s, 0x1b, UI_KEY_NONE, 0x1b, 'n', 0x1b, 0x1b, UI_KEY_NONE, 'd',
	    0x1b, 0xc3, 0xa9, 'x', 0x1b, UI_KEY_RESIZE);

	(void)state;
	ui_decoder_init(&d, script_get, &s, true);
	/* Esc alone: nothing behind it, and no waiting for it. */
	assert_int_equal(ui_decoder_next(&d, -1), UI_KEY_ESC);
	assert_int_equal(s.waits[1], 0);
	/* Esc n is Alt-n: not n. */
	assert_int_equal(ui_decoder_next(&d, -1), UI_KEY_ALT);
	/* Esc Esc is two Escs. */
	assert_int_equal(ui_decoder_next(&d, -1), UI_KEY_ESC);
	assert_int_equal(ui_decoder_next(&d, -1), UI_KEY_ESC);
	assert_int_equal(ui_decoder_next(&d, -1), 'd');
	/* Alt and a whole UTF-8 character. */
	assert_int_equal(ui_decoder_next(&d, -1), UI_KEY_ALT);
	assert_int_equal(ui_decoder_next(&d, -1), 'x');
	assert_int_equal(ui_decoder_next(&d, -1), UI_KEY_ESC);
	assert_int_equal(ui_decoder_next(&d, -1), UI_KEY_RESIZE);
}

/*
 * The keys that curses leaves as bytes when $TERM is not the terminal's
 * own (TERM=xterm-256color inside tmux, which sends ESC [ 1 ~ for Home):
 * read as the keys they are, not as Alt and two more keys.
 */
static void
decode_reads_the_keys_curses_left_as_bytes(void **state)
{
	struct ui_decoder d;
	SCRIPT(s, 0x1b, '[', '1', '~', 0x1b, '[', '4', '~', 'x',
	    0x1b, '[', '7', '~', 0x1b, '[', '8', '~',
	    0x1b, '[', 'H', 0x1b, '[', 'F', 0x1b, 'O', 'H', 0x1b, 'O', 'F',
	    0x1b, '[', '3', '~', 0x1b, '[', '5', '~', 0x1b, '[', '6', '~',
	    0x1b, '[', 'A', 0x1b, 'O', 'B', 0x1b, '[', 'C', 0x1b, '[', 'D',
	    0x1b, '[', 'Z', 0x1b, 'O', 'P', 0x1b, '[', '1', '1', '~',
	    /* Insert, and a modified key: whole sequences, dropped. */
	    0x1b, '[', '2', '~', 'y', 0x1b, '[', '1', ';', '5', 'C', 'z',
	    /* Alt-[ and Alt-O alone stay Alt. */
	    0x1b, '[', UI_KEY_NONE, 'q', 0x1b, 'O', UI_KEY_NONE, 'w');

	(void)state;
	ui_decoder_init(&d, script_get, &s, true);
	assert_int_equal(ui_decoder_next(&d, -1), UI_KEY_HOME);
	assert_int_equal(ui_decoder_next(&d, -1), UI_KEY_END);
	assert_int_equal(ui_decoder_next(&d, -1), 'x');
	assert_int_equal(ui_decoder_next(&d, -1), UI_KEY_HOME);
	assert_int_equal(ui_decoder_next(&d, -1), UI_KEY_END);
	assert_int_equal(ui_decoder_next(&d, -1), UI_KEY_HOME);
	assert_int_equal(ui_decoder_next(&d, -1), UI_KEY_END);
	assert_int_equal(ui_decoder_next(&d, -1), UI_KEY_HOME);
	assert_int_equal(ui_decoder_next(&d, -1), UI_KEY_END);
	assert_int_equal(ui_decoder_next(&d, -1), UI_KEY_DC);
	assert_int_equal(ui_decoder_next(&d, -1), UI_KEY_PGUP);
	assert_int_equal(ui_decoder_next(&d, -1), UI_KEY_PGDN);
	assert_int_equal(ui_decoder_next(&d, -1), UI_KEY_UP);
	assert_int_equal(ui_decoder_next(&d, -1), UI_KEY_DOWN);
	assert_int_equal(ui_decoder_next(&d, -1), UI_KEY_RIGHT);
	assert_int_equal(ui_decoder_next(&d, -1), UI_KEY_LEFT);
	assert_int_equal(ui_decoder_next(&d, -1), UI_KEY_BTAB);
	assert_int_equal(ui_decoder_next(&d, -1), UI_KEY_F1);
	assert_int_equal(ui_decoder_next(&d, -1), UI_KEY_F1);
	assert_int_equal(ui_decoder_next(&d, -1), UI_KEY_UNKNOWN);
	assert_int_equal(ui_decoder_next(&d, -1), 'y');
	assert_int_equal(ui_decoder_next(&d, -1), UI_KEY_UNKNOWN);
	assert_int_equal(ui_decoder_next(&d, -1), 'z');
	assert_int_equal(ui_decoder_next(&d, -1), UI_KEY_ALT);
	assert_int_equal(ui_decoder_next(&d, -1), 'q');
	assert_int_equal(ui_decoder_next(&d, -1), UI_KEY_ALT);
	assert_int_equal(ui_decoder_next(&d, -1), 'w');
	assert_int_equal(ui_decoder_next(&d, -1), UI_KEY_NONE);
}

static void
utf8_decodes_and_rejects(void **state)
{
	size_t n;

	(void)state;
	assert_int_equal(ui_utf8_decode("a", 1, &n), 'a');
	assert_int_equal(n, 1);
	assert_int_equal(ui_utf8_decode("\xc3\xa9", 2, &n), 0xe9);
	assert_int_equal(n, 2);
	assert_int_equal(ui_utf8_decode("\xc3", 1, &n), -1);
	assert_int_equal(n, 1);
	assert_int_equal(ui_utf8_decode("\xc0\xaf", 2, &n), -1);
	assert_int_equal(ui_utf8_decode("\xe0\x80\xaf", 3, &n), -1);
	assert_int_equal(ui_utf8_decode("\xed\xa0\x80", 3, &n), -1);
	assert_int_equal(ui_utf8_decode("\xf4\x90\x80\x80", 4, &n), -1);
	assert_int_equal(ui_utf8_decode("\xf4\x8f\xbf\xbf", 4, &n), 0x10ffff);
	assert_int_equal(n, 4);
}

static void
utf8_floor_never_splits_a_character(void **state)
{
	const char *s = "x\xc3\xa9\xe6\x97\xa5";

	(void)state;
	assert_int_equal(ui_utf8_floor(s, 6, 1), 1);
	assert_int_equal(ui_utf8_floor(s, 6, 2), 1);
	assert_int_equal(ui_utf8_floor(s, 6, 3), 3);
	assert_int_equal(ui_utf8_floor(s, 6, 5), 3);
	assert_int_equal(ui_utf8_floor(s, 6, 6), 6);
	/* A bad byte is a character of its own. */
	assert_int_equal(ui_utf8_floor("a\xff\xc3\xa9", 4, 2), 2);
	assert_int_equal(ui_utf8_floor("a\xff\xc3\xa9", 4, 3), 2);
}

static void
utf8_widths_count_wide_characters_twice(void **state)
{
	(void)state;
	if (setlocale(LC_CTYPE, "C.UTF-8") == NULL &&
	    setlocale(LC_CTYPE, "C.utf8") == NULL &&
	    setlocale(LC_CTYPE, "en_US.UTF-8") == NULL)
		skip();
	/* "a", e-acute, two CJK ideographs, a combining acute accent. */
	assert_int_equal(ui_utf8_width("a\xc3\xa9\xe6\x97\xa5\xe6\x9c\xac", 9),
	    6);
	assert_int_equal(ui_utf8_width("e\xcc\x81", 3), 1);
	/* A control character or a bad byte is drawn as one '?'. */
	assert_int_equal(ui_utf8_width("a\n\xff", 3), 3);
	/* So is U+202E, which wcwidth calls 0 columns wide. */
	assert_int_equal(ui_utf8_cp_width(0x202e), -1);
	assert_int_equal(ui_utf8_width("a\xe2\x80\xae" "b", 5), 3);
	/* A wide character that does not fit is left out whole. */
	assert_int_equal(ui_utf8_fit("a\xe6\x97\xa5", 4, 2), 1);
	assert_int_equal(ui_utf8_fit("a\xe6\x97\xa5", 4, 3), 4);
	assert_int_equal(ui_utf8_fit("e\xcc\x81x", 4, 1), 3);
	setlocale(LC_CTYPE, "C");
	/* Outside UTF-8, non-ASCII is a '?' each. */
	assert_int_equal(ui_utf8_width("\xe6\x97\xa5", 3), 1);
}

static void
utf8_wrap_cuts_at_blanks_and_never_inside_a_character(void **state)
{
	size_t next;

	(void)state;
	/* All of it when it fits. */
	assert_int_equal(ui_utf8_wrap("ab cd", 5, 5, 0, &next), 5);
	assert_int_equal(next, 5);
	/* At the last blank that fits, the blanks after it skipped. */
	assert_int_equal(ui_utf8_wrap("ab cd  ef", 9, 7, 0, &next), 5);
	assert_int_equal(next, 7);
	/* Not at a blank within keep bytes: inside the word instead. */
	assert_int_equal(ui_utf8_wrap("ab cdefgh", 9, 6, 2, &next), 6);
	assert_int_equal(next, 6);
	/* One long word: cut where it stops fitting. */
	assert_int_equal(ui_utf8_wrap("abcdefgh", 8, 3, 0, &next), 3);
	/* A bad byte is one column; a character is never split, and one at
	 * least goes on each line. */
	assert_int_equal(ui_utf8_wrap("a\xc3\xa9" "b", 4, 2, 0, &next), 3);
	assert_int_equal(ui_utf8_wrap("\xc3\xa9" "b", 3, 0, 0, &next), 2);
	assert_int_equal(next, 2);
}

/* curses reads the mouse's sequences itself (KEY_MOUSE): the event is a
 * key of its own, which neither Esc nor a character cut short eats. */
static void
decode_keeps_mouse_events_whole(void **state)
{
	struct ui_decoder d;
	SCRIPT(s, UI_KEY_MOUSE, 'j', 0x1b, UI_KEY_MOUSE, 0xc3, UI_KEY_MOUSE,
	    'k');

	(void)state;
	ui_decoder_init(&d, script_get, &s, true);
	assert_int_equal(ui_decoder_next(&d, -1), UI_KEY_MOUSE);
	assert_int_equal(ui_decoder_next(&d, -1), 'j');
	assert_int_equal(ui_decoder_next(&d, -1), UI_KEY_ESC);
	assert_int_equal(ui_decoder_next(&d, -1), UI_KEY_MOUSE);
	assert_int_equal(ui_decoder_next(&d, -1), UI_KEY_BAD_INPUT);
	assert_int_equal(ui_decoder_next(&d, -1), UI_KEY_MOUSE);
	assert_int_equal(ui_decoder_next(&d, -1), 'k');
}

/*
 * A bracketed paste is one event, its bytes text: the newline in it is no
 * Enter, and nothing in it is a key (an ESC [ that is not its end, a
 * function key curses read). A resize meanwhile comes after it.
 */
static void
decode_reads_a_bracketed_paste_whole(void **state)
{
	struct ui_decoder d;
	SCRIPT(s, 0x1b, '[', '2', '0', '0', '~', '/', 't', '\r', 'n', 0x1b,
	    '[', '2', '0', 'x', UI_KEY_RESIZE, 0xc3, 0xbc, 0x1b, '[', '2', '0',
	    '1', '~', 'q',
	    /* A function key in it. */
	    0x1b, '[', '2', '0', '0', '~', 'a', UI_KEY_UP, 'b', 0x1b, '[',
	    '2', '0', '1', '~',
	    /* An end with no start: dropped. */
	    0x1b, '[', '2', '0', '1', '~', 'j',
	    /* Not UTF-8. */
	    0x1b, '[', '2', '0', '0', '~', 0xff, 0x1b, '[', '2', '0', '1', '~',
	    /* No end. */
	    0x1b, '[', '2', '0', '0', '~', 'z');

	(void)state;
	ui_decoder_init(&d, script_get, &s, true);
	assert_int_equal(ui_decoder_next(&d, -1), UI_KEY_PASTE);
	assert_int_equal(d.paste_kind, UI_PASTE_TEXT);
	assert_int_equal(d.paste_len, 11);
	assert_memory_equal(d.paste, "/t\rn\033[20x\xc3\xbc", 11);
	/* The bytes of the paste came without pauses. */
	assert_int_equal(s.waits[6], UI_PASTE_WAIT_MS);
	assert_int_equal(ui_decoder_next(&d, -1), UI_KEY_RESIZE);
	assert_int_equal(ui_decoder_next(&d, -1), 'q');
	assert_int_equal(ui_decoder_next(&d, -1), UI_KEY_PASTE);
	assert_int_equal(d.paste_kind, UI_PASTE_KEYS);
	assert_int_equal(ui_decoder_next(&d, -1), UI_KEY_NONE);
	assert_int_equal(ui_decoder_next(&d, -1), 'j');
	assert_int_equal(ui_decoder_next(&d, -1), UI_KEY_PASTE);
	assert_int_equal(d.paste_kind, UI_PASTE_NOT_UTF8);
	assert_int_equal(ui_decoder_next(&d, -1), UI_KEY_PASTE);
	assert_int_equal(d.paste_kind, UI_PASTE_UNENDED);
	assert_int_equal(d.paste_len, 1);
	assert_int_equal(ui_decoder_next(&d, -1), UI_KEY_NONE);
}

/* A paste longer than the decoder keeps, and one of non-ASCII outside a
 * UTF-8 locale, are read to their end all the same: no byte is a key. */
static void
decode_reads_a_long_paste_to_its_end(void **state)
{
	static int v[UI_PASTE_MAX + 64];
	struct script s = { v, 0, 0, { 0 }, 0 };
	struct ui_decoder d;
	size_t i;
	const char *start = "\033[200~", *end = "\033[201~";

	(void)state;
	for (i = 0; start[i] != '\0'; i++)
		v[s.n++] = (unsigned char)start[i];
	for (i = 0; i < UI_PASTE_MAX + 10; i++)
		v[s.n++] = i % 2 == 0 ? 'n' : '\r';
	for (i = 0; end[i] != '\0'; i++)
		v[s.n++] = (unsigned char)end[i];
	v[s.n++] = 'k';
	ui_decoder_init(&d, script_get, &s, true);
	assert_int_equal(ui_decoder_next(&d, -1), UI_KEY_PASTE);
	assert_int_equal(d.paste_kind, UI_PASTE_LONG);
	assert_int_equal(d.paste_len, UI_PASTE_MAX);
	assert_int_equal(ui_decoder_next(&d, -1), 'k');
	{
		SCRIPT(t, 0x1b, '[', '2', '0', '0', '~', 0xc3, 0xbc, 0x1b, '[',
		    '2', '0', '1', '~', 'n');

		ui_decoder_init(&d, script_get, &t, false);
		assert_int_equal(ui_decoder_next(&d, -1), UI_KEY_PASTE);
		assert_int_equal(d.paste_kind, UI_PASTE_NON_ASCII);
		assert_int_equal(ui_decoder_next(&d, -1), 'n');
	}
}

/*
 * A mouse report that curses left as bytes (the mouse off, or $TERM naming
 * another protocol) is dropped whole: SGR's press and release, X10's three
 * bytes of any value (a space, which is Enter's twin in the settings).
 */
static void
decode_drops_mouse_reports_whole(void **state)
{
	struct ui_decoder d;
	SCRIPT(s, 0x1b, '[', '<', '0', ';', '1', '0', ';', '6', 'M',
	    0x1b, '[', '<', '0', ';', '1', '0', ';', '6', 'm', 'j',
	    0x1b, '[', '<', '6', '4', ';', '2', '0', '0', ';', '5', '0', 'M',
	    0x1b, '[', 'M', ' ', '*', '&', 'k',
	    0x1b, '[', 'M', 0xe2, 0x80, 0x80, 'q');

	(void)state;
	ui_decoder_init(&d, script_get, &s, true);
	assert_int_equal(ui_decoder_next(&d, -1), UI_KEY_NONE);
	assert_int_equal(ui_decoder_next(&d, -1), UI_KEY_NONE);
	assert_int_equal(ui_decoder_next(&d, -1), 'j');
	assert_int_equal(ui_decoder_next(&d, -1), UI_KEY_NONE);
	assert_int_equal(ui_decoder_next(&d, -1), UI_KEY_NONE);
	assert_int_equal(ui_decoder_next(&d, -1), 'k');
	/* X10's bytes past 127, with the mouse far right. */
	assert_int_equal(ui_decoder_next(&d, -1), UI_KEY_NONE);
	assert_int_equal(ui_decoder_next(&d, -1), 'q');
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(decode_passes_ascii_and_special_keys),
		cmocka_unit_test(decode_joins_utf8_characters),
		cmocka_unit_test(decode_drops_a_bad_byte_and_keeps_the_next_key),
		cmocka_unit_test(decode_drops_a_character_whose_rest_never_comes),
		cmocka_unit_test(decode_refuses_non_ascii_outside_a_utf8_locale),
		cmocka_unit_test(decode_tells_esc_from_alt),
		cmocka_unit_test(decode_reads_the_keys_curses_left_as_bytes),
		cmocka_unit_test(decode_keeps_mouse_events_whole),
		cmocka_unit_test(decode_reads_a_bracketed_paste_whole),
		cmocka_unit_test(decode_reads_a_long_paste_to_its_end),
		cmocka_unit_test(decode_drops_mouse_reports_whole),
		cmocka_unit_test(utf8_decodes_and_rejects),
		cmocka_unit_test(utf8_floor_never_splits_a_character),
		cmocka_unit_test(utf8_widths_count_wide_characters_twice),
		cmocka_unit_test(utf8_wrap_cuts_at_blanks_and_never_inside_a_character),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
