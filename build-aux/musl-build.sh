#!/bin/sh
# Build C sources with musl-gcc, statically (capability programs and the SDK's
# copy of libargdata are musl programs; see DESIGN.md section 2).
#
#   musl-build.sh lib OUTPUT.a CFLAGS... -- SOURCES...
#   musl-build.sh exe OUTPUT   CFLAGS... -- SOURCES-OR-ARCHIVES...
set -eu
mode=$1 out=$2
shift 2
cflags=""
while [ $# -gt 0 ] && [ "$1" != "--" ]; do
  cflags="$cflags $1"
  shift
done
[ "${1:-}" = "--" ] && shift
warn="-std=gnu11 -O2 -Wall -Wextra -Werror -Wno-unused-parameter -D_GNU_SOURCE"
case $mode in
lib)
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  i=0
  for src in "$@"; do
    i=$((i + 1))
    # shellcheck disable=SC2086
    musl-gcc $warn $cflags -c "$src" -o "$tmp/$i.o"
  done
  rm -f "$out"
  ar rcs "$out" "$tmp"/*.o
  ;;
exe)
  # shellcheck disable=SC2086
  musl-gcc $warn $cflags -static "$@" -o "$out"
  ;;
*)
  echo "musl-build.sh: unknown mode $mode" >&2
  exit 100
  ;;
esac
