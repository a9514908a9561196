#pragma once
// Point-in-park counting: streams batches of points through a park_index and
// accumulates counts per park x industry (and weights), plus the points outside
// every park, on a park boundary and in more than one park. One accumulator
// per thread; merge() at the end. Nothing is allocated per point.
#include "libgeo/geometry/park_index.hpp"
#include "libgeo/io/csv_points.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace geo::stats {

/// Which points count as "in" a park.
enum class boundary_rule {
    exclude, ///< strictly inside (ST_Contains / GEOS contains) — the default
    include  ///< inside or on the boundary (ST_Covers / ST_Intersects)
};

/// Counts for parks x industries. Industry index ni (== industries.size()) is
/// the "no industry" column (points without an industry value).
struct count_table {
    std::vector<std::string> industries; ///< tags in byte order
    std::size_t parks = 0;
    std::size_t width() const { return industries.size() + 1; }

    std::vector<std::uint64_t> in_park;   ///< [park * width + industry]
    std::vector<double> in_park_weight;   ///< same layout; sums of the weight column
    std::vector<std::uint64_t> all;       ///< [industry]: every point read
    std::vector<double> all_weight;       ///< [industry]
    std::vector<double> all_weight_sq;    ///< [industry]: sum of squared weights (Ellison-Glaeser H)
    std::vector<std::uint64_t> outside;   ///< [industry]: in no park (under the rule)
    std::vector<double> outside_weight;   ///< [industry]
    std::uint64_t total = 0;              ///< points read
    std::uint64_t outside_total = 0;      ///< points in no park (under the rule)
    std::uint64_t on_boundary = 0;        ///< points on the boundary of at least one park
    std::uint64_t multi_park = 0;         ///< points counted in more than one park
    bool weighted = false;

    count_table() = default;
    count_table(std::size_t n_parks, std::vector<std::string> tags, bool weighted);

    std::uint64_t n(std::size_t park, std::size_t industry) const { return in_park[park * width() + industry]; }
    /// All points in a park (every industry column).
    std::uint64_t park_total(std::size_t park) const;
    void merge(const count_table& o);
};

/// Add one batch of points to `t`.
void count_batch(const park_index& idx, boundary_rule rule, const point_batch& b, count_table& t);

} // namespace geo::stats
