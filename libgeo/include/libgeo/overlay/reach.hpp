#pragma once
// Reach: which features of a target layer (parks, enterprises ...) lie within
// a distance of the features of a source layer (e.g. the science facilities).
// Distances are planar metres in geo::crs::shanghai_tm() (a transverse
// Mercator centred on 121.5 E; scale error < 1e-4 across Shanghai), measured
// between the geometries (0 when they touch or overlap), through GEOS with an
// R-tree over the sources.
#include "libgeo/io/layer.hpp"

#include <string>
#include <vector>

namespace geo::overlay {

struct reach_pair {
    std::size_t target;   ///< index into targets.features
    std::size_t source;   ///< index into sources.features
    double distance_m;
};

/// Every (target, source) pair closer than or at `distance_m`, sorted by target,
/// then distance, then source. Both layers may be in any CRS (they are
/// reprojected to shanghai_tm internally); features without geometry are skipped.
/// @throws usage_error when distance_m is negative, crs_error when a layer has no CRS.
std::vector<reach_pair> within_distance(const layer& targets, const layer& sources, double distance_m,
                                        unsigned threads = 0);

/// Parse a distance such as "2km", "2 km", "500m", "1500" (metres), "0.5km".
/// @throws usage_error "--distance 'x' is not a distance. Use e.g. 2km or 500m."
double parse_distance_m(const std::string& text);

} // namespace geo::overlay
