#include "libgeo/style/style.hpp"

#include "libgeo/core/data_dir.hpp"
#include "libgeo/core/error.hpp"
#include "libgeo/model/plan.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace geo::style {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

int hex_digit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

[[noreturn]] void bad(const std::string& source, const std::string& what)
{
    throw format_error("style: " + geo::quoted(source) + ": " + what);
}

std::string str(const json& j, const char* key, const std::string& def = {})
{
    auto it = j.find(key);
    if (it == j.end() || it->is_null())
        return def;
    if (!it->is_string())
        throw format_error(std::string("'") + key + "' must be a string");
    return it->get<std::string>();
}

double num(const json& j, const char* key, double def)
{
    auto it = j.find(key);
    if (it == j.end() || it->is_null())
        return def;
    if (!it->is_number())
        throw format_error(std::string("'") + key + "' must be a number");
    return it->get<double>();
}

std::optional<color> opt_color(const json& j, const char* key, std::optional<color> def)
{
    auto it = j.find(key);
    if (it == j.end())
        return def;
    if (it->is_null() || (it->is_string() && (it->get<std::string>() == "none" || it->get<std::string>().empty())))
        return std::nullopt;
    if (!it->is_string())
        throw format_error(std::string("'") + key + "' must be a colour string such as \"#1f78b4\"");
    return color::parse(it->get<std::string>());
}

marker_shape parse_marker(const std::string& m)
{
    if (m == "circle")
        return marker_shape::circle;
    if (m == "square")
        return marker_shape::square;
    if (m == "triangle")
        return marker_shape::triangle;
    if (m == "diamond")
        return marker_shape::diamond;
    if (m == "star")
        return marker_shape::star;
    throw format_error("unknown marker " + geo::quoted(m) + " (use circle, square, triangle, diamond or star)");
}

/// Symbol keys of `j` applied over `base`.
symbol parse_symbol(const json& j, const symbol& base)
{
    symbol s = base;
    s.fill = opt_color(j, "fill", base.fill);
    s.stroke = opt_color(j, "stroke", base.stroke);
    s.stroke_width_mm = num(j, "stroke_width", base.stroke_width_mm);
    if (auto it = j.find("dash"); it != j.end()) {
        s.dash_mm.clear();
        for (const auto& v : *it)
            s.dash_mm.push_back(v.get<double>());
    }
    if (j.contains("marker"))
        s.marker = parse_marker(str(j, "marker"));
    s.size_mm = num(j, "size", base.size_mm);
    return s;
}

category parse_category(const json& j, const symbol& base)
{
    category c;
    if (auto it = j.find("value"); it != j.end())
        c.value = it->is_string() ? it->get<std::string>() : it->dump();
    c.min = num(j, "min", 0);
    c.max = num(j, "max", 0);
    c.label_zh = str(j, "label_zh");
    c.label_en = str(j, "label_en");
    c.sym = parse_symbol(j, base);
    return c;
}

// Fallback colours for roles a style does not list (ColorBrewer Set2).
const char* const fallback_palette[] = {"#66c2a5", "#fc8d62", "#8da0cb", "#e78ac3",
                                        "#a6d854", "#ffd92f", "#e5c494", "#b3b3b3"};

} // namespace

color color::parse(const std::string& text)
{
    std::string t = text;
    if (t.empty() || t[0] != '#')
        throw format_error("colour " + geo::quoted(text) + " is not of the form #rrggbb or #rrggbbaa");
    t = t.substr(1);
    if (t.size() == 3)
        t = std::string{t[0], t[0], t[1], t[1], t[2], t[2]};
    if (t.size() != 6 && t.size() != 8)
        throw format_error("colour " + geo::quoted(text) + " is not of the form #rrggbb or #rrggbbaa");
    std::uint8_t v[4] = {0, 0, 0, 255};
    for (std::size_t i = 0; i < t.size() / 2; ++i) {
        int hi = hex_digit(t[2 * i]), lo = hex_digit(t[2 * i + 1]);
        if (hi < 0 || lo < 0)
            throw format_error("colour " + geo::quoted(text) + " has a non-hexadecimal digit");
        v[i] = static_cast<std::uint8_t>(hi * 16 + lo);
    }
    return color{v[0], v[1], v[2], v[3]};
}

std::string color::hex() const
{
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%02x%02x%02x", r, g, b);
    return buf;
}

std::string color::qgis() const
{
    return std::to_string(r) + "," + std::to_string(g) + "," + std::to_string(b) + "," + std::to_string(a);
}

color color::mix(const color& x, const color& y, double t)
{
    auto m = [t](std::uint8_t a, std::uint8_t b) {
        return static_cast<std::uint8_t>(std::lround(a + (b - a) * std::clamp(t, 0.0, 1.0)));
    };
    return color{m(x.r, y.r), m(x.g, y.g), m(x.b, y.b), m(x.a, y.a)};
}

const char* to_string(marker_shape m)
{
    switch (m) {
    case marker_shape::circle: return "circle";
    case marker_shape::square: return "square";
    case marker_shape::triangle: return "triangle";
    case marker_shape::diamond: return "diamond";
    case marker_shape::star: return "star";
    }
    return "circle";
}

const char* to_string(style_kind k)
{
    switch (k) {
    case style_kind::single: return "single";
    case style_kind::categorized: return "categorized";
    case style_kind::graduated: return "graduated";
    case style_kind::raster: return "raster";
    case style_kind::overlay: return "overlay";
    }
    return "single";
}

const char* to_string(geometry_kind g)
{
    switch (g) {
    case geometry_kind::polygon: return "polygon";
    case geometry_kind::line: return "line";
    case geometry_kind::point: return "point";
    case geometry_kind::raster: return "raster";
    }
    return "polygon";
}

std::string category::label() const
{
    if (label_zh.empty())
        return label_en;
    if (label_en.empty())
        return label_zh;
    return label_zh + " " + label_en;
}

std::string style::title() const
{
    std::string zh = legend_zh.empty() ? name_zh : legend_zh;
    std::string en = legend_en.empty() ? name_en : legend_en;
    if (zh.empty())
        return en;
    if (en.empty())
        return zh;
    return zh + " " + en;
}

const category* style::match(const std::string& value) const
{
    for (const auto& c : categories)
        if (c.value == value)
            return &c;
    return other ? &*other : nullptr;
}

const category* style::match(double value) const
{
    for (std::size_t i = 0; i < categories.size(); ++i) {
        const auto& c = categories[i];
        bool last = i + 1 == categories.size();
        if (value >= c.min && (value < c.max || (last && value <= c.max)))
            return &c;
    }
    return other ? &*other : nullptr;
}

style parse_style(const json& j, const std::string& source)
{
    if (!j.is_object())
        bad(source, "the style must be a JSON object");
    try {
        style s;
        s.source = source;
        s.id = str(j, "id", fs::path(source).stem().string());
        s.name_zh = str(j, "name_zh");
        s.name_en = str(j, "name_en");
        std::string kind = str(j, "kind", "single");
        if (kind == "single")
            s.kind = style_kind::single;
        else if (kind == "categorized")
            s.kind = style_kind::categorized;
        else if (kind == "graduated")
            s.kind = style_kind::graduated;
        else if (kind == "raster")
            s.kind = style_kind::raster;
        else if (kind == "overlay")
            s.kind = style_kind::overlay;
        else
            throw format_error("unknown kind " + geo::quoted(kind) +
                               " (use single, categorized, graduated, raster or overlay)");
        std::string geom = str(j, "geometry", s.kind == style_kind::raster ? "raster" : "polygon");
        if (geom == "polygon")
            s.geometry = geometry_kind::polygon;
        else if (geom == "line")
            s.geometry = geometry_kind::line;
        else if (geom == "point")
            s.geometry = geometry_kind::point;
        else if (geom == "raster")
            s.geometry = geometry_kind::raster;
        else
            throw format_error("unknown geometry " + geo::quoted(geom) + " (use polygon, line, point or raster)");
        s.field = str(j, "field");
        s.base.fill = color{200, 200, 200, 255};
        s.base.stroke = color{90, 90, 90, 255};
        if (auto it = j.find("symbol"); it != j.end())
            s.base = parse_symbol(*it, s.base);
        if (auto it = j.find("categories"); it != j.end()) {
            if (!it->is_array())
                throw format_error("'categories' must be an array");
            for (const auto& c : *it)
                s.categories.push_back(parse_category(c, s.base));
        }
        if (auto it = j.find("other"); it != j.end() && !it->is_null())
            s.other = parse_category(*it, s.base);
        s.class_count = static_cast<int>(num(j, "classes", 5));
        if (s.class_count < 1 || s.class_count > 12)
            throw format_error("'classes' must be between 1 and 12");
        s.method = str(j, "method", "quantile");
        if (s.method != "quantile" && s.method != "equal")
            throw format_error("unknown method " + geo::quoted(s.method) + " (use quantile or equal)");
        if (auto it = j.find("ramp"); it != j.end())
            for (const auto& c : *it)
                s.ramp.push_back(color::parse(c.get<std::string>()));
        if (auto it = j.find("layouts"); it != j.end())
            for (const auto& c : *it)
                s.layouts.push_back(c.get<std::string>());
        s.stripe_width_mm = num(j, "stripe_width", 1.2);
        if (auto it = j.find("label"); it != j.end()) {
            const json& l = *it;
            s.label.field = str(l, "field");
            s.label.font = str(l, "font", s.label.font);
            s.label.size_pt = num(l, "size", s.label.size_pt);
            if (auto c = opt_color(l, "color", s.label.text))
                s.label.text = *c;
            s.label.halo = opt_color(l, "halo", s.label.halo);
            s.label.halo_mm = num(l, "halo_width", s.label.halo_mm);
            s.label.bold = l.value("bold", false);
        }
        s.legend_zh = str(j, "legend_zh");
        s.legend_en = str(j, "legend_en");
        s.attribution = str(j, "attribution");
        if ((s.kind == style_kind::categorized || s.kind == style_kind::graduated) && s.field.empty())
            throw format_error(std::string("a ") + to_string(s.kind) + " style needs 'field'");
        if (s.kind == style_kind::raster && s.ramp.size() < 2)
            throw format_error("a raster style needs a 'ramp' of at least two colours");
        if (s.kind == style_kind::graduated && s.ramp.size() < 2 && s.categories.empty())
            throw format_error("a graduated style needs a 'ramp' of at least two colours or fixed 'categories'");
        return s;
    } catch (const format_error& e) {
        std::string what = e.what();
        if (what.rfind("style: ", 0) == 0)
            throw;
        bad(source, what + ". Fix the style file (format: see libgeo/style/style.hpp or docs/commands/styles.md).");
    } catch (const json::exception& e) {
        bad(source, std::string(e.what()) + ". Fix the style file.");
    }
}

std::vector<std::string> list_styles()
{
    std::vector<std::string> names;
    fs::path dir = data_dir() / "styles";
    if (!fs::is_directory(dir))
        return names;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.path().extension() == ".json")
            names.push_back(e.path().stem().string());
    std::sort(names.begin(), names.end());
    return names;
}

style load_style(const std::string& name_or_path)
{
    fs::path path;
    bool is_path = name_or_path.find('/') != std::string::npos ||
                   (name_or_path.size() > 5 && name_or_path.ends_with(".json"));
    if (is_path) {
        path = name_or_path;
        if (!fs::exists(path))
            throw io_error("style: " + geo::quoted(name_or_path) + " does not exist. Check the path.");
    } else {
        path = data_dir() / "styles" / (name_or_path + ".json");
        if (!fs::exists(path)) {
            std::string list;
            for (const auto& n : list_styles())
                list += (list.empty() ? "" : ", ") + n;
            throw usage_error("style: unknown style " + geo::quoted(name_or_path) + ". Available: " + list +
                              "; or give the path of a style .json file.");
        }
    }
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw io_error("style: cannot read " + geo::quoted(path.string()) + ". Check the permissions.");
    json j;
    try {
        in >> j;
    } catch (const json::exception& e) {
        bad(path.string(), std::string("not valid JSON (") + e.what() + "). Fix the file.");
    }
    return parse_style(j, path.string());
}

const std::vector<std::string>& layout_style_ids()
{
    static const std::vector<std::string> ids = {"ic", "biomed", "ai", "overall"};
    return ids;
}

style resolve_layout_style(const style& s, const geo::model::layout& l, std::vector<std::string>* warnings)
{
    style r = s;
    r.categories.clear();
    if (r.name_zh.empty())
        r.name_zh = l.name_zh;
    if (r.name_en.empty())
        r.name_en = l.name_en;
    std::size_t fallback = 0;
    for (const auto& role : l.roles) {
        category c;
        auto it = std::find_if(s.categories.begin(), s.categories.end(),
                               [&](const category& x) { return x.value == role.id; });
        if (it != s.categories.end()) {
            c = *it;
        } else {
            c.value = role.id;
            c.sym = s.base;
            c.sym.fill = color::parse(fallback_palette[fallback++ % std::size(fallback_palette)]);
            if (warnings)
                warnings->push_back("style " + geo::quoted(s.id) + " has no colour for role " + geo::quoted(role.id) +
                                    " of layout " + geo::quoted(l.id) + "; using " + c.sym.fill->hex() + ".");
        }
        if (c.label_zh.empty())
            c.label_zh = role.name_zh;
        if (c.label_en.empty())
            c.label_en = role.name_en;
        r.categories.push_back(std::move(c));
    }
    for (const auto& c : s.categories) {
        bool known = std::any_of(l.roles.begin(), l.roles.end(), [&](const auto& x) { return x.id == c.value; });
        if (!known && warnings)
            warnings->push_back("style " + geo::quoted(s.id) + " lists role " + geo::quoted(c.value) + " that layout " +
                                geo::quoted(l.id) + " does not have; ignored.");
    }
    return r;
}

color ramp_at(const std::vector<color>& ramp, double t)
{
    if (ramp.empty())
        return color{128, 128, 128, 255};
    if (ramp.size() == 1 || !(t > 0))
        return ramp.front();
    if (t >= 1)
        return ramp.back();
    double pos = t * static_cast<double>(ramp.size() - 1);
    auto i = static_cast<std::size_t>(pos);
    return color::mix(ramp[i], ramp[i + 1], pos - static_cast<double>(i));
}

namespace {
std::string format_number(double v)
{
    char buf[64];
    double a = std::fabs(v);
    if (a != 0 && (a >= 1e6 || a < 1e-3))
        std::snprintf(buf, sizeof buf, "%.3g", v);
    else if (a >= 100 || v == std::round(v))
        std::snprintf(buf, sizeof buf, "%.0f", v);
    else if (a >= 1)
        std::snprintf(buf, sizeof buf, "%.2f", v);
    else
        std::snprintf(buf, sizeof buf, "%.3f", v);
    return buf;
}
} // namespace

void classify(style& s, std::vector<double> values)
{
    values.erase(std::remove_if(values.begin(), values.end(), [](double v) { return !std::isfinite(v); }),
                 values.end());
    s.categories.clear();
    if (values.empty())
        return;
    std::sort(values.begin(), values.end());
    double lo = values.front(), hi = values.back();
    std::vector<double> breaks{lo};
    int n = s.class_count;
    for (int i = 1; i < n; ++i) {
        double b;
        if (s.method == "equal") {
            b = lo + (hi - lo) * i / n;
        } else {
            double pos = static_cast<double>(values.size() - 1) * i / n;
            auto k = static_cast<std::size_t>(pos);
            b = values[k] + (k + 1 < values.size() ? (values[k + 1] - values[k]) * (pos - k) : 0.0);
        }
        if (b > breaks.back())
            breaks.push_back(b);
    }
    if (hi > breaks.back() || breaks.size() == 1)
        breaks.push_back(hi);
    std::size_t classes = breaks.size() - 1;
    for (std::size_t i = 0; i < classes; ++i) {
        category c;
        c.min = breaks[i];
        c.max = breaks[i + 1];
        c.sym = s.base;
        c.sym.fill = ramp_at(s.ramp, classes == 1 ? 1.0 : static_cast<double>(i) / static_cast<double>(classes - 1));
        c.label_zh = format_number(c.min) + " – " + format_number(c.max);
        s.categories.push_back(std::move(c));
    }
}

} // namespace geo::style
