#!/bin/sh
# Run the hello example under cloudabi-run and narrate what happens.
#
#   examples/run-demo.sh BUILD_DIR
#
# Builds nothing: run `ninja -C BUILD_DIR` first. Runs from the source root
# so that the relative path in examples/hello/hello.yaml resolves.
set -u
if [ $# -ne 1 ]; then
  echo "usage: examples/run-demo.sh BUILD_DIR" >&2
  exit 100
fi
build=$(cd "$1" && pwd) || exit 100
cd "$(dirname "$0")/.." || exit 100
run="$build/tools/cloudabi-run/cloudabi-run"
hello="$build/examples/hello/hello"
for f in "$run" "$hello"; do
  if [ ! -x "$f" ]; then
    echo "run-demo: $f is missing; build first: ninja -C $1" >&2
    exit 100
  fi
done

say() { printf '\n== %s\n' "$*"; }
show() { printf '$ %s\n' "$*"; "$@" 2>&1; }

say "The configuration: the program gets a terminal (fd 4), a name and one directory (fd 5)"
cat examples/hello/hello.yaml

say "What the program would hold (nothing is opened or started)"
show "$run" --explain "$hello" examples/hello/hello.yaml

say "Run it: it can greet and list its directory, and nothing else"
show "$run" "$hello" examples/hello/hello.yaml
status=$?
echo "(exit status $status)"

say "Outside the launcher it has no arguments and says how to start it"
show "$hello" 3<&-
echo "(exit status $?)"

say "A typo in the configuration is reported with file, line and column"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
sed 's/!file/!fle/' examples/hello/hello.yaml >"$tmp/typo.yaml"
show "$run" "$hello" "$tmp/typo.yaml"
echo "(exit status $?)"

exit "$status"
