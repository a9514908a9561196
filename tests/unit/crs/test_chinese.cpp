#include <catch2/catch.hpp>

#include <libgeo/crs/chinese.hpp>

#include <cmath>

using namespace geo::chinese;

// Reference pairs published in the test suites of two widely used
// implementations (values read there, not computed here):
//  - wandergis/coordtransform, test/app.js: input (116.404, 39.915)
//      wgs84togcj02 -> [116.41024449916938, 39.91640428150164]
//      gcj02tobd09  -> [116.41036949371029, 39.92133699351021]
//      bd09togcj02  -> [116.39762729119315, 39.90865673957631]  (one-step approximate inverse)
//      gcj02towgs84 -> [116.39775550083061, 39.91359571849836]  (one-step approximate inverse)
//  - hujiulong/gcoord, test/unit/crs/GCJ02.spec.js: input (123, 45)
//      GCJ02 -> WGS84 ~ (122.99395597, 44.99804071), GCJ02 -> BD09 ~ (123.00636499, 45.00636899)
//      (checked there to 5 decimals), and (183, 45) outside China is returned unchanged.
// The forward formulas are exact, so forward values must agree to 1e-12 degrees.
// Our inverses iterate to convergence; the one-step inverses above are only
// accurate to ~1e-5 degrees, so they are compared at that tolerance.

TEST_CASE("WGS84 -> GCJ-02 and GCJ-02 -> BD-09 match published reference pairs", "[crs][chinese]")
{
    auto g = wgs84_to_gcj02({116.404, 39.915});
    CHECK(g.lon == Approx(116.41024449916938).margin(1e-12));
    CHECK(g.lat == Approx(39.91640428150164).margin(1e-12));

    auto b = gcj02_to_bd09({116.404, 39.915});
    CHECK(b.lon == Approx(116.41036949371029).margin(1e-12));
    CHECK(b.lat == Approx(39.92133699351021).margin(1e-12));

    auto b2 = gcj02_to_bd09({123, 45});
    CHECK(b2.lon == Approx(123.00636499).margin(1e-5));
    CHECK(b2.lat == Approx(45.00636899).margin(1e-5));
}

TEST_CASE("inverse transforms agree with published approximate inverses", "[crs][chinese]")
{
    auto w = gcj02_to_wgs84({116.404, 39.915});
    CHECK(w.lon == Approx(116.39775550083061).margin(2e-5));
    CHECK(w.lat == Approx(39.91359571849836).margin(2e-5));

    auto g = bd09_to_gcj02({116.404, 39.915});
    CHECK(g.lon == Approx(116.39762729119315).margin(2e-5));
    CHECK(g.lat == Approx(39.90865673957631).margin(2e-5));

    auto w2 = gcj02_to_wgs84({123, 45});
    CHECK(w2.lon == Approx(122.99395597).margin(1e-5));
    CHECK(w2.lat == Approx(44.99804071).margin(1e-5));
}

TEST_CASE("points outside China are left unchanged", "[crs][chinese]")
{
    for (lonlat p : {lonlat{183, 45}, lonlat{2.35, 48.85}, lonlat{-74.0, 40.7}, lonlat{121.5, 60.0}}) {
        CHECK(out_of_china(p.lon, p.lat));
        auto g = wgs84_to_gcj02(p);
        CHECK(g.lon == p.lon);
        CHECK(g.lat == p.lat);
        auto w = gcj02_to_wgs84(p);
        CHECK(w.lon == p.lon);
        CHECK(w.lat == p.lat);
        auto b = bd09_to_wgs84(p);
        CHECK(b.lon == p.lon);
        CHECK(b.lat == p.lat);
    }
    CHECK_FALSE(out_of_china(121.5, 31.2));
}

TEST_CASE("round trips over a grid covering Shanghai stay within 1e-7 degrees", "[crs][chinese]")
{
    // Shanghai: 120.85..122.2 E, 30.65..31.9 N; 0.05 degree steps (28 x 26 points).
    double worst_gcj = 0, worst_bd = 0, min_shift = 1, max_shift = 0;
    for (double lon = 120.85; lon <= 122.2; lon += 0.05) {
        for (double lat = 30.65; lat <= 31.9; lat += 0.05) {
            const lonlat p{lon, lat};
            auto g = wgs84_to_gcj02(p);
            auto back = gcj02_to_wgs84(g);
            worst_gcj = std::max({worst_gcj, std::abs(back.lon - lon), std::abs(back.lat - lat)});
            auto b = wgs84_to_bd09(p);
            auto back2 = bd09_to_wgs84(b);
            worst_bd = std::max({worst_bd, std::abs(back2.lon - lon), std::abs(back2.lat - lat)});
            // the GCJ-02 shift around Shanghai is a few hundred metres (~0.002..0.005 degrees)
            double shift = std::hypot(g.lon - lon, g.lat - lat);
            min_shift = std::min(min_shift, shift);
            max_shift = std::max(max_shift, shift);
        }
    }
    CHECK(worst_gcj < 1e-7);
    CHECK(worst_bd < 1e-7);
    CHECK(min_shift > 0.001);
    CHECK(max_shift < 0.01);
}
