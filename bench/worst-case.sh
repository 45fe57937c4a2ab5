#!/bin/sh
# SPDX-License-Identifier: ISC
# bench/worst-case.sh [BUILDDIR]: the largest params files the loader
# accepts (16 MiB, 100,000 entries a list, 4,096-byte paths), each shaped to
# cost the generator as much as it can, timed as whole `sbpolicy generate`
# processes: median wall time and peak RSS over 5 runs. Goal: every one
# finishes (with a profile or a clear error) within 1 s and 256 MiB.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "${1:-$here/../build}" && pwd)
sb=$build/sbpolicy
work=$(mktemp -d "${TMPDIR:-/tmp}/sbpolicy-worst.XXXXXX")
trap 'rm -rf "$work"' EXIT

${CC:-cc} -O2 -o "$work/exec-time" "$here/exec-time.c"
runs=${RUNS:-5}

# What a case printed last (a profile or an error), in one line.
outcome() {
	if "$sb" generate -p "$1" >"$work/out" 2>"$work/err"; then
		echo "  -> a profile of $(wc -c <"$work/out") bytes"
	else
		echo "  -> $(head -c 150 "$work/err" | head -n 1)"
	fi
}

run() {
	echo "$1:"
	EXEC_TIME_ERRORS=1 "$work/exec-time" "$runs" "$sb" generate -p "$2"
	outcome "$2"
}

# 1. A chain of 1,600 nested writable roots that exist: each carries the
# protected names of every root inside it.
d=$work/n
i=0
roots=
while [ $i -lt 1600 ]; do
	d=$d/a
	roots="$roots${roots:+,}\"$d\""
	i=$((i + 1))
done
mkdir -p "$d"
printf '{"version": 1, "filesystem": {"mode": "workspace-write", ' >"$work/nested.json"
printf '"writable_roots": [%s]}}\n' "$roots" >>"$work/nested.json"
run "1,600 nested writable roots" "$work/nested.json"

# 2. 100,000 protected names, in the three default roots.
awk 'BEGIN {
	printf "{\"version\": 1, \"filesystem\": {\"mode\": \"workspace-write\", \"protected_names\": ["
	for (i = 0; i < 100000; i++)
		printf "%s\"name-%d\"", (i ? ", " : ""), i
	printf "]}}\n"
}' >"$work/names.json"
run "100,000 protected names" "$work/names.json"

# 3. deny_read entries 940 bytes deep inside a writable root: the most
# guard text per entry (16,000 of them fit in 16 MiB).
awk -v w="$work" 'BEGIN {
	printf "{\"version\": 1, \"filesystem\": {\"mode\": \"workspace-write\", \"writable_roots\": [\"%s\"], \"deny_read\": [", w
	for (i = 0; i < 16000; i++) {
		p = sprintf("%s/%d", w, i)
		while (length(p) < 940)
			p = p "/x"
		printf "%s\"%s\"", (i ? ", " : ""), p
	}
	printf "]}}\n"
}' >"$work/deep.json"
run "16,000 deny_read entries 940 bytes deep" "$work/deep.json"

# 4. 100,000 deny_read globs.
awk 'BEGIN {
	printf "{\"version\": 1, \"filesystem\": {\"deny_read\": ["
	for (i = 0; i < 100000; i++)
		printf "%s\"~/p%d/**/[a-z]*.key\"", (i ? ", " : ""), i
	printf "]}}\n"
}' >"$work/globs.json"
run "100,000 deny_read globs" "$work/globs.json"

# 5. 100,000 writable roots (not yet existing), each with its .git.
awk -v w="$work" 'BEGIN {
	printf "{\"version\": 1, \"filesystem\": {\"mode\": \"workspace-write\", \"writable_roots\": ["
	for (i = 0; i < 100000; i++)
		printf "%s\"%s/roots/r%d\"", (i ? ", " : ""), w, i
	printf "]}}\n"
}' >"$work/roots.json"
run "100,000 writable roots" "$work/roots.json"

# 6. 100,000 Unix sockets of 140 bytes.
mkdir -p "$work/s"
awk -v w="$work" 'BEGIN {
	printf "{\"version\": 1, \"network\": {\"unix_sockets\": {\"allow\": ["
	for (i = 0; i < 100000; i++)
		printf "%s\"%s/s/%0100d.sock\"", (i ? ", " : ""), w, (i * 7919) % 100000
	printf "]}}}\n"
}' >"$work/socks.json"
run "100,000 sockets" "$work/socks.json"
