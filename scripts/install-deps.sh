#!/usr/bin/env bash
# Install the Debian 12 packages zjgeo needs to build, test, benchmark and render.
# Idempotent: installs only what is missing. Needs root (or sudo).
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build pkg-config ccache
  libgdal-dev gdal-bin libgeos-dev libproj-dev proj-bin proj-data libboost-dev
  catch2 libcli11-dev nlohmann-json3-dev libfmt-dev libfast-float-dev
  libcairo2-dev libpango1.0-dev fonts-noto-cjk fontconfig
  python3 python3-shapely python3-pyproj python3-gdal
  postgresql-15 postgresql-15-postgis-3
  libxml2-utils poppler-utils time hyperfine
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#PACKAGES[@]} packages present"
  exit 0
fi
echo "install-deps: installing ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
