// Drawing map layers (vector symbols, overlay hatching, rasters with a colour
// ramp) and placing labels without collisions.
#include "internal.hpp"

#include "libgeo/core/error.hpp"
#include "libgeo/crs/crs.hpp"
#include "libgeo/geometry/geos.hpp"

#include <gdal_utils.h>
#include <gdal_priv.h>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace geo::render::detail {

void set_color(cairo_t* cr, const style::color& c)
{
    cairo_set_source_rgba(cr, c.r / 255.0, c.g / 255.0, c.b / 255.0, c.alpha());
}

// ------------------------------------------------------------------ text ----

text_layout::text_layout(cairo_t* cr, const text_style& ts, const std::string& text) : ts_(ts), text_(text)
{
    layout_ = pango_cairo_create_layout(cr);
    // Unhinted metrics: identical layout on image, SVG and PDF surfaces.
    cairo_font_options_t* fo = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_antialias(fo, CAIRO_ANTIALIAS_GRAY);
    pango_cairo_context_set_font_options(pango_layout_get_context(layout_), fo);
    pango_layout_context_changed(layout_);
    cairo_font_options_destroy(fo);
    PangoFontDescription* fd = pango_font_description_from_string(ts.font.c_str());
    pango_font_description_set_absolute_size(fd, ts.size_px * PANGO_SCALE);
    if (ts.bold)
        pango_font_description_set_weight(fd, PANGO_WEIGHT_BOLD);
    pango_layout_set_font_description(layout_, fd);
    pango_font_description_free(fd);
    if (ts.wrap_px > 0) {
        pango_layout_set_width(layout_, static_cast<int>(ts.wrap_px * PANGO_SCALE));
        pango_layout_set_wrap(layout_, PANGO_WRAP_WORD_CHAR);
    }
    pango_layout_set_text(layout_, text.c_str(), -1);
    PangoRectangle logical;
    pango_layout_get_extents(layout_, nullptr, &logical);
    w_ = static_cast<double>(logical.width) / PANGO_SCALE;
    h_ = static_cast<double>(logical.height) / PANGO_SCALE;
}

text_layout::~text_layout() { g_object_unref(layout_); }

void text_layout::draw(canvas& c, double x, double y, const std::string& cls) const
{
    cairo_t* cr = c.cr;
    cairo_save(cr);
    cairo_move_to(cr, x, y);
    if (ts_.halo && ts_.halo_px > 0) {
        pango_cairo_layout_path(cr, layout_);
        set_color(cr, *ts_.halo);
        cairo_set_line_width(cr, 2 * ts_.halo_px);
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
        cairo_stroke(cr);
        cairo_move_to(cr, x, y);
    }
    set_color(cr, ts_.color);
    pango_cairo_show_layout(cr, layout_);
    cairo_restore(cr);
    c.texts.push_back({text_, x, y, ts_.size_px, cls});
}

namespace {

// -------------------------------------------------------------- geometry ----

void ring_path(cairo_t* cr, const page& pg, const OGRSimpleCurve& r, bool close)
{
    int n = r.getNumPoints();
    for (int i = 0; i < n; ++i) {
        double x = pg.px(r.getX(i)), y = pg.py(r.getY(i));
        if (i == 0)
            cairo_move_to(cr, x, y);
        else
            cairo_line_to(cr, x, y);
    }
    if (close && n > 0)
        cairo_close_path(cr);
}

void geom_path(cairo_t* cr, const page& pg, const OGRGeometry& g)
{
    switch (wkbFlatten(g.getGeometryType())) {
    case wkbPolygon: {
        const auto& p = *g.toPolygon();
        for (const auto* ring : p)
            ring_path(cr, pg, *ring, true);
        break;
    }
    case wkbLineString:
    case wkbLinearRing:
        ring_path(cr, pg, *g.toSimpleCurve(), false);
        break;
    case wkbMultiPolygon:
    case wkbMultiLineString:
    case wkbGeometryCollection:
        for (const auto* part : *g.toGeometryCollection())
            geom_path(cr, pg, *part);
        break;
    default:
        break;
    }
}

void collect_points(const OGRGeometry& g, std::vector<std::pair<double, double>>& out)
{
    auto t = wkbFlatten(g.getGeometryType());
    if (t == wkbPoint)
        out.emplace_back(g.toPoint()->getX(), g.toPoint()->getY());
    else if (t == wkbMultiPoint || t == wkbGeometryCollection)
        for (const auto* part : *g.toGeometryCollection())
            collect_points(*part, out);
}

bool is_areal(const OGRGeometry& g)
{
    auto t = wkbFlatten(g.getGeometryType());
    return t == wkbPolygon || t == wkbMultiPolygon;
}

void apply_stroke(cairo_t* cr, const page& pg, const style::symbol& s)
{
    cairo_set_line_width(cr, std::max(0.5, pg.mm(s.stroke_width_mm)));
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
    std::vector<double> dash;
    for (double d : s.dash_mm)
        dash.push_back(pg.mm(d));
    cairo_set_dash(cr, dash.data(), static_cast<int>(dash.size()), 0);
    set_color(cr, *s.stroke);
}

// Fill (when `fill` and the symbol has a fill colour) then stroke the current
// path with the symbol; the path is preserved for the caller to clear.
void paint_current_path(cairo_t* cr, const page& pg, const style::symbol& s, bool fill)
{
    if (fill && s.fill) {
        set_color(cr, *s.fill);
        cairo_fill_preserve(cr);
    }
    if (s.stroke) {
        apply_stroke(cr, pg, s);
        cairo_stroke_preserve(cr);
    }
}

} // namespace

void marker_path(cairo_t* cr, style::marker_shape m, double x, double y, double r)
{
    using style::marker_shape;
    const double pi = std::numbers::pi;
    switch (m) {
    case marker_shape::circle:
        cairo_new_sub_path(cr);
        cairo_arc(cr, x, y, r, 0, 2 * pi);
        break;
    case marker_shape::square:
        cairo_rectangle(cr, x - r * 0.85, y - r * 0.85, r * 1.7, r * 1.7);
        break;
    case marker_shape::diamond:
        cairo_move_to(cr, x, y - r);
        cairo_line_to(cr, x + r, y);
        cairo_line_to(cr, x, y + r);
        cairo_line_to(cr, x - r, y);
        cairo_close_path(cr);
        break;
    case marker_shape::triangle:
        cairo_move_to(cr, x, y - r);
        cairo_line_to(cr, x + r * 0.87, y + r * 0.5);
        cairo_line_to(cr, x - r * 0.87, y + r * 0.5);
        cairo_close_path(cr);
        break;
    case marker_shape::star:
        for (int i = 0; i < 10; ++i) {
            double a = -pi / 2 + i * pi / 5, rr = i % 2 ? r * 0.45 : r;
            if (i == 0)
                cairo_move_to(cr, x + rr * std::cos(a), y + rr * std::sin(a));
            else
                cairo_line_to(cr, x + rr * std::cos(a), y + rr * std::sin(a));
        }
        cairo_close_path(cr);
        break;
    }
}

namespace {

/// Diagonal stripes cycling through `colors`, clipped to the current path (consumed).
void stripe_fill(cairo_t* cr, double stripe_px, const std::vector<style::color>& colors)
{
    double x0, y0, x1, y1;
    cairo_path_extents(cr, &x0, &y0, &x1, &y1);
    cairo_save(cr);
    cairo_clip(cr);
    double cx = (x0 + x1) / 2, cy = (y0 + y1) / 2, half = std::hypot(x1 - x0, y1 - y0) / 2 + stripe_px;
    cairo_translate(cr, cx, cy);
    cairo_rotate(cr, -std::numbers::pi / 4);
    // Stripes anchored to the page diagonal so neighbouring parks line up.
    int first = static_cast<int>(std::floor(-half / stripe_px));
    int last = static_cast<int>(std::ceil(half / stripe_px));
    for (int i = first; i <= last; ++i) {
        set_color(cr, colors[static_cast<std::size_t>(((i % static_cast<int>(colors.size())) + colors.size())) % colors.size()]);
        cairo_rectangle(cr, i * stripe_px, -half, stripe_px + 0.3, 2 * half);
        cairo_fill(cr);
    }
    cairo_restore(cr);
}

void draw_raster(canvas& c, prepared_layer& l)
{
    const page& pg = c.pg;
    GDALDatasetH src = GDALOpen(l.raster_path.c_str(), GA_ReadOnly);
    if (!src)
        throw io_error("render: cannot open raster " + geo::quoted(l.raster_path) + " (" + CPLGetLastErrorMsg() + ").");
    if (!GDALGetSpatialRef(src)) {
        GDALClose(src);
        throw crs_error("render: raster " + geo::quoted(l.raster_path) + " has no CRS. Assign one (gdal_edit.py -a_srs).");
    }
    int fw = static_cast<int>(std::ceil(pg.frame.w())), fh = static_cast<int>(std::ceil(pg.frame.h()));
    char* wkt = nullptr;
    crs::shanghai_tm().srs()->exportToWkt(&wkt);
    std::string wkt_s = wkt;
    CPLFree(wkt);
    auto num = [](double v) { return CPLSPrintf("%.6f", v); };
    std::vector<std::string> args = {"-of", "MEM", "-t_srs", wkt_s, "-te", num(pg.ox), num(pg.oy - fh / pg.scale),
                                     num(pg.ox + fw / pg.scale), num(pg.oy), "-ts", std::to_string(fw),
                                     std::to_string(fh), "-r", "bilinear", "-ot", "Float32", "-dstnodata", "nan"};
    std::vector<char*> argv;
    for (auto& a : args)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    GDALWarpAppOptions* wo = GDALWarpAppOptionsNew(argv.data(), nullptr);
    int err = 0;
    GDALDatasetH dst = GDALWarp("", nullptr, 1, &src, wo, &err);
    GDALWarpAppOptionsFree(wo);
    GDALClose(src);
    if (!dst)
        throw io_error("render: cannot warp raster " + geo::quoted(l.raster_path) + " (" + CPLGetLastErrorMsg() + ").");
    std::vector<float> buf(static_cast<std::size_t>(fw) * fh);
    CPLErr e = GDALRasterIO(GDALGetRasterBand(dst, 1), GF_Read, 0, 0, fw, fh, buf.data(), fw, fh, GDT_Float32, 0, 0);
    GDALClose(dst);
    if (e != CE_None)
        throw io_error("render: cannot read raster " + geo::quoted(l.raster_path) + ".");
    float hi = 0;
    for (float v : buf)
        if (std::isfinite(v))
            hi = std::max(hi, v);
    l.raster_min = 0;
    l.raster_max = hi;
    if (hi <= 0)
        return;
    cairo_surface_t* img = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, fw, fh);
    unsigned char* data = cairo_image_surface_get_data(img);
    int stride = cairo_image_surface_get_stride(img);
    for (int y = 0; y < fh; ++y)
        for (int x = 0; x < fw; ++x) {
            float v = buf[static_cast<std::size_t>(y) * fw + x];
            std::uint32_t px = 0;
            if (std::isfinite(v) && v > 0) {
                style::color col = style::ramp_at(l.st.ramp, v / hi);
                double a = col.alpha();
                px = (static_cast<std::uint32_t>(col.a) << 24) |
                     (static_cast<std::uint32_t>(std::lround(col.r * a)) << 16) |
                     (static_cast<std::uint32_t>(std::lround(col.g * a)) << 8) |
                     static_cast<std::uint32_t>(std::lround(col.b * a));
            }
            *reinterpret_cast<std::uint32_t*>(data + static_cast<std::ptrdiff_t>(y) * stride + 4 * x) = px;
        }
    cairo_surface_mark_dirty(img);
    cairo_save(c.cr);
    cairo_set_source_surface(c.cr, img, pg.frame.x0, pg.frame.y0);
    cairo_paint(c.cr);
    cairo_restore(c.cr);
    cairo_surface_destroy(img);
}

} // namespace

void draw_layer(canvas& c, prepared_layer& l)
{
    if (l.raster) {
        draw_raster(c, l);
        return;
    }
    cairo_t* cr = c.cr;
    const page& pg = c.pg;
    for (std::size_t i = 0; i < l.data.features.size(); ++i) {
        const auto& f = l.data.features[i];
        if (!f.geometry || l.category[i] == -2)
            continue;
        const style::symbol& sym = l.category[i] >= 0 ? l.st.categories[static_cast<std::size_t>(l.category[i])].sym
                                   : l.st.other                ? l.st.other->sym
                                                               : l.st.base;
        std::vector<std::pair<double, double>> pts;
        collect_points(*f.geometry, pts);
        if (!pts.empty()) {
            double r = pg.mm(sym.size_mm) / 2;
            for (auto [x, y] : pts) {
                marker_path(cr, sym.marker, pg.px(x), pg.py(y), r);
                paint_current_path(cr, pg, sym, true);
                cairo_new_path(cr);
            }
            continue;
        }
        cairo_new_path(cr);
        geom_path(cr, pg, *f.geometry);
        cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);
        bool areal = is_areal(*f.geometry);
        if (areal && l.st.kind == style::style_kind::overlay && !l.stripes[i].empty()) {
            cairo_path_t* path = cairo_copy_path(cr);
            stripe_fill(cr, pg.mm(l.st.stripe_width_mm), l.stripes[i]);
            cairo_new_path(cr);
            cairo_append_path(cr, path);
            cairo_path_destroy(path);
            style::symbol outline = l.st.base;
            if (outline.stroke) {
                apply_stroke(cr, pg, outline);
                cairo_stroke_preserve(cr);
            }
        } else {
            paint_current_path(cr, pg, sym, areal);
        }
        cairo_new_path(cr);
    }
    cairo_set_dash(cr, nullptr, 0, 0);
}

// ---------------------------------------------------------------- labels ----

namespace {

/// The centre of the largest circle inside the polygon (pole of inaccessibility): the
/// label sits inside even for concave or ring-shaped parks. False when GEOS fails.
bool label_anchor(const OGRPolygon& poly, OGRPoint& out)
{
    GEOSContextHandle_t ctx = geos::context();
    geos::geom_ptr g = geos::from_ogr(poly);
    if (!g)
        return false;
    OGREnvelope e;
    poly.getEnvelope(&e);
    double tol = std::max(e.MaxX - e.MinX, e.MaxY - e.MinY) / 200;
    geos::geom_ptr mic(GEOSMaximumInscribedCircle_r(ctx, g.get(), tol));
    if (!mic)
        return false;
    const GEOSCoordSequence* cs = GEOSGeom_getCoordSeq_r(ctx, mic.get());
    double x = 0, y = 0;
    if (!cs || !GEOSCoordSeq_getXY_r(ctx, cs, 0, &x, &y))
        return false;
    out.setX(x);
    out.setY(y);
    return true;
}

struct label_job {
    const prepared_layer* layer;
    std::string text;
    double ax, ay;     ///< anchor (page px)
    double gap;        ///< distance from anchor to keep for point features
    bool point;
    int rank;          ///< category order
    double area;       ///< feature area (map units), larger first
    std::size_t order; ///< layer order
    const OGRGeometry* geom = nullptr; ///< basemap areas: the feature (map CRS), to search label room inside
    bool secondary = false; ///< a further part of a multi-part feature: placed after the others, no leader
    double fw = 0, fh = 0;  ///< areas: page size of the labelled part (a label that would hide it goes beside it)
};

/// Page size of a part's envelope.
void part_size(const page& pg, const OGRGeometry& g, double& w, double& h)
{
    OGREnvelope e;
    g.getEnvelope(&e);
    w = (e.MaxX - e.MinX) * pg.scale;
    h = (e.MaxY - e.MinY) * pg.scale;
}

} // namespace

void draw_labels(canvas& c, const std::vector<prepared_layer>& layers, std::vector<box> obstacles,
                 render_result& result)
{
    const page& pg = c.pg;
    std::vector<label_job> jobs;
    for (std::size_t li = 0; li < layers.size(); ++li) {
        const auto& l = layers[li];
        if (l.raster || !l.label_field)
            continue;
        for (std::size_t i = 0; i < l.data.features.size(); ++i) {
            const auto& f = l.data.features[i];
            if (!f.geometry || f.geometry->IsEmpty() || l.category[i] == -2)
                continue;
            std::string text = l.data.text(f, *l.label_field);
            if (text.empty())
                continue;
            label_job j{&l, text, 0, 0, 0, false, l.category[i] < 0 ? 1000 : l.category[i], 0, li};
            OGRPoint p;
            auto t = wkbFlatten(f.geometry->getGeometryType());
            if (t == wkbPoint) {
                p = *f.geometry->toPoint();
                j.point = true;
                const auto& sym = l.category[i] >= 0 ? l.st.categories[static_cast<std::size_t>(l.category[i])].sym
                                  : l.st.other        ? l.st.other->sym
                                                      : l.st.base;
                j.gap = pg.mm(sym.size_mm) / 2 + pg.mm(0.8);
            } else if (is_areal(*f.geometry)) {
                // Anchor on the largest part, inside it.
                const OGRPolygon* largest = nullptr;
                if (t == wkbPolygon) {
                    largest = f.geometry->toPolygon();
                    j.area = largest->get_Area();
                } else {
                    j.area = f.geometry->toMultiPolygon()->get_Area();
                    for (const auto* part : *f.geometry->toMultiPolygon())
                        if (!largest || part->get_Area() > largest->get_Area())
                            largest = part;
                }
                if (!largest || !label_anchor(*largest, p))
                    f.geometry->Centroid(&p);
                if (largest)
                    part_size(pg, *largest, j.fw, j.fh);
                if (l.basemap)
                    j.geom = f.geometry.get();
                // The other parts of a multi-part area (a park's further blocks) get
                // their own, lower-priority label, so no coloured block is nameless.
                if (t == wkbMultiPolygon && !l.basemap)
                    for (const auto* part : *f.geometry->toMultiPolygon()) {
                        OGRPoint q;
                        if (part == largest || !label_anchor(*part, q))
                            continue;
                        label_job k = j;
                        k.ax = pg.px(q.getX());
                        k.ay = pg.py(q.getY());
                        k.area = part->get_Area();
                        k.secondary = true;
                        part_size(pg, *part, k.fw, k.fh);
                        if (box{k.ax, k.ay, k.ax, k.ay}.inside(pg.frame))
                            jobs.push_back(std::move(k));
                    }
            } else {
                f.geometry->Centroid(&p);
            }
            j.ax = pg.px(p.getX());
            j.ay = pg.py(p.getY());
            if (!box{j.ax, j.ay, j.ax, j.ay}.inside(pg.frame))
                continue; // the feature's label point is off the map
            jobs.push_back(std::move(j));
        }
    }
    // Feature layers before the basemap; top layers first; then by role and size.
    std::stable_sort(jobs.begin(), jobs.end(), [](const label_job& a, const label_job& b) {
        if (a.layer->basemap != b.layer->basemap)
            return !a.layer->basemap;
        if (a.secondary != b.secondary)
            return !a.secondary;
        if (a.order != b.order)
            return a.order > b.order;
        if (a.rank != b.rank)
            return a.rank < b.rank;
        return a.area > b.area;
    });

    // Boxes labels avoid besides each other: the anchors of other labelled
    // features (all labels) and the features themselves (basemap labels).
    std::vector<box> anchors, features;
    for (const auto& j : jobs)
        if (!j.layer->basemap)
            anchors.push_back(box{j.ax, j.ay, j.ax, j.ay}.grown(pg.mm(0.8)));
    for (const auto& l : layers) {
        if (l.raster || l.basemap)
            continue;
        for (std::size_t i = 0; i < l.data.features.size(); ++i) {
            const auto& f = l.data.features[i];
            if (!f.geometry || f.geometry->IsEmpty() || l.category[i] == -2)
                continue;
            OGREnvelope e;
            f.geometry->getEnvelope(&e);
            features.push_back(box{pg.px(e.MinX), pg.py(e.MaxY), pg.px(e.MaxX), pg.py(e.MinY)}.grown(pg.mm(1)));
        }
    }
    std::vector<box> taken = std::move(obstacles);
    box inner = c.pg.frame.grown(-pg.mm(1));
    const double pad = pg.mm(0.6);
    const label_job* current = nullptr;
    auto free = [&](const box& b) {
        if (!b.inside(inner))
            return false;
        box g = b.grown(pad);
        auto hit = [&](const box& t) { return t.overlaps(g); };
        if (std::any_of(taken.begin(), taken.end(), hit))
            return false;
        for (const auto& a : anchors) {
            bool own = std::abs((a.x0 + a.x1) / 2 - current->ax) < 1e-6 && std::abs((a.y0 + a.y1) / 2 - current->ay) < 1e-6;
            if (!own && a.overlaps(b))
                return false;
        }
        return !current->layer->basemap || std::none_of(features.begin(), features.end(), hit);
    };
    const double pi = std::numbers::pi;
    for (const auto& j : jobs) {
        current = &j;
        const auto& ls = j.layer->st.label;
        text_style ts;
        ts.font = ls.font;
        ts.size_px = pg.pt(ls.size_pt);
        ts.color = ls.text;
        ts.halo = ls.halo;
        ts.halo_px = pg.mm(ls.halo_mm);
        ts.bold = ls.bold;
        text_layout tl(c.cr, ts, j.text);
        double w = tl.width(), h = tl.height();
        auto at = [&](double cx, double cy) { return box{cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2}; };
        std::optional<box> chosen;
        bool leader = false;
        // 1. on the anchor (areas) / beside it (points), 8 positions.
        // A small area the label would cover entirely is labelled beside it, like a point.
        std::vector<box> cands;
        bool small = !j.point && !j.layer->basemap && j.fw > 0 && w >= j.fw && h >= j.fh;
        if (!j.point && !small)
            cands.push_back(at(j.ax, j.ay));
        double gx = (j.point ? j.gap : small ? j.fw / 2 + pg.mm(0.8) : pg.mm(1.2)) + w / 2;
        double gy = (j.point ? j.gap : small ? j.fh / 2 + pg.mm(0.8) : pg.mm(1.2)) + h / 2;
        const double dirs[8][2] = {{1, 0}, {-1, 0}, {0, -1}, {0, 1}, {1, -1}, {-1, -1}, {1, 1}, {-1, 1}};
        for (auto [dx, dy] : dirs)
            cands.push_back(at(j.ax + dx * gx, j.ay + dy * gy));
        for (const auto& b : cands)
            if (free(b)) {
                chosen = b;
                break;
            }
        // 2. basemap areas: anywhere inside the area, nearest to the anchor first.
        if (!chosen && j.geom) {
            OGREnvelope e;
            j.geom->getEnvelope(&e);
            const double step = h / pg.scale; // map units
            std::vector<std::pair<double, box>> inside;
            GEOSContextHandle_t ctx = geos::context();
            geos::geom_ptr g = geos::from_ogr(*j.geom);
            geos::prepared_ptr prep = g ? geos::prepare(*g) : nullptr;
            for (double y = e.MinY + step / 2; y < e.MaxY; y += step)
                for (double x = e.MinX + step / 2; x < e.MaxX; x += step) {
                    double px = pg.px(x), py = pg.py(y);
                    box b = at(px, py);
                    if (!b.inside(inner))
                        continue;
                    geos::geom_ptr q(GEOSGeom_createPointFromXY_r(ctx, x, y));
                    if (!prep || !q || GEOSPreparedContains_r(ctx, prep.get(), q.get()) != 1)
                        continue;
                    inside.emplace_back(std::hypot(px - j.ax, py - j.ay), b);
                }
            std::stable_sort(inside.begin(), inside.end(),
                             [](const auto& a, const auto& b) { return a.first < b.first; });
            for (const auto& [d, b] : inside)
                if (free(b)) {
                    chosen = b;
                    break;
                }
        }
        // 3. further away with a leader line (not for the basemap nor further parts).
        if (!chosen && !j.layer->basemap && !j.secondary) {
            for (double ring : {2.2, 3.4, 5.0, 7.0}) {
                for (int k = 0; k < 16 && !chosen; ++k) {
                    double a = k * pi / 8;
                    box b = at(j.ax + std::cos(a) * (w / 2 + ring * h), j.ay - std::sin(a) * (h / 2 + ring * h));
                    if (free(b)) {
                        chosen = b;
                        leader = true;
                    }
                }
                if (chosen)
                    break;
            }
        }
        if (!chosen) {
            result.dropped.push_back(j.layer->name + ": " + j.text);
            continue;
        }
        taken.push_back(*chosen);
        if (leader) {
            double tx = std::clamp(j.ax, chosen->x0, chosen->x1), ty = std::clamp(j.ay, chosen->y0, chosen->y1);
            cairo_save(c.cr);
            cairo_set_source_rgba(c.cr, 0.2, 0.2, 0.2, 0.9);
            cairo_set_line_width(c.cr, pg.mm(0.2));
            cairo_move_to(c.cr, j.ax, j.ay);
            cairo_line_to(c.cr, tx, ty);
            cairo_stroke(c.cr);
            cairo_arc(c.cr, j.ax, j.ay, pg.mm(0.45), 0, 2 * pi);
            cairo_fill(c.cr);
            cairo_restore(c.cr);
        }
        tl.draw(c, chosen->x0, chosen->y0, j.layer->basemap ? "basemap-label" : "label");
        result.labels.push_back({j.text, j.layer->name, chosen->x0, chosen->y0, w, h, leader});
    }
}

} // namespace geo::render::detail
