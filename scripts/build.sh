#!/usr/bin/env bash
# Configure and build zjgeo. Usage: scripts/build.sh [BUILD_DIR] [extra cmake args]
# BUILD_DIR defaults to build/. Uses Ninja and ccache when present.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dir=${1:-$root/build}
shift || true
gen=()
command -v ninja >/dev/null && gen=(-G Ninja)
launcher=()
if command -v ccache >/dev/null; then
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$root}  # cache hits across checkouts
fi
cmake -S "$root" -B "$dir" "${gen[@]}" "${launcher[@]}" "$@" >/dev/null
cmake --build "$dir" -j "$(nproc)"
