#!/bin/sh
# Build the fuzz targets with clang + libFuzzer + ASan/UBSan and run each one
# for SECONDS (default 60), seeded with the golden corpora in fuzz/corpus/.
#   scripts/fuzz.sh [SECONDS]
set -eu
cd "$(dirname "$0")/.."
seconds=${1:-60}
scripts/install-deps.sh
if [ ! -f build-fuzz/build.ninja ]; then
  CC=clang meson setup build-fuzz -Dfuzz=true -Db_sanitize=address,undefined \
    -Db_lundef=false >/dev/null
fi
ninja -C build-fuzz >/dev/null || ninja -C build-fuzz
status=0
for f in build-fuzz/fuzz/fuzz_*; do
  [ -f "$f" ] && [ -x "$f" ] || continue
  name=$(basename "$f")
  corpus=$(mktemp -d)
  [ -d "fuzz/corpus/$name" ] && cp -r "fuzz/corpus/$name/." "$corpus/"
  echo "fuzz: $name for ${seconds}s"
  if ! "$f" -max_total_time="$seconds" -print_final_stats=1 "$corpus" \
      >"build-fuzz/$name.log" 2>&1; then
    echo "fuzz: $name FAILED; see build-fuzz/$name.log"
    tail -40 "build-fuzz/$name.log"
    status=1
  fi
  grep -E 'stat::number_of_executed_(runs|units)' "build-fuzz/$name.log" || true
  rm -rf "$corpus"
done
# Saved crash inputs (fuzz/regressions/) are replayed as the fuzz suite.
echo "fuzz: replaying saved crash inputs"
meson test -C build-fuzz --suite fuzz --print-errorlogs >build-fuzz/regressions.log 2>&1 || {
  echo "fuzz: a saved crash input fails again; see build-fuzz/regressions.log"
  tail -40 build-fuzz/regressions.log
  status=1
}
exit $status
