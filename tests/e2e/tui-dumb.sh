#!/bin/sh
# SPDX-License-Identifier: ISC
# tui-dumb.sh: a terminal that cannot move the cursor (TERM=dumb) is refused
# on one line with exit 1, as an unknown TERM is, not drawn as a blank screen.
. "${top_srcdir:-.}/tests/e2e/lib.sh"

start 100 30 TERM=dumb -- tui
wait_for "EXIT=1"
screen | grep -qF 'tui: the terminal cannot move the cursor (TERM="dumb")' ||
    fail "no message for TERM=dumb"
t kill-session -t ui

start 100 30 TERM=no-such-terminal -- tui
wait_for "EXIT=1"
screen | grep -qF 'tui: cannot use the terminal (TERM="no-such-terminal")' ||
    fail "no message for an unknown TERM"
exit 0
