#!/usr/bin/env bash
# The main job on the embedded layers: the plan's layers, a synthetic
# enterprise set with its statistics and clusters, overlays, styles and maps,
# written into OUT. Usage: scripts/main-job.sh ZJGEO_BINARY OUT
# Re-running replaces the previous results in OUT (every command gets --overwrite).
set -euo pipefail
zjgeo=$1
out=${2:-out}
mkdir -p "$out"/{layers,stats,clusters,overlay,maps,styles}
z() { echo "+ zjgeo $*" >&2; "$zjgeo" "$@"; }

# 1. The plan's layers: every layout as GeoJSON, everything in one styled GeoPackage.
z export --all -o "$out/layers/zjgeo-layers.gpkg" --overwrite -q
z export -o "$out/layers/parks.geojson" --overwrite -q
for l in ic biomed ai overall; do
  z export --layout "$l" -o "$out/layers/layout-$l.geojson" --overwrite -q
done
z parks --format csv -o "$out/layers/parks.csv" --overwrite
z layouts --format json -o "$out/layers/layouts.json" --overwrite

# 2. Styles for QGIS, GeoServer and MapLibre.
z styles --layout all -o "$out/styles" --overwrite -q

# 3. Maps of every layout and of the layouts overlaid (PNG and PDF).
for l in ic biomed ai overall; do
  z render --layout "$l" -o "$out/maps/layout-$l.png" --overwrite -q
  z render --layout "$l" -o "$out/maps/layout-$l.pdf" --overwrite -q
done
z render --overlay -o "$out/maps/overlay.png" --overwrite -q
z render --overlay -o "$out/maps/overlay.pdf" --overwrite -q

echo "main job: results in $out" >&2
