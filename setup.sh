#!/bin/sh
# SPDX-License-Identifier: ISC
# setup.sh: install what sbpolicy needs, build it in build/, then act.
#
#   ./setup.sh          build only
#   ./setup.sh tui      build, then start sbpolicy on the default policy
#   ./setup.sh check    build, then run the whole test suite
#
# Packages are installed only when missing, with apt-get on Debian-like
# systems (through sudo when not root). CONFIGURE_FLAGS adds configure options.
set -eu

cd "$(dirname "$0")"
top=$(pwd)
action=${1:-build}
case $action in
build|tui|check) ;;
*)
	echo "usage: $0 [build|tui|check]" >&2
	exit 2
	;;
esac

need_pkgs() {
	missing=
	for pkg in autoconf automake make gcc pkg-config libncurses-dev \
	    libcjson-dev libcmocka-dev tmux mandoc zsh fish; do
		dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null |
		    grep -q 'ok installed' || missing="$missing $pkg"
	done
	echo "$missing"
}

if command -v apt-get >/dev/null 2>&1 && command -v dpkg-query >/dev/null 2>&1; then
	missing=$(need_pkgs)
	if [ -n "$missing" ]; then
		echo "setup: installing$missing" >&2
		sudo=
		[ "$(id -u)" -eq 0 ] || sudo=sudo
		$sudo apt-get update -qq
		DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq \
		    $missing >/dev/null
	fi
elif [ "$(uname -s)" = Darwin ]; then
	# Homebrew's ncurses is keg-only: point pkg-config at it.
	if command -v brew >/dev/null 2>&1; then
		for f in ncurses cjson cmocka; do
			p=$(brew --prefix "$f" 2>/dev/null) || continue
			PKG_CONFIG_PATH="$p/lib/pkgconfig:${PKG_CONFIG_PATH:-}"
		done
		export PKG_CONFIG_PATH
	fi
fi

if [ ! -x configure ] || [ configure.ac -nt configure ] ||
    [ Makefile.am -nt configure ]; then
	./autogen.sh >/dev/null 2>&1 || ./autogen.sh
fi
mkdir -p build
cd build
if [ ! -f Makefile ] || [ ../configure -nt Makefile ]; then
	# shellcheck disable=SC2086
	../configure ${CONFIGURE_FLAGS:-} >configure.out 2>&1 || {
		cat configure.out >&2
		exit 1
	}
fi
jobs=$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 2)
make -s -j"$jobs" >/dev/null

case $action in
tui)
	exec ./sbpolicy
	;;
check)
	status=0
	make -s -j"$jobs" check >check.out 2>&1 || status=$?
	# The automake summary and any failing test's log.
	sed -n '/^====/,/^====/p;/^# /p' check.out
	[ "$status" -eq 0 ] || cat test-suite.log
	"$top/build-aux/test-count.sh" .
	exit "$status"
	;;
esac
echo "setup: built $top/build/sbpolicy"
