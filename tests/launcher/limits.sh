#!/bin/bash
# Resource limits: --limit-nofile, --limit-fsize, --limit-as, --limit-cpu,
# --limit-nproc, from the command line and the !launcher document (the
# command line wins).
. "$(dirname "$0")/lib.sh"

# nofile: the program holds 0-4; with 8 descriptors its dups get 5, 6, 7 and
# the next one (its 9th descriptor) fails with EMFILE.
printf 'out: !fd stdout\nnofile: true\n' >nofile.yaml
run --limit-nofile=8 "$P/ad_limits" nofile.yaml
status_is 0 "--limit-nofile=8"
is "nofile highest=7 errno=EMFILE" "$(cat out)" "--limit-nofile=8: the 9th descriptor fails with EMFILE"

printf 'out: !fd stdout\n' >r.yaml
run --limit-nofile=8 "$P/ad_report" r.yaml
like " nofile=8:8( |$)" "$(grep '^rlimit' out)" "--limit-nofile=8 sets soft and hard limits"

{ cat nofile.yaml; echo '--- !launcher'; echo 'limits: {nofile: 10}'; } >nofile-doc.yaml
run "$P/ad_limits" nofile-doc.yaml
is "nofile highest=9 errno=EMFILE" "$(cat out)" "limits: {nofile: 10} in the !launcher document"
run --limit-nofile=8 "$P/ad_limits" nofile-doc.yaml
is "nofile highest=7 errno=EMFILE" "$(cat out)" "--limit-nofile on the command line wins over the document"

# fsize: writes stop at the limit with EFBIG (SIGXFSZ ignored by the program).
cat >fsize.yaml <<YAML
out: !fd stdout
fsize_file: !file {path: $T/big, rights: [write], create: true}
fsize_bytes: 1048576
YAML
run --limit-fsize=64K "$P/ad_limits" fsize.yaml
status_is 0 "--limit-fsize=64K"
is "fsize wrote=65536 errno=EFBIG" "$(cat out)" "--limit-fsize=64K: writing stops at 65536 bytes with EFBIG"
is "65536" "$(stat -c %s big)" "--limit-fsize=64K: the file is 64 KiB"
rm -f big
{ cat fsize.yaml; echo '--- !launcher'; echo 'limits: {fsize: 8K}'; } >fsize-doc.yaml
run "$P/ad_limits" fsize-doc.yaml
is "fsize wrote=8192 errno=EFBIG" "$(cat out)" "limits: {fsize: 8K} in the !launcher document"

# as: 1 GiB of address space cannot be mapped under a 256 MiB limit, 16 MiB can.
printf 'out: !fd stdout\nas_bytes: 1073741824\n' >as.yaml
run --limit-as=256M "$P/ad_limits" as.yaml
status_is 0 "--limit-as=256M"
is "as bytes=1073741824 result=ENOMEM" "$(cat out)" "--limit-as=256M: mapping 1 GiB fails with ENOMEM"
printf 'out: !fd stdout\nas_bytes: 16777216\n' >as-small.yaml
run --limit-as=256M "$P/ad_limits" as-small.yaml
is "as bytes=16777216 result=ok" "$(cat out)" "--limit-as=256M: mapping 16 MiB works"
run "$P/ad_limits" as.yaml
is "as bytes=1073741824 result=ok" "$(cat out)" "without --limit-as mapping 1 GiB works"

# cpu: a spinning program gets SIGXCPU (152) after 1 s of CPU time.
printf 'out: !fd stdout\nspin: true\n' >spin.yaml
run --limit-cpu=1 --timeout=20 "$P/ad_limits" spin.yaml
ok "--limit-cpu=1 ends a spinning program with SIGXCPU or SIGKILL (status $st)" \
   test "$st" = 152 -o "$st" = 137
run --limit-cpu=1 "$P/ad_limits" spin.yaml
ok "--limit-cpu=1 without supervision (status $st)" test "$st" = 152 -o "$st" = 137

# nproc. For a non-root user RLIMIT_NPROC is enforced by the kernel; for root
# (real uid 0) the kernel ignores RLIMIT_NPROC, so the launcher must enforce
# it another way (cgroup pids.max) or refuse with a documented status.
printf 'out: !fd stdout\nfork: true\n' >fork.yaml
run "$P/ad_limits" fork.yaml
is "fork result=ok" "$(cat out)" "without --limit-nproc the program can fork"
if [ "$(id -u)" = 0 ] && lone=$(free_uid); then
  # A uid of its own: with nobody, any other nobody process on the machine
  # would count against the limit.
  run --user="$lone" --limit-nproc=1 "$P/ad_limits" fork.yaml
  status_is 0 "--user=$lone --limit-nproc=1"
  is "fork result=EAGAIN" "$(cat out)" "--user=$lone --limit-nproc=1: fork fails with EAGAIN"
  run --limit-nproc=1 "$P/ad_limits" fork.yaml
  if [ "$st" = 0 ]; then
    is "fork result=EAGAIN" "$(cat out)" "root --limit-nproc=1: enforced (fork fails with EAGAIN)"
  else
    ok "root --limit-nproc=1: refused with a usage or enforcement status (status $st)" \
       test "$st" = 100 -o "$st" = 103
    fatal_has "nproc" "root --limit-nproc=1 refused"
    not_started "root --limit-nproc=1 refused"
  fi
else
  run --limit-nproc=1 "$P/ad_limits" fork.yaml
  status_is 0 "--limit-nproc=1 (unprivileged)"
  is "fork result=EAGAIN" "$(cat out)" "--limit-nproc=1: fork fails with EAGAIN"
  skip "not root" "--user=nobody --limit-nproc=1"
fi

done_testing
