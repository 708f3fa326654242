# Shared by every launcher integration test (bash). Sourced, not run.
#
# Environment (set by tests/launcher/meson.build):
#   CLOUDABI_RUN            the cloudabi-run executable under test
#   CLOUDABI_TEST_PROGRAMS  the folder holding ad_report, ad_exit, ... (built
#                           from tests/programs)
#   PYTHON3                 a python3 (optional; default: python3 on PATH)
#
# Each test runs in a fresh temporary directory ($T, also the working
# directory), removed at exit. Results are TAP lines; done_testing prints the
# plan and sets the exit status.
set -u
: "${CLOUDABI_RUN:?set CLOUDABI_RUN to the cloudabi-run executable}"
: "${CLOUDABI_TEST_PROGRAMS:?set CLOUDABI_TEST_PROGRAMS to the test programs folder}"
RUN=$(realpath "$CLOUDABI_RUN")
P=$(realpath "$CLOUDABI_TEST_PROGRAMS")
PY=${PYTHON3:-python3}
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
NET="$HERE/net.py"
T=$(mktemp -d "${TMPDIR:-/tmp}/cloudabi-launcher-test.XXXXXX")
chmod 755 "$T"
bg_pids=()
main_pid=$BASHPID
# Only the test's own shell cleans up: a background subshell killed by a
# signal before it exec'd (the start-up SIGTERM tests) also runs the EXIT
# trap, and must not remove $T under the running test.
cleanup() {
  local p
  [ "$BASHPID" = "$main_pid" ] || return 0
  for p in "${bg_pids[@]}"; do kill "$p" 2>/dev/null; done
  cd / && rm -rf "$T"
}
trap cleanup EXIT
cd "$T" || exit 1
umask 022

tap_n=0
tap_failed=0

# On a kernel below the required Landlock ABI every normal run is refused
# (103). Then the tests run with --allow-degraded (ROPT) and say so; a
# kernel that cannot run programs at all skips the whole test.
ROPT=()
DEGRADED=0
"$RUN" --check --json >"$T/.check.json" 2>/dev/null
kernel=$("$PY" -c 'import json, sys
d = json.load(open(sys.argv[1]))
print("normal" if d.get("normal_run") else "degraded" if d.get("degraded_run") else "none")' "$T/.check.json" 2>/dev/null)
case $kernel in
normal) ;;
degraded)
  ROPT=(--allow-degraded)
  DEGRADED=1
  echo "# this kernel is below the required Landlock ABI: running with --allow-degraded" ;;
*)
  echo "1..0 # SKIP cloudabi-run --check says this kernel cannot run programs (or --check failed)"
  exit 0 ;;
esac
pass() { tap_n=$((tap_n + 1)); echo "ok $tap_n - $1"; }
fail() { tap_n=$((tap_n + 1)); tap_failed=$((tap_failed + 1)); echo "not ok $tap_n - $1"; }
skip() { tap_n=$((tap_n + 1)); echo "ok $tap_n - $2 # SKIP $1"; }
diag() { printf '%s\n' "$@" | sed 's/^/# /'; }
done_testing() { echo "1..$tap_n"; [ "$tap_failed" -eq 0 ]; }

# Show what the last run printed (after a failure).
show_run() {
  diag "status: ${st:-?}" "--- stderr:"
  head -c 2000 "$T/err" | diag "$(cat)"
  diag "--- stdout:"
  head -c 3000 "$T/out" | diag "$(cat)"
}

# is EXPECTED ACTUAL DESC
is() {
  if [ "$1" = "$2" ]; then pass "$3"; else
    fail "$3"; diag "expected: $1" "actual:   $2"; fi
}
# ok DESC COMMAND...: passes when the command succeeds.
ok() {
  local desc=$1; shift
  if "$@"; then pass "$desc"; else fail "$desc"; fi
}
# like REGEX TEXT DESC (extended regex, anywhere in TEXT)
like() {
  if printf '%s\n' "$2" | grep -Eq -- "$1"; then pass "$3"; else
    fail "$3"; diag "expected to match: $1" "actual: $2"; fi
}
unlike() {
  if printf '%s\n' "$2" | grep -Eq -- "$1"; then
    fail "$3"; diag "expected NOT to match: $1" "actual: $2"; else pass "$3"; fi
}

# run ARGS...: run the launcher with stdin from $STDIN (default /dev/null),
# stdout to $T/out, stderr to $T/err; the status is in $st.
run() {
  "$RUN" "${ROPT[@]+"${ROPT[@]}"}" "$@" <"${STDIN:-/dev/null}" >"$T/out" 2>"$T/err"
  st=$?
}
# status_is EXPECTED DESC: the last run's status, showing output on failure.
status_is() {
  if [ "$1" = "$st" ]; then pass "$2 (status $1)"; else
    fail "$2 (status $1)"; show_run; fi
}

# The report line of descriptor N in $T/out (or FILE), or "".
fdline() { grep -E "^fd=$1 " "${2:-$T/out}" | head -n 1; }
# field KEY LINE: the value of KEY=value in LINE.
field() { printf '%s\n' "$2" | tr ' ' '\n' | sed -n "s/^$1=//p" | head -n 1; }
# The open descriptors of a report, space separated.
fds_of() { sed -n 's/^fd=\([0-9]*\) .*/\1/p' "${1:-$T/out}" | tr '\n' ' ' | sed 's/ $//'; }
# The YAML of a report (between yaml-begin and yaml-end).
yaml_of() { sed -n '/^yaml-begin$/,/^yaml-end$/p' "${1:-$T/out}" | sed '1d;$d'; }
# The "device:inode" of a path, as ad_report prints it.
ino_of() { stat -L -c '%d:%i' "$1"; }

# A free TCP port on 127.0.0.1 (racy but good enough for tests).
free_port() { "$PY" "$NET" freeport "${1:-127.0.0.1}"; }

# bg COMMAND...: start in the background, remember the pid for cleanup.
bg() { "$@" & bg_pids+=($!); }

# wait_for_file PATH [SECONDS]: poll until PATH exists and is not empty.
wait_for_file() {
  local i=0 limit=$(( ${2:-10} * 20 ))
  while [ ! -s "$1" ] && [ $i -lt $limit ]; do sleep 0.05; i=$((i + 1)); done
  [ -s "$1" ]
}

# free_uid: a uid with no passwd entry and no processes, picked at random so
# that concurrent test runs (and other users such as nobody) do not share
# it: RLIMIT_NPROC counts every process of a uid.
free_uid() {
  local u i
  for i in $(seq 1 50); do
    u=$((40000 + RANDOM % 20000))
    if ! getent passwd "$u" >/dev/null && ! getent group "$u" >/dev/null &&
       [ -z "$(ps -o pid= -u "$u" 2>/dev/null)" ]; then
      echo "$u"; return 0
    fi
  done
  return 1
}

# first_err: the first line of the last run's stderr that is not a WARNING.
first_err() { grep -v '^cloudabi-run: WARNING' "$T/err" | head -n 1; }

# fatal_at FILE LINE COL SUBSTRING DESC: the last run's first stderr line is
# "cloudabi-run: fatal: FILE:LINE:COL: ..." containing SUBSTRING.
fatal_at() {
  local line
  line=$(first_err)
  local re="^cloudabi-run: fatal: (.*/)?$(printf '%s' "$1" | sed 's/[.[\*^$]/\\&/g'):$2:$3: "
  if printf '%s\n' "$line" | grep -Eq -- "$re" &&
     printf '%s\n' "$line" | grep -Fq -- "$4"; then
    pass "$5: message names $1:$2:$3 and '$4'"
  else
    fail "$5: message names $1:$2:$3 and '$4'"
    diag "stderr: $(head -n 3 "$T/err")"
  fi
}
# fatal_has SUBSTRING DESC: first stderr line is a fatal line with SUBSTRING.
fatal_has() {
  local line
  line=$(first_err)
  if printf '%s\n' "$line" | grep -Eq '^cloudabi-run: fatal: ' &&
     printf '%s\n' "$line" | grep -Fq -- "$1"; then
    pass "$2: fatal message mentions '$1'"
  else
    fail "$2: fatal message mentions '$1'"
    diag "stderr: $(head -n 3 "$T/err")"
  fi
}
# hint_has SUBSTRING DESC: the last run's stderr has a hint line (right
# after the fatal line) with SUBSTRING.
hint_has() {
  local line
  line=$(grep -v '^cloudabi-run: WARNING' "$T/err" | sed -n 2p)
  if printf '%s\n' "$line" | grep -Eq '^cloudabi-run: hint: ' &&
     printf '%s\n' "$line" | grep -Fq -- "$1"; then
    pass "$2: hint mentions '$1'"
  else
    fail "$2: hint mentions '$1'"
    diag "stderr: $(head -n 3 "$T/err")"
  fi
}
# not_started DESC: nothing reached stdout (every failing configuration in
# these tests grants `out: !fd stdout`, so a started program would write its
# report there).
not_started() {
  if [ ! -s "$T/out" ]; then pass "$1: program not started"; else
    fail "$1: program not started"; show_run; fi
}
