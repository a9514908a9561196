#pragma once
// Geodesic measures on the WGS84 ellipsoid through PROJ's geodesic routines
// (Karney's algorithms). Geometries must be in WGS84 lon/lat.
#include <ogr_geometry.h>

namespace geo {

/// Area in km^2 of the polygonal parts of a lon/lat geometry (holes subtracted,
/// ring orientation ignored). Points and lines have area 0.
double geodesic_area_km2(const OGRGeometry& g);

/// Distance in metres between two lon/lat points.
double geodesic_distance_m(double lon1, double lat1, double lon2, double lat2);

/// Length in metres of the linear parts (polygon rings count as their perimeter).
double geodesic_length_m(const OGRGeometry& g);

} // namespace geo
