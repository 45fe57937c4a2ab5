#!/bin/sh
# SPDX-License-Identifier: ISC
# tui-flags.sh: policy flags apply on top of an existing params file, and
# the result starts out modified; an unchanged file starts out clean. Flags
# may follow the file; -p with a file is a template for a new file. A new
# file's missing directory is said at once; a failed open keeps its prompt;
# a save over a file another program changed asks first.
. "${top_srcdir:-.}/tests/e2e/lib.sh"

cat >"$work/p.json" <<'JSON'
{"version": 1, "network": {"unix_sockets": {"allow": ["/tmp/from-file.sock"]}}}
JSON

start 100 30 -- tui --allow-unix-socket /tmp/from-flag.sock p.json
wait_for "Preview  lines"
wait_for "/tmp/from-file.sock"
wait_for "/tmp/from-flag.sock"
wait_for "[modified]"
key q
wait_for "unsaved changes; save first?"
key d
wait_for "EXIT=0"
grep -q from-flag "$work/p.json" && fail "the file changed without a save"

t kill-session -t ui
start 100 30 -- tui p.json
wait_for "/tmp/from-file.sock"
screen | grep -qF "[modified]" && fail "an unchanged file shows as modified"
key q
wait_for "EXIT=0"

# Options after the file apply as they do before it.
t kill-session -t ui
start 100 30 -- tui p.json --proxy-port 1234
wait_for "opened \"$work/p.json\""
wait_for "/tmp/from-file.sock"
wait_for "1234"
wait_for "[modified]"
key q
wait_for "unsaved changes; save first?"
key d
wait_for "EXIT=0"
grep -q 1234 "$work/p.json" && fail "the file changed without a save"

# A template and a new file: the policy starts from the one and is saved
# to the other, which the save prompt offers; the template stays as it was.
cp "$work/p.json" "$work/p.orig"
t kill-session -t ui
start 100 30 -- tui -p p.json --proxy-port 8080 new.json
wait_for "new file \"$work/new.json\" from \"p.json\""
wait_for "/tmp/from-file.sock"
wait_for "8080"
key s
wait_for "save to: $work/new.json"
key Enter
wait_for "saved \"$work/new.json\""
key q
wait_for "EXIT=0"
grep -q from-file.sock "$work/new.json" || fail "new.json lacks the template's socket"
grep -q 8080 "$work/new.json" || fail "new.json lacks the flag's port"
cmp -s "$work/p.json" "$work/p.orig" || fail "the template changed"

# The file to save to exists: it is the unmodified state, and the template
# on top of it is a change, so quitting asks first.
printf '{"version": 1}\n' >"$work/other.json"
t kill-session -t ui
start 100 30 -- tui -p p.json other.json
wait_for "opened \"$work/other.json\", with \"p.json\" on top"
wait_for "/tmp/from-file.sock"
wait_for "[modified]"
key q
wait_for "unsaved changes; save first?"
key d
wait_for "EXIT=0"
grep -q from-file "$work/other.json" && fail "other.json changed without a save"

# A new file whose directory does not exist: said at the start, not at
# the save after the work, and the save proposes what the start said.
t kill-session -t ui
start 100 30 -- tui "$work/nodir/new.json"
wait_for "new file: \"$work/nodir\" does not exist; s saves it in the profiles"
key n
key s
wait_for "save to: $work/config/sbpolicy/profiles/new.json"
wait_for "\"$work/nodir\" does not exist: proposed the profiles directory"
key Escape
wait_gone "save to:"
key q
wait_for "unsaved changes;"
key n
wait_for "EXIT=0"

# A new file that another program creates meanwhile: the question says
# so, rather than that it changed since it was read.
t kill-session -t ui
start 100 30 -- tui "$work/fresh.json"
wait_for "new file"
key n
wait_for "[modified]"
printf '{"version": 1}\n' >"$work/fresh.json"
key s
wait_for "save to: $work/fresh.json"
key Enter
wait_for "fresh.json was created since it was opened here; overwrite it?"
key c
wait_for "not saved"
key q
wait_for "unsaved changes;"
key n
wait_for "EXIT=0"

# A file that o cannot open: the prompt stays, with the name as typed, so
# the keys after it edit the name and are no commands.
printf '{"version": 1,\n  "network": nope}\n' >"$work/broken.json"
t kill-session -t ui
start 100 30 -- tui p.json
wait_for "Preview  lines"
key o
wait_for "open: "
key C-u
text "$work/broken.json"
key Enter
wait_for "not opened: $work/broken.json:2:"
wait_for "open: $work/broken.json"
text "n"
wait_for "open: $work/broken.jsonn"
screen | sed -n 1p | grep -qF "network restricted" ||
    fail "a key after the failed open acted on the policy"
key Escape
wait_gone "open: "
key q
wait_for "EXIT=0"

# Written by another program meanwhile: the save asks first.
cp "$work/p.json" "$work/mine.json"
t kill-session -t ui
start 100 30 -- tui mine.json
wait_for "Preview  lines"
key l
wait_for "[modified]"
printf '{"version": 1, "network": {"mode": "off"}}\n' >"$work/mine.json"
key s
wait_for "save to: $work/mine.json"
key Enter
wait_for "changed on disk since it was read; overwrite it?"
wait_for "o overwrite  r reload  c cancel"
key c
wait_for "not saved"
grep -q '"off"' "$work/mine.json" || fail "saved over the other program's"
key s
wait_for "save to: $work/mine.json"
key Enter
wait_for "changed on disk since it was read"
key r
wait_for "reloaded \"$work/mine.json\""
wait_for "network off"
key q
wait_for "EXIT=0"

# A file that does not load is an error before the screen is taken.
printf '{"version": 2}\n' >"$work/bad.json"
t kill-session -t ui
start 100 30 -- tui bad.json
wait_for "EXIT=1"
wait_for "bad.json:1:"
exit 0
