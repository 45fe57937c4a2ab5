#!/bin/sh
# SPDX-License-Identifier: ISC
# import.sh: sbpolicy import srt as a user meets it: the params file on
# standard output or written atomically, warnings, --strict, bad files and
# bad usage, and the acceptance check of the issue: the imported policy
# allows and denies what the srt settings file does (asked with explain).
. "${top_srcdir:-.}/tests/lib.sh" import

# $HOME and $TMPDIR of their own: the scratch directory may lie in /tmp or
# in $TMPDIR, writable roots of their own.
HOME=$work/home
TMPDIR=$work/tmpdir
export HOME TMPDIR
mkdir -p home tmpdir shared proj/src proj/run proj/keys proj/.git

# --- help and usage ---------------------------------------------------------
expect 0 "$sb" import --help
for word in 'sbpolicy import srt SETTINGS.json' --strict --save-params \
    --output --cd 'Exit status: 0 success'; do
	grep -q -- "$word" out && ok || bad "import --help lacks $word"
done
"$sb" --help | grep -q 'sbpolicy import srt' && ok || bad "--help lacks import"
expect 2 "$sb" import
one_line_error 'import: from which tool?'
expect 2 "$sb" import codex x.json
one_line_error 'import: unknown tool "codex" (srt)'
expect 2 "$sb" import srt
one_line_error 'import: srt: which settings file?'
expect 2 "$sb" import srt a.json b.json
one_line_error 'import: unexpected argument "b.json"'
expect 2 "$sb" import srt a.json -o x --save-params y
one_line_error 'import: -o and --save-params are one option'
expect 2 "$sb" import srt a.json --network full
one_line_error 'import: unknown option "--network"'
expect 2 "$sb" import srt a.json -p x
one_line_error 'import: unknown option -p'
expect 2 "$sb" import srt a.json -C nowhere
one_line_error '--cd: not a directory: "nowhere"'

# --- the acceptance case: sockets, writes and denied reads -----------------
cat >proj/srt.json <<'EOF'
{
  "filesystem": {
    "denyRead": ["~/.ssh", "**/*.pem"],
    "allowWrite": [".", "../shared"],
    "denyWrite": [".env"]
  },
  "network": {
    "allowedDomains": [],
    "deniedDomains": [],
    "allowUnixSockets": ["run/app.sock"],
    "allowLocalBinding": true
  }
}
EOF
expect 0 "$sb" import srt -C proj proj/srt.json
[ -s err ] && bad "warnings for a file that has an equivalent:" && cat err ||
    ok
cp out imported.json
expect 0 "$sb" generate -p imported.json -C proj
grep -q 'UNIX_SOCKET_PATH_0=' out && ok || bad "no socket in the profile"
ask() {
	want=$1
	shift
	expect "$want" "$sb" explain -p imported.json -C proj "$@"
}
# Writes: the cwd, ../shared and $TMPDIR (srt's own temporary directory),
# not .env nor .git's hooks, nothing else.
ask 0 write ./src/main.c
ask 0 write "$work/shared/notes.txt"
ask 0 write "$TMPDIR/build.o"
ask 1 write ./.env
ask 1 write ./.git/hooks/pre-commit
ask 1 write "$HOME/notes.txt"
# Reads: everything but ~/.ssh and *.pem under the cwd.
ask 0 read ./src/main.c
ask 1 read "$HOME/.ssh/id_ed25519"
ask 1 read ./keys/server.pem
ask 0 read "$HOME/server.pem"
# Sockets: the one allowed, joined to -C; no other.
ask 0 connect "$work/proj/run/app.sock"
ask 1 connect "$work/proj/run/other.sock"
# Local binding, and no network beyond it.
ask 0 bind tcp:localhost:8080
ask 1 connect tcp:example.com:443

# --- output: standard output, -o and --save-params, atomically ----------------
expect 0 "$sb" import srt -C proj proj/srt.json -o saved.json
[ -s out ] && bad "-o also printed to standard output" || ok
cmp -s saved.json imported.json && ok || bad "-o wrote other text"
mkdir -p outdir
printf 'old\n' >outdir/p.json
ln -s p.json outdir/link.json
expect 0 "$sb" import srt --save-params outdir/link.json -C proj proj/srt.json
cmp -s outdir/p.json imported.json && ok ||
    bad "--save-params did not replace the file behind the link"
[ -L outdir/link.json ] && ok || bad "the link was replaced"
[ "$(ls outdir | wc -l)" -eq 2 ] && ok || bad "a temporary file was left"
expect 1 "$sb" import srt -C proj proj/srt.json -o nodir/p.json
one_line_error 'nodir/p.json: '
[ -e nodir ] && bad "a directory was made" || ok

# --- warnings and --strict ----------------------------------------------------
cat >domains.json <<'EOF'
{
  "network": {
    "allowedDomains": ["github.com"],
    "httpProxyPort": 3128,
    "allowUnixSocket": ["/tmp/x.sock"]
  }
}
EOF
expect 0 "$sb" import srt domains.json
has 'sbpolicy: warning: domains.json:3:5: network.allowedDomains: sbpolicy cannot filter domains (srt does it in its own proxy): the command may connect to localhost:3128 only, and the proxy there must filter them' err
has 'sbpolicy: warning: domains.json:5:5: network.allowUnixSocket: unknown key, ignored (did you mean allowUnixSockets?)' err
[ "$(wc -l <err)" -eq 2 ] && ok || bad "not one line per setting"
grep -q '"proxy_ports": \[' out && ok || bad "the proxy port was dropped"
expect 1 "$sb" import srt --strict domains.json -o strict.json
has 'sbpolicy: import: 2 settings have no equivalent (--strict): nothing written' err
[ -e strict.json ] && bad "--strict wrote the file" || ok
[ -s out ] && bad "--strict printed the params" || ok
expect 0 "$sb" import srt --strict -C proj proj/srt.json

# --- bad files: exit 1, one line ---------------------------------------------
expect 1 "$sb" import srt missing.json
one_line_error 'missing.json: '
printf '{"filesystem": {"allowWrite": [".",]}}\n' >syntax.json
expect 1 "$sb" import srt syntax.json
one_line_error 'syntax.json:1:36: syntax error'
printf '{\n  "network": {"allowLocalBinding": "yes"}\n}\n' >type.json
expect 1 "$sb" import srt type.json
one_line_error 'type.json:2:36: network.allowLocalBinding: expected a boolean, got a string'
printf '{"network": {"socksProxyPort": 0}}\n' >port.json
expect 1 "$sb" import srt port.json -o port-out.json
one_line_error 'port.json:1:32: network.socksProxyPort: port must be an integer 1..65535: 0'
[ -e port-out.json ] && bad "a bad file wrote output" || ok
printf '{}\n' >empty.json
expect 0 "$sb" import srt empty.json
[ -s err ] && bad "an empty object warned" || ok
grep -q '"include_tmpdir": true' out && ok || bad "{} lost srt's TMPDIR"

finish
