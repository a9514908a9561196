# zjgeo info: the exact text report, the JSON form, and agreement with ogrinfo.
. "$(dirname "$0")/lib.sh"
need_tool ogrinfo
D=$ZJGEO_TEST_DATA/foundation
cp "$D/parks.geojson" "$D/selfx.geojson" .

run info parks.geojson; expect_rc 0; expect_err_empty
expect_out_exact "parks.geojson (GeoJSON), 1 layer

Layer 'parks'
  Features:  3
  Geometry:  Unknown (any)
  CRS:       EPSG:4326 (WGS 84)
  Extent:    (121.5500000, 31.1700000) - (121.6500000, 31.3000000)
  Fields:    4
    code      String
    name      String
    area_km2  Real
    rank      Integer
  Validity:  all geometries valid"

run info selfx.geojson; expect_rc 0
expect_out_contains "  Validity:  1 of 2 geometries invalid
    feature 2: Self-intersection at (121.45, 31.15)
  Repair with: zjgeo convert --make-valid"

# the counts and extent agree with ogrinfo
expect_eq "$(ogrinfo -ro -so -al parks.geojson | sed -n 's/^Feature Count: //p')" 3 "ogrinfo count"
expect_eq "$(ogrinfo -ro -so -al parks.geojson | sed -n 's/^Extent: //p')" "(121.550000, 31.170000) - (121.650000, 31.300000)" "ogrinfo extent"

# JSON form
run info --format json selfx.geojson; expect_rc 0
expect_out_contains '"feature_count": 2'
expect_out_contains '"code": "EPSG:4326"'
expect_out_contains '"reason": "Self-intersection"'
if command -v python3 >/dev/null; then
  inv=$(printf '%s' "$OUT" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["layers"][0]["validity"]["invalid"], d["layers"][0]["validity"]["first_invalid"][0]["feature"])')
  expect_eq "$inv" "1 2" "json validity"
fi

# several layers, -l, a projected CRS, --no-validity
"$ZJGEO" convert --dst-crs utm51n parks.geojson plan.gpkg && "$ZJGEO" convert --make-valid --nln selfx selfx.geojson s.gpkg 2>/dev/null
ogr2ogr -append plan.gpkg s.gpkg
run info plan.gpkg; expect_rc 0
expect_out_contains "plan.gpkg (GPKG), 2 layers"
expect_out_contains "  CRS:       EPSG:32651 (WGS 84 / UTM zone 51N)"
expect_out_contains "  Extent:    (361813.489, 3449227.031) - (371439.185, 3463720.371)"
# same extent as ogrinfo's (which prints 6 decimals)
ext=$(ogrinfo -ro -so plan.gpkg parks | sed -n 's/^Extent: //p' | tr -d '(),-' | awk '{printf "(%.3f, %.3f) - (%.3f, %.3f)", $1, $2, $3, $4}')
expect_eq "$ext" "(361813.489, 3449227.031) - (371439.185, 3463720.371)" "extent agrees with ogrinfo"
run info -l selfx --no-validity plan.gpkg; expect_rc 0
expect_out_contains "plan.gpkg (GPKG), 1 layer"
case "$OUT" in *Validity*) fail "--no-validity still printed a validity line" ;; *) ok ;; esac
run info -l nope plan.gpkg; expect_rc 2
expect_err_exact "zjgeo info: read: 'plan.gpkg' has no layer 'nope'. Layers: parks, selfx."
finish
