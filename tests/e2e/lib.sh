# SPDX-License-Identifier: ISC
# lib.sh: helpers for the tmux-driven TUI tests (sourced).
#
# Each test runs its own tmux server (-L, -f /dev/null, a fixed size) and a
# scratch directory with its own HOME and XDG_CONFIG_HOME, polls the pane
# instead of sleeping, and kills the server on exit. Exit 77 (skip) without
# tmux, 1 on a failed check, 99 on a harness error.

[ -n "$TMUX_BIN" ] || exit 77
unset TMUX

top_builddir=${top_builddir:-.}
prog=$(cd "$top_builddir" && pwd)/sbpolicy
[ -x "$prog" ] || { echo "no $prog" >&2; exit 99; }

sock="sbpolicy-test-$$"
work=$(mktemp -d "${TMPDIR:-/tmp}/sbpolicy-e2e.XXXXXX") || exit 99
# Canonical, so the paths the TUI shows match what the script expects.
work=$(cd "$work" && pwd -P)
mkdir -p "$work/home" || exit 99

t() {
	"$TMUX_BIN" -L "$sock" -f /dev/null "$@"
}

cleanup() {
	t kill-server 2>/dev/null
	rm -rf "$work"
}
trap cleanup EXIT

screen() {
	t capture-pane -p -t ui
}

fail() {
	echo "FAIL: $*" >&2
	echo "--- the pane:" >&2
	screen >&2 2>/dev/null
	exit 1
}

# Polls the pane until it shows $1 (a fixed string); 10 s at most, since
# sanitizer builds are slow.
wait_for() {
	_i=0
	while [ $_i -lt 100 ]; do
		if screen | grep -qF -- "$1"; then
			return 0
		fi
		sleep 0.1
		_i=$((_i + 1))
	done
	fail "timed out waiting for: $1"
}

# Polls until the pane no longer shows $1.
wait_gone() {
	_i=0
	while [ $_i -lt 100 ]; do
		if ! screen | grep -qF -- "$1"; then
			return 0
		fi
		sleep 0.1
		_i=$((_i + 1))
	done
	fail "timed out waiting for this to go: $1"
}

# Polls until row $1 (1-based) of the pane contains $2. Note that
# capture-pane drops trailing blanks, so never wait for one.
wait_row() {
	_i=0
	while [ $_i -lt 100 ]; do
		if screen | sed -n "$1p" | grep -qF -- "$2"; then
			return 0
		fi
		sleep 0.1
		_i=$((_i + 1))
	done
	fail "timed out waiting for row $1 to show: $2"
}

# Polls until row $1 (1-based) of the pane differs from $2.
wait_row_change() {
	_i=0
	while [ $_i -lt 100 ]; do
		if [ "$(screen | sed -n "$1p")" != "$2" ]; then
			return 0
		fi
		sleep 0.1
		_i=$((_i + 1))
	done
	fail "timed out waiting for row $1 to change from: $2"
}

# start COLS ROWS [ENV=VALUE...] -- ARGS...: sbpolicy in a fresh session.
# When it exits, the pane shows EXIT=status and keeps the terminal's modes
# in $work/stty, so a test can check the terminal was left sane.
start() {
	_cols=$1 _rows=$2
	shift 2
	_env=
	while [ $# -gt 0 ] && [ "$1" != "--" ]; do
		_env="$_env '$1'"
		shift
	done
	[ "$1" = "--" ] && shift
	_args=
	for _a in "$@"; do
		_args="$_args '$_a'"
	done
	# A busy machine can make the first server start fail: try thrice.
	for _try in 1 2 3; do
		t new-session -d -s ui -x "$_cols" -y "$_rows" \
		    "cd '$work' && env HOME='$work/home' XDG_CONFIG_HOME='$work/config' TERM=xterm-256color $_env '$prog' $_args; echo EXIT=\$?; stty -a > '$work/stty' 2>&1; sleep 60" &&
		    return 0
		sleep 0.5
	done
	exit 99
}

key() {
	t send-keys -t ui "$@"
}

text() {
	t send-keys -t ui -l "$1"
}

# check_sane_terminal WHAT: after the TUI ended (by WHAT), the terminal modes
# the pane's shell recorded have echo and canonical input back, and the
# TUI's screen is gone (ncurses left the alternate screen).
check_sane_terminal() {
	_i=0
	while [ ! -s "$work/stty" ] && [ $_i -lt 50 ]; do
		sleep 0.1
		_i=$((_i + 1))
	done
	_modes=" $(tr '\n' ' ' < "$work/stty") "
	case $_modes in
	*" -echo "*) fail "echo is off after $1" ;;
	esac
	case $_modes in
	*" -icanon "*) fail "icanon is off after $1" ;;
	esac
	case $_modes in
	*" echo "*) ;;
	*) fail "no echo in: $_modes" ;;
	esac
	case $_modes in
	*" icanon "*) ;;
	*) fail "no icanon in: $_modes" ;;
	esac
	screen | grep -qF "Preview  lines" && fail "the TUI's screen is still shown"
	return 0
}
