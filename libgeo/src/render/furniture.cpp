// Map furniture: title, legend generated from the styles, scale bar, north
// arrow and the source/accuracy note.
#include "internal.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numbers>

namespace geo::render::detail {

namespace {

enum class swatch { fill, line, point, stripes, ramp };

struct legend_item {
    swatch kind = swatch::fill;
    style::symbol sym;
    std::vector<style::color> colors; ///< stripes / ramp
    std::string text;
};

struct legend_group {
    std::string title;
    std::vector<legend_item> items;
};

swatch kind_of(const prepared_layer& l)
{
    for (const auto& f : l.data.features) {
        if (!f.geometry)
            continue;
        auto t = wkbFlatten(f.geometry->getGeometryType());
        if (t == wkbPoint || t == wkbMultiPoint)
            return swatch::point;
        if (t == wkbLineString || t == wkbMultiLineString)
            return swatch::line;
        return swatch::fill;
    }
    return swatch::fill;
}

std::string group_number(double v)
{
    char buf[64];
    if (v >= 100)
        std::snprintf(buf, sizeof buf, "%.0f", v);
    else
        std::snprintf(buf, sizeof buf, "%.3g", v);
    return buf;
}

std::vector<legend_group> build_legend(const std::vector<prepared_layer>& layers)
{
    std::vector<legend_group> groups;
    // Top layers first, as a reader scans the map.
    for (auto it = layers.rbegin(); it != layers.rend(); ++it) {
        const auto& l = *it;
        if (!l.legend)
            continue;
        const auto& st = l.st;
        if (l.raster) {
            legend_group g{st.title(), {}};
            g.items.push_back({swatch::ramp, {}, st.ramp,
                               "0 – " + group_number(l.raster_max) + "（低 → 高 low → high）"});
            groups.push_back(std::move(g));
            continue;
        }
        swatch k = kind_of(l);
        if (st.kind == style::style_kind::overlay) {
            for (const auto& part : l.parts) {
                legend_group g{part.title(), {}};
                for (const auto& c : part.categories)
                    g.items.push_back({swatch::fill, c.sym, {}, c.label()});
                groups.push_back(std::move(g));
            }
            legend_group g{st.title(), {}};
            std::vector<style::color> cols;
            for (const auto& part : l.parts)
                if (!part.categories.empty() && part.categories.front().sym.fill)
                    cols.push_back(*part.categories.front().sym.fill);
            if (!cols.empty())
                g.items.push_back({swatch::stripes, st.base, cols, "多种角色：条纹交替 Several roles: stripes"});
            if (st.other)
                g.items.push_back({swatch::fill, st.other->sym, {}, st.other->label()});
            groups.push_back(std::move(g));
            continue;
        }
        if (st.kind == style::style_kind::single) {
            groups.push_back({"", {{k, st.base, {}, st.title()}}});
            continue;
        }
        legend_group g{st.title(), {}};
        if (st.kind == style::style_kind::categorized && !st.ramp.empty() && st.categories.size() > st.ramp.size()) {
            // Values coloured from a cycling ramp (e.g. many cluster ids): one entry
            // per colour listing its values, rather than a column of repeats.
            for (std::size_t r = 0; r < st.ramp.size(); ++r) {
                std::string values;
                std::size_t n = 0;
                for (std::size_t i = r; i < st.categories.size(); i += st.ramp.size(), ++n)
                    if (n < 4)
                        values += (values.empty() ? "" : ", ") + st.categories[i].value;
                if (n > 4)
                    values += ", …";
                g.items.push_back({k, st.categories[r].sym, {}, st.name_zh + " " + values});
            }
        } else {
            for (const auto& c : st.categories)
                g.items.push_back({k, c.sym, {}, c.label()});
        }
        if (st.other)
            g.items.push_back({k, st.other->sym, {}, st.other->label()});
        groups.push_back(std::move(g));
    }
    return groups;
}

void draw_swatch(canvas& c, const legend_item& it, const box& b)
{
    cairo_t* cr = c.cr;
    const page& pg = c.pg;
    cairo_save(cr);
    cairo_new_path(cr);
    auto stroke = [&](const style::symbol& s) {
        if (!s.stroke)
            return;
        cairo_set_line_width(cr, std::max(0.5, pg.mm(s.stroke_width_mm)));
        std::vector<double> dash;
        for (double d : s.dash_mm)
            dash.push_back(pg.mm(d));
        cairo_set_dash(cr, dash.data(), static_cast<int>(dash.size()), 0);
        set_color(cr, *s.stroke);
        cairo_stroke(cr);
    };
    switch (it.kind) {
    case swatch::fill:
        cairo_rectangle(cr, b.x0, b.y0, b.w(), b.h());
        if (it.sym.fill) {
            set_color(cr, *it.sym.fill);
            cairo_fill_preserve(cr);
        }
        stroke(it.sym);
        break;
    case swatch::line:
        cairo_move_to(cr, b.x0, (b.y0 + b.y1) / 2);
        cairo_line_to(cr, b.x1, (b.y0 + b.y1) / 2);
        stroke(it.sym);
        break;
    case swatch::point: {
        double r = std::min(pg.mm(it.sym.size_mm) / 2, b.h() / 2);
        marker_path(cr, it.sym.marker, (b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2, r);
        if (it.sym.fill) {
            set_color(cr, *it.sym.fill);
            cairo_fill_preserve(cr);
        }
        stroke(it.sym);
        break;
    }
    case swatch::stripes: {
        cairo_rectangle(cr, b.x0, b.y0, b.w(), b.h());
        cairo_clip(cr);
        double sw = b.h() / 3;
        int i = 0;
        for (double x = b.x0 - b.h(); x < b.x1 + b.h(); x += sw, ++i) {
            set_color(cr, it.colors[static_cast<std::size_t>(i) % it.colors.size()]);
            cairo_move_to(cr, x, b.y1);
            cairo_line_to(cr, x + sw, b.y1);
            cairo_line_to(cr, x + sw + b.h(), b.y0);
            cairo_line_to(cr, x + b.h(), b.y0);
            cairo_close_path(cr);
            cairo_fill(cr);
        }
        cairo_reset_clip(cr);
        cairo_rectangle(cr, b.x0, b.y0, b.w(), b.h());
        stroke(it.sym);
        break;
    }
    case swatch::ramp: {
        cairo_pattern_t* p = cairo_pattern_create_linear(b.x0, 0, b.x1, 0);
        for (std::size_t i = 0; i < it.colors.size(); ++i) {
            const auto& col = it.colors[i];
            cairo_pattern_add_color_stop_rgba(p, static_cast<double>(i) / static_cast<double>(it.colors.size() - 1),
                                              col.r / 255.0, col.g / 255.0, col.b / 255.0, std::max(0.15, col.alpha()));
        }
        cairo_rectangle(cr, b.x0, b.y0, b.w(), b.h());
        cairo_set_source(cr, p);
        cairo_fill_preserve(cr);
        cairo_pattern_destroy(p);
        cairo_set_source_rgb(cr, 0.4, 0.4, 0.4);
        cairo_set_line_width(cr, pg.mm(0.15));
        cairo_stroke(cr);
        break;
    }
    }
    cairo_restore(cr);
}

/// Height the legend takes at `f` (font factor), drawing it when `draw`.
double layout_legend(canvas& c, const std::vector<legend_group>& groups, const box& area, double f, bool draw,
                     render_result* result)
{
    const page& pg = c.pg;
    text_style head{.size_px = pg.pt(8.5 * f), .bold = true, .wrap_px = area.w()};
    text_style gtitle{.size_px = pg.pt(7 * f), .color = {40, 40, 40, 255}, .bold = true, .wrap_px = area.w()};
    double sw = pg.mm(7 * f), sh = pg.mm(3.8 * f), gap = pg.mm(1.6 * f);
    text_style item{.size_px = pg.pt(6.5 * f), .color = {40, 40, 40, 255}, .wrap_px = area.w() - sw - gap};
    double y = area.y0;
    {
        text_layout t(c.cr, head, "图例 Legend");
        if (draw) {
            t.draw(c, area.x0, y, "legend");
            result->legend_entries.push_back("图例 Legend");
        }
        y += t.height() + pg.mm(1.5 * f);
    }
    for (const auto& g : groups) {
        if (!g.title.empty()) {
            text_layout t(c.cr, gtitle, g.title);
            if (draw) {
                t.draw(c, area.x0, y, "legend");
                result->legend_entries.push_back(g.title);
            }
            y += t.height() + pg.mm(0.8 * f);
        }
        for (const auto& it : g.items) {
            text_layout t(c.cr, item, it.text);
            double row = std::max(sh, t.height());
            if (draw) {
                draw_swatch(c, it, box{area.x0, y + (row - sh) / 2, area.x0 + sw, y + (row - sh) / 2 + sh});
                t.draw(c, area.x0 + sw + gap, y + (row - t.height()) / 2, "legend");
                result->legend_entries.push_back(it.text);
            }
            y += row + pg.mm(0.9 * f);
        }
        y += pg.mm(1.6 * f);
    }
    return y - area.y0;
}

std::string thousands(long long v)
{
    std::string s = std::to_string(v), out;
    int n = 0;
    for (auto it = s.rbegin(); it != s.rend(); ++it) {
        if (n && n % 3 == 0)
            out.insert(out.begin(), ',');
        out.insert(out.begin(), *it);
        ++n;
    }
    return out;
}

} // namespace

void draw_title(canvas& c, const std::string& zh, const std::string& en)
{
    const page& pg = c.pg;
    double y = c.pg.title.y0;
    if (!zh.empty()) {
        text_layout t(c.cr, {.size_px = pg.pt(15), .color = {20, 20, 20, 255}, .bold = true}, zh);
        t.draw(c, pg.title.x0, y, "title");
        y += t.height();
    }
    if (!en.empty()) {
        text_layout t(c.cr, {.size_px = pg.pt(9.5), .color = {90, 90, 90, 255}}, en);
        t.draw(c, pg.title.x0, y, "title");
    }
}

void draw_legend(canvas& c, const std::vector<prepared_layer>& layers, const box& area, render_result& result)
{
    auto groups = build_legend(layers);
    if (groups.empty())
        return;
    double f = 1.0;
    while (f > 0.5 && layout_legend(c, groups, area, f, false, nullptr) > area.h())
        f -= 0.05;
    // Still too tall: drop trailing entries rather than overflow the panel.
    while (layout_legend(c, groups, area, f, false, nullptr) > area.h() && !groups.empty()) {
        if (groups.back().items.size() > 1)
            groups.back().items.pop_back();
        else
            groups.pop_back();
    }
    layout_legend(c, groups, area, f, true, &result);
}

double draw_scale_and_north(canvas& c, const box& area, bool scale_bar, bool north_arrow)
{
    cairo_t* cr = c.cr;
    const page& pg = c.pg;
    double denominator = (1.0 / pg.scale) * pg.dpi / 0.0254;
    double x = area.x0;
    if (north_arrow) {
        double aw = pg.mm(6), ah = pg.mm(9);
        text_layout n(cr, {.size_px = pg.pt(7.5), .color = {20, 20, 20, 255}, .bold = true}, "北 N");
        double cx = x + std::max(aw, n.width()) / 2;
        n.draw(c, cx - n.width() / 2, area.y1 - ah - n.height(), "north");
        double top = area.y1 - ah, bottom = area.y1;
        cairo_save(cr);
        cairo_move_to(cr, cx, top);
        cairo_line_to(cr, cx + aw / 2, bottom);
        cairo_line_to(cr, cx, bottom - ah * 0.28);
        cairo_close_path(cr);
        cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
        cairo_fill(cr);
        cairo_move_to(cr, cx, top);
        cairo_line_to(cr, cx - aw / 2, bottom);
        cairo_line_to(cr, cx, bottom - ah * 0.28);
        cairo_close_path(cr);
        cairo_set_source_rgb(cr, 1, 1, 1);
        cairo_fill_preserve(cr);
        cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
        cairo_set_line_width(cr, pg.mm(0.2));
        cairo_stroke(cr);
        cairo_restore(cr);
        x += std::max(aw, n.width()) + pg.mm(5);
    }
    if (scale_bar) {
        double avail = area.x1 - x - pg.mm(4);
        double max_m = avail / pg.scale;
        double p10 = std::pow(10.0, std::floor(std::log10(max_m)));
        double len_m = p10;
        for (double k : {5.0, 2.0, 1.0})
            if (k * p10 <= max_m) {
                len_m = k * p10;
                break;
            }
        double len = len_m * pg.scale, bh = pg.mm(1.6);
        double by = area.y1 - bh - pg.mm(1);
        text_style ts{.size_px = pg.pt(6.5), .color = {40, 40, 40, 255}};
        cairo_save(cr);
        cairo_set_line_width(cr, pg.mm(0.2));
        for (int i = 0; i < 4; ++i) {
            cairo_rectangle(cr, x + len * i / 4, by, len / 4, bh);
            if (i % 2 == 0)
                cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
            else
                cairo_set_source_rgb(cr, 1, 1, 1);
            cairo_fill_preserve(cr);
            cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
            cairo_stroke(cr);
        }
        cairo_restore(cr);
        bool km = len_m >= 1000;
        auto fmt = [&](double m) {
            double v = km ? m / 1000 : m;
            char buf[32];
            std::snprintf(buf, sizeof buf, v == std::round(v) ? "%.0f" : "%.1f", v);
            return std::string(buf);
        };
        for (int i : {0, 2, 4}) {
            std::string s = fmt(len_m * i / 4) + (i == 4 ? (km ? " km" : " m") : "");
            text_layout t(cr, ts, s);
            double tx = x + len * i / 4 - (i == 4 ? pg.mm(1.2) : t.width() / 2);
            t.draw(c, std::max(x - pg.mm(1), tx), by - t.height() - pg.mm(0.4), "scale");
        }
        double rounded = denominator;
        double mag = std::pow(10.0, std::floor(std::log10(denominator)) - 2);
        rounded = std::round(denominator / mag) * mag;
        text_layout t(cr, ts, "比例尺 Scale 1:" + thousands(static_cast<long long>(rounded)));
        t.draw(c, x, by - t.height() * 2 - pg.mm(1.2), "scale");
    }
    return denominator;
}

void draw_note(canvas& c, const std::string& note)
{
    const page& pg = c.pg;
    text_layout t(c.cr, {.size_px = pg.pt(5.6), .color = {90, 90, 90, 255}, .wrap_px = pg.footer.w()}, note);
    t.draw(c, pg.footer.x0, pg.footer.y0, "note");
}

} // namespace geo::render::detail
