# zjgeo layouts: table and JSON of the plan's four layouts.
. "$(dirname "$0")/lib.sh"

run layouts; expect_rc 0; expect_err_empty
expect_out_contains "一核两翼多点"
expect_out_contains "张江科学城 zjsc"
expect_out_contains "自贸保税园 ftz_bonded*"
expect_out_contains "* derived: "
run layouts --layout ic; expect_rc 0
expect_out_contains "wings   两翼  临港园 lingang, 嘉定园 jiading"
case "$OUT" in *biomed*) fail "--layout ic shows other layouts" ;; *) ok ;; esac

run layouts --format json; expect_rc 0
printf '%s\n' "$OUT" > layouts.json
check=$(python3 - layouts.json <<'PY'
import json, sys
a = json.load(open(sys.argv[1]))
assert [l["id"] for l in a] == ["ic", "biomed", "ai", "overall"], [l["id"] for l in a]
for l in a:
    for k in ["id", "name_zh", "name_en", "roles"]:
        assert k in l, k
    for r in l["roles"]:
        for k in ["id", "name_zh", "parks", "derived"]:
            assert k in r, k
roles = {(l["id"], r["id"]): (r["parks"], r["derived"]) for l in a for r in l["roles"]}
assert roles[("ic", "core")] == (["zjsc"], [])
assert roles[("ic", "wings")] == (["lingang", "jiading"], [])
assert roles[("ic", "points")] == (["jinqiao", "caohejing", "songjiang", "qingpu"], [])
assert roles[("biomed", "five")][0] == ["lingang", "fengxian", "minhang", "jinshan", "baoshan"]
assert roles[("ai", "four")][0] == ["zjsc", "lingang", "xuhui", "minhang"]
assert roles[("ai", "x")] == ([], ["caohejing"])
assert len(roles[("overall", "radiant")][0]) == 13 and len(roles[("overall", "clusters")][0]) == 7
print("ok")
PY
)
expect_eq "$check" "ok" "layouts JSON content"
run layouts --format json -o l.json; expect_rc 0; expect_file l.json
cmp -s l.json layouts.json && ok || fail "-o output differs from stdout"
run layouts --layout x; expect_rc 2; expect_err_contains "no layout 'x'. Layouts: ic, biomed, ai, overall"
run layouts --format csv; expect_rc 2
finish
