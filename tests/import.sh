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
cat >proj/srt.json <<EOF
{
  "filesystem": {
    "denyRead": ["~/.ssh", "$work/proj/**/*.pem"],
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
# Writes: the cwd, ../shared and /tmp/claude (srt's own temporary
# directory, where it points TMPDIR), not the user's $TMPDIR, not .env nor
# .git's hooks, nothing else.
ask 0 write ./src/main.c
ask 0 write "$work/shared/notes.txt"
ask 0 write /tmp/claude/build.o
ask 1 write "$TMPDIR/build.o"
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
one_line_error 'type.json:2:36: network.allowLocalBinding: expected a boolean, got a string: "yes"$'
printf '{"network": {"socksProxyPort": 0}}\n' >port.json
expect 1 "$sb" import srt port.json -o port-out.json
one_line_error 'port.json:1:32: network.socksProxyPort: port must be an integer 1..65535: 0'
[ -e port-out.json ] && bad "a bad file wrote output" || ok
printf '{}\n' >empty.json
expect 0 "$sb" import srt empty.json
[ -s err ] && bad "an empty object warned" || ok
grep -q '"include_tmpdir": false' out && ok || bad "{} made \$TMPDIR writable"
grep -q '"/tmp/claude",' out && ok || bad "{} lost srt's TMPDIR, /tmp/claude"

# --- the schema of srt 0.0.83 ---------------------------------------------------
# Its five newest keys are known, each warned about once; allowAllDomains,
# which no release has, is an unknown key.
cat >new83.json <<'EOF2'
{"network": {"allowedDomains": [], "deniedDomains": [],
  "allowPlaintextHeaderSet": true, "stripResponseHeaders": ["set-cookie"],
  "refuseOpaqueTunnels": true, "requireHostMatch": true,
  "ambiguousRequestTarget": "refuse", "allowAllDomains": true}}
EOF2
expect 0 "$sb" import srt new83.json
[ "$(grep -c 'no equivalent, not carried over$' err)" -eq 5 ] && ok ||
    { bad "not one no-equivalent line per new key:"; cat err; }
[ "$(grep -c 'unknown key' err)" -eq 1 ] &&
    grep -q 'network.allowAllDomains: unknown key, ignored' err && ok ||
    { bad "allowAllDomains is not the one unknown key:"; cat err; }
expect 1 "$sb" import srt --strict new83.json
# Values of the settings that are only warned about or ignored are checked
# as srt checks them: srt refuses these files.
printf '{"allowPty": "yes", "enableWeakerNetworkIsolation": "no"}\n' >pty.json
expect 1 "$sb" import srt pty.json
one_line_error 'pty.json:1:14: allowPty: expected a boolean, got a string: "yes"$'
printf '{"network": {"tlsTerminate": null}}\n' >tls.json
expect 1 "$sb" import srt tls.json
one_line_error 'tls.json:1:30: network.tlsTerminate: expected an object, got null$'
printf '{"credentials": {"injectHosts": ["a.com"]}}\n' >cred.json
expect 1 "$sb" import srt cred.json
one_line_error 'cred.json:1:18: credentials.injectHosts: unknown key: srt refuses it here'
printf '{"credentials": {"files": [{"path": "~/.npmrc", "mode": "mask"}]}}\n' >mask.json
expect 1 "$sb" import srt mask.json
one_line_error 'mask.json:1:17: credentials: credential masking needs network.tlsTerminate'

# --- what a params file cannot say -----------------------------------------
# A relative deny-read is fixed to the directory of the import, and says
# so (--strict fails): run elsewhere, it denies nothing there.
mkdir -p dirA dirB
printf '{"filesystem": {"allowWrite": ["."], "denyRead": ["**/.env", "secrets"]}}\n' >dirA/s.json
expect 0 "$sb" import srt -C dirA dirA/s.json -o dirA/p.json
[ "$(grep -c "is relative, and a params file holds no relative path: fixed to the directory of the import, \"$work/dirA\"" err)" -eq 2 ] &&
    ok || { bad "no warning per relative deny:"; cat err; }
expect 1 "$sb" import srt --strict -C dirA dirA/s.json
expect 1 "$sb" explain -p dirA/p.json -C dirA read "$work/dirA/.env"
expect 1 "$sb" explain -p dirA/p.json -C dirA read "$work/dirA/secrets/k"
expect 0 "$sb" explain -p dirA/p.json -C dirB read "$work/dirB/.env"
# A denyWrite in no writable root is dropped, and says so.
printf '{"filesystem": {"allowWrite": [], "denyWrite": ["secrets"]}}\n' >nowhere.json
expect 0 "$sb" import srt nowhere.json
has "sbpolicy: warning: nowhere.json:1:49: filesystem.denyWrite[0]: \"secrets\" lies in no writable root, where nothing is writable anyway: not carried over (a root added there later is not kept read-only)" err
expect 1 "$sb" import srt --strict nowhere.json
# $TMPDIR is not made writable (srt's commands write /tmp/claude), so a
# denyWrite there is in no root either.
mkdir -p t
printf '{"filesystem": {"allowWrite": [], "denyWrite": ["%s/t/x"]}}\n' "$work" >tmp.json
expect 0 env TMPDIR="$work/t" "$sb" import srt tmp.json -o ro.json
grep -q 'lies in no writable root' err && ok || bad "no warning for $work/t/x"
expect 1 env TMPDIR="$work/t" "$sb" explain -p ro.json write "$work/t/x"
# A deny in a root inside another root is kept: no false warning.
printf '{"filesystem": {"allowWrite": [".", "%s"], "denyWrite": [".env"]}}\n' "$work" >nest.json
expect 0 "$sb" import srt -C proj nest.json -o nest-p.json
[ -s err ] && { bad "a warning for a deny that holds:"; cat err; } || ok
expect 1 "$sb" explain -p nest-p.json -C proj write "$work/proj/.env"
expect 0 "$sb" explain -p nest-p.json -C proj write "$work/proj/x"
# Brackets that spell no set are text to srt, and stay text.
printf '{"filesystem": {"denyRead": ["%s/b/[z-a]", "%s/b/backup[2024-01-15]"]}}\n' "$work" "$work" >br.json
expect 0 "$sb" import srt br.json -o br-p.json
[ -s err ] && { bad "brackets warned:"; cat err; } || ok
expect 1 "$sb" explain -p br-p.json read "$work/b/[z-a]"
expect 1 "$sb" explain -p br-p.json read "$work/b/backup[2024-01-15]/x"
expect 0 "$sb" explain -p br-p.json read "$work/b/backup2"
# allowRead with nothing read-denied re-opens nothing: no warning.
printf '{"filesystem": {"allowRead": ["."]}}\n' >ar.json
expect 0 "$sb" import srt --strict ar.json

# --- nothing generate refuses is written -------------------------------------
printf '{"filesystem": {"denyRead": ["/tmp/a\\u001bb"]}}\n' >ctl.json
expect 1 "$sb" import srt ctl.json -o ctl-p.json
one_line_error 'ctl.json: the params file it converts to would not generate a profile: filesystem.deny_read\[0\]: a pattern with a control character'
[ -e ctl-p.json ] && bad "a params file generate refuses was written" || ok
deep=$(i=0; while [ $i -lt 300 ]; do printf 'd/'; i=$((i + 1)); done)
printf '{"filesystem": {"allowWrite": ["."], "denyRead": ["%sx"]}}\n' "$deep" >deep.json
expect 1 "$sb" import srt -C proj deep.json -o deep-p.json
one_line_error 'deep.json: the params file it converts to would not generate a profile: '
[ -e deep-p.json ] && bad "a params file generate refuses was written" || ok

# --- a params file given by mistake ----------------------------------------
printf '{"version": 1, "network": {"mode": "off"}}\n' >params.json
expect 1 "$sb" import srt params.json
one_line_error 'params.json:1:2: version: this is a params file, not an srt settings file (sbpolicy reads it with -p)$'

finish
