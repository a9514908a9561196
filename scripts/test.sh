#!/usr/bin/env bash
# Run every test: installs missing packages, builds (build/), runs the whole
# suite with ctest, then builds again with AddressSanitizer and
# UndefinedBehaviorSanitizer (build-asan/) and runs the suite there too.
# Set ZJGEO_SKIP_SANITIZE=1 to skip the sanitizer pass (not in CI).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh"
jobs=$(nproc)

"$root/scripts/build.sh" "$root/build"
echo "== tests (RelWithDebInfo) =="
ctest --test-dir "$root/build" --output-on-failure -j "$jobs"

if [ "${ZJGEO_SKIP_SANITIZE:-0}" != 1 ]; then
  "$root/scripts/build.sh" "$root/build-asan" -DZJGEO_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug
  echo "== tests (AddressSanitizer + UndefinedBehaviorSanitizer) =="
  # GDAL and PROJ keep process-lifetime caches that LeakSanitizer reports as
  # leaks; leak checking is off, every other ASan/UBSan check is fatal.
  ASAN_OPTIONS=detect_leaks=0:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir "$root/build-asan" --output-on-failure -j "$jobs"
fi
