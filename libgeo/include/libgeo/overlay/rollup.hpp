#pragma once
// Area roll-ups of an overlay result: area by category (a field of B, e.g.
// land use) per feature/key of A (e.g. per park), and per layout role of the
// plan when A is the parks layer.
#include "libgeo/crs/crs.hpp"
#include "libgeo/overlay/overlay.hpp"

#include <optional>
#include "libgeo/overlay/table.hpp"

#include <string>
#include <vector>

namespace geo::model {
class plan;
}

namespace geo::overlay {

struct rollup_options {
    std::string key_field;   ///< A's field naming the group ("" = A's feature position)
    std::string label_field; ///< A's field shown beside the key ("" = none)
    std::string by_field;    ///< B's category field ("" = one total per key)
    std::optional<crs> area_crs; ///< as in overlay::options, for the groups' own areas
};

/// One group × category cell. Category "(all)" is the group's total.
struct rollup_entry {
    std::string scope;        ///< "feature" / "park", or a layout id for role groups
    std::string key;          ///< A's key value, or a role id
    std::string label;        ///< A's label value, or the role's Chinese name
    std::string category;     ///< B's category value ("" for null), or "(all)"
    std::size_t pieces = 0;   ///< overlay pieces summed
    double area_km2 = 0;      ///< summed area field of the pieces
    double whole_km2 = 0;     ///< area of the group's A features (for the share)
    double share() const { return whole_km2 > 0 ? area_km2 / whole_km2 : 0; }
};

/// Roll up an overlay result (which must carry its area field) by A's key and
/// B's category. Groups keep A's order; categories are sorted (byte order),
/// "(all)" last. Group areas (whole_km2) are measured like the pieces.
/// @throws usage_error naming a missing field (listing the available ones).
std::vector<rollup_entry> rollup(const result& r, const layer& a, const layer& b, const rollup_options& opt,
                                 const std::string& scope = "feature");

/// Aggregate per-park entries (key = park id) into one group per role of each
/// layout of the plan; scope = layout id, key = role id, label = role name.
std::vector<rollup_entry> rollup_roles(const std::vector<rollup_entry>& per_park, const model::plan& plan);

/// Columns: scope,key,name,category,pieces,area_km2,share.
table to_table(const std::vector<rollup_entry>& entries);

} // namespace geo::overlay
