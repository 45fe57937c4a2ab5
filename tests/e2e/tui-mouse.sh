#!/bin/sh
# SPDX-License-Identifier: ISC
# tui-mouse.sh: a click selects a settings row and focuses a pane, the wheel
# scrolls the pane under the pointer, a click on a preset selects it and a
# second opens it; with NO_MOUSE the TUI asks for no mouse at all, and the
# reports a terminal still sends are dropped whole. The
# events are the xterm (SGR) sequences a terminal sends, put to the pane
# as raw bytes.
. "${top_srcdir:-.}/tests/e2e/lib.sh"

# mouse BUTTON X Y: a press at the 1-based cell (X, Y), and its release.
mouse() {
	_press=$(printf '\033[<%s;%s;%sM' "$1" "$2" "$3" | od -An -tx1)
	_release=$(printf '\033[<%s;%s;%sm' "$1" "$2" "$3" | od -An -tx1)
	key -H $_press
	key -H $_release
}

start 100 30 -- tui
wait_for "Settings: start from a preset?"
# The third preset: selected by a click, opened by a second. Its rows
# start at 3 (the title, the heading), three rows a preset in 40 columns.
mouse 0 5 9
wait_for "dev-server: writes in the project"
mouse 0 5 9
wait_for "[new policy from dev-server]"
wait_for "fs workspace-write"

# A click on the row of "local binding", then Enter toggles it.
row=$(screen | grep -n -m 1 "local binding" | cut -d: -f1)
[ -n "$row" ] || fail "no local binding row"
mouse 0 6 "$row"
key Enter
wait_for "local binding: off"

# A click in the preview focuses it: a settings key then says so.
mouse 0 60 10
key d
wait_for "the preview has the focus"

# The wheel over the preview scrolls it three lines; focus stays.
wait_for "Preview  lines 1-"
mouse 65 60 10
wait_for "Preview  lines 4-"
mouse 64 60 10
wait_for "Preview  lines 1-"
key q
wait_for "unsaved changes;"
key d
wait_for "EXIT=0"

# NO_MOUSE: the sequence is not taken as a click (no selection moves), and
# none of its bytes is a key: the m of a release would change the match of
# the socket entry selected.
t kill-session -t ui
start 100 30 NO_MOUSE=1 -- tui --network full --allow-unix-socket /tmp/m.sock
wait_for "Preview  lines 1-"
mouse 65 60 10
sleep 0.5
screen | grep -qF "Preview  lines 4-" && fail "the wheel scrolled with NO_MOUSE"
_n=0
while ! screen | sed -n 30p | grep -qF "m match"; do
	[ $_n -lt 40 ] || fail "no socket entry to select"
	key Down
	sleep 0.1
	_n=$((_n + 1))
done
mouse 0 10 6
# X10's form too: ESC [ M and three bytes (a space is Enter's twin).
key -H 1b 5b 4d 20 2a 26
key n
wait_for "network off"
screen | grep -qF "match: " && fail "a mouse report's m changed the match"
screen | grep -qF "edit path:" && fail "a mouse report's byte edited the entry"
screen | grep -qF "subpath connect-bind" || fail "the entry changed"
key q
wait_for "unsaved changes;"
key n
wait_for "EXIT=0"
exit 0
