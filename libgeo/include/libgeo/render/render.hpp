#pragma once
// Map rendering with Cairo and Pango (Noto CJK fonts): PNG, SVG or PDF of a
// map_spec, projected in geo::crs::shanghai_tm(), with a district basemap,
// collision-free labels (greedy candidate positions + box test, leader lines
// for labels pushed away from their feature, the rest dropped), a title, a
// legend generated from the styles, a metric scale bar, a north arrow and a
// source/accuracy note. Output is deterministic for identical input (no
// timestamps; fixed PDF metadata).
#include "libgeo/model/plan.hpp"
#include "libgeo/render/map_spec.hpp"

#include <string>
#include <vector>

namespace geo::render {

enum class image_format { png, svg, pdf };

/// From `format` ("png" | "svg" | "pdf") or else the output's extension.
/// @throws usage_error naming the path/format.
image_format format_for(const std::string& path, const std::string& format);
const char* to_string(image_format f);

struct render_options {
    std::string output;               ///< file to write (staged, renamed on success)
    std::string format;               ///< "" = from the extension
    bool overwrite = false;
    model::parks_source parks;        ///< user park boundaries for the plan's parks (when `plan` is null)
    /// An already loaded plan to draw the parks from (e.g. with the caller's
    /// substitution reported); null = load it from `parks` when a layer needs it.
    /// Must outlive render_map().
    const model::plan* plan = nullptr;
};

/// A label that was drawn (page pixel coordinates, origin top-left).
struct placed_label {
    std::string text;
    std::string layer;
    double x = 0, y = 0, w = 0, h = 0;
    bool leader = false; ///< drawn away from its feature with a leader line
};

struct render_result {
    int width_px = 0;
    int height_px = 0;
    image_format format = image_format::png;
    std::string title;
    std::vector<placed_label> labels;
    std::vector<std::string> dropped;        ///< labels that found no free position
    std::vector<std::string> legend_entries; ///< headings and entries, in drawing order
    std::vector<std::string> warnings;       ///< style/plan mismatches worth telling the user
    double scale_denominator = 0;            ///< 1:N at the output's physical size
};

/// Render the map to options.output.
/// @throws usage_error (output exists, bad format), io_error, format_error, crs_error.
render_result render_map(const map_spec& spec, const render_options& options);

/// The result as JSON (labels, dropped labels, legend entries, size): what
/// `zjgeo render --labels-out` writes.
std::string result_json(const render_result& r);

} // namespace geo::render
