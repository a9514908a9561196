// Rendering a map_spec: page layout, surfaces (PNG/SVG/PDF), drawing order,
// staged output and the SVG text layer.
#include "internal.hpp"

#include "libgeo/core/error.hpp"
#include "libgeo/crs/transform.hpp"
#include "libgeo/io/output.hpp"
#include "libgeo/style/export.hpp"

#include <cairo-pdf.h>
#include <cairo-svg.h>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <map>
#include <regex>
#include <sstream>

namespace geo::render {

namespace fs = std::filesystem;
using namespace detail;

image_format format_for(const std::string& path, const std::string& format)
{
    std::string f = format;
    if (f.empty()) {
        f = fs::path(path).extension().string();
        if (!f.empty())
            f = f.substr(1);
    }
    std::transform(f.begin(), f.end(), f.begin(), ::tolower);
    if (f == "png")
        return image_format::png;
    if (f == "svg")
        return image_format::svg;
    if (f == "pdf")
        return image_format::pdf;
    if (format.empty())
        throw usage_error("render: cannot tell the format of " + geo::quoted(path) +
                          " from its extension. Use .png, .svg or .pdf, or give -f png|svg|pdf.");
    throw usage_error("render: unknown format " + geo::quoted(format) + ". Use png, svg or pdf.");
}

const char* to_string(image_format f)
{
    switch (f) {
    case image_format::png: return "png";
    case image_format::svg: return "svg";
    case image_format::pdf: return "pdf";
    }
    return "png";
}

namespace {

struct envelope {
    double x0 = std::numeric_limits<double>::infinity(), y0 = x0, x1 = -x0, y1 = -x0;
    bool empty() const { return !(x1 >= x0 && y1 >= y0); }
    void add(const OGREnvelope& e)
    {
        x0 = std::min(x0, e.MinX);
        y0 = std::min(y0, e.MinY);
        x1 = std::max(x1, e.MaxX);
        y1 = std::max(y1, e.MaxY);
    }
    void add(const layer& l)
    {
        for (const auto& f : l.features)
            if (f.geometry && !f.geometry->IsEmpty()) {
                OGREnvelope e;
                f.geometry->getEnvelope(&e);
                add(e);
            }
    }
};

envelope map_extent(const map_spec& spec, const std::vector<prepared_layer>& layers)
{
    envelope env;
    if (spec.bbox) {
        const auto& b = *spec.bbox;
        if (!(b[0] < b[2] && b[1] < b[3]))
            throw usage_error("render: --bbox/extent must be lon_min,lat_min,lon_max,lat_max with min < max.");
        transformer t(crs::wgs84(), crs::shanghai_tm());
        for (int i = 0; i <= 10; ++i)
            for (int k = 0; k <= 10; ++k) {
                double x = b[0] + (b[2] - b[0]) * i / 10, y = b[1] + (b[3] - b[1]) * k / 10;
                if (i % 10 && k % 10)
                    continue;
                t.transform(1, &x, &y);
                env.x0 = std::min(env.x0, x);
                env.x1 = std::max(env.x1, x);
                env.y0 = std::min(env.y0, y);
                env.y1 = std::max(env.y1, y);
            }
        return env;
    }
    auto take = [&](auto pred) {
        for (const auto& l : layers)
            if (!l.raster && pred(l))
                env.add(l.data);
    };
    if (spec.extent == "districts")
        take([](const prepared_layer& l) { return l.basemap; });
    else if (spec.extent == "parks")
        take([](const prepared_layer& l) { return l.schematic || l.name == "parks"; });
    else if (spec.extent == "layers")
        take([](const prepared_layer&) { return true; });
    else
        take([](const prepared_layer& l) { return l.in_extent; });
    if (env.empty())
        take([](const prepared_layer&) { return true; });
    if (env.empty())
        throw usage_error("render: the map has no features to set its extent. Give --bbox or add a layer with features.");
    double pad = std::max(env.x1 - env.x0, env.y1 - env.y0) * 0.04 + 200;
    env.x0 -= pad;
    env.x1 += pad;
    env.y0 -= pad;
    env.y1 += pad;
    return env;
}

std::string build_note(const map_spec& spec, const std::vector<prepared_layer>& layers)
{
    std::vector<std::string> parts;
    const prepared_layer* parks = nullptr;
    for (const auto& l : layers)
        if (l.plan_parks > 0 && (!parks || l.user_parks < parks->user_parks))
            parks = &l;
    if (parks && parks->user_parks > 0) {
        std::string file = fs::path(parks->user_source).filename().string();
        if (parks->user_parks == parks->plan_parks)
            parts.push_back("园区边界取自用户文件 " + file + "。Park boundaries from the user's file " + file + ".");
        else
            parts.push_back(fmt::format("{} 个园区边界取自用户文件 {}，其余 {} 个为示意性/近似范围，非测绘成果。"
                                        "{} park boundaries from the user's file {}; the other {} are schematic/approximate, "
                                        "not surveyed.",
                                        parks->user_parks, file, parks->plan_parks - parks->user_parks,
                                        parks->user_parks, file, parks->plan_parks - parks->user_parks));
    } else if (std::any_of(layers.begin(), layers.end(), [](const auto& l) { return l.schematic; })) {
        parts.push_back("园区边界为示意性/近似范围，非测绘成果。Park boundaries are schematic/approximate, not surveyed.");
    }
    for (const auto& l : layers)
        if (!l.st.attribution.empty() && std::find(parts.begin(), parts.end(), l.st.attribution) == parts.end())
            parts.push_back(l.st.attribution);
    if (!spec.note.empty())
        parts.push_back(spec.note);
    parts.push_back("投影 Projection: 上海横轴墨卡托 Shanghai TM (CGCS2000, 121.5°E)。制图 Map: zjgeo.");
    std::string s;
    for (const auto& p : parts)
        s += (s.empty() ? "" : "  ") + p;
    return s;
}

/// Add the drawn text as (transparent) SVG text and a <title>, so the labels
/// stay searchable and readable by tools: Cairo writes glyphs as paths.
void add_svg_text(const fs::path& path, const render_result& r, const std::vector<text_record>& texts, double k)
{
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    in.close();
    std::string svg = ss.str();
    // Cairo numbers surfaces with a process-wide counter; number them from 1.
    {
        static const std::regex id(R"(surface(\d+))");
        std::map<std::string, int> renumber;
        std::string out;
        auto last = svg.cbegin();
        for (std::sregex_iterator it(svg.begin(), svg.end(), id), end; it != end; ++it) {
            auto [pos, fresh] = renumber.try_emplace((*it)[1].str(), static_cast<int>(renumber.size()) + 1);
            out.append(last, (*it)[0].first);
            out += "surface" + std::to_string(pos->second);
            last = (*it)[0].second;
        }
        out.append(last, svg.cend());
        svg = std::move(out);
    }
    auto open = svg.find("<svg");
    auto open_end = open == std::string::npos ? open : svg.find('>', open);
    auto close = svg.rfind("</svg>");
    if (open_end == std::string::npos || close == std::string::npos || close < open_end)
        throw io_error("render: unexpected SVG from Cairo in " + geo::quoted(path.string()) + ".");
    std::ostringstream head, tail;
    head << "\n<title>" << style::xml_escape(r.title) << "</title>\n";
    tail << "<g id=\"zjgeo-text\" fill=\"#000000\" fill-opacity=\"0\" stroke=\"none\" "
            "font-family=\"Noto Sans CJK SC, sans-serif\">\n";
    char buf[96];
    for (const auto& t : texts) {
        std::snprintf(buf, sizeof buf, "x=\"%.2f\" y=\"%.2f\" font-size=\"%.2f\"", t.x * k, (t.y + t.size) * k,
                      t.size * k);
        tail << "<text class=\"" << t.cls << "\" " << buf << ">" << style::xml_escape(t.text) << "</text>\n";
    }
    tail << "</g>\n";
    svg.insert(close, tail.str());
    svg.insert(open_end + 1, head.str());
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << svg;
    if (!out)
        throw io_error("render: cannot write " + geo::quoted(path.string()) + ".");
}

struct surface_guard {
    cairo_surface_t* s = nullptr;
    cairo_t* cr = nullptr;
    ~surface_guard()
    {
        if (cr)
            cairo_destroy(cr);
        if (s)
            cairo_surface_destroy(s);
    }
};

} // namespace

render_result render_map(const map_spec& spec, const render_options& opt)
{
    render_result result;
    result.format = format_for(opt.output, opt.format);
    staged_output out(opt.output, "render", opt.overwrite);
    auto layers = prepare_layers(spec, opt, result.warnings);
    envelope env = map_extent(spec, layers);

    page pg;
    pg.dpi = spec.dpi;
    double a4w = std::round(297 / 25.4 * spec.dpi), a4h = std::round(210 / 25.4 * spec.dpi);
    pg.w = spec.width_px > 0 ? spec.width_px : spec.height_px > 0 ? std::round(spec.height_px * 297 / 210) : a4w;
    pg.h = spec.height_px > 0 ? spec.height_px : spec.width_px > 0 ? std::round(spec.width_px * 210 / 297) : a4h;
    result.width_px = static_cast<int>(pg.w);
    result.height_px = static_cast<int>(pg.h);
    result.title = spec.title_zh + (spec.title_zh.empty() || spec.title_en.empty() ? "" : " ") + spec.title_en;

    surface_guard sg;
    const double k = 72.0 / spec.dpi; // page pixels -> points for vector surfaces
    std::string staged = out.path().string();
    switch (result.format) {
    case image_format::png:
        sg.s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, result.width_px, result.height_px);
        break;
    case image_format::svg:
        sg.s = cairo_svg_surface_create(staged.c_str(), pg.w * k, pg.h * k);
        break;
    case image_format::pdf:
        sg.s = cairo_pdf_surface_create(staged.c_str(), pg.w * k, pg.h * k);
        // Fixed metadata: identical input gives identical bytes.
        cairo_pdf_surface_set_metadata(sg.s, CAIRO_PDF_METADATA_TITLE, result.title.c_str());
        cairo_pdf_surface_set_metadata(sg.s, CAIRO_PDF_METADATA_CREATOR, "zjgeo");
        cairo_pdf_surface_set_metadata(sg.s, CAIRO_PDF_METADATA_CREATE_DATE, "2000-01-01T00:00:00Z");
        cairo_pdf_surface_set_metadata(sg.s, CAIRO_PDF_METADATA_MOD_DATE, "2000-01-01T00:00:00Z");
        break;
    }
    if (cairo_surface_status(sg.s) != CAIRO_STATUS_SUCCESS)
        throw io_error("render: cannot create the " + std::string(to_string(result.format)) + " surface (" +
                       cairo_status_to_string(cairo_surface_status(sg.s)) + ").");
    sg.cr = cairo_create(sg.s);
    if (result.format != image_format::png)
        cairo_scale(sg.cr, k, k);
    canvas c;
    c.cr = sg.cr;

    // Page layout: title band, map frame, side panel (legend, scale, north), footer note.
    double m = pg.mm(7);
    pg.title = {m, m, pg.w - m, m + pg.pt(15) * 1.5 + (spec.title_en.empty() ? 0 : pg.pt(9.5) * 1.45)};
    std::string note = build_note(spec, layers);
    c.pg = pg;
    double note_h;
    {
        text_layout t(sg.cr, {.size_px = pg.pt(5.6), .wrap_px = pg.w - 2 * m}, note);
        note_h = t.height();
    }
    pg.footer = {m, pg.h - m - note_h, pg.w - m, pg.h - m};
    bool panel = spec.legend || spec.scale_bar || spec.north_arrow;
    double panel_w = panel ? std::clamp(pg.w * 0.27, pg.mm(42), pg.mm(78)) : 0;
    pg.frame = {m, pg.title.y1 + pg.mm(3), pg.w - m - (panel ? panel_w + pg.mm(5) : 0), pg.footer.y0 - pg.mm(3)};
    pg.panel = {pg.frame.x1 + pg.mm(5), pg.frame.y0, pg.w - m, pg.frame.y1};
    if (pg.frame.w() < 32 || pg.frame.h() < 32)
        throw usage_error("render: the page (" + std::to_string(result.width_px) + "x" +
                          std::to_string(result.height_px) + " px at " + std::to_string(static_cast<int>(spec.dpi)) +
                          " dpi) leaves no room for the map. Use a larger --width/--height or a lower --dpi.");
    double ew = env.x1 - env.x0, eh = env.y1 - env.y0;
    pg.scale = std::min(pg.frame.w() / ew, pg.frame.h() / eh);
    pg.ox = (env.x0 + env.x1) / 2 - pg.frame.w() / 2 / pg.scale;
    pg.oy = (env.y0 + env.y1) / 2 + pg.frame.h() / 2 / pg.scale;
    c.pg = pg;

    cairo_t* cr = sg.cr;
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    draw_title(c, spec.title_zh, spec.title_en);
    cairo_save(cr);
    cairo_rectangle(cr, pg.frame.x0, pg.frame.y0, pg.frame.w(), pg.frame.h());
    cairo_set_source_rgb(cr, 0.972, 0.984, 0.996); // water / outside: pale blue-grey
    cairo_fill_preserve(cr);
    cairo_clip(cr);
    for (auto& l : layers)
        draw_layer(c, l);
    cairo_restore(cr);
    draw_labels(c, layers, {}, result);
    cairo_save(cr);
    cairo_rectangle(cr, pg.frame.x0, pg.frame.y0, pg.frame.w(), pg.frame.h());
    cairo_set_source_rgb(cr, 0.45, 0.45, 0.45);
    cairo_set_line_width(cr, pg.mm(0.3));
    cairo_stroke(cr);
    cairo_restore(cr);
    if (panel) {
        double furniture_h = (spec.scale_bar || spec.north_arrow) ? pg.mm(17) : 0;
        box scale_area{pg.panel.x0, pg.panel.y1 - furniture_h, pg.panel.x1, pg.panel.y1};
        if (spec.legend)
            draw_legend(c, layers, box{pg.panel.x0, pg.panel.y0, pg.panel.x1, scale_area.y0 - pg.mm(3)}, result);
        if (furniture_h > 0)
            result.scale_denominator = draw_scale_and_north(c, scale_area, spec.scale_bar, spec.north_arrow);
    }
    if (!result.scale_denominator)
        result.scale_denominator = (1.0 / pg.scale) * pg.dpi / 0.0254;
    draw_note(c, note);

    cairo_show_page(cr);
    cairo_surface_flush(sg.s);
    if (result.format == image_format::png) {
        cairo_status_t st = cairo_surface_write_to_png(sg.s, staged.c_str());
        if (st != CAIRO_STATUS_SUCCESS)
            throw io_error("render: cannot write " + geo::quoted(opt.output) + " (" + cairo_status_to_string(st) + ").");
    }
    cairo_destroy(sg.cr);
    sg.cr = nullptr;
    cairo_surface_finish(sg.s);
    if (cairo_surface_status(sg.s) != CAIRO_STATUS_SUCCESS)
        throw io_error("render: cannot write " + geo::quoted(opt.output) + " (" +
                       cairo_status_to_string(cairo_surface_status(sg.s)) + ").");
    if (result.format == image_format::svg)
        add_svg_text(out.path(), result, c.texts, k);
    out.commit();
    return result;
}

std::string result_json(const render_result& r)
{
    nlohmann::ordered_json j;
    j["format"] = to_string(r.format);
    j["width"] = r.width_px;
    j["height"] = r.height_px;
    j["title"] = r.title;
    j["scale"] = "1:" + std::to_string(static_cast<long long>(std::llround(r.scale_denominator)));
    nlohmann::ordered_json labels = nlohmann::ordered_json::array();
    for (const auto& l : r.labels) {
        labels.push_back({{"text", l.text}, {"layer", l.layer}, {"x", std::round(l.x * 10) / 10},
                          {"y", std::round(l.y * 10) / 10}, {"w", std::round(l.w * 10) / 10},
                          {"h", std::round(l.h * 10) / 10}, {"leader", l.leader}});
    }
    j["labels"] = labels;
    j["dropped"] = r.dropped;
    j["legend"] = r.legend_entries;
    j["warnings"] = r.warnings;
    return j.dump(2) + "\n";
}

} // namespace geo::render
