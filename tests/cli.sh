#!/bin/sh
# SPDX-License-Identifier: ISC
# cli.sh: the command line as a user meets it: exit statuses, --help, -p
# combined with flags, output files, and what generate must print.
. "${top_srcdir:-.}/tests/lib.sh" cli

# --- help, version, usage --------------------------------------------------
expect 0 "$sb" --help
grep -q '^usage: sbpolicy' out && ok || bad "--help has no usage"
expect 0 "$sb" --version
grep -q '^sbpolicy [0-9]' out && ok || bad "--version"
expect 0 "$sb" generate --help
for flag in --params --cd --network --allow-unix-socket --deny-unix-socket \
    --allow-all-unix-sockets --proxy-port --allow-local-binding --fs \
    --full-auto --writable-root --no-cwd-root --no-slash-tmp --no-tmpdir \
    --protect --no-default-protect --deny-read --output --format \
    --save-params; do
	grep -q -- "$flag" out && ok || bad "generate --help lacks $flag"
done
expect 2 "$sb" frobnicate
one_line_error 'unknown command: "frobnicate"'
expect 2 "$sb" generate --bogus
one_line_error 'generate: unknown option "--bogus"'
expect 2 "$sb" generate --network
one_line_error 'generate: --network needs an argument, MODE'
expect 2 "$sb" generate --format
one_line_error 'generate: --format needs an argument, FORMAT'
expect 2 "$sb" generate -o
one_line_error 'generate: -o needs an argument, FILE'
expect 2 "$sb" generate -Z
one_line_error 'generate: unknown option -Z'
expect 2 "$sb" generate -- ls
one_line_error 'generate: the sbpl format has no place for a command after --'
expect 2 "$sb" generate --format inline -- ls
one_line_error 'generate: the inline format has no place'
expect 0 "$sb" generate --format args -- ls
expect 2 "$sb" generate --full-auto=yes
one_line_error 'generate: --full-auto takes no argument'
expect 2 "$sb" generate --network sideways
one_line_error '--network: unknown mode "sideways"'
expect 2 "$sb" generate --fs everything
expect 2 "$sb" generate --proxy-port 0
one_line_error '--proxy-port: port must be 1..65535: 0'
expect 2 "$sb" generate --proxy-port 70000
expect 2 "$sb" generate --proxy-port 80x
expect 2 "$sb" generate --format yaml
expect 2 "$sb" generate --allow-unix-socket ''
one_line_error '--allow-unix-socket: path is empty'
expect 2 "$sb" generate --protect '*.pem'
one_line_error '--protect: a protected name is one file name, not a pattern: "\*.pem"'
printf '{"version": 1, "filesystem": {"protected_names": [".git", "k[0]"]}}\n' >pn.json
expect 1 "$sb" generate -p pn.json
one_line_error 'pn.json:1:'
grep -q 'filesystem.protected_names\[1\]: a protected name is one file name' err &&
    ok || bad "the params file's glob name is not located"
expect 2 "$sb" generate --protect a/b
expect 2 "$sb" generate --cd /nonexistent/dir
expect 2 "$sb" generate --allow-unix-socket '~bob/agent.sock'
one_line_error '--allow-unix-socket: only "~/" is expanded, not "~user": "~bob/agent.sock"'
expect 2 "$sb" generate --writable-root '~bob'
one_line_error '--writable-root: only "~/" is expanded, not "~user": "~bob"'
expect 2 "$sb" generate stray-argument

# --- one socket: restricted, full, off ---------------------------------------
expect 0 "$sb" generate --allow-unix-socket /tmp/test.sock
has '(allow system-socket (socket-domain AF_UNIX))'
has '(allow network-bind (local unix-socket (subpath (param "UNIX_SOCKET_PATH_0"))))'
has '(allow network-outbound (remote unix-socket (subpath (param "UNIX_SOCKET_PATH_0"))))'
has '; -D UNIX_SOCKET_PATH_0=/tmp/test.sock'
lacks '(allow network-outbound)'
expect 0 "$sb" generate --allow-unix-socket /tmp/test.sock --network full
has '(allow network-outbound)'
has '(allow network-inbound)'
expect 0 "$sb" generate --allow-unix-socket /tmp/test.sock --network off
grep -q '^(allow network' out && bad "--network off still has a network rule" || ok
grep -q 'no effect while network.mode is off' err && ok ||
    bad "--network off does not warn about the inactive socket"

# Relative paths resolve against --cd; ~/ expands against $HOME.
mkdir -p proj/run home
expect 0 "$sb" generate -C proj --allow-unix-socket run/db.sock
has "; -D UNIX_SOCKET_PATH_0=$(cd proj && pwd -P)/run/db.sock"
expect 0 env HOME="$work/home" "$sb" generate --allow-unix-socket '~/agent.sock'
has "; -D UNIX_SOCKET_PATH_0=$(cd home && pwd -P)/agent.sock"

# --- -p combined with flags -------------------------------------------------
cat >p.json <<'JSON'
{"version": 1,
 "network": {"mode": "off", "unix_sockets": {"allow": ["/tmp/a.sock"]}}}
JSON
expect 0 "$sb" generate -p p.json --network restricted --allow-unix-socket /tmp/b.sock
has '; -D UNIX_SOCKET_PATH_0=/tmp/a.sock'
has '; -D UNIX_SOCKET_PATH_1=/tmp/b.sock'
# The flag wins whatever its position: -p is read first.
expect 0 "$sb" generate --network restricted -p p.json
has '; -D UNIX_SOCKET_PATH_0=/tmp/a.sock'
expect 2 "$sb" generate -p p.json -p p.json
expect 1 "$sb" generate -p missing.json
one_line_error 'missing.json: No such file or directory'
printf '{"version": 2}\n' >v2.json
expect 1 "$sb" generate -p v2.json
one_line_error 'v2.json:1:'

# --- output files: atomic, and nothing written on error ---------------------
expect 0 "$sb" generate --allow-unix-socket /tmp/test.sock -o out.sb
[ ! -s out ] && ok || bad "-o still wrote to stdout"
grep -qxF '; -D UNIX_SOCKET_PATH_0=/tmp/test.sock' out.sb && ok || bad "-o file"
echo precious >keep.sb
expect 1 "$sb" generate --allow-unix-socket "$(printf '/tmp/a\nb')" \
    --format inline -o keep.sb
[ "$(cat keep.sb)" = precious ] && ok || bad "a failed generate touched -o"
one_line_error 'inline: "/tmp/a\\nb": a path with a control character'
ls -a | grep -q '^\.sbpolicy\.' && bad "temporary file left behind" || ok
mkdir ro && chmod 555 ro
if [ "$(id -u)" -ne 0 ]; then
	expect 1 "$sb" generate -o ro/x.sb
	one_line_error 'ro/x.sb: Permission denied'
fi
expect 1 "$sb" generate -o nodir/x.sb
one_line_error 'nodir/x.sb: No such file or directory'
mkdir adir
expect 1 "$sb" generate -o adir
one_line_error 'adir: is a directory'

# A file name is one printable line in a message, whatever it holds.
expect 1 "$sb" generate -p "$(printf '/tmp/a\nb')"
one_line_error '"/tmp/a\\nb": No such file or directory'
expect 1 "$sb" generate -o "$(printf 'no\ndir/x.sb')"
one_line_error '"no\\ndir/x.sb": No such file or directory'
esc=$(printf '\033')
expect 1 "$sb" generate -p "$(printf 'x\033]0;title\007.json')"
one_line_error '"x\\x1b]0;title\\x07.json": No such file or directory'
grep -q "$esc" err && bad "an ESC from a file name reached stderr" || ok
printf '{"version": 2}\n' >"$(printf 'v\t2.json')"
expect 1 "$sb" generate -p "$(printf 'v\t2.json')"
one_line_error '"v\\t2.json":1:'

# -o onto a symlink writes its target, and the link stays a link.
echo old >target.sb
ln -s target.sb link.sb
expect 0 "$sb" generate --allow-unix-socket /tmp/test.sock -o link.sb
[ -L link.sb ] && ok || bad "-o replaced the symlink"
grep -qxF '; -D UNIX_SOCKET_PATH_0=/tmp/test.sock' target.sb && ok ||
    bad "-o did not write the symlink's target"
# A dangling one creates its target.
ln -s made.sb dangling.sb
expect 0 "$sb" generate -o dangling.sb
[ -L dangling.sb ] && [ -s made.sb ] && ok || bad "-o onto a dangling symlink"

# An existing file keeps its mode; a new one gets 0666 less the umask.
echo old >secret.sb
chmod 600 secret.sb
expect 0 "$sb" generate -o secret.sb
case $(ls -l secret.sb) in -rw-------*) ok ;; *) bad "-o made a 0600 file $(ls -l secret.sb)" ;; esac
expect 0 sh -c 'umask 027 && exec "$1" generate -o new.sb' sh "$sb"
case $(ls -l new.sb) in -rw-r-----*) ok ;; *) bad "-o new file: $(ls -l new.sb)" ;; esac

# A FIFO is written in place (the reader gets the profile), not replaced.
if mkfifo fifo 2>/dev/null; then
	cat fifo >fifo.out &
	reader=$!
	expect 0 "$sb" generate --allow-unix-socket /tmp/test.sock -o fifo
	# A reader still waiting for a writer would hang the wait below.
	if [ "$got" -ne 0 ] || [ ! -p fifo ]; then
		kill "$reader" 2>/dev/null
	fi
	[ -p fifo ] && ok || bad "-o replaced a FIFO"
	wait "$reader"
	grep -qxF '; -D UNIX_SOCKET_PATH_0=/tmp/test.sock' fifo.out && ok ||
	    bad "-o FIFO: the reader did not get the profile"
fi

# A 250-byte file name: the temporary file's name must stay short.
long=$(printf '%0250d' 0 | tr 0 n)
expect 0 "$sb" generate -o "$long"
[ -s "$long" ] && ok || bad "-o with a 250-byte name"
expect 0 "$sb" generate -o "$long"
ls -a | grep -q '^\.sbpolicy\.' && bad "temporary file left behind" || ok

# Two outputs are all or nothing: a failing -o leaves --save-params unwritten.
expect 1 "$sb" generate --save-params sp.json -o nodir/out.sb
one_line_error 'nodir/out.sb: No such file or directory'
[ ! -e sp.json ] && ok || bad "--save-params written though -o failed"
echo precious >sp.json
expect 1 "$sb" generate --save-params sp.json -o adir
[ "$(cat sp.json)" = precious ] && ok || bad "--save-params replaced though -o failed"
expect 1 "$sb" generate --save-params nodir/sp.json -o out2.sb
[ ! -e out2.sb ] && ok || bad "-o written though --save-params failed"
ls -a | grep -q '^\.sbpolicy\.' && bad "temporary file left behind" || ok

# A removed current directory: -C /abs needs no getcwd; without -C it is
# an I/O error (1), not bad usage.
mkdir gone
expect 0 sh -c 'cd "$1" && rmdir "$1" && exec "$2" generate -C "$3" -o "$3/gone.sb"' \
    sh "$work/gone" "$sb" "$work"
[ -s gone.sb ] && ok || bad "-C /abs from a removed directory wrote nothing"
mkdir gone
expect 1 sh -c 'cd "$1" && rmdir "$1" && exec "$2" generate' \
    sh "$work/gone" "$sb"
one_line_error 'cannot get the current directory: '

# /dev/stdout on a pipe leads to no path ("pipe:[N]"): written in place.
"$sb" generate --allow-unix-socket /tmp/test.sock -o /dev/stdout 2>err | cat >piped
grep -qxF '; -D UNIX_SOCKET_PATH_0=/tmp/test.sock' piped && [ ! -s err ] && ok ||
    { bad "-o /dev/stdout into a pipe"; cat err; }

# --save-params writes a file that generate -p reads back to the same profile.
expect 0 "$sb" generate --fs workspace-write --allow-unix-socket /tmp/s.sock \
    --proxy-port 3128 --deny-read '**/.env' --save-params saved.json -o a.sb
expect 0 "$sb" generate -p saved.json -o b.sb
cmp -s a.sb b.sb && ok || bad "--save-params does not round-trip"

# --- formats ----------------------------------------------------------------
expect 0 "$sb" generate --format inline --allow-unix-socket '/tmp/q"uote.sock'
has '(allow network-outbound (remote unix-socket (subpath "/tmp/q\"uote.sock")))'
grep -q '(param ' out && bad "inline still has (param" || ok
expect 0 "$sb" generate --format args --allow-unix-socket /tmp/test.sock -- echo hi
head -c 26 out | grep -qx "/usr/bin/sandbox-exec -p '" && ok ||
    bad "args format does not start with sandbox-exec -p"
grep -q " -DUNIX_SOCKET_PATH_0=/tmp/test.sock -- echo hi\$" out && ok ||
    bad "args format tail"
expect 0 "$sb" generate --format json --allow-unix-socket /tmp/test.sock -- true
grep -q '"UNIX_SOCKET_PATH_0"' out && ok || bad "json format params"
if command -v python3 >/dev/null 2>&1; then
	python3 -c 'import json,sys; d=json.load(open("out")); assert d["argv"][0]=="/usr/bin/sandbox-exec" and d["argv"][-1]=="true" and d["params"]==[["UNIX_SOCKET_PATH_0","/tmp/test.sock"]]' &&
	    ok || bad "json format is not the documented object"
fi

expect 0 "$sb" generate --format json --allow-unix-socket /tmp/test.sock
if command -v python3 >/dev/null 2>&1; then
	python3 -c 'import json; d=json.load(open("out")); assert d["argv"][-1]=="-DUNIX_SOCKET_PATH_0=/tmp/test.sock", d["argv"]' &&
	    ok || bad "json argv without a command still ends in --"
fi

# --- every bad params file: exit 1, its one-line error, nothing written ------
for dir in "$top_srcdir"/tests/bad/*/; do
	case=$(basename "$dir")
	want="sbpolicy: $(cat "$dir/error")"
	(cd "$top_srcdir" && "$sb" generate -p "tests/bad/$case/params.json" \
	    -o "$work/bad.sb" --save-params "$work/bad.json") >out 2>err
	status=$?
	[ "$status" -eq 1 ] && ok || bad "bad/$case exited $status, wanted 1"
	[ "$(cat err)" = "$want" ] && ok ||
	    { bad "bad/$case: wrong error"; echo "  want: $want"; sed 's/^/  got:  /' err; }
	[ ! -e bad.sb ] && [ ! -e bad.json ] && [ ! -s out ] && ok ||
	    bad "bad/$case wrote something"
done

# --- the man page names every flag of --help --------------------------------
man=$top_srcdir/data/sbpolicy.1
for flag in $("$sb" generate --help | grep -o -- '--[a-z-]*' | sort -u); do
	grep -q -- "${flag#--}" "$man" && ok || bad "man page lacks $flag"
done
if [ -n "${MANDOC:-}" ]; then
	"$MANDOC" -T lint -W warning "$man" >lint 2>&1 && ok ||
	    { bad "mandoc -T lint"; cat lint; }
fi

# --- all or nothing across outputs; one temporary file per target ----------
# In-place targets are written before any rename: a full device leaves the
# other output byte for byte as it was.
if [ -w /dev/full ]; then
	printf 'precious\n' >full.sb
	cp full.sb full.orig
	expect 1 "$sb" generate -o full.sb --save-params /dev/full
	one_line_error '/dev/full: '
	cmp -s full.sb full.orig && ok || bad "-o replaced though --save-params failed"
	cp full.orig full.json
	expect 1 "$sb" generate --save-params full.json -o /dev/full
	one_line_error '/dev/full: '
	cmp -s full.json full.orig && ok || bad "--save-params replaced though -o failed"
	ls -a | grep -q '^\.sbpolicy\.' && bad "temporary file left behind" || ok
fi
# One file named twice (here, or through a link) is refused, not raced.
expect 1 "$sb" generate -o twice.sb --save-params twice.sb
one_line_error 'twice.sb: already being written'
[ ! -e twice.sb ] && ok || bad "a file named twice was written"

# The temporary file is DIR/.sbpolicy.NAME.tmp: one left behind (a kill -9)
# is reused by the next write and gone after it.
printf 'stale\n' >.sbpolicy.st.sb.tmp
expect 0 "$sb" generate -o st.sb
[ -s st.sb ] && [ ! -e .sbpolicy.st.sb.tmp ] && ok || bad "a stale temporary file stayed"
# What is planted at that name is not written through: a symlink, a hard link.
echo victim >victim
ln -s victim .sbpolicy.sym.sb.tmp
ln victim .sbpolicy.hard.sb.tmp
expect 0 "$sb" generate -o sym.sb
expect 0 "$sb" generate -o hard.sb
[ "$(cat victim)" = victim ] && ok || bad "a link at the temporary's name was written through"
links=$(ls -l victim | awk '{ print $2 }')
[ "$links" -eq 1 ] && [ -f sym.sb ] && [ ! -L sym.sb ] && [ -s hard.sb ] && ok ||
    bad "links at the temporary's name: $(ls -la)"
ls -a | grep -q '^\.sbpolicy\.' && bad "temporary file left behind" || ok

# kill -9 while -o waits for a reader of a FIFO, --save-params' temporary
# written and locked: another writer of that file fails at once, and however
# often it is killed, one temporary stays, which the next write removes.
expect 0 "$sb" generate --save-params ref.json
if mkfifo blocked 2>/dev/null; then
	for round in 1 2; do
		"$sb" generate -o blocked --save-params held.json >/dev/null 2>&1 &
		pid=$!
		i=0
		while ! cmp -s .sbpolicy.held.json.tmp ref.json && [ "$i" -lt 100 ]; do
			sleep 0.1
			i=$((i + 1))
		done
		[ "$i" -lt 100 ] && ok || bad "round $round: no temporary for --save-params"
		if [ "$round" -eq 1 ]; then
			expect 1 "$sb" generate --save-params held.json
			one_line_error 'held.json: being written by another process'
		fi
		kill -9 "$pid"
		wait "$pid" 2>/dev/null
		[ "$(ls -a | grep -c '^\.sbpolicy\.')" -eq 1 ] && ok ||
		    bad "round $round: not one temporary file: $(ls -a)"
		# Unlike the next round's, so that its wait above means something.
		echo stale >.sbpolicy.held.json.tmp
	done
	[ ! -e held.json ] && ok || bad "held.json written by a killed generate"
	expect 0 "$sb" generate --save-params held.json
	cmp -s held.json ref.json && [ ! -e .sbpolicy.held.json.tmp ] && ok ||
	    bad "the write after kill -9: $(ls -a)"
fi

# --- patterns: the directory they start from is text ------------------------
# In a directory named p[1], '*.pem' must not become the class [1].
mkdir -p 'p[1]'
expect 0 "$sb" generate -C "$work/p[1]" --deny-read '*.pem'
re=$(printf '%s' "$work" | sed 's/[.]/\\\\./g')
has "(deny file-read* (regex \"^$re/p\\\\[1\\\\]/[^/]*\\\\.pem(/.*)?$\"))"
has "(deny file-write* (regex \"^$re/p\\\\[1\\\\]/[^/]*\\\\.pem(/.*)?$\"))"
# A pattern that cannot mean what it looks like is an error, named by
# its option on the command line and by its place in a file. A ".." after
# a wildcard is refused before the path is cleaned: "/tmp/*/.." is not
# "/tmp".
for glob in '/a/[z-a]' '/a/[[.]' '/a/[[:foo:]]' '/a/[.-0]' '/a/a**/x' \
    '/tmp/*/..' 'rel/*/..'; do
	expect 2 "$sb" generate --deny-read "$glob"
	one_line_error '--deny-read: .*: "'
	[ ! -s out ] && ok || bad "$glob: a profile was printed"
	printf '{"version": 1, "filesystem": {"deny_read": ["%s"]}}\n' \
	    "$glob" >glob.json
	expect 1 "$sb" generate -p glob.json
	one_line_error 'glob\.json:1:45: filesystem\.deny_read\[0\]: '
	[ ! -s out ] && ok || bad "$glob in a file: a profile was printed"
done
for glob in '/tmp/[z-a].sock' '/tmp/a**b/s'; do
	expect 2 "$sb" generate --allow-unix-socket "$glob"
	one_line_error '--allow-unix-socket: .*: "'
	printf '{"version": 1, "network": {"unix_sockets": {"deny": [{"match": "glob", "path": "%s"}]}}}\n' \
	    "$glob" >glob.json
	expect 1 "$sb" generate -p glob.json
	one_line_error 'glob\.json:1:[0-9]*: network\.unix_sockets\.deny\[0\]\.path: '
done

# --- an srt settings file where params are expected --------------------------
printf '{"filesystem": {"allowWrite": ["."]}}\n' >srt.json
expect 1 "$sb" generate -p srt.json
one_line_error "srt\\.json:1:1: version: required key is missing (an srt settings file: 'sbpolicy import srt FILE' converts it)$"
printf '{"filesystem": {"writable": ["."]}}\n' >notsrt.json
expect 1 "$sb" generate -p notsrt.json
grep -q 'import srt' err && bad "a file that is not srt's got the srt hint" || ok

# --- built-in denies of the container engines' sockets ----------------------
expect 0 "$sb" generate --network full
has '(deny network-outbound (remote unix-socket (literal (param "BUILTIN_DENY_0"))))'
grep -q '^; -D BUILTIN_DENY_0=.*/run/docker.sock$' out && ok ||
    bad "no BUILTIN_DENY_0 for docker.sock"
expect 0 "$sb" generate --network full --no-builtin-denies
grep -q BUILTIN_DENY out && bad "--no-builtin-denies still denies" || ok
expect 0 "$sb" generate --no-builtin-denies --save-params nb.json
grep -q '"builtin_denies": false' nb.json && ok ||
    bad "--save-params lost builtin_denies"
expect 0 "$sb" generate -p nb.json --network full
grep -q BUILTIN_DENY out && bad "builtin_denies false in a file ignored" || ok

# --- tui's command line (no terminal here: it stops there, exit 2) ----------
printf '{"version": 1}\n' >t.json
expect 0 "$sb" tui --help
grep -q 'template' out && ok || bad "tui --help does not explain -p with a file"
expect 2 "$sb" tui t.json --proxy-port 1234
one_line_error 'tui: standard input and output must be a terminal'
expect 2 "$sb" tui t.json --proxy-port 0
one_line_error '--proxy-port: port must be 1..65535: 0'
expect 2 "$sb" tui -p t.json new.json
one_line_error 'tui: standard input and output must be a terminal'
expect 2 "$sb" tui new.json -p t.json --allow-local-binding
one_line_error 'tui: standard input and output must be a terminal'
expect 1 "$sb" tui -p missing.json new.json
one_line_error 'missing.json: '
expect 2 "$sb" tui -p t.json new.json extra.json
one_line_error 'tui: unexpected argument: "extra.json"'
printf '{"version": 2}\n' >v2.json
expect 1 "$sb" tui -p t.json v2.json
one_line_error 'v2.json:1:'
[ ! -e new.json ] && ok || bad "tui wrote new.json without a terminal"

# --- lint ---------------------------------------------------------------------
printf '(version 1)\n(deny default)\n(allow file-read* (subpath (param "ROOT")))\n' >ok.sb
expect 0 "$sb" lint -D ROOT=/Users/me/p ok.sb
[ ! -s out ] && [ ! -s err ] && ok || bad "lint of a clean profile printed"
expect 0 "$sb" lint ok.sb -D ROOT=/Users/me/p --format text
expect 0 "$sb" lint --format json -D ROOT=/Users/me/p ok.sb
has '{"file": "ok.sb", "findings": []}'
expect 1 "$sb" lint ok.sb
has 'ok.sb:3:28: error: subpath: parameter ROOT is not defined (pass -D ROOT=VALUE) [missing-param]'
printf '%s\n' '(version 1)' '(deny default)' \
    '(allow file-read* (subpath "/tmp/x"))' \
    '(deny file-read* (literal "/var/run/docker.sock"))' \
    '(allow netwrk-outbound)' >bad.sb
expect 1 "$sb" lint bad.sb
[ ! -s err ] && ok || bad "lint findings went to stderr"
[ "$(wc -l <out)" -eq 4 ] && ok || { bad "bad.sb: not 4 findings"; cat out; }
grep -q '^bad.sb:3:28: warning: subpath "/tmp/x" never matches: .*"/private/tmp/x" \[private-path\]$' out &&
    ok || bad "no /private/tmp spelling"
grep -q '^bad.sb:4:27: warning: .*do not stop connect().* \[socket-file-rule\]$' out &&
    ok || bad "no ineffective socket deny"
has 'bad.sb:5:8: error: unknown operation netwrk-outbound (did you mean network-outbound?) [unknown-operation]'
# One line each, FILE:LINE:COL: SEVERITY: message [code], by line and column.
grep -vq '^bad.sb:[0-9]*:[0-9]*: \(error\|warning\): .* \[[a-z-]*\]$' out &&
    bad "a line out of format" || ok
cut -d: -f2,3 out | sort -c -t: -k1,1n -k2,2n && ok || bad "not sorted"
expect 1 "$sb" lint - <bad.sb
has '<stdin>:5:8: error: unknown operation netwrk-outbound (did you mean network-outbound?) [unknown-operation]'
expect 1 "$sb" lint --format json bad.sb
head -n 1 out | grep -q '^{"file": "bad.sb", "findings": \[$' && ok ||
    bad "lint --format json: no file"
grep -q '^  {"line": 5, "column": 8, "severity": "error", "code": "unknown-operation", "message": "unknown operation netwrk-outbound (did you mean network-outbound?)"}$' out &&
    ok || bad "lint --format json: no finding"
[ "$(tail -n 1 out)" = ']}' ] && ok || bad "lint --format json: not closed"
printf '(version 1)\n(allow file-read*\n' >unclosed.sb
expect 1 "$sb" lint unclosed.sb
has 'unclosed.sb:3:1: error: the ( at 2:1 is never closed [syntax]'
expect 0 "$sb" lint --help
grep -q '^usage: sbpolicy lint' out && ok || bad "lint --help"
expect 2 "$sb" lint
one_line_error 'lint: which profile?'
expect 2 "$sb" lint ok.sb bad.sb
one_line_error 'lint: unexpected argument "bad.sb"'
expect 2 "$sb" lint -D noequals ok.sb
one_line_error 'lint: -D: expected KEY=VALUE, not "noequals"'
expect 2 "$sb" lint --format yaml ok.sb
one_line_error '--format: unknown format "yaml"'
expect 2 "$sb" lint missing.sb
one_line_error 'missing.sb: No such file or directory'
[ ! -s out ] && ok || bad "lint of a missing file printed findings"
expect 2 "$sb" lint .
one_line_error '.: is a directory'
if [ "$(id -u)" -ne 0 ]; then
	cp ok.sb locked.sb
	chmod 000 locked.sb
	expect 2 "$sb" lint locked.sb
	one_line_error 'locked.sb: Permission denied'
fi

finish
