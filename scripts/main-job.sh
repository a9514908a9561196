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

# 2. The layouts overlaid (each park with all its roles) and the parks within
#    3 km of the science facilities.
z overlay layouts -o "$out/overlay/layouts_overlay.gpkg" --overwrite
z overlay layouts -o "$out/overlay/layouts_overlay.geojson" --overwrite
z overlay reach --distance 3km -o "$out/overlay/parks_near_facilities.gpkg" \
  --table "$out/overlay/parks_near_facilities.csv" --overwrite

# 3. A synthetic enterprise set (labelled synthetic in every row), its statistics
#    per park, industry and layout role, and where the clusters are.
z simulate -n 20000 --seed 2021 -o "$out/stats/enterprises.csv" --overwrite
z stats "$out/stats/enterprises.csv" --format csv -o "$out/stats/park_industry_counts.csv" --overwrite
z stats "$out/stats/enterprises.csv" --format markdown -o "$out/stats/cluster_stats.md" \
  --join-to "$out/stats/park_stats.gpkg" --overwrite
z cluster "$out/stats/enterprises.csv" --eps 500 --min-points 10 \
  -o "$out/clusters/enterprises_clustered.gpkg" --hulls "$out/clusters/clusters.gpkg" \
  --kde "$out/clusters/density.tif" --hot-zones "$out/clusters/hot_zones.gpkg" \
  --hotspots "$out/clusters/hotspots.gpkg" --clark-evans \
  --format markdown --summary "$out/clusters/clusters.md" --overwrite

# 4. Styles for QGIS, GeoServer and MapLibre.
z styles --layout all -o "$out/styles" --overwrite -q

# 5. Maps of every layout and of the layouts overlaid (PNG and PDF).
for l in ic biomed ai overall; do
  z render --layout "$l" -o "$out/maps/layout-$l.png" --overwrite -q
  z render --layout "$l" -o "$out/maps/layout-$l.pdf" --overwrite -q
done
z render --overlay -o "$out/maps/overlay.png" --overwrite -q
z render --overlay -o "$out/maps/overlay.pdf" --overwrite -q
# Enterprise density per park (from stats --join-to) and the clusters over the density raster.
z render --choropleth "$out/stats/park_stats.gpkg" --field density_km2 -o "$out/maps/park-density.png" --overwrite -q
z render --density "$out/clusters/density.tif" --cluster "$out/clusters/clusters.gpkg" --field dominant \
  -o "$out/maps/clusters.png" --overwrite -q

echo "main job: results in $out" >&2
