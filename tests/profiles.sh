#!/bin/sh
# SPDX-License-Identifier: ISC
# profiles.sh: saved policies by name: sbpolicy profiles, and -p NAME in
# every command.
. "${top_srcdir:-.}/tests/lib.sh" profiles

XDG_CONFIG_HOME=$PWD/config
export XDG_CONFIG_HOME
dir=$XDG_CONFIG_HOME/sbpolicy/profiles

expect 0 "$sb" profiles --help
grep -q 'XDG_CONFIG_HOME/sbpolicy/profiles' out && ok || bad "help lacks the dir"
expect 0 "$sb" profiles
[ ! -s out ] && ok || bad "profiles printed names with none saved"
one_line_error "profiles: none saved in $dir"
expect 2 "$sb" profiles extra
one_line_error 'profiles: unexpected argument "extra" (it takes none)$'

mkdir -p "$dir"
printf '{"version": 1, "network": {"proxy_ports": [8080]}}\n' >"$dir/agent.json"
printf '{"version": 1}\n' >"$dir/b-2.json"
printf '{"version": 1}\n' >"$dir/.hidden.json"
printf 'x\n' >"$dir/notes.txt"
expect 0 "$sb" profiles
printf 'agent\nb-2\n' | cmp -s - out && ok || { bad "profiles list"; cat out; }
[ ! -s err ] && ok || bad "profiles wrote to stderr"
# A directory is no profile, whatever its name; a file that -p NAME cannot
# name is not listed, and stderr says why.
mkdir "$dir/subdir.json"
printf '{"version": 1}\n' >"$dir/my agent.json"
expect 0 "$sb" profiles
printf 'agent\nb-2\n' | cmp -s - out && ok || { bad "profiles list"; cat out; }
one_line_error 'profiles: "my agent.json" is not listed: a profile.s name is letters, digits'
rm -r "$dir/subdir.json" "$dir/my agent.json"

# -p NAME reads DIR/NAME.json in every command.
expect 0 "$sb" generate -p agent
grep -q 'localhost:8080' out && ok || bad "generate -p NAME"
expect 0 "$sb" explain -p agent connect tcp:localhost:8080
expect 0 "$sb" run --dry-run -p agent -- true
grep -q 'localhost:8080' out && ok || bad "run -p NAME"
expect 1 "$sb" generate -p nosuch
one_line_error "-p nosuch: no saved profile $dir/nosuch.json"
# A name with a suffix or a slash is a file, as before.
printf '{"version": 1, "network": {"proxy_ports": [9090]}}\n' >agent.json
expect 0 "$sb" generate -p agent.json
grep -q 'localhost:9090' out && ok || bad "-p FILE.json"
expect 0 "$sb" generate -p ./agent.json
grep -q 'localhost:9090' out && ok || bad "-p ./FILE"
# Without XDG_CONFIG_HOME: ~/.config.
mkdir -p home/.config/sbpolicy/profiles
cp "$dir/agent.json" home/.config/sbpolicy/profiles/h.json
expect 0 env -u XDG_CONFIG_HOME HOME="$PWD/home" "$sb" generate -p h
grep -q 'localhost:8080' out && ok || bad "-p NAME under ~/.config"

finish
