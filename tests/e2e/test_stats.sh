# zjgeo stats: counts in the peers' contract (golden files), boundary rule,
# bad rows, --strict, formats, --join-to, overwrite rule.
. "$(dirname "$0")/lib.sh"
D="$ZJGEO_TEST_DATA/stats"

run stats "$D/points.csv" --parks "$D/parks.geojson" --format csv
expect_rc 0
expect_eq "$OUT" "$(cat "$D/counts_exclude.csv")" "counts, boundary excluded"
expect_err_contains "line 11: lon 'bad' is not a number"
expect_err_contains "'机器人' (1)"

run stats "$D/points.csv" --parks "$D/parks.geojson" --format csv --boundary include
expect_rc 0
expect_eq "$OUT" "$(cat "$D/counts_include.csv")" "counts, boundary included"

run stats "$D/points.csv" --parks "$D/parks.geojson" --strict
expect_rc 1
expect_err_exact "zjgeo stats: read: '$D/points.csv': line 11: lon 'bad' is not a number. Fix the row or drop --strict to skip bad rows."

run stats "$D/points.csv" --parks "$D/parks.geojson" --format csv --table totals
expect_rc 0
expect_out_contains "on_boundary,1"
expect_out_contains "outside_parks,4"

run stats "$D/points.csv" --parks "$D/parks.geojson" --format json -o stats.json --join-to parks.gpkg
expect_rc 0
expect_file stats.json
python3 -c "import json,sys; j=json.load(open('stats.json')); assert j['counts'][0]=={'park_id':'A','industry':'ALL','count':3}, j['counts'][0]; assert abs(j['parks'][0]['hhi']-5/9)<1e-9" \
  && ok || fail "stats.json content"
info=$(ogrinfo -q -al parks.gpkg 2>&1)
case "$info" in *"n_ic (Integer64) = 2"*) ok ;; *) fail "parks.gpkg lacks n_ic = 2: $info" ;; esac
case "$info" in *"lq_ic (Real) = 2"*) ok ;; *) fail "parks.gpkg lacks lq_ic = 2" ;; esac

run stats "$D/points.csv" --parks "$D/parks.geojson" --format json -o stats.json
expect_rc 2
expect_err_exact "zjgeo stats: write: output 'stats.json' exists. Use --overwrite to replace it, or choose another name."
expect_no_staging .

run stats "$D/points.csv" --parks "$D/parks.geojson" --format markdown --table parks
expect_rc 0
expect_out_contains "| A | Park A | 3 |"

run stats "$D/points.csv" --parks "$D/parks.geojson" --x longitude
expect_rc 2
expect_err_contains "no column 'longitude' (given with --x)"

run stats "$D/points.csv" --parks "$D/parks.geojson" --format csv --table all
expect_rc 2

# any OGR point source gives the same counts (the bad row has no geometry there)
ogr2ogr -q -f GPKG pts.gpkg "$D/points.csv" -oo X_POSSIBLE_NAMES=lon -oo Y_POSSIBLE_NAMES=lat -a_srs EPSG:4326 2>/dev/null
run stats pts.gpkg --parks "$D/parks.geojson" --format csv
expect_rc 0
expect_eq "$OUT" "$(cat "$D/counts_exclude.csv")" "counts from a GeoPackage"

# no industry column: only the ALL rows
run stats "$D/points.csv" --parks "$D/parks.geojson" --format csv --industry -
expect_rc 0
expect_eq "$OUT" "$(printf 'park_id,industry,count\nA,ALL,3\nB,ALL,2')" "ALL rows only without industries"

# --parks whose features carry the plan's ids replace those parks' geometry (plan model
# substitution): zjsc becomes fixture square A, so its IC count is A's
cat > zjsc.geojson <<'GJ'
{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"zjsc"},"geometry":{"type":"Polygon","coordinates":[[[121.0,31.0],[121.02,31.0],[121.02,31.02],[121.0,31.02],[121.0,31.0]]]}}]}
GJ
run stats "$D/points.csv" --parks zjsc.geojson --park-key id --format csv --table layouts
expect_rc 0
expect_out_contains "ic,集成电路“一核两翼多点”,core,一核,ic,2,"

# the embedded parks: layout alignment is reported
run stats "$D/points.csv" --format csv --table layouts
expect_rc 0
expect_out_contains "ic,集成电路"
finish
