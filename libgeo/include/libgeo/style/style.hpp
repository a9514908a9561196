#pragma once
// Declarative map styles. A style source is a small JSON file in styles/
// (one per layout: ic, biomed, ai, overall; plus base styles: districts,
// facilities, featured_parks, choropleth, cluster, density, user, overlay).
// zjgeo renders with it and writes it out as QGIS QML, SLD 1.1/SE and a
// MapLibre style (libgeo/style/export.hpp).
//
// Format (every key optional unless noted):
//   { "id": "ic", "name_zh": "集成电路产业布局", "name_en": "Integrated circuits",
//     "kind": "categorized" | "single" | "graduated" | "raster" | "overlay",
//     "geometry": "polygon" | "line" | "point" | "raster",
//     "field": "role_ic",                       // categorized/graduated attribute
//     "symbol": { "fill": "#rrggbb[aa]", "stroke": "#..", "stroke_width": 0.3 (mm),
//                 "dash": [mm, mm], "marker": "circle|square|triangle|diamond|star",
//                 "size": 2.4 (mm) },          // default symbol; categories inherit it
//     "categories": [ { "value": "core", "label_zh": "一核", "label_en": "Core",
//                       "fill": "#..", ... } ],
//     "other": { "label_zh": "其他", "label_en": "Other", "fill": "#.." },
//     "classes": 5, "method": "quantile" | "equal", "ramp": ["#..", "#.."],
//     "layouts": ["ic", "biomed", "ai"],       // overlay: the layout styles combined
//     "stripe_width": 1.2 (mm),                 // overlay: width of one hatch stripe
//     "label": { "field": "name_zh", "size": 7.5 (pt), "color": "#..", "halo": "#..",
//                "halo_width": 0.6 (mm), "bold": false, "font": "Noto Sans CJK SC" },
//     "legend_zh": "...", "legend_en": "...", "attribution": "..." }
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace geo::model {
struct layout;
}

namespace geo::style {

/// An sRGB colour with alpha.
struct color {
    std::uint8_t r = 0, g = 0, b = 0, a = 255;

    /// Parse "#rgb", "#rrggbb" or "#rrggbbaa". @throws format_error naming the value.
    static color parse(const std::string& text);
    /// "#rrggbb" (alpha dropped).
    std::string hex() const;
    /// QGIS form "r,g,b,a".
    std::string qgis() const;
    double alpha() const { return a / 255.0; }
    /// Linear interpolation in sRGB, t in [0,1].
    static color mix(const color& x, const color& y, double t);
    bool operator==(const color&) const = default;
};

enum class marker_shape { circle, square, triangle, diamond, star };
const char* to_string(marker_shape m);

struct symbol {
    std::optional<color> fill;   ///< none = not filled
    std::optional<color> stroke; ///< none = no outline
    double stroke_width_mm = 0.26;
    std::vector<double> dash_mm; ///< empty = solid
    marker_shape marker = marker_shape::circle;
    double size_mm = 2.4;        ///< point marker diameter
};

struct label_rule {
    std::string field; ///< "" = no labels
    std::string font = "Noto Sans CJK SC";
    double size_pt = 7.5;
    color text{34, 34, 34, 255};
    std::optional<color> halo = color{255, 255, 255, 230};
    double halo_mm = 0.5;
    bool bold = false;
};

/// One legend entry of a categorized or graduated style.
struct category {
    std::string value; ///< attribute value (categorized)
    double min = 0, max = 0; ///< class bounds (graduated; min inclusive, max inclusive for the last class)
    std::string label_zh;
    std::string label_en;
    symbol sym;
    /// "一核 Core", or whichever of the two labels exists.
    std::string label() const;
};

enum class style_kind { single, categorized, graduated, raster, overlay };
const char* to_string(style_kind k);

enum class geometry_kind { polygon, line, point, raster };
const char* to_string(geometry_kind g);

struct style {
    std::string id;
    std::string name_zh;
    std::string name_en;
    style_kind kind = style_kind::single;
    geometry_kind geometry = geometry_kind::polygon;
    std::string field;
    symbol base;                       ///< single symbol; template of categories
    std::vector<category> categories;  ///< categorized: values; graduated: classes (may be filled from data)
    std::optional<category> other;     ///< categorized: values not listed / null
    int class_count = 5;               ///< graduated: classes computed from data
    std::string method = "quantile";   ///< graduated: quantile | equal
    std::vector<color> ramp;           ///< graduated/raster: colour stops, low to high
    std::vector<std::string> layouts;  ///< overlay: ids of the combined layout styles
    double stripe_width_mm = 1.2;      ///< overlay
    label_rule label;
    std::string legend_zh;             ///< legend heading ("" = name_zh)
    std::string legend_en;
    std::string attribution;           ///< source note printed on maps using this style
    std::string source;                ///< where the style was loaded from (for messages)

    /// The category matching a value (categorized: equal text; graduated: within bounds), else `other` or nullptr.
    const category* match(const std::string& value) const;
    const category* match(double value) const;
    /// "集成电路产业布局 Integrated circuits".
    std::string title() const;
};

/// Parse a style from JSON. @throws format_error "style: '<source>': <what>".
style parse_style(const nlohmann::json& j, const std::string& source);

/// Load a style by name (styles/<name>.json in the data folder) or by path (anything with '/' or '.json').
/// @throws usage_error for an unknown name (listing the available ones), io_error/format_error for bad files.
style load_style(const std::string& name_or_path);

/// Names of the styles shipped in styles/ (sorted).
std::vector<std::string> list_styles();

/// The layout style ids: ic, biomed, ai, overall.
const std::vector<std::string>& layout_style_ids();

/// Fit a layout style to the plan's layout: categories come in the plan's role
/// order, labels default to the plan's role names, roles the style does not
/// list get colours from a fallback palette (and a warning), and categories for
/// roles the plan does not have are dropped (with a warning).
style resolve_layout_style(const style& s, const geo::model::layout& l, std::vector<std::string>* warnings = nullptr);

/// Compute graduated classes from data values (nulls already removed) with the
/// style's method, class count and ramp. Replaces s.categories. Values empty: no classes.
void classify(style& s, std::vector<double> values);

/// Colour of the ramp at t in [0,1] (piecewise linear through the stops).
color ramp_at(const std::vector<color>& ramp, double t);

} // namespace geo::style
