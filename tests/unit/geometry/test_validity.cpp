#include <catch2/catch.hpp>

#include <libgeo/core/error.hpp>
#include <libgeo/crs/geodesic.hpp>
#include <libgeo/geometry/validity.hpp>

namespace {

geo::geometry_ptr wkt(const char* text)
{
    OGRGeometry* g = nullptr;
    REQUIRE(OGRGeometryFactory::createFromWkt(text, nullptr, &g) == OGRERR_NONE);
    return geo::geometry_ptr(g);
}

} // namespace

TEST_CASE("validity reports GEOS reasons with locations", "[geometry][validity]")
{
    CHECK(geo::check_validity(*wkt("POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))")).valid);
    auto bow = geo::check_validity(*wkt("POLYGON ((0 0, 2 2, 2 0, 0 2, 0 0))"));
    CHECK_FALSE(bow.valid);
    CHECK(bow.reason == "Self-intersection");
    CHECK(bow.describe() == "Self-intersection at (1, 1)");
    auto ring = geo::check_validity(*wkt("POLYGON ((0 0, 4 0, 4 4, 0 4, 0 0), (5 5, 6 5, 6 6, 5 6, 5 5))"));
    CHECK_FALSE(ring.valid);
    CHECK(ring.reason == "Hole lies outside shell");
    auto spike = geo::check_validity(*wkt("POLYGON ((0 0, 1 0, 1 0, 0 0))"));
    CHECK_FALSE(spike.valid);
    CHECK(spike.reason == "Too few points in geometry component");
    CHECK(geo::check_validity(*wkt("POLYGON EMPTY")).valid);
    CHECK(geo::validity{}.describe() == "valid");
}

TEST_CASE("make_valid repairs a bow-tie into two triangles (structure method)", "[geometry][validity]")
{
    auto fixed = geo::make_valid(*wkt("POLYGON ((0 0, 2 2, 2 0, 0 2, 0 0))"));
    CHECK(geo::check_validity(*fixed).valid);
    CHECK(wkbFlatten(fixed->getGeometryType()) == wkbMultiPolygon);
    CHECK(fixed->toMultiPolygon()->get_Area() == Approx(2.0));
    // overlapping rings: structure keeps the union of the shell minus holes
    auto holes = geo::make_valid(*wkt("POLYGON ((0 0, 4 0, 4 4, 0 4, 0 0), (1 1, 5 1, 5 2, 1 2, 1 1))"));
    CHECK(geo::check_validity(*holes).valid);
    const auto t = wkbFlatten(holes->getGeometryType());
    CHECK((t == wkbPolygon || t == wkbMultiPolygon));
}

TEST_CASE("layer validity: check, require and repair", "[geometry][validity]")
{
    geo::layer l;
    l.name = "parks";
    l.source = "parks.geojson";
    for (const char* w : {"POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))", "POLYGON ((0 0, 2 2, 2 0, 0 2, 0 0))"}) {
        geo::feature f;
        f.geometry = wkt(w);
        l.features.push_back(std::move(f));
    }
    l.features.emplace_back(); // no geometry
    auto v = geo::check_layer(l);
    CHECK(v.checked == 2);
    CHECK(v.invalid == 1);
    CHECK(v.first_feature == 2);
    REQUIRE_THROWS_WITH(geo::require_valid(l, v),
                        "'parks.geojson': feature 2 has an invalid geometry: Self-intersection at (1, 1) "
                        "(1 of 2 geometries invalid). Use --make-valid to repair.");
    REQUIRE_THROWS_AS(geo::require_valid(l, v), geo::geometry_error);
    auto r = geo::repair_layer(l);
    CHECK(r.repaired == 1);
    CHECK(geo::check_layer(l).invalid == 0);
    CHECK_NOTHROW(geo::require_valid(l, geo::check_layer(l)));
}
