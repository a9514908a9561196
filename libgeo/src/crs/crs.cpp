#include "libgeo/crs/crs.hpp"

#include "libgeo/core/error.hpp"
#include "libgeo/io/layer.hpp"

#include <algorithm>
#include <cctype>
#include <cpl_error.h>

namespace geo {

namespace {

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

std::shared_ptr<const OGRSpatialReference> make_srs(const std::string& user_input, const std::string& shown)
{
    auto srs = std::make_shared<OGRSpatialReference>();
    CPLPushErrorHandler(CPLQuietErrorHandler);
    OGRErr err = srs->SetFromUserInput(user_input.c_str());
    CPLPopErrorHandler();
    if (err != OGRERR_NONE)
        throw usage_error("crs: unknown CRS " + quoted(shown) +
                          ". Use wgs84, cgcs2000, gcj02, bd09, webmercator, utm51n, shanghai-tm, "
                          "cgcs2000-gk40, cgcs2000-gk41, EPSG:<code> or a PROJ/WKT definition.");
    srs->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    return srs;
}

} // namespace

crs crs::parse(const std::string& name)
{
    crs c;
    c.name_ = name;
    const std::string n = lower(name);
    if (n.empty())
        throw usage_error("crs: empty CRS name. Use wgs84, cgcs2000, gcj02, bd09 or EPSG:<code>.");
    if (n == "gcj02" || n == "gcj-02" || n == "gcj") {
        c.pseudo_ = pseudo_datum::gcj02;
        c.srs_ = geo::wgs84();
        return c;
    }
    if (n == "bd09" || n == "bd-09" || n == "baidu") {
        c.pseudo_ = pseudo_datum::bd09;
        c.srs_ = geo::wgs84();
        return c;
    }
    std::string input = name;
    if (n == "wgs84" || n == "wgs-84" || n == "4326" || n == "crs84")
        input = "EPSG:4326";
    else if (n == "cgcs2000" || n == "4490")
        input = "EPSG:4490";
    else if (n == "webmercator" || n == "web-mercator" || n == "3857")
        input = "EPSG:3857";
    else if (n == "utm51n" || n == "32651")
        input = "EPSG:32651";
    else if (n == "cgcs2000-gk40")
        input = "EPSG:4549"; // CGCS2000 / 3-degree Gauss-Kruger CM 120E
    else if (n == "cgcs2000-gk41")
        input = "EPSG:4550"; // CGCS2000 / 3-degree Gauss-Kruger CM 123E
    else if (n == "shanghai-tm")
        return shanghai_tm();
    else if (std::all_of(n.begin(), n.end(), [](unsigned char ch) { return std::isdigit(ch); }))
        input = "EPSG:" + n;
    c.srs_ = make_srs(input, name);
    return c;
}

crs crs::from_srs(const OGRSpatialReference& srs)
{
    crs c;
    auto copy = std::make_shared<OGRSpatialReference>(srs);
    copy->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    c.srs_ = std::move(copy);
    c.name_ = c.describe();
    return c;
}

crs crs::wgs84()
{
    crs c;
    c.name_ = "wgs84";
    c.srs_ = geo::wgs84();
    return c;
}

crs crs::shanghai_tm()
{
    static const std::shared_ptr<const OGRSpatialReference> srs =
        make_srs("+proj=tmerc +lat_0=0 +lon_0=121.5 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs +type=crs",
                 "shanghai-tm");
    crs c;
    c.name_ = "shanghai-tm";
    c.srs_ = srs;
    return c;
}

bool crs::is_geographic() const { return is_pseudo() || (srs_ && srs_->IsGeographic()); }

std::string crs::describe() const
{
    if (pseudo_ == pseudo_datum::gcj02)
        return "GCJ-02";
    if (pseudo_ == pseudo_datum::bd09)
        return "BD-09";
    if (!srs_)
        return "unknown";
    const char* auth = srs_->GetAuthorityName(nullptr);
    const char* code = srs_->GetAuthorityCode(nullptr);
    if (auth && code)
        return std::string(auth) + ":" + code;
    if (name_ == "shanghai-tm")
        return "shanghai-tm (tmerc lon_0=121.5, GRS80)";
    const char* nm = srs_->GetName();
    return nm ? nm : "custom";
}

} // namespace geo
