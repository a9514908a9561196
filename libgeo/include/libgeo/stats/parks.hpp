#pragma once
// The parks the statistics are computed for: the embedded 22 sub-parks of the
// plan (with its industry layouts), or a user's polygons (--parks FILE
// --park-key FIELD). Geometry in WGS84 lon/lat, geodesic areas in km².
#include "libgeo/io/layer.hpp"
#include "libgeo/model/plan.hpp"

#include <string>
#include <vector>

namespace geo::stats {

/// One role of a layout (e.g. IC "一核") and the parks holding it.
struct role_spec {
    std::string id;
    std::string name_zh;
    std::vector<std::string> parks; ///< named by the plan plus derived
};

/// One industry layout of the plan (e.g. IC "一核两翼多点").
struct layout_spec {
    std::string id;
    std::string name_zh;
    std::string industry; ///< industry tag the layout is about; "" = all industries
    std::vector<role_spec> roles;
};

struct park_set {
    layer parks;                       ///< WGS84; the layer --join-to writes
    std::vector<std::string> ids;      ///< park key per feature
    std::vector<std::string> names;    ///< display name ("" if none)
    std::vector<std::vector<std::string>> industry_tags; ///< lead industries (embedded parks), else empty
    std::vector<double> area_km2;      ///< geodesic area
    std::vector<layout_spec> layouts;  ///< empty for a user's parks whose ids are not the plan's
    bool embedded = false;             ///< the plan's schematic/approximate geometry
    std::string source;

    std::vector<const OGRGeometry*> geometries() const;
    /// Feature order sorted by id: numerically when every id is an integer, else bytewise.
    std::vector<std::size_t> sorted_order() const;
};

struct park_source {
    std::string path;      ///< "" = the embedded parks of the plan model
    std::string key_field; ///< "" = auto: park_id, id, code, name_zh, name
    std::string layer;
    std::string src_crs;
    std::string encoding;
};

/// The plan's parks (embedded, or with a user's boundaries substituted) and its layouts.
park_set from_plan(const model::plan& plan, bool embedded);

/// Arbitrary polygons keyed by a field (path given), or the embedded plan (path "").
/// @throws io_error / usage_error (no key field, duplicate or empty keys).
park_set load_parks(const park_source& src);

} // namespace geo::stats
