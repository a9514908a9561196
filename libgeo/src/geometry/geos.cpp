#include "libgeo/geometry/geos.hpp"

#include "libgeo/core/error.hpp"

#include <cstdarg>
#include <cstdio>
#include <vector>

namespace geo::geos {

namespace {

struct context_holder {
    GEOSContextHandle_t handle = nullptr;
    std::string last_error;
    context_holder()
    {
        handle = GEOS_init_r();
        GEOSContext_setNoticeMessageHandler_r(handle, [](const char*, void*) {}, nullptr);
        GEOSContext_setErrorMessageHandler_r(
            handle,
            [](const char* message, void* user) { static_cast<context_holder*>(user)->last_error = message; },
            this);
    }
    ~context_holder() { GEOS_finish_r(handle); }
    context_holder(const context_holder&) = delete;
    context_holder& operator=(const context_holder&) = delete;
};

context_holder& holder()
{
    thread_local context_holder h;
    return h;
}

} // namespace

GEOSContextHandle_t context() { return holder().handle; }

std::string last_error() { return holder().last_error; }

void geom_deleter::operator()(GEOSGeometry* g) const noexcept
{
    if (g)
        GEOSGeom_destroy_r(context(), g);
}

void prepared_deleter::operator()(const GEOSPreparedGeometry* g) const noexcept
{
    if (g)
        GEOSPreparedGeom_destroy_r(context(), g);
}

geom_ptr from_ogr(const OGRGeometry& g)
{
    std::vector<unsigned char> wkb(g.WkbSize());
    g.exportToWkb(wkbNDR, wkb.data(), wkbVariantIso);
    GEOSGeometry* out = GEOSGeomFromWKB_buf_r(context(), wkb.data(), wkb.size());
    if (!out)
        throw geometry_error("geos: cannot convert geometry: " + last_error() + ".");
    return geom_ptr(out);
}

geometry_ptr to_ogr(const GEOSGeometry& g)
{
    GEOSWKBWriter* w = GEOSWKBWriter_create_r(context());
    GEOSWKBWriter_setByteOrder_r(context(), w, GEOS_WKB_NDR);
    std::size_t size = 0;
    unsigned char* buf = GEOSWKBWriter_write_r(context(), w, &g, &size);
    GEOSWKBWriter_destroy_r(context(), w);
    if (!buf)
        throw geometry_error("geos: cannot export geometry: " + last_error() + ".");
    OGRGeometry* out = nullptr;
    OGRErr err = OGRGeometryFactory::createFromWkb(buf, nullptr, &out, size);
    GEOSFree_r(context(), buf);
    if (err != OGRERR_NONE || !out)
        throw geometry_error("geos: cannot read back a GEOS geometry.");
    return geometry_ptr(out);
}

prepared_ptr prepare(const GEOSGeometry& g)
{
    const GEOSPreparedGeometry* p = GEOSPrepare_r(context(), &g);
    if (!p)
        throw geometry_error("geos: cannot prepare geometry: " + last_error() + ".");
    return prepared_ptr(p);
}

} // namespace geo::geos
