// Overlay engine: hand-computable areas on metric squares, semantics of each
// operation on two overlapping squares, agreement with a brute-force loop over
// the GEOS C API, determinism across thread counts, repair of invalid input.
#include <catch2/catch.hpp>

#include <libgeo/core/error.hpp>
#include <libgeo/crs/crs.hpp>
#include <libgeo/crs/geodesic.hpp>
#include <libgeo/geometry/geos.hpp>
#include <libgeo/overlay/overlay.hpp>

#include <cmath>
#include <random>

namespace {

using geo::overlay::operation;

geo::geometry_ptr wkt(const std::string& text)
{
    OGRGeometry* g = nullptr;
    REQUIRE(OGRGeometryFactory::createFromWkt(text.c_str(), nullptr, &g) == OGRERR_NONE);
    return geo::geometry_ptr(g);
}

// A layer in UTM 51N (metres) with one string field "name" per feature.
geo::layer make_layer(const std::string& source, const std::vector<std::pair<std::string, std::string>>& items,
                      const std::string& field = "name")
{
    geo::layer l;
    l.name = source;
    l.source = source;
    l.crs = geo::crs::parse("EPSG:32651").srs();
    l.fields = {{field, geo::field_type::string}};
    std::int64_t i = 0;
    for (const auto& [name, text] : items) {
        geo::feature f;
        f.values = {name};
        if (!text.empty())
            f.geometry = wkt(text);
        f.source_index = i++;
        l.features.push_back(std::move(f));
    }
    return l;
}

geo::overlay::options planar(operation op)
{
    geo::overlay::options o;
    o.op = op;
    o.area_crs = geo::crs::parse("EPSG:32651"); // same CRS: exact planar areas
    return o;
}

double area_of(const geo::layer& l, std::size_t k) { return std::get<double>(l.features[k].values.back()); }

double total_area(const geo::layer& l)
{
    double s = 0;
    for (std::size_t k = 0; k < l.features.size(); ++k)
        s += area_of(l, k);
    return s;
}

std::string text(const geo::layer& l, std::size_t k, const std::string& field)
{
    return l.text(l.features[k], *l.field_index(field));
}

// A: 2 km square at the origin; B: 2 km square shifted by (1 km, 1 km). Overlap 1 km².
const std::string square_a = "POLYGON((0 0,2000 0,2000 2000,0 2000,0 0))";
const std::string square_b = "POLYGON((1000 1000,3000 1000,3000 3000,1000 3000,1000 1000))";

} // namespace

TEST_CASE("overlay operations on two overlapping 2 km squares have hand-computed areas", "[overlay]")
{
    auto a = make_layer("a.gpkg", {{"A", square_a}});
    auto b = make_layer("b.gpkg", {{"B", square_b}});

    SECTION("intersection: one 1 km² piece with both names")
    {
        auto r = geo::overlay::run(a, b, planar(operation::intersection));
        REQUIRE(r.out.features.size() == 1);
        CHECK(area_of(r.out, 0) == Approx(1.0).epsilon(1e-12));
        CHECK(text(r.out, 0, "name_1") == "A");
        CHECK(text(r.out, 0, "name_2") == "B");
    }
    SECTION("union: overlap, A only, B only")
    {
        auto r = geo::overlay::run(a, b, planar(operation::union_));
        REQUIRE(r.out.features.size() == 3);
        CHECK(area_of(r.out, 0) == Approx(1.0));
        CHECK(area_of(r.out, 1) == Approx(3.0));
        CHECK(text(r.out, 1, "name_1") == "A");
        CHECK(text(r.out, 1, "name_2") == "");
        CHECK(area_of(r.out, 2) == Approx(3.0));
        CHECK(text(r.out, 2, "name_1") == "");
        CHECK(text(r.out, 2, "name_2") == "B");
        CHECK(total_area(r.out) == Approx(7.0));
    }
    SECTION("identity: A cut by B, nothing of B outside A")
    {
        auto r = geo::overlay::run(a, b, planar(operation::identity));
        REQUIRE(r.out.features.size() == 2);
        CHECK(total_area(r.out) == Approx(4.0));
        CHECK(text(r.out, 0, "name_2") == "B");
        CHECK(text(r.out, 1, "name_2") == "");
    }
    SECTION("difference: A − B with A's fields only")
    {
        auto r = geo::overlay::run(a, b, planar(operation::difference));
        REQUIRE(r.out.features.size() == 1);
        CHECK(area_of(r.out, 0) == Approx(3.0));
        REQUIRE(r.out.fields.size() == 2);
        CHECK(r.out.fields[0].name == "name");
        CHECK(r.out.fields[1].name == "area_km2");
    }
    SECTION("symdifference: A − B and B − A")
    {
        auto r = geo::overlay::run(a, b, planar(operation::symdifference));
        REQUIRE(r.out.features.size() == 2);
        CHECK(area_of(r.out, 0) == Approx(3.0));
        CHECK(area_of(r.out, 1) == Approx(3.0));
        CHECK(r.a_index == std::vector<std::int64_t>{0, -1});
        CHECK(r.b_index == std::vector<std::int64_t>{-1, 0});
    }
    SECTION("clip: A inside B with A's fields only")
    {
        auto r = geo::overlay::run(a, b, planar(operation::clip));
        REQUIRE(r.out.features.size() == 1);
        CHECK(area_of(r.out, 0) == Approx(1.0));
        CHECK(r.out.fields.size() == 2);
    }
}

TEST_CASE("overlay keeps polygonal pieces only when both inputs are polygonal", "[overlay]")
{
    // Squares sharing an edge: their intersection is a line.
    auto a = make_layer("a", {{"A", "POLYGON((0 0,1000 0,1000 1000,0 1000,0 0))"}});
    auto b = make_layer("b", {{"B", "POLYGON((1000 0,2000 0,2000 1000,1000 1000,1000 0))"}});
    auto o = planar(operation::intersection);
    CHECK(geo::overlay::run(a, b, o).out.features.empty());
    o.keep_geom_type = false;
    auto r = geo::overlay::run(a, b, o);
    REQUIRE(r.out.features.size() == 1);
    CHECK(wkbFlatten(r.out.features[0].geometry->getGeometryType()) == wkbLineString);

    // Lines × polygons: the pieces are lines.
    auto lines = make_layer("roads", {{"R", "LINESTRING(-500 500,2500 500)"}});
    auto sq = make_layer("parks", {{"P", "POLYGON((0 0,1000 0,1000 1000,0 1000,0 0))"}});
    auto rl = geo::overlay::run(lines, sq, planar(operation::intersection));
    REQUIRE(rl.out.features.size() == 1);
    CHECK(rl.out.features[0].geometry->toLineString()->get_Length() == Approx(1000.0));
    auto rd = geo::overlay::run(lines, sq, planar(operation::difference));
    REQUIRE(rd.out.features.size() == 1);
    CHECK(wkbFlatten(rd.out.features[0].geometry->getGeometryType()) == wkbMultiLineString);

    CHECK_THROWS_WITH(geo::overlay::run(lines, sq, planar(operation::union_)),
                      "overlay: union needs polygon layers, but 'roads' holds lines. Use intersection, identity or difference.");
}

TEST_CASE("overlay names clashing fields like GeoPandas, or with QGIS-style prefixes", "[overlay]")
{
    auto a = make_layer("a", {{"A", square_a}});
    auto b = make_layer("b", {{"B", square_b}});
    a.add_field("area_km2", geo::field_type::real);
    b.add_field("landuse", geo::field_type::string);
    auto o = planar(operation::intersection);
    std::vector<std::string> names;
    for (const auto& f : geo::overlay::output_fields(a, b, o))
        names.push_back(f.name);
    CHECK(names == std::vector<std::string>{"name_1", "area_km2_1", "name_2", "landuse", "area_km2"});
    o.prefix_a = "park_";
    o.prefix_b = "lu_";
    names.clear();
    for (const auto& f : geo::overlay::output_fields(a, b, o))
        names.push_back(f.name);
    CHECK(names == std::vector<std::string>{"park_name", "park_area_km2", "lu_name", "lu_landuse", "area_km2"});
}

TEST_CASE("overlay repairs a bow-tie, drops null and collapsed geometries, and reports them", "[overlay]")
{
    auto a = make_layer("bad.geojson", {{"bowtie", "POLYGON((0 0,2000 2000,2000 0,0 2000,0 0))"},
                                        {"none", ""},
                                        {"flat", "POLYGON((0 0,1000 1000,2000 2000,0 0))"}});
    auto b = make_layer("b.geojson", {{"B", "POLYGON((-1000 -1000,3000 -1000,3000 3000,-1000 3000,-1000 -1000))"}});
    auto r = geo::overlay::run(a, b, planar(operation::intersection));
    // The bow-tie becomes two triangles of 1 km² each (structure method keeps the area inside the rings).
    REQUIRE(r.out.features.size() == 1);
    CHECK(area_of(r.out, 0) == Approx(2.0));
    CHECK(wkbFlatten(r.out.features[0].geometry->getGeometryType()) == wkbMultiPolygon);
    REQUIRE(r.repairs.entries.size() == 3);
    const auto& e = r.repairs.entries;
    CHECK(e[0].layer == "bad.geojson");
    CHECK(e[0].feature == 1);
    CHECK(e[0].reason == "Self-intersection at (1000, 1000)");
    CHECK(e[0].action == "repaired");
    CHECK(e[1].feature == 2);
    CHECK(e[1].reason == "no geometry");
    CHECK(e[1].action == "dropped");
    CHECK(e[2].feature == 3);
    CHECK(e[2].action == "dropped");
    CHECK(e[2].reason.find("nothing is left after repair") != std::string::npos);
    CHECK(r.repairs.summary() == "repaired 1 invalid geometry (bad.geojson: 1), dropped 2 features (bad.geojson: 2)");
    CHECK(r.repairs.to_csv().rfind("layer,feature,reason,action\nbad.geojson,1,\"Self-intersection at (1000, 1000)\",repaired\n", 0) == 0);
}

TEST_CASE("overlay refuses layers in different CRSs and unknown operations", "[overlay]")
{
    auto a = make_layer("a.gpkg", {{"A", square_a}});
    auto b = make_layer("b.gpkg", {{"B", square_b}});
    b.crs = geo::crs::shanghai_tm().srs();
    CHECK_THROWS_WITH(geo::overlay::run(a, b, planar(operation::intersection)),
                      "overlay: 'a.gpkg' and 'b.gpkg' are in different CRSs. Reproject one of them first (e.g. ogr2ogr -t_srs).");
    CHECK_THROWS_WITH(geo::overlay::parse_operation("intersect"),
                      "overlay: unknown operation 'intersect'. Use one of: intersection, union, identity, difference, symdifference, clip.");
    CHECK(geo::overlay::parse_operation("erase") == operation::difference);
}

namespace {

// Voronoi cells of random points over a 10 km box (a coverage like the peers' parcels)
// and a few star-shaped polygons over it.
struct random_fixture {
    geo::layer cells, stars;
};

random_fixture make_random(unsigned seed)
{
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> u(0, 10000);
    auto ctx = geo::geos::context();
    std::string mp = "MULTIPOINT(";
    for (int i = 0; i < 1500; ++i)
        mp += (i ? "," : "") + std::to_string(u(rng)) + " " + std::to_string(u(rng));
    mp += ")";
    auto pts = geo::geos::from_ogr(*wkt(mp));
    auto env = geo::geos::from_ogr(*wkt("POLYGON((0 0,10000 0,10000 10000,0 10000,0 0))"));
    geo::geos::geom_ptr vor(GEOSVoronoiDiagram_r(ctx, pts.get(), env.get(), 0, 0));
    std::vector<std::pair<std::string, std::string>> cells;
    for (int i = 0; i < GEOSGetNumGeometries_r(ctx, vor.get()); ++i) {
        geo::geos::geom_ptr c(GEOSIntersection_r(ctx, GEOSGetGeometryN_r(ctx, vor.get(), i), env.get()));
        auto og = geo::geos::to_ogr(*c);
        char* t = nullptr;
        og->exportToWkt(&t);
        cells.emplace_back("c" + std::to_string(i), t);
        CPLFree(t);
    }
    std::vector<std::pair<std::string, std::string>> stars;
    for (int s = 0; s < 5; ++s) {
        double cx = 2000 + u(rng) * 0.6, cy = 2000 + u(rng) * 0.6, r0 = 800 + u(rng) * 0.1;
        std::string w = "POLYGON((";
        const int n = 90;
        for (int k = 0; k <= n; ++k) {
            double th = 2 * M_PI * (k % n) / n;
            double r = r0 * (1 + 0.3 * std::cos(5 * th + s));
            w += (k ? "," : "") + std::to_string(cx + r * std::cos(th)) + " " + std::to_string(cy + r * std::sin(th));
        }
        stars.emplace_back("s" + std::to_string(s), w + "))");
    }
    return {make_layer("cells", cells, "cell"), make_layer("stars", stars, "star")};
}

} // namespace

TEST_CASE("overlay intersection agrees with a brute-force loop over the GEOS C API", "[overlay][geos]")
{
    auto f = make_random(20240515);
    auto ctx = geo::geos::context();
    // Reference: every pair, GEOSIntersection_r, polygonal parts only (CollectionExtract 3), GEOSArea_r.
    std::size_t ref_pieces = 0;
    double ref_area = 0;
    std::vector<double> ref_piece_area;
    for (const auto& s : f.stars.features) {
        auto gs = geo::geos::from_ogr(*s.geometry);
        for (const auto& c : f.cells.features) {
            auto gc = geo::geos::from_ogr(*c.geometry);
            geo::geos::geom_ptr x(GEOSIntersection_r(ctx, gs.get(), gc.get()));
            double area = 0;
            GEOSArea_r(ctx, x.get(), &area);
            if (area > 0) {
                ++ref_pieces;
                ref_area += area;
                ref_piece_area.push_back(area / 1e6);
            }
        }
    }
    REQUIRE(ref_pieces > 100);
    for (unsigned threads : {1u, 2u, 4u}) {
        auto o = planar(operation::intersection);
        o.threads = threads;
        auto r = geo::overlay::run(f.stars, f.cells, o);
        CHECK(r.out.features.size() == ref_pieces);
        CHECK(total_area(r.out) == Approx(ref_area / 1e6).epsilon(1e-9));
        REQUIRE(r.out.features.size() == ref_piece_area.size());
        for (std::size_t k = 0; k < ref_piece_area.size(); ++k)
            CHECK(area_of(r.out, k) == Approx(ref_piece_area[k]).epsilon(1e-9));
    }
    // B as the many small features and A as the few large ones: same total.
    auto swapped = geo::overlay::run(f.cells, f.stars, planar(operation::intersection));
    CHECK(swapped.out.features.size() == ref_pieces);
    CHECK(total_area(swapped.out) == Approx(ref_area / 1e6).epsilon(1e-9));
}

TEST_CASE("overlay output is identical whatever the thread count", "[overlay]")
{
    auto f = make_random(7);
    for (auto op : {operation::union_, operation::identity, operation::symdifference, operation::difference}) {
        auto o = planar(op);
        o.threads = 1;
        auto r1 = geo::overlay::run(f.stars, f.cells, o);
        o.threads = 3;
        auto r3 = geo::overlay::run(f.stars, f.cells, o);
        REQUIRE(r1.out.features.size() == r3.out.features.size());
        for (std::size_t k = 0; k < r1.out.features.size(); ++k) {
            CHECK(r1.a_index[k] == r3.a_index[k]);
            CHECK(r1.b_index[k] == r3.b_index[k]);
            CHECK(r1.out.features[k].geometry->Equals(r3.out.features[k].geometry.get()));
        }
    }
    // Features are not dissolved inside a layer (as in GeoPandas): the union's pieces add up to
    // Σ stars + box − |∪stars ∩ box| (star∩cell and star−box per star, cell − ∪stars per cell).
    auto ctx = geo::geos::context();
    double stars = 0;
    std::vector<GEOSGeometry*> parts;
    for (const auto& st : f.stars.features) {
        stars += st.geometry->toPolygon()->get_Area() / 1e6;
        parts.push_back(geo::geos::from_ogr(*st.geometry).release());
    }
    geo::geos::geom_ptr coll(GEOSGeom_createCollection_r(ctx, GEOS_GEOMETRYCOLLECTION, parts.data(), 5));
    geo::geos::geom_ptr u(GEOSUnaryUnion_r(ctx, coll.get()));
    auto box = geo::geos::from_ogr(*wkt("POLYGON((0 0,10000 0,10000 10000,0 10000,0 0))"));
    geo::geos::geom_ptr ub(GEOSIntersection_r(ctx, u.get(), box.get()));
    double ub_area = 0;
    GEOSArea_r(ctx, ub.get(), &ub_area);
    auto ru = geo::overlay::run(f.stars, f.cells, planar(operation::union_));
    CHECK(total_area(ru.out) == Approx(stars + 100.0 - ub_area / 1e6).epsilon(1e-9));
    CHECK(stars > ub_area / 1e6); // the fixture does have overlapping stars
}

TEST_CASE("overlay computes geodesic areas on WGS84 input", "[overlay]")
{
    // 0.01° × 0.01° cell at 31.2 N: about 1.11 km × 0.95 km.
    geo::layer a, b;
    for (auto* l : {&a, &b}) {
        l->crs = geo::wgs84();
        l->source = l == &a ? "a" : "b";
    }
    geo::feature fa, fb;
    fa.geometry = wkt("POLYGON((121.50 31.20,121.52 31.20,121.52 31.22,121.50 31.22,121.50 31.20))");
    fb.geometry = wkt("POLYGON((121.51 31.21,121.53 31.21,121.53 31.23,121.51 31.23,121.51 31.21))");
    a.features.push_back(fa);
    b.features.push_back(fb);
    geo::overlay::options o;
    auto r = geo::overlay::run(a, b, o);
    REQUIRE(r.out.features.size() == 1);
    auto cell = wkt("POLYGON((121.51 31.21,121.52 31.21,121.52 31.22,121.51 31.22,121.51 31.21))");
    CHECK(area_of(r.out, 0) == Approx(geo::geodesic_area_km2(*cell)).epsilon(1e-12));
    CHECK(area_of(r.out, 0) == Approx(0.952 * 1.109).epsilon(5e-3)); // cos(31.215°)·111.3 km × 110.9 km, /100
}
