# zjgeo parks: every format, the filters, CJK alignment and the data-honesty note.
. "$(dirname "$0")/lib.sh"

run parks; expect_rc 0; expect_err_empty
expect_out_contains "张江科学城"
expect_out_contains "22 of 22 parks. Geometry is schematic or approximate (not surveyed)"
# CJK alignment: the 'districts' column starts at the same display column on every row.
cols=$(printf '%s\n' "$OUT" | python3 -c '
import sys, unicodedata
w = lambda s: sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
lines = [l for l in sys.stdin.read().split("\n") if l.startswith(("zjsc ", "lingang ", "caohejing ", "chongming "))]
print(sorted({w(l[:l.index("浦东新区" if "浦东新区" in l else ("徐汇区" if "徐汇区" in l else "崇明区"))]) for l in lines}))')
expect_eq "$cols" "[24]" "districts column aligned by display width"

run parks --layout ic; expect_rc 0
expect_out_contains "7 of 22 parks"
expect_out_contains "两翼 wings"
run parks --layout ic --role wings --format csv; expect_rc 0
expect_eq "$(printf '%s\n' "$OUT" | cut -d, -f1 | tr '\n' ' ')" "id lingang jiading " "IC wings as CSV"
run parks --layout biomed --role x --format json; expect_rc 0
expect_eq "$(printf '%s' "$OUT" | python3 -c 'import json,sys; print(" ".join(p["id"] for p in json.load(sys.stdin)))')" \
  "ftz_bonded songjiang qingpu" "biomed X (derived) members"
run parks --industry ai --group radiant --format json; expect_rc 0
expect_eq "$(printf '%s' "$OUT" | python3 -c 'import json,sys; print(" ".join(p["id"] for p in json.load(sys.stdin)))')" \
  "caohejing xuhui minhang" "AI parks of the central radiant zone"
run parks --industry 集成电路 --format csv; expect_rc 0
expect_eq "$(printf '%s\n' "$OUT" | tail -n +2 | cut -d, -f1 | tr '\n' ' ')" "zjsc lingang ftz_bonded songjiang " \
  "parks whose plan words include 集成电路"

# JSON: the documented members and types.
run parks --format json; expect_rc 0
printf '%s' "$OUT" > parks.json
check=$(python3 - parks.json <<'PY'
import json, sys
a = json.load(open(sys.argv[1]))
assert len(a) == 22, len(a)
z = {p["id"]: p for p in a}
p = z["zjsc"]
for k in ["id", "name_zh", "name_en", "districts", "group", "industries", "industry_tags", "planned_area_km2",
          "area_km2", "geometry_quality", "roles"]:
    assert k in p, k
assert p["districts"] == [{"name_zh": "浦东新区", "code": "310115"}], p["districts"]
assert p["roles"] == {"ic": "core", "biomed": "one", "ai": "four", "overall": "city"}, p["roles"]
assert p["industries"] == "集成电路、生物医药、人工智能、在线新经济"
assert abs(p["area_km2"] - 94) < 9.4 and round(p["area_km2"], 3) == p["area_km2"]
assert z["lingang"]["planned_area_km2"] is None
assert z["caohejing"]["districts"][1]["code"] == "310112"
assert z["expo"]["roles"] == {"overall": "radiant"}
print("ok")
PY
)
expect_eq "$check" "ok" "parks JSON content"

# GeoJSON to stdout and to a file; CSV to a file; the overwrite rule.
run parks --format geojson; expect_rc 0
printf '%s' "$OUT" > stdout.geojson
expect_eq "$(python3 "$ZJGEO_TEST_DATA/model/rfc7946_check.py" stdout.geojson)" "" "RFC 7946 (stdout)"
run parks --layout ai -o ai.geojson; expect_rc 0; expect_file ai.geojson
expect_eq "$(ogrinfo -ro -al -so ai.geojson | grep 'Feature Count')" "Feature Count: 5" "AI parks as GeoJSON"
run parks -o parks.csv; expect_rc 0
expect_eq "$(head -1 parks.csv | cut -d, -f1-3)" "id,name_zh,name_en" "CSV header"
run parks -o parks.csv; expect_rc 2; expect_err_contains "exists. Use --overwrite"
run parks -o parks.csv --overwrite --group pole; expect_rc 0
expect_eq "$(wc -l < parks.csv)" "2" "overwritten CSV"
expect_no_staging .

# Usage errors.
run parks --role core; expect_rc 2
expect_err_exact "zjgeo parks: --role needs --layout ID (roles belong to a layout; see 'zjgeo layouts')."
run parks --layout it; expect_rc 2
expect_err_exact "zjgeo parks: plan: no layout 'it'. Layouts: ic, biomed, ai, overall (see 'zjgeo layouts')."
run parks --layout ic --role hub; expect_rc 2
expect_err_exact "zjgeo parks: plan: layout 'ic' has no role 'hub'. Its roles: core (一核), wings (两翼), points (多点)."
run parks --industry quantum; expect_rc 2; expect_err_contains "no park has industry 'quantum'. Tags: "
run parks --group suburbs; expect_rc 2
run parks --format xml; expect_rc 2
run parks -o parks.gpkg; expect_rc 2; expect_err_contains "use 'zjgeo export'"
run parks --park-key id; expect_rc 2
expect_err_exact "zjgeo parks: --park-key needs --parks FILE (the file of your park boundaries)."
finish
