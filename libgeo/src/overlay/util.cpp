#include "overlay/util.hpp"

#include "libgeo/core/error.hpp"
#include "libgeo/crs/geodesic.hpp"

#include <fmt/format.h>

namespace geo::overlay::detail {

namespace {

int type_dimension(int type)
{
    switch (type) {
    case GEOS_POINT:
    case GEOS_MULTIPOINT: return 0;
    case GEOS_LINESTRING:
    case GEOS_LINEARRING:
    case GEOS_MULTILINESTRING: return 1;
    case GEOS_POLYGON:
    case GEOS_MULTIPOLYGON: return 2;
    default: return -1;
    }
}

void collect(GEOSContextHandle_t ctx, const GEOSGeometry* g, int dim, std::vector<GEOSGeometry*>& parts)
{
    int type = GEOSGeomTypeId_r(ctx, g);
    if (type == GEOS_GEOMETRYCOLLECTION || type == GEOS_MULTIPOINT || type == GEOS_MULTILINESTRING ||
        type == GEOS_MULTIPOLYGON) {
        int n = GEOSGetNumGeometries_r(ctx, g);
        for (int i = 0; i < n; ++i)
            collect(ctx, GEOSGetGeometryN_r(ctx, g, i), dim, parts);
        return;
    }
    if (type_dimension(type) != dim || GEOSisEmpty_r(ctx, g))
        return;
    if (type == GEOS_LINEARRING) {
        const GEOSCoordSequence* cs = GEOSGeom_getCoordSeq_r(ctx, g);
        parts.push_back(GEOSGeom_createLineString_r(ctx, GEOSCoordSeq_clone_r(ctx, cs)));
        return;
    }
    parts.push_back(GEOSGeom_clone_r(ctx, g));
}

} // namespace

void prime(const GEOSGeometry& g)
{
    auto ctx = geos::context();
    double v;
    GEOSGeom_getXMin_r(ctx, &g, &v);
    const int type = GEOSGeomTypeId_r(ctx, &g);
    if (type == GEOS_POLYGON) {
        if (const GEOSGeometry* shell = GEOSGetExteriorRing_r(ctx, &g))
            prime(*shell);
        const int n = GEOSGetNumInteriorRings_r(ctx, &g);
        for (int i = 0; i < n; ++i)
            prime(*GEOSGetInteriorRingN_r(ctx, &g, i));
    } else if (type == GEOS_MULTIPOINT || type == GEOS_MULTILINESTRING || type == GEOS_MULTIPOLYGON ||
               type == GEOS_GEOMETRYCOLLECTION) {
        const int n = GEOSGetNumGeometries_r(ctx, &g);
        for (int i = 0; i < n; ++i)
            prime(*GEOSGetGeometryN_r(ctx, &g, i));
    }
}

int dimension(const GEOSGeometry& g)
{
    auto ctx = geos::context();
    if (GEOSisEmpty_r(ctx, &g))
        return -1;
    return GEOSGeom_getDimensions_r(ctx, &g);
}

geos::geom_ptr extract_dimension(geos::geom_ptr g, int dim)
{
    if (!g)
        return nullptr;
    auto ctx = geos::context();
    if (GEOSisEmpty_r(ctx, g.get()))
        return nullptr;
    int type = GEOSGeomTypeId_r(ctx, g.get());
    if (type_dimension(type) == dim && type != GEOS_LINEARRING)
        return g; // already homogeneous
    std::vector<GEOSGeometry*> parts;
    collect(ctx, g.get(), dim, parts);
    if (parts.empty())
        return nullptr;
    if (parts.size() == 1)
        return geos::geom_ptr(parts[0]);
    int multi = dim == 2 ? GEOS_MULTIPOLYGON : dim == 1 ? GEOS_MULTILINESTRING : GEOS_MULTIPOINT;
    GEOSGeometry* out = GEOSGeom_createCollection_r(ctx, multi, parts.data(), static_cast<unsigned>(parts.size()));
    if (!out) {
        for (auto* p : parts)
            GEOSGeom_destroy_r(ctx, p);
        throw geometry_error("overlay: cannot assemble a result geometry: " + geos::last_error() + ".");
    }
    return geos::geom_ptr(out);
}

repair_outcome check_and_repair(geos::geom_ptr g)
{
    auto ctx = geos::context();
    repair_outcome r;
    if (GEOSisEmpty_r(ctx, g.get())) {
        r.reason = "empty geometry";
        r.dropped = true;
        return r;
    }
    char valid = GEOSisValid_r(ctx, g.get());
    if (valid == 1) {
        r.geometry = std::move(g);
        return r;
    }
    char* reason = nullptr;
    GEOSGeometry* location = nullptr;
    GEOSisValidDetail_r(ctx, g.get(), 0, &reason, &location);
    r.reason = reason ? reason : "invalid geometry";
    if (reason)
        GEOSFree_r(ctx, reason);
    if (location) {
        geos::geom_ptr loc(location);
        double x = 0, y = 0;
        if (GEOSGeomGetX_r(ctx, location, &x) && GEOSGeomGetY_r(ctx, location, &y))
            r.reason += fmt::format(" at ({}, {})", x, y);
    }
    const int dim = dimension(*g);
    GEOSMakeValidParams* params = GEOSMakeValidParams_create_r(ctx);
    GEOSMakeValidParams_setMethod_r(ctx, params, GEOS_MAKE_VALID_STRUCTURE);
    GEOSMakeValidParams_setKeepCollapsed_r(ctx, params, 0);
    GEOSGeometry* fixed = GEOSMakeValidWithParams_r(ctx, g.get(), params);
    GEOSMakeValidParams_destroy_r(ctx, params);
    if (!fixed) {
        r.reason += "; GEOS could not repair it: " + geos::last_error();
        r.dropped = true;
        return r;
    }
    r.geometry = extract_dimension(geos::geom_ptr(fixed), dim);
    if (!r.geometry) {
        r.reason += "; nothing is left after repair";
        r.dropped = true;
        return r;
    }
    r.repaired = true;
    return r;
}

area_measure::area_measure(const crs& from, const std::optional<crs>& area_crs) : planar_(area_crs.has_value())
{
    if (!planar_ && !from.is_pseudo() && from.srs()->IsSame(crs::wgs84().srs().get()))
        return; // geodesic on lon/lat WGS84 as given: no PROJ transformation to build
    tr_ = std::make_unique<transformer>(from, area_crs ? *area_crs : crs::wgs84());
    if (!planar_ && tr_->is_identity())
        tr_.reset();
}

double area_measure::operator()(const OGRGeometry& g) const
{
    if (!tr_)
        return geodesic_area_km2(g);
    geometry_ptr copy = clone(&g);
    tr_->transform(*copy);
    if (!planar_)
        return geodesic_area_km2(*copy);
    const auto t = wkbFlatten(copy->getGeometryType());
    if (OGR_GT_IsSurface(t))
        return copy->toSurface()->get_Area() / 1e6;
    if (OGR_GT_IsSubClassOf(t, wkbGeometryCollection)) {
        double sum = 0;
        for (const OGRGeometry* part : *copy->toGeometryCollection())
            if (OGR_GT_IsSurface(wkbFlatten(part->getGeometryType())))
                sum += part->toSurface()->get_Area() / 1e6;
        return sum;
    }
    return 0;
}

} // namespace geo::overlay::detail
