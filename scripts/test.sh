#!/bin/sh
# The test command: install what is missing, build, run every test suite and
# print "N passed, N failed, N skipped".
#   scripts/test.sh [--sanitize]
set -eu
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh "$@"
dir=build
[ "${1:-}" = "--sanitize" ] && dir=build-asan
echo "test: running the test suites in $dir"
status=0
meson test -C "$dir" --print-errorlogs --num-processes 2 >"$dir/test-output.txt" 2>&1 || status=$?
python3 tests/summarize.py "$dir/meson-logs/testlog.json" || status=1
exit $status
