#pragma once
// Validity as data: checking returns a result object, repairing returns a new
// geometry. Invalid input is an ordinary case, not an exception.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "libgeo/io/layer.hpp"

namespace geo {

struct validity {
    bool valid = true;
    std::string reason;            ///< GEOS reason, e.g. "Self-intersection"; "" when valid
    std::optional<double> x, y;    ///< where GEOS located the problem, when it did
    /// "Self-intersection at (121.5, 31.2)" or "valid".
    std::string describe() const;
};

/// OGC validity of a geometry (GEOSisValidDetail). An empty/null geometry is valid.
validity check_validity(const OGRGeometry& g);

/// Repair with GEOS MakeValid, "structure" method (keeps the polygonal area
/// enclosed by the rings, drops collapsed parts). Returns the repaired
/// geometry; polygonal input gives polygonal output (other parts dropped).
/// @throws geometry_error when GEOS fails.
geometry_ptr make_valid(const OGRGeometry& g);

} // namespace geo

namespace geo {

/// Result of checking every geometry of a layer.
struct layer_validity {
    std::size_t checked = 0;  ///< features with a geometry
    std::size_t invalid = 0;
    std::size_t repaired = 0; ///< set by repair_layer
    /// First invalid feature (1-based position in the layer) and its reason; 0 when none.
    std::int64_t first_feature = 0;
    validity first;
};

/// Check every feature of `l` (no change to the layer).
layer_validity check_layer(const layer& l);

/// Replace every invalid geometry of `l` by make_valid() of it; returns the counts.
/// @throws geometry_error naming the layer and feature when GEOS fails.
layer_validity repair_layer(layer& l);

/// @throws geometry_error when `v` found an invalid geometry:
///   "'<source>': feature N has an invalid geometry: <reason> (<k> of <n> features invalid). Use --make-valid to repair."
void require_valid(const layer& l, const layer_validity& v);

} // namespace geo
