#pragma once
// Embedding a style in a GeoPackage so QGIS opens the layer already styled:
// a row in the `layer_styles` table (the schema QGIS itself creates:
// f_table_catalog, f_table_schema, f_table_name, f_geometry_column, styleName,
// styleQML, styleSLD, useAsDefault, description, owner, ui, update_time),
// registered in gpkg_contents as an attributes table.
#include "libgeo/style/style.hpp"

#include <string>

namespace geo::style {

/// Add (or replace: same table and style name) the style as the default style
/// of `layer_name` in the GeoPackage at `gpkg_path`; other styles of that layer
/// lose their default flag. The GeoPackage is modified in place.
/// @throws io_error when the file cannot be opened for update,
///         usage_error when the GeoPackage has no such layer (listing its layers),
///         usage_error for a raster style.
void embed_gpkg_style(const std::string& gpkg_path, const std::string& layer_name, const style& s);

} // namespace geo::style
