#pragma once
// Exact point-in-polygon for many points against a few hundred polygons (the
// parks), with the semantics of GEOS's IndexedPointInAreaLocator — the test
// behind GEOSPreparedContains / PostGIS ST_Contains for a point:
//
//   interior  : strictly inside       (ST_Contains true)
//   boundary  : on an edge or vertex  (ST_Intersects / ST_Covers true, ST_Contains false)
//   exterior  : outside
//
// Structure: a uniform grid over the union of the parks' envelopes. A cell that
// no park edge touches is classified once (inside park k / outside everything);
// in a cell crossed by edges each candidate park is tested with GEOS's
// ray-crossing rule over the edges of one horizontal band of that park. The
// orientation test uses GEOS's floating-point filter and falls back to an exact
// expansion-arithmetic sign, so results equal GEOS's on every input, boundary
// points included. Read-only after construction: safe to query from many
// threads; a query allocates nothing.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <vector>

#include <ogr_geometry.h>

namespace geo {

enum class location : std::uint8_t { exterior = 0, boundary = 1, interior = 2 };

class park_index {
public:
    /// `polygons`: polygonal OGR geometries (Polygon/MultiPolygon, possibly
    /// inside a collection; other parts ignored), all in one planar/lon-lat CRS.
    /// A null geometry is a park that contains nothing.
    explicit park_index(const std::vector<const OGRGeometry*>& polygons);

    std::size_t size() const { return parks_.size(); }

    /// Location of (x, y) relative to park `k`.
    location locate(std::size_t k, double x, double y) const;

    /// Call fn(k, loc) for every park whose closure holds the point (loc is
    /// interior or boundary), in increasing k.
    template <class F>
    void query(double x, double y, F&& fn) const
    {
        if (!(x >= gx0_ && x <= gx1_ && y >= gy0_ && y <= gy1_))
            return; // also rejects NaN
        std::size_t i = static_cast<std::size_t>((x - gx0_) * ginvw_);
        std::size_t j = static_cast<std::size_t>((y - gy0_) * ginvh_);
        if (i >= gnx_)
            i = gnx_ - 1;
        if (j >= gny_)
            j = gny_ - 1;
        const std::size_t c = j * gnx_ + i;
        for (std::uint32_t e = cell_start_[c], end = cell_start_[c + 1]; e < end; ++e) {
            const cell_entry ce = entries_[e];
            if (ce.inside)
                fn(static_cast<std::size_t>(ce.park), location::interior);
            else {
                location l = locate(ce.park, x, y);
                if (l != location::exterior)
                    fn(static_cast<std::size_t>(ce.park), l);
            }
        }
    }

    /// Sign of the orientation of q relative to segment p1->p2 as GEOS computes
    /// it (1 left / counter-clockwise, -1 right, 0 collinear). Exposed for tests.
    static int orientation(double p1x, double p1y, double p2x, double p2y, double qx, double qy);

private:
    struct segment {
        double x1, y1, x2, y2;
    };
    struct park {
        double xmin = 0, ymin = 0, xmax = -1, ymax = -1;
        double band_inv = 0;
        std::uint32_t bands = 0;
        std::vector<segment> segs;          // in band order (duplicated across bands)
        std::vector<std::uint32_t> band_start; // bands + 1
    };
    struct cell_entry {
        std::uint32_t park : 31;
        std::uint32_t inside : 1;
    };

    std::vector<park> parks_;
    double gx0_ = 0, gy0_ = 0, gx1_ = -1, gy1_ = -1, ginvw_ = 0, ginvh_ = 0;
    std::size_t gnx_ = 0, gny_ = 0;
    std::vector<std::uint32_t> cell_start_{0};
    std::vector<cell_entry> entries_;
};

} // namespace geo
