#pragma once
// The in-memory vector layer every zjgeo command works on: a schema, a list of
// features (attribute values + an OGR geometry) and the layer's CRS.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include <ogr_geometry.h>
#include <ogr_spatialref.h>

namespace geo {

/// Deleter for geometries created by GDAL's factory.
struct ogr_geometry_deleter {
    void operator()(OGRGeometry* g) const noexcept { OGRGeometryFactory::destroyGeometry(g); }
};
/// Owning pointer to an OGR geometry.
using geometry_ptr = std::unique_ptr<OGRGeometry, ogr_geometry_deleter>;

/// Deep copy (nullptr stays nullptr).
geometry_ptr clone(const OGRGeometry* g);

enum class field_type { integer, real, string };

/// Name of a field type as GDAL users know it ("Integer64", "Real", "String").
const char* to_string(field_type t);

struct field_def {
    std::string name;
    field_type type = field_type::string;
};

/// A null value (std::monostate), an integer, a real or a UTF-8 string.
using field_value = std::variant<std::monostate, std::int64_t, double, std::string>;

/// Text form of a value as ogrinfo prints it; "" for null.
std::string to_string(const field_value& v);

struct feature {
    std::vector<field_value> values; ///< one per field of the layer, in schema order
    geometry_ptr geometry;           ///< may be null
    std::int64_t source_index = -1;  ///< 0-based position in the source (for messages)

    feature() = default;
    feature(feature&&) noexcept = default;
    feature& operator=(feature&&) noexcept = default;
    feature(const feature& o);
    feature& operator=(const feature& o);
};

class layer {
public:
    std::string name;
    std::vector<field_def> fields;
    std::vector<feature> features;
    /// The layer's CRS with traditional GIS axis order (x = lon/easting); null if unknown.
    std::shared_ptr<const OGRSpatialReference> crs;
    /// Where the layer came from, for messages ("parks.geojson" or "parks.gpkg:parks").
    std::string source;

    /// Index of a field, or std::nullopt.
    std::optional<std::size_t> field_index(const std::string& field_name) const;

    /// Index of a field. @throws usage_error naming the field, the layer and the available fields.
    std::size_t require_field(const std::string& field_name) const;

    /// Append a field (null in every existing feature) and return its index.
    /// @throws usage_error if a field of that name already exists.
    std::size_t add_field(const std::string& field_name, field_type type);

    /// Value of field `i` of feature `f` as text ("" for null).
    std::string text(const feature& f, std::size_t i) const { return to_string(f.values.at(i)); }
};

/// A shared WGS84 lon/lat CRS (EPSG:4326, traditional GIS axis order).
std::shared_ptr<const OGRSpatialReference> wgs84();

} // namespace geo
