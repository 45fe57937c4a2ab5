# SPDX-License-Identifier: ISC
# lib.sh: the harness of the command-line tests (sourced): a scratch
# directory as the cwd, $sb the program, and checks that count themselves.
#   . "$top_srcdir/tests/lib.sh" NAME
# End the script with `finish`, which prints "NAME: N passed, N failed".

set -u
top_srcdir=${top_srcdir:-.}
top_builddir=${top_builddir:-.}
sb=$top_builddir/sbpolicy
name=$1
work=$(mktemp -d "${TMPDIR:-/tmp}/sbpolicy-$name.XXXXXX") || exit 99
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT
cd "$work" || exit 99
case $sb in /*) ;; *) sb=$OLDPWD/$sb ;; esac
case $top_srcdir in /*) ;; *) top_srcdir=$OLDPWD/$top_srcdir ;; esac
[ -x "$sb" ] || { echo "no $sb"; exit 99; }

passed=0
failed=0
ok() { passed=$((passed + 1)); }
bad() { failed=$((failed + 1)); echo "FAIL: $*"; }

# expect STATUS CMD...: run CMD, keep stdout/stderr in out/err, check status.
expect() {
	want=$1
	shift
	"$@" >out 2>err
	got=$?
	if [ "$got" -eq "$want" ]; then ok; else
		bad "$* exited $got, wanted $want"
		sed 's/^/  stderr: /' err
	fi
}

# has LINE [FILE], lacks LINE [FILE]: a whole line of out (or FILE).
has() { grep -qxF -- "$1" "${2:-out}" && ok || bad "missing line: $1"; }
lacks() { grep -qxF -- "$1" "${2:-out}" && bad "unexpected line: $1" || ok; }

# one_line_error TEXT: stderr is one line, "sbpolicy: TEXT...".
one_line_error() {
	[ "$(wc -l <err)" -eq 1 ] && grep -q "^sbpolicy: $1" err && ok ||
	    { bad "stderr is not one line matching '$1':"; cat err; }
}

finish() {
	echo "$name: $passed passed, $failed failed"
	[ "$failed" -eq 0 ]
}
