#!/bin/bash
# Every bad-input case of the spec: the exit status, one "cloudabi-run:
# fatal: FILE:LINE:COL: ..." line naming what is wrong, the program not
# started, and nothing left behind (each configuration first asks for
# `made: !file {..., create: true}`, which must not exist afterwards).
#
# "Path not permitted": as root a mode-000 file is still readable, so this
# test uses a path below a regular file (regular.txt/x -> ENOTDIR);
# unprivileged.sh covers EACCES as an unprivileged user.
. "$(dirname "$0")/lib.sh"

head2() {
  printf '%s\n' 'out: !fd stdout' "made: !file {path: $T/made, rights: [write], create: true}"
}

# check_failure DESC STATUS [FILE LINE COL SUBSTRING]
check_failure() {
  local desc=$1 want=$2
  diag "$desc: $(head -n 2 "$T/err" | tr '\n' '|')"
  status_is "$want" "$desc"
  if [ $# -ge 6 ]; then fatal_at "$3" "$4" "$5" "$6" "$desc"; fi
  not_started "$desc"
  if [ ! -e "$T/made" ]; then pass "$desc: created file removed / never created"; else
    fail "$desc: created file removed / never created"; rm -f "$T/made"; fi
}

# --- 101: configuration errors -------------------------------------------------
{ head2; echo 'x: [1, 2'; } >malformed.yaml
run "$P/ad_report" malformed.yaml
status_is 101 "malformed YAML"
like "^cloudabi-run: fatal: (.*/)?malformed\.yaml:[34]:[0-9]+: " "$(first_err)" "malformed YAML: message names file:line:col"
not_started "malformed YAML"
ok "malformed YAML: nothing created" test ! -e made

{ head2; echo 'f: !fle {path: /etc/hostname}'; } >tag.yaml
run "$P/ad_report" tag.yaml
check_failure "unknown tag" 101 tag.yaml 3 4 '!fle'
like "^cloudabi-run: hint: .*!file" "$(sed -n 2p err)" "unknown tag: a hint lists the known tags"

{ head2; printf '%s\n' 'f: !file' '  path: /etc/hostname' '  mdoe: 0644'; } >key.yaml
run "$P/ad_report" key.yaml
check_failure "unknown key in !file" 101 key.yaml 5 3 'mdoe'

{ head2; printf '%s\n' 'f: !file' '  path: /etc/hostname' '  rights: [read, fly]'; } >right.yaml
run "$P/ad_report" right.yaml
check_failure "unknown right" 101 right.yaml 5 18 'fly'

{ head2; echo 'alpha: 1'; echo 'alpha: 2'; } >dup.yaml
run "$P/ad_report" dup.yaml
check_failure "duplicate key" 101 dup.yaml 4 1 'alpha'

{ head2; printf '%s\n' 'f: !file' '  path: /etc/hostname' '  create: maybe'; } >type1.yaml
run "$P/ad_report" type1.yaml
check_failure "wrong type (create: maybe)" 101 type1.yaml 5 11 'create'

{ head2; printf '%s\n' 'f: !file' '  path: [a, b]'; } >type2.yaml
run "$P/ad_report" type2.yaml
check_failure "wrong type (path: a sequence)" 101 type2.yaml 4 9 'path'

{ head2; echo 'f: !file {rights: [read]}'; } >nopath.yaml
run "$P/ad_report" nopath.yaml
check_failure "!file without path" 101 nopath.yaml 3 4 'path'

{ head2; echo 'x: !fd stdpot'; } >fdname.yaml
run "$P/ad_report" fdname.yaml
check_failure "!fd with an unknown name" 101 fdname.yaml 3 4 'stdpot'

{ head2; echo 's: !socket {type: stram, bind: /tmp/x.sock}'; } >stype.yaml
run "$P/ad_report" stype.yaml
check_failure "!socket with an unknown type" 101 stype.yaml 3 19 'stram'

{ head2; echo 's: !socket {type: stream}'; } >saddr.yaml
run "$P/ad_report" saddr.yaml
check_failure "!socket without bind or connect" 101 saddr.yaml 3 4 'bind'

{ head2; echo "s: !socket {type: stream, bind: /tmp/a.sock, connect: /tmp/b.sock}"; } >sboth.yaml
run "$P/ad_report" sboth.yaml
status_is 101 "!socket with both bind and connect"
not_started "!socket with both bind and connect"

{ head2; echo 'in: !fd stdin'; } >stdin.yaml
STDIN=stdin.yaml run "$P/ad_report"
check_failure "!fd stdin with the YAML on stdin" 101 '<stdin>' 3 5 'stdin'

# Scalars that cannot become argdata.
{ head2; echo 'x: !!binary "!!!"'; } >b64.yaml
run "$P/ad_report" b64.yaml
check_failure "invalid !!binary" 101 b64.yaml 3 4 'base64'
{ head2; echo 'x: !!timestamp "yesterday"'; } >ts.yaml
run "$P/ad_report" ts.yaml
check_failure "invalid !!timestamp" 101 ts.yaml 3 4 'yesterday'
{ head2; echo 'x: 99999999999999999999999'; } >range.yaml
run "$P/ad_report" range.yaml
check_failure "integer out of range" 101 range.yaml 3 4 '99999999999999999999999'
{ head2; echo 'x: !!foo bar'; } >yamltag.yaml
run "$P/ad_report" yamltag.yaml
check_failure "unknown !! tag" 101 yamltag.yaml 3 4 '!!foo'
{ head2; printf 'x: "\xff"\n'; } >utf8.yaml
run "$P/ad_report" utf8.yaml
status_is 101 "invalid UTF-8"
like "^cloudabi-run: fatal: (.*/)?utf8\.yaml:3:[0-9]+: " "$(first_err)" "invalid UTF-8: message names utf8.yaml:3"
not_started "invalid UTF-8"

# Larger than the documented limit (1 MiB).
{ head2; printf 'pad: "'; head -c 1100000 /dev/zero | tr '\0' x; echo '"'; } >big.yaml
run "$P/ad_report" big.yaml
check_failure "configuration larger than 1 MiB" 101
fatal_has "big.yaml" "configuration larger than 1 MiB"

# !launcher document errors.
{ head2; echo '--- !launcher'; echo 'stdot: inherit'; } >lkey.yaml
run "$P/ad_report" lkey.yaml
check_failure "unknown key in !launcher" 101 lkey.yaml 4 1 'stdot'
{ head2; echo '--- !launcher'; echo 'timeout: soon'; } >ltype.yaml
run "$P/ad_report" ltype.yaml
check_failure "wrong type in !launcher (timeout: soon)" 101 ltype.yaml 4 10 'soon'
{ head2; echo '--- !launcher'; echo 'stdout: file'; } >lstream.yaml
run "$P/ad_report" lstream.yaml
check_failure "bad stream setting in !launcher" 101 lstream.yaml 4 9 'stdout'

# --- 102: resource acquisition -----------------------------------------------------
{ head2; echo "f: !file {path: $T/nonexistent}"; } >missing.yaml
run "$P/ad_report" missing.yaml
check_failure "missing path" 102 missing.yaml 3 4 "$T/nonexistent"

echo regular >regular.txt
{ head2; echo "f: !file {path: $T/regular.txt/x}"; } >notdir.yaml
run "$P/ad_report" notdir.yaml
check_failure "path that cannot be opened (ENOTDIR)" 102 notdir.yaml 3 4 "$T/regular.txt/x"

{ head2; echo "f: !file {path: $T/nodir/new.txt, rights: [write], create: true}"; } >createfail.yaml
run "$P/ad_report" createfail.yaml
check_failure "create in a missing directory" 102 createfail.yaml 3 4 "$T/nodir/new.txt"

port=$(free_port)
bg "$PY" "$NET" hold "127.0.0.1:$port" ready
wait_for_file ready
{ head2; echo "s: !socket {type: stream, bind: 127.0.0.1:$port}"; } >inuse.yaml
run "$P/ad_report" inuse.yaml
check_failure "port already in use" 102 inuse.yaml 3 4 "127.0.0.1:$port"

port=$(free_port)
{ head2; echo "s: !socket {type: stream, connect: 127.0.0.1:$port}"; } >refused.yaml
run "$P/ad_report" refused.yaml
check_failure "connect refused" 102 refused.yaml 3 4 "127.0.0.1:$port"

{ head2; echo "s: !socket {type: stream, connect: $T/nobody.sock}"; } >urefused.yaml
run "$P/ad_report" urefused.yaml
check_failure "connect to a missing unix socket" 102 urefused.yaml 3 4 "$T/nobody.sock"

# A later failure removes only what the launcher created: an existing file
# named with create: true stays, with its content.
echo precious >existing.txt
{ echo 'out: !fd stdout'
  echo "keep: !file {path: $T/existing.txt, rights: [write], create: true}"
  echo "made: !file {path: $T/made, rights: [write], create: true}"
  echo "f: !file {path: $T/nonexistent}"; } >keep.yaml
run "$P/ad_report" keep.yaml
check_failure "failure after create: true on an existing file" 102 keep.yaml 4 4 "$T/nonexistent"
is "precious" "$(cat existing.txt 2>&1)" "an existing file named with create: true is kept, unchanged"

# A unix socket the launcher bound is removed again when a later step fails.
{ head2; echo "s: !socket {type: stream, bind: $T/bound.sock}"; echo "f: !file {path: $T/nonexistent}"; } >sockfail.yaml
run "$P/ad_report" sockfail.yaml
check_failure "failure after binding a unix socket" 102 sockfail.yaml 4 4 "$T/nonexistent"
ok "the unix socket the launcher bound was removed" test ! -e bound.sock

# --- 126/127: the executable -----------------------------------------------------
head2 >good.yaml
run "$T/no-such-program" good.yaml
check_failure "executable missing" 127
fatal_has "$T/no-such-program" "executable missing"

echo 'not a program' >noexec && chmod 644 noexec
run "$T/noexec" good.yaml
check_failure "executable without execute permission" 126
fatal_has "$T/noexec" "executable without execute permission"

echo 'not a program either' >garbage && chmod 755 garbage
run "$T/garbage" good.yaml
check_failure "executable that is not a program (ENOEXEC)" 126
fatal_has "$T/garbage" "executable that is not a program"

mkdir adir
run "$T/adir" good.yaml
check_failure "executable that is a directory" 126
fatal_has "$T/adir" "executable that is a directory"

# A dynamic executable whose interpreter (PT_INTERP) does not exist: 127.
if [ -x /bin/true ] && grep -q 'ld-linux-x86-64.so.2' /bin/true; then
  "$PY" -c 'import sys
data = open("/bin/true", "rb").read()
open(sys.argv[1], "wb").write(data.replace(b"/lib64/ld-linux-x86-64.so.2", b"/lib64/ld-nonexist-x86.so.2"))' "$T/nointerp"
  chmod 755 nointerp
  run "$T/nointerp" good.yaml
  check_failure "dynamic executable whose interpreter is missing" 127
  fatal_has "ld-nonexist" "dynamic executable whose interpreter is missing"
else
  skip "no dynamic /bin/true" "dynamic executable whose interpreter is missing"
fi

# exec failing after the sandbox is in place (--user=nobody cannot execute a
# mode-0700 root file): 126, and the created file is still removed.
if [ "$(id -u)" = 0 ] && id nobody >/dev/null 2>&1; then
  cp "$P/ad_report" rootonly && chmod 700 rootonly
  run --user=nobody "$T/rootonly" good.yaml
  i=0; while [ -e made ] && [ $i -lt 40 ]; do sleep 0.05; i=$((i + 1)); done
  check_failure "exec refused after the sandbox is in place" 126
  fatal_has "rootonly" "exec refused after the sandbox is in place"
else
  skip "not root" "exec refused after the sandbox is in place"
fi

# --- 100: usage errors ----------------------------------------------------------------
run --frobnicate "$P/ad_report" good.yaml
check_failure "unknown option" 100
fatal_has "frobnicate" "unknown option"
run
check_failure "no executable given" 100
run --limit-nofile=abc "$P/ad_report" good.yaml
check_failure "--limit-nofile=abc" 100
fatal_has "abc" "--limit-nofile=abc"
run --limit-as=12Q "$P/ad_report" good.yaml
check_failure "--limit-as=12Q" 100
run --profile=loose "$P/ad_report" good.yaml
check_failure "--profile=loose" 100
fatal_has "loose" "--profile=loose"
run --stdout=file "$P/ad_report" good.yaml
check_failure "--stdout=file" 100
run --timeout=soon "$P/ad_report" good.yaml
check_failure "--timeout=soon" 100
run --env=NOEQUALS "$P/ad_report" good.yaml
check_failure "--env without =" 100

# The configuration file itself missing is not a usage error of the YAML.
run "$P/ad_report" "$T/no-such.yaml"
ok "missing configuration file fails (status $st)" test "$st" -ne 0
fatal_has "$T/no-such.yaml" "missing configuration file"
not_started "missing configuration file"


# --- Review fixes --------------------------------------------------------------

# !fd N that the launcher was not started with: 102, even when the launcher
# itself (its configuration file, its copy of stdout) would have taken that
# number; the program never receives a descriptor of the launcher's own.
printf 'out: !fd stdout\nx: !fd 3\n' >fd3.yaml
run "$P/ad_report" fd3.yaml 3>&-
check_failure "!fd 3 while descriptor 3 is closed" 102 fd3.yaml 2 4 "descriptor 3 is not open"
hint_has "3<FILE" "!fd 3 while descriptor 3 is closed"
STDIN=fd3.yaml run "$P/ad_report" 3>&-
check_failure "!fd 3 closed, configuration on standard input" 102 '<stdin>' 2 4 "descriptor 3 is not open"
printf 'x: !fd 4\nout: !fd stdout\ny: !fd 3\n' >fd34.yaml
run "$P/ad_report" fd34.yaml 3>&- 4</dev/null
check_failure "!fd 4 open but !fd 3 closed (after !fd stdout)" 102 fd34.yaml 3 4 "descriptor 3 is not open"

# A standard stream the launcher was started without is not open either
# (the launcher fills it with /dev/null for itself; that is not a
# descriptor of the caller's to pass on).
printf 'out: !fd stdout\n' >fdclosed.yaml
"$RUN" "${ROPT[@]+"${ROPT[@]}"}" "$P/ad_report" fdclosed.yaml </dev/null >&- 2>err
st=$?
status_is 102 "!fd stdout while standard output is closed"
fatal_at fdclosed.yaml 1 6 "descriptor 1 is not open" "!fd stdout while standard output is closed"

# UDP: a port another socket holds is in use (SO_REUSEADDR only for TCP),
# even when the holder set SO_REUSEADDR; so is a port bound twice.
port=$(free_port)
bg "$PY" "$NET" udphold "127.0.0.1:$port" ready-udp
wait_for_file ready-udp
{ head2; echo "s: !socket {type: dgram, bind: 127.0.0.1:$port}"; } >udpinuse.yaml
run "$P/ad_report" udpinuse.yaml
check_failure "UDP port held by a socket with SO_REUSEADDR" 102 udpinuse.yaml 3 4 "127.0.0.1:$port"
fatal_has "in use" "UDP port held by a socket with SO_REUSEADDR"
hint_has "uses this port" "UDP port held by a socket with SO_REUSEADDR"
port=$(free_port)
{ head2; echo "s1: !socket {type: dgram, bind: 127.0.0.1:$port}"
  echo "s2: !socket {type: dgram, bind: 127.0.0.1:$port}"; } >udptwice.yaml
run "$P/ad_report" udptwice.yaml
check_failure "the same UDP port bound twice in one configuration" 102 udptwice.yaml 4 5 "127.0.0.1:$port"
hint_has "another !socket of this configuration" "the same UDP port bound twice"
# TCP listening sockets keep SO_REUSEADDR (binding twice still fails).
{ head2; echo "s1: !socket {type: stream, bind: 127.0.0.1:$port}"
  echo "s2: !socket {type: stream, bind: 127.0.0.1:$port}"; } >tcptwice.yaml
run "$P/ad_report" tcptwice.yaml
check_failure "the same TCP port bound twice in one configuration" 102 tcptwice.yaml 4 5 "127.0.0.1:$port"

# Every error says what to do.
{ head2; echo "f: !file {path: [$T/a, $T/b]}"; } >pathseq.yaml
run "$P/ad_report" pathseq.yaml
check_failure "path given as a sequence" 101 pathseq.yaml 3 17 "path must be a scalar, not a sequence"
hint_has "one !file per path" "path given as a sequence"
run "$P/ad_report" b64.yaml
hint_has "base64" "invalid !!binary"
port=$(free_port)
{ head2; echo "s: !socket {type: stream, connect: 127.0.0.1:$port}"; } >refused2.yaml
run "$P/ad_report" refused2.yaml
check_failure "connect refused (hint)" 102 refused2.yaml 3 4 "Connection refused"
hint_has "is the server listening on 127.0.0.1:$port?" "connect refused"
head2 >good.yaml
run --workdir="$T/no-such-dir" "$P/ad_report" good.yaml
check_failure "working directory that does not exist" 102
fatal_has "$T/no-such-dir" "working directory that does not exist"
hint_has "create that directory" "working directory that does not exist"
run --explain --workdir="$T/no-such-dir" "$P/ad_report" good.yaml
status_is 102 "--explain with a working directory that does not exist"
hint_has "create that directory" "--explain with a working directory that does not exist"

# --json needs --check or --explain.
run --json "$P/ad_report" good.yaml
check_failure "--json without --check or --explain" 100
fatal_has "--json needs --check or --explain" "--json without --check or --explain"
run --json
status_is 100 "--json alone"
fatal_has "--json needs --check or --explain" "--json alone"

# --limit-as below the documented minimum (16M): refused before anything
# runs, instead of a program that dies at start.
run --limit-as=1M "$P/ad_report" good.yaml
check_failure "--limit-as=1M (below 16M)" 100
fatal_has "minimum of 16M" "--limit-as=1M"
hint_has "16M" "--limit-as=1M"
{ head2; printf -- '--- !launcher\nlimits: {as: 4M}\n'; } >as4m.yaml
run "$P/ad_report" as4m.yaml
check_failure "limits: {as: 4M} in the !launcher document" 101
fatal_has "minimum of 16M" "limits: {as: 4M}"
run --limit-as=16M "$P/ad_report" good.yaml
status_is 0 "--limit-as=16M (the minimum) runs"
rm -f made

# Standard input holds the configuration: it cannot also be the program's.
STDIN=good.yaml run --stdin=inherit "$P/ad_report"
check_failure "--stdin=inherit with the configuration on standard input" 100
fatal_has "--stdin=inherit" "--stdin=inherit with the configuration on standard input"
hint_has "as a file" "--stdin=inherit with the configuration on standard input"
{ head2; printf -- '--- !launcher\nstdin: inherit\n'; } >stdininh.yaml
STDIN=stdininh.yaml run "$P/ad_report"
check_failure "stdin: inherit with the configuration on standard input" 101
fatal_has "<stdin>" "stdin: inherit with the configuration on standard input"
run --stdin=inherit "$P/ad_report" good.yaml
status_is 0 "--stdin=inherit with the configuration in a file runs"
rm -f made
{ head2; echo 'x: !fd stdin'; } >fdstdin.yaml
STDIN=fdstdin.yaml run "$P/ad_report"
check_failure "!fd stdin with the configuration on standard input" 101
hint_has "cloudabi-run [options] EXECUTABLE CONFIG" "!fd stdin with the configuration on standard input"
ARGDATA_TOOL=${CLOUDABI_BUILD_ROOT:-}/tools/argdata/argdata
if [ -x "$ARGDATA_TOOL" ]; then
  "$ARGDATA_TOOL" encode <fdstdin.yaml >out 2>err
  like "^argdata: hint: .*argdata encode FILE" "$(grep hint err)" "argdata encode: the !fd stdin hint names argdata encode FILE"
  unlike "cloudabi-run" "$(cat err)" "argdata encode: the hint does not name cloudabi-run"
else
  skip "no argdata tool at $ARGDATA_TOOL" "argdata encode: the !fd stdin hint"
  skip "no argdata tool at $ARGDATA_TOOL" "argdata encode: the hint does not name cloudabi-run"
fi

done_testing
