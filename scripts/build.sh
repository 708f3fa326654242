#!/bin/sh
# Configure (once) and build the project.
#   scripts/build.sh            -> build/       (gcc, -Werror)
#   scripts/build.sh --sanitize -> build-asan/  (gcc, ASan + UBSan)
set -eu
cd "$(dirname "$0")/.."
dir=build
opts=""
if [ "${1:-}" = "--sanitize" ]; then
  dir=build-asan
  opts="-Db_sanitize=address,undefined -Db_lundef=false"
fi
if [ ! -f "$dir/build.ninja" ]; then
  echo "build: configuring $dir"
  # shellcheck disable=SC2086
  meson setup "$dir" $opts >/dev/null
fi
echo "build: compiling in $dir"
ninja -C "$dir" >/dev/null || ninja -C "$dir"
