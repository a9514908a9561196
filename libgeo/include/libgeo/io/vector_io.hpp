#pragma once
// Vector I/O through GDAL/OGR: read any source GDAL reads into geo::layer and
// write layers to GeoJSON (RFC 7946), GeoJSONSeq, GeoPackage, Shapefile (UTF-8),
// FlatGeobuf, CSV or PostgreSQL ("PG:" connection strings).
#include "libgeo/io/layer.hpp"

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace geo {

/// Call once before any GDAL use (idempotent, thread-safe).
void gdal_init();

struct read_options {
    std::optional<std::string> layer;           ///< layer name; default: the first layer
    std::optional<std::array<double, 4>> bbox;  ///< xmin,ymin,xmax,ymax in the layer's CRS
    std::string encoding;                       ///< Shapefile code page (e.g. "GBK", "CP936"); "" = the .cpg or GDAL's default
    std::string x_field;                        ///< CSV: longitude/x column; "" = auto-detect
    std::string y_field;                        ///< CSV: latitude/y column; "" = auto-detect
    std::vector<std::string> open_options;      ///< extra GDAL open options (KEY=VALUE)
};

/// Names of the layers of a source. @throws io_error when GDAL cannot open it.
std::vector<std::string> list_layers(const std::string& source);

/// Read one layer. Geometries keep the source CRS (layer.crs).
/// @throws io_error (cannot open / no such layer), format_error (malformed content).
layer read_layer(const std::string& source, const read_options& opt = {});

struct write_options {
    std::string format;                  ///< GDAL driver short name or alias (geojson, gpkg, shp, fgb, csv, geojsonseq, pg); "" = from the extension
    bool overwrite = false;              ///< replace an existing output (file) or layer (database)
    std::vector<std::string> layer_creation_options;   ///< --lco KEY=VALUE
    std::vector<std::string> dataset_creation_options; ///< --co KEY=VALUE
    int precision = 7;                   ///< GeoJSON coordinate decimals
};

/// GDAL driver short name for a user's format name or a path's extension.
/// @throws usage_error for an unknown format, listing the supported ones.
std::string driver_for(const std::string& dest, const std::string& format);

/// Write layers to one destination. GeoJSON output is RFC 7946 (WGS84, CCW
/// outer rings, `precision` decimals); other formats keep each layer's CRS.
/// Files are staged and renamed on success; nothing is left after a failure.
/// Formats holding one layer (GeoJSON, Shapefile, FlatGeobuf, CSV) take exactly one.
/// @throws usage_error (exists without overwrite, several layers for a one-layer format), io_error.
void write_layers(const std::string& dest, const std::vector<const layer*>& layers, const write_options& opt = {});

inline void write_layer(const std::string& dest, const layer& l, const write_options& opt = {})
{
    write_layers(dest, {&l}, opt);
}

} // namespace geo
