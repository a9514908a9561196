#include "libgeo/geometry/validity.hpp"

#include "libgeo/core/error.hpp"
#include "libgeo/geometry/geos.hpp"

#include <fmt/format.h>

namespace geo {

namespace {

// At most 7 decimals (1 cm in degrees), trailing zeros dropped: 121.5, 31.2345678.
std::string short_number(double v)
{
    std::string s = fmt::format("{:.7f}", v);
    while (!s.empty() && s.back() == '0')
        s.pop_back();
    if (!s.empty() && s.back() == '.')
        s.pop_back();
    return s == "-0" ? "0" : s;
}

std::string source_of(const layer& l) { return quoted(l.source.empty() ? l.name : l.source); }

} // namespace

std::string validity::describe() const
{
    if (valid)
        return "valid";
    if (x && y)
        return fmt::format("{} at ({}, {})", reason, short_number(*x), short_number(*y));
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

namespace geo {

namespace {

// Check every geometry of `features`; call on_invalid(feature, 1-based position)
// for each invalid one after recording it in the result.
template <class Features, class OnInvalid>
layer_validity scan(Features& features, OnInvalid on_invalid)
{
    layer_validity r;
    std::int64_t pos = 0;
    for (auto& f : features) {
        ++pos;
        if (!f.geometry)
            continue;
        ++r.checked;
        validity v = check_validity(*f.geometry);
        if (v.valid)
            continue;
        if (r.invalid++ == 0) {
            r.first_feature = pos;
            r.first = v;
        }
        on_invalid(f, pos);
    }
    return r;
}

} // namespace

layer_validity check_layer(const layer& l)
{
    return scan(l.features, [](const feature&, std::int64_t) {});
}

layer_validity repair_layer(layer& l)
{
    std::size_t repaired = 0;
    layer_validity r = scan(l.features, [&](feature& f, std::int64_t pos) {
        try {
            f.geometry = make_valid(*f.geometry);
        } catch (const geometry_error& e) {
            throw geometry_error(fmt::format("{}: feature {}: {}", source_of(l), pos, e.what()));
        }
        ++repaired;
    });
    r.repaired = repaired;
    return r;
}

void require_valid(const layer& l, const layer_validity& v)
{
    if (v.invalid == 0)
        return;
    throw geometry_error(fmt::format("{}: feature {} has an invalid geometry: {} ({} of {} geometries invalid). "
                                     "Use --make-valid to repair.",
                                     source_of(l), v.first_feature, v.first.describe(), v.invalid, v.checked));
}

} // namespace geo
