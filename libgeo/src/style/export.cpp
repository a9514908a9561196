#include "libgeo/style/export.hpp"

#include "libgeo/core/error.hpp"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <sstream>

namespace geo::style {

using nlohmann::ordered_json;

namespace {

std::string num(double v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6g", v);
    return buf;
}

void require_vector(const style& s, const char* what)
{
    if (s.kind == style_kind::raster)
        throw usage_error(std::string("styles: ") + geo::quoted(s.id) + " is a raster style; " + what +
                          " export covers vector styles. Render rasters with 'zjgeo render --density'.");
}

/// The layer styles combined by an overlay style, each with its field.
std::vector<style> overlay_parts(const style& s)
{
    std::vector<style> parts;
    for (const auto& id : s.layouts)
        parts.push_back(load_style(id));
    return parts;
}

// ---------------------------------------------------------------- QML ----

void qml_opt(std::ostringstream& os, const char* indent, const std::string& k, const std::string& v)
{
    os << indent << "<Option type=\"QString\" name=\"" << k << "\" value=\"" << xml_escape(v) << "\"/>\n";
}

/// One symbol layer's properties written both as <Option> (QGIS >= 3.26) and <prop> (older).
void qml_layer(std::ostringstream& os, const char* cls, const std::vector<std::pair<std::string, std::string>>& props,
               const std::string& subsymbol = {})
{
    os << "        <layer class=\"" << cls << "\" enabled=\"1\" pass=\"0\" locked=\"0\">\n"
       << "          <Option type=\"Map\">\n";
    for (const auto& [k, v] : props)
        qml_opt(os, "            ", k, v);
    os << "          </Option>\n";
    for (const auto& [k, v] : props)
        os << "          <prop k=\"" << k << "\" v=\"" << xml_escape(v) << "\"/>\n";
    os << subsymbol << "        </layer>\n";
}

std::string dash_text(const symbol& sym)
{
    std::string d;
    for (double v : sym.dash_mm)
        d += (d.empty() ? "" : ";") + num(v);
    return d;
}

void qml_symbol(std::ostringstream& os, const std::string& name, const symbol& sym, geometry_kind g)
{
    color none{0, 0, 0, 0};
    color fill = sym.fill.value_or(none), stroke = sym.stroke.value_or(none);
    const char* type = g == geometry_kind::point ? "marker" : g == geometry_kind::line ? "line" : "fill";
    os << "      <symbol type=\"" << type << "\" name=\"" << name
       << "\" alpha=\"1\" clip_to_extent=\"1\" force_rhr=\"0\">\n";
    if (g == geometry_kind::polygon) {
        qml_layer(os, "SimpleFill",
                  {{"color", fill.qgis()},
                   {"style", sym.fill ? "solid" : "no"},
                   {"outline_color", stroke.qgis()},
                   {"outline_style", !sym.stroke ? "no" : sym.dash_mm.empty() ? "solid" : "dash"},
                   {"outline_width", num(sym.stroke_width_mm)},
                   {"outline_width_unit", "MM"},
                   {"joinstyle", "round"}});
    } else if (g == geometry_kind::line) {
        qml_layer(os, "SimpleLine",
                  {{"line_color", stroke.qgis()},
                   {"line_width", num(sym.stroke_width_mm)},
                   {"line_width_unit", "MM"},
                   {"line_style", sym.dash_mm.empty() ? "solid" : "dash"},
                   {"use_custom_dash", sym.dash_mm.empty() ? "0" : "1"},
                   {"customdash", dash_text(sym)},
                   {"customdash_unit", "MM"},
                   {"capstyle", "round"},
                   {"joinstyle", "round"}});
    } else {
        qml_layer(os, "SimpleMarker",
                  {{"name", to_string(sym.marker)},
                   {"color", fill.qgis()},
                   {"outline_color", stroke.qgis()},
                   {"outline_style", sym.stroke ? "solid" : "no"},
                   {"outline_width", num(sym.stroke_width_mm)},
                   {"outline_width_unit", "MM"},
                   {"size", num(sym.size_mm)},
                   {"size_unit", "MM"}});
    }
    os << "      </symbol>\n";
}

/// A hatch symbol for one (layout, role) rule of the overlay: parallel lines at `angle`.
void qml_hatch_symbol(std::ostringstream& os, const std::string& name, const symbol& sym, double angle,
                      double stripe_mm)
{
    color c = sym.fill.value_or(color{128, 128, 128, 255});
    os << "      <symbol type=\"fill\" name=\"" << name << "\" alpha=\"1\" clip_to_extent=\"1\" force_rhr=\"0\">\n";
    std::ostringstream sub;
    sub << "          <symbol type=\"line\" name=\"@" << name << "@0\" alpha=\"1\" clip_to_extent=\"1\" force_rhr=\"0\">\n";
    std::ostringstream inner;
    qml_layer(inner, "SimpleLine",
              {{"line_color", c.qgis()}, {"line_width", num(stripe_mm)}, {"line_width_unit", "MM"},
               {"line_style", "solid"}, {"capstyle", "flat"}});
    sub << inner.str() << "          </symbol>\n";
    qml_layer(os, "LinePatternFill",
              {{"angle", num(angle)}, {"color", c.qgis()}, {"distance", num(stripe_mm * 3)},
               {"distance_unit", "MM"}, {"line_width", num(stripe_mm)}, {"line_width_unit", "MM"},
               {"offset", "0"}, {"offset_unit", "MM"}},
              sub.str());
    os << "      </symbol>\n";
}

void qml_labeling(std::ostringstream& os, const style& s)
{
    const label_rule& l = s.label;
    os << "  <labeling type=\"simple\">\n    <settings calloutType=\"simple\">\n"
       << "      <text-style fieldName=\"" << xml_escape(l.field) << "\" isExpression=\"0\" fontFamily=\""
       << xml_escape(l.font) << "\" fontSize=\"" << num(l.size_pt) << "\" fontSizeUnit=\"Point\" fontWeight=\""
       << (l.bold ? 75 : 50) << "\" textColor=\"" << l.text.qgis() << "\" textOpacity=\"1\" multilineHeight=\"1\">\n"
       << "        <text-buffer bufferDraw=\"" << (l.halo ? 1 : 0) << "\" bufferSize=\"" << num(l.halo_mm)
       << "\" bufferSizeUnits=\"MM\" bufferColor=\"" << l.halo.value_or(color{255, 255, 255, 255}).qgis()
       << "\" bufferOpacity=\"1\" bufferNoFill=\"1\" bufferJoinStyle=\"128\"/>\n"
       << "      </text-style>\n"
       << "      <text-format wrapChar=\"\" multilineAlign=\"3\" autoWrapLength=\"0\"/>\n"
       << "      <placement placement=\"" << (s.geometry == geometry_kind::point ? 6 : s.geometry == geometry_kind::line ? 2 : 1)
       << "\" dist=\"1\" distUnits=\"MM\" fitInPolygonOnly=\"0\" centroidWhole=\"0\" centroidInside=\"1\" priority=\"5\"/>\n"
       << "      <rendering obstacle=\"1\" displayAll=\"0\" upsidedownLabels=\"0\" labelPerPart=\"0\" mergeLines=\"0\" limitNumLabels=\"0\"/>\n"
       << "    </settings>\n  </labeling>\n";
}

// ---------------------------------------------------------------- SLD ----

double mm_to_px(double mm) { return mm / 0.28; } // OGC standardized rendering pixel

void sld_param(std::ostringstream& os, const char* indent, const std::string& name, const std::string& v)
{
    os << indent << "<se:SvgParameter name=\"" << name << "\">" << xml_escape(v) << "</se:SvgParameter>\n";
}

void sld_stroke(std::ostringstream& os, const char* indent, const symbol& sym)
{
    if (!sym.stroke)
        return;
    std::string in2 = std::string(indent) + "  ";
    os << indent << "<se:Stroke>\n";
    sld_param(os, in2.c_str(), "stroke", sym.stroke->hex());
    sld_param(os, in2.c_str(), "stroke-opacity", num(sym.stroke->alpha()));
    sld_param(os, in2.c_str(), "stroke-width", num(mm_to_px(sym.stroke_width_mm)));
    sld_param(os, in2.c_str(), "stroke-linejoin", "round");
    if (!sym.dash_mm.empty()) {
        std::string d;
        for (double v : sym.dash_mm)
            d += (d.empty() ? "" : " ") + num(mm_to_px(v));
        sld_param(os, in2.c_str(), "stroke-dasharray", d);
    }
    os << indent << "</se:Stroke>\n";
}

void sld_fill(std::ostringstream& os, const char* indent, const color& c)
{
    std::string in2 = std::string(indent) + "  ";
    os << indent << "<se:Fill>\n";
    sld_param(os, in2.c_str(), "fill", c.hex());
    sld_param(os, in2.c_str(), "fill-opacity", num(c.alpha()));
    os << indent << "</se:Fill>\n";
}

void sld_symbolizer(std::ostringstream& os, const symbol& sym, geometry_kind g)
{
    const char* in = "            ";
    if (g == geometry_kind::polygon) {
        os << "          <se:PolygonSymbolizer>\n";
        if (sym.fill)
            sld_fill(os, in, *sym.fill);
        sld_stroke(os, in, sym);
        os << "          </se:PolygonSymbolizer>\n";
    } else if (g == geometry_kind::line) {
        os << "          <se:LineSymbolizer>\n";
        sld_stroke(os, in, sym);
        os << "          </se:LineSymbolizer>\n";
    } else {
        const char* wkn = sym.marker == marker_shape::diamond ? "square" : to_string(sym.marker);
        os << "          <se:PointSymbolizer>\n            <se:Graphic>\n              <se:Mark>\n"
           << "                <se:WellKnownName>" << wkn << "</se:WellKnownName>\n";
        if (sym.fill)
            sld_fill(os, "                ", *sym.fill);
        sld_stroke(os, "                ", sym);
        os << "              </se:Mark>\n              <se:Size>" << num(mm_to_px(sym.size_mm)) << "</se:Size>\n";
        if (sym.marker == marker_shape::diamond)
            os << "              <se:Rotation>45</se:Rotation>\n";
        os << "            </se:Graphic>\n          </se:PointSymbolizer>\n";
    }
}

void sld_rule(std::ostringstream& os, const std::string& name, const std::string& title, const std::string& filter,
              const symbol& sym, geometry_kind g)
{
    os << "        <se:Rule>\n          <se:Name>" << xml_escape(name) << "</se:Name>\n"
       << "          <se:Description>\n            <se:Title>" << xml_escape(title)
       << "</se:Title>\n          </se:Description>\n"
       << filter;
    sld_symbolizer(os, sym, g);
    os << "        </se:Rule>\n";
}

std::string equal_filter(const std::string& field, const std::string& value)
{
    return "          <ogc:Filter xmlns:ogc=\"http://www.opengis.net/ogc\">\n"
           "            <ogc:PropertyIsEqualTo>\n              <ogc:PropertyName>" +
           xml_escape(field) + "</ogc:PropertyName>\n              <ogc:Literal>" + xml_escape(value) +
           "</ogc:Literal>\n            </ogc:PropertyIsEqualTo>\n          </ogc:Filter>\n";
}

std::string range_filter(const std::string& field, double lo, double hi, bool last)
{
    std::string f = xml_escape(field);
    return "          <ogc:Filter xmlns:ogc=\"http://www.opengis.net/ogc\">\n            <ogc:And>\n"
           "              <ogc:PropertyIsGreaterThanOrEqualTo>\n                <ogc:PropertyName>" + f +
           "</ogc:PropertyName>\n                <ogc:Literal>" + num(lo) +
           "</ogc:Literal>\n              </ogc:PropertyIsGreaterThanOrEqualTo>\n" +
           (last ? "              <ogc:PropertyIsLessThanOrEqualTo>\n" : "              <ogc:PropertyIsLessThan>\n") +
           "                <ogc:PropertyName>" + f + "</ogc:PropertyName>\n                <ogc:Literal>" + num(hi) +
           "</ogc:Literal>\n" +
           (last ? "              </ogc:PropertyIsLessThanOrEqualTo>\n" : "              </ogc:PropertyIsLessThan>\n") +
           "            </ogc:And>\n          </ogc:Filter>\n";
}

// ----------------------------------------------------------- MapLibre ----

std::string rgba(const color& c)
{
    return "rgba(" + std::to_string(c.r) + "," + std::to_string(c.g) + "," + std::to_string(c.b) + "," +
           num(c.alpha()) + ")";
}

double mm_to_css(double mm) { return mm * 96.0 / 25.4; }

/// A MapLibre expression choosing a colour per category (fill or stroke).
ordered_json color_expr(const style& s, bool stroke)
{
    auto pick = [&](const symbol& sym) {
        auto c = stroke ? sym.stroke : sym.fill;
        return c ? rgba(*c) : std::string("rgba(0,0,0,0)");
    };
    std::string fallback = s.other ? pick(s.other->sym) : "rgba(0,0,0,0)";
    if (s.kind == style_kind::categorized && !s.categories.empty()) {
        ordered_json e = ordered_json::array({"match", ordered_json::array({"to-string", ordered_json::array({"get", s.field})})});
        for (const auto& c : s.categories) {
            e.push_back(c.value);
            e.push_back(pick(c.sym));
        }
        e.push_back(fallback);
        return e;
    }
    if (s.kind == style_kind::graduated && !s.categories.empty()) {
        ordered_json e = ordered_json::array({"step", ordered_json::array({"to-number", ordered_json::array({"get", s.field})}),
                                              pick(s.categories.front().sym)});
        for (std::size_t i = 1; i < s.categories.size(); ++i) {
            e.push_back(s.categories[i].min);
            e.push_back(pick(s.categories[i].sym));
        }
        return e;
    }
    return pick(s.base);
}

} // namespace

std::string xml_escape(const std::string& text)
{
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&apos;"; break;
        default: out += c;
        }
    }
    return out;
}

export_format parse_export_format(const std::string& name)
{
    if (name == "qml")
        return export_format::qml;
    if (name == "sld")
        return export_format::sld;
    if (name == "maplibre" || name == "json")
        return export_format::maplibre;
    throw usage_error("styles: unknown format " + geo::quoted(name) + ". Use qml, sld or maplibre.");
}

const char* extension(export_format f)
{
    switch (f) {
    case export_format::qml: return "qml";
    case export_format::sld: return "sld";
    case export_format::maplibre: return "json";
    }
    return "txt";
}

std::string to_qml(const style& s)
{
    require_vector(s, "QML");
    std::ostringstream os;
    os << "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n"
       << "<qgis version=\"3.22.0-Białowieża\" styleCategories=\"Symbology|Labeling\" labelsEnabled=\""
       << (s.label.field.empty() ? 0 : 1) << "\">\n";
    std::string title = s.title();
    os << "  <!-- zjgeo style " << xml_escape(s.id) << ": " << xml_escape(title) << " -->\n";
    std::vector<std::pair<symbol, double>> hatches; // overlay: symbol + angle
    if (s.kind == style_kind::overlay) {
        // A rule per (layout, role): every matching rule draws, so a park
        // carrying roles in several layouts shows crossing hatches.
        os << "  <renderer-v2 type=\"RuleRenderer\" symbollevels=\"0\" enableorderby=\"0\" forceraster=\"0\">\n"
           << "    <rules key=\"{zjgeo-root}\">\n";
        const double angles[] = {45, 135, 0, 90};
        int n = 0;
        auto parts = overlay_parts(s);
        for (std::size_t li = 0; li < parts.size(); ++li) {
            for (const auto& c : parts[li].categories) {
                os << "      <rule key=\"{zjgeo-" << n << "}\" symbol=\"" << n << "\" label=\""
                   << xml_escape(parts[li].name_zh + " " + c.label()) << "\" filter=\""
                   << xml_escape("\"" + parts[li].field + "\" = '" + c.value + "'") << "\"/>\n";
                hatches.emplace_back(c.sym, angles[li % 4]);
                ++n;
            }
        }
        os << "      <rule key=\"{zjgeo-parks}\" symbol=\"" << n << "\" label=\""
           << xml_escape(s.other ? s.other->label() : std::string("园区 Parks")) << "\"/>\n"
           << "    </rules>\n    <symbols>\n";
        for (std::size_t i = 0; i < hatches.size(); ++i)
            qml_hatch_symbol(os, std::to_string(i), hatches[i].first, hatches[i].second, s.stripe_width_mm);
        symbol outline = s.other ? s.other->sym : s.base;
        outline.fill.reset();
        qml_symbol(os, std::to_string(hatches.size()), outline, geometry_kind::polygon);
        os << "    </symbols>\n  </renderer-v2>\n";
    } else if (s.kind == style_kind::categorized) {
        os << "  <renderer-v2 type=\"categorizedSymbol\" attr=\"" << xml_escape(s.field)
           << "\" symbollevels=\"0\" enableorderby=\"0\" forceraster=\"0\">\n    <categories>\n";
        std::size_t i = 0;
        for (const auto& c : s.categories)
            os << "      <category render=\"true\" symbol=\"" << i++ << "\" value=\"" << xml_escape(c.value)
               << "\" label=\"" << xml_escape(c.label()) << "\" type=\"string\"/>\n";
        if (s.other)
            os << "      <category render=\"true\" symbol=\"" << i << "\" value=\"\" label=\""
               << xml_escape(s.other->label()) << "\" type=\"string\"/>\n";
        os << "    </categories>\n    <symbols>\n";
        i = 0;
        for (const auto& c : s.categories)
            qml_symbol(os, std::to_string(i++), c.sym, s.geometry);
        if (s.other)
            qml_symbol(os, std::to_string(i), s.other->sym, s.geometry);
        os << "    </symbols>\n  </renderer-v2>\n";
    } else if (s.kind == style_kind::graduated) {
        os << "  <renderer-v2 type=\"graduatedSymbol\" attr=\"" << xml_escape(s.field)
           << "\" graduatedMethod=\"GraduatedColor\" symbollevels=\"0\" enableorderby=\"0\" forceraster=\"0\">\n"
           << "    <ranges>\n";
        std::size_t i = 0;
        for (const auto& c : s.categories)
            os << "      <range render=\"true\" symbol=\"" << i++ << "\" lower=\"" << num(c.min) << "\" upper=\""
               << num(c.max) << "\" label=\"" << xml_escape(c.label()) << "\"/>\n";
        os << "    </ranges>\n    <symbols>\n";
        i = 0;
        for (const auto& c : s.categories)
            qml_symbol(os, std::to_string(i++), c.sym, s.geometry);
        os << "    </symbols>\n    <mode name=\"" << (s.method == "equal" ? "equal" : "quantile") << "\"/>\n"
           << "  </renderer-v2>\n";
    } else {
        os << "  <renderer-v2 type=\"singleSymbol\" symbollevels=\"0\" enableorderby=\"0\" forceraster=\"0\">\n"
           << "    <symbols>\n";
        qml_symbol(os, "0", s.base, s.geometry);
        os << "    </symbols>\n  </renderer-v2>\n";
    }
    if (!s.label.field.empty())
        qml_labeling(os, s);
    os << "  <layerGeometryType>"
       << (s.geometry == geometry_kind::point ? 0 : s.geometry == geometry_kind::line ? 1 : 2)
       << "</layerGeometryType>\n</qgis>\n";
    return os.str();
}

std::string to_sld(const style& s, const std::string& layer_name)
{
    require_vector(s, "SLD");
    std::ostringstream os;
    os << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
       << "<StyledLayerDescriptor version=\"1.1.0\" xmlns=\"http://www.opengis.net/sld\" "
          "xmlns:se=\"http://www.opengis.net/se\" xmlns:ogc=\"http://www.opengis.net/ogc\" "
          "xmlns:xlink=\"http://www.w3.org/1999/xlink\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
          "xsi:schemaLocation=\"http://www.opengis.net/sld "
          "http://schemas.opengis.net/sld/1.1.0/StyledLayerDescriptor.xsd\">\n"
       << "  <NamedLayer>\n    <se:Name>" << xml_escape(layer_name) << "</se:Name>\n    <UserStyle>\n"
       << "      <se:Name>" << xml_escape(s.id) << "</se:Name>\n      <se:Description>\n        <se:Title>"
       << xml_escape(s.title()) << "</se:Title>\n      </se:Description>\n      <se:FeatureTypeStyle>\n";
    if (s.kind == style_kind::overlay) {
        for (const auto& part : overlay_parts(s))
            for (const auto& c : part.categories) {
                symbol sym = c.sym;
                if (sym.fill)
                    sym.fill->a = 110; // translucent, so overlapping roles mix
                sld_rule(os, part.id + ":" + c.value, part.name_zh + " " + c.label(),
                         equal_filter(part.field, c.value), sym, geometry_kind::polygon);
            }
    } else if (s.kind == style_kind::categorized) {
        for (const auto& c : s.categories)
            sld_rule(os, c.value, c.label(), equal_filter(s.field, c.value), c.sym, s.geometry);
        if (s.other)
            sld_rule(os, "other", s.other->label(), "          <se:ElseFilter/>\n", s.other->sym, s.geometry);
    } else if (s.kind == style_kind::graduated) {
        for (std::size_t i = 0; i < s.categories.size(); ++i) {
            const auto& c = s.categories[i];
            sld_rule(os, num(c.min) + "-" + num(c.max), c.label(),
                     range_filter(s.field, c.min, c.max, i + 1 == s.categories.size()), c.sym, s.geometry);
        }
    } else {
        sld_rule(os, s.id, s.title(), "", s.base, s.geometry);
    }
    if (!s.label.field.empty()) {
        const label_rule& l = s.label;
        os << "        <se:Rule>\n          <se:Name>labels</se:Name>\n          <se:TextSymbolizer>\n"
           << "            <se:Label>\n              <ogc:PropertyName>" << xml_escape(l.field)
           << "</ogc:PropertyName>\n            </se:Label>\n            <se:Font>\n";
        sld_param(os, "              ", "font-family", l.font);
        sld_param(os, "              ", "font-size", num(l.size_pt * 0.3528 / 0.28));
        if (l.bold)
            sld_param(os, "              ", "font-weight", "bold");
        os << "            </se:Font>\n            <se:LabelPlacement>\n              <se:PointPlacement>\n"
           << "                <se:AnchorPoint>\n                  <se:AnchorPointX>0.5</se:AnchorPointX>\n"
           << "                  <se:AnchorPointY>0.5</se:AnchorPointY>\n                </se:AnchorPoint>\n"
           << "              </se:PointPlacement>\n            </se:LabelPlacement>\n";
        if (l.halo) {
            os << "            <se:Halo>\n              <se:Radius>" << num(mm_to_px(l.halo_mm)) << "</se:Radius>\n";
            sld_fill(os, "              ", *l.halo);
            os << "            </se:Halo>\n";
        }
        sld_fill(os, "            ", l.text);
        os << "          </se:TextSymbolizer>\n        </se:Rule>\n";
    }
    os << "      </se:FeatureTypeStyle>\n    </UserStyle>\n  </NamedLayer>\n</StyledLayerDescriptor>\n";
    return os.str();
}

std::string to_maplibre(const style& s, const std::string& layer_name, const std::string& data_url)
{
    require_vector(s, "MapLibre");
    ordered_json j;
    j["version"] = 8;
    j["name"] = s.title();
    j["metadata"] = {{"zjgeo:style", s.id}, {"zjgeo:kind", to_string(s.kind)}};
    j["sources"] = {{layer_name, {{"type", "geojson"}, {"data", data_url}}}};
    // Latin glyphs from the MapLibre demo server; CJK characters are drawn by
    // the browser's local font (MapLibre's localIdeographFontFamily default).
    j["glyphs"] = "https://demotiles.maplibre.org/font/{fontstack}/{range}.pbf";
    ordered_json layers = ordered_json::array();
    layers.push_back({{"id", "background"}, {"type", "background"}, {"paint", {{"background-color", "#ffffff"}}}});
    auto add_geom = [&](const style& st, const std::string& id_prefix, const ordered_json& filter) {
        double width = st.categories.empty() ? st.base.stroke_width_mm : st.categories.front().sym.stroke_width_mm;
        if (st.geometry == geometry_kind::polygon) {
            ordered_json fill = {{"id", id_prefix + "-fill"}, {"type", "fill"}, {"source", layer_name},
                                 {"paint", {{"fill-color", color_expr(st, false)}}}};
            ordered_json line = {{"id", id_prefix + "-outline"}, {"type", "line"}, {"source", layer_name},
                                 {"paint", {{"line-color", color_expr(st, true)}, {"line-width", mm_to_css(width)}}}};
            if (!filter.is_null()) {
                fill["filter"] = filter;
                line["filter"] = filter;
            }
            layers.push_back(fill);
            layers.push_back(line);
        } else if (st.geometry == geometry_kind::line) {
            layers.push_back({{"id", id_prefix + "-line"}, {"type", "line"}, {"source", layer_name},
                              {"paint", {{"line-color", color_expr(st, true)}, {"line-width", mm_to_css(width)}}}});
        } else {
            double size = st.categories.empty() ? st.base.size_mm : st.categories.front().sym.size_mm;
            layers.push_back({{"id", id_prefix + "-point"}, {"type", "circle"}, {"source", layer_name},
                              {"paint", {{"circle-color", color_expr(st, false)},
                                         {"circle-radius", mm_to_css(size) / 2},
                                         {"circle-stroke-color", color_expr(st, true)},
                                         {"circle-stroke-width", mm_to_css(width)}}}});
        }
    };
    if (s.kind == style_kind::overlay) {
        // One translucent fill layer per layout; overlapping roles blend.
        style base = s;
        base.kind = style_kind::single;
        base.base = s.other ? s.other->sym : s.base;
        add_geom(base, layer_name, nullptr);
        for (auto part : overlay_parts(s)) {
            for (auto& c : part.categories)
                if (c.sym.fill)
                    c.sym.fill->a = 110;
            part.other.reset();
            add_geom(part, layer_name + "-" + part.id,
                     ordered_json::array({"has", part.field}));
        }
    } else {
        add_geom(s, layer_name, nullptr);
    }
    if (!s.label.field.empty()) {
        const label_rule& l = s.label;
        ordered_json sym = {{"id", layer_name + "-label"}, {"type", "symbol"}, {"source", layer_name},
                            {"layout", {{"text-field", ordered_json::array({"get", l.field})},
                                        {"text-font", ordered_json::array({"Open Sans Regular"})},
                                        {"text-size", l.size_pt * 96.0 / 72.0}}},
                            {"paint", {{"text-color", rgba(l.text)}}}};
        if (l.halo) {
            sym["paint"]["text-halo-color"] = rgba(*l.halo);
            sym["paint"]["text-halo-width"] = mm_to_css(l.halo_mm);
        }
        layers.push_back(sym);
    }
    j["layers"] = layers;
    return j.dump(2) + "\n";
}

std::string export_style(const style& s, export_format f, const std::string& layer_name)
{
    switch (f) {
    case export_format::qml: return to_qml(s);
    case export_format::sld: return to_sld(s, layer_name);
    case export_format::maplibre: return to_maplibre(s, layer_name, layer_name + ".geojson");
    }
    return {};
}

} // namespace geo::style
