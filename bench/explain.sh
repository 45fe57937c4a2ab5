#!/bin/sh
# SPDX-License-Identifier: ISC
# bench/explain.sh [BUILDDIR]: `sbpolicy explain` on the default policy,
# whole process, side by side with `sbpolicy generate` in the same run
# (goal: explain within 1.5x of generate), rounds interleaved so that the
# machine's load falls on both alike.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "${1:-$here/../build}" && pwd)
sb=$build/sbpolicy
work=$(mktemp -d "${TMPDIR:-/tmp}/sbpolicy-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
runs=${RUNS:-300}

${CC:-cc} -O2 -o "$work/exec-time" "$here/exec-time.c"

for round in 1 2 3; do
	printf 'round %s generate:                ' "$round"
	"$work/exec-time" "$runs" "$sb" generate
	printf 'round %s explain read /etc/hosts: ' "$round"
	"$work/exec-time" "$runs" "$sb" explain read /etc/hosts
	printf 'round %s explain connect, denied:  ' "$round"
	EXEC_TIME_ERRORS=1 "$work/exec-time" "$runs" "$sb" explain connect \
	    /tmp/x.sock
done
