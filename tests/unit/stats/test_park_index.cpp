// park_index must agree with GEOS (the engine of PostGIS ST_Contains /
// ST_Intersects) on every point, boundary points and near-edge points included.
#include <catch2/catch.hpp>

#include <libgeo/geometry/geos.hpp>
#include <libgeo/geometry/park_index.hpp>
#include <libgeo/stats/counts.hpp>

#include <ogr_geometry.h>

#include <iomanip>
#include <random>

namespace {

geo::geometry_ptr wkt(const char* text)
{
    OGRGeometry* g = nullptr;
    REQUIRE(OGRGeometryFactory::createFromWkt(text, nullptr, &g) == OGRERR_NONE);
    return geo::geometry_ptr(g);
}

geo::location geos_location(const GEOSPreparedGeometry* pg, double x, double y)
{
    auto ctx = geo::geos::context();
    GEOSGeometry* pt = GEOSGeom_createPointFromXY_r(ctx, x, y);
    geo::location l = GEOSPreparedContains_r(ctx, pg, pt)     ? geo::location::interior
                      : GEOSPreparedIntersects_r(ctx, pg, pt) ? geo::location::boundary
                                                               : geo::location::exterior;
    GEOSGeom_destroy_r(ctx, pt);
    return l;
}

} // namespace

TEST_CASE("park_index: agrees with GEOS prepared contains/intersects", "[park_index]")
{
    // a lon/lat polygon with a hole and a slanted edge, a 2-part multipolygon, and
    // a park overlapping the first (user data can overlap)
    auto a = wkt("POLYGON((121.0 31.0,121.3 31.0,121.3 31.2,121.15 31.3,121.0 31.2,121.0 31.0),"
                 "(121.1 31.05,121.2 31.05,121.2 31.1,121.1 31.1,121.1 31.05))");
    auto b = wkt("MULTIPOLYGON(((121.4 31.0,121.5 31.0,121.45 31.1,121.4 31.0)),((121.5 31.2,121.6 31.2,121.6 31.3,121.5 31.2)))");
    auto c = wkt("POLYGON((121.25 31.15,121.45 31.15,121.45 31.25,121.25 31.25,121.25 31.15))");
    std::vector<const OGRGeometry*> gs{a.get(), b.get(), c.get()};
    geo::park_index idx(gs);
    std::vector<geo::geos::geom_ptr> gg;
    std::vector<geo::geos::prepared_ptr> pg;
    for (auto* g : gs) {
        gg.push_back(geo::geos::from_ogr(*g));
        pg.push_back(geo::geos::prepare(*gg.back()));
    }
    std::vector<std::pair<double, double>> pts;
    // every vertex, every edge midpoint, and points just off them
    for (auto* g : gs) {
        OGRGeometry* b2 = g->getBoundary();
        OGRGeometry* seg = b2->clone();
        OGRMultiLineString ml;
        if (wkbFlatten(seg->getGeometryType()) == wkbLineString)
            ml.addGeometry(seg);
        else
            for (auto* part : *seg->toGeometryCollection())
                ml.addGeometry(part);
        for (auto* ls : ml)
            for (int i = 0; i < ls->getNumPoints(); ++i) {
                double x = ls->getX(i), y = ls->getY(i);
                pts.push_back({x, y});
                pts.push_back({std::nextafter(x, 200.0), y});
                pts.push_back({x, std::nextafter(y, -90.0)});
                if (i + 1 < ls->getNumPoints()) {
                    double mx = (x + ls->getX(i + 1)) / 2, my = (y + ls->getY(i + 1)) / 2;
                    pts.push_back({mx, my});
                    pts.push_back({std::nextafter(mx, 200.0), my});
                    pts.push_back({mx, std::nextafter(my, 100.0)});
                }
            }
        OGRGeometryFactory::destroyGeometry(seg);
        OGRGeometryFactory::destroyGeometry(b2);
    }
    // a dense grid aligned with the vertices (exact hits on edges) and random points
    for (int i = 0; i <= 70; ++i)
        for (int j = 0; j <= 35; ++j)
            pts.push_back({120.95 + i * 0.01, 30.95 + j * 0.01});
    std::mt19937_64 rng(42);
    std::uniform_real_distribution<double> ux(120.9, 121.7), uy(30.9, 31.4);
    for (int i = 0; i < 20000; ++i)
        pts.push_back({ux(rng), uy(rng)});
    std::size_t boundary = 0, interior = 0;
    for (auto [x, y] : pts) {
        for (std::size_t k = 0; k < gs.size(); ++k) {
            auto expect = geos_location(pg[k].get(), x, y);
            auto got = idx.locate(k, x, y);
            INFO("park " << k << " point " << std::setprecision(17) << x << " " << y);
            REQUIRE(got == expect);
            boundary += got == geo::location::boundary;
            interior += got == geo::location::interior;
        }
        // query() reports exactly the parks whose closure holds the point
        std::vector<std::pair<std::size_t, geo::location>> q;
        idx.query(x, y, [&](std::size_t k, geo::location l) { q.emplace_back(k, l); });
        std::vector<std::pair<std::size_t, geo::location>> want;
        for (std::size_t k = 0; k < gs.size(); ++k)
            if (auto l = idx.locate(k, x, y); l != geo::location::exterior)
                want.emplace_back(k, l);
        REQUIRE(q == want);
    }
    CHECK(boundary > 100); // the fixture really exercises boundary points
    CHECK(interior > 1000);
}

TEST_CASE("park_index: orientation equals GEOS on near-collinear points", "[park_index]")
{
    CHECK(geo::park_index::orientation(0, 0, 1, 1, 0.5, 0.5) == 0);
    CHECK(geo::park_index::orientation(0, 0, 1, 1, 0.5, std::nextafter(0.5, 1.0)) == 1);
    CHECK(geo::park_index::orientation(0, 0, 1, 1, 0.5, std::nextafter(0.5, 0.0)) == -1);
    // points a few ulps off lon/lat segments: the floating-point filter cannot decide,
    // the exact fallback must give GEOS's answer
    auto ctx = geo::geos::context();
    std::mt19937_64 rng(7);
    std::uniform_real_distribution<double> u(0, 1);
    int undecided = 0;
    for (int i = 0; i < 20000; ++i) {
        double x1 = 121 + u(rng), y1 = 31 + u(rng), x2 = 121 + u(rng), y2 = 31 + u(rng), t = u(rng);
        if (i % 4 == 0) { // dyadic coordinates: the midpoint is exactly collinear
            x1 = std::round(x1 * 1024) / 1024;
            y1 = std::round(y1 * 1024) / 1024;
            x2 = std::round(x2 * 1024) / 1024;
            y2 = std::round(y2 * 1024) / 1024;
            t = 0.5;
        }
        double qx = x1 + t * (x2 - x1), qy = y1 + t * (y2 - y1);
        for (int k = 0; k < i % 4; ++k)
            qy = std::nextafter(qy, 100.0);
        int want = GEOSOrientationIndex_r(ctx, x1, y1, x2, y2, qx, qy);
        REQUIRE(geo::park_index::orientation(x1, y1, x2, y2, qx, qy) == want);
        undecided += want == 0;
    }
    CHECK(undecided > 0);
}

TEST_CASE("count_batch: boundary rule, outside, several parks", "[park_index]")
{
    // unit squares [0,2]x[0,2] and [1,3]x[0,2] overlap in [1,2]x[0,2]
    auto a = wkt("POLYGON((0 0,2 0,2 2,0 2,0 0))");
    auto b = wkt("POLYGON((1 0,3 0,3 2,1 2,1 0))");
    geo::park_index idx({a.get(), b.get()});
    geo::point_batch pb;
    // (0.5,1) in A; (1.5,1) in A and B; (2,1) on A's edge and inside B; (5,5) outside; (0,0) on A's corner
    for (auto [x, y] : std::vector<std::pair<double, double>>{{0.5, 1}, {1.5, 1}, {2, 1}, {5, 5}, {0, 0}}) {
        pb.x.push_back(x);
        pb.y.push_back(y);
        pb.industry.push_back(0);
        pb.id.push_back(0);
    }
    geo::stats::count_table ex(2, {"x"}, false), in(2, {"x"}, false);
    geo::stats::count_batch(idx, geo::stats::boundary_rule::exclude, pb, ex);
    geo::stats::count_batch(idx, geo::stats::boundary_rule::include, pb, in);
    CHECK(ex.n(0, 0) == 2); // (0.5,1), (1.5,1)
    CHECK(ex.n(1, 0) == 2); // (1.5,1), (2,1)
    CHECK(ex.outside_total == 2); // (5,5), (0,0)
    CHECK(ex.on_boundary == 2);   // (2,1), (0,0)
    CHECK(ex.multi_park == 1);
    CHECK(in.n(0, 0) == 4); // + (2,1), (0,0)
    CHECK(in.n(1, 0) == 2);
    CHECK(in.outside_total == 1);
    CHECK(in.multi_park == 2); // (1.5,1), (2,1)
}
