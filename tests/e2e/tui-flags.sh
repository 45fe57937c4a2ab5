#!/bin/sh
# SPDX-License-Identifier: ISC
# tui-flags.sh: policy flags apply on top of an existing params file, and
# the result starts out modified; an unchanged file starts out clean.
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
wait_for "unsaved changes; quit anyway?"
key d
wait_for "EXIT=0"
grep -q from-flag "$work/p.json" && fail "the file changed without a save"

t kill-session -t ui
start 100 30 -- tui p.json
wait_for "/tmp/from-file.sock"
screen | grep -qF "[modified]" && fail "an unchanged file shows as modified"
key q
wait_for "EXIT=0"

# A file that does not load is an error before the screen is taken.
printf '{"version": 2}\n' >"$work/bad.json"
t kill-session -t ui
start 100 30 -- tui bad.json
wait_for "EXIT=1"
wait_for "bad.json:1:"
exit 0
