#!/bin/sh
# SPDX-License-Identifier: ISC
# tui-check.sh: C asks an access of the profile: the verdict on the status
# line, the check under Checks with it, the deciding rule marked in the
# preview; a bad check keeps the prompt. Deleting the socket entry that
# allowed it flips the check to denied, on its row and the status line.
. "${top_srcdir:-.}/tests/e2e/lib.sh"

start 120 30 -- tui --network restricted --allow-unix-socket app.sock
wait_for "Preview  lines"
wait_for "; -D UNIX_SOCKET_PATH_0=$work/app.sock"

# A bad check: refused, and the prompt keeps what was typed.
key C
wait_for "check:"
text "raed app.sock"
key Enter
wait_for "\"raed\": not a verb"
screen | grep -qF "check: raed app.sock" || fail "the prompt lost the text"
key C-u
text "connect app.sock"
key Enter

# The verdict, the row, and the rule beside a '>' in the separator.
wait_for "allowed by line "
wait_for "(allow network-outbound (remote unix-socket"
screen | grep -Eq '^ *connect app\.sock +allowed \|' ||
    fail "no check row that says allowed"
screen | grep -qF ">(allow network-outbound (remote unix-socket (subpath" ||
    fail "the deciding rule is not marked"
screen | grep -qF "[modified]" && fail "a check changed the policy"

# To the socket entry: the preview scrolls to its rules, marked '*'.
i=0
while [ $i -lt 40 ]; do
	key k
	i=$((i + 1))
done
key j j j j j
wait_for "*(allow network-bind (local unix-socket (subpath"
screen | grep -qF "*(allow network-outbound (remote unix-socket (subpath" ||
    fail "the entry's connect rule is not marked"
screen | grep -qF ">(allow network-outbound" &&
    fail "the rule is still marked off the check"

# Deleted: the check is asked again and flips, which the status line says
# (the check's row is out of sight) and the row, once in sight.
key d
wait_for "removed \"$work/app.sock\"; check connect app.sock: allowed -> denied"
screen | grep -qF "UNIX_SOCKET_PATH_0" && fail "the socket is still there"
i=0
while [ $i -lt 40 ]; do
	key j
	i=$((i + 1))
done
wait_for "access checks "
screen | grep -Eq '^ *connect app\.sock +allowed -> denied \|' ||
    fail "the check row does not show the flip"

# The next change ends the mark; the verdict stays.
key l
wait_for "local binding: on"
wait_gone "allowed -> denied"
screen | grep -Eq '^ *connect app\.sock +denied \|' ||
    fail "the check row does not say denied"

key q
wait_for "unsaved changes; save first?"
key d
wait_for "EXIT=0"
exit 0
