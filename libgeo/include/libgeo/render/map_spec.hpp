#pragma once
// A map described declaratively: the layers (embedded data or files), their
// styles and filters, title, extent, page size and what furniture to draw.
// Read from a small JSON "map file" (see examples/*.map.json and
// docs/commands/render.md) or built in code by the `zjgeo render` shortcuts.
//
//   { "title_zh": "集成电路产业空间布局", "title_en": "Integrated circuits layout",
//     "width": "297mm", "height": "210mm", "dpi": 150,
//     "extent": "parks" | "districts" | "layers" | [lon_min, lat_min, lon_max, lat_max],
//     "legend": true, "scale_bar": true, "north_arrow": true, "note": "extra source note",
//     "layers": [
//       { "source": "districts" },                      // embedded layer (layers/districts.geojson)
//       { "source": "parks", "layout": "ic" },          // the plan's parks coloured by role
//       { "source": "parks", "layout": "all" },         // the layouts overlaid (hatched)
//       { "source": "stats.gpkg", "layer": "parks", "style": "choropleth", "field": "enterprises" },
//       { "source": "density.tif", "style": "density" },
//       { "source": "my.geojson", "style": {...inline style...}, "filter": "kind = 'lab'",
//         "label": "name", "legend": true, "extent": true, "src_crs": "gcj02" } ] }
//
// Relative paths are relative to the map file's folder.
#include <array>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace geo::render {

struct layer_spec {
    std::string source;       ///< embedded name (districts, parks, facilities, featured_parks) or a path
    std::string layer;        ///< layer inside a multi-layer source ("" = first)
    std::string layout;       ///< parks from the plan: ic | biomed | ai | overall | all ("" = plain)
    std::string style;        ///< style name or path ("" = the default for the source)
    nlohmann::json inline_style; ///< an inline style object (overrides `style`)
    std::string filter;       ///< "field = value", "field != value", "field in (a, b)", "field is [not] null"
    std::string field;        ///< overrides the style's attribute (choropleth / categories)
    std::optional<std::string> label; ///< label field override; "" = no labels
    std::string src_crs;      ///< CRS override for the source (e.g. gcj02)
    bool legend = true;       ///< list this layer in the legend
    std::optional<bool> extent; ///< counts for the automatic extent (default: every non-basemap layer)
};

struct map_spec {
    std::string title_zh;
    std::string title_en;
    std::string extent = "auto"; ///< auto | parks | districts | layers
    std::optional<std::array<double, 4>> bbox; ///< lon/lat (WGS84) xmin,ymin,xmax,ymax
    double width_px = 0;  ///< page width in pixels at `dpi` (0 = A4 landscape)
    double height_px = 0;
    double dpi = 150;
    bool legend = true;
    bool scale_bar = true;
    bool north_arrow = true;
    std::string note;
    std::vector<layer_spec> layers;
    std::string base_dir; ///< folder relative paths are resolved against
};

/// A length "1600", "1600px", "297mm", "29.7cm" or "11in" in pixels at `dpi`.
/// @throws usage_error naming the value.
double parse_length(const std::string& text, double dpi, const std::string& what);

/// Parse a map file's JSON. @throws format_error "render: '<source>': <what>".
map_spec parse_map_spec(const nlohmann::json& j, const std::string& source, const std::string& base_dir);

/// Read and parse a map file. @throws io_error / format_error.
map_spec load_map_spec(const std::string& path);

} // namespace geo::render
