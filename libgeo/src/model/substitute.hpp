#pragma once
// Internal: replace the embedded park geometry with a user's boundaries.
#include "libgeo/model/plan.hpp"

namespace geo::model::detail {

/// Read src.path, reproject it to WGS84 (src.src_crs overrides the file's CRS),
/// match its features to `parks` by src.key_field (id, Chinese name or English
/// name; a park drawn as several features gets their union) and put the user's
/// geometry into `parks_layer` (geometry_quality "user", geometry_source naming
/// the file). Unmatched parks keep the embedded geometry.
/// @throws usage_error (no such key field / no field matches), io_error, format_error, crs_error.
substitution_report substitute(layer& parks_layer, std::vector<park>& parks, const parks_source& src);

/// Normalise a key for matching: trimmed, ASCII lower-cased.
std::string match_key(const std::string& s);

} // namespace geo::model::detail
