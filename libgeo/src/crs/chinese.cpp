#include "libgeo/crs/chinese.hpp"

#include <cmath>
#include <numbers>

namespace geo::chinese {

namespace {

constexpr double pi = std::numbers::pi;
constexpr double krasovsky_a = 6378245.0;
constexpr double krasovsky_ee = 0.00669342162296594323;
constexpr double x_pi = pi * 3000.0 / 180.0;

double offset_lat(double x, double y)
{
    double r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * std::sqrt(std::abs(x));
    r += (20.0 * std::sin(6.0 * x * pi) + 20.0 * std::sin(2.0 * x * pi)) * 2.0 / 3.0;
    r += (20.0 * std::sin(y * pi) + 40.0 * std::sin(y / 3.0 * pi)) * 2.0 / 3.0;
    r += (160.0 * std::sin(y / 12.0 * pi) + 320.0 * std::sin(y * pi / 30.0)) * 2.0 / 3.0;
    return r;
}

double offset_lon(double x, double y)
{
    double r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * std::sqrt(std::abs(x));
    r += (20.0 * std::sin(6.0 * x * pi) + 20.0 * std::sin(2.0 * x * pi)) * 2.0 / 3.0;
    r += (20.0 * std::sin(x * pi) + 40.0 * std::sin(x / 3.0 * pi)) * 2.0 / 3.0;
    r += (150.0 * std::sin(x / 12.0 * pi) + 300.0 * std::sin(x / 30.0 * pi)) * 2.0 / 3.0;
    return r;
}

// Invert a forward map f by fixed-point iteration w <- w - (f(w) - target).
// The offsets vary slowly (Jacobian close to identity), so this converges
// geometrically; 30 rounds is far more than the ~6 needed for 1e-12 degrees.
template <class F>
lonlat invert(F forward, lonlat target) noexcept
{
    lonlat w = target;
    for (int i = 0; i < 30; ++i) {
        lonlat f = forward(w);
        double dlon = f.lon - target.lon;
        double dlat = f.lat - target.lat;
        w.lon -= dlon;
        w.lat -= dlat;
        if (std::abs(dlon) < 1e-12 && std::abs(dlat) < 1e-12)
            break;
    }
    return w;
}

} // namespace

bool out_of_china(double lon, double lat) noexcept
{
    return lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271;
}

lonlat wgs84_to_gcj02(lonlat p) noexcept
{
    if (out_of_china(p.lon, p.lat))
        return p;
    double dlat = offset_lat(p.lon - 105.0, p.lat - 35.0);
    double dlon = offset_lon(p.lon - 105.0, p.lat - 35.0);
    double radlat = p.lat / 180.0 * pi;
    double magic = std::sin(radlat);
    magic = 1 - krasovsky_ee * magic * magic;
    double sqrtmagic = std::sqrt(magic);
    dlat = (dlat * 180.0) / ((krasovsky_a * (1 - krasovsky_ee)) / (magic * sqrtmagic) * pi);
    dlon = (dlon * 180.0) / (krasovsky_a / sqrtmagic * std::cos(radlat) * pi);
    return {p.lon + dlon, p.lat + dlat};
}

lonlat gcj02_to_wgs84(lonlat p) noexcept
{
    if (out_of_china(p.lon, p.lat))
        return p;
    return invert(wgs84_to_gcj02, p);
}

lonlat gcj02_to_bd09(lonlat p) noexcept
{
    double z = std::sqrt(p.lon * p.lon + p.lat * p.lat) + 0.00002 * std::sin(p.lat * x_pi);
    double theta = std::atan2(p.lat, p.lon) + 0.000003 * std::cos(p.lon * x_pi);
    return {z * std::cos(theta) + 0.0065, z * std::sin(theta) + 0.006};
}

lonlat bd09_to_gcj02(lonlat p) noexcept { return invert(gcj02_to_bd09, p); }

lonlat wgs84_to_bd09(lonlat p) noexcept
{
    if (out_of_china(p.lon, p.lat))
        return p;
    return gcj02_to_bd09(wgs84_to_gcj02(p));
}

lonlat bd09_to_wgs84(lonlat p) noexcept
{
    if (out_of_china(p.lon, p.lat))
        return p;
    return gcj02_to_wgs84(bd09_to_gcj02(p));
}

} // namespace geo::chinese
