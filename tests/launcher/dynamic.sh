#!/bin/bash
# Unmodified programs: a dynamic executable runs under the compat profile,
# confined to its grants; a "#!" script runs its interpreter. (The strict
# profile and static capability programs are covered by the other tests.)
. "$(dirname "$0")/lib.sh"

echo 'granted content' >f.txt
printf 'out: !fd stdout\n' >r.yaml
printf 'f: !file {path: %s/f.txt}\n' "$T" >cat.yaml

if [ ! -x /bin/cat ] || ! file -L /bin/cat 2>/dev/null | grep -q dynamic; then
  skip "no dynamic /bin/cat" "dynamic executables"
  done_testing; exit
fi

run --explain "$P/ad_report" r.yaml
like "strict" "$(grep -i 'profile' out)" "a static executable defaults to the strict profile"
run --explain /bin/cat cat.yaml
like "compat" "$(grep -i 'profile' out)" "a dynamic executable defaults to the compat profile"

run --stdout=inherit --argv=echo --argv=hello /bin/echo r.yaml
status_is 0 "/bin/echo under the launcher"
is "hello" "$(cat out)" "/bin/echo printed its argument to the inherited stdout"

run --stdout=inherit --stderr=inherit --argv=cat --argv="$T/f.txt" /bin/cat cat.yaml
status_is 0 "/bin/cat of a granted file, by path"
is "granted content" "$(cat out)" "/bin/cat read the granted file"

echo secret >other.txt
run --stdout=inherit --stderr=inherit --argv=cat --argv="$T/other.txt" /bin/cat cat.yaml
status_is 1 "/bin/cat of a file that is not granted"
like "Permission denied" "$(cat err)" "/bin/cat: the kernel denied the open (EACCES)"
is "" "$(cat out)" "/bin/cat printed nothing of the secret"

# A "#!" script: its interpreter runs it; the script needs no grant of its own.
printf '#!/bin/sh\necho "from script: $0 $1"\n' >script.sh
chmod 755 script.sh
if sh_real=$(readlink -f /bin/sh) && file -L "$sh_real" | grep -q ELF; then
  run --stdout=inherit --argv=script.sh --argv=arg1 "$T/script.sh" r.yaml
  status_is 0 "a #! script"
  is "from script: $T/script.sh arg1" "$(cat out)" "the interpreter ran the script with its path and arguments"
else
  skip "/bin/sh is not an ELF executable" "#! script"
fi
printf '#!/no/such/interpreter\n' >bad.sh
chmod 755 bad.sh
run "$T/bad.sh" r.yaml
status_is 127 "a #! script whose interpreter does not exist"
not_started "a #! script whose interpreter does not exist"

done_testing
