#!/bin/sh
# SPDX-License-Identifier: ISC
# explain.sh: sbpolicy explain as a user meets it: the verdicts and their
# exit statuses, the rule and the entry behind it, fixes, JSON, --profile.
. "${top_srcdir:-.}/tests/lib.sh" explain

# --- help and usage ---------------------------------------------------------
expect 0 "$sb" explain --help
for word in --profile --define --format VERB read connect lookup \
    'Exit status: 0 allowed, 1 denied, 3 undecidable, 2'; do
	grep -q -- "$word" out && ok || bad "explain --help lacks $word"
done
"$sb" --help | grep -q 'sbpolicy explain' && ok || bad "--help lacks explain"
expect 2 "$sb" explain
one_line_error 'explain: which access?'
expect 2 "$sb" explain read
one_line_error 'explain: read: what? (a path)'
expect 2 "$sb" explain raed /x
one_line_error 'explain: "raed": not a verb'
expect 2 "$sb" explain read /a /b
one_line_error 'explain: unexpected argument "/b"'
expect 2 "$sb" explain --format yaml read /x
one_line_error '--format: unknown format "yaml" (text, json)'
expect 2 "$sb" explain -D K=V read /x
one_line_error 'explain: -D applies to a --profile'
expect 2 "$sb" explain --profile p.sb --network full read /x
one_line_error 'explain: --profile asks that profile'
expect 2 "$sb" explain --profile missing.sb read /x
one_line_error 'missing.sb: '

# --- verdicts and exit statuses ----------------------------------------------
mkdir -p proj/.git
expect 0 "$sb" explain -C proj --full-auto write ./src/a.c
has 'allowed: write ./src/a.c'
grep -q '^    from filesystem.include_cwd$' out && ok || bad "no entry line"
expect 1 "$sb" explain -C proj --full-auto write ./.git/config
has 'denied: write ./.git/config'
grep -q 'from filesystem.protected_names\[0\] ".git"' out && ok ||
    bad "the protected name is not named"
grep -q '^  fix: remove filesystem.protected_names\[0\] ".git" (checked: then allowed)$' out &&
    ok || bad "no checked fix"
expect 1 "$sb" explain --deny-read "$PWD/keys" read keys/id
grep -q 'from filesystem.deny_read\[0\]' out && ok || bad "deny_read not named"
expect 0 "$sb" explain --allow-unix-socket "$PWD/db.sock" connect "$PWD/db.sock"
grep -q 'from network.unix_sockets.allow\[0\]' out && ok ||
    bad "socket entry not named"
expect 1 "$sb" explain --allow-unix-socket "$PWD/db.sock" connect "$PWD/db.sockx"
grep -q "^  fix: --allow-unix-socket $PWD/db.sockx" out && ok ||
    bad "no socket fix"
expect 1 "$sb" explain connect tcp:example.com:443
has '  fix: --network full (checked: then allowed)'
expect 0 "$sb" explain --proxy-port 8080 connect tcp:localhost:8080
grep -q 'from network.proxy_ports\[0\] 8080' out && ok || bad "port not named"
expect 3 "$sb" explain read /dev/ttys001
has 'undecidable: read /dev/ttys001'
grep -q 'cannot know: line' out && ok || bad "no reason for undecidable"
expect 0 "$sb" explain process-fork
expect 0 "$sb" explain lookup com.apple.logd

# --- JSON ------------------------------------------------------------------------
expect 1 "$sb" explain --format json connect tcp:example.com:443
[ "$(wc -l <out)" -eq 1 ] && ok || bad "json is not one line"
grep -q '^{"verdict": "denied", "verb": "connect"' out && ok ||
    bad "json does not start with the verdict"
grep -q '"fix": "--network full"' out && ok || bad "json lacks the fix"

# --- a hand-written profile -------------------------------------------------------
cat >hand.sb <<'SB'
(version 1)
(deny default)
(allow file-write* (subpath (param "ROOT")))
(deny file-write* (subpath (string-append (param "ROOT") "/.git")))
SB
expect 1 "$sb" explain --profile hand.sb -D ROOT=/Users/me/p write /Users/me/p/.git/config
grep -q 'by a rule that matched, line 4:' out && ok || bad "line 4 not named"
expect 0 "$sb" explain --profile hand.sb -D ROOT=/Users/me/p write /Users/me/p/x
grep -q '^      ROOT=/Users/me/p$' out && ok || bad "-D value not shown"
expect 2 "$sb" explain --profile hand.sb write /Users/me/p/x
one_line_error 'hand.sb:3:29: subpath: parameter ROOT is not defined'
expect 2 "$sb" explain --profile hand.sb -D ROOT write /x
one_line_error '-D: expected KEY=VALUE, not "ROOT"'
printf '(version 1)\n(allow netwrk-outbound)\n' >typo.sb
expect 2 "$sb" explain --profile typo.sb connect tcp:localhost:1
one_line_error 'typo.sb:2:8: unknown operation netwrk-outbound (did you mean network-outbound?)'

finish
