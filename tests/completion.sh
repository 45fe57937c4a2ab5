#!/bin/sh
# SPDX-License-Identifier: ISC
# completion.sh: the shell completions (sbpolicy completion bash|zsh|fish):
# every subcommand and every long option of its --help in each of them, the
# value lists the same as the parser's, and bash, zsh and fish completing
# (zsh and fish only where they are installed).
. "${top_srcdir:-.}/tests/lib.sh" completion

bindir=$(dirname "$sb")

for sh in bash zsh fish; do
	expect 0 "$sb" completion "$sh"
	mv out "c.$sh"
	[ -s "c.$sh" ] && ok || bad "completion $sh printed nothing"
done
expect 2 "$sb" completion
one_line_error 'completion: which shell? bash, zsh or fish'
expect 2 "$sb" completion tcsh
one_line_error 'completion: unknown shell "tcsh" (bash, zsh, fish)'
expect 2 "$sb" completion bash zsh
one_line_error 'completion: one shell at a time, not "zsh" too'
expect 0 "$sb" completion --help
grep -q '^usage: sbpolicy completion bash|zsh|fish' out && ok ||
    bad "completion --help"

# What make wrote (and installs) is what the program prints.
for f in sbpolicy:bash _sbpolicy:zsh sbpolicy.fish:fish; do
	file=$top_builddir/completions/${f%%:*}
	[ -f "$file" ] || continue
	cmp -s "$file" "c.${f#*:}" && ok ||
	    bad "$file differs from sbpolicy completion ${f#*:}"
done

# --- every subcommand and option, from --help ------------------------------
"$sb" --help >help
cmds=$(sed -n 's/^ *\(usage:\)\{0,1\} *sbpolicy \([a-z][a-z]*\).*/\2/p' help |
    sort -u)
for c in generate run tui explain lint profiles completion doctor; do
	echo "$cmds" | grep -qx "$c" && ok || bad "sbpolicy --help lacks $c"
done
nopts=0
for c in $cmds; do
	grep -q "^_sbpolicy_cmds='\(.* \)\{0,1\}$c\( .*\)\{0,1\}'\$" c.bash &&
	    ok || bad "bash: no subcommand $c"
	grep -q "^		'$c:" c.zsh && ok || bad "zsh: no subcommand $c"
	grep -q " -a $c -d " c.fish && ok || bad "fish: no subcommand $c"
	expect 0 "$sb" "$c" --help
	opts=$(sed -n 's/^  \(-[A-Za-z], \)\{0,1\} *--\([a-z][a-z-]*\).*/\2/p' out)
	[ -n "$opts" ] && ok || bad "$c --help lists no options"
	sed -n "/^		$c)\$/,/;;\$/p" c.zsh >zsh-$c
	for o in $opts; do
		nopts=$((nopts + 1))
		grep -q "^	$c) _sbpolicy_words='\(.* \)\{0,1\}--$o\( .*\)\{0,1\}'" \
		    c.bash && ok || bad "bash: $c lacks --$o"
		grep -Eq -- "--$o(\[|\})" zsh-$c && ok ||
		    bad "zsh: $c lacks --$o"
		grep -Eq "^complete -c sbpolicy -n '__fish_seen_subcommand_from $c'( -s .)? -l $o( |\$)" \
		    c.fish && ok || bad "fish: $c lacks --$o"
	done
done
# The table is behind them all: far more than a handful.
[ "$nopts" -gt 100 ] && ok || bad "only $nopts options seen"

# --- bash: the completion function, called as readline would ---------------
# words...: COMP_WORDS, the cursor on the last; out gets COMPREPLY, a line
# each.
comp() {
	env PATH="$bindir:$PATH" XDG_CONFIG_HOME="$PWD/xdg" bash -c '
	    . ./c.bash || exit 9
	    COMP_WORDS=("$@")
	    COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
	    _sbpolicy
	    [ ${#COMPREPLY[@]} -eq 0 ] || printf "%s\n" "${COMPREPLY[@]}"' \
	    bash "$@" >out 2>err
	[ -s err ] && bad "bash said: $(cat err)"
}
# got WORD...: out holds exactly these lines, in any order.
got() {
	if [ $# -eq 0 ]; then : >want; else printf '%s\n' "$@" | sort >want; fi
	sort out >have
	cmp -s want have && ok ||
	    bad "completion offered $(tr '\n' ' ' <have), wanted $*"
}

if command -v bash >/dev/null 2>&1; then
	comp sbpolicy gen
	got generate
	comp sbpolicy generate --net
	got --network
	comp sbpolicy generate --network ''
	got off restricted full
	comp sbpolicy generate --network r
	got restricted
	# --network=VALUE: "=" is a word of its own with the default
	# COMP_WORDBREAKS, part of the word without it.
	comp sbpolicy generate --network = ''
	got off restricted full
	comp sbpolicy generate --network = f
	got full
	comp sbpolicy generate --network=of
	got --network=off
	comp sbpolicy run --fs ''
	got read-only workspace-write full-access
	comp sbpolicy doctor --fs w
	got workspace-write
	comp sbpolicy ''
	# shellcheck disable=SC2086
	got $cmds
	comp sbpolicy --h
	got --help

	# The value lists are the parser's own, as its messages list them.
	"$sb" generate --format bogus 2>err
	formats=$(sed -n 's/.*unknown format "bogus" (\(.*\))$/\1/p' err |
	    sed 's/, / /g')
	[ -n "$formats" ] && ok || bad "no formats in: $(cat err)"
	comp sbpolicy generate --format ''
	# shellcheck disable=SC2086
	got $formats
	comp sbpolicy explain --format ''
	got text json
	comp sbpolicy lint --format ''
	got text json
	"$sb" explain bogus 2>err
	verbs=$(sed -n 's/.*"bogus": not a verb (\([^)]*\)).*/\1/p' err |
	    sed 's/, / /g')
	[ -n "$verbs" ] && ok || bad "no verbs in: $(cat err)"
	comp sbpolicy explain ''
	# shellcheck disable=SC2086
	got $verbs
	comp sbpolicy explain -p x.json --network off ''
	# shellcheck disable=SC2086
	got $verbs
	comp sbpolicy completion ''
	got bash zsh fish

	# Files, directories, saved profiles.
	mkdir -p xdg/sbpolicy/profiles dir1
	echo '{}' >xdg/sbpolicy/profiles/dev.json
	echo '{}' >xdg/sbpolicy/profiles/devel-x.json
	: >target.sb
	: >deny.txt
	comp sbpolicy run -p de
	got dev devel-x deny.txt
	comp sbpolicy generate -o tar
	got target.sb
	comp sbpolicy generate --save-params tar
	got target.sb
	comp sbpolicy explain --profile tar
	got target.sb
	comp sbpolicy explain read tar
	got target.sb
	comp sbpolicy explain -D K=V read tar
	got target.sb
	comp sbpolicy lint tar
	got target.sb
	comp sbpolicy generate -C di
	got dir1
	comp sbpolicy generate --writable-root d
	got dir1
	# Nothing to offer: a port, a name, a second file.
	comp sbpolicy run --proxy-port ''
	got
	comp sbpolicy lint target.sb ''
	got
	# After --: a command, then its arguments.
	comp sbpolicy run --network off -- bas
	grep -qx bash out && ok || bad "run -- bas: $(tr '\n' ' ' <out)"
	comp sbpolicy generate --format args -- ls tar
	got target.sb
	comp sbpolicy run -- --net
	lacks --network
else
	echo "completion: no bash: its completion not tried"
fi

# --- zsh ---------------------------------------------------------------------
# A fresh interactive zsh on a pseudo-terminal (zsh/zpty), the completion
# in its fpath: what the line holds after the keys, and what it listed.
if command -v zsh >/dev/null 2>&1; then
	zsh -n c.zsh && ok || bad "zsh -n refuses the zsh completion"
	mkdir -p zfp
	cp c.zsh zfp/_sbpolicy
	cat >drive.zsh <<'EOF'
zmodload zsh/zpty 2>/dev/null || { print NOZPTY; exit 0; }
zpty z env -i HOME=$PWD TERM=dumb PATH=$PATH zsh -f -i
zpty -w z "PS1='> '; fpath=($PWD/zfp \$fpath); autoload -Uz compinit; compinit -u -D"
zpty -w z 'show() { print -r -- "<<$BUFFER>>" }; zle -N show; bindkey "^X" show; print READY'
# upto PATTERN: the output until it matches, polled so that a session that
# never gets there ends the script (there may be no timeout(1)).
upto() {
	local out= chunk n=0
	while (( n++ < 400 )); do
		if zpty -r -t z chunk; then
			out+=$chunk
			[[ $out == $~1 ]] && { print -r -- "$out"; return 0 }
		else
			sleep 0.05
		fi
	done
	print -r -- "$out"
	print TIMEOUT
	exit 1
}
upto '*READY*' >/dev/null
# keys: typed, then ^X prints the line between << >>; all output so far
# goes to stdout, and the line is cleared.
keys() {
	zpty -w -n z "$1"$'\C-x'
	upto '*<<*>>*'
	zpty -w -n z $'\C-u'
}
print "== gen"
keys $'sbpolicy gen\t'
print "== net"
keys $'sbpolicy generate --net\t'
print "== list"
keys $'sbpolicy generate --net\t\t'
print "== fs"
keys $'sbpolicy doctor --fs wo\t'
print "== explain"
keys $'sbpolicy explain \t'
zpty -d z
print DONE
EOF
	PATH="$bindir:$PATH" zsh -f drive.zsh >zsh.out 2>&1
	tr -d '\r' <zsh.out >zsh.txt
	if grep -q NOZPTY zsh.txt; then
		echo "completion: zsh has no zpty module: its completion not tried"
	else
		grep -q DONE zsh.txt && ok || bad "the zsh session did not end"
		section() { sed -n "/^== $1\$/,/^== /p" zsh.txt; }
		section gen | grep -qF '<<sbpolicy generate >>' && ok ||
		    bad "zsh: sbpolicy gen<Tab>: $(section gen)"
		section net | grep -qF '<<sbpolicy generate --network >>' &&
		    ok || bad "zsh: --net<Tab>: $(section net)"
		section list | grep -Eq '^full +off +restricted *$' && ok ||
		    bad "zsh: --network <Tab> listed: $(section list)"
		section fs | grep -qF '<<sbpolicy doctor --fs workspace-write >>' &&
		    ok || bad "zsh: --fs wo<Tab>: $(section fs)"
		section explain >zsh-explain
		for v in read write exec connect lookup sysctl; do
			grep -qw "$v" zsh-explain && ok ||
			    bad "zsh: explain <Tab> lacks $v: $(cat zsh-explain)"
		done
	fi
else
	echo "completion: no zsh: its completion not tried (apt-get install zsh)"
fi

# --- fish -------------------------------------------------------------------
if command -v fish >/dev/null 2>&1; then
	fish -n c.fish && ok || bad "fish -n refuses the fish completion"
	# fishcomp LINE: what fish completes for it, the words alone.
	fishcomp() {
		env HOME="$PWD" XDG_CONFIG_HOME="$PWD/xdg" \
		    XDG_DATA_HOME="$PWD/fish-data" PATH="$bindir:$PATH" \
		    fish --no-config -c 'source c.fish; complete -C "$argv[1]"' \
		    "$1" 2>err | cut -f1 >out
	}
	fishcomp 'sbpolicy gen'
	got generate
	fishcomp 'sbpolicy generate --net'
	got --network
	fishcomp 'sbpolicy generate --network '
	got off restricted full
	fishcomp 'sbpolicy explain '
	# shellcheck disable=SC2086
	[ -n "${verbs:-}" ] && got $verbs
	fishcomp 'sbpolicy completion '
	got bash zsh fish
	fishcomp 'sbpolicy lint --format '
	got text json
	fishcomp 'sbpolicy run -p dev'
	got dev devel-x
else
	echo "completion: no fish: its completion not tried (apt-get install fish)"
fi

finish
