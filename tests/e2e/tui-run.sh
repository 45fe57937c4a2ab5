#!/bin/sh
# SPDX-License-Identifier: ISC
# tui-run.sh: r leaves curses, runs the command through the launcher (on
# Linux: its "only on macOS" error and the command it would have run),
# shows the exit status, waits for a key and comes back. The prompt is no
# shell unless Ctrl-T says so, and keeps a history.
. "${top_srcdir:-.}/tests/e2e/lib.sh"

start 100 30 -- tui
wait_for "Preview  lines"
key r
wait_for "run (no shell, Ctrl-T: sh -c):"
text "echo 'hello from the sandbox'"
key Enter
wait_for "Press any key to return to sbpolicy"
wait_for "sbpolicy: exit status"
if [ "$(uname -s)" != Darwin ]; then
	wait_for "only available on macOS"
	wait_for "exit status 125"
	# The command it would have run scrolled up: look in the history.
	t capture-pane -p -S -1000 -t ui > "$work/history"
	grep -qF "sbpolicy: the command it would have run:" "$work/history" ||
	    fail "no command line shown"
	grep -qF "/usr/bin/sandbox-exec -p '; sbpolicy base profile" \
	    "$work/history" || fail "not the sandbox-exec command"
	grep -qF "' -- echo 'hello from the sandbox'" "$work/history" ||
	    fail "not the command typed"
fi
key x
wait_for "Preview  lines"
wait_for "run: "
wait_gone "Press any key"

# Ctrl-T: the line goes to sh -c as it is; the prompt and the hints say so.
key r
wait_for "run (no shell, Ctrl-T: sh -c): echo 'hello from the sandbox'"
key C-u
key C-t
wait_for "run with sh -c:"
wait_for "Ctrl-T no shell"
text 'echo $HOME *.md | wc'
key Enter
wait_for "Press any key to return to sbpolicy"
if [ "$(uname -s)" != Darwin ]; then
	t capture-pane -p -S -1000 -t ui > "$work/history"
	grep -F "sbpolicy: running " "$work/history" |
	    grep -qF "sh -c 'echo \$HOME *.md | wc'" || fail "not shown as sh -c"
	grep -qF "' -- /bin/sh -c 'echo \$HOME *.md | wc'" "$work/history" ||
	    fail "not run through sh -c"
fi
key x
wait_gone "Press any key"
# The history: Up goes back to the command before, and to its way.
key r
wait_for "run with sh -c: echo \$HOME *.md | wc"
key Up
wait_for "run (no shell, Ctrl-T: sh -c): echo 'hello from the sandbox'"
# Ctrl-W: the word before the cursor.
key C-w
wait_for "run (no shell, Ctrl-T: sh -c): echo 'hello from the"
wait_gone "the sandbox'"
key Escape
wait_gone "run (no shell"
# The terminal is restored: keys work as before.
key n
wait_for "network full"
key n
key n
wait_for "network restricted"
key q
wait_for "EXIT=0"
exit 0
