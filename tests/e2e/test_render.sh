# zjgeo render: PNG/SVG/PDF from a map file and from the shortcuts, size and
# content checks, Chinese labels in the SVG and the labels list, determinism,
# overwrite rule and usage errors.
. "$(dirname "$0")/lib.sh"
D="$ZJGEO_TEST_DATA/render"

png_size() { file "$1" | sed -n 's/.*PNG image data, \([0-9]*\) x \([0-9]*\).*/\1x\2/p'; }

# A map file to the three formats.
run render "$D/ic-small.map.json" -o ic.png --labels-out ic.json; expect_rc 0
expect_err_contains "render: wrote ic.png (900x640 px"
expect_file ic.png
expect_eq "$(png_size ic.png)" "900x640" "PNG size"
run render "$D/ic-small.map.json" -o ic.svg; expect_rc 0
run render "$D/ic-small.map.json" -o ic.pdf; expect_rc 0
expect_no_staging .
xmllint --noout ic.svg 2>/dev/null && ok || fail "ic.svg is not well-formed XML"
# Chinese labels and legend entries as text in the SVG and in the labels list.
for name in 张江科学城 临港园 漕河泾园 闵行园 金桥园 奉贤园; do
  grep -q "<text class=\"label\"[^>]*>$name</text>" ic.svg && ok || fail "SVG lacks label $name"
  grep -q "\"text\": \"$name\"" ic.json && ok || fail "labels list lacks $name"
done
for entry in "一核 Core" "两翼 Wings" "多点 Points" "其他园区 Other parks" "图例 Legend"; do
  grep -q "<text class=\"legend\"[^>]*>$entry</text>" ic.svg && ok || fail "SVG legend lacks '$entry'"
done
grep -q '<title>集成电路产业空间布局（测试图） Integrated circuits layout (test map)</title>' ic.svg && ok || fail "SVG title"
pdfinfo ic.pdf >pdfinfo.txt 2>&1 && ok || fail "pdfinfo cannot read ic.pdf"
grep -q "Title: *集成电路产业空间布局" pdfinfo.txt && ok || fail "PDF title metadata"
grep -q "Page size: *589.091 x 418.909 pts" pdfinfo.txt && ok || fail "PDF page size: $(grep 'Page size' pdfinfo.txt)"
pdftotext ic.pdf - | grep -q 张江科学城 && ok || fail "PDF text lacks 张江科学城"
# Deterministic: same input, same bytes.
for f in png svg pdf; do
  run render "$D/ic-small.map.json" -o again.$f; expect_rc 0
  cmp -s ic.$f again.$f && ok || fail "$f output differs between two identical runs"
done

# Size and resolution options; mm sizes.
run render "$D/ic-small.map.json" -o small.png --width 600 --height 400; expect_rc 0
expect_eq "$(png_size small.png)" "600x400" "--width/--height px"
run render "$D/ic-small.map.json" -o a4.png --width 297mm --height 210mm --dpi 100; expect_rc 0
expect_eq "$(png_size a4.png)" "1169x827" "A4 at 100 dpi"

# Overlay, cluster/density and user layers from files.
run render "$D/overlay-small.map.json" -o overlay.svg; expect_rc 0
grep -q '<text class="legend"[^>]*>多种角色：条纹交替 Several roles: stripes</text>' overlay.svg && ok || fail "overlay legend"
run render --no-basemap --density "$D/density.tif" --cluster "$D/clusters.geojson" --layer "$D/districts.geojson" \
    --layer-style districts -o density.png --width 500 --height 360 --dpi 72; expect_rc 0
expect_eq "$(png_size density.png)" "500x360" "density map size"
run render --no-basemap --choropleth "$D/parks.geojson" --field enterprises --classes 4 --layer "$D/districts.geojson" \
    --layer-style districts -o choro.svg --labels-out choro.json; expect_rc 0
grep -q '"统计专题图：enterprises"\|"title": "统计专题图：enterprises' choro.json && ok || fail "choropleth title"
grep -c '<text class="legend"[^>]*>[0-9.]* – [0-9.]*</text>' choro.svg | grep -qx 4 && ok || fail "choropleth legend has 4 classes"

# The embedded data (needs the plan model and layers/).
if [ -f "$ZJGEO_SRC/layers/parks.geojson" ]; then
  for l in ic biomed ai overall all; do
    run render --layout $l -o layout-$l.png --labels-out layout-$l.json; expect_rc 0
    expect_eq "$(png_size layout-$l.png)" "1754x1240" "default A4 at 150 dpi ($l)"
    grep -q '"text": "张江科学城"' layout-$l.json && ok || fail "$l map lacks the 张江科学城 label"
  done
  run render --overlay -o overlay.pdf; expect_rc 0
  expect_file overlay.pdf
  run render --layout ic -o layout-ic.svg; expect_rc 0
  grep -q '<text class="note"[^>]*>[^<]*园区边界为示意性/近似范围，非测绘成果' layout-ic.svg && ok || fail "ic map lacks the schematic note"

  # Every block of a multi-part park is named (临港园 has three blocks).
  expect_eq "$(grep -c '"text": "临港园"' layout-ic.json)" "3" "labels of the three 临港园 blocks"
  # A statistics layer joined to the parks carries geometry_quality: the note still warns.
  run export --layer parks -o parks-stats.geojson; expect_rc 0
  run render --choropleth parks-stats.geojson --field area_km2 -o choro-real.svg; expect_rc 0
  grep -q '<text class="note"[^>]*>[^<]*园区边界为示意性/近似范围' choro-real.svg && ok || fail "choropleth of the parks lacks the schematic note"

  # --parks: the user's boundaries replace the embedded ones, reported as in 'zjgeo parks'.
  U="$D/user_parks.geojson"
  run render --layout ic --parks "$U" --park-key park -o user-ic.svg --labels-out user-ic.json; expect_rc 0
  expect_err_contains "parks: '$U': 20 of 22 parks have no feature there and keep the embedded geometry: "
  grep -q '<text class="note"[^>]*>[^<]*2 个园区边界取自用户文件 user_parks.geojson，其余 20 个为示意性' user-ic.svg \
    && ok || fail "note does not name the user's boundaries"
  # 张江科学城's label moves to the centre of the user's square (121.56E 31.16N), so the geometry is the user's.
  zj_x() { python3 -c "import json,sys; l=[l for l in json.load(open(sys.argv[1]))['labels'] if l['text']=='张江科学城'][0]; print(round(l['x']+l['w']/2))" "$1"; }
  [ "$(zj_x user-ic.json)" != "$(zj_x layout-ic.json)" ] && ok || fail "--parks did not change 张江科学城's geometry"
  # Every park from the user's file: no schematic note left.
  run export --layer parks -o all-parks.geojson; expect_rc 0
  run render --layout overall --parks all-parks.geojson --park-key id -o all-user.svg; expect_rc 0; expect_err_contains "render: wrote"
  grep -q '园区边界取自用户文件 all-parks.geojson。Park boundaries from the user' all-user.svg && ok || fail "all-user note"
  grep -q '示意性/近似范围' all-user.svg && fail "all-user map still calls the boundaries schematic" || ok
  # Errors and a map without the plan's parks.
  run render --layout ic --park-key id -o x.png; expect_rc 2
  expect_err_exact "zjgeo render: --park-key needs --parks FILE (the file of your park boundaries)."
  run render --layout ic --parks missing.geojson -o x.png; expect_rc 1
  expect_err_contains "missing.geojson"
  expect_no_file x.png
  run render "$D/ic-small.map.json" --parks "$U" -o nouse.png; expect_rc 0
  expect_err_contains "render: warning: the map draws no plan parks (source \"parks\"); --parks '$U' is not used."
fi

# Many cluster ids share the 8 ramp colours: one legend entry per colour, listing its ids.
python3 - > many-clusters.geojson <<'PY'
import json
fs = [{"type": "Feature", "properties": {"cluster": i}, "geometry": {"type": "Point", "coordinates": [121.3 + i * 0.02, 31.2]}}
      for i in range(1, 21)]
fs.append({"type": "Feature", "properties": {"cluster": None}, "geometry": {"type": "Point", "coordinates": [121.5, 31.3]}})
print(json.dumps({"type": "FeatureCollection", "features": fs}))
PY
run render --no-basemap --cluster many-clusters.geojson -o many.png --labels-out many.json; expect_rc 0
legend=$(python3 -c "import json; print('|'.join(json.load(open('many.json'))['legend']))")
case "$legend" in *"|聚类 1, 9, 17|聚类 2, 10, 18|"*"|聚类 8, 16|噪声点 Noise"*) ok ;; *) fail "cluster legend: $legend" ;; esac
expect_eq "$(python3 -c "import json; print(sum(e.startswith('聚类 ') and e[3:4].isdigit() for e in json.load(open('many.json'))['legend']))")" "8" "one cluster entry per colour"

# Overwrite rule, bad options, bad inputs.
run render "$D/ic-small.map.json" -o ic.png; expect_rc 2
expect_err_exact "zjgeo render: write: output 'ic.png' exists. Use --overwrite to replace it, or choose another name."
run render "$D/ic-small.map.json" -o ic.png --overwrite -q; expect_rc 0; expect_err_empty
run render -o x.png; expect_rc 2
expect_err_exact "zjgeo render: render: nothing to draw. Give a MAPFILE or --layout, --overlay, --choropleth, --cluster, --density or --layer."
run render --layout nano -o x.png; expect_rc 2
expect_err_exact "zjgeo render: render: unknown layout 'nano'. Use ic, biomed, ai, overall or all."
run render "$D/ic-small.map.json" -o x.jpg; expect_rc 2
expect_err_contains "cannot tell the format of 'x.jpg' from its extension"
run render --choropleth "$D/parks.geojson" -o x.png; expect_rc 2
expect_err_contains "--choropleth needs --field"
run render --layer "$D/parks.geojson" --layer-style choropleth -o x.png --no-basemap; expect_rc 2
expect_err_contains "has no field 'value' for style 'choropleth'"
echo '{"layers": []}' > bad.map.json
run render bad.map.json -o x.png; expect_rc 1
expect_err_contains "render: 'bad.map.json': \"layers\" must be a non-empty array"
expect_no_file x.png
expect_no_staging .
finish
