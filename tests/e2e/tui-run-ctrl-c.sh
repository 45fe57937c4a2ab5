#!/bin/sh
# SPDX-License-Identifier: ISC
# tui-run-ctrl-c.sh: at the run's "Press any key" screen Ctrl-C is a key like
# any other: back to the builder, and after quitting, the shell's output goes
# under the run's output, not on top of it, and its "Press any key" is gone.
. "${top_srcdir:-.}/tests/e2e/lib.sh"

start 100 30 -- tui
wait_for "Preview  lines"
key r
wait_for "run (no shell"
text "echo hello"
key Enter
wait_for "Press any key to return to sbpolicy"
key C-c
wait_for "Preview  lines"
wait_for "run: "
key q
wait_for "EXIT=0"
t capture-pane -p -S -1000 -t ui > "$work/history"
ran=$(grep -n "sbpolicy: exit status" "$work/history" |
    tail -n 1 | cut -d: -f1)
exit_at=$(grep -n "^EXIT=0" "$work/history" | tail -n 1 | cut -d: -f1)
[ -n "$ran" ] && [ -n "$exit_at" ] || fail "no run output or exit line"
[ "$exit_at" -gt "$ran" ] ||
    fail "the exit line ($exit_at) is not under the run output ($ran)"
# The question was answered: it is not left on the normal screen.
grep -qF "Press any key" "$work/history" &&
    fail "the run's \"Press any key\" is left after quitting"
exit 0
