#include "libgeo/crs/geodesic.hpp"

#include <cmath>
#include <geodesic.h>

namespace geo {

namespace {

const geod_geodesic& wgs84_geod()
{
    static const geod_geodesic g = [] {
        geod_geodesic x{};
        geod_init(&x, 6378137.0, 1 / 298.257223563);
        return x;
    }();
    return g;
}

// Signed area (m^2) and perimeter (m) of a ring; the closing vertex is skipped.
void ring_measure(const OGRLinearRing& r, double& area, double& perimeter)
{
    geod_polygon p;
    geod_polygon_init(&p, 0);
    int n = r.getNumPoints();
    if (n > 1 && r.getX(0) == r.getX(n - 1) && r.getY(0) == r.getY(n - 1))
        --n;
    for (int i = 0; i < n; ++i)
        geod_polygon_addpoint(&wgs84_geod(), &p, r.getY(i), r.getX(i));
    area = 0;
    perimeter = 0;
    if (n >= 3)
        geod_polygon_compute(&wgs84_geod(), &p, 0, 1, &area, &perimeter);
}

double polygon_area_m2(const OGRPolygon& poly)
{
    double total = 0;
    bool outer = true;
    for (const OGRLinearRing* ring : poly) {
        double a = 0, per = 0;
        ring_measure(*ring, a, per);
        total += outer ? std::abs(a) : -std::abs(a);
        outer = false;
    }
    return total;
}

} // namespace

double geodesic_area_km2(const OGRGeometry& g)
{
    switch (wkbFlatten(g.getGeometryType())) {
    case wkbPolygon: return polygon_area_m2(*g.toPolygon()) / 1e6;
    case wkbMultiPolygon:
    case wkbGeometryCollection:
    case wkbMultiSurface: {
        double sum = 0;
        for (const OGRGeometry* part : *g.toGeometryCollection())
            sum += geodesic_area_km2(*part);
        return sum;
    }
    default: return 0;
    }
}

double geodesic_distance_m(double lon1, double lat1, double lon2, double lat2)
{
    double s12 = 0, azi1 = 0, azi2 = 0;
    geod_inverse(&wgs84_geod(), lat1, lon1, lat2, lon2, &s12, &azi1, &azi2);
    return s12;
}

double geodesic_length_m(const OGRGeometry& g)
{
    switch (wkbFlatten(g.getGeometryType())) {
    case wkbLineString:
    case wkbLinearRing: {
        const OGRLineString& l = *g.toLineString();
        double len = 0;
        for (int i = 1; i < l.getNumPoints(); ++i)
            len += geodesic_distance_m(l.getX(i - 1), l.getY(i - 1), l.getX(i), l.getY(i));
        return len;
    }
    case wkbPolygon: {
        double len = 0;
        for (const OGRLinearRing* r : *g.toPolygon())
            len += geodesic_length_m(*r);
        return len;
    }
    case wkbMultiLineString:
    case wkbMultiPolygon:
    case wkbGeometryCollection: {
        double len = 0;
        for (const OGRGeometry* part : *g.toGeometryCollection())
            len += geodesic_length_m(*part);
        return len;
    }
    default: return 0;
    }
}

} // namespace geo
