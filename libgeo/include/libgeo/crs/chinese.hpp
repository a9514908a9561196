#pragma once
// Chinese web-map pseudo-datums. GCJ-02 ("Mars coordinates", used by AMap,
// Tencent, Tianditu's Chinese-market tiles) and BD-09 (Baidu) are obfuscated
// offsets of WGS84 that PROJ does not provide (PROJ issue 982). The forward
// transforms follow the published formulas (Krasovsky a = 6378245,
// e^2 = 0.00669342162296594323); inverses iterate to better than 1e-9 degrees.
// Points outside China (the usual rectangle test) are returned unchanged.

namespace geo::chinese {

struct lonlat {
    double lon = 0;
    double lat = 0;
};

/// True when the point lies outside the rectangle in which the offsets apply
/// (lon 72.004..137.8347, lat 0.8293..55.8271).
bool out_of_china(double lon, double lat) noexcept;

lonlat wgs84_to_gcj02(lonlat p) noexcept;
/// Iterative inverse of wgs84_to_gcj02; the round trip error is below 1e-9 degrees.
lonlat gcj02_to_wgs84(lonlat p) noexcept;
lonlat gcj02_to_bd09(lonlat p) noexcept;
/// Iterative inverse of gcj02_to_bd09.
lonlat bd09_to_gcj02(lonlat p) noexcept;
lonlat wgs84_to_bd09(lonlat p) noexcept;
lonlat bd09_to_wgs84(lonlat p) noexcept;

} // namespace geo::chinese
