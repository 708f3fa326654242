#!/bin/bash
# The launcher started by an unprivileged user (the project's main use: no
# root needed). As root this test drops to an unused uid with setpriv; as a normal
# user it runs as that user. Covers EACCES ("path not permitted"), create,
# a privileged port, --user without root and --limit-nproc.
. "$(dirname "$0")/lib.sh"

if [ "$(id -u)" = 0 ]; then
  # A uid of its own (not nobody): --limit-nproc counts every process of
  # the uid, and concurrent tests run as nobody.
  if ! command -v setpriv >/dev/null || ! uid=$(free_uid); then
    skip "root without setpriv or a free uid" "unprivileged launcher"
    done_testing; exit
  fi
  gid=$uid
  urun() {
    setpriv --reuid="$uid" --regid="$gid" --clear-groups --inh-caps=-all \
      "$RUN" "${ROPT[@]+"${ROPT[@]}"}" "$@" <"${STDIN:-/dev/null}" >"$T/out" 2>"$T/err"
    st=$?
  }
  mkdir shared && chown "$uid:$gid" shared
else
  uid=$(id -u) gid=$(id -g)
  urun() { run "$@"; }
  mkdir shared
fi

mkdir srv
printf 'out: !fd stdout\ndir: !file {path: %s/srv}\n' "$T" >c.yaml
urun "$P/ad_report" c.yaml
status_is 0 "unprivileged: worked example"
is "06 85 08 6f 75 74 00 85 03 00 00 00 04 85 08 64 69 72 00 85 03 00 00 00 05" \
   "$(sed -n 's/^argdata-hex=//p' out)" "unprivileged: fd 3 holds the documented bytes"
is "0 1 2 3 4 5" "$(fds_of)" "unprivileged: exactly fds 0-5"
is "uid=$uid gid=$gid euid=$uid" "$(grep '^uid=' out)" "unprivileged: the program runs as the user"

if [ "$(id -u)" = 0 ]; then
  echo secret >private.txt && chmod 600 private.txt
  printf 'out: !fd stdout\nf: !file {path: %s/private.txt}\n' "$T" >private.yaml
  urun "$P/ad_report" private.yaml
  status_is 102 "unprivileged: a file the user may not read"
  fatal_at private.yaml 2 4 "Permission denied" "unprivileged: EACCES"
  not_started "unprivileged: EACCES"

  printf 'out: !fd stdout\nf: !file {path: %s/new.txt, rights: [write], create: true}\n' "$T" >nocreate.yaml
  urun "$P/ad_report" nocreate.yaml
  status_is 102 "unprivileged: create in a directory the user may not write"
  ok "unprivileged: nothing created" test ! -e new.txt
else
  skip "not root" "unprivileged EACCES (mode 600 file of another user)"
fi

printf 'out: !fd stdout\nf: !file {path: %s/shared/new.txt, rights: [write], create: true}\n' "$T" >create.yaml
urun "$P/ad_report" create.yaml
status_is 0 "unprivileged: create in a writable directory"
is "$uid 600" "$(stat -c '%u %a' shared/new.txt 2>&1)" "unprivileged: created file owned by the user, mode 0600"

printf 'out: !fd stdout\ns: !socket {type: stream, bind: 127.0.0.1:1}\n' >priv.yaml
urun "$P/ad_report" priv.yaml
if [ "$(cat /proc/sys/net/ipv4/ip_unprivileged_port_start 2>/dev/null || echo 1024)" -gt 1 ]; then
  status_is 102 "unprivileged: binding port 1"
  fatal_at priv.yaml 2 4 "127.0.0.1:1" "unprivileged: binding port 1"
else
  skip "unprivileged ports start at 1 here" "unprivileged: binding port 1"
fi

printf 'out: !fd stdout\n' >r.yaml
urun --user=root "$P/ad_report" r.yaml
status_is 103 "unprivileged: --user without root (man page: 103)"
fatal_has "" "unprivileged: --user without root"
not_started "unprivileged: --user without root"

# An execute-only program (mode 0711, another owner) cannot be read by the
# launcher: it runs uninspected, with a warning.
if [ "$(id -u)" = 0 ]; then
  cp "$P/ad_report" xonly && chmod 711 xonly
  urun "$T/xonly" r.yaml
  status_is 0 "unprivileged: an execute-only program"
  is "argv[0]=xonly" "$(grep '^argv\[0\]' out)" "unprivileged: the execute-only program ran"
  like "WARNING" "$(cat err)" "unprivileged: the execute-only program runs with a warning"
else
  skip "not root" "unprivileged: an execute-only program"
fi

printf 'out: !fd stdout\nfork: true\n' >fork.yaml
urun --limit-nproc=1 "$P/ad_limits" fork.yaml
status_is 0 "unprivileged: --limit-nproc=1"
is "fork result=EAGAIN" "$(cat out)" "unprivileged: --limit-nproc=1 makes fork fail with EAGAIN"

done_testing
