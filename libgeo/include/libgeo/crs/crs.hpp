#pragma once
// Coordinate reference systems as zjgeo users name them. A crs is either a
// real CRS known to PROJ (always used with x = longitude/easting, so EPSG:4490's
// lat/lon axis order never swaps coordinates) or one of the Chinese web-map
// pseudo-datums GCJ-02 / BD-09, which are offsets applied to WGS84 lon/lat.
#include <memory>
#include <string>

#include <ogr_spatialref.h>

namespace geo {

enum class pseudo_datum { none, gcj02, bd09 };

class crs {
public:
    /// Parse a user's CRS name. Accepted: wgs84 | cgcs2000 | gcj02 | bd09 |
    /// webmercator | utm51n | shanghai-tm | cgcs2000-gk40 / cgcs2000-gk41
    /// (3-degree Gauss-Krueger zones CM 120E / 123E) | EPSG:n | n | any
    /// definition GDAL's SetFromUserInput accepts (WKT, PROJ string, OGC URN).
    /// @throws usage_error "crs: unknown CRS 'x'. ..." naming the accepted forms.
    static crs parse(const std::string& name);

    /// Build from an existing spatial reference (copied, axis order set to traditional GIS order).
    static crs from_srs(const OGRSpatialReference& srs);

    static crs wgs84();
    /// The default metric CRS for planar work in Shanghai: a transverse Mercator
    /// on CGCS2000/GRS80 centred on 121.5 E (scale error < 1e-4 across the city).
    static crs shanghai_tm();

    /// The name as given to parse(), or a short description.
    const std::string& name() const { return name_; }
    pseudo_datum pseudo() const { return pseudo_; }
    bool is_pseudo() const { return pseudo_ != pseudo_datum::none; }
    /// True for lon/lat systems (including the pseudo-datums).
    bool is_geographic() const;
    /// The real CRS (for a pseudo-datum: WGS84). Axis order: traditional GIS.
    const std::shared_ptr<const OGRSpatialReference>& srs() const { return srs_; }
    /// "EPSG:4490", or the PROJ string / name when there is no EPSG code; "GCJ-02"/"BD-09".
    std::string describe() const;

private:
    std::string name_;
    pseudo_datum pseudo_ = pseudo_datum::none;
    std::shared_ptr<const OGRSpatialReference> srs_;
};

} // namespace geo
