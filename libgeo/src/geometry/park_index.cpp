#include "libgeo/geometry/park_index.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace geo {

namespace {

// --- exact sign of a*b - c*d for doubles (Shewchuk's expansion arithmetic) ---

inline void two_sum(double a, double b, double& x, double& y)
{
    x = a + b;
    double bv = x - a;
    double av = x - bv;
    y = (a - av) + (b - bv);
}

inline void two_prod(double a, double b, double& x, double& y)
{
    x = a * b;
    y = std::fma(a, b, -x);
}

// Add one term to an expansion (grow-expansion); components stay exact.
void grow(double* e, int& n, double b)
{
    double q = b;
    int m = 0;
    for (int i = 0; i < n; ++i) {
        double s, h;
        two_sum(q, e[i], s, h);
        q = s;
        if (h != 0)
            e[m++] = h;
    }
    if (q != 0)
        e[m++] = q;
    n = m;
}

// Exact sign of (p2 - p1) x (q - p2), as GEOS's CGAlgorithmsDD::orientationIndex
// intends: dx1*dy2 - dy1*dx2 with dx1 = p2.x-p1.x, dy1 = p2.y-p1.y, dx2 = q.x-p2.x, dy2 = q.y-p2.y.
int exact_orientation(double p1x, double p1y, double p2x, double p2y, double qx, double qy)
{
    double a[2], b[2], c[2], d[2]; // each difference as an exact 2-term expansion (hi, lo)
    two_sum(p2x, -p1x, a[1], a[0]);
    two_sum(qy, -p2y, b[1], b[0]);
    two_sum(p2y, -p1y, c[1], c[0]);
    two_sum(qx, -p2x, d[1], d[0]);
    double e[40];
    int n = 0;
    for (int i = 0; i < 2; ++i)
        for (int j = 0; j < 2; ++j) {
            double x, y;
            two_prod(a[i], b[j], x, y);
            grow(e, n, x);
            grow(e, n, y);
            two_prod(-c[i], d[j], x, y);
            grow(e, n, x);
            grow(e, n, y);
        }
    // the largest-magnitude component is the last non-zero one
    for (int i = n - 1; i >= 0; --i)
        if (e[i] != 0)
            return e[i] > 0 ? 1 : -1;
    return 0;
}

// GEOS CGAlgorithmsDD::orientationIndexFilter; 2 = cannot decide.
inline int orientation_filter(double pax, double pay, double pbx, double pby, double pcx, double pcy)
{
    constexpr double dp_safe_epsilon = 1e-15;
    double detsum;
    const double detleft = (pax - pcx) * (pby - pcy);
    const double detright = (pay - pcy) * (pbx - pcx);
    const double det = detleft - detright;
    auto sgn = [](double v) { return v > 0 ? 1 : v < 0 ? -1 : 0; };
    if (detleft > 0.0) {
        if (detright <= 0.0)
            return sgn(det);
        detsum = detleft + detright;
    } else if (detleft < 0.0) {
        if (detright >= 0.0)
            return sgn(det);
        detsum = -detleft - detright;
    } else
        return sgn(det);
    const double errbound = dp_safe_epsilon * detsum;
    if ((det >= errbound) || (-det >= errbound))
        return sgn(det);
    return 2;
}

void collect_rings(const OGRGeometry* g, std::vector<const OGRLinearRing*>& rings)
{
    if (!g)
        return;
    switch (wkbFlatten(g->getGeometryType())) {
    case wkbPolygon: {
        const OGRPolygon* p = g->toPolygon();
        for (const OGRLinearRing* r : *p)
            rings.push_back(r);
        break;
    }
    case wkbMultiPolygon:
    case wkbGeometryCollection: {
        const OGRGeometryCollection* c = g->toGeometryCollection();
        for (const OGRGeometry* part : *c)
            collect_rings(part, rings);
        break;
    }
    default:
        break;
    }
}

inline std::int64_t band_of(double v, double v0, double inv, std::int64_t n)
{
    std::int64_t b = static_cast<std::int64_t>(std::floor((v - v0) * inv));
    return std::clamp<std::int64_t>(b, 0, n - 1);
}

} // namespace

int park_index::orientation(double p1x, double p1y, double p2x, double p2y, double qx, double qy)
{
    int f = orientation_filter(p1x, p1y, p2x, p2y, qx, qy);
    if (f <= 1)
        return f;
    return exact_orientation(p1x, p1y, p2x, p2y, qx, qy);
}

park_index::park_index(const std::vector<const OGRGeometry*>& polygons)
{
    parks_.resize(polygons.size());
    double ux0 = std::numeric_limits<double>::infinity(), uy0 = ux0, ux1 = -ux0, uy1 = -ux0;
    std::size_t total_segs = 0;
    std::vector<std::vector<segment>> raw(polygons.size());
    for (std::size_t k = 0; k < polygons.size(); ++k) {
        std::vector<const OGRLinearRing*> rings;
        collect_rings(polygons[k], rings);
        park& p = parks_[k];
        p.xmin = p.ymin = std::numeric_limits<double>::infinity();
        p.xmax = p.ymax = -p.xmin;
        for (const OGRLinearRing* r : rings) {
            int n = r->getNumPoints();
            for (int i = 0; i < n; ++i) {
                double x = r->getX(i), y = r->getY(i);
                p.xmin = std::min(p.xmin, x);
                p.xmax = std::max(p.xmax, x);
                p.ymin = std::min(p.ymin, y);
                p.ymax = std::max(p.ymax, y);
                if (i > 0)
                    raw[k].push_back({r->getX(i - 1), r->getY(i - 1), x, y});
            }
        }
        if (raw[k].empty()) {
            p.xmin = p.ymin = 0;
            p.xmax = p.ymax = -1;
            p.band_start = {0, 0};
            p.bands = 1;
            continue;
        }
        ux0 = std::min(ux0, p.xmin);
        uy0 = std::min(uy0, p.ymin);
        ux1 = std::max(ux1, p.xmax);
        uy1 = std::max(uy1, p.ymax);
        total_segs += raw[k].size();
        // horizontal bands over the park's y-range, ~2 segment vertices per band
        std::int64_t nb = std::clamp<std::int64_t>(static_cast<std::int64_t>(raw[k].size() / 2), 1, 1 << 14);
        double h = p.ymax - p.ymin;
        p.bands = static_cast<std::uint32_t>(nb);
        p.band_inv = h > 0 ? static_cast<double>(nb) / h : 0;
        std::vector<std::uint32_t> count(static_cast<std::size_t>(nb) + 1, 0);
        for (auto& s : raw[k]) {
            auto b0 = band_of(std::min(s.y1, s.y2), p.ymin, p.band_inv, nb);
            auto b1 = band_of(std::max(s.y1, s.y2), p.ymin, p.band_inv, nb);
            for (auto b = b0; b <= b1; ++b)
                ++count[static_cast<std::size_t>(b) + 1];
        }
        for (std::size_t b = 1; b < count.size(); ++b)
            count[b] += count[b - 1];
        p.band_start = count;
        p.segs.resize(count.back());
        std::vector<std::uint32_t> fillpos(count.begin(), count.end() - 1);
        for (auto& s : raw[k]) {
            auto b0 = band_of(std::min(s.y1, s.y2), p.ymin, p.band_inv, nb);
            auto b1 = band_of(std::max(s.y1, s.y2), p.ymin, p.band_inv, nb);
            for (auto b = b0; b <= b1; ++b)
                p.segs[fillpos[static_cast<std::size_t>(b)]++] = s;
        }
    }
    if (total_segs == 0) {
        gnx_ = gny_ = 1;
        gx0_ = gy0_ = 0;
        gx1_ = gy1_ = -1; // rejects everything
        cell_start_ = {0, 0};
        return;
    }
    // global grid: about 4 cells per park edge, at most 1024 x 1024
    double w = ux1 - ux0, h = uy1 - uy0;
    double target = std::clamp(std::sqrt(static_cast<double>(total_segs)) * 12.0, 16.0, 1024.0);
    double side = std::max(w, h) / target;
    if (!(side > 0))
        side = 1e-9;
    gnx_ = std::clamp<std::size_t>(static_cast<std::size_t>(std::ceil(w / side)), 1, 1024);
    gny_ = std::clamp<std::size_t>(static_cast<std::size_t>(std::ceil(h / side)), 1, 1024);
    gx0_ = ux0;
    gy0_ = uy0;
    gx1_ = ux1;
    gy1_ = uy1;
    double cw = w > 0 ? w / static_cast<double>(gnx_) : 1, ch = h > 0 ? h / static_cast<double>(gny_) : 1;
    ginvw_ = 1.0 / cw;
    ginvh_ = 1.0 / ch;
    const double margin = std::max(cw, ch) * 1e-6;
    auto cell_x = [&](double x) {
        return static_cast<std::size_t>(std::clamp<double>(std::floor((x - gx0_) * ginvw_), 0, static_cast<double>(gnx_ - 1)));
    };
    auto cell_y = [&](double y) {
        return static_cast<std::size_t>(std::clamp<double>(std::floor((y - gy0_) * ginvh_), 0, static_cast<double>(gny_ - 1)));
    };
    std::vector<std::pair<std::uint32_t, cell_entry>> items;
    std::vector<std::uint8_t> edge(gnx_ * gny_);
    for (std::size_t k = 0; k < parks_.size(); ++k) {
        if (raw[k].empty())
            continue;
        const park& p = parks_[k];
        std::size_t i0 = cell_x(p.xmin - margin), i1 = cell_x(p.xmax + margin);
        std::size_t j0 = cell_y(p.ymin - margin), j1 = cell_y(p.ymax + margin);
        for (std::size_t j = j0; j <= j1; ++j) // clear only the park's envelope
            std::fill(edge.begin() + static_cast<std::ptrdiff_t>(j * gnx_ + i0), edge.begin() + static_cast<std::ptrdiff_t>(j * gnx_ + i1 + 1), 0);
        for (auto& s : raw[k]) {
            std::size_t i0 = cell_x(std::min(s.x1, s.x2) - margin), i1 = cell_x(std::max(s.x1, s.x2) + margin);
            std::size_t j0 = cell_y(std::min(s.y1, s.y2) - margin), j1 = cell_y(std::max(s.y1, s.y2) + margin);
            for (std::size_t j = j0; j <= j1; ++j)
                for (std::size_t i = i0; i <= i1; ++i)
                    edge[j * gnx_ + i] = 1;
        }
        for (std::size_t j = j0; j <= j1; ++j)
            for (std::size_t i = i0; i <= i1; ++i) {
                std::size_t c = j * gnx_ + i;
                cell_entry ce{static_cast<std::uint32_t>(k), 0};
                if (!edge[c]) {
                    // no edge near the cell: its centre decides for the whole cell
                    double cx = gx0_ + (static_cast<double>(i) + 0.5) * cw;
                    double cy = gy0_ + (static_cast<double>(j) + 0.5) * ch;
                    if (locate(k, cx, cy) != location::interior)
                        continue;
                    ce.inside = 1;
                }
                items.emplace_back(static_cast<std::uint32_t>(c), ce);
            }
    }
    std::stable_sort(items.begin(), items.end(), [](auto& a, auto& b) { return a.first < b.first; });
    cell_start_.assign(gnx_ * gny_ + 1, 0);
    for (auto& [c, e] : items)
        ++cell_start_[c + 1];
    for (std::size_t c = 1; c < cell_start_.size(); ++c)
        cell_start_[c] += cell_start_[c - 1];
    entries_.reserve(items.size());
    for (auto& [c, e] : items)
        entries_.push_back(e);
}

location park_index::locate(std::size_t k, double x, double y) const
{
    const park& p = parks_[k];
    if (!(x >= p.xmin && x <= p.xmax && y >= p.ymin && y <= p.ymax))
        return location::exterior;
    std::int64_t b = band_of(y, p.ymin, p.band_inv, p.bands);
    int crossings = 0;
    // GEOS RayCrossingCounter::countSegment over the band's edges
    for (std::uint32_t s = p.band_start[static_cast<std::size_t>(b)], e = p.band_start[static_cast<std::size_t>(b) + 1]; s < e; ++s) {
        const segment& g = p.segs[s];
        if (g.x1 < x && g.x2 < x)
            continue; // strictly left of the point
        if (x == g.x2 && y == g.y2)
            return location::boundary; // on a vertex
        if (g.y1 == y && g.y2 == y) { // horizontal segment at the point's height
            double minx = std::min(g.x1, g.x2), maxx = std::max(g.x1, g.x2);
            if (minx <= x && x <= maxx)
                return location::boundary;
            continue;
        }
        if (((g.y1 > y) && (g.y2 <= y)) || ((g.y2 > y) && (g.y1 <= y))) {
            int orient = orientation(g.x1, g.y1, g.x2, g.y2, x, y);
            if (orient == 0)
                return location::boundary;
            if (g.y2 < g.y1)
                orient = -orient;
            if (orient > 0)
                ++crossings;
        }
    }
    return (crossings & 1) ? location::interior : location::exterior;
}

} // namespace geo
