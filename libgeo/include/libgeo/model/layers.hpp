#pragma once
// The plan's layers as exportable vector layers (WGS84): the parks tagged with
// their roles in the plan's industry layouts, and the embedded context layers
// (featured parks, science facilities, districts). Used by `zjgeo export` and by
// any command that wants the plan's layers with their attributes.
#include "libgeo/model/plan.hpp"

#include <string>
#include <vector>

namespace geo::model {

/// The parks with the data file's attributes, area_km2 (geodesic area of the
/// embedded or user geometry, 3 decimals) and, when `with_roles`, one
/// role_<layout id> field per layout (null where the park holds no role) and
/// n_layouts (how many layouts name the park). `members_only` drops parks that
/// hold no role in any layout. Layer name "parks".
layer parks_layer(const plan& p, bool with_roles = true, bool members_only = false);

/// The parks tagged with one layout: parks_layer(p, false) plus role_id,
/// role_zh, role_en and derived (1 = the park was derived by the layout's rule
/// for an open role "X", 0 = the plan names it). Parks outside the layout keep
/// null role fields unless `members_only`. Layer name "layout_<id>".
layer layout_layer(const plan& p, const layout& lo, bool members_only = false);

/// Names accepted by embedded_layer(), in export order.
const std::vector<std::string>& embedded_layer_names();

/// An embedded layer by name: "parks" (= parks_layer(p)), "featured_parks",
/// "facilities" or "districts" (read from p.layers_dir(), reprojected to WGS84).
/// @throws usage_error for another name, listing the names; io_error when the file is missing.
layer embedded_layer(const plan& p, const std::string& name);

} // namespace geo::model
