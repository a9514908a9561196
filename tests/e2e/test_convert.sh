# zjgeo convert, checked with GDAL's own ogrinfo: formats, attributes (Chinese
# text), CRS, the GCJ-02/BD-09 shifts, a GBK Shapefile in, UTF-8 out, --make-valid.
. "$(dirname "$0")/lib.sh"
need_tool ogrinfo ogr2ogr
D=$ZJGEO_TEST_DATA/foundation
cp "$D/parks.geojson" "$D/selfx.geojson" .

# ogr_count FILE [LAYER]: feature count as ogrinfo reports it
ogr_count() { ogrinfo -ro -so -al "$@" 2>/dev/null | sed -n 's/^Feature Count: //p' | head -1; }
# ogr_values FILE FIELD: the field's values, one per line, as ogrinfo prints them
ogr_values() { ogrinfo -ro -al -q "$1" 2>/dev/null | sed -n "s/^  $2 ([^)]*) = //p"; }
ogr_epsg() { ogrinfo -ro -so -al "$1" 2>/dev/null | grep -o 'ID\["EPSG",[0-9]*\]\]$' | tail -1; }

# GeoJSON -> GeoPackage -> FlatGeobuf -> GeoJSON keeps count, attributes and CRS
run convert parks.geojson parks.gpkg; expect_rc 0; expect_err_empty; expect_file parks.gpkg
expect_eq "$(ogr_count parks.gpkg)" 3 "gpkg feature count"
expect_eq "$(ogr_values parks.gpkg name | head -2 | tr '\n' '|')" "张江科学城|金桥园|" "gpkg names"
expect_eq "$(ogr_values parks.gpkg area_km2 | head -2 | tr '\n' '|')" "94|27.38|" "gpkg areas"
expect_eq "$(ogr_epsg parks.gpkg)" 'ID["EPSG",4326]]' "gpkg CRS"
run convert parks.gpkg parks.fgb; expect_rc 0; expect_eq "$(ogr_count parks.fgb)" 3 "fgb count"
run convert parks.fgb back.geojson; expect_rc 0
# (FlatGeobuf stores features in spatial-index order: compare sorted)
expect_eq "$(ogr_values back.geojson name | sort | tr '\n' '|')" "$(printf '%s\n' 张江科学城 金桥园 'Headquarters "A", 办公楼' | sort | tr '\n' '|')" "round-trip names"
expect_eq "$(ogr_values back.geojson rank | sort | tr '\n' '|')" "1|2|3|" "round-trip integers"
expect_eq "$(ogr_values back.geojson area_km2 | grep -c '(null)')" "1" "null stays null"
expect_no_staging .

# GeoJSON output: RFC 7946, 7 decimals at most
run convert --overwrite parks.gpkg back.geojson; expect_rc 0
if grep -Eq '[0-9]\.[0-9]{8,}' back.geojson; then fail "more than 7 decimals in GeoJSON"; else ok; fi

# WGS84 -> UTM 51N (GeoPackage), the point agrees with cs2cs:
#   echo "121.5905 31.2036" | cs2cs -f %.4f +proj=longlat +datum=WGS84 +to +proj=utm +zone=51 +datum=WGS84
#   -> 365721.0045 3453022.0845
run convert --dst-crs utm51n parks.geojson utm.gpkg; expect_rc 0
expect_eq "$(ogr_epsg utm.gpkg)" 'ID["EPSG",32651]]' "utm CRS"
pt=$(ogrinfo -ro -al -q utm.gpkg | grep -o 'POINT ([0-9. ]*)' | sed -E 's/([0-9]+\.[0-9]{3})[0-9]*/\1/g')
expect_eq "$pt" "POINT (365721.004 3453022.084)" "utm point (mm)"

# GCJ-02 -> WGS84 moves the known point by the expected offset (-0.004205 lon, +0.0022113 lat)
run convert --src-crs gcj02 parks.geojson fromgcj.geojson; expect_rc 0
pt=$(ogrinfo -ro -al -q fromgcj.geojson | grep -o 'POINT ([0-9. ]*)')
expect_eq "$pt" "POINT (121.586295 31.2058113)" "gcj02 -> wgs84 point"
# and back: wgs84 -> gcj02 returns the original coordinates to 1e-7
run convert --dst-crs gcj02 fromgcj.geojson togcj.geojson; expect_rc 0
pt=$(ogrinfo -ro -al -q togcj.geojson | grep -o 'POINT ([0-9. ]*)')
expect_eq "$pt" "POINT (121.5905 31.2036)" "wgs84 -> gcj02 point"
# edges were densified (~1 km): the 0.1 x 0.07 degree rectangle gets many vertices
nv=$(ogrinfo -ro -al -q fromgcj.geojson -fid 0 | grep -o 'POLYGON ((.*))' | tr ',' '\n' | wc -l)
[ "$nv" -ge 30 ] && ok || fail "expected a densified ring (>= 30 vertices), got $nv"
# BD-09 output
run convert --dst-crs bd09 parks.geojson bd.geojson; expect_rc 0
pt=$(ogrinfo -ro -al -q bd.geojson | grep -o 'POINT ([0-9. ]*)')
# = gcj02_to_bd09(121.5947019, 31.2013859): roughly +0.0065, +0.006 on top of GCJ-02
expect_eq "$pt" "POINT (121.6012262 31.2072973)" "wgs84 -> bd09 point"

# A GBK Shapefile without .cpg (as many Chinese files come): --encoding GBK reads it right;
# Shapefile output is UTF-8 with a .cpg
ogr2ogr -where "code <> 'hq'" -lco ENCODING=CP936 gbk.shp parks.geojson && rm -f gbk.cpg
run convert --encoding GBK gbk.shp gbk_utf8.geojson; expect_rc 0
expect_eq "$(ogr_values gbk_utf8.geojson name | tr '\n' '|')" "张江科学城|金桥园|" "GBK names decoded"
run convert --encoding GBK --dst-crs cgcs2000 gbk.shp utf8.shp; expect_rc 0
expect_eq "$(cat utf8.cpg)" "UTF-8" "cpg of Shapefile output"
expect_eq "$(ogr_values utf8.shp name | tr '\n' '|')" "张江科学城|金桥园|" "UTF-8 Shapefile names"
expect_eq "$(ogr_epsg utf8.shp)" 'ID["EPSG",4490]]' "cgcs2000 CRS"
run info utf8.shp; expect_rc 0; expect_out_contains "CRS:       EPSG:4490 (China Geodetic Coordinate System 2000)"

# --make-valid repairs and reports; the result is valid
run convert --make-valid selfx.geojson fixed.gpkg; expect_rc 0
expect_err_exact "zjgeo convert: repaired 1 geometry"
expect_eq "$(ogr_count fixed.gpkg)" 2 "repaired feature count"
run info fixed.gpkg; expect_rc 0; expect_out_contains "Validity:  all geometries valid"

# --bbox and -l; several layers into a GeoPackage, one of them to GeoJSON
run convert --bbox 121.57,31.245,121.7,31.35 parks.geojson north.geojson; expect_rc 0
expect_eq "$(ogr_values north.geojson code | tr '\n' '|')" "jqgk|" "bbox selection"
run convert --nln fixed parks.geojson multi.gpkg; expect_rc 0
ogr2ogr -append -nln selfx multi.gpkg selfx.geojson
run convert multi.gpkg all.gpkg; expect_rc 1   # the bow-tie in layer selfx
expect_no_file all.gpkg
run convert --make-valid multi.gpkg all.gpkg; expect_rc 0
expect_eq "$(ogrinfo -ro all.gpkg | grep -c '^[0-9]*: ')" 2 "both layers converted"
run convert multi.gpkg one.geojson; expect_rc 2
expect_err_exact "zjgeo convert: 'multi.gpkg' has 2 layers (fixed, selfx) but GeoJSON holds one. Choose one with -l."
run convert -l fixed multi.gpkg one.geojson; expect_rc 0; expect_eq "$(ogr_count one.geojson)" 3 "-l layer"
run convert -l nope multi.gpkg two.geojson; expect_rc 2
expect_err_exact "zjgeo convert: read: 'multi.gpkg' has no layer 'nope'. Layers: fixed, selfx."

# --overwrite replaces; CSV out has WKT
run convert --overwrite parks.geojson one.geojson; expect_rc 0; expect_eq "$(ogr_count one.geojson)" 3 "overwritten"
run convert parks.geojson parks.csv; expect_rc 0
expect_eq "$(head -1 parks.csv)" "WKT,code,name,area_km2,rank" "CSV header"
expect_no_staging .
finish
