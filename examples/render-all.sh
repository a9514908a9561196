#!/usr/bin/env bash
# Render every example map (PNG and PDF) into a folder.
# Usage: examples/render-all.sh [OUT_DIR] [ZJGEO]   (defaults: out/maps, build/tools/zjgeo)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-out/maps}
zjgeo=${2:-$here/../build/tools/zjgeo}
mkdir -p "$out"
for map in "$here"/*.map.json; do
  name=$(basename "$map" .map.json)
  for ext in png pdf; do
    "$zjgeo" render "$map" -o "$out/$name.$ext" --overwrite -q
  done
  echo "$out/$name.png $out/$name.pdf"
done
# The same maps through the shortcuts, with the labels list:
"$zjgeo" render --layout ic -o "$out/ic-shortcut.svg" --labels-out "$out/ic-labels.json" --overwrite -q
echo "$out/ic-shortcut.svg $out/ic-labels.json"
