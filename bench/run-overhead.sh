#!/bin/sh
# SPDX-License-Identifier: ISC
# bench/run-overhead.sh [BUILDDIR [N]]: the time `sbpolicy run` adds before
# the exec (params -> argv -> spawn), against a bare fork/exec/wait of the same
# program, with a fake sandbox-exec (/usr/bin/true). Target: at most 1 ms
# added. The program links the core and points launch_ops.sandbox_exec at the
# fake directly; nothing in the shipped sbpolicy can redirect it.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "${1:-$here/../build}" && pwd)
n=${2:-2000}

make -C "$build" -s bench/run-overhead
"$build/bench/run-overhead" "$n"
