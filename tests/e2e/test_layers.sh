# The embedded layers as a user meets them: RFC 7946 files, and user boundaries
# substituted with --parks (a GBK Shapefile keyed by Chinese names, a GCJ-02 file).
. "$(dirname "$0")/lib.sh"
L="$ZJGEO_DATA_DIR/layers"
for f in parks featured_parks facilities districts; do
  expect_eq "$(python3 "$ZJGEO_TEST_DATA/model/rfc7946_check.py" "$L/$f.geojson")" "" "RFC 7946 of layers/$f.geojson"
done
jsonq() { python3 -c "import json,sys; a=json.load(open(sys.argv[1])); $1" "$2"; }

# --- A GBK Shapefile whose key field is Chinese (名称), without a .cpg, as older Chinese GIS software writes it.
run export --layout ic --members-only -o ic.gpkg; expect_rc 0
ogr2ogr -f "ESRI Shapefile" gbk.shp ic.gpkg -sql 'SELECT geom, name_zh AS "名称" FROM layout_ic' -nln gbk -lco ENCODING=CP936 2>/dev/null \
  || fail "ogr2ogr could not write the GBK fixture"
rm -f gbk.cpg
python3 -c "import sys; d=open('gbk.dbf','rb').read(); sys.exit(0 if '张江科学城'.encode('gbk') in d else 1)" \
  && ok || fail "gbk.dbf does not hold GBK-encoded names"
run parks --parks gbk.shp --park-key 名称 --parks-encoding GBK --format json; expect_rc 0
printf '%s' "$OUT" > gbk.json
expect_eq "$(jsonq 'print(sorted(p["id"] for p in a if p["geometry_quality"]=="user"))' gbk.json)" \
  "['caohejing', 'jiading', 'jinqiao', 'lingang', 'qingpu', 'songjiang', 'zjsc']" "parks matched from the GBK Shapefile"
expect_err_contains "15 of 22 parks have no feature there and keep the embedded geometry: ftz_bonded, expo,"
# The same file read without the code page: the Chinese field name is garbled, and the message says what to try.
run parks --parks gbk.shp --park-key 名称 --format json; expect_rc 2
expect_err_contains "has no field '名称' (--park-key)"
expect_err_contains "--parks-encoding (e.g. GBK)"

# --- A GCJ-02 file (web-map coordinates, e.g. traced over AMap), keyed by park id.
run export --layer parks -o wgs.gpkg; expect_rc 0
run export --layer parks -o gcj.gpkg --dst-crs gcj02; expect_rc 0
ext() { ogrinfo -ro -so "$1" parks | sed -n 's/^Extent: (\([0-9.]*\),.*/\1/p'; }
shift_deg=$(python3 -c "print(round(abs(float('$(ext gcj.gpkg)') - float('$(ext wgs.gpkg)')), 4))")
python3 -c "import sys; sys.exit(0 if 0.002 < $shift_deg < 0.01 else 1)" && ok || fail "gcj.gpkg is not offset (shift $shift_deg deg)"
run export --parks gcj.gpkg --park-key id --parks-crs gcj02 -o back.geojson; expect_rc 0; expect_err_empty
run export -o embedded.geojson; expect_rc 0
# Back in WGS84 the user geometry coincides with the embedded one (GCJ-02 inverse error < 1 m).
cmp_out=$(python3 - back.geojson embedded.geojson <<'PY'
import json, sys
def cent(path):
    out = {}
    for f in json.load(open(path))["features"]:
        g = f["geometry"]
        polys = g["coordinates"] if g["type"] == "MultiPolygon" else [g["coordinates"]]
        pts = [p for poly in polys for p in poly[0]]
        # Bounding box corners: GCJ-02 edges are densified, so vertices differ but the extent does not.
        out[f["properties"]["id"]] = (min(p[0] for p in pts), min(p[1] for p in pts),
                                      f["properties"]["geometry_quality"], f["properties"]["area_km2"])
    return out
a, b = cent(sys.argv[1]), cent(sys.argv[2])
bad = [k for k in b if abs(a[k][0] - b[k][0]) > 2e-5 or abs(a[k][1] - b[k][1]) > 2e-5
       or a[k][2] != "user" or abs(a[k][3] - b[k][3]) > 0.005 * b[k][3]]
print("ok" if len(a) == 22 and not bad else f"differ: {bad}")
PY
)
expect_eq "$cmp_out" "ok" "GCJ-02 boundaries read back with --parks-crs gcj02"
# Without --parks-crs the offset stays in: about 500 m east/north of the embedded geometry.
run export --parks gcj.gpkg --park-key id -o shifted.geojson; expect_rc 0
d=$(python3 - shifted.geojson embedded.geojson <<'PY'
import json, sys
def c(path):
    f = [f for f in json.load(open(path))["features"] if f["properties"]["id"] == "zjsc"][0]
    g = f["geometry"]
    polys = g["coordinates"] if g["type"] == "MultiPolygon" else [g["coordinates"]]
    pts = [p for poly in polys for p in poly[0]]
    return min(p[0] for p in pts)
print(round(abs(c(sys.argv[1]) - c(sys.argv[2])), 3))
PY
)
python3 -c "import sys; sys.exit(0 if 0.002 <= $d <= 0.01 else 1)" && ok || fail "expected a GCJ-02 offset without --parks-crs, got $d deg"

# Errors name the file and the field.
run parks --parks gcj.gpkg --park-key name; expect_rc 2
expect_err_contains "zjgeo parks: parks: 'gcj.gpkg' has no field 'name' (--park-key). Fields: id, name_zh,"
run parks --parks missing.shp; expect_rc 1
expect_err_exact "zjgeo parks: read: 'missing.shp': no such file. Check the path."
finish
