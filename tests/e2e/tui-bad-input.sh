#!/bin/sh
# SPDX-License-Identifier: ISC
# tui-bad-input.sh: input the TUI cannot use is dropped with a message and
# never stalls the keys after it: non-ASCII in the C locale, a byte that is
# not UTF-8 in a UTF-8 locale, and Alt-x (Esc x), which must not act as x.
# A paste (bracketed: the TUI asks for it) is text for a prompt, never keys:
# its newline is no Enter, outside a prompt it does nothing, and the mode is
# off again once the TUI ends.
. "${top_srcdir:-.}/tests/e2e/lib.sh"

# paste TEXT: as a terminal pastes it, in brackets when the program asked.
paste() {
	t set-buffer -- "$1"
	t paste-buffer -p -t ui
}

start 100 30 -- tui
wait_for "Preview  lines"
key u
wait_for "allow socket:"
# The newline ends no prompt, and what follows it is no command: l, n
# and e would open the network.
paste "/tmp/new
line.sock"
wait_for "refused the paste: it has more than one line"
wait_row 29 "allow socket:"
screen | sed -n 1p | grep -qF "[modified]" &&
    fail "the paste changed the policy"
screen | sed -n 1p | grep -qF "network restricted" ||
    fail "the network changed"
# One line, its newline at the end aside, goes in as text.
paste "/tmp/pasted.sock
"
wait_for "allow socket: /tmp/pasted.sock"
key Enter
wait_for "added \"/tmp/pasted.sock\""
# Outside a prompt a paste is no keys: n would cycle the network.
paste "nnq"
wait_for "ignored a paste"
screen | sed -n 1p | grep -qF "network restricted" ||
    fail "a paste acted as keys"
key q
wait_for "unsaved changes; save first?"
key n
wait_for "EXIT=0"
# Bracketed paste is off for the shell: no brackets around its paste.
paste "after-exit"
wait_for "after-exit"
screen | grep -qF "[200~" && fail "bracketed paste left on after the exit"
t kill-session -t ui

# The C locale: a prompt and the main view refuse non-ASCII.
start 100 30 LANG=C LC_ALL=C -- tui
wait_for "Preview  lines"
key w
wait_for "writable root:"
text "/tmp/ü"
wait_for "the locale is not UTF-8"
key Escape
wait_gone "writable root:"
text "é"
wait_for "the locale is not UTF-8"
key n
wait_for "network full"
key q
wait_for "unsaved changes; save first?"
key d
wait_for "EXIT=0"

# A UTF-8 locale: one bad byte, then the keys still work.
utf8=$(locale -a 2>/dev/null | grep -i -m 1 -E '^(C|en_US)\.utf-?8$')
if [ -n "$utf8" ]; then
	t kill-session -t ui
	start 100 30 LANG="$utf8" LC_ALL="$utf8" -- tui
	wait_for "Preview  lines"
	key -H e9
	key n
	wait_for "network full"
	key -H e9
	wait_for "ignored input that is not UTF-8"
	# A character cut short by a key keeps the key.
	key -H c3
	key n
	wait_for "network off"
	# UTF-8 typed into a prompt arrives whole.
	key w
	wait_for "writable root:"
	text "/tmp/ü"
	wait_for "writable root: /tmp/ü"
	key Escape
	wait_gone "writable root:"

	# Alt-n (Esc n) does not cycle the network mode.
	key M-n
	wait_for "Alt keys do nothing"
	screen | sed -n 1p | grep -qF "network off" ||
	    fail "Alt-n acted as n"
	key q
	wait_for "unsaved changes; save first?"
	key d
	wait_for "EXIT=0"
fi
exit 0
