#include "libgeo/overlay/reach.hpp"

#include "libgeo/core/error.hpp"
#include "libgeo/crs/transform.hpp"
#include "libgeo/geometry/geos.hpp"
#include "overlay/util.hpp"

#include <boost/geometry.hpp>
#include <boost/geometry/index/rtree.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>

namespace geo::overlay {

namespace bg = boost::geometry;
namespace bgi = boost::geometry::index;

namespace {

using point2 = bg::model::point<double, 2, bg::cs::cartesian>;
using box2 = bg::model::box<point2>;

// GEOS geometries of a layer in shanghai_tm (null where a feature has none).
std::vector<geos::geom_ptr> to_tm(const layer& l)
{
    if (!l.crs)
        throw crs_error("reach: " + quoted(l.source) + " has no CRS. Give it with --src-crs.");
    transformer tr(crs::from_srs(*l.crs), crs::shanghai_tm());
    std::vector<geos::geom_ptr> out(l.features.size());
    for (std::size_t i = 0; i < l.features.size(); ++i) {
        const OGRGeometry* g = l.features[i].geometry.get();
        if (!g || g->IsEmpty())
            continue;
        geometry_ptr c = clone(g);
        tr.transform(*c);
        out[i] = geos::from_ogr(*c);
        detail::prime(*out[i]); // envelopes cached before the threads share the geometry
    }
    return out;
}

box2 box_of(const GEOSGeometry* g, double grow)
{
    auto ctx = geos::context();
    double x0, y0, x1, y1;
    GEOSGeom_getXMin_r(ctx, g, &x0);
    GEOSGeom_getYMin_r(ctx, g, &y0);
    GEOSGeom_getXMax_r(ctx, g, &x1);
    GEOSGeom_getYMax_r(ctx, g, &y1);
    return box2(point2(x0 - grow, y0 - grow), point2(x1 + grow, y1 + grow));
}

} // namespace

std::vector<reach_pair> within_distance(const layer& targets, const layer& sources, double distance_m, unsigned threads)
{
    if (!(distance_m >= 0))
        throw usage_error("reach: the distance must be 0 or more.");
    auto tg = to_tm(targets);
    auto sg = to_tm(sources);
    std::vector<std::pair<box2, std::size_t>> entries;
    for (std::size_t j = 0; j < sg.size(); ++j)
        if (sg[j])
            entries.emplace_back(box_of(sg[j].get(), distance_m), j);
    bgi::rtree<std::pair<box2, std::size_t>, bgi::quadratic<16>> tree(entries.begin(), entries.end());
    std::vector<std::vector<reach_pair>> per_target(tg.size());
    detail::parallel_for(tg.size(), threads, 8, detail::make_no_state, [&](detail::no_state&, std::size_t i) {
        if (!tg[i])
            return;
        std::vector<std::pair<box2, std::size_t>> hits;
        tree.query(bgi::intersects(box_of(tg[i].get(), 0)), std::back_inserter(hits));
        for (const auto& h : hits) {
            double d = 0;
            if (!GEOSDistance_r(geos::context(), tg[i].get(), sg[h.second].get(), &d))
                throw geometry_error("reach: GEOS distance failed on " + quoted(targets.source) + " feature " +
                                     std::to_string(targets.features[i].source_index) + ": " + geos::last_error() + ".");
            if (d <= distance_m)
                per_target[i].push_back({i, h.second, d});
        }
        std::sort(per_target[i].begin(), per_target[i].end(), [](const reach_pair& x, const reach_pair& y) {
            return x.distance_m != y.distance_m ? x.distance_m < y.distance_m : x.source < y.source;
        });
    });
    std::vector<reach_pair> out;
    for (auto& v : per_target)
        out.insert(out.end(), v.begin(), v.end());
    return out;
}

double parse_distance_m(const std::string& text)
{
    std::string s;
    for (char c : text)
        if (c != ' ')
            s += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    double factor = 1;
    if (s.size() > 2 && s.compare(s.size() - 2, 2, "km") == 0) {
        factor = 1000;
        s.resize(s.size() - 2);
    } else if (s.size() > 1 && s.back() == 'm') {
        s.pop_back();
    }
    double v = 0;
    auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (s.empty() || ec != std::errc() || ptr != s.data() + s.size() || !std::isfinite(v) || v < 0)
        throw usage_error("--distance " + quoted(text) + " is not a distance. Use e.g. 2km or 500m.");
    return v * factor;
}

} // namespace geo::overlay
