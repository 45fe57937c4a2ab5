#!/bin/sh
# SPDX-License-Identifier: ISC
# doctor.sh: `sbpolicy doctor` on the command line. Off macOS: the plain
# "needs macOS" line and its exit status, 3; what it checks anyway (the
# params, the socket paths, the profile's lint, as a Mac reads them)
# failing with 1. The macOS checks themselves are tested on fakes in
# test_doctor.
. "${top_srcdir:-.}/tests/lib.sh" doctor

expect 0 "$sb" doctor --help
grep -q '^usage: sbpolicy doctor \[OPTIONS\]' out && ok || bad "doctor --help"
grep -q -- '--network MODE' out && ok || bad "doctor takes the policy options"
expect 0 "$sb" --help
grep -q '^       sbpolicy doctor' out && ok || bad "--help lacks doctor"
grep -q '^       sbpolicy completion bash|zsh|fish' out && ok ||
    bad "--help lacks completion"

expect 2 "$sb" doctor extra
one_line_error 'doctor: unexpected argument "extra" (it takes the policy options only'
expect 2 "$sb" doctor --network bogus
one_line_error '--network: unknown mode "bogus"'
expect 2 "$sb" doctor --dry-run
one_line_error 'doctor: unknown option'

# A params file that does not load: the first check fails, with why.
echo '{"filesystem": {"mode": "nope"}}' >bad.json
expect 1 "$sb" doctor -p bad.json
has 'FAIL params: the policy does not load (the message above)'
grep -q '^sbpolicy: bad.json:' err && ok || bad "no message for bad.json"
expect 1 "$sb" doctor -p missing-profile

if [ "$(uname -s)" = Darwin ]; then
	# The real thing: every check has its line, ok, FAIL or skip; the
	# sandbox may well be unusable where this runs (nested in CI).
	"$sb" doctor >out 2>err
	st=$?
	[ "$st" -eq 0 ] || [ "$st" -eq 1 ] && ok || bad "doctor exited $st"
	for c in params sockets lint sandbox-exec loads write connect log; do
		grep -Eq "^(ok  |FAIL|skip) $c: " out && ok || bad "no $c line"
	done
	finish
	exit
fi

# Elsewhere: what can be checked, and one plain line for the rest.
expect 3 "$sb" doctor
has 'ok   params: valid'
has 'ok   sockets: no socket paths in the policy'
grep -q '^ok   lint: the profile lints clean ([0-9]* rules)$' out && ok ||
    bad "no clean lint line: $(cat out)"
grep -q "^skip sandbox: enforcement needs macOS, and this is $(uname -s): " out &&
    ok || bad "no needs-macOS line: $(cat out)"
[ "$(wc -l <out)" -eq 4 ] && ok || bad "doctor printed $(wc -l <out) lines"
[ -s err ] && bad "doctor wrote to stderr: $(cat err)" || ok

# The options are the policy's: sockets that fit.
expect 3 "$sb" doctor --network restricted --allow-unix-socket /srv/ok.sock \
    --deny-unix-socket '/srv/**/*.sock'
has 'ok   sockets: 2 socket paths fit sun_path (104 bytes with its NUL)'

# Paths under /tmp: the profile is read as a Mac reads it, where /tmp is
# /private/tmp, so they lint clean here too (the default workspace, a cwd
# under /tmp, the README's socket), and the exit status is 3.
expect 3 "$sb" doctor --full-auto -C /tmp
grep -q '^ok   lint: the profile lints clean ([0-9]* rules)$' out && ok ||
    bad "a cwd under /tmp fails the lint: $(cat out)"
grep -q '^skip sandbox: .* (the checks above read the profile as macOS does: /tmp, /var and /etc as /private/...)$' out &&
    ok || bad "no word of how the profile was read: $(cat out)"
expect 3 "$sb" doctor --allow-unix-socket /tmp/.s.PGSQL.5432
has 'ok   sockets: 1 socket path fits sun_path (104 bytes with its NUL)'
grep -q '^ok   lint: ' out && ok || bad "/tmp/.s.PGSQL.5432 fails the lint"
expect 3 "$sb" doctor --full-auto --writable-root /tmp/sbpolicy-doctor-none \
    --deny-read '/tmp/**/.env'
grep -q '^ok   lint: ' out && ok || bad "/tmp paths fail the lint: $(cat out)"
# sun_path is measured on the macOS path: 104 bytes as written under
# /var/run (100 as Linux's /run), 112 as /private/var/run.
long=/var/run/$(printf '%090d' 0).sock
expect 1 "$sb" doctor --allow-unix-socket "$long"
grep -q '^FAIL sockets: network.unix_sockets.allow\[0\] .* is 112 bytes in its canonical form' out &&
    ok || bad "a socket too long on a Mac passes: $(cat out)"

# A socket path too long for sun_path: the socket check and the lint fail,
# with what to do, and the exit status is 1.
long=/srv/$(printf '%0120d' 0).sock
expect 1 "$sb" doctor --allow-unix-socket "$long"
grep -q '^FAIL sockets: network.unix_sockets.allow\[0\] .* is 130 bytes in its canonical form, more than the 103 .* -> nothing can connect to or bind such a path: use a shorter one$' out &&
    ok || bad "no sockets failure: $(cat out)"
grep -q '^FAIL lint: [0-9]* findings\{0,1\}; the first: profile:[0-9]*:[0-9]*: warning: .*\[socket-path-length\] -> ' out &&
    ok || bad "no lint failure: $(cat out)"
grep -q '^skip sandbox: enforcement needs macOS' out && ok ||
    bad "no needs-macOS line after a failure"

# -p NAME, a saved profile, like every command.
mkdir -p xdg/sbpolicy/profiles
echo '{"version": 1, "network": {"mode": "off"}}' >xdg/sbpolicy/profiles/quiet.json
expect 3 env XDG_CONFIG_HOME="$PWD/xdg" "$sb" doctor -p quiet
has 'ok   params: valid'

finish
