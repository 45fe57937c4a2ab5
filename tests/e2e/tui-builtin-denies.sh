#!/bin/sh
# SPDX-License-Identifier: ISC
# tui-builtin-denies.sh: in full network mode the built-in denies show as a
# read-only group under the deny list and as BUILTIN_DENY rules in the
# preview; B switches them off (the preview loses them, the switch row says
# off) and the saved file keeps them off.
. "${top_srcdir:-.}/tests/e2e/lib.sh"

# The first row of the pane matching the extended regex $1, or 0.
row_of() {
	screen | grep -n -E -m 1 -- "$1" | cut -d: -f1 | grep . || echo 0
}

start 100 30 -- tui --network full
wait_for "Preview  lines"
wait_for "network full"
wait_for "; -D BUILTIN_DENY_0="

# The switch, its note and one row per built-in path with its match, between
# the deny list and the file system settings.
deny=$(row_of '^ *deny sockets ')
head=$(row_of '^ *built-in denies +on \|')
fs=$(row_of '^ Filesystem ')
[ "$deny" -gt 0 ] || fail "no deny list"
[ "$head" -gt "$deny" ] || fail "no built-in denies switch (on) under the deny list"
[ "$fs" -gt "$head" ] || fail "the built-in denies are not above the file system"
note=$(row_of 'read-only: B switches them off')
[ "$note" -eq $((head + 1)) ] || fail "no read-only note under the switch"
docker=$(row_of '^ */var/run/docker\.sock +literal \|')
[ "$docker" -eq $((head + 2)) ] || fail "no docker.sock row (literal)"
colima=$(row_of '^ *~/\.colima +subpath \|')
[ "$colima" -gt "$docker" ] && [ "$colima" -lt "$fs" ] || fail "no ~/.colima row (subpath)"

# Read-only: Enter on a row refuses, says why and which key switches them off.
i=0
while [ $i -lt 7 ]; do
	key j
	i=$((i + 1))
done
key Enter
wait_for "built in, so it cannot be edited: B switches the built-in denies off"
key d
wait_for "built in, so it cannot be removed: B switches the built-in denies off"
screen | sed -n 1p | grep -qF "[modified]" && fail "a refused key changed the policy"
screen | grep -qF "edit path:" && fail "a built-in row opened a prompt"

# B: off. The preview no longer has them; the switch says off, the rows are
# dimmed under the reason.
key B
wait_for "built-in denies: off"
wait_gone "BUILTIN_DENY"
wait_for "[modified]"
screen | grep -Eq '^ *built-in denies +off \|' || fail "the switch does not say off"
off=$(row_of '\(built-in denies off \(B\)\)')
[ "$off" -eq $((head + 1)) ] || fail "no reason note under the switch"
screen | grep -qF "read-only: B switches them off" && fail "the note still says B switches them off"

# Saved, the file keeps them off, and generate agrees with the preview.
key s
wait_for "save to:"
key C-u
text "$work/off.json"
key Enter
wait_for "saved \"$work/off.json\""
grep -q '"builtin_denies": false' "$work/off.json" || fail "the file does not switch them off"
(cd "$work" && env HOME="$work/home" "$prog" generate -p off.json) \
    > "$work/off.sb" || fail "generate -p off.json failed"
grep -q BUILTIN_DENY "$work/off.sb" && fail "generate still denies them"
key q
wait_for "EXIT=0"

# Opened again, they show off.
t kill-session -t ui
start 100 30 -- tui off.json
wait_for "network full"
wait_for "(built-in denies off (B))"
screen | grep -qF "BUILTIN_DENY" && fail "the preview denies them"
key B
# The preview goes to the rules that came back, not to their -D lines.
wait_for "; deny the container engines' sockets"
key q
wait_for "unsaved changes; save first?"
key d
wait_for "EXIT=0"
exit 0
