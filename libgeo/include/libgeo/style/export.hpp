#pragma once
// Writing a zjgeo style (libgeo/style/style.hpp) in the formats GIS tools load:
//   - QGIS QML (categorized / graduated / single / rule-based renderer + simple labeling);
//   - OGC SLD 1.1.0 with Symbology Encoding (one se:Rule per category, an
//     se:ElseFilter rule for `other`, a TextSymbolizer rule for labels);
//   - a MapLibre GL style JSON (version 8) with one GeoJSON source.
// Raster styles are rendered by zjgeo only; exporting them throws usage_error.
#include "libgeo/style/style.hpp"

#include <string>
#include <vector>

namespace geo::style {

enum class export_format { qml, sld, maplibre };

/// "qml" | "sld" | "maplibre" (also "json"). @throws usage_error listing the formats.
export_format parse_export_format(const std::string& name);
/// File extension without dot: "qml", "sld", "json".
const char* extension(export_format f);

/// QGIS QML document (UTF-8).
/// @throws usage_error for a raster style.
std::string to_qml(const style& s);

/// SLD 1.1.0 / SE document; `layer_name` becomes the NamedLayer name.
/// @throws usage_error for a raster style.
std::string to_sld(const style& s, const std::string& layer_name);

/// MapLibre style JSON (pretty-printed); the source is a GeoJSON file `data_url`
/// (relative to the style file), named `layer_name`.
/// @throws usage_error for a raster style.
std::string to_maplibre(const style& s, const std::string& layer_name, const std::string& data_url);

/// One of the three, by format.
std::string export_style(const style& s, export_format f, const std::string& layer_name);

/// Escape text for XML attribute and element content.
std::string xml_escape(const std::string& text);

} // namespace geo::style
