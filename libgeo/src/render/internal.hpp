#pragma once
// Internals of the renderer shared by its source files (not installed).
#include "libgeo/io/layer.hpp"
#include "libgeo/render/render.hpp"
#include "libgeo/style/style.hpp"

#include <cairo.h>
#include <pango/pangocairo.h>

#include <optional>
#include <string>
#include <vector>

namespace geo::render::detail {

/// Axis-aligned box in page pixels (y down).
struct box {
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    double w() const { return x1 - x0; }
    double h() const { return y1 - y0; }
    bool overlaps(const box& o) const { return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1; }
    bool inside(const box& o) const { return x0 >= o.x0 && y0 >= o.y0 && x1 <= o.x1 && y1 <= o.y1; }
    box grown(double d) const { return {x0 - d, y0 - d, x1 + d, y1 + d}; }
};

/// A layer ready to draw: data in the map CRS, a resolved style, per-feature symbols.
struct prepared_layer {
    std::string name;               ///< for messages and the labels list
    layer data;                     ///< projected to the map CRS (vector layers)
    style::style st;                ///< resolved style
    std::vector<style::style> parts; ///< overlay: the layout styles combined
    bool raster = false;
    std::string raster_path;
    std::vector<int> category;      ///< per feature: index into st.categories, -1 = other, -2 = not drawn
    std::vector<std::vector<style::color>> stripes; ///< overlay: per feature, the role colours
    std::optional<std::size_t> label_field;
    bool legend = true;
    bool in_extent = true;
    bool basemap = false;           ///< the district basemap (labels placed last, drawn grey)
    bool schematic = false;         ///< plan parks: some geometry is schematic/approximate
    std::size_t user_parks = 0;     ///< plan parks: how many have the user's boundaries (--parks)
    std::size_t plan_parks = 0;     ///< plan parks: how many parks the plan has
    std::string user_source;        ///< plan parks: the user's boundary file ("" = none)
    double raster_min = 0, raster_max = 0; ///< raster: value range drawn (set by draw_layer)
};

/// The page: size, the boxes of its parts and the map transform.
struct page {
    double w = 0, h = 0, dpi = 150;
    box frame, panel, title, footer;
    double scale = 1;       ///< page pixels per map metre
    double ox = 0, oy = 0;  ///< map coordinates of the frame's top-left corner
    double px(double x) const { return frame.x0 + (x - ox) * scale; }
    double py(double y) const { return frame.y0 + (oy - y) * scale; }
    double mm(double v) const { return v * dpi / 25.4; }
    double pt(double v) const { return v * dpi / 72.0; }
};

/// Text drawn on the page, kept so the SVG output can carry it as real text.
struct text_record {
    std::string text;
    double x = 0, y = 0, size = 0; ///< top-left of the text box, font size (page pixels)
    std::string cls;               ///< title | label | legend | note | scale
};

struct canvas {
    cairo_t* cr = nullptr;
    page pg;
    std::vector<text_record> texts;
};

struct text_style {
    std::string font = "Noto Sans CJK SC";
    double size_px = 12;
    style::color color{34, 34, 34, 255};
    std::optional<style::color> halo;
    double halo_px = 0;
    bool bold = false;
    double wrap_px = -1; ///< wrap width, -1 = no wrapping
};

/// RAII Pango layout for a text in a style.
class text_layout {
public:
    text_layout(cairo_t* cr, const text_style& ts, const std::string& text);
    ~text_layout();
    text_layout(const text_layout&) = delete;
    text_layout& operator=(const text_layout&) = delete;
    double width() const { return w_; }
    double height() const { return h_; }
    /// Draw with the top-left corner at (x, y) (halo first), and record it.
    void draw(canvas& c, double x, double y, const std::string& cls) const;

private:
    PangoLayout* layout_;
    text_style ts_;
    std::string text_;
    double w_ = 0, h_ = 0;
};

void set_color(cairo_t* cr, const style::color& c);

// layers.cpp
std::vector<prepared_layer> prepare_layers(const map_spec& spec, const render_options& opt,
                                           std::vector<std::string>& warnings);

// draw.cpp
/// Path of a point marker of radius r centred on (x, y).
void marker_path(cairo_t* cr, style::marker_shape m, double x, double y, double r);
void draw_layer(canvas& c, prepared_layer& l);
/// Place and draw the labels of every layer; returns boxes taken.
void draw_labels(canvas& c, const std::vector<prepared_layer>& layers, std::vector<box> obstacles,
                 render_result& result);

// furniture.cpp
void draw_title(canvas& c, const std::string& zh, const std::string& en);
/// Legend inside `area`; appends the entries to result.legend_entries.
void draw_legend(canvas& c, const std::vector<prepared_layer>& layers, const box& area, render_result& result);
/// North arrow and scale bar in `area` (bottom of the panel); returns the scale denominator.
double draw_scale_and_north(canvas& c, const box& area, bool scale_bar, bool north_arrow);
void draw_note(canvas& c, const std::string& note);

} // namespace geo::render::detail
