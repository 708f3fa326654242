#!/bin/bash
# The process contract (DESIGN.md section 3): fd 0-2 on /dev/null, fd 3 a
# sealed memfd with the argdata, fd 4.. the resources in order of first
# appearance with those numbers written literally, nothing else open, empty
# environment, argv = [basename]. Includes the DESIGN.md worked example.
. "$(dirname "$0")/lib.sh"

mkdir "$T/srv"
cat >c.yaml <<YAML
out: !fd stdout
dir: !file {path: $T/srv}
YAML

# Extra descriptors in the launcher's environment must not leak.
exec 7</etc/passwd 8>"$T/leak" 9<>"$T/leak2"
run "$P/ad_report" c.yaml
exec 7<&- 8>&- 9>&-
status_is 0 "worked example runs"

is "06 85 08 6f 75 74 00 85 03 00 00 00 04 85 08 64 69 72 00 85 03 00 00 00 05" \
   "$(sed -n 's/^argdata-hex=//p' out)" "worked example: fd 3 holds the documented bytes"
is "25" "$(sed -n 's/^argdata-bytes=//p' out)" "worked example: fd 3 is 25 bytes long"
is "0 1 2 3 4 5" "$(fds_of)" "exactly fds 0-5 are open (7, 8, 9 of the shell did not leak)"
for n in 0 1 2; do
  is "chr 1" "$(field type "$(fdline $n)") $(field devnull "$(fdline $n)")" "fd $n is /dev/null"
done
l3=$(fdline 3)
is "memfd" "$(field type "$l3")" "fd 3 is a memfd (regular, unlinked, sealable)"
like "^seal,shrink,grow,write," "$(field seals "$l3")" "fd 3 seals: seal, shrink, grow, write"
kver=$(uname -r | sed 's/^\([0-9]*\)\.\([0-9]*\).*/\1 \2/')
if [ "${kver% *}" -gt 6 ] || { [ "${kver% *}" -eq 6 ] && [ "${kver#* }" -ge 3 ]; }; then
  like "exec," "$(field seals "$l3")" "fd 3 has F_SEAL_EXEC (MFD_NOEXEC_SEAL; kernel >= 6.3)"
  is "0" "$(( 0$(field mode "$l3") & 0111 ))" "fd 3 has no execute bits"
else
  skip "kernel $(uname -r) has no MFD_NOEXEC_SEAL" "fd 3 has F_SEAL_EXEC"
  skip "kernel $(uname -r) has no MFD_NOEXEC_SEAL" "fd 3 has no execute bits"
fi
like "^(EPERM|EBADF)$" "$(field pwrite "$l3")" "fd 3 cannot be written or grown"
l4=$(fdline 4)
is "$(ino_of "$T/out")" "$(field ino "$l4")" "fd 4 is the launcher's stdout (same file)"
l5=$(fdline 5)
is "dir rdonly" "$(field type "$l5") $(field acc "$l5")" "fd 5 is a directory, read-only"
is "$(ino_of "$T/srv")" "$(field ino "$l5")" "fd 5 is the granted directory"
is "ok" "$(field readdir "$l5")" "fd 5 can be listed (read granted)"
is "environ=0" "$(grep '^environ=' out)" "the environment is empty"
is "argc=1 argv[0]=ad_report" "$(grep -E '^argc=|^argv\[' out | tr '\n' ' ' | sed 's/ $//')" \
   "argv is [basename of the executable]"
expected_yaml='%TAG ! tag:nuxi.nl,2015:cloudabi/
---
!!map {
  ? !!str "out"
  : !fd "4",
  ? !!str "dir"
  : !fd "5",
}'
is "$expected_yaml" "$(yaml_of)" "the program parses the argdata to {out: fd 4, dir: fd 5}"

# The same configuration with the original's %TAG line gives the same bytes.
{ echo '%TAG ! tag:nuxi.nl,2015:cloudabi/'; echo '---'; cat c.yaml; } >tagged.yaml
run "$P/ad_report" tagged.yaml
status_is 0 "configuration with the %TAG line"
is "06 85 08 6f 75 74 00 85 03 00 00 00 04 85 08 64 69 72 00 85 03 00 00 00 05" \
   "$(sed -n 's/^argdata-hex=//p' out)" "%TAG line: same bytes"

# Configuration from standard input: CONFIG omitted, and "-".
STDIN=c.yaml run "$P/ad_report"
status_is 0 "configuration on standard input (CONFIG omitted)"
is "0 1 2 3 4 5" "$(fds_of)" "stdin configuration: fds 0-5"
is "chr 1" "$(field type "$(fdline 0)") $(field devnull "$(fdline 0)")" "stdin configuration: fd 0 is /dev/null, not the YAML"
STDIN=c.yaml run "$P/ad_report" -
status_is 0 "configuration on standard input (CONFIG is -)"
is "06 85 08 6f 75 74 00 85 03 00 00 00 04 85 08 64 69 72 00 85 03 00 00 00 05" \
   "$(sed -n 's/^argdata-hex=//p' out)" "stdin configuration: same bytes"

cat c.yaml | "$RUN" "${ROPT[@]+"${ROPT[@]}"}" "$P/ad_report" >out 2>err
st=$?
status_is 0 "configuration piped on standard input"
is "06 85 08 6f 75 74 00 85 03 00 00 00 04 85 08 64 69 72 00 85 03 00 00 00 05" \
   "$(sed -n 's/^argdata-hex=//p' out)" "piped configuration: same bytes"
{ cat c.yaml; printf 'pad: "'; head -c 1100000 /dev/zero | tr '\0' x; echo '"'; } | "$RUN" "${ROPT[@]+"${ROPT[@]}"}" "$P/ad_report" >out 2>err
st=$?
status_is 101 "a piped configuration larger than 1 MiB"
like "^cloudabi-run: fatal: <stdin>" "$(head -n 1 err)" "piped configuration too large: the message names <stdin>"
not_started "a piped configuration larger than 1 MiB"

# The same launcher descriptor twice is one number; two !file entries of the
# same path are two opens and two numbers; numbering is depth-first, key
# before value, in order of first appearance.
cat >dup.yaml <<YAML
out: !fd stdout
b: [!file {path: $T/srv}, !fd stdout]
c: {x: !file {path: $T/srv}, y: !fd stderr}
YAML
run "$P/ad_report" dup.yaml
status_is 0 "descriptors referenced twice"
is "0 1 2 3 4 5 6 7" "$(fds_of)" "!fd stdout twice -> one fd; two !file -> two fds"
expected_yaml='%TAG ! tag:nuxi.nl,2015:cloudabi/
---
!!map {
  ? !!str "out"
  : !fd "4",
  ? !!str "b"
  : !!seq [
    !fd "5",
    !fd "4",
  ],
  ? !!str "c"
  : !!map {
    ? !!str "x"
    : !fd "6",
    ? !!str "y"
    : !fd "7",
  },
}'
is "$expected_yaml" "$(yaml_of)" "fd numbers in order of first appearance, written literally"
is "$(field ino "$(fdline 5)")" "$(field ino "$(fdline 6)")" "fds 5 and 6 are the same directory"
is "$(ino_of "$T/err")" "$(field ino "$(fdline 7)")" "fd 7 is the launcher's stderr"

# !fd 1 and !fd stdout name the same launcher descriptor: one number.
printf 'out: !fd stdout\none: !fd 1\nerr: !fd stderr\ntwo: !fd 2\n' >same.yaml
run "$P/ad_report" same.yaml
status_is 0 "!fd 1 and !fd stdout together"
is "0 1 2 3 4 5" "$(fds_of)" "!fd 1 = !fd stdout and !fd 2 = !fd stderr: one number each"

# No resources at all: a plain scalar tree; only 0-3 are open.
echo 'hello' >plain.yaml
run --stdout=inherit "$P/ad_report" plain.yaml
status_is 0 "configuration without descriptors"
is "0 1 2 3" "$(fds_of)" "no resources: only fds 0-3"
is "08 68 65 6c 6c 6f 00" "$(sed -n 's/^argdata-hex=//p' out)" "a plain string is the whole argdata"

# An empty document is null: fd 3 is an empty memfd.
: >empty.yaml
run --stdout=inherit "$P/ad_report" empty.yaml
status_is 0 "empty configuration"
is "0" "$(sed -n 's/^argdata-bytes=//p' out)" "empty configuration: fd 3 is empty (null)"
is "memfd" "$(field type "$(fdline 3)")" "empty configuration: fd 3 is still a memfd"

# Launcher descriptors whose numbers collide with the numbers the program
# gets (3..7) still arrive as the right files (a permutation, not a naive
# dup2 loop).
for i in 3 4 5 6; do echo "file $i" >"perm$i"; done
cat >perm.yaml <<'YAML'
out: !fd stdout
x: !fd 6
y: !fd 5
z: !fd 4
w: !fd 3
YAML
exec 3<perm3 4<perm4 5<perm5 6<perm6
run "$P/ad_report" perm.yaml
exec 3<&- 4<&- 5<&- 6<&-
status_is 0 "launcher fds 3-6 passed to program fds 5-8"
is "0 1 2 3 4 5 6 7 8" "$(fds_of)" "permutation: fds 0-8"
is "$(ino_of perm6) $(ino_of perm5) $(ino_of perm4) $(ino_of perm3)" \
   "$(field ino "$(fdline 5)") $(field ino "$(fdline 6)") $(field ino "$(fdline 7)") $(field ino "$(fdline 8)")" \
   "permutation: each program fd is the right launcher fd"
is "memfd" "$(field type "$(fdline 3)")" "permutation: fd 3 is still the argdata"

# Many resources: 300 !file entries -> fds 4..303.
{ echo 'out: !fd stdout'; echo 'files:'
  for i in $(seq 1 300); do echo "  - !file {path: $T/srv}"; done; } >many.yaml
run "$P/ad_report" many.yaml
status_is 0 "300 resources"
is "$(seq 0 304 | tr '\n' ' ' | sed 's/ $//')" "$(fds_of)" "300 resources: fds 0-304, nothing else"
is "dir" "$(field type "$(fdline 304)")" "300 resources: fd 304 is the last directory"

# A large argdata (900 KB string) arrives intact.
{ printf 'out: !fd stdout\nbig: '; head -c 900000 /dev/zero | tr '\0' a; echo; } >large.yaml
run "$P/ad_report" large.yaml
status_is 0 "a 900 KB argdata"
bytes=$(sed -n 's/^argdata-bytes=//p' out)
# 06 | 85 "out" | 85 fd | 85 "big" | 3-byte length prefix, 08, 900000 x a, 00
is "900024" "$bytes" "a 900 KB string: fd 3 has the exact serialised size"

# argv[0] is the basename of EXECUTABLE as given (a symlink's own name, a
# relative path's last component).
ln -s "$P/ad_report" myprog
run "$T/myprog" c.yaml
status_is 0 "executable given through a symlink"
is "argv[0]=myprog" "$(grep '^argv\[0\]' out)" "argv[0] is the basename of the path given"
cp "$P/ad_report" ./local-report
run ./local-report c.yaml
status_is 0 "executable given as a relative path"
is "argv[0]=local-report" "$(grep '^argv\[0\]' out)" "relative executable: argv[0] is its basename"

done_testing
