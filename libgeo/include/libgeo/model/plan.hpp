#pragma once
// The plan's model: the 22 sub-parks of 一区二十二园 and the industry layouts of
// 《上海张江高新技术产业开发区“十四五”规划》, loaded from the embedded data
// files in layers/ (parks.geojson, layouts.json) — data, not code, so a planner
// can edit or replace them without recompiling.
//
// A user's authoritative park boundaries can replace the embedded geometry
// (parks_source): features are matched to parks by id or Chinese name in the
// user's key field; the embedded attributes are kept, the user's geometry is
// used, and unmatched parks/features are reported.
#include "libgeo/io/layer.hpp"

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace geo::model {

struct role {
    std::string id;                   ///< e.g. "core", "wings", "points"
    std::string name_zh;              ///< e.g. "一核"
    std::string name_en;
    std::vector<std::string> parks;   ///< park ids the plan names for this role
    std::vector<std::string> derived; ///< park ids derived by the layout's rule (the plan's open "X")
    std::string quote;                ///< the plan's words for this role
    std::string derivation_rule;      ///< how `derived` was filled; "" when the plan names every member

    /// parks followed by derived.
    std::vector<std::string> members() const;
};

struct layout {
    std::string id; ///< "ic", "biomed", "ai", "overall"
    std::string name_zh;
    std::string name_en;
    std::string pattern_zh;      ///< e.g. "一核两翼多点"
    std::string plan_ref;        ///< section of the plan, e.g. "四(一)1"
    std::string plan_quote;
    std::string derivation_rule; ///< how open roles ("X") were filled (the layout's, else its first role's); "" if none
    std::vector<role> roles;

    /// The role a park holds in this layout (named or derived), or nullptr.
    const role* role_of(const std::string& park_id) const;
    /// @throws usage_error naming the layout and its role ids.
    const role& require_role(const std::string& role_id) const;
};

struct park {
    std::string id;      ///< stable ASCII id, e.g. "zjsc"
    std::string name_zh; ///< e.g. "张江科学城"
    std::string name_en;
    std::vector<std::string> districts_zh;
    std::vector<std::string> district_codes; ///< GB/T 2260
    std::string group;                       ///< city | pole | radiant | clusters
    std::string group_zh;                    ///< 一城 | 一极 | 一区 | 多组团
    std::string industries_zh;               ///< the plan's words
    std::vector<std::string> industry_tags;  ///< normalised, e.g. ic, biomed, ai
    std::optional<double> planned_area_km2;  ///< published figure, if any
    std::string geometry_quality;            ///< approximate | schematic | user
    std::string geometry_source;
    std::string plan_ref;                    ///< section of the plan naming the park, e.g. "四(四)3"
    std::size_t feature_index = 0;           ///< index into plan::parks_layer().features
};

/// Where park boundaries come from: empty path = the embedded layer.
struct parks_source {
    std::string path;       ///< user's boundary file (any GDAL source)
    std::string key_field;  ///< field holding the park id or Chinese name ("" = the field matching most parks)
    std::string layer;      ///< layer in `path` ("" = first)
    std::string src_crs;    ///< CRS override for `path` (e.g. gcj02)
    std::string encoding;   ///< Shapefile code page (e.g. GBK)
};

/// What a substitution matched.
struct substitution_report {
    std::string source;                        ///< the user's file ("" = no substitution)
    std::string key_field;                     ///< the field used to match (given or auto-detected)
    bool key_auto_detected = false;
    std::vector<std::string> matched;          ///< park ids given user geometry
    std::vector<std::string> unmatched_parks;  ///< embedded parks with no user feature (keep embedded geometry)
    std::vector<std::string> unmatched_values; ///< user key values that match no park
    /// One line per problem, for stderr ("" when everything matched).
    std::string describe() const;
};

class plan {
public:
    /// Load the embedded layers, optionally substituting user boundaries.
    /// @throws io_error/format_error naming the file and the entry at fault.
    static plan load(const parks_source& src = {});
    /// Same, from another folder holding parks.geojson and layouts.json (tests, edited copies).
    static plan load_from(const std::filesystem::path& layers_dir, const parks_source& src = {});

    /// The folder the layers were read from.
    const std::filesystem::path& layers_dir() const { return layers_dir_; }

    /// The parks as a WGS84 layer: embedded attributes, geometry (embedded or user's).
    const layer& parks_layer() const { return parks_layer_; }
    const std::vector<park>& parks() const { return parks_; }
    const std::vector<layout>& layouts() const { return layouts_; }
    const substitution_report& substitution() const { return substitution_; }

    const park* find_park(const std::string& id_or_name_zh) const;
    /// @throws usage_error listing the park ids.
    const park& require_park(const std::string& id_or_name_zh) const;
    /// @throws usage_error listing the layout ids.
    const layout& require_layout(const std::string& id) const;
    /// layout id -> role id, for every layout in which the park holds a role.
    std::map<std::string, std::string> roles_of(const std::string& park_id) const;
    /// Geometry of a park (WGS84).
    const OGRGeometry& geometry(const park& p) const;
    /// Geodesic area (km²) of a park's geometry (embedded or user's).
    double area_km2(const park& p) const;

private:
    std::filesystem::path layers_dir_;
    layer parks_layer_;
    std::vector<park> parks_;
    std::vector<layout> layouts_;
    substitution_report substitution_;
};

} // namespace geo::model
