# zjgeo coords: stdin lines and CSV columns, checked against reference values.
. "$(dirname "$0")/lib.sh"

coords() { printf "$1" | "$ZJGEO" coords "${@:2}" >.out 2>.err; RC=$?; OUT=$(cat .out); ERR=$(cat .err); }

# wandergis/coordtransform's published pair: wgs84 (116.404, 39.915) -> gcj02 (116.41024449916938, 39.91640428150164)
coords '116.404,39.915\n' --from wgs84 --to gcj02; expect_rc 0; expect_err_empty
expect_out_exact "116.4102445,39.9164043"
# and back (iterative inverse): exact to 7 decimals
coords '116.4102445,39.9164043\n' --from gcj02 --to wgs84; expect_out_exact "116.4040000,39.9150000"
# cs2cs: echo "121.5905 31.2036" | cs2cs -f %.3f +proj=longlat +datum=WGS84 +to +proj=utm +zone=51 +datum=WGS84
#   -> 365721.004 3453022.084 ; separators and extra fields are kept, comments and blank lines copied
coords '# Zhangjiang\n121.5905 31.2036 hq\n\n121.5905;31.2036\n' --from wgs84 --to EPSG:32651
expect_rc 0
expect_out_exact "# Zhangjiang
365721.004 3453022.084 hq

365721.004;3453022.084"
coords '365721.004,3453022.084\n' --from utm51n --to wgs84 --precision 5; expect_out_exact "121.59050,31.20360"
# EPSG:4490 input stays x = longitude
coords '121.5905,31.2036\n' --from EPSG:4490 --to shanghai-tm; expect_out_exact "508624.719,3453551.232"
# swapped lat/lon is caught
coords '31.2036,121.5905\n' --from wgs84 --to gcj02; expect_rc 1
expect_err_exact "zjgeo coords: '<stdin>': line 1: (31.2036, 121.5905) is not a longitude, latitude pair (latitude must be within -90..90). Coordinates are read as x,y = lon,lat: swap the columns if they are lat,lon."
coords '121.5,31.2\n\nabc\n' --from wgs84 --to gcj02; expect_rc 1
expect_err_exact "zjgeo coords: '<stdin>': line 3: 'abc' is not 'x,y' (two numbers separated by a comma or spaces). Fix or remove the line."

# CSV: named columns converted, everything else copied byte for byte
printf 'id,名称,lng,lat,note\n1,张江,116.404,39.915,"a, ""quoted"" note"\n' > shops.csv
run coords --from wgs84 --to gcj02 -i shops.csv --x lng --y lat -o shops_gcj.csv; expect_rc 0; expect_err_empty
expect_eq "$(cat shops_gcj.csv)" 'id,名称,lng,lat,note
1,张江,116.4102445,39.9164043,"a, ""quoted"" note"' "converted CSV"
run coords --from wgs84 --to gcj02 -i shops.csv -o shops_gcj.csv; expect_rc 2
expect_err_exact "zjgeo coords: write: output 'shops_gcj.csv' exists. Use --overwrite to replace it, or choose another name."
run coords --from wgs84 --to gcj02 -i shops.csv --x lon; expect_rc 2
expect_err_exact "zjgeo coords: 'shops.csv': no column 'lon'. Columns: id, 名称, lng, lat, note."
# wgs84 -> bd09 = gcj02_to_bd09(wgs84_to_gcj02(p)) ~ GCJ-02 + (0.0064, 0.0063) here
run coords --from wgs84 --to bd09 -i shops.csv; expect_rc 0
expect_out_exact 'id,名称,lng,lat,note
1,张江,116.4166272,39.9226996,"a, ""quoted"" note"'
run coords --from wgs84 --to gcj02 --x lng; expect_rc 2
expect_err_exact "zjgeo coords: --x and --y name CSV columns; give the CSV file with -i."
expect_no_staging .
finish
