// The embedded layers (layers/parks.geojson, layouts.json, districts.geojson):
// they load, are valid, lie inside Shanghai and inside their districts, and
// match the published areas where one exists.
#include <catch2/catch.hpp>

#include <libgeo/crs/geodesic.hpp>
#include <libgeo/geometry/geos.hpp>
#include <libgeo/geometry/validity.hpp>
#include <libgeo/model/layers.hpp>
#include <libgeo/model/plan.hpp>

#include <map>
#include <set>

namespace {

namespace gg = geo::geos;

/// Union of the district polygons, keyed by GB/T 2260 code ("" = all of Shanghai).
std::map<std::string, gg::geom_ptr> district_unions(const geo::layer& districts)
{
    std::map<std::string, gg::geom_ptr> out;
    auto code_field = districts.require_field("adcode");
    std::vector<GEOSGeometry*> all;
    for (const auto& f : districts.features) {
        auto g = gg::from_ogr(*f.geometry);
        all.push_back(GEOSGeom_clone_r(gg::context(), g.get()));
        out[districts.text(f, code_field)] = std::move(g);
    }
    GEOSGeometry* coll = GEOSGeom_createCollection_r(gg::context(), GEOS_GEOMETRYCOLLECTION, all.data(),
                                                     static_cast<unsigned>(all.size()));
    gg::geom_ptr c(coll);
    out[""] = gg::geom_ptr(GEOSUnaryUnion_r(gg::context(), c.get()));
    return out;
}

/// Share (0..1) of the park's area outside `region`, geodesic.
double share_outside(const OGRGeometry& park, const GEOSGeometry& region)
{
    auto g = gg::from_ogr(park);
    gg::geom_ptr diff(GEOSDifference_r(gg::context(), g.get(), &region));
    REQUIRE(diff);
    auto outside = gg::to_ogr(*diff);
    return geo::geodesic_area_km2(*outside) / geo::geodesic_area_km2(park);
}

} // namespace

TEST_CASE("the embedded plan loads: 22 parks with unique ids and four layouts", "[model][data]")
{
    const auto plan = geo::model::plan::load();
    REQUIRE(plan.parks().size() == 22);
    std::set<std::string> ids, names;
    for (const auto& p : plan.parks()) {
        ids.insert(p.id);
        names.insert(p.name_zh);
        CHECK_FALSE(p.name_en.empty());
        CHECK_FALSE(p.districts_zh.empty());
        CHECK(p.districts_zh.size() == p.district_codes.size());
        CHECK((p.geometry_quality == "approximate" || p.geometry_quality == "schematic"));
        CHECK_FALSE(p.geometry_source.empty());
    }
    CHECK(ids.size() == 22);
    CHECK(names.size() == 22);
    std::vector<std::string> layouts;
    for (const auto& l : plan.layouts())
        layouts.push_back(l.id);
    CHECK(layouts == std::vector<std::string>{"ic", "biomed", "ai", "overall"});
    // Every park a layout names exists (the loader refuses unknown ids; check the result too).
    for (const auto& l : plan.layouts())
        for (const auto& r : l.roles)
            for (const auto& id : r.members())
                CHECK(plan.find_park(id) != nullptr);
    CHECK(plan.find_park("张江科学城") == &plan.require_park("zjsc"));
    CHECK(plan.roles_of("lingang") ==
          std::map<std::string, std::string>{{"ic", "wings"}, {"biomed", "five"}, {"ai", "four"}, {"overall", "pole"}});
}

TEST_CASE("park geometries are valid polygons inside Shanghai and inside their districts", "[model][data]")
{
    const auto plan = geo::model::plan::load();
    const auto districts = geo::model::embedded_layer(plan, "districts");
    REQUIRE(districts.features.size() == 16);
    const auto unions = district_unions(districts);
    for (const auto& p : plan.parks()) {
        INFO("park " << p.id << " (" << p.name_zh << ")");
        const OGRGeometry& g = plan.geometry(p);
        auto v = geo::check_validity(g);
        CHECK(v.valid);
        INFO(v.describe());
        CHECK(plan.area_km2(p) > 0.5);
        // The districts layer is generalised (coastline vertices ~100 m apart): allow 1 % outside.
        CHECK(share_outside(g, *unions.at("")) < 0.01);
        std::vector<GEOSGeometry*> parts;
        for (const auto& code : p.district_codes) {
            REQUIRE(unions.count(code));
            parts.push_back(GEOSGeom_clone_r(gg::context(), unions.at(code).get()));
        }
        gg::geom_ptr coll(GEOSGeom_createCollection_r(gg::context(), GEOS_GEOMETRYCOLLECTION, parts.data(),
                                                      static_cast<unsigned>(parts.size())));
        gg::geom_ptr own(GEOSUnaryUnion_r(gg::context(), coll.get()));
        CHECK(share_outside(g, *own) < 0.01);
    }
}

TEST_CASE("park areas are within 10 % of the published figure where one exists", "[model][data]")
{
    const auto plan = geo::model::plan::load();
    int with_figure = 0;
    for (const auto& p : plan.parks()) {
        if (!p.planned_area_km2)
            continue;
        ++with_figure;
        INFO("park " << p.id << ": published " << *p.planned_area_km2 << " km², geometry " << plan.area_km2(p));
        CHECK(std::abs(plan.area_km2(p) - *p.planned_area_km2) <= 0.10 * *p.planned_area_km2);
    }
    CHECK(with_figure >= 4); // zjsc, caohejing, jingan, jinshan, songjiang have published figures
}

TEST_CASE("the export layers carry roles and areas", "[model][data]")
{
    const auto plan = geo::model::plan::load();
    SECTION("one layout: role fields, derived flag, non-members kept or dropped")
    {
        const auto& lo = plan.require_layout("biomed");
        auto l = geo::model::layout_layer(plan, lo);
        CHECK(l.name == "layout_biomed");
        CHECK(l.features.size() == 22);
        auto id = l.require_field("id"), role = l.require_field("role_id"), der = l.require_field("derived");
        std::map<std::string, std::pair<std::string, std::string>> got;
        for (const auto& f : l.features)
            got[l.text(f, id)] = {l.text(f, role), l.text(f, der)};
        CHECK(got["zjsc"] == std::pair<std::string, std::string>{"one", "0"});
        CHECK(got["qingpu"] == std::pair<std::string, std::string>{"x", "1"});
        CHECK(got["expo"] == std::pair<std::string, std::string>{"", ""});
        auto members = geo::model::layout_layer(plan, lo, true);
        CHECK(members.features.size() == 9);
    }
    SECTION("all layouts: one role attribute per layout and n_layouts")
    {
        auto l = geo::model::parks_layer(plan);
        auto id = l.require_field("id"), n = l.require_field("n_layouts"), ai = l.require_field("role_ai");
        auto area = l.require_field("area_km2");
        for (const auto& f : l.features) {
            if (l.text(f, id) == "zjsc") {
                CHECK(l.text(f, n) == "4");
                CHECK(l.text(f, ai) == "four");
                CHECK(std::get<double>(f.values[area]) == Approx(plan.area_km2(plan.require_park("zjsc"))).margin(0.001));
            }
            if (l.text(f, id) == "chongming")
                CHECK(l.text(f, n) == "1");
        }
    }
    SECTION("embedded point layers")
    {
        CHECK(geo::model::embedded_layer(plan, "featured_parks").features.size() >= 5);
        CHECK(geo::model::embedded_layer(plan, "facilities").features.size() >= 5);
        REQUIRE_THROWS_WITH(geo::model::embedded_layer(plan, "roads"),
                            "plan: no embedded layer 'roads'. Layers: parks, featured_parks, facilities, districts.");
    }
}
