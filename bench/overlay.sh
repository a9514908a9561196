#!/usr/bin/env bash
# Overlay benchmark: 22 parks × 20,000 Voronoi parcels, intersection, against
# the PostGIS (ST_Intersection join) and GeoPandas (overlay) peers of
# ../shared/peers, measured in the same run with hyperfine. Checks that zjgeo
# gives the peers' pieces and area (per park, area in EPSG:32651 as the peers
# compute it) and writes bench/results/overlay.md.
#
#   bench/overlay.sh                 # build/tools/zjgeo, 10 runs each
#   RUNS=5 ZJGEO=/path/zjgeo bench/overlay.sh
#   PEERS="postgis" bench/overlay.sh # only some peers ("postgis geopandas" by default)
#
# Needs: hyperfine, gdal-bin, python3-geopandas, python3-psycopg2,
# postgresql-15-postgis-3 (the PostGIS peer starts a throw-away unix-socket cluster).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
ZJGEO=${ZJGEO:-$root/build/tools/zjgeo}
if [ -z "${PEERS_DIR:-}" ]; then  # ../shared/peers beside the repository (or beside a worktree's parent)
  for d in "$root/../shared/peers" "$root/../../shared/peers"; do
    if [ -d "$d/peers" ]; then PEERS_DIR=$(cd "$d" && pwd); break; fi
  done
fi
PEERS_DIR=${PEERS_DIR:-$root/../shared/peers}
"$root/bench/install-peers.sh"
RUNS=${RUNS:-10}
PEERS=${PEERS:-postgis geopandas}
export BENCH_DATA=${BENCH_DATA:-/var/tmp/zjgeo-benchdata}
export BENCH_OUT=${BENCH_OUT:-$BENCH_DATA/out}
RESULTS=${RESULTS:-$root/bench/results}
work=$(mktemp -d /tmp/zjgeo-bench-overlay.XXXXXX)
trap 'rm -rf "$work"' EXIT

die() { echo "bench/overlay.sh: $*" >&2; exit 1; }
[ -x "$ZJGEO" ] || die "no zjgeo at $ZJGEO (build it: scripts/build.sh build)"
command -v hyperfine >/dev/null || die "hyperfine is missing (apt-get install hyperfine)"
[ -d "$PEERS_DIR/peers" ] || die "no peer kit at $PEERS_DIR (set PEERS_DIR)"
mkdir -p "$BENCH_OUT" "$RESULTS"

# 1. data (deterministic, seeded): parks.gpkg and parcels.gpkg
if [ ! -s "$BENCH_DATA/parcels.gpkg" ] || [ ! -s "$BENCH_DATA/parks.gpkg" ]; then
  dpkg -s python3-geopandas >/dev/null 2>&1 || die "python3-geopandas is needed to generate the data"
  echo "generating benchmark data in $BENCH_DATA ..." >&2
  /usr/bin/python3 "$PEERS_DIR/gen_data.py" --out "$BENCH_DATA" --points 100k >&2
fi
parks=$BENCH_DATA/parks.gpkg
parcels=$BENCH_DATA/parcels.gpkg

# 2. commands (each writes its overlay and a per-park summary, as the peers do)
zj_cmd="$ZJGEO overlay intersection $parks $parcels -o $work/zjgeo_overlay.gpkg --overwrite -q \
--area-crs EPSG:32651 --key park_id --summary $work/zjgeo_summary.csv"
zj_geo_cmd="$ZJGEO overlay intersection $parks $parcels -o $work/zjgeo_overlay_geodesic.gpkg --overwrite -q"
cmds=("$zj_cmd" "$zj_geo_cmd")
names=("zjgeo" "zjgeo-geodesic")
started_pg=0
for p in $PEERS; do
  case $p in
    postgis)
      if ! "$PEERS_DIR/peers/pg_server.sh" status >/dev/null 2>&1; then
        "$PEERS_DIR/peers/pg_server.sh" start >&2
        started_pg=1
      fi
      cmds+=("$PEERS_DIR/peers/postgis_overlay.sh"); names+=("postgis") ;;
    geopandas)
      cmds+=("$PEERS_DIR/peers/geopandas_overlay.sh"); names+=("geopandas") ;;
    *) die "unknown peer '$p' (postgis, geopandas)" ;;
  esac
done
stop_pg() { if [ "$started_pg" = 1 ]; then "$PEERS_DIR/peers/pg_server.sh" stop >&2 || true; fi; }
trap 'stop_pg; rm -rf "$work"' EXIT

# 3. measure
hargs=()
for i in "${!cmds[@]}"; do hargs+=(-n "${names[$i]}" "${cmds[$i]}"); done
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
hyperfine -w 1 -r "$RUNS" --export-json "$work/hyperfine.json" "${hargs[@]}" >&2
export LOAD_BEFORE=$load_before LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

# 4. agreement: pieces and area per park against every peer's summary
/usr/bin/python3 - "$work" "$BENCH_OUT" "$RESULTS/overlay.md" "$RUNS" "$ZJGEO" $PEERS <<'PY'
import csv, json, os, platform, statistics, subprocess, sys, time
work, out, md, runs, zjgeo, peers = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5], sys.argv[6:]

def zj_summary():
    rows = {}
    for r in csv.DictReader(open(os.path.join(work, "zjgeo_summary.csv"), encoding="utf-8")):
        if r["category"] == "(all)":
            rows[int(r["key"])] = (int(r["pieces"]), float(r["area_km2"]))
    return rows

def peer_summary(p):
    rows = {}
    for r in csv.DictReader(open(os.path.join(out, f"{p}_overlay-summary.csv"))):
        rows[int(r["park_id"])] = (int(r["pieces"]), float(r["area_km2"]))
    return rows

zj = zj_summary()
tot = lambda s: (sum(v[0] for v in s.values()), sum(v[1] for v in s.values()))
zj_pieces, zj_area = tot(zj)
agree = []
ok_all = True
for p in peers:
    ps = peer_summary(p)
    pp, pa = tot(ps)
    same_pieces = all(zj.get(k, (0, 0))[0] == v[0] for k, v in ps.items()) and set(zj) == set(ps)
    max_rel = max((abs(zj.get(k, (0, 0))[1] - v[1]) / v[1] for k, v in ps.items() if v[1] > 0), default=0)
    ok = same_pieces and max_rel < 1e-6 and pp == zj_pieces
    ok_all &= ok
    agree.append(f"- {p}: pieces {pp} vs zjgeo {zj_pieces} (per park equal: {same_pieces}); area {pa:.5f} vs "
                 f"{zj_area:.5f} km² (max per-park relative difference {max_rel:.1e}) → {'agree' if ok else 'DISAGREE'}")

h = json.load(open(os.path.join(work, "hyperfine.json")))["results"]
res = {r["command"]: r for r in h}
zt = statistics.median(res["zjgeo"]["times"])
lines = ["# Overlay benchmark: 22 parks × 20,000 parcels (intersection)", "",
         f"Run {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} by `bench/overlay.sh` "
         f"(hyperfine, {runs} runs after 1 warm-up, warm page cache, all tools in the same run). "
         f"Machine: {os.cpu_count()} cores, {platform.platform()}; load average (1/5/15 min) "
         f"{os.environ.get('LOAD_BEFORE', '?')} before, {os.environ.get('LOAD_AFTER', '?')} after — "
         "above about 1 the run shared the cores with other work and every time is inflated "
         "(PostGIS, several processes, more than zjgeo), so compare ratios from quiet runs.", "",
         "Each tool reads parks.gpkg and parcels.gpkg (EPSG:4326, from `../shared/peers/gen_data.py`), intersects them "
         "(polygonal pieces only), writes the pieces and a per-park summary (pieces, area in EPSG:32651). "
         "zjgeo: `zjgeo overlay intersection parks.gpkg parcels.gpkg -o out.gpkg --area-crs EPSG:32651 "
         "--key park_id --summary summary.csv`; zjgeo-geodesic: the same with the default geodesic area and no summary. "
         "The PostGIS server start is not timed (as in the peers' kit).", "",
         "| tool | median s | mean ± sd s | min s | zjgeo is faster by |", "|---|---:|---:|---:|---:|"]
for name in ["zjgeo", "zjgeo-geodesic"] + peers:
    r = res[name]
    med = statistics.median(r["times"])
    ratio = "—" if name.startswith("zjgeo") else f"{med / zt:.2f}×"
    lines.append(f"| {name} | {med:.3f} | {r['mean']:.3f} ± {r['stddev']:.3f} | {r['min']:.3f} | {ratio} |")
lines += ["", f"zjgeo: {zj_pieces} pieces, {zj_area:.5f} km² (EPSG:32651 planar, as the peers measure).", "",
          "Agreement with the peers (per park):", ""] + agree
lines += ["", "Target (issue 5): ≥ 3× faster than PostGIS. "
          + (f"Measured: {statistics.median(res['postgis']['times']) / zt:.2f}×." if "postgis" in res else "PostGIS not run.")]
ver = subprocess.run([zjgeo, "--version"], capture_output=True, text=True).stdout.strip()
lines += ["", f"Versions: {ver}; " + subprocess.run(["gdalinfo", "--version"], capture_output=True, text=True).stdout.strip()
          + "; GEOS " + subprocess.run(["geos-config", "--version"], capture_output=True, text=True).stdout.strip(), ""]
open(md, "w").write("\n".join(lines))
print("\n".join(lines))
sys.exit(0 if ok_all else 3)
PY
