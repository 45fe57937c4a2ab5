#!/bin/sh
# SPDX-License-Identifier: ISC
# tui-search.sh: / searches the preview, its matches highlighted; n and N go
# from match to match while the search is on and cycle the network again
# after Esc; Left and Right scroll long lines; the help searches too.
. "${top_srcdir:-.}/tests/e2e/lib.sh"

start 100 30 NO_COLOR=1 -- tui --network restricted
wait_for "Preview  lines 1-"
key /
wait_for "search:"
text "file-write"
key Enter
wait_for '"file-write": line '
wait_for "match 1 of "
wait_for "n next  N previous  Esc end search"
# The match stands out: in reverse video without colours, just before it.
esc=$(printf '\033')
t capture-pane -p -e -t ui | sed "s/$esc/E/g" |
    grep -qE "E\[([0-9]+;)*7(;[0-9]+)*m(E\[[0-9;]*m)*file-write" ||
    fail "the match is not highlighted"
key n
wait_for "match 2 of "
key N
wait_for "match 1 of "
key N
wait_for "(from the end)"
screen | grep -qF "network restricted" || fail "n or N changed the network"
# Esc ends it: n is the network mode's again. (A pause: Esc and a key at
# once would be Alt.)
key Escape
wait_gone "n next"
sleep 0.3
key n
wait_for "network full"

# Capitals are matched as typed; nothing found keeps the prompt.
key /
text "FILE-WRITE"
key Enter
wait_for 'not found: "FILE-WRITE"'
wait_for "search: FILE-WRITE"
key Escape
wait_gone "search:"

# Sideways: the preview has the focus after a search; Left and Right.
sleep 0.3
key Right
wait_for ", from column "
screen | sed -n 3p | grep -qF "|<" || fail "no < before the scrolled lines"
key Left
wait_gone ", from column "

# The help searches too.
key '?'
wait_for "Keys  (q, Esc or ? closes"
key /
wait_for "search the help:"
text "redo"
key Enter
wait_for '"redo": line '
wait_for "redo what undo undid"
key q
wait_gone "Keys  (q, Esc"
key q
wait_for "unsaved changes;"
key d
wait_for "EXIT=0"
exit 0
