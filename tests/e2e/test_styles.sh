# zjgeo styles: QML and SLD well-formed with one rule per role, MapLibre JSON,
# all styles into a folder, and the default style embedded in a GeoPackage.
. "$(dirname "$0")/lib.sh"
D="$ZJGEO_TEST_DATA/render"

run styles --list; expect_rc 0
for s in ic biomed ai overall overlay districts facilities featured_parks choropleth cluster density; do
  expect_out_contains "$s	"
done

# Roles per layout, as the styles list them.
declare -A roles=([ic]=3 [biomed]=3 [ai]=2 [overall]=4)
for l in ic biomed ai overall; do
  run styles --layout $l --format qml -o $l.qml; expect_rc 0
  run styles --layout $l --format sld -o $l.sld; expect_rc 0
  xmllint --noout $l.qml && ok || fail "$l.qml is not well-formed"
  xmllint --noout $l.sld && ok || fail "$l.sld is not well-formed"
  n=$(xmllint --xpath 'count(//category[@value!=""])' $l.qml)
  expect_eq "$n" "${roles[$l]}" "$l.qml categories (one per role)"
  n=$(xmllint --xpath 'count(//*[local-name()="Rule"][.//*[local-name()="PropertyIsEqualTo"]])' $l.sld)
  expect_eq "$n" "${roles[$l]}" "$l.sld rules (one per role)"
  n=$(xmllint --xpath "count(//*[local-name()='Rule']/*[local-name()='ElseFilter'])" $l.sld)
  expect_eq "$n" "1" "$l.sld else rule"
done
grep -q 'label="一核 Core"' ic.qml && ok || fail "ic.qml Chinese/English label"
grep -q 'attr="role_ic"' ic.qml && ok || fail "ic.qml classifies role_ic"

# stdout, --field, MapLibre.
run styles --layout ai --format maplibre --field ai_role; expect_rc 0
echo "$OUT" > ai.json
python3 -c 'import json,sys; j=json.load(open("ai.json")); assert j["version"]==8; assert j["layers"][1]["paint"]["fill-color"][1][1]==["get","ai_role"]' \
  && ok || fail "MapLibre style"

# Everything into a folder.
run styles --layout all -o out/; expect_rc 0
for l in ic biomed ai overall overlay; do for e in qml sld json; do expect_file out/$l.$e; done; done
xmllint --noout out/overlay.qml out/overlay.sld && ok || fail "overlay QML/SLD well-formed"
run styles --layout all -o out/; expect_rc 2
expect_err_contains "exists. Use --overwrite to replace it."

# Embed in a GeoPackage.
ogr2ogr -f GPKG parks.gpkg "$D/parks.geojson" -nln parks 2>/dev/null
cp parks.gpkg parks-before.gpkg
run styles --embed parks.gpkg --layer parks --layout ic; expect_rc 0
expect_err_contains "now has default style 'ic'"
rows=$(ogrinfo -q parks.gpkg -sql "SELECT f_table_name, f_geometry_column, styleName, useAsDefault FROM layer_styles" | grep -c "useAsDefault (Integer(Boolean)) = 1")
expect_eq "$rows" "1" "one default layer_styles row"
ogrinfo -q parks.gpkg -sql "SELECT f_geometry_column FROM layer_styles" | grep -q "= geom" && ok || fail "geometry column recorded"
sqlite3 parks.gpkg "SELECT data_type FROM gpkg_contents WHERE table_name='layer_styles'" | grep -qx attributes \
  && ok || fail "layer_styles registered in gpkg_contents"
sqlite3 parks.gpkg "SELECT styleQML FROM layer_styles" > embedded.qml
xmllint --noout embedded.qml && ok || fail "embedded QML well-formed"
run styles --embed parks.gpkg --layer parks --layout biomed; expect_rc 0
expect_eq "$(sqlite3 parks.gpkg "SELECT styleName FROM layer_styles WHERE useAsDefault=1")" "biomed" "new default"
expect_eq "$(sqlite3 parks.gpkg "SELECT count(*) FROM layer_styles")" "2" "two styles kept"

# Errors.
run styles --embed parks.gpkg --layer nope --layout ic; expect_rc 2
expect_err_exact "zjgeo styles: styles: 'parks.gpkg' has no layer 'nope'. Layers: parks."
run styles --embed parks.gpkg --layout ic; expect_rc 2
expect_err_exact "zjgeo styles: styles: --embed needs --layer NAME, the GeoPackage layer to style."
run styles --layout ic --format svg; expect_rc 2
expect_err_exact "zjgeo styles: styles: unknown format 'svg'. Use qml, sld or maplibre."
run styles --style density --format qml; expect_rc 2
expect_err_contains "is a raster style"
run styles; expect_rc 2
expect_err_exact "zjgeo styles: styles: give one of --layout ID or --style NAME (or --list)."
finish
