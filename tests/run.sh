#!/bin/sh
# SPDX-License-Identifier: ISC
# run.sh: `sbpolicy run` as a user meets it: --dry-run re-split by /bin/sh
# gives back the exact argv (hostile paths and arguments included), the
# large-profile -f file, exit 125 for every failure before the command starts,
# the one-line explanation on a system without sandbox-exec, and the budget
# for the whole command line (-f in inline form with no -D; 125 above it).
. "${top_srcdir:-.}/tests/lib.sh" run
# The profile holds no locale-dependent text, but hostile bytes must pass
# through awk and sh untouched.
LC_ALL=C
export LC_ALL

# resplit FILE: the command line in FILE, split by /bin/sh into NUL-ended
# words (a word may hold newlines, so lines would not do).
resplit() {
	/bin/sh -c "printf '%s\\0' $(cat "$1")"
}

# profile_of OPTIONS...: the profile `generate` prints, minus its "; -D"
# header and the blank line after it: what run passes with -p.
profile_of() {
	"$sb" generate "$@" 2>/dev/null | awk '
	    h && /^; -D / { skipped = 1; next }
	    h && skipped && /^$/ { h = 0; next }
	    { h = 0; print }' h=1
}

# same FILE1 FILE2 WHAT
same() {
	if cmp -s "$1" "$2"; then ok; else
		bad "$3: argv differs"
		echo "  got:"; tr '\0' '\n' <"$1" | sed 's/^/    /' | tail -20
		echo "  want:"; tr '\0' '\n' <"$2" | sed 's/^/    /' | tail -20
	fi
}

# --- the README's example ---------------------------------------------------
expect 0 "$sb" run --dry-run --allow-unix-socket /tmp/test.sock -- \
    test-client --flag 'a b'
[ -s err ] && bad "--dry-run wrote to stderr: $(cat err)" || ok
# One command line: a single trailing newline (newlines inside the quoted
# profile are part of one word).
[ "$(tail -c 1 out | od -An -c | tr -d ' ')" = '\n' ] && ok ||
    bad "output does not end in a newline"
resplit out >got.bin
canon=$(cd /tmp && pwd -P)/test.sock
{
	printf '%s\0' /usr/bin/sandbox-exec -p
	profile_of --allow-unix-socket /tmp/test.sock
	printf '\0'
	printf '%s\0' "-DUNIX_SOCKET_PATH_0=$canon" -- test-client --flag 'a b'
} >want.bin
same got.bin want.bin "the README example"
# Exactly eight words.
[ "$(tr -cd '\0' <got.bin | wc -c)" -eq 8 ] && ok ||
    bad "the README example: not 8 words"

# --- hostile paths and arguments round-trip through sh --------------------
nl='a
b'
hi=$(printf '\377\376')
dollar='$HOME'
tick='`id`'
sock="/tmp/sbpolicy test/it's \"q\" $dollar $tick $nl $hi.sock"
expect 0 "$sb" run --dry-run --allow-unix-socket "$sock" -- \
    "it's" "$dollar" "$tick" "$nl" "$hi" '' ' ' '*' '-p' '--' ';rm -rf x' "'" \
    '\' '!'
resplit out >got.bin
{
	printf '%s\0' /usr/bin/sandbox-exec -p
	profile_of --allow-unix-socket "$sock"
	printf '\0'
	printf '%s\0' "-DUNIX_SOCKET_PATH_0=$(cd /tmp && pwd -P)${sock#/tmp}" \
	    -- "it's" "$dollar" "$tick" "$nl" "$hi" '' ' ' '*' '-p' '--' \
	    ';rm -rf x' "'" '\' '!'
} >want.bin
same got.bin want.bin "hostile"

# A hostile command name, and no policy options at all.
expect 0 "$sb" run --dry-run -- "./my $tick prog"
resplit out >got.bin
{
	printf '%s\0' /usr/bin/sandbox-exec -p
	profile_of
	printf '\0'
	printf '%s\0' -- "./my $tick prog"
} >want.bin
same got.bin want.bin "plain"

# Every network row and filesystem mode gives the argv of generate --format
# args (the same builder), and sh gives it back.
for opts in "--network off --allow-unix-socket /tmp/x.sock" \
    "--network restricted" "--allow-all-unix-sockets" \
    "--allow-local-binding --proxy-port 3128" \
    "--network full --deny-unix-socket /var/run/docker.sock" \
    "--fs read-only" "--fs full-access" "--full-auto" \
    "--full-auto --writable-root /tmp/w --protect .env"; do
	# shellcheck disable=SC2086
	expect 0 "$sb" run --dry-run $opts -- cmd arg
	mv out run.out
	# shellcheck disable=SC2086
	"$sb" generate --format args $opts -- cmd arg >gen.out 2>/dev/null
	cmp -s run.out gen.out && ok || bad "$opts: run --dry-run != generate --format args"
	resplit run.out >got.bin
	# shellcheck disable=SC2086
	{
		printf '%s\0' /usr/bin/sandbox-exec -p
		profile_of $opts
		printf '\0'
	} >want.prefix
	head -c "$(wc -c <want.prefix)" got.bin | cmp -s - want.prefix && ok ||
	    bad "$opts: profile word differs"
done

# --- a profile over 64 KiB goes by -f, to a private file -----------------
mkdir tmpdir
i=0
set --
while [ $i -lt 400 ]; do
	set -- "$@" --deny-read "/Users/me/a/rather/long/directory/name/$i/**/*.key"
	i=$((i + 1))
done
TMPDIR=$work/tmpdir expect 0 "$sb" run --dry-run "$@" -- true
resplit out >got.bin
file=$(tr '\0' '\n' <got.bin | sed -n 3p)
[ "$(tr '\0' '\n' <got.bin | sed -n 2p)" = -f ] && ok || bad "large: no -f"
case $file in "$work/tmpdir/sbpolicy-profile."*) ok ;; *) bad "large: file $file not in \$TMPDIR" ;; esac
[ -f "$file" ] && ok || bad "large: $file missing"
case $(ls -l "$file") in -rw-------*) ok ;; *) bad "large: $file is not 0600" ;; esac
profile_of "$@" >want.profile
cmp -s "$file" want.profile && ok || bad "large: file is not the profile"
[ "$(wc -c <"$file")" -gt 65536 ] && ok || bad "large: profile not over 64 KiB"
grep -q "^sbpolicy: run: note: the profile is .* wrote it to \"$file\"" err && ok ||
    bad "large: no note on stderr: $(cat err)"
rm -f "$file"

# --- --log-denials tags every deny rule (seen in the dry run) ------------
expect 0 "$sb" run --dry-run --log-denials -- true
grep -q '^(deny default (with message "sbpolicy-run-[0-9a-z-]*"))$' out && ok ||
    bad "--log-denials: (deny default) is not tagged"
expect 0 "$sb" run --dry-run --log-denials --network full \
    --deny-unix-socket /var/run/docker.sock -- true
n=$(grep -c '(with message "sbpolicy-run-' out)
[ "$n" -ge 3 ] && ok || bad "--log-denials: only $n deny rules tagged"

# --- -C: the command would start there ----------------------------------
mkdir proj
expect 0 "$sb" run --dry-run -C proj --full-auto -- make
grep -q "^sbpolicy: run: note: the command would start in \".*/proj\" (-C)\$" err &&
    ok || bad "-C: no note: $(cat err)"

# --- a removed current directory: -C /abs still works --------------------
mkdir gone
expect 0 sh -c 'cd "$1" && rmdir "$1" && exec "$2" run --dry-run -C "$3" -- true' \
    sh "$work/gone" "$sb" "$work"
grep -q "^sbpolicy: run: note: the command would start in \"$work\" (-C)\$" err &&
    ok || bad "-C from a removed directory: no note: $(cat err)"
mkdir gone
expect 125 sh -c 'cd "$1" && rmdir "$1" && exec "$2" run --dry-run -- true' \
    sh "$work/gone" "$sb"
grep -q '^sbpolicy: cannot get the current directory: ' err && ok ||
    bad "no -C from a removed directory: $(cat err)"

# --- failures before the command starts: 125 -----------------------------
for args in "--bogus -- true" "" "--dry-run" "true" "--network sideways -- true" \
    "--proxy-port 0 -- true" "-p $work/missing.json -- true" \
    "--fs everything -- true" "--cd $work/nowhere -- true"; do
	# shellcheck disable=SC2086
	expect 125 "$sb" run $args
	head -n 1 err | grep -q '^sbpolicy: ' && ok ||
	    bad "run $args: stderr does not start with sbpolicy: $(cat err)"
done
expect 0 "$sb" run --help
for word in --dry-run --log-denials 125 126 127 128; do
	grep -q -- "$word" out && ok || bad "run --help lacks $word"
done

# --- no sandbox-exec here ---------------------------------------------------
if [ ! -e /usr/bin/sandbox-exec ]; then
	expect 125 "$sb" run -- true
	[ "$(cat err)" = "sbpolicy: run: sandbox-exec is only available on macOS (/usr/bin/sandbox-exec not found); use --dry-run to see the command line" ] &&
	    ok || bad "run -- true: stderr is: $(cat err)"
	[ -s out ] && bad "run -- true wrote to stdout" || ok
	expect 125 "$sb" run --log-denials -- true
else
	# On macOS: the real thing.
	expect 0 "$sb" run -- /usr/bin/true
	expect 3 "$sb" run -- /bin/sh -c 'exit 3'
	expect 127 "$sb" run -- sbpolicy-no-such-command
	expect 126 "$sb" run -- /
	expect 137 "$sb" run -- /bin/sh -c 'kill -9 $$'
	expect 0 "$sb" run -- /bin/sh -c \
	    'test "$SBPOLICY_SANDBOX" = seatbelt && test "$SBPOLICY_NETWORK_DISABLED" = 1'
fi

# --- the budget: -D values over it go into the -f file, inline -------------
# sockets_json N BAD: a params file allowing N sockets with 90-byte names,
# under the 103 bytes of sun_path (about 370 KiB of -D for 3000, where run
# allows 256 KiB for everything); the name of socket BAD (none when BAD >= N)
# holds a newline.
sockets_json() {
	awk -v n="$1" -v bad="$2" 'BEGIN {
		pad = sprintf("%70s", ""); gsub(/ /, "s", pad)
		printf "{\"version\": 1, \"network\": {\"unix_sockets\": "
		printf "{\"allow\": ["
		for (i = 0; i < n; i++)
			printf "%s\"/Users/me/%ssock/%s/%d.sock\"", i ? ", " : "",
			    i == bad ? "\\n" : "", pad, i
		print "]}}}"
	}'
}
sockets_json 3000 3000 >many.json
rm -rf tmpdir
mkdir tmpdir
TMPDIR=$work/tmpdir expect 0 "$sb" run --dry-run -p many.json -- true 'a b'
# What the line really executes: a fake sandbox-exec in its place records
# its arguments, and the -f file as it was.
printf '%s\n' '#!/bin/sh' 'printf "%s\0" "$@" >fake.args' \
    '[ "$1" = -f ] && cp "$2" fake.profile' >fake-sandbox-exec
chmod +x fake-sandbox-exec
sed '1s|^/usr/bin/sandbox-exec |./fake-sandbox-exec |' out >line.sh
sh line.sh && ok || bad "inline: the line does not run"
file=$(tr '\0' '\n' <fake.args | sed -n 2p)
printf '%s\0' -f "$file" -- true 'a b' >want.bin
same fake.args want.bin "inline: -f, no -D"
tr '\0' '\n' <fake.args | grep -q '^-D' && bad "inline: got a -D" || ok
case $file in "$work/tmpdir/sbpolicy-profile."*) ok ;; *) bad "inline: file $file not in \$TMPDIR" ;; esac
case $(ls -l "$file") in -rw-------*) ok ;; *) bad "inline: $file is not 0600" ;; esac
"$sb" generate --format inline -p many.json >want.profile 2>/dev/null
[ -s want.profile ] && cmp -s fake.profile want.profile && ok ||
    bad "inline: the file is not the inline profile"
grep -q '(param ' fake.profile && bad "inline: the file names a (param)" || ok
grep -q "^sbpolicy: run: note: with its -D parameters the command line and environment would take [0-9]* bytes, more than the budget of 262144, so the profile goes by -f with their values written in, and no -D; wrote it to \"$file\"" err &&
    ok || bad "inline: no note on stderr: $(cat err)"
rm -f "$file"

# Fewer of them fit: -p and -D, as always.
sockets_json 100 100 >few.json
expect 0 "$sb" run --dry-run -p few.json -- true
resplit out >got.bin
[ "$(tr '\0' '\n' <got.bin | sed -n 2p)" = -p ] && ok || bad "few: no -p"
[ "$(tr '\0' '\n' <got.bin | grep -c '^-DUNIX_SOCKET_PATH_')" -eq 100 ] &&
    ok || bad "few: not 100 -D"

# A newline in one of many names: -D cannot carry them all, the file cannot
# take that one: 125, and nothing written.
sockets_json 3000 7 >bad.json
TMPDIR=$work/tmpdir expect 125 "$sb" run --dry-run -p bad.json -- true
one_line_error 'run: with its -D parameters the command line and environment would take [0-9]* bytes, more than the budget of 262144, and they cannot be written into the profile instead: "/Users/me/\\nsock/.*": a path with a control character cannot be written into a profile$'
[ -s out ] && bad "inline impossible: wrote to stdout" || ok

# The command's own arguments over the budget: nothing can help.
big=$(head -c 102400 /dev/zero | tr '\0' x)
TMPDIR=$work/tmpdir expect 125 "$sb" run --dry-run -- true "$big" "$big" "$big"
one_line_error 'run: the command line and environment would take [0-9]* bytes even with the profile in a file and no -D, more than the budget of 262144 (macOS allows 1 MiB for both): shorten the command'"'"'s arguments or the environment$'
[ -s out ] && bad "too long: wrote to stdout" || ok
[ -z "$(ls tmpdir)" ] && ok || bad "125 left files behind: $(ls tmpdir)"
if [ -e /usr/bin/sandbox-exec ]; then
	expect 125 "$sb" run -- /usr/bin/true "$big" "$big" "$big"
	one_line_error 'run: the command line and environment would take '
fi

finish
