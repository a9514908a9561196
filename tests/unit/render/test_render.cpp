// The renderer: map files, output formats, page size, content, labels,
// determinism and a reference image.
#include <catch2/catch.hpp>

#include <libgeo/core/error.hpp>
#include <libgeo/render/image.hpp>
#include <libgeo/render/map_spec.hpp>
#include <libgeo/render/render.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;
using namespace geo::render;

namespace {

const std::string data = std::string(ZJGEO_TEST_DATA_DIR) + "/render/";

fs::path scratch()
{
    fs::path d = fs::temp_directory_path() / "zjgeo-render-test";
    fs::create_directories(d);
    return d;
}

std::string slurp(const fs::path& p)
{
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

render_result render_fixture(const std::string& out, const std::string& map = "ic-small.map.json")
{
    render_options o;
    o.output = out;
    o.overwrite = true;
    return render_map(load_map_spec(data + map), o);
}

} // namespace

TEST_CASE("lengths in px, mm, cm and in", "[render]")
{
    CHECK(parse_length("1600", 150, "width") == 1600);
    CHECK(parse_length("297mm", 150, "width") == 1754);
    CHECK(parse_length("29.7cm", 150, "width") == 1754);
    CHECK(parse_length("2in", 100, "width") == 200);
    REQUIRE_THROWS_WITH(parse_length("wide", 150, "--width"),
                        "render: --width 'wide' is not a size between 16 and 30000 px. Use e.g. 1600, 1600px, 297mm, 29.7cm or 11in.");
}

TEST_CASE("map files parse and report mistakes", "[render]")
{
    auto m = load_map_spec(data + "ic-small.map.json");
    CHECK(m.width_px == 900);
    CHECK(m.layers.size() == 3);
    CHECK(m.layers[1].style == "ic");
    REQUIRE_THROWS_WITH(parse_map_spec(nlohmann::json{{"layers", nlohmann::json::array()}}, "m.json", "."),
                        Catch::StartsWith("render: 'm.json': \"layers\" must be a non-empty array"));
    REQUIRE_THROWS_WITH(parse_map_spec(nlohmann::json{{"extent", "europe"}, {"layers", {"districts"}}}, "m.json", "."),
                        Catch::StartsWith("render: 'm.json': unknown extent 'europe'"));
    REQUIRE_THROWS_AS(load_map_spec(data + "missing.map.json"), geo::io_error);
}

TEST_CASE("output format from the extension or the option", "[render]")
{
    CHECK(format_for("a.PNG", "") == image_format::png);
    CHECK(format_for("a.svg", "") == image_format::svg);
    CHECK(format_for("a.out", "pdf") == image_format::pdf);
    REQUIRE_THROWS_WITH(format_for("a.jpg", ""),
                        "render: cannot tell the format of 'a.jpg' from its extension. Use .png, .svg or .pdf, or give -f png|svg|pdf.");
}

TEST_CASE("PNG has the requested size and real content", "[render]")
{
    auto out = (scratch() / "ic.png").string();
    auto r = render_fixture(out);
    auto st = png_stats(out);
    CHECK(st.width == 900);
    CHECK(st.height == 640);
    CHECK(st.variance > 200);
    CHECK(st.distinct_colors > 50);
    CHECK(r.dropped.size() < r.labels.size());
    // Every park of the fixture is labelled, in Chinese.
    for (const char* name : {"张江科学城", "临港园", "漕河泾园", "闵行园", "金桥园", "奉贤园"}) {
        bool found = std::any_of(r.labels.begin(), r.labels.end(), [&](const auto& l) { return l.text == name; });
        INFO(name);
        CHECK(found);
    }
}

TEST_CASE("placed labels do not overlap", "[render]")
{
    auto r = render_fixture((scratch() / "ic-labels.png").string());
    for (std::size_t i = 0; i < r.labels.size(); ++i)
        for (std::size_t k = i + 1; k < r.labels.size(); ++k) {
            const auto &a = r.labels[i], &b = r.labels[k];
            bool overlap = a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
            INFO(a.text << " / " << b.text);
            CHECK_FALSE(overlap);
        }
}

TEST_CASE("the legend is generated from the styles", "[render]")
{
    auto r = render_fixture((scratch() / "ic-legend.png").string());
    auto has = [&](const std::string& s) {
        return std::find(r.legend_entries.begin(), r.legend_entries.end(), s) != r.legend_entries.end();
    };
    CHECK(has("一核 Core"));
    CHECK(has("两翼 Wings"));
    CHECK(has("多点 Points"));
    CHECK(has("其他园区 Other parks"));
    CHECK(has("上海市区界 Shanghai districts"));
}

TEST_CASE("the PNG matches the reference image within a tolerance", "[render]")
{
    auto out = (scratch() / "ic-ref.png").string();
    render_fixture(out);
    auto d = compare_png(out, data + "reference-ic-small.png", 48);
    REQUIRE(d.same_size);
    INFO("differing pixels: " << d.differing << " of " << d.pixels);
    CHECK(d.differing_fraction() < 0.01);
}

TEST_CASE("the comparison notices a different map", "[render]")
{
    auto out = (scratch() / "overlay-ref.png").string();
    render_fixture(out, "overlay-small.map.json");
    auto d = compare_png(out, data + "reference-ic-small.png", 48);
    REQUIRE(d.same_size);
    CHECK(d.differing_fraction() > 0.01);
}

TEST_CASE("SVG and PDF are deterministic and carry the text", "[render]")
{
    for (const char* ext : {"svg", "pdf"}) {
        auto a = scratch() / (std::string("a.") + ext), b = scratch() / (std::string("b.") + ext);
        render_fixture(a.string());
        render_fixture(b.string());
        INFO(ext);
        CHECK(slurp(a) == slurp(b));
    }
    std::string svg = slurp(scratch() / "a.svg");
    CHECK(svg.find("<title>集成电路产业空间布局（测试图） Integrated circuits layout (test map)</title>") != std::string::npos);
    CHECK(svg.find("<text class=\"label\"") != std::string::npos);
    CHECK(svg.find(">张江科学城</text>") != std::string::npos);
    CHECK(svg.find("<text class=\"legend\"") != std::string::npos);
    std::string pdf = slurp(scratch() / "a.pdf");
    CHECK(pdf.rfind("%PDF-", 0) == 0);
}

TEST_CASE("an existing output is kept without overwrite", "[render]")
{
    auto out = scratch() / "kept.png";
    { std::ofstream(out) << "x"; }
    render_options o;
    o.output = out.string();
    REQUIRE_THROWS_AS(render_map(load_map_spec(data + "ic-small.map.json"), o), geo::usage_error);
    CHECK(slurp(out) == "x");
}

TEST_CASE("a density raster and clusters render", "[render]")
{
    map_spec m;
    m.width_px = 500;
    m.height_px = 360;
    m.dpi = 72;
    m.base_dir = data;
    m.layers = {{.source = "districts.geojson", .style = "districts"},
                {.source = "density.tif"},
                {.source = "clusters.geojson", .style = "cluster"}};
    render_options o;
    o.output = (scratch() / "density.png").string();
    o.overwrite = true;
    auto r = render_map(m, o);
    auto st = png_stats(o.output);
    CHECK(st.width == 500);
    CHECK(st.variance > 100);
    auto has = [&](const std::string& s) {
        return std::find(r.legend_entries.begin(), r.legend_entries.end(), s) != r.legend_entries.end();
    };
    CHECK(has("聚类 0"));
    CHECK(has("噪声点 Noise"));
    CHECK(has("密度 Density"));
}
