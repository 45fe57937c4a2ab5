#!/bin/sh
# SPDX-License-Identifier: ISC
# bench/lint.sh [BUILDDIR]: whole-process `sbpolicy lint` timings on
# written profiles of N rules, N = 1000, 5000, 10000 (goal: 10,000 rules
# in at most 50 ms, growing linearly). The rules mix what the checks index
# (literals, subpaths, regexes, Unix sockets, names, parameters, a parent
# operation's denies beside a child's allows) in one operation each, as a
# large hand-written or generated profile has them, so that the check for
# rules made dead by later ones compares each rule with every later rule of
# its operation if it is quadratic. The profiles lint clean: the time is
# the checks', not the printing of findings. Reading and compiling the
# profile (sbpl_read, sbpl_compile) count too: they come before any check.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "${1:-$here/../build}" && pwd)
sb=$build/sbpolicy
work=$(mktemp -d "${TMPDIR:-/tmp}/sbpolicy-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

${CC:-cc} -O2 -o "$work/exec-time" "$here/exec-time.c"

for n in 1000 5000 10000; do
	awk -v n="$n" 'BEGIN {
		print "(version 1)\n(deny default)"
		for (i = 0; i < n; i++) {
			m = i % 8
			d = sprintf("/Users/me/project/src/mod%d/part%d",
			    i % 97, i)
			if (m == 0)
				r = "(allow file-read* (subpath \"" d "\"))"
			else if (m == 1)
				r = "(deny file-read* (literal \"" d \
				    "/secret.key\"))"
			else if (m == 2)
				r = "(allow file-write* (subpath (param " \
				    "\"ROOT_" i "\")))"
			else if (m == 3)
				r = "(allow file-read-data (literal \"" d \
				    "/data.bin\"))"
			else if (m == 4)
				r = "(allow network-outbound (remote " \
				    "unix-socket (literal \"/private/tmp/s/" \
				    i ".sock\")))"
			else if (m == 5)
				r = "(allow mach-lookup (global-name " \
				    "\"com.example.service" i "\"))"
			else if (m == 6)
				r = "(allow file-read* (regex #\"^" d \
				    "/[^/]+\\.c$\"))"
			else
				r = "(deny file-write* (require-all (subpath " \
				    "\"" d "\") (require-not (literal \"" d \
				    "/out\"))))"
			print r
		}
	}' >"$work/p$n.sb"
	# The parameters, one -D each, as sandbox-exec takes them.
	awk -v n="$n" 'BEGIN {
		for (i = 2; i < n; i += 8)
			printf "-D\nROOT_%d=/Users/me/work/r%d\n", i, i
	}' >"$work/d$n"
	set --
	while IFS= read -r a; do
		set -- "$@" "$a"
	done <"$work/d$n"
	if ! "$sb" lint "$@" "$work/p$n.sb" >"$work/out"; then
		echo "lint: the $n-rule profile has findings:"
		head "$work/out"
		exit 1
	fi
	echo "$n rules:"
	"$work/exec-time" 20 "$sb" lint "$@" "$work/p$n.sb"
done
