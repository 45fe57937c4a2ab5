#!/bin/sh
# SPDX-License-Identifier: ISC
# bench/run-whole.sh [BUILDDIR [N]]: what a whole `sbpolicy run` process
# costs over running the (fake) sandbox-exec directly with the same
# arguments. Goal: at most 0.6 ms added (median).
#
# There is no sandbox-exec here, and the shipped program always execs
# /usr/bin/sandbox-exec: so this script links a program of its own from the
# same sources (main.c and launch-posix.c, with LAUNCH_SANDBOX_EXEC set to
# /bin/true) and the build's libcli.a and libcore.a. /bin/true ignores its
# arguments and exits at once. Both commands are timed by exec-time, N runs
# each, in three interleaved rounds so that the machine's load hits both.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/.." && pwd)
build=$(cd "${1:-$top/build}" && pwd)
n=${2:-300}
cc=${CC:-cc}
work=$(mktemp -d "${TMPDIR:-/tmp}/sbpolicy-bench.XXXXXX")
trap '[ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT

make -C "$build" -s libcli.a libcore.a
libs=$(sed -n 's/^CJSON_LIBS = //p' "$build/Makefile")
extra=$(sed -n 's/^LIBS = //p' "$build/Makefile")
"$cc" -O2 -o "$work/exec-time" "$here/exec-time.c"
# shellcheck disable=SC2086
"$cc" -O2 -I"$build" -I"$top/src" -I"$build/src" \
    -DSBPOLICY_LIBEXECDIR='"/nonexistent"' \
    -DLAUNCH_SANDBOX_EXEC='"/bin/true"' -o "$work/sbpolicy-fake" \
    "$top/src/main.c" "$top/src/launch-posix.c" \
    "$build/libcli.a" "$build/libcore.a" $libs $extra

# The README's example policy; the direct run gets the very arguments that
# run passes (from --dry-run, whose line is shell-quoted).
set -- --allow-unix-socket /tmp/test.sock -- /bin/true
line=$("$build/sbpolicy" run --dry-run "$@")
printf '%s\n' "$line" >"$work/direct.sh"
sed -i.orig '1s|^/usr/bin/sandbox-exec |exec "$EXEC_TIME" "$N" /bin/true |' \
    "$work/direct.sh"

round=1
while [ $round -le 3 ]; do
	echo "round $round: /bin/true with run's arguments:"
	EXEC_TIME=$work/exec-time N=$n sh "$work/direct.sh"
	echo "round $round: sbpolicy run (its sandbox-exec: /bin/true):"
	"$work/exec-time" "$n" "$work/sbpolicy-fake" run "$@"
	round=$((round + 1))
done
