#pragma once
// The plan side of the overlay module: the layouts overlay layer (each park
// with all its roles across the plan's layouts), per-role roll-ups and the
// outputs of a reach query.
#include "libgeo/io/layer.hpp"
#include "libgeo/overlay/reach.hpp"
#include "libgeo/overlay/table.hpp"

#include <string>
#include <vector>

namespace geo::model {
class plan;
}

namespace geo::overlay {

/// The id of the plan's overall spatial layout; it is not counted in n_layouts.
inline constexpr const char* overall_layout_id = "overall";

/// One feature per park (plan order, park geometry, WGS84) with fields:
///   id, name_zh, name_en, group_zh,
///   role_<layout> (role id or null), role_<layout>_zh (role name, e.g. "一核") for every layout,
///   roles_zh  e.g. "集成电路·一核; 生物医药·1; 人工智能·4" (industry layouts, plan order),
///   roles_en  e.g. "IC·core; biomedicine·1; AI·4",
///   derived   layouts in which the role was derived by the layout's rule, e.g. "ai" ("" if none),
///   n_layouts number of industry layouts (all but "overall") in which the park holds a role.
/// Layer name "layouts_overlay".
layer layouts_layer(const model::plan& plan);

/// The embedded science facilities (layers/facilities.geojson), WGS84.
/// @throws io_error when the file is missing.
layer facilities_layer();

/// The field used to name a feature in tables: name_zh, name, id, else "" (position).
std::string name_field(const layer& l);

struct reach_result {
    layer targets;   ///< targets with at least one source in reach: their fields + n_sources,
                     ///< nearest, nearest_m, sources ("name (1234 m); ..."), distance_m (the query)
    table pairs;     ///< target, target_name, source, source_name, distance_m
};

/// Build the outputs of a within_distance() query.
reach_result reach_outputs(const layer& targets, const layer& sources, const std::vector<reach_pair>& pairs,
                           double distance_m);

} // namespace geo::overlay
