#!/bin/sh
# SPDX-License-Identifier: ISC
# lean.sh: the command line does not load curses; the TUI is its own
# program, which sbpolicy finds and runs for `tui` and for no arguments.
. "${top_srcdir:-.}/tests/lib.sh" lean

tui=$(dirname "$sb")/sbpolicy-tui
[ -x "$tui" ] && ok || bad "no sbpolicy-tui beside sbpolicy"

# What the dynamic linker loads, where a tool can tell.
if command -v readelf >/dev/null 2>&1; then
	readelf -d "$sb" >needed 2>/dev/null
	grep -q NEEDED needed && ok || bad "readelf shows no NEEDED entries"
	grep -Eq 'ncurses|tinfo|curses' needed &&
	    bad "sbpolicy loads curses: $(grep -E 'curses|tinfo' needed)" || ok
	readelf -d "$tui" | grep -Eq 'ncurses|curses' && ok ||
	    bad "sbpolicy-tui does not load curses"
fi

# Both ways in reach the TUI (which stops at the missing terminal).
expect 2 "$sb" tui
one_line_error 'tui: standard input and output must be a terminal'
expect 2 "$sb"
one_line_error 'tui: standard input and output must be a terminal'
expect 0 "$sb" tui --help
grep -q '^usage: sbpolicy tui' out && ok || bad "tui --help"
expect 2 "$sb" tui --bogus
one_line_error 'tui: unknown option "--bogus"'
# SBPOLICY_TUI overrides where it is; a missing one is an error.
expect 1 env SBPOLICY_TUI="$PWD/none" "$sb" tui
one_line_error "tui: cannot run $PWD/none: "
printf '#!/bin/sh\necho "ran: $*"\n' >fake-tui
chmod +x fake-tui
expect 0 env SBPOLICY_TUI="$PWD/fake-tui" "$sb" tui -p x.json new.json
has 'ran: -p x.json new.json'

finish
