#!/bin/bash
# Every YAML tag: !fd stdout/stderr/stdin/N, !file (file and directory, each
# right group -> access mode, create/mode/truncate, relative paths),
# !executable, !socket (stream/dgram/seqpacket, bind and connect, inet,
# inet6, unix) with real peers.
. "$(dirname "$0")/lib.sh"

# --- !fd -------------------------------------------------------------------
echo data >shellfile
cat >fd.yaml <<YAML
out: !fd stdout
err: !fd stderr
six: !fd 6
in: !fd stdin
YAML
exec 6<shellfile
STDIN=shellfile run "$P/ad_report" fd.yaml
exec 6<&-
status_is 0 "!fd stdout, stderr, stdin and a number"
is "0 1 2 3 4 5 6 7" "$(fds_of)" "four !fd resources -> fds 4-7"
is "$(ino_of out)" "$(field ino "$(fdline 4)")" "!fd stdout -> fd 4 is the launcher's stdout"
is "$(ino_of err)" "$(field ino "$(fdline 5)")" "!fd stderr -> fd 5 is the launcher's stderr"
is "$(ino_of shellfile) rdonly" "$(field ino "$(fdline 6)") $(field acc "$(fdline 6)")" \
   "!fd 6 -> fd 6 is the shell's fd 6, with its access mode"
is "$(ino_of shellfile)" "$(field ino "$(fdline 7)")" "!fd stdin (config from a file) -> fd 7 is the launcher's stdin"
is "1" "$(field devnull "$(fdline 0)")" "fd 0 is still /dev/null"

# Verbatim tags (what %TAG expands to) are the same tags.
cat >verbatim.yaml <<YAML
out: !<tag:nuxi.nl,2015:cloudabi/fd> stdout
d: !<tag:nuxi.nl,2015:cloudabi/file> {path: $T}
YAML
run "$P/ad_report" verbatim.yaml
status_is 0 "verbatim !<tag:nuxi.nl,2015:cloudabi/...> tags"
is "$(ino_of "$T")" "$(field ino "$(fdline 5)")" "verbatim !file tag opens the directory"

# Any %TAG handle for the CloudABI prefix works.
printf '%%TAG !c! tag:nuxi.nl,2015:cloudabi/\n---\nout: !c!fd stdout\nd: !c!file {path: %s}\n' "$T" >handle.yaml
run "$P/ad_report" handle.yaml
status_is 0 "a custom %TAG handle (!c!fd, !c!file)"
is "$(ino_of "$T")" "$(field ino "$(fdline 5)")" "custom handle: !c!file opens the directory"

# A pipe passed with !fd N stays a pipe.
cat >pipe.yaml <<'YAML'
out: !fd stdout
p: !fd 6
YAML
exec 6< <(sleep 5)
run "$P/ad_report" pipe.yaml
exec 6<&-
status_is 0 "!fd N on a pipe"
is "fifo rdonly" "$(field type "$(fdline 5)") $(field acc "$(fdline 5)")" "!fd of a pipe -> a fifo, read end"

# !fd of a descriptor the launcher does not have.
cat >badfd.yaml <<'YAML'
out: !fd stdout
p: !fd 42
YAML
run "$P/ad_report" badfd.yaml
ok "!fd of a closed descriptor fails with 101 or 102 (status $st)" test "$st" = 101 -o "$st" = 102
fatal_at badfd.yaml 2 4 "42" "!fd 42 not open"
not_started "!fd 42 not open"

# --- !file: rights -> access modes ------------------------------------------
echo content >f.txt
mkdir d
cat >rights.yaml <<YAML
out: !fd stdout
r: !file {path: $T/f.txt}
rr: !file {path: $T/f.txt, rights: [read]}
w: !file {path: $T/f.txt, rights: [write]}
rw: !file {path: $T/f.txt, rights: [read, write]}
a: !file {path: $T/f.txt, rights: [append]}
ra: !file {path: $T/f.txt, rights: [read, append]}
d: !file {path: $T/d}
dw: !file {path: $T/d, rights: [write, create]}
drw: !file {path: $T/d, rights: [read, write, create, delete, rename]}
YAML
run "$P/ad_report" rights.yaml
status_is 0 "!file with each right group"
acc() { local l; l=$(fdline "$1"); echo "$(field type "$l") $(field acc "$l") append=$(field append "$l")"; }
is "reg rdonly append=0" "$(acc 5)" "file, default rights -> O_RDONLY"
is "reg rdonly append=0" "$(acc 6)" "file, [read] -> O_RDONLY"
is "reg wronly append=0" "$(acc 7)" "file, [write] -> O_WRONLY"
is "reg rdwr append=0" "$(acc 8)" "file, [read, write] -> O_RDWR"
is "append=1" "$(acc 9 | sed 's/.* //')" "file, [append] -> O_APPEND"
like "^reg (wronly|rdwr) append=1$" "$(acc 9)" "file, [append] -> opened for writing"
is "reg rdwr append=1" "$(acc 10)" "file, [read, append] -> O_RDWR|O_APPEND"
is "dir rdonly append=0" "$(acc 11)" "directory, default rights -> O_RDONLY"
is "ok" "$(field readdir "$(fdline 11)")" "directory with read: readdir works"
is "dir path append=0" "$(acc 12)" "directory without read -> O_PATH"
is "EBADF" "$(field readdir "$(fdline 12)")" "directory without read: readdir fails with EBADF"
is "dir rdonly append=0" "$(acc 13)" "directory, [read, write, ...] -> O_RDONLY (directories are never opened for writing)"
is "$(ino_of f.txt)" "$(field ino "$(fdline 5)")" "fd 5 is the granted file"
is "content" "$(cat f.txt)" "opening with [write] did not truncate"

# An empty rights list grants nothing: the descriptor must not be readable
# (O_PATH), or the configuration is refused. The spec only says "without
# read -> write-only"; granting read for `rights: []` would be an over-grant.
printf 'out: !fd stdout\nf: !file {path: %s/f.txt, rights: []}\n' "$T" >norights.yaml
run "$P/ad_report" norights.yaml
if [ "$st" = 101 ]; then
  pass "file, rights: [] -> refused as a configuration error"
else
  like "^reg path " "$(field type "$(fdline 5)") $(field acc "$(fdline 5)") " "file, rights: [] -> not readable (O_PATH)"
fi

# CloudABI right names work as well.
cat >names.yaml <<YAML
out: !fd stdout
f: !file {path: $T/f.txt, rights: [FD_READ, CLOUDABI_RIGHT_FD_WRITE]}
YAML
run "$P/ad_report" names.yaml
status_is 0 "!file with CloudABI right names"
is "reg rdwr append=0" "$(acc 5)" "[FD_READ, CLOUDABI_RIGHT_FD_WRITE] -> O_RDWR"

# --- !file: create, mode, truncate --------------------------------------------
cat >create.yaml <<YAML
out: !fd stdout
new: !file {path: $T/new.txt, rights: [write], create: true}
moded: !file {path: $T/moded.txt, rights: [write], create: true, mode: 0640}
kept: !file {path: $T/f.txt, rights: [write], create: true}
YAML
run "$P/ad_report" create.yaml
status_is 0 "!file create"
ok "create: true creates the file" test -f new.txt
is "600" "$(stat -c %a new.txt)" "created with mode 0600 by default"
is "640" "$(stat -c %a moded.txt)" "mode: 0640 is honoured"
is "$(ino_of new.txt)" "$(field ino "$(fdline 5)")" "fd 5 is the created file"
is "content" "$(cat f.txt)" "create: true on an existing file does not truncate"

cat >trunc.yaml <<YAML
out: !fd stdout
t: !file {path: $T/f.txt, rights: [write], truncate: true}
YAML
run "$P/ad_report" trunc.yaml
status_is 0 "!file truncate"
is "0" "$(stat -c %s f.txt)" "truncate: true empties the file"

# Relative paths are relative to the launcher's working directory.
mkdir sub && echo rel >sub/rel.txt
cat >rel.yaml <<'YAML'
out: !fd stdout
f: !file {path: sub/rel.txt}
YAML
run "$P/ad_report" rel.yaml
status_is 0 "relative !file path"
is "$(ino_of sub/rel.txt)" "$(field ino "$(fdline 5)")" "relative path resolved against the working directory"

# --- !executable --------------------------------------------------------------
cat >exe.yaml <<'YAML'
out: !fd stdout
self: !executable
YAML
run "$P/ad_report" exe.yaml
status_is 0 "!executable"
is "reg" "$(field type "$(fdline 5)")" "!executable is a regular file"
is "$(ino_of "$P/ad_report")" "$(field ino "$(fdline 5)")" "!executable is the program's own file"

# --- !socket: stream bind (inet) + a real client ------------------------------
port=$(free_port)
cat >bind.yaml <<YAML
out: !fd stdout
listener: !socket {type: stream, bind: 127.0.0.1:$port}
YAML
bg "$PY" "$NET" client "127.0.0.1:$port" >client.out 2>client.err
cpid=${bg_pids[-1]}
run "$P/ad_sock" bind.yaml
status_is 0 "!socket stream bind 127.0.0.1:$port, program accepts"
wait "$cpid" 2>/dev/null
is "hello from ad_sock" "$(cat client.out)" "a TCP client reached the program through the bound socket"
is "accepted" "$(cat out)" "the program accepted one connection"
run "$P/ad_report" bind.yaml   # reuse the port right away: SO_REUSEADDR
status_is 0 "bind the same port again at once (SO_REUSEADDR)"
l=$(fdline 5)
is "sock inet stream 1 127.0.0.1:$port" \
   "$(field type "$l") $(field family "$l") $(field sotype "$l") $(field listening "$l") $(field addr "$l")" \
   "bound stream socket: inet, stream, listening, at the address"

# --- !socket: unix stream bind + client ---------------------------------------
cat >ubind.yaml <<YAML
out: !fd stdout
listener: !socket {type: stream, bind: $T/s.sock}
YAML
bg "$PY" "$NET" client "$T/s.sock" >uclient.out 2>uclient.err
cpid=${bg_pids[-1]}
run "$P/ad_sock" ubind.yaml
status_is 0 "!socket stream bind on a unix path"
wait "$cpid" 2>/dev/null
is "hello from ad_sock" "$(cat uclient.out)" "a unix client reached the program"
rm -f s.sock
run "$P/ad_report" ubind.yaml
l=$(fdline 5)
is "sock unix stream 1 $T/s.sock" \
   "$(field type "$l") $(field family "$l") $(field sotype "$l") $(field listening "$l") $(field addr "$l")" \
   "bound unix socket: unix, stream, listening, at the path"

# --- !socket: seqpacket and dgram ---------------------------------------------
rm -f sp.sock
port=$(free_port)
cat >kinds.yaml <<YAML
out: !fd stdout
sp: !socket {type: seqpacket, bind: $T/sp.sock}
dg: !socket {type: dgram, bind: 127.0.0.1:$port}
YAML
run "$P/ad_report" kinds.yaml
status_is 0 "!socket seqpacket and dgram"
l=$(fdline 5)
is "unix seqpacket 1" "$(field family "$l") $(field sotype "$l") $(field listening "$l")" "seqpacket unix socket, listening"
l=$(fdline 6)
is "inet dgram 0 127.0.0.1:$port" "$(field family "$l") $(field sotype "$l") $(field listening "$l") $(field addr "$l")" \
   "dgram socket bound, not listening"

port=$(free_port)
cat >dgram.yaml <<YAML
out: !fd stdout
dgram: !socket {type: dgram, bind: 127.0.0.1:$port}
YAML
bg "$PY" "$NET" udpsend "127.0.0.1:$port" hi
run "$P/ad_sock" dgram.yaml
status_is 0 "bound dgram socket receives"
is "received: hi" "$(cat out)" "the program received a UDP datagram"

port=$(free_port)
bg "$PY" "$NET" udpserver "127.0.0.1:$port" ready5
wait_for_file ready5
cat >dconn.yaml <<YAML
out: !fd stdout
dconn: !socket {type: dgram, connect: 127.0.0.1:$port}
YAML
run "$P/ad_sock" dconn.yaml
status_is 0 "connected dgram socket sends and receives"
is "reply: pong" "$(cat out)" "the program talked to the test's UDP server"

# --- !socket: IPv6 ------------------------------------------------------------
if port6=$(free_port ::1 2>/dev/null); then
  cat >v6.yaml <<YAML
out: !fd stdout
l: !socket {type: stream, bind: "[::1]:$port6"}
YAML
  run "$P/ad_report" v6.yaml
  status_is 0 "!socket bind [::1]:port"
  l=$(fdline 5)
  is "inet6 stream 1 [::1]:$port6" "$(field family "$l") $(field sotype "$l") $(field listening "$l") $(field addr "$l")" \
     "IPv6 listening socket"
else
  skip "no IPv6 loopback" "!socket bind [::1]:port"
fi

# --- !socket: connect (inet and unix) to a listener the test starts -----------
port=$(free_port)
bg "$PY" "$NET" server "127.0.0.1:$port" ready1
wait_for_file ready1
cat >conn.yaml <<YAML
out: !fd stdout
conn: !socket {type: stream, connect: 127.0.0.1:$port}
YAML
run "$P/ad_sock" conn.yaml
status_is 0 "!socket connect 127.0.0.1:$port"
is "reply: pong" "$(cat out)" "the program talked to the test's server"

bg "$PY" "$NET" server "$T/srv.sock" ready2
wait_for_file ready2
cat >uconn.yaml <<YAML
out: !fd stdout
conn: !socket {type: stream, connect: $T/srv.sock}
YAML
run "$P/ad_sock" uconn.yaml
status_is 0 "!socket connect to a unix path"
is "reply: pong" "$(cat out)" "the program talked to the test's unix server"

port=$(free_port)
bg "$PY" "$NET" server "127.0.0.1:$port" ready4
wait_for_file ready4
sed "s/:[0-9]*}/:$port}/" conn.yaml >conn2.yaml
run "$P/ad_report" conn2.yaml
l=$(fdline 5)
is "inet stream 0 127.0.0.1:$port" "$(field family "$l") $(field sotype "$l") $(field listening "$l") $(field peer "$l")" \
   "connected socket: inet stream, not listening, peer is the server"

done_testing
