#!/bin/sh
# SPDX-License-Identifier: ISC
# tui-ctrl-quit.sh: Ctrl-\ (SIGQUIT) ends the TUI as Ctrl-C does, status 1,
# and leaves the terminal sane: echo and canonical input back, the cursor
# visible, the alternate screen left, bracketed paste off.
. "${top_srcdir:-.}/tests/e2e/lib.sh"

start 100 30 -- tui
wait_for "Preview  lines"
# In the middle of a prompt, with the cursor on.
key u
wait_for "allow socket:"
text /tmp/half
key 'C-\'
wait_for "EXIT=1"
check_sane_terminal "Ctrl-\\"
# Bracketed paste is off again: the shell's paste comes without brackets.
t set-buffer -- "after-exit"
t paste-buffer -p -t ui
wait_for "after-exit"
screen | grep -qF "[200~" && fail "bracketed paste left on after Ctrl-\\"
exit 0
