#!/bin/bash
# zjgeo vs peers, in one run on the same machine and data: point-in-park counts
# (zjgeo stats vs PostGIS ST_Contains and GeoPandas sjoin) and DBSCAN (zjgeo
# cluster vs PostGIS ST_ClusterDBSCAN). Wall time = hyperfine median of
# end-to-end runs; peak memory = GNU time max RSS of the timed process tree's
# largest process (for PostGIS that is the Python client only; the server's
# memory is not included — see the peers' own results for it). Counts outputs
# are checked byte for byte against the peers.
#
# usage: bench/run.sh                     # SIZES="100k 1m 10m", DBSCAN_SIZES="100k 1m"
#   env: SIZES, DBSCAN_SIZES, RUNS (3), RUNS_10M (1), PEERS ("postgis geopandas"),
#        PEERS_10M ("postgis": GeoPandas needs ~5 min and 7 GB at 10M; add it to measure),
#        ZJGEO (default build/tools/zjgeo), PEERS_DIR (../shared/peers beside the repository), BENCH_DATA,
#        KEEP_PG=1 (leave the PostgreSQL server running)
# writes bench/results/run-<stamp>.md (+ raw/<stamp>/) and bench/results/latest.md
set -uo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
PEERS_DIR="${PEERS_DIR:-$ROOT/../shared/peers}"
"$HERE/install-peers.sh"
source "$PEERS_DIR/peers/common.sh"
ZJGEO="${ZJGEO:-$ROOT/build/tools/zjgeo}"
SIZES="${SIZES:-100k 1m 10m}"
DBSCAN_SIZES="${DBSCAN_SIZES:-100k 1m}"
RUNS="${RUNS:-3}"; RUNS_10M="${RUNS_10M:-1}"
PEERS="${PEERS:-postgis geopandas}"
PEERS_10M="${PEERS_10M:-postgis}"
STAMP="$(date +%Y%m%d-%H%M%S)"
RAW="$HERE/results/raw/$STAMP"
mkdir -p "$RAW"
LOG="$RAW/driver.log"
log() { echo "$(date +%H:%M:%S) $*" | tee -a "$LOG" >&2; }
[ -x "$ZJGEO" ] || { echo "bench: no zjgeo binary at $ZJGEO (build first: scripts/build.sh build)" >&2; exit 2; }
command -v hyperfine >/dev/null || { echo "bench: hyperfine is not installed (apt-get install hyperfine)" >&2; exit 2; }

# ---- data (not timed) -----------------------------------------------------------
need=()
for t in $SIZES; do [ -s "$BENCH_DATA/points_$t.csv" ] || need+=("$t"); done
if [ ! -s "$BENCH_DATA/parks.geojson" ] || [ ${#need[@]} -gt 0 ]; then
  log "generating data: ${need[*]:-polygons}"
  "$PY" "$PEERS_DIR/gen_data.py" --points ${need[@]+"${need[@]}"} 2>&1 | tee -a "$LOG"
fi
cp "$BENCH_DATA/manifest.json" "$RAW/data-manifest.json" 2>/dev/null
"$PEERS_DIR/peers/pg_server.sh" start | tee -a "$LOG"

# bench NAME RUNS CMD... -> NAME.hyperfine.json, NAME.time ("maxrss_kb wall_s exit user_s sys_s" per run)
bench() {
  local name=$1 runs=$2; shift 2
  log "run $name x$runs: $*"
  export BENCH_PHASES="$RAW/$name.phases.jsonl"
  hyperfine --runs "$runs" --ignore-failure --style basic --export-json "$RAW/$name.hyperfine.json" \
    -n "$name" "/usr/bin/time -f '%M %e %x %U %S' -a -o '$RAW/$name.time' $*" >>"$LOG" 2>&1
  unset BENCH_PHASES
}

OUT="$RAW/out"; mkdir -p "$OUT"
for tag in $SIZES; do
  runs=$RUNS; peers=$PEERS
  [ "$tag" = 10m ] && { runs=$RUNS_10M; peers=$PEERS_10M; }
  pts="$BENCH_DATA/points_$tag.csv"
  bench "zjgeo_counts-$tag" "$runs" "$ZJGEO" stats "$pts" --parks "$BENCH_DATA/parks.geojson" --park-key park_id \
    --format csv -o "$OUT/zjgeo-$tag.csv" --overwrite
  for peer in $peers; do
    rm -f "$BENCH_OUT/$peer-$tag.csv"
    bench "$peer-$tag" "$runs" bash "$PEERS_DIR/peers/$peer.sh" "$tag"
    cp "$BENCH_OUT/$peer-$tag.csv" "$OUT/" 2>/dev/null
  done
  if [[ " $DBSCAN_SIZES " == *" $tag "* ]]; then
    bench "zjgeo_dbscan-$tag" "$runs" "$ZJGEO" cluster "$pts" --metric-crs EPSG:32651 --eps 500 --min-points 10 \
      --format json --summary "$OUT/zjgeo_dbscan-$tag.json" --overwrite
    bench "postgis_dbscan-$tag" "$runs" bash "$PEERS_DIR/peers/postgis_dbscan.sh" "$tag"
    cp "$BENCH_OUT/postgis_dbscan-$tag.json" "$OUT/" 2>/dev/null
  fi
done
[ -n "${KEEP_PG:-}" ] || "$PEERS_DIR/peers/pg_server.sh" stop | tee -a "$LOG"

# ---- summary ----------------------------------------------------------------------
"$PY" - "$RAW" "$HERE/results" "$STAMP" "$ZJGEO" <<'PY' | tee -a "$LOG"
import glob, json, os, platform, subprocess, sys
raw, results, stamp, zjgeo = sys.argv[1:5]
def med(name):
    p = os.path.join(raw, name + ".hyperfine.json")
    if not os.path.exists(p): return None
    r = json.load(open(p))["results"][0]
    return r["median"] if all(c == 0 for c in r.get("exit_codes", [0])) else None
def peak(name):
    p = os.path.join(raw, name + ".time")
    if not os.path.exists(p): return None
    kb = [int(l.split()[0]) for l in open(p) if l.strip() and l.split()[0].isdigit()]
    return max(kb) / 1024 if kb else None
def cpu(name):
    p = os.path.join(raw, name + ".time")
    if not os.path.exists(p): return None
    v = sorted(float(l.split()[3]) + float(l.split()[4]) for l in open(p) if len(l.split()) >= 5 and l.split()[0].isdigit())
    return v[len(v) // 2] if v else None
def f(v, d=2): return "" if v is None else (f"{v:.{d}f}" if v < 100 else f"{v:.0f}")
sizes = sorted({os.path.basename(p).split("-")[1].split(".")[0] for p in glob.glob(os.path.join(raw, "zjgeo_counts-*.hyperfine.json"))},
               key=lambda t: {"100k": 1, "1m": 2, "10m": 3}.get(t, 9))
lines = [f"# zjgeo vs peers — run {stamp}", "",
         f"Machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores; load average at the end {os.getloadavg()[0]:.1f}. "
         "Wall = hyperfine median of end-to-end runs (warm page cache); CPU = user+sys of the timed client process tree (GNU time; PostGIS server work is not in it); peak = GNU time max RSS. "
         "PostGIS peak is the Python client only (the server's memory is not counted); its server was started before timing. "
         "Data: ../shared/peers/gen_data.py (seed 20240515).", "",
         "## Point-in-park counts (points CSV → park_id,industry,count CSV)", "",
         "| N | tool | wall s | CPU s | peak MB | peer wall / zjgeo wall | output identical to zjgeo |", "|---|---|---|---|---|---|---|"]
for t in sizes:
    z = med(f"zjgeo_counts-{t}")
    zout = os.path.join(raw, "out", f"zjgeo-{t}.csv")
    lines.append(f"| {t} | zjgeo stats | {f(z, 3)} | {f(cpu(f'zjgeo_counts-{t}'))} | {f(peak(f'zjgeo_counts-{t}'), 0)} | 1 | — |")
    for peer in ("postgis", "geopandas"):
        m = med(f"{peer}-{t}")
        if m is None and not os.path.exists(os.path.join(raw, f"{peer}-{t}.hyperfine.json")): continue
        po = os.path.join(raw, "out", f"{peer}-{t}.csv")
        same = os.path.exists(po) and os.path.exists(zout) and open(po, "rb").read() == open(zout, "rb").read()
        lines.append(f"| {t} | {peer} | {f(m)} | {f(cpu(f'{peer}-{t}'))} | {f(peak(f'{peer}-{t}'), 0)} | {f(m / z, 1) if m and z else ''}× | {'yes' if same else 'NO'} |")
lines += ["", "## DBSCAN (eps 500 m in EPSG:32651, min points 10, all points)", "",
          "| N | tool | wall s | CPU s | peak MB | peer wall / zjgeo wall | clusters | clustered points | noise |", "|---|---|---|---|---|---|---|---|---|"]
for t in sizes:
    z = med(f"zjgeo_dbscan-{t}")
    if z is None and not os.path.exists(os.path.join(raw, f"zjgeo_dbscan-{t}.hyperfine.json")): continue
    zj = os.path.join(raw, "out", f"zjgeo_dbscan-{t}.json")
    zs = {r["measure"]: r["value"] for r in json.load(open(zj))["totals"]} if os.path.exists(zj) else {}
    lines.append(f"| {t} | zjgeo cluster | {f(z, 3)} | {f(cpu(f'zjgeo_dbscan-{t}'))} | {f(peak(f'zjgeo_dbscan-{t}'), 0)} | 1 | {zs.get('clusters','')} | {zs.get('clustered_points','')} | {zs.get('noise','')} |")
    m = med(f"postgis_dbscan-{t}")
    pj = os.path.join(raw, "out", f"postgis_dbscan-{t}.json")
    ps = json.load(open(pj)) if os.path.exists(pj) else {}
    lines.append(f"| {t} | PostGIS ST_ClusterDBSCAN | {f(m)} | {f(cpu(f'postgis_dbscan-{t}'))} | {f(peak(f'postgis_dbscan-{t}'), 0)} | {f(m / z, 1) if m and z else ''}× | {ps.get('clusters','')} | {ps.get('clustered','')} | {ps.get('noise','')} |")
lines += ["", "Targets (issue 4): counts 1M ≤ 0.25 s, 10M ≤ 2 s with ≤ 200 MB; DBSCAN 1M ≥ 20× faster than PostGIS.",
          f"zjgeo: {subprocess.run([zjgeo, '--version'], capture_output=True, text=True).stdout.strip()}; raw data in results/raw/{stamp}/.", ""]
text = "\n".join(lines)
open(os.path.join(results, f"run-{stamp}.md"), "w").write(text)
open(os.path.join(results, "latest.md"), "w").write(text)
print(text)
PY
