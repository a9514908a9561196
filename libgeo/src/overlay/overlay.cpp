#include "libgeo/overlay/overlay.hpp"

#include "libgeo/core/error.hpp"
#include "libgeo/crs/geodesic.hpp"
#include "libgeo/crs/transform.hpp"
#include "overlay/util.hpp"

#include <boost/geometry.hpp>
#include <boost/geometry/index/rtree.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <unordered_set>

namespace geo::overlay {

namespace bg = boost::geometry;
namespace bgi = boost::geometry::index;
using detail::parallel_for;

namespace {

using point2 = bg::model::point<double, 2, bg::cs::cartesian>;
using box2 = bg::model::box<point2>;

const std::vector<std::pair<std::string, operation>>& op_table()
{
    static const std::vector<std::pair<std::string, operation>> t = {
        {"intersection", operation::intersection}, {"union", operation::union_},
        {"identity", operation::identity},         {"difference", operation::difference},
        {"symdifference", operation::symdifference}, {"clip", operation::clip},
    };
    return t;
}

bool keeps_b_fields(operation op) { return op != operation::difference && op != operation::clip; }
bool has_pairs(operation op)
{
    return op == operation::intersection || op == operation::union_ || op == operation::identity;
}
bool a_remainder(operation op)
{
    return op == operation::union_ || op == operation::identity || op == operation::difference ||
           op == operation::symdifference;
}
bool b_remainder(operation op) { return op == operation::union_ || op == operation::symdifference; }

// One input layer on its way through the overlay.
struct side {
    const layer* l = nullptr;
    std::vector<box2> boxes;
    std::vector<bool> present;            // has a non-empty geometry
    std::vector<bool> needed;             // takes part in a GEOS operation
    std::vector<geos::geom_ptr> geoms;    // GEOS geometry of needed features (null if dropped)
    std::vector<int> ncoords;
    std::vector<std::unique_ptr<repair_entry>> repairs; // sparse: null when nothing to report
    int dim = -1;                         // highest dimension among present geometries
    int min_dim = 3;                      // lowest
};

void scan(side& s, const layer& l)
{
    s.l = &l;
    const std::size_t n = l.features.size();
    s.boxes.resize(n);
    s.present.assign(n, false);
    s.needed.assign(n, false);
    s.geoms.resize(n);
    s.ncoords.assign(n, 0);
    s.repairs.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        const OGRGeometry* g = l.features[i].geometry.get();
        if (!g || g->IsEmpty()) {
            s.repairs[i] = std::make_unique<repair_entry>(repair_entry{
                l.source.empty() ? l.name : l.source, l.features[i].source_index + 1, g ? "empty geometry" : "no geometry",
                "dropped"});
            continue;
        }
        OGREnvelope e;
        g->getEnvelope(&e);
        s.boxes[i] = box2(point2(e.MinX, e.MinY), point2(e.MaxX, e.MaxY));
        s.present[i] = true;
        int d = g->getDimension();
        s.dim = std::max(s.dim, d);
        s.min_dim = std::min(s.min_dim, d);
    }
}

// Convert the needed features to GEOS, validating and repairing them.
void load(side& s, unsigned threads)
{
    const layer& l = *s.l;
    const std::string name = l.source.empty() ? l.name : l.source;
    parallel_for(l.features.size(), threads, 256, detail::make_no_state, [&](detail::no_state&, std::size_t i) {
        if (!s.needed[i])
            return;
        auto g = geos::from_ogr(*l.features[i].geometry);
        auto r = detail::check_and_repair(std::move(g));
        if (!r.reason.empty())
            s.repairs[i] = std::make_unique<repair_entry>(
                repair_entry{name, l.features[i].source_index + 1, r.reason, r.dropped ? "dropped" : "repaired"});
        if (r.geometry) {
            s.ncoords[i] = GEOSGetNumCoordinates_r(geos::context(), r.geometry.get());
            detail::prime(*r.geometry); // envelopes cached before the geometry is shared between threads
        }
        s.geoms[i] = std::move(r.geometry);
    });
}

std::string feature_label(const side& s, std::size_t i)
{
    return fmt::format("{} feature {}", quoted(s.l->source.empty() ? s.l->name : s.l->source),
                       s.l->features[i].source_index + 1);
}

[[noreturn]] void geos_failed(const char* what, const side& a, std::size_t i, const side* b, std::size_t j)
{
    std::string msg = fmt::format("overlay: GEOS {} failed on {}", what, feature_label(a, i));
    if (b)
        msg += " and " + feature_label(*b, j);
    throw geometry_error(msg + ": " + geos::last_error() + ". Check these geometries (e.g. simplify them) and retry.");
}

// Per-thread lazily prepared geometries of both sides.
struct prep_cache {
    std::vector<geos::prepared_ptr> a, b;
    const GEOSPreparedGeometry* get(std::vector<geos::prepared_ptr>& v, const GEOSGeometry& g, std::size_t i)
    {
        if (v.empty())
            return nullptr;
        if (!v[i])
            v[i] = geos::prepare(g);
        return v[i].get();
    }
};

// Union of the other side's candidate geometries (null when there is none).
geos::geom_ptr union_of(const side& other, const std::vector<std::uint32_t>& idx, const side& s, std::size_t i)
{
    auto ctx = geos::context();
    std::vector<GEOSGeometry*> parts;
    for (auto j : idx)
        if (other.geoms[j])
            parts.push_back(GEOSGeom_clone_r(ctx, other.geoms[j].get()));
    if (parts.empty())
        return nullptr;
    if (parts.size() == 1)
        return geos::geom_ptr(parts[0]);
    geos::geom_ptr coll(
        GEOSGeom_createCollection_r(ctx, GEOS_GEOMETRYCOLLECTION, parts.data(), static_cast<unsigned>(parts.size())));
    GEOSGeometry* u = GEOSUnaryUnion_r(ctx, coll.get());
    if (!u)
        geos_failed("union", s, i, nullptr, 0);
    return geos::geom_ptr(u);
}

// s − ∪other (candidates idx); a copy of s when nothing is subtracted.
geos::geom_ptr remainder(const side& s, std::size_t i, const side& other, const std::vector<std::uint32_t>& idx,
                         int dim)
{
    auto ctx = geos::context();
    const GEOSGeometry* g = s.geoms[i].get();
    auto u = union_of(other, idx, s, i);
    if (!u)
        return detail::extract_dimension(geos::geom_ptr(GEOSGeom_clone_r(ctx, g)), dim);
    GEOSGeometry* d = GEOSDifference_r(ctx, g, u.get());
    if (!d)
        geos_failed("difference", s, i, nullptr, 0);
    return detail::extract_dimension(geos::geom_ptr(d), dim);
}


} // namespace

const char* to_string(operation op)
{
    for (const auto& [name, o] : op_table())
        if (o == op)
            return name.c_str();
    return "?";
}

std::vector<std::string> operation_names()
{
    std::vector<std::string> v;
    for (const auto& [name, o] : op_table())
        v.push_back(name);
    return v;
}

operation parse_operation(const std::string& name)
{
    for (const auto& [n, o] : op_table())
        if (n == name)
            return o;
    if (name == "erase")
        return operation::difference;
    if (name == "symmetric_difference" || name == "symmetric-difference")
        return operation::symdifference;
    throw usage_error("overlay: unknown operation " + quoted(name) +
                      ". Use one of: intersection, union, identity, difference, symdifference, clip.");
}

std::vector<field_def> output_fields(const layer& a, const layer& b, const options& opt)
{
    const bool with_b = keeps_b_fields(opt.op);
    std::set<std::string> names_a, names_b;
    for (const auto& f : a.fields)
        names_a.insert(opt.prefix_a + f.name);
    if (with_b)
        for (const auto& f : b.fields)
            names_b.insert(opt.prefix_b + f.name);
    std::vector<field_def> out;
    std::set<std::string> used;
    auto add = [&](std::string name, field_type t) {
        std::string base = name;
        for (int k = 2; used.count(name); ++k)
            name = base + "_" + std::to_string(k);
        used.insert(name);
        out.push_back({name, t});
    };
    for (const auto& f : a.fields) {
        std::string n = opt.prefix_a + f.name;
        if (names_b.count(n) || n == opt.area_field)
            n += opt.suffix_a;
        add(n, f.type);
    }
    if (with_b)
        for (const auto& f : b.fields) {
            std::string n = opt.prefix_b + f.name;
            if (names_a.count(n) || n == opt.area_field)
                n += opt.suffix_b;
            add(n, f.type);
        }
    if (!opt.area_field.empty()) {
        used.erase(opt.area_field); // the area field keeps its name; inputs were renamed above
        add(opt.area_field, field_type::real);
    }
    return out;
}

result run(const layer& la, const layer& lb, const options& opt)
{
    if (la.crs && lb.crs && !la.crs->IsSame(lb.crs.get()))
        throw usage_error("overlay: " + quoted(la.source) + " and " + quoted(lb.source) +
                          " are in different CRSs. Reproject one of them first (e.g. ogr2ogr -t_srs).");
    const operation op = opt.op;
    side a, b;
    scan(a, la);
    scan(b, lb);
    auto dim_name = [](int d) { return d == 0 ? "points" : d == 1 ? "lines" : "polygons"; };
    if (op == operation::union_ || op == operation::symdifference) {
        for (const side* s : {&a, &b})
            if (s->dim >= 0 && s->min_dim < 2)
                throw usage_error(fmt::format("overlay: {} needs polygon layers, but {} holds {}. "
                                              "Use intersection, identity or difference.",
                                              to_string(op), quoted(s->l->source), dim_name(s->min_dim)));
    }
    // Target dimension of each kind of piece (keep_geom_type).
    const int dim_pair = std::min(a.dim, b.dim);
    const int dim_a = a.dim, dim_b = b.dim;

    // Candidate pairs: R-tree over B's boxes, queried with each A box, A-major order.
    std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;
    {
        std::vector<std::pair<box2, std::uint32_t>> entries;
        for (std::size_t j = 0; j < lb.features.size(); ++j)
            if (b.present[j])
                entries.emplace_back(b.boxes[j], static_cast<std::uint32_t>(j));
        bgi::rtree<std::pair<box2, std::uint32_t>, bgi::quadratic<16>> tree(entries.begin(), entries.end());
        std::vector<std::pair<box2, std::uint32_t>> hits;
        for (std::size_t i = 0; i < la.features.size(); ++i) {
            if (!a.present[i])
                continue;
            hits.clear();
            tree.query(bgi::intersects(a.boxes[i]), std::back_inserter(hits));
            std::vector<std::uint32_t> js;
            for (const auto& h : hits)
                js.push_back(h.second);
            std::sort(js.begin(), js.end());
            for (auto j : js)
                pairs.emplace_back(static_cast<std::uint32_t>(i), j);
        }
    }
    // Candidates per feature of each side.
    std::vector<std::vector<std::uint32_t>> cand_a(la.features.size()), cand_b(lb.features.size());
    for (const auto& [i, j] : pairs) {
        cand_a[i].push_back(j);
        cand_b[j].push_back(i);
    }
    for (std::size_t i = 0; i < la.features.size(); ++i)
        a.needed[i] = a.present[i] && (!cand_a[i].empty() || a_remainder(op));
    for (std::size_t j = 0; j < lb.features.size(); ++j)
        b.needed[j] = b.present[j] && (!cand_b[j].empty() || b_remainder(op));
    load(a, opt.threads);
    load(b, opt.threads);

    auto ctx0 = geos::context();
    (void)ctx0;
    // Which features are worth preparing: many vertices and several partners.
    constexpr int prep_min_coords = 32;
    constexpr std::size_t prep_min_pairs = 4;
    auto preparable_a = [&](std::size_t i) { return a.ncoords[i] >= prep_min_coords && cand_a[i].size() >= prep_min_pairs; };
    auto preparable_b = [&](std::size_t j) { return b.ncoords[j] >= prep_min_coords && cand_b[j].size() >= prep_min_pairs; };

    // Intersection pieces, one slot per candidate pair.
    std::vector<geos::geom_ptr> pair_piece;
    if (has_pairs(op)) {
        pair_piece.resize(pairs.size());
        auto make_cache = [&](unsigned) {
            prep_cache c;
            c.a.resize(la.features.size());
            c.b.resize(lb.features.size());
            return c;
        };
        parallel_for(pairs.size(), opt.threads, 16, make_cache, [&](prep_cache& cache, std::size_t k) {
            auto [i, j] = pairs[k];
            const GEOSGeometry* ga = a.geoms[i].get();
            const GEOSGeometry* gb = b.geoms[j].get();
            if (!ga || !gb)
                return;
            auto ctx = geos::context();
            // Prepare the side with more vertices, when it pays.
            const GEOSPreparedGeometry* p = nullptr;
            const GEOSGeometry* other = nullptr;
            if (a.ncoords[i] >= b.ncoords[j] && preparable_a(i)) {
                p = cache.get(cache.a, *ga, i);
                other = gb;
            } else if (preparable_b(j)) {
                p = cache.get(cache.b, *gb, j);
                other = ga;
            }
            if (p) {
                char hit = GEOSPreparedIntersects_r(ctx, p, other);
                if (hit == 2)
                    geos_failed("intersects", a, i, &b, j);
                if (!hit)
                    return;
                const int dim_big = other == gb ? a.dim : b.dim;
                if (dim_big == 2 && GEOSPreparedContainsProperly_r(ctx, p, other) == 1) {
                    pair_piece[k] =
                        detail::extract_dimension(geos::geom_ptr(GEOSGeom_clone_r(ctx, other)), dim_pair);
                    return;
                }
            }
            GEOSGeometry* x = GEOSIntersection_r(ctx, ga, gb);
            if (!x)
                geos_failed("intersection", a, i, &b, j);
            geos::geom_ptr piece(x);
            pair_piece[k] = opt.keep_geom_type ? detail::extract_dimension(std::move(piece), dim_pair)
                                               : (GEOSisEmpty_r(ctx, x) ? nullptr : std::move(piece));
        });
    }

    // Per-feature pieces: remainders (A − ∪B, B − ∪A) or clips (A ∩ ∪B).
    std::vector<geos::geom_ptr> rest_a, rest_b;
    if (a_remainder(op) || op == operation::clip) {
        rest_a.resize(la.features.size());
        parallel_for(la.features.size(), opt.threads, 1, detail::make_no_state, [&](detail::no_state&, std::size_t i) {
            if (!a.geoms[i])
                return;
            auto ctx = geos::context();
            if (op == operation::clip) {
                auto u = union_of(b, cand_a[i], a, i);
                if (!u)
                    return;
                GEOSGeometry* x = GEOSIntersection_r(ctx, a.geoms[i].get(), u.get());
                if (!x)
                    geos_failed("intersection", a, i, nullptr, 0);
                geos::geom_ptr piece(x);
                rest_a[i] = opt.keep_geom_type ? detail::extract_dimension(std::move(piece), dim_a)
                                               : (GEOSisEmpty_r(ctx, x) ? nullptr : std::move(piece));
                return;
            }
            rest_a[i] = remainder(a, i, b, cand_a[i], dim_a);
        });
    }
    if (b_remainder(op)) {
        rest_b.resize(lb.features.size());
        parallel_for(lb.features.size(), opt.threads, 8, detail::make_no_state, [&](detail::no_state&, std::size_t j) {
            if (b.geoms[j])
                rest_b[j] = remainder(b, j, a, cand_b[j], dim_b);
        });
    }

    // Assemble the output in a deterministic order.
    struct piece_ref {
        const GEOSGeometry* g;
        std::int64_t ia, ib;
    };
    std::vector<piece_ref> refs;
    for (std::size_t k = 0; k < pair_piece.size(); ++k)
        if (pair_piece[k])
            refs.push_back({pair_piece[k].get(), pairs[k].first, pairs[k].second});
    for (std::size_t i = 0; i < rest_a.size(); ++i)
        if (rest_a[i])
            refs.push_back({rest_a[i].get(), static_cast<std::int64_t>(i), -1});
    for (std::size_t j = 0; j < rest_b.size(); ++j)
        if (rest_b[j])
            refs.push_back({rest_b[j].get(), -1, static_cast<std::int64_t>(j)});

    result res;
    res.candidate_pairs = pairs.size();
    res.out.name = "overlay";
    res.out.crs = la.crs ? la.crs : lb.crs;
    res.out.source = "overlay";
    res.out.fields = output_fields(la, lb, opt);
    const std::size_t na = la.fields.size();
    const std::size_t nb = keeps_b_fields(op) ? lb.fields.size() : 0;
    const bool with_area = !opt.area_field.empty();
    res.out.features.resize(refs.size());
    res.a_index.resize(refs.size());
    res.b_index.resize(refs.size());
    // Area: planar in area_crs, or geodesic on WGS84; one PROJ transformation per thread.
    const crs from = res.out.crs ? crs::from_srs(*res.out.crs) : crs::wgs84();
    // Geodesic areas of WGS84 pieces need no PROJ object: measured in the parallel loop.
    // Otherwise one transformation (building it costs more than using it) in a second pass.
    const detail::area_measure measure(from, opt.area_crs);
    const bool measure_in_loop = with_area && measure.thread_safe();
    parallel_for(refs.size(), opt.threads, 64, detail::make_no_state, [&](detail::no_state&, std::size_t k) {
        const auto& r = refs[k];
        feature& f = res.out.features[k];
        f.source_index = static_cast<std::int64_t>(k);
        f.values.resize(res.out.fields.size());
        if (r.ia >= 0)
            std::copy(la.features[r.ia].values.begin(), la.features[r.ia].values.end(), f.values.begin());
        if (r.ib >= 0 && nb)
            std::copy(lb.features[r.ib].values.begin(), lb.features[r.ib].values.end(), f.values.begin() + na);
        f.geometry = geos::to_ogr(*r.g);
        if (measure_in_loop)
            f.values.back() = measure(*f.geometry);
        res.a_index[k] = r.ia;
        res.b_index[k] = r.ib;
    });

    if (with_area && !measure_in_loop)
        for (auto& f : res.out.features)
            f.values.back() = measure(*f.geometry);
    if (opt.measure_a)
        for (const auto& f : la.features)
            res.a_area_km2.push_back(f.geometry ? measure(*f.geometry) : 0.0);
    for (const side* s : {&a, &b})
        for (const auto& e : s->repairs)
            if (e)
                res.repairs.entries.push_back(*e);
    return res;
}

} // namespace geo::overlay
