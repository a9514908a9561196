# A real PostGIS round trip: a throw-away PostgreSQL 15 + PostGIS 3 cluster on
# a Unix socket (scripts/pg-test-server.sh), zjgeo convert into PG: and back,
# features and attributes (Chinese text included) compared, the no-overwrite
# rule for existing tables, and the server stopped at the end whatever happens.
. "$(dirname "$0")/lib.sh"
PGS="$ZJGEO_SRC/scripts/pg-test-server.sh"
if ! "$PGS" check; then
  echo "SKIPPED: PostgreSQL 15 + PostGIS not installed (apt-get install postgresql-15 postgresql-15-postgis-3)"
  exit 77
fi
need_tool ogrinfo
D=$ZJGEO_TEST_DATA/foundation
cp "$D/parks.geojson" "$D/selfx.geojson" .

# The socket folder must be short (Unix socket paths are limited to ~107 bytes).
PGDIR=$(mktemp -d /tmp/zjgeo-pg.XXXXXX)
trap '"$PGS" stop "$PGDIR"' EXIT
PG=$("$PGS" start "$PGDIR") || { echo "FAIL: could not start the test server" >&2; exit 1; }
psql_q() { runas=(); [ "$(id -u)" -eq 0 ] && runas=(runuser -u postgres --); "${runas[@]}" /usr/lib/postgresql/15/bin/psql -h "$PGDIR" -U postgres -d zjgeo_test -qAt -c "$1"; }

# write the layer into PostGIS
run convert parks.geojson "$PG"; expect_rc 0; expect_err_empty
expect_eq "$(psql_q 'SELECT count(*) FROM parks')" 3 "rows in table parks"
expect_eq "$(psql_q "SELECT name FROM parks WHERE code = 'zjkxc'")" "张江科学城" "Chinese text stored as UTF-8"
expect_eq "$(psql_q "SELECT Find_SRID('public', 'parks', 'wkb_geometry')")" 4326 "SRID of the geometry column"
expect_eq "$(psql_q "SELECT ST_AsText(wkb_geometry) FROM parks WHERE code = 'hq'")" "POINT(121.5905 31.2036)" "point geometry"
# PostGIS measures the geodesic area GeographicLib gives (geography, WGS84 ellipsoid):
#   printf '31.17 121.55\n31.17 121.65\n31.24 121.65\n31.24 121.55\n' | Planimeter -p 3 -> 73962865 m2
area=$(psql_q "SELECT round((ST_Area(wkb_geometry::geography) / 1e6)::numeric, 3) FROM parks WHERE code = 'zjkxc'")
expect_eq "$area" "73.963" "PostGIS geodesic area of the rectangle (km2)"

# read it back: same features and attributes
run convert -l parks "$PG" back.geojson; expect_rc 0
expect_eq "$(ogrinfo -ro -so -al back.geojson | sed -n 's/^Feature Count: //p')" 3 "features read back"
for f in code name area_km2 rank; do
  a=$(ogrinfo -ro -al -q parks.geojson | sed -n "s/^  $f ([^)]*) = //p" | sort)
  b=$(ogrinfo -ro -al -q back.geojson | sed -n "s/^  $f ([^)]*) = //p" | sort)
  expect_eq "$b" "$a" "field $f after the round trip"
done
a=$(ogrinfo -ro -al -q parks.geojson | grep -Eo '(POLYGON|POINT) .*' | sort)
b=$(ogrinfo -ro -al -q back.geojson | grep -Eo '(POLYGON|POINT) .*' | sort)
expect_eq "$b" "$a" "geometries after the round trip"
run info "$PG"; expect_rc 0; expect_out_contains "Layer 'parks'"; expect_out_contains "  Features:  3"

# an existing table is not replaced without --overwrite ...
run convert selfx.geojson --make-valid --nln parks "$PG"; expect_rc 2
expect_err_exact "zjgeo convert: write: table 'parks' exists in '$PG'. Use --overwrite to replace it, or choose another name with --nln."
expect_eq "$(psql_q 'SELECT count(*) FROM parks')" 3 "table untouched"
# ... and is with it
run convert selfx.geojson --make-valid --overwrite --nln parks "$PG"; expect_rc 0
expect_eq "$(psql_q 'SELECT count(*) FROM parks')" 2 "table replaced"
# an invalid geometry without --make-valid creates no table at all
run convert selfx.geojson --nln broken "$PG"; expect_rc 1
expect_eq "$(psql_q "SELECT count(*) FROM pg_tables WHERE tablename = 'broken'")" 0 "no table after a failure"
# a reprojected layer keeps its SRID
run convert --dst-crs utm51n parks.geojson --nln parks_utm "$PG"; expect_rc 0
expect_eq "$(psql_q "SELECT Find_SRID('public', 'parks_utm', 'wkb_geometry')")" 32651 "SRID 32651"
finish
