#!/bin/sh
# SPDX-License-Identifier: ISC
# tui-open-srt.sh: o given an srt settings file asks before converting it;
# n keeps the open prompt with the name, y opens the conversion as a new,
# unsaved policy whose save goes to the profiles directory, never to the
# settings file, the warnings counted and each shown; a file the import
# refuses is one line; `tui SETTINGS.json` asks at the start.
. "${top_srcdir:-.}/tests/e2e/lib.sh"

cat > "$work/settings.json" <<'EOF' || exit 99
{
  "filesystem": {"allowWrite": ["."]},
  "network": {"allowedDomains": ["example.com"],
    "allowUnixSockets": ["/tmp/app.sock"]}
}
EOF
cp "$work/settings.json" "$work/settings.orig" || exit 99
printf '{\n  "network": {\n    "httpProxyPort": 70000\n  }\n}\n' \
    > "$work/srt-bad.json" || exit 99

start 120 30 -- tui "$work/p.json"
wait_for "Preview  lines 1-"
wait_for "new file \"$work/p.json\""

# o, then the settings file: asked, nothing changed yet.
key o
wait_for "open: $work/config/sbpolicy/profiles/"
key C-u
text "$work/settings.json"
key Enter
wait_for "$work/settings.json is an srt settings file; convert it to a new unsaved policy?  y yes  n no"
wait_for "y convert  n no"
screen | grep -qF "app.sock" && fail "converted before the answer"

# n: the open prompt again, with the name typed.
key n
wait_for "not converted: $work/settings.json is an srt settings file"
wait_for "open: $work/settings.json"
screen | grep -qF "app.sock" && fail "converted after n"

# Enter asks again; y converts.
key Enter
wait_for "is an srt settings file; convert it"
key y
wait_for "[new policy from settings.json (srt)]"
wait_for "converted, not saved yet (s saves it); 1 setting has no equivalent:"
wait_for "network.allowedDomains: sbpolicy cannot filter"
wait_for "the network stays"
wait_for "/tmp/app.sock"
screen | sed -n 1p | grep -qF "[modified]" && fail "the conversion marked modified"

# The save asks for a name: the profiles directory's, not the srt file.
key s
wait_for "save to: $work/config/sbpolicy/profiles/policy.json"
screen | grep -qF "save to: $work/settings.json" && fail "save targets the srt file"
key Enter
wait_for "saved \"$work/config/sbpolicy/profiles/policy.json\""
cmp -s "$work/settings.json" "$work/settings.orig" ||
    fail "the srt settings file was written"
grep -q '"/tmp/app.sock"' "$work/config/sbpolicy/profiles/policy.json" ||
    fail "the conversion was not what was saved"
[ -e "$work/p.json" ] && fail "saved to the file of the start"

# A settings file the import refuses: one line, and the prompt stays.
key o
wait_for "open: "
key C-u
text "$work/srt-bad.json"
key Enter
wait_for "not opened: $work/srt-bad.json:3:"
wait_for "network.httpProxyPort: port must be an integer 1..65535: 70000"
wait_for "open: $work/srt-bad.json"
screen | grep -qF "is an srt settings file" && fail "asked about a bad file"
key Escape
wait_gone "open: "
key q
wait_for "EXIT=0"

# On the command line: asked at the start; y converts.
t kill-session -t ui
start 120 30 -- tui settings.json
wait_for "$work/settings.json is an srt settings file; convert it"
key y
wait_for "[new policy from settings.json (srt)]"
wait_for "/tmp/app.sock"
key s
wait_for "save to: $work/config/sbpolicy/profiles/policy.json"
key Escape
wait_gone "save to: "
key q
wait_for "EXIT=0"
cmp -s "$work/settings.json" "$work/settings.orig" ||
    fail "the srt settings file was written"

# n at the start: the default policy, no file.
t kill-session -t ui
start 120 30 -- tui settings.json
wait_for "is an srt settings file; convert it"
key n
wait_for "not converted: $work/settings.json is an srt settings file"
wait_for "[new policy]"
screen | grep -qF "app.sock" && fail "converted after n"
key q
wait_for "EXIT=0"

# With policy options there is nothing to put them on: refused.
t kill-session -t ui
start 120 30 -- tui --network off settings.json
wait_for "is an srt settings file: give it alone"
wait_for "EXIT=2"
exit 0
