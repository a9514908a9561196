#include "libgeo/stats/report.hpp"

#include <cmath>

namespace geo::stats {

namespace {

field_value i64(std::uint64_t v) { return static_cast<std::int64_t>(v); }

std::string join(const std::vector<std::string>& v, const char* sep)
{
    std::string s;
    for (auto& x : v)
        s += (s.empty() ? "" : sep) + x;
    return s;
}

} // namespace

table counts_table(const count_table& t, const park_set& ps)
{
    table tb{"counts", "Enterprises per park and industry", {"park_id", "industry", "count"}, {}};
    // without any industry value (no industry column) only the ALL rows say something
    const bool no_industry = t.total > 0 && t.all[t.industries.size()] == t.total;
    for (std::size_t p : ps.sorted_order()) {
        tb.rows.push_back({ps.ids[p], std::string("ALL"), i64(t.park_total(p))});
        for (std::size_t k = 0; k < t.industries.size() && !no_industry; ++k)
            tb.rows.push_back({ps.ids[p], t.industries[k], i64(t.n(p, k))});
    }
    return tb;
}

table park_industry_table(const summary& s, const count_table& t, const park_set& ps)
{
    table tb{"park_industry",
             "Per park and industry: density, share of the industry, location quotient (95% CI, delta method on ln LQ)",
             {"park_id", "industry", "count", "density_km2", "share_of_industry", "lq", "lq_lo", "lq_hi", "small_count"},
             {}};
    for (auto& r : s.park_industry)
        tb.rows.push_back({ps.ids[r.park], t.industries[r.industry], i64(r.n), r.density_km2, r.share_of_industry, r.lq.lq,
                           r.lq.lo, r.lq.hi, std::string(r.small ? "yes" : "no")});
    return tb;
}

table parks_table(const summary& s, const count_table& t, const park_set& ps)
{
    table tb{"parks", "Per park: density, Herfindahl-Hirschman index, Krugman specialisation",
             {"park_id", "name", "count", "area_km2", "density_km2", "hhi", "specialisation", "dominant"}, {}};
    for (auto& r : s.parks)
        tb.rows.push_back({ps.ids[r.park], ps.names[r.park], i64(r.n), r.area_km2, r.density_km2, r.hhi, r.specialisation,
                           r.dominant >= 0 ? field_value(t.industries[static_cast<std::size_t>(r.dominant)]) : field_value()});
    return tb;
}

table industries_table(const summary& s, const count_table& t)
{
    table tb{"industries", "Per industry: share inside parks, Ellison-Glaeser concentration across parks",
             {"industry", "count", "in_parks", "share_in_parks", "eg_gamma", "eg_G", "eg_H"}, {}};
    for (auto& r : s.industries)
        tb.rows.push_back({t.industries[r.industry], i64(r.n), i64(r.in_parks), r.share_in_parks, r.eg.gamma, r.eg.G, r.eg.H});
    return tb;
}

table alignment_table(const summary& s)
{
    table tb{"layout_alignment", "Layout alignment: the industry's enterprises by role of the plan's layout",
             {"layout", "layout_name", "role", "role_name", "industry", "count", "share", "parks"}, {}};
    for (auto& r : s.alignment)
        tb.rows.push_back({r.layout, r.layout_name_zh, r.role, r.role_name_zh, r.industry, i64(r.n), r.share, join(r.parks, ";")});
    return tb;
}

table totals_table(const count_table& t, const std::string& rule)
{
    table tb{"totals", "Points", {"measure", "count"}, {}};
    tb.rows.push_back({std::string("points"), i64(t.total)});
    tb.rows.push_back({std::string("in_parks"), i64(t.total - t.outside_total)});
    tb.rows.push_back({std::string("outside_parks"), i64(t.outside_total)});
    tb.rows.push_back({std::string("on_boundary"), i64(t.on_boundary)});
    tb.rows.push_back({std::string("in_several_parks"), i64(t.multi_park)});
    tb.rows.push_back({std::string("boundary_rule"), rule});
    return tb;
}

layer joined_layer(const summary& s, const count_table& t, const park_set& ps)
{
    layer l = ps.parks; // deep copy
    l.name = "park_stats";
    auto add = [&](const std::string& n, field_type ty) {
        if (auto i = l.field_index(n))
            return *i;
        return l.add_field(n, ty);
    };
    std::size_t f_all = add("n_all", field_type::integer);
    std::size_t f_area = add("area_km2_geodesic", field_type::real);
    std::size_t f_den = add("density_km2", field_type::real);
    std::size_t f_hhi = add("hhi", field_type::real);
    std::size_t f_spec = add("specialisation", field_type::real);
    std::size_t f_dom = add("dominant", field_type::string);
    const std::size_t K = t.industries.size();
    std::vector<std::size_t> f_n(K), f_lq(K), f_lo(K), f_hi(K), f_sh(K), f_d(K);
    for (std::size_t k = 0; k < K; ++k) {
        const std::string& g = t.industries[k];
        f_n[k] = add("n_" + g, field_type::integer);
        f_d[k] = add("density_" + g, field_type::real);
        f_sh[k] = add("share_" + g, field_type::real);
        f_lq[k] = add("lq_" + g, field_type::real);
        f_lo[k] = add("lq_lo_" + g, field_type::real);
        f_hi[k] = add("lq_hi_" + g, field_type::real);
    }
    auto real = [](double v) { return std::isfinite(v) ? field_value(v) : field_value(); };
    for (auto& r : s.parks) {
        auto& f = l.features[r.park];
        f.values[f_all] = i64(r.n);
        f.values[f_area] = real(r.area_km2);
        f.values[f_den] = real(r.density_km2);
        f.values[f_hhi] = real(r.hhi);
        f.values[f_spec] = real(r.specialisation);
        f.values[f_dom] = r.dominant >= 0 ? field_value(t.industries[static_cast<std::size_t>(r.dominant)]) : field_value();
    }
    for (auto& r : s.park_industry) {
        auto& f = l.features[r.park];
        f.values[f_n[r.industry]] = i64(r.n);
        f.values[f_d[r.industry]] = real(r.density_km2);
        f.values[f_sh[r.industry]] = real(r.share_of_industry);
        f.values[f_lq[r.industry]] = real(r.lq.lq);
        f.values[f_lo[r.industry]] = real(r.lq.lo);
        f.values[f_hi[r.industry]] = real(r.lq.hi);
    }
    return l;
}

} // namespace geo::stats
