#!/bin/bash
# The user-facing example (examples/hello) runs as documented.
# Needs CLOUDABI_SOURCE_ROOT and CLOUDABI_BUILD_ROOT (set by meson.build).
. "$(dirname "$0")/lib.sh"

src=${CLOUDABI_SOURCE_ROOT:?}
hello="${CLOUDABI_BUILD_ROOT:?}/examples/hello/hello"
if [ ! -x "$hello" ]; then
  skip "examples/hello not built" "examples/hello"
  done_testing; exit
fi
cd "$src" || exit 1
"$RUN" "${ROPT[@]+"${ROPT[@]}"}" "$hello" examples/hello/hello.yaml </dev/null >"$T/out" 2>"$T/err"
st=$?
cd "$T" || exit 1
status_is 0 "examples/hello runs under cloudabi-run"
expected="Hello, CloudABI user!
My directory holds $(find "$src/examples/hello" -mindepth 1 -maxdepth 1 ! -name '.*' | wc -l) entries:
$(find "$src/examples/hello" -mindepth 1 -maxdepth 1 ! -name '.*' -printf '  %f\n' | LC_ALL=C sort)
Reading ../../etc/passwd through my directory: Permission denied"
is "$expected" "$(cat out)" "examples/hello greets and lists its directory"
"$hello" </dev/null 3<&- >out 2>err
st=$?
status_is 1 "examples/hello outside the launcher"
like "cloudabi-run" "$(cat err)" "examples/hello outside the launcher says how to start it"

done_testing
