# zjgeo simulate: deterministic output for a seed (golden file), labelled
# synthetic on every row, points inside the region, vector output, overwrite rule.
. "$(dirname "$0")/lib.sh"
D="$ZJGEO_TEST_DATA/stats"
fixture=(--parks "$D/parks.geojson" --region "$D/region.geojson")

run simulate -n 12 --seed 7 --park-share 0.5 -o g.csv -q "${fixture[@]}"
expect_rc 0
expect_eq "$(cat g.csv)" "$(cat "$D/simulate_n12_seed7.csv")" "simulate -n 12 --seed 7 golden"

run simulate -n 2000 --seed 3 -o a.csv "${fixture[@]}"
expect_rc 0
expect_err_contains "wrote 2000 synthetic enterprises (seed 3)"
n=$(tail -n +2 a.csv | grep -c ',synthetic (zjgeo simulate seed=3)$')
expect_eq "$n" "2000" "every row labelled synthetic"
# all points inside the region box; half of them generated in the parks
awk -F, 'NR>1 && ($3<120.95||$3>121.2||$4<30.95||$4>31.1){bad++} END{exit bad>0}' a.csv && ok || fail "points outside the region"
run stats a.csv --parks "$D/parks.geojson" --format csv --table totals
expect_rc 0
inparks=$(echo "$OUT" | awk -F, '$1=="in_parks"{print $2}')
[ "$inparks" -ge 700 ] && ok || fail "expected >= 700 of 2000 in parks (park share 0.35 + background), got $inparks"
# park A leads with ic: ic is its dominant industry
run stats a.csv --parks "$D/parks.geojson" --format csv --table parks
expect_out_contains "A,Park A,"
echo "$OUT" | grep -q '^A,.*,ic$' && ok || fail "park A should be dominated by ic: $OUT"

run simulate -n 50 --seed 3 -o a.gpkg "${fixture[@]}" -q
expect_rc 0
case "$(ogrinfo -so -al a.gpkg)" in *"Feature Count: 50"*) ok ;; *) fail "a.gpkg should hold 50 points" ;; esac

run simulate -n 50 --seed 3 -o a.csv "${fixture[@]}"
expect_rc 2
expect_err_contains "exists. Use --overwrite"
run simulate -n 0 -o b.csv
expect_rc 2
expect_no_staging .
finish
