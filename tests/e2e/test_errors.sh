# Bad input gives one exact line on stderr, the documented exit code, and
# leaves no output file and no staging folder behind.
. "$(dirname "$0")/lib.sh"
D=$ZJGEO_TEST_DATA/foundation
cp "$D/parks.geojson" "$D/selfx.geojson" "$D/malformed.geojson" .

# missing input file
run convert nope.geojson out.geojson; expect_rc 1
expect_err_exact "zjgeo convert: read: 'nope.geojson': no such file. Check the path."
expect_no_file out.geojson; expect_no_staging .

run info nope.geojson; expect_rc 1
expect_err_exact "zjgeo info: read: 'nope.geojson': no such file. Check the path."

# input in a format nobody reads
echo "just some notes" > notes.txt
run convert notes.txt out.geojson; expect_rc 1
expect_err_exact "zjgeo convert: read: 'notes.txt': not a vector format zjgeo can read (GeoJSON, GeoPackage, Shapefile, FlatGeobuf, CSV or any other GDAL vector format). Check the file name and its content."
expect_no_file out.geojson; expect_no_staging .

# unknown output format
run convert parks.geojson out.xyz; expect_rc 2
expect_err_exact "zjgeo convert: write: unknown output format 'xyz' for 'out.xyz'. Use one of: geojson, geojsonseq, gpkg, shp, fgb, csv, pg."
expect_no_file out.xyz
run convert -f kml parks.geojson out.kml; expect_rc 2
expect_err_exact "zjgeo convert: write: unknown output format 'kml' for 'out.kml'. Use one of: geojson, geojsonseq, gpkg, shp, fgb, csv, pg."

# bad CRS names
run convert --dst-crs wgs48 parks.geojson out.gpkg; expect_rc 2
expect_err_exact "zjgeo convert: crs: unknown CRS 'wgs48'. Use wgs84, cgcs2000, gcj02, bd09, webmercator, utm51n, shanghai-tm, cgcs2000-gk40, cgcs2000-gk41, EPSG:<code> or a PROJ/WKT definition."
expect_no_file out.gpkg
run convert --src-crs EPSG:999999 parks.geojson out.gpkg; expect_rc 2
expect_err_contains "crs: unknown CRS 'EPSG:999999'."

# malformed GeoJSON (truncated file)
run convert malformed.geojson out.geojson; expect_rc 1
expect_err_exact "zjgeo convert: read: 'malformed.geojson': malformed GeoJSON: At line 2, character 1: Unterminated array. Check that the file is complete and valid."
expect_no_file out.geojson; expect_no_staging .
run info malformed.geojson; expect_rc 1
expect_err_exact "zjgeo info: read: 'malformed.geojson': malformed GeoJSON: At line 2, character 1: Unterminated array. Check that the file is complete and valid."

# self-intersecting polygon: refused without --make-valid, nothing written
for out in out.geojson out.gpkg out.shp; do
  run convert selfx.geojson $out; expect_rc 1
  expect_err_exact "zjgeo convert: 'selfx.geojson': feature 2 has an invalid geometry: Self-intersection at (121.45, 31.15) (1 of 2 geometries invalid). Use --make-valid to repair."
  expect_no_file $out; expect_no_staging .
done
expect_no_file out.dbf; expect_no_file out.shx

# existing output without --overwrite: refused, old content kept
echo "precious" > taken.geojson
run convert parks.geojson taken.geojson; expect_rc 2
expect_err_exact "zjgeo convert: write: output 'taken.geojson' exists. Use --overwrite to replace it, or choose another name."
expect_eq "$(cat taken.geojson)" "precious" "existing output untouched"
expect_no_staging .
# a Shapefile counts as existing when any of its files exists
echo x > shp_taken.dbf
run convert parks.geojson -l parks shp_taken.shp; expect_rc 2
expect_err_exact "zjgeo convert: write: output 'shp_taken.dbf' exists. Use --overwrite to replace it, or choose another name."
expect_no_file shp_taken.shp

# unknown option with a nearest-match hint; a stray argument; unknown command
run convert --fomat gpkg parks.geojson out.gpkg; expect_rc 2
expect_err_exact "zjgeo convert: unknown option '--fomat'. Did you mean '--format'?"
run convert --overwrit parks.geojson out.gpkg; expect_rc 2
expect_err_exact "zjgeo convert: unknown option '--overwrit'. Did you mean '--overwrite'?"
run info parks.geojson extra.geojson; expect_rc 2
expect_err_exact "zjgeo info: unexpected argument 'extra.geojson'. Try 'zjgeo help info'."
run convret parks.geojson out.gpkg; expect_rc 2
expect_err_exact "zjgeo: unknown command 'convret'. Did you mean 'convert'? Run 'zjgeo --help' for the list."
run convert parks.geojson; expect_rc 2
expect_err_exact "zjgeo convert: --output is required. Try 'zjgeo help convert'."
run convert --bbox 1,2,3 parks.geojson out.gpkg; expect_rc 2
expect_err_exact "zjgeo convert: --bbox '1,2,3' is not xmin,ymin,xmax,ymax with xmin < xmax and ymin < ymax. Example: --bbox 121.5,31.1,121.7,31.3"

# GeoJSON cannot carry a projected CRS (RFC 7946)
run convert --dst-crs utm51n parks.geojson out.geojson; expect_rc 2
expect_err_exact "zjgeo convert: GeoJSON output is WGS84 longitude/latitude (RFC 7946 §4), so --dst-crs 'utm51n' cannot be kept. Write a GeoPackage (.gpkg) or FlatGeobuf (.fgb), or add --lco RFC7946=NO."

# output folder missing
run convert parks.geojson no/such/dir/out.geojson; expect_rc 1
expect_err_exact "zjgeo convert: write: folder 'no/such/dir' of output 'no/such/dir/out.geojson' does not exist. Create it first."

# bad coordinate lines
printf '121.5,31.2\n121.6;x\n' > pts.txt
"$ZJGEO" coords --from wgs84 --to gcj02 < pts.txt > .out 2> .err; RC=$?; OUT=$(cat .out); ERR=$(cat .err)
expect_rc 1
expect_err_exact "zjgeo coords: '<stdin>': line 2: '121.6;x' is not 'x,y' (two numbers separated by a comma or spaces). Fix or remove the line."
printf 'id,lon,lat\n1,121.5,31.2\n2,121.6,\n' > pts.csv
run coords --from wgs84 --to gcj02 -i pts.csv -o conv.csv; expect_rc 1
expect_err_exact "zjgeo coords: 'pts.csv': line 3: lat '' is not a number. Fix or remove the row."
expect_no_file conv.csv; expect_no_staging .
finish
