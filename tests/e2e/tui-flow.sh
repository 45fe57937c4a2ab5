#!/bin/sh
# SPDX-License-Identifier: ISC
# tui-flow.sh: cycle the network mode, add a socket, save, and check that
# `generate -p` prints exactly the profile the preview showed; the saved file
# loads back unchanged.
. "${top_srcdir:-.}/tests/e2e/lib.sh"

start 100 30 -- tui
wait_for "Preview  lines 1-"
wait_for "network restricted"

# n: restricted -> full -> off -> restricted -> full
key n; wait_for "network full"
key n; wait_for "network off"
wait_for "(no effect: the network is off)"
key n; wait_for "network restricted"
key n; wait_for "network full"
wait_for "[modified]"

key u; wait_for "allow socket:"
text /tmp/test.sock
key Enter
wait_for 'added "/tmp/test.sock"'
# Scrolled to the socket's rules, not to its -D line at the top.
wait_for "; allow unix domain sockets for local IPC"

key s; wait_for "save to: $work/config/sbpolicy/profiles/policy.json"
key C-u
text "$work/saved.json"
key Enter
wait_for "saved \"$work/saved.json\""
screen | sed -n 1p | grep -qF "[modified]" && fail "still marked modified"

# What generate prints for the saved file, in the TUI's environment.
(cd "$work" && env HOME="$work/home" "$prog" generate -p saved.json) \
    > "$work/expected" || fail "generate -p saved.json failed"
total=$(wc -l < "$work/expected" | tr -d ' ')

# The preview alone on the screen, then page through it and compare each
# line with generate's (cut at the width with a '>' marker).
key z
wait_for "Preview  lines"
key Home
width=100
seen=0
while :; do
	head=$(screen | sed -n 2p)
	set -- $(echo "$head" |
	    sed -n 's/.*lines \([0-9]*\)-\([0-9]*\) of \([0-9]*\).*/\1 \2 \3/p')
	[ $# -eq 3 ] || fail "no preview heading: $head"
	a=$1 b=$2 n=$3
	[ "$n" -eq "$total" ] ||
	    fail "preview has $n lines, generate printed $total"
	screen > "$work/screen"
	awk -v a="$a" -v b="$b" -v w="$width" '
	NR == FNR { want[NR] = $0; next }
	FNR >= 3 && FNR - 3 + a <= b {
		i = FNR - 3 + a
		e = want[i]
		if (length(e) > w)
			e = substr(e, 1, w - 1) ">"
		sub(/ +$/, "", e)
		s = $0
		sub(/ +$/, "", s)
		if (s != e) {
			printf "line %d: screen [%s]\n         want  [%s]\n", i, s, e
			bad = 1
		}
	}
	END { exit bad }' "$work/expected" "$work/screen" ||
	    fail "the preview differs from generate -p"
	seen=$b
	[ "$b" -ge "$n" ] && break
	key NPage
	wait_row_change 2 "$head"
done
[ "$seen" -eq "$total" ] || fail "compared $seen of $total lines"
grep -q "UNIX_SOCKET_PATH_0=" "$work/expected" || fail "no socket param"

key z
wait_for "Settings"
key q
wait_for "EXIT=0"

# The saved file opens in the TUI unchanged, and saving it again writes the
# same bytes.
cp "$work/saved.json" "$work/saved.before"
t kill-session -t ui
start 100 30 -- tui saved.json
wait_for "sbpolicy: $work/saved.json"
wait_for "network full"
wait_for "/tmp/test.sock"
screen | sed -n 1p | grep -qF "[modified]" && fail "loaded file marked modified"
key s; wait_for "save to: $work/saved.json"
key Enter
wait_for "saved \"$work/saved.json\""
cmp -s "$work/saved.before" "$work/saved.json" || fail "the file changed"
key q
wait_for "EXIT=0"

# A new policy saves by default under $XDG_CONFIG_HOME/sbpolicy/profiles/,
# which is created (it does not exist yet).
t kill-session -t ui
start 100 30 -- tui
wait_for "Preview  lines"
key l
wait_for "[modified]"
key s
wait_for "save to: $work/config/sbpolicy/profiles/policy.json"
key Enter
wait_for "saved \"$work/config/sbpolicy/profiles/policy.json\""
grep -q '"allow_local_binding": true' \
    "$work/config/sbpolicy/profiles/policy.json" || fail "not saved there"
key q
wait_for "EXIT=0"
exit 0
