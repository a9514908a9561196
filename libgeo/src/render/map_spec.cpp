#include "libgeo/render/map_spec.hpp"

#include "libgeo/core/error.hpp"

#include <cctype>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <fstream>

namespace geo::render {

namespace fs = std::filesystem;
using nlohmann::json;

double parse_length(const std::string& text, double dpi, const std::string& what)
{
    std::size_t i = 0;
    while (i < text.size() && (std::isdigit(static_cast<unsigned char>(text[i])) || text[i] == '.'))
        ++i;
    double v = 0;
    auto [p, ec] = std::from_chars(text.data(), text.data() + i, v);
    std::string unit = text.substr(i);
    double px = -1;
    if (ec == std::errc() && p == text.data() + i && v > 0) {
        if (unit.empty() || unit == "px")
            px = v;
        else if (unit == "mm")
            px = v / 25.4 * dpi;
        else if (unit == "cm")
            px = v / 2.54 * dpi;
        else if (unit == "in")
            px = v * dpi;
    }
    if (px < 16 || px > 30000)
        throw usage_error("render: " + what + " " + geo::quoted(text) +
                          " is not a size between 16 and 30000 px. Use e.g. 1600, 1600px, 297mm, 29.7cm or 11in.");
    return std::round(px);
}

namespace {

std::string text_or_number(const json& v)
{
    if (v.is_string())
        return v.get<std::string>();
    if (v.is_number())
        return v.dump();
    throw format_error("expected a size such as 1600 or \"297mm\", got " + v.dump());
}

layer_spec parse_layer(const json& j)
{
    if (j.is_string())
        return layer_spec{.source = j.get<std::string>()};
    if (!j.is_object())
        throw format_error("a layer must be an object with a \"source\" or a source name");
    layer_spec l;
    l.source = j.value("source", "");
    if (l.source.empty())
        throw format_error("a layer has no \"source\"");
    l.layer = j.value("layer", "");
    l.layout = j.value("layout", "");
    if (auto it = j.find("style"); it != j.end()) {
        if (it->is_object())
            l.inline_style = *it;
        else
            l.style = it->get<std::string>();
    }
    l.filter = j.value("filter", "");
    l.field = j.value("field", "");
    if (auto it = j.find("label"); it != j.end()) {
        if (it->is_boolean()) {
            if (!it->get<bool>())
                l.label = std::string{}; // false = no labels; true = the style's labels
        } else {
            l.label = it->get<std::string>();
        }
    }
    l.src_crs = j.value("src_crs", "");
    l.legend = j.value("legend", true);
    if (auto it = j.find("extent"); it != j.end())
        l.extent = it->get<bool>();
    return l;
}

} // namespace

map_spec parse_map_spec(const json& j, const std::string& source, const std::string& base_dir)
{
    map_spec m;
    m.base_dir = base_dir;
    try {
        if (!j.is_object())
            throw format_error("the map file must hold a JSON object");
        m.title_zh = j.value("title_zh", "");
        m.title_en = j.value("title_en", "");
        m.dpi = j.value("dpi", 150.0);
        if (m.dpi < 36 || m.dpi > 1200)
            throw format_error("\"dpi\" must be between 36 and 1200");
        if (auto it = j.find("width"); it != j.end())
            m.width_px = parse_length(text_or_number(*it), m.dpi, "width");
        if (auto it = j.find("height"); it != j.end())
            m.height_px = parse_length(text_or_number(*it), m.dpi, "height");
        if (auto it = j.find("extent"); it != j.end()) {
            if (it->is_array()) {
                if (it->size() != 4)
                    throw format_error("\"extent\" as an array needs 4 numbers: lon_min, lat_min, lon_max, lat_max");
                m.bbox = std::array<double, 4>{(*it)[0].get<double>(), (*it)[1].get<double>(),
                                               (*it)[2].get<double>(), (*it)[3].get<double>()};
            } else {
                m.extent = it->get<std::string>();
                if (m.extent != "auto" && m.extent != "parks" && m.extent != "districts" && m.extent != "layers")
                    throw format_error("unknown extent " + geo::quoted(m.extent) +
                                       " (use auto, parks, districts, layers or [lon_min, lat_min, lon_max, lat_max])");
            }
        }
        m.legend = j.value("legend", true);
        m.scale_bar = j.value("scale_bar", true);
        m.north_arrow = j.value("north_arrow", true);
        m.note = j.value("note", "");
        auto layers = j.find("layers");
        if (layers == j.end() || !layers->is_array() || layers->empty())
            throw format_error("\"layers\" must be a non-empty array");
        for (const auto& l : *layers)
            m.layers.push_back(parse_layer(l));
    } catch (const usage_error& e) {
        throw format_error("render: " + geo::quoted(source) + ": " + e.what());
    } catch (const format_error& e) {
        throw format_error("render: " + geo::quoted(source) + ": " + e.what() + ". Fix the map file (see docs/commands/render.md).");
    } catch (const json::exception& e) {
        throw format_error("render: " + geo::quoted(source) + ": " + e.what() + ". Fix the map file (see docs/commands/render.md).");
    }
    return m;
}

map_spec load_map_spec(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw io_error("render: cannot read map file " + geo::quoted(path) + ". Check the path.");
    json j;
    try {
        in >> j;
    } catch (const json::exception& e) {
        throw format_error("render: " + geo::quoted(path) + ": not valid JSON (" + e.what() + "). Fix the map file.");
    }
    fs::path dir = fs::path(path).parent_path();
    return parse_map_spec(j, path, dir.empty() ? "." : dir.string());
}

} // namespace geo::render
