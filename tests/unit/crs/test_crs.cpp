#include <catch2/catch.hpp>

#include <libgeo/core/error.hpp>
#include <libgeo/crs/crs.hpp>
#include <libgeo/crs/geodesic.hpp>
#include <libgeo/crs/transform.hpp>

#include <memory>

namespace {

std::pair<double, double> convert(const std::string& from, const std::string& to, double x, double y)
{
    geo::transformer t(geo::crs::parse(from), geo::crs::parse(to));
    REQUIRE(t.transform(1, &x, &y) == 0);
    return {x, y};
}

std::unique_ptr<OGRGeometry> wkt(const char* text)
{
    OGRGeometry* g = nullptr;
    REQUIRE(OGRGeometryFactory::createFromWkt(text, nullptr, &g) == OGRERR_NONE);
    return std::unique_ptr<OGRGeometry>(g);
}

} // namespace

TEST_CASE("CRS names users type are parsed", "[crs]")
{
    CHECK(geo::crs::parse("wgs84").describe() == "EPSG:4326");
    CHECK(geo::crs::parse("CGCS2000").describe() == "EPSG:4490");
    CHECK(geo::crs::parse("4490").describe() == "EPSG:4490");
    CHECK(geo::crs::parse("utm51n").describe() == "EPSG:32651");
    CHECK(geo::crs::parse("EPSG:3857").describe() == "EPSG:3857");
    CHECK(geo::crs::parse("cgcs2000-gk41").describe() == "EPSG:4550");
    CHECK(geo::crs::parse("gcj02").describe() == "GCJ-02");
    CHECK(geo::crs::parse("BD09").describe() == "BD-09");
    CHECK(geo::crs::parse("gcj02").is_geographic());
    CHECK_FALSE(geo::crs::parse("shanghai-tm").is_geographic());
    REQUIRE_THROWS_WITH(geo::crs::parse("wgs48"),
                        "crs: unknown CRS 'wgs48'. Use wgs84, cgcs2000, gcj02, bd09, webmercator, utm51n, shanghai-tm, "
                        "cgcs2000-gk40, cgcs2000-gk41, EPSG:<code> or a PROJ/WKT definition.");
    REQUIRE_THROWS_AS(geo::crs::parse("EPSG:999999"), geo::usage_error);
    REQUIRE_THROWS_AS(geo::crs::parse(""), geo::usage_error);
}

TEST_CASE("EPSG:4490 and EPSG:4326 keep x = longitude in our API", "[crs][axis]")
{
    // GDAL 3 honours the official lat/lon axis order of EPSG:4490 unless told
    // otherwise; zjgeo always uses traditional GIS order.
    auto [x, y] = convert("EPSG:4490", "EPSG:4326", 121.5, 31.2);
    CHECK(x == Approx(121.5).margin(1e-6));
    CHECK(y == Approx(31.2).margin(1e-6));
    auto [x2, y2] = convert("cgcs2000", "utm51n", 121.5, 31.2);
    CHECK(x2 == Approx(357093.026).margin(0.01)); // same as from WGS84 below (CGCS2000 ~ WGS84 at cm level)
    CHECK(y2 == Approx(3452736.485).margin(0.01));
}

TEST_CASE("projections agree with cs2cs", "[crs][proj]")
{
    // echo "121.5 31.2" | cs2cs -f %.4f +proj=longlat +datum=WGS84 +to EPSG:32651 -> 357093.0258 3452736.4850
    // (and: echo "31.2 121.5" | cs2cs -f %.4f EPSG:4326 EPSG:32651 gives the same, lat first by EPSG order)
    auto [e, n] = convert("wgs84", "EPSG:32651", 121.5, 31.2);
    CHECK(e == Approx(357093.0258).margin(1e-3));
    CHECK(n == Approx(3452736.4850).margin(1e-3));

    // echo "121.5905 31.2036" | cs2cs -f %.4f +proj=longlat +ellps=GRS80 +to +proj=tmerc +lat_0=0
    //   +lon_0=121.5 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs -> 508624.7194 3453551.2319
    auto [tx, ty] = convert("cgcs2000", "shanghai-tm", 121.5905, 31.2036);
    CHECK(tx == Approx(508624.7194).margin(1e-3));
    CHECK(ty == Approx(3453551.2319).margin(1e-3));

    // echo "121.5905 31.2036" | cs2cs -f %.4f +proj=longlat +datum=WGS84 +to +proj=utm +zone=51 +datum=WGS84
    //   -> 365721.0045 3453022.0845
    auto [ux, uy] = convert("wgs84", "utm51n", 121.5905, 31.2036);
    CHECK(ux == Approx(365721.0045).margin(1e-3));
    CHECK(uy == Approx(3453022.0845).margin(1e-3));
}

TEST_CASE("pseudo-datums chain through WGS84", "[crs][chinese]")
{
    auto [gx, gy] = convert("wgs84", "gcj02", 116.404, 39.915);
    CHECK(gx == Approx(116.41024449916938).margin(1e-10)); // wandergis/coordtransform test/app.js
    CHECK(gy == Approx(39.91640428150164).margin(1e-10));
    auto [bx, by] = convert("gcj02", "bd09", 116.404, 39.915);
    CHECK(bx == Approx(116.41036949371029).margin(1e-10));
    CHECK(by == Approx(39.92133699351021).margin(1e-10));
    // gcj02 -> utm51n equals gcj02 -> wgs84 -> utm51n
    auto [wx, wy] = convert("gcj02", "wgs84", 121.6, 31.2);
    auto [u1x, u1y] = convert("wgs84", "utm51n", wx, wy);
    auto [u2x, u2y] = convert("gcj02", "utm51n", 121.6, 31.2);
    CHECK(u1x == Approx(u2x).margin(1e-6));
    CHECK(u1y == Approx(u2y).margin(1e-6));
}

TEST_CASE("geometries are densified before a pseudo-datum shift", "[crs][chinese]")
{
    auto g = wkt("LINESTRING (121.4 31.1, 121.7 31.1)"); // ~28.6 km
    geo::transformer t(geo::crs::wgs84(), geo::crs::parse("gcj02"));
    t.transform(*g);
    const auto* l = g->toLineString();
    CHECK(l->getNumPoints() >= 29);
    // every vertex is shifted exactly as the point formula says
    for (int i = 0; i < l->getNumPoints(); i += 7) {
        double x = 121.4 + (121.7 - 121.4) * i / (l->getNumPoints() - 1), y = 31.1;
        geo::transformer pt(geo::crs::wgs84(), geo::crs::parse("gcj02"));
        pt.transform(1, &x, &y);
        CHECK(l->getX(i) == Approx(x).margin(1e-6));
        CHECK(l->getY(i) == Approx(y).margin(1e-6));
    }
}

TEST_CASE("geodesic areas agree with GeographicLib", "[crs][geodesic]")
{
    // printf '0 0\n0 1\n1 1\n1 0\n' | Planimeter -p 10   (geographiclib-tools; lat lon order)
    //   -> 4 443770.9172483020 12308778361.46945   (perimeter m, area m^2)
    auto cell = wkt("POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))");
    CHECK(geo::geodesic_area_km2(*cell) == Approx(12308.77836146945).epsilon(1e-12));
    CHECK(geo::geodesic_length_m(*cell) == Approx(443770.9172483020).epsilon(1e-12));
    // clockwise ring: same area (orientation ignored)
    auto cw = wkt("POLYGON ((0 0, 0 1, 1 1, 1 0, 0 0))");
    CHECK(geo::geodesic_area_km2(*cw) == Approx(12308.77836146945).epsilon(1e-12));

    // printf '31.2 121.5\n31.2 121.6\n31.3 121.6\n31.3 121.5\n' | Planimeter -p 6
    //   -> 4 41225.586164 105611914.5
    auto sh = wkt("POLYGON ((121.5 31.2, 121.6 31.2, 121.6 31.3, 121.5 31.3, 121.5 31.2))");
    CHECK(geo::geodesic_area_km2(*sh) == Approx(105.6119145).epsilon(1e-8));
    // a hole is subtracted; a multipolygon sums its parts
    auto holed = wkt("POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0), (0 0, 0 1, 1 1, 1 0, 0 0))");
    CHECK(geo::geodesic_area_km2(*holed) == Approx(0).margin(1e-6));
    auto multi = wkt("MULTIPOLYGON (((0 0, 1 0, 1 1, 0 1, 0 0)), ((121.5 31.2, 121.6 31.2, 121.6 31.3, 121.5 31.3, 121.5 31.2)))");
    CHECK(geo::geodesic_area_km2(*multi) == Approx(12308.77836146945 + 105.6119145).epsilon(1e-9));
    auto pt = wkt("POINT (1 1)");
    CHECK(geo::geodesic_area_km2(*pt) == 0);
    // 1 degree of longitude on the equator: a/1 * pi/180
    CHECK(geo::geodesic_distance_m(0, 0, 1, 0) == Approx(111319.49079327357).epsilon(1e-12));
}

TEST_CASE("reproject needs a CRS", "[crs]")
{
    geo::layer l;
    l.name = "x";
    l.source = "x.csv";
    REQUIRE_THROWS_WITH(geo::reproject(l, geo::crs::wgs84()),
                        "crs: layer 'x.csv' has no CRS. Give it with --src-crs (e.g. --src-crs wgs84 or --src-crs gcj02).");
}
