#!/bin/sh
# SPDX-License-Identifier: ISC
# tui-too-small.sh: below the minimum size the needed size shows whole, and
# the quit question (with unsaved changes) shows and takes its keys instead
# of trapping the user until the terminal grows.
. "${top_srcdir:-.}/tests/e2e/lib.sh"

start 100 30 -- tui
wait_for "Preview  lines"
key l
wait_for "[modified]"
t resize-window -t ui -x 20 -y 5
wait_row 1 "terminal too small"
wait_row 2 "(need 50x14)"
# A browsing key does nothing unseen.
key n
key q
wait_for "unsaved changes;"
wait_for "c cancel"
key c
wait_gone "unsaved changes;"
screen | grep -qF "EXIT=" && fail "quit although cancelled"
key q
wait_for "unsaved changes;"
key d
wait_for "EXIT=0"
exit 0
