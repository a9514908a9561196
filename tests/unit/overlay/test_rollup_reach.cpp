// Area roll-ups, reach (within-distance) and result tables.
#include <catch2/catch.hpp>

#include <libgeo/core/error.hpp>
#include <libgeo/crs/crs.hpp>
#include <libgeo/overlay/layouts.hpp>
#include <libgeo/overlay/overlay.hpp>
#include <libgeo/overlay/reach.hpp>
#include <libgeo/overlay/rollup.hpp>

namespace {

geo::geometry_ptr wkt(const std::string& text)
{
    OGRGeometry* g = nullptr;
    REQUIRE(OGRGeometryFactory::createFromWkt(text.c_str(), nullptr, &g) == OGRERR_NONE);
    return geo::geometry_ptr(g);
}

geo::layer utm_layer(const std::string& source, const std::vector<std::string>& fields,
                     const std::vector<std::pair<std::vector<geo::field_value>, std::string>>& rows)
{
    geo::layer l;
    l.name = l.source = source;
    l.crs = geo::crs::parse("EPSG:32651").srs();
    for (const auto& f : fields)
        l.fields.push_back({f, geo::field_type::string});
    std::int64_t i = 0;
    for (const auto& [values, text] : rows) {
        geo::feature f;
        f.values = values;
        f.geometry = wkt(text);
        f.source_index = i++;
        l.features.push_back(std::move(f));
    }
    return l;
}

std::string sq(double x0, double y0, double x1, double y1)
{
    return "POLYGON((" + std::to_string(x0) + " " + std::to_string(y0) + "," + std::to_string(x1) + " " +
           std::to_string(y0) + "," + std::to_string(x1) + " " + std::to_string(y1) + "," + std::to_string(x0) +
           " " + std::to_string(y1) + "," + std::to_string(x0) + " " + std::to_string(y0) + "))";
}

} // namespace

TEST_CASE("rollup sums piece areas per A key and B category", "[overlay][rollup]")
{
    // Park p1: 2×2 km; park p2: 1×1 km further east. Land use: west half industrial, east half green.
    auto parks = utm_layer("parks", {"id", "name_zh"},
                           {{{std::string("p1"), std::string("一号园")}, sq(0, 0, 2000, 2000)},
                            {{std::string("p2"), std::string("二号园")}, sq(5000, 0, 6000, 1000)}});
    auto lu = utm_layer("landuse", {"landuse"},
                        {{{std::string("industrial")}, sq(-1000, -1000, 1000, 3000)},
                         {{std::string("green")}, sq(1000, -1000, 3000, 3000)}});
    geo::overlay::options o;
    o.area_crs = geo::crs::parse("EPSG:32651");
    auto r = geo::overlay::run(parks, lu, o);
    auto e = geo::overlay::rollup(r, parks, lu, {"id", "name_zh", "landuse", o.area_crs}, "park");
    REQUIRE(e.size() == 4);
    CHECK(e[0].key == "p1");
    CHECK(e[0].label == "一号园");
    CHECK(e[0].category == "green");
    CHECK(e[0].area_km2 == Approx(2.0));
    CHECK(e[0].share() == Approx(0.5));
    CHECK(e[1].category == "industrial");
    CHECK(e[1].pieces == 1);
    CHECK(e[2].category == "(all)");
    CHECK(e[2].area_km2 == Approx(4.0));
    CHECK(e[3].key == "p2");
    CHECK(e[3].category == "(all)");
    CHECK(e[3].pieces == 0);
    auto t = geo::overlay::to_table(e);
    CHECK(t.to_csv().rfind("scope,key,name,category,pieces,area_km2,share\npark,p1,一号园,green,1,2.000000,", 0) == 0);
    CHECK_THROWS_WITH(geo::overlay::rollup(r, parks, lu, {"id", "", "land_use"}),
                      "field 'land_use' not found in 'landuse'. Available fields: landuse.");
}

TEST_CASE("reach finds the targets within a distance of the sources, in metres", "[overlay][reach]")
{
    // Both layers in shanghai_tm, the CRS reach measures in: distances are exact.
    auto parks = utm_layer("parks", {"id", "name_zh"},
                           {{{std::string("p1"), std::string("一号园")}, sq(0, 0, 1000, 1000)},
                            {{std::string("p2"), std::string("二号园")}, sq(10000, 0, 11000, 1000)}});
    parks.crs = geo::crs::shanghai_tm().srs();
    auto fac = utm_layer("facilities", {"id", "name_zh"},
                         {{{std::string("f1"), std::string("光源")}, "POINT(2500 500)"},
                          {{std::string("f2"), std::string("设施")}, "POINT(500 500)"},
                          {{std::string("f3"), std::string("远处")}, "POINT(20000 500)"}});
    fac.crs = parks.crs;
    auto pairs = geo::overlay::within_distance(parks, fac, 2000);
    REQUIRE(pairs.size() == 2);
    CHECK(pairs[0].source == 1);
    CHECK(pairs[0].distance_m == 0.0); // inside the park
    CHECK(pairs[1].source == 0);
    CHECK(pairs[1].distance_m == Approx(1500.0).epsilon(1e-9));
    auto out = geo::overlay::reach_outputs(parks, fac, pairs, 2000);
    REQUIRE(out.targets.features.size() == 1);
    CHECK(out.targets.text(out.targets.features[0], *out.targets.field_index("nearest")) == "设施");
    CHECK(out.targets.text(out.targets.features[0], *out.targets.field_index("sources")) == "设施 (0 m); 光源 (1500 m)");
    CHECK(out.pairs.to_csv() == "target,target_name,source,source_name,distance_m\np1,一号园,f2,设施,0.0\np1,一号园,f1,光源,1500.0\n");
    CHECK(geo::overlay::within_distance(parks, fac, 1499.0).size() == 1);
}

TEST_CASE("distances parse with units", "[overlay][reach]")
{
    CHECK(geo::overlay::parse_distance_m("2km") == 2000.0);
    CHECK(geo::overlay::parse_distance_m("2 km") == 2000.0);
    CHECK(geo::overlay::parse_distance_m("500m") == 500.0);
    CHECK(geo::overlay::parse_distance_m("0.5KM") == 500.0);
    CHECK(geo::overlay::parse_distance_m("1500") == 1500.0);
    CHECK_THROWS_WITH(geo::overlay::parse_distance_m("2 miles"), "--distance '2 miles' is not a distance. Use e.g. 2km or 500m.");
    CHECK_THROWS_AS(geo::overlay::parse_distance_m("-1km"), geo::usage_error);
}

TEST_CASE("tables render as CSV, Markdown and JSON", "[overlay][table]")
{
    geo::overlay::table t;
    t.columns = {"park", "area_km2"};
    t.rows = {{std::string("张江, 科学城"), 1.5}, {std::string("a|b"), std::monostate{}}};
    t.decimals = 2;
    CHECK(t.to_csv() == "park,area_km2\n\"张江, 科学城\",1.50\na|b,\n");
    CHECK(t.to_markdown() == "| park | area_km2 |\n|---|---|\n| 张江, 科学城 | 1.50 |\n| a\\|b |  |\n");
    CHECK(t.to_json() == "[\n  {\n    \"park\": \"张江, 科学城\",\n    \"area_km2\": 1.5\n  },\n  {\n    \"park\": \"a|b\",\n    \"area_km2\": null\n  }\n]\n");
    CHECK(geo::overlay::table_format_of("x.MD") == "md");
    CHECK(geo::overlay::table_format_of("x.txt") == "");
}
