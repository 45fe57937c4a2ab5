#!/bin/sh
# SPDX-License-Identifier: ISC
# test-count.sh BUILDDIR: print "N passed, N failed" over every test case of
# the last `make check`: cmocka cases from each log's summary lines, the
# checks of the shell tests from their "NAME: N passed, N failed" line, and
# any other script as one case by its automake result.
set -u
dir=${1:-.}
passed=0
failed=0
for trs in $(find "$dir/tests" -name '*.trs' 2>/dev/null); do
	log=${trs%.trs}.log
	result=$(sed -n 's/^:test-result: //p' "$trs" | head -n 1)
	p=$(sed -n 's/^\[  PASSED  \] \([0-9][0-9]*\) test(s)\./\1/p' "$log" |
	    awk '{s += $1} END {print s + 0}')
	f=$(sed -n 's/^\[  FAILED  \] \([0-9][0-9]*\) test(s), listed below:/\1/p' "$log" |
	    awk '{s += $1} END {print s + 0}')
	if [ "$p" -eq 0 ] && [ "$f" -eq 0 ]; then
		# A shell test of tests/lib.sh says "NAME: N passed, N failed".
		line=$(sed -n 's/^[a-z-]*: \([0-9][0-9]*\) passed, \([0-9][0-9]*\) failed$/\1 \2/p' \
		    "$log" | tail -n 1)
		if [ -n "$line" ]; then
			p=${line% *}
			f=${line#* }
			[ "$result" = PASS ] || [ "$f" -gt 0 ] || f=1
			passed=$((passed + p))
			failed=$((failed + f))
			continue
		fi
		# Any other script counts once.
		case $result in
		PASS) p=1 ;;
		FAIL|ERROR|XPASS) f=1 ;;
		esac
	elif [ "$result" = ERROR ] || { [ "$result" = FAIL ] && [ "$f" -eq 0 ]; }; then
		f=$((f + 1))	# crashed before cmocka could report
	fi
	passed=$((passed + p))
	failed=$((failed + f))
done
echo "$passed passed, $failed failed"
