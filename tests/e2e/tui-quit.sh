#!/bin/sh
# SPDX-License-Identifier: ISC
# tui-quit.sh: q with unsaved changes asks whether to save first; c cancels
# and keeps them; q then n quits without saving.
. "${top_srcdir:-.}/tests/e2e/lib.sh"

start 100 30 -- tui
wait_for "Preview  lines"
key l
wait_for "local binding: on"
wait_for "[modified]"
key q
wait_for "unsaved changes; save first?"
key c
wait_for "cancelled"
wait_for "[modified]"
screen | grep -qF "EXIT=" && fail "quit although cancelled"
key q
wait_for "unsaved changes; save first?"
key Escape
wait_for "cancelled"
key q
wait_for "unsaved changes; save first?"
# n answers the question as it is asked: do not save.
key n
wait_for "EXIT=0"
[ -e "$work/config/sbpolicy/profiles/policy.json" ] && fail "saved anyway"

# Without changes q quits at once.
t kill-session -t ui
start 100 30 -- tui
wait_for "Preview  lines"
key q
wait_for "EXIT=0"
exit 0
