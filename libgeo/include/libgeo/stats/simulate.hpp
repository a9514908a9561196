#pragma once
// Realistic synthetic enterprises for demos, tests and benchmarks — clearly
// labelled synthetic. A share of the points forms Gaussian clusters inside the
// parks, with an industry mix led by each park's lead industries (the plan's
// industry_tags); the rest is background over Shanghai (half a Gaussian around
// People's Square, half uniform), kept inside the union of the districts.
// Deterministic for a given seed on every platform: the generator is
// SplitMix64 with hand-written uniform/normal draws (no std:: distributions,
// whose output differs between standard libraries).
#include "libgeo/stats/parks.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace geo::stats {

struct simulate_options {
    std::uint64_t n = 10000;
    std::uint64_t seed = 1;
    double park_share = 0.35;      ///< share of points generated inside parks
    double lead_share = 0.65;      ///< share of a park's points in its lead industries
    std::vector<double> background_mix{0.12, 0.10, 0.08, 0.70}; ///< ai, biomed, ic, other
};

struct synthetic_enterprises {
    std::vector<double> lon, lat;
    std::vector<std::uint8_t> industry; ///< 0 ai, 1 biomed, 2 ic, 3 other
    std::vector<std::uint32_t> staff;   ///< log-normal head count (a weight column)
    std::vector<std::int32_t> park;     ///< index into the park set of the generating cluster, -1 background
    static const char* tag(std::uint8_t code);      ///< ai, biomed, ic, other
    static const char* label_zh(std::uint8_t code); ///< 人工智能, 生物医药, 集成电路, 其他
    std::size_t size() const { return lon.size(); }
};

/// @param region polygons bounding the background (e.g. the districts), WGS84.
/// @throws usage_error for n = 0 or shares outside [0, 1].
synthetic_enterprises simulate(const park_set& parks, const std::vector<const OGRGeometry*>& region,
                               const simulate_options& opt);

} // namespace geo::stats
