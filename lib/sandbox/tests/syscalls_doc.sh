#!/bin/sh
# TAP: doc/syscalls.md is what seccomp_gen generates from its table.
#   syscalls_doc.sh SECCOMP_GEN DOC
gen=$1 doc=$2
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
echo "1..1"
if "$gen" markdown "$tmp" && cmp -s "$tmp" "$doc"; then
  echo "ok 1 - doc/syscalls.md matches the filter table"
else
  echo "not ok 1 - doc/syscalls.md matches the filter table"
  echo "# regenerate: $gen markdown $doc"
  diff -u "$doc" "$tmp" | head -20 | sed 's/^/# /'
fi
