#!/bin/sh
# SPDX-License-Identifier: ISC
# bench/generate.sh [BUILDDIR]: whole-process `sbpolicy generate` timings.
#   1. the default policy: median wall time and peak RSS over 200 runs;
#   2. N socket entries plus N/10 writable roots (at most 1,000), for
#      N = 1000, 5000, 10000, 100000, to show the growth is linear (goals:
#      10,000 + 1,000 in at most 25 ms, 100,000 + 1,000 in at most 200 ms).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "${1:-$here/../build}" && pwd)
sb=$build/sbpolicy
work=$(mktemp -d "${TMPDIR:-/tmp}/sbpolicy-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

${CC:-cc} -O2 -o "$work/exec-time" "$here/exec-time.c"

echo "default policy:"
"$work/exec-time" 200 "$sb" generate

# The roots exist (so no warnings), and so does the sockets' directory (so
# each socket costs the lstat a real policy costs).
mkdir -p "$work/sock"
i=0
while [ $i -lt 1000 ]; do
	mkdir -p "$work/roots/root-$i"
	i=$((i + 1))
done

for n in 1000 5000 10000 100000; do
	roots=$((n / 10))
	[ $roots -le 1000 ] || roots=1000
	awk -v n="$n" -v r="$roots" -v w="$work" 'BEGIN {
		printf "{\"version\": 1,\n \"filesystem\": {\"mode\": \"workspace-write\", \"writable_roots\": ["
		for (i = 0; i < r; i++)
			printf "%s\"%s/roots/root-%d\"", (i ? ", " : ""), w, i
		printf "]},\n \"network\": {\"unix_sockets\": {\"allow\": ["
		for (i = 0; i < n; i++)
			printf "%s\"%s/sock/s-%d.sock\"", (i ? ", " : ""), w, (i * 7919) % n
		printf "]}}}\n"
	}' >"$work/p$n.json"
	echo "$n sockets + $roots writable roots:"
	"$work/exec-time" 20 "$sb" generate -p "$work/p$n.json"
done
