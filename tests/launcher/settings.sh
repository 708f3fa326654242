#!/bin/bash
# Launcher settings: --argv, --env, --stdin/--stdout/--stderr, --workdir,
# --user, --profile, --help, --version, the Landlock ABI override, and the
# same settings in a `--- !launcher` document (the command line wins). None
# of them reaches the program's argdata.
. "$(dirname "$0")/lib.sh"

printf 'out: !fd stdout\n' >r.yaml
argv_of() { grep -E '^argc=|^argv\[' out | tr '\n' ' ' | sed 's/ $//'; }
# null N: "null" when fd N of the report is /dev/null, else "other".
null() { if [ "$(field devnull "$(fdline "$1")")" = 1 ]; then echo null; else echo other; fi; }
streams() { echo "$(null 0) $(null 1) $(null 2)"; }
env_of() { grep -E '^environ=|^env\[' out | tr '\n' ' ' | sed 's/ $//'; }

run --argv=prog --argv=-v --argv='two words' "$P/ad_report" r.yaml
status_is 0 "--argv"
is "argc=3 argv[0]=prog argv[1]=-v argv[2]=two words" "$(argv_of)" "--argv gives the full argv"
is "06 85 08 6f 75 74 00 85 03 00 00 00 04" "$(sed -n 's/^argdata-hex=//p' out)" "--argv does not change the argdata"

run --env=A=1 --env='B=x y' --env=EMPTY= "$P/ad_report" r.yaml
status_is 0 "--env"
is "environ=3 env[0]=A=1 env[1]=B=x y env[2]=EMPTY=" "$(env_of)" "--env gives exactly that environment"
# The same name twice: the last one wins (as in env(1) and the usual rule
# for repeated options), or it is refused; never two entries for one name.
run --env=A=1 --env=A=2 "$P/ad_report" r.yaml
if [ "$st" = 100 ]; then
  pass "--env=A=1 --env=A=2 refused as a usage error"
else
  is "environ=1 env[0]=A=2" "$(env_of)" "--env=A=1 --env=A=2: one A, the last value"
fi
HOME=/root FOO=bar run "$P/ad_report" r.yaml
is "environ=0" "$(env_of)" "the launcher's own environment is not passed on"

# Standard streams.
echo input >in.txt
STDIN=in.txt run --stdin=inherit --stdout=inherit --stderr=inherit "$P/ad_report" r.yaml
status_is 0 "--stdin/--stdout/--stderr=inherit"
is "$(ino_of in.txt)" "$(field ino "$(fdline 0)")" "--stdin=inherit: fd 0 is the launcher's stdin"
is "$(ino_of out)" "$(field ino "$(fdline 1)")" "--stdout=inherit: fd 1 is the launcher's stdout"
is "$(ino_of err)" "$(field ino "$(fdline 2)")" "--stderr=inherit: fd 2 is the launcher's stderr"
STDIN=in.txt run --stdout=inherit "$P/ad_report" r.yaml
is "null other null" "$(streams)" \
   "only the inherited stream is not /dev/null"
run --stdout=null --stderr=null --stdin=null "$P/ad_report" r.yaml
is "null null null" "$(streams)" \
   "explicit null streams"
# Config on stdin and --stdin=inherit: the YAML was consumed; fd 0 is the
# launcher's stdin (the rest of it).
STDIN=r.yaml run --stdin=inherit "$P/ad_report"
ok "--stdin=inherit with the YAML on stdin runs or is refused clearly (status $st)" \
   test "$st" = 0 -o "$st" = 100 -o "$st" = 101

# The !launcher document.
cat >doc.yaml <<'YAML'
out: !fd stdout
--- !launcher
argv: [prog, -v]
env: {LANG: C.UTF-8, X: "1"}
stdin: null
stdout: inherit
stderr: inherit
profile: strict
limits: {as: 512M, cpu: 10, nofile: 64, fsize: 10M}
timeout: 20
allow_degraded: false
YAML
run "$P/ad_report" doc.yaml
status_is 0 "every !launcher setting"
is "argc=2 argv[0]=prog argv[1]=-v" "$(argv_of)" "!launcher argv"
is "environ=2 env[0]=LANG=C.UTF-8 env[1]=X=1" "$(env_of)" "!launcher env"
is "null other other" "$(streams)" \
   "!launcher stdin null, stdout and stderr inherit"
like "^rlimit nofile=64:64 fsize=10485760:10485760 as=536870912:536870912 nproc=[^ ]* cpu=10:10$" \
   "$(grep '^rlimit' out)" "!launcher limits (nproc: see limits.sh)"
is "06 85 08 6f 75 74 00 85 03 00 00 00 04" "$(sed -n 's/^argdata-hex=//p' out)" \
   "the !launcher document does not reach the argdata"

run --argv=other --env=Y=2 --stdout=null --limit-nofile=32 "$P/ad_report" doc.yaml
status_is 0 "command line with a !launcher document"
is "argc=1 argv[0]=other" "$(argv_of)" "--argv wins over the document"
is "environ=1 env[0]=Y=2" "$(env_of)" "--env wins over the document"
is "null" "$(null 1)" "--stdout=null wins over stdout: inherit"
like " nofile=32:32 " "$(grep '^rlimit' out)" "--limit-nofile wins over limits: {nofile: 64}"
like " fsize=10485760:10485760 " "$(grep '^rlimit' out)" "other document limits still apply"

# --workdir: relative !file paths are resolved there.
mkdir wd && echo here >wd/rel.txt
printf 'out: !fd stdout\nf: !file {path: rel.txt}\n' >rel.yaml
run --workdir="$T/wd" "$P/ad_report" rel.yaml
status_is 0 "--workdir"
is "$(ino_of wd/rel.txt)" "$(field ino "$(fdline 5)")" "--workdir: relative paths resolved in the working directory"
{ cat rel.yaml; echo '--- !launcher'; echo "workdir: $T/wd"; } >wdoc.yaml
run "$P/ad_report" wdoc.yaml
is "$(ino_of wd/rel.txt)" "$(field ino "$(fdline 5)")" "workdir: in the !launcher document"
run --workdir="$T/missing" "$P/ad_report" rel.yaml
ok "--workdir of a missing directory fails (status $st)" test "$st" -ne 0
not_started "--workdir of a missing directory"

# --user (root only).
if [ "$(id -u)" = 0 ] && id nobody >/dev/null 2>&1; then
  nob=$(id -u nobody)
  run --user=nobody "$P/ad_report" r.yaml
  status_is 0 "--user=nobody"
  is "uid=$nob gid=$(id -g nobody) euid=$nob" "$(grep '^uid=' out)" "--user=nobody switches uid and gid"
  run --user="$nob" "$P/ad_report" r.yaml
  is "uid=$nob gid=$(id -g nobody) euid=$nob" "$(grep '^uid=' out)" "--user=UID"
  { cat r.yaml; echo '--- !launcher'; echo 'user: nobody'; } >udoc.yaml
  run "$P/ad_report" udoc.yaml
  is "uid=$nob gid=$(id -g nobody) euid=$nob" "$(grep '^uid=' out)" "user: in the !launcher document"
  run --user=no-such-user-xyz "$P/ad_report" r.yaml
  ok "--user of an unknown user fails (status $st)" test "$st" = 100 -o "$st" = 101 -o "$st" = 103
  fatal_has "no-such-user-xyz" "--user of an unknown user"
  not_started "--user of an unknown user"
else
  skip "not root" "--user"
fi

# --profile.
run --profile=strict "$P/ad_report" r.yaml
status_is 0 "--profile=strict"
run --profile=compat "$P/ad_report" r.yaml
status_is 0 "--profile=compat"

# --help and --version.
run --help
status_is 0 "--help"
like "cloudabi-run" "$(cat out)" "--help prints the usage on stdout"
like "EXECUTABLE" "$(cat out)" "--help shows the synopsis"
run -h
status_is 0 "-h"
run --version
status_is 0 "--version"
like "[0-9]+\.[0-9]+" "$(cat out)" "--version prints a version"

# Landlock ABI below 6: refused unless --allow-degraded, which warns.
if [ "$DEGRADED" = 1 ]; then
  skip "this kernel is degraded: every run has --allow-degraded" "Landlock ABI 5 refusal"
else
  run --debug-landlock-abi=5 "$P/ad_report" r.yaml
  status_is 103 "Landlock ABI 5 without --allow-degraded"
  fatal_has "" "Landlock ABI 5 refused"
  not_started "Landlock ABI 5 refused"
  run --debug-landlock-abi=5 --allow-degraded "$P/ad_report" r.yaml
  status_is 0 "Landlock ABI 5 with --allow-degraded"
  like "WARNING" "$(cat err)" "--allow-degraded prints a WARNING"
  like "WARNING.*([Ss]cop|[Ss]ignal|[Aa]bstract)" "$(cat err)" "the WARNING names what ABI 5 does not enforce (scoping)"
  { cat r.yaml; echo '--- !launcher'; echo 'allow_degraded: true'; } >deg.yaml
  run --debug-landlock-abi=5 "$P/ad_report" deg.yaml
  status_is 0 "allow_degraded: true in the !launcher document"
  run --debug-landlock-abi=0 --allow-degraded "$P/ad_report" r.yaml
  status_is 103 "no Landlock at all: never runs, even with --allow-degraded"
  not_started "no Landlock at all"
  run --debug-landlock-abi=9 "$P/ad_report" r.yaml
  status_is 0 "--debug-landlock-abi never raises the ABI (a higher value runs as probed)"

fi

# There is no way to run a program unconfined: the former
# --insecure-no-enforcement is an unknown option (100), nothing runs.
run --insecure-no-enforcement "$P/ad_report" r.yaml
status_is 100 "--insecure-no-enforcement does not exist (unknown option)"
like "unknown option --insecure-no-enforcement" "$(cat err)" \
  "--insecure-no-enforcement: the message names the unknown option"
not_started "--insecure-no-enforcement"

done_testing
