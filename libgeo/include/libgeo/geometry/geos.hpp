#pragma once
// RAII over the GEOS C API (re-entrant _r functions). One GEOS context per
// thread (geos::context()); geometries are owned by geos::geom_ptr, which
// destroys them in the context of the thread that created them.
#include <memory>
#include <string>

#include <geos_c.h>
#include <ogr_geometry.h>

#include "libgeo/io/layer.hpp"

namespace geo::geos {

/// This thread's GEOS context; notices and errors are captured, not printed.
GEOSContextHandle_t context();

/// The last error GEOS reported on this thread ("" if none) — for messages.
std::string last_error();

struct geom_deleter {
    void operator()(GEOSGeometry* g) const noexcept;
};
using geom_ptr = std::unique_ptr<GEOSGeometry, geom_deleter>;

struct prepared_deleter {
    void operator()(const GEOSPreparedGeometry* g) const noexcept;
};
using prepared_ptr = std::unique_ptr<const GEOSPreparedGeometry, prepared_deleter>;

/// Convert an OGR geometry to GEOS (through WKB). @throws geometry_error.
geom_ptr from_ogr(const OGRGeometry& g);
/// Convert a GEOS geometry to OGR. @throws geometry_error.
geometry_ptr to_ogr(const GEOSGeometry& g);

/// Prepare a geometry for repeated predicates; `g` must outlive the result.
prepared_ptr prepare(const GEOSGeometry& g);

} // namespace geo::geos
