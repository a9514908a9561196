# zjgeo export: layouts and embedded layers to GeoJSON (RFC 7946), GeoPackage,
# Shapefile and FlatGeobuf; --all into one GeoPackage; --members-only; errors.
. "$(dirname "$0")/lib.sh"
[ -f "$ZJGEO_DATA_DIR/layers/parks.geojson" ] || { echo "SKIP: layers/parks.geojson not present"; exit 77; }
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
expect_eq "$layers" "layout_ic layout_biomed layout_ai layout_overall parks featured_parks facilities districts " "GeoPackage layers"
expect_eq "$(count zjgeo-layers.gpkg districts)" "16" "districts in the GeoPackage"
expect_eq "$(count zjgeo-layers.gpkg layout_ai)" "22" "layout_ai in the GeoPackage"

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
