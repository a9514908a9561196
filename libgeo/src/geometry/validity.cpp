#include "libgeo/geometry/validity.hpp"

#include "libgeo/core/error.hpp"
#include "libgeo/geometry/geos.hpp"

#include <fmt/format.h>

namespace geo {

std::string validity::describe() const
{
    if (valid)
        return "valid";
    if (x && y)
        return fmt::format("{} at ({}, {})", reason, *x, *y);
    return reason;
}

validity check_validity(const OGRGeometry& g)
{
    validity v;
    if (g.IsEmpty())
        return v;
    auto gg = geos::from_ogr(g);
    char* reason = nullptr;
    GEOSGeometry* location = nullptr;
    char r = GEOSisValidDetail_r(geos::context(), gg.get(), 0, &reason, &location);
    if (r == 2)
        throw geometry_error("validity: GEOS failed: " + geos::last_error() + ".");
    v.valid = r == 1;
    if (reason) {
        if (!v.valid)
            v.reason = reason;
        GEOSFree_r(geos::context(), reason);
    }
    if (location) {
        geos::geom_ptr loc(location);
        double x = 0, y = 0;
        if (!v.valid && GEOSGeomGetX_r(geos::context(), location, &x) && GEOSGeomGetY_r(geos::context(), location, &y)) {
            v.x = x;
            v.y = y;
        }
    }
    return v;
}

geometry_ptr make_valid(const OGRGeometry& g)
{
    auto gg = geos::from_ogr(g);
    GEOSMakeValidParams* params = GEOSMakeValidParams_create_r(geos::context());
    GEOSMakeValidParams_setMethod_r(geos::context(), params, GEOS_MAKE_VALID_STRUCTURE);
    GEOSMakeValidParams_setKeepCollapsed_r(geos::context(), params, 0);
    GEOSGeometry* fixed = GEOSMakeValidWithParams_r(geos::context(), gg.get(), params);
    GEOSMakeValidParams_destroy_r(geos::context(), params);
    if (!fixed)
        throw geometry_error("make-valid: GEOS failed: " + geos::last_error() + ".");
    geos::geom_ptr owner(fixed);
    geometry_ptr out = geos::to_ogr(*owner);
    const bool polygonal = OGR_GT_IsSurface(wkbFlatten(g.getGeometryType())) ||
                           OGR_GT_IsSubClassOf(wkbFlatten(g.getGeometryType()), wkbMultiSurface);
    if (!polygonal || OGR_GT_IsSurface(wkbFlatten(out->getGeometryType())) ||
        wkbFlatten(out->getGeometryType()) == wkbMultiPolygon)
        return out;
    // A collection: keep its polygonal parts (GEOS 3.11 has no CollectionExtract in the C API).
    auto polys = std::make_unique<OGRMultiPolygon>();
    for (const OGRGeometry* part : *out->toGeometryCollection()) {
        auto t = wkbFlatten(part->getGeometryType());
        if (t == wkbPolygon)
            polys->addGeometry(part);
        else if (t == wkbMultiPolygon)
            for (const OGRPolygon* p : *part->toMultiPolygon())
                polys->addGeometry(p);
    }
    return geometry_ptr(polys.release());
}

} // namespace geo
