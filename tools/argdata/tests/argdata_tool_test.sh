#!/bin/sh
# TAP test of the `argdata` command: golden prints, stream mode, errors and
# their exit statuses (0, 100 usage, 101 bad input, 111 system error).
#
#   argdata_tool_test.sh PATH/TO/argdata PATH/TO/tests/data
set -u
tool=$1
data=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0
failed=0

ok() { # ok CONDITION-STATUS DESCRIPTION
  n=$((n + 1))
  if [ "$1" -eq 0 ]; then
    echo "ok $n - $2"
  else
    echo "not ok $n - $2"
    failed=1
  fi
}
skip() {
  n=$((n + 1))
  echo "ok $n - $2 # SKIP $1"
}
# run EXPECTED-STATUS ARGS...: stdout to $tmp/out, stderr to $tmp/err.
run() {
  want=$1
  shift
  "$tool" "$@" >"$tmp/out" 2>"$tmp/err"
  got=$?
  [ "$got" -eq "$want" ] || echo "# exit status $got, expected $want"
  [ "$got" -eq "$want" ]
}
same() { # same EXPECTED-FILE ACTUAL-FILE
  cmp -s "$1" "$2" || { echo "# output differs:"; diff "$1" "$2" | sed 's/^/#   /'; return 1; }
}
fatal_line() { # stderr is exactly one "argdata: fatal: ..." line (+ hint)
  head -n 1 "$tmp/err" | grep -q '^argdata: fatal: ' &&
    [ "$(grep -vc '^argdata: hint: ' "$tmp/err")" -eq 1 ]
}

run 0 print "$data/map.argdata" && same "$data/map.yaml" "$tmp/out"
ok $? "print: map vector of the original tests, byte for byte"

run 0 print "$data/launcher.argdata" && same "$data/launcher.yaml" "$tmp/out"
ok $? "print: launcher worked example shows fd numbers as stored"

"$tool" print <"$data/map.argdata" >"$tmp/out" 2>"$tmp/err" &&
  same "$data/map.yaml" "$tmp/out"
ok $? "print: reads standard input without FILE"

run 0 print - <"$data/map.argdata" && same "$data/map.yaml" "$tmp/out"
ok $? "print: \"-\" is standard input"

printf '' >"$tmp/empty"
run 0 print "$tmp/empty" &&
  printf '%%TAG ! tag:nuxi.nl,2015:cloudabi/\n---\n!!null "null"\n' >"$tmp/want" &&
  same "$tmp/want" "$tmp/out"
ok $? "print: empty input is null"

run 0 print --stream "$data/stream.argdata" && same "$data/stream.yaml" "$tmp/out"
ok $? "print --stream: null, true, false as three YAML documents"

cat "$data/stream.argdata" | "$tool" print --stream >"$tmp/out" 2>"$tmp/err" &&
  same "$data/stream.yaml" "$tmp/out"
ok $? "print --stream: from a pipe"

run 101 print --stream "$data/truncated-stream.argdata" && fatal_line &&
  grep -q 'truncated' "$tmp/err"
ok $? "print --stream: truncated message exits 101 with one fatal line"

run 101 print "$tmp/does-not-exist" && fatal_line &&
  grep -q 'unable to open' "$tmp/err"
ok $? "print: missing file exits 101 with one fatal line"

truncate -s 67108865 "$tmp/big" 2>/dev/null
if [ -f "$tmp/big" ]; then
  run 101 print "$tmp/big" && fatal_line && grep -q 'larger than 64 MiB' "$tmp/err"
  ok $? "print: input over 64 MiB exits 101"
else
  skip "truncate(1) unavailable" "print: input over 64 MiB exits 101"
fi

run 111 print "$tmp"
ok $? "print: reading a directory exits 111 (read error)"

"$tool" print "$data/map.argdata" >&- 2>"$tmp/err"
status=$?
[ "$status" -eq 111 ] && grep -q 'standard output' "$tmp/err"
ok $? "print: closed standard output exits 111 (got $status)"

run 100 print --bogus &&
  head -n 1 "$tmp/err" | grep -q '^argdata: fatal: unknown option --bogus$' &&
  grep -q '^usage: argdata print' "$tmp/err"
ok $? "print: unknown option exits 100 with usage"

run 100 print a b
ok $? "print: two files exit 100"

run 100
ok $? "no command exits 100"

run 100 frobnicate && grep -q 'unknown command "frobnicate"' "$tmp/err"
ok $? "unknown command exits 100"

run 0 --help && grep -q '^usage: argdata print \[--stream\] \[FILE\]$' "$tmp/out" &&
  grep -q 'argdata encode \[FILE\]' "$tmp/out"
ok $? "--help prints the synopsis to stdout"

run 0 help print && grep -q '^usage: argdata print' "$tmp/out"
ok $? "help print"

run 0 --version && grep -q '^argdata ' "$tmp/out"
ok $? "--version"

printf 'Hello: World\n' >"$tmp/in.yaml"
"$tool" encode "$tmp/in.yaml" >"$tmp/enc" 2>"$tmp/err"
status=$?
if [ "$status" -eq 100 ] && grep -q 'not available in this build' "$tmp/err"; then
  skip "encode not built (no lib/config)" "encode | print round trip"
else
  run 0 print "$tmp/enc" &&
    printf '%%TAG ! tag:nuxi.nl,2015:cloudabi/\n---\n!!map {\n  ? !!str "Hello"\n  : !!str "World",\n}\n' >"$tmp/want" &&
    same "$tmp/want" "$tmp/out"
  ok $? "encode | print round trip (encode exit $status)"
fi

echo "1..$n"
exit $failed
