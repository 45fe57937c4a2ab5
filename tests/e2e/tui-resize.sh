#!/bin/sh
# SPDX-License-Identifier: ISC
# tui-resize.sh: resizing re-lays out at once; below the minimum a plain
# "terminal too small" line; back to normal when the terminal grows, with
# the rows scrolled back to the top they can show.
. "${top_srcdir:-.}/tests/e2e/lib.sh"

start 100 30 -- tui
wait_for "Preview  lines"
screen | sed -n 2p | grep -q "Settings.*Preview" || fail "not side by side"

t resize-window -t ui -x 40 -y 12
wait_for "terminal too small (need 50x14)"
wait_gone "Settings"

t resize-window -t ui -x 100 -y 30
wait_for "Settings"
screen | sed -n 2p | grep -q "Settings.*Preview" || fail "not side by side again"

# Narrow: stacked, the preview heading on a row of its own (row 1 + 21/2).
t resize-window -t ui -x 80 -y 24
wait_row 12 " Preview  lines 1-"
screen | sed -n 2p | grep -q "Preview" && fail "not stacked at 80 columns"

# A key still works after all that.
key n
wait_for "network full"
key n
key n
wait_for "network restricted"
key q
wait_for "EXIT=0"

# A list taller than the pane, a brief shrink and back: the Network
# heading is in sight again (the scroll is clamped at every layout), and
# Home, Up and Ctrl-L keep it so.
t kill-session -t ui
{
	printf '{"version": 1, "network": {"unix_sockets": {"allow": ['
	i=0
	while [ $i -lt 40 ]; do
		[ $i -gt 0 ] && printf ', '
		printf '"/tmp/s%02d.sock"' $i
		i=$((i + 1))
	done
	printf ']}}}\n'
} >"$work/tall.json"
start 120 35 -- tui tall.json
wait_row 3 " Network"
t resize-window -t ui -x 40 -y 12
wait_for "terminal too small"
t resize-window -t ui -x 120 -y 35
wait_for "Settings"
wait_row 3 " Network"
key Home
i=0
while [ $i -lt 40 ]; do
	key Up
	i=$((i + 1))
done
key C-l
sleep 0.3
wait_row 3 " Network"
screen | sed -n 4p | grep -qF "   mode " || fail "the mode row is not under the heading"
key q
wait_for "EXIT=0"
exit 0
