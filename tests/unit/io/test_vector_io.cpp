#include <catch2/catch.hpp>

#include <libgeo/core/error.hpp>
#include <libgeo/io/inspect.hpp>
#include <libgeo/io/output.hpp>
#include <libgeo/io/vector_io.hpp>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {

// A fresh empty folder per test case, removed at the end.
struct temp_dir {
    fs::path path;
    temp_dir()
    {
        path = fs::temp_directory_path() / ("zjgeo-unit-" + std::to_string(::getpid()) + "-" +
                                            std::to_string(reinterpret_cast<std::uintptr_t>(this)));
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~temp_dir() { fs::remove_all(path); }
    std::vector<std::string> entries() const
    {
        std::vector<std::string> out;
        for (const auto& e : fs::directory_iterator(path))
            out.push_back(e.path().filename().string());
        std::sort(out.begin(), out.end());
        return out;
    }
};

geo::geometry_ptr wkt(const char* text)
{
    OGRGeometry* g = nullptr;
    REQUIRE(OGRGeometryFactory::createFromWkt(text, nullptr, &g) == OGRERR_NONE);
    return geo::geometry_ptr(g);
}

std::string slurp(const fs::path& p)
{
    std::ifstream is(p);
    std::stringstream ss;
    ss << is.rdbuf();
    return ss.str();
}

geo::layer sample_layer()
{
    geo::layer l;
    l.name = "parks";
    l.crs = geo::wgs84();
    l.fields = {{"name", geo::field_type::string}, {"n", geo::field_type::integer}};
    geo::feature f;
    f.values = {std::string("张江"), std::int64_t{7}};
    // clockwise outer ring, with a counter-clockwise hole, and 9-decimal coordinates
    f.geometry = wkt("POLYGON ((121.5 31.2, 121.5 31.3, 121.612345678 31.3, 121.6 31.2, 121.5 31.2),"
                     " (121.52 31.22, 121.58 31.22, 121.58 31.28, 121.52 31.28, 121.52 31.22))");
    l.features.push_back(std::move(f));
    return l;
}

} // namespace

TEST_CASE("GeoJSON output is RFC 7946: CCW outer rings, CW holes, 7 decimals", "[io][geojson]")
{
    temp_dir d;
    const auto out = (d.path / "parks.geojson").string();
    geo::write_layer(out, sample_layer());
    auto j = nlohmann::json::parse(slurp(out));
    const auto& rings = j["features"][0]["geometry"]["coordinates"];
    auto signed_area = [](const nlohmann::json& ring) {
        double a = 0;
        for (std::size_t i = 0; i + 1 < ring.size(); ++i)
            a += ring[i][0].get<double>() * ring[i + 1][1].get<double>() -
                 ring[i + 1][0].get<double>() * ring[i][1].get<double>();
        return a / 2;
    };
    CHECK(signed_area(rings[0]) > 0); // counter-clockwise (RFC 7946 §3.1.6)
    CHECK(signed_area(rings[1]) < 0); // hole clockwise
    CHECK(slurp(out).find("121.6123457") != std::string::npos); // rounded to 7 decimals
    CHECK(slurp(out).find("121.612345678") == std::string::npos);
    CHECK(j["features"][0]["properties"]["name"] == "张江");
    CHECK(j["features"][0]["properties"]["n"] == 7);
    CHECK(d.entries() == std::vector<std::string>{"parks.geojson"});
}

TEST_CASE("an existing output is kept without overwrite and replaced with it", "[io][output]")
{
    temp_dir d;
    const auto out = (d.path / "parks.geojson").string();
    { std::ofstream(out) << "old"; }
    REQUIRE_THROWS_WITH(geo::write_layer(out, sample_layer()),
                        "write: output '" + out + "' exists. Use --overwrite to replace it, or choose another name.");
    CHECK(slurp(out) == "old");
    CHECK(d.entries() == std::vector<std::string>{"parks.geojson"});
    geo::write_options o;
    o.overwrite = true;
    geo::write_layer(out, sample_layer(), o);
    CHECK(slurp(out).find("FeatureCollection") != std::string::npos);
}

TEST_CASE("staged_output leaves nothing behind when not committed", "[io][output]")
{
    temp_dir d;
    {
        geo::staged_output s(d.path / "x.shp", "ESRI Shapefile", false);
        std::ofstream(s.path()) << "partial";
        fs::path sib = s.path();
        std::ofstream(sib.replace_extension(".dbf")) << "partial";
        CHECK(d.entries().size() == 1); // only the staging folder
    }
    CHECK(d.entries().empty());
    // a failing writer (two layers for a one-layer format) leaves nothing either
    auto l = sample_layer();
    REQUIRE_THROWS_AS(geo::write_layers((d.path / "two.geojson").string(), {&l, &l}), geo::usage_error);
    // a feature GDAL refuses (a polygon in a point Shapefile) fails mid-write
    geo::layer pts = sample_layer();
    pts.features[0].geometry = wkt("POINT (121.5 31.2)");
    geo::feature f2 = sample_layer().features[0];
    pts.features.push_back(std::move(f2));
    geo::write_options o;
    o.layer_creation_options = {"SHPT=POINT"};
    REQUIRE_THROWS_AS(geo::write_layer((d.path / "pts.shp").string(), pts, o), geo::io_error);
    CHECK(d.entries().empty());
    // a sibling file of a Shapefile counts as existing output
    { std::ofstream(d.path / "p.dbf") << "x"; }
    REQUIRE_THROWS_AS(geo::staged_output(d.path / "p.shp", "ESRI Shapefile", false), geo::usage_error);
    REQUIRE_THROWS_WITH(geo::staged_output(d.path / "nodir" / "p.geojson", "GeoJSON", false),
                        "write: folder '" + (d.path / "nodir").string() + "' of output '" +
                            (d.path / "nodir" / "p.geojson").string() + "' does not exist. Create it first.");
}

TEST_CASE("output formats come from -f or the extension", "[io][format]")
{
    CHECK(geo::driver_for("a.geojson", "") == "GeoJSON");
    CHECK(geo::driver_for("a.GPKG", "") == "GPKG");
    CHECK(geo::driver_for("a.out", "shp") == "ESRI Shapefile");
    CHECK(geo::driver_for("PG:dbname=x", "") == "PostgreSQL");
    CHECK(geo::driver_for("a.fgb", "") == "FlatGeobuf");
    REQUIRE_THROWS_WITH(geo::driver_for("a.xyz", ""),
                        "write: unknown output format 'xyz' for 'a.xyz'. Use one of: geojson, geojsonseq, gpkg, shp, fgb, csv, pg.");
    REQUIRE_THROWS_AS(geo::driver_for("noext", ""), geo::usage_error);
}

TEST_CASE("reading reports missing, unknown and malformed files", "[io][read]")
{
    temp_dir d;
    const auto missing = (d.path / "none.geojson").string();
    REQUIRE_THROWS_WITH(geo::read_layer(missing), "read: '" + missing + "': no such file. Check the path.");
    const auto bad = (d.path / "bad.geojson").string();
    { std::ofstream(bad) << R"({"type":"FeatureCollection","features":[{"type":"Feature")"; }
    REQUIRE_THROWS_AS(geo::read_layer(bad), geo::format_error);
    try {
        geo::read_layer(bad);
    } catch (const geo::format_error& e) {
        CHECK(std::string(e.what()).rfind("read: '" + bad + "': malformed GeoJSON: ", 0) == 0);
    }
    const auto txt = (d.path / "notes.txt").string();
    { std::ofstream(txt) << "hello\n"; }
    REQUIRE_THROWS_AS(geo::read_layer(txt), geo::io_error);
}

TEST_CASE("write then read keeps features, attributes and CRS", "[io][roundtrip]")
{
    temp_dir d;
    for (const char* name : {"p.gpkg", "p.shp", "p.fgb", "p.geojson"}) {
        const auto out = (d.path / name).string();
        geo::write_layer(out, sample_layer());
        auto back = geo::read_layer(out);
        REQUIRE(back.features.size() == 1);
        CHECK(back.text(back.features[0], *back.field_index("name")) == "张江");
        CHECK(back.text(back.features[0], *back.field_index("n")) == "7");
        REQUIRE(back.crs);
        CHECK(geo::epsg_code(*back.crs) == "EPSG:4326");
    }
    CHECK(slurp(d.path / "p.cpg").find("UTF-8") != std::string::npos);
}

TEST_CASE("inspect summarises layers and invalid geometries", "[io][inspect]")
{
    temp_dir d;
    auto l = sample_layer();
    geo::feature bow;
    bow.values = {std::string("bow"), std::int64_t{2}};
    bow.geometry = wkt("POLYGON ((0 0, 1 1, 1 0, 0 1, 0 0))");
    l.features.push_back(std::move(bow));
    const auto out = (d.path / "p.gpkg").string();
    geo::write_layer(out, l);
    auto s = geo::inspect(out);
    REQUIRE(s.layers.size() == 1);
    const auto& ls = s.layers[0];
    CHECK(s.driver == "GPKG");
    CHECK(ls.feature_count == 2);
    CHECK(ls.crs_code == "EPSG:4326");
    CHECK(ls.crs_name == "WGS 84");
    CHECK(ls.invalid_count == 1);
    REQUIRE(ls.first_invalid.size() == 1);
    CHECK(ls.first_invalid[0].feature == 2);
    CHECK(ls.first_invalid[0].reason.describe() == "Self-intersection at (0.5, 0.5)");
    CHECK(geo::to_text(s).find("    feature 2: Self-intersection at (0.5, 0.5)\n") != std::string::npos);
    auto j = nlohmann::json::parse(geo::to_json(s));
    CHECK(j["layers"][0]["validity"]["invalid"] == 1);
    CHECK(j["layers"][0]["crs"]["code"] == "EPSG:4326");
}
