#!/bin/sh
# SPDX-License-Identifier: ISC
# tui-ctrl-quit.sh: Ctrl-\ (SIGQUIT) ends the TUI as Ctrl-C does, status 1,
# and leaves the terminal sane: echo and canonical input back, the cursor
# visible, the alternate screen left.
. "${top_srcdir:-.}/tests/e2e/lib.sh"

start 100 30 -- tui
wait_for "Preview  lines"
# In the middle of a prompt, with the cursor on.
key u
wait_for "allow socket:"
text /tmp/half
key 'C-\'
wait_for "EXIT=1"
[ -s "$work/stty" ] || wait_for "EXIT="
_i=0
while [ ! -s "$work/stty" ] && [ $_i -lt 50 ]; do
	sleep 0.1
	_i=$((_i + 1))
done
modes=" $(tr '\n' ' ' < "$work/stty") "
case $modes in
*" -echo "*) fail "echo is off after Ctrl-\\" ;;
esac
case $modes in
*" -icanon "*) fail "icanon is off after Ctrl-\\" ;;
esac
case $modes in
*" echo "*) ;;
*) fail "no echo in: $modes" ;;
esac
case $modes in
*" icanon "*) ;;
*) fail "no icanon in: $modes" ;;
esac
# The TUI's screen is gone: ncurses left the alternate screen.
screen | grep -qF "Preview  lines" && fail "the TUI's screen is still shown"
exit 0
