#pragma once
// Validity as data: checking returns a result object, repairing returns a new
// geometry. Invalid input is an ordinary case, not an exception.
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
