#!/bin/sh
# Enforcement benchmarks: each figure is compared with the same work run
# directly (unsandboxed), as a ratio.
#   bench/enforcement/run.sh [BUILD_DIR] [FILES]
# BUILD_DIR defaults to build; FILES (default 100000) small files are made in
# a temporary directory for the file workload.
set -eu
b=${1:-build}
files=${2:-100000}
run=$b/tools/cloudabi-run/cloudabi-run
e=$b/bench/enforcement
for f in "$run" "$e/spawn_bench" "$e/true_static" "$e/fileload" "$e/syscalls"; do
  [ -x "$f" ] || { echo "run.sh: $f is missing; build first (scripts/build.sh)" >&2; exit 100; }
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a / b }'; }
diff_ms() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", (a - b) / 1000 }'; }

echo "== start-up of a static program (median of 2000 runs, microseconds)"
printf 'out: !fd stdout\n' >"$tmp/startup.yaml"
direct=$("$e/spawn_bench" 2000 "$e/true_static")
launched=$("$e/spawn_bench" 2000 "$run" "$e/true_static" "$tmp/startup.yaml")
echo "direct exec:           $direct"
echo "through cloudabi-run:  $launched  (ratio $(ratio "$launched" "$direct"), +$(diff_ms "$launched" "$direct") ms)"
if command -v bwrap >/dev/null 2>&1; then
  bw=$("$e/spawn_bench" 2000 "$(command -v bwrap)" --ro-bind "$e/true_static" /true \
    --unshare-all --die-with-parent /true)
  echo "through bwrap:         $bw  (ratio $(ratio "$bw" "$direct"), +$(diff_ms "$bw" "$direct") ms;" \
    "cloudabi-run overhead is $(awk -v a="$bw" -v b="$launched" -v d="$direct" 'BEGIN { printf "%.1f", (a - d) / (b - d) }')x smaller)"
else
  echo "through bwrap:         (bwrap not installed)"
fi

echo "== file workload: openat/read/close of $files small files (best of 5, ns per file)"
mkdir "$tmp/d"
i=0
( cd "$tmp/d" && awk -v n="$files" 'BEGIN { for (i = 0; i < n; i++) { f = "f" i; printf "%0100d", i > f; close(f) } }' )
native=$("$e/fileload" "$tmp/d" "$files")
printf 'dir: !file {path: %s}\nout: !fd stdout\ncount: %s\n' "$tmp/d" "$files" >"$tmp/ro.yaml"
printf 'dir: !file {path: %s, rights: [read, write, create, delete]}\nout: !fd stdout\ncount: %s\n' \
  "$tmp/d" "$files" >"$tmp/rw.yaml"
ro=$("$run" "$e/fileload" "$tmp/ro.yaml")
rw=$("$run" "$e/fileload" "$tmp/rw.yaml")
echo "unsandboxed:           $native"
echo "read-only grant:       $ro  (ratio $(ratio "$ro" "$native"))"
echo "read-write grant:      $rw  (ratio $(ratio "$rw" "$native"))"

echo "== syscall-heavy loop of allowed syscalls (best of 5, ns per iteration)"
native=$("$e/syscalls" x)
sandboxed=$("$run" "$e/syscalls" "$tmp/startup.yaml")
echo "unsandboxed:           $native"
echo "strict profile:        $sandboxed  (ratio $(ratio "$sandboxed" "$native"))"
