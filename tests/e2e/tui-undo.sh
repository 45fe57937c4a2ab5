#!/bin/sh
# SPDX-License-Identifier: ISC
# tui-undo.sh: d removes at once and U brings it back, with the hint in
# the hint row while there is something to undo; R redoes; U goes back
# through several changes to the unmodified policy.
. "${top_srcdir:-.}/tests/e2e/lib.sh"

start 120 30 -- tui --network restricted
wait_for "Preview  lines 1-"
screen | sed -n 30p | grep -qF "U undo" && fail "undo offered with nothing to undo"
key u
wait_for "allow socket:"
text /tmp/one.sock
key Enter
wait_for 'added "/tmp/one.sock"'
wait_row 30 "U undo"
key d
wait_for 'removed "/tmp/one.sock"'
screen | grep -qE "allow sockets +0 " || fail "not removed"
key U
wait_for 'undone: removed "/tmp/one.sock"'
wait_for "/tmp/one.sock"
wait_row 30 "R redo"
key R
wait_for 'redone: removed "/tmp/one.sock"'
key U
wait_for 'undone: removed "/tmp/one.sock"'
key U
wait_for 'undone: added "/tmp/one.sock" (nothing more to undo)'
screen | sed -n 1p | grep -qF "[modified]" && fail "still modified after undoing all"
key U
wait_for "nothing to undo"
key q
wait_for "EXIT=0"
exit 0
