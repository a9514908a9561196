#pragma once
// DBSCAN (Ester et al. 1996) on planar coordinates in metres, with the
// semantics of PostGIS ST_ClusterDBSCAN: a point is core when at least
// `min_points` points (itself included) lie within distance <= eps; clusters are
// the connected components of core points (two cores connect at distance <= eps);
// a non-core point within eps of a core point is a border point of a cluster,
// otherwise noise.
//
// Deterministic whatever the input order: a border point near several clusters
// joins the one of its nearest core point (ties: the smaller id), and clusters are
// numbered 1..K in increasing order of their smallest point id. (PostGIS gives a
// border point to whichever cluster reaches it first, so only border points near
// two clusters can differ; core points and their partition are identical.)
//
// Grid of cells of side eps/√2 (points of one cell are all within eps of each
// other, so a cell holding min_points points is all core), neighbour search over
// the 5x5 surrounding cells, core test in parallel over cells.
#include <cstdint>
#include <vector>

namespace geo::stats {

struct dbscan_result {
    std::vector<std::int32_t> label; ///< 1..clusters, 0 = noise
    std::vector<std::uint8_t> core;  ///< 1 for core points
    std::int32_t clusters = 0;
};

/// @param id unique ids used for tie-breaks and numbering (may be null: index order).
dbscan_result dbscan(const std::vector<double>& x, const std::vector<double>& y, const std::int64_t* id, double eps,
                     std::size_t min_points, unsigned threads = 0);

} // namespace geo::stats
