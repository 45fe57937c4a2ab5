#!/bin/sh
# SPDX-License-Identifier: ISC
# tui-keys.sh: the keys of the QA round in a real terminal. Home and End
# as tmux sends them under TERM=xterm-256color (ESC [ 1 ~, ESC [ 4 ~, which
# that terminfo does not name); h and l scroll the preview and never
# toggle local binding there, with hints for the ways it can scroll; Esc
# ends a search of the help and a second closes it, so n is the network's
# again; Tab
# completes verbs in the check prompt and nothing in the search prompt.
. "${top_srcdir:-.}/tests/e2e/lib.sh"

: >"$work/deny.json"
start 100 30 NO_COLOR=1 -- tui --network off
wait_for "Preview  lines 1-"
wait_row 30 "Enter cycle"
key End
wait_row 30 "Enter add"
screen | grep -qF "Alt keys" && fail "End was read as an Alt key"
key Home
wait_row 30 "Enter cycle"
screen | grep -qF "Alt keys" && fail "Home was read as an Alt key"

# The preview: l scrolls it, h back; the policy stays as it was.
key Tab
wait_row 30 "Right/l scroll"
screen | sed -n 30p | grep -qF "Left" && fail "Left offered at column 1"
key l
wait_for ", from column "
wait_row 30 "Left/h scroll"
screen | sed -n 1p | grep -qF "[modified]" && fail "l changed the policy"
key h
wait_gone ", from column "
screen | grep -qF "local binding: on" && fail "l toggled local binding"

# A search of the help: Esc ends it, as its message says, and a second
# Esc closes the help; n is the network's again.
key '?'
wait_for "Keys  (q, Esc or ? closes"
key /
wait_for "search the help:"
text "ctrl"
key Enter
wait_for "n next, N previous, Esc ends"
wait_row 30 "Esc end search"
key Escape
wait_gone "n next"
screen | grep -qF "Keys  (q, Esc" || fail "Esc closed the help, not the search"
screen | sed -n 30p | grep -qF "N previous" &&
    fail "the hints offer N with no search"
key Escape
wait_gone "Keys  (q, Esc"
sleep 0.3
key n
wait_for "network restricted"

# Tab: nothing in the search prompt, a verb in the check prompt.
key /
wait_for "search:"
screen | sed -n 30p | grep -qF "Tab" && fail "the search prompt offers Tab"
text "de"
key Tab
sleep 0.3
wait_for "search: de"
screen | grep -qF "search: deny" && fail "Tab completed a file name in a search"
key Escape
wait_gone "search:"
key C
wait_for "VERB TARGET"
text "rea"
key Tab
wait_for "check: read"
text "deny"
key Tab
wait_for "check: read deny.json"
key Escape
wait_gone "check:"
key q
wait_for "unsaved changes;"
key n
wait_for "EXIT=0"
exit 0
