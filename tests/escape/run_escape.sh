#!/bin/bash
# The escape suite (TAP). Runs every attack of escape_probe's table as its
# own sandboxed process and asserts the exact expected result:
#
#   run_escape.sh CLOUDABI-RUN ESCAPE-PROBE PROFILE [NAME...]
#
# PROFILE is strict or compat (passed as --profile=PROFILE). NAME... limits
# the run to those table entries (for debugging). One TAP line per attack,
# per positive control and per documented leak, then the global checks
# (fixture unchanged, victim alive and unsignalled, launcher never crashed).
#
# Everything the attacks aim at is made here, outside the sandbox, in a
# fresh fixture directory:
#   ro/      file.txt, sub/s.txt, esc -> ../outside/secret.txt,
#            esc_abs -> FIX/outside/secret.txt, inlink -> file.txt,
#            prog (a static binary), script.sh (#!/bin/sh), times.txt,
#            hardlink (= outside/hardlinked.txt)               granted [read]
#   rw/ rw2/ w.txt, sub1/a.txt, sub2/       granted read write create delete rename
#   bin/     hello (static), script.sh, suid_hello (set-user-ID copy of
#            the probe)                       granted [read, exec]
#   outside/ secret.txt (xattr user.keep), link -> secret.txt, prog, usock,
#            hardlinked.txt (also ro/hardlink), single.txt and prog (file
#            grants for some attacks), prog_sibling
#   wonly/   existing.txt                   granted [write, create] for some
#   rw/app.log                              granted [append] for one
# plus TCP/UDP/unix/abstract servers (escape_helper.py servers) and an
# unrelated victim process that logs every signal it gets.
set -u
if [ $# -lt 3 ]; then
  echo "usage: run_escape.sh CLOUDABI-RUN ESCAPE-PROBE strict|compat [NAME...]" >&2
  exit 100
fi
LAUNCHER=$(readlink -f "$1")
PROBE=$(readlink -f "$2")
PROFILE=$3
shift 3
ONLY=" $* "
HERE=$(cd "$(dirname "$0")" && pwd)
HELPER="$HERE/escape_helper.py"

n=0
failed=0
tap() { # tap ok|notok|skip TEXT [REASON]
  n=$((n + 1))
  case $1 in
  ok) echo "ok $n - $2" ;;
  notok) echo "not ok $n - $2"; failed=$((failed + 1)) ;;
  skip) echo "ok $n - $2 # SKIP $3" ;;
  esac
}

FIX=$(mktemp -d /tmp/escape-$PROFILE.XXXXXX)
FIX=$(readlink -f "$FIX")
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done
  wait 2>/dev/null
  rm -rf "$FIX"
}
trap cleanup EXIT

# ---- the fixture ----
mkdir -p "$FIX"/ro/sub "$FIX"/rw/sub1 "$FIX"/rw/sub2 "$FIX"/rw2 "$FIX"/bin \
  "$FIX"/outside
echo ro-data >"$FIX/ro/file.txt"
echo sub >"$FIX/ro/sub/s.txt"
echo times >"$FIX/ro/times.txt"
ln -s ../outside/secret.txt "$FIX/ro/esc"
ln -s "$FIX/outside/secret.txt" "$FIX/ro/esc_abs"
ln -s file.txt "$FIX/ro/inlink"
cp "$PROBE" "$FIX/ro/prog"
cp "$PROBE" "$FIX/bin/hello"
cp "$PROBE" "$FIX/outside/prog"
cp "$PROBE" "$FIX/bin/suid_hello"
printf '#!/bin/sh\necho "result: EXECUTED" >&4\n' >"$FIX/ro/script.sh"
cp "$FIX/ro/script.sh" "$FIX/bin/script.sh"
chmod 755 "$FIX/ro/prog" "$FIX/bin/hello" "$FIX/outside/prog" \
  "$FIX/ro/script.sh" "$FIX/bin/script.sh"
chmod 4755 "$FIX/bin/suid_hello" # owned by the runner (root when run as root)
echo w >"$FIX/rw/w.txt"
echo a >"$FIX/rw/sub1/a.txt"
echo top-secret >"$FIX/outside/secret.txt"
ln -s secret.txt "$FIX/outside/link"
echo linked >"$FIX/outside/hardlinked.txt"
echo single >"$FIX/outside/single.txt"
cp "$PROBE" "$FIX/outside/prog_sibling"
mkdir -p "$FIX/wonly"
echo existing >"$FIX/wonly/existing.txt"
echo log >"$FIX/rw/app.log"
ln "$FIX/outside/hardlinked.txt" "$FIX/ro/hardlink"
python3 -c 'import os,sys; os.setxattr(sys.argv[1], "user.keep", b"1")' \
  "$FIX/outside/secret.txt" 2>/dev/null || true

fingerprint() { # ro/ and outside/: names, modes, owners, sizes, times, xattrs, contents
  (cd "$FIX" && find ro outside ! -name times.txt -printf '%p %m %U:%G %s %T@ %C@ %n %l\n' |
    LC_ALL=C sort &&
    find ro outside -type f -exec sha256sum {} + | LC_ALL=C sort &&
    python3 -c 'import os,sys
for p in sys.argv[1:]:
    print(p, sorted(os.listxattr(p, follow_symlinks=False)))' \
      $(find ro outside -type f | LC_ALL=C sort))
}
# ---- servers, victim ----
python3 "$HELPER" servers "$FIX" &
pids+=($!)
python3 "$HELPER" victim "$FIX/victim.log" &
VICTIM=$!
pids+=($VICTIM)
for _ in $(seq 100); do [ -s "$FIX/ports" ] && break; sleep 0.05; done
if [ ! -s "$FIX/ports" ]; then
  echo "Bail out! the helper servers did not start"
  exit 1
fi
read -r TCP_PORT UDP_PORT ABSTRACT <"$FIX/ports"
sleep 0.2 # let the victim install its handlers
fingerprint >"$FIX/fingerprint.before"
leftovers() { find /tmp /dev/shm -maxdepth 1 -name "escape-probe*" 2>/dev/null | LC_ALL=C sort; }
leftovers >"$FIX/leftovers.before"

# ---- one run of the probe under the launcher ----
# run_probe NAME NEEDS -> sets RESULT, STATUS, STDERR
run_probe() {
  local name=$1 needs=$2 cfg="$FIX/config.yaml" opts=() wrap=() tok
  {
    echo '%TAG ! tag:nuxi.nl,2015:cloudabi/'
    echo '---'
    echo 'out: !fd stdout'
    echo "attack: $name"
    echo "fixture: \"$FIX\""
    echo "victim: $VICTIM"
    echo "tcp_port: $TCP_PORT"
    echo "udp_port: $UDP_PORT"
    echo "abstract: $ABSTRACT"
    echo "ro: !file {path: \"$FIX/ro\"}"
    echo "rw: !file {path: \"$FIX/rw\", rights: [read, write, create, delete, rename]}"
    echo "rw2: !file {path: \"$FIX/rw2\", rights: [read, write, create, delete, rename]}"
    echo "bin: !file {path: \"$FIX/bin\", rights: [read, exec]}"
    echo "rofile: !file {path: \"$FIX/ro/file.txt\"}"
    echo "rwfile: !file {path: \"$FIX/rw/w.txt\", rights: [read, write]}"
    echo 'exe: !executable'
    for tok in ${needs//,/ }; do
      case $tok in
      tcp_listen) echo "tcp_listen: !socket {type: stream, bind: \"127.0.0.1:0\"}" ;;
      tcp_conn) echo "tcp_conn: !socket {type: stream, connect: \"127.0.0.1:$TCP_PORT\"}" ;;
      udp_conn) echo "udp_conn: !socket {type: dgram, connect: \"127.0.0.1:$UDP_PORT\"}" ;;
      tty) echo 'tty: !fd 5'; wrap=(python3 "$HELPER" pty 5) ;;
      rotimes) echo "rotimes: !file {path: \"$FIX/ro/times.txt\"}" ;;
      single)
        echo "single: !file {path: \"$FIX/outside/single.txt\"}"
        echo "single_exe: !file {path: \"$FIX/outside/prog\", rights: [read, exec]}"
        ;;
      wonly) echo "wonly: !file {path: \"$FIX/wonly\", rights: [write, create]}" ;;
      app) echo "app: !file {path: \"$FIX/rw/app.log\", rights: [append]}" ;;
      out2) echo 'out2: !fd stdout' ;;
      udp_bound) echo 'udp_bound: !socket {type: dgram, bind: "127.0.0.1:0"}' ;;
      opt=*) opts+=("${tok#opt=}") ;;
      esac
    done
  } >"$cfg"
  local out
  out=$(cd "$FIX/outside" && timeout --foreground 60 "${wrap[@]}" "$LAUNCHER" \
    --profile="$PROFILE" "${opts[@]}" "$PROBE" "$cfg" 2>"$FIX/stderr")
  STATUS=$?
  STDERR=$(head -c 300 "$FIX/stderr" | tr '\n' ' ')
  RESULT=$(printf '%s\n' "$out" | sed -n 's/^result: //p' | tail -n 1)
  ORPHAN=$(printf '%s\n' "$out" | sed -n 's/^orphan: //p' | tail -n 1)
  RESULT=${RESULT#errno=}
  if [ -z "$RESULT" ]; then
    if [ "$STATUS" -gt 128 ] && [ "$STATUS" -lt 160 ]; then
      RESULT=SIG$(kill -l $((STATUS - 128)))
    else
      RESULT="EXIT-$STATUS"
    fi
  fi
}

# ---- preflight: can this kernel run anything? ----
run_probe ctl_getuid ""
if [ "$RESULT" != OK ]; then
  case $STATUS in
  103)
    echo "1..0 # SKIP cloudabi-run cannot enforce on this kernel: $STDERR"
    exit 0
    ;;
  esac
  echo "Bail out! the probe does not run under cloudabi-run --profile=$PROFILE: result $RESULT, status $STATUS: $STDERR"
  exit 1
fi

# ---- every entry of the table ----
n_attack=0 n_control=0 n_leak=0
launcher_crash=""
table=$("$PROBE" list)
while IFS='|' read -r name kind strict compat control needs desc; do
  [ "$ONLY" != "  " ] && [[ $ONLY != *" $name "* ]] && continue
  case $kind in
  attack) n_attack=$((n_attack + 1)) ;;
  control) n_control=$((n_control + 1)) ;;
  leak) n_leak=$((n_leak + 1)) ;;
  esac
  if [ "$PROFILE" = strict ]; then expect=$strict; else expect=$compat; fi
  if [[ ,$needs, == *,opt=--user=* || ,$needs, == *,root,* ]] && [ "$(id -u)" != 0 ]; then
    tap skip "$PROFILE: $kind $name: $desc" "meaningful only when the suite runs as root"
    continue
  fi
  # Sanitizer builds (scripts/test.sh --sanitize): AddressSanitizer reserves
  # terabytes of address space, maps its shadow at 0x100000000 and disables
  # core dumps, so these few attacks cannot run there; the normal build runs
  # them.
  if [ "${ESCAPE_SANITIZED_LAUNCHER:-0}" = 1 ] && [[ ,$needs, == *,opt=--limit-as=* ]]; then
    tap skip "$PROFILE: $kind $name: $desc" "the launcher is built with AddressSanitizer, whose reserved address space exceeds any --limit-as"
    continue
  fi
  if [ "${ESCAPE_SANITIZED_PROBE:-0}" = 1 ] && [[ $name == highptr_* || $name == core_dump_outside || ,$needs, == *,opt=--limit-as=* ]]; then
    tap skip "$PROFILE: $kind $name: $desc" "the probe is built with AddressSanitizer (shadow memory at 0x100000000, no core dumps, huge address space)"
    continue
  fi
  : >"$FIX/victim.log"
  run_probe "$name" "$needs"
  label="$PROFILE: $kind $name: $desc"
  [ "$kind" = attack ] && label="$label [control: $control]"
  # A launcher that dies by a signal before exec would look like a probe
  # death; the launcher's own statuses are 100-127.
  case $STATUS in
  10[0-9] | 11[0-9] | 12[0-7])
    if [ "$RESULT" = "EXIT-$STATUS" ] && [ "$RESULT" != "$expect" ]; then
      launcher_crash="$launcher_crash $name($STATUS)"
    fi
    ;;
  esac
  if [[ $RESULT == SKIP:* ]]; then
    tap skip "$label" "${RESULT#SKIP:}"
    continue
  fi
  extra=""
  if [[ ,$needs, == *,victim,* ]]; then
    sleep 0.05
    if [ -s "$FIX/victim.log" ]; then
      extra="$extra; the victim received: $(tr '\n' ' ' <"$FIX/victim.log")"
    fi
    if ! kill -0 "$VICTIM" 2>/dev/null; then
      extra="$extra; the victim is dead"
    fi
  fi
  if [[ ,$needs, == *,orphan,* ]]; then
    sleep 0.3
    if [ -z "$ORPHAN" ]; then
      extra="$extra; the probe did not report its orphan's pid"
    elif kill -0 "$ORPHAN" 2>/dev/null; then
      extra="$extra; process $ORPHAN outlived the program ($(tr '\0' ' ' <"/proc/$ORPHAN/cmdline" 2>/dev/null))"
      kill -KILL "$ORPHAN" 2>/dev/null
    fi
  fi
  if [[ ,$needs, == *,nocore,* ]]; then
    if ls "$FIX/outside" | grep -q '^core'; then
      extra="$extra; a core file was written outside the grants: $(ls "$FIX/outside" | grep '^core' | tr '\n' ' ')"
      rm -f "$FIX"/outside/core*
    fi
  fi
  if [[ ,$needs, == *,server,* ]]; then
    sleep 0.1
    if grep -q -- "ESCAPE-$name\$" "$FIX/server.log" 2>/dev/null; then
      extra="$extra; a server received: $(grep -- "ESCAPE-$name\$" "$FIX/server.log" | head -n 1)"
    fi
  fi
  if [ "$kind" = control ] && [[ ,$needs, == *,tcp_conn,* || ,$needs, == *,udp_conn,* ]]; then
    for _ in $(seq 20); do
      grep -q -- "CONTROL-$name\$" "$FIX/server.log" 2>/dev/null && break
      sleep 0.05
    done
    grep -q -- "CONTROL-$name\$" "$FIX/server.log" 2>/dev/null ||
      extra="$extra; the server did not receive the control's payload"
  fi
  if [ "$RESULT" = "$expect" ] && [ -z "$extra" ]; then
    tap ok "$label (expected $expect, got $RESULT)"
  else
    detail="expected $expect, got $RESULT (status $STATUS)$extra"
    [ -n "$STDERR" ] && detail="$detail; stderr: $STDERR"
    tap notok "$label: $detail"
  fi
done <<<"$table"

# ---- global checks ----
fingerprint >"$FIX/fingerprint.after"
if cmp -s "$FIX/fingerprint.before" "$FIX/fingerprint.after"; then
  tap ok "$PROFILE: ro/ and outside/ are unchanged after every attack"
else
  tap notok "$PROFILE: ro/ and outside/ changed: $(diff "$FIX/fingerprint.before" "$FIX/fingerprint.after" | grep '^[<>]' | head -n 6 | tr '\n' ' ')"
fi
if kill -0 "$VICTIM" 2>/dev/null; then
  tap ok "$PROFILE: the victim process survived every attack"
else
  tap notok "$PROFILE: the victim process is dead"
fi
if [ -z "$launcher_crash" ]; then
  tap ok "$PROFILE: the launcher never failed before exec (no status 100-127 without a result)"
else
  tap notok "$PROFILE: the launcher failed before exec:$launcher_crash"
fi
leftover=$(leftovers | comm -13 "$FIX/leftovers.before" - | head -n 3 | tr '\n' ' ')
if [ -z "$leftover" ]; then
  tap ok "$PROFILE: nothing was created in /tmp or /dev/shm by the probe"
else
  tap notok "$PROFILE: the probe created $leftover"
fi
echo "# $PROFILE: $n_attack distinct attacks, $n_control positive controls, $n_leak documented leaks"
echo "1..$n"
[ "$failed" -eq 0 ]
