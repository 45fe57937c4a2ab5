#!/bin/sh
# SPDX-License-Identifier: ISC
# tui-presets.sh: with nothing asked for, the TUI offers the presets (the
# examples, found in the source tree from a build directory); one opens as
# a new, unsaved policy whose save goes to the profiles directory, never to
# the example; any other key closes the list and does its own; P lists
# them again, and o starts in the profiles directory.
. "${top_srcdir:-.}/tests/e2e/lib.sh"

start 100 30 -- tui
wait_for "Settings: start from a preset?"
wait_for "Preview  lines 1-"
wait_for "  default"
wait_for "  ssh-agent"
wait_for "  docker-denied"
wait_for "  dev-server"
wait_for "  restricted-one-socket"
wait_for "default policy, or a preset: Enter opens the one selected"
key j
wait_for "ssh-agent: the default, and connecting to ssh-agent's socket"
key Enter
wait_for "[new policy from ssh-agent]"
wait_for "new policy from the preset ssh-agent, not saved yet"
wait_for "com.apple.launchd.*/Listeners"
screen | sed -n 1p | grep -qF "[modified]" && fail "a preset marked modified"
key s
wait_for "save to: $work/config/sbpolicy/profiles/policy.json"
key Enter
wait_for "saved \"$work/config/sbpolicy/profiles/policy.json\""
grep -q '"match": "glob"' "$work/config/sbpolicy/profiles/policy.json" ||
    fail "the preset was not what was saved"
# The title names the file saved: at 100 columns its start gives way to the
# modes, and on a wider screen it shows whole.
wait_row 1 "sbpolicy: .../config/sbpolicy/profiles/policy.json"
wait_row 1 "network restricted | fs read-only"
t resize-window -t ui -x 130 -y 30
wait_for "sbpolicy: $work/config/sbpolicy/profiles/policy.json"
t resize-window -t ui -x 100 -y 30
wait_row 1 "sbpolicy: .../config/sbpolicy/profiles/policy.json"

# o starts where the profiles are.
key o
wait_for "open: $work/config/sbpolicy/profiles/"
key Escape
wait_gone "open: "

# P again; a change first asks.
key l
wait_for "[modified]"
key P
wait_for "the presets?"
key d
wait_for "Settings: start from a preset?"
# The one the policy came from is selected.
wait_for "ssh-agent: the default"
key Escape
wait_gone "start from a preset?"
wait_for "[modified]"
key q
wait_for "unsaved changes;"
key d
wait_for "EXIT=0"

# Any other key closes the list and does its own: n cycles the network.
t kill-session -t ui
start 100 30 -- tui
wait_for "Settings: start from a preset?"
key n
wait_for "network full"
wait_gone "start from a preset?"
key q
wait_for "unsaved changes;"
key d
wait_for "EXIT=0"

# A file, a template or a flag: no list.
t kill-session -t ui
start 100 30 -- tui --network off
wait_for "network off"
screen | grep -qF "start from a preset?" && fail "presets despite a flag"
key q
wait_for "EXIT=0"
exit 0
