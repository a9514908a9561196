# zjgeo cluster: DBSCAN against PostGIS ST_ClusterDBSCAN on fixed data (core points
# and their partition identical), labels independent of input order, hulls, KDE
# GeoTIFF + hot zones, Gi* hexagons, Clark-Evans summary, usage errors.
. "$(dirname "$0")/lib.sh"
D="$ZJGEO_TEST_DATA/stats"

run cluster "$D/dbscan_points.csv" --metric-crs EPSG:32651 --eps 300 --min-points 8 -o a.csv --format csv
expect_rc 0
expect_file a.csv
python3 - "$D/dbscan_postgis.csv" a.csv <<'PY' && ok || fail "DBSCAN partition differs from PostGIS"
import csv, sys
pg = {r['id']: r for r in csv.DictReader(l for l in open(sys.argv[1]) if not l.startswith('#'))}
me = {r['id']: r for r in csv.DictReader(open(sys.argv[2]))}
assert pg.keys() == me.keys(), "ids differ"
fwd, back = {}, {}
for i, p in pg.items():
    m = me[i]
    assert p['core'] == m['core'], f"core flag of {i}: postgis {p['core']} zjgeo {m['core']}"
    assert (p['cid'] == '') == (m['cluster'] == ''), f"noise status of {i}"
    if p['core'] == '1':
        assert fwd.setdefault(p['cid'], m['cluster']) == m['cluster'], f"core {i} splits postgis cluster {p['cid']}"
        assert back.setdefault(m['cluster'], p['cid']) == p['cid'], f"core {i} merges clusters"
assert len(fwd) == len({r['cid'] for r in pg.values() if r['cid']}), "cluster count"
print(len(fwd), "clusters,", sum(r['core'] == '1' for r in pg.values()), "core points identical")
PY

# labels do not depend on the input order
{ head -1 "$D/dbscan_points.csv"; tail -n +2 "$D/dbscan_points.csv" | sort -t, -k3,3r -k1,1; } > shuffled.csv
run cluster shuffled.csv --metric-crs EPSG:32651 --eps 300 --min-points 8 -o b.csv
expect_rc 0
expect_eq "$(tail -n +2 b.csv | sort -t, -k1,1n | cut -d, -f1,5,6)" "$(tail -n +2 a.csv | sort -t, -k1,1n | cut -d, -f1,5,6)" "labels independent of input order"
# clusters are numbered by their smallest id: cluster 1 holds the smallest clustered id
first=$(tail -n +2 a.csv | awk -F, '$5!=""' | sort -t, -k1,1n | head -1 | cut -d, -f5)
expect_eq "$first" "1" "cluster 1 holds the smallest clustered id"

run cluster "$D/dbscan_points.csv" --eps 300 --min-points 8 --hulls hulls.geojson --hull concave \
    --kde d.tif --hot-zones hot.gpkg --hotspots hex.gpkg --hex-size 800 --clark-evans --format json --summary s.json
expect_rc 0
python3 - <<'PY' && ok || fail "summary json"
import json; j = json.load(open('s.json'))
assert j['totals'][1]['value'] >= 10, j['totals']
ce = {r['industry']: r for r in j['clark_evans']}
assert ce['ALL']['R'] < 1, ce['ALL']   # the fixture is clustered
assert j['hotspots'][0]['hot_spots'] > 0
PY
case "$(ogrinfo -so -al hulls.geojson)" in *"Feature Count: "*) ok ;; *) fail "hulls" ;; esac
case "$(gdalinfo d.tif)" in *"Type=Float32"*) ok ;; *) fail "d.tif not a Float32 GeoTIFF" ;; esac
case "$(ogrinfo -so -al hot.gpkg)" in *"threshold_per_km2"*) ok ;; *) fail "hot zones" ;; esac
case "$(ogrinfo -q -al hex.gpkg -where "class='hot spot'" | head -40)" in *"fdr_significant (Integer64) = 1"*) ok ;; *) fail "hexagon classes" ;; esac

run cluster "$D/dbscan_points.csv" --eps -5
expect_rc 2
expect_err_contains "--eps"
run cluster "$D/dbscan_points.csv" --hot-zones x.gpkg
expect_rc 2
expect_err_contains "--hot-zones needs --kde"
run cluster "$D/dbscan_points.csv" -o a.csv
expect_rc 2
expect_err_contains "exists. Use --overwrite"
expect_no_staging .
finish
