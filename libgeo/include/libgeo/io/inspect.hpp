#pragma once
// A short description of a vector source, like `ogrinfo -so` plus a geometry
// validity summary: what `zjgeo info` prints. The work is done here; the
// command only chooses the rendering.
#include "libgeo/geometry/validity.hpp"
#include "libgeo/io/vector_io.hpp"

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace geo {

struct field_summary {
    std::string name;
    std::string type; ///< GDAL's type name: "String", "Integer", "Integer64", "Real", "Date", ...
};

struct invalid_feature {
    std::int64_t feature = 0; ///< 1-based position of the feature in the layer
    validity reason;
};

struct layer_summary {
    std::string name;
    std::int64_t feature_count = 0;
    std::string geometry_type;                  ///< e.g. "Polygon", "Multi Polygon", "None"
    std::string crs_code;                       ///< "EPSG:4326", "" when none is known
    std::string crs_name;                       ///< "WGS 84", "" when the layer has no CRS
    bool geographic = false;                    ///< lon/lat CRS (affects printed precision)
    std::optional<std::array<double, 4>> extent; ///< xmin, ymin, xmax, ymax in the layer's CRS
    std::vector<field_summary> fields;
    bool validity_checked = false;
    std::int64_t invalid_count = 0;
    std::int64_t null_geometries = 0;
    std::vector<invalid_feature> first_invalid; ///< at most inspect_options::max_reasons
};

struct dataset_summary {
    std::string source;
    std::string driver; ///< GDAL driver short name, e.g. "GeoJSON"
    std::vector<layer_summary> layers;
};

struct inspect_options {
    read_options read;        ///< read.layer: only that layer (default: every layer)
    bool check_validity = true;
    std::size_t max_reasons = 5;
    /// Called now and then with (features done, total features); may be empty.
    std::function<void(std::uint64_t, std::uint64_t)> on_progress;
};

/// Summarise a source. @throws io_error, format_error, usage_error (no such layer).
dataset_summary inspect(const std::string& source, const inspect_options& opt = {});

/// Human-readable form (as `zjgeo info` prints it).
std::string to_text(const dataset_summary& s);
/// JSON form (`zjgeo info --format json`), one object, newline-terminated.
std::string to_json(const dataset_summary& s);

/// "EPSG:4490" for a CRS with (or identifiable to) an EPSG code, else "".
std::string epsg_code(const OGRSpatialReference& srs);

} // namespace geo
