// Styles: parsing, fitting to the plan's layouts, classification, and the
// QML / SLD / MapLibre writers and the GeoPackage embedding.
#include <catch2/catch.hpp>

#include <libgeo/core/error.hpp>
#include <libgeo/io/vector_io.hpp>
#include <libgeo/model/plan.hpp>
#include <libgeo/style/export.hpp>
#include <libgeo/style/gpkg.hpp>
#include <libgeo/style/style.hpp>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <regex>

namespace fs = std::filesystem;
using namespace geo::style;

namespace {
std::size_t count(const std::string& text, const std::string& what)
{
    std::size_t n = 0;
    for (auto p = text.find(what); p != std::string::npos; p = text.find(what, p + 1))
        ++n;
    return n;
}
} // namespace

TEST_CASE("colours parse and print", "[style]")
{
    CHECK(color::parse("#08519c") == color{8, 81, 156, 255});
    CHECK(color::parse("#fff").hex() == "#ffffff");
    CHECK(color::parse("#ffffff80").a == 128);
    CHECK(color::parse("#08519c").qgis() == "8,81,156,255");
    REQUIRE_THROWS_WITH(color::parse("red"), "colour 'red' is not of the form #rrggbb or #rrggbbaa");
    REQUIRE_THROWS_WITH(color::parse("#12345g"), "colour '#12345g' has a non-hexadecimal digit");
}

TEST_CASE("every shipped style loads", "[style]")
{
    auto names = list_styles();
    for (const char* n : {"ic", "biomed", "ai", "overall", "overlay", "districts", "facilities", "featured_parks",
                          "choropleth", "cluster", "density", "user"})
        CHECK(std::find(names.begin(), names.end(), n) != names.end());
    for (const auto& n : names)
        CHECK_NOTHROW(load_style(n));
    auto ic = load_style("ic");
    CHECK(ic.kind == style_kind::categorized);
    CHECK(ic.field == "role_ic");
    REQUIRE(ic.categories.size() == 3);
    CHECK(ic.categories[0].label() == "一核 Core");
    REQUIRE(ic.other);
}

TEST_CASE("bad styles are reported with the file and the problem", "[style]")
{
    REQUIRE_THROWS_WITH(parse_style(nlohmann::json{{"kind", "categorized"}}, "x.json"),
                        Catch::StartsWith("style: 'x.json': a categorized style needs 'field'"));
    REQUIRE_THROWS_WITH(parse_style(nlohmann::json{{"kind", "pie"}}, "x.json"),
                        Catch::StartsWith("style: 'x.json': unknown kind 'pie'"));
    REQUIRE_THROWS_WITH(parse_style(nlohmann::json{{"symbol", {{"fill", "blue"}}}}, "x.json"),
                        Catch::StartsWith("style: 'x.json': colour 'blue' is not of the form"));
    REQUIRE_THROWS_AS(load_style("no-such-style"), geo::usage_error);
    REQUIRE_THROWS_WITH(load_style("no-such-style"), Catch::StartsWith("style: unknown style 'no-such-style'. Available: "));
}

TEST_CASE("layout styles follow the plan's roles", "[style]")
{
    geo::model::layout l;
    l.id = "ic";
    l.roles = {{"core", "一核", "core", {"zjsc"}, {}, ""}, {"extra", "新角色", "new role", {"x"}, {}, ""}};
    std::vector<std::string> warnings;
    auto s = resolve_layout_style(load_style("ic"), l, &warnings);
    REQUIRE(s.categories.size() == 2);
    CHECK(s.categories[0].value == "core");
    CHECK(s.categories[0].sym.fill == color::parse("#08519c"));
    CHECK(s.categories[1].value == "extra");
    CHECK(s.categories[1].label() == "新角色 new role");
    REQUIRE(warnings.size() == 3); // extra has no colour; wings and points are not in the layout
    CHECK(warnings[0] == "style 'ic' has no colour for role 'extra' of layout 'ic'; using #66c2a5.");
}

TEST_CASE("layout styles match the embedded layouts", "[style]")
{
    // Every role of every layout has a colour in its style: no fallback warnings.
    geo::model::plan p = geo::model::plan::load();
    for (const auto& l : p.layouts()) {
        std::vector<std::string> warnings;
        auto s = resolve_layout_style(load_style(l.id), l, &warnings);
        INFO(l.id);
        CHECK(warnings.empty());
        CHECK(s.categories.size() == l.roles.size());
    }
}

TEST_CASE("graduated classes from data", "[style]")
{
    auto s = load_style("choropleth");
    classify(s, {1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
    REQUIRE(s.categories.size() == 5);
    CHECK(s.categories.front().min == 1);
    CHECK(s.categories.back().max == 10);
    CHECK(s.match(10.0) == &s.categories.back());
    CHECK(s.match(1.0) == &s.categories.front());
    CHECK(s.categories.front().sym.fill == color::parse("#fdd49e"));
    CHECK(s.categories.back().sym.fill == color::parse("#7f2704"));
    s.method = "equal";
    classify(s, {0, 100});
    REQUIRE(s.categories.size() == 5);
    CHECK(s.categories[1].min == Approx(20));
    classify(s, {});
    CHECK(s.categories.empty());
}

TEST_CASE("QML has one category per role and labels", "[style]")
{
    auto s = load_style("ic");
    std::string q = to_qml(s);
    CHECK(q.rfind("<!DOCTYPE qgis", 0) == 0);
    CHECK(count(q, "<category ") == s.categories.size() + 1); // + other
    CHECK(q.find("attr=\"role_ic\"") != std::string::npos);
    CHECK(q.find("value=\"core\" label=\"一核 Core\"") != std::string::npos);
    CHECK(q.find("fieldName=\"name_zh\"") != std::string::npos);
    CHECK(q.find("fontFamily=\"Noto Sans CJK SC\"") != std::string::npos);
    CHECK(count(q, "<symbol ") == s.categories.size() + 1);
}

TEST_CASE("SLD has one rule per role and an else rule", "[style]")
{
    auto s = load_style("biomed");
    std::string x = to_sld(s, "parks");
    CHECK(x.find("version=\"1.1.0\"") != std::string::npos);
    CHECK(count(x, "<ogc:PropertyIsEqualTo>") == s.categories.size());
    CHECK(count(x, "<se:ElseFilter/>") == 1);
    CHECK(count(x, "<se:Rule>") == s.categories.size() + 2); // + else + labels
    CHECK(x.find("<se:Name>parks</se:Name>") != std::string::npos);
    CHECK(x.find("<ogc:Literal>five</ogc:Literal>") != std::string::npos);
}

TEST_CASE("overlay QML has a hatch rule per layout role", "[style]")
{
    auto s = load_style("overlay");
    std::size_t roles = 0;
    for (const auto& id : s.layouts)
        roles += load_style(id).categories.size();
    std::string q = to_qml(s);
    CHECK(q.find("type=\"RuleRenderer\"") != std::string::npos);
    CHECK(count(q, "<rule ") == roles + 1);
    CHECK(count(q, "class=\"LinePatternFill\"") == roles);
    CHECK(q.find("filter=\"&quot;role_ai&quot; = &apos;four&apos;\"") != std::string::npos);
}

TEST_CASE("MapLibre style is JSON with a match expression", "[style]")
{
    auto s = load_style("ai");
    auto j = nlohmann::json::parse(to_maplibre(s, "parks", "parks.geojson"));
    CHECK(j["version"] == 8);
    CHECK(j["sources"]["parks"]["data"] == "parks.geojson");
    auto fill = j["layers"][1];
    CHECK(fill["type"] == "fill");
    CHECK(fill["paint"]["fill-color"][0] == "match");
    CHECK(j["layers"].back()["layout"]["text-field"][1] == "name_zh");
    REQUIRE_THROWS_AS(to_maplibre(load_style("density"), "d", "d.geojson"), geo::usage_error);
}

TEST_CASE("a style embeds as the default style of a GeoPackage layer", "[style]")
{
    fs::path dir = fs::temp_directory_path() / "zjgeo-style-test";
    fs::remove_all(dir);
    fs::create_directories(dir);
    std::string gpkg = (dir / "parks.gpkg").string();
    auto parks = geo::read_layer(std::string(ZJGEO_TEST_DATA_DIR) + "/render/parks.geojson");
    parks.name = "parks";
    geo::write_layer(gpkg, parks);
    embed_gpkg_style(gpkg, "parks", load_style("ic"));
    embed_gpkg_style(gpkg, "parks", load_style("biomed")); // becomes the default
    embed_gpkg_style(gpkg, "parks", load_style("biomed")); // replaced, not duplicated
    auto rows = geo::read_layer(gpkg, {.layer = std::string("layer_styles")});
    REQUIRE(rows.features.size() == 2);
    auto name = rows.require_field("styleName"), def = rows.require_field("useAsDefault"),
         qml = rows.require_field("styleQML"), table = rows.require_field("f_table_name");
    int defaults = 0;
    for (const auto& f : rows.features) {
        CHECK(rows.text(f, table) == "parks");
        CHECK(rows.text(f, qml).rfind("<!DOCTYPE qgis", 0) == 0);
        if (rows.text(f, def) == "1") {
            ++defaults;
            CHECK(rows.text(f, name) == "biomed");
        }
    }
    CHECK(defaults == 1);
    REQUIRE_THROWS_WITH(embed_gpkg_style(gpkg, "nope", load_style("ic")),
                        Catch::Contains("has no layer 'nope'. Layers: parks."));
    fs::remove_all(dir);
}
