#!/bin/sh
# SPDX-License-Identifier: ISC
# tui-nocolor.sh: with NO_COLOR the screen has no colour at all, and the
# roles stay apart by attributes (reverse, bold, underline, dim); on vt100,
# which has no dim, inactive rows are marked.
. "${top_srcdir:-.}/tests/e2e/lib.sh"

has_colour() {
	# SGR 30-37, 40-47, 90-97, 38;5;N / 48;5;N in tmux's capture
	t capture-pane -p -e -t ui |
	    grep -Eq "$(printf '\033')\[([0-9;]*;)?(3[0-7]|4[0-7]|9[0-7]|38;5;[0-9]+|48;5;[0-9]+)(;[0-9;]*)?m"
}

start 100 30 -- tui
wait_for "Preview  lines"
has_colour || fail "no colour without NO_COLOR"
key q
wait_for "EXIT=0"
t kill-session -t ui

start 100 30 NO_COLOR=1 -- tui
wait_for "Preview  lines"
has_colour && fail "colour despite NO_COLOR"
capture=$(t capture-pane -p -e -t ui)
esc=$(printf '\033')
echo "$capture" | grep -q "${esc}\[[0-9;]*7[;m]" || fail "no reverse video"
echo "$capture" | grep -q "${esc}\[[0-9;]*1[;m]" || fail "no bold"
echo "$capture" | grep -q "${esc}\[[0-9;]*4[;m]" || fail "no underline"
echo "$capture" | grep -q "${esc}\[[0-9;]*2[;m]" || fail "no dim"
key n
wait_for "network full"
key n
key n
wait_for "network restricted"
key q
wait_for "EXIT=0"

# vt100 has no dim: the rows with no effect carry a mark that shows
# without it, and the live ones none.
t kill-session -t ui
start 100 30 TERM=vt100 -- tui
wait_for "Preview  lines"
key n
key n
wait_for "network off"
screen | grep -q '^ - allow sockets' || fail "no mark on an inactive row"
screen | grep -q '^   mode  *off' || fail "a mark on a live row"
key q
wait_for "unsaved changes; save first?"
key n
wait_for "EXIT=0"
exit 0
