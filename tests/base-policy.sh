#!/bin/sh
# SPDX-License-Identifier: ISC
# base-policy.sh: doc/base-policy.md's tables (what Codex's base grants,
# what the others grant besides) agree with data/base.sbpl and
# data/network-trailer.sbpl: the text of a "granted" row is in one of them,
# that of a "not granted" row in neither.
. "${top_srcdir:-.}/tests/lib.sh" base-policy

doc=$top_srcdir/doc/base-policy.md
cat "$top_srcdir/data/base.sbpl" "$top_srcdir/data/network-trailer.sbpl" >sbpl

# Rows between the markers: | access | here | `text` | why |
sed -n '/^<!-- [a-z]*-table -->$/,/^<!-- end -->$/p' "$doc" |
    awk -F' [|] ' '/^[|] `|^[|] [a-z]/ && NF >= 4 {
	text = $3
	sub(/^`/, "", text)
	sub(/`$/, "", text)
	print $2 "\t" text
}' >rows
[ "$(wc -l <rows)" -ge 120 ] && ok || bad "the tables have $(wc -l <rows) rows"

while IFS='	' read -r here text; do
	case $here in
	granted)
		grep -qF -- "$text" sbpl && ok ||
		    bad "granted in the doc, not in data/*.sbpl: $text" ;;
	"not granted")
		grep -qF -- "$text" sbpl &&
		    bad "not granted in the doc, but in data/*.sbpl: $text" || ok ;;
	*)
		bad "row neither granted nor not granted: $here $text" ;;
	esac
done <rows

# Every rule of the base names a reason in a comment above it, and every
# operation it uses is one of the table's names (or a prelude alias that
# every peer writes): an unknown name fails the whole profile on a Mac.
cat >known <<'NAMES'
default
file-ioctl
file-read*
file-read-data
file-write*
file-write-data
iokit-open*
ipc-posix-sem
ipc-posix-shm-read-data
ipc-posix-shm-write-create
ipc-posix-shm-write-unlink
mach-lookup
process-exec
process-fork
process-info*
pseudo-tty
signal
sysctl-read
sysctl-write
system-socket
user-preference-read
NAMES
# The operations of each rule: the words after allow/deny up to the first
# filter, on the rule's first line and on its continuation lines.
sed 's/;.*//' sbpl | tr '\n' ' ' | grep -o '(\(allow\|deny\) [^()]*' |
    sed 's/^(\(allow\|deny\) //' | tr ' ' '\n' | grep . | sort -u >ops
[ "$(wc -l <ops)" -ge 15 ] && ok || bad "found only $(wc -l <ops) operations"
while read -r op; do
	grep -qxF -- "$op" known && ok || bad "operation not in the known list: $op"
done <ops

finish
