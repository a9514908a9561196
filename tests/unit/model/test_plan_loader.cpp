// The plan loader on small fixtures (tests/data/model/): validation messages,
// substitution of user boundaries, and the text helpers of the plan tables.
#include <catch2/catch.hpp>

#include <libgeo/core/error.hpp>
#include <libgeo/crs/geodesic.hpp>
#include <libgeo/model/layers.hpp>
#include <libgeo/model/plan.hpp>
#include <libgeo/core/text.hpp>

#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;

namespace {

const fs::path mini = fs::path(ZJGEO_TEST_DATA_DIR) / "model" / "mini";

/// A copy of the mini layers with layouts.json replaced by `layouts`.
fs::path with_layouts(const std::string& name, const std::string& layouts)
{
    fs::path dir = fs::temp_directory_path() / ("zjgeo-test-model-" + name);
    fs::remove_all(dir);
    fs::create_directories(dir);
    fs::copy_file(mini / "parks.geojson", dir / "parks.geojson");
    std::ofstream(dir / "layouts.json") << layouts;
    return dir;
}

} // namespace

TEST_CASE("the loader reads parks and layouts", "[model][loader]")
{
    auto plan = geo::model::plan::load_from(mini);
    REQUIRE(plan.parks().size() == 3);
    const auto& c = plan.require_park("漕河泾园");
    CHECK(c.id == "caohejing");
    CHECK(c.districts_zh == std::vector<std::string>{"徐汇区", "闵行区"});
    CHECK(c.district_codes == std::vector<std::string>{"310104", "310112"});
    CHECK(c.industry_tags == std::vector<std::string>{"electronic_information", "ai"});
    CHECK(c.planned_area_km2 == Approx(14.28));
    CHECK_FALSE(plan.require_park("lingang").planned_area_km2);
    const auto& ic = plan.require_layout("ic");
    CHECK(ic.role_of("caohejing")->id == "x");
    CHECK(ic.derivation_rule == "test rule");
    CHECK(ic.require_role("x").members() == std::vector<std::string>{"caohejing"});
    CHECK(plan.substitution().describe().empty());
    REQUIRE_THROWS_WITH(plan.require_layout("icc"), "plan: no layout 'icc'. Layouts: ic (see 'zjgeo layouts').");
    REQUIRE_THROWS_WITH(ic.require_role("points"),
                        "plan: layout 'ic' has no role 'points'. Its roles: core (一核), wings (两翼), x (X).");
    REQUIRE_THROWS_AS(plan.require_park("nowhere"), geo::usage_error);
}

TEST_CASE("a layout naming an unknown park is refused, naming the file, layout and role", "[model][loader]")
{
    auto dir = with_layouts("unknown", R"({"layouts":[{"id":"ic","name_zh":"集成电路","roles":[
        {"id":"core","name_zh":"一核","parks":["zjsc"]},
        {"id":"wings","name_zh":"两翼","parks":["lingang","jiading"]}]}]})");
    REQUIRE_THROWS_AS(geo::model::plan::load_from(dir), geo::format_error);
    REQUIRE_THROWS_WITH(geo::model::plan::load_from(dir),
                        "plan: '" + (dir / "layouts.json").string() +
                            "': layout 'ic', role 'wings': unknown park 'jiading'. Park ids: caohejing, lingang, zjsc.");

    auto twice = with_layouts("twice", R"({"layouts":[{"id":"ic","name_zh":"集成电路","roles":[
        {"id":"core","name_zh":"一核","parks":["zjsc"]},
        {"id":"x","name_zh":"X","derived":["zjsc"]}]}]})");
    REQUIRE_THROWS_WITH(geo::model::plan::load_from(twice),
                        "plan: '" + (twice / "layouts.json").string() +
                            "': layout 'ic', role 'x': park 'zjsc' already holds role 'core' in this layout. A park "
                            "holds at most one role per layout.");

    auto broken = with_layouts("broken", "{\"layouts\": [");
    REQUIRE_THROWS_AS(geo::model::plan::load_from(broken), geo::format_error);
    fs::remove_all(dir);
    fs::remove_all(twice);
    fs::remove_all(broken);
}

TEST_CASE("user boundaries replace the embedded geometry, matched by id or Chinese name", "[model][loader]")
{
    const std::string user = (fs::path(ZJGEO_TEST_DATA_DIR) / "model" / "user_boundaries.geojson").string();
    geo::model::parks_source src;
    src.path = user;
    src.key_field = "名称";
    auto plan = geo::model::plan::load_from(mini, src);
    const auto& rep = plan.substitution();
    CHECK(rep.matched == std::vector<std::string>{"zjsc", "lingang"});
    CHECK(rep.unmatched_parks == std::vector<std::string>{"caohejing"});
    CHECK(rep.unmatched_values == std::vector<std::string>{"不存在园"});
    CHECK(rep.describe() ==
          "parks: '" + user + "': 1 of 3 parks have no feature there and keep the embedded geometry: caohejing.\n"
          "parks: '" + user + "': '名称' value '不存在园' matches no park id or Chinese name; that feature is "
          "ignored. See 'zjgeo parks' for the names.\n");

    const auto& z = plan.require_park("zjsc");
    CHECK(z.geometry_quality == "user");
    // 0.1° x 0.1° at 31.15 N: about 11.1 km x 9.5 km.
    CHECK(plan.area_km2(z) == Approx(105.9).epsilon(0.01));
    // 临港园 came as two features ("张江高新区临港园" and "临港"): their union.
    CHECK(plan.area_km2(plan.require_park("lingang")) == Approx(2 * 4.24).epsilon(0.02));
    CHECK(plan.require_park("caohejing").geometry_quality == "schematic");
    auto l = geo::model::parks_layer(plan);
    CHECK(l.text(l.features[0], l.require_field("geometry_quality")) == "user");

    SECTION("the key field is auto-detected when not given")
    {
        src.key_field.clear();
        auto p2 = geo::model::plan::load_from(mini, src);
        CHECK(p2.substitution().key_field == "名称");
        CHECK(p2.substitution().key_auto_detected);
        CHECK(p2.substitution().matched.size() == 2);
    }
    SECTION("a missing key field is a usage error listing the fields")
    {
        src.key_field = "name";
        REQUIRE_THROWS_WITH(geo::model::plan::load_from(mini, src),
                            "parks: '" + user + "' has no field 'name' (--park-key). Fields: 名称, code. If the names look "
                            "garbled, give the Shapefile's code page with --parks-encoding (e.g. GBK).");
    }
    SECTION("a file whose fields match no park is a usage error")
    {
        src.path = (mini / "layouts.json").string();
        src.key_field.clear();
        REQUIRE_THROWS(geo::model::plan::load_from(mini, src));
    }
}

TEST_CASE("plan tables align Chinese text by display width", "[model][text]")
{
    using geo::display_width;
    CHECK(display_width("zjsc") == 4);
    CHECK(display_width("张江科学城") == 10);
    CHECK(display_width("徐汇区、闵行区") == 14); // 、 is a wide CJK punctuation mark
    CHECK(display_width("“1+5+X”") == 7);       // curly quotes are narrow in most terminals

    geo::text_table t;
    t.add_column("id");
    t.add_column("name_zh");
    t.add_column("km2", geo::text_table::align::right);
    t.add_row({"zjsc", "张江科学城", "94.000"});
    t.add_row({"expo", "世博园", "2.000"});
    CHECK(t.render() == "id    name_zh        km2\n"
                        "----  ----------  ------\n"
                        "zjsc  张江科学城  94.000\n"
                        "expo  世博园       2.000\n");

    CHECK(geo::csv_line({"a", "b,c", "say \"hi\""}) == "a,\"b,c\",\"say \"\"hi\"\"\"\n");
    CHECK(geo::wrap("one two three four", "  ", 11) == "  one two\n    three\n    four\n");
}
