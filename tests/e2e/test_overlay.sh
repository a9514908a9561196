# zjgeo overlay as a user runs it: the six operations on two 2 km squares
# (UTM 51N, B shifted by 1 km: overlap 1 km²) with hand-computed areas checked
# through ogrinfo, a bow-tie repaired and reported, roll-ups, reach, the
# layouts layer, and the exact messages for bad input.
. "$(dirname "$0")/lib.sh"
cp "$ZJGEO_TEST_DATA"/overlay/*.geojson .

# sum_area FILE LAYER -> "count total" with 6 decimals
sum_area() {
  ogrinfo -q -dialect sqlite -sql "SELECT count(*) AS n, printf('%.6f', sum(area_km2)) AS s FROM \"$2\"" "$1" |
    awk -F' = ' '/ n \(/{n=$2} / s \(/{s=$2} END{print n, s}'
}

# --- the six operations, planar areas in the squares' own CRS
for spec in "intersection 1 1.000000" "union 3 7.000000" "identity 2 4.000000" \
            "difference 1 3.000000" "symdifference 2 6.000000" "clip 1 1.000000"; do
  set -- $spec
  run overlay "$1" a.geojson b.geojson -o "$1.gpkg" --area-crs EPSG:32651
  expect_rc 0
  expect_eq "$(sum_area "$1.gpkg" "$1")" "$2 $3" "$1: pieces and km²"
done
expect_out_contains "clip: 1 piece from 1 × 1 features"

# attributes of both sides; the clashing 'name' gets GeoPandas' suffixes
fields=$(ogrinfo -so intersection.gpkg intersection | sed -n 's/^\([a-z_0-9]*\): .*/\1/p' | tr '\n' ' ')
expect_eq "$fields" "name_1 zone name_2 landuse area_km2 " "intersection fields"
run overlay union a.geojson b.geojson -o union_p.gpkg --prefix-a a_ --prefix-b b_
expect_rc 0
fields=$(ogrinfo -so union_p.gpkg union | sed -n 's/^\([a-z_0-9]*\): .*/\1/p' | tr '\n' ' ')
expect_eq "$fields" "a_name a_zone b_name b_landuse area_km2 " "prefixed fields"
# union: the B-only piece has null A attributes
v=$(ogrinfo -q -dialect sqlite -sql "SELECT count(*) AS c FROM \"union\" WHERE a_name IS NULL AND b_name = 'B'" union_p.gpkg | sed -n 's/.*c (Integer) = //p')
expect_eq "$v" "1" "union piece of B alone"
# difference keeps A's fields only
fields=$(ogrinfo -so difference.gpkg difference | sed -n 's/^\([a-z_0-9]*\): .*/\1/p' | tr '\n' ' ')
expect_eq "$fields" "name zone area_km2 " "difference fields"

# default area: geodesic km² (WGS84 ellipsoid), slightly above the UTM planar 1 km² here
run overlay intersection a.geojson b.geojson -o geo.geojson
expect_rc 0
a=$(ogrinfo -q -sql "SELECT area_km2 FROM intersection" geo.geojson | sed -n 's/.*area_km2 (Real) = //p')
awk -v a="$a" 'BEGIN{exit !(a > 1.0002 && a < 1.0004)}' && ok || fail "geodesic area $a not ≈ 1.0003 km²"

# --- invalid input: a bow-tie is repaired (two triangles, 0.5 km² inside B), a null geometry dropped
run overlay intersection bowtie.geojson b.geojson -o bt.gpkg --area-crs EPSG:32651 --report repairs.csv
expect_rc 0
expect_err_exact "zjgeo overlay: repaired 1 invalid geometry (bowtie.geojson: 1), dropped 1 feature (bowtie.geojson: 1)."
expect_eq "$(sum_area bt.gpkg intersection)" "1 0.500000" "bow-tie piece"
expect_eq "$(cat repairs.csv)" 'layer,feature,reason,action
bowtie.geojson,1,"Self-intersection at (351000, 3451000)",repaired
bowtie.geojson,2,no geometry,dropped' "repair report"
run overlay intersection bowtie.geojson b.geojson -o bt2.gpkg
expect_err_exact "zjgeo overlay: repaired 1 invalid geometry (bowtie.geojson: 1), dropped 1 feature (bowtie.geojson: 1). Details: --report FILE."

# --- roll-up: land use per feature of A (west half industrial, east half green)
run overlay rollup a.geojson landuse.geojson --by landuse --key name --area-crs EPSG:32651
expect_rc 0
expect_eq "$OUT" "scope,key,name,category,pieces,area_km2,share
feature,A,,green,1,2.000000,0.500000
feature,A,,industrial,1,2.000000,0.500000
feature,A,,(all),2,4.000000,1.000000" "rollup table"
run overlay rollup a.geojson landuse.geojson --by landuse --key name --summary lu.md
expect_rc 0
expect_file lu.md
head -1 lu.md | grep -q '^| scope | key | name | category | pieces | area_km2 | share |$' && ok || fail "markdown header: $(head -1 lu.md)"

# --- the plan: layouts overlay, parks × user layer, reach from the science facilities
run overlay layouts -o layouts.gpkg
expect_rc 0
expect_out_contains "layouts: 22 parks"
v=$(ogrinfo -q -sql "SELECT roles_zh, n_layouts FROM layouts_overlay WHERE id = 'zjsc'" layouts.gpkg | sed -n 's/^ *\(roles_zh\|n_layouts\) ([A-Za-z0-9]*) = //p' | tr '\n' '|')
expect_eq "$v" "集成电路·一核; 生物医药·1; 人工智能·4|3|" "zjsc roles"
v=$(ogrinfo -q -sql "SELECT count(*) AS c FROM layouts_overlay" layouts.gpkg | sed -n 's/.*c (Integer) = //p')
expect_eq "$v" "22" "layouts overlay feature count"

# parks × a user layer: per-park rows, then per layout role (the fixture lies in 漕河泾园, an IC "多点")
run overlay rollup @parks landuse.geojson --by landuse
expect_rc 0
echo "$OUT" | grep -q '^park,caohejing,漕河泾园,industrial,1,' && ok || fail "caohejing industrial row: $OUT"
echo "$OUT" | grep -q '^ic,points,多点,industrial,1,' && ok || fail "IC points role row: $OUT"
expect_eq "$(echo "$OUT" | grep -c ',(all),')" "$((22 + 3 + 3 + 2 + 4))" "one (all) row per park and per role"

# --parks FILE: the user's boundaries replace the embedded ones and the parks are A
ogr2ogr -where "id='caohejing'" -select id my_parks.geojson "$ZJGEO_SRC/layers/parks.geojson"
run overlay intersection --parks my_parks.geojson landuse.geojson -o user_parks.gpkg
expect_rc 0
expect_out_contains "intersection: 3 pieces from 22 × 2 features"
expect_err_contains "21 of 22 parks have no feature there and keep the embedded geometry"
run overlay intersection --park-key id a.geojson b.geojson -o pk.gpkg
expect_rc 2
expect_err_exact "zjgeo overlay: --park-key needs --parks FILE (the file of your park boundaries)."

run overlay reach --distance 2km -o near.gpkg --table near.csv
expect_rc 0
expect_out_contains "reach: "
expect_file near.gpkg
head -1 near.csv | grep -qx 'target,target_name,source,source_name,distance_m' && ok || fail "reach table header"
grep -q '^zjsc,张江科学城,ssrf,' near.csv && ok || fail "SSRF within 2 km of 张江科学城: $(cat near.csv)"

# --- bad input: exact messages, exit codes, nothing written
run overlay intersect a.geojson b.geojson -o x.gpkg
expect_rc 2
expect_err_exact "zjgeo overlay: unknown operation 'intersect'. Did you mean 'intersection'? Use one of: layouts, intersection, union, identity, difference, symdifference, clip, rollup, reach."
run overlay intersection a.geojson -o x.gpkg
expect_rc 2
expect_err_exact "zjgeo overlay: 'intersection' needs two layers A and B, got 1. Example: zjgeo overlay intersection @parks landuse.gpkg -o out.gpkg"
run overlay union a.geojson b.geojson
expect_rc 2
expect_err_exact "zjgeo overlay: 'union' needs -o OUTPUT."
run overlay intersection a.geojson b.geojson -o intersection.gpkg
expect_rc 2
expect_err_exact "zjgeo overlay: 'intersection.gpkg' exists. Use --overwrite to replace it."
run overlay rollup a.geojson landuse.geojson --by land_use
expect_rc 2
expect_err_exact "zjgeo overlay: field 'land_use' not found in 'landuse.geojson'. Available fields: landuse."
run overlay reach --distance 2mi
expect_rc 2
expect_err_exact "zjgeo overlay: --distance '2mi' is not a distance. Use e.g. 2km or 500m."
run overlay rollup a.geojson b.geojson --summary out.txt
expect_rc 2
expect_err_exact "zjgeo overlay: cannot tell the table format of 'out.txt'. Use a .csv, .md or .json file."
echo '{"type":"LineString","coordinates":[[121.4,31.1],[121.5,31.2]]}' > line.geojson
run overlay union line.geojson b.geojson -o lu.gpkg
expect_rc 2
expect_err_exact "zjgeo overlay: overlay: union needs polygon layers, but 'line.geojson' holds lines. Use intersection, identity or difference."
expect_no_file lu.gpkg
run overlay intersection a.geojson missing.gpkg -o y.gpkg
expect_rc 1
expect_err_contains "missing.gpkg"
expect_no_file y.gpkg
expect_no_staging .
finish
