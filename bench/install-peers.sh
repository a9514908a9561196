#!/usr/bin/env bash
# Install what the benchmark peers need (Debian 12): PostGIS, GeoPandas with an
# R-tree backend, SpatiaLite, hyperfine and GNU time. Idempotent.
set -euo pipefail
PACKAGES=(postgresql-15 postgresql-15-postgis-3 python3-geopandas python3-rtree python3-psycopg2
          python3-pyproj python3-shapely libsqlite3-mod-spatialite gdal-bin hyperfine time)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
