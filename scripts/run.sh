#!/usr/bin/env bash
# The main job, from a fresh Debian 12 machine: install what is missing, build,
# then write the plan's layers, statistics and maps into OUT (default: out/).
# Usage: scripts/run.sh [OUT]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$root/out}
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh" "$root/build"
"$root/scripts/main-job.sh" "$root/build/tools/zjgeo" "$out"
