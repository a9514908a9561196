# zjgeo export: layouts and embedded layers to GeoJSON (RFC 7946), GeoPackage,
# Shapefile and FlatGeobuf; --all into one GeoPackage; --members-only; errors.
. "$(dirname "$0")/lib.sh"
rfc() { python3 "$ZJGEO_TEST_DATA/model/rfc7946_check.py" "$1"; }
count() { ogrinfo -ro -so "$1" "$2" | sed -n 's/^Feature Count: //p'; }

# One GeoJSON per layout (the main job's files).
for l in ic biomed ai overall; do
  run export --layout "$l" -o "zj-$l.geojson"; expect_rc 0; expect_err_empty
  expect_file "zj-$l.geojson"
  expect_eq "$(rfc "zj-$l.geojson")" "" "RFC 7946 of zj-$l.geojson"
  grep -q '"crs"' "zj-$l.geojson" && fail "zj-$l.geojson has a crs member" || ok
  expect_eq "$(count "zj-$l.geojson" "layout_$l")" "22" "features of zj-$l.geojson"
done
# Attributes as ogrinfo reads them.
info=$(ogrinfo -ro -q zj-ic.geojson layout_ic -where "id = 'jiading'")
case "$info" in *"role_id (String) = wings"*) ok ;; *) fail "jiading is not tagged wings: $info" ;; esac
case "$info" in *"role_zh (String) = 两翼"*) ok ;; *) fail "role_zh missing" ;; esac
case "$info" in *"derived (Integer"*") = 0"*) ok ;; *) fail "derived flag missing: $info" ;; esac
info=$(ogrinfo -ro -q zj-biomed.geojson layout_biomed -where "id = 'qingpu'")
case "$info" in *"derived (Integer"*") = 1"*) ok ;; *) fail "qingpu is not derived in biomed" ;; esac
info=$(ogrinfo -ro -q zj-ic.geojson layout_ic -where "id = 'expo'")
case "$info" in *"role_id (String) = (null)"*) ok ;; *) fail "expo should have a null IC role: $info" ;; esac

# --members-only, all-layouts attributes, Shapefile and FlatGeobuf.
run export --layout ic --members-only -o ic.shp; expect_rc 0
expect_eq "$(count ic.shp ic)" "7" "IC members in the Shapefile"
expect_eq "$(cat ic.cpg)" "UTF-8" "Shapefile code page"
run export -o parks.fgb; expect_rc 0
expect_eq "$(count parks.fgb parks)" "22" "parks in FlatGeobuf"
info=$(ogrinfo -ro -q parks.fgb parks -where "id = 'lingang'")
for a in "role_ic (String) = wings" "role_biomed (String) = five" "role_ai (String) = four" "role_overall (String) = pole" "n_layouts (Integer64) = 4"; do
  case "$info" in *"$a"*) ok ;; *) fail "parks.fgb lingang lacks '$a'" ;; esac
done
run export --members-only --layer parks -o members.geojson; expect_rc 0
expect_eq "$(count members.geojson parks)" "22" "every park holds a role in the overall layout"
run export --layer facilities -o facilities.geojson; expect_rc 0
expect_eq "$(rfc facilities.geojson)" "" "RFC 7946 of facilities"
run export --layer districts -o districts.gpkg --dst-crs cgcs2000; expect_rc 0
case "$(ogrinfo -ro -so districts.gpkg districts)" in *'ID["EPSG",4490]'*) ok ;; *) fail "districts.gpkg is not in CGCS2000" ;; esac

# Everything into one GeoPackage.
run export --all -o zjgeo-layers.gpkg; expect_rc 0; expect_err_empty
layers=$(ogrinfo -ro -so zjgeo-layers.gpkg | sed -n 's/^[0-9]*: \([a-z_]*\) .*/\1/p' | tr '\n' ' ')
expect_eq "$layers" "layout_ic layout_biomed layout_ai layout_overall parks featured_parks facilities districts layer_styles " "GeoPackage layers (and the styles table)"
expect_eq "$(count zjgeo-layers.gpkg districts)" "16" "districts in the GeoPackage"
expect_eq "$(count zjgeo-layers.gpkg layout_ai)" "22" "layout_ai in the GeoPackage"

# Every layer of the GeoPackage carries its map style as the default (layer_styles, as QGIS reads it).
sql() { ogrinfo -ro -q zjgeo-layers.gpkg -sql "$1" | sed -n 's/^  v ([A-Za-z]*) = //p' | tr '\n' ' '; }
expect_eq "$(sql "SELECT f_table_name || ':' || styleName AS v FROM layer_styles WHERE useAsDefault = 1 ORDER BY f_table_name")" \
  "districts:districts facilities:facilities featured_parks:featured_parks layout_ai:ai layout_biomed:biomed layout_ic:ic layout_overall:overall parks:overlay " \
  "one default style per layer"
expect_eq "$(sql "SELECT styleName AS v FROM layer_styles WHERE f_table_name = 'parks' AND useAsDefault = 0 ORDER BY styleName")" \
  "ai biomed ic overall " "the layout styles stored beside the parks' overlay"
expect_eq "$(sql "SELECT count(*) AS v FROM layer_styles WHERE useAsDefault = 1 AND f_geometry_column = 'geom'")" "8 " "geometry column"
# The stored documents (multi-line text), read with SQLite.
doc() { python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('SELECT '+sys.argv[3]+' FROM layer_styles WHERE f_table_name = ? AND useAsDefault = 1', (sys.argv[2],)).fetchone()[0])" zjgeo-layers.gpkg "$1" "$2"; }
qml() { doc "$1" styleQML; }
sld() { doc "$1" styleSLD; }
for l in layout_ic layout_biomed layout_ai layout_overall parks featured_parks facilities districts; do
  qml "$l" > "$l.qml"
  xmllint --noout "$l.qml" 2>/dev/null && ok || fail "QML stored for $l is not well-formed XML"
  sld "$l" > "$l.sld"
  xmllint --noout "$l.sld" 2>/dev/null && ok || fail "SLD stored for $l is not well-formed XML"
done
# The QML classifies the field the layer has: role_id in a layout layer, role_<layout> in parks.
grep -q 'renderer-v2 type="categorizedSymbol" attr="role_id"' layout_ic.qml && ok || fail "layout_ic QML does not classify role_id"
for v in core wings points; do
  grep -q "<category [^>]*value=\"$v\"" layout_ic.qml && ok || fail "layout_ic QML lacks role $v"
done
grep -q 'attr="role_id"' layout_overall.qml && ok || fail "layout_overall QML does not classify role_id"
for f in role_ic role_biomed role_ai; do
  grep -q "filter=\"&quot;$f&quot; = " parks.qml && ok || fail "parks overlay QML has no rule on $f"
done
grep -q '<ogc:PropertyName>role_id</ogc:PropertyName>' layout_biomed.sld && ok || fail "layout_biomed SLD filters on role_id"
# Point layers get marker symbols, polygons fill symbols.
grep -q 'type="marker"' featured_parks.qml && ok || fail "featured_parks QML is not a marker symbol"
grep -q 'type="marker"' facilities.qml && ok || fail "facilities QML is not a marker symbol"
grep -q 'type="fill"' districts.qml && ok || fail "districts QML is not a fill symbol"
# Single layers to .gpkg are styled too; --no-styles leaves the table out; GeoJSON has no styles.
run export --layout biomed -o biomed.gpkg; expect_rc 0; expect_err_empty
expect_eq "$(ogrinfo -ro -q biomed.gpkg -sql "SELECT styleName || ',' || useAsDefault AS v FROM layer_styles WHERE f_table_name = 'layout_biomed'" | sed -n 's/^  v ([A-Za-z]*) = //p')" "biomed,1" "biomed.gpkg style"
run export --layout ai -o ai-plain.gpkg --no-styles; expect_rc 0
case "$(ogrinfo -ro -so ai-plain.gpkg)" in *layer_styles*) fail "--no-styles wrote layer_styles" ;; *) ok ;; esac
expect_no_staging .

# The overwrite rule, staging and usage errors.
run export --all -o zjgeo-layers.gpkg; expect_rc 2
expect_err_contains "exists. Use --overwrite"
run export --all -o zjgeo-layers.gpkg --overwrite; expect_rc 0
run export --all -o all.geojson; expect_rc 2
expect_err_contains "--all writes several layers; GeoJSON holds one"
expect_no_file all.geojson
run export --layout ic --layer parks -o x.gpkg; expect_rc 2
expect_err_exact "zjgeo export: export: --layout, --layer and --all exclude each other. Give one of them."
run export --layout icc -o x.gpkg; expect_rc 2; expect_err_contains "no layout 'icc'"
expect_no_file x.gpkg
run export --layer roads -o x.gpkg; expect_rc 2
expect_err_exact "zjgeo export: plan: no embedded layer 'roads'. Layers: parks, featured_parks, facilities, districts."
run export --layout ic; expect_rc 2; expect_err_contains "no output"
run export --layout ic -o ic.geojson --dst-crs shanghai-tm; expect_rc 2; expect_err_contains "GeoJSON is WGS84"
run export --layout ic -o nodir/ic.geojson; expect_rc 1; expect_err_contains "does not exist"
expect_no_staging .
finish
